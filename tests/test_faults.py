"""Faults: a build or an import killed midway loses nothing and leaves no partial tree; two builds of the
same input are byte-identical whatever the clock, time zone, hash seed or file order.

Complements tests/test_build_writer.py (the writer alone, one SIGKILL): here the real CLI in a
subprocess, a larger archive rendered in parallel, and signals at several points of the build.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.sitekit import synthetic, write_tree
from tests.test_import_store import PAGE

REPO = Path(__file__).parent.parent
ENV = {**os.environ, "PYTHONPATH": str(REPO)}


def tree(folder: Path) -> dict[str, str]:
    """{relative path: sha256} of every file under folder."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def cli(*args, env=None, **kw) -> subprocess.Popen:
    # A session of its own, so the test can signal the build and its render workers as one group.
    return subprocess.Popen([sys.executable, "-m", "generator", *args], cwd=REPO, env=env or ENV,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True, **kw)


def run(*args, env=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=REPO, env=env or ENV,
                          capture_output=True, text=True, timeout=300)


def _count(folder: Path) -> int:
    return sum(len(files) for _, _, files in os.walk(folder)) if folder.exists() else -1


# --- the site is replaced atomically --------------------------------------------------------------

@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """A 250-article archive (rendered by parallel workers) built once (the previous site), then edited; the edited site built
    separately as the reference for a complete new build."""
    root = tmp_path_factory.mktemp("kill")
    content = synthetic(root / "content", 250, words=100)
    old = root / "old-site"
    assert run("build", "--content", str(content), "--out", str(old)).returncode == 0
    leaders = content / "data" / "leaders.yaml"
    leaders.write_text(leaders.read_text(encoding="utf-8").replace("Lãnh Đạo Số 1\n", "Lãnh Đạo Số Một\n"), encoding="utf-8")
    first = sorted((content / "articles").glob("*.md"))[0]
    first.write_text(first.read_text(encoding="utf-8").replace("Bài viết tổng hợp", "Bài đã sửa"), encoding="utf-8")
    new = root / "new-site"
    t0 = time.perf_counter()
    assert run("build", "--content", str(content), "--out", str(new)).returncode == 0
    seconds = time.perf_counter() - t0
    old_tree, new_tree = tree(old), tree(new)
    assert old_tree != new_tree and len(new_tree) > 600
    return root, content, old, old_tree, new_tree, seconds


def _trigger(stage: Path, kind: str, value: float, start: float) -> bool:
    if kind == "after":
        return time.perf_counter() - start >= value
    if kind == "staged":  # the staging folder holds at least this many files
        return _count(stage) >= value
    raise ValueError(kind)


KILLS = [
    ("SIGTERM while loading", signal.SIGTERM, "after", 0.15),
    ("SIGKILL as staging starts", signal.SIGKILL, "staged", 0),
    ("SIGTERM with a few files staged", signal.SIGTERM, "staged", 0.05),
    ("SIGKILL halfway through writing", signal.SIGKILL, "staged", 0.5),
    ("SIGKILL near the end of writing", signal.SIGKILL, "staged", 0.95),
    ("SIGINT halfway through writing", signal.SIGINT, "staged", 0.5),
]


@pytest.mark.parametrize("name, sig, kind, value", KILLS, ids=[k[0] for k in KILLS])
def test_a_killed_build_leaves_the_old_site_or_the_new_one_never_a_mix(archive, tmp_path, name, sig, kind, value):
    _, content, old, old_tree, new_tree, _ = archive
    site = tmp_path / "site"
    shutil.copytree(old, site)
    stage = site.with_name("site.new")
    if kind == "staged":  # a fraction of the files of the complete site
        value = int(value * len(new_tree))
    proc = cli("build", "--content", str(content), "--out", str(site))
    start, fired, staged_at_kill = time.perf_counter(), False, -1
    while proc.poll() is None and time.perf_counter() - start < 120:
        if _trigger(stage, kind, value, start):
            staged_at_kill = _count(stage)
            os.killpg(proc.pid, sig)
            fired = True
            break
        time.sleep(0.003)
    proc.communicate(timeout=60)
    after = tree(site)
    assert after in (old_tree, new_tree), f"{name}: site/ is a mix of old and new files"
    if fired and proc.returncode != 0:
        # Interrupted: the previous site is there, complete and untouched.
        assert after == old_tree, name
        if sig == signal.SIGINT:
            assert not stage.exists(), "Ctrl-C must clean up its staging folder"
    if kind == "staged" and value > 0:
        assert fired and staged_at_kill >= value and proc.returncode != 0, \
            f"{name}: the build finished before the signal, so this case tested nothing"
    # The next build cleans up what the killed one left and writes the complete new site.
    done = run("build", "--content", str(content), "--out", str(site))
    assert done.returncode == 0, done.stderr
    assert tree(site) == new_tree
    assert not stage.exists() and not site.with_name("site.old").exists()


