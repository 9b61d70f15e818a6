"""Which edits need which rebuild: a pure function of the changed paths (the dev server's table)."""
from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

# What a changed file means, in the order a rebuild must handle it.
RAW = "raw"            # a scraped page: import it, then build
ARTICLE = "article"    # an article's Markdown: rebuild the pages that show it
REGISTRY = "registry"  # leaders/events/agreements.yaml: rebuild the entity pages and their links
IMPORTER = "importer"  # outlets.yaml / calendar.yaml: only future imports change; nothing to rebuild
CONFIG = "config"      # site.yaml: every page
TEMPLATE = "template"  # a Jinja template: every page that uses it (all, through the base template)
STYLE = "style"        # the stylesheet: one file, applied without a page reload

_REGISTRY_FILES = {"leaders.yaml", "events.yaml", "agreements.yaml"}
_IMPORTER_FILES = {"outlets.yaml", "calendar.yaml"}


def _ignored(name: str) -> bool:
    # Editors' swap and backup files, our own temporary files, and hidden state.
    return (name.startswith((".", "#")) or name.endswith(("~", ".swp", ".swx", ".tmp", ".part"))
            or name == "4913")  # vim's probe file


def change_kind(rel: str) -> str | None:
    """The kind of a change at `rel`: a path relative to the project as 'content/...' or
    'templates/...' (posix separators); None for files that do not affect the site."""
    p = PurePosixPath(rel)
    parts = p.parts
    if not parts or any(_ignored(part) for part in parts):
        return None
    if parts[0] == "templates":
        if p.suffix == ".css":
            return STYLE
        return TEMPLATE if p.suffix in (".html", ".xml", ".txt", ".js", ".json") or len(parts) > 2 else None
    if parts[0] != "content" or len(parts) < 2:
        return None
    if parts[1] == "site.yaml" and len(parts) == 2:
        return CONFIG
    if parts[1] == "raw" and len(parts) == 3:
        return RAW
    if parts[1] == "articles" and len(parts) == 3 and p.suffix == ".md":
        return ARTICLE
    if parts[1] == "data" and len(parts) == 3:
        if p.name in _REGISTRY_FILES:
            return REGISTRY
        if p.name in _IMPORTER_FILES:
            return IMPORTER
    return None


def classify(paths: list[str]) -> dict[str, list[str]]:
    """Group changed paths by kind (unknown and ignored paths dropped), each list sorted."""
    out: dict[str, list[str]] = {}
    for rel in sorted(set(paths)):
        kind = change_kind(rel)
        if kind:
            out.setdefault(kind, []).append(rel)
    return out


def needs_build(kinds: dict[str, list[str]]) -> bool:
    """True unless the only changes are importer knowledge (which affects future imports only)."""
    return any(k != IMPORTER for k in kinds)


def snapshot(roots: dict[str, Path]) -> dict[str, tuple[int, int]]:
    """{'content/articles/a.md': (mtime_ns, size)} for every file under the named roots."""
    out = {}
    for label, root in roots.items():
        if not root.exists():
            continue
        for folder, dirs, files in os.walk(root):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in files:
                full = os.path.join(folder, name)
                try:
                    st = os.stat(full)
                except OSError:
                    continue
                rel = os.path.relpath(full, root).replace(os.sep, "/")
                out[f"{label}/{rel}"] = (st.st_mtime_ns, st.st_size)
    return out


def diff(old: dict, new: dict) -> list[str]:
    """Paths added, removed or changed between two snapshots, sorted."""
    return sorted(k for k in old.keys() | new.keys() if old.get(k) != new.get(k))
