"""The Santa Barbara Corpus of Spoken American English (SBCSAE) transcripts, ``.trn``::

    0.00 9.21	LENORE:  	... So you don't need to go ... borrow equipment from anybody,
    9.21 9.52	         	to --
    9.52 11.33	LYNNE:   	(H) [to do the feet]?
    11.33 12.02	>ENV:    	((DOOR_SLAMS))
    12.02 13.40	         	[@@@]
    243.055	244.080	KEN:	(H) the little,

One intonation unit a line: its start and end in seconds, the speaker's code and a colon, the words. The releases
lay the fields out differently: the two times in one field apart by a space, or each in its own, tabs or spaces
between the fields, the code's field padded with blanks. A blank speaker field goes on with the speaker before;
a code opening with ``>`` (``>ENV:`` the environment, ``>DOG:``, ``>BABY:``) is a sound heard, no one's speech, and
no end of the speaker's run either: a blank speaker field after it goes on with the speaker before it. ``X:`` is a
speaker the transcriber could not identify (:mod:`transcript_kit.formats.corpus`). Consecutive units of one speaker
make one turn (:class:`~transcript_kit.formats.subtitles.CueTurns`); the label is the code without its colon
(``LENORE``); the words keep the transcription's marks as printed: breaths ``(H)``, laughter ``@@``, overlaps in
square brackets, comments ``((DOOR_SLAMS))``, pauses ``...``, truncation ``--``.
"""

from __future__ import annotations

import re

from transcript_kit.errors import ParseError, describe_place
from transcript_kit.formats.corpus import corpus_turns
from transcript_kit.formats.lines import SECONDS, first_visible, line_spans, seconds_ms, words
from transcript_kit.formats.reading import Reading

__all__ = ["read_trn"]

_TIMES = re.compile(rf"\s*(?P<start>{SECONDS})\s+(?P<end>{SECONDS})(?=\s|$)")
# A speaker's code in capitals (with digits, "_" or "#": "JILL_S", "X_2", "AUD1", "#READ"), or a sound's after ">".
_CODE = re.compile(r"\s*(?P<code>(?P<sound>>)?[A-Z#][A-Z0-9_#]{0,23}):(?=\s|$)")


def read_trn(text: str, path: str | None = None) -> Reading:
    """The turns of a Santa Barbara Corpus transcript (see the module's docstring)."""
    turns = corpus_turns(text)
    speaker: str | None = None
    units = 0
    for start, end in line_spans(text):
        opening = first_visible(text, start, end)
        if opening is None:
            continue
        times = _TIMES.match(text, start, end)
        if times is None:
            raise ParseError(
                ("" if units else "not a Santa Barbara Corpus transcript? ")  # what its first line shows
                + "a Santa Barbara Corpus transcript (.trn) line opens with the start and end of its unit in seconds "
                f"('9.21 9.52', then the speaker's code or a blank field, then the words): "
                f"{describe_place(path, text, opening)}"
            )
        units += 1
        code = _CODE.match(text, times.end(), end)
        if code is not None and code["sound"]:
            continue  # a sound heard: no one's words, and the speaker before goes on after it
        if code is not None:
            speaker = code["code"]
        said = words(text, code.end() if code else times.end(), end)
        if said is not None:
            turns.add(speaker, *said, seconds_ms(times["start"]), seconds_ms(times["end"]))
    table = turns.done()
    if table:
        return Reading(table)
    what = "unit" if units else "timed line ('9.21 9.52  SPEAKER:  words')"
    return Reading(
        table, warnings=(f"Santa Barbara Corpus transcript without speech: no {what} of anyone's words",)
    )
