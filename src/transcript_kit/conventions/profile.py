"""A convention profile: how one family of publishers prints a transcript, as data.

A profile declares the label shapes it accepts (:class:`LabelShape`), an ordered table of paragraph rules
(:class:`LineRule`: boilerplate, heading, stage direction, recorder note, insert opener, end marker …) and the
evidence that tells a document is in its convention (:class:`Evidence`). Profiles are TOML files: the built-in
ones ship in ``conventions/profiles/``, a user adds one with ``--conventions FILE``. A profile names a parent and
overrides its tables by entry name (as sqlglot's dialects override a base dialect): same name replaces, a new name
comes first (so a family's rules outrank the base's), ``remove`` drops inherited entries. Patterns may use the
vocabulary's word lists and shapes as ``@name@``.
"""

from __future__ import annotations

import enum
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, Protocol, TypeVar

import attrs

from transcript_kit.conventions.vocabulary import expand
from transcript_kit.errors import ConventionError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


class Scope(str, enum.Enum):
    """Where in a document a paragraph rule applies."""

    ANYWHERE = "anywhere"
    PREAMBLE = "preamble"  # before the first label
    BODY = "body"  # after the first label
    AFTER_LAST_LABEL = "after_last_label"  # past the transcript's last label (end markers, trailers)
    OUTSIDE_TURNS = "outside_turns"  # not between the first and the last label (web furniture around a body)
    OVER_LABEL = "over_label"  # after the first label, right over a label (a subject's heading over its question)


# The token kinds a paragraph rule may give; the document grammar (grammar/transcript.lark) composes them.
# INSERT_OPEN is a note that opens material printed into the record ("[The prepared statement of Dr. Okwu
# follows:]"): it is kept as a stage record, and what follows up to the next label is inserted, never speech.
RULE_KINDS = frozenset(
    {"DATELINE", "DELIVERY", "STAGE", "HEADING", "BOILER", "TIMESTAMP", "END", "INSERT_OPEN"}
)


@attrs.frozen(slots=True)
class LineRule:
    """A paragraph whose whole text matches ``pattern`` (case-sensitive unless it says ``(?i)``) is of ``kind``."""

    name: str
    kind: str
    pattern: str
    reason: str
    scope: Scope = Scope.ANYWHERE
    # Patterns of which every paragraph of this kind holds one (the ". ." of dot leaders): a paragraph without any
    # is not matched against the rule at all, so a rule that must scan a whole paragraph costs nothing on speech.
    triggers: tuple[str, ...] = ()
    # What stands under such a paragraph, up to the next label, is no one's words either: a page's box under its
    # heading (a biography between an interview's answers), a secretariat's narrative between speeches.
    to_next_label: bool = False


@attrs.frozen(slots=True)
class LabelShape:
    """Where a label may open a turn, as a pattern anchored at a line's start with a group ``label``.

    ``delimiter`` is what ends the label as printed (":", ".", "" for a bare mark or a cue alone on its line);
    ``alone`` says the label stands alone on its line and its words come below. An ``active`` shape is looked for
    in every document of the profile; an inactive one only counts when the document itself shows it: its labels
    open many paragraphs, recur and share the shape (the base profile's inference)."""

    name: str
    pattern: str
    delimiter: str
    reason: str
    alone: bool = False
    active: bool = True
    capitals: bool = False  # the label must hold a word in capitals outside brackets ("Mr. McCONNELL")
    # Patterns of which every line of this shape holds at least one (the colon of a colon label): the lines inside
    # paragraphs worth a look are found by searching for these alone, which the engine does at memchr speed when a
    # trigger begins with a literal. A shape without triggers is looked for after every newline.
    triggers: tuple[str, ...] = ()
    # The shape is a mark of a new speaker that names no one (a caption's ">>" alone): it opens a turn whose words
    # are no named speaker's, so they are never added to the turn before.
    unnamed: bool = False
    # The label is a chat sender as the export prints it, whatever it is (a nickname "vasquez_r", a phone number
    # "+44 7700 900123"): the line's frame (a time and a separator, "<nick>") says it is one, not the label grammar.
    handle: bool = False
    # The shape whose labels this one answers (a witness's "A" marks answer the "Q" marks): the inactive shape counts
    # in a document where its labels open about as many paragraphs as the partner's, however many other labels.
    partner: str | None = None
    # The label stands inside the record's sentence that gives a speaker the floor, after words of the record's own
    # ("… concede el uso de la palabra al honorable Senador X:"), the sentence hard-wrapped over a few lines: those
    # words are a note of the record, and the speaker's words follow under it.
    introduces: bool = False


