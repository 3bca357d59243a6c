"""Plain-text layout: front matter, lines with their offsets, and page furniture of PDF-to-text transcripts.

A reader never rewrites the text; it only says where the content of each line starts and ends.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from array import array
from collections import Counter
from collections.abc import Iterable, Mapping, MutableSequence, Sequence
from typing import Any

import attrs
import yaml

from transcript_kit.conventions.vocabulary import VOCABULARY
from transcript_kit.model import Span
from transcript_kit.textutil import CAPTION_MARK, SENTENCE_END, offset_array

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.S)
# A PDF-to-text court transcript numbers every content line 1..25 at the left margin.
_LINE_NUMBER = re.compile(r"[ \t]{0,3}(\d{1,2})(?=[ \t]|$)[ \t]?")
_NUMBERED_SHARE = 0.6
# ... or at least this share, when nearly all of them count on from the line above (a page starts again at 1
# after at least _PAGE_LINES lines).
_NUMBERED_MIN_SHARE, _COUNTING_ON, _PAGE_LINES = 0.3, 0.9, 10
# Running heads and footers: learnt from this many opening lines, at least this many lines apart, repeated more
# than this often in all (this often for a page number); a line longer than this is never one.
_FURNITURE_SAMPLE_LINES, _PAGE_MIN_LINES, _FURNITURE_REPEATS, _FURNITURE_LONGEST = 600, 20, 3, 100
# ... but a line repeated as it is (numbers aside) at a page's rhythm may be longer: a vendor's copyright footer.
_REPEATED_LONGEST = 160
_DIGITS = re.compile(r"\d+")
_RECORD_MARKERS = ("[[Page ", "{time}")
# A label, words after it or none, in any script, its party in brackets ("עומר חביב (הבית הלאומי):", alone over its
# words on several pages, is no running head).
_LABEL_START = re.compile(r"[ \t]*(?:[A-Z]|[^\W\d_a-z])[\w.'’ \-]{0,40}(?:\([^()\n]{1,40}\))?:(?:\s|$)")
# A page's head in fields, two to a line ("Número Sessão: 038.3.57.O    Tipo: Deliberativa Extraordinária - CD"):
# furniture, though it opens like a label.
_FIELDS_IN_COLUMNS = re.compile(r"[^\n:]{1,40}:[ \t]*\S[^\n]*?[ \t]{3,}[^\n:]{1,40}:[ \t]*\S")


def _speaker_line(key: str) -> bool:
    """Whether a repeated line may be a speaker's (a label over its words), so never furniture: not a line that
    opens with a word no one is ("Disclaimer: The electronic version of the Official Hansard Report …")."""
    opening = _LABEL_START.match(key)
    return (
        opening is not None
        and _FIELDS_IN_COLUMNS.match(key) is None
        and not VOCABULARY.contains("never_speakers", opening.group().strip().rstrip(":").strip())
    )
# Gaps between lines a text must have before its spacing is read as double spacing.
_DOUBLE_SPACED_MIN_GAPS = 20
# libyaml's safe loader when the wheel has it: the pure-Python one costs more than parsing the transcript.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# An anchor or alias starts a YAML node: after "key: ", "- ", "[", "{" or ",", never inside a quoted string.
_YAML_ALIAS = re.compile(r"(?:^|:[ \t]+|-[ \t]+|[\[{,][ \t]*)[&*][\w-]+(?=[\s,\]}]|$)", re.M)
# Congressional Record furniture: page-break markers "[[Page S8584]]" (a page turns, the paragraph goes on) and
# rules "____" between items (they end a paragraph).
# The House's "{time}  2015" clock marks sit between paragraphs the same way.
_PAGE_MARKER = re.compile(r"[ \t]*(?:\[\[Page [A-Z]?\d+\]\]|\{time\}[ \t]+\d{3,4})[ \t]*")
_RULE_MARKS = ("___", "-----", "=====", "*****", "―――――", "─────", "━━━━━")
_RULE = re.compile(r"[ \t\u3000]*(?:_{3,}|-{5,}|={5,}|\*{5,}|[―─━]{5,})[ \t\u3000]*")  # a Japanese record's "―――――" too
# Every line break str.splitlines knows (and Unicode's line-breaking rules name): CRLF is one break.
_LINE_END_CHARS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # where str.splitlines cuts
_LINE_BREAK = re.compile(f"\r\n|[{_LINE_END_CHARS}]")
_SPLIT_AT_ONCE = 1_000_000  # characters: above this, lines are found one break at a time (no line strings)
# Captions mark each change of speaker, with ">>" or with the speaker's name in square brackets ("[Ferris]"); a
# caption line that a new speaker starts in the middle of ("... a third term >> ABERNATHY: well", "... deputy
# [Candidate Ferris] yeah and") holds two lines of the transcript. A mark is read so only where it opens this many
# lines with words after it, so a stray ">>" in prose, a quoted e-mail's or a bracketed note stays text.
_CAPTION_MARK_LINES = 3
_OPENING_MARK = re.compile(r"[ \t]*(>>|\[[A-Z][^\]\n]{0,40}\])[ \t]*[^\s>]")
_MARK_INSIDE_LINE = re.compile(r"(?<=\S)[ \t]+(?=(>>|\[[A-Z][^\]\n]{0,40}\])[ \t]*[^\s>])")


@attrs.frozen(slots=True)
class Layout:
    """Where a document's content lines are.

    ``starts``/``ends`` bound each line's content in the source (no newline, no line number); blank lines have
    ``start == end`` after trailing space is cut. ``blank_is_break`` is False for double-spaced PDF text, where
    every other line is blank and blank lines say nothing about paragraphs.
    """

    starts: Sequence[int]  # an array from read_layout: 4 bytes a line (8 past 4G characters)
    ends: Sequence[int]
    metadata: dict[str, Any]
    furniture: tuple[Span, ...]
    warnings: tuple[str, ...]
    blank_is_break: bool
    line_numbered: bool
    gapped: bool = (
        False  # some source lines (page markers) were left out: a paragraph's lines are not contiguous
    )
    # Columns a line's margin number took, where a transcript numbers every fifth line in its margin ("5     revised
    # court book index"): the line's indent counts them, so it lines up with the unnumbered lines around it.
    pads: Mapping[int, int] = attrs.field(factory=dict)

    @property
    def by_line(self) -> bool:
        """Whether a paragraph's text is read line by line (line numbers, margin numbers or left-out lines between
        its lines), not as one stretch of the source."""
        return self.line_numbered or self.gapped or bool(self.pads)


def read_front_matter(text: str, path: str | None = None) -> tuple[dict[str, Any], int, tuple[str, ...]]:
    """Markdown front matter (``---`` YAML block) as metadata, and where the body starts."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return {}, 0, ()
    source = match.group(1) or ""
    where = path or "<text>"
    if _YAML_ALIAS.search(source):  # an alias can expand a few bytes into gigabytes ("billion laughs")
        return {}, match.end(), (f"{where}: front matter uses YAML anchors or aliases; it was not read",)
    try:
        loaded = yaml.load(source, Loader=_YAML_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 2}" if mark is not None else ""
        return {}, 0, (f"{where}{line}: front matter is not valid YAML; read as text",)
    except (ValueError, RecursionError) as error:  # e.g. "date: 2021-02-30": YAML, but not a real date
        return {}, match.end(), (f"{where}: front matter could not be read: {error}",)
    if not isinstance(loaded, dict):
        return {}, match.end(), ()
    metadata = {str(key): _plain(value) for key, value in loaded.items()}
    return metadata, match.end(), ()


