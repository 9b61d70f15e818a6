"""Articles, entities and prepared pages cross process boundaries pickled (the import's preparing
processes, the build's workers): each must come back whole, every field, with its own class."""
import copy
import datetime as dt
import pickle
from dataclasses import fields

import pytest

from generator.entities.reconcile import Draft
from generator.model import Agreement, Article, Diagnostic, Event, Leader, Review, Role
from generator.prepare import Prepared

REVIEW = Review("date", "inferred")
SAMPLES = [
    REVIEW,
    Article("2025-12-01-x", "Tiêu đề", dt.date(2025, 12, 1), "Thân bài", "Nhân Dân", "https://x.vn/a", "A",
            "Sa pô", ("Ảnh 1",), "vi", ("to-lam",), ("ev",), ("ag",), "x.txt", (REVIEW,), "content/articles/x.md",
            {"title": 2}),
    Article("s", "t", dt.date(2020, 1, 2)),
    Role("Tổng Bí thư", dt.date(2024, 8, 3), None),
    Leader("to-lam", "Tô Lâm", "VN", ("To Lam",), (Role("Tổng Bí thư"),), (REVIEW,)),
    Event("e", "Chuyến thăm", "tham", dt.date(2025, 1, 1), dt.date(2025, 1, 2), "Hà Nội", "VN", ("to-lam",)),
    Agreement("a", "Biên bản ghi nhớ", "ghi-nho", ("VN", "LA"), "2026-2030", "e", dt.date(2025, 1, 2), ("to-lam",)),
    Diagnostic("error", "no date", "raw/x.txt", 3, "import"),
    Draft("s", ("to-lam",), (Leader("x", "X Y", "LA"),), (REVIEW,), None, (), ("to-lam",), dt.date(2025, 1, 1),
          (("X Y", "LA"),)),
    Prepared((Diagnostic("warning", "w"),), Article("s", "t", dt.date(2020, 1, 2)), b"body", None, b"---\n", b"raw: x\n",
             ("sp", "Caps"), 3),
]


@pytest.mark.parametrize("obj", SAMPLES, ids=lambda o: type(o).__name__)
def test_every_field_comes_back(obj):
    for back in (pickle.loads(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)), copy.deepcopy(obj)):
        assert type(back) is type(obj)
        # every field, those left out of == (an article's path and lines) included
        assert [getattr(back, f.name) for f in fields(obj)] == [getattr(obj, f.name) for f in fields(obj)]


def test_they_are_pickled_as_constructor_calls():
    # the fast form: the class and its values, not dataclasses' __setstate__ loop over fields()
    article = SAMPLES[1]
    cls, values = article.__reduce__()
    assert cls is Article and values == tuple(getattr(article, f.name) for f in fields(Article))
