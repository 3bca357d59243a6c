"""Honest decoding and every Unicode line end: no word garbled or lost without a warning (issue 11)."""

from __future__ import annotations

import pytest

from transcript_kit.decode import decode
from transcript_kit.parse import parse_bytes, parse_text

UTF8 = "MR. MÜLLER: “We will not,” he said — not today.\n\nMS. JONES: Très bien.\n"


def test_one_bad_byte_keeps_the_file_utf8_and_names_the_offset() -> None:
    data = UTF8.encode()
    at = data.index(b"he said")
    damaged = data[:at] + b"\xff" + data[at:]
    document = parse_bytes(damaged, doc_id="x", path="one-bad-byte.txt")
    assert document.encoding == "utf-8"  # not mac_iceland: the curly quotes and the dash survive
    assert document.text == UTF8[: UTF8.index("he said")] + "\ufffd" + UTF8[UTF8.index("he said") :]
    assert [t.label for t in document.turns] == ["MR. MÜLLER", "MS. JONES"]
    assert any(f"byte offset {at}" in w and "one-bad-byte.txt" in w for w in document.warnings)


def test_mixed_utf8_and_cp1252_lines_are_repaired_line_by_line() -> None:
    data = UTF8.encode() + "\nMR. MÜLLER: C’est déjà fait.\n".encode("cp1252")
    document = parse_bytes(data, doc_id="x", path="mixed.txt")
    assert [t.label for t in document.turns] == ["MR. MÜLLER", "MS. JONES", "MR. MÜLLER"]
    assert document.turns[-1].text == "C’est déjà fait."
    assert "MÃ" not in document.text
    assert any("line 5 not UTF-8, read as cp1252" in w for w in document.warnings)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_without_a_bom_are_read(encoding: str) -> None:
    document = parse_bytes(UTF8.encode(encoding), doc_id="x", path="wide.txt")
    assert document.encoding == encoding and document.text == UTF8
    assert [t.label for t in document.turns] == ["MR. MÜLLER", "MS. JONES"]
    assert any("no byte-order mark" in w for w in document.warnings)


def test_a_legacy_file_says_how_it_was_read() -> None:
    decoded = decode("MR. MÜLLER: café\n".encode("cp1252"), "old.txt")
    assert decoded.text == "MR. MÜLLER: café\n"
    assert decoded.warnings == ("old.txt: not UTF-8; read as cp1252",)


def test_binary_data_is_still_refused() -> None:
    from transcript_kit.errors import DecodeError

    with pytest.raises(DecodeError, match="binary"):
        decode(bytes(range(256)) * 4, "blob.txt")


@pytest.mark.parametrize("end", ["\r", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\r\n"])
def test_every_unicode_line_end_separates_speakers_without_rewriting_the_text(end: str) -> None:
    text = f"MR. SMITH: Hello there, everyone.{end}MS. JONES: Thank you.{end}MR. SMITH: Next question.\n"
    document = parse_text(text, doc_id="x")
    assert document.text == text
    assert [(t.label, t.text) for t in document.turns] == [
        ("MR. SMITH", "Hello there, everyone."),
        ("MS. JONES", "Thank you."),
        ("MR. SMITH", "Next question."),
    ]
    for turn in document.turns:
        assert text[turn.char_start : turn.char_end].endswith(turn.text)


def test_a_bare_cr_inside_an_lf_file_is_a_line_break() -> None:
    text = "MR. SMITH: Hello there.\nMS. JONES: Thanks.\rMR. BROWN: A bare CR.\nMS. JONES: Fine.\n"
    labels = [t.label for t in parse_text(text, doc_id="x").turns]
    assert labels == ["MR. SMITH", "MS. JONES", "MR. BROWN", "MS. JONES"]


def test_a_file_without_a_newline_is_parsed_whole() -> None:
    text = "MR. SMITH: " + "word and more words. " * 50_000  # 1 MB on one line
    document = parse_text(text, doc_id="x")
    kept = sum(len(t.text) for t in document.turns)
    assert kept == len(text.strip()) - len("MR. SMITH: ")


@pytest.mark.parametrize(
    "mark",
    [
        "\u200b",
        "\u200e",
        "\u200f",
        "\ufeff",
        "\u2066",
        "\u2069",
    ],
)
def test_a_format_character_before_a_label_keeps_the_turn(mark: str) -> None:
    text = f"MR. SMITH: Hello there.\n\n{mark}MS. JONES: Thanks.\n\nMR. SMITH: Good.\n\nMS. JONES: Fine.\n"
    document = parse_text(text, doc_id="x")
    assert [t.text for t in document.turns] == ["Hello there.", "Thanks.", "Good.", "Fine."]
    assert document.text == text
