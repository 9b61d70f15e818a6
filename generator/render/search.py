"""Search index under search/: folded syllables and bigrams → hashed shards, document chunks, entities.

Vietnamese is written in syllables, and single syllables ('to', 'lam', 'hop') are everywhere, so a
query of two or more syllables is answered from BIGRAMS (adjacent syllables within a sentence,
full postings) and a one-syllable query from UNIGRAMS (postings capped to the best UNIGRAM_CAP).
Every token is folded with generator.text.fold (lower case, no diacritics, đ→d), exactly as
templates/static/search.js folds a query, so 'Tô Lâm', 'tô lâm' and 'to lam' are one token.

Files (all JSON, deterministic; docs/search.md describes them):
    search/entities.json   {"v", "shards", "chunk", "docs", "entities": [[kind, name, url, aliases…]]}
    search/s/<k>.json      {token: [delta, …]}  posting p = doc * 4 + weight, deltas of sorted p
    search/d/<k>.json      [[title, url, date, outlet, snippet], …]  CHUNK docs, doc 0 = newest
URLs inside are relative to the site's base, so the index does not change with the base URL.
"""
from __future__ import annotations

import hashlib
from array import array
import json
import os
import re
import weakref
from collections import defaultdict
from operator import sub
from dataclasses import dataclass

from ..content import body_of
from ..model import Article
from ..text import collapse_spaces, fold
from . import urls as U
from .spec import PageSpec
from .views import Site

INDEX = U.SEARCH  # the folder the index is written to, next to the search page
UNIGRAM_CAP = 300
CHUNK = 20  # documents per metadata chunk: small, since the best results are spread over time
SNIPPET = 400
# The body is indexed whole up to BODY_CHARS (news puts who, where and what first); after that only
# names: runs of capitalised words and the word after them ('Đà Nẵng', 'Bộ Ngoại giao'). Indexing
# every word of long bodies would double the index and its build time (docs/search.md).
BODY_CHARS = 2000
_UPPER = "".join(sorted(c for c in map(chr, range(0x41, 0x1F00)) if c.isupper() and c.isalpha()))
_CAPITAL_WORD = f"[{_UPPER}][^\\W\\d_]*(?:-[^\\W\\d_]+)*"
NAMED = re.compile(f"{_CAPITAL_WORD}(?:[ -]{_CAPITAL_WORD})*(?: [^\\W\\d_]+)?")
SHARD_BYTES = 24_000  # aimed-at size of one shard; the shard count grows with the index
BYTES_PER_CHAR = 0.65  # index bytes per character of text, measured on synthetic and real articles
TITLE, NAMES, BODY = 3, 2, 1  # weight classes, stored in a posting's two low bits
WEIGHTS = (TITLE, NAMES, BODY)
KINDS = ("leaders", "events", "agreements")

# A syllable: ASCII letters and digits (folded Vietnamese is ASCII) or letters of other scripts;
# everything else separates. search.js uses the same character class.
SYLLABLE = re.compile("[0-9a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u1fff\u2c00-\u2dff\u3040-\ud7ff\uf900-\ufdff\ufe70-\ufefe]+")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARK = re.compile(r"^\s*(?:#{1,6}\s|[-*+]\s|\d+[.)]\s|>\s?)|[*_`~|]|\\(?=.)", re.M)

# Tokenising 10,000 articles must take seconds, not minutes, so it works on UTF-8 bytes: ASCII
# punctuation becomes a space (or a newline where a sentence ends: bigrams do not cross sentences,
# commas and dashes do not end one), and each distinct raw word is folded once (_FOLDED).
_BYTES = bytearray(range(256))
for _c in range(128):
    if not chr(_c).isalnum():
        _BYTES[_c] = 32
for _c in b".!?;:\n()[]{}\"|":
    _BYTES[_c] = 10
_BYTES = bytes(_BYTES)
_WIDE = [(ch.encode(), b"\n" if ch == "\u2026" else b" ") for ch in "\u2026\u2013\u2014\u201c\u201d\u2018\u2019\u00a0\u00ab\u00bb"]


class _Folded(dict):
    """Raw word (UTF-8) → its folded syllables joined by spaces, computed once per distinct word."""

    def __missing__(self, word: bytes) -> str:
        value = self[word] = " ".join(SYLLABLE.findall(fold(word.decode("utf-8", "replace"))))
        return value


