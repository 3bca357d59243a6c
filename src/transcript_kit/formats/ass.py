"""Advanced SubStation Alpha (``.ass``) and SubStation Alpha (``.ssa``) subtitles, the fansubbers' and typesetters'
format::

    [Events]
    Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
    Dialogue: 0,0:00:01.20,0:00:03.90,Default,Maya,0,0,0,,Wait, {\\i1}you{\\i0} saw it?\\NWhere?
    Comment: 0,0:00:04.00,0:00:05.00,Default,,0,0,0,,check this line

A ``Dialogue:`` line of the ``[Events]`` section is a cue; its fields are those its section's ``Format:`` line
names, in that order, and the last, the text, may hold commas. ``Comment:`` lines (and pictures, sounds, movies,
commands) are no cues. The ``Name`` (``Actor``) field is the cue's speaker; where a file names speakers, a line
without a name is someone unnamed (a turn of its own, as a caption's ``>>``), and where it names no one (or only
SubStation Alpha's placeholder ``NTP``), the cues are read as every subtitle's are (a ``Name:`` on the text, else
one monologue).

What a viewer reads is the text less its override blocks (``{\\i1}``, ``{\\pos(…)}``, and ``{notes}``, which no
renderer shows), with ``\\N``/``\\n`` as line breaks and ``\\h`` a space; text drawn in drawing mode (``{\\p1}m 0 0
l 100 0…{\\p0}``: a sign's shape) is no text. Cues are in the order the file prints them, grouped into turns as
every subtitle format's are (:func:`~transcript_kit.formats.subtitles.subtitle_turns`).
"""

from __future__ import annotations

import re

from transcript_kit.errors import ParseError, describe_place
from transcript_kit.formats.subtitles import Cue

__all__ = ["read_ass"]

_EOL = re.compile(r"\r\n|\r|\n")
_SECTION = re.compile(r"[ \t]*\[(?P<name>[^\]\r\n]*)\][ \t]*")
_EVENTS = "events"
_ENTRY = re.compile(r"(?P<kind>[A-Za-z]+)[ \t]*:[ \t]*")
# ASS v4+'s default, for a script whose events have no Format line of their own.
_DEFAULT_FORMAT = ("layer", "start", "end", "style", "name", "marginl", "marginr", "marginv", "effect", "text")
_NAME_FIELDS = ("name", "actor")  # the speaker's field (Aegisub shows it as "Actor")
# What SubStation Alpha itself wrote in the Name field of every line ("Marked=0,…,Default,NTP,0000,…"): no one.
_NO_NAME = "NTP"
_TIME = re.compile(r"[ \t]*(?P<h>\d{1,4}):(?P<m>\d{1,2}):(?P<s>\d{1,2})(?:[.,](?P<fraction>\d{1,3}))?[ \t]*")
# In a line's text: an override block or a note in braces, a hard or soft line break, a hard space.
_CODE = re.compile(r"\{(?P<block>[^{}\r\n]*)\}|\\[Nnh]")
_DRAWING = re.compile(r"\\p(?P<scale>\d+)")  # {\p1} opens drawing mode, {\p0} closes it


