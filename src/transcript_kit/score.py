"""Score an export against gold turns: word-level speaker attribution, turn-boundary F1 and speaker identity.

Gold is a directory of ``<name>.jsonl`` files, one ``{"speaker": ..., "text": ...}`` object per turn, in
order. The export is an output directory holding ``turns.jsonl`` (DESIGN.md section 2). Both sides are reduced
to a stream of normalized words, each tagged with its speaker label; the two streams are aligned, and an
aligned pair counts as correct when both words carry the same (normalized) label. Scoring words rather than
turns keeps one mis-split turn from costing as much as a whole wrong document, and makes the score indifferent
to punctuation, quote style and whitespace. Notes in brackets ("(Laughter.)") are left out on both sides: gold
files differ on whether a turn's text keeps them.

Identity: when the gold directory's parent holds ``identity.jsonl`` (one ``{"doc", "speaker", "person",
"turns"?}`` line per distinct gold label, see corpus/README.md), the same aligned words are scored for who the
speaker is. Each aligned word whose gold person is a person (not ``role:*``) and whose export turn carries a
``speaker_id`` is an item; gold persons and export ids are two clusterings of those items across every document
of the folder, compared with B-cubed precision, recall and F1. A *merge* is an export id holding two gold persons
with at least 5% of its words each (two people counted as one); a *split* is a gold person spread over two export
ids with at least 5% of the person's words each.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs
import orjson

from transcript_kit.errors import InputError, TranscriptKitError

__all__ = [
    "Counts",
    "DocumentScore",
    "GoldFormatError",
    "IdentityScore",
    "ScoreReport",
    "format_report",
    "main",
    "report_to_json",
    "score_directory",
]


class GoldFormatError(TranscriptKitError, ValueError):
    """A gold file or an export's turns.jsonl is not in the expected shape: names the file and line."""


# ----------------------------------------------------------------------------------------------------
# Normalization

_WORD = re.compile(r"[^\W_]+")  # runs of letters and digits; everything else (incl. "_") separates words
_SPACE = re.compile(r"\s+")


# A note in brackets: "(Laughter.)", "[Slide 3]", "(OFF-MIKE)". Gold files differ on whether a turn's text keeps
# them (a publisher's own transcript does; hand-made gold often does not), and they are no one's words: they
# are left out on both sides, so neither convention costs a score anything.
_BRACKETED_NOTE = re.compile(r"[(\[（〔【][^()\[\]（）〔〕【】]{1,200}[)\]）〕】]")  # full-width brackets too


# A hyphen inside a word ("self-evident"), or one a line break left at a word's end ("con- sequence", the rest in
# lower case): gold files differ on whether a broken word is made whole, and the parser makes it whole, so a hyphen
# between letters joins them on both sides.
_JOINING_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?:\s+(?=[a-zß-öø-ÿ])|(?=[^\W\d_]))")


def words(text: str) -> list[str]:
    """The text's words: NFKC, casefolded, letters and digits only, so typography does not count; notes in
    brackets are no words; a hyphenated word is one word, wherever a line broke it."""
    text = _BRACKETED_NOTE.sub(" ", unicodedata.normalize("NFKC", text))
    if "-" in text:
        text = _JOINING_HYPHEN.sub("", text)
    return _WORD.findall(text.casefold())


def normalize_label(label: str | None) -> str | None:
    """A label as compared: NFKC, whitespace collapsed, trailing ':'/'.' dropped, casefolded; None if empty.

    Gold keeps labels "as printed" and the export drops the trailing colon or period, so both are cut back to
    the same form; case is folded because "Mr. McCONNELL" and "MR. MCCONNELL" name the same speaker; a frame of
    square brackets round the whole label ("[Host]", as a video's captions tag their speakers) is dropped, as
    gold files differ on keeping it.
    """
    if label is None:
        return None
    folded = _SPACE.sub(" ", unicodedata.normalize("NFKC", label)).strip().rstrip(":.").strip().casefold()
    if folded[:1] == "[" and folded[-1:] == "]" and "[" not in folded[1:-1]:
        folded = folded[1:-1].strip()
    return folded or None


# ----------------------------------------------------------------------------------------------------
# Word streams


@attrs.frozen(slots=True)
class _Stream:
    """One side of a comparison: its words, each word's normalized label, and where each turn starts."""

    words: tuple[str, ...]
    labels: tuple[str | None, ...]  # None: the word is unattributed (no label, or a stage direction)
    turn_starts: tuple[int, ...]  # word index of each turn's first word (turns without words are skipped)
    turns: tuple[int, ...] = ()  # each word's turn number (the gold file's row, counted from 0)
    ids: tuple[str | None, ...] = ()  # each word's speaker_id (export side)


