"""Nothing on the way from bytes to a parse copies a large document's whole text for a look at its start
(issue 11: bounded memory)."""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable

from transcript_kit.decode import decode
from transcript_kit.formats.tagged import looks_tagged

from .test_formats_tagged import PROCEEDINGS

TEXT = "\n\nMR. SMITH: Some words said here about the matter at hand.\n\nMS. JONES: A reply.\n" * 13_000


def _peak(call: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        call()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_telling_speaker_markup_from_text_reads_only_the_start() -> None:
    # A text opening with blank lines was copied whole (str.lstrip) to see whether it opens with a tag.
    assert not looks_tagged(TEXT) and looks_tagged("\n\n" + PROCEEDINGS)
    assert _peak(lambda: looks_tagged(TEXT)) < 0.01 * len(TEXT)


def test_utf16_without_a_bom_is_looked_at_by_its_head() -> None:
    # Decoded text was encoded again whole to be checked for binary bytes: a second copy of the file.
    data = TEXT.encode("utf-16-le")
    decoded = decode(data, "x.txt")
    assert decoded.text == TEXT and decoded.encoding == "utf-16-le"
    assert _peak(lambda: decode(data, "x.txt")) < 1.5 * len(TEXT), "the text, and no copy of it"
    assert "binary" in _refusal("\x01\x02\x03\x04 text".encode("utf-16-le") * 400)


def _refusal(data: bytes) -> str:
    try:
        decode(data, "x.txt")
    except Exception as error:  # the project's DecodeError, with its message
        return str(error)
    return ""
