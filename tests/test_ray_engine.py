"""ray_engine: the same shards as Ray tasks on a local Ray instance give the local engine's output."""

from __future__ import annotations

from pathlib import Path

import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from transcript_kit.pipeline import ConvertConfig, convert

from .conftest import CORPUS

ray = pytest.importorskip("ray")


def test_ray_tasks_write_what_the_local_engine_writes_and_turns_parquet_is_a_dataset(tmp_path: Path) -> None:
    from transcript_kit.ray_engine import RayEngine

    # congressional-record: turns bound apart from their label ("The PRESIDING OFFICER" after "(Mr. Kyl)")
    inputs = [CORPUS / "whitehouse-briefings", CORPUS / "congressional-record", CORPUS / "seeds"]
    config = ConvertConfig(shard_size=4)
    ray.init(
        address="local",
        num_cpus=2,
        include_dashboard=False,
        log_to_driver=False,
        _node_ip_address="127.0.0.1",
    )
    try:
        with RayEngine(workers=2) as engine:
            on_ray = convert(inputs, tmp_path / "ray", config, engine=engine, use_cache=False)
    finally:
        ray.shutdown()
    local = convert(inputs, tmp_path / "local", config, use_cache=False)
    assert (on_ray.n_documents, on_ray.n_turns) == (local.n_documents, local.n_turns)
    for name in ("turns.jsonl", "documents.jsonl", "speakers.jsonl", "errors.jsonl", "manifest.json"):
        assert (tmp_path / "ray" / name).read_bytes() == (tmp_path / "local" / name).read_bytes(), name
    parts = sorted(p.name for p in (tmp_path / "ray" / "turns.parquet").iterdir())
    assert len(parts) == 4 and parts[0] == "part-00000.parquet"
    expected = pq.read_table(tmp_path / "local" / "turns.parquet")
    assert ds.dataset(tmp_path / "ray" / "turns.parquet").to_table().equals(expected)
    duckdb = pytest.importorskip("duckdb")
    glob = (tmp_path / "ray" / "turns.parquet" / "*.parquet").as_posix()
    assert duckdb.sql(f"SELECT count(*) FROM '{glob}'").fetchall() == [(expected.num_rows,)]
    polars = pytest.importorskip("polars")
    assert polars.read_parquet(tmp_path / "ray" / "turns.parquet").height == expected.num_rows
    assert "turns.parquet/*.parquet" in (tmp_path / "ray" / "README.md").read_text(encoding="utf-8")
