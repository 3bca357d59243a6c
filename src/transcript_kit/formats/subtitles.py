"""Subtitle formats: SRT, WebVTT and YouTube's SBV cues, and the turns they make.

A reader yields :class:`Cue` records whose ``text_start``/``text_end`` point into the decoded source (code
points), so a turn built from cues can name its span like any other turn. The text of a cue is what a viewer
would read: tags stripped, HTML entities unescaped, whitespace collapsed.

The readers follow one block structure (cues apart by blank lines; an optional identifier or index line; a
timing line, ``start --> end`` or SBV's ``start,end``; payload lines) and differ only in the timing line and the
WebVTT header and its NOTE/STYLE/REGION blocks. They are lenient where real files are sloppy (a missing blank line between cues, a blank line inside a
payload, ``,`` or ``.`` before the milliseconds) and strict where guessing would corrupt data: a timing line
that does not parse raises :class:`~transcript_kit.errors.ParseError` naming the file, line, column and text.
"""

from __future__ import annotations

import bisect
import html
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping

import attrs

from transcript_kit.candidates import refusal, strength
from transcript_kit.columns import TurnTable
from transcript_kit.conventions.vocabulary import VOCABULARY, expand
from transcript_kit.errors import ParseError, describe_place
from transcript_kit.keys import fold
from transcript_kit.labels import holds_a_sentence_end, parse_label
from transcript_kit.model import Label, TurnKind
from transcript_kit.textutil import CAPTION_MARK, collapse_blanks

__all__ = ["READERS", "Cue", "CueTurns", "read_sbv", "read_srt", "read_vtt", "subtitle_turns", "visible_spans"]

_EOL = re.compile(r"\r\n|\r|\n")  # CR, LF and CRLF all end a line (WebVTT allows each)
_INDEX = re.compile(r"[ \t]*[0-9]+[ \t]*")  # SRT's cue number
_VTT_HEADER = re.compile(r"WEBVTT(?:[ \t].*)?")
_VTT_SKIPPED_BLOCK = re.compile(r"(?:NOTE(?:[ \t].*)?|STYLE[ \t]*|REGION[ \t]*)")
# The timestamps are matched loosely here and checked one by one, so an error can point at the bad one.
_TIMING = re.compile(r"[ \t]*(?P<start>[^ \t]+?)[ \t]*-->[ \t]*(?P<end>[^ \t]+?)(?:[ \t]+.*)?")
# YouTube's SubViewer (.sbv) times a cue on a line of its own, the two times apart by a comma:
# "0:00:01.240,0:00:04.110". A line so shaped opens a cue; any other line is the cue's text.
_SBV_TIMING = re.compile(r"[ \t]*(?P<start>\d{1,2}:\d{2}:\d{2}[.,]\d{3}),(?P<end>\d{1,2}:\d{2}:\d{2}[.,]\d{3})[ \t]*")


@attrs.frozen(slots=True)
class _Syntax:
    """How a subtitle format prints a cue's timing line: what every such line holds (a cheap first look), the
    pattern that reads it, and whether a WebVTT header and its blocks come first."""

    marker: str
    timing: re.Pattern[str]
    vtt: bool = False
    numbered: bool = True  # a cue may have an index or identifier line over its timing


_SRT = _Syntax("-->", _TIMING)
_VTT = _Syntax("-->", _TIMING, vtt=True)
_SBV = _Syntax(",", _SBV_TIMING, numbered=False)
_TIME = re.compile(r"(?:(?P<h>[0-9]+):)?(?P<m>[0-9]{2}):(?P<s>[0-9]{2})[,.](?P<ms>[0-9]{3})")
# Markup inside a payload: WebVTT/SRT tags (<i>, </b>, <c.x>, <v Name>, <font ...>), WebVTT karaoke timestamps
# (<00:01.500>) and the ASS override codes ({\an8}) that SRT converters leave behind.
_TAG = re.compile(r"</?[A-Za-z][^<>\r\n]*>|<\d[\d:.]*>|\{\\[^{}\r\n]*\}")
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?(?:[ \t]+(?P<name>[^>]*))?>")
# html.unescape's own character-reference pattern (html._charref): unescaping match by match gives exactly
# html.unescape's result while keeping track of where each character came from.
_CHARREF = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")

