"""export.folder: the output folder is one unit — one whole run at every instant, whatever happens to a run."""

from __future__ import annotations

import errno
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import orjson
import pyarrow.parquet as pq
import pytest

from transcript_kit.errors import InputError
from transcript_kit.export import folder as folder_module
from transcript_kit.export.folder import run_area
from transcript_kit.pipeline import ConvertConfig, convert

from .conftest import CORPUS, REPO, SEEDS


def _lines(path: Path) -> int:
    return len(path.read_bytes().splitlines())


def assert_one_whole_run(out: Path) -> dict[str, Any]:
    """The folder holds exactly the files its manifest lists, and every table has the rows the manifest counts."""
    manifest = orjson.loads((out / "manifest.json").read_bytes())
    assert sorted(p.name for p in out.iterdir()) == sorted(manifest["files"])
    counts = manifest["counts"]
    for table in ("turns", "documents", "speakers"):
        if f"{table}.jsonl" in manifest["files"]:
            assert _lines(out / f"{table}.jsonl") == counts[table], table
        if f"{table}.parquet" in manifest["files"]:
            assert pq.read_table(out / f"{table}.parquet").num_rows == counts[table], table
    assert _lines(out / "errors.jsonl") == counts["errors"]
    return dict(manifest)


def test_a_run_with_other_formats_removes_the_files_of_the_earlier_run(tmp_path: Path) -> None:
    out = tmp_path / "out"
    convert([SEEDS], out)
    convert([SEEDS / "000_fd643293975f7580.txt"], out, ConvertConfig(formats=("jsonl",)))
    manifest = assert_one_whole_run(out)
    assert not (out / "turns.parquet").exists()
    assert manifest["counts"]["documents"] == 1


def test_a_folder_with_files_transcript_kit_did_not_write_is_refused_unless_forced(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "thesis.docx").write_bytes(b"mine")
    with pytest.raises(InputError, match=r"thesis\.docx.*--force"):
        convert([SEEDS], out)
    assert [p.name for p in out.iterdir()] == ["thesis.docx"]
    convert([SEEDS], out, force=True)
    assert (out / "thesis.docx").read_bytes() == b"mine"
    assert (out / "turns.jsonl").exists()
    # the user's file survives the next run too, and is still not transcript-kit's to remove
    convert([SEEDS], out, force=True)
    assert (out / "thesis.docx").read_bytes() == b"mine"


