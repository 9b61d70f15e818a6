"""sitemap.xml, robots.txt and the stylesheet: the files around the pages."""
from __future__ import annotations

from . import urls as U
from .spec import PageSpec
from .views import Site


def sitemap_view(site: Site, pages: tuple[tuple[str, str], ...]) -> dict:
    """Every HTML page's absolute URL, with the article's date as lastmod where there is one."""
    return {"urls": [{"loc": site.urls.absolute(rel), "lastmod": lastmod} for rel, lastmod in pages]}


def robots(site: Site) -> bytes:
    """Allow everything; name the sitemap when its absolute URL is known (robots.txt needs one)."""
    lines = ["User-agent: *", "Allow: /"]
    if site.config.origin:
        lines.append(f"Sitemap: {site.urls.absolute('sitemap.xml')}")
    return ("\n".join(lines) + "\n").encode()


def static_file(site: Site, name: str) -> bytes:
    return site.static[name]


def specs(site: Site, page_specs: list[PageSpec]) -> list[PageSpec]:
    """The sitemap of page_specs' HTML pages (404 and search excluded), robots.txt, static files."""
    pages = []
    for spec in page_specs:
        if not spec.path.endswith("index.html") or spec.path.startswith(U.SEARCH):
            continue
        rel = spec.path[: -len("index.html")]
        lastmod = ""
        if spec.path.startswith(U.ARTICLES) and spec.args and spec.args[0] in site.archive.by_slug:
            lastmod = site.archive.by_slug[spec.args[0]].date.isoformat()
        pages.append((rel, lastmod))
    pages.sort()
    # The sitemap's whole content is its argument: the dev server re-renders it when that changes.
    out = [PageSpec("sitemap.xml", "sitemap.xml", sitemap_view, (tuple(pages),)),
           PageSpec("robots.txt", None, robots, ())]
    out += [PageSpec(f"static/{name}", None, static_file, (name,)) for name in sorted(site.static)]
    return out
