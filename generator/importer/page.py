"""One scraped page → the parts of an article: title, dates, byline, lead, captions, body lines.

Walks the classified lines once: the head (breadcrumbs, time stamps, the title, a byline) up to the
first paragraph, then the article, until a trailing block, a domain line or an end mark ("./.").
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..text import collapse_spaces, fold, normalize
from . import lines as L
from .cues import Cues, Outlet, dateline_match
from .dates import SCRAPER_DATE, stamp_date


@dataclass
class Page:
    """What the walk found; `body` holds the article's lines after the lead, in order."""
    title: str | None = None
    scraper_date: tuple[int, int, int | None] | None = None
    stamp: dt.date | None = None
    outlet: Outlet | None = None
    author: str | None = None
    source_url: str | None = None
    lead: str | None = None
    captions: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    dropped: int = 0


_OPENS_WITH_DATE = re.compile(r"(?i)^(?:sáng sớm|rạng sáng|sáng|trưa|chiều|tối|đêm|ngày|hôm nay)(?:\s+nay)?\s*(?:ngày\s*)?\(?\d{1,2}\s*[/.-]\s*\d{1,2}")


def _is_paragraph(line: str) -> bool:
    """More than 30 words, or 12 or more and a sentence's end or an opening date."""
    return L.has_words(line, 12) and (L.terminated(line) or L.has_words(line, 31) or bool(_OPENS_WITH_DATE.match(line)))


def _strip_dateline(line: str, cues: Cues) -> tuple[str, Outlet | None]:
    if cues.dateline:
        m = dateline_match(cues, line)
        if m and len(line) > m.end() + 20:
            return line[m.end():].lstrip(), cues.by_dateline.get(fold(m.group(1)))
    return line, None


def _take_url(page: Page, line: str, cues: Cues) -> None:
    link, host = L.url(line)
    if page.source_url is None:
        page.source_url = link
        page.outlet = page.outlet or cues.by_domain.get(host)


# White space other than ' ' and '\n' (what str.split() splits on besides them).
_ODD_SPACE = re.compile("[\t\x0b\x0c\r\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")
_SPACES = re.compile("  +")


def _collapsed_lines(text: str, plain: bool = False) -> list[str]:
    """[collapse_spaces(line) for line in text.split("\n")]: when ' ' is the only white space
    within lines (the common case, and always when plain), without splitting every line into words."""
    if not plain and _ODD_SPACE.search(text):
        return [collapse_spaces(line) for line in text.split("\n")]
    if "  " in text:
        text = _SPACES.sub(" ", text)
    # (a line's spaces at its ends stripped line by line: most have none, and two searches of
    # the whole text for " \n" and "\n " cost more)
    return [line.strip(" ") for line in text.split("\n")]


def _prepare(text: str, plain: bool = False) -> tuple[list[str], str, tuple | None]:
    """The page's lines, normalised and collapsed, the same joined by "\n", and the scraper's date."""
    raw_lines = _collapsed_lines(normalize(text, False if plain else None), plain)
    scraper = None
    for i, line in enumerate(raw_lines):
        if line:
            m = SCRAPER_DATE.match(line)
            if m:
                scraper = (int(m.group(1)), int(m.group(2)), int(m.group(3)) if m.group(3) else None)
                raw_lines[i] = SCRAPER_DATE.sub("", line, count=1).strip()
            break
    joined = "\n".join(raw_lines)
    if "inh anh" not in joined:
        return raw_lines, joined, scraper  # no image marker to split a line at (split_glued would keep each)
    out: list[str] = []
    for line in raw_lines:
        out.extend(L.split_glued(line) if line else [""])
    return out, "\n".join(out), scraper


