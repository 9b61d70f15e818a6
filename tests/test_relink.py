"""linker.relink (the dev server's link after an edit) gives exactly what link() gives."""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

import pytest

from generator import content, linker
from generator.model import Leader
from generator.registry import Registry
from tests.sitekit import synthetic


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    return content.load(synthetic(tmp_path_factory.mktemp("relink") / "content", 80, leaders=12, events=10,
                                  agreements=15, words=30))


def _edit(rnd: random.Random, articles: dict, reg: Registry) -> tuple[dict, Registry]:
    """A random batch of article changes (and maybe a new leader named by one of them)."""
    changed = {}
    leaders, events = sorted(reg.leaders), sorted(reg.events)
    if rnd.random() < 0.3:
        new_id = f"moi-{rnd.randrange(10**6)}"
        reg = replace(reg, leaders={**reg.leaders, new_id: Leader(new_id, "Người Mới", "LA")})
        leaders.append(new_id)
    for _ in range(rnd.randint(1, 4)):
        what = rnd.choice(("date", "leaders", "events", "new", "delete", "title"))
        slug = rnd.choice(sorted(articles))
        a = articles[slug]
        if what == "date":
            changed[slug] = replace(a, date=dt.date(2016, 1, 1) + dt.timedelta(days=rnd.randrange(3650)))
        elif what == "leaders":
            changed[slug] = replace(a, leaders=tuple(rnd.sample(leaders, rnd.randint(0, 3))))
        elif what == "events":
            changed[slug] = replace(a, events=tuple(rnd.sample(events, rnd.randint(0, 2))))
        elif what == "title":
            changed[slug] = replace(a, title="Khác")
        elif what == "delete":
            changed[slug] = None
        else:
            new = f"2020-01-01-moi-{rnd.randrange(10**6)}"
            changed[new] = replace(a, slug=new, leaders=tuple(rnd.sample(leaders, 2)))
    return changed, reg


@pytest.mark.parametrize("seed", range(12))
def test_relink_equals_link(loaded, seed):
    rnd = random.Random(seed)
    articles = {a.slug: a for a in loaded.articles}
    reg = loaded.registry
    archive, diags = linker.link(tuple(articles.values()), reg)
    assert not diags
    for _ in range(5):
        changed, new_reg = _edit(rnd, articles, reg)
        articles = {s: a for s, a in {**articles, **changed}.items() if a is not None}
        got = linker.relink(archive, reg, new_reg, changed)
        want = linker.link(tuple(articles.values()), new_reg)
        assert got is not None and got == want
        for field in ("leader_articles", "event_articles", "agreement_articles", "leaders"):
            assert list(getattr(got[0], field)) == list(getattr(want[0], field))  # same order too
        archive, reg = want[0], new_reg


def test_a_removed_entity_asks_for_a_full_link(loaded):
    archive, _ = linker.link(loaded.articles, loaded.registry)
    fewer = replace(loaded.registry, leaders=dict(list(loaded.registry.leaders.items())[1:]))
    assert linker.relink(archive, loaded.registry, fewer, {}) is None
