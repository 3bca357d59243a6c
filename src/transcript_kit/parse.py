"""Parse one decoded transcript into a :class:`Document`.

The work is split the way DESIGN.md §1 draws it:

1. a format reader gives the content lines (front matter and page furniture set aside);
2. lines are grouped into paragraphs, and each paragraph becomes one coarse token — a speaker label, a paragraph
   of text, a stage direction, a header line (dateline, byline, place), boilerplate, an end marker;
3. ``grammar/transcript.lark`` (LALR) composes the tokens into preamble, turns and trailer;
4. one Transformer turns the tree into turns; documents without labels become a monologue or prose quotations.
"""

from __future__ import annotations

import bisect
import contextvars
import functools
import gc
import hashlib
import heapq
import importlib
import itertools
import re
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import attrs
import lark
from lark.lexer import Lexer, Token

from transcript_kit import candidates as cand
from transcript_kit import header, lexicon, prose, rules
from transcript_kit._grammar import grammar_text
from transcript_kit.candidate_table import CandidateTable
from transcript_kit.columns import DecisionTable, TurnTable
from transcript_kit.conventions.catalog import Conventions, default_conventions
from transcript_kit.conventions.profile import Convention, LineRule
from transcript_kit.conventions.vocabulary import VOCABULARY, expand
from transcript_kit.decode import decode
from transcript_kit.errors import InputError, ParseError, describe_place
from transcript_kit.formats import (
    MARKUP_CONTROLS,
    SUFFIX_FORMATS,
    ass,
    callhome,
    ice,
    subtitles,
    switchboard,
    tagged,
    ttml,
)
from transcript_kit.formats import html as html_format
from transcript_kit.formats.reading import Reading
from transcript_kit.formats.text import Layout, read_layout
from transcript_kit.keys import fold
from transcript_kit.labels import labels_of_one_document, parse_label
from transcript_kit.model import Document, Label, Span, Turn, TurnKind
from transcript_kit.textutil import SENTENCE_END, normalize_space, rejoin_hyphenated, starts_lower

# Formats whose records are cues, grouped into turns as every subtitle format's are: the reader of each, by format
# name (formats.SUFFIX_FORMATS).
_CUE_READERS: dict[str, Callable[[str, str | None], Sequence[subtitles.Cue]]] = {
    **subtitles.READERS,
    "ttml": ttml.read_ttml,
    "ass": ass.read_ass,
}
# Formats read straight into turns (a researcher's transcript: CHAT, Praat, ELAN, Transcriber, a speech corpus's; a
# screenplay): the module of transcript_kit.formats and the reader in it, imported when first needed (the XML
# readers bring expat and defusedxml, which a corpus of text never needs).
_TURN_READERS = {
    "chat": ("chat", "read_chat"),
    "textgrid": ("timed_tiers", "read_textgrid"),
    "eaf": ("timed_tiers", "read_eaf"),
    "trs": ("timed_tiers", "read_trs"),
    "fdx": ("fdx", "read_fdx"),
    # the speech corpora's transcripts: a scoring reference (NIST STM), the Santa Barbara Corpus, and three that come
    # as a .txt, told by their content (_CORPUS_TEXT_FORMATS)
    "stm": ("stm", "read_stm"),
    "trn": ("trn", "read_trn"),
    "switchboard": ("switchboard", "read_switchboard"),
    "callhome": ("callhome", "read_callhome"),
    "ice": ("ice", "read_ice"),
    # the JSON a speech recognizer writes (WhisperX, AssemblyAI, Amazon Transcribe, Deepgram, Rev.ai, Google, ...)
    "json": ("asr_json", "read_asr_json"),
}
# A .txt of a speech corpus's transcript, told by its content: each test reads a document's opening lines only, and
# strictly (a briefing or an interview is never taken for one); by format name, in the order they are tried.
_CORPUS_TEXT_FORMATS: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("switchboard", switchboard.looks_like_switchboard),
    ("callhome", callhome.looks_like_callhome),
    ("ice", ice.looks_like_ice),
)

# A hard-wrapped document keeps its lines short and even; otherwise every line is a paragraph of its own.
_WRAPPED_MIN, _WRAPPED_MAX = 40, 100


class _Block:
    """A paragraph: consecutive content lines ``first..last`` (indexes into the layout), with the indent of its
    first line and of its second (None for a one-line paragraph): the shape that tells speech from inserted text
    in documents that mark paragraphs by a first-line indent."""

    __slots__ = ("cont", "first", "indent", "last")

    def __init__(self, first: int, last: int, indent: int = 0, cont: int | None = None) -> None:
        self.first = first
        self.last = last
        self.indent = indent
        self.cont = cont


class _Blocks:
    """A document's paragraphs as columns, 16 bytes a paragraph (a _Block and its ints cost 120): a document of
    short lines has a paragraph every few dozen bytes. Iterating makes a _Block of each as it is read; the last
    paragraph grows in place while lines are grouped."""

    __slots__ = ("conts", "firsts", "indents", "lasts", "opening")

    def __init__(self) -> None:
        self.firsts, self.lasts, self.indents = array("i"), array("i"), array("i")
        self.conts = array("i")  # -1: no second line
        self.opening: frozenset[int] = frozenset()  # indents that open a paragraph (see _first_line_indents)

    def append(self, first: int, last: int, indent: int, cont: int | None = None) -> None:
        self.firsts.append(first)
        self.lasts.append(last)
        self.indents.append(indent)
        self.conts.append(-1 if cont is None else cont)

    def add(self, block: _Block) -> None:
        self.append(block.first, block.last, block.indent, block.cont)

    def __len__(self) -> int:
        return len(self.firsts)

    def __iter__(self) -> Iterator[_Block]:
        for first, last, indent, cont in zip(self.firsts, self.lasts, self.indents, self.conts):
            yield _Block(first, last, indent, None if cont < 0 else cont)


def _is_hard_wrapped(text: str, layout: Layout, one_sentence_a_line: bool) -> bool:
    lengths = [e - s for s, e in zip(layout.starts, layout.ends) if e > s]
    if not lengths:
        return False
    even = sum(1 for n in lengths if _WRAPPED_MIN <= n <= _WRAPPED_MAX)
    long = sum(1 for n in lengths if n > 2 * _WRAPPED_MAX)
    return (
        even >= 0.5 * len(lengths) and long <= 0.02 * len(lengths) and not one_sentence_a_line
    )


def _one_sentence_a_line(text: str, layout: Layout) -> bool:
    """Whether the text is printed one sentence a line (aligned parliamentary text): flush lines that nearly all
    end a sentence, so they are not wrapped but paragraphs of their own (verse is indented)."""
    # Counted line by line, no list of lines built: a document of short lines has millions of them.
    lines = unended = indented = 0
    for start, end in zip(layout.starts, layout.ends):
        if end > start:
            lines += 1
            unended += text[end - 1] not in SENTENCE_END
            indented += text[start] in " \t\u00a0"
    return (
        lines >= _ONE_SENTENCE_MIN_LINES
        and unended <= _ONE_SENTENCE_UNENDED * lines
        and indented <= _ONE_SENTENCE_INDENTED * lines
    )


def _first_line_indents(indents: list[int | None]) -> frozenset[int]:
    """The indents that open paragraphs: a line so indented is mostly followed by a less indented one (the
    Congressional Record indents a paragraph's first line by two spaces and nothing else)."""
    drops: dict[int, int] = {}
    same: dict[int, int] = {}
    previous: int | None = None
    for indent in indents:
        if previous is not None and indent is not None and previous > 0:
            if indent < previous:
                drops[previous] = drops.get(previous, 0) + 1
            elif indent == previous:
                same[previous] = same.get(previous, 0) + 1
        previous = indent
    return frozenset(k for k, n in drops.items() if n >= 2 and 2 * n >= same.get(k, 0))


_NUMBERED_ITEM = re.compile(r"\d{1,3}\.[ \t]+[A-Z]")
# A list's entry: dot leaders to a short end (a cast list's "MAN (Sc. 1) – HARRY CURNOW, landlord ……… Jowan Bray",
# a contents page's "… 6843 D"), whatever the label's other lines are.
_LEADERS_TO_AN_ENTRY = re.compile(r"(?: ?\.){5,}[ \t]*[^.\n]{1,40}$")
_LEADERS_WINDOW = 120  # a line's last characters that hold its leaders' end and its entry
_BULLETS = frozenset({"- ", "• ", "* ", "– ", "· ", "● ", "▪ "})  # a list's marks before its entries
_BULLET_OPENERS = frozenset(" \t-•*–·●▪")
_COLUMN_GAP = " " * 6  # spaces that set text in columns: wider than any justified or sentence gap
_NOTE_OPENING = re.compile(r"\([A-Z][a-z]")  # "(Luncheon recess …", not an item's "(a)" or "(1)"
# A note on a line of its own, in round brackets: the room's ("(Applaus bij de N-VA)", "(Applaudissements sur les
# bancs de la N-VA)", "(Laughter.)") or the record's ("(Question put and agreed to.)").
_ROOM_NOTE_LINE = re.compile(
    expand(
        r"[ \t\u00a0]*\((?:(?i:@room_notes@|@continental_room_notes@)(?![\w'’-])|(?i:@decision_note_words@)[ \t])"
        r"[^()\n]{0,120}\)\.?[ \t]*"
    )
)


_NOTE_AFTER = frozenset(SENTENCE_END) | {")"}  # what ends a line a note of its own may stand under
_MINUTES_RECORD_LINE = re.compile(expand(VOCABULARY.patterns["minutes_record_line"]))
_WRAPPED_NOTE_LINES = 3  # lines a note in square brackets may be wrapped over


def _bracket_closing_line(text: str, starts: Sequence[int], ends: Sequence[int], i: int) -> int:
    """The line that closes the square bracket line ``i`` opens, when the bracket is wrapped over a few lines and
    stands alone on them ("[Client-generated list; transcriber kept line breaks as spoken, with pauses between" /
    "items]"); -1 otherwise."""
    if text.find("[", starts[i], ends[i]) == -1 or text.find("]", starts[i], ends[i]) != -1:
        return -1
    for j in range(i + 1, min(i + 1 + _WRAPPED_NOTE_LINES, len(starts))):
        if ends[j] <= starts[j] or text.find("[", starts[j], ends[j]) != -1:
            return -1
        closing = text.find("]", starts[j], ends[j])
        if closing != -1:
            return j if closing == ends[j] - 1 else -1
    return -1


def _paragraphs(text: str, layout: Layout, one_sentence_a_line: bool, line_per_entry: bool = False) -> _Blocks:
    """Group lines into paragraphs: a blank line ends one; so does a deeper indent or a paragraph indent (the
    Congressional Record and court transcripts mark paragraphs by indentation), or an indent that leaves the
    paragraph's own margin; in text that is not hard-wrapped (or whose profile prints one entry a line, as a chat
    log does), every line is one."""
    wrapped = not line_per_entry and (layout.line_numbered or _is_hard_wrapped(text, layout, one_sentence_a_line))
    starts, ends = layout.starts, layout.ends
    # Line ends are cut after the last visible character, so a line with content has end > start.
    indents: list[int | None] = [
        None if end <= start else end - start - len(text[start:end].lstrip(" \t\u00a0"))
        for start, end in zip(starts, ends)
    ]
    for line, pad in layout.pads.items():  # a margin number's columns are the line's indent too
        indent = indents[line]
        if indent is not None:
            indents[line] = indent + pad
    opening = _first_line_indents(indents) if wrapped and not layout.line_numbered else frozenset()
    blocks = _Blocks()
    blocks.opening = opening
    open_paragraph = False  # the last of ``blocks`` may take the next line
    conts, lasts = blocks.conts, blocks.lasts
    previous_indent = 0
    note_until = -1  # the last line of a note in square brackets wrapped over lines
    for i, indent in enumerate(indents):
        if i <= note_until:
            continue
        if indent is None:
            if layout.blank_is_break:
                open_paragraph = False
            continue
        if (
            indent <= _TIME_LINE_INDENT
            and text[starts[i] + indent] in cand.STAMP_OPENERS  # most lines: one look at one character
            and (
                cand.is_timestamp(text, starts[i], ends[i])
                or _BRACKETED_LINE.fullmatch(text, starts[i], ends[i])
                or (
                    (not open_paragraph or text[ends[lasts[-1]] - 1] in _NOTE_AFTER)
                    and (note_until := _bracket_closing_line(text, starts, ends, i)) > i
                )
            )
        ):
            # A time line stands apart ("00:02:14" between a log's utterances), and so does a note in square
            # brackets ("[The prepared statement of … follows:]"), wrapped text or not, and one wrapped over a few
            # lines under a sentence's end (a coder's "[Affirmation + Summary. Coder: strong, though …" / "…
            # preface]" under a counsellor's words).
            blocks.append(i, max(i, note_until), indent)
            open_paragraph = False
            previous_indent = indent
            continue
        if (
            wrapped
            and open_paragraph
            and text[ends[lasts[-1]] - 1] in _NOTE_AFTER
            and (
                (text[starts[i] + indent] == "(" and _ROOM_NOTE_LINE.fullmatch(text, starts[i], ends[i]))
                or (text[starts[i] + indent].isupper() and _MINUTES_RECORD_LINE.match(text, starts[i], ends[i]))
            )
        ):
            # A note of the room on its own line under a sentence's end, no blank line between, stands apart:
            # Belgium's record prints "(Applaus bij de N-VA)" / "(Applaudissements sur les bancs de la N-VA)" under
            # the speech it closes; the lines after it open a paragraph of their own. A line of minutes recording
            # the business opens a paragraph (its wrapped lines go with it).
            blocks.append(i, i, indent)
            open_paragraph = text[starts[i] + indent] != "("
            previous_indent = indent
            continue
        hanging = (  # a numbered item's lines under its first ("2. Puan X minta MENTERI ..." / "    menyatakan ...")
            open_paragraph
            and conts[-1] < 0
            and indent > previous_indent
            and _NUMBERED_ITEM.match(text, starts[i - 1] + previous_indent, ends[i - 1]) is not None
            and text[ends[i - 1] - 1] not in SENTENCE_END
        )
        if not hanging and (
            not open_paragraph
            or not wrapped
            or indent > previous_indent
            or indent in opening
            or (conts[-1] >= 0 and indent != conts[-1])
            # In a numbered transcript, a note in brackets after a sentence's end opens a paragraph of its own: a
            # court reporter's "(Luncheon recess taken at 11:35 a.m. / Proceedings continued …)" under the judge's
            # last words, at their indent.
            or (
                layout.line_numbered
                and text[ends[lasts[-1]] - 1] in SENTENCE_END
                and _NOTE_OPENING.match(text, starts[i] + indent) is not None
            )
        ):
            blocks.append(i, i, indent)
            open_paragraph = True
        else:
            if conts[-1] < 0:
                conts[-1] = indent
            lasts[-1] = i
        if text[ends[i] - 1] == ":" and lexicon.OPENS_INSERT.search(text, starts[i], ends[i]):
            open_paragraph = False  # "... printed in the Record, as follows:": what follows is no part of it
        previous_indent = indent
    return blocks


_EXAMINATION_ROLES = frozenset({"question", "answer"})
_READ_OUT_PLACE = rules.Place(True, False, True)
_LOWER_WORD_COLON = re.compile(r"(?:^|\s)[a-z][\w\u2019'-]*:$")


@functools.lru_cache(maxsize=64)  # documents of one source share label sets; compiled patterns are not small
def _inner_label_pattern(labels: frozenset[str]) -> re.Pattern[str]:
    """A line start followed by one of ``labels`` (longest first, so "MS. PSAKI" is not read as "MS")."""
    choices = "|".join(re.escape(label) for label in sorted(labels, key=lambda text: (-len(text), text)))
    return re.compile(rf"\n[ \t\u00a0*_]*(?:{choices})")


class _TokenStream(Lexer):
    """Hands the pre-made paragraph tokens to Lark: the tokens are the lexer's output, decided in Python."""

    def __init__(self, lexer_conf: Any) -> None:
        pass

    def lex(self, data: Any) -> Iterator[Token]:  # type: ignore[override]
        yield from data


@functools.lru_cache(maxsize=1)
def _document_parser() -> lark.Lark:
    return lark.Lark(
        grammar_text("transcript.lark"), parser="lalr", lexer=_TokenStream, transformer=_DocumentBuilder()
    )


def _token(kind: str, value: str, start: int, end: int) -> Token:
    # Positional arguments (type, value, start_pos, line, column, end_line, end_column, end_pos): Lark's keyword
    # handling costs more than the token itself, and there is one token per paragraph.
    # Its own characters stay empty: the parser reads a token's type and the builders its ``value``, so a
    # paragraph's text is held once, not twice (a document of short turns holds one token per line).
    token = Token(kind, "", start, None, None, None, None, end)
    token.value = value
    return token


