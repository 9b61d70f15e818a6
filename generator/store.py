"""Writes imported articles and new registry entries into content/, never over an editor's work.

The importer records, per raw page, the article file it wrote and the SHA-256 of its bytes in
content/.import-state.json. A file whose bytes no longer match was changed by an editor and is
left alone (unless --force); a deleted one stays deleted. Every write is write-then-rename, so an
interrupted import leaves each file either old or new, never half written.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import frontmatter, registry
from .content import load_registry
from .importer import load_knowledge
from .model import Diagnostic, error
from .parallel import default_jobs
from .prepare import entities, prepare_all
from .registry import Registry
from .writer import write_new

STATE = ".import-state.json"


def atomic_write(path: Path | str, data: bytes, parent_made: bool = False) -> None:
    """Write bytes to path by writing a temporary file beside it and renaming it over the target
    (making its folder first, unless the caller knows it is there)."""
    # Names as strings: an import writes thousands of files, and path objects cost more than the writing.
    folder, name = os.path.split(os.fspath(path))
    if not parent_made:
        os.makedirs(folder or ".", exist_ok=True)
    # A temporary name of this process's own (mkstemp's random name, when it is taken), written with
    # os.write: a file object costs two more system calls.
    tmp = os.path.join(folder, f".{name}.{os.getpid()}.tmp")
    try:
        try:
            write_new(tmp, data, os.O_EXCL, 0o600)
        except FileExistsError:
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder or ".")
            os.close(fd)
            write_new(tmp, data)
        os.replace(tmp, path)  # atomic: a reader (or a killed import) sees the old or the new file
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def safe_name(name) -> bool:
    """True for a plain article file name ('2025-12-01-x.md'): no folder, not hidden, no NUL."""
    return (isinstance(name, str) and name.endswith(".md") and not name.startswith(".") and len(name) <= 200
            and "/" not in name and "\\" not in name and "\0" not in name)


def sha256(data: bytes) -> str:
    """Hex SHA-256 of bytes."""
    return hashlib.sha256(data).hexdigest()


@dataclass
class State:
    """What earlier imports wrote: raw name → {file, sha256}; ids of entities they created."""
    articles: dict[str, dict] = field(default_factory=dict)
    created: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> "State":
        if not path.exists():
            return cls()
        data = json.loads(path.read_text(encoding="utf-8"))
        articles = data.get("articles", {}) if isinstance(data, dict) else None
        created = data.get("created", {}) if isinstance(data, dict) else None
        if not isinstance(articles, dict) or not isinstance(created, dict):
            raise ValueError("expected {\"articles\": {…}, \"created\": {…}}")
        for raw, rec in articles.items():
            # The file name is joined to articles/: a name with a folder in it would write elsewhere.
            if not (isinstance(rec, dict) and safe_name(rec.get("file")) and isinstance(rec.get("sha256"), str)):
                raise ValueError(f"bad record for {raw!r}: expected {{file: NAME.md, sha256: HEX}}")
        return cls(dict(articles), {str(k): [str(i) for i in v] for k, v in created.items() if isinstance(v, list)})

    def dump(self) -> bytes:
        data = {"articles": dict(sorted(self.articles.items())),
                "created": {k: sorted(set(v)) for k, v in sorted(self.created.items())}}
        return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n").encode()


@dataclass
class Report:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[tuple[str, str]] = field(default_factory=list)   # (file, why it was left alone)
    forced: list[str] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    new_entities: dict[str, list[str]] = field(default_factory=dict)


def _add_entities(reg: Registry, ex, state: State) -> tuple[Registry, dict[str, list]]:
    """Add an extraction's new entities to the registry, minus ids an editor has since removed.

    The registry's maps are extended in place: the entity finder keeps lookup tables per map and
    grows them with the map, where a copy would make it rebuild them for every article."""
    added: dict[str, list] = {"leaders": [], "events": [], "agreements": []}
    for kind, new in (("leaders", ex.new_leaders), ("events", ex.new_events), ("agreements", ex.new_agreements)):
        known = getattr(reg, kind)
        for entity in new:
            if entity.id in known:
                continue
            if entity.id in state.created.get(kind, ()):  # created once, then removed by an editor
                continue
            known[entity.id] = entity
            added[kind].append(entity)
    return reg, added


def import_pages(content: Path, raws: list[Path], force: bool = False, log=print, jobs: int = 1) -> Report:
    """Import raw pages into content/articles and content/data; see the module docstring. With
    jobs > 1 (a caller without threads: processes are forked), many pages are prepared in that
    many processes ahead of storing them; the files written are the same."""
    articles_dir, data_dir = content / "articles", content / "data"
    state_path = content / STATE
    report = Report()
    # Preparing pages needs only the leaders: they are read first, and the pages are being prepared
    # (in other processes, for many) while the events and agreements are read.
    leaders, diags = load_registry(data_dir, ["leaders"], Registry())
    report.diagnostics += [d for d in diags if d.severity == "error"]
    # The importer weighs the terms of office of the leaders as loaded: the officials an import adds
    # have none, and a page prepared ahead must see the same leaders as one prepared in turn.
    know = load_knowledge(data_dir, dict(leaders.leaders))
    try:
        state = State.load(state_path)
    except (ValueError, UnicodeDecodeError) as exc:
        _reg, diags = load_registry(data_dir, ["events", "agreements"], leaders)
        report.diagnostics += [d for d in diags if d.severity == "error"]
        # Without its record the store cannot tell an editor's change from its own: stop.
        report.diagnostics.append(error(f"cannot read the import record ({exc}); repair it or delete it "
                                        "(edited articles are then kept, none is overwritten)", str(state_path),
                                        None, "import"))
        return report
    prepared = prepare_all(raws, know, leaders, jobs)
    reg, diags = load_registry(data_dir, ["events", "agreements"], leaders)  # reg.leaders is leaders.leaders
    report.diagnostics += [d for d in diags if d.severity == "error"]
    claimed = {v["file"]: k for k, v in state.articles.items()}
    appended: dict[str, list] = {"leaders": [], "events": [], "agreements": []}
    since = entities.LeadersSince() if entities is not None else None

    entries: dict[str, list[str]] = {"leaders": [], "events": [], "agreements": []}

    def add_entities(ex) -> None:
        _reg, added = _add_entities(reg, ex, state)
        for k, v in added.items():
            appended[k] += v
            # Written out now, while other processes prepare pages, rather than all at the end.
            entries[k] += [registry.append_text([entity]) for entity in v]
        if added["leaders"]:
            since.add(added["leaders"])
            entities.leaders_known(reg)  # grown page by page, as when each page is read in turn
            prepared.leaders_added(added["leaders"])

    start = time.perf_counter()
    on_disk = _Listing(articles_dir)
    articles_str = str(articles_dir)
    for n, (raw, prep) in enumerate(prepared, 1):
        article = prep.article
        report.diagnostics += prep.diagnostics
        if article is None:
            continue
        ex = None
        ids, review = ((), (), ()), article.review
        if prep.draft is not None:
            draft = prep.draft
            if prep.forms is not None and since.change(draft, *prep.forms, known=prep.known):
                # prepared ahead, and a leader added since may change its reading
                draft = entities.read(prep.whole_article(), reg)
            ex = entities.reconcile(draft, reg)
            ids, review = (ex.leaders, ex.events, ex.agreements), review + tuple(ex.review)
        # frontmatter.dump() of the article with its entities, from the parts prepared with the page
        text = b"".join((prep.head, frontmatter.entity_lines(*ids).encode("utf-8"), prep.raw_line,
                         frontmatter.review_lines(review).encode("utf-8"), b"---\n\n", prep.body.strip(b"\n"), b"\n"))
        previous = state.articles.get(raw.name)
        name = previous["file"] if previous else _free_name(article.slug, raw.name, claimed, on_disk, text)
        path = os.path.join(articles_str, name)
        if on_disk.exists(name):
            current = Path(path).read_bytes()
            if current == text:
                report.unchanged.append(name)
                claimed[name] = raw.name  # (a file taken again after a stopped import was no one's)
                state.articles[raw.name] = {"file": name, "sha256": sha256(text)}
                if ex is not None:
                    add_entities(ex)
                continue
            edited = previous is None or sha256(current) != previous["sha256"]
            if edited and not force:
                report.kept.append((path, "changed by an editor since it was imported"))
                continue
            if edited:
                report.forced.append(path)
        elif previous is not None and not force:
            report.kept.append((path, "deleted by an editor since it was imported"))
            continue
        if ex is not None:
            add_entities(ex)
        atomic_write(path, text, parent_made=bool(report.written))
        on_disk.wrote(name)
        claimed[name] = raw.name
        state.articles[raw.name] = {"file": name, "sha256": sha256(text)}
        report.written.append(name)
        if sys.stderr.isatty() and time.perf_counter() - start > 1 and n % 50 == 0:
            print(f"\rimport: {n}/{len(raws)}", end="", file=sys.stderr, flush=True)
    for kind, new in appended.items():
        if not new:
            continue
        path = data_dir / registry.FILES[kind]
        old = path.read_bytes() if path.exists() else b""
        sep = b"" if not old or old.endswith(b"\n\n") else (b"\n" if old.endswith(b"\n") else b"\n\n")
        atomic_write(path, old + sep + "".join(entries[kind]).encode("utf-8"))  # registry.append_text(new)
        state.created.setdefault(kind, []).extend(e.id for e in new)
        report.new_entities[kind] = [e.id for e in new]
    new_state = state.dump()
    if not state_path.exists() or state_path.read_bytes() != new_state:
        atomic_write(state_path, new_state)
    return report


def _free_name(slug: str, raw_name: str, claimed: dict[str, str], on_disk: "_Listing", text: bytes) -> str:
    """slug.md, or slug-2.md, … when another raw page's article (or an editor's file) has the name.
    A file no record claims that holds text already is this page's article, written by an import
    stopped before it could record it: taken again, not doubled by a slug-2.md."""
    for n in range(1, 1000):
        name = f"{slug}.md" if n == 1 else f"{slug}-{n}.md"
        owner = claimed.get(name)
        if owner == raw_name or (owner is None and (not on_disk.exists(name) or on_disk.holds(name, text))):
            return name
    raise RuntimeError(f"no free file name for {slug}")


class _Listing:
    """Which files a folder has: one listing when the import starts, and the files it wrote since.
    A name not listed needs no look on disk (for a new archive, none does: a stat per page and per
    name tried cost as much as reading the page); a listed one is still looked at, as it may have
    gone or be a dangling link."""

    def __init__(self, folder: Path):
        self.folder = folder
        try:
            self.names: set[str] | None = set(os.listdir(folder))
        except FileNotFoundError:  # a new archive: no file yet
            self.names = set()
        except OSError:  # not a folder, not readable: every name is looked at
            self.names = None

    def exists(self, name: str) -> bool:
        if self.names is not None and name not in self.names:
            return False
        return (self.folder / name).exists()

    def holds(self, name: str, data: bytes) -> bool:
        """Whether the file has exactly these bytes."""
        try:
            return (self.folder / name).read_bytes() == data
        except OSError:
            return False

    def wrote(self, name: str) -> None:
        if self.names is not None:
            self.names.add(name)


def raw_files(content: Path) -> list[Path]:
    """Every regular, non-hidden file in content/raw/, sorted by name."""
    raw_dir = content / "raw"
    if not raw_dir.is_dir():
        return []
    with os.scandir(raw_dir) as entries:  # an entry knows its type without a stat (a link is followed)
        names = sorted(e.name for e in entries if e.is_file() and not e.name.startswith("."))
    return [raw_dir / name for name in names]  # sorted as names: comparing paths costs more


def import_command(args) -> int:
    """`generator import`: import pages and print what was written, left alone and wrong."""
    raws = [Path(p) for p in args.raw] or raw_files(args.content)
    if not raws:
        print(f"import: no raw pages in {args.content / 'raw'}", file=sys.stderr)
        return 1
    missing = [p for p in raws if not p.is_file()] if args.raw else []  # raw_files() lists files only
    for p in missing:
        print(f"{p}: error: no such file", file=sys.stderr)
    t0 = time.perf_counter()
    gone = set(missing)
    found = [p for p in raws if p not in gone] if gone else raws
    report = import_pages(args.content, found, force=args.force, jobs=default_jobs())
    took = time.perf_counter() - t0
    for path, why in report.kept:
        print(f"{path}: left alone: {why} (use --force to overwrite)")
    for path in report.forced:
        print(f"{path}: overwritten (--force) although an editor had changed it")
    for d in report.diagnostics:
        print(d, file=sys.stderr)
    for kind, ids in sorted(report.new_entities.items()):
        print(f"import: added {len(ids)} new {kind} to content/data/{registry.FILES[kind]}: {', '.join(ids[:8])}"
              + (" …" if len(ids) > 8 else ""))
    errors = sum(d.severity == "error" for d in report.diagnostics) + len(missing)
    print(f"import: {len(raws)} page(s) in {took:.2f} s: {len(report.written)} written, "
          f"{len(report.unchanged)} unchanged, {len(report.kept)} left alone, {errors} failed")
    return 1 if errors else 0
