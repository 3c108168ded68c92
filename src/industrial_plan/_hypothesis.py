"""Hypothesis's entry point: our strategies, registered by type.

Hypothesis imports this when it starts, in any environment where the package
is installed, even when hypothesis is installed without our ``test`` extra's
other tools.  The strategies themselves live in :mod:`industrial_plan.testing`.
"""

from __future__ import annotations


def setup() -> None:
    """Register :mod:`industrial_plan.testing`'s strategies by type."""
    from .testing import register_type_strategies

    register_type_strategies()
