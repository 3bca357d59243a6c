"""The bridge between parsed documents and the normalizer: evidence out, resolved speakers back in."""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Iterator, Mapping

import attrs

from transcript_kit.columns import TurnTable
from transcript_kit.conventions.vocabulary import VOCABULARY, expand
from transcript_kit.labels import parse_label
from transcript_kit.model import Document, DocumentEvidence, Label, LabelUse, Mention, Speaker

# Where the holder of an office changes outside any label (the vocabulary's patterns): "THE PRESIDING OFFICER (Mr.
# Bennett)." left inside a turn's text, "The SPEAKER (Hon. Margaret Dunleavy) took the chair", a deposition's
# "BY MS. GARCIA:" before her questions. The binding of the bare office ("Q") after it must know.
_HOLDER_IN_TEXT = re.compile(expand(VOCABULARY.patterns["holder_in_text"]))
_EXAMINERS = tuple(re.compile(expand(VOCABULARY.patterns[name])) for name in ("examiner_line", "examined_by_line"))
_EXAMINER_OPENING = re.compile(expand(VOCABULARY.patterns["examiner_line_opening"]))
# A record's note of who took the chair, with the bare office whose turns it binds (vocabulary patterns), and the
# words every such note holds: a document without them is not searched (the patterns open with no literal).
# A holder printed by surname alone is styled by the office ("Voorzitter: El Khatib" binds "De voorzitter" to
# "Voorzitter El Khatib"): a bare surname in brackets would read as a seat.
_CHAIR_TAKEN = tuple(
    (office, style, needles, re.compile(expand(VOCABULARY.patterns[name])))
    for office, style, needles, name in (
        ("The Chair", "", ("in the chair",), "chair_taken"),
        ("Presidenten", "", ("presidentplassen", "President:"), "presidency_taken"),
        ("De voorzitter", "Voorzitter ", ("Voorzitter:",), "voorzitter_heading"),
        ("M. le président", "", ("Présidence de M", "PRÉSIDENCE DE M."), "presidence_heading"),
        ("Mme la présidente", "", ("Présidence de Mme", "PRÉSIDENCE DE MME"), "presidente_heading"),
        ("PRESIDENTE", "", ("PRESIDENZA DEL",), "presidenza_heading"),
        ("BAŞKAN", "", ("BAŞKAN:",), "baskan_heading"),
        ("Председательствующий", "", ("Председательствует",), "predsedatel_note"),
        ("ГОЛОВУЮЧИЙ", "", ("Веде засідання",), "holovuiuchyi_note"),
        ("The President", "", tuple(f"{n} President of the United States:" for n in ("st", "nd", "rd", "th")), "president_masthead"),
        ("माननीय सभापति", "", ("पीठासीन",), "hindi_chair_taken"),
        ("Chair", "", ("(Chair)",), "chair_among_members"),
        ("The Chairman", "", ("in the Chair)",), "office_in_the_chair"),
        ("Chair", "", ("called to the Chair",), "called_to_the_chair"),
        ("", "", ("occupied by",), "chair_occupied"),  # the office is the note's own (group "office")
        ("The President", "", ("President:",), "un_cover_president"),
        ("The President", "", ("took the Chair",), "un_took_the_chair"),
        # ... and a WHO board's, whose chair is "The CHAIR" ("Chair: Dr K. BRATTLI (Norway)", "Dr Sanogo (Mali),
        # Vice-Chair, took the Chair.")
        ("The Chair", "", ("Chair:",), "un_cover_president"),
        ("The Chair", "", ("took the Chair",), "un_took_the_chair"),
        ("ELNÖK", "", ("elnöki széket",), "elnok_chair_taken"),
        ("رئیس", "", ("اداره جلسه",), "majlis_chair_taken"),
        ("", "", ("সভাপতির আসন",), "sangsad_chair_taken"),
        ("", "", ("điều hành phiên họp", "Chủ tọa:"), "quoc_hoi_chair_taken"),
    )
)


