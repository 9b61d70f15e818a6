"""Which files changed under the dev server's roots: told by the file system (watchdog: inotify,
FSEvents, ReadDirectoryChangesW), else found by polling snapshots.

Events only say where to look: each path named is stat()ed and compared with the last known
state (size and modification time, as generator.changes snapshots them), so the importer's own
writes, an editor's swap files or a save that changed nothing are not edits. Events come in
bursts (an editor truncates, then writes; or writes a temporary file and renames it), so a
change is reported once the roots have been quiet for QUIET seconds (at most MAX after the first).
"""
from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from . import changes

QUIET = 0.03
MAX = 0.3


class Watcher:
    """Changed paths ('content/articles/x.md') under named roots, as they happen."""

    def __init__(self, roots: dict[str, Path], interval: float = 0.2, events: bool = True, start: bool = True):
        """The roots' state is taken now. With start=False, events are listened to only from
        start() on (no thread before: the dev server's first build forks), and whatever changed
        in between is reported by the first wait()."""
        self.roots = {label: Path(root).resolve() for label, root in roots.items()}
        self.interval = interval
        self.snap = changes.snapshot(self.roots)
        self._wake = threading.Event()
        self._lock = threading.Lock()
        self._touched: set[str] = set()
        self._rescan = False
        self.events = events
        self.observer = None
        if start:
            self.start(since=False)

    def start(self, since: bool = True) -> None:
        """Listen to file system events (where there are any); with `since`, the next wait() also
        reports what changed since the state was taken."""
        if self.events and self.observer is None:
            self.observer = self._observe()
        if since:
            with self._lock:
                self._rescan = True
            self._wake.set()

    def _observe(self):
        try:
            from watchdog.events import FileSystemEventHandler
            from watchdog.observers import Observer
        except ImportError:
            return None
        watcher = self

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event):
                if event.event_type in ("opened", "closed_no_write"):
                    return  # reading a file is not changing it
                paths = [event.src_path, getattr(event, "dest_path", "") or ""]
                with watcher._lock:
                    for p in paths:
                        if p:
                            watcher._touched.add(os.fsdecode(p))
                    if event.is_directory and event.event_type != "modified":
                        watcher._rescan = True  # a folder moved or removed: look at everything
                watcher._wake.set()

        observer = Observer()
        try:
            for root in self.roots.values():
                if root.is_dir():
                    observer.schedule(Handler(), str(root), recursive=True)
            observer.daemon = True
            observer.start()
        except OSError:  # e.g. the system's limit of inotify watches: poll instead
            return None
        return observer

    def close(self) -> None:
        if self.observer is not None:
            self.observer.stop()

    def wait(self, stop: threading.Event) -> list[str]:
        """Block until some files changed (their paths, sorted) or stop is set ([])."""
        while not stop.is_set():
            if self.observer is None:
                if stop.wait(self.interval):
                    return []
                changed = self._diff_all()
            else:
                if not self._wake.wait(0.5):
                    continue
                self._settle(stop)
                changed = self._diff_touched()
            if changed:
                return changed
        return []

    def _settle(self, stop: threading.Event) -> None:
        """Wait until the events stop coming (QUIET), or MAX."""
        start = time.monotonic()
        while time.monotonic() - start < MAX and not stop.is_set():
            self._wake.clear()
            if not self._wake.wait(QUIET):
                return

    def _diff_all(self) -> list[str]:
        new = changes.snapshot(self.roots)
        changed = changes.diff(self.snap, new)
        self.snap = new
        return changed

    def _diff_touched(self) -> list[str]:
        with self._lock:
            touched, rescan = self._touched, self._rescan
            self._touched, self._rescan = set(), False
            self._wake.clear()
        if rescan:
            return self._diff_all()
        changed = []
        for path in sorted(touched):
            rel = self._rel(path)
            if rel is None:
                continue
            if os.path.isdir(path):
                continue
            state = _stat(path)
            if self.snap.get(rel) != state:
                changed.append(rel)
                if state is None:
                    self.snap.pop(rel, None)
                else:
                    self.snap[rel] = state
        return changed

    def accept(self, rels) -> None:
        """Files written by the server itself (the importer's): their present state is not an edit."""
        for rel in rels:
            label, _, rest = rel.partition("/")
            root = self.roots.get(label)
            state = _stat(str(root / rest)) if root else None
            if state is None:
                self.snap.pop(rel, None)
            else:
                self.snap[rel] = state

    def _rel(self, path: str) -> str | None:
        for label, root in self.roots.items():
            try:
                rel = Path(path).relative_to(root)
            except ValueError:
                continue
            if any(part.startswith(".") for part in rel.parts[:-1]):
                return None  # hidden folders are not watched (as in changes.snapshot)
            return f"{label}/{rel.as_posix()}"
        return None


def _stat(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)
