"""Properties that must always hold, on arbitrary input: no crash, offsets point into the source."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transcript_kit.errors import TranscriptKitError
from transcript_kit.model import Document, TurnKind
from transcript_kit.parse import parse_bytes, parse_text

LABELS = [
    "SECRETARY BLINKEN:",
    "Q",
    "MS. PSAKI:",
    "Mr. McCONNELL.",
    "Prime Minister Edi Rama:",
    "(Laughter.)",
    "The PRESIDING OFFICER (Mr. Kyl).",
    "---",
    "END 2:20 P.M. EDT",
    "06/13/2021 03:08 PM EDT",
    "“Quoted,”",
]
pieces = st.one_of(
    st.sampled_from(LABELS),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60),
    st.sampled_from(["\n", "\n\n", "  ", "\u00a0", "\r\n", ":", ".", "\t"]),
)
documents = st.lists(pieces, max_size=40).map("".join)


def _without_set_aside(document: Document, start: int, end: int) -> str:
    """The source between start and end, less the regions the parser set aside (headings, furniture, ...)."""
    kept, position = [], start
    for span in sorted(document.spans, key=lambda s: s.start):
        if span.end <= position or span.start >= end:
            continue
        kept.append(document.text[position : max(position, span.start)])
        position = max(position, span.end)
    kept.append(document.text[position:end])
    return " ".join(" ".join(kept).split())


def _check_offsets(text: str, kinds: tuple[TurnKind, ...] = (TurnKind.TURN, TurnKind.MONOLOGUE)) -> None:
    document = parse_text(text, doc_id="x")
    previous_start = -1
    for turn in document.turns:
        assert 0 <= turn.char_start <= turn.char_end <= len(text)
        assert turn.char_start >= previous_start
        previous_start = turn.char_start
        if turn.kind in kinds and turn.text:
            # the text is the span's text up to whitespace, less what was set aside (and so recorded) inside it
            assert _without_set_aside(document, turn.char_start, turn.char_end) == " ".join(turn.text.split())
    for span in document.spans:
        assert 0 <= span.start <= span.end <= len(text)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_offsets_point_into_the_source_and_text_equals_the_span(text: str) -> None:
    _check_offsets(text)


@settings(max_examples=200)
@given(st.binary(max_size=3000))
def test_nothing_crashes_on_arbitrary_bytes(data: bytes) -> None:
    try:
        document = parse_bytes(data, doc_id="x", path="x.txt")
    except TranscriptKitError:
        return
    assert all(0 <= t.char_start <= t.char_end <= len(document.text) for t in document.turns)


@settings(max_examples=100)
@given(st.binary(max_size=2000), st.sampled_from(["x.srt", "x.vtt", "x.sbv", "x.ttml", "x.ass", "x.ssa"]))
def test_subtitle_inputs_never_crash_on_arbitrary_bytes(data: bytes, name: str) -> None:
    try:
        parse_bytes(data, doc_id="x", path=name)
    except TranscriptKitError:
        return


@settings(max_examples=100)
@given(
    st.binary(max_size=2000),
    st.sampled_from(["x.cha", "x.TextGrid", "x.eaf", "x.trs", "x.fdx", "x.stm", "x.trn", "x.json"]),
)
def test_research_transcript_inputs_never_crash_on_arbitrary_bytes(data: bytes, name: str) -> None:
    """CHAT, TextGrid, ELAN, Transcriber, Final Draft, NIST STM, Santa Barbara Corpus and speech recognizers' JSON
    readers (their documents mutated: test_formats_research, test_formats_corpus, test_formats_asr_json)."""
    try:
        document = parse_bytes(data, doc_id="x", path=name)
    except TranscriptKitError:
        return
    assert all(0 <= t.char_start <= t.char_end <= len(document.text) for t in document.turns)


@settings(max_examples=100)
@given(documents)
def test_parsing_is_deterministic(text: str) -> None:
    assert parse_text(text, doc_id="x") == parse_text(text, doc_id="x")
