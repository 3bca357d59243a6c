"""Format readers: each turns a decoded source into content lines (text), cues (subtitles: SRT, WebVTT, SBV, TTML),
or turns read from speaker markup (tagged text, TEI XML) and extracted web pages (HTML), with offsets into the
decoded source.

``SUFFIX_FORMATS`` is the one table of which file names are read and by which reader; a ``.txt`` of speaker
markup is told by its content (:func:`transcript_kit.formats.tagged.looks_tagged`), and so is an ``.xml`` of timed
text (:func:`transcript_kit.formats.ttml.looks_like_ttml`).
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
    ".xml": "tei",
    ".html": "html",
    ".htm": "html",
}
