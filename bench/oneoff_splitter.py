"""The baseline: a regex line-splitter written the way a one-off script would be.

    python bench/oneoff_splitter.py FOLDER OUT.jsonl

It knows nothing about front matter, boilerplate, quotations or who a speaker is: a line that starts with an
upper-case label and a colon (``THE PRESIDENT:``) or with ``Q`` and spaces starts a turn, and every other
non-blank line is glued onto the current turn. It is deliberately plain (one regex, one process, the stdlib
json module) so that it stands for what a person would write in ten minutes.
"""

import json
import re
import sys
from pathlib import Path

# "THE PRESIDENT:  No, I didn't." or "Q    Mr. President, ..." (briefings put spaces, not a colon, after Q).
LABEL = re.compile(r"^([A-Z][A-Z .'\-]+:|Q\s)\s*(.*)")


def main() -> None:
    folder, out_path = Path(sys.argv[1]), Path(sys.argv[2])
    n_files = n_turns = 0
    with open(out_path, "w", encoding="utf-8") as out:
        for path in sorted(folder.rglob("*")):
            if path.suffix not in (".txt", ".md") or not path.is_file():
                continue
            n_files += 1
            turn = None
            for line in path.read_text(encoding="utf-8").splitlines():
                line = line.strip()
                if not line:
                    continue
                match = LABEL.match(line)
                if match:
                    if turn:
                        out.write(json.dumps(turn) + "\n")
                        n_turns += 1
                    speaker = match.group(1).rstrip(": ").strip()
                    turn = {"file": str(path.relative_to(folder)), "speaker": speaker, "text": match.group(2)}
                elif turn:
                    turn["text"] += " " + line
                # Lines before the first label (front matter, title, dateline) belong to no turn: dropped.
            if turn:
                out.write(json.dumps(turn) + "\n")
                n_turns += 1
    print(f"{n_files} files, {n_turns} turns -> {out_path}")


if __name__ == "__main__":
    main()