def _holders_in_text(document: Document) -> list[tuple[int, str]]:
    """(index of the turn the mention follows, -1 before the first; the office and holder as printed)."""
    printed = [(m.start(), m["label"]) for m in _HOLDER_IN_TEXT.finditer(document.text)]
    for match in (m for examiner in _EXAMINERS for m in examiner.finditer(document.text)):
        line_start = document.text.rfind("\n", 0, match.start()) + 1
        # "BY MS. GARCIA:" opens its line (after the line's number, in a transcript with line numbers, and
        # "QUESTIONED"; "Examination by MS X KC" in an inquiry's)
        if _EXAMINER_OPENING.fullmatch(document.text, line_start, match.start()):
            printed.append((line_start, f"Q ({match['holder']})"))
    printed.extend(_witnesses_sworn(document.text))
    for office, style, needles, taken in _CHAIR_TAKEN:
        if any(needle in document.text for needle in needles):
            printed.extend(
                (m.start(), f"{office or m['office']} ({style}{_holder_of(m)})") for m in taken.finditer(document.text)
            )
    if not printed:
        return []
    # Turns in order of their start, each with the highest index among those starting there or before: the
    # mention follows that turn (a bisection per mention, not a pass over every turn).
    turns = document.turns
    if isinstance(turns, TurnTable):
        starts = sorted(zip(turns.char_starts, range(len(turns))))
    else:
        starts = sorted((turn.char_start, turn.index) for turn in turns)
    offsets = [start for start, _ in starts]
    last = list(itertools.accumulate((index for _, index in starts), max))
    found = []
    for offset, label in sorted(printed):
        n = bisect.bisect_right(offsets, offset)
        found.append((last[n - 1] if n else -1, " ".join(label.split())))
    return found


def _holder_of(match: re.Match[str]) -> str:
    """The holder a chair note names; a name set letter-spaced ("S i g r i d  Ø v r e b ø") read as words."""
    spaced = match.groupdict().get("spaced")
    if spaced:
        return " ".join(word.replace(" ", "") for word in re.split(r"[ \t]{2,}", spaced))
    return match["holder"]


# A witness sworn by name at a line's start ("MR DANIEL HOLLOWAY (sworn)", "DR HELEN SHAW, sworn", "<ROSALIND MARY
# KEANE, AFFIRMED", "GREGOR HALVORSEN, having been first duly sworn"): the A turns after it are that witness's.
_WITNESS_LINE = re.compile(expand(VOCABULARY.patterns["witness_line"]))
_OATH_WORDS = ("worn", "WORN", "ffirmed", "FFIRMED", "ecalled", "ECALLED", "WITNESS, CALLED")
_ANSWER_MARKS = ("A", "THE WITNESS")
_OATH_LINES_UNDER_NAME = 3
_NAMELESS_OATH = re.compile(expand(VOCABULARY.patterns["nameless_oath_note"]))
_OATH_NOTE_LOOKBACK = 800  # characters over a witness's name line a nameless note of their oath may stand
# A line of the witness's own label ("THE WITNESS:  I do."), its number first.
_WITNESS_ANSWER = re.compile(rf"[ \t]*(?:\d{{1,2}}[ \t]+)?{re.escape(_ANSWER_MARKS[-1])}:")


def _witnesses_sworn(text: str) -> list[tuple[int, str]]:
    """(line start, "A (WITNESS)") and (line start, "THE WITNESS (WITNESS)") of each line that swears a witness by
    name: the answers and the witness's own turns after it are theirs. Found from the oath's words (six literal
    searches), each line matched from its start."""
    found: dict[int, str] = {}
    for word in _OATH_WORDS:
        at = text.find(word)
        while at != -1:
            line_start = text.rfind("\n", 0, at) + 1
            # The name may stand a few lines over the oath ("KWAME OSEI," over a numbered blank line and
            # "called as a witness …, having been first duly sworn"): its line and the three over it are tried.
            for _ in range(_OATH_LINES_UNDER_NAME + 1):
                if line_start in found:
                    break
                match = _WITNESS_LINE.match(text, line_start)
                if match is not None and match.end() >= at:
                    found[line_start] = " ".join(match["holder"].split())
                    break
                if line_start == 0:
                    break
                line_start = text.rfind("\n", 0, line_start - 1) + 1
            at = text.find(word, at + len(word))
    sworn: dict[int, str] = {}
    previous = 0
    for start, holder in sorted(found.items()):
        # A nameless note of the oath a few lines over the name, after the last witness's: the binding starts there.
        notes = list(_NAMELESS_OATH.finditer(text, max(previous, start - _OATH_NOTE_LOOKBACK), start))
        begin = text.rfind("\n", 0, notes[-1].start()) + 1 if notes else start
        if notes:  # ... and the witness's "I do." just over the note is theirs too
            above = text.rfind("\n", 0, max(begin - 1, 0)) + 1
            if begin and _WITNESS_ANSWER.match(text, above, begin):
                begin = above
        sworn[begin] = holder
        previous = start + 1
    return [(start, f"{mark} ({holder})") for start, holder in sorted(sworn.items()) for mark in _ANSWER_MARKS]