class _Tokenizer:
    """Turns one document's paragraphs into tokens, deciding which lines are speaker labels."""

    def __init__(self, text: str, layout: Layout, path: str | None, convention: Convention) -> None:
        self.text = text
        self.layout = layout
        self.path = path
        self.convention = convention
        self.shapes = cand.matcher_for(convention)
        self.rules = rules.table_for(convention)
        self.inline_notes = rules.notes_for(convention)
        self.spans: list[Span] = list(layout.furniture)
        self.decisions = DecisionTable()
        # Web furniture surrounds a transcript: between its first and last label, paragraphs are speech.
        self.body_lines = (0, -1)
        self.rule_hits: dict[str, int] = {}  # which profile rules decided paragraphs, for --explain
        self.on_note_cut: Callable[[], None] | None = None  # told when a paragraph's text first differs from its span
        self.inferred: dict[str, str] = {}  # label shapes the document showed beyond its profile's
        self.warnings: list[str] = []
        self.inserting_to_label = False  # a profile's INSERT_OPEN rule fired: inserted material until a label
        # An agenda item's heading or a page's box inside a turn: what stands under it up to the next label is no one's
        # speech, for this reason ("" when there is none).
        self.aside_to_label = ""
        self.opening_times: bool | None = None  # whether paragraphs open with recording times (looked at once)
        self.one_sentence_a_line = False  # printed one sentence a line (read once per document)
        # Lines holding a shape's trigger, one byte a line (None: not searched, any line may).
        self.triggered: bytearray | None = None
        self.wrapped_label_lines: set[int] = set()  # lines inside a label wrapped over several lines
        self.wrapped_labels: dict[int, int] = {}  # first line of such a label -> its last line
        self.rubrics: frozenset[int] = frozenset()  # rubric lines between sentences (one sentence a line)
        self._trailer: int | None = None  # see _trailer_start
        self._contents: tuple[int, frozenset[str]] = (-1, frozenset())  # see _contents_lines
        self.opening_indents: frozenset[int] = frozenset()  # indents that open a paragraph (see _paragraphs)
        self.centred_fields: set[int] = set()  # label-like lines of a centred head (see _centred_fields)
        self._inline: tuple[CandidateTable, frozenset[str]] | None = None  # see _inline_labels
        self.heading_labelled = False  # a heading before the first label gave the words under it their speaker
        self.links_end = -2  # the last line of a page's "read more" links so far (rule read_more)
        self.dialogue: int | None = None  # the indent of the words under cues alone (a script's dialogue), once known
        self.label_lines: Sequence[int] = ()  # the lines that open turns, in order, once decided
        self.mixed_case: bool | None = None  # whether the words are printed in upper and lower case, once read
        self.last_plain_label: int | None = None  # the last line whose label has no list bullet, once looked for
        self.glued: frozenset[str] = frozenset()
        self.run_in = False  # answers' marks are run in after their questions (see _run_in_answers)
        self.interviewee: str | None = None  # who the unlabelled answers are by (see _interviewee; None: not looked)
        self.accepted = CandidateTable()  # the labels that open turns, once decided
        self.words_ended = False  # whether the last paragraph but time lines ended a sentence
        self.answers_unlabelled = False  # the record labels its questions, not their answers (once decided)
        self.asking = False  # the turn being emitted is a question's, in such a record
        self.asked = False  # ... and a paragraph of it has ended in a question mark  # the document's labels that may be found glued after a sentence

    def _line(self, i: int) -> tuple[int, int]:
        return self.layout.starts[i], self.layout.ends[i]

    def _segment_text(self, first: int, last: int, start: int) -> tuple[str, int, int]:
        """Whitespace-normalized text of lines first..last, beginning at offset ``start`` on line ``first``."""
        text, starts, ends = self.text, self.layout.starts, self.layout.ends
        if self.layout.by_line:
            parts = [text[start : ends[first]]] + [
                text[starts[i] : ends[i]] for i in range(first + 1, last + 1)
            ]
            joined = "\n".join(parts)
        else:
            joined = text[start : ends[last]]
        if first < last and ("-\n" in joined or "- \n" in joined or "-\r\n" in joined):
            rejoined = rejoin_hyphenated(joined)
            if rejoined is not joined:  # its text now differs from its span's: told once, as a cut note is
                joined = rejoined
                self._text_differs()
        value = normalize_space(joined)
        if not value:
            return "", start, start
        lead = len(joined) - len(joined.lstrip())
        return value, start + lead, ends[last]

    def tokens(self, out: list[Token] | None = None) -> list[Token]:
        """The document's tokens, appended to ``out`` (a list of its own by default), which it returns."""
        self.one_sentence_a_line = _one_sentence_a_line(self.text, self.layout)
        blocks = _paragraphs(self.text, self.layout, self.one_sentence_a_line, self.convention.line_per_entry)
        # The lines that open a paragraph, one byte a line (a set of them costs 40 times that).
        firsts = bytearray(len(self.layout.starts))
        for block in blocks:
            firsts[block.first] = 1
        self.opening_indents = blocks.opening
        found = self._line_candidates(firsts, self._lines_worth_a_look(firsts))
        shapes, inferred = cand.infer_shapes(found.values(), self.convention, len(blocks))
        if inferred:  # a shape the document showed may also stand inside paragraphs: look at every line
            seen = set(found)
            rest = (i for i in range(len(self.layout.starts)) if i not in seen)
            found.update(self._line_candidates(firsts, rest).items())
        self.triggered = None  # every line has been looked at: the trigger lines can go
        # ... and a label the document prints by those shapes, printed alone on its line over its words once in
        # a while ("P" over a tape transcript's tab-set "P<tab>Sit down."): the same speaker's cue.
        found = found.with_shapes(shapes, self.shapes.cue_shapes)
        # A list of names (participants, contents) opens no turns, but it names who speaks: its entries still
        # count when the document's labels are decided (listed, below). In the same pass: the labels that open
        # paragraphs, and how often each label opens a line inside one.
        header_fields = self._header_field_runs(found) | self._roster_runs(found)
        body_start = max(self._transcript_heading(found), self._under_header_fields(found, header_fields))
        centred_fields = self.centred_fields = self._centred_fields(found)
        unlisted = array("q")
        starting: Counter[str] = Counter()  # how many paragraphs each label opens
        inner: Counter[str] = Counter()
        last_listed, run = -2, 0  # the last listed line, and how many listed lines run on to it
        for row, (i, c) in enumerate(found.items()):
            # ... and the last entry of a list of three or more, on the line under the others, though words
            # follow it (a play's persons, then the scene's description). Not the line under a single name: "Eleanor
            # Vance" over "Prime Minister" is a label over the office it holds.
            ends_a_list = c.alone and i == last_listed + 1 and run >= 2
            if (
                not self._has_words_below(i, c, found)
                or i in header_fields
                or self._bulleted_entry(i, found)
                or (c.listed and self._leaders_to_an_entry(i))
                or i in centred_fields
                or i < body_start
                or ends_a_list
                or (self._padded_field(c, i) and any(self._padded_neighbour(found, j) for j in (i - 1, i + 1)))
            ):
                run = run + 1 if i == last_listed + 1 else 1
                last_listed = i
                continue
            unlisted.append(row)
            if c.at_paragraph_start:
                starting[c.label] += 1
            elif not c.alone and c.label[:1].isupper():
                # A label that opens three or more lines inside paragraphs opens turns there: logs and chat
                # exports run their utterances one a line under a time line, with no blank line between.
                inner[c.label] += 1
        listed = found.split_off(unlisted)
        # So does any label printed in the same style as those (a log's one-off "FD:" among its "CC:" and "P:").
        styles = {
            cand.style_of(c)
            for c in (found.values() if inner else ())
            if inner[c.label] >= _RECURRING_INNER_STRONG and inner[c.label] >= _recurrence_inside(c.label)
        }
        if styles:

            def opened(candidates: Iterable[cand.Candidate]) -> Iterator[cand.Candidate]:
                for c in candidates:
                    if inner[c.label] and cand.style_of(c) in styles:
                        starting[c.label] += 1
                        c = c._replace(at_paragraph_start=True)
                    yield c

            found = CandidateTable(zip(found.lines, opened(found.values())))
        prefix = f"{self.convention.name} profile, shape "
        # In line order: a label's first candidate speaks for it.
        voters = heapq.merge(found.values(), listed.values(), key=_start) if listed else found.values()
        verdicts = cand.decide((c for c in voters if c.at_paragraph_start or c.unnamed or c.handle), prefix)
        self._refuse_read_out_examination(found, verdicts)
        self.inferred = inferred
        at_start = {label for label in starting if verdicts[label].accepted}
        accepted_rows = array("q")

        def judged(table: CandidateTable) -> Iterator[tuple[int, cand.Candidate, cand.Verdict]]:
            # A generator, run twice: a document of a million short turns keeps no list of its verdicts.
            for line, candidate in table.items():
                verdict = verdicts.get(candidate.label) or cand.Verdict(
                    False, "inside a paragraph, and not a label of this document elsewhere", None
                )
                yield line, candidate, cand.accepted_here(candidate, verdict, at_start)

        dialogue = self._dialogue_column((line, c) for line, c, v in judged(found) if v.accepted)
        under_cues: Counter[int] = Counter()  # the indents of the words under the accepted cues alone
        for row, (line, candidate, verdict) in enumerate(judged(found)):
            if dialogue is not None and verdict.accepted and self._indent_of(line) < dialogue + _CUE_MARGIN:
                verdict = cand.Verdict(False, _OFF_THE_CUES, verdict.parsed)
            self.decisions.add(candidate.label, candidate.start, verdict.accepted, verdict.reason)
            if verdict.accepted:
                accepted_rows.append(row)
                below = self._indent_under_cue(line, candidate)
                if below is not None:
                    under_cues[below] += 1
        # Decided: found keeps the accepted alone from here on (no second copy of them while the turns are built).
        refused, accepted = found.split_off(accepted_rows), found
        del found, listed
        self._warn_refused_lookalikes(refused, accepted, dialogue)
        self.rubrics = self._rubric_lines(accepted)
        self.glued = frozenset(
            " ".join(label.split()) for label in at_start if starting[label] >= 2 and _GLUEABLE.fullmatch(label)
        )
        # An answer's mark run in after its question, in a record that opens its answers with "A." and prints
        # them so more than once ("Q. Will you swear you were sober? - A. I was as sober as I am now").
        self.run_in = _RUN_IN_ANSWER_MARK in at_start and _recurs(_RUN_IN_ANSWER, self.text, 2)
        blocks = self._split_at_rule_lines(
            blocks, [i for i in refused if not firsts[i]], self.rubrics | self._numbered_notes(accepted)
        )
        if self.wrapped_labels:
            blocks = self._join_wrapped_labels(blocks, accepted)
        label_lines = self.label_lines = accepted.lines
        self.answers_unlabelled = _answers_unlabelled(accepted)
        self.accepted = accepted
        if label_lines:
            self.body_lines = (label_lines[0], self._last_label_line(label_lines))
        speech_shape = None if self.layout.line_numbered else _speech_shape(blocks, accepted)
        # The indent of the words under cues alone, when nearly all share one above the margin (a screenplay's
        # dialogue column).
        dialogue = self.dialogue = _common_indent(under_cues)
        out = [] if out is None else out
        seen_label = False
        for block in blocks:
            first = block.first
            if (
                dialogue is not None
                and block.first not in accepted
                and block.indent < dialogue
                and seen_label
            ):
                # A screenplay's action line: flush where the dialogue under its cues is indented.
                self._emit_paragraph(
                    out, first, block.last, self.layout.starts[first], seen_label, action=True
                )
                continue
            low = bisect.bisect_left(label_lines, block.first)
            high = bisect.bisect_right(label_lines, block.last)
            if (
                low == high
                and seen_label
                and dialogue is None
                and self.convention.speech_in_cue_block
                and self._after_blank(first)
            ):
                # A screenplay's paragraph with no cue in it, a blank line above it: action, not the last
                # speaker's words (a line right under the cue's block is its dialogue, wrapped or not). Where the
                # dialogue has a column of its own, its indent tells action from dialogue instead (above).
                self._emit_paragraph(out, first, block.last, self.layout.starts[first], seen_label, action=True)
                continue
            if (
                speech_shape is not None
                and block.first not in accepted
                and (
                    block.indent != speech_shape[0]
                    or (block.cont is not None and block.cont != speech_shape[1])
                )
            ):
                # Not shaped like this document's speech: printed material inserted into the record, up to a
                # label inside it (printed without a blank line under a heading, the label opens a turn).
                last = label_lines[low] - 1 if low < high else block.last
                self._emit_paragraph(out, block.first, last, self.layout.starts[first], seen_label, True)
                if last == block.last:
                    continue
                first = last + 1
            for row in range(low, high):
                i = label_lines[row]
                if i < first:  # already consumed as the text of an earlier label in this paragraph
                    continue
                opening = accepted.row(row)
                if i > first:
                    self._emit_paragraph(out, first, i - 1, self.layout.starts[first], seen_label)
                if self.shapes.introduces(opening.shape):
                    if self._names_the_next_label(i, accepted):
                        # The record names the speaker twice ("… concede el uso de la palabra al honorable Senador
                        # X:" over "Palabras del honorable Senador X."): the second opens the turn, the first is
                        # the record's sentence.
                        last = self.wrapped_labels.get(i, i)
                        out.append(_token("STAGE", *self._segment_text(i, last, self.layout.starts[i])))
                        first = last + 1
                        continue
                    self._emit_introduction(out, i, opening)
                seen_label = True
                self.inserting_to_label, self.aside_to_label = False, ""
                # An unnamed mark's label token is empty: its turn names no speaker (see _TurnBuilder.labelled).
                label = "" if opening.unnamed else opening.label
                out.append(_token("LABEL", label, opening.start, opening.end))
                first = self._emit_after_label(out, opening, i, block.last, accepted)
                self.asking = self.answers_unlabelled and _asks(label)
                self.asked = self.asking and out[-1].type == "PARA" and _ends_a_question(out[-1].value)
            if first <= block.last:
                self._emit_paragraph(out, first, block.last, self.layout.starts[first], seen_label)
                seen_label = seen_label or self.heading_labelled
        return out

    def _names_the_next_label(self, i: int, accepted: CandidateTable) -> bool:
        """Whether the next line with words under the label that opens on line ``i`` (and may be wrapped) opens
        an accepted label itself."""
        starts, ends = self.layout.starts, self.layout.ends
        j = self.wrapped_labels.get(i, i) + 1
        while j < len(starts) and ends[j] <= starts[j]:
            j += 1
        return j in accepted

    def _interviewee(self) -> str:
        """Whom the unlabelled answers of a record that labels only its questions are by: the one person its head
        says it interviews ("An interview with: ANNA KOWALCZYK"), or no one named ("")."""
        if self.interviewee is None:
            named = _INTERVIEWEE_LINE.search(self.text, 0, _INTERVIEWEE_HEAD_CHARS)
            name = named["name"] if named is not None else ""
            self.interviewee = name if name and parse_label(name) is not None else ""
        return self.interviewee

    def _emit_introduction(self, out: list[Token], line: int, opening: cand.Candidate) -> None:
        """The record's words before a label named in its sentence ("Con la venia de la Presidencia y del orador,
        interpela"): a note of the record, no one's speech, kept so that nothing printed is lost."""
        begin = self.layout.starts[line]
        value = normalize_space(self.text[begin : opening.start])
        if value:
            out.append(_token("STAGE", value, self.text.find(value[0], begin), opening.start))

    def _warn_refused_lookalikes(
        self, refused: CandidateTable, accepted: CandidateTable, dialogue: int | None
    ) -> None:
        """A refused label printed like the document's accepted ones is worth a look: say where it is (but for a
        script's lines left of its cues, at ``dialogue`` and in from it, refused for standing there)."""
        if not any(c.at_paragraph_start for c in refused.values()):
            return  # nothing to compare (a pass over the accepted spared)
        styles = Counter(cand.style_of(c) for c in accepted.values())
        if not styles:
            return
        dominant = styles.most_common(1)[0][0]
        for line, candidate in refused.items():
            if not candidate.at_paragraph_start or cand.style_of(candidate) != dominant:
                continue
            if dialogue is not None and self._indent_of(line) < dialogue + _CUE_MARGIN:
                continue  # a script's speech or action in capitals, left of its cues
            parsed = parse_label(candidate.label)
            if parsed is None or cand.refusal(parsed, candidate.delimiter) is not None:
                continue  # prose that ends in a colon, a heading word, a date: never a speaker, not a lookalike
            where = describe_place(self.path, self.text, candidate.start)
            self.warnings.append(f"a label like this document's was refused at {where}")

    def _candidate_at(self, i: int, at_paragraph_start: bool) -> cand.Candidate | None:
        start, end = self._line(i)
        if end <= start or (
            starts_lower(self.text[start])
            and not self.text.startswith(_LOWER_CASE_CODES, start)
            and _LOWER_CASE_OFFICE.match(self.text, start, end) is None
            and not (at_paragraph_start and _LOWER_CASE_NAME.match(self.text, start, end))
        ):
            # no label starts lower-case, but a transcription service's speaker code ("spk_0:"), an office, or a
            # name a publisher prints in lower case opening its paragraph (left to the vote: it must recur)
            return None
        triggered = self.triggered is None or bool(self.triggered[i])
        candidate = self.shapes.find(self.text, start, end, at_paragraph_start, triggered)
        if (
            candidate is not None
            and candidate.alone
            and not candidate.timed
            and i + 1 < len(self.layout.starts)
        ):
            # "Travis:" with "0:15" on the line under it: a podcast label, timed like rev.com's.
            below_start, below_end = self._line(i + 1)
            if below_end > below_start and cand.is_timestamp(self.text, below_start, below_end):
                candidate = candidate._replace(timed=True)
        return candidate

    def _line_candidates(self, firsts: bytearray, lines: Iterable[int]) -> CandidateTable:
        """Label candidates at the start of ``lines``, each marked whether it opens a paragraph (where turns open
        and what the document decides on) or stands inside one (a label there must open paragraphs elsewhere)."""
        found = CandidateTable()
        text, ends = self.text, self.layout.ends
        for i in lines:
            if i in self.wrapped_label_lines:
                continue  # inside a label wrapped over several lines
            # A label that ends its line opens a paragraph of its own, even where the text runs on without blank
            # lines (one sentence a line, as aligned parliamentary text prints it).
            opens_paragraph = bool(firsts[i])
            candidate = self._candidate_at(i, opens_paragraph)
            if opens_paragraph and (
                candidate is None
                or (((last := text[ends[i] - 1]) == "," or last.islower()) and self._runs_on(i))
                # A line in capitals read as a cue alone may be a label wrapped before its colon, cut at a hyphen
                # or long ("MR PATRICK WANDERA-" / "NABUKWASI (FDC, Budadiri County East): Madam Speaker"); a
                # script's cue is short and its dialogue under it is no label's end.
                or (candidate.alone and self._cut_before_its_colon(i))
            ):
                # "Katrin Oßwald, Bundesministerin für Bildung, Familie," / "Senioren, Frauen und Jugend:" is one
                # label, whatever a shape reads on its first line ("Lena Schüßler, Parl." before a period).
                candidate = self._wrapped_label(i) or candidate
            if candidate is not None:
                # ... and so does a label on a line that outdents from the one above (a play's hanging cues), or
                # one printed with its recording time ("[00:00:09] Ben Okafor:", one utterance a line).
                opens = not candidate.at_paragraph_start and (
                    candidate.alone or candidate.stamp is not None or self._outdents(i)
                )
                found[i] = candidate._replace(at_paragraph_start=True) if opens else candidate
        return found

    def _cut_before_its_colon(self, i: int) -> bool:
        """Whether line ``i``, in capitals, is a label's start hard-wrapped before its colon: it ends in a hyphen or
        is long, and the next line holds a colon."""
        starts, ends, text = self.layout.starts, self.layout.ends, self.text
        return (
            (text[ends[i] - 1] == "-" or ends[i] - starts[i] >= _WRAPPED_CAPITALS)
            and i + 1 < len(starts)
            and text.find(":", starts[i + 1], ends[i + 1]) != -1
            and _CAPITALS_LINE.fullmatch(text, starts[i], ends[i]) is not None
        )

    def _runs_on(self, i: int) -> bool:
        """Whether line ``i`` may run on into a label's end: it ends in a comma, or in a small word in lower case
        over a short line that ends in a colon (an office's last words alone: "… beim Bundesminister der" /
        "Finanzen:")."""
        starts, ends, text = self.layout.starts, self.layout.ends, self.text
        last = text[ends[i] - 1] if ends[i] > starts[i] else ""
        if not (last == "," or last.islower()) or i + 1 >= len(starts) or ends[i + 1] <= starts[i + 1]:
            return False  # most label lines end otherwise: one look
        if last == ",":
            # ... onto a line that opens as a label's words do, not "and Frank Mrvan: Thank you all" (a speaker
            # greeting a list of people)
            return not starts_lower(text[self._first_visible(i + 1)])
        return (
            starts_lower(text[max(starts[i], text.rfind(" ", starts[i], ends[i]) + 1)])
            and ends[i + 1] <= starts[i + 1] + _WRAPPED_LABEL_TAIL
            and text[ends[i + 1] - 1] == ":"
        )

    def _wrapped_label(self, i: int) -> cand.Candidate | None:
        """A label that runs on over the next lines of its paragraph, read with its line ends as spaces: a long
        portfolio whose bracket is hard-wrapped ("Senator X (Tasmania—Minister for ..., Regional" / "Development,
        ... in the" / "Senate) (09:31): I thank"), or a long office and name wrapped before its colon ("Minister for
        Civil Defence, Emergencies and Disaster Relief Alexander" / "Kurenkov: Mr President"). Its words start on
        the line where the label ends."""
        text, starts, ends = self.text, self.layout.starts, self.layout.ends
        start, end = starts[i], ends[i]
        if self.layout.line_numbered:
            return None
        last, introduction = i, None
        if text.count("(", start, end) > text.count(")", start, end):
            for j in range(i + 1, min(i + _WRAPPED_LABEL_LINES, len(starts))):
                if ends[j] <= starts[j]:
                    return None  # a blank line: the bracket never closes
                last = j
                if text.count("(", start, ends[j]) <= text.count(")", start, ends[j]):
                    break
            else:
                return None
        elif (
            i + 1 < len(starts)
            and ends[i + 1] > starts[i + 1]
            and text[end - 1] not in SENTENCE_END
            and text.find(":", start, end) == -1
            and _DELIMITING_COLON.search(text, starts[i + 1], min(ends[i + 1], starts[i + 1] + _WRAPPED_LABEL_TAIL))
            and not self._label_of_its_own(i + 1)
        ):
            # No colon on the line, one early on the next that opens no label of its own (a heading over a
            # label is no part of it): a label wrapped before its colon.
            last = i + 1
        elif (
            i + 1 < len(starts)
            and ends[i + 1] > starts[i + 1]
            and _CAPITALS_LINE.fullmatch(text, start, end)
            and not self._label_of_its_own(i + 1)
        ):
            # A line in capitals alone, run on into the next: a label in capitals wrapped where a shape with no
            # colon reads it ("THE UNDER SECRETARY OF STATE FOR" / "WAR replied, that …"); the shape decides.
            last = i + 1
        elif (introduction := self._introduction_end(i)) is not None:
            # A short paragraph ending in a colon or a period: the record's sentence giving a speaker the floor,
            # hard-wrapped ("La Presidencia … concede el uso de la palabra al honorable" / "Senador Ramiro …:").
            last = introduction
        else:
            return None
        # Line ends become spaces ("\r\n" two): offsets in the joined text are offsets from ``start``.
        joined = text[start : ends[last]].replace("\r", " ").replace("\n", " ")
        found = self.shapes.find(joined, 0, len(joined), True)
        if found is None or found.end <= end - start or parse_label(" ".join(found.label.split())) is None:
            return None  # (a bracket in prose that runs on: the lines below stay open to labels of their own)
        if introduction is not None and not self.shapes.introduces(found.shape):
            return None  # a paragraph of prose ending in a colon is no label's wrapping
        self.wrapped_label_lines.update(range(i + 1, last + 1))
        self.wrapped_labels[i] = last
        stamp = (found.stamp[0] + start, found.stamp[1] + start) if found.stamp else None
        label = " ".join(found.label.split())
        if text[end - 1] == "-":  # a name hyphenated at the line's end: "MR PATRICK WANDERA-" / "NABUKWASI (FDC, …)"
            label = _HYPHEN_AT_WRAP.sub("-", label, count=1)
        return found._replace(label=label, start=found.start + start, end=found.end + start, stamp=stamp)

    def _introduction_end(self, i: int) -> int | None:
        """The last line of the short paragraph that line ``i`` opens, where the profile has shapes that name a
        speaker in the record's sentence and the paragraph ends as such a sentence does, in a colon or a period."""
        text, starts, ends = self.text, self.layout.starts, self.layout.ends
        for j in range(i + 1, min(i + _INTRODUCTION_LINES, len(starts))):
            if ends[j] <= starts[j]:
                return None  # (a blank line under line i: a paragraph of one line, read as it is)
            if j + 1 == len(starts) or ends[j + 1] <= starts[j + 1]:
                ends_so = text[ends[j] - 1] in ":."
                return j if ends_so and self.shapes.may_introduce(text, starts[i], ends[j]) else None
        return None

    def _label_of_its_own(self, i: int) -> bool:
        """Whether line ``i`` opens a whole label: one with an honorific, an office or a role ("Mr. David Pratt
        (Nepean-Carleton, Lib.):" under a heading), not the end of a name wrapped onto it ("Kurenkov:")."""
        found = self.shapes.find(self.text, self.layout.starts[i], self.layout.ends[i], True)
        if found is not None and cand.never_a_speaker(found.label):
            return True  # a section's heading ("Из ответов на вопросы:") under a contents line: no label's end
        parsed = parse_label(found.label) if found is not None else None
        return parsed is not None and bool(parsed.honorific or parsed.titles or parsed.role)

    def _join_wrapped_labels(self, blocks: _Blocks, accepted: CandidateTable) -> _Blocks:
        """The lines of an accepted label wrapped over several lines are one paragraph with the words after it."""
        joined = _Blocks()
        reach = -1  # the last line of the wrapped label the current block holds
        for block in blocks:
            if joined and block.first <= reach:
                joined.lasts[-1] = max(joined.lasts[-1], block.last)
                continue
            joined.add(block)
            for line, last in self.wrapped_labels.items():
                if line in accepted and block.first <= line <= block.last:
                    reach = max(reach, last)
            if reach > block.last:
                joined.conts[-1] = -1
        return joined

    def _refuse_read_out_examination(self, found: CandidateTable, verdicts: dict[str, cand.Verdict]) -> None:
        """Question and answer labels that stand only in an examination a speaker reads out ("… the transcript
        reads:" / "Question: You knew …?" / "Answer: I knew …"): the run of them under a line of speech ending in a
        colon is the reader's words, not turns. A label that also opens turns elsewhere keeps them all."""
        examination = {
            label
            for label, verdict in verdicts.items()
            if verdict.accepted and verdict.parsed is not None and verdict.parsed.role in _EXAMINATION_ROLES
        }
        if not examination or len(examination) == len(verdicts):
            return
        if not any(self._reads_out(line, found, verdicts) for line in found.lines_with(examination)):
            return  # no question under a line announcing a reading: nothing to walk
        inside: set[str] = set()
        outside: set[str] = set()
        reading = spoken = False  # inside a run read out; a speaker's label has opened a turn
        for line, c in found.items():
            verdict = verdicts.get(c.label)
            if not c.at_paragraph_start or verdict is None or not verdict.accepted:
                continue
            if c.label not in examination:
                reading, spoken = False, True
                continue
            reading = reading or (spoken and self._reads_out(line, found, verdicts))
            (inside if reading else outside).add(c.label)
        for label in inside - outside:
            reason = "a question or answer read out under a speaker's words ending in a colon: theirs, not a turn"
            verdicts[label] = cand.Verdict(False, f"{self.convention.name} profile: {reason}", verdicts[label].parsed)

    def _reads_out(self, line: int, found: CandidateTable, verdicts: dict[str, cand.Verdict]) -> bool:
        """Whether the line with words above ``line`` is speech that announces a reading ("… the transcript reads:"):
        it ends in a colon after a word in lower case, and opens no turn."""
        starts, ends = self.layout.starts, self.layout.ends
        above = line - 1
        while above >= 0 and ends[above] <= starts[above]:
            above -= 1
        if above < 0:
            return False
        opener = found.get(above)
        verdict = verdicts.get(opener.label) if opener is not None and opener.alone else None
        if verdict is not None and verdict.accepted:
            return False  # a label over its speech, not speech
        words = self.text[starts[above] : ends[above]].rstrip()
        return (
            words.endswith(":")
            and _LOWER_WORD_COLON.search(words) is not None
            # A line a rule reads ("Questions by the trial counsel:") is the record's heading, not a speaker's words.
            and self.rules.classify(normalize_space(words), _READ_OUT_PLACE) is None
        )

    def _last_label_line(self, label_lines: Sequence[int]) -> int:
        """The body's last label line: the last before an end marker that may stand between labels (a page's
        related headlines under "Berita Terkait" print "Presiden: …", and are none of the transcript's)."""
        starts = self.layout.starts
        end = self.rules.body_end(self.text, starts[label_lines[0]] + 1)
        if end < 0 or end > starts[label_lines[-1]]:
            return label_lines[-1]
        before = bisect.bisect_left(label_lines, bisect.bisect_right(starts, end) - 1) - 1
        return label_lines[max(before, 0)]

    def _split_at_rule_lines(
        self, blocks: _Blocks, lines: list[int], rubrics: frozenset[int] = frozenset()
    ) -> _Blocks:
        """A refused label line inside a paragraph that one of the profile's rules reads whole (an examiner's
        "BY MS. GARCIA:", a "FX:" sound cue) stands apart from the speech around it; so does a rubric."""
        place = rules.Place(True, False, True)
        apart = {
            i for i in lines if self.rules.classify(normalize_space(self.text[slice(*self._line(i))]), place)
        } | rubrics
        if not apart:
            return blocks
        split = _Blocks()
        for block in blocks:
            cuts = sorted(i for i in apart if block.first < i <= block.last)
            if not cuts:
                split.add(block)
                continue
            first = block.first
            for cut in cuts:
                if cut > first:
                    split.append(first, cut - 1, block.indent)
                split.append(cut, cut, self._indent_of(cut))
                first = cut + 1
            if first <= block.last:
                split.append(first, block.last, self._indent_of(first))
        return split

    def _numbered_notes(self, accepted: CandidateTable) -> frozenset[int]:
        """In a transcript of numbered lines (no blank line sets a paragraph apart), the lines that a profile's
        rule reads whole and that stand apart by their print: a note wholly in brackets ("(10.32 am)", "(A short
        break)") or a centred line ("MR DANIEL HOLLOWAY (sworn)", "Examination by MS OYELARAN KC"). A speech's
        wrapped line is neither."""
        if not self.layout.line_numbered:
            return frozenset()
        text, starts, ends = self.text, self.layout.starts, self.layout.ends
        place = rules.Place(True, False, True)
        apart = set()
        for i in range(len(starts)):
            if ends[i] <= starts[i] or i in accepted:
                continue
            line = text[starts[i] : ends[i]]
            words = line.lstrip(" \t")
            if words.count("(") != words.count(")"):
                continue  # the end of a note wrapped from the line above ("11:04 a.m.)")
            bracketed = words[:1] == "(" and words.rstrip()[-1:] == ")"
            if (bracketed or len(line) - len(words) >= _CENTRED) and self.rules.classify(normalize_space(words), place):
                apart.add(i)
        return frozenset(apart)

    def _rubric_lines(self, accepted: CandidateTable) -> frozenset[int]:
        """In text printed one sentence a line (aligned parliamentary text), a line with no sentence end whose
        words are all capitalised ("International Day of Human Rights", "COAST GUARD RADIO STATION") is a rubric
        between the sentences, not words of the speech around it."""
        if self.layout.line_numbered or not self.one_sentence_a_line:
            return frozenset()
        text, starts, ends = self.text, self.layout.starts, self.layout.ends
        return frozenset(
            i
            for i in range(len(starts))
            if ends[i] > starts[i]
            and text[ends[i] - 1] not in SENTENCE_END
            and i not in accepted
            and _RUBRIC.fullmatch(text, starts[i], ends[i]) is not None
        )

    def _dialogue_column(self, accepted: Iterable[tuple[int, cand.Candidate]]) -> int | None:
        """A script's dialogue column, when its cues stand alone well right of the words under them (a multi-camera
        script centres its cues and prints its dialogue and action in capitals): a line left of the cues is speech
        or action, though it looks like a cue ("WORKED.", "RITA STIRS A POT. DEV ENTERS."). Else None. One pass,
        counting indents only."""
        total = 0
        cues: Counter[int] = Counter()  # the indents of cues alone on their line
        under: Counter[int] = Counter()  # the indents of the words right under them
        for line, candidate in accepted:
            total += 1
            if candidate.alone and self.shapes.prints_alone(candidate.shape):
                cues[self._indent_of(line)] += 1
                below = self._indent_under_cue(line, candidate)
                if below is not None:
                    under[below] += 1
        dialogue = _common_indent(under)
        if total < _MIN_COLUMN_CUES or dialogue is None:
            return None
        # Centred cues stand at indents that vary with the name's length, all well right of the dialogue.
        deeper = sum(n for indent, n in cues.items() if indent >= dialogue + _CUE_MARGIN)
        return dialogue if deeper >= max(_MIN_COLUMN_CUES, 0.6 * total) else None

    def _after_blank(self, line: int) -> bool:
        """Whether the line above ``line`` is blank (or there is none)."""
        return line == 0 or self.layout.ends[line - 1] <= self.layout.starts[line - 1]

    def _indent_under_cue(self, line: int, candidate: cand.Candidate) -> int | None:
        """The indent of the words on the line under a cue printed alone on its line; None for any other label
        (or a cue with a blank line under it)."""
        if not candidate.alone or not self.shapes.prints_alone(candidate.shape) or line + 1 >= len(self.layout.starts):
            return None
        below_start, below_end = self._line(line + 1)
        return self._indent_of(line + 1) if below_end > below_start else None

    def _outdents(self, i: int) -> bool:
        """Whether line ``i`` stands left of the line above it, as a play's hanging cue does (not where the
        line above opens a paragraph by the document's first-line indent: its next line comes back to the margin)."""
        if i == 0 or self.layout.line_numbered:
            return False
        above = self._indent_of(i - 1) if self.layout.ends[i - 1] > self.layout.starts[i - 1] else None
        # (A one-character "indent" is no paragraph's: a page saved as text starts lines with a no-break space.)
        indented_paragraph = above is not None and above >= 2 and above in self.opening_indents
        return above is not None and not indented_paragraph and self._indent_of(i) < above

    def _lines_worth_a_look(self, firsts: bytearray) -> Iterable[int]:
        """Paragraph starts, and the lines inside paragraphs where one of the profile's active shapes may match:
        found by C-speed searches over the whole text (each line is then matched for real within its own bounds).
        Notes the lines that hold a shape's trigger. Line-numbered text and bare-CR line ends are looked at line by
        line."""
        starts = self.layout.starts
        if self.layout.line_numbered or not starts or any(end in self.text for end in _OTHER_LINE_ENDS):
            return range(len(starts))  # the scanner looks after "\n" only: other line ends, line by line
        # Which lines to look at, and which hold a trigger: one byte a line each, not a set (a document of short
        # lines has a hit on nearly every line). A hit before the first content line counts for none.
        look = bytearray(firsts)
        self.triggered = bytearray(len(starts))
        for place, active, triggered in self.shapes.places(self.text):
            line = bisect.bisect_right(starts, place) - 1
            if line >= 0:
                look[line] |= active
                self.triggered[line] |= triggered
        return _set_bytes(look)  # in line order (bytearray.find jumps between them in C)

    def _header_field_runs(self, found: CandidateTable) -> set[int]:
        """Lines of the record's header: a run of "Field: value" lines with no blank line between that holds a
        header field ("Interviewee: Margaret Hollis (MH)" / "Interviewer: James Tran (JT)" / "Date: March 14,
        2024"). Such a label names who speaks, and opens no turn. The run ends at a line whose words are a
        sentence, not a field's value ("Moderator: Thanks for coming, everyone.", the first turn under a header
        printed without a blank line), and is looked for within a few lines of each header field, so a chat
        export of one utterance a line costs nothing more."""
        lines: set[int] = set()
        fields = [label for label in found.labels if fold(label) in _HEADER_FIELDS]  # distinct labels: a few
        # A roster's heading alone on its line ("PERSONNEL OF THE COURT:" over "MJ: COL R. ALVAREZ", "TC: CPT M.
        # DEVEREAUX"): the "Code: name" lines under it name who speaks, and open no turn.
        rosters = [label for label in found.labels if fold(label) in _ROSTER_HEADINGS]
        starts, ends = self.layout.starts, self.layout.ends
        for heading in list(found.lines_with(rosters)) if rosters else ():
            j = heading + 1
            while j < len(starts) and j <= heading + _BLANK_LINES_UNDER_A_LABEL and ends[j] <= starts[j]:
                j += 1  # a blank line under the heading
            first = j
            while j - first < _HEADER_RUN and (below := found.get(j)) is not None and self._field_value(below, j):
                lines.add(j)
                j += 1
            if j > first:
                lines.add(heading)
        lines.update(self._holder_fields(found))
        for field in list(found.lines_with(fields)) if fields else ():
            lines.add(field)
            for step in (-1, 1):
                j = field + step
                while abs(j - field) <= _HEADER_RUN and (below := found.get(j)) is not None:
                    if not self._field_value(below, j) or self.shapes.introduces(below.shape):
                        break  # (a field naming who speaks the words under it, "Speaker: Tomas Lind", ends the head)
                    lines.add(j)
                    j += step
        return lines

    def _holder_fields(self, found: CandidateTable) -> Iterator[int]:
        """At a record's head, before its first words that are a sentence, an office or a role whose whole value is
        a person ("Presidente: Ex.mo Sr. Henrique Sarmento Leal", "MODERATOR: Simone Delacroix (Meridian News)"):
        the field that names who holds it, no turn; and in the title block, a label over a title ("Panel 4:
        Archives, Algorithms and the Public Record"). (Later in a record the same line is the chair calling on a
        member, and stays a turn.)"""
        text, starts, ends = self.text, self.layout.starts, self.layout.ends
        # The document's opening lines, up to its first blank line and no more than a few: its title block.
        title_block = next((j for j in range(len(starts)) if j and ends[j] <= starts[j]), len(starts))
        title_block = min(title_block, _TITLE_BLOCK_LINES)
        for n, (i, c) in enumerate(found.items()):
            if n >= _HEAD_CANDIDATES or c.end > _FRONT_MATTER_CHARS:
                return  # a record's head is at its top
            value = text[c.end : ends[i]].strip()
            if value[-1:] in SENTENCE_END or len(value) > _FIELD_VALUE_CHARS:
                return  # the first sentence: the head is over
            if not value:
                continue
            if i < title_block and ". " not in value and _TITLE_WORDS.fullmatch(value):
                yield i  # "Panel 4: Archives, Algorithms and the Public Record": the document's title
                continue
            office, holder = parse_label(c.label), parse_label(value)
            if (
                office is not None
                and office.family is None
                and (office.titles or office.role)
                and holder is not None
                and holder.family is not None
                and (holder.given or holder.honorific)
                and holder.role is None
            ):
                yield i

    def _under_header_fields(self, found: CandidateTable, header_fields: set[int]) -> int:
        """The last line of a header block of fields at the document's top ("اسم البرنامج: حوار الساعة" / "مقدم
        البرنامج: …" / "تاريخ الحلقة: …"), when every label above it is printed once, right over it: those are the
        page's headline and title ("وزير الخارجية الإسباني: الهجرة لا تُحل …", a speaker's words quoted over the
        programme), not turns. 0 when there is none."""
        starts = self.layout.starts
        top = sorted(i for i in header_fields if starts[i] < _FRONT_MATTER_CHARS)
        # A block: two fields or more, one under the other; the labels above it stand right over it.
        if len(top) < 2 or not any(b - a <= 2 for a, b in itertools.pairwise(top)):
            return 0
        first, last = top[0], top[-1]
        lines = found.lines
        above = [i for i in lines[: bisect.bisect_left(lines, last)] if i not in header_fields]
        if not above or above[0] < first - _HEADER_RUN:
            return 0
        labels = {found[i].label for i in above}
        # (Counted without making a candidate of every row: lines_with reads the table's columns.)
        return last if sum(1 for _ in found.lines_with(labels)) == len(above) == len(labels) else 0

    def _transcript_heading(self, found: CandidateTable) -> int:
        """The line of a "Transcript" heading over the transcript (a web page's or an export's: "Transcript",
        "Full transcript", "Transcript (speaker names added by the channel)"), when labels follow it: what stands
        above it is the page's front matter (show notes, a guest list in label shape), which names who speaks but
        opens no turn. 0 when there is none."""
        lines = found.lines
        if not lines:
            return 0
        starts = self.layout.starts
        # A heading under the last label heads no transcript; front matter stands at the top of a document.
        limit = min(starts[lines[-1]], _FRONT_MATTER_CHARS)
        head = self.text[:limit]
        if "ranscript" not in head and "RANSCRIPT" not in head:  # no heading: spares the line-by-line search
            return 0
        for match in _TRANSCRIPT_HEADING.finditer(self.text, 0, limit):
            line = bisect.bisect_right(starts, match.start()) - 1
            if line >= 0 and starts[line] == match.start():
                return line
        return 0

    def _centred_fields(self, found: CandidateTable) -> set[int]:
        """Lines of a sitting's head centred over the record ("BAŞKAN: Başkan Vekili Meral ÇAYIRLI", "KÂTİP
        ÜYELER: …" under "BİRİNCİ OTURUM"), in a document whose labels (nearly all) stand at the margin or a
        paragraph's indent: fields of the head that name who chairs, no turns. (A field is printed with a colon:
        a screenplay's cues alone on their lines and the dialogue under them are centred too.)"""
        if self.layout.line_numbered:  # a numbered transcript's labels stand at the text's column, wherever it is
            return set()
        text, starts = self.text, self.layout.starts
        lines = [i for i, c in found.items() if not c.alone]
        # A line so far in opens with that many blanks (or two tabs): found by one comparison a line.
        centred = {
            i
            for i in lines
            if (text.startswith(_CENTRED_PAD, starts[i]) or text.startswith("\t\t", starts[i]))
            and found[i].delimiter == ":"
        }
        if not centred or len(centred) * _CENTRED_SHARE > len(lines):
            return set()
        return centred

    def _padded_field(self, candidate: cand.Candidate, line: int) -> bool:
        """A field of a form, its value padded out to a column ("Sub-disposition:     Duplicate charge", "Reason
        codes:        BILL_DISPUTE", a tribunal's "Claimant:         Mr T Reyne"): a word in title case, no person
        by honorific, the value no sentence; it is a field where the line beside it is one too (above).
        (A log's codes in capitals pad their words too: "CC:      Copy that" stays a label.)"""
        if self.text[candidate.end : candidate.end + _FIELD_PADDING] != " " * _FIELD_PADDING:
            return False
        parsed = parse_label(candidate.label)
        return (
            parsed is not None
            and not (parsed.honorific or parsed.inner)
            and cand.LOWER_CASE.search(candidate.label) is not None
            and self._field_value(candidate, line)
        )

    def _padded_neighbour(self, found: CandidateTable, line: int) -> bool:
        """Whether the line next to a padded field is one too: a form prints its fields together, and one padded
        line alone may be a speaker's words."""
        neighbour = found.get(line)
        return neighbour is not None and self._padded_field(neighbour, line)

    def _field_value(self, candidate: cand.Candidate, line: int) -> bool:
        """Whether what follows a label on its line reads as a header field's value: short, and no sentence."""
        value = self.text[candidate.end : self.layout.ends[line]].strip()
        return len(value) <= _FIELD_VALUE_CHARS and not value.endswith((".", "?", "!"))

    def _inline_labels(self, found: CandidateTable) -> frozenset[str]:
        """The labels of ``found`` printed with words after them on their line (found once per table)."""
        if self._inline is None or self._inline[0] is not found:
            self._inline = (found, frozenset(c.label for c in found.values() if not c.alone))
        return self._inline[1]

    def _leaders_to_an_entry(self, i: int) -> bool:
        """Whether line ``i`` ends in dot leaders to a short entry: looked for in the line's last characters only
        (a search over a long line of dots would try every dot as the leaders' start)."""
        start, end = self._line(i)
        return _LEADERS_TO_AN_ENTRY.search(self.text, max(start, end - _LEADERS_WINDOW), end) is not None

    def _roster_runs(self, found: CandidateTable) -> set[int]:
        """Lines of a roster printed as labelled lines: three or more in a row, no blank line between, each a
        different name with a description and no sentence after it, each name printed nowhere else as a label
        ("Guests recognized in the Governor's address:" / "Ana Teixeira-Lund: Registered Nurse, Fairview Range
        Medical Center, Hibbing" / …). A chat's lines are its messages, never a roster."""
        if self.convention.line_per_entry or len(found) < _ROSTER_LINES:
            return set()
        once = {label for label, n in found.label_counts().items() if n == 1}
        lines = list(found.lines_with(once))  # (no candidate is made for the lines of labels printed again)
        in_runs = {
            i for k, i in enumerate(lines) if (k and lines[k - 1] == i - 1) or (k + 1 < len(lines) and lines[k + 1] == i + 1)
        }
        text, ends = self.text, self.layout.ends
        run: list[int] = []
        rosters: set[int] = set()
        for i in sorted(in_runs):
            c = found[i]
            entry = (
                c.label in once
                and c.delimiter == ":"  # "Name: who they are" (a log's time-coded lines are its messages)
                and c.stamp is None
                and not c.alone
                and text[ends[i] - 1] not in _FULL_STOPS
                and ends[i] - c.end <= _ROSTER_ENTRY_CHARS
                and not text[c.end : ends[i]].rstrip().endswith(":")
                and parse_label(c.label) is not None  # a name or an office, not wrapped prose before a colon
            )
            if entry and run and i == run[-1] + 1:
                run.append(i)
                continue
            if len(run) >= _ROSTER_LINES:
                rosters.update(run)
            run = [i] if entry else []
        if len(run) >= _ROSTER_LINES:
            rosters.update(run)
        return rosters

    def _bulleted_entry(self, i: int, found: CandidateTable) -> bool:
        """Whether line ``i`` is an entry of a bulleted list of labelled lines ("- توماس إيبارا: وزير الخارجية",
        "• Dr Ana Ruiz: panel chair" among its like) over a transcript whose labels are not bulleted: a list's entry
        names who takes part, it opens no turn. (A chat copied with a dash before every message, "- Alice: Are we
        ready?", bullets all its labels: those are its turns.)"""
        if not self._bulleted(i) or not any(j in found and self._bulleted(j) for j in (i - 1, i + 1)):
            return False
        if self.last_plain_label is None:  # looked for once, from the end: the last label with no bullet
            self.last_plain_label = next((j for j in reversed(found.lines) if not self._bulleted(j)), -1)
        return i < self.last_plain_label

    def _bulleted(self, i: int) -> bool:
        start, _ = self._line(i)
        text = self.text
        if text[start] not in _BULLET_OPENERS:  # most lines: one look at one character
            return False
        at = self._first_visible(i)
        return text[at : at + 2] in _BULLETS

    def _first_visible(self, i: int) -> int:
        """Where line ``i``'s first character that is no blank stands (a line with words has one)."""
        start, end = self._line(i)
        while start < end - 1 and self.text[start] in " \t\u00a0":
            start += 1
        return start

    def _has_words_below(self, i: int, candidate: cand.Candidate, found: CandidateTable) -> bool:
        """A label its shape prints alone on its line opens a turn only when words follow it: a list of names
        (a table of contents, a participants list) is not a run of turns, nor is the last name of a list that a
        heading follows ("CONFERENCE CALL PARTICIPANTS", "PRESENTATION"). Labels of inline shapes pass, but for a
        period label with nothing after it on its line: the record prints its words after the period, so that is
        an entry of a list of members ("Mr Daniel FOO Chee Meng (Sungei Tengah East)." under "ABSENT:"), where it
        reads as a label at all (a sentence of text printed one sentence a line is left to the vote to refuse)."""
        if (
            candidate.alone
            and candidate.delimiter == "."
            and not candidate.timed
            and not self.shapes.introduces(candidate.shape)  # ("Palabras del honorable Senador X.": a heading's)
        ):
            # ... but a label this document prints with its words after it elsewhere is that label over its
            # words here (a stenogram's "ГОЛОВУЮЧИЙ." alone on its line, the chair's words on the next).
            return parse_label(candidate.label) is None or candidate.label in self._inline_labels(found)
        if candidate.alone and self._numbered_list_under(i):
            return False  # an agenda's or a contents list's heading ("Dagskrá:" over "1. Störf þingsins.")
        if not candidate.alone or not self.shapes.prints_alone(candidate.shape):
            return True
        starts, ends = self.layout.starts, self.layout.ends
        furniture = 0  # a page's furniture between a name and its words ("replied to a thread:") is looked past
        for j in range(i + 1, min(i + 2 + _BLANK_LINES_UNDER_A_LABEL + _FURNITURE_UNDER_A_LABEL, len(starts))):
            if ends[j] > starts[j]:
                below = found.get(j)
                if below is not None:
                    # A sentence that ends in a colon ("Notes from the marketing sync:") is words, not a label; so
                    # is a line in capitals well left of a centred cue (a multi-camera script's "NO.").
                    return (
                        not below.alone
                        or below.timed
                        or parse_label(below.label) is None
                        or self._indent_of(j) + _CUE_MARGIN <= self._indent_of(i)
                    )
                rule = self.rules.classify(normalize_space(self.text[starts[j] : ends[j]]), _ANY_PLACE)
                if rule is not None and rule.kind == "BOILER" and furniture < _FURNITURE_UNDER_A_LABEL:
                    furniture += 1
                    continue
                return rule is None or rule.kind not in _NOT_WORDS
        return False

    def _label_follows(self, last: int) -> bool:
        """Whether the next line with words after line ``last`` opens a turn with words after its label."""
        starts, ends = self.layout.starts, self.layout.ends
        j = last + 1
        while j < len(starts) and ends[j] <= starts[j]:
            j += 1
        row = bisect.bisect_left(self.label_lines, j)
        # (A label alone on its line, a chat's "Malik Hassan  10:06 AM" over the message: the time line is a
        # message's, not a sitting's item.)
        return row < len(self.label_lines) and self.label_lines[row] == j and not self.accepted.row(row).alone

    def _numbered_list_under(self, i: int) -> bool:
        """Whether the line under line ``i`` (no blank line between) opens a list numbered from 1, one short item
        a line ("1. Störf þingsins." / "2. Fjármálaáætlun 2026–2030, fyrri umræða."): what a heading alone on its
        line lists, no one's words."""
        starts, ends, text = self.layout.starts, self.layout.ends, self.text
        j = i + 1
        if j + 1 >= len(starts) or not text.startswith("1", starts[j]):
            return False
        return all(
            ends[k] - starts[k] <= _LIST_ITEM_CHARS and _LIST_NUMBER.match(text, starts[k], ends[k]) is not None
            for k in (j, j + 1)
        ) and text[starts[j + 1]] == "2"

    def _emit_after_label(
        self,
        out: list[Token],
        candidate: cand.Candidate,
        line: int,
        last: int,
        accepted: CandidateTable,
    ) -> int:
        """Emit what follows a label in its paragraph (an interpreter note, the words up to the paragraph's end or
        the next label); return the next line still to emit."""
        while line < last and self.layout.starts[line + 1] <= candidate.end:
            line += 1  # a label wrapped over several lines: its words start on its last line
        _, end = self._line(line)
        position = candidate.end
        if candidate.stamp is not None:  # "00:12:31 Priya Shah:", "Speaker 2  1:07": the time printed with it
            begin, finish = candidate.stamp
            out.append(_token("TIMESTAMP", self.text[begin:finish], begin, finish))
            self.spans.append(Span("timestamp", begin, finish))
        note = lexicon.INTERPRETER_NOTE.match(self.text, position, end)
        if note is None and candidate.delimiter in ("", "."):
            # A cue's direction before its words ("HIGGINS [rising] Well!", "ROSAMUND. (stiffly) I am."): how the
            # line is said, kept as the turn's note, not spoken.
            note = _CUE_DIRECTION.match(self.text, position, end)
        if note is not None:
            out.append(_token("NOTE", normalize_space(note.group()), note.start(), note.end()))
            self.spans.append(Span("note", note.start(), note.end()))
            position = note.end()
        if (
            candidate.timed and candidate.stamp is None and self.text[position:end].strip()
        ):  # "Joe Biden: (12:01)": the turn's start time, then the words below
            stamp = self.text[position:end]
            lead = len(stamp) - len(stamp.lstrip())
            out.append(_token("TIMESTAMP", stamp.strip(), position + lead, end))
            self.spans.append(Span("timestamp", position + lead, end))
            return line + 1
        if self.text[position:end].strip():
            stop_line = line
            while stop_line < last and stop_line + 1 not in accepted:
                stop_line += 1
            value, start, stop = self._segment_text(line, stop_line, position)
            spoken = self._without_inline_notes(value)
            if spoken and self._may_hold_glued(spoken):
                self._append_speech(out, spoken, start, stop)
            elif spoken:
                out.append(_token("PARA", spoken, start, stop))
            else:
                out.append(_token("STAGE", value, start, stop))
            return stop_line + 1
        # A label alone on its line may carry a timestamp line under it (podcast and rev.com renditions).
        if line + 1 < len(self.layout.starts):
            nxt = line + 1
            start, stop = self._line(nxt)
            if stop > start and cand.is_timestamp(self.text, start, stop):
                out.append(_token("TIMESTAMP", self.text[start:stop].strip(), start, stop))
                self.spans.append(Span("timestamp", start, stop))
                return nxt + 1 if nxt <= last else line + 1
        return line + 1

    def _emit_paragraph(
        self,
        out: list[Token],
        first: int,
        last: int,
        start: int,
        seen_label: bool,
        off_shape: bool = False,
        action: bool = False,
    ) -> None:
        value, begin, end = self._segment_text(first, last, start)
        if not value:
            return
        kind, why = self._classify(value, seen_label, out, first, last)
        if kind == "PARA" and value[0] in _STAMP_FIRSTS and self._paragraphs_open_with_times():
            # Words after the time they were said at (a chapter's heading after its time, "00:41 Grandad's
            # lathe", is read whole, above): the time is no one's words, what follows is read as it is.
            words, begin = self._cut_opening_time(out, value, begin, end)
            if words is not value:
                value = words
                kind, why = self._classify(value, seen_label, out, first, last)
        if (
            kind == "PARA"
            and value.rstrip(".")[-1:] in _NOTE_CLOSERS  # the cheap test first: most paragraphs end a sentence
            and out
            and out[-1].type == "PARA"
            and out[-1].value[:1] in _NOTE_BRACKETS
        ):
            kind, why = self._closing_split_note(out, value, seen_label, first, last) or (kind, why)
        if (
            kind == "PARA"
            and not seen_label
            and out
            and out[-1].type in ("HEADING", "PARA")
            and (value[-1:] in SENTENCE_END or len(value) > _HEADING_CHARS)  # words under it, not another heading
            # In a document with no label, only a heading that names a speech by its speaker ("JUDGE WEATHERBY'S
            # SPEECH.", a newspaper's report of a debate): a heading over a news story's prose names no speaker.
            and (self.body_lines[1] >= 0 or header.names_its_speaker(str(out[-1].value)))
        ):
            self._label_from_heading(out)
        elif (
            kind == "PARA"
            and seen_label
            and out
            and out[-1].type in ("HEADING", "PARA")
            and (value[-1:] in SENTENCE_END or len(value) > _HEADING_CHARS)
            and len(out[-1].value) <= _HEADING_CHARS  # the cheap tests of a heading first: most paragraphs fail them
            and (out[-1].value[-1:] not in SENTENCE_END or header.names_its_speaker(str(out[-1].value)))
        ):
            self._label_from_heading_in_body(out)
        if action and kind == "PARA":
            kind, why = "STAGE", "a screenplay's action line: flush where the dialogue under the cues is indented"
        elif (
            kind == "PARA"
            and seen_label
            and out[-1].type == "TIMESTAMP"
            and value[-1] not in _FULL_STOPS
            and value[0].isupper()
            and self.words_ended  # a caption's time line falls mid-sentence: the line under it goes on with it
            and len(value) <= _HEADING_CHARS * 2
            and self._label_follows(last)
        ):
            kind, why = "HEADING", _ITEM_UNDER_A_TIME
        if kind == "HEADING" and seen_label and why is _AGENDA_ITEM:
            # An agenda item's heading ends the turn over it: what a clerk writes under it ("Councilmember Drummond
            # pulled Item 6.C") up to the next label is the minutes' narrative, no one's speech.
            self.aside_to_label = "the minutes' narrative under an agenda item's heading, up to the next label"
        elif self.aside_to_label and kind == "PARA":
            kind, why = "STAGE", self.aside_to_label
        if kind == "INSERT_OPEN":  # what follows, up to the next label, is printed into the record
            self.inserting_to_label, kind = True, "STAGE"
        elif self.inserting_to_label and kind in ("PARA", "HEADING") and seen_label:
            kind, why = "INSERT", "inserted material, from an insert opener up to the next label"
        # Inserted material runs from the recorder's "..., as follows:" while paragraphs are not shaped like
        # speech (block-indented, centred, flush) or are captions without a sentence end.
        if (
            kind in ("PARA", "HEADING")
            and seen_label
            and _inserting(out)
            and (off_shape or kind == "HEADING" or value[-1:] not in SENTENCE_END)
        ):
            kind, why = "INSERT", "inserted material after an insert opener, not shaped like the speech"
        if kind == "BOILER_PREFIX":
            cut = _glued_boilerplate_end(value)
            boiler_end = self._offset_of_word_end(begin, end, value[:cut])
            self.spans.append(Span("boilerplate", begin, boiler_end, why))
            out.append(_token("BOILER", value[:cut], begin, boiler_end))
            rest_start = boiler_end
            rest = (
                value[cut:].strip()
                if self.layout.by_line
                else normalize_space(self.text[rest_start:end])
            )
            if rest:
                out.append(_token("PARA", rest, rest_start, end))
            return
        if kind == "PARA":
            value = self._without_inline_notes(value)
            if not value:
                kind, why = "STAGE", "only notes the profile prints inside speech"
                value = normalize_space(self.text[begin:end])
        if kind in _SPAN_KINDS:
            self.spans.append(Span(_SPAN_KINDS[kind], begin, end, why))
        if kind == "PARA" and self.asking:
            if self.asked and value.rstrip(_QUESTION_CLOSERS)[-1:] in _ANSWER_ENDS:
                # The answer to a question in a record that labels only its questions (a central bank's press
                # conference): a turn of its own, its speaker not printed, never the asker's words.
                out.append(_token("LABEL", self._interviewee(), begin, begin))
                self.asking = False
            elif _ends_a_question(value):
                self.asked = True
        if kind == "PARA" and seen_label and self._may_hold_glued(value):
            self._append_speech(out, value, begin, end)
            return
        if kind == "PARA" and seen_label and first > self.body_lines[1] and 0 <= self._trailer_start() <= first:
            kind, why = "BOILER", "set apart from the last speech by a wider gap than the document's, over its end"
            self.spans.append(Span("boilerplate", begin, end, why))
        if why == _WEB_FURNITURE and seen_label and first > self.body_lines[1] and len(value) <= _FURNITURE_LINE:
            # A line of web furniture after the last label ("Share this page", "Is this page useful?") ends the
            # transcript: the page's lines under it ("Maybe", "Yes this page is useful") are no one's words either.
            # (Only a short line: a phrase inside a speech's paragraph, "sign up to serve", ends nothing; and only
            # a web page's: a page number or running head inside the last speech is furniture the speech goes on
            # under.)
            kind = "END"
        out.append(_token(kind, value, begin, end))
        if kind != "TIMESTAMP":  # (a note or a heading is whole; a paragraph of words ends where a sentence does)
            self.words_ended = kind != "PARA" or value[-1] in _FULL_STOPS

    def _contents_lines(self) -> frozenset[str]:
        """The lines over the first label that end no sentence (a contents list's items, "2. 14:03 Arupärimine
        perearstiabi kättesaadavuse kohta (nr 187)"): a paragraph among the turns that repeats one is that item's
        heading, not the words of the turn over it (found once per document)."""
        first_label = self.body_lines[0]
        if self._contents[0] != first_label:  # (the body's first label is known once the labels are decided)
            starts, ends, text = self.layout.starts, self.layout.ends, self.text
            self._contents = first_label, frozenset(
                normalize_space(text[starts[i] : ends[i]])
                for i in range(max(first_label, 0))
                if _CONTENTS_ITEM_MIN <= ends[i] - starts[i] <= _HEADING_CHARS * 2
                and text[ends[i] - 1] not in _FULL_STOPS
            )
        return self._contents[1]

    def _closing_split_note(
        self, out: list[Token], value: str, seen_label: bool, first: int, last: int
    ) -> tuple[str, str] | None:
        """A note in brackets a page break cut in two ("(At this stage Mr. Speaker vacated the Chair which was
        occupied by Mr. Chairman" / page number, running head / "(Mr. X), a Member of the Panel of Chairmen.)"):
        where this paragraph closes the bracket the paragraph before it left open, and the two read as one note,
        both are that note (the one before was taken for speech)."""
        before = out[-1].value
        opening, closing = _NOTE_BRACKETS[before[0]]
        left_open = before.count(opening) - before.count(closing)
        if left_open <= 0 or value.count(closing) - value.count(opening) != left_open:
            return None
        kind, why = self._classify(f"{before} {value}", seen_label, out, first, last)
        if kind != "STAGE":
            return None
        begin, end = int(out[-1].start_pos or 0), int(out[-1].end_pos or 0)
        retype_last(out, _token("STAGE", before, begin, end))
        return kind, why

    def _trailer_start(self) -> int:
        """The first line of paragraphs after the last speech that a wider gap than any between the document's
        paragraphs sets apart from it (two blank lines where one parts paragraphs elsewhere), over an end marker
        ("Nilufar Castellanos is a contributing editor …"): a magazine's caption under the interview is the
        trailer's, not the last speaker's words. -1 where there is none (found once per document)."""
        if self._trailer is not None:
            return self._trailer
        self._trailer = -1
        starts, ends, text = self.layout.starts, self.layout.ends, self.text
        first_label, last_label = self.body_lines
        if last_label < 0 or _WIDE_GAP.search(text, starts[first_label], starts[last_label]):
            return -1
        place = rules.Place.of(True, True, False)
        blanks, set_apart, count, i = 0, -1, len(starts), last_label + 1
        while i < count:
            if ends[i] <= starts[i]:
                blanks, i = blanks + 1, i + 1
                continue
            if set_apart < 0 and blanks >= 2 and i - blanks - 1 > last_label:  # words under the label came first
                set_apart = i
            paragraph_end = i
            while paragraph_end + 1 < count and ends[paragraph_end + 1] > starts[paragraph_end + 1]:
                paragraph_end += 1
            if set_apart >= 0:
                rule = self.rules.classify(normalize_space(text[starts[i] : ends[paragraph_end]]), place)
                if rule is not None and rule.kind == "END":
                    self._trailer = set_apart
                    break
            blanks, i = 0, paragraph_end + 1
        return self._trailer

    def _append_speech(self, out: list[Token], value: str, start: int, stop: int) -> None:
        """A paragraph of speech; where text saved from a web page lost its paragraph breaks, the document's own
        labels (that open two paragraphs or more elsewhere) glued after a sentence inside it ("... les respondo
        preguntas.PREGUNTA: Gracias ...") open turns there."""
        # (label, where the words before it end, where it starts, where its delimiter is)
        found = []
        if self.glued and ":" in value:
            found = [(label, at, at, colon) for label, at, colon in _glued_labels(self.text, start, stop, self.glued)]
        if self.run_in and _RUN_IN_ANSWER_LOOK in value:
            found = sorted(found + list(_run_in_answers(self.text, start, stop)), key=lambda glued: glued[1])
        if not found or value != normalize_space(self.text[start:stop]):  # (notes cut from it: kept whole)
            out.append(_token("PARA", value, start, stop))
            return
        cut = start
        for label, words_end, at, mark_end in found:
            self._append_part(out, cut, words_end)
            out.append(_token("LABEL", label, at, at + len(self.text[at:mark_end].rstrip())))
            self.decisions.add(label, at, True, "a label of this document glued after a sentence")
            cut = mark_end + 1
        self._append_part(out, cut, stop)

    def _may_hold_glued(self, value: str) -> bool:
        """Whether a paragraph of speech may hold a label of the document glued after a sentence: one of its labels
        before a colon, or an answer's mark run in after the question ("… at that time? - A. From about seven")."""
        return bool(self.glued and ":" in value) or (self.run_in and _RUN_IN_ANSWER_LOOK in value)

    def _append_part(self, out: list[Token], begin: int, end: int) -> None:
        part = self.text[begin:end]
        value = normalize_space(part)
        if value:
            lead = len(part) - len(part.lstrip())
            out.append(_token("PARA", value, begin + lead, begin + len(part.rstrip())))

    def _label_from_heading(self, out: list[Token]) -> None:
        """Before the first label, a heading that names the speaker of the words under it ("Prime Minister's
        opening statement" over an unlabelled statement, a Q&A with labels after it) is their label: a LABEL
        token where the heading prints the speaker."""
        heading = out[-1]
        value = str(heading.value)
        sentence = heading.type == "PARA" and (len(value) > _HEADING_CHARS or value[-1:] in SENTENCE_END)
        if sentence and not header.is_speech_intro(value):
            return  # a sentence, not a heading (but for an archive's "The speech made by X, …")
        speaker = header.speaker_of_heading(value)
        if speaker is not None and self._label_in_heading(out, speaker, "a heading"):
            self.heading_labelled = True

    def _label_from_heading_in_body(self, out: list[Token]) -> None:
        """Between turns, a heading that opens with a speech and names a person ("Opening remarks by Dr Amara
        Osei, Assistant Director-General") is the label of the words under it; the heading itself is no one's
        speech."""
        heading = out[-1]
        value = str(heading.value)
        if len(value) > _HEADING_CHARS or (value[-1:] in SENTENCE_END and not header.names_its_speaker(value)):
            return
        speaker = header.speaker_of_heading_in_body(value)
        if speaker is not None:
            self._label_in_heading(out, speaker, "a heading between turns", no_speech=True)

    def _label_in_heading(self, out: list[Token], speaker: str, what: str, no_speech: bool = False) -> bool:
        """Append a LABEL token for ``speaker`` where the heading just emitted (``out[-1]``) prints it, with the
        decision that says why; ``no_speech``: a heading read as a paragraph becomes a heading. False when the
        heading does not print the name as it stands."""
        heading = out[-1]
        start, end = int(heading.start_pos or 0), int(heading.end_pos or 0)
        at = self.text.find(speaker, start, end)
        if at == -1:
            return False
        if no_speech and heading.type == "PARA":
            retype_last(out, _token("HEADING", str(heading.value), start, end))
        out.append(_token("LABEL", speaker, at, at + len(speaker)))
        reason = f"{self.convention.name} profile: {what} that names the speaker of the words under it"
        self.decisions.add(speaker, at, True, reason)
        return True

    def _text_differs(self) -> None:
        if self.on_note_cut is not None:
            self.on_note_cut()
            self.on_note_cut = None

    def _without_inline_notes(self, value: str) -> str:
        """A paragraph's words without the notes its profile prints inside speech ("[He sits.]")."""
        value, cut = self.inline_notes.cut(value)
        if cut:
            self._text_differs()
        for name in cut:
            self.rule_hits[name] = self.rule_hits.get(name, 0) + 1
        return value

    def _paragraphs_open_with_times(self) -> bool:
        """Whether the document opens paragraphs with the recording time they were said at ("00:51 And that
        Tuesday, …", a talk's transcript as its page prints it): three or more do (one look a document)."""
        if self.opening_times is None:
            self.opening_times = _recurs(_PARAGRAPH_TIME, self.text, _RECURRING_TIMES)
        return self.opening_times

    def _cut_opening_time(self, out: list[Token], value: str, begin: int, end: int) -> tuple[str, int]:
        """The paragraph's words after the recording time it opens with, if it does (the time is a timestamp
        token of its own, no one's words), and where they start."""
        opening = _OPENING_TIME.match(value)
        if opening is None:
            return value, begin
        stamp = opening.group("time")
        at = self.text.find(stamp, begin, end)
        finish = at + len(stamp)
        out.append(_token("TIMESTAMP", stamp, at, finish))
        self.spans.append(Span("timestamp", at, finish))
        rest = value[opening.end() :]
        return rest, self.text.find(rest[:1], finish, end)

    def _offset_of_word_end(self, begin: int, end: int, prefix: str) -> int:
        """Source offset just after the normalized ``prefix`` of the paragraph that starts at ``begin``."""
        last_word = prefix.split()[-1]
        position = begin
        for word in prefix.split()[:-1]:
            position = self.text.find(word, position, end) + len(word)
        found = self.text.find(last_word, position, end)
        return (found if found != -1 else position) + len(last_word)

    def _classify(
        self, value: str, seen_label: bool, out: list[Token], line: int, last: int
    ) -> tuple[str, str]:
        """The kind of a paragraph's token (its lines ``line`` to ``last``), and why (empty for speech)."""
        first_label, last_label = self.body_lines
        inside_body = first_label < line < last_label
        over_label = seen_label and self.rules.may_sit_over_label(value) and self._over_a_label(last)
        place = rules.Place.of(seen_label, line > last_label, inside_body, over_label)
        if line in self.rubrics:
            return "HEADING", "a rubric between sentences (text printed one sentence a line)"
        if line in self.centred_fields:
            return "HEADING", "a field of a sitting's head, centred over the record (see _centred_fields)"
        rule = self.rules.classify(value, place)
        if rule is None and self.convention.translated_lines:
            rule = self._translated_rule(value, line, place)
        if rule is not None:
            self.rule_hits[rule.name] = self.rule_hits.get(rule.name, 0) + 1
            # Rules may say what follows too: a page's links (each headline under the heading is one), and a
            # rule's paragraph over what is no one's words up to the next label (a page's box between an
            # interview's answers, "Zur Person": the biography under it is the paper's, as an agenda item's
            # minutes are).
            if rule.name == _LINKS_HEADING:
                self.links_end = last
            elif rule.to_next_label and seen_label:
                self.aside_to_label = f"under a paragraph of rule {rule.name} ({self.convention.name} profile), up to the next label"
            return rule.kind, f"{self.convention.name} profile, rule {rule.name}: {rule.reason}"
        if line == last == self.links_end + 1 and len(value) <= _LINK_CHARS and value.rstrip(_QUOTE_CLOSERS)[-1:] not in _FULL_STOPS:
            # A headline on the line under the links' heading or another link, no blank line between: a link.
            self.links_end = last
            return "BOILER", _LINK_UNDER_HEADING
        if line > first_label >= 0 and value[-1] not in _FULL_STOPS and value in self._contents_lines():
            return "HEADING", _CONTENTS_REPEATED
        if not inside_body and lexicon.find_boilerplate(value[:400]):
            return ("BOILER_PREFIX" if _glued_boilerplate_end(value) is not None else "BOILER"), _WEB_FURNITURE
        if not seen_label:
            kind = header.classify_header_line(value, position=len(out))
            if kind is not None:
                return kind, f"a header line before the first label ({kind.lower()})"
        # Inside a turn, capitals alone may be shouted speech ("I SAY NO TO WAR"): only a centred line is a heading
        # there (court transcripts' "ORAL ARGUMENT OF ...", the Record's titles).
        indent = self._indent_of(line)
        centred = indent >= _CENTRED and indent != self.dialogue  # a script's dialogue column is no centre
        capitals = _is_heading(value)
        if capitals and (not seen_label or centred):
            return "HEADING", "an upper-case line without sentence punctuation"
        if capitals and _NUMBERED_HEADING.match(value) and self._mixed_case():
            # "6. CONSENT CALENDAR", "IV. ORDERS OF THE DAY": an agenda item's number before capitals is a heading
            # even inside a turn (shouted words carry no item number), where the speech is not in capitals.
            return "HEADING", _AGENDA_ITEM
        if capitals and line == last and _COLUMN_GAP in self.text[slice(*self._line(line))].strip():
            # "Ο ΠΡΟΕΔΡΕΥΩΝ                    ΟΙ ΓΡΑΜΜΑΤΕΙΣ" under the last speech: offices set in columns for their
            # signatures (or a table's head), not shouted words.
            return "HEADING", "a line of capitals set in columns (a signature block, a table's head)"
        if capitals and line == last and self._over_a_label(last) and self._mixed_case():
            # A bulletin's story slug ("2/ NURSES", "WEATHER"), a record's subject heading: capitals alone on a
            # line right over the next label close the turn before it, where the speech is not in capitals.
            return "HEADING", "a line in capitals over the next label, in a document whose speech is not"
        if line == last and value[-1:] not in _HEADLINE_ENDS and _is_headline(value) and self._over_a_label(last) and self._mixed_case():
            # A news programme's headline between its stories ("Halloran Signs Domestic Supply Chain Act, Pledges
            # Rebate Checks by April"): every word capitalised, no sentence's end, right over the next label.
            return "HEADING", "a headline in title case over the next label"
        if centred and _TITLE_LINE.fullmatch(value):  # a centred "General Leave"
            return "HEADING", "a centred title line"
        return "PARA", ""

    def _over_a_label(self, line: int) -> bool:
        """Whether the next line with words after ``line`` opens a turn."""
        label_lines = self.label_lines
        at = bisect.bisect_right(label_lines, line)
        if at == len(label_lines):
            return False
        return all(not self.text[slice(*self._line(i))].strip() for i in range(line + 1, label_lines[at]))

    def _mixed_case(self) -> bool:
        """Whether the document prints its words in upper and lower case (not all in capitals, as captions and
        some records do): read once, from its first 20,000 characters."""
        if self.mixed_case is None:
            sample = self.text[:20_000]
            lower = sum(1 for c in sample if c.islower())
            self.mixed_case = lower >= sum(1 for c in sample if c.isupper())
        return self.mixed_case

    def _translated_rule(self, value: str, line: int, place: rules.Place) -> LineRule | None:
        """In a bilingual record a line is printed again in the other language on the next line: a line directly
        over a line of a rule's kind, or a paragraph of two lines whose last is, is of that kind ("Daeth y cyfarfod
        i ben am 14:02." over "The meeting ended at 14:02." is the closing note)."""
        if line + 1 >= len(self.layout.starts):
            return None
        own = normalize_space(self.text[slice(*self._line(line))])
        second = normalize_space(self.text[slice(*self._line(line + 1))])
        if not second or (value != own and value != f"{own} {second}"):
            return None  # a blank line after it, or a paragraph of more lines
        return self.rules.classify(second, place)

    def _indent_of(self, line: int) -> int:
        start, end = self._line(line)
        return end - start - len(self.text[start:end].lstrip(" \t\u00a0")) + self.layout.pads.get(line, 0)


