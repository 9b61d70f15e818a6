"""Article pages and the paginated list of all articles."""
from __future__ import annotations

from ..content import body_of
from ..model import Article
from . import urls as U
from .markdown import article_body
from .spec import PageSpec, article_key, entity_key
from .views import (Site, agreements_of, article_card, articles_of, chrome, date_view, events_of, leaders_of,
                    page_count, pager, reviews)

RELATED = 5
_WINDOW = 12  # neighbours by date looked at in each shared list: related stays O(1) per article


def related(site: Site, a: Article) -> list[str]:
    """Slugs of up to RELATED articles sharing an event (counts 3) or leaders (1 each), nearest in date first."""
    arc = site.archive
    score: dict[str, int] = {}
    lists = [(arc.event_articles.get(e, ()), 3) for e in a.events] + [(arc.leader_articles.get(i, ()), 1) for i in a.leaders]
    for slugs, weight in lists:
        # Lists are newest first like archive.articles; find this article by bisecting on position.
        pos = site.position[a.slug]
        lo, hi = 0, len(slugs)
        while lo < hi:
            mid = (lo + hi) // 2
            if site.position[slugs[mid]] < pos:
                lo = mid + 1
            else:
                hi = mid
        for s in slugs[max(0, lo - _WINDOW): lo + _WINDOW + 1]:
            if s != a.slug:
                score[s] = score.get(s, 0) + weight
    ranked = sorted(score, key=lambda s: (-score[s], abs(site.position[s] - site.position[a.slug]), s))
    return ranked[:RELATED]


def neighbours(site: Site, a: Article) -> tuple[str | None, str | None]:
    """(older, newer) slugs next to the article in date order."""
    n, arts = site.position[a.slug], site.archive.articles
    older = arts[n + 1].slug if n + 1 < len(arts) else None
    newer = arts[n - 1].slug if n > 0 else None
    return older, newer


def article_view(site: Site, slug: str) -> dict:
    """The article page: text, attribution, sidebar of entities, related, previous/next."""
    arc = site.archive
    a = arc.by_slug[slug]
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
    arts, per = site.archive.articles, site.config.per_page
    pages = page_count(len(arts), per)
    title = "Tất cả bài viết" + (f" – trang {page}" if page > 1 else "")
    return {"page": chrome(site, U.paged(U.ARTICLES, page), title),
            "heading": title, "count": len(arts),
            "articles": [article_card(site, a) for a in arts[(page - 1) * per: page * per]],
            "pager": pager(site, U.ARTICLES, page, pages)}


def specs(site: Site) -> list[PageSpec]:
    """One page per article, plus the article list's pages."""
    out = []
    for a in site.archive.articles:
        older, newer = neighbours(site, a)
        deps = {article_key(a.slug), "site"}
        deps |= {article_key(s) for s in (older, newer) if s}
        deps |= {entity_key("leaders", i) for i in a.leaders} | {entity_key("events", i) for i in a.events}
        deps |= {entity_key("agreements", i) for i in a.agreements}
        # The related articles shown (their titles and dates). Which ones are picked changes only
        # when an article's date, leaders or events change, and then the dev server also marks
        # those entities changed, which this page depends on above.
        deps |= {article_key(s) for s in related(site, a)}
        out.append(PageSpec(U.file_of(U.article(a.slug)), "article.html", article_view, (a.slug,), frozenset(deps)))
    for n in range(1, page_count(len(site.archive.articles), site.config.per_page) + 1):
        out.append(PageSpec(U.file_of(U.paged(U.ARTICLES, n)), "list.html", list_view, (n,),
                            frozenset({"articles", "site"})))
    return out
