"""Batch conversion: a map over shards of files, then one corpus-level pass over the distinct speaker labels.

The map step (:func:`convert_shard`) takes a small picklable :class:`Shard` and :class:`ConvertConfig`, parses its
files (parsers are built once per process), spills turn and document rows to the work folder and returns only the
per-document speaker evidence and the errors. The reduce step resolves speakers on the distinct labels and streams
the spilled rows into the exporters. A distributed runner only has to run ``convert_shard`` elsewhere.
"""

from __future__ import annotations

import contextlib
import functools
import multiprocessing
import os
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs
import orjson

from transcript_kit import __version__
from transcript_kit.conventions.catalog import Conventions
from transcript_kit.errors import InputError, TranscriptKitError
from transcript_kit.evidence import evidence_of
from transcript_kit.export import SINKS
from transcript_kit.export._atomic import atomic_writer
from transcript_kit.export.folder import check_output, make_folder, output_path, staged_output
from transcript_kit.export.rows import document_row, speaker_fields, turn_row
from transcript_kit.export.schema import SCHEMA_VERSION
from transcript_kit.formats import SUFFIX_FORMATS
from transcript_kit.model import DocumentEvidence, Speaker
from transcript_kit.normalize import Normalizer, SpeakerMap
from transcript_kit.parse import parse_bytes, read_bytes
from transcript_kit.registry import Registry

TRANSCRIPT_SUFFIXES = frozenset(SUFFIX_FORMATS)
# A folder's own documentation is not a transcript.
_FOLDER_DOCS = ("readme", "source", "sources", "license", "licence", "changelog")
ALL_FORMATS = ("jsonl", "parquet")
TABLE_NAMES = ("turns", "documents", "speakers")


@attrs.frozen(slots=True)
class ConvertConfig:
    """Settings only (picklable): what a worker needs to know, never a parser or an open file."""

    formats: tuple[str, ...] = ALL_FORMATS
    workers: int = 1
    shard_size: int = 32
    registry_paths: tuple[str, ...] = ()
    use_default_registry: bool = True
    convention: str | None = None  # a profile forced on every document (--convention)
    convention_files: tuple[str, ...] = ()  # the user's profiles (--conventions), validated before any input


@attrs.frozen(slots=True)
class InputFile:
    path: str
    doc_id: str


@attrs.frozen(slots=True)
class Shard:
    index: int
    files: tuple[InputFile, ...]
    work_dir: str


@attrs.frozen(slots=True)
class ErrorRecord:
    path: str
    doc_id: str | None
    error: str
    message: str

    def row(self) -> dict[str, Any]:
        return attrs.asdict(self)


@attrs.frozen(slots=True)
class ShardResult:
    index: int
    n_documents: int
    n_turns: int
    n_bytes: int
    evidence: tuple[DocumentEvidence, ...]
    errors: tuple[ErrorRecord, ...]


@attrs.frozen(slots=True)
class ConvertSummary:
    out_dir: str
    n_inputs: int
    n_documents: int
    n_turns: int
    n_speakers: int
    n_errors: int
    n_bytes: int
    seconds: float
    files: tuple[str, ...]


def _is_transcript(path: Path) -> bool:
    name = path.name.lower()
    if name.startswith(".") or ".expected." in name or name.startswith(_FOLDER_DOCS):
        return False
    return path.suffix.lower() in TRANSCRIPT_SUFFIXES


def _doc_id(path: Path, root: Path) -> str:
    return path.relative_to(root).with_suffix("").as_posix()