# A "Name:" prefix at the start of a cue: the candidate runs to the first colon; _is_speaker_label decides.
_PREFIX = re.compile(r"(?P<label>[^\W_][^:]{0,59}):(?= |$)")
# ... and as a meeting app prints its user before every cue, where nearly every cue of a file has one.
_SENDER_PREFIX = re.compile(r"(?P<label>[^\s:<>\[(][^:]{0,79}?):(?= )")
_SENDER_CUES, _SENDER_SHARE = 5, 0.9
# Subtitles for the deaf print two speakers in one cue on lines opened by a dash ("- MAYA: What was that?" /
# "- TOM: Nothing."), and what is heard but not said alone in brackets or between music notes ("[engine dies]",
# "♪ PIANO MUSIC ♪"): the shapes are vocabulary patterns.
_DIALOGUE_DASH = re.compile(expand(r"(?:^|(?<= ))@dialogue_dash@[ \t]+"))
# Captions for broadcast (CEA-608 and the files made from them) mark each change of speaker with ">>", at a cue's
# start or inside it; read so where at least this many cues open with the mark.
_CAPTION_MARKS = re.compile(r"(?:^|(?<= ))>>+[ \t]*")
_MARKED_CUES = 2
_HEARD = re.compile(expand("@heard_not_said@"))


@attrs.frozen(slots=True)
class Cue:
    """One subtitle cue, or one voice span of a cue that holds several (``<v A>…<v B>…``).

    ``index`` is the cue's position among the file's timing lines, from 0 (voice spans of one cue share it).
    ``source[text_start:text_end]`` runs from the first to the last visible character of the payload; with its
    tags stripped and entities unescaped it equals ``text`` up to whitespace.
    """

    index: int
    start_ms: int
    end_ms: int
    voice: str | None
    text_start: int
    text_end: int
    text: str


@attrs.frozen(slots=True)
class _Visible:
    """Visible text of a payload stretch: tags stripped, entities unescaped, whitespace collapsed; the source
    span from its first to its last visible character. The source place of any other character is worked out
    on demand (:meth:`start_of`), not stored: a table of two offsets per character cost a hundred times the
    size of an 8 MB cue."""

    voice: str | None
    text: str
    start: int
    end: int
    stripped: str  # the stretch without its tags (entities still escaped)
    pieces: tuple[tuple[int, int], ...]  # (index in stripped, source offset) where each tag-free piece begins

    def source_offset(self, index: int) -> int:
        """Where ``stripped[index]`` is in the source."""
        piece = bisect.bisect_right(self.pieces, (index, sys.maxsize)) - 1
        begins, source = self.pieces[piece]
        return source + index - begins

    def start_of(self, index: int) -> int:
        """Where the visible character ``text[index]`` starts in the source (a collapsed space: where the next
        character starts). Walks the text up to ``index``: callers ask for places near the start."""
        for number, (_, start, _end) in enumerate(_collapsed(self._characters())):
            if number == index:
                return start
        return self.end

    def _characters(self) -> Iterator[tuple[str, int, int]]:
        """Each character of the stripped text with entities unescaped, and its source span."""
        position = 0
        for ref in _CHARREF.finditer(self.stripped):
            for k in range(position, ref.start()):
                offset = self.source_offset(k)
                yield self.stripped[k], offset, offset + 1
            span_start, span_end = self.source_offset(ref.start()), self.source_offset(ref.end() - 1) + 1
            for char in html.unescape(ref[0]):
                yield char, span_start, span_end
            position = ref.end()
        for k in range(position, len(self.stripped)):
            offset = self.source_offset(k)
            yield self.stripped[k], offset, offset + 1


