"""The library entry points: text or a path in, a Document with resolved speakers out; a corpus in, the corpus
tables or its documents out."""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator, Sequence
from pathlib import Path

import attrs

from transcript_kit.conventions.catalog import Conventions
from transcript_kit.decode import decode
from transcript_kit.errors import ArgumentError, FormatError, InputError
from transcript_kit.evidence import attach_speakers, evidence_of
from transcript_kit.formats import CONTENT_FORMATS, MARKUP_CONTROLS, SUFFIX_FORMATS
from transcript_kit.model import Document
from transcript_kit.normalize import Normalizer
from transcript_kit.parse import format_of, parse_text
from transcript_kit.pipeline import (
    ALL_FORMATS,
    ConvertConfig,
    ConvertSummary,
    collect_speakers,
    discover,
    parse_input,
)
from transcript_kit.pipeline import convert as _pipeline_convert
from transcript_kit.registry import Registry
from transcript_kit.textutil import printable_name

# Every reader's name: the suffix table's, and those of a .txt told by its content when fmt is text (speaker markup,
# a speech corpus's transcript).
FORMATS = frozenset({*SUFFIX_FORMATS.values(), *CONTENT_FORMATS})


@functools.lru_cache(maxsize=1)
def _default_normalizer() -> Normalizer:
    return Normalizer()


def _resolved(document: Document, normalizer: Normalizer | None) -> Document:
    speakers = (normalizer or _default_normalizer()).resolve([evidence_of(document)])
    return attach_speakers(document, speakers)


def parse(
    text: str | bytes,
    *,
    doc_id: str = "document",
    fmt: str | None = None,
    path: str | Path | None = None,
    normalizer: Normalizer | None = None,
    conventions: Conventions | None = None,
) -> Document:
    """Parse a transcript's text (or its bytes, decoded as a file's are); ``fmt`` is one of :data:`FORMATS`
    ("text", "srt", "vtt", "sbv", "ttml", "ass", "html", "tei", "tagged", "chat", "textgrid", "eaf", "trs", "fdx",
    "stm", "trn", "switchboard", "callhome", "ice", "json").
    ``path`` is where the text came from: messages name it, and without ``fmt`` its suffix picks the reader as a
    file's does (``.cha``, ``.TextGrid``, …; plain text otherwise, or what a text's content shows it is). Speakers
    are resolved within the document. The convention profile is chosen per document from ``conventions`` (the
    built-in profiles by default): ``Conventions.load(["my-profile.toml"], forced="my-profile")`` forces the user's
    own."""
    if fmt is None:
        fmt = format_of(path) if path is not None else "text"
    if fmt not in FORMATS:
        raise FormatError(f"unknown format {fmt!r}; choose from {', '.join(sorted(FORMATS))}")
    where = str(path) if path is not None else None
    warnings: tuple[str, ...] = ()
    encoding = "utf-8"
    if isinstance(text, (bytes, bytearray, memoryview)):
        decoded = decode(bytes(text), where or f"<{doc_id}>", MARKUP_CONTROLS.get(fmt, b""))
        text, encoding, warnings = decoded.text, decoded.encoding, decoded.warnings
    elif not isinstance(text, str):
        raise ArgumentError(f"parse takes the transcript as str or bytes, not {type(text).__name__}")
    document = parse_text(text, doc_id=doc_id, path=where, encoding=encoding, fmt=fmt, conventions=conventions)
    if warnings:
        document = attrs.evolve(document, warnings=(*warnings, *document.warnings))
    return _resolved(document, normalizer)


def parse_file(
    path: str | Path,
    *,
    doc_id: str | None = None,
    normalizer: Normalizer | None = None,
    conventions: Conventions | None = None,
) -> Document:
    """Read, decode and parse one file; the format follows the extension (.srt, .cha, .eaf, …; otherwise text)."""
    path = Path(path)
    document, _ = parse_input(str(path), doc_id or path.stem, conventions)
    return _resolved(document, normalizer)


def convert(
    inputs: str | Path | Sequence[str | Path],
    out: str | Path,
    *,
    formats: Sequence[str] = ALL_FORMATS,
    workers: int = 1,
    registry: Sequence[str | Path] = (),
    default_registry: bool = True,
    force: bool = False,
    cache: str | Path | None = None,
    use_cache: bool = True,
    engine: str = "local",
    ray_address: str | None = None,
) -> ConvertSummary:
    """Convert files and folders of transcripts into the corpus tables in ``out``, as ``transcript-kit convert``
    does, and return the run's summary. Inputs that cannot be converted are listed in ``out/errors.jsonl``.
    ``engine="ray"`` runs the work as Ray tasks (on ``ray_address``, or a local Ray instance).

    >>> import tempfile, transcript_kit as tk
    >>> out = tempfile.mkdtemp()
    >>> summary = tk.convert("corpus/seeds", out + "/corpus", formats=["jsonl"])
    >>> summary.n_documents, summary.n_errors, "turns.jsonl" in summary.files
    (5, 0, True)
    """
    config = ConvertConfig(
        formats=tuple(fmt.lower() for fmt in formats),
        workers=workers,
        registry_paths=tuple(str(p) for p in registry),
        use_default_registry=default_registry,
    )
    if engine.lower() not in ("local", "ray"):
        raise InputError(f"unknown engine {engine!r}; choose local or ray")
    with contextlib.ExitStack() as stack:
        where = None
        if engine.lower() == "ray":
            from transcript_kit.ray_engine import RayEngine

            where = stack.enter_context(RayEngine(ray_address, workers=workers))
        return _pipeline_convert(
            _paths(inputs),
            Path(out),
            config,
            engine=where,
            force=force,
            cache=Path(cache) if cache is not None else None,
            use_cache=use_cache,
        )


def read_corpus(
    inputs: str | Path | Sequence[str | Path],
    *,
    registry: Registry | None = None,
    default_registry: bool = True,
    workers: int = 1,
) -> Iterator[Document]:
    """The documents under ``inputs``, one at a time, with speakers resolved across the whole corpus (a full
    name in one document resolves a surname-only label in another, as ``convert`` does). ``registry`` adds people
    to the starter registry (or replaces it, with ``default_registry=False``). Inputs that cannot be read raise
    their error when reached.

    The corpus is parsed twice: once for the speaker evidence of every document, once as it is iterated, so that
    memory holds one document at a time.

    >>> import transcript_kit as tk
    >>> for document in tk.read_corpus("corpus/seeds"):
    ...     if document.doc_id == "000_fd643293975f7580":
    ...         print(document.turns[0].label, "->", document.turns[0].speaker.id)
    SECRETARY BLINKEN -> antony-j-blinken
    """
    paths = _paths(inputs)
    config = ConvertConfig(workers=workers, use_default_registry=False)
    base = Registry.default() if default_registry else None
    chosen = base.merged(registry) if base is not None and registry is not None else registry or base
    speakers, errors = collect_speakers(paths, config, registry=chosen)
    failed = {error.path: error for error in errors}
    files, _ = discover(paths)
    for item in files:
        if (shown := printable_name(item.path)) in failed:
            raise InputError(failed[shown].message)
        document, _ = parse_input(item.path, item.doc_id)
        yield attach_speakers(document, speakers)


def _paths(inputs: str | Path | Sequence[str | Path]) -> list[Path]:
    if isinstance(inputs, (str, Path)):
        return [Path(inputs)]
    return [Path(p) for p in inputs]
