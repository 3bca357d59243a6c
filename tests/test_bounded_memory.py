"""A large subtitle cue is parsed in memory proportional to its size (issue 11: bounded memory).

The figure for an 8 MB cue is bench/memory.py's (peak RSS in a fresh process); here tracemalloc counts what the
parse itself allocates for a 1 MB cue, which a table of per-character offsets made two hundred times its size.
"""

from __future__ import annotations

import tracemalloc

from transcript_kit.model import Document
from transcript_kit.parse import parse_bytes

UNIT = b"words spoken in one long cue &amp; more "


def _parsed_with_peak(data: bytes, path: str, warm: bytes) -> tuple[Document, int]:
    """``data`` parsed, and the peak of what tracemalloc counted while it was (after a tiny warm-up parse, so
    grammars and caches built once are not counted)."""
    parse_bytes(warm, doc_id="warm", path=path)
    tracemalloc.start()
    try:
        document = parse_bytes(data, doc_id="x", path=path)
        return document, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_one_megabyte_cue_needs_a_few_times_its_size() -> None:
    data = b"1\n00:00:01,000 --> 00:00:02,000\nAlice: " + UNIT * ((1 << 20) // len(UNIT)) + b"\n"
    document, peak = _parsed_with_peak(data, "x.srt", b"1\n00:00:01,000 --> 00:00:02,000\nHi.\n")
    (turn,) = document.turns
    assert turn.label == "Alice" and turn.text.startswith("words spoken") and "& more" in turn.text
    assert document.text[turn.char_start : turn.char_start + 5] == "words"
    # 8.6x before a cue's speaker prefix stopped reading the whole cue again and blanks were found without copies
    assert peak < 7 * len(data), f"{peak / len(data):.2f}x the cue size"


def test_the_layout_of_a_document_of_short_lines_is_a_fraction_of_its_size() -> None:
    # Lines of 8 characters on average (every other one blank): splitting the text into line strings made the
    # layout 15 times the document's size at its peak, and tuples of Python ints (80 bytes a line) kept 10 times
    # it; two machine integers a line are 16 bytes, twice the size of these lines.
    from transcript_kit.formats.text import read_layout

    text = "MR. SMITH: Yes.\n\nMS. JONES: No.\n\n" * ((1 << 20) // 32)
    tracemalloc.start()
    try:
        layout = read_layout(text, "x.txt")
        kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(layout.starts) == 4 * ((1 << 20) // 32) + 1
    assert (layout.starts[2], layout.ends[2]) == (17, 31)
    assert text[layout.starts[2] : layout.ends[2]] == "MS. JONES: No."
    assert peak < 3.5 * len(text) and kept < 2.5 * len(text), (peak / len(text), kept / len(text))


def test_a_paragraph_token_does_not_hold_a_second_copy_of_its_text() -> None:
    # The document grammar reads a token's type, the builders its value: a token that was also a copy of its
    # paragraph's text held every word of the document twice until the turns were built.
    import sys

    from transcript_kit.parse import _token

    short, long = _token("PARA", "word " * 2, 0, 10), _token("PARA", "word " * 2000, 0, 10_000)
    assert long.value == "word " * 2000 and long.type == "PARA" and long.end_pos == 10_000
    assert sys.getsizeof(long) == sys.getsizeof(short)


def test_the_tokenizer_lets_go_of_its_trigger_lines_once_every_line_is_looked_at() -> None:
    # A set with a Python int per line holding a trigger ("MR.", "MS."): nearly every line of a document of short
    # turns, nearly three times its size, kept until the whole parse ended.
    from transcript_kit.conventions.catalog import default_conventions
    from transcript_kit.formats.text import read_layout
    from transcript_kit.parse import _Tokenizer

    text = "MR. SMITH: Yes, we did.\n\nMS. JONES: No.\n\n" * 200
    convention, _ = default_conventions().choose(text)
    tokenizer = _Tokenizer(text, read_layout(text), "x.txt", convention)
    tokens = tokenizer.tokens()
    assert [t.value for t in tokens[:4]] == ["MR. SMITH", "Yes, we did.", "MS. JONES", "No."]
    assert tokenizer.triggered is None


def test_a_document_of_short_turns_is_parsed_in_under_five_times_its_size() -> None:
    # A turn every 47 bytes: a label candidate on every other line. As objects in dicts (and the vote's list of
    # them) the candidates made the parse's peak 10.3 times the document; as columns, with the vote counting
    # labels rather than keeping candidates, 3.5 times.
    unit = b"MR. SMITH: Some words said here about the matter at hand.\n\nMS. JONES: And a reply to them.\n\n"
    data = unit * ((1 << 20) // len(unit))
    document, peak = _parsed_with_peak(data, "x.txt", b"MR. SMITH: Hi.\n\nMS. JONES: Hello.\n")
    assert len(document.turns) == 2 * (len(data) // len(unit))
    assert [t.label for t in document.turns[:2]] == ["MR. SMITH", "MS. JONES"]
    assert peak < 5 * len(data), f"{peak / len(data):.2f}x the document size"
