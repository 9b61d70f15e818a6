"""The fast path for the importer's Markdown gives mistune's exact HTML, or steps aside."""
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.importer.blocks import escape
from generator.render.markdown import _MARKDOWN, _fast_html

GOLDEN = Path(__file__).parent / "golden" / "import"


@pytest.mark.parametrize("md", [
    "## Tiêu đề", "a \\* b \\_ c \\[x\\] \\<b\\> \"q\" it's", "- a\n- b;", "x\n\n- a\n- b\n\ny",
    "\\# not heading", "a\\\\b", "AT&T &amp; &copy;", "## a ##", "1\\. x", "a  b", "- 1. x", "--- ", "***",
    "a\nb", "    code", "> quote", "## ", "<b>x</b>", "[a](b)", "*em*", "a\\", "“Trích dẫn” ở đầu",
])
def test_table(md):
    fast = _fast_html(md)
    if fast is not None:
        assert fast == _MARKDOWN(md)


def test_imported_articles_take_the_fast_path():
    for path in GOLDEN.glob("*.md"):
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1].strip("\n")
        assert _fast_html(body) is not None, path.name


line = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["p", "h", "ul"]), st.lists(line, min_size=1, max_size=3)), min_size=1, max_size=5))
def test_escaped_blocks_render_like_mistune(blocks):
    parts = []
    for kind, texts in blocks:
        texts = [" ".join(t.split()) for t in texts if t.split()]
        if not texts:
            continue
        if kind == "p":
            parts.append(escape(texts[0]))
        elif kind == "h":
            parts.append("## " + escape(texts[0]))
        else:
            parts.append("\n".join("- " + escape(t) for t in texts))
    md = "\n\n".join(parts)
    fast = _fast_html(md)
    if fast is not None:
        assert fast == _MARKDOWN(md), md


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=120))
def test_arbitrary_markdown_agrees_or_steps_aside(md):
    fast = _fast_html(md)
    if fast is not None:
        assert fast == _MARKDOWN(md), md
