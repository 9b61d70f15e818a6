"""The dev server's builds: one full build, then after each edit only the pages the edit touches.

Every page records what it read from the archive while it is rendered (render.views.Reads). An
edit is turned into what it changed: keys of articles and entities, and the archive's lists
before and after; generator.affected matches those against the pages' records, and only those
pages (plus pages that appear, or whose arguments change) are rendered again, then written file
by file (each by write-then-rename; unchanged bytes are not written). A change to an article that
keeps its place in the graph (its date and entities) is patched into the linked archive without
relinking. Templates, settings and the stylesheet rebuild everything. The search index, which
every article feeds, is rendered in a second lane after the browsers have been told to reload.
"""
from __future__ import annotations

import gc
import threading
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import build as build_mod
from . import changes
from . import config as config_mod
from . import linker
from .affected import LINKS, Dependencies, article_keys, registry_keys
from .build import BuildResult, Prepared
from .content import load_article, load_registry
from .model import Article, Diagnostic
from .render import api, search
from .render.lists import changed as changed_lists
from .parallel import default_jobs
from .render.search_live import Building, LiveIndex
from .render.spec import PageSpec
from .render.views import Reads
from .writer import WriteStats, check_path, replace_files

# What places an article in the graph: a change here relinks; any other field is patched in.
_STRUCTURE = ("slug", "date", "leaders", "events", "agreements")


def structure(a: Article) -> tuple:
    """Where an article sits in the graph: its address, its date and the entities it names."""
    return tuple(getattr(a, f) for f in _STRUCTURE)


def _settle() -> None:
    """Collect, then exempt what the session keeps (the archive, every page's reads: millions of
    objects at 10,000 articles) from later collections, which otherwise scan it all again every
    few thousand allocations and made an edit's rebuild several times slower."""
    gc.collect()
    gc.freeze()


def _slow(spec: PageSpec) -> bool:
    return spec.batch is not None


