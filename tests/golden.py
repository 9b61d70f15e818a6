"""Golden files for whole imported articles; `python -m tests.golden` (or `make golden`) rewrites them.

Each sample page in content/raw/ is imported, with the repository's data files, into a scratch
content tree; the article written for it is compared with tests/golden/import/<raw name>.md.
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from generator.store import import_pages

REPO = Path(__file__).resolve().parent.parent
GOLDEN = REPO / "tests" / "golden" / "import"


def imported_samples() -> dict[str, str]:
    """raw file name → the article text import writes for it (from a scratch copy of content/)."""
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp)
        shutil.copytree(REPO / "content" / "data", content / "data")
        shutil.copytree(REPO / "content" / "raw", content / "raw")
        raws = sorted((content / "raw").glob("*.txt"))
        report = import_pages(content, raws, log=lambda *a: None)
        if report.diagnostics:
            raise AssertionError("\n".join(map(str, report.diagnostics)))
        state = __import__("json").loads((content / ".import-state.json").read_text())
        return {raw: (content / "articles" / v["file"]).read_text(encoding="utf-8")
                for raw, v in sorted(state["articles"].items())}


def main() -> int:
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for old in GOLDEN.glob("*.md"):
        old.unlink()
    for raw, text in imported_samples().items():
        (GOLDEN / (Path(raw).stem + ".md")).write_text(text, encoding="utf-8")
        print(f"wrote {GOLDEN / (Path(raw).stem + '.md')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
