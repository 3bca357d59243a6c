"""Coverage-guided fuzzing of parse_bytes with atheris (``pip install atheris``; not needed by CI):

    PYTHONPATH=src:. python fuzz/atheris_parse.py -atheris_runs=1000000 corpus-dir/

The first byte of each input picks the file name (and so the reader); the rest are the file's bytes. An input that
raises anything but the project's errors, or breaks an invariant (fuzz/invariants.py), is a crash for atheris.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from fuzz.invariants import check_input
    from fuzz.mutators import NAMES


def test_one_input(data: bytes) -> None:
    if not data:
        return
    check_input(data[1:], NAMES[data[0] % len(NAMES)])


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
