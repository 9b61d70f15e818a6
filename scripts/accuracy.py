"""Precision and recall of the entity finder on the sample and corpus pages, against hand annotations.

    .venv/bin/python scripts/accuracy.py [--shared ../shared] [-v]

Imports every annotated page with the real importer, runs `extract` with the curated leaders
(events and agreements start empty and grow page by page, as in an import), and compares:
leaders (registry ids, and new officials by name) per page, and how pages were grouped into
events (pairs of pages that report the same event). Annotations: tests/annotations/pages.yaml.
"""
from __future__ import annotations

import argparse
import itertools
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import yamlio  # noqa: E402
from generator.content import load_registry  # noqa: E402
from generator.entities import extract  # noqa: E402
from generator.importer import import_bytes, load_knowledge  # noqa: E402
from generator.registry import Registry  # noqa: E402
from generator.text import fold, slugify  # noqa: E402

ANNOTATIONS = ROOT / "tests" / "annotations" / "pages.yaml"


@dataclass
class Result:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    new_tp: int = 0
    new_fn: int = 0
    pair_tp: int = 0
    pair_fp: int = 0
    pair_fn: int = 0
    lines: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def pair_precision(self) -> float:
        return self.pair_tp / (self.pair_tp + self.pair_fp) if self.pair_tp + self.pair_fp else 1.0

    @property
    def pair_recall(self) -> float:
        return self.pair_tp / (self.pair_tp + self.pair_fn) if self.pair_tp + self.pair_fn else 1.0


def _key(name: str) -> str:
    return " ".join(fold(name).replace("-", " ").split())


def evaluate(shared: Path, data_dir: Path = ROOT / "content" / "data", annotations: Path = ANNOTATIONS) -> Result:
    """Import and extract every annotated page under `shared`; score leaders and event grouping."""
    gold = yamlio.load(annotations.read_text(encoding="utf-8"))
    curated, _diags = load_registry(data_dir)
    reg = Registry(leaders=dict(curated.leaders))
    know = load_knowledge(data_dir, reg.leaders)
    res = Result()
    predicted_event: dict[str, str | None] = {}
    for page in sorted(gold, key=lambda p: Path(p).name):
        want = gold[page] or {}
        path = shared / page
        if not path.exists():
            continue
        data = path.read_bytes()
        article, _found = import_bytes(data, path.name, know)
        if article is None and want.get("date"):
            # A page that states no date: the day an editor would add, as the importer's message asks.
            article, _found = import_bytes(f" date {want['date']}\n".encode() + data, path.name, know)
        if article is None:
            res.lines.append(f"{page}: not imported")
            continue
        ex = extract(article, reg)
        reg = Registry(leaders={**reg.leaders, **{e.id: e for e in ex.new_leaders if e.id not in reg.leaders}},
                       events={**reg.events, **{e.id: e for e in ex.new_events if e.id not in reg.events}},
                       agreements={**reg.agreements, **{e.id: e for e in ex.new_agreements if e.id not in reg.agreements}})
        want_ids = set(want.get("leaders") or ())
        want_new = {_key(n): n for n in want.get("new") or ()}
        got_new_keys = set()
        extra, hit = [], set()
        for id_ in ex.leaders:
            leader = reg.leaders[id_]
            k = _key(leader.name)
            if id_ in want_ids:
                hit.add(id_)
            elif k in want_new or any(slugify(n) == id_ for n in want_new.values()):
                got_new_keys.add(k if k in want_new else next(_key(n) for n in want_new.values() if slugify(n) == id_))
            else:
                extra.append(id_)
        missing = sorted(want_ids - hit) + sorted(want_new[k] for k in want_new if k not in got_new_keys)
        res.tp += len(hit) + len(got_new_keys)
        res.fp += len(extra)
        res.fn += len(missing)
        res.new_tp += len(got_new_keys)
        res.new_fn += len(want_new) - len(got_new_keys)
        predicted_event[page] = ex.events[0] if ex.events else None
        if extra or missing:
            res.lines.append(f"{page}: extra {extra} missing {missing}")
    pages = sorted(predicted_event)
    for a, b in itertools.combinations(pages, 2):
        ga, gb = (gold[a] or {}).get("event"), (gold[b] or {}).get("event")
        pa, pb = predicted_event[a], predicted_event[b]
        same_gold = ga is not None and ga == gb
        same_pred = pa is not None and pa == pb
        res.pair_tp += same_gold and same_pred
        res.pair_fp += same_pred and not same_gold
        res.pair_fn += same_gold and not same_pred
        if same_pred != same_gold:
            res.lines.append(f"event pair {a} ({pa}) / {b} ({pb}): {'split' if same_gold else 'merged'}")
    for p in pages:
        g = (gold[p] or {}).get("event")
        if (g is None) != (predicted_event[p] is None):
            res.lines.append(f"{p}: event {predicted_event[p]} (annotated {g})")
    return res


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="folder with seeds/ and corpus/")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every difference")
    args = ap.parse_args(argv)
    res = evaluate(args.shared)
    if args.verbose:
        print("\n".join(res.lines))
    print(f"leaders: precision {res.precision:.3f}  recall {res.recall:.3f}  "
          f"(tp {res.tp}, fp {res.fp}, fn {res.fn}; new officials found {res.new_tp} of {res.new_tp + res.new_fn})")
    print(f"events (pairs of pages reporting one event): precision {res.pair_precision:.3f}  "
          f"recall {res.pair_recall:.3f}  (tp {res.pair_tp}, fp {res.pair_fp}, fn {res.pair_fn})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
