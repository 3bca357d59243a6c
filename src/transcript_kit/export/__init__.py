"""Exporters: one signature — ``write_<format>(table, rows, path) -> rows written`` — and one schema per table.

Each table format also has a sink (``add(row)``, used as a context manager), so one stream of rows can feed several
formats at once. Interchange formats (ConvoKit, TEI) join the tables per document and have their own signature
(:class:`~transcript_kit.export.interchange.InterchangeWriter`). ``FORMATS`` is every ``--format`` choice.
"""

from collections.abc import Callable
from pathlib import Path

from transcript_kit.export._sink import Sink
from transcript_kit.export.convokit import write_convokit
from transcript_kit.export.interchange import InterchangeWriter
from transcript_kit.export.jsonl import JsonlSink, write_jsonl
from transcript_kit.export.parquet import ParquetSink, write_parquet
from transcript_kit.export.schema import SCHEMA_VERSION, TABLES
from transcript_kit.export.tei import write_tei

WRITERS = {"jsonl": write_jsonl, "parquet": write_parquet}
SINKS: dict[str, Callable[[str, Path], Sink]] = {"jsonl": JsonlSink, "parquet": ParquetSink}
INTERCHANGE: dict[str, InterchangeWriter] = {"convokit": write_convokit, "tei": write_tei}
FORMATS = (*SINKS, *INTERCHANGE)

__all__ = [
    "FORMATS",
    "INTERCHANGE",
    "SCHEMA_VERSION",
    "SINKS",
    "TABLES",
    "WRITERS",
    "JsonlSink",
    "ParquetSink",
    "Sink",
    "write_convokit",
    "write_jsonl",
    "write_parquet",
    "write_tei",
]