def _common_indent(indents: Counter[int]) -> int | None:
    """The indent nearly all (four in five) of at least three lines share, above the margin; else None."""
    if indents.total() < 3:
        return None
    indent, n = indents.most_common(1)[0]
    return indent if indent > 0 and n >= 0.8 * indents.total() else None


def _start(candidate: cand.Candidate) -> int:
    return candidate.start




def _glued_labels(text: str, start: int, stop: int, labels: frozenset[str]) -> Iterator[tuple[str, int, int]]:
    """(label, where it starts, where its colon is) of each of ``labels`` glued after a sentence's end inside
    ``text[start:stop]`` ("preguntas.PREGUNTA: ...", "enough. ACTING ADMINISTRATOR SLAVITT: And"). Looked for from
    each colon back to the sentence ends before it (a label may hold a period: "MS. PSAKI"), so the cost is a few
    set lookups per colon, whatever the number of labels."""
    longest = max(map(len, labels)) + 2
    colon = text.find(":", start, stop)
    while colon != -1:
        if colon + 1 >= stop or text[colon + 1] in " \t\u00a0":
            for end in range(colon - 1, max(start, colon - longest) - 1, -1):
                if text[end] not in _SENTENCE_CLOSERS:
                    continue
                at = end + 2 if text[end + 1 : end + 2] in (" ", "\u00a0") else end + 1
                label = " ".join(text[at:colon].split())
                if label in labels:
                    yield label, at, colon
                    break
        colon = text.find(":", colon + 1, stop)


