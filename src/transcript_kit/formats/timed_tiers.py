"""Transcripts made in annotation tools, speech laid out in timed tiers: Praat TextGrid (``.TextGrid``), ELAN
(``.eaf``) and Transcriber (``.trs``).

Each reader finds its tiers' pieces of speech (an interval, an annotation, a speaker's part of a turn) with their
times and the span they are printed at; :func:`tier_turns` puts every tier's pieces in time order and groups them
into turns as subtitle cues are grouped (:class:`~transcript_kit.formats.subtitles.CueTurns`): consecutive pieces
of one speaker make one turn. Pieces join only when they follow each other in their tier too, so a turn's span
holds its own tier's text and nothing of another's; turns are in time order, and so their spans may go back in the
source (a tier is printed whole before the next), never overlapping.

Which tiers are speech is data (vocabulary ``[markup]`` ``tier_not_speech``, ``tier_speech``): phones, glosses,
translations and notes are not; a tier named "words" is the speech of someone unnamed; "Anna - words" (the
Montreal Forced Aligner's naming) is Anna's.
"""

from __future__ import annotations

import heapq
import math
import re
from collections.abc import Iterable, Iterator, Sequence

import attrs

from transcript_kit.columns import TurnTable
from transcript_kit.conventions.vocabulary import VOCABULARY
from transcript_kit.errors import ParseError, describe_place
from transcript_kit.formats.reading import Reading
from transcript_kit.formats.safe_xml import PlacedText, parse_xml
from transcript_kit.formats.subtitles import CueTurns

__all__ = ["Piece", "read_eaf", "read_textgrid", "read_trs", "tier_speaker", "tier_turns"]


@attrs.frozen(slots=True)
class Piece:
    """One stretch of one tier's speech: its speaker (None: no named speaker, "" someone unnamed, as in
    :class:`~transcript_kit.formats.subtitles.CueTurns`), its text and the span of the source it is printed at."""

    speaker: str | None
    text: str
    start: int
    end: int
    start_ms: int | None
    end_ms: int | None


def tier_turns(tiers: Iterable[Sequence[Piece]], source: str) -> TurnTable:
    """The turns of ``tiers`` (each a tier's pieces as its source prints them), in time order across tiers; a piece
    joins the turn before it when it is its tier's next piece and its speaker is the turn's."""
    keyed = (
        ((-1 if piece.start_ms is None else piece.start_ms, tier, index, piece) for index, piece in enumerate(pieces))
        for tier, pieces in enumerate(tiers)
    )
    turns = CueTurns(source)
    previous: tuple[int, int] | None = None
    for _, tier, index, piece in heapq.merge(*keyed, key=lambda entry: entry[:3]):
        joins = previous == (tier, index - 1)
        turns.add(piece.speaker, piece.text, piece.start, piece.end, piece.start_ms, piece.end_ms, joins=joins)
        previous = (tier, index)
    return turns.done()


# --- which tiers are whose speech --------------------------------------------------------------------------------

_NOT_SPEECH = VOCABULARY.folded("markup_tier_not_speech")
_SPEECH = VOCABULARY.folded("markup_tier_speech")
_SILENCE = VOCABULARY.folded("markup_tier_silence_marks")
# A tier named after a speaker and what it holds, the kind last or first: "Anna - words", "Anna_phones",
# "notes (Anna)", "translation-Anna".
_KIND_LAST = re.compile(r"(?P<speaker>.*?[^\s\-_:/|(])[\s\-_:/|(]+(?P<kind>[^\W_]+)\)?")
_KIND_FIRST = re.compile(r"\(?(?P<kind>[^\W_]+)\)?[\s\-_:/|]+(?P<speaker>.*[^\s\-_:/|(]\)?)")


