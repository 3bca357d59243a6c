"""The speech corpora's transcript formats: NIST STM (.stm), the Santa Barbara Corpus (.trn), and three told by the
content of a .txt: Switchboard, CALLHOME/CallFriend/Fisher, the International Corpus of English (ICE).

The larger documents are under tests/data/corpus_formats/, each written the way its corpus prints it (and fed to the
fuzzer as seeds of their formats, fuzz/mutators.py); the tests pin the exact (label, text) turns and times each one
gives, what each format keeps out of speech, how a speaker's run goes on, that an ordinary transcript is never taken
for one of them, and the clear error a damaged file gets."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import orjson
import pytest
from fuzz import mutators
from fuzz.invariants import check_document, check_input
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.turn_views import read_sample, said, speaker_ids, times
from transcript_kit.api import FORMATS, parse
from transcript_kit.cli import main
from transcript_kit.errors import ParseError
from transcript_kit.formats.callhome import looks_like_callhome
from transcript_kit.formats.ice import looks_like_ice
from transcript_kit.formats.switchboard import looks_like_switchboard
from transcript_kit.model import Document, TurnKind
from transcript_kit.parse import corpus_text_format, parse_bytes, parse_text

DATA = Path(__file__).parent / "data" / "corpus_formats"
DOCUMENTS = sorted(p.name for p in DATA.iterdir())
CORPUS = Path(__file__).parent.parent / "corpus"


def read(name: str) -> Document:
    return read_sample(DATA, name)


# --- NIST STM -------------------------------------------------------------------------------------------------------


def test_stm_segments_of_one_speaker_make_a_turn_and_scoring_gaps_are_no_speech() -> None:
    """;; comments, the label set <O,F,SW>, an inter_segment_gap, an excluded_region and a segment whose text is only
    IGNORE_TIME_SEGMENT_IN_SCORING (in capitals) are no words, and none of them ends the run of the speaker around
    it; the scoring's marks stay as printed."""
    document = read("hub5-eval.stm")
    assert document.format == "stm" and document.warnings == ()
    assert said(document) == [
        ("sw_4390_A", "hello this is (%hesitation) karen i'm calling from { dallas / dallas texas } today"),
        (
            "sw_4390_B",
            "oh hi (uh-) this is mike (%hesitation) in raleigh so what do you think about the topic",
        ),
        ("sw_4390_A", "well (i-) i think it's a { good / great } idea"),
    ]
    assert times(document) == [(1210, 5880), (5100, 14310), (14310, 16920)]
    assert [turn.kind for turn in document.turns] == [TurnKind.TURN] * 3
    # a speaker code names one speaker of this recording only (the label grammar would read none of them)
    assert speaker_ids(document) == [
        "doc:hub5-eval#sw_4390_a",
        "doc:hub5-eval#sw_4390_b",
        "doc:hub5-eval#sw_4390_a",
    ]


def test_stm_of_one_talk_is_one_turn_over_its_gaps() -> None:
    """A TED talk's reference: the talk's speaker on either side of a gap is one turn; "<unk>" in the words is a
    word, the label set before it (<o,f2,female>, another condition) none."""
    document = read("ted-talk.stm")
    assert said(document) == [
        (
            "RosaMendez_2011",
            "so when i was nine years old my grandmother gave me a seed and she said plant it where you can see it "
            "every morning i did not know it would be a <unk> tree",
        )
    ]
    assert times(document) == [(12400, 36500)]


def test_stm_without_labels_and_with_several_waveforms() -> None:
    """The label set is optional; another waveform (or channel) parts one speaker's segments; a segment without
    words is none."""
    text = (
        ";; made by hand\n"
        "call_1 1 A 0.0 1.5 good morning\n"
        "call_1 1 A 1.5 2.25\n"
        "call_1 1 A 2.25 3.0 how are you\n"
        "call_2 1 A 0.0 1.0 hello again\n"
        "call_2 2 A 1.0 2.0 still me\n"
    )
    document = parse_text(text, doc_id="x", path="x.stm", fmt="stm")
    assert said(document) == [("A", "good morning how are you"), ("A", "hello again"), ("A", "still me")]
    assert times(document) == [(0, 3000), (0, 1000), (1000, 2000)]


