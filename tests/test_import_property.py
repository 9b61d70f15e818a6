"""Property tests: importing arbitrary text never crashes, and every body line comes from the input."""
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.frontmatter import clean
from generator.importer import import_page, load_knowledge
from generator.importer.blocks import unescape
from generator.text import collapse_spaces, normalize

KNOW = load_knowledge(Path(__file__).parent.parent / "content" / "data")

WORDS = ["Tổng", "Bí", "thư", "Tô", "Lâm", "hội", "đàm", "Lào", "Ngày", "4/12", "(Ảnh:", "TTXVN)", "Tin",
         "liên", "quan", "aa", "fb", "./.", "HOTLINE:", "-", "Ảnh", "1.", ";", ":", "Sáng", "1-12", "năm", "2025",
         "*", "#", "[x](y)", "<script>", "giai", "đoạn", "2026-2030", "date", "2024-07-11", "nhandan.vn"]
line = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=8)), max_size=30).map(" ".join)
page = st.lists(st.one_of(line, st.just("")), max_size=40).map("\n".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page)
def test_import_never_crashes_and_keeps_only_input_lines(text):
    article, diags = import_page(text, "fuzz.txt", KNOW)
    if article is None:
        assert diags and diags[0].file == "fuzz.txt"
        return
    # The importer drops control characters (they cannot go into a feed); so does the reference.
    source = collapse_spaces(clean(normalize(text).replace("\x0b", " ").replace("\x0c", " ")).replace("\n", " "))
    for block in article.body.split("\n\n"):
        for md_line in block.split("\n"):
            assert collapse_spaces(unescape(md_line)) in source
    assert article.date.year > 1900


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_crash(data):
    from generator.importer import import_bytes
    article, diags = import_bytes(data, "bytes.bin", KNOW)
    assert article is not None or (diags and diags[0].file == "bytes.bin")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("\\`*_[]<>|~#>-+=.)1 aĐ\n")) | st.characters(), max_size=40))
@example("= a")
@example("+ a")
@example("١. a")  # a decimal digit that is not ASCII
def test_escape_is_the_inline_substitution_then_the_line_start_one(text):
    """escape() skips the inline substitution when no markup character is in the text: the same text."""
    import re
    from generator.importer.blocks import _INLINE, _LINE_START, _escape_start, escape
    rule = _LINE_START.sub(lambda m: "\\" + m.group(1), _INLINE.sub(r"\\\1", text))
    assert escape(text) == rule
    if not _INLINE.search(text):  # blocks() escapes only the starts of a body without markup characters
        assert _escape_start(text) == rule
    assert set(re.findall(_INLINE, text)) <= set("\\`*_[]<>|~")


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["Các văn kiện gồm:", "a;", "b.", "- x", "1. y", "Tiêu đề ngắn", "\\", "`", "*", "_", "[",
                                          "]", "<", ">", "|", "~", "# ", "= ", " ", "Đoạn văn dài kết thúc."]),
                         min_size=1, max_size=5).map("".join), max_size=8))
def test_blocks_escape_as_if_each_block_were_searched_for_markup(lines):
    # blocks() looks for markup characters once in the whole body, not in each block
    from unittest import mock

    from generator.importer import blocks as B
    def escape_in_full(text):
        return B._LINE_START.sub(lambda m: "\\" + m.group(1), B._INLINE.sub(r"\\\1", text))
    got = B.blocks(lines, ("tieu de",))
    with mock.patch.object(B, "_escape_start", escape_in_full), mock.patch.object(B, "escape", escape_in_full):
        assert got == B.blocks(lines, ("tieu de",))
