"""The fast front-matter reader gives exactly what PyYAML gives, or steps aside (None)."""
import datetime as dt

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import fastyaml, frontmatter
from generator.model import Article, Review


def pyyaml(text):
    return yaml.load(text, Loader=yaml.SafeLoader)


@pytest.mark.parametrize("text", [
    "title: Tổng Bí thư Tô Lâm\ndate: 2025-12-01\nsource: null\nleaders:\n- to-lam\n- thongloun-sisoulith\nevents: []\n",
    "title: 'Chủ tịch: hội đàm'\ncaptions:\n- 'Ảnh: TTXVN'\n- 'It''s'\n",
    "review:\n- field: date\n  reason: the year 2025 is inferred\n- field: title\n  reason: derived\n",
    "title: 2024\n",                   # an int, as YAML reads it
    "title: yes\n",                    # YAML 1.1 bool: outside the subset
    "title: 1.5\n",
    "title: x # comment\n",
    "title: [a, b]\n",
    "title: \"quoted\"\n",
    "title: |\n  block\n",
    "title: a\ntitle: b\n",            # duplicate key: PyYAML keeps the last; we step aside
    "leaders: to-lam\n",
    "date: 2025-13-45\n",
    "date: 2025-12-01 10:00:00\n",
    "lead: a\n  continued\n",
    "title: ~\n",
    "title: &a x\n",
    "- a\n- b\n",
])
def test_same_as_pyyaml_or_none(text):
    fast = fastyaml.load(text)
    if fast is not None:
        assert fast == pyyaml(text)


def test_the_common_case_is_fast_pathed():
    article = Article(slug="s", title="Tổng Bí thư: hội đàm 'Việt - Lào'", date=dt.date(2025, 12, 1),
                      source="Người Lao Động", lead="Ngày 1-12, …", captions=("Ảnh: TTXVN", "x"),
                      leaders=("to-lam",), review=(Review("date", "năm 2025: suy ra"),))
    head = frontmatter.dump(article).split("---\n")[1]
    assert fastyaml.load(head) == pyyaml(head) is not None


text = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\x85\u2028\u2029"), max_size=40)


@settings(max_examples=300, deadline=None)
@given(title=text, lead=st.one_of(st.none(), text), captions=st.lists(text, max_size=3),
       ids=st.lists(st.from_regex(r"[a-z0-9]+(-[a-z0-9]+)*", fullmatch=True), max_size=3),
       reasons=st.lists(text, max_size=2))
def test_dumped_front_matter_reads_the_same(title, lead, captions, ids, reasons):
    article = Article(slug="s", title=title, date=dt.date(2024, 7, 11), lead=lead, captions=tuple(captions),
                      leaders=tuple(ids), review=tuple(Review("date", r) for r in reasons))
    head = frontmatter.dump(article).split("\n---\n")[0][4:]
    fast = fastyaml.load(head)
    if fast is not None:
        assert fast == pyyaml(head)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_agrees_or_steps_aside(text):
    fast = fastyaml.load(text)
    if fast is None:
        return
    try:
        expected = pyyaml(text)
    except yaml.YAMLError:
        pytest.fail(f"fast path accepted text PyYAML rejects: {text!r}")
    assert fast == (expected if expected is not None else {})
