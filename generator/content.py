"""Reads content/: the articles and the registry, with a diagnostic for every file it cannot use."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import frontmatter, registry
from .model import Article, Diagnostic, error
from .parallel import fork_imap
from .registry import Registry


@dataclass(frozen=True)
class Content:
    articles: tuple[Article, ...]
    registry: Registry
    diagnostics: tuple[Diagnostic, ...] = field(default=())


def read_text(path: Path) -> tuple[str | None, Diagnostic | None]:
    """A content file's text, or an error naming the file when it is not UTF-8 text."""
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, error(f"not UTF-8 text (byte {exc.start}); save it as UTF-8", str(path), None, "load")
    except OSError as exc:
        return None, error(f"cannot read: {exc.strerror}", str(path), None, "load")
    if "\r" in text:  # as text mode reads it: Windows and old Mac line ends become \n
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, None


def load_article(path: Path, body: bool = True) -> tuple[Article | None, list[Diagnostic]]:
    """One article file; its slug is the file name without '.md'. With body=False the Markdown is
    not kept (body_of() reads it when a page needs it)."""
    text, diag = read_text(path)
    if diag:
        return None, [diag]
    return frontmatter.parse(text, path.stem, str(path), body)


def body_of(article: Article) -> str:
    """An article's Markdown body, read again from its file when it was loaded without it.

    A build keeps only front matter in memory (bodies are most of an archive's size: 10,000
    articles hold about 200 MB of text as Python strings) and reads each body when its page is
    rendered."""
    if article.body or not article.path:
        return article.body
    text, diag = read_text(Path(article.path))
    if diag:
        return ""
    try:
        return frontmatter.clean(frontmatter.split(text)[1])  # as parse() would have kept it
    except frontmatter.FrontMatterError:
        return ""


def load_registry(data_dir: Path, kinds=None, base: Registry | None = None) -> tuple[Registry, list[Diagnostic]]:
    """The three registry files (a missing file is an empty registry). With `kinds` and `base`,
    only those kinds' files are read and the others are base's (the dev server after an edit)."""
    diags: list[Diagnostic] = []
    maps = {}
    for kind, name in registry.FILES.items():
        if kinds is not None and base is not None and kind not in kinds:
            maps[kind] = getattr(base, kind)
            continue
        path = data_dir / name
        maps[kind] = {}
        if path.exists():
            text, diag = read_text(path)
            if diag:
                diags.append(diag)
                continue
            maps[kind], found = registry.parse(kind, text, str(path))
            diags += found
    return Registry(**maps), diags


def article_paths(content_dir: Path) -> list[Path]:
    """The article files, sorted by name."""
    return sorted((content_dir / "articles").glob("*.md"))


_CHUNK = 500  # articles a worker reads at a time


def load(content_dir: Path, bodies: bool = True, jobs: int = 1) -> Content:
    """Everything the build needs from content/; unusable files are skipped and reported.
    With bodies=False, articles come without their Markdown (see body_of). With jobs > 1, files
    are read and parsed in that many forked processes (the registry beside the first articles)."""
    content_dir = Path(content_dir)
    paths = article_paths(content_dir)

    def read(task):
        if task is None:
            return load_registry(content_dir / "data")
        return [load_article(path, bodies) for path in task]

    tasks = [None] + [paths[k: k + _CHUNK] for k in range(0, len(paths), _CHUNK)]
    results = fork_imap(read, tasks, jobs if len(paths) > 2 * _CHUNK else 1, chunksize=1)
    reg, reg_diags = next(results)
    diags: list[Diagnostic] = []
    articles = []
    for chunk in results:
        for article, found in chunk:
            diags += found
            if article is not None:
                articles.append(article)
    diags += reg_diags
    return Content(tuple(_one_per_address(articles, diags)), reg, tuple(diags))


def _one_per_address(articles: list[Article], diags: list[Diagnostic]) -> list[Article]:
    """Keep the first of articles whose slugs differ only in case ('A.md', 'a.md'): on the
    case-insensitive file systems of macOS and Windows their pages would be one file, so one
    would silently replace the other; the later file is reported and skipped."""
    first: dict[str, Article] = {}
    out = []
    for a in articles:  # sorted by file name: which one wins does not depend on the file system
        key = a.slug.casefold()
        if key in first:
            diags.append(error(f"same web address as {first[key].path} (the file names differ only in case); "
                               "rename one of them", a.path, None, "load"))
            continue
        first[key] = a
        out.append(a)
    return out
