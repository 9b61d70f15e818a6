"""Search index under search/: folded syllables and bigrams → hashed shards, document chunks, entities.

Vietnamese is written in syllables, and single syllables ('to', 'lam', 'hop') are everywhere, so a
query of two or more syllables is answered from BIGRAMS (adjacent syllables within a sentence,
full postings) and a one-syllable query from UNIGRAMS (postings capped to the best UNIGRAM_CAP).
Every token is folded with generator.text.fold (lower case, no diacritics, đ→d), exactly as
templates/static/search.js folds a query, so 'Tô Lâm', 'tô lâm' and 'to lam' are one token.

Files (all JSON, deterministic; docs/search.md describes them):
    search/entities.json   {"v", "shards", "chunk", "docs", "entities": [[kind, name, url, aliases…]]}
    search/s/<k>.json      {token: [delta, …]}  tokens whose CRC-32 mod shards is k; posting p = doc * 4 + weight, deltas of sorted p
    search/d/<k>.json      [[title, url, date, outlet, snippet], …]  CHUNK docs, doc 0 = newest
URLs inside are relative to the site's base, so the index does not change with the base URL.
"""
from __future__ import annotations

import functools
import hashlib
from array import array
import json
import re
import sys
import weakref
import zlib
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
BYTES_PER_DOC = 2_000  # shard bytes per article (measured ~1,500 on synthetic articles; real ones have more words)
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
# Between sentences: a control character, which text never holds here (content is cleaned of them
# and _BYTES turns any left into spaces), so no syllable or bigram can contain it.
END = "\x01"
_END_WORD = b" \x01 "
_FOLDED[END.encode()] = END


def crc32(token: str) -> int:
    """CRC-32 (zlib's, as search.js computes it) of the token's UTF-8 bytes: which shard holds it.
    Computed in C, so the build keeps no table of hashes for the hundreds of thousands of tokens."""
    return zlib.crc32(token.encode("utf-8"))


def shard_of(token: str, shards: int) -> int:
    return crc32(token) % shards


def plain(markdown: str) -> str:
    """Markdown as text: link text kept, URLs, markers and escapes dropped (for snippets)."""
    return _MD_MARK.sub("", _MD_LINK.sub(r"\1", markdown) if "](" in markdown else markdown)


def _char_table() -> dict[int, str]:
    """What each character of the Latin scripts and general punctuation becomes in _syllables:
    its folded self when that is a syllable character, else a space, or END for a sentence end."""
    table = {}
    ends = {chr(c) for c in range(128) if _BYTES[c] == 10} | {"\u2026"}
    spaces = {chr(c) for c in range(128) if _BYTES[c] == 32} | {ch for ch in _WIDE_CHARS if ch != "\u2026"}
    for cp in list(range(0x250)) + list(range(0x300, 0x370)) + list(range(0x1E00, 0x1F00)) + list(range(0x2000, 0x2070)):
        ch = chr(cp)
        if ch in ends:
            table[cp] = " " + END + " "
        elif ch in spaces:
            table[cp] = " "
        else:
            folded = fold(ch)
            table[cp] = folded if SYLLABLE.fullmatch(folded) else " "
    return table


_WIDE_CHARS = "\u2026\u2013\u2014\u201c\u201d\u2018\u2019\u00a0\u00ab\u00bb"
# Outside these, folding is not character by character everywhere (Greek's final sigma), so text
# holding anything else takes the word-by-word way.
_OTHER_SCRIPTS = re.compile("[^\x00-\u024f\u0300-\u036f\u1e00-\u1eff\u2000-\u206f]")


def _syllables(text: str) -> list[str]:
    """The folded syllables of text in order, with END between sentences (and maybe at the ends)."""
    if not _OTHER_SCRIPTS.search(text):
        # Vietnamese and Latin text: one translate of the whole text, the syllables of the
        # word-by-word way (a test compares the two), 30% sooner.
        return text.translate(_CHARS).split()
    return _syllables_by_word(text)