@attrs.define(slots=True)
class _RawCue:
    start_ms: int
    end_ms: int
    payload: list[tuple[int, int]]  # line spans


def read_srt(text: str, path: str | None = None) -> tuple[Cue, ...]:
    """Read the cues of a SubRip (.srt) document."""
    return _cues(text, _read_blocks(text, path, _SRT))


def read_vtt(text: str, path: str | None = None) -> tuple[Cue, ...]:
    """Read the cues of a WebVTT (.vtt) document; the ``WEBVTT`` header line is required."""
    return _cues(text, _read_blocks(text, path, _VTT))


def read_sbv(text: str, path: str | None = None) -> tuple[Cue, ...]:
    """Read the cues of a YouTube SubViewer (.sbv) document."""
    return _cues(text, _read_blocks(text, path, _SBV))


READERS = {"srt": read_srt, "vtt": read_vtt, "sbv": read_sbv}  # by format name (see formats.SUFFIX_FORMATS)


class CueTurns:
    """Turns made of consecutive pieces of one speaker's speech, the way every timed format groups them (subtitle
    cues, annotation tiers, CHAT utterances).

    A piece joins the turn before it when its speaker is that turn's and its reader does not part them
    (``joins=False``: a caption's ``>>`` mark, a piece from another place in the source). A turn's text is its
    pieces' texts joined by spaces, its span runs from the first piece's text to the last one's, its times from the
    first piece's start to the last one's end. Speech before any speaker is known is a ``monologue``; the speaker
    ``""`` is someone unnamed (a turn without a label). A sound or music alone in a piece ("[engine sputters]") is a
    stage record between turns, heard but said by no one, unless the format's marks are the speaker's own
    (``sounds_apart=False``: a speech corpus's transcription, where brackets mark an overlap and a laugh alone on a
    line is the speaker's laugh). Labels are read by the label grammar, unless the document explains one itself
    (``parsed_labels``: a CHAT participant's name and role) or the format's labels are codes read otherwise
    (``read_label``: a corpus's speaker codes, :func:`transcript_kit.formats.corpus.code_label`)."""

    def __init__(
        self,
        source: str,
        parsed_labels: Mapping[str, Label] | None = None,
        *,
        read_label: Callable[[str], Label | None] = parse_label,
        sounds_apart: bool = True,
    ) -> None:
        self.table = TurnTable(source)
        self.speaker: str | None = None
        self._parsed_labels = parsed_labels if parsed_labels is not None else {}
        self._read_label = read_label
        self._sounds_apart = sounds_apart
        self._pieces: list[tuple[str, int, int, int | None, int | None]] = []  # text, start, end, start_ms, end_ms
        self._notes: list[str] = []

    def add(
        self,
        speaker: str | None,
        text: str,
        start: int,
        end: int,
        start_ms: int | None = None,
        end_ms: int | None = None,
        *,
        joins: bool = True,
        notes: Iterable[str] = (),
    ) -> None:
        """One piece of speech (``text``, printed at ``start:end`` of the source); ``notes`` go to its turn."""
        if not joins or speaker != self.speaker:
            self.flush()
            self.speaker = speaker
        if text and self._sounds_apart and _HEARD.fullmatch(text):  # "[engine sputters]": heard, by nobody in particular
            self.flush()
            self.table.add(TurnKind.STAGE, text, start, end, start_ms=start_ms, end_ms=end_ms)
        elif text:
            self._pieces.append((text, start, end, start_ms, end_ms))
            self._notes.extend(note for note in notes if note not in self._notes)

    def flush(self) -> None:
        """The pieces so far make a turn; the next piece starts another."""
        pieces, speaker = self._pieces, self.speaker
        if pieces:
            parsed = self._parsed_labels.get(speaker) if speaker else None
            self.table.add(
                TurnKind.MONOLOGUE if speaker is None else TurnKind.TURN,
                " ".join(p[0] for p in pieces),
                pieces[0][1],
                pieces[-1][2],
                label=speaker or None,
                parsed_label=parsed or (self._read_label(speaker) if speaker else None),
                notes=tuple(self._notes),
                start_ms=pieces[0][3],
                end_ms=pieces[-1][4],
            )
            pieces.clear()
            self._notes.clear()

    def done(self) -> TurnTable:
        self.flush()
        return self.table.done()


