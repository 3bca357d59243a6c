"""TEI XML with speaker markup (ParlaMint): ``<u who="#JaneSmith">`` utterances, ``<seg>`` paragraphs, recorder's
notes (``<note>``, ``<kinesic>``, ``<vocal>``, ``<incident>``) as stage records, names from a ``<listPerson>``.

The XML is read by expat through defusedxml (:mod:`transcript_kit.formats.safe_xml`: events placed in the
source, entities refused). A DOCTYPE naming an external DTD (``<!DOCTYPE TEI SYSTEM "tei_all.dtd">``, common in
real corpora) is never read: the document is parsed without it, with a warning, and an entity only that DTD would
define is left out, named in a warning. Malformed XML is a :class:`~transcript_kit.errors.ParseError` naming the
file, line and column.

A speaker's label is the person's name from a ``<listPerson>`` in the document or in a sibling file whose name
holds "listPerson" (ParlaMint ships one per corpus), else the ``who`` reference without its ``#``; the label
grammar reads it like any printed label. Element names that are notes are vocabulary data (``[markup]``).
"""

from __future__ import annotations

import functools
import re
import xml.sax.handler
import xml.sax.xmlreader
from collections.abc import Mapping
from pathlib import Path

import attrs

from transcript_kit.conventions.vocabulary import VOCABULARY
from transcript_kit.formats.safe_xml import Positions as _Positions
from transcript_kit.formats.safe_xml import local_name as _local
from transcript_kit.formats.safe_xml import parse_xml
from transcript_kit.labels import parse_label
from transcript_kit.model import Turn, TurnKind

__all__ = ["TeiText", "read_people", "read_tei"]

_STAGE = frozenset(VOCABULARY.words_of("markup_tei_stage_elements"))
_SKIPPED = frozenset(VOCABULARY.words_of("markup_tei_skipped_elements"))
_LABEL_NOTES = frozenset(VOCABULARY.words_of("markup_tei_label_note_types"))
_LISTPERSON_FILE = re.compile(r"(?i).*listperson.*\.xml")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@attrs.frozen(slots=True)
class TeiText:
    """What the reader found: records in document order, header metadata, and how many utterances it held."""

    turns: tuple[Turn, ...]
    title: str | None
    date: str | None
    n_utterances: int
    warnings: tuple[str, ...] = ()


class _Piece:
    """Words of the record being read: text chunks with their source spans, split into paragraphs."""

    def __init__(self) -> None:
        self.paragraphs: list[list[tuple[str, int, int]]] = [[]]

    def add(self, data: str, start: int, end: int) -> None:
        self.paragraphs[-1].append((data, start, end))

    def paragraph_break(self) -> None:
        if self.paragraphs[-1]:
            self.paragraphs.append([])

    def text(self) -> str:
        texts = (" ".join("".join(chunk for chunk, _, _ in para).split()) for para in self.paragraphs)
        return "\n\n".join(t for t in texts if t)

    def span(self, source: str) -> tuple[int, int] | None:
        chunks = [(s, e) for para in self.paragraphs for chunk, s, e in para if chunk.strip()]
        if not chunks:
            return None
        start, end = chunks[0][0], chunks[-1][1]
        while start < end and source[start].isspace():
            start += 1
        while end > start and source[end - 1].isspace():
            end -= 1
        return start, end


