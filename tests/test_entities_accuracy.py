"""The entity finder on the real pages in ../shared against tests/annotations (skipped without them)."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def _accuracy():
    spec = importlib.util.spec_from_file_location("accuracy", ROOT / "scripts" / "accuracy.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="../shared/corpus is not here")
def test_leaders_and_event_grouping_on_real_pages():
    res = _accuracy().evaluate(SHARED)
    detail = "\n".join(res.lines)
    assert res.tp + res.fn >= 150, "most annotated pages were not read"
    assert res.precision >= 0.98, detail
    assert res.recall >= 0.95, detail
    assert res.pair_precision >= 0.98, detail
    assert res.pair_recall >= 0.9, detail
