"""Leaders, events and agreements in an article's own text: `extract(article, registry)`, pure, no disk."""
from __future__ import annotations

import re

from ..model import Article, Leader, Review, Role
from ..registry import Registry
from ..text import fold, slugify
from . import agreements as docs
from .dates import spans
from .events import find_event
from .names import matcher_for
from .officials import find_officials, similar_leader
from .phrases import forms
from .ahead import LeadersSince
from .reconcile import Draft, Extraction, reconcile

__all__ = ["Draft", "Extraction", "LeadersSince", "article_text", "extract", "leaders_known", "read", "reconcile"]


# Photo credits inside captions and body lines: "(Ảnh: Thống Nhất/TTXVN)", "- Ảnh: VGP/Nhật Bắc", "ẢNH: TTXVN":
# one of these words, " minh họa" or not, white space, a colon, then the line up to a closing bracket.
_CREDIT_WORDS = ("Ảnh", "ẢNH", "Nguồn", "Photo", "Video", "Clip")
_CREDIT_LABEL = " minh họa"
_CREDIT_REST = re.compile(r"[^\n)\]]*[)\]]?")
# Headings of the blocks that follow an article on its page; the importer drops them, this is a guard.
_TRAILERS = frozenset(map(fold, (
    "tin liên quan", "có thể bạn quan tâm", "tin cùng chuyên mục", "đọc nhiều", "tin bài liên quan",
    "các tin bài khác", "xem thêm", "tin mới", "bình luận", "tin khác", "bài viết liên quan")))


def article_text(article: Article) -> str:
    """The article's own words as one text: title, lead, body up to any trailing block, captions without credits."""
    body = article.body or ""
    lines = body.split("\n")
    for i, line in enumerate(lines):
        if line and len(line) < 40 and fold(line.strip(" #:*")).strip() in _TRAILERS:
            body = "\n".join(lines[:i])
            break
    parts = [article.title or "", article.lead or "", body, *article.captions]
    return _without_credits("\n\n".join(p for p in parts if p))


def _without_credits(text: str) -> str:
    """The text with each photo credit made a space (as the alternation of the credit patterns'
    sub() would). Every credit has a colon, and a page has few colons: a credit is looked for
    before each one found by str.find, rather than by a scan of the text for each opening word."""
    parts, done = [], 0
    colon = text.find(":")
    while colon >= 0:
        start = _credit_start(text, done, colon)
        if start is None:
            colon = text.find(":", colon + 1)
            continue
        parts += [text[done:start], " "]
        done = _CREDIT_REST.match(text, colon + 1).end()
        colon = text.find(":", done)
    return "".join(parts) + text[done:] if parts else text


def _credit_start(text: str, since: int, colon: int) -> int | None:
    """Where a credit whose colon is at `colon` starts, if one does at or after `since` (its word,
    label and white space are no colon: the credit is the only one that colon may end)."""
    end = colon
    while end > since and text[end - 1].isspace():
        end -= 1
    if text.endswith(_CREDIT_LABEL, since, end):
        end -= len(_CREDIT_LABEL)
    return next((end - len(word) for word in _CREDIT_WORDS if text.endswith(word, since, end)), None)


def extract(article: Article, registry: Registry) -> Extraction:
    """Find the registry leaders an article names, new officials, its event and the documents it lists."""
    return reconcile(read(article, registry), registry)


def leaders_known(registry: Registry) -> None:
    """Bring the leader matcher up to the registry's leaders now, as the next read() would. An
    import that adds leaders calls it after each article, so that the matcher grows article by
    article (which leader keeps a name two share depends on that order) even when it reads no
    article for a while."""
    matcher_for(registry.leaders)


