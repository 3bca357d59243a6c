"""Inputs for the fuzzers: a piece of a corpus document, then a few mutations, all driven by one ``random.Random``
(hypothesis hands in its own, so a failure shrinks; the long-run driver hands in a seeded one)."""

from __future__ import annotations

import codecs
import functools
import random
from collections.abc import Callable
from pathlib import Path

from transcript_kit.decode import decode
from transcript_kit.formats import MARKUP_CONTROLS, SUFFIX_FORMATS
from transcript_kit.parse import corpus_text_format

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
# Documents of the formats the corpus has none of (a researcher's transcripts, a speech corpus's, a screenplay, ASS
# subtitles): an input parsed under such a name is mostly made from one of them, so the fuzzer reaches past the
# reader's first check. A .txt among them is a format told by its content, and an input named after that format
# ("ice.txt") is made from it.
_TESTS_DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
FORMAT_SEEDS = (_TESTS_DATA / "research", _TESTS_DATA / "corpus_formats", _TESTS_DATA / "asr_json")
SEEDED_SHARE, WHOLE_SEED_SHARE = 0.8, 0.4
# The file names a document is parsed under: the name picks the reader.
NAMES = (
    "x.txt",
    "x.txt",
    "x.txt",
    "x.md",
    "x.srt",
    "x.vtt",
    "x.sbv",
    "x.ttml",
    "x.ass",
    "x.ssa",
    "x.html",
    "x.xml",
    "x.cha",
    "x.TextGrid",
    "x.eaf",
    "x.trs",
    "x.fdx",
    "x.stm",
    "x.trn",
    "x.json",
    "switchboard.txt",
    "callhome.txt",
    "ice.txt",
)
LABELS = (
    "MR. SMITH:",
    "MS. PSAKI:",
    "Q",
    "Q:",
    "SECRETARY BLINKEN:",
    "Mr. McCONNELL.",
    "The PRESIDING OFFICER (Mr. Kyl).",
    "The SPEAKER:",
    "[Inaudible]",
    "(Laughter.)",
    "JUSTICE GINSBURG:",
    "Host:",
    "M. Bernard Lachaume, ministre :",
    "<v Alice>",
    "<u who='#A'>",
    "MR. SMITH [00:01:02]:",
    "00:00:01,000 --> 00:00:02,000",
    "0:00:01.240,0:00:04.110",
    ">> ALEX:",
    '<p begin="00:00:01.001" end="00:00:02.000" ttm:agent="a1">',
    '<tt xmlns="http://www.w3.org/ns/ttml">',
    "Dialogue: 0,0:00:01.00,0:00:02.50,Default,Maya,0,0,0,,",
    "{\\i1}",
    "*MOT:\t",
    "%mor:\t",
    "\x151250_2980\x15",
    '        text = "',
    '"IntervalTier"',
    '<Turn speaker="spk1 spk2" startTime="1" endTime="2">',
    '<Who nb="2"/>',
    '<ALIGNABLE_ANNOTATION ANNOTATION_ID="a9" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts99">',
    '<Paragraph Type="Character"><Text>',
    ";; LABEL",
    "sw_4390 A sw_4390_A 1.210 3.045 <O,F,SW>",
    "inter_segment_gap",
    "0.00 9.21\tLENORE:  \t",
    "243.055\t244.080\t\t",
    ">ENV:\t",
    "FILENAME:\t",
    "=====================",
    "A.1 utt1:  ",
    "    utt2:  ",
    "612.83 616.55 B: ",
    "# ",
    "<I>",
    "</I>",
    "<ICE-GB:S1A-042 #3:1:B> <$B> <#>",
    "<$?>",
    "<&>",
    "</&>",
    '{"segments": [{"start": 0.0, "end": 1.5, "text": " ',
    '"speaker": "SPEAKER_00", ',
    '"utterances": null, ',
    '{"speaker_label": "spk_0", "start_time": "1.5", "alternatives": [{"content": "',
    '"type": "punctuation", "attaches_to": "previous", ',
    '{"speaker": 1, "speaker_name": null, "elements": [{"type": "text", "value": "',
    '"speakerTag": 2, "startOffset": "1.500s", ',
    '"\\u00e9\\"\\ud83d\\ude00", ',
    "WEBVTT",
    "---",
    "“Quoted,” said Smith.",
)
PUNCTUATION = ":.,;()[]{}<>“”\"'—–-…!?*_#|/\\"
LINE_ENDS = ("\n", "\r\n", "\r", "\u2028", "\u2029", "\u0085", "\x0b", "\x0c")
BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
RUN_CHARACTERS = (" ", "\t", "[", "]", "(", ":", "A", "MR. ", "\u00a0", "\u200b", "\n", "-", ".")


@functools.cache
def corpus_lines() -> tuple[tuple[str, ...], ...]:
    """Every text document of the corpus as its lines (with their line ends)."""
    documents = []
    for path in sorted(CORPUS.rglob("*")):
        if path.suffix in SUFFIX_FORMATS and path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            documents.append(tuple(text.splitlines(keepends=True)) or ("",))
    return tuple(documents)


@functools.cache
def format_seeds() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The seed documents of each suffix (lower case), as their lines; a .txt seed's under the format its content
    shows ("switchboard")."""
    seeds: dict[str, list[tuple[str, ...]]] = {}
    for folder in FORMAT_SEEDS:
        for path in sorted(folder.iterdir()) if folder.is_dir() else ():
            fmt = SUFFIX_FORMATS.get(path.suffix.lower())
            if fmt is None or not path.is_file():
                continue
            text = decode(path.read_bytes(), str(path), MARKUP_CONTROLS.get(fmt, b"")).text
            key = corpus_text_format(text) if fmt == "text" else path.suffix.lower()
            if key is not None:
                seeds.setdefault(key, []).append(tuple(text.splitlines(keepends=True)) or ("",))
    return {key: tuple(documents) for key, documents in seeds.items()}


def _seed_key(name: str) -> str:
    """Whose seeds an input parsed under ``name`` is made from: its suffix's, or for a .txt named after a format
    told by content ("ice.txt"), that format's."""
    path = Path(name)
    return path.stem if path.suffix.lower() == ".txt" else path.suffix.lower()


