"""The entity finder's fast paths give what the plain rules give: folding, first-word patterns, tables."""
from __future__ import annotations

import datetime as dt
import re
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.entities import agreements, dates, events, phrases
from generator.entities.phrases import (_PAIRS, _PLAIN, PhraseIndex, _CapitalForms, _plain, capital_words,
                                        cased, forms, occurrences, word_pattern)
from generator.entities.tables import grown
from generator.model import Event

_TEXT = st.lists(st.sampled_from(list("aAbBoO xX-.,\n1_") + [
    "Tô", "Lâm", "TÔ", "tô", "Đà", "đ", "Đ", "ð", "“", "”", "–", "\u0301", "ǅ", "İ", "ß", "Ss", "SS", "Bộ", "BỘ",
    "Thủ", "tướng", "Chủ", "tịch", "Hà", "Nội", "Xiêng", "Khoảng", "ậ", "ư", "Ư", "ﬁ", "K", "Å"]),
    max_size=30).map("".join)


@given(_TEXT)
@settings(max_examples=2000, deadline=None)
def test_plain_is_the_translation(text):
    assert _plain(text) == text.translate(_PLAIN)
    assert cased(text) == text.translate({**_PLAIN, ord("-"): " "})


def test_plain_takes_the_short_way_for_vietnamese():
    text = "Tổng Bí thư Tô Lâm hội đàm với Đại sứ"
    assert _plain(text) == "Tong Bi thu To Lam hoi dam voi Dai su"
    assert forms(text)[1] == "tong bi thu to lam hoi dam voi dai su"


def test_plain_is_the_translation_for_every_character():
    """Each code point alone and beside others (another page's, a kept one, one that stays), and all at once."""
    for cp in range(0x10000):
        for text in (chr(cp), "a" + chr(cp) + "ạ", "“" + chr(cp), "«" + chr(cp) + "Ǣ"):
            assert _plain(text) == text.translate(_PLAIN), hex(cp)
    every = "".join(chr(cp) for cp in range(0x10000) if not 0xD800 <= cp < 0xE000)
    assert _plain(every) == every.translate(_PLAIN)


@given(st.text(st.characters(blacklist_categories=())) | st.lists(st.sampled_from(
    ["a", "Ạ", "ơ", "\xab", "Ǣ", "ẛ", "ɏ", "“", "\ud83d", "\ude00", "😀", "\U00010000", "Ø", "\x00"])).map("".join))
@settings(max_examples=3000, deadline=None)
def test_plain_is_the_translation_for_any_text(text):
    assert _plain(text) == text.translate(_PLAIN)


@pytest.mark.parametrize("words, text, found", [
    (["to", "tong", "lam"], "to tong tongx xto lam_ lam", [(0, "to"), (3, "tong"), (23, "lam")]),
    (["bo"], "bo,bo.bo bob", [(0, "bo"), (3, "bo"), (6, "bo")]),
    (["a"], "a", [(0, "a")]),
])
def test_word_pattern_finds_whole_words(words, text, found):
    assert [(m.start(), m.group()) for m in word_pattern(words).finditer(text)] == found


@given(st.lists(st.sampled_from(["To", "TO", "Tong", "Lam", "LAM", "Lamx", "x", "_", "1", " ", "\n", "-", ".", "é", "ß", "Éa",
                                 "“", "\u2126", "K"]), max_size=20).map("".join), st.integers(0, 30))
@settings(max_examples=2000, deadline=None)
def test_capital_forms_in_pairs_are_those_the_word_pattern_finds(text, start):
    forms = {"To": "to", "TO": "to", "Tong": "tong", "Lam": "lam", "LAM": "lam", "Straße": "straße"}
    found = list(_CapitalForms(forms).found(text, start))
    assert found == [(m.start(), m.group().lower()) for m in word_pattern(forms).finditer(text, start)]
    if text.isascii():
        assert _PAIRS[0][0] is text


