"""What a reader that reads turns straight from its format hands back (CHAT, TextGrid, ELAN, Transcriber, Final
Draft, a speech recognizer's JSON): one record type, so the parser builds their documents in one place."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from transcript_kit.model import Turn


@attrs.frozen(slots=True)
class Reading:
    """The turns a reader found (offsets into the decoded source), the title the document gives itself, if any,
    warnings on what it could not read or found missing, and notes on how it read the document."""

    turns: Sequence[Turn]
    title: str | None = None
    warnings: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # how the document was read (a JSON's tool), for Document.convention_notes
