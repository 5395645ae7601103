"""Bytes of a file turned into text: byte-order marks, UTF-8, and a legacy fallback said aloud.

A file with a UTF-8, UTF-16 or UTF-32 byte-order mark is read in that encoding. Without one it
must be UTF-8, else it is read as Windows-1252 (Latin-1 for the five bytes that code page leaves
undefined) with a warning naming the first byte that is not UTF-8. NUL bytes without a mark, or
a legacy reading full of control characters, make a binary file.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import Optional

# Longest first: the UTF-32 little-endian mark begins with the UTF-16 one.
BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
LEGACY = "cp1252"
# Control characters other than tab, newline, carriage return and form feed: text has few of them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
MOST_CONTROLS = 0.01   # a legacy reading with more than this share of control characters is binary


@dataclass
class Decoded:
    """The text of a file, or why it has none; `warning` when it was read with a doubt."""

    text: Optional[str] = None
    reason: Optional[str] = None     # why it cannot be read as text
    code: str = "encoding"           # binary | encoding, when `reason` is set
    warning: Optional[str] = None


def decode(data: bytes) -> Decoded:
    """The text of a file's bytes (see the module docstring)."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _with_bom(data, len(bom), encoding)
    nul = data.find(b"\x00")
    if nul >= 0:
        return Decoded(reason=f"binary file (NUL byte at byte {nul}), not text", code="binary")
    try:
        return Decoded(text=data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return _legacy(data, exc)


def _with_bom(data: bytes, skip: int, encoding: str) -> Decoded:
    try:
        return Decoded(text=data[skip:].decode(encoding))
    except UnicodeDecodeError as exc:
        at = skip + exc.start
        return Decoded(reason=f"not valid {encoding.upper()} after its byte-order mark: byte 0x{data[at]:02x} "
                              f"at byte {at} ({exc.reason})")


def _legacy(data: bytes, exc: UnicodeDecodeError) -> Decoded:
    """A file that is not UTF-8, read as Windows-1252; binary when that reading is mostly control characters."""
    at = exc.start
    try:
        text, name = data.decode(LEGACY), "Windows-1252"
    except UnicodeDecodeError:
        text, name = data.decode("latin-1"), "Latin-1"
    controls = len(_CONTROL.findall(text))
    if controls > max(2, MOST_CONTROLS * len(text)):
        return Decoded(reason=f"binary file ({controls} control characters; not valid UTF-8 from byte {at}), "
                              "not text", code="binary")
    return Decoded(text=text, warning=f"not valid UTF-8 (byte 0x{data[at]:02x} at byte {at}): read as {name}")
