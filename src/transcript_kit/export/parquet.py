"""Parquet export with pyarrow: streamed in row groups, schema version in the file metadata."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import islice
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from transcript_kit.export._atomic import atomic_path
from transcript_kit.export.schema import TABLES, parquet_metadata

ROWS_PER_GROUP = 50_000


def write_parquet(table: str, rows: Iterable[Mapping[str, Any]], path: Path) -> int:
    """Stream ``rows`` of ``table`` to ``path`` atomically, one row group per batch; return the row count."""
    schema = TABLES[table].with_metadata(parquet_metadata(table))
    iterator = iter(rows)
    count = 0
    with atomic_path(path) as temporary, pq.ParquetWriter(temporary, schema, compression="zstd") as writer:
        while batch := list(islice(iterator, ROWS_PER_GROUP)):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
        if count == 0:
            writer.write_table(schema.empty_table())
    return count
