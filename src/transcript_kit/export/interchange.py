"""Interchange exports: a converted corpus as another tool's corpus (ConvoKit) or as ParlaMint-style TEI.

The table formats (JSON Lines, Parquet) take one table's rows at a time through a sink. An interchange format
joins the three tables: a ConvoKit utterance carries its speaker and its conversation (the document), a TEI file
holds one document's turns, its metadata and the people who speak in it. So an interchange writer takes the
corpus as documents (each document's row with its turn rows, in order) plus the speakers table, and streams it:
one document in memory at a time. The rows are the tables' rows (:mod:`transcript_kit.export.rows`), so what an
interchange file says is what the tables say.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

# One document of the corpus: its documents-table row and its turns-table rows in turn order.
DocumentRows = tuple[Mapping[str, Any], Sequence[Mapping[str, Any]]]

# Records that are speech; stage directions and inserted material have no speaker.
SPEECH_KINDS = frozenset({"turn", "monologue", "quote"})


class InterchangeWriter(Protocol):
    """Write the corpus into ``folder`` (created); return the paths written, relative to ``folder``'s parent."""

    def __call__(
        self, folder: Path, documents: Iterable[DocumentRows], speakers: Iterable[Mapping[str, Any]]
    ) -> tuple[str, ...]: ...


def utterance_speaker(doc_id: str, turn: Mapping[str, Any]) -> str:
    """The speaker id of a speech record; an unlabelled one (a prepared speech) gets a document-scoped id."""
    return str(turn.get("speaker_id") or f"doc:{doc_id}#unlabelled")
