"""Quotations in news prose: “Our priorities …,” Minister Šarec underlined. → a ``quote`` turn for Minister Šarec."""

from __future__ import annotations

import re
from collections.abc import Iterable

from lark.lexer import Token

from transcript_kit import header
from transcript_kit.conventions.vocabulary import VOCABULARY, expand
from transcript_kit.labels import parse_label
from transcript_kit.model import Turn, TurnKind

_VERBS = (
    r"said|says|underlined|underscored|emphasi[sz]ed|stressed|added|noted|told|explained|stated|declared|insisted"
    r"|warned|concluded|remarked|continued|pointed out|affirmed|asserted|recalled|argued|wrote|announced|observed"
)
_SPEAKER = expand(
    r"(?P<who>(?i:@pronouns@)(?![\w'’])|[A-ZÀ-ÖØ-ÞĀ-ž][\w'’.-]*(?:\s+(?:of\s+|the\s+)?[A-ZÀ-ÖØ-ÞĀ-ž][\w'’.-]*){0,5})"
)
_QUOTE = r"[“\"](?P<words>[^“”\"\n]{8,}?)(?P<tail>[,.!?]?)[”\"]"
# The blanks (and an optional comma) between the quotation and its attribution, matched without backtracking:
# "\s*,?\s+" tries every split of a long run of blanks, which is quadratic in its length. Here an optional
# "blanks, comma" and then the blanks are each taken whole (a lookahead that captures, then a backreference:
# an atomic group that Python 3.10 can run too).
_GAP = r"(?:(?=(?P<lead>\s*,))(?P=lead))?(?=(?P<gap>\s+))(?P=gap)"
# “…,” Minister Šarec underlined.   /   “…,” said Minister Šarec.
_SPEAKER_THEN_VERB = re.compile(_QUOTE + _GAP + _SPEAKER + r"\s+(?:" + _VERBS + r")\b")
_VERB_THEN_SPEAKER = re.compile(
    _QUOTE + _GAP + r"(?:" + _VERBS + r")\s+" + _SPEAKER + r"(?=[.,;]|\s+(?:on|in|at)\b)"
)


_ATTRIBUTED = (_SPEAKER_THEN_VERB, _VERB_THEN_SPEAKER)
# The quotation that goes on right after an attribution (unless it has an attribution of its own): “…,” said Vik. “I would like to promise that.”
_CONTINUED = re.compile(r"\.?[ \t\n]{0,3}" + _QUOTE)


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
        for pattern in (_SPEAKER_THEN_VERB, _VERB_THEN_SPEAKER):
            for match in pattern.finditer(text, start, end):
                who = match.group("who")
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
