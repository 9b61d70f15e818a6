"""Property tests over arbitrary input: the importer, the front-matter reader, the registry parser,
Markdown rendering and slugify never crash, and what they produce is well-formed.

Budget: tests/hypothesis_profiles.py ('ci': 200 examples a test; HYPOTHESIS_PROFILE=long: 20,000).
tests/test_import_property.py already checks that imported body lines come from the input.
"""
from __future__ import annotations

import datetime as dt
import re
import string
from pathlib import Path

from hypothesis import assume, given
from hypothesis import strategies as st

from generator import frontmatter, registry
from generator.importer import import_bytes, import_page, load_knowledge
from generator.model import FRONT_MATTER_KEYS
from generator.render.markdown import article_body
from generator.text import slugify
from tests.hypothesis_profiles import FUZZ
from tests.test_hostile import Audit

KNOW = load_knowledge(Path(__file__).parent.parent / "content" / "data")
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
ARTICLE_SLUG = re.compile(r"\d{4}-\d\d-\d\d-[a-z0-9]+(?:-[a-z0-9]+)*")
UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

VI = "ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵĐÐÀÁ"
MARKUP = ["<script>", "</script>", "<img src=x onerror=alert(1)>", "javascript:", "data:", "[", "](", ")", "*", "_",
          "`", "#", "> ", "- ", "1. ", "|", "\\", "&#106;", "<", ">", "\"", "'", "---", "\n", "\n\n", "\t", "\x00",
          "\x07", "\u2028", "\u00a0", "\ufeff", "Ngày 4/12", "Sáng 1-12-2025", "(NLĐO) - ", "Tin liên quan",
          " date 2025-12-01", "Tổng Bí thư Tô Lâm", "Share Share", "Ảnh: TTXVN", "./.", "nhandan.vn"]
text = st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from(VI + string.printable), max_size=400)
page = st.lists(st.one_of(text, st.sampled_from(MARKUP)), max_size=60).map("".join)


def _check_article(article, diags, name):
    if article is None:
        assert diags and all(d.file == name and d.severity == "error" for d in diags)
        return
    assert diags == []
    assert ARTICLE_SLUG.fullmatch(article.slug), article.slug
    assert article.title.strip() and not UNSAFE.search(article.title + article.body + (article.lead or ""))
    # What the store writes reads back as the same article (nothing lost or changed in the file).
    again, found = frontmatter.parse(frontmatter.dump(article), article.slug, "x.md")
    assert [d for d in found if d.severity == "error"] == [], found
    assert again == article


@FUZZ
@given(page)
def test_importing_any_text_gives_an_article_that_reads_back_or_an_error(text):
    article, diags = import_page(text, "f.txt", KNOW)
    _check_article(article, diags, "f.txt")


@FUZZ
@given(st.one_of(st.binary(max_size=3000), page.map(lambda t: t.encode("utf-8")),
                 page.map(lambda t: t.encode("cp1258", "ignore")), page.map(lambda t: t.encode("utf-16"))))
def test_importing_any_bytes_gives_an_article_or_an_error_naming_the_file(data):
    article, diags = import_bytes(data, "b.bin", KNOW)
    _check_article(article, diags, "b.bin")


def _check_diags(diags, path, n_lines):
    for d in diags:
        assert d.file == path and d.severity in ("error", "warning") and d.message
        assert d.line is None or 1 <= d.line <= n_lines + 2, (d, n_lines)


@FUZZ
@given(text, text)
def test_front_matter_reader_never_crashes_on_any_text(head, body):
    doc = "---\n" + head + "\n---\n" + body
    article, diags = frontmatter.parse(doc, "2025-01-01-x", "a.md")
    _check_diags(diags, "a.md", doc.count("\n") + 1)
    assert article is not None or any(d.severity == "error" for d in diags)


scalar = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), text,
                   st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)), st.sampled_from(MARKUP))
value = st.recursive(scalar, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                     max_leaves=12)
fm = st.dictionaries(st.sampled_from(FRONT_MATTER_KEYS + ("tags", "x", "Title")), value, max_size=14)


@FUZZ
@given(fm, text)
def test_front_matter_of_any_shape_is_read_or_reported_and_what_is_read_writes_back(data, body):
    from generator import yamlio
    head = yamlio.dump(data) if data else ""
    doc = "---\n" + head + "---\n" + body
    article, diags = frontmatter.parse(doc, "2025-01-01-x", "a.md")
    _check_diags(diags, "a.md", doc.count("\n") + 1)
    if article is not None:
        again, found = frontmatter.parse(frontmatter.dump(article), article.slug, "a.md")
        assert again == article, (article, again)


entry = st.dictionaries(st.sampled_from(["name", "title", "country", "aliases", "roles", "kind", "start", "end",
                                         "place", "host", "participants", "parties", "period", "event", "date",
                                         "witnesses", "review", "note", "x"]), value, max_size=8)
ids = st.one_of(st.from_regex(SLUG, fullmatch=True), text.map(lambda t: t[:30]), st.sampled_from(["con", "../x", "a" * 120]))


@FUZZ
@given(st.sampled_from(list(registry.FILES)), st.dictionaries(ids, entry, max_size=6))
def test_registry_parser_reads_or_reports_any_entries(kind, data):
    from generator import yamlio
    doc = yamlio.dump(data)
    out, diags = registry.parse(kind, doc, "r.yaml")
    _check_diags(diags, "r.yaml", doc.count("\n") + 1)
    for id_ in out:  # every id kept can be a folder name
        assert SLUG.fullmatch(id_) and len(id_) <= registry.MAX_ID and id_ not in registry.RESERVED


