"""Dates and date ranges as Vietnamese news writes them ("từ ngày 3-6/12", "ngày 5-2"), read from folded text."""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

_SEP = r"\s*[/.\-]\s*"
# A day's one or two digits, not after a digit, '/' or '.': the look back is made after the first
# digit (the same test), so that the pattern opens with a digit and the engine skips to digits in C.
_DD = r"(\d(?<![\d/.]\d)\d?)"
# "3-6/12", "26-27/1/2026", "từ ngày 26 đến 27/1/2026", "từ ngày 12 đến 14-2", "11-12.1", "(5 - 6/11/2025)"
_RANGE = re.compile(
    _DD + r"\s*(?:-|–|den)\s*(?:ngay\s+)?(\d{1,2})" + _SEP + r"(\d{1,2})(?:" + _SEP + r"(\d{4}))?(?![\d/])")
# "Ngày 4/12", "trưa 1/12", "ngày 1-12", "ngày 5.2", "ngày 05/02/2026", "chiều nay, 17.10", "hôm nay (24-2)":
# a day and month, then a word before it that says it is a day (checked on a short window: a
# pattern that starts with the words would be tried at every position).
_DAY = re.compile(_DD + _SEP + r"(\d{1,2})(?:" + _SEP + r"(\d{4}))?(?![\d/])")
_DAY_WORD = re.compile(r"(?<!\w)(?:ngay|sang|chieu|trua|toi|dem|nay|vao)\W{1,3}(?:nay\W{1,3})?(?:ngay\s+)?$")
_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
_MONTH_NAMES = tuple(_MONTHS)
_ENGLISH = re.compile(r"\b(" + "|".join(_MONTHS) + r")\s+(\d{1,2})(?:\s*[-–]\s*(\d{1,2}))?(?:,?\s+(\d{4}))?")


@dataclass(frozen=True)
class Span:
    """A day or a range of days found in text; `year_given` says whether the text wrote the year."""
    start: dt.date
    end: dt.date
    pos: int
    year_given: bool


def resolve(day: int, month: int, year: int | None, ref: dt.date) -> dt.date | None:
    """The date a day and month mean, with a missing year taken as the one closest to ref."""
    try:
        if year:
            return dt.date(year, month, day)
        options = [dt.date(y, month, day) for y in (ref.year - 1, ref.year, ref.year + 1)]
    except ValueError:
        return None
    return min(options, key=lambda d: (abs((d - ref).days), d))


def _digits(text: str) -> list[int] | None:
    """Where numbers start in a text whose digits are ASCII: its digits not after a digit, '/' or
    '.', the only places _RANGE and _DAY may match (str.find per digit: a pattern for one digit
    tried each character of the article in turn); None for a text with other digits (\\d is any
    decimal digit)."""
    if not text.isascii() and _OTHER_DIGIT.search(text):
        return None
    out = []
    for d in "0123456789":
        i = text.find(d)
        while i >= 0:
            if i == 0 or text[i - 1] not in _NOT_BEFORE:
                out.append(i)
            i = text.find(d, i + 1)
    return sorted(out)


_OTHER_DIGIT = re.compile(r"[^\x00-\x7f\D]")  # a decimal digit beyond ASCII ("١", "໑")
_NOT_BEFORE = "0123456789/."  # what _DD's look back refuses before a number's first digit


def _finditer_from(pattern: re.Pattern, text: str, starts: list[int] | None):
    """pattern.finditer(text), for a pattern whose matches open with a number (as _DD reads one):
    tried only where numbers start (starts, from _digits), and the same matches, as finditer goes
    on after each."""
    if starts is None:
        yield from pattern.finditer(text)
        return
    pos = 0
    for s in starts:
        if s >= pos:
            m = pattern.match(text, s)
            if m:
                yield m
                pos = m.end()


def _month_before_digits(text: str, digits: list[int] | None) -> bool:
    """Whether an English month's name may stand before digits (what _ENGLISH needs)."""
    if digits is None:
        return any(month in text for month in _MONTHS)
    for p in digits:
        q = p
        while q > 0 and text[q - 1].isspace():
            q -= 1
        if q < p and text.endswith(_MONTH_NAMES, 0, q):
            return True
    return False


@functools.lru_cache(maxsize=16)
def spans(folded: str, ref: dt.date) -> tuple[Span, ...]:
    """Every date and date range in folded text, in text order; years missing are taken near ref."""
    out: list[Span] = []
    taken: list[tuple[int, int]] = []
    digits = _digits(folded)
    for m in _finditer_from(_RANGE, folded, digits):
        d1, d2, mo = int(m.group(1)), int(m.group(2)), int(m.group(3))
        year = int(m.group(4)) if m.group(4) else None
        if not (1 <= d1 < d2 <= 31 and 1 <= mo <= 12):
            continue
        end = resolve(d2, mo, year, ref)
        start = resolve(d1, mo, end.year if end else None, end or ref) if end else None
        if start and end:
            out.append(Span(start, end, m.start(), year is not None))
            taken.append((m.start(), m.end()))
    for m in _finditer_from(_DAY, folded, digits):
        if any(s <= m.start(1) < e for s, e in taken) or not _DAY_WORD.search(folded, max(0, m.start() - 20), m.start()):
            continue
        year = int(m.group(3)) if m.group(3) else None
        day = resolve(int(m.group(1)), int(m.group(2)), year, ref)
        if day:
            out.append(Span(day, day, m.start(1), year is not None))
    for m in (_ENGLISH.finditer(folded) if _month_before_digits(folded, digits) else ()):
        month, d1 = _MONTHS[m.group(1)], int(m.group(2))
        d2 = int(m.group(3)) if m.group(3) else d1
        year = int(m.group(4)) if m.group(4) else None
        end = resolve(d2, month, year, ref)
        start = resolve(d1, month, end.year, end) if end else None
        if start and end and start <= end:
            out.append(Span(start, end, m.start(), year is not None))
    return tuple(sorted(out, key=lambda s: s.pos))
