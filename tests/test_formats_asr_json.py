"""The JSON speech recognizers and diarizers write (``.json``, ``format: json``): WhisperX, OpenAI Whisper, AssemblyAI,
Amazon Transcribe, Deepgram, Rev.ai, Google Speech-to-Text, Speechmatics.

The documents are under tests/data/asr_json/, each written the way its tool writes it, with the extra fields real
output carries (and fed to the fuzzer as seeds of .json, fuzz/mutators.py); the tests pin which tool each is read
as, the exact (label, text) turns and times it gives, where the spans point, what is no one's speech, and the clear
error an invalid JSON or a JSON of no known tool gets."""

from __future__ import annotations

import random
import shutil
from pathlib import Path
from typing import Any

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
from transcript_kit.formats import SUFFIX_FORMATS
from transcript_kit.model import Document, TurnKind
from transcript_kit.parse import parse_bytes

DATA = Path(__file__).parent / "data" / "asr_json"
DOCUMENTS = sorted(p.name for p in DATA.iterdir() if p.name != "package.json")


def read(name: str) -> Document:
    return read_sample(DATA, name)


def test_json_is_an_input_suffix_and_a_format() -> None:
    assert SUFFIX_FORMATS[".json"] == "json"
    assert "json" in FORMATS


# --- WhisperX and Whisper -------------------------------------------------------------------------------------------


def test_whisperx_segments_of_one_speaker_make_a_turn_and_a_segment_without_one_is_no_ones() -> None:
    """Segments by pyannote's speaker; the 'Mm-hmm.' segment without a speaker is in no turn, does not end
    SPEAKER_00's run, and a warning counts it; words without speaker or times change nothing."""
    document = read("whisperx-interview.json")
    assert document.format == "json"
    assert document.convention_notes == ("read as WhisperX output: segments[] by speaker",)
    assert said(document) == [
        (
            "SPEAKER_01",
            "Welcome back to the show. Today we're talking about café culture. It's 2024, after all.",
        ),
        (
            "SPEAKER_00",
            'Thanks for having me. I\'ve been running a "third wave" shop for ten years. And it started in my '
            "garage, believe it or not.",
        ),
        ("SPEAKER_01", "A garage? Really?"),
    ]
    assert times(document) == [(31, 6200), (6801, 13948), (14300, 15900)]
    assert speaker_ids(document) == [
        "doc:whisperx-interview#speaker_01",
        "doc:whisperx-interview#speaker_00",
        "doc:whisperx-interview#speaker_01",
    ]
    (warning,) = document.warnings
    assert warning.startswith("1 piece of speech (7 characters) without a speaker is in no turn, from ")
    assert "Mm-hmm" not in " ".join(turn.text for turn in document.turns)


def test_whisperx_spans_point_at_the_text_values() -> None:
    document = read("whisperx-interview.json")
    first, second, _ = document.turns
    assert document.text[first.char_start :].startswith("Welcome back to the show.")
    assert document.text[: first.char_end].endswith("It's 2024, after all.")
    # escapes stay as printed inside the span
    assert document.text[second.char_start : second.char_end].startswith(
        "Thanks for having me. I've been running a \\\"third"
    )
    assert document.text[: second.char_end].endswith("believe it or not.")


def test_whisper_without_speakers_is_one_monologue_and_a_sound_is_a_stage_record() -> None:
    document = read("whisper-lecture.json")
    assert document.convention_notes == ("read as Whisper output: segments[]",)
    assert [(turn.kind, turn.label, turn.text) for turn in document.turns] == [
        (TurnKind.MONOLOGUE, None, "Good morning, everyone. Let's pick up where we left off on Tuesday."),
        (TurnKind.STAGE, None, "[Music]"),
        (TurnKind.MONOLOGUE, None, "So, entropy."),
    ]
    assert times(document) == [(0, 6120), (6120, 9000), (9000, 10500)]
    assert document.warnings == (
        "whisper JSON without a speaker (not diarized): its speech is one monologue, no one's named",
    )


