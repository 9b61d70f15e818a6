"""Time `import` of N raw pages made from the sample pages (default 1,000); prints pages per second.

    python scripts/import_speed.py [N] [--jobs J]

Pages are prepared in one process per CPU, as `generator import` does (--jobs 1: in one process).

Each page is a sample page with its title and dateline changed, so every page is imported (and its
entities found) for real and each gets its own article file.
"""
from __future__ import annotations

import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.parallel import default_jobs  # noqa: E402
from generator.store import import_pages, raw_files  # noqa: E402


def make_pages(raw_dir: Path, n: int) -> None:
    """Write n variants of the sample pages into raw_dir."""
    samples = [p.read_text(encoding="utf-8") for p in sorted((REPO / "content" / "raw").glob("*.txt"))]
    for i in range(n):
        text = samples[i % len(samples)]
        day, month = 1 + i % 28, 1 + (i // 28) % 12
        text = re.sub(r"(?m)^(\s*date \d{4}-)\d{2}-\d{2}", rf"\g<1>{month:02d}-{day:02d}", text, count=1)
        lines = text.split("\n")
        k = next(j for j, l in enumerate(lines) if len(l.split()) >= 6 and not l.lstrip().startswith("date"))
        lines[k] = f"{lines[k]} (bản {i})"
        (raw_dir / f"{i:05d}.txt").write_text("\n".join(lines), encoding="utf-8")


def main() -> int:
    args = sys.argv[1:]
    jobs = default_jobs()
    if "--jobs" in args:
        k = args.index("--jobs")
        jobs = int(args[k + 1])
        del args[k:k + 2]
    n = int(args[0]) if args else 1000
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp)
        shutil.copytree(REPO / "content" / "data", content / "data")
        (content / "raw").mkdir()
        make_pages(content / "raw", n)
        t0 = time.perf_counter()
        report = import_pages(content, raw_files(content), log=lambda *a: None, jobs=jobs)
        took = time.perf_counter() - t0
    errors = sum(d.severity == "error" for d in report.diagnostics)
    print(f"imported {n} pages in {took:.2f} s ({took / n * 100:.3f} s per hundred, {n / took:.0f} pages/s) "
          f"in {jobs} process(es); {len(report.written)} written, {errors} errors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
