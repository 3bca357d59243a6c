"""Registry speed: loading the packaged US Congress registry, loading many people of one name, and the share of
speaker resolution in the work of converting the bench collection.

    python bench/registry_bench.py [ARCHIVE] [--limit N] [--repeat R]

Prints, each the best of R runs (default 3):
- the starter registry's and the packaged US Congress registry's load time (gzip'd JSON, validated, indexed) and
  the time to merge the two (what a run over Congressional Record documents pays once);
- the load time of 20,000 people sharing one name (linear grouping: a quadratic one took minutes);
- parsing N files of the White House bench collection (``../shared/bench/whitehouse-briefings-bench.tar.gz``,
  or ARCHIVE, or $TRANSCRIPT_KIT_BENCH_ARCHIVE), then resolving their distinct labels, and resolution's share of
  parse + resolve. Writing the tables comes on top of both, so the share of a whole convert is lower still.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

from run_bench import ARCHIVE_ENV, DEFAULT_ARCHIVE, unpack  # noqa: E402

from transcript_kit.evidence import evidence_of  # noqa: E402
from transcript_kit.normalize import Normalizer  # noqa: E402
from transcript_kit.parse import parse_bytes, read_bytes  # noqa: E402
from transcript_kit.registry import Registry, _default, _packaged  # noqa: E402


def best(repeat: int, run: Callable[[], Any]) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return min(times), result


def uncached(loader: Any, *args: str) -> Callable[[], Registry]:
    def run() -> Registry:
        loader.cache_clear()
        return loader(*args)  # type: ignore[no-any-return]

    return run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("archive", nargs="?", type=Path)
    parser.add_argument(
        "--limit", type=int, default=400, help="files of the collection to parse (default 400)"
    )
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    seconds, starter = best(args.repeat, uncached(_default))
    print(
        f"starter registry: {len(starter.persons):>6} people {len(starter.tenures):>6} tenures  {seconds:.3f} s"
    )
    seconds, congress = best(args.repeat, uncached(_packaged, "us-congress"))
    print(
        f"US Congress registry: {len(congress.persons):>6} people {len(congress.tenures):>6} tenures  {seconds:.3f} s"
    )
    seconds, _ = best(args.repeat, lambda: starter.merged(congress))
    print(f"starter + US Congress merged: {seconds:.3f} s")
    persons = [{"id": f"john-smith-{n}", "name": "John Smith"} for n in range(20_000)]
    seconds, _ = best(args.repeat, lambda: Registry.from_dict({"persons": persons}))
    print(f"20,000 people named John Smith: {seconds:.3f} s")

    archive = args.archive or Path(os.environ.get(ARCHIVE_ENV, DEFAULT_ARCHIVE))
    if not archive.is_file():
        print(f"no bench collection at {archive}: resolution share not measured", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        files = unpack(archive, Path(folder), args.limit)
        start = time.perf_counter()
        evidence = [evidence_of(parse_bytes(read_bytes(p), doc_id=p.stem, path=str(p))) for p in files]
        parsing = time.perf_counter() - start
    labels = sum(len(e.labels) for e in evidence)
    resolving, speakers = best(args.repeat, lambda: Normalizer().resolve(evidence))
    share = resolving / (parsing + resolving)
    print(
        f"{len(files)} bench files: parse {parsing:.2f} s, resolve {labels} distinct labels ({len(speakers)} "
        f"(document, label) pairs) {resolving:.3f} s: resolution is {100 * share:.1f}% of parse + resolve"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
