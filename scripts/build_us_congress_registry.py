"""Build the packaged US Congress registry from the congress-legislators upstream files.

    python scripts/build_us_congress_registry.py DIR [OUT]

DIR holds the upstream files (legislators-current.yaml, legislators-departed-since-*.yaml or
legislators-historical.yaml, legislators-historical.csv, executive.yaml; see ../shared/registry-data/us-congress/).
OUT defaults to src/transcript_kit/data/us-congress.json.gz, which the normalizer loads on demand for documents
from a source whose registry entry names "us-congress" (the Congressional Record, congress.gov, govinfo.gov).
The same as ``transcript-kit registry import us-congress DIR --out OUT``; the data is public domain (CC0).
"""

from __future__ import annotations

import sys
from pathlib import Path

from transcript_kit.errors import TranscriptKitError
from transcript_kit.registries import import_registry, write_registry

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0 if argv else 2
    out = Path(argv[1]) if len(argv) > 1 else REPO / "src" / "transcript_kit" / "data" / "us-congress.json.gz"
    try:
        data = import_registry("us-congress", Path(argv[0]))
        write_registry(data, out)
    except TranscriptKitError as error:
        print(f"build_us_congress_registry: error: {error}", file=sys.stderr)
        return 2
    print(f"{out}: {len(data['persons'])} people, {len(data['tenures'])} tenures, {out.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
