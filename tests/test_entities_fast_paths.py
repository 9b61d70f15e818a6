"""Events' and agreements' fast paths give what the plain rules give, for any text."""
from __future__ import annotations

import datetime as dt
import re
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.entities import agreements, dates, events
from generator.text import fold

from .test_entities_phrases import _listed_in_full

# Pieces of every kind's phrases and what may stand around them (words, digits, marks, letters
# beyond ASCII), so that phrases, parts of them and near misses follow one another in any order.
_KIND_PIECES = [o for row in events.KINDS for o in events._openings(row[2])] + [
    "lao", "viet nam", "nuoc", "doan", "dong chi", "pho", "lan thu 4 ", "thu ", "12 ", "cua ", "uy ban lien chinh phu",
    " inter-governmental committee", "intergovernmental committee", "tham", "tiep", "hoi", "ky", "le", "chuyen",
    "visit", "talks", "of the", "xa giao", "gap", "doi thoai", " ", " ", "x", "a ", "_", "-", ",", "\n", "é", "ð", "1",
    "ky hop uy ban lien chinh phu", "session of the inter-governmental committee", "den tham lao", "a tiep doan"]
_KIND_TEXT = st.lists(st.sampled_from(_KIND_PIECES), max_size=14).map("".join)


def _kind_hits_in_full(folded: str) -> dict[str, list[int]]:
    """Every place where each kind's pattern matches."""
    out = {}
    for code, _title, rx, _visit in events._KIND_RE:
        found = [p for p in range(len(folded) + 1) if rx.match(folded, p)]
        if found:
            out[code] = found
    return out


@given(_KIND_TEXT)
@settings(max_examples=3000, deadline=None)
def test_kind_hits_are_every_place_a_kind_s_pattern_matches(text):
    full = _kind_hits_in_full(text)
    assert events.kind_hits(text) == full
    vocab = frozenset(re.findall(r"\w+", text)[::2])  # only phrases whose first word is in vocab
    assert events.kind_hits(text, vocab) == {
        code: kept for code, pos in full.items() if (kept := [p for p in pos if re.match(r"\w+", text[p:])[0] in vocab])}


@given(_KIND_TEXT)
@settings(max_examples=3000, deadline=None)
def test_kinds_looked_for_group_by_group_are_those_all_kinds_give(text):
    full = events.kind_hits(text)
    kind, hits = events._kind_and_hits(text, None)
    assert kind == events._kind(full)
    if kind is not None:
        read = events.VISITS if kind[0] in events.VISITS else {kind[0]}  # what find_event reads
        assert {c: hits.get(c) for c in read} == {c: full.get(c) for c in read}


# Patterns rewritten so that each phrase opens with plain text, as they were.
_KINDS_WERE = {
    "ky-hop-uy-ban-lien-chinh-phu": r"ky hop (?:lan thu \d+ |thu \d+ |\d+ )?(?:cua )?uy ban lien chinh phu|(?:meeting|session)"
                                    r" of the [\w\s-]{0,30}inter-?governmental committee",
    "tiep": r"(?<=[a-z] )tiep (?=doan|dong chi|bo truong|thu tuong|chu tich|dai su|pho)|tiep va lam viec|don tiep",
}


@given(_KIND_TEXT)
@settings(max_examples=2000, deadline=None)
def test_rewritten_kind_patterns_match_as_before(text):
    for code, was in _KINDS_WERE.items():
        was_rx = re.compile(r"(?<!\w)(?:" + was + r")")
        now_rx = next(rx for c, _t, rx, _v in events._KIND_RE if c == code)
        assert [m and m.span() for m in map(lambda p: now_rx.match(text, p), range(len(text) + 1))] == \
            [m and m.span() for m in map(lambda p: was_rx.match(text, p), range(len(text) + 1))]


def test_openings_are_the_plain_text_each_phrase_opens_with():
    assert events._openings(r"ky hop (?:a|b)|meeting [\w(]x|ab*c|x\d[]|)][^]|]|de") == \
        ["ky hop ", "meeting ", "a", "x", "de"]
    with pytest.raises(ValueError):
        events._openings(r"tham|(?:a|b) c")


@given(st.lists(st.sampled_from(list(".!?…\n aé,")), max_size=20).map("".join), st.integers(0, 20))
@settings(max_examples=2000, deadline=None)
def test_a_sentence_is_from_the_last_mark_before_to_the_next(text, pos):
    pos = min(pos, len(text))
    start = max(text.rfind(c, 0, pos) for c in ".!?…\n") + 1
    end = min((i for i in (text.find(c, pos) for c in ".!?…\n") if i >= 0), default=len(text))
    assert events._sentence(text, pos) == (start, end)


