"""Which pages an edit touches: what changed between two states of the archive, matched against
what each page read when it was last rendered (render.views.Reads). Pure; the dev server's
incremental build (generator.incremental) keeps one Dependencies for the site it serves.

Keys name facts ('A:<slug>' an article, 'a:<slug>' its summary, 'links:<slug>' its entities,
'date:<slug>', 'leader:<id>' …; a page that read all of a kind holds 'a:*'), '#<list>' a list's
length; ranges and windows name parts of the archive's lists (render.lists). A page is touched
when a key it holds changed, when a position it showed of a list now holds something else, or
when the neighbours of an item it looked around changed.
"""
from __future__ import annotations

from collections import defaultdict

from .model import Article
from .render.views import Reads

# What lists, feeds and open data show of an article (its card, its entry); the rest is its page's.
SUMMARY = ("title", "date", "source", "source_url", "author", "lead", "language", "raw", "review")
LINKS = ("leaders", "events", "agreements")
KINDS = {"leaders": "leader", "events": "event", "agreements": "agreement"}


def article_keys(old: Article | None, new: Article | None) -> set[str]:
    """The keys of what differs between two versions of one article (None: not there)."""
    if old is None and new is None:
        return set()
    if old is None or new is None or old.slug != new.slug:
        return {k + a.slug for a in (old, new) if a is not None for k in ("A:", "a:", "links:", "date:")}
    keys = set()
    if old != new:
        keys.add("A:" + new.slug)
    if any(getattr(old, f) != getattr(new, f) for f in SUMMARY):
        keys.add("a:" + new.slug)
    if any(getattr(old, f) != getattr(new, f) for f in LINKS):
        keys.add("links:" + new.slug)
    if old.date != new.date:
        keys.add("date:" + new.slug)
    return keys


def registry_keys(old, new) -> set[str]:
    """The keys of every entity added, removed or changed between two registries."""
    keys = set()
    for kind, key in KINDS.items():
        a, b = getattr(old, kind), getattr(new, kind)
        if a is b:
            continue
        keys |= {f"{key}:{i}" for i in a.keys() | b.keys() if a.get(i) != b.get(i)}
    return keys


def with_wildcards(keys: set[str]) -> set[str]:
    """keys, and 'X:*' for each 'X:id' among them (held by pages that read every X)."""
    return keys | {k.split(":", 1)[0] + ":*" for k in keys if ":" in k and not k.startswith("#")}


def changed_region(old: tuple, new: tuple) -> tuple[int, int] | None:
    """The positions lo … hi-1 at which two versions of a list may hold different items; None
    when they are equal. A list that grew or shrank differs from its first change to its end."""
    if old == new:
        return None
    n = min(len(old), len(new))
    lo = 0
    while lo < n and old[lo] == new[lo]:
        lo += 1
    if len(old) != len(new):
        return lo, max(len(old), len(new))
    hi = len(old)
    while hi > lo and old[hi - 1] == new[hi - 1]:
        hi -= 1
    return lo, hi


def _window(items: tuple, where: dict, item, radius: int) -> tuple | None:
    n = where.get(item)
    return None if n is None else items[max(0, n - radius): n + radius + 1]


class Dependencies:
    """What every page read at its last rendering, indexed by key and by list."""

    def __init__(self) -> None:
        self.reads: dict[str, Reads] = {}
        self._by_key: defaultdict[str, set[str]] = defaultdict(set)
        self._by_list: defaultdict[str, set[str]] = defaultdict(set)

    def record(self, path: str, reads: Reads) -> None:
        """What the page at path read when it was just rendered (replacing what it read before)."""
        self.forget(path)
        self.reads[path] = reads
        for key in reads.keys:
            self._by_key[key].add(path)
        for name in {r[0] for r in reads.ranges} | {w[0] for w in reads.windows}:
            self._by_list[name].add(path)

    def forget(self, path: str) -> None:
        """The page is gone (or is being recorded again)."""
        old = self.reads.pop(path, None)
        if old is None:
            return
        for key in old.keys:
            self._by_key[key].discard(path)
        for name in {r[0] for r in old.ranges} | {w[0] for w in old.windows}:
            self._by_list[name].discard(path)

    def affected(self, keys: set[str], lists: dict[str, tuple[tuple, tuple]]) -> set[str]:
        """The pages touched by changed keys and by lists changed from old to new ({name: (old, new)})."""
        out: set[str] = set()
        for key in with_wildcards(keys):
            out |= self._by_key.get(key, set())
        for name, (old, new) in lists.items():
            region = changed_region(old, new)
            if region is None:
                continue
            if len(old) != len(new):
                out |= self._by_key.get("#" + name, set())
            lo, hi = region
            where_old = where_new = None
            for path in self._by_list.get(name, ()):
                if path in out:
                    continue
                reads = self.reads[path]
                if any(n == name and a < hi and (b is None or b > lo) for n, a, b in reads.ranges):
                    out.add(path)
                    continue
                for n, item, radius in reads.windows:
                    if n != name:
                        continue
                    if where_old is None:
                        where_old = {x: i for i, x in enumerate(old)}
                        where_new = {x: i for i, x in enumerate(new)}
                    if _window(old, where_old, item, radius) != _window(new, where_new, item, radius):
                        out.add(path)
                        break
        return out
