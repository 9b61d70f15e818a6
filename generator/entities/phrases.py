"""Fast lookup of many folded phrases in folded text: a dict from first word to phrases, one word scan."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_WORD = re.compile(r"\w+")


def _strip(ch: str) -> str:
    if ch in "đĐ":
        return "d" if ch == "đ" else "D"
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
    return base if len(base) == 1 else ch


# Diacritics off, case kept: one character for one, so offsets stay.
_PLAIN = {cp: _strip(chr(cp)) for cp in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00))}
_CASED = {**_PLAIN, ord("-"): " "}


def forms(text: str) -> tuple[str, str, str]:
    """(folded, spaced, cased) forms of a normalised text, all with the text's offsets, by two C-level
    translations (text.fold walks every character in Python once a dash or a quote is left over).
    folded keeps hyphens for dates ("26-27/1"); spaced and cased read them as spaces."""
    plain = text.translate(_PLAIN)
    folded = plain.lower()
    caps = plain.replace("-", " ")
    if len(folded) != len(text):  # a letter whose lower case is longer (İ): the slow, exact fold
        from ..text import fold
        folded = fold(text)
    return folded, folded.replace("-", " "), caps


def cased(text: str) -> str:
    """Text without diacritics but with its capitals ("Tô Lâm" → "To Lam"), hyphens as spaces.

    Names, titles and places start with a capital; looking for "To" here instead of "to" in the
    folded text skips the hundred "tổ", "tố", "tô" of an article.
    """
    return text.translate(_CASED)


def spaced(folded: str) -> str:
    """Folded text with hyphens as spaces, so 'thong-lun' and 'thong lun' read alike (same offsets)."""
    return folded.replace("-", " ")


def words(text: str) -> frozenset[str]:
    """The vocabulary of a (spaced, folded) text: which words occur, scanned once and shared by every index."""
    return frozenset(_WORD.findall(text))


_CAPITAL_WORD = re.compile(r"(?<!\w)[A-Z]\w*")


def capital_words(caps: str) -> frozenset[str]:
    """The words that occur with a capital in a cased() text, lower-cased: the only possible starts of
    names, titles and places."""
    return frozenset(w.lower() for w in _CAPITAL_WORD.findall(caps))


def occurrences(text: str, word: str):
    """Offsets where word stands in text as a whole word (str.find runs in C; most words are absent)."""
    n = len(word)
    i = text.find(word)
    while i >= 0:
        end = i + n
        if (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")) and \
                (end == len(text) or not (text[end].isalnum() or text[end] == "_")):
            yield i
        i = text.find(word, i + 1)


class PhraseIndex:
    """Phrases (folded, single-spaced) found by their first word; the longest phrase at a place wins.

    A regular expression alternation of a few hundred names tries every branch at every position,
    and a Python loop over every word is not much better; here only the first words that occur in
    the text are looked for, with str.find.
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
        self.firsts = frozenset(self.by_first)

    def find(self, text: str, vocab: frozenset[str], accept=None, capitals: str | None = None,
             ) -> list[tuple[int, int, str]]:
        """(start, end, phrase) of every phrase in text at word boundaries, left to right, not overlapping;
        `accept(start, end, phrase)` may refuse one, and then shorter phrases at that place are tried.
        With `capitals` (the cased() text), only phrases whose first word starts with a capital count."""
        if capitals is None:
            starts = sorted((pos, w) for w in self.firsts & vocab for pos in occurrences(text, w))
        else:  # vocab is then capital_words(capitals)
            starts = sorted({(pos, w) for w in self.firsts & vocab
                             for form in {w.capitalize(), w.upper()} for pos in occurrences(capitals, form)})
        out = []
        until = -1
        for pos, w in starts:
            if pos < until:
                continue
            for p in self.by_first[w]:
                end = pos + len(p)
                if text.startswith(p, pos) and (end == len(text) or not (text[end].isalnum() or text[end] == "_")) \
                        and (accept is None or accept(pos, end, p)):
                    out.append((pos, end, p))
                    until = end
                    break
        return out
