"""Event pages (dates, place, participants, agreements, articles) and the events timeline."""
from __future__ import annotations

from itertools import groupby

from . import urls as U
from .spec import PageSpec
from .views import (Site, agreements_of, articles_of, chrome, country_name, date_view, event_link, kind_name,
                    leaders_of, page_count, pager, period_text, reviews)


def event_view(site: Site, id_: str, page: int) -> dict:
    """One page of an event: what, when, where, who, what was signed, and its articles."""
    arc, per = site.archive, site.config.per_page
    e = arc.events[id_]
    site.uses("event:" + id_)
    name = f"event:{id_}"
    count = site.count(name)
    feed = (f"Bài viết về {e.title}", U.event(id_) + U.FEED)
    performers = [arc.leaders[p] for p in e.participants if p in arc.leaders]
    site.uses(*("leader:" + x.id for x in performers))
    ld = {"@context": "https://schema.org", "@type": "Event", "name": e.title, "url": site.urls.absolute(U.event(id_)),
          "performer": [{"@type": "Person", "name": x.name} for x in performers]}
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
        "agreements": agreements_of(site, site.items(f"event-agreements:{id_}")),
        "articles": articles_of(site, site.items(name, (page - 1) * per, page * per)), "article_count": count,
        "pager": pager(site, U.event(id_), page, page_count(count, per)),
    }


def index_view(site: Site, page: int) -> dict:
    """The events as a timeline, newest first, grouped by year, split into pages."""
    arc, per = site.archive, site.config.per_page
    count = site.count("events")
    shown = [arc.events[i] for i in site.items("events", (page - 1) * per, page * per)]
    years = [{"year": y if y else "Chưa rõ ngày", "events": [event_link(site, e) for e in members]}
             for y, members in groupby(shown, key=lambda e: e.start.year if e.start else 0)]
    title = "Sự kiện" + (f" – trang {page}" if page > 1 else "")
    return {"page": chrome(site, U.paged(U.EVENTS, page), title), "years": years, "count": count,
            "pager": pager(site, U.EVENTS, page, page_count(count, per))}


def specs(site: Site) -> list[PageSpec]:
    """Each event's pages and the timeline's pages."""
    arc, per, out = site.archive, site.config.per_page, []
    for id_ in arc.events:
        for n in range(1, page_count(len(arc.event_articles.get(id_, ())), per) + 1):
            out.append(PageSpec(U.file_of(U.paged(U.event(id_), n)), "event.html", event_view, (id_, n)))
    for n in range(1, page_count(len(arc.events), per) + 1):
        out.append(PageSpec(U.file_of(U.paged(U.EVENTS, n)), "events.html", index_view, (n,)))
    return out
