"""Links articles and entities into one graph, both ways; ids that resolve to nothing are errors."""
from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass, field, replace

from .model import Agreement, Article, Diagnostic, Event, Leader, error
from .registry import Registry


@dataclass(frozen=True)
class Archive:
    """The finished graph every page is rendered from. Lists are sorted, newest first for dated ones."""
    articles: tuple[Article, ...]
    leaders: dict[str, Leader]
    events: dict[str, Event]
    agreements: dict[str, Agreement]
    by_slug: dict[str, Article] = field(default_factory=dict)
    leader_articles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    leader_events: dict[str, tuple[str, ...]] = field(default_factory=dict)
    leader_agreements: dict[str, tuple[str, ...]] = field(default_factory=dict)
    event_articles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    event_agreements: dict[str, tuple[str, ...]] = field(default_factory=dict)
    agreement_articles: dict[str, tuple[str, ...]] = field(default_factory=dict)


def article_order(a: Article):
    """Newest first; the slug breaks ties so the order never depends on the file system."""
    return (-a.date.toordinal(), a.slug)


def _resolve(article: Article, kind: str, known: dict, diags: list[Diagnostic]) -> tuple[str, ...]:
    ids = getattr(article, kind)
    if all(i in known for i in ids) and len(set(ids)) == len(ids):
        return ids
    good = tuple(dict.fromkeys(i for i in ids if i in known))
    for missing in (i for i in ids if i not in known):
        diags.append(error(f"{kind}: unknown id {missing!r} (not in content/data/{kind}.yaml)",
                           article.path, article.lines.get(kind), "link"))
    return good


def _resolved(a: Article, reg: Registry, diags: list[Diagnostic]) -> Article:
    """The article with its ids resolved: the same object when nothing was dropped (the dev server
    tells changed articles by identity)."""
    ids = (_resolve(a, "leaders", reg.leaders, diags), _resolve(a, "events", reg.events, diags),
           _resolve(a, "agreements", reg.agreements, diags))
    if ids == (a.leaders, a.events, a.agreements):
        return a
    return replace(a, leaders=ids[0], events=ids[1], agreements=ids[2])


_KINDS = ("leaders", "events", "agreements")


def _freeze(d: dict) -> dict:
    return {k: tuple(v) for k, v in sorted(d.items())}


def _entity_links(reg: Registry, diags: list[Diagnostic]) -> tuple[dict, dict, dict]:
    """leader → events, leader → agreements witnessed, event → agreements signed at it."""
    leader_events, leader_agreements, event_agreements = defaultdict(list), defaultdict(list), defaultdict(list)
    for ev in sorted(reg.events.values(), key=_event_order):
        for p in ev.participants:
            if p in reg.leaders:
                leader_events[p].append(ev.id)
            else:
                diags.append(error(f"event {ev.id}: unknown participant {p!r}", "content/data/events.yaml", None, "link"))
    for ag in sorted(reg.agreements.values(), key=_agreement_order):
        if ag.event:
            if ag.event in reg.events:
                event_agreements[ag.event].append(ag.id)
            else:
                diags.append(error(f"agreement {ag.id}: unknown event {ag.event!r}", "content/data/agreements.yaml", None, "link"))
        for w in ag.witnesses:
            if w in reg.leaders:
                leader_agreements[w].append(ag.id)
            else:
                diags.append(error(f"agreement {ag.id}: unknown witness {w!r}", "content/data/agreements.yaml", None, "link"))
    return _freeze(leader_events), _freeze(leader_agreements), _freeze(event_agreements)


def link(articles: tuple[Article, ...], reg: Registry) -> tuple[Archive, list[Diagnostic]]:
    """Resolve every id and build the back-links; an unknown id is dropped and reported."""
    diags: list[Diagnostic] = []
    resolved = sorted((_resolved(a, reg, diags) for a in articles), key=article_order)
    by_kind = {kind: defaultdict(list) for kind in _KINDS}
    for a in resolved:
        for kind in _KINDS:
            for i in getattr(a, kind):
                by_kind[kind][i].append(a.slug)
    leader_events, leader_agreements, event_agreements = _entity_links(reg, diags)
    archive = Archive(
        articles=tuple(resolved), leaders=dict(sorted(reg.leaders.items())), events=dict(sorted(reg.events.items())),
        agreements=dict(sorted(reg.agreements.items())), by_slug={a.slug: a for a in resolved},
        leader_articles=_freeze(by_kind["leaders"]), leader_events=leader_events,
        leader_agreements=leader_agreements, event_articles=_freeze(by_kind["events"]),
        event_agreements=event_agreements, agreement_articles=_freeze(by_kind["agreements"]),
    )
    return archive, diags


_LISTS = {"leaders": "leader_articles", "events": "event_articles", "agreements": "agreement_articles"}


def relink(old: Archive, old_reg: Registry, reg: Registry, changed: dict[str, Article | None]
           ) -> tuple[Archive, list[Diagnostic]] | None:
    """What link() gives for old's articles with `changed` (slug → new article, None: removed) and
    registry reg, worked out from old (linked with old_reg, without errors) in time that grows with
    the edit, not the archive. None when an entity was removed: then link() everything."""
    if any(getattr(old_reg, kind).keys() - getattr(reg, kind).keys() for kind in _KINDS):
        return None
    diags: list[Diagnostic] = []
    new = {slug: _resolved(a, reg, diags) for slug, a in changed.items() if a is not None}
    articles = [a for a in old.articles if a.slug not in changed]
    for a in new.values():
        bisect.insort(articles, a, key=article_order)
    by_slug = dict(old.by_slug)
    for slug in changed:
        by_slug.pop(slug, None)
    by_slug.update(new)
    lists = {kind: dict(getattr(old, _LISTS[kind])) for kind in _KINDS}
    for kind in _KINDS:
        touched = {i for slug in changed for a in (old.by_slug.get(slug), new.get(slug)) if a for i in getattr(a, kind)}
        for i in sorted(touched):
            members = [s for s in lists[kind].get(i, ()) if s not in changed]
            for a in new.values():
                if i in getattr(a, kind):
                    bisect.insort(members, a.slug, key=lambda s: article_order(by_slug[s]))
            if members:
                lists[kind][i] = tuple(members)
            else:
                lists[kind].pop(i, None)
        lists[kind] = dict(sorted(lists[kind].items())) if touched - getattr(old, _LISTS[kind]).keys() else lists[kind]
    same_links = reg.events is old_reg.events and reg.agreements is old_reg.agreements and reg.leaders.keys() == old_reg.leaders.keys()
    links = (old.leader_events, old.leader_agreements, old.event_agreements) if same_links else _entity_links(reg, diags)
    entities = {kind: getattr(old, kind) if getattr(reg, kind) is getattr(old_reg, kind)
                else dict(sorted(getattr(reg, kind).items())) for kind in _KINDS}
    archive = Archive(
        articles=tuple(articles), by_slug=by_slug, **entities,
        leader_articles=lists["leaders"], event_articles=lists["events"], agreement_articles=lists["agreements"],
        leader_events=links[0], leader_agreements=links[1], event_agreements=links[2])
    return archive, diags


def _event_order(e: Event):
    return (-(e.start.toordinal() if e.start else 0), e.id)


def _agreement_order(a: Agreement):
    return (-(a.date.toordinal() if a.date else 0), a.id)
