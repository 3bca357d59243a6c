"""The five seed documents come out right (issue 2, item 5), and one person gets one id across sources."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import orjson
import pytest

import transcript_kit as tk
from transcript_kit.model import TurnKind
from transcript_kit.pipeline import ConvertConfig, convert

from .conftest import SEEDS


def _seed(prefix: str) -> tk.Document:
    return tk.parse_file(next(SEEDS.glob(f"{prefix}_*.txt")))


def _span_text(document: tk.Document, turn: tk.Turn) -> str:
    return " ".join(document.text[turn.char_start : turn.char_end].split())


def test_000_has_four_turns_a_header_and_no_boilerplate_speech() -> None:
    document = _seed("000")
    assert [t.label for t in document.turns] == [
        "SECRETARY BLINKEN",
        "PRIME MINISTER RAMA",
        "SECRETARY BLINKEN",
        "PRIME MINISTER RAMA",
    ]
    assert all(t.kind is TurnKind.TURN for t in document.turns)
    assert document.date == datetime.date(2021, 6, 13)
    assert document.time == "15:08 EDT"
    assert document.location == "Brussels, Belgium"
    assert document.byline == "Antony J. Blinken, Secretary of State"
    assert all("subscribed" not in t.text for t in document.turns)
    assert any(
        s.kind == "boilerplate" and "subscribed" in document.text[s.start : s.end] for s in document.spans
    )


def test_001_has_three_turns_and_the_first_spans_two_paragraphs() -> None:
    document = _seed("001")
    assert [t.label for t in document.turns] == [
        "US Secretary of State Antony Blinken",
        "Prime Minister Edi Rama",
        "US Secretary of State Antony Blinken",
    ]
    first = document.turns[0]
    assert first.text.count("\n\n") == 1
    assert first.text.endswith("helping to do that.")
    assert document.title == "Albania, US sign 5G technology coordination agreement"
    rejected = {d.text for d in document.decisions if not d.accepted}
    accepted = {d.text for d in document.decisions if d.accepted}
    assert not any("following the meeting" in text for text in accepted)
    assert rejected.isdisjoint(accepted)


def test_002_is_a_news_article_without_turns_and_its_appeal_is_boilerplate() -> None:
    document = _seed("002")
    assert document.turns == ()
    boiler = [document.text[s.start : s.end] for s in document.spans if s.kind == "boilerplate"]
    assert "Your support makes all the difference." in boiler
    assert not any("Secretary of State Antony Blinken visits" in b for b in boiler)


def test_003_is_one_monologue_from_the_address_to_the_last_sentence() -> None:
    document = _seed("003")
    assert len(document.turns) == 1
    speech = document.turns[0]
    assert speech.kind is TurnKind.MONOLOGUE
    assert speech.text.startswith("Minister Bushati,")
    assert speech.text.endswith("continuing our work together.")
    assert speech.notes == ("As prepared",)
    assert "password" not in speech.text and "verification" not in speech.text
    assert any(s.kind == "delivery_note" for s in document.spans)


def test_004_has_one_quote_resolved_to_marjan_sarec_and_no_teaser_speakers() -> None:
    document = _seed("004")
    assert [(t.kind, t.label) for t in document.turns] == [(TurnKind.QUOTE, "Minister Šarec")]
    quote = document.turns[0]
    assert quote.text.startswith("Our priorities will be focused")
    assert quote.text.endswith("resilience in the region")
    assert quote.speaker is not None and quote.speaker.name == "Marjan Šarec"
    assert {d.text for d in document.decisions if not d.accepted} >= {
        "EU reacts to threats to prosecutors",
        "Vučić’s message to Serbs",
    }


def test_turn_offsets_point_at_the_turn_text_in_every_seed() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        document = tk.parse_file(path)
        for turn in document.turns:
            assert _span_text(document, turn).startswith(turn.text.split()[0])
            if turn.kind in (TurnKind.TURN, TurnKind.MONOLOGUE):
                assert _span_text(document, turn) == " ".join(turn.text.split())


@pytest.mark.parametrize("use_registry", [True, False], ids=["with-registry", "evidence-only"])
def test_one_person_gets_one_id_across_sources(tmp_path: Path, use_registry: bool) -> None:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    convert([folder], tmp_path / "out", ConvertConfig(use_default_registry=use_registry))
    rows = [orjson.loads(line) for line in (tmp_path / "out" / "turns.jsonl").read_bytes().splitlines()]
    ids: dict[str, set[str]] = {}
    names: dict[str, set[str]] = {}
    for row in rows:
        if row["speaker_label"]:
            ids.setdefault(row["speaker_label"], set()).add(row["speaker_id"])
            names.setdefault(row["speaker_label"], set()).add(row["speaker_name"])
    assert ids["SECRETARY BLINKEN"] == ids["US Secretary of State Antony Blinken"]
    assert ids["PRIME MINISTER RAMA"] == ids["Prime Minister Edi Rama"]
    assert len(ids["SECRETARY BLINKEN"]) == 1 and None not in ids["SECRETARY BLINKEN"]
    assert names["SECRETARY BLINKEN"] <= {"Antony J. Blinken", "Antony Blinken"}
    assert names["PRIME MINISTER RAMA"] == {"Edi Rama"}
    assert all(row["resolution"] for row in rows)
