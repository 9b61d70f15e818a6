"""read()'s fast paths give what the plain rules give."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from generator import entities

# The rule _about_signing() replaces: one alternation searched for in the folded text.
_SIGNING_WAS = re.compile(r"van kien|ky ket|k(?<!\w.)y (?!niem|hop|thuat|luat|vong|tich)|trao doi|chung kien|signed|signing")


@given(st.lists(st.sampled_from(["van kien", "van", "kien", "ky ket", "ky", "ky ", "ky niem", "ky hop", "xky ", "_ky ",
                                 "trao doi", "chung kien", "signed", "signing", "sign", " ", "\n", "x", "k", "y"]),
                max_size=12).map("".join))
@settings(max_examples=3000, deadline=None)
def test_about_signing_is_the_alternation(folded):
    assert entities._about_signing(folded) == bool(_SIGNING_WAS.search(folded))
