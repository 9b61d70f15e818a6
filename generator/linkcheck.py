"""Checks a built site: every internal link and asset resolves, every page is reachable, none leaves the base path."""
from __future__ import annotations

import html
import re
from collections import deque
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from .model import Diagnostic, error

# The generator writes attributes double-quoted; a regex over its own output is many times faster
# than an HTML parser on a site of tens of thousands of pages (validity is the validator's job).
_REF = re.compile(r'<(a|link|script|img|form|iframe|source)\b[^>]*?\s(href|src|action)="([^"]*)"', re.I)
_ID = re.compile(r'\sid="([^"]*)"')
_SKIP_SCHEMES = ("mailto:", "tel:")


def page_url(rel: str, base_path: str) -> str:
    """The URL a file is served at: 'bai-viet/x/index.html' → '/base/bai-viet/x/'."""
    if rel == "index.html" or rel.endswith("/index.html"):
        rel = rel[: -len("index.html")]
    return base_path + rel


def _target(site_dir: Path, rel: str) -> Path:
    return site_dir / (rel + "index.html" if rel == "" or rel.endswith("/") else rel)


def check_site(site_dir: Path, base_path: str = "/", origin: str = "") -> list[Diagnostic]:
    """Every problem with the built site's links, as errors naming the page and line.

    origin ('https://user.github.io'): absolute links to it are checked like internal ones
    (canonical links, feed ids); other absolute links are left alone.
    """
    site_dir = Path(site_dir)
    base_path = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
    diags: list[Diagnostic] = []
    pages = sorted(str(p.relative_to(site_dir)) for p in site_dir.rglob("*.html"))
    texts = {rel: (site_dir / rel).read_text(encoding="utf-8", errors="replace") for rel in pages}
    ids = {rel: set(_ID.findall(t)) for rel, t in texts.items()}
    edges: dict[str, set[str]] = {rel: set() for rel in pages}

    for rel in pages:
        text, here = texts[rel], page_url(rel, base_path)
        for m in _REF.finditer(text):
            raw = html.unescape(m.group(3)).strip()
            if not raw or raw.startswith(_SKIP_SCHEMES):
                continue
            where = (str(site_dir / rel), text.count("\n", 0, m.start()) + 1)
            if raw.lower().startswith(("javascript:", "data:", "vbscript:", "file:")):
                diags.append(error(f"unsafe link {raw[:60]!r}", *where, "linkcheck"))
                continue
            url = urljoin(here, raw)
            parts = urlsplit(url)
            if parts.scheme or parts.netloc:
                if not origin or not url.startswith(origin + "/"):
                    continue  # an outside site: attribution links to the original article
                parts = urlsplit(url[len(origin):])
            path = unquote(parts.path)
            if not path.startswith(base_path):
                diags.append(error(f"link {raw!r} leaves the base path {base_path}", *where, "linkcheck"))
                continue
            target_rel = path[len(base_path):]
            target = _target(site_dir, target_rel)
            if target.is_dir():
                diags.append(error(f"link {raw!r} names a folder without a trailing '/'", *where, "linkcheck"))
                continue
            if not target.is_file():
                diags.append(error(f"broken link {raw!r}: no {target.relative_to(site_dir)}", *where, "linkcheck"))
                continue
            key = str(target.relative_to(site_dir))
            if parts.fragment and key in ids and unquote(parts.fragment) not in ids[key]:
                diags.append(error(f"link {raw!r}: no id {parts.fragment!r} in {key}", *where, "linkcheck"))
            if key in edges:
                edges[rel].add(key)

    diags += _unreachable(edges, site_dir)
    return diags


def _unreachable(edges: dict[str, set[str]], site_dir: Path) -> list[Diagnostic]:
    """Pages no chain of links from the home page reaches (404.html is reached by missing paths)."""
    if "index.html" not in edges:
        return [error("the site has no home page (index.html)", str(site_dir), None, "linkcheck")] if edges else []
    seen, todo = {"index.html"}, deque(["index.html"])
    while todo:
        for nxt in edges[todo.popleft()]:
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return [error("page not reachable from the home page", str(site_dir / rel), None, "linkcheck")
            for rel in sorted(edges) if rel not in seen and rel != "404.html"]
