"""`import` as an editor meets it: written files, re-imports, hand edits, bad pages, exit status."""
import shutil
import unicodedata
from pathlib import Path

import pytest

from generator.cli import main

REPO = Path(__file__).parent.parent
SEEDS = sorted((REPO / "content" / "raw").glob("*.txt"))

PAGE = """Tổng Bí thư Tô Lâm hội đàm với Tổng Bí thư, Chủ tịch nước Lào

Dương Ngọc

(NLĐO) - Hai nhà lãnh đạo nhất trí làm sâu sắc hơn quan hệ Việt Nam - Lào bằng việc bổ sung nội hàm mới.

Ngày 1-12-2025, tại thủ đô Vientiane, Tổng Bí thư Tô Lâm đã hội đàm với Tổng Bí thư, Chủ tịch nước Lào Thongloun Sisoulith.

Tin liên quan

Một tin khác không thuộc bài viết này và không được giữ lại
"""


@pytest.fixture
def content(tmp_path):
    """A content tree with the shipped data files and one raw page."""
    (tmp_path / "raw").mkdir()
    shutil.copytree(REPO / "content" / "data", tmp_path / "data")
    (tmp_path / "raw" / "a.txt").write_text(PAGE, encoding="utf-8")
    return tmp_path


def run(content, *args):
    return main(["import", "--content", str(content), *args])


def articles(content):
    return sorted((content / "articles").glob("*.md"))


def test_import_writes_one_article_named_by_date_and_slug(content):
    assert run(content) == 0
    [path] = articles(content)
    assert path.name == "2025-12-01-tong-bi-thu-to-lam-hoi-dam-voi-tong-bi-thu-chu-tich-nuoc-lao.md"
    text = path.read_text(encoding="utf-8")
    assert "source: Người Lao Động" in text and "author: Dương Ngọc" in text
    assert "Một tin khác" not in text and "Tin liên quan" not in text
    keys = [line.split(":")[0] for line in text.split("---")[1].splitlines() if line and not line.startswith((" ", "-"))]
    assert keys == ["title", "date", "source", "source_url", "author", "lead", "captions", "language",
                    "leaders", "events", "agreements", "raw", "review"]


def test_reimport_of_unchanged_pages_changes_no_byte(content):
    for seed in SEEDS:
        shutil.copy(seed, content / "raw")
    assert run(content) == 0
    before = {p: p.read_bytes() for p in (content).rglob("*") if p.is_file()}
    assert run(content) == 0
    after = {p: p.read_bytes() for p in (content).rglob("*") if p.is_file()}
    assert before == after


def test_an_import_stopped_before_its_record_is_not_doubled_by_the_next(content, capsys):
    # A first import killed midway has written articles but not yet its record of them: the next
    # one takes each file that holds what it would write, rather than writing a slug-2.md beside it.
    for seed in SEEDS:
        shutil.copy(seed, content / "raw")
    assert run(content) == 0
    written = {p.name: p.read_bytes() for p in articles(content)}
    record = (content / ".import-state.json").read_bytes()
    (content / ".import-state.json").unlink()
    capsys.readouterr()
    assert run(content) == 0
    assert {p.name: p.read_bytes() for p in articles(content)} == written
    assert f"{len(written)} unchanged" in capsys.readouterr().out
    assert (content / ".import-state.json").read_bytes() == record


def test_editor_changes_are_left_alone_and_reported(content, capsys):
    run(content)
    [path] = articles(content)
    edited = path.read_text(encoding="utf-8").replace("author: Dương Ngọc", "author: Dương Ngọc (sửa)")
    path.write_text(edited, encoding="utf-8")
    assert run(content) == 0
    assert path.read_text(encoding="utf-8") == edited
    assert "left alone" in capsys.readouterr().out


def test_force_overwrites_and_says_so(content, capsys):
    run(content)
    [path] = articles(content)
    path.write_text(path.read_text(encoding="utf-8") + "\nThêm.\n", encoding="utf-8")
    assert run(content, "--force") == 0
    assert "Thêm." not in path.read_text(encoding="utf-8")
    assert "overwritten (--force)" in capsys.readouterr().out


def test_an_article_deleted_by_an_editor_stays_deleted(content):
    run(content)
    [path] = articles(content)
    path.unlink()
    run(content)
    assert articles(content) == []


def test_an_edited_file_without_import_record_is_not_overwritten(content):
    (content / "articles").mkdir()
    target = content / "articles" / "2025-12-01-tong-bi-thu-to-lam-hoi-dam-voi-tong-bi-thu-chu-tich-nuoc-lao.md"
    target.write_text("---\ntitle: của biên tập viên\n---\n", encoding="utf-8")
    run(content)
    assert target.read_text(encoding="utf-8") == "---\ntitle: của biên tập viên\n---\n"


@pytest.mark.parametrize("name, data, message", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\n \n", "empty"),
    ("binary.bin", bytes(range(256)) * 8, "binary"),
    ("latin.txt", "Caf\u00e9 \u00e0 la cr\u00e8me".encode("latin-1") + b"\xff\xfe\x81", "not UTF-8"),
    ("furniture.txt", "fb yt zl tw\nTin liên quan\n".encode(), "no article text"),
    ("nodate.txt", "Một bài viết không có ngày tháng nào cả\n\nHai bên nhất trí tăng cường hợp tác trên mọi lĩnh vực trong thời gian tới.\n".encode(), "no date"),
])
def test_bad_pages_name_the_file_and_the_rest_is_imported(content, capsys, name, data, message):
    (content / "raw" / name).write_bytes(data)
    assert run(content) == 1
    err = capsys.readouterr().err
    assert name in err and message in err
    assert len(articles(content)) == 1


def to_cp1258(text: str) -> bytes:
    """Windows-1258 bytes as old Vietnamese sites saved them: base letter + combining tone mark."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            tones = "".join(c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            out += (base + tones).encode("cp1258")
    return out


def test_windows_1258_page_is_read(content):
    (content / "raw" / "a.txt").write_bytes(to_cp1258(PAGE))
    assert run(content) == 0
    [path] = articles(content)
    assert "Thongloun Sisoulith" in path.read_text(encoding="utf-8")


def test_utf16_page_is_read(content):
    (content / "raw" / "a.txt").write_bytes(PAGE.encode("utf-16"))
    assert run(content) == 0
    assert len(articles(content)) == 1


def test_two_pages_with_the_same_title_and_date_get_distinct_files(content):
    (content / "raw" / "b.txt").write_text(PAGE, encoding="utf-8")
    assert run(content) == 0
    names = [p.name for p in articles(content)]
    assert len(names) == 2 and sum(n.endswith("-lao-2.md") for n in names) == 1
    assert run(content) == 0 and len(articles(content)) == 2


def test_a_url_line_gives_source_url_and_outlet(content):
    page = PAGE.replace("(NLĐO) - ", "").replace("Tin liên quan", "Nguồn: https://www.nhandan.vn/bai-viet-post123.html\n\nTin liên quan")
    (content / "raw" / "a.txt").write_text(page, encoding="utf-8")
    assert run(content) == 0
    text = articles(content)[0].read_text(encoding="utf-8")
    assert "source_url: https://www.nhandan.vn/bai-viet-post123.html" in text and "source: Nhân Dân" in text
    assert "Nguồn:" not in text.split("---")[2]
