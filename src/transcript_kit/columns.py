"""A document's turns and label decisions held as columns: a few bytes a record, not an object each.

A document of short turns has a turn every 50 bytes or so; a ``Turn`` object, its text and its label cost ten
times that. :class:`TurnTable` keeps each field in an ``array`` (offsets, kind, an index into the document's
distinct labels) and makes ``Turn`` objects only when they are read. A turn's text is not kept at all when it is
what the parser reads from its span (each of its paragraphs as printed, or with its blanks made single spaces,
joined by a blank line): it is read again from the source when asked for. Both tables are read-only sequences
once the parser has filled them, equal to a tuple of the same records.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Iterator, Sequence
from typing import Any, ClassVar, TypeVar, overload

from transcript_kit.model import Label, LabelDecision, Speaker, Turn, TurnKind
from transcript_kit.textutil import EXTRA_BLANKS as _EXTRA_BLANKS
from transcript_kit.textutil import collapse_blanks, offset_array

_KINDS = tuple(TurnKind)
_KIND_CODE = {kind: code for code, kind in enumerate(_KINDS)}
_NO_TIME = -(1 << 63)  # start_ms/end_ms: no time
# How a turn's text is read again (in the high bits of its kind code); see _how_read.
_NORMALIZED, _VERBATIM, _KEPT, _SPACED = 0, 0x80, 0x40, 0xC0
_KIND_BITS = 0x3F
_PARAGRAPH_BREAK = "\n\n"
_LONG = 1 << 16  # characters: a part this long is compared with its text a piece at a time, never normalized


def _how_read(text: str, source: str, parts: Sequence[tuple[int, int]], read_from_parts: bool) -> int:
    """How ``text`` can be read again from ``parts`` of ``source``: _VERBATIM (each part as printed, joined by a
    blank line: the common paragraph of one line with single spaces), _NORMALIZED (the parser's reading of each
    part, blanks made single), or _KEPT (neither: it is kept as a string). ``read_from_parts``: the caller knows
    it is one of the first two."""
    if read_from_parts:
        return _as_printed(text, source, parts)
    # Normalized text is never longer than its parts and the blank lines joining them.
    if len(text) > parts[-1][1] - parts[0][0] + len(_PARAGRAPH_BREAK) * (len(parts) - 1):
        return _KEPT
    how, position, last = _VERBATIM, 0, len(parts) - 1
    for number, (start, end) in enumerate(parts):
        if _printed_at(text, position, source, start, end):
            position += end - start
        elif end - start > _LONG:  # not read again a second time for the comparison: kept
            return _KEPT
        else:
            printed = collapse_blanks(source[start:end])
            if not text.startswith(printed, position):
                return _KEPT
            how, position = _NORMALIZED, position + len(printed)
        if number < last:
            if not text.startswith(_PARAGRAPH_BREAK, position):
                return _KEPT
            position += len(_PARAGRAPH_BREAK)
    return how if position == len(text) else _KEPT


def _as_printed(text: str, source: str, parts: Sequence[tuple[int, int]]) -> int:
    """How ``text``, known to be ``parts`` normalized and joined by blank lines, is read again. As long as its
    parts, no blank was cut or collapsed: the parts as printed (_VERBATIM) when they hold no blank but single
    spaces, else with each blank read as a space (_SPACED: a hard-wrapped line's break, a no-break space).
    Otherwise normalized again. Told without a copy of the text."""
    if len(parts) == 1:  # the common turn of one paragraph, told without a generator
        start, end = parts[0]
        if len(text) != end - start:
            return _NORMALIZED
        return _SPACED if _EXTRA_BLANKS.search(source, start, end) else _VERBATIM
    printed = sum(end - start for start, end in parts) + len(_PARAGRAPH_BREAK) * (len(parts) - 1)
    if len(text) != printed:
        return _NORMALIZED
    return _SPACED if any(_EXTRA_BLANKS.search(source, start, end) for start, end in parts) else _VERBATIM


def _printed_at(text: str, position: int, source: str, start: int, end: int) -> bool:
    """Does ``text`` hold ``source[start:end]`` at ``position``? (Compared a piece at a time: a part of a
    text without line breaks may be the whole document.)"""
    if end - start > len(text) - position:
        return False
    return all(
        text.startswith(source[piece : min(end, piece + _LONG)], position + piece - start)
        for piece in range(start, end, _LONG)
    )


_OTHER_BLANK = re.compile(r"[^\S ]")  # a blank character that is not the space (\s: str.isspace, as split() uses)


def _as_is(printed: str) -> str:
    return printed


def _spaced(printed: str) -> str:
    """Each blank character read as a space: a line break by str.replace (the common one, and the fastest way),
    any other by the regex."""
    spaced = printed.replace("\n", " ")
    return spaced if _OTHER_BLANK.search(spaced) is None else _OTHER_BLANK.sub(" ", spaced)


_READ: dict[int, Callable[[str], str]] = {_VERBATIM: _as_is, _SPACED: _spaced, _NORMALIZED: collapse_blanks}


class _Column:
    """Values of one optional field, kept only once some record has one (most documents never time a turn)."""

    __slots__ = ("values",)

    def __init__(self) -> None:
        self.values: array[int] | None = None

    def add(self, value: int | None, index: int) -> None:
        if value is None:
            if self.values is not None:
                self.values.append(_NO_TIME)
            return
        if self.values is None:
            self.values = array("q", [_NO_TIME]) * index
        self.values.append(value)

    def get(self, index: int) -> int | None:
        values = self.values
        if values is None:
            return None
        value = values[index]
        return None if value == _NO_TIME else value


_Row = TypeVar("_Row")


class _Rows(Sequence[_Row]):
    """What the column tables share: a row is made on access by ``_row``, and a table equals any sequence of equal
    rows (a tuple of turns in a test, or another table)."""

    __slots__ = ()
    _noun: ClassVar[str]  # "turn", "decision": in the table's repr and index errors

    def _row(self, index: int) -> _Row:
        raise NotImplementedError

    @overload
    def __getitem__(self, index: int) -> _Row: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[_Row, ...]: ...

    def __getitem__(self, index: int | slice) -> _Row | tuple[_Row, ...]:
        if isinstance(index, slice):
            return tuple(self._row(i) for i in range(*index.indices(len(self))))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(f"{self._noun} index out of range")
        return self._row(index)

    def __iter__(self) -> Iterator[_Row]:
        return (self._row(i) for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other))

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({len(self)} {self._noun}s)"


class TurnTable(_Rows[Turn]):
    """The turns of one document, as columns over its ``source`` text (see the module's docstring).

    Readers fill it with :meth:`add`; ``Turn`` objects are made on access, with ``index`` their position."""

    _noun = "turn"
    __slots__ = (
        "_codes_of",
        "_end_ms",
        "_ends",
        "_explicit",
        "_kinds",
        "_label_codes",
        "_labels",
        "_notes",
        "_paragraphs",
        "_source",
        "_start_ms",
        "_starts",
        "_times_of_day",
    )

    def __init__(self, source: str) -> None:
        self._source = source
        self._kinds = array("B")
        self._starts = offset_array(len(source))
        self._ends = offset_array(len(source))
        # Each distinct (label, parsed label, speaker) once; a turn holds its index (-1: no label).
        self._labels: list[tuple[str, Label | None, Speaker | None]] = []
        self._label_codes = array("i")
        # Sparse fields: only the turns that have them.
        self._explicit: dict[int, str] = {}  # text that is not what the parser reads from the turn's span
        self._paragraphs: dict[int, array[int]] = {}  # start, end of each paragraph of a turn of several
        self._notes: dict[int, tuple[str, ...]] = {}
        self._times_of_day: dict[int, str] = {}
        self._start_ms = _Column()
        self._end_ms = _Column()
        self._codes_of: dict[tuple[str, int, Speaker | None], int] | None = None  # while adding: label code by identity

    @property
    def source(self) -> str:
        return self._source

    def add(
        self,
        kind: TurnKind,
        text: str,
        char_start: int,
        char_end: int,
        *,
        label: str | None = None,
        parsed_label: Label | None = None,
        speaker: Speaker | None = None,
        notes: tuple[str, ...] = (),
        start_ms: int | None = None,
        end_ms: int | None = None,
        time_of_day: str | None = None,
        parts: Sequence[tuple[int, int]] | None = None,
        read_from_parts: bool = False,
    ) -> None:
        """Append a turn. ``parts``: the spans of the paragraphs its text was read from, in order (default: its
        whole span); when the text is what they read, it is not kept. ``read_from_parts``: the caller knows it is
        (the text parser, for a layout without line numbers and a profile without inline notes), so it is not
        compared."""
        index = len(self._kinds)
        code = _KIND_CODE[kind]
        self._starts.append(char_start)
        self._ends.append(char_end)
        self._label_codes.append(-1 if label is None else self._label_code(label, parsed_label, speaker))
        parts = parts or ((char_start, char_end),)
        read = _how_read(text, self._source, parts, read_from_parts)
        if read == _KEPT:
            self._explicit[index] = text
        elif len(parts) > 1:
            self._paragraphs[index] = array("q", [offset for span in parts for offset in span])
        self._kinds.append(code | read)
        if notes:
            self._notes[index] = notes
        if time_of_day is not None:
            self._times_of_day[index] = time_of_day
        self._start_ms.add(start_ms, index)
        self._end_ms.add(end_ms, index)

    def add_turn(self, turn: Turn) -> None:
        """Append a ``Turn`` made elsewhere (its index is its position here)."""
        self.add(
            turn.kind,
            turn.text,
            turn.char_start,
            turn.char_end,
            label=turn.label,
            parsed_label=turn.parsed_label,
            speaker=turn.speaker,
            notes=turn.notes,
            start_ms=turn.start_ms,
            end_ms=turn.end_ms,
            time_of_day=turn.time_of_day,
        )

    def _label_code(self, label: str, parsed: Label | None, speaker: Speaker | None) -> int:
        # A parsed label by identity (the label parser hands out one Label object per distinct label of a
        # document), a speaker by value (a resolver may make one for each turn).
        if self._codes_of is None:
            self._codes_of = {}
        key = (label, id(parsed), speaker)
        code = self._codes_of.get(key)
        if code is None:
            code = self._codes_of[key] = len(self._labels)
            self._labels.append((label, parsed, speaker))
        return code

    def done(self) -> TurnTable:
        """The table once filled: the lookup used while adding goes."""
        self._codes_of = None
        return self

    def with_speakers(self, speakers: Sequence[Speaker | None]) -> TurnTable:
        """The same turns, each with the speaker at its index (the columns are shared, not copied)."""
        table = TurnTable(self._source)
        for name in self.__slots__:
            setattr(table, name, getattr(self, name))
        table._labels, table._label_codes, table._codes_of = [], array("i"), None
        for code, speaker in zip(self._label_codes, speakers, strict=True):
            if code < 0:
                table._label_codes.append(-1)
                continue
            label, parsed, _ = self._labels[code]
            table._label_codes.append(table._label_code(label, parsed, speaker))
        return table.done()

    @property
    def char_starts(self) -> Sequence[int]:
        """Where each turn starts (the column itself: read it, never change it)."""
        return self._starts

    def labelled(self) -> Iterator[tuple[int, str, Label | None]]:
        """(index, label, parsed label) of each labelled turn, in order, without making its ``Turn``."""
        labels = self._labels
        return ((i, *labels[code][:2]) for i, code in enumerate(self._label_codes) if code >= 0)

    def text_of(self, index: int) -> str:
        source = self._source
        read = self._kinds[index] & ~_KIND_BITS
        if read == _KEPT:
            return self._explicit[index]
        bounds = self._paragraphs.get(index)
        if bounds is None:
            return _READ[read](source[self._starts[index] : self._ends[index]])
        return _PARAGRAPH_BREAK.join(
            map(_READ[read], (source[bounds[i] : bounds[i + 1]] for i in range(0, len(bounds), 2)))
        )

    def plain_columns(self, begin: int, end: int) -> dict[str, list[Any]]:
        """The speaker-independent fields of turns ``begin`` to ``end`` (not included) as columns, named as the
        turns table names them: what the export keeps of a document, without a ``Turn`` or a row per turn."""
        indices = range(begin, min(end, len(self._kinds)))
        labels = self._labels
        kinds = self._kinds
        notes, times = self._notes, self._times_of_day
        return {
            "turn_index": list(indices),
            "kind": [_KINDS[kinds[i] & _KIND_BITS].value for i in indices],
            "speaker_label": [labels[c][0] if c >= 0 else None for c in self._label_codes[begin : indices.stop]],
            "text": [self.text_of(i) for i in indices],
            "char_start": self._starts[begin : indices.stop].tolist(),
            "char_end": self._ends[begin : indices.stop].tolist(),
            "start_ms": [self._start_ms.get(i) for i in indices],
            "end_ms": [self._end_ms.get(i) for i in indices],
            "time_of_day": [times.get(i) for i in indices] if times else [None] * len(indices),
            "notes": [list(notes.get(i, ())) for i in indices] if notes else [[] for _ in indices],
        }

    def excerpt_of(self, index: int, chars: int, from_end: bool = False) -> str:
        """About ``chars`` characters of a turn's text from its start (or its end, within its last paragraph),
        read as :meth:`text_of` reads them: a look at a turn's opening or closing words without its whole text."""
        read = self._kinds[index] & ~_KIND_BITS
        if read == _KEPT:
            text = self._explicit[index]
            return text[-chars:] if from_end else text[:chars]
        bounds = self._paragraphs.get(index)
        start, end = (self._starts[index], self._ends[index]) if bounds is None else (
            (bounds[-2], bounds[-1]) if from_end else (bounds[0], bounds[1])
        )
        # Twice the characters from the source: reading collapses blanks (a wrapped line's indent) and cuts notes.
        if from_end:
            return _READ[read](self._source[max(start, end - 2 * chars) : end])[-chars:]
        return _READ[read](self._source[start : min(end, start + 2 * chars)])[:chars]

    def _row(self, index: int) -> Turn:
        code = self._label_codes[index]
        label, parsed, speaker = self._labels[code] if code >= 0 else (None, None, None)
        return Turn(
            index,
            _KINDS[self._kinds[index] & _KIND_BITS],
            self.text_of(index),
            self._starts[index],
            self._ends[index],
            label,
            parsed,
            speaker,
            self._notes.get(index, ()) if self._notes else (),
            self._start_ms.get(index),
            self._end_ms.get(index),
            self._times_of_day.get(index) if self._times_of_day else None,
        )

    def __len__(self) -> int:
        return len(self._kinds)


class DecisionTable(_Rows[LabelDecision]):
    """A document's label decisions: each distinct (label, verdict, reason) once, and where each was met."""

    _noun = "decision"
    __slots__ = ("_codes", "_distinct", "_kinds", "_starts")

    def __init__(self) -> None:
        self._kinds: list[LabelDecision] = []  # start 0: the offset is in _starts
        self._distinct: dict[tuple[str, bool, str], int] | None = {}
        self._codes = array("I")
        self._starts = array("q")

    def append(self, decision: LabelDecision) -> None:
        self.add(decision.text, decision.start, decision.accepted, decision.reason)

    def add(self, text: str, start: int, accepted: bool, reason: str) -> None:
        """Append the decision on ``text`` met at ``start`` (no ``LabelDecision`` made for it)."""
        assert self._distinct is not None, "a finished decision table is read-only"
        key = (text, accepted, reason)
        code = self._distinct.get(key)
        if code is None:
            code = self._distinct[key] = len(self._kinds)
            self._kinds.append(LabelDecision(text, 0, accepted, reason))
        self._codes.append(code)
        self._starts.append(start)

    def done(self) -> DecisionTable:
        self._distinct = None
        return self

    def _row(self, index: int) -> LabelDecision:
        kind = self._kinds[self._codes[index]]
        return LabelDecision(kind.text, self._starts[index], kind.accepted, kind.reason)

    def __len__(self) -> int:
        return len(self._codes)