def _starts_in_full(index: PhraseIndex, text: str, vocab, accept, capitals):
    """PhraseIndex.find as it was: every capitalised form of every first word looked for with str.find."""
    vocab = capital_words(capitals) if vocab is None else vocab
    starts = sorted({(pos, w) for w in index.firsts & vocab
                     for form in {w.capitalize(), w.upper()} for pos in occurrences(capitals, form)})
    out, until = [], -1
    for pos, w in starts:
        if pos < until:
            continue
        for p in index.by_first[w]:
            end = pos + len(p)
            if text.startswith(p, pos) and (end == len(text) or not (text[end].isalnum() or text[end] == "_")) \
                    and (accept is None or accept(pos, end, p)):
                out.append((pos, end, p))
                until = end
                break
    return out


def _found_both_ways(index: PhraseIndex, text: str, vocab, accept, capitals):
    """index.find(), the same with each first word's phrases tried one by one (as until the first
    word has been looked for often) and with its pattern."""
    index._patterns.clear()
    index._looks.clear()
    looped = index.find(text, vocab, accept, capitals)
    with mock.patch.object(phrases, "_LOOKS_BEFORE_PATTERN", 0):  # each pattern compiled at its next look
        assert index.find(text, vocab, accept, capitals) == looped
    assert set(index._patterns) == set(index._looks)
    return looped


_PHRASES = ["to lam", "to", "tong bi thu", "bo truong", "bo", "ha noi", "xieng khoang", "ss", "ß", "dai",
            "thu tuong", "chu tich", "tp. ho chi minh", "1a"]


@given(_TEXT, st.lists(st.sampled_from(_PHRASES), min_size=1, max_size=6), st.sampled_from(_PHRASES))
@settings(max_examples=1500, deadline=None)
def test_capital_starts_are_those_str_find_gives(text, phrases, later):
    _folded, sp, caps = forms(text)
    index = PhraseIndex(phrases)
    refuse = lambda s, e, p: (s + len(p)) % 3 != 0  # noqa: E731 — an accept() that refuses some
    for accept in (None, refuse):
        assert _found_both_ways(index, sp, None, accept, caps) == _starts_in_full(index, sp, None, accept, caps)
        assert _found_both_ways(index, sp, capital_words(caps), accept, caps) == \
            _starts_in_full(index, sp, None, accept, caps)
    index.add([later])  # a phrase added after the pattern was compiled is still found
    assert index.find(sp, None, None, caps) == _starts_in_full(index, sp, None, None, caps)


def test_a_growing_index_compiles_again_and_still_finds_everything():
    index = PhraseIndex(["to lam"])
    caps = "To Lam gap Nguyen Van A va Xay Som Bun"
    sp = caps.lower()
    for n, phrase in enumerate(["nguyen van a", "xay som bun"] + [f"w{i} x" for i in range(40)]):
        index.add([phrase])
        assert index.find(sp, None, None, caps) == _starts_in_full(index, sp, None, None, caps)
    assert [p for _s, _e, p in index.find(sp, None, None, caps)] == ["to lam", "nguyen van a", "xay som bun"]


# The date and agreement patterns open with what they look for (a digit, a capital) so the engine
# can skip ahead; each is checked against the pattern it replaced.
_SEP = r"\s*[/.\-]\s*"
_WAS = {
    "range": (re.compile(r"(?<![\d/.])(\d{1,2})\s*(?:-|–|den)\s*(?:ngay\s+)?(\d{1,2})" + _SEP + r"(\d{1,2})(?:" + _SEP
                         + r"(\d{4}))?(?![\d/])"), dates._RANGE),
    "day": (re.compile(r"(?<![\d/.])(\d{1,2})" + _SEP + r"(\d{1,2})(?:" + _SEP + r"(\d{4}))?(?![\d/])"), dates._DAY),
    "inline": (re.compile(r"(?<=[a-zà-ỹđ,] )(Hiệp định|Hiệp ước|Thỏa thuận|Nghị định thư|Tuyên bố chung|Biên bản ghi nhớ"
                          r"|Bản ghi nhớ) ([^,;.()\n:“”\"]{3,160})"), agreements._INLINE),
}


