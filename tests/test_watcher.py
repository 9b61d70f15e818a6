"""The dev server's watcher: file system events (or polling) turned into the paths that changed."""
from __future__ import annotations

import threading
import time

import pytest

from generator.watcher import Watcher


def _next(watcher: Watcher, timeout: float = 5.0) -> list[str]:
    stop = threading.Event()
    threading.Timer(timeout, stop.set).start()
    try:
        return watcher.wait(stop)
    finally:
        stop.set()


@pytest.mark.parametrize("events", [True, False], ids=["events", "polling"])
def test_edits_are_seen_and_own_writes_are_not(tmp_path, events):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "articles" / "a.md").write_text("một", encoding="utf-8")
    watcher = Watcher({"content": content}, interval=0.05, events=events)
    try:
        assert (watcher.observer is not None) == events
        t0 = time.perf_counter()
        (content / "articles" / "a.md").write_text("hai", encoding="utf-8")
        assert _next(watcher) == ["content/articles/a.md"]
        assert time.perf_counter() - t0 < (1.0 if events else 2.0)
        # A burst: a temporary file renamed over the article, and a new one, seen as one change.
        (content / "articles" / ".b.md.tmp").write_text("ba", encoding="utf-8")
        (content / "articles" / ".b.md.tmp").replace(content / "articles" / "a.md")
        (content / "articles" / "c.md").write_text("bốn", encoding="utf-8")
        assert _next(watcher) == ["content/articles/a.md", "content/articles/c.md"]
        # The server's own write, accepted, is no edit; a later real edit is.
        (content / "articles" / "c.md").write_text("năm", encoding="utf-8")
        watcher.accept(["content/articles/c.md"])
        (content / "articles" / "c.md").unlink()
        assert _next(watcher) == ["content/articles/c.md"]
    finally:
        watcher.close()


def test_stops_when_asked(tmp_path):
    watcher = Watcher({"content": tmp_path}, interval=0.05)
    stop = threading.Event()
    stop.set()
    assert watcher.wait(stop) == []
    watcher.close()


@pytest.mark.parametrize("events", [True, False], ids=["events", "polling"])
def test_a_save_made_before_watching_starts_is_reported(tmp_path, events):
    """The dev server takes the files' state before its first build and listens only after it (the
    build forks, so no thread may run before): what was saved in between is the first change."""
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "articles" / "a.md").write_text("một", encoding="utf-8")
    (content / "articles" / "b.md").write_text("hai", encoding="utf-8")
    watcher = Watcher({"content": content}, interval=0.05, events=events, start=False)
    try:
        assert watcher.observer is None
        time.sleep(0.02)  # a different modification time even on coarse clocks' file systems
        (content / "articles" / "a.md").write_text("một nữa", encoding="utf-8")  # during the "build"
        watcher.start()
        assert (watcher.observer is not None) == events
        assert _next(watcher) == ["content/articles/a.md"]
        (content / "articles" / "b.md").write_text("hai nữa", encoding="utf-8")  # and after it
        assert _next(watcher) == ["content/articles/b.md"]
    finally:
        watcher.close()
