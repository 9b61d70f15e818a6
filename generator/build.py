"""`build`: load, link, render and write the whole site as named, timed steps, reporting as it goes."""
from __future__ import annotations

import functools
import gc
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import jinja2
import jinja2.meta

from . import config as config_mod
from . import content as content_mod
from . import linker, search_build, uptodate, writer
from .config import SiteConfig
from .model import Diagnostic, error
from .parallel import default_jobs, fork_imap
from .render import TEMPLATES, environment, lists, page_specs, read_static, render_page, search
from .render import urls as U
from .render.spec import PageSpec
from .render.views import Reads, Site

STEPS = ("load", "link", "render", "write")


@dataclass
class BuildResult:
    """What a build did: files produced and written, seconds per step, every diagnostic."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: int = 0
    stats: writer.WriteStats = field(default_factory=writer.WriteStats)
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity != "error"]

    def failed(self, strict: bool = False) -> bool:
        """True when the build should exit non-zero."""
        return bool(self.errors or (strict and self.warnings))


class _Progress:
    """'render 1234/15000' on a terminal, once the build has taken more than a moment."""

    def __init__(self, label: str, total: int, stream=None, delay: float = 0.8):
        self.label, self.total, self.stream = label, total, stream or sys.stderr
        self.start, self.delay, self.shown = time.perf_counter(), delay, False
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()

    def __call__(self, n: int) -> None:
        if self.tty and time.perf_counter() - self.start > self.delay:
            self.stream.write(f"\r  {self.label} {n}/{self.total}")
            self.stream.flush()
            self.shown = True

    def done(self) -> None:
        if self.shown:
            self.stream.write("\r" + " " * 40 + "\r")
            self.stream.flush()


# The dev server checks the whole archive again after every relink: each slug once.
_safe_slug = functools.lru_cache(maxsize=1 << 17)(U.safe_segment)


def _safe_articles(archive: linker.Archive, diags: list[Diagnostic]) -> linker.Archive:
    """Drop articles whose slug cannot be a folder name, so no file name from content escapes site/."""
    bad = [a for a in archive.articles if not _safe_slug(a.slug)]
    if not bad:
        return archive
    for a in bad:
        diags.append(error(f"file name {a.slug!r} cannot be a web address: use a-z, 0-9 and '-' only",
                           a.path, None, "render"))
    from .registry import Registry  # the graph is rebuilt without them so no page links to them
    keep = tuple(a for a in archive.articles if _safe_slug(a.slug))
    reg = Registry(archive.leaders, archive.events, archive.agreements)
    return linker.link(keep, reg)[0]


def _template_errors(env: jinja2.Environment, specs: list[PageSpec], templates_dir: Path) -> tuple[set[str], list[Diagnostic]]:
    """Compile every page template and every template it extends, includes or imports; the page
    templates that cannot work, and one error per broken or missing template with its file and line."""
    problems: dict[str, Diagnostic] = {}   # broken template → its error, reported once
    closure: dict[str, set[str]] = {}      # template → every template it needs, itself included

    def needs(name: str) -> set[str]:
        if name in closure:
            return closure[name]
        closure[name] = {name}
        try:
            source, filename, _ = env.loader.get_source(env, name)
            refs = jinja2.meta.find_referenced_templates(env.parse(source, name, filename))
            env.get_template(name)
        except jinja2.TemplateSyntaxError as exc:
            problems.setdefault(name, error(f"template syntax error: {exc.message}",
                                            exc.filename or str(templates_dir / name), exc.lineno, "render"))
            return closure[name]
        except jinja2.TemplateNotFound:
            problems.setdefault(name, error(f"template not found: {name}", str(templates_dir / name), None, "render"))
            return closure[name]
        for ref in refs:
            if ref:  # None: a name computed at render time, checked when it is rendered
                closure[name] |= needs(ref)
        return closure[name]

    pages = sorted({s.template for s in specs if s.template})
    bad = {name for name in pages if needs(name) & problems.keys()}
    return bad, [problems[n] for n in sorted(problems)]


def _where(site: Site, spec: PageSpec) -> str:
    """The content file a page comes from (the article's file), else the output path."""
    if spec.template == "article.html" and spec.args and spec.args[0] in site.archive.by_slug:
        return site.archive.by_slug[spec.args[0]].path or spec.path
    return spec.path


def render_files(site: Site, env: jinja2.Environment, specs: list[PageSpec], diags: list[Diagnostic],
                 timer: dict[str, float], progress=None, reads: dict[str, Reads] | None = None) -> Iterator[tuple[str, bytes]]:
    """Render each spec lazily (the writer consumes as it goes); a failing page is reported and skipped.
    With `reads`, what each page read from the archive is recorded there by path."""
    for n, spec in enumerate(specs, 1):
        t = time.perf_counter()
        try:
            record = None
            if reads is not None:
                record = reads[spec.path] = Reads()
            data = render_page(env, site, spec, record)
        except Exception as exc:  # a page's failure must not stop the others; it is reported
            line = None
            if isinstance(exc, jinja2.TemplateError):
                line = getattr(exc, "lineno", None)
            diags.append(error(f"cannot render {spec.path}: {type(exc).__name__}: {exc}", _where(site, spec), line, "render"))
            data = None
            if reads is not None:
                del reads[spec.path]  # nothing was shown: the caller tries it again later
        timer["render"] = timer.get("render", 0.0) + time.perf_counter() - t
        if progress:
            progress(n)
        if data is not None:
            yield spec.path, data


PAGES_PER_TASK = 200  # pages a process renders before it asks for more work
PARALLEL_MIN = 400  # files below which forking costs more than it saves


def _render_and_write(site: Site, env: jinja2.Environment, specs: list[PageSpec], stage: Path, out_dir: Path,
                      jobs: int, stream=None, reads: dict[str, Reads] | None = None, index=None
                      ) -> tuple[int, int, list[str], list[Diagnostic], float]:
    """Render the specs and write them into stage, in `jobs` processes; with `reads`, what each
    page read is recorded there (the processes send it back).

    The work is cut into tasks that the processes take as they become free: runs of the search
    index first (the longest), then PAGES_PER_TASK pages at a time, so no process waits for
    another that drew the costly pages; last, the joins of the index's shards, a group at a time
    (search_build.py); this process writes entities.json last. With `index` (the dev server's: a
    function giving every file of the index), that is written instead, in this process."""
    pages = [s for s in specs if not s.batch]
    indexed = any(s.batch for s in specs) and index is None
    jobs = jobs if len(specs) >= PARALLEL_MIN else 1
    shards = search.shard_count(site) if indexed else 0
    runs = search_build.runs(len(site.archive.articles)) if indexed else []
    groups = search_build.groups(shards) if indexed else 0
    diags: list[Diagnostic] = []
    totals = [0, 0, []]  # written, kept, paths
    digests: dict[str, str] = {}
    t0 = time.perf_counter()

    def add(written: int, kept: int, paths: list[str], more: dict | None = None) -> None:
        totals[0] += written
        totals[1] += kept
        totals[2] += paths
        digests.update(more or {})

    with tempfile.TemporaryDirectory(prefix=".search-", dir=stage.parent) as tmp:
        folder = Path(tmp)

        def work(task: tuple[str, int]):
            kind, i = task
            found: list[Diagnostic] = []
            t, timer = time.perf_counter(), {"render": 0.0}
            if kind == "pages":
                mine = None if reads is None else {}
                files = render_files(site, env, pages[i: i + PAGES_PER_TASK], found, timer, None, mine)
                result = writer.write_files(stage, out_dir, files) + ({},)
                return kind, i, result, found, timer["render"], time.perf_counter() - t, mine
            try:
                if kind == "index":
                    result = search_build.index_run(site, i, runs[i], shards, groups, stage, out_dir, folder)
                else:
                    result = search_build.join_group(i, groups, len(runs), shards, stage, out_dir, folder)
            except Exception as exc:  # reported once; the rest of the site is still written
                found.append(error(f"cannot build the search index: {type(exc).__name__}: {exc}",
                                   search.INDEX, None, "render"))
                result = None
            return kind, i, result or (0, 0, [], {}), found, time.perf_counter() - t, time.perf_counter() - t, None

        # Index runs first; then the pages from the end of the list, so the few large files (open
        # data, sitemaps) are made while the processes are still small; the joins of the index's
        # shard groups last, when every run they wait for is done (none waits), in small tasks
        # that end the build evenly on every process.
        page_tasks = [("pages", i) for i in reversed(range(0, len(pages), PAGES_PER_TASK))]
        joins = [("join", g) for g in range(groups)]
        tasks = [("index", i) for i in range(len(runs))] + page_tasks + joins
        progress, done, rendering, busy = _Progress("render", len(pages), stream), 0, 0.0, 0.0
        for kind, i, result, found, seconds, total, mine in fork_imap(work, tasks, jobs, chunksize=1):
            if index is not None and not index.started:
                index.start()  # the processes are running: no fork comes after this
            add(*result)
            diags += found
            if mine:
                reads.update(mine)
            rendering, busy = rendering + seconds, busy + total
            if kind == "pages":
                done += len(pages[i: i + PAGES_PER_TASK])
                progress(done)
        progress.done()
        if indexed and not any(d.file == search.INDEX for d in diags):
            add(*search_build.write_entities(site, shards, digests, stage, out_dir))
    if index is not None and any(s.batch for s in specs):
        t = time.perf_counter()
        if not index.started:
            index.start()
        add(*search_build.write_hashed(stage, out_dir, index.files()))
        rendering, busy = rendering + time.perf_counter() - t, busy + time.perf_counter() - t
    # The step's time, shared between rendering and writing as the processes spent theirs.
    return totals[0], totals[1], totals[2], diags, (time.perf_counter() - t0) * rendering / max(busy, 1e-9)


@dataclass
class Prepared:
    """Everything a render needs, linked and checked: the dev server keeps one between edits."""
    content_dir: Path
    config: SiteConfig
    templates_dir: Path
    registry: object
    archive: linker.Archive
    site: Site
    env: jinja2.Environment
    specs: list[PageSpec]
    diagnostics: list[Diagnostic]
    timings: dict[str, float]
    loaded: tuple = ()  # the articles as read, before linking (the dev server patches these)
    template_errors: bool = False  # some template could not be compiled (its pages are left out)
    checked: dict = field(default_factory=dict)  # page template → whether it (and all it needs) compiles


def prepare(content_dir: Path, config: SiteConfig, templates_dir: Path = TEMPLATES, articles=None,
            registry=None, reuse: Prepared | None = None, linked=None, jobs: int = 1) -> Prepared:
    """Load (unless articles and registry are given), link (unless `linked` gives the archive and
    its diagnostics), list the pages and compile templates.

    With `reuse` (the dev server after a content edit: templates unchanged), its compiled
    templates and static files are used again, and only templates not seen before are checked."""
    diags: list[Diagnostic] = []
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    if articles is None or registry is None:
        loaded = content_mod.load(Path(content_dir), bodies=False, jobs=jobs)
        diags += loaded.diagnostics
        articles, registry = loaded.articles, loaded.registry
    static = reuse.site.static if reuse else read_static(Path(templates_dir))
    timings["load"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    archive, found = linked or linker.link(tuple(articles), registry)
    diags += found
    archive = _safe_articles(archive, diags)
    timings["link"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    site = Site(archive, config, static)
    if reuse:
        lists.carry(reuse.site, site)
    env = reuse.env if reuse else environment(Path(templates_dir))
    specs = page_specs(site)
    checked = dict(reuse.checked) if reuse else {}
    new = [s for s in specs if s.template and s.template not in checked]
    bad, found = _template_errors(env, new, Path(templates_dir))
    diags += found
    checked.update({s.template: s.template not in bad for s in new})
    specs = [s for s in specs if not s.template or checked[s.template]]
    timings["render"] = time.perf_counter() - t0
    return Prepared(Path(content_dir), config, Path(templates_dir), registry, archive, site, env, specs, diags,
                    timings, tuple(articles), bool(found) or bool(reuse and reuse.template_errors), checked)


def write(prep: Prepared, out_dir: Path, result: BuildResult, jobs: int | None = None, stream=None,
          reads: dict[str, Reads] | None = None, index=None) -> None:
    """Render every page of a prepared site into a staging folder and swap it in for out_dir;
    with `reads`, in this process, recording what each page read (the dev server keeps it)."""
    diags = result.diagnostics
    t0 = time.perf_counter()
    out_dir = Path(out_dir)
    try:
        duplicate = next((p for p, n in Counter(s.path for s in prep.specs).items() if n > 1), None)
        if duplicate:
            raise writer.UnsafePath(f"two files of the site would be written to {duplicate}")
        stage = writer.begin(out_dir)
        try:
            written, kept, paths, found, render_time = _render_and_write(
                prep.site, prep.env, prep.specs, stage, out_dir, jobs or default_jobs(), stream, reads, index)
        except BaseException:
            writer.abort(stage)
            raise
        diags += sorted(found, key=lambda d: (d.file or "", d.line or 0, d.message))
        result.stats = writer.WriteStats(written, kept, writer.commit(stage, out_dir, paths))
    except writer.UnsafePath as exc:
        diags.append(error(str(exc), str(out_dir), None, "write"))
        render_time = 0.0
    except OSError as exc:  # a full disk, a read-only folder: the previous site is kept
        diags.append(error(f"cannot write the site: {exc.strerror or exc} ({exc.filename or out_dir})",
                           str(out_dir), None, "write"))
        render_time = 0.0
    total = time.perf_counter() - t0
    result.timings["render"] = result.timings.get("render", 0.0) + render_time
    result.timings["write"] = max(0.0, total - render_time)
    result.files = result.stats.written + result.stats.kept


def build(content_dir: Path, out_dir: Path, config: SiteConfig, templates_dir: Path = TEMPLATES,
          stream=None, keep_last_good: bool = False, jobs: int | None = None) -> BuildResult:
    """Build the whole site from content_dir into out_dir (swapped in only when complete).

    With keep_last_good (the dev server), content or template errors leave out_dir as it was
    instead of writing a site without the broken pages. `jobs` processes render (default: one
    per CPU); the output is the same for any number."""
    prep = prepare(content_dir, config, templates_dir, jobs=jobs or default_jobs())
    # The archive lives until the end: exempt it from collections, which would scan it again and
    # again, and in forked workers would copy the pages it is on (gc.freeze's documented use).
    gc.freeze()
    result = BuildResult(diagnostics=prep.diagnostics, timings=dict(prep.timings))
    if keep_last_good and result.errors:
        return result
    if prep.template_errors and not {"index.html", "404.html"} <= {s.path for s in prep.specs}:
        # A broken page template leaves its pages out and the rest is built; but when the home or
        # the 404 page cannot be rendered (a missing or broken base template: every page), the
        # previous site stays, whole, until the templates are fixed.
        return result
    write(prep, out_dir, result, jobs, stream)
    return result


def report(result: BuildResult, out_dir: Path, stream=None) -> None:
    """Print what the build did: files, time per step, then every warning and error."""
    out = stream or sys.stderr
    s = result.stats
    total = sum(result.timings.values())
    out.write(f"build: {result.files} files in {out_dir} ({s.written} written, {s.kept} unchanged, "
              f"{s.removed} removed) in {total:.2f} s\n")
    out.write("  " + " · ".join(f"{k} {result.timings.get(k, 0.0):.2f} s" for k in STEPS) + "\n")
    for d in sorted(result.diagnostics, key=lambda d: (d.severity != "error", d.file or "", d.line or 0, d.message)):
        out.write(f"  {d}\n")
    if result.diagnostics:
        out.write(f"{len(result.errors)} error(s), {len(result.warnings)} warning(s)\n")


def build_command(args) -> int:
    """The `build` verb: load settings (CLI flags win), build, report; 1 on errors (or warnings with --strict).

    When nothing the site is made from has changed since the last successful build into the same
    folder, it says so and stops (unless --force)."""
    templates = Path(args.templates) if getattr(args, "templates", None) else TEMPLATES
    inputs = uptodate.fingerprint(Path(args.content), templates, {"base_url": args.base_url,
                                                                  "templates": str(templates.resolve())})
    if not getattr(args, "force", False) and uptodate.unchanged(Path(args.out), inputs):
        print(f"build: nothing changed since the last build of {args.out}", file=sys.stderr)
        return 0
    cfg, diags = config_mod.load(args.content, base_url=args.base_url)
    result = build(args.content, args.out, cfg, templates, jobs=getattr(args, "jobs", None))
    result.diagnostics[:0] = diags
    report(result, args.out)
    if result.errors or result.warnings:
        uptodate.forget(Path(args.out))  # so the next build reports them again
    else:
        uptodate.remember(Path(args.out), inputs)
    return 1 if result.failed(getattr(args, "strict", False)) else 0