# --- AssemblyAI -----------------------------------------------------------------------------------------------------


def test_assemblyai_utterances_in_milliseconds() -> None:
    document = read("assemblyai-podcast.json")
    assert document.convention_notes == ("read as AssemblyAI transcript: utterances[]",)
    assert said(document) == [
        ("A", "Thanks for joining us, Doctor Okafor."),
        ("B", "Happy to be here. So the trial enrolled 1,200 patients."),
        ("A", "Yes."),
        ("B", "Yes. Across nine sites."),
    ]
    assert times(document) == [(240, 2010), (2400, 5900), (6200, 6500), (6800, 8020)]
    # "A" is a speaker's code, never the answer's role; "Yes." is the utterance's, not the word of that name before it
    assert speaker_ids(document) == ["doc:assemblyai-podcast#a", "doc:assemblyai-podcast#b"] * 2
    yes = document.turns[2]
    assert document.text[yes.char_start : yes.char_end] == "Yes."
    assert document.text.rfind('"text": "Yes."', 0, yes.char_end + 1) > document.text.find('"utterances"')
    assert document.warnings == ()


def test_assemblyai_without_utterances_reads_its_words_by_speaker() -> None:
    document = read("assemblyai-words.json")
    assert document.convention_notes == ("read as AssemblyAI transcript: words[] by speaker",)
    assert said(document) == [("A", "Hi there."), ("B", "Hello!"), ("A", "How are you?")]
    assert times(document) == [(100, 600), (900, 1300), (1500, 2000)]


# --- Amazon Transcribe ----------------------------------------------------------------------------------------------


def test_transcribe_audio_segments_are_preferred_and_a_speakers_segments_join() -> None:
    document = read("transcribe-council.json")
    assert document.convention_notes == ("read as Amazon Transcribe job: results.audio_segments[]",)
    assert said(document) == [
        ("spk_0", "Good afternoon, council."),
        ("spk_1", "Thank you, Chair. I'd like to move item 4B."),
        ("spk_0", "Seconded?"),
    ]
    assert times(document) == [(40, 1250), (1900, 4600), (5100, 5800)]
    assert speaker_ids(document)[0] == "doc:transcribe-council#spk_0"


def test_transcribe_items_are_rebuilt_with_punctuation_on_the_word_before() -> None:
    """Older output: no audio_segments, items without speaker_label; the speaker comes from
    speaker_labels.segments[].items[] by start time, punctuation (no times) goes to the word before."""
    document = read("transcribe-council-2019.json")
    assert document.convention_notes == ("read as Amazon Transcribe job: results.items[]",)
    assert said(document) == said(read("transcribe-council.json"))
    assert times(document) == [(40, 1250), (1900, 4600), (5100, 5800)]
    last = document.turns[-1]
    assert document.text[last.char_start : last.char_end].startswith("Seconded")
    assert document.text[last.char_end - 1] == "?"


# --- Deepgram -------------------------------------------------------------------------------------------------------

_DEEPGRAM = [("0", "Hello, this is support."), ("1", "Hi. My router keeps dropping."), ("0", "Okay.")]


@pytest.mark.parametrize(
    ("name", "what"),
    [
        ("deepgram-support-call.json", "results.utterances[]"),
        ("deepgram-paragraphs.json", "paragraphs of results.channels[0].alternatives[0]"),
        ("deepgram-words.json", "words[] of results.channels[0].alternatives[0]"),
    ],
)
def test_deepgram_utterances_else_paragraphs_else_words(name: str, what: str) -> None:
    """The integer speaker 0 is the label "0"; utterances of one speaker in a row join."""
    document = read(name)
    assert document.convention_notes == (f"read as Deepgram response: {what}",)
    assert said(document) == _DEEPGRAM
    assert times(document) == [(80, 1100), (1600, 3200), (3900, 4200)]
    ids = speaker_ids(document)
    assert ids[0] == ids[2] != ids[1]


