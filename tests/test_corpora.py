"""Every corpus folder, parsed raw and scored against its gold turns: word-level speaker F1 stays >= 0.97."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import orjson
import pytest

from transcript_kit.export.rows import turn_row
from transcript_kit.parse import parse_bytes
from transcript_kit.score import score_directory

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
# corpus/conventions is issue 7's evaluation set of conventions written for the project: it has a bar per
# document (test_conventions_corpus.py) instead of this folder-level one.
# A blind set stays out of the bar only while it is being worked through (each SOURCE.md gives its figures).
NOT_YET_SCORED = frozenset(
    {"conventions", *(f"blind{n}" for n in range(14, 49))}
)
FOLDERS = sorted(
    p.name
    for p in CORPUS.iterdir()
    if (p / "raw").is_dir() and (p / "gold").is_dir() and p.name not in NOT_YET_SCORED
)
# Issue 7: every folder of corpus/ at word-level speaker F1 >= 0.995.
BAR = 0.995


def _export(folder: str, tmp_path: Path) -> tuple[Path, Path]:
    gold_dir, out_dir = tmp_path / "gold", tmp_path / "out"
    gold_dir.mkdir()
    out_dir.mkdir()
    with (out_dir / "turns.jsonl").open("wb") as handle:
        for raw in sorted((CORPUS / folder / "raw").iterdir()):
            gold = CORPUS / folder / "gold" / f"{raw.stem}.jsonl"
            if not gold.is_file():
                continue
            shutil.copy(gold, gold_dir / gold.name)
            document = parse_bytes(raw.read_bytes(), doc_id=raw.stem, path=str(raw))
            for turn in document.turns:
                handle.write(orjson.dumps(turn_row(document.doc_id, turn)) + b"\n")
    return gold_dir, out_dir


def test_there_are_corpus_folders_to_score() -> None:
    assert {
        "congressional-record",
        "whitehouse-briefings",
        "scotus-argument-pdftotext",
        "podcast-transcripts",
    } <= set(FOLDERS)


@pytest.mark.slow
@pytest.mark.parametrize("folder", FOLDERS)
def test_each_corpus_folder_reaches_the_speaker_f1_bar(folder: str, tmp_path: Path) -> None:
    gold_dir, out_dir = _export(folder, tmp_path)
    if not any(gold_dir.iterdir()):
        pytest.skip(f"{folder}: no readable raw files yet")
    report = score_directory(gold_dir, out_dir)
    assert not report.missing
    worst = {d.name: round(d.counts.f1, 4) for d in report.documents if d.counts.f1 < BAR}
    assert report.overall.f1 >= BAR, (report.overall.f1, worst)


@pytest.mark.slow
def test_the_congressional_record_leaves_inserted_material_and_recorder_notes_out_of_speech(
    tmp_path: Path,
) -> None:
    raw = CORPUS / "congressional-record" / "raw" / "CREC-1997-01-28-pt1-PgS715.txt"
    document = parse_bytes(raw.read_bytes(), doc_id=raw.stem, path=str(raw))
    kinds = [t.kind.value for t in document.turns]
    assert "insert" in kinds and "stage" in kinds
    speech = " ".join(t.text for t in document.turns if t.kind.value == "turn")
    assert "Pursuant to paragraph 7(a)(1)" not in speech  # the committee rules printed "as follows:"
    assert "proceeded to call the roll" not in speech
    assert "[[Page" not in speech
    assert document.date == datetime.date(1997, 1, 28)