@given(st.lists(st.sampled_from(list("0123456789/.- –\nabcdenyg,") + [
    "den ", "ngay ", "Hiệp định ", "Bản ghi nhớ", "Biên bản ghi nhớ ", "Thỏa thuận", "Tuyên bố chung", "Nghị định thư",
    "Hiệp ước", "x, ", "à ", "Việt Nam", "A ", "đ "]), max_size=25).map("".join))
@settings(max_examples=3000, deadline=None)
def test_rewritten_patterns_match_as_before(text):
    for was, now in _WAS.values():
        assert [(m.span(), m.groups()) for m in now.finditer(text)] == \
            [(m.span(), m.groups()) for m in was.finditer(text)]


def test_a_grown_table_reads_only_what_was_added():
    seen = []
    mapping = {"a": 1, "b": 2}
    add = lambda table, v: (seen.append(v), table.append(v))  # noqa: E731
    assert grown("t", mapping, list, add) == [1, 2]
    mapping["c"] = 3
    assert grown("t", mapping, list, add) == [1, 2, 3] and seen == [1, 2, 3]
    del mapping["a"], mapping["b"]
    assert grown("t", mapping, list, add) == [3]  # smaller: read again


def _match_in_full(found, evs):
    slack = dt.timedelta(days=1 if found.dated else 3)
    principal, best = set(found.participants[:2]), None
    for ev in evs.values():
        if ev.start is None:
            continue
        if found.start > (ev.end or ev.start) + slack or found.end < ev.start - slack:
            continue
        if found.host and ev.host and found.host != ev.host:
            continue
        shared = principal & set(ev.participants)
        if shared:
            key = (-len(shared), abs((ev.start - found.start).days), ev.id)
            best = min(best or (key, ev.id), (key, ev.id))
    return best[1] if best else None


def test_match_looks_only_at_the_principals_events_and_agrees_with_a_full_scan():
    import random
    rnd = random.Random(7)
    people = [f"p{i}" for i in range(8)]
    day = dt.date(2024, 1, 1)
    evs: dict[str, Event] = {}
    for n in range(1500):
        start = day + dt.timedelta(days=rnd.randrange(60))
        found = events.Found("hoi-dam", "Hội đàm", start, start + dt.timedelta(days=rnd.randrange(-2, 5)),
                             rnd.choice(["VN", "LA", None]), None, tuple(rnd.sample(people, 3)), rnd.random() < .5)
        assert events.match(found, evs) == _match_in_full(found, evs)
        ev_id = f"e{n}"
        end = rnd.choice([None, found.end, found.start + dt.timedelta(days=rnd.randrange(-5, 45))])
        evs[ev_id] = Event(ev_id, "x", "hoi-dam", found.start if n % 9 else None, end, None, found.host,
                           tuple(rnd.sample(people, 2)))


def _listed_in_full(body: str) -> list:
    """agreements.listed as it was: every candidate line cleaned up and folded whole."""
    def kind_of(title):
        from generator.text import fold
        f = fold(title)
        return next((code for opening, code in agreements.KINDS if f.startswith(opening + " ") or f == opening), None)
    out, pos = [], 0
    for line in body.split("\n"):
        here, pos = pos, pos + len(line) + 1
        stripped = line.strip()
        if not stripped or (stripped.lstrip("-*+•0123456789.) ")[:1] not in agreements._KIND_INITIALS and ":" not in stripped):
            continue
        is_item = bool(agreements._ITEM.match(stripped)) or stripped.endswith(";")
        title = agreements.clean_title(stripped)
        kind = kind_of(title)
        if kind and is_item and title[:1].isupper() and len(title) <= 400:
            out.append(agreements.Listed(title, kind, True, here))
            continue
        m = agreements._ENUM.search(stripped)
        if m and (";" in stripped[m.end():]):
            for part in stripped[m.end():].split(";"):
                title = agreements.clean_title(part)
                kind = kind_of(title)
                if kind and title[:1].isupper():
                    out.append(agreements.Listed(title, kind, True, here + m.end()))
    return out


@given(st.lists(st.sampled_from(["Hiệp định", "Hiệp định;", "hiệp định", "Kế hoạch", "Biên bản ghi nhớ", "Bản",
                                 " ", "\n", ";", ",", ".", " và", "- ", "1. ", "a) ", "gồm: ", "GỒM:", "như:",
                                 "Thỏa thuận hợp tác", "x", "Chương trình hợp tác", "Nghị định thư"]),
                max_size=20).map("".join))
