"""Batch conversion: a map over shards of files, then one corpus-level pass over the distinct speaker labels.

The map step (:func:`convert_shard`) takes a small picklable :class:`Shard` and :class:`ConvertConfig`, parses its
files (parsers are built once per process), stores each document's result (:mod:`transcript_kit.results`) and
returns their headers: speaker evidence, the documents row, counts. Results whose input, tool and settings have not
changed since an earlier run are taken from the cache instead of parsed again. The reduce step resolves speakers
on the distinct labels of the whole corpus and streams the stored results into the exporters, one document at a
time. Another engine runs ``convert_shard`` and ``write_turn_part`` elsewhere (:mod:`transcript_kit.ray_engine`).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import multiprocessing
import os
import shutil
import signal
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

import attrs
import orjson

from transcript_kit import __version__
from transcript_kit.conventions.catalog import Conventions
from transcript_kit.errors import InputError, TranscriptKitError
from transcript_kit.export import INTERCHANGE, SINKS
from transcript_kit.export._sink import Sink
from transcript_kit.export.card import CARD, dataset_card
from transcript_kit.export.corpus import with_speaker_warnings, write_turns
from transcript_kit.export.folder import check_output, output_path, run_area, staged_output
from transcript_kit.export.interchange import DocumentRows
from transcript_kit.export.rows import speaker_fields
from transcript_kit.export.schema import SCHEMA_VERSION
from transcript_kit.inputs import SKIP_RULES, TRANSCRIPT_SUFFIXES, not_regular, walk
from transcript_kit.model import Document, DocumentEvidence
from transcript_kit.normalize import Normalizer, SpeakerMap
from transcript_kit.parse import parse_bytes, read_bytes
from transcript_kit.registry import Registry
from transcript_kit.results import (
    ResultHeader,
    ResultPayload,
    ResultStore,
    plain_turns,
    result_key,
    result_of,
)
from transcript_kit.textutil import printable_name, undecodable_name_warning

ALL_FORMATS = tuple(SINKS)
TABLE_NAMES = ("turns", "documents", "speakers")
# ConvertConfig fields that never change a document's parse: they stay out of the cache key. Any other field
# (a future parser option) changes the key, so a new setting can never reuse results made without it.
_NOT_PARSE_SETTINGS = frozenset(
    {"formats", "workers", "shard_size", "registry_paths", "use_default_registry", "follow_symlinks"}
)


@attrs.frozen(slots=True)
class ConvertConfig:
    """Settings only (picklable): what a worker needs to know, never a parser or an open file."""

    formats: tuple[str, ...] = ALL_FORMATS
    workers: int = 1
    shard_size: int = 32
    registry_paths: tuple[str, ...] = ()
    use_default_registry: bool = True
    follow_symlinks: bool = False  # follow links that lead outside an input folder (--follow-symlinks)
    convention: str | None = None  # a profile forced on every document (--convention)
    convention_files: tuple[str, ...] = ()  # the user's profiles (--conventions), validated before any input


def parse_settings(config: ConvertConfig) -> str:
    """The settings that change a document's parse, as text for the cache key: the config's parse fields and the
    contents of the user's convention profiles (a profile edited in place must not reuse results)."""
    chosen: dict[str, Any] = {k: v for k, v in attrs.asdict(config).items() if k not in _NOT_PARSE_SETTINGS}
    chosen["convention_file_hashes"] = [_content_hash(path) for path in config.convention_files]
    return orjson.dumps(chosen, option=orjson.OPT_SORT_KEYS).decode()


@attrs.frozen(slots=True)
class InputFile:
    path: str
    doc_id: str


@attrs.frozen(slots=True)
class Task:
    """One input to parse, and the key its result is stored under."""

    path: str
    doc_id: str
    key: str


@attrs.frozen(slots=True)
class Shard:
    index: int
    files: tuple[Task, ...]
    store: str  # the folder results are stored in (a cache, or the run's work folder)