def _run_in_answers(text: str, start: int, stop: int) -> Iterator[tuple[str, int, int, int]]:
    """("A", where the question's words end, where the mark starts, where its period is) of each answer's mark
    run in after a question's or a sentence's end inside ``text[start:stop]``, a spaced dash before it ("… his
    being stopped? - A. He turned"): the dash is neither's words."""
    for match in _RUN_IN_ANSWER.finditer(text, start, stop):
        yield _RUN_IN_ANSWER_MARK, match.start(), match.start("mark"), match.end("mark")


def _recurs(pattern: re.Pattern[str], text: str, times: int) -> bool:
    """Whether ``pattern`` matches ``text`` at least ``times`` times (it stops looking then)."""
    return sum(1 for _ in itertools.islice(pattern.finditer(text), times)) >= times


def _set_bytes(flags: bytearray) -> Iterator[int]:
    """The positions of the non-zero bytes of ``flags``, in order."""
    position = flags.find(1)
    while position != -1:
        yield position
        position = flags.find(1, position + 1)


def _glued_boilerplate_end(value: str) -> int | None:
    """Where a boilerplate sentence glued onto real text ends ("...all the difference.U.S. Secretary ...")."""
    match = lexicon.find_boilerplate(value)
    if match is None:
        return None
    glue = lexicon.BOILERPLATE_SENTENCE_END.search(value, match.end())
    if glue is None or lexicon.find_boilerplate(value, glue.end()):
        return None
    return glue.end()


