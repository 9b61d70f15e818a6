"""Raw page bytes → text: UTF-8 first, then the encodings Vietnamese pages really come in."""
from __future__ import annotations

import codecs
import re


class DecodeError(ValueError):
    """The bytes are not text this importer can read; the message says why."""


# Windows-1258 is what older Vietnamese Windows sites saved; UTF-16 appears in pages saved by
# Windows browsers (always with a BOM). Latin-1 would "decode" anything, so it is never tried.
_FALLBACKS = ("cp1258",)
_VIETNAMESE = set("ăâđêôơưĂÂĐÊÔƠƯ")


def decode(data: bytes) -> tuple[str, str]:
    """Decode a raw page; returns (text, encoding). Raises DecodeError for empty or binary data."""
    if not data.strip():
        raise DecodeError("the file is empty")
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return _check(data.decode(enc)), enc
            except UnicodeDecodeError as exc:
                raise DecodeError(f"starts with a {enc} byte-order mark but is not {enc} (byte {exc.start})") from None
    if b"\x00" in data[:4096]:
        raise DecodeError("binary data (NUL bytes), not a text page")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_error = exc.start
    else:
        # In UTF-8 a control character is one byte that no other character's encoding holds:
        # deleting those bytes (a C loop) tells sooner than searching the text whether any is there.
        return _check(text, len(data.translate(None, _CONTROL_BYTES)) < len(data)), "utf-8"
    for enc in _FALLBACKS:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if sum(ch in _VIETNAMESE for ch in text) >= 3 or not any(b > 0x7F for b in data):
            return _check(text), enc
    raise DecodeError(f"not UTF-8 (invalid byte at offset {first_error}) nor Windows-1258 Vietnamese text")


_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f]")
_CONTROL_BYTES = bytes(range(0x00, 0x09)) + b"\x0b" + bytes(range(0x0e, 0x20))  # the same, as bytes


def _check(text: str, maybe: bool = True) -> str:
    """text, checked and without control characters (maybe: whether it may hold any)."""
    first = _CONTROLS.search(text) if maybe else None  # most pages have none: one scan decides it
    if first is not None:
        controls = len(_CONTROLS.findall(text, 0, 20000))
        if controls > max(8, len(text[:20000]) // 100):
            raise DecodeError("binary data (control characters), not a text page")
    if not text or text.isspace():
        raise DecodeError("the file is empty")
    # The few control characters a text page may carry are dropped: an XML feed cannot hold them.
    return _CONTROLS.sub("", text) if first is not None else text
