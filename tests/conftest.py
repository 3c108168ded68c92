import os

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
