"""Parse the inside of one speaker label into its parts with ``grammar/label.lark``.

Labels are parsed once per distinct string: a bounded LRU cache keeps them across documents, and while a document
is parsed (:func:`labels_of_one_document`) its own labels are also kept for it, so the cost follows the number of
distinct labels, never the number of turns, even when one document holds more distinct labels than the LRU cache
(where a cache alone would evict each label before its next use, and parse every label again at every look).
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import html
import re
import unicodedata
from collections.abc import Callable, Iterator
from typing import ParamSpec, TypeVar, cast

import attrs
import lark

from transcript_kit._grammar import grammar_text
from transcript_kit.conventions.vocabulary import VOCABULARY, expand, placeholders
from transcript_kit.model import Label
from transcript_kit.qualifiers import is_place

# A label is a short thing; anything longer is prose and is refused before the parser sees it. Brackets may hold
# more (a parliament prints a minister's whole portfolio list there), so they count apart.
MAX_LABEL_WORDS = 16
MAX_LABEL_CHARS = 120
MAX_BRACKETED_CHARS = 400
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


def _grammar_lower_words() -> frozenset[str]:
    """Every word of the vocabulary lists the label grammar's terminals are built from, case-folded: the only words
    the grammar can read in lower case before a label's first qualifier (a name never starts lower case)."""
    lists = placeholders(grammar_text("label.lark")) - set(VOCABULARY.patterns)
    words = {word.casefold().rstrip(".") for name in lists for entry in VOCABULARY.words_of(name) for word in entry.split()}
    # The grammar's terminals ignore case as Python's engine does, which reads Turkish's dotless "ı" as an "I":
    # "BAKANI" is the word "bakanı" to them, so it is to this list.
    return frozenset(words | {word.replace("ı", "i") for word in words})


_GRAMMAR_LOWER_WORDS = _grammar_lower_words()
# A compound office read by its last part ("Skolminister", Korea's "보건복지위원장") or, in Thai, by its first
# ("รัฐมนตรีว่าการกระทรวง…"): the grammar's TITLE reads it, so it is no name.
_COMPOUND_OFFICE = re.compile(
    rf"\w{{2,30}}?(?:{VOCABULARY.alternation('title_suffixes')})"
    rf"|[\uac00-\ud7a3]{{2,12}}?(?:{VOCABULARY.alternation('cjk_titles')})"
    rf"|(?:{VOCABULARY.alternation('glued_titles')})[\u0E00-\u0E7F]*",
    re.IGNORECASE,
)
# Whom a court's speaker addresses, after the speaker (US immigration court transcripts: "JUDGE TO RESPONDENT",
# "MR. FERRANTE TO JUDGE", "JUDGE FOR THE RECORD"): a note, not part of who speaks.
ADDRESSED = re.compile(expand(VOCABULARY.patterns["addressed_to"]))
# An office's portfolio after a comma, as the grammar's PORTFOLIO opens: not counted among a label's words.
_PORTFOLIO_TAIL = re.compile(
    rf",[ \t]*(?:(?i:{VOCABULARY.alternation('titles')})|{VOCABULARY.alternation('lower_case_titles')})(?![\w'’-]).*"
)
# The phrase of the grammar's GROUP_VOICES, folded, whose role key the group's name leaves out.
_GROUP_VOICES = re.compile(f"(?:{VOCABULARY.alternation('group_voices')})(?= )")
# Where a label's head ends and its qualifiers begin: a comma, a bracket, a spaced dash or a slash before a space
# (as the grammar reads them).
_HEAD_END = re.compile(r"[,(\[—–]|--|(?<=\s)-(?=\s)|/(?=[ \t])")
_LOWER_WORD = re.compile(r"[a-zß-öø-ÿ]+\.?")


def _unreadable_head(raw: str) -> bool:
    """Whether the grammar must refuse ``raw`` for a lower-case word in its head that no terminal reads ("And my
    questions were"): prose ending in a colon, most of the candidates a document offers. Saying so here spares the
    parser's attempt, which costs a hundred times more; the grammar still decides every other label."""
    end = _HEAD_END.search(raw)
    head = raw[: end.start()] if end else raw
    return any(
        _LOWER_WORD.fullmatch(word) is not None
        and word.rstrip(".").casefold() not in _GRAMMAR_LOWER_WORDS
        and _COMPOUND_OFFICE.fullmatch(word) is None  # an office's second part: "Sosiaali- ja terveysministeri"
        for word in head.split()
    )


# A sentence's stop inside a label, after a word longer than an abbreviation, words following ("ועוד דבר לגבי העסקים
# הקטנים. קיבלנו תלונה …", "I said so yesterday. Nobody listened"): prose before a colon, in any script (the grammar
# reads a caseless script's words as names). An initial, a style or an office cut short ("Mr.", "Messrs.") stays.
_SENTENCE_INSIDE = re.compile(r"([^\W\d_]{6,})[.!?][ \t]+[^\W\d_]")


def _holds_a_sentence(raw: str) -> bool:
    return any(
        not _in_label_vocabulary(match[1]) for match in _SENTENCE_INSIDE.finditer(_BRACKETED.sub("", raw))
    )


