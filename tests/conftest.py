import importlib.util
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

# CI machines are small and shared: no deadline flakiness, a fixed budget.
settings.register_profile(
    "default", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "ci", parent=settings.get_profile("default"), max_examples=200, derandomize=True
)
# For developers hunting rare cases: HYPOTHESIS_PROFILE=stress python -m pytest
settings.register_profile(
    "stress", parent=settings.get_profile("default"), max_examples=2000
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def _review_plans() -> Any:
    # Tests import in importlib mode: the helper module is loaded by its path.
    path = Path(__file__).with_name("review_plans.py")
    spec = importlib.util.spec_from_file_location("review_plans", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def review_plan() -> Callable[[int], Any]:
    """A plan of one-year rates with *count* indicators (15 or 60)."""
    return _review_plans().plan  # type: ignore[no-any-return]
