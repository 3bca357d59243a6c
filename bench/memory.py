"""Peak memory of parsing one large document, against its size (issue 11: bounded memory).

    PYTHONPATH=src python bench/memory.py                 # an 8 MB subtitle cue and two 50 MB text documents
    PYTHONPATH=src python bench/memory.py --text-mb 10    # smaller text documents
    PYTHONPATH=src python bench/memory.py --text-mb 2 --traced   # and what tracemalloc counts (slower)

The text documents: one of short turns (two labels and two short sentences repeated, a turn every 47 bytes,
ASCII) and a briefing (corpus/whitehouse-briefings' press briefing repeated: turns of a few hundred characters
with curly quotes, so Python holds its text in two bytes a character).

Each case runs in a fresh subprocess that builds the document, parses it with ``parse_bytes`` and reports its
peak resident set size (``resource.getrusage(RUSAGE_SELF).ru_maxrss``); the baseline is the same process parsing a
tiny document, so "over baseline" is what the large document itself costs. The target is under 5x the document's
size. ``--traced`` also counts the parse's Python allocations with tracemalloc (the input's bytes not counted;
tracing makes the RSS figures larger): what the parsed document keeps, and the parse's peak, as multiples of its
size.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

BRIEFING = (
    Path(__file__).resolve().parent.parent
    / "corpus/whitehouse-briefings/raw/2021-07-16-press-briefing-by-press-secretary-jen-psaki-july-16-2021.txt"
)
CHILD = r"""
import json, resource, sys, time
from transcript_kit.parse import parse_bytes
kind, size = sys.argv[1], int(sys.argv[2])
parse_bytes(b"MR. SMITH: Hi.\n\nMS. JONES: Hello.\n", doc_id="warm", path="x.txt")
parse_bytes(b"1\n00:00:01,000 --> 00:00:02,000\nHi.\n", doc_id="warm", path="x.srt")
if kind == "cue":
    unit = b"words spoken in one long cue "
    data, name = b"1\n00:00:01,000 --> 00:00:02,000\nAlice: " + unit * (size // len(unit)) + b"\n", "x.srt"
elif kind == "briefing":
    from pathlib import Path
    text = Path(BRIEFING).read_text(encoding="utf-8")
    unit = (text.split("\n---\n", 1)[-1] + "\n\n").encode()
    data, name = unit * (size // len(unit)), "x.txt"
elif kind == "text":
    unit = b"MR. SMITH: Some words said here about the matter at hand.\n\nMS. JONES: And a reply to them.\n\n"
    data, name = unit * (size // len(unit)), "x.txt"
else:
    data, name = b"", "x.txt"
traced = sys.argv[3] == "traced"
if traced:
    import tracemalloc
    tracemalloc.start()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
began = time.perf_counter()
document = parse_bytes(data, doc_id="bench", path=name) if data else None
seconds = time.perf_counter() - began
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
kept, traced_peak = tracemalloc.get_traced_memory() if traced else (0, 0)
print(json.dumps({"bytes": len(data), "before_kb": before, "peak_kb": peak, "seconds": seconds,
                  "turns": len(document.turns) if document else 0, "kept": kept, "traced_peak": traced_peak}))
"""


def measure(kind: str, size: int, traced: bool = False) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, ["src", os.environ.get("PYTHONPATH")]))}
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            CHILD.replace("BRIEFING", repr(str(BRIEFING))),
            kind,
            str(size),
            "traced" if traced else "rss",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    result: dict[str, float] = json.loads(done.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cue-mb", type=float, default=8)
    parser.add_argument("--text-mb", type=float, default=50)
    parser.add_argument("--traced", action="store_true", help="also count Python allocations (tracemalloc)")
    args = parser.parse_args()
    baseline = measure("none", 0)["peak_kb"]
    print(f"baseline (interpreter, transcript-kit loaded, a tiny parse): {baseline / 1024:.0f} MB peak")
    traced = "  traced: kept x  peak x" if args.traced else ""
    print(f"{'document':22s} {'MB':>6s} {'peak MB':>8s} {'over base':>9s} {'x size':>7s} {'seconds':>8s}{traced}")
    for kind, label, megabytes in (
        ("cue", "one subtitle cue", args.cue_mb),
        ("text", "text, short turns", args.text_mb),
        ("briefing", "text, a briefing", args.text_mb),
    ):
        result = measure(kind, int(megabytes * (1 << 20)), args.traced)
        size_mb = result["bytes"] / (1 << 20)
        over = (result["peak_kb"] - baseline) / 1024
        extra = (
            f"  {result['kept'] / result['bytes']:15.2f} {result['traced_peak'] / result['bytes']:7.2f}"
            if args.traced
            else ""
        )
        print(
            f"{label:22s} {size_mb:6.1f} {result['peak_kb'] / 1024:8.0f} {over:9.0f} {over / size_mb:7.1f} "
            f"{result['seconds']:8.1f}{extra}",
            flush=True,
        )


if __name__ == "__main__":
    main()
