"""NIST STM segment files (``.stm``): the reference transcripts a speech recognizer is scored against (sclite, the
HUB4 and HUB5 evaluations, TED-LIUM, the scoring scripts of Kaldi and ESPnet)::

    ;; CATEGORY "0" "" ""
    ;; LABEL "F0" "Baseline//Broadcast//Speech" ""
    sw_4390 A sw_4390_A 0.00 5.42 <O,F0,female> hello (%hesitation) is this { a / the } line
    sw_4390 B sw_4390_B 5.10 7.80 <O,F0,male> yeah (th-) it is
    sw_4390 A inter_segment_gap 7.80 9.20 <O,,unknown> ignore_time_segment_in_scoring

One segment a line: the waveform's name, its channel, the speaker, the start and end in seconds, an optional set of
labels in angle brackets, then the words; a line opening with ``;;`` is a comment (the categories and labels a
scoring report groups by). A segment of the speaker ``inter_segment_gap`` or ``excluded_region``, or whose words
are only ``ignore_time_segment_in_scoring``, marks a stretch the scoring skips (a gap, music, a region left out):
it is no one's speech, and no end of the turn around it (vocabulary ``[markup]`` ``stm_not_speech_*``).
Consecutive segments of one speaker make one turn (:class:`~transcript_kit.formats.subtitles.CueTurns`), in the
order printed; another waveform or channel parts them. The label is the speaker field as printed, a speaker code
(:mod:`transcript_kit.formats.corpus`); the words keep the scoring's marks as printed: optionally deletable words
``(%hesitation)``, ``(th-)``, alternations ``{ a / the }``.
"""

from __future__ import annotations

import re

from transcript_kit.conventions.vocabulary import VOCABULARY
from transcript_kit.errors import ParseError, describe_place
from transcript_kit.formats.corpus import corpus_turns
from transcript_kit.formats.lines import SECONDS, first_visible, line_spans, seconds_ms, words
from transcript_kit.formats.reading import Reading

__all__ = ["read_stm"]

_COMMENT = ";;"
# The five fields before the words; the times are checked one by one, so an error can point at the bad one.
_FIELDS = re.compile(
    r"\s*(?P<file>\S+)\s+(?P<channel>\S+)\s+(?P<speaker>\S+)\s+(?P<start>\S+)\s+(?P<end>\S+)(?=\s|$)"
)
_TIME = re.compile(SECONDS)
_LABELS = re.compile(r"\s+<[^<>]*>(?=\s|$)")  # "<O,F0,female>": the segment's labels, no words
_NOT_SPEECH_SPEAKERS = VOCABULARY.folded("markup_stm_not_speech_speakers")
_NOT_SPEECH_TEXTS = VOCABULARY.folded("markup_stm_not_speech_texts")


def read_stm(text: str, path: str | None = None) -> Reading:
    """The turns of a NIST STM file (see the module's docstring)."""
    turns = corpus_turns(text)
    recording: tuple[str, str] | None = None  # the waveform and channel of the last segment of speech
    segments = 0
    for start, end in line_spans(text):
        opening = first_visible(text, start, end)
        if opening is None or text.startswith(_COMMENT, opening):
            continue
        fields = _FIELDS.match(text, start, end)
        misread = "" if segments else "not a NIST STM file? "  # what its first line shows
        if fields is None:
            raise ParseError(
                f"{misread}an STM segment is 'waveform channel speaker start end [<labels>] words' (five fields "
                f"before its words): {describe_place(path, text, opening)}"
            )
        for time in ("start", "end"):
            if _TIME.fullmatch(fields[time]) is None:
                raise ParseError(
                    f"{misread}an STM segment's {time} is a time in seconds, not {fields[time][:20]!r}: "
                    f"{describe_place(path, text, fields.start(time))}"
                )
        segments += 1
        labels = _LABELS.match(text, fields.end(), end)
        said = words(text, labels.end() if labels else fields.end(), end)
        speaker = fields["speaker"]
        if (
            said is None
            or speaker.casefold() in _NOT_SPEECH_SPEAKERS
            or said[0].casefold() in _NOT_SPEECH_TEXTS
        ):
            continue
        joins = recording == (fields["file"], fields["channel"])
        recording = (fields["file"], fields["channel"])
        turns.add(speaker, *said, seconds_ms(fields["start"]), seconds_ms(fields["end"]), joins=joins)
    table = turns.done()
    if table:
        return Reading(table)
    what = "segment" if segments else "segment line ('waveform channel speaker start end words')"
    return Reading(table, warnings=(f"NIST STM file without speech: no {what} of anyone's words",))
