"""Fast lookup of many folded phrases in folded text: a dict from first word to phrases, one word scan."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

_WORD = re.compile(r"\w+")


def _strip(ch: str) -> str:
    if ch in "đĐ":
        return "d" if ch == "đ" else "D"
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
    return base if len(base) == 1 else ch


# Diacritics off, case kept: one character for one, so offsets stay.
_PLAIN = {cp: _strip(chr(cp)) for cp in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00))}

# _plain() works on a text's UTF-16 code units, split into their low and high bytes: which of
# _PLAIN's pages of 256 code points a unit is on comes from its high byte, what it becomes from its
# low byte and that page's table. Each page's table gives, for a low byte, the ASCII letter the
# character becomes, or _KEPT (it stays as it is), or _OTHER (it becomes another letter beyond
# ASCII: "ǣ" → "æ"). Every step is a C pass: bytes.translate, and bitwise operations on the bytes
# read as one integer, which act byte by byte (no carries cross a byte).
_KEPT, _OTHER = 0x80, 0xC0


def _page_table(page: int) -> bytes:
    """For each low byte, what _PLAIN makes of the character on this page: its ASCII letter, _KEPT or _OTHER."""
    def new(ch: str) -> int:
        plain = _PLAIN.get(ord(ch), ch)
        return ord(plain) if plain.isascii() else _KEPT if plain == ch else _OTHER
    return bytes(new(chr(page << 8 | low)) for low in range(256))


# (page, its bit in _PAGE_CODE, its table), and a high byte → its page's bit (_KEPT for the others)
_PAGES = [(page, bit, _page_table(page)) for bit, page in enumerate(sorted({cp >> 8 for cp in _PLAIN}))]
_PAGE_CODE = bytes(next((1 << bit for page, bit, _t in _PAGES if page == high), _KEPT) for high in range(256))
_ONES: list = [0, 0, 0]  # (bytes, an integer of that many 0x01 bytes, of that many 0x80 bytes)


def _ones(n: int) -> tuple[int, int]:
    """Integers of at least n bytes, each 0x01 and each 0x80 (longer ones do: & stops at the shorter)."""
    if _ONES[0] < n:
        size = max(n, 2 * _ONES[0], 1 << 13)
        ones = int.from_bytes(b"\x01" * size, "little")
        _ONES[:] = size, ones, ones << 7
    return _ONES[1], _ONES[2]


def _plain(text: str) -> str:
    """text.translate(_PLAIN), by C passes over the text's UTF-16 code units (translate() looks
    every character up in a dict, and decomposing the text costs as much as ten of these passes)."""
    if text.isascii():  # _PLAIN starts beyond ASCII (an English edition)
        return text
    units = text.encode("utf-16-le", "surrogatepass")
    low, high = units[0::2], units[1::2]
    n = len(low)
    ones, eighties = _ones(n)
    code = int.from_bytes(high.translate(_PAGE_CODE), "little")
    new = code & eighties  # each byte: the new character (ASCII) or _KEPT; off _PLAIN's pages _KEPT
    for page, bit, table in _PAGES:
        if page in high:
            new |= int.from_bytes(low.translate(table), "little") & ((code >> bit) & ones) * 0xFF
    if new & (new << 1) & eighties:  # an _OTHER: rare enough for the dict
        return text.translate(_PLAIN)
    kept = ((new >> 7) & ones) * 0xFF  # 0xFF for each character that stays
    if not kept:
        return new.to_bytes(n, "little").decode("ascii")
    low = (new & ~kept) | (int.from_bytes(low, "little") & kept)
    high = int.from_bytes(high, "little") & kept
    if not high:
        return low.to_bytes(n, "little").decode("latin-1")
    units = bytearray(2 * n)
    units[0::2], units[1::2] = low.to_bytes(n, "little"), high.to_bytes(n, "little")
    out = units.decode("utf-16-le", "surrogatepass")
    # Lone surrogates in text (a high one before a low one) would decode as one character.
    return out if len(out) == len(text) else text.translate(_PLAIN)


def forms(text: str) -> tuple[str, str, str]:
    """(folded, spaced, cased) forms of a normalised text, all with the text's offsets, by C-level
    passes (text.fold walks every character in Python once a dash or a quote is left over).
    folded keeps hyphens for dates ("26-27/1"); spaced and cased read them as spaces."""
    plain = _plain(text)
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
    return _plain(text).replace("-", " ")  # no letter's plain form is a hyphen


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


def _trie(words: Iterable, after_first: str = "", escape=re.escape) -> str:
    """An alternation of words laid out as a trie (`after_first` goes after each first letter), so
    at a place the engine follows only the branches the next letters allow. A word may be a
    sequence of pattern pieces instead of letters (escape=str then takes them as they are)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def branch(node: dict) -> str:
        alts = [escape(ch) + branch(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + "|".join(escape(ch) + after_first + branch(child) for ch, child in sorted(trie.items()) if ch) + ")"


def word_pattern(words: Iterable[str]) -> re.Pattern | None:
    """A pattern for any of `words` (each made of word characters) standing as a whole word.

    Made for words whose first letters are rare in the text (capitals): those letters make a set
    the engine skips through in C, so the check that no letter comes before is made after the
    first letter.
    """
    words = list(words)
    return re.compile(_trie(words, r"(?<!\w.)") + r"(?!\w)") if words else None


# In ASCII text, capitalised words are looked for in its "pairs": each character after a mark, "\x01"
# before a capital A-Z and "\x00" before any other. The engine looks for a pattern that opens with
# one fixed character by its fast scan (see scan.py), and for one that opens with a set of
# characters (the capitals that open the words) by testing every character of the text against
# the set: every capitalised word opens with the one mark, whatever its letter.
_MARK = bytes(1 if 0x41 <= b <= 0x5A else 0 for b in range(256))
# [(the last ASCII text, its pairs)]: the three indexes look in the same one. One tuple, read and
# replaced whole, so that a thread never gets another text's pairs.
_PAIRS: list = [("", "")]


def _pairs(capitals: str) -> str:
    """The pairs of an ASCII text (a character's pair starts at twice its offset)."""
    last = _PAIRS[0]
    if last[0] is not capitals:
        letters = capitals.encode("ascii")
        pairs = bytearray(2 * len(letters))
        pairs[0::2] = letters.translate(_MARK)
        pairs[1::2] = letters
        last = _PAIRS[0] = capitals, pairs.decode("ascii")
    return last[1]


def _paired(form: str) -> str:
    """An ASCII word as it stands in pairs."""
    return "".join(("\x01" if "A" <= ch <= "Z" else "\x00") + ch for ch in form)


_LOWER: list = [(None, None, False)]  # [(the last text and capitals asked about, whether text is capitals.lower())]


def _lower_of(text: str, capitals: str) -> bool:
    """Whether text is capitals in lower case (as forms() makes them), asked once for the three indexes."""
    last = _LOWER[0]
    if last[0] is not text or last[1] is not capitals:
        last = _LOWER[0] = text, capitals, text == capitals.lower()
    return last[2]


# How many letters of a second word _second_words looks ahead for: whole words made the pattern of
# 500 leaders' names take ~50 ms to compile (in each process of an import), two letters ~10 ms,
# and leave out as many starts (one letter let "Đảng và" through for "Đặng Văn …").
_SECOND_LETTERS = 2


def _second_words(seconds: Iterable[str]) -> str | None:
    """A look ahead, in pairs, for a space and then any of these words, by its first letters
    (_SECOND_LETTERS), each a capital or not (the lower case of the pairs' text holds them
    there); None when none can stand in the lower case of an ASCII text (a capital, a letter
    beyond ASCII)."""
    alts = []
    for second in seconds:
        if second.isascii() and second.lower() == second:
            head = second[:_SECOND_LETTERS]
            alts.append([f".[{ch}{ch.upper()}]" if "a" <= ch <= "z" else "\x00" + re.escape(ch) for ch in head]
                        + ([r"(?!.\w)"] if head == second else []))  # a word that short, whole
    return "(?=\x00 " + _trie(alts, escape=str) + ")" if alts else None


class _CapitalForms:
    """Capitalised forms of first words (each made of word characters, the first a capital A-Z)
    standing as whole words in a cased text: in an ASCII one, looked for in its pairs.

    A first word that opens no phrase alone stands where a phrase may start only when one of
    its phrases' second words follows it (a capitalised "Bộ" is everywhere, "Bộ trưởng" is
    not): when the text looked in is the cased text in lower case, the pairs' pattern looks
    for a space and the first letters of such a word after the capitalised form too, and the
    first word alone is no hit.
    """

    def __init__(self, forms: dict[str, str], seconds: dict[str, frozenset[str]] | None = None):
        """forms: form → the first word it is a form of; seconds: a first word that opens no
        phrase alone → the second words of its phrases."""
        self.anywhere = word_pattern(forms)
        self.words = {_paired(form): w for form, w in forms.items() if form.isascii()}
        self.seconds = seconds or {}
        self._in_pairs: dict[bool, re.Pattern | None] = {}  # by whether second words are looked for
        # how far past a form's start the patterns may look: the form, a space, a second word's
        # first letters, one more
        self._reach = max(map(len, forms), default=0) + 2 + _SECOND_LETTERS

    def found(self, capitals: str, start: int, end: int | None = None,
              text: str | None = None) -> Iterator[tuple[int, str]]:
        """(offset, first word) of each form standing in capitals from start on, in text order:
        those starting before end at least (the engine reads only as far as they may look);
        given the text phrases are looked for in, only where one of the word's phrases may
        start (see the class)."""
        end = len(capitals) if end is None else end
        if not capitals.isascii():
            return ((m.start(), m.group().lower()) for m in self.anywhere.finditer(capitals, start, end + self._reach))
        pattern = self._pairs_pattern(text is not None and _lower_of(text, capitals))
        if pattern is None:
            return iter(())
        words = self.words
        return ((m.start() >> 1, words[m.group()])
                for m in pattern.finditer(_pairs(capitals), 2 * start, 2 * (end + self._reach)))

    def _pairs_pattern(self, followed: bool) -> re.Pattern | None:
        """The pattern for the forms in pairs (followed: with their second words), compiled when first asked for."""
        if followed not in self._in_pairs:
            words = []
            for paired, w in self.words.items():
                pieces = [re.escape(ch) for ch in paired[1:]]
                # not for a form in capitals ("BỘ"): rare, and its look ahead would cost compiling
                if followed and w in self.seconds and paired[1::2] == w.capitalize():
                    ahead = _second_words(self.seconds[w])
                    if ahead is None:
                        continue  # none of its phrases can stand in the text
                    pieces.append(ahead)
                # no word character before the form's mark: looked back for at the form's end, so
                # only where the form stands (most capitals open none)
                pieces.append(f"(?<!\\w.{{{len(paired)}}})")
                words.append(pieces)
            # the capital's mark opens every paired form
            self._in_pairs[followed] = re.compile("\x01" + _trie(words, escape=str) + r"(?!.\w)") if words else None
        return self._in_pairs[followed]


_ALL_WORD = re.compile(r"\w+")
_UPPER_ASCII = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _by_second(phrases: tuple[str, ...]) -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]]:
    """({second word: the phrases that may stand before it}, the others), each in phrases' order:
    a phrase whose second word is made of word characters only where that word follows; one
    word, or a second word with other characters, always."""
    seconds = {p.split(" ")[1] for p in phrases if " " in p and _ALL_WORD.fullmatch(p.split(" ")[1])}
    def fits(p: str, second: str | None) -> bool:
        parts = p.split(" ")
        return len(parts) < 2 or parts[1] not in seconds or parts[1] == second
    return {s: tuple(p for p in phrases if fits(p, s)) for s in seconds}, tuple(p for p in phrases if fits(p, None))


