"""pipeline: convert files and folders into the corpus tables; bad inputs go to errors.jsonl, the rest converts."""

from __future__ import annotations

import shutil
from pathlib import Path

import orjson
import pyarrow.parquet as pq
import pytest

from transcript_kit.errors import InputError
from transcript_kit.export import SCHEMA_VERSION
from transcript_kit.pipeline import ConvertConfig, convert, discover

from .conftest import SEEDS

OUTPUTS = {
    "turns.jsonl",
    "documents.jsonl",
    "speakers.jsonl",
    "turns.parquet",
    "documents.parquet",
    "speakers.parquet",
    "errors.jsonl",
    "errors.parquet",
    "manifest.json",
    "README.md",
}


def _jsonl(path: Path) -> list[dict[str, object]]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    return folder


def test_convert_writes_every_table_of_the_contract(seeds: Path, tmp_path: Path) -> None:
    summary = convert([seeds], tmp_path / "out")
    out = tmp_path / "out"
    assert {p.name for p in out.iterdir()} == OUTPUTS
    assert summary.n_documents == 5 and summary.n_errors == 0
    manifest = orjson.loads((out / "manifest.json").read_bytes())
    assert manifest["schema_version"] == SCHEMA_VERSION
    assert manifest["counts"]["documents"] == 5
    assert (out / "errors.jsonl").read_bytes() == b""
    turns = pq.read_table(out / "turns.parquet")
    assert turns.schema.metadata[b"transcript_kit.schema_version"] == SCHEMA_VERSION.encode()
    assert turns.num_rows == len(_jsonl(out / "turns.jsonl")) == summary.n_turns


def test_doc_ids_are_paths_relative_to_the_input_root_without_extension(seeds: Path, tmp_path: Path) -> None:
    nested = seeds / "deeper"
    nested.mkdir()
    (nested / "note.md").write_text("MS. PSAKI:  Hi, everyone.\n", encoding="utf-8")
    convert([seeds], tmp_path / "out")
    doc_ids = {row["doc_id"] for row in _jsonl(tmp_path / "out" / "documents.jsonl")}
    assert "deeper/note" in doc_ids
    assert "000_fd643293975f7580" in doc_ids


def test_a_bad_file_goes_to_the_error_report_and_the_rest_converts(seeds: Path, tmp_path: Path) -> None:
    (seeds / "broken.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    summary = convert([seeds], tmp_path / "out")
    errors = _jsonl(tmp_path / "out" / "errors.jsonl")
    assert summary.n_documents == 5
    assert [e["doc_id"] for e in errors] == ["broken"]
    assert "broken.txt" in str(errors[0]["message"]) and errors[0]["error"] == "DecodeError"


def test_a_missing_input_is_an_error_before_anything_is_written(seeds: Path, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="nope: no such file or folder"):
        convert([seeds, tmp_path / "nope"], tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_a_folder_without_transcripts_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no transcripts found"):
        convert([tmp_path / "empty"], tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_the_same_input_gives_byte_identical_jsonl(seeds: Path, tmp_path: Path) -> None:
    convert([seeds], tmp_path / "a")
    convert([seeds], tmp_path / "b", ConvertConfig(workers=2, shard_size=1))
    for name in ("turns.jsonl", "documents.jsonl", "speakers.jsonl", "errors.jsonl"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_format_chooses_a_subset_of_outputs(seeds: Path, tmp_path: Path) -> None:
    convert([seeds], tmp_path / "out", ConvertConfig(formats=("parquet",)))
    names = {p.name for p in (tmp_path / "out").iterdir()}
    assert "turns.parquet" in names and "turns.jsonl" not in names


def test_discover_skips_folder_documentation_and_golden_files(tmp_path: Path) -> None:
    for name in ("README.md", "SOURCE.md", "a.txt", "a.expected.jsonl", "b.srt", "c.vtt", "d.pdf"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    files, errors = discover([tmp_path])
    assert [Path(f.path).name for f in files] == ["a.txt", "b.srt", "c.vtt"]
    assert errors == []


def test_work_files_are_cleaned_up(seeds: Path, tmp_path: Path) -> None:
    convert([seeds], tmp_path / "out")
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(".")]


def test_an_ambiguous_speaker_is_a_warning_on_its_document(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "handover.md").write_text(
        "---\ndate: 2021-01-20\nsource_url: https://www.whitehouse.gov/briefing-room/x/\n---\n\n"
        "THE PRESIDENT:  Thank you all.\n\nQ    Mr. President?\n",
        encoding="utf-8",
    )
    convert([folder], tmp_path / "out")
    (document,) = _jsonl(tmp_path / "out" / "documents.jsonl")
    assert any("THE PRESIDENT" in str(w) and "ambiguous" in str(w) for w in document["warnings"])  # type: ignore[attr-defined]
    (president, _) = _jsonl(tmp_path / "out" / "turns.jsonl")
    assert president["speaker_id"] == "doc:handover#the-president"
    assert president["resolution"] == "none"


def test_doc_ids_stay_unique_across_inputs_and_a_file_named_twice_converts_once(tmp_path: Path) -> None:
    for folder, words in (("r1", "MS. A:  Hi."), ("r2", "MS. B:  Yo.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text(words + "\n", encoding="utf-8")
    files, _ = discover([tmp_path / "r1", tmp_path / "r2", tmp_path / "r1" / "a.txt"])
    assert [f.doc_id for f in files] == ["a", "r2/a"]


def test_the_parquet_corpus_loads_straight_into_duckdb(seeds: Path, tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    convert([seeds], tmp_path / "out")
    turns = (tmp_path / "out" / "turns.parquet").as_posix()
    rows = duckdb.sql(
        f"SELECT speaker_id, count(*) FROM '{turns}' WHERE kind = 'turn' GROUP BY ALL ORDER BY ALL"
    ).fetchall()
    assert ("antony-j-blinken", 4) in rows and ("edi-rama", 3) in rows


def test_a_pool_worker_ends_quietly_on_sigterm() -> None:
    # The pool ends its workers with SIGTERM once the batch is done; a worker forked from the command line had
    # its handler (which raises, to unwind the parent) and printed a traceback when it was still waiting.
    import signal

    from transcript_kit.pipeline import _worker_init

    def raising(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous_term = signal.signal(signal.SIGTERM, raising)
    previous_int = signal.getsignal(signal.SIGINT)
    try:
        _worker_init()
        assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL
        assert signal.getsignal(signal.SIGINT) == signal.SIG_IGN
    finally:
        signal.signal(signal.SIGTERM, previous_term)
        signal.signal(signal.SIGINT, previous_int)
