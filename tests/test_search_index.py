"""The search index: folding and hashing agree with search.js, tokens, files, determinism, size."""
from __future__ import annotations

import gzip
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from generator import content, linker
from generator.config import SiteConfig
from generator.render import search
from generator.render.views import Site
from generator.text import fold, normalize
from tests.sitekit import article, build_scenario, scenario, synthetic, write_tree

SEARCH_JS = Path(__file__).resolve().parents[1] / "templates" / "static" / "search.js"

FOLD_TABLE = ["Tô Lâm", "tô lâm", "TO LAM", "Đà Nẵng", "ĐÀ NẴNG", "Ðà Nẵng", "hoà bình", "hòa bình",
              "Thuỷ điện", "Thong-lun Xi-xu-lít", "Viêng Chăn", "Chủ tịch nước", "Ưu tiên ơn",
              "Quyết định số 12/QĐ-TTg", "Việt Nam – Lào", "« Hợp tác »", "a\u00a0b\u2009c", "Ñandú Ærø ß",
              "ສະບາຍດີ", "北京", "İstanbul", "ΣΟΦΟΣ", "x\u0301y", "", "   "]


def _site(files: dict[str, str], tmp: Path, **cfg) -> Site:
    loaded = content.load(write_tree(tmp / "content", files))
    archive, _ = linker.link(loaded.articles, loaded.registry)
    return Site(archive, SiteConfig(**cfg))


