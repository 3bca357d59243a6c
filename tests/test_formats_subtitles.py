"""SRT and WebVTT readers and the turns made from their cues."""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Callable
from pathlib import Path

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transcript_kit.errors import ParseError
from transcript_kit.formats.subtitles import Cue, read_srt, read_vtt, subtitle_turns
from transcript_kit.model import TurnKind
from transcript_kit.parse import parse_text

DATA = Path(__file__).parent / "data" / "podcast"
Reader = Callable[[str, "str | None"], tuple[Cue, ...]]

# The oracle for "what a viewer reads": markup removed, then HTML entities unescaped.
_MARKUP = re.compile(r"</?[A-Za-z][^<>\r\n]*>|<\d[\d:.]*>|\{\\[^{}\r\n]*\}")


# A voice tag ends one speaker's text and starts another's: an entity cannot run across it.
_VOICE_TAG = re.compile(r"<v(?:\.[^\s>]*)?(?:[ \t][^>]*)?>")


def visible(source: str) -> str:
    pieces = (html.unescape(_MARKUP.sub("", piece)) for piece in _VOICE_TAG.split(source))
    return " ".join(" ".join(pieces).split())


def squash(text: str) -> str:
    return " ".join(text.split())


def srt(*cues: str) -> str:
    return "\n\n".join(cues) + "\n"


def only_cue(cues: tuple[Cue, ...]) -> Cue:
    assert len(cues) == 1, cues
    return cues[0]


# --- golden: real files against their gold turns ------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "reader"),
    [("buzzsprout-10-things.srt", read_srt), ("buzzsprout-trailer.vtt", read_vtt)],
)
def test_real_subtitle_files_give_the_gold_speakers_and_texts(name: str, reader: Reader) -> None:
    path = DATA / name
    source = path.read_text(encoding="utf-8")
    gold = [orjson.loads(line) for line in (DATA / f"{path.stem}.jsonl").read_bytes().splitlines() if line]

    turns = subtitle_turns(reader(source, str(path)), source)

    assert [(t.label, t.text) for t in turns] == [(g["speaker"], squash(g["text"])) for g in gold]
    assert [t.index for t in turns] == list(range(len(gold)))
    assert all(t.kind is TurnKind.TURN for t in turns)


@pytest.mark.parametrize("name", ["buzzsprout-10-things.srt", "buzzsprout-trailer.vtt"])
def test_real_turn_spans_start_at_the_first_word_and_end_at_the_last(name: str) -> None:
    source = (DATA / name).read_text(encoding="utf-8")
    reader = read_srt if name.endswith(".srt") else read_vtt
    turns = subtitle_turns(reader(source), source)
    for turn in turns:
        span = visible(source[turn.char_start : turn.char_end])
        assert span.startswith(turn.text.split()[0])
        assert span.endswith(turn.text.split()[-1])
    assert [t.char_start for t in turns] == sorted(t.char_start for t in turns)


def test_real_srt_turn_times_come_from_the_first_and_last_cue() -> None:
    source = (DATA / "buzzsprout-10-things.srt").read_text(encoding="utf-8")
    turns = subtitle_turns(read_srt(source), source)
    assert (turns[0].start_ms, turns[0].end_ms) == (179, 50340)
    assert (turns[-1].start_ms, turns[-1].end_ms) == (691490, 754769)


def test_real_vtt_cues_carry_their_voice_and_unescaped_text() -> None:
    source = (DATA / "buzzsprout-trailer.vtt").read_text(encoding="utf-8")
    cues = read_vtt(source)
    assert [c.voice for c in cues] == ["Sarah"] * 5 + ["Gillian"] * 2
    assert "Welcome to Podcasting Q&A," in cues[2].text
    assert (cues[5].start_ms, cues[5].end_ms) == (19080, 21450)


# --- SRT ----------------------------------------------------------------------------------------------------


def test_srt_reads_index_timing_and_multi_line_payload() -> None:
    source = srt("1\n00:00:00,179 --> 00:00:02,399\nWhen you first get\nstarted in podcasting")
    cue = only_cue(read_srt(source))
    assert (cue.index, cue.start_ms, cue.end_ms, cue.voice) == (0, 179, 2399, None)
    assert cue.text == "When you first get started in podcasting"
    assert source[cue.text_start : cue.text_end] == "When you first get\nstarted in podcasting"


