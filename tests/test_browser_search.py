"""Searching the built site in headless Chromium, served from a sub-path like a GitHub project site."""
import urllib.parse

import pytest

from tests.conftest import SCREENSHOTS
from tests.sitekit import article, build_scenario, scenario

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    files = scenario()
    files["articles/2025-11-20-mien-trung.md"] = article(
        "Đoàn đại biểu Lào thăm miền Trung", "2025-11-20",
        "Đoàn đã đến thành phố Đà Nẵng. Hai bên mong muốn hòa bình và hợp tác.", source="Thanh Niên")
    files["articles/2025-11-21-xss.md"] = article(
        "<img src=x onerror=window.pwned=1> Tiêu đề lạ", "2025-11-21", "Nội dung <b>thử</b> Đà Nẵng.")
    result, site = build_scenario(tmp_path_factory.mktemp("search"), files, base_url="https://user.github.io/repo/")
    assert not result.errors
    return site


@pytest.fixture
def site_url(built, serve_site):
    return serve_site(built, "/repo/")


def _page(browser, **kw):
    page = browser.new_page(**kw)
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    # Console errors, except the browser's own report of a missing favicon (checked below by URL).
    page.on("console", lambda m: page.errors.append(m.text)
            if m.type == "error" and not m.text.startswith("Failed to load resource") else None)
    page.on("requestfailed", lambda r: page.errors.append(r.url))
    page.on("response", lambda r: page.errors.append(f"{r.status} {r.url}")
            if r.status >= 400 and not r.url.endswith("/favicon.ico") else None)
    return page


def _search(page, site_url, query):
    """Type the query in the header box on the home page and wait for the results."""
    page.goto(site_url)
    page.fill("input[name=q]", query)
    page.press("input[name=q]", "Enter")
    page.wait_for_url("**/repo/search/?q=*")
    # The status starts empty and says "Đang tìm…" while loading: wait for the final answer to
    # this query (the previous search's page may still be on screen when the URL already matches).
    page.wait_for_function(
        "q => { const s = document.querySelector('.search-status');"
        " return document.getElementById('tim-kiem').dataset.state === 'done'"
        " && s.textContent.includes('«' + q + '»'); }",
        arg=query)
    return page


def _titles(page):
    return page.locator(".search-articles .card-title").all_inner_texts()


def _entities(page):
    return page.locator(".search-entities a").all_inner_texts()


def test_with_or_without_diacritics_the_same_results(browser, site_url):
    page = _page(browser)
    seen = []
    for q in ("to lam", "tô lâm", "Tô Lâm", "TÔ LÂM"):
        _search(page, site_url, q)
        seen.append((_entities(page), _titles(page)))
    assert seen[0][1] and all(s == seen[0] for s in seen)
    assert seen[0][0][0] == "Tô Lâm"  # the leader first, before events that name him
    assert seen[0][1][0] == "Tổng Bí thư Tô Lâm hội đàm với Tổng Bí thư, Chủ tịch nước Lào"
    assert page.locator(".search-articles mark").first.inner_text() == "Tô Lâm"  # one mark, in the title
    assert page.input_value("input[name=q]") == "TÔ LÂM"
    assert page.errors == []


def test_da_nang_and_old_tone_marks(browser, site_url):
    page = _page(browser)
    _search(page, site_url, "da nang")
    assert "Đoàn đại biểu Lào thăm miền Trung" in _titles(page)
    marks = page.locator(".search-articles mark").all_inner_texts()
    assert "Đà Nẵng" in marks
    _search(page, site_url, "hoà bình")  # old tone placement finds the new one
    assert _titles(page) == ["Đoàn đại biểu Lào thăm miền Trung"]
    assert page.errors == []


@pytest.mark.parametrize("query", ["thongloun sisulit", "thong lun xi xu lit", "Thongloun Sisoulit"])
def test_a_misspelt_lao_name_finds_the_leader_first(browser, site_url, query):
    page = _page(browser)
    _search(page, site_url, query)
    assert _entities(page)[0] == "Thongloun Sisoulith"
    page.locator(".search-entities a").first.click()
    page.wait_for_url("**/repo/lanh-dao/thongloun-sisoulith/")
    assert page.errors == []


def test_follow_a_result_to_its_article(browser, site_url):
    page = _page(browser)
    _search(page, site_url, "viêng chăn")
    page.locator(".search-articles .card-title").first.click()
    page.wait_for_url("**/repo/bai-viet/2025-12-01-hoi-dam/")
    assert page.locator("h1").inner_text().startswith("Tổng Bí thư Tô Lâm hội đàm")
    assert page.errors == []


def test_a_shared_link_searches_and_data_stays_text(browser, site_url):
    page = _page(browser)
    page.goto(site_url + "search/?q=" + urllib.parse.quote("đà nẵng"))
    page.wait_for_selector(".search-articles li")
    assert "<img src=x onerror=window.pwned=1> Tiêu đề lạ" in _titles(page)
    assert page.evaluate("window.pwned") is None
    assert page.locator(".search-articles img").count() == 0
    assert page.errors == []


def test_no_results_says_so_and_offers_the_indexes(browser, site_url):
    page = _page(browser)
    _search(page, site_url, "xyzzy quux")
    assert page.locator(".search-status").inner_text() == "Không tìm thấy kết quả nào cho «xyzzy quux»."
    assert page.get_by_role("link", name="Lãnh đạo").count() >= 1
    assert page.errors == []


def test_without_javascript_the_page_links_to_the_indexes(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "search/?q=to+lam")
    assert page.locator("#tim-kiem").is_hidden()
    page.locator("#tro-giup-tim-kiem").get_by_role("link", name="Sự kiện").click()
    page.wait_for_url("**/repo/su-kien/")
    context.close()


def test_more_results_and_screenshots(browser, site_url):
    SCREENSHOTS.mkdir(exist_ok=True)
    page = _page(browser, viewport={"width": 1280, "height": 900})
    _search(page, site_url, "lào")
    assert len(_titles(page)) >= 3
    page.screenshot(path=str(SCREENSHOTS / "search-desktop.png"), full_page=True)
    phone = _page(browser, viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)
    _search(phone, site_url, "to lam")
    phone.screenshot(path=str(SCREENSHOTS / "search-phone.png"), full_page=True)
    assert page.errors == [] and phone.errors == []
