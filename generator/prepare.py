"""Raw pages made ready for the store: imported, their entities read, their front matter written out
but for what depends on the entities imported before them. Pure but for reading each raw file.

The store reconciles and writes pages in order, since each may use the events, agreements and
officials the ones before it added. Preparing is most of the work and needs only the registry's
leaders, so many pages are prepared ahead, in forked processes (`prepare_all`), while the store
works through them. Those processes learn the leaders the store adds, page by page, as they go
(_LeaderLog); a page whose reading leaders added since it was read could change is read again by
the store (entities.ahead), so the result is the same as preparing each page just before storing it.
"""
from __future__ import annotations

import functools
import gc
import os
import pickle
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterator

from . import frontmatter
from .importer import Knowledge, import_bytes
from .model import Article, Diagnostic, error, pickled_by_values
from .parallel import fork_imap
from .registry import Registry

try:  # the entity finder is optional for importing text
    from . import entities
    from .entities.phrases import forms as text_forms
except ImportError:
    entities = None

AHEAD_MIN = 100  # fewer pages are prepared in-process: forking would cost more than it saves


@pickled_by_values
@dataclass(frozen=True)
class Prepared:
    """One raw page, ready for the store (article None: nothing to store, see diagnostics).

    The article's body travels apart, as the UTF-8 bytes the store writes: a page prepared in
    another process then reaches the store without the body being decoded and encoded again. The
    raw page's path does not travel: the store has the list the pages are prepared in order of
    (a path costs more to unpickle than the article)."""
    diagnostics: tuple[Diagnostic, ...] = ()
    article: Article | None = None     # without entities, and with an empty body: see body
    body: bytes = b""
    draft: object | None = None        # entities.Draft, None without the entity finder
    head: bytes = b""                  # frontmatter.head_lines(article), UTF-8
    raw_line: bytes = b""              # frontmatter.raw_lines(article), UTF-8
    forms: tuple[str, str] | None = None  # (spaced, cased) forms the draft was read from, when read ahead
    known: int = 0                     # how many of the store's batches of new leaders the reading knew

    def whole_article(self) -> Article:
        """The article with its body."""
        return replace(self.article, body=self.body.decode("utf-8"))


def prepare(raw: Path, know: Knowledge, reg: Registry, ahead: bool = False, known: int = 0) -> Prepared:
    """Read, import and read the entities of one raw page against reg (ahead: keep what the store
    needs to tell whether the reading still holds, and how many of its batches of leaders reg has)."""
    try:
        with open(raw, "rb", buffering=0) as f:  # unbuffered: one read, without Path.read_bytes's layers
            data = f.readall()
    except OSError as exc:
        return Prepared((error(f"cannot read: {exc.strerror}", str(raw), None, "import"),))
    article, found = import_bytes(data, raw.name, know)
    diagnostics = tuple(replace(d, file=str(raw)) for d in found)
    if article is None:
        return Prepared(diagnostics)
    draft = kept = None
    if entities is not None:
        text = entities.article_text(article)
        folded, sp, caps = text_forms(text)
        draft = entities.read(article, reg, (text, folded, sp, caps))
        kept = (sp, caps) if ahead else None
    return Prepared(diagnostics, replace(article, body=""), article.body.encode("utf-8"), draft,
                    frontmatter.head_lines(article).encode("utf-8"), frontmatter.raw_lines(article).encode("utf-8"), kept,
                    known)


class Pages:
    """(raw page, prepare() of it) for each raw page, in order (iterate); tell it the leaders the
    store adds after each page (leaders_added), which pages prepared from then on know."""

    def __init__(self, raws: list[Path], know: Knowledge, reg: Registry, jobs: int):
        self._raws = raws
        self._log = None
        if jobs > 1 and len(raws) >= AHEAD_MIN:
            if entities is not None:
                entities.leaders_known(reg)  # built once here, inherited by the children
            # What the children inherit (registry, matchers, compiled rules) lives as long as they
            # do: exempt it from their collections, which would scan it, and copy each page of
            # memory it is on, every few thousand allocations (gc.freeze's documented use).
            gc.freeze()
            self._log = _LeaderLog()
            chunk = max(1, min(32, len(raws) // (jobs * 8)))
            self._pages = fork_imap(functools.partial(_prepare_ahead, know=know, reg=reg, log=self._log), raws,
                                    jobs, chunk)
        else:  # each page prepared when asked for, against reg as it is then
            self._pages = (prepare(raw, know, reg) for raw in raws)

    def __iter__(self) -> Iterator[tuple[Path, Prepared]]:
        return zip(self._raws, self._pages)

    def leaders_added(self, leaders: list) -> None:
        """The store added these leaders (those of one page): pages prepared from now on know them."""
        if self._log is not None and leaders:
            self._log.append(leaders)


def prepare_all(raws: list[Path], know: Knowledge, reg: Registry, jobs: int) -> Pages:
    """(raw page, prepare() of it) for each raw page, in order. With jobs > 1 and enough pages, pages are prepared
    ahead in forked processes, each against reg's leaders as the store had added them when its
    preparing began; otherwise each is prepared when asked for, against reg as it is then."""
    return Pages(raws, know, reg, jobs)


def _prepare_ahead(raw: Path, know: Knowledge, reg: Registry, log: "_LeaderLog") -> Prepared:
    # Leaders published before this page is prepared come from pages before it: the store works
    # through pages in order and cannot have stored this one yet.
    return prepare(raw, know, reg, ahead=True, known=log.catch_up(reg))


class _LeaderLog:
    """The leaders the store adds, one batch a page, for the processes preparing pages ahead: an
    unnamed file the store appends each batch to and each process reads from where it left off.
    A process adds them to its registry in the same order and grows its leader matcher batch by
    batch, as the store does (entities.leaders_known), so that what it reads next is what the
    store would read."""

    def __init__(self):
        self._file = tempfile.TemporaryFile()  # inherited by the forked processes, gone at close
        self._fd = self._file.fileno()
        self._read_to = 0   # a process's own place in the file (each has its copy of this object)
        self._batches = 0

    def append(self, leaders: list) -> None:
        data = pickle.dumps(list(leaders), protocol=pickle.HIGHEST_PROTOCOL)
        os.write(self._fd, len(data).to_bytes(4, "little") + data)

    def catch_up(self, reg: Registry) -> int:
        """Add the batches published since the last call to reg; how many this process knows."""
        size = os.fstat(self._fd).st_size
        while self._read_to + 4 <= size:
            n = int.from_bytes(os.pread(self._fd, 4, self._read_to), "little")
            if self._read_to + 4 + n > size:
                break  # a batch still being written: the next page takes it
            for leader in pickle.loads(os.pread(self._fd, n, self._read_to + 4)):
                reg.leaders[leader.id] = leader
            if entities is not None:
                entities.leaders_known(reg)
            self._read_to += 4 + n
            self._batches += 1
        return self._batches
