"""Writes a built site into a staging folder and swaps it in for site/ only when it is complete.

A killed or failed build leaves the previous site/ untouched (the half-written staging folder is
removed by the next build). A file whose bytes did not change is not rewritten: the old file is
hard-linked into the new tree, so its inode and modification time stay as they were.
"""
from __future__ import annotations

import ctypes
import os
import shutil
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Callable, Iterable

# A site we built has these; refusing to replace a folder without them keeps `--out .` or
# `--out content` from deleting a tree that is not a site.
_SITE_MARKERS = ("404.html", "sitemap.xml")
_MAX_PART = 200


class UnsafePath(ValueError):
    """A path from content that would land outside the site folder or is not portable."""


@dataclass(frozen=True)
class WriteStats:
    written: int = 0   # files whose bytes are new or changed
    kept: int = 0      # files left as they were (same bytes)
    removed: int = 0   # files of the old site no longer produced


def check_path(path: str) -> PurePosixPath:
    """A relative path inside the site, or UnsafePath: no '..', no absolute or hidden parts, no NUL."""
    p = PurePosixPath(path)
    if not path or p.is_absolute() or "\\" in path or "\0" in path:
        raise UnsafePath(f"not a relative site path: {path!r}")
    for part in path.split("/"):
        if part in ("", ".", "..") or part.startswith(".") or len(part) > _MAX_PART:
            raise UnsafePath(f"unsafe part {part[:40]!r} in site path {path[:80]!r}")
    return p


def staging_dir(out_dir: Path) -> Path:
    """Where a build is written before it replaces out_dir (a sibling: same file system)."""
    return out_dir.with_name(out_dir.name + ".new")


def _old_dir(out_dir: Path) -> Path:
    return out_dir.with_name(out_dir.name + ".old")


def _looks_like_site(folder: Path) -> bool:
    return not any(folder.iterdir()) or all((folder / m).is_file() for m in _SITE_MARKERS)


def recover(out_dir: Path) -> None:
    """Put back a previous site left aside by a build killed in the middle of the swap."""
    old = _old_dir(out_dir)
    if not out_dir.exists() and old.is_dir():
        old.rename(out_dir)
    elif old.exists():
        shutil.rmtree(old)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one atomic step (Linux renameat2 RENAME_EXCHANGE); False if unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return fn(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def _same_bytes(old: Path, data: bytes) -> bool:
    try:
        return old.stat().st_size == len(data) and old.read_bytes() == data
    except OSError:
        return False


def write_site(out_dir: Path, files: Iterable[tuple[str, bytes]],
               progress: Callable[[int], None] | None = None) -> WriteStats:
    """Write every (path, bytes) into a staging folder, then swap it in for out_dir."""
    out_dir = Path(out_dir)
    recover(out_dir)
    if out_dir.exists() and (not out_dir.is_dir() or not _looks_like_site(out_dir)):
        raise UnsafePath(f"{out_dir} exists and is not a built site (no {' and '.join(_SITE_MARKERS)}); "
                         "choose another --out or remove it")
    stage = staging_dir(out_dir)
    if stage.exists():
        shutil.rmtree(stage)  # left by a killed build
    stage.mkdir(parents=True)
    written = kept = 0
    seen: set[str] = set()
    made: set[Path] = set()
    try:
        for n, (path, data) in enumerate(files, 1):
            rel = check_path(path)
            if str(rel) in seen:
                raise UnsafePath(f"two files of the site would be written to {rel}")
            seen.add(str(rel))
            dest = stage / rel
            if dest.parent not in made:
                dest.parent.mkdir(parents=True, exist_ok=True)
                made.add(dest.parent)
            old = out_dir / rel
            if _same_bytes(old, data):
                try:
                    os.link(old, dest)
                except OSError:
                    shutil.copy2(old, dest)
                kept += 1
            else:
                dest.write_bytes(data)
                written += 1
            if progress:
                progress(n)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    removed = len(_file_set(out_dir) - seen) if out_dir.exists() else 0
    _swap_in(stage, out_dir)
    return WriteStats(written, kept, removed)


def _file_set(folder: Path) -> set[str]:
    return {str(PurePosixPath(Path(root, f).relative_to(folder))) for root, _, files in os.walk(folder) for f in files}


def _swap_in(stage: Path, out_dir: Path) -> None:
    if not out_dir.exists():
        stage.rename(out_dir)
        return
    if _exchange(stage, out_dir):
        shutil.rmtree(stage)  # now holds the previous site
        return
    # No atomic exchange: move the old site aside first; recover() puts it back if we die here.
    old = _old_dir(out_dir)
    out_dir.rename(old)
    stage.rename(out_dir)
    shutil.rmtree(old)
