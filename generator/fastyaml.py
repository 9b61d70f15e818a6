"""A fast reader for the front matter the importer writes, with PyYAML's meaning for every value.

PyYAML's C parser still builds values in Python, about 0.25 ms an article: most of a build's load
step. Front matter as `frontmatter.dump` writes it is a flat block mapping of plain or
single-quoted scalars and block lists (and `review`'s two-key items). This module reads exactly
that subset, resolving each plain scalar with PyYAML's own resolver, and returns None for anything
else (comments after values, flow collections, double quotes, block scalars, anchors, …), so the
caller falls back to PyYAML: the result is always what PyYAML would give, only sooner.
"""
from __future__ import annotations

import datetime as dt
import re

import yaml

_RESOLVER = yaml.resolver.Resolver()
_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_DATE = re.compile(r"^\d{4}-\d\d-\d\d$")
_FAIL = object()
_KNOWN_KEYS = frozenset(("title", "date", "source", "source_url", "author", "lead", "captions", "language",
                         "leaders", "events", "agreements", "raw", "review", "field", "reason"))
# Characters Python's str.strip() and split treat as white space but YAML does not (or folds as line
# breaks): a document holding one is left to PyYAML, so its meaning is PyYAML's.
_NOT_PLAIN_SPACE = re.compile("[\x0b\x0c\r\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")
_SPECIAL_START = tuple("[]{}&*!|>%@`\"#,?:-") + ("- ",)
# Plain scalars whose first character starts no implicit type (bool, int, date, null …) are text.
_IMPLICIT_FIRST = frozenset(k for k in _RESOLVER.yaml_implicit_resolvers if k)


def _scalar(text: str):
    if not text:  # e.g. an item that was only a no-break space, stripped away: PyYAML decides
        return _FAIL
    if text.startswith("'"):
        if len(text) < 2 or not text.endswith("'"):
            return _FAIL
        inner = text[1:-1]
        if "'" in inner.replace("''", ""):
            return _FAIL
        return inner.replace("''", "'")
    if text.startswith(_SPECIAL_START) or " #" in text or ": " in text or text.endswith(":") or "\t" in text:
        return _FAIL
    if text[0] not in _IMPLICIT_FIRST:
        return text
    tag = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))
    if tag == "tag:yaml.org,2002:str":
        return text
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:int" and _INT.match(text):
        return int(text)
    if tag == "tag:yaml.org,2002:timestamp" and _DATE.match(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return _FAIL
    return _FAIL


def load(text: str, lines: dict | None = None) -> dict | None:
    """The mapping PyYAML would read from text, or None when text is outside the fast subset.

    When `lines` is given it receives each top-level key's 1-based line number."""
    if _NOT_PLAIN_SPACE.search(text):
        return None
    data: dict = {}
    current: str | None = None   # the key whose block list is being read
    item: dict | None = None     # a `- field: …` mapping item being read
    for number, line in enumerate(text.split("\n"), 1):
        if not line:
            continue
        if line[0] not in " -":
            item = None
            key, sep, rest = line.partition(":")
            if not sep or not _KEY.match(key) or key in data or (rest and rest[0] != " "):
                return None
            if key not in _KNOWN_KEYS and _scalar(key) != key:  # 'Null:', 'yes:' are not text keys in YAML
                return None
            if lines is not None:
                lines[key] = number
            rest = rest.strip()
            if not rest:
                data[key] = None
                current = key
                continue
            current = None
            if rest == "[]":
                data[key] = []
                continue
            value = _scalar(rest)
            if value is _FAIL:
                return None
            data[key] = value
        elif line.startswith("- "):
            if current is None:
                return None
            if data[current] is None:
                data[current] = []
            elif not isinstance(data[current], list):
                return None
            body = line[2:]
            k, sep, rest = body.partition(":")
            if sep and _KEY.match(k) and (not rest or rest[0] == " ") and (k in _KNOWN_KEYS or _scalar(k) == k):
                value = _scalar(rest.strip()) if rest.strip() else None
                if value is _FAIL:
                    return None
                item = {k: value}
                data[current].append(item)
                continue
            item = None
            value = _scalar(body.strip())
            if value is _FAIL or body != body.strip():
                return None
            data[current].append(value)
        elif line.startswith("  ") and item is not None and not line.startswith("   "):
            k, sep, rest = line[2:].partition(":")
            if not sep or not _KEY.match(k) or k in item or (rest and rest[0] != " ") \
                    or (k not in _KNOWN_KEYS and _scalar(k) != k):
                return None
            value = _scalar(rest.strip()) if rest.strip() else None
            if value is _FAIL:
                return None
            item[k] = value
        else:
            return None
    return data


def load_blocks(text: str) -> dict | None:
    """A registry file (a mapping of id → block) as PyYAML reads it, or None to leave it to PyYAML.

    Each top-level entry is read on its own: as front matter when it is in the fast subset once
    its two-space indent is taken off (entries the importer appends), else by PyYAML (curated
    entries with comments or deeper indents). Anything that makes entries depend on each other or
    that the split cannot place (documents, directives, anchors used across entries, a top-level
    line that is not `id:`) gives None, and the caller reads the whole file with PyYAML."""
    from . import yamlio  # PyYAML for the odd entry

    data: dict = {}
    entry: list[str] = []

    def close() -> bool:
        if not entry:
            return True
        key = entry[0][:-1]
        if not _ID_KEY.match(key) or _scalar(key) != key:
            return False
        body = entry[1:]
        if all(not line or line.startswith("  ") for line in body):
            value = load("\n".join(line[2:] for line in body))
            if value is not None:
                data[key] = value or None
                return True
        try:
            one = yamlio.load("\n".join(entry))
        except Exception:  # an alias to another entry's anchor, or a real error: PyYAML on the whole
            return False
        if not isinstance(one, dict) or len(one) != 1:
            return False
        data[key] = next(iter(one.values()))
        return True

    for line in text.split("\n"):
        if not entry and (line.startswith("#") or not line.strip(" ")):
            continue  # comments and blank lines before the first entry (inside one, the entry's)
        if line and not line[0].isspace() and not line.startswith("#"):
            if not close():
                return None
            if not line.endswith(":") or line.startswith(("-", "%", "---", "...", "&", "*", "!", "?", "{", "[")):
                return None
            entry = [line]
        elif not entry:
            return None  # indented text before any entry
        else:
            entry.append(line)
    return data if close() else None


_ID_KEY = re.compile(r"^[a-z0-9][a-z0-9-]*$")
