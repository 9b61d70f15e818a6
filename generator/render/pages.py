"""The pages that are not about one entity: home, the timeline by year and month, search, 404."""
from __future__ import annotations

from collections import Counter
from itertools import groupby

from . import search
from . import urls as U
from .events import _ordered as events_newest_first
from .spec import PageSpec
from .views import Site, article_card, chrome, event_link, page_count, pager

HOME_ARTICLES = 12
HOME_EVENTS = 6
MONTHS = ["", "Tháng 1", "Tháng 2", "Tháng 3", "Tháng 4", "Tháng 5", "Tháng 6", "Tháng 7", "Tháng 8",
          "Tháng 9", "Tháng 10", "Tháng 11", "Tháng 12"]


def entry_points(site: Site) -> list[dict]:
    """The indexes, with how many items each holds; the home and search pages both offer them."""
    arc, url = site.archive, site.urls
    return [{"label": label, "url": url(rel), "count": n, "what": what} for label, rel, n, what in (
        ("Bài viết", U.ARTICLES, len(arc.articles), "bài viết"),
        ("Lãnh đạo", U.LEADERS, len(arc.leaders), "lãnh đạo"),
        ("Sự kiện", U.EVENTS, len(arc.events), "sự kiện"),
        ("Văn kiện", U.AGREEMENTS, len(arc.agreements), "văn kiện"),
        ("Dòng thời gian", U.TIMELINE, len(_years(site)), "năm"))]


def _years(site: Site) -> list[tuple[int, int]]:
    """(year, article count), newest first."""
    counts = Counter(a.date.year for a in site.archive.articles)
    return sorted(counts.items(), reverse=True)


def home_view(site: Site) -> dict:
    """Latest articles, latest events, and the way into every index."""
    cfg = site.config
    ld = {"@context": "https://schema.org", "@type": "WebSite", "name": cfg.title, "url": site.urls.absolute(""),
          "inLanguage": cfg.language}
    return {"page": chrome(site, "", cfg.title, cfg.description, "website", ld),
            "articles": [article_card(site, a) for a in site.archive.articles[:HOME_ARTICLES]],
            "events": [event_link(site, e) for e in events_newest_first(site)[:HOME_EVENTS]],
            "entries": entry_points(site), "all_articles": site.urls(U.ARTICLES)}


def timeline_view(site: Site) -> dict:
    """The years of the archive, each with its months and how many articles they hold."""
    months = Counter((a.date.year, a.date.month) for a in site.archive.articles)
    per = site.config.per_page
    years = []
    for y, count in _years(site):
        ms = []
        # Months link to the page of the year that holds them, so a split year still works.
        before = 0
        for m in range(12, 0, -1):
            n = months.get((y, m), 0)
            if n:
                page = before // per + 1
                ms.append({"name": MONTHS[m], "count": n,
                           "url": site.urls(U.paged(U.year(y), page)) + "#" + U.month_anchor(m)})
                before += n
        years.append({"year": y, "count": count, "url": site.urls(U.year(y)), "months": ms})
    return {"page": chrome(site, U.TIMELINE, "Dòng thời gian"), "years": years}


def year_view(site: Site, y: int, page: int) -> dict:
    """One year's articles, newest first, under a heading per month; long years split into pages."""
    per = site.config.per_page
    arts = [a for a in site.archive.articles if a.date.year == y]
    pages = page_count(len(arts), per)
    shown = arts[(page - 1) * per: page * per]
    months = [{"name": MONTHS[m], "anchor": U.month_anchor(m), "articles": [article_card(site, a) for a in members]}
              for m, members in groupby(shown, key=lambda a: a.date.month)]
    title = f"Năm {y}" + (f" – trang {page}" if page > 1 else "")
    years = [yy for yy, _ in _years(site)]
    i = years.index(y)
    return {"page": chrome(site, U.paged(U.year(y), page), title), "year": y, "count": len(arts), "months": months,
            "pager": pager(site, U.year(y), page, pages),
            "newer_year": {"year": years[i - 1], "url": site.urls(U.year(years[i - 1]))} if i > 0 else None,
            "older_year": {"year": years[i + 1], "url": site.urls(U.year(years[i + 1]))} if i + 1 < len(years) else None,
            "timeline": site.urls(U.TIMELINE)}


def search_view(site: Site) -> dict:
    """The search page: without JavaScript, a way into the indexes."""
    return {"page": chrome(site, U.SEARCH, "Tìm kiếm"), "entries": entry_points(site), "search": search.page_data(site)}


def not_found_view(site: Site) -> dict:
    """The 404 page (served for any missing path, so all its links are path-absolute)."""
    return {"page": chrome(site, "404.html", "Không tìm thấy trang"), "entries": entry_points(site)}


def specs(site: Site) -> list[PageSpec]:
    """Home, timeline, one page (or more) per year, search and 404."""
    every = frozenset({"articles", "leaders", "events", "agreements", "site"})
    out = [PageSpec("index.html", "home.html", home_view, (), every),
           PageSpec(U.file_of(U.TIMELINE), "timeline.html", timeline_view, (), frozenset({"articles", "site"})),
           PageSpec(U.file_of(U.SEARCH), "search.html", search_view, (), every),
           PageSpec("404.html", "404.html", not_found_view, (), every)]
    for y, count in _years(site):
        for n in range(1, page_count(count, site.config.per_page) + 1):
            out.append(PageSpec(U.file_of(U.paged(U.year(y), n)), "year.html", year_view, (y, n),
                                frozenset({"articles", "site"})))
    return out
