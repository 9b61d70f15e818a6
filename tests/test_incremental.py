"""The same content built cold, incrementally after edits, and in parallel gives identical trees."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from generator import changes
from generator import config as config_mod
from generator.build import build
from generator.incremental import Session
from tests.sitekit import synthetic

TEMPLATES = Path(os.environ.get("TEST_TEMPLATES", Path(__file__).parent.parent / "templates"))


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def edit(content: Path, rel: str, fn) -> str:
    path = content / rel
    path.write_text(fn(path.read_text(encoding="utf-8")), encoding="utf-8")
    return f"content/{rel}"


def update(session: Session, *paths: str) -> None:
    result = session.update(changes.classify(list(paths)))
    assert not result.errors, [str(d) for d in result.errors]
    session.finish_slow()


@pytest.fixture
def content(tmp_path):
    return synthetic(tmp_path / "content", 60, leaders=12, events=10, agreements=15, words=80)


def test_cold_incremental_and_parallel_builds_are_identical(tmp_path, content):
    session = Session(content, tmp_path / "inc", TEMPLATES)
    assert not session.full().errors
    articles = sorted((content / "articles").glob("*.md"))
    first, second, third = (f"articles/{p.name}" for p in articles[:3])

    # A body edit (patched without relinking), a title edit, a date edit that moves an article.
    update(session, edit(content, first, lambda t: t + "\nMột đoạn mới thêm vào cuối bài.\n"))
    update(session, edit(content, second, lambda t: re.sub(r"(?m)^title: .*$", "title: Tiêu đề mới hoàn toàn", t, 1)))
    update(session, edit(content, third, lambda t: re.sub(r"(?m)^date: .*$", "date: 2026-06-30", t, 1)))
    # A new article, a deleted one, a leader renamed and a new leader in the registry.
    (content / "articles" / "2026-07-01-bai-moi.md").write_text(
        "---\ntitle: Bài mới\ndate: 2026-07-01\nleaders: [lanh-dao-001]\n---\n\nNội dung.\n", encoding="utf-8")
    update(session, "content/articles/2026-07-01-bai-moi.md")
    gone = articles[5]
    gone.unlink()
    update(session, f"content/articles/{gone.name}")
    update(session, edit(content, "data/leaders.yaml",
                         lambda t: t.replace("Lãnh Đạo Số 1\n", "Lãnh Đạo Số Một\n")
                         + "lanh-dao-moi:\n  name: Người Mới\n  country: LA\n"))
    # An event gains a participant; an agreement moves to another event and changes witness.
    update(session, edit(content, "data/events.yaml",
                         lambda t: t.replace("participants: [lanh-dao-000, lanh-dao-001]",
                                             "participants: [lanh-dao-000, lanh-dao-001, lanh-dao-005]", 1)))
    update(session, edit(content, "data/agreements.yaml",
                         lambda t: t.replace("event: su-kien-000\n  date: 2016-01-01\n  witnesses: [lanh-dao-000]",
                                             "event: su-kien-003\n  date: 2016-01-01\n  witnesses: [lanh-dao-007]", 1)))
    # Four quick saves of one article, applied as one burst and one by one.
    for n in range(4):
        update(session, edit(content, first, lambda t, n=n: re.sub(r"(?m)^title: .*$", f"title: Lần {n}", t, 1)))

    cfg, _ = config_mod.load(content)
    assert not build(content, tmp_path / "cold", cfg, TEMPLATES, jobs=1).errors
    assert not build(content, tmp_path / "par", cfg, TEMPLATES, jobs=2).errors
    cold, inc, par = tree(tmp_path / "cold"), tree(tmp_path / "inc"), tree(tmp_path / "par")
    assert cold == par
    assert sorted(cold) == sorted(inc), set(cold) ^ set(inc)
    different = [p for p in cold if cold[p] != inc[p]]
    assert not different, different[:10]


def test_a_body_edit_rewrites_only_the_article_page(tmp_path, content):
    session = Session(content, tmp_path / "inc", TEMPLATES)
    session.full()
    rel = f"articles/{sorted((content / 'articles').glob('*.md'))[10].name}"
    before = {p: os.stat(p).st_mtime_ns for p in (tmp_path / "inc").rglob("*.html")}
    result = session.update(changes.classify([edit(content, rel, lambda t: t + "\nThêm một câu.\n")]))
    # Re-rendered: the pages that name this article (neighbours, its entities, feeds), a few dozen
    # whatever the archive's size; rewritten: only the one whose bytes changed.
    assert result.files < 40 and result.stats.written == 1
    after = {p: os.stat(p).st_mtime_ns for p in (tmp_path / "inc").rglob("*.html")}
    assert sum(before[p] != after[p] for p in before) == 1


def test_broken_edit_keeps_the_last_good_site(tmp_path, content):
    session = Session(content, tmp_path / "inc", TEMPLATES)
    session.full()
    snapshot = tree(tmp_path / "inc")
    rel = f"articles/{sorted((content / 'articles').glob('*.md'))[0].name}"
    result = session.update(changes.classify([edit(content, rel, lambda t: t.replace("title:", "title: [", 1))]))
    assert result.errors and rel.split("/")[1] in str(result.errors[0])
    assert tree(tmp_path / "inc") == snapshot


def test_noop_build_is_skipped_and_any_change_rebuilds(tmp_path, content, capsys):
    from generator.cli import main
    out = tmp_path / "site"
    args = ["build", "--content", str(content), "--out", str(out), "--templates", str(TEMPLATES)]
    assert main(args) == 0
    assert main(args) == 0
    assert "nothing changed" in capsys.readouterr().err
    rel = f"articles/{sorted((content / 'articles').glob('*.md'))[0].name}"
    edit(content, rel, lambda t: t + "\nThêm.\n")
    assert main(args) == 0
    err = capsys.readouterr().err
    assert "nothing changed" not in err and "(0 written" not in err
    assert main(args + ["--base-url", "/repo/"]) == 0  # other settings: a real build
    assert "nothing changed" not in capsys.readouterr().err
    assert main(args + ["--base-url", "/repo/", "--force"]) == 0
    assert "nothing changed" not in capsys.readouterr().err


def test_the_search_lane_yields_to_a_newer_edit(tmp_path, content):
    session = Session(content, tmp_path / "inc", TEMPLATES)
    session.full()
    rel = f"articles/{sorted((content / 'articles').glob('*.md'))[0].name}"
    # A new date renumbers the documents: the index is built again, which a newer edit abandons.
    session.update(changes.classify([edit(content, rel, lambda t: re.sub(r"(?m)^date: .*$", "date: 2026-06-30", t, 1))]))
    pending = list(session.pending_slow)
    assert pending and session.finish_slow(lambda: True) is None  # abandoned: a newer change came in
    assert session.pending_slow == pending                          # still to do
    assert session.finish_slow(lambda: False).written >= 1           # done by the next chance
    assert session.pending_slow == []


def test_a_body_edit_updates_a_few_files_of_the_search_index(tmp_path, content):
    session = Session(content, tmp_path / "inc", TEMPLATES)
    session.full()
    rel = f"articles/{sorted((content / 'articles').glob('*.md'))[3].name}"
    session.update(changes.classify([edit(content, rel, lambda t: t + "\nMột câu về Viêng Chăn và Luang Prabang.\n")]))
    stats = session.finish_slow(lambda: True)  # an update is quick: nothing to abandon
    assert stats is not None and 1 <= stats.written <= 12 and stats.kept == 0
    cfg, _ = config_mod.load(content)
    build(content, tmp_path / "cold", cfg, TEMPLATES, jobs=1)
    cold, inc = tree(tmp_path / "cold"), tree(tmp_path / "inc")
    assert {p: b for p, b in cold.items() if p.startswith("search/")} == {p: b for p, b in inc.items() if p.startswith("search/")}


def test_a_broken_registry_file_is_reported_until_fixed_whatever_else_is_edited(tmp_path, content):
    session = Session(content, tmp_path / "inc", TEMPLATES)
    session.full()
    snapshot = tree(tmp_path / "inc")
    events = content / "data" / "events.yaml"
    good = events.read_text(encoding="utf-8")
    events.write_text(good + "broken: [\n", encoding="utf-8")
    assert session.update(changes.classify(["content/data/events.yaml"])).errors
    # Only leaders.yaml changed now, but events.yaml is still broken: still an error, site kept.
    rel = edit(content, "data/leaders.yaml", lambda t: t + "moi:\n  name: Người Mới\n  country: LA\n")
    result = session.update(changes.classify([rel]))
    assert any("events.yaml" in str(d) for d in result.errors)
    assert tree(tmp_path / "inc") == snapshot
    events.write_text(good, encoding="utf-8")
    assert not session.update(changes.classify(["content/data/events.yaml"])).errors
    assert (tmp_path / "inc" / "lanh-dao" / "moi" / "index.html").is_file()


def test_a_broken_article_is_reported_until_fixed_whatever_else_is_edited(tmp_path, content):
    session = Session(content, tmp_path / "inc", TEMPLATES)
    session.full()
    first, second = (f"articles/{p.name}" for p in sorted((content / "articles").glob("*.md"))[:2])
    good = (content / first).read_text(encoding="utf-8")
    assert session.update(changes.classify([edit(content, first, lambda t: t.replace("title:", "title: [", 1))])).errors
    result = session.update(changes.classify([edit(content, second, lambda t: t + "\nThêm.\n")]))
    assert any(first.split("/")[1] in str(d) for d in result.errors)
    (content / first).write_text(good.replace("title: ", "title: Đã sửa ", 1), encoding="utf-8")
    assert not session.update(changes.classify([f"content/{first}"])).errors
    slug = first.split("/")[1][:-3]
    assert "Đã sửa" in (tmp_path / "inc" / "bai-viet" / slug / "index.html").read_text(encoding="utf-8")
    assert "Thêm." in (tmp_path / "inc" / "bai-viet" / second.split("/")[1][:-3] / "index.html").read_text(encoding="utf-8")


def test_open_data_remakes_only_the_lines_an_edit_changes(tmp_path, content, monkeypatch):
    """articles.json and leaders.json are one line per item: the first edit after the server's
    (parallel) first build, and a registry edit that parses every leader anew, make only the
    changed lines again; the files are still those of a cold build."""
    import json

    from generator import build as build_mod
    from generator.render import api

    made = []

    class Counting:
        @staticmethod
        def dumps(data, **kw):
            made.append(data.get("id"))
            return json.dumps(data, **kw)

    monkeypatch.setattr(build_mod, "PARALLEL_MIN", 0)  # this small site made as a large one is
    session = Session(content, tmp_path / "inc", TEMPLATES, jobs=2)
    session.full()
    monkeypatch.setattr(api, "json", Counting)
    first = sorted((content / "articles").glob("*.md"))[5]
    update(session, edit(content, f"articles/{first.name}",
                         lambda t: re.sub(r"(?m)^title: .*$", "title: Một tiêu đề mới", t, count=1)))
    assert made == [first.stem]
    made.clear()
    update(session, edit(content, "data/leaders.yaml",
                         lambda t: t + "\nlanh-dao-moi:\n  name: Lãnh Đạo Mới\n  country: LA\n"))
    assert made == ["lanh-dao-moi"]
    cfg, _ = config_mod.load(content)
    build(content, tmp_path / "cold", cfg, TEMPLATES, jobs=1)
    cold, inc = tree(tmp_path / "cold"), tree(tmp_path / "inc")
    assert {p: b for p, b in cold.items() if p.startswith("api/")} == {p: b for p, b in inc.items() if p.startswith("api/")}
