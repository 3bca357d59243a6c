"""HTML pages: text with paragraphs and label emphasis, furniture dropped, metadata read, offsets into the source."""

from __future__ import annotations

from pathlib import Path

from transcript_kit.formats.html import extract_page
from transcript_kit.model import TurnKind
from transcript_kit.parse import parse_bytes, parse_text

RAW = Path(__file__).resolve().parents[1] / "corpus" / "multilingual" / "raw"


def test_furniture_scripts_and_styles_are_dropped_and_paragraphs_kept() -> None:
    page = extract_page((RAW / "harbour-board-briefing.html").read_text(encoding="utf-8"))
    for furniture in (
        "We use cookies",
        "Shipping",
        "dataLayer",
        "font-family",
        "Subscribe to our",
        "Related",
    ):
        assert furniture not in page.text, furniture
    assert "**Chair Hollis Varga:** Good afternoon." in page.text  # <strong>Name:</strong> keeps its emphasis
    assert "**Dr. Amara Quist**: The harbour master" in page.text  # <strong>Name</strong>: too
    assert "\n\nWe heard from the pilots" in page.text


def test_bold_that_is_not_a_label_loses_its_markers_and_keeps_its_words() -> None:
    page = extract_page("<p><b>Note</b> the time.</p><p>She said <strong>no</strong>.</p>")
    assert page.text == "Note the time.\n\nShe said no."


def test_every_extracted_character_maps_back_into_the_source() -> None:
    source = '<p class="x">Ada &amp; Ben:\n   <i>hello</i></p><br/><p>caf&eacute; &#233;t&eacute;</p>'
    page = extract_page(source)
    assert page.text == "Ada & Ben: hello\n\ncafé été"
    start, end = page.source_span(0, 3)
    assert source[start:end] == "Ada"
    start, end = page.source_span(4, 5)
    assert source[start:end] == "&amp;"
    start, end = page.source_span(page.text.index("café"), len(page.text))
    assert source[start:end] == "caf&eacute; &#233;t&eacute;"


def test_offsets_hold_after_a_bare_carriage_return_or_a_unicode_line_separator() -> None:
    # html.parser counts lines by "\n" alone: a bare CR (or U+2028) that the offsets counted as a line break
    # moved every later place, so entities lost their semicolon ("qu&rsquoon") and turns overlapped.
    source = (
        "<p>M. Lebel: Est-ce qu&rsquo;on vote?</p>\r<p>Mme Diallo: Oui, c&rsquo;est pr&ecirc;t.</p>\u2028\r\n"
        "<p>M. Lebel: Merci.</p>\r<p>Mme C&ocirc;t&eacute;: D&rsquo;accord.</p>\n"
    )
    page = extract_page(source)
    start, end = page.source_span(page.text.index("qu’on"), page.text.index("qu’on") + 5)
    assert source[start:end] == "qu&rsquo;on"
    document = parse_text(source, fmt="html")
    assert [(t.label, t.text) for t in document.turns] == [
        ("M. Lebel", "Est-ce qu’on vote?"),
        ("Mme Diallo", "Oui, c’est prêt."),
        ("M. Lebel", "Merci."),
        ("Mme Côté", "D’accord."),
    ]
    assert [source[t.char_start : t.char_end] for t in document.turns] == [
        "Est-ce qu&rsquo;on vote?",
        "Oui, c&rsquo;est pr&ecirc;t.",
        "Merci.",
        "D&rsquo;accord.",
    ]


def test_a_page_with_strong_labels_gives_turns_whose_offsets_point_into_the_html() -> None:
    path = RAW / "harbour-board-briefing.html"
    document = parse_bytes(path.read_bytes(), doc_id="harbour", path=str(path))
    assert document.format == "html"
    assert [t.label for t in document.turns if t.kind is TurnKind.TURN][:3] == [
        "Chair Hollis Varga",
        "Reporter",
        "Chair Hollis Varga",
    ]
    for turn in document.turns:
        span = document.text[turn.char_start : turn.char_end]
        assert span.startswith(turn.text[:20]), (span[:40], turn.text[:40])
    first = document.turns[0]
    assert document.text[first.char_start : first.char_end].endswith("answered in the contract.")
    assert document.title == "Remarks by Chair Hollis Varga after the Harbour Board meeting"
    assert str(document.date) == "2024-03-21"
    assert document.byline == "Port of Westmere Press Office"
    assert document.source == "Port of Westmere"


