"""Leaders' terms of office as evidence of a year: who the text names, with which title."""
from __future__ import annotations

import re

from ..model import Leader
from ..text import fold


def _title_key(title: str) -> str:
    # "Thủ tướng Chính phủ nước ..." → "thu tuong"; the words papers put before a name.
    words = fold(title).split()
    for n in (4, 3, 2, 1):
        if len(words) >= n:
            yield " ".join(words[:n])


_MATCHERS: dict[int, tuple] = {}


def _matcher(leaders: dict[str, Leader]):
    """One alternation over every folded name and alias, built once per registry."""
    key = id(leaders)
    if key not in _MATCHERS or _MATCHERS[key][0] is not leaders:
        owner = {}
        for leader in leaders.values():
            for name in (leader.name, *leader.aliases):
                if len(name) > 4:
                    owner.setdefault(fold(name), leader)
        names = sorted(owner, key=len, reverse=True)
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)") if names else None
        _MATCHERS.clear()
        _MATCHERS[key] = (leaders, pattern, owner)
    return _MATCHERS[key][1], _MATCHERS[key][2]


def terms_named(text: str, leaders: dict[str, Leader]) -> list[tuple[str, list]]:
    """[(name, [(start, end)...])] for each leader the text names right after a title they held.

    A name preceded by "nguyên" (former) says nothing about the present and is skipped, and so is
    a leader named without a title they held: only "Thủ tướng Lào Phankham Viphavanh" narrows the
    year to his term as prime minister.
    """
    folded = fold(text)
    pattern, owner = _matcher(leaders)
    if pattern is None:
        return []
    found: dict[str, list] = {}
    for m in pattern.finditer(folded):
        leader = owner[m.group(0)]
        spans = found.setdefault(leader.id, [])
        before = folded[max(0, m.start() - 80):m.start()]
        clause = re.split(r"[.;]", before)[-1]
        held = []
        for role in leader.roles:
            if not role.start:
                continue
            keys = list(_title_key(role.title))
            key = next((k for k in keys if len(k.split()) >= 2 and k in clause), None)
            if key and not re.search(r"nguyen\s+" + re.escape(key), clause):
                held.append((role.start, role.end))
        # "Tổng Bí thư, Chủ tịch nước X": X held both at once, so the spans intersect.
        if held:
            start = max(s for s, _ in held)
            ends = [e for _, e in held if e]
            end = min(ends) if ends else None
            if end is None or start <= end:
                spans.append((start, end))
    return sorted((leaders[i].name, sorted(set(spans), key=lambda s: (s[0], s[1] or s[0])))
                  for i, spans in found.items() if spans)
