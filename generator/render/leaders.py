"""Leader pages (roles, events, agreements, articles) and the index of leaders by country."""
from __future__ import annotations

from itertools import groupby

from ..text import fold
from . import urls as U
from .spec import PageSpec
from .views import (Site, agreements_of, articles_of, chrome, country_name, date_view, events_of, leader_link,
                    page_count, pager, reviews)

# Vietnam first, then Laos, then others by name: the archive is about the two countries.
_COUNTRY_ORDER = {"VN": 0, "VNM": 0, "LA": 1, "LAO": 1}


def _country_key(code: str):
    return (_COUNTRY_ORDER.get(code.upper(), 2), fold(country_name(code)))


def index_order(x) -> tuple:
    """Where a leader stands in the index: Vietnam, Laos, others; then by name."""
    return (_country_key(x.country), fold(x.name), x.name, x.id)


def leader_view(site: Site, id_: str, page: int) -> dict:
    """One page of a leader: who they are, their events and agreements, their articles."""
    arc, per = site.archive, site.config.per_page
    x = arc.leaders[id_]
    site.uses("leader:" + id_)
    name = f"leader:{id_}"
    count = site.count(name)
    rel = U.paged(U.leader(id_), page)
    feed = (f"Bài viết về {x.name}", U.leader(id_) + U.FEED)
    ld = {"@context": "https://schema.org", "@type": "Person", "name": x.name,
          "alternateName": list(x.aliases), "url": site.urls.absolute(U.leader(id_)),
          "nationality": country_name(x.country), "jobTitle": [r.title for r in x.roles]}
    title = x.name + (f" – trang {page}" if page > 1 else "")
    return {
        "page": chrome(site, rel, title, f"{x.name}: vai trò, sự kiện, văn kiện và bài viết.", "profile", ld, (feed,)),
        "leader": {"name": x.name, "country": country_name(x.country), "aliases": list(x.aliases),
                   "roles": [{"title": r.title, "start": date_view(r.start), "end": date_view(r.end)} for r in x.roles],
                   "review": reviews(x.review), "feed": site.urls(feed[1])},
        "events": events_of(site, site.items(f"leader-events:{id_}")),
        "agreements": agreements_of(site, site.items(f"leader-agreements:{id_}")),
        "articles": articles_of(site, site.items(name, (page - 1) * per, page * per)), "article_count": count,
        "pager": pager(site, U.leader(id_), page, page_count(count, per)),
    }


def index_view(site: Site, page: int = 1) -> dict:
    """All leaders grouped by country, Vietnam and Laos first, names in order within each; split
    into pages of per_page leaders (a country spanning two pages is headed on both)."""
    arc, per = site.archive, site.config.per_page
    count = site.count("leaders")
    shown = [arc.leaders[i] for i in site.items("leaders", (page - 1) * per, page * per)]
    groups = [{"country": code, "leaders": [dict(leader_link(site, x), count=site.count(f"leader:{x.id}"))
                                            for x in members]}
              for code, members in groupby(shown, key=lambda x: country_name(x.country))]
    title = "Lãnh đạo" + (f" – trang {page}" if page > 1 else "")
    return {"page": chrome(site, U.paged(U.LEADERS, page), title), "groups": groups, "count": count,
            "pager": pager(site, U.LEADERS, page, page_count(count, per))}


def specs(site: Site) -> list[PageSpec]:
    """Each leader's pages and the index."""
    arc, per, out = site.archive, site.config.per_page, []
    for id_ in arc.leaders:
        for n in range(1, page_count(len(arc.leader_articles.get(id_, ())), per) + 1):
            out.append(PageSpec(U.file_of(U.paged(U.leader(id_), n)), "leader.html", leader_view, (id_, n)))
    for n in range(1, page_count(len(arc.leaders), per) + 1):
        out.append(PageSpec(U.file_of(U.paged(U.LEADERS, n)), "leaders.html", index_view, (n,)))
    return out