def tier_speaker(name: str) -> tuple[bool, str | None]:
    """Whether a tier named ``name`` holds speech, and whose: ``(False, None)`` for phones, glosses, notes…;
    ``(True, None)`` for the speech of no named speaker ("words", a tier without a name); ``(True, speaker)``
    otherwise, the speaker as printed ("Anna" for "Anna - words", else the whole name)."""
    shown = " ".join(name.split())
    folded = shown.casefold()
    if not folded or folded in _SPEECH:
        return True, None
    if folded in _NOT_SPEECH:
        return False, None
    for shape in (_KIND_LAST, _KIND_FIRST):
        named = shape.fullmatch(shown)
        if named is None:
            continue
        kind = named["kind"].casefold()
        if kind in _NOT_SPEECH:
            return False, None
        if kind in _SPEECH:
            return True, named["speaker"].strip(" ()") or None
    return True, shown


def _is_silence(text: str) -> bool:
    return not text or text.casefold() in _SILENCE


def _ms(seconds: float) -> int:
    return round(seconds * 1000)


# --- Praat TextGrid --------------------------------------------------------------------------------------------

# Praat's text files are a stream of numbers, strings and flags; what stands between them ("xmin =", "item [2]:",
# "intervals: size =") is there for the reader's eyes and skipped, so the long ("ooTextFile") and the short form
# read alike. A string is in double quotes, a quote inside doubled; text after "!" on a line is a comment.
_TOKEN = re.compile(
    r"""(?x)
    (?P<blank>\s+)
  | (?P<comment>![^\r\n]*)
  | (?P<bracket>\[[^\[\]\r\n]*\])
  | (?P<quote>")
  | (?P<flag><(?:exists|absent)>)
  | (?P<number>[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)(?!\S)
  | (?P<word>[^\s"\[!]+)
  | (?P<other>.)
    """
)
_INTERVAL_TIER, _POINT_TIER = "IntervalTier", "TextTier"
_LARGEST = 1e12  # seconds, or a count: a larger number in a TextGrid is damage, not a recording


@attrs.frozen(slots=True)
class _Token:
    kind: str  # "number", "string", "flag"
    value: str  # a string's contents as printed (quotes still doubled), a number's or flag's text
    start: int  # where it is printed (a string: its first character inside the quotes)
    end: int


class _Tokens:
    """The tokens of a Praat text file, one at a time; what is missing or misplaced is a ParseError."""

    def __init__(self, text: str, path: str | None) -> None:
        self.text, self.path = text, path
        self._tokens = self._scan()

    def _scan(self) -> Iterator[_Token]:
        text, position = self.text, 0
        while position < len(text):
            match = _TOKEN.match(text, position)
            assert match is not None  # the last alternative takes any character
            kind = match.lastgroup
            if kind == "quote":
                close = self._string_end(match.end())
                yield _Token("string", text[match.end() : close], match.end(), close)
                position = close + 1
                continue
            if kind in ("number", "flag"):
                yield _Token(kind, match[0], match.start(), match.end())
            position = match.end()

    def _string_end(self, start: int) -> int:
        """Where the string opened before ``start`` closes (a doubled quote is a quote inside it)."""
        position = start
        while True:
            quote = self.text.find('"', position)
            if quote == -1:
                raise ParseError(f"a TextGrid string that never closes: {describe_place(self.path, self.text, start - 1)}")
            if not self.text.startswith('"', quote + 1):
                return quote
            position = quote + 2

    def take(self, kind: str, what: str) -> _Token:
        token = next(self._tokens, None)
        if token is None:
            raise ParseError(
                f"the TextGrid ends where {what} should be: {describe_place(self.path, self.text, len(self.text))}"
            )
        if token.kind != kind:
            raise ParseError(f"expected {what} in a TextGrid: {describe_place(self.path, self.text, token.start)}")
        return token

    def number(self, what: str) -> float:
        return self._value(self.take("number", what), what)

    def count(self, what: str) -> int:
        token = self.take("number", what)
        value = self._value(token, what)
        if value < 0 or value != int(value):
            raise ParseError(f"{what} is no count in a TextGrid: {describe_place(self.path, self.text, token.start)}")
        return int(value)

    def _value(self, token: _Token, what: str) -> float:
        value = float(token.value)
        if not math.isfinite(value) or abs(value) > _LARGEST:
            raise ParseError(f"{what} out of range in a TextGrid: {describe_place(self.path, self.text, token.start)}")
        return value