def test_stm_without_speech_has_a_warning() -> None:
    text = "talk 1 inter_segment_gap 0 12.4 <o,,unknown> ignore_time_segment_in_scoring\n"
    document = parse_text(text, doc_id="x", path="x.stm", fmt="stm")
    assert document.turns == ()
    assert document.warnings == ("NIST STM file without speech: no segment of anyone's words",)
    empty = parse_text(";; nothing but comments\n", doc_id="x", path="x.stm", fmt="stm")
    assert empty.warnings == (
        "NIST STM file without speech: no segment line ('waveform channel speaker start end words') of anyone's words",
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("f 1 A 0.0 1.0 fine\nf 1 A 1.0\n", r"five fields before its words\): x\.stm:2:1: 'f 1 A 1\.0'"),
        ("f 1 A 0.0 1.0 fine\nf 1 A 1.0 soon later\n", r"end is a time in seconds, not 'soon': x\.stm:2:11"),
        ("f 1 A 1,5 2.0 comma\n", r"start is a time in seconds, not '1,5': x\.stm:1:7"),
        # a text misnamed: its first line says so
        (
            "Speaker A: hello there, this is plain text\n",
            r"^not a NIST STM file\? an STM segment's start .*'there,'",
        ),
        ("Speaker A: hello\n", r"^not a NIST STM file\? .*five fields before its words\): x\.stm:1:1"),
    ],
)
def test_a_damaged_stm_is_an_error_naming_the_file_and_line(text: str, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        parse_text(text, doc_id="x", path="x.stm", fmt="stm")


# --- Santa Barbara Corpus (.trn) --------------------------------------------------------------------------------


def test_trn_older_layout_blank_speaker_fields_go_on_and_sounds_are_no_speech() -> None:
    """The older layout: both times in one field, the speaker's field padded. A blank field goes on with the
    speaker before; >ENV: and >DOG: are no speech and do not end the run (SAM goes on after the door); X: is a
    speaker no one identified; the transcription's marks stay as printed."""
    document = read("sbc-kitchen.trn")
    assert document.format == "trn" and document.warnings == ()
    assert said(document) == [
        ("DORIS", "... (H) So what did they say about the roof. Did they [come out] and look at it?"),
        ("SAM", "[Yeah], they came out Tuesday, and the guy said it's .. @@ it's all gotta come off --"),
        ("DORIS", "@@@ ((COUGHS)) <X the whole thing X>?"),
        ("X", "Mom?"),
        ("DORIS", "In the kitchen hon."),
        ("SAM", "(TSK) ... the whole thing= ,"),
    ]
    assert times(document) == [
        (0, 4100),
        (3800, 11020),
        (11020, 13250),
        (13250, 14100),
        (14100, 16480),
        (17000, 19310),
    ]
    assert (
        "DOOR_SLAMS" not in " ".join(t for _, t in said(document)) and "BARKING" not in document.turns[5].text
    )
    ids = speaker_ids(document)
    assert ids[0] == "doc:sbc-kitchen#doris" and ids[1] == "doc:sbc-kitchen#sam"
    assert ids[3] == "role:unidentified"  # "X": someone the transcriber could not identify


def test_trn_newer_layout_each_field_its_own_and_a_sound_inside_a_run() -> None:
    """The newer layout (four tab-separated fields, CRLF): the blank field after WENDY's >ENV: line is hers; an
    overlap in brackets alone on a line (a laugh) is the speaker's own, not a stage record."""
    document = read("sbc-church.trn")
    assert said(document) == [
        ("KEN", "(H) the old, ... the old choir books."),
        ("WENDY", "[Mhm]. You want me to get that?"),
        ("KEN", "No no, let it go %to [2voice mail2]."),
        ("WENDY", "[2@@2]"),
    ]
    assert [turn.kind for turn in document.turns] == [TurnKind.TURN] * 4
    assert times(document) == [(243055, 245910), (245910, 251020), (251020, 254118), (253500, 254118)]


def test_trn_fields_apart_by_spaces_and_a_file_that_opens_without_a_speaker() -> None:
    text = (
        "0.00 1.10 (H) Anyway,\n"  # no one named yet: a monologue's words
        "1.10 2.35 ALINA: I mean,\n"
        "2.35 3.00 it was= .. fine.\n"
        "3.00 3.40 >ENV: ((CAR_HORN))\n"
        "3.40 4.90 JILL_S: .. Yeah?\n"
    )
    document = parse_text(text, doc_id="x", path="x.trn", fmt="trn")
    assert [(turn.kind, turn.label, turn.text) for turn in document.turns] == [
        (TurnKind.MONOLOGUE, None, "(H) Anyway,"),
        (TurnKind.TURN, "ALINA", "I mean, it was= .. fine."),
        (TurnKind.TURN, "JILL_S", ".. Yeah?"),
    ]


def test_trn_in_latin_1_is_read_as_its_bytes_say() -> None:
    data = "0.00 1.50\tMARIA:  \tSe\xf1orita,\n1.50 2.00\t        \tgracias.\n".encode("cp1252")
    document = parse_bytes(data, doc_id="x", path="SBC004.trn")
    assert said(document) == [("MARIA", "Señorita, gracias.")]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("0.00 1.00\tDORIS:\tFine.\nDORIS:\tno times here\n", "x.trn:2:1"),
        ("0.00 1.00\tDORIS:\tFine.\n\n   1.00 soon\tSAM:\tbad time\n", "x.trn:3:4"),
        ("DORIS: So what did they say about the roof.\n", "x.trn:1:1"),
    ],
)
def test_a_damaged_trn_is_an_error_naming_the_file_and_line(text: str, place: str) -> None:
    with pytest.raises(
        ParseError, match=rf"opens with the start and end of its unit in seconds .*: {place}"
    ) as raised:
        parse_text(text, doc_id="x", path="x.trn", fmt="trn")
    assert str(raised.value).startswith("not a Santa Barbara Corpus transcript? ") == place.endswith(":1:1")