@attrs.frozen(slots=True)
class ErrorRecord:
    # A file name that is not UTF-8 must not stop errors.jsonl being written: shown as \xNN.
    path: str = attrs.field(converter=printable_name)
    doc_id: str | None
    error: str
    message: str = attrs.field(converter=printable_name)

    def row(self) -> dict[str, Any]:
        return attrs.asdict(self)


@attrs.frozen(slots=True)
class ShardResult:
    index: int
    headers: tuple[tuple[str, ResultHeader], ...]  # (key, header) of each document parsed
    errors: tuple[ErrorRecord, ...]


@attrs.frozen(slots=True)
class ConvertSummary:
    """What a run did: counts, time, where the output is and which files it holds."""

    out_dir: str
    n_inputs: int
    n_documents: int
    n_turns: int
    n_speakers: int
    n_errors: int
    n_bytes: int
    seconds: float
    files: tuple[str, ...]
    n_warned: int = 0  # documents with at least one warning
    n_reused: int = 0  # documents whose stored result was reused instead of parsed again
    skipped: tuple[tuple[str, str], ...] = ()  # (path, reason): transcript-named files that are not inputs


def _doc_id(path: Path, root: Path) -> str:
    return printable_name(path.relative_to(root).with_suffix("").as_posix())


@attrs.frozen(slots=True)
class Discovered:
    files: tuple[InputFile, ...]
    errors: tuple[ErrorRecord, ...]  # inputs that could not be read: each is an errors.jsonl row
    skipped: tuple[tuple[str, str], ...]  # (path, reason) of transcript-named files that are not inputs


def discover(
    inputs: Sequence[Path], *, follow_symlinks: bool = False
) -> tuple[list[InputFile], list[ErrorRecord]]:
    """Transcript files under the inputs (folders recursively), in a stable order, each with a unique doc_id."""
    found = discover_all(inputs, follow_symlinks=follow_symlinks)
    return list(found.files), list(found.errors)


def discover_all(inputs: Sequence[Path], *, follow_symlinks: bool = False) -> Discovered:
    """:func:`discover`, with what was skipped: every entry that looks like a transcript is a file, an error row
    (a FIFO, a broken or outside link, a folder that cannot be listed) or a skipped file with its reason."""
    files: list[InputFile] = []
    errors: list[ErrorRecord] = []
    skipped: list[tuple[str, str]] = []
    seen_paths: set[Path] = set()
    seen_ids: set[str] = set()
    for given in inputs:
        if given.is_dir():
            found = walk(given, follow_symlinks=follow_symlinks)
            root, paths = given, found.files
            errors += [
                ErrorRecord(path, None, "InputError", f"{path}: {why}") for path, why in found.problems
            ]
            skipped += found.skipped
        elif (kind := not_regular(str(given))) is None:
            root, paths = given.parent, (given,)
        else:
            errors.append(
                ErrorRecord(str(given), None, "InputError", f"{given}: {kind}, not a file that can be read")
            )
            continue
        for path in paths:
            resolved = path.resolve()
            if resolved in seen_paths:  # the same file named twice (a folder and a file in it) converts once
                continue
            seen_paths.add(resolved)
            doc_id = _unique_id(path, root, seen_ids)
            seen_ids.add(doc_id)
            files.append(InputFile(str(path), doc_id))
    return Discovered(tuple(files), tuple(errors), tuple(skipped))


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


def _shards(tasks: Sequence[Task], size: int, store: Path) -> list[Shard]:
    return [
        Shard(number, tuple(tasks[start : start + size]), str(store))
        for number, start in enumerate(range(0, len(tasks), size))
    ]


@functools.lru_cache(maxsize=4)
def _conventions(files: tuple[str, ...], forced: str | None) -> Conventions:
    return Conventions.load([Path(f) for f in files], forced)


def conventions_of(config: ConvertConfig) -> Conventions:
    """The convention profiles a run parses with: built-in plus the user's files, validated (once per process)."""
    return _conventions(config.convention_files, config.convention)


