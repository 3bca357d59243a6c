"""Printable file names (issue 11)."""

from __future__ import annotations

import os

from transcript_kit.textutil import printable_name


def test_a_name_that_is_not_utf8_prints_its_bytes() -> None:
    name = os.fsdecode(b"bad\xff\xfe.txt")
    assert printable_name(name) == "bad\\xff\\xfe.txt"
    assert printable_name("caf\u00e9.txt") == "caf\u00e9.txt"
    assert printable_name("lone\ud800") == "lone\\ud800"  # a surrogate no file name produced
