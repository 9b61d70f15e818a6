"""Live preview in headless Chromium against a real `serve` process: edits show up by themselves."""
from __future__ import annotations

import os
import re
import shutil
import socket
import time
from pathlib import Path

import pytest

from tests.conftest import start_serve, stop_serve

REPO = Path(__file__).parent.parent

pytestmark = pytest.mark.browser

ARTICLE = """---
title: {title}
date: 2025-12-01
source: Người Lao Động
leaders: [to-lam]
---

Ngày 1-12, Tổng Bí thư Tô Lâm hội đàm tại Vientiane.
"""
LEADERS = """to-lam:
  name: {name}
  country: VN
  roles:
    - title: Tổng Bí thư
      from: 2024-08-03
"""
RAW = """Thủ tướng hai nước đồng chủ trì kỳ họp Ủy ban liên Chính phủ lần mới

(NLĐO) - Hai Thủ tướng đồng chủ trì kỳ họp thường niên của Ủy ban liên Chính phủ Việt Nam - Lào.

Sáng 9/1/2025, tại thủ đô Vientiane, hai Thủ tướng đồng chủ trì kỳ họp thường niên của Ủy ban liên Chính phủ.
"""
ARTICLE_URL = "bai-viet/2025-12-01-tin/"


def write(path: Path, text: str) -> None:
    """Save like an editor does: a new file content, with a new modification time."""
    path.write_text(text, encoding="utf-8")
    t = time.time()
    os.utime(path, (t, t))


@pytest.fixture
def preview(tmp_path, browser):
    """A `serve` subprocess on a small content tree; yields (content dir, base URL, page)."""
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "data").mkdir()
    (content / "raw").mkdir()
    for name in ("outlets.yaml", "calendar.yaml"):
        (content / "data" / name).write_bytes((REPO / "content" / "data" / name).read_bytes())
    write(content / "articles" / "2025-12-01-tin.md", ARTICLE.format(title="Tiêu đề đầu tiên"))
    write(content / "data" / "leaders.yaml", LEADERS.format(name="Tô Lâm"))
    shutil.copytree(REPO / "templates", tmp_path / "templates")
    proc, port = start_serve(content, tmp_path / "site", "--templates", str(tmp_path / "templates"))
    base = f"http://127.0.0.1:{port}/"
    page = browser.new_page()
    try:
        yield content, base, page
    finally:
        page.close()
        out = stop_serve(proc)
        assert "serve: stopped" in out, out


def wait_text(page, selector: str, text: str, timeout: float = 15000):
    page.wait_for_function(
        "([sel, text]) => { const e = document.querySelector(sel); return e && e.textContent.includes(text); }",
        arg=[selector, text], timeout=timeout)


def test_edits_reload_the_open_page(preview):
    content, base, page = preview
    page.goto(base + ARTICLE_URL)
    assert "Tiêu đề đầu tiên" in page.locator("h1").inner_text()
    page.wait_for_function("() => window.LiveReload !== undefined", timeout=10000)

    # An article's title changes: the open page shows it without the test reloading it.
    write(content / "articles" / "2025-12-01-tin.md", ARTICLE.format(title="Tiêu đề đã sửa"))
    wait_text(page, "h1", "Tiêu đề đã sửa")

    # A leader's name changes in the registry: the article's sidebar follows.
    write(content / "data" / "leaders.yaml", LEADERS.format(name="Tô Lâm (sửa)"))
    wait_text(page, "aside", "Tô Lâm (sửa)")

    # Broken front matter: the last good page stays, with the error (file and line) on it.
    write(content / "articles" / "2025-12-01-tin.md", "---\ntitle: [không đóng\ndate: 2025-12-01\n---\nx\n")
    page.wait_for_selector("#generator-build-errors", timeout=15000)
    banner = page.locator("#generator-build-errors").inner_text()
    assert "2025-12-01-tin.md" in banner and "YAML" in banner
    assert "Tiêu đề đã sửa" in page.locator("h1").inner_text()

    # Fixed: the banner goes and the fixed page appears.
    write(content / "articles" / "2025-12-01-tin.md", ARTICLE.format(title="Tiêu đề sau khi sửa lỗi"))
    wait_text(page, "h1", "Tiêu đề sau khi sửa lỗi")
    assert page.locator("#generator-build-errors").count() == 0

    # Four quick saves: the page ends on the last one.
    for n in range(1, 5):
        write(content / "articles" / "2025-12-01-tin.md", ARTICLE.format(title=f"Lần lưu thứ {n}"))
        time.sleep(0.15)
    wait_text(page, "h1", "Lần lưu thứ 4")