def subtitle_turns(cues: Iterable[Cue], source_text: str) -> TurnTable:
    """Group cues into turns by speaker (:class:`CueTurns`).

    The speaker is a cue's voice, else a ``Name:`` prefix on its text; either holds for the following cues
    until the next one. Consecutive cues of one speaker make one turn, whose text is their texts joined by
    spaces and whose span runs from the first cue's text (after the prefix) to the last cue's. Cues before any
    speaker is known make a ``monologue``. Each turn's label is parsed as a text document's is.
    """
    turns = CueTurns(source_text)
    speaker: str | None = None
    cues = list(cues)
    marked = sum(1 for cue in cues if cue.text.startswith(CAPTION_MARK)) >= _MARKED_CUES
    # A meeting app's export prints who speaks before every cue ("Dr. Ana Ruiz (she/her): …", "María José’s
    # iPhone: …", "+1 202-555-0143: …"): there the prefix is the speaker as the app names them, whatever the label
    # grammar reads.
    named = sum(1 for cue in cues if _SENDER_PREFIX.match(cue.text))
    senders = len(cues) >= _SENDER_CUES and named >= _SENDER_SHARE * len(cues)
    for whole in cues:
        for cue in _dialogue_lines(whole, source_text, marked):
            text, start = cue.text, cue.text_start
            cue_speaker = cue.voice
            prefix = None if cue_speaker else (_SENDER_PREFIX if senders else _PREFIX).match(text)
            if prefix and (senders or _is_speaker_label(prefix["label"])):
                cue_speaker = prefix["label"]
                text, start = _after_prefix(cue, prefix.end(), source_text)
            # A caption's mark starts a new turn, named or not (an unnamed one's label is "", as a text document's
            # unnamed ">>" is: speech of no named speaker).
            new_turn = cue.voice == "" or (cue_speaker is not None and cue_speaker != speaker)
            if new_turn:
                speaker = cue_speaker
            turns.add(speaker, text, start, cue.text_end, cue.start_ms, cue.end_ms, joins=not new_turn)
    return turns.done()


def _dialogue_lines(cue: Cue, source: str, marked: bool = False) -> Iterator[Cue]:
    """A cue whose text opens with a dialogue dash, one cue per dashed line ("- MAYA: What was that? - TOM:
    Nothing."); where the file marks a new speaker with ">>" (``marked``), one cue per mark, each with the voice
    "" (a new speaker, named by a prefix after the mark or by no one: "BUT ISN'T -- >> SORRY,"); any other cue as it
    is."""
    if marked and CAPTION_MARK in cue.text:
        yield from _marked_segments(cue, source)
        return
    if _DIALOGUE_DASH.match(cue.text) is None:
        yield cue
        return
    dashes = list(_DIALOGUE_DASH.finditer(cue.text))
    for number, dash in enumerate(dashes):
        stop = dashes[number + 1].start() if number + 1 < len(dashes) else len(cue.text)
        text = cue.text[dash.end() : stop].rstrip(" ")
        if text:
            start = _source_at(cue, dash.end(), source)
            last = dash.end() + len(text) - 1  # the segment's last visible character
            end = _source_at(cue, last, source) + 1 if stop < len(cue.text) else cue.text_end
            yield attrs.evolve(cue, text=text, text_start=start, text_end=max(start, end))


