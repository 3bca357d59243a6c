"""The bridge between parsed documents and the normalizer: evidence out, resolved speakers back in."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

import attrs

from transcript_kit.model import Document, DocumentEvidence, LabelUse, Speaker

# "THE PRESIDING OFFICER (Mr. Bennett)." left inside another turn's text (the record printed it mid-paragraph):
# the chair changed hands there, which the binding of the bare office after it must know.
_HOLDER_IN_TEXT = re.compile(
    r"(?<![\w,;])((?:THE|The)\s+(?:[A-Z][A-Za-z]*\s+){0,3}(?:OFFICER|SPEAKER|PRESIDENT|CHAIR|CHAIRMAN|Speaker|"
    r"President|Chair|Chairman)(?:\s+pro\s+tempore)?\s*\((?:Mr|Mrs|Ms|Miss|Madam|Dr)\.?\s+[A-Z][\w'’-]+\))\.(?=\s|$)"
)


def _holders_in_text(document: Document) -> list[tuple[int, str]]:
    found = []
    for turn in document.turns:
        if turn.label is not None or turn.kind.value == "stage":
            found += [(turn.index, m[1]) for m in _HOLDER_IN_TEXT.finditer(turn.text)]
    return found


def evidence_of(document: Document) -> DocumentEvidence:
    """A document's distinct labels (with counts) and the people its header and prose name."""
    counts = Counter(turn.label for turn in document.turns if turn.label is not None)
    parsed = {turn.label: turn.parsed_label for turn in document.turns if turn.label is not None}
    order = [(turn.index, turn.label) for turn in document.turns if turn.label is not None]
    for index, label in _holders_in_text(document):  # known to the binding, opening no turn of their own
        order.insert(next((n for n, (i, _) in enumerate(order) if i > index), len(order)), (index, label))
        counts.setdefault(label, 0)
        parsed.setdefault(label, None)
    return DocumentEvidence(
        doc_id=document.doc_id,
        date=document.date.isoformat() if document.date else None,
        source=document.source,
        jurisdiction=None,
        title=document.title,
        byline=document.byline,
        mentions=document.mentions,
        labels=tuple(LabelUse(label, parsed[label], count) for label, count in counts.items()),
        order=tuple(order),
    )


def attach_speakers(document: Document, speakers: Mapping[tuple[str, str], Speaker]) -> Document:
    """The document with each labelled turn's resolved speaker filled in (a turn the document's own binding
    resolved apart from its label, "The PRESIDING OFFICER" after "(Mr. Kyl)", gets its own)."""
    for_turn = getattr(speakers, "for_turn", None)
    if for_turn is not None:
        turns = tuple(
            attrs.evolve(turn, speaker=for_turn(document.doc_id, turn.index, turn.label))
            if turn.label is not None
            else turn
            for turn in document.turns
        )
        return attrs.evolve(document, turns=turns)
    turns = tuple(
        attrs.evolve(turn, speaker=speakers.get((document.doc_id, turn.label)))
        if turn.label is not None
        else turn
        for turn in document.turns
    )
    return attrs.evolve(document, turns=turns)