@attrs.frozen(slots=True)
class Evidence:
    """A pattern whose matches in a document's opening text vote for the profile, with a weight."""

    pattern: str
    weight: float = 1.0


@attrs.frozen(slots=True)
class Convention:
    """One publisher family's way of printing a transcript, resolved against its parents."""

    name: str
    description: str
    parent: str | None
    shapes: tuple[LabelShape, ...]
    rules: tuple[LineRule, ...]
    evidence: tuple[Evidence, ...]
    origin: str = "built-in"
    min_score: float = 2.0  # the evidence a document must show for this profile to be chosen
    # Notes printed inside speech that are not speech (a script's "[He sits.]", a log's "(garbled)"): cut from
    # the words of a turn. A family with none keeps every word as printed (a briefing's "(Laughter.)").
    inline_notes: tuple[LineRule, ...] = ()
    # Whether a stage direction between two paragraphs of a turn is read as part of its words (a briefing's
    # "(Laughter.)" as printed) or kept as one of the turn's notes (a play's "(to HELENA)", a committee's
    # "[Laughter]" where the record says who was speaking around it). Inherited; the base profile says True.
    directions_are_speech: bool = True
    # Whether each line of a paragraph may be printed again in a second language on the next line (a bilingual
    # record: "Daeth y cyfarfod i ben am 14:02." over "The meeting ended at 14:02."): a paragraph of two lines is
    # then of the kind its last line is. Inherited; the base profile says False.
    translated_lines: bool = False
    # Whether every line is an entry of its own (a chat log: a message, a join, a topic change), never a wrapped
    # line of a paragraph, however long the lines run. Inherited; the base profile says False.
    line_per_entry: bool = False
    # Whether a speaker's words are only the block under (or after) the cue, up to the first blank line: a
    # screenplay's paragraph with no cue of its own is action ("She slams the lid."), never the last speaker's words.
    # Inherited; the base profile says False.
    speech_in_cue_block: bool = False


_PROFILE_KEYS = frozenset(
    {
        "name",
        "description",
        "parent",
        "shapes",
        "rules",
        "inline_notes",
        "evidence",
        "remove",
        "activate",
        "deactivate",
        "min_score",
        "directions_are_speech",
        "translated_lines",
        "line_per_entry",
        "speech_in_cue_block",
    }
)
_RULE_KEYS = frozenset({"name", "kind", "pattern", "reason", "scope", "triggers", "to_next_label"})
_INLINE_KEYS = frozenset({"name", "pattern", "reason"})
_SHAPE_KEYS = frozenset(
    {"name", "pattern", "delimiter", "reason", "alone", "active", "capitals", "unnamed", "handle", "triggers", "partner",
     "introduces"}
)
_EVIDENCE_KEYS = frozenset({"pattern", "weight"})

_T = TypeVar("_T", LineRule, LabelShape)


_LEADING_FLAGS = re.compile(r"\(\?([aiLmsux]+)\)")


def alternative(match: re.Match[str]) -> int:
    """Which alternative of a compiled table matched: each entry sits in an outer group named by a prefix and its
    index ("shape_3", "r3"), and the outermost group closes last, so ``lastgroup`` names it."""
    name = str(match.lastgroup)
    return int(name[len(name.rstrip("0123456789")) :])


