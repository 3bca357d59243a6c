"""A document's label candidates by line, held as columns.

A transcript of short turns has a candidate on nearly every other line. As one frozen object each in a dict keyed
by line, a candidate costs about 340 bytes (the object, its label string, its line's int, two dict entries): seven
times the 47 bytes a short turn takes in the text, and the largest part of parsing's peak memory (issue 11). Here a
candidate is one row of fixed-width columns (about 32 bytes: line, start, end, label code, kind code, flags, and a
byte a line for ``in``); a label, and a shape with its delimiter, are stored once per document, a recording stamp
only where there is one. A :class:`~transcript_kit.candidates.Candidate` is made when it is asked for and dropped
when the caller is done.

Rows are kept in line order, so the table reads like the dict it replaces: iteration, ``in``, ``[]``, ``get``,
``items``, ``values``. Lines come in ascending order from the line scan (an append); a line out of order (``update``
with lines found later) merges in one sort.
"""

from __future__ import annotations

import bisect
import itertools
from array import array
from collections import Counter
from collections.abc import Collection, Hashable, Iterable, Iterator, Sequence
from typing import Generic, TypeVar

from transcript_kit.candidates import Candidate

_V = TypeVar("_V", bound=Hashable)
_ALONE = 1 << 1  # the flag of a candidate alone on its line (see _append)
# A speaker's code (a tape transcript's "P", "H", an interview's "IV"): a name alone on its line may be a page's
# caption or a list's entry, a code alone is the code's speaker.
_CODE_CHARS = 3


class _Codes(Generic[_V]):
    """Distinct values by code, each stored once."""

    def __init__(self) -> None:
        self.values: list[_V] = []
        self._codes: dict[_V, int] = {}

    def code(self, value: _V) -> int:
        code = self._codes.get(value)
        if code is None:
            code = self._codes[value] = len(self.values)
            self.values.append(value)
        return code


