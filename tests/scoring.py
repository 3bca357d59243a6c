"""Score one corpus document parsed raw against its gold turns, as ``transcript-kit score`` does."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path

import orjson

from transcript_kit.export.rows import turn_row
from transcript_kit.parse import parse_bytes
from transcript_kit.score import score_directory

# The publisher variants of bench/variants.py (a script, not a package: loaded from its file).
_SPEC = importlib.util.spec_from_file_location(
    "bench_variants", Path(__file__).resolve().parents[1] / "bench" / "variants.py"
)
assert _SPEC is not None and _SPEC.loader is not None
variants = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(variants)
gold_labels: Callable[[Path], frozenset[str]] = variants.gold_labels


def document_f1(
    folder: Path, name: str, tmp_path: Path, rewrite: Callable[[str, frozenset[str]], str] | None = None
) -> float:
    """Word-level speaker F1 of ``folder/raw/<name>.*`` against ``folder/gold/<name>.jsonl``; ``rewrite`` prints
    the document another way first (a variant of bench/variants.py, given the gold's labels)."""
    top = folder / "raw" if (folder / "raw").is_dir() else folder  # seeds/ keeps its texts at the top
    raw = next(p for p in top.glob(f"{name}.*") if p.suffix != ".jsonl")
    gold_dir, out_dir = tmp_path / "gold", tmp_path / "out"
    gold_dir.mkdir()
    out_dir.mkdir()
    (gold_dir / f"{name}.jsonl").write_bytes((folder / "gold" / f"{name}.jsonl").read_bytes())
    data = raw.read_bytes()
    if rewrite is not None:
        labels = gold_labels(folder / "gold" / f"{name}.jsonl")
        data = variants.printed(rewrite, data.decode("utf-8"), labels).encode("utf-8")
    document = parse_bytes(data, doc_id=name, path=str(raw))
    rows = b"".join(orjson.dumps(turn_row(name, turn)) + b"\n" for turn in document.turns)
    (out_dir / "turns.jsonl").write_bytes(rows)
    return score_directory(gold_dir, out_dir).overall.f1
