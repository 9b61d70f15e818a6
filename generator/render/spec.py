"""A page to render: where it goes, which template, and how to build its view."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True, slots=True)
class PageSpec:
    """One output file. `build(site, *args)` gives the template's context (or, with no template,
    the bytes themselves). What a page depends on is not declared here: it is recorded while
    the page is built (views.Reads), so it is always what the page actually shows."""
    path: str
    template: str | None
    build: Callable
    args: tuple = ()
    batch: str | None = None  # files made from work every build process shares (the search index); written last
