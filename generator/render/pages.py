"""The pages that are not about one entity: home, the timeline by year and month, search, 404."""
from __future__ import annotations

from collections import Counter
from itertools import groupby

from . import search
from . import urls as U
from .spec import PageSpec
from .views import Site, article_card, articles_of, chrome, events_of, page_count, pager

HOME_ARTICLES = 12
HOME_EVENTS = 6
MONTHS = ["", "Tháng 1", "Tháng 2", "Tháng 3", "Tháng 4", "Tháng 5", "Tháng 6", "Tháng 7", "Tháng 8",
          "Tháng 9", "Tháng 10", "Tháng 11", "Tháng 12"]


def entry_points(site: Site) -> list[dict]:
    """The indexes, with how many items each holds; the home and search pages both offer them."""
    url = site.urls
    return [{"label": label, "url": url(rel), "count": site.count(name), "what": what} for label, rel, name, what in (
        ("Bài viết", U.ARTICLES, "articles", "bài viết"),
        ("Lãnh đạo", U.LEADERS, "leaders", "lãnh đạo"),
        ("Sự kiện", U.EVENTS, "events", "sự kiện"),
        ("Văn kiện", U.AGREEMENTS, "agreements", "văn kiện"),
        ("Dòng thời gian", U.TIMELINE, "years", "năm"))]


def home_view(site: Site) -> dict:
    """Latest articles, latest events, and the way into every index."""
    cfg = site.config
    ld = {"@context": "https://schema.org", "@type": "WebSite", "name": cfg.title, "url": site.urls.absolute(""),
          "inLanguage": cfg.language}
    return {"page": chrome(site, "", cfg.title, cfg.description, "website", ld),
            "articles": articles_of(site, site.items("articles", 0, HOME_ARTICLES)),
            "events": events_of(site, site.items("events", 0, HOME_EVENTS)),
            "entries": entry_points(site), "all_articles": site.urls(U.ARTICLES)}


def timeline_view(site: Site) -> dict:
    """The years of the archive, each with its months and how many articles they hold."""
    per, by_slug = site.config.per_page, site.archive.by_slug
    site.uses("date:*")  # months are counted from every article's date
    years = []
    for y in site.items("years"):
        months = Counter(by_slug[s].date.month for s in site.items(f"year:{y}"))
        ms = []
        # Months link to the page of the year that holds them, so a split year still works.
        before = 0
        for m in range(12, 0, -1):
            n = months.get(m, 0)
            if n:
                page = before // per + 1
                ms.append({"name": MONTHS[m], "count": n,
                           "url": site.urls(U.paged(U.year(y), page)) + "#" + U.month_anchor(m)})
                before += n
        years.append({"year": y, "count": sum(months.values()), "url": site.urls(U.year(y)), "months": ms})
    return {"page": chrome(site, U.TIMELINE, "Dòng thời gian"), "years": years}


def year_view(site: Site, y: int, page: int) -> dict:
    """One year's articles, newest first, under a heading per month; long years split into pages."""
    per, by_slug = site.config.per_page, site.archive.by_slug
    name = f"year:{y}"
    count = site.count(name)
    shown = [by_slug[s] for s in site.items(name, (page - 1) * per, page * per)]
    months = [{"name": MONTHS[m], "anchor": U.month_anchor(m), "articles": [article_card(site, a) for a in members]}
              for m, members in groupby(shown, key=lambda a: a.date.month)]
    title = f"Năm {y}" + (f" – trang {page}" if page > 1 else "")
    near, i = site.around("years", y, 1)
    newer = near[i - 1] if i > 0 else None
    older = near[i + 1] if i + 1 < len(near) else None
    return {"page": chrome(site, U.paged(U.year(y), page), title), "year": y, "count": count, "months": months,
            "pager": pager(site, U.year(y), page, page_count(count, per)),
            "newer_year": {"year": newer, "url": site.urls(U.year(newer))} if newer else None,
            "older_year": {"year": older, "url": site.urls(U.year(older))} if older else None,
            "timeline": site.urls(U.TIMELINE)}


def search_view(site: Site) -> dict:
    """The search page: without JavaScript, a way into the indexes."""
    return {"page": chrome(site, U.SEARCH, "Tìm kiếm"), "entries": entry_points(site), "search": search.page_data(site)}


def not_found_view(site: Site) -> dict:
    """The 404 page (served for any missing path, so all its links are path-absolute)."""
    return {"page": chrome(site, "404.html", "Không tìm thấy trang"), "entries": entry_points(site)}


def specs(site: Site) -> list[PageSpec]:
    """Home, timeline, one page (or more) per year, search and 404."""
    out = [PageSpec("index.html", "home.html", home_view, ()),
           PageSpec(U.file_of(U.TIMELINE), "timeline.html", timeline_view, ()),
           PageSpec(U.file_of(U.SEARCH), "search.html", search_view, ()),
           PageSpec("404.html", "404.html", not_found_view, ())]
    for y in site.list("years"):
        for n in range(1, page_count(len(site.list(f"year:{y}")), site.config.per_page) + 1):
            out.append(PageSpec(U.file_of(U.paged(U.year(y), n)), "year.html", year_view, (y, n)))
    return out