def scoped(pattern: str) -> str:
    """A pattern whose leading global flags ("(?i)...") become a scoped group, so it can sit in an alternation."""
    match = _LEADING_FLAGS.match(pattern)
    if match is None:
        return pattern
    return f"(?{match.group(1)}:{pattern[match.end() :]})"


def _compile(pattern: str, where: str, *, group: str | None = None) -> str:
    """The pattern with vocabulary words filled in, checked: it compiles, cannot match the empty string, and has
    the named group a label shape needs."""
    try:
        expanded = expand(pattern)
        compiled = re.compile(expanded)
    except (re.error, ConventionError) as error:
        raise ConventionError(f"{where}: bad pattern {pattern!r}: {error}") from None
    if compiled.fullmatch(""):
        raise ConventionError(f"{where}: pattern {pattern!r} matches the empty string")
    if group is not None and group not in compiled.groupindex:
        raise ConventionError(f"{where}: pattern {pattern!r} has no (?P<{group}>...) group")
    return expanded


def _check_keys(entry: Mapping[str, Any], allowed: frozenset[str], where: str) -> None:
    unknown = sorted(set(entry) - allowed)
    if unknown:
        raise ConventionError(f"{where}: unknown key {unknown[0]!r} (allowed: {', '.join(sorted(allowed))})")


def _text(entry: Mapping[str, Any], key: str, where: str, default: str | None = None) -> str:
    value = entry.get(key, default)
    if not isinstance(value, str) or not value:
        raise ConventionError(f"{where}: {key!r} must be a non-empty string")
    return value


def _table(data: Mapping[str, Any], key: str, where: str) -> list[Mapping[str, Any]]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(e, dict) for e in value):
        raise ConventionError(f"{where}: {key!r} must be an array of tables ([[{key}]])")
    return value


def _rule(entry: Mapping[str, Any], where: str) -> LineRule:
    _check_keys(entry, _RULE_KEYS, where)
    name = _text(entry, "name", where)
    where = f"{where} ({name})"
    kind = _text(entry, "kind", where)
    if kind not in RULE_KINDS:
        raise ConventionError(f"{where}: kind {kind!r} is not one of {', '.join(sorted(RULE_KINDS))}")
    try:
        scope = Scope(entry.get("scope", "anywhere"))
    except ValueError:
        raise ConventionError(
            f"{where}: scope {entry.get('scope')!r} is not one of {[s.value for s in Scope]}"
        ) from None
    pattern = _compile(_text(entry, "pattern", where), where)
    reason = _text(entry, "reason", where, name.replace("_", " "))
    to_next_label = entry.get("to_next_label", False)
    if not isinstance(to_next_label, bool):
        raise ConventionError(f"{where}: 'to_next_label' must be true or false")
    return LineRule(name, kind, pattern, reason, scope, _triggers(entry, where), to_next_label)


def _inline_note(entry: Mapping[str, Any], where: str) -> LineRule:
    """An inline note: a rule of kind NOTE whose pattern is cut wherever it matches inside a paragraph."""
    _check_keys(entry, _INLINE_KEYS, where)
    name = _text(entry, "name", where)
    where = f"{where} ({name})"
    pattern = _compile(_text(entry, "pattern", where), where)
    return LineRule(name, "NOTE", pattern, _text(entry, "reason", where, name.replace("_", " ")))


