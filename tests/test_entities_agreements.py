"""Documents listed as signed, one a line or after "gồm:", and those named inline with a capitalised kind."""
from __future__ import annotations

import pytest

from generator.entities import extract
from generator.entities import agreements as docs

from .entity_kit import article, registry


@pytest.mark.parametrize("line, kind, parties, period", [
    ("- Kế hoạch hợp tác năm 2026 giữa Bộ Công an Việt Nam và Bộ Công an Lào;", "ke-hoach",
     ("Bộ Công an Việt Nam", "Bộ Công an Lào"), "2026"),
    ("- Thỏa thuận giữa Bộ Công an Việt Nam và Bộ Công an Lào về xây dựng dự án Trung tâm Chỉ huy;", "thoa-thuan",
     ("Bộ Công an Việt Nam", "Bộ Công an Lào"), None),
    ("- Biên bản ghi nhớ giữa Bộ Công Thương Việt Nam và Bộ Công Thương Lào về phát triển chuỗi liên kết giữa Việt Nam và Lào;",
     "ghi-nho", ("Bộ Công Thương Việt Nam", "Bộ Công Thương Lào"), None),
    ("- Biên bản thỏa thuận hợp tác giữa Bộ Ngoại giao Việt Nam và Ban Đối ngoại Trung ương Đảng Nhân dân Cách mạng Lào "
     "giai đoạn 2026-2030;", "thoa-thuan",
     ("Bộ Ngoại giao Việt Nam", "Ban Đối ngoại Trung ương Đảng Nhân dân Cách mạng Lào"), "2026-2030"),
    ("- Bản ghi nhớ về hợp tác các hoạt động ngân hàng trọng tâm giai đoạn 2026-2030;", "ghi-nho", (), "2026-2030"),
    ("- Thỏa thuận hợp tác giai đoạn 2026-2030 giữa tỉnh Thanh Hóa, Việt Nam và tỉnh Houaphanh, Lào;", "thoa-thuan",
     ("tỉnh Thanh Hóa, Việt Nam", "tỉnh Houaphanh, Lào"), "2026-2030"),
    ("- Thỏa thuận tăng cường kết nối vận tải hàng không giữa Bộ Công chính và Vận tải Lào và Vietjet.", "thoa-thuan",
     ("Bộ Công chính và Vận tải Lào", "Vietjet"), None),
    ("- Hiệp định dẫn độ giữa Bộ Công an VN và Viện KSND tối cao Lào", "hiep-dinh",
     ("Bộ Công an VN", "Viện KSND tối cao Lào"), None),
    ("- Tuyên bố chung về chuyến thăm", "tuyen-bo-chung", (), None),
    ("- Nghị định thư sửa đổi Hiệp định thương mại", "nghi-dinh-thu", (), None),
    ("- Hiệp ước hữu nghị và hợp tác", "hiep-uoc", (), None),
])
def test_listed_document(line, kind, parties, period):
    (doc,) = extract(article("Hai bên ký kết các văn kiện:\n\n" + line), registry()).new_agreements
    assert (doc.kind, doc.parties, doc.period) == (kind, parties, period)


@pytest.mark.parametrize("body, titles", [
    ("Các văn kiện gồm: Bản ghi nhớ giữa Bộ Công an VN và Bộ Công an Lào; Kế hoạch hợp tác năm 2024 giữa Bộ Tư pháp VN "
     "và Bộ Tư pháp Lào; và một số thỏa thuận của các doanh nghiệp.",
     ["Bản ghi nhớ giữa Bộ Công an VN và Bộ Công an Lào", "Kế hoạch hợp tác năm 2024 giữa Bộ Tư pháp VN và Bộ Tư pháp Lào"]),
    ("Hai bên triển khai hiệu quả Thỏa thuận cấp cao Việt Nam-Lào, tiếp tục hợp tác.", ["Thỏa thuận cấp cao Việt Nam-Lào"]),
    ("Kỷ niệm 45 năm ngày ký Hiệp ước hữu nghị và hợp tác VN - Lào (18.7.1977).", ["Hiệp ước hữu nghị và hợp tác VN - Lào"]),
    ("Thực hiện Kế hoạch số 24 của Ban Tuyên giáo Thành ủy.", []),                    # an internal plan
    ("Theo Biên bản ghi nhớ (MOU) được ký kết, dự án dài 452 km.", []),             # no name, no sides
    ("Hai bên thúc đẩy thỏa thuận cấp cao hai nước.", []),                           # lower case: not a title
    ("Kế hoạch hợp tác năm 2026 rất quan trọng với hai nước.", []),                  # a sentence, not an item
])
def test_inline_and_enumerated(body, titles):
    assert [a.title for a in extract(article(body), registry()).new_agreements] == titles


def test_same_document_in_two_articles_is_one_agreement_attached_to_the_event():
    body = ("Tổng Bí thư Tô Lâm thăm cấp Nhà nước tới Lào. Trưa 1/12, Tô Lâm và Thongloun Sisoulith chứng kiến lễ trao "
            "các văn kiện.\n\n- Kế hoạch hợp tác năm 2026 giữa Bộ Quốc phòng Việt Nam và Bộ Quốc phòng Lào;")
    reg = registry()
    first = extract(article(body, slug="one"), reg)
    (doc,) = first.new_agreements
    assert doc.event == first.events[0] and doc.witnesses == ("to-lam", "thongloun-sisoulith")
    assert doc.date.isoformat() == "2025-12-01"
    reg = type(reg)(leaders=reg.leaders, events={e.id: e for e in first.new_events}, agreements={doc.id: doc})
    again = extract(article(body.replace("Kế hoạch hợp tác", "Kế hoạch hợp tác ").replace("Bộ Quốc phòng Việt Nam", "Bộ Quốc phòng VN"),
                            slug="two"), reg)
    assert again.agreements == (doc.id,) and again.new_agreements == ()


def test_a_list_of_plans_is_no_list_of_signed_documents_without_a_signing():
    body = "Tỉnh đề ra các nhiệm vụ:\n\n- Kế hoạch phát triển du lịch năm 2026 giữa các huyện và thành phố;"
    assert extract(article(body), registry()).agreements == ()


def test_long_titles_keep_distinct_ids():
    a = "Biên bản thỏa thuận hợp tác giữa Bộ Ngoại giao Việt Nam và Bộ Ngoại giao Lào giai đoạn 2026-2030 về " + "x " * 40
    b = a.replace("2026-2030", "2031-2035")
    assert docs.agreement_id(a) != docs.agreement_id(b) and len(docs.agreement_id(a)) <= 80