@functools.lru_cache(maxsize=1)
def _parser() -> lark.Lark:
    # The grammar's word terminals are filled from the shared vocabulary. The builder runs inside the LALR parser,
    # so no tree is built and walked again: a label's parts come straight from the parser's reductions.
    return lark.Lark(
        expand(grammar_text("label.lark")),
        parser="lalr",
        lexer="contextual",
        cache=False,
        transformer=_LabelBuilder(),
    )


def _words(tokens: list[lark.Token]) -> str:
    # A word elided before a vowel is printed against the next: "conseller d'Acció", "Ministro dell'Economia".
    return " ".join(str(t) for t in tokens).replace("' ", "'").replace("’ ", "’")


def _role_key(words: str) -> str:
    printed = " ".join(words.casefold().split())
    if printed in VOCABULARY.role_keys:
        return VOCABULARY.role_keys[printed]
    voices = _GROUP_VOICES.match(printed)  # "plusieurs députés du groupe rn": the group's members
    if voices is not None:
        return VOCABULARY.role_keys.get(voices.group(), "members")
    return re.sub(r"[^\w]+", "-", unicodedata.normalize("NFKD", printed)).strip("-")


class _LabelBuilder(lark.Transformer[lark.Token, dict[str, object]]):
    """Turns the label's parse into the fields of a :class:`Label` (all but ``raw``); the grammar has already
    named every part."""

    def office(self, children: list[lark.Token]) -> tuple[str, str]:
        return ("office", _words(children))

    def name(self, children: list[lark.Token]) -> tuple[str, str, str]:
        children = [c for c in children if c.type != "NICKNAME"]  # a handle in quotes names no one's family
        # The family name takes the particles before it: "Ursula | von der Leyen".
        start = len(children) - 1
        while start > 0 and children[start - 1].type == "PARTICLE":
            start -= 1
        # ... and a particle in capitals that opens them, no given name printed ("Van der Berg", "De la Cruz").
        if start == 1 and start < len(children) - 1 and VOCABULARY.contains("particles", str(children[0]).casefold()):
            start = 0
        return ("name", _words(children[:start]), _words(children[start:]))

    def portfolio(self, children: list[lark.Token]) -> tuple[str, str]:
        return ("office", " ".join(str(children[-1]).split()))

    def role(self, children: list[lark.Token]) -> tuple[str, str]:
        return ("role", _words(children))

    def place(self, children: list[lark.Token]) -> tuple[str, str]:
        return ("qualifier", "of " + _words([c for c in children if c.type == "NAME"]))

    def paren(self, children: list[lark.Token]) -> tuple[str, str]:
        return ("paren", str(children[-1]).strip())

    def note(self, children: list[lark.Token]) -> tuple[str, str]:
        return ("note", str(children[-1]).strip())

    def time(self, children: list[lark.Token]) -> tuple[str, str]:
        return ("time", str(children[-1]).strip())

    def nested_paren(self, children: list[lark.Token]) -> tuple[str, str]:
        # "(Secretary of State (International Financial Institutions), Lib.)" is kept whole as a qualifier; an
        # office's holder with a seat of their own ("(Mr. Jean Dupuis (Saint-Aubin, Lib.))") is its holder, as
        # ``paren`` decides.
        inner = [str(c).strip() for c in children if isinstance(c, lark.Token) and c.type == "INNER_TEXT"]
        return ("paren", f"{inner[0]} ({inner[1]}){' ' + inner[2] if len(inner) > 2 else ''}")

    def affiliation(self, children: list[lark.Token]) -> tuple[str, str]:
        # The holder's style stays with the name it is printed before ("…, honorable Senadora María Zuluaga").
        words = [str(c).strip() for c in children if isinstance(c, lark.Token) and c.type in ("HONORIFIC", "AFFILIATION")]
        return ("affiliation", " ".join(words))

    def number(self, children: list[lark.Token]) -> tuple[str, str]:
        return ("qualifier", str(children[0]))

    def start(self, children: list[lark.Token | tuple[str, ...]]) -> dict[str, object]:
        fields: dict[str, object] = {}
        titles: list[str] = []
        qualifiers: list[str] = []
        notes: list[str] = []
        article_before: str | None = None  # an article right before a name is the name's ("Le Pen", "De Vries")
        previous: lark.Token | None = None  # the token before this one, if it was a token
        for child in children:
            if isinstance(child, lark.Token):
                article_before = str(child) if child.type == "ARTICLE" else None
                if child.type == "ARTICLE":
                    fields["article"] = True
                elif child.type == "HONORIFIC":
                    # Two degrees side by side are one style ("Mag. Dr."); a style in brackets after another is the
                    # one the label goes by ("Hon. (Ms.) Grace Kamau").
                    side_by_side = previous is not None and previous.type == "HONORIFIC" and (
                        (child.start_pos or 0) - (previous.end_pos or 0) == 1
                    )
                    fields["honorific"] = f"{fields['honorific']} {child}" if side_by_side else str(child)
                elif child.type == "JURISDICTION":
                    fields["jurisdiction"] = str(child)
                previous = child
                continue
            previous = None
            part, value = child[0], child[-1]
            if part == "name" and article_before is not None:  # the article opens the given names or the family
                given = child[1] if len(child) == 3 else ""
                if given:
                    child = ("name", f"{article_before} {given}", value)
                else:
                    value = f"{article_before} {value}"
                    child = ("name", "", value)
                del fields["article"]
            article_before = None
            if part == "office":
                titles.append(value)
            elif part == "name":
                fields["given"] = tuple(child[1].split()) if len(child) == 3 else ()
                fields["family"] = value
            elif part == "role":
                fields["role"] = _role_key(value)
                titles.append(value)
            elif part == "paren":
                # "(Janet, Holmbridge)": in brackets, a name and a comma are a name and a place, never a surname
                # printed first (see _inverted_name).
                inner = None if _SURNAME_COMMA_FORENAME.fullmatch(value) else parse_label(value)
                # A holder in brackets is a person as printed ("(Mr. Kyl)", "(Tony Blair)"), never a seat or a
                # portfolio with a dash ("(Grayndler—Prime Minister)"); and only an office has a holder: beside
                # a name, brackets hold a seat or a delegation ("Mr. X (Russian Federation)"). A holder may be
                # printed by title and surname: "CHAIR (Senator Vella)", or by name with the seat of their own
                # ("The Chair (Mr. Jean Dupuis (Saint-Aubin—Rivière-Noire, Lib.))").
                if (
                    inner is not None
                    and inner.family is not None
                    and (not inner.qualifiers or (inner.honorific is not None and bool(inner.given)))
                    and (inner.honorific or inner.given or inner.titles)
                    and "inner" not in fields
                    and "family" not in fields
                ):
                    fields["inner"] = inner
                elif (
                    inner is not None
                    and inner.family is not None
                    and inner.honorific
                    and not inner.qualifiers
                    and titles
                    and "family" in fields
                    and "honorific" not in fields
                    and "inner" not in fields
                ):
                    # "Menteri Kerja Raya [Dato' Haji Rosli bin Ahmad]": a person by style in the brackets holds
                    # the office; the capitalised words after the title are its portfolio, not a name.
                    words = [*cast(tuple[str, ...], fields.pop("given")), cast(str, fields.pop("family"))]
                    titles[-1] = " ".join((titles[-1], *words))
                    fields["inner"] = inner
                else:
                    qualifiers.append(value)
            elif part == "affiliation":
                holder = parse_label(value) if titles and "family" not in fields and "inner" not in fields else None
                if holder is not None and holder.honorific and holder.family is not None and not holder.qualifiers:
                    fields["inner"] = holder  # "Chief Executive Officer, Ms Leila Haddad": the office's holder
                else:
                    qualifiers.append(value)  # "ANNA LOPEZ, CNN ANCHOR": a name's affiliation or office
            elif part == "note":
                notes.append(value)
            elif part == "time":
                fields["time"] = value
            else:
                qualifiers.append(value)
        fields.update(titles=tuple(titles), qualifiers=tuple(qualifiers), notes=tuple(notes))
        return fields


