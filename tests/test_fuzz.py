"""The fuzz harness in CI: hypothesis drives fuzz/mutators.py (corpus excerpts mutated: lines inserted, deleted and
duplicated, labels and punctuation injected, long runs of blanks and brackets, every line end, BOMs, legacy and
UTF-16/32 encodings, byte flips, random bytes) and every input must keep fuzz/invariants.py's invariants.

A few examples by default, so the suite stays fast; .ci/run sets TK_FUZZ_EXAMPLES for about a minute. The
examples are derandomized: a run is repeatable, and a failure names its input. The long local run is
``python -m fuzz.run`` (bench/README.md has its counts).

Every input the fuzzer ever found breaking an invariant is kept in fuzz/crashes/ and replayed here: each must
keep every invariant now (fuzz/crashes/README.md says what each one broke and what fixed it).
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
from fuzz import mutators
from fuzz.invariants import check_input
from fuzz.run import CRASHES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

EXAMPLES = int(os.environ.get("TK_FUZZ_EXAMPLES", "60"))


@settings(
    max_examples=EXAMPLES,
    deadline=None,  # the invariants carry their own time limit per input
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.randoms(use_true_random=False))
def test_mutated_corpus_inputs_keep_every_invariant(rng: random.Random) -> None:
    data, name = mutators.mutated_input(rng)
    check_input(data, name)


FINDINGS = sorted(p for p in CRASHES.iterdir() if not p.name.endswith(".reason.txt") and p.name != "README.md")


@pytest.mark.parametrize("path", FINDINGS, ids=lambda path: path.name)
def test_every_saved_finding_keeps_every_invariant(path: Path) -> None:
    check_input(path.read_bytes(), f"x{path.suffix}")


def test_the_saved_findings_are_all_replayed() -> None:
    assert {p.suffix for p in FINDINGS} >= {".html", ".srt", ".txt", ".md"}
