"""Bytes to text, and nothing else: the decoded text is never rewritten, so every exported offset points into it."""

from __future__ import annotations

import codecs
import re

import attrs
import charset_normalizer

from transcript_kit.errors import DecodeError

# Longest BOMs first: the UTF-32-LE BOM begins with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control bytes that never occur in text (tab, newline, carriage return, form feed and escape do).
_BINARY_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0E, 0x0F, *range(0x10, 0x1B)])
_SNIFF = 8192


# Bytes offsets named in a repair warning: the first few, then a count (a warning stays one readable line).
_SHOWN_OFFSETS = 8
# A UTF-16/32 file without a BOM: at least this share of its code units have the NUL high bytes of Latin text.
_WIDE_NUL_SHARE = 0.6


@attrs.frozen(slots=True)
class Decoded:
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()  # every repair made while decoding, with the byte offsets it touched


def _looks_binary(data: bytes, markup: bytes = b"") -> int | None:
    """Where the bytes stop looking like text (a NUL anywhere, or control bytes near the start, not counting the
    ``markup`` controls the format prints), else None."""
    nul = data.find(b"\x00")
    if nul != -1:
        return nul
    head = data[:_SNIFF]
    binary = _BINARY_BYTES.translate(None, markup) if markup else _BINARY_BYTES
    controls = len(head) - len(head.translate(None, binary))
    if controls > max(2, len(head) // 100):
        return next(i for i, byte in enumerate(head) if byte in binary)
    return None


def decode(data: bytes, path: str | None = None, markup: bytes = b"") -> Decoded:
    """Decode an input: BOM, then UTF-16/32 told by its NUL bytes, then strict UTF-8, then UTF-8 repaired line by
    line, then a legacy-encoding detector; binary input is refused. Every repair is a warning.

    ``markup``: control characters the input's format prints as markup (CHAT's timing bullets, U+0015; see
    :data:`transcript_kit.formats.MARKUP_CONTROLS`), which are no sign of binary data there."""
    where = path or "<bytes>"
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(encoding.replace("-sig", "")), encoding)
            except UnicodeDecodeError as error:
                raise DecodeError(
                    f"{where}: byte {error.start}: not valid {encoding} despite its BOM"
                ) from None
    wide = _decode_wide(data, where, markup)
    if wide is not None:
        return wide
    binary_at = _looks_binary(data, markup)
    if binary_at is not None:
        raise DecodeError(
            f"{where}: byte {binary_at}: binary data (NUL or control bytes), not a text transcript"
        )
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if _has_utf8_sequence(data):
        return _decode_damaged_utf8(data, where)
    return _decode_legacy(data, where)


def _decode_wide(data: bytes, where: str, markup: bytes) -> Decoded | None:
    """UTF-32 or UTF-16 without a BOM, told by where the NUL bytes fall (the high bytes of Latin-script code
    units), or None. Text in other scripts has fewer NULs, but still a clear majority in one column."""
    if len(data) < 4 or b"\x00" not in data[:_SNIFF]:
        return None
    head = data[: _SNIFF - _SNIFF % 4]
    for encoding, unit, columns in (
        ("utf-32-le", 4, (1, 2, 3)),
        ("utf-32-be", 4, (0, 1, 2)),
        ("utf-16-le", 2, (1,)),
        ("utf-16-be", 2, (0,)),
    ):
        if len(data) % unit:
            continue
        units = len(head) // unit
        if all(head[column::unit].count(0) >= _WIDE_NUL_SHARE * units for column in columns):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            # Its head is encoded to be looked at, not the whole text (a second copy of a large file).
            if "\x00" not in text and _looks_binary(text[:_SNIFF].encode("utf-8")[:_SNIFF], markup) is None:
                return Decoded(
                    text, encoding, (f"{where}: no byte-order mark; read as {encoding} (NUL pattern)",)
                )
    return None


def _has_utf8_sequence(data: bytes) -> bool:
    """Whether the bytes hold at least one well-formed multi-byte UTF-8 sequence: then the file is UTF-8, and
    bytes that are not are damage (or lines from another encoding), not a reason to read it all as legacy."""
    return _UTF8_SEQUENCE.search(data) is not None


_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _decode_damaged_utf8(data: bytes, where: str) -> Decoded:
    """UTF-8 with lines that are not: a line holding no UTF-8 sequence of its own and reading as cp1252 is cp1252
    (a file pasted together from two sources); any other bad byte is replaced by U+FFFD. Line by line, so one
    bad byte never changes how the rest of the file reads. The warnings name the byte offsets."""
    pieces: list[str] = []
    legacy_lines: list[int] = []
    replaced: list[int] = []
    offset = 0
    for number, line in enumerate(data.splitlines(keepends=True), start=1):
        try:
            pieces.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            if not _has_utf8_sequence(line):
                try:
                    pieces.append(line.decode("cp1252"))
                    legacy_lines.append(number)
                    offset += len(line)
                    continue
                except UnicodeDecodeError:
                    pass
            pieces.append(_replace_bad_bytes(line, offset, replaced))
        offset += len(line)
    warnings = []
    if legacy_lines:
        warnings.append(
            f"{where}: mixed encodings: {_counted(legacy_lines, 'line')} not UTF-8, read as cp1252"
        )
    if replaced:
        warnings.append(
            f"{where}: not valid UTF-8 at {_counted(replaced, 'byte offset')}; "
            "replaced by U+FFFD, the rest read as UTF-8"
        )
    return Decoded("".join(pieces), "utf-8", tuple(warnings))


def _replace_bad_bytes(line: bytes, offset: int, replaced: list[int]) -> str:
    """The line decoded as UTF-8 with each invalid byte replaced; their file offsets go into ``replaced``."""
    out: list[str] = []
    position = 0
    while position < len(line):
        try:
            out.append(line[position:].decode("utf-8"))
            break
        except UnicodeDecodeError as error:
            out.append(line[position : position + error.start].decode("utf-8"))
            bad_end = position + error.end
            replaced.extend(range(offset + position + error.start, offset + bad_end))
            out.append("\ufffd")
            position = bad_end
    return "".join(out)


def _counted(numbers: list[int], noun: str) -> str:
    shown = ", ".join(map(str, numbers[:_SHOWN_OFFSETS]))
    more = f" and {len(numbers) - _SHOWN_OFFSETS:,} more" if len(numbers) > _SHOWN_OFFSETS else ""
    return f"{noun}{'s' if len(numbers) > 1 else ''} {shown}{more}"


def _decode_legacy(data: bytes, where: str) -> Decoded:
    best = charset_normalizer.from_bytes(data).best()
    # Western legacy text is by far the most common case, and the detector's guesses on short samples are noisy;
    # so cp1252 wins whenever it decodes cleanly and the detector did not find a clearly different script.
    guess = best.encoding if best is not None else None
    if guess is None or guess in {"cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "mac_roman"}:
        for encoding in ("cp1252", "latin-1"):
            try:
                return Decoded(data.decode(encoding), encoding, (f"{where}: not UTF-8; read as {encoding}",))
            except UnicodeDecodeError:
                continue
    if best is None:
        raise DecodeError(f"{where}: no text encoding fits these bytes")
    return Decoded(str(best), best.encoding, (f"{where}: not UTF-8; read as {best.encoding} (detected)",))
