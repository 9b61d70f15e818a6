"""The site as a reader sees it, in headless Chromium, served from a sub-path like a GitHub project site."""
import pytest

from tests.conftest import SCREENSHOTS
from tests.sitekit import article, build_scenario, scenario

pytestmark = pytest.mark.browser


@pytest.fixture
def site_url(tmp_path, serve_site):
    files = scenario()
    files["articles/2025-12-04-xau.md"] = article(
        "<script>window.pwned=1</script> Tiêu đề", "2025-12-04",
        "<img src=x onerror=\"window.pwned=2\"> [bấm](javascript:window.pwned=3)", leaders=["to-lam"])
    result, site = build_scenario(tmp_path, files, base_url="https://user.github.io/repo/")
    assert not result.errors
    return serve_site(site, "/repo/")


def test_follow_article_leader_event_agreement_and_back(browser, site_url):
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("requestfailed", lambda r: errors.append(r.url))
    page.goto(site_url)
    assert page.title().startswith("Lưu trữ quan hệ Việt Nam")
    assert page.locator("html").get_attribute("lang") == "vi"
    page.get_by_role("link", name="Tổng Bí thư Tô Lâm hội đàm với Tổng Bí thư, Chủ tịch nước Lào").first.click()
    page.wait_for_url("**/repo/bai-viet/2025-12-01-hoi-dam/")
    assert page.locator("h1").inner_text().startswith("Tổng Bí thư Tô Lâm hội đàm")
    page.locator(".sidebar").get_by_role("link", name="Thongloun Sisoulith").click()
    page.wait_for_url("**/repo/lanh-dao/thongloun-sisoulith/")
    page.get_by_role("link", name="Chuyến thăm cấp Nhà nước Lào của Tổng Bí thư Tô Lâm").first.click()
    page.wait_for_url("**/repo/su-kien/tham-lao-2025/")
    page.get_by_role("link", name="Kế hoạch hợp tác năm 2026 giữa hai Chính phủ").click()
    page.wait_for_url("**/repo/van-kien/ke-hoach-hop-tac-2026/")
    page.go_back()
    page.wait_for_url("**/repo/su-kien/tham-lao-2025/")
    page.get_by_role("link", name="Trang chủ").click()
    page.wait_for_url(site_url)
    # The stylesheet loaded under the sub-path: the header has its colour, not the browser default.
    assert page.eval_on_selector(".site-header", "e => getComputedStyle(e).backgroundColor") == "rgb(138, 28, 18)"
    assert errors == []


def test_search_box_goes_to_the_search_page_and_a_missing_page_is_the_404(browser, site_url):
    page = browser.new_page()
    page.goto(site_url)
    page.fill("input[name=q]", "to lam")
    page.press("input[name=q]", "Enter")
    page.wait_for_url("**/repo/search/?q=to+lam")
    assert page.locator("h1").inner_text() == "Tìm kiếm"
    assert page.get_by_role("link", name="Lãnh đạo").count() >= 1
    response = page.goto(site_url + "khong-co/")
    assert response.status == 404 and "Không tìm thấy" in page.locator("h1").inner_text()
    page.get_by_role("link", name="Về trang chủ").click()
    page.wait_for_url(site_url)


def test_keyboard_skip_link_and_hostile_article(browser, site_url):
    page = browser.new_page()
    page.goto(site_url + "bai-viet/2025-12-04-xau/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.locator(".skip-link").is_visible()
    assert page.evaluate("window.pwned") is None
    assert "<script>window.pwned=1</script>" in page.locator("h1").inner_text()


@pytest.mark.parametrize("name, size", [("desktop", (1280, 900)), ("phone", (390, 844))])
def test_screenshots(browser, site_url, name, size):
    SCREENSHOTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    for slug, url in [("home", ""), ("article", "bai-viet/2025-12-01-hoi-dam/"), ("leader", "lanh-dao/to-lam/"),
                      ("events", "su-kien/"), ("agreements", "van-kien/")]:
        page.goto(site_url + url)
        # Nothing wider than the screen: a phone must not scroll sideways.
        assert page.evaluate("document.documentElement.scrollWidth") <= size[0], (name, slug)
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{slug}.png"), full_page=True)
