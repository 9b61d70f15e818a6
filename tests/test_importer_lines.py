"""Line classes and their helpers, with the outlet cues shipped in content/data/outlets.yaml."""
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.importer import lines as L
from generator.importer.cues import compile_cues, dateline_match, load_cues

CUES = load_cues(Path(__file__).parent.parent / "content" / "data" / "outlets.yaml")


@pytest.mark.parametrize("line, kind", [
    ("", L.BLANK),
    ("HOTLINE: 0903.343.439 - HOTLINE Phát hành: 0819.123.127 - ĐẶT MUA BÁO", L.HOTLINE),
    ("09:00 | 01/07/2021 GMT+7", L.STAMP),
    ("Chính trị 18-05-2022", L.STAMP),
    ("10-07-2024, 18:55", L.STAMP),
    ("Thứ Hai, 01/12/2025 - 14:30 (GMT+7)", L.STAMP),
    ("aa", L.FURNITURE),
    ("Nhỏ Bình thường Lớn", L.FURNITURE),
    ("fb yt zl tw", L.FURNITURE),
    ("Trang chủ Chính trị - Xã hội", L.FURNITURE),
    ("Trang chủ / Việt Nam - Lào tăng cường hợp tác năng lượng", L.FURNITURE),
    ("Phiên bản di động", L.FURNITURE),
    ("Xin chờ trong giây lát...", L.FURNITURE),
    ("Nguồn:", L.FURNITURE),
    ("![]() |", L.IMAGE),
    ("![Đồng chí A tại lễ đón. Ảnh: Bộ Ngoại giao](https://example.org/a.jpg)", L.IMAGE),
    ("nhandan.vn", L.DOMAIN),
    ("Tổng Bí thư Tô Lâm hội đàm với Tổng Bí thư, Chủ tịch nước Lào - Ảnh 1.", L.PLACEHOLDER),
    ("Tin liên quan", L.TRAILER),
    ("TIN LIÊN QUAN", L.TRAILER),
    ("Có thể bạn quan tâm", L.TRAILER),
    ("Tin cùng chuyên mục", L.TRAILER),
    ("Đọc nhiều", L.TRAILER),
    ("Tin bài liên quan", L.TRAILER),
    ("viet nam lao hop uy ban lien chinh phu lan thu 41 Hai Thủ tướng đồng chủ trì Kỳ họp 41", L.SLUGLINK),
    ("infographic lich su hinh thanh va phat trien lien hiep cac to chuc huu nghi viet nam", L.SLUGLINK),
    ("Báo chí Lào đánh giá cao chuyến thăm Báo chí Lào đánh giá cao chuyến thăm", L.DOUBLED),
    ("Tổng Bí thư Tô Lâm hội đàm với Tổng Bí thư, Chủ tịch nước Lào", L.TEXT),
    ("Ngày 4/12, tại Trụ sở Trung ương Đảng, đồng chí Trần Cẩm Tú hội đàm với đồng chí Bounthong Chitmany.", L.TEXT),
    ("Sáng 29/6/2021, tại Phủ Chủ tịch, Chủ tịch nước Nguyễn Xuân Phúc hội kiến với Tổng Bí thư Lào.", L.TEXT),
    ("Lào Cai dự Hội nghị Ban Chỉ đạo Quốc gia", L.TEXT),
])
def test_classify(line, kind):
    assert L.classify(line, CUES) == kind


@pytest.mark.parametrize("line, author", [
    ("Dương Ngọc", "Dương Ngọc"),
    ("BÍCH QUYÊN", "Bích Quyên"),
    ("Thanh Hà |", "Thanh Hà"),
    ("Mạnh Đức (tổng hợp)", "Mạnh Đức"),
    ("Thời sự Chính trị", None),          # a breadcrumb: not every word capitalised
    ("Ký kết các văn kiện hợp tác", None),
    ("Hai bên nhất trí.", None),
])
def test_byline(line, author):
    assert L.byline(line) == author


