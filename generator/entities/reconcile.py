"""An article's reading matched to the registry's events and agreements, which grow during an import.

Reading an article (`entities.read`) depends on the registry's leaders only; which event and which
agreements it reports depends on every event and agreement known at that moment, including those
the articles imported just before it created. Kept apart, the reading can be done ahead of time
(in another process) and this step, which is cheap, in import order.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model import Agreement, Event, Leader, Review, pickled_by_values
from ..registry import Registry
from . import agreements as docs
from .events import Found, match, new_event
from .tables import grown


@dataclass(frozen=True)
class Extraction:
    leaders: tuple[str, ...]        # registry ids, in order of first mention
    events: tuple[str, ...]         # ids (existing or new)
    agreements: tuple[str, ...]     # ids (existing or new)
    new_leaders: tuple[Leader, ...]
    new_events: tuple[Event, ...]
    new_agreements: tuple[Agreement, ...]
    review: tuple[Review, ...]      # marks for the article's own `review` list


@pickled_by_values  # sent from the processes that read articles ahead to the one that stores them
@dataclass(frozen=True)
class Draft:
    """What an article reports, read against one registry's leaders, not yet matched to events and
    agreements. `officials` lists the unknown officials that were looked up by name (name,
    country): what the reading would change with, were other leaders known."""
    slug: str
    leaders: tuple[str, ...]
    new_leaders: tuple[Leader, ...]
    review: tuple[Review, ...]
    event: Found | None
    documents: tuple[tuple[docs.Listed, str], ...]  # (document, the key two spellings of it share)
    witnesses: tuple[str, ...]
    day: dt.date | None
    officials: tuple[tuple[str, str], ...] = ()


def reconcile(draft: Draft, registry: Registry) -> Extraction:
    """The draft's event and agreements: matched to the registry's, or new ones."""
    events, new_events, event_id = (), (), None
    found = draft.event
    if found:
        event_id = match(found, registry.events)
        if event_id is None:
            new = {leader.id: leader for leader in draft.new_leaders}
            names = {i: new[i] if i in new else registry.leaders[i] for i in found.participants}
            ev = new_event(found, names, draft.slug)
            event_id = ev.id if ev.id not in registry.events else None
            new_events = (ev,) if event_id else ()
        events = (event_id,) if event_id else ()

    ids, new_docs = [], []
    if draft.documents:
        by_key = _agreement_keys(registry.agreements)
        for doc, key in draft.documents:
            id_ = by_key.get(key) or docs.agreement_id(doc.title)
            if id_ in ids:
                continue
            ids.append(id_)
            if id_ not in registry.agreements:
                new_docs.append(docs.make(doc, event_id, draft.day, draft.witnesses, draft.slug))
    return Extraction(draft.leaders, events, tuple(ids), draft.new_leaders, new_events, tuple(new_docs),
                      draft.review)


def _agreement_keys(agreements: dict[str, Agreement]) -> dict[str, str]:
    """folded title key → agreement id (recomputing every key per article was quadratic)."""
    return grown("agreement keys", agreements, dict, _add_key)


def _add_key(keys: dict[str, str], a: Agreement) -> None:
    k = docs.key(a.title)
    if k not in keys or a.id > keys[k]:  # the same winner whatever the order they came in
        keys[k] = a.id