def _stream(turns: Iterable[tuple[str | None, str]], ids: Iterable[str | None] = ()) -> _Stream:
    all_words: list[str] = []
    labels: list[str | None] = []
    starts: list[int] = []
    turn_of: list[int] = []
    id_of: list[str | None] = []
    id_iter = iter(ids)
    for number, (label, text) in enumerate(turns):
        speaker_id = next(id_iter, None)
        turn_words = words(text)
        if not turn_words:
            continue
        starts.append(len(all_words))
        all_words.extend(turn_words)
        labels.extend([normalize_label(label)] * len(turn_words))
        turn_of.extend([number] * len(turn_words))
        id_of.extend([speaker_id] * len(turn_words))
    return _Stream(tuple(all_words), tuple(labels), tuple(starts), tuple(turn_of), tuple(id_of))


def _read_jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        with path.open("rb") as handle:
            for line_no, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    row = orjson.loads(line)
                except orjson.JSONDecodeError as exc:
                    raise GoldFormatError(f"{path}:{line_no}: not JSON: {exc}") from exc
                if not isinstance(row, dict):
                    raise GoldFormatError(
                        f"{path}:{line_no}: expected a JSON object, got {type(row).__name__}"
                    )
                yield line_no, row
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc


def _text_field(path: Path, line_no: int, row: dict[str, Any], key: str) -> str:
    value = row.get(key)
    if not isinstance(value, str):
        raise GoldFormatError(f"{path}:{line_no}: {key!r} must be a string, got {value!r}")
    return value


def _label_field(path: Path, line_no: int, row: dict[str, Any], key: str) -> str | None:
    value = row.get(key)
    if value is not None and not isinstance(value, str):
        raise GoldFormatError(f"{path}:{line_no}: {key!r} must be a string or null, got {value!r}")
    return value


def _read_gold(path: Path) -> _Stream:
    return _stream(
        (_label_field(path, n, row, "speaker"), _text_field(path, n, row, "text"))
        for n, row in _read_jsonl(path)
    )


_ExportRow = tuple[int, str | None, str, str | None]  # turn_index, label, text, speaker_id


def _read_export(turns_path: Path, stems: frozenset[str]) -> dict[str, list[_ExportRow]]:
    """The export rows of every document a gold stem could match, as (turn_index, label, text, speaker_id)
    per doc_id.

    Only candidate documents are kept, so scoring a few gold files against a large export stays cheap.
    """
    docs: dict[str, list[_ExportRow]] = {}
    for n, row in _read_jsonl(turns_path):
        doc_id = _text_field(turns_path, n, row, "doc_id")
        if doc_id not in stems and doc_id.rsplit("/", 1)[-1] not in stems:
            continue
        index = row.get("turn_index")
        if not isinstance(index, int):
            raise GoldFormatError(f"{turns_path}:{n}: 'turn_index' must be an integer, got {index!r}")
        # Stage directions are words the export attributed to nobody: they never count as correct, and they are
        # left out of the alignment, where a note repeating a speech's last words ("Bill read a second time."
        # after "... be now read a second time.") would draw the gold words to itself, away from the speech.
        if row.get("kind") == "stage":
            continue
        label = _label_field(turns_path, n, row, "speaker_label")
        speaker_id = _label_field(turns_path, n, row, "speaker_id")
        text = _text_field(turns_path, n, row, "text")
        docs.setdefault(doc_id, []).append((index, label, text, speaker_id))
    return docs


def _match(stem: str, doc_ids: Iterable[str]) -> tuple[str, ...]:
    """The export documents a gold stem names: the exact doc_id if present, else those ending in the stem."""
    ids = sorted(doc_ids)
    if stem in ids:
        return (stem,)
    return tuple(d for d in ids if d.rsplit("/", 1)[-1] == stem)


# ----------------------------------------------------------------------------------------------------
# Scores


