"""The dev server's builds: one full build, then after each edit only the pages the edit touches.

Every page spec names what it depends on (`article:<slug>`, `leader:<id>`, `articles`, …). An
edit is turned into the keys it changes, and only the pages whose dependencies meet those keys are
rendered again, then written file by file (each by write-then-rename; unchanged bytes are not
written). A change to an article's body or captions alone is patched into the linked archive
without relinking; other article or registry changes relink (a fraction of a second at 10,000
articles) and also add or remove pages. Templates, settings and the stylesheet rebuild everything.
The search index, which every article feeds, is rendered in a second lane after the browsers have
been told to reload.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import build as build_mod
from . import changes
from . import config as config_mod
from .build import BuildResult, Prepared
from .content import load_article, load_registry
from .model import Article, Diagnostic
from .render import search
from .render.spec import PageSpec, article_key, entity_key
from .writer import WriteStats, check_path, replace_files

SLOW_PREFIX = "search/"  # the search index files: re-rendered after the reload
_SHOWN_ELSEWHERE = ("title", "date", "source", "source_url", "author", "lead", "language", "leaders", "events",
                    "agreements", "raw", "review", "slug")
# What places an article in the graph: a change here relinks; any other field is patched in.
_STRUCTURE = ("slug", "date", "leaders", "events", "agreements")


def _slow(spec: PageSpec) -> bool:
    return spec.path.startswith(SLOW_PREFIX) and spec.template is None


def structure(a: Article) -> tuple:
    """Where an article sits in the graph: its address, its date and the entities it names."""
    return tuple(getattr(a, f) for f in _STRUCTURE)


def summary(a: Article) -> tuple:
    """What other pages (lists, entity pages, feeds, open data) show of an article."""
    return tuple(getattr(a, f) for f in _SHOWN_ELSEWHERE)


def entity_keys(a: Article) -> set[str]:
    """The keys of the entities an article names."""
    return ({entity_key("leaders", i) for i in a.leaders} | {entity_key("events", i) for i in a.events}
            | {entity_key("agreements", i) for i in a.agreements})


def registry_keys(old, new) -> set[str]:
    """Keys of every entity added, removed or changed between two registries, with their kinds."""
    keys: set[str] = set()
    for kind in ("leaders", "events", "agreements"):
        a, b = getattr(old, kind), getattr(new, kind)
        for id_ in a.keys() | b.keys():
            if a.get(id_) != b.get(id_):
                keys |= {entity_key(kind, id_), kind}
    return keys


def affected(specs: list[PageSpec], keys: set[str], old: dict[str, frozenset] | None = None) -> list[PageSpec]:
    """The specs whose dependencies, before or after the edit, meet the keys; with `old` (path →
    dependencies before), also the pages that did not exist before. A page that used to show the
    edited article (as a neighbour, say) and no longer does has changed too."""
    if old is None:
        return [s for s in specs if s.deps & keys]
    return [s for s in specs if s.path not in old or (s.deps | old[s.path]) & keys]


@dataclass
class Session:
    """What the dev server keeps between edits."""
    content: Path
    out: Path
    templates: Path
    prep: Prepared | None = None
    articles: dict[str, Article] = field(default_factory=dict)  # by file path, as loaded
    pending_slow: list[PageSpec] = field(default_factory=list)

    def full(self) -> BuildResult:
        """Load and build everything (the first build, and after template or settings changes)."""
        cfg, cfg_diags = config_mod.load(self.content)
        prep = build_mod.prepare(self.content, cfg, self.templates)
        result = BuildResult(diagnostics=cfg_diags + prep.diagnostics, timings=dict(prep.timings))
        if result.errors:
            return result  # the last good site stays
        build_mod.write(prep, self.out, result, jobs=1)
        self.prep = prep
        self.articles = {a.path: a for a in prep.loaded}
        self.pending_slow = []
        return result

    def update(self, kinds: dict[str, list[str]]) -> BuildResult:
        """Rebuild after the changes in `kinds` (see generator.changes); errors keep the last good site."""
        if self.prep is None or any(k in kinds for k in (changes.TEMPLATE, changes.CONFIG, changes.STYLE)):
            return self.full()
        t0 = time.perf_counter()
        result = BuildResult()
        diags: list[Diagnostic] = result.diagnostics
        articles = dict(self.articles)
        registry = self.prep.registry
        keys: set[str] = set()
        relink = False
        patched: dict[str, Article] = {}
        for rel in kinds.get(changes.ARTICLE, []):
            path = self.content / Path(rel).relative_to("content")
            old = articles.get(str(path))
            if not path.exists():
                if old is not None:
                    del articles[str(path)]
                    keys |= {"articles", article_key(old.slug)} | entity_keys(old)
                    relink = True
                continue
            new, found = load_article(path)
            diags += found
            if new is None:
                continue
            articles[str(path)] = new
            if old is not None and structure(old) == structure(new):
                # Same place in the graph: patch it in. Lists show its title, lead and outlet.
                keys.add(article_key(new.slug))
                if summary(old) != summary(new):
                    keys.add("articles")
                patched[new.slug] = new
            else:
                keys |= {"articles", article_key(new.slug)} | entity_keys(new)
                keys |= ({article_key(old.slug)} | entity_keys(old)) if old is not None else set()
                relink = True
        if changes.REGISTRY in kinds:
            registry, found = load_registry(self.content / "data")
            diags += found
            keys |= registry_keys(self.prep.registry, registry)
            relink = True
        result.timings["load"] = time.perf_counter() - t0
        if result.errors:
            return result
        old_deps = {s.path: s.deps for s in self.prep.specs}
        if relink:
            prep = build_mod.prepare(self.content, self.prep.config, self.templates,
                                     articles=sorted(articles.values(), key=lambda a: a.path), registry=registry)
            diags += prep.diagnostics
            if result.errors:
                return result
            targets = affected(prep.specs, keys, old_deps)
        else:
            prep = self._patch(patched)
            targets = affected(prep.specs, keys)
        removed = sorted(old_deps.keys() - {s.path for s in prep.specs})
        fast = [s for s in targets if not _slow(s)]
        self.pending_slow = [s for s in prep.specs if _slow(s)]
        t1 = time.perf_counter()
        result.stats = self._write(prep, fast, diags)
        result.stats = WriteStats(result.stats.written, result.stats.kept, self._remove(removed))
        result.timings["render"] = time.perf_counter() - t1
        result.files = len(fast)
        self.prep, self.articles = prep, articles
        return result

    def finish_slow(self, should_stop=None) -> WriteStats | None:
        """Render the second lane (the search index) after the browsers were told to reload;
        None, with the work still pending, when should_stop() says a newer edit came in."""
        if not self.pending_slow or self.prep is None:
            return WriteStats()
        try:
            search.index_of(self.prep.site, should_stop)
        except search.Cancelled:
            return None
        specs, self.pending_slow = self.pending_slow, []
        return self._write(self.prep, specs, [])

    def _patch(self, patched: dict[str, Article]) -> Prepared:
        """The prepared site with changed article texts swapped in; links and pages stay the same."""
        prep = self.prep
        if not patched:
            return prep
        by_slug = dict(prep.archive.by_slug)
        for slug, new in patched.items():
            linked = by_slug.get(slug)
            if linked is not None:  # keep the resolved ids of the linked article
                by_slug[slug] = replace(new, leaders=linked.leaders, events=linked.events, agreements=linked.agreements)
        archive = replace(prep.archive, by_slug=by_slug,
                          articles=tuple(by_slug.get(a.slug, a) for a in prep.archive.articles))
        site = build_mod.Site(archive, prep.config, prep.site.static)
        loaded = tuple(patched.get(a.slug, a) for a in prep.loaded)
        return replace(prep, archive=archive, site=site, loaded=loaded)

    def _write(self, prep: Prepared, specs: list[PageSpec], diags: list[Diagnostic]) -> WriteStats:
        files = build_mod.render_files(prep.site, prep.env, specs, diags, {})
        return replace_files(self.out, files)

    def _remove(self, paths: list[str]) -> int:
        gone = 0
        for path in paths:
            target = self.out / check_path(path)
            if target.is_file():
                target.unlink()
                gone += 1
                folder = target.parent
                while folder != self.out and folder.is_dir() and not any(folder.iterdir()):
                    folder.rmdir()
                    folder = folder.parent
        return gone

