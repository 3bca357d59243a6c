"""Comparison keys for names and labels: case-, accent- and punctuation-insensitive, names kept as written."""

from __future__ import annotations

import functools
import re
import unicodedata
from urllib.parse import urlsplit

_DASHES = re.compile(r"[\u2010-\u2015\u2212-]")
_DROP = re.compile(r"[.'\u2019`\u2018\u201b]")
_SPACE = re.compile(r"\s+")


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """NFC, casefold, strip accents, unify dashes, drop periods and apostrophes ("U.S." == "US")."""
    if text.isascii():  # most names: nothing to normalize, no accents to strip (cheap at registry scale)
        stripped = text.lower()
    else:
        decomposed = unicodedata.normalize("NFD", unicodedata.normalize("NFC", text).casefold())
        stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = _DROP.sub("", _DASHES.sub("-", stripped))
    return _SPACE.sub(" ", stripped).strip()


def source_host(source: str) -> str | None:
    """The host of a source URL, lower-case and without "www." ("https://www.state.gov/x" -> "state.gov");
    None when the source is a publisher's name rather than a URL."""
    host = urlsplit(source).hostname if "//" in source else None
    return host.lower().removeprefix("www.") if host else None
