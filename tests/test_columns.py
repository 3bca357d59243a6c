"""A document's turns and decisions held as columns (issue 11: bounded memory): the same records as before, in a
fraction of the memory."""

from __future__ import annotations

import pickle
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from transcript_kit import columns
from transcript_kit.columns import DecisionTable, TurnTable
from transcript_kit.evidence import attach_speakers
from transcript_kit.model import Document, LabelDecision, Speaker, Turn, TurnKind
from transcript_kit.parse import parse_bytes, parse_text

from .test_properties import documents

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
INPUTS = sorted(
    path
    for path in CORPUS.rglob("*")
    if path.is_file() and path.suffix in (".txt", ".srt", ".vtt", ".html", ".htm") and "gold" not in path.parts
)


def _eager(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every turn keeps its text as a string, as the parser made it (no text is read again from the source)."""
    monkeypatch.setattr(columns, "_how_read", lambda text, source, parts, read_from_parts: columns._KEPT)


def _records(document: Document) -> list[Turn]:
    return list(document.turns)


def test_there_are_corpus_documents_to_compare() -> None:
    assert len(INPUTS) > 50


@pytest.mark.parametrize("path", INPUTS, ids=lambda path: str(path.relative_to(CORPUS)))
def test_a_corpus_document_reads_the_same_turns_with_its_text_read_from_the_source(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = path.read_bytes()
    lazy = parse_bytes(data, doc_id="x", path=path.name)
    with monkeypatch.context() as patched:
        _eager(patched)
        eager = parse_bytes(data, doc_id="x", path=path.name)
    assert _records(lazy) == _records(eager)
    assert list(lazy.decisions) == list(eager.decisions)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_any_document_reads_the_same_turns_with_its_text_read_from_the_source(text: str) -> None:
    lazy = parse_text(text, doc_id="x")
    with pytest.MonkeyPatch.context() as patched:
        _eager(patched)
        eager = parse_text(text, doc_id="x")
    assert _records(lazy) == _records(eager)


WORDS = st.sampled_from(["word", "Senate", "bill", "the", "(Laughter.)", "“quoted”", "a.m.", "—", "Q"])
BLANKS = st.sampled_from([" "] * 60 + ["  ", "\t", " \u00a0", "\u2028"])
LINES = st.lists(WORDS, min_size=6, max_size=16).flatmap(
    lambda words: st.lists(BLANKS, min_size=len(words) - 1, max_size=len(words) - 1).map(
        lambda blanks: "".join(w + b for w, b in zip(words, blanks)) + words[-1]
    )
)
TRAILING = st.sampled_from([""] * 4 + [" ", "  ", "\t"])
WRAPPED_TURNS = st.lists(
    st.tuples(st.sampled_from(["MR. SMITH:", "MS. JONES:", "Q", "The PRESIDENT."]), st.lists(LINES, min_size=1, max_size=4), TRAILING),
    min_size=1,
    max_size=8,
).map(lambda turns: "\n\n".join(f"{label} " + (trailing + "\n").join(lines) for label, lines, trailing in turns))


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(WRAPPED_TURNS)
def test_a_hard_wrapped_document_reads_the_same_turns_with_its_text_read_from_the_source(text: str) -> None:
    # Lines of 40-100 characters are read as hard-wrapped paragraphs: a line break inside one is a blank.
    lazy = parse_text(text, doc_id="x")
    with pytest.MonkeyPatch.context() as patched:
        _eager(patched)
        eager = parse_text(text, doc_id="x")
    assert _records(lazy) == _records(eager)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(WRAPPED_TURNS, st.integers(min_value=1, max_value=120))
def test_a_turns_opening_and_closing_words_are_read_as_its_text(text: str, chars: int) -> None:
    # The identity pass reads a turn's first and last words only (excerpt_of): they are its text's own.
    turns = parse_text(text, doc_id="x").turns
    assume(isinstance(turns, TurnTable))  # a document that reads no turn has an empty tuple
    assert isinstance(turns, TurnTable)
    for index in range(len(turns)):
        whole = turns.text_of(index)
        opening, closing = turns.excerpt_of(index, chars), turns.excerpt_of(index, chars, from_end=True)
        assert whole.startswith(opening) and len(opening) <= chars
        assert whole.endswith(closing) and len(closing) <= chars
        first = whole.split("\n\n")[0]
        assert opening == first[:chars]


@pytest.mark.parametrize("path", INPUTS[::7], ids=lambda p: p.name)
def test_a_documents_plain_columns_are_its_rows_fields(path: Path) -> None:
    # The export reads a column table's fields as columns (results._plain_columns): the same values as the rows.
    from transcript_kit.export.rows import turn_row

    document = parse_bytes(path.read_bytes(), doc_id="x", path=path.name)
    if not isinstance(document.turns, TurnTable):
        pytest.skip("not a column table")
    rows = [turn_row("x", turn) for turn in document.turns]
    for begin, end in ((0, len(rows)), (1, 3), (len(rows) // 2, len(rows) + 5)):
        columns = document.turns.plain_columns(begin, end)
        for name, values in columns.items():
            assert values == [row[name] for row in rows[begin:end]], name


def test_a_line_break_inside_a_paragraph_is_no_part_of_its_text() -> None:
    # A hard-wrapped paragraph without trailing blanks is as long as its text ("a\nb" reads "a b"): the lengths
    # alone took it for a paragraph printed as it reads, and its text kept the line breaks.
    line = " ".join(["word"] * 12)
    text = "".join(f"MR. A{i}: {line}\n{line}\n{line}\n\n" for i in range(5))
    document = parse_text(text, doc_id="x")
    assert [t.text for t in document.turns] == [" ".join([line] * 3)] * 5
    # read again as printed with each line break as a space: no text kept, none normalized again
    assert {code & ~columns._KIND_BITS for code in document.turns._kinds} == {columns._SPACED}


BRIEFING = "MS. PSAKI: Hi,   everyone.\n\n(Laughter.)\n\nQ Thank you.\nA second line.\n\nMS. PSAKI: Sure."


def test_a_turn_of_several_paragraphs_keeps_no_text_of_its_own() -> None:
    document = parse_text(BRIEFING, doc_id="x")
    assert isinstance(document.turns, TurnTable)
    assert [t.text for t in document.turns] == ["Hi, everyone.", "(Laughter.)", "Thank you.\n\nA second line.", "Sure."]
    assert document.turns._explicit == {}  # every text is what its paragraphs read
    assert list(document.turns._paragraphs) == [2]


def test_a_text_that_is_not_what_its_span_reads_is_kept() -> None:
    table = TurnTable("MR. A: one two [aside] three")
    table.add(TurnKind.TURN, "one two three", 7, 28, label="MR. A")
    table.add(TurnKind.TURN, "one two", 7, 14, label="MR. A")
    assert table.done()[0].text == "one two three" and table[1].text == "one two"
    assert table._explicit == {0: "one two three"}


def _table() -> TurnTable:
    source = "A: one\n\nB: two\n\nA: three"
    table = TurnTable(source)
    table.add(TurnKind.TURN, "one", 3, 6, label="A", start_ms=None)
    table.add(TurnKind.STAGE, "two", 11, 14, notes=("aside",))
    table.add(TurnKind.TURN, "three", 19, 24, label="A", start_ms=61_000, end_ms=62_500, time_of_day="14:02")
    return table.done()


def test_the_table_is_a_sequence_of_turns() -> None:
    table = _table()
    turns = (
        Turn(0, TurnKind.TURN, "one", 3, 6, "A"),
        Turn(1, TurnKind.STAGE, "two", 11, 14, notes=("aside",)),
        Turn(2, TurnKind.TURN, "three", 19, 24, "A", start_ms=61_000, end_ms=62_500, time_of_day="14:02"),
    )
    assert len(table) == 3 and tuple(table) == turns and table == turns and table == list(turns)
    assert table[-1] == turns[2] and table[1:] == turns[1:] and table[::-2] == turns[::-2]
    assert table != turns[:2] and table != ()
    with pytest.raises(IndexError):
        table[3]
    assert hash(table) == hash(turns)
    assert pickle.loads(pickle.dumps(table)) == turns
    assert len(table._labels) == 1  # "A" is held once for its two turns
    document = Document(doc_id="x", text=table.source, turns=table)
    assert document.turns is table and Document(doc_id="x", text=table.source, turns=list(turns)) == document


def test_speakers_are_set_on_the_same_columns() -> None:
    table = _table()
    alice = Speaker("alice", "Alice")
    spoken = table.with_speakers([alice, None, alice])
    assert [t.speaker for t in spoken] == [alice, None, alice] and [t.speaker for t in table] == [None] * 3
    assert spoken._starts is table._starts and len(spoken._labels) == 1
    document = Document(doc_id="d", text=table.source, turns=table)
    attached = attach_speakers(document, {("d", "A"): alice})
    assert isinstance(attached.turns, TurnTable)
    assert [t.speaker for t in attached.turns] == [alice, None, alice]


def test_decisions_hold_each_distinct_verdict_once() -> None:
    decisions = DecisionTable()
    made = [LabelDecision("MR. SMITH", start, True, "a label") for start in (0, 40, 80)]
    made.append(LabelDecision("Note", 120, False, "not a name"))
    for decision in made:
        decisions.append(decision)
    assert decisions.done() == made and list(decisions) == made and decisions[-1] == made[-1]
    assert len(decisions._kinds) == 2
    with pytest.raises(AssertionError):
        decisions.append(made[0])


def test_the_turns_of_a_document_of_short_turns_are_a_fraction_of_its_size() -> None:
    # A Turn object, its text and a LabelDecision a turn kept nine times the size of a document of short turns.
    unit = "MR. SMITH: Some words said here about the matter at hand.\n\nMS. JONES: And a reply to them.\n\n"
    text = unit * ((1 << 20) // len(unit))
    parse_text("MR. SMITH: Hi.\n\nMS. JONES: Hello.\n", doc_id="warm")
    tracemalloc.start()
    try:
        document = parse_text(text, doc_id="x")
        kept = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert len(document.turns) == 2 * (len(text) // len(unit))
    start = text.index("And a reply")
    reply = Turn(1, TurnKind.TURN, "And a reply to them.", start, start + 20, "MS. JONES", document.turns[1].parsed_label)
    assert document.turns[1] == reply
    assert kept < len(text), f"{kept / len(text):.2f}x the document's size"


def test_a_long_subtitle_cue_is_read_again_from_the_source_not_kept() -> None:
    # The turn of an 8 MB cue held a second copy of its words (and a third, briefly, as its speaker prefix was
    # cut off): a plain cue's text is its span as printed.
    unit = b"words spoken in one long cue "
    data = b"1\n00:00:01,000 --> 00:00:02,000\nAlice: " + unit * ((1 << 20) // len(unit)) + b"\n"
    parse_bytes(b"1\n00:00:01,000 --> 00:00:02,000\nHi.\n", doc_id="warm", path="x.srt")
    tracemalloc.start()
    try:
        document = parse_bytes(data, doc_id="x", path="x.srt")
        kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    (turn,) = document.turns
    assert isinstance(document.turns, TurnTable) and document.turns._explicit == {}
    assert (turn.label, turn.parsed_label is not None, turn.start_ms) == ("Alice", True, 1000)
    assert turn.text == (unit * ((1 << 20) // len(unit))).decode().strip()
    assert kept < 1.2 * len(data) and peak < 3.5 * len(data), (kept / len(data), peak / len(data))


def test_the_tokenizer_looks_back_only_at_what_its_feed_keeps() -> None:
    # The tokens go on to the document parser as they come: the feed answers how many came and the last one, and
    # refuses anything else rather than pretending to be the list of every token.
    from transcript_kit.parse import _BUILDING, _Feed, _token, _TurnBuilder

    builder = _TurnBuilder("MR. A: Hi.", stage_is_speech=True, read_from_parts=True)
    building = _BUILDING.set(builder)
    try:
        feed = _Feed()
        assert not feed and len(feed) == 0
        with pytest.raises(IndexError):
            feed[-1]
        label, words = _token("LABEL", "MR. A", 0, 5), _token("PARA", "Hi.", 7, 10)
        feed.append(label)
        feed.append(words)
        assert len(feed) == 2 and feed[-1] is words
        with pytest.raises(IndexError):
            feed[0]
        with pytest.raises(TypeError):
            list(feed)
        feed.finish()
    finally:
        _BUILDING.reset(building)
    assert list(builder.table) == [Turn(0, TurnKind.TURN, "Hi.", 7, 10, "MR. A", builder.table[0].parsed_label)]


def test_documents_parsed_in_threads_get_their_own_turns() -> None:
    # The grammar's one Transformer adds each turn to the table of the document being parsed (a context
    # variable): documents parsed at the same time in threads never mix their turns.
    from concurrent.futures import ThreadPoolExecutor

    texts = [f"MR. SMITH{n}: Words {n}.\n\nMS. JONES{n}: Reply {n}.\n\n" * 300 for n in range(8)]
    alone = [list(parse_text(text, doc_id=str(n)).turns) for n, text in enumerate(texts)]
    with ThreadPoolExecutor(4) as pool:
        together = list(pool.map(lambda n: list(parse_text(texts[n], doc_id=str(n)).turns), range(8)))
    assert together == alone and {t.label for t in together[3]} == {"MR. SMITH3", "MS. JONES3"}
