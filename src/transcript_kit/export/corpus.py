"""The corpus tables written from per-document results and the corpus-level speaker map.

The turns table is the big one: each document's rows come from its stored result with the resolved speaker
spliced in (bytes for JSON Lines, Arrow columns for Parquet), one document at a time, a Parquet row group per
``ROWS_PER_GROUP`` rows, so memory stays at one row group whatever the corpus size.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

import orjson
import pyarrow as pa
import pyarrow.parquet as pq

from transcript_kit.export import parquet as parquet_module
from transcript_kit.export.rows import SPEAKER_FIELDS, speaker_fields
from transcript_kit.export.schema import TURNS, parquet_metadata
from transcript_kit.model import Speaker
from transcript_kit.results import ResultPayload, plain_turns

SpeakerLookup = Mapping[tuple[str, str], Speaker]
Tick = Callable[[int], None]
_SPEAKER_TYPES = tuple(TURNS.field(name).type for name in SPEAKER_FIELDS)


class _Spliced:
    """The speaker fields of one (document, label), as JSON bytes and as column values; made once per label."""

    __slots__ = ("jsonl", "values")

    def __init__(self, speaker: Speaker | None) -> None:
        fields = speaker_fields(speaker)
        self.jsonl = orjson.dumps(fields)[1:-1]
        self.values = tuple(fields[name] for name in SPEAKER_FIELDS)


class _TurnsParquet:
    """Turn rows gathered into row groups: plain columns from the results, speaker columns built per group."""

    def __init__(self, path: Path) -> None:
        self._schema = TURNS.with_metadata(parquet_metadata("turns"))
        self._writer = pq.ParquetWriter(path, self._schema, compression="zstd")
        self._plain: list[pa.Table] = []
        # Speaker columns as indices into the distinct speakers of the row group: a take() per column, not a
        # Python value per row and column.
        self._distinct: dict[tuple[Any, ...], int] = {}
        self._values: list[tuple[Any, ...]] = []
        self._indices: list[int] = []
        self._rows = 0
        self.count = 0

    def add(self, plain: pa.Table, speakers: list[_Spliced]) -> None:
        self._plain.append(plain)
        distinct, values, indices = self._distinct, self._values, self._indices
        for splice in speakers:
            index = distinct.get(splice.values)
            if index is None:
                index = distinct[splice.values] = len(values)
                values.append(splice.values)
            indices.append(index)
        self._rows += plain.num_rows
        if self._rows >= parquet_module.ROWS_PER_GROUP:
            self._flush()

    def _flush(self) -> None:
        if not self._rows:
            return
        plain = pa.concat_tables(self._plain)
        take = pa.array(self._indices, type=pa.int32())
        speaker_columns = {
            name: pa.array([values[i] for values in self._values], type=kind).take(take)
            for i, (name, kind) in enumerate(zip(SPEAKER_FIELDS, _SPEAKER_TYPES))
        }
        columns = [
            speaker_columns[name] if name in speaker_columns else plain.column(name) for name in TURNS.names
        ]
        self._writer.write_table(pa.Table.from_arrays(columns, schema=self._schema))
        self.count += self._rows
        self._plain, self._values, self._indices, self._rows = [], [], [], 0
        self._distinct = {}

    def close(self) -> None:
        self._flush()
        self._writer.close()


def write_turns(
    documents: Iterable[tuple[str, ResultPayload]],
    speakers: SpeakerLookup,
    *,
    jsonl: Path | None,
    parquet: Path | None,
    tick: Tick | None = None,
) -> int:
    """Write the turns of ``documents`` (doc_id and payload, in output order) with their resolved speakers to
    the chosen files; return the number of rows. ``tick`` is called with each document's row count."""
    handle: IO[bytes] | None = jsonl.open("wb") if jsonl is not None else None
    table = _TurnsParquet(parquet) if parquet is not None else None
    count = 0
    try:
        for doc_id, payload in documents:
            spliced: dict[tuple[str | None, int], _Spliced] = {}
            per_row = []
            # Rows are the document's turns in order, so a row's position is its turn_index: a turn the
            # document's binding resolved apart from its label ("The PRESIDING OFFICER" after "(Mr. Kyl)")
            # gets its own speaker.
            for_turn = getattr(speakers, "for_turn", None)
            for index, label in enumerate(payload.labels):
                speaker = (
                    None
                    if label is None
                    else for_turn(doc_id, index, label)
                    if for_turn is not None
                    else speakers.get((doc_id, label))
                )
                splice = spliced.get((label, id(speaker)))
                if splice is None:
                    splice = spliced[label, id(speaker)] = _Spliced(speaker)
                per_row.append(splice)
            # A large document goes out a slice at a time: never its whole JSON Lines in one string, nor all its
            # rows in one Parquet row group.
            step = parquet_module.ROWS_PER_GROUP
            if handle is not None:
                heads, tails = payload.jsonl_heads, payload.jsonl_tails
                for begin in range(0, len(per_row), step):
                    end = begin + step
                    handle.write(
                        b"".join(
                            head + splice.jsonl + tail
                            for head, splice, tail in zip(
                                heads[begin:end], per_row[begin:end], tails[begin:end]
                            )
                        )
                    )
            if table is not None:
                plain = plain_turns(payload)
                for begin in range(0, len(per_row), step):
                    table.add(plain.slice(begin, step), per_row[begin : begin + step])
            count += len(per_row)
            if tick is not None:
                tick(len(per_row))
    finally:
        if handle is not None:
            handle.close()
        if table is not None:
            table.close()
    return count


def with_speaker_warnings(
    rows: Iterable[dict[str, Any]], warnings_of: Callable[[str], tuple[str, ...]]
) -> Iterator[dict[str, Any]]:
    """Documents rows with the warnings the speaker pass raised for each (ambiguous labels) appended."""
    for row in rows:
        row["warnings"] = [*row["warnings"], *warnings_of(row["doc_id"])]
        yield row