# --- ICE --------------------------------------------------------------------------------------------------------


def test_ice_units_speaker_marks_and_what_is_no_speech() -> None:
    """The header (category, speakers) is metadata; a unit's id, its speaker's mark and <#> are no words; a unit
    without a mark goes on with the speaker before; an editorial comment alone on its line (over two lines too) is
    no speech and does not end the run; <$?> is someone unidentified; every other mark stays in the words."""
    document = read("ice-s1a-042.txt")
    assert document.format == "ice" and document.warnings == ()
    assert said(document) == [
        ("$A", "Did you get the <,> the tickets for Saturday I left the money on the table"),
        (
            "$B",
            "<[> Yeah </[> I got them <O> laughter </O> Row <unclear> words </unclear> near the front which is "
            "better than last time <,,>",
        ),
        ("$A", "<{> <[> Oh good </[>"),
        ("$C", "<[> Are we </[> </{> all going then"),
        ("$?", "Is this seat taken"),
        ("$C", "No Go on <,> sit down"),
    ]
    assert all(turn.kind is TurnKind.TURN and turn.start_ms is None for turn in document.turns)
    text = " ".join(turn.text for turn in document.turns)
    for not_speech in ("Female", "Text category", "tape switched", "someone enters", "ICE-GB", "<#>", "<$"):
        assert not_speech not in text
    assert speaker_ids(document)[:2] == ["doc:ice-s1a-042#a", "doc:ice-s1a-042#b"]
    assert speaker_ids(document)[4] == "role:unidentified"


def test_ice_without_header_ids_or_text_tags() -> None:
    """Speaker marks on lines of their own, several units on one line, a unit hard-wrapped over two lines, and a
    speaker's mark inside a line handing over to another speaker."""
    text = (
        "<$A>\n"
        "<#> Well I mean it's the first time\n"
        "that anyone asked me <,> really <#> So I said yes\n"
        "<$B> <#> Right <$A> <#> <O> laughs </O>\n"
    )
    assert looks_like_ice(text)
    document = parse_text(text, doc_id="x", path="x.txt")
    assert document.format == "ice"
    assert said(document) == [
        ("$A", "Well I mean it's the first time that anyone asked me <,> really So I said yes"),
        ("$B", "Right"),
        ("$A", "<O> laughs </O>"),
    ]
    check_document(document)


