"""No traceback for a wrong argument to the library's entry points (issue 11)."""

from __future__ import annotations

import pytest

import transcript_kit as tk


@pytest.mark.parametrize("value", [None, 5, ["MR. SMITH: Hi."], {"text": "x"}])
def test_parse_rejects_what_is_not_text_with_the_projects_error(value: object) -> None:
    with pytest.raises(tk.ArgumentError, match="str or bytes") as caught:
        tk.parse(value)  # type: ignore[arg-type]
    assert isinstance(caught.value, TypeError) and isinstance(caught.value, tk.TranscriptKitError)


def test_parse_reads_bytes_as_a_file_is_read() -> None:
    text = "MR. MÜLLER: “Guten Tag.”\n\nMS. JONES: Hello.\n"
    from_bytes = tk.parse(text.encode("utf-16-le"))
    assert from_bytes.text == text and from_bytes.encoding == "utf-16-le"
    assert [t.label for t in from_bytes.turns] == [t.label for t in tk.parse(text).turns]


def test_an_unknown_format_is_a_clear_error_not_text() -> None:
    with pytest.raises(tk.FormatError, match=r"unknown format 'pdf'; choose from .*srt"):
        tk.parse("MR. SMITH: Hi.\n", fmt="pdf")
