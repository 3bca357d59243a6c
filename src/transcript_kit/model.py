"""The document model: what a parse produces and what exporters read. Frozen, slotted, tuples not lists."""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable, MutableSequence, Sequence
from typing import Any

import attrs


class TurnKind(str, enum.Enum):
    """What a record of the turns table is."""

    TURN = "turn"  # labelled speech
    MONOLOGUE = "monologue"  # unlabelled single-speaker text, e.g. a prepared speech
    QUOTE = "quote"  # quotation attributed in prose
    STAGE = (
        "stage"  # stage direction or recorder's note standing alone ("The clerk proceeded to call the roll.")
    )
    # Printed material inserted into a record and never spoken: a bill, letter or article "ordered to be printed
    # in the Record, as follows:". No speaker; kept so the words are not lost, and so they never count as speech.
    INSERT = "insert"


class Resolution(str, enum.Enum):
    """How a speaker id was found, strongest evidence first."""

    OVERRIDE = "override"
    DOCUMENT = "document"
    REGISTRY = "registry"
    CORPUS = "corpus"
    FUZZY = "fuzzy"
    LABEL = "label"
    NONE = "none"


@attrs.frozen(slots=True)
class Label:
    """The parts of one speaker label, as the label grammar read them. Words are kept as printed."""

    raw: str
    honorific: str | None = None  # "Mr.", "MS."
    article: bool = False  # a leading "The"
    jurisdiction: str | None = None  # "US", "U.S.", "United States"
    titles: tuple[str, ...] = ()  # offices as printed: ("Secretary of State",)
    given: tuple[str, ...] = ()  # given names and initials
    family: str | None = None  # family name (last name word group)
    qualifiers: tuple[str, ...] = ()  # "of New Jersey", "Grayndler—Prime Minister"
    notes: tuple[str, ...] = ()  # "As interpreted.", "via interpreter"
    time: str | None = None  # "14:00"
    role: str | None = None  # generic role key for non-persons: "question", "moderator", ...
    inner: Label | None = None  # the person in "The PRESIDING OFFICER (Mr. Kyl)"
    # The same label in a second language after a slash: "The Presiding Officer" in "Y Llywydd / The Presiding
    # Officer" (the Senedd prints the Welsh first).
    translation: Label | None = None

    @property
    def is_role(self) -> bool:
        return self.role is not None

    @property
    def name(self) -> str:
        """Given names and family name joined as printed ("" when the label names nobody)."""
        return " ".join((*self.given, self.family) if self.family else self.given)


@attrs.frozen(slots=True)
class Speaker:
    """A resolved speaker identity for one label in one document."""

    id: str | None
    name: str | None = None
    role: str | None = None
    resolution: Resolution = Resolution.NONE
    confidence: float = 0.0
    candidates: tuple[str, ...] = ()  # ids that were possible when the evidence did not decide


@attrs.frozen(slots=True)
class Turn:
    """One record of the turns table. ``char_start``/``char_end`` are code-point offsets into the decoded source."""

    index: int
    kind: TurnKind
    text: str
    char_start: int
    char_end: int
    label: str | None = None  # as printed, without its trailing colon or period
    parsed_label: Label | None = None
    speaker: Speaker | None = None
    notes: tuple[str, ...] = ()  # delivery notes kept as attributes ("As interpreted.")
    start_ms: int | None = None
    end_ms: int | None = None
    # A clock time printed in a parliamentary label ("Mr KATTER (Kennedy) (14:02)"): when the words were said,
    # not an offset into a recording, so it is no start_ms, and it never enters an id.
    time_of_day: str | None = None


@attrs.frozen(slots=True)
class Span:
    """A region of the source with a name for what it is (boilerplate, heading, ...)."""

    kind: str
    start: int
    end: int
    why: str = ""  # the rule (or reader) that set it aside, for ``parse --explain``


@attrs.frozen(slots=True)
class LabelDecision:
    """Why a label candidate was accepted or rejected; kept for ``parse --explain``."""

    text: str
    start: int
    accepted: bool
    reason: str


@attrs.frozen(slots=True)
class Mention:
    """A person named in the document's prose or header, used as document evidence by the normalizer."""

    name: str  # "Antony J. Blinken"
    title: str | None  # "Secretary of State"
    start: int
    source: str  # "byline", "intro", "prose"


def iso_date(value: datetime.date | str | None) -> datetime.date | None:
    """A document date as a ``datetime.date``; text is read as an ISO date ("2021-06-13", or the date part of an
    ISO timestamp), and text that is no date is no date (parsing warns about it where it finds it)."""
    if value is None or isinstance(value, datetime.date):
        return value.date() if isinstance(value, datetime.datetime) else value
    try:
        return datetime.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _records(value: Iterable[Any]) -> Sequence[Any]:
    """A document's turns or decisions: read-only sequences (a tuple, the parser's column tables) stay as they
    are; anything else (a list, a generator) becomes a tuple."""
    return value if isinstance(value, Sequence) and not isinstance(value, MutableSequence) else tuple(value)


@attrs.frozen(slots=True)
class Document:
    """A parsed transcript."""

    doc_id: str
    text: str  # the decoded source; every offset points into it
    # A sequence of Turn: columns (transcript_kit.columns.TurnTable) from the text and subtitle parsers.
    turns: Sequence[Turn] = attrs.field(converter=_records)
    path: str | None = None
    sha256: str | None = None
    encoding: str = "utf-8"
    format: str = "text"
    title: str | None = None
    date: datetime.date | None = attrs.field(default=None, converter=iso_date)
    time: str | None = None
    location: str | None = None
    byline: str | None = None
    source: str | None = None  # source URL or publisher
    metadata: dict[str, Any] = attrs.field(factory=dict, eq=False)  # front matter, as read
    warnings: tuple[str, ...] = ()
    spans: tuple[Span, ...] = ()  # boilerplate, headings, furniture that were kept out of speech
    decisions: Sequence[LabelDecision] = attrs.field(default=(), converter=_records)
    mentions: tuple[Mention, ...] = ()
    convention: str | None = None  # the convention profile the document was parsed with
    convention_notes: tuple[str, ...] = ()  # why that profile, which shapes were inferred, which rules fired


@attrs.frozen(slots=True)
class LabelUse:
    """One distinct label of a document and how often it opens a turn."""

    label: str
    parsed: Label | None
    count: int


@attrs.frozen(slots=True)
class DocumentEvidence:
    """What the normalizer needs to know about one document: small, picklable, independent of turn count."""

    doc_id: str
    date: str | None  # ISO date
    source: str | None  # source URL or publisher
    jurisdiction: str | None
    title: str | None
    byline: str | None
    mentions: tuple[Mention, ...]
    labels: tuple[LabelUse, ...]
    # (turn_index, label) of each labelled turn in document order: an office printed once with its holder binds
    # the bare office in the turns after it, so binding needs the order, not only the counts.
    order: tuple[tuple[int, str], ...] = ()
    # (turn_index, name as printed) of each turn of a role ("QUESTION", "Audience member") whose words open with its
    # speaker naming themselves ("Hi, Tom Reyes, Allied Press."): that turn is that person's.
    introduced: tuple[tuple[int, str], ...] = ()
