"""Article bodies: Markdown to HTML with raw HTML escaped, captions as figures, leaders linked."""
from __future__ import annotations

import functools
import html
import re

import mistune

from ..text import collapse_spaces, fold

# escape=True: HTML in an article shows as text; mistune also turns javascript:/data: links into
# '#harmful-link'. One parser for the whole build (mistune's parser is reusable and not cheap).
_MARKDOWN = mistune.create_markdown(escape=True, plugins=["strikethrough", "table"])
_TAG = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"<(/?)([a-zA-Z0-9]+)")
# A paragraph, up to its first </p>: "<p>(.*?)</p>" written so that the engine runs through text
# between tags without testing for "</p>" at each character (six times faster on a body).
_PARA = re.compile(r"<p>([^<]*(?:<(?!/p>)[^<]*)*)</p>\n?")
# Inside these no leader link is added: links cannot nest, and headings stay plain text.
_NO_LINK = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "code", "pre"}


# The importer writes a small, fully escaped subset of Markdown: one-line paragraphs, "## "
# headings and "- " lists, with every character Markdown could read as markup backslash-escaped.
# That subset is turned into HTML directly (ten times faster than parsing); anything else, such as
# an editor's links or emphasis, goes through mistune. tests/test_render_fastpath.py checks that
# both give the same bytes wherever the fast path answers.
_SIMPLE = re.compile(r"(?:[^\\`*_\[\]<>|~\x00-\x1f\x7f]|\\[!-/:-@\[-`{-~])*")
_UNESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_SPECIAL = re.compile(r"[\\`*_\[\]<>|~\x00-\x1f\x7f]")  # what _SIMPLE takes only escaped, or not at all
_BLOCK_START = re.compile(r"[\w“\"'(]|\\[!-/:-@\[-`{-~]")
_ORDERED = re.compile(r"\d{1,9}[.)]")


def _inline(text: str) -> str | None:
    if not text or text[0].isspace() or text[-1].isspace():
        return None
    if _SPECIAL.search(text):  # most lines have nothing to check or unescape
        if not _SIMPLE.fullmatch(text) or text.endswith("\\"):
            return None
        text = _UNESCAPE.sub(r"\1", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _fast_html(markdown: str) -> str | None:
    out = []
    after_list = False
    for block in markdown.split("\n\n"):
        if not block:
            continue
        lines = block.split("\n")
        if all(line.startswith("- ") for line in lines):
            if after_list:  # two lists apart are one loose list to Markdown
                return None
            after_list = True
            items = [_inline(line[2:]) for line in lines]
            if any(i is None or not _BLOCK_START.match(line[2:]) or _ORDERED.match(line[2:])
                   for i, line in zip(items, lines)):
                return None
            out.append("<ul>\n" + "".join(f"<li>{i}</li>\n" for i in items) + "</ul>\n")
        elif len(lines) == 1:
            after_list = False
            line = lines[0]
            if line.startswith("## "):
                text = _inline(line[3:])
                if text is None or line.endswith("#"):
                    return None
                out.append(f"<h2>{text}</h2>\n")
            else:
                text = _inline(line)
                if text is None or not _BLOCK_START.match(line) or _ORDERED.match(line):
                    return None
                out.append(f"<p>{text}</p>\n")
        else:
            return None
    return "".join(out)


def to_html(markdown: str) -> str:
    """Markdown to safe HTML (raw HTML is escaped, harmful URLs are dropped)."""
    fast = _fast_html(markdown)
    return fast if fast is not None else _MARKDOWN(markdown)


def _plain(fragment: str) -> str:
    if "<" not in fragment and "&" not in fragment:
        return collapse_spaces(fragment)
    return collapse_spaces(html.unescape(_TAG.sub("", fragment)))


def captions_as_figures(body_html: str, captions: tuple[str, ...]) -> tuple[str, list[str]]:
    """Turn paragraphs that are a caption into <figure><figcaption>; return the captions not found."""
    wanted = {collapse_spaces(c): c for c in captions if c.strip()}
    found: set[str] = set()
    sizes = {len(k) for k in wanted}
    shortest = min(sizes, default=0)

    def swap(m: re.Match) -> str:
        text = m.group(1)
        if len(text) < shortest:  # markup and entities only lengthen the text they wrap
            return m.group(0)
        if len(text) not in sizes and "<" not in text and "&" not in text and "  " not in text \
                and "\n" not in text and "\t" not in text and not text[0].isspace() and not text[-1].isspace():
            return m.group(0)  # plain text already collapsed, of no caption's length
        key = _plain(text)
        if key in wanted:
            found.add(key)
            return f'<figure class="caption"><figcaption>{m.group(1)}</figcaption></figure>\n'
        return m.group(0)

    out = _PARA.sub(swap, body_html) if wanted else body_html
    return out, [c for k, c in wanted.items() if k not in found]


@functools.lru_cache(maxsize=4096)
def _name_pattern(names: tuple[str, ...]) -> re.Pattern | None:
    """Any of names, folded, not followed by a letter. The check that no letter comes before is
    _first_mention's: a pattern that starts with its first letter is searched many times faster."""
    folded = sorted({fold(collapse_spaces(n)) for n in names if n and n.strip()}, key=lambda s: (-len(s), s))
    if not folded:
        return None
    alt = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in folded)
    return re.compile(rf"(?:{alt})(?!\w)")