def convert_shard(shard: Shard, config: ConvertConfig) -> ShardResult:
    """The map step: parse a shard's files, store their results, return their headers and the errors."""
    conventions = conventions_of(config)
    store = ResultStore(Path(shard.store))
    headers: list[tuple[str, ResultHeader]] = []
    errors: list[ErrorRecord] = []
    for item in shard.files:
        try:
            document, n_bytes = parse_input(item.path, item.doc_id, conventions)
        except TranscriptKitError as error:
            errors.append(ErrorRecord(item.path, item.doc_id, type(error).__name__, str(error)))
            continue
        except Exception as error:  # a bug must not stop the batch, and the input must not vanish
            message = f"{item.path}: internal error while parsing: {type(error).__name__}: {error}"
            errors.append(ErrorRecord(item.path, item.doc_id, "InternalError", message))
            continue
        header, payload = result_of(document, n_bytes)
        store.put(item.key, header, payload)
        headers.append((item.key, header))
    return ShardResult(shard.index, tuple(headers), tuple(errors))


def parse_input(path: str, doc_id: str, conventions: Conventions | None = None) -> tuple[Document, int]:
    """Read and parse one input file; return the document and its size in bytes. A file name that is not valid
    UTF-8 is shown with \\xNN escapes in the document's path (and a warning says so): the file is still read."""
    data = read_bytes(Path(path))
    shown = printable_name(path)
    document = parse_bytes(data, doc_id=printable_name(doc_id), path=shown, conventions=conventions)
    if shown != path:
        document = attrs.evolve(document, warnings=(*document.warnings, undecodable_name_warning(shown)))
    return document, len(data)


def load_registry(config: ConvertConfig) -> Registry | None:
    """The starter registry (unless turned off) with the user's registries on top."""
    registry: Registry | None = Registry.default() if config.use_default_registry else None
    for path in config.registry_paths:
        # Loaded on top of the base, so a user's file may add tenures to the starter registry's posts.
        registry = Registry.load(Path(path), base=registry)
    return registry


Progress = Callable[[str, int, int], None]
"""Called as ``progress(stage, done, total)``; stages: "parsing" (files), "speakers", "writing" (turns)."""


def _worker_init() -> None:
    # Ctrl-C reaches every process of the terminal's group: the parent alone decides what happens next.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A forked worker inherits the command line's SIGTERM handler, which raises to unwind the parent; the pool
    # ends its workers with SIGTERM when the batch is done, and one still waiting for work printed a traceback.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def run_shards(
    shards: Sequence[Shard], config: ConvertConfig, tick: Callable[[int], None] = lambda n: None
) -> list[ShardResult]:
    """Run the map step locally: in this process for one worker, else in a process pool (results in order).

    ``tick`` is called with the number of files of each finished shard. If the parent is interrupted the pool's
    workers are terminated at once, not left to finish their shards.
    """
    results: list[ShardResult] = []
    if config.workers <= 1 or len(shards) <= 1:
        for shard in shards:
            results.append(convert_shard(shard, config))
            tick(len(shard.files))
        return results
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    pool = multiprocessing.get_context(method).Pool(config.workers, initializer=_worker_init)
    try:
        for result in pool.imap_unordered(functools.partial(convert_shard, config=config), shards):
            results.append(result)
            tick(len(shards[result.index].files))
        pool.close()
    finally:
        pool.terminate()
        pool.join()
    return sorted(results, key=lambda r: r.index)


@attrs.frozen(slots=True)
class TurnPart:
    """One part file of the turns table for an engine that writes parts in parallel: its documents (in output
    order), the folder their results are stored in, their resolved speakers, and where the part goes."""

    index: int
    documents: tuple[tuple[str, str], ...]  # (key, doc_id)
    store: str
    speakers: SpeakerMap  # the resolved speakers of these documents only
    jsonl: str | None
    parquet: str | None


