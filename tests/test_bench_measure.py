"""The benchmark harness sets outputs aside instead of deleting them just before a build."""
from __future__ import annotations

from bench import measure


def test_set_aside_moves_a_tree_into_the_trash(tmp_path):
    out = tmp_path / "work" / "site"
    (out / "bai-viet" / "a").mkdir(parents=True)
    (out / "bai-viet" / "a" / "index.html").write_text("x")
    trash = tmp_path / "work" / "trash"
    measure.set_aside(out, trash)
    assert not out.exists()
    moved = list(trash.glob("*/site/bai-viet/a/index.html"))
    assert len(moved) == 1 and moved[0].read_text() == "x"
    out.mkdir()  # a second output of the same name is set aside beside the first
    measure.set_aside(out, trash)
    assert len(list(trash.glob("*/site"))) == 2
    measure.empty_trash(trash)
    assert not trash.exists()


def test_set_aside_files_links_and_nothing(tmp_path):
    trash = tmp_path / "trash"
    f = tmp_path / ".site.inputs.json"
    f.write_text("{}")
    link = tmp_path / "raw"
    link.symlink_to(tmp_path / "elsewhere")  # a dangling link is still removed
    measure.set_aside(f, trash)
    measure.set_aside(link, trash)
    measure.set_aside(tmp_path / "missing", trash)
    assert not f.exists() and not link.is_symlink()
    assert sorted(p.name for p in trash.glob("*/*")) == [".site.inputs.json", "raw"]


def test_without_a_trash_it_deletes(tmp_path):
    d = tmp_path / "public"
    (d / "x").mkdir(parents=True)
    f = tmp_path / "f"
    f.write_text("")
    measure.set_aside(d, None)
    measure.set_aside(f, None)
    assert not d.exists() and not f.exists()
