"""Type the qualifiers printed beside a name in a speaker label, so that none of them is read as a name.

"Mr. SMITH of New Jersey" (a US state), "SEN. X (D-CA)" (party and state), "Mr. Jay Hill (Prince George-Peace
River, Ref.)" (a constituency and a party), "Mr MORRISON (Cook—Prime Minister)" (an electorate and an office),
"Mr. X (Russian Federation)" (a delegation), "(14:02)" (a clock time), "(spoke in Russian)" (a note). What is
none of the known kinds is a constituency: a seat is the one qualifier no word list can hold. The word lists
are the vocabulary's ``[qualifiers]`` section.
"""

from __future__ import annotations

import enum
import functools
import re
import sys
from collections.abc import Callable, Iterable
from importlib import resources
from typing import Any

import attrs

from transcript_kit.keys import fold

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


class QualifierKind(str, enum.Enum):
    STATE = "state"  # a US state, as its postal code
    COUNTRY = "country"  # a country or delegation
    PARTY = "party"  # the party's name as registries write it
    CLOCK = "clock"  # a time of day
    NOTE = "note"  # language or delivery
    OFFICE = "office"  # a portfolio or office
    CONSTITUENCY = "constituency"  # a seat: electorate, riding, constituency


@attrs.frozen(slots=True)
class Qualifier:
    kind: QualifierKind
    value: str


@attrs.frozen(slots=True)
class _Lists:
    states: dict[str, str]  # folded name or code → code
    countries: frozenset[str]  # folded
    parties: dict[str, str]  # folded abbreviation or name → name
    titles: frozenset[str]  # folded words that make a qualifier an office
    notes: tuple[str, ...]  # folded note openings


@functools.lru_cache(maxsize=1)
def _lists() -> _Lists:
    raw = (
        resources.files("transcript_kit.conventions").joinpath("vocabulary.toml").read_text(encoding="utf-8")
    )
    data: dict[str, Any] = tomllib.loads(raw)
    section = data["qualifiers"]
    states = {fold(code): code for code in section["us_states"]}
    states.update({fold(name): code for code, name in section["us_states"].items()})
    parties = {fold(abbr): name for abbr, name in section["parties"].items()}
    parties.update({fold(name): name for name in section["parties"].values()})
    titles = frozenset(fold(w) for w in section["office_words"])
    notes = tuple(fold(n) for n in data["label"]["words"]["notes"])
    return _Lists(states, frozenset(fold(c) for c in section["countries"]), parties, titles, notes)


_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?", re.I)
_PARTY_STATE = re.compile(
    r"([A-Za-z]{1,3})\.?\s*[-\u2013]\s*([A-Z]{2})"
)  # "D-CA", "R-Texas" is not this shape
_SPLIT = re.compile(
    r"\s*(?:,|;|\s[\u2014\u2013-]\s|[\u2014\u2013])\s*"
)  # commas and long dashes, not "Peace-River"


def is_place(text: str) -> bool:
    """Whether ``text`` is a country or a US state the vocabulary knows ("Russia", "United Kingdom", "Ohio")."""
    folded = fold(text)
    lists = _lists()
    return folded in lists.countries or folded in lists.states


def state_code(text: str | None) -> str | None:
    """The postal code of a US state named or coded in ``text`` ("Mississippi", "MS"), else None."""
    return _lists().states.get(fold(text)) if text else None


def party_name(text: str | None) -> str | None:
    """The party an abbreviation or name stands for ("Ref." → "Reform", "D" → "Democrat"), else None."""
    return _lists().parties.get(fold(text).rstrip(".")) if text else None


def type_qualifier(text: str, is_title: Callable[[str], bool] | None = None) -> tuple[Qualifier, ...]:
    """The typed parts of one printed qualifier; ``is_title`` also recognises a registry's offices."""
    lists = _lists()
    text = text.strip().strip("()[]").strip()
    if not text:
        return ()
    if _CLOCK.fullmatch(text):
        return (Qualifier(QualifierKind.CLOCK, text),)
    folded = fold(text)
    if any(folded.startswith(note) for note in lists.notes):
        return (Qualifier(QualifierKind.NOTE, text),)
    if folded.startswith("of ") or folded.startswith("for "):  # "of New Jersey": a state, else a seat
        place = text.split(None, 1)[1]
        code = state_code(place)
        if code is not None:
            return (Qualifier(QualifierKind.STATE, code),)
        return (Qualifier(QualifierKind.CONSTITUENCY, place),)
    match = _PARTY_STATE.fullmatch(text)
    if match and party_name(match[1]) and state_code(match[2]):
        return (
            Qualifier(QualifierKind.PARTY, party_name(match[1]) or ""),
            Qualifier(QualifierKind.STATE, state_code(match[2]) or ""),
        )
    parts = [p for p in _SPLIT.split(text) if p]
    if len(parts) > 1:
        return tuple(q for part in parts for q in type_qualifier(part, is_title))
    if folded in lists.countries:
        return (Qualifier(QualifierKind.COUNTRY, text),)
    if (party := party_name(text)) is not None:
        return (Qualifier(QualifierKind.PARTY, party),)
    if state_code(text) is not None and len(text) > 2:  # "(Mississippi)"; a bare "MS" is too short to trust
        return (Qualifier(QualifierKind.STATE, state_code(text) or ""),)
    words = folded.split()
    if any(w in lists.titles for w in words) or (is_title is not None and is_title(text)):
        return (Qualifier(QualifierKind.OFFICE, text),)
    return (Qualifier(QualifierKind.CONSTITUENCY, text),)


def type_qualifiers(
    texts: Iterable[str], is_title: Callable[[str], bool] | None = None
) -> tuple[Qualifier, ...]:
    return tuple(q for text in texts for q in type_qualifier(text, is_title))


def of_kind(qualifiers: Iterable[Qualifier], kind: QualifierKind) -> tuple[str, ...]:
    return tuple(q.value for q in qualifiers if q.kind is kind)
