"""Which lines open a speaker turn: find label candidates, then accept or reject them for the whole document.

A line that merely ends in a colon ("Remarks by ... following the meeting:") or a headline with a colon is not a
speaker. The label grammar decides whether a candidate is label-shaped at all; the document decides the rest:
real labels recur and share a style, so a lone, weak, off-style candidate is refused. Every decision keeps a
reason, for ``transcript-kit parse --explain``.
"""

from __future__ import annotations

import functools
import html
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

import attrs

from transcript_kit.conventions.catalog import BASE, builtin
from transcript_kit.conventions.profile import Convention, LabelShape, alternative, built_for
from transcript_kit.conventions.vocabulary import VOCABULARY, expand
from transcript_kit.keys import fold
from transcript_kit.labels import is_asked_by, is_chat_sender, parse_label, repair_split_words
from transcript_kit.model import Label
from transcript_kit.textutil import starts_lower, without_case

# What may follow a label on its line, or stand on the line under a label alone: a timestamp "(00:05)",
# "[01:02:03]" (rev.com and podcast styles). Matched on a stripped slice: no blanks at either end, so a long run
# of blanks after a label costs one strip, never a backtracking search.
# A video's time code adds its frame ("10:02:13:05", "01:00:04;12" where frames are dropped): a fraction of a second
# at a rate the text does not give, so the time is read to the second.
LABEL_TIMESTAMP = re.compile(r"[(\[]?(?:(\d{1,2}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3})|[:;]\d{2})?[)\]]?")
# How a timestamp (or a bracketed note) can begin: a cheap first look before the match.
STAMP_OPENERS = frozenset("0123456789([")
_CAPITALS = re.compile(r"[A-Z][A-Z'’-]*[A-Z]")
LOWER_CASE = re.compile(r"[a-zß-öø-ÿа-яёіїєґα-ωά-ώ]")  # a lower-case letter: a label with none is in capitals
# ... where it holds a capital: a script without case (Hebrew, Arabic, Chinese) writes no name in capitals.
CAPITAL = re.compile(expand("@cased_capital@"))
_PARENS = re.compile(r"\([^()]*\)")
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
# A recording offset printed in brackets at a label's end: hours:minutes:seconds, or minutes from zero ("(00:05)",
# "[01:02:03]"); a parliament's "(14:02)" is a time of day and stays part of the label for the normalizer.
# No blanks before the bracket in the pattern: searched for in a label, "\s*" would be tried from every blank of a
# long run of them (a 20k-blank label took 1.9 s); the caller strips what stands before the bracket.
_CLOCK_LIKE_STAMP = re.compile(r"[(\[](\d{1,2}:\d{2})[)\]]$")
_RECORDING_STAMP = re.compile(r"[(\[](\d{1,2}:\d{2}:\d{2}(?:[.,]\d{1,3})?|0\d?:\d{2}(?:[.,]\d{1,3})?)[)\]]$")
# Words set letter-spaced ("S i g r i d  Ø v r e b ø"), as a record's header prints a name: never speech.
_LETTER_SPACED = re.compile(expand(VOCABULARY.patterns["letter_spaced"]))
# A clock in square brackets after a name, before the colon or another bracket (the Storting's "[10:15:22]").
_CLOCK_IN_LABEL = re.compile(r"(?<=\S)[ \t]*\[\d{1,2}:\d{2}(?::\d{2})?\](?=[ \t]*(?:\(|$))")
# Zero-width and bidi marks say nothing about a label: ignored when deciding, kept in the text. The zero-width
# non-joiner and joiner are spelling in Persian and the Indic scripts ("پاک‌نژاد"): they stay.
_FORMAT_CHARS = re.compile(r"[\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]+")

# A sub-debate heading's second half: a few capitalised words, no sentence end ("Bridges", "Roads and Rail").
_JOINING = VOCABULARY.alternation("joining")
_HEADING_TAIL = re.compile(rf"[A-Z][\w'’-]*(?:[ \t]+(?:[A-Z][\w'’-]*|{_JOINING}|&|—|–|-)){{0,6}}")

_LEADERS = re.compile(r"(?: ?\.){5,}")
# A link, an address or a telephone number and nothing else after a label: a list of links ("- Tillfield Robotics:
# [tillfield.example](https://…)", a show's notes under its transcript) or a letterhead's contacts ("T: 1800 446
# 012", "E: clientservices@…", "W: www.…"), not a turn.
# A signature's contacts may share a line, each after its field's name ("T: 020 7944 3021 | M: 07700 900862").
_CONTACT = (
    r"(?:\[[^\]\n]{1,200}\]\([^)\s]{1,500}\)|<?(?:https?://|mailto:|www\.)\S{1,500}?>?"
    r"|\+?\d[\d ()./-]{6,20}\d|[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4})"
)
_LINK_ONLY = re.compile(rf"{_CONTACT}(?:[ \t]*[|·•;][ \t]*(?:[A-Za-z][\w /-]{{0,24}}:[ \t]*)?{_CONTACT}){{0,4}}[ \t.]*")
_QUOTE_OPENERS = frozenset("“\"„«‘")

# How a candidate's style is written; documents keep one style for their real labels.
UPPER, TITLE_CASE = "upper", "title"


def is_timestamp(text: str, start: int, end: int) -> re.Match[str] | None:
    """The timestamp that ``text[start:end]`` is, blanks around it aside."""
    value = text[start:end]
    stripped = value.strip(" \t\u00a0")
    if not stripped or stripped[0] not in STAMP_OPENERS:
        return None
    lead = len(value) - len(value.lstrip(" \t\u00a0"))
    return LABEL_TIMESTAMP.fullmatch(text, start + lead, start + lead + len(stripped))


class Candidate(NamedTuple):
    """A place where a label might open a turn: ``end`` is just after its colon or period.

    A named tuple, not an attrs class: a document's candidates are stored as columns (see
    :mod:`transcript_kit.candidate_table`) and made again each time one is read, which a tuple does three times
    faster."""

    label: str
    start: int
    end: int
    delimiter: str  # ":", "." or "" (a bare Q, a cue alone on its line)
    at_paragraph_start: bool
    alone: bool  # nothing follows on its line (or only a timestamp)
    timed: bool = False  # a timestamp follows it on its line ("Joe Biden: (12:01)") or stands before it
    shape: str = "colon"
    stamp: tuple[int, int] | None = None  # where a recording time printed with the label is
    heading_tail: bool = False  # what follows is a short capitalised phrase: "Eastfield Electorate: Bridges"
    listed: bool = False  # what follows has dot leaders: "President: Mr. Delacroix . . . . (France)"
    quoting: bool = False  # what follows opens with a quotation mark: "German Chancellor Scholz: “I think ...”"
    unnamed: bool = False  # a mark of a new speaker that names no one (a caption's ">>" alone)
    handle: bool = False  # a chat sender as printed ("vasquez_r"): the shape, not the grammar, makes it a label
    lower_tail: bool = False  # what follows on its line goes on in lower case: "Question: if the ice has been …"