def write_turn_part(part: TurnPart) -> int:
    """Write one part of the turns table (runs wherever the engine puts it); return its number of rows."""
    store = ResultStore(Path(part.store))
    return write_turns(
        ((doc_id, store.read(key)[1]) for key, doc_id in part.documents),
        part.speakers,
        jsonl=Path(part.jsonl) if part.jsonl else None,
        parquet=Path(part.parquet) if part.parquet else None,
    )


class Engine(Protocol):
    """Where the work of a run happens. The map step always goes through the engine; an engine that writes the
    turns table in parallel parts says so with ``writes_parts`` (the local engine writes one file in-process)."""

    @property
    def writes_parts(self) -> bool: ...

    @property
    def part_count(self) -> int:
        """How many parts to cut the turns table into, when the engine writes parts."""

    def run_shards(
        self, shards: Sequence[Shard], config: ConvertConfig, tick: Callable[[int], None]
    ) -> list[ShardResult]: ...

    def write_parts(self, parts: Sequence[TurnPart], tick: Callable[[int], None]) -> list[int]: ...


@attrs.frozen(slots=True)
class LocalEngine:
    """This machine: the calling process for one worker, a process pool for more."""

    writes_parts: bool = False
    part_count: int = 1

    def run_shards(
        self, shards: Sequence[Shard], config: ConvertConfig, tick: Callable[[int], None]
    ) -> list[ShardResult]:
        return run_shards(shards, config, tick)

    def write_parts(self, parts: Sequence[TurnPart], tick: Callable[[int], None]) -> list[int]:
        counts = [write_turn_part(part) for part in parts]
        tick(sum(counts))
        return counts


def check_inputs(inputs: Sequence[Path]) -> None:
    """Every input must exist before anything is written: a typo is an error, not an empty corpus."""
    missing = [str(p) for p in inputs if not p.exists()]
    if missing:
        raise InputError(f"{', '.join(missing)}: no such file or folder")


def _content_hash(path: str) -> str | None:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    except OSError:
        return None  # the worker reports it, with the reason
    return digest.hexdigest()


@attrs.frozen(slots=True)
class _Parsed:
    """The map step's outcome for a whole corpus: documents in output order, evidence, errors."""

    documents: tuple[tuple[str, str], ...]  # (key, doc_id)
    evidence: tuple[DocumentEvidence, ...]
    errors: tuple[ErrorRecord, ...]
    n_turns: int
    n_bytes: int
    n_reused: int


def _parse_all(
    files: Sequence[InputFile],
    config: ConvertConfig,
    store: ResultStore,
    *,
    reuse: bool,
    engine: Engine,
    progress: Progress,
) -> _Parsed:
    """Results for every input: reused from ``store`` where allowed and present, parsed by ``engine`` otherwise."""
    settings = parse_settings(config)
    keys = [
        result_key(digest, f.doc_id, f.path, settings)
        if reuse and (digest := _content_hash(f.path)) is not None
        else f"{index:08d}-{f.doc_id}"[:200]
        for index, f in enumerate(files)
    ]
    headers: dict[str, ResultHeader] = {}
    done = 0
    for key in keys:
        if reuse and store.has(key):
            try:
                headers[key] = store.header(key)
            except Exception:  # a damaged entry is parsed again, not trusted
                continue
            done += 1
            progress("parsing", done, len(files))
    n_reused = len(headers)
    tasks = [Task(f.path, f.doc_id, key) for f, key in zip(files, keys) if key not in headers]

    def tick(n: int) -> None:
        nonlocal done
        done += n
        progress("parsing", done, len(files))

    results = engine.run_shards(_shards(tasks, max(1, config.shard_size), store.folder), config, tick)
    errors = [error for result in results for error in result.errors]
    for result in results:
        headers.update(result.headers)
    ordered = [(key, f.doc_id) for key, f in zip(keys, files) if key in headers]
    return _Parsed(
        documents=tuple(ordered),
        evidence=tuple(headers[key].evidence for key, _ in ordered),
        errors=tuple(errors),
        n_turns=sum(headers[key].n_turns for key, _ in ordered),
        n_bytes=sum(headers[key].n_bytes for key, _ in ordered),
        n_reused=n_reused,
    )


