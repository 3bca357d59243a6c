"""A convention's paragraph rules compiled into one regex: the kind of a paragraph in one C-speed match.

The rules of a profile are an ordered table (boilerplate, heading, stage direction, recorder note, end marker …).
They are joined into a single alternation with a named group per rule, so the first rule (in the profile's order)
whose pattern matches the whole paragraph wins. A rule also has a scope (before the first label, after the last
…); when the winner's scope does not hold, the rules after it are tried one by one (rare).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import attrs

from transcript_kit.conventions.profile import Convention, LineRule, Scope, alternative, built_for, scoped


@attrs.frozen(slots=True)
class Place:
    """Where a paragraph stands relative to the document's labels."""

    seen_label: bool  # a label came before it
    after_last_label: bool  # it is past the last label
    inside_turns: bool  # it is between the first and the last label
    over_label: bool = False  # the next line with words opens a turn

    def allows(self, scope: Scope) -> bool:
        if scope is Scope.PREAMBLE:
            return not self.seen_label
        if scope is Scope.BODY:
            return self.seen_label
        if scope is Scope.AFTER_LAST_LABEL:
            return self.after_last_label and self.seen_label
        if scope is Scope.OUTSIDE_TURNS:
            return not self.inside_turns
        if scope is Scope.OVER_LABEL:
            return self.seen_label and self.over_label
        return True

    @staticmethod
    def of(seen_label: bool, after_last_label: bool, inside_turns: bool, over_label: bool = False) -> Place:
        """The one Place of these four facts (there are sixteen): a paragraph costs a lookup, not an object."""
        return _PLACES[seen_label, after_last_label, inside_turns, over_label]


_PLACES = {
    (a, b, c, d): Place(a, b, c, d) for a in (False, True) for b in (False, True) for c in (False, True) for d in (False, True)
}


class RuleTable:
    """The compiled rules of one convention."""

    def __init__(self, convention: Convention) -> None:
        self.rules: tuple[LineRule, ...] = convention.rules
        self.singles = tuple(re.compile(scoped(rule.pattern)) for rule in self.rules)
        # Whether a paragraph's place must say if a label follows it: a lookup, asked only of a paragraph that a
        # rule holding right over a label could take.
        over = [scoped(rule.pattern) for rule in self.rules if rule.scope is Scope.OVER_LABEL]
        self._over_label = re.compile("|".join(f"(?:{p})" for p in over)) if over else None
        # Rules with triggers take part only where one of their triggers is found: a plain substring test for a
        # trigger that is a literal ("\.\." is ".."), a search for any other.
        self._gated = tuple(
            (i, tuple(_finder(t) for t in rule.triggers)) for i, rule in enumerate(self.rules) if rule.triggers
        )
        # Most paragraphs hold no trigger at all: one look for any of them spares the tests rule by rule (substring
        # tests when every trigger is a literal, as the built-in ones are; one search otherwise).
        self._all_gated = frozenset(i for i, _ in self._gated)
        triggers = [t for rule in self.rules for t in rule.triggers]
        self._literals: tuple[str, ...] | None = (
            tuple(re.sub(r"\\(.)", r"\1", t) for t in triggers) if all(_LITERAL.fullmatch(t) for t in triggers) else None
        )
        self._any_trigger = re.compile("|".join(f"(?:{t})" for t in triggers) or "(?!)")
        self._combined: dict[frozenset[int], re.Pattern[str]] = {}
        # The end markers that may stand between labels ("Related news" over a page's headlines printed
        # "Speaker: Title"), as whole lines after a blank one: where one is, the transcript's last label is the one
        # before it. (A line inside a paragraph is none: "Anlage 1" in a record's contents.)
        ends = [scoped(r.pattern) for r in self.rules if r.kind == "END" and r.scope in (Scope.BODY, Scope.ANYWHERE)]
        self._body_end = (
            # The blanks of the line's margin are taken whole (a look ahead and its group: an atomic group, which
            # Python 3.10 lacks), or a run of them would be shared out between this and a marker's own "\s*" in
            # every way there is (16 s for a page of blank lines of spaces).
            re.compile(
                "\n[ \t]*\n(?P<end>(?=(?P<margin>[ \t]*))(?P=margin)(?:"
                + "|".join(f"(?:{p})" for p in ends)
                + ")[ \t]*)(?=\n|\\Z)"
            )
            if ends
            else None
        )

    def body_end(self, text: str, after: int) -> int:
        """Where the first line after ``after`` that is an end marker of the body begins (-1 if none): an
        approximation of the paragraph rule by line, for where the body ends before the paragraphs are read."""
        if self._body_end is None:
            return -1
        match = self._body_end.search(text, after)
        return -1 if match is None else match.start("end")

    def may_sit_over_label(self, value: str) -> bool:
        """Whether a rule that holds only right over a label may take this paragraph (one match; the paragraph's
        place over a label is looked up only then)."""
        return self._over_label is not None and self._over_label.fullmatch(value) is not None

    def _alternation(self, excluded: frozenset[int]) -> re.Pattern[str]:
        """All rules but ``excluded`` in one alternation with a named group per rule (built once per set)."""
        combined = self._combined.get(excluded)
        if combined is None:
            parts = [f"(?P<r{i}>{scoped(r.pattern)})" for i, r in enumerate(self.rules) if i not in excluded]
            combined = self._combined[excluded] = re.compile("|".join(parts) or "(?!)")
        return combined

    def classify(self, value: str, place: Place) -> LineRule | None:
        """The first rule whose pattern matches all of ``value`` and whose scope holds here, or None."""
        literals = self._literals
        if not self._gated:
            excluded = _NONE
        elif (
            not any(literal in value for literal in literals)
            if literals is not None
            else self._any_trigger.search(value) is None
        ):
            excluded = self._all_gated
        else:
            excluded = frozenset(i for i, found in self._gated if not any(f(value) for f in found))
        match = self._alternation(excluded).fullmatch(value)
        if match is None:
            return None
        first = alternative(match)
        if place.allows(self.rules[first].scope):
            return self.rules[first]
        for later in range(first + 1, len(self.rules)):
            rule = self.rules[later]
            if later not in excluded and place.allows(rule.scope) and self.singles[later].fullmatch(value):
                return rule
        return None


