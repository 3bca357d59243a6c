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


def test_a_quotation_without_an_attribution_is_not_a_quote() -> None:
    doc = parse_text("Officials met.\n\nThe plan is called “a turning point for the region” by many.\n")
    assert doc.turns == ()
