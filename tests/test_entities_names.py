"""Registry leaders in text: spellings, capitals, word boundaries and the traps of issue 3."""
from __future__ import annotations

import pytest

from generator.entities import extract
from generator.entities.names import LeaderMatcher, matcher_for
from generator.model import Leader

from .entity_kit import LEADERS, article, registry


@pytest.mark.parametrize("text, expected", [
    ("Tổng Bí thư Tô Lâm hội đàm với Thongloun Sisoulith.", ["to-lam", "thongloun-sisoulith"]),
    ("Tong Bi thu To Lam hoi dam voi Thongloun Sisoulith.", ["to-lam", "thongloun-sisoulith"]),   # no diacritics
    ("TỔNG BÍ THƯ TÔ LÂM ĐÓN CHỦ TỊCH", ["to-lam"]),                                              # a heading in capitals
    ("Đồng chí Thông-lun Xi-xu-lít phát biểu.", ["thongloun-sisoulith"]),                       # transliteration
    ("Đồng chí Thông lun Xi xu lít phát biểu.", ["thongloun-sisoulith"]),                       # hyphens dropped
    ("Lao PM Sonexay Siphandone (R) and PM Pham Minh Chinh.", ["sonexay-siphandone", "pham-minh-chinh"]),
    ("Các tổ làm việc liên ngành họp.", []),                                                     # folds like "Tô Lâm"
    ("Tổ Làm Việc liên ngành họp.", []),                                                         # capitals, other diacritics
    ("Ông Tô Lâmxyz đến.", []),                                                                  # inside a longer word
    ("Tại thành phố Kaysone Phomvihane, tỉnh Savannakhet.", []),                                 # a city named after him
    ("Tượng đài Chủ tịch Kaysone Phomvihane ở thành phố Kaysone Phomvihane.", ["kaysone-phomvihane"]),
    ("Ban Tuyên giáo Thành ủy Thành phố Hồ Chí Minh họp.", []),                                  # a city
    ("Lăng Chủ tịch Hồ Chí Minh mở cửa.", ["ho-chi-minh"]),
    ("Lễ tang Đại tướng Võ Nguyên Giáp.", ["vo-nguyen-giap"]),                                   # alias with a title
    ("Bộ Lao động và tỉnh Lào Cai.", []),
])
def test_registry_names(text, expected):
    assert [m.leader for m in LeaderMatcher(LEADERS).find(text)] == expected


def test_one_word_short_form_is_not_a_word_of_a_longer_name():
    leaders = {"sonexay": Leader("sonexay", "Sonexay Siphandone", "LA", ("Siphandone",))}
    m = LeaderMatcher(leaders)
    assert [x.leader for x in m.find("bà Vandara Siphandone Phu nhân Thủ tướng")] == []
    assert [x.leader for x in m.find("Thủ tướng Siphandone phát biểu")] == ["sonexay"]


def test_matcher_is_built_once_and_extended_when_an_import_adds_leaders():
    reg = registry()
    first = matcher_for(reg.leaders)
    assert matcher_for(reg.leaders) is first
    grown = {**reg.leaders, "le-quang-tung": Leader("le-quang-tung", "Lê Quang Tùng", "VN")}
    again = matcher_for(grown)
    assert [m.leader for m in again.find("Bí thư Tỉnh ủy Lê Quang Tùng dự.")] == ["le-quang-tung"]


def test_leaders_in_order_of_first_mention_from_captions_too():
    a = article("Chủ tịch nước Lương Cường tiếp Thongloun Sisoulith.",
                captions=("Thủ tướng Phạm Minh Chính và Tô Lâm (Ảnh: Thống Nhất/TTXVN)",))
    assert extract(a, registry()).leaders == ("luong-cuong", "thongloun-sisoulith", "pham-minh-chinh", "to-lam")


def test_related_news_block_is_not_the_article():
    a = article("Tổng Bí thư Tô Lâm hội đàm.\n\nTin liên quan\n\nThủ tướng Phạm Minh Chính gặp Sonexay Siphandone.")
    assert extract(a, registry()).leaders == ("to-lam",)
