"""Officials no registry lists: a capitalised personal name right after (or before) an official title."""
from __future__ import annotations

import bisect
import difflib
import itertools
import re
from dataclasses import dataclass
from typing import NamedTuple

from ..text import fold
from .lexicon import COUNTRY, NOT_OFFICIAL, PLACES, SURNAMES, TITLES, alternation, country_in
from .phrases import PhraseIndex, cased, occurrences

_TITLES = PhraseIndex(TITLES)
_NOT_OFFICIAL = re.compile(r"(?:" + alternation(NOT_OFFICIAL) + r")(?![\w-])")
# Words: letters with inner hyphens ("Bun-chăn"); every other non-space character is a token of its own.
_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+|[^\w\s]")
_STOP_PUNCT = frozenset(",;:()[]{}\"“”'‘’.!?/|…")
_DASHES = frozenset("-–—")
# Lower-case words that end the stretch between a title and a name: verbs, particles, pronouns.
# Compared as written: folded, "dân" (people, inside "Nhân dân") would be "dẫn" (to lead).
_STOP_WORDS = frozenset("""
đã sẽ đang vừa cũng có là được bị cho với của đến tới sang thăm tiếp gặp dẫn trì phát biểu nhận khẳng đề
cảm chúc bày trao đón dự làm mời theo về trong khi sau trước này đó ông bà các những một hai nếu nói biết
đàm kiến tặng thay mặt ra vào lên xuống ở từ thì mà nên như rằng
""".split())
# Titles that say only "comrade" or a rank: a title after the name is a better role.
_BARE = frozenset(("dong chi", "cac dong chi", "dai tuong", "thuong tuong", "trung tuong", "thieu tuong", "dai ta"))
_LAO_WORD = re.compile(r"^[A-Z][a-z]{3,}$")       # "Thongsavanh": a Lao name in Latin letters ("Nam" is not)
_HYPHENATED = re.compile(r"^[^\W\d_][^\W\d_]*(?:-[^\W\d_]+)+$")  # "Sỉ-vông-phăn": a transliterated Lao name
_VIET_SYLLABLE = re.compile(r"^[^\W\d_]{1,7}$")


@dataclass(frozen=True)
class Official:
    """A name found after a title: as written, with the title clause and the country it points to."""
    name: str
    role: str
    country: str
    start: int
    end: int


class _Tok(NamedTuple):  # a tuple: tokens are made by the thousand
    text: str
    start: int
    end: int

    @property
    def word(self) -> bool:
        return self.text[0].isalpha()

    @property
    def cap(self) -> bool:
        return self.text[0].isupper()


_PLACE_FORMS = frozenset(PLACES) | frozenset(display.lower() for _c, display in PLACES.values())


def _is_place(words: list[str]) -> bool:
    return " ".join(words).lower() in _PLACE_FORMS


def name_shape(toks: list[_Tok]) -> str | None:
    """'VN' for a Vietnamese personal name, 'LA' for a Lao one, None when the words are no name."""
    words = [t.text for t in toks]
    if not 2 <= len(words) <= 4 or not _may_open_name(words[0]) or not all(t.word and t.cap for t in toks):
        return None
    if any(_is_place(words[:p]) for p in range(1, len(words) + 1)):
        return None  # "Cao Bằng …", "Hà Tĩnh …": a province, not a surname
    if any(w.isupper() and len(w) > 1 for w in words):
        return None  # "UBND", "QĐND": acronyms, or a heading in capitals where nothing is certain
    if all(_HYPHENATED.match(w) for w in words) or (len(words) <= 3 and all(_LAO_WORD.match(w) for w in words)):
        return "LA" if len(words) <= 3 else None
    if words[0].lower() in SURNAMES and all(_VIET_SYLLABLE.match(w) for w in words):
        return "VN"
    return None


def _may_open_name(word: str) -> bool:
    """Whether a name name_shape takes may open with this word: a surname, a hyphenated or a Lao
    word (what its checks ask of a name's first word)."""
    return word.lower() in SURNAMES or "-" in word or _LAO_WORD.match(word) is not None


