"""Open data: api/articles.json, leaders.json, events.json, agreements.json (see docs/open-data.md)."""
from __future__ import annotations

import json

from . import urls as U
from .spec import PageSpec
from .views import Site


def _date(d):
    return d.isoformat() if d else None


def _review(items) -> list[dict]:
    return [{"field": r.field, "reason": r.reason} for r in items]


def _dump(items: list[dict]) -> bytes:
    # One object per line: readable, diff-friendly, and still one JSON document.
    body = ",\n".join(json.dumps(i, ensure_ascii=False, sort_keys=True) for i in items)
    return ("[\n" + body + "\n]\n").encode() if items else b"[]\n"


def _uses_all(site: Site, kind: str, entities: dict, lists: tuple[str, ...]) -> None:
    """Record that a file lists every entity of a kind with these lists of each."""
    site.uses(kind + ":*", "#" + kind + "s")
    for id_ in entities:
        for name in lists:
            site.items(f"{name}:{id_}")


def articles_json(site: Site) -> bytes:
    """Every article: id (slug), url, what its page shows except the body, and the entity ids."""
    u = site.urls
    site.uses("a:*", "links:*")
    site.items("articles")
    return _dump([{"id": a.slug, "url": u.absolute(U.article(a.slug)), "title": a.title, "date": a.date.isoformat(),
                   "source": a.source, "source_url": a.source_url, "author": a.author, "lead": a.lead,
                   "language": a.language, "raw": a.raw, "review": _review(a.review), "leaders": list(a.leaders),
                   "events": list(a.events), "agreements": list(a.agreements)} for a in site.archive.articles])


def leaders_json(site: Site) -> bytes:
    arc, u = site.archive, site.urls
    _uses_all(site, "leader", arc.leaders, ("leader", "leader-events", "leader-agreements"))
    return _dump([{"id": x.id, "url": u.absolute(U.leader(x.id)), "name": x.name, "country": x.country,
                   "aliases": list(x.aliases),
                   "roles": [{"title": r.title, "start": _date(r.start), "end": _date(r.end)} for r in x.roles],
                   "review": _review(x.review), "events": list(arc.leader_events.get(x.id, ())),
                   "agreements": list(arc.leader_agreements.get(x.id, ())),
                   "articles": list(arc.leader_articles.get(x.id, ()))} for x in arc.leaders.values()])


def events_json(site: Site) -> bytes:
    arc, u = site.archive, site.urls
    _uses_all(site, "event", arc.events, ("event", "event-agreements"))
    return _dump([{"id": e.id, "url": u.absolute(U.event(e.id)), "title": e.title, "kind": e.kind,
                   "start": _date(e.start), "end": _date(e.end), "place": e.place, "host": e.host,
                   "participants": list(e.participants), "review": _review(e.review),
                   "agreements": list(arc.event_agreements.get(e.id, ())),
                   "articles": list(arc.event_articles.get(e.id, ()))} for e in arc.events.values()])


def agreements_json(site: Site) -> bytes:
    arc, u = site.archive, site.urls
    _uses_all(site, "agreement", arc.agreements, ("agreement",))
    return _dump([{"id": g.id, "url": u.absolute(U.agreement(g.id)), "title": g.title, "kind": g.kind,
                   "parties": list(g.parties), "period": g.period, "event": g.event, "date": _date(g.date),
                   "witnesses": list(g.witnesses), "review": _review(g.review),
                   "articles": list(arc.agreement_articles.get(g.id, ()))} for g in arc.agreements.values()])


def specs(site: Site) -> list[PageSpec]:
    """The four open-data files."""
    return [PageSpec("api/articles.json", None, articles_json, ()),
            PageSpec("api/leaders.json", None, leaders_json, ()),
            PageSpec("api/events.json", None, events_json, ()),
            PageSpec("api/agreements.json", None, agreements_json, ())]
