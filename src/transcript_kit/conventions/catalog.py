"""The known convention profiles (built-in and the user's) and the choice of one per document."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path

import attrs

from transcript_kit.conventions.profile import (
    Convention,
    read_profile_file,
    read_spec,
    resolve,
)
from transcript_kit.errors import ConventionError

BASE = "base"
# Evidence is looked for in a document's opening: conventions show themselves early, and the choice stays cheap.
_EVIDENCE_WINDOW = 2_000
_EVIDENCE_CAP = 3  # matches of one evidence pattern that count: one repeated phrase must not decide alone


@functools.lru_cache(maxsize=1)
def builtin() -> Mapping[str, Convention]:
    """The profiles shipped in ``conventions/profiles/``, each resolved against its parent."""
    folder = resources.files("transcript_kit.conventions").joinpath("profiles")
    specs = {}
    for entry in folder.iterdir():
        if entry.name.endswith(".toml"):
            spec = read_spec(entry.read_text(encoding="utf-8"), f"profiles/{entry.name}")
            specs[spec.name] = spec
    resolved: dict[str, Convention] = {}
    while specs:  # parents before children
        ready = [s for s in specs.values() if s.data.get("parent") in (None, *resolved)]
        if not ready:
            raise ConventionError(f"profiles: unknown or circular parents among {sorted(specs)}")
        for spec in sorted(ready, key=lambda s: s.name):
            resolved[spec.name] = resolve(spec, resolved)
            del specs[spec.name]
    return resolved


@attrs.frozen(slots=True)
class Conventions:
    """The profiles a run may choose from, and the one forced on every document, if any."""

    profiles: Mapping[str, Convention]
    forced: str | None = None

    @classmethod
    def load(cls, files: Iterable[Path] = (), forced: str | None = None) -> Conventions:
        """The built-in profiles plus the user's profile files (validated now, before any input is read)."""
        profiles = dict(builtin())
        for path in files:
            profile = read_profile_file(Path(path), profiles)
            profiles[profile.name] = profile
        if forced is not None and forced not in profiles:
            raise ConventionError(f"unknown convention {forced!r} (known: {', '.join(sorted(profiles))})")
        return cls(profiles, forced)

    def choose(self, text: str) -> tuple[Convention, str]:
        """The profile for one document, and why: forced by the user, or the best-scoring evidence."""
        if self.forced is not None:
            return self.profiles[self.forced], "chosen by the user"
        # "\n" before the opening so that a line-start pattern ("\nQ ") also sees the first line.
        opening = "\n" + text[:_EVIDENCE_WINDOW]
        lowered = opening.lower()
        scores: dict[str, float] = dict.fromkeys(self.profiles, 0.0)
        for profile in self.profiles.values():
            for evidence in profile.evidence:
                found = _count(evidence.pattern, opening, lowered)
                scores[profile.name] += evidence.weight * found
        best, best_score = self.profiles[BASE], 0.0
        for profile in self.profiles.values():
            score = scores[profile.name]
            if profile.evidence and score >= profile.min_score and score > best_score:
                best, best_score = profile, score
        if best.name == BASE:
            return best, "no family's evidence: the base profile infers the labels"
        return best, f"evidence score {best_score:g}"


def _count(pattern: str, opening: str, lowered: str) -> int:
    """Matches of one evidence pattern in a document's opening, up to the cap."""
    compiled, on_lowered = _compiled(pattern)
    count = 0
    for _ in compiled.finditer(lowered if on_lowered else opening):
        count += 1
        if count >= _EVIDENCE_CAP:
            break
    return count


_ESCAPES = re.compile(r"\\[A-Za-z]")


@functools.lru_cache(maxsize=512)
def _compiled(pattern: str) -> tuple[re.Pattern[str], bool]:
    """A case-insensitive pattern of lower-case words runs case-sensitively on the lowered opening (Python's
    engine matches literals much faster without IGNORECASE); any other pattern runs as written."""
    body = pattern.removeprefix("(?i)")
    if body != pattern and not re.search("[A-Z]", _ESCAPES.sub("", body)):
        return re.compile(body), True
    return re.compile(pattern), False


@functools.lru_cache(maxsize=1)
def default_conventions() -> Conventions:
    """The built-in profiles, each document choosing its own."""
    return Conventions(builtin())
