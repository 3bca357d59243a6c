"""Interchange exports: ConvoKit's corpus layout and ParlaMint-style TEI, from a real conversion."""

from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ET
from pathlib import Path

import orjson
import pytest

from transcript_kit.formats.tei import read_tei
from transcript_kit.pipeline import ConvertConfig, convert

RAW = Path(__file__).resolve().parents[1] / "corpus" / "multilingual" / "raw"
TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("interchange") / "out"
    convert([RAW], folder, ConvertConfig(formats=("jsonl", "convokit", "tei")))
    return folder


def _turns(out: Path) -> list[dict[str, object]]:
    return [orjson.loads(line) for line in (out / "turns.jsonl").read_bytes().splitlines()]


def test_convokit_layout_conversation_is_the_document_and_each_utterance_replies_to_the_previous(
    out: Path,
) -> None:
    folder = out / "convokit"
    assert {p.name for p in folder.iterdir()} == {
        "utterances.jsonl",
        "speakers.json",
        "conversations.json",
        "corpus.json",
        "index.json",
    }
    utterances = [orjson.loads(line) for line in (folder / "utterances.jsonl").read_bytes().splitlines()]
    speakers = orjson.loads((folder / "speakers.json").read_bytes())
    conversations = orjson.loads((folder / "conversations.json").read_bytes())
    index = orjson.loads((folder / "index.json").read_bytes())
    speech = [t for t in _turns(out) if t["kind"] in ("turn", "monologue", "quote")]
    assert len(utterances) == len(speech)
    previous: dict[str, str] = {}
    for utterance, turn in zip(utterances, speech, strict=True):
        assert set(utterance) == {"id", "speaker", "conversation_id", "reply_to", "timestamp", "text", "meta"}
        assert utterance["text"] == turn["text"]
        assert utterance["speaker"] == turn["speaker_id"] and utterance["speaker"] in speakers
        doc = str(turn["doc_id"])
        assert utterance["reply_to"] == previous.get(doc)
        assert (
            utterance["conversation_id"]
            == f"{doc}#{next(t for t in speech if t['doc_id'] == doc)['turn_index']}"
        )
        assert utterance["conversation_id"] in conversations
        assert set(utterance["meta"]) <= set(index["utterances-index"])
        previous[doc] = utterance["id"]
    assert conversations["legco-panel-zh#0"]["date"] == "2023-05-10"
    assert index["version"] == 1 and "speakers-index" in index and "overall-index" in index


@pytest.mark.skipif(importlib.util.find_spec("convokit") is None, reason="convokit is not installed")
def test_convokit_loads_the_corpus(out: Path) -> None:  # pragma: no cover - only where convokit installs
    from convokit import Corpus

    corpus = Corpus(filename=str(out / "convokit"))
    assert len(list(corpus.iter_conversations())) == len(list(RAW.iterdir()))


def test_tei_is_one_well_formed_file_per_document_whose_who_points_into_its_list_person(out: Path) -> None:
    folder = out / "tei"
    files = sorted(p for p in folder.glob("*.xml") if p.name != "listPerson.xml")
    assert len(files) == len(list(RAW.iterdir()))
    for path in files:
        root = ET.parse(path).getroot()  # well-formed, or this raises
        people = {p.get(XML_ID) for p in root.iter(f"{TEI}person")}
        whos = {u.get("who") for u in root.iter(f"{TEI}u")}
        assert whos and {w.lstrip("#") for w in whos if w} <= people, path.name
    listing = ET.parse(folder / "listPerson.xml").getroot()
    assert listing.tag == f"{TEI}listPerson" and len(listing) >= 20


def test_tei_export_reads_back_as_the_same_speech(out: Path) -> None:
    path = out / "tei" / "bundestag-plenarprotokoll.xml"
    found = read_tei(path.read_text(encoding="utf-8"), str(path))
    speech = [t for t in _turns(out) if t["doc_id"] == "bundestag-plenarprotokoll" and t["kind"] == "turn"]
    spoken = [(t.label, t.text) for t in found.turns if t.kind.value == "turn"]
    assert [text for _, text in spoken] == [t["text"] for t in speech]
    assert [label for label, _ in spoken] == [t["speaker_name"] or t["speaker_label"] for t in speech]
    assert str(found.date) == "2023-07-05"