@pytest.mark.parametrize(
    ("body", "message", "place"),
    [
        ("<$A> <#> Fine\n<$ B> <#> No\n", "an ICE speaker's mark is '<\\$A>'", "x.txt:4:1"),
        ("<$A> <#> Fine\n<ICE-GB:S1A-001 #2:1:B <$B> <#> No\n", "a unit's id", "x.txt:4:1"),
        ("<$A> <#> Fine\n</I>\nsigned, the editor\n", "ICE text after its end", "x.txt:5:1"),
        ("<$A> <#> Fine\n<&> tape ends\n<$B> <#> No\n", "editorial comment .* never closes", "x.txt:4:1"),
        ("Good morning\n<$A> <#> Fine\n", "ICE words before the first text unit", "x.txt:3:1"),
    ],
)
def test_a_damaged_ice_text_is_an_error_naming_the_file_and_line(body: str, message: str, place: str) -> None:
    text = "Text category: Broadcast discussions\n<I>\n" + body + "<$B> <#> <,> Yes\n<$A> <#> Right\n"
    with pytest.raises(ParseError, match=rf"{message}.*{place}"):
        parse_text(text, doc_id="x", path="x.txt", fmt="ice")


# --- Switchboard ---------------------------------------------------------------------------------------------------


def test_switchboard_turns_under_the_header() -> None:
    """The header is no speech, its REMARKS' "A: dog barking" no turn; each numbered turn is one, its next
    utterances (utt2:) and its wrapped words joined to it; A.1 and uttN: are no words, the marks stay."""
    document = read("sw2417.txt")
    assert document.format == "switchboard" and document.warnings == ()
    assert said(document) == [
        ("A", "Okay. / {F Uh, } do you have any pets? /"),
        ("B", "{F Um, } [ we, + we ] have a cat. / {D Well, } she's really my daughter's cat <laughter>. /"),
        (
            "A",
            "Oh, <laughter> that's how it always goes. -/ [ I, + I ] had a dog that was supposed to be my son's, "
            "# you know, # and -/",
        ),
        ("B", "# Right. # /"),
        ("A", "{C and } I ended up walking him every morning. /"),
    ]
    assert "dog barking" not in " ".join(turn.text for turn in document.turns)
    assert speaker_ids(document)[:2] == ["doc:sw2417#a", "doc:sw2417#b"]  # a channel, not an answer's role


def test_switchboard_dialog_act_corpus_prints_each_utterance_with_its_turn_and_tag() -> None:
    text = (
        "FILENAME:\t4325_1632_1519\nTOPIC#:\t\t323\nDATE:\t\t920323\nTRANSCRIBER:\tglp\nUTT_CODER:\ttc\n"
        "DIFFICULTY:\t1\nREMARKS:\tNone.\n\n"
        "=========================================================================\n\n"
        "o          A.1 utt1: Okay.  /\n"
        "qw          A.1 utt2: {D So, } what do you think? /\n\n"
        "sd          B.2 utt1: {F Uh, } I don't know. /\n\n"
        "b          A.3 utt1: Uh-huh. /\n\n"
        "sv          A.3 utt2: It's hard to say. /\n\n"
        "sd          A.5 utt1: {C And } the other thing. /\n"
    )
    assert looks_like_switchboard(text)
    document = parse_text(text, doc_id="x", path="sw_0001_4325.utt.txt")
    assert said(document) == [
        ("A", "Okay. / {D So, } what do you think? /"),
        ("B", "{F Uh, } I don't know. /"),
        ("A", "Uh-huh. / It's hard to say. /"),
        ("A", "{C And } the other thing. /"),  # another numbered turn of A's: a turn of its own
    ]
    # a turn's line indented (as some copies print them) still opens a turn: it is no utterance of the one above
    indented = text.replace("sd          B.2 utt1:", "   B.2 utt1:")
    assert said(parse_text(indented, doc_id="x", path="x.txt"))[1] == ("B", "{F Uh, } I don't know. /")


