"""Researchers' and media people's transcript formats: CHAT (.cha), Praat TextGrid (long and short text forms,
UTF-8 and UTF-16), ELAN (.eaf), Transcriber (.trs), Advanced SubStation Alpha (.ass, .ssa) and Final Draft (.fdx).

The documents are under tests/data/research/, each written the way its tool writes it (and fed to the fuzzer as
seeds of their formats, fuzz/mutators.py); the tests pin the exact (label, text) turns each one gives, what each
format keeps out of speech, and the clear error a damaged or misnamed file gets."""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable
from pathlib import Path

import orjson
import pytest
from fuzz import mutators
from fuzz.invariants import check_document, check_input
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transcript_kit.api import parse
from transcript_kit.cli import main
from transcript_kit.errors import ParseError
from transcript_kit.formats.timed_tiers import tier_speaker
from transcript_kit.model import Document, TurnKind
from transcript_kit.parse import parse_bytes, parse_text

DATA = Path(__file__).parent / "data" / "research"
DOCUMENTS = sorted(p.name for p in DATA.iterdir())


def read(name: str) -> Document:
    """The document parsed from its file's bytes as ``convert`` reads it, speakers resolved within it."""
    path = DATA / name
    return parse(path.read_bytes(), doc_id=path.stem, path=str(path))


def said(document: Document) -> list[tuple[str | None, str]]:
    return [(turn.label, turn.text) for turn in document.turns if turn.kind is not TurnKind.STAGE]


def records(document: Document) -> list[tuple[str, str | None, str]]:
    return [(turn.kind.value, turn.label, turn.text) for turn in document.turns]


def times(document: Document) -> list[tuple[int | None, int | None]]:
    return [(turn.start_ms, turn.end_ms) for turn in document.turns]


# --- CHAT ---------------------------------------------------------------------------------------------------------


def test_chat_utterances_are_speech_and_codes_dependent_tiers_and_bullets_are_not() -> None:
    document = read("lily.cha")
    assert document.format == "chat" and document.warnings == ()
    assert said(document) == [
        # two utterances of one speaker make one turn; the %mor/%gra tiers between them are no words
        ("MOT", "where's the ball ? can you find it Lily ?"),
        # <ball> [/] retracing, &=laughs, &-um's mark, doggie@c's mark, [: dog] [*], +... and a continuation line
        ("CHI", "ball ball there . I want I want um the doggie and the green one"),
        # "0 [=! laughs] ." is an action without words: no speech of MOT's
        ("INV", "and what's this called ?"),
        ("CHI", "xxx spoon !"),
    ]
    # the bullets time the turns; a %com comment is a note on its turn, other dependent tiers are dropped
    assert times(document) == [(1250, 4410), (4410, 9150), (9800, 11020), (11020, 12300)]
    assert [turn.notes for turn in document.turns] == [
        ("comment: points at the toy box",),
        (),
        ("comment: INV holds up a spoon",),
        (),
    ]


def test_chat_participants_give_the_codes_their_names_and_roles() -> None:
    """The label stays the code as printed; the @Participants entry (continued on a tab-led line for INV) reaches
    the speaker's identity: a named participant is that person, a role alone is the role in this document only."""
    speakers = {turn.label: turn.speaker for turn in read("lily.cha").turns}
    assert speakers["CHI"] is not None and speakers["CHI"].name == "Lily Rose"
    assert speakers["CHI"].role == "Target Child"
    assert speakers["INV"] is not None and (speakers["INV"].name, speakers["INV"].role) == ("Dana Kemp", "Investigator")
    assert speakers["MOT"] is not None and speakers["MOT"].role == "Mother"
    assert speakers["MOT"].id == "doc:lily#mot"  # another file's MOT is another mother


def test_chat_timing_bullets_do_not_make_a_file_binary() -> None:
    """U+0015 is a control character: a file with one pair on every line used to be refused as binary data."""
    line = "*CHI:\tmore juice please . \x151200_2100\x15\n%mor:\tqn|more n|juice co|please .\n"
    data = ("@UTF8\n@Begin\n@Participants:\tCHI Target_Child\n" + line * 80 + "@End\n").encode()
    document = parse_bytes(data, doc_id="juice", path="juice.cha")
    assert said(document) == [("CHI", " ".join(["more juice please ."] * 80))]
    assert (document.turns[0].start_ms, document.turns[0].end_ms) == (1200, 2100)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Mother: where's the ball?\n", "x.cha:1:1"),  # a plain text, not CHAT
        ("@UTF8\n@Begin\n*MOT where's the ball ?\n@End\n", "x.cha:3:1"),  # an utterance without its colon
        ("@UTF8\n@Begin\nwhere's the ball ?\n@End\n", "x.cha:3:1"),  # a line that is neither
    ],
)
def test_chat_that_is_not_chat_is_an_error_naming_the_place(text: str, place: str) -> None:
    with pytest.raises(ParseError, match=place):
        parse_text(text, doc_id="x", path="x.cha", fmt="chat")


