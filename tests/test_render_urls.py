"""URLs: one helper, every link under the base path, files and links agree."""
import pytest

from generator.config import SiteConfig
from generator.render import urls as U


@pytest.mark.parametrize("base_url, link, absolute", [
    ("/", "/bai-viet/x/", "/bai-viet/x/"),
    ("https://user.github.io/repo/", "/repo/bai-viet/x/", "https://user.github.io/repo/bai-viet/x/"),
    ("https://user.github.io/repo", "/repo/bai-viet/x/", "https://user.github.io/repo/bai-viet/x/"),
    ("https://example.org/", "/bai-viet/x/", "https://example.org/bai-viet/x/"),
    ("/a/b/", "/a/b/bai-viet/x/", "/a/b/bai-viet/x/"),
])
def test_links_start_with_the_base_path(base_url, link, absolute):
    cfg = SiteConfig(base_url=base_url)
    urls = U.Urls(cfg.base_path, cfg.origin)
    assert urls(U.article("x")) == link
    assert urls.absolute(U.article("x")) == absolute


@pytest.mark.parametrize("rel, file", [
    ("", "index.html"), ("bai-viet/x/", "bai-viet/x/index.html"), ("feed.xml", "feed.xml"),
    (U.paged(U.LEADERS, 1), "lanh-dao/index.html"), (U.paged(U.LEADERS, 3), "lanh-dao/trang/3/index.html"),
])
def test_file_of_a_rel_path(rel, file):
    assert U.file_of(rel) == file


@pytest.mark.parametrize("segment, ok", [
    ("2025-12-01-hoi-dam", True), ("to-lam", True), ("..", False), (".hidden", False), ("a/b", False),
    ("tô-lâm", False), ("a" * 200, False), ("", False), ("con", False), ("Nul", False), ("console", True),
])
def test_safe_segment(segment, ok):
    assert U.safe_segment(segment) is ok