def discover(inputs: Sequence[Path]) -> tuple[list[InputFile], list[ErrorRecord]]:
    """Transcript files under the inputs (folders recursively), in a stable order, each with a unique doc_id."""
    files: list[InputFile] = []
    errors: list[ErrorRecord] = []
    seen_paths: set[Path] = set()
    seen_ids: set[str] = set()
    for given in inputs:
        if given.is_dir():
            root, paths = given, sorted(p for p in given.rglob("*") if p.is_file() and _is_transcript(p))
        elif given.is_file():
            root, paths = given.parent, [given]
        else:
            errors.append(ErrorRecord(str(given), None, "InputError", f"{given}: no such file or folder"))
            continue
        for path in paths:
            resolved = path.resolve()
            if resolved in seen_paths:  # the same file named twice (a folder and a file in it) converts once
                continue
            seen_paths.add(resolved)
            doc_id = _unique_id(path, root, seen_ids)
            seen_ids.add(doc_id)
            files.append(InputFile(str(path), doc_id))
    return files, errors


def _unique_id(path: Path, root: Path, taken: set[str]) -> str:
    """The path relative to its input root without extension; on a clash ("a.txt" beside "a.srt", or two
    inputs that both hold "a.txt"), the input folder's name goes in front, then a number."""
    doc_id = _doc_id(path, root)
    if doc_id not in taken:
        return doc_id
    prefixed = f"{root.resolve().name}/{doc_id}"
    candidate, number = prefixed, 2
    while candidate in taken:
        candidate = f"{prefixed}-{number}"
        number += 1
    return candidate


def _shards(files: Sequence[InputFile], size: int, work_dir: str) -> list[Shard]:
    return [
        Shard(number, tuple(files[start : start + size]), work_dir)
        for number, start in enumerate(range(0, len(files), size))
    ]


def _spill_path(work_dir: str, index: int, table: str) -> Path:
    return Path(work_dir) / f"shard-{index:06d}.{table}.jsonl"


@functools.lru_cache(maxsize=4)
def _conventions(files: tuple[str, ...], forced: str | None) -> Conventions:
    return Conventions.load([Path(f) for f in files], forced)


def conventions_of(config: ConvertConfig) -> Conventions:
    """The convention profiles a run parses with: built-in plus the user's files, validated (once per process)."""
    return _conventions(config.convention_files, config.convention)


def convert_shard(shard: Shard, config: ConvertConfig) -> ShardResult:
    """The map step: parse a shard's files, spill their rows, return their speaker evidence and errors."""
    conventions = conventions_of(config)
    evidence: list[DocumentEvidence] = []
    errors: list[ErrorRecord] = []
    n_turns = n_bytes = 0
    dumps = orjson.dumps
    newline = orjson.OPT_APPEND_NEWLINE
    with (
        _spill_path(shard.work_dir, shard.index, "turns").open("wb") as turns_out,
        _spill_path(shard.work_dir, shard.index, "documents").open("wb") as documents_out,
    ):
        for item in shard.files:
            try:
                data = read_bytes(Path(item.path))
                document = parse_bytes(data, doc_id=item.doc_id, path=item.path, conventions=conventions)
            except TranscriptKitError as error:
                errors.append(ErrorRecord(item.path, item.doc_id, type(error).__name__, str(error)))
                continue
            except Exception as error:  # a bug must not stop the batch, and the input must not vanish
                message = f"{item.path}: internal error while parsing: {type(error).__name__}: {error}"
                errors.append(ErrorRecord(item.path, item.doc_id, "InternalError", message))
                continue
            n_bytes += len(data)
            n_turns += len(document.turns)
            for turn in document.turns:
                turns_out.write(dumps(turn_row(item.doc_id, turn), option=newline))
            documents_out.write(dumps(document_row(document), option=newline))
            evidence.append(evidence_of(document))
    return ShardResult(shard.index, len(evidence), n_turns, n_bytes, tuple(evidence), tuple(errors))


def load_registry(config: ConvertConfig) -> Registry | None:
    """The starter registry (unless turned off) with the user's registries on top."""
    registry: Registry | None = Registry.default() if config.use_default_registry else None
    for path in config.registry_paths:
        # Loaded on top of the base, so a user's file may add tenures to the starter registry's posts.
        registry = Registry.load(Path(path), base=registry)
    return registry


def _spilled_rows(work_dir: str, shard_count: int, table: str) -> Iterator[dict[str, Any]]:
    loads = orjson.loads
    for index in range(shard_count):
        with _spill_path(work_dir, index, table).open("rb") as handle:
            for line in handle:
                yield loads(line)


