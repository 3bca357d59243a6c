"""The output folder loads unchanged into DuckDB, pandas, Polars and Hugging Face ``datasets``, empty tables too."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from transcript_kit.export import TABLES
from transcript_kit.pipeline import ConvertConfig, convert

from .conftest import SEEDS

TABLE_NAMES = ("turns", "documents", "speakers", "errors")


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("readers") / "out"
    convert([SEEDS], folder)
    return folder


def test_dates_are_parquet_dates_and_integer_types_agree_across_tables(out: Path) -> None:
    documents = pq.read_table(out / "documents.parquet")
    assert documents.schema.field("date").type == pa.date32()
    assert datetime.date(2021, 6, 13) in documents.column("date").to_pylist()
    counts = {
        (table, field.name): field.type
        for table in TABLE_NAMES
        for field in TABLES[table]
        if field.name.startswith("n_")
    }
    assert set(counts.values()) == {pa.int64()}, counts


def test_the_errors_table_is_parquet_too_and_readable_when_empty(out: Path) -> None:
    errors = pq.read_table(out / "errors.parquet")
    assert errors.num_rows == 0
    assert errors.schema.names == TABLES["errors"].names


def test_duckdb_reads_every_table(out: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    for table in TABLE_NAMES:
        path = (out / f"{table}.parquet").as_posix()
        assert duckdb.sql(f"SELECT count(*) FROM '{path}'").fetchall() == [
            (pq.read_table(out / f"{table}.parquet").num_rows,)
        ]
    path = (out / "documents.parquet").as_posix()
    assert duckdb.sql(f"SELECT DISTINCT typeof(date) FROM '{path}'").fetchall() == [("DATE",)]


def test_pandas_reads_every_table(out: Path) -> None:
    pd = pytest.importorskip("pandas")
    turns = pd.read_parquet(out / "turns.parquet")
    assert len(turns) == len((out / "turns.jsonl").read_bytes().splitlines())
    assert pd.read_json(out / "turns.jsonl", lines=True)["doc_id"].tolist() == turns["doc_id"].tolist()
    assert len(pd.read_parquet(out / "errors.parquet")) == 0
    documents = pd.read_parquet(out / "documents.parquet")
    assert datetime.date(2021, 6, 13) in set(documents["date"].dropna())


def test_polars_reads_every_table(out: Path) -> None:
    pl = pytest.importorskip("polars")
    documents = pl.read_parquet(out / "documents.parquet")
    assert documents.schema["date"] == pl.Date
    assert pl.read_ndjson(out / "turns.jsonl").height == pl.read_parquet(out / "turns.parquet").height
    assert pl.read_parquet(out / "errors.parquet").height == 0


def _load_dataset(folder: Path, table: str, cache: Path) -> object:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # a local folder: nothing to fetch
    datasets = pytest.importorskip("datasets")
    return datasets.load_dataset(str(folder), table, split="train", cache_dir=str(cache))


def test_datasets_loads_each_table_by_name_from_the_dataset_card(out: Path, tmp_path: Path) -> None:
    for table in ("turns", "documents", "speakers"):
        loaded = _load_dataset(out, table, tmp_path / "hf")
        assert loaded.num_rows == pq.read_table(out / f"{table}.parquet").num_rows, table  # type: ignore[attr-defined]
        assert loaded.column_names == TABLES[table].names  # type: ignore[attr-defined]
    # `datasets` cannot load a table without rows: the card names the errors table only when it has some.
    assert "config_name: errors" not in (out / "README.md").read_text(encoding="utf-8")


def test_the_errors_table_has_a_dataset_config_when_there_were_errors(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "talk.txt").write_text("MS. PSAKI:  Hi.\n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01" * 100)
    convert([folder], tmp_path / "out", ConvertConfig(formats=("jsonl",)))
    errors = _load_dataset(tmp_path / "out", "errors", tmp_path / "hf")
    assert errors["doc_id"] == ["binary"]  # type: ignore[index]
