"""The shipped leaders registry (content/data/leaders.yaml): loads cleanly and states known facts."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from generator.content import load_registry
from generator.text import fold, normalize, slugify

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "content" / "data"
CORPUS = ROOT.parent / "shared" / "corpus"
SEEDS = ROOT.parent / "shared" / "seeds"
COUNTRIES = {"VN", "LA", "KH", "TH", "CN", "US", "FR", "RU"}


@pytest.fixture(scope="module")
def loaded():
    return load_registry(DATA)


@pytest.fixture(scope="module")
def leaders(loaded):
    return loaded[0].leaders


def test_loads_without_diagnostics(loaded):
    reg, diags = loaded
    assert [str(d) for d in diags] == []
    assert len(reg.leaders) >= 100


def test_both_countries_are_well_covered(leaders):
    by_country = {}
    for leader in leaders.values():
        by_country[leader.country] = by_country.get(leader.country, 0) + 1
    assert by_country.get("VN", 0) >= 40
    assert by_country.get("LA", 0) >= 30


def test_ids_are_slugs_of_names(leaders):
    for id_, leader in leaders.items():
        base = slugify(leader.name)
        assert id_ == base or re.fullmatch(re.escape(base) + r"-[a-z0-9]+(?:-[a-z0-9]+)*", id_), id_


def test_every_leader_has_a_country_and_a_role(leaders):
    for leader in leaders.values():
        assert leader.country in COUNTRIES, leader.id
        assert leader.roles, leader.id
        assert all(r.title.strip() for r in leader.roles), leader.id


def test_role_dates_are_ordered_and_not_in_the_future(leaders):
    today = dt.date(2026, 11, 23)
    for leader in leaders.values():
        for role in leader.roles:
            if role.start and role.end:
                assert role.start <= role.end, (leader.id, role)
            for day in (role.start, role.end):
                assert day is None or day <= today, (leader.id, role)


def test_names_and_aliases_are_in_normal_form(leaders):
    for leader in leaders.values():
        for name in (leader.name, *leader.aliases):
            assert normalize(name) == name, (leader.id, name)
            assert name == name.strip() and "  " not in name, (leader.id, name)


def test_no_alias_is_a_single_word(leaders):
    # A one-word alias ("Lâm", "Trọng") would match ordinary text; hyphenated transliterations
    # ("Xu-pha-nu-vông") are several syllables and count as several words.
    for leader in leaders.values():
        for alias in leader.aliases:
            assert len(re.split(r"[\s\-]+", fold(alias).strip())) >= 2, (leader.id, alias)


def test_aliases_add_something_beyond_folding(leaders):
    # Folding already matches the name without diacritics; an alias equal to it after folding is noise.
    for leader in leaders.values():
        folded = fold(leader.name)
        for alias in leader.aliases:
            assert fold(alias) != folded, (leader.id, alias)
        assert len({fold(a) for a in leader.aliases}) == len(leader.aliases), leader.id


def _held(leader, title_part: str, on: dt.date) -> bool:
    return any(r.title.startswith(title_part) and r.start and r.start <= on and (r.end is None or on <= r.end)
               for r in leader.roles)


def _role(leader, title_part: str, start: dt.date):
    matches = [r for r in leader.roles if title_part in r.title and r.start == start]
    assert matches, (leader.id, title_part, start)
    return matches[0]


SPOT_STARTS = [
    ("to-lam", "Tổng Bí thư Ban Chấp hành Trung ương Đảng Cộng sản", dt.date(2024, 8, 3)),
    ("to-lam", "Chủ tịch nước", dt.date(2024, 5, 22)),
    ("to-lam", "Bộ trưởng Bộ Công an", dt.date(2016, 4, 9)),
    ("luong-cuong", "Chủ tịch nước", dt.date(2024, 10, 21)),
    ("pham-minh-chinh", "Thủ tướng", dt.date(2021, 4, 5)),
    ("tran-thanh-man", "Chủ tịch Quốc hội", dt.date(2024, 5, 20)),
    ("vuong-dinh-hue", "Chủ tịch Quốc hội", dt.date(2021, 3, 31)),
    ("nguyen-xuan-phuc", "Thủ tướng", dt.date(2016, 4, 7)),
    ("nguyen-xuan-phuc", "Chủ tịch nước", dt.date(2021, 4, 5)),
    ("nguyen-phu-trong", "Tổng Bí thư", dt.date(2011, 1, 19)),
    ("nguyen-phu-trong", "Chủ tịch nước", dt.date(2018, 10, 23)),
    ("tran-dai-quang", "Chủ tịch nước", dt.date(2016, 4, 2)),
    ("vo-van-thuong", "Chủ tịch nước", dt.date(2023, 3, 2)),
    ("bui-thanh-son", "Phó Thủ tướng", dt.date(2024, 8, 26)),
    ("le-hoai-trung", "Bộ trưởng Bộ Ngoại giao", dt.date(2025, 10, 25)),
    ("thongloun-sisoulith", "Tổng Bí thư Ban Chấp hành Trung ương Đảng Nhân dân Cách mạng Lào", dt.date(2021, 1, 15)),
    ("thongloun-sisoulith", "Chủ tịch nước Cộng hòa Dân chủ Nhân dân Lào", dt.date(2021, 3, 22)),
    ("thongloun-sisoulith", "Thủ tướng", dt.date(2016, 4, 20)),
    ("sonexay-siphandone", "Thủ tướng", dt.date(2022, 12, 30)),
    ("phankham-viphavanh", "Thủ tướng", dt.date(2021, 3, 22)),
    ("xaysomphone-phomvihane", "Chủ tịch Quốc hội", dt.date(2021, 3, 22)),
    ("bounnhang-vorachith", "Tổng Bí thư", dt.date(2016, 1, 22)),
    ("bounnhang-vorachith", "Chủ tịch nước", dt.date(2016, 4, 20)),
    ("vilay-lakhamphong", "Thường trực Ban Bí thư", dt.date(2026, 1, 8)),
]


@pytest.mark.parametrize("id_, title, start", SPOT_STARTS)
def test_spot_checks_of_role_starts(leaders, id_, title, start):
    _role(leaders[id_], title, start)


SPOT_ENDS = [
    # Nguyễn Phú Trọng died in office on 2024-07-19; nothing he held runs past that day.
    ("nguyen-phu-trong", "Tổng Bí thư", dt.date(2024, 7, 19)),
    ("tran-dai-quang", "Chủ tịch nước", dt.date(2018, 9, 21)),
    ("vo-van-thuong", "Chủ tịch nước", dt.date(2024, 3, 21)),
    ("to-lam", "Bộ trưởng Bộ Công an", dt.date(2024, 5, 22)),
    ("phankham-viphavanh", "Thủ tướng", dt.date(2022, 12, 30)),
    ("bounnhang-vorachith", "Chủ tịch nước", dt.date(2021, 3, 22)),
    ("kaysone-phomvihane", "Tổng Bí thư", dt.date(1992, 11, 21)),
]


@pytest.mark.parametrize("id_, title, end", SPOT_ENDS)
def test_spot_checks_of_role_ends(leaders, id_, title, end):
    assert any(title in r.title and r.end == end for r in leaders[id_].roles), (id_, title, end)


def test_nothing_outlives_nguyen_phu_trong(leaders):
    death = dt.date(2024, 7, 19)
    for role in leaders["nguyen-phu-trong"].roles:
        assert role.end is not None and role.end <= death, role


def test_one_holder_of_each_top_office_on_given_days(leaders):
    # Who held the office on a day, by the dated roles: exactly the expected leader.
    cases = [
        ("Tổng Bí thư Ban Chấp hành Trung ương Đảng Cộng sản", dt.date(2023, 6, 1), "nguyen-phu-trong"),
        ("Tổng Bí thư Ban Chấp hành Trung ương Đảng Cộng sản", dt.date(2025, 12, 1), "to-lam"),
        ("Chủ tịch nước Cộng hòa xã hội", dt.date(2019, 6, 1), "nguyen-phu-trong"),
        ("Chủ tịch nước Cộng hòa xã hội", dt.date(2026, 1, 26), "luong-cuong"),
        ("Thủ tướng Chính phủ nước Cộng hòa xã hội", dt.date(2020, 1, 4), "nguyen-xuan-phuc"),
        ("Thủ tướng Chính phủ nước Cộng hòa xã hội", dt.date(2025, 1, 9), "pham-minh-chinh"),
        ("Thủ tướng Chính phủ nước Cộng hòa Dân chủ Nhân dân Lào", dt.date(2020, 1, 4), "thongloun-sisoulith"),
        ("Thủ tướng Chính phủ nước Cộng hòa Dân chủ Nhân dân Lào", dt.date(2022, 1, 8), "phankham-viphavanh"),
        ("Thủ tướng Chính phủ nước Cộng hòa Dân chủ Nhân dân Lào", dt.date(2024, 1, 6), "sonexay-siphandone"),
        ("Tổng Bí thư Ban Chấp hành Trung ương Đảng Nhân dân Cách mạng Lào", dt.date(2018, 1, 1), "bounnhang-vorachith"),
        ("Chủ tịch Quốc hội nước Cộng hòa xã hội", dt.date(2022, 12, 6), "vuong-dinh-hue"),
        ("Thường trực Ban Bí thư Trung ương Đảng Cộng sản", dt.date(2024, 12, 4), "tran-cam-tu"),
        ("Thường trực Ban Bí thư Trung ương Đảng Nhân dân Cách mạng Lào", dt.date(2024, 12, 4), "bounthong-chitmany"),
    ]
    for title, day, expected in cases:
        holders = sorted(l.id for l in leaders.values() if _held(l, title, day))
        assert holders == [expected], (title, day, holders)


def test_press_spellings_of_lao_leaders_point_to_them(leaders):
    by_name = {}
    for leader in leaders.values():
        for name in (leader.name, *leader.aliases):
            by_name[fold(name)] = leader.id
    spellings = {
        "Thoong-lun Xi-xu-lít": "thongloun-sisoulith",
        "Thoonglun Sisoulith": "thongloun-sisoulith",
        "Saysomphone Phomvihane": "xaysomphone-phomvihane",
        "Xay-xổm-phon Phôm-vi-hản": "xaysomphone-phomvihane",
        "Sonsay Siphandone": "sonexay-siphandone",
        "Bounthong Chittamany": "bounthong-chitmany",
        "Pany Yathotu": "pany-yathotou",
        "Bun-nhăng Vo-la-chít": "bounnhang-vorachith",
        "Chummaly Saynhasone": "choummaly-sayasone",
        "Thongsavanh Phimvihane": "thongsavanh-phomvihane",
        "Vi-lay Lạ-khăm-phong": "vilay-lakhamphong",
        "Cay-xỏn Phôm-vi-hản": "kaysone-phomvihane",
    }
    for spelling, id_ in spellings.items():
        assert by_name.get(fold(spelling)) == id_, spelling


def _texts(folder: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt")))


@pytest.mark.skipif(not (CORPUS.is_dir() and SEEDS.is_dir()), reason="shared corpus not available")
def test_national_leaders_named_in_the_shared_pages_are_curated(leaders):
    # Every name below is printed in the shared seeds or corpus; check the registry recognises it.
    text = fold(_texts(SEEDS) + "\n" + _texts(CORPUS))
    names = {fold(n) for leader in leaders.values() for n in (leader.name, *leader.aliases)}
    expected = [
        "Thongloun Sisoulith", "Tô Lâm", "Lương Cường", "Phạm Minh Chính", "Trần Thanh Mẫn",
        "Trần Cẩm Tú", "Lê Minh Hưng", "Bounthong Chitmany", "Lê Hoài Trung", "Sonexay Siphandone",
        "Phankham Viphavanh", "Saysomphone Phomvihane", "Xaysomphone Phomvihane", "Vương Đình Huệ",
        "Bounnhang Vorachith", "Thongsing Thammavong", "Nguyễn Sinh Hùng", "Pany Yathotou",
        "Kaysone Phomvihane", "Thongsavanh Phomvihane", "Bùi Thanh Sơn", "Chansamone Chanyalath",
        "Saleumxay Kommasith", "Vilay Lakhamphong", "Nguyễn Xuân Phúc", "Nguyễn Phú Trọng",
        "Võ Văn Thưởng", "Trịnh Văn Quyết", "Somsavath Lengsavad", "Vũ Văn Ninh", "Chummaly Saynhasone",
        "Bun-nhăng Vo-la-chít", "Thoonglun Sisoulith", "Nguyễn Chí Dũng", "Phạm Bình Minh",
    ]
    for name in expected:
        assert fold(name) in text, f"{name} is no longer in the shared pages"
        assert fold(name) in names, name
