"""Officials in no registry: a capitalised name right after (or before) an official title."""
from __future__ import annotations

from unittest import mock

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.entities import extract, officials as officials_mod
from generator.entities.officials import find_officials
from generator.entities.phrases import spaced, words
from generator.text import fold

from .entity_kit import article, registry


def officials(text):
    sp = spaced(fold(text))
    return [(o.name, o.country) for o in find_officials(text, sp, words(sp), [])]


@pytest.mark.parametrize("text, expected", [
    ("Bí thư Tỉnh ủy Lê Quang Tùng tặng quà.", [("Lê Quang Tùng", "VN")]),
    ("Bí thư Tỉnh ủy Quảng Bình Vũ Đại Thắng; lãnh đạo các bộ.", [("Vũ Đại Thắng", "VN")]),
    ("Chủ tịch UBND tỉnh Cao Bằng Lê Hải Bình dự.", [("Lê Hải Bình", "VN")]),           # a province before the name
    ("Bí thư Thành ủy Thành phố Hồ Chí Minh Nguyễn Văn Nên phát biểu.", [("Nguyễn Văn Nên", "VN")]),
    ("Đại sứ Việt Nam tại Lào Nguyễn Bá Hùng.", [("Nguyễn Bá Hùng", "VN")]),
    ("Đại sứ Lào tại Việt Nam Khamphao Ernthavanh, cán bộ.", [("Khamphao Ernthavanh", "LA")]),
    ("Thống đốc Ngân hàng Cộng hòa Dân chủ Nhân dân Lào Bounleua Sinxayvoravong; Bộ trưởng", [("Bounleua Sinxayvoravong", "LA")]),
    ("Chủ tịch Ủy ban Hợp tác Lào-Việt Nam Khamjane Vongphosy; Bộ trưởng", [("Khamjane Vongphosy", "LA")]),
    ("đồng chí Bun-chăn Sỉ-vông-phăn - Bí thư Tỉnh ủy, Tỉnh trưởng làm trưởng đoàn.", [("Bun-chăn Sỉ-vông-phăn", "LA")]),
    ("có ông Trần Quốc Cường, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Điện Biên cùng", [("Trần Quốc Cường", "VN")]),
    ("các đồng chí: No-bi-hả Tông-pao - Phó Bí thư Thường trực Tỉnh ủy; cùng", [("No-bi-hả Tông-pao", "LA")]),
    ("Tổng Bí thư Ban Chấp hành Trung ương Đảng Nhân dân cách mạng Lào mời.", []),       # "Đảng" is no surname
    ("Tổng Bí thư Tô Lâm và Phu nhân Ngô Phương Ly tới.", [("Tô Lâm", "VN")]),           # the spouse is not one
    ("bà Vandara Siphandone, Phu nhân Thủ tướng.", []),
    ("(Ảnh: Thống Nhất/TTXVN). Phóng viên Nguyễn Văn A đưa tin.", []),                   # credits and journalists
    ("Thủ tướng cảm ơn ông Nguyễn Văn Bình đã giúp.", []),                               # a verb between
    ("Tổng Bí thư Đảng Cộng sản Ấn Độ Doraisamy Raja trả lời.", []),                     # a third country
    ("Bí thư Tỉnh ủy Lào Cai Đặng Xuân Phong dự.", [("Đặng Xuân Phong", "VN")]),        # Lào Cai is Vietnamese
    ("Tong Bi thu To Lam va Bi thu Tinh uy Le Quang Tung.", []),                         # no diacritics: too unsure
    ("Tô Lâm hội đàm với Tổng Bí thư, Chủ tịch nước Lào\n\nDương Ngọc\n\n(NLĐO) - Hai", []),  # a byline
    ("đồng chí Nguyễn Thành Sinh - Phó Chủ tịch UBND tỉnh làm Trưởng đoàn đã đến", [("Nguyễn Thành Sinh", "VN")]),
    # A name starts a run of capitals, or follows acronyms, a country or a place opening it; it
    # does not start inside a place's name ("La" of "Sơn La" is a surname as well).
    ("Bí thư Tỉnh ủy Sơn La Hoàng Văn Nghiệm tiếp đoàn.", [("Hoàng Văn Nghiệm", "VN")]),
    ("Bí thư Sơn La Đà Nẵng tiếp tục.", []),
    ("Chủ tịch UBND Nguyễn Văn Hải phát biểu.", [("Nguyễn Văn Hải", "VN")]),
    ("Bộ trưởng Ngoại giao CHDCND Lào Saleumxay Kommasith hội đàm.", [("Saleumxay Kommasith", "LA")]),
    ("Chủ tịch tỉnh Luang Prabang Khampheng Saysompheng tiếp đoàn.", [("Khampheng Saysompheng", "LA")]),
    ("Tỉnh trưởng Xiengkhouang Salavan tiếp đoàn.", []),                                 # two provinces
])
def test_officials_after_titles(text, expected):
    assert officials(text) == expected


