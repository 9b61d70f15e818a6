"""Measuring tools from outside: a timed, bounded child process; a watch-mode server and edit latency.

A build is one fresh child process: wall time from our clock, CPU time (user + system, the child
and every descendant it waited for) from wait4's rusage, and peak memory as the larger of the
rusage maximum (the largest single process's resident set) and the polled sum of the process
tree's proportional set sizes (so a build that forks workers is charged for all of them, and for
pages they share only once). Every child runs in its own session
so a timeout or an exit kills the whole tree.
"""
from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

POLL = 0.05


def set_aside(path: Path, trash: Path | None) -> None:
    """Remove path from where the next run writes by moving it into trash (a folder on the same
    file system, emptied by empty_trash() when the measuring is over); without trash, delete it.

    Deleting an output of tens of thousands of files just before the next build would charge
    that build for it: on ext4 without a journal (this project's VMs) the allocator passes over
    every inode freed in the last one to six minutes, so each folder and file the next build
    creates costs up to half a millisecond of kernel time (measured: 15,000 folders 0.8 s on a
    quiet disk, 8–15 s right after deleting as many). A rename frees nothing."""
    if not (path.exists() or path.is_symlink()):
        return
    if trash is None:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
        return
    trash.mkdir(parents=True, exist_ok=True)
    path.rename(Path(tempfile.mkdtemp(prefix=path.name + ".", dir=trash)) / path.name)


def empty_trash(trash: Path) -> None:
    """Delete what set_aside() moved into trash."""
    shutil.rmtree(trash, ignore_errors=True)


@dataclass(frozen=True)
class Sample:
    """One measured run; `error` says why it has no numbers (timeout, exit status)."""
    wall: float | None = None
    cpu: float | None = None
    peak_mb: float | None = None
    error: str | None = None


def _children(pid: int) -> list[int]:
    out = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                out += [int(x) for x in f.read().split()]
    except OSError:
        pass
    return out


def _memory(pid: int) -> int:
    """Proportional set size of a process: shared pages (a forked worker's copy-on-write pages,
    libraries) are split among the processes sharing them, so a tree's sum is not inflated."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, IndexError, ValueError):
        pass
    try:
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, IndexError, ValueError):
        return 0


def tree_memory(pid: int) -> int:
    """Memory of a process and all its descendants, in bytes (0 where /proc cannot tell)."""
    total, todo, seen = 0, [pid], set()
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        total += _memory(p)
        todo += _children(p)
    return total


def _kill_tree(p: subprocess.Popen, sig=signal.SIGKILL) -> None:
    try:
        os.killpg(p.pid, sig)
    except (ProcessLookupError, PermissionError):
        pass


def _tail(path: Path, lines: int = 3) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace").strip().splitlines()
    except OSError:
        return ""
    return " | ".join(text[-lines:])[:300]


def run(cmd: list[str], cwd: Path, log: Path, timeout: float, env: dict | None = None) -> Sample:
    """Run cmd to completion (or kill it at timeout) and measure it; output goes to log."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "wb") as out:
        start = time.perf_counter()
        p = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                             env=env, start_new_session=True)
        peak = 0
        while True:
            pid, status, ru = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            peak = max(peak, tree_memory(p.pid))
            if time.perf_counter() - start > timeout:
                _kill_tree(p)
                os.wait4(p.pid, 0)
                p.returncode = -9
                return Sample(error=f"timeout after {timeout:.0f} s")
            time.sleep(POLL)
        wall = time.perf_counter() - start
        p.returncode = os.waitstatus_to_exitcode(status)
    _kill_tree(p)  # anything it left running in its session
    if p.returncode != 0:
        return Sample(error=f"exit {p.returncode}: {_tail(log)}")
    return Sample(wall, ru.ru_utime + ru.ru_stime, max(peak, ru.ru_maxrss * 1024) / 2**20)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A watch-mode server in its own session; its output lines are kept with their arrival time."""

    def __init__(self, cmd: list[str], cwd: Path, log: Path, env: dict | None = None):
        log.parent.mkdir(parents=True, exist_ok=True)
        self.lines: list[tuple[float, str]] = []
        self.log = open(log, "w", encoding="utf-8")
        self.proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL, env=env, start_new_session=True)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        for raw in self.proc.stdout:
            line = raw.decode("utf-8", "replace").rstrip("\n")
            self.lines.append((time.perf_counter(), line))
            self.log.write(line + "\n")
            self.log.flush()

    def alive(self) -> bool:
        return self.proc.poll() is None

    def seen(self, pattern: re.Pattern, since: int = 0) -> float | None:
        """Arrival time of the first output line from index `since` matching pattern."""
        for t, line in self.lines[since:]:
            if pattern.search(line):
                return t
        return None

    def wait_for(self, pattern: re.Pattern, timeout: float, since: int = 0) -> bool:
        """Wait until a line matches (False on timeout or when the server died)."""
        end = time.perf_counter() + timeout
        while time.perf_counter() < end:
            if self.seen(pattern, since) is not None:
                return True
            if not self.alive():
                time.sleep(0.2)  # let the reader drain the last lines
                return self.seen(pattern, since) is not None
            time.sleep(POLL)
        return False

    def quiet(self, seconds: float, timeout: float) -> None:
        """Wait until the server has printed nothing for `seconds` (at most `timeout`)."""
        end = time.perf_counter() + timeout
        while time.perf_counter() < end:
            last = self.lines[-1][0] if self.lines else 0.0
            if time.perf_counter() - last >= seconds:
                return
            time.sleep(POLL)

    def tail(self, n: int = 3) -> str:
        return " | ".join(line for _, line in self.lines[-n:])[:300]

    def stop(self) -> str:
        """Ctrl-C (SIGINT) to the whole session, then SIGTERM, then SIGKILL whatever is left;
        returns the signal that stopped the server."""
        how = "exited"
        for sig, wait in ((signal.SIGINT, 5), (signal.SIGTERM, 5)):
            if not self.alive():
                break
            how = sig.name
            _kill_tree(self.proc, sig)
            try:
                self.proc.wait(wait)
            except subprocess.TimeoutExpired:
                how = "SIGKILL"
        _kill_tree(self.proc, signal.SIGKILL)
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            pass
        self.reader.join(2)
        self.log.close()
        return how


def file_has(path: Path, marker: str) -> bool:
    """True when the file exists and contains marker."""
    try:
        return marker in path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False


def edit_latency(server: Server, edit, targets: list[Path], marker: str, done: re.Pattern | None,
                 timeout: float) -> float | str:
    """Seconds from the save (`edit()`) until every target file contains marker and, when the tool
    reports its rebuilds, it has reported this one; or why it did not happen."""
    since = len(server.lines)
    t0 = time.perf_counter()
    edit()
    files_at = None
    while time.perf_counter() - t0 < timeout:
        now = time.perf_counter()
        if files_at is None and all(file_has(t, marker) for t in targets):
            files_at = now
        if files_at is not None:
            reported = server.seen(done, since) if done is not None else files_at
            if reported is not None:
                return max(files_at, reported) - t0
        if not server.alive():
            return f"server died: {server.tail()}"
        time.sleep(0.01)
    return f"timeout after {timeout:.0f} s"