def test_srt_timestamps_count_hours_minutes_seconds_and_milliseconds() -> None:
    cue = only_cue(read_srt(srt("7\n01:02:03,456 --> 123:00:00,000\nlong")))
    assert cue.start_ms == ((1 * 60 + 2) * 60 + 3) * 1000 + 456
    assert cue.end_ms == 123 * 3_600_000


def test_srt_tolerates_a_missing_index_line_crlf_and_a_dot_before_milliseconds() -> None:
    source = (
        "00:00:01.000 --> 00:00:02.000\r\nHello there\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\nBye\r\n"
    )
    cues = read_srt(source)
    assert [(c.start_ms, c.end_ms, c.text) for c in cues] == [
        (1000, 2000, "Hello there"),
        (3000, 4000, "Bye"),
    ]
    assert source[cues[0].text_start : cues[0].text_end] == "Hello there"


def test_srt_ignores_position_coordinates_after_the_timing() -> None:
    cue = only_cue(read_srt(srt("1\n00:00:01,000 --> 00:00:02,000  X1:40 X2:600 Y1:20 Y2:50\nHi")))
    assert (cue.start_ms, cue.end_ms, cue.text) == (1000, 2000, "Hi")


def test_srt_cue_after_a_forgotten_blank_line_starts_a_new_cue_and_its_index_is_not_text() -> None:
    source = "1\n00:00:01,000 --> 00:00:02,000\nFirst\n2\n00:00:03,000 --> 00:00:04,000\nSecond\n"
    assert [(c.index, c.start_ms, c.text) for c in read_srt(source)] == [
        (0, 1000, "First"),
        (1, 3000, "Second"),
    ]


def test_srt_blank_line_inside_a_payload_keeps_the_words_in_that_cue() -> None:
    source = srt(
        "1\n00:00:01,000 --> 00:00:02,000\nFirst part",
        "second part",
        "2\n00:00:03,000 --> 00:00:04,000\nNext",
    )
    assert [c.text for c in read_srt(source)] == ["First part second part", "Next"]


def test_srt_strips_formatting_tags_and_ass_codes() -> None:
    source = srt('1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<i>Hello</i> <font color="red">world</font>')
    cue = only_cue(read_srt(source))
    assert cue.text == "Hello world"
    assert source[cue.text_start : cue.text_end] == 'Hello</i> <font color="red">world'


def test_srt_without_cues_reads_as_no_cues() -> None:
    assert read_srt("") == ()
    assert read_srt("\n\n  \n") == ()


@pytest.mark.parametrize(
    ("timing", "column", "token"),
    [
        ("00:00:01,000 --> 00:00:6,000", 18, "00:00:6,000"),
        ("00:61:01,000 --> 00:62:00,000", 1, "00:61:01,000"),
        ("00:00:01 --> 00:00:02,000", 1, "00:00:01"),
        ("00:00:01,000 --> 00:00:02,00", 18, "00:00:02,00"),
        ("aa:bb:cc,ddd --> 00:00:02,000", 1, "aa:bb:cc,ddd"),
    ],
)
def test_srt_malformed_timestamp_raises_parse_error_naming_file_line_column_and_text(
    timing: str, column: int, token: str
) -> None:
    with pytest.raises(ParseError) as error:
        read_srt(srt("1\n00:00:00,000 --> 00:00:01,000\nok", f"2\n{timing}\nbad"), "talk.srt")
    message = str(error.value)
    assert f"talk.srt:6:{column}:" in message
    assert repr(token) in message
    assert timing in message


def test_srt_timing_line_without_a_start_time_raises_parse_error() -> None:
    with pytest.raises(ParseError, match=r"talk\.srt:2:1:"):
        read_srt("1\n--> 00:00:02,000\nHi\n", "talk.srt")


def test_srt_text_before_the_first_cue_raises_parse_error() -> None:
    with pytest.raises(ParseError, match=r"<text>:1:1: 'This is not a subtitle file.'"):
        read_srt("This is not a subtitle file.\nAt all.\n")


# --- WebVTT -------------------------------------------------------------------------------------------------