def excerpt(rng: random.Random, name: str = "x.txt") -> list[str]:
    """A window of up to 40 lines of one corpus document; for a format with seed documents, mostly one of those
    (whole, or a window of it)."""
    seeds = format_seeds().get(_seed_key(name))
    if seeds and rng.random() < SEEDED_SHARE:
        lines = rng.choice(seeds)
        if rng.random() < WHOLE_SEED_SHARE:
            return list(lines)
    else:
        lines = rng.choice(corpus_lines())
    start = rng.randrange(len(lines))
    return list(lines[start : start + rng.randint(1, 40)])


def _any_line(rng: random.Random) -> str:
    return rng.choice(rng.choice(corpus_lines()))


def insert_line(rng: random.Random, lines: list[str]) -> None:
    lines.insert(rng.randint(0, len(lines)), _any_line(rng))


def delete_line(rng: random.Random, lines: list[str]) -> None:
    if lines:
        del lines[rng.randrange(len(lines))]


def duplicate_line(rng: random.Random, lines: list[str]) -> None:
    if lines:
        index = rng.randrange(len(lines))
        lines.insert(index, lines[index])


def inject_label(rng: random.Random, lines: list[str]) -> None:
    label = rng.choice(LABELS) + rng.choice(("", " ", "  ", "\t"))
    index = rng.randint(0, len(lines))
    if index < len(lines) and rng.random() < 0.7:
        lines[index] = label + lines[index]
    else:
        lines.insert(index, label + "\n")


def inject_punctuation(rng: random.Random, lines: list[str]) -> None:
    if lines:
        index = rng.randrange(len(lines))
        line = lines[index]
        at = rng.randint(0, len(line))
        lines[index] = line[:at] + rng.choice(PUNCTUATION) * rng.randint(1, 3) + line[at:]


def long_run(rng: random.Random, lines: list[str], runs: tuple[str, ...] = RUN_CHARACTERS) -> None:
    """A long run of blanks, brackets, colons or capitals: the worst case of a backtracking pattern."""
    run = rng.choice(runs) * rng.choice((50, 500, 5_000, 20_000))
    if lines and rng.random() < 0.8:
        index = rng.randrange(len(lines))
        line = lines[index]
        at = rng.randint(0, len(line))
        lines[index] = line[:at] + run + line[at:]
    else:
        lines.append(run)


def change_line_ends(rng: random.Random, lines: list[str]) -> None:
    """Replace some or all line ends by another of Unicode's line breaks."""
    end = rng.choice(LINE_ENDS)
    every = rng.random() < 0.5
    for index, line in enumerate(lines):
        if (every or rng.random() < 0.2) and line.endswith("\n"):
            body = line[:-2] if line.endswith("\r\n") else line[:-1]
            lines[index] = body + end


TEXT_MUTATORS: tuple[Callable[[random.Random, list[str]], None], ...] = (
    insert_line,
    delete_line,
    duplicate_line,
    inject_label,
    inject_punctuation,
    long_run,
    change_line_ends,
)


def encode(rng: random.Random, text: str) -> bytes:
    """The text as bytes: mostly UTF-8, sometimes a legacy or UTF-16/32 encoding, with or without a BOM."""
    choice = rng.random()
    if choice < 0.75:
        data = text.encode("utf-8", "surrogatepass")
    elif choice < 0.85:
        data = text.encode("cp1252", "replace")
    else:
        data = text.encode(rng.choice(("utf-16-le", "utf-16-be", "utf-32-le")), "surrogatepass")
    if rng.random() < 0.1:
        data = rng.choice(BOMS) + data
    return data


def flip_bytes(rng: random.Random, data: bytes) -> bytes:
    if not data:
        return data
    mutable = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        mutable[rng.randrange(len(mutable))] = rng.randrange(256)
    return bytes(mutable)


def mutated(rng: random.Random, documents: tuple[tuple[str, ...], ...]) -> bytes:
    """One of ``documents`` (each a tuple of lines) with lines inserted, deleted, duplicated, labels and punctuation
    injected, long runs, other line ends, in another encoding, and now and then with flipped bytes."""
    lines = list(rng.choice(documents))
    for _ in range(rng.randint(1, 6)):
        rng.choice(TEXT_MUTATORS)(rng, lines)
    data = encode(rng, "".join(lines))
    return flip_bytes(rng, data) if rng.random() < 0.2 else data


def random_bytes(rng: random.Random) -> bytes:
    return rng.randbytes(rng.randint(0, 2000))


def mutated_input(
    rng: random.Random, *, names: tuple[str, ...] = NAMES, runs: tuple[str, ...] = RUN_CHARACTERS
) -> tuple[bytes, str]:
    """One fuzz input: (bytes, the file name they are parsed under)."""
    name = rng.choice(names)
    if rng.random() < 0.05:
        return random_bytes(rng), name
    lines = excerpt(rng, name)
    for _ in range(rng.randint(0, 6)):
        mutator = rng.choice(TEXT_MUTATORS)
        if mutator is long_run:
            long_run(rng, lines, runs)
        else:
            mutator(rng, lines)
    data = encode(rng, "".join(lines))
    if rng.random() < 0.15:
        data = flip_bytes(rng, data)
    return data, name
