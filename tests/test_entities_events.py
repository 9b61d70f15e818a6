"""Events: the kind an article reports, who visited whom, dates; one id for every report of one visit."""
from __future__ import annotations

import datetime as dt

import pytest

from generator.entities import extract

from .entity_kit import article, registry

D = dt.date


@pytest.mark.parametrize("body, kind, host, visitor", [
    ("Tổng Bí thư Tô Lâm thăm cấp Nhà nước tới Lào từ ngày 1-2/12. Ông hội đàm với Thongloun Sisoulith.",
     "tham-cap-nha-nuoc", "LA", "to-lam"),
    ("Thongloun Sisoulith thăm hữu nghị chính thức Việt Nam từ ngày 28-29/6, hội kiến Lương Cường.",
     "tham-huu-nghi-chinh-thuc", "VN", "thongloun-sisoulith"),
    ("Thủ tướng Sonexay Siphandone thăm chính thức Việt Nam, kết hợp đồng chủ trì Kỳ họp lần thứ 46 Ủy ban liên "
     "Chính phủ Việt Nam-Lào từ ngày 6 đến 7/1, theo lời mời của Thủ tướng Phạm Minh Chính.",
     "tham-chinh-thuc", "VN", "sonexay-siphandone"),
    ("Ngày 6/1 tại Hà Nội, Kỳ họp lần thứ 41 Ủy ban liên Chính phủ do Thủ tướng Phạm Minh Chính và Thủ tướng "
     "Sonexay Siphandone đồng chủ trì.", "ky-hop-uy-ban-lien-chinh-phu", "VN", "sonexay-siphandone"),
    ("Ngày 26/1, tại cuộc hội kiến với Thongloun Sisoulith, Chủ tịch nước Lương Cường đánh giá cao.",
     "hoi-kien", None, "thongloun-sisoulith"),
    ("Sáng 26/1, tại Trụ sở Trung ương Đảng, Tổng Bí thư Tô Lâm đã hội đàm với Thongloun Sisoulith.",
     "hoi-dam", "VN", "thongloun-sisoulith"),
])
def test_kind_host_visitor(body, kind, host, visitor):
    (ev,) = extract(article(body, date=D(2026, 1, 26)), registry()).new_events
    assert (ev.kind, ev.host, ev.participants[0]) == (kind, host, visitor)


@pytest.mark.parametrize("body", [
    "Thủ tướng Phạm Minh Chính phát biểu tại hội nghị.",                     # no kind, one side
    "Tổng Bí thư Tô Lâm hội đàm với Tổng thống Hoa Kỳ.",                    # no Lao leader
    "Nhân 105 năm ngày sinh Chủ tịch Kaysone Phomvihane, Tô Lâm hội đàm.",  # the dead do not meet
])
def test_no_bilateral_event(body):
    assert extract(article(body), registry()).events == ()


def test_two_reports_of_one_visit_share_an_event_and_three_visits_stay_three():
    reg = registry()
    ids = []
    pages = [
        ("Tô Lâm thăm cấp Nhà nước tới Lào từ ngày 11 đến 12/7, hội đàm với Thongloun Sisoulith.", D(2024, 7, 10)),
        ("Tổng Bí thư Tô Lâm thăm cấp Nhà nước Lào. Trưa 1/12, hai bên chứng kiến. Thongloun Sisoulith.", D(2025, 12, 1)),
        ("Ngày 1-12, Tổng Bí thư Tô Lâm hội đàm với Thongloun Sisoulith tại thủ đô Vientiane.", D(2025, 12, 1)),
        ("Tổng Bí thư Tô Lâm sẽ thăm cấp Nhà nước tới Lào ngày 5-2 theo lời mời của Thongloun Sisoulith.", D(2026, 1, 30)),
        ("Tổng Bí thư Tô Lâm đến Vientiane, bắt đầu chuyến thăm cấp Nhà nước tới Lào. Thongloun Sisoulith đón.", D(2026, 2, 5)),
    ]
    for n, (body, day) in enumerate(pages):
        ex = extract(article(body, date=day, slug=f"p{n}"), reg)
        reg = type(reg)(leaders=reg.leaders, events={**reg.events, **{e.id: e for e in ex.new_events}},
                        agreements=reg.agreements)
        ids.append(ex.events[0])
    assert ids[1] == ids[2] and ids[3] == ids[4]
    assert len({ids[0], ids[1], ids[3]}) == 3
    assert ids[1] == "2025-12-01-tham-cap-nha-nuoc-to-lam"
    ev = reg.events[ids[3]]
    assert (ev.start, ev.host, ev.title) == (D(2026, 2, 5), "LA", "Chuyến thăm cấp Nhà nước tới Lào của Tô Lâm")


def test_event_id_does_not_depend_on_which_report_comes_first():
    a = "Tô Lâm thăm cấp Nhà nước tới Lào từ ngày 1-2/12. Hội đàm với Thongloun Sisoulith."
    b = "Tổng Bí thư Tô Lâm sang thăm cấp Nhà nước Lào; ngày 1/12 hội đàm với Thongloun Sisoulith."
    one = extract(article(a), registry()).events
    two = extract(article(b), registry()).events
    assert one == two == ("2025-12-01-tham-cap-nha-nuoc-to-lam",)