# A word that text extraction split ("Th e SPEAKER", "D r SMITH"): a capital and at most one more letter, a space,
# one or two lower-case letters.
_SPLIT_WORD = re.compile(r"\b([A-Z][a-z]?) ([a-z]{1,2})\b")


def repair_split_words(label: str) -> str:
    """Join a word that PDF extraction split, where the joined word is in the vocabulary ("Th e" is "The",
    "D r" is "Dr"); anything else stays as printed."""
    if " " not in label:
        return label

    def join(match: re.Match[str]) -> str:
        word = match.group(1) + match.group(2)
        return word if _in_label_vocabulary(word) else match.group(0)

    return _SPLIT_WORD.sub(join, label)


# A word of capitals with a digit or a small l OCR read for a letter inside it ("CHA1RMAN", "DRISC0LL", "SMlTH"):
# capitals on both sides, five characters or more (a participant's code, "P1A", "R2", is shorter or ends in its
# digits).
_OCR_DIGIT_WORD = re.compile(
    r"(?<![\w.])(?=[A-Z015l]{5,}(?![\w]))"
    r"(?:[015](?=[A-Z]{4})[A-Z]+(?:[015l][A-Z]+)*|[A-Z]+[015l](?:[A-Z]+[015l])*[A-Z]+)(?![\w])"
)  # ... its first letter too, where four capitals follow ("Senator 0KERLUND", "5MITH")
_OCR_DIGIT_LETTERS = str.maketrans("015l", "OISI")
# Letters OCR reads for one ("Tlie" for "The", "Sirnpson"): repaired only where the word becomes a vocabulary word.
_OCR_LETTER_PAIRS = (("li", "h"), ("rn", "m"), ("cl", "d"), ("1", "l"), ("1", "I"), ("0", "o"))
_OCR_SUSPECT = re.compile(r"\b[A-Za-z]*(?:li|rn|cl|[01]|[A-Z]l[A-Z])[A-Za-z01]*\b")


