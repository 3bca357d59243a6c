"""Parse time against input size, for ordinary and adversarial documents (issue 11: linear time).

    PYTHONPATH=src python bench/linear.py              # 1, 2 and 4 MB of each document kind
    PYTHONPATH=src python bench/linear.py --sizes 1    # 1 MB only

Every document goes through ``parse_bytes``, as convert reads a file. The reference is a 1 MB ordinary briefing
(the press briefing of corpus/whitehouse-briefings repeated); the target is each kind's 1 MB within 5x of it, and
time growing in proportion to size (the "per MB" column stays flat). Adversarial kinds are the worst cases of the
patterns: long runs of blanks, brackets, colons and capitals after a label, many distinct labels, quotations
followed by long gaps, one line without a newline, one huge subtitle cue.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from transcript_kit.parse import parse_bytes

MB = 1 << 20
BRIEFING = (
    Path(__file__).resolve().parent.parent
    / "corpus/whitehouse-briefings/raw/2021-07-16-press-briefing-by-press-secretary-jen-psaki-july-16-2021.txt"
)


def _repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit.encode()))


def ordinary(size: int) -> str:
    text = BRIEFING.read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[-1] if text.startswith("---") else text
    return _repeat(body + "\n\n", size)


def run_after_label(character: str) -> Callable[[int], str]:
    def build(size: int) -> str:
        # runs of 64k: each one a worst case, many of them to reach the size
        return _repeat("MR. SMITH:" + character * 65_536 + "word\n\nMS. JONES: Fine.\n\n", size)

    return build


def distinct_labels(size: int) -> str:
    lines, number = [], 0
    total = 0
    while total < size:
        name, n = "", number
        while True:
            name, n = name + chr(65 + n % 26), n // 26
            if not n:
                break
        line = f"MR. {name}X: Some words said here about the matter.\n\n"
        lines.append(line)
        total += len(line)
        number += 1
    return "".join(lines)


def quotation_gaps(size: int) -> str:
    return _repeat(
        "“We have done what we could for the people,”" + " " * 65_536 + "said Minister Novak.\n\n", size
    )


def one_line(size: int) -> str:
    return "MR. SMITH: " + _repeat("word and more words. ", size)


def subtitle_cue(size: int) -> str:
    return "1\n00:00:01,000 --> 00:00:02,000\nAlice: " + _repeat("words spoken in one long cue ", size) + "\n"


KINDS: dict[str, tuple[Callable[[int], str], str]] = {
    "ordinary briefing": (ordinary, "x.txt"),
    "blanks after a label": (run_after_label(" "), "x.txt"),
    "brackets after a label": (run_after_label("["), "x.txt"),
    "colons after a label": (run_after_label(":"), "x.txt"),
    "capitals after a label": (run_after_label("A"), "x.txt"),
    "distinct labels": (distinct_labels, "x.txt"),
    "quotation gaps": (quotation_gaps, "x.txt"),
    "one line, no newline": (one_line, "x.txt"),
    "one subtitle cue": (subtitle_cue, "x.srt"),
}


def timed(data: bytes, name: str) -> float:
    began = time.perf_counter()
    parse_bytes(data, doc_id="bench", path=name)
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,2,4", help="sizes in MB, comma-separated")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    # Warm up: grammars load and each kind's profile compiles once a process, as for the reference (a one-time
    # cost, not a per-MB one: the distinct labels' base profile was compiled inside its first timing).
    for build, name in KINDS.values():
        timed(build(MB // 16).encode(), name)
    reference = timed(ordinary(MB).encode(), "x.txt")
    print(f"{'document':24s} {'MB':>4s} {'seconds':>8s} {'per MB':>7s} {'x ref':>6s}")
    for kind, (build, name) in KINDS.items():
        for size in sizes:
            data = build(size * MB).encode()
            seconds = timed(data, name)
            megabytes = len(data) / MB
            print(
                f"{kind:24s} {megabytes:4.1f} {seconds:8.2f} {seconds / megabytes:7.2f} "
                f"{seconds / megabytes / reference:6.2f}",
                flush=True,
            )
    print(
        f"reference: 1 MB ordinary briefing in {reference:.2f} s; 'x ref' is time per MB over it (target < 5)"
    )


if __name__ == "__main__":
    main()
