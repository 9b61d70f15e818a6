"""Normalisation, folding and slugs: one case a line."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.text import fold, normalize, slugify
from tests.test_scan import _OLD_TONE_WAS  # imported here: inside a test, its first run would be timed


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


def _normalize_whole(text: str) -> str:
    """The reference: the old tone placement moved over the whole decomposed text at once."""
    import unicodedata
    from generator import text as T
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n").translate(T._SPACES))
    if not T._OLD_TONE_HINT.search(text):
        return text
    return unicodedata.normalize("NFC", T._OLD_TONE_NFD.sub(T._move_tone, unicodedata.normalize("NFD", text)))


def test_old_tone_letters_are_every_letter_that_decomposes_so():
    # normalize() decomposes only lines with one of these after o/u: the lists must be complete.
    import sys
    import unicodedata
    from generator import text as T
    tones = "\u0300\u0301\u0309\u0303\u0323"
    found = {"ae": "", "ae_more": "", "y": ""}
    for cp in range(sys.maxunicode + 1):
        nfd = unicodedata.normalize("NFD", chr(cp))
        if len(nfd) >= 2 and nfd[1] in tones and nfd[0] in "aeyAEY":
            found[("y" if nfd[0] in "yY" else "ae") + ("_more" if len(nfd) > 2 and nfd[0] not in "yY" else "")] += chr(cp)
    assert found == {"ae": T._TONED_AE, "ae_more": T._TONED_AE_MORE, "y": T._TONED_Y}


_TONE_ALPHABET = list("oOuUqQaAeEyY \n\r.-xđn1_×ớâăêôơư\u00a0") + list(
    "ÀÁÃÈÉÝàáãèéýẠạẢảẬậẶặẸẹẺẻẼẽỆệỲỳỴỵỶỷỸỹ") + ["\u0300", "\u0301", "\u0309", "\u0303", "\u0323", "\u0302",
                                               "\u0306", "\u031b", "\u0358"]


@given(st.lists(st.sampled_from(_TONE_ALPHABET), max_size=30).map("".join))
@settings(max_examples=2000, deadline=None)
def test_normalize_line_by_line_is_normalize_of_the_whole(text):
    assert normalize(text) == _normalize_whole(text)


def test_long_texts_fold_character_by_character_as_short_ones_do():
    """A long text is folded with one table of the whole plane; it must give what folding the
    text whole gives (context: a final Σ, characters beyond the plane, ASCII white space)."""
    import random

    from generator.text import _LONG, _fold_text

    rng = random.Random(5)
    alphabet = ("aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẠẢÃẦẤẬẨẪÈÉẸẺẼĐđÌÍỊỈĨÒÓỌỎÕÙÚỤỦŨỲÝỴỶỸ ABCXYZ\t\n\x0b\x1f"
                "\u00a0\u2009\u3000“”–…ΣσςΑΒΓİıßǅKÅ\U00010400\U0001d400ＡａЁё中文한국")
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(_LONG + 1, _LONG + 80)))
        if rng.random() < 0.5:
            text = text.replace("Σ", "S").replace("\U00010400", "x").replace("\U0001d400", "y")
        assert fold(text) == _fold_text(text), text


def test_the_fold_table_agrees_with_folding_on_every_character_it_holds():
    from generator.text import _PLANE, _fold_plane, _fold_text

    chars = "é" + "".join(chr(c) for c in range(_PLANE) if c != 0x3A3)
    assert chars.translate(_fold_plane()) == _fold_text(chars)


@given(st.lists(st.sampled_from(_TONE_ALPHABET), max_size=30).map("".join))
@settings(max_examples=2000, deadline=None)
def test_old_tones_looked_for_letter_by_letter_are_those_the_one_pattern_finds(text):
    from generator import text as T
    assert [m.span() for m in T._OLD_TONE_MAYBE.finditer(text)] == [m.span() for m in _OLD_TONE_WAS.finditer(text)]


@given(st.text(alphabet=st.sampled_from(list("aZz09 -_.\n\t\x0b\x1cĐđÀ“ß\u00a0中") + ["ǅ", "\u212a"]), max_size=40), st.integers(1, 30))
@settings(max_examples=2000, deadline=None)
def test_slugify_joins_the_runs_of_letters_and_digits_as_the_substitution_did(text, max_len):
    import re

    from generator import text as T
    slug = re.sub("[^a-z0-9]+", "-", fold(normalize(text)).encode("ascii", "ignore").decode()).strip("-")
    if len(slug) > max_len:
        cut = slug[: max_len + 1]
        slug = cut[: cut.rfind("-")] if "-" in cut[1:] else slug[:max_len]
        slug = slug.strip("-")
    assert T.slugify(text, max_len) == (slug or "untitled"[:max(1, max_len)])
