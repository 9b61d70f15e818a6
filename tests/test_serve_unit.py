"""The dev server's pure parts: script and banner injection, error text escaped."""
from generator.model import error
from generator.serve import BANNER_ID, banner_html, inject, live_script

LIVE_SCRIPT = live_script(7)


def test_inject_script_before_head_and_banner_after_body():
    page = b'<!doctype html><html lang="vi"><head><title>x</title></head><body class="a"><h1>x</h1></body></html>'
    out = inject(page, LIVE_SCRIPT, b"<div>B</div>")
    assert out.index(LIVE_SCRIPT) < out.index(b"</head>")
    assert b'<body class="a"><div>B</div><h1>' in out
    assert out.count(LIVE_SCRIPT) == 1


def test_inject_without_banner_changes_only_the_head():
    page = b"<html><head></head><body></body></html>"
    assert inject(page, b"<s>") == b"<html><head><s></head><body></body></html>"


def test_banner_escapes_and_names_file_and_line():
    b = banner_html([error("front matter is not valid YAML: <script>alert(1)</script>", "content/articles/a.md", 3, "load")])
    assert BANNER_ID.encode() in b
    assert b"content/articles/a.md:3" in b
    assert b"<script>alert" not in b and b"&lt;script&gt;" in b


def test_the_script_knows_the_version_it_was_served_with():
    assert b"var v=7;" in LIVE_SCRIPT and b"var v=8;" in live_script(8)
    assert b"LiveReloadConnect" in LIVE_SCRIPT and b"/__generator/version" in LIVE_SCRIPT
