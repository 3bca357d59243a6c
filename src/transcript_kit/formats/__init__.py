"""Format readers: each turns a decoded source into content lines (text), cues (subtitles: SRT, WebVTT, SBV, TTML,
ASS/SSA), or turns read from speaker markup (tagged text, TEI XML), from a researcher's transcript (CHAT, Praat
TextGrid, ELAN, Transcriber), from a speech corpus's transcript (NIST STM, the Santa Barbara Corpus's ``.trn``,
Switchboard, CALLHOME/CallFriend/Fisher, the ICE), from a screenplay (Final Draft), from extracted web pages (HTML)
and from the JSON a speech recognizer writes (WhisperX, Whisper, AssemblyAI, Amazon Transcribe, Deepgram, Rev.ai,
Google Speech-to-Text, Speechmatics: :mod:`transcript_kit.formats.asr_json`, the tool told by the JSON's structure),
with offsets into the decoded source.

``SUFFIX_FORMATS`` is the one table of which file names are read and by which reader (suffixes compared in lower
case: Praat's ``.TextGrid`` too); a ``.txt`` of speaker markup is told by its content
(:func:`transcript_kit.formats.tagged.looks_tagged`), and so are a ``.txt`` of a speech corpus's transcript
(:func:`transcript_kit.formats.switchboard.looks_like_switchboard`,
:func:`transcript_kit.formats.callhome.looks_like_callhome`, :func:`transcript_kit.formats.ice.looks_like_ice`:
``CONTENT_FORMATS``) and an ``.xml`` of timed text (:func:`transcript_kit.formats.ttml.looks_like_ttml`).
"""

SUFFIX_FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".markdown": "text",
    ".srt": "srt",
    ".vtt": "vtt",
    ".sbv": "sbv",
    ".ttml": "ttml",
    ".dfxp": "ttml",
    ".ass": "ass",
    ".ssa": "ass",
    ".xml": "tei",
    ".html": "html",
    ".htm": "html",
    ".cha": "chat",
    ".textgrid": "textgrid",
    ".eaf": "eaf",
    ".trs": "trs",
    ".fdx": "fdx",
    ".stm": "stm",
    ".trn": "trn",
    ".json": "json",
}
# The formats of a .txt told by its content, which no suffix names: speaker markup, and the speech corpora's
# transcripts that come as a .txt.
CONTENT_FORMATS = ("tagged", "switchboard", "callhome", "ice")

# Control characters a format prints as markup, which the decoder must not take for signs of binary data: CHAT's
# timing bullets (U+0015 on either side of "1234_5678", one pair on nearly every utterance line).
MARKUP_CONTROLS = {"chat": b"\x15"}
