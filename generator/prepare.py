"""Raw pages made ready for the store: imported, their entities read, their front matter written out
but for what depends on the entities imported before them. Pure but for reading each raw file.

The store reconciles and writes pages in order, since each may use the events, agreements and
officials the ones before it added. Preparing is most of the work and needs only the registry as
loaded, so many pages are prepared ahead, in forked processes (`prepare_all`), while the store
works through them; a page whose reading leaders added since could change is read again by the
store (entities.ahead), so the result is the same as preparing each page just before storing it.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterator

from . import frontmatter
from .importer import Knowledge, import_bytes
from .model import Article, Diagnostic, error
from .parallel import fork_imap
from .registry import Registry

try:  # the entity finder is optional for importing text
    from . import entities
    from .entities.phrases import forms as text_forms
except ImportError:
    entities = None

AHEAD_MIN = 100  # fewer pages are prepared in-process: forking would cost more than it saves


@dataclass(frozen=True)
class Prepared:
    """One raw page, ready for the store (article None: nothing to store, see diagnostics).

    The article's body travels apart, as the UTF-8 bytes the store writes: a page prepared in
    another process then reaches the store without the body being decoded and encoded again."""
    raw: Path
    diagnostics: tuple[Diagnostic, ...] = ()
    article: Article | None = None     # without entities, and with an empty body: see body
    body: bytes = b""
    draft: object | None = None        # entities.Draft, None without the entity finder
    head: bytes = b""                  # frontmatter.head_lines(article), UTF-8
    raw_line: bytes = b""              # frontmatter.raw_lines(article), UTF-8
    forms: tuple[str, str] | None = None  # (spaced, cased) forms the draft was read from, when read ahead

    def whole_article(self) -> Article:
        """The article with its body."""
        return replace(self.article, body=self.body.decode("utf-8"))


def prepare(raw: Path, know: Knowledge, reg: Registry, ahead: bool = False) -> Prepared:
    """Read, import and read the entities of one raw page against reg (ahead: keep what the store
    needs to tell whether the reading still holds)."""
    try:
        data = raw.read_bytes()
    except OSError as exc:
        return Prepared(raw, (error(f"cannot read: {exc.strerror}", str(raw), None, "import"),))
    article, found = import_bytes(data, raw.name, know)
    diagnostics = tuple(replace(d, file=str(raw)) for d in found)
    if article is None:
        return Prepared(raw, diagnostics)
    draft = kept = None
    if entities is not None:
        text = entities.article_text(article)
        folded, sp, caps = text_forms(text)
        draft = entities.read(article, reg, (text, folded, sp, caps))
        kept = (sp, caps) if ahead else None
    return Prepared(raw, diagnostics, replace(article, body=""), article.body.encode("utf-8"), draft,
                    frontmatter.head_lines(article).encode("utf-8"), frontmatter.raw_lines(article).encode("utf-8"), kept)


def prepare_all(raws: list[Path], know: Knowledge, reg: Registry, jobs: int) -> Iterator[Prepared]:
    """prepare() for each raw page, in order. With jobs > 1 and enough pages, pages are prepared
    ahead in forked processes against reg as it is now; otherwise each is prepared when asked for,
    against reg as it is then."""
    if jobs > 1 and len(raws) >= AHEAD_MIN:
        if entities is not None:
            entities.leaders_known(reg)  # built once here, inherited by the children
        chunk = max(1, min(32, len(raws) // (jobs * 8)))
        return fork_imap(functools.partial(prepare, know=know, reg=reg, ahead=True), raws, jobs, chunk)
    return (prepare(raw, know, reg) for raw in raws)