VTT_FULL = """WEBVTT - a header comment
Kind: captions
Language: en

STYLE
::cue { color: yellow }

REGION
id:fred

NOTE this is a comment
that spans two lines --- and is skipped

intro
00:00.500 --> 00:02.000 align:start position:10%
<v.loud Esme>It&#39;s a <c.blue>blue</c> apple tree!</v>

01:00:00.000 --> 01:00:01.250
<v Mary>No way!

NOTE 2

3
01:00:02.000 --> 01:00:03.000
<v Esme>Yes <b>way</b> &amp; <i>more</i>.
"""


def test_vtt_skips_header_style_region_and_note_blocks_and_reads_cue_identifiers_and_settings() -> None:
    cues = read_vtt(VTT_FULL, "x.vtt")
    assert [(c.index, c.start_ms, c.end_ms, c.voice, c.text) for c in cues] == [
        (0, 500, 2000, "Esme", "It's a blue apple tree!"),
        (1, 3_600_000, 3_601_250, "Mary", "No way!"),
        (2, 3_602_000, 3_603_000, "Esme", "Yes way & more."),
    ]


def test_vtt_cue_offsets_skip_the_voice_tag() -> None:
    cues = read_vtt(VTT_FULL)
    assert VTT_FULL[cues[0].text_start : cues[0].text_end] == "It&#39;s a <c.blue>blue</c> apple tree!"
    assert VTT_FULL[cues[1].text_start : cues[1].text_end] == "No way!"


def test_vtt_minutes_seconds_timestamps_have_no_hours() -> None:
    cue = only_cue(read_vtt("WEBVTT\n\n59:59.999 --> 01:00:00.000\nx\n"))
    assert (cue.start_ms, cue.end_ms) == (3_599_999, 3_600_000)


def test_vtt_cue_with_two_voices_becomes_one_cue_per_voice() -> None:
    source = "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Roger Bingham>Hi there</v>\n<v Neil>Hello\n"
    cues = read_vtt(source)
    assert [(c.index, c.voice, c.text) for c in cues] == [
        (0, "Roger Bingham", "Hi there"),
        (0, "Neil", "Hello"),
    ]
    assert [source[c.text_start : c.text_end] for c in cues] == ["Hi there", "Hello"]


def test_vtt_strips_karaoke_timestamp_tags() -> None:
    cue = only_cue(read_vtt("WEBVTT\n\n00:01.000 --> 00:03.000\nNever <00:02.000>drink\n"))
    assert cue.text == "Never drink"


def test_vtt_accepts_a_first_cue_right_under_the_header() -> None:
    cue = only_cue(read_vtt("WEBVTT\n00:01.000 --> 00:02.000\nHi\n"))
    assert (cue.start_ms, cue.text) == (1000, "Hi")


def test_vtt_without_the_webvtt_signature_raises_parse_error() -> None:
    with pytest.raises(ParseError, match=r"x\.vtt:1:1: '00:01.000 --> 00:02.000'"):
        read_vtt("00:01.000 --> 00:02.000\nHi\n", "x.vtt")
    with pytest.raises(ParseError):
        read_vtt("WEBVTTX\n")


@pytest.mark.parametrize(
    ("timing", "column", "token"),
    [
        ("00:01.000 --> 0:02.000", 15, "0:02.000"),
        ("00:60.000 --> 01:00.000", 1, "00:60.000"),
        ("1.000 --> 00:02.000", 1, "1.000"),
    ],
)
def test_vtt_malformed_timestamp_raises_parse_error_naming_file_line_column_and_text(
    timing: str, column: int, token: str
) -> None:
    with pytest.raises(ParseError) as error:
        read_vtt(f"WEBVTT\n\nid\n{timing}\nHi\n", "x.vtt")
    assert f"x.vtt:4:{column}:" in str(error.value)
    assert repr(token) in str(error.value)


# --- turns --------------------------------------------------------------------------------------------------


