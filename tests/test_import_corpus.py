"""The importer over real pages from many outlets (../shared/corpus and seeds; skipped when absent)."""
from pathlib import Path

import pytest

from generator.importer import import_bytes, load_knowledge
from generator.content import load_registry
from generator.text import fold

REPO = Path(__file__).parent.parent
SHARED = REPO.parent / "shared"
PAGES = sorted((SHARED / "corpus").glob("*.txt")) + sorted((SHARED / "seeds").glob("*.txt"))
REG, _ = load_registry(REPO / "content" / "data")
KNOW = load_knowledge(REPO / "content" / "data", REG.leaders)
FURNITURE = ["tin lien quan", "co the ban quan tam", "hotline", "fb yt zl tw", "doc nhieu", "nho binh thuong lon",
             "phien ban di dong", "tin cung chuyen muc", "- anh 1."]

pytestmark = pytest.mark.skipif(not PAGES, reason="../shared/corpus is not here")


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_page_imports_cleanly_or_says_why(path):
    article, diags = import_bytes(path.read_bytes(), path.name, KNOW)
    if article is None:
        assert diags[0].file == path.name and diags[0].message
        assert "no date" in diags[0].message or "no year" in diags[0].message
        return
    body = fold(article.body)
    for junk in FURNITURE:
        assert junk not in body.split("\n\n"), junk
    paragraphs = [p for p in article.body.split("\n\n") if p]
    assert len(paragraphs) == len(set(paragraphs)), "a paragraph is repeated"
    assert article.title and not article.title.startswith(("date ", "Trang chủ"))
    assert fold(article.title) not in {fold(p) for p in paragraphs}
    assert all(fold(c) not in {fold(p) for p in paragraphs} for c in article.captions)
    if not any(r.field == "date" for r in article.review):
        assert 1990 < article.date.year <= 2026


def test_most_corpus_pages_import():
    ok = sum(import_bytes(p.read_bytes(), p.name, KNOW)[0] is not None for p in PAGES)
    assert ok >= 0.75 * len(PAGES)
