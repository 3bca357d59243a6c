"""Rows of the output tables, built from the model. The one place that knows how a field is filled."""

from __future__ import annotations

from typing import Any

from transcript_kit.model import Document, Resolution, Speaker, Turn

_NO_SPEAKER: dict[str, Any] = {
    "speaker_id": None,
    "speaker_name": None,
    "speaker_role": None,
    "resolution": Resolution.NONE.value,
    "confidence": None,
}


def speaker_fields(speaker: Speaker | None) -> dict[str, Any]:
    if speaker is None:
        return dict(_NO_SPEAKER)
    return {
        "speaker_id": speaker.id,
        "speaker_name": speaker.name,
        "speaker_role": speaker.role,
        "resolution": speaker.resolution.value,
        "confidence": round(speaker.confidence, 4),
    }


def turn_row(doc_id: str, turn: Turn) -> dict[str, Any]:
    row: dict[str, Any] = {
        "doc_id": doc_id,
        "turn_index": turn.index,
        "kind": turn.kind.value,
        "speaker_label": turn.label,
        "text": turn.text,
        "char_start": turn.char_start,
        "char_end": turn.char_end,
        "start_ms": turn.start_ms,
        "end_ms": turn.end_ms,
        "notes": list(turn.notes),
    }
    row.update(speaker_fields(turn.speaker))
    return row


def document_row(document: Document) -> dict[str, Any]:
    return {
        "doc_id": document.doc_id,
        "path": document.path,
        "sha256": document.sha256,
        "encoding": document.encoding,
        "format": document.format,
        "title": document.title,
        "date": document.date,
        "time": document.time,
        "location": document.location,
        "byline": document.byline,
        "source": document.source,
        "n_turns": len(document.turns),
        "n_chars": len(document.text),
        "convention": document.convention,
        "warnings": list(document.warnings),
    }
