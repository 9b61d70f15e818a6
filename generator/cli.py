"""The command line: `import`, `build`, `serve` and `check`, each a thin shell over its module."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__

DESCRIPTION = """\
Build a public archive of Vietnam–Laos relations news as a static site.

  import   turn scraped pages in CONTENT/raw/ into articles in CONTENT/articles/
  build    write the whole site from CONTENT/ into OUT/ (default site/)
  serve    build, serve on 127.0.0.1 and rebuild + reload the browser on every change
  check    list what needs an editor: inferred dates, unknown names, broken ids, …
"""


def _content_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--content", type=Path, default=Path("content"), metavar="DIR",
                   help="content tree with raw/, articles/, data/ and site.yaml (default: content)")


def _templates_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--templates", type=Path, default=None, metavar="DIR",
                   help="Jinja templates and static/ folder to use (default: the generator's templates/)")


def parser() -> argparse.ArgumentParser:
    """The argument parser, with one sub-command per verb."""
    ap = argparse.ArgumentParser(prog="generator", description=DESCRIPTION,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--version", action="version", version=f"generator {__version__}")
    sub = ap.add_subparsers(dest="verb", required=True, metavar="VERB")

    p = sub.add_parser("import", help="import scraped pages into Markdown articles",
                       description="Import scraped pages (default: every file in CONTENT/raw/) into "
                       "CONTENT/articles/YYYY-MM-DD-slug.md, and add new leaders, events and agreements "
                       "to CONTENT/data/. Articles an editor has changed are left alone unless --force.")
    p.add_argument("raw", nargs="*", type=Path, metavar="RAW", help="raw page files (default: all of CONTENT/raw/)")
    _content_arg(p)
    p.add_argument("--force", action="store_true", help="overwrite articles even where an editor changed them")

    p = sub.add_parser("build", help="build the static site",
                       description="Build the whole site (pages, feeds, sitemap, open data, search index) "
                       "from CONTENT/ into OUT/, replacing OUT/ only when the build is complete.")
    _content_arg(p)
    p.add_argument("--out", type=Path, default=Path("site"), metavar="DIR", help="output folder (default: site)")
    p.add_argument("--base-url", metavar="URL", help="base URL, e.g. https://user.github.io/repo/ (default: site.yaml's base_url)")
    p.add_argument("--strict", action="store_true", help="exit non-zero on warnings too")
    p.add_argument("--jobs", type=int, default=None, metavar="N", help="render in N processes (default: one per CPU)")
    p.add_argument("--force", action="store_true", help="build even when nothing changed since the last build")
    _templates_arg(p)

    p = sub.add_parser("serve", help="preview the site with live reload",
                       description="Build the site, serve it on 127.0.0.1 and rebuild what changed whenever "
                       "CONTENT/ or templates/ change; open browser tabs reload by themselves.")
    _content_arg(p)
    p.add_argument("--out", type=Path, default=Path("site"), metavar="DIR", help="output folder (default: site)")
    p.add_argument("--port", type=int, default=8000, metavar="N", help="port (default: 8000; the next free one if taken)")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, this machine only)")
    p.add_argument("--open", action="store_true", help="open the site in a web browser")
    _templates_arg(p)

    p = sub.add_parser("check", help="list what needs an editor's attention",
                       description="Print, per article, what needs an editor: inferred dates, derived titles, "
                       "unknown names, articles with no leader or event, ids that resolve to nothing, likely "
                       "duplicates; and check the links of a built site.")
    _content_arg(p)
    p.add_argument("--site", type=Path, default=None, metavar="DIR", help="also check the links of this built site")
    p.add_argument("--strict", action="store_true", help="exit non-zero when anything needs attention")
    return ap


def main(argv: list[str] | None = None) -> int:
    """Run one verb; the exit status is 0 when it succeeded, 1 when something failed, 2 on bad usage."""
    args = parser().parse_args(argv)
    if args.verb == "import":
        from .store import import_command
        return import_command(args)
    if args.verb == "build":
        from .build import build_command
        return build_command(args)
    if args.verb == "serve":
        from .serve import serve_command
        return serve_command(args)
    if args.verb == "check":
        from .check import check_command
        return check_command(args)
    return 2


if __name__ == "__main__":
    sys.exit(main())