def test_an_error_during_a_run_leaves_the_previous_output_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    convert([SEEDS], out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def fail(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr("transcript_kit.pipeline._write_manifest", fail)
    with pytest.raises(RuntimeError):
        convert([SEEDS / "000_fd643293975f7580.txt"], out, ConvertConfig(formats=("jsonl",)))
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert list(run_area(out).glob("staging-*")) == []


def test_leftovers_of_a_killed_run_are_removed_by_the_next_run(tmp_path: Path) -> None:
    out = tmp_path / "out"
    convert([SEEDS], out)
    staging = run_area(out) / "staging-999999"
    staging.mkdir()
    (staging / "turns.jsonl").write_bytes(b"half a file")
    (out / ".work-abc123").mkdir()  # what versions before the run area left inside the folder
    convert([SEEDS], out)
    assert not staging.exists()
    assert_one_whole_run(out)


def test_a_folder_renamed_aside_by_a_killed_run_is_restored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    convert([SEEDS], out, ConvertConfig(formats=("jsonl",)))
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    aside = run_area(out) / "old-999999"
    os.rename(out, aside)  # killed between renaming the old folder aside and the new one into place

    def fail(*args: object, **kwargs: object) -> None:
        raise RuntimeError("killed again")

    monkeypatch.setattr("transcript_kit.pipeline._write_manifest", fail)
    with pytest.raises(RuntimeError):
        convert([SEEDS], out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert not aside.exists()


def test_without_an_atomic_exchange_the_swap_still_leaves_one_whole_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(folder_module, "_exchange", lambda first, second: False)
    out = tmp_path / "out"
    convert([SEEDS], out)
    convert([SEEDS / "000_fd643293975f7580.txt"], out, ConvertConfig(formats=("jsonl",)))
    assert assert_one_whole_run(out)["counts"]["documents"] == 1
    assert sorted(p.name for p in run_area(out).iterdir()) == ["cache", "lock"]


@pytest.mark.parametrize(("mask", "file_mode", "folder_mode"), [(0o022, 0o644, 0o755), (0o077, 0o600, 0o700)])
def test_output_files_follow_the_umask(tmp_path: Path, mask: int, file_mode: int, folder_mode: int) -> None:
    previous = os.umask(mask)
    try:
        convert([SEEDS], tmp_path / "out")
    finally:
        os.umask(previous)
    assert (tmp_path / "out").stat().st_mode & 0o777 == folder_mode
    assert {p.stat().st_mode & 0o777 for p in (tmp_path / "out").iterdir()} == {file_mode}


def test_an_output_path_that_is_a_file_or_under_a_file_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="is not a folder"):
        convert([SEEDS], blocker)
    with pytest.raises(InputError, match="cannot create the output folder"):
        convert([SEEDS], blocker / "out")


def test_a_second_run_into_a_folder_being_written_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    convert([SEEDS], out)
    with (
        folder_module.staged_output(folder_module.output_path(out)),
        pytest.raises(InputError, match="another transcript-kit run"),
    ):
        convert([SEEDS], out)


def _convert_process(inputs: list[Path], out: Path, formats: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    command = [sys.executable, "-m", "transcript_kit.cli", "convert", *map(str, inputs)]
    command += ["--out", str(out), "--format", formats]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _wait_for(path: Path, process: subprocess.Popen[bytes], deadline: float) -> None:
    while not path.exists() and process.poll() is None and time.perf_counter() < deadline:
        time.sleep(0.005)


@pytest.mark.slow
def test_killing_a_real_convert_at_random_moments_always_leaves_one_whole_run(tmp_path: Path) -> None:
    """15 runs killed (mostly SIGKILL, some SIGTERM and SIGINT) at random moments of a ~1 s run: each time the
    folder is exactly one earlier, complete run, and the next run clears what the killed one left."""
    out = tmp_path / "out"
    runs = ([CORPUS], "jsonl,parquet"), ([SEEDS], "jsonl")
    process = _convert_process(*runs[0][:1], out, runs[0][1])
    assert process.wait() == 0
    started = time.perf_counter()
    _convert_process([SEEDS], tmp_path / "timing", "jsonl").wait()
    startup = time.perf_counter() - started
    chance = random.Random(10)
    for attempt in range(15):
        inputs, formats = runs[attempt % 2]
        how = chance.choice([signal.SIGKILL, signal.SIGKILL, signal.SIGTERM, signal.SIGINT])
        process = _convert_process(inputs, out, formats)
        if how == signal.SIGINT:
            # Ctrl-C while Python is still importing the package ends it with Python's own traceback (nothing is
            # written yet); the program's handling starts once it runs, so SIGINT comes once the run has begun
            # staging its output, however slow the machine's start-up is today.
            _wait_for(run_area(out) / f"staging-{process.pid}", process, deadline=time.perf_counter() + 60)
            time.sleep(chance.uniform(0, startup))
        else:
            time.sleep(chance.uniform(startup * 0.3, startup * 2.5))
        process.send_signal(how)
        code = process.wait()
        stderr = process.stderr.read().decode() if process.stderr else ""
        # 0: it finished first; 128+n: it caught the signal; -n: killed (SIGKILL, or SIGTERM during start-up)
        assert code in (0, 128 + how, -how), (code, stderr)
        if code == 128 + how:
            assert "interrupted; previous output kept" in stderr, stderr
        assert "Traceback" not in stderr, stderr
        assert_one_whole_run(out)
    assert _convert_process([SEEDS], out, "jsonl").wait() == 0
    assert_one_whole_run(out)
    assert sorted(p.name for p in run_area(out).iterdir()) == ["cache", "lock"]
    shutil.rmtree(tmp_path / "timing")


def test_a_write_failure_names_the_file_as_it_would_be_in_the_output_folder(tmp_path: Path) -> None:
    out, staging = tmp_path / "out", tmp_path / ".out.transcript-kit" / "staging-1"
    named = OSError(errno.EDQUOT, os.strerror(errno.EDQUOT), str(staging / "turns.parquet"))
    assert folder_module._write_failure(named, out, staging) == (
        f"{out / 'turns.parquet'}: cannot write the output: {os.strerror(errno.EDQUOT)}; the previous output is kept"
    )
    cache = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), "/cache/ab/x.result")
    assert folder_module._write_failure(cache, out, staging).startswith("/cache/ab/x.result: cannot write")
    unnamed = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    assert folder_module._write_failure(unnamed, out, staging).startswith(f"{out}: cannot write the output: ")


def test_a_full_disk_reaches_a_library_user_as_the_projects_output_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import transcript_kit as tk

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("transcript_kit.export.jsonl.JsonlSink.add", full)
    with pytest.raises(tk.OutputError, match=r"out: cannot write the output: No space left on device"):
        tk.convert([SEEDS], tmp_path / "out", use_cache=False)
    assert not (tmp_path / "out").exists()
