"""Word lists the parser consults: boilerplate, stage directions, delivery notes, end markers, header shapes.

Titles, honorifics and generic roles live in ``grammar/label.lark``; this module holds what is decided about
whole lines and paragraphs. Every entry is general (seen across publishers), never a rule for one file.
"""

from __future__ import annotations

import re

# Web-page furniture that must never become speech: subscription notices, donation appeals, account forms,
# sharing widgets, related-story blocks. Phrases are found anywhere in a paragraph, case-insensitively ...
BOILERPLATE = re.compile(
    r"(?i)"
    r"you are subscribed to|this information has recently been updated|unsubscribe|manage (?:your )?subscriptions?"
    r"|your support (?:helps|makes)|your donation|support (?:our|independent) journalism|paywalls?\b"
    r"|make a (?:one-off |monthly )?(?:donation|contribution)|become a (?:member|subscriber)"
    r"|create (?:an|your) account|reset (?:your )?password|verification code|check your inbox"
    r"|didn'?t receive (?:a|the) code|send new code|subscribe to (?:our|the) newsletter"
    r"|you have successfully created your account|your password has been updated|create a new password"
    r"|the password must be|click (?:on )?the button|enter the email address|log ?in with your"
    r"|sign (?:in|up) (?:to|for|with)|from now on you can download"
    r"|cookie (?:policy|settings|preferences)|all rights reserved|from the congressional record online"
    r"|government (?:publishing|printing) office \[www"
)
# ... and every phrase contains one of these lower-case triggers: a cheap substring test that spares the big
# case-insensitive alternation on paragraphs that cannot match it.
_BOILERPLATE_TRIGGERS = (
    "subscri", "recently been updated", "your support helps", "your support makes", "your donation", "journalism",
    "paywall", "make a donation", "make a contribution", "make a one-off", "make a monthly", "become a member",
    "an account", "your account", "password", "verification code", "your inbox", "receive a code",
    "receive the code", "new code", "the button", "email address", "log in with", "login with", "sign in ",
    "sign up ", "you can download", "cookie", "rights reserved",
    "record online", "office [www",
)  # fmt: skip
# ... while these are whole short paragraphs: a button or a widget's caption.
BOILERPLATE_LINE = re.compile(
    r"(?i)\s*(?:register|log ?in|sign (?:in|up)|advertisement|text size.*|share (?:this|on)\b.*|read more\b.*"
    r"|related(?: stories| articles| news)?:?|follow us\b.*|print this page)\s*"
)
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

# A paragraph that is only a stage direction or a recorder's note: "(Laughter.)", "[Interruption.]", "(CROSSTALK)".
STAGE_DIRECTION = re.compile(r"\s*[(\[][^()\[\]\n]{1,80}[)\]]\s*")
# The recorder's notes of a legislative record, standing alone between speeches: the clerk calls the roll, a
# member addresses the chair, material is ordered printed ("..., as follows:" opens inserted material), a motion
# is agreed to. They are stage records, never a member's words.
RECORDER_NOTE = re.compile(
    r"(?i)\s*(?:"
    r"there being no objection,?\s.{0,200}?\bordered (?:to be )?printed in the record\b.{0,80}"
    r"|the (?:(?:assistant|chief|senior|second|first)\s+)?(?:legislative |bill |journal |reading )?clerk"
    r" (?:proceeded to|called|read|continued|resumed)\b.{0,200}"
    r"|(?:mr|mrs|ms|miss|dr)\.? [A-Z][\w'’ .-]{1,60} addressed the chair\."
    r"|the (?:motion|amendments?|resolution|concurrent resolution|joint resolution|bill|nomination|preamble"
    r"|conference report|question|title amendment)(?: \([^)]{1,40}\))?"
    r" (?:was|were|is) (?:agreed to|rejected|passed|ordered|read|considered|laid|withdrawn|confirmed|deemed|adopted"
    r"|referred|placed|tabled)\b.{0,200}"
    r"|the yeas and nays (?:were|are) ordered\.|the result was announced\b.{0,200}"
    r"|(?:the )?(?:following|above) (?:material|letters?|articles?|statements?) (?:was|were) ordered printed\b.{0,200}"
    r")\s*"
)
# Where a recorder's note opens inserted material ("...ordered to be printed in the Record, as follows:").
OPENS_INSERT = re.compile(r"(?i)(?:as follows|the following)\s*:\s*$")
# Parts of a legislative record that are captions, not speech: the sponsor line of an introduced bill
# ("By Mr. DeWINE (for himself and Mr. Rockefeller):") and the bill caption ("S. 1430. A bill to provide ...").
RECORD_CAPTION = re.compile(
    r"\s*(?:By (?:Mr|Mrs|Ms|Miss|Dr)\.? .{1,200}:"
    r"|(?:S|H\.\s?R|S\.\s?(?:J\.\s?|Con\.\s?)?Res|H\.\s?(?:J\.\s?|Con\.\s?)?Res)\.\s?\d+\.\s+"
    r"(?:A|An) (?:bill|resolution|joint resolution|concurrent resolution)\b.*)\s*",
    re.S,
)

# Delivery notes that mark a prepared text: the speech after it is a monologue.
DELIVERY_NOTE = re.compile(
    r"(?i)\s*[(\[]?\s*(?:(?:remarks|speech|statement|text|address),?\s+)?"
    r"(?:as prepared(?: for delivery)?|as delivered|check against delivery)\s*[)\]]?\s*"
)
# Interpreter notes at the start of a turn are kept as a turn attribute.
INTERPRETER_NOTE = re.compile(
    r"\s*[(\[]\s*(?i:as interpreted|as translated|via interpreter|via translator|through (?:an )?interpreter"
    r"|in [A-Z][a-z]+ with (?:an )?interpret\w*|interpreted|translated)[^()\[\]]*[)\]]\s*"
)