@pytest.mark.parametrize("line, has_credit", [
    ("Tổng Bí thư Tô Lâm hội đàm với Tổng Bí thư Lào. (Ảnh: Thống Nhất/TTXVN)", True),
    ("Chủ tịch nước Lương Cường và Tổng Bí thư Lào (Ảnh: Hải Long).", True),
    ("Tổng Bí thư Tô Lâm đã hội đàm với Tổng Bí thư Lào ẢNH: TTXVN", True),
    ("Hai nhà lãnh đạo chứng kiến lễ trao 12 văn kiện hợp tác… Ảnh: TTXVN", True),
    ("Tổng Bí thư - Chủ tịch nước Lào kết thúc chuyến thăm (ảnh VTV)", True),
    ("Lao Prime Minister Sonexay Siphandone (R) and Vietnamese PM Pham Minh Chinh (Photo: VNA)", True),
    ("Hai bên nhất trí tăng cường hợp tác trên mọi lĩnh vực.", False),
])
def test_credit(line, has_credit):
    assert L.credit(line, CUES) is has_credit


def test_doubled_requires_exact_halves():
    assert L.doubled("Một hai ba bốn Một hai ba bốn")
    assert not L.doubled("Một hai ba bốn Một hai ba năm")
    assert not L.doubled("ab ab")


def test_split_glued_headline_and_caption():
    parts = L.split_glued("Lao PM to pay official visit to Vietnam from January 6-7 hinh anh 1Lao Prime Minister (Photo: VNA)")
    assert parts == ["Lao PM to pay official visit to Vietnam from January 6-7", "Lao Prime Minister (Photo: VNA)"]


# The shortcuts taken before the byline, placeholder and language patterns must never change an
# answer: each is checked against the rule it shortcuts on strings made of the characters that matter.
_PIECES = list(" |-–/()\n\t.12aAđĐ!?…;:\"”'’]") + ["./.", " - Ảnh 1.", "\u212a", "ſ", "ı", "İ", "Ảnh", " - ", "Hình 3", "TTXVN", "VNA",
                                      "(tổng hợp)", "(theo VOV)", "(TH)", "Dương Ngọc", "BÍCH QUYÊN", "\u00a0",
                                      "\u2028", "٣", "ă", "the ", "les "]


def _byline_in_full(line: str) -> str | None:
    core = L._BYLINE_TAIL.sub("", line).strip(" |-–")
    ws = core.split()
    if not 2 <= len(ws) <= 5 or len(core) > 40:
        return None
    if any(not w[0].isupper() or not w.replace("-", "").isalpha() for w in ws):
        return None
    if core.isupper() or all(w[:1].isupper() and (w[1:].islower() or not w[1:]) for w in ws):
        return " ".join(w.capitalize() for w in ws) if core.isupper() else core
    return None


def _language_in_full(text: str) -> str:
    import re

    from generator import importer as I
    low = text.lower()
    if len(I._VI_RE.findall(low)) > len(low) / 60:
        return "vi"
    words = re.findall(r"[a-zàâçéèêëîïôûùüÿñœ]+", low)
    scores = {lang: sum(w in common for w in words) for lang, common in I._LANG_WORDS.items()}
    best = max(scores, key=scores.get)
    return best if scores[best] else "vi"


@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join))
@settings(max_examples=3000, deadline=None)
def test_line_shortcuts_answer_as_the_full_rules(line):
    from generator.importer import language
    assert L.byline(line) == _byline_in_full(line)
    assert L._placeholder(line) == bool(L._PLACEHOLDER.search(line))
    assert L.terminated(line) == bool(L._SENTENCE_END.search(line))
    assert language(line) == _language_in_full(line)


@given(st.lists(st.sampled_from(list(" \n\tab.\u00a0\u2028\x1c\u3000")), max_size=16).map("".join))
def test_lines_collapsed_over_the_whole_text_are_those_collapsed_one_by_one(text):
    from generator.importer.page import _collapsed_lines
    from generator.text import collapse_spaces
    assert _collapsed_lines(text) == [collapse_spaces(line) for line in text.split("\n")]


