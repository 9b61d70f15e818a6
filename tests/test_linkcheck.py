"""The link checker, over built sites at a root and a sub-path base URL, and over broken ones."""
import pytest

from generator.linkcheck import check_site
from tests.sitekit import build_scenario


@pytest.mark.parametrize("base_url, base_path, origin", [
    ("/", "/", ""),
    ("https://example.org/", "/", "https://example.org"),
    ("https://user.github.io/repo/", "/repo/", "https://user.github.io"),
])
def test_a_built_site_has_no_broken_or_stray_links(tmp_path, base_url, base_path, origin):
    result, site = build_scenario(tmp_path, base_url=base_url, per_page=2)
    assert not result.diagnostics
    assert [str(d) for d in check_site(site, base_path, origin)] == []


def test_the_synthetic_archive_links_cleanly(tmp_path):
    from generator.build import build
    from generator.config import SiteConfig
    from tests.sitekit import synthetic
    content = synthetic(tmp_path / "content", 120, leaders=8, events=6, agreements=9, words=60)
    result = build(content, tmp_path / "site", SiteConfig(base_url="/sub/", per_page=10))
    assert not result.errors
    assert [str(d) for d in check_site(tmp_path / "site", "/sub/")] == []


def _page(site, rel, body):
    p = site / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(f'<!DOCTYPE html><html><body>\n{body}\n</body></html>\n', encoding="utf-8")


def test_broken_links_stray_links_and_unreachable_pages_are_reported(tmp_path):
    site = tmp_path / "site"
    _page(site, "index.html", '<a href="/r/a/">a</a>\n<a href="/r/missing/">m</a>\n<a href="/other/">o</a>\n'
          '<a href="/r/a">no slash</a>\n<a href="/r/a/#nope">frag</a>\n<a href="javascript:x()">j</a>\n'
          '<a href="https://elsewhere.vn/">outside</a>')
    _page(site, "a/index.html", '<p id="here">x</p><a href="../">up</a><a href="#here">ok</a>')
    _page(site, "orphan/index.html", "lonely")
    _page(site, "404.html", '<a href="/r/">home</a>')
    msgs = [str(d) for d in check_site(site, "/r/")]
    assert len(msgs) == 6, msgs
    assert any("index.html:3" in m and "broken link '/r/missing/'" in m for m in msgs)
    assert any("leaves the base path" in m and "'/other/'" in m for m in msgs)
    assert any("without a trailing '/'" in m for m in msgs)
    assert any("no id 'nope'" in m for m in msgs)
    assert any("unsafe link" in m for m in msgs)
    assert any("orphan/index.html" in m and "not reachable" in m for m in msgs)
