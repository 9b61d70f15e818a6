"""Small views built for templates: the shared render context, links, dates, pagers, page chrome."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from math import ceil

from markupsafe import Markup

from ..config import SiteConfig
from ..linker import Archive
from ..model import Agreement, Article, Event, Leader, Review
from . import urls as U

COUNTRIES = {"VN": "Việt Nam", "VNM": "Việt Nam", "LA": "Lào", "LAO": "Lào", "KH": "Campuchia",
             "KHM": "Campuchia", "TH": "Thái Lan", "CN": "Trung Quốc"}
# Registry kinds are short English words; unknown ones are shown as written.
from ..entities.events import KINDS as _event_kinds  # noqa: E402

KINDS = {
    "visit": "Chuyến thăm", "state-visit": "Thăm cấp Nhà nước", "official-visit": "Thăm chính thức",
    "talks": "Hội đàm", "meeting": "Hội kiến, gặp gỡ", "summit": "Hội nghị cấp cao",
    "session": "Kỳ họp", "conference": "Hội nghị", "ceremony": "Lễ kỷ niệm", "anniversary": "Kỷ niệm",
    "other": "Khác", "treaty": "Hiệp ước", "agreement": "Hiệp định", "memorandum": "Bản ghi nhớ",
    "mou": "Bản ghi nhớ", "plan": "Kế hoạch hợp tác", "protocol": "Nghị định thư",
    "joint-statement": "Tuyên bố chung", "minutes": "Biên bản", "contract": "Hợp đồng",
}
# The entity finder's own kind codes, with the names it gives them (one table, kept there).
KINDS.update({code: title for code, title, *_ in _event_kinds})
KINDS.update({"ghi-nho": "Bản ghi nhớ", "thoa-thuan": "Thỏa thuận", "nghi-dinh-thu": "Nghị định thư",
              "tuyen-bo-chung": "Tuyên bố chung", "hiep-dinh": "Hiệp định", "hiep-uoc": "Hiệp ước",
              "ke-hoach": "Kế hoạch hợp tác", "bien-ban": "Biên bản", "chuong-trinh": "Chương trình hợp tác"})
REVIEW_LABEL = "cần biên tập viên kiểm tra"


@dataclass
class Reads:
    """What one page read from the archive, so the dev server re-renders it only when that changes.

    keys: 'A:<slug>' an article (all of it), 'a:<slug>' its summary (title, date, source, lead, …),
    'links:<slug>' its leaders/events/agreements, 'date:<slug>' its date, 'leader:<id>' (and
    event:, agreement:) an entity's record, any of these with '*' for all, and '#<list>' a list's
    length. ranges: (list, lo, hi) for positions lo … hi-1 of a named list (hi None: to the end);
    windows: (list, item, r) for the r items on each side of an item in a list, wherever it is."""
    keys: set[str] = field(default_factory=set)
    ranges: set[tuple] = field(default_factory=set)
    windows: set[tuple] = field(default_factory=set)  # (list, item, radius): the item's neighbours


@dataclass
class Site:
    """What every view builder reads: the archive, the settings, the URL maker, lookup tables.

    Views read lists (an entity's articles, the index orders) through items() and count(), and
    say what else they show through uses(); while `reads` is set, that is recorded (see Reads)."""
    archive: Archive
    config: SiteConfig
    static: dict[str, bytes] = field(default_factory=dict)  # templates/static/ files by name
    urls: U.Urls = field(init=False)
    css_version: str = field(init=False)
    position: dict[str, int] = field(init=False)  # slug → index in archive.articles (newest first)
    reads: Reads | None = field(default=None, init=False)
    memo: dict | None = field(default=None, init=False)  # kept from one site to the next by the dev server
    _lists: dict[str, tuple] = field(default_factory=dict, init=False, repr=False)
    _places: dict[str, dict] = field(default_factory=dict, init=False, repr=False)  # list → item → index
    _once: dict = field(default_factory=dict, init=False, repr=False)  # made once per site: chrome parts, days

    def __post_init__(self):
        self.urls = U.Urls(self.config.base_path, self.config.origin)
        self.position = {a.slug: n for n, a in enumerate(self.archive.articles)}
        css = self.static.get("style.css", b"")
        self.css_version = hashlib.sha256(css).hexdigest()[:10] if css else ""

    def newest_date(self) -> dt.date | None:
        """The newest article's date: the site's 'now', so output never depends on the clock."""
        return self.archive.articles[0].date if self.archive.articles else None

    def days(self) -> dict[str, int]:
        """Each article's date as a day number, by slug (made once per site)."""
        found = self._once.get("days")
        if found is None:
            found = self._once["days"] = {a.slug: a.date.toordinal() for a in self.archive.articles}
        return found

    def uses(self, *keys: str) -> None:
        """Record that the page being rendered shows these (see Reads)."""
        if self.reads is not None:
            self.reads.keys.update(keys)

    def items(self, name: str, lo: int = 0, hi: int | None = None) -> tuple:
        """Positions lo … hi-1 of a named list (see lists.py), recorded."""
        if self.reads is not None:
            self.reads.ranges.add((name, max(0, lo), hi))
        return self.list(name)[max(0, lo):hi]

    def around(self, name: str, item: str, radius: int) -> tuple[tuple, int]:
        """The items within `radius` places of `item` in a named list, and item's place in them
        (recorded as a window: it changes only when item's neighbours do, not when the list
        grows far away). The list must hold item."""
        if self.reads is not None:
            self.reads.windows.add((name, item, radius))
        items = self.list(name)
        if name == "articles":
            n = self.position[item]
        elif len(items) < 64:
            n = items.index(item)
        else:  # a leader with thousands of articles: find each one's place in one lookup
            where = self._places.get(name)
            if where is None:
                where = self._places[name] = {x: i for i, x in enumerate(items)}
            n = where[item]
        lo = max(0, n - radius)
        return items[lo: n + radius + 1], n - lo

    def count(self, name: str) -> int:
        """A named list's length, recorded."""
        if self.reads is not None:
            self.reads.keys.add("#" + name)
        return len(self.list(name))

    def list(self, name: str) -> tuple:
        """A named list, unrecorded (computed once per Site)."""
        found = self._lists.get(name)
        if found is None:
            from .lists import make
            found = self._lists[name] = make(self, name)
        return found


def country_name(code: str) -> str:
    return COUNTRIES.get(code.upper(), code) if code else "Không rõ"


def kind_name(kind: str) -> str:
    return KINDS.get(kind, kind)


def date_view(d: dt.date | None) -> dict | None:
    """A date for <time>: ISO for the attribute, d/m/yyyy for people."""
    return {"iso": d.isoformat(), "text": f"{d.day}/{d.month}/{d.year}"} if d else None


def period_text(start: dt.date | None, end: dt.date | None) -> str:
    """'1/12/2025', '1/12/2025 – 3/12/2025', 'từ 1/12/2025' or ''."""
    s, e = date_view(start), date_view(end)
    if s and e and start != end:
        return f"{s['text']} – {e['text']}"
    if s:
        return s["text"]
    return f"đến {e['text']}" if e else ""


def reviews(items: tuple[Review, ...]) -> dict[str, str]:
    """field → reason (or the generic label) for the discreet review marks."""
    return {r.field: (r.reason or REVIEW_LABEL) for r in items}


def article_card(site: Site, a: Article) -> dict:
    site.uses("a:" + a.slug)
    return {"title": a.title, "url": site.urls(U.article(a.slug)), "date": date_view(a.date),
            "source": a.source or "", "lead": a.lead or ""}


def leader_link(site: Site, x: Leader, on: dt.date | None = None) -> dict:
    """A link to a leader with the role they held on `on` (the page's date), else their current one."""
    site.uses("leader:" + x.id)
    return {"name": x.name, "url": site.urls(U.leader(x.id)), "country": country_name(x.country),
            "role": role_on(x, on) if on else current_role(x)}


def role_on(x: Leader, on: dt.date) -> str:
    """The most recently started role held on that day; '' when the registry knows none then.

    An article from December 2025 names Tô Lâm as General Secretary, not by a title he took in
    2026: a leader's role beside a dated page is the one held on the page's date."""
    held = [(r.start or dt.date.min, n, r) for n, r in enumerate(x.roles)
            if (r.start is None or r.start <= on) and (r.end is None or on <= r.end) and r.start is not None]
    return max(held)[2].title if held else ""


def current_role(x: Leader) -> str:
    """The most recently started role still held (registries list roles oldest first), else the last one."""
    open_roles = [r for r in x.roles if r.end is None]
    if open_roles:
        return max(enumerate(open_roles), key=lambda p: (p[1].start or dt.date.min, p[0]))[1].title
    return x.roles[-1].title if x.roles else ""


def event_link(site: Site, x: Event) -> dict:
    site.uses("event:" + x.id)
    return {"title": x.title, "url": site.urls(U.event(x.id)), "kind": kind_name(x.kind),
            "date": date_view(x.start), "period": period_text(x.start, x.end), "place": x.place or ""}


def agreement_link(site: Site, x: Agreement) -> dict:
    site.uses("agreement:" + x.id)
    return {"title": x.title, "url": site.urls(U.agreement(x.id)), "kind": kind_name(x.kind),
            "date": date_view(x.date)}


def leaders_of(site: Site, ids, on: dt.date | None = None) -> list[dict]:
    return [leader_link(site, site.archive.leaders[i], on) for i in ids if i in site.archive.leaders]


def events_of(site: Site, ids) -> list[dict]:
    return [event_link(site, site.archive.events[i]) for i in ids if i in site.archive.events]


def agreements_of(site: Site, ids) -> list[dict]:
    return [agreement_link(site, site.archive.agreements[i]) for i in ids if i in site.archive.agreements]


def articles_of(site: Site, slugs) -> list[dict]:
    return [article_card(site, site.archive.by_slug[s]) for s in slugs if s in site.archive.by_slug]


def page_count(n: int, per_page: int) -> int:
    return max(1, ceil(n / per_page))


PAGER_NEAR = 2  # pages linked on each side of the current one, besides the first and the last


def pager_numbers(page: int, pages: int) -> list[int | None]:
    """The page numbers a pager shows: the first, the last, and PAGER_NEAR around the current one;
    None where numbers are left out. A list of 1,000 pages shows a few links, not a thousand."""
    shown = sorted({1, pages, *range(max(1, page - PAGER_NEAR), min(pages, page + PAGER_NEAR) + 1)})
    out: list[int | None] = []
    for n in shown:
        if out and n - out[-1] == 2:
            out.append(n - 1)  # a gap of one page: show it rather than an ellipsis
        elif out and n - out[-1] > 2:
            out.append(None)
        out.append(n)
    return out


def pager(site: Site, rel: str, page: int, pages: int) -> dict | None:
    """Links to the pages of a list split over `pages` pages (None when it fits on one)."""
    if pages <= 1:
        return None
    link = lambda n: site.urls(U.paged(rel, n))  # noqa: E731
    return {"pages": [{"gap": True} if n is None else {"gap": False, "number": n, "url": link(n), "current": n == page}
                      for n in pager_numbers(page, pages)],
            "prev": link(page - 1) if page > 1 else None, "next": link(page + 1) if page < pages else None,
            "page": page, "count": pages}


def json_ld(data: dict) -> Markup:
    """JSON-LD that no text can break out of: <, > and & become \\u escapes inside the script."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


_NAV = (("Trang chủ", ""), ("Bài viết", U.ARTICLES), ("Lãnh đạo", U.LEADERS), ("Sự kiện", U.EVENTS),
        ("Văn kiện", U.AGREEMENTS), ("Dòng thời gian", U.TIMELINE))


def _nav(site: Site, rel: str) -> list[dict]:
    """The navigation, its current section marked: one of seven lists, made once per site."""
    current = next((r for _label, r in _NAV if (rel.startswith(r) if r else rel == "")), None)
    key = ("nav", current)
    found = site._once.get(key)
    if found is None:
        found = site._once[key] = [{"label": label, "url": site.urls(r), "current": r == current}
                                     for label, r in _NAV]
    return found


def chrome(site: Site, rel: str, title: str, description: str = "", og_type: str = "website",
           ld: dict | None = None, feeds: tuple[tuple[str, str], ...] = ()) -> dict:
    """What base.html needs for any page: titles, canonical URL, Open Graph, feeds, navigation.
    What every page shows alike (links, the site feed, the navigation) is made once per site."""
    cfg, url = site.config, site.urls
    fixed = site._once.get("fixed")
    if fixed is None:
        fixed = site._once["fixed"] = {
            "lang": cfg.language, "site_title": cfg.title,
            "og_locale": "vi_VN" if cfg.language == "vi" else cfg.language,
            "css": url.static("style.css", site.css_version), "home": url(""), "search": url(U.SEARCH),
            "site_feed": {"title": "Bài viết mới", "url": url(U.FEED)}}
    return {
        "lang": fixed["lang"], "site_title": fixed["site_title"], "title": title,
        "full_title": title if title == cfg.title else f"{title} – {cfg.title}",
        "description": description or cfg.description, "canonical": url.absolute(rel),
        "og_type": og_type, "og_locale": fixed["og_locale"],
        "json_ld": json_ld(ld) if ld else None,
        "feeds": [fixed["site_feed"]] + [{"title": t, "url": url(r)} for t, r in feeds],
        "css": fixed["css"], "home": fixed["home"], "search": fixed["search"], "nav": _nav(site, rel),
    }
