"""Building a small scenario: pages, cross-links, attribution, base path, determinism, bad input."""
import json
import re
import xml.etree.ElementTree as ET

import pytest

from generator.cli import main
from tests.sitekit import article, build_scenario, scenario


def read(site, rel):
    return (site / rel).read_text(encoding="utf-8")


def test_scenario_builds_every_page_without_diagnostics(tmp_path):
    result, site = build_scenario(tmp_path)
    assert result.diagnostics == []
    for rel in ["index.html", "404.html", "search/index.html", "bai-viet/index.html",
                "bai-viet/2025-12-01-hoi-dam/index.html", "lanh-dao/index.html", "lanh-dao/to-lam/index.html",
                "lanh-dao/to-lam/feed.xml", "su-kien/index.html", "su-kien/tham-lao-2025/index.html",
                "su-kien/tham-lao-2025/feed.xml", "van-kien/index.html", "van-kien/ke-hoach-hop-tac-2026/index.html",
                "dong-thoi-gian/index.html", "dong-thoi-gian/2025/index.html", "dong-thoi-gian/2024/index.html",
                "feed.xml", "sitemap.xml", "robots.txt", "static/style.css", "api/articles.json",
                "api/leaders.json", "api/events.json", "api/agreements.json"]:
        assert (site / rel).is_file(), rel
    assert result.files == sum(1 for p in site.rglob("*") if p.is_file())


def test_article_page_shows_attribution_sidebar_and_neighbours(tmp_path):
    _, site = build_scenario(tmp_path)
    page = read(site, "bai-viet/2025-12-01-hoi-dam/index.html")
    assert '<html lang="vi">' in page and "</head>" in page
    assert '<a href="https://nhandan.vn/x.html" rel="nofollow noopener">Nhân Dân</a>' in page
    assert "Thống Nhất" in page and "Hai nhà lãnh đạo hội đàm." in page
    for href in ["/lanh-dao/to-lam/", "/lanh-dao/thongloun-sisoulith/", "/su-kien/tham-lao-2025/",
                 "/van-kien/ke-hoach-hop-tac-2026/", "/bai-viet/2024-09-10-dien-dan/", "/bai-viet/2025-12-02-trao-van-kien/"]:
        assert f'href="{href}"' in page, href
    assert '<a class="mention" href="/lanh-dao/to-lam/">Tô Lâm</a>' in page
    assert "<figcaption>Tổng Bí thư Tô Lâm và Chủ tịch nước Lào. (Ảnh: TTXVN)</figcaption>" in page
    assert '<form class="search-form" role="search" action="/search/" method="get">' in page
    assert 'name="q"' in page
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page).group(1))
    assert ld["@type"] == "NewsArticle" and ld["datePublished"] == "2025-12-01"


def test_entity_pages_link_back(tmp_path):
    _, site = build_scenario(tmp_path)
    leader = read(site, "lanh-dao/to-lam/index.html")
    assert "/su-kien/tham-lao-2025/" in leader and "/van-kien/ke-hoach-hop-tac-2026/" in leader
    assert "/bai-viet/2025-12-02-trao-van-kien/" in leader and 'href="/lanh-dao/to-lam/feed.xml"' in leader
    assert '"@type":"Person"' in leader
    event = read(site, "su-kien/tham-lao-2025/index.html")
    assert "Viêng Chăn" in event and "/lanh-dao/thongloun-sisoulith/" in event and '"@type":"Event"' in event
    agreement = read(site, "van-kien/ke-hoach-hop-tac-2026/index.html")
    assert "/su-kien/tham-lao-2025/" in agreement and "Lào" in agreement
    leaders = read(site, "lanh-dao/index.html")
    assert leaders.index("Việt Nam") < leaders.index("Tô Lâm") < leaders.index("<h2>Lào</h2>") < leaders.index("Thongloun")


def test_review_marks_show_where_a_fact_is_uncertain(tmp_path):
    _, site = build_scenario(tmp_path)
    assert "cần biên tập viên kiểm tra" in read(site, "bai-viet/2025-12-02-trao-van-kien/index.html")
    assert "cần biên tập viên kiểm tra" not in read(site, "bai-viet/2025-12-01-hoi-dam/index.html")


def test_sub_path_base_url_prefixes_every_internal_link(tmp_path):
    _, site = build_scenario(tmp_path, base_url="https://user.github.io/repo/")
    for p in site.rglob("*.html"):
        for href in re.findall(r'(?:href|src|action)="([^"]*)"', p.read_text(encoding="utf-8")):
            assert href.startswith(("/repo/", "https://", "#")), (p, href)
    assert "Sitemap: https://user.github.io/repo/sitemap.xml" in read(site, "robots.txt")
    assert "<loc>https://user.github.io/repo/sitemaps/bai-viet-2025.xml</loc>" in read(site, "sitemap.xml")
    assert "<loc>https://user.github.io/repo/bai-viet/2025-12-01-hoi-dam/</loc>" in read(site, "sitemaps/bai-viet-2025.xml")


