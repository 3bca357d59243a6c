"""results: per-document results are stored once and reused while the input, the tool and the settings hold."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from transcript_kit import results
from transcript_kit.export.folder import run_area
from transcript_kit.pipeline import ConvertConfig, convert

from .conftest import CORPUS, SEEDS

TABLE_FILES = (
    "turns.jsonl",
    "documents.jsonl",
    "speakers.jsonl",
    "errors.jsonl",
    "manifest.json",
    "README.md",
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    shutil.copytree(CORPUS / "whitehouse-briefings", folder)
    return folder


def _files(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in TABLE_FILES}


def test_a_rerun_reuses_every_result_and_writes_the_same_bytes(corpus: Path, tmp_path: Path) -> None:
    first = convert([corpus], tmp_path / "out")
    assert first.n_reused == 0
    fresh = _files(tmp_path / "out")
    again = convert([corpus], tmp_path / "out", ConvertConfig(workers=2))  # workers do not change a parse
    assert again.n_reused == again.n_documents == first.n_documents
    assert _files(tmp_path / "out") == fresh
    convert([corpus], tmp_path / "plain", use_cache=False)
    assert _files(tmp_path / "plain") == fresh
    assert (tmp_path / "out" / "turns.parquet").read_bytes() == (
        tmp_path / "plain" / "turns.parquet"
    ).read_bytes()


def test_a_changed_file_is_parsed_again_and_the_speaker_pass_sees_it(corpus: Path, tmp_path: Path) -> None:
    first = convert([corpus], tmp_path / "out")
    changed = sorted(corpus.rglob("*.txt"))[0]
    changed.write_text("MS. PSAKI:  Only this now.\n", encoding="utf-8")
    second = convert([corpus], tmp_path / "out")
    assert second.n_reused == first.n_documents - 1
    turns = (tmp_path / "out" / "turns.jsonl").read_text(encoding="utf-8")
    assert "Only this now." in turns
    convert([corpus], tmp_path / "plain", use_cache=False)
    assert _files(tmp_path / "out") == _files(tmp_path / "plain")


def test_a_new_tool_version_or_parse_setting_reuses_nothing(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    convert([corpus], tmp_path / "out")
    monkeypatch.setattr(results, "code_fingerprint", lambda: "another build")
    assert convert([corpus], tmp_path / "out").n_reused == 0
    monkeypatch.setattr("transcript_kit.pipeline.parse_settings", lambda config: '{"profile": "other"}')
    assert convert([corpus], tmp_path / "out").n_reused == 0


def test_no_cache_parses_everything_and_keeps_nothing(tmp_path: Path) -> None:
    convert([SEEDS], tmp_path / "out")
    summary = convert([SEEDS], tmp_path / "out", use_cache=False)
    assert summary.n_reused == 0
    assert not (tmp_path / "fresh").exists()
    convert([SEEDS], tmp_path / "fresh", use_cache=False)
    assert not (run_area(tmp_path / "fresh") / "cache").exists()


def test_a_cache_folder_of_ones_own_is_shared_and_never_pruned(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    convert([SEEDS], tmp_path / "a", cache=cache)
    assert convert([SEEDS], tmp_path / "b", cache=cache).n_reused == 5
    convert([SEEDS / "000_fd643293975f7580.txt"], tmp_path / "a", cache=cache)
    assert len(list(cache.glob("*/*.result"))) == 5


def test_the_cache_beside_the_output_keeps_only_the_last_runs_results(tmp_path: Path) -> None:
    convert([SEEDS], tmp_path / "out")
    convert([SEEDS / "000_fd643293975f7580.txt"], tmp_path / "out")
    assert len(list((run_area(tmp_path / "out") / "cache").glob("*/*.result"))) == 1


def test_a_damaged_result_is_parsed_again_not_trusted(tmp_path: Path) -> None:
    convert([SEEDS], tmp_path / "out")
    reference = (tmp_path / "out" / "turns.jsonl").read_bytes()
    for stored in (run_area(tmp_path / "out") / "cache").glob("*/*.result"):
        stored.write_bytes(b"not a pickle")
    (run_area(tmp_path / "out") / "cache" / "ab").mkdir(exist_ok=True)
    (run_area(tmp_path / "out") / "cache" / "ab" / ".x.tmp").write_bytes(b"half")  # a killed run's temporary
    assert convert([SEEDS], tmp_path / "out").n_reused == 0
    assert (tmp_path / "out" / "turns.jsonl").read_bytes() == reference
    assert not (run_area(tmp_path / "out") / "cache" / "ab" / ".x.tmp").exists()
