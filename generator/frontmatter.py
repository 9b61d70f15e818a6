"""Article files: Markdown with YAML front matter, read with checked types and written in one order."""
from __future__ import annotations

import datetime as dt
import functools
import re
import sys

import yaml

from . import fastyaml, yamlio
from .model import FRONT_MATTER_KEYS, Article, Diagnostic, Review, error, warning

_LIST_KEYS = ("captions", "leaders", "events", "agreements")
_TEXT_KEYS = ("source", "source_url", "author", "lead", "language", "raw")
# Short values many articles repeat (outlets, authors, language): one string each in memory, which
# matters because every build process ends up with its own copy of what it reads.
_SHARED_KEYS = ("source", "author", "language")


# Characters no XML document (the feeds) may hold and no HTML page should: C0 controls but tab and
# newline, DEL, lone surrogates and the two non-characters. YAML lets "\x07" in through escapes.
_UNSAFE_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """Text without the characters an XML feed or an HTML page cannot carry."""
    return _UNSAFE_CHARS.sub("", text) if _UNSAFE_CHARS.search(text) else text


class FrontMatterError(ValueError):
    """The file cannot be read as an article; carries the line where that was found."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line


def split(text: str, body: bool = True) -> tuple[str, str, int]:
    """Split a file into (front matter text, body, line of the body's first line); with
    body=False, the body is left out ("")."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if text.startswith("---\n"):
        # The usual file, without splitting it into lines: a "---" line ends the front matter and
        # nothing before it could ("---" or "..." appear nowhere in it).
        end = text.find("\n---\n", 3)
        if end > 3 and "---" not in (head := text[4:end]) and "..." not in head:
            return head, text[end + 5:].strip("\n") if body else "", head.count("\n") + 4
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise FrontMatterError("the file does not start with a '---' front matter line", 1)
    for n in range(1, len(lines)):
        if lines[n].strip() in ("---", "..."):
            return "\n".join(lines[1:n]), "\n".join(lines[n + 1:]).strip("\n") if body else "", n + 2
    raise FrontMatterError("the front matter has no closing '---' line", 1)


def _date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass  # Python's own message ("Invalid isoformat string") does not say what to write
    raise ValueError(f"expected a date like 2025-12-01, got {value!r}")


_LINES: dict[tuple, dict] = {}


def _shared(lines: dict) -> dict:
    """One dict for every article whose keys sit on the same lines (most do: the importer writes
    them in one order), never changed after this: 10,000 articles need a few, not 10,000."""
    key = tuple(lines.items())
    found = _LINES.get(key)
    if found is None:
        if len(_LINES) > 10_000:
            _LINES.clear()
        found = _LINES[key] = lines
    return found


def parse(text: str, slug: str, path: str | None = None, body: bool = True) -> tuple[Article | None, list[Diagnostic]]:
    """Read an article file's text; an unreadable file gives (None, errors), a doubtful one warnings.
    With body=False the article's body is left empty (content.body_of reads it when needed)."""
    diags: list[Diagnostic] = []
    try:
        head, markdown, _ = split(text, body)
    except FrontMatterError as exc:
        return None, [error(str(exc), path, exc.line, "load")]
    fast_lines: dict = {}
    try:
        data = fastyaml.load(head, fast_lines)
        if data is None:
            fast_lines = None
            data = yamlio.load(head) if head.strip() else {}
    except yaml.YAMLError as exc:
        line = yamlio.error_line(exc)
        reason = getattr(exc, "problem", None) or str(exc).split("\n")[0]
        return None, [error(f"front matter is not valid YAML: {reason}", path, line + 1 if line else None, "load")]
    if not isinstance(data, dict):
        return None, [error(f"front matter must be a mapping of keys, not a {type(data).__name__}", path, 2, "load")]
    found = fast_lines if fast_lines is not None else yamlio.key_lines(head)
    lines = _shared({k: v + 1 for k, v in found.items()})  # +1 for the opening '---'
    fields: dict = {}
    for key, value in data.items():
        line = lines.get(str(key))
        if key not in FRONT_MATTER_KEYS:
            diags.append(warning(f"unknown front matter key {key!r} is ignored", path, line, "load"))
            continue
        try:
            fields[key] = _convert(key, value)
        except (ValueError, TypeError) as exc:
            diags.append(error(f"{key}: {exc}", path, line, "load"))
    if "title" not in fields or not fields["title"]:
        diags.append(error("the article has no title", path, lines.get("title"), "load"))
    if "date" not in fields:
        if not any(d.message.startswith("date:") for d in diags):
            diags.append(error("the article has no date", path, None, "load"))
    if any(d.severity == "error" for d in diags):
        return None, diags
    return Article(slug=slug, body=clean(markdown), path=path, lines=lines, **fields), diags


def _convert(key: str, value):
    if key == "title":
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            raise ValueError(f"expected text, got {type(value).__name__}")
        return clean(str(value)).strip()
    if key == "date":
        return _date(value)
    if key in _TEXT_KEYS:
        if value is None:
            return "vi" if key == "language" else None
        if isinstance(value, (dict, list)):
            raise ValueError(f"expected text, got {type(value).__name__}")
        text = clean(str(value))
        return sys.intern(text) if key in _SHARED_KEYS else text
    if key in _LIST_KEYS:
        if value is None:
            return ()
        if not isinstance(value, list):
            raise ValueError(f"expected a list (e.g. [{value}]), got {type(value).__name__}")
        bad = [v for v in value if isinstance(v, (dict, list)) or v is None]
        if bad:
            raise ValueError(f"expected a list of {'ids' if key != 'captions' else 'texts'}, got {bad[0]!r}")
        if key == "captions":
            return tuple(clean(str(v)) for v in value)
        return tuple(sys.intern(clean(str(v))) for v in value)  # ids: one string for all who name it
    if key == "review":
        return _review(value)
    raise ValueError(f"unknown key {key}")


def _review(value) -> tuple[Review, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ValueError("expected a list of {field, reason}")
    out = []
    for item in value:
        if isinstance(item, dict) and "field" in item:
            out.append(Review(clean(str(item["field"])), clean(str(item.get("reason") or ""))))
        elif isinstance(item, str):
            out.append(Review(clean(item), ""))
        else:
            raise ValueError(f"expected {{field, reason}}, got {item!r}")
    return tuple(out)


def front_matter(article: Article) -> dict:
    """The article's front matter as an ordered mapping, as written to its file."""
    return {
        "title": article.title,
        "date": article.date,
        "source": article.source,
        "source_url": article.source_url,
        "author": article.author,
        "lead": article.lead,
        "captions": list(article.captions),
        "language": article.language,
        "leaders": list(article.leaders),
        "events": list(article.events),
        "agreements": list(article.agreements),
        "raw": article.raw,
        "review": [{"field": r.field, "reason": r.reason} for r in article.review],
    }


def dump(article: Article) -> str:
    """The article file's text: front matter in FRONT_MATTER_KEYS order, then the Markdown body."""
    return "---\n" + yamlio.dump(front_matter(article)) + "---\n\n" + article.body.strip("\n") + "\n"


# dump() in parts, for an import that finds an article's entities after the rest is written out:
# a block mapping's entries are written one after the other, so the parts joined are dump()'s text
# (tests/test_import_parallel.py checks it).
_HEAD_KEYS = FRONT_MATTER_KEYS[:FRONT_MATTER_KEYS.index("leaders")]


def dump_parts(article: Article) -> list[str]:
    """dump(article) as [up to `language`, the entity lists, `raw`, `review`, the body]."""
    return [head_lines(article), entity_lines(article.leaders, article.events, article.agreements),
            raw_lines(article), review_lines(article.review), body_lines(article)]


def head_lines(article: Article) -> str:
    """The opening '---' and the front matter from `title` to `language`, as dump() writes them."""
    fm = front_matter(article)
    head = {k: fm[k] for k in _HEAD_KEYS}
    return "---\n" + yamlio.quick_dump(head)


def raw_lines(article: Article) -> str:
    """The front matter's `raw` line, as dump() writes it."""
    return yamlio.quick_dump({"raw": article.raw})


def body_lines(article: Article) -> str:
    """The closing '---' and the body, as dump() writes them."""
    return "---\n\n" + article.body.strip("\n") + "\n"


def entity_lines(leaders, events, agreements) -> str:
    """The front matter's `leaders`, `events` and `agreements` lines, as dump() writes them."""
    return "".join(f"{key}:\n" + "".join(map(_item, ids)) if ids else f"{key}: []\n"
                   for key, ids in (("leaders", leaders), ("events", events), ("agreements", agreements)))


def review_lines(review) -> str:
    """The front matter's `review` lines, as dump() writes them."""
    if not review:
        return "review: []\n"
    return yamlio.quick_dump({"review": [{"field": r.field, "reason": r.reason} for r in review]})


_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@functools.lru_cache(maxsize=65536)
def _item(value: str) -> str:
    # An id's line in a list: a slug is written as it is, unless YAML would read it as something
    # other than text ('null', '0x1f', '2025-12-01'), which yamlio quotes (and so for anything else).
    if _SLUG.fullmatch(value) and yamlio.reads_as_text(value):
        return f"- {value}\n"
    return yamlio.dump([value])
