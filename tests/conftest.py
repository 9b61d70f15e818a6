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


def free_port() -> int:
    """A TCP port nothing listens on now, on 127.0.0.1."""
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_serve(content: Path, out: Path, *extra: str, cwd: Path | None = None, wait: float = 60):
    """A real `python -m generator serve` on a free port, once it accepts connections: (process, port)."""
    import socket
    import subprocess
    import sys
    import time
    port = free_port()
    repo = Path(__file__).resolve().parent.parent
    proc = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--content", str(content), "--out", str(out),
                             "--port", str(port), *extra], cwd=cwd or out.parent, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, env={**os.environ, "PYTHONPATH": str(repo)})
    deadline = time.time() + wait
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return proc, port
        except OSError:
            if proc.poll() is not None:
                pytest.fail("serve exited: " + proc.stdout.read())
            time.sleep(0.1)
    proc.kill()
    pytest.fail(f"serve did not listen on port {port} within {wait} s")


def stop_serve(proc) -> str:
    """Stop a serve process as a service manager would (SIGTERM), and return what it printed."""
    import subprocess
    proc.terminate()
    try:
        return proc.communicate(timeout=10)[0]
    except subprocess.TimeoutExpired:
        proc.kill()
        return proc.communicate()[0]
