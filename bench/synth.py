"""A deterministic synthetic archive of N articles in the generator's own formats, streamed to disk.

One seeded random stream makes a registry (leaders, events, agreements sized to N) and then the
articles one by one; each article is written as it is made, as a raw scraped page (content/raw/)
and as an article file (content/articles/, exactly as generator.frontmatter.dump writes it), so
10,000 articles take a few seconds and little memory. `Writer`s for other tools (bench/peers.py)
receive the same stream.

    python bench/synth.py N DIR [--seed S]     writes DIR/content/
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import shutil
import sys
from dataclasses import replace
from pathlib import Path
from typing import Protocol

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import vocab  # noqa: E402
from generator import frontmatter, registry, yamlio  # noqa: E402
from generator.model import Agreement, Article, Event, Leader, Role  # noqa: E402
from generator.registry import Registry  # noqa: E402
from generator.text import fold, slugify  # noqa: E402

SEED = 20251201
FIRST_DAY = dt.date(2016, 1, 1)
DAYS = (dt.date(2026, 6, 30) - FIRST_DAY).days
SOURCE, DATELINE = "Người Lao Động", "(NLĐO)"
HOTLINE = "HOTLINE: 0903.343.439 - HOTLINE Phát hành: 0819.123.127 - ĐẶT MUA BÁO"
TRAILER = "Tin liên quan"


def sizes(n: int) -> tuple[int, int, int]:
    """How many leaders, events and agreements an archive of n articles has."""
    return max(12, min(n // 20, 2400)), max(6, n // 8), max(10, n // 4)


def _day(rng: random.Random) -> dt.date:
    return FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))


def _unique(base: str, used: set[str]) -> str:
    key, k = base, 1
    while key in used:
        k += 1
        key = f"{base}-{k}"
    used.add(key)
    return key


def _leaders(rng: random.Random, count: int) -> list[Leader]:
    out, names, ids = [], set(), set()
    lao = count * 2 // 5
    while len(out) < count:
        is_lao = len(out) < lao
        if is_lao:
            name = f"{rng.choice(vocab.LAO_GIVEN)} {rng.choice(vocab.LAO_FAMILY)}"
        else:
            name = f"{rng.choice(vocab.VN_FAMILY)} {rng.choice(vocab.VN_MIDDLE)} {rng.choice(vocab.VN_GIVEN)}"
        if fold(name) in names:
            continue
        names.add(fold(name))
        start = dt.date(rng.randrange(2008, 2024), rng.randrange(1, 13), 1)
        roles = [Role(rng.choice(vocab.LAO_ROLES if is_lao else vocab.VN_ROLES), start,
                      start + dt.timedelta(days=365 * 5) if rng.random() < 0.4 else None)]
        if rng.random() < 0.5:  # a copy of `start`: a shared object would be dumped as a YAML alias
            roles.insert(0, Role(rng.choice(vocab.LAO_ROLES if is_lao else vocab.VN_ROLES),
                                 start - dt.timedelta(days=365 * 4), start.replace()))
        out.append(Leader(_unique(slugify(name), ids), name, "LA" if is_lao else "VN", (), tuple(roles)))
    return out


def _events(rng: random.Random, count: int, leaders: list[Leader]) -> list[Event]:
    out, ids = [], set()
    for _ in range(count):
        kind = rng.choice(sorted(vocab.EVENT_KINDS))
        place, start = rng.choice(vocab.PLACES), _day(rng)
        name = vocab.EVENT_KINDS[kind].format(place=place, field=rng.choice(vocab.FIELDS))
        title = f"{name} năm {start.year}"
        participants = tuple(sorted({p.id for p in rng.sample(leaders, rng.randint(2, 4))}))
        host = "LA" if place in vocab.PLACES[1:5] + vocab.PLACES[13:] else "VN"
        out.append(Event(_unique(f"{slugify(name, 60)}-{start.year}", ids), title, kind, start,
                         start + dt.timedelta(days=rng.randint(0, 3)), place, host, participants))
    return out


def _agreements(rng: random.Random, count: int, events: list[Event]) -> list[Agreement]:
    out, ids = [], set()
    for _ in range(count):
        event, kind = rng.choice(events), rng.choice(sorted(vocab.AGREEMENT_KINDS))
        ministry, field = rng.choice(vocab.MINISTRIES), rng.choice(vocab.FIELDS)
        y = event.start.year + 1
        title = (f"{vocab.AGREEMENT_KINDS[kind]} giữa {ministry} Việt Nam và {ministry} Lào về {field} "
                 f"giai đoạn {y}-{y + 4}")
        witnesses = tuple(sorted(rng.sample(event.participants, 2)))
        out.append(Agreement(_unique(slugify(title, 70), ids), title, kind,
                             (f"{ministry} Việt Nam", f"{ministry} Lào"), f"{y}-{y + 4}", event.id,
                             event.start, witnesses))
    return out


def make_registry(n: int, seed: int = SEED) -> Registry:
    """The leaders, events and agreements of an archive of n articles."""
    rng = random.Random(f"registry:{seed}:{n}")
    nl, ne, na = sizes(n)
    leaders = _leaders(rng, nl)
    events = _events(rng, ne, leaders)
    agreements = _agreements(rng, na, events)
    return Registry({x.id: x for x in leaders}, {x.id: x for x in events}, {x.id: x for x in agreements})


def _words(ws: list[str], mention: str, rng: random.Random) -> str:
    """One sentence of the words ws: a mention put inside, a comma, a capital and a full stop."""
    if mention:
        ws.insert(1 + int(rng.random() * (len(ws) - 1)), mention)
    if len(ws) > 7:
        k = 2 + int(rng.random() * (len(ws) - 5))
        ws[k] += ","
    text = " ".join(ws)
    return text[0].upper() + text[1:] + "."


def _sentence(rng: random.Random, words: int, mention: str = "") -> str:
    return _words(rng.choices(vocab.WORDS, k=words), mention, rng)


def _paragraph(rng: random.Random, mention: str = "") -> str:
    # One draw of words for the whole paragraph, cut into sentences: a quarter of the calls.
    lens = [6 + int(rng.random() * 8) for _ in range(3 + int(rng.random() * 3))]
    pool = rng.choices(vocab.WORDS, k=sum(lens))
    at = int(rng.random() * len(lens))
    out, i = [], 0
    for k, n in enumerate(lens):
        out.append(_words(pool[i:i + n], mention if k == at else "", rng))
        i += n
    return " ".join(out)


def _named(leader: Leader) -> str:
    return f"{leader.roles[-1].title} {leader.name}"


def make_article(rng: random.Random, i: int, reg: Registry, ev_ids: list[str], ld_ids: list[str],
                 ag_ids: list[str], by_event: dict[str, list[str]]) -> Article:
    """Article number i: entities first (from its events), then the text that mentions them."""
    events = sorted(set(rng.sample(ev_ids, rng.choice((0, 1, 1, 1, 2)))))
    pool = sorted({p for e in events for p in reg.events[e].participants})
    leaders = rng.sample(pool, min(len(pool), rng.randint(1, 3)))
    for lid in rng.sample(ld_ids, 5):
        if len(leaders) < rng.randint(1, 5) and lid not in leaders:
            leaders.append(lid)
    want = rng.choice((0, 0, 1, 2, 3, 4, 6))
    cands = sorted({a for e in events for a in by_event.get(e, ())})
    agreements = rng.sample(cands, min(want, len(cands)))
    agreements += [a for a in rng.sample(ag_ids, want) if a not in agreements][: want - len(agreements)]
    date = (reg.events[events[0]].start + dt.timedelta(days=rng.randint(0, 1))) if events else _day(rng)
    people = [reg.leaders[x] for x in leaders]
    first = people[0]
    other = people[1] if len(people) > 1 else None
    verb = rng.choice(("hội đàm với", "tiếp", "hội kiến", "điện đàm với", "gặp gỡ"))
    title = (f"{_named(first)} {verb} {_named(other)}" if other else
             f"{_named(first)} {' '.join(rng.choices(vocab.WORDS, k=rng.randint(3, 6)))}")
    lead = _sentence(rng, rng.randint(12, 20), _named(first))
    captions = tuple(f"{_named(p)} {' '.join(rng.choices(vocab.WORDS, k=rng.randint(4, 8)))}. "
                     f"(Ảnh: {rng.choice(vocab.AUTHORS)})" for p in people[: rng.randint(1, 3)])
    paras = [_paragraph(rng, _named(p) if k < len(people) else "") for k in range(rng.randint(11, 14))
             for p in [people[k % len(people)]]]
    for at in sorted(rng.sample(range(2, len(paras)), rng.randint(0, 2)), reverse=True):
        paras.insert(at, "## " + rng.choice(vocab.HEADINGS))
    if len(agreements) >= 2:
        items = [f"- {reg.agreements[a].title};" for a in agreements]
        items[-1] = items[-1][:-1] + "."
        paras.insert(2, rng.choice(vocab.LIST_INTROS) + "\n\n" + "\n".join(items))
    slug = f"{date}-{slugify(title, 60)}"
    raw = f"{i:06d}_{hashlib.sha1(f'{i}{title}'.encode()).hexdigest()[:16]}.txt"
    return Article(slug=slug, title=title, date=date, body="\n\n".join(paras), source=SOURCE,
                   author=rng.choice(vocab.AUTHORS), lead=lead, captions=captions,
                   leaders=tuple(leaders), events=tuple(events), agreements=tuple(agreements), raw=raw)


def raw_page(article: Article, rng: random.Random, i: int) -> str:
    """The article as a scraped page: furniture, date line, byline, dateline lead, duplicated
    captions, body paragraphs, and a trailing related-news block."""
    d = article.date
    if i % 2:
        head = [f" date {d.isoformat()} {HOTLINE}", "Thời sự Chính trị", "", article.title]
    else:
        head = ["Trang chủ Chính trị - Xã hội", f"{rng.randint(6, 22):02d}:{rng.randrange(60):02d} | "
                f"{d:%d/%m/%Y} GMT+7", "", article.title]
    out = head + ["", article.author, "", f"{DATELINE} - {article.lead}", ""]
    blocks = article.body.split("\n\n")
    spots = {min(1, len(blocks) - 1): 0, min(5, len(blocks) - 1): 1, min(8, len(blocks) - 1): 2}
    for k, block in enumerate(blocks):
        if block.startswith("## "):
            block = block[3:]
        elif block.startswith("- "):
            block = "\n\n".join(line[2:] for line in block.split("\n"))
        out += [block, ""]
        c = spots.get(k)
        if c is not None and c < len(article.captions):
            out += [article.captions[c], article.captions[c], ""]
    out += [TRAILER, ""]
    for _ in range(3):
        t = _sentence(rng, rng.randint(5, 8))[:-1]
        out += [t, "", t, "", f"{DATELINE}- {_sentence(rng, rng.randint(9, 14))}", ""]
    return "\n".join(out)


class Writer(Protocol):
    """Receives the archive: the registry once, then each article with its raw page."""

    def start(self, reg: Registry) -> None: ...
    def add(self, article: Article, raw: str) -> None: ...
    def finish(self) -> None: ...


class OursWriter:
    """DIR/content/ in the generator's formats: raw/, articles/, data/*.yaml, site.yaml."""

    def __init__(self, content: Path):
        self.content = content

    def start(self, reg: Registry) -> None:
        if self.content.exists():
            shutil.rmtree(self.content)
        for sub in ("raw", "articles", "data"):
            (self.content / sub).mkdir(parents=True)
        write_registry(reg, self.content / "data")
        for name in ("outlets.yaml", "calendar.yaml"):  # what the importer knows about outlets
            src = ROOT / "content" / "data" / name
            if src.exists():
                shutil.copyfile(src, self.content / "data" / name)
        (self.content / "site.yaml").write_text(yamlio.dump(
            {"title": "Lưu trữ quan hệ Việt Nam – Lào (dữ liệu thử)", "base_url": "/", "language": "vi"}),
            encoding="utf-8")

    def add(self, article: Article, raw: str) -> None:
        (self.content / "raw" / article.raw).write_text(raw, encoding="utf-8")
        (self.content / "articles" / f"{article.slug}.md").write_text(frontmatter.dump(article), encoding="utf-8")

    def finish(self) -> None:
        """Nothing is buffered: every file was written as it came."""


