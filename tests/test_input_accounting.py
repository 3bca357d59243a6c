"""Every input is accounted for: odd file names, unreadable entries and look-alike names never lose the batch."""

from __future__ import annotations

import io
import os
import sys
from contextlib import redirect_stdout
from pathlib import Path

import orjson
import pytest

from transcript_kit.api import parse_file
from transcript_kit.cli import main
from transcript_kit.pipeline import ConvertConfig, collect_speakers, convert

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file names are bytes")

GOOD = "MR. SMITH: The good file.\nMS. JONES: It converts.\n"
BAD = "MR. SMITH: A file whose name is not UTF-8.\n"


def _rows(path: Path) -> list[dict[str, object]]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


@pytest.fixture()
def odd_names(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    with open(os.fsencode(folder) + b"/bad\xff.txt", "wb") as handle:
        handle.write(BAD.encode())
    return folder


@pytest.mark.parametrize("workers", [1, 2])
def test_a_file_name_that_is_not_utf8_does_not_lose_the_batch(
    odd_names: Path, tmp_path: Path, workers: int
) -> None:
    out = tmp_path / "out"
    summary = convert([odd_names], out, ConvertConfig(workers=workers, shard_size=1), use_cache=False)
    assert summary.n_documents == 2 and summary.n_errors == 0
    documents = {row["doc_id"]: row for row in _rows(out / "documents.jsonl")}
    assert set(documents) == {"good", "bad\\xff"}
    bad = documents["bad\\xff"]
    assert str(bad["path"]).endswith("bad\\xff.txt")
    assert any("not valid UTF-8" in str(w) for w in bad["warnings"])  # type: ignore[union-attr]
    texts = {row["doc_id"]: row["text"] for row in _rows(out / "turns.jsonl")}
    assert texts["bad\\xff"] == "A file whose name is not UTF-8."


def test_speakers_and_parse_json_read_a_file_name_that_is_not_utf8(odd_names: Path) -> None:
    speakers, errors = collect_speakers([odd_names], ConvertConfig(use_default_registry=False))
    assert errors == []
    assert any(str(row["speaker_id"]).startswith("doc:bad\\xff#") for row in speakers.speaker_rows())
    bad = next(p for p in os.listdir(odd_names) if p.startswith("bad"))
    assert parse_file(odd_names / bad).doc_id == "bad\\xff"
    captured = io.BytesIO()
    wrapper = io.TextIOWrapper(captured, encoding="utf-8")
    with redirect_stdout(wrapper):
        assert main(["parse", "--json", str(odd_names / bad)]) == 0
        wrapper.flush()
    (row,) = _rows_of(captured.getvalue())
    assert row["doc_id"] == "bad\\xff" and row["speaker_label"] == "MR. SMITH"


def _rows_of(data: bytes) -> list[dict[str, object]]:
    return [orjson.loads(line) for line in data.splitlines()]