def test_a_page_that_connects_after_a_rebuild_reloads_itself(preview):
    """A reload sent while a page was loading (between two quick saves) reaches no one; the page,
    once connected, asks which version the site is at and reloads if it was served an older one.
    Here the page's live-reload connection is held back until the server has rebuilt."""
    import urllib.request
    content, base, page = preview
    url = base + ARTICLE_URL
    held: list = []

    def hold_first(ws):  # the first connection waits; later ones (after a reload) go through
        if held:
            ws.connect_to_server()
        else:
            held.append(ws)
            ws.on_message(lambda message: held.append(message))
    page.route_web_socket(re.compile(r".*/livereload$"), hold_first)
    page.goto(url)
    assert "Tiêu đề đầu tiên" in page.locator("h1").inner_text()
    write(content / "articles" / "2025-12-01-tin.md", ARTICLE.format(title="Tiêu đề mới hơn"))
    deadline = time.monotonic() + 15
    while "Tiêu đề mới hơn" not in urllib.request.urlopen(url, timeout=10).read().decode("utf-8"):
        assert time.monotonic() < deadline, "the server did not rebuild"
        time.sleep(0.1)
    time.sleep(0.3)  # the server has told the browsers to reload: none was connected
    assert "Tiêu đề đầu tiên" in page.locator("h1").inner_text()
    ws, *said = held
    server = ws.connect_to_server()
    ws.on_message(lambda message: server.send(message))
    for message in said:  # the page's hello, held until now
        server.send(message)
    wait_text(page, "h1", "Tiêu đề mới hơn")


def test_new_raw_page_appears_on_the_home_page(preview):
    content, base, page = preview
    page.goto(base)
    page.wait_for_function("() => window.LiveReload !== undefined", timeout=10000)
    write(content / "raw" / "moi.txt", RAW)
    wait_text(page, "main", "Ủy ban liên Chính phủ lần mới", timeout=20000)
    assert list((content / "articles").glob("2025-01-09-*.md"))


def test_stylesheet_change_applies_without_reload(preview):
    content, base, page = preview
    page.goto(base)
    page.wait_for_function("() => window.LiveReload !== undefined", timeout=10000)
    page.evaluate("() => { window.__stillHere = true; }")
    css = content.parent / "templates" / "static" / "style.css"  # the preview's own copy
    write(css, css.read_text(encoding="utf-8") + "\nbody { outline: 3px solid rgb(1, 2, 3); }\n")
    page.wait_for_function("() => getComputedStyle(document.body).outlineColor === 'rgb(1, 2, 3)'", timeout=15000)
    assert page.evaluate("() => window.__stillHere === true"), "the page was reloaded"


def test_serve_binds_loopback_and_serves_only_the_site(preview):
    content, base, page = preview
    import urllib.request
    import urllib.error
    for path in ("../content/site.yaml", "%2e%2e/content/data/leaders.yaml", "..%2fcontent%2fdata%2fleaders.yaml"):
        try:
            with urllib.request.urlopen(base + path, timeout=5) as r:
                body = r.read().decode("utf-8", "replace")
            assert "to-lam:" not in body
        except urllib.error.HTTPError as exc:
            assert exc.code in (400, 403, 404)
    port = int(re.search(r":(\d+)/", base).group(1))
    with socket.socket() as s:  # nothing listens on another address of this machine for that port
        s.settimeout(1)
        try:
            other = socket.gethostbyname(socket.gethostname())
        except OSError:
            other = None
        if other and not other.startswith("127."):
            assert s.connect_ex((other, port)) != 0
