"""The JSON that speech-recognition and diarization tools write (``.json``): which tool wrote a file is told from the
JSON's own structure, and its pieces of speech (segments, utterances, monologues, words) make speaker turns.

=====================  ========================================================================================
tool                   what is read (the first of these the file holds)
=====================  ========================================================================================
WhisperX (+pyannote)   ``segments[]`` ``{start, end, text, speaker}`` (a top-level ``word_segments``, or a segment
                       with a ``speaker``, tells it from Whisper's)
OpenAI Whisper         ``segments[]`` ``{start, end, text}``, no speaker at all
AssemblyAI             ``utterances[]`` ``{speaker, text, start, end}`` (milliseconds); where ``utterances`` is null,
                       ``words[]`` ``{text, speaker, start, end}``; else the top-level ``text``
Amazon Transcribe      ``results.audio_segments[]`` ``{speaker_label, transcript, start_time, end_time}``; else
                       ``results.items[]`` (``alternatives[0].content``; a word's ``speaker_label``, else the one
                       ``results.speaker_labels.segments[].items[]`` gives its start time; punctuation attaches to
                       the word before it); else ``results.transcripts[0].transcript``
Deepgram               ``results.utterances[]`` ``{speaker, transcript, start, end}``; else the paragraphs of
                       ``results.channels[0].alternatives[0]`` (``paragraphs.paragraphs[]``, each sentence's
                       ``text``); else its ``words[]`` (``punctuated_word``, else ``word``); else its ``transcript``
Rev.ai                 ``monologues[]`` ``{speaker, speaker_name, elements[]}``: the ``text`` and ``punct``
                       elements' values as printed (``ts``/``end_ts`` time them); another element (``unknown``) is
                       no word
Google Speech-to-Text  ``results[]`` (or ``response.results[]``): the words of the last result whose words carry a
                       speaker (``speakerTag`` above 0, or ``speakerLabel``), which is the whole conversation's;
                       where none does, each result's ``alternatives[0].transcript``
Speechmatics JSON-v2   ``results[]`` of type ``word`` and ``punctuation`` (``alternatives[0]`` ``{content,
                       speaker}``; ``attaches_to`` glues punctuation to its neighbour); other types are no words
=====================  ========================================================================================

A turn is a maximal run of consecutive pieces of one speaker (:class:`~transcript_kit.formats.subtitles.CueTurns`),
in the order the file lists them, which is time order in every tool's output (a piece that starts before the one
listed before it is kept in its place, and a warning counts such pieces: the spans stay in the order of the text).
Its text is its pieces' texts joined by spaces (a word-level tool's words likewise, punctuation attached to its
word as the tool says), its times the first piece's start and the last one's end, in milliseconds.

The label is the speaker as the tool gives it, in string form (``SPEAKER_00``, ``A``, ``spk_0``, ``0`` for the
integer 0, ``S1``): a code that names one participant of one recording, so it is the document's own speaker
(:func:`transcript_kit.formats.corpus.code_label`), never read by the label grammar (which takes ``A`` for an answer's
role). A name a person gave (Rev.ai's ``speaker_name``) is read as any label is. Speechmatics' ``UU`` is someone the
tool could not tell (role ``unidentified``, a turn of its own).

What is not a turn: a piece without a speaker in a file where other pieces have one (a WhisperX segment pyannote
gave nobody, a word without a speaker) is no one's, left out of every turn without ending the run around it, and a
warning counts it; a file where no piece has a speaker (Whisper, a run without diarization) is one monologue, the
whole reading with no speaker known, and a warning says the output was not diarized. A piece that is only a sound
in brackets (Whisper's ``[Music]``) is a stage record, no one's words. A piece without text is nothing.

A turn's span (``char_start``/``char_end``) runs from its first piece's text value to its last piece's, inside the
values' quotes, leading and trailing blanks left out: the JSON text between (keys, times, other fields, escapes as
printed) is in the span too. The values are found by one linear scan of the JSON's tokens, by their place in its
structure. Invalid JSON is a :class:`~transcript_kit.errors.ParseError` naming the file, line and column; a JSON
that no tool above wrote (a ``package.json``) is a ``ParseError`` that says it is not a transcript.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import attrs
import orjson

from transcript_kit.conventions.vocabulary import VOCABULARY
from transcript_kit.errors import ParseError, describe_place
from transcript_kit.formats.corpus import code_label
from transcript_kit.formats.reading import Reading
from transcript_kit.formats.subtitles import CueTurns
from transcript_kit.labels import parse_label
from transcript_kit.model import Label
from transcript_kit.textutil import collapse_blanks

__all__ = ["TOOLS", "read_asr_json"]

JsonPath = tuple[str | int, ...]  # keys and array indexes from the top-level value down to one value

_UNIDENTIFIED = VOCABULARY.role_keys["unknown speaker"]
_SPEECHMATICS_UNKNOWN = "UU"
_MAX_SECONDS = 1e12  # a larger time is damage, not a recording (thirty thousand years)
_GOOGLE_DURATION = re.compile(r"\s*([0-9]+(?:\.[0-9]*)?|\.[0-9]+)s?\s*")
_SECONDS_TEXT = re.compile(r"\s*[0-9]+(?:\.[0-9]*)?\s*")
# The JSON's tokens: a string, a structural character, or a literal (a number, true, false, null); blanks between.
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[{}\[\]:,]|[^\s{}\[\]:,"]+', re.S)


@attrs.frozen(slots=True)
class _Word:
    """One word (or punctuation mark) of a word-level tool: ``glue`` says how it meets its neighbours
    ("previous": attached to the word before, "next": to the word after, "both", or "none")."""

    speaker: str | None
    text: str
    path: JsonPath
    start_ms: int | None
    end_ms: int | None
    glue: str = "none"


@attrs.define(slots=True)
class _Piece:
    """A piece of one speaker's speech: its text, where its text values are (the first and the last), its times."""

    speaker: str | None
    text: str
    first: JsonPath
    last: JsonPath
    start_ms: int | None
    end_ms: int | None