class ShapeMatcher:
    """One convention's label shapes compiled into a single alternation with a named group per shape, matched
    once at each line start: the first shape that matches (in the profile's order) gives the candidate."""

    def __init__(self, convention: Convention) -> None:
        self.shapes: tuple[LabelShape, ...] = convention.shapes
        parts = []
        for i, shape in enumerate(self.shapes):
            body = shape.pattern.replace("(?P<label>", f"(?P<label_{i}>").replace(
                "(?P<stamp>", f"(?P<stamp_{i}>"
            )
            parts.append(f"(?P<shape_{i}>{body})")
        self.pattern = re.compile("|".join(parts))
        # On a line that holds none of the triggers a shape with triggers cannot match: such lines are matched with
        # the other shapes alone (the same first match, without the costly whole-line lookaheads).
        self.untriggered = re.compile("|".join(p for p, s in zip(parts, self.shapes) if not s.triggers) or "(?!)")
        self._triggered = tuple(bool(shape.triggers) for shape in self.shapes)
        self.singles = tuple(re.compile(p) for p in parts)
        # The profile's active shapes after each newline: one C-speed pass over a document (the engine jumps from
        # newline to newline) finds the lines inside paragraphs worth a closer look, so lines that cannot open a
        # label cost nothing in Python. Shapes with triggers are found by searching for their triggers instead
        # (each alone: an alternation of literals would lose the engine's literal search).
        untriggered = [part for part, shape in zip(parts, self.shapes) if shape.active and not shape.triggers]
        self.scanner = re.compile("(?m)\n(?=" + ("|".join(untriggered) or "(?!)") + ")")
        active: dict[str, bool] = {}
        for shape in self.shapes:
            for trigger in shape.triggers:
                active[trigger] = active.get(trigger, False) or shape.active
        self.triggers = tuple((re.compile(trigger), is_active) for trigger, is_active in active.items())
        self._alone = frozenset(s.name for s in self.shapes if s.alone)
        self._introducing = frozenset(s.name for s in self.shapes if s.introduces)
        # Where such a sentence may be: one of those shapes' triggers is in it (a search over a short paragraph, so
        # that prose is not matched against every shape again, joined).
        self._introduction_triggers = re.compile(
            "|".join(f"(?:{t})" for s in self.shapes if s.introduces for t in s.triggers) or "(?!)"
        )
        # Shapes of a name alone on its line with nothing more (a script's cue): see CandidateTable.with_shapes.
        self.cue_shapes = frozenset(s.name for s in self.shapes if s.alone and not s.active and not s.handle)
        # Each shape's group names, made once: a candidate costs two lookups, not two string formats.
        self._label_groups = tuple(f"label_{i}" for i in range(len(self.shapes)))
        self._stamp_groups = tuple(
            f"stamp_{i}" if "(?P<stamp>" in shape.pattern else None for i, shape in enumerate(self.shapes)
        )

    def places(self, text: str) -> Iterator[tuple[int, bool, bool]]:
        """Offsets in ``text`` with what they say of their line: (offset, an active shape may open a label there,
        a trigger is on it). An offset is the start of a line that an untriggered active shape matches after its
        newline, or a trigger's hit anywhere on its line, or the line after a trigger's opening line break (a
        superset: each line is then matched for real)."""
        for match in self.scanner.finditer(text):
            yield match.start() + 1, True, False
        for trigger, active in self.triggers:
            for match in trigger.finditer(text):
                # A trigger that opens with its line's break ("\n" found at memchr speed) is on the line after it.
                start = match.start()
                yield start + (text[start] == "\n"), active, True

    def prints_alone(self, shape: str) -> bool:
        """Whether the shape prints its labels alone on their line (a cue, a name over its words)."""
        return shape in self._alone

    def introduces(self, shape: str) -> bool:
        """Whether the shape's label stands inside the record's sentence giving the speaker the floor."""
        return shape in self._introducing

    def may_introduce(self, text: str, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` holds a trigger of a shape that names its speaker in the record's sentence."""
        return bool(self._introducing) and self._introduction_triggers.search(text, start, end) is not None

    def find(
        self, text: str, start: int, end: int, at_paragraph_start: bool, triggered: bool = True
    ) -> Candidate | None:
        """The label candidate at the start of the line ``text[start:end]``, if a shape allows one: the first
        shape that matches, or when its checks refuse the match, the next one that matches and passes.
        ``triggered=False`` says no shape's trigger is on the line."""
        match = (self.pattern if triggered else self.untriggered).match(text, start, end)
        if match is None:
            return None
        index = alternative(match)
        found = self._candidate(match, index, text, end, at_paragraph_start)
        # A later shape takes the line when the first one's checks refused it, or when the grammar cannot read the
        # first one's label ("Senator Dunmore. I'll just say this:" is a period label with a colon in its speech).
        later = self._later_candidates(text, start, end, index, at_paragraph_start, triggered)
        if found is not None and (found.handle or parse_label(found.label) is not None):
            if found.delimiter != ":" or _VOCATIVE_AFTER_PERIOD.search(found.label) is None:
                return found
            # "Mr. ELLIS. Mr. President: The question …": a period label, then the chair addressed before a
            # colon; the shape that ends the label at its period takes the line, where one does.
            ending = (c for c in later if c.delimiter == "." and parse_label(c.label) is not None)
            return next(ending, found)
        for better in later:
            if parse_label(better.label) is not None:
                return better
            found = found or better
        return found

    def _later_candidates(
        self, text: str, start: int, end: int, index: int, at_paragraph_start: bool, triggered: bool
    ) -> Iterator[Candidate]:
        """The candidates the shapes after the ``index``-th read on the line, in the profile's order (a shape
        with triggers only where one is on the line)."""
        for later in range(index + 1, len(self.shapes)):
            if not triggered and self._triggered[later]:
                continue
            single = self.singles[later].match(text, start, end)
            better = self._candidate(single, later, text, end, at_paragraph_start) if single is not None else None
            if better is not None:
                yield better

    def _candidate(
        self, match: re.Match[str], index: int, text: str, end: int, at_paragraph_start: bool
    ) -> Candidate | None:
        shape = self.shapes[index]
        label_start, label_end = match.span(self._label_groups[index])
        label = _printed_label(text[label_start:label_end])
        if not label or (shape.delimiter == ":" and "   " in text[label_end : match.end()]):
            return None  # a column of colons ("DEPARTMENT OF HEALTH AND      :") is a caption, not a label
        if shape.capitals and not _CAPITALS.search(_PARENS.sub("", label)):
            return None
        rest = match.end()
        if shape.delimiter == "." and ", " in label:
            head, _, last = label.rpartition(", ")
            if VOCABULARY.contains("honorifics", last) and text.startswith(last, label_end - len(last)):
                # "Mr. TRASK, Mr. Chairman, let me …": OCR read the label's period as a comma, and the speech opens
                # with an honorific the shape took for the label's last word
                label, rest = head, label_end - len(last)
        stamp_group = self._stamp_groups[index]
        stamp = match.span(stamp_group) if stamp_group and match.group(stamp_group) else None
        inner = _CLOCK_IN_LABEL.search(label) if stamp is None and "[" in label else None
        if inner is not None:  # "Jonas Lie Dahl (A) [10:15:22] (replikk)": the clock is when, not who
            offset = text.find(inner.group(0), label_start, label_end)
            if offset != -1:
                stamp = (offset + 1, offset + len(inner.group(0)) - 1)
                label = " ".join((label[: inner.start()] + label[inner.end() :]).split())
        trailing = _RECORDING_STAMP.search(label) if stamp is None and label[-1] in ")]" else None
        if trailing is not None and trailing.group(1).count(":") == 1 and "(" in label[: trailing.start()]:
            trailing = None  # "Senator X (Tasmania—Minister for ...) (09:31)": beside a seat, a time of day
        elif trailing is None and stamp is None and label[-1] in ")]":
            # "Dana Halvorsen (11:02)" after "Dana Halvorsen (05:47)": beside a bare name, no office or seat, a time
            # is the recording's (a vendor's transcript), however it reads as a clock
            trailing = _CLOCK_LIKE_STAMP.search(label)
            bare = parse_label(label[: trailing.start()]) if trailing is not None and "(" not in label[: trailing.start()] else None
            if bare is None or not (bare.role or (bare.family and not (bare.titles or bare.honorific))):
                trailing = None  # (and beside a role: "Audience (14:22)")
        if (
            trailing is not None
        ):  # "Chair Odette Villanueva (00:00:03):": the stamp is the turn's start, no name
            offset = text.find(trailing.group(1), label_start, label_end)
            if offset != -1:
                stamp = (offset, offset + len(trailing.group(1)))
                label = label[: trailing.start()].rstrip()
        after = text[rest:end].strip(" \t\u00a0")
        timed = stamp is not None or (
            after[:1] in STAMP_OPENERS and LABEL_TIMESTAMP.fullmatch(after) is not None
        )
        tail = after.strip()
        if tail[1:2] == " " and (tail[0] == "=" or _LETTER_SPACED.fullmatch(tail)):
            # "President: S i g r i d  Ø v r e b ø": a header's field, its value set letter-spaced; "INT: =
            # interviewer (question)": a transcript's key to its labels
            return None
        alone = shape.alone or (timed and stamp is None) or not tail
        return Candidate(
            label,
            label_start,
            rest,
            shape.delimiter,
            at_paragraph_start,
            alone,
            timed,
            shape.name,
            stamp,
            heading_tail="A" <= tail[:1] <= "Z"
            and not timed
            and _HEADING_TAIL.fullmatch(tail) is not None
            and not _runs_on_in_lower_case(text, end),
            listed=_lists_no_words(tail, _ends_a_paragraph(text, end)) or _tally_row(label, tail),
            quoting=tail[:1] in _QUOTE_OPENERS,
            unnamed=shape.unnamed,
            handle=shape.handle,
            lower_tail=tail[:1].islower() and starts_lower(tail),  # (the first test alone for most)
        )


# A period label's end, then the words addressing the chair: "Mr. ELLIS. Mr. President", "Senator X. Madam Chair".
_VOCATIVE_AFTER_PERIOD = re.compile(
    expand(r"(?<=[A-Za-z\u00c0-\u024f]{2})\.[ \t]+(?:(?i:@address_forms@|sir|madam|madame)\.?[ \t]+)?(?:President|PRESIDENT|Chairman|CHAIRMAN|Chair|Speaker|SPEAKER)\b")
)

_INITIALS_KEY = re.compile(r"(?P<name>[^()]+?)\s*\((?P<key>[A-Z]{2,4})\)")


def _keyed_by_initials(label: str, parsed: Label | None) -> bool:
    """Whether ``label`` is a name followed by its own initials in brackets ("Dr Kateryna Volkova (KV)")."""
    keyed = _INITIALS_KEY.fullmatch(label)
    if keyed is None or parsed is None or parsed.family is None or not parsed.given:
        return False
    words = [*parsed.given, *parsed.family.replace("-", " ").split()]
    return "".join(word[0] for word in words).upper() == keyed["key"]


_TALLY = re.compile(r"(?:[^\W\d_][^:,;\n]{0,30}:[ \t]*\d{1,4}[,;]?[ \t]*){3,}")


def _tally_row(label: str, tail: str) -> bool:
    """Whether a label and what follows it are a row of a vote's tally ("ΕΠΙ ΤΗΣ ΑΡΧΗΣ: ΥΠΕΡ: 158, ΚΑΤΑ: 121,
    ΠΑΡΩΝ: 14"), not an officer reading the count out ("Le Secrétaire: Pour: 104 Contre: 0 Abstentions: 0")."""
    if tail.count(":") < 2 or _TALLY.fullmatch(tail) is None:
        return False
    parsed = parse_label(label)
    return parsed is None or not (parsed.titles or parsed.role or parsed.honorific)


def _runs_on_in_lower_case(text: str, end: int) -> bool:
    """Whether the line ending at ``end`` runs on into the next, which opens in lower case ("Bridget Aldous
    (Sheffield Heeley) (Lab): One" over "train in five late, …"): a sentence wrapped, never a heading's end."""
    following = text[end : end + 8].lstrip(" \t")
    return following[:1] == "\n" and starts_lower(following[1:].lstrip(" \t"))


def _ends_a_paragraph(text: str, end: int) -> bool:
    """Whether the line ending at ``end`` is its paragraph's last: a blank line (or the text's end) follows."""
    following = text[end : end + 4].lstrip(" \t")
    return not following or following.startswith(("\n\n", "\r\n\r", "\n\r\n", "\n\f"))


def _lists_no_words(tail: str, whole_paragraph: bool) -> bool:
    """Whether what follows a label on its line makes the line a list's entry, not a turn: dot leaders to a page
    number, a short item that ends as a list's items do (a semicolon) where it is its whole paragraph, or a link, an address or a telephone number
    and nothing else (each tested only when its first look
    fits, so a line of speech costs a few character tests)."""
    if (".." in tail or ". ." in tail) and _LEADERS.search(tail) is not None:
        return True
    if (
        whole_paragraph
        and tail.endswith(_LIST_ITEM_ENDS)
        and len(tail) <= _LIST_ITEM_CHARS
        and _GREEK_LETTER.search(tail[-2:-1] or " ") is None  # Greek's question mark is a semicolon: "Μια ερώτηση;"
    ):
        return True  # "Bawku Municipal: 61 cases, 7 deaths;" alone: an item of a list read out, not a turn
    return (tail[:1] in "[<hmw+0123456789" or "@" in tail) and _LINK_ONLY.fullmatch(tail) is not None


# Words of an office described after a name and a comma ("az Agrárminisztérium államtitkára"); more make a
# sentence ("SERGEANT IVO BRANDT, U.S. Army, was called as a witness …, and testified as follows").
_OFFICE_AFTER_NAME_WORDS = 8
_LIST_ITEM_ENDS = tuple(VOCABULARY.words_of("list_item_ends"))
_GREEK_LETTER = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")
_LIST_ITEM_CHARS = 100


@functools.lru_cache(maxsize=8192)  # a document prints its few labels again and again
def _printed_label(raw: str) -> str:
    """A label as printed, made readable: zero-width and bidi marks out, HTML character references read ("M.
    Fran&ccedil;ois Lebel" saved from a web page), words split by PDF extraction joined ("Th e SPEAKER")."""
    label = _FORMAT_CHARS.sub("", raw).strip()
    if "&" in label:
        label = html.unescape(label)
    if "*" in label or "__" in label:  # "**Host** (00:00:04)": markdown emphasis closed before the label's end
        label = _EMPHASIS_EDGE.sub("", label).strip()
    return repair_split_words(label)


# Markdown emphasis markers at a word's edge, inside a label: "**Host** (00:00:04)", "*Ana* (PT)".
_EMPHASIS_EDGE = re.compile(r"(?<=[\w.)\]])(?:\*{1,3}|_{2,3})(?=\s|$)|(?:^|(?<=\s))(?:\*{1,3}|_{2,3})(?=[\w(\[])")


_MATCHERS: dict[tuple[str, str], ShapeMatcher] = {}


def find_candidate(
    text: str, start: int, end: int, at_paragraph_start: bool, convention: Convention | None = None
) -> Candidate | None:
    """The label candidate at the start of the line ``text[start:end]`` under ``convention`` (the base profile's
    shapes by default)."""
    return matcher_for(convention or builtin()[BASE]).find(text, start, end, at_paragraph_start)


def matcher_for(convention: Convention) -> ShapeMatcher:
    """The compiled shapes of a convention (built once per profile and process)."""
    return built_for(_MATCHERS, convention, ShapeMatcher)


def style_of(candidate: Candidate) -> str:
    """The shape a label is printed in and its case: a document keeps one style for its real labels."""
    case = TITLE_CASE if LOWER_CASE.search(_PARENS.sub("", candidate.label)) else UPPER
    # ... and whether it stands alone on its line: a record that prints its labels so ("היו"ר יואב בן-שושן:" over
    # the words) has no label with a sentence after its colon.
    return f"{candidate.shape}/{case}{'/alone' if candidate.alone else ''}"


def strength(parsed: Label, label: str) -> str | None:
    """Why a parsed label is a strong label by itself, or None when only recurrence can make it one."""
    if parsed.role is not None:
        return "a generic role"
    if is_asked_by(parsed.raw):
        return "who asks the question (vocabulary: asked_by)"
    if parsed.titles:
        return "a title"
    if parsed.honorific:
        return "an honorific"
    if parsed.inner is not None:
        return "an office with its holder"
    bare = _PARENS.sub("", label)
    if not LOWER_CASE.search(bare) and CAPITAL.search(bare) and len(label) > 1:
        return "an upper-case name"
    return None


# Compared as labels are, folded the same way ("Présents" is the list's "présents").
_NEVER_SPEAKERS = frozenset(map(fold, VOCABULARY.words_of("never_speakers")))


def never_a_speaker(label: str) -> bool:
    """Whether ``label`` is a word the vocabulary says is never a speaker ("Note", "Из ответов на вопросы")."""
    return fold(label) in _NEVER_SPEAKERS
# What a transcriber prints in brackets where words or a name are withheld or lost: never a sender.
_TRANSCRIBERS_MARKS = frozenset(
    map(fold, (*VOCABULARY.words_of("room_notes"), *VOCABULARY.words_of("withheld_marks")))
)
_LIST_HEADINGS = frozenset(map(fold, VOCABULARY.words_of("list_headings")))
# "…, and Members of the Subcommittee", "Tina Smith, Representative Bobby Scott, Marcy Kaptur, and Frank Mrvan": the
# last of several people addressed.
_SALUTATION_END = re.compile(r",\s+and\s+\S")
_TITLE_AFTER = re.compile(r"\s(?:--|[—–-])\s")  # "Wang Jianhua -- Founder, Chairman, and Chief Executive Officer"


def _is_salutation(folded: str) -> bool:
    """Whether a label addresses several people ("chairman holloway, ranking member okafor, and members of the
    subcommittee"): a list ending ", and …" that opens before any title after a dash or inside brackets, where an
    office's own list runs on ("… -- founder, chairman, and chief executive officer")."""
    bare = _PARENS.sub("", folded)
    if bare.count(",") < 2 or not _SALUTATION_END.search(bare):
        return False
    return "," in _TITLE_AFTER.split(bare, 1)[0]
_SECTION_NUMBER = re.compile(expand(VOCABULARY.patterns["section_number"]))
_ROMAN = re.compile(r"[IVX]{1,6}")
_SOUND_CUES = frozenset(map(fold, VOCABULARY.words_of("sound_cues")))
_SCENE_WORDS = frozenset(map(fold, VOCABULARY.words_of("scene_words")))


def refusal(parsed: Label | None, delimiter: str = ":") -> str | None:
    """Why a label candidate can never be a speaker, whatever the document: None when it may be one."""
    if parsed is None:
        return _UNREAD
    folded = fold(parsed.raw)
    if (
        folded in _NEVER_SPEAKERS
        # "Present (Board)": a list's heading with what it lists in brackets; "Comment [RJ1]", a Word comment's
        # initials and number
        or (("(" in folded or "[" in folded) and fold(_BRACKETED.sub("", parsed.raw).strip()) in _NEVER_SPEAKERS)
        # "Danke, Frau Präsidentin": such words with the one they are said to after a comma
        or ("," in folded and folded.split(",", 1)[0].rstrip() in _NEVER_SPEAKERS)
    ):
        return _HEADING_WORD_REFUSAL
    if delimiter != ":" and folded in _SCENE_WORDS:
        return _HEADING_WORD_REFUSAL
    if _is_salutation(folded):
        # "Chairman Holloway, Ranking Member Okafor, and Members of the Subcommittee:" opening a statement
        return "a salutation to several people, not a speaker"
    if folded in _SOUND_CUES:
        return "a sound or music cue, not a speaker (vocabulary: sound_cues)"
    if VOCABULARY.contains("not_label_first_words", parsed.raw.split(None, 1)[0].rstrip(".,")) and not (
        is_chat_sender(parsed.raw)  # "From Priya Shah to Everyone": "From" opens a chat export's sender line
    ):
        return _FIRST_WORD_REFUSAL
    if VOCABULARY.contains("not_label_last_words", parsed.raw.rsplit(None, 1)[-1]):
        return "a credit or heading line, not a speaker (vocabulary: not_label_last_words)"
    if any(VOCABULARY.contains("salutation_words", word.strip(",.")) for word in parsed.raw.split()):
        return "a salutation, not a speaker (vocabulary: salutation_words)"
    if delimiter == "." and parsed.family is None and not parsed.titles:
        return "a period label needs a name or an office"
    if (
        delimiter == ":"
        and parsed.honorific
        and not parsed.article
        and parsed.family is None
        and parsed.inner is None
        and parsed.titles
        and all(title[:1].islower() for title in parsed.titles)
    ):
        # "Señor presidente: voy terminando": the chair addressed in lower case, as a speech opens, not a label
        # ("Sr. Presidente (Menem).-" and "Mme la présidente." are)
        return "the chair addressed as a speech opens ('Señor presidente:'), not a speaker"
    if ("19" in parsed.raw or "20" in parsed.raw) and _DATE.search(parsed.raw):  # a year first: two substring tests
        return "a date, not a speaker (a page's head: 'TUESDAY, 10 MARCH 2026' over 'Page: 2')"
    if parsed.raw[-1:].isdigit() and _DAY_OF_MONTH.fullmatch(parsed.raw):
        return "a date, not a speaker (a diary's or a log's entry: 'June 14: wind north-west')"
    return None


# A day of a month ("June 14", "14 June", "May 4th"), and a date with its year after it.
_DAY_MONTH = r"(?:@months@)\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+(?:@months@)\.?"
_DAY_OF_MONTH = re.compile(expand(rf"(?i:{_DAY_MONTH})"))
_DATE = re.compile(expand(rf"(?i:\b(?:{_DAY_MONTH}),?\s+\d{{4}})"))


_FIRST_WORD_REFUSAL = "a byline, sponsor, clause or address line, not a speaker (vocabulary: not_label_first_words)"
_HEADING_WORD_REFUSAL = "a heading word, not a speaker (vocabulary: never_speakers)"
_WORD_REFUSALS = frozenset({_FIRST_WORD_REFUSAL, _HEADING_WORD_REFUSAL})
_INITIALS = re.compile(r"[A-Z]{2,3}")
# A speaker's code with the turn's number, as a counselling or research transcript numbers its turns ("T15", "C4",
# "IV12"): each is said once, and never names someone quoted.
_TURN_CODE = re.compile(r"[A-Z]{1,3}\d{1,4}")


@attrs.frozen(slots=True)
class Verdict:
    accepted: bool
    reason: str
    parsed: Label | None


# A shape the profile does not print counts only when the document shows it: its labels open at least this share
# of the paragraphs, at least this often, recur, and are at least half as many as the profile's own labels.
_INFER_SHARE, _INFER_MIN, _INFER_RECUR = 0.12, 3, 0.67
_ADDRESS_GOES_ON = re.compile(
    rf"(?i)(?<![\w'’])(?:{VOCABULARY.alternation('first_second_person')}|{VOCABULARY.alternation('speech_after_address')})(?![\w'’])"
)
_PARTNER_SHARE = 0.5  # of its partner's paragraphs a shape's must open to show it (an answer may run on: "Q … Q …")


def _names_an_office(label: str) -> bool:
    """Whether a label says by its words who speaks: a role, an honorific, an office with its holder, or in
    upper and lower case a title with its article or before a name ("The Taoiseach", "Deputy Ní Bhriain"). An
    office word alone does not ("Prime Minister" may be a heading), nor a title in capitals ("CITY COUNCIL REGULAR
    MEETING" is a heading that the grammar reads as a council's Meeting)."""
    parsed = parse_label(label)
    if parsed is None:
        return False
    titled = bool(parsed.titles) and (parsed.article or parsed.family is not None) and LOWER_CASE.search(label)
    return bool(parsed.role or parsed.honorific or parsed.inner or titled)


def infer_shapes(
    candidates: Iterable[Candidate], convention: Convention, paragraphs: int
) -> tuple[frozenset[str], dict[str, str]]:
    """The shapes that count in this document: the profile's active ones, and the inactive ones the document's
    own labels show (with why, for --explain)."""
    active = {s.name for s in convention.shapes if s.active}
    partners = {s.name: s.partner for s in convention.shapes if s.partner is not None}
    # How often each (label, delimiter) opens a paragraph, by shape: counts, not the candidates (a document of a
    # million short turns has a million of them).
    by_shape: defaultdict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    # How often an inactive shape's label is one an active shape printed earlier: the speaker in another frame.
    again: Counter[str] = Counter()
    seen: set[str] = set()
    for c in candidates:
        if c.at_paragraph_start:
            by_shape[c.shape][c.label, c.delimiter] += 1
            if c.shape in active:
                seen.add(c.label)
            elif c.label in seen:
                again[c.shape] += 1

    def speakers(found: Counter[tuple[str, str]]) -> Counter[str]:
        labels: Counter[str] = Counter()
        for (label, delimiter), n in found.items():
            if refusal(parse_label(label), delimiter) is None:
                labels[label] += n
        return labels

    own: int | None = None  # the profile's own labels, counted only when an inactive shape shows enough of its own
    inferred: dict[str, str] = {}
    for shape, found in by_shape.items():
        if shape in active:
            continue
        # Most of them speakers already labelled in another frame show the shape, however few (Korea's briefing
        # prints "대변인:" and, later, "[대변인]" alone over a long answer; a hearing's list of its members before
        # the first label names them first, and is no speech).
        if again[shape] >= _INFER_MIN and again[shape] >= _INFER_RECUR * found.total():
            inferred[shape] = f"inferred from the document: {again[shape]} paragraphs open with labels it printed before"
            continue
        partner = partners.get(shape)
        answered = by_shape.get(partner) if partner in active else None  # (a get: no new key while iterating)
        if answered is not None and found.total() >= max(_INFER_MIN, _PARTNER_SHARE * answered.total()):
            # A witness's answer marks beside the questioner's ("A    I am." under "Q    Are you …?"): as many as
            # the marks they answer show the shape, however many other labels the hearing prints.
            inferred[shape] = f"inferred from the document: {found.total()} paragraphs answer the {partner} shape's"
            continue
        if found.total() < max(_INFER_MIN, _INFER_SHARE * paragraphs):
            continue  # too few to show a shape: not worth parsing their labels
        labels = speakers(found)
        # A label that is one by itself (a title, an office, an honorific: "The Taoiseach", "Deputy Ní Bhriain")
        # needs no recurrence to show the shape; names without one must recur, or they may be headings.
        n = labels.total()
        distinct = sum(1 for label in labels if not _names_an_office(label))
        if n < _INFER_MIN or distinct > _INFER_RECUR * n or n < _INFER_SHARE * paragraphs:
            continue
        if own is None:
            own = sum(speakers(found).total() for shape, found in by_shape.items() if shape in active)
        if 2 * n >= own:
            inferred[shape] = (
                f"inferred from the document: {n} paragraphs open with {distinct} recurring labels of this shape"
            )
    return frozenset(active | set(inferred)), inferred


class _Tally:
    """What one pass over a document's candidates tells of each distinct label (the candidates themselves are not
    kept: a document of a million short turns has a million of them)."""

    def __init__(self, candidates: Iterable[Candidate]) -> None:
        self.at_start: Counter[str] = Counter()
        self.alone: Counter[str] = Counter()
        self.timed: Counter[str] = Counter()
        self.first: dict[str, Candidate] = {}  # each label's first candidate, in the order labels first appear
        self.last_start: dict[str, int] = {}  # where each label's last candidate is
        self.lone_cue_start: dict[str, int] = {}  # where each label is first a cue alone on its line
        # Labels with a candidate that has (True) or lacks (False) each mark.
        self.heading_tail: dict[bool, set[str]] = {True: set(), False: set()}
        self.listed: dict[bool, set[str]] = {True: set(), False: set()}
        self.quoting: dict[bool, set[str]] = {True: set(), False: set()}
        self.lower_tail: dict[bool, set[str]] = {True: set(), False: set()}
        self.count: Counter[str] = Counter()  # how many candidates each label has
        for c in candidates:
            label = c.label
            self.count[label] += 1
            self.first.setdefault(label, c)
            self.last_start[label] = c.start
            self.at_start[label] += c.at_paragraph_start
            self.alone[label] += c.alone
            self.timed[label] += c.timed
            if c.alone and c.delimiter == "" and not c.timed:  # a name over its recording time is no title
                self.lone_cue_start.setdefault(label, c.start)
            self.heading_tail[c.heading_tail].add(label)
            self.listed[c.listed].add(label)
            self.quoting[c.quoting].add(label)
            self.lower_tail[c.lower_tail].add(label)

    @staticmethod
    def only(marks: dict[bool, set[str]]) -> set[str]:
        """Labels whose every candidate has the mark."""
        return marks[True] - marks[False]


def decide(candidates: Iterable[Candidate], prefix: str = "") -> dict[str, Verdict]:
    """Accept or reject each distinct candidate label of one document, with a reason (``prefix`` names the
    profile and shape that found it)."""
    tally = _Tally(candidates)
    at_start, alone, timed, first = tally.at_start, tally.alone, tally.timed, tally.first
    headings = tally.only(tally.heading_tail)
    listed = tally.only(tally.listed)
    quoting = tally.only(tally.quoting)
    lower_tail = tally.only(tally.lower_tail)
    speaking = {label for label in tally.quoting[False] if at_start[label] >= 2}
    # Where the recurring labels' own speech goes on in lower case (captions, an ASR export), lower case after a
    # colon says nothing about prose.
    cased_speech = len(speaking & lower_tail) * 2 < len(speaking)
    # Sections numbered in roman numerals before a period where labels stand ("I.- GEÇEN TUTANAK ÖZETİ", "II.-
    # …"): where a numeral of two letters or more is printed so, every numeral so printed is a section's number
    # ("I." too). Before a colon they are an interviewer's "IV:" or a flight log's "CC:", so only the period counts.
    numbered_sections = any(
        len(label) > 1 and first[label].delimiter == "." and _ROMAN.fullmatch(label) for label in first
    )
    verdicts: dict[str, Verdict] = {}
    strong_styles: Counter[str] = Counter()
    weak: list[str] = []
    initials: list[str] = []  # capitals the first-word refusal read as a word ("SO", "BY"), decided by the style
    learned: set[str] = set()  # the lower-case words of the labels read as printed ("presidenta", "diputada")
    unread: list[str] = []  # labels the grammar does not read, printed like labels, said once or twice
    headed: list[str] = []  # labels the grammar does not read, with a comma after their head

    def why(label: str, reason: str) -> str:
        return f"{prefix}{first[label].shape}: {reason}"

    @functools.cache  # each label's style is asked for up to three times
    def style(label: str) -> str:
        return style_of(first[label])

    for label in first:
        if first[label].unnamed:  # the profile prints it to say a speaker it does not name begins here
            verdicts[label] = Verdict(True, why(label, "a new speaker the transcript does not name"), None)
            continue
        if first[label].handle:  # a chat export's sender, framed by its time and separator
            bare = fold(label.strip("[]<>() "))
            if bare in _TRANSCRIBERS_MARKS or bare in _SOUND_CUES:
                # "[14:32:07] [REDACTED] …", "[inaudible]", a quiz show's "[BUZZER]": the transcriber's mark or a
                # sound in the sender's place
                verdicts[label] = Verdict(False, why(label, "a transcriber's mark or a sound, not a sender"), None)
                continue
            framed = "a speaker its line's frame names, as printed (a chat's sender, a forced cue)"
            verdicts[label] = Verdict(True, why(label, framed), parse_label(label))
            continue
        parsed = parse_label(label)
        refused = refusal(parsed, first[label].delimiter)
        if label[1:2] == " " and _LETTER_SPACED.fullmatch(label):
            refused = "words set letter-spaced ('L O N D O N:' in a title page's imprint): a heading's, never a speaker"
        elif label in listed:
            refused = "a list entry (dot leaders to a page number, a vote's tally), not a turn"
        elif fold(label) in _LIST_HEADINGS and alone[label] >= at_start[label]:
            refused = "a list's heading, alone on its line over the names (vocabulary: list_headings), not a turn"
        elif _SECTION_NUMBER.match(label) or (
            numbered_sections and first[label].delimiter == "." and _ROMAN.fullmatch(label)
        ):
            refused = "a section's number before its title ('V.    ORDEN DEL DÍA:', 'III.- YOKLAMA'), a heading (vocabulary: section_number)"
        elif (
            label in quoting
            and first[label].delimiter in (":", "：")  # prose quotes after a colon, never after a record's dash
            and at_start[label] < 2
            and speaking
            and (parsed is None or parsed.role is None)
            and not _TURN_CODE.fullmatch(label)  # a numbered turn's code ("T15: “You're so good …”") quotes no one
        ):
            # A speaker quoting someone names them before the quotation ("The Prime Minister of Israel, Bibi
            # Netanyahu: “I have had ...”"): once, only before quotation marks, in a document whose recurring
            # labels open speech, it is not a turn. (A page of statements, every name before its quotation, and
            # a crowd's "AUDIENCE: “Four more years!”" keep theirs.)
            refused = "a name before a quotation inside a speech, said once: a quotation, not a turn"
        elif (
            label in lower_tail
            and first[label].delimiter == ":"
            and at_start[label] < 2
            and cased_speech
            and parsed is not None
            and (parsed.role is not None or not parsed.qualifiers)
        ):
            # "Question: if the ice has been sitting there …", "Señor Presidente: este proyecto …" (a vocative): a
            # label's words before a sentence that goes on in lower case after its colon, once, in a document
            # whose recurring labels open speech, are prose, not a turn. (A member named with a seat may print the
            # question they asked so: "Ms Tan (Marine Parade): asked the Minister …".)
            refused = "a word before a colon in a sentence that goes on in lower case, said once: prose, not a turn"
        if (
            parsed is not None
            and refused in _WORD_REFUSALS
            and first[label].delimiter == ":"
            and _INITIALS.fullmatch(label)
        ):
            # "SO:" beside "RA:" is an interviewer's initials, though "so" opens sentences and headings: a code
            # of capitals that a word list refused counts only if it recurs in the style of the document's labels.
            initials.append(label)
            verdicts[label] = Verdict(False, why(label, refused), parsed)
            continue
        if parsed is None and refused == _UNREAD and _reads_as_printed(label, first[label]):
            if at_start[label] >= _RECURRING_UNREAD:
                # "La presidenta diputada Ana Ruiz Salgado:" opening line after line: a label in words the
                # vocabulary does not hold yet is still the document's label (a plain splitter would read it).
                reason = f"a label that opens {at_start[label]} paragraphs as printed, though the label grammar does not read it"
                verdicts[label] = Verdict(True, why(label, reason), None)
                learned.update(_LOWER_WORDS.findall(label))
                continue
            unread.append(label)
        if parsed is None and refused == _UNREAD and "," in label:
            headed.append(label)
        if parsed is None or refused is not None:
            verdicts[label] = Verdict(False, why(label, refused or ""), parsed)
            continue
        strong = strength(parsed, label)
        if strong is not None and first[label].delimiter == "." and len(label) == 1:
            strong = None  # "A." may begin "A. Philip Randolph ...": a one-letter mark must recur to count
        if strong is None:
            weak.append(label)
            verdicts[label] = Verdict(False, "", parsed)
            continue
        if (
            label in headings
            and parsed.titles
            and parsed.family is None
            and parsed.role is None
            and parsed.inner is None
            and not parsed.qualifiers
        ):
            # "Voorzitter: Brouwer", "Chair: Dana Okafor": an office over the name of who holds it, and nothing
            # else, wherever it stands: a header's field or the record's heading, not a turn.
            verdicts[label] = Verdict(False, why(label, "an office over its holder's name alone: a field, not a turn"), parsed)
            continue
        verdicts[label] = Verdict(True, why(label, strong), parsed)
        strong_styles[style(label)] += at_start[label]
    # Names that recur (or carry a timestamp) are labels by themselves; they tell the document's style only when
    # no strong label does (a speech's "Leaders of the NAACP: ..." said twice must not outvote "THE VICE PRESIDENT").
    recurring_styles: Counter[str] = Counter()
    pending: list[str] = []
    for label in weak:
        parsed = verdicts[label].parsed
        if label in headings:
            verdicts[label] = Verdict(False, why(label, "a heading (Topic: Subtitle), not a speaker"), parsed)
            continue
        if at_start[label] >= 2 or alone[label] >= 2:
            verdicts[label] = Verdict(
                True, why(label, f"a name that recurs as a label ({at_start[label]}x)"), parsed
            )
        elif timed[label] or (parsed is not None and parsed.time is not None):
            verdicts[label] = Verdict(True, why(label, "a name with a timestamp (rev.com style)"), parsed)
        else:
            pending.append(label)
            continue
        recurring_styles[style(label)] += at_start[label]
    # The document's style: its strong labels' — or its recurring names' where those open more turns (an earnings
    # call's "Name -- Title" lines outnumber its "Operator").
    dominant = {
        styles.most_common(1)[0][0]
        for styles in (strong_styles, recurring_styles)
        if styles and (styles is strong_styles or sum(styles.values()) > sum(strong_styles.values()))
    }
    # ... and any style that two or more distinct accepted labels share (an earnings call prints its analysts
    # "Name - Firm" like its executives, whatever the operator's line looks like).
    shared = Counter(style(label) for label, verdict in verdicts.items() if verdict.accepted)
    dominant |= {printed for printed, n in shared.items() if n >= 2}
    for label in pending:
        parsed = verdicts[label].parsed
        printed = style(label)
        if printed in dominant:
            verdicts[label] = Verdict(
                True, why(label, f"a name in the style of this document's labels ({printed})"), parsed
            )
        elif (
            printed.endswith("/alone")
            and printed.removesuffix("/alone") in dominant
            and parsed is not None
            and parsed.given
            and parsed.family is not None
        ):
            # "Anna Kowalska (Radio Jutrzenka, Poland):" over her question, where the others' labels open their
            # lines: a person's full name in the document's style, only set on a line of its own
            reason = f"a full name in the style of this document's labels, alone on its line ({printed})"
            verdicts[label] = Verdict(True, why(label, reason), parsed)
        elif at_start[label] and _keyed_by_initials(label, parsed):
            # "Mia Holt (MH):" opening a paragraph: a speaker introduced with the key their later labels use
            reason = "a name with its own initials in brackets, the key a transcript's later labels use"
            verdicts[label] = Verdict(True, why(label, reason), parsed)
        else:
            verdicts[label] = Verdict(
                False, why(label, "a lone name-like phrase, unlike this document's labels"), parsed
            )
    # Initials count where the document keys its speakers by initials: "SO:" beside "RA:", not the "BY:" of a
    # court transcript's appearances ("BY: ERIK HALVORSEN, ESQ.") beside "THE COURT:" and "MR. HALVORSEN:".
    keyed = {label for label, verdict in verdicts.items() if verdict.accepted and _INITIALS.fullmatch(label)}
    for label in initials:
        if at_start[label] >= 2 and style(label) in dominant and keyed - {label}:
            reason = "initials that recur beside others in the style of this document's labels (though a word opens prose so)"
            verdicts[label] = Verdict(True, why(label, reason), verdicts[label].parsed)
    for label in unread if learned else ():
        # "El diputado Mauricio Estrada Lugo (PVEM):", once, in the words of the labels that recur ("El diputado
        # Tomás Ibarra Luna (PAN):", "La presidenta diputada …"): a label of the same kind.
        words = _LOWER_WORDS.findall(label)
        if words and learned.issuperset(words):
            reason = "a label in the words of this document's labels read as printed"
            verdicts[label] = Verdict(True, why(label, reason), None)
    names_in_capitals = any(printed.split("/")[1] == UPPER for printed in dominant)
    for label in headed:
        # "МЕЛЬНИЧУК Б.Р., голова Комітету … з питань організації державної влади, місцевого самоврядування, …
        # (…)": a label of this document before the comma, an office the grammar does not read after it.
        name, after = (part.strip() for part in label.split(",", 1))
        head = verdicts.get(name)
        if _ADDRESS_GOES_ON.search(after) is not None:
            # "Mr Speaker, let me be clear:": the document's label, addressed, and the speaker's words after it
            continue
        if head is not None and head.accepted and head.parsed is not None:
            reason = "a label of this document before a comma, the office after it as printed"
            verdicts[label] = Verdict(True, why(label, reason), head.parsed)
        elif (
            names_in_capitals
            and at_start[label]
            and name.isupper()
            and " " in name
            and len(label.split(",", 1)[1].split()) <= _OFFICE_AFTER_NAME_WORDS  # an office, not a sentence
        ):
            # "MAJOROS ÉVA, az Agrárminisztérium államtitkára:" where the labels are names in capitals: a full
            # name in the document's style before the comma, an office described in words after it
            parsed = parse_label(name)
            if parsed is not None and parsed.family is not None and parsed.given:
                reason = "a full name in capitals, as this document prints its labels, before a comma and an office"
                verdicts[label] = Verdict(True, why(label, reason), attrs.evolve(parsed, raw=label))
    _refuse_lone_titles(tally, verdicts, why)
    _refuse_names_inside_paragraphs(tally, verdicts, why)
    _refuse_caseless_sentences(tally, verdicts, why)
    for label, verdict in verdicts.items():
        parsed = verdict.parsed
        if not verdict.accepted or tally.count[label] > 1:
            continue
        if parsed is not None and parsed.role in _FIELD_ROLES:
            # "SUBJECT:       Delegation of Authority …" under "MEMORANDUM FOR …": a memo's field, said once; the
            # subject of a negotiation speaks again and again
            verdicts[label] = Verdict(False, why(label, "a role that is also a field's name, said once: a field"), parsed)
        elif _PART_NUMBER.fullmatch(label):
            # "II: Dr Siobhán Ní Bhriain, Chief Economist …", a committee's second panel, said once (an interview's
            # "IV:" for its interviewee recurs)
            verdicts[label] = Verdict(False, why(label, "a part's number in roman numerals, said once"), parsed)
    return verdicts


_FIELD_ROLES = frozenset(VOCABULARY.words_of("field_roles"))
_PART_NUMBER = re.compile(r"(?:II|III|IV|VI{0,3}|IX|X)")
_SENTENCE_WORDS = 4  # words of a bare "name" in a script without case, said once, that make it a sentence
_SENTENCE_CHARACTERS = 5  # ... or characters, in a script written without spaces (a Chinese name has two to four)
_CJK_OFFICES = tuple(VOCABULARY.words_of("cjk_titles"))
_CJK_SAYING = tuple(VOCABULARY.words_of("cjk_saying_verbs"))
_NAME_SUFFIXES_WITHOUT_SPACE = tuple(VOCABULARY.words_of("glued_name_suffixes"))  # "宇佐美拓海君": a Diet member


def _refuse_caseless_sentences(tally: _Tally, verdicts: dict[str, Verdict], why: Callable[[str, str], str]) -> None:
    """In a script without case nothing marks a name; a "name" of four words or more, with no honorific, office,
    role or qualifier, said once, is a sentence a speaker ended with a colon ("أنا أقول للوزير بكل احترام: …", "I say
    to the minister with all respect: …"; the Knesset's "הצעת החוק קובעת שלושה עקרונות:"; in Chinese, five characters or
    more with no office in them, "我們來看數字：", or a phrase ending in a verb of saying, "有人问："), not a speaker."""
    for label, verdict in verdicts.items():
        parsed = verdict.parsed
        if (
            verdict.accepted
            and tally.count[label] == 1
            and tally.first[label].delimiter == ":"
            and not label.endswith(_NAME_SUFFIXES_WITHOUT_SPACE)
            and _is_bare_name(parsed)
            and parsed is not None
            and not parsed.qualifiers
            and without_case(label)
            and (
                len(label.split()) >= _SENTENCE_WORDS
                # "我們來看數字：…" (let us look at the numbers): no office in it, longer than a name
                or (" " not in label and len(label) >= _SENTENCE_CHARACTERS and not any(o in label for o in _CJK_OFFICES))
                # "有人问：…" (someone asks), "老一辈水利人常说：…" (the old hands say): who is quoted, not who speaks
                or (" " not in label and len(label) >= 2 and label.endswith(_CJK_SAYING))
            )
        ):
            verdicts[label] = Verdict(False, why(label, "a sentence before a colon in a script without case"), parsed)


_OPENING_SHARE, _OPENING_MIN = 0.9, 10


def _refuse_names_inside_paragraphs(
    tally: _Tally, verdicts: dict[str, Verdict], why: Callable[[str, str], str]
) -> None:
    """Where nearly every label opens a paragraph (a first-line indent or a blank line before it), a bare name in
    capitals said once inside a paragraph is the speech's own word ("… Bu rakamları biz uydurmadık, / MEB – yani
    Bakanlığın kendisi – …", an acronym at a wrapped line's start), not a turn."""
    accepted = [label for label, verdict in verdicts.items() if verdict.accepted]
    said = sum(tally.count[label] for label in accepted)
    if said < _OPENING_MIN or sum(tally.at_start[label] for label in accepted) < _OPENING_SHARE * said:
        return
    for label in accepted:
        parsed = verdicts[label].parsed
        if (
            tally.count[label] == 1
            and not tally.at_start[label]
            and parsed is not None
            and not (parsed.titles or parsed.honorific or parsed.role or parsed.inner or parsed.given)
        ):
            reason = "a name said once inside a paragraph, where this document's labels open theirs: prose"
            verdicts[label] = Verdict(False, why(label, reason), parsed)


def _refuse_lone_titles(tally: _Tally, verdicts: dict[str, Verdict], why: Callable[[str, str], str]) -> None:
    """A cue printed alone on its line, said once, before the first label that recurs, is the document's title
    ("THE LANTERN KEEPER'S DAUGHTER" over a play), not a speaker; so is a name in capitals before a colon and a
    heading ("NCAA MEN'S BASKETBALL CHAMPIONSHIP: SECOND ROUND" over a press conference)."""
    at_start = tally.at_start
    titled = {
        label
        for label, c in tally.first.items()
        if c.heading_tail and verdicts[label].accepted and _is_bare_name(verdicts[label].parsed)
    }
    recurring = [
        c.start
        for label, c in tally.first.items()
        if at_start[label] >= 2 and verdicts[label].accepted and label not in titled
    ]
    if not recurring:
        return
    opening = min(recurring)
    # A title may be printed twice (on the cover and over the first page: "CLOSING THE GAPS: WEATHER RADAR ...").
    lone = [(label, start) for label, start in tally.lone_cue_start.items() if at_start[label] == 1]
    for label, start in (*lone, *((label, tally.last_start[label]) for label in titled)):
        verdict = verdicts[label]
        if verdict.accepted and start < opening and not _names_a_handle(label, at_start):
            verdicts[label] = Verdict(False, why(label, "a title before the transcript's labels"), verdict.parsed)


_HANDLE_IN_QUOTES = re.compile(r"[\"“]([^\"”\n]{1,30})[\"”]")


def _names_a_handle(label: str, at_start: Counter[str]) -> bool:
    """Whether ``label`` prints a handle in quotes that the document's turns go on to be labelled by ("[Kaelen
    "KRAKEN" Moss]" over a caster's first words, then "KRAKEN:"): a person introduced, not a title."""
    handle = _HANDLE_IN_QUOTES.search(label)
    return handle is not None and at_start[handle[1]] >= 2


_UNREAD = "not label-shaped: the label grammar does not read it"
_RECURRING_UNREAD = 3  # paragraphs an unread label must open to count
_UNREAD_WORDS = 8
_PRINTED_LABEL = re.compile(r"[A-ZÀ-Þ][^\d.!?;:\n]*")  # capitalised, no digit, no sentence stop
_JOINING_WORDS = frozenset(VOCABULARY.words_of("joining"))
# ... or a name printed all in lower case, as a news podcast prints its speakers ("dana whitcombe", "archived
# recording (joe biden)"): two to four words, each a word, no stop.
LOWER_CASE_LABEL = (  # (a clip numbered: "archived recording 1"; the parser looks for it at a paragraph's start)
    r"[a-zß-öø-ÿ][\w'’-]*(?:[ \t]+[a-zß-öø-ÿ][\w'’-]*){1,3}(?:[ \t]+\d{1,2}|[ \t]+\([a-zß-öø-ÿ][\w'’ -]{1,40}\))?"
)
_LOWER_CASE_PRINTED = re.compile(LOWER_CASE_LABEL)


_LOWER_WORDS = re.compile(r"(?<![\w(])[a-zß-öø-ÿ][\w'’-]*")  # words in lower case, outside brackets' first word


def _reads_as_printed(label: str, first: Candidate) -> bool:
    """Whether a label the grammar does not read still reads as one printed before a colon: capitalised, a few words
    without a digit or a sentence's stop, ending in a capitalised word or a bracket (a name, an office, a party)."""
    if first.delimiter != ":" or len(label.split()) > _UNREAD_WORDS:
        return False
    if _LOWER_CASE_PRINTED.fullmatch(label) is not None:  # a name: no small word of a phrase ("inserting the following")
        return not any(word in _JOINING_WORDS for word in label.split())
    return (
        _PRINTED_LABEL.fullmatch(label) is not None
        and (label[-1] == ")" or label.split()[-1][:1].isupper())  # a name or an office ends it: "In this title" no
    )


def _is_bare_name(parsed: Label | None) -> bool:
    """A name alone: no role, office, honorific or holder says it is a speaker."""
    return parsed is not None and not (parsed.role or parsed.titles or parsed.honorific or parsed.inner)


def accepted_here(candidate: Candidate, verdict: Verdict, accepted_at_start: set[str]) -> Verdict:
    """Inside a paragraph a label only counts when the same label opens paragraphs elsewhere in the document,
    so a hard-wrapped line that happens to begin "President Biden: ..." stays prose. (A caption's unnamed ">>"
    is no prose: its profile prints it to open each speaker's line, inside a block of captions as anywhere; nor
    is a chat sender's frame, "[13:54] <petrichor>", which opens a message on every line of a log.)"""
    if not verdict.accepted or candidate.at_paragraph_start or candidate.unnamed or candidate.handle:
        return verdict
    if candidate.label in accepted_at_start:
        return verdict
    return Verdict(False, "inside a paragraph, and not a label of this document elsewhere", verdict.parsed)

