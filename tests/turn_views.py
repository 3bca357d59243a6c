"""What the format tests read off a parsed document, and how they parse a sample file as ``convert`` reads it."""

from __future__ import annotations

from pathlib import Path

from transcript_kit.api import parse
from transcript_kit.model import Document


def read_sample(folder: Path, name: str) -> Document:
    """The document parsed from a sample file's bytes as ``convert`` reads it, speakers resolved within it."""
    path = folder / name
    return parse(path.read_bytes(), doc_id=path.stem, path=str(path))


def said(document: Document) -> list[tuple[str | None, str]]:
    return [(turn.label, turn.text) for turn in document.turns]


def times(document: Document) -> list[tuple[int | None, int | None]]:
    return [(turn.start_ms, turn.end_ms) for turn in document.turns]


def speaker_ids(document: Document) -> list[str | None]:
    return [turn.speaker.id if turn.speaker is not None else None for turn in document.turns]
