"""Golden files: every corpus/seeds transcript parses to exactly its ``.expected.jsonl`` turn rows.

Regenerate on purpose only: ``python -m pytest tests/test_golden.py --update-golden``, then review the diff.
"""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

import transcript_kit as tk
from transcript_kit.export.rows import turn_row

from .conftest import SEEDS

SEED_FILES = sorted(SEEDS.glob("*.txt"))


def _rows(path: Path) -> list[dict[str, object]]:
    document = tk.parse_file(path)
    return [turn_row(document.doc_id, turn) for turn in document.turns]


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.stem)
def test_seed_matches_its_golden_file(path: Path, update_golden: bool) -> None:
    expected_path = path.with_suffix(".expected.jsonl")
    rows = _rows(path)
    encoded = b"".join(orjson.dumps(row, option=orjson.OPT_APPEND_NEWLINE) for row in rows)
    if update_golden:
        expected_path.write_bytes(encoded)
    assert expected_path.exists(), f"no golden file {expected_path.name}; run with --update-golden"
    expected = [orjson.loads(line) for line in expected_path.read_bytes().splitlines()]
    assert rows == expected


def test_there_are_five_seeds() -> None:
    assert len(SEED_FILES) == 5