def read_ass(text: str, path: str | None = None) -> tuple[Cue, ...]:
    """The cues of an ASS or SSA script, each with its Name field as its voice (see the module's docstring)."""
    raw: list[tuple[int, int, str, int, int]] = []  # start_ms, end_ms, name, text start, text end
    fields: tuple[str, ...] = _DEFAULT_FORMAT
    in_events = seen_events = False
    for start, end in _line_spans(text):
        section = _SECTION.fullmatch(text, start, end)
        if section is not None:
            in_events = section["name"].strip().casefold() == _EVENTS
            seen_events = seen_events or in_events
            continue
        entry = _ENTRY.match(text, start, end) if in_events else None
        if entry is None:
            continue
        kind = entry["kind"].casefold()
        if kind == "format":
            fields = tuple(field.strip().casefold() for field in text[entry.end() : end].split(","))
            if "text" not in fields[-1:]:
                raise ParseError(
                    f"an [Events] Format line must end with the Text field: {describe_place(path, text, start)}"
                )
        elif kind == "dialogue":
            raw.append(_dialogue(text, entry.end(), end, fields, path))
    if not seen_events:
        raise ParseError(f"not an ASS/SSA script: it has no [Events] section: {describe_place(path, text, 0)}")
    names_anyone = any(name for _, _, name, _, _ in raw)
    cues = []
    for index, (start_ms, end_ms, name, text_start, text_end) in enumerate(raw):
        visible = _visible(text, text_start, text_end)
        if visible is not None:
            # Where the file names speakers, a line without a name is someone unnamed, not the speaker before.
            voice = name if name else ("" if names_anyone else None)
            cues.append(Cue(index, start_ms, end_ms, voice, *visible))
    return tuple(cues)


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, position = [], 1 if text.startswith("\ufeff") else 0
    for eol in _EOL.finditer(text, position):
        spans.append((position, eol.start()))
        position = eol.end()
    spans.append((position, len(text)))
    return spans


def _dialogue(
    text: str, start: int, end: int, fields: tuple[str, ...], path: str | None
) -> tuple[int, int, str, int, int]:
    """A Dialogue line's times, name and where its text runs: the fields before the text are split at commas, the
    text is the rest of the line."""
    values: list[tuple[int, int]] = []
    position = start
    for _ in range(len(fields) - 1):
        comma = text.find(",", position, end)
        if comma == -1:
            raise ParseError(
                f"a Dialogue line with fewer fields than its Format names ({len(fields)}): "
                f"{describe_place(path, text, start)}"
            )
        values.append((position, comma))
        position = comma + 1
    values.append((position, end))
    by_field = dict(zip(fields, values))
    times = [_time_ms(text, *by_field.get(field, (start, start)), path) for field in ("start", "end")]
    name_field = next((by_field[field] for field in _NAME_FIELDS if field in by_field), (start, start))
    name = " ".join(text[name_field[0] : name_field[1]].split())
    return times[0], times[1], "" if name == _NO_NAME else name, position, end


def _time_ms(text: str, start: int, end: int, path: str | None) -> int:
    time = _TIME.fullmatch(text, start, end)
    if time is None:
        raise ParseError(f"malformed ASS time, expected H:MM:SS.cc: {describe_place(path, text, start)}")
    fraction = time["fraction"] or ""
    # Two digits are centiseconds, as ASS prints them; three are milliseconds.
    milliseconds = int(fraction.ljust(3, "0")) if fraction else 0
    return ((int(time["h"]) * 60 + int(time["m"])) * 60 + int(time["s"])) * 1000 + milliseconds


def _visible(source: str, start: int, end: int) -> tuple[int, int, str] | None:
    """(first visible character, end of the last, text) of a line's text: override blocks and notes out, line breaks
    and hard spaces as spaces, blanks made single; None where nothing is visible."""
    pieces: list[str] = []
    first: int | None = None
    last = start
    drawing = False
    position = start

    def keep(a: int, b: int) -> None:
        nonlocal first, last
        if drawing or a >= b:
            return
        run = source[a:b]
        if run.strip():
            first = a + len(run) - len(run.lstrip()) if first is None else first
            last = a + len(run.rstrip())
        pieces.append(run)

    for code in _CODE.finditer(source, start, end):
        keep(position, code.start())
        block = code["block"]
        if block is None:
            pieces.append(" ")  # \N, \n, \h
        else:
            scales = _DRAWING.findall(block)
            drawing = int(scales[-1]) > 0 if scales else drawing
        position = code.end()
    keep(position, end)
    words = " ".join("".join(pieces).split())
    if first is None or not words:
        return None
    return first, last, words