_WORD = re.compile(r"\w")
# A tag inside which no link is added, opening or closing (as _TAG_NAME reads a tag's name).
_NO_LINK_TAG = re.compile(r"<(/?)(?:" + "|".join(sorted(_NO_LINK)) + r")(?![a-zA-Z0-9])[^>]*>", re.I | re.A)
_FIRST_PART = 1500  # characters of a body folded first: most names are found there


# Tags as _TAG cuts them, when every "<" opens a tag that a ">" closes before the next "<" (HTML
# the renderer made: text has "&lt;"). Else a tag could hold a "<", and the text is cut with _TAG.
_ODD_TAG = re.compile(r"<[^>]*(?:<|$)")


class _Body:
    """A body's HTML, folded as far as searching it has needed (text.fold keeps offsets), and
    where links may not go: inside tags, and between the tags of _NO_LINK."""

    def __init__(self, html: str):
        self.html = html
        self.text = ""
        self.whole = False
        self.fold_more()
        self.tags = None  # (start, end) of every tag, when "<" cannot tell where tags are
        if _ODD_TAG.search(html):
            self.tags = [m.span() for m in _TAG.finditer(html)]
            no_link = [(a, html[a:b]) for a, b in self.tags if (m := _TAG_NAME.match(html, a)) and m.group(2).lower() in _NO_LINK]
        else:
            no_link = [(m.start(), m.group(0)) for m in _NO_LINK_TAG.finditer(html)]
        self.closed: list[tuple[int, int]] = []  # (start, end) of the parts where depth is not 0
        depth = 0
        for at, tag in no_link:
            if depth == 0:
                self.closed.append((at, len(html)))
            depth += -1 if tag[1] == "/" else 1
            if depth == 0:
                self.closed[-1] = (self.closed[-1][0], at + len(tag))

    def fold_more(self) -> None:
        """Fold about as much again as is folded (up to a "<": no name holds one)."""
        done = len(self.text)
        cut = self.html.find("<", max(_FIRST_PART, 2 * done))
        if cut < 0:
            cut, self.whole = len(self.html), True
        self.text += fold(self.html[done:cut])

    def open_at(self, start: int) -> bool:
        """Whether a link may go around a name that starts at start (a name holds no tag)."""
        if self.tags is None:
            if self.html.rfind("<", 0, start) > self.html.rfind(">", 0, start):
                return False  # inside a tag
        elif any(a <= start < b for a, b in self.tags):
            return False
        return not any(a <= start < b for a, b in self.closed)


def _first_mention(body: _Body, pattern: re.Pattern, pos: int) -> tuple[int, int, int] | None:
    """The first match from pos that is a whole name where a link may go: (end of its text,
    start, end), or None."""
    while True:
        m = pattern.search(body.text, pos)
        if m is None:
            if body.whole:
                return None
            body.fold_more()
            continue
        start, end = m.span()
        if start and _WORD.match(body.text, start - 1):  # inside a longer word: try one further on
            pos = start + 1
        elif not body.open_at(start):
            pos = start + 1
        else:
            text_end = body.html.find("<", end)
            return (len(body.html) if text_end < 0 else text_end), start, end


def link_first_mentions(body_html: str, people: list[tuple[str, tuple[str, ...]]]) -> str:
    """Link the first mention of each person (url, names) in text outside links and headings.

    Matching is on folded text (no diacritics, lower case), which keeps offsets, so 'Tô Lâm' is
    found as written whatever tone marks or case the article uses. Two names in one text are both
    linked, in order; of two that overlap, the first is linked and the other is looked for again
    in the texts after it.
    """
    patterns = {url: p for url, names in people if (p := _name_pattern(tuple(names)))}
    if not patterns:
        return body_html
    body = _Body(body_html)
    found = {url: _first_mention(body, p, 0) for url, p in patterns.items()}
    linked: list[tuple[int, int, str]] = []
    while True:
        hits = sorted((hit, url) for url, hit in found.items() if hit is not None)
        if not hits:
            break
        text_end = hits[0][0][0]
        pos = -1
        for (k, start, end), url in hits:
            if k != text_end:
                break
            if start < pos:  # overlaps a name already linked in this text: look again after it
                found[url] = _first_mention(body, patterns[url], text_end)
                continue
            linked.append((start, end, url))
            pos = end
            del found[url]
    out, pos = [], 0
    for start, end, url in sorted(linked):
        out += [body_html[pos:start], f'<a class="mention" href="{html.escape(url)}">{body_html[start:end]}</a>']
        pos = end
    out.append(body_html[pos:])
    return "".join(out)


def article_body(markdown: str, captions: tuple[str, ...], people: list[tuple[str, tuple[str, ...]]]) -> tuple[str, list[str]]:
    """The body's HTML, ready for the article template, and the captions that were not in the body."""
    body, missing = captions_as_figures(to_html(markdown), captions)
    return link_first_mentions(body, people), missing
