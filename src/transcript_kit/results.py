"""Per-document results: everything the export needs from one parsed document, less its resolved speakers.

A :class:`DocumentResult` is what a worker makes of one input and what the cache keeps. It is split in two
pickles written one after the other in one file: the *header* (speaker evidence, the documents row, counts) that
the corpus-level speaker pass reads for every document, and the *payload* (the turns, ready to be written) that
only the export reads, one document at a time. Turns are kept in the form the writers want them: for JSON Lines
each row's bytes before and after its speaker fields (so the export splices resolved speakers in without building
a dict per row, and the bytes are those ``orjson.dumps`` gives the whole row), for Parquet an Arrow IPC stream of
the columns that do not depend on the speaker.

Results are stored under a key made of the input's content hash, its doc_id and path, and a fingerprint of the
tool (version, schema version, the package's own code and grammars) and of the settings that change a parse, so a
stored result is reused only where parsing again would give the same bytes.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import struct
import tempfile
from pathlib import Path
from typing import Any, BinaryIO

import attrs
import orjson
import pyarrow as pa

from transcript_kit import __version__
from transcript_kit._grammar import GRAMMARS, grammar_text
from transcript_kit.columns import TurnTable
from transcript_kit.evidence import evidence_of
from transcript_kit.export.rows import SPEAKER_FIELDS, document_row, turn_row
from transcript_kit.export.schema import SCHEMA_VERSION, TURNS
from transcript_kit.model import Document, DocumentEvidence

_NAMES = TURNS.names
_FIRST_SPEAKER = _NAMES.index(SPEAKER_FIELDS[0])
if tuple(_NAMES[_FIRST_SPEAKER : _FIRST_SPEAKER + len(SPEAKER_FIELDS)]) != SPEAKER_FIELDS:
    raise AssertionError("the turns schema must keep the speaker fields together, in speaker_fields order")
HEAD_FIELDS = tuple(_NAMES[:_FIRST_SPEAKER])
TAIL_FIELDS = tuple(_NAMES[_FIRST_SPEAKER + len(SPEAKER_FIELDS) :])
_LENGTH = struct.Struct("<Q")
# The turns columns that do not depend on the corpus-level speaker pass.
PLAIN_TURNS = pa.schema([TURNS.field(name) for name in (*HEAD_FIELDS, *TAIL_FIELDS)])


@attrs.frozen(slots=True)
class ResultHeader:
    """What the speaker pass and the summary need: small, independent of the number of turns."""

    doc_id: str
    evidence: DocumentEvidence
    document: dict[str, Any]  # the documents row, with the warnings parsing raised
    n_turns: int
    n_bytes: int


@attrs.frozen(slots=True)
class ResultPayload:
    """The turns of one document, ready for the writers."""

    labels: tuple[str | None, ...]  # the speaker label of each turn, to look its speaker up
    jsonl_heads: tuple[bytes, ...]  # b'{"doc_id":…,"speaker_label":…' of each row
    jsonl_tails: tuple[bytes, ...]  # b'"text":…}\n' of each row
    arrow: bytes  # an Arrow IPC stream of the PLAIN_TURNS columns


# Turns whose rows exist at once while a document's result is made: a document of a million turns never has a
# million row dicts (a kilobyte each) alive, only this many, and its Arrow stream is written a batch at a time.
ROWS_PER_CHUNK = 4096


def result_of(document: Document, n_bytes: int) -> tuple[ResultHeader, ResultPayload]:
    """Split a parsed (unresolved) document into what the speaker pass reads and what the export writes."""
    dumps = orjson.dumps
    labels: list[str | None] = []
    heads: list[bytes] = []
    tails: list[bytes] = []
    sink = pa.BufferOutputStream()
    turns = document.turns
    with pa.ipc.new_stream(sink, PLAIN_TURNS) as writer:
        for begin in range(0, len(turns), ROWS_PER_CHUNK):
            columns = _plain_columns(document, begin, begin + ROWS_PER_CHUNK)
            labels.extend(columns["speaker_label"])
            heads.extend(dumps(dict(zip(HEAD_FIELDS, row)))[:-1] + b"," for row in zip(*map(columns.get, HEAD_FIELDS)))
            tails.extend(b"," + dumps(dict(zip(TAIL_FIELDS, row)))[1:] + b"\n" for row in zip(*map(columns.get, TAIL_FIELDS)))
            writer.write_batch(pa.RecordBatch.from_pydict(columns, schema=PLAIN_TURNS))
    header = ResultHeader(document.doc_id, evidence_of(document), document_row(document), len(turns), n_bytes)
    payload = ResultPayload(tuple(labels), tuple(heads), tuple(tails), sink.getvalue().to_pybytes())
    return header, payload


def _plain_columns(document: Document, begin: int, end: int) -> dict[str, list[Any]]:
    """The speaker-independent turns columns of turns ``begin`` to ``end``: read from the column table where the
    document has one, else from each turn's row."""
    turns = document.turns
    if isinstance(turns, TurnTable):
        columns = turns.plain_columns(begin, end)
        return {"doc_id": [document.doc_id] * len(columns["turn_index"]), **columns}
    rows = [turn_row(document.doc_id, turn) for turn in turns[begin:end]]
    return {name: [row[name] for row in rows] for name in PLAIN_TURNS.names}