def test_a_page_with_plain_labels_and_heavy_navigation_gives_only_the_interview() -> None:
    path = RAW / "valley-library-interview.htm"
    document = parse_bytes(path.read_bytes(), doc_id="library", path=str(path))
    labels = {t.label for t in document.turns if t.kind is TurnKind.TURN}
    assert labels == {"Tomas Reyna", "Ingrid Solberg"}
    speech = " ".join(t.text for t in document.turns)
    for furniture in ("Log in", "Culture", "Share on", "Finally!", "Advertise", "loadAds"):
        assert furniture not in speech
    assert str(document.date) == "2023-11-02"
    assert document.title == "Interview: the new Valley Library"


def test_broken_markup_parses_best_effort() -> None:
    source = (
        "<div><p>Ada Lind: The first answer.<p>Ben Ortiz: <b>The second <p>answer</b> goes on.</div></span>"
        "<p>Ada Lind: Third.<p>Ben Ortiz: Fourth.</p>"
    )
    document = parse_text(source, fmt="html")
    assert [t.label for t in document.turns] == ["Ada Lind", "Ben Ortiz", "Ada Lind", "Ben Ortiz"]
    assert document.turns[1].text.split() == ["The", "second", "answer", "goes", "on."]


def test_a_page_without_transcript_text_gives_no_turns_and_a_warning() -> None:
    source = (
        "<html><head><title>Opening hours</title></head><body><nav>Home</nav><p>We are open daily.</p></body>"
    )
    document = parse_text(source, fmt="html")
    assert document.turns == ()
    assert any("no transcript-like text in the page" in w for w in document.warnings)
    assert document.title == "Opening hours"


def test_bold_markers_never_reach_a_turns_text_when_the_label_they_mark_is_refused() -> None:
    # The reader writes "**Name:**" around a bold label for the text parser; a label the grammar refuses
    # ("Chair Hollis] Varga") stays speech, and its markers, which no character of the page is, went with it.
    source = (
        "<p><strong>Reporter:</strong> Who decides that it stops?</p>\n"
        "<p><strong>Dr. Amara Quist:</strong> The harbour master. Not the contractor.</p>\r"
        "<p><strong>Chair Hollis] Varga:</strong> Thank you all. <b>**</b> Monday.</p>\n"
        "<p><strong>Reporter:</strong> Thanks.</p>\n"
    )
    document = parse_text(source, fmt="html")
    quist = next(t for t in document.turns if t.label == "Dr. Amara Quist")
    assert quist.text == (
        "The harbour master. Not the contractor.\n\nChair Hollis] Varga: Thank you all. ** Monday."
    )
    span = document.text[quist.char_start : quist.char_end]
    assert span.startswith("The harbour master.") and span.endswith("Monday.")


def test_words_on_either_side_of_skipped_furniture_stay_apart() -> None:
    # A navigation bar or an aside is a block on screen: the words before and after it were glued into one word
    # ("today.Next") when it was dropped; an invisible inline element (a script) still joins nothing apart.
    page = extract_page(
        "<p>Thanks, everyone, for today.<aside class='related'>Related stories</aside>Next question.</p>"
        "<p>Caf<script>x()</script>&eacute; <nav>Menu</nav>open</p>"
    )
    assert page.text == "Thanks, everyone, for today.\n\nNext question.\n\nCafé\n\nopen"


def test_a_theme_whose_body_classes_name_its_navigation_still_gives_its_transcript() -> None:
    # blind19's WordPress page: <body class="… has-main-navigation"> made the whole body furniture (0 turns).
    page = (
        "<!DOCTYPE html><html><head><title>Episode 9</title></head>"
        '<body class="single-post has-main-navigation no-js"><nav class="primary-navigation"><a href="/">Home</a></nav>'
        '<main id="main" class="site-main"><article class="post"><div class="entry-content">'
        "<p><strong>Casimir Oduya</strong> <em>(00:00:14)</em></p><p>Hello and welcome to the show.</p>"
        "<p><strong>Lena Brandvold</strong> <em>(00:00:21)</em></p><p>And I&#8217;m Lena.</p>"
        '</div></article><div class="comments-area"><p><strong>Marta:</strong> Great episode!</p></div></main>'
        "</body></html>"
    )
    document = parse_text(page, doc_id="episode", fmt="html")
    assert [(t.label, t.text) for t in document.turns if t.kind is TurnKind.TURN] == [
        ("Casimir Oduya", "Hello and welcome to the show."),
        ("Lena Brandvold", "And I’m Lena."),
    ]
