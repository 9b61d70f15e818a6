"""Dates in scraped pages: time-stamp lines, datelines in the text, and years inferred from evidence."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..text import fold

# A scraper's own line: " date 2025-12-01 <text>" or " date 2023-04 <text>" (month only).
SCRAPER_DATE = re.compile(r"^\s*date\s+(\d{4})-(\d{2})(?:-(\d{2}))?(?:\s+|$)")

_NUM_DATE = re.compile(
    r"(?<!\d)(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}))(?!\d)")
# Both of _NUM_DATE's forms hold a year of four digits: a line without (most) is looked at by a
# pattern that opens with a digit, found sooner than _NUM_DATE's, which opens with a look-behind.
_FOUR_DIGITS = re.compile(r"\d{4}")
_TIME = re.compile(r"(?<!\d)\d{1,2}\s*[:hg]\s*\d{2}(?:\s*(?:AM|PM|SA|CH))?(?!\d)", re.I)
_STAMP_WORDS = re.compile(
    r"(?i)\b(?:GMT|UTC|ICT)\s*[+-]?\s*\d*|\b(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật|cập nhật|đăng|"
    r"ngày đăng|xuất bản|lúc|ngày|giờ|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")


def _valid(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d) if 1900 < y < 2200 else None
    except ValueError:
        return None


def stamp_date(line: str) -> dt.date | None:
    """The date of a time-stamp line ('09:00 | 01/07/2021 GMT+7', 'Chính trị 18-05-2022'), else None.

    A line is a time stamp when, once its date, time, weekday and zone are removed, at most a few
    words remain (a section name); a sentence that merely contains a date is not one.
    """
    if len(line) > 80 or not _FOUR_DIGITS.search(line):
        return None
    m = _NUM_DATE.search(line)
    if not m:
        return None
    y, mo, d = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(6), m.group(5), m.group(4))
    date = _valid(int(y), int(mo), int(d))
    if date is None:
        return None
    rest = _STAMP_WORDS.sub(" ", _TIME.sub(" ", line[:m.start()] + " " + line[m.end():]))
    words = re.findall(r"\w+", rest)
    return date if len(words) <= 4 else None


@dataclass(frozen=True)
class Dateline:
    """A day and month the text gives for its event, with the year when the text prints it."""
    day: int
    month: int
    year: int | None
    end_day: int | None = None  # for a range "3-6/12"
    text: str = ""


_WHEN = r"(?:sáng sớm|rạng sáng|sáng nay|trưa nay|chiều nay|tối nay|đêm nay|sáng|trưa|chiều|tối|đêm|ngày|hôm nay|hôm qua)"
_DM = r"(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?"
_DATELINE = re.compile(
    rf"(?i)(?<!\w){_WHEN}\s*(?:ngày\s*|,\s*|\(\s*)?"
    rf"(?:(\d{{1,2}})\s*(?:[-–]|đến|tới)\s*(?:ngày\s*)?{_DM}|{_DM})(?!\d)")


_NOT_EVENT = re.compile(r"(?i)(?:sinh|mất|từ trần|qua đời|ban hành|ký|thành lập|số)\s*$")
_MONTHS_EN = ("january february march april may june july august september october november december").split()
_MONTHS_FR = ("janvier février mars avril mai juin juillet août septembre octobre novembre décembre").split()
_EN = re.compile(r"(?i)\b(?:on|from|since)\s+(" + "|".join(_MONTHS_EN) + r")\s+(\d{1,2})(?:\s*[-–]\s*(\d{1,2}))?(?:,\s*(\d{4}))?")
_FR = re.compile(r"(?i)\b(?:le|du|depuis le)\s+(\d{1,2})(?:er)?(?:\s*(?:au|[-–])\s*(\d{1,2}))?\s+(" + "|".join(_MONTHS_FR) + r")(?:\s+(\d{4}))?")


def foreign_datelines(text: str) -> list[Dateline]:
    """'from January 6-7', 'on January 6, 2024', 'le 6 janvier' in English and French editions."""
    out = []
    for m in _EN.finditer(text):
        out.append(Dateline(int(m.group(2)), _MONTHS_EN.index(m.group(1).lower()) + 1,
                            int(m.group(4)) if m.group(4) else None, int(m.group(3)) if m.group(3) else None, m.group(0)))
    for m in _FR.finditer(text):
        out.append(Dateline(int(m.group(1)), _MONTHS_FR.index(m.group(3).lower()) + 1,
                            int(m.group(4)) if m.group(4) else None, int(m.group(2)) if m.group(2) else None, m.group(0)))
    return [d for d in out if 1 <= d.day <= 31]


def datelines(text: str) -> list[Dateline]:
    """Every 'Sáng 26/1', 'Ngày 1-12', 'từ ngày 3-6/12', 'hôm nay (24-2)' in text, in order."""
    out = []
    for m in _DATELINE.finditer(text):
        if _NOT_EVENT.search(text[max(0, m.start() - 12):m.start()]):
            continue  # "sinh ngày 15-8-1937" is a birthday, "ký ngày …" a document's date
        if m.group(1):  # a range: the day before the dash is the start
            start, end, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3)), m.group(4)
        else:
            start, end, month, year = int(m.group(5)), None, int(m.group(6)), m.group(7)
        y = int(year) if year else None
        if not (1 <= month <= 12 and 1 <= start <= 31) or (end is not None and not start <= end <= 31):
            continue
        if y is not None and _valid(y, month, start) is None:
            continue
        out.append(Dateline(start, month, y, end, m.group(0)))
    return out


@dataclass(frozen=True)
class YearEvidence:
    year: int | None
    reason: str


_YEAR = re.compile(r"(?<![\d/.-])(19[5-9]\d|20\d\d)(?![\d/-]|\s*[-–]\s*20\d\d)")
# Words before a year that make it a plan, a target or a term rather than something reported.
_FUTURE = re.compile(r"(?:giai doan|den nam|toi nam|tam nhin|ke hoach|muc tieu|huong toi|dinh huong|chien luoc|"
                     r"nhiem ky|sang nam|nam toi|du kien|phan dau|cho nam|hop tac nam|nhiem vu nam|cua nam)\s*(?:\w+\s*){0,2}$")


def reported_years(folded: str) -> list[int]:
    """Years the text reports as past or present (plans, targets, periods and terms excluded)."""
    years = []
    for m in _YEAR.finditer(folded):
        before = folded[max(0, m.start() - 30):m.start()]
        if _FUTURE.search(before) or re.search(r"[-–]\s*$", before):
            continue
        years.append(int(m.group(1)))
    return years


def infer_year(day: int, month: int, text: str, calendar: dict, terms: list[tuple[str, list]] = (),
               found: list[Dateline] | None = None) -> YearEvidence:
    """Infer the year of day/month from the article's own text; None when it gives no evidence.

    In order of strength: the same day and month printed with a year elsewhere in the text; an
    anniversary ("50 năm Quốc khánh Lào"); a numbered yearly meeting; the terms of office of the
    leaders named with their titles (`terms`: [(who, [(start, end), ...]), ...]); the latest year
    the text reports. Each reason is written for the editor who checks it. (found: datelines(text),
    when the caller has it.)
    """
    folded = fold(text)
    for dl in datelines(text) if found is None else found:
        if dl.year and (dl.month == month) and (dl.day == day or (dl.end_day and dl.day <= day <= dl.end_day)):
            return YearEvidence(dl.year, f"the text gives {dl.text.strip()}")
    for a in calendar.get("anniversaries", ()):
        m = re.search(r"(\d{1,3})\s*nam\s*(?:ngay\s*)?(?:" + a["match"] + ")", folded)
        if m:
            return YearEvidence(a["base"] + int(m.group(1)), f"{m.group(1)} năm {a['what']}")
    for e in calendar.get("events", ()):
        if re.search(e["match"], folded):
            return YearEvidence(e["year"], e["what"])
    for s in calendar.get("series", ()):
        m = re.search(s["match"], folded)
        if m:
            return YearEvidence(int(m.group(1)) // s.get("per_year", 1) + s["offset"],
                                f"số thứ tự {m.group(1)}: {s['what']}")
    past = reported_years(folded)
    floor = max(past) if past else None
    feasible = None
    names = []
    for who, spans in terms:
        years = {y for start, end in spans for y in range(start.year, (end or dt.date(2100, 1, 1)).year + 1)
                 if (_valid(y, month, min(day, 28)) and (start <= dt.date(y, month, min(day, 28)))
                     and (end is None or dt.date(y, month, min(day, 28)) <= end))}
        feasible = years if feasible is None else feasible & years
        names.append(who)
    if feasible:
        candidates = sorted(y for y in feasible if floor is None or y >= floor)
        if len(candidates) == 1 or (candidates and floor is not None and candidates[0] == floor):
            return YearEvidence(candidates[0], "the terms of office of " + ", ".join(names)
                                + (f" and the latest year the text reports ({floor})" if floor else ""))
        if len(feasible) == 1:
            return YearEvidence(min(feasible), "the terms of office of " + ", ".join(names))
        if candidates:
            return YearEvidence(candidates[-1], "the terms of office of " + ", ".join(names) + ", which allow "
                                + ", ".join(map(str, candidates)) + f": UNCERTAIN, the latest ({candidates[-1]}) was taken")
    if floor is not None:
        return YearEvidence(floor, f"the latest year the article reports is {floor}")
    return YearEvidence(None, "the article gives no evidence of its year")
