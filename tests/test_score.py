"""The accuracy command: word-level speaker attribution and turn-boundary F1 of an export against gold."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transcript_kit.score import (
    Counts,
    GoldFormatError,
    format_report,
    main,
    normalize_label,
    report_to_json,
    score_directory,
    words,
)

DATA = Path(__file__).parent / "data" / "score"
REAL_GOLD = DATA / "CREC-1997-01-28-pt1-PgS715.jsonl"

Turn = tuple[str | None, str]  # (speaker, text)

# Three turns of 4, 6 and 10 words: 20 gold words, boundaries at word 4 and word 10.
GOLD: tuple[Turn, ...] = (
    ("MS. PSAKI", "Good afternoon, everyone. Welcome."),
    ("Q", "Thanks, Jen. Two questions on Ukraine."),
    ("MS. PSAKI", "Sure. The President spoke with him this morning for hours."),
)


def write_gold(gold_dir: Path, name: str, turns: Sequence[Turn]) -> None:
    gold_dir.mkdir(parents=True, exist_ok=True)
    lines = (orjson.dumps({"speaker": speaker, "text": text}) for speaker, text in turns)
    (gold_dir / f"{name}.jsonl").write_bytes(b"\n".join(lines) + b"\n")


def export_rows(
    doc_id: str, turns: Sequence[Turn], kinds: Sequence[str] | None = None
) -> list[dict[str, Any]]:
    return [
        {
            "doc_id": doc_id,
            "turn_index": i,
            "kind": kinds[i] if kinds else ("turn" if speaker is not None else "monologue"),
            "speaker_label": speaker,
            "text": text,
        }
        for i, (speaker, text) in enumerate(turns)
    ]


def write_export(out_dir: Path, rows: Sequence[dict[str, Any]]) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "turns.jsonl").write_bytes(b"".join(orjson.dumps(row) + b"\n" for row in rows))


def score_one(
    tmp: Path, gold: Sequence[Turn], export: Sequence[Turn], kinds: Sequence[str] | None = None
) -> Counts:
    write_gold(tmp / "gold", "doc", gold)
    write_export(tmp / "out", export_rows("briefings/doc", export, kinds))
    report = score_directory(tmp / "gold", tmp / "out")
    assert len(report.documents) == 1
    return report.documents[0].counts


def test_perfect_export_scores_one(tmp_path: Path) -> None:
    counts = score_one(tmp_path, GOLD, GOLD)
    assert (counts.precision, counts.recall, counts.f1, counts.boundary_f1) == (1.0, 1.0, 1.0, 1.0)
    assert counts.gold_words == 20


def test_speaker_swap_on_one_turn_lowers_precision_and_recall_by_that_turns_share(tmp_path: Path) -> None:
    swapped = (GOLD[0], ("MR. KIRBY", GOLD[1][1]), GOLD[2])
    counts = score_one(tmp_path, GOLD, swapped)
    assert counts.precision == pytest.approx(14 / 20)
    assert counts.recall == pytest.approx(14 / 20)
    assert counts.boundary_f1 == 1.0  # the turn is still where it was


def test_extra_words_in_export_lower_precision_only(tmp_path: Path) -> None:
    padded = (GOLD[0], (GOLD[1][0], GOLD[1][1] + " [[Page S8584]] Alderson Reporting"), GOLD[2])
    counts = score_one(tmp_path, GOLD, padded)
    assert counts.recall == 1.0
    assert counts.attributed_words == 22  # "alderson", "reporting" added; a note in brackets is no words
    assert counts.precision == pytest.approx(20 / 22)


def test_stage_rows_and_unlabelled_rows_are_unattributed_words(tmp_path: Path) -> None:
    # A stage row the gold lacks costs nothing; gold words the export leaves unlabelled cost recall only.
    export = (GOLD[0], (None, "(Laughter.)"), GOLD[1], (None, GOLD[2][1]))
    counts = score_one(tmp_path, GOLD, export, kinds=("turn", "stage", "turn", "monologue"))
    assert counts.precision == 1.0
    assert counts.recall == pytest.approx(10 / 20)
    assert counts.boundary_f1 == 1.0


def test_a_labelled_stage_row_still_counts_as_unattributed(tmp_path: Path) -> None:
    export = (GOLD[0], GOLD[1], ("MS. PSAKI", GOLD[2][1]))
    counts = score_one(tmp_path, GOLD, export, kinds=("turn", "turn", "stage"))
    assert counts.attributed_words == 10
    assert counts.recall == pytest.approx(10 / 20)


def test_missing_document_is_reported_and_lowers_recall(tmp_path: Path) -> None:
    write_gold(tmp_path / "gold", "present", GOLD)
    write_gold(tmp_path / "gold", "absent", GOLD[:1])  # 4 words the export never produced
    write_export(tmp_path / "out", export_rows("wh/raw/present", GOLD))
    report = score_directory(tmp_path / "gold", tmp_path / "out")
    assert report.missing == ("absent",)
    absent = report.documents[0]
    assert absent.doc_id is None and absent.counts.recall == 0.0 and absent.counts.gold_words == 4
    assert report.overall.precision == 1.0
    assert report.overall.recall == pytest.approx(20 / 24)
    assert "missing from the export (1): absent" in format_report(report)


def test_punctuation_case_quote_style_and_label_form_do_not_count(tmp_path: Path) -> None:
    gold = (("Mr. McCONNELL", "Mr. President, I\u2019d say \u201cno\u201d \u2014 twice."),)
    export = (("MR.  MCCONNELL.", 'mr president i\'d SAY "no"--\n twice'),)
    counts = score_one(tmp_path, gold, export)
    assert (counts.precision, counts.recall) == (1.0, 1.0)


def test_words_and_labels_normalize_unicode_case_and_punctuation() -> None:
    # Fullwidth letters, a decomposed accent and a superscript fold to plain words; "_" separates words, a hyphen
    # between letters joins them (see test_a_hyphenated_word_is_one_word_wherever_a_line_broke_it).
    assert words("\uff21BC\u00a0de\u0301ja\u0300-vu, x\u00b2_y") == ["abc", "déjàvu", "x2", "y"]
    assert normalize_label(" MS.\u00a0 PSAKI: ") == normalize_label("Ms. Psaki") == "ms. psaki"
    assert normalize_label("The PRESIDING OFFICER (Mr. Kyl).") == "the presiding officer (mr. kyl)"
    assert normalize_label(" : ") is None and normalize_label(None) is None


def test_boundary_f1_counts_a_merged_turn_as_a_missed_boundary(tmp_path: Path) -> None:
    # Consecutive turns by one speaker are separate in the gold; merging them keeps every word right.
    gold = (
        ("Mr. WARNER", "I yield the floor."),
        ("Mr. WARNER", "I suggest the absence of a quorum."),
        GOLD[1],
    )
    merged = (("Mr. WARNER", gold[0][1] + "\n\n" + gold[1][1]), GOLD[1])
    counts = score_one(tmp_path, gold, merged)
    assert (counts.precision, counts.recall) == (1.0, 1.0)
    assert (counts.gold_boundaries, counts.export_boundaries, counts.matched_boundaries) == (2, 1, 1)
    assert counts.boundary_f1 == pytest.approx(2 / 3)


def test_boundary_f1_counts_a_split_turn_as_a_spurious_boundary(tmp_path: Path) -> None:
    split = (GOLD[0], GOLD[1], ("MS. PSAKI", "Sure."), ("MS. PSAKI", GOLD[2][1].removeprefix("Sure. ")))
    counts = score_one(tmp_path, GOLD, split)
    assert counts.boundary_recall == 1.0 and counts.boundary_precision == pytest.approx(2 / 3)


def test_gold_stem_matches_the_last_path_component_but_prefers_an_exact_doc_id(tmp_path: Path) -> None:
    write_gold(tmp_path / "gold", "buzzsprout-10-things", GOLD)
    write_gold(tmp_path / "gold", "other", GOLD)
    rows = [
        *export_rows("podcast/raw/buzzsprout-10-things", GOLD),
        *export_rows("other", GOLD),
        *export_rows("elsewhere/other", (("Nobody", "unrelated words"),)),
        *export_rows("podcast/raw/buzzsprout-10-things-html2text", (("Nobody", "unrelated"),)),
    ]
    write_export(tmp_path / "out", rows)
    report = score_directory(tmp_path / "gold", tmp_path / "out")
    by_name = {d.name: d for d in report.documents}
    assert by_name["buzzsprout-10-things"].doc_id == "podcast/raw/buzzsprout-10-things"
    assert by_name["other"].doc_id == "other"
    assert report.overall.f1 == 1.0


def test_export_rows_are_read_in_turn_index_order(tmp_path: Path) -> None:
    write_gold(tmp_path / "gold", "doc", GOLD)
    write_export(tmp_path / "out", export_rows("doc", GOLD)[::-1])
    assert score_directory(tmp_path / "gold", tmp_path / "out").overall.f1 == 1.0


def test_real_congressional_record_gold_scores_a_faithful_export_perfectly(tmp_path: Path) -> None:
    # The export prints labels its own way, adds a page marker as a stage row and re-wraps the text.
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    shutil.copy(REAL_GOLD, gold_dir)
    gold = [orjson.loads(line) for line in REAL_GOLD.read_bytes().splitlines()]
    turns: list[Turn] = []
    kinds: list[str] = []
    for i, row in enumerate(gold):
        if i == 5:
            turns.append((None, "[[Page S716]]"))
            kinds.append("stage")
        turns.append((row["speaker"].upper() + ".", row["text"].replace("``", '"').replace(" ", "\n")))
        kinds.append("turn")
    write_export(tmp_path / "out", export_rows("congressional-record/raw/" + REAL_GOLD.stem, turns, kinds))
    report = score_directory(gold_dir, tmp_path / "out")
    (doc,) = report.documents
    assert doc.doc_id == "congressional-record/raw/CREC-1997-01-28-pt1-PgS715"
    # The gold's recorder note "(The remarks of Mr. Domenici ... )" and the export's "[[Page S716]]" are notes in
    # brackets: no words on either side.
    assert doc.counts.gold_words == 191 and doc.counts.export_words == 191
    assert (doc.counts.f1, doc.counts.boundary_f1) == (1.0, 1.0)

    # Attribute "The clerk will call the roll." (6 words) to the wrong speaker.
    turns[2] = ("Mr. WARNER", turns[2][1])
    write_export(tmp_path / "out", export_rows("congressional-record/raw/" + REAL_GOLD.stem, turns, kinds))
    counts = score_directory(gold_dir, tmp_path / "out").overall
    assert counts.recall == pytest.approx(185 / 191) and counts.precision == pytest.approx(185 / 191)


def test_main_prints_a_table_or_json_and_fails_cleanly_on_a_missing_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_gold(tmp_path / "gold", "doc", GOLD)
    write_export(tmp_path / "out", export_rows("doc", GOLD))
    assert main([str(tmp_path / "gold"), str(tmp_path / "out")]) == 0
    table = capsys.readouterr().out
    assert "doc" in table and "overall" in table and "1.0000" in table

    assert main([str(tmp_path / "gold"), str(tmp_path / "out"), "--json"]) == 0
    data = orjson.loads(capsys.readouterr().out)
    assert data["overall"]["f1"] == 1.0 and data["overall"]["gold_words"] == 20
    assert data["documents"][0]["doc_id"] == "doc" and data["missing"] == []

    assert main([str(tmp_path / "gold"), str(tmp_path / "nowhere")]) == 2
    assert "turns.jsonl" in capsys.readouterr().err


def test_report_to_json_carries_counts_and_scores(tmp_path: Path) -> None:
    write_gold(tmp_path / "gold", "doc", GOLD)
    write_export(tmp_path / "out", export_rows("doc", GOLD[:2]))
    data = orjson.loads(report_to_json(score_directory(tmp_path / "gold", tmp_path / "out")))
    overall = data["overall"]
    assert (overall["correct_words"], overall["gold_words"]) == (10, 20)
    assert overall["recall"] == pytest.approx(0.5) and overall["precision"] == 1.0


def test_a_malformed_gold_line_names_the_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "doc.jsonl").write_text('{"speaker": "Q", "text": "hi"}\n{"speaker": "Q"}\n')
    write_export(tmp_path / "out", export_rows("doc", GOLD))
    with pytest.raises(ValueError, match=r"doc\.jsonl:2: 'text'"):
        score_directory(tmp_path / "gold", tmp_path / "out")


# --- properties --------------------------------------------------------------------------------

speakers = st.sampled_from(
    ["Q", "MS. PSAKI:", "Mr. SMITH of New Jersey.", "The PRESIDING OFFICER (Mr. Kyl)", "Travis"]
)
texts = st.text(alphabet=st.sampled_from("ab c,.\u2019\u201c\u201d\n\u00e9\uff21"), max_size=30) | st.lists(
    st.sampled_from(["the", "the", "President", "said,", "no.", "(Laughter.)", "—", "42"]), max_size=12
).map(" ".join)
turn_lists = st.lists(st.tuples(speakers, texts), max_size=8)
# An export may also leave turns unlabelled.
export_turn_lists = st.lists(st.tuples(speakers | st.none(), texts), max_size=8)


def _score_pair(gold: Sequence[Turn], export: Sequence[Turn]) -> Counts:
    with tempfile.TemporaryDirectory() as tmp:
        return score_one(Path(tmp), gold, export)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(turn_lists)
def test_property_a_gold_file_turned_into_an_export_always_scores_one(gold: list[Turn]) -> None:
    counts = _score_pair(gold, gold)
    assert (counts.precision, counts.recall, counts.f1, counts.boundary_f1) == (1.0, 1.0, 1.0, 1.0)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(turn_lists, export_turn_lists)
def test_property_scores_are_within_zero_and_one(gold: list[Turn], export: list[Turn]) -> None:
    counts = _score_pair(gold, export)
    for value in (
        counts.precision,
        counts.recall,
        counts.f1,
        counts.boundary_precision,
        counts.boundary_recall,
        counts.boundary_f1,
    ):
        assert 0.0 <= value <= 1.0
    assert counts.correct_words <= min(counts.aligned_words, counts.attributed_words, counts.gold_words)


def test_a_stem_matching_several_documents_scores_the_first_and_says_so(tmp_path: Path) -> None:
    write_gold(tmp_path / "gold", "dup", GOLD)
    write_export(tmp_path / "out", [*export_rows("b/dup", GOLD), *export_rows("a/dup", GOLD[:1])])
    (doc,) = score_directory(tmp_path / "gold", tmp_path / "out").documents
    assert doc.doc_id == "a/dup" and doc.note == "also matched: b/dup"
    assert "also matched: b/dup" in format_report(score_directory(tmp_path / "gold", tmp_path / "out"))


# ----------------------------------------------------------------------------------------------------
# Identity

IDENTITY_GOLD: tuple[Turn, ...] = (
    ("The PRESIDING OFFICER", "The Senator from Nevada is recognized."),  # 6 words, a role here
    ("Mr. REID", "Thank you very much Mr. President."),  # 6 words
    ("The PRESIDING OFFICER", "Without objection it is so ordered."),  # 6 words, turn 2: Kyl in the chair
    ("Mr. KYL", "I yield the floor now."),  # 5 words
)


def write_identity(folder: Path, rows: Sequence[dict[str, Any]]) -> None:
    (folder / "identity.jsonl").write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows))


def identity_folder(tmp: Path, ids_a: Sequence[str | None], ids_b: Sequence[str | None]) -> Any:
    """Two documents of the same four turns; the export gives the turns of each the ids listed."""
    folder = tmp / "cr"
    for name in ("a", "b"):
        write_gold(folder / "gold", name, IDENTITY_GOLD)
    write_identity(
        folder,
        [
            row
            for doc in ("a", "b")
            for row in (
                {
                    "doc": doc,
                    "speaker": "The PRESIDING OFFICER",
                    "person": "role:presiding-officer",
                    "turns": {"2": "jon-kyl"},
                },
                {"doc": doc, "speaker": "Mr. REID", "person": "harry-reid"},
                {"doc": doc, "speaker": "Mr. KYL", "person": "jon-kyl"},
            )
        ],
    )
    rows = []
    for doc, ids in (("a", ids_a), ("b", ids_b)):
        for row, speaker_id in zip(export_rows(doc, IDENTITY_GOLD), ids, strict=True):
            rows.append({**row, "speaker_id": speaker_id})
    write_export(tmp / "out", rows)
    report = score_directory(folder / "gold", tmp / "out")
    assert report.identity is not None
    return report.identity


def test_identity_is_perfect_when_each_person_has_one_id_across_documents(tmp_path: Path) -> None:
    ids = ("role:presiding-officer", "harry-reid", "jon-kyl", "jon-kyl")
    identity = identity_folder(tmp_path, ids, ids)
    assert (identity.precision, identity.recall, identity.f1) == (1.0, 1.0, 1.0)
    # the role's turn is not scored; the chair's turn 2 is Kyl's: 6 + 6 + 5 words per document
    assert identity.words == 34
    assert identity.merges == () and identity.splits == ()


def test_a_person_with_an_id_per_document_is_a_split_and_costs_recall(tmp_path: Path) -> None:
    identity = identity_folder(
        tmp_path,
        ("role:presiding-officer", "doc:a#reid", "jon-kyl", "jon-kyl"),
        ("role:presiding-officer", "doc:b#reid", "jon-kyl", "jon-kyl"),
    )
    assert identity.precision == 1.0
    # Reid's 12 words are in two clusters of 6: each word's recall is 1/2; the other 22 words score 1.
    assert identity.recall == pytest.approx((12 * 0.5 + 22) / 34)
    assert identity.splits == (("harry-reid", ("doc:a#reid", "doc:b#reid")),)
    assert identity.merges == ()


def test_a_role_id_that_holds_the_person_in_the_chair_and_another_person_is_a_merge(tmp_path: Path) -> None:
    # The chair's turn 2 (Kyl) and Reid's turns both given one id: two people counted as one.
    ids = ("role:presiding-officer", "harry-reid", "harry-reid", "jon-kyl")
    identity = identity_folder(tmp_path, ids, ids)
    assert identity.merges == (("harry-reid", ("harry-reid", "jon-kyl")),)
    assert identity.splits == (("jon-kyl", ("harry-reid", "jon-kyl")),)
    assert identity.precision < 1.0 and identity.recall < 1.0


def test_identity_is_in_the_printed_and_json_reports_and_absent_without_identity_gold(tmp_path: Path) -> None:
    ids = ("role:presiding-officer", "doc:a#reid", "jon-kyl", "jon-kyl")
    identity_folder(tmp_path, ids, ids)
    report = score_directory(tmp_path / "cr" / "gold", tmp_path / "out")
    assert "identity (B-cubed over 34 words)" in format_report(report)
    assert "split: harry-reid is doc:a#reid" not in format_report(report)  # same id in both docs: no split
    assert orjson.loads(report_to_json(report))["identity"]["f1"] == 1.0
    (tmp_path / "cr" / "identity.jsonl").unlink()
    assert score_directory(tmp_path / "cr" / "gold", tmp_path / "out").identity is None


def test_a_malformed_identity_file_names_the_file_and_line(tmp_path: Path) -> None:
    ids = ("role:presiding-officer", "harry-reid", "jon-kyl", "jon-kyl")
    identity_folder(tmp_path, ids, ids)
    (tmp_path / "cr" / "identity.jsonl").write_text('{"doc": "a", "speaker": "Mr. KYL", "person": 5}\n')
    with pytest.raises(GoldFormatError, match=r"identity.jsonl:1: 'person' must be a string"):
        score_directory(tmp_path / "cr" / "gold", tmp_path / "out")


def test_notes_in_brackets_count_on_neither_side(tmp_path: Path) -> None:
    # Hand-made gold leaves "(Laughter.)" and "[Slide 3]" out of a turn's text; the export keeps them, as the
    # publisher printed them. Neither convention costs a score anything.
    export = (GOLD[0], (GOLD[1][0], "(Laughter.) " + GOLD[1][1] + "\n\n[Slide 3]"), GOLD[2])
    counts = score_one(tmp_path, GOLD, export)
    assert (counts.precision, counts.recall, counts.attributed_words) == (1.0, 1.0, 20)


def test_a_stage_note_repeating_a_speechs_last_words_does_not_draw_them_away(tmp_path: Path) -> None:
    # An Australian Senate record: the Deputy President's "... be now read a second time." and, after the
    # division, the stage note "Bill read a second time." The longest common run ran from the note into the next
    # speech, so the speech's last words were aligned with the note's (attributed to nobody) and scored wrong.
    gold_dir, out_dir = tmp_path / "gold", tmp_path / "out"
    gold_dir.mkdir()
    out_dir.mkdir()
    gold = [
        {"speaker": "The DEPUTY PRESIDENT", "text": "The question is that the bill be now read a second time."},
        {"speaker": "Senator HOLLINGSWORTH", "text": "My question is to the minister about freight rates."},
    ]
    (gold_dir / "senate.jsonl").write_bytes(b"".join(orjson.dumps(row) + b"\n" for row in gold))
    rows = [
        {"doc_id": "senate", "turn_index": 0, "kind": "turn", "speaker_label": "The DEPUTY PRESIDENT",
         "speaker_id": None, "text": gold[0]["text"]},
        {"doc_id": "senate", "turn_index": 1, "kind": "stage", "speaker_label": None, "speaker_id": None,
         "text": "Question agreed to. Bill read a second time."},
        {"doc_id": "senate", "turn_index": 2, "kind": "turn", "speaker_label": "Senator HOLLINGSWORTH",
         "speaker_id": None, "text": gold[1]["text"]},
    ]
    (out_dir / "turns.jsonl").write_bytes(b"".join(orjson.dumps(row) + b"\n" for row in rows))
    report = score_directory(gold_dir, out_dir)
    assert report.overall.f1 == 1.0


def test_a_hyphenated_word_is_one_word_wherever_a_line_broke_it() -> None:
    # Gold files differ on making a broken word whole; the parser makes it whole: neither costs a score.
    assert words("the con- sequence") == words("the consequence") == ["the", "consequence"]
    assert words("a self-evident truth") == words("a self- evident truth")
    assert words("I was- I mean") == ["i", "was", "i", "mean"]  # cut off before a capital: two words


def test_a_labels_frame_of_square_brackets_is_no_part_of_it() -> None:
    assert normalize_label("[Host]") == normalize_label("Host") == "host"
    assert normalize_label("[Ilse, off camera]") == "ilse, off camera"
    assert normalize_label("[A] and [B]") == "[a] and [b]"