@dataclass
class Session:
    """What the dev server keeps between edits."""
    content: Path
    out: Path
    templates: Path
    prep: Prepared | None = None
    articles: dict[str, Article] = field(default_factory=dict)  # by file path, as loaded
    pending_slow: list[PageSpec] = field(default_factory=list)
    deps: Dependencies = field(default_factory=Dependencies)
    dirty: set[str] = field(default_factory=set)  # pages that failed to render: tried again next time
    pending: dict[str, list[str]] = field(default_factory=dict)  # changes a failed rebuild did not apply
    index: LiveIndex | None = None  # the search index, updated in the second lane
    jobs: int | None = None  # processes for a full build (default: see full())

    def full(self) -> BuildResult:
        """Load and build everything (the first build, and after template or settings changes).

        In forked processes, one per CPU, while this process has no other thread (the server's
        first build): forking beside threads that may hold locks can hang the children."""
        jobs = self.jobs or (default_jobs() if threading.active_count() == 1 else 1)
        cfg, cfg_diags = config_mod.load(self.content)
        prep = build_mod.prepare(self.content, cfg, self.templates, jobs=jobs)
        result = BuildResult(diagnostics=cfg_diags + prep.diagnostics, timings=dict(prep.timings))
        if result.errors:
            return result  # the last good site stays
        gc.freeze()  # as build() does: the children need not scan, nor copy, the archive
        reads: dict[str, Reads] = {}
        index = Building(prep.site)
        prep.site.memo = {}
        build_mod.write(prep, self.out, result, jobs=jobs, reads=reads, index=index)
        self.index = index.index
        self.prep = prep
        self.articles = {a.path: a for a in prep.loaded}
        self.pending_slow = []
        self.deps, self.dirty, self.pending = Dependencies(), set(), {}
        self._remember(prep.specs, reads)
        if not result.errors:
            api.keep_lines(prep.site)
        _settle()
        return result

    def update(self, kinds: dict[str, list[str]]) -> BuildResult:
        """Rebuild after the changes in `kinds` (see generator.changes); errors keep the last good site,
        and the changes stay pending, so the next rebuild reads those files again and reports them
        until they are fixed."""
        kinds = {k: sorted(set(self.pending.get(k, [])) | set(kinds.get(k, []))) for k in self.pending.keys() | kinds.keys()}
        self.pending = kinds
        result = self._update(kinds)
        if not result.errors:
            self.pending = {}
        _settle()
        return result

    def _update(self, kinds: dict[str, list[str]]) -> BuildResult:
        if self.prep is None or any(k in kinds for k in (changes.TEMPLATE, changes.CONFIG, changes.STYLE)):
            return self.full()
        t0 = time.perf_counter()
        result = BuildResult()
        diags: list[Diagnostic] = result.diagnostics
        articles = dict(self.articles)
        registry = self.prep.registry
        relink = False
        edited: dict[str, tuple[Article | None, Article | None]] = {}  # path → (before, after)
        for rel in kinds.get(changes.ARTICLE, []):
            path = self.content / Path(rel).relative_to("content")
            old = articles.get(str(path))
            if not path.exists():
                if old is not None:
                    del articles[str(path)]
                    edited[str(path)] = (old, None)
                    relink = True
                continue
            new, found = load_article(path)
            diags += found
            if new is None:
                continue
            articles[str(path)] = new
            edited[str(path)] = (old, new)
            if old is None or structure(old) != structure(new):
                relink = True
        if changes.REGISTRY in kinds:
            named = {Path(rel).stem for rel in kinds[changes.REGISTRY]}  # only the files that changed
            registry, found = load_registry(self.content / "data", named, registry)
            diags += found
            relink = True
        result.timings["load"] = time.perf_counter() - t0
        if result.errors:
            return result
        old_prep = self.prep
        if relink:
            changed = {}
            for was, now in edited.values():
                if was is not None:
                    changed.setdefault(was.slug, None)
                if now is not None:
                    changed[now.slug] = now
            prep = build_mod.prepare(self.content, old_prep.config, self.templates,
                                     articles=sorted(articles.values(), key=lambda a: a.path), registry=registry,
                                     reuse=old_prep, linked=linker.relink(old_prep.archive, old_prep.registry, registry, changed))
            diags += prep.diagnostics
            if result.errors:
                return result
        else:
            prep = self._patch({new.slug: new for _old, new in edited.values()})
        prep.site.memo = old_prep.site.memo
        t1 = time.perf_counter()
        targets = self._targets(old_prep, prep, edited, relink)
        removed = sorted({s.path for s in old_prep.specs} - {s.path for s in prep.specs})
        fast = [s for s in prep.specs if s.path in targets and not _slow(s)]
        self.pending_slow = [s for s in prep.specs if _slow(s)]
        result.timings["link"] = t1 - t0 - result.timings["load"]
        result.stats = self._write(prep, fast, diags)
        result.stats = WriteStats(result.stats.written, result.stats.kept, self._remove(removed))
        result.timings["render"] = time.perf_counter() - t1
        result.files = len(fast)
        self.prep, self.articles = prep, articles
        return result

    def _targets(self, old: Prepared, new: Prepared, edited: dict, relinked: bool) -> set[str]:
        """Paths of the pages an edit touches: what they read changed, or they are new, or their
        arguments changed, or they failed to render last time."""
        before, after = old.archive.by_slug, new.archive.by_slug
        keys: set[str] = set()
        for was, now in edited.values():  # compared as linked (ids resolved)
            slugs = {a.slug for a in (was, now) if a is not None}
            for slug in slugs:
                keys |= article_keys(before.get(slug), after.get(slug))
        lists = {}
        if relinked:
            # Relinking may change the ids of articles nobody edited (a leader left the registry).
            keys |= {"links:" + a.slug for a in new.archive.articles if before.get(a.slug) not in (a, None)
                     and any(getattr(a, f) != getattr(before[a.slug], f) for f in LINKS)}
            if new.registry is not old.registry:
                keys |= registry_keys(old.archive, new.archive)
            lists = changed_lists(old.site, new.site)
        targets = self.deps.affected(keys, lists) | self.dirty
        specs_before = {s.path: (s.template, s.args) for s in old.specs}
        targets |= {s.path for s in new.specs if specs_before.get(s.path) != (s.template, s.args)}
        return targets

    def finish_slow(self, should_stop=None) -> WriteStats | None:
        """Render the second lane (the search index) after the browsers were told to reload;
        None, with the work still pending, when should_stop() says a newer edit came in."""
        if not self.pending_slow or self.prep is None:
            return WriteStats()
        files = self.index.update(self.prep.site) if self.index is not None else None
        if files is None:  # the documents' order changed: every posting is renumbered
            try:
                self.index = LiveIndex(self.prep.site, should_stop)
            except search.Cancelled:
                self.index = None
                return None
            files = self.index.files()
        self.pending_slow = []
        return replace_files(self.out, ((search.INDEX + name, data) for name, data in files.items()))

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
        site._lists.update(prep.site._lists)  # same places, same lists
        loaded = tuple(patched.get(a.slug, a) for a in prep.loaded)
        return replace(prep, archive=archive, site=site, loaded=loaded)

    def _write(self, prep: Prepared, specs: list[PageSpec], diags: list[Diagnostic]) -> WriteStats:
        reads: dict[str, Reads] = {}
        stats = replace_files(self.out, build_mod.render_files(prep.site, prep.env, specs, diags, {}, reads=reads))
        self._remember(specs, reads)
        return stats

    def _remember(self, specs: list[PageSpec], reads: dict[str, Reads]) -> None:
        """Keep what rendered pages read; a page that failed is tried again after the next edit."""
        for spec in specs:
            if spec.batch is not None:
                continue
            if spec.path in reads:
                self.dirty.discard(spec.path)
                self.deps.record(spec.path, reads[spec.path])
            else:
                self.dirty.add(spec.path)

    def _remove(self, paths: list[str]) -> int:
        gone = 0
        for path in paths:
            self.deps.forget(path)
            self.dirty.discard(path)
            target = self.out / check_path(path)
            if target.is_file():
                target.unlink()
                gone += 1
                folder = target.parent
                while folder != self.out and folder.is_dir() and not any(folder.iterdir()):
                    folder.rmdir()
                    folder = folder.parent
        return gone

