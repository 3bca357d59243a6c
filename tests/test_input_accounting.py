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


@pytest.fixture()
def odd_entries(tmp_path: Path) -> Path:
    """An input folder with every kind of entry that looks like a transcript but cannot be read."""
    import socket

    folder, outside = tmp_path / "in", tmp_path / "outside"
    folder.mkdir()
    outside.mkdir()
    for name in (
        "good.txt",
        "licensed_speech.txt",
        "sources_of_power.txt",
        "README.md",
        "LICENSE.txt",
        "SOURCE.txt",
    ):
        (folder / name).write_text(GOOD, encoding="utf-8")
    (outside / "secret.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    (folder / "dangling.txt").symlink_to("nowhere.txt")
    (folder / "loop.txt").symlink_to("loop.txt")
    (folder / "secret.txt").symlink_to(outside / "secret.txt")
    (folder / "elsewhere").symlink_to(outside)
    (folder / "again.txt").symlink_to("good.txt")  # inside the folder: the same file, converted once
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(folder / "sock.txt"))
    return folder


def test_every_input_is_a_document_or_an_error_row(odd_entries: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    summary = convert([odd_entries], out, ConvertConfig(use_default_registry=False), use_cache=False)
    manifest = orjson.loads((out / "manifest.json").read_bytes())
    counts = manifest["counts"]
    assert counts["inputs"] == counts["documents"] + counts["errors"] == summary.n_inputs
    documents = {row["doc_id"] for row in _rows(out / "documents.jsonl")}
    assert documents == {"good", "licensed_speech", "sources_of_power"}
    errors = {Path(str(row["path"])).name: str(row["message"]) for row in _rows(out / "errors.jsonl")}
    assert set(errors) == {"pipe.txt", "sock.txt", "dangling.txt", "loop.txt", "secret.txt", "elsewhere"}
    assert "a FIFO" in errors["pipe.txt"] and "a socket" in errors["sock.txt"]
    assert "outside the input folder" in errors["secret.txt"] and "--follow-symlinks" in errors["elsewhere"]
    skipped = {Path(item["path"]).name: item["reason"] for item in manifest["skipped"]}
    assert skipped == dict.fromkeys(("LICENSE.txt", "README.md", "SOURCE.txt"), "folder documentation")
    assert "readme (any case, any suffix)" in manifest["skip_rules"]["folder_documentation"]


def test_follow_symlinks_reads_links_outside_the_input_folder(odd_entries: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    config = ConvertConfig(use_default_registry=False, follow_symlinks=True)
    convert([odd_entries], out, config, use_cache=False)
    documents = {row["doc_id"] for row in _rows(out / "documents.jsonl")}
    assert "elsewhere/secret" in documents  # the link to the same file beside it is read once
    errors = {Path(str(row["path"])).name for row in _rows(out / "errors.jsonl")}
    assert errors == {"pipe.txt", "sock.txt", "dangling.txt", "loop.txt"}


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_a_folder_that_cannot_be_listed_is_an_error_row(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "locked").chmod(0)
    try:
        summary = convert(
            [folder], tmp_path / "out", ConvertConfig(use_default_registry=False), use_cache=False
        )
    finally:
        (folder / "locked").chmod(0o755)
    assert summary.n_documents == 1 and summary.n_errors == 1