# --- Praat TextGrid -----------------------------------------------------------------------------------------------

INTERVIEW = [
    ("Interviewer", "So where did you grow up?"),
    # an empty interval and a "sil" mark between two intervals of one tier: one turn
    ("Maria", "In Porto, mostly. Then Lisbon for a few years."),
    ("Interviewer", 'Really? And you still call it "home"?'),  # a doubled quote is a quote
    ("Maria", "Yes. Always."),
]


def test_textgrid_long_form_tiers_are_speakers_in_time_order() -> None:
    """Turns go back and forth between the tiers in time order; the "notes" interval tier and the "clicks" point
    tier are no one's speech."""
    document = read("interview-long.TextGrid")
    assert document.format == "textgrid" and document.warnings == ()
    assert said(document) == INTERVIEW
    assert times(document) == [(420, 2100), (2300, 5800), (5800, 7250), (7400, 9500)]
    assert "background traffic" not in " ".join(turn.text for turn in document.turns)


def test_textgrid_short_form_in_utf16_with_forced_aligner_tiers() -> None:
    """Praat's short form, UTF-16 big-endian with its BOM (as Praat saves text outside ASCII), with the Montreal
    Forced Aligner's "speaker - words" / "speaker - phones" tiers: the words are the speaker's, the phones no one's."""
    document = read("greeting-short.TextGrid")
    assert document.encoding == "utf-16-be"
    assert said(document) == [("spk1", "hello there"), ("spk2", "olá Ágata aqui")]
    assert times(document) == [(300, 1600), (1700, 4800)]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-8-sig"])
def test_textgrid_reads_alike_in_every_encoding_praat_writes(encoding: str) -> None:
    text = (DATA / "interview-long.TextGrid").read_text(encoding="utf-8")
    document = parse_bytes(text.encode(encoding), doc_id="x", path="interview.TextGrid")
    assert said(document) == INTERVIEW


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Maria", (True, "Maria")),
        ("Speaker A", (True, "Speaker A")),
        ("words", (True, None)),  # speech of someone unnamed
        ("", (True, None)),
        ("phones", (False, None)),
        ("Notes", (False, None)),
        ("spk1 - words", (True, "spk1")),  # the Montreal Forced Aligner's naming
        ("spk1 - phones", (False, None)),
        ("Anna_translation", (False, None)),
        ("gloss (Anna)", (False, None)),
        ("Transcription-B", (True, "B")),
    ],
)
def test_which_tiers_are_whose_speech(name: str, expected: tuple[bool, str | None]) -> None:
    assert tier_speaker(name) == expected


def test_textgrid_point_tiers_and_empty_tiers_leave_a_document_without_speech_and_a_warning() -> None:
    text = (
        'File type = "ooTextFile"\nObject class = "TextGrid"\n\n0\n3\n<exists>\n1\n'
        '"TextTier"\n"beeps"\n0\n3\n1\n1.5\n"beep"\n'
    )
    document = parse_text(text, doc_id="x", path="x.TextGrid", fmt="textgrid")
    assert document.turns == ()
    assert document.warnings == ("TextGrid without speech: no interval tier of anyone's words (skipped: 'beeps')",)


