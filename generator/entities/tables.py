"""Lookup tables kept per registry map and grown with it: an import adds entities as it goes.

Building a table from every entity for every article made an import quadratic (thousands of events
and agreements are added during a large one); the registry's maps are only ever added to while an
import runs, so a table reads just the entries added since it last looked.
"""
from __future__ import annotations

import itertools
from typing import Callable, TypeVar

T = TypeVar("T")
_TABLES: dict[tuple[str, int], tuple[dict, int, object]] = {}


def grown(name: str, mapping: dict, new: Callable[[], T], add: Callable[[T, object], None]) -> T:
    """The table `name` of mapping: new(), then add(table, value) for each value in order, once;
    later calls add only the values added to mapping since. A mapping that shrank is read again."""
    key = (name, id(mapping))
    hit = _TABLES.get(key)
    if hit is None or hit[0] is not mapping or hit[1] > len(mapping):
        if len(_TABLES) > 16:
            _TABLES.clear()
        hit = (mapping, 0, new())
    _m, done, table = hit
    if done < len(mapping):
        # The new values are the last ones: read from the end (islice from the start would step
        # over every value read before, each time).
        for value in reversed(list(itertools.islice(reversed(mapping.values()), len(mapping) - done))):
            add(table, value)
        _TABLES[key] = (mapping, len(mapping), table)
    return table
