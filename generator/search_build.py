"""The search index in a parallel build: runs of the articles are indexed as tasks beside the
pages, each leaving its postings in part files, one per group of shards; a task per group joins
the runs' part files into shard files, waiting for runs still under way. No process ever holds
the whole index (render/search.py says what the files hold; build.py schedules these tasks).
"""
from __future__ import annotations

import marshal
import time
from array import array
from pathlib import Path

from . import writer
from .render import search
from .render.views import Site


def write_hashed(stage: Path, out_dir: Path, files: dict[str, bytes]) -> tuple[int, int, list[str], dict[str, str]]:
    """Write files under search/ into stage; also their digests (the index's version needs them)."""
    written, kept, paths = writer.write_files(stage, out_dir, ((search.INDEX + n, b) for n, b in files.items()))
    return written, kept, paths, {n: search.digest(b) for n, b in files.items()}


def _part_file(folder: Path, run: int, group: int) -> Path:
    return folder / f"{run}-{group}.marshal"


SEGMENT = 1000  # documents indexed before their postings are written out (a multiple of CHUNK)
RUN = 2_000  # documents a process indexes as one task (a multiple of SEGMENT)


GROUPS = 16  # groups of shards joined as separate tasks: a process holds 1/16 of the index at a time


def groups(shards: int) -> int:
    """How many groups the shards are joined in (group g: the shards k with k % groups == g)."""
    return min(GROUPS, shards)


def runs(docs: int) -> list[tuple[int, int]]:
    """The runs of documents indexed as separate tasks: RUN at a time."""
    return [(first, min(docs, first + RUN)) for first in range(0, docs, RUN)] or [(0, 0)]


def index_run(site: Site, run: int, span: tuple[int, int], shards: int, groups: int, stage: Path, out_dir: Path,
              folder: Path):
    """Index documents span[0] … span[1]-1 (run number `run`): write their result rows
    (search/d/) and leave their postings in folder, one file per group of shards (group g: the
    shards k with k % groups == g), SEGMENT documents at a time so that a process never holds
    more than their postings. The files take their names when complete; a failed run leaves a
    mark instead, so that joining never waits for it."""
    first, last = span
    written, kept, paths, digests = 0, 0, [], {}
    partial = [_part_file(folder, run, group).with_suffix(".part") for group in range(groups)]
    try:
        files = [open(path, "wb") for path in partial]
        try:
            for start in range(first, last, SEGMENT):
                part = search.index_part(site, start, min(last, start + SEGMENT), shards)
                w, k, more, d = write_hashed(stage, out_dir, search.chunk_files(part))
                written, kept, paths, digests = written + w, kept + k, paths + more, digests | d
                for group, f in enumerate(files):
                    marshal.dump((part.first, {k: {t: values.tobytes() for t, values in part.shards[k].items()}
                                               for k in range(group, shards, groups) if part.shards[k]}), f)
        finally:
            for f in files:
                f.close()
    except BaseException:
        _failed(folder, run).touch()
        raise
    for group, path in enumerate(partial):
        path.replace(_part_file(folder, run, group))
    return written, kept, paths, digests


def _failed(folder: Path, run: int) -> Path:
    return folder / f"{run}.failed"


def join_group(group: int, groups: int, run_count: int, shards: int, stage: Path, out_dir: Path, folder: Path):
    """Join every run's postings for one group of shards, in document order, and write those
    shard files. Runs still being indexed by another process are waited for; None when a run
    failed (that failure is reported where it happened)."""
    merged: dict[int, dict[str, array]] = {k: {} for k in range(group, shards, groups)}
    for run in range(run_count):  # runs and their segments are in document order
        path = _part_file(folder, run, group)
        while not path.exists():
            if _failed(folder, run).exists():
                return None
            time.sleep(0.01)
        with open(path, "rb") as f:
            while True:
                try:
                    _first, data = marshal.load(f)
                except EOFError:
                    break
                for k, tokens in data.items():
                    search.join(merged[k], {token: array("I", raw) for token, raw in tokens.items()})
    files = {}
    for k in list(merged):
        files[f"s/{k}.json"] = search.shard_file(merged.pop(k))
    return write_hashed(stage, out_dir, files)


def write_entities(site: Site, shards: int, digests: dict[str, str], stage: Path, out_dir: Path):
    """search/entities.json, last: its version is made from every other file's digest."""
    return write_hashed(stage, out_dir, {"entities.json": search.entities_file(site, shards, search.version_of(digests))})