def test_new_official_becomes_a_leader_with_review_marks():
    ex = extract(article("Bí thư Tỉnh ủy Lê Quang Tùng tặng quà cán bộ Đội 584.", slug="qt"), registry())
    assert ex.leaders == ("le-quang-tung",)
    (leader,) = ex.new_leaders
    assert (leader.id, leader.name, leader.country, leader.roles[0].title) == \
        ("le-quang-tung", "Lê Quang Tùng", "VN", "Bí thư Tỉnh ủy")
    assert leader.review and "qt" in leader.review[0].reason
    assert [r.field for r in ex.review] == ["leaders"]
    assert "Lê Quang Tùng" in ex.review[0].reason


def test_role_ends_where_the_clause_does():
    sp = spaced(fold(t := "đồng chí Nguyễn Thành Sinh - Phó Chủ tịch UBND tỉnh làm Trưởng đoàn đã đến"))
    (o,) = find_officials(t, sp, words(sp), [])
    assert o.role == "Phó Chủ tịch UBND tỉnh"


def test_a_variant_spelling_of_a_lao_registry_name_is_that_leader():
    ex = extract(article("Bộ trưởng Bộ Ngoại giao Lào Thongsavanh Phimvihane đến."), registry())
    assert ex.leaders == ("thongsavanh-phomvihane",) and not ex.new_leaders


# Titles, names (Vietnamese, Lao, hyphenated, registry ones), and what may stand between or
# around them: places, acronyms, lower-case words (stop words among them), numbers and every mark
# that ends or joins the stretch a name is looked for in. Drawn a third of the time each.
_TITLE_PIECES = ["Bí thư Tỉnh ủy", "Thủ tướng", "Phó Thủ tướng", "Tổng Bí thư", "đồng chí", "Bộ trưởng Bộ Ngoại giao",
                 "Chủ tịch UBND tỉnh", "Đại sứ", "UV", "Đại tướng", "Ban Bí thư", "Văn phòng Chủ tịch nước", "Phu nhân",
                 "ông Trần Quốc Cường, Ủy viên Trung ương Đảng", "; No-bi-hả Tông-pao - Phó Bí thư",
                 "Bí thư Tỉnh ủy Lê Quang Tùng"]
_NAME_PIECES = ["Lê Quang Tùng", "Nguyễn", "Văn", "Bun-chăn", "Sỉ-vông-phăn", "Khamphao Ernthavanh", "Lê", "Quang Tùng",
                "Thongsavanh", "Tô Lâm", "Y", "tướng-Lê", "Nguyễn Văn A Bình", "Đặng"]
_OTHER_PIECES = ["Sơn La", "Lào", "Việt Nam", "UBND", "Hà Tĩnh", "Bộ Tư pháp", "tặng", "và", "cán bộ", "cán bộ tỉnh",
                 "dự", "thăm", "ông", "bà", "phòng", ",", ";", ".", ":", "-", "–", "(", ")", "“", "”", "\n", "_", "  ",
                 "12", "1-2-3-4-5-6", "x²"]
_PIECES = _TITLE_PIECES + _NAME_PIECES + _OTHER_PIECES
_PIECE = st.one_of(*(st.sampled_from([_PIECES.index(p) for p in kind])
                     for kind in (_TITLE_PIECES, _NAME_PIECES, _OTHER_PIECES)))


@settings(max_examples=3000, deadline=None)
@example([_PIECES.index(p) for p in ("Bí thư Tỉnh ủy", "Lê", "Quang Tùng")], [" ", "\n"] + [""] * 28, [])  # across a line
@example([_PIECES.index(p) for p in ("Tổng Bí thư", ",", "Thủ tướng", "Lào", "Tô Lâm", "Nguyễn", "Văn")], [" "] * 30, [4])
@example([_PIECES.index(p) for p in ("và", ",", "Đại sứ", "Nguyễn", "Văn", ",")], ["", " ", " ", " ", ""] + [" "] * 25,
         [5])  # a registry name right after a name (a mark here)