def test_name_prefix_holds_until_the_next_prefix_and_same_speaker_cues_merge() -> None:
    source = srt(
        "1\n00:00:01,000 --> 00:00:02,000\nTravis: When you first get\nstarted,",
        "2\n00:00:02,000 --> 00:00:03,000\nit is hard.",
        "3\n00:00:03,000 --> 00:00:04,000\nSarah: Audio matters.",
        "4\n00:00:04,000 --> 00:00:05,000\nSarah: Really.",
        "5\n00:00:05,000 --> 00:00:06,000\nTravis: Agreed.",
    )
    turns = subtitle_turns(read_srt(source), source)
    assert [(t.index, t.kind, t.label, t.text, t.start_ms, t.end_ms) for t in turns] == [
        (0, TurnKind.TURN, "Travis", "When you first get started, it is hard.", 1000, 3000),
        (1, TurnKind.TURN, "Sarah", "Audio matters. Really.", 3000, 5000),
        (2, TurnKind.TURN, "Travis", "Agreed.", 5000, 6000),
    ]
    assert source[turns[0].char_start : turns[0].char_start + 4] == "When"
    assert source[: turns[0].char_end].endswith("it is hard.")


def test_cues_without_any_speaker_make_a_monologue() -> None:
    source = srt(
        "1\n00:00:01,000 --> 00:00:02,000\nWelcome to the show.", "2\n00:00:02,000 --> 00:00:03,000\nBye."
    )
    (turn,) = subtitle_turns(read_srt(source), source)
    assert (turn.kind, turn.label, turn.text) == (TurnKind.MONOLOGUE, None, "Welcome to the show. Bye.")
    assert (turn.char_start, turn.char_end) == (source.index("Welcome"), source.index("Bye.") + 4)


def test_unlabelled_cues_before_the_first_speaker_are_a_monologue_then_turns_follow() -> None:
    source = srt(
        "00:00:01,000 --> 00:00:02,000\nTheme music fades.", "00:00:02,000 --> 00:00:03,000\nANNA: Hi."
    )
    turns = subtitle_turns(read_srt(source), source)
    assert [(t.kind, t.label, t.text) for t in turns] == [
        (TurnKind.MONOLOGUE, None, "Theme music fades."),
        (TurnKind.TURN, "ANNA", "Hi."),
    ]


@pytest.mark.parametrize(
    "label",
    ["Travis", "Dr. Jane Smith", "Mary Ann de la Cruz", "SPEAKER 2", "Speaker 1", "Q",
     "THE PRESIDING OFFICER", "Jean-Luc O'Brien", "Zoë Ångström"],
)  # fmt: skip
def test_prefix_that_looks_like_a_speaker_label_sets_the_speaker(label: str) -> None:
    source = srt(f"1\n00:00:01,000 --> 00:00:02,000\n{label}: Thank you.")
    (turn,) = subtitle_turns(read_srt(source), source)
    assert (turn.label, turn.text) == (label, "Thank you.")
    assert turn.char_start == source.index("Thank")


@pytest.mark.parametrize(
    "text",
    [
        "note: this is lower case",
        "Note: this is an aside",
        "So here's the thing: it works",
        "Well, then: maybe",
        "One Two Three Four Five: too many words",
        "We met at 10:30 today",
        "See https://example.com for more",
        "Step 2: plug it in",
        "Yes. Travis: sentence punctuation",
    ],
)
def test_colon_in_running_text_is_not_a_speaker(text: str) -> None:
    source = srt(f"1\n00:00:01,000 --> 00:00:02,000\n{text}")
    (turn,) = subtitle_turns(read_srt(source), source)
    assert (turn.kind, turn.label, turn.text) == (TurnKind.MONOLOGUE, None, text)


def test_label_alone_in_a_cue_names_the_speaker_of_the_next_cue() -> None:
    source = srt(
        "00:00:01,000 --> 00:00:02,000\nGILON:", "00:00:02,000 --> 00:00:03,000\nSo is there an ideal"
    )
    (turn,) = subtitle_turns(read_srt(source), source)
    assert (turn.label, turn.text, turn.start_ms) == ("GILON", "So is there an ideal", 2000)
    assert turn.char_start == source.index("So is")


def test_voice_change_starts_a_new_turn_and_unvoiced_cues_stay_with_the_current_voice() -> None:
    source = (
        "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Sarah>Hi, I'm Sarah.\n\n00:02.000 --> 00:03.000\nStill me.\n\n"
        "00:03.000 --> 00:04.000\n<v Gillian>Hello!\n"
    )
    turns = subtitle_turns(read_vtt(source), source)
    assert [(t.label, t.text) for t in turns] == [
        ("Sarah", "Hi, I'm Sarah. Still me."),
        ("Gillian", "Hello!"),
    ]


