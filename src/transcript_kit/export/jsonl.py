"""JSON Lines export with orjson: one object per row, keys in schema order, byte-identical for the same input."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import TracebackType
from typing import Any

import orjson

from transcript_kit.export._atomic import atomic_writer
from transcript_kit.export._sink import check_row, drain
from transcript_kit.export.schema import TABLES


class JsonlSink:
    """Rows of one table streamed to a JSON Lines file; the file appears only when the sink closes cleanly."""

    def __init__(self, table: str, path: Path) -> None:
        self._table = table
        self._names = TABLES[table].names
        self._stack = contextlib.ExitStack()
        self._handle = self._stack.enter_context(atomic_writer(path))
        self.count = 0

    def add(self, row: Mapping[str, Any]) -> None:
        check_row(self._table, self._names, row, self.count + 1)
        self._handle.write(
            orjson.dumps({name: row.get(name) for name in self._names}, option=orjson.OPT_APPEND_NEWLINE)
        )
        self.count += 1

    def __enter__(self) -> JsonlSink:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> bool | None:
        return self._stack.__exit__(kind, error, trace)


def write_jsonl(table: str, rows: Iterable[Mapping[str, Any]], path: Path) -> int:
    """Stream ``rows`` of ``table`` to ``path`` atomically; return the number of rows written. Each row must
    have exactly the table's fields (:class:`~transcript_kit.errors.SchemaError` otherwise; no file is written).

    >>> import tempfile, pathlib, transcript_kit as tk
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "turns.jsonl"
    >>> rows = tk.table_rows(tk.parse("MS. PSAKI:  Hi, everyone.\\n"))["turns"]
    >>> tk.write_jsonl("turns", rows, path)
    1
    >>> tk.write_jsonl("turns", [{**rows[0], "speeker": "typo"}], path)
    Traceback (most recent call last):
    ...
    transcript_kit.errors.SchemaError: turns row 1: keys do not match the turns table: unknown 'speeker'
    """
    return drain(JsonlSink(table, path), rows)