def _ratio(numerator: int, denominator: int, *, empty: float) -> float:
    return numerator / denominator if denominator else empty


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@attrs.frozen(slots=True)
class Counts:
    """The raw counts behind the scores; summing counts over documents gives the micro average."""

    gold_words: int = 0
    export_words: int = 0  # every word of the matched document(s)' turns, attributed or not (stage rows aside)
    attributed_words: int = 0  # export words carrying a speaker label
    aligned_words: int = 0  # gold words paired with an export word by the alignment
    correct_words: int = 0  # aligned pairs whose labels agree
    gold_boundaries: int = 0
    export_boundaries: int = 0
    matched_boundaries: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(a + b for a, b in zip(attrs.astuple(self), attrs.astuple(other), strict=True)))

    # An empty side scores 1.0 only when the other side is empty too: nothing to find and nothing claimed.
    @property
    def precision(self) -> float:
        return _ratio(self.correct_words, self.attributed_words, empty=float(self.gold_words == 0))

    @property
    def recall(self) -> float:
        return _ratio(self.correct_words, self.gold_words, empty=float(self.attributed_words == 0))

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    @property
    def boundary_precision(self) -> float:
        return _ratio(self.matched_boundaries, self.export_boundaries, empty=float(self.gold_boundaries == 0))

    @property
    def boundary_recall(self) -> float:
        return _ratio(self.matched_boundaries, self.gold_boundaries, empty=float(self.export_boundaries == 0))

    @property
    def boundary_f1(self) -> float:
        return _f1(self.boundary_precision, self.boundary_recall)


@attrs.frozen(slots=True)
class DocumentScore:
    """One gold file's result. ``doc_id`` is None when no export document matched (the gold is missing)."""

    name: str  # the gold file's stem
    doc_id: str | None
    counts: Counts
    note: str | None = None  # e.g. which other documents also matched the stem

    @property
    def missing(self) -> bool:
        return self.doc_id is None


@attrs.frozen(slots=True)
class ScoreReport:
    """Per-document scores in gold-file order, and their micro average (counts summed over documents)."""

    documents: tuple[DocumentScore, ...]
    overall: Counts
    identity: IdentityScore | None = None  # when the gold folder has identity.jsonl

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(d.name for d in self.documents if d.missing)


_Blocks = list[tuple[int, int, int]]  # (gold start, export start, size) of each aligned run of words


def _align(gold: _Stream, export: _Stream) -> _Blocks:
    # autojunk=False: frequent words ("the") must stay alignable; the default heuristic would drop them.
    matcher = difflib.SequenceMatcher(None, gold.words, export.words, autojunk=False)
    return [tuple(b) for b in matcher.get_matching_blocks()[:-1]]  # type: ignore[misc]  # drop the sentinel


def _compare(gold: _Stream, export: _Stream, blocks: _Blocks) -> Counts:
    aligned = correct = 0
    # gold_at[k]: the gold index of export word k, for the boundary mapping below.
    gold_at: list[int | None] = [None] * len(export.words)
    for g, e, size in blocks:
        aligned += size
        for i in range(size):
            gold_at[e + i] = g + i
            label = export.labels[e + i]
            correct += label is not None and label == gold.labels[g + i]
    # An export turn starts, in gold space, where its first aligned word (at or after its first word) sits:
    # words the gold lacks (page furniture, a label read as text) then do not shift the boundary.
    next_gold = len(gold.words)
    at_or_after: list[int] = [0] * len(export.words)
    for k in range(len(export.words) - 1, -1, -1):
        found = gold_at[k]
        if found is not None:
            next_gold = found
        at_or_after[k] = next_gold
    # The start and end of the document are not boundaries between turns.
    inside = range(1, len(gold.words))
    gold_bounds = {s for s in gold.turn_starts if s in inside}
    export_bounds = {at_or_after[s] for s in export.turn_starts if at_or_after[s] in inside}
    return Counts(
        gold_words=len(gold.words),
        export_words=len(export.words),
        attributed_words=sum(label is not None for label in export.labels),
        aligned_words=aligned,
        correct_words=correct,
        gold_boundaries=len(gold_bounds),
        export_boundaries=len(export_bounds),
        matched_boundaries=len(gold_bounds & export_bounds),
    )