def _plain(value: Any) -> Any:
    """YAML dates and times become ISO strings so metadata stays JSON-friendly."""
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    return value


def _line_bounds(text: str, start: int) -> tuple[array[int], array[int]]:
    """Where each line starts, and where its content ends (trailing space and NBSP cut: a blank line is empty).

    A line ends at any of Unicode's line breaks (LF, CRLF, a bare CR, VT, FF, NEL, LS U+2028, PS U+2029): a file
    that mixes them, or uses only one of the rarer ones, must not merge the next speaker into this turn. The text
    itself is never rewritten; only the offsets say where lines are. The offsets are machine integers (8 bytes a
    line, where a tuple of Python ints costs 40), and no line is kept as a string beyond this call (above a million
    characters not even during it): a document of short lines has as many lines as words, and its layout must
    stay a fraction of its size.
    """
    if len(text) - start <= _SPLIT_AT_ONCE:
        # The common case: str.splitlines cuts at the same line ends in C, and its line strings live only as long
        # as this call (a few MB at most), three times faster than a Python step per line break.
        lines = text[start:].splitlines(keepends=True)
        if not lines or lines[-1] != lines[-1].rstrip(_LINE_END_CHARS):
            lines.append("")  # the text ends with a line break (or is empty): an empty last line
        starts = offset_array(len(text))
        starts.extend(itertools.accumulate(map(len, lines), initial=start))
        starts.pop()
        ends = offset_array(len(text))
        ends.extend([s + len(line.rstrip()) for s, line in zip(starts, lines)])
        return starts, ends
    starts, ends = offset_array(len(text)), offset_array(len(text))
    position = start
    for line_break in _LINE_BREAK.finditer(text, start):
        starts.append(position)
        ends.append(position + len(text[position : line_break.start()].rstrip()))
        position = line_break.end()
    # The text after the last line break (an empty line when the text ends with one, or is empty).
    starts.append(position)
    ends.append(position + len(text[position:].rstrip()))
    return starts, ends


def _is_line_numbered(
    text: str, starts: Sequence[int], ends: Sequence[int], nonblank: Sequence[int]
) -> list[int] | None:
    """The numbered lines of a PDF-to-text transcript, or None when the document is not one (decided on a
    sample first, so ordinary documents pay for a few dozen lines, not all of them)."""
    if len(nonblank) < 20:
        return None
    # The opening, and the middle: a court reporter's cover, appearances and index may fill the first pages.
    middle = len(nonblank) // 2
    if all(
        sum(1 for i in sample if _LINE_NUMBER.match(text, starts[i], ends[i])) < _NUMBERED_SHARE * len(sample) / 2
        for sample in (nonblank[:60], nonblank[middle : middle + 60])
    ):
        return None
    numbered, numbers = [], []
    for i in nonblank:
        match = _LINE_NUMBER.match(text, starts[i], ends[i])
        if match is not None:
            numbered.append(i)
            numbers.append(int(match.group(1)))
    if len(numbered) >= _NUMBERED_SHARE * len(nonblank):
        return numbered
    # A long word index or appendix after the argument (lines without numbers) can outweigh the numbered pages;
    # numbers that count on, 1, 2, 3 ... page after page, still say what the document is.
    counting_on = sum(1 for a, b in itertools.pairwise(numbers) if b == a + 1 or (b == 1 and a >= _PAGE_LINES))
    if len(numbered) >= _NUMBERED_MIN_SHARE * len(nonblank) and counting_on >= _COUNTING_ON * len(numbered):
        return numbered
    return None


