"""The output contract (schema v1, DESIGN.md §2): one schema constant per table, shared by every exporter."""

from __future__ import annotations

import pyarrow as pa

SCHEMA_VERSION = "1"

TURNS = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("turn_index", pa.int32(), nullable=False),
        pa.field("kind", pa.string(), nullable=False),
        pa.field("speaker_label", pa.string()),
        pa.field("speaker_id", pa.string()),
        pa.field("speaker_name", pa.string()),
        pa.field("speaker_role", pa.string()),
        pa.field("resolution", pa.string(), nullable=False),
        pa.field("confidence", pa.float32()),
        pa.field("text", pa.string(), nullable=False),
        pa.field("char_start", pa.int64(), nullable=False),
        pa.field("char_end", pa.int64(), nullable=False),
        pa.field("start_ms", pa.int64()),
        pa.field("end_ms", pa.int64()),
        pa.field("time_of_day", pa.string()),
        pa.field("notes", pa.list_(pa.string())),
    ]
)

DOCUMENTS = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("path", pa.string()),
        pa.field("sha256", pa.string()),
        pa.field("encoding", pa.string()),
        pa.field("format", pa.string()),
        pa.field("title", pa.string()),
        pa.field("date", pa.date32()),
        pa.field("time", pa.string()),
        pa.field("location", pa.string()),
        pa.field("byline", pa.string()),
        pa.field("source", pa.string()),
        pa.field("n_turns", pa.int64(), nullable=False),
        pa.field("n_chars", pa.int64()),
        pa.field("convention", pa.string()),
        pa.field("warnings", pa.list_(pa.string())),
    ]
)

SPEAKERS = pa.schema(
    [
        pa.field("speaker_id", pa.string(), nullable=False),
        pa.field("speaker_name", pa.string()),
        pa.field("roles", pa.list_(pa.string())),
        pa.field("labels", pa.list_(pa.string())),
        pa.field("resolution", pa.string()),
        pa.field("n_turns", pa.int64(), nullable=False),
        pa.field("n_documents", pa.int64(), nullable=False),
        pa.field("candidates", pa.list_(pa.string())),
    ]
)

ERRORS = pa.schema(
    [
        pa.field("path", pa.string(), nullable=False),
        pa.field("doc_id", pa.string()),
        pa.field("error", pa.string(), nullable=False),
        pa.field("message", pa.string(), nullable=False),
    ]
)

TABLES: dict[str, pa.Schema] = {
    "turns": TURNS,
    "documents": DOCUMENTS,
    "speakers": SPEAKERS,
    "errors": ERRORS,
}


def parquet_metadata(table: str) -> dict[bytes, bytes]:
    return {
        b"transcript_kit.schema_version": SCHEMA_VERSION.encode(),
        b"transcript_kit.table": table.encode(),
    }