@pytest.mark.parametrize(
    ("cut", "message"),
    [
        (lambda t: t[: t.index("intervals [4]")], "the TextGrid ends where an interval's start time should be"),
        (lambda t: t.replace('mark = "door" ', 'mark = "door '), "a TextGrid string that never closes"),
        (lambda t: t.replace('"TextGrid"', '"Pitch"', 1), "not a TextGrid"),
        (lambda t: t.replace('"ooTextFile"', '"ooBinaryFile"', 1), "not a Praat text file"),
        (lambda t: t.replace('"IntervalTier" \n        name = "Maria"', '"Tier" \n        name = "Maria"'), "unknown TextGrid tier class"),
        (lambda t: t.replace("intervals: size = 6", "intervals: size = 6.5"), "is no count"),
        (lambda t: t.replace("xmax = 0.42", "xmax = 1e999"), "out of range"),
    ],
)
def test_a_damaged_textgrid_is_an_error_naming_the_file(cut: Callable[[str], str], message: str) -> None:
    text = (DATA / "interview-long.TextGrid").read_text(encoding="utf-8")
    with pytest.raises(ParseError, match=message) as raised:
        parse_text(cut(text), doc_id="x", path="damaged.TextGrid", fmt="textgrid")
    assert "damaged.TextGrid:" in str(raised.value)


# --- ELAN ---------------------------------------------------------------------------------------------------------


def test_elan_top_level_tiers_are_speech_in_time_order_dependent_tiers_are_not() -> None:
    """A translation (REF_ANNOTATION) and a words tier under the utterances (PARENT_REF) are no speech of their
    own, nor is the "Comments" tier; a tier without PARTICIPANT is labelled by its TIER_ID; an unaligned time slot
    takes the time before it; an empty annotation is silence."""
    document = read("fieldwork.eaf")
    assert document.format == "eaf" and document.warnings == ()
    assert said(document) == [
        ("Amara Okafor", "Good morning, how much are the tomatoes?"),
        ("Seller", "Five hundred a kilo, madam."),  # starts while she is still speaking
        ("Amara Okafor", "That's a lot. Two for three hundred?"),
        ("Seller", "For you, yes."),
        ("Amara Okafor", "Deal & thank you."),
    ]
    assert times(document) == [(0, 1480), (1350, 3020), (3100, 5200), (5400, 7000), (7100, 8800)]
    assert document.turns[0].speaker is not None and document.turns[0].speaker.name == "Amara Okafor"


def test_elan_errors_name_the_file_and_place() -> None:
    text = (DATA / "fieldwork.eaf").read_text(encoding="utf-8")
    with pytest.raises(ParseError, match=r"the time slot 'ts99'.*fieldwork\.eaf:\d+:\d+"):
        parse_text(text.replace('TIME_SLOT_REF2="ts9"', 'TIME_SLOT_REF2="ts99"'), doc_id="x", path="fieldwork.eaf", fmt="eaf")
    with pytest.raises(ParseError, match=r"malformed XML \(mismatched tag\): fieldwork\.eaf:\d+:\d+"):
        parse_text(text.replace("</TIER>", "</TIRE>", 1), doc_id="x", path="fieldwork.eaf", fmt="eaf")
    misnamed = (DATA / "radio.trs").read_bytes()
    with pytest.raises(ParseError, match=r"not an ELAN annotation document \(\.eaf\): the root element is <Trans>"):
        parse_bytes(misnamed, doc_id="x", path="radio.eaf")


# --- Transcriber --------------------------------------------------------------------------------------------------


def test_transcriber_turns_overlaps_and_speakerless_turns() -> None:
    """An overlap turn (speaker="spk1 spk2") parts at each <Who nb>; a turn of no speaker (music, a jingle) is no
    one's: nothing where it holds only an event, a stage record where it holds "[jingle]"; the same speaker's
    turns on either side of a section boundary make one turn; <Sync>, <Event>, <Comment> are no words."""
    document = read("radio.trs")
    assert document.format == "trs"
    # Latin-1 bytes, as its XML declaration says (the text is decoded before the XML is read)
    assert [warning.split(": ", 1)[1] for warning in document.warnings] == ["not UTF-8; read as cp1252"]
    assert records(document) == [
        ("turn", "Hélène Marchand", "Bonjour à tous, et bienvenue. Avec nous ce matin, Paul Girard."),
        ("turn", "Paul Girard", "Merci, bonjour."),
        ("turn", "Hélène Marchand", "vous êtes prêt ?"),
        ("turn", "Paul Girard", "tout à fait alors commençons par la météo."),
        ("turn", "spk3", "allô ?"),  # a speaker listed without a name: its id
        ("stage", None, "[jingle]"),
    ]
    assert times(document)[:3] == [(6200, 14900), (14900, 18300), (18300, 20100)]