def test_a_build_that_fails_midway_keeps_the_previous_site(archive, tmp_path):
    """A page that cannot be rendered is an error, but an unwritable output is a failure of the
    whole write: nothing of the new build may replace the old site."""
    _, content, old, old_tree, _, _ = archive
    site = tmp_path / "site"
    shutil.copytree(old, site)
    blocker = site.with_name("site.new")
    blocker.write_text("a file where the staging folder must go")
    result = run("build", "--content", str(content), "--out", str(site))
    assert result.returncode != 0
    assert tree(site) == old_tree


def test_an_unwritable_output_is_reported_not_a_traceback(archive, tmp_path):
    _, content, old, _, _, _ = archive
    site = tmp_path / "site"
    shutil.copytree(old, site)
    site.with_name("site.new").write_text("a file where the staging folder must go")
    result = run("build", "--content", str(content), "--out", str(site))
    assert result.returncode == 1 and "Traceback" not in result.stderr and "site.new" in result.stderr


# --- import: interrupted, nothing an editor did is lost --------------------------------------------

def _pages(n: int, extra: str = "") -> dict[str, str]:
    """n raw pages, each its own title and text (so each is its own article)."""
    out = {}
    for k in range(n):
        out[f"raw/p{k:03d}.txt"] = (PAGE.replace("hội đàm với", f"hội đàm lần {k} với")
                                    .replace("Tin liên quan", f"Hai bên trao đổi về dự án số {k}.{extra}\n\nTin liên quan"))
    return out


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """120 raw pages imported; one article then edited by hand, every raw page changed upstream; and
    the tree a complete re-import makes (the reference)."""
    root = tmp_path_factory.mktemp("import")
    content = root / "content"
    shutil.copytree(REPO / "content" / "data", content / "data")
    write_tree(content, _pages(120))
    assert run("import", "--content", str(content)).returncode == 0
    arts = sorted((content / "articles").glob("*.md"))
    assert len(arts) == 120
    edited = arts[7]
    edited.write_text(edited.read_text(encoding="utf-8").replace("title: ", "title: (biên tập) ", 1), encoding="utf-8")
    write_tree(content, _pages(120, " Thêm một câu mới từ nguồn."))
    before = tree(content)
    ref = root / "ref"
    shutil.copytree(content, ref)
    t0 = time.perf_counter()
    assert run("import", "--content", str(ref)).returncode == 0
    seconds = time.perf_counter() - t0
    return content, before, tree(ref), edited.name, seconds


def _rewritten(folder: Path, mtimes: dict[str, int]) -> int:
    n = 0
    for e in os.scandir(folder):
        try:
            n += e.name in mtimes and e.stat().st_mtime_ns != mtimes[e.name]
        except FileNotFoundError:
            pass
    return n


@pytest.mark.parametrize("sig, after", [(signal.SIGKILL, 1), (signal.SIGTERM, 30), (signal.SIGKILL, 60),
                                        (signal.SIGKILL, 110)])
