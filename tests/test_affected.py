"""Which pages an edit touches: the rules of generator.affected, one case a line."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from generator.affected import Dependencies, article_keys, changed_region, with_wildcards
from generator.model import Article
from generator.render.views import Reads

A = Article(slug="s", title="T", date=dt.date(2025, 1, 1), body="x", captions=("c",), leaders=("l",))


@pytest.mark.parametrize("change, keys", [
    (dict(body="y"), {"A:s"}),
    (dict(captions=("d",)), {"A:s"}),
    (dict(title="U"), {"A:s", "a:s"}),
    (dict(lead="L"), {"A:s", "a:s"}),
    (dict(leaders=("l", "m")), {"A:s", "links:s"}),
    (dict(date=dt.date(2025, 1, 2)), {"A:s", "a:s", "date:s"}),
    (dict(), set()),
])
def test_article_keys(change, keys):
    assert article_keys(A, replace(A, **change)) == keys


def test_an_article_that_comes_or_goes_changes_everything_about_it():
    every = {"A:s", "a:s", "links:s", "date:s"}
    assert article_keys(None, A) == every and article_keys(A, None) == every and article_keys(None, None) == set()


def test_wildcards():
    assert with_wildcards({"a:x", "leader:y", "#articles"}) == {"a:x", "a:*", "leader:y", "leader:*", "#articles"}


@pytest.mark.parametrize("old, new, region", [
    ("abcd", "abcd", None),
    ("abcd", "abxd", (2, 3)),
    ("abcd", "xbcd", (0, 1)),
    ("abcd", "abdc", (2, 4)),
    ("abcd", "xabcd", (0, 5)),   # grew at the front: every position after it shifts
    ("abcd", "abcdx", (4, 5)),   # grew at the end: only the new position
    ("abcd", "abd", (2, 4)),
    ("", "a", (0, 1)),
])
def test_changed_region(old, new, region):
    assert changed_region(tuple(old), tuple(new)) == region


def _deps(**pages) -> Dependencies:
    deps = Dependencies()
    for path, (keys, ranges, windows) in pages.items():
        deps.record(path, Reads(set(keys), set(ranges), set(windows)))
    return deps


def test_pages_are_touched_by_keys_wildcards_ranges_windows_and_lengths():
    deps = _deps(
        own=({"A:s"}, (), ()),
        card=({"a:s"}, (), ()),
        api=({"a:*"}, [("articles", 0, None)], ()),
        page1=((), [("articles", 0, 2)], ()),
        page2=((), [("articles", 2, 4)], ()),
        near_a=((), (), [("articles", "a", 1)]),
        near_b=((), (), [("articles", "b", 1)]),
        near_d=((), (), [("articles", "d", 1)]),
        counted=({"#articles"}, (), ()),
    )
    assert deps.affected({"A:s"}, {}) == {"own"}
    assert deps.affected({"a:s"}, {}) == {"card", "api"}
    # d and e swap places: positions 3 and 4 change; b's neighbours are the same, d's are not.
    lists = {"articles": (tuple("abcde"), tuple("abced"))}
    assert deps.affected(set(), lists) == {"api", "page2", "near_d"}
    # A new article at the front: every position shifts, but only a's neighbours changed (windows
    # follow their item), and the length changed.
    lists = {"articles": (tuple("abcde"), tuple("xabcde"))}
    assert deps.affected(set(), lists) == {"api", "page1", "page2", "near_a", "counted"}


def test_a_page_recorded_again_forgets_what_it_read_before():
    deps = _deps(p=({"a:x"}, [("leader:l", 0, 5)], ()))
    deps.record("p", Reads({"a:y"}, set(), set()))
    assert deps.affected({"a:x"}, {"leader:l": (("x",), ("y",))}) == set()
    assert deps.affected({"a:y"}, {}) == {"p"}
    deps.forget("p")
    assert deps.affected({"a:y"}, {}) == set()


def test_changed_lists_between_two_sites(tmp_path):
    from generator import content, linker
    from generator.config import SiteConfig
    from generator.render import lists
    from generator.render.views import Site
    from tests.sitekit import scenario, write_tree
    loaded = content.load(write_tree(tmp_path / "content", scenario()))
    old = Site(linker.link(loaded.articles, loaded.registry)[0], SiteConfig())
    moved = [a if a.slug != "2024-09-10-dien-dan" else replace(a, date=dt.date(2026, 1, 1), leaders=("to-lam",))
             for a in loaded.articles]
    new = Site(linker.link(tuple(moved), loaded.registry)[0], SiteConfig())
    got = lists.changed(old, new)
    assert got["articles"][1][0] == "2024-09-10-dien-dan"
    assert set(got) == {"articles", "years", "year:2024", "year:2026", "leader:to-lam"}
    assert lists.changed(old, old) == {}