def test_a_plain_page_has_none_of_what_the_cleaning_steps_look_for():
    # import_page() skips clean(), normalize()'s and _collapsed_lines()'s own scans when _UNUSUAL
    # finds nothing: it must find every character any of them looks for.
    import re
    import sys

    from generator import text as T
    from generator.frontmatter import _UNSAFE_CHARS
    from generator.importer import _UNUSUAL
    from generator.importer.page import _ODD_SPACE
    looked_for = re.compile("|".join(p.pattern for p in (_UNSAFE_CHARS, T._ODD, _ODD_SPACE)) + "|[\x0b\x0c\r]")
    text = "".join(map(chr, range(sys.maxunicode + 1)))
    assert {m.group() for m in looked_for.finditer(text)} <= {m.group() for m in _UNUSUAL.finditer(text)}


_HOTLINE_PIECES = ["HOTLINE", "hotline", "HotLine", "HOTLIN", "ĐẶT MUA BÁO", "đặt mua báo", "Đặt mua", " ", "  ",
                   ":", "0903.343.439", "-", "Bạn có thể chuyển sang phiên bản mobile rút gọn", "x", "Ǆ", "ǆ",
                   "\t", "\u00a0", "İ", "K", "\u212a", "ß", "SS"]
_WHOLE_LINE_PATTERNS = [".*HOTLINE.*", ".*ĐẶT MUA BÁO.*", "Bạn có thể chuyển sang phiên bản mobile rút gọn.*",
                        ".*ǅ.*", ".*k.*", ".*ss.*", ".*a|b.*", r"\.*x.*", ".*x\\.*", "aa"]


@given(st.lists(st.sampled_from(_HOTLINE_PIECES), max_size=10).map("".join),
       st.lists(st.sampled_from(_WHOLE_LINE_PATTERNS), min_size=1, max_size=4))
@settings(max_examples=3000, deadline=None)
def test_whole_line_patterns_match_as_their_alternation(line, patterns):
    import re

    from generator.importer.cues import WholeLine
    alternation = re.compile("^(?:" + "|".join(f"(?:{p})" for p in patterns) + r")\s*$", re.IGNORECASE)
    assert WholeLine(patterns).match(line) == bool(alternation.match(line))
    assert CUES.hotlines.match(line) == bool(re.compile(
        "^(?:(?:.*HOTLINE.*)|(?:.*ĐẶT MUA BÁO.*)|(?:Bạn có thể chuyển sang phiên bản mobile rút gọn.*))\\s*$",
        re.IGNORECASE).match(line))


def test_the_one_way_characters_match_ignoring_case_what_lowers_to_them():
    """WholeLine looks for a hotline's text in the lower-cased line before it scans the line
    ignoring case: every character the engine takes for one of _ONE_WAY must lower to it."""
    import re

    from generator.importer.cues import _ONE_WAY
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    lowering_to: dict[str, set[str]] = {}
    for c in every:
        lowering_to.setdefault(c.lower(), set()).add(c)
    for ch in _ONE_WAY:
        assert set(re.findall(re.escape(ch), every, re.IGNORECASE)) == (lowering_to[ch] if ch.isalpha() else {ch}), ch


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("aZ ΣσΑİı'’.\u0345\u0307\u00adĐđẠ:-")) | st.characters(
    blacklist_characters="\n", blacklist_categories=("Cs",)), max_size=12), min_size=1, max_size=6))
def test_lines_lowered_together_are_each_line_lowered(lines):
    # walk() lowers a page's lines (never none: a split text) in one pass; "Σ" lowers by what
    # stands around it, and a line end must read as the end of the text
    assert "\n".join(lines).lower().split("\n") == [line.lower() for line in lines]


# Codes a separator stands in or that end as the text before a separator may: dateline_match()
# cannot look for them backwards before the separator.
_ODD_CODES = [compile_cues({"outlets": {"x": {"datelines": [code, "VNA"]}}}) for code in ("A-B", "C)", "D ")]


