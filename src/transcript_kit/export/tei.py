"""ParlaMint-style TEI export (``--format tei``): one TEI file per document, ``OUT/tei/<doc_id>.xml``.

Each file is a ``<TEI>`` with a header (title, the source path, the date as ``<date when>``, and a
``<particDesc><listPerson>`` of the people who speak in it, built from the speakers table) and a body of
``<u who="#person" xml:id="…">`` utterances whose paragraphs are ``<seg>``s; stage directions are ``<note
type="stage">``, inserted material ``<note type="insert">``. ``OUT/tei/listPerson.xml`` lists every speaker of
the corpus, as ParlaMint ships one per corpus. The XML is built with ElementTree, so every name and word is
escaped; the files are well-formed by construction and the tests parse them back.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from transcript_kit import __version__
from transcript_kit.export.interchange import SPEECH_KINDS, DocumentRows, utterance_speaker

FOLDER = "tei"
TEI_NS = "http://www.tei-c.org/ns/1.0"
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_NOT_NAME_CHAR = re.compile(r"[^\w.-]")

ET.register_namespace("", TEI_NS)


def _tag(name: str) -> str:
    return f"{{{TEI_NS}}}{name}"


class _Ids:
    """xml:id values (NCNames) for speaker ids, one per id and never two the same."""

    def __init__(self) -> None:
        self.by_speaker: dict[str, str] = {}
        self.taken: set[str] = set()

    def of(self, speaker_id: str) -> str:
        found = self.by_speaker.get(speaker_id)
        if found is not None:
            return found
        base = _NOT_NAME_CHAR.sub("_", speaker_id).strip("_") or "speaker"
        if not (base[0].isalpha() or base[0] == "_"):
            base = f"p.{base}"
        candidate, number = base, 2
        while candidate in self.taken:
            candidate, number = f"{base}.{number}", number + 1
        self.taken.add(candidate)
        self.by_speaker[speaker_id] = candidate
        return candidate


def _person(ids: _Ids, speaker_id: str, row: Mapping[str, Any] | None) -> ET.Element:
    person = ET.Element(_tag("person"), {_XML_ID: ids.of(speaker_id)})
    name = (row or {}).get("speaker_name") or next(iter((row or {}).get("labels") or ()), None) or speaker_id
    ET.SubElement(person, _tag("persName")).text = str(name)
    for role in (row or {}).get("roles") or ():
        ET.SubElement(person, _tag("roleName")).text = str(role)
    if speaker_id.startswith("role:"):
        person.set("role", speaker_id.removeprefix("role:"))
    return person


def _header(document: Mapping[str, Any], people: list[ET.Element]) -> ET.Element:
    header = ET.Element(_tag("teiHeader"))
    file_desc = ET.SubElement(header, _tag("fileDesc"))
    title_stmt = ET.SubElement(file_desc, _tag("titleStmt"))
    ET.SubElement(title_stmt, _tag("title")).text = str(document.get("title") or document["doc_id"])
    publication = ET.SubElement(file_desc, _tag("publicationStmt"))
    ET.SubElement(publication, _tag("p")).text = f"Converted by transcript-kit {__version__}"
    source = ET.SubElement(file_desc, _tag("sourceDesc"))
    ET.SubElement(source, _tag("p")).text = str(document.get("source") or document.get("path") or "")
    profile = ET.SubElement(header, _tag("profileDesc"))
    if document.get("date"):
        setting = ET.SubElement(ET.SubElement(profile, _tag("settingDesc")), _tag("setting"))
        ET.SubElement(setting, _tag("date"), {"when": str(document["date"])}).text = str(document["date"])
    partic = ET.SubElement(profile, _tag("particDesc"))
    ET.SubElement(partic, _tag("listPerson")).extend(people)
    return header


def _document_tree(
    document: Mapping[str, Any], turns: Iterable[Mapping[str, Any]], speakers: Mapping[str, Mapping[str, Any]], ids: _Ids
) -> ET.ElementTree:
    doc_id = str(document["doc_id"])
    body = ET.Element(_tag("div"), {"type": "debateSection"})
    people: dict[str, ET.Element] = {}
    for turn in turns:
        paragraphs = [p for p in str(turn.get("text") or "").split("\n\n") if p.strip()]
        kind = turn.get("kind")
        if kind in SPEECH_KINDS:
            speaker = utterance_speaker(doc_id, turn)
            if speaker not in people:
                people[speaker] = _person(ids, speaker, speakers.get(speaker))
            utterance = ET.SubElement(
                body,
                _tag("u"),
                {"who": f"#{ids.of(speaker)}", _XML_ID: f"{ids.of('u.' + doc_id)}.u{turn['turn_index']}"},
            )
            if turn.get("speaker_label"):
                utterance.set("ana", f"label:{turn['speaker_label']}")
            for paragraph in paragraphs:
                ET.SubElement(utterance, _tag("seg")).text = paragraph
        else:
            ET.SubElement(body, _tag("note"), {"type": "stage" if kind == "stage" else str(kind)}).text = (
                "\n\n".join(paragraphs)
            )
    root = ET.Element(_tag("TEI"), {_XML_ID: ids.of("doc." + doc_id)})
    root.append(_header(document, list(people.values())))
    ET.SubElement(ET.SubElement(root, _tag("text")), _tag("body")).append(body)
    return ET.ElementTree(root)


def write_tei(
    folder: Path, documents: Iterable[DocumentRows], speakers: Iterable[Mapping[str, Any]]
) -> tuple[str, ...]:
    """One TEI file per document under ``folder``, and the corpus's ``listPerson.xml``."""
    folder.mkdir(parents=True, exist_ok=True)
    by_id = {str(row["speaker_id"]): row for row in speakers if row.get("speaker_id")}
    ids = _Ids()
    written: list[str] = []
    for document, turns in documents:
        relative = f"{document['doc_id']}.xml"
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        tree = _document_tree(document, turns, by_id, ids)
        ET.indent(tree)
        tree.write(path, encoding="utf-8", xml_declaration=True)
        written.append(f"{FOLDER}/{relative}")
    listing = ET.Element(_tag("listPerson"))
    listing.extend(_person(ids, speaker_id, row) for speaker_id, row in sorted(by_id.items()))
    tree = ET.ElementTree(listing)
    ET.indent(tree)
    tree.write(folder / "listPerson.xml", encoding="utf-8", xml_declaration=True)
    return (*written, f"{FOLDER}/listPerson.xml")
