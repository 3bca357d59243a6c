"""Printable file names (issue 11)."""

from __future__ import annotations

import os

from transcript_kit.textutil import printable_name, rejoin_hyphenated


def test_a_name_that_is_not_utf8_prints_its_bytes() -> None:
    name = os.fsdecode(b"bad\xff\xfe.txt")
    assert printable_name(name) == "bad\\xff\\xfe.txt"
    assert printable_name("caf\u00e9.txt") == "caf\u00e9.txt"
    assert printable_name("lone\ud800") == "lone\\ud800"  # a surrogate no file name produced


def test_a_word_broken_at_a_lines_end_is_made_whole_and_a_compound_keeps_its_hyphen() -> None:
    assert rejoin_hyphenated("the neces-\nsary step") == "the necessary step"
    assert rejoin_hyphenated("a self-\nevident truth, twenty-\nfive") == "a self-evident truth, twenty-five"
    assert rejoin_hyphenated("мини-\nстерство") == "министерство"


def test_a_hyphen_before_a_capital_a_dash_or_no_line_break_stays() -> None:
    for text in ("Jean-\nPierre", "a long--\nwait", "well-known", "Q-\nand", "no hyphen here"):
        assert rejoin_hyphenated(text) == text