@settings(max_examples=4000, deadline=None)
@given(st.lists(st.sampled_from(["(", ")", "NLĐO", "nlđo", "TTXVN", "Vietnam+", "Hà Nội", "Viêng Chăn", " ", "   ", "\t", "-",
                                 "–", "—", ":", ".", "x" * 20, "Ab", "Ab" * 12, "văn bản", "\u00a0", "Chinhphu.vn",
                                 "CHİNHPHU.VN", "ChınhPhu.vn", "vov.vn", "VOV.VN", "\u212a", "A-B", "C)", "D ", "VNA"]),
                max_size=14).map("".join), st.sampled_from([CUES, *_ODD_CODES]))
@example("H" + "a" * 30 + " (Chinhphu.vn)- text", CUES)  # the longest place and code: the separator as far as it goes
@example("H" + "a" * 30 + " (Chinhphu.vn) - text", CUES)  # and further, after white space
@example("H" + "a" * 30 + " (Chinhphu.vn)   - text", CUES)
@example("H" + "a" * 30 + " (Chinhphu.vn)" + " " * 40 + "- text", CUES)
@example("Hà Nội (VNA)\t - text", CUES)
def test_a_dateline_is_looked_for_only_where_its_separator_can_stand(line, cues):

    def spans(m):
        return m and (m.span(), m.groups())
    assert spans(dateline_match(cues, line)) == spans(cues.dateline.match(line))


_WORD_PIECES = ["a", "Đ", "ờ", "_", "1", "٣", "²", "Ⅻ", "\u0301", "\u200b", " ", "  ", ".", "-", ",", "\n", "\t", "(", "ǅ", "中",
                "anh", "2026-2030"]


@given(st.lists(st.sampled_from(_WORD_PIECES), max_size=40).map("".join), st.integers(0, 32))
@settings(max_examples=3000, deadline=None)
def test_has_words_counts_as_words_does(line, n):
    # has_words() matches words one after the other up to the n-th instead of listing them all
    assert L.has_words(line, n) == (len(L.words(line)) >= n)


# Patterns built from pieces that promise characters and pieces that do not (case ignored,
# optional, classes, look-arounds, back references): required_chars() must name, for each, only
# characters of which every match holds one.
_PATTERN_ATOMS = st.sampled_from(["a", "A", "b", "\\(", ":", "é", "[ab]", "[a-c]", "[^a]", ".", "\\w", "\\s", "\\1", "$", "^"])


def _pattern_of(inner):
    return st.one_of(
        st.tuples(inner, inner).map("".join),
        st.tuples(inner, inner).map("|".join),
        inner.map(lambda p: f"(?:{p})"), inner.map(lambda p: f"({p})"), inner.map(lambda p: f"(?i:{p})"),
        inner.map(lambda p: f"(?-i:{p})"), inner.map(lambda p: f"(?>{p})"), inner.map(lambda p: f"(?={p})"),
        inner.map(lambda p: f"(?<=a)(?<!b){p}"),
        st.tuples(inner, st.sampled_from(["?", "*", "+", "*?", "+?", "*+", "++", "{0,2}", "{1,2}", "{2}"])).map(
            lambda t: f"(?:{t[0]}){t[1]}"))


@given(st.recursive(_PATTERN_ATOMS, _pattern_of, max_leaves=8), st.booleans(),
       st.lists(st.text(alphabet="aAbBcé(:ÉK\u212a ", max_size=8), min_size=1, max_size=6))
@settings(max_examples=3000, deadline=None)
def test_required_chars_are_in_every_match(pattern, ignore_case, texts):
    import re

    from generator.importer.cues import required_chars
    try:
        compiled = re.compile(("(?i)" if ignore_case else "") + pattern)
    except re.error:
        return
    needs = required_chars(compiled)
    if needs is None:
        return
    for text in texts:
        m = compiled.search(text)
        assert m is None or any(c in m.group() for c in needs), (pattern, needs, text)


def test_required_chars_of_the_shipped_credits():
    # the shortcut in credit() pays only when the patterns promise something
    assert CUES.credit_needs == "(:"


_CREDIT_PIECES = ["(", ")", ":", "Ảnh", "ảnh", "ẢNH", "Photo", "Nguồn ảnh", " ", ".", "|", "TTXVN", "Hải Long", "a" * 50,
                  "Tổng Bí thư Tô Lâm hội đàm", "\t", "-"]


