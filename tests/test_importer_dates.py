"""Date grammar and year inference: one case a line."""
import datetime as dt
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.importer.dates import datelines, foreign_datelines, infer_year, reported_years, stamp_date
from generator.text import fold

CALENDAR = yaml.safe_load((Path(__file__).parent.parent / "content" / "data" / "calendar.yaml").read_text())


@pytest.mark.parametrize("line, date", [
    ("09:00 | 01/07/2021 GMT+7", dt.date(2021, 7, 1)),
    ("Chính trị 18-05-2022", dt.date(2022, 5, 18)),
    ("10-07-2024, 18:55", dt.date(2024, 7, 10)),
    ("Thứ Hai, 01/12/2025 - 14:30 (GMT+7)", dt.date(2025, 12, 1)),
    ("2025-12-01 08:00", dt.date(2025, 12, 1)),
    ("Cập nhật: 14:05, 29/06/2021", dt.date(2021, 6, 29)),
    ("31/02/2024", None),                                                   # no such day
    ("Sáng 29/6/2021, tại Phủ Chủ tịch, Chủ tịch nước hội kiến với Tổng Bí thư Lào", None),  # a sentence
])
def test_stamp_date(line, date):
    assert stamp_date(line) == date


@pytest.mark.parametrize("text, day, month, year, end", [
    ("Ngày 4/12, tại Trụ sở", 4, 12, None, None),
    ("trưa 1/12, sau cuộc hội đàm", 1, 12, None, None),
    ("Ngày 1-12, sau lễ đón", 1, 12, None, None),           # day-month with a dash
    ("từ ngày 3-6/12.", 3, 12, None, 6),                    # a range, not 3 June
    ("từ ngày 26 đến 27/1/2026", 26, 1, 2026, 27),
    ("từ ngày 28-29/6", 28, 6, None, 29),
    ("Sáng 29/6/2021, tại", 29, 6, 2021, None),
    ("hôm nay (24-2), Tổng Bí thư", 24, 2, None, None),
    ("Đúng 14 giờ, chiều nay, 17.10, Chủ tịch", 17, 10, None, None),
    ("Sáng ngày 06/12, tại Nhà Quốc hội", 6, 12, None, None),
    ("ngày 16.5, tại thủ đô", 16, 5, None, None),
    ("Sáng sớm 11/1, Thủ tướng", 11, 1, None, None),
])
def test_datelines(text, day, month, year, end):
    first = datelines(text)[0]
    assert (first.day, first.month, first.year, first.end_day) == (day, month, year, end)


@pytest.mark.parametrize("text", [
    "Đồng chí sinh ngày 15-8-1937 tại huyện Thà-pang-thong.",   # a birthday is not the event
    "Nghị định số 12/2024 ban hành ngày 3/4/2024.",
    "Ngày 32/13 không tồn tại.",
])
def test_not_datelines(text):
    assert datelines(text) == []


def test_foreign_datelines():
    d = foreign_datelines("will pay an official visit to Vietnam from January 6-7 at the invitation")[0]
    assert (d.day, d.month, d.end_day, d.year) == (6, 1, 7, None)
    f = foreign_datelines("Le président est arrivé le 6 janvier 2024 à Hanoi.")[0]
    assert (f.day, f.month, f.year) == (6, 1, 2024)


@pytest.mark.parametrize("text, years", [
    ("kim ngạch 10 tháng đầu năm 2025 đạt gần 2,5 tỷ USD, tăng 50,4% so năm 2024", [2025, 2024]),
    ("Kế hoạch hợp tác năm 2026 giữa hai Bộ", []),                  # a plan
    ("giai đoạn 2026-2030", []),                                     # a period
    ("tầm nhìn đến năm 2045", []),
    ("nhiệm kỳ 2025 - 2030", []),
])
def test_reported_years(text, years):
    assert reported_years(fold(text)) == years


@pytest.mark.parametrize("day, month, text, year, why", [
    (26, 1, "Ngày 26/1, hội đàm. Chuyến thăm từ ngày 26 đến 27/1/2026.", 2026, "the text gives"),
    (1, 12, "dịp kỷ niệm 50 năm Quốc khánh Lào và 105 năm ngày sinh Chủ tịch Kaysone Phomvihane", 2025, "Quốc khánh Lào"),
    (2, 9, "kỷ niệm 60 năm ngày thiết lập quan hệ ngoại giao Việt Nam - Lào", 2022, "quan hệ ngoại giao"),
    (6, 1, "Kỳ họp lần thứ 41 Ủy ban liên Chính phủ Việt Nam - Lào", 2019, "Ủy ban liên Chính phủ"),
    (9, 1, "đồng chủ trì Kỳ họp lần thứ 47 Ủy ban liên Chính phủ", 2025, "Ủy ban liên Chính phủ"),
    (8, 10, "tham dự Hội nghị cấp cao ASEAN lần thứ 44 và 45", 2024, "ASEAN"),
    (1, 12, "kim ngạch 10 tháng đầu năm 2025 đạt gần 2,5 tỷ USD", 2025, "latest year"),
    (4, 12, "Nói chung không có năm nào.", None, "no evidence"),
])
def test_infer_year(day, month, text, year, why):
    ev = infer_year(day, month, text, CALENDAR)
    assert ev.year == year and why in ev.reason
    assert infer_year(day, month, text, CALENDAR, (), datelines(text)) == ev  # the text's datelines passed, as import_page does


def test_infer_year_from_terms_of_office():
    terms = [("Phankham Viphavanh", [(dt.date(2021, 3, 22), dt.date(2022, 12, 30))]),
             ("Phạm Minh Chính", [(dt.date(2021, 4, 5), dt.date(2026, 4, 7))])]
    ev = infer_year(8, 1, "Thủ tướng hội đàm", CALENDAR, terms)
    assert ev.year == 2022 and "Phankham" in ev.reason


def test_ambiguous_terms_are_flagged_uncertain():
    terms = [("Vương Đình Huệ", [(dt.date(2021, 3, 31), dt.date(2024, 5, 2))])]
    ev = infer_year(6, 12, "Chủ tịch Quốc hội đón đoàn", CALENDAR, terms)
    assert ev.year == 2023 and "UNCERTAIN" in ev.reason and "2021, 2022, 2023" in ev.reason


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(["1", "12", "2024", "٣", "0", "/", "-", ".", " ", "  ", "\u00a0", ":", "a", "ngày"]), max_size=16).map("".join))
def test_a_stamp_is_looked_for_only_in_lines_with_a_year(line):
    # stamp_date() gives up on a line without four digits in a row: every date _NUM_DATE finds has them
    from generator.importer import dates as D
    assert D._NUM_DATE.search(line) is None or D._FOUR_DIGITS.search(line) is not None
