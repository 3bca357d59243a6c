"""Conventions the evaluation set (corpus/conventions) showed the parser getting wrong, each fixed in general and
shown here on a small document of the kind real publishers print (none of them is in corpus/)."""

from __future__ import annotations

from transcript_kit.model import TurnKind
from transcript_kit.parse import parse_text


def _spoken(text: str) -> list[tuple[str | None, str]]:
    document = parse_text(text)
    return [(t.label, t.text) for t in document.turns if t.kind is TurnKind.TURN]


# A township's minutes posted by a CMS and saved as text: the page body's HTML, entities and all.
CMS_MINUTES = (
    '<div class="entry-content"><img src="/uploads/seal.png" alt="Township seal"></div>\n'
    "Minutes &ndash; regular meeting of the Board of Trustees, 9 April 2026\n"
    "<!--more-->\n"
    "<p>Present: Trustee Ren&eacute;e Dub&eacute;, Trustee Olaf Brandt, Clerk Lyn Ma.</p>\n"
    "<p>The meeting was called to order at 7:02 p.m.</p>\n"
    "<p>Trustee Ren&eacute;e Dub&eacute;: The pump house roof is leaking again &mdash; we patched it in "
    "March.</p>\n"
    "<p>Trustee Olaf Brandt: Then we replace it. Parts &amp; labour come to $9,400.</p>\n"
    "<p>Clerk Lyn Ma: That is within the reserve fund&rsquo;s limit.</p>\n"
    "<p>Trustee Ren&eacute;e Dub&eacute;: So moved.</p>\n"
    "<p>The meeting adjourned at 7:41 p.m.</p>\n"
    "<p><em>These minutes are a draft until approved.</em> | <a href=\"/minutes/\">All minutes</a></p>\n"
)


def test_a_pages_html_saved_as_text_is_read_as_a_page() -> None:
    document = parse_text(CMS_MINUTES)
    turns = [t for t in document.turns if t.kind is TurnKind.TURN]
    assert [(t.label, t.text) for t in turns] == [
        ("Trustee Renée Dubé", "The pump house roof is leaking again — we patched it in March."),
        ("Trustee Olaf Brandt", "Then we replace it. Parts & labour come to $9,400."),
        ("Clerk Lyn Ma", "That is within the reserve fund’s limit."),
        ("Trustee Renée Dubé", "So moved."),
    ]
    # Offsets still point into the text as saved, markup and all.
    first = turns[0]
    assert CMS_MINUTES[first.char_start : first.char_end].startswith("The pump house roof")


# A municipal record in French, plain text: the attendance list's label is accented, the closing note ends it.
CONSEIL = (
    "Procès-verbal de la séance du conseil, 4 mai 2026\n\n"
    "Présents : M. Paul Roy, maire; Mme Ada Lin, conseillère.\n\n"
    "M. Paul Roy : Bonsoir. Le budget est adopté?\n\n"
    "Mme Ada Lin : Oui, à l'unanimité.\n\n"
    "La séance est levée à 20 h 10.\n\n"
    "Ce texte est publié à titre d'information seulement et ne remplace pas le procès-verbal signé.\n"
)


def test_an_accented_attendance_label_and_what_follows_the_closing_note_are_no_ones_speech() -> None:
    assert _spoken(CONSEIL) == [
        ("M. Paul Roy", "Bonsoir. Le budget est adopté?"),
        ("Mme Ada Lin", "Oui, à l'unanimité."),
    ]