def read_layout(text: str, path: str | None = None) -> Layout:
    """Split a plain-text document into content lines, reading front matter and PDF page furniture."""
    metadata, body_start, warnings = read_front_matter(text, path)
    starts, ends = _line_bounds(text, body_start)
    furniture: list[Span] = []
    if body_start:
        furniture.append(Span("front_matter", 0, body_start, "YAML front matter: read as metadata"))
    nonblank = array("q", (i for i, (start, end) in enumerate(zip(starts, ends)) if end > start))
    numbered = _is_line_numbered(text, starts, ends, nonblank)
    line_numbered = numbered is not None
    blank_is_break = True
    if numbered is not None:
        numbered_set = set(numbered)
        for i in nonblank:
            match = _LINE_NUMBER.match(text, starts[i], ends[i])
            if i in numbered_set and match is not None:
                starts[i] = match.end()
            else:  # page header, footer, page number, form feed: furniture, never speech
                furniture.append(Span("page_furniture", starts[i], ends[i], "a line without a line number in a numbered transcript"))
                starts[i] = ends[i]
        # pdftotext double-spaces: a blank line after nearly every line carries no paragraph meaning
        blank_is_break = False
    gapped = False  # lines were left out of the layout: text between two kept lines may not be read
    if not line_numbered:
        running = _running_furniture(text, starts, ends)
        if "\f" in text:
            notes = _footnotes(text, starts, ends) if "___" in text else set()
            notes |= _marked_footnotes(text, starts, ends)
            furniture.extend(Span("footnote", starts[i], ends[i], "a footnote at a page's foot") for i in notes)
            running |= notes
        if running:
            for i in running:
                furniture.append(Span("page_furniture", starts[i], ends[i], "a line repeated on every page"))
            starts, ends = _without_lines(starts, ends, running, len(text))
            gapped = True
    if "[[Page " in text or "{time}" in text:
        count = len(starts)
        starts, ends = _drop_page_markers(text, starts, ends, furniture)
        gapped = gapped or len(starts) != count
    if "\n>" in text and _strip_quote_marks(text, starts, ends, furniture):
        gapped = True  # each line is read from past its marks
    elif _opens_lines_with_marks(text):
        starts, ends = _split_at_caption_marks(text, starts, ends)
    if not line_numbered and _is_double_spaced(text, starts, ends):
        starts, ends = _without_line_spacing(starts, ends, len(text))
        gapped = True
    # After every step that leaves lines out: a margin number's line is known by its place in the final layout.
    pads = {} if line_numbered else _margin_numbers(text, starts, ends, furniture)
    if "   " in text or "\t" in text:
        for i in _tables(text, starts, ends):
            furniture.append(Span("table", starts[i], ends[i], "a table printed in columns, or an index of pages"))
            starts[i] = ends[i]  # a blank line: the table is no part of the paragraphs around it
    if any(rule in text for rule in _RULE_MARKS):
        for i, (start, end) in enumerate(zip(starts, ends)):
            if end > start and _RULE.fullmatch(text, start, end):
                furniture.append(Span("rule", start, end, "a horizontal rule"))
                starts[i] = end  # a blank line: a rule ends the paragraph
    return Layout(
        starts,
        ends,
        metadata,
        tuple(furniture),
        warnings,
        blank_is_break,
        line_numbered,
        gapped,
        pads,
    )


# A number every fifth line in the left margin, the text indented past it (an Australian court's transcript).
_MARGIN_NUMBER = re.compile(r"(\d{1,2})(?=[ \t]{2,}\S|[ \t]*$)")
_MARGIN_NUMBERS_MIN = 6


def _margin_numbers(
    text: str, starts: MutableSequence[int], ends: Sequence[int], furniture: list[Span]
) -> dict[int, int]:
    """Where a transcript numbers every fifth line in its margin (5, 10, 15 … at the line's start, the other lines
    indented past the numbers), the numbered lines without their numbers, each with the columns its number took
    (the layout's ``pads``); the numbers are furniture. Nothing for any other document (one look at the lines
    that open with a digit)."""
    found = [
        (i, match)
        for i in range(len(starts))
        if ends[i] > starts[i]
        and "0" <= text[starts[i]] <= "9"
        and (match := _MARGIN_NUMBER.match(text, starts[i], ends[i])) is not None
        and int(match.group(1)) % 5 == 0
    ]
    if len(found) < _MARGIN_NUMBERS_MIN:
        return {}
    numbers = [int(m.group(1)) for _, m in found]
    counting_on = sum(1 for a, b in itertools.pairwise(numbers) if b == a + 5 or b == 5)
    if counting_on < 0.8 * (len(numbers) - 1):
        return {}
    pads = {}
    for i, match in found:
        furniture.append(Span("line_number", match.start(), match.end(), "a margin number every fifth line"))
        pads[i] = match.end() - match.start()
        starts[i] = match.end()
    return pads


# The foot of a page: a short rule, then notes each opening with its marker ("   1 Memorial of …", "* Translation").
_FOOTNOTE_RULE = re.compile(r"[ \t]*_{5,40}[ \t]*")
_FOOTNOTE_OPENING = re.compile(r"[ \t]*(?:\d{1,3}|\*{1,3}|[†‡§])[ \t]+\S")
_MAX_FOOTNOTE_LINES = 40
_PAGE_NUMBER = re.compile(r"[ \t]*(?:[-–—][ \t]*)?\d{1,4}(?:[ \t]*[-–—])?[ \t]*")


# Cells of a table row are set apart by three blanks or more (or a tab); a cell's words by single blanks.
_CELL_GAP = re.compile(r"[ \t]*\t[ \t]*| {3,}")
_COLUMN_GAP = re.compile(r"\S(?:[ \t]*\t| {3,})\S")
_NUMBER_CELL = re.compile(r"[-+(]?[$£€]?\d[\d.,]*%?\)?")
_PAGE_CELL = re.compile(r"\d{1,4}")
_TABLE_MIN_CELLS, _TABLE_MIN_NUMBERS, _TABLE_MIN_ROWS = 3, 2, 2
# A block of short lines without a sentence's end, a sixth of them or more entries with a page, is a table of
# contents whole ("Oral Questions	2212" over the questions' subjects and the members who asked them).
_CONTENTS_SHARE, _CONTENTS_LINE = 6, 120
# A block of three lines or more, each of two cells or more of a few words (a division's "Aldworth, J.      Maguire,
# J."), is a list in columns.
_NAME_COLUMNS_MIN_ROWS, _NAME_CELL_WORDS = 3, 4


def _tables(text: str, starts: Sequence[int], ends: Sequence[int]) -> set[int]:
    """The lines of tables and page indexes, which are no one's words wherever they stand: a block of lines (no
    blank between) with two rows or more of three cells, two of them numbers ("2  Directors' remuneration report
    612,004,118   91.42 ..."), where half its lines or more are in columns (the title, the header row and a note
    under it go with the rows); and two or more lines in a row that each end in a run of blanks and a page number
    ("Roll call vote                 6"), with the short lines between them where they make a table of contents
    (names and subjects under its entries); and names in columns, three lines or more (a division's list)."""
    found: set[int] = set()
    count = len(starts)
    i = 0
    while i < count:
        if ends[i] <= starts[i]:
            i += 1
            continue
        block_start = i
        while i < count and ends[i] > starts[i]:
            i += 1
        block = range(block_start, i)
        cells = [
            _CELL_GAP.split(text[starts[j] : ends[j]].strip()) if _COLUMN_GAP.search(text, starts[j], ends[j]) else []
            for j in block
        ]
        columned = [row for row in cells if len(row) >= _TABLE_MIN_CELLS]
        numbered = sum(1 for row in columned if sum(1 for c in row if _NUMBER_CELL.fullmatch(c)) >= _TABLE_MIN_NUMBERS)
        if numbered >= _TABLE_MIN_ROWS and 2 * len(columned) >= len(cells):
            found.update(block)
            continue
        if len(block) >= _NAME_COLUMNS_MIN_ROWS and all(
            len(row) >= 2
            and not row[0].endswith(":")  # a form's "Agent:      Priya Natarajan" is a field, read as the header's
            and all(len(cell.split()) <= _NAME_CELL_WORDS for cell in row)
            for row in cells
        ):
            found.update(block)  # names in columns: a division's list, a roster
            continue
        entries = [j for j, row in zip(block, cells) if len(row) >= 2 and _PAGE_CELL.fullmatch(row[-1])]
        if len(entries) < _TABLE_MIN_ROWS:
            continue
        if _CONTENTS_SHARE * len(entries) >= len(block) and not any(
            ends[j] - starts[j] > _CONTENTS_LINE or text[ends[j] - 1] in ".?!" for j in block
        ):
            found.update(block)  # a table of contents: its entries with pages, and the names and titles under them
        else:
            found.update(entries)
    return found


