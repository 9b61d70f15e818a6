"""Helpers for site tests: write a content tree from {path: text}, a small scenario, a synthetic archive."""
from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from generator.build import build
from generator.config import SiteConfig


def write_tree(root: Path, files: dict[str, str]) -> Path:
    """Write each {relative path: text} under root; return root."""
    for rel, text in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    return root


def article(title: str, date: str, body: str, **fm) -> str:
    """An article file's text with front matter (lists written inline)."""
    lines = ["---", f"title: {title!r}" if "'" not in title else f'title: "{title}"', f"date: {date}"]
    for key, value in fm.items():
        if isinstance(value, (list, tuple)):
            lines.append(f"{key}: [{', '.join(value)}]")
        else:
            lines.append(f"{key}: {value}")
    return "\n".join(lines) + "\n---\n\n" + body.strip() + "\n"


LEADERS = """\
to-lam:
  name: Tô Lâm
  country: VN
  roles:
    - title: Tổng Bí thư
      from: 2024-08-03
thongloun-sisoulith:
  name: Thongloun Sisoulith
  country: LA
  aliases: [Thong-lun Xi-xu-lít]
  roles:
    - title: Chủ tịch nước Lào
      from: 2021-03-22
"""
EVENTS = """\
tham-lao-2025:
  title: Chuyến thăm cấp Nhà nước Lào của Tổng Bí thư Tô Lâm
  kind: state-visit
  start: 2025-12-01
  end: 2025-12-02
  place: Viêng Chăn
  host: LA
  participants: [to-lam, thongloun-sisoulith]
"""
AGREEMENTS = """\
ke-hoach-hop-tac-2026:
  title: Kế hoạch hợp tác năm 2026 giữa hai Chính phủ
  kind: plan
  parties: [VN, LA]
  period: "2026"
  event: tham-lao-2025
  date: 2025-12-01
  witnesses: [to-lam, thongloun-sisoulith]
"""


def scenario() -> dict[str, str]:
    """Three articles, two leaders, an event and an agreement, cross-referenced."""
    return {
        "data/leaders.yaml": LEADERS,
        "data/events.yaml": EVENTS,
        "data/agreements.yaml": AGREEMENTS,
        "articles/2025-12-01-hoi-dam.md": article(
            "Tổng Bí thư Tô Lâm hội đàm với Tổng Bí thư, Chủ tịch nước Lào", "2025-12-01",
            "## Hội đàm tại Viêng Chăn\n\nTrưa 1/12, Tổng Bí thư Tô Lâm hội đàm với Thongloun Sisoulith.\n\n"
            "Tổng Bí thư Tô Lâm và Chủ tịch nước Lào. (Ảnh: TTXVN)\n\nHai bên nhất trí tăng cường hợp tác; "
            "TÔ LÂM nhấn mạnh quan hệ đặc biệt.",
            source="Nhân Dân", source_url="https://nhandan.vn/x.html", author="Thống Nhất",
            lead="'Hai nhà lãnh đạo hội đàm.'", captions=["'Tổng Bí thư Tô Lâm và Chủ tịch nước Lào. (Ảnh: TTXVN)'"],
            leaders=["to-lam", "thongloun-sisoulith"], events=["tham-lao-2025"], agreements=["ke-hoach-hop-tac-2026"]),
        "articles/2025-12-02-trao-van-kien.md": article(
            "Trao các văn kiện hợp tác Việt Nam-Lào", "2025-12-02",
            "Hai nhà lãnh đạo chứng kiến lễ trao văn kiện.",
            source="VietnamPlus", leaders=["to-lam"], events=["tham-lao-2025"], agreements=["ke-hoach-hop-tac-2026"],
            review=["{field: date, reason: năm suy ra từ ngữ cảnh}"]),
        "articles/2024-09-10-dien-dan.md": article(
            "Diễn đàn hợp tác Việt – Lào", "2024-09-10", "Một diễn đàn về hợp tác kinh tế.",
            source="Tuổi Trẻ"),
    }


def build_scenario(tmp: Path, files: dict[str, str] | None = None, base_url: str = "/", **cfg):
    """Write files (default: scenario()) under tmp/content, build into tmp/site; return (result, site dir)."""
    content = write_tree(tmp / "content", scenario() if files is None else files)
    site = tmp / "site"
    return build(content, site, SiteConfig(base_url=base_url, **cfg)), site


_WORDS = ("hợp tác", "Việt Nam", "Lào", "quan hệ", "đặc biệt", "phát triển", "kinh tế", "giáo dục", "đầu tư",
          "hữu nghị", "truyền thống", "thủ đô", "Viêng Chăn", "Hà Nội", "nhân dân", "chiến lược", "toàn diện",
          "đoàn kết", "năm", "tỉnh", "biên giới", "thương mại", "văn hóa", "thanh niên", "Quốc hội")


def synthetic(root: Path, n: int, leaders: int = 60, events: int = 80, agreements: int = 120, words: int = 600) -> Path:
    """A deterministic content tree of n articles (about `words` words each) with matching registries."""
    rnd = random.Random(n)
    lead_ids = [f"lanh-dao-{i:03d}" for i in range(leaders)]
    ev_ids = [f"su-kien-{i:03d}" for i in range(events)]
    ag_ids = [f"van-kien-{i:03d}" for i in range(agreements)]
    start = dt.date(2016, 1, 1)
    files = {
        "data/leaders.yaml": "".join(f"{i}:\n  name: Lãnh Đạo Số {k}\n  country: {'VN' if k % 2 else 'LA'}\n"
                                     f"  roles:\n    - title: Bộ trưởng\n      from: 2016-01-{1 + k % 28:02d}\n"
                                     for k, i in enumerate(lead_ids)),
        "data/events.yaml": "".join(f"{e}:\n  title: Sự kiện hợp tác số {k}\n  kind: talks\n"
                                    f"  start: {start + dt.timedelta(days=k * 30)}\n  place: Hà Nội\n"
                                    f"  participants: [{lead_ids[k % leaders]}, {lead_ids[(k + 1) % leaders]}]\n"
                                    for k, e in enumerate(ev_ids)),
        "data/agreements.yaml": "".join(f"{g}:\n  title: Biên bản ghi nhớ số {k}\n  kind: memorandum\n"
                                        f"  parties: [VN, LA]\n  event: {ev_ids[k % events]}\n"
                                        f"  date: {start + dt.timedelta(days=(k % events) * 30)}\n"
                                        f"  witnesses: [{lead_ids[k % leaders]}]\n" for k, g in enumerate(ag_ids)),
    }
    for k in range(n):
        day = start + dt.timedelta(days=rnd.randrange(3650))
        paras = ["\n".join([" ".join(rnd.choice(_WORDS) for _ in range(60)).capitalize() + "."])
                 for _ in range(max(1, words // 60))]
        ls = rnd.sample(lead_ids, rnd.randint(1, 5))
        body = f"Lãnh Đạo Số {lead_ids.index(ls[0])} phát biểu.\n\n" + "\n\n".join(paras)
        files[f"articles/{day}-bai-{k:05d}.md"] = article(
            f"Bài viết tổng hợp số {k} về hợp tác", str(day), body, source="Nhân Dân", leaders=ls,
            events=rnd.sample(ev_ids, rnd.randint(0, 2)), agreements=rnd.sample(ag_ids, rnd.randint(0, 6)))
    return write_tree(root, files)
