"""TEI XML (ParlaMint): utterances become turns named from a person list, notes become stage records, and XML that
is malformed or would expand or fetch entities is an error naming the place and the reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from transcript_kit.errors import ParseError
from transcript_kit.formats.tei import read_people, read_tei
from transcript_kit.model import TurnKind
from transcript_kit.parse import parse_bytes

SITTING = Path(__file__).parent / "data" / "tei" / "sitting.xml"


def test_utterances_become_turns_named_from_the_person_list_and_notes_become_stage_records() -> None:
    found = read_tei(SITTING.read_text(encoding="utf-8"))
    assert [(t.kind, t.label, t.text) for t in found.turns] == [
        (TurnKind.STAGE, None, "(10.02)"),
        (
            TurnKind.TURN,
            "Ada Okafor",
            "The sitting is open. We turn to the water rates & the levy.\n\nCouncillor Brandt has the floor.",
        ),
        (TurnKind.TURN, "Leo Brandt", "Thank you, Chair. The rates rose twice this year."),
        (TurnKind.STAGE, None, "Shouting from the gallery"),
        (TurnKind.TURN, "Leo Brandt", "As I was saying, twice."),
        (TurnKind.STAGE, None, "Applause"),
    ]
    assert found.title == "Riverside Council, sitting of 10 May 2023"
    assert found.date == "2023-05-10"


def test_offsets_point_into_the_xml_source() -> None:
    text = SITTING.read_text(encoding="utf-8")
    found = read_tei(text)
    brandt = found.turns[2]
    assert text[brandt.char_start : brandt.char_end] == "Thank you, Chair. The rates rose twice this year."
    okafor = found.turns[1]
    assert text[okafor.char_start :].startswith("The sitting is open.")
    assert text[: okafor.char_end].endswith("Councillor Brandt has the floor.")


def test_names_come_from_a_sibling_listperson_file(tmp_path: Path) -> None:
    (tmp_path / "Corpus-listPerson.xml").write_text(
        '<listPerson xmlns="http://www.tei-c.org/ns/1.0"><person xml:id="NovakMira">'
        "<persName><surname>Novak</surname><forename>Mira</forename></persName></person></listPerson>",
        encoding="utf-8",
    )
    doc = tmp_path / "sitting.xml"
    doc.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>'
        '<u who="#NovakMira"><seg>Good morning.</seg></u><u who="#Nobody"><seg>Hello.</seg></u>'
        "</body></text></TEI>",
        encoding="utf-8",
    )
    document = parse_bytes(doc.read_bytes(), doc_id="sitting", path=str(doc))
    assert document.format == "tei"
    assert [t.label for t in document.turns] == ["Mira Novak", "Nobody"]  # an unknown id stands as printed
    assert read_people((tmp_path / "Corpus-listPerson.xml").read_text()) == {"NovakMira": "Mira Novak"}


def test_malformed_xml_is_an_error_with_line_and_column() -> None:
    text = '<TEI>\n  <u who="#A"><seg>Hello.</u>\n</TEI>\n'
    with pytest.raises(ParseError, match=r"malformed XML \(mismatched tag\): x\.xml:2:\d+:"):
        read_tei(text, "x.xml")


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<TEI><u who="#A"><seg>&lol3;</seg></u></TEI>
"""


def test_a_doctype_declaring_entities_is_refused_never_expanded() -> None:
    with pytest.raises(ParseError, match=r"bomb\.xml: refused: the document declares the entity 'lol'"):
        read_tei(BILLION_LAUGHS, "bomb.xml")


def test_external_entities_are_refused_never_fetched() -> None:
    doctype = '<!DOCTYPE TEI [<!ENTITY ext SYSTEM "http://example.invalid/x">]>'
    text = f'<?xml version="1.0"?>\n{doctype}\n<TEI><u who="#A"><seg>Hi &ext;.</seg></u></TEI>\n'
    with pytest.raises(ParseError, match=r"ext\.xml: refused: the document"):
        read_tei(text, "ext.xml")


