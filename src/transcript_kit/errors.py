"""The errors transcript-kit raises: one base class, each subclass also a matching builtin."""

from __future__ import annotations


class TranscriptKitError(Exception):
    """Base class of every error transcript-kit raises on purpose."""


def describe_place(path: str | None, text: str | None, offset: int | None) -> str:
    """Name a place in a source as ``path:line:column`` followed by the offending line, for error messages."""
    where = path or "<text>"
    if text is None or offset is None:
        return where
    offset = max(0, min(offset, len(text)))
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    if line_end == -1:
        line_end = len(text)
    line_no = text.count("\n", 0, offset) + 1
    column = offset - line_start + 1
    shown = text[line_start:line_end].strip()
    if len(shown) > 80:
        shown = shown[:77] + "..."
    return f"{where}:{line_no}:{column}: {shown!r}"


class DecodeError(TranscriptKitError, ValueError):
    """The bytes of an input are not text we can read (binary, or no encoding fits)."""


class ParseError(TranscriptKitError, ValueError):
    """A document's structure could not be parsed."""


class RegistryError(TranscriptKitError, ValueError):
    """A registry file is malformed: names the file, the entry and the problem."""


class InputError(TranscriptKitError, OSError):
    """An input path cannot be read."""


class OutputError(TranscriptKitError, OSError):
    """The output cannot be written (a full disk, a quota, a read-only file system): names the path."""


class ConventionError(TranscriptKitError, ValueError):
    """A convention profile is malformed or unknown: names the file, the entry and the problem."""


class SchemaError(TranscriptKitError, ValueError):
    """Rows handed to a writer do not match the table's schema: names the table and the keys in question."""


class ArgumentError(TranscriptKitError, TypeError):
    """A library call was given a value of a type it does not take (``tk.parse(None)``)."""


class FormatError(TranscriptKitError, ValueError):
    """A format name that transcript-kit has no reader for (``tk.parse(text, fmt="pdf")``)."""
