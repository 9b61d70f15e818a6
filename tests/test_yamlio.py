"""yamlio.quick_dump writes what PyYAML writes (with yamlio's settings), for any data, simple or not."""
from __future__ import annotations

import datetime as dt

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import registry, yamlio
from generator.model import Agreement, Event, Leader, Review, Role

_TEXT = st.lists(st.sampled_from(list("aZ đĐ:#'\"-?,.;[]{}()&*!|>%@`\n\t…“”‘’–—/+_1\u00a0\u2028\x85\ufeffǅ")
                                 + ["Tô Lâm", "null", "2025-01-01", "yes", "12", "1.5", " - ", ": ", "---", "...",
                                    "~", "0x1f", "(Ảnh: TTXVN)", "x" * 60]), max_size=12).map("".join)
_KEY = _TEXT | st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,4}){0,3}", fullmatch=True)
_SCALAR = st.none() | _TEXT | st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)) | st.integers(0, 3) | st.booleans()
_DATA = st.recursive(_SCALAR, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_KEY, inner, max_size=3),
                     max_leaves=12)


@given(st.dictionaries(_KEY, _DATA, max_size=4))
@settings(max_examples=3000, deadline=None)
def test_quick_dump_is_dump(mapping):
    assert yamlio.quick_dump(mapping) == yamlio.dump(mapping)


_DAY = st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2040, 1, 1))
_ID = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,6}){0,4}", fullmatch=True)
_REVIEW = st.lists(st.builds(Review, _TEXT, _TEXT), max_size=2).map(tuple)
_ENTITY = (
    st.builds(Leader, _ID, _TEXT, st.sampled_from(["VN", "LA"]), st.lists(_TEXT, max_size=2).map(tuple),
              st.lists(st.builds(Role, _TEXT, _DAY, _DAY), max_size=2).map(tuple), _REVIEW)
    | st.builds(Event, id=_ID, title=_TEXT, kind=_ID, start=st.dates(), end=st.dates(), place=st.none() | _TEXT,
                host=st.none() | st.sampled_from(["VN", "LA"]), participants=st.lists(_ID, max_size=3).map(tuple),
                review=_REVIEW)
    | st.builds(Agreement, id=_ID, title=_TEXT, kind=_ID, parties=st.lists(_TEXT, max_size=2).map(tuple),
                period=st.none() | _TEXT, event=st.none() | _ID, date=_DAY,
                witnesses=st.lists(_ID, max_size=2).map(tuple), review=_REVIEW))


@given(st.lists(_ENTITY, max_size=3))
@settings(max_examples=1000, deadline=None)
def test_registry_entries_are_written_as_pyyaml_writes_them(entities):
    assert registry.append_text(entities) == "".join(
        yamlio.dump({e.id: registry.entry_yaml(e)}) + "\n" for e in entities)


def test_common_entries_take_the_quick_way(monkeypatch):
    monkeypatch.setattr(yamlio, "dump", lambda data: "slow\n")
    leader = Leader("tran-van-a", "Trần Văn A", "VN", (), (Role("Bộ trưởng Bộ Ngoại giao"),),
                    (Review("name", "unknown official found after the title 'Bộ trưởng'; check it"),))
    assert registry.append_text([leader]) == (
        "tran-van-a:\n  name: Trần Văn A\n  country: VN\n  aliases: []\n  roles:\n  - title: Bộ trưởng Bộ Ngoại giao\n"
        "  review:\n  - field: name\n    reason: unknown official found after the title 'Bộ trưởng'; check it\n\n")


@settings(max_examples=3000, deadline=None)
@given(st.one_of(st.text(max_size=12), st.sampled_from(["", "null", "~", "yes", "No", "on", "0x1f", "1e3", "2025-12-01",
                                                         "=", "<<", ".inf", "-.5", "tô lâm", "Đà Nẵng", "true", "*a"])))
def test_reads_as_text_is_what_the_resolver_says(plain):
    resolver = yaml.resolver.Resolver()
    assert yamlio.reads_as_text(plain) == (resolver.resolve(yaml.ScalarNode, plain, (True, False)) == yamlio._STR)
