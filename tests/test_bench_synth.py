"""The benchmark's synthetic archive: deterministic, loadable without diagnostics, raw pages of the real shapes."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from bench import peers, synth
from generator import content, frontmatter

N = 20


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _write(root: Path, seed: int = synth.SEED) -> None:
    synth.generate(N, [synth.OursWriter(root / "ours" / "content"), peers.HugoWriter(root / "hugo"),
                       peers.PelicanWriter(root / "pelican")], seed)


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("synth")
    _write(root)
    return root


def test_same_seed_same_bytes(archive, tmp_path):
    _write(tmp_path)
    first, again = _tree(archive), _tree(tmp_path)
    assert len(first) > 3 * N
    assert first == again


def test_other_seed_other_archive(archive, tmp_path):
    _write(tmp_path, seed=synth.SEED + 1)
    other = _tree(tmp_path / "ours" / "content" / "articles")
    assert other != _tree(archive / "ours" / "content" / "articles")


def test_articles_load_without_diagnostics(archive):
    loaded = content.load(archive / "ours" / "content")
    assert loaded.diagnostics == ()
    assert len(loaded.articles) == N
    reg = loaded.registry
    assert (len(reg.leaders), len(reg.events), len(reg.agreements)) == synth.sizes(N)
    for a in loaded.articles:
        assert 1 <= len(a.leaders) <= 5 and len(a.events) <= 2 and len(a.agreements) <= 6
        assert set(a.leaders) <= set(reg.leaders) and set(a.events) <= set(reg.events)
        assert set(a.agreements) <= set(reg.agreements)
        words = len(a.body.split())
        assert 600 <= words <= 2000, (a.slug, words)
        assert re.search("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", a.body)
    for e in reg.events.values():
        assert set(e.participants) <= set(reg.leaders)
    for g in reg.agreements.values():
        assert g.event in reg.events and set(g.witnesses) <= set(reg.leaders)


def test_article_files_are_what_frontmatter_dump_writes(archive):
    for path in sorted((archive / "ours" / "content" / "articles").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        article, diags = frontmatter.parse(text, path.stem, str(path))
        assert diags == [] and article is not None
        assert frontmatter.dump(article) == text


DATE_LINE = re.compile(r"^ date (\d{4}-\d{2}-\d{2}) ")
TIME_LINE = re.compile(r"^\d{2}:\d{2} \| (\d{2})/(\d{2})/(\d{4}) GMT\+7$")


def test_raw_pages_have_the_scraped_shapes(archive):
    loaded = content.load(archive / "ours" / "content")
    by_raw = {a.raw: a for a in loaded.articles}
    raws = sorted((archive / "ours" / "content" / "raw").iterdir())
    assert [p.name for p in raws] == sorted(by_raw)
    styles = set()
    for path in raws:
        a = by_raw[path.name]
        lines = path.read_text(encoding="utf-8").split("\n")
        if m := DATE_LINE.match(lines[0]):
            styles.add("date")
            assert m.group(1) == a.date.isoformat()
        else:
            m = TIME_LINE.match(lines[1])
            assert m, lines[:2]
            styles.add("time")
            assert (m.group(3), m.group(2), m.group(1)) == tuple(a.date.isoformat().split("-"))
        t = lines.index(a.title)
        assert t <= 4
        assert a.author in lines[t + 1:t + 4]
        assert f"(NLĐO) - {a.lead}" in lines
        for c in a.captions:
            k = lines.index(c)
            assert lines[k + 1] == c  # the scraper's duplicated caption
        trailer = lines.index("Tin liên quan")
        assert trailer > lines.index(f"(NLĐO) - {a.lead}")
        assert sum(line.startswith("(NLĐO)- ") for line in lines[trailer:]) == 3
        body_first = next(b for b in a.body.split("\n\n") if not b.startswith(("#", "-")))
        assert body_first in lines[:trailer]
    assert styles == {"date", "time"}


def test_peer_sites_carry_the_same_articles(archive):
    ours = sorted(p.name for p in (archive / "ours" / "content" / "articles").glob("*.md"))
    hugo = sorted(p.name for p in (archive / "hugo" / "content" / "articles").glob("*.md") if p.name != "_index.md")
    pelican = sorted(p.name for p in (archive / "pelican" / "content" / "articles").glob("*.md"))
    assert ours == hugo == pelican
    assert (archive / "hugo" / "data" / "leaders.yaml").read_bytes() == \
        (archive / "ours" / "content" / "data" / "leaders.yaml").read_bytes()
    assert (archive / "pelican" / "pelicanconf.py").exists() and (archive / "hugo" / "hugo.yaml").exists()


def test_the_report_states_growth_per_article_from_the_smallest_to_the_largest_size():
    from bench.run import growth
    text = growth({1000: {"ours": {"cold_wall": 2.0}}, 50000: {"ours": {"cold_wall": 120.0}}, 10000: {"ours": {}}})
    assert "1,000: 2.00 ms; 50,000: 2.40 ms" in text and "1.20× that at 1,000" in text
    assert growth({1000: {"ours": {"cold_wall": 2.0}}}) == ""
