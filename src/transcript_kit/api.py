"""The library entry points: text or a path in, a Document with resolved speakers out."""

from __future__ import annotations

import functools
from pathlib import Path

from transcript_kit.conventions.catalog import Conventions
from transcript_kit.evidence import attach_speakers, evidence_of
from transcript_kit.model import Document
from transcript_kit.normalize import Normalizer
from transcript_kit.parse import parse_bytes, parse_text, read_bytes


@functools.lru_cache(maxsize=1)
def _default_normalizer() -> Normalizer:
    return Normalizer()


def _resolved(document: Document, normalizer: Normalizer | None) -> Document:
    speakers = (normalizer or _default_normalizer()).resolve([evidence_of(document)])
    return attach_speakers(document, speakers)


def parse(
    text: str,
    *,
    doc_id: str = "document",
    fmt: str = "text",
    normalizer: Normalizer | None = None,
    conventions: Conventions | None = None,
) -> Document:
    """Parse a transcript's text; ``fmt`` is "text", "srt" or "vtt". Speakers are resolved within the document.
    The convention profile is chosen per document from ``conventions`` (the built-in profiles by default):
    ``Conventions.load(["my-profile.toml"], forced="my-profile")`` forces the user's own."""
    return _resolved(parse_text(text, doc_id=doc_id, fmt=fmt, conventions=conventions), normalizer)


def parse_file(
    path: str | Path,
    *,
    doc_id: str | None = None,
    normalizer: Normalizer | None = None,
    conventions: Conventions | None = None,
) -> Document:
    """Read, decode and parse one file; the format follows the extension (.srt, .vtt, otherwise text)."""
    path = Path(path)
    document = parse_bytes(
        read_bytes(path), doc_id=doc_id or path.stem, path=str(path), conventions=conventions
    )
    return _resolved(document, normalizer)