def _continues(toks: list[_Tok], j: int) -> bool:
    """Whether token j is a capitalised word one space after token j - 1 (in the same run)."""
    t = toks[j]
    return t.word and t.cap and t.start == toks[j - 1].end + 1


def _name_at(toks: list[_Tok], i: int) -> int:
    """Length of the name starting at token i (0 if none): the whole run of capitalised words, up to a boundary."""
    t = toks[i]
    if not (t.word and t.cap and _may_open_name(t.text)):
        return 0  # most capitalised words: no name opens with them, whatever follows
    j = i + 1
    while j < len(toks) and _continues(toks, j):
        j += 1
    return j - i if name_shape(toks[i:j]) else 0


def find_officials(text: str, sp: str, vocab, taken: list[tuple[int, int]], caps: str | None = None,
                   capvocab=None) -> list[Official]:
    """Names after a title (or before ', title') that no registry mention already covers, in text order.

    sp is the spaced folded text and scanned its words (see phrases); only the stretches around
    titles where a name may stand, and only the part of each that a walk may read (_read_span),
    are cut into tokens, so a long article without titles costs one dictionary scan.
    """
    if text.isascii():
        return []  # an edition without diacritics (or not in Vietnamese): capitals tell too little
    spans = sorted(taken)
    named_at = [s for s, _e in spans]
    # A title followed closely by a registry name needs no look (the common "Tổng Bí thư Tô Lâm",
    # "Chủ tịch nước Lào Thongloun Sisoulith"), unless a name may stand before it ("Trần Quốc Cường, Bí thư …").
    caps = cased(text) if caps is None else caps
    found_titles = _TITLES.find(sp, capvocab, capitals=caps)
    if vocab is None or "dong" in vocab:  # "đồng chí" is the one title written in lower case
        found_titles += [(s, s + 8, "dong chi") for s in occurrences(sp, "dong chi") if text[s].islower()]
    hits = [(s, e) for s, e, p in sorted(found_titles)
            if (text[s].isupper() or p == "dong chi")
            and not (_registry_follows(text, e, named_at) and text[max(0, s - 2):s] not in (", ", "- ", "– "))]
    # Whether a name may stand before each title, or after one (most titles have neither): only
    # the stretches around those are cut into tokens.
    before = [_name_may_precede(text, s) for s, _e in hits]
    if not any(before) and not _name_may_follow_one(text, hits, spans, named_at):
        return []
    covered = _covered(spans)
    found: dict[str, Official] = {}
    for seg_start, seg_end, i, j in _segments(text, hits):
        seg_hits, preceded = hits[i:j], any(before[i:j])
        if not preceded and not _name_may_follow_one(text, seg_hits, spans, named_at):
            continue
        toks = _tokens(text, *_read_span(text, seg_start, seg_end, seg_hits, preceded))
        starts = [t.start for t in toks]
        title_at = {}
        for s, e in seg_hits:
            k = bisect.bisect_left(starts, s)  # the token that starts at s, if one does
            if k == len(starts) or starts[k] != s:
                continue
            end_k = k
            while end_k < len(toks) and toks[end_k].end <= e:
                end_k += 1
            title_at[k] = end_k
        for k, end_k in sorted(title_at.items()):
            off = _after_title(text, toks, k, end_k, title_at, covered)
            if off and off.name not in found:
                found[off.name] = off
        for off in _before_title(text, toks, title_at, covered):
            first = found.get(off.name)
            if first is None or fold(first.role) in _BARE:
                # "Thượng tướng Hoàng Xuân Chiến, Thứ trưởng Bộ Quốc phòng": the title after says more
                found[off.name] = Official(off.name, off.role, first.country if first else off.country,
                                           first.start if first else off.start, first.end if first else off.end)
    return sorted(found.values(), key=lambda o: o.start)


_CLAUSE_END = re.compile(r"[,;.:()\n]")


