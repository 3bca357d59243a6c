"""Exporters: one signature — ``write_<format>(table, rows, path) -> rows written`` — and one schema per table.

Each format also has a sink (``add(row)``, used as a context manager), so one stream of rows can feed several
formats at once.
"""

from collections.abc import Callable, Mapping
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol

from transcript_kit.export.jsonl import JsonlSink, write_jsonl
from transcript_kit.export.parquet import ParquetSink, write_parquet
from transcript_kit.export.schema import SCHEMA_VERSION, TABLES

WRITERS = {"jsonl": write_jsonl, "parquet": write_parquet}


class Sink(Protocol):
    """What every format's sink offers."""

    count: int

    def add(self, row: Mapping[str, Any]) -> None: ...

    def __enter__(self) -> "Sink": ...

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> bool | None: ...


SINKS: dict[str, Callable[[str, Path], Sink]] = {"jsonl": JsonlSink, "parquet": ParquetSink}

__all__ = [
    "SCHEMA_VERSION",
    "SINKS",
    "TABLES",
    "WRITERS",
    "JsonlSink",
    "ParquetSink",
    "write_jsonl",
    "write_parquet",
]
