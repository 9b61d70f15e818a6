"""Leader pages (roles, events, agreements, articles) and the index of leaders by country."""
from __future__ import annotations

from itertools import groupby

from ..text import fold
from . import urls as U
from .spec import PageSpec, entity_key
from .views import (Site, agreements_of, articles_of, chrome, country_name, date_view, events_of, leader_link,
                    page_count, pager, reviews)

# Vietnam first, then Laos, then others by name: the archive is about the two countries.
_COUNTRY_ORDER = {"VN": 0, "VNM": 0, "LA": 1, "LAO": 1}


def _country_key(code: str):
    return (_COUNTRY_ORDER.get(code.upper(), 2), fold(country_name(code)))


def leader_view(site: Site, id_: str, page: int) -> dict:
    """One page of a leader: who they are, their events and agreements, their articles."""
    arc, per = site.archive, site.config.per_page
    x = arc.leaders[id_]
    slugs = arc.leader_articles.get(id_, ())
    pages = page_count(len(slugs), per)
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
        "events": events_of(site, arc.leader_events.get(id_, ())),
        "agreements": agreements_of(site, arc.leader_agreements.get(id_, ())),
        "articles": articles_of(site, slugs[(page - 1) * per: page * per]), "article_count": len(slugs),
        "pager": pager(site, U.leader(id_), page, pages),
    }


def index_view(site: Site, page: int = 1) -> dict:
    """All leaders grouped by country, Vietnam and Laos first, names in order within each; split
    into pages of per_page leaders (a country spanning two pages is headed on both)."""
    arc, per = site.archive, site.config.per_page
    leaders = sorted(arc.leaders.values(), key=lambda x: (_country_key(x.country), fold(x.name), x.name, x.id))
    pages = page_count(len(leaders), per)
    shown = leaders[(page - 1) * per: page * per]
    groups = [{"country": code, "leaders": [dict(leader_link(site, x), count=len(arc.leader_articles.get(x.id, ())))
                                            for x in members]}
              for code, members in groupby(shown, key=lambda x: country_name(x.country))]
    title = "Lãnh đạo" + (f" – trang {page}" if page > 1 else "")
    return {"page": chrome(site, U.paged(U.LEADERS, page), title), "groups": groups, "count": len(leaders),
            "pager": pager(site, U.LEADERS, page, pages)}


def specs(site: Site) -> list[PageSpec]:
    """Each leader's pages and the index."""
    arc, out = site.archive, []
    for id_ in arc.leaders:
        slugs = arc.leader_articles.get(id_, ())
        # The page shows this leader, their events, the agreements they witnessed and their articles.
        deps = frozenset({entity_key("leaders", id_), "site"} | {f"article:{s}" for s in slugs}
                         | {entity_key("events", e) for e in arc.leader_events.get(id_, ())}
                         | {entity_key("agreements", g) for g in arc.leader_agreements.get(id_, ())})
        for n in range(1, page_count(len(slugs), site.config.per_page) + 1):
            out.append(PageSpec(U.file_of(U.paged(U.leader(id_), n)), "leader.html", leader_view, (id_, n), deps))
    for n in range(1, page_count(len(arc.leaders), site.config.per_page) + 1):
        out.append(PageSpec(U.file_of(U.paged(U.LEADERS, n)), "leaders.html", index_view, (n,),
                            frozenset({"leaders", "articles", "site"})))
    return out
