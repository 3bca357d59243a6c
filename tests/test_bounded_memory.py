"""A large subtitle cue is parsed in memory proportional to its size (issue 11: bounded memory).

The figure for an 8 MB cue is bench/memory.py's (peak RSS in a fresh process); here tracemalloc counts what the
parse itself allocates for a 1 MB cue, which a table of per-character offsets made two hundred times its size.
"""

from __future__ import annotations

import tracemalloc

from transcript_kit.parse import parse_bytes

UNIT = b"words spoken in one long cue &amp; more "


def test_a_one_megabyte_cue_needs_a_few_times_its_size() -> None:
    data = b"1\n00:00:01,000 --> 00:00:02,000\nAlice: " + UNIT * ((1 << 20) // len(UNIT)) + b"\n"
    parse_bytes(b"1\n00:00:01,000 --> 00:00:02,000\nHi.\n", doc_id="warm", path="x.srt")
    tracemalloc.start()
    try:
        document = parse_bytes(data, doc_id="x", path="x.srt")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    (turn,) = document.turns
    assert turn.label == "Alice" and turn.text.startswith("words spoken") and "& more" in turn.text
    assert document.text[turn.char_start : turn.char_start + 5] == "words"
    assert peak < 12 * len(data), f"{peak / len(data):.1f}x the cue's size"
