"""An import that prepares pages in other processes writes what a one-process import writes, byte for byte."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import entities, frontmatter, prepare, yamlio
from generator.model import Article, Leader, Review, Role
from generator.parallel import fork_imap
from generator.store import import_pages, raw_files

REPO = Path(__file__).parent.parent

_EXTRA = {
    # Two officials no registry knows: added by the first page, named again (and one misspelt) later.
    "officials": "Cùng dự có Thứ trưởng Bộ Công Thương Nguyễn Văn Phước và Thứ trưởng Bộ Ngoại giao Lào "
                 "Viengsavanh Phommachanh.",
    "again": "Thứ trưởng Nguyễn Văn Phước và ông Viengsavanh Phommachanh đã trao đổi về hợp tác năng lượng.",
    "misspelt": "Thứ trưởng Bộ Ngoại giao Lào Viengsavan Phommachanh cho biết hai bên sẽ tăng cường hợp tác.",
    # Two documents no registry knows: listed by one page, listed again by a later one.
    "documents": "Hai nhà lãnh đạo chứng kiến lễ ký các văn kiện hợp tác gồm:\n\n"
                 "- Hiệp định hợp tác về năng lượng giữa Chính phủ Việt Nam và Chính phủ Lào giai đoạn 2026-2030;\n\n"
                 "- Bản ghi nhớ về hợp tác giáo dục giữa Bộ Giáo dục Việt Nam và Bộ Giáo dục Lào.",
    "plain": "Hai bên trao đổi về tình hình mỗi nước và các vấn đề quốc tế cùng quan tâm.",
}
# Every page reports one visit no registry knows: the first page creates the event, the others match it.
_ORDER = ["officials"] + ["plain"] * 12 + ["documents", "again"] + ["plain"] * 10 + ["misspelt", "documents",
                                                                                        "again", "officials"]


def _page(n: int, extra: str) -> str:
    return f""" date 2026-03-{1 + n % 3:02d}
Tin số {n}: Chủ tịch nước Lương Cường thăm chính thức Lào và hội đàm với Thủ tướng Lào Sonexay Siphandone

Dương Ngọc

(NLĐO) - Từ ngày 1-3/3/2026, Chủ tịch nước Lương Cường thăm chính thức Lào theo lời mời của Tổng Bí thư, Chủ tịch nước Lào Thongloun Sisoulith, bài số {n}.

{_EXTRA[extra]}