# --- Rev.ai ---------------------------------------------------------------------------------------------------------


def test_revai_monologues_named_or_numbered() -> None:
    """speaker_name when set (read as a label: a person of the corpus), else the number; an <inaudible> element is
    no word; elements are joined as printed."""
    document = read("revai-interview.json")
    assert document.convention_notes == ("read as Rev.ai transcript: monologues[]",)
    assert said(document) == [
        ("Maria Lopez", "So tell me about the project."),
        ("1", "Well, it began in Porto. We had no funding. None at all."),
        ("Maria Lopez", "Really?"),
    ]
    assert times(document) == [(500, 2550), (3500, 9500), (10500, 10800)]
    assert speaker_ids(document) == ["maria-lopez", "doc:revai-interview#1", "maria-lopez"]


# --- Google ---------------------------------------------------------------------------------------------------------


def test_google_the_last_results_tagged_words_make_the_turns() -> None:
    document = read("google-meeting.json")
    assert document.convention_notes == (
        "read as Google Speech-to-Text response: the last result's words by speaker",
    )
    assert said(document) == [("1", "I think we should start."), ("2", "Agreed. Let's go.")]
    assert times(document) == [(0, 1400), (2000, 3300)]
    # the spans are in the last result, whose words carry the tags
    last = document.text.rfind('"alternatives"')
    assert all(turn.char_start > last for turn in document.turns)


def test_google_without_tags_is_one_unnamed_reading_of_the_transcripts() -> None:
    document = read("google-longrunning.json")
    assert [(turn.kind, turn.label, turn.text) for turn in document.turns] == [
        (TurnKind.MONOLOGUE, None, "the quarterly numbers are in and they look good")
    ]
    assert times(document) == [(None, 3900)]
    assert document.warnings[0].startswith("google JSON without a speaker (not diarized)")


def test_google_speaker_label_and_time_spellings() -> None:
    """v2's speakerLabel, startTime as {seconds, nanos}; a word of speakerTag 0 is no one's."""
    words = [
        {
            "word": "Hello",
            "startTime": {"seconds": "1", "nanos": 500000000},
            "endTime": "2s",
            "speakerLabel": "1",
        },
        {"word": "uh", "startOffset": "2s", "endOffset": "2.2s", "speakerTag": 0},
        {"word": "there.", "startOffset": "2.2s", "endOffset": "2.5s", "speakerLabel": "1"},
        {"word": "Hi!", "startOffset": "3s", "endOffset": "3.5s", "speakerLabel": "2"},
    ]
    text = orjson.dumps({"results": [{"alternatives": [{"transcript": "x", "words": words}]}]}).decode()
    document = parse(text, doc_id="g", fmt="json")
    assert said(document) == [("1", "Hello there."), ("2", "Hi!")]
    assert times(document) == [(1500, 2500), (3000, 3500)]
    assert document.warnings[0].startswith("1 piece of speech (2 characters) without a speaker is in no turn")


# --- Speechmatics ---------------------------------------------------------------------------------------------------


def test_speechmatics_words_and_punctuation_by_speaker_and_uu_is_unidentified() -> None:
    document = read("speechmatics-standup.json")
    assert document.convention_notes == ("read as Speechmatics JSON-v2: results[] of words by speaker",)
    assert said(document) == [
        ("S1", "Welcome everyone. Can you hear me?"),
        ("S2", "Yes, loud and clear."),
        ("UU", "Sorry—what?"),  # attaches_to "both": no space either side
        ("S1", "Great."),
    ]
    assert times(document) == [(510, 2400), (2900, 4100), (4600, 5300), (5800, 6200)]
    assert speaker_ids(document) == [
        "doc:speechmatics-standup#s1",
        "doc:speechmatics-standup#s2",
        "role:unidentified",
        "doc:speechmatics-standup#s1",
    ]