def test_an_external_dtd_is_never_read_and_the_document_is_read_without_it(tmp_path: Path) -> None:
    # Real corpora name their DTD (InMezzora's <!DOCTYPE trascrizioni SYSTEM "unicum.dtd">): the whole document was
    # refused. Now it is read without the DTD, with a warning; the DTD beside it is never opened, so an entity only
    # it defines is left out, and said.
    (tmp_path / "corpus.dtd").write_text('<!ENTITY host "Lucia Annunziata">\n', encoding="utf-8")
    doctype = '<!DOCTYPE trascrizioni SYSTEM "corpus.dtd">'
    text = (
        f'<?xml version="1.0"?>\n{doctype}\n<trascrizioni><u who="Lucia Annunziata" role="host"><p>Buongiorno.</p></u>'
        '<u who="#Luca Zaia"><p>Grazie.</p></u></trascrizioni>\n'
    )
    found = read_tei(text, str(tmp_path / "show.xml"))
    assert [(t.label, t.text) for t in found.turns] == [("Lucia Annunziata", "Buongiorno."), ("Luca Zaia", "Grazie.")]
    assert found.warnings == ("the DOCTYPE names the external DTD 'corpus.dtd': read without it (nothing is ever fetched)",)
    found = read_tei(text.replace("Buongiorno.", "Buongiorno, &host;."), str(tmp_path / "show.xml"))
    assert found.turns[0].text == "Buongiorno, ."  # never "Lucia Annunziata": the DTD was not read
    assert found.warnings[1] == "entities only that DTD defines are left out: &host;"
    # An HTML entity in the text is its character, and an unknown one a gap: the words on either side stay two (a
    # fuzz finding, fuzz/crashes/57c3ccac116448f9.trs: "Louisiana&ndash;Mississippi" read "LouisianaMississippi").
    found = read_tei(text.replace("Buongiorno.", "Louisiana&ndash;Mississippi, &host;Roma."), str(tmp_path / "s.xml"))
    assert found.turns[0].text == "Louisiana–Mississippi, Roma."


def test_convert_takes_xml_and_puts_a_refused_file_in_errors_jsonl(tmp_path: Path) -> None:
    import orjson

    from transcript_kit.pipeline import ConvertConfig, convert

    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "sitting.xml").write_bytes(SITTING.read_bytes())
    (inputs / "bomb.xml").write_text(BILLION_LAUGHS, encoding="utf-8")
    (inputs / "broken.xml").write_text("<TEI>\n<u who='#A'>Hi.\n</TEI>\n", encoding="utf-8")
    summary = convert([inputs], tmp_path / "out", ConvertConfig(formats=("jsonl",)))
    assert summary.n_documents == 1
    errors = [orjson.loads(line) for line in (tmp_path / "out" / "errors.jsonl").read_bytes().splitlines()]
    by_name = {Path(e["path"]).name: e["message"] for e in errors}
    assert "refused: the document declares the entity 'lol'" in by_name["bomb.xml"]
    assert "broken.xml:3:" in by_name["broken.xml"]


def test_a_note_printing_the_speakers_label_is_neither_speech_nor_a_stage_record() -> None:
    text = (
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div>'
        '<note type="speaker">Predsednik:</note><u who="#A"><seg>Začenjam sejo.</seg></u>'
        '<note type="time">10.05</note></div></body></text></TEI>'
    )
    found = read_tei(text)
    assert [(t.kind, t.text) for t in found.turns] == [
        (TurnKind.TURN, "Začenjam sejo."),
        (TurnKind.STAGE, "10.05"),
    ]


def test_a_parlamint_sample_reads_with_names_from_its_listperson_file_and_the_sittings_date() -> None:
    path = SITTING.parent / "ParlaMint-SI_2015-03-06-excerpt.xml"
    found = read_tei(path.read_text(encoding="utf-8"), str(path))
    assert [(t.kind, t.label, t.text) for t in found.turns] == [
        (TurnKind.STAGE, None, "Seja se je začela ob 10.04."),
        (
            TurnKind.TURN,
            "Milan Brglez",
            "Spoštovani kolegice poslanke in kolegi poslanci, gospe in gospodje!\n\n"
            "Začenjam z nadaljevanjem 5. seje Državnega zbora.",
        ),
        (
            TurnKind.TURN,
            "MačekPeter",  # not in the person list: the who reference as printed
            "Spoštovani gospod predsednik, hvala lepa za besedo. Spoštovane poslanke in poslanci!",
        ),
        (TurnKind.STAGE, None, "SAMPLING"),
        (TurnKind.TURN, "Milan Brglez", "Končali smo s predstavitvijo stališč poslanskih skupin."),
        (TurnKind.STAGE, None, "SEJA JE BILA PREKINJENA 6. MARCA 2015 OB 17. uri."),
    ]
    assert found.date == "2015-03-06"  # the sitting's, not the publication's 2023-10-11
    assert found.title is not None and found.title.startswith("Slovenski parlamentarni korpus ParlaMint-SI")
    people = read_people((SITTING.parent / "ParlaMint-SI-listPerson.xml").read_text(encoding="utf-8"))
    assert people == {"BrglezMilan": "Milan Brglez", "ApohalVučkovićLidija": "Lidija Apohal Vučković"}
