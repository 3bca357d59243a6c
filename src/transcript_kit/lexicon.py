"""Compiled forms of the shared vocabulary that the parser consults outside convention profiles: boilerplate,
interpreter notes after a label, insert openers, header shapes (dateline, byline, place, masthead).

The words themselves live in ``conventions/vocabulary.toml``; paragraph rules and label shapes live in the
convention profiles. Nothing here is a rule for one publisher.
"""

from __future__ import annotations

import re

from transcript_kit.conventions.vocabulary import VOCABULARY, expand, words_alternation

# Web-page furniture that must never become speech: phrases found anywhere in a paragraph ...
BOILERPLATE = re.compile("(?i)" + "|".join(VOCABULARY.words_of("boilerplate_phrases")))
# ... every one of which contains a trigger: a cheap substring test spares the big alternation.
_BOILERPLATE_TRIGGERS = VOCABULARY.words_of("boilerplate_triggers")
# ... and whole short paragraphs: a button or a widget's caption.
BOILERPLATE_LINE = re.compile(r"(?i)\s*(?:" + "|".join(VOCABULARY.words_of("boilerplate_captions")) + r")\s*")
_LINE_MAX = 60


def find_boilerplate(value: str, start: int = 0) -> re.Match[str] | None:
    """The first boilerplate phrase in ``value`` from ``start``, or a whole-paragraph caption; else None."""
    if start == 0 and len(value) <= _LINE_MAX:
        line = BOILERPLATE_LINE.fullmatch(value)
        if line is not None:
            return line
    lowered = value[start:].lower()
    if not any(trigger in lowered for trigger in _BOILERPLATE_TRIGGERS):
        return None
    return BOILERPLATE.search(value, start)


# How a glued-on appeal ends, so the real sentence after it ("...all the difference.U.S. Secretary...") survives.
BOILERPLATE_SENTENCE_END = re.compile(r"[.!?](?=[A-Z\u201c\"])")

# Where a recorder's note opens inserted material ("...ordered to be printed in the Record, as follows:").
OPENS_INSERT = re.compile(r"(?i)(?:as follows|the following|follows)\s*:\s*[\])]?\s*$")

# Interpreter notes at the start of a turn are kept as a turn attribute: "(As interpreted.)", "(spoke in French)".
INTERPRETER_NOTE = re.compile(
    expand(r"\s*[(\[]\s*(?i:@notes@|in [A-Z][a-z]+ with (?:an )?interpret\w*)[^()\[\]]*[)\]]\s*")
)

# Header shapes (only looked for before the first turn).
DATELINE = re.compile(
    r"\s*(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4})(?:\s+(?P<hour>\d{1,2}):(?P<minute>\d{2})\s*"
    r"(?P<ampm>[AP]\.?M\.?)?\s*(?P<zone>[A-Z]{2,4})?)?\s*",
    re.I,
)
MONTHS = VOCABULARY.months
LONG_DATE = re.compile(
    r"\s*(?:(?i:" + words_alternation(VOCABULARY.words_of("weekdays")) + r"),?\s+)?"
    r"(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})\s*"
)
# Dates printed day first in any language of the vocabulary's months ("14 mars 2023", "5. Juli 2023", "10 de mayo
# de 2023") and in Chinese or Japanese ("2023年5月10日"), found anywhere in a header line.
DAY_MONTH_YEAR = re.compile(expand(VOCABULARY.patterns["day_month_year"]))
CJK_DATE = re.compile(VOCABULARY.patterns["cjk_date"])
# A legislative record's masthead: "[Congressional Record Volume 151, Number 99 (Wednesday, July 20, 2005)]".
MASTHEAD = re.compile(
    r"\s*\[(?P<publication>" + words_alternation(VOCABULARY.words_of("mastheads")) + r")[^()\]]{0,80}"
    r"\((?P<date>[^()]{6,40})\)\]\s*"
)
# "Antony J. Blinken, Secretary of State": a name, a comma, a title.
BYLINE = re.compile(
    r"\s*(?P<name>(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]+),\s+(?P<title>[A-Z][\w ,'’.-]{3,80}?)\s*"
)
# "Brussels, Belgium", "Washington, D.C.", "Tirana, Albania": a short place line.
PLACE = re.compile(
    r"\s*(?P<place>[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,2},\s[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,2})\s*"
)

# Capitalised words that make a run of names an organisation, a place or a thing rather than a person.
NOT_NAME_WORDS = frozenset(VOCABULARY.words_of("not_name_words"))