_SELF_INTRODUCTION = re.compile(expand(VOCABULARY.patterns["self_introduction"]))
_CHAIRING = VOCABULARY.folded("chairing_roles")
# "Okay. It's Friday.": words no person is named by (days, months, organisations).
_NOT_NAMES = VOCABULARY.folded("not_name_words")


_CALLED = VOCABULARY.folded("called_roles")
_CHAIR_CALL = re.compile(expand(VOCABULARY.patterns["chair_call"]))
_FOLLOW_UP = re.compile(expand(VOCABULARY.patterns["follow_up_opening"]))
_CUT_OFF = re.compile(expand(VOCABULARY.patterns["cut_off"]))
# The characters of a turn read: its last for a call (a call closes the turn that makes it) or for being cut off,
# its first for a speaker naming themselves or following up.
_CALL_READ = 160
_CUT_READ = 8
_OPENING_READ = 240


def _person_name(name: str) -> str | None:
    """``name`` if it reads as a person's name (a family name, no title, honorific or role, no organisation word)."""
    if any(word.casefold() in _NOT_NAMES for word in name.split()):
        return None
    person = parse_label(name)
    if person is not None and person.family and not (person.titles or person.honorific or person.role):
        return name
    return None


@attrs.frozen
class _Call:
    """A turn's closing words giving the floor to someone by name: "… Sabine Lindqvist, Reuters." """

    name: str
    full: bool  # a full name, not a given name alone
    outlet: str | None  # the outlet printed with the name
    passes: bool  # the floor surely passes: not a word alone ("Yes.", "Noriko?")


def _call_closing(text: str) -> _Call | None:
    match = _CHAIR_CALL.search(text)
    if match is None:
        return None
    full = match["full"] or match["named"] or match["outlet_first"]
    return _Call(
        full or match["given"] or match["alone"],
        full is not None,
        match["outlet"] or match["outlet_before"],
        match["alone"] is None or "," in match[0],
    )


def _self_introduced(opening: str) -> str | None:
    match = _SELF_INTRODUCTION.match(opening)
    if match is None:
        return None
    return _person_name(next(g for g in match.group("name", "full", "given", "named", "greeted") if g))


