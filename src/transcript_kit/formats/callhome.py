"""The LDC's transcripts of telephone conversations: CALLHOME, CallFriend, Fisher (a ``.txt``, told by its
content)::

    # Callhome English transcript en_4065
    # Starting at 233 Ending at 833

    233.66 235.76 A: Oh, I see. ((so)) you're %um
    235.76 237.21 B: {laugh} [[noise]] you &Toronto
    237.21 239.02 B: yeah

Lines opening with ``#`` are comments (the header, and now and then a note in the body); every other line is one
segment: its start and end in seconds, the speaker's channel and a colon (``A:``, ``B:``), the words. Consecutive
segments of one speaker make one turn (:class:`~transcript_kit.formats.subtitles.CueTurns`), timed from the first's
start to the last's end; the label is the channel as printed, a speaker code (:mod:`transcript_kit.formats.corpus`);
the words keep the transcription's marks as printed: uncertain words ``((…))``, sounds ``{laugh}``, noises
``[[…]]``, names ``&Toronto``, fillers ``%um``.

The segments are fields, read as such (their times become the turns' ``start_ms`` and ``end_ms``), which the text
parser's conventions, made for labels in running text, do not read; so this is a reader, not a convention profile.
A ``.txt`` is read so only where its opening lines are such segments (:func:`looks_like_callhome`).
"""

from __future__ import annotations

import re

from transcript_kit.errors import ParseError, describe_place
from transcript_kit.formats.corpus import corpus_turns
from transcript_kit.formats.lines import SECONDS, first_visible, line_spans, seconds_ms, words
from transcript_kit.formats.reading import Reading

__all__ = ["looks_like_callhome", "read_callhome"]

_COMMENT = "#"
_SEGMENT = re.compile(
    rf"\s*(?P<start>{SECONDS})\s+(?P<end>{SECONDS})\s+(?P<speaker>[A-Za-z][A-Za-z0-9_]{{0,15}}):(?=\s|$)"
)
# A text is such a transcript where its first content lines (comments and blank lines aside, among its opening
# lines) are all segments, and at least two of them: a briefing or an interview never opens with two lines of times
# and a speaker's channel.
_SNIFF_SEGMENTS, _MIN_SEGMENTS, _SNIFF_LINES = 3, 2, 400
_OPENING = re.compile(r"\s*[#0-9]")


def looks_like_callhome(text: str) -> bool:
    """Whether a text document is a CALLHOME-style transcript: its first three content lines (its first two, where
    it has no more) are segments, comments and blank lines aside."""
    if _OPENING.match(text, 1 if text.startswith("\ufeff") else 0) is None:  # the common case, told at once
        return False
    content = segments = 0
    for number, (start, end) in enumerate(line_spans(text)):
        if number >= _SNIFF_LINES or content >= _SNIFF_SEGMENTS:
            break
        opening = first_visible(text, start, end)
        if opening is None or text.startswith(_COMMENT, opening):
            continue
        content += 1
        if _SEGMENT.match(text, start, end) is None:
            return False
        segments += 1
    return segments >= _MIN_SEGMENTS


def read_callhome(text: str, path: str | None = None) -> Reading:
    """The turns of a CALLHOME, CallFriend or Fisher transcript (see the module's docstring)."""
    turns = corpus_turns(text)
    for start, end in line_spans(text):
        opening = first_visible(text, start, end)
        if opening is None or text.startswith(_COMMENT, opening):
            continue
        segment = _SEGMENT.match(text, start, end)
        if segment is None:
            raise ParseError(
                "a CALLHOME-style transcript's line is a comment ('# …') or a segment: its start and end in seconds, "
                f"the speaker and a colon, the words ('612.83 616.55 B: …'): {describe_place(path, text, opening)}"
            )
        said = words(text, segment.end(), end)
        if said is not None:
            turns.add(segment["speaker"], *said, seconds_ms(segment["start"]), seconds_ms(segment["end"]))
    table = turns.done()
    return Reading(
        table, warnings=() if table else ("CALLHOME-style transcript without a segment of anyone's words",)
    )