# --- values as the tools write them -----------------------------------------------------------------------------


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _is_dict(value: Any) -> bool:
    return isinstance(value, dict)


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _first(value: Any) -> dict[str, Any]:
    """The first element of a list (a tool's best alternative), if it is an object."""
    items = _list(value)
    return _dict(items[0]) if items else {}


def _text(value: Any) -> str:
    return collapse_blanks(value) if isinstance(value, str) else ""


def _speaker(value: Any) -> str | None:
    """A speaker as the tool gives it, in string form (the integer 0 is "0"); None where there is none."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _ms(seconds: float) -> int | None:
    if not math.isfinite(seconds) or abs(seconds) > _MAX_SECONDS:
        return None
    return round(seconds * 1000)


def _seconds(value: Any) -> int | None:
    """A time in seconds, as a number, a string ("0.44"; Google's "1.500s") or Google's ``{seconds, nanos}``, in
    milliseconds; None where it is no time."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _ms(float(value))
    if isinstance(value, str):
        match = _GOOGLE_DURATION.fullmatch(value)
        return _ms(float(match[1])) if match else None
    if isinstance(value, dict) and ("seconds" in value or "nanos" in value):
        whole, nanos = value.get("seconds", 0), value.get("nanos", 0)
        if isinstance(whole, str) and _SECONDS_TEXT.fullmatch(whole):
            whole = float(whole)
        if isinstance(whole, int | float) and not isinstance(whole, bool) and isinstance(nanos, int | float):
            return _ms(float(whole) + float(nanos) / 1e9)
    return None


def _milliseconds(value: Any) -> int | None:
    """A time in milliseconds (AssemblyAI's)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return _ms(float(value) / 1000)


def _get(record: Mapping[str, Any], *keys: str) -> Any:
    """The value of the first of ``keys`` the record holds (a tool's camelCase and snake_case spellings)."""
    for key in keys:
        if key in record:
            return record[key]
    return None


# --- words into pieces ------------------------------------------------------------------------------------------


def _pieces_of_words(words: Iterable[_Word]) -> list[_Piece]:
    """Consecutive words of one speaker make one piece; a word glued to the one before joins that one's piece
    whoever the tool says speaks it (punctuation)."""
    pieces: list[_Piece] = []
    current: _Piece | None = None
    glued = False  # the word before is glued to the next
    for word in words:
        if not word.text:
            continue
        if current is not None and word.glue in ("previous", "both"):
            current.text += word.text
        elif current is None or word.speaker != current.speaker:
            current = _Piece(word.speaker, word.text, word.path, word.path, word.start_ms, word.end_ms)
            pieces.append(current)
            glued = word.glue in ("next", "both")
            continue
        else:
            current.text += ("" if glued else " ") + word.text
        current.last = word.path
        if word.end_ms is not None:
            current.end_ms = word.end_ms
        if current.start_ms is None:
            current.start_ms = word.start_ms
        glued = word.glue in ("next", "both")
    return pieces


def _segment(
    speaker: str | None, text: Any, path: JsonPath, start_ms: int | None, end_ms: int | None
) -> _Piece:
    return _Piece(speaker, _text(text), path, path, start_ms, end_ms)


def _segments(
    items: list[Any],
    at: JsonPath,
    fields: tuple[str, str, str, str],
    time: Callable[[Any], int | None] = _seconds,
) -> list[_Piece]:
    """The pieces of a list of segments (``at`` its place in the JSON), each an object whose ``fields`` are its
    speaker, text, start and end (times read by ``time``: seconds unless said)."""
    speaker, text, start, end = fields
    return [
        _segment(_speaker(item.get(speaker)), item.get(text), (*at, i, text), time(item.get(start)), time(item.get(end)))
        for i, item in enumerate(items)
        if isinstance(item, dict)
    ]


# --- the tools --------------------------------------------------------------------------------------------------


def _is_whisper(doc: dict[str, Any]) -> bool:
    segments = doc.get("segments")
    return isinstance(segments, list) and (
        "word_segments" in doc
        or "text" in doc
        or "language" in doc
        or any(isinstance(s, dict) for s in segments)
    )


def _read_whisper(doc: dict[str, Any]) -> tuple[str, list[_Piece]]:
    segments = _list(doc.get("segments"))
    diarized = "word_segments" in doc or any(isinstance(s, dict) and "speaker" in s for s in segments)
    pieces = _segments(segments, ("segments",), ("speaker", "text", "start", "end"))
    return ("WhisperX output: segments[] by speaker" if diarized else "Whisper output: segments[]"), pieces


def _is_assemblyai(doc: dict[str, Any]) -> bool:
    return ("utterances" in doc and ("words" in doc or "text" in doc)) or (
        "audio_url" in doc and ("words" in doc or "text" in doc)
    )


def _read_assemblyai(doc: dict[str, Any]) -> tuple[str, list[_Piece]]:
    utterances = _list(doc.get("utterances"))
    if utterances:
        return "AssemblyAI transcript: utterances[]", _segments(
            utterances, ("utterances",), ("speaker", "text", "start", "end"), _milliseconds
        )
    words = _list(doc.get("words"))
    if words:
        return "AssemblyAI transcript: words[] by speaker", _pieces_of_words(
            _Word(
                _speaker(w.get("speaker")),
                _text(w.get("text")),
                ("words", i, "text"),
                _milliseconds(w.get("start")),
                _milliseconds(w.get("end")),
            )
            for i, w in enumerate(words)
            if isinstance(w, dict)
        )
    return "AssemblyAI transcript: text", [_segment(None, doc.get("text"), ("text",), None, None)]


def _is_deepgram(doc: dict[str, Any]) -> bool:
    results = doc.get("results")
    return isinstance(results, dict) and ("channels" in results or "utterances" in results)


def _read_deepgram(doc: dict[str, Any]) -> tuple[str, list[_Piece]]:
    results = _dict(doc.get("results"))
    utterances = _list(results.get("utterances"))
    if utterances:
        return "Deepgram response: results.utterances[]", _segments(
            utterances, ("results", "utterances"), ("speaker", "transcript", "start", "end")
        )
    alternative = _first(_first(results.get("channels")).get("alternatives"))
    base: JsonPath = ("results", "channels", 0, "alternatives", 0)
    paragraphs = _list(_dict(alternative.get("paragraphs")).get("paragraphs"))
    if paragraphs:
        pieces = []
        for i, paragraph in enumerate(paragraphs):
            if not isinstance(paragraph, dict):
                continue
            speaker = _speaker(paragraph.get("speaker"))
            for j, sentence in enumerate(_list(paragraph.get("sentences"))):
                if isinstance(sentence, dict):
                    path = (*base, "paragraphs", "paragraphs", i, "sentences", j, "text")
                    start, end = _seconds(sentence.get("start")), _seconds(sentence.get("end"))
                    pieces.append(_segment(speaker, sentence.get("text"), path, start, end))
        return "Deepgram response: paragraphs of results.channels[0].alternatives[0]", pieces
    words = _list(alternative.get("words"))
    if words:
        return "Deepgram response: words[] of results.channels[0].alternatives[0]", _pieces_of_words(
            _Word(
                _speaker(w.get("speaker")),
                _text(w.get(key)),
                (*base, "words", i, key),
                _seconds(w.get("start")),
                _seconds(w.get("end")),
            )
            for i, w in enumerate(words)
            if isinstance(w, dict)
            for key in ("punctuated_word" if isinstance(w.get("punctuated_word"), str) else "word",)
        )
    return "Deepgram response: transcript", [
        _segment(None, alternative.get("transcript"), (*base, "transcript"), None, None)
    ]


def _is_amazon(doc: dict[str, Any]) -> bool:
    results = doc.get("results")
    return isinstance(results, dict) and any(
        key in results for key in ("transcripts", "items", "speaker_labels", "audio_segments")
    )


def _read_amazon(doc: dict[str, Any]) -> tuple[str, list[_Piece]]:
    results = _dict(doc.get("results"))
    segments = _list(results.get("audio_segments"))
    if segments:
        return "Amazon Transcribe job: results.audio_segments[]", _segments(
            segments, ("results", "audio_segments"), ("speaker_label", "transcript", "start_time", "end_time")
        )
    items = _list(results.get("items"))
    if items:
        # Older output names a word's speaker only in speaker_labels.segments[].items[], by the word's start time.
        speaker_at: dict[Any, str] = {}
        for segment in _list(_dict(results.get("speaker_labels")).get("segments")):
            for item in _list(_dict(segment).get("items")):
                item = _dict(item)
                label = _speaker(item.get("speaker_label")) or _speaker(_dict(segment).get("speaker_label"))
                start = item.get("start_time")
                if label is not None and isinstance(start, str | int | float):
                    speaker_at[start] = label

        def word(i: int, item: dict[str, Any]) -> _Word:
            start = item.get("start_time")
            speaker = _speaker(item.get("speaker_label"))
            if speaker is None and isinstance(start, str | int | float):
                speaker = speaker_at.get(start)
            glue = "previous" if item.get("type") == "punctuation" else "none"
            return _Word(
                speaker,
                _text(_first(item.get("alternatives")).get("content")),
                ("results", "items", i, "alternatives", 0, "content"),
                _seconds(start),
                _seconds(item.get("end_time")),
                glue,
            )

        return "Amazon Transcribe job: results.items[]", _pieces_of_words(
            word(i, item) for i, item in enumerate(items) if isinstance(item, dict)
        )
    path: JsonPath = ("results", "transcripts", 0, "transcript")
    return "Amazon Transcribe job: results.transcripts[]", [
        _segment(None, _first(results.get("transcripts")).get("transcript"), path, None, None)
    ]


def _revai_speaker(monologue: dict[str, Any]) -> tuple[str | None, bool]:
    """A monologue's speaker: its ``speaker_name`` where set (a name a person gave), else its number."""
    name = monologue.get("speaker_name")
    if isinstance(name, str) and name.strip():
        return " ".join(name.split()), True
    return _speaker(monologue.get("speaker")), False


def _is_revai(doc: dict[str, Any]) -> bool:
    return isinstance(doc.get("monologues"), list)


def _read_revai(doc: dict[str, Any]) -> tuple[str, list[_Piece]]:
    pieces = []
    for i, monologue in enumerate(_list(doc.get("monologues"))):
        if not isinstance(monologue, dict):
            continue
        speaker, _ = _revai_speaker(monologue)
        values: list[str] = []
        first: JsonPath | None = None
        last: JsonPath | None = None
        start_ms = end_ms = None
        for j, element in enumerate(_list(monologue.get("elements"))):
            element = _dict(element)
            value = element.get("value")
            if element.get("type") not in ("text", "punct") or not isinstance(value, str):
                continue  # an "unknown" element (<inaudible>) is no word
            values.append(value)
            if value.strip():
                path: JsonPath = ("monologues", i, "elements", j, "value")
                first, last = first or path, path
            if element.get("type") == "text":
                start_ms = start_ms if start_ms is not None else _seconds(element.get("ts"))
                end_ms = _seconds(element.get("end_ts")) if "end_ts" in element else end_ms
        if first is not None and last is not None:
            pieces.append(_Piece(speaker, collapse_blanks("".join(values)), first, last, start_ms, end_ms))
    return "Rev.ai transcript: monologues[]", pieces


def _speechmatics_results(doc: dict[str, Any]) -> list[Any]:
    return _list(doc.get("results"))


def _is_speechmatics(doc: dict[str, Any]) -> bool:
    return any(
        isinstance(r, dict) and r.get("type") in ("word", "punctuation") and "alternatives" in r
        for r in _speechmatics_results(doc)
    )


def _read_speechmatics(doc: dict[str, Any]) -> tuple[str, list[_Piece]]:
    words = []
    for i, result in enumerate(_speechmatics_results(doc)):
        if not isinstance(result, dict) or result.get("type") not in ("word", "punctuation"):
            continue  # an entity, a speaker change: no words of their own
        best = _first(result.get("alternatives"))
        glue = result.get("attaches_to")
        if glue not in ("previous", "next", "both", "none"):
            glue = "previous" if result.get("type") == "punctuation" else "none"
        words.append(
            _Word(
                _speaker(best.get("speaker")),
                _text(best.get("content")),
                ("results", i, "alternatives", 0, "content"),
                _seconds(result.get("start_time")),
                _seconds(result.get("end_time")),
                glue,
            )
        )
    return "Speechmatics JSON-v2: results[] of words by speaker", _pieces_of_words(words)


def _google_results(doc: dict[str, Any]) -> tuple[JsonPath, list[Any]]:
    """Google's results, at the top or in a long-running operation's ``response``."""
    if isinstance(doc.get("results"), list):
        return ("results",), doc["results"]
    return ("response", "results"), _list(_dict(doc.get("response")).get("results"))


def _is_google(doc: dict[str, Any]) -> bool:
    _, results = _google_results(doc)
    return any(isinstance(r, dict) and isinstance(r.get("alternatives"), list) for r in results)


def _google_speaker(word: dict[str, Any]) -> str | None:
    tag = _get(word, "speakerTag", "speaker_tag")
    if isinstance(tag, int) and not isinstance(tag, bool) and tag > 0:
        return str(tag)
    label = _get(word, "speakerLabel", "speaker_label")
    return _speaker(label) if isinstance(label, str) else None


def _read_google(doc: dict[str, Any]) -> tuple[str, list[_Piece]]:
    base, results = _google_results(doc)
    for i in range(len(results) - 1, -1, -1):
        words = _list(_first(_dict(results[i]).get("alternatives")).get("words"))
        if any(isinstance(w, dict) and _google_speaker(w) is not None for w in words):
            return "Google Speech-to-Text response: the last result's words by speaker", _pieces_of_words(
                _Word(
                    _google_speaker(w),
                    _text(w.get("word")),
                    (*base, i, "alternatives", 0, "words", j, "word"),
                    _seconds(_get(w, "startOffset", "startTime", "start_offset", "start_time")),
                    _seconds(_get(w, "endOffset", "endTime", "end_offset", "end_time")),
                )
                for j, w in enumerate(words)
                if isinstance(w, dict)
            )
    pieces = []
    for i, result in enumerate(results):
        if isinstance(result, dict):
            end = _seconds(
                _get(result, "resultEndOffset", "resultEndTime", "result_end_offset", "result_end_time")
            )
            transcript = _first(result.get("alternatives")).get("transcript")
            pieces.append(_segment(None, transcript, (*base, i, "alternatives", 0, "transcript"), None, end))
    return "Google Speech-to-Text response: results[] transcripts", pieces


# The tools, in the order they are told apart: each test looks at the top-level keys and the shape of one list.
TOOLS: tuple[
    tuple[str, Callable[[dict[str, Any]], bool], Callable[[dict[str, Any]], tuple[str, list[_Piece]]]], ...
] = (
    ("revai", _is_revai, _read_revai),
    ("deepgram", _is_deepgram, _read_deepgram),
    ("amazon-transcribe", _is_amazon, _read_amazon),
    ("assemblyai", _is_assemblyai, _read_assemblyai),
    ("whisper", _is_whisper, _read_whisper),
    ("speechmatics", _is_speechmatics, _read_speechmatics),
    ("google", _is_google, _read_google),
)
_NOT_ASR = (
    "not the JSON of a speech recognizer (none of WhisperX's or Whisper's segments[], AssemblyAI's utterances[], "
    "Amazon Transcribe's or Deepgram's results, Rev.ai's monologues[], Google's or Speechmatics' results[])"
)


# --- where the values are ---------------------------------------------------------------------------------------


def _value_spans(text: str, start: int, wanted: set[JsonPath]) -> dict[JsonPath, tuple[int, int]]:
    """Where each wanted string value is printed (inside its quotes): one scan of the JSON's tokens, keeping the
    path of keys and indexes to the value at hand. The text is valid JSON (orjson read it)."""
    spans: dict[JsonPath, tuple[int, int]] = {}
    depths = {len(path) for path in wanted}
    path: list[str | int] = []
    in_object: list[bool] = []
    expecting_key = False
    for token in _TOKEN.finditer(text, start):
        char = text[token.start()]
        if char == "{":
            path.append("")
            in_object.append(True)
            expecting_key = True
        elif char == "[":
            path.append(0)
            in_object.append(False)
            expecting_key = False
        elif char in "}]":
            if path:
                path.pop()
                in_object.pop()
            expecting_key = False
        elif char == ",":
            if in_object and in_object[-1]:
                expecting_key = True
            elif path:
                index = path[-1]
                path[-1] = index + 1 if isinstance(index, int) else 0
        elif char == ":":
            expecting_key = False
        elif char == '"':
            literal = token[0]
            if expecting_key and in_object and in_object[-1]:
                path[-1] = orjson.loads(literal) if "\\" in literal else literal[1:-1]
            elif len(path) in depths:
                here = tuple(path)
                if here in wanted:
                    spans[here] = (token.start() + 1, token.end() - 1)
    return spans


def _visible_span(text: str, start: int, end: int) -> tuple[int, int]:
    """A value's span without its leading and trailing blanks (Whisper's segments open with a space)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# --- the reader -------------------------------------------------------------------------------------------------


def _load(text: str, path: str | None) -> tuple[Any, int]:
    """The parsed JSON and where it starts (after a byte-order mark the decoder left)."""
    start = 1 if text.startswith("\ufeff") else 0
    try:
        return orjson.loads(text[start:] if start else text), start
    except orjson.JSONDecodeError as error:
        position = start + (error.pos if isinstance(error.pos, int) else 0)
        raise ParseError(f"malformed JSON ({error.msg}): {describe_place(path, text, position)}") from None


def _keys_shown(doc: Any) -> str:
    if not isinstance(doc, dict):
        return f"a top-level {type(doc).__name__ if doc is not None else 'null'}, not an object"
    keys = [repr(key[:30]) for key in list(doc)[:6]]
    return (
        "no top-level key"
        if not keys
        else "top-level keys " + ", ".join(keys) + (", …" if len(doc) > 6 else "")
    )


def read_asr_json(text: str, path: str | None = None) -> Reading:
    """The turns of a speech recognizer's JSON output (see the module's docstring)."""
    doc, start = _load(text, path)
    found = next((tool for tool in TOOLS if isinstance(doc, dict) and tool[1](doc)), None)
    if found is None:
        opening = len(text) - len(text[start:].lstrip())
        raise ParseError(f"{_NOT_ASR}: {_keys_shown(doc)}: {describe_place(path, text, opening)}")
    name, _, read = found
    what, pieces = read(doc)
    pieces = [piece for piece in pieces if piece.text]
    spans = _value_spans(text, start, {p.first for p in pieces} | {p.last for p in pieces})
    names = (
        {
            speaker
            for speaker, named in map(_revai_speaker, filter(_is_dict, _list(doc.get("monologues"))))
            if named
        }
        if name == "revai"
        else set()
    )

    def read_label(code: str) -> Label | None:
        if code in names:
            return parse_label(code) or Label(raw=code)
        if name == "speechmatics" and code == _SPEECHMATICS_UNKNOWN:
            return Label(raw=code, role=_UNIDENTIFIED)
        return code_label(code)

    turns = CueTurns(text, read_label=read_label)
    diarized = any(piece.speaker is not None for piece in pieces)
    unattributed: list[tuple[int, int]] = []  # the spans of pieces no one is said to speak
    backwards, previous_ms = 0, None
    for piece in pieces:
        if piece.first not in spans or piece.last not in spans:
            continue  # (never: every value read is printed)
        begin, end = _visible_span(text, spans[piece.first][0], spans[piece.last][1])
        if piece.start_ms is not None:
            backwards += previous_ms is not None and piece.start_ms < previous_ms
            previous_ms = piece.start_ms
        if diarized and piece.speaker is None:
            unattributed.append((begin, len(piece.text)))
            continue
        turns.add(piece.speaker, piece.text, begin, max(begin, end), piece.start_ms, piece.end_ms)
    table = turns.done()
    warnings = _warnings(name, path, text, table, diarized, unattributed, backwards)
    return Reading(table, warnings=warnings, notes=(f"read as {what}",))


def _warnings(
    name: str,
    path: str | None,
    text: str,
    table: Sequence[object],
    diarized: bool,
    unattributed: list[tuple[int, int]],
    backwards: int,
) -> tuple[str, ...]:
    warnings = []
    if not table:
        warnings.append(f"{name} JSON without speech: no piece of anyone's words")
    elif not diarized:
        warnings.append(
            f"{name} JSON without a speaker (not diarized): its speech is one monologue, no one's named"
        )
    if unattributed:
        pieces, are = ("piece", "is") if len(unattributed) == 1 else ("pieces", "are")
        chars = sum(size for _, size in unattributed)
        warnings.append(
            f"{len(unattributed)} {pieces} of speech ({chars} characters) without a speaker {are} in no turn, from "
            f"{describe_place(path, text, unattributed[0][0])}"
        )
    if backwards:
        warnings.append(
            f"{backwards} piece{'s start' if backwards != 1 else ' starts'} before the piece listed before "
            "(kept in the file's order)"
        )
    return tuple(warnings)