def _introductions(document: Document, labelled: list[tuple[int, str, Label | None]]) -> tuple[tuple[int, str], ...]:
    """(turn index, name) of each turn of a floor role whose speaker the document names: the speaker naming
    themselves as the turn opens ("QUESTION: Hi, Tom Reyes, Allied Press."); for a questioner (vocabulary
    called_roles), the chair calling them by name as the turn before ends ("… Sabine Lindqvist, Reuters.", "Go
    ahead, Dana." when the document names Dana Whitcombe), and their follow-up ("Just to follow up …") when no
    other questioner, call or chairing role came between. Anything less leaves the turn to its role: a wrong
    person is worse than none. Only a turn's opening and closing words are read, and a closing only where a
    questioner's turn follows."""
    turns = document.turns

    def excerpt(index: int, chars: int, from_end: bool = False) -> str:
        if isinstance(turns, TurnTable):
            return turns.excerpt_of(index, chars, from_end)
        text = turns[index].text
        return text[-chars:] if from_end else text[:chars]

    questioner: set[int] = set()
    chairing: set[int] = set()
    floor: set[int] = set()  # other floor roles: their turns may open with the speaker naming themselves
    for index, label, parsed in labelled:
        if parsed is None:
            continue
        if parsed.role in _CHAIRING:
            chairing.add(index)
        elif parsed.role in _CALLED or (parsed.role is None and label.casefold() in _CALLED):
            questioner.add(index)  # "Question [Deutsche Welle]" too: a questioner's bracket is their outlet
        elif parsed.role is not None and parsed.inner is None:
            floor.add(index)
    own: dict[int, str] = {}  # turns whose speaker names themselves
    openings: dict[int, str] = {}
    for index in floor | questioner:
        opening = excerpt(index, _OPENING_READ)
        if index in questioner:
            openings[index] = opening
        name = _self_introduced(opening)
        if name is not None:
            own[index] = name
    if not questioner:
        return tuple(sorted(own.items()))
    # A given name alone is called only where the document names one such person in full.
    by_given: dict[str, set[str]] = {}
    for name in own.values():
        by_given.setdefault(name.split()[0].casefold(), set()).add(" ".join(name.split()))
    calls: dict[int, _Call | None] = {}

    def called(index: int, label: str = "") -> str | None:
        if index not in calls:
            calls[index] = _call_closing(excerpt(index, _CALL_READ, from_end=True))
        call = calls[index]
        if call is None:
            return None
        if call.full:
            # "Deutsche Welle, Tobias Engel." before "Question [Deutsche Welle]": the name is the other part
            name = call.outlet if call.outlet is not None and call.name.casefold() in label.casefold() else call.name
            person = _person_name(name)
            if person is not None:
                by_given.setdefault(person.split()[0].casefold(), set()).add(person)
            return person
        known = by_given.get(call.name.casefold(), set())
        return next(iter(known)) if len(known) == 1 else None

    def passes(index: int) -> bool:
        """Whether the floor passes (or may pass) to someone else in this turn."""
        if index in chairing:
            return True
        person = called(index)
        call = calls[index]
        return person is not None or (call is not None and call.passes)

    found = dict(own)
    current: tuple[int, str, str] | None = None  # the floor's last named questioner turn: index, label, name
    between: list[int] = []  # the turns since then
    previous: tuple[int, str] | None = None
    for index, label, _ in labelled:
        if index not in questioner:
            if current is not None:
                between.append(index)
            previous = (index, label)
            continue
        name = own.get(index)
        if name is None and previous is not None and previous[1] != label:
            name = called(previous[0], label)
        if name is None and current is not None and current[1] == label:
            follow_up = _FOLLOW_UP.match(openings[index])
            if (
                follow_up is not None
                and (follow_up["rest"] is None or _CUT_OFF.search(excerpt(current[0], _CUT_READ, True)))
                and not any(passes(i) for i in between)
            ):
                name = current[2]
        if name is not None:
            found[index] = name
        current = (index, label, name) if name is not None else None
        between = []
        previous = (index, label)
    return tuple(sorted(found.items()))


_NAMING_VERBS = re.compile(r"(?i)\b(?:i[\x27’]m|i am|my name|this is|it[\x27’]s)\b")
_SURNAME_TURNS_READ = 3  # turns of each surname label read for the speaker naming themselves


def _named_by_themselves(document: Document, labelled: list[tuple[int, str, Label | None]]) -> list[Mention]:
    """A speaker printed by surname alone ("DELACROIX:") who names themselves in full in their own words ("I'm
    Simone Delacroix of Meridian News"): the full name, a mention of the document's, so the surname label is that
    person. Only a name whose last word is the label's surname counts."""
    found: list[Mention] = []
    read: Counter[str] = Counter()
    turns = document.turns
    for index, label, parsed in labelled:
        if parsed is None or parsed.family is None or parsed.given or parsed.inner is not None or parsed.role:
            continue
        if read[label] >= _SURNAME_TURNS_READ:
            continue
        read[label] += 1
        text = turns.text_of(index) if isinstance(turns, TurnTable) else turns[index].text
        family = parsed.family.casefold()
        # The vocabulary's self-introduction anywhere in the turn ("Good evening … I'm Simone Delacroix of …"), by
        # its naming verbs only ("my name is", "this is", "I'm"), not a name before an outlet: matched where one of
        # those verbs stands (the whole pattern, searched from every position, cost five times as much).
        for verb in _NAMING_VERBS.finditer(text):
            match = _SELF_INTRODUCTION.match(text, verb.start())
            if match is None:
                continue
            group = "name" if match["name"] else "full"
            name = match[group]
            if not name or len(name.split()) < 2:
                continue
            if name.split()[-1].casefold() == family and not any(w.casefold() in _NOT_NAMES for w in name.split()):
                found.append(Mention(name, None, match.start(group), "introduction"))
                read[label] = _SURNAME_TURNS_READ
                break
    return found


def _labelled(document: Document) -> Iterator[tuple[int, str, Label | None]]:
    """(index, label, parsed label) of each labelled turn of ``document``."""
    if isinstance(document.turns, TurnTable):  # read from the columns: no Turn (and no text) is made
        return document.turns.labelled()
    return ((t.index, t.label, t.parsed_label) for t in document.turns if t.label is not None)