def _inserting(out: list[Token]) -> bool:
    """Whether inserted material is running: the last token is an insert, or a note that opens one."""
    if not out:
        return False
    last = out[-1]
    return last.type == "INSERT" or (
        last.type == "STAGE" and lexicon.OPENS_INSERT.search(last.value) is not None
    )


def _speech_shape(blocks: _Blocks, accepted: CandidateTable) -> tuple[int, int] | None:
    """(first-line indent, continuation indent) of the paragraphs that open turns, when the document marks its
    paragraphs by a first-line indent (the Congressional Record: two spaces, then flush lines); else None."""
    firsts: Counter[int] = Counter()
    conts: Counter[int] = Counter()
    for block in blocks:
        if block.first in accepted:
            firsts[block.indent] += 1
            if block.cont is not None:
                conts[block.cont] += 1
    if sum(firsts.values()) < 2 or not conts:
        return None
    first, cont = firsts.most_common(1)[0][0], conts.most_common(1)[0][0]
    return (first, cont) if first > cont else None


_RECURRING_INNER = 3
# Blank lines that may stand between a label printed alone and its words (an export that double-spaces its lines
# leaves three).
_BLANK_LINES_UNDER_A_LABEL = 5
_MIN_COLUMN_CUES = 4  # cues a script must show before its columns say which lines are cues
_CUE_MARGIN = 6  # how far right of the dialogue a script's cues stand, at least
_OFF_THE_CUES = "left of the cues of a script whose cues stand right of its dialogue: speech or action in capitals"
_FURNITURE_UNDER_A_LABEL = 2
# ... twice for a label in capitals that is strong by itself ("PRESIDENT BIDEN:"): a hard-wrapped transcript
# printed without blank lines opens its speakers' turns inside one long paragraph, and prose does not print such
# a label at a line start twice.
_RECURRING_INNER_STRONG = 2


