"""Bad input, one row a case, through the real CLI: the message names the file (and line), the rest of
the archive is still imported or built, and the exit status says something failed (--strict: warnings too).

Each row is (name, files written over a good tree, expected message fragment, where it must point,
exit status, exit status with --strict, what must still be there, what must not).
"""
from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from generator.cli import main
from generator.render import TEMPLATES
from tests.sitekit import article, scenario, write_tree
from tests.test_import_store import PAGE, to_cp1258

REPO = Path(__file__).parent.parent
GOOD_ARTICLE = "bai-viet/2025-12-01-hoi-dam/index.html"
GOOD_IMPORT = "2025-12-01-tong-bi-thu-to-lam-hoi-dam-voi-tong-bi-thu-chu-tich-nuoc-lao.md"
BOUND = 10.0  # seconds: generous on a shared 2-core machine; a backtracking regex takes minutes


def _big_page(size: int) -> str:
    """A real-looking page of distinct paragraphs, `size` bytes of UTF-8 or a little more."""
    head = PAGE.split("Tin liên quan")[0]
    paras, total, n = [], len(head.encode()), 0
    while total < size:
        p = (f"Đoạn thứ {n}: hai bên nhất trí tăng cường hợp tác kinh tế, giáo dục và quốc phòng trong năm "
             f"{2000 + n % 25}, với {n} dự án mới được ký kết tại Viêng Chăn.")
        paras.append(p)
        total += len(p.encode()) + 2
        n += 1
    return head + "\n\n".join(paras) + "\n"


def _long_line(size: int) -> str:
    """A page whose article is one line of `size` bytes (no line breaks a scraper would add)."""
    words, total, n = [], 0, 0
    while total < size:
        w = f"hợp tác{n % 97} phát triển{n % 89}"
        words.append(w)
        total += len(w.encode()) + 1
        n += 1
    return PAGE.split("Tin liên quan")[0] + " ".join(words) + ".\n"


# --- import: raw pages ----------------------------------------------------------------------------
# (name, raw file name, bytes, fragment, exit, must exist in articles/ besides the good one)
IMPORT_CASES = [
    ("empty raw page", "empty.txt", b"", "the file is empty", 1, 1),
    ("only blank lines", "blank.txt", b"\n \n\t\n", "the file is empty", 1, 1),
    ("binary file (PNG)", "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary data", 1, 1),
    ("binary without NUL", "blob.txt", bytes(range(1, 32)) * 200, "binary data", 1, 1),
    ("Windows-1258 page imports", "cp1258.txt", to_cp1258(PAGE.replace("Tổng Bí thư Tô Lâm hội đàm",
                                                                        "Tổng Bí thư Tô Lâm hội đàm lần hai")), None, 0, 2),
    ("undecodable bytes", "latin.txt", "Tiếng Việt".encode() + b"\xff\xfe\x81\x8d" + b" abc" * 40, "not UTF-8", 1, 1),
    ("UTF-16 BOM but odd bytes", "u16.txt", b"\xff\xfe" + b"\x00\xd8" + b"a", "utf-16", 1, 1),
    ("page with no article text", "menu.txt", "Trang chủ\nfb yt zl\nTin liên quan\n".encode(), "no article text", 1, 1),
]


@pytest.fixture
def raw_tree(tmp_path):
    """A content tree with the shipped data and one good raw page."""
    content = tmp_path / "content"
    (content / "raw").mkdir(parents=True)
    shutil.copytree(REPO / "content" / "data", content / "data")
    (content / "raw" / "good.txt").write_text(PAGE, encoding="utf-8")
    return content


@pytest.mark.parametrize("name, raw, data, fragment, status, articles", IMPORT_CASES, ids=[c[0] for c in IMPORT_CASES])
def test_import_case(raw_tree, capsys, name, raw, data, fragment, status, articles):
    (raw_tree / "raw" / raw).write_bytes(data)
    assert main(["import", "--content", str(raw_tree)]) == status
    out = capsys.readouterr()
    if fragment:
        line = next((ln for ln in out.err.splitlines() if raw in ln), "")
        assert fragment in line and ": import: error: " in line, out.err
    made = sorted(p.name for p in (raw_tree / "articles").glob("*.md"))
    assert GOOD_IMPORT in made and len(made) == articles, made


