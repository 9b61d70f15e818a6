"""Links articles and entities into one graph, both ways; ids that resolve to nothing are errors."""
from __future__ import annotations

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


def link(articles: tuple[Article, ...], reg: Registry) -> tuple[Archive, list[Diagnostic]]:
    """Resolve every id and build the back-links; an unknown id is dropped and reported."""
    diags: list[Diagnostic] = []
    resolved = []
    for a in articles:
        ids = (_resolve(a, "leaders", reg.leaders, diags), _resolve(a, "events", reg.events, diags),
               _resolve(a, "agreements", reg.agreements, diags))
        # The same object when nothing was dropped: the dev server tells changed articles by identity.
        same = ids == (a.leaders, a.events, a.agreements)
        resolved.append(a if same else replace(a, leaders=ids[0], events=ids[1], agreements=ids[2]))
    resolved.sort(key=article_order)

    leader_articles, event_articles, agreement_articles = defaultdict(list), defaultdict(list), defaultdict(list)
    for a in resolved:
        for i in a.leaders:
            leader_articles[i].append(a.slug)
        for i in a.events:
            event_articles[i].append(a.slug)
        for i in a.agreements:
            agreement_articles[i].append(a.slug)

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

    freeze = lambda d: {k: tuple(v) for k, v in sorted(d.items())}  # noqa: E731
    archive = Archive(
        articles=tuple(resolved), leaders=dict(sorted(reg.leaders.items())), events=dict(sorted(reg.events.items())),
        agreements=dict(sorted(reg.agreements.items())), by_slug={a.slug: a for a in resolved},
        leader_articles=freeze(leader_articles), leader_events=freeze(leader_events),
        leader_agreements=freeze(leader_agreements), event_articles=freeze(event_articles),
        event_agreements=freeze(event_agreements), agreement_articles=freeze(agreement_articles),
    )
    return archive, diags


def _event_order(e: Event):
    return (-(e.start.toordinal() if e.start else 0), e.id)


def _agreement_order(a: Agreement):
    return (-(a.date.toordinal() if a.date else 0), a.id)
