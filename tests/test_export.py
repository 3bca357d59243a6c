"""export: JSONL and Parquet writers share one schema per table, stream, round-trip and write atomically."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transcript_kit.export import SCHEMA_VERSION, TABLES, write_jsonl, write_parquet
from transcript_kit.export import parquet as parquet_module

TURN = {
    "doc_id": "seeds/000",
    "turn_index": 0,
    "kind": "turn",
    "speaker_label": "SECRETARY BLINKEN",
    "speaker_id": "antony-j-blinken",
    "speaker_name": "Antony J. Blinken",
    "speaker_role": "Secretary of State",
    "resolution": "document",
    "confidence": 0.9,
    "text": "Well, thank you.",
    "char_start": 10,
    "char_end": 26,
    "start_ms": None,
    "end_ms": None,
    "time_of_day": None,
    "notes": [],
}

optional_text = st.none() | st.text(max_size=40)
turn_rows = st.fixed_dictionaries(
    {
        "doc_id": st.text(min_size=1, max_size=20),
        "turn_index": st.integers(0, 2**31 - 1),
        "kind": st.sampled_from(["turn", "monologue", "quote", "stage"]),
        "speaker_label": optional_text,
        "speaker_id": optional_text,
        "speaker_name": optional_text,
        "speaker_role": optional_text,
        "resolution": st.sampled_from(
            ["override", "document", "registry", "corpus", "fuzzy", "label", "none"]
        ),
        "confidence": st.none() | st.sampled_from([0.0, 0.5, 1.0]),
        "text": st.text(max_size=200),
        "char_start": st.integers(0, 2**40),
        "char_end": st.integers(0, 2**40),
        "start_ms": st.none() | st.integers(0, 2**40),
        "end_ms": st.none() | st.integers(0, 2**40),
        "time_of_day": st.none() | st.sampled_from(["14:02", "09:30"]),
        "notes": st.lists(st.text(max_size=10), max_size=3),
    }
)


def test_jsonl_rows_follow_the_schema_field_order(tmp_path: Path) -> None:
    shuffled = dict(reversed(list(TURN.items())))
    assert write_jsonl("turns", [shuffled], tmp_path / "turns.jsonl") == 1
    line = (tmp_path / "turns.jsonl").read_bytes()
    assert list(orjson.loads(line)) == TABLES["turns"].names


def test_parquet_reads_back_with_the_declared_schema_and_version(tmp_path: Path) -> None:
    path = tmp_path / "turns.parquet"
    write_parquet("turns", [TURN, {**TURN, "turn_index": 1}], path)
    table = pq.read_table(path)
    assert table.schema.remove_metadata() == TABLES["turns"].remove_metadata()
    assert table.schema.metadata[b"transcript_kit.schema_version"] == SCHEMA_VERSION.encode()
    assert table.column("turn_index").to_pylist() == [0, 1]
    assert ds.dataset(path).to_table().num_rows == 2


def test_an_empty_table_still_writes_a_readable_parquet_file(tmp_path: Path) -> None:
    path = tmp_path / "speakers.parquet"
    assert write_parquet("speakers", [], path) == 0
    assert pq.read_table(path).num_rows == 0


def test_parquet_is_written_in_row_groups(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parquet_module, "ROWS_PER_GROUP", 2)
    path = tmp_path / "turns.parquet"
    write_parquet("turns", ({**TURN, "turn_index": i} for i in range(5)), path)
    assert pq.ParquetFile(path).num_row_groups == 3


@pytest.mark.parametrize("writer", [write_jsonl, write_parquet])
def test_a_crash_mid_write_leaves_neither_the_file_nor_a_temporary(tmp_path: Path, writer: Any) -> None:
    def rows() -> Any:
        yield TURN
        raise RuntimeError("disk full")

    target = tmp_path / "turns.out"
    with pytest.raises(RuntimeError):
        writer("turns", rows(), target)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("writer", [write_jsonl, write_parquet])
def test_a_crash_keeps_the_previous_complete_file(tmp_path: Path, writer: Any) -> None:
    target = tmp_path / "turns.out"
    writer("turns", [TURN], target)
    before = target.read_bytes()

    def rows() -> Any:
        yield TURN
        raise RuntimeError("killed")

    with pytest.raises(RuntimeError):
        writer("turns", rows(), target)
    assert target.read_bytes() == before


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(turn_rows, max_size=8))
def test_turn_rows_round_trip_through_jsonl_and_parquet(tmp_path: Path, rows: list[dict[str, Any]]) -> None:
    write_jsonl("turns", rows, tmp_path / "t.jsonl")
    write_parquet("turns", rows, tmp_path / "t.parquet")
    from_jsonl = [orjson.loads(line) for line in (tmp_path / "t.jsonl").read_bytes().splitlines()]
    from_parquet = pq.read_table(tmp_path / "t.parquet").to_pylist()
    assert from_jsonl == rows
    assert len(from_parquet) == len(rows)
    for got, want in zip(from_parquet, rows):
        assert {k: v for k, v in got.items() if k != "confidence"} == {
            k: v for k, v in want.items() if k != "confidence"
        }