def _dates_in_full(text, code, hits, ref):
    """events._dates as it was: every span of each sentence compared, sentence by sentence."""
    found = events.spans(text, ref)
    codes = events.VISITS if code in events.VISITS else {code}
    for pos in sorted(p for c in codes for p in hits.get(c, ())):
        s, e = events._sentence(text, pos)
        here = [sp for sp in found if s <= sp.pos < e]
        if here:
            return next((sp for sp in here if sp.end > sp.start), here[0])
    return next((sp for sp in found if sp.pos < 600 and abs(sp.start.year - ref.year) <= 1), None)


@given(st.lists(st.sampled_from(["ngay 3/12", "tu ngay 3-6/12", "ngay 1/1/2020", "tham lao", "hoi dam", "den tham ",
                                 "tham chinh thuc", ". ", "\n", " x ", "y" * 150]), max_size=16).map("".join),
       st.dates())
@settings(max_examples=1000, deadline=None)
def test_the_event_s_days_are_those_of_the_first_sentence_with_any(text, ref):
    hits = events.kind_hits(text)
    for code in hits:
        assert events._dates(text, text, code, hits, ref) == _dates_in_full(text, code, hits, ref)


# Pieces of documents' titles and of what else a line may open with: letters that fold alone and
# in context alike or not (Σ, İ, K), white space an ASCII text keeps, marks a title ends with.
_TITLE_TEXT = st.lists(st.sampled_from([
    "Kế hoạch", "Ke\thoach", "ke hoach", "Biên bản", "BIÊN BẢN ghi nhớ", "Bản ghi nhớ", "Thỏa thuận", "Thoả", "Hiệp",
    "định", "Nghị định thư", "Chương trình hợp tác", "Tuyên bố chung", "Thực", "Ngày", "Σ", "İ", "K", "ð", "\t", "\x1c",
    " ", " ", "x", ";", ",", ".", " và", "và", "- ", "1. ", "\n"]), max_size=10).map("".join)


@given(_TITLE_TEXT)
@settings(max_examples=3000, deadline=None)
def test_openings_and_kinds_of_titles_are_the_folded_rule_s(text):
    head = text[:agreements._OPENING]
    f = fold(head)
    assert agreements._folded_opening(head) == (f if f.startswith(agreements._OPENINGS) else None)
    assert agreements.kind_of(text) == next(
        (code for opening, code in agreements.KINDS if f.startswith(opening + " ") or f == opening), None)


@given(_TITLE_TEXT)
@settings(max_examples=3000, deadline=None)
def test_a_clean_title_is_the_line_without_what_the_patterns_take(text):
    line = agreements._ITEM.sub("", text).strip()
    assert agreements.clean_title(text) == agreements._CLOSING.sub("", line).strip().rstrip(";,. ")


@given(st.lists(_TITLE_TEXT, max_size=5).map("\n".join))
@settings(max_examples=2000, deadline=None)
def test_listed_documents_are_those_the_full_rule_finds_in_any_text(body):
    assert agreements.listed(body) == _listed_in_full(body)


@given(st.lists(st.sampled_from(["Thoả", "thỏa", "VN", "vn", "vnx", "xvn", "Việt", " ", "-", "_", "\t", "Σ", "İ", "1"]),
                max_size=10).map("".join))
@settings(max_examples=2000, deadline=None)
def test_a_document_s_key_is_its_folded_words(title):
    f = re.sub(r"(?<!\w)vn(?!\w)", "viet nam", fold(title).replace("thoả", "thoa"))
    assert agreements.key(title) == " ".join(re.sub(r"[^\w]+", " ", f).split())


@given(st.lists(st.sampled_from(list("0123456789/.- –\n") + ["den ", "ngay ", "sang ", "may ", "december ", "x", "é",
                                                          "٣", "໑", "“", "ngay -5/12", "3-6/12"]), max_size=25).map("".join))
@settings(max_examples=3000, deadline=None)
def test_dates_looked_for_where_numbers_start_are_those_looked_for_everywhere(text):
    ref = dt.date(2025, 6, 1)
    with mock.patch.object(dates, "_digits", lambda text: None):  # every pattern tried at every place
        everywhere = dates.spans.__wrapped__(text, ref)
    assert dates.spans.__wrapped__(text, ref) == everywhere
