"""What every parse must keep, whatever the input."""

from __future__ import annotations

import html
import itertools
import re
import time
from collections.abc import Callable
from html.parser import HTMLParser

from transcript_kit.errors import TranscriptKitError
from transcript_kit.model import Document
from transcript_kit.parse import parse_bytes

TIME_LIMIT = 1.0  # seconds per input
# Markup readers (and subtitle cues, with their tags and entities) point into the markup: a span is compared without its tags and with entities decoded.
_MARKUP_FORMATS = frozenset({"html", "tei", "srt", "vtt", "sbv", "ttml", "eaf", "trs", "fdx"})
# Tiers printed one after another, their turns in time order: a turn's span may lie before the one before it (never
# overlapping any other).
_TIME_ORDERED_FORMATS = frozenset({"textgrid", "eaf"})
# A speech recognizer's JSON: a turn's words are pieced from string values (a word, then the punctuation mark the tool
# lists apart and glues to it: "afternoon" "," is "afternoon,"), with the JSON between them in the span; its
# characters are looked for in order, in the span with its escapes read.
_PIECED_FORMATS = frozenset({"json"})
_JSON_SURROGATES = re.compile(r"\\u(d[89ab][0-9a-f]{2})\\u(d[c-f][0-9a-f]{2})", re.I)
_JSON_ESCAPE = re.compile(r'\\(?:u([0-9a-fA-F]{4})|(["\\/bfnrt]))')
_JSON_CHARACTERS = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_ASS_CODE = re.compile(r"\{[^{}\r\n]*\}")
_ASS_DRAWING = re.compile(r"\{[^{}\r\n]*\\p[1-9][^{}\r\n]*\}.*?(?:\{[^{}\r\n]*\\p0[^{}\r\n]*\}|$)", re.S)
_ASS_BREAK = re.compile(r"\\[Nnh]")
_FDX_RUNS = re.compile(r"</Text>.*?<Text\b[^>]*>", re.S)
# A format whose reader shows a word otherwise than it is printed: a span is compared as its reader would show it.
_SHOWN: dict[str, Callable[[str], str]] = {
    # override blocks and what is drawn in drawing mode out, \N a line break
    "ass": lambda span: _ASS_CODE.sub("", _ASS_DRAWING.sub("", _ASS_BREAK.sub(" ", span))),
    "textgrid": lambda span: span.replace('""', '"'),  # a quote inside a string is doubled
    "fdx": lambda span: _FDX_RUNS.sub("", span),  # a paragraph's text runs join as printed (what is between, no text)
    "json": lambda span: _JSON_ESCAPE.sub(
        lambda m: chr(int(m[1], 16)) if m[1] else _JSON_CHARACTERS.get(m[2], m[2]),
        _JSON_SURROGATES.sub(
            lambda m: chr(0x10000 + ((int(m[1], 16) - 0xD800) << 10) + int(m[2], 16) - 0xDC00), span
        ),
    ),
}
_TAG = re.compile(r"<[^>]*>")
# What markup calls a tag: "<" then a letter (or "/" and a letter; "!" or "?" for comments and declarations).
# "<....p>" is text to html.parser, to the subtitle readers and to a browser, so its words stay visible.
_MARKUP_TAG = re.compile(r"</?[A-Za-z][^<>]*>|<[!?][^>]*>")