def repair_ocr_confusions(label: str) -> str:
    """Read a label the way OCR should have: a digit inside a word of capitals is the letter it looks like
    ("The CHA1RMAN", "Senator DRISC0LL"), and a word OCR garbled is the vocabulary word it becomes with the letters
    it is known to confuse ("Tlie CHAIRMAN"); anything else stays as printed."""
    if any(c in label for c in "015l"):
        label = _OCR_DIGIT_WORD.sub(lambda m: m.group(0).translate(_OCR_DIGIT_LETTERS), label)

    def known(match: re.Match[str]) -> str:
        word = match.group(0)
        if _in_label_vocabulary(word):
            return word
        for garbled, meant in _OCR_LETTER_PAIRS:
            repaired = word.replace(garbled, meant)
            if repaired != word and _in_label_vocabulary(repaired):
                return repaired
        return word

    return _OCR_SUSPECT.sub(known, label)


def _in_label_vocabulary(word: str) -> bool:
    return any(VOCABULARY.contains(name, word) for name in ("articles", "honorifics", "titles"))


def clean_label(text: str) -> str:
    """The label as printed, without markdown emphasis, surrounding space or its trailing colon/period; HTML
    character references left in text saved from a web page ("Fran&ccedil;ois") read as the characters."""
    if "&" in text:
        text = html.unescape(text)
    text = text.strip().strip("*_").strip()
    return text.rstrip(":.").rstrip("*_").strip() if text.endswith((":", ".")) else text


_DOCUMENT_LABELS: contextvars.ContextVar[dict[str, Label | None] | None] = contextvars.ContextVar(
    "document_labels", default=None
)
_P = ParamSpec("_P")
_R = TypeVar("_R")


@contextlib.contextmanager
def _document_memo() -> Iterator[None]:
    if _DOCUMENT_LABELS.get() is not None:  # a page's text parsed inside its HTML: one document, one memo
        yield
        return
    token = _DOCUMENT_LABELS.set({})
    try:
        yield
    finally:
        _DOCUMENT_LABELS.reset(token)