@FUZZ
@given(text)
def test_registry_parser_never_crashes_on_any_text(doc):
    out, diags = registry.parse("leaders", doc, "r.yaml")
    _check_diags(diags, "r.yaml", doc.count("\n") + 1)


@FUZZ
@given(page, st.lists(text.filter(str.strip), max_size=3), st.lists(text, max_size=3))
def test_rendered_bodies_never_carry_scripts_handlers_or_harmful_links(markdown, names, captions):
    html, _ = article_body(markdown, tuple(captions), [("/lanh-dao/x/", tuple(names))])
    audit = Audit()
    audit.feed(html)
    assert audit.problems == [], audit.problems
    assert "<script" not in html.lower()


@FUZZ
@given(st.text(max_size=300) | page, st.integers(1, 120))
def test_slugify_is_ascii_nonempty_idempotent_and_bounded(text, max_len):
    s = slugify(text, max_len)
    assert SLUG.fullmatch(s), s
    assert len(s) <= max_len
    assert slugify(s, max_len) == s


@FUZZ
@given(st.text(alphabet=VI + string.ascii_letters + " ", min_size=1, max_size=60))
def test_slugify_keeps_vietnamese_letters_as_their_base(text):
    assume(any(c.isalpha() for c in text))
    s = slugify(text)
    # "untitled" is the fallback for a title without letters, or a title that says it
    assert s != "untitled" or re.sub(r"[^a-z]", "", text.lower()) == "untitled"
    assert s.replace("-", "") == re.sub(r"[^a-z]", "", s.replace("-", ""))


@FUZZ
@given(st.one_of(fm.map(lambda d: __import__("generator.yamlio", fromlist=["dump"]).dump(d) if d else ""),
                 st.lists(st.one_of(text, st.sampled_from(["title: ", "- ", "  ", "'", "''", ": ", "\n", "#",
                                                            "date: 2025-01-01", "leaders:", "review:", "- field: x",
                                                            "  reason: y", "null", "~", "0x1F", "1e3", "yes"])),
                          max_size=30).map("".join)))
def test_fast_front_matter_reader_agrees_with_pyyaml(doc):
    """generator/fastyaml reads our own front matter without PyYAML; where it answers, it must answer
    what PyYAML does (it says None to hand over to PyYAML)."""
    import yaml

    from generator import fastyaml, yamlio
    fast = fastyaml.load(doc)
    if fast is None:
        return
    # Raw control characters PyYAML refuses outright are read by fastyaml, then dropped by
    # frontmatter.clean: lenient and harmless, so not held against it here.
    assume(not yaml.reader.Reader.NON_PRINTABLE.search(doc))
    try:
        slow = yamlio.load(doc) if doc.strip() else {}  # as frontmatter.parse reads an empty head
    except yaml.YAMLError:
        raise AssertionError(f"fastyaml read {fast!r} where PyYAML fails") from None
    assert fast == slow and [type(v) for v in fast.values()] == [type(v) for v in slow.values()]


@FUZZ
@given(st.one_of(
    st.dictionaries(ids, entry, max_size=5).map(lambda d: __import__("generator.yamlio", fromlist=["dump"]).dump(d)),
    st.lists(st.one_of(text, st.sampled_from(["a:", "b-2:", "  name: X", "  - y", "    - z", "  roles:", "  - title: T",
                                              "    from: 2020-01-01", "# c", "  # c", "\n", "x: 1", "&a", "*a", "---",
                                              "  note: |", "    line", "2025:", "null:", "  k: 'q''s'", "\t"])),
             max_size=25).map("\n".join)))
def test_registry_blocks_reader_agrees_with_pyyaml(doc):
    """fastyaml.load_blocks reads a registry file entry by entry; where it answers, PyYAML agrees."""
    import yaml

    from generator import fastyaml, yamlio
    try:
        fast = fastyaml.load_blocks(doc)
    except yaml.YAMLError:
        fast = None
    if fast is None:
        return
    assume(not yaml.reader.Reader.NON_PRINTABLE.search(doc))
    try:
        slow = yamlio.load(doc)
    except yaml.YAMLError:
        raise AssertionError(f"load_blocks read {fast!r} where PyYAML fails") from None
    assert fast == (slow or {}), (fast, slow)


def _split_by_lines(text):
    """frontmatter.split as first written: every line looked at (the fast path must agree)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None
    for n in range(1, len(lines)):
        if lines[n].strip() in ("---", "..."):
            return "\n".join(lines[1:n]), "\n".join(lines[n + 1:]).strip("\n"), n + 2
    return None


@FUZZ
@given(st.lists(st.one_of(text, st.sampled_from(["---", "...", " --- ", "\n", "\n---\n", "---\n", "\ufeff"])),
                max_size=12).map("".join))
def test_front_matter_split_agrees_with_reading_every_line(tail):
    for doc in ("---\n" + tail, tail):
        try:
            got = frontmatter.split(doc)
        except frontmatter.FrontMatterError:
            got = None
        assert got == _split_by_lines(doc)
        if got is not None:
            assert frontmatter.split(doc, body=False) == (got[0], "", got[2])
