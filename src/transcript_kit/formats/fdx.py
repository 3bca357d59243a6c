"""Final Draft screenplays (``.fdx``): the script's ``<Content>`` is a run of typed paragraphs::

    <Paragraph Type="Character"><Text>MAYA (V.O.)</Text></Paragraph>
    <Paragraph Type="Parenthetical"><Text>(whispering)</Text></Paragraph>
    <Paragraph Type="Dialogue"><Text>Is anyone </Text><Text Style="Italic">there</Text><Text>?</Text></Paragraph>

A ``Character`` paragraph is the cue (the label as printed, its extensions ``(V.O.)``, ``(CONT'D)`` included); the
``Dialogue`` paragraphs after it are that character's turn, one paragraph each; a ``Parenthetical`` is a stage
direction (a stage record between the turn's parts); a scene heading, action, transition or shot is no speech and
ends the exchange. Which paragraph types play which part is data (vocabulary ``[markup]`` ``fdx_*``). A
paragraph's text may come in several ``<Text>`` runs (a style changing inside it): they are joined as printed.
``<DualDialogue>`` (two characters speaking at once) holds both exchanges, read in order. The title page, the
SmartType lists of names and places, headers, footers and script notes are no part of the script's content.
"""

from __future__ import annotations

from transcript_kit.columns import TurnTable
from transcript_kit.conventions.vocabulary import VOCABULARY
from transcript_kit.formats.reading import Reading
from transcript_kit.formats.safe_xml import PlacedText, parse_xml
from transcript_kit.labels import parse_label
from transcript_kit.model import TurnKind

__all__ = ["read_fdx"]

_CUES = VOCABULARY.folded("markup_fdx_cue_paragraphs")
_SPEECH = VOCABULARY.folded("markup_fdx_speech_paragraphs")
_DIRECTIONS = VOCABULARY.folded("markup_fdx_direction_paragraphs")
_SCRIPT = ["FinalDraft", "Content"]  # the script's own paragraphs are here (the title page has a Content too)
_HOLDERS = frozenset({"Paragraph", "DualDialogue"})  # what may hold a script paragraph inside the content


class _Paragraph:
    def __init__(self, kind: str, read: bool) -> None:
        self.kind = kind
        self.read = read  # a paragraph of the script (not of the title page, a note, a scene's summary)
        self.holds_paragraphs = False  # a wrapper (of a DualDialogue): its paragraphs are read, not it
        self.chunks: list[tuple[str, int, int]] = []

    def words(self, source: str) -> tuple[str, int, int] | None:
        visible = [(start, end) for data, start, end in self.chunks if data.strip()]
        if not visible:
            return None
        start, end = visible[0][0], visible[-1][1]
        while start < end and source[start].isspace():
            start += 1
        while end > start and source[end - 1].isspace():
            end -= 1
        return " ".join("".join(data for data, _, _ in self.chunks).split()), start, end


class _FinalDraftHandler(PlacedText):
    root = "FinalDraft"
    format_name = "a Final Draft screenplay (.fdx)"

    def __init__(self, source: str, path: str | None) -> None:
        super().__init__(source, path)
        self.table = TurnTable(source)
        self.paragraphs: list[_Paragraph] = []  # the open paragraphs, innermost last
        self.character: str | None = None  # the cue the dialogue now is under
        self.speech: list[tuple[str, int, int]] = []  # the character's dialogue paragraphs so far
        self.n_paragraphs = 0

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        if tag == "Paragraph":
            if self.paragraphs:
                self.paragraphs[-1].holds_paragraphs = True
            outer = self.stack[:-1]
            read = outer[: len(_SCRIPT)] == _SCRIPT and all(t in _HOLDERS for t in outer[len(_SCRIPT) :])
            self.paragraphs.append(_Paragraph(attributes.get("Type", "").strip().casefold(), read))

    def text(self, data: str, start: int, end: int) -> None:
        # A paragraph's own text runs (a scene's properties or a note inside it hold text of their own).
        if self.paragraphs and self.stack[-2:] == ["Paragraph", "Text"]:
            self.paragraphs[-1].chunks.append((data, start, end))

    def end(self, tag: str) -> None:
        if tag != "Paragraph" or not self.paragraphs:
            return
        paragraph = self.paragraphs.pop()
        words = paragraph.words(self.source)
        if not paragraph.read or paragraph.holds_paragraphs or words is None:
            return
        self.n_paragraphs += 1
        if paragraph.kind in _SPEECH:
            self.speech.append(words)
            return
        self._said()
        if paragraph.kind in _CUES:
            self.character = words[0]
        elif paragraph.kind in _DIRECTIONS:
            self.table.add(TurnKind.STAGE, *words)
        else:  # a scene heading, action, transition: the exchange is over
            self.character = None

    def _said(self) -> None:
        """The dialogue paragraphs so far are the character's turn (a paragraph each)."""
        if self.speech:
            label = self.character
            self.table.add(
                TurnKind.TURN,
                "\n\n".join(text for text, _, _ in self.speech),
                self.speech[0][1],
                self.speech[-1][2],
                label=label,
                parsed_label=parse_label(label) if label else None,
                parts=[(start, end) for _, start, end in self.speech],
            )
            self.speech = []

    def finish(self) -> None:
        self._said()


def read_fdx(text: str, path: str | None = None) -> Reading:
    """The turns of a Final Draft screenplay (see the module's docstring)."""
    handler = _FinalDraftHandler(text, path)
    read = parse_xml(text, handler, path)
    warnings = read.entity_warnings()
    if not handler.table:
        warnings += ("Final Draft file without dialogue: no speech",)
    return Reading(handler.table.done(), warnings=warnings)
