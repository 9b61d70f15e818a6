"""Each sample page imports to exactly its golden article (regenerate: `make golden`, then review)."""
from pathlib import Path

import pytest

from tests.golden import GOLDEN, imported_samples

RESULTS = imported_samples()


@pytest.mark.parametrize("raw", sorted(RESULTS))
def test_sample_matches_golden(raw):
    golden = GOLDEN / (Path(raw).stem + ".md")
    assert golden.exists(), f"no golden file for {raw}: run `make golden`"
    assert RESULTS[raw] == golden.read_text(encoding="utf-8")


def test_every_golden_file_has_a_sample():
    assert sorted(p.stem for p in GOLDEN.glob("*.md")) == sorted(Path(r).stem for r in RESULTS)
