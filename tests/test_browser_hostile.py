"""Hostile content in headless Chromium: every page of a site full of scripts, handlers and javascript:
links loads without running any of it (no global set, no dialog, no console output), and the preview
server's error banner shows hostile text as text."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.sitekit import scenario, write_tree
from tests.test_hostile import PWN, _free_port, build_hostile_site

pytestmark = pytest.mark.browser
REPO = Path(__file__).parent.parent

# Runs in the page after load: what hostile code would have left behind, and what the DOM holds.
INSPECT = """() => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    for (const at of el.attributes) {
      const v = at.value.replace(/[\\u0000-\\u0020]/g, '').toLowerCase();
      if (at.name.startsWith('on')) bad.push(el.tagName + ' ' + at.name);
      if (['href', 'src', 'action', 'formaction', 'srcset', 'poster'].includes(at.name)
          && /^(javascript|data|vbscript):/.test(v)) bad.push(el.tagName + ' ' + at.name + '=' + v.slice(0, 30));
    }
  }
  for (const tag of ['iframe', 'object', 'embed', 'base', 'svg']) {
    if (document.querySelector(tag)) bad.push('<' + tag + '>');
  }
  return {pwned: window.__pwned, bad: bad, links: [...document.links].map(a => a.protocol)};
}"""


def watch(page) -> list[str]:
    """Collect everything hostile code could make a page do: dialogs, console output, errors."""
    seen: list[str] = []
    page.on("dialog", lambda d: (seen.append(f"dialog: {d.message}"), d.dismiss()))
    page.on("pageerror", lambda e: seen.append(f"pageerror: {e}"))
    # A failed load is logged to the console too; it is reported below with its URL instead.
    page.on("console", lambda m: None if m.text.startswith("Failed to load resource") else seen.append(f"console: {m.text}"))
    page.on("response", lambda r: seen.append(f"{r.status}: {r.url}") if r.status >= 400 and not
            r.url.endswith(("/favicon.ico", "/khong-co/")) and "404.html" not in r.url else None)
    return seen


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    return build_hostile_site(tmp_path_factory.mktemp("browser-hostile"))


def test_no_page_of_a_hostile_site_runs_any_of_it(browser, hostile_url, serve_site):
    site = hostile_url
    base = serve_site(site, "/repo/")
    pages = sorted(str(p.relative_to(site).parent) for p in site.rglob("index.html")) + ["404.html"]
    assert len(pages) > 20
    page = browser.new_page()
    seen = watch(page)
    for rel in pages:
        url = base + ("" if rel == "." else rel if rel.endswith(".html") else rel + "/")
        page.goto(url, wait_until="load")
        page.wait_for_timeout(30)  # let onerror/onload handlers of broken images fire, if any existed
        found = page.evaluate(INSPECT)
        assert found["pwned"] is None, url
        assert found["bad"] == [], (url, found["bad"])
        assert set(found["links"]) <= {"http:", "https:"}, (url, found["links"])
    assert seen == [], seen
    # The hostile title is on the article page as text the reader can see.
    page.goto(base + "bai-viet/2025-12-05-doc-hai/")
    assert "<script>window.__pwned=1;alert(1)</script>" in page.locator("h1").inner_text()
    page.close()


def test_search_results_show_hostile_titles_as_text(browser, hostile_url, serve_site):
    site = hostile_url
    if not (site / "search" / "index.html").read_text(encoding="utf-8").count("search.js"):
        pytest.skip("the site has no client-side search")
    base = serve_site(site, "/repo/")
    page = browser.new_page()
    seen = watch(page)
    for q in ("script", "pwned", "Tiêu đề", "onerror", "javascript"):
        page.goto(base + "search/?q=" + q)
        page.wait_for_load_state("networkidle")
        found = page.evaluate(INSPECT)
        assert found["pwned"] is None and found["bad"] == [], (q, found)
    assert seen == [], seen
    page.close()


def test_the_preview_error_banner_shows_hostile_text_as_text(browser, tmp_path):
    content = write_tree(tmp_path / "content", scenario())
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--content", str(content),
                             "--out", str(tmp_path / "site"), "--port", str(port)], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env={**os.environ, "PYTHONPATH": str(REPO)})
    page = browser.new_page()
    try:
        seen = watch(page)
        deadline = time.time() + 60
        while True:
            try:
                page.goto(f"http://127.0.0.1:{port}/bai-viet/2025-12-01-hoi-dam/")
                break
            except Exception:
                if proc.poll() is not None or time.time() > deadline:
                    raise
                time.sleep(0.2)
        page.wait_for_function("() => window.LiveReload !== undefined", timeout=15000)
        # An unknown id is an error the banner quotes: here the id is a script.
        art = content / "articles" / "2025-12-01-hoi-dam.md"
        text = art.read_text(encoding="utf-8")
        art.write_text(text.replace("leaders: [to-lam, thongloun-sisoulith]",
                                    f"leaders: [to-lam, '<img src=x onerror=\"{PWN}\">']"), encoding="utf-8")
        page.wait_for_selector("#generator-build-errors", timeout=20000)
        banner = page.locator("#generator-build-errors").inner_text()
        assert "<img src=x onerror=" in banner and "2025-12-01-hoi-dam.md" in banner
        page.wait_for_timeout(300)
        found = page.evaluate(INSPECT)
        assert found["pwned"] is None and found["bad"] == [], found
        assert [s for s in seen if not s.startswith("console:")] == [], seen
        assert not any(PWN in s or "alert" in s for s in seen), seen
    finally:
        page.close()
        proc.terminate()
        try:
            proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
