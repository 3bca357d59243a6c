"""Parse the inside of one speaker label into its parts with ``grammar/label.lark``.

Labels are parsed once per distinct string per process (an LRU cache), so the cost follows the number of distinct
labels, not the number of turns.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata

import lark

from transcript_kit._grammar import grammar_text
from transcript_kit.conventions.vocabulary import VOCABULARY, expand
from transcript_kit.model import Label

# A label is a short thing; anything longer is prose and is refused before the parser sees it. Brackets may hold
# more (a parliament prints a minister's whole portfolio list there), so they count apart.
MAX_LABEL_WORDS = 12
MAX_LABEL_CHARS = 120
MAX_BRACKETED_CHARS = 400
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


@functools.lru_cache(maxsize=1)
def _parser() -> lark.Lark:
    # The grammar's word terminals are filled from the shared vocabulary.
    return lark.Lark(expand(grammar_text("label.lark")), parser="lalr", lexer="contextual", cache=False)


def _words(tokens: list[lark.Token]) -> str:
    return " ".join(str(t) for t in tokens)


def _role_key(words: str) -> str:
    printed = " ".join(words.casefold().split())
    if printed in VOCABULARY.role_keys:
        return VOCABULARY.role_keys[printed]
    return re.sub(r"[^\w]+", "-", unicodedata.normalize("NFKD", printed)).strip("-")


class _LabelBuilder(lark.Transformer[lark.Token, Label]):
    """Turns the label tree into a :class:`Label`; the grammar has already named every part."""

    def __init__(self, raw: str) -> None:
        super().__init__()
        self._raw = raw

    def office(self, children: list[lark.Token]) -> tuple[str, str]:
        return ("office", _words(children))

    def name(self, children: list[lark.Token]) -> tuple[str, str, str]:
        # The family name takes the particles before it: "Ursula | von der Leyen".
        start = len(children) - 1
        while start > 0 and children[start - 1].type == "PARTICLE":
            start -= 1
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
        # "(Secretary of State (International Financial Institutions), Lib.)": kept whole, never a holder.
        inner = [str(c).strip() for c in children if isinstance(c, lark.Token) and c.type == "INNER_TEXT"]
        return ("qualifier", f"{inner[0]} ({inner[1]}){' ' + inner[2] if len(inner) > 2 else ''}")

    def affiliation(self, children: list[lark.Token]) -> tuple[str, str]:
        return ("qualifier", str(children[-1]).strip())

    def number(self, children: list[lark.Token]) -> tuple[str, str]:
        return ("qualifier", str(children[0]))

    def start(self, children: list[lark.Token | tuple[str, ...]]) -> Label:
        fields: dict[str, object] = {"raw": self._raw}
        titles: list[str] = []
        qualifiers: list[str] = []
        notes: list[str] = []
        for child in children:
            if isinstance(child, lark.Token):
                if child.type == "ARTICLE":
                    fields["article"] = True
                elif child.type == "HONORIFIC":
                    fields["honorific"] = str(child)
                elif child.type == "JURISDICTION":
                    fields["jurisdiction"] = str(child)
                continue
            part, value = child[0], child[-1]
            if part == "office":
                titles.append(value)
            elif part == "name":
                fields["given"] = tuple(child[1].split()) if len(child) == 3 else ()
                fields["family"] = value
            elif part == "role":
                fields["role"] = _role_key(value)
                titles.append(value)
            elif part == "paren":
                inner = parse_label(value)
                # A holder in brackets is a person as printed ("(Mr. Kyl)", "(Tony Blair)"), never a seat or a
                # portfolio with a dash ("(Grayndler—Prime Minister)"); and only an office has a holder: beside
                # a name, brackets hold a seat or a delegation ("Mr. X (Russian Federation)").
                if (
                    inner is not None
                    and inner.family is not None
                    and not inner.qualifiers
                    and (inner.honorific or inner.given)
                    and "inner" not in fields
                    and "family" not in fields
                ):
                    fields["inner"] = inner
                else:
                    qualifiers.append(value)
            elif part == "note":
                notes.append(value)
            elif part == "time":
                fields["time"] = value
            else:
                qualifiers.append(value)
        return Label(
            titles=tuple(titles),
            qualifiers=tuple(qualifiers),
            notes=tuple(notes),
            **fields,  # type: ignore[arg-type]
        )


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
        known = any(VOCABULARY.contains(name, word) for name in ("articles", "honorifics", "titles"))
        return word if known else match.group(0)

    return _SPLIT_WORD.sub(join, label)


def clean_label(text: str) -> str:
    """The label as printed, without markdown emphasis, surrounding space or its trailing colon/period; HTML
    character references left in text saved from a web page ("Fran&ccedil;ois") read as the characters."""
    if "&" in text:
        text = html.unescape(text)
    text = text.strip().strip("*_").strip()
    return text.rstrip(":.").rstrip("*_").strip() if text.endswith((":", ".")) else text


@functools.lru_cache(maxsize=65536)
def parse_label(text: str) -> Label | None:
    """Parse one speaker label (without its trailing colon or period); None when it is not label-shaped."""
    raw = clean_label(unicodedata.normalize("NFC", text))
    bare = _BRACKETED.sub("", raw)
    if not raw or len(raw) > MAX_BRACKETED_CHARS or len(bare) > MAX_LABEL_CHARS:
        return None
    if bare.count(" ") >= MAX_LABEL_WORDS:
        return None
    parser = _parser()  # built outside the try: a broken grammar must fail loudly, not refuse every label
    try:
        tree = parser.parse(raw)
    except lark.exceptions.LarkError:
        return None
    label = _LabelBuilder(raw).transform(tree)
    assert isinstance(label, Label)
    return label
