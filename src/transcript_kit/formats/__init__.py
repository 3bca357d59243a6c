"""Format readers: each turns a decoded source into content lines (text), cues (subtitles), or turns read from
speaker markup (tagged text, TEI XML) and extracted web pages (HTML), with offsets into the decoded source.

``SUFFIX_FORMATS`` is the one table of which file names are read and by which reader; a ``.txt`` of speaker
markup is told by its content (:func:`transcript_kit.formats.tagged.looks_tagged`).
"""

SUFFIX_FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".markdown": "text",
    ".srt": "srt",
    ".vtt": "vtt",
    ".xml": "tei",
    ".html": "html",
    ".htm": "html",
}
