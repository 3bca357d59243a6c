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


SPEAKER_FIELDS = tuple(_NO_SPEAKER)


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
    """The turns-table row of one turn (speaker fields from ``turn.speaker``, empty when unresolved)."""
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
        "time_of_day": turn.time_of_day,
        "notes": list(turn.notes),
    }
    row.update(speaker_fields(turn.speaker))
    return row


def document_row(document: Document) -> dict[str, Any]:
    """The documents-table row of one document."""
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


def table_rows(document: Document) -> dict[str, tuple[dict[str, Any], ...]]:
    """A document's rows per table, keyed by table name, as ``convert`` writes them (speakers as resolved on the
    document; resolve them across a corpus first with :func:`transcript_kit.read_corpus`).

    >>> import transcript_kit as tk
    >>> rows = tk.table_rows(tk.parse("MS. PSAKI:  Hi, everyone.\\n\\nQ    Hello.\\n", doc_id="brief"))
    >>> [(row["speaker_label"], row["speaker_id"]) for row in rows["turns"]]
    [('MS. PSAKI', 'jen-psaki'), ('Q', 'role:question')]
    >>> rows["documents"][0]["n_turns"]
    2
    """
    return {
        "turns": tuple(turn_row(document.doc_id, turn) for turn in document.turns),
        "documents": (document_row(document),),
    }
