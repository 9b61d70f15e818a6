"""Hostile content: markup, scripts, event handlers and javascript:/data: URLs from raw pages, article
bodies, front matter, registry names and settings show as text or are dropped; no id, slug or file
name from content writes outside site/ or content/; the preview server serves only the site.

The same hostile site is loaded in Chromium by tests/test_browser_hostile.py.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import socket
import urllib.parse
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator import writer
from generator.build import build
from generator.cli import main
from generator.config import SiteConfig
from tests.conftest import free_port, start_serve, stop_serve
from tests.sitekit import AGREEMENTS, EVENTS, LEADERS, article, scenario, write_tree
from tests.test_import_store import PAGE

REPO = Path(__file__).parent.parent

# What hostile code would do if it ran: set this global, open a dialog, or log to the console.
PWN = "window.__pwned=1;alert(1)"
HTML_BITS = [
    f"<script>{PWN}</script>",
    f"</script><script>{PWN}</script>",
    f"<img src=x onerror=\"{PWN}\">",
    f"<svg onload={PWN}>",
    f"<a href=\"javascript:{PWN}\">bấm</a>",
    f"<iframe src=\"data:text/html,<script>{PWN}</script>\"></iframe>",
    "<style>body{display:none}</style>",
    "<!-- --><base href=\"https://evil.example/\">",
    f"\"><script>{PWN}</script>",
    f"'><b onmouseover='{PWN}'>",
]
BAD_URLS = [f"javascript:{PWN}", f"JaVaScRiPt:{PWN}", f" javascript:{PWN}", f"java\tscript:{PWN}",
            f"&#106;avascript:{PWN}", f"data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+",
            "vbscript:msgbox(1)", f"https://ok.example/\" onmouseover=\"{PWN}"]
TITLE = f"</script><script>{PWN}</script> <!-- Tiêu đề & \"nháy\" \u2028 'đơn'"


def _yaml(text: str) -> str:
    return json.dumps(text)  # a JSON string (\\u escapes) is a YAML double-quoted scalar


def hostile_files() -> dict[str, str]:
    """scenario() with hostile text in every place content can put text."""
    files = scenario()
    body = "\n\n".join(
        [f"Tổng Bí thư Tô Lâm {bit}" for bit in HTML_BITS]
        + [f"[liên kết {n}]({u})" for n, u in enumerate(BAD_URLS)]
        + [f"![ảnh {n}]({u})" for n, u in enumerate(BAD_URLS)]
        + [f"<{u}>" for u in BAD_URLS[:2]]
        + ["[tham chiếu][r]\n\n[r]: javascript:window.__pwned=1"]
        + ["`<script>window.__pwned=1</script>`", "    <script>window.__pwned=1</script>"])
    fm = "\n".join([
        "---", f"title: {_yaml(TITLE)}", "date: 2025-12-05", f"source: {_yaml(HTML_BITS[0])}",
        f"source_url: {_yaml(BAD_URLS[0])}", f"author: {_yaml(HTML_BITS[2])}", f"lead: {_yaml(HTML_BITS[1])}",
        f"captions: [{_yaml(HTML_BITS[3])}, {_yaml(BAD_URLS[5])}]", "leaders: [to-lam, thongloun-sisoulith]",
        "events: [tham-lao-2025]", "agreements: [ke-hoach-hop-tac-2026]",
        f"review: [{{field: title, reason: {_yaml(HTML_BITS[4])}}}, {{field: {_yaml(HTML_BITS[8])}, reason: x}}]",
        "---", "", body, ""])
    files["articles/2025-12-05-doc-hai.md"] = fm
    for n, url in enumerate(BAD_URLS):
        files[f"articles/2025-12-0{n % 3 + 6}-url-{n}.md"] = article(f"URL {n}", f"2025-12-0{n % 3 + 6}", "x",
                                                                     source_url=_yaml(url), source="Nguồn")
    files["data/leaders.yaml"] = LEADERS.replace("name: Tô Lâm", f"name: {_yaml('Tô Lâm ' + HTML_BITS[0])}").replace(
        "aliases: [Thong-lun Xi-xu-lít]", f"aliases: [Thong-lun Xi-xu-lít, {_yaml(HTML_BITS[2])}]").replace(
        "title: Tổng Bí thư", f"title: {_yaml('Tổng Bí thư ' + HTML_BITS[1])}")
    prefix = lambda text, bad: re.sub(r"(?m)^  title: (.*)$", lambda m: f"  title: {_yaml(bad + ' ' + m.group(1))}", text)  # noqa: E731
    files["data/events.yaml"] = prefix(EVENTS.replace("place: Viêng Chăn", f"place: {_yaml(HTML_BITS[3])}"), HTML_BITS[8])
    files["data/agreements.yaml"] = prefix(AGREEMENTS.replace("period: \"2026\"", f"period: {_yaml(HTML_BITS[9])}"), TITLE)
    files["site.yaml"] = f"title: {_yaml('Lưu trữ ' + HTML_BITS[1])}\ndescription: {_yaml(HTML_BITS[8])}\n"
    return files


class Audit(HTMLParser):
    """Collects every element that could run code or leave the page."""
    URL_ATTRS = {"href", "src", "action", "formaction", "srcset", "poster", "xlink:href", "background", "cite", "data"}
    BANNED = {"iframe", "object", "embed", "style", "base", "frame", "applet", "svg", "math"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.json_ld: list[str] = []
        self._in_ld = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script":
            # Only JSON-LD data and the site's own scripts from static/ (search.js), nothing inline.
            own = re.fullmatch(r"/(?:[\w-]+/)*static/[\w.-]+\.js(?:\?v=[0-9a-f]+)?", a.get("src") or "")
            if not ((a.get("type") == "application/ld+json" and len(attrs) == 1)
                    or (own and set(a) <= {"src", "defer"})):
                self.problems.append(f"<script {attrs}>")
            self._in_ld = a.get("type") == "application/ld+json"
        if tag in self.BANNED:
            self.problems.append(f"<{tag}>")
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "refresh":
            self.problems.append("<meta refresh>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…>")
            if name in self.URL_ATTRS and value is not None:
                plain = re.sub(r"[\x00-\x20]", "", value).lower()
                if plain.startswith(("javascript:", "data:", "vbscript:")):
                    self.problems.append(f"<{tag} {name}={value[:40]!r}>")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_ld = False

    def handle_data(self, data):
        if self._in_ld:
            self.json_ld.append(data)


def audit(site: Path) -> list[str]:
    """Every problem in every HTML page of a built site, as 'page: problem'."""
    problems = []
    for page in sorted(site.rglob("*.html")):
        a = Audit()
        a.feed(page.read_text(encoding="utf-8"))
        problems += [f"{page.relative_to(site)}: {p}" for p in a.problems]
        for ld in a.json_ld:
            if "<" in ld or "\u2028" in ld:
                problems.append(f"{page.relative_to(site)}: raw '<' or U+2028 in JSON-LD")
            json.loads(ld)
    return problems


def build_hostile_site(root: Path) -> Path:
    """The hostile content built under a sub-path, with hostile site settings too."""
    content = write_tree(root / "content", hostile_files())
    site = root / "site"
    result = build(content, site, SiteConfig(base_url="https://user.github.io/repo/",
                                             title="Lưu trữ " + HTML_BITS[1], description=HTML_BITS[8]))
    assert not result.errors, [str(d) for d in result.errors]
    return site


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    return build_hostile_site(tmp_path_factory.mktemp("hostile"))


def test_nothing_that_could_run_survives_in_any_page(hostile_site):
    assert audit(hostile_site) == []


def test_the_audit_itself_catches_what_it_looks_for(tmp_path):
    """The audit must fail on the things it checks, or the test above proves nothing."""
    for bad in ["<script>x</script>", '<script src="https://cdn.example/static/x.js"></script>',
                '<script src="/static/x.js" onload="y"></script>', "<img src=x onerror=y>", '<a href=" JAVA\tSCRIPT:x">', '<a href="data:x">',
                "<iframe></iframe>", '<script type="application/ld+json">{"a":"</b>"}</script>']:
        (tmp_path / "p.html").write_text(bad)
        assert audit(tmp_path), bad


def test_hostile_text_shows_as_text(hostile_site):
    page = (hostile_site / "bai-viet/2025-12-05-doc-hai/index.html").read_text(encoding="utf-8")
    assert "&lt;/script&gt;&lt;script&gt;window.__pwned=1;alert(1)&lt;/script&gt;" in page  # the title, as text
    assert "&lt;img src=x onerror=" in page and "&lt;svg onload=" in page  # body, raw HTML escaped
    assert 'href="#harmful-link"' in page  # javascript:/data: links kept as text, their target dropped
    assert "Bài gốc" not in page  # a javascript: source_url is not shown as a link
    leader = (hostile_site / "lanh-dao/to-lam/index.html").read_text(encoding="utf-8")
    assert "Tô Lâm &lt;script&gt;" in leader


def test_json_ld_and_open_data_cannot_be_broken_out_of(hostile_site):
    page = (hostile_site / "bai-viet/2025-12-05-doc-hai/index.html").read_text(encoding="utf-8")
    [ld] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert json.loads(ld)["headline"] == TITLE  # the exact title, escaped only for the script element
    arts = {a["id"]: a for a in json.loads((hostile_site / "api/articles.json").read_text(encoding="utf-8"))}
    assert arts["2025-12-05-doc-hai"]["title"] == TITLE
    for name in ("leaders", "events", "agreements"):
        json.loads((hostile_site / f"api/{name}.json").read_text(encoding="utf-8"))
    feed = ET.parse(hostile_site / "feed.xml").getroot()
    titles = [e.text for e in feed.iter("{http://www.w3.org/2005/Atom}title")]
    assert TITLE in titles
    ET.parse(hostile_site / "sitemap.xml")
    for p in hostile_site.rglob("feed.xml"):
        ET.parse(p)  # every feed is well-formed XML


def test_control_characters_never_reach_the_feeds(tmp_path):
    files = scenario()
    files["articles/2025-12-05-cc.md"] = ('---\ntitle: "Chuông\\x07 và \\x01 thoát\\x1b[31m \\uFFFE"\ndate: 2025-12-05\n'
                                          'lead: "x\\x0c y"\ncaptions: ["a\\x02"]\n---\n\nThân \x01 bài\n')
    files["data/leaders.yaml"] = LEADERS.replace("name: Tô Lâm", 'name: "Tô Lâm\\x08"')
    result, site = build_site(tmp_path, files)
    assert not result.errors
    for p in list(site.rglob("*.xml")):
        ET.parse(p)
    for p in site.rglob("*"):
        if p.is_file() and p.suffix in (".html", ".json", ".xml"):
            assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe]", p.read_text(encoding="utf-8")), p


def build_site(tmp: Path, files: dict[str, str]):
    content = write_tree(tmp / "content", files)
    return build(content, tmp / "site", SiteConfig(base_url="https://e.org/")), tmp / "site"


def test_a_hostile_raw_page_imports_as_text(tmp_path):
    content = tmp_path / "content"
    (content / "raw").mkdir(parents=True)
    shutil.copytree(REPO / "content" / "data", content / "data")
    page = PAGE.replace("Tin liên quan", "\n\n".join(
        [f"Đoạn văn bản có mã độc số {n} được chèn vào giữa bài viết này {bit}" for n, bit in enumerate(HTML_BITS)]
        + [f"Xem thêm tại [đây]({u}) và <{u}> cho chi tiết." for u in BAD_URLS]) + "\n\nTin liên quan")
    page = page.replace("Tổng Bí thư Tô Lâm hội đàm với Tổng Bí thư, Chủ tịch nước Lào",
                        f"Tổng Bí thư Tô Lâm hội đàm {HTML_BITS[1]} với Tổng Bí thư, Chủ tịch nước Lào", 1)
    (content / "raw" / "hostile.txt").write_text(page, encoding="utf-8")
    assert main(["import", "--content", str(content)]) == 0
    [md] = (content / "articles").glob("*.md")
    assert "\\<script\\>" in md.read_text(encoding="utf-8")  # escaped as Markdown text
    site = tmp_path / "site"
    assert main(["build", "--content", str(content), "--out", str(site)]) in (0, 1)
    assert audit(site) == []
    text = (site / "bai-viet" / md.stem / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__pwned=1;alert(1)&lt;/script&gt;" in text
    assert "[đây](javascript:" in text or "(javascript:" in text  # the link is text, not a link


# --- nothing from content writes outside site/ or content/ ---------------------------------------

BAD_IDS = ["../x", "..", "/etc/x", "a/b", "a\\b", "con", "nul", "com1", "lpt9", "x" * 101, "tô-lâm", "to\u2010lam",
           "t\u043e-lam", "ａｂｃ", "A-B", "-x", "x-", "a--b", "a\x00b", ".hidden", "a.b", "a b", ""]


@pytest.mark.parametrize("bad", BAD_IDS, ids=[repr(b)[:30] for b in BAD_IDS])
def test_a_registry_id_that_is_not_a_plain_folder_name_is_refused(tmp_path, bad):
    files = scenario()
    files["data/leaders.yaml"] = LEADERS + f"{json.dumps(bad, ensure_ascii=False)}:\n  name: Kẻ Lạ\n  country: VN\n"
    result, site = build_site(tmp_path, files)
    msgs = [str(d) for d in result.errors]
    # The line is given where the YAML key is written as it is (not for escaped keys like "a\\b").
    line = ":14" if re.fullmatch(r"[^\\\x00]*", bad) else ""
    assert any(f"leaders.yaml{line}: load: error: id " in m and ("not an ASCII slug" in m or "cannot be a folder name" in m)
               for m in msgs), msgs
    assert (site / "lanh-dao/to-lam/index.html").is_file()  # the rest is built
    assert "Kẻ Lạ" not in (site / "lanh-dao/index.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "site"]


BAD_NAMES = ["con.md", "NUL.md", "Bài viết.md", "a b.md", "-x.md", "_x.md", "x" * 160 + ".md", "ｘ.md", "a\u200bb.md",
             "..md", ".hidden.md", "2025-01-01-t\u043e-lam.md"]


@pytest.mark.parametrize("name", BAD_NAMES, ids=[repr(n)[:30] for n in BAD_NAMES])
def test_an_article_file_name_that_is_not_a_web_address_is_no_page(tmp_path, name):
    files = scenario()
    files[f"articles/{name}"] = article("Lạ", "2025-01-01", "x")
    result, site = build_site(tmp_path, files)
    if not name.startswith("."):
        assert any(name[:-3][:40] in str(d) for d in result.errors), [str(d) for d in result.errors]
    pages = sorted(p.name for p in (site / "bai-viet").iterdir())
    assert pages == ["2024-09-10-dien-dan", "2025-12-01-hoi-dam", "2025-12-02-trao-van-kien", "index.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "site"]


@pytest.mark.parametrize("path", ["a\0b/index.html", "nul\0/x", "a/../../x", "./x", "C:\\x", "a/\\..\\x",
                                  "//x", "/x", "a//b"])
def test_the_writer_refuses_paths_that_leave_the_site(tmp_path, path):
    with pytest.raises(writer.UnsafePath):
        writer.write_site(tmp_path / "site", [("index.html", b"x"), (path, b"x")])
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_unicode_lookalikes_of_dots_and_slashes_stay_inside_the_site(tmp_path):
    # U+2024 ONE DOT LEADER and U+2215 DIVISION SLASH look like '..' and '/' but are ordinary letters.
    writer.write_site(tmp_path / "site", [("index.html", b"x"), ("404.html", b"x"), ("sitemap.xml", b"x"),
                                          ("\u2024\u2024\u2215x/index.html", b"x")])
    assert (tmp_path / "site" / "\u2024\u2024\u2215x" / "index.html").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


@pytest.fixture
def imported(tmp_path):
    content = tmp_path / "content"
    (content / "raw").mkdir(parents=True)
    shutil.copytree(REPO / "content" / "data", content / "data")
    (content / "raw" / "a.txt").write_text(PAGE, encoding="utf-8")
    assert main(["import", "--content", str(content)]) == 0
    return content


@pytest.mark.parametrize("file", ["../evil.md", "../../evil.md", "/tmp/evil.md", "sub/evil.md", ".evil.md",
                                  "evil.txt", "a\0.md", 5, None])
def test_a_tampered_import_record_never_writes_outside_articles(imported, capsys, file):
    state_path = imported / ".import-state.json"
    state = json.loads(state_path.read_text(encoding="utf-8"))
    state["articles"]["a.txt"]["file"] = file
    state_path.write_text(json.dumps(state), encoding="utf-8")
    (imported / "raw" / "a.txt").write_text(PAGE.replace("nội hàm mới", "nội hàm mới hơn"), encoding="utf-8")
    before = sorted(str(p) for p in imported.parent.rglob("*"))
    assert main(["import", "--content", str(imported)]) == 1
    err = capsys.readouterr().err
    assert ".import-state.json" in err and "cannot read the import record" in err
    assert sorted(str(p) for p in imported.parent.rglob("*")) == before
    assert not Path("/tmp/evil.md").exists()


@pytest.mark.parametrize("text", ["{not json", "[]", '{"articles": []}', '{"articles": {"a.txt": "x.md"}}', "\xff"])
def test_a_corrupt_import_record_is_an_error_not_a_traceback(imported, capsys, text):
    (imported / ".import-state.json").write_bytes(text.encode("latin-1"))
    assert main(["import", "--content", str(imported)]) == 1
    assert "cannot read the import record" in capsys.readouterr().err


@pytest.mark.parametrize("raw", ["con.txt", "a\nb.txt", "x" * 240 + ".txt", "ｔｏ－ｌａｍ.txt", "-rf.txt",
                                 "'; rm -rf ~.txt", "x..txt"])
def test_raw_file_names_never_become_paths(tmp_path, raw):
    content = tmp_path / "content"
    (content / "raw").mkdir(parents=True)
    shutil.copytree(REPO / "content" / "data", content / "data")
    (content / "raw" / raw).write_text(PAGE, encoding="utf-8")
    assert main(["import", "--content", str(content)]) == 0
    [md] = (content / "articles").glob("*.md")
    assert re.fullmatch(r"\d{4}-\d\d-\d\d-[a-z0-9-]+\.md", md.name)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content"]
    site = tmp_path / "site"
    assert main(["build", "--content", str(content), "--out", str(site)]) in (0, 1)
    assert (site / "bai-viet" / md.stem / "index.html").is_file()
    assert json.loads((site / "api/articles.json").read_text(encoding="utf-8"))[0]["raw"] == raw


# --- the preview server --------------------------------------------------------------------------

SECRET = "bí-mật-không-được-lộ-7f3a"


_free_port = free_port


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("serve")
    content = write_tree(root / "content", scenario())
    (root / "secret.txt").write_text(SECRET, encoding="utf-8")
    (content / "secret.txt").write_text(SECRET, encoding="utf-8")
    proc, port = start_serve(content, root / "site", cwd=root)
    yield port
    stop_serve(proc)


def _get(port: int, raw_path: str) -> tuple[int, bytes]:
    """Send the path exactly as given (no client-side normalisation) and read the answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(f"GET {raw_path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n".encode("latin-1"))
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), body


