"""The sitemaps, robots.txt and the static files: the files around the pages.

sitemap.xml is a sitemap index naming one sitemap per part of the site under sitemaps/: the
pages that are not about one entity, the articles of each year, the leaders, the events and the
agreements. The protocol allows 50,000 addresses a sitemap, which one file of a large archive
would pass, and an edit then rewrites only its part's sitemap.
"""
from __future__ import annotations

from itertools import groupby

from . import urls as U
from .spec import PageSpec
from .views import Site

MAX_URLS = 40_000  # per sitemap file; the protocol's limit is 50,000
FOLDER = "sitemaps/"
_SECTIONS = ((U.LEADERS, "lanh-dao"), (U.EVENTS, "su-kien"), (U.AGREEMENTS, "van-kien"))


def sitemap_view(site: Site, pages: tuple[tuple[str, str], ...]) -> dict:
    """Every page's absolute URL, with the article's date as lastmod where there is one."""
    return {"urls": [{"loc": site.urls.absolute(rel), "lastmod": lastmod} for rel, lastmod in pages]}


def index_view(site: Site, maps: tuple[tuple[str, str], ...]) -> dict:
    """The sitemap index: each sitemap's absolute URL and its newest lastmod."""
    return {"maps": [{"loc": site.urls.absolute(rel), "lastmod": lastmod} for rel, lastmod in maps]}


def robots(site: Site) -> bytes:
    """Allow everything; name the sitemap when its absolute URL is known (robots.txt needs one)."""
    lines = ["User-agent: *", "Allow: /"]
    if site.config.origin:
        lines.append(f"Sitemap: {site.urls.absolute('sitemap.xml')}")
    return ("\n".join(lines) + "\n").encode()


def static_file(site: Site, name: str) -> bytes:
    return site.static[name]


def _section(site: Site, rel: str) -> str:
    """Which sitemap a page's rel path goes to."""
    if rel.startswith(U.ARTICLES) and rel != U.ARTICLES and not rel.startswith(U.ARTICLES + U.PAGE):
        slug = rel[len(U.ARTICLES):].split("/", 1)[0]
        a = site.archive.by_slug.get(slug)
        return f"bai-viet-{a.date.year}" if a else "bai-viet"
    for prefix, name in _SECTIONS:
        if rel.startswith(prefix) and rel != prefix and not rel.startswith(prefix + U.PAGE):
            return name
    return "trang"


# Each part of the site's entries from the last listing (the dev server lists the pages after every
# edit that relinks; a new leader changes one part, not the 10,000 articles').
_LAST_ENTRIES: dict[int, tuple] = {}


def _entries(site: Site, part: list[PageSpec]) -> list[tuple[str, str, str]]:
    """(sitemap, rel path, lastmod) of each HTML page of a part (404 and search excluded)."""
    pages = []
    for spec in part:
        if not spec.path.endswith("index.html") or spec.path.startswith(U.SEARCH):
            continue
        rel = spec.path[: -len("index.html")]
        lastmod = ""
        if spec.path.startswith(U.ARTICLES) and spec.args and spec.args[0] in site.archive.by_slug:
            lastmod = site.archive.by_slug[spec.args[0]].date.isoformat()
        pages.append((_section(site, rel), rel, lastmod))
    return pages


def specs(site: Site, parts: list[list[PageSpec]], dates: tuple) -> list[PageSpec]:
    """The sitemaps of the parts' HTML pages, robots.txt, static files. `dates` (every article's
    date) is what the pages' sections and lastmods read beside the parts themselves."""
    pages, last = [], {}
    for part in parts:
        hit = _LAST_ENTRIES.get(id(part))
        if hit is None or hit[0] is not part or hit[1] != dates:
            hit = (part, dates, _entries(site, part))
        last[id(part)] = hit
        pages += hit[2]
    _LAST_ENTRIES.clear()
    _LAST_ENTRIES.update(last)
    pages.sort()
    # Each file's content is its argument: the dev server re-renders a sitemap when that changes.
    maps, out = [], []
    for name, members in groupby(pages, key=lambda p: p[0]):
        members = [(rel, lastmod) for _name, rel, lastmod in members]
        for k in range(0, len(members), MAX_URLS):
            part = tuple(members[k: k + MAX_URLS])
            path = f"{FOLDER}{name}{'' if k == 0 else f'-{k // MAX_URLS + 1}'}.xml"
            out.append(PageSpec(path, "sitemap.xml", sitemap_view, (part,)))
            maps.append((path, max(lastmod for _rel, lastmod in part)))
    out.insert(0, PageSpec("sitemap.xml", "sitemap-index.xml", index_view, (tuple(maps),)))
    out.append(PageSpec("robots.txt", None, robots, ()))
    out += [PageSpec(f"static/{name}", None, static_file, (name,)) for name in sorted(site.static)]
    return out