@settings(max_examples=3000, deadline=None)
def test_listed_documents_are_those_the_full_rule_finds(body):
    assert agreements.listed(body) == _listed_in_full(body)


@given(_TEXT, st.integers(0, 30), st.integers(0, 30))
@settings(max_examples=1000, deadline=None)
def test_phrases_found_in_a_stretch_are_those_found_in_the_whole(text, a, b):
    _found_in_a_stretch(PhraseIndex(_PHRASES), text, a, b)


def _found_in_a_stretch(index: PhraseIndex, text: str, a: int, b: int) -> None:
    _folded, sp, caps = forms(text)
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    # the first words starting in the stretch are those of the whole text there, wherever they end
    assert index._capital_starts(sp, caps, None, start, end) == \
        [f for f in index._capital_starts(sp, caps, None, 0, len(caps)) if start <= f[0] < end]
    whole = index.find(sp, None, None, caps)
    if any(s < start < e or s < end < e for s, e, _p in whole):
        return  # a phrase crosses a bound: find() is not asked that
    assert index.find(sp, None, None, caps, start, end) == [f for f in whole if start <= f[0] < end]


@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)).map(sorted), max_size=8),
       st.integers(0, 40), st.integers(0, 40))
def test_covered_by_bisection_is_any_overlap(spans, a, b):
    from generator.entities.officials import _covered
    assert _covered(spans)(a, b) == any(s < b and a < e for s, e in spans)


