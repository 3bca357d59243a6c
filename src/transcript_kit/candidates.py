"""Which lines open a speaker turn: find label candidates, then accept or reject them for the whole document.

A line that merely ends in a colon ("Remarks by ... following the meeting:") or a headline with a colon is not a
speaker. The label grammar decides whether a candidate is label-shaped at all; the document decides the rest:
real labels recur and share a style, so a lone, weak, off-style candidate is refused. Every decision keeps a
reason, for ``transcript-kit parse --explain``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

import attrs

from transcript_kit.keys import fold
from transcript_kit.labels import parse_label
from transcript_kit.lexicon import NOT_LABEL_FIRST_WORDS, NOT_SPEAKERS
from transcript_kit.model import Label, LabelDecision

# The candidate shapes. They only find where a label could end; what is inside is the label grammar's business.
# A parenthesis inside a label may hold a colon: "Mr ALBANESE (Grayndler—Prime Minister) (14:00):".
_COLON = re.compile(
    r"[ \t\u00a0]*(?:\*\*|__)?(?P<label>[^\s:*_(\[](?:[^:\n(]|\([^()\n]{0,80}\)){0,100}?)(?:\*\*|__)?[ \t]*:(?:\*\*|__)?"
    r"(?=\s|$)"
)
# What may follow a label alone on its line: a timestamp "(00:05)", "[01:02:03]" (rev.com and podcast styles).
LABEL_TIMESTAMP = re.compile(
    r"[ \t\u00a0]*[(\[]?[ \t]*(?:(\d{1,2}):)?(\d{1,2}):(\d{2})(?:[.,]\d{1,3})?[ \t]*[)\]]?[ \t]*"
)
_BARE_Q = re.compile(r"[ \t\u00a0]*(?P<label>Q|QUESTION)(?=[ \t\u00a0]+\S|[ \t]*$)")
# Depositions and interviews: "Q. Please state your name." / "A. John Smith."
_QA_PERIOD = re.compile(r"[ \t\u00a0]*(?P<label>Q|A)\.(?=[ \t\u00a0]+\S)")
# Congressional Record: "Mr. McCONNELL.", "The PRESIDING OFFICER (Mr. Kyl).", "Mr. SMITH of New Jersey."
_PERIOD = re.compile(
    r"[ \t]*(?P<label>(?:The|Mr|Mrs|Ms|Miss|Dr|Madam|Sen|Senator|Rep|Representative|Delegate)\.?\s"
    r"(?:[^.\n(]|\([^)\n]{0,60}\)){1,80}?)\.(?=\s|$)"
)
# A whole line ending in a colon (an intro: "Remarks by ... following the meeting:"): a candidate only so that
# --explain can say why it was refused.
_LONG_COLON_LINE = re.compile(r"[ \t\u00a0]*(?P<label>[^\n]{111,400}):[ \t]*")
_CAPITALS = re.compile(r"[A-Z][A-Z'’-]*[A-Z]")
_LOWER = re.compile(r"[a-zß-öø-ÿ]")
_PARENS = re.compile(r"\([^()]*\)")

# How a candidate's style is written; documents keep one style for their real labels.
UPPER, TITLE_CASE, CONGRESS = "upper", "title", "congress"


@attrs.frozen(slots=True)
class Candidate:
    """A place where a label might open a turn: ``end`` is just after its colon or period."""

    label: str
    start: int
    end: int
    delimiter: str  # ":", "." or "" (a bare Q)
    at_paragraph_start: bool
    alone: bool  # nothing follows on its line (or only a timestamp)
    timed: bool = False  # a timestamp follows it on its line: "Joe Biden: (12:01)"


def find_candidate(text: str, start: int, end: int, at_paragraph_start: bool) -> Candidate | None:
    """The label candidate at the start of the line ``text[start:end]``, if its shape allows one."""
    first = text[start:end].lstrip(" \t\u00a0*_")[:1]
    if not first or not (first.isalpha()):
        return None
    if first in "QA":
        # A bare questioner mark wins over a later colon: "Q    Hey, Jen, on testing: We're hearing ..."
        match = _BARE_Q.match(text, start, end) if first == "Q" else None
        if match is not None:
            return _candidate(match, "", text, end, at_paragraph_start)
        match = _QA_PERIOD.match(text, start, end)
        if match is not None:
            return _candidate(match, ".", text, end, at_paragraph_start)
    colon = text.find(":", start, min(end, start + 110))
    if colon != -1:
        match = _COLON.match(text, start, end)
        if match is not None:
            return _candidate(match, ":", text, end, at_paragraph_start)
    elif text[end - 1] == ":" and end - start > 110:
        match = _LONG_COLON_LINE.fullmatch(text, start, end)
        if match is not None:
            return _candidate(match, ":", text, end, at_paragraph_start)
    if first in "TMDSR":
        match = _PERIOD.match(text, start, end)
        if match is not None and _CAPITALS.search(_PARENS.sub("", match.group("label"))):
            return _candidate(match, ".", text, end, at_paragraph_start)
    return None


def _candidate(match: re.Match[str], delimiter: str, text: str, line_end: int, at_start: bool) -> Candidate:
    rest = match.end()
    timed = rest < line_end and LABEL_TIMESTAMP.fullmatch(text, rest, line_end) is not None
    alone = timed or not text[rest:line_end].strip()
    label = match.group("label").strip()
    return Candidate(label, match.start("label"), rest, delimiter, at_start, alone, timed)


def style_of(label: str, delimiter: str) -> str:
    if delimiter == ".":
        return CONGRESS
    return TITLE_CASE if _LOWER.search(_PARENS.sub("", label)) else UPPER


def strength(parsed: Label, label: str) -> str | None:
    """Why a parsed label is a strong label by itself, or None when only recurrence can make it one."""
    if parsed.role is not None:
        return "a generic role"
    if parsed.titles:
        return "a title"
    if parsed.honorific:
        return "an honorific"
    if parsed.inner is not None:
        return "an office with its holder"
    if not _LOWER.search(_PARENS.sub("", label)) and len(label) > 1:
        return "an upper-case name"
    return None


def refusal(parsed: Label | None, delimiter: str = ":") -> str | None:
    """Why a label candidate can never be a speaker, whatever the document: None when it may be one."""
    if parsed is None:
        return "not label-shaped: the label grammar does not read it"
    if fold(parsed.raw) in NOT_SPEAKERS:
        return "a heading word, not a speaker"
    if parsed.raw.split(None, 1)[0].casefold() in NOT_LABEL_FIRST_WORDS:
        return "a byline, sponsor or address line, not a speaker"
    if delimiter == "." and parsed.family is None and not parsed.titles:
        return "a period label needs a name or an office"
    return None


@attrs.frozen(slots=True)
class Verdict:
    accepted: bool
    reason: str
    parsed: Label | None


def decide(candidates: Iterable[Candidate]) -> dict[str, Verdict]:
    """Accept or reject each distinct candidate label of one document, with a reason."""
    candidates = list(candidates)
    at_start = Counter(c.label for c in candidates if c.at_paragraph_start)
    alone = Counter(c.label for c in candidates if c.alone)
    timed = Counter(c.label for c in candidates if c.timed)
    delimiters = {c.label: c.delimiter for c in candidates}
    verdicts: dict[str, Verdict] = {}
    strong_styles: Counter[str] = Counter()
    weak: list[str] = []
    for label in dict.fromkeys(c.label for c in candidates):
        parsed = parse_label(label)
        refused = refusal(parsed, delimiters[label])
        if parsed is None or refused is not None:
            verdicts[label] = Verdict(False, refused or "", parsed)
            continue
        why = strength(parsed, label)
        if why is not None and delimiters[label] == "." and len(label) == 1:
            why = None  # "A." may begin "A. Philip Randolph ...": a one-letter mark must recur to count
        if why is None:
            weak.append(label)
            verdicts[label] = Verdict(False, "", parsed)
            continue
        verdicts[label] = Verdict(True, f"{why}", parsed)
        strong_styles[style_of(label, delimiters[label])] += at_start[label]
    # Names that recur (or carry a timestamp) are labels by themselves; they tell the document's style only when
    # no strong label does (a speech's "Leaders of the NAACP: ..." said twice must not outvote "THE VICE PRESIDENT").
    recurring_styles: Counter[str] = Counter()
    pending: list[str] = []
    for label in weak:
        parsed = verdicts[label].parsed
        if at_start[label] >= 2 or alone[label] >= 2:
            verdicts[label] = Verdict(True, f"a name that recurs as a label ({at_start[label]}x)", parsed)
        elif timed[label] or (parsed is not None and parsed.time is not None):
            verdicts[label] = Verdict(True, "a name with a timestamp (rev.com style)", parsed)
        else:
            pending.append(label)
            continue
        recurring_styles[style_of(label, delimiters[label])] += at_start[label]
    styles = strong_styles or recurring_styles
    dominant = styles.most_common(1)[0][0] if styles else None
    for label in pending:
        parsed = verdicts[label].parsed
        style = style_of(label, delimiters[label])
        if dominant == style:
            verdicts[label] = Verdict(
                True, f"a name in the style of this document's labels ({style})", parsed
            )
        else:
            verdicts[label] = Verdict(False, "a lone name-like phrase, unlike this document's labels", parsed)
    return verdicts


def accepted_here(candidate: Candidate, verdict: Verdict, accepted_at_start: set[str]) -> Verdict:
    """Inside a paragraph a label only counts when the same label opens paragraphs elsewhere in the document,
    so a hard-wrapped line that happens to begin "President Biden: ..." stays prose."""
    if not verdict.accepted or candidate.at_paragraph_start:
        return verdict
    if candidate.label in accepted_at_start:
        return verdict
    return Verdict(False, "inside a paragraph, and not a label of this document elsewhere", verdict.parsed)


def decision(candidate: Candidate, verdict: Verdict) -> LabelDecision:
    return LabelDecision(candidate.label, candidate.start, verdict.accepted, verdict.reason)
