"""XML read safely, with every event placed in the decoded source: what the XML readers (TEI, ELAN, Transcriber,
Final Draft) share.

The XML is read by a real parser, never by regexes: expat through defusedxml's SAX driver. We chose it over lxml
with a safe parser because expat reports the line and column of every event, so a turn's ``char_start``/
``char_end`` point into the decoded source as every other reader's do (lxml gives a line number per element and
nothing for text), and because defusedxml refuses what must never be expanded or fetched: an entity declared in
the document (billion laughs, quadratic blow-up) and an external entity. A DOCTYPE naming an external DTD
(``<!DOCTYPE TEI SYSTEM "tei_all.dtd">``, ``<!DOCTYPE Trans SYSTEM "trans-14.dtd">``) is never read: the document
is parsed without it, and an entity only that DTD would define is left out. Malformed XML is a
:class:`~transcript_kit.errors.ParseError` naming the file, line and column.
"""

from __future__ import annotations

import html.entities
import io
import re
import xml.sax
import xml.sax.handler
import xml.sax.xmlreader
from xml.parsers import expat

import attrs
from defusedxml import EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.expatreader import DefusedExpatParser

from transcript_kit.errors import ParseError, describe_place

__all__ = ["PlacedText", "Positions", "XmlRead", "local_name", "parse_xml"]


class _SafeParser(DefusedExpatParser):
    """defusedxml's expat driver (no declared entities, no external entities), noting a DOCTYPE that names an
    external DTD, which expat never loads (external parameter entities are off)."""

    external_dtd: str | None = None
    skipped: tuple[str, ...] = ()  # entities only the unread DTD defines: left out

    def reset(self) -> None:
        super().reset()
        self.external_dtd = None
        self.skipped = ()
        self._parser.StartDoctypeDeclHandler = self._doctype  # type: ignore[attr-defined]
        self._parser.SkippedEntityHandler = self._skip  # type: ignore[attr-defined]
        # The external DTD subset is never loaded: expat skips it (and any parameter entity outside the document).
        self._parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)  # type: ignore[attr-defined]

    def _skip(self, name: str, is_parameter_entity: bool) -> None:
        if name not in self.skipped:
            self.skipped += (name,)
        if not is_parameter_entity:
            # An HTML entity left in XML text ("Louisiana&ndash;Mississippi") is still that character; any other
            # entity the unread DTD defines is a gap, never nothing: the words on either side stay two words.
            self.getContentHandler().characters(html.entities.html5.get(f"{name};", " "))

    def _doctype(self, name: str, sysid: str | None, pubid: str | None, has_internal_subset: bool) -> None:
        if sysid or pubid:
            self.external_dtd = sysid or pubid


_LISTED_ENTITIES = 10  # entities named in the warning, at most


@attrs.frozen(slots=True)
class XmlRead:
    """What parsing noticed beside the events: the external DTD the DOCTYPE names (never read), and the entities
    only that DTD defines (left out)."""

    external_dtd: str | None
    skipped_entities: tuple[str, ...]

    def warnings(self) -> tuple[str, ...]:
        """The warnings a reader for which an external DTD is news gives (TEI's)."""
        if not self.external_dtd:
            return ()
        return (
            f"the DOCTYPE names the external DTD {self.external_dtd!r}: read without it (nothing is ever fetched)",
            *self.entity_warnings(),
        )

    def entity_warnings(self) -> tuple[str, ...]:
        """The warning on entities left out, if any (a format whose DTD is always named warns only of these)."""
        if not self.skipped_entities:
            return ()
        names = ", ".join(f"&{name};" for name in self.skipped_entities[:_LISTED_ENTITIES])
        return (f"entities only that DTD defines are left out: {names}",)


def local_name(name: str) -> str:
    """An element's or attribute's name without its namespace prefix."""
    return name.rsplit(":", 1)[-1]


