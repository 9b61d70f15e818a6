"""Run one function over many items in forked processes (the build's hot steps and the import).

Fork, not spawn: the children inherit the loaded archive, compiled templates, open staging folder
and the items themselves without pickling them, and only their results travel back. Callers with
threads (the dev server) pass jobs=1, which runs in-process.

Not multiprocessing.Pool: its worker-handling thread waits on the results pipe as well as on the
processes, so it spins from the moment a result is written until its result-handling thread has
read it, and with the task-feeding thread it took a fifth of the importing process's time (0.65 s
and 0.5 s of CPU for 10,000 pages, on the two cores the workers need). Here each process takes the
next chunk of items from a shared counter and writes the chunk's results, pickled, to a pipe of
its own, which this process reads whenever it is asked for a result: no thread at all.
"""
from __future__ import annotations

import multiprocessing
import os
import pickle
import select
import signal
import sys
from typing import Callable, Iterable, Iterator, TypeVar

try:
    import fcntl
except ImportError:  # not Unix (fork is not either: everything runs in-process)
    fcntl = None

T = TypeVar("T")
_PIPE_SIZE = 1 << 20  # a chunk's results fit in the pipe: a process seldom waits for them to be read
_LENGTH = 8           # bytes of the length before each message


def default_jobs() -> int:
    """The CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def fork_map(task: Callable[[int, int], T], jobs: int) -> list[T]:
    """[task(0, jobs), task(1, jobs), …]: share k of jobs, each in its own forked process."""
    if jobs <= 1 or not _can_fork():
        return [task(0, 1)]
    return list(fork_imap(lambda k: task(k, jobs), range(jobs), jobs, chunksize=1))


def fork_imap(task: Callable[..., T], items: Iterable, jobs: int, chunksize: int = 8) -> Iterator[T]:
    """task(item) for each item, in order, computed in `jobs` forked processes and yielded as soon
    as each is ready, so the caller works on the first while the others are computed (the import:
    pages are read ahead, and stored in order). The processes start at once, so the caller can do
    other work before it asks for the first result; each takes `chunksize` items at a time, in
    order, as it becomes free. Results travel back by pickle. An exception raised by task is
    raised here when its item's turn comes. One job, or no fork, runs in-process, as each is asked
    for."""
    items = list(items)
    if jobs <= 1 or not _can_fork() or not items:
        return map(task, items)
    chunks = [items[i: i + chunksize] for i in range(0, len(items), chunksize)]
    return _Forked(task, chunks, min(jobs, len(chunks)))


class _Forked:
    """fork_imap's results; the processes end with the last one, an error, or close()."""

    def __init__(self, task: Callable, chunks: list[list], jobs: int):
        self._chunks = len(chunks)
        self._next = multiprocessing.get_context("fork").Value("q", 0)  # the next chunk to take
        self._pids: list[int] = []
        self._buffers: dict[int, bytearray] = {}   # read end of a process's pipe → bytes not yet parsed
        self._done: dict[int, tuple[bool, object]] = {}  # chunk → (ok, results or the exception)
        self._want, self._current = 0, iter(())
        self._poll = select.poll()
        _flush()  # else what this process has buffered would be written by each child too
        try:
            for _ in range(jobs):
                r, w = os.pipe()
                if fcntl is not None and hasattr(fcntl, "F_SETPIPE_SZ"):
                    try:
                        fcntl.fcntl(w, fcntl.F_SETPIPE_SZ, _PIPE_SIZE)
                    except OSError:  # above the system's limit: the default size works, more slowly
                        pass
                pid = os.fork()
                if pid == 0:  # the child: never returns
                    os.close(r)
                    for fd in self._buffers:
                        os.close(fd)
                    _work(task, chunks, self._next, w)
                os.close(w)
                os.set_blocking(r, False)
                self._poll.register(r, select.POLLIN)
                self._buffers[r] = bytearray()
                self._pids.append(pid)
        except BaseException:
            self.close()
            raise

    def __iter__(self):
        return self

    def __next__(self):
        try:
            for result in self._current:
                self._read(wait=False)  # keep the pipes drained, so no process waits on a full one
                return result
            if self._want == self._chunks:
                raise StopIteration
            while self._want not in self._done:
                if not self._buffers:
                    raise RuntimeError("a worker process ended before sending its results")
                self._read(wait=True)
            ok, out = self._done.pop(self._want)
            self._want += 1
            if not ok:
                raise out
            self._current = iter(out)
            return next(self)
        except BaseException:
            self.close()
            raise

    def _read(self, wait: bool) -> None:
        """Read what the processes have written (waiting for something, with wait) and keep each
        whole message's chunk of results."""
        for fd, _event in self._poll.poll(None if wait else 0):
            buf = self._buffers[fd]
            while True:
                try:
                    data = os.read(fd, _PIPE_SIZE)
                except BlockingIOError:
                    break
                if not data:  # the process is done (or died): its pipe is closed
                    self._poll.unregister(fd)
                    os.close(fd)
                    del self._buffers[fd]
                    break
                buf += data
            while len(buf) >= _LENGTH:
                n = int.from_bytes(buf[:_LENGTH], "little")
                if len(buf) < _LENGTH + n:
                    break
                chunk, ok, out = pickle.loads(memoryview(buf)[_LENGTH:_LENGTH + n])
                del buf[:_LENGTH + n]
                self._done[chunk] = (ok, out)

    def close(self) -> None:
        """End the processes (at once, if they are still working) and close the pipes."""
        for fd in self._buffers:
            os.close(fd)
        self._buffers = {}
        if self._want < self._chunks:
            for pid in self._pids:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        for pid in self._pids:
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass
        self._pids = []

    def __del__(self):
        self.close()


def _work(task: Callable, chunks: list[list], counter, fd: int) -> None:
    """A forked process: take chunks until none is left, write each one's results to fd, exit."""
    code = 0
    try:
        while True:
            with counter.get_lock():
                k = counter.value
                counter.value = k + 1
            if k >= len(chunks):
                break
            try:
                message = (k, True, [task(item) for item in chunks[k]])
                data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
            except BaseException as exc:  # raised in the caller, when this chunk's turn comes
                try:
                    data = pickle.dumps((k, False, exc), protocol=pickle.HIGHEST_PROTOCOL)
                except Exception:
                    data = pickle.dumps((k, False, RuntimeError(f"{type(exc).__name__}: {exc}")))
                code = 1
            view = memoryview(len(data).to_bytes(_LENGTH, "little") + data)
            while view:
                view = view[os.write(fd, view):]
            if code:
                break
    except BaseException:
        code = 1
    finally:
        _flush()
        os._exit(code)


def _flush() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):
            pass
