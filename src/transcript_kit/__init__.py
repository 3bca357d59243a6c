"""transcript-kit: turn raw transcripts into speaker-attributed corpora (JSONL and Parquet).

>>> import transcript_kit as tk
>>> document = tk.parse("MS. PSAKI:  Hi, everyone.\\n\\nQ    Hello.\\n")
>>> [(turn.label, turn.text) for turn in document.turns]
[('MS. PSAKI', 'Hi, everyone.'), ('Q', 'Hello.')]
"""

from __future__ import annotations

__version__ = "0.1.0"

from transcript_kit.api import convert, parse, parse_file, read_corpus
from transcript_kit.errors import (
    ArgumentError,
    DecodeError,
    FormatError,
    InputError,
    OutputError,
    ParseError,
    RegistryError,
    SchemaError,
    TranscriptKitError,
)
from transcript_kit.export import write_jsonl, write_parquet
from transcript_kit.export.rows import table_rows
from transcript_kit.labels import parse_label
from transcript_kit.model import Document, Label, Mention, Resolution, Speaker, Turn, TurnKind
from transcript_kit.normalize import Normalizer
from transcript_kit.registry import Registry

__all__ = [
    "ArgumentError",
    "DecodeError",
    "Document",
    "FormatError",
    "InputError",
    "Label",
    "Mention",
    "Normalizer",
    "OutputError",
    "ParseError",
    "Registry",
    "RegistryError",
    "Resolution",
    "SchemaError",
    "Speaker",
    "TranscriptKitError",
    "Turn",
    "TurnKind",
    "__version__",
    "convert",
    "parse",
    "parse_file",
    "parse_label",
    "read_corpus",
    "table_rows",
    "write_jsonl",
    "write_parquet",
]
