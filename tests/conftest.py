"""Shared fixtures: headless Chromium (Debian's, through Playwright) and a static server at a sub-path."""
from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
SCREENSHOTS = Path(__file__).parent / "screenshots"


def _need_chromium():
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing and CI is set: install Debian's chromium package")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium); browser tests skipped")


@pytest.fixture(scope="session")
def browser():
    """A headless Chromium for the whole session."""
    _need_chromium()
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


class _SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site folder at `prefix` only, like GitHub Pages serves a project site; 404.html otherwise."""
    prefix = "/"

    def log_message(self, *args):  # keep test output clean
        pass

    def translate_path(self, path):
        path = path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(self.prefix):
            return os.path.join(self.directory, "\0missing")
        return super().translate_path("/" + path[len(self.prefix):])

    def send_head(self):
        target = self.translate_path(self.path)
        if not os.path.exists(target) and not os.path.exists(os.path.join(target, "index.html")):
            body = open(os.path.join(self.directory, "404.html"), "rb").read()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            import io
            return io.BytesIO(body)
        return super().send_head()


@pytest.fixture
def serve_site():
    """serve_site(site_dir, prefix='/repo/') → base URL 'http://127.0.0.1:PORT/repo/'; stopped after the test."""
    servers = []

    def start(site_dir: Path, prefix: str = "/") -> str:
        handler = type("Handler", (_SubPathHandler,), {"prefix": prefix})
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site_dir)))
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        servers.append(httpd)
        return f"http://127.0.0.1:{httpd.server_address[1]}{prefix}"

    yield start
    for httpd in servers:
        httpd.shutdown()
        httpd.server_close()
