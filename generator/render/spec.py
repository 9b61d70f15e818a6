"""A page to render: where it goes, which template, how to build its view, what it depends on."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class PageSpec:
    """One output file. `build(site, *args)` gives the template's context (or, with no template,
    the bytes themselves); `deps` are keys like 'article:<slug>', 'leader:<id>', 'articles' (any
    article's title/date/links), 'leaders', 'events', 'agreements', 'site' (settings, templates),
    so an incremental build can re-render only the pages an edit touches."""
    path: str
    template: str | None
    build: Callable
    args: tuple = ()
    deps: frozenset[str] = frozenset()
    batch: str | None = None  # files made from work every build process shares (the search index); written last


def article_key(slug: str) -> str:
    return f"article:{slug}"


def entity_key(kind: str, id_: str) -> str:
    """'leader:to-lam' for kind 'leaders'."""
    return f"{kind[:-1]}:{id_}"
