"""`check`: what needs an editor, per article file — review marks, unknown names, missing links, duplicates."""
from __future__ import annotations

import difflib
import importlib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from . import config, content, linker
from .model import Article, Diagnostic
from .registry import Registry
from .text import fold

_REVIEW_LABEL = {"date": "inferred date", "title": "derived title", "leaders": "unknown name",
                 "source": "unknown outlet"}


@dataclass(frozen=True)
class Finding:
    """One thing an editor should look at, in one file (line when known)."""
    file: str
    what: str
    line: int | None = None
    error: bool = False


def article_findings(articles: tuple[Article, ...], reg: Registry) -> list[Finding]:
    """Per article: its review marks, unknown names and new events it links, and no leader / no event."""
    out = []
    for a in articles:
        f = a.path or a.slug
        for r in a.review:
            out.append(Finding(f, f"{_REVIEW_LABEL.get(r.field, r.field)}: {r.reason}", a.lines.get(r.field)))
        for i in a.leaders:
            leader = reg.leaders.get(i)
            if leader is not None and leader.review:
                out.append(Finding(f, f"unknown name: {leader.name} ({i}) in leaders.yaml awaits review",
                                   a.lines.get("leaders")))
        for i in a.events:
            ev = reg.events.get(i)
            if ev is not None and ev.review:
                out.append(Finding(f, f"new event: {i} in events.yaml awaits review", a.lines.get("events")))
        if not a.leaders:
            out.append(Finding(f, "no leader", a.lines.get("leaders")))
        if not a.events:
            out.append(Finding(f, "no event", a.lines.get("events")))
    return out


def duplicates(articles: tuple[Article, ...], threshold: float = 0.9) -> list[Finding]:
    """Likely duplicate articles: one raw file imported twice, or one day and nearly the same title."""
    out = []
    by_raw: dict[str, list[Article]] = defaultdict(list)
    by_day: dict = defaultdict(list)
    for a in articles:
        if a.raw:
            by_raw[a.raw].append(a)
        by_day[a.date].append(a)
    seen = set()
    for raw, group in sorted(by_raw.items()):
        for a in group[1:]:
            seen.add((group[0].slug, a.slug))
            out += _pair(group[0], a, f"imported from the same raw file {raw}")
    for day in sorted(by_day):
        group = sorted(by_day[day], key=lambda a: a.slug)
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if (a.slug, b.slug) in seen:
                    continue
                ratio = difflib.SequenceMatcher(None, fold(a.title), fold(b.title)).ratio()
                if ratio >= threshold:
                    out += _pair(a, b, f"same day and a title {ratio:.0%} alike")
    return out


def _pair(a: Article, b: Article, why: str) -> list[Finding]:
    return [Finding(a.path or a.slug, f"likely duplicate of {b.slug}: {why}", a.lines.get("title")),
            Finding(b.path or b.slug, f"likely duplicate of {a.slug}: {why}", b.lines.get("title"))]


def from_diagnostics(diags: list[Diagnostic], fallback: str) -> list[Finding]:
    """Load and link diagnostics as findings; errors stay errors."""
    return [Finding(d.file or fallback, f"{d.step + ': ' if d.step else ''}{d.message}", d.line, d.severity == "error")
            for d in diags]


def report(findings: list[Finding]) -> str:
    """The findings grouped per file, files sorted, each line indented under its file."""
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_file[f.file].append(f)
    lines = []
    for file in sorted(by_file):
        lines.append(file)
        for f in sorted(set(by_file[file]), key=lambda f: (f.line or 0, not f.error, f.what)):
            where = f"{f.line}: " if f.line else ""
            lines.append(f"  {where}{'error: ' if f.error else ''}{f.what}")
    return "\n".join(lines)


def check_command(args) -> int:
    """Print what needs an editor; 1 on errors, or with --strict when anything is listed."""
    root: Path = args.content
    loaded = content.load(root)
    findings = from_diagnostics(list(loaded.diagnostics), str(root))
    _archive, link_diags = linker.link(loaded.articles, loaded.registry)
    findings += from_diagnostics(link_diags, str(root / "data"))
    findings += article_findings(loaded.articles, loaded.registry)
    findings += duplicates(loaded.articles)
    notes = []
    if getattr(args, "site", None):
        try:
            linkcheck = importlib.import_module(f"{__package__}.linkcheck")
        except ImportError:
            notes.append("note: the link checker (generator.linkcheck) is not available; --site skipped")
        else:
            cfg, cfg_diags = config.load(root)
            findings += from_diagnostics(cfg_diags, str(root / "site.yaml"))
            if not Path(args.site).is_dir():
                findings.append(Finding(str(args.site), "no built site here (run build first)", None, True))
            else:
                findings += from_diagnostics(linkcheck.check_site(Path(args.site), cfg.base_path, cfg.origin),
                                             str(args.site))
    text = report(findings)
    if text:
        print(text)
    for n in notes:
        print(n)
    errors = sum(f.error for f in findings)
    files = len({f.file for f in findings})
    print(f"check: {len(findings)} item(s) in {files} file(s), {errors} error(s); "
          f"{len(loaded.articles)} article(s) read")
    if errors:
        return 1
    return 1 if getattr(args, "strict", False) and findings else 0