def _shape(entry: Mapping[str, Any], where: str) -> LabelShape:
    _check_keys(entry, _SHAPE_KEYS, where)
    name = _text(entry, "name", where)
    where = f"{where} ({name})"
    pattern = _compile(_text(entry, "pattern", where), where, group="label")
    delimiter = entry.get("delimiter", ":")
    if not isinstance(delimiter, str):
        raise ConventionError(f"{where}: 'delimiter' must be a string")
    flags = {
        key: entry.get(key, default)
        for key, default in (
            ("alone", False), ("active", True), ("capitals", False), ("unnamed", False), ("handle", False),
            ("introduces", False),
        )
    }
    wrong = next((key for key, value in flags.items() if not isinstance(value, bool)), None)
    if wrong is not None:
        raise ConventionError(f"{where}: {wrong!r} must be true or false")
    reason = _text(entry, "reason", where, name.replace("_", " "))
    partner = entry.get("partner")
    if partner is not None and (not isinstance(partner, str) or not partner):
        raise ConventionError(f"{where}: 'partner' must be a shape's name")
    return LabelShape(
        name,
        pattern,
        delimiter,
        reason,
        flags["alone"],
        flags["active"],
        flags["capitals"],
        _triggers(entry, where),
        flags["unnamed"],
        flags["handle"],
        partner,
        flags["introduces"],
    )


def _triggers(entry: Mapping[str, Any], where: str) -> tuple[str, ...]:
    """A shape's or rule's trigger patterns, checked like its pattern (and without named groups)."""
    triggers = entry.get("triggers", [])
    if not isinstance(triggers, list) or not all(isinstance(t, str) and t for t in triggers):
        raise ConventionError(f"{where}: 'triggers' must be an array of non-empty strings")
    checked = tuple(_compile(trigger, f"{where} trigger") for trigger in triggers)
    if any(re.compile(trigger).groupindex for trigger in checked):
        raise ConventionError(f"{where}: a trigger may not name groups")
    return checked


def _evidence(entry: Mapping[str, Any], where: str) -> Evidence:
    _check_keys(entry, _EVIDENCE_KEYS, where)
    weight = entry.get("weight", 1.0)
    if not isinstance(weight, (int, float)) or isinstance(weight, bool):
        raise ConventionError(f"{where}: 'weight' must be a number")
    pattern = _compile(_text(entry, "pattern", where), where)
    if re.compile(pattern).groupindex:
        raise ConventionError(f"{where}: an evidence pattern may not name groups")
    return Evidence(pattern, float(weight))


