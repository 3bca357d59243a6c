"""The spoken texts of the International Corpus of English (ICE), in its markup (a ``.txt``, told by its content)::

    Text category: Direct conversations
    Speaker A: Female, 26-45, secondary school teacher

    <I>
    <ICE-GB:S1A-042 #1:1:A> <$A> <#> Did you get the <,> the tickets
    <ICE-GB:S1A-042 #2:1:A> <#> I left them on the table
    <ICE-GB:S1A-042 #3:1:B> <$B> <#> <[> Yeah </[> <O> laughter </O>
    <&> tape switched off </&>
    <ICE-GB:S1A-042 #4:1:B> <#> <{> <[> I got them </[>
    </I>

Lines before ``<I>`` (or before the first text unit, where there is no ``<I>``) are the text's header: its
category, its speakers' sex, age and occupation, metadata and no speech. ``<I>`` … ``</I>`` holds the text, a text
unit a line: the unit's id (``<ICE-GB:S1A-042 #3:1:B>``), the speaker's mark (``<$B>``) and ``<#>`` opening the
unit are no words; a unit without a speaker's mark goes on with the speaker before, and a line without marks goes
on with the unit above. ``<$?>`` is a speaker the transcriber could not identify (:mod:`transcript_kit.formats.corpus`).
A line of editorial comments only (``<&> … </&>``, over several lines too) is no speech, and no end of the speaker's
run. Consecutive units of one speaker make one turn (:class:`~transcript_kit.formats.subtitles.CueTurns`); the
label is the mark without its angle brackets (``$B``); every other mark stays in the words as printed: pauses
``<,>``, sounds ``<O> laughter </O>``, overlaps ``<[> … </[>`` and ``<{> … </{>``, ``<unclear> … </unclear>``.
"""

from __future__ import annotations

import re

from transcript_kit.errors import ParseError, describe_place
from transcript_kit.formats.corpus import corpus_turns
from transcript_kit.formats.lines import first_visible, line_spans, words
from transcript_kit.formats.reading import Reading

__all__ = ["looks_like_ice", "read_ice"]

_CODE = r"[A-Z?][A-Za-z0-9?]{0,7}"
# The marks that are no words: the text's opening and close, a speaker's mark, a unit's opening and its id (the
# component's name, the text's category and number, then the unit's place: "<ICE-GB:S1A-042 #3:1:B>").
_MARK = re.compile(
    rf"<(?:(?P<open>I)|(?P<close>/I)|\$(?P<code>{_CODE})|(?P<unit>#)|(?P<id>(?:ICE-[A-Za-z]{{2,4}}:)?[SW]\d[A-F]-\d{{3}}[^<>\r\n]{{0,40}}))>"
)
_BAD_MARK = re.compile(rf"<\$(?!{_CODE}>)|<ICE-(?![^<>\r\n]{{0,60}}>)")
_COMMENT_OPEN, _COMMENT_CLOSE = "<&>", "</&>"
_UNIT = "<#>"
_SNIFF_HEADER_LINES, _SNIFF_TEXT_LINES, _SNIFF_CHARS = 40, 20, 1 << 16
_MIN_UNITS = 2


def looks_like_ice(text: str) -> bool:
    """Whether a text document is an ICE text: among its opening lines, after a header of at most forty lines, its
    text opens (``<I>``, or a line opening with a unit's id, a speaker's mark or ``<#>``) and its first lines hold
    two units ``<#>`` or more and a speaker's mark ``<$A>``."""
    if text.find(_UNIT, 0, _SNIFF_CHARS) == -1:  # the common case, told at once
        return False
    header = units = speakers = body = 0
    for start, end in line_spans(text):
        opening = first_visible(text, start, end)
        if opening is None:
            continue
        if not body and _MARK.match(text, opening, end) is None:
            header += 1
            if header > _SNIFF_HEADER_LINES:
                return False
            continue
        body += 1
        units += text.find(_UNIT, start, end) != -1
        speakers += any(mark["code"] for mark in _MARK.finditer(text, start, end))
        if body >= _SNIFF_TEXT_LINES:
            break
    return units >= _MIN_UNITS and speakers > 0


def _comment_only(text: str, start: int, end: int) -> tuple[bool, int | None]:
    """Whether the line ``text[start:end]`` holds editorial comments only, and where a comment it opens and does
    not close begins (it goes on over the lines below)."""
    position = start
    while True:
        opening = first_visible(text, position, end)
        if opening is None:
            return True, None
        if not text.startswith(_COMMENT_OPEN, opening):
            return False, None
        close = text.find(_COMMENT_CLOSE, opening, end)
        if close == -1:
            return True, opening
        position = close + len(_COMMENT_CLOSE)


def read_ice(text: str, path: str | None = None) -> Reading:
    """The turns of an ICE text (see the module's docstring)."""
    turns = corpus_turns(text)
    speaker: str | None = None
    in_text = ended = unit_seen = False
    comment: int | None = None  # where an editorial comment that goes on over lines opened

    def piece(start: int, end: int) -> None:
        said = words(text, start, end)
        if said is None:
            return
        if ended:
            raise ParseError(f"ICE text after its end ('</I>'): {describe_place(path, text, said[1])}")
        if not unit_seen:
            raise ParseError(
                "ICE words before the first text unit (a unit opens with '<#>', after its speaker's mark '<$A>'): "
                f"{describe_place(path, text, said[1])}"
            )
        turns.add(speaker, *said)

    for start, end in line_spans(text):
        position = start
        if comment is not None:
            close = text.find(_COMMENT_CLOSE, start, end)
            if close == -1:
                continue
            comment, position = None, close + len(_COMMENT_CLOSE)
        opening = first_visible(text, position, end)
        if opening is None:
            continue
        if not in_text and _MARK.match(text, opening, end) is None:
            continue  # the header: category, speakers, metadata
        in_text = True
        only_comments, comment = _comment_only(text, opening, end)
        if only_comments:
            continue
        bad = _BAD_MARK.search(text, opening, end)
        if bad is not None:
            raise ParseError(
                "an ICE speaker's mark is '<$A>' (a capital letter or '?', then letters or digits) and a unit's id "
                f"'<ICE-GB:S1A-042 #3:1:B>': {describe_place(path, text, bad.start())}"
            )
        for mark in _MARK.finditer(text, opening, end):
            piece(opening, mark.start())
            opening = mark.end()
            if mark["open"]:
                ended = False
            elif mark["close"]:
                ended = True
            else:
                unit_seen = True
                if mark["code"]:
                    speaker = "$" + mark["code"]
        piece(opening, end)
    if comment is not None:
        raise ParseError(
            f"an ICE editorial comment ('<&>') that never closes ('</&>'): {describe_place(path, text, comment)}"
        )
    table = turns.done()
    return Reading(table, warnings=() if table else ("ICE text without a text unit of anyone's words",))
