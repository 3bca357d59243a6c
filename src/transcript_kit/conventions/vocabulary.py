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
# In a pattern, "@name:title@" and "@name:upper@" are the list's words as printed in title case or capitals ("Mr",
# "MR"), for a pattern whose case tells a label from prose (lower case "miss" or "dr" there is no honorific).
_PATTERN_PLACEHOLDER = re.compile(r"@([a-z_]+)(?::([a-z]+))?@")
_CASES = {"title": str.title, "upper": str.upper}


@attrs.frozen(slots=True)
class Vocabulary:
    """Word lists by name (``honorifics``, ``titles``, ``never_speakers`` …) and regex shapes (``clock`` …)."""

    words: Mapping[str, tuple[str, ...]]
    patterns: Mapping[str, str]
    role_keys: Mapping[str, str]
    months: Mapping[str, int]
    office_abbreviations: Mapping[str, str]  # "pm" -> "prime minister": one office, two spellings
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
        return word.casefold().replace(_DOTTED_I, "i") in self.folded_sets[name]

    def alternation(self, name: str) -> str:
        """A regex alternation of a word list (longest first, so "secretary general" beats "secretary"), or of a
        named pattern."""
        if name in self.patterns:
            return self.patterns[name]
        return words_alternation(self.words_of(name))


def words_alternation(words: Iterable[str]) -> str:
    """Literal words as one regex alternation, longest first; a space matches any run of blanks. A slash is
    escaped too ("a/l"): the label grammar's terminals are regexes between slashes.

    A list in lower case (nearly every list) is written as a trie ("secretary(?:\\s+general)?|s(?:enator|peaker)"):
    the regex engine tries an alternation's branches one by one, so a flat list of hundreds of titles costs
    hundreds of tries at every place it is looked for, the trie a few. Its branches part at their first letter and
    a word's end comes after the words it opens, so it matches what the longest-first list matches, in either
    case (a list with capitals could hold two branches one case-insensitive letter apart: it stays flat)."""
    unique = set(words)
    if all(w == w.lower() for w in unique):
        trie: dict[str, dict[str, Any]] = {}
        for word in unique:
            node = trie
            for char in word:
                node = node.setdefault(char, {})
            node[""] = {}
        return _trie_regex(trie)
    ordered = sorted(unique, key=lambda w: (-len(w), w))
    return "|".join(_literal(w) for w in ordered)


def _literal(text: str) -> str:
    return re.escape(text).replace(r"\ ", r"\s+").replace("/", r"\/")


def _trie_regex(node: dict[str, dict[str, Any]]) -> str:
    branches = [_literal(char) + _trie_regex(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = "|".join(branches)
    if "" in node:  # a word ends here: the longer words go first, the end last
        return f"(?:{body})?"
    return body if len(branches) == 1 else f"(?:{body})"


def expand(pattern: str, vocabulary: Vocabulary | None = None) -> str:
    """``pattern`` with each ``@name@`` replaced by that word list's alternation or that pattern, itself expanded
    (wrapped in a group); ``@name:title@`` and ``@name:upper@`` give a word list's words in title case or capitals."""
    vocab = vocabulary or VOCABULARY

    def alternation(m: re.Match[str]) -> str:
        name, case = m.group(1), m.group(2)
        if case is None:
            if name in vocab.patterns:  # a pattern may name another: expanded in turn
                return f"(?:{expand(vocab.patterns[name], vocab)})"
            return f"(?:{vocab.alternation(name)})"
        if case not in _CASES:
            raise ConventionError(f"@{name}:{case}@: no case {case!r} (say 'title' or 'upper')")
        if name in vocab.patterns:
            raise ConventionError(f"@{name}:{case}@: {name!r} is a shape, not a word list; only a list takes a case")
        cased = (_CASES[case](w) for w in vocab.words_of(name))
        return f"(?:{words_alternation(cased)})"

    return _PATTERN_PLACEHOLDER.sub(alternation, pattern)


def placeholders(pattern: str) -> frozenset[str]:
    """The names of the ``@name@`` placeholders in ``pattern``."""
    return frozenset(m.group(1) for m in _PATTERN_PLACEHOLDER.finditer(pattern))


_DOTTED_I = "i\u0307"  # what "İ" case-folds to


def _load() -> Vocabulary:
    raw = (
        resources.files("transcript_kit.conventions").joinpath("vocabulary.toml").read_text(encoding="utf-8")
    )
    data: dict[str, Any] = tomllib.loads(raw)
    words: dict[str, tuple[str, ...]] = {}
    role_keys: dict[str, str] = {}
    abbreviations: dict[str, str] = {}
    for section in ("label", "lines", "boilerplate", "markup"):
        for key, value in data.get(section, {}).items():
            if key == "role_keys":
                role_keys.update(value)
            elif key == "office_abbreviations":
                abbreviations.update({k.casefold(): v.casefold() for k, v in value.items()})
            elif key == "words":
                words.update({k: tuple(v) for k, v in value.items()})
            elif isinstance(value, list):
                words[key if section in ("label", "lines") else f"{section}_{key}"] = tuple(value)
    words = {name: _resolved(name, entries, words) for name, entries in words.items()}
    months = {name: int(number) for number, names in data["months"].items() for name in names}
    words["months"] = tuple(months)
    # Turkish capitals fold without their dots ("BAKANI" is "bakanı", "MİLLÎ" is "millî"): each word is held
    # as case-folded and with a dotless ı as i, so a word in capitals finds it (see Vocabulary.contains).
    folded = {
        name: frozenset(key for w in ws for key in (w.casefold(), w.casefold().replace("ı", "i"))) for name, ws in words.items()
    }
    return Vocabulary(
        words=words,
        patterns=dict(data["patterns"]),
        role_keys=role_keys,
        months=months,
        office_abbreviations=abbreviations,
        folded_sets=folded,
    )


def _resolved(name: str, entries: tuple[str, ...], words: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    """A word list with each ``@other@`` entry replaced by the words of the list ``other`` (one level: a list
    names only lists of plain words), so a word shared by two lists is written once."""
    out: list[str] = []
    for entry in entries:
        named = _PLACEHOLDER.fullmatch(entry)
        if named is None:
            out.append(entry)
            continue
        other = words.get(named.group(1))
        if other is None or any(_PLACEHOLDER.fullmatch(w) for w in other):
            raise ConventionError(f"vocabulary.toml: list {name!r} names {entry!r}, which is no list of plain words")
        out.extend(other)
    return tuple(out)


VOCABULARY = _load()
