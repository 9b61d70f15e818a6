"""`check`: findings grouped per article file, exit status by --strict and by errors."""
from __future__ import annotations

import argparse
from pathlib import Path

from generator.check import check_command
from tests.sitekit import write_tree

LEADERS = """\
to-lam:
  name: Tô Lâm
  country: VN
le-quang-tung:
  name: Lê Quang Tùng
  country: VN
  review:
  - {field: name, reason: unknown official}
"""
EVENTS = """\
2025-12-01-tham-cap-nha-nuoc-to-lam:
  title: Chuyến thăm cấp Nhà nước tới Lào của Tô Lâm
  kind: tham-cap-nha-nuoc
  start: 2025-12-01
  participants: [to-lam]
"""


def _article(title, date, leaders="[]", events="[]", raw="x.txt", review="[]"):
    return (f"---\ntitle: {title}\ndate: {date}\nleaders: {leaders}\nevents: {events}\nraw: {raw}\n"
            f"review: {review}\n---\nThân bài.\n")



def run(root: Path, capsys, strict=False, site=None):
    code = check_command(argparse.Namespace(content=root, strict=strict, site=site))
    return code, capsys.readouterr().out


def test_clean_archive_lists_nothing_and_passes_strict(tmp_path, capsys):
    root = write_tree(tmp_path, {
        "data/leaders.yaml": LEADERS.split("le-quang-tung")[0], "data/events.yaml": EVENTS,
        "articles/2025-12-01-a.md": _article("Tô Lâm thăm Lào", "2025-12-01", "[to-lam]",
                                             "[2025-12-01-tham-cap-nha-nuoc-to-lam]", "a.txt"),
    })
    code, out = run(root, capsys, strict=True)
    assert code == 0 and "0 item(s)" in out


def test_findings_grouped_per_file_sorted(tmp_path, capsys):
    root = write_tree(tmp_path, {
        "data/leaders.yaml": LEADERS, "data/events.yaml": EVENTS,
        "articles/2025-12-01-b.md": _article("Bí thư Lê Quang Tùng tặng quà", "2025-12-01", "[le-quang-tung]",
                                             review="[{field: date, reason: year inferred from 2025}]", raw="b.txt"),
        "articles/2025-12-01-a.md": _article("Tô Lâm hội đàm", "2025-12-01", "[to-lam]",
                                             "[2025-12-01-tham-cap-nha-nuoc-to-lam]", "a.txt"),
        "articles/2025-12-01-c.md": _article("Tô Lâm hội đàm.", "2025-12-01", "[to-lam]",
                                             "[no-such-event]", "c.txt"),
    })
    code, out = run(root, capsys)
    lines = out.splitlines()
    files = [line for line in lines if not line.startswith(" ") and not line.startswith("check:")]
    assert files == sorted(files) and len(files) == 3
    assert "inferred date: year inferred from 2025" in out
    assert "unknown name: Lê Quang Tùng (le-quang-tung)" in out
    assert "no event" in out
    assert "unknown id 'no-such-event'" in out
    assert "likely duplicate of 2025-12-01-c" in out      # same day, titles alike
    assert code == 1                                       # the unknown id is an error even without --strict


def test_strict_fails_on_review_marks_only(tmp_path, capsys):
    root = write_tree(tmp_path, {
        "data/leaders.yaml": LEADERS, "data/events.yaml": EVENTS,
        "articles/2025-12-01-b.md": _article("Lê Quang Tùng", "2025-12-01", "[le-quang-tung]",
                                             "[2025-12-01-tham-cap-nha-nuoc-to-lam]"),
    })
    assert run(root, capsys)[0] == 0
    assert run(root, capsys, strict=True)[0] == 1


def test_same_raw_file_twice_is_a_duplicate_and_load_errors_fail(tmp_path, capsys):
    root = write_tree(tmp_path, {
        "data/leaders.yaml": LEADERS,
        "articles/2025-12-01-a.md": _article("Một", "2025-12-01", raw="same.txt"),
        "articles/2025-12-02-b.md": _article("Hai khác hẳn", "2025-12-02", raw="same.txt"),
        "articles/2025-12-03-broken.md": "no front matter\n",
    })
    code, out = run(root, capsys)
    assert "imported from the same raw file same.txt" in out
    assert "2025-12-03-broken.md" in out and "error:" in out
    assert code == 1


def test_site_option_reports_a_missing_site(tmp_path, capsys):
    root = write_tree(tmp_path, {"data/leaders.yaml": LEADERS.split("le-quang-tung")[0]})
    code, out = run(root, capsys, site=tmp_path / "nosite")
    assert code == 1 and ("no built site here" in out or "not available" in out)
