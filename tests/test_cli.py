"""cli: the transcript-kit command as a user runs it."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from transcript_kit.cli import main
from transcript_kit.formats import SUFFIX_FORMATS

from .conftest import CORPUS, REPO, SEEDS


def test_convert_with_no_input_converts_the_bundled_corpus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    assert main(["convert", "--out", str(tmp_path / "out"), "--format", "jsonl"]) == 0
    documents = (tmp_path / "out" / "documents.jsonl").read_bytes().splitlines()
    # Every suffix the readers take; a folder's own SOURCE.md and README.md are its documentation, skipped.
    read = set(SUFFIX_FORMATS) - {".md"}
    # (Suffixes are compared in lower case: Praat writes ".TextGrid".)
    inputs = [p for p in CORPUS.rglob("*") if p.suffix.lower() in read or (p.suffix == ".md" and p.parent.name == "raw")]
    assert len(documents) == len(inputs)


def test_convert_exits_non_zero_when_an_input_failed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    (folder / "bad.txt").write_bytes(b"\x00" * 100)
    assert main(["convert", str(folder), "--out", str(tmp_path / "out")]) == 1
    captured = capsys.readouterr()
    assert "5 documents" in captured.out
    assert "errors.jsonl" in captured.err


def test_parse_prints_turns_for_a_person(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEEDS / "000_fd643293975f7580.txt")]) == 0
    out = capsys.readouterr().out
    assert "[0] turn  SECRETARY BLINKEN" in out
    assert "4 turns" in out and "Brussels, Belgium" in out


def test_parse_explain_gives_the_reason_for_each_candidate(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--explain", str(SEEDS / "004_6f220142dd4ec749.txt")]) == 0
    out = capsys.readouterr().out
    assert "rejected  'EU reacts to threats to prosecutors'" in out
    assert "set aside as boilerplate" in out


def test_parse_json_prints_turn_rows(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--json", str(SEEDS / "001_54fb51991aeb5a34.txt")]) == 0
    rows = [orjson.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["speaker_label"] for r in rows] == [
        "US Secretary of State Antony Blinken",
        "Prime Minister Edi Rama",
        "US Secretary of State Antony Blinken",
    ]


def test_a_missing_file_is_a_clear_error_not_a_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "no/such/file.txt"]) == 2
    assert "no/such/file.txt" in capsys.readouterr().err


def test_the_console_script_is_installed_and_runs(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("transcript-kit")
    if not script.exists():
        pytest.skip("package not installed with its console script")
    result = subprocess.run(
        [str(script), "convert", str(SEEDS), "--out", str(tmp_path / "o"), "--workers", "2"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "5 documents" in result.stdout


def test_speakers_lists_people_roles_and_the_unresolved(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["speakers", str(SEEDS)]) == 0
    out = capsys.readouterr().out
    assert "Antony J. Blinken" in out and "Edi Rama" in out
    assert "Unresolved labels" in out


def _briefing_by(tmp_path: Path, label: str) -> Path:
    """A folder holding one short briefing by ``label`` with a questioner."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(f"{label}:  Hello.\n\nQ    Hi.\n\n{label}:  Bye.\n", encoding="utf-8")
    return folder


def test_speakers_writes_a_registry_skeleton_that_loads(tmp_path: Path) -> None:
    folder = _briefing_by(tmp_path, "MS. NOBODYKNOWS")
    skeleton = tmp_path / "skeleton.json"
    assert main(["speakers", str(folder), "--skeleton", str(skeleton)]) == 0
    assert "NOBODYKNOWS" in skeleton.read_text(encoding="utf-8").upper()
    assert main(["convert", str(folder), "--out", str(tmp_path / "o"), "--registry", str(skeleton)]) == 0


def test_a_user_registry_resolves_a_new_person(tmp_path: Path) -> None:
    folder = _briefing_by(tmp_path, "MS. QUIBBLE")
    registry = tmp_path / "people.json"
    registry.write_text(
        '{"persons": [{"id": "q-quibble", "name": "Quentina Quibble", "gender": "female"}]}', encoding="utf-8"
    )
    assert main(["convert", str(folder), "--out", str(tmp_path / "o"), "--registry", str(registry)]) == 0
    rows = [orjson.loads(line) for line in (tmp_path / "o" / "turns.jsonl").read_bytes().splitlines()]
    assert rows[0]["speaker_id"] == "q-quibble" and rows[0]["speaker_name"] == "Quentina Quibble"


def test_a_broken_registry_is_a_clear_error_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    registry = tmp_path / "bad.json"
    registry.write_text('{"persons": [{"id": "x"}, {"id": "x", "name": "X"}]}', encoding="utf-8")
    assert main(["convert", str(SEEDS), "--out", str(tmp_path / "o"), "--registry", str(registry)]) == 2
    assert "bad.json" in capsys.readouterr().err


def test_without_the_default_registry_people_come_from_document_evidence_only(tmp_path: Path) -> None:
    out = tmp_path / "o"
    assert main(["convert", str(SEEDS), "--out", str(out), "--no-default-registry", "--format", "jsonl"]) == 0
    rows = [orjson.loads(line) for line in (out / "turns.jsonl").read_bytes().splitlines()]
    resolutions = {row["resolution"] for row in rows if row["speaker_label"]}
    assert "registry" not in resolutions


def test_score_prints_per_document_and_overall_figures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = CORPUS / "podcast-transcripts"
    assert main(["convert", str(folder / "raw"), "--out", str(tmp_path / "o"), "--format", "jsonl"]) == 0
    capsys.readouterr()
    assert main(["score", str(folder / "gold"), str(tmp_path / "o")]) == 0
    out = capsys.readouterr().out
    assert "buzzsprout-trailer" in out and "overall" in out
    assert "1.0000" in out