_NONE: frozenset[int] = frozenset()
_LITERAL = re.compile(r"(?:\\[^A-Za-z0-9]|[^\\.^$*+?{}\[\]|()])+")


def _finder(trigger: str) -> Callable[[str], object]:
    """A test for whether ``trigger`` occurs in a paragraph: ``in`` for a literal, a regex search otherwise."""
    if _LITERAL.fullmatch(trigger):
        literal = re.sub(r"\\(.)", r"\1", trigger)
        return lambda value: literal in value
    return re.compile(trigger).search


_TABLES: dict[tuple[str, str], RuleTable] = {}


def table_for(convention: Convention) -> RuleTable:
    """The compiled rules of a convention (built once per profile and process)."""
    return built_for(_TABLES, convention, RuleTable)


class InlineNotes:
    """A convention's inline notes compiled into one alternation, cut from a paragraph's words in one pass."""

    def __init__(self, convention: Convention) -> None:
        self.notes: tuple[LineRule, ...] = convention.inline_notes
        parts = [f"(?P<n{i}>{scoped(note.pattern)})" for i, note in enumerate(self.notes)]
        self.pattern = re.compile("|".join(parts)) if parts else None

    def cut(self, value: str) -> tuple[str, tuple[str, ...]]:
        """``value`` without the notes inside it (the blanks around a cut collapse), and the notes' names."""
        if self.pattern is None:
            return value, ()
        names: list[str] = []

        def drop(match: re.Match[str]) -> str:
            names.append(self.notes[alternative(match)].name)
            return " "

        cut = self.pattern.sub(drop, value)
        return (" ".join(cut.split()), tuple(names)) if names else (value, ())


_NOTES: dict[tuple[str, str], InlineNotes] = {}


def notes_for(convention: Convention) -> InlineNotes:
    """The compiled inline notes of a convention (built once per profile and process)."""
    return built_for(_NOTES, convention, InlineNotes)