Hai bên nhất trí tiếp tục làm sâu sắc hơn quan hệ hữu nghị vĩ đại, đoàn kết đặc biệt và hợp tác toàn diện Việt Nam - Lào.
"""


@pytest.fixture
def raw_pages(tmp_path_factory) -> Path:
    raw = tmp_path_factory.mktemp("raw")
    for n, extra in enumerate(_ORDER, 1):
        (raw / f"{n:03d}.txt").write_text(_page(n, extra), encoding="utf-8")
    for seed in sorted((REPO / "content" / "raw").glob("*.txt")):
        shutil.copy(seed, raw / f"seed-{seed.name}")
    return raw


def _content(root: Path, raw: Path) -> Path:
    shutil.copytree(REPO / "content" / "data", root / "data")
    (root / "raw").symlink_to(raw)
    return root


def _tree(content: Path) -> dict[str, bytes]:
    return {str(p.relative_to(content)): p.read_bytes() for p in sorted(content.rglob("*"))
            if p.is_file() and "raw" not in p.relative_to(content).parts}


@pytest.mark.parametrize("order", ["by name", "reversed"])
@pytest.mark.parametrize("learn", [True, False], ids=["workers learn new leaders", "store reads again"])
def test_two_processes_write_what_one_writes(tmp_path, raw_pages, monkeypatch, order, learn):
    raws = raw_files(_content(tmp_path / "one", raw_pages))
    raws = raws if order == "by name" else raws[::-1]
    one = import_pages(tmp_path / "one", raws, jobs=1, log=lambda *a: None)
    assert set(one.new_entities) == {"leaders", "events", "agreements"}  # the pages exercise each kind

    read_again = []
    real_read = entities.read
    monkeypatch.setattr(prepare, "AHEAD_MIN", 1)  # a few pages: fork anyway
    monkeypatch.setattr(entities, "read", lambda *a, **kw: read_again.append(a[0].slug) or real_read(*a, **kw))
    if not learn:  # the processes never learn the leaders the store adds: it reads every page they change
        monkeypatch.setattr(prepare._LeaderLog, "catch_up", lambda self, reg: 0)
    two = import_pages(_content(tmp_path / "two", raw_pages),
                       [tmp_path / "two" / "raw" / p.name for p in raws], jobs=2, log=lambda *a: None)
    assert _tree(tmp_path / "two") == _tree(tmp_path / "one")
    assert two.written == one.written and two.new_entities == one.new_entities
    if not learn:
        # Pages that name an official an earlier page added were read again here (the counter
        # sees only this process's reads: the workers' are their own).
        assert read_again

    # Imported again (the officials and the event are in the registry now): the same again.
    for name, jobs in (("one", 1), ("two", 2)):
        import_pages(tmp_path / name, [tmp_path / name / "raw" / p.name for p in raws], jobs=jobs, log=lambda *a: None)
    assert _tree(tmp_path / "two") == _tree(tmp_path / "one")


def test_a_few_pages_are_prepared_in_this_process(tmp_path, raw_pages, monkeypatch):
    monkeypatch.setattr(prepare, "fork_imap", lambda *a, **kw: pytest.fail("forked for a few pages"))
    content = _content(tmp_path, raw_pages)
    report = import_pages(content, raw_files(content)[:5], jobs=2, log=lambda *a: None)
    assert len(report.written) == 5


def test_fork_imap_keeps_the_order():
    assert list(fork_imap(lambda x: x * x, range(50), 2, chunksize=3)) == [x * x for x in range(50)]
    assert list(fork_imap(lambda x: x + 1, [1, 2], 1)) == [2, 3]


def test_leaders_added_since_say_which_readings_change():
    since = entities.LeadersSince()
    draft = entities.Draft("a", (), (), (), None, (), (), None, (("Viengsavan Phommachanh", "LA"),))
    text = "Thứ trưởng Nguyễn Văn Phước gặp ông Bounmy"
    _folded, sp, caps = entities.phrases.forms(text)
    assert not since.change(draft, sp, caps)  # nothing added yet
    since.add([Leader("bounmy-x", "Bounmy X", "LA")])
    assert not since.change(draft, sp, caps)  # "Bounmy" alone is not the leader's name
    since.add([Leader("nguyen-van-phuoc", "Nguyễn Văn Phước", "VN", (), (Role("Thứ trưởng"),))])
    assert since.change(draft, sp, caps)  # named in the text
    other = entities.LeadersSince()
    other.add([Leader("viengsavanh-phommachanh", "Viengsavanh Phommachanh", "LA")])
    assert other.change(draft, "", "")  # a Lao official the reading took for new is close to one
    new = entities.Draft("a", (), (Leader("x-y", "X Y", "VN"),), (), None, (), (), None, ())
    other.add([Leader("x-y", "X Y", "VN")])
    assert other.change(new, "", "")  # the id the reading gave a new official is taken now


_TEXT = st.lists(st.sampled_from(list("aZ đĐ:#'\"-?,.;[]{}()&*!|>%@`\n\t…“”‘’–—/+_1\u00a0\u2028\x85\ufeffǅ")
                                 + ["Tô Lâm", "null", "2025-01-01", "yes", "12", "1.5", " - ", ": ", "---", "...",
                                    "~", "0x1f", "(Ảnh: TTXVN)"]), max_size=12).map("".join)


@given(st.builds(Article, slug=st.just("a"), title=_TEXT, date=st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)),
                 body=_TEXT, source=st.none() | _TEXT, source_url=st.none() | _TEXT, author=st.none() | _TEXT,
                 lead=st.none() | _TEXT, captions=st.lists(_TEXT, max_size=3).map(tuple), language=_TEXT,
                 leaders=st.lists(st.from_regex(r"[a-z0-9]{1,4}(-[a-z0-9]{1,3}){0,2}|null|yes|0x1f|1e3|2025-01-01|-a|a b",
                                                fullmatch=True), max_size=3).map(tuple),
                 raw=st.none() | _TEXT, review=st.lists(st.builds(Review, _TEXT, _TEXT), max_size=2).map(tuple)))
@settings(max_examples=2000, deadline=None)
def test_the_parts_of_an_article_file_join_into_the_file(article):
    assert "".join(frontmatter.dump_parts(article)) == frontmatter.dump(article)
    for value in article.leaders:
        assert frontmatter._item(value) == yamlio.dump([value])


def test_the_leader_log_hands_batches_over_in_order():
    from generator.registry import Registry
    log = prepare._LeaderLog()
    reg = Registry(leaders={})
    assert log.catch_up(reg) == 0
    a, b, c = (Leader(i, i.upper(), "VN") for i in ("a", "b", "c"))
    log.append([a, b])
    log.append([c])
    os_size = log._read_to
    assert log.catch_up(reg) == 2 and list(reg.leaders) == ["a", "b", "c"] and log._read_to > os_size
    assert log.catch_up(reg) == 2  # nothing new
    import os
    os.write(log._fd, (1000).to_bytes(4, "little") + b"x")  # a batch being written: left for later
    assert log.catch_up(reg) == 2