def read_textgrid(text: str, path: str | None = None) -> Reading:
    """The turns of a Praat TextGrid, long or short text form: each interval tier is a speaker (its name the
    label), empty intervals and silence marks are pauses, point tiers and tiers of phones, glosses or notes are no
    one's speech."""
    tokens = _Tokens(text, path)
    try:
        file_type = tokens.take("string", 'the file type ("ooTextFile")')
    except ParseError:
        raise ParseError(
            f"not a Praat TextGrid: it opens with 'File type = \"ooTextFile\"': {describe_place(path, text, 0)}"
        ) from None
    if not file_type.value.startswith("ooTextFile"):
        raise ParseError(
            f"not a Praat text file (its file type is {file_type.value[:40]!r}, not 'ooTextFile'): "
            f"{describe_place(path, text, file_type.start)}"
        )
    object_class = tokens.take("string", 'the object class ("TextGrid")')
    if object_class.value.split()[:1] != ["TextGrid"]:
        raise ParseError(
            f"not a TextGrid (a Praat {object_class.value[:40]!r}): {describe_place(path, text, object_class.start)}"
        )
    tokens.number("the TextGrid's start time")
    tokens.number("the TextGrid's end time")
    has_tiers = tokens.take("flag", "'<exists>' or '<absent>' (whether the TextGrid has tiers)").value == "<exists>"
    tiers: list[list[Piece]] = []
    skipped: list[str] = []
    for _ in range(tokens.count("the number of tiers") if has_tiers else 0):
        kind = tokens.take("string", 'a tier\'s class ("IntervalTier" or "TextTier")')
        name = tokens.take("string", "a tier's name").value.replace('""', '"')
        tokens.number("a tier's start time")
        tokens.number("a tier's end time")
        size = tokens.count("a tier's number of intervals or points")
        if kind.value == _POINT_TIER:  # points in time (events, tones): no stretch of anyone's speech
            for _ in range(size):
                tokens.number("a point's time")
                tokens.take("string", "a point's mark")
            skipped.append(name)
            continue
        if kind.value != _INTERVAL_TIER:
            raise ParseError(
                f"unknown TextGrid tier class {kind.value[:40]!r} (IntervalTier or TextTier): "
                f"{describe_place(path, text, kind.start)}"
            )
        speech, speaker = tier_speaker(name)
        pieces: list[Piece] = []
        for _ in range(size):
            begin = tokens.number("an interval's start time")
            end = tokens.number("an interval's end time")
            label = tokens.take("string", "an interval's text")
            piece = _interval(text, label, speaker, _ms(begin), _ms(end))
            if speech and piece is not None:
                pieces.append(piece)
        if speech:
            tiers.append(pieces)
        else:
            skipped.append(name)
    warnings = () if any(tiers) else (_no_speech("TextGrid", "interval tier", skipped),)
    return Reading(tier_turns(tiers, text), warnings=warnings)


def _interval(source: str, label: _Token, speaker: str | None, start_ms: int, end_ms: int) -> Piece | None:
    """An interval's speech, or None for a pause; its span runs from its first to its last visible character."""
    words = " ".join(label.value.replace('""', '"').split())
    if _is_silence(words):
        return None
    start, end = label.start, label.end
    while source[start].isspace():
        start += 1
    while source[end - 1].isspace():
        end -= 1
    return Piece(speaker, words, start, end, start_ms, end_ms)


def _no_speech(format_name: str, unit: str, skipped: Sequence[str]) -> str:
    shown = ", ".join(repr(name) for name in skipped[:8])
    return f"{format_name} without speech: no {unit} of anyone's words" + (f" (skipped: {shown})" if shown else "")


# --- XML: ELAN and Transcriber ---------------------------------------------------------------------------------