def labels_of_one_document(parse: Callable[_P, _R]) -> Callable[_P, _R]:
    """Decorate a function that parses one document: each distinct label is parsed once while it runs (the memo
    holds that document's labels only, so it is as bounded as the document)."""

    @functools.wraps(parse)
    def parse_one(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with _document_memo():
            return parse(*args, **kwargs)

    return parse_one


def parse_label(text: str) -> Label | None:
    """Parse one speaker label (without its trailing colon or period); None when it is not label-shaped."""
    memo = _DOCUMENT_LABELS.get()
    if memo is None:
        return _parse_label(text)
    if text in memo:
        return memo[text]
    label = memo[text] = _parse_label(text)
    return label


def parse_speaker(text: str) -> Label | None:
    """A label as the normalizer reads who speaks: :func:`parse_label`'s reading, save that a square-bracket
    frame round the whole label ("[Candidate Ferris]", as a video's transcript prints its speakers) is no part of
    the name, and that a label the grammar does not read is the name before its first comma, where that is one
    (a label the document's vote accepted so: see candidates.decide). (parse_label reads no such frame: "[BUZZER]"
    on a line of its own is a sound, not a cue.)"""
    handle = _HANDLE_WITH_NAME.fullmatch(text) if text.startswith("@") else None
    if handle is not None:  # "@bartzielinski (Bart Zieliński 🇵🇱)": the account's display name is who speaks
        named = parse_label(" ".join(_NOT_A_NAME_CHARACTER.sub(" ", handle["name"]).split()))
        if named is not None and named.family is not None and named.given and named.role is None:
            return attrs.evolve(named, raw=text)
    square = _WHOLLY_SQUARE_BRACKETED.fullmatch(text)
    if square is None:
        label = parse_label(text)
        if label is None and "," in text:  # "МЕЛЬНИЧУК Б.Р., голова Комітету … (…)": the name before the comma
            head = parse_label(text.split(",", 1)[0])
            return attrs.evolve(head, raw=text) if head is not None and head.family is not None else None
        return label
    inner = parse_label(square[1])
    return attrs.evolve(inner, raw=text) if inner is not None else None


# An account's handle with its display name in brackets, and what a display name holds besides the name (emoji,
# flags, a microphone).
_HANDLE_WITH_NAME = re.compile(r"@[A-Za-z0-9_.]{1,40}[ \t]+\((?P<name>[^()]{1,60})\)")
_NOT_A_NAME_CHARACTER = re.compile(r"[^\w\s'’.-]")


@functools.lru_cache(maxsize=65536)
def _parse_label(text: str) -> Label | None:
    raw = clean_label(unicodedata.normalize("NFC", text))
    if not raw or len(raw) > MAX_BRACKETED_CHARS:
        return None
    # Words and characters, not spaces (the brackets taken out leave theirs behind); an office's portfolio after a
    # comma is not counted: "M. Paul Girard, ministre de l'économie, des finances et de la souveraineté
    # industrielle et numérique", "Кравцов Г. А., председатель Комитета Государственной Думы по …".
    short = _PORTFOLIO_TAIL.sub("", _BRACKETED.sub("", raw))
    if len(short) > MAX_LABEL_CHARS or len(short.split()) > MAX_LABEL_WORDS:
        return None
    if _OCR_SUSPECT.search(raw) is not None:
        repaired = repair_ocr_confusions(raw)
        if repaired != raw:  # "Tlie CHA1RMAN": read as OCR should have, printed as it did
            label = _parse_label(repaired)
            return attrs.evolve(label, raw=raw) if label is not None else None
    asked = _ASKED_BY.match(raw)
    if asked is not None:  # "Question from Helen Marsh, BBC": the person who asks, as a label of their own
        person = _parse_label(raw[asked.end() :])
        if person is not None and person.family is not None:
            return attrs.evolve(person, raw=raw)
        # "Question from a member of the public, Gareth from Hollinsford": someone the label does not name as a
        # person is the asking role ("Question"), not a name read out of the rest.
        role = _parse_label(raw[: asked.end()].split(None, 1)[0])
        return attrs.evolve(role, raw=raw) if role is not None and role.role is not None else None
    addressed = ADDRESSED.search(raw)
    if addressed is not None and addressed.start() > 0:  # "RESPONDENT TO JUDGE": the speaker, then whom they address
        speaker = _parse_label(raw[: addressed.start()])
        note = " ".join(addressed.group(0).split()).casefold()
        return attrs.evolve(speaker, raw=raw, notes=(*speaker.notes, note)) if speaker is not None else None
    sender = _CHAT_SENDER.fullmatch(raw)
    if sender is not None:  # "From Priya Shah to Everyone": a chat export's sender
        person = _parse_label(sender["name"])
        return attrs.evolve(person, raw=raw) if person is not None and person.role is None else None
    halves = _TRANSLATED.split(raw)
    if len(halves) == 2:  # "Y Llywydd / The Presiding Officer": one label printed in two languages
        first, second = (_parse_label(half) for half in halves)
        if first is None or second is None:
            return None
        return attrs.evolve(first, raw=raw, translation=second)
    if '"' in raw and _GERSHAYIM.search(raw):  # 'היו"ר', '(רע"מ)': a Hebrew abbreviation's mark, inside a word
        label = _parse_label(_GERSHAYIM.sub("", raw))
        return attrs.evolve(label, raw=raw) if label is not None else None
    if len(raw) > 1 and VOCABULARY.contains("articles", raw):
        return None  # "The" opens a label and is never one (a one-letter code, "Y:" or "O:", is)
    bare = raw.rstrip(".").casefold()
    if bare in VOCABULARY.role_keys and (
        VOCABULARY.contains("honorifics", bare) or VOCABULARY.contains("address_forms", bare)
    ):  # "Dr:" alone, no name after it: a clinical transcript's doctor, a role
        return Label(raw, titles=(raw,), role=VOCABULARY.role_keys[bare])
    spaced = _GLUED_ABBREVIATION.sub(r"\1 ", raw) if "." in raw else raw
    if spaced != raw:  # "HON.SPEAKER", "Dr.Salim Ansari": an honorific's period with the space after it left out
        label = _parse_label(spaced)
        return attrs.evolve(label, raw=raw) if label is not None else None
    whole = _WHOLLY_BRACKETED.fullmatch(raw)
    if whole is not None:  # "(UNKNOWN)": a role in brackets is that role; anything else in brackets is a note
        inner = _parse_label(whole[1])
        return attrs.evolve(inner, raw=raw) if inner is not None and inner.role is not None else None
    parser = _parser()  # built outside the try: a broken grammar must fail loudly, not refuse every label
    if _unreadable_head(raw) or _holds_a_sentence(raw):
        return None
    template, names = _template_of(raw)
    if names:
        shaped = _parse_template(template)
        if shaped is None:
            return _office_with_holder(raw)
        return _read_further(_filled(shaped, raw, names))
    try:
        fields = parser.parse(raw)
    except lark.exceptions.LarkError:
        return _office_with_holder(raw)
    return _read_further(Label(raw, **fields))  # type: ignore[arg-type]


def _read_further(label: Label) -> Label:
    """The grammar's reading of a label, read further where only the vocabulary can say what its words are: each
    step below, in this order."""
    label = _holder_after_comma(_portfolio_not_holder(_holder_after_place(label)))
    return _inverted_name(
        _role_with_holder(_office_out_of_names(_organisation_before_office(_caseless_office_after_name(label))))
    )


def _holder_after_comma(label: Label) -> Label:
    """"Presidente da República, Luiz Carlos Albuquerque", "The Prime Minister, Anthony Albanese": an office, a comma
    and a person named in full (a given and a family name, nothing else) is the office and its holder, as "The
    Prime Minister (Anthony Albanese)" is; a portfolio or an organisation after the comma ("Director, Center for
    Rivers", "Chair, Finance Committee") stays what it was."""
    if (
        not label.titles
        or label.family is not None
        or label.given
        or label.inner is not None
        or label.role is not None
        or len(label.qualifiers) != 1
        or not label.raw.rstrip().endswith(f", {label.qualifiers[0]}")
    ):
        return label
    holder = parse_label(label.qualifiers[0])
    if (
        holder is None
        or holder.family is None
        or holder.family.casefold() in _ORGANISATION_WORDS
        or not holder.given
        or holder.titles
        or holder.role is not None
        or holder.qualifiers
        or holder.inner is not None
    ):
        return label
    return attrs.evolve(label, qualifiers=(), inner=holder)


def _caseless_office_after_name(label: Label) -> Label:
    """"김은서 대변인" (Kim Eun-seo, spokesperson): a script without case prints the office after the name, and the
    grammar reads the office as a family name. Where the last word is one of the vocabulary's caseless offices and
    a name stands before it, the office is the title and the name the person."""
    if label.family is None or label.titles or not label.given or label.family not in _CASELESS_OFFICES:
        return label
    *given, family = label.given
    return attrs.evolve(label, titles=(label.family,), given=tuple(given), family=family)


_CASELESS_OFFICES = frozenset(VOCABULARY.words_of("cjk_titles"))


def _inverted_name(label: Label) -> Label:
    """"Okonjo, Tamsin": a directory's display name, surname first (a meeting app's transcript prints its users
    so). Only a label that is exactly a surname, a comma and one forename in title case reads so ("LOPEZ, CNN" is
    a name and an outlet, "Smith, Jr" a name and a suffix, and neither is in title case after the comma)."""
    if label.given or label.honorific or label.family is None or len(label.qualifiers) != 1:
        return label
    match = _SURNAME_COMMA_FORENAME.fullmatch(label.raw)
    if match is None or match["forename"].casefold() in _NAME_SUFFIXES or _is_office_word(match["forename"]):
        return label
    if bool(label.titles) != bool(match["office"]):
        return label
    return attrs.evolve(label, given=(match["forename"],), qualifiers=())


# Surname, comma, one forename in title case, and nothing else but the office after a comma (Slovakia's record:
# "Kollár, Ján, predseda NR SR").
_SURNAME_COMMA_FORENAME = re.compile(
    r"[^\W\d_][\w'’-]*,[ \t]+(?P<forename>[^\W\d_a-z][^\W\d_A-Z]+)(?:,[ \t]+(?P<office>\S.*))?"
)
_NAME_SUFFIXES = VOCABULARY.folded("name_suffixes")


def _role_with_holder(label: Label) -> Label:
    """"DUGOUT REPORTER (Tasha Greer)": the grammar reads a role word after a word it does not know as a family
    name. Where the label's last word is a role of the vocabulary, no honorific or given name stands before it,
    and its brackets hold a person named in full, the words are the role and the brackets its holder, as in
    "REPORTER (Tasha Greer)". (A step after the grammar: only the vocabulary can say the word is a role.)"""
    if label.family is None or label.given or label.honorific or label.inner is not None or len(label.qualifiers) != 1:
        return label
    if not VOCABULARY.contains("roles", label.family):
        return label
    holder = parse_label(label.qualifiers[0])
    if holder is None or holder.family is None or not holder.given or holder.role is not None:
        return label
    words = " ".join((*label.titles, label.family))
    return attrs.evolve(
        label, titles=(words,), family=None, qualifiers=(), role=_role_key(label.family), inner=holder
    )


_OFFICE_AND_HOLDER = re.compile(r"(?P<office>[^()\[\]]{3,120}?)[ \t]*[(\[](?P<holder>[^()\[\]]{3,80})[)\]]")
_OFFICE_WORDS = VOCABULARY.folded("joining") | VOCABULARY.folded("office_connectors")


def _office_with_holder(raw: str) -> Label | None:
    """An office the grammar does not read, printed with its holder in brackets: a portfolio whose words follow
    the title without a joining word, as Malay prints it ("Menteri Sumber Air dan Saliran [Tuan Haji Zulkarnain
    bin Osman]"). Its first word must be a title, every other word capitalised or a joining word, and the
    brackets must hold a person by honorific or full name; anything else stays refused."""
    match = _OFFICE_AND_HOLDER.fullmatch(raw)
    if match is None:
        return None
    words = match["office"].split()
    if not VOCABULARY.contains("titles", words[0]) or not all(
        w[:1].isupper() or w.casefold() in _OFFICE_WORDS for w in words[1:]
    ):
        return None
    holder = _parse_label(match["holder"])
    if holder is None or holder.family is None or holder.qualifiers or not (holder.honorific or holder.given):
        return None
    return Label(raw, titles=(" ".join(words),), inner=holder)


_ASKED_BY = re.compile(rf"(?i:{VOCABULARY.alternation('asked_by')})[ \t]+(?=[^\W\d_])")
_CHAT_SENDER = re.compile(VOCABULARY.alternation("chat_sender"))
# The slash between a label's two languages, spaced (a slash inside a word, "AV/IT Manager", is the word's).
_TRANSLATED = re.compile(r"[ \t]+/[ \t]+")


def is_asked_by(raw: str) -> bool:
    """Whether a label names who asks a question ("Question from Helen Marsh, BBC")."""
    return _ASKED_BY.match(raw) is not None


def is_chat_sender(raw: str) -> bool:
    """Whether a label is a chat export's sender line ("From Priya Shah to Everyone")."""
    return raw[:4].casefold() == "from" and _CHAT_SENDER.fullmatch(raw) is not None


_WHOLLY_BRACKETED = re.compile(r"\(([^()]+)\)")
_WHOLLY_SQUARE_BRACKETED = re.compile(r"\[([^\[\]]+)\]")
# Hebrew marks an abbreviation with gershayim, printed as a double quote between two letters of the word.
_GERSHAYIM = re.compile(r'(?<=[\u05D0-\u05EA])["\u05F4](?=[\u05D0-\u05EA])')
_GLUED_ABBREVIATION = re.compile(
    r"(?<![\w.])((?i:"
    + "|".join(VOCABULARY.alternation(name) for name in ("honorifics", "address_forms", "styles"))
    + r")\.)(?=[A-Z][A-Za-z])"
)
# An organisation's acronym: capitals with a small letter among them ("DfT", "MoD", "DoJ"), or capitals without
# a vowel ("NHS", "DWP", "HMRC"); a name in capitals ("JOHN SPEAKER") is neither.
_ORGANISATION_WORDS = frozenset(VOCABULARY.folded("organisation_words"))


def _portfolio_not_holder(label: Label) -> Label:
    """"Minister for Energy (Power Division)": the grammar reads the brackets after an office as its holder; words
    that end as an organisation's part does ("Division", "Affairs"), with no honorific, are the office's portfolio,
    as "Minister of State (Health Services)" is read."""
    inner = label.inner
    if (
        inner is None
        or inner.honorific is not None
        or inner.family is None
        or inner.family.casefold() not in _ORGANISATION_WORDS
    ):
        return label
    return attrs.evolve(label, inner=None, qualifiers=(*label.qualifiers, inner.raw))


_ACRONYM = re.compile(r"(?=[A-Za-z]*[a-z])(?=(?:[a-z]*[A-Z]){2})[A-Z][A-Za-z]{1,4}|[B-DF-HJ-NP-TV-Z]{2,5}")


def _organisation_before_office(label: Label) -> Label:
    """"DfT SPOKESPERSON", "NHS SPOKESWOMAN": the grammar reads an organisation's acronym before an office as a
    given name and the office as a family name; it is the office of that organisation, as "EU SPOKESPERSON" is."""
    given = label.given
    if (
        len(given) == 1
        and label.family is not None
        and label.honorific is None
        and not label.titles
        and label.role is None
        and _ACRONYM.fullmatch(given[0])
        and _is_office_word(label.family)
    ):
        return attrs.evolve(label, jurisdiction=given[0], titles=(label.family,), given=(), family=None)
    return label


def _office_out_of_names(label: Label) -> Label:
    """"Chief Medical Officer Professor Chris Whitty": the grammar ends an office at its first word that is no
    title ("Medical") and reads the rest as given names. Where an office stands before them, or a given name is
    an honorific ("Professor Sir Alan Grey"), the given names up to the last office word or honorific are the
    office's and the honorifics' ("Chief Medical Officer", "Professor Sir"), and the names after them the
    person's. A step after the grammar, as _holder_after_place is: only the vocabulary can say which words are
    offices and honorifics."""
    given = label.given
    if label.family is None or not given or label.inner is not None or label.role is not None:
        return label
    if not label.titles and not _is_honorific(given[0]) and not any(map(_is_office_word, given)):
        return label  # "PENTAGON PRESS SECRETARY GLENN T. MARCHETTI", "GEN. OKAFOR-LINDQVIST" go on
    if label.titles and label.raw.rfind(label.titles[-1]) > label.raw.find(given[0]):
        return label  # an office printed after the name ("…, President, Masjid Muhammad") is not before it
    cut = max((i + 1 for i, word in enumerate(given) if _is_office_word(word) or _is_honorific(word)), default=0)
    if cut == 0:
        return label
    head = list(given[:cut])
    honorifics: list[str] = []
    while head and _is_honorific(head[-1]):  # "… Officer | Professor Sir": the honorifics nearest the name
        honorifics.insert(0, head.pop())
    office = " ".join(head)
    titles = label.titles
    if office:
        titles = (*titles[:-1], f"{titles[-1]} {office}") if titles else (office,)
    honorific = " ".join(filter(None, (label.honorific, *honorifics))) or None
    return attrs.evolve(label, titles=titles, honorific=honorific, given=given[cut:])


def _is_office_word(word: str) -> bool:
    bare = word.rstrip(".")
    return VOCABULARY.contains("titles", bare) or (bare != word and VOCABULARY.contains("rank_abbreviations", bare))


def holds_a_sentence_end(label: str) -> bool:
    """Whether a word ends a sentence inside what stands before a colon ("HERE'S ONE THAT CAME IN OVER AND OVER.
    QUOTE:"): a caption's sentence, no label, but for an abbreviation's period ("DR. OKAFOR:", "SEN. ROE:")."""
    return any(not _abbreviation(word) for word in _ENDS_A_SENTENCE.findall(label))


def _abbreviation(word: str) -> bool:
    return len(word) == 1 or any(
        VOCABULARY.contains(name, word) for name in ("honorifics", "address_forms", "styles", "titles", "rank_abbreviations")
    )


_ENDS_A_SENTENCE = re.compile(r"([^\W\d_]+)[.!?][ \t]+\S")


def _is_honorific(word: str) -> bool:
    bare = word.rstrip(".")
    if len(bare) < 2:  # an initial ("M."), though French prints Monsieur so
        return False
    return VOCABULARY.contains("honorifics", bare) or bare.casefold() == "professor"


# The last "of" of an office and the words after it ("President of the Republic of Colombia Gustavo Petro").
_OF_PLACE = re.compile(r".*\s(?:of|OF|Of)\s+(?:(?:the|THE|The)\s+)?(?P<names>[^\s].*)$")


def _holder_after_place(label: Label) -> Label:
    """"President of Russia Vladimir Putin", "Prime Minister of Albania Edi Rama": the grammar reads every name
    after "of" as the office's place. Where the first of them name a country or state the vocabulary knows, or
    end in a word that ends a place's name ("Orenburg Region"), the names after it are the office's holder. An
    unknown place ("Mayor of Bogotá Carlos Galán") is left as read, an office without a name, rather than guessed
    into a wrong person. (A step after the grammar: the grammar's names are placeholders, and which of them make
    a place only the vocabulary's countries and states can say.)"""
    if label.family is not None or label.inner is not None or label.role is not None or not label.titles:
        return label
    office = label.titles[-1]
    found = _OF_PLACE.match(office)
    if found is None:
        return label
    words = found["names"].split()
    for cut in range(len(words) - 1, 0, -1):  # the longest place that leaves a name after it
        place = words[:cut]
        if is_place(" ".join(place)) or (
            len(place) > 1 and VOCABULARY.contains("place_words", place[-1]) and place[0][:1].isupper()
        ):
            holder = words[cut:]
            if not all(word[:1].isupper() for word in holder):
                return label
            place_end = found.start("names") + len(" ".join(words[:cut]))
            return attrs.evolve(
                label,
                titles=(*label.titles[:-1], office[:place_end]),
                given=tuple(holder[:-1]),
                family=holder[-1],
            )
    return label


# Labels that differ only in their names parse alike: "MR. SMITH" and "MR. JONES" are an honorific and a family
# name. A name in a label's head (before its first comma, bracket or dash) is a word that only the grammar's NAME
# terminal reads (no vocabulary word); with each such word replaced by a placeholder that NAME alone reads too, the
# grammar parses the label's shape once, and each label of that shape gets its own words back. The grammar still
# decides every shape; a document of thousands of distinct names costs one parse per shape, not per name.
_PLACEHOLDER_MARK = "Ŋ"  # a capital letter no label prints: "Ŋq0", "Ŋq1" … are names to the grammar
_PLACEHOLDER_WORD = re.compile(_PLACEHOLDER_MARK + r"q(\d+)")
_WORDS_AND_BLANKS = re.compile(r"([\s\u00a0]+)")


@functools.lru_cache(maxsize=1)
def _name_terminal() -> re.Pattern[str]:
    return re.compile(_parser().get_terminal("NAME").pattern.to_regexp())


def _template_of(raw: str) -> tuple[str, tuple[str, ...]]:
    """``raw`` with the names in its head replaced by placeholders, and the names in order (none: no template)."""
    if _PLACEHOLDER_MARK in raw:
        return raw, ()
    end = _HEAD_END.search(raw)
    cut = end.start() if end else len(raw)
    name = _name_terminal()
    names: list[str] = []
    pieces = _WORDS_AND_BLANKS.split(raw[:cut])
    glued = cut < len(raw) and not raw[cut - 1 : cut].isspace()  # "SMITH(D-CA)": the last word runs on
    for i, piece in enumerate(pieces):
        if (
            i % 2 == 0  # a word, not the blanks between
            and piece
            and not (glued and i == len(pieces) - 1)
            and name.fullmatch(piece) is not None
            # A Unicode hyphen is a name character to NAME but ends a word to every vocabulary terminal
            # ("Mr‐Smith" is "Mr" and a stray "‐Smith" to the grammar): such a word is left to the grammar.
            and "\u2010" not in piece
            and "\u2011" not in piece
            and piece.rstrip(".").casefold() not in _GRAMMAR_LOWER_WORDS
            and _COMPOUND_OFFICE.fullmatch(piece) is None
            and not piece.endswith("-")  # a compound's first part: "Sosiaali- ja terveysministeri"
        ):
            # A name's closing period stays printed ("J." is "Ŋq0."): what follows it lexes as before.
            dot = "." if piece.endswith(".") else ""
            pieces[i] = f"{_PLACEHOLDER_MARK}q{len(names)}{dot}"
            names.append(piece[: len(piece) - len(dot)])
    return "".join(pieces) + raw[cut:], tuple(names)


@functools.lru_cache(maxsize=4096)
def _parse_template(template: str) -> Label | None:
    try:
        fields = _parser().parse(template)
    except lark.exceptions.LarkError:
        return None
    return Label(template, **fields)  # type: ignore[arg-type]


def _filled(shaped: Label, raw: str, names: tuple[str, ...]) -> Label:
    """The label of ``raw`` from the parse of its template: each placeholder given back its name."""

    def fill(text: str) -> str:
        if _PLACEHOLDER_MARK not in text:
            return text
        whole = _PLACEHOLDER_WORD.fullmatch(text)  # the common case: the part is one name
        if whole is not None:
            return names[int(whole.group(1))]
        return _PLACEHOLDER_WORD.sub(lambda m: names[int(m.group(1))], text)

    return Label(
        raw=raw,
        honorific=shaped.honorific,
        article=shaped.article,
        jurisdiction=shaped.jurisdiction,
        titles=tuple(map(fill, shaped.titles)),
        given=tuple(map(fill, shaped.given)),
        family=None if shaped.family is None else fill(shaped.family),
        qualifiers=tuple(map(fill, shaped.qualifiers)),
        notes=shaped.notes,
        time=shaped.time,
        role=shaped.role,
        inner=shaped.inner,
    )