def _no_progress(stage: str, done: int, total: int) -> None:
    pass


def convert(
    inputs: Sequence[Path],
    out_dir: Path,
    config: ConvertConfig = ConvertConfig(),
    progress: Progress | None = None,
    engine: Engine | None = None,
    *,
    force: bool = False,
    cache: Path | None = None,
    use_cache: bool = True,
) -> ConvertSummary:
    """Convert transcripts under ``inputs`` into the corpus tables in ``out_dir`` (DESIGN.md §2).

    The run is staged beside ``out_dir`` and replaces it in one step (see :mod:`transcript_kit.export.folder`);
    ``force`` lets it replace a folder holding files transcript-kit did not write (they are kept). Per-document
    results are cached in ``cache`` (default: kept beside the output, pruned to the last run's inputs) and reused
    while an input's bytes, the tool and the parse settings are unchanged; ``use_cache=False`` parses everything.
    """
    began = time.perf_counter()
    progress = progress or _no_progress
    for fmt in config.formats:
        if fmt not in SINKS and fmt not in INTERCHANGE:
            raise InputError(
                f"unknown format {fmt!r}; choose from {', '.join(sorted((*SINKS, *INTERCHANGE)))}"
            )
    table_formats = tuple(f for f in config.formats if f in SINKS)
    check_inputs(inputs)
    out = output_path(out_dir)
    check_output(out, force=force)
    registry = load_registry(config)
    conventions_of(config)  # a bad profile file is an error before any input is read
    discovered = discover_all(inputs, follow_symlinks=config.follow_symlinks)
    files, input_errors = discovered.files, discovered.errors
    if not files and not input_errors:
        raise InputError(
            f"{', '.join(map(str, inputs))}: no transcripts found "
            f"(looked for {', '.join(sorted(TRANSCRIPT_SUFFIXES))})"
        )
    with staged_output(out, force=force) as staging:
        if use_cache:
            store = ResultStore(cache if cache is not None else run_area(out) / "cache")
            store.clean()
        else:
            store = ResultStore(staging / ".work")
        where = engine or LocalEngine()
        parsed = _parse_all(files, config, store, reuse=use_cache, engine=where, progress=progress)
        progress("speakers", 0, 1)
        speakers = Normalizer(registry, use_default_registry=False).resolve(list(parsed.evidence))
        progress("speakers", 1, 1)
        errors = sorted((*input_errors, *parsed.errors), key=lambda e: e.path)
        written, n_warned = _write_tables(
            staging, table_formats, store, parsed, speakers, errors, progress, where
        )
        for fmt in config.formats:
            if fmt in INTERCHANGE:  # ConvoKit, TEI: the tables joined per document, into their own folder
                written.files += INTERCHANGE[fmt](
                    staging / fmt, _document_rows(store, parsed, speakers), speakers.speaker_rows()
                )
        if not use_cache:
            shutil.rmtree(store.folder, ignore_errors=True)
        elif cache is None:
            store.clean(keep={key for key, _ in parsed.documents})
        summary = ConvertSummary(
            out_dir=str(out_dir),
            n_inputs=len(files) + len(input_errors),  # every input is a document or an error row
            n_documents=len(parsed.documents),
            n_turns=parsed.n_turns,
            n_speakers=written["speakers"],
            n_errors=len(errors),
            n_bytes=parsed.n_bytes,
            seconds=time.perf_counter() - began,
            files=(*sorted([*written.files, _write_card(staging, inputs, written)]), "manifest.json"),
            n_warned=n_warned,
            n_reused=parsed.n_reused,
            skipped=discovered.skipped,
        )
        _write_manifest(staging / "manifest.json", inputs, config, summary)
    return attrs.evolve(summary, seconds=time.perf_counter() - began)


