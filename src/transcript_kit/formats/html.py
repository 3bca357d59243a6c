"""HTML pages: the page's text with its paragraphs, less its furniture, and a map back to the source.

The page is tokenized by the standard library's ``html.parser``, which reports where every tag, text run and
character reference starts in the source (bench/html_parsers.py compares it with lxml.html, selectolax and
html5lib: they build better trees but none tells where a text node came from, and the turns table's offsets
must point into the decoded HTML source). It is lenient as browsers are: unclosed, misnested and stray tags
never stop it. We need no tree, only paragraph breaks and which regions are furniture, so an end tag closes
everything opened since its start tag (how ``</ul>`` closes unclosed ``<li>``).

The extracted text keeps paragraph structure (block elements break paragraphs, ``<br>`` breaks lines) and the
emphasis that marks a label (``<strong>Name:</strong>`` opening a paragraph becomes ``**Name:**``, which the text
parser reads as a bold label); scripts, styles, navigation, forms, headers and footers, and blocks whose class,
id or role names furniture (cookie banners, subscription boxes, share bars) are dropped. Every extracted
character remembers its source span, so turns found by the text parser are mapped back. Which elements and words
do what is vocabulary data (``[markup]``).
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Mapping
from html.parser import HTMLParser

import attrs

from transcript_kit.conventions.vocabulary import VOCABULARY
from transcript_kit.model import Document, TurnKind

__all__ = ["ExtractedPage", "extract_page", "looks_like_markup", "page_document"]


def _words(name: str) -> frozenset[str]:
    return VOCABULARY.folded(f"markup_{name}")


_SKIPPED = _words("html_skipped_elements")
_BLOCKS = _words("html_block_elements")
_LINE_BREAKS = _words("html_line_break_elements")
_EMPHASIS = _words("html_emphasis_elements")
_VOID = _words("html_void_elements")
_FURNITURE_WORDS = _words("html_furniture_words")
_FURNITURE_ROLES = _words("html_furniture_roles")
_TOKEN = re.compile(r"[a-z]+")
# Words joined by single spaces are copied as they are (one run); any other whitespace collapses to one space.
_RUN = re.compile(r"\S+(?: \S+)*|\s+")
_MAX_LABEL_EMPHASIS = 100  # a bold run longer than this is emphasis in speech, not a label
# A text file that is an HTML fragment (a CMS export saved as .txt): this many of its opening lines, and at least
# this share of them, begin with a block element's tag ("<p>M. Fran&ccedil;ois Lebel: ...</p>").
_LINE_TAG = re.compile(r"(?m)^[ \t]*<([a-zA-Z][a-zA-Z0-9]*)")
_MARKUP_SNIFF, _MARKUP_MIN_LINES, _MARKUP_SHARE = 65_536, 3, 1 / 3


@attrs.frozen(slots=True)
class ExtractedPage:
    """The page's text and where each stretch of it came from in the source; metadata from ``<title>``,
    ``<h1>``, ``<time>`` and ``<meta>``.

    ``runs`` maps the text back: ``(text_start, source_start, width)`` per stretch, in order; ``width`` -1 means
    the stretch was copied (its i-th character is the source's ``source_start + i``), otherwise every character
    stands for the source span ``[source_start, source_start + width)`` (a character reference, a collapsed
    space, or a paragraph break standing for the tag that caused it, width 0)."""

    text: str
    runs: tuple[tuple[int, int, int], ...]
    run_starts: tuple[int, ...]  # each run's text_start, for bisecting
    title: str | None
    headline: str | None
    date: str | None
    meta: Mapping[str, str]
    # Where the "**" the reader wrote around a bold label begin in the text: no character of the page, so never a
    # word of a turn, even when the text parser refuses the label they mark.
    markers: tuple[int, ...] = ()

    def _source(self, index: int) -> tuple[int, int]:
        """The source span of the text's character ``index``."""
        run = self.runs[max(0, bisect.bisect_right(self.run_starts, index) - 1)]
        text_start, source_start, width = run
        if width < 0:
            position = source_start + index - text_start
            return position, position + 1
        return source_start, source_start + width

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The source span of the extracted ``text[start:end]``."""
        if not self.runs or not self.text:
            return 0, 0
        first = min(start, len(self.text) - 1)
        last = min(max(end - 1, first), len(self.text) - 1)
        begin = self._source(first)[0]
        return begin, max(begin, self._source(last)[1])


def looks_like_markup(text: str) -> bool:
    """Whether a text document is HTML whose block elements mark its paragraphs (a page's body saved as text):
    read as a page, its entities are decoded and its tags dropped, and every offset still points into the text."""
    head = text[:_MARKUP_SNIFF]
    if "<" not in head:  # the common case, told without reading further
        return False
    blocks = sum(1 for match in _LINE_TAG.finditer(head) if match.group(1).casefold() in _BLOCKS)
    if blocks < _MARKUP_MIN_LINES:
        return False
    lines = sum(1 for line in head.splitlines() if line.strip())
    return blocks >= _MARKUP_SHARE * lines


_WHOLE_PAGE = frozenset({"html", "body", "main"})


def _is_furniture(tag: str, attributes: Mapping[str, str | None]) -> bool:
    if tag in _SKIPPED or "hidden" in attributes or attributes.get("aria-hidden") == "true":
        return True
    if (attributes.get("role") or "").casefold() in _FURNITURE_ROLES:
        return True
    if tag in _WHOLE_PAGE:  # a theme's body classes name what the page has ("has-main-navigation"), not what it is
        return False
    names = f"{attributes.get('class') or ''} {attributes.get('id') or ''}".casefold()
    return any(token in _FURNITURE_WORDS for token in _TOKEN.findall(names))


class _Extractor(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)  # references come one by one, so each keeps its source span
        self.source = source
        # getpos() counts lines as html.parser does, by "\n" alone: a bare CR or U+2028 is no line break to it.
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.parts: list[str] = []  # the text, one stretch per run
        self.runs: list[list[int]] = []  # [text_start, source_start, width], see ExtractedPage.runs
        self.length = 0
        self.stack: list[str] = []
        self.skip_from: int | None = None  # stack depth where a furniture region began
        self.pending_space: int | None = None  # source offset of collapsed whitespace not yet written
        self.emphasis: list[
            tuple[int, int]
        ] = []  # open bold runs that opened a paragraph: (stack depth, index)
        self.capture: str | None = None  # "title" or "h1" while their text is read
        self.captured: dict[str, list[str]] = {}
        self.date: str | None = None
        self.meta: dict[str, str] = {}

    # --- positions and output

    def _here(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _tail(self, n: int) -> str:
        return "".join(self.parts[-n:])[-n:]

    def _break(self, kind: str, at: int) -> None:
        """A paragraph ("\\n\\n") or line ("\\n") break, never doubled and never at the start."""
        self.pending_space = None
        if not self.length:
            return
        tail = self._tail(2)
        if kind == "\n\n":
            needed = "" if tail == "\n\n" else "\n" if tail.endswith("\n") else "\n\n"
        else:
            needed = "" if tail.endswith("\n") else "\n"
        if needed:
            self._put(needed, at, 0)

    def _put(self, value: str, start: int, width: int) -> None:
        self.parts.append(value)
        self.runs.append([self.length, start, width])
        self.length += len(value)

    def _text(self, value: str, start: int, *, width: int | None = None) -> None:
        """Visible text at ``start``: whitespace collapses to one space; ``width`` is the source length of a
        character reference (all its characters stand for the whole reference)."""
        if self.capture is not None:
            self.captured.setdefault(self.capture, []).append(value)
        if self.skip_from is not None:
            return
        for match in _RUN.finditer(value):
            if match.group().isspace():
                if self.pending_space is None:
                    self.pending_space = start + (0 if width is not None else match.start())
                continue
            if self.pending_space is not None:
                if self.length and not self._tail(1).isspace():
                    self._put(" ", self.pending_space, 1)
                self.pending_space = None
            if width is None:
                self._put(match.group(), start + match.start(), -1)
            else:
                self._put(match.group(), start, width)

    def _at_paragraph_start(self) -> bool:
        return not self.length or self._tail(1) == "\n"

    # --- events

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        at = self._here()
        values = {k.casefold(): v for k, v in attrs}
        self._metadata(tag, values)
        if tag in _VOID:
            if tag in _LINE_BREAKS:
                self._break("\n", at)
            elif tag in _BLOCKS:
                self._break("\n\n", at)
            return
        self.stack.append(tag)
        if self.skip_from is None and _is_furniture(tag, values):
            self.skip_from = len(self.stack)
            if tag in _BLOCKS:  # a furniture block between words still parts them, as on screen
                self._break("\n\n", at)
        if tag in ("title", "h1") and tag not in self.captured:
            self.capture = tag
        if self.skip_from is not None:
            return
        if tag in _BLOCKS:
            self._break("\n\n", at)
        elif tag in _EMPHASIS and self._at_paragraph_start():
            self.emphasis.append((len(self.stack), len(self.runs)))
            self._put("**", at, 0)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        at = self._here()
        self._metadata(tag, {k.casefold(): v for k, v in attrs})
        if self.skip_from is None and tag in _LINE_BREAKS:
            self._break("\n", at)

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.stack:
            return  # a stray end tag: browsers ignore it too
        at = self._here()
        while self.stack:
            open_tag = self.stack.pop()
            depth = len(self.stack) + 1
            if self.emphasis and self.emphasis[-1][0] == depth:
                self._close_emphasis(at)
            if self.skip_from is not None and depth <= self.skip_from:
                self.skip_from = None
                self.pending_space = None
            if open_tag == self.capture:
                self.capture = None
            if open_tag == tag:
                break
        if self.skip_from is None and tag in _BLOCKS:
            self._break("\n\n", at)

    def _close_emphasis(self, at: int) -> None:
        """Keep a bold run's markers only where it reads as a label: it opens the paragraph, is short, and ends
        in a colon or is followed by one; otherwise the markers go and the words stay."""
        _, index = self.emphasis.pop()
        run = "".join(self.parts[index + 1 :]).strip()
        end_of_tag = self.source.find(">", at)
        after = self.source[end_of_tag + 1 : end_of_tag + 3].lstrip() if end_of_tag != -1 else ""
        if run and len(run) <= _MAX_LABEL_EMPHASIS and (run.endswith(":") or after.startswith(":")):
            self._put("**", at, 0)
            return
        del self.parts[index], self.runs[index]  # the opening marker goes; what followed moves back by two
        for later in self.runs[index:]:
            later[0] -= 2
        self.length -= 2

    def handle_data(self, data: str) -> None:
        self._text(data, self._here())

    def handle_entityref(self, name: str) -> None:
        at = self._here()
        raw = f"&{name};" if self.source.startswith(f"&{name};", at) else f"&{name}"
        self._text(html.unescape(raw), at, width=len(raw))

    def handle_charref(self, name: str) -> None:
        at = self._here()
        raw = f"&#{name};" if self.source.startswith(f"&#{name};", at) else f"&#{name}"
        self._text(html.unescape(raw), at, width=len(raw))

    # --- metadata

    def _metadata(self, tag: str, values: Mapping[str, str | None]) -> None:
        if tag == "time" and self.date is None and values.get("datetime"):
            self.date = values["datetime"]
        elif tag == "meta":
            key = values.get("property") or values.get("name") or values.get("itemprop")
            content = values.get("content")
            if key and content:
                self.meta.setdefault(key.casefold(), " ".join(content.split()))


def _first(captured: Mapping[str, list[str]], key: str) -> str | None:
    value = " ".join("".join(captured.get(key, [])).split())
    return value or None


def extract_page(source: str) -> ExtractedPage:
    """The page's text with its map back to the source, and its metadata."""
    extractor = _Extractor(source)
    extractor.feed(source)
    extractor.close()
    text = "".join(extractor.parts).rstrip()
    runs = tuple((r[0], r[1], r[2]) for r in extractor.runs if r[0] < len(text))
    markers = tuple(
        r[0]
        for part, r in zip(extractor.parts, extractor.runs)
        if r[2] == 0 and part == "**" and r[0] < len(text)
    )
    return ExtractedPage(
        text=text,
        runs=runs,
        run_starts=tuple(r[0] for r in runs),
        markers=markers,
        title=_first(extractor.captured, "title"),
        headline=_first(extractor.captured, "h1"),
        date=extractor.date,
        meta=dict(extractor.meta),
    )


_ISO_DATE = re.compile(r"\s*(\d{4}-\d{2}-\d{2})")
_DATE_META = ("article:published_time", "datepublished", "date", "dc.date", "dcterms.date", "pubdate")


def _iso_date(value: str | None) -> str | None:
    match = _ISO_DATE.match(value or "")
    return match.group(1) if match else None


_PIECES = re.compile(r"(\s+)")
_LOOSE_BLANKS = re.compile(r"(?<=\n) +| +(?=\n)| (?= )")


def _without_markers(text: str, page: ExtractedPage, start: int, end: int) -> str:
    """A turn's text without the bold markers the reader wrote into ``page.text[start:end]``: they are left in
    only where the text parser refused the label they mark ("**Chair Hollis] Varga:** Thank you"). The turn's
    words stand in its span in order, so each is found there and loses the characters that are markers."""
    low, high = bisect.bisect_left(page.markers, start), bisect.bisect_left(page.markers, end)
    if low == high:
        return text
    drop = {offset for marker in page.markers[low:high] for offset in (marker, marker + 1)}
    pieces, position, emptied = [], start, False
    for piece in _PIECES.split(text):
        found = -1 if not piece or piece.isspace() else page.text.find(piece, position, end)
        if found == -1:
            pieces.append(piece)
            continue
        kept = "".join(char for i, char in enumerate(piece) if found + i not in drop)
        pieces.append(kept)
        emptied = emptied or not kept
        position = found + len(piece)
    joined = "".join(pieces)
    return _LOOSE_BLANKS.sub("", joined).strip() if emptied else joined


def page_document(page: ExtractedPage, inner: Document, source: str) -> Document:
    """The document the text parser read from the page's text, placed back in the HTML source: every offset is
    mapped into ``source``, and the page's own metadata fills what the text did not say."""

    def span(start: int, end: int) -> tuple[int, int]:
        return page.source_span(start, end)

    turns = tuple(
        attrs.evolve(
            t,
            text=_without_markers(t.text, page, t.char_start, t.char_end),
            char_start=span(t.char_start, t.char_end)[0],
            char_end=span(t.char_start, t.char_end)[1],
        )
        for t in inner.turns
    )
    warnings = list(inner.warnings)
    if not any(t.kind in (TurnKind.TURN, TurnKind.MONOLOGUE) for t in turns):
        warnings.append(
            f"no transcript-like text in the page ({len(page.text)} characters of text, no speaker labels)"
        )
    meta = page.meta
    return attrs.evolve(
        inner,
        text=source,
        format="html",
        turns=turns,
        title=page.headline or meta.get("og:title") or page.title or inner.title,
        date=_iso_date(page.date)
        or next((d for d in map(_iso_date, map(meta.get, _DATE_META)) if d), None)
        or inner.date,
        byline=meta.get("author") or inner.byline,
        source=meta.get("og:url") or meta.get("og:site_name") or inner.source,
        metadata={
            **inner.metadata,
            **{f"meta:{k}": v for k, v in meta.items()},
            **({"html:title": page.title} if page.title else {}),
        },
        warnings=tuple(warnings),
        spans=tuple(
            attrs.evolve(s, start=span(s.start, s.end)[0], end=span(s.start, s.end)[1]) for s in inner.spans
        ),
        decisions=tuple(attrs.evolve(d, start=span(d.start, d.start + 1)[0]) for d in inner.decisions),
        mentions=tuple(attrs.evolve(m, start=span(m.start, m.start + 1)[0]) for m in inner.mentions),
    )
