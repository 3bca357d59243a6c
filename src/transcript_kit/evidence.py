"""The bridge between parsed documents and the normalizer: evidence out, resolved speakers back in."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

import attrs

from transcript_kit.model import Document, DocumentEvidence, LabelUse, Speaker


def evidence_of(document: Document) -> DocumentEvidence:
    """A document's distinct labels (with counts) and the people its header and prose name."""
    counts = Counter(turn.label for turn in document.turns if turn.label is not None)
    parsed = {turn.label: turn.parsed_label for turn in document.turns if turn.label is not None}
    return DocumentEvidence(
        doc_id=document.doc_id,
        date=document.date.isoformat() if document.date else None,
        source=document.source,
        jurisdiction=None,
        title=document.title,
        byline=document.byline,
        mentions=document.mentions,
        labels=tuple(LabelUse(label, parsed[label], count) for label, count in counts.items()),
    )


def attach_speakers(document: Document, speakers: Mapping[tuple[str, str], Speaker]) -> Document:
    """The document with each labelled turn's resolved speaker filled in."""
    turns = tuple(
        attrs.evolve(turn, speaker=speakers.get((document.doc_id, turn.label)))
        if turn.label is not None
        else turn
        for turn in document.turns
    )
    return attrs.evolve(document, turns=turns)
