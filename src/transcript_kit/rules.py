"""A convention's paragraph rules compiled into one regex: the kind of a paragraph in one C-speed match.

The rules of a profile are an ordered table (boilerplate, heading, stage direction, recorder note, end marker …).
They are joined into a single alternation with a named group per rule, so the first rule (in the profile's order)
whose pattern matches the whole paragraph wins. A rule also has a scope (before the first label, after the last
…); when the winner's scope does not hold, the rules after it are tried one by one (rare).
"""

from __future__ import annotations

import re

import attrs

from transcript_kit.conventions.profile import Convention, LineRule, Scope, built_for, scoped


@attrs.frozen(slots=True)
class Place:
    """Where a paragraph stands relative to the document's labels."""

    seen_label: bool  # a label came before it
    after_last_label: bool  # it is past the last label
    inside_turns: bool  # it is between the first and the last label

    def allows(self, scope: Scope) -> bool:
        if scope is Scope.PREAMBLE:
            return not self.seen_label
        if scope is Scope.BODY:
            return self.seen_label
        if scope is Scope.AFTER_LAST_LABEL:
            return self.after_last_label and self.seen_label
        if scope is Scope.OUTSIDE_TURNS:
            return not self.inside_turns
        return True


class RuleTable:
    """The compiled rules of one convention."""

    def __init__(self, convention: Convention) -> None:
        self.rules: tuple[LineRule, ...] = convention.rules
        self.singles = tuple(re.compile(scoped(rule.pattern)) for rule in self.rules)
        self.combined = re.compile(
            "|".join(f"(?P<r{i}>{scoped(rule.pattern)})" for i, rule in enumerate(self.rules))
        )

    def classify(self, value: str, place: Place) -> LineRule | None:
        """The first rule whose pattern matches all of ``value`` and whose scope holds here, or None."""
        match = self.combined.fullmatch(value)
        if match is None:
            return None
        first = next(i for i in range(len(self.rules)) if match.group(f"r{i}") is not None)
        if place.allows(self.rules[first].scope):
            return self.rules[first]
        for rule, single in zip(self.rules[first + 1 :], self.singles[first + 1 :]):
            if place.allows(rule.scope) and single.fullmatch(value):
                return rule
        return None


_TABLES: dict[tuple[str, str], RuleTable] = {}


def table_for(convention: Convention) -> RuleTable:
    """The compiled rules of a convention (built once per profile and process)."""
    return built_for(_TABLES, convention, RuleTable)