def plain_turns(payload: ResultPayload) -> pa.Table:
    return pa.ipc.open_stream(payload.arrow).read_all()


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the tool's version, schema version, every file of the installed package (code, data) and the
    grammars as the parser reads them: a parser changed in place, even without a version bump, never reuses
    results of the old one."""
    digest = hashlib.sha256(f"{__version__}\0{SCHEMA_VERSION}".encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*")):
        if (
            path.is_file()
            and "__pycache__" not in path.parts
            and path.suffix in {".py", ".lark", ".json", ".toml"}
        ):
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    # A source checkout reads its grammars from the top-level grammar/, outside the package: as read, each counts.
    for name in GRAMMARS:
        digest.update(f"grammar/{name}".encode() + b"\0" + grammar_text(name).encode("utf-8"))
    return digest.hexdigest()


def result_key(content_sha256: str, doc_id: str, path: str, settings: str) -> str:
    """The name of a stored result: changes with the input's bytes, its names, the tool and the settings."""
    text = "\0".join((content_sha256, doc_id, path, code_fingerprint(), settings))
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


class ResultStore:
    """A folder of stored results, one file per document, written atomically (a killed run leaves no half file
    under a final name, only ``.tmp`` files that :meth:`clean` removes)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.result"

    def has(self, key: str) -> bool:
        return self.path(key).is_file()

    # A stored result: the evidence pickle's length (8 bytes), the evidence, the rest of the header, the payload.
    # The speaker pass reads the first three; the export skips the evidence (unpickling its many small frozen
    # objects is the slowest part of a load) and reads the rest.
    def put(self, key: str, header: ResultHeader, payload: ResultPayload) -> None:
        target = self.path(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        evidence = pickle.dumps(header.evidence, protocol=pickle.HIGHEST_PROTOCOL)
        rest = (header.doc_id, header.document, header.n_turns, header.n_bytes)
        fd, name = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(_LENGTH.pack(len(evidence)))
                handle.write(evidence)
                pickle.dump(rest, handle, protocol=pickle.HIGHEST_PROTOCOL)
                pickle.dump(payload, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(name, target)
        except BaseException:
            Path(name).unlink(missing_ok=True)
            raise

    def header(self, key: str) -> ResultHeader:
        """What the speaker pass needs of a stored result (evidence, documents row, counts)."""
        with self.path(key).open("rb") as handle:
            handle.read(_LENGTH.size)
            evidence: DocumentEvidence = pickle.load(handle)
            doc_id, document, n_turns, n_bytes = pickle.load(handle)
        return ResultHeader(doc_id, evidence, document, n_turns, n_bytes)

    def document(self, key: str) -> dict[str, Any]:
        """The documents row of a stored result."""
        with self.path(key).open("rb") as handle:
            self._skip_evidence(handle)
            row: dict[str, Any] = pickle.load(handle)[1]
        return row

    def read(self, key: str) -> tuple[dict[str, Any], ResultPayload]:
        """What the export needs of a stored result: the documents row and the payload."""
        with self.path(key).open("rb") as handle:
            self._skip_evidence(handle)
            row: dict[str, Any] = pickle.load(handle)[1]
            payload: ResultPayload = pickle.load(handle)
        return row, payload

    @staticmethod
    def _skip_evidence(handle: BinaryIO) -> None:
        (length,) = _LENGTH.unpack(handle.read(_LENGTH.size))
        handle.seek(length, os.SEEK_CUR)

    def clean(self, keep: set[str] | None = None) -> None:
        """Remove temporaries of killed runs and, given ``keep``, every result not named in it."""
        if not self.folder.is_dir():
            return
        for path in self.folder.glob("*/*"):
            stale = path.name.endswith(".tmp") or (keep is not None and path.stem not in keep)
            if stale:
                path.unlink(missing_ok=True)
