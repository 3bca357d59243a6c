"""Reading a transcript a line at a time, as the speech corpora print theirs (NIST STM, the Santa Barbara Corpus's
``.trn``, CALLHOME and Fisher, Switchboard, the ICE): where each line is, the words of a stretch of a line with the
span they are printed at, and a time printed in seconds as milliseconds."""

from __future__ import annotations

import re
from collections.abc import Iterator

from transcript_kit.textutil import collapse_blanks

__all__ = ["SECONDS", "first_visible", "line_spans", "seconds_ms", "words"]

_EOL = re.compile(r"\r\n|\r|\n")
# A time in seconds as the corpora print it ("612.83", "0", "17.820"): twelve digits at most before the point (thirty
# thousand years of recording; more is damage, and a line so timed is no segment).
SECONDS = r"\d{1,12}(?:\.\d*)?"
_VISIBLE = re.compile(r"\S")


def line_spans(text: str, position: int | None = None) -> Iterator[tuple[int, int]]:
    """Where each line of ``text`` starts and ends (its line end left out), from ``position``; by default from the
    start, after a byte-order mark the decoder left (no text)."""
    if position is None:
        position = 1 if text.startswith("\ufeff") else 0
    for eol in _EOL.finditer(text, position):
        yield position, eol.start()
        position = eol.end()
    yield position, len(text)


def first_visible(source: str, start: int, end: int) -> int | None:
    """Where the first visible character of ``source[start:end]`` is; None in a blank stretch."""
    found = _VISIBLE.search(source, start, end)
    return None if found is None else found.start()


def words(source: str, start: int, end: int) -> tuple[str, int, int] | None:
    """The words of ``source[start:end]`` with their blanks made single, and the span from the first visible
    character to the last; None where there is none."""
    first = first_visible(source, start, end)
    if first is None:
        return None
    last = end
    while source[last - 1].isspace():
        last -= 1
    return collapse_blanks(source[first:last]), first, last


def seconds_ms(value: str) -> int:
    """A time printed in seconds (matched by :data:`SECONDS`), in milliseconds."""
    return round(float(value) * 1000)
