"""The LDC's Switchboard transcripts, one conversation a file (a ``.txt``, told by its content)::

    FILENAME:	4325_1632_1519
    TOPIC#:		323
    DATE:		920323
    TRANSCRIBER:	glp
    DIFFICULTY:	1
    REMARKS:	A: dog barking in the background.

    =========================================================================

    A.1 utt1:  Okay.  /
    B.2 utt1:  {F Um, } [ I, + I ] think so. /
        utt2:  <laughter> # you know # -/
    A.3 utt1:  Yeah. /

A header block of fields (the conversation's file, topic, date, transcriber, the ratings of its sound, remarks)
closed by a row of ``=`` is no speech, whatever its remarks print. Under it each turn opens with its speaker's
channel and number (``A.1``: the first turn, channel A) and its first utterance (``utt1:``); the turn's next
utterances are on indented lines of their own (``utt2:``), and an utterance's words may go on over indented lines.
The Switchboard Dialog Act Corpus prints each utterance with its turn and a dialogue act's tag before it (``sd
A.1 utt2:``): an utterance of the turn before joins it. Each numbered turn is one turn; the label is the channel
(``A``, a speaker code: :mod:`transcript_kit.formats.corpus`); the fields ``A.1`` and ``utt1:`` are no words, and
the words keep the transcription's marks as printed: fillers ``{F uh, }``, discourse markers ``{D so, }``,
restarts ``[ x + y ]``, sounds ``<laughter>``, slash units ``/`` and ``-/``, overlaps ``#…#``.
"""

from __future__ import annotations

import re

from transcript_kit.errors import ParseError, describe_place
from transcript_kit.formats.corpus import corpus_turns
from transcript_kit.formats.lines import first_visible, line_spans, words
from transcript_kit.formats.reading import Reading

__all__ = ["looks_like_switchboard", "read_switchboard"]

_HEADER = re.compile(r"\s*FILENAME:")  # the header's first field
_RULE = re.compile(r"\s*={8,}\s*")  # the row of "=" under the header
# A turn's first utterance (a dialogue act's tag may come first), and an indented next utterance of the same turn.
_TURN = re.compile(r"[ \t]*(?:[^\s.]\S{0,15}[ \t]+)?(?P<channel>[A-Z])\.(?P<number>\d{1,6})[ \t]+utt\d{1,6}:")
_UTTERANCE = re.compile(r"\s+utt\d{1,6}:")
_SNIFF_LINES = 80  # the header is a dozen lines or two


def looks_like_switchboard(text: str) -> bool:
    """Whether a text document is a Switchboard transcript: it opens with its header (``FILENAME:``), a row of
    ``=`` closes the header among its opening lines, and the first line under it opens a turn (``A.1 utt1:``)."""
    if _HEADER.match(text, 1 if text.startswith("\ufeff") else 0) is None:  # the common case, told at once
        return False
    ruled = False
    for number, (start, end) in enumerate(line_spans(text)):
        if number >= _SNIFF_LINES:
            return False
        if not ruled:
            ruled = _RULE.fullmatch(text, start, end) is not None
        elif first_visible(text, start, end) is not None:
            return _TURN.match(text, start, end) is not None
    return False


def read_switchboard(text: str, path: str | None = None) -> Reading:
    """The turns of a Switchboard transcript (see the module's docstring)."""
    lines = line_spans(text)
    for start, end in lines:
        if _RULE.fullmatch(text, start, end):
            break
    else:
        raise ParseError(
            "a Switchboard transcript's header ('FILENAME:', 'TOPIC#:', …) ends with a row of '=': none found in "
            f"{describe_place(path, text, 0)}"
        )
    turns = corpus_turns(text)
    turn: tuple[str, str] | None = None  # the channel and number of the turn being read
    for start, end in lines:
        opening = first_visible(text, start, end)
        if opening is None:
            continue
        opens = _TURN.match(text, start, end)
        goes_on = _UTTERANCE.match(text, start, end) if opens is None else None
        if opens is not None:
            joins = turn == (opens["channel"], opens["number"])
            turn = (opens["channel"], opens["number"])
            said = words(text, opens.end(), end)
        elif turn is not None and opening > start:  # indented: the turn's next utterance, or more words
            joins, said = True, words(text, goes_on.end() if goes_on else opening, end)
        else:
            raise ParseError(
                "a Switchboard line under the header opens a turn with its channel, number and first utterance "
                "('A.1 utt1:'), or goes on with the turn indented ('    utt2:'): "
                f"{describe_place(path, text, opening)}"
            )
        # A turn whose first utterance holds no words is still a turn of its own.
        turns.add(turn[0], *(said or ("", opening, opening)), joins=joins)
    table = turns.done()
    return Reading(
        table, warnings=() if table else ("Switchboard transcript without a turn of anyone's words",)
    )
