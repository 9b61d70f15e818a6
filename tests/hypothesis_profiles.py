"""Hypothesis budgets for the fuzz tests: 'ci' in the suite, 'long' for a deliberate hunt.

    HYPOTHESIS_PROFILE=long .venv/bin/pytest tests/test_fuzz.py --hypothesis-show-statistics

Applied per test (FUZZ as a decorator), so other test modules keep their own settings.
"""
from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_COMMON = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                                     HealthCheck.filter_too_much], derandomize=False)
settings.register_profile("ci", max_examples=200, **_COMMON)
settings.register_profile("long", max_examples=20_000, **_COMMON)

PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
FUZZ = settings.get_profile(PROFILE if PROFILE in ("ci", "long") else "ci")