def score_directory(gold_dir: Path, out_dir: Path) -> ScoreReport:
    """Score the export in ``out_dir`` (its turns.jsonl) against every ``*.jsonl`` gold file in ``gold_dir``.

    A gold file matches the export document whose doc_id equals its stem, or else whose last path component
    does (gold is usually named after the raw file). A gold file with no match scores recall 0 for its words.
    """
    gold_dir, out_dir = Path(gold_dir), Path(out_dir)
    if not gold_dir.is_dir():
        raise InputError(f"{gold_dir}: gold directory not found")
    gold_paths = sorted(gold_dir.glob("*.jsonl"))
    if not gold_paths:
        raise InputError(f"{gold_dir}: no gold files (*.jsonl)")
    turns_path = out_dir / "turns.jsonl"
    if not turns_path.is_file():
        raise InputError(f"{turns_path}: not found (is {out_dir} a transcript-kit output directory?)")
    export_docs = _read_export(turns_path, frozenset(p.stem for p in gold_paths))
    identity_path = gold_dir.parent / IDENTITY_FILE
    identity = _read_identity(identity_path) if identity_path.is_file() else None

    documents: list[DocumentScore] = []
    items: list[tuple[str, str]] = []  # (gold person, export id) per scored word, all documents
    for path in gold_paths:
        gold = _read_gold(path)
        matches = _match(path.stem, export_docs)
        if not matches:
            documents.append(DocumentScore(path.stem, None, Counts(gold_words=len(gold.words)), "missing"))
            continue
        doc_id = matches[0]
        rows = sorted(export_docs[doc_id], key=lambda row: row[0])
        export = _stream(((label, text) for _, label, text, _ in rows), (i for *_, i in rows))
        blocks = _align(gold, export)
        note = f"also matched: {', '.join(matches[1:])}" if len(matches) > 1 else None
        documents.append(DocumentScore(path.stem, doc_id, _compare(gold, export, blocks), note))
        if identity is not None:
            items.extend(_identity_items(path.stem, gold, export, blocks, identity))
    overall = sum((d.counts for d in documents), Counts())
    return ScoreReport(tuple(documents), overall, None if identity is None else _identity_score(items))


# ----------------------------------------------------------------------------------------------------
# Identity

IDENTITY_FILE = "identity.jsonl"
_SHARE = 0.05  # a merge or split counts when the smaller side holds at least this share of the words


@attrs.frozen(slots=True)
class _IdentityGold:
    by_label: dict[tuple[str, str | None], str]  # (doc, normalized gold label) → person
    by_turn: dict[tuple[str, int], str]  # (doc, gold turn number) → person, where one label is several people


def _read_identity(path: Path) -> _IdentityGold:
    by_label: dict[tuple[str, str | None], str] = {}
    by_turn: dict[tuple[str, int], str] = {}
    for n, row in _read_jsonl(path):
        doc = _text_field(path, n, row, "doc")
        person = _text_field(path, n, row, "person")
        by_label[doc, normalize_label(_text_field(path, n, row, "speaker"))] = person
        turns = row.get("turns", {})
        if not isinstance(turns, dict):
            raise GoldFormatError(f"{path}:{n}: 'turns' must map a turn number to a person, got {turns!r}")
        for number, who in turns.items():
            if not (isinstance(number, str) and number.isdigit() and isinstance(who, str)):
                raise GoldFormatError(f"{path}:{n}: 'turns' entry {number!r}: {who!r} is not turn → person")
            by_turn[doc, int(number)] = who
    return _IdentityGold(by_label, by_turn)


def _identity_items(
    doc: str, gold: _Stream, export: _Stream, blocks: _Blocks, identity: _IdentityGold
) -> Iterator[tuple[str, str]]:
    """(gold person, export id) for each aligned word the identity score counts.

    Words of roles (``role:*``) are not scored; neither are words the export left without an id or the gold
    without a label, which attribution scoring already counts. A gold label missing from identity.jsonl is a
    person of its own, known only in its document.
    """
    for g, e, size in blocks:
        for i in range(size):
            export_id = export.ids[e + i]
            label = gold.labels[g + i]
            if export_id is None or label is None:
                continue
            turn = gold.turns[g + i]
            person = identity.by_turn.get((doc, turn)) or identity.by_label.get(
                (doc, label), f"unknown:{doc}:{label}"
            )
            if not person.startswith("role:"):
                yield person, export_id


@attrs.frozen(slots=True)
class IdentityScore:
    """B-cubed scores of speaker identity over a folder, with the merges and splits behind a low score."""

    words: int  # scored words
    precision: float
    recall: float
    merges: tuple[tuple[str, tuple[str, ...]], ...]  # export id → the gold persons it holds
    splits: tuple[tuple[str, tuple[str, ...]], ...]  # gold person → the export ids it is spread over

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)


