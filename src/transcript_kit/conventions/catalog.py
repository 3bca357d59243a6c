"""The known convention profiles (built-in and the user's) and the choice of one per document."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path

import attrs

from transcript_kit.conventions.profile import Convention, read_profile_file, read_spec, resolve
from transcript_kit.errors import ConventionError

BASE = "base"
# Evidence is looked for in a document's opening: conventions show themselves early, and the choice stays cheap.
_EVIDENCE_WINDOW = 30_000
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
        opening = text[:_EVIDENCE_WINDOW]
        best, best_score = self.profiles[BASE], 0.0
        for profile in self.profiles.values():
            if not profile.evidence:
                continue
            score = sum(e.weight * min(_EVIDENCE_CAP, _count(e.pattern, opening)) for e in profile.evidence)
            if score >= profile.min_score and score > best_score:
                best, best_score = profile, score
        if best.name == BASE:
            return best, "no family's evidence: the base profile infers the labels"
        return best, f"evidence score {best_score:g}"


def _count(pattern: str, text: str) -> int:
    count = 0
    for _ in _compiled(pattern).finditer(text):
        count += 1
        if count >= _EVIDENCE_CAP:
            break
    return count


@functools.lru_cache(maxsize=512)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


@functools.lru_cache(maxsize=1)
def default_conventions() -> Conventions:
    """The built-in profiles, each document choosing its own."""
    return Conventions(builtin())
