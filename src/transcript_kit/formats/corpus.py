"""What the speech corpora's transcripts share (NIST STM, the Santa Barbara Corpus, Switchboard, CALLHOME, the ICE):
their speakers' codes, and how their pieces of speech make turns.

A corpus labels its speakers with codes: a channel's letter (Switchboard's and CALLHOME's ``A``, ``B``), a
participant's pseudonym in capitals (the Santa Barbara Corpus's ``DORIS``), a mark (the ICE's ``$A``), a scoring
reference's speaker id (``spk_alice``, ``en_4156_A``). A code names one participant of one recording and no one
else, so it is not read by the label grammar (which takes ``A`` for an answer's role and ``B`` for a family name):
its parsed label has no parts, and its speaker is the document's own (``doc:<doc>#a``). A code a corpus gives a
speaker its transcriber could not identify (the Santa Barbara Corpus's ``X``, the ICE's ``$?``: vocabulary
``[markup]`` ``unknown_speaker_codes``) is the role of someone unidentified, as an "Unknown speaker" label is.

Consecutive pieces of one speaker make one turn (:class:`~transcript_kit.formats.subtitles.CueTurns`), and a
transcription's marks are the speaker's own, never a stage record of their own: brackets mark an overlap
(``[2@@2]``), a laugh or a breath alone on a line is the speaker's.
"""

from __future__ import annotations

from transcript_kit.conventions.vocabulary import VOCABULARY
from transcript_kit.formats.subtitles import CueTurns
from transcript_kit.model import Label

__all__ = ["code_label", "corpus_turns"]

_UNKNOWN = VOCABULARY.folded("markup_unknown_speaker_codes")
_UNIDENTIFIED = VOCABULARY.role_keys["unknown speaker"]


def code_label(code: str) -> Label:
    """The parsed label of a corpus's speaker code (see the module's docstring)."""
    return Label(raw=code, role=_UNIDENTIFIED) if code.casefold() in _UNKNOWN else Label(raw=code)


def corpus_turns(source: str) -> CueTurns:
    """The turns a corpus transcript's pieces make, labelled by their codes (see the module's docstring)."""
    return CueTurns(source, read_label=code_label, sounds_apart=False)