@given(st.lists(st.sampled_from(_CREDIT_PIECES), max_size=16).map("".join))
@example("(ảnh Hải Long)")  # the one character looked for, first in the tail
@example("Tổng Bí thư Tô Lâm hội đàm. " * 4 + "(" + " " * 35 + "Ảnh: " + "x" * 38 + "." + "x" * 39 + ")")  # a credit as long as the tail
@settings(max_examples=3000, deadline=None)
def test_credit_answers_as_its_patterns_searched_in_full(line):
    assert L.credit(line, CUES) == (bool(CUES.credit.search(line[-120:])) and len(L.words(line)) >= 3)


def test_a_page_is_plain_when_unusual_finds_nothing_in_it():
    # _is_plain() asks isprintable() before it searches: for every character, alone and between
    # others and line ends, the same answer as the search
    import sys

    from generator.importer import _UNUSUAL, _is_plain
    for c in range(sys.maxunicode + 1):
        for text in (chr(c), f"a\n{chr(c)}b\n"):
            assert _is_plain(text) == (_UNUSUAL.search(text) is None), hex(c)


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(["https://", "HTTP://", "www.", "WWW.", "nhandan.vn", "NhanDan.VN", "xaydungchinhsach.chinhphu.vn",
                                 "vov.vn", "/", " ", "\t", "\n", "\u00a0", "x", "\u212a", "ſ", "İ", "ı", "."]), max_size=8).map("".join))
@example("https://www.xaydungchinhsach.chinhphu.vn/")  # the longest domain line
@example("https://www.xaydungchinhsach.chinhphu.vn/ \n")  # and white space after it
def test_a_domain_line_is_looked_for_only_in_lines_short_enough(line):
    from generator.importer.cues import domain_match

    def spans(m):
        return m and (m.span(), m.groups())
    assert spans(domain_match(CUES, line)) == spans(CUES.domain.match(line))


@given(st.integers(60, 3000), st.integers(-2, 2), st.integers(-3, 3), st.lists(st.sampled_from(["Đ", "đ", "ă", "Ẫ", "ỹ", "a"]), max_size=60),
       st.sampled_from([" the", " x", " the İ", " the Σ"]))
@settings(max_examples=3000, deadline=None)
def test_language_near_the_share_of_vietnamese_letters_that_decides_it(length, more, shift, letters, filler):
    # language() first counts the Vietnamese letters of the first eighth: a text with about as
    # many as decide it, ending about where its first eighth ends, and İ, whose lower case is longer
    from generator.importer import language
    letters = "".join(letters) + "Ă" * max(0, length // 60 + 1 + more - sum(c in "Đđăẫỹ" for c in letters))
    text = (filler * length)[:max(0, length // 8 + shift - len(letters))] + letters
    text = (text + filler * length)[:length]
    assert language(text) == _language_in_full(text)


def test_fold_keeps_length_and_gives_space_colon_and_stop_only_for_themselves_and_white_space():
    # classify() tells a line too long or short for a trailer by its length, before folding it
    import sys

    from generator.text import _PLANE, fold
    every = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000]
    for ch in every:  # alone, and in a short text that is not ASCII
        for text in (ch, "ă" + ch):
            folded = fold(text)
            assert len(folded) == len(text) and (folded[-1] not in " :." or ch.isspace() or ch in ":."), hex(ord(ch))
    plane = "".join(ch for ch in every[:_PLANE] if ch != "\u03a3")  # a long text, folded by the plane's table
    folded = fold(plane)
    assert len(folded) == len(plane)
    assert all(f not in " :." or ch.isspace() or ch in ":." for ch, f in zip(plane, folded))


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(["Tin", "tin", "TIN", " ", "liên", "LIÊN", "quan", ":", ".", "\t", "\u00a0", "\u2028", "Video",
                                 "VIDEO", "x", "Đọc nhiều"]), max_size=8).map("".join))
@example("\tTin liên quan:")
@example("Tin liên quan\u00a0.")
def test_a_line_too_long_or_short_for_a_trailer_is_none(line):
    from generator.text import fold
    assert L._trailer_sized(line, CUES) or fold(line).strip(" :.") not in CUES.trailers
