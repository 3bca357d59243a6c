"""Re-check the saved findings: ``PYTHONPATH=src python -m fuzz.replay`` prints each input's verdict; exit 1
while any still breaks an invariant."""

from __future__ import annotations

import sys

from fuzz.invariants import check_input
from fuzz.run import CRASHES


def main() -> int:
    failing = 0
    for path in sorted(CRASHES.iterdir()):
        if path.name.endswith(".reason.txt") or path.name == "README.md":
            continue
        try:
            check_input(path.read_bytes(), f"x{path.suffix}")
            print(f"fixed    {path.name}")
        except Exception as error:
            failing += 1
            print(f"failing  {path.name}: {type(error).__name__}: {str(error)[:120]}")
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