class _Words:
    """Character data of one stretch of speech, placed: its words with their whitespace collapsed, and the span
    from the first visible character to the last."""

    def __init__(self) -> None:
        self.chunks: list[tuple[str, int, int]] = []

    def add(self, data: str, start: int, end: int) -> None:
        self.chunks.append((data, start, end))

    def part(self, at: int) -> None:
        """An element between two stretches of text (a <Sync/>, an <Event/>, a second annotation value) parts
        the words on either side."""
        self.chunks.append((" ", at, at))

    def read(self, source: str) -> tuple[str, int, int] | None:
        """(text, start, end), or None where there are no words."""
        visible = [(start, end) for data, start, end in self.chunks if data.strip()]
        if not visible:
            return None
        text = " ".join("".join(data for data, _, _ in self.chunks).split())
        start, end = visible[0][0], visible[-1][1]
        while start < end and source[start].isspace():
            start += 1
        while end > start and source[end - 1].isspace():
            end -= 1
        return text, start, end


@attrs.define
class _Tier:
    tier_id: str
    participant: str
    parent: str
    place: int
    annotations: list[tuple[str, str, _Words, int]] = attrs.Factory(list)  # slot refs, words, place


class _ElanHandler(PlacedText):
    """Reads an ELAN document's time slots and its tiers' time-aligned annotations (a symbolic annotation, a
    translation or gloss of another, is no speech of its own)."""

    root = "ANNOTATION_DOCUMENT"
    format_name = "an ELAN annotation document (.eaf)"

    def __init__(self, source: str, path: str | None) -> None:
        super().__init__(source, path)
        self.slots: dict[str, int | None] = {}  # slot id to its time in ms; None: unaligned
        self.tiers: list[_Tier] = []
        self.words: _Words | None = None  # the annotation value being read

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        if tag == "TIME_SLOT":
            self.slots[attributes.get("TIME_SLOT_ID", "")] = _elan_time(attributes.get("TIME_VALUE"))
        elif tag == "TIER":
            self.tiers.append(
                _Tier(
                    attributes.get("TIER_ID", ""),
                    attributes.get("PARTICIPANT", ""),
                    attributes.get("PARENT_REF", ""),
                    self.here(),
                )
            )
        elif tag == "ALIGNABLE_ANNOTATION" and self.tiers and "TIER" in self.stack:
            refs = (attributes.get("TIME_SLOT_REF1", ""), attributes.get("TIME_SLOT_REF2", ""))
            self.words = _Words()
            self.tiers[-1].annotations.append((*refs, self.words, self.here()))

    def end(self, tag: str) -> None:
        if tag == "ALIGNABLE_ANNOTATION":
            self.words = None
        elif tag == "ANNOTATION_VALUE" and self.words is not None:
            self.words.part(self.here())

    def text(self, data: str, start: int, end: int) -> None:
        if self.words is not None and self.stack[-1] == "ANNOTATION_VALUE":
            self.words.add(data, start, end)


def _elan_time(value: str | None) -> int | None:
    """A TIME_VALUE (milliseconds); a slot without one (or with one that is no number) is unaligned."""
    try:
        milliseconds = float(value) if value is not None else math.nan
    except ValueError:
        return None
    return int(milliseconds) if math.isfinite(milliseconds) and abs(milliseconds) < _LARGEST * 1000 else None


def read_eaf(text: str, path: str | None = None) -> Reading:
    """The turns of an ELAN document: each top-level tier's time-aligned annotations are its speaker's speech
    (the tier's PARTICIPANT, else the speaker its TIER_ID names), in time order across tiers; dependent tiers
    (translations, glosses, words under an utterance: a PARENT_REF) and tiers of notes or phones are not speech."""
    handler = _ElanHandler(text, path)
    read = parse_xml(text, handler, path)
    times = _slot_times(handler.slots)
    tiers: list[list[Piece]] = []
    skipped: list[str] = []
    for tier in handler.tiers:
        speech, speaker = tier_speaker(tier.tier_id)
        if tier.parent or not speech:
            skipped.append(tier.tier_id)
            continue
        speaker = " ".join(tier.participant.split()) or speaker
        pieces: list[Piece] = []
        for first, last, words, place in tier.annotations:
            found = words.read(text)
            if found is None or _is_silence(found[0]):
                continue
            if first not in times or last not in times:
                missing = first if first not in times else last
                raise ParseError(
                    f"an annotation refers to the time slot {missing!r}, which the TIME_ORDER does not hold: "
                    f"{describe_place(path, text, place)}"
                )
            pieces.append(Piece(speaker, found[0], found[1], found[2], times[first], times[last]))
        tiers.append(pieces)
    warnings = read.entity_warnings() + (() if any(tiers) else (_no_speech("ELAN document", "top-level tier", skipped),))
    return Reading(tier_turns(tiers, text), warnings=warnings)