def test_windows_1258_keeps_its_vietnamese_letters(raw_tree):
    (raw_tree / "raw" / "good.txt").write_bytes(to_cp1258(PAGE))
    assert main(["import", "--content", str(raw_tree)]) == 0
    text = (raw_tree / "articles" / GOOD_IMPORT).read_text(encoding="utf-8")
    assert "title: Tổng Bí thư Tô Lâm hội đàm với Tổng Bí thư, Chủ tịch nước Lào" in text


@pytest.mark.parametrize("name, make, size", [("5 MB page", _big_page, 5_000_000), ("one 1 MB line", _long_line, 1_000_000)])
def test_huge_pages_import_and_build_in_bounded_time(tmp_path, capsys, name, make, size):
    content = tmp_path / "content"
    (content / "raw").mkdir(parents=True)
    shutil.copytree(REPO / "content" / "data", content / "data")
    text = make(size)
    assert len(text.encode()) >= size
    (content / "raw" / "big.txt").write_text(text, encoding="utf-8")
    t0 = time.perf_counter()
    assert main(["import", "--content", str(content)]) == 0
    took = time.perf_counter() - t0
    assert took < BOUND, f"import of a {name} took {took:.1f} s"
    body = (content / "articles" / GOOD_IMPORT).read_text(encoding="utf-8")
    assert len(body.encode()) > size * 0.9  # the text was kept, not cut
    t0 = time.perf_counter()
    assert main(["build", "--content", str(content), "--out", str(tmp_path / "site")]) == 0, capsys.readouterr().err
    took = time.perf_counter() - t0
    assert took < 3 * BOUND, f"build of a {name} took {took:.1f} s"
    assert (tmp_path / "site" / "bai-viet" / GOOD_IMPORT[:-3] / "index.html").stat().st_size > size * 0.9


def _furniture_words() -> list[str]:
    """Every alternative of every alternation in the shipped whole-line cues (furniture, hotlines)."""
    import re
    text = (REPO / "content" / "data" / "outlets.yaml").read_text(encoding="utf-8")
    words = set()
    for group in re.findall(r"\(\?:([^()]*)\)", text):
        words.update(w for w in group.split("|") if w and "\\" not in w and len(w) < 20)
    return sorted(words)


@pytest.mark.parametrize("sep", [" ", " | ", "/", ""])
def test_no_furniture_pattern_backtracks_on_repeated_words(sep):
    """A line of 40 copies of a menu word and then something else: a pattern that can split the
    separators two ways (as the share-bar pattern once did) takes 2^40 steps here."""
    from generator.importer import lines as L
    from generator.importer.cues import load_cues
    cues = load_cues(REPO / "content" / "data" / "outlets.yaml")
    words = _furniture_words()
    assert len(words) > 20
    t0 = time.perf_counter()
    for w in words:
        for tail in (" x", " .", "!"):
            L.classify(sep.join([w] * 40) + tail, cues)
    assert time.perf_counter() - t0 < BOUND


# --- build: articles, registry, templates ---------------------------------------------------------
BAD = "articles/2025-01-01-bad.md"
B = article("Bài hỏng", "2025-01-01", "Nội dung.")  # a valid article to break in one place
LEADER_X = "\nnguoi-x:\n  name: Người X\n  country: VN\n  aliases: [Tô Lâm]\n"