def _recurrence_inside(label: str) -> int:
    """How often a label must open lines inside paragraphs to open turns there."""
    parsed = parse_label(label)
    strong = parsed is not None and label.isupper() and cand.strength(parsed, label) is not None
    return _RECURRING_INNER_STRONG if strong else _RECURRING_INNER


# A page's links to its other stories: the heading's rule, and each headline on a line of its own under it.
_LINKS_HEADING = "read_more"
_LINK_UNDER_HEADING = "a headline under a page's 'read more' heading, no blank line between: a link, no one's words"
_LINK_CHARS = 300
_QUOTE_CLOSERS = "\"'”’»)"  # a headline may end in a quotation: "… pide una “minoría de bloqueo”"
_HEADER_FIELDS = frozenset(map(fold, VOCABULARY.words_of("header_fields")))
_ROSTER_HEADINGS = frozenset(map(fold, VOCABULARY.words_of("roster_headings")))
# A colon that ends a label: not one inside a clock ("0:57" under "[Laughter]" is a caption's time line).
_DELIMITING_COLON = re.compile(r":(?!\d)")
_HEADER_RUN = 8  # lines of "Field: value" a header field may stand among
_TRANSCRIPT_HEADING = re.compile(
    rf"(?im)^[ \t]*(?:{VOCABULARY.alternation('transcript_headings')})[ \t]*(?:\([^()\n]{{0,80}}\))?[ \t]*:?[ \t]*$"
)
_LOWER_CASE_CODES = tuple(VOCABULARY.words_of("lower_case_speaker_codes"))
# ... and a name printed in lower case before a colon at a paragraph's start, as a news podcast's transcript prints
# its speakers ("dana whitcombe: From The Meridian Post …", "archived recording (joe biden): …").
_LOWER_CASE_NAME = re.compile(cand.LOWER_CASE_LABEL + r":[ \t]")
# ... and an office printed in lower case before its holder's name ("ministar Tomislav Bašić:", the Sabor's), or a
# surname's particle ("de Arriaga:", "van der Berg:").
_LOWER_CASE_OFFICE = re.compile(
    rf"(?:{VOCABULARY.alternation('lower_case_titles')}|{VOCABULARY.alternation('particles')})"
    rf"(?:[ \t]+(?:{VOCABULARY.alternation('particles')}))?[ \t]+{VOCABULARY.alternation('cased_capital')}"
)
_FIELD_PADDING = 4  # blanks after a colon that pad a form's value out to its column
_FIELD_VALUE_CHARS = 80  # a header field's value is a name, a date, a place, a count: a longer one is speech
# What a profile rule may call a line under a label printed alone that makes it no turn's words.
_NOT_WORDS = frozenset(("HEADING", "BOILER", "END"))
_ANY_PLACE = rules.Place(False, False, False)
_NOTE_BRACKETS = {"(": ("(", ")"), "[": ("[", "]")}  # a note's opening bracket: what opens and closes it
_NOTE_CLOSERS = frozenset(")]")
# A recording time opening a paragraph, before its words ("00:51 And that Tuesday, …", "[01:02:07] So …"); not a
# clock with its meridiem ("9:30 a.m. The meeting resumed"): counted over the whole text, cut where it recurs.
_TIME_BEFORE_WORDS = r"[(\[]?(?P<time>\d{1,2}:\d{2}(?::\d{2}(?:[:;]\d{2})?)?)[)\]]?[ \t]+(?!(?i:[ap]\.?m\b|[ap]\.m\.))(?=[^\W\d_]|[(\[“\"‘¿¡])"
_OPENING_TIME = re.compile(_TIME_BEFORE_WORDS)
_PARAGRAPH_TIME = re.compile(r"(?m)^[ \t]*" + _TIME_BEFORE_WORDS)
_STAMP_FIRSTS = frozenset("0123456789([")
_RECURRING_TIMES = 3
_LIST_NUMBER = re.compile(r"\d{1,2}[.)][ \t]+\S")  # an item's number in a numbered list: "1. ", "2) "
_LIST_ITEM_CHARS = 200  # an agenda's or a contents list's item is one line
_FULL_STOPS = frozenset(".?!…。？！")  # a sentence's end (a closing bracket ends an item's "(nr 187)" too)
_CONTENTS_ITEM_MIN = 8  # characters of a contents item worth matching: no bare number or "Yes"
_ROSTER_LINES = 3  # labelled lines in a row that make a roster (see _roster_runs)
_ROSTER_ENTRY_CHARS = 160  # a roster's description after the name: an office, a place
# Question turns a record needs before its unlabelled answers are looked for (a briefing's last shouted questions,
# "Q … ?" / "Q … ?" / "Q … ?", run on to each other too); an answer ends a sentence (a question cut off ends "—").
_UNANSWERED_QUESTIONS = 5
_ANSWER_ENDS = frozenset(".!…")
_QUESTION_CLOSERS = " \t\"'”’)»"


