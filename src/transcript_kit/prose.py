"""Quotations in news prose: “Our priorities …,” Minister Šarec underlined. → a ``quote`` turn for Minister Šarec."""

from __future__ import annotations

import re
from collections.abc import Iterable

from lark.lexer import Token

from transcript_kit.labels import parse_label
from transcript_kit.model import Turn, TurnKind

_VERBS = (
    r"said|says|underlined|underscored|emphasi[sz]ed|stressed|added|noted|told|explained|stated|declared|insisted"
    r"|warned|concluded|remarked|continued|pointed out|affirmed|asserted|recalled|argued|wrote|announced|observed"
)
_SPEAKER = r"(?P<who>[A-ZÀ-ÖØ-ÞĀ-ž][\w'’.-]*(?:\s+(?:of\s+|the\s+)?[A-ZÀ-ÖØ-ÞĀ-ž][\w'’.-]*){0,5})"
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


def quotations(text: str, paragraphs: Iterable[Token]) -> list[Turn]:
    """Quotations attributed in prose, in document order; the label is the attribution as printed."""
    found: list[tuple[int, int, str, str]] = []
    for paragraph in paragraphs:
        start, end = int(paragraph.start_pos or 0), int(paragraph.end_pos or 0)
        for pattern in (_SPEAKER_THEN_VERB, _VERB_THEN_SPEAKER):
            for match in pattern.finditer(text, start, end):
                who = match.group("who")
                label = parse_label(who)
                if label is None or (label.family is None and not label.titles) or label.role is not None:
                    continue
                found.append(
                    (match.start("words"), match.end("words"), " ".join(match.group("words").split()), who)
                )
    found.sort()
    return [
        Turn(index, TurnKind.QUOTE, words, start, end, label=who, parsed_label=parse_label(who))
        for index, (start, end, words, who) in enumerate(found)
    ]
