"""The long fuzz run: ``python -m fuzz.run --inputs 1000000 --processes 2`` (from the repository, PYTHONPATH=src).

Each process draws inputs from its own seeded ``random.Random`` (seed = --seed + process number, so a run can be
repeated) and checks every one; an input that breaks an invariant is saved under fuzz/crashes/ with the reason.
Prints counts: inputs, documents parsed, inputs refused with a project error, failures, slowest input.
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import random
import time
from collections import Counter
from pathlib import Path

from fuzz.invariants import check_input
from fuzz.mutators import mutated_input

CRASHES = Path(__file__).resolve().parent / "crashes"


def _worker(job: tuple[int, int]) -> Counter[str]:
    seed, count = job
    rng = random.Random(seed)
    counts: Counter[str] = Counter()
    for _ in range(count):
        data, name = mutated_input(rng)
        began = time.thread_time()  # CPU, as the time limit counts it
        try:
            document = check_input(data, name)
        except Exception as error:  # any failure is a finding: keep the input and go on
            counts["failures"] += 1
            digest = hashlib.sha256(data).hexdigest()[:16]
            CRASHES.mkdir(exist_ok=True)
            (CRASHES / f"{digest}{Path(name).suffix}").write_bytes(data)
            reason = f"{type(error).__name__}: {str(error)[:300]}\n"
            (CRASHES / f"{digest}.reason.txt").write_text(reason, encoding="utf-8")
            continue
        finally:
            elapsed_ms = int((time.thread_time() - began) * 1000)
            counts["slowest_ms"] = max(counts["slowest_ms"], elapsed_ms)
        counts["inputs"] += 1
        counts["documents" if document is not None else "refused"] += 1
        counts["turns"] += len(document.turns) if document is not None else 0
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=100_000)
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--chunk", type=int, default=5_000, help="inputs per job (progress is printed per job)"
    )
    args = parser.parse_args()
    jobs = [
        (args.seed + n, min(args.chunk, args.inputs - start))
        for n, start in enumerate(range(0, args.inputs, args.chunk))
    ]
    total: Counter[str] = Counter()
    began = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(args.processes) as pool:
        for counts in pool.imap_unordered(_worker, jobs):
            slowest = max(total["slowest_ms"], counts.pop("slowest_ms", 0))
            total.update(counts)
            total["slowest_ms"] = slowest
            print(
                f"{time.perf_counter() - began:8.0f}s  inputs {total['inputs'] + total['failures']:,}  "
                f"documents {total['documents']:,}  refused {total['refused']:,}  turns {total['turns']:,}  "
                f"failures {total['failures']:,}  slowest {total['slowest_ms']} ms",
                flush=True,
            )


if __name__ == "__main__":
    main()
