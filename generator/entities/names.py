"""Finding registry leaders in text: one compiled matcher per registry, over folded text."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..model import Leader
from ..text import fold, normalize
from .lexicon import PLACE_PREFIXES
from .phrases import PhraseIndex, cased, spaced

# Words that may follow a one-word short name without making it part of a longer name.
_AFTER_SHORT = frozenset(
    "phu tong chu thu pho bo uy truong bi dai thuong viet lao anh va cung da se dang".split())
# A place word before a name, read backwards from the name: white space, the word spelt backwards,
# then a character that is no word character (see _place_before).
_PLACE_BEFORE = re.compile(r"\s+(?:" + "|".join(re.escape(p[::-1]) for p in PLACE_PREFIXES) + r")[^\w]", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


@functools.lru_cache(maxsize=8192)  # the same names and places come back in every article
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
    """All names and aliases of a registry's leaders, indexed by first folded word."""

    def __init__(self, leaders: dict[str, Leader]):
        self.leaders: dict[str, Leader] = {}
        self.forms: dict[str, tuple[str, frozenset[str]]] = {}
        self.masks: dict[str, tuple[tuple[bool, ...], ...]] = {}
        self.index = PhraseIndex(())
        self.add(leaders[i] for i in sorted(leaders))

    def add(self, leaders) -> None:
        """Take more leaders in (an import adds the officials it finds, article by article)."""
        for leader in leaders:
            self.leaders[leader.id] = leader
            for name in (leader.name, *leader.aliases):
                exact = canonical(name)
                if not exact:
                    continue
                key = fold(exact)
                if key in self.forms and self.forms[key][0] != leader.id:
                    continue  # the registry reports shared names; the first id keeps one
                owner, known = self.forms.get(key, (leader.id, frozenset()))
                self.forms[key] = (owner, known | {exact})
                # which words the registry writes with a capital ("Đại tướng Võ Nguyên Giáp")
                mask = tuple(w[0].isupper() for w in normalize(name).replace("-", " ").split())
                self.masks[key] = tuple(set(self.masks.get(key, ())) | {mask})
        self.index.add(k for k in self.forms if k not in self.index)
        self.folded_names = frozenset(self.forms)

    def find(self, text: str, sp: str | None = None, caps: str | None = None, capvocab=None) -> list[Mention]:
        """Every accepted mention of a registry leader in (normalised) text; sp, caps and capvocab
        (spaced folded text, cased text, its capitalised words) may be passed in when the caller has them."""
        if sp is None:
            sp = spaced(fold(text))
        if caps is None:
            caps = cased(text)

        def accept(start: int, end: int, key: str) -> bool:
            return _accepted(text, start, end, self.forms[key][1], self.masks[key], short=" " not in key)

        return [Mention(self.forms[key][0], start, end) for start, end, key in self.index.find(sp, capvocab, accept, caps)]


def _accepted(text: str, start: int, end: int, exact: frozenset[str], masks, short: bool) -> bool:
    span = text[start:end]
    words = span.replace("-", " ").split()
    # A name is written with capitals ("Tô Lâm"); "tổ làm việc" folds the same but is not one.
    if not _capitals_fit([w[0].isupper() or w[0].isdigit() for w in words], masks):
        return False
    # With diacritics, the spelling must be one the registry knows; without any (copy sites, English
    # editions), the folded match is all there is. (Lower case has no white space or hyphens that
    # the text's letters had not: lowering the words is lowering the span.)
    if not span.isascii() and " ".join(words).lower() not in exact:
        return False
    if _place_before(text, start):
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


def _capitals_fit(caps: list[bool], masks) -> bool:
    """Whether words with these capitals (True: the word's first letter is one, or a digit) may be
    a name written with these masks: as many words, a capital wherever a mask has one."""
    for mask in masks:  # one mask a name, nearly always, and every word a capital: no generator
        if len(mask) == len(caps) and (all(caps) or all(c or not want for c, want in zip(caps, mask))):
            return True
    return False


def _place_before(text: str, start: int) -> bool:
    """Whether the 24 characters before start end with a place word ("thành phố", "TP") and white
    space, the word standing at the text's start or after a character that is no word character.

    Searched forwards, the place words are tried at each of those characters; read backwards, the
    pattern is tried once, at the name."""
    if not text[start - 1:start].isspace():
        return False
    before = text[max(0, start - 24):start][::-1]
    # the text's start stands where the character before the word would be
    return _PLACE_BEFORE.match(before + " " if start <= 24 else before) is not None


_LAST: list = [None]  # (the leaders mapping, its size, its matcher)


def matcher_for(leaders: dict[str, Leader]) -> LeaderMatcher:
    """The matcher for a registry's leaders: built once, then only extended while an import adds
    leaders (a rebuild per article would cost more than the article)."""
    last = _LAST[0]
    if last is not None and last[0] is leaders and last[1] == len(leaders):
        return last[2]
    matcher = last[2] if last is not None else None
    if matcher is None or len(leaders) < len(matcher.leaders) or any(
            leaders.get(i) is not obj for i, obj in matcher.leaders.items()):
        matcher = LeaderMatcher(leaders)
    else:
        matcher.add(leaders[i] for i in sorted(leaders) if i not in matcher.leaders)
    _LAST[0] = (leaders, len(leaders), matcher)
    return matcher