def test_a_killed_import_leaves_each_file_old_or_new_and_the_edit_alone(imported, tmp_path, sig, after):
    content0, before, ref, edited, _ = imported
    content = tmp_path / "content"
    shutil.copytree(content0, content)
    arts = content / "articles"
    mtimes = {e.name: e.stat().st_mtime_ns for e in os.scandir(arts)}
    proc = cli("import", "--content", str(content))
    start = time.perf_counter()
    # Fire once `after` articles have been rewritten.
    while proc.poll() is None and time.perf_counter() - start < 120:
        if _rewritten(arts, mtimes) >= after:
            os.killpg(proc.pid, sig)
            break
        time.sleep(0.001)
    proc.communicate(timeout=60)
    assert proc.returncode == -sig, "the import finished before the signal: this case tested nothing"
    now = tree(content)
    rewritten = sum(1 for r, d in now.items() if r.startswith("articles/") and d != before.get(r))
    assert rewritten >= after
    for rel, digest in now.items():
        if rel.startswith("articles/") and rel.endswith(".md"):
            assert digest in (before.get(rel), ref.get(rel)), f"{rel} is neither the old nor the new text"
    assert now[f"articles/{edited}"] == before[f"articles/{edited}"], "the editor's change was lost"
    assert {r for r in now if r.endswith(".md")} == {r for r in ref if r.endswith(".md")}
    for path in arts.iterdir():  # no torn file under an article's name; temporary files are hidden
        assert path.name.endswith(".md") or path.name.startswith("."), path.name
    # The next import finishes the work: the same tree as an uninterrupted one, the edit still kept.
    done = run("import", "--content", str(content))
    assert "left alone" in done.stdout and edited in done.stdout
    final = tree(content)
    assert {r: d for r, d in final.items() if not r.startswith("articles/.")} == \
        {r: d for r, d in ref.items() if not r.startswith("articles/.")}


# --- deterministic output ------------------------------------------------------------------------

def _variants() -> list[tuple[str, dict, list[str]]]:
    base = {k: v for k, v in ENV.items() if k not in ("SOURCE_DATE_EPOCH", "TZ", "PYTHONHASHSEED")}
    out = [("plain", base, []),
           ("hash seed 1, Kiritimati time", {**base, "PYTHONHASHSEED": "1", "TZ": "Pacific/Kiritimati"}, []),
           ("SOURCE_DATE_EPOCH set, Los Angeles", {**base, "SOURCE_DATE_EPOCH": "1700000000",
                                                   "TZ": "America/Los_Angeles", "PYTHONHASHSEED": "987"}, [])]
    if shutil.which("faketime"):
        out.append(("clock ten years ahead (faketime)", {**base, "PYTHONHASHSEED": "5"}, ["faketime", "-f", "+3650d"]))
        out.append(("clock in 2001 (faketime)", {**base, "PYTHONHASHSEED": "6"}, ["faketime", "2001-01-01 00:00:00"]))
    return out


def _content(root: Path, reverse: bool) -> Path:
    """The same archive written file by file in a different order (directory order and mtimes differ)."""
    src = synthetic(root / "src", 60, words=80)
    files = {str(p.relative_to(src)): p.read_text(encoding="utf-8") for p in sorted(src.rglob("*")) if p.is_file()}
    shutil.rmtree(src)
    return write_tree(root / "content", dict(sorted(files.items(), reverse=reverse)))


def test_builds_are_byte_identical_whatever_the_clock_zone_seed_and_file_order(tmp_path):
    trees = {}
    for n, (name, env, prefix) in enumerate(_variants()):
        content = _content(tmp_path / f"c{n}", reverse=bool(n % 2))
        out = tmp_path / f"site{n}"
        cmd = prefix + [sys.executable, "-m", "generator", "build", "--content", str(content), "--out", str(out),
                        "--base-url", "https://example.org/archive/"]
        r = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
        assert r.returncode == 0, (name, r.stderr[-2000:])
        trees[name] = tree(out)
        if n:
            time.sleep(1.1)  # builds at least a second apart: a time stamp would differ
    first_name, first = next(iter(trees.items()))
    assert len(first) > 150
    for name, t in trees.items():
        diff = sorted(k for k in first.keys() | t.keys() if first.get(k) != t.get(k))
        assert not diff, f"{name} differs from {first_name} in {diff[:10]}"


def test_an_empty_archive_feed_dates_from_source_date_epoch_never_the_clock(tmp_path):
    content = write_tree(tmp_path / "content", {"site.yaml": "title: Trống\n"})
    outs = []
    for n, env in enumerate([{"SOURCE_DATE_EPOCH": "1700000000"}, {"SOURCE_DATE_EPOCH": "1700000000", "TZ": "Asia/Tokyo"}]):
        out = tmp_path / f"s{n}"
        r = run("build", "--content", str(content), "--out", str(out), env={**ENV, **env})
        assert r.returncode == 0, r.stderr
        outs.append(tree(out))
        time.sleep(1.1)
    assert outs[0] == outs[1]
    feed = (tmp_path / "s0" / "feed.xml").read_text(encoding="utf-8")
    assert "2023-11-14T22:13:20Z" in feed