# A key over the transcript that gives each speaker's code ("President Thomas A. Marland ........ P", "Dolores
# Ibarra (DI)", "P = President Marland"): the labels that print the code are that person's. Group "name", group
# "code" (one to four capitals).
_CODE_KEY = re.compile(
    r"(?m)^[ \t]*(?:(?P<name>[^\W\d_][^\n]{2,80}?)[ \t]*\.{4,}[ \t]*(?P<code>[A-Z]{1,4})[ \t]*$"
    r"|(?:[^\W\d_][^\n:\t]{0,30}:[ \t]+)?(?P<name2>[^\W\d_][^\n()]{2,80}?)[ \t]*\((?P<code2>[A-Z]{1,4})\)"
    r"|(?P<code3>[A-Z]{1,4})[ \t]*=[ \t]*(?P<name3>[^\W\d_][^\n]{2,80}?)[ \t]*$)"
)
_NICKNAME = re.compile(r"[ \t]*(?:“[^”\n]{1,30}”|\"[^\"\n]{1,30}\"|\([^()\n]{1,40}\))")


def _coded_turns(document: Document, labelled: list[tuple[int, str, Label | None]]) -> list[tuple[int, str]]:
    """(turn index, name) of each turn whose label is a code the key over the transcript gives a name (a White
    House tape's participant list, an oral history's "Narrator: Dolores “Lola” Ibarra (DI)"). Read only before the
    first turn, and only for codes that label turns."""
    turns = document.turns
    starts = turns.char_starts if isinstance(turns, TurnTable) else [t.char_start for t in turns]
    first = min(starts, default=0)
    labels = {label for _, label, _ in labelled if len(label) <= 4}
    if first <= 0 or not labels:
        return []
    codes: dict[str, set[str]] = {}
    for match in _CODE_KEY.finditer(document.text, 0, first):
        code = match["code"] or match["code2"] or match["code3"]
        if code in labels:
            name = _NICKNAME.sub("", match["name"] or match["name2"] or match["name3"]).strip(" \t,;")
            codes.setdefault(code, set()).add(" ".join(name.split()))
    named = {code: next(iter(names)) for code, names in codes.items() if len(names) == 1}
    return [(index, named[label]) for index, label, _ in labelled if label in named]


def evidence_of(document: Document) -> DocumentEvidence:
    """A document's distinct labels (with counts) and the people its header and prose name."""
    labelled = list(_labelled(document))
    counts = Counter(label for _, label, _ in labelled)
    parsed = {label: parsed_label for _, label, parsed_label in labelled}
    order = [(index, label) for index, label, _ in labelled]
    for index, label in _holders_in_text(document):  # known to the binding, opening no turn of their own
        # After every entry of a turn at or before ``index`` (entries are in turn order; a mention goes after
        # the ones already placed there).
        order.insert(bisect.bisect_right(order, index, key=lambda entry: entry[0]), (index, label))
        counts.setdefault(label, 0)
        parsed.setdefault(label, None)
    return DocumentEvidence(
        doc_id=document.doc_id,
        date=document.date.isoformat() if document.date else None,
        source=document.source,
        jurisdiction=None,
        title=document.title,
        byline=document.byline,
        mentions=(*document.mentions, *_named_by_themselves(document, labelled)),
        labels=tuple(LabelUse(label, parsed[label], count) for label, count in counts.items()),
        order=tuple(order),
        introduced=(*_introductions(document, labelled), *_coded_turns(document, labelled)),
    )


def attach_speakers(document: Document, speakers: Mapping[tuple[str, str], Speaker]) -> Document:
    """The document with each labelled turn's resolved speaker filled in (a turn the document's own binding
    resolved apart from its label, "The PRESIDING OFFICER" after "(Mr. Kyl)", gets its own)."""
    for_turn = getattr(speakers, "for_turn", None)

    def speaker_of(index: int, label: str) -> Speaker | None:
        if for_turn is not None:
            found: Speaker | None = for_turn(document.doc_id, index, label)
            return found
        return speakers.get((document.doc_id, label))

    turns = document.turns
    if isinstance(turns, TurnTable):  # the same columns, with the speakers beside them
        found: list[Speaker | None] = [None] * len(turns)
        for index, label, _ in turns.labelled():
            found[index] = speaker_of(index, label)
        return attrs.evolve(document, turns=turns.with_speakers(found))
    return attrs.evolve(
        document,
        turns=tuple(
            attrs.evolve(turn, speaker=speaker_of(turn.index, turn.label)) if turn.label is not None else turn
            for turn in turns
        ),
    )