def _identity_score(items: list[tuple[str, str]]) -> IdentityScore:
    if not items:
        return IdentityScore(0, 1.0, 1.0, (), ())
    both = Counter(items)
    gold_sizes = Counter(person for person, _ in items)
    export_sizes = Counter(export_id for _, export_id in items)
    # B-cubed over words: a word's precision is the share of its export cluster that is its gold person; summed
    # over the n words of one (person, id) cell that is n * n / |cluster|.
    precision = sum(n * n / export_sizes[e] for (_, e), n in both.items()) / len(items)
    recall = sum(n * n / gold_sizes[p] for (p, _), n in both.items()) / len(items)

    def spread(sizes: Counter[str], side: int) -> tuple[tuple[str, tuple[str, ...]], ...]:
        members: dict[str, list[str]] = defaultdict(list)
        for cell, n in both.items():
            if n >= _SHARE * sizes[cell[side]]:
                members[cell[side]].append(cell[1 - side])
        return tuple((key, tuple(sorted(m))) for key, m in sorted(members.items()) if len(m) > 1)

    return IdentityScore(len(items), precision, recall, spread(export_sizes, 1), spread(gold_sizes, 0))


# ----------------------------------------------------------------------------------------------------
# Output


def _scores(counts: Counts) -> dict[str, float]:
    return {
        "precision": counts.precision,
        "recall": counts.recall,
        "f1": counts.f1,
        "boundary_precision": counts.boundary_precision,
        "boundary_recall": counts.boundary_recall,
        "boundary_f1": counts.boundary_f1,
    }


def report_to_json(report: ScoreReport) -> bytes:
    """The report as JSON (UTF-8 bytes): per-document counts and scores, the overall micro average."""
    return orjson.dumps(
        {
            "documents": [
                {
                    "name": d.name,
                    "doc_id": d.doc_id,
                    "missing": d.missing,
                    "note": d.note,
                    **attrs.asdict(d.counts),
                    **_scores(d.counts),
                }
                for d in report.documents
            ],
            "overall": {**attrs.asdict(report.overall), **_scores(report.overall)},
            "missing": list(report.missing),
            "identity": None if report.identity is None else _identity_json(report.identity),
        },
        option=orjson.OPT_INDENT_2,
    )


def _identity_json(identity: IdentityScore) -> dict[str, Any]:
    return {
        "words": identity.words,
        "precision": identity.precision,
        "recall": identity.recall,
        "f1": identity.f1,
        "merges": [{"id": key, "persons": list(members)} for key, members in identity.merges],
        "splits": [{"person": key, "ids": list(members)} for key, members in identity.splits],
    }


def format_identity(identity: IdentityScore) -> str:
    """The identity lines of the report: B-cubed scores, then each merge and split."""
    lines = [
        f"identity (B-cubed over {identity.words} words): P {identity.precision:.4f}  R {identity.recall:.4f}"
        f"  F1 {identity.f1:.4f}  merges {len(identity.merges)}  splits {len(identity.splits)}"
    ]
    lines += [f"  merge: {key} holds {', '.join(members)}" for key, members in identity.merges]
    lines += [f"  split: {key} is {', '.join(members)}" for key, members in identity.splits]
    return "\n".join(lines)


def format_report(report: ScoreReport) -> str:
    """A table for people: one line per gold document, then the overall (micro-averaged) line."""
    name_width = max(len("overall"), *(len(d.name) for d in report.documents))

    def line(name: str, counts: Counts, note: str | None) -> str:
        cells = (counts.precision, counts.recall, counts.f1, counts.boundary_f1)
        row = f"{name:<{name_width}}  {counts.gold_words:>8}  " + "  ".join(f"{v:6.4f}" for v in cells)
        return f"{row}  {note}" if note else row

    header = f"{'doc':<{name_width}}  {'gold wds':>8}  " + "  ".join(
        f"{h:>6}" for h in ("P", "R", "F1", "bndF1")
    )
    lines = [header, "-" * len(header)]
    lines += [line(d.name, d.counts, d.note) for d in report.documents]
    lines += ["-" * len(header), line("overall", report.overall, None)]
    if report.missing:
        lines.append(f"missing from the export ({len(report.missing)}): {', '.join(report.missing)}")
    if report.identity is not None:
        lines.append(format_identity(report.identity))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """``python -m transcript_kit.score GOLD_DIR OUT_DIR [--json]``: 0 on success, 2 on unreadable input."""
    parser = argparse.ArgumentParser(
        prog="transcript-kit score",
        description="Compare an export's turns.jsonl with gold turn files: word-level speaker attribution "
        "precision/recall/F1 and turn-boundary F1, per document and micro-averaged.",
    )
    parser.add_argument("gold_dir", type=Path, help="directory of <name>.jsonl gold files")
    parser.add_argument("out_dir", type=Path, help="transcript-kit output directory (holds turns.jsonl)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    try:
        report = score_directory(args.gold_dir, args.out_dir)
    except TranscriptKitError as exc:
        print(f"transcript-kit score: error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(report_to_json(report).decode())
    else:
        print(format_report(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