def test_a_damaged_switchboard_transcript_is_an_error_naming_the_place() -> None:
    good = (DATA / "sw2417.txt").read_text(encoding="utf-8")
    damaged = good.replace("B.4 utt1:", "B4 utt1:")
    with pytest.raises(
        ParseError, match=r"opens a turn with its channel, number and first utterance .*: sw\.txt:28:1: 'B4"
    ):
        parse_text(damaged, doc_id="x", path="sw.txt")
    unruled = good.replace("=" * 73, "")
    assert not looks_like_switchboard(unruled)
    with pytest.raises(ParseError, match=r"ends with a row of '=': none found in sw\.txt:1:1"):
        parse_text(unruled, doc_id="x", path="sw.txt", fmt="switchboard")


# --- CALLHOME / Fisher --------------------------------------------------------------------------------------------


def test_callhome_segments_of_one_speaker_make_a_turn_and_comments_are_not_speech() -> None:
    document = read("callhome-en-4372.txt")
    assert document.format == "callhome" and document.warnings == ()
    assert said(document) == [
        ("A", "Hello? Hi, it's me. ((are you)) there?"),
        (
            "B",
            "{laugh} Yes, I'm here. I just got in from &Pittsburgh. The flight was %um late again [[static]]",
        ),
        ("A", "Oh no. How's %uh how's Mom?"),
        # a comment in the body (a transcriber's note) is no speech and does not part the speaker's segments
        (
            "B",
            "She's fine, she said to tell you {cough} happy birthday. And ((something about)) the package.",
        ),
        ("A", "Tell her thanks."),
    ]
    assert times(document) == [
        (301470, 303950),
        (304100, 309180),
        (309400, 312060),
        (312200, 318300),
        (318400, 320020),
    ]
    assert "transcriber" not in " ".join(turn.text for turn in document.turns)
    assert speaker_ids(document)[:2] == ["doc:callhome-en-4372#a", "doc:callhome-en-4372#b"]


def test_fisher_blank_lines_between_segments_and_overlapping_times() -> None:
    document = read("fisher-fe_03_05521.txt")
    assert document.format == "callhome"
    assert said(document) == [
        ("A", "hi my name is janet and i'm from ohio"),
        ("B", "hi i'm luis i'm in texas"),
        ("A", "(( oh okay )) so the topic was um what do you think about reality television"),
        ("B", "[laughter] yeah i don't watch much of it but my wife does"),
    ]
    assert times(document) == [(820, 4060), (4210, 6370), (6110, 13220), (13450, 17660)]


def test_a_damaged_callhome_transcript_is_an_error_naming_the_place() -> None:
    text = (
        (DATA / "callhome-en-4372.txt").read_text(encoding="utf-8").replace("318.40 320.02 A:", "318.40 A:")
    )
    assert looks_like_callhome(text)  # its opening lines are what they are
    with pytest.raises(
        ParseError, match=r"a comment \('# …'\) or a segment.*: ch\.txt:17:1: '318\.40 A: Tell"
    ):
        parse_text(text, doc_id="x", path="ch.txt")


# --- telling a .txt by its content ----------------------------------------------------------------------------------

NOT_CORPUS_TEXTS = [
    "MS. PSAKI: Good afternoon, everyone.\n\nQ: Thank you, Jen.\n",
    # labels and a header of fields, but no row of "=" and no numbered turns
    "FILENAME: notes.txt\nA: Okay.\nB: Sure.\n",
    "FILENAME: notes.txt\n=========\nSPEAKER A: Okay.\n",
    # times before a name, but one line only, or clock times
    "12.5 14.0 A: hello\nAnd then the meeting went on for hours.\n",
    "00:00:01 A: hello\n00:00:04 B: hi\n00:00:09 A: so\n",
    "[00:00:01.240 --> 00:00:05.880] SPEAKER_00: Hello.\n[00:00:06.000 --> 00:00:07.000] SPEAKER_01: Hi.\n",
    # a Markdown document whose headings are "#" lines
    "# Minutes\n\n## 1. Opening\n\nThe chair opened the meeting at 7 p.m.\n",
    # angle brackets and a "<#>" in prose, but no text unit opens a line
    "Please type <#> to continue, then <$A> <#> as shown.\n<#> is the unit mark.\n",
    "<P>\nSome text\n<P>\nMore text\n",
]


