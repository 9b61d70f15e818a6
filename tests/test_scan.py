"""scan.Alternatives finds what the alternation of its patterns finds."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from generator import entities, text
from generator.scan import Alternatives

# Patterns that open with different characters and whose matches run over each other's openings.
_PATTERNS = [r"a[^\n]{0,5}b", r"b(?<=[ a]b)x*", r"c[abc]*?d", r"Ả(?:nh|NH):[^)]*\)?"]


@given(st.lists(st.sampled_from(list("abcdx \n)") + ["Ảnh:", "ẢNH:", "Ảnh", "ab", "cd"]), max_size=30).map("".join))
@settings(max_examples=3000, deadline=None)
def test_the_patterns_one_by_one_find_what_their_alternation_finds(s):
    alternation = re.compile("|".join(f"(?:{p})" for p in _PATTERNS))
    found = Alternatives([re.compile(p) for p in _PATTERNS])
    assert [m.span() for m in found.finditer(s)] == [m.span() for m in alternation.finditer(s)]
    assert found.sub("_", s) == alternation.sub("_", s)


# The patterns as they were, one alternation each: what the patterns one by one must find.
_CREDIT_WAS = re.compile(r"(?:Ảnh|ẢNH|Nguồn|Photo|Video|Clip)(?: minh họa)?\s*:[^\n)\]]*[)\]]?")
_OLD_TONE_WAS = re.compile(f"[oOuU](?:(?<=[oO])(?:[{text._TONED_AE}](?![A-Za-z0-9_])|[{text._TONED_AE_MORE}])"
                           f"|(?<=[uU])[{text._TONED_Y}](?![A-Za-z0-9_]))")


@given(st.lists(st.sampled_from(["Ảnh", "ẢNH", "Nguồn", "Photo", "Video", "Clip", " minh họa", ":", " ", "x", ")", "]",
                                 "\n", "(", "Ảnh: Video: Clip", "\t", " minh", "họa", "ẢNh", "\xa0"]), max_size=20).map("".join))
@settings(max_examples=2000, deadline=None)
def test_photo_credits_are_cut_as_the_one_pattern_cuts_them(s):
    assert entities._without_credits(s) == _CREDIT_WAS.sub(" ", s)


def test_old_tone_places_come_in_text_order():
    s = "hoà thuỷ Hoà THUỶ hoà"
    assert [m.start() for m in text._OLD_TONE_MAYBE.finditer(s)] == [m.start() for m in _OLD_TONE_WAS.finditer(s)] != []
