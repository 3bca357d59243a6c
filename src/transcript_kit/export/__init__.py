"""Exporters: one signature — ``write_<format>(table, rows, path) -> rows written`` — and one schema per table.

Each format also has a sink (``add(row)``, used as a context manager), so one stream of rows can feed several
formats at once.
"""

from collections.abc import Callable
from pathlib import Path

from transcript_kit.export._sink import Sink
from transcript_kit.export.jsonl import JsonlSink, write_jsonl
from transcript_kit.export.parquet import ParquetSink, write_parquet
from transcript_kit.export.schema import SCHEMA_VERSION, TABLES

WRITERS = {"jsonl": write_jsonl, "parquet": write_parquet}
SINKS: dict[str, Callable[[str, Path], Sink]] = {"jsonl": JsonlSink, "parquet": ParquetSink}

__all__ = [
    "SCHEMA_VERSION",
    "SINKS",
    "TABLES",
    "WRITERS",
    "JsonlSink",
    "ParquetSink",
    "Sink",
    "write_jsonl",
    "write_parquet",
]
