"""Document metadata from the header: front matter, dateline, byline, place, title; and the people it names.

Header shapes are only looked for before the first turn. The people named in the byline, the title and the
introductory prose are kept as :class:`Mention`s: the normalizer binds later surname-only labels to them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import attrs
from lark.lexer import Token

from transcript_kit import lexicon
from transcript_kit.conventions.vocabulary import VOCABULARY, expand, words_alternation
from transcript_kit.labels import parse_label
from transcript_kit.model import Mention

_TITLE_MAX = 160
# A run of capitalised words (particles and "of" allowed inside): where a full name may stand in prose.
# A word may end in a period only as an initial ("J."), so a run never crosses a sentence end.
_PARTICLES = words_alternation(
    set(VOCABULARY.words_of("particles")) - set(VOCABULARY.words_of("conjunction_particles"))
)
_WORD = r"[A-ZÀ-ÖØ-ÞĀ-ž](?:\.|[\w'’-]*(?![\w'’.-]))"
# The particles are the vocabulary's ("van der", "bin", "del"), less those that are also "and" ("y"): in prose
# "Pedro Sánchez y Alberto Núñez" is two people.
# A name never runs over a line break: "Oral History Interview with Dolores Fuentes" / "Conducted by Mark Ellison"
# names Dolores Fuentes, not "Dolores Fuentes Conducted".
_NAME_RUN_BREAKS = frozenset(VOCABULARY.words_of("name_run_breaks"))
_NAME_RUN = re.compile(
    rf"(?<![\w'’]){_WORD}(?:[ \t\u00a0]+(?:(?:of|the|{_PARTICLES})[ \t\u00a0]+)*{_WORD})+"
)


@attrs.frozen(slots=True)
class HeaderInfo:
    title: str | None
    date: str | None
    time: str | None
    location: str | None
    byline: str | None
    source: str | None
    mentions: tuple[Mention, ...]


def classify_header_line(value: str, position: int) -> str | None:
    """The header kind of a paragraph before the first turn (DATELINE, BYLINE, PLACE, TITLE), if it is one."""
    if len(value) > _TITLE_MAX:
        return None
    if lexicon.DATELINE.fullmatch(value) or lexicon.LONG_DATE.fullmatch(value):
        return "DATELINE"
    if _byline(value) is not None:
        return "BYLINE"
    if lexicon.PLACE.fullmatch(value) and len(value.split()) <= 6:
        return "PLACE"
    if position == 0 and value[-1:] not in ".:;,":
        return "TITLE"
    return None


def _byline(value: str) -> tuple[str, str] | None:
    match = lexicon.BYLINE.fullmatch(value)
    if match is None:
        return None
    name, title = parse_label(match.group("name")), parse_label(match.group("title"))
    if name is None or not name.given or name.family is None or name.titles:
        return None
    if title is None or not title.titles:
        return None
    return match.group("name"), match.group("title")


def _iso_date(value: str) -> str | None:
    masthead = lexicon.MASTHEAD.match(value)
    if masthead is not None:
        value = masthead["date"]
    match = lexicon.DATELINE.fullmatch(value)
    if match is not None:
        month, day, year = int(match["month"]), int(match["day"]), int(match["year"])
    else:
        match = lexicon.LONG_DATE.fullmatch(value)
        if match is None or match["month"].lower() not in lexicon.MONTHS:
            return None
        month, day, year = lexicon.MONTHS[match["month"].lower()], int(match["day"]), int(match["year"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def date_in_line(value: str) -> str | None:
    """The ISO date a header line prints day first or in CJK form, in any language the vocabulary's months
    cover: "Séance du mardi 14 mars 2023", "Berlin, Mittwoch, den 5. Juli 2023", "2023年5月10日（星期三）"."""
    match = lexicon.DAY_MONTH_YEAR.search(value)
    if match is not None:
        month = lexicon.MONTHS.get(match["month"].casefold().rstrip("."))
    else:
        match = lexicon.CJK_DATE.search(value)
        month = int(match["month"]) if match is not None else None
    if match is None or month is None:
        return None
    day, year = int(match["day"]), int(match["year"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


_HEADER_LINES_FOR_DATE = 8  # a date printed in prose form stands near the top


_CLOCK = re.compile(r"\(?\s*(\d{1,2}):(\d{2})\s*([ap])?\.?\s?m?\.?\s*([A-Z]{2,4})?\s*\)?", re.I)


def _clock(value: str) -> str | None:
    """ "03:08 PM EDT" or "1:20 P.M. EDT" as 24-hour "15:08 EDT"."""
    match = _CLOCK.search(value)
    if match is None:
        return None
    hour, minute = int(match[1]), int(match[2])
    if match[3]:
        hour = hour % 12 + (12 if match[3].lower() == "p" else 0)
    zone = f" {match[4].upper()}" if match[4] else ""
    return f"{hour:02d}:{minute:02d}{zone}"


def _dateline_clock(value: str) -> str | None:
    match = lexicon.DATELINE.fullmatch(value)
    if match is None or match["hour"] is None:
        return None
    return _clock(value[match.start("hour") :])


def _metadata_date(metadata: dict[str, Any]) -> str | None:
    for key in ("date", "published", "published_time", "datetime"):
        value = metadata.get(key)
        if isinstance(value, str) and re.match(r"\d{4}-\d{2}-\d{2}", value):
            return value[:10]
    return None


def _listed(word: str, words: frozenset[str]) -> bool:
    """Whether a word of a name run is in a list of the vocabulary's words, as printed ("PAC") or in title case
    ("AFTER" in a title in capitals is "After"), a possessive aside ("Administration’s")."""
    word = word.removesuffix("’s").removesuffix("'s")
    return word in words or word[:1].upper() + word[1:].lower() in words


def find_mentions(text: str, start: int, end: int, source: str) -> list[Mention]:
    """Full person names (given and family) in ``text[start:end]``, each with the title printed before it."""
    mentions: list[Mention] = []
    for match in _NAME_RUN.finditer(text, start, end):
        words = match.group().split()
        cut_at = next((i for i, word in enumerate(words) if _listed(word, _NAME_RUN_BREAKS)), len(words))
        words = words[:cut_at]
        while words and VOCABULARY.contains("not_label_first_words", words[0]):
            words = words[1:]  # "Another Cleveland", "But Vik": a sentence's first word is no given name
        # The name is what follows the last title word ("Albanian Defense Minister | Niko Peleshi") and the last
        # word of an organisation, a place or a portfolio ("… for Cyber and Emerging Technologies | Anne
        # Neuberger"; "Human Rights Campaign |" names no one).
        cut = max((i + 1 for i, word in enumerate(words) if _is_title_word(word)), default=0)
        named_after = max(
            (i + 1 for i, word in enumerate(words) if _listed(word, lexicon.NOT_NAME_WORDS)), default=0
        )
        title_words = words[:cut]
        name_words = words[max(cut, named_after) :]
        if len(name_words) < 2 or any(w.casefold() in _JOINING_NOT_IN_NAMES for w in name_words):
            continue  # "THE LEAD WITH JAKE TAPPER" is a show's title, not a person "Lead With Jake Tapper"
        label = parse_label(" ".join(name_words))
        if label is None or not label.given or label.family is None or label.titles or label.role:
            continue
        title = " ".join(title_words) if any(_is_title_word(w) for w in title_words) else None
        mentions.append(Mention(label.name, title, match.start() + match.group().find(name_words[0]), source))
    return mentions


# The small words between a title's capitalised words that no person's name holds ("of" and "the" do: "Mr.
# Smith of Texas", "The Hon. Jane Roe").
_JOINING_NOT_IN_NAMES = frozenset(VOCABULARY.words_of("joining")) - {"of", "the"}


@functools.lru_cache(maxsize=8192)
def _is_title_word(word: str) -> bool:
    label = parse_label(word)
    return label is not None and bool(label.titles or label.jurisdiction or label.honorific)


def title_of(metadata: dict[str, Any], preamble: Sequence[Token]) -> str | None:
    """A document's title: its front matter's, or else its first title line."""
    title = metadata.get("title")
    if isinstance(title, str):
        return title
    return next((str(t.value) for t in preamble if t.type == "TITLE"), None)


_SPEECH_TITLES = tuple(
    re.compile(expand(f"@{name}@")) for name in ("speech_title", "speech_excerpt_title", "speech_delivered_title")
)


def speaker_of_speech(title: str | None) -> str | None:
    """The one speaker a title names for the speech below it, as printed ("Remarks as Prepared for Delivery by
    First Lady Jill Biden at ..." -> "First Lady Jill Biden"), or None: the title names no speech, several
    speakers ("Remarks by President Biden and President Zelenskyy"), or an office alone that no one holds by
    that name ("Senior Advisor")."""
    if title is None:
        return None
    title = " ".join(title.split())
    match = next(filter(None, (pattern.search(title) for pattern in _SPEECH_TITLES)), None)
    if match is None:
        return None
    speaker = match["speaker"]
    if len(speaker.split()) < 2:  # "Remarks on Tariffs by Economists": a title and a name, or "the President"
        return None
    label = parse_label(speaker)
    if label is None or label.role is not None:
        return None
    if label.family is None and not speaker.lower().startswith("the "):
        return None
    return speaker


def speaker_of_prepared_speech(metadata: dict[str, Any], preamble: Sequence[Token]) -> str | None:
    """Who gives the prepared speech of a document with no labels: the one its title names, or else a line over its
    delivery note that names it as a title would (a press release's "Governor Ruth Abernathy-Cole Delivers 2028
    State of the State Address", under the page's menus)."""
    speaker = speaker_of_speech(title_of(metadata, preamble))
    if speaker is not None:
        return speaker
    for token in preamble:
        if token.type == "DELIVERY":
            break
        if token.type in ("PARA", "HEADING"):  # (consecutive paragraphs come merged, a blank line between)
            for paragraph in token.value.split("\n\n"):
                speaker = speaker_of_speech(paragraph) if len(paragraph) <= _TITLE_LINE_CHARS else None
                if speaker is not None:
                    return _name_alone(speaker)
    return None


def _name_alone(speaker: str) -> str:
    """The person a release's line names, without the office or style printed before the full name ("Governor
    Ruth Abernathy-Cole" -> "Ruth Abernathy-Cole", "H.E. Mrs. Mirela Dăscălescu" -> "Mirela Dăscălescu"); an
    office with a surname alone stays whole ("President Okafor")."""
    parsed = parse_label(speaker)
    if parsed is None or not parsed.given or parsed.family is None or not (parsed.titles or parsed.honorific):
        return speaker
    return " ".join((*parsed.given, parsed.family))


_TITLE_LINE_CHARS = 300  # a release's title line, which may name the speaker's office and the occasion at length


_SPEECH_HEADING = re.compile(expand("@speech_heading@"))
_SPEECH_INTRO = re.compile(expand("@speech_intro@"))


def speaker_of_heading(heading: str) -> str | None:
    """The speaker a heading over a speech names, as printed ("Prime Minister's opening statement" -> "Prime
    Minister", "Opening statement by Dr. Ana Ruiz" -> "Dr. Ana Ruiz", an archive's "The speech made by Anna Firth,
    the Conservative MP for …" -> "Anna Firth"), or None: a person or an office, never a role, and the heading
    names nothing else."""
    heading = " ".join(heading.split())
    match = _SPEECH_HEADING.fullmatch(heading)
    intro = _SPEECH_INTRO.fullmatch(heading) if match is None else None
    if match is not None:
        speaker: str | None = match["speaker"]
    elif intro is not None:
        speaker = intro["speaker"] or intro["titled"]
    else:
        speaker = speaker_of_speech(heading)
    if speaker is None:
        return None
    label = parse_label(speaker)
    if label is None or label.role is not None or not (label.family or label.titles):
        return None
    if len(speaker.split()) < 2:  # "Government's statement": a body, not one speaker
        return None
    return speaker


def names_its_speaker(heading: str) -> bool:
    """Whether a heading is a speech named by its speaker's possessive ("JUDGE WEATHERBY'S SPEECH.", "Prime
    Minister's opening statement")."""
    return _SPEECH_HEADING.fullmatch(" ".join(heading.split())) is not None


def speaker_of_heading_in_body(heading: str) -> str | None:
    """The person a heading between two turns gives the words under it ("Opening remarks by Dr Amara Osei,
    Assistant Director-General", a press conference's posted transcript; a newspaper's "MR. MARSH'S REPLY." over
    his answer in a debate), or None. Stricter than a heading before the first label: the heading opens with the
    speech it names or is the speaker's, and names a person, not an office (a record's "Statement by the Minister"
    is a heading over the minister's labelled turn)."""
    heading = " ".join(heading.split())
    match = _SPEECH_TITLES[0].match(heading) or _SPEECH_HEADING.fullmatch(heading)
    if match is None:
        return None
    speaker = match["speaker"]
    label = parse_label(speaker)
    if label is None or label.role is not None or label.family is None or len(speaker.split()) < 2:
        return None
    return speaker


def is_speech_intro(line: str) -> bool:
    """Whether a sentence over a speech names its speaker ("The speech made by Anna Firth, the Conservative MP …")."""
    return _SPEECH_INTRO.fullmatch(" ".join(line.split())) is not None


def read_header(
    metadata: dict[str, Any], preamble: Sequence[Token], prose: Iterable[Token], text: str
) -> HeaderInfo:
    """Gather a document's metadata from its front matter and preamble tokens."""
    first: dict[str, Token] = {}
    for token in preamble:
        first.setdefault(token.type, token)
    title = title_of(metadata, preamble)
    dateline = first.get("DATELINE")
    date = _metadata_date(metadata) or (_iso_date(dateline.value) if dateline is not None else None)
    if date is None:
        date = next(
            filter(
                None, (date_in_line(t.value) for t in preamble[:_HEADER_LINES_FOR_DATE] if t.type != "BOILER")
            ),
            None,
        )
    time = _dateline_clock(dateline.value) if dateline is not None else None
    if time is None and "TIMESTAMP" in first:
        time = _clock(first["TIMESTAMP"].value)
    byline_token = first.get("BYLINE")
    mentions: list[Mention] = []
    if byline_token is not None:
        parts = _byline(byline_token.value)
        if parts is not None:
            name_label = parse_label(parts[0])
            name = name_label.name if name_label is not None else parts[0]
            mentions.append(Mention(name, parts[1], int(byline_token.start_pos or 0), "byline"))
    title_token = first.get("TITLE")
    if title_token is not None and title == title_token.value:  # read where it is printed, line ends and all
        mentions.extend(find_mentions(text, int(title_token.start_pos or 0), int(title_token.end_pos or 0), "title"))
    elif title is not None:
        mentions.extend(find_mentions(title, 0, len(title), "title"))
    for token in preamble:
        # (A heading too: a page printed one sentence a line sets its participant list apart as headings,
        # "Senator Dana Halvorsen (D-MN) and".)
        if token.type in ("PARA", "TITLE", "HEADING"):
            mentions.extend(find_mentions(text, int(token.start_pos or 0), int(token.end_pos or 0), "intro"))
    for token in prose:
        mentions.extend(find_mentions(text, int(token.start_pos or 0), int(token.end_pos or 0), "prose"))
    mentions.extend(role_fields(metadata, preamble, text))
    source = next(
        (metadata[k] for k in ("source_url", "url", "source") if isinstance(metadata.get(k), str)), None
    )
    masthead = lexicon.MASTHEAD.match(dateline.value) if dateline is not None else None
    if (
        source is None and masthead is not None
    ):  # "[Congressional Record Volume 151 ...]" names its publication
        source = masthead["publication"]
    return HeaderInfo(
        title=title,
        date=date,
        time=time,
        location=first["PLACE"].value if "PLACE" in first else None,
        byline=byline_token.value if byline_token is not None else None,
        source=source,
        mentions=tuple(_dedupe(mentions)),
    )


# "Moderator: R. Salas" among a header's field lines (a trailing "(RS)" gives the initials the labels use). The
# field is matched by a pattern with bounded runs, its value is the rest of the line: no backtracking over a long
# run of blanks (an unbounded blank run before a lazy value made a line of spaces cost cubic time).
_FIELD_HEAD = re.compile(r"(?m)^[ \t]{0,20}([^\W\d_][\w ]{0,30}?)[ \t]{0,20}:[ \t]")
_INITIALS_AFTER = re.compile(r"[ \t]*\([A-Z]{2,4}\)$")
_FIELD_VALUE = (3, 80)  # characters of a field's value
_NEXT_COLUMN = re.compile(r"[ \t]{3,}(?=\S[^\n:]{0,30}:)")


def _field_lines(text: str, start: int, end: int) -> Iterator[tuple[str, str, int]]:
    """(field, value, where the value starts) of each "Field: value" line in ``text[start:end]``."""
    for match in _FIELD_HEAD.finditer(text, start, end):
        line_end = text.find("\n", match.end(), end)
        line_end = end if line_end == -1 else line_end
        if line_end - match.end() > _FIELD_VALUE[1] + 40:
            continue  # a long line is speech, whatever blanks it holds
        raw = text[match.end() : line_end]
        # A second field in a column of its own on the line ("Owen Gareth DAVIES   DOB: 11/02/1996") is no part
        # of the first one's value.
        value = _INITIALS_AFTER.sub("", _NEXT_COLUMN.split(raw.strip(), 1)[0]).strip()
        if _FIELD_VALUE[0] <= len(value) <= _FIELD_VALUE[1]:
            yield match[1], value, match.end() + len(raw) - len(raw.lstrip())


def role_fields(metadata: dict[str, Any], preamble: Sequence[Token], text: str) -> Iterator[Mention]:
    """People a header field names by a generic role: front matter's ``host: Imogen Fairweather`` and a header
    line's "Moderator: R. Salas". Each is a mention whose title is the role, source "field": the normalizer
    takes a label of that role ("Host", "Moderator") for that person."""
    fields: list[tuple[str, str, int]] = [
        (key, value, 0) for key, value in metadata.items() if isinstance(key, str) and isinstance(value, str)
    ]
    for token in preamble:
        start, end = int(token.start_pos or 0), int(token.end_pos or 0)
        fields.extend(_field_lines(text, start, end))
    for field, value, start in fields:
        role = parse_label(field.strip().title())
        person = parse_label(value)
        # (The person may carry an office: "Moderator: Priya Nandakumar, VP Internal Communications".)
        if role is None or role.role is None or person is None or person.role:
            continue
        if person.given and person.family:
            yield Mention(person.name, field.strip(), start, "field")


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    seen: set[tuple[str, str]] = set()
    unique = []
    for mention in mentions:
        key = (mention.name, mention.source)
        if key not in seen:
            seen.add(key)
            unique.append(mention)
    return unique
