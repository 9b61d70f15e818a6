"""Render: Archive + SiteConfig → (path in site, bytes), pure and deterministic, one page spec at a time."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

import jinja2
import jinja2.compiler
import markupsafe

from ..config import SiteConfig
from ..linker import Archive
from . import agreements, api, articles, events, feeds, leaders, pages, search, sitemap
from .spec import PageSpec
from .views import Reads, Site

__all__ = ["PageSpec", "Reads", "Site", "environment", "page_specs", "render", "render_page", "TEMPLATES"]

# The repository's templates/ (next to the package); a non-editable install run from the
# repository falls back to ./templates.
TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
if not TEMPLATES.is_dir():
    TEMPLATES = Path("templates").resolve()


# markupsafe.escape's C core (markupsafe 3): the text escaped, as a str.
_escape_text = getattr(markupsafe, "_escape_inner", None) or (lambda text: str(markupsafe.escape(text)))


def _escape_output(value) -> str:
    """What markupsafe.escape(value) holds, without making it a Markup: a template's output is
    only joined, never escaped again, and Markup's constructor (in Python) cost more than the
    escaping itself, a hundred times a page."""
    if type(value) is str:
        return _escape_text(value)
    html = getattr(value, "__html__", None)  # a macro's Markup, a value marked safe
    return html() if html is not None else _escape_text(str(value))


class _CodeGenerator(jinja2.compiler.CodeGenerator):
    """Templates compiled to write each {{ value }} through _escape_output."""

    def _output_child_pre(self, node, frame, finalize) -> None:
        if frame.eval_ctx.autoescape and not frame.eval_ctx.volatile:
            self.write("environment.escape_output(")
            if finalize.src is not None:
                self.write(finalize.src)
        else:
            super()._output_child_pre(node, frame, finalize)


class _Environment(jinja2.Environment):
    """Views are dicts: `page.title` looks the key up first. Jinja's own order (the attribute,
    then the key) raises and catches an AttributeError for every field a template shows, which
    was a third of the time spent in templates. No template calls a dict's methods."""

    code_generator_class = _CodeGenerator
    escape_output = staticmethod(_escape_output)

    def getattr(self, obj, attribute):
        if type(obj) is dict:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


def environment(templates_dir: Path) -> jinja2.Environment:
    """The one Jinja environment of a build: autoescape everywhere, undefined names are errors."""
    env = _Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)), autoescape=True, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, auto_reload=False,
    )
    return env


def read_static(templates_dir: Path) -> dict[str, bytes]:
    """templates/static/* by file name (the stylesheet), read once per build."""
    folder = templates_dir / "static"
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()} if folder.is_dir() else {}


# Each part's specs from the last listing, with what they were made from: the dev server lists the
# pages after every edit that relinks, and at 10,000 articles most parts are the same as before.
_LAST_SPECS: dict[str, tuple] = {}


def _part(name: str, key, make) -> list[PageSpec]:
    hit = _LAST_SPECS.get(name)
    if hit is not None and hit[0] == key:
        return hit[1]
    specs = make()
    _LAST_SPECS[name] = (key, specs)
    return specs


def page_specs(site: Site) -> list[PageSpec]:
    """Every file of the site as a spec, in a fixed order (pages, then feeds, open data, search index, sitemap)."""
    arc, per = site.archive, site.config.per_page
    counts = lambda table: tuple((i, len(table.get(i, ()))) for i in table)  # noqa: E731
    parts = [
        _part("pages", (per, tuple((y, len(site.list(f"year:{y}"))) for y in site.list("years"))),
              lambda: pages.specs(site)),
        _part("articles", (per, site.list("articles")), lambda: articles.specs(site)),
        _part("leaders", (per, tuple(arc.leaders), counts(arc.leader_articles)), lambda: leaders.specs(site)),
        _part("events", (per, tuple(arc.events), counts(arc.event_articles)), lambda: events.specs(site)),
        _part("agreements", (per, tuple(arc.agreements), counts(arc.agreement_articles)),
              lambda: agreements.specs(site)),
    ]
    html = [spec for part in parts for spec in part]
    dates = tuple(a.date for a in arc.articles)
    return html + feeds.specs(site) + api.specs(site) + search.specs(site) + _part(
        "sitemap", (tuple(map(id, parts)), site.list("articles"), dates, tuple(site.static)),
        lambda: sitemap.specs(site, parts, dates))


def render_page(env: jinja2.Environment, site: Site, spec: PageSpec, reads: Reads | None = None) -> bytes:
    """One file's bytes (raises what the template or view raises); with `reads`, what the page
    read from the archive is recorded there."""
    site.reads = reads
    try:
        view = spec.build(site, *spec.args)
    finally:
        site.reads = None
    if spec.template is None:
        return view
    return env.get_template(spec.template).render(view).encode("utf-8")


def render(archive: Archive, config: SiteConfig, templates_dir: Path = TEMPLATES) -> Iterator[tuple[str, bytes]]:
    """Every file of the site, in spec order (stops at the first error; build() reports and goes on)."""
    site = Site(archive, config, read_static(templates_dir))
    env = environment(templates_dir)
    for spec in page_specs(site):
        yield spec.path, render_page(env, site, spec)
