"""Atom feeds: the latest articles, and one per leader and per event."""
from __future__ import annotations

import datetime as dt
import os
import uuid

from . import urls as U
from .spec import PageSpec
from .views import Site


def stamp(d: dt.date | None) -> str:
    """An Atom date-time for a day. With no date at all, SOURCE_DATE_EPOCH (or the epoch): never the clock."""
    if d is None:
        epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0") or 0)
        return dt.datetime.fromtimestamp(epoch, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return f"{d.isoformat()}T00:00:00Z"


def atom_id(site: Site, rel: str) -> str:
    """An entry or feed id: its absolute URL, or a name-based UUID when the base URL has no host."""
    if site.config.origin:
        return site.urls.absolute(rel)
    return "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, "generator:" + rel))


def feed_view(site: Site, rel: str, title: str, name: str) -> dict:
    """An Atom feed of the newest feed_size articles of the named list (newest first already)."""
    arc = site.archive
    arts = [arc.by_slug[s] for s in site.items(name, 0, site.config.feed_size)]
    feed_rel = rel + U.FEED
    site.uses(*(k + a.slug for a in arts for k in ("a:", "links:")))
    site.uses(*("leader:" + i for a in arts for i in a.leaders))
    if not arts:  # an empty feed is dated by the site's newest article
        site.uses(*("a:" + s for s in site.items("articles", 0, 1)))
    return {"title": title, "subtitle": site.config.description, "id": atom_id(site, feed_rel),
            "self": site.urls.absolute(feed_rel), "alternate": site.urls.absolute(rel),
            "updated": stamp(arts[0].date if arts else site.newest_date()), "lang": site.config.language,
            "entries": [{"title": a.title, "url": site.urls.absolute(U.article(a.slug)),
                         "id": atom_id(site, U.article(a.slug)), "updated": stamp(a.date),
                         "author": a.author or a.source or site.config.title, "summary": a.lead or "",
                         "categories": [arc.leaders[i].name for i in a.leaders]} for a in arts]}


def site_feed(site: Site) -> dict:
    return feed_view(site, "", site.config.title, "articles")


def leader_feed(site: Site, id_: str) -> dict:
    site.uses("leader:" + id_)
    x = site.archive.leaders[id_]
    return feed_view(site, U.leader(id_), f"{x.name} – {site.config.title}", f"leader:{id_}")


def event_feed(site: Site, id_: str) -> dict:
    site.uses("event:" + id_)
    e = site.archive.events[id_]
    return feed_view(site, U.event(id_), f"{e.title} – {site.config.title}", f"event:{id_}")


def specs(site: Site) -> list[PageSpec]:
    """The site feed, and a feed for every leader and event."""
    arc = site.archive
    out = [PageSpec(U.FEED, "feed.xml", site_feed, ())]
    out += [PageSpec(U.leader(id_) + U.FEED, "feed.xml", leader_feed, (id_,)) for id_ in arc.leaders]
    out += [PageSpec(U.event(id_) + U.FEED, "feed.xml", event_feed, (id_,)) for id_ in arc.events]
    return out
