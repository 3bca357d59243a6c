"""JSON Lines export with orjson: one object per row, keys in schema order, byte-identical for the same input."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import orjson

from transcript_kit.export._atomic import atomic_writer
from transcript_kit.export.schema import TABLES


def write_jsonl(table: str, rows: Iterable[Mapping[str, Any]], path: Path) -> int:
    """Stream ``rows`` of ``table`` to ``path`` atomically; return the number of rows written."""
    names = TABLES[table].names
    count = 0
    with atomic_writer(path) as handle:
        for row in rows:
            handle.write(
                orjson.dumps({name: row.get(name) for name in names}, option=orjson.OPT_APPEND_NEWLINE)
            )
            count += 1
    return count