def read(article: Article, registry: Registry, text_forms: tuple[str, str, str, str] | None = None) -> Draft:
    """What an article reports, read against the registry's leaders (its events and agreements are
    left to reconcile). text_forms: article_text() and its forms(), when the caller has them."""
    if text_forms is None:
        text = article_text(article)
        text_forms = (text, *forms(text))
    text, folded, sp, caps = text_forms
    # The word sets are left to the indexes, which find first words by pattern: None says so.
    vocab = capvocab = None
    matcher = matcher_for(registry.leaders)
    # the matcher may know leaders a newer registry has (it is extended in place): keep this one's
    found_names = [m for m in matcher.find(text, sp, caps, capvocab) if m.leader in registry.leaders]
    mentions = [(m.start, m.leader) for m in found_names]

    new_leaders, review, looked_up = [], [], []
    known = dict(registry.leaders)
    lao_names = None
    for off in find_officials(text, sp, vocab, [(m.start, m.end) for m in found_names], caps, capvocab):
        key = fold(off.name)
        if key in matcher.folded_names:
            continue  # a registry name in a spelling the matcher would not take: leave it out
        looked_up.append((off.name, off.country))
        if off.country == "LA" and lao_names is None:
            lao_names = {k: v for k, (v, _s) in matcher.forms.items()
                         if v in registry.leaders and registry.leaders[v].country == "LA"}
        same = similar_leader(off.name, lao_names) if off.country == "LA" else None
        if same:
            mentions.append((off.start, same))
            continue
        id_ = slugify(off.name)
        if id_ in known:
            id_ = f"{id_}-{off.country.lower()}"
        if id_ in known:
            continue
        leader = Leader(id_, off.name, off.country, (), (Role(off.role),),
                        (Review("name", f"unknown official found after the title '{off.role}' in {article.slug}; "
                                        "check the name, role and country"),))
        known[id_] = leader
        new_leaders.append(leader)
        mentions.append((off.start, id_))
        review.append(Review("leaders", f"unknown official: {off.name} ({off.role}) added to leaders.yaml"))
    mentions.sort()
    leaders = tuple(dict.fromkeys(i for _p, i in mentions))

    found = find_event(text, folded, sp, vocab, article.date, mentions, known, caps, capvocab)
    # A list of plans or agreements is a list of signed documents only in an article about a signing.
    listed = (docs.listed(article.body or "") if _about_signing(folded) else []) + docs.inline(text)
    witnesses, day = (), None
    if listed:
        witnesses = _witnesses(text, folded, mentions, found)
        day = _signing_day(folded, article, found)
    return Draft(article.slug, leaders, tuple(new_leaders), tuple(review), found,
                 tuple((doc, docs.key(doc.title)) for doc in listed), witnesses, day, tuple(looked_up))


_WITNESSED = re.compile(r"chung kien|witness")


def _witnesses(text: str, folded: str, mentions, found) -> tuple[str, ...]:
    """Leaders named in a sentence that says they witnessed the signing; else the event's two principals."""
    out = []
    # str.find skips a text without either word sooner than the pattern's scan
    for m in (_WITNESSED.finditer(folded) if "chung kien" in folded or "witness" in folded else ()):
        s = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        e = min((p for p in (text.find(".", m.end()), text.find("\n", m.end())) if p >= 0), default=len(text))
        out += [i for p, i in mentions if s <= p < e]
    if not out and found:
        out = list(found.participants[:2])
    return tuple(dict.fromkeys(out))


def _signing_day(folded: str, article: Article, found):
    """The day documents were signed: the article's first dated day inside the event, else the event's start."""
    if found is None:
        return article.date
    for sp in spans(folded, article.date):
        if sp.start == sp.end and found.start <= sp.start <= found.end:
            return sp.start
    return found.start


# What an article about a signing says: these words, or "ký" but for "kỷ niệm", "kỳ họp" and the like.
_SIGNING_WORDS = ("van kien", "ky ket", "trao doi", "chung kien", "signed", "signing")
_SIGNING_KY = re.compile(r"k(?<!\w.)y (?!niem|hop|thuat|luat|vong|tich)")


def _about_signing(folded: str) -> bool:
    """Whether the folded text says something is signed: the words by str.find, which skips to the
    first letter of each in C, where the engine would test every letter against those that open them."""
    return any(word in folded for word in _SIGNING_WORDS) or _SIGNING_KY.search(folded) is not None
