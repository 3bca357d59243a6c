"""Bytes to text, and nothing else: the decoded text is never rewritten, so every exported offset points into it."""

from __future__ import annotations

import codecs

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


@attrs.frozen(slots=True)
class Decoded:
    text: str
    encoding: str


def _looks_binary(data: bytes) -> int | None:
    """Where the bytes stop looking like text (a NUL anywhere, or control bytes near the start), else None."""
    nul = data.find(b"\x00")
    if nul != -1:
        return nul
    head = data[:_SNIFF]
    controls = len(head) - len(head.translate(None, _BINARY_BYTES))
    if controls > max(2, len(head) // 100):
        return next(i for i, byte in enumerate(head) if byte in _BINARY_BYTES)
    return None


def decode(data: bytes, path: str | None = None) -> Decoded:
    """Decode an input: BOM, then strict UTF-8, then a legacy-encoding detector; binary input is refused."""
    where = path or "<bytes>"
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(encoding.replace("-sig", "")), encoding)
            except UnicodeDecodeError as error:
                raise DecodeError(
                    f"{where}: byte {error.start}: not valid {encoding} despite its BOM"
                ) from None
    binary_at = _looks_binary(data)
    if binary_at is not None:
        raise DecodeError(
            f"{where}: byte {binary_at}: binary data (NUL or control bytes), not a text transcript"
        )
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    return _decode_legacy(data, where)


def _decode_legacy(data: bytes, where: str) -> Decoded:
    best = charset_normalizer.from_bytes(data).best()
    # Western legacy text is by far the most common case, and the detector's guesses on short samples are noisy;
    # so cp1252 wins whenever it decodes cleanly and the detector did not find a clearly different script.
    guess = best.encoding if best is not None else None
    if guess is None or guess in {"cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "mac_roman"}:
        for encoding in ("cp1252", "latin-1"):
            try:
                return Decoded(data.decode(encoding), encoding)
            except UnicodeDecodeError:
                continue
    if best is None:
        raise DecodeError(f"{where}: no text encoding fits these bytes")
    return Decoded(str(best), best.encoding)
