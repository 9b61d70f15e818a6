"""Writes a built site into a staging folder and swaps it in for site/ only when it is complete.

A killed or failed build leaves the previous site/ untouched (the half-written staging folder is
removed by the next build). A file whose bytes did not change is not rewritten: the old file is
hard-linked into the new tree, so its inode and modification time stay as they were.
"""
from __future__ import annotations

import ctypes
import os
import re
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


_PLAIN_PATH = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}(?:/[A-Za-z0-9_-][A-Za-z0-9._-]{0,199})*")


def check_path(path: str) -> PurePosixPath | str:
    """A relative path inside the site, or UnsafePath: no '..', no absolute or hidden parts, no NUL.
    The paths the site is made of (ASCII, no part starting with a dot) pass one pattern and come
    back as they are; anything else is checked part by part."""
    if _PLAIN_PATH.fullmatch(path):
        return path
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


def write_new(path, data: bytes, flags: int = os.O_TRUNC, mode: int = 0o666) -> None:
    """Write bytes to a file through its descriptor: thousands of files are written in a build or
    an import, and a Python file object costs more system calls than the writing itself. `flags`
    adds to O_WRONLY | O_CREAT (O_EXCL for a temporary name of one's own)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | flags | getattr(os, "O_BINARY", 0), mode)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def _same_bytes(old, data: bytes) -> bool:
    try:
        if os.stat(old).st_size != len(data):
            return False
        with open(old, "rb") as f:
            return f.read() == data
    except OSError:
        return False


def begin(out_dir: Path) -> Path:
    """Check out_dir may be replaced and make an empty staging folder beside it."""
    out_dir = Path(out_dir)
    recover(out_dir)
    if out_dir.exists() and (not out_dir.is_dir() or not _looks_like_site(out_dir)):
        raise UnsafePath(f"{out_dir} exists and is not a built site (no {' and '.join(_SITE_MARKERS)}); "
                         "choose another --out or remove it")
    stage = staging_dir(out_dir)
    if stage.is_symlink() or (stage.exists() and not stage.is_dir()):
        raise UnsafePath(f"{stage} is in the way: the build writes the new site there before it "
                         "replaces the old one; move that file away")
    if stage.exists():
        shutil.rmtree(stage)  # left by a killed build
    stage.mkdir(parents=True)
    return stage


def write_files(stage: Path, out_dir: Path, files: Iterable[tuple[str, bytes]],
                progress: Callable[[int], None] | None = None) -> tuple[int, int, list[str]]:
    """Write (path, bytes) pairs into stage, hard-linking files whose bytes are those of out_dir's.

    Returns (written, kept, paths). Several processes may write disjoint paths into one stage."""
    out_dir = Path(out_dir)
    old_site = out_dir.is_dir()  # a first build has nothing to compare with
    stage_s, out_s = os.fspath(stage), os.fspath(out_dir)
    written = kept = 0
    paths: list[str] = []
    seen: set[str] = set()
    made: set[str] = set()
    for n, (path, data) in enumerate(files, 1):
        rel = str(check_path(path))
        if rel in seen:
            raise UnsafePath(f"two files of the site would be written to {rel}")
        seen.add(rel)
        paths.append(rel)
        dest = os.path.join(stage_s, rel)
        folder = os.path.dirname(dest)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        old = os.path.join(out_s, rel)
        if old_site and _same_bytes(old, data):
            try:
                os.link(old, dest)
            except OSError:
                shutil.copy2(old, dest)
            kept += 1
        else:
            write_new(dest, data)
            written += 1
        if progress:
            progress(n)
    return written, kept, paths


def commit(stage: Path, out_dir: Path, paths: Iterable[str]) -> int:
    """Swap the complete stage in for out_dir; returns how many old files are gone."""
    out_dir = Path(out_dir)
    removed = len(_file_set(out_dir) - set(paths)) if out_dir.exists() else 0
    _swap_in(stage, out_dir)
    return removed


def abort(stage: Path) -> None:
    """Throw a staging folder away (the previous site stays as it was)."""
    shutil.rmtree(stage, ignore_errors=True)


def write_site(out_dir: Path, files: Iterable[tuple[str, bytes]],
               progress: Callable[[int], None] | None = None) -> WriteStats:
    """Write every (path, bytes) into a staging folder, then swap it in for out_dir."""
    out_dir = Path(out_dir)
    stage = begin(out_dir)
    try:
        written, kept, paths = write_files(stage, out_dir, files, progress)
    except BaseException:
        abort(stage)
        raise
    return WriteStats(written, kept, commit(stage, out_dir, paths))


def replace_files(out_dir: Path, files: Iterable[tuple[str, bytes]]) -> WriteStats:
    """Update an existing site in place, one file at a time, each by write-then-rename.

    For the dev server's incremental rebuilds: every file is always whole (old or new), and files
    whose bytes did not change are not touched. Deployable builds use write_site()."""
    out_dir = Path(out_dir)
    written = kept = 0
    for path, data in files:
        rel = check_path(path)
        dest = out_dir / rel
        if _same_bytes(dest, data):
            kept += 1
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
        write_new(tmp, data)
        os.replace(tmp, dest)
        written += 1
    return WriteStats(written, kept, 0)


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
