"""Accuracy report: convert each gold-annotated folder of the corpus and score it with ``transcript-kit score``.

    python bench/accuracy.py [CORPUS_DIR] [--details]

A folder takes part when it has ``gold/`` (one JSON object per turn, see corpus/README.md) beside its transcripts
(in ``raw/``, or at the top as in seeds/). Prints word-level speaker-attribution precision, recall and F1 and turn-boundary F1 per
folder (and per document with ``--details``), each computed by the same code as the ``score`` command. A folder
with ``identity.jsonl`` beside ``gold/`` is also scored for speaker identity: B-cubed F1 over its words, and the
merges (one id, two people) and splits (one person, two ids) listed below the table.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from transcript_kit.pipeline import ConvertConfig, convert
from transcript_kit.score import format_identity, format_report, score_directory

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=REPO / "corpus")
    parser.add_argument("--details", action="store_true", help="print every document's scores too")
    args = parser.parse_args(argv)
    folders = sorted(p for p in args.corpus.iterdir() if (p / "gold").is_dir())
    if not folders:
        print(f"no folder with raw/ and gold/ under {args.corpus}", file=sys.stderr)
        return 2
    print(
        f"{'folder':<28} {'docs':>5} {'gold words':>10} {'P':>7} {'R':>7} {'F1':>7} {'turn F1':>8}"
        f" {'id F1':>7} {'merges':>6} {'splits':>6}"
    )
    worst = 1.0
    identity_notes: list[str] = []
    for folder in folders:
        with tempfile.TemporaryDirectory() as out:
            raw = folder / "raw" if (folder / "raw").is_dir() else folder  # seeds/ keeps its texts at the top
            convert([raw], Path(out), ConvertConfig(formats=("jsonl",)))
            report = score_directory(folder / "gold", Path(out))
        total = report.overall
        worst = min(worst, total.f1)
        ident = report.identity
        identity_cells = (
            f" {ident.f1:>7.4f} {len(ident.merges):>6} {len(ident.splits):>6}"
            if ident
            else f" {'-':>7} {'-':>6} {'-':>6}"
        )
        print(
            f"{folder.name:<28} {len(report.documents):>5} {total.gold_words:>10} {total.precision:>7.4f}"
            f" {total.recall:>7.4f} {total.f1:>7.4f} {total.boundary_f1:>8.4f}" + identity_cells
        )
        if ident is not None and (ident.merges or ident.splits):
            identity_notes.append(f"{folder.name}: " + format_identity(ident))
        if args.details:
            print(format_report(report) + "\n")
    print(f"lowest folder F1: {worst:.4f}")
    for note in identity_notes:
        print(note)
    return 0


if __name__ == "__main__":
    sys.exit(main())
