"""Normalisation, folding and slugs: one case a line."""
import pytest

from generator.text import fold, normalize, slugify


@pytest.mark.parametrize("raw, expected", [
    ("Hoà bình", "Hòa bình"),                 # old tone placement → new
    ("Thanh Hoá", "Thanh Hóa"),
    ("thuỷ lợi", "thủy lợi"),
    ("Uỷ ban", "Ủy ban"),
    ("khoẻ mạnh", "khỏe mạnh"),
    ("HOÀ", "HÒA"),
    ("quý", "quý"),                           # qu + y: the mark belongs on y
    ("hoàn thành", "hoàn thành"),             # closed syllable: unchanged
    ("tuyến", "tuyến"),
    ("Ðà Nẵng", "Đà Nẵng"),                   # U+00D0 eth read as Đ
    ("Tô\u00a0Lâm", "Tô Lâm"),                # non-breaking space
    ("Tô\u200bLâm", "TôLâm"),                 # zero-width space removed
    ("a\r\nb", "a\nb"),
    ("To\u0302 La\u0302m", "Tô Lâm"),          # decomposed → NFC
])
def test_normalize(raw, expected):
    assert normalize(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("Tô Lâm", "to lam"),
    ("Đà Nẵng", "da nang"),
    ("Ðà Nẵng", "da nang"),
    ("THONGLOUN", "thongloun"),
    ("Hòa", "hoa"),
])
def test_fold(raw, expected):
    assert fold(raw) == expected


def test_fold_keeps_offsets():
    text = normalize("Tổng Bí thư Tô Lâm và Đà Nẵng")
    assert len(fold(text)) == len(text)


@pytest.mark.parametrize("raw, expected", [
    ("Đà Nẵng", "da-nang"),
    ("Tổng Bí thư Tô Lâm", "tong-bi-thu-to-lam"),
    ("Việt Nam - Lào: 50 năm!", "viet-nam-lao-50-nam"),
    ("Ðoàn đại biểu", "doan-dai-bieu"),
    ("", "untitled"),
    ("../../etc/passwd", "etc-passwd"),
    ("Thông-lun Xi-xu-lít", "thong-lun-xi-xu-lit"),
])
def test_slugify(raw, expected):
    assert slugify(raw) == expected


def test_slug_is_cut_at_a_word():
    slug = slugify("một " * 60, max_len=20)
    assert len(slug) <= 20 and not slug.endswith("-") and slug.startswith("mot-mot")