def _answers_unlabelled(accepted: CandidateTable) -> bool:
    """Whether the record labels its questions and not the answers: most of its question turns (five or more) run
    straight on to the next question (see _Tokenizer._emit_paragraph). Read on the distinct labels and the lines of
    the asking ones: no candidate is made."""
    asking = {label for label in accepted.labels if _asks(label)}
    if not asking:
        return False
    lines = set(accepted.lines_with(asking))
    rows = {row for row, line in enumerate(accepted.lines) if line in lines}
    return len(rows) >= _UNANSWERED_QUESTIONS and 2 * sum(1 for row in rows if row + 1 in rows) >= len(rows)


def _asks(label: str) -> bool:
    """Whether ``label`` is the asking role ("Question", "Q", "QUESTION (translated from Spanish)")."""
    parsed = parse_label(label)
    return parsed is not None and parsed.role == "question"


def _ends_a_question(value: str) -> bool:
    return value.rstrip(_QUESTION_CLOSERS)[-1:] == "?"


# A sitting's item is printed under the time it was taken up, over the first speaker on it ("10.21 val." /
# "Pelno mokesčio įstatymo … projektas Nr. XIVP-3412(2) (pateikimas)" / "PIRMININKĖ (…). …").
_ITEM_UNDER_A_TIME = "a heading: a line with no sentence's end between a time line and a label"
_CONTENTS_REPEATED = "a heading: it repeats an item of the contents printed over the first label"
_WRAPPED_LABEL_LINES = 4  # a label's bracket may run on over this many lines in all
_WRAPPED_LABEL_TAIL = 40  # characters of a label wrapped before its colon that may stand on the next line
# Text printed one sentence a line: at least this many lines, at most this share of them without a sentence end
# and at most this share indented.
_ONE_SENTENCE_MIN_LINES, _ONE_SENTENCE_UNENDED, _ONE_SENTENCE_INDENTED = 20, 0.25, 0.05
# A rubric: capitalised words (small words between them), no sentence end: "Replacement of Sea King Helicopter
# Fleet- Timing of Announcement", "PROCEEDS OF CRIME (MONEY LAUNDERING) ACT", "The Estimates, 1999-2000".
_JOINING = VOCABULARY.alternation("joining")  # "of", "and", "the" ... between a title's capitalised words
_RUBRIC_WORD = rf"\(?(?:[A-Z0-9][\w'’.&/-]*|(?:{_JOINING})\b-?)\)?,?"
# Two words at least: a one-word line ("Yes", "Agreed") is a reply, not a rubric.
_RUBRIC = re.compile(rf"[ \t]*\(?[A-Z][\w'’.&/-]*\)?,?(?:[ \t]+{_RUBRIC_WORD}){{1,13}}[ \t]*")
_CUE_DIRECTION = re.compile(r"[ \t]*[(\[][^()\[\]\n]{1,80}[)\]][ \t.]*(?=\S)")
_TIME_LINE_INDENT = 40
_OTHER_LINE_ENDS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # line ends the layout knows besides "\n"
_BRACKETED_LINE = re.compile(
    r"[ \t\u00a0]*\[[^\[\]\n]{1,300}\][ \t]*"
)  # deeper than this, a time is a right-aligned margin note, not a line of its own
_CENTRED = 8  # leading spaces that make a short line a centred title
# ... a label's line so far in is a centred field of a head, where fewer than one label line in this many is
_CENTRED_FIELD, _CENTRED_SHARE = 16, 2
_CENTRED_PAD = " " * _CENTRED_FIELD
_FRONT_MATTER_CHARS = 20_000  # how far down a document its front matter may reach
_HEADING_CHARS = 120  # a heading over a speech is one short line
_SENTENCE_CLOSERS = frozenset('.?!…"”])')  # what ends the sentence (or the note, "[inaudible] ADEYEMI:") a glued label follows
# Labels that may be found glued after a sentence: in capitals, or of two words or more (never "Q" or "Dana").
_GLUEABLE = re.compile(r"[^\W\d_a-zß-öø-ÿ][^a-zß-öø-ÿ]*[^\W\d_a-zß-öø-ÿ]|\S+(?:\s+\S+)+")
_INTERVIEWEE_LINE = re.compile(expand(VOCABULARY.patterns["interviewee_line"]))
_INTERVIEWEE_HEAD_CHARS = 3000  # how far into a page its head may name the one it interviews
_RUN_IN_ANSWER_MARK = "A"
# (Each run of blanks one way to read: "[ \t]*\n?[ \t]*" shares a run out in every way there is.)
_RUN_IN_ANSWER = re.compile(
    r"(?<=[?.!…\"”’])[ \t]*(?:\n[ \t]*)?[-–—][ \t]*(?:\n[ \t]*)?(?P<mark>A)\.[ \t]*(?:\n[ \t]*)?(?=\S)"
)
_RUN_IN_ANSWER_LOOK = " A. "  # in a paragraph's normalized words, where the mark is run in
_FURNITURE_LINE = 60  # characters of a line of web furniture (a button, a widget's question)
_WEB_FURNITURE = "boilerplate outside the turns (vocabulary: boilerplate phrases)"
# A line of capitals and the marks a label in capitals prints, nothing in lower case.
_CAPITALS_LINE = re.compile(r"[ \t]*[A-Z][A-Z .,'’-]{2,80}")
_WRAPPED_CAPITALS = 40  # characters of a line in capitals that make it a long office wrapped, not a script's cue
_HYPHEN_AT_WRAP = re.compile(r"(?<=[^\W\d_])- (?=[^\W\d_])")
# Two blank lines or more between paragraphs.
_WIDE_GAP = re.compile(r"\n[ \t]*\n[ \t]*\n")
_SPAN_KINDS = {
    "INSERT": "insert",
    "BOILER": "boilerplate",
    "HEADING": "heading",
    "TIMESTAMP": "timestamp",
    "DELIVERY": "delivery_note",
}
_TITLE_BLOCK_LINES = 4
_INTRODUCTION_LINES = 5  # lines a record's sentence giving a speaker the floor may be wrapped over
_HEAD_CANDIDATES = 24  # label-shaped lines a record's head may hold before its first turn
# A title's words: capitalised, or the small words between them, commas and dashes aside.
_TITLE_WORDS = re.compile(rf"[A-Z][\w'’.-]*,?(?:[ \t]+(?:[A-Z0-9][\w'’.-]*,?|{_JOINING}|[—–-]))+")
_AGENDA_ITEM = "a numbered line in capitals (an agenda item) in a document whose speech is not"
# An agenda item's number: "6.", "7.A", "12)", "IV." before the item's words.
_NUMBERED_HEADING = re.compile(r"(?:\d{1,3}(?:\.[A-Z0-9]{1,3})?[.)]?|[IVXL]{1,6}\.)\s+\S")
_TITLE_LINE = re.compile(rf"[A-Z][\w'’.-]*(?: (?:[A-Z][\w'’.-]*|{_JOINING})){{0,8}}")


_HEADLINE_ENDS = ".?!,;:"  # a sentence's or a clause's end: no headline's
_HEADLINE_WORDS = (5, 24)  # a headline's words: more than a name's, fewer than a paragraph's
_SMALL_WORDS = frozenset((*VOCABULARY.words_of("joining"), *VOCABULARY.words_of("headline_small_words")))


def _is_headline(value: str) -> bool:
    """A line in title case with no sentence's end: every word but the small ones capitalised ("Port Workers
    Walk Out in Mobile: "We Load the Steel, We Pay the Tariff""), five words or more."""
    if value[-1:] in _HEADLINE_ENDS or not value[:1].isupper():
        return False
    words = [w.strip("\"'“”‘’()[]") for w in value.split()]
    if not _HEADLINE_WORDS[0] <= len(words) <= _HEADLINE_WORDS[1]:
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _SMALL_WORDS for w in words if w)


def _is_heading(value: str) -> bool:
    """An upper-case line without sentence punctuation ("ORAL ARGUMENT OF ROBERT A. LONG")."""
    # No lower-case letter and some upper-case one, in any cased script ("Ο ΠΡΟΕΔΡΕΥΩΝ", "ПОРЯДОК ДНЯ").
    return len(value) < 120 and value[-1:] not in '.?!,;:"”' and value.upper() == value != value.lower()


@attrs.frozen(slots=True)
class _Skeleton:
    """The document as the grammar shaped it, less its turns (they went to the table as they were reduced):
    preamble tokens and trailer tokens."""

    preamble: list[Token]
    trailer: list[Token]


class _Trailer(list[Token]):
    """Marks the trailer among the children of ``start``."""


# The builder of the document being parsed: the grammar's Transformer is made once with its parser, so the
# table each document's turns go to is found here (one per thread and task).
_BUILDING: contextvars.ContextVar[_TurnBuilder] = contextvars.ContextVar("transcript_kit_turns")


class _DocumentBuilder(lark.Transformer[Token, Any]):
    """The one Transformer of the document grammar; it runs inside the LALR parser, so no tree is built. Each
    turn is added to the document's table as soon as the parser reduces it, and its tokens go."""

    def preamble(self, children: list[Token]) -> list[Token]:
        return children

    def turn(self, children: list[Token]) -> None:
        _BUILDING.get().labelled(children)

    def trailer(self, children: list[Token]) -> _Trailer:
        return _Trailer(children)

    def start(self, children: list[Any]) -> _Skeleton:
        preamble, trailer = children[0], children[-1]
        return _Skeleton(preamble, trailer if isinstance(trailer, _Trailer) else _Trailer())


class _Feed(list[Token]):
    """What the tokenizer appends its tokens to: each goes on to the document grammar's parser as it comes
    (consecutive paragraphs merged into one token), so the tokens of a turn live only until the grammar has
    reduced it. As a list it is what the tokenizer looks back at, and no more: how many tokens came (``len``)
    and the last one (``[-1]``); reading any other item, or iterating, is an error, never a silent empty list."""

    def __init__(self) -> None:
        super().__init__()
        self.parser = _document_parser().parse_interactive()
        self.feed = self.parser.parser_state.feed_token
        self.n_tokens = 0
        self.last = Token("$START", "")
        self.run: list[Token] = []  # paragraphs (or inserted paragraphs) waiting to be merged

    def append(self, token: Token) -> None:
        self.n_tokens += 1
        self.last = token
        run = self.run
        if run and token.type != run[0].type:
            self._flush()
        if token.type in _MERGED:
            run.append(token)
        else:
            self.feed(token)

    def __len__(self) -> int:
        return self.n_tokens

    def __getitem__(self, index: Any) -> Any:  # only [-1]: see the docstring
        if index != -1 or not self.n_tokens:
            raise IndexError("the tokens went on to the document parser: only the last one, [-1], is kept")
        return self.last

    def __iter__(self) -> Iterator[Token]:
        raise TypeError("the tokens went on to the document parser: only len() and [-1] can be read")

    def replace_last(self, token: Token) -> None:
        """Take back the last token, a paragraph still waiting to be merged, and append ``token`` instead."""
        if not self.run or self.run[-1] is not self.last:
            raise ValueError("only a paragraph still waiting to be merged can be taken back")
        self.run.pop()
        self.n_tokens -= 1
        self.append(token)

    def _flush(self) -> None:
        run = self.run
        if run:
            self.feed(run[0] if len(run) == 1 else _Run.of(run))
            run.clear()

    def finish(self) -> _Skeleton:
        self._flush()
        last = self.last if self.n_tokens else None
        skeleton = self.parser.feed_eof(last)  # type: ignore[no-untyped-call]
        assert isinstance(skeleton, _Skeleton)
        return skeleton


def retype_last(out: list[Token], token: Token) -> None:
    """Put ``token`` in the place of the last token appended to ``out`` (a :class:`_Feed` or a list)."""
    if isinstance(out, _Feed):
        out.replace_last(token)
    else:
        out[-1] = token


def _spans(tokens: Iterable[Token]) -> list[tuple[int, int]]:
    """Where the paragraphs of ``tokens`` are (a merged run of paragraphs is each of its own)."""
    found: list[tuple[int, int]] = []
    for token in tokens:
        if isinstance(token, _Run):
            found.extend(token.parts)
        else:
            found.append((int(token.start_pos or 0), int(token.end_pos or 0)))
    return found