class _DataOnly(HTMLParser):
    """The text html.parser itself sees in a span: its call on what a tag is in broken markup ("<<ble]\n<p>" is
    one tag to it, as to a browser), which neither tag pattern above can copy. A script's or a style sheet's
    contents are not text on the page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hidden += tag in self.CDATA_CONTENT_ELEMENTS

    def handle_endtag(self, tag: str) -> None:
        self.hidden -= tag in self.CDATA_CONTENT_ELEMENTS and self.hidden > 0

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def _parsed_text(span: str) -> str:
    reader = _DataOnly()
    reader.feed(span)
    reader.close()
    return "".join(reader.parts)


class InvariantBroken(AssertionError):
    """A parse broke one of the invariants: the message says which."""


_HYPHEN_BREAK = re.compile(r"-[ \t]*\r?\n[ \t]*(?=[^\W\d_])")
_NUMBERED_HYPHEN_BREAK = re.compile(r"-[ \t]*\r?\n(?:[ \t]*\d{1,3}[ \t]+)?[ \t]*(?=[^\W\d_])")


def _missing_word(words: list[str], span: str) -> str | None:
    """The first of ``words`` not found in ``span`` after the one before it, or None."""
    position = 0
    for word in words:
        found = span.find(word, position)
        if found == -1:
            return word
        position = found + len(word)
    return None


def check_document(document: Document) -> None:
    """Offsets inside the text and in order (a format of timed tiers: in time order), no two turns overlapping,
    every word of a turn inside its span."""
    text = document.text
    previous_end = 0
    time_ordered = document.format in _TIME_ORDERED_FORMATS
    for turn in document.turns:
        if not 0 <= turn.char_start <= turn.char_end <= len(text):
            raise InvariantBroken(
                f"turn {turn.index}: span {turn.char_start}-{turn.char_end} outside the text"
            )
        if turn.char_start < previous_end and not time_ordered:
            raise InvariantBroken(f"turn {turn.index} starts at {turn.char_start}, inside the previous turn")
        previous_end = turn.char_end
        printed = span = text[turn.char_start : turn.char_end]
        position = 0
        span = _SHOWN[document.format](span) if document.format in _SHOWN else span
        if document.format in _PIECED_FORMATS:
            for char in turn.text:
                if char.isspace():
                    continue
                found = span.find(char, position)
                if found == -1:
                    raise InvariantBroken(
                        f"turn {turn.index}: {char!r} of its text is not in its span (in order)"
                    )
                position = found + 1
            continue
        if document.format in _MARKUP_FORMATS:
            # A markup parser's text is the markup less its tags, entities decoded; what a tag is in broken
            # markup is the parser's call, so a word is looked for with and without what looks like tags.
            words, plain = turn.text.split(), html.unescape(span)
            bare, tagless = html.unescape(_TAG.sub("", span)), html.unescape(_MARKUP_TAG.sub("", span))
            missing = [w for w in words if not any(w in form for form in (span, plain, bare, tagless))]
            if missing and document.format == "html":
                parsed = _parsed_text(span)
                missing = [w for w in missing if w not in parsed]
            if missing:
                raise InvariantBroken(f"turn {turn.index}: word {missing[0][:40]!r} is not in its span")
            continue
        words = turn.text.split()
        if "-" not in span:
            missing = _missing_word(words, span)
        else:
            # A word a line break hyphenated is made whole in the text ("neces-" over "sary", with a line number
            # between in a numbered transcript): compared without the break and without hyphens on both sides.
            words = [bare for word in words if (bare := word.replace("-", ""))]
            missing = _missing_word(words, _HYPHEN_BREAK.sub("-", span).replace("-", ""))
            if missing is not None:
                missing = _missing_word(words, _NUMBERED_HYPHEN_BREAK.sub("-", span).replace("-", ""))
        if missing is not None and span is not printed:
            # What the reader shows is read field by field: an override block opened in a line's effect field
            # ("…,0,{\p1\pos(0" / "0)}m 0 0 l …") is no block of its text, whose words are then as printed.
            missing = _missing_word(words, printed)
        if missing is not None:
            raise InvariantBroken(f"turn {turn.index}: word {missing[:40]!r} is not in its span (in order)")
    if time_ordered:
        spans = sorted((turn.char_start, turn.char_end, turn.index) for turn in document.turns)
        for (_, end, before), (start, _, after) in itertools.pairwise(spans):
            if start < end:
                raise InvariantBroken(f"turn {after} starts at {start}, inside turn {before}")


def _timed_parse(data: bytes, name: str) -> tuple[Document | None, float]:
    # The parse's own CPU time, not the wall clock: a hang is work, and a run sharing its machine (a busy CI
    # runner, a long run at low priority beside other jobs) waits without working. In the long run of session 3,
    # 22 inputs "took" 1-3.5 s of wall time at nice 19 and 0.04-0.11 s of CPU.
    began = time.thread_time()
    try:
        document = parse_bytes(data, doc_id="fuzz", path=name)
    except TranscriptKitError:
        document = None
    return document, time.thread_time() - began


def check_input(data: bytes, name: str) -> Document | None:
    """Parse one input and check it: only the project's errors may escape, within the time limit."""
    document, seconds = _timed_parse(data, name)
    if seconds > TIME_LIMIT:
        # Work that is not the input's (the collector, a grammar built on first use) is not a hang either: a slow
        # input is timed again, and only an input slow both times breaks the limit.
        document, again = _timed_parse(data, name)
        seconds = min(seconds, again)
    if seconds > TIME_LIMIT:
        raise InvariantBroken(f"took {seconds:.2f}s (limit {TIME_LIMIT}s) on {len(data)} bytes")
    if document is not None:
        check_document(document)
    return document