def test_transcriber_turn_of_no_speaker_with_words_is_an_unnamed_turn() -> None:
    text = (
        '<?xml version="1.0"?>\n<Trans><Speakers><Speaker id="spk1" name="Ana"/></Speakers><Episode><Section>'
        '<Turn speaker="spk1" startTime="0" endTime="2"><Sync time="0"/>hello</Turn>'
        '<Turn startTime="2" endTime="4"><Sync time="2"/>buy now, pay later</Turn>'
        '<Turn speaker="spk1" startTime="4" endTime="6"><Sync time="4"/>back again</Turn>'
        "</Section></Episode></Trans>"
    )
    document = parse_text(text, doc_id="x", path="x.trs", fmt="trs")
    assert said(document) == [("Ana", "hello"), (None, "buy now, pay later"), ("Ana", "back again")]
    assert [turn.kind for turn in document.turns] == [TurnKind.TURN] * 3


# --- ASS / SSA ----------------------------------------------------------------------------------------------------


def test_ass_dialogue_lines_are_cues_named_by_their_name_field() -> None:
    """Commas inside the text, override tags, \\N and \\h, a {note} no renderer shows, Comment lines (not cues), a
    sign with no name (an unnamed turn, as a caption's '>>' is), a drawing (no text); a CRLF file with a BOM."""
    document = read("harbour.ass")
    assert document.format == "ass"
    assert said(document) == [
        ("Maya", "Wait, you saw the light too? Out past the breakwater, near the old buoy?"),
        (None, "HARBOUR MASTER'S OFFICE"),
        ("Tom", "Yes. I did."),
        (None, "Everyone out of the water!"),
        ("Maya", "Tom, we have to tell her."),
    ]
    assert [turn.kind for turn in document.turns] == [TurnKind.TURN] * 5
    assert times(document) == [(1500, 6800), (5000, 9000), (7000, 9400), (9500, 12000), (12100, 14000)]
    assert "old timing" not in document.turns[2].text and "translator" not in document.turns[0].text


def test_ssa_without_names_is_read_as_every_subtitle_is() -> None:
    """SubStation Alpha's own placeholder name (NTP) names no one: the 'NAME:' on a line's text does, as in SRT."""
    document = read("lecture.ssa")
    assert said(document) == [
        ("PROFESSOR OKAFOR", "Today, we look at tides. Why twice a day?"),
        ("STUDENT", "Because of the moon?"),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[Script Info]\nTitle: x\n", "not an ASS/SSA script: it has no \\[Events\\] section"),
        ("[Events]\nDialogue: 0,0:00:01.00,soon,Default,Maya,0,0,0,,Hi\n", "malformed ASS time"),
        ("[Events]\nDialogue: 0,0:00:01.00,0:00:02.00,Default\n", "fewer fields than its Format names"),
        ("[Events]\nFormat: Layer, Text, Start\n", "must end with the Text field"),
    ],
)
def test_a_damaged_ass_script_is_an_error_naming_the_place(text: str, message: str) -> None:
    with pytest.raises(ParseError, match=message) as raised:
        parse_text(text, doc_id="x", path="x.ass", fmt="ass")
    assert "x.ass:" in str(raised.value)


# --- Final Draft ----------------------------------------------------------------------------------------------------


def test_final_draft_dialogue_under_character_cues() -> None:
    """Text runs of one paragraph join as printed; a Parenthetical is a stage record; an Action ends the exchange;
    (CONT'D) and (V.O.) stay in the label; both sides of a DualDialogue are read; the title page, the SmartType lists
    and a scene's arc beats are not the script."""
    document = read("breakwater.fdx")
    assert document.format == "fdx" and document.warnings == ()
    assert records(document) == [
        ("stage", None, "(shouting over the wind)"),
        ("turn", "MAYA", "You knew. You knew the whole time!"),
        ("turn", "TOM", "I knew something."),
        ("stage", None, "(beat)"),
        ("turn", "TOM", "Not this."),
        ("turn", "TOM (CONT'D)", "We go back. Now.\n\nBefore the tide turns."),
        ("turn", "MAYA", "Fine!"),
        ("turn", "TOM", "Good!"),
        ("turn", "RADIO (V.O.)", "Harbour control to all vessels — storm warning."),
    ]
    ids = {turn.label: turn.speaker.id for turn in document.turns if turn.speaker is not None}
    assert ids["TOM (CONT'D)"] == ids["TOM"]  # the extension is a note, not another person


