"""Quotations in news prose: “Our priorities …,” Minister Šarec underlined. → a ``quote`` turn for Minister Šarec."""

from __future__ import annotations

import re
from collections.abc import Iterable

from lark.lexer import Token

from transcript_kit import header, lexicon
from transcript_kit.conventions.vocabulary import VOCABULARY, expand
from transcript_kit.labels import parse_label
from transcript_kit.model import Turn, TurnKind

_VERBS = expand("@attribution_verbs@")
# Tried at word starts only: inside a long word the scan would retry every suffix (quadratic in its length).
_SPEAKER = expand(
    r"(?<![\w'’.-])(?P<who>(?i:@pronouns@)(?![\w'’])|[A-ZÀ-ÖØ-ÞĀ-ž][\w'’.-]*(?:\s+(?:of\s+|the\s+)?[A-ZÀ-ÖØ-ÞĀ-ž][\w'’.-]*){0,5})"
)
# A character of the same paragraph: a hard-wrapped quotation or sentence runs on over single line breaks, never
# over a blank line.
_IN_PARAGRAPH = r"(?:[^“”\"\n{stops}]|\n(?![ \t]*\r?\n))"
_QUOTE = r"[“\"](?P<words>" + _IN_PARAGRAPH.format(stops="") + r"{8,}?)(?P<tail>[,.!?]?)[”\"]"
# The blanks (and an optional comma) between the quotation and its attribution, matched without backtracking:
# "\s*,?\s+" tries every split of a long run of blanks, which is quadratic in its length. Here an optional
# "blanks, comma" and then the blanks are each taken whole (a lookahead that captures, then a backreference:
# an atomic group that Python 3.10 can run too).
# The gap holds no blank line: a quotation that ends a paragraph is not attributed by the next one's first words.
_GAP = r"(?:(?=(?P<lead>\s*,))(?P=lead))?(?=(?P<gap>[ \t\u00a0]*(?:\r?\n)?[ \t\u00a0]*))(?P=gap)(?<=\s)"
# “…,” Minister Šarec underlined.   /   “…,” said Minister Šarec.
_SPEAKER_THEN_VERB = re.compile(_QUOTE + _GAP + _SPEAKER + r"\s+(?:" + _VERBS + r")\b")
_VERB_THEN_SPEAKER = re.compile(
    _QUOTE + _GAP + r"(?:" + _VERBS + r")\s+" + _SPEAKER + r"(?=[.,;]|\s+(?:on|in|at)\b)"
)

# Marte Solheim-Aune, called the situation “a slow-motion closure”   /   he said: “I would like to promise that.”
# (an apposition may stand between: "Petra Håkansson, who runs the bakery, called the plan “…”")
_SPEAKER_VERB_QUOTE = re.compile(
    _SPEAKER + r"(?:,[^,“”\"\n.!?]{1,80},)?,?[ \t\n]+(?:" + _VERBS + "|" + expand("@naming_verbs@") + r")\b" + _IN_PARAGRAPH.format(stops=".!?") + r"{0,60}?[ \t\n]" + _QUOTE
)
# Who speaks in reported speech without quotation marks ("Vik said the authority hoped …"): someone a later
# "he said" may point back to.
_REPORTING = re.compile(_SPEAKER + r",?[ \t\n]+(?:" + _VERBS + r")\b")

_ATTRIBUTED = (_SPEAKER_THEN_VERB, _VERB_THEN_SPEAKER)
# The quotation that goes on after an attribution's sentence (unless it has an attribution of its own): “…,” said
# Vik. “I would like to promise that.”  /  “…,” said Ilse Brekke, who chairs the association. “Now we are told …”
_CONTINUED = re.compile(r"(?:" + _IN_PARAGRAPH.format(stops=".!?") + r"{0,150}[.!?:])?[ \t\n]{0,3}" + _QUOTE)


def _without_lead_in(who: str) -> str:
    """The capitalised run before a verb without the sentence's lead-in words ("On Monday Vik" is Vik, "But Vik"
    is Vik): words that never open a label, months and weekdays (vocabulary lists)."""
    words = who.split()
    while len(words) > 1 and any(
        VOCABULARY.contains(name, words[0].rstrip(",.")) for name in _LEAD_IN_LISTS
    ):
        words.pop(0)
    return " ".join(words) if len(words) < len(who.split()) else who


_LEAD_IN_LISTS = ("not_label_first_words", "months", "weekdays")


def _names_someone(who: str) -> bool:
    """Whether an attribution names someone the text quotes: not "I", "we" or "you" (the text's own speaker, or
    its audience), nor an organisation or a place ("the Human Rights Campaign said")."""
    words = who.split()
    return not VOCABULARY.contains("first_second_person", words[-1]) and not any(
        word in lexicon.NOT_NAME_WORDS for word in words
    )


def quotations(text: str, paragraphs: Iterable[Token]) -> list[Turn]:
    """Quotations attributed in prose, in document order; the label is the attribution as printed. A pronoun
    ("he said") is the person named just before; a quotation that goes on right after its attribution is the same
    person's and joins the same record."""
    found: list[tuple[int, int, str, str]] = []
    # Who a pronoun can point back to: the people named in the prose, and each attribution, by where they stand.
    named: list[tuple[int, str]] = []
    for paragraph in paragraphs:
        start, end = int(paragraph.start_pos or 0), int(paragraph.end_pos or 0)
        named.extend((m.start, m.name) for m in header.find_mentions(text, start, end, "prose"))
        for match in _REPORTING.finditer(text, start, end):
            who = _without_lead_in(match.group("who"))
            label = None if VOCABULARY.contains("pronouns", who) else parse_label(who)
            if label is not None and label.role is None and (label.family or label.titles):
                named.append((match.start("who"), who))
        for pattern in (_SPEAKER_THEN_VERB, _VERB_THEN_SPEAKER, _SPEAKER_VERB_QUOTE):
            for match in pattern.finditer(text, start, end):
                who = _without_lead_in(match.group("who"))
                if not _names_someone(who):
                    continue
                label = parse_label(who)
                pronoun = VOCABULARY.contains("pronouns", who)
                if not pronoun and (
                    label is None or label.role is not None or not (label.family or label.titles)
                ):
                    continue
                if not pronoun:
                    named.append((match.start("who"), who))
                words, stop = " ".join(match.group("words").split()), match.end("words")
                more = _CONTINUED.match(text, match.end(), end)
                opening = more.start("words") - 1 if more is not None else 0
                if more is not None and not any(p.match(text, opening, end) for p in _ATTRIBUTED):
                    words, stop = f"{words} {' '.join(more.group('words').split())}", more.end("words")
                found.append((match.start("words"), stop, words, who))
    found.sort()
    named.sort()
    quotes: list[Turn] = []
    for start, end, words, who in found:
        if quotes and start < quotes[-1].char_end:
            continue  # already part of the quotation before it (a continued quotation with its own attribution)
        if VOCABULARY.contains("pronouns", who):
            before = [name for offset, name in named if offset < start]
            if not before:
                continue  # "he said" with nobody named before: no one to give the words to
            who = before[-1]
        quotes.append(
            Turn(len(quotes), TurnKind.QUOTE, words, start, end, label=who, parsed_label=parse_label(who))
        )
    return quotes