def _marked_segments(cue: Cue, source: str) -> Iterator[Cue]:
    """The parts of a cue before and after each ">>" mark; a part after a mark has the voice "" (a new speaker)."""
    cuts = [m.start() for m in _CAPTION_MARKS.finditer(cue.text)]
    bounds = [0, *cuts, len(cue.text)]
    for number in range(len(bounds) - 1):
        begin, stop = bounds[number], bounds[number + 1]
        mark = _CAPTION_MARKS.match(cue.text, begin) if number else None
        if mark is not None:
            begin = mark.end()
        text = cue.text[begin:stop].strip(" ")
        if not text and mark is None:
            continue
        lead = len(cue.text[begin:stop]) - len(cue.text[begin:stop].lstrip(" "))
        start = _source_at(cue, begin + lead, source) if text else cue.text_end
        end = _source_at(cue, begin + lead + len(text) - 1, source) + 1 if text and stop < len(cue.text) else cue.text_end
        yield attrs.evolve(cue, voice="" if mark is not None else cue.voice, text=text, text_start=start, text_end=max(start, end))


# Characters of a cue's head read beyond the one whose place is asked: a tag or entity cut at the head's end changes
# only what follows it.
_HEAD_MARGIN = 64
_MAX_GIVEN_NAMES = 3  # "Anne Marie Slaughter" is a name; five capitalised words are a heading


def _is_speaker_label(label: str) -> bool:
    """The label grammar decides, as it does for text documents; heading words ("Note:", "Step 2:") are refused."""
    parsed = parse_label(label)
    if (
        parsed is None
        or refusal(parsed) is not None
        or VOCABULARY.contains("never_speakers", fold(parsed.raw.split()[0]))
        or holds_a_sentence_end(label)
    ):
        return False
    # A title, role or honorific makes a label; a bare name must look like one person's name.
    return strength(parsed, label) is not None or len(parsed.given) < _MAX_GIVEN_NAMES


def _after_prefix(cue: Cue, prefix_end: int, source: str) -> tuple[str, int]:
    """The cue's text after a speaker prefix, and where that text starts in the source (one copy of the rest of
    a long cue, not two)."""
    begin = prefix_end
    while begin < len(cue.text) and cue.text[begin] == " ":
        begin += 1
    if begin == len(cue.text):
        return "", cue.text_end
    return cue.text[begin:], _source_at(cue, begin, source)


def _source_at(cue: Cue, index: int, source: str) -> int:
    """Where the cue's visible character ``cue.text[index]`` starts in the source. Only the visible text up to
    ``index`` is needed: the source's head is read again, not the whole cue (a second copy of a long cue, beside
    its text and the turn's), growing until it shows enough characters."""
    size = 4 * index + 256
    while True:
        end = min(cue.text_end, cue.text_start + size)
        visible = visible_spans(source, cue.text_start, end)
        whole = end == cue.text_end
        if whole or (visible and len(visible[0].text) > index + _HEAD_MARGIN):
            break
        size *= 4
    # A cue made by hand may not match its source; its start is the best offset we can give then.
    shown = visible[0].text if len(visible) == 1 else None
    if shown is not None and (
        shown == cue.text if whole else cue.text.startswith(shown[: index + _HEAD_MARGIN])
    ):
        return visible[0].start_of(index)
    return cue.text_start


# --- reading blocks -----------------------------------------------------------------------------------------