def test_voice_tag_wins_over_a_colon_in_the_cue_text() -> None:
    source = "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Sarah>Reminder: subscribe\n"
    (turn,) = subtitle_turns(read_vtt(source), source)
    assert (turn.label, turn.text) == ("Sarah", "Reminder: subscribe")


def test_prefix_offset_is_found_behind_tags_and_entities() -> None:
    source = srt("1\n00:00:01,000 --> 00:00:02,000\n<b>Anna</b>:&nbsp;<i>Q&amp;A</i> time")
    (turn,) = subtitle_turns(read_srt(source), source)
    assert (turn.label, turn.text) == ("Anna", "Q&A time")
    assert source[turn.char_start : turn.char_end] == "Q&amp;A</i> time"


# --- properties ---------------------------------------------------------------------------------------------

# Fragments that exercise markup, entities, whitespace and labels; none forms a timing line or a NOTE block.
_FRAGMENTS = st.sampled_from(
    ["word", "Anna:", "Q&A", " ", "  ", "\t", "\n", "\u00a0", "<i>", "</i>", "<b>", "<c.x>", "</c>",
     "<v Bob>", "<v.loud Ann Lee>", "</v>", "<v>", "&amp;", "&lt;", "&gt;", "&amp", "&#39;", "&#x41;",
     "&nbsp;", "&", "<", ">", "{\\an8}", "é", "ß", "1", ":", ".", "<00:01.000>", "&am", "p;"]
)  # fmt: skip
_PAYLOADS = st.lists(st.lists(_FRAGMENTS, max_size=12).map("".join), min_size=1, max_size=6)


def _document(payloads: list[str], vtt: bool) -> str:
    blocks = [f"{i + 1}\n00:00:{i:02d}.000 --> 00:00:{i + 1:02d}.500\n{p}" for i, p in enumerate(payloads)]
    return ("WEBVTT\n\n" if vtt else "") + "\n\n".join(blocks) + "\n"


@given(payloads=_PAYLOADS, vtt=st.booleans())
def test_cue_offsets_point_at_the_cue_text_in_the_source(payloads: list[str], vtt: bool) -> None:
    source = _document(payloads, vtt)
    cues = read_vtt(source) if vtt else read_srt(source)
    for cue in cues:
        assert cue.text == squash(cue.text) != ""
        assert visible(source[cue.text_start : cue.text_end]) == cue.text


@given(payloads=_PAYLOADS, vtt=st.booleans())
def test_no_payload_words_are_lost(payloads: list[str], vtt: bool) -> None:
    source = _document(payloads, vtt)
    cues = read_vtt(source) if vtt else read_srt(source)
    # Compared without whitespace: a voice tag between two words separates them.
    assert "".join(c.text for c in cues).replace(" ", "") == "".join(
        "".join(visible(p).split()) for p in payloads
    )


@given(payloads=_PAYLOADS, vtt=st.booleans())
def test_turn_spans_are_ordered_and_their_text_comes_from_the_cues(payloads: list[str], vtt: bool) -> None:
    source = _document(payloads, vtt)
    cues = read_vtt(source) if vtt else read_srt(source)
    turns = subtitle_turns(cues, source)
    assert [t.index for t in turns] == list(range(len(turns)))
    for turn in turns:
        assert 0 <= turn.char_start < turn.char_end <= len(source)
        assert turn.text == squash(turn.text) != ""
        # A labelled turn is a turn; one without a label is the cues before any speaker (a monologue) or a turn
        # a caption's ">>" opened without a name.
        assert turn.label is None or turn.kind is TurnKind.TURN
        assert turn.label is None or turn.kind is not TurnKind.MONOLOGUE
        assert turn.kind is not TurnKind.TURN or turn.label is not None or any(">>" in c.text for c in cues)
        # The span starts at the turn's first visible character and ends at its last.
        assert visible(source[turn.char_start : turn.char_end]).startswith(turn.text.split()[0])
    assert all(a.char_end <= b.char_start for a, b in itertools.pairwise(turns))


@given(ms=st.integers(min_value=0, max_value=99 * 3_600_000 + 3_599_999))
def test_timestamps_round_trip_in_both_formats(ms: int) -> None:
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    srt_time = f"{hours:02d}:{minutes:02d}:{seconds:02d},{millis:03d}"
    vtt_time = f"{minutes:02d}:{seconds:02d}.{millis:03d}" if hours == 0 else srt_time.replace(",", ".")
    assert only_cue(read_srt(f"1\n{srt_time} --> {srt_time}\nx\n")).start_ms == ms
    assert only_cue(read_vtt(f"WEBVTT\n\n{vtt_time} --> {vtt_time}\nx\n")).end_ms == ms


