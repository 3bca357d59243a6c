"""TTML (DFXP) timed text: a broadcaster's caption file, its speakers named in the head's metadata.

A ``<p begin= end=>`` is a cue; who speaks it is the ``ttm:agent`` it names, or its ``<div>``'s, or a
``<span ttm:agent=…>`` inside it that hands over to another speaker mid-cue; the agent's ``<ttm:name type="full">``
(else its first other name) is the label. Cues are read into :class:`~transcript_kit.formats.subtitles.Cue`
records whose offsets point into the XML as it is, and grouped into turns as every subtitle format's are. The
file is read with regular expressions over the text, not an XML tree, so every character keeps its place.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from transcript_kit.formats.subtitles import Cue, visible_spans

# The root element in the TTML namespace (or DFXP's older one), among the file's first characters.
_ROOT = re.compile(r"<tt\b[^>]*\bxmlns(?::\w+)?=[\"']http://www\.w3\.org/(?:ns/ttml|2006/(?:04|10)/ttaf1)[\"']")
_ROOT_WITHIN = 4096
_AGENT = re.compile(r"<ttm:agent\b(?P<attrs>[^>]*)>(?P<body>.*?)</ttm:agent>", re.S)
_NAME = re.compile(r"<ttm:name\b(?P<attrs>[^>]*)>(?P<name>[^<]*)</ttm:name>")
_ID = re.compile(r"\bxml:id=[\"']([^\"']*)[\"']")
_TYPE = re.compile(r"\btype=[\"']([^\"']*)[\"']")
_AGENT_REF = re.compile(r"\bttm:agent=[\"']([^\"']*)[\"']")
_BEGIN = re.compile(r"\bbegin=[\"']([^\"']*)[\"']")
_END = re.compile(r"\bend=[\"']([^\"']*)[\"']")
_DUR = re.compile(r"\bdur=[\"']([^\"']*)[\"']")
_FRAME_RATE = re.compile(r"\bttp:frameRate=[\"'](\d+)[\"']")
# The elements that shape the body: a division, a paragraph (a cue), a span, a line break; comments are skipped.
_ELEMENT = re.compile(r"<!--.*?-->|<(?P<close>/)?(?P<tag>body|div|p|span|br)\b(?P<attrs>[^>]*?)(?P<empty>/)?>", re.S)
# A time expression: a clock time ("00:00:01.001", frames after a third colon: "00:00:01:15"), or an offset with
# its unit ("12.5s", "1500ms", "90f").
_CLOCK = re.compile(r"(\d+):(\d{2}):(\d{2})(?:\.(\d+)|:(\d+)(?:\.\d+)?)?")
_OFFSET = re.compile(r"(\d+(?:\.\d+)?)(h|m|s|ms|f)")
_UNIT_MS = {"h": 3_600_000, "m": 60_000, "s": 1000, "ms": 1}


def looks_like_ttml(text: str) -> bool:
    """Whether ``text`` is a TTML document: its root element in the TTML (or DFXP) namespace."""
    return _ROOT.search(text, 0, _ROOT_WITHIN) is not None


def read_ttml(text: str, path: str | None = None) -> tuple[Cue, ...]:
    """The cues of a TTML document, each with the name of the agent who speaks it as its voice (``path`` is not
    needed: nothing in a TTML document is an error)."""
    names = _agent_names(text)
    rate_match = _FRAME_RATE.search(text, 0, _ROOT_WITHIN)
    frame_rate = int(rate_match[1]) if rate_match else 30
    body = text.find("<body")
    return tuple(_cues(text, max(body, 0), names, frame_rate))


def _agent_names(text: str) -> dict[str, str]:
    """Each agent's id and the name it is printed under: its full name, else its first name of any type."""
    names: dict[str, str] = {}
    for agent in _AGENT.finditer(text):
        found = _ID.search(agent["attrs"])
        if found is None:
            continue
        printed = [(kind[1] if (kind := _TYPE.search(m["attrs"])) else "", m["name"]) for m in _NAME.finditer(agent["body"])]
        full = [name for kind, name in printed if kind == "full"]
        chosen = (full or [name for _, name in printed] or [""])[0]
        name = " ".join(html.unescape(chosen).split())
        if name:
            names[found[1]] = name
    return names


def _cues(text: str, start: int, names: dict[str, str], frame_rate: int) -> Iterator[Cue]:
    """Walk the body's elements: divisions give their agent to what they hold, each paragraph is a cue, a span
    with an agent of its own is its speaker's part of the cue, a line break parts the words on either side."""
    agents: list[str | None] = []  # the agent of each open division or span, innermost last
    index = 0
    paragraph: tuple[int, int, str | None] | None = None  # begin_ms, end_ms, agent of the open paragraph
    part_start, part_agent = 0, None  # where the current part of the paragraph starts, and whose it is
    last_end = 0
    for element in _ELEMENT.finditer(text, start):
        tag = element["tag"]
        if tag is None or tag == "body":
            continue
        attrs, closing = element["attrs"] or "", element["close"] is not None
        inherited = agents[-1] if agents else None
        if tag == "div":
            if closing:
                agents.pop() if agents else None
            elif not element["empty"]:
                agents.append(_agent_of(attrs) or inherited)
        elif tag == "p" and not closing:
            begin = _time_ms(_BEGIN.search(attrs), frame_rate, last_end)
            duration = _DUR.search(attrs)
            end = _time_ms(_END.search(attrs), frame_rate, begin + (_time_ms(duration, frame_rate, 0) if duration else 0))
            paragraph = (begin, end, _agent_of(attrs) or inherited)
            part_start, part_agent = element.end(), paragraph[2]
            agents.append(paragraph[2])
        elif paragraph is not None and (tag == "br" or tag == "span" or tag == "p"):
            speaker_changes = tag == "span" and not closing and _agent_of(attrs) is not None
            span_closes = tag == "span" and closing
            if tag == "br" or tag == "p" or speaker_changes or span_closes:
                voice = names.get(part_agent or "", part_agent)
                for visible in visible_spans(text, part_start, element.start()):
                    yield Cue(index, paragraph[0], paragraph[1], voice, visible.start, visible.end, visible.text)
                part_start = element.end()
            if tag == "span":
                if closing:
                    agents.pop() if len(agents) > 1 else None
                elif not element["empty"]:
                    agents.append(_agent_of(attrs) or agents[-1])
                part_agent = agents[-1] if agents else None
            elif tag == "p":  # the paragraph closes
                agents.pop() if agents else None
                last_end, paragraph = paragraph[1], None
                index += 1


def _agent_of(attrs: str) -> str | None:
    found = _AGENT_REF.search(attrs)
    return found[1].split()[0] if found and found[1].strip() else None


def _time_ms(found: re.Match[str] | None, frame_rate: int, default: int) -> int:
    """A TTML time expression in milliseconds, or ``default`` where there is none or it does not parse."""
    if found is None:
        return default
    value = found[1].strip()
    clock = _CLOCK.fullmatch(value)
    if clock is not None:
        hours, minutes, seconds, fraction, frames = clock.groups()
        ms = ((int(hours) * 60 + int(minutes)) * 60 + int(seconds)) * 1000
        if fraction:
            ms += int(fraction[:3].ljust(3, "0"))
        elif frames:
            ms += int(frames) * 1000 // max(frame_rate, 1)
        return ms
    offset = _OFFSET.fullmatch(value)
    if offset is not None:
        amount, unit = float(offset[1]), offset[2]
        return int(amount * 1000 / max(frame_rate, 1)) if unit == "f" else int(amount * _UNIT_MS[unit])
    return default
