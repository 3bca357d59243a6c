"""formats.text: front matter read safely, lines found whatever their line ends."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from transcript_kit.formats import text as text_format
from transcript_kit.formats.text import read_front_matter, read_layout
from transcript_kit.parse import parse_text


def test_front_matter_becomes_metadata_with_iso_dates() -> None:
    metadata, body, warnings = read_front_matter(
        '---\ndate: 2021-07-16\ntitle: "Briefing"\n---\nMS. PSAKI: Hi.'
    )
    assert metadata == {"date": "2021-07-16", "title": "Briefing"}
    assert body == len('---\ndate: 2021-07-16\ntitle: "Briefing"\n---\n') and warnings == ()


def test_an_impossible_date_is_a_warning_not_a_crash() -> None:
    metadata, body, warnings = read_front_matter("---\ndate: 2021-02-30\n---\ntext", "x.md")
    assert metadata == {} and body > 0
    assert warnings and "x.md" in warnings[0]


def test_yaml_aliases_are_refused_so_a_small_file_cannot_expand_into_gigabytes() -> None:
    bomb = "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n---\ntext"
    metadata, _, warnings = read_front_matter(bomb)
    assert metadata == {} and "aliases" in warnings[0]


def test_invalid_yaml_is_read_as_text_with_a_warning_naming_the_line() -> None:
    metadata, body, warnings = read_front_matter("---\ntitle: [unclosed\n---\ntext", "y.md")
    assert metadata == {} and body == 0 and warnings[0].startswith("y.md:")


def test_line_bounds_cut_trailing_space_and_carriage_returns() -> None:
    text = "one  \r\ntwo\u00a0\r\n\r\nthree"
    layout = read_layout(text)
    assert [text[s:e] for s, e in zip(layout.starts, layout.ends)] == ["one", "two", "", "three"]


def test_pdf_line_numbers_are_furniture_and_content_starts_after_them() -> None:
    lines = [f"{n:>2}   CHIEF JUSTICE ROBERTS: line {n} of the argument" for n in range(1, 26)]
    text = "\n\n".join([*lines, "                      Alderson Reporting Company"])
    layout = read_layout(text)
    assert layout.line_numbered
    assert text[layout.starts[0] : layout.ends[0]].lstrip().startswith("CHIEF JUSTICE ROBERTS")
    assert any(s.kind == "page_furniture" and "Alderson" in text[s.start : s.end] for s in layout.furniture)


def test_a_numbered_transcript_stays_numbered_under_a_long_unnumbered_word_index() -> None:
    # Two pages of numbered argument, then a word index of more lines than the argument (as a long hearing's
    # pdftotext copy prints it, or a short one hard-wrapped): the numbers that count on 1..25 decide, not their
    # share of all lines.
    pages = [f"{n:>2}   JUSTICE SCALIA: point {n} of page {page}" for page in (1, 2) for n in range(1, 26)]
    index = [f"word{n} {n}:{n % 25 + 1} {n + 1}:{n % 20 + 2}" for n in range(60)]
    layout = read_layout("\n".join([*pages, *index]))
    assert layout.line_numbered
    assert not read_layout("\n".join([f"{n} apples" for n in (3, 9, 4, 12, 7)] * 10 + index)).line_numbered


def _paged(pages: int, lines_a_page: int = 30) -> str:
    """A hard-wrapped transcript whose PDF copy repeats a footer and a numbered running head on every page."""
    body = []
    for n in range(pages * lines_a_page):
        body.append(f"MS. LINDQVIST: Thank you for question {n}, and I will" if n % 6 == 0 else f"come back to point {n} of the plan")
        if n % 6 == 5:
            body.append("")
    out: list[str] = []
    for number, line in enumerate(body, 1):
        out.append(line)
        if number % lines_a_page == 0:
            out += ["Hartwell Reporting Services, Inc.", "", f"Transcript of Proceedings  Page {number // lines_a_page + 1}"]
    return "\n".join(out)


def test_running_heads_and_footers_of_a_paged_transcript_are_furniture_and_the_cut_paragraph_goes_on() -> None:
    text = _paged(6)
    layout = read_layout(text)
    found = [text[s.start : s.end] for s in layout.furniture if s.kind == "page_furniture"]
    assert found.count("Hartwell Reporting Services, Inc.") >= 4 and "Transcript of Proceedings  Page 3" in found
    turns = parse_text(text).turns
    assert all("Hartwell" not in t.text and "Transcript of" not in t.text for t in turns)
    assert len(turns) == 6 * 30 // 6  # a page break inside a paragraph does not split its turn


def test_a_name_printed_alone_over_its_speech_is_no_running_head() -> None:
    # Repeated, and nearly as evenly as pages, but a name over its words: three times (no page number counting
    # on) or unevenly is never furniture.
    speech = ["Our order book closed the quarter higher than ever before and"] * 20
    block = ["Ian Pryce, Chief Financial Officer", *speech, ""]
    even = read_layout("\n".join(block * 3))
    uneven = read_layout("\n".join((block + speech[:7]) * 2 + block + speech[:1] + block))
    assert not even.furniture and not uneven.furniture


def test_a_footer_whose_only_change_is_its_page_number_is_furniture_without_a_form_feed() -> None:
    # Written for blind18's convention (an immigration court's transcript): "A 218-647-093   3   March 4, 2024"
    # closes every page; no line repeats as it is and no form feed parts the pages, but the page number counts
    # on. Before: the footer was read into the speech it cut.
    pages = []
    for page in range(1, 7):
        body = [f"JUDGE TO RESPONDENT\n     Question {page}, part {k}, goes on and" for k in range(12)]
        body.insert(page % 4, f"RESPONDENT TO JUDGE\n     Yes, Judge, {page} times I said that and")
        pages.append("\n".join(body) + f"\n\nA 218-647-093                     {page}                      March 4, 2024\n")
    text = "\n".join(pages)
    layout = read_layout(text)
    footers = [text[s.start : s.end] for s in layout.furniture if s.kind == "page_furniture"]
    assert len(footers) == 6 and all(f.startswith("A 218-647-093") for f in footers)
    assert all("218-647" not in t.text for t in parse_text(text).turns)
    # A line repeated with a number that does not count on is no footer: "Question 1 … Question 2" above are not.
    assert not any("Question" in f for f in footers)


def test_a_long_footer_counting_its_pages_is_furniture_though_the_last_page_is_short() -> None:
    # Written for blind22's convention (a transcript vendor's investor day): a copyright line of 130 characters
    # closes every page with its number; the last page ends after a few lines. Before: too long to be furniture, and
    # the short last page broke the rhythm, so every footer was read into the speech it cut.
    footer = "Copyright © 2024 Quillon Event Transcripts Ltd. All rights reserved. Reproduction prohibited without consent.        Page {}"
    pages = []
    for page in range(1, 6):
        lines = 30 if page < 5 else 6
        body = [f"Marcus Tew – Chief Financial Officer\n\nOur margin on page {page} grows, line {k} and on." for k in range(lines // 3)]
        pages.append("\n".join(body) + "\n\n" + footer.format(page) + "\n")
    text = "\n".join(pages)
    layout = read_layout(text)
    footers = [text[s.start : s.end] for s in layout.furniture if s.kind == "page_furniture"]
    assert len(footers) == 5 and all(f.startswith("Copyright") for f in footers)



def test_a_long_footer_with_no_number_is_furniture_though_the_last_page_is_short() -> None:
    # Written for blind22's convention (a hospital's grand rounds transcript): a footer of 107 characters with no
    # number in it closes every page; the last page ends after a few lines. Before: the short last page broke the
    # rhythm (only a footer with a counting number was allowed one), so every footer was read into the speech.
    footer = "Northfield University Medical Center – Department of Medicine Grand Rounds – Transcript for CME use only"
    pages = []
    for page in range(1, 7):
        lines = 30 if page < 6 else 6
        body = [f"DR. OSEI: The cooling data on page {page} matter, line {k} and on." for k in range(lines // 3)]
        pages.append("\n\n".join(body) + "\n\n" + footer + "\n")
    text = "\n".join(pages)
    layout = read_layout(text)
    footers = [text[s.start : s.end] for s in layout.furniture if s.kind == "page_furniture"]
    assert footers == [footer] * 6
    assert all("Northfield" not in t.text for t in parse_text(text).turns)

_LINE_PIECES = [
    "a",
    "Q",
    " ",
    "\t",
    "\xa0",
    "\n",
    "\r",
    "\r\n",
    "\x0b",
    "\x0c",
    "\x1c",
    "\x1f",
    "\x85",
    "\u2028",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_LINE_PIECES), max_size=40).map("".join))
def test_both_ways_of_finding_lines_agree(text: str) -> None:
    # Documents up to a million characters are split at once, larger ones one line break at a time: the offsets are the same.
    at_once = text_format._line_bounds(text, 0)
    saved = text_format._SPLIT_AT_ONCE
    text_format._SPLIT_AT_ONCE = -1
    try:
        one_by_one = text_format._line_bounds(text, 0)
    finally:
        text_format._SPLIT_AT_ONCE = saved
    assert (list(at_once[0]), list(at_once[1])) == (list(one_by_one[0]), list(one_by_one[1]))


def test_a_scripts_running_head_with_its_page_number_and_a_period_at_the_right_edge_is_furniture() -> None:
    # Written for blind26's convention (a radio drama's production script): "THE LIGHTS OF … – REHEARSAL DRAFT 3
    # 4." heads each page, its number at the right edge with a period, the pages of uneven length. Before: each
    # head was read into the speech it cut.
    nouns = ["rain", "wind", "tide", "salt", "lamp", "rope", "gull", "mast", "sail", "oar", "keel", "hull", "deck", "bell", "fog", "reef", "cove", "pier", "dune"]
    words = iter(f"{a}-{b}" for a in nouns for b in nouns)
    pages = []
    for page in range(1, 6):
        cues = [
            f"{k}.   {('SARAH', 'TOM', 'MAN')[k % 3]}:{' ' * 10}The {next(words)} on the glass, and {next(words)} again."
            for k in range(1, 9 + page % 3)
        ]
        pages.append(f"THE LIGHTS OF CARN DHU – EP 2 – REHEARSAL DRAFT 3      {page}.\n\n" + "\n\n".join(cues) + "\n")
    text = "\n".join(pages)
    heads = [text[s.start : s.end] for s in read_layout(text).furniture if s.kind == "page_furniture"]
    assert len(heads) >= 4 and all(h.startswith("THE LIGHTS OF CARN DHU") for h in heads)


def test_a_foot_that_ends_in_its_pages_number_of_the_count_is_furniture_however_unevenly_pages_run() -> None:
    # Written for blind31's convention (Vietnam's National Assembly minutes from a PDF): the foot "… Trang 2/12"
    # falls inside a hard-wrapped speech, after pages of 37 and 20 lines; before, it was the speaker's words.
    foot = "Biên bản phiên họp ngày 22/5/2025 – Kỳ họp thứ chín, Quốc hội khóa XV                 Trang {}/12"
    speech = "Đại biểu Trần Quốc Bảo: Kính thưa Chủ tọa, tôi đề nghị nâng mức giảm trừ gia cảnh cho\n"
    lines = [speech, "người nộp thuế và người phụ thuộc.\n\n", "Phó Chủ tịch Quốc hội Lê Minh Khoa: Xin cảm ơn.\n\n"]
    text = "".join(
        [*lines * 3, speech, foot.format(2) + "\n", "người nộp thuế.\n\n", *lines * 2, speech, foot.format(3) + "\n",
         "người nộp thuế.\n"]
    )
    document = parse_text(text)
    assert all("Trang" not in turn.text for turn in document.turns)
    assert sum("Trang" in text[s.start : s.end] for s in document.spans if s.kind == "page_furniture") == 2


def test_the_same_paragraph_over_every_pages_head_is_the_pages_foot_wherever_it_is_printed() -> None:
    # Written for blind33's convention (Kenya's Hansard in Kiswahili, from its PDF): each page ends with a disclaimer
    # of two lines over the next page's head, and the last page ends with it too; pages of uneven length, so the
    # disclaimer keeps no page's rhythm. Before: it was the words of whoever spoke over the page break.
    foot = (
        "Disclaimer: The electronic version of the Official Hansard Report is for information purposes\n"
        "only. A certified version of this Report can be obtained from the Hansard Editor.\n\n"
    )
    head = "March 14, 2024                      NATIONAL ASSEMBLY DEBATES                          {}\n\n"
    words = ["maji", "safi", "wadi", "bomba", "mradi", "kisima", "bajeti", "wizara", "wakazi", "mvua", "bwawa", "shamba"]

    def turns(first: int, count: int) -> str:  # each paragraph its own words: no line repeats as a page's would
        return "".join(
            f"Mhe. Spika: Asante. Sasa {words[n % 12]} na {words[(n * 5 + 1) % 12]}.\n\n"
            f"Mhe. Amina Wanjiru (Kiambu, ODM): Swali kuhusu {words[(n * 7 + 3) % 12]} ya {words[n // 12]} {n}.\n\n"
            for n in range(first, first + count)
        )

    minister = "Waziri wa Maji, Usafi na Unyunyiziaji (Mhe. Esther Wairimu Kamau): Asante, Mhe. Spika.\n\n"
    text = (
        head.format(1) + turns(0, 9) + minister + foot + head.format(2) + turns(9, 14) + foot + head.format(3)
        + turns(23, 4) + foot
    )
    document = parse_text(text)
    assert all("Disclaimer" not in turn.text and "certified" not in turn.text for turn in document.turns)
    assert sum(text[s.start : s.end].startswith("Disclaimer") for s in document.spans if s.kind == "page_furniture") == 3
    assert "Waziri wa Maji, Usafi na Unyunyiziaji (Mhe. Esther Wairimu Kamau)" in {t.label for t in document.turns}