def _footnotes(text: str, starts: Sequence[int], ends: Sequence[int]) -> set[int]:
    """The lines of footnote blocks in a paged document (pdftotext of a court's or a UN body's record): a short rule,
    then lines whose first opens with a note's marker, up to the form feed of the next page (or the text's end).
    They are no speech, and the paragraph a page break cut goes on under them."""
    found: set[int] = set()
    count = len(starts)
    for i in range(count):
        if ends[i] <= starts[i] or not _FOOTNOTE_RULE.fullmatch(text, starts[i], ends[i]):
            continue
        block, j = [i], i + 1
        while j < count and ends[j] <= starts[j]:
            j += 1
        if j == count or not _FOOTNOTE_OPENING.match(text, starts[j], ends[j]):
            continue
        while j < count and len(block) <= _MAX_FOOTNOTE_LINES and text[starts[j] - 1] != "\f":
            if ends[j] > starts[j]:
                block.append(j)
            j += 1
        if j < count and _PAGE_NUMBER.fullmatch(text, starts[j], ends[j]):
            block.append(j)  # the next page's number ("- 7 -"), which opens it
        if len(block) <= _MAX_FOOTNOTE_LINES:
            found.update(block)
    return found


_NOTE_NUMBER = re.compile(r"[ \t]*(\d{1,2})[ \t]+[A-Z]")


def _marked_footnotes(text: str, starts: Sequence[int], ends: Sequence[int]) -> set[int]:
    """A page's last line, over its form feed, that opens with a note's number its page printed glued to a word
    ("MR. TAVERNIER.1 Thank you" … "1 The materials used by Mr. Tavernier are appended …"): a footnote with no
    rule over it. No speech, and the paragraph the page break cut goes on under it."""
    found: set[int] = set()
    page_start = 0
    for i in range(1, len(starts)):
        if text[starts[i] - 1] != "\f":
            continue
        last = i - 1
        while last >= 0 and ends[last] <= starts[last]:
            last -= 1
        if last >= 0 and starts[last] >= page_start:
            note = _NOTE_NUMBER.match(text, starts[last], ends[last])
            if note is not None and re.search(rf"[^\W\d_][.,;:)\]]?{note[1]}(?!\d)", text[page_start : starts[last]]):
                found.add(last)
        page_start = starts[i]
    return found


def _running_furniture(text: str, starts: Sequence[int], ends: Sequence[int]) -> set[int]:
    """The lines of a paged document's running heads and footers ("Transcript of Proceedings  Page 3", a
    reporter's name and telephone): lines that repeat, numbers aside, at a page's rhythm (see _on_every_page).
    A document shows it is paged by a form feed or by a line repeated as it is at that rhythm; only then are
    lines compared with their numbers masked. Lines are learnt from the opening pages (a head shows on every
    page: three times there at least) and counted in C, so an ordinary document pays a few microseconds, and a
    document of a million distinct lines holds no table of them."""
    sample = min(len(starts), _FURNITURE_SAMPLE_LINES)
    if not sample:
        return set()
    opening = text[starts[0] : ends[sample - 1]]
    # Line k of the opening is layout line k: both are cut at the same line ends, from the first line on.
    found = _repeats(text, starts, ends, opening.splitlines(), sample)
    numbered = _numbered_footers(text, starts, ends)
    marked = _marked_heads(text, starts, ends) | numbered
    paged = "\f" in opening or bool(found)
    # Without that sign, a line repeated with its numbers masked must show one of them counting on, page after
    # page ("A 218-647-093    3    March 4, 2024", then 4, 5 …): a footer with nothing else repeated as it is.
    counted = _repeats(text, starts, ends, _DIGITS.sub("#", opening).splitlines(), sample, masked=True, counting=not paged)
    found.update(counted)
    lines = {i for lines in found.values() for i in lines} | marked
    footers = {i for at in counted.values() for i in at}
    if counted and not paged:
        lines |= _beside(text, starts, ends, footers)
    if footers or numbered:
        lines |= _heads_under(text, starts, ends, footers | numbered)
    if footers or marked:
        lines |= _feet_over(text, starts, ends, footers | marked)
    if "\f" in text:
        lines |= _page_edges(text, starts, ends)
    return lines