def test_no_arguments_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 0
    out = capsys.readouterr().out
    assert "convert" in out and "speakers" in out and "usage:" in out


def test_python_dash_m_runs_the_command_line(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "transcript_kit", "convert", str(SEEDS), "--out", str(tmp_path / "o"), "-q"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(REPO / "src")},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and (tmp_path / "o" / "turns.parquet").exists()


@pytest.mark.parametrize("command", ["convert", "speakers"])
def test_a_missing_input_is_exit_2_before_anything_is_written(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = ["--out", str(tmp_path / "o")] if command == "convert" else []
    assert main([command, str(tmp_path / "nope"), *out]) == 2
    err = capsys.readouterr().err
    assert err.strip().splitlines() == [f"transcript-kit: error: {tmp_path / 'nope'}: no such file or folder"]
    assert list(tmp_path.iterdir()) == []


def test_a_ray_address_without_the_ray_engine_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["convert", str(SEEDS), "--out", str(tmp_path / "o"), "--ray-address", "auto"]) == 2
    assert "--engine ray" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_a_bad_out_is_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "taken"
    blocker.write_text("x", encoding="utf-8")
    for out in (blocker, blocker / "under"):
        assert main(["convert", str(SEEDS), "--out", str(out)]) == 2
        err = capsys.readouterr().err
        assert len(err.strip().splitlines()) == 1 and str(blocker) in err and "Traceback" not in err


@pytest.mark.parametrize("where", ["table", "cache"])
def test_a_full_disk_is_one_line_naming_the_path_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    out = tmp_path / "out"
    assert main(["convert", str(SEEDS), "--out", str(out), "-q", "--no-cache"]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))  # as write(2) fails: no file named

    # a write of the turns table into the staged folder, or of a parsed result into the cache beside it
    sink, store = "transcript_kit.export.jsonl.JsonlSink.add", "transcript_kit.results.ResultStore.put"
    monkeypatch.setattr(sink if where == "table" else store, full)
    assert main(["convert", str(SEEDS), "--out", str(out), "-q"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert f"{out}: cannot write the output: No space left on device" in err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # the previous run is whole
    assert not list(tmp_path.glob(".out.transcript-kit/staging-*"))


@pytest.mark.parametrize(
    "options",
    [
        ["--workers", "x"],
        ["--workers", "-1"],
        ["--format", "csv"],
        ["--format", ""],
        ["--bogus"],
        ["-q", "-v"],
    ],
)
def test_a_bad_option_is_a_usage_message_not_a_traceback(
    options: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["convert", str(SEEDS), "--out", str(tmp_path / "o"), *options])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "usage:" in err and "Traceback" not in err


def test_workers_0_means_every_cpu_and_format_is_case_insensitive(tmp_path: Path) -> None:
    from transcript_kit.cli import _parser

    args = _parser().parse_args(["convert", "--workers", "0", "--format", "JSONL,Parquet"])
    assert args.workers == len(os.sched_getaffinity(0)) and args.format == ("jsonl", "parquet")
    assert (
        main(["convert", str(SEEDS), "--out", str(tmp_path / "o"), "--workers", "0", "--format", "JSONL"])
        == 0
    )
    assert (tmp_path / "o" / "turns.jsonl").exists() and not (tmp_path / "o" / "turns.parquet").exists()


def test_the_summary_counts_warned_documents_with_correct_plurals(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "handover.md").write_text(
        "---\ndate: 2021-01-20\nsource_url: https://www.whitehouse.gov/briefing-room/x/\n---\n\n"
        "THE PRESIDENT:  Thank you all.\n",
        encoding="utf-8",
    )
    assert main(["convert", str(folder), "--out", str(tmp_path / "o")]) == 0
    line = capsys.readouterr().out
    assert line.startswith("1 document (1 with warnings), 1 turn, 1 speaker from 1 input in "), line


def test_quiet_prints_nothing_and_verbose_says_what_was_reused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "o")
    assert main(["convert", str(SEEDS), "--out", out, "-q"]) == 0
    assert capsys.readouterr().out == ""
    assert main(["convert", str(SEEDS), "--out", out, "-v"]) == 0
    assert "5 documents reused from the cache" in capsys.readouterr().out


def test_progress_bars_cover_parsing_speakers_and_writing_with_a_rate(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from transcript_kit.cli import _Bars

    bars = _Bars(enabled=True)
    for stage, total in (("parsing", 4), ("speakers", 1), ("writing", 100)):
        for done in range(total + 1):
            bars(stage, done, total)
    bars.close()
    err = capsys.readouterr().err
    assert "parsing" in err and "resolving speakers" in err and "writing" in err
    assert "file/s" in err or "s/file" in err


def test_the_skeleton_is_written_in_the_format_its_name_says(tmp_path: Path) -> None:
    tomllib = pytest.importorskip("tomllib" if sys.version_info >= (3, 11) else "tomli")
    folder = _briefing_by(tmp_path, "MS. NOBODYKNOWS")
    assert main(["speakers", str(folder), "--skeleton", str(tmp_path / "people.toml")]) == 0
    toml = tomllib.loads((tmp_path / "people.toml").read_text(encoding="utf-8"))
    assert any("NOBODYKNOWS" in person["name"].upper() for person in toml["persons"])
    assert (
        main(
            [
                "convert",
                str(folder),
                "--out",
                str(tmp_path / "o"),
                "--registry",
                str(tmp_path / "people.toml"),
            ]
        )
        == 0
    )
    assert main(["speakers", str(folder), "--skeleton", str(tmp_path / "people.yaml")]) == 2
