"""Whether a build can be skipped: the inputs' sizes and times, recorded beside the site it made.

A build that finished without errors writes `.<out>.inputs.json` next to the output folder (not in
it, so it is never deployed) with the size and modification time of every input: articles,
registry and settings, templates and the generator's own code, plus the settings given on the
command line. When the next build finds the same record and the same output folder, nothing can
have changed and it stops at once; any difference means a full build.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from . import __version__

PACKAGE = Path(__file__).resolve().parent


def _stats(root: Path, label: str, out: dict) -> None:
    if not root.exists():
        return
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
        for name in files:
            if name.startswith("."):
                continue
            path = os.path.join(folder, name)
            st = os.stat(path)
            out[f"{label}/{os.path.relpath(path, root)}"] = [st.st_mtime_ns, st.st_size]


def fingerprint(content: Path, templates: Path, settings: dict) -> dict:
    """Everything a build's output depends on, as sizes and times (no file is read)."""
    files: dict[str, list[int]] = {}
    for sub in ("articles", "data"):
        _stats(content / sub, f"content/{sub}", files)
    site_yaml = content / "site.yaml"
    if site_yaml.exists():
        st = site_yaml.stat()
        files["content/site.yaml"] = [st.st_mtime_ns, st.st_size]
    _stats(templates, "templates", files)
    _stats(PACKAGE, "generator", files)
    return {"version": __version__, "settings": settings, "files": files}


def record_path(out: Path) -> Path:
    """Where the record of the build that made `out` is kept."""
    out = Path(out).resolve()
    return out.with_name(f".{out.name}.inputs.json")


def _site_id(out: Path) -> list[int] | None:
    try:
        st = Path(out).stat()
    except OSError:
        return None
    return [st.st_ino, st.st_mtime_ns]


def unchanged(out: Path, current: dict) -> bool:
    """True when the last successful build into `out` had exactly these inputs and out is as it left it."""
    try:
        record = json.loads(record_path(out).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return record.get("site") == _site_id(out) and record.get("inputs") == current


def remember(out: Path, current: dict) -> None:
    """Record the inputs of a successful build into `out`."""
    path = record_path(out)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps({"site": _site_id(out), "inputs": current}), encoding="utf-8")
    os.replace(tmp, path)


def forget(out: Path) -> None:
    """Drop the record (a failed or partial build)."""
    record_path(out).unlink(missing_ok=True)
