"""The writer: staged and swapped in whole, unchanged files kept, a killed build changes nothing."""
import os
import signal
import subprocess
import sys
import time

import pytest

from generator import writer

SITE = {"index.html": b"home", "404.html": b"404", "sitemap.xml": b"<urlset/>", "a/index.html": b"a"}


def test_unchanged_files_are_kept_changed_ones_rewritten_stale_ones_removed(tmp_path):
    out = tmp_path / "site"
    writer.write_site(out, SITE.items())
    before = {rel: os.stat(out / rel) for rel in SITE}
    new = dict(SITE, **{"a/index.html": b"a2", "b/index.html": b"b"})
    del new["index.html"]
    new["index.html"] = b"home"
    stats = writer.write_site(out, new.items())
    assert (stats.written, stats.kept, stats.removed) == (2, 3, 0)
    assert os.stat(out / "404.html").st_ino == before["404.html"].st_ino
    assert os.stat(out / "index.html").st_mtime_ns == before["index.html"].st_mtime_ns
    assert (out / "a/index.html").read_bytes() == b"a2"
    stats = writer.write_site(out, {k: v for k, v in new.items() if k != "b/index.html"}.items())
    assert stats.removed == 1 and not (out / "b").exists()
    assert not writer.staging_dir(out).exists()


def test_a_failing_build_leaves_the_previous_site_untouched(tmp_path):
    out = tmp_path / "site"
    writer.write_site(out, SITE.items())

    def broken():
        yield "index.html", b"new home"
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        writer.write_site(out, broken())
    assert (out / "index.html").read_bytes() == b"home"
    assert not writer.staging_dir(out).exists()


@pytest.mark.parametrize("path", ["../x", "/etc/x", "a/../../x", ".git/config", "a\\b", "", "a/./b", "x" * 300])
def test_paths_outside_the_site_are_refused(tmp_path, path):
    with pytest.raises(writer.UnsafePath):
        writer.write_site(tmp_path / "site", [("index.html", b"x"), (path, b"x")])
    assert not (tmp_path / "x").exists() and not (tmp_path / "site").exists()


def test_a_folder_that_is_not_a_site_is_never_replaced(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "content/keep.md").write_text("editor's work")
    with pytest.raises(writer.UnsafePath):
        writer.write_site(tmp_path / "content", SITE.items())
    assert (tmp_path / "content/keep.md").read_text() == "editor's work"


SLOW_WRITER = """
import sys, time
from pathlib import Path
from generator import writer
def files():
    for n in range(100000):
        yield f"p/{n}/index.html", b"new"
        if n == 50:
            print("writing", flush=True)
        time.sleep(0.001)
writer.write_site(Path(sys.argv[1]), files())
"""


def test_a_killed_build_leaves_the_previous_site_and_the_next_build_cleans_up(tmp_path):
    out = tmp_path / "site"
    writer.write_site(out, SITE.items())
    proc = subprocess.Popen([sys.executable, "-c", SLOW_WRITER, str(out)], stdout=subprocess.PIPE, text=True,
                            cwd=os.path.dirname(os.path.dirname(__file__)))
    assert proc.stdout.readline().strip() == "writing"
    time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()) == sorted(SITE)
    assert (out / "index.html").read_bytes() == b"home"
    assert writer.staging_dir(out).exists()  # the half-written tree, never served
    writer.write_site(out, SITE.items())
    assert not writer.staging_dir(out).exists()


def test_a_swap_interrupted_between_renames_is_recovered(tmp_path):
    out = tmp_path / "site"
    writer.write_site(out, SITE.items())
    out.rename(tmp_path / "site.old")  # as if killed after moving the old site aside
    writer.recover(out)
    assert (out / "index.html").read_bytes() == b"home"