def _registry_follows(text: str, end: int, named_at: list[int]) -> bool:
    i = bisect.bisect_left(named_at, end)
    if i == len(named_at) or named_at[i] - end > 60:
        return False
    return not _CLAUSE_END.search(text, end, named_at[i])


def _segments(text: str, hits: list[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """Stretches of text around titles (a name may stand 200 characters after one, or just before
    it), each with the titles in it: hits[i:j] (hits are sorted)."""
    out: list[list[int]] = []
    for n, (s, e) in enumerate(hits):
        lo = text.rfind(" ", 0, max(0, s - 90)) + 1
        hi = text.find(" ", min(len(text), e + 180))
        hi = len(text) if hi < 0 else hi
        if out and lo <= out[-1][1]:
            out[-1][1] = max(out[-1][1], hi)
            out[-1][3] = n + 1
        else:
            out.append([lo, hi, n, n + 1])
    return [(lo, hi, i, j) for lo, hi, i, j in out]


def _read_span(text: str, start: int, end: int, hits: list[tuple[int, int]], preceded: bool) -> tuple[int, int]:
    """The part of the stretch text[start:end] around these titles whose tokens _after_title and
    _before_title may need (preceded: whether a name may stand before one of them).

    Every walk after a title ends at the first stop mark after it at the latest, as it does at
    the end of the tokens (a mark is a token of its own and no word, so a name's run of words
    and the role after a title end there too); the tokens before the first title are read only
    when a name may stand before one. The part's tokens are the stretch's: it starts after a
    space (or where the stretch does), and no token holds a space.
    """
    if not preceded:
        start = max(start, text.rfind(" ", start, hits[0][0]) + 1)
    m = _STOP_MARK.search(text, max(e for _s, e in hits), end)
    return start, m.start() if m else end


_STOP_MARK = re.compile("[" + re.escape("".join(sorted(_STOP_PUNCT))) + "]")
# What ends the stretch after a title that _after_title walks: a stop mark, or a new line.
_WALK_END = re.compile("[" + re.escape("".join(sorted(_STOP_PUNCT))) + "\n]")
# A capital letter (str.isalpha() and isupper()); beyond the BMP any character, since a class that
# lists those few is slow to test (the engine goes through its ranges one by one).
_CAPITAL = "[" + re.escape("".join(filter(str.isalpha, filter(str.isupper, map(chr, range(0x10000)))))) + \
    "\U00010000-\U0010ffff]"
# Two capitalised words one space (or '_') apart, as two tokens (which hold no white space or '_').
_CAPITAL_PAIR = re.compile(_CAPITAL + r"[^\s_]*+[\s_]" + _CAPITAL)


def _name_may_follow(text: str, e: int, spans: list[tuple[int, int]], named_at: list[int]) -> bool:
    """Whether the title ending at e may have an official's name after it, by what _after_title
    needs at least: two capitalised words one space (or '_') apart, the first of which may open
    a name (_may_open_name) and stands among the first 13 tokens, before the next stop mark or
    new line, before the first registry name from e on (spans, sorted, and named_at, their
    starts), and with no stop word and no four lower-case words in a row before it. The tokens
    are walked only where _CAPITAL_PAIR finds two such words at all."""
    if text[e:e + 1] == "-":  # the title's last word may run on ("tướng-…"): the tokens decide
        return True
    m = _WALK_END.search(text, e)
    end = m.start() if m else len(text)
    k = bisect.bisect_left(named_at, e)
    named, named_end = spans[k] if k < len(spans) else (len(text), len(text))
    # Tokens start at e (the title ends a word there) as they do in the segment; the one after a
    # name's first word starts at most one character past end. A registry name that opens with a
    # token's character stops the walk at that token: a name must end before it.
    stop = min(len(text), end + 2)
    pair_stop = named if named < stop and not text[named].isspace() and text[named] != "_" else stop
    if not _CAPITAL_PAIR.search(text, e, pair_stop):
        return False  # most titles: no two capitalised words, so no need to walk the tokens
    prev_cap = -2  # where the last capitalised word that may open a name ended
    lower_run = 0
    pos, find = e, text.find
    for n, t in enumerate(_TOKEN.findall(text, e, stop)):
        start = find(t, pos)
        pos = start + len(t)
        if pos > named and start < named_end:
            return False  # a registry name: the walk stops at it
        if t[0].isalpha():
            if t[0].isupper():
                if start == prev_cap + 1:
                    return True
                prev_cap = pos if start < end and n <= 12 and _may_open_name(t) else -2
                lower_run = 0
                continue
            if t in _STOP_WORDS or lower_run == 3:
                return False
            lower_run += 1
        prev_cap = -2
    return False


def _name_may_follow_one(text: str, hits: list[tuple[int, int]], spans: list[tuple[int, int]],
                         named_at: list[int]) -> bool:
    """Whether a name may stand after one of these titles (_name_may_follow)."""
    return any(_name_may_follow(text, e, spans, named_at) for _s, e in hits)


def _name_may_precede(text: str, s: int) -> bool:
    """Whether the title starting at s may have an official's name before it, by what
    _before_title needs at least: ',' or a dash right before it (white space and '_' aside), and
    a capitalised word right before that."""
    j = s - 1
    while j >= 0 and (text[j].isspace() or text[j] == "_"):
        j -= 1
    if j < 0 or text[j] not in ",-–":
        return False
    before = _TOKEN.findall(text, text.rfind(" ", 0, j) + 1, j)  # from a space: tokens align
    return not before or (before[-1][0].isalpha() and before[-1][0].isupper())


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    """The tokens of text[start:end]. Only white space and '_' stand between two tokens, so each
    is found with str.find after the one before (cheaper than a match object per token)."""
    out, pos, find, new = [], start, text.find, tuple.__new__
    for t in _TOKEN.findall(text, start, end):
        s = find(t, pos)
        pos = s + len(t)
        out.append(new(_Tok, (t, s, pos)))
    return out


def _covered(spans: list[tuple[int, int]]):
    """inside(start, end): whether any of spans overlaps start…end, by bisection (asked per token)."""
    spans = sorted(spans)
    starts = [s for s, _e in spans]
    reach = list(itertools.accumulate((e for _s, e in spans), max))  # the furthest end among the first k

    def inside(start: int, end: int) -> bool:
        k = bisect.bisect_left(starts, end)  # spans[:k] start before end
        return k > 0 and reach[k - 1] > start
    return inside


def _after_title(text, toks, k, end_k, title_at, covered) -> Official | None:
    lower_run = 0
    i = end_k
    while i < len(toks) and i - end_k <= 12:
        t = toks[i]
        if "\n" in text[toks[i - 1].end:t.start]:
            return None  # a title ends with its line (a byline may follow a headline)
        if covered(t.start, t.end) or (i in title_at and i != end_k and not _part_of_org(toks, i)):
            return None  # a registry name or another title: that one speaks for itself
        if not t.word:
            if t.text in _STOP_PUNCT:
                return None
            i += 1
            continue
        if t.cap:
            lower_run = 0
            n = _name_at(toks, i)
            if n and _may_start_name(toks, end_k, i):
                name_toks = toks[i:i + n]
                nxt = toks[i + n] if i + n < len(toks) else None
                if (nxt is not None and nxt.word and nxt.cap) or covered(name_toks[0].start, name_toks[-1].end):
                    return None
                name = " ".join(x.text for x in name_toks)
                role = " ".join(text[toks[k].start:toks[i - 1].end].split()).rstrip(",;:- ")
                if _NOT_OFFICIAL.match(fold(role)):
                    return None
                country = _country(role, name_toks)
                if country is None:
                    return None
                return Official(name, role, country, name_toks[0].start, name_toks[-1].end)
        else:
            if t.text in _STOP_WORDS:
                return None
            lower_run += 1
            if lower_run > 3:
                return None
        i += 1
    return None


_JOINED = re.compile(r"\s*[-–]\s*")


def _may_start_name(toks, end_k: int, i: int) -> bool:
    """Whether a name may start at token i, after the title's end (end_k): at the first of a run
    of capitalised words, or after acronyms, a country or a place that open the run ("Lào
    Sonexay Siphandone", "UBND Nguyễn Văn Hải", "CHDCND Lào …", "Hà Tĩnh Võ Trọng Hải"); not
    inside a place's name ("Sơn La Hoàng Văn Nghiệm" is no "La Hoàng Văn Nghiệm", La being a
    surname too; "Luang Prabang Khampheng …" no "Prabang Khampheng …")."""
    start = i
    while start > end_k and toks[start - 1].word and toks[start - 1].cap and _continues(toks, start):
        start -= 1
    if start == i:
        return True
    words = [t.text for t in toks[start:i]]
    acronyms = 0
    while acronyms < len(words) and words[acronyms].isupper() and len(words[acronyms]) > 1:
        acronyms += 1
    # Countries and places, alone or joined ("Lào-Việt Nam", "Việt-Lào"); a place as _is_place
    # knows it, or folded ("Hồ Chí Minh": wider than as written, so never narrower than before).
    return all(part in ("Việt", "VIỆT") or _is_place([part]) or fold(part) in PLACES
               or COUNTRY.fullmatch(part) is not None
               for part in _JOINED.split(" ".join(words[acronyms:])) if part)


def _part_of_org(toks, i) -> bool:
    # "Văn phòng Chủ tịch nước", "Ban Bí thư": a title word inside an organisation's name
    return i > 0 and toks[i - 1].text.lower() in ("phòng", "ban")


def _before_title(text, toks, title_at, covered) -> list[Official]:
    """'ông Trần Quốc Cường, Ủy viên…', '; No-bi-hả Tông-pao - Phó Bí thư…': a name, a comma or dash, a title."""
    out = []
    for k in sorted(title_at):
        if k < 3 or not toks[k].cap or toks[k - 1].text not in (",", "-", "–"):
            continue
        j = k - 1
        i = j
        while i > 0 and toks[i - 1].word and toks[i - 1].cap:
            i -= 1
        n = _name_at(toks, i)
        if not n or i + n != j or covered(toks[i].start, toks[j - 1].end):
            continue
        prev = toks[i - 1] if i > 0 else None
        if prev is not None and not (prev.text in (";", ":") or "\n" in text[prev.end:toks[i].start]
                                     or prev.text.lower() in ("ông", "bà") or _ends_title(title_at, i)):
            continue
        name_toks = toks[i:i + n]
        stop = title_at[k]
        while stop < len(toks) and toks[stop].text not in _STOP_PUNCT and toks[stop].text not in _STOP_WORDS \
                and stop - k < 12 and "\n" not in text[toks[stop - 1].end:toks[stop].start]:
            stop += 1
        role = " ".join(text[toks[k].start:toks[stop - 1].end].split())
        if _NOT_OFFICIAL.match(fold(role)):
            continue
        country = _country(role, name_toks)
        if country:
            out.append(Official(" ".join(x.text for x in name_toks), role, country, name_toks[0].start, name_toks[-1].end))
    return out


def _ends_title(title_at, i) -> bool:
    return i in title_at.values()


def _country(role: str, name_toks) -> str | None:
    said = country_in(role)
    if said == "other":
        return None
    return said or name_shape(name_toks)


def similar_leader(name: str, names: dict[str, str]) -> str | None:
    """The registry leader a Lao name is a variant spelling of ("Thoonglun Sisoulith"), if one is close."""
    key = fold(name)
    best, score = None, 0.0
    for other, leader in names.items():
        if abs(len(other) - len(key)) > 3 or other[0] != key[0]:
            continue
        sm = difflib.SequenceMatcher(None, key, other)
        if sm.real_quick_ratio() < 0.86 or sm.quick_ratio() < 0.86:
            continue
        r = sm.ratio()
        if r > score:
            best, score = leader, r
    return best if score >= 0.86 else None