@attrs.define
class _Written:
    counts: dict[str, int] = attrs.Factory(dict)
    files: list[str] = attrs.Factory(list)

    def __getitem__(self, table: str) -> int:
        return self.counts.get(table, 0)


def _write_tables(
    staging: Path,
    formats: Sequence[str],
    store: ResultStore,
    parsed: _Parsed,
    speakers: SpeakerMap,
    errors: Sequence[ErrorRecord],
    progress: Progress,
    engine: Engine,
) -> tuple[_Written, int]:
    """Every table of the run into ``staging``. Locally, turns and documents in one pass over the stored
    results; with an engine that writes parts, the turns in parallel parts and the documents here."""
    written = _Written()
    n_warned = 0
    done = 0

    def tick(n: int) -> None:
        nonlocal done
        done += n
        progress("writing", done, parsed.n_turns)

    with contextlib.ExitStack() as stack:
        document_sinks = _open_sinks(stack, "documents", staging, formats)

        def document_row(stored: dict[str, Any]) -> None:
            nonlocal n_warned
            (row,) = with_speaker_warnings([stored], speakers.warnings_of)
            n_warned += bool(row["warnings"])
            for sink in document_sinks:
                sink.add(row)

        if engine.writes_parts:
            for key, _ in parsed.documents:
                document_row(store.document(key))
            written.counts["turns"] = _write_turns_in_parts(
                staging, formats, store, parsed, speakers, engine, tick
            )
        else:

            def documents() -> Iterator[tuple[str, ResultPayload]]:
                for key, doc_id in parsed.documents:
                    row, payload = store.read(key)
                    document_row(row)
                    yield doc_id, payload

            path = {fmt: staging / f"turns.{fmt}" for fmt in formats}
            written.counts["turns"] = write_turns(
                documents(), speakers, jsonl=path.get("jsonl"), parquet=path.get("parquet"), tick=tick
            )
    written.counts["documents"] = len(parsed.documents)
    written.counts["speakers"] = _export("speakers", speakers.speaker_rows(), staging, formats)
    written.files += [f"{table}.{fmt}" for table in TABLE_NAMES for fmt in formats]
    # errors.jsonl is always written (the contract: empty when all went well); errors.parquet with Parquet.
    error_formats = tuple(dict.fromkeys(("jsonl", *formats)))
    _export("errors", (e.row() for e in errors), staging, error_formats)
    written.files += [f"errors.{fmt}" for fmt in error_formats]
    written.counts["errors"] = len(errors)
    return written, n_warned


