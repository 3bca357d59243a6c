"""ConvoKit corpus export (``--format convokit``): ``convokit.Corpus(filename=OUT/convokit)`` loads it.

ConvoKit's documented layout (https://convokit.cornell.edu/documentation/data_format.html): ``utterances.jsonl``
(one utterance a line: ``id``, ``speaker``, ``conversation_id`` — the id of the conversation's first utterance —,
``reply_to``, ``timestamp``, ``text``, ``meta``), ``speakers.json`` and ``conversations.json`` (id to metadata),
``corpus.json`` (the corpus's metadata) and ``index.json`` (each metadata key's value types, as
``"<class 'str'>"``). Here a conversation is a document and each speech record replies to the one before it.
Stage directions and inserted material are not utterances (they have no speaker); their words stay in the
turns table.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import orjson

from transcript_kit import __version__
from transcript_kit.export.interchange import SPEECH_KINDS, DocumentRows, utterance_speaker
from transcript_kit.export.schema import SCHEMA_VERSION

FOLDER = "convokit"
_UTTERANCE_META = (
    "doc_id",
    "turn_index",
    "kind",
    "speaker_label",
    "speaker_name",
    "speaker_role",
    "resolution",
    "char_start",
    "char_end",
)
_CONVERSATION_META = ("doc_id", "path", "title", "date", "time", "location", "byline", "source", "format")
_SPEAKER_META = ("speaker_name", "roles", "labels", "resolution", "n_turns", "n_documents")


class _Index:
    """The value types seen under each metadata key, in ConvoKit's spelling."""

    def __init__(self) -> None:
        self.types: dict[str, list[str]] = {}

    def note(self, meta: Mapping[str, Any]) -> None:
        for key, value in meta.items():
            name = f"<class '{type(value).__name__}'>"
            seen = self.types.setdefault(key, [])
            if name not in seen:
                seen.append(name)


def _meta(row: Mapping[str, Any], keys: Iterable[str]) -> dict[str, Any]:
    """Metadata without nulls: ConvoKit types each key by its values, and a null has no type to share."""
    return {key: str(row[key]) if key == "date" else row[key] for key in keys if row.get(key) is not None}


def write_convokit(
    folder: Path, documents: Iterable[DocumentRows], speakers: Iterable[Mapping[str, Any]]
) -> tuple[str, ...]:
    """Write the corpus in ConvoKit's layout into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    conversations: dict[str, dict[str, Any]] = {}
    speaking: set[str] = set()
    indexes = {"utterances": _Index(), "speakers": _Index(), "conversations": _Index(), "overall": _Index()}
    with (folder / "utterances.jsonl").open("wb") as out:
        for document, turns in documents:
            doc_id = str(document["doc_id"])
            root: str | None = None
            previous: str | None = None
            for turn in turns:
                if turn.get("kind") not in SPEECH_KINDS:
                    continue
                utterance_id = f"{doc_id}#{turn['turn_index']}"
                speaker = utterance_speaker(doc_id, turn)
                speaking.add(speaker)
                root = root or utterance_id
                meta = _meta(turn, _UTTERANCE_META)
                indexes["utterances"].note(meta)
                utterance = {
                    "id": utterance_id,
                    "speaker": speaker,
                    "conversation_id": root,
                    "reply_to": previous,
                    "timestamp": turn.get("start_ms"),
                    "text": turn.get("text") or "",
                    "meta": meta,
                }
                out.write(orjson.dumps(utterance, option=orjson.OPT_APPEND_NEWLINE))
                previous = utterance_id
            if root is not None:
                conversations[root] = _meta(document, _CONVERSATION_META)
                indexes["conversations"].note(conversations[root])
    people: dict[str, dict[str, Any]] = {}
    for speaker_row in speakers:
        if speaker_row.get("speaker_id") in speaking:
            people[str(speaker_row["speaker_id"])] = _meta(speaker_row, _SPEAKER_META)
    for speaker in sorted(speaking - people.keys()):
        people[speaker] = {}  # an unlabelled speech's document-scoped speaker: no row in the speakers table
    for meta in people.values():
        indexes["speakers"].note(meta)
    corpus: dict[str, Any] = {
        "name": "transcript-kit export",
        "tool": f"transcript-kit {__version__}",
        "schema_version": SCHEMA_VERSION,
    }
    indexes["overall"].note(corpus)
    index = {f"{name}-index": found.types for name, found in indexes.items()}
    files = {
        "speakers.json": people,
        "conversations.json": conversations,
        "corpus.json": corpus,
        "index.json": {**index, "version": 1, "vectors": []},
    }
    for name, data in files.items():
        (folder / name).write_bytes(orjson.dumps(data, option=orjson.OPT_SORT_KEYS))
    return tuple(f"{FOLDER}/{name}" for name in ("utterances.jsonl", *files))