def test_the_sitemaps_list_every_page_once(tmp_path):
    _, site = build_scenario(tmp_path)
    index = read(site, "sitemap.xml")
    maps = re.findall(r"<loc>/(sitemaps/[^<]+)</loc>", index)
    assert maps and all((site / m).is_file() for m in maps)
    listed = [loc for m in maps for loc in re.findall(r"<loc>([^<]+)</loc>", read(site, m))]
    pages = sorted("/" + str(p.relative_to(site).parent) + "/" for p in site.rglob("index.html")
                   if not str(p.relative_to(site)).startswith("search/"))
    assert sorted(u.replace("//", "/") for u in listed) == sorted(p.replace("/./", "/") for p in pages)


def test_robots_names_no_sitemap_without_an_absolute_base(tmp_path):
    _, site = build_scenario(tmp_path)
    assert "Sitemap" not in read(site, "robots.txt")


def test_two_builds_are_byte_identical(tmp_path):
    _, a = build_scenario(tmp_path / "a")
    _, b = build_scenario(tmp_path / "b")
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    for rel in files:
        assert (a / rel).read_bytes() == (b / rel).read_bytes(), rel


def test_feeds_are_atom_with_the_newest_article_date(tmp_path):
    _, site = build_scenario(tmp_path, base_url="https://example.org/")
    ns = {"a": "http://www.w3.org/2005/Atom"}
    root = ET.fromstring((site / "feed.xml").read_bytes())
    assert root.find("a:updated", ns).text == "2025-12-02T00:00:00Z"
    assert [e.find("a:id", ns).text for e in root.findall("a:entry", ns)][0] == \
        "https://example.org/bai-viet/2025-12-02-trao-van-kien/"
    leader = ET.fromstring((site / "lanh-dao/thongloun-sisoulith/feed.xml").read_bytes())
    assert len(leader.findall("a:entry", ns)) == 1


def test_open_data_lists_ids_urls_and_cross_references(tmp_path):
    _, site = build_scenario(tmp_path)
    arts = json.loads(read(site, "api/articles.json"))
    assert [a["id"] for a in arts] == ["2025-12-02-trao-van-kien", "2025-12-01-hoi-dam", "2024-09-10-dien-dan"]
    assert arts[1]["leaders"] == ["to-lam", "thongloun-sisoulith"] and arts[1]["url"] == "/bai-viet/2025-12-01-hoi-dam/"
    leaders = {x["id"]: x for x in json.loads(read(site, "api/leaders.json"))}
    assert leaders["to-lam"]["events"] == ["tham-lao-2025"] and len(leaders["to-lam"]["articles"]) == 2
    events = json.loads(read(site, "api/events.json"))
    assert events[0]["agreements"] == ["ke-hoach-hop-tac-2026"]
    agreements = json.loads(read(site, "api/agreements.json"))
    assert agreements[0]["witnesses"] == ["to-lam", "thongloun-sisoulith"]


def test_long_lists_are_paginated(tmp_path):
    files = scenario()
    for n in range(5):
        files[f"articles/2023-01-0{n + 1}-bai-{n}.md"] = article(f"Bài {n}", f"2023-01-0{n + 1}", "x", leaders=["to-lam"])
    _, site = build_scenario(tmp_path, files, per_page=3)
    assert (site / "bai-viet/trang/3/index.html").is_file() and not (site / "bai-viet/trang/4").exists()
    assert (site / "lanh-dao/to-lam/trang/3/index.html").is_file()
    assert (site / "dong-thoi-gian/2023/trang/2/index.html").is_file()
    first = read(site, "bai-viet/index.html")
    assert 'href="/bai-viet/trang/2/"' in first and 'aria-current="page">1<' in first


def test_hostile_text_is_shown_as_text(tmp_path):
    files = scenario()
    files["data/leaders.yaml"] = files["data/leaders.yaml"].replace("name: Tô Lâm", "name: Tô Lâm <script>alert(1)</script>")
    files["articles/2025-12-03-xau.md"] = article(
        '</script><script>alert(2)</script>', "2025-12-03", "<script>alert(3)</script>\n\n<b onclick=x>đậm</b>",
        leaders=["to-lam"], source_url="javascript:alert(4)")
    result, site = build_scenario(tmp_path, files)
    assert not result.errors
    for p in site.rglob("*.html"):
        text = p.read_text(encoding="utf-8")
        assert "<script>alert" not in text and "<b onclick" not in text and "javascript:" not in text, p
        for ld in re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S):
            assert "<" not in ld
            json.loads(ld)
    page = read(site, "bai-viet/2025-12-03-xau/index.html")
    assert "&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;" in page and "&lt;script&gt;alert(3)" in page


