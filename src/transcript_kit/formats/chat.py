"""CHAT transcripts (``.cha``: CHILDES and the other TalkBank corpora)::

    @UTF8
    @Begin
    @Participants:  CHI Lily Target_Child, MOT Mother
    *MOT:   where's the ball ? ·1250_2980·
    %mor:   adv|where~cop|be&3S det:art|the n|ball ?
    %com:   points at the toy box
    *CHI:   <ball> [/] ball there &=laughs .
            over there .
    @End

Headers start with ``@``, an utterance with ``*`` and its speaker's code, a dependent tier (morphology, actions,
comments) with ``%``, each code followed by a colon and a tab; a line opening with a tab goes on with the line
above. Only utterances are speech: a dependent tier is not, though a ``%com`` comment is kept as a note on its
turn. Consecutive utterances of one speaker make one turn (:class:`~transcript_kit.formats.subtitles.CueTurns`),
timed by their bullets (``·1250_2980·`` above: milliseconds between two U+0015 characters).

The label is the speaker's code as printed (``MOT``); the ``@Participants`` entry explains it (``CHI Lily
Target_Child``: the name Lily, the role Target Child), and that explanation is the label's parsed form, so the
speaker's name and role reach their identity. CHAT's transcription codes are no words: bullets, codes in square
brackets (retracings ``[/]``, glosses ``[= …]``, errors ``[*]``, overlaps ``[>]``), sounds and actions (``&=laughs``),
pauses (``(.)``), linkers and terminators made with ``+`` (``+...``, ``+/.``), a lone ``0`` (an action without
words), the angle brackets that scope a code, the marks of fillers and fragments (``&-um``, ``&+fr``) and of
special forms (``doggie@c``): they are left out of a turn's text, whose words stay as printed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from transcript_kit.errors import ParseError, describe_place
from transcript_kit.formats.lines import line_spans
from transcript_kit.formats.reading import Reading
from transcript_kit.formats.subtitles import CueTurns
from transcript_kit.labels import parse_label
from transcript_kit.model import Label

__all__ = ["read_chat"]

_UTTERANCE = re.compile(r"\*(?P<code>[^\s:]+):[ \t]*")
_DEPENDENT = re.compile(r"%(?P<tier>[^\s:]+):[ \t]*")
_HEADER = re.compile(r"@(?P<name>[^:\t\r\n]*)(?::[ \t]*)?")
_COMMENT_TIER = "com"
# A bullet's times in milliseconds (twelve digits at most: thirty years of recording; more is damage).
_BULLET_TIME = re.compile(r"\x15[^\x15\r\n]*?(?<!\d)(?P<start>\d{1,12})_(?P<end>\d{1,12})\x15")

# What an utterance prints that is no word: each pattern is replaced by a space, except the marks glued to a word's
# sounds (the last group), which are only removed.
_NOT_WORDS = re.compile(
    "|".join(
        (
            r"\x15[^\x15\r\n]*\x15",  # a timing bullet: U+0015 1250_2980 U+0015
            r"\[[^\[\]\r\n]*\]",  # a code in brackets: [/], [//], [= gloss], [: target], [*], [+ bch], [>], [- spa]
            r"&[=*]\S+",  # a sound or action (&=laughs, &=imit:dog), another speaker's interjection (&*MOT:yeah)
            r"\(\.+\)|\((?:\d+:)?\d+(?:\.\d*)?\)",  # a pause: (.), (..), (...), (2.5), (1:05.2)
            r"(?<!\S)\+[^\s\w]*",  # a linker or a terminator made with "+": +..., +/., +//., +", +<, ++
            r"(?<!\S)0(?!\S)",  # "0": an action without words
            r"[<>‹›]",  # where a code's scope begins and ends: <ball ball> [/]
            # a filler's or fragment's mark opening a word (&-um, &+fr), a special form's closing one (doggie@c,
            # "<doggie@c> [/]"); not one a bracket closes outside any code ("Ò@Co]ment:" is no word with a mark)
            r"(?P<glued>(?<![^\s<‹])&[-+~]|(?<=\w)@[\w:$]+(?![^\s\x15\[<>]))",
        )
    )
)
_WORD = re.compile(r"\w")


@attrs.frozen(slots=True)
class _Line:
    """A line of the transcript with the lines that go on from it (they open with a tab)."""

    start: int
    end: int

    def text(self, source: str) -> str:
        return source[self.start : self.end]


def _logical_lines(text: str) -> Iterator[_Line]:
    """The transcript's lines, each with its continuation lines; blank lines are skipped."""
    start: int | None = None
    end = 0
    for line_start, line_end in line_spans(text):  # (from after a BOM the decoder left: no text)
        if line_start == line_end or text[line_start:line_end].isspace():
            continue
        if start is not None and text[line_start] in " \t":
            end = line_end
            continue
        if start is not None:
            yield _Line(start, end)
        start, end = line_start, line_end
    if start is not None:
        yield _Line(start, end)


