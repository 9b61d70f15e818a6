"""Time edits through the dev server's own rebuild (generator.incremental.Session), save to pages written.

    python scripts/edit_speed.py CONTENT_DIR WORK_DIR

Copies CONTENT_DIR (e.g. a benchmark archive: `python bench/synth.py 10000 /tmp/s10k` makes
/tmp/s10k/content) into WORK_DIR, builds it once, then makes three body edits, three title edits
and three new leaders, printing for each the seconds, pages rendered and files written, then
the same for the search index's lane, which follows an edit once the browsers have reloaded.
"""
from __future__ import annotations

import re
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator import changes  # noqa: E402
from generator.incremental import Session  # noqa: E402
from generator.render import TEMPLATES  # noqa: E402


def main(src: Path, work: Path) -> int:
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(src, work / "content")
    content = work / "content"
    session = Session(content, work / "site", TEMPLATES)
    t = time.perf_counter()
    session.full()
    print(f"full build (serve start): {time.perf_counter() - t:.1f} s", flush=True)
    articles = sorted((content / "articles").glob("*.md"))

    def edit(rel: str, change) -> str:
        path = content / rel
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
        t = time.perf_counter()
        result = session.update(changes.classify([f"content/{rel}"]))
        took = time.perf_counter() - t
        assert not result.errors, [str(d) for d in result.errors]
        t = time.perf_counter()
        index = session.finish_slow()
        return (f"{took:.3f} s ({result.files} pages rendered, {result.stats.written} written); "
                f"search index {time.perf_counter() - t:.3f} s ({index.written} files)")

    for i in range(3):
        rel = f"articles/{articles[len(articles) // 10 + i].name}"
        print("body edit:  ", edit(rel, lambda t: t + f"\nThêm câu {i}.\n"), flush=True)
        print("title edit: ", edit(rel, lambda t: re.sub(r"(?m)^title: .*$", f"title: Tiêu đề mới {i}", t, 1)), flush=True)
        print("new leader: ", edit("data/leaders.yaml", lambda t: t + f"lanh-dao-moi-{i}:\n  name: Người Mới Số {i}\n"
                                                                       "  country: LA\n"), flush=True)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