# (name, files over scenario(), fragment, where (file suffix with ':line' when there is one),
#  exit, exit --strict, page that must still exist, page that must not)
BUILD_CASES = [
    ("front matter is not YAML", {BAD: "---\ntitle: Bài\ndate: 2025-01-01\nleaders: [to-lam\n---\nx\n"},
     "front matter is not valid YAML", "2025-01-01-bad.md:", 1, 1, None, "bai-viet/2025-01-01-bad/index.html"),
    ("front matter is a list", {BAD: "---\n- title\n- date\n---\nx\n"},
     "front matter must be a mapping", "2025-01-01-bad.md:2", 1, 1, None, "bai-viet/2025-01-01-bad/index.html"),
    ("no closing ---", {BAD: "---\ntitle: Bài\ndate: 2025-01-01\n\nNội dung.\n"},
     "no closing '---'", "2025-01-01-bad.md:1", 1, 1, None, "bai-viet/2025-01-01-bad/index.html"),
    ("no front matter at all", {BAD: "Chỉ có nội dung.\n"},
     "does not start with a '---'", "2025-01-01-bad.md:1", 1, 1, None, "bai-viet/2025-01-01-bad/index.html"),
    ("date: yesterday", {BAD: B.replace("date: 2025-01-01", "date: yesterday")},
     "date: expected a date like 2025-12-01, got 'yesterday'", "2025-01-01-bad.md:3", 1, 1, None,
     "bai-viet/2025-01-01-bad/index.html"),
    ("date: 2025-02-30", {BAD: B.replace("date: 2025-01-01", "date: 2025-02-30")},
     "'2025-02-30' is not a date", "2025-01-01-bad.md:3", 1, 1, None, "bai-viet/2025-01-01-bad/index.html"),
    ("registry: impossible date", {"data/events.yaml": scenario()["data/events.yaml"].replace("2025-12-02", "2025-12-32")},
     "'2025-12-32' is not a date", "events.yaml:5", 1, 1, GOOD_ARTICLE, None),
    ("leaders: to-lam (not a list)", {BAD: B.replace("---\n\n", "leaders: to-lam\n---\n\n")},
     "leaders: expected a list (e.g. [to-lam])", "2025-01-01-bad.md:4", 1, 1, None, "bai-viet/2025-01-01-bad/index.html"),
    ("title is a mapping", {BAD: B.replace("title: 'Bài hỏng'", "title: {a: 1}")},
     "title: expected text", "2025-01-01-bad.md:2", 1, 1, None, "bai-viet/2025-01-01-bad/index.html"),
    ("no title", {BAD: B.replace("title: 'Bài hỏng'\n", "")},
     "the article has no title", "2025-01-01-bad.md", 1, 1, None, "bai-viet/2025-01-01-bad/index.html"),
    ("article not UTF-8", {BAD: B.encode("utf-16-le")},
     "not UTF-8 text", "2025-01-01-bad.md", 1, 1, None, "bai-viet/2025-01-01-bad/index.html"),
    ("unknown key (a warning)", {BAD: B.replace("---\n\n", "tags: [a]\n---\n\n")},
     "unknown front matter key 'tags'", "2025-01-01-bad.md:4", 0, 1, "bai-viet/2025-01-01-bad/index.html", None),
    ("unknown entity id", {BAD: B.replace("---\n\n", "leaders: [to-lam, khong-ai]\n---\n\n")},
     "unknown id 'khong-ai'", "2025-01-01-bad.md:4", 1, 1, "bai-viet/2025-01-01-bad/index.html", None),
    ("same slug but for case", {"articles/2025-01-01-BAI.md": article("Một", "2025-01-01", "x"),
                                "articles/2025-01-01-bai.md": article("Hai", "2025-01-01", "x")},
     "differ only in case", "2025-01-01-bai.md", 1, 1, "bai-viet/2025-01-01-BAI/index.html",
     "bai-viet/2025-01-01-bai/index.html"),
    ("slug that is not a web address", {"articles/bài viết.md": article("x", "2025-01-01", "x")},
     "cannot be a web address", "bài viết.md", 1, 1, None, None),
    ("registry: duplicate id", {"data/leaders.yaml": scenario()["data/leaders.yaml"] + "to-lam:\n  name: Tô Lâm 2\n  country: VN\n"},
     "duplicate id 'to-lam'", "leaders.yaml:14", 1, 1, None, None),
    ("registry: alias of two leaders", {"data/leaders.yaml": scenario()["data/leaders.yaml"] + LEADER_X},
     "also belongs to", "leaders.yaml:15", 1, 1, "lanh-dao/to-lam/index.html", None),
    ("registry: not YAML", {"data/events.yaml": "tham-lao-2025:\n  title: [x\n"},
     "not valid YAML", "events.yaml:", 1, 1, None, None),
    ("registry: id not a slug", {"data/agreements.yaml": scenario()["data/agreements.yaml"] + "Văn Kiện:\n  title: x\n"},
     "is not an ASCII slug", "agreements.yaml:9", 1, 1, "van-kien/ke-hoach-hop-tac-2026/index.html", None),
    ("template syntax error", {"@templates/event.html": "{% extends 'base.html' %}\n{% block main %}\n{% for %}\n{% endblock %}\n"},
     "template syntax error", "event.html:3", 1, 1, None, "su-kien/tham-lao-2025/index.html"),
    ("missing template", {"@templates/agreement.html": None},
     "template not found: agreement.html", "agreement.html", 1, 1, "su-kien/tham-lao-2025/index.html",
     "van-kien/ke-hoach-hop-tac-2026/index.html"),
]


def _apply(content: Path, templates: Path, files: dict) -> None:
    for rel, text in files.items():
        root, rel = (templates, rel[len("@templates/"):]) if rel.startswith("@templates/") else (content, rel)
        path = root / rel
        if text is None:
            if path.resolve().is_relative_to(root.resolve()):
                path.unlink(missing_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))


