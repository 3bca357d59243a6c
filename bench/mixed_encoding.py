"""Repairing a file that mixes UTF-8 and cp1252 lines: transcript-kit's per-line fallback against ftfy.

    PYTHONPATH=src python bench/mixed_encoding.py      (ftfy is optional: pip install ftfy)

Builds a 1 MB document whose lines alternate between UTF-8 and cp1252 (names with umlauts, curly quotes, dashes,
accented words) and reports, for each method, the time and how many lines come back exactly as written.
"""

from __future__ import annotations

import time

from transcript_kit.decode import decode

LINES = (
    "MR. MÜLLER: “We will not,” he said — not today.",
    "MS. DUPONT: C’est déjà fait; the café reopened.",
    "THE CHAIR: Señor Núñez, ¿está usted listo? Quite so…",
    "MR. SMITH: Plain ASCII line with nothing to repair.",
    "MS. ØSTERGÅRD: Æble og grød – 50 € each.",
)


def build(size: int = 1 << 20) -> tuple[bytes, list[str]]:
    data, expected = bytearray(), []
    number = 0
    while len(data) < size:
        line = LINES[number % len(LINES)]
        data += (line + "\n").encode("utf-8" if number % 2 else "cp1252")
        expected.append(line)
        number += 1
    return bytes(data), expected


def score(text: str, expected: list[str]) -> int:
    return sum(got == want for got, want in zip(text.split("\n"), expected))


def main() -> None:
    data, expected = build()
    began = time.perf_counter()
    ours = decode(data, "mixed.txt")
    seconds = time.perf_counter() - began
    print(
        f"per-line fallback: {seconds * 1000:7.1f} ms, {score(ours.text, expected):,}/{len(expected):,} lines exact"
    )
    try:
        import ftfy
        import ftfy.bad_codecs  # registers "sloppy-windows-1252"
    except ImportError:
        print("ftfy: not installed")
        return
    began = time.perf_counter()
    # ftfy repairs text, not bytes: read the whole file as cp1252 (the only way every byte decodes), then let
    # ftfy undo the mojibake of the UTF-8 lines, line by line.
    config = ftfy.TextFixerConfig(
        unescape_html=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        normalization=None,
        fix_character_width=False,
        fix_latin_ligatures=False,
        remove_control_chars=False,
    )
    sloppy = data.decode("sloppy-windows-1252")
    fixed = "".join(ftfy.fix_text(line, config) for line in sloppy.splitlines(keepends=True))
    seconds = time.perf_counter() - began
    print(
        f"ftfy {ftfy.__version__}:        {seconds * 1000:7.1f} ms, {score(fixed, expected):,}/{len(expected):,} lines exact"
    )


if __name__ == "__main__":
    main()
