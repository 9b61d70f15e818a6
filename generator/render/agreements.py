"""Agreement pages (parties, period, signing, witnesses, articles) and the index by year and kind."""
from __future__ import annotations

from itertools import groupby

from . import urls as U
from .spec import PageSpec
from .views import (Site, agreement_link, articles_of, chrome, country_name, date_view, event_link, kind_name,
                    leaders_of, page_count, pager, reviews)


def agreement_view(site: Site, id_: str, page: int) -> dict:
    """One page of an agreement."""
    arc, per = site.archive, site.config.per_page
    g = arc.agreements[id_]
    site.uses("agreement:" + id_)
    name = f"agreement:{id_}"
    count = site.count(name)
    event = arc.events.get(g.event) if g.event else None
    title = g.title + (f" – trang {page}" if page > 1 else "")
    return {
        "page": chrome(site, U.paged(U.agreement(id_), page), title, f"{kind_name(g.kind)}: {g.title}."),
        "agreement": {"title": g.title, "kind": kind_name(g.kind), "parties": [country_name(p) for p in g.parties],
                      "period": g.period or "", "date": date_view(g.date), "review": reviews(g.review)},
        "event": event_link(site, event) if event else None,
        "witnesses": leaders_of(site, g.witnesses, g.date),
        "articles": articles_of(site, site.items(name, (page - 1) * per, page * per)), "article_count": count,
        "pager": pager(site, U.agreement(id_), page, page_count(count, per)),
    }


def index_view(site: Site, page: int) -> dict:
    """Agreements grouped by year of signing (newest first), then by kind, then by title; paginated."""
    arc, per = site.archive, site.config.per_page
    count = site.count("agreements")
    shown = [arc.agreements[i] for i in site.items("agreements", (page - 1) * per, page * per)]
    years = []
    for y, in_year in groupby(shown, key=lambda g: g.date.year if g.date else 0):
        kinds = [{"kind": k, "agreements": [agreement_link(site, g) for g in members]}
                 for k, members in groupby(in_year, key=lambda g: kind_name(g.kind))]
        years.append({"year": y if y else "Chưa rõ năm", "kinds": kinds})
    title = "Văn kiện" + (f" – trang {page}" if page > 1 else "")
    return {"page": chrome(site, U.paged(U.AGREEMENTS, page), title), "years": years, "count": count,
            "pager": pager(site, U.AGREEMENTS, page, page_count(count, per))}


def specs(site: Site) -> list[PageSpec]:
    """Each agreement's pages and the index."""
    arc, per, out = site.archive, site.config.per_page, []
    for id_ in arc.agreements:
        for n in range(1, page_count(len(arc.agreement_articles.get(id_, ())), per) + 1):
            out.append(PageSpec(U.file_of(U.paged(U.agreement(id_), n)), "agreement.html", agreement_view, (id_, n)))
    for n in range(1, page_count(len(arc.agreements), per) + 1):
        out.append(PageSpec(U.file_of(U.paged(U.AGREEMENTS, n)), "agreements.html", index_view, (n,)))
    return out