# Where a transcript ends: "END 2:20 P.M. EDT", "(Whereupon, at 11:32 a.m., the case ... was submitted.)".
END_MARKER = re.compile(
    r"(?i)\s*(?:end\s+\d{1,2}:\d{2}\s*[ap]\.?m\.?.*|end|\(?whereupon,?\s.*|\*\s*\*\s*\*\s*)\s*"
)
# A bare time line: "1:20 P.M. EDT", "(10:12 a.m.)", "0:53" (podcast timestamps under a label).
TIME_LINE = re.compile(
    r"\s*\(?\s*(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?)?\s*(?:[A-Z]{2,4}T)?)\s*\)?\s*", re.I
)

# Header shapes (only looked for before the first turn).
DATELINE = re.compile(
    r"\s*(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4})(?:\s+(?P<hour>\d{1,2}):(?P<minute>\d{2})\s*"
    r"(?P<ampm>[AP]\.?M\.?)?\s*(?P<zone>[A-Z]{2,4})?)?\s*",
    re.I,
)
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
LONG_DATE = re.compile(
    r"\s*(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
    r"(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})\s*"
)
# A legislative record's masthead: "[Congressional Record Volume 151, Number 99 (Wednesday, July 20, 2005)]".
MASTHEAD = re.compile(
    r"\s*\[(?P<publication>Congressional Record|Parliamentary Debates|Hansard)[^()\]]{0,80}\((?P<date>[^()]{6,40})\)\]\s*"
)
# "Antony J. Blinken, Secretary of State": a name, a comma, a title.
BYLINE = re.compile(
    r"\s*(?P<name>(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]+),\s+(?P<title>[A-Z][\w ,'’.-]{3,80}?)\s*"
)
# "Brussels, Belgium", "Washington, D.C.", "Tirana, Albania": a short place line.
PLACE = re.compile(
    r"\s*(?P<place>[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,2},\s[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,2})\s*"
)

# Labels that have the shape of a speaker but never are one ("NOTE:", "UPDATE:", "Date:").
NOT_SPEAKERS = frozenset(
    {
        "absent", "advertisement", "after", "before", "again", "agenda", "also", "and", "appearances", "attachment",
        "attachments", "author", "background", "bill", "bottom line", "but", "by", "categories", "category",
        "caution", "chapter", "contact", "contacts", "contents", "correction", "date", "edit", "editor's note",
        "editors note", "email", "embargoed", "example", "examples", "exhibits", "fax", "finally", "first",
        "fyi", "here", "highlights", "hint", "index", "item", "key points", "keywords", "link", "links",
        "location", "look", "media contact", "nb", "no", "note", "now", "ok", "okay", "or", "overview", "p.s",
        "page", "part", "phone", "photo", "place", "plus", "posted", "present", "press contact", "ps",
        "published", "re", "read more", "related", "release", "released", "second", "section", "so", "source",
        "sources", "step", "still", "subject", "subjects", "subscribe", "summary", "tags", "tel", "there",
        "third", "time", "tip", "title", "today", "tomorrow", "tonight", "topic", "topics", "transcript",
        "update", "updated", "url", "video", "warning", "watch", "well", "yes", "yesterday",
    }
)  # fmt: skip

# First words that make a colon line a byline or a sponsor line, never a speaker ("By Mr. DeWINE (for himself):").
NOT_LABEL_FIRST_WORDS = frozenset(
    {
        "by",
        "from",
        "to",
        "via",
        "re",
        "cc",
        "subject",
        "and",
        "but",
        "or",
        "so",
        "then",
        "now",
        "also",
        "plus",
    }
)

# Capitalised words that make a run of names an organisation, a place or a thing rather than a person.
NOT_NAME_WORDS = frozenset(
    [
        "Council",
        "Security",
        "Force",
        "Forces",
        "Treaty",
        "Conference",
        "Centre",
        "Center",
        "Task",
        "Union",
        "Nations",
        "Department",
        "Ministry",
        "Office",
        "House",
        "Committee",
        "Balkans",
        "Europe",
        "Star",
        "Tech",
        "PAC",
        "Act",
        "Agreement",
        "Court",
        "Party",
        "Republic",
        "States",
        "Kingdom",
        "University",
        "Institute",
        "Agency",
        "Bank",
        "Fund",
        "Organization",
        "Organisation",
        "Summit",
        "Group",
        "Airport",
        "Street",
        "Road",
        "Church",
        "News",
        "Press",
        "Times",
        "Post",
        "Room",
        "Hall",
        "Building",
        "Senate",
        "Congress",
        "Parliament",
        "Assembly",
        "Government",
        "Administration",
        "Coalition",
        "Alliance",
        "Association",
        "Foundation",
        "Company",
        "Corporation",
        "Inc",
        "Ltd",
        "Network",
        "Service",
        "Services",
        "Program",
        "Programme",
        "Initiative",
        "Day",
        "Week",
        "Month",
        "Year",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Island",
        "Islands",
        "Sea",
        "Ocean",
        "River",
        "Mountain",
        "Valley",
        "Province",
        "County",
        "City",
        "State",
        "Region",
        "East",
        "West",
        "North",
        "South",
        "Middle",
        "Eastern",
        "Western",
        "Northern",
        "Southern",
        "Federal",
        "National",
        "International",
        "Global",
        "Affairs",
        "Defense",
        "Defence",
        "Armed",
        "Medical",
        "Warfare",
        "Excellence",
        "Project",
    ]
)