# --- every tool -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", DOCUMENTS)
def test_offsets_point_into_the_source(name: str) -> None:
    """Every turn's span is in the source, in order, runs from a visible character to one, and holds its text's
    characters in order (escapes read)."""
    document = read(name)
    assert document.turns
    check_document(document)
    for turn in document.turns:
        span = document.text[turn.char_start : turn.char_end]
        assert span[:1].strip() and span[-1:].strip()
        first_word = turn.text.split()[0]
        assert span.startswith(first_word[:3])


@pytest.mark.parametrize("name", DOCUMENTS)
def test_the_same_json_in_another_layout_gives_the_same_turns(name: str) -> None:
    """Pretty-printed or compact, ASCII-escaped or not: the same turns, each span at the same values."""
    document = read(name)
    value = orjson.loads((DATA / name).read_bytes())
    for text in (
        orjson.dumps(value, option=orjson.OPT_INDENT_2).decode(),
        orjson.dumps(value).decode(),
        __import__("json").dumps(value, ensure_ascii=True, indent=1),
    ):
        again = parse(text, doc_id=Path(name).stem, fmt="json")
        assert said(again) == said(document) and times(again) == times(document)
        check_document(again)


def test_a_bom_and_a_utf16_file_are_read() -> None:
    data = (DATA / "assemblyai-words.json").read_bytes()
    for encoded in (b"\xef\xbb\xbf" + data, b"\xff\xfe" + data.decode().encode("utf-16-le")):
        document = parse_bytes(encoded, doc_id="a", path="a.json")
        assert said(document) == [("A", "Hi there."), ("B", "Hello!"), ("A", "How are you?")]
        check_document(document)


# --- what is not speech, or not a transcript ------------------------------------------------------------------------