def _resolved_turns(work_dir: str, shard_count: int, speakers: SpeakerMap) -> Iterator[dict[str, Any]]:
    """Spilled turn rows with their speaker fields filled from the corpus-level speaker map."""
    for row in _spilled_rows(work_dir, shard_count, "turns"):
        label = row["speaker_label"]
        speaker: Speaker | None = (
            speakers.for_turn(row["doc_id"], row["turn_index"], label) if label is not None else None
        )
        row.update(speaker_fields(speaker))
        yield row


def _documents_with_warnings(
    work_dir: str, shard_count: int, speakers: SpeakerMap
) -> Iterator[dict[str, Any]]:
    """Spilled document rows, with the warnings speaker resolution raised for each (ambiguous labels)."""
    for row in _spilled_rows(work_dir, shard_count, "documents"):
        row["warnings"] = [*row["warnings"], *speakers.warnings_of(row["doc_id"])]
        yield row


Progress = Callable[[int, int], None]


def _worker_init() -> None:
    # Ctrl-C reaches every process of the terminal's group: the parent alone decides what happens next.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def run_shards(
    shards: Sequence[Shard], config: ConvertConfig, progress: Progress | None = None
) -> list[ShardResult]:
    """Run the map step locally: in this process for one worker, else in a process pool (results in order).

    If the parent is interrupted the pool's workers are terminated at once, not left to finish their shards.
    """
    results: list[ShardResult] = []
    done = 0
    total = sum(len(s.files) for s in shards)
    if config.workers <= 1 or len(shards) <= 1:
        for shard in shards:
            results.append(convert_shard(shard, config))
            done += len(shard.files)
            if progress:
                progress(done, total)
        return results
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    pool = multiprocessing.get_context(method).Pool(config.workers, initializer=_worker_init)
    try:
        for result in pool.imap_unordered(functools.partial(convert_shard, config=config), shards):
            results.append(result)
            done += len(shards[result.index].files)
            if progress:
                progress(done, total)
        pool.close()
    finally:
        pool.terminate()
        pool.join()
    return sorted(results, key=lambda r: r.index)


def check_inputs(inputs: Sequence[Path]) -> None:
    """Every input must exist before anything is written: a typo is an error, not an empty corpus."""
    missing = [str(p) for p in inputs if not p.exists()]
    if missing:
        raise InputError(f"{', '.join(missing)}: no such file or folder")


def convert(
    inputs: Sequence[Path],
    out_dir: Path,
    config: ConvertConfig = ConvertConfig(),
    progress: Progress | None = None,
    runner: Callable[[Sequence[Shard], ConvertConfig, Progress | None], list[ShardResult]] = run_shards,
    *,
    force: bool = False,
) -> ConvertSummary:
    """Convert transcripts under ``inputs`` into the corpus tables in ``out_dir`` (DESIGN.md §2).

    The run is staged beside ``out_dir`` and replaces it in one step (see :mod:`transcript_kit.export.folder`);
    ``force`` lets it replace a folder holding files transcript-kit did not write (they are kept).
    """
    began = time.perf_counter()
    for fmt in config.formats:
        if fmt not in SINKS:
            raise InputError(f"unknown format {fmt!r}; choose from {', '.join(sorted(SINKS))}")
    check_inputs(inputs)
    out = output_path(out_dir)
    check_output(out, force=force)
    registry = load_registry(config)
    conventions_of(config)  # a bad profile file is an error before any input is read
    files, errors = discover(inputs)
    if not files and not errors:
        raise InputError(
            f"{', '.join(map(str, inputs))}: no transcripts found "
            f"(looked for {', '.join(sorted(TRANSCRIPT_SUFFIXES))})"
        )
    with staged_output(out, force=force) as staging:
        work_dir = staging / ".work"
        make_folder(work_dir)
        shards = _shards(files, max(1, config.shard_size), str(work_dir))
        results = runner(shards, config, progress)
        for result in results:
            errors.extend(result.errors)
        evidence = [e for result in results for e in result.evidence]
        speakers = Normalizer(registry, use_default_registry=False).resolve(evidence)
        written: list[str] = []
        counts: dict[str, int] = {}
        for table in TABLE_NAMES:
            rows: Iterable[dict[str, Any]]
            if table == "turns":
                rows = _resolved_turns(str(work_dir), len(shards), speakers)
            elif table == "documents":
                rows = _documents_with_warnings(str(work_dir), len(shards), speakers)
            else:
                rows = speakers.speaker_rows()
            counts[table] = _export(table, rows, staging, config.formats)
            written.extend(f"{table}.{fmt}" for fmt in config.formats)
        shutil.rmtree(work_dir)
        _write_errors(staging / "errors.jsonl", errors)
        summary = ConvertSummary(
            out_dir=str(out_dir),
            n_inputs=len(files),
            n_documents=sum(r.n_documents for r in results),
            n_turns=sum(r.n_turns for r in results),
            n_speakers=counts.get("speakers", 0),
            n_errors=len(errors),
            n_bytes=sum(r.n_bytes for r in results),
            seconds=time.perf_counter() - began,
            files=(*written, "errors.jsonl", "manifest.json"),
        )
        _write_manifest(staging / "manifest.json", inputs, config, summary)
    return summary


