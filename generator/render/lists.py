"""The archive's named lists, in the order pages show them: what Site.items() and count() read.

Pages read lists by name so the dev server can compare a list before and after an edit and
re-render only the pages that showed a part of it that changed (generator.incremental):

    articles                 every article's slug, newest first
    year:<y>                 the slugs of year y, newest first;  years: the years, newest first
    leader:<id>              a leader's articles (event:<id>, agreement:<id> likewise)
    leader-events:<id>       a leader's events; leader-agreements:<id>, event-agreements:<id>
    leaders                  leader ids in the index's order (country, then name)
    events                   event ids, newest first (undated last)
    agreements               agreement ids by year of signing, kind, title
"""
from __future__ import annotations

from collections import defaultdict

from ..text import fold


_TABLES = {"leader": "leader_articles", "event": "event_articles", "agreement": "agreement_articles",
           "leader-events": "leader_events", "leader-agreements": "leader_agreements",
           "event-agreements": "event_agreements"}


def make(site, name: str) -> tuple:
    """The list called name (an unknown name is an empty list: an id no longer in the registry)."""
    arc = site.archive
    kind, _, key = name.partition(":")
    if name == "articles":
        return tuple(a.slug for a in arc.articles)
    if kind == "year" or name == "years":
        return _years(site, name)
    if key:
        table = getattr(arc, _TABLES[kind]) if kind in _TABLES else {}
        return tuple(table.get(key, ()))  # the archive's own tuple: unchanged lists stay the same object
    if name == "leaders":
        from .leaders import index_order
        return tuple(x.id for x in sorted(arc.leaders.values(), key=index_order))
    if name == "events":
        return tuple(e.id for e in sorted(arc.events.values(),
                                          key=lambda e: (e.start is None, -(e.start.toordinal() if e.start else 0), e.id)))
    if name == "agreements":
        from .views import kind_name
        return tuple(g.id for g in sorted(arc.agreements.values(), key=lambda g: (
            g.date is None, -(g.date.year if g.date else 0), kind_name(g.kind), fold(g.title), g.id)))
    return ()


def _years(site, name: str) -> tuple:
    """Every year's list in one pass over the archive (asked for one, all are kept)."""
    by_year: dict[int, list[str]] = defaultdict(list)
    for a in site.archive.articles:
        by_year[a.date.year].append(a.slug)
    for y, slugs in by_year.items():
        site._lists[f"year:{y}"] = tuple(slugs)
    site._lists["years"] = tuple(sorted(by_year, reverse=True))
    return site._lists.get(name, ())


def carry(old, new) -> None:
    """Give the new site the old one's sorted lists whose source the relink kept as the same object
    (sorting 2,500 agreements by folded title, say, after a new leader, costs more than the edit)."""
    a, b = old.archive, new.archive
    for name in ("leaders", "events", "agreements"):
        if getattr(a, name) is getattr(b, name) and name in old._lists:
            new._lists.setdefault(name, old._lists[name])
    if a.articles is b.articles:
        for name, value in old._lists.items():
            if name in ("articles", "years") or name.startswith("year:"):
                new._lists.setdefault(name, value)


def changed(old, new) -> dict[str, tuple[tuple, tuple]]:
    """The lists that differ between two sites: {name: (old list, new list)}. The archives' tables
    are compared by identity first (relinking keeps unchanged lists as the same objects)."""
    a, b = old.archive, new.archive
    out = {}
    for kind, table in _TABLES.items():
        was, now = getattr(a, table), getattr(b, table)
        if was is now:
            continue
        for key in was.keys() | now.keys():
            x, y = was.get(key, ()), now.get(key, ())
            if x is not y and x != y:
                out[f"{kind}:{key}"] = (x, y)
    names = [n for n in ("leaders", "events", "agreements") if getattr(a, n) is not getattr(b, n)]
    if a.articles is not b.articles:
        names.append("articles")
        years = set(old.list("years")) | set(new.list("years"))
        names += ["years"] + [f"year:{y}" for y in sorted(years)]
    for name in names:
        x, y = old.list(name), new.list(name)
        if x != y:
            out[name] = (x, y)
    return out