@example([_PIECES.index(p) for p in ("và", ",", "Đại sứ", "Lê", "Y", ",")], ["", " ", " ", " ", ""] + [" "] * 25, [5])
@example([_PIECES.index(p) for p in ("và", ",", "Đại sứ", "_", "Lê Quang Tùng")], ["", " ", " ", ""] + [" "] * 26,
         [3])  # a name right after a registry one (a mark here)
@example([_PIECES.index(p) for p in ("và", ",", "Đại sứ", "  ", "Lê Quang Tùng")], ["", " ", ""] + [" "] * 27,
         [3])  # a registry "name" of white space only
@example([_PIECES.index(p) for p in ("Đại sứ", "cán bộ tỉnh", "Lê Quang Tùng")], [" "] * 30, [])  # three lower-case words
@example([_PIECES.index(p) for p in ("Đại sứ", "1-2-3-4-5-6", "12", "Lê Quang Tùng")], [" "] * 30, [])  # 12 tokens on
@example([_PIECES.index(p) for p in ("Thủ tướng", "và", "Lê Quang Tùng")], [" "] * 30, [])
@example([_PIECES.index(p) for p in ("Đại sứ", "Bun-chăn", "Sỉ-vông-phăn")], [" "] * 30, [])  # hyphens inside
@example([_PIECES.index(p) for p in ("và", "-", "Đại sứ", "Lê Quang Tùng")], ["", "", " "] + [" "] * 27, [])  # "và-Đại"
@given(st.lists(_PIECE, min_size=1, max_size=30), st.lists(st.sampled_from(["", " ", "\n"]), min_size=30, max_size=30),
       st.lists(st.integers(0, 29), max_size=4))
def test_stretches_passed_over_would_have_named_no_one(pieces, joins, named):
    """find_officials skips a stretch where no name may stand before (_name_may_precede) or after
    (_name_may_follow) a title, and cuts into tokens only the part of the others its walks may
    read (_read_span): what it finds is what it would find cutting every stretch whole. named:
    the pieces a registry name covers."""
    text, taken = "", []
    for n, (p, j) in enumerate(zip(pieces, joins)):
        if n in named:
            taken.append((len(text), len(text) + len(_PIECES[p])))
        text += _PIECES[p] + j
    sp = spaced(fold(text))
    found = find_officials(text, sp, None, taken)
    with mock.patch.object(officials_mod, "_name_may_precede", lambda *a: True), \
            mock.patch.object(officials_mod, "_read_span", lambda text, start, end, *a: (start, end)):
        assert find_officials(text, sp, None, taken) == found


@given(st.lists(st.sampled_from(["Lê", "lê", "Nguyễn", "Khamphao", "Bun-chăn", "Bộ", "Lào", "Hà", "Tĩnh", "UBND",
                                 "Ernthavanh", "Văn", "Tông-pao", "Sơn", "La", "Ab", "Xyzw", "É-x", "NGUYỄN"]),
                min_size=1, max_size=5))
def test_a_name_opens_with_a_word_that_may_open_one(words):
    """name_shape (and _name_at, and _name_may_follow) look no further at words whose first
    _may_open_name refuses: they would take no name that opens with it."""
    text = " ".join(words)
    toks = officials_mod._tokens(text, 0, len(text))
    with mock.patch.object(officials_mod, "_may_open_name", lambda word: True):
        plain = officials_mod.name_shape(toks), officials_mod._name_at(toks, 0)
    assert (officials_mod.name_shape(toks), officials_mod._name_at(toks, 0)) == plain


@given(st.lists(st.sampled_from(["Lê", "lê", "Bun-chăn", "𝐀b", "ǅa", "Ⓐb", "²", "x", "Đ", "-", ",", " ", "_", "\n", "  "]),
                max_size=12).map("".join))
@example("𝐀b 𝐀b")  # capitals beyond the BMP
@example("Bun-chăn_Lê")
@settings(max_examples=500)
def test_two_capitalised_words_are_a_capital_pair(text):
    """_name_may_follow walks the tokens only where _CAPITAL_PAIR finds two capitalised words one
    space apart: it finds them wherever the tokens hold them."""
    toks = officials_mod._tokens(text, 0, len(text))
    if any(a.word and a.cap and b.word and b.cap and b.start == a.end + 1 for a, b in zip(toks, toks[1:])):
        assert officials_mod._CAPITAL_PAIR.search(text)