class CandidateTable:
    """Label candidates by line number, in line order, stored as columns (see the module docstring)."""

    def __init__(self, rows: Iterable[tuple[int, Candidate]] = ()) -> None:
        self._clear()
        self.update(rows)

    def _clear(self) -> None:
        self._lines = array("q")
        self._starts = array("q")
        self._ends = array("q")
        self._label_codes = array("i")
        # (delimiter, shape, lower_tail): a profile has a few dozen shapes; the ninth boolean rides here, so the
        # flags stay one byte a candidate.
        self._kind_codes = array("H")
        self._flags = bytearray()
        self._labels: _Codes[str] = _Codes()
        self._kinds: _Codes[tuple[str, str, bool]] = _Codes()
        self._stamps: dict[int, tuple[int, int]] = {}  # by row: only candidates printed with a recording time
        self._present = bytearray()  # one byte a line up to the last: ``in`` without a search

    @property
    def lines(self) -> array[int]:
        """The table's lines in order (for bisecting; not to be changed)."""
        return self._lines

    @property
    def labels(self) -> list[str]:
        """The distinct labels of the table's candidates (and perhaps of rows it has let go: a lookup list)."""
        return self._labels.values

    def label_counts(self) -> dict[str, int]:
        """How many candidates print each label (counted on the codes: no candidate is made)."""
        counts = Counter(self._label_codes)
        return {self._labels.values[code]: n for code, n in counts.items()}

    def lines_with(self, labels: Collection[str]) -> Iterator[int]:
        """The lines whose candidate has one of ``labels``, in order (no candidate is made)."""
        codes = {code for code, label in enumerate(self._labels.values) if label in labels}
        return (line for line, code in zip(self._lines, self._label_codes) if code in codes)

    def __len__(self) -> int:
        return len(self._lines)

    def __iter__(self) -> Iterator[int]:
        return iter(self._lines)

    def __contains__(self, line: object) -> bool:
        return isinstance(line, int) and 0 <= line < len(self._present) and self._present[line] == 1

    def __getitem__(self, line: int) -> Candidate:
        row = self._row_of(line)
        if row is None:
            raise KeyError(line)
        return self.row(row)

    def get(self, line: int) -> Candidate | None:
        row = self._row_of(line)
        return None if row is None else self.row(row)

    def items(self) -> Iterator[tuple[int, Candidate]]:
        return zip(self._lines, self.values())

    def values(self) -> Iterator[Candidate]:
        # row()'s work inlined, with the columns in locals: the decision passes read every candidate.
        labels, kinds, stamps, make = self._labels.values, self._kinds.values, self._stamps, tuple.__new__
        columns = zip(self._starts, self._ends, self._label_codes, self._kind_codes, self._flags)
        for row, (start, end, label, kind, flags) in enumerate(columns):
            delimiter, shape, lower_tail = kinds[kind]
            yield make(
                Candidate, _fields(labels[label], start, end, delimiter, shape, stamps.get(row), flags, lower_tail)
            )

    def with_shapes(self, shapes: Collection[str], cues: Collection[str] = ()) -> CandidateTable:
        """The candidates of ``shapes`` alone (the table itself when it holds no other), and those of ``cues`` (a
        speaker's code alone on its line) under a line where a candidate of ``shapes`` prints their code with words
        after it (a label printed alone before that, or alone there too, may be a list's entry: a bench's names, a
        contents line)."""
        kept = [shape in shapes for _, shape, _ in self._kinds.values]
        if all(kept):
            return self
        cue_kinds = [shape in cues for _, shape, _ in self._kinds.values]
        first_inline: dict[int, int] = {}  # label code -> the first line that prints it inline by ``shapes``
        if any(cue_kinds):
            labels = self._labels.values
            for line, code, kind, flags in zip(self._lines, self._label_codes, self._kind_codes, self._flags):
                if kept[kind] and not flags & _ALONE and len(labels[code]) <= _CODE_CHARS:
                    first_inline.setdefault(code, line)
        return self.rows(
            row
            for row, (line, kind, code) in enumerate(zip(self._lines, self._kind_codes, self._label_codes))
            if kept[kind] or (cue_kinds[kind] and line > first_inline.get(code, line))
        )

    def without(self, lines: CandidateTable) -> CandidateTable:
        """The candidates on lines that ``lines`` does not hold (the table itself when it holds none)."""
        if not lines:
            return self
        return self.rows(row for row, line in enumerate(self._lines) if line not in lines)

    def split_off(self, rows: Sequence[int]) -> CandidateTable:
        """Keep ``rows`` (ascending) alone here, and return the others as a table of their own: a document's
        candidates split in two without a second copy of the ones kept (compacted column by column)."""
        keep = bytearray(len(self._lines))
        for row in rows:
            keep[row] = 1
        others = self.rows(row for row, kept in enumerate(keep) if not kept)
        self._stamps = {
            bisect.bisect_left(rows, row): stamp for row, stamp in self._stamps.items() if keep[row]
        }
        self._lines = array("q", itertools.compress(self._lines, keep))
        self._starts = array("q", itertools.compress(self._starts, keep))
        self._ends = array("q", itertools.compress(self._ends, keep))
        self._label_codes = array("i", itertools.compress(self._label_codes, keep))
        self._kind_codes = array("H", itertools.compress(self._kind_codes, keep))
        self._flags = bytearray(itertools.compress(self._flags, keep))
        self._present = bytearray(len(self._present))
        for line in self._lines:
            self._present[line] = 1
        return others

    def rows(self, rows: Iterable[int]) -> CandidateTable:
        """A table of the given rows (in ascending order), copied column by column: no candidate is made."""
        table = CandidateTable()
        table._labels, table._kinds = self._labels, self._kinds  # code books only grow: they can be shared
        for row in rows:
            if row in self._stamps:
                table._stamps[len(table._lines)] = self._stamps[row]
            line = self._lines[row]
            table._lines.append(line)
            table._present.extend(bytes(line + 1 - len(table._present)))
            table._present[line] = 1
            table._starts.append(self._starts[row])
            table._ends.append(self._ends[row])
            table._label_codes.append(self._label_codes[row])
            table._kind_codes.append(self._kind_codes[row])
            table._flags.append(self._flags[row])
        return table

    def __setitem__(self, line: int, candidate: Candidate) -> None:
        if self._lines and line <= self._lines[-1]:
            self.update(((line, candidate),))
        else:
            self._append(line, candidate)

    def update(self, rows: Iterable[tuple[int, Candidate]]) -> None:
        """Add ``rows`` (a later candidate for a line replaces the earlier one): appended while their lines
        ascend past the table's last, merged with one sort otherwise."""
        pending: list[tuple[int, Candidate]] = []
        for line, candidate in rows:
            if pending or (self._lines and line <= self._lines[-1]):
                pending.append((line, candidate))
            else:
                self._append(line, candidate)
        if pending:
            merged = dict(self.items())
            merged.update(pending)
            self._clear()
            for line, candidate in sorted(merged.items()):
                self._append(line, candidate)

    def _row_of(self, line: int) -> int | None:
        row = bisect.bisect_left(self._lines, line)
        return row if row < len(self._lines) and self._lines[row] == line else None

    def _append(self, line: int, candidate: Candidate) -> None:
        if candidate.stamp is not None:
            self._stamps[len(self._lines)] = candidate.stamp
        self._lines.append(line)
        self._present.extend(bytes(line + 1 - len(self._present)))
        self._present[line] = 1
        self._starts.append(candidate.start)
        self._ends.append(candidate.end)
        self._label_codes.append(self._labels.code(candidate.label))
        self._kind_codes.append(self._kinds.code((candidate.delimiter, candidate.shape, candidate.lower_tail)))
        # One bit per boolean field, read back in _fields.
        self._flags.append(
            candidate.at_paragraph_start
            | candidate.alone * _ALONE
            | candidate.timed << 2
            | candidate.heading_tail << 3
            | candidate.listed << 4
            | candidate.quoting << 5
            | candidate.unnamed << 6
            | candidate.handle << 7
        )

    def row(self, row: int) -> Candidate:
        """The candidate of the table's ``row``-th line."""
        delimiter, shape, lower_tail = self._kinds.values[self._kind_codes[row]]
        label = self._labels.values[self._label_codes[row]]
        fields = _fields(
            label,
            self._starts[row],
            self._ends[row],
            delimiter,
            shape,
            self._stamps.get(row),
            self._flags[row],
            lower_tail,
        )
        return tuple.__new__(Candidate, fields)


def _fields(
    label: str,
    start: int,
    end: int,
    delimiter: str,
    shape: str,
    stamp: tuple[int, int] | None,
    flags: int,
    lower_tail: bool,
) -> tuple[str, int, int, str, bool, bool, bool, str, tuple[int, int] | None, bool, bool, bool, bool, bool, bool]:
    """A candidate's fields in the order Candidate declares them, its booleans read from the flags column."""
    return (
        label,
        start,
        end,
        delimiter,
        bool(flags & 1),  # at_paragraph_start
        bool(flags & 2),  # alone
        bool(flags & 4),  # timed
        shape,
        stamp,
        bool(flags & 8),  # heading_tail
        bool(flags & 16),  # listed
        bool(flags & 32),  # quoting
        bool(flags & 64),  # unnamed
        bool(flags & 128),  # handle
        lower_tail,
    )