class _Handler(xml.sax.handler.ContentHandler):
    """Builds turns and stage records from the SAX events, each placed in the source by the locator."""

    def __init__(self, text: str, people: Mapping[str, str]) -> None:
        super().__init__()
        self.text = text
        self.positions = _Positions(text)
        self.people: dict[str, str] = dict(people)
        self.locator: xml.sax.xmlreader.Locator | None = None
        self.stack: list[str] = []
        self.records: list[Turn] = []
        self.title: str | None = None
        self.dates: dict[str, str] = {}  # the first date in the setting and in the source description
        self.n_utterances = 0
        self.label: str | None = None  # the speaker of the open <u>
        self.piece: _Piece | None = None  # words of the open <u> since its start or its last note
        self.stage: _Piece | None = None  # words of the open note
        self.stage_depth = 0
        self.printed_label_depth = 0  # inside a note that prints the speaker's label
        self.pending: tuple[str, int] | None = None  # character data waiting for its end: (data, start)
        self.title_text: list[str] | None = None
        self.person_id: str | None = None
        self.name_parts: dict[str, list[str]] = {}
        self.name_part: str | None = None

    # --- positions

    def setDocumentLocator(self, locator: xml.sax.xmlreader.Locator) -> None:
        self.locator = locator

    def _here(self) -> int:
        assert self.locator is not None
        return self.positions.offset(self.locator.getLineNumber() or 1, self.locator.getColumnNumber() or 0)

    def _settle(self) -> None:
        """Character data ends where the next event begins: place the pending chunk now."""
        if self.pending is None:
            return
        data, start = self.pending
        self.pending = None
        end = self._here()
        target = self.stage if self.stage is not None else self.piece
        if target is not None:
            target.add(data, start, max(start, end))

    # --- events

    def startElement(self, name: str, attributes: xml.sax.xmlreader.AttributesImpl) -> None:
        self._settle()
        tag = _local(name)
        self.stack.append(tag)
        values = {_local(k): v for k, v in attributes.items()}
        if tag == "person":
            self.person_id, self.name_parts = values.get("id"), {}
        elif tag in ("forename", "surname", "addName", "roleName", "nameLink") and self.person_id:
            self.name_part = tag
            self.name_parts.setdefault(tag, []).append("")
        elif tag == "persName" and self.person_id:
            self.name_parts.setdefault("persName", []).append("")
        elif tag == "title" and self.title is None and "titleStmt" in self.stack:
            self.title_text = []
        elif tag == "date" and "teiHeader" in self.stack:
            # The sitting's date is the setting's, else the source's; a publication or revision date is not.
            when = _ISO_DATE.match(values.get("when", ""))
            where = "setting" if "setting" in self.stack else "sourceDesc" if "sourceDesc" in self.stack else None
            if when and where:
                self.dates.setdefault(where, when.group())
        elif tag == "u":
            self._close_utterance()
            self.label = self._speaker(values.get("who", "").strip())
            self.piece = _Piece()
            self.n_utterances += 1
        elif tag in _STAGE and not any(t in _SKIPPED for t in self.stack):
            if self.printed_label_depth or (
                self.stage is None and values.get("type", "").casefold() in _LABEL_NOTES
            ):
                self.printed_label_depth += 1  # the label as printed: the who attribute already names it
            else:
                if self.stage is None:
                    if self.piece is not None:
                        self._emit_piece()
                    self.stage = _Piece()
                self.stage_depth += 1
        elif tag in ("seg", "p") and self.piece is not None:
            self.piece.paragraph_break()

    def endElement(self, name: str) -> None:
        self._settle()
        tag = _local(name)
        if self.stack:
            self.stack.pop()
        if tag == "person" and self.person_id:
            self.people.setdefault(self.person_id, _person_name(self.name_parts))
            self.person_id = None
        elif tag in ("forename", "surname", "addName", "roleName", "nameLink"):
            self.name_part = None
        elif tag == "title" and self.title_text is not None:
            self.title = " ".join("".join(self.title_text).split()) or None
            self.title_text = None
        elif tag in _STAGE and self.printed_label_depth:
            self.printed_label_depth -= 1
        elif tag in _STAGE and self.stage is not None:
            self.stage_depth -= 1
            if self.stage_depth == 0:
                self._emit_stage()
        elif tag in ("seg", "p") and self.piece is not None:
            self.piece.paragraph_break()
        elif tag == "u":
            self._close_utterance()

    def characters(self, content: str) -> None:
        if self.person_id is not None:
            if self.name_part is not None:
                self.name_parts[self.name_part][-1] += content
            elif self.stack and self.stack[-1] == "persName":
                self.name_parts["persName"][-1] += content
            return
        if self.title_text is not None:
            self.title_text.append(content)
            return
        if (self.stage is None and self.piece is None) or self.printed_label_depth:
            return  # text outside utterances and notes (headings, the header, printed labels) is not speech
        self._settle()
        self.pending = (content, self._here())

    def endDocument(self) -> None:
        self._settle()
        self._close_utterance()

    # --- records

    def _speaker(self, who: str) -> str | None:
        """The speaker a ``who`` attribute names. It is a list of pointers ("#JaneSmith #Crowd": the first speaks
        for the utterance), each a person of the list or its own name; a corpus that writes a name there instead
        (``who="Lucia Annunziata"``, no "#", not a person's id) names that person whole."""
        if not who:
            return None
        pointers = who.split()
        # Pointers each open with "#" or are ids of the list; words of a name do not ("#Lucia Annunziata" too).
        if len(pointers) > 1 and not all(p.startswith("#") or p in self.people for p in pointers[1:]):
            return who.lstrip("#")
        reference = pointers[0].lstrip("#")
        return self.people.get(reference, reference) or None

    def _close_utterance(self) -> None:
        if self.piece is not None:
            self._emit_piece(final=True)
        self.piece, self.label = None, None

    def _emit_piece(self, *, final: bool = False) -> None:
        """The words of the open utterance so far become a turn; a note inside it splits it, and the same
        speaker's words go on after the note."""
        assert self.piece is not None
        span = self.piece.span(self.text)
        if span is not None:
            self.records.append(
                Turn(
                    index=len(self.records),
                    kind=TurnKind.TURN,
                    text=self.piece.text(),
                    char_start=span[0],
                    char_end=span[1],
                    label=self.label,
                    parsed_label=parse_label(self.label) if self.label else None,
                )
            )
        self.piece = None if final else _Piece()

    def _emit_stage(self) -> None:
        assert self.stage is not None
        span = self.stage.span(self.text)
        if span is not None:
            self.records.append(Turn(len(self.records), TurnKind.STAGE, self.stage.text(), *span))
        self.stage = None
        if self.label is not None and self.piece is None:
            self.piece = _Piece()


