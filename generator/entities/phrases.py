"""Fast lookup of many folded phrases in folded text: a dict from first word to phrases, one word scan."""
from __future__ import annotations

import re
from collections.abc import Iterable

_WORD = re.compile(r"\w+")


def spaced(folded: str) -> str:
    """Folded text with hyphens as spaces, so 'thong-lun' and 'thong lun' read alike (same offsets)."""
    return folded.replace("-", " ")


def words(text: str) -> list[re.Match]:
    """The words of a (spaced, folded) text with their offsets, scanned once and shared by every index."""
    return list(_WORD.finditer(text))


class PhraseIndex:
    """Phrases (folded, single-spaced) found by their first word; the longest phrase at a place wins.

    A regular expression alternation of a few hundred names tries every branch at every position;
    a set lookup per word is several times faster on Python's engine.
    """

    def __init__(self, phrases: Iterable[str]):
        self.by_first: dict[str, tuple[str, ...]] = {}
        self.phrases: set[str] = set()
        self.add(phrases)

    def __contains__(self, phrase: str) -> bool:
        return " ".join(phrase.split()) in self.phrases

    def add(self, phrases: Iterable[str]) -> None:
        """Index more phrases."""
        for p in {" ".join(p.split()) for p in phrases if p.strip()} - self.phrases:
            self.phrases.add(p)
            first = p.split(" ", 1)[0]
            self.by_first[first] = tuple(sorted((*self.by_first.get(first, ()), p), key=lambda q: (-len(q), q)))

    def find(self, text: str, scanned: list[re.Match], accept=None) -> list[tuple[int, int, str]]:
        """(start, end, phrase) of every phrase in text at word boundaries, left to right, not overlapping;
        `accept(start, end, phrase)` may refuse one, and then shorter phrases at that place are tried."""
        out = []
        until = -1
        by_first = self.by_first
        for m in scanned:
            options = by_first.get(m.group())
            if options is None or m.start() < until:
                continue
            pos = m.start()
            for p in options:
                end = pos + len(p)
                if text.startswith(p, pos) and (end == len(text) or not (text[end].isalnum() or text[end] == "_")) \
                        and (accept is None or accept(pos, end, p)):
                    out.append((pos, end, p))
                    until = end
                    break
        return out
