"""Exporters: one signature — ``write_<format>(table, rows, path) -> rows written`` — and one schema per table."""

from transcript_kit.export.jsonl import write_jsonl
from transcript_kit.export.parquet import write_parquet
from transcript_kit.export.schema import SCHEMA_VERSION, TABLES

WRITERS = {"jsonl": write_jsonl, "parquet": write_parquet}

__all__ = ["SCHEMA_VERSION", "TABLES", "WRITERS", "write_jsonl", "write_parquet"]
