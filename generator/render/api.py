"""Open data: api/articles.json, leaders.json, events.json, agreements.json (see docs/open-data.md)."""
from __future__ import annotations

import json
from itertools import compress
from operator import is_not

from . import urls as U
from .spec import PageSpec
from .views import Site


def _date(d):
    return d.isoformat() if d else None


def _review(items) -> list[dict]:
    return [{"field": r.field, "reason": r.reason} for r in items]


def _dump(site: Site, name: str, items, extra, make, each: bool = True) -> bytes:
    """One JSON object per item and per line: readable, diff-friendly, and still one document.

    The dev server keeps each file's items and lines in site.memo and makes an item's line again
    only when the item or extra(item) changed: articles.json is 10 MB at 10,000 articles, and an
    edit changes a line or two. `extra` is a function of the item, or with each=False one value
    for every item (articles.json: the URLs)."""
    items = tuple(items)
    last = site.memo.get(("api", name)) if site.memo is not None else None
    if last is not None and not each and last[1] == extra and len(last[0]) == len(items):
        # The same articles in the same places but for the edited ones: relinking and patching
        # keep the others as the same objects, found without a Python loop (map and compress run in C).
        extras, lines = extra, list(last[2])
        for i in compress(range(len(items)), map(is_not, last[0], items)):
            if last[0][i] != items[i]:
                lines[i] = _line(make(items[i]))
    else:
        # Otherwise by id, compared by value (a registry edit parses every entity of its file anew).
        extras, lines = [] if each else extra, []
        before = {}
        if last is not None and (each or last[1] == extra):
            before = {_key(name, it): (it, last[1][n] if each else extra, last[2][n]) for n, it in enumerate(last[0])}
        for item in items:
            more = extra(item) if each else extra
            hit = before.get(_key(name, item))
            if hit is not None and (hit[0] is item or hit[0] == item) and hit[1] == more:
                line = hit[2]
            else:
                line = _line(make(item))
            if each:
                extras.append(more)
            lines.append(line)
    if site.memo is not None:
        site.memo[("api", name)] = (items, extras, lines)
    return b"[\n" + b",\n".join(lines) + b"\n]\n" if lines else b"[]\n"


def keep_lines(site: Site) -> None:
    """Fill site.memo with every open-data file's lines when they are not there (the dev server's
    first build made the files in forked processes, whose memo is gone), so that the first edit
    touching them makes one line again, not all."""
    if ("api", "articles") not in site.memo:
        for make in (articles_json, leaders_json, events_json, agreements_json):
            make(site)


def _key(name: str, item) -> str:
    return item.slug if name == "articles" else item.id


def _line(data: dict) -> bytes:
    # Each line as UTF-8 bytes: the file is never one 2-bytes-a-character string.
    return json.dumps(data, ensure_ascii=False, sort_keys=True).encode()


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
    return _dump(site, "articles", site.archive.articles, u, each=False, make=lambda a: {
        "id": a.slug, "url": u.absolute(U.article(a.slug)), "title": a.title, "date": a.date.isoformat(),
        "source": a.source, "source_url": a.source_url, "author": a.author, "lead": a.lead,
        "language": a.language, "raw": a.raw, "review": _review(a.review), "leaders": list(a.leaders),
        "events": list(a.events), "agreements": list(a.agreements)})


def leaders_json(site: Site) -> bytes:
    arc, u = site.archive, site.urls
    _uses_all(site, "leader", arc.leaders, ("leader", "leader-events", "leader-agreements"))
    lists = lambda x: (u, arc.leader_events.get(x.id, ()), arc.leader_agreements.get(x.id, ()),  # noqa: E731
                       arc.leader_articles.get(x.id, ()))
    return _dump(site, "leaders", arc.leaders.values(), lists, lambda x: {
        "id": x.id, "url": u.absolute(U.leader(x.id)), "name": x.name, "country": x.country,
        "aliases": list(x.aliases),
        "roles": [{"title": r.title, "start": _date(r.start), "end": _date(r.end)} for r in x.roles],
        "review": _review(x.review), "events": list(lists(x)[1]), "agreements": list(lists(x)[2]),
        "articles": list(lists(x)[3])})


def events_json(site: Site) -> bytes:
    arc, u = site.archive, site.urls
    _uses_all(site, "event", arc.events, ("event", "event-agreements"))
    lists = lambda e: (u, arc.event_agreements.get(e.id, ()), arc.event_articles.get(e.id, ()))  # noqa: E731
    return _dump(site, "events", arc.events.values(), lists, lambda e: {
        "id": e.id, "url": u.absolute(U.event(e.id)), "title": e.title, "kind": e.kind,
        "start": _date(e.start), "end": _date(e.end), "place": e.place, "host": e.host,
        "participants": list(e.participants), "review": _review(e.review),
        "agreements": list(lists(e)[1]), "articles": list(lists(e)[2])})


def agreements_json(site: Site) -> bytes:
    arc, u = site.archive, site.urls
    _uses_all(site, "agreement", arc.agreements, ("agreement",))
    lists = lambda g: (u, arc.agreement_articles.get(g.id, ()))  # noqa: E731
    return _dump(site, "agreements", arc.agreements.values(), lists, lambda g: {
        "id": g.id, "url": u.absolute(U.agreement(g.id)), "title": g.title, "kind": g.kind,
        "parties": list(g.parties), "period": g.period, "event": g.event, "date": _date(g.date),
        "witnesses": list(g.witnesses), "review": _review(g.review), "articles": list(lists(g)[1])})


def specs(site: Site) -> list[PageSpec]:
    """The four open-data files."""
    return [PageSpec("api/articles.json", None, articles_json, ()),
            PageSpec("api/leaders.json", None, leaders_json, ()),
            PageSpec("api/events.json", None, events_json, ()),
            PageSpec("api/agreements.json", None, agreements_json, ())]