def _write_turns_in_parts(
    staging: Path,
    formats: Sequence[str],
    store: ResultStore,
    parsed: _Parsed,
    speakers: SpeakerMap,
    engine: Engine,
    tick: Callable[[int], None],
) -> int:
    """The turns table as parts written by the engine's workers: ``turns.parquet/part-NNNNN.parquet`` (a dataset
    directory, read as one table by pyarrow.dataset, DuckDB and Polars) and JSON Lines parts joined here, in
    order, into one ``turns.jsonl`` (byte-identical to the local engine's)."""
    documents = parsed.documents
    size = max(1, -(-len(documents) // max(1, engine.part_count)))
    parts_dir = staging / ".parts"
    parts_dir.mkdir()
    if "parquet" in formats:
        (staging / "turns.parquet").mkdir()
    parts = []
    for index, start in enumerate(range(0, len(documents), size)):
        chosen = documents[start : start + size]
        lookup = speakers.restricted(doc_id for _, doc_id in chosen)
        parts.append(
            TurnPart(
                index,
                chosen,
                str(store.folder),
                lookup,
                str(parts_dir / f"turns-{index:05d}.jsonl") if "jsonl" in formats else None,
                str(staging / "turns.parquet" / f"part-{index:05d}.parquet")
                if "parquet" in formats
                else None,
            )
        )
    counts = engine.write_parts(parts, tick)
    if "jsonl" in formats:
        with (staging / "turns.jsonl").open("wb") as joined:
            for part in parts:
                assert part.jsonl is not None
                with open(part.jsonl, "rb") as piece:
                    shutil.copyfileobj(piece, joined, 1 << 20)
    shutil.rmtree(parts_dir)
    return sum(counts)


def _document_rows(store: ResultStore, parsed: _Parsed, speakers: SpeakerMap) -> Iterator[DocumentRows]:
    """Each document's row and its turn rows with their resolved speakers, one document at a time."""
    for key, doc_id in parsed.documents:
        row, payload = store.read(key)
        (document,) = with_speaker_warnings([dict(row)], speakers.warnings_of)
        turns = plain_turns(payload).to_pylist()
        for index, (row, label) in enumerate(zip(turns, payload.labels, strict=True)):
            row.update(speaker_fields(None if label is None else speakers.for_turn(doc_id, index, label)))
        yield document, turns


def _write_card(staging: Path, inputs: Sequence[Path], written: _Written) -> str:
    """The dataset card, pointing each table at its Parquet file where there is one, else its JSON Lines."""
    data_files: dict[str, str] = {}
    for table in (*TABLE_NAMES, "errors"):
        for fmt in ("parquet", "jsonl"):
            name = f"{table}.{fmt}"
            if name in written.files:
                data_files[table] = f"{name}/*.parquet" if (staging / name).is_dir() else name
                break
    # `datasets` cannot load a table without rows (it finds "no data" for the split): such a table gets no config.
    data_files = {table: path for table, path in data_files.items() if written[table]}
    text = dataset_card(data_files, written.counts, [os.fspath(p) for p in inputs])
    (staging / CARD).write_text(text, encoding="utf-8")
    return CARD


def _open_sinks(stack: contextlib.ExitStack, table: str, folder: Path, formats: Sequence[str]) -> list[Sink]:
    return [stack.enter_context(SINKS[fmt](table, folder / f"{table}.{fmt}")) for fmt in formats]


def _export(table: str, rows: Iterable[dict[str, Any]], out_dir: Path, formats: Sequence[str]) -> int:
    """One pass over the rows feeds every chosen format."""
    with contextlib.ExitStack() as stack:
        sinks = _open_sinks(stack, table, out_dir, formats)
        count = 0
        for row in rows:
            for sink in sinks:
                sink.add(row)
            count += 1
    return count


def collect_speakers(
    inputs: Sequence[Path],
    config: ConvertConfig,
    progress: Progress | None = None,
    *,
    registry: Registry | None = None,
) -> tuple[SpeakerMap, list[ErrorRecord]]:
    """Parse the inputs and resolve their speakers, without exporting anything. ``registry``, when given, is
    used on top of the config's registries."""
    progress = progress or _no_progress
    check_inputs(inputs)
    conventions_of(config)
    configured = load_registry(config)
    if registry is not None:
        registry = configured.merged(registry) if configured is not None else registry
    else:
        registry = configured
    files, errors = discover(inputs, follow_symlinks=config.follow_symlinks)
    with tempfile.TemporaryDirectory(prefix="transcript-kit-") as work:
        parsed = _parse_all(
            files, config, ResultStore(Path(work)), reuse=False, engine=LocalEngine(), progress=progress
        )
    progress("speakers", 0, 1)
    speakers = Normalizer(registry, use_default_registry=False).resolve(list(parsed.evidence))
    progress("speakers", 1, 1)
    return speakers, [*errors, *parsed.errors]


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
        # What was not read, and why: the rules, then each transcript-named file they skipped.
        "skip_rules": SKIP_RULES,
        "skipped": [{"path": printable_name(path), "reason": reason} for path, reason in summary.skipped],
    }
    path.write_bytes(orjson.dumps(manifest, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE))
