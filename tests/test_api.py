"""The library API: a small, sorted public surface; the README quickstart works as written."""

from __future__ import annotations

import datetime
import doctest
import re
from pathlib import Path
from typing import Any

import orjson
import pytest

import transcript_kit as tk
from transcript_kit.export import TABLES

from .conftest import CORPUS, REPO, SEEDS


def test_all_is_sorted_and_every_name_exists() -> None:
    assert tk.__all__ == sorted(tk.__all__)
    for name in tk.__all__:
        assert hasattr(tk, name), name


def test_parse_text_returns_turns_with_resolved_speakers() -> None:
    document = tk.parse("MS. PSAKI:  Hi, everyone.\n\nQ    Hello.\n\nMS. PSAKI:  Happy Friday.\n")
    assert [(t.label, t.text) for t in document.turns] == [
        ("MS. PSAKI", "Hi, everyone."),
        ("Q", "Hello."),
        ("MS. PSAKI", "Happy Friday."),
    ]
    question = document.turns[1].speaker
    assert question is not None and question.id == "role:question"


def test_errors_share_one_base_and_their_builtin() -> None:
    assert issubclass(tk.DecodeError, tk.TranscriptKitError) and issubclass(tk.DecodeError, ValueError)
    assert issubclass(tk.InputError, OSError)
    with pytest.raises(tk.InputError, match=r"missing\.txt"):
        tk.parse_file(REPO / "missing.txt")


def test_the_readme_quickstart_runs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    library = readme.split("## Library", 1)[1]
    code = re.search(r"```python\n(.*?)```", library, re.S)
    assert code is not None
    monkeypatch.chdir(REPO)
    exec(compile(code.group(1), "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert "SECRETARY BLINKEN ->" in out
    assert "2021-06-13 Brussels, Belgium Antony J. Blinken, Secretary of State" in out


def _doctests_pass(function: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)  # the examples name corpus/seeds, as a user in the repository would
    tests = doctest.DocTestFinder().find(function)
    assert tests and tests[0].examples, "no docstring example"
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for test in tests:
        runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


@pytest.mark.parametrize(
    "function", [tk.convert, tk.read_corpus, tk.table_rows, tk.write_jsonl, tk.write_parquet], ids=str
)
def test_the_docstring_examples_of_the_corpus_api_run(
    function: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    _doctests_pass(function, monkeypatch)


def test_convert_returns_the_run_summary_and_writes_the_tables(tmp_path: Path) -> None:
    summary = tk.convert([SEEDS], tmp_path / "out", formats=("JSONL",))
    assert (summary.n_documents, summary.n_errors) == (5, 0)
    assert summary.files == (
        "README.md",
        "documents.jsonl",
        "errors.jsonl",
        "speakers.jsonl",
        "turns.jsonl",
        "manifest.json",
    )
    assert len((tmp_path / "out" / "turns.jsonl").read_bytes().splitlines()) == summary.n_turns


def test_read_corpus_resolves_speakers_as_convert_does(tmp_path: Path) -> None:
    tk.convert(CORPUS / "whitehouse-briefings", tmp_path / "out", formats=("jsonl",))
    exported = [orjson.loads(line) for line in (tmp_path / "out" / "turns.jsonl").read_bytes().splitlines()]
    read = [
        (document.doc_id, turn.index, turn.speaker.id if turn.speaker else None)
        for document in tk.read_corpus(CORPUS / "whitehouse-briefings")
        for turn in document.turns
    ]
    assert read == [(row["doc_id"], row["turn_index"], row["speaker_id"]) for row in exported]


def test_read_corpus_takes_a_registry_on_top_of_the_starter_one(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("MS. QUIBBLE:  Hello.\n", encoding="utf-8")
    people = tk.Registry.from_dict(
        {"persons": [{"id": "q-quibble", "name": "Quentina Quibble", "gender": "female"}]}
    )
    (document,) = tk.read_corpus(tmp_path, registry=people)
    assert document.turns[0].speaker is not None and document.turns[0].speaker.id == "q-quibble"


def test_table_rows_give_each_table_its_schema_fields() -> None:
    rows = tk.table_rows(tk.parse_file(SEEDS / "000_fd643293975f7580.txt"))
    assert set(rows) == {"turns", "documents"}
    assert all(list(row) == TABLES["documents"].names for row in rows["documents"])
    assert all(set(row) == set(TABLES["turns"].names) for row in rows["turns"])
    assert rows["turns"][0]["speaker_id"] == "antony-j-blinken"


@pytest.mark.parametrize("writer", [tk.write_jsonl, tk.write_parquet])
def test_writers_refuse_rows_with_unknown_or_missing_keys(writer: Any, tmp_path: Path) -> None:
    (row,) = tk.table_rows(tk.parse("Q    Hello?\n"))["documents"]
    with pytest.raises(tk.SchemaError, match=r"documents row 1: .*unknown 'titel'"):
        writer("documents", [{**row, "titel": "x"}], tmp_path / "d")
    without_title = {k: v for k, v in row.items() if k != "title"}
    with pytest.raises(tk.SchemaError, match=r"missing 'title'"):
        writer("documents", [row, without_title], tmp_path / "d")
    assert list(tmp_path.iterdir()) == []


def test_a_document_date_is_a_date() -> None:
    document = tk.parse_file(SEEDS / "000_fd643293975f7580.txt")
    assert document.date == datetime.date(2021, 6, 13)
    assert tk.Document("x", "", (), date="2024-02-30").date is None  # not a day: no date