def _syllables_by_word(text: str) -> list[str]:
    data = text.encode("utf-8")
    if not data.isascii():
        for wide, sep in _WIDE:
            if wide in data:
                data = data.replace(wide, sep)
    # One pass over the whole text: a sentence end becomes a word of its own, so an article is
    # split, folded and joined once rather than sentence by sentence (~100 sentences an article).
    words = data.translate(_BYTES).replace(b"\n", _END_WORD).split()
    return " ".join(map(_FOLDED.__getitem__, words)).split()


_CHARS = _char_table()


def sentences(text: str) -> list[list[str]]:
    """The folded syllables of text, one list per sentence (search.js folds a query the same way)."""
    out, words = [], []
    for w in _syllables(text):
        if w == END:
            if words:
                out.append(words)
                words = []
        else:
            words.append(w)
    if words:
        out.append(words)
    return out


def tokens(text: str) -> set[str]:
    """Every syllable of text and every pair of adjacent syllables in one sentence."""
    syl = _syllables(text)
    out = set(map(" ".join, zip(syl, syl[1:])))
    # Pairs across a sentence end hold END: drop the two around each END (far fewer than pairs).
    n = -1
    while True:
        try:
            n = syl.index(END, n + 1)
        except ValueError:
            break
        if n:
            out.discard(syl[n - 1] + " " + END)
        if n + 1 < len(syl):
            out.discard(END + " " + syl[n + 1])
    out.update(syl)
    out.discard(END)
    return out


def article_terms(site: Site, a: Article, body: str | None = None) -> tuple[set[str], set[str], set[str]]:
    """An article's tokens by weight class: (title, names/lead/captions/outlet, body), each once."""
    arc = site.archive
    body = body_of(a) if body is None else body
    body = _MD_LINK.sub(r"\1", body) if "](" in body else body  # link text, not URLs
    later = ()
    if len(body) > BODY_CHARS:
        cut = body.rfind(" ", 0, BODY_CHARS) + 1
        # Each name after the cut is a sentence of its own: its tokens are the name's, and the
        # same names recur within an article and across the archive (tokenised once each).
        later = set(NAMED.findall(body, cut))
        body = body[:cut]
    # Names of outlets and entities recur in thousands of articles: tokenised once each. The
    # parts are separate sentences, so the tokens of their union are the union of their tokens.
    named = tokens("\n".join([a.lead or "", *a.captions]))
    names = [a.source or ""] + [n for i in a.leaders for n in (arc.leaders[i].name, *arc.leaders[i].aliases)]
    names += [arc.events[i].title for i in a.events] + [arc.agreements[i].title for i in a.agreements]
    named.update(*map(_name_tokens, names))
    title = tokens(a.title)
    named -= title
    in_body = tokens(body)
    in_body.update(*map(_name_tokens, later))
    in_body -= title
    in_body -= named
    return title, named, in_body


@functools.lru_cache(maxsize=1 << 15)
def _name_tokens(name: str) -> tuple[str, ...]:
    """The tokens of a name (an outlet, an entity, a name deep in a body). Tens of thousands are
    kept: a tuple (a third of a frozenset's size) of tokens each held once (interned) however many
    names share them."""
    return tuple(map(sys.intern, tokens(name)))


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


def shard_count(site: Site) -> int:
    """How many shards: a power of two growing with the number of articles, known before indexing.

    An article's share of the index hardly depends on its length, since only its first
    BODY_CHARS and the names after them are indexed (measured: ~1,500 bytes an article)."""
    size = len(site.archive.articles) * BYTES_PER_DOC
    shards = 1
    while size / shards > SHARD_BYTES:
        shards *= 2
    return shards


