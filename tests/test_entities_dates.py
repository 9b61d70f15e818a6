"""Dates and ranges as the papers write them, the year taken near the article's date."""
from __future__ import annotations

import datetime as dt

import pytest

from generator.entities.dates import spans
from generator.text import fold

D = dt.date


@pytest.mark.parametrize("text, ref, start, end", [
    ("từ ngày 3-6/12", D(2024, 12, 4), D(2024, 12, 3), D(2024, 12, 6)),
    ("từ ngày 26-27/1/2026", D(2026, 1, 28), D(2026, 1, 26), D(2026, 1, 27)),
    ("từ ngày 28-29/6", D(2021, 7, 1), D(2021, 6, 28), D(2021, 6, 29)),
    ("từ ngày 26 đến 27/1/2026", D(2026, 1, 27), D(2026, 1, 26), D(2026, 1, 27)),
    ("từ ngày 12 đến 14-2", D(2025, 2, 12), D(2025, 2, 12), D(2025, 2, 14)),
    ("từ ngày 11-12.1", D(2023, 1, 11), D(2023, 1, 11), D(2023, 1, 12)),
    ("(5 - 6/11/2025)", D(2025, 11, 20), D(2025, 11, 5), D(2025, 11, 6)),
    ("Ngày 5-2", D(2026, 1, 30), D(2026, 2, 5), D(2026, 2, 5)),          # day-month with a dash
    ("vào ngày 5.2", D(2026, 1, 30), D(2026, 2, 5), D(2026, 2, 5)),
    ("trưa 1/12", D(2025, 12, 1), D(2025, 12, 1), D(2025, 12, 1)),
    ("ngày 05/02/2026", D(2026, 2, 1), D(2026, 2, 5), D(2026, 2, 5)),
    ("chiều nay, 17.10", D(2024, 10, 17), D(2024, 10, 17), D(2024, 10, 17)),
    ("hôm nay (24-2)", D(2019, 2, 24), D(2019, 2, 24), D(2019, 2, 24)),
    ("Sáng 4/1", D(2019, 12, 30), D(2020, 1, 4), D(2020, 1, 4)),          # the year turns
    ("from January 6-7", D(2024, 1, 4), D(2024, 1, 6), D(2024, 1, 7)),
])
def test_first_span(text, ref, start, end):
    (first, *_rest) = spans(fold(text), ref)
    assert (first.start, first.end) == (start, end)


@pytest.mark.parametrize("text", ["5-10 tỷ USD", "giai đoạn 2026-2030", "ngày 31/2", "10 tháng đầu năm 2025"])
def test_not_dates(text):
    assert spans(fold(text), D(2025, 1, 1)) == ()