def test_a_json_of_no_known_tool_is_not_a_transcript() -> None:
    with pytest.raises(
        ParseError,
        match=r"^not the JSON of a speech recognizer .*: top-level keys 'name', 'version', 'private', 'scripts', "
        r"'dependencies': .*package\.json:1:1: '\{'",
    ):
        read("package.json")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '{"segments": [\n  {"start": 0, "end": 1, "text": "hi",}\n]}',
            r"^malformed JSON \(.*\): x\.json:2:38:",
        ),
        ("", r"^malformed JSON \(.*\): x\.json:1:1:"),
        ('{"a": 1}\n{"b": 2}', r"^malformed JSON \(.*\): x\.json:2:1:"),
        ("[" * 5000, r"^malformed JSON \(.*\): x\.json:1:"),
        (
            "[1, 2, 3]",
            r"^not the JSON of a speech recognizer .*: a top-level list, not an object: x\.json:1:1:",
        ),
        ("  null", r"^not the JSON of a speech recognizer .*: a top-level null, not an object: x\.json:1:3:"),
        ('{"results": {"foo": 1}}', r"^not the JSON of a speech recognizer .*'results': x\.json:1:1"),
    ],
)
def test_invalid_json_is_an_error_naming_the_file_line_and_column(text: str, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        parse(text, doc_id="x", path="x.json")


def test_a_file_of_no_speech_says_so() -> None:
    document = parse('{"segments": [], "language": "en"}', doc_id="x", fmt="json")
    assert document.turns == () and document.warnings == (
        "whisper JSON without speech: no piece of anyone's words",
    )


def test_pieces_out_of_time_order_keep_their_place_and_are_counted() -> None:
    segments = [
        {"start": 5.0, "end": 6.0, "text": "Second.", "speaker": "SPEAKER_00"},
        {"start": 1.0, "end": 2.0, "text": "First.", "speaker": "SPEAKER_01"},
    ]
    document = parse(
        orjson.dumps({"segments": segments, "word_segments": []}).decode(), doc_id="x", fmt="json"
    )
    assert said(document) == [("SPEAKER_00", "Second."), ("SPEAKER_01", "First.")]
    assert document.warnings == ("1 piece starts before the piece listed before (kept in the file's order)",)


def test_values_of_the_wrong_type_are_no_speech_never_a_crash() -> None:
    segments: list[Any] = [
        None,
        3,
        {"start": "soon", "end": 1e300, "text": 12, "speaker": "SPEAKER_00"},
        {"start": True, "end": None, "text": "  Kept  words  ", "speaker": 0},
        {"start": 1.0, "end": 2.0, "text": "x", "speaker": ["SPEAKER_01"]},
    ]
    document = parse(orjson.dumps({"segments": segments}).decode(), doc_id="x", fmt="json")
    assert said(document) == [("0", "Kept words")]
    assert times(document) == [(None, None)]
    check_document(document)


def test_convert_reads_a_folder_of_every_tool_and_a_package_json_is_one_error(tmp_path: Path) -> None:
    folder = tmp_path / "asr"
    shutil.copytree(DATA, folder)
    assert main(["convert", str(folder), "--out", str(tmp_path / "out"), "--format", "jsonl"]) == 1
    documents = [
        orjson.loads(line) for line in (tmp_path / "out" / "documents.jsonl").read_bytes().splitlines()
    ]
    assert len(documents) == len(DOCUMENTS) and {d["format"] for d in documents} == {"json"}
    errors = [orjson.loads(line) for line in (tmp_path / "out" / "errors.jsonl").read_bytes().splitlines()]
    assert [Path(error["path"]).name for error in errors] == ["package.json"]
    assert "not the JSON of a speech recognizer" in errors[0]["message"]
    turns = [orjson.loads(line) for line in (tmp_path / "out" / "turns.jsonl").read_bytes().splitlines()]
    labels = {(row["doc_id"], row["speaker_label"]) for row in turns}
    assert {
        ("whisperx-interview", "SPEAKER_00"),
        ("assemblyai-podcast", "A"),
        ("transcribe-council", "spk_0"),
        ("deepgram-support-call", "0"),
        ("speechmatics-standup", "S1"),
    } <= labels


# --- fuzzing --------------------------------------------------------------------------------------------------------

_ODD_VALUES: tuple[Any, ...] = (
    None,
    0,
    -1,
    1e308,
    True,
    "",
    "  ",
    "1.5s",
    "SPEAKER_00",
    [],
    {},
    [None],
    {"a": 1},
)


def _mutate(rng: random.Random, value: Any, depth: int = 0) -> Any:
    """A JSON value with some of its values replaced by others of any type, lists cut or doubled, keys dropped."""
    if rng.random() < 0.04:
        return rng.choice(_ODD_VALUES)
    if isinstance(value, dict):
        return {k: _mutate(rng, v, depth + 1) for k, v in value.items() if rng.random() > 0.03}
    if isinstance(value, list):
        items = [_mutate(rng, v, depth + 1) for v in value if rng.random() > 0.03]
        if items and rng.random() < 0.1:
            items.insert(rng.randrange(len(items)), rng.choice(items))
        return items
    return value


SEEDS = [orjson.loads((DATA / name).read_bytes()) for name in DOCUMENTS]


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.randoms(use_true_random=False), st.sampled_from(SEEDS), st.booleans())
def test_tool_output_with_values_of_any_type_keeps_every_invariant(
    rng: random.Random, seed: Any, pretty: bool
) -> None:
    """The tools' documents with values replaced by values of other types, keys dropped, pieces doubled: only the
    project's errors, offsets into the source, each turn's characters in its span."""
    value = _mutate(rng, seed)
    data = orjson.dumps(value, option=orjson.OPT_INDENT_2 if pretty else 0)
    check_input(data, "x.json")


@settings(
    max_examples=100,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.randoms(use_true_random=False))
def test_mutated_json_documents_keep_every_invariant(rng: random.Random) -> None:
    """The fuzzer's own mutations of the seed documents (lines, labels, punctuation, encodings, flipped bytes)."""
    data, name = mutators.mutated_input(rng, names=("x.json",))
    check_input(data, name)
