"""Whether an article read ahead, against the registry's leaders as they were, reads the same now.

An import adds the officials it finds to the registry, and a later article that names one must be
read knowing them: its mention is then a registry leader's, not a new official's. Articles read
ahead of time (in other processes) are read against the leaders as loaded; for each, in import
order, `LeadersSince.change(...)` says whether a leader added since could change its reading (so
that it must be read again), by what read() looked at:
- a name of a new leader standing in the text, with its first word capitalised, as the leader
  matcher would look for it (and an official's name that is one is a mention);
- a Lao official close to a new Lao leader's name (similar_leader);
- an id read() gave a new official that a new leader now has.
It may say yes for nothing (the reading is then redone, which is always right), never no wrongly.
"""
from __future__ import annotations

from ..model import Leader
from ..text import fold
from .names import canonical
from .officials import similar_leader
from .phrases import PhraseIndex
from .reconcile import Draft


class LeadersSince:
    """The leaders added to a registry, batch by batch (one batch an article), after articles were
    read ahead against it; a reading may already know the first batches (change(known=...))."""

    def __init__(self) -> None:
        self.batches: list[list[Leader]] = []
        self._after: dict[int, _Added] = {}  # known → the leaders of batches[known:], for the last few

    def add(self, leaders: list[Leader]) -> None:
        """Note leaders just added to the registry (those of one article)."""
        self.batches.append(list(leaders))
        for added in self._after.values():
            added.add(leaders)

    def change(self, draft: Draft, sp: str, caps: str, known: int = 0) -> bool:
        """Whether the leaders added since the first `known` batches could change this reading (sp
        and caps: the forms() of the article's text the draft was read from)."""
        if known >= len(self.batches):
            return False
        added = self._after.get(known)
        if added is None:
            if len(self._after) >= 4:  # readings ahead know about the same batches: keep a few
                del self._after[min(self._after)]
            added = self._after[known] = _Added()
            for batch in self.batches[known:]:
                added.add(batch)
        return added.change(draft, sp, caps)


class _Added:
    """Some leaders added to a registry, as read() would look them up."""

    def __init__(self) -> None:
        self.ids: set[str] = set()
        self.forms: set[str] = set()         # folded names, as the leader matcher keys them
        self.lao: dict[str, str] = {}        # folded names of Lao leaders → id, as read() compares them
        self._index = PhraseIndex((), compile_after=0)  # small, and asked of every page

    def add(self, leaders: list[Leader]) -> None:
        for leader in leaders:
            self.ids.add(leader.id)
            for name in (leader.name, *leader.aliases):
                form = fold(canonical(name))
                if form:
                    self.forms.add(form)
                    if leader.country == "LA":
                        self.lao.setdefault(form, leader.id)
        self._index.add(self.forms)

    def change(self, draft: Draft, sp: str, caps: str) -> bool:
        if any(leader.id in self.ids for leader in draft.new_leaders):
            return True
        for name, country in draft.officials:
            if fold(name) in self.forms or (country == "LA" and self.lao and similar_leader(name, self.lao)):
                return True
        return bool(self._index.find(sp, None, None, caps))
