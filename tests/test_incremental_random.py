"""A long, seeded run of every kind of edit: after each, the dev server's incremental site equals a
cold build of the same content, byte for byte (what each page read decides what is re-rendered,
so a read that is not recorded shows up here as a stale page)."""
from __future__ import annotations

import datetime as dt
import os
import random
import re
from pathlib import Path

import pytest
import yaml

from generator import changes, yamlio
from generator import config as config_mod
from generator.build import build
from generator.incremental import Session
from tests.sitekit import article, synthetic

TEMPLATES = Path(os.environ.get("TEST_TEMPLATES", Path(__file__).parent.parent / "templates"))
STEPS = int(os.environ.get("INCREMENTAL_STEPS", "36"))


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


class Editor:
    """Random edits of a content tree, each returning the paths it changed (as the watcher names them)."""

    def __init__(self, content: Path, rnd: random.Random):
        self.content, self.rnd, self.new = content, rnd, 0

    def articles(self) -> list[Path]:
        return sorted((self.content / "articles").glob("*.md"))

    def registry(self, kind: str) -> dict:
        return yaml.safe_load((self.content / "data" / f"{kind}.yaml").read_text(encoding="utf-8")) or {}

    def save_registry(self, kind: str, data: dict) -> str:
        (self.content / "data" / f"{kind}.yaml").write_text(yamlio.dump(data), encoding="utf-8")
        return f"content/data/{kind}.yaml"

    def front(self, path: Path, key: str, value: str | None) -> str:
        """Set (or with None remove) one front matter line of an article."""
        text = path.read_text(encoding="utf-8")
        head, sep, body = text.partition("\n---\n")
        lines = [line for line in head.split("\n") if not line.startswith(f"{key}:")]
        if value is not None:
            lines.insert(2, f"{key}: {value}")
        path.write_text("\n".join(lines) + sep + body, encoding="utf-8")
        return f"content/articles/{path.name}"

    def some(self, kind: str, k: int) -> str:
        ids = sorted(self.registry(kind))
        return "[" + ", ".join(self.rnd.sample(ids, min(k, len(ids)))) + "]"

    def day(self) -> str:
        return str(dt.date(2016, 1, 1) + dt.timedelta(days=self.rnd.randrange(3650)))

    # One edit of each kind; edit() picks one.
    def body(self):
        p = self.rnd.choice(self.articles())
        p.write_text(p.read_text(encoding="utf-8") + f"\nĐoạn mới số {self.rnd.randrange(10**6)}.\n", encoding="utf-8")
        return [f"content/articles/{p.name}"]

    def title(self):
        return [self.front(self.rnd.choice(self.articles()), "title", f"Tiêu đề mới {self.rnd.randrange(10**6)}")]

    def lead(self):
        return [self.front(self.rnd.choice(self.articles()), "lead", f"Tóm tắt {self.rnd.randrange(100)}")]

    def date(self):
        return [self.front(self.rnd.choice(self.articles()), "date", self.day())]

    def same_day_shift(self):  # a date that keeps the article's place among its neighbours, or not
        p = self.rnd.choice(self.articles())
        d = dt.date.fromisoformat(re.search(r"(?m)^date: (\S+)", p.read_text(encoding="utf-8")).group(1))
        return [self.front(p, "date", str(d + dt.timedelta(days=self.rnd.choice((-1, 1)))))]

    def leaders(self):
        return [self.front(self.rnd.choice(self.articles()), "leaders", self.some("leaders", self.rnd.randint(1, 4)))]

    def events(self):
        return [self.front(self.rnd.choice(self.articles()), "events", self.some("events", self.rnd.randint(0, 2)))]

    def agreements(self):
        return [self.front(self.rnd.choice(self.articles()), "agreements",
                           self.some("agreements", self.rnd.randint(0, 3)))]

    def new_article(self):
        self.new += 1
        day = self.day()
        name = f"{day}-bai-moi-{self.new}.md"
        (self.content / "articles" / name).write_text(article(
            f"Bài mới {self.new}", day, "Nội dung bài mới về hợp tác.", source="Tuổi Trẻ",
            leaders=self.some("leaders", 2)[1:-1].split(", "), events=self.some("events", 1)[1:-1].split(", ")),
            encoding="utf-8")
        return [f"content/articles/{name}"]

    def delete(self):
        p = self.rnd.choice(self.articles())
        p.unlink()
        return [f"content/articles/{p.name}"]

    def rename_leader(self):
        data = self.registry("leaders")
        i = self.rnd.choice(sorted(data))
        data[i]["name"] = f"Tên Mới {self.rnd.randrange(10**6)}"
        return [self.save_registry("leaders", data)]

    def new_leader(self):
        data = self.registry("leaders")
        i = f"lanh-dao-moi-{self.rnd.randrange(10**6)}"
        data[i] = {"name": f"Người Mới {i[-6:]}", "country": self.rnd.choice(["VN", "LA"])}
        changed = [self.save_registry("leaders", data)]
        p = self.rnd.choice(self.articles())
        text = p.read_text(encoding="utf-8")
        p.write_text(re.sub(r"(?m)^leaders: \[", f"leaders: [{i}, ", text, count=1), encoding="utf-8")
        return changed + [f"content/articles/{p.name}"]

    def drop_leader(self):  # out of the registry and out of every article that named it
        data = self.registry("leaders")
        i = self.rnd.choice(sorted(data))
        del data[i]
        changed = [self.save_registry("leaders", data)]
        for kind, key in (("events", "participants"), ("agreements", "witnesses")):
            reg = self.registry(kind)
            for entry in reg.values():
                if i in (entry.get(key) or []):
                    entry[key] = [x for x in entry[key] if x != i]
            changed.append(self.save_registry(kind, reg))
        for p in self.articles():
            text = p.read_text(encoding="utf-8")
            new = re.sub(rf"(?m)^(leaders: \[.*?)\b{re.escape(i)}\b(, )?", r"\1", text).replace(", ]", "]")
            if new != text:
                p.write_text(new, encoding="utf-8")
                changed.append(f"content/articles/{p.name}")
        return changed

    def move_event(self):
        data = self.registry("events")
        e = self.rnd.choice(sorted(data))
        data[e]["start"] = dt.date.fromisoformat(self.day())
        data[e]["title"] = f"Sự kiện đổi tên {self.rnd.randrange(100)}"
        return [self.save_registry("events", data)]

    def event_people(self):
        data = self.registry("events")
        e = self.rnd.choice(sorted(data))
        data[e]["participants"] = self.some("leaders", self.rnd.randint(1, 3))[1:-1].split(", ")
        return [self.save_registry("events", data)]

    def agreement(self):
        data = self.registry("agreements")
        g = self.rnd.choice(sorted(data))
        data[g]["event"] = self.rnd.choice(sorted(self.registry("events")))
        data[g]["witnesses"] = self.some("leaders", 2)[1:-1].split(", ")
        data[g]["title"] = f"Văn kiện đổi tên {self.rnd.randrange(100)}"
        data[g]["date"] = dt.date.fromisoformat(self.day())
        return [self.save_registry("agreements", data)]

    def burst(self):  # several saves seen as one change
        return [p for _ in range(3) for p in self.rnd.choice((self.body, self.title, self.date, self.leaders))()]

    KINDS = ("body", "title", "lead", "date", "same_day_shift", "leaders", "events", "agreements", "new_article",
             "delete", "rename_leader", "new_leader", "drop_leader", "move_event", "event_people", "agreement", "burst")

    def edit(self, step: int) -> tuple[str, list[str]]:
        kind = self.KINDS[step % len(self.KINDS)] if step < len(self.KINDS) else self.rnd.choice(self.KINDS)
        return kind, getattr(self, kind)()


@pytest.mark.parametrize("seed", [1, 2])
def test_every_kind_of_edit_leaves_the_site_a_cold_build_would_write(tmp_path, seed):
    content = synthetic(tmp_path / "content", 60, leaders=12, events=10, agreements=15, words=80)
    (content / "site.yaml").write_text("per_page: 7\nfeed_size: 5\n", encoding="utf-8")  # lists of several pages
    session = Session(content, tmp_path / "inc", TEMPLATES)
    assert not session.full().errors
    editor = Editor(content, random.Random(seed))
    for step in range(STEPS):
        kind, paths = editor.edit(step)
        result = session.update(changes.classify(paths))
        assert not result.errors, (kind, [str(d) for d in result.errors])
        session.finish_slow()
        cfg, _ = config_mod.load(content)
        cold = tmp_path / f"cold-{step}"
        assert not build(content, cold, cfg, TEMPLATES, jobs=1).errors
        want, got = tree(cold), tree(tmp_path / "inc")
        assert sorted(want) == sorted(got), (step, kind, set(want) ^ set(got))
        stale = [p for p in want if want[p] != got[p]]
        assert not stale, (step, kind, stale[:10])