def test_final_draft_misnamed_or_broken_is_an_error() -> None:
    with pytest.raises(ParseError, match=r"not a Final Draft screenplay \(\.fdx\): the root element is <ANNOTATION_DOCUMENT>"):
        parse_bytes((DATA / "fieldwork.eaf").read_bytes(), doc_id="x", path="fieldwork.fdx")
    broken = (DATA / "breakwater.fdx").read_text(encoding="utf-8").replace("</Content>", "", 1)
    with pytest.raises(ParseError, match=r"malformed XML .*breakwater\.fdx:\d+:\d+"):
        parse_text(broken, doc_id="x", path="breakwater.fdx", fmt="fdx")


# --- every format ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", DOCUMENTS)
def test_offsets_point_into_the_source(name: str) -> None:
    """Every record's span is in the source and holds its words in order as the format prints them (its tags,
    escapes and codes aside); turns never overlap (timed tiers: in time order, so not always in source order)."""
    document = read(name)
    assert document.turns
    check_document(document)
    for turn in document.turns:
        span = document.text[turn.char_start : turn.char_end]
        assert span[:1].strip() and span[-1:].strip()  # from the first visible character to the last


def test_convert_reads_a_folder_of_every_format(tmp_path: Path) -> None:
    folder = tmp_path / "fieldwork"
    shutil.copytree(DATA, folder)
    assert main(["convert", str(folder), "--out", str(tmp_path / "out"), "--format", "jsonl"]) == 0
    documents = [orjson.loads(line) for line in (tmp_path / "out" / "documents.jsonl").read_bytes().splitlines()]
    assert sorted(d["format"] for d in documents) == ["ass", "ass", "chat", "eaf", "fdx", "textgrid", "textgrid", "trs"]
    turns = [orjson.loads(line) for line in (tmp_path / "out" / "turns.jsonl").read_bytes().splitlines()]
    labels = {(row["doc_id"], row["speaker_label"]) for row in turns}
    assert {("lily", "CHI"), ("interview-long", "Maria"), ("fieldwork", "Seller"), ("radio", "Paul Girard")} <= labels
    assert not (tmp_path / "out" / "errors.jsonl").exists() or not (tmp_path / "out" / "errors.jsonl").read_bytes()


def test_parse_takes_the_format_from_the_path_or_from_fmt() -> None:
    data = (DATA / "harbour.ass").read_bytes()
    assert parse(data, doc_id="h", path="episode.ASS").format == "ass"
    assert parse(data, doc_id="h", fmt="ass").format == "ass"
    assert parse(data.decode("utf-8-sig"), doc_id="h", path=Path("episode.ssa")).format == "ass"
    assert parse(b"MS. PSAKI: Hi.\n", doc_id="t").format == "text"


@pytest.mark.parametrize("name", DOCUMENTS)
def test_one_bad_file_never_stops_a_batch(name: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    suffix = Path(name).suffix
    (folder / f"good{suffix}").write_bytes((DATA / name).read_bytes())
    (folder / f"bad{suffix}").write_bytes(b"\x00\x01 not a transcript \xff" * 3 if suffix == ".cha" else b"<<<\n@@")
    assert main(["convert", str(folder), "--out", str(tmp_path / "out"), "--format", "jsonl"]) == 1  # an input failed
    errors = [orjson.loads(line) for line in (tmp_path / "out" / "errors.jsonl").read_bytes().splitlines()]
    assert [Path(error["path"]).name for error in errors] == [f"bad{suffix}"]
    assert len((tmp_path / "out" / "documents.jsonl").read_bytes().splitlines()) == 1


SEEDS = [(suffix, mutators.format_seeds()[suffix.lower()]) for suffix in (".cha", ".TextGrid", ".eaf", ".trs", ".ass", ".fdx")]


@settings(
    max_examples=150,
    deadline=None,  # the invariants carry their own time limit per input
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.randoms(use_true_random=False), st.sampled_from(SEEDS))
def test_mutated_documents_of_each_format_keep_every_invariant(
    rng: random.Random, seed: tuple[str, tuple[tuple[str, ...], ...]]
) -> None:
    """A document of the format with lines inserted, deleted, duplicated, labels and punctuation injected, long
    runs, other line ends, other encodings, flipped bytes: only the project's errors, offsets into the source."""
    suffix, documents = seed
    data = mutators.mutated(rng, documents)
    check_input(data, f"x{suffix}")
