"""Article lines → Markdown blocks: paragraphs, `##` subheadings, `-` lists, escaped so text stays text."""
from __future__ import annotations

import re

from ..text import fold
from . import lines as L

_BULLET = re.compile(r"^(?:[-–•+*▪●■◦]|\d{1,2}[.)])\s+(?=\S)")
# Characters Markdown would read as markup; escaped so the body renders exactly as it was written.
_MARKUP = "\\`*_[]<>|~"
_INLINE = re.compile(f"([{re.escape(_MARKUP)}])")
_LINE_START = re.compile(r"^(#{1,6}\s|>|[-+=]\s|\d{1,9}[.)]\s)")
_STARTS = "#>-+="  # what _LINE_START opens with, but for a digit


def escape(text: str) -> str:
    """Text as Markdown that renders as the same text (no emphasis, links, HTML or headings)."""
    # Most paragraphs have none: ten `in` tests (memchr each) cost less than one regex pass.
    for c in _MARKUP:
        if c in text:
            text = _INLINE.sub(r"\\\1", text)
            break
    return _escape_start(text)


def _escape_start(text: str) -> str:
    """escape() of a text without any markup character: its start, if Markdown would read it as markup."""
    if text[:1] in _STARTS or text[:1].isdecimal():  # (\d is a decimal digit, as isdecimal() says)
        return _LINE_START.sub(lambda m: "\\" + m.group(1), text)
    return text


def _subheading(line: str) -> bool:
    return not L.terminated(line) and L.has_words(line, 2) and not L.has_words(line, 26)


def _caption_like(line: str, caption_starts: tuple[str, ...]) -> bool:
    folded = fold(line)
    return any(folded.startswith(s + " ") for s in caption_starts)


def blocks(lines: list[str], caption_starts: tuple[str, ...] = ()) -> tuple[list[str], list[str]]:
    """Markdown blocks for the body lines, and the lines that turned out to be captions."""
    out: list[str] = []
    captions: list[str] = []
    # A body without any markup character (most) has none in any block: looked for once, not per block.
    joined = "\n".join(lines)
    esc = escape if any(c in joined for c in _MARKUP) else _escape_start
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        # An enumeration: "Các văn kiện gồm:" then items ending in ';' (the last in '.')
        if line.endswith(":") and i + 1 < n:
            j = i + 1
            while j < n and (lines[j].endswith(";") or lines[j].endswith(",")) and not L.has_words(lines[j], 81):
                j += 1
            if j < n and j > i + 1 and L.terminated(lines[j]) and not L.has_words(lines[j], 81):
                j += 1
            if j - i - 1 >= 2:
                out.append(esc(line))
                out.append("\n".join("- " + esc(_BULLET.sub("", item)) for item in lines[i + 1:j]))
                i = j
                continue
        if _BULLET.match(line) and i + 1 < n and _BULLET.match(lines[i + 1]):
            j = i
            while j < n and _BULLET.match(lines[j]):
                j += 1
            out.append("\n".join("- " + esc(_BULLET.sub("", item)) for item in lines[i:j]))
            i = j
            continue
        if _subheading(line):
            nxt = lines[i + 1] if i + 1 < n else None
            if _caption_like(line, caption_starts):
                captions.append(line)
            elif nxt is not None and not _subheading(nxt):
                out.append("## " + esc(line))
            else:
                out.append(esc(line))
            i += 1
            continue
        out.append(esc(line))
        i += 1
    return out, captions


def unescape(markdown_line: str) -> str:
    """The text of a body line without its Markdown markers and escapes (for tests and search)."""
    line = re.sub(r"^(?:#{1,6} |- )", "", markdown_line)
    return re.sub(r"\\(.)", r"\1", line)
