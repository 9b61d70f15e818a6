"""Finding registry leaders in text: one compiled matcher per registry, over folded text."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Leader
from ..text import fold, normalize
from .lexicon import PLACE_PREFIXES
from .phrases import PhraseIndex, spaced, words

# Words that may follow a one-word short name without making it part of a longer name.
_AFTER_SHORT = frozenset(
    "phu tong chu thu pho bo uy truong bi dai thuong viet lao anh va cung da se dang".split())
_PLACE_BEFORE = re.compile(r"(?:^|[^\w])(?:" + "|".join(map(re.escape, PLACE_PREFIXES)) + r")\s+$", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


def canonical(name: str) -> str:
    """A name for comparing spellings: normalised, lower case, hyphens as spaces, single spaces."""
    return " ".join(normalize(name).lower().replace("-", " ").split())


@dataclass(frozen=True)
class Mention:
    """Where a registry leader is named: character offsets in the scanned text."""
    leader: str
    start: int
    end: int


class LeaderMatcher:
    """All names and aliases of a registry's leaders as one regular expression over folded text."""

    def __init__(self, leaders: dict[str, Leader]):
        self.forms: dict[str, tuple[str, frozenset[str]]] = {}
        spellings: dict[str, set[str]] = {}
        owner: dict[str, str] = {}
        for id_ in sorted(leaders):
            leader = leaders[id_]
            for name in (leader.name, *leader.aliases):
                exact = canonical(name)
                if not exact:
                    continue
                key = fold(exact)
                owner.setdefault(key, id_)  # the registry reports shared names; the first id keeps one
                spellings.setdefault(key, set()).add(exact)
        self.forms = {k: (owner[k], frozenset(v)) for k, v in spellings.items()}
        self.folded_names = frozenset(self.forms)
        self.index = PhraseIndex(self.forms)

    def find(self, text: str, sp: str | None = None, scanned=None) -> list[Mention]:
        """Every accepted mention of a registry leader in text; sp and scanned (spaced folded text and its
        words) may be passed in when the caller has them already."""
        if sp is None:
            sp = spaced(fold(text))
        if scanned is None:
            scanned = words(sp)
        found = []
        for start, end, key in self.index.find(sp, scanned):
            leader, exact = self.forms[key]
            if _accepted(text, start, end, exact, short=" " not in key):
                found.append(Mention(leader, start, end))
        return found


def _accepted(text: str, start: int, end: int, exact: frozenset[str], short: bool) -> bool:
    span = text[start:end]
    # A name is written with capitals ("Tô Lâm"); "tổ làm việc" folds the same but is not one.
    if not all(w[0].isupper() or w[0].isdigit() for w in span.split()):
        return False
    # With diacritics, the spelling must be one the registry knows; without any (copy sites, English
    # editions), the folded match is all there is.
    if not span.isascii() and canonical(span) not in exact:
        return False
    if _PLACE_BEFORE.search(text, max(0, start - 24), start):
        return False  # "thành phố Kaysone Phomvihane", "TP Hồ Chí Minh"
    if short:
        # A one-word short form must not be one word of a longer, unknown name.
        before = _WORD.findall(text[max(0, start - 30):start])
        after = _WORD.match(text, end + 1) if text[end:end + 1] == " " else None
        if before and text[start - 1:start] == " " and before[-1][0].isupper() and fold(before[-1]) not in _AFTER_SHORT:
            return False
        if after and after.group()[0].isupper() and fold(after.group()) not in _AFTER_SHORT:
            return False
    return True


_CACHE: dict[int, tuple[dict, int, LeaderMatcher]] = {}


def matcher_for(leaders: dict[str, Leader]) -> LeaderMatcher:
    """The matcher for a registry's leaders, built once per mapping (rebuilt when entries are added)."""
    hit = _CACHE.get(id(leaders))
    if hit is not None and hit[0] is leaders and hit[1] == len(leaders):
        return hit[2]
    matcher = LeaderMatcher(leaders)
    if len(_CACHE) > 8:
        _CACHE.clear()
    _CACHE[id(leaders)] = (leaders, len(leaders), matcher)
    return matcher
