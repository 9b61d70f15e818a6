"""Run one function on n shares of the work in n forked processes (the build's two hot steps).

Fork, not spawn: the children inherit the loaded archive, compiled templates and open staging
folder without pickling them, and only their small results travel back. Callers with threads
(the dev server) pass jobs=1, which runs in-process.
"""
from __future__ import annotations

import multiprocessing
import os
from typing import Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")
_TASK: Callable | None = None
_EACH: Callable | None = None


def default_jobs() -> int:
    """The CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def _run(share: tuple[int, int]):
    return _TASK(*share)


def fork_map(task: Callable[[int, int], T], jobs: int) -> list[T]:
    """[task(0, jobs), task(1, jobs), …]: share k of jobs, each in its own forked process."""
    global _TASK
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [task(0, 1)]
    _TASK = task
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            return pool.map(_run, [(k, jobs) for k in range(jobs)], chunksize=1)
    finally:
        _TASK = None


def _run_each(item):
    return _EACH(item)


def fork_imap(task: Callable[..., T], items: Iterable, jobs: int, chunksize: int = 8) -> Iterator[T]:
    """task(item) for each item, in order, computed in `jobs` forked processes and yielded as soon
    as each is ready, so the caller works on the first while the others are computed (the import:
    pages are read ahead, and stored in order). The processes start at once, so the caller can do
    other work before it asks for the first result. Items travel to the children by pickle; task,
    like fork_map's, is inherited. One job, or no fork, runs in-process, as each is asked for."""
    global _EACH
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return map(task, items)
    _EACH = task
    pool = multiprocessing.get_context("fork").Pool(jobs)
    return _Results(pool, pool.imap(_run_each, items, chunksize))


class _Results:
    """fork_imap's results; the processes end with the last one, an error, or close()."""

    def __init__(self, pool, results):
        self._pool, self._results = pool, results

    def __iter__(self):
        return self

    def __next__(self):
        try:
            return next(self._results)
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        global _EACH
        if self._pool is not None:
            self._pool.terminate()
            self._pool, _EACH = None, None

    def __del__(self):
        self.close()
