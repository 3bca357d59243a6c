"""The output folder's dataset card: a README.md whose ``configs`` let ``datasets.load_dataset(OUT, "turns")``
load each table by name, and that tells a person what the folder holds."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import yaml

from transcript_kit import __version__
from transcript_kit.export.schema import SCHEMA_VERSION, TABLES

CARD = "README.md"
_ABOUT = {
    "turns": "one row per turn, in document order: who said what, and where in the source",
    "documents": "one row per converted input: its metadata and the warnings raised while parsing",
    "speakers": "one row per resolved speaker: names, roles, the labels seen, how they were resolved",
    "errors": "one row per input that could not be converted, with the reason",
}


def dataset_card(data_files: Mapping[str, str], counts: Mapping[str, int], inputs: Sequence[str]) -> str:
    """The card's text: ``data_files`` maps each table to the file (or glob) that holds it, relative to OUT."""
    configs = [{"config_name": table, "data_files": path} for table, path in data_files.items()]
    front = yaml.safe_dump(
        {"configs": configs, "tags": ["transcripts", "speaker-attribution"]}, sort_keys=False
    )
    rows = "\n".join(
        f"| `{table}` | `{path}` | {counts.get(table, 0):,} | {_ABOUT[table]} |"
        for table, path in data_files.items()
    )
    fields = "\n".join(f"- `{table}`: {', '.join(TABLES[table].names)}" for table in data_files)
    return (
        f"---\n{front}---\n\n"
        f"# Transcript corpus\n\n"
        f"Written by transcript-kit {__version__} (output schema v{SCHEMA_VERSION}) from "
        f"{', '.join(inputs) or 'its inputs'}. `manifest.json` lists every file of this run and its counts.\n\n"
        "| table | file | rows | what |\n|---|---|---|---|\n"
        f"{rows}\n\n"
        'Load a table by name with `datasets.load_dataset("<this folder>", "turns")`, or read the files '
        "directly with DuckDB, Polars, pandas or pyarrow.\n\n"
        f"Fields:\n\n{fields}\n"
    )