def file_names(site: Site) -> list[str]:
    """The index's files under search/, known without building it (so specs stay cheap)."""
    chunks = -(-len(site.archive.articles) // CHUNK)
    return (["entities.json"] + [f"s/{k}.json" for k in range(shard_count(site))]
            + [f"d/{k}.json" for k in range(chunks)])


class Cancelled(Exception):
    """The index was no longer wanted (the dev server got a newer edit)."""


@dataclass
class Part:
    """The index of a run of consecutive documents: their result rows, and their postings
    grouped by shard. Parts of disjoint runs are made in parallel (each build process indexes one
    run of the archive beside its pages); shard_files joins them."""
    first: int
    rows: list[list]
    shards: list[dict[str, array]]


def index_part(site: Site, first: int, last: int, shards: int, should_stop=None) -> Part:
    """Rows and postings of documents first … last-1 (doc n is the n-th newest article).

    `should_stop`, asked every few dozen articles, lets the dev server abandon a build an edit
    has made stale (raises Cancelled)."""
    arts = site.archive.articles
    # Millions of postings at 10,000 articles: 4-byte array items, not 36-byte Python ints in lists.
    postings: defaultdict[str, array] = defaultdict(lambda: array("I"))
    rows = []
    for n in range(first, last):
        if should_stop is not None and n % 32 == 0 and should_stop():
            raise Cancelled
        a = arts[n]
        body = body_of(a)  # read once: bodies are not kept in memory during a build
        for w, group in zip(WEIGHTS, article_terms(site, a, body)):
            v = n * 4 + w
            for token in group:  # the build's hottest loop: ~700 tokens an article
                postings[token].append(v)
        rows.append([a.title, U.article(a.slug), a.date.isoformat(), a.source or "", snippet(a, body)])
    by_shard: list[dict[str, array]] = [{} for _ in range(shards)]
    for token, values in postings.items():
        by_shard[shard_of(token, shards)][token] = values
    return Part(first, rows, by_shard)


def chunk_files(part: Part) -> dict[str, bytes]:
    """search/d/<k>.json for a part's rows (parts start at a multiple of CHUNK)."""
    return {f"d/{(part.first + k) // CHUNK}.json": _dump(part.rows[k: k + CHUNK])
            for k in range(0, len(part.rows), CHUNK)}


def shard_files(parts: list[Part], which) -> dict[str, bytes]:
    """search/s/<k>.json for each shard k in `which`, from parts covering every document once."""
    parts = sorted(parts, key=lambda p: p.first)  # runs in document order: joined lists stay sorted
    files = {}
    for k in which:
        merged: dict[str, array] = {}
        for part in parts:
            join(merged, part.shards[k])
        files[f"s/{k}.json"] = shard_file(merged)
    return files


def join(merged: dict[str, array], later: dict[str, array]) -> None:
    """Add the postings of later documents to merged (both by token), in place."""
    for token, values in later.items():
        have = merged.get(token)
        if have is None:
            merged[token] = values
        else:
            have.extend(values)


def shard_file(postings: dict[str, array]) -> bytes:
    """One shard's file from its tokens' postings (sorted doc * 4 + weight)."""
    out = {}
    for token, values in postings.items():
        if len(values) > UNIGRAM_CAP and " " not in token:
            # A common syllable keeps its best postings: title before names before body, newest first.
            values = _best(values)
        out[token] = [values[0], *map(sub, values[1:], values)]
    return _dump(out)


def version_of(digests: dict[str, str]) -> str:
    """The index's version from the SHA-256 of each of its other files (search.js adds it to
    every fetch, so browsers never mix files of two builds)."""
    text = "".join(f"{name} {digests[name]}\n" for name in sorted(digests))
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def entities_file(site: Site, shards: int, version: str) -> bytes:
    """search/entities.json: what search.js reads first."""
    return _dump({"v": version, "shards": shards, "chunk": CHUNK, "docs": len(site.archive.articles),
                  "entities": entity_rows(site)})


def build_index(site: Site, should_stop=None) -> Index:
    """The whole index from the archive, in this process: pure and deterministic."""
    shards = shard_count(site)
    part = index_part(site, 0, len(site.archive.articles), shards, should_stop)
    files = chunk_files(part) | shard_files([part], range(shards))
    version = version_of({name: digest(data) for name, data in files.items()})
    files["entities.json"] = entities_file(site, shards, version)
    return Index(files, shards, len(part.rows), version)


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
    return [PageSpec(INDEX + name, None, index_file, (name,), batch="search-index") for name in file_names(site)]