def _slot_times(slots: dict[str, int | None]) -> dict[str, int]:
    """Every slot's time: an unaligned slot (ELAN interpolates it) takes the time of the aligned slot before it in
    the TIME_ORDER, which lists them in order."""
    times: dict[str, int] = {}
    last = 0
    for slot, value in slots.items():
        last = value if value is not None else last
        times[slot] = last
    return times


class _TranscriberHandler(PlacedText):
    """Reads a Transcriber file's speakers and its turns: a turn of several speakers (an overlap) is parted at each
    ``<Who nb=…>``; ``<Sync>``, ``<Event>``, ``<Comment>`` and ``<Background>`` mark the recording, not words."""

    root = "Trans"
    format_name = "a Transcriber transcript (.trs)"

    def __init__(self, source: str, path: str | None) -> None:
        super().__init__(source, path)
        self.names: dict[str, str] = {}  # speaker id to the name it is shown under
        self.pieces: list[Piece] = []
        self.n_turns = 0
        self.turn: tuple[list[str], int | None, int | None] | None = None  # speaker ids, start and end ms
        self.who = 0  # which of the turn's speakers speaks now
        self.words = _Words()

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        if tag == "Speaker" and "Speakers" in self.stack:
            speaker_id = attributes.get("id", "")
            self.names[speaker_id] = " ".join(attributes.get("name", "").split()) or speaker_id
        elif tag == "Turn":
            self._part_ends()
            self.n_turns += 1
            start, end = _seconds_ms(attributes.get("startTime")), _seconds_ms(attributes.get("endTime"))
            self.turn, self.who = (attributes.get("speaker", "").split(), start, end), 0
        elif tag == "Who" and self.turn is not None:
            self._part_ends()
            number = attributes.get("nb", "").strip()
            self.who = int(number) - 1 if number.isdecimal() and len(number) < 6 else -1
        elif self.turn is not None:
            self.words.part(self.here())

    def end(self, tag: str) -> None:
        if tag == "Turn":
            self._part_ends()
            self.turn = None

    def text(self, data: str, start: int, end: int) -> None:
        if self.turn is not None and "Turn" in self.stack:
            self.words.add(data, start, end)

    def _part_ends(self) -> None:
        """The words since the turn began or its last ``<Who>`` are one speaker's piece (a turn with no speaker
        is no one's: music, noise, a jingle's words)."""
        found, self.words = self.words.read(self.source), _Words()
        if found is None or self.turn is None:
            return
        speakers, start_ms, end_ms = self.turn
        speaker_id = speakers[self.who] if 0 <= self.who < len(speakers) else None
        speaker = self.names.get(speaker_id, speaker_id) if speaker_id is not None else ""
        self.pieces.append(Piece(speaker, found[0], found[1], found[2], start_ms, end_ms))


def _seconds_ms(value: str | None) -> int | None:
    try:
        seconds = float(value) if value is not None else math.nan
    except ValueError:
        return None
    return _ms(seconds) if math.isfinite(seconds) and abs(seconds) < _LARGEST else None


def read_trs(text: str, path: str | None = None) -> Reading:
    """The turns of a Transcriber file: each ``<Turn speaker=…>`` is its speaker's (labelled with the name the
    ``<Speakers>`` list gives), an overlap's parts each their speaker's, in the order the file prints them."""
    handler = _TranscriberHandler(text, path)
    read = parse_xml(text, handler, path)  # its DOCTYPE always names Transcriber's DTD: no news
    warnings = read.entity_warnings() + (() if handler.n_turns else ("Transcriber file without a <Turn>: no speech",))
    return Reading(tier_turns([handler.pieces], text), warnings=warnings)