class Positions:
    """Line/column (expat counts columns in characters) to code-point offsets in the decoded source."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]

    def offset(self, line: int, column: int) -> int:
        return self.starts[max(0, min(line - 1, len(self.starts) - 1))] + column


def parse_xml(text: str, handler: xml.sax.handler.ContentHandler, path: str | None) -> XmlRead:
    """Parse ``text`` into ``handler``; malformed XML, a declared entity and an external reference are each a
    :class:`ParseError` naming the file (and the place, where there is one)."""
    nul = text.find("\x00")
    if nul != -1:
        # XML forbids the character, and expat, shown "<\0?\0x" (text that was UTF-16 read as UTF-8), reads the bytes
        # as UTF-16 whatever it is told: every place it reported would be wrong.
        raise ParseError(f"malformed XML (a NUL character, which XML forbids): {describe_place(path, text, nul)}")
    parser = _SafeParser()
    parser.setContentHandler(handler)
    source = xml.sax.xmlreader.InputSource(path or "<text>")
    source.setByteStream(io.BytesIO(text.encode("utf-8", "surrogatepass")))
    source.setEncoding("utf-8")  # the text is decoded already: its declaration must not re-decode it
    where = path or "<text>"
    try:
        parser.parse(source)
    except xml.sax.SAXParseException as error:
        offset = Positions(text).offset(error.getLineNumber() or 1, error.getColumnNumber() or 0)
        raise ParseError(
            f"malformed XML ({error.getMessage()}): {describe_place(path, text, offset)}"
        ) from None
    except EntitiesForbidden as error:
        raise ParseError(
            f"{where}: refused: the document declares the entity {error.name!r}; entities declared in a "
            "document are never expanded (billion-laughs and external-entity defence)"
        ) from None
    except ExternalReferenceForbidden as error:
        raise ParseError(
            f"{where}: refused: the document refers to the external resource {error.sysid!r}; "
            "nothing is ever fetched"
        ) from None
    return XmlRead(parser.external_dtd, parser.skipped)


class PlacedText(xml.sax.handler.ContentHandler):
    """A SAX handler that places character data in the source: each chunk is handed to :meth:`text` with the span
    it was printed at (a chunk ends where the next event begins: an entity's or a line end's span is its source's).

    The document's root element must be ``root`` (a misnamed file is a clear error, not an empty document);
    ``stack`` holds the local names of the open elements, the root first."""

    root: str = ""
    format_name: str = "XML"

    def __init__(self, source: str, path: str | None) -> None:
        super().__init__()
        self.source = source
        self.path = path
        self.positions = Positions(source)
        self.locator: xml.sax.xmlreader.Locator | None = None
        self.stack: list[str] = []
        self._pending: tuple[str, int] | None = None  # character data waiting for its end: (data, start)

    def setDocumentLocator(self, locator: xml.sax.xmlreader.Locator) -> None:
        self.locator = locator

    def here(self) -> int:
        """Where the event being handled begins in the source."""
        assert self.locator is not None
        return self.positions.offset(self.locator.getLineNumber() or 1, self.locator.getColumnNumber() or 0)

    def _settle(self) -> None:
        if self._pending is not None:
            data, start = self._pending
            self._pending = None
            self.text(data, start, max(start, self.here()))

    # --- SAX events, handed on placed

    def startElement(self, name: str, attrs: xml.sax.xmlreader.AttributesImpl) -> None:
        self._settle()
        tag = local_name(name)
        if not self.stack and self.root and tag != self.root:
            raise ParseError(
                f"not {self.format_name}: the root element is <{tag}>, not <{self.root}>: "
                f"{describe_place(self.path, self.source, self.here())}"
            )
        self.stack.append(tag)
        self.start(tag, {local_name(k): v for k, v in attrs.items()})

    def endElement(self, name: str) -> None:
        self._settle()
        tag = local_name(name)
        self.end(tag)
        if self.stack:
            self.stack.pop()

    def characters(self, content: str) -> None:
        self._settle()
        self._pending = (content, self.here())

    def endDocument(self) -> None:
        self._settle()
        self.finish()

    # --- what a reader overrides

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        """An element opens (``tag`` is on top of ``stack``)."""

    def end(self, tag: str) -> None:
        """An element closes (``tag`` is still on top of ``stack``)."""

    def text(self, data: str, start: int, end: int) -> None:
        """Character data printed at ``source[start:end]`` (inside the element on top of ``stack``)."""

    def finish(self) -> None:
        """The document is read."""