@pytest.mark.parametrize("name, files, fragment, where, status, strict_status, present, absent", BUILD_CASES,
                         ids=[c[0] for c in BUILD_CASES])
def test_build_case(tmp_path, capsys, name, files, fragment, where, status, strict_status, present, absent):
    content = write_tree(tmp_path / "content", scenario())
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    _apply(content, templates, files)
    site = tmp_path / "site"
    args = ["build", "--content", str(content), "--out", str(site), "--templates", str(templates)]
    assert main(args) == status
    err = capsys.readouterr().err
    hits = [ln for ln in err.splitlines() if fragment in ln]
    assert hits, err
    assert any(where in ln for ln in hits), (where, hits)
    # The rest of the site is built: the good article, the home page, the indexes.
    for rel in ("index.html", "404.html", "lanh-dao/index.html", "api/articles.json", GOOD_ARTICLE):
        assert (site / rel).is_file(), rel
    if present:
        assert (site / present).is_file(), present
    if absent:
        assert not (site / absent).exists(), absent
    assert main(args + ["--strict"]) == strict_status


def test_every_row_names_a_distinct_case():
    names = [c[0] for c in IMPORT_CASES + BUILD_CASES]
    assert len(names) == len(set(names))


def test_a_missing_base_template_is_one_error_and_keeps_the_previous_site(tmp_path, capsys):
    content = write_tree(tmp_path / "content", scenario())
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    site = tmp_path / "site"
    args = ["build", "--content", str(content), "--out", str(site), "--templates", str(templates)]
    assert main(args) == 0
    before = sorted(str(p.relative_to(site)) for p in site.rglob("*") if p.is_file())
    (templates / "base.html").unlink()
    assert main(args) == 1
    err = capsys.readouterr().err
    assert sum("base.html" in ln and "error" in ln for ln in err.splitlines()) == 1, err
    assert sorted(str(p.relative_to(site)) for p in site.rglob("*") if p.is_file()) == before
    shutil.copy(TEMPLATES / "base.html", templates / "base.html")
    assert main(args) == 0  # fixed: the next build works


PUMPS = [" ", "\t", "a ", "a", "1", "1/", "1-", "12/12 ", "Share ", "fb ", "ngày ", "Ngày 1 ", "-", ", A", "(", "Ảnh ",
         "ảnh: ", "| ", ". ", "hoa ", "oà", "![", "](", "http://", "www.", "A A ", "Tin ", "1:2 ", "date ", "GMT ",
         "Thứ hai ", "năm 2020 ", "giai doan ", "x y z ", "hinh anh 1 "]


def _importer_patterns():
    """Every compiled regular expression of the importer and text modules, and the compiled cues."""
    import importlib
    import re
    from generator.importer.cues import load_cues
    out = []
    for name in ("generator.text", "generator.importer", "generator.importer.lines", "generator.importer.page",
                 "generator.importer.blocks", "generator.importer.dates", "generator.importer.terms",
                 "generator.importer.decode", "generator.importer.cues"):
        out += [(f"{name}.{k}", v) for k, v in vars(importlib.import_module(name)).items() if isinstance(v, re.Pattern)]
    cues = load_cues(REPO / "content" / "data" / "outlets.yaml")
    for k in ("furniture", "hotlines", "credit", "dateline", "domain"):
        value = getattr(cues, k)
        out += [(f"outlets.yaml {k}", p) for p in getattr(value, "compiled", (value,)) if p is not None]
    return out


def test_no_importer_regex_is_slow_on_pumped_input():
    """Each pattern on 3,000 repeats of a pump string that then fails: linear patterns take
    milliseconds; a quadratic one (as _GLUED_IMAGE's leading \\s* on a run of spaces was) a second,
    an exponential one forever."""
    patterns = _importer_patterns()
    assert len(patterns) > 30
    slow = []
    for name, pattern in patterns:
        for pump in PUMPS:
            s = pump * 3000 + "\x01!"
            if isinstance(pattern.pattern, bytes):  # a raw file's bytes
                s = s.encode("utf-8")
            t0 = time.perf_counter()
            pattern.search(s)
            pattern.match(s)
            for _ in zip(range(10_000), pattern.finditer(s)):
                pass
            took = time.perf_counter() - t0
            if took > 0.25:
                slow.append((name, pump, round(took, 2)))
    assert slow == []
