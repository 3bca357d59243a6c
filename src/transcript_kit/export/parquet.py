"""Parquet export with pyarrow: streamed in row groups, schema version in the file metadata."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import TracebackType
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from transcript_kit.export._atomic import atomic_path
from transcript_kit.export._sink import check_row, drain
from transcript_kit.export.schema import TABLES, parquet_metadata

# Rows per row group: small enough that a batch of Python rows stays a few tens of MB, large enough for
# analytic readers to skip and parallelize by group.
ROWS_PER_GROUP = 16_384


class ParquetSink:
    """Rows of one table streamed to Parquet, a row group per batch (memory stays at one batch); the file
    appears only when the sink closes cleanly."""

    def __init__(self, table: str, path: Path) -> None:
        self._table = table
        self._schema = TABLES[table].with_metadata(parquet_metadata(table))
        self._stack = contextlib.ExitStack()
        temporary = self._stack.enter_context(atomic_path(path))
        self._writer = self._stack.enter_context(
            pq.ParquetWriter(temporary, self._schema, compression="zstd")
        )
        self._batch: list[Mapping[str, Any]] = []
        self.count = 0

    def add(self, row: Mapping[str, Any]) -> None:
        check_row(self._table, self._schema.names, row, self.count + len(self._batch) + 1)
        self._batch.append(row)
        if len(self._batch) >= ROWS_PER_GROUP:
            self._flush()

    def _flush(self) -> None:
        if self._batch:
            self._writer.write_table(pa.Table.from_pylist(self._batch, schema=self._schema))
            self.count += len(self._batch)
            self._batch = []

    def __enter__(self) -> ParquetSink:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> bool | None:
        if kind is None:
            self._flush()
        return self._stack.__exit__(kind, error, trace)


def write_parquet(table: str, rows: Iterable[Mapping[str, Any]], path: Path) -> int:
    """Stream ``rows`` of ``table`` to ``path`` atomically, one row group per batch; return the row count. Each
    row must have exactly the table's fields (:class:`~transcript_kit.errors.SchemaError` otherwise).

    >>> import tempfile, pathlib, pyarrow.parquet as pq, transcript_kit as tk
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "documents.parquet"
    >>> tk.write_parquet("documents", tk.table_rows(tk.parse("Q    Hello?\\n"))["documents"], path)
    1
    >>> pq.read_table(path).column("n_turns").to_pylist()
    [1]
    """
    return drain(ParquetSink(table, path), rows)