_NOISE = st.text(
    alphabet=st.sampled_from(list("0123456789:,.-> \t\r\n<>/&;vWEBVTNOaA\u00a0\ufeff")) | st.characters(),
    max_size=300,
)


@settings(max_examples=300)
@given(text=_NOISE, header=st.booleans())
def test_arbitrary_text_raises_nothing_but_parse_error(text: str, header: bool) -> None:
    for reader, source in ((read_srt, text), (read_vtt, ("WEBVTT\n\n" if header else "") + text)):
        try:
            cues = reader(source)
        except ParseError:
            continue
        subtitle_turns(cues, source)


@pytest.mark.parametrize(
    ("payload", "where"),
    [
        ("<b>Alice:</b>   <i>Well</i> &amp; then " + "more words " * 300, "Well</i>"),
        # tags beyond the first look at the cue's head: it grows until the words after the prefix show
        ("Dr. Amara Quist: " + "<font color='red'>" * 40 + "Yes" + " and more" * 200, "Yes and"),
        ("BOB: Hi &amp; bye", "Hi &amp;"),
    ],
)
def test_a_long_cue_after_its_speaker_prefix_starts_where_its_words_do(payload: str, where: str) -> None:
    source = f"1\n00:00:01,000 --> 00:00:02,000\n{payload}\n"
    (turn,) = parse_text(source, fmt="srt").turns
    assert source[turn.char_start :].startswith(where) and turn.char_start == source.index(where)


# Written for blind23's formats: YouTube's SubViewer captions, marked ">>" at each change of speaker (named or not,
# at a cue's start or inside it), and a broadcaster's TTML whose speakers are named in its head's metadata.
SBV = (
    "0:00:01.240,0:00:02.375\n[MUSIC]\n\n"
    "0:00:09.652,0:00:13.718\n>> ALEX: GOOD EVENING AND\nWELCOME TO THE LONG TABLE.\n\n"
    "0:00:13.918,0:00:18.094\nI'M ALEX VARGAS. HERE'S ONE THAT CAME IN OVER AND OVER. QUOTE: WHY?\n\n"
    "0:00:19.470,0:00:23.924\n>> JORDAN: AND I'M JORDAN PRICE.\n\n"
    "0:00:24.000,0:00:27.500\n>> THANK YOU, IT'S GREAT TO BE HERE.\n\n"
    "0:00:27.600,0:00:30.100\nBUT ISN'T -- >> SORRY, GO AHEAD.\n"
)


def test_sbv_cues_are_read_and_a_caption_mark_opens_a_turn_named_or_not() -> None:
    document = parse_text(SBV, doc_id="sbv", fmt="sbv")
    turns = [(turn.kind, turn.label, turn.text) for turn in document.turns]
    assert turns == [
        (TurnKind.STAGE, None, "[MUSIC]"),
        (TurnKind.TURN, "ALEX", "GOOD EVENING AND WELCOME TO THE LONG TABLE. I'M ALEX VARGAS. HERE'S ONE THAT CAME IN OVER AND OVER. QUOTE: WHY?"),
        (TurnKind.TURN, "JORDAN", "AND I'M JORDAN PRICE."),
        (TurnKind.TURN, None, "THANK YOU, IT'S GREAT TO BE HERE. BUT ISN'T --"),  # the guest, named by no label
        (TurnKind.TURN, None, "SORRY, GO AHEAD."),
    ]
    assert document.turns[1].start_ms == 9652
    for turn in document.turns:  # every span points at its words in the source
        assert SBV[turn.char_start : turn.char_end].split()[0] == turn.text.split()[0]


def test_sbv_timing_line_that_does_not_parse_is_text_and_text_before_the_first_cue_an_error() -> None:
    with pytest.raises(ParseError, match="SBV cue"):
        parse_text("Hello there\n\n0:00:01.000,0:00:02.000\nHI.\n", doc_id="bad", fmt="sbv")


