"""SGML-like speaker markup (one tag a line): told from its content, read into turns with offsets."""

from __future__ import annotations

from transcript_kit.formats.tagged import looks_tagged, read_tagged
from transcript_kit.model import TurnKind
from transcript_kit.parse import parse_text

PROCEEDINGS = """<CHAPTER ID=3>
Fishing quotas in the Baltic
<SPEAKER ID=40 NAME="President">
The next item is the report by Mrs Lindqvist.
<P>
(Applause)

<SPEAKER ID=41 LANGUAGE="SV" NAME="Lindqvist">
Madam President, the stocks of cod have fallen
for five years running.
<P>
We ask the Commission to act.
<SPEAKER ID=42 NAME="President">
<CHAPTER ID=4>
Vote
<SPEAKER ID=43 NAME="Mr Kowalski">
I voted against.
"""


def test_a_text_whose_lines_are_mostly_speaker_tags_is_told_from_its_content() -> None:
    assert looks_tagged(PROCEEDINGS)
    assert not looks_tagged("MS. PSAKI: Hi, everyone.\n\n<P>\nQ Thank you.\n")
    assert not looks_tagged("<P>\nSome text\n<P>\nMore text\n")  # tags, but none names a speaker
    # Speeches hard-wrapped into many lines each: tags are rarer among the lines, the markup the same.
    wrapped = PROCEEDINGS.replace("\nfor five years running.", "".join(f"\nline {n} of a long speech" for n in range(60)))
    assert looks_tagged(wrapped)


def test_each_speaker_tag_opens_a_turn_labelled_by_its_name_attribute() -> None:
    found = read_tagged(PROCEEDINGS)
    assert [(t.kind, t.label) for t in found.turns] == [
        (TurnKind.TURN, "President"),
        (TurnKind.TURN, "Lindqvist"),
        (TurnKind.TURN, "President"),
        (TurnKind.TURN, "Mr Kowalski"),
    ]
    lindqvist = found.turns[1]
    assert lindqvist.text == (
        "Madam President, the stocks of cod have fallen for five years running.\n\n"
        "We ask the Commission to act."
    )
    assert lindqvist.notes == ("language: SV",)
    assert found.turns[3].parsed_label is not None and found.turns[3].parsed_label.family == "Kowalski"


def test_turn_offsets_point_into_the_source_and_section_titles_are_not_speech() -> None:
    found = read_tagged(PROCEEDINGS)
    for turn in found.turns:
        span = PROCEEDINGS[turn.char_start : turn.char_end].replace("<P>", " ")  # less the markup set aside
        assert " ".join(span.split()) == " ".join(turn.text.split())
    assert {s.kind for s in found.spans} == {"markup", "heading"}
    assert found.title == "Fishing quotas in the Baltic"
    assert all(t.text != "Vote" for t in found.turns)
    assert found.turns[2].text == ""  # an empty speaker tag is kept as an empty turn


def test_convert_reads_a_tagged_txt_as_markup() -> None:
    document = parse_text(PROCEEDINGS, doc_id="ep")
    assert document.format == "tagged"
    assert [t.label for t in document.turns] == ["President", "Lindqvist", "President", "Mr Kowalski"]
    assert not any("<SPEAKER" in t.text or "<P>" in t.text for t in document.turns)