def _line_spans(text: str, position: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for eol in _EOL.finditer(text, position):
        spans.append((position, eol.start()))
        position = eol.end()
    spans.append((position, len(text)))
    return spans


def _read_blocks(text: str, path: str | None, syntax: _Syntax) -> list[_RawCue]:
    # The decoder removes a BOM; one left in place is skipped, never counted as text.
    lines = _line_spans(text, 1 if text.startswith("\ufeff") else 0)
    vtt, marker = syntax.vtt, syntax.marker
    i = _after_vtt_header(text, lines, path) if vtt else 0
    cues: list[_RawCue] = []
    at_block_start = True
    while i < len(lines):
        start, end = lines[i]
        line = text[start:end]
        if not line or line.isspace():  # (not strip(): a copy of a long cue's line)
            at_block_start, i = True, i + 1
            continue
        if not at_block_start:
            # Inside a block a line that parses as timing starts a new cue (a blank line was forgotten); the
            # number just above it is that cue's index, not payload.
            timing = _timing(text, start, end, path, syntax, strict=False) if marker in line else None
            if timing is None:
                cues[-1].payload.append(lines[i])
            else:
                payload = cues[-1].payload
                if payload and _INDEX.fullmatch(text[payload[-1][0] : payload[-1][1]]):
                    payload.pop()
                cues.append(_RawCue(*timing, []))
            i += 1
            continue
        at_block_start = False
        if vtt and _VTT_SKIPPED_BLOCK.fullmatch(line):
            i = _block_end(text, lines, i)
            continue
        has_id = (
            syntax.numbered
            and i + 1 < len(lines)
            and marker not in line
            and marker in text[lines[i + 1][0] : lines[i + 1][1]]
        )
        if has_id and (vtt or _INDEX.fullmatch(line)):
            i += 1
            line = text[lines[i][0] : lines[i][1]]
        # A timing line, where it must be one (a comma in an SBV payload's words is no timing: only its shape is).
        timing = None
        if marker in line:
            timing = _timing(text, *lines[i], path, syntax, strict=syntax.numbered)
        if timing is not None:
            cues.append(_RawCue(*timing, []))
        elif cues:
            # A blank line inside a payload: players drop what follows, but a transcript keeps the words.
            cues[-1].payload.append(lines[i])
        elif vtt:
            i = _block_end(text, lines, i)  # WebVTT ignores blocks that are not cues
            continue
        else:
            expected = (
                "an SRT cue (an index line, then 'HH:MM:SS,mmm --> HH:MM:SS,mmm')"
                if syntax.numbered
                else "an SBV cue ('H:MM:SS.mmm,H:MM:SS.mmm', then its text)"
            )
            raise ParseError(f"expected {expected}: {describe_place(path, text, start)}")
        i += 1
    return cues


def _after_vtt_header(text: str, lines: list[tuple[int, int]], path: str | None) -> int:
    """Index of the first line after the WebVTT header block (the signature line and its metadata lines)."""
    start, end = lines[0]
    if not _VTT_HEADER.fullmatch(text, start, end):
        raise ParseError(f"a WebVTT file must begin with 'WEBVTT': {describe_place(path, text, start)}")
    i = 1
    # Sloppy files put the first cue right under the header; its timing line ends the header.
    while i < len(lines):
        line = text[lines[i][0] : lines[i][1]]
        if not line.strip() or "-->" in line:
            return i
        i += 1
    return i


def _block_end(text: str, lines: list[tuple[int, int]], i: int) -> int:
    while i < len(lines) and text[lines[i][0] : lines[i][1]].strip():
        i += 1
    return i


def _timing(
    text: str, start: int, end: int, path: str | None, syntax: _Syntax, *, strict: bool
) -> tuple[int, int] | None:
    """The (start_ms, end_ms) of a timing line; cue settings after the end time are ignored."""
    match = syntax.timing.fullmatch(text, start, end)
    if match is None:
        if not strict:
            return None
        arrow = text.find(syntax.marker, start, end)
        raise ParseError(
            f"malformed cue timing, expected 'start --> end': {describe_place(path, text, arrow)}"
        )
    times: list[int] = []
    for group in ("start", "end"):
        token = match[group]
        time = _TIME.fullmatch(token)
        if time is None or int(time["m"]) > 59 or int(time["s"]) > 59:
            if not strict:
                return None
            raise ParseError(
                f"malformed timestamp {token!r}, expected [HH:]MM:SS.mmm (or ,mmm) with minutes and seconds "
                f"below 60: {describe_place(path, text, match.start(group))}"
            )
        hours = int(time["h"] or 0)
        times.append(((hours * 60 + int(time["m"])) * 60 + int(time["s"])) * 1000 + int(time["ms"]))
    return times[0], times[1]


# --- payload text -------------------------------------------------------------------------------------------


def _cues(text: str, raw_cues: list[_RawCue]) -> tuple[Cue, ...]:
    return tuple(
        Cue(index, raw.start_ms, raw.end_ms, visible.voice, visible.start, visible.end, visible.text)
        for index, raw in enumerate(raw_cues)
        if raw.payload
        for visible in visible_spans(text, raw.payload[0][0], raw.payload[-1][1])
    )


def visible_spans(source: str, start: int, end: int) -> list[_Visible]:
    """The visible text of ``source[start:end]``, split at each ``<v Name>`` tag; empty spans are dropped."""
    spans: list[_Visible] = []
    voice: str | None = None
    ranges: list[tuple[int, int]] = []
    position = start
    for tag in _TAG.finditer(source, start, end):
        ranges.append((position, tag.start()))
        position = tag.end()
        voice_tag = _VOICE.fullmatch(tag[0])
        if voice_tag:
            spans.append(_visible(voice, source, ranges))
            name = " ".join(html.unescape(voice_tag["name"] or "").split())
            voice, ranges = name or None, []
    ranges.append((position, end))
    spans.append(_visible(voice, source, ranges))
    return [span for span in spans if span.text]


# Where a run's visible characters begin and end, found without a stripped copy of the run (linear: each stretch
# of blanks is scanned once, from the one visible character before it).
_FIRST_VISIBLE = re.compile(r"\S")
_LAST_VISIBLE = re.compile(r"\S\s*\Z")


def _visible(voice: str | None, source: str, ranges: list[tuple[int, int]]) -> _Visible:
    """Unescape entities of tag-free text and collapse its whitespace, in pieces of text rather than character
    by character, so memory stays a few times the stretch's size."""
    stripped = "".join(source[a:b] for a, b in ranges)
    pieces, index = [], 0
    for a, b in ranges:
        if b > a:
            pieces.append((index, a))
            index += b - a
    empty = _Visible(voice, "", 0, 0, "", ())
    if not pieces:
        return empty
    visible = _Visible(voice, "", 0, 0, stripped, tuple(pieces))
    out: list[str] = []
    first: int | None = None
    last_end = 0
    pending = False  # whitespace seen after visible text: one space goes before the next visible character

    def plain(p: int, q: int) -> None:
        nonlocal first, last_end, pending
        run = stripped[p:q]
        words = collapse_blanks(run)
        if not words:
            pending = pending or (bool(out) and bool(run))
            return
        if out and (pending or run[0].isspace()):
            out.append(" ")
        out.append(words)
        head, tail = _FIRST_VISIBLE.search(run), _LAST_VISIBLE.search(run)
        assert head is not None and tail is not None  # the run has words, so visible characters
        if first is None:
            first = visible.source_offset(p + head.start())
        last_end = visible.source_offset(p + tail.start()) + 1
        pending = run[-1].isspace()

    position = 0
    for ref in _CHARREF.finditer(stripped):
        plain(position, ref.start())
        span_start, span_end = visible.source_offset(ref.start()), visible.source_offset(ref.end() - 1) + 1
        for char in html.unescape(ref[0]):
            if char.isspace():
                pending = bool(out)
                continue
            if pending and out:
                out.append(" ")
            pending = False
            out.append(char)
            first = span_start if first is None else first
            last_end = span_end
        position = ref.end()
    plain(position, len(stripped))
    if first is None:
        return empty
    return attrs.evolve(visible, text="".join(out), start=first, end=last_end)


def _collapsed(characters: Iterable[tuple[str, int, int]]) -> Iterator[tuple[str, int, int]]:
    """Characters with whitespace collapsed as :func:`_visible` does: runs become one space, none at the ends."""
    seen, pending = False, False
    for char, start, end in characters:
        if char.isspace():
            pending = seen
            continue
        if pending:
            yield " ", start, start
            pending = False
        seen = True
        yield char, start, end