def test_a_bad_article_is_reported_and_the_rest_is_built(tmp_path):
    files = scenario()
    files["articles/2025-01-01-hong.md"] = "---\ntitle: [unclosed\n---\nbody\n"
    files["articles/2025-01-02-la.md"] = article("Lạ", "2025-01-02", "x", leaders=["khong-co"])
    result, site = build_scenario(tmp_path, files)
    msgs = [str(d) for d in result.errors]
    assert any(re.search(r"2025-01-01-hong\.md:\d+: load: error: front matter", m) for m in msgs), msgs
    assert any("2025-01-02-la.md" in m and "khong-co" in m for m in msgs), msgs
    assert (site / "bai-viet/2025-12-01-hoi-dam/index.html").is_file()
    assert (site / "bai-viet/2025-01-02-la/index.html").is_file()
    assert not (site / "bai-viet/2025-01-01-hong").exists()


def test_an_unsafe_file_name_is_not_a_page(tmp_path):
    files = scenario()
    files["articles/Bài viết có dấu.md"] = article("x", "2025-01-01", "x")
    result, site = build_scenario(tmp_path, files)
    assert any("cannot be a web address" in str(d) for d in result.errors)
    assert len(list((site / "bai-viet").iterdir())) == 4  # three articles and index.html


def test_a_template_syntax_error_names_the_template_and_line(tmp_path):
    from generator.build import build
    from generator.config import SiteConfig
    from generator.render import TEMPLATES
    from tests.sitekit import write_tree
    import shutil
    tpl = tmp_path / "templates"
    shutil.copytree(TEMPLATES, tpl)
    (tpl / "event.html").write_text("{% extends 'base.html' %}\n{% block main %}\n{% if %}\n{% endblock %}\n")
    content = write_tree(tmp_path / "content", scenario())
    result = build(content, tmp_path / "site", SiteConfig(), tpl)
    [d] = result.errors
    assert d.file.endswith("event.html") and d.line == 3 and d.step == "render"
    assert (tmp_path / "site/bai-viet/2025-12-01-hoi-dam/index.html").is_file()


def test_exit_status_and_strict(tmp_path, capsys):
    from tests.sitekit import write_tree
    content = write_tree(tmp_path / "content", scenario())
    assert main(["build", "--content", str(content), "--out", str(tmp_path / "site")]) == 0
    out = capsys.readouterr().err
    assert "files in" in out and "render" in out and "write" in out
    (content / "articles/2025-01-05-them.md").write_text(article("Thêm", "2025-01-05", "x") .replace("---\n\n", "la: 1\n---\n\n"))
    assert main(["build", "--content", str(content), "--out", str(tmp_path / "site")]) == 0
    assert main(["build", "--content", str(content), "--out", str(tmp_path / "site"), "--strict"]) == 1
    assert "unknown front matter key 'la'" in capsys.readouterr().err
    (content / "articles/2025-01-06-hong.md").write_text("no front matter")
    assert main(["build", "--content", str(content), "--out", str(tmp_path / "site")]) == 1


def test_leaders_index_is_paginated_by_per_page(tmp_path):
    from tests.sitekit import build_scenario
    files = scenario()
    files["data/leaders.yaml"] += "".join(f"them-{i:02d}:\n  name: Người Thêm {i:02d}\n  country: LA\n" for i in range(7))
    result, site = build_scenario(tmp_path, files, per_page=4)
    assert not result.errors
    pages = sorted(p.relative_to(site).as_posix() for p in (site / "lanh-dao").glob("**/index.html")
                   if "trang" in p.as_posix() or p.parent == site / "lanh-dao")
    assert "lanh-dao/index.html" in pages and "lanh-dao/trang/2/index.html" in pages
    first = (site / "lanh-dao/index.html").read_text(encoding="utf-8")
    assert 'href="/lanh-dao/trang/2/"' in first and "Người Thêm 06" not in first


@pytest.mark.parametrize("page, pages, shown", [
    (1, 1, [1]), (1, 3, [1, 2, 3]), (1, 8, [1, 2, 3, None, 8]), (5, 8, [1, 2, 3, 4, 5, 6, 7, 8]),
    (5, 10, [1, 2, 3, 4, 5, 6, 7, None, 10]), (50, 1000, [1, None, 48, 49, 50, 51, 52, None, 1000]),
    (1000, 1000, [1, None, 998, 999, 1000]),
])
def test_a_pager_shows_the_ends_and_the_pages_near_the_current_one(page, pages, shown):
    from generator.render.views import pager_numbers
    assert pager_numbers(page, pages) == shown