TRAVERSALS = ["/../secret.txt", "/../../secret.txt", "/..%2fsecret.txt", "/%2e%2e/secret.txt", "/%2e%2e%2fsecret.txt",
              "/%2E%2E%2F%2E%2E%2Fsecret.txt", "/%252e%252e%252fsecret.txt", "/..%5csecret.txt", "/..\\secret.txt",
              "/static/../../secret.txt", "/static/%2e%2e/%2e%2e/secret.txt", "/bai-viet/..%2f..%2f..%2fsecret.txt",
              "/%c0%ae%c0%ae/secret.txt", "/..%00/secret.txt", "/%2e%2e/content/secret.txt", "//etc/passwd",
              "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/../content/site.yaml",
              "/" + urllib.parse.quote(str(Path("/etc/passwd")), safe=""), "/.%2e/secret.txt"]


@pytest.mark.parametrize("path", TRAVERSALS)
def test_the_preview_serves_nothing_outside_the_site(server, path):
    status, body = _get(server, path)
    assert SECRET.encode() not in body and b"root:x:0:0" not in body and b"to-lam:" not in body, (status, body[:200])
    assert status in (200, 301, 302, 400, 403, 404), status
    if status == 200:  # only the site's own pages, e.g. the 404 page served for a bad path
        assert b"<!DOCTYPE html>" in body


def test_a_nul_in_the_path_is_not_found_not_a_server_error(server):
    assert _get(server, "/..%00/secret.txt")[0] in (400, 404)


def test_the_preview_serves_the_site(server):
    status, body = _get(server, "/bai-viet/2025-12-01-hoi-dam/")
    assert status == 200 and "Tô Lâm".encode() in body


def test_the_preview_listens_on_loopback_only(server):
    listening = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not os.path.exists(table):
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            addr, port = local.split(":")
            if state == "0A" and int(port, 16) == server:  # 0A: LISTEN
                listening.add(addr)
    if not listening:
        pytest.skip("no /proc/net/tcp to read the listening address from")
    # 127.0.0.1 in /proc's little-endian hex, or ::1 / ::ffff:127.0.0.1 for IPv6.
    assert listening <= {"0100007F", "00000000000000000000000001000000", "0000000000000000FFFF00000100007F"}, listening


def test_serve_defaults_to_loopback():
    from generator.cli import parser
    args = parser().parse_args(["serve"])
    assert args.host == "127.0.0.1"