TTML = """<?xml version="1.0" encoding="UTF-8"?>
<tt xmlns="http://www.w3.org/ns/ttml" xmlns:ttm="http://www.w3.org/ns/ttml#metadata" xml:lang="en">
  <head><metadata>
    <ttm:agent xml:id="a1" type="person"><ttm:name type="full">Keisha Morrow</ttm:name><ttm:name type="alias">Anchor</ttm:name></ttm:agent>
    <ttm:agent xml:id="a2" type="person"><ttm:name type="full">Luís Ferreira-Santos</ttm:name></ttm:agent>
    <ttm:agent xml:id="a5" type="person"><ttm:name type="alias">Unidentified resident</ttm:name></ttm:agent>
  </metadata></head>
  <body>
    <div>
      <p begin="00:00:01.001" end="00:00:05.643" ttm:agent="a1">Good evening, and welcome to Sunday<br/>Focus. I&apos;m Keisha Morrow.</p>
    </div>
    <!-- PKG -->
    <div ttm:agent="a2">
      <p begin="00:00:37.094" end="00:00:39.592"><span style="sfx">[water rushing]</span></p>
      <p begin="00:00:39.592" end="00:00:44.950">It started a little after four &amp; the<br/>street flooded.</p>
      <p begin="00:00:45.000" end="00:00:47.000" ttm:agent="a5">It was up to my knees.</p>
    </div>
    <p begin="00:07:46.492" end="00:07:48.441" ttm:agent="a1">Thank you, Luís.<br/><span ttm:agent="a2">Thank you, Keisha.</span></p>
  </body>
</tt>
"""


def test_ttml_speakers_come_from_the_agents_a_cue_its_division_or_a_span_names() -> None:
    document = parse_text(TTML, doc_id="captions", fmt="tei")  # an .xml: told from TEI by its root
    assert document.format == "ttml"
    turns = [(turn.kind, turn.label, turn.text) for turn in document.turns]
    assert turns == [
        (TurnKind.TURN, "Keisha Morrow", "Good evening, and welcome to Sunday Focus. I'm Keisha Morrow."),
        (TurnKind.STAGE, None, "[water rushing]"),
        (TurnKind.TURN, "Luís Ferreira-Santos", "It started a little after four & the street flooded."),
        (TurnKind.TURN, "Unidentified resident", "It was up to my knees."),
        (TurnKind.TURN, "Keisha Morrow", "Thank you, Luís."),
        (TurnKind.TURN, "Luís Ferreira-Santos", "Thank you, Keisha."),
    ]
    assert document.turns[0].start_ms == 1001 and document.turns[0].end_ms == 5643
    assert TTML[document.turns[5].char_start : document.turns[5].char_end] == "Thank you, Keisha."


def test_a_meeting_apps_vtt_names_every_cue_and_its_prefix_is_the_speaker_whatever_it_reads() -> None:
    # Written for blind23's format (a meeting app's cloud-recording WebVTT): every cue opens with its speaker as
    # the app names them, a phone's caller by number, a device by its owner's name. Before: those two prefixes
    # (no name the label grammar reads) went to the speaker before them.
    cues = [
        "Dr. Ana Ruiz (she/her): Welcome, everybody.",
        "Okafor, Chidi (Metro Water): Sure. Short answer: yes.",
        "María José’s iPhone: Can I say something about that?",
        "+1 202-555-0143: Hi, sorry, I'm on the phone line.",
        "Dr. Ana Ruiz (she/her): Go ahead, Hal.",
        "+1 202-555-0143: Thanks for having me.",
    ]
    text = "WEBVTT\n\n" + "".join(
        f"{n}\n00:00:{n:02d}.000 --> 00:00:{n:02d}.900\n{cue}\n\n" for n, cue in enumerate(cues, 1)
    )
    turns = [(turn.label, turn.text) for turn in parse_text(text, doc_id="zoom", fmt="vtt").turns]
    assert turns == [
        ("Dr. Ana Ruiz (she/her)", "Welcome, everybody."),
        ("Okafor, Chidi (Metro Water)", "Sure. Short answer: yes."),
        ("María José’s iPhone", "Can I say something about that?"),
        ("+1 202-555-0143", "Hi, sorry, I'm on the phone line."),
        ("Dr. Ana Ruiz (she/her)", "Go ahead, Hal."),
        ("+1 202-555-0143", "Thanks for having me."),
    ]
