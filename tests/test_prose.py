"""prose: quotations attributed in news text become quote records with the attribution as label."""

from __future__ import annotations

from transcript_kit.model import TurnKind
from transcript_kit.parse import parse_text


def test_a_quotation_followed_by_its_speaker_and_verb_is_a_quote() -> None:
    text = "The talks went well.\n\n“We will keep working together on this,” Minister Šarec underlined.\n"
    (quote,) = parse_text(text).turns
    assert (quote.kind, quote.label, quote.text) == (
        TurnKind.QUOTE,
        "Minister Šarec",
        "We will keep working together on this",
    )
    assert text[quote.char_start : quote.char_end] == quote.text


def test_said_before_the_speaker_is_read_too() -> None:
    text = 'Officials met.\n\n"This is a turning point for the region," said Prime Minister Edi Rama.\n'
    (quote,) = parse_text(text).turns
    assert quote.label == "Prime Minister Edi Rama"


def test_a_hard_wrapped_quotation_and_its_continuation_are_read_over_line_breaks_not_blank_lines() -> None:
    text = (
        "The talks went well.\n\n“We will keep working together on this, whatever\nhappens,” said Minister "
        "Ilse Brekke, who chairs the\nassociation. “Now we are told to wait.”\n\n“A quotation\n\nbroken by a "
        "blank line,” said Minister Ilse Brekke.\n"
    )
    quote, *rest = parse_text(text).turns
    assert (quote.label, quote.text) == (
        "Minister Ilse Brekke",
        "We will keep working together on this, whatever happens Now we are told to wait",
    )
    assert rest == []  # a blank line ends a paragraph: no quotation runs over it


def test_i_we_you_and_organisations_are_not_the_person_quoted() -> None:
    for who in ("So I", "We", "Human Rights Campaign"):
        doc = parse_text(f"The talks went well.\n\n{who} said, “This is a turning point for the region.”\n")
        assert [t.label for t in doc.turns] == [], who


def test_a_quotation_without_an_attribution_is_not_a_quote() -> None:
    doc = parse_text("Officials met.\n\nThe plan is called “a turning point for the region” by many.\n")
    assert doc.turns == ()


def test_a_pronoun_attribution_is_the_person_quoted_before_and_a_continued_quote_joins_it() -> None:
    from transcript_kit.parse import parse_text

    article = (
        "Ferry service cut as harbour silts up\n\n"
        "The harbour master, Ole-Martin Vik, was blunt. “The vessel draws 3.2 metres,” Vik said. "
        "“At the lowest tides we now have less than that.”\n\n"
        "“I am not going to put a ferry on the bottom of the harbour,” he said.\n"
    )
    quotes = [(t.label, t.text) for t in parse_text(article).turns]
    assert quotes == [
        ("Vik", "The vessel draws 3.2 metres At the lowest tides we now have less than that"),
        ("Vik", "I am not going to put a ferry on the bottom of the harbour"),
    ]


def test_a_quotation_after_an_attribution_that_has_its_own_is_a_record_of_its_own() -> None:
    from transcript_kit.parse import parse_text

    article = (
        "Harbour news\n\n"
        "“The vessel draws 3.2 metres,” Vik said. “At low tide we have less than that,” Vik added.\n"
    )
    quotes = parse_text(article).turns
    assert [t.label for t in quotes] == ["Vik", "Vik"]
    assert quotes[0].char_end <= quotes[1].char_start  # two records, never overlapping


def test_a_sentences_lead_in_words_are_not_part_of_the_speakers_name() -> None:
    from transcript_kit.prose import _without_lead_in

    assert _without_lead_in("On Monday Vik") == "Vik"
    assert _without_lead_in("But Ilse Brekke") == "Ilse Brekke"
    assert _without_lead_in("Ilse Brekke") == "Ilse Brekke"
