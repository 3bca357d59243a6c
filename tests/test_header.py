"""header: dateline, byline, place and title before the first turn; the people the header and prose name."""

from __future__ import annotations

import datetime

import pytest

from transcript_kit.header import classify_header_line, find_mentions, speaker_of_speech
from transcript_kit.parse import parse_text


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("06/13/2021 03:08 PM EDT", "DATELINE"),
        ("Monday, March 26, 2012", "DATELINE"),
        ("Antony J. Blinken, Secretary of State", "BYLINE"),
        ("Brussels, Belgium", "PLACE"),
        ("Washington, D.C.", "PLACE"),
    ],
)
def test_header_lines_are_recognised_by_shape(line: str, kind: str) -> None:
    assert classify_header_line(line, position=3) == kind


def test_a_sentence_is_not_a_header_line() -> None:
    assert classify_header_line("The talks went well, officials said.", position=3) is None


def test_the_first_short_line_without_a_full_stop_is_the_title() -> None:
    assert (
        classify_header_line("Albania, US sign 5G technology coordination agreement", position=0) == "TITLE"
    )


def test_a_dateline_gives_an_iso_date_and_a_24_hour_time() -> None:
    doc = parse_text("06/13/2021 03:08 PM EDT\n\nBrussels, Belgium\n\nSECRETARY BLINKEN: Thank you.\n")
    assert (doc.date, doc.time, doc.location) == (
        datetime.date(2021, 6, 13),
        "15:08 EDT",
        "Brussels, Belgium",
    )


def test_a_congressional_record_masthead_names_the_publication_and_the_date() -> None:
    doc = parse_text(
        "[Congressional Record Volume 151, Number 98 (Wednesday, July 20, 2005)]\n[Senate]\n\n"
        "  Mr. FRIST. Mr. President, I ask unanimous consent.\n"
    )
    assert (doc.source, doc.date) == ("Congressional Record", datetime.date(2005, 7, 20))


def test_mentions_split_the_title_from_the_name() -> None:
    text = "Albanian Defense Minister Niko Peleshi met his Slovenian counterpart, Marjan Šarec, on Monday."
    mentions = {(m.name, m.title) for m in find_mentions(text, 0, len(text), "prose")}
    assert ("Niko Peleshi", "Albanian Defense Minister") in mentions
    assert ("Marjan Šarec", None) in mentions


def test_a_run_of_capitals_never_crosses_a_sentence_end() -> None:
    text = "He met Edi Rama in Brussels. Remarks followed."
    assert [m.name for m in find_mentions(text, 0, len(text), "prose")] == ["Edi Rama"]


def test_a_name_in_prose_may_hold_any_particle_the_vocabulary_lists_but_not_a_conjunction() -> None:
    # The name run took "of", "the" and seven particles written out in header.py; "del" and "dos" were missing,
    # so "Juan del Castillo" was no mention at all. "y" is a particle ("Ortega y Gasset") and also "and".
    text = "Foreign Minister Juan del Castillo met Ana dos Santos, then Pedro Sanchez y Alberto Nunez spoke."
    mentions = [(m.name, m.title) for m in find_mentions(text, 0, len(text), "prose")]
    assert ("Juan del Castillo", "Foreign Minister") in mentions and ("Ana dos Santos", None) in mentions
    assert ("Pedro Sanchez", None) in mentions and ("Alberto Nunez", None) in mentions


@pytest.mark.parametrize(
    ("title", "speaker"),
    [
        ("Remarks as Prepared for Delivery by First Lady Jill\xa0Biden at Brookland Baptist Church", "First Lady Jill Biden"),
        ("Statement by Press Secretary Karine Jean-Pierre on the President’s Call", "Press Secretary Karine Jean-Pierre"),
        ("REMARKS BY VICE PRESIDENT HARRIS TO DEPARTMENT OF JUSTICE STAFF", "VICE PRESIDENT HARRIS"),
        ("Pre-Taped Remarks by Vice President Kamala Harris As Delivered to the Commission", "Vice President Kamala Harris"),
        ("Remarks by the President at the Summit", "the President"),
        ("Excerpts from President Biden’s State of the Union Address as Prepared for Delivery", "President Biden"),
        ("Testimony of Secretary Austin before the Senate Armed Services Committee", "Secretary Austin"),
        ("Remarks on a Modern American Industrial Strategy by NEC Director Brian Deese", "NEC Director Brian Deese"),
        ("Remarks on the Impact of Tariffs by Economists", None),
        # No speech, several speakers, an office no one holds by that name alone, a headline: no one.
        ("Readout of President Biden’s Call with Chancellor Scholz", None),
        ("Remarks by President Biden and President Zelenskyy of Ukraine in Joint Statement", None),
        ("Remarks by Senior Advisor to the President John Podesta at COP29", None),
        ("Remarks by Biden spark controversy", None),
        ("FACT SHEET: A Framework for Climate Resilience", None),
    ],
)
def test_the_speaker_a_speech_title_names(title: str, speaker: str | None) -> None:
    assert speaker_of_speech(title) == speaker


def test_a_name_in_a_title_ends_before_a_capitalised_preposition_and_never_runs_over_a_line_break() -> None:
    # "Harris During", "Harris Before Virtual Meeting" were people of their own, each with an id.
    title = "Remarks by Vice President Harris During a Moderated Conversation with Caroline Wanga Before the Festival"
    names = [m.name for m in find_mentions(title, 0, len(title), "title")]
    assert "Caroline Wanga" in names and not any("Harris" in name or "Before" in name for name in names)
    header = "Oral History Interview with Dolores Fuentes\nConducted by Mark Ellison, June 4, 2019\n"
    assert [m.name for m in find_mentions(header, 0, len(header), "intro")][-2:] == ["Dolores Fuentes", "Mark Ellison"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Press Briefing with Chair of the Council of Economic Advisers Jared Bernstein", "Jared Bernstein"),
        ("Deputy National Security Advisor for Cyber and Emerging Technologies Anne Neuberger", "Anne Neuberger"),
        ("Remarks by Surgeon General Vivek Murthy", "Vivek Murthy"),
        ("Remarks by Coordinator for Operation Allies Welcome Jack Markell", "Jack Markell"),
        # In a title in capitals, and before a possessive: the name still ends where the title's words begin.
        ("REMARKS BY VICE PRESIDENT KAMALA HARRIS AFTER RECEIVING THE SECOND DOSE", "KAMALA HARRIS"),
        ("On the Biden-Harris Administration’s Investments with Mayor Jane Ocampo", "Jane Ocampo"),
    ],
)
def test_a_portfolio_or_an_office_before_a_name_is_no_part_of_it(text: str, name: str) -> None:
    assert [m.name for m in find_mentions(text, 0, len(text), "title")][-1] == name