def collect_speakers(inputs: Sequence[Path], config: ConvertConfig) -> tuple[SpeakerMap, list[ErrorRecord]]:
    """Parse the inputs and resolve their speakers, without exporting anything."""
    registry = load_registry(config)
    conventions_of(config)
    files, errors = discover(inputs)
    work_dir = tempfile.mkdtemp(prefix="transcript-kit-")
    try:
        results = run_shards(_shards(files, max(1, config.shard_size), work_dir), config)
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)
    for result in results:
        errors.extend(result.errors)
    evidence = [e for result in results for e in result.evidence]
    return Normalizer(registry, use_default_registry=False).resolve(evidence), errors


def _export(table: str, rows: Iterable[dict[str, Any]], out_dir: Path, formats: Sequence[str]) -> int:
    """One pass over the rows feeds every chosen format."""
    with contextlib.ExitStack() as stack:
        sinks = [stack.enter_context(SINKS[fmt](table, out_dir / f"{table}.{fmt}")) for fmt in formats]
        count = 0
        for row in rows:
            for sink in sinks:
                sink.add(row)
            count += 1
    return count


def _write_errors(path: Path, errors: Sequence[ErrorRecord]) -> None:
    with atomic_writer(path) as handle:
        for error in sorted(errors, key=lambda e: e.path):
            handle.write(orjson.dumps(error.row(), option=orjson.OPT_APPEND_NEWLINE))


def _write_manifest(
    path: Path, inputs: Sequence[Path], config: ConvertConfig, summary: ConvertSummary
) -> None:
    # No timestamps or absolute machine paths beyond what was given: the same input gives the same manifest.
    manifest = {
        "tool": "transcript-kit",
        "tool_version": __version__,
        "schema_version": SCHEMA_VERSION,
        "inputs": [os.fspath(p) for p in inputs],
        "formats": list(config.formats),
        "registry": {"default": config.use_default_registry, "files": list(config.registry_paths)},
        "counts": {
            "inputs": summary.n_inputs,
            "documents": summary.n_documents,
            "turns": summary.n_turns,
            "speakers": summary.n_speakers,
            "errors": summary.n_errors,
        },
        "files": list(summary.files),
    }
    with atomic_writer(path) as handle:
        handle.write(orjson.dumps(manifest, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE))


def terminal_progress(stream: Any = sys.stderr) -> Progress | None:
    """A one-line progress bar on a terminal; nothing when output is piped or logged."""
    if not getattr(stream, "isatty", lambda: False)():
        return None

    def show(done: int, total: int) -> None:
        width = 30
        filled = width * done // max(total, 1)
        stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} files")
        if done >= total:
            stream.write("\n")
        stream.flush()

    return show