@given(_TEXT, st.integers(0, 30), st.integers(0, 30))
def test_tokens_are_the_token_pattern_s_matches(text, a, b):
    from generator.entities.officials import _TOKEN, _tokens
    start, end = min(a, b), max(a, b)
    assert _tokens(text, start, end) == [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


@given(st.lists(st.sampled_from(list("0123456789/.- –\n\t") + ["den ", "ngay ", "sang ", "january ", "may", " 5",
                                                              "december", "x", "٣", "é"]), max_size=25).map("".join))
@settings(max_examples=3000, deadline=None)
def test_date_patterns_tried_at_digits_match_as_everywhere(text):
    digits = dates._digits(text)
    for pattern in (dates._RANGE, dates._DAY):
        assert [(m.span(), m.groups()) for m in dates._finditer_from(pattern, text, digits)] == \
            [(m.span(), m.groups()) for m in pattern.finditer(text)]
    if any(True for _m in dates._ENGLISH.finditer(text)):
        assert dates._month_before_digits(text, digits)


_NGUYEN = ["nguyen", "nguyen van a", "nguyen van an", "nguyen van", "nguyen thi b", "nguyen x-y z", "nguyen tp. ho",
           "nguyen a_b", "nguyen van a b"]


@given(st.lists(st.sampled_from(["Nguyen", "NGUYEN", " ", "van", "Van", "an", "a", "thi", "b", "x-y", "z", "tp.",
                                 "ho", "a_b", ",", "\n", "Nguyenx"]), max_size=16).map(" ".join))
@settings(max_examples=2000, deadline=None)
def test_phrases_sharing_a_first_word_are_tried_by_their_second(text):
    # more than four phrases with one first word: they are looked up by the word that follows
    _folded, sp, caps = forms(text)
    index = PhraseIndex(_NGUYEN)
    refuse = lambda s, e, p: len(p) % 4 != 1  # noqa: E731
    short = lambda s, e, p: p.count(" ") < 2  # noqa: E731 — refuses the longest, takes the next
    for accept in (None, refuse, short):
        assert _found_both_ways(index, sp, None, accept, caps) == _starts_in_full(index, sp, None, accept, caps)


# Phrases whose first word opens none alone are looked for with their second words (_second_words):
# second words with capitals, digits, dots, underscores, hyphens and letters beyond ASCII.
_FOLLOWED = ["bo truong", "chu tich", "chu tich nuoc", "chu nhiem", "to lam", "to", "nguyen van a", "nguyen tp. ho",
             "nguyen a_b", "nguyen 2a", "tong Bi thu", "ha ß", "ha x-y z", "thu tuong"]
_FOLLOWED_WORDS = st.lists(st.sampled_from([
    "Bo", "BO", "bo", "Bộ", "truong", "Truong", "TRUONG", "trưởng", "truongx", "Chu", "CHU", "tich", "Tich", "TICH", "nuoc",
    "nhiem", "To", "Lam", "lam", "Nguyen", "van", "Van", "a", "A", "tp.", "TP.", "ho", "a_b", "A_B", "2a", "2A", "tong",
    "Tong", "Bi", "BI", "thu", "Thu", "tuong", "Ha", "ß", "SS", "x-y", "X-Y", "z", "xBo", "Bo-truong", "\n", ",", "-", ""]),
    max_size=12).map(" ".join)


def _both_ways_and_in_full(index: PhraseIndex, sp: str, caps: str) -> None:
    refuse = lambda s, e, p: (s + len(p)) % 3 != 0  # noqa: E731
    for accept in (None, refuse):
        assert _found_both_ways(index, sp, None, accept, caps) == _starts_in_full(index, sp, None, accept, caps)


@given(_FOLLOWED_WORDS, st.lists(st.sampled_from(_FOLLOWED), min_size=1, max_size=8))
@settings(max_examples=2000, deadline=None)
def test_first_words_looked_for_with_their_second_words_find_what_str_find_gives(text, phrases):
    _folded, sp, caps = forms(text)
    _both_ways_and_in_full(PhraseIndex(phrases), sp, caps)


# (capitals, text) word by word, of one length: the text is not always the capitals in lower case
_UNLIKE = st.lists(st.sampled_from([("Bo", "bo"), ("Bo", "xo"), ("Xo", "bo"), ("BO", "bo"), ("truong", "truong"),
                                    ("Truong", "truong"), ("Xruong", "truong"), ("truong", "xruong"), ("Chu", "chu"),
                                    ("tich", "tich"), ("Tich", "tich"), ("Tach", "tich"), ("To", "to"), ("Lam", "lam"),
                                    ("Lum", "lam"), ("TP.", "tp."), ("TP,", "tp."), ("Nguyen", "nguyen"), (" ", " "),
                                    ("\n", " "), (" ", "\n"), ("-", " "), ("x", "x")]), max_size=16)


@given(_UNLIKE, st.lists(st.sampled_from(_FOLLOWED), min_size=1, max_size=8))
@settings(max_examples=2000, deadline=None)
def test_second_words_are_not_looked_for_in_a_text_that_is_not_the_capitals_lower_case(words, phrases):
    """find() is given a text and its capitals; where the text is not the capitals in lower
    case, a first word is looked for alone."""
    caps, text = " ".join(c for c, _t in words), " ".join(t for _c, t in words)
    _both_ways_and_in_full(PhraseIndex(phrases), text, caps)


@given(_FOLLOWED_WORDS, st.lists(st.sampled_from(_FOLLOWED + ["bo", "bo chinh tri", "chu", "to lam x", "tong bi thu",
                                                                "nguyen van", "ha z", "xx y"]), max_size=6),
       st.sampled_from([0, 1, 32]))
@settings(max_examples=1000, deadline=None)
def test_phrases_added_after_the_pattern_was_compiled_are_found(text, later, compile_after):
    """A first word whose new phrases go on with another second word (or none) is looked for
    with str.find until the pattern is compiled again."""
    _folded, sp, caps = forms(text)
    index = PhraseIndex(["bo truong", "chu tich", "to lam", "tong thu ky", "nguyen van a", "ha noi"], compile_after)
    index.find(sp, None, None, caps)
    for phrase in later:
        index.add([phrase])
        assert index.find(sp, None, None, caps) == _starts_in_full(index, sp, None, None, caps)


@given(_FOLLOWED_WORDS, st.integers(0, 60), st.integers(0, 60))
@settings(max_examples=3000, deadline=None)
def test_phrases_whose_second_word_runs_past_a_stretch_are_found_in_it(text, a, b):
    _found_in_a_stretch(PhraseIndex(_FOLLOWED), text, a, b)
