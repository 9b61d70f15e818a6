"""Which path triggers which rebuild: one case a line (the dev server's table)."""
import pytest

from generator import changes as C


@pytest.mark.parametrize("path, kind", [
    ("content/raw/005_abc.txt", C.RAW),
    ("content/raw/page.html", C.RAW),
    ("content/articles/2025-12-01-to-lam.md", C.ARTICLE),
    ("content/articles/notes.txt", None),
    ("content/articles/.2025-12-01-x.md.swp", None),      # an editor's swap file
    ("content/articles/2025-12-01-x.md~", None),          # a backup
    ("content/articles/.a.md.abc123.tmp", None),          # our own write-then-rename
    ("content/articles/4913", None),                       # vim's probe
    ("content/data/leaders.yaml", C.REGISTRY),
    ("content/data/events.yaml", C.REGISTRY),
    ("content/data/agreements.yaml", C.REGISTRY),
    ("content/data/outlets.yaml", C.IMPORTER),
    ("content/data/calendar.yaml", C.IMPORTER),
    ("content/data/other.yaml", None),
    ("content/site.yaml", C.CONFIG),
    ("content/.import-state.json", None),
    ("templates/base.html", C.TEMPLATE),
    ("templates/feed.xml", C.TEMPLATE),
    ("templates/static/style.css", C.STYLE),
    ("templates/.base.html.swp", None),
    ("site/index.html", None),                             # our own output
    ("README.md", None),
])
def test_change_kind(path, kind):
    assert C.change_kind(path) == kind


def test_classify_groups_and_needs_build():
    kinds = C.classify(["content/data/outlets.yaml", "templates/static/style.css", "content/x"])
    assert kinds == {C.IMPORTER: ["content/data/outlets.yaml"], C.STYLE: ["templates/static/style.css"]}
    assert C.needs_build(kinds)
    assert not C.needs_build({C.IMPORTER: ["content/data/calendar.yaml"]})


def test_snapshot_diff(tmp_path):
    (tmp_path / "a.md").write_text("1")
    old = C.snapshot({"content": tmp_path})
    (tmp_path / "a.md").write_text("22")
    (tmp_path / "b.md").write_text("3")
    assert C.diff(old, C.snapshot({"content": tmp_path})) == ["content/a.md", "content/b.md"]
