"""A leader beside a dated page shows the role held on that date; entity kinds show by name."""
import datetime as dt

from generator.model import Leader, Role
from generator.render.views import kind_name, role_on

TO_LAM = Leader("to-lam", "Tô Lâm", "VN", roles=(
    Role("Bộ trưởng Bộ Công an", dt.date(2016, 4, 9), dt.date(2024, 6, 6)),
    Role("Chủ tịch nước", dt.date(2024, 5, 22), dt.date(2024, 10, 21)),
    Role("Tổng Bí thư", dt.date(2024, 8, 3), None),
    Role("Chủ tịch nước", dt.date(2026, 4, 7), None),
))


def test_role_on_the_page_date():
    assert role_on(TO_LAM, dt.date(2020, 1, 1)) == "Bộ trưởng Bộ Công an"
    assert role_on(TO_LAM, dt.date(2024, 7, 11)) == "Chủ tịch nước"
    assert role_on(TO_LAM, dt.date(2025, 12, 1)) == "Tổng Bí thư"   # not the title he took in 2026
    assert role_on(TO_LAM, dt.date(2026, 5, 1)) == "Chủ tịch nước"
    assert role_on(TO_LAM, dt.date(2010, 1, 1)) == ""                # none known then: say nothing


def test_entity_kind_codes_have_vietnamese_names():
    assert kind_name("tham-cap-nha-nuoc") == "Chuyến thăm cấp Nhà nước"
    assert kind_name("ke-hoach") == "Kế hoạch hợp tác"
    assert kind_name("ghi-nho") == "Bản ghi nhớ"
