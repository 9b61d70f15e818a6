"""Bytes a reader's phone fetches for a first search, and the index's build time, at 1,000 and 10,000 articles.

    python scripts/search_size.py [--sizes 1000 10000] [--work DIR]

For each size it writes bench/synth.py's synthetic archive (kept in --work and reused), builds the
search index in memory, and for a few typical queries adds up what search.js fetches first: the
search page, search.js, the stylesheet, entities.json, the shards of the query's tokens and the
document chunks of the first page of results. Raw and gzip sizes (GitHub Pages serves gzip).
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import synth  # noqa: E402
from generator import content, linker  # noqa: E402
from generator.config import SiteConfig  # noqa: E402
from generator.render import TEMPLATES, environment, read_static, render_page  # noqa: E402
from generator.render import pages as pages_mod  # noqa: E402
from generator.render import search  # noqa: E402
from generator.render.views import Site  # noqa: E402
from generator.text import normalize  # noqa: E402

FIRST_PAGE = 10  # results search.js shows before "Xem thêm"


def first_query(index: search.Index, query: str) -> tuple[set[str], int]:
    """The index files search.js fetches for query's first page, and how many articles match."""
    words = [w for s in search.sentences(normalize(query)) for w in s]
    tokens = [" ".join(p) for p in zip(words, words[1:])] if len(words) > 1 else words
    files, found = {"entities.json"}, None
    for token in tokens:
        name = f"s/{search.shard_of(token, index.shards)}.json"
        files.add(name)
        v, docs = 0, {}
        for d in json.loads(index.files[name]).get(token, []):
            v += d
            docs[v >> 2] = v & 3
        if found is None:
            found = docs
        else:
            found = {n: w + docs[n] for n, w in found.items() if n in docs}
    ranked = sorted(found or {}, key=lambda n: (-found[n], n))
    files |= {f"d/{n // search.CHUNK}.json" for n in ranked[:FIRST_PAGE]}
    return files, len(ranked)


def queries(site: Site) -> list[str]:
    """Typical queries: a leader's name without diacritics, a place, a phrase, one syllable."""
    arc = site.archive
    busiest = max(arc.leader_articles, key=lambda i: (len(arc.leader_articles[i]), i))
    return [arc.leaders[busiest].name, search.fold(arc.leaders[busiest].name), "da nang", "hợp tác",
            "an ninh quốc phòng", "lào"]


def measure(n: int, work: Path) -> None:
    folder = work / str(n)
    if not (folder / "content" / "articles").is_dir() or len(list((folder / "content" / "articles").iterdir())) != n:
        synth.main([str(n), str(folder)])
    loaded = content.load(folder / "content")
    archive, _ = linker.link(loaded.articles, loaded.registry)
    site = Site(archive, SiteConfig(base_url="https://user.github.io/repo/"), read_static(TEMPLATES))
    t = time.perf_counter()
    index = search.build_index(site)
    seconds = time.perf_counter() - t
    env = environment(TEMPLATES)
    page_spec = next(s for s in pages_mod.specs(site) if s.template == "search.html")
    fixed = {"search/index.html": render_page(env, site, page_spec), "static/search.js": site.static["search.js"],
             "static/style.css": site.static["style.css"]}
    shards = [v for k, v in index.files.items() if k.startswith("s/")]
    total = sum(map(len, index.files.values()))
    print(f"\n{n} articles: index built in {seconds:.2f} s; {len(index.files)} files, {total / 1e6:.1f} MB; "
          f"{index.shards} shards, largest {max(map(len, shards)) / 1e3:.1f} KB; "
          f"entities.json {len(index.files['entities.json']) / 1e3:.1f} KB "
          f"({len(gzip.compress(index.files['entities.json'])) / 1e3:.1f} KB gzip)")
    print(f"  {'query':<28} {'matches':>7} {'files':>5} {'raw KB':>8} {'gzip KB':>8}")
    for q in queries(site):
        files, matches = first_query(index, q)
        blobs = list(fixed.values()) + [index.files[f] for f in sorted(files)]
        raw = sum(map(len, blobs)) / 1e3
        zipped = sum(len(gzip.compress(b)) for b in blobs) / 1e3
        print(f"  {q[:28]:<28} {matches:>7} {len(blobs):>5} {raw:>8.1f} {zipped:>8.1f}")


def main(argv: list[str] | None = None) -> int:
    """Measure each size and print a table per size."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--work", type=Path, default=ROOT / "bench" / "out" / "search")
    args = ap.parse_args(argv)
    for n in args.sizes:
        measure(n, args.work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
