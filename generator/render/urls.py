"""Every internal URL of the site, and the file each one is written to, made from the base path.

Paths are Vietnamese words in ASCII, pretty URLs as folders with an index.html:

    ''                         home                     bai-viet/              all articles
    bai-viet/<slug>/           article                  lanh-dao/<id>/         leader (+ feed.xml)
    lanh-dao/                  leaders by country       su-kien/<id>/          event (+ feed.xml)
    su-kien/                   events, a timeline       van-kien/<id>/         agreement
    van-kien/                  agreements by year       dong-thoi-gian/<y>/    one year, by month
    dong-thoi-gian/            the years                search/                search page
    .../trang/<n>/             page n of a long list    static/, api/          stylesheet, open data

A page's "rel" path (relative to the base) is the one source of both its URL (base + rel) and its
file (rel + index.html for folders), so a link and the file it points at cannot disagree.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

ARTICLES = "bai-viet/"
LEADERS = "lanh-dao/"
EVENTS = "su-kien/"
AGREEMENTS = "van-kien/"
TIMELINE = "dong-thoi-gian/"
SEARCH = "search/"
PAGE = "trang/"
FEED = "feed.xml"

# What an article slug or entity id may be to become a URL segment and a folder name: ASCII, no
# dots at the start (no '..', no hidden files), short enough for every file system.
SAFE_SEGMENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,150}$")


# Device names Windows refuses as file or folder names (any case): a site holding one cannot be
# checked out or previewed there.
_RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))})


def safe_segment(text: str) -> bool:
    """True when text can be used as one URL segment and folder name as it is."""
    return bool(SAFE_SEGMENT.match(text)) and text.lower() not in _RESERVED


def paged(rel: str, page: int) -> str:
    """The rel path of page `page` (1-based) of the list at rel."""
    return rel if page <= 1 else f"{rel}{PAGE}{page}/"


def article(slug: str) -> str:
    return f"{ARTICLES}{slug}/"


def leader(id_: str) -> str:
    return f"{LEADERS}{id_}/"


def event(id_: str) -> str:
    return f"{EVENTS}{id_}/"


def agreement(id_: str) -> str:
    return f"{AGREEMENTS}{id_}/"


def year(y: int) -> str:
    return f"{TIMELINE}{y}/"


def month_anchor(m: int) -> str:
    return f"thang-{m:02d}"


def file_of(rel: str) -> str:
    """The file a rel path is written to: folders get index.html."""
    return rel + "index.html" if rel == "" or rel.endswith("/") else rel


_SAFE = "/#?=&.-_~"
_PLAIN = re.compile(r"[A-Za-z0-9/#?=&._~-]*")


@dataclass(frozen=True)
class Urls:
    """Turns rel paths into links: path-absolute under the base path, or absolute with the origin."""
    base_path: str = "/"
    origin: str = ""

    def __call__(self, rel: str = "") -> str:
        """The link to rel, e.g. '/repo/bai-viet/x/'."""
        if _PLAIN.fullmatch(rel):  # ids and slugs are ASCII: nothing to quote (a page links dozens)
            return self.base_path + rel
        return self.base_path + quote(rel, safe=_SAFE)

    def absolute(self, rel: str = "") -> str:
        """The absolute URL when the base URL has an origin; otherwise the path-absolute link."""
        return self.origin + self(rel)

    def static(self, name: str, version: str = "") -> str:
        """A file under static/, with a content hash so browsers and Pages' cache see each change."""
        return self(f"static/{name}") + (f"?v={version}" if version else "")
