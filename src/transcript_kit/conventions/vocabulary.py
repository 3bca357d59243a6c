"""The shared vocabulary (``vocabulary.toml``): honorifics, titles, roles, notes, months, the words that are never
speakers, and the regex shapes rules reference as ``@name@``.

Every module that needs a word list reads it from here; nothing keeps its own copy. The label grammar's word
terminals are filled from it (:func:`expand`), and so are the patterns of convention profiles.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Mapping
from importlib import resources
from typing import Any

import attrs

from transcript_kit.errors import ConventionError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

_PLACEHOLDER = re.compile(r"@([a-z_]+)@")


@attrs.frozen(slots=True)
class Vocabulary:
    """Word lists by name (``honorifics``, ``titles``, ``never_speakers`` …) and regex shapes (``clock`` …)."""

    words: Mapping[str, tuple[str, ...]]
    patterns: Mapping[str, str]
    role_keys: Mapping[str, str]
    months: Mapping[str, int]
    folded_sets: Mapping[str, frozenset[str]]

    def words_of(self, name: str) -> tuple[str, ...]:
        try:
            return self.words[name]
        except KeyError:
            raise ConventionError(f"vocabulary: no word list named {name!r}") from None

    def folded(self, name: str) -> frozenset[str]:
        """The word list ``name``, case-folded, as a set."""
        self.words_of(name)  # an unknown list is an error naming it
        return self.folded_sets[name]

    def contains(self, name: str, word: str) -> bool:
        """Whether ``word`` (case-insensitively) is in the list ``name``."""
        return word.casefold() in self.folded_sets[name]

    def alternation(self, name: str) -> str:
        """A regex alternation of a word list (longest first, so "secretary general" beats "secretary"), or of a
        named pattern."""
        if name in self.patterns:
            return self.patterns[name]
        return words_alternation(self.words_of(name))


def words_alternation(words: Iterable[str]) -> str:
    """Literal words as one regex alternation, longest first; a space matches any run of blanks."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def expand(pattern: str, vocabulary: Vocabulary | None = None) -> str:
    """``pattern`` with each ``@name@`` replaced by that word list's alternation (wrapped in a group)."""
    vocab = vocabulary or VOCABULARY
    return _PLACEHOLDER.sub(lambda m: f"(?:{vocab.alternation(m.group(1))})", pattern)


def placeholders(pattern: str) -> frozenset[str]:
    """The names of the ``@name@`` placeholders in ``pattern``."""
    return frozenset(_PLACEHOLDER.findall(pattern))


def _load() -> Vocabulary:
    raw = (
        resources.files("transcript_kit.conventions").joinpath("vocabulary.toml").read_text(encoding="utf-8")
    )
    data: dict[str, Any] = tomllib.loads(raw)
    words: dict[str, tuple[str, ...]] = {}
    role_keys: dict[str, str] = {}
    for section in ("label", "lines", "boilerplate", "markup"):
        for key, value in data.get(section, {}).items():
            if key == "role_keys":
                role_keys.update(value)
            elif key == "words":
                words.update({k: tuple(v) for k, v in value.items()})
            elif isinstance(value, list):
                words[key if section in ("label", "lines") else f"{section}_{key}"] = tuple(value)
    months = {name: int(number) for number, names in data["months"].items() for name in names}
    words["months"] = tuple(months)
    folded = {name: frozenset(w.casefold() for w in ws) for name, ws in words.items()}
    return Vocabulary(
        words=words, patterns=dict(data["patterns"]), role_keys=role_keys, months=months, folded_sets=folded
    )


VOCABULARY = _load()