_FOLDED = _Folded()


def fnv1a(token: str) -> int:
    """FNV-1a 32-bit over the token's UTF-16 code units (search.js computes the same)."""
    h = 0x811C9DC5
    units = token.encode("ascii") if token.isascii() else memoryview(token.encode("utf-16-le")).cast("H")
    for unit in units:
        h = ((h ^ unit) * 0x01000193) & 0xFFFFFFFF
    return h


def shard_of(token: str, shards: int) -> int:
    return fnv1a(token) % shards


def plain(markdown: str) -> str:
    """Markdown as text: link text kept, URLs, markers and escapes dropped (for snippets)."""
    return _MD_MARK.sub("", _MD_LINK.sub(r"\1", markdown))


def sentences(text: str) -> list[list[str]]:
    """The folded syllables of text, one list per sentence (search.js folds a query the same way)."""
    data = text.encode("utf-8")
    if not data.isascii():
        for wide, sep in _WIDE:
            if wide in data:
                data = data.replace(wide, sep)
    get, out = _FOLDED.__getitem__, []
    for line in data.translate(_BYTES).split(b"\n"):
        words = " ".join(map(get, line.split())).split()
        if words:
            out.append(words)
    return out


def tokens(text: str) -> set[str]:
    """Every syllable of text and every pair of adjacent syllables in one sentence."""
    out: set[str] = set()
    for words in sentences(text):
        out.update(words)
        out.update(map(" ".join, zip(words, words[1:])))
    return out


def article_terms(site: Site, a: Article, body: str | None = None) -> tuple[set[str], set[str], set[str]]:
    """An article's tokens by weight class: (title, names/lead/captions/outlet, body), each once."""
    arc = site.archive
    body = body_of(a) if body is None else body
    body = _MD_LINK.sub(r"\1", body) if "](" in body else body  # link text, not URLs
    if len(body) > BODY_CHARS:
        cut = body.rfind(" ", 0, BODY_CHARS) + 1
        body = body[:cut] + "\n" + "\n".join(NAMED.findall(body, cut))
    names = [a.lead or "", a.source or "", *a.captions]
    names += [n for i in a.leaders for n in (arc.leaders[i].name, *arc.leaders[i].aliases)]
    names += [arc.events[i].title for i in a.events] + [arc.agreements[i].title for i in a.agreements]
    title = tokens(a.title)
    named = tokens("\n".join(names)) - title
    return title, named, tokens(body) - title - named


