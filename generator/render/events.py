"""Event pages (dates, place, participants, agreements, articles) and the events timeline."""
from __future__ import annotations

from itertools import groupby

from . import urls as U
from .spec import PageSpec, entity_key
from .views import (Site, agreements_of, articles_of, chrome, country_name, date_view, event_link, kind_name,
                    leaders_of, page_count, pager, period_text, reviews)


def _ordered(site: Site):
    """Newest first; events without a date last, by id."""
    return sorted(site.archive.events.values(),
                  key=lambda e: (e.start is None, -(e.start.toordinal() if e.start else 0), e.id))


def event_view(site: Site, id_: str, page: int) -> dict:
    """One page of an event: what, when, where, who, what was signed, and its articles."""
    arc, per = site.archive, site.config.per_page
    e = arc.events[id_]
    slugs = arc.event_articles.get(id_, ())
    pages = page_count(len(slugs), per)
    feed = (f"Bài viết về {e.title}", U.event(id_) + U.FEED)
    ld = {"@context": "https://schema.org", "@type": "Event", "name": e.title, "url": site.urls.absolute(U.event(id_)),
          "performer": [{"@type": "Person", "name": arc.leaders[p].name} for p in e.participants if p in arc.leaders]}
    if e.start:
        ld["startDate"] = e.start.isoformat()
    if e.end:
        ld["endDate"] = e.end.isoformat()
    if e.place:
        ld["location"] = {"@type": "Place", "name": e.place}
    title = e.title + (f" – trang {page}" if page > 1 else "")
    return {
        "page": chrome(site, U.paged(U.event(id_), page), title, f"{kind_name(e.kind)}: {e.title}.", "website", ld, (feed,)),
        "event": {"title": e.title, "kind": kind_name(e.kind), "start": date_view(e.start), "end": date_view(e.end),
                  "period": period_text(e.start, e.end), "place": e.place or "",
                  "host": country_name(e.host) if e.host else "", "review": reviews(e.review), "feed": site.urls(feed[1])},
        "participants": leaders_of(site, e.participants, e.start),
        "agreements": agreements_of(site, arc.event_agreements.get(id_, ())),
        "articles": articles_of(site, slugs[(page - 1) * per: page * per]), "article_count": len(slugs),
        "pager": pager(site, U.event(id_), page, pages),
    }


def index_view(site: Site, page: int) -> dict:
    """The events as a timeline, newest first, grouped by year, split into pages."""
    per = site.config.per_page
    events = _ordered(site)
    pages = page_count(len(events), per)
    shown = events[(page - 1) * per: page * per]
    years = [{"year": y if y else "Chưa rõ ngày", "events": [event_link(site, e) for e in members]}
             for y, members in groupby(shown, key=lambda e: e.start.year if e.start else 0)]
    title = "Sự kiện" + (f" – trang {page}" if page > 1 else "")
    return {"page": chrome(site, U.paged(U.EVENTS, page), title), "years": years, "count": len(events),
            "pager": pager(site, U.EVENTS, page, pages)}


def specs(site: Site) -> list[PageSpec]:
    """Each event's pages and the timeline's pages."""
    arc, per, out = site.archive, site.config.per_page, []
    for id_ in arc.events:
        slugs = arc.event_articles.get(id_, ())
        # The page shows this event, its participants, the agreements signed at it and its articles.
        deps = frozenset({entity_key("events", id_), "site"} | {f"article:{s}" for s in slugs}
                         | {entity_key("leaders", p) for p in arc.events[id_].participants}
                         | {entity_key("agreements", g) for g in arc.event_agreements.get(id_, ())})
        for n in range(1, page_count(len(slugs), per) + 1):
            out.append(PageSpec(U.file_of(U.paged(U.event(id_), n)), "event.html", event_view, (id_, n), deps))
    for n in range(1, page_count(len(arc.events), per) + 1):
        out.append(PageSpec(U.file_of(U.paged(U.EVENTS, n)), "events.html", index_view, (n,), frozenset({"events", "site"})))
    return out
