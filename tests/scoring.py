"""Score one corpus document parsed raw against its gold turns, as ``transcript-kit score`` does."""

from __future__ import annotations

from pathlib import Path

import orjson

from transcript_kit.export.rows import turn_row
from transcript_kit.parse import parse_bytes
from transcript_kit.score import score_directory


def document_f1(folder: Path, name: str, tmp_path: Path) -> float:
    """Word-level speaker F1 of ``folder/raw/<name>.*`` against ``folder/gold/<name>.jsonl``."""
    raw = next((folder / "raw").glob(f"{name}.*"))
    gold_dir, out_dir = tmp_path / "gold", tmp_path / "out"
    gold_dir.mkdir()
    out_dir.mkdir()
    (gold_dir / f"{name}.jsonl").write_bytes((folder / "gold" / f"{name}.jsonl").read_bytes())
    document = parse_bytes(raw.read_bytes(), doc_id=name, path=str(raw))
    rows = b"".join(orjson.dumps(turn_row(name, turn)) + b"\n" for turn in document.turns)
    (out_dir / "turns.jsonl").write_bytes(rows)
    return score_directory(gold_dir, out_dir).overall.f1