def snippet(a: Article, body: str | None = None) -> str:
    """The text a result's snippet is cut from: lead and start of the body, about SNIPPET characters."""
    body = body_of(a) if body is None else body
    text = collapse_spaces(" ".join(p for p in (a.lead or "", plain(body[: SNIPPET * 3])) if p))
    if len(text) <= SNIPPET:
        return text
    cut = text.rfind(" ", 0, SNIPPET)
    return text[: cut if cut > SNIPPET // 2 else SNIPPET] + "…"


@dataclass(frozen=True)
class Index:
    """The finished index: file path (under search/) → bytes, and the figures search.js needs."""
    files: dict[str, bytes]
    shards: int
    docs: int
    version: str


def _dump(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def _size(a: Article) -> int:
    """About how much text an article has, without reading it: its file's size (the body's length
    for an article that has no file). Listing the site's files must not read every body."""
    if a.path:
        try:
            return os.stat(a.path).st_size
        except OSError:
            pass
    return len(a.body)


def shard_count(site: Site) -> int:
    """How many shards: a power of two growing with the text indexed, known before indexing."""
    chars = sum(_size(a) + len(a.title) + len(a.lead or "") for a in site.archive.articles)
    shards = 1
    while chars * BYTES_PER_CHAR / shards > SHARD_BYTES:
        shards *= 2
    return shards


def file_names(site: Site) -> list[str]:
    """The index's files under search/, known without building it (so specs stay cheap)."""
    chunks = -(-len(site.archive.articles) // CHUNK)
    return (["entities.json"] + [f"s/{k}.json" for k in range(shard_count(site))]
            + [f"d/{k}.json" for k in range(chunks)])


class Cancelled(Exception):
    """The index was no longer wanted (the dev server got a newer edit)."""


def build_index(site: Site, should_stop=None) -> Index:
    """The whole index from the archive: pure, deterministic, one pass over the articles.

    `should_stop`, asked every few dozen articles, lets the dev server abandon a build an edit
    has made stale (raises Cancelled)."""
    # Millions of postings at 10,000 articles: 4-byte array items, not 36-byte Python ints in lists.
    postings: defaultdict[str, array] = defaultdict(lambda: array("I"))
    docs = []
    for n, a in enumerate(site.archive.articles):  # newest first: doc 0 is the newest article
        if should_stop is not None and n % 32 == 0 and should_stop():
            raise Cancelled
        body = body_of(a)  # read once: bodies are not kept in memory during a build
        for w, group in zip(WEIGHTS, article_terms(site, a, body)):
            v = n * 4 + w
            for token in group:  # the build's hottest loop: ~1,000 tokens an article
                postings[token].append(v)
        docs.append([a.title, U.article(a.slug), a.date.isoformat(), a.source or "", snippet(a, body)])

    shards = shard_count(site)
    by_shard: list[list[str]] = [[] for _ in range(shards)]
    for token in postings:
        by_shard[shard_of(token, shards)].append(token)
    files = {}
    for k, tokens in enumerate(by_shard):  # one shard at a time, releasing its postings as it goes
        part = {}
        for token in tokens:
            values = postings.pop(token)
            if len(values) > UNIGRAM_CAP and " " not in token:
                # A common syllable keeps its best postings: title before names before body, newest first.
                values = _best(values)
            part[token] = [values[0], *map(sub, values[1:], values)]
        files[f"s/{k}.json"] = _dump(part)
    del postings
    for k in range(0, len(docs), CHUNK):
        files[f"d/{k // CHUNK}.json"] = _dump(docs[k: k + CHUNK])
    version = hashlib.sha256(b"".join(files[p] for p in sorted(files))).hexdigest()[:12]
    files["entities.json"] = _dump({"v": version, "shards": shards, "chunk": CHUNK, "docs": len(docs),
                                    "entities": entity_rows(site)})
    return Index(files, shards, len(docs), version)


def _best(values: list[int]) -> list[int]:
    """The UNIGRAM_CAP best of doc-ordered postings: title, then names, then body; newest first in each."""
    best: list[int] = []
    for w in WEIGHTS:
        best += [v for v in values if v & 3 == w][: UNIGRAM_CAP - len(best)]
        if len(best) >= UNIGRAM_CAP:
            break
    return sorted(best)


def entity_rows(site: Site) -> list[list]:
    """[kind, name, url, alias…] for every leader, event and agreement (names as written)."""
    arc, rows = site.archive, []
    for x in arc.leaders.values():
        rows.append(["leader", x.name, U.leader(x.id), *x.aliases])
    for e in arc.events.values():
        rows.append(["event", e.title, U.event(e.id)])
    for g in arc.agreements.values():
        rows.append(["agreement", g.title, U.agreement(g.id)])
    return rows


# One index per Site: every search/ file's spec reads the same one (built on first use).
_LAST: tuple[weakref.ref, Index] | None = None


def index_of(site: Site, should_stop=None) -> Index:
    """The site's index, built once however many of its files are rendered."""
    global _LAST
    if _LAST is not None and _LAST[0]() is site:
        return _LAST[1]
    index = build_index(site, should_stop)
    _LAST = (weakref.ref(site), index)
    return index


def index_file(site: Site, name: str) -> bytes:
    """One file of the index."""
    return index_of(site).files[name]


def page_data(site: Site) -> dict:
    """What the search page's template needs to start search.js."""
    return {"script": site.urls.static("search.js", hashlib.sha256(site.static.get("search.js", b"")).hexdigest()[:10]),
            "root": site.urls(""), "index": site.urls(INDEX)}


def specs(site: Site) -> list[PageSpec]:
    """Every file of the index (the search page itself is pages.py's)."""
    deps = frozenset({"articles", "leaders", "events", "agreements"})
    return [PageSpec(INDEX + name, None, index_file, (name,), deps, batch="search-index") for name in file_names(site)]