def write_registry(reg: Registry, data: Path) -> None:
    """leaders.yaml, events.yaml and agreements.yaml in the registry's own format."""
    for kind, name in registry.FILES.items():
        entities = getattr(reg, kind).values()
        (data / name).write_text(registry.append_text(entities), encoding="utf-8")


def generate(n: int, writers: list[Writer], seed: int = SEED) -> Registry:
    """Make the archive of n articles and stream it to the writers; returns the registry."""
    reg = make_registry(n, seed)
    for w in writers:
        w.start(reg)
    ev_ids, ld_ids, ag_ids = sorted(reg.events), sorted(reg.leaders), sorted(reg.agreements)
    by_event: dict[str, list[str]] = {}
    for a in reg.agreements.values():
        by_event.setdefault(a.event, []).append(a.id)
    rng = random.Random(f"articles:{seed}:{n}")
    slugs: set[str] = set()
    for i in range(n):
        article = make_article(rng, i, reg, ev_ids, ld_ids, ag_ids, by_event)
        slug = _unique(article.slug, slugs)
        if slug != article.slug:
            article = replace(article, slug=slug)
        raw = raw_page(article, rng, i)
        for w in writers:
            w.add(article, raw)
    for w in writers:
        w.finish()
    return reg


def main(argv: list[str] | None = None) -> int:
    """Write DIR/content/ with n synthetic articles."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int)
    ap.add_argument("dir", type=Path)
    ap.add_argument("--seed", type=int, default=SEED)
    args = ap.parse_args(argv)
    generate(args.n, [OursWriter(args.dir / "content")], args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