def _node(script: str):
    node = shutil.which("node")
    if not node:
        pytest.skip("node is not installed: the JavaScript half of this check is skipped")
    out = subprocess.run([node, "-e", script], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def _js_call(function: str, values: list) -> list:
    script = (f"const s = require({json.dumps(str(SEARCH_JS))});"
              f"process.stdout.write(JSON.stringify({json.dumps(values)}.map(v => s.{function}(v))));")
    return _node(script)


def test_fold_in_python_equals_fold_in_javascript():
    assert _js_call("fold", FOLD_TABLE) == [fold(t) for t in FOLD_TABLE]


def test_query_syllables_in_javascript_are_the_index_syllables():
    expected = [[w for s in search.sentences(normalize(t)) for w in s] for t in FOLD_TABLE]
    assert _js_call("syllables", FOLD_TABLE) == expected


def test_shard_hash_in_python_equals_javascript():
    tokens = ["to lam", "da nang", "lam", "viet nam", "ສະບາຍດີ", "北京 x", "😀 x", "", "a" * 300]
    assert _js_call("crc32", tokens) == [search.crc32(t) for t in tokens]
    assert search.crc32("") == 0 and search.crc32("123456789") == 0xCBF43926  # the CRC-32 check value


@pytest.mark.parametrize("text, tokens", [
    ("Tô Lâm", {"to", "lam", "to lam"}),
    ("tô lâm", {"to", "lam", "to lam"}),
    ("TO LAM", {"to", "lam", "to lam"}),
    ("Đà Nẵng", {"da", "nang", "da nang"}),
    ("hoà bình", {"hoa", "binh", "hoa binh"}),
    ("Thong-lun Xi-xu-lít", {"thong", "lun", "xi", "xu", "lit", "thong lun", "lun xi", "xi xu", "xu lit"}),
    ("Hà Nội. Viêng Chăn", {"ha", "noi", "ha noi", "vieng", "chan", "vieng chan"}),  # no bigram across '.'
    ("Việt Nam – Lào, hợp tác", {"viet", "nam", "lao", "hop", "tac", "viet nam", "nam lao", "lao hop", "hop tac"}),
])
def test_tokens(text, tokens):
    assert search.tokens(text) == tokens


def test_fast_tokens_match_fold_on_real_text():
    corpus = Path(__file__).resolve().parents[2] / "shared" / "corpus"
    if not corpus.is_dir():
        pytest.skip("../shared/corpus is absent")
    for path in sorted(corpus.iterdir())[:20]:
        text = normalize(path.read_text(encoding="utf-8", errors="replace"))
        for line in text.split("\n"):
            got = [w for s in search.sentences(line) for w in s]
            assert got == search.SYLLABLE.findall(fold(line)), line


def _postings(site: Site, index: search.Index, token: str) -> dict[int, int]:
    shard = json.loads(index.files[f"s/{search.shard_of(token, index.shards)}.json"])
    v, out = 0, {}
    for d in shard.get(token, []):
        v += d
        out[v >> 2] = v & 3
    return out


def _scenario_index(tmp_path) -> tuple[Site, search.Index]:
    files = scenario()
    files["articles/2025-11-20-da-nang.md"] = article(
        "Hội nghị hợp tác miền Trung", "2025-11-20", "Đoàn đại biểu Lào thăm thành phố Đà Nẵng. Hoà bình.")
    site = _site(files, tmp_path)
    return site, search.build_index(site)


def test_index_contents(tmp_path):
    site, index = _scenario_index(tmp_path)
    docs = [row for k in range(-(-index.docs // search.CHUNK)) for row in json.loads(index.files[f"d/{k}.json"])]
    slugs = [a.slug for a in site.archive.articles]
    assert [d[1] for d in docs] == [f"bai-viet/{s}/" for s in slugs]  # doc n is the n-th newest
    hoi_dam = slugs.index("2025-12-01-hoi-dam")
    assert _postings(site, index, "to lam")[hoi_dam] == search.TITLE
    assert _postings(site, index, "da nang") == {slugs.index("2025-11-20-da-nang"): search.BODY}
    assert slugs.index("2025-11-20-da-nang") in _postings(site, index, "hoa binh")
    # The leader's alias is indexed with the article that names the leader.
    assert _postings(site, index, "xi xu")[hoi_dam] == search.NAMES
    entities = json.loads(index.files["entities.json"])
    assert entities["shards"] == index.shards and entities["docs"] == index.docs == 4
    assert ["leader", "Thongloun Sisoulith", "lanh-dao/thongloun-sisoulith/", "Thong-lun Xi-xu-lít"] in entities["entities"]


def test_links_keep_their_text_not_their_address(tmp_path):
    files = scenario()
    files["articles/2025-01-01-link.md"] = article("Liên kết", "2025-01-01", "Xem [báo Nhân Dân](https://nhandan.vn/abc-xyz).")
    site = _site(files, tmp_path)
    n = [a.slug for a in site.archive.articles].index("2025-01-01-link")
    index = search.build_index(site)
    assert n in _postings(site, index, "nhan dan") and n not in _postings(site, index, "nhandan")


def test_names_deep_in_a_long_body_are_indexed(tmp_path):
    files = scenario()
    filler = " ".join(["hai bên trao đổi ý kiến về hợp tác"] * 80)
    files["articles/2025-02-02-dai.md"] = article("Bài dài", "2025-02-02", filler + ". Đoàn đến Đà Nẵng và Bộ Ngoại giao.")
    site = _site(files, tmp_path)
    n = [a.slug for a in site.archive.articles].index("2025-02-02-dai")
    index = search.build_index(site)
    assert len(filler) > search.BODY_CHARS
    for token in ("da nang", "bo ngoai", "ngoai giao"):
        assert n in _postings(site, index, token), token


def test_unigram_postings_are_capped_to_the_best(tmp_path):
    files = scenario()
    for k in range(search.UNIGRAM_CAP + 20):
        title = "Lâm nghiệp số %d" % k if k % 2 else "Bài số %d" % k
        files[f"articles/2020-01-{1 + k % 28:02d}-bai-{k}.md"] = article(title, f"2020-01-{1 + k % 28:02d}", "Nói về lâm sản.")
    site = _site(files, tmp_path)
    index = search.build_index(site)
    lam = _postings(site, index, "lam")
    assert len(lam) == search.UNIGRAM_CAP
    in_title = sum(1 for a in site.archive.articles if "lam" in fold(a.title).split())
    assert sum(1 for w in lam.values() if w == search.TITLE) == in_title  # every title match kept first
    assert len(_postings(site, index, "lam san")) == search.UNIGRAM_CAP + 20  # bigrams are not capped


def test_two_builds_are_byte_identical(tmp_path):
    a_result, a_site = build_scenario(tmp_path / "a")
    b_result, b_site = build_scenario(tmp_path / "b")
    a_files = sorted(p.relative_to(a_site) for p in (a_site / "search").rglob("*") if p.is_file())
    assert a_files and a_files == sorted(p.relative_to(b_site) for p in (b_site / "search").rglob("*") if p.is_file())
    for rel in a_files:
        assert (a_site / rel).read_bytes() == (b_site / rel).read_bytes(), rel


def test_index_does_not_depend_on_the_base_url(tmp_path):
    files = scenario()
    root = search.build_index(_site(files, tmp_path / "a"))
    sub = search.build_index(_site(files, tmp_path / "b", base_url="https://user.github.io/repo/"))
    assert root.files == sub.files


def test_file_names_are_known_before_building(tmp_path):
    site, index = _scenario_index(tmp_path)
    assert sorted(search.file_names(site)) == sorted(index.files)


def test_search_page_points_at_the_index_and_the_script(tmp_path):
    result, site = build_scenario(tmp_path, base_url="https://user.github.io/repo/")
    assert not result.errors
    page = (site / "search" / "index.html").read_text(encoding="utf-8")
    assert 'data-index="/repo/search/"' in page and 'data-root="/repo/"' in page
    assert '<script src="/repo/static/search.js?v=' in page
    assert (site / "static" / "search.js").is_file() and (site / "search" / "entities.json").is_file()


@pytest.fixture(scope="module")
def thousand(tmp_path_factory):
    root = tmp_path_factory.mktemp("search1000")
    loaded = content.load(synthetic(root / "content", 1000))
    archive, _ = linker.link(loaded.articles, loaded.registry)
    site = Site(archive, SiteConfig())
    return site, search.build_index(site)


def test_size_bounds_at_a_thousand_articles(thousand):
    site, index = thousand
    shards = [v for k, v in index.files.items() if k.startswith("s/")]
    chunks = [v for k, v in index.files.items() if k.startswith("d/")]
    assert max(map(len, shards)) < 64_000
    assert max(map(len, chunks)) < 24_000
    # A first query: entities.json, the shards of its bigrams, the chunks of its first results.
    fetched = {"entities.json"}
    words = ["hop", "tac", "viet", "nam"]
    found = None
    for token in (" ".join(p) for p in zip(words, words[1:])):
        fetched.add(f"s/{search.shard_of(token, index.shards)}.json")
        docs = set(_postings(site, index, token))
        found = docs if found is None else found & docs
    assert found
    fetched |= {f"d/{n // search.CHUNK}.json" for n in sorted(found)[:10]}
    raw = sum(len(index.files[f]) for f in fetched)
    zipped = sum(len(gzip.compress(index.files[f])) for f in fetched)
    assert raw < 300_000 and zipped < 100_000, (raw, zipped)


def test_the_one_translate_way_gives_the_word_by_word_syllables():
    import random
    rnd = random.Random(3)
    alphabet = [chr(c) for c in [*range(0x250), *range(0x300, 0x370), *range(0x1E00, 0x1F00), *range(0x2000, 0x2070)]]
    texts = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 12))) for _ in range(3000)]
    texts += FOLD_TABLE + [normalize(article("Tô Lâm – “Hà Nội”… Đà Nẵng; 12/3", "2025-01-01", "Thong-lun Xi-xu-lít."))]
    corpus = Path(__file__).resolve().parents[2] / "shared" / "corpus"
    if corpus.is_dir():
        texts += [normalize(p.read_text(encoding="utf-8", errors="replace")) for p in sorted(corpus.iterdir())]
    checked = 0
    for text in texts:  # Greek, Lao, CJK … always take the word-by-word way
        if not search._OTHER_SCRIPTS.search(text):
            assert search._syllables(text) == search._syllables_by_word(text), repr(text)
            checked += 1
    assert checked > 2900
