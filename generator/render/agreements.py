"""Agreement pages (parties, period, signing, witnesses, articles) and the index by year and kind."""
from __future__ import annotations

from itertools import groupby

from ..text import fold
from . import urls as U
from .spec import PageSpec, entity_key
from .views import (Site, agreement_link, articles_of, chrome, country_name, date_view, event_link, kind_name,
                    leaders_of, page_count, pager, reviews)


def agreement_view(site: Site, id_: str, page: int) -> dict:
    """One page of an agreement."""
    arc, per = site.archive, site.config.per_page
    g = arc.agreements[id_]
    slugs = arc.agreement_articles.get(id_, ())
    pages = page_count(len(slugs), per)
    event = arc.events.get(g.event) if g.event else None
    title = g.title + (f" – trang {page}" if page > 1 else "")
    return {
        "page": chrome(site, U.paged(U.agreement(id_), page), title, f"{kind_name(g.kind)}: {g.title}."),
        "agreement": {"title": g.title, "kind": kind_name(g.kind), "parties": [country_name(p) for p in g.parties],
                      "period": g.period or "", "date": date_view(g.date), "review": reviews(g.review)},
        "event": event_link(site, event) if event else None,
        "witnesses": leaders_of(site, g.witnesses, g.date),
        "articles": articles_of(site, slugs[(page - 1) * per: page * per]), "article_count": len(slugs),
        "pager": pager(site, U.agreement(id_), page, pages),
    }


def index_view(site: Site, page: int) -> dict:
    """Agreements grouped by year of signing (newest first), then by kind, then by title; paginated."""
    per = site.config.per_page
    items = sorted(site.archive.agreements.values(),
                   key=lambda g: (g.date is None, -(g.date.year if g.date else 0), kind_name(g.kind), fold(g.title), g.id))
    pages = page_count(len(items), per)
    years = []
    for y, in_year in groupby(items[(page - 1) * per: page * per], key=lambda g: g.date.year if g.date else 0):
        kinds = [{"kind": k, "agreements": [agreement_link(site, g) for g in members]}
                 for k, members in groupby(in_year, key=lambda g: kind_name(g.kind))]
        years.append({"year": y if y else "Chưa rõ năm", "kinds": kinds})
    title = "Văn kiện" + (f" – trang {page}" if page > 1 else "")
    return {"page": chrome(site, U.paged(U.AGREEMENTS, page), title), "years": years, "count": len(items),
            "pager": pager(site, U.AGREEMENTS, page, pages)}


def specs(site: Site) -> list[PageSpec]:
    """Each agreement's pages and the index."""
    arc, out = site.archive, []
    for id_ in arc.agreements:
        slugs = arc.agreement_articles.get(id_, ())
        g = arc.agreements[id_]
        # The page shows this agreement, its event, its witnesses and its articles.
        deps = frozenset({entity_key("agreements", id_), "site"} | {f"article:{s}" for s in slugs}
                         | {entity_key("leaders", w) for w in g.witnesses}
                         | ({entity_key("events", g.event)} if g.event else set()))
        for n in range(1, page_count(len(slugs), site.config.per_page) + 1):
            out.append(PageSpec(U.file_of(U.paged(U.agreement(id_), n)), "agreement.html", agreement_view, (id_, n), deps))
    for n in range(1, page_count(len(arc.agreements), site.config.per_page) + 1):
        out.append(PageSpec(U.file_of(U.paged(U.AGREEMENTS, n)), "agreements.html", index_view, (n,),
                            frozenset({"agreements", "site"})))
    return out
