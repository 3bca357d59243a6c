"""SGML-like speaker markup, one tag a line (the Europarl source format)::

    <CHAPTER ID=7>
    Telecommunications mergers
    <SPEAKER ID=151 LANGUAGE="IT" NAME="Monti">
    Mr President, ladies and gentlemen, ...
    <P>
    The liberalisation of the Community telecommunications market ...

A speaker tag opens a turn whose label is its name attribute (still read by the label grammar); the text lines
up to the next speaker or section tag are the turn's words, a paragraph tag or a blank line ends a paragraph; a
section tag's next line is a title, never speech. Which tags and attributes play these parts is vocabulary data
(``[markup]`` in ``conventions/vocabulary.toml``). The markup is SGML, not XML (unquoted attribute values, no end
tags), so it is read line by line; offsets point into the decoded source like every reader's.
"""

from __future__ import annotations

import html
import re

import attrs

from transcript_kit.conventions.vocabulary import VOCABULARY
from transcript_kit.labels import parse_label
from transcript_kit.model import Span, Turn, TurnKind

__all__ = ["TaggedText", "looks_tagged", "read_tagged"]

# A whole line that is one tag: <NAME attr=value attr="value" ...> or an end tag </NAME>.
_TAG_LINE = re.compile(
    r"[ \t]*<(?P<end>/)?(?P<name>[A-Za-z][\w.-]*)"
    r"(?P<attrs>(?:[ \t]+[\w.:-]+(?:[ \t]*=[ \t]*(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s>\"']+))?)*)[ \t]*/?>[ \t]*"
)
_ATTR = re.compile(
    r"(?P<key>[\w.:-]+)(?:[ \t]*=[ \t]*(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)'|(?P<bare>[^\s>\"']+)))?"
)
# Content sniffing looks at a document's opening lines only: tagged files show their markup at once.
_SNIFF_LINES = 400
_MIN_TAG_SHARE = 0.2
_MIN_SPEAKER_TAGS = 3


def _words(name: str) -> frozenset[str]:
    return VOCABULARY.folded(f"markup_{name}")


_SPEAKER_TAGS = _words("speaker_tags")
_NAME_ATTRS = _words("name_attributes")
_PARAGRAPH_TAGS = _words("paragraph_tags")
_SECTION_TAGS = _words("section_tags")
_NOTE_ATTRS = _words("note_attributes")


@attrs.frozen(slots=True)
class TaggedText:
    """What the reader found: records in document order, the title of the first section, and set-aside spans."""

    turns: tuple[Turn, ...]
    title: str | None
    spans: tuple[Span, ...]


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    position = 0
    for eol in re.finditer(r"\r\n|\r|\n", text):
        spans.append((position, eol.start()))
        position = eol.end()
    if position < len(text):
        spans.append((position, len(text)))
    return spans


def _attributes(raw: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for match in _ATTR.finditer(raw):
        value = (
            match["dq"]
            if match["dq"] is not None
            else match["sq"]
            if match["sq"] is not None
            else match["bare"]
        )
        found[match["key"].casefold()] = html.unescape(value or "")
    return found


_OPENS_WITH_TAG = re.compile(r"\s*<")


def looks_tagged(text: str) -> bool:
    """Whether a text document is speaker markup: its first line is a tag, and among its opening lines a speaker
    tag with a name attribute and either a fifth of them whole tags or several such speaker tags (speeches
    hard-wrapped into many lines each make tags rarer, not the document less tagged)."""
    if _OPENS_WITH_TAG.match(text) is None:  # the common case, told without reading further (or copying the text)
        return False
    content = 0
    tags = 0
    speakers = 0
    for start, end in _line_spans(text[:200_000]):
        if start == end or not text[start:end].strip():
            continue
        content += 1
        match = _TAG_LINE.fullmatch(text, start, end)
        if match is None:
            if content == 1:
                return False
        else:
            tags += 1
            if match["name"].casefold() in _SPEAKER_TAGS and not match["end"]:
                speakers += bool(_NAME_ATTRS & _attributes(match["attrs"]).keys())
        if content >= _SNIFF_LINES:
            break
    return speakers >= _MIN_SPEAKER_TAGS or (speakers > 0 and tags >= _MIN_TAG_SHARE * content)


def read_tagged(text: str) -> TaggedText:
    """Read speaker markup into turns (one per speaker tag, empty ones kept) and stage records (text outside any
    turn); section titles and tag lines are set aside as spans."""
    records: list[Turn] = []
    spans: list[Span] = []
    title: str | None = None
    label: str | None = None
    notes: tuple[str, ...] = ()
    tag_end = 0  # where the current speaker's tag line ends (the span of an empty turn)
    paragraphs: list[list[tuple[int, int]]] = []  # the current record's paragraphs, as line spans
    expecting_title = False

    def flush() -> None:
        spoken = [p for p in paragraphs if p]
        if label is not None or spoken:
            texts = [" ".join(" ".join(text[s:e].split()) for s, e in para) for para in spoken]
            start = spoken[0][0][0] if spoken else tag_end
            end = spoken[-1][-1][1] if spoken else tag_end
            records.append(
                Turn(
                    index=len(records),
                    kind=TurnKind.TURN if label is not None else TurnKind.STAGE,
                    text="\n\n".join(t for t in texts if t),
                    char_start=start,
                    char_end=end,
                    label=label,
                    parsed_label=parse_label(label) if label else None,
                    notes=notes,
                )
            )
        paragraphs.clear()

    for start, end in _line_spans(text):
        line = text[start:end]
        if not line.strip():
            if paragraphs and paragraphs[-1]:
                paragraphs.append([])
            continue
        tag = _TAG_LINE.fullmatch(text, start, end)
        if tag is None:
            lead = len(line) - len(line.lstrip())
            stripped = (start + lead, start + len(line.rstrip()))
            if expecting_title:
                expecting_title = False
                spans.append(Span("heading", *stripped))
                if title is None:
                    title = " ".join(line.split())
                continue
            if not paragraphs:
                paragraphs.append([])
            paragraphs[-1].append(stripped)
            continue
        spans.append(Span("markup", start, end))
        name = tag["name"].casefold()
        if tag["end"]:
            if name in _SPEAKER_TAGS | _SECTION_TAGS:
                flush()
                label, notes = None, ()
            elif paragraphs and paragraphs[-1]:
                paragraphs.append([])
            continue
        if name in _SPEAKER_TAGS or name in _SECTION_TAGS:
            flush()
            values = _attributes(tag["attrs"])
            label, notes = None, ()
            expecting_title = name in _SECTION_TAGS
            if name in _SPEAKER_TAGS:
                label = next((" ".join(values[a].split()) for a in values if a in _NAME_ATTRS), None) or None
                notes = tuple(f"{a}: {values[a]}" for a in sorted(values) if a in _NOTE_ATTRS and values[a])
                tag_end = end
        elif name in _PARAGRAPH_TAGS and paragraphs and paragraphs[-1]:
            paragraphs.append([])
    flush()
    return TaggedText(tuple(records), title, tuple(spans))