def _names(data: Mapping[str, Any], key: str, where: str) -> list[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConventionError(f"{where}: {key!r} must be a list of names")
    return value


class _Named(Protocol):
    @property
    def name(self) -> str: ...


def _check_unique(entries: Iterable[_Named], table: str, where: str) -> None:
    """A name says which entry a family overrides, removes or switches on: one table may not give it twice."""
    seen: set[str] = set()
    for entry in entries:
        if entry.name in seen:
            raise ConventionError(f"{where}: {table} names {entry.name!r} twice")
        seen.add(entry.name)


def _override(inherited: Iterable[_T], own: list[_T], removed: set[str]) -> tuple[_T, ...]:
    """A family's entries first (they outrank the parent's), then the parent's not replaced or removed; an entry
    that replaces a parent's keeps the parent's place."""
    own_by_name = {e.name: e for e in own}
    kept: list[_T] = [own_by_name.get(e.name, e) for e in inherited if e.name not in removed]
    placed = {e.name for e in kept}
    added: list[_T] = [e for e in own if e.name not in placed]
    return tuple(added + kept)


@attrs.frozen(slots=True)
class _Spec:
    """A profile as its file declares it, before inheritance."""

    name: str
    data: Mapping[str, Any]
    origin: str


def read_spec(raw: str, origin: str) -> _Spec:
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as error:
        raise ConventionError(f"{origin}: not valid TOML: {error}") from None
    _check_keys(data, _PROFILE_KEYS, origin)
    return _Spec(_text(data, "name", origin), data, origin)


def resolve(spec: _Spec, parents: Mapping[str, Convention]) -> Convention:
    """The profile ``spec`` declares, with its parent's tables inherited and overridden."""
    data, where = spec.data, spec.origin
    parent_name = data.get("parent")
    parent: Convention | None = None
    if parent_name is not None:
        if not isinstance(parent_name, str) or parent_name not in parents:
            raise ConventionError(f"{where}: unknown parent profile {parent_name!r}")
        parent = parents[parent_name]
    removed = set(_names(data, "remove", where))
    rules = [_rule(e, f"{where}: rules[{i}]") for i, e in enumerate(_table(data, "rules", where))]
    notes = [
        _inline_note(e, f"{where}: inline_notes[{i}]")
        for i, e in enumerate(_table(data, "inline_notes", where))
    ]
    shapes = [_shape(e, f"{where}: shapes[{i}]") for i, e in enumerate(_table(data, "shapes", where))]
    evidence = tuple(
        _evidence(e, f"{where}: evidence[{i}]") for i, e in enumerate(_table(data, "evidence", where))
    )
    for table, entries in (("rules", rules), ("inline_notes", notes), ("shapes", shapes)):
        _check_unique(entries, table, where)
    all_shapes = _override(parent.shapes if parent else (), shapes, removed)
    switched = {n: True for n in _names(data, "activate", where)} | {
        n: False for n in _names(data, "deactivate", where)
    }
    unknown = sorted(set(switched) - {s.name for s in all_shapes})
    if unknown:
        raise ConventionError(f"{where}: activate/deactivate names no shape {unknown[0]!r}")
    names = {s.name for s in all_shapes}
    orphan = next((s for s in shapes if s.partner is not None and s.partner not in names), None)
    if orphan is not None:
        raise ConventionError(f"{where}: shape {orphan.name!r} names no shape {orphan.partner!r} as its partner")
    min_score = data.get("min_score", parent.min_score if parent else 2.0)
    if not isinstance(min_score, (int, float)) or isinstance(min_score, bool):
        raise ConventionError(f"{where}: 'min_score' must be a number")
    speech = _flag(data, "directions_are_speech", parent.directions_are_speech if parent else True, where)
    translated = _flag(data, "translated_lines", parent.translated_lines if parent else False, where)
    per_line = _flag(data, "line_per_entry", parent.line_per_entry if parent else False, where)
    cue_block = _flag(data, "speech_in_cue_block", parent.speech_in_cue_block if parent else False, where)
    return Convention(
        name=spec.name,
        description=str(data.get("description", "")),
        parent=parent_name,
        shapes=tuple(attrs.evolve(s, active=switched.get(s.name, s.active)) for s in all_shapes),
        rules=_override(parent.rules if parent else (), rules, removed),
        inline_notes=_override(parent.inline_notes if parent else (), notes, removed),
        evidence=evidence,
        origin=spec.origin,
        min_score=float(min_score),
        directions_are_speech=speech,
        translated_lines=translated,
        line_per_entry=per_line,
        speech_in_cue_block=cue_block,
    )


def _flag(data: Mapping[str, Any], key: str, inherited: bool, where: str) -> bool:
    value = data.get(key, inherited)
    if not isinstance(value, bool):
        raise ConventionError(f"{where}: {key!r} must be true or false")
    return value


_Built = TypeVar("_Built")


def built_for(
    cache: dict[tuple[str, str], _Built], convention: Convention, build: Callable[[Convention], _Built]
) -> _Built:
    """What ``build`` makes of a convention (its compiled shapes, its rule table), built once per profile and
    process and kept in ``cache``."""
    key = (convention.origin, convention.name)
    found = cache.get(key)
    if found is None:
        found = cache[key] = build(convention)
    return found


def read_profile_file(path: Path, known: Mapping[str, Convention]) -> Convention:
    """A user's profile file, validated against the known profiles (its parent must be one of them)."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConventionError(f"{path}: cannot read: {error}") from None
    spec = read_spec(raw, str(path))
    if spec.data.get("parent") is None and spec.name != "base":
        spec = _Spec(spec.name, {**spec.data, "parent": "base"}, spec.origin)
    return resolve(spec, known)
