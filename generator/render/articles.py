"""Article pages and the paginated list of all articles."""
from __future__ import annotations

import heapq

from ..content import body_of
from ..model import Article
from . import urls as U
from .markdown import article_body
from .spec import PageSpec
from .views import (Site, agreements_of, article_card, articles_of, chrome, date_view, events_of, leaders_of,
                    page_count, pager, reviews)

RELATED = 5
_WINDOW = 12  # neighbours looked at in each shared list: related stays O(1) per article


def related(site: Site, a: Article) -> list[str]:
    """Slugs of up to RELATED articles sharing an event (counts 3) or leaders (1 each) with a, among
    its _WINDOW neighbours in each of those lists; then nearest in date, then by slug."""
    score: dict[str, int] = {}
    for name, weight in [(f"event:{e}", 3) for e in a.events] + [(f"leader:{i}", 1) for i in a.leaders]:
        window, _ = site.around(name, a.slug, _WINDOW)
        for s in window:
            if s != a.slug:
                score[s] = score.get(s, 0) + weight
    days, day = site.days(), a.date.toordinal()
    site.uses(*("date:" + s for s in score))
    return [s for _w, _d, s in heapq.nsmallest(RELATED, [(-w, abs(days[s] - day), s) for s, w in score.items()])]


def neighbours(site: Site, a: Article) -> tuple[str | None, str | None]:
    """(older, newer) slugs next to the article in date order."""
    near, n = site.around("articles", a.slug, 1)
    older = near[n + 1] if n + 1 < len(near) else None
    newer = near[n - 1] if n > 0 else None
    return older, newer


def article_view(site: Site, slug: str) -> dict:
    """The article page: text, attribution, sidebar of entities, related, previous/next."""
    arc = site.archive
    a = arc.by_slug[slug]
    site.uses("A:" + slug)
    rel = U.article(slug)
    people = [(site.urls(U.leader(i)), (arc.leaders[i].name, *arc.leaders[i].aliases)) for i in a.leaders]
    body, loose_captions = article_body(body_of(a), a.captions, people)
    older, newer = neighbours(site, a)
    abs_url = site.urls.absolute(rel)
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a.title,
          "datePublished": a.date.isoformat(), "url": abs_url, "inLanguage": a.language,
          "mainEntityOfPage": abs_url,
          "about": [{"@type": "Person", "name": arc.leaders[i].name, "url": site.urls.absolute(U.leader(i))}
                    for i in a.leaders]}
    if a.author:
        ld["author"] = {"@type": "Person", "name": a.author}
    if a.source:
        ld["publisher"] = {"@type": "Organization", "name": a.source}
    if _http(a.source_url):
        ld["isBasedOn"] = a.source_url
    return {
        "page": chrome(site, rel, a.title, a.lead or "", "article", ld),
        "article": {"title": a.title, "date": date_view(a.date), "source": a.source or "",
                    "source_url": _http(a.source_url), "author": a.author or "", "lead": a.lead or "",
                    "body": body, "captions": loose_captions, "review": reviews(a.review), "lang": a.language},
        "leaders": leaders_of(site, a.leaders, a.date), "events": events_of(site, a.events),
        "agreements": agreements_of(site, a.agreements),
        "related": articles_of(site, related(site, a)),
        "older": article_card(site, arc.by_slug[older]) if older else None,
        "newer": article_card(site, arc.by_slug[newer]) if newer else None,
    }


def _http(url: str | None) -> str:
    """Only http(s) links to originals are shown as links (no javascript:, data: or file:)."""
    return url if url and url.lower().startswith(("http://", "https://")) else ""


def list_view(site: Site, page: int) -> dict:
    """Page `page` of every article, newest first."""
    per, count = site.config.per_page, site.count("articles")
    title = "Tất cả bài viết" + (f" – trang {page}" if page > 1 else "")
    return {"page": chrome(site, U.paged(U.ARTICLES, page), title),
            "heading": title, "count": count,
            "articles": articles_of(site, site.items("articles", (page - 1) * per, page * per)),
            "pager": pager(site, U.ARTICLES, page, page_count(count, per))}


def specs(site: Site) -> list[PageSpec]:
    """One page per article, plus the article list's pages."""
    out = [PageSpec(U.file_of(U.article(a.slug)), "article.html", article_view, (a.slug,)) for a in site.archive.articles]
    for n in range(1, page_count(len(site.archive.articles), site.config.per_page) + 1):
        out.append(PageSpec(U.file_of(U.paged(U.ARTICLES, n)), "list.html", list_view, (n,)))
    return out
