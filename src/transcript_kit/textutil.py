"""Small text helpers shared by the readers and the pipeline."""

from __future__ import annotations

import re
from array import array

from transcript_kit.conventions.vocabulary import VOCABULARY

# What a line that ends a sentence (or a quotation, or a bracket) ends with: a hard-wrapped line usually does not.
SENTENCE_END = frozenset(".?!:;\"'”’)")


def offset_array(limit: int) -> array[int]:
    """An empty array for offsets into a text of ``limit`` characters: four bytes an offset while they fit (any
    text below 4G characters), eight beyond."""
    return array("I") if limit < (1 << 32) else array("q")


# Georgian's Mkhedruli letters are lower case to Unicode (and have capitals, Mtavruli), but the script is written
# without case: a Georgian word is neither a sentence's lower-case words nor a name in capitals.
_GEORGIAN = re.compile("[\u10d0-\u10ff]")


def starts_lower(text: str) -> bool:
    """Whether ``text`` opens with a letter in lower case, in a script written with case."""
    first = text[:1]
    return first.islower() and _GEORGIAN.match(first) is None


def without_case(text: str) -> bool:
    """Whether no letter of ``text`` has case as its script is written."""
    rest = _GEORGIAN.sub("", text)
    return rest == rest.upper() == rest.lower()


def normalize_space(text: str) -> str:
    """Runs of white space as one space, none at either end: how a paragraph's text is read from its lines."""
    return " ".join(text.split())


# A word broken at a line's end with a hyphen, its rest in lower case on the next line ("neces-\nsary"): as
# typeset, OCR'd or extracted from a PDF. Letters of the Latin, Greek and Cyrillic alphabets.
_LOWER = "a-zß-öø-ÿāăąćčďđēėęěğīįıķĺļľłńņňōőœŕřśşšţťūůűųźżžά-ώа-я"
_HYPHEN_BREAK = re.compile(rf"([^\W\d_]*[{_LOWER}])-[ \t]*\r?\n[ \t]*(?=[{_LOWER}])")
# Words whose hyphen stays when a line breaks after it ("self-\nevident" is "self-evident").
_HYPHENATED_PREFIXES = frozenset(VOCABULARY.folded("hyphen_prefixes"))


def rejoin_hyphenated(text: str) -> str:
    """``text`` with each word a line break hyphenated made whole ("neces-\nsary" is "necessary"; "self-\nevident"
    keeps its hyphen); ``text`` itself when it holds none."""
    if _HYPHEN_BREAK.search(text) is None:
        return text

    def rejoin(match: re.Match[str]) -> str:
        word = match.group(1)
        return word + "-" if word.casefold() in _HYPHENATED_PREFIXES else word

    return _HYPHEN_BREAK.sub(rejoin, text)


_BLANKS = re.compile(r"\s+")  # \s is str.isspace's whitespace, as split() uses
EXTRA_BLANKS = re.compile(r"[^\S ]|  ")  # whitespace that is not one single space
_BLANKS_FROM = re.compile(r"\s*")
_CHUNK = 1 << 16


def collapse_blanks(run: str) -> str:
    """:func:`normalize_space` without its list of every word (or re.sub's list of every piece), which costs
    fifteen times a long text (an 8 MB subtitle cue, a file without a line break): most texts need no change,
    the others are collapsed a chunk at a time."""
    if len(run) < _CHUNK:
        return normalize_space(run)
    if EXTRA_BLANKS.search(run) is None:
        return run.strip()
    chunks, start = [], 0
    while start < len(run):
        cut = min(len(run), start + _CHUNK)
        blanks = _BLANKS_FROM.match(run, cut)  # never cut a run of blanks in two
        end = blanks.end() if blanks is not None else cut
        chunks.append(_BLANKS.sub(" ", run[start:end]))
        start = end
    return "".join(chunks).strip()


def printable_name(name: str) -> str:
    """A file name as valid UTF-8 text.

    On POSIX a file name is bytes; Python keeps bytes that are not UTF-8 as lone surrogates ("surrogateescape"),
    which no UTF-8 writer accepts. They are shown as ``\\xNN`` instead, so the name can go into every table.
    """
    if name.isascii():
        return name
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that did not come from a file name (a str built by a caller)
        return name.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def undecodable_name_warning(shown: str) -> str:
    return f"{shown}: the file name is not valid UTF-8; its undecodable bytes are shown as \\xNN in path and doc_id"


# The mark of a new speaker in broadcast captions (CEA-608 and the files made from them), at a line's or a cue's
# start or inside it: read as such by the text layout and by the subtitle readers.
CAPTION_MARK = ">>"
