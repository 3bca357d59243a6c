"""results: per-document results are stored once and reused while the input, the tool and the settings hold."""

from __future__ import annotations

import shutil
import tracemalloc
from pathlib import Path

import orjson
import pyarrow.parquet as pq
import pytest

from transcript_kit import results
from transcript_kit.export import parquet as parquet_module
from transcript_kit.export.corpus import write_turns
from transcript_kit.export.folder import run_area
from transcript_kit.model import Document, Turn, TurnKind
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


def test_a_grammar_edited_in_a_source_checkout_changes_the_code_fingerprint(monkeypatch: pytest.MonkeyPatch) -> None:
    # A checkout reads grammar/*.lark from outside the package: an edit there must not reuse results parsed with
    # the old grammar (it did, so a changed label grammar showed stale speakers in a convert's output).
    results.code_fingerprint.cache_clear()
    before = results.code_fingerprint()
    real = results.grammar_text
    monkeypatch.setattr(results, "grammar_text", lambda name: real(name) + ("\n// edited" if name == "label.lark" else ""))
    results.code_fingerprint.cache_clear()
    try:
        assert results.code_fingerprint() != before
    finally:
        monkeypatch.undo()
        results.code_fingerprint.cache_clear()
    assert results.code_fingerprint() == before


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


def _many_turns(n: int) -> Document:
    text = "MR. SMITH: Yes.\n" * n
    turns = tuple(Turn(i, TurnKind.TURN, "Yes.", 16 * i + 11, 16 * i + 15, "MR. SMITH") for i in range(n))
    return Document(doc_id="many", text=text, turns=turns)


def test_a_document_of_many_turns_has_a_chunk_of_rows_alive_at_once_not_all() -> None:
    # A row dict per turn: 40,000 turns made 36 MB at the peak (19 MB now), beside the 17 MB that
    # the result keeps (JSON bytes, the Arrow stream, the speaker evidence).
    results.result_of(_many_turns(2), 32)  # imports and first-use caches are not the document's
    document = _many_turns(40_000)
    tracemalloc.start()
    try:
        header, payload = results.result_of(document, len(document.text))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert header.n_turns == 40_000 and len(payload.jsonl_heads) == len(payload.jsonl_tails) == 40_000
    assert payload.jsonl_tails[-1].startswith(b',"text":"Yes.","char_start":639995')
    table = results.plain_turns(payload)
    assert table.num_rows == 40_000 and table.column("turn_index")[-1].as_py() == 39_999
    assert peak < 26 << 20, f"{peak / (1 << 20):.0f} MB"


def test_a_large_document_is_written_in_row_groups_and_jsonl_slices(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parquet_module, "ROWS_PER_GROUP", 2)
    _, payload = results.result_of(_many_turns(5), 80)
    rows = write_turns([("many", payload)], {}, jsonl=tmp_path / "t.jsonl", parquet=tmp_path / "t.parquet")
    assert rows == 5 and pq.ParquetFile(tmp_path / "t.parquet").num_row_groups == 3
    lines = [orjson.loads(line) for line in (tmp_path / "t.jsonl").read_bytes().splitlines()]
    assert [row["turn_index"] for row in lines] == [0, 1, 2, 3, 4] and lines[4]["char_start"] == 75
    assert pq.read_table(tmp_path / "t.parquet").column("char_start").to_pylist() == [11, 27, 43, 59, 75]
