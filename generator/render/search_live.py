"""The dev server's search index: what every document holds is kept, so an edit updates the postings
of the documents it changed and rewrites only the shards and chunks they touch.

render/search.py builds the same files from scratch for `build`; the dev server's tests compare
the two byte for byte. When the documents' order changes (an article added, removed or redated:
every later document's number shifts) or the shard count does, the index is built again.
"""
from __future__ import annotations

import bisect
import threading
from array import array

from ..content import body_of
from . import search
from . import urls as U
from .views import Site


def _row(a, body: str) -> list:
    return [a.title, U.article(a.slug), a.date.isoformat(), a.source or "", search.snippet(a, body)]


def _names(x) -> tuple:
    """What the index takes from an entity: the names an article that links it is found by."""
    return (x.name, *x.aliases) if hasattr(x, "aliases") else (x.title,)


class LiveIndex:
    """Postings by token id, each document's (token id, weight) pairs, rows, and file digests."""

    def __init__(self, site: Site, should_stop=None):
        self.site = site
        self.shards = search.shard_count(site)
        self.ids: dict[str, int] = {}
        self.tokens: list[str] = []
        self.shard: list[int] = []             # token id → shard
        self.postings: list[array] = []        # token id → sorted doc * 4 + weight
        self.in_shard: list[set[int]] = [set() for _ in range(self.shards)]
        self.docs: list[array] = []            # doc → its token id * 4 + weight values
        self.rows: list[list] = []
        for n, a in enumerate(site.archive.articles):
            if should_stop is not None and n % 32 == 0 and should_stop():
                raise search.Cancelled
            body = body_of(a)
            self.docs.append(self._terms(site, a, body))
            for x in self.docs[n]:
                self.postings[x >> 2].append(n * 4 + (x & 3))
            self.rows.append(_row(a, body))
        self.digests: dict[str, str] = {}

    def _id(self, token: str) -> int:
        i = self.ids.get(token)
        if i is None:
            i = self.ids[token] = len(self.tokens)
            self.tokens.append(token)
            self.postings.append(array("I"))
            self.shard.append(search.shard_of(token, self.shards))
            self.in_shard[self.shard[i]].add(i)
        return i

    def _terms(self, site: Site, a, body: str) -> array:
        return array("I", sorted(self._id(t) * 4 + w for w, group in zip(search.WEIGHTS, search.article_terms(site, a, body))
                                 for t in group))

    def files(self) -> dict[str, bytes]:
        """Every file of the index (after a build from scratch)."""
        out = {f"d/{k}.json": self._chunk(k) for k in range(-(-len(self.rows) // search.CHUNK))}
        out |= {f"s/{k}.json": self._shard(k) for k in range(self.shards)}
        return self._finish(out)

    def _chunk(self, k: int) -> bytes:
        return search._dump(self.rows[k * search.CHUNK: (k + 1) * search.CHUNK])

    def _shard(self, k: int) -> bytes:
        out = {}
        for i in self.in_shard[k]:
            values = self.postings[i]
            if not values:
                continue
            token = self.tokens[i]
            if len(values) > search.UNIGRAM_CAP and " " not in token:
                values = search._best(values)
            out[token] = [values[0], *(b - a for a, b in zip(values, values[1:]))]
        return search._dump(out)

    def _finish(self, changed: dict[str, bytes]) -> dict[str, bytes]:
        self.digests.update({name: search.digest(data) for name, data in changed.items()})
        changed["entities.json"] = search.entities_file(self.site, self.shards, search.version_of(self.digests))
        return changed

    def update(self, site: Site) -> dict[str, bytes] | None:
        """The files that change for `site`, the state after some edits (None: build it again)."""
        old, new = self.site.archive, site.archive
        if [a.slug for a in old.articles] != [a.slug for a in new.articles] or search.shard_count(site) != self.shards:
            return None
        docs = {n for n, (a, b) in enumerate(zip(old.articles, new.articles)) if a is not b}
        for kind, links in (("leaders", new.leader_articles), ("events", new.event_articles),
                            ("agreements", new.agreement_articles)):
            was, now = getattr(old, kind), getattr(new, kind)
            if was is now:
                continue
            for id_ in was.keys() & now.keys():
                if _names(was[id_]) != _names(now[id_]):
                    docs |= {site.position[s] for s in links.get(id_, ())}
        self.site = site
        shards, chunks = set(), set()
        for n in sorted(docs):
            a = new.articles[n]
            body = body_of(a)
            terms = self._terms(site, a, body)
            before, after = set(self.docs[n]), set(terms)
            for x in before - after:
                self.postings[x >> 2].remove(n * 4 + (x & 3))
                shards.add(self.shard[x >> 2])
            for x in after - before:
                values = self.postings[x >> 2]
                values.insert(bisect.bisect(values, n * 4 + (x & 3)), n * 4 + (x & 3))
                shards.add(self.shard[x >> 2])
            self.docs[n] = terms
            row = _row(a, body)
            if row != self.rows[n]:
                self.rows[n] = row
                chunks.add(n // search.CHUNK)
        changed = {f"s/{k}.json": self._shard(k) for k in sorted(shards)}
        changed |= {f"d/{k}.json": self._chunk(k) for k in sorted(chunks)}
        return self._finish(changed)


class Building:
    """A LiveIndex made on a thread of its own, while the build's processes render the pages."""

    def __init__(self, site: Site):
        self.site, self.index, self.error = site, None, None
        self.thread: threading.Thread | None = None

    @property
    def started(self) -> bool:
        return self.thread is not None

    def start(self) -> None:
        self.thread = threading.Thread(target=self._run, name="search-index", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            self.index = LiveIndex(self.site)
        except BaseException as exc:  # raised again where the files are asked for
            self.error = exc

    def files(self) -> dict[str, bytes]:
        self.thread.join()
        if self.error is not None:
            raise self.error
        return self.index.files()