def _person_name(parts: Mapping[str, list[str]]) -> str:
    """ "Jane Smith" from <forename>Jane</forename><surname>Smith</surname>, else the <persName> text."""
    given = [" ".join(p.split()) for p in parts.get("forename", [])]
    family = [" ".join(p.split()) for p in (*parts.get("nameLink", []), *parts.get("surname", []))]
    name = " ".join(w for w in (*given, *family) if w)
    return name or " ".join(" ".join(parts.get("persName", [""])[:1]).split())


class _PeopleHandler(_Handler):
    """Reads only the person list of a file (a ParlaMint listPerson file)."""

    def __init__(self, text: str) -> None:
        super().__init__(text, {})


def read_people(text: str, path: str | None = None) -> dict[str, str]:
    """The names of a TEI person list: ``xml:id`` to "Forename Surname"."""
    handler = _PeopleHandler(text)
    parse_xml(text, handler, path)
    return handler.people


@functools.lru_cache(maxsize=16)
def _sibling_people(folder: str, names: tuple[str, ...]) -> dict[str, str]:
    people: dict[str, str] = {}
    for name in names:
        path = Path(folder) / name
        try:
            people.update(read_people(path.read_text(encoding="utf-8"), str(path)))
        except (OSError, UnicodeDecodeError):
            continue  # a listPerson file that cannot be read names nobody; the who references stand
    return people


def _people_beside(path: str | None) -> dict[str, str]:
    if path is None:
        return {}
    folder = Path(path).parent
    try:
        names = tuple(sorted(p.name for p in folder.iterdir() if _LISTPERSON_FILE.fullmatch(p.name)))
    except OSError:
        return {}
    names = tuple(n for n in names if n != Path(path).name)
    return _sibling_people(str(folder), names) if names else {}


def read_tei(text: str, path: str | None = None) -> TeiText:
    """Read a TEI document's utterances into turns and its notes into stage records."""
    handler = _Handler(text, _people_beside(path))
    warnings = parse_xml(text, handler, path).warnings()
    date = handler.dates.get("setting") or handler.dates.get("sourceDesc")
    return TeiText(tuple(handler.records), handler.title, date, handler.n_utterances, warnings)