def walk(text: str, cues: Cues, plain: bool = False) -> Page:
    """Read a normalised page into a Page, keeping every article line once and dropping furniture
    (plain: the text is known to hold no control character and no space but ' ' and '\\n')."""
    lines, joined, scraper = _prepare(text, plain)
    # Every line lower-cased, by one pass over the page (line by line, each was lowered up to three
    # times: for the hotline and furniture cues and for its key); no letter's lower case holds "\n".
    lows = joined.lower().split("\n")
    page = Page(scraper_date=scraper)
    seen: set[str] = set()          # folded lines already kept (title, captions, text)
    caption_keys: set[str] = set()
    head_candidates: list[str] = []
    i, n = 0, len(lines)

    def next_nonblank(j: int) -> int:
        while j < n and not lines[j]:
            j += 1
        return j

    def add_caption(text: str) -> None:
        text = text.strip(" |")
        key = text.lower().strip(" .")
        if key and key not in caption_keys:
            caption_keys.add(key)
            page.captions.append(text)
        seen.add(key)

    # The head: everything before the first paragraph.
    while i < n:
        line = lines[i]
        kind = L.classify(line, cues, lows[i])
        if kind == L.TEXT and (_is_paragraph(line) or dateline_match(cues, line)):
            break
        i += 1
        if kind == L.STAMP:
            page.stamp = page.stamp or stamp_date(line)
        elif kind == L.DOMAIN:
            page.outlet = page.outlet or cues.by_domain.get(cues.domain.match(line).group(1).lower())
        elif kind == L.URL:
            _take_url(page, line, cues)
        elif kind == L.IMAGE:
            if L.image_alt(line):
                add_caption(L.image_alt(line))
        elif kind == L.TEXT:
            if L.credit(line, cues):
                add_caption(line)
            elif (author := L.byline(line)) and head_candidates:
                page.author = page.author or author
            elif L.has_words(line, 3):
                head_candidates.append(line)
            else:
                page.dropped += 1
        elif kind != L.BLANK:
            page.dropped += 1
    if head_candidates:
        # The title is the first headline of six words or more; shorter lines before it are
        # breadcrumbs and menus ("Thời sự Chính trị"). Long lines after it are article text.
        long_ones = [c for c in head_candidates if L.has_words(c, 6)]
        page.title = long_ones[0] if long_ones else max(head_candidates, key=lambda c: len(L.words(c)))
        seen.add(page.title.lower().strip(" ."))
        after = head_candidates[head_candidates.index(page.title) + 1:]
        kept = [c for c in after if L.has_words(c, 8)]
        page.body.extend(kept)
        page.dropped += len(head_candidates) - 1 - len(kept)

    skip_summary = False
    ended_by_mark = False
    keys: dict[int, str] = {}  # line number → its folded key, when worked out for the line before it
    while i < n:
        line = lines[i]
        i += 1
        kind = L.classify(line, cues, lows[i - 1])
        if kind == L.BLANK:
            continue
        if kind == L.STAMP:
            page.stamp = page.stamp or stamp_date(line)
            continue
        if kind == L.DOMAIN:
            page.outlet = page.outlet or cues.by_domain.get(cues.domain.match(line).group(1).lower())
            ended_by_mark = True
            continue
        if kind == L.URL:
            _take_url(page, line, cues)
            continue
        if kind == L.TRAILER:
            j = next_nonblank(i)
            if j < n and L.classify(lines[j], cues, lows[j]) == L.SLUGLINK:
                while j < n and (not lines[j] or L.classify(lines[j], cues, lows[j]) == L.SLUGLINK):
                    j += 1
                i = j
                continue
            break  # a trailing block: nothing after it belongs to the article
        if kind == L.IMAGE:
            if L.image_alt(line):
                add_caption(L.image_alt(line))
            continue
        if kind == L.DOUBLED:
            skip_summary = True
            page.dropped += 1
            continue
        if kind != L.TEXT:
            page.dropped += 1
            continue
        key = keys.pop(i - 1, None) or lows[i - 1].strip(" .")
        j = next_nonblank(i)
        if j < n:  # kept: the next text line would work its key out again
            keys[j] = lows[j].strip(" .")
        repeated = j < n and keys[j] == key
        if ended_by_mark:
            if (author := L.byline(line)) or L.agency_line(line):
                page.author = page.author or author or line.strip()
            else:
                page.dropped += 1
            continue
        if key in seen:
            page.dropped += 1
            continue
        if L.credit(line, cues) or repeated:
            add_caption(line)
            if repeated:
                i = j + 1
            skip_summary = False
            continue
        if skip_summary and _is_paragraph(line):
            skip_summary = False
            page.dropped += 1
            continue
        skip_summary = False
        if (author := L.byline(line)) or (L.agency_line(line) and page.lead):
            page.author = page.author or author or line.strip()
            continue
        text, outlet = _strip_dateline(line, cues)
        if outlet:
            page.outlet = page.outlet or outlet
        seen.add(key)
        if page.lead is None and _is_paragraph(text):
            page.lead = text
        else:
            page.body.append(text)
        if line.endswith(cues.end_marks):
            ended_by_mark = True
    return page