@pytest.mark.parametrize("text", NOT_CORPUS_TEXTS)
def test_an_ordinary_transcript_is_never_taken_for_a_corpus_format(text: str) -> None:
    assert corpus_text_format(text) is None
    assert parse_text(text, doc_id="x", path="x.txt").format not in {"switchboard", "callhome", "ice"}


def test_no_document_of_the_corpus_is_taken_for_a_speech_corpus_format() -> None:
    """Every text of the bundled corpus's named folders (the blind evaluation sets aside) reads as before."""
    checked = 0
    for path in sorted(CORPUS.rglob("*")):
        if any(part.startswith("blind") for part in path.relative_to(CORPUS).parts):
            continue
        if path.is_file() and path.suffix.lower() in (".txt", ".md"):
            assert corpus_text_format(path.read_text(encoding="utf-8", errors="replace")) is None, path
            checked += 1
    assert checked > 50


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("callhome-en-4372.txt", "callhome"), ("sw2417.txt", "switchboard"), ("ice-s1a-042.txt", "ice")],
)
def test_a_corpus_text_is_told_by_content_or_named_by_fmt(name: str, fmt: str) -> None:
    text = (DATA / name).read_text(encoding="utf-8")
    assert corpus_text_format(text) == fmt
    assert fmt in FORMATS
    assert parse(text, doc_id="x").format == fmt  # no path: a text, whose content shows what it is
    assert parse(text, doc_id="x", fmt=fmt).turns == parse(text, doc_id="x").turns


# --- every format -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", DOCUMENTS)
def test_offsets_point_into_the_source(name: str) -> None:
    """Every turn's span is in the source, holds its words in order, and runs from a visible character to one."""
    document = read(name)
    assert document.turns
    check_document(document)
    for turn in document.turns:
        span = document.text[turn.char_start : turn.char_end]
        assert span[:1].strip() and span[-1:].strip()
        assert turn.text.split()[0] in span[: len(turn.text.split()[0]) + 1]


def test_convert_reads_a_folder_of_every_corpus_format(tmp_path: Path) -> None:
    folder = tmp_path / "corpora"
    shutil.copytree(DATA, folder)
    assert main(["convert", str(folder), "--out", str(tmp_path / "out"), "--format", "jsonl"]) == 0
    documents = [
        orjson.loads(line) for line in (tmp_path / "out" / "documents.jsonl").read_bytes().splitlines()
    ]
    assert sorted(d["format"] for d in documents) == [
        "callhome",
        "callhome",
        "ice",
        "stm",
        "stm",
        "switchboard",
        "trn",
        "trn",
    ]
    turns = [orjson.loads(line) for line in (tmp_path / "out" / "turns.jsonl").read_bytes().splitlines()]
    labels = {(row["doc_id"], row["speaker_label"]) for row in turns}
    assert {
        ("sbc-kitchen", "DORIS"),
        ("ice-s1a-042", "$B"),
        ("sw2417", "A"),
        ("hub5-eval", "sw_4390_B"),
    } <= labels


@pytest.mark.parametrize("suffix", [".stm", ".trn", ".STM"])
def test_one_bad_file_never_stops_a_batch(suffix: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    good = "hub5-eval.stm" if suffix.lower() == ".stm" else "sbc-kitchen.trn"
    (folder / f"good{suffix}").write_bytes((DATA / good).read_bytes())
    (folder / f"bad{suffix}").write_bytes(b"<<<\n@@")
    assert main(["convert", str(folder), "--out", str(tmp_path / "out"), "--format", "jsonl"]) == 1
    errors = [orjson.loads(line) for line in (tmp_path / "out" / "errors.jsonl").read_bytes().splitlines()]
    assert [Path(error["path"]).name for error in errors] == [f"bad{suffix}"]
    assert f"bad{suffix}:1:1:" in errors[0]["message"]


SEEDS = [
    (name, mutators.format_seeds()[key])
    for name, key in (
        ("x.stm", ".stm"),
        ("x.trn", ".trn"),
        ("switchboard.txt", "switchboard"),
        ("callhome.txt", "callhome"),
        ("ice.txt", "ice"),
    )
]


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
    name, documents = seed
    data = mutators.mutated(rng, documents)
    check_input(data, name)