def _beside(text: str, starts: Sequence[int], ends: Sequence[int], footers: set[int]) -> set[int]:
    """The lines printed right over or under a page's footer, no blank line between, the same beside most of
    them (a form's "RESTRICTED (when complete)   MG15(T)" under its "Signature(s): ……   Page 1 of 3"), rules
    aside: the rest of the footer. (Across a blank line is the page's text: the next page may open with the same
    cue every time.)"""
    beside: dict[str, list[int]] = {}
    for i in footers:
        for j in (i - 1, i + 1):
            if 0 <= j < len(starts) and ends[j] > starts[j] and j not in footers:
                beside.setdefault(text[starts[j] : ends[j]].strip(), []).append(j)
    most = max(_FURNITURE_REPEATS, len(footers) // 2)
    return {
        j
        for key, at in beside.items()
        if len(at) >= most
        and len(key) <= _FURNITURE_LONGEST
        and not _speaker_line(key)
        and _RULE.fullmatch(key) is None
        for j in at
    }


def _heads_under(text: str, starts: Sequence[int], ends: Sequence[int], footers: set[int]) -> set[int]:
    """A running head one blank line under a page's footer, the same under every footer but the last, and the
    document's title too (a PDF's "Pagina 2 van 7", a blank, then "Letterlijke tekst persconferentie na ministerraad
    24 januari 2025" as its first page opens): a page's own text may open with the same cue every time ("Marcus Tew
    – Chief Financial Officer"), not with the title."""
    opening = {text[starts[i] : ends[i]].strip() for i in range(min(len(starts), _TITLE_LINES))}
    heads: dict[str, list[int]] = {}
    for i in footers:
        j = i + 2
        if j < len(starts) and ends[i + 1] <= starts[i + 1] and ends[j] > starts[j] and j not in footers:
            heads.setdefault(text[starts[j] : ends[j]].strip(), []).append(j)
    every = max(_FURNITURE_REPEATS, len(footers) - 1)
    return {
        j
        for key, at in heads.items()
        if len(at) >= every
        # the document's title, or under three footers or more a line that ends no sentence (a production's
        # "HALFMOON PICTURES · PRACTICE MAKES (wt) · Osei int. Day 4 · VLC-23-4471")
        and (key in opening or (len(at) >= _FURNITURE_REPEATS and key[-1] not in ".?!:"))
        and len(key.split()) >= _HEAD_WORDS
        and _NAME_DASH_TITLE.search(key) is None
        and len(key) <= _FURNITURE_LONGEST
        and not _speaker_line(key)
        for j in at
    }


def _feet_over(text: str, starts: Sequence[int], ends: Sequence[int], heads: set[int]) -> set[int]:
    """A page's foot: the same short paragraph one blank line over every running head but the first page's, and
    wherever else it is printed (under the last page's text too): Kenya's Hansard ends each page with
    "Disclaimer: The electronic version of the Official Hansard Report is for information purposes / only. …"."""

    def line(k: int) -> str:
        return text[starts[k] : ends[k]].strip()

    def blank(k: int) -> bool:
        return ends[k] <= starts[k]

    tops = [i for i in heads if i == 0 or blank(i - 1)]  # a head's first line: one per page
    feet: Counter[tuple[str, ...]] = Counter()
    for top in tops:
        last = top - 2  # the foot's last line, over the blank line over the head
        first = last
        while first > 0 and not blank(first - 1) and last - first + 1 < _FOOT_BLOCK_LINES:
            first -= 1
        if last >= 0 and not blank(last) and (first == 0 or blank(first - 1)):  # a paragraph of its own
            feet[tuple(line(k) for k in range(first, last + 1))] += 1
    found: set[int] = set()
    for foot, n in feet.items():
        if n < max(2, len(tops) - 1) or len(" ".join(foot)) > 2 * _REPEATED_LONGEST or _speaker_line(foot[0]):
            continue
        for i in range(len(starts) - len(foot) + 1):
            if all(line(i + k) == words for k, words in enumerate(foot)):
                found.update(range(i, i + len(foot)))
    return found


_FOOT_BLOCK_LINES = 3  # a page's foot is a line or a few: a disclaimer, an address
_HEAD_WORDS = 3  # a running head is a title's words, not one cue ("Q.", "THE COURT:")
_TITLE_LINES = 12  # the lines a document's title is printed among
# A spaced dash between a name and an office: a call's speaker line, printed over the words on every page it opens.
_NAME_DASH_TITLE = re.compile(r"\s(?:[–—]|--?)\s")


# A page's number on a line of its own, as a head prints it ("Page: 2", "Page 3 of 9").
# (One pattern per spelling, each opening with its literal: searched at memchr speed, the line's start checked after.)
_PAGE_NUMBER_LINES = tuple(
    re.compile(word + r":?[ \t]*\d{1,4}(?:[ \t]+(?:of|OF)[ \t]+\d{1,4})?[ \t]*$", re.M) for word in ("Page", "PAGE", "page")
)
_HEAD_LINES = 3  # lines over a page's number that its head may print
# ... and by a page's number alone, the lines of a head or foot printed on most pages (a reporter's name, address,
# telephone).
_FOOT_LINES = 5


# A page's head or foot that ends in the page's number of the pages' count, in any language ("Biên bản phiên họp
# ngày 22/5/2025 – Kỳ họp thứ chín    Trang 2/12", "… Page 3 of 11", "… Seite 4 von 9").
_PAGE_COUNT = rf"\d{{1,4}}[ \t]*(?:/|(?i:{VOCABULARY.alternation('page_count_joiners')})(?!\w))[ \t]*\d{{1,4}}"
_NUMBERED_FOOTER = re.compile(
    rf"[^\n]{{0,160}}?(?<!\w)(?i:{VOCABULARY.alternation('page_words')})\.?:?[ \t]*{_PAGE_COUNT}"
)


def _numbered_footers(text: str, starts: Sequence[int], ends: Sequence[int]) -> set[int]:
    """The lines of a head or foot that ends in its page's number of the pages' count, the same on two pages or
    more, numbers aside, however unevenly the pages run (their lines are not counted). Only a line that ends in a
    digit is read (one character look a line)."""
    found: dict[str, list[int]] = {}
    for i, (start, end) in enumerate(zip(starts, ends)):
        if end > start and text[end - 1].isdigit() and _NUMBERED_FOOTER.fullmatch(text, start, end) is not None:
            found.setdefault(" ".join(_DIGITS.sub("#", text[start:end]).split()), []).append(i)
    return {line for lines in found.values() if len(lines) >= 2 for line in lines}


def _marked_heads(text: str, starts: Sequence[int], ends: Sequence[int]) -> set[int]:
    """A page's head that ends in a line of its own with the page's number ("UNREVISED HANSARD" / "NATIONAL
    ASSEMBLY" / "TUESDAY, 10 MARCH 2026" / "Page: 2"), however unevenly the pages run: the number lines, and
    the lines printed over two of them or more, numbers aside, wherever they stand. A page's number alone on its
    line ("2", "3", … counting on, page after page: the Riksdag's protocol) marks it too, its head over or under
    it (left and right pages print it on either side)."""
    marks = []
    for pattern in _PAGE_NUMBER_LINES:
        for match in pattern.finditer(text):
            line = bisect.bisect_right(starts, match.start()) - 1
            if line >= 0 and not text[starts[line] : match.start()].strip():  # the number opens its line
                marks.append(line)
    counted = _counted_page_numbers(text, starts)
    marks.sort()
    if len(marks) < 2 and not counted:
        return set()

    def key(i: int) -> str:
        return " ".join(_DIGITS.sub("#", text[starts[i] : ends[i]]).split())

    def near(mark: int, both_sides: bool, reach: int = _HEAD_LINES) -> list[int]:
        """The lines with words a head may print over the number (and under it, for a number alone)."""
        if not both_sides:
            return [j for j in range(max(0, mark - reach), mark) if ends[j] > starts[j]]
        # Up to ``reach`` lines with words on each side, blank lines between them aside.
        above = (j for j in range(mark - 1, max(-1, mark - 3 * reach), -1) if ends[j] > starts[j])
        below = (j for j in range(mark + 1, min(len(starts), mark + 3 * reach)) if ends[j] > starts[j])
        return [*itertools.islice(above, reach), *itertools.islice(below, reach)]

    around = [(mark, False) for mark in marks] + [(mark, True) for mark in counted]
    close: Counter[str] = Counter()  # keys by the number, over two pages or more
    far: Counter[str] = Counter()  # keys a little further off (a reporter's address block), over most pages
    touching: Counter[str] = Counter()  # keys of the line with words right over or under the number
    for mark, both_sides in around:
        close.update({key(j) for j in near(mark, both_sides)})
        if both_sides:
            far.update({key(j) for j in near(mark, both_sides, _FOOT_LINES)})
            touching.update({key(j) for j in near(mark, both_sides, 1)})
    most = max(_FURNITURE_REPEATS, len(counted) // 2)
    # A label by page numbers is a speaker's (a debate's "HARRIET QUAYE:" over a page's first words, a reporter's
    # "Media: Will it?"); a line with words after its colon right by the number on most pages is a head
    # ("POST-CABINET PRESS CONFERENCE: MONDAY, 17 MARCH 2025").
    heads = {
        k
        for k, n in (*close.items(), *((k, n) for k, n in far.items() if n >= most))
        if n >= 2
        and k
        and len(k) <= _FURNITURE_LONGEST
        and (not _LABEL_START.match(k) or (touching[k] >= most and not k.endswith(":")))
    }
    lines = set(marks) | set(counted)
    for mark, both_sides in around:
        lines.update(j for j in near(mark, both_sides, _FOOT_LINES if both_sides else _HEAD_LINES) if key(j) in heads)
    return lines


# After a line end (a literal the engine scans for in C): the first line is never a page's number worth having.
_BARE_NUMBER = re.compile(r"\n[ \t]*(\d{1,4})[ \t]*(?=\r?\n|$)")
# A page's number between dashes inside its head ("Atti Parlamentari — 2 — Camera dei Deputati"). One pattern per
# dash, each opening with its literal: searched at memchr speed (a class of dashes would test every character).
_FRAMED_NUMBERS = tuple(re.compile(dash + r" [ \t]*(\d{1,4})[ \t]+" + dash + r"[ \t]") for dash in ("—", "–", "-"))
# ... or after a slash at the head's end ("Nationalrat, XXVII. GP 12. Juni 2024 267. Sitzung / 45").
_SLASHED_NUMBER = re.compile(r" / (\d{1,4})[ \t]*(?=\r?\n|$)")
# ... or set apart at the head's outer edge, left on even pages and right on odd ones ("8412          ΠΡΑΚΤΙΚΑ
# ΒΟΥΛΗΣ (Τετάρτη 13 Μαρτίου 2024)", then "ΠΡΑΚΤΙΚΑ ΒΟΥΛΗΣ (…)          8413"): one count over both sides.
# (Each opens with a literal the engine scans for in C; the words before a right-hand number are checked after.)
_NUMBER_BEFORE_HEAD = re.compile(r"\n[ \t]*(\d{1,4})   [ \t]*\S")
# (No "[ \t]*" before the number: over a long run of blanks that would cost a scan of the run at each blank.)
_NUMBER_AFTER_HEAD = re.compile(r"   (\d{1,4})\.?[ \t]*(?=\r?\n|$)")  # a script's "… DRAFT 3      4."
_COUNTED_PAGES_MIN, _PAGE_LINES_MIN = 3, 5


def _counted_page_numbers(text: str, starts: Sequence[int]) -> list[int]:
    """Lines that hold a page's number, alone, or between dashes, after a slash or at an edge of a short head,
    where those numbers count on by one, line after line at least a few lines apart, three times or more: a paged
    document's page numbers. Empty when there are none."""
    best: list[int] = []
    sources: list[Iterable[re.Match[str]]] = [p.finditer(text) for p in (*_FRAMED_NUMBERS, _SLASHED_NUMBER)]
    for k, found in enumerate((_BARE_NUMBER.finditer(text), *sources, *_edge_numbers(text))):
        chain: list[int] = []
        last_value = last_line = -(10**9)
        for match in found:
            line = bisect.bisect_right(starts, match.start(1)) - 1
            if k and _line_length(text, match.start(1)) > _FURNITURE_LONGEST:  # a number alone needs no look
                continue
            value = int(match[1])
            if value == last_value + 1 and line - last_line >= _PAGE_LINES_MIN:
                chain.append(line)
            else:
                chain = [line]
            last_value, last_line = value, line
            if len(chain) > len(best):
                best = list(chain)
    return best if len(best) >= _COUNTED_PAGES_MIN else []


def _edge_numbers(text: str) -> list[list[re.Match[str]]]:
    """Numbers at a short line's edge, grouped by the words beside them (numbers aside): a head's page numbers
    share their words, as a numbered question's ("7   Q.  Is that the email …") do not."""
    heads: dict[str, list[re.Match[str]]] = {}
    right = (m for m in _NUMBER_AFTER_HEAD.finditer(text) if _words_before(text, m.start()))
    for match in sorted((*_NUMBER_BEFORE_HEAD.finditer(text), *right), key=lambda m: m.start(1)):
        line_start = text.rfind("\n", 0, match.start(1)) + 1
        line_end = text.find("\n", match.end(1))
        line = text[line_start : match.start(1)] + text[match.end(1) : len(text) if line_end < 0 else line_end]
        heads.setdefault(" ".join(_DIGITS.sub("#", line).split()), []).append(match)
    return [found for found in heads.values() if len(found) >= _COUNTED_PAGES_MIN]


def _words_before(text: str, at: int) -> bool:
    """Whether the line holding offset ``at`` has words before it (blanks aside)."""
    while at and text[at - 1] in " \t":
        at -= 1
    return at > 0 and text[at - 1] not in "\r\n"


def _line_length(text: str, at: int) -> int:
    """The length of the line that holds offset ``at``."""
    end = text.find("\n", at)
    return (len(text) if end == -1 else end) - (text.rfind("\n", 0, at) + 1)


def _page_edges(text: str, starts: Sequence[int], ends: Sequence[int]) -> set[int]:
    """In a document paged by form feeds, the lines that open or close two pages or more (a head's first lines,
    up to three), numbers aside (a head "March 19, 2026  Chair X's Press Conference  FINAL" on a three-page
    transcript, too few pages for the rhythm test), wherever else they stand (the same head over page one)."""
    count = len(starts)

    def key(i: int) -> str:
        return " ".join(_DIGITS.sub("#", text[starts[i] : ends[i]]).split())  # a head's columns set apart

    edges: Counter[str] = Counter()
    previous = -1  # the last non-blank line before the current one
    for i in range(count):
        if starts[i] and text[starts[i] - 1] == "\f":
            # The head's lines: a record's may be three ("DIARIO DE SESIONES …" / "PLENO Y DIPUTACIÓN PERMANENTE" /
            # "Núm. 187   12 de marzo de 2026   Pág. 4").
            following = [j for j in range(i, min(i + 2 * _HEAD_LINES + 1, count)) if ends[j] > starts[j]]
            edges.update({key(j) for j in following[:_HEAD_LINES]})
            if previous >= 0:
                edges[key(previous)] += 1
        if ends[i] > starts[i]:
            previous = i
    keys = {
        k for k, n in edges.items() if n >= 2 and k and len(k) <= _FURNITURE_LONGEST and not _LABEL_START.match(k)
    }
    return {i for i in range(count) if ends[i] > starts[i] and key(i) in keys} if keys else set()


def _repeats(
    text: str,
    starts: Sequence[int],
    ends: Sequence[int],
    opening: list[str],
    sample: int,
    masked: bool = False,
    counting: bool = False,
) -> dict[str, list[int]]:
    """Lines of ``opening`` (its numbers masked as "#" when ``masked``) repeated at a page's rhythm, with every
    line of the document that repeats them (``counting``: only where a number in them counts on)."""
    keys = {
        key
        for key, n in Counter(map(str.strip, opening)).items()
        if n >= _FURNITURE_REPEATS
        and key
        and len(key) <= _REPEATED_LONGEST
        and not _speaker_line(key)
        and not key.startswith(_RECORD_MARKERS)  # the record's own page markers: see _drop_page_markers
        and (not masked or "#" in key)
    }
    if not keys:
        return {}
    lines: Iterable[str] = opening
    if sample < len(starts):  # a long document: every line
        lines = (text[start:end] for start, end in zip(starts, ends))
        if masked:
            lines = (_DIGITS.sub("#", line) for line in lines)
    found: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        key = line.strip()
        if key in keys:
            found.setdefault(key, []).append(i)
    return {key: at for key, at in found.items() if _on_every_page(text, starts, ends, at, counting)}


def _on_every_page(
    text: str, starts: Sequence[int], ends: Sequence[int], lines: list[int], counting: bool = False
) -> bool:
    """Whether repeats of a line keep a page's rhythm: as many lines apart each time, give or take two lines or a
    tenth (a name printed alone over its speech repeats at the pace of the talk, not so evenly), four times or
    more, or three when a number in it counts on, page after page ("Page 3", "Page 4", "Page 5"); with
    ``counting``, a number must count on however often it repeats. The last page may be short: it ends where the
    text does."""
    if len(lines) < _FURNITURE_REPEATS:
        return False
    numbers = [[int(n) for n in _DIGITS.findall(text, starts[i], ends[i])] for i in lines]
    counts_on = any(
        all(len(row) > place and row[place] == numbers[0][place] + k for k, row in enumerate(numbers))
        for place in range(len(numbers[0]))
    )
    gaps = [b - a for a, b in itertools.pairwise(lines)]
    # The last page may be short: one short last gap is dropped where the pages before it keep the rhythm (two
    # gaps when a number counts on, three with nothing counting: a line repeated as it is must show more pages).
    if len(gaps) > _PARTS_MIN_GAPS and gaps[:-1].count(shortest := min(gaps[:-1])) == 1:
        # One short page inside: the last of a document's first part (a second conversation, a second day
        # follows on a new page), where every other page but the last keeps the rhythm.
        rest = [gap for gap in gaps[:-1] if gap != shortest]
        if min(rest) >= _PAGE_MIN_LINES and max(rest) <= max(min(rest) + 2, 1.1 * min(rest)):
            gaps = [*rest, gaps[-1]]
    if len(gaps) > (2 if counts_on else 3) and gaps[-1] < min(gaps[:-1]):
        gaps.pop()
    if min(gaps) < _PAGE_MIN_LINES or max(gaps) > max(min(gaps) + 2, 1.1 * min(gaps)):
        return False
    return counts_on or (len(lines) > _FURNITURE_REPEATS and not counting)


_PARTS_MIN_GAPS = 5  # pages a line must keep the rhythm over for one short page among them to be a part's last

# An e-mail's quotation marks at a line's start, one per level of quoting ("> ", "> > ", ">> "); a quoted
# blank line is the marks alone. A caption's ">>" speaker mark never stands alone on its line.
_QUOTE_MARKS = re.compile(r"[ \t]{0,3}(?:>[ \t]?)+")
_QUOTED_LINES, _QUOTED_BLANKS = 8, 3


def _strip_quote_marks(text: str, starts: array[int], ends: array[int], furniture: list[Span]) -> bool:
    """Where a document quotes an e-mail (eight lines or more open with ">", three or more are the marks alone),
    read every quoted line from past its marks: a forwarded interview's "> > Q1: …" opens a turn as "Q1: …"
    would. Whether it did."""
    quoted = [(i, m.end()) for i, (start, end) in enumerate(zip(starts, ends)) if (m := _QUOTE_MARKS.match(text, start, end)) and ">" in text[start : m.end()]]
    if len(quoted) < _QUOTED_LINES or sum(1 for i, past in quoted if past == ends[i]) < _QUOTED_BLANKS:
        return False
    for i, past in quoted:
        furniture.append(Span("quote_mark", starts[i], past, "an e-mail's quotation marks"))
        starts[i] = past
    return True


def _opens_lines_with_marks(text: str) -> bool:
    """A cheap first look (counted in C): whether enough lines open with a caption mark to read marks inside lines."""
    return text.count("\n" + CAPTION_MARK) + text.startswith(CAPTION_MARK) >= _CAPTION_MARK_LINES or (
        text.count("\n[") + text.startswith("[") >= _CAPTION_MARK_LINES
    )


def _split_at_caption_marks(text: str, starts: array[int], ends: array[int]) -> tuple[array[int], array[int]]:
    """The lines with each caption mark inside one opening a line of its own: ">>" where it opens at least
    _CAPTION_MARK_LINES lines with words after it, a bracketed name where it opens a line so and such names open
    that many."""
    opening: Counter[str] = Counter()  # the marks that open lines, and how often
    for start, end in zip(starts, ends):
        found = _OPENING_MARK.match(text, start, end)
        if found is not None:
            opening[found[1]] += 1
    # ">>" itself must recur; a bracketed name must be one that opens a line, in a text where such names do.
    named = sum(count for mark, count in opening.items() if mark != CAPTION_MARK)
    marks = {mark for mark in opening if (opening[mark] if mark == CAPTION_MARK else named) >= _CAPTION_MARK_LINES}
    if not marks:
        return starts, ends
    split_starts, split_ends = offset_array(len(text)), offset_array(len(text))
    for start, end in zip(starts, ends):
        for gap in _MARK_INSIDE_LINE.finditer(text, start, end):
            if gap[1] in marks:
                split_starts.append(start)
                split_ends.append(gap.start())
                start = gap.end()
        split_starts.append(start)
        split_ends.append(end)
    return split_starts, split_ends


def _without_lines(
    starts: array[int], ends: array[int], gone: set[int], limit: int
) -> tuple[array[int], array[int]]:
    """The lines less ``gone`` and the blank lines between two of them (a footer, a blank, the next page's head):
    a paragraph that a page break cut goes on; blank lines on either side of the furniture stay. One pass: a run of
    blank lines is decided once, when the line after it comes."""
    kept_starts, kept_ends = offset_array(limit), offset_array(limit)
    previous = -1  # the last line with content
    run = 0  # where the run of blank lines since it begins

    def keep_blank_run(end: int) -> None:
        if not (previous in gone and end in gone):
            for k in range(run, end):
                kept_starts.append(starts[k])
                kept_ends.append(ends[k])

    for i, (start, end) in enumerate(zip(starts, ends)):
        if end <= start:
            continue
        keep_blank_run(i)
        previous, run = i, i + 1
        if i not in gone:
            kept_starts.append(start)
            kept_ends.append(end)
    keep_blank_run(len(starts))
    return kept_starts, kept_ends


def _is_double_spaced(text: str, starts: Sequence[int], ends: Sequence[int]) -> bool:
    """Whether a hard-wrapped text was exported with a blank line after every line: no two lines touch, most are
    one blank line apart and run on from the line above (no sentence end), and paragraphs are further apart. (A
    page of one-line paragraphs a blank line apart is not: its lines end sentences.)"""
    breaks = text.count("\n")
    if text.count("\n\n") < 0.45 * breaks:  # most line breaks are not doubled: no need to look line by line
        return False
    touching = one_apart = wrapped = further = 0
    blanks, last = -1, -1
    for i in range(len(starts)):
        if ends[i] <= starts[i]:
            blanks += 1
            continue
        if last >= 0:
            if blanks == 0:
                touching += 1
            elif blanks == 1:
                one_apart += 1
                wrapped += text[ends[last] - 1] not in SENTENCE_END
            else:
                further += 1
        blanks, last = 0, i
    gaps = touching + one_apart + further
    return (
        gaps >= _DOUBLE_SPACED_MIN_GAPS
        and touching <= 0.01 * gaps
        and one_apart >= 0.5 * gaps
        and further >= 0.05 * gaps
        and wrapped >= 0.5 * one_apart
    )


def _without_line_spacing(starts: array[int], ends: array[int], limit: int) -> tuple[array[int], array[int]]:
    """The lines of a double-spaced text less the blank line after each line: a line break again where the export
    doubled it, a blank line where it left two or more (a paragraph break)."""
    kept_starts, kept_ends = offset_array(limit), offset_array(limit)
    after_content = False
    for start, end in zip(starts, ends):
        if end <= start and after_content:
            after_content = False
            continue
        after_content = end > start
        kept_starts.append(start)
        kept_ends.append(end)
    return kept_starts, kept_ends


def _drop_page_markers(
    text: str, starts: array[int], ends: array[int], furniture: list[Span]
) -> tuple[array[int], array[int]]:
    """Take page-break markers out of the line list, with the blank lines around them: the paragraph that the
    page break cut goes on after it (a new paragraph still shows by its indent)."""
    drop: set[int] = set()
    for i, (start, end) in enumerate(zip(starts, ends)):
        if end > start and text[start] in " \t[{" and _PAGE_MARKER.fullmatch(text, start, end):
            kind = "page_marker" if "[" in text[start:end] else "time_marker"
            furniture.append(Span(kind, start, end, "a page or time marker"))
            drop.add(i)
            for step in (-1, 1):
                j = i + step
                while 0 <= j < len(starts) and (ends[j] <= starts[j] or text[starts[j] : ends[j]].isspace()):
                    drop.add(j)
                    j += step
    if not drop:
        return starts, ends
    keep = [i for i in range(len(starts)) if i not in drop]
    kept_starts, kept_ends = offset_array(len(text)), offset_array(len(text))
    kept_starts.extend(starts[i] for i in keep)
    kept_ends.extend(ends[i] for i in keep)
    return kept_starts, kept_ends
