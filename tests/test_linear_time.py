"""Worst cases of every pattern, each under a generous bound: no input makes the parser hang (issue 11).

A backtracking pattern that is quadratic in a run of blanks takes minutes on 64k of them; a linear one takes
milliseconds. The bounds are 50-100x what a linear parse needs, so a slow CI machine does not fail them, while a
quadratic pattern does. bench/linear.py shows the figures for 1-4 MB.
"""

from __future__ import annotations

import contextlib
import functools
import re
import time
from collections import Counter

import pytest
from lark.lexer import Token

from transcript_kit import labels, prose
from transcript_kit.errors import TranscriptKitError
from transcript_kit.parse import parse_bytes, parse_text

RUN = 64_000
BOUND = 2.0  # seconds


def _timed(action: object) -> float:
    began = time.perf_counter()
    action()  # type: ignore[operator]
    return time.perf_counter() - began


@pytest.mark.parametrize(
    "document",
    [
        pytest.param("MR. SMITH:" + " " * RUN + "word\n\nMS. JONES: Fine.\n", id="blanks-after-label"),
        pytest.param("MR. SMITH:" + "\t " * (RUN // 2) + "word\n\nMS. JONES: Fine.\n", id="tabs-after-label"),
        pytest.param("MR. SMITH:" + "[" * RUN + "word\n\nMS. JONES: Fine.\n", id="brackets-after-label"),
        pytest.param("MR. SMITH:" + "(" * RUN + "\n\nMS. JONES: Fine.\n", id="parentheses-after-label"),
        pytest.param("MR. SMITH:" + ":" * RUN + "\n\nMS. JONES: Fine.\n", id="colons-after-label"),
        pytest.param("MR. SMITH:" + "A" * RUN + "\n\nMS. JONES: Fine.\n", id="capitals-after-label"),
        pytest.param("MR. SMITH [" + " " * RUN + "\n\nMS. JONES: Fine.\n", id="open-bracket-then-blanks"),
        pytest.param("MR. SMITH" + " " * RUN + ":\n\nMS. JONES: Fine.\n", id="blanks-before-colon"),
        pytest.param("Q" + " " * RUN + "x\n\nMS. JONES: Fine.\n", id="blanks-after-Q"),
        pytest.param("MR. " * (RUN // 4) + ": x\n", id="honorifics"),
        pytest.param("A. " * (RUN // 3) + ": x\n", id="initials"),
        pytest.param(
            "MR. SMITH: hello" + " " * RUN + "(Laughter.)\n\nMS. JONES: Fine.\n", id="blanks-then-note"
        ),
        pytest.param("MR. SMITH: " + "word and more words. " * RUN, id="one-line-of-1.3MB"),
        # A run of capitals after "  Mr. " in a document's opening: a profile's evidence pattern once tried every
        # split of it (fuzz/crashes/7143ed41e4c9fe5f.txt took 54 s).
        pytest.param("\n".join(f"  Mr. Ab{'C' * 400}d" for _ in range(80)) + "\n", id="capitals-in-evidence"),
        # A name line whose label runs on over a long run of blanks to a bracket: the search for a recording time
        # at the label's end tried "\s*" from every blank (fuzz/crashes/5f60ba2e036f9b3e.txt: 1.9 s on 41 KB).
        pytest.param(
            "Podcast" + " " * RUN + "prep call (ferries)\n\nLorna Castellanos  0:16\nHi.\n\nBen Aurich  0:20\nYo.\n",
            id="blanks-before-a-bracket-ending-a-label",
        ),
        # A header field followed by a long run of blanks: the pattern reading a field's value backtracked over every
        # split of the run (fuzz/crashes/c5dbb33e23e82903.md: 74 s on 20 KB).
        pytest.param(
            "Date: March 14, 20" + " " * RUN + "24\nLocation: Ridgeford\n\nJT: Where were you born?\n\n"
            "MH: In Ridgeford.\n\nJT: When?\n\nMH: In 1941.\n",
            id="blanks-after-a-header-field",
        ),
        # Paged text whose pages open alike, with long runs of blank lines: dropping the page heads looked at each
        # blank line's neighbours across its whole run (fuzz/crashes/form-feed-blank-runs.txt: 1.8 s on 11 KB).
        pytest.param(
            "".join(f"\fPage head\n\nMR. SMITH: Page {n}.\n" + "\n" * (RUN // 8) for n in range(4)),
            id="blank-runs-between-page-heads",
        ),
    ],
)
def test_a_long_run_after_a_label_parses_in_linear_time(document: str) -> None:
    assert _timed(lambda: parse_text(document, doc_id="x")) < BOUND


def test_many_distinct_labels_parse_in_linear_time() -> None:
    def name(number: int) -> str:
        letters = ""
        while True:
            letters += chr(65 + number % 26)
            number //= 26
            if not number:
                return letters

    document = "".join(f"MR. {name(i)}X: Some words said here.\n\n" for i in range(20_000))
    assert _timed(lambda: parse_text(document, doc_id="x")) < 4 * BOUND


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "“We have done what we could for the people,”" + " " * RUN + "x\n", id="quote-then-blanks"
        ),
        pytest.param(
            "“We have done what we could for the people,” ," + " " * RUN + "x\n", id="comma-then-blanks"
        ),
        pytest.param("“We have done what we could,” said" + " " * RUN + "x\n", id="verb-then-blanks"),
        pytest.param("“We have done what we could,” Minister" + " " * RUN + "x\n", id="name-then-blanks"),
        pytest.param("“Quoted words here,” " * (RUN // 16), id="many-quotations"),
    ],
)
def test_quotation_patterns_are_linear(text: str) -> None:
    paragraph = Token("PARAGRAPH", text, start_pos=0, end_pos=len(text))
    assert _timed(lambda: prose.quotations(text, [paragraph])) < BOUND


def test_quotation_patterns_still_find_their_speakers() -> None:
    text = "“We will not give up on this,” Minister Šarec underlined. “It is done,” said Mayor Novak."
    paragraph = Token("PARAGRAPH", text, start_pos=0, end_pos=len(text))
    assert [t.label for t in prose.quotations(text, [paragraph])] == ["Minister Šarec", "Mayor Novak"]


CUE = "1\n00:00:01,000 --> 00:00:02,000\n"


@pytest.mark.parametrize(
    ("data", "name"),
    [
        pytest.param(CUE + "Alice:" + " " * RUN + "x\n", "x.srt", id="srt-blanks"),
        pytest.param(CUE + "<" * RUN + "x\n", "x.srt", id="srt-open-angles"),
        pytest.param(CUE + "<i" * RUN + "x\n", "x.srt", id="srt-open-tags"),
        pytest.param(CUE + "&" * RUN + "x\n", "x.srt", id="srt-ampersands"),
        pytest.param(CUE + "{\\" * RUN + "x\n", "x.srt", id="srt-ass-tags"),
        pytest.param(CUE + "a: " * RUN + "\n", "x.srt", id="srt-prefixes"),
        pytest.param(
            "1\n00:00:01,000" + " " * RUN + "-->" + " " * RUN + "00:00:02,000\nhi\n", "x.srt", id="srt-timing"
        ),
        pytest.param("WEBVTT\n\n00:01.000 --> 00:02.000\n<v" + " " * RUN + "x\n", "x.vtt", id="vtt-voice"),
    ],
)
def test_subtitle_worst_cases_are_linear(data: str, name: str) -> None:
    def parse() -> None:
        with contextlib.suppress(TranscriptKitError):  # refusing the input quickly is fine too
            parse_bytes(data.encode(), doc_id="x", path=name)

    assert _timed(parse) < BOUND


def test_each_distinct_label_is_parsed_once_per_document_even_past_the_label_cache(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A document with more distinct labels than the process-wide label cache holds (65,536 there, 8 here): a cache
    # alone evicts each label before its next look (the label grammar is asked at every candidate, verdict and
    # turn), so time grew faster than size; the document's own memo keeps each parse for the whole document.
    parsed: Counter[str] = Counter()
    grammar = labels._parse_label.__wrapped__

    def counted(text: str) -> object:
        parsed[text] += 1
        return grammar(text)

    monkeypatch.setattr(labels, "_parse_label", functools.lru_cache(maxsize=8)(counted))
    names = [f"MR. {first}{second}X" for first in "ABCDEFG" for second in "HIJKLMN"]
    document = parse_text("".join(f"{name}: Some words said here.\n\n" for name in names * 2))
    assert [t.label for t in document.turns] == names * 2
    assert set(parsed) >= set(names) and max(parsed.values()) == 1, parsed.most_common(3)



# Every pattern of every built-in profile, used as the parser uses it, fed the line openers real documents print
# followed by a long run of one character and a tail: a pattern that backtracks over every split of the run is
# quadratic (or worse) in it. Shapes match raw lines at their start (runs of blanks included); rules match a whole
# paragraph and inline notes are searched in one, both with blanks collapsed. The tail that ends a line past every
# bound a pattern sets is the one that makes a failing match backtrack (fuzz/crashes/1030a9d4228812aa.md: "Name - ",
# 25k tabs and a firm's name took 1.9 s in the earnings-call dash-title shape; the sweep takes it 1.5 s at 2,000).
SWEEP_RUN = 2_000
SWEEP_BOUND = 0.25  # seconds per pattern and line; a linear pattern takes well under a millisecond
_OPENERS = ("Declan O'Rourke - ", "MR. SMITH:", "MR. SMITH ", "Jane Doe, ", "Q", "00:01:02 ", "[", "(", "** ")
_RUNS = (" ", "\t", "-", ".", "A", "a", ":", "(", "[", ")", "]", ",", "ab ")
_TAILS = ("]]x", "Pemberly Research" + " and words" * 12)
_QUOTED = re.compile(r"'([^'\n]{1,60})'")


def _sweep(kind: str) -> list[tuple[float, str, str]]:
    import re

    from transcript_kit.conventions.catalog import builtin
    from transcript_kit.conventions.profile import scoped

    patterns: dict[str, tuple[str, tuple[str, ...]]] = {}
    for profile in builtin().values():
        entries = {"shapes": profile.shapes, "rules": profile.rules, "notes": profile.inline_notes}[kind]
        # Each pattern is also fed the examples its reason quotes ('Topics', 'Copyright © 2026 NPR'), cut to
        # their first word or two: a pattern that opens with a keyword is only tried past it.
        patterns.update(
            (scoped(entry.pattern), (entry.name, tuple(" ".join(q.split()[:2]) + " " for q in _QUOTED.findall(entry.reason))))
            for entry in entries
        )
    slow = []
    for pattern, (name, examples) in patterns.items():
        compiled = re.compile(pattern)
        attempt = {"shapes": compiled.match, "rules": compiled.fullmatch, "notes": compiled.search}[kind]
        for opener in (*_OPENERS, *examples):
            for run in _RUNS:
                for tail in _TAILS:
                    line = opener + run * SWEEP_RUN + tail
                    if kind != "shapes":
                        line = " ".join(line.split())
                    seconds = _timed(functools.partial(attempt, line))
                    if seconds > SWEEP_BOUND:
                        place = f"{opener!r} + {run!r} x {SWEEP_RUN} + {tail[:9]!r}"
                        slow.append((round(seconds, 2), name, place))
    return slow


@pytest.mark.parametrize("kind", ["shapes", "rules", "notes"])
def test_every_profile_pattern_is_linear_on_long_runs(kind: str) -> None:
    assert _sweep(kind) == []
