"""Small text helpers shared by the readers and the pipeline."""

from __future__ import annotations


def normalize_space(text: str) -> str:
    """Runs of white space as one space, none at either end: how a paragraph's text is read from its lines."""
    return " ".join(text.split())


def printable_name(name: str) -> str:
    """A file name as valid UTF-8 text.

    On POSIX a file name is bytes; Python keeps bytes that are not UTF-8 as lone surrogates ("surrogateescape"),
    which no UTF-8 writer accepts. They are shown as ``\\xNN`` instead, so the name can go into every table.
    """
    if name.isascii():
        return name
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that did not come from a file name (a str built by a caller)
        return name.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def undecodable_name_warning(shown: str) -> str:
    return f"{shown}: the file name is not valid UTF-8; its undecodable bytes are shown as \\xNN in path and doc_id"