class _TurnBuilder:
    """Adds a document's records to its :class:`TurnTable` from the grammar's tokens.

    ``stage_is_speech``: a stage direction standing between two paragraphs of a turn is part of its text as
    printed (a briefing's "(Laughter.)"); a profile with inline notes (a play's "(to HELENA)") says it is not, and
    it becomes one of the turn's notes. ``read_from_parts``: every paragraph token's text is what its span reads
    (a layout without line numbers or left-out lines, no inline note cut so far), so a turn's text need not be
    compared with its source to know it can be read again from it."""

    def __init__(self, text: str, *, stage_is_speech: bool, read_from_parts: bool) -> None:
        self.table = TurnTable(text)
        self.stage_is_speech = stage_is_speech
        self.read_from_parts = read_from_parts

    def note_cut(self) -> None:
        """A paragraph's text has lost a note its span still reads: from here on, turns are compared with it."""
        self.read_from_parts = False

    def labelled(self, tokens: list[Token]) -> None:
        """Add the records of one turn of the grammar: a label and its body. An empty label is an unnamed mark (a
        caption's ">>" alone): its turn is speech of no named speaker."""
        label, body = tokens[0], tokens[1:]
        notes = tuple(t.value for t in body if t.type == "NOTE")
        parsed = parse_label(label.value)
        stamp = next((t.value for t in body[:1] if t.type == "TIMESTAMP"), None)
        # "Donald Trump (00:05):": the time inside the label is the turn's start in the recording; beside a seat,
        # an office or an honorific ("Mr KATTER (Kennedy) (14:02)") it is the time of day the words were said.
        clock = parsed is not None and parsed.time is not None and _time_of_day_label(parsed)
        time_of_day = parsed.time if clock and parsed is not None else None
        start_ms = _timestamp_ms(stamp or (parsed.time if parsed is not None and not clock else None))
        if len(body) == 1 and body[0].type == "PARA":  # the common case: a label and its paragraphs
            speech = body[0]
            self.table.add(
                TurnKind.TURN,
                speech.value,
                int(speech.start_pos or 0),
                int(speech.end_pos or 0),
                label=str(label.value) or None,
                parsed_label=parsed,
                start_ms=start_ms,
                time_of_day=time_of_day,
                parts=speech.parts if isinstance(speech, _Run) else None,
                read_from_parts=self.read_from_parts,
            )
            return
        # Inserted material splits a turn: speech, the insert, then the same speaker's speech goes on.
        for number, (segment, insert) in enumerate(_segments(body)):
            # Stage directions before the first or after the last paragraph stand between records.
            # (Headings, timestamps and notes among them are not speech either; only paragraphs bound it.)
            paragraphs = [i for i, t in enumerate(segment) if t.type == "PARA"]
            lead = paragraphs[0] if paragraphs and number > 0 else 0
            if number == 0 and paragraphs:  # "HELENA / (turning away) / Don't.": the direction is no speech
                lead = paragraphs[0] if all(t.type == "STAGE" for t in segment[: paragraphs[0]]) else 0
            trailing = paragraphs[-1] + 1 if paragraphs else len(segment)
            if not paragraphs:
                while trailing > lead and segment[trailing - 1].type == "STAGE":
                    trailing -= 1
            for stage in segment[:lead]:
                self.record(TurnKind.STAGE, [stage])
            kept = ("PARA", "STAGE") if self.stage_is_speech else ("PARA",)
            spoken = [t for t in segment[lead:trailing] if t.type in kept]
            # A direction between the paragraphs of a speech that is not its words is a note of the turn, as a
            # cue's direction is: it stays inside the turn's span, and records never overlap.
            directions = () if self.stage_is_speech else tuple(
                t.value for t in segment[lead:trailing] if t.type == "STAGE"
            )
            if spoken or number == 0:
                begin = spoken[0].start_pos if spoken else label.end_pos
                finish = spoken[-1].end_pos if spoken else label.end_pos
                self.table.add(
                    TurnKind.TURN,
                    "\n\n".join(t.value for t in spoken),
                    int(begin or 0),
                    int(finish or 0),
                    label=str(label.value) or None,
                    parsed_label=parsed,
                    notes=notes + directions,
                    start_ms=start_ms if number == 0 else None,
                    time_of_day=time_of_day,
                    parts=_spans(spoken),
                    read_from_parts=self.read_from_parts,
                )
            for stage in segment[trailing:]:
                if stage.type == "STAGE":
                    self.record(TurnKind.STAGE, [stage])
            if insert:
                self.record(TurnKind.INSERT, insert)

    def record(
        self, kind: TurnKind, tokens: list[Token], notes: tuple[str, ...] = (), label: str | None = None
    ) -> None:
        """Add a record spanning ``tokens``: without a speaker (stage direction, insert), or a monologue, whose
        speaker only its title may name."""
        words = "\n\n".join(t.value for t in tokens)
        start, end = int(tokens[0].start_pos or 0), int(tokens[-1].end_pos or 0)
        self.table.add(
            kind,
            words,
            start,
            end,
            label=label,
            parsed_label=parse_label(label) if label is not None else None,
            notes=notes,
            parts=_spans(tokens),
            read_from_parts=self.read_from_parts,
        )

    def lead_talk(self, preamble: list[Token], speech: list[Token]) -> tuple[TurnTable, list[Token]]:
        """A talk printed before the first label, under a title that names its speaker as one of the labels after
        it names them ("Ifeoma Castellanos-Reyes: The Moon keeps its water in the dark" over a talk, then the Q&A's
        "Ifeoma Castellanos-Reyes: Uh-oh."): that speaker's monologue, the first record. Its words start under
        the first time line when the page prints them (a video page's links, views and credits come before).
        Anything else before the first label stays in no turn. The turns, and the words still in none."""
        people = {  # read from the columns: no turn (and no text) is made
            label for _, label, parsed in self.table.labelled() if parsed is not None and parsed.given and parsed.family
        }
        found = next(
            (
                (i, label)
                for i, token in enumerate(preamble)
                for paragraph in token.value.split("\n\n")  # a run of paragraphs is one token
                for label in sorted(people, key=len, reverse=True)
                if paragraph.startswith(label) and paragraph[len(label) : len(label) + 2] in _TITLE_SEPARATORS
            ),
            None,
        )
        if found is None:
            return self.table, speech
        title, label = found
        after = preamble[title + 1 :]
        stamps = [i for i, token in enumerate(after) if token.type == "TIMESTAMP"]
        talk = [t for t in after[stamps[0] + 1 if stamps else 0 :] if t.type in ("PARA", "STAGE")]
        while talk and talk[0].type == "STAGE":
            talk.pop(0)
        if sum(len(t.value.split()) for t in talk if t.type == "PARA") < _LEAD_TALK_WORDS:
            return self.table, speech
        turns, self.table = self.table, TurnTable(self.table.source)
        self.record(TurnKind.MONOLOGUE, talk, label=label)
        for turn in turns:
            self.table.add_turn(turn)
        kept = {id(t) for t in talk}
        return self.table, [t for t in speech if id(t) not in kept]

    def monologue(self, preamble: list[Token], speaker: str | None) -> None:
        """A prepared text with no labels is one monologue: everything after its delivery note, or when it has
        none, every paragraph, if its title names the speech's one speaker (``speaker``, as the title prints it:
        "Remarks as Prepared for Delivery by First Lady Jill Biden at ..."). That speaker is the monologue's label
        either way."""
        marks = [i for i, t in enumerate(preamble) if t.type == "DELIVERY"]
        if not marks and speaker is None:
            return
        first = marks[0] + 1 if marks else 0
        notes = (preamble[marks[0]].value.strip("()[] "),) if marks else ()
        speech = [t for t in preamble[first:] if t.type in ("PARA", "STAGE")]
        while speech and speech[0].type == "STAGE":  # a note above the speech ("*West Columbia, SC*") is no word of it
            speech.pop(0)
        if speech:
            self.record(TurnKind.MONOLOGUE, speech, notes=notes, label=speaker)


_MERGED = frozenset(("PARA", "INSERT"))
# How a title names its talk's speaker first ("Name: Title", "Name — Title", "Name | Title"), and how long a talk
# under it must be (a stray line under a title is no talk).
_TITLE_SEPARATORS = frozenset((": ", " —", " –", " -", " |"))
_LEAD_TALK_WORDS = 150


class _Run(Token):
    """Consecutive paragraphs as one token: their texts joined by a blank line, and where each of them is (a turn
    whose text is what its paragraphs read is not kept as text; see :class:`TurnTable`)."""

    __slots__ = ("parts",)
    parts: tuple[tuple[int, int], ...]

    @classmethod
    def of(cls, run: list[Token]) -> _Run:
        start, end = int(run[0].start_pos or 0), int(run[-1].end_pos or 0)
        token = cls(run[0].type, "", start, None, None, None, None, end)
        token.value = "\n\n".join(t.value for t in run)
        token.parts = tuple(_spans(run))
        return token


def _segments(body: list[Token]) -> Iterator[tuple[list[Token], list[Token]]]:
    """Split a turn's body at inserted material: (tokens before, the insert's tokens) pairs."""
    segment: list[Token] = []
    insert: list[Token] = []
    for token in body:
        if token.type == "INSERT":
            insert.append(token)
            continue
        if insert and token.type in ("HEADING", "BOILER"):
            continue  # a caption inside the inserted material
        if insert:
            yield segment, insert
            segment, insert = [], []
        segment.append(token)
    yield segment, insert


def _time_of_day_label(parsed: Label) -> bool:
    """Is the clock time in this label a time of day? Parliamentary labels print it beside a seat, an office
    or an honorific; a recording's offset stands beside a bare name ("Donald Trump (00:05)")."""
    return bool(parsed.qualifiers or parsed.titles or parsed.honorific)


def _timestamp_ms(value: str | None) -> int | None:
    if value is None:
        return None
    match = cand.LABEL_TIMESTAMP.fullmatch(value)
    if match is None:
        return None
    hours, minutes, seconds = (int(g) if g else 0 for g in match.groups()[:3])
    fraction = match.group(4) or ""  # "00:00:06.100": the segment's milliseconds, kept
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + int(fraction.ljust(3, "0") or 0)


_P = ParamSpec("_P")
_R = TypeVar("_R")


def _without_cycle_collection(parse: Callable[_P, _R]) -> Callable[_P, _R]:
    """Decorate a function that parses one document: Python's cycle collector is off while it runs, and as it was
    after. The parser makes a great many small objects and no cycles worth collecting; the collector would walk
    them again and again (6% of parsing a document of short turns), and its garbage is collected after."""

    @functools.wraps(parse)
    def parse_without_collection(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        enabled = gc.isenabled()
        gc.disable()
        try:
            return parse(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()

    return parse_without_collection


@_without_cycle_collection
@labels_of_one_document
def parse_text(
    text: str,
    *,
    doc_id: str = "document",
    path: str | None = None,
    encoding: str = "utf-8",
    sha256: str | None = None,
    fmt: str = "text",
    conventions: Conventions | None = None,
) -> Document:
    """Parse decoded text into a Document (speakers are not resolved here; see :mod:`transcript_kit.normalize`).

    The document's convention profile is chosen from its own evidence among ``conventions`` (the built-in
    profiles by default), or forced by them."""
    if fmt == "tei" and ttml.looks_like_ttml(text):  # an .xml of timed text: a broadcaster's captions
        fmt = "ttml"
    if fmt == "text":  # a .txt of a speech corpus's transcript (Switchboard, CALLHOME, ICE), told by its content
        fmt = corpus_text_format(text) or fmt
    if fmt in _CUE_READERS:
        return _parse_subtitles(text, doc_id=doc_id, path=path, encoding=encoding, sha256=sha256, fmt=fmt)
    if fmt in _TURN_READERS:
        return _parse_read(text, doc_id=doc_id, path=path, encoding=encoding, sha256=sha256, fmt=fmt)
    if fmt == "text" and tagged.looks_tagged(text):  # a .txt of speaker markup, told by its content
        fmt = "tagged"
    elif fmt == "text" and html_format.looks_like_markup(text):  # a page's HTML saved as text
        fmt = "html"
    if fmt == "tagged":
        return _parse_tagged(text, doc_id=doc_id, path=path, encoding=encoding, sha256=sha256)
    if fmt == "tei":
        return _parse_tei(text, doc_id=doc_id, path=path, encoding=encoding, sha256=sha256)
    if fmt == "html":  # the page's text is parsed as text, then every offset is mapped back into the HTML
        page = html_format.extract_page(text)
        # Places the text parser names (line:column) are in the page's text, and its messages say so.
        inner = parse_text(
            page.text,
            doc_id=doc_id,
            path=f"{path or '<html>'} (page text)",
            encoding=encoding,
            sha256=sha256,
            conventions=conventions,
        )
        return attrs.evolve(html_format.page_document(page, inner, text), path=path)
    layout = read_layout(text, path)
    convention, chosen_because = (conventions or default_conventions()).choose(text)
    tokenizer = _Tokenizer(text, layout, path, convention)
    builder = _TurnBuilder(
        text,
        stage_is_speech=convention.directions_are_speech,
        read_from_parts=not layout.by_line,
    )
    # A turn is built once its tokens are all made: the builder hears of a cut before it builds that turn.
    tokenizer.on_note_cut = builder.note_cut
    building = _BUILDING.set(builder)
    try:
        feed = _Feed()
        tokenizer.tokens(feed)  # each turn is built as the grammar reduces it
        skeleton = feed.finish()
    except lark.exceptions.UnexpectedInput as error:
        token = getattr(error, "token", None)
        offset = getattr(token, "start_pos", None)
        raise ParseError(f"document structure: {describe_place(path, text, offset)}") from None
    except lark.exceptions.LarkError as error:
        raise ParseError(f"{path or '<text>'}: document structure: {error}") from None
    finally:
        _BUILDING.reset(building)
    preamble = skeleton.preamble
    turns: Sequence[Turn] = builder.table
    warnings = [*layout.warnings, *tokenizer.warnings]
    prose_paragraphs: list[Token] = []
    speech_before = [t for t in preamble if t.type == "PARA"]
    if turns and speech_before:
        turns, speech_before = builder.lead_talk(preamble, speech_before)
    if turns and speech_before:
        # Said, not silently dropped: words before the first label belong to no speaker.
        chars = sum(int(t.end_pos or 0) - int(t.start_pos or 0) for t in speech_before)
        where = describe_place(path, text, int(speech_before[0].start_pos or 0))
        warnings.append(f"{chars} characters of text before the first label are in no turn, from {where}")
    if not turns:
        builder.monologue(preamble, header.speaker_of_prepared_speech(layout.metadata, preamble))
        if not turns:
            prose_paragraphs = [t for t in preamble if t.type == "PARA"]
            turns = prose.quotations(text, prose_paragraphs)
            if prose_paragraphs and not turns:
                # Said, not silently dropped: the text is here, but nothing in it says who speaks.
                chars = sum(int(t.end_pos or 0) - int(t.start_pos or 0) for t in prose_paragraphs)
                warnings.append(
                    f"{chars} characters of text are in no turn: no speaker label, delivery note or quotation"
                )
    meta = header.read_header(layout.metadata, preamble, prose_paragraphs, text)
    return Document(
        doc_id=doc_id,
        text=text,
        turns=builder.table.done() if turns is builder.table else turns,
        path=path,
        sha256=sha256,
        encoding=encoding,
        format=fmt,
        title=meta.title,
        date=meta.date,
        time=meta.time,
        location=meta.location,
        byline=meta.byline,
        source=meta.source,
        metadata=layout.metadata,
        warnings=tuple(warnings),
        convention=convention.name,
        convention_notes=(
            f"profile {convention.name}: {chosen_because}",
            *(f"shape {name}: {why}" for name, why in tokenizer.inferred.items()),
            *(
                f"rule {name}: {n} paragraph{'s' if n != 1 else ''}"
                for name, n in sorted(tokenizer.rule_hits.items())
            ),
        ),
        spans=tuple(sorted(tokenizer.spans, key=lambda s: s.start)),
        decisions=tokenizer.decisions.done(),
        mentions=meta.mentions,
    )


def _parse_subtitles(
    text: str, *, doc_id: str, path: str | None, encoding: str, sha256: str | None, fmt: str
) -> Document:
    turns = subtitles.subtitle_turns(_CUE_READERS[fmt](text, path), text)
    return Document(
        doc_id=doc_id, text=text, turns=turns, path=path, sha256=sha256, encoding=encoding, format=fmt
    )


def _parse_read(text: str, *, doc_id: str, path: str | None, encoding: str, sha256: str | None, fmt: str) -> Document:
    module, name = _TURN_READERS[fmt]
    read: Callable[[str, str | None], Reading] = getattr(importlib.import_module(f"transcript_kit.formats.{module}"), name)
    found = read(text, path)
    return Document(
        doc_id=doc_id,
        text=text,
        turns=found.turns,
        path=path,
        sha256=sha256,
        encoding=encoding,
        format=fmt,
        title=found.title,
        warnings=found.warnings,
        convention_notes=found.notes,
    )


def _parse_tagged(text: str, *, doc_id: str, path: str | None, encoding: str, sha256: str | None) -> Document:
    found = tagged.read_tagged(text)
    warnings = () if found.turns else ("speaker markup without a speaker tag that holds text",)
    return Document(
        doc_id=doc_id,
        text=text,
        turns=found.turns,
        path=path,
        sha256=sha256,
        encoding=encoding,
        format="tagged",
        title=found.title,
        spans=found.spans,
        warnings=warnings,
    )


def _parse_tei(text: str, *, doc_id: str, path: str | None, encoding: str, sha256: str | None) -> Document:
    from transcript_kit.formats import tei

    found = tei.read_tei(text, path)
    warnings = found.warnings + (
        ()
        if found.n_utterances
        else ("TEI without <u> utterances: no speech (a person list or corpus root?)",)
    )
    return Document(
        doc_id=doc_id,
        text=text,
        turns=found.turns,
        path=path,
        sha256=sha256,
        encoding=encoding,
        format="tei",
        title=found.title,
        date=found.date,
        warnings=warnings,
    )


def corpus_text_format(text: str) -> str | None:
    """The speech corpus's format a text document's content shows ("switchboard", "callhome", "ice"), if any."""
    return next((name for name, looks in _CORPUS_TEXT_FORMATS if looks(text)), None)


def format_of(path: str | Path) -> str:
    return SUFFIX_FORMATS.get(Path(path).suffix.lower(), "text")


def parse_bytes(
    data: bytes, *, doc_id: str, path: str | None = None, conventions: Conventions | None = None
) -> Document:
    """Decode and parse one input's bytes."""
    fmt = format_of(path) if path else "text"
    decoded = decode(data, path, MARKUP_CONTROLS.get(fmt, b""))
    document = parse_text(
        decoded.text,
        doc_id=doc_id,
        path=path,
        encoding=decoded.encoding,
        sha256=hashlib.sha256(data).hexdigest(),
        fmt=fmt,
        conventions=conventions,
    )
    if decoded.warnings:  # how the bytes were read, and every repair, travel with the document
        document = attrs.evolve(document, warnings=(*decoded.warnings, *document.warnings))
    return document


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror or error}") from None
