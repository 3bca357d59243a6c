"""decode: bytes to text only — BOMs, strict UTF-8, legacy fallback, binary refused, text never rewritten."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transcript_kit.decode import decode
from transcript_kit.errors import DecodeError, TranscriptKitError

SAMPLE = "SECRETARY BLINKEN:\u00a0Well — “thank you”, Mr. Prime Minister.\r\nMinister Šarec: Vučić.\n"


@pytest.mark.parametrize(
    ("bom", "codec", "name"),
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    ],
)
def test_a_bom_chooses_the_encoding_and_is_not_part_of_the_text(bom: bytes, codec: str, name: str) -> None:
    decoded = decode(bom + SAMPLE.encode(codec))
    assert decoded.text == SAMPLE
    assert decoded.encoding == name


def test_utf8_is_decoded_strictly_and_newlines_are_kept() -> None:
    decoded = decode(SAMPLE.encode("utf-8"))
    assert decoded.text == SAMPLE
    assert decoded.encoding == "utf-8"
    assert "\r\n" in decoded.text


def test_cp1252_text_falls_back_to_a_legacy_encoding() -> None:
    text = "Caf\u00e9 \u2014 \u201cquoted\u201d, na\u00efve r\u00e9sum\u00e9 of the briefing.\n" * 3
    decoded = decode(text.encode("cp1252"))
    assert decoded.text == text
    assert decoded.encoding == "cp1252"


def test_binary_input_is_refused_with_the_path_in_the_message() -> None:
    with pytest.raises(DecodeError, match=r"scan\.pdf.*binary") as caught:
        decode(b"%PDF-1.7\x00\x01\x02\x03" + bytes(range(256)), "scan.pdf")
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, TranscriptKitError)


@given(st.binary(max_size=2048))
def test_arbitrary_bytes_decode_or_raise_decode_error(data: bytes) -> None:
    try:
        decoded = decode(data)
    except DecodeError:
        return
    assert isinstance(decoded.text, str)


@given(st.text(max_size=500))
def test_any_utf8_text_round_trips_unchanged(text: str) -> None:
    if "\x00" in text or any(ord(c) < 32 and c not in "\t\n\r\x0c\x1b" for c in text):
        return
    decoded = decode(text.encode("utf-8"))
    assert decoded.text == text


def test_a_nul_byte_anywhere_marks_binary_and_its_offset_is_given() -> None:
    data = b"SECRETARY BLINKEN: Hello.\n" * 1000 + b"a\x00b"
    with pytest.raises(DecodeError, match=rf"byte {len(data) - 2}:"):
        decode(data, "late-nul.txt")
