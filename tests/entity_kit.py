"""A small registry and article maker for the entity tests (not the curated leaders.yaml, which grows)."""
from __future__ import annotations

import datetime as dt

from generator.model import Article, Leader, Role
from generator.registry import Registry

LEADERS = {
    "to-lam": Leader("to-lam", "Tô Lâm", "VN", (), (Role("Chủ tịch nước", dt.date(2024, 5, 22), dt.date(2024, 10, 21)),
                                                  Role("Tổng Bí thư", dt.date(2024, 8, 3)))),
    "luong-cuong": Leader("luong-cuong", "Lương Cường", "VN"),
    "pham-minh-chinh": Leader("pham-minh-chinh", "Phạm Minh Chính", "VN"),
    "tran-thanh-man": Leader("tran-thanh-man", "Trần Thanh Mẫn", "VN"),
    "ho-chi-minh": Leader("ho-chi-minh", "Hồ Chí Minh", "VN", (), (Role("Chủ tịch nước", dt.date(1945, 9, 2), dt.date(1969, 9, 2)),)),
    "vo-nguyen-giap": Leader("vo-nguyen-giap", "Võ Nguyên Giáp", "VN", ("Đại tướng Võ Nguyên Giáp",)),
    "thongloun-sisoulith": Leader("thongloun-sisoulith", "Thongloun Sisoulith", "LA", ("Thông-lun Xi-xu-lít",)),
    "sonexay-siphandone": Leader("sonexay-siphandone", "Sonexay Siphandone", "LA"),
    "bounthong-chitmany": Leader("bounthong-chitmany", "Bounthong Chitmany", "LA"),
    "kaysone-phomvihane": Leader("kaysone-phomvihane", "Kaysone Phomvihane", "LA", (),
                                 (Role("Chủ tịch nước", dt.date(1991, 8, 15), dt.date(1992, 11, 21)),)),
    "thongsavanh-phomvihane": Leader("thongsavanh-phomvihane", "Thongsavanh Phomvihane", "LA"),
}


def registry(**kinds) -> Registry:
    """The test registry, with any events or agreements given."""
    return Registry(leaders=dict(LEADERS), events=kinds.get("events", {}), agreements=kinds.get("agreements", {}))


def article(body: str, title: str = "Tin", date: dt.date = dt.date(2025, 12, 2), slug: str = "a", **kw) -> Article:
    """An imported article with this body."""
    return Article(slug=slug, title=title, date=date, body=body, **kw)