def _participants(value: str) -> dict[str, Label]:
    """Each code of an ``@Participants`` header with the label it explains: "CHI Lily Target_Child" is the name
    Lily and the role Target Child ("_" joins the words of a name or role in CHAT), "MOT Mother" the role only."""
    labels: dict[str, Label] = {}
    for entry in value.split(","):
        words = entry.split()
        if not words:
            continue
        code, role = words[0], " ".join(words[-1].split("_")) if len(words) > 1 else ""
        name = " ".join(" ".join(words[1:-1]).split("_"))
        named = parse_label(name) if name else None
        titles = (role,) if role else ()
        if named is not None:
            labels[code] = attrs.evolve(named, raw=code, titles=(*named.titles, *titles))
        elif titles:
            labels[code] = Label(raw=code, titles=titles)
    return labels


def _words(source: str, start: int, end: int) -> tuple[str, int, int] | None:
    """An utterance's words (codes left out, blanks made single) and the span from its first to its last visible
    character; None where it holds no word."""
    pieces: list[str] = []
    first: int | None = None
    last = start
    position = start

    def keep(a: int, b: int) -> None:
        nonlocal first, last
        run = source[a:b]
        if run.strip():
            lead = len(run) - len(run.lstrip())
            first = a + lead if first is None else first
            last = a + len(run.rstrip())
        pieces.append(run)

    for code in _NOT_WORDS.finditer(source, start, end):
        keep(position, code.start())
        if code["glued"] is None:
            pieces.append(" ")
        position = code.end()
    keep(position, end)
    text = " ".join("".join(pieces).split())
    if first is None or _WORD.search(text) is None:
        return None
    return text, first, last


def read_chat(text: str, path: str | None = None) -> Reading:
    """The turns of a CHAT transcript (see the module's docstring)."""
    turns: CueTurns | None = None
    labels: dict[str, Label] = {}
    pending: tuple[str, tuple[str, int, int], int | None, int | None] | None = None  # the utterance being read
    notes: list[str] = []
    seen_any = False

    def said() -> None:
        """The utterance read so far (with the comments on it) joins its speaker's turn."""
        nonlocal pending
        if pending is not None:
            code, (words, start, end), start_ms, end_ms = pending
            assert turns is not None
            turns.add(code, words, start, end, start_ms, end_ms, notes=notes)
        pending = None
        notes.clear()

    for line in _logical_lines(text):
        opening = text[line.start]
        if not seen_any and opening not in "@*":
            raise ParseError(
                "not a CHAT transcript: it opens with its headers ('@UTF8', '@Begin'): "
                f"{describe_place(path, text, line.start)}"
            )
        seen_any = True
        if opening == "@":
            header = _HEADER.match(text, line.start, line.end)
            assert header is not None  # any line opening with "@" is a header
            name = header["name"].strip()
            if name == "Participants":
                labels.update(_participants(text[header.end() : line.end]))
            elif name == "End":
                break
            continue
        if opening == "%":
            dependent = _DEPENDENT.match(text, line.start, line.end)
            if dependent is not None and dependent["tier"] == _COMMENT_TIER and pending is not None:
                notes.append("comment: " + " ".join(text[dependent.end() : line.end].split()))
            continue
        if opening != "*":
            raise ParseError(
                "a CHAT line opens with '@' (a header), '*' (an utterance), '%' (a dependent tier) or a tab (it goes "
                f"on from the line above): {describe_place(path, text, line.start)}"
            )
        utterance = _UTTERANCE.match(text, line.start, line.end)
        if utterance is None:
            raise ParseError(
                f"a CHAT utterance opens with '*', its speaker's code and a colon ('*MOT:'): "
                f"{describe_place(path, text, line.start)}"
            )
        said()
        if turns is None:  # the participants are known once the first utterance comes
            turns = CueTurns(text, labels)
        words = _words(text, utterance.end(), line.end)
        if words is not None:
            bullet = _BULLET_TIME.search(text, utterance.end(), line.end)
            times = (int(bullet["start"]), int(bullet["end"])) if bullet else (None, None)
            pending = (utterance["code"], words, *times)
    said()
    if turns is None:
        return Reading((), warnings=("CHAT transcript without an utterance ('*CODE:' line): no speech",))
    return Reading(turns.done())