def _forms(w: str) -> set[str]:
    """The capitalised forms a first word is looked for in: "Bo", "BO"."""
    return {w.capitalize(), w.upper()}


def _regular(w: str, form: str) -> bool:
    # A form that stands as a word in the capitals puts w in capital_words(): no need to check it.
    return form[:1] in _UPPER_ASCII and form.lower() == w and _ALL_WORD.fullmatch(form) is not None


# A first word is looked for by a loop this many times (phrases + 32) before its phrases' pattern is
# compiled: compiling costs ~40 µs and ~25 µs a phrase, and a look by the pattern saves ~0.05 µs
# (one phrase) to ~0.5 µs (a surname's dozen); compiling once the loop has cost as much as it
# does, looking for a first word costs at most about twice what it could have (as renting skis until
# the rent paid would have bought them).
_LOOKS_BEFORE_PATTERN = 16


class PhraseIndex:
    """Phrases (folded, single-spaced) found by their first word; the longest phrase at a place wins.

    A regular expression alternation of a few hundred names tries every branch at every position,
    and a Python loop over every word is not much better; here only the first words that occur in
    the text are looked for: in capitals by one trie pattern (_CapitalForms), else with str.find.
    """

    def __init__(self, phrases: Iterable[str], compile_after: int = 32):
        """compile_after: how many first words may be added before the capitals pattern is
        compiled again (a large index grown one word at a time finds the new ones by str.find)."""
        self.by_first: dict[str, tuple[str, ...]] = {}
        self.phrases: set[str] = set()
        self._by_second: dict[str, tuple[dict[str, tuple[str, ...]], tuple[str, ...]]] = {}
        self._capitals: tuple | None = None
        self._compile_after = compile_after
        self._patterns: dict[str, re.Pattern] = {}  # first word → its phrases' pattern (see _looked_for)
        self._looks: dict[str, int] = {}  # first word → times looked for by a loop since its phrases changed
        self._changed: set[str] = set()  # first words whose phrases changed since the capitals pattern was compiled
        self.add(phrases)

    def __contains__(self, phrase: str) -> bool:
        return " ".join(phrase.split()) in self.phrases

    def add(self, phrases: Iterable[str]) -> None:
        """Index more phrases."""
        changed = set()
        for p in {" ".join(p.split()) for p in phrases if p.strip()} - self.phrases:
            self.phrases.add(p)
            first = p.split(" ", 1)[0]
            self.by_first[first] = tuple(sorted((*self.by_first.get(first, ()), p), key=lambda q: (-len(q), q)))
            changed.add(first)
        for first in changed:
            self._patterns.pop(first, None)
            self._looks.pop(first, None)
        self._changed |= changed
        for first in changed:  # a few phrases are compared faster than their second word is read
            phrases = self.by_first[first]
            self._by_second[first] = _by_second(phrases) if len(phrases) > 4 else ({}, phrases)
        self.firsts = frozenset(self.by_first)

    def _tried(self, text: str, pos: int, first: str) -> tuple[str, ...]:
        """The phrases with this first word that may stand at pos, longest first: a phrase whose
        second word is a word can stand there only if that word follows (a leader's surname
        opens dozens of names, and each was compared with the text)."""
        by_second, others = self._by_second[first]
        end = pos + len(first)
        if by_second and text.startswith(" ", end):
            m = _ALL_WORD.match(text, end + 1)
            if m:
                return by_second.get(m.group(), others)
        return others

    def _seconds(self, first: str) -> frozenset[str] | None:
        """The second words of first's phrases; None when first alone is one of them."""
        phrases = self.by_first[first]
        return None if first in phrases else frozenset(p.split(" ", 2)[1] for p in phrases)

    def _outgrown(self, pattern: _CapitalForms | None, first: str) -> bool:
        """Whether the pattern looks ahead for second words after first that its phrases no
        longer all go on with (a phrase added since with another second word, or first alone)."""
        if pattern is None or first not in pattern.seconds:
            return False
        now = self._seconds(first)
        return now is None or not now <= pattern.seconds[first]

    def _capital_forms(self) -> tuple:
        """(_CapitalForms of the first words, (word, form, needs vocab) to look for with
        str.find). The pattern is compiled again only once 32 first words have been added since
        (an import adds officials one by one); until then they are looked for with str.find, and
        so is a first word whose new phrases go on with a second word the pattern does not know."""
        cached = self._capitals
        if cached is not None and cached[0] is self.firsts:
            return cached[1], cached[2]
        if cached is None or len(self.firsts) - len(cached[3]) > self._compile_after:
            covered, irregular, forms = self.firsts, [], {}
            for w in covered:
                for form in _forms(w):
                    if _regular(w, form):
                        forms[form] = w
                    else:
                        irregular.append((w, form, True))
            seconds = {w: self._seconds(w) for w in covered if w not in self.by_first[w]}
            pattern = _CapitalForms(forms, seconds) if forms else None
            self._changed = set()
        else:
            pattern, covered, irregular = cached[1], cached[3], cached[4]
        outgrown = sorted(w for w in self._changed & covered if self._outgrown(pattern, w))
        slow = irregular + [(w, form, not _regular(w, form)) for w in sorted(self.firsts - covered) for form in _forms(w)]
        slow += [(w, form, False) for w in outgrown for form in _forms(w) if _regular(w, form)]
        self._capitals = (self.firsts, pattern, tuple(slow), covered, irregular)
        return pattern, self._capitals[2]

    def _capital_starts(self, text: str, capitals: str, vocab, start: int, end: int) -> list[tuple[int, str]]:
        """Sorted (offset, first word) of every first word standing with a capital in capitals
        between start and end (and in vocab when one is given), but for places where none of
        its phrases can stand in text (see _CapitalForms)."""
        pattern, slow = self._capital_forms()
        starts = []
        found = pattern.found(capitals, start, end, text) if pattern is not None else ()  # a word may run past end
        if vocab is None and end >= len(capitals):  # the common case
            starts = list(found)
        else:
            for pos, w in found:
                if pos >= end:
                    break
                if vocab is None or w in vocab:
                    starts.append((pos, w))
        if slow:
            more = set()
            for w, form, check in slow:
                if check and vocab is None:
                    vocab = capital_words(capitals)
                if vocab is None or w in vocab:
                    more.update((pos, w) for pos in occurrences(capitals, form) if start <= pos < end)
            starts = sorted(more.union(starts))
        return starts

    def find(self, text: str, vocab: frozenset[str] | None, accept=None, capitals: str | None = None,
             start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
        """(start, end, phrase) of every phrase in text at word boundaries, left to right, not overlapping;
        `accept(start, end, phrase)` may refuse one, and then shorter phrases at that place are tried.
        With `capitals` (the cased() text), only phrases whose first word starts with a capital count;
        vocab is then capital_words(capitals), or None to have it worked out only where needed.
        start and end limit where phrases may start (a stretch no phrase crosses the bounds of)."""
        end = len(text) if end is None else end
        if capitals is None:
            starts = sorted((pos, w) for w in self.firsts & vocab for pos in occurrences(text, w) if start <= pos < end)
        else:
            starts = self._capital_starts(text, capitals, vocab, start, end)
        out = []
        until = -1
        patterns = self._patterns
        for pos, w in starts:
            if pos < until:
                continue
            pattern = patterns.get(w) or self._looked_for(w)
            if pattern is None:
                tried = self._tried(text, pos, w)
            else:
                m = pattern.match(text, pos)
                if m is None:
                    continue
                end, p = m.end(), m.group()
                if accept is None or accept(pos, end, p):
                    out.append((pos, end, p))
                    until = end
                    continue
                tried = self._tried(text, pos, w)  # refused: the shorter ones, as the loop below tries them
                tried = tried[tried.index(p) + 1:]
            for p in tried:
                end = pos + len(p)
                if text.startswith(p, pos) and (end == len(text) or not (text[end].isalnum() or text[end] == "_")) \
                        and (accept is None or accept(pos, end, p)):
                    out.append((pos, end, p))
                    until = end
                    break
        return out

    def _looked_for(self, first: str) -> re.Pattern | None:
        """The pattern whose match at a place is the longest of first's phrases standing there as
        whole words (what find() takes first, trying them longest first), once first has been
        looked for often enough since its phrases last changed (_LOOKS_BEFORE_PATTERN); None until
        then (a look by the loop, counted)."""
        looks = self._looks[first] = self._looks.get(first, 0) + 1
        phrases = self.by_first[first]
        if looks <= _LOOKS_BEFORE_PATTERN * (len(phrases) + 32):
            return None
        # a trie: where one phrase ends and a longer one goes on, the engine tries the longer first
        pattern = self._patterns[first] = re.compile(_trie(phrases) + r"(?!\w)")
        return pattern
