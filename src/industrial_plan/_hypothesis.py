"""Hypothesis's entry point: our strategies, registered by type.

Hypothesis calls :func:`setup` when it starts, in any environment where the
package is installed.  It may start while :mod:`industrial_plan.testing` is
itself being imported (that module imports hypothesis), so the strategies are
looked up only when a test first asks for a type, never here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# Each public type and the name of the strategy in industrial_plan.testing
# that draws it.
_STRATEGIES = (
    ("IndustrialSystem", "systems"),
    ("Figure", "stated_figures"),
    ("Target", "targets"),
    ("Observation", "observations"),
    ("Period", "periods"),
    ("Source", "sources"),
    ("Qualifier", "qualifiers"),
    ("TargetKind", "target_kinds"),
    ("Rate", "rates"),
    ("VerdictBands", "verdict_bands"),
    ("Judgement", "judgements"),
)


def setup() -> None:
    """Register :mod:`industrial_plan.testing`'s strategies by the type they draw."""
    from hypothesis import strategies as st

    import industrial_plan

    for type_name, strategy in _STRATEGIES:
        st.register_type_strategy(
            getattr(industrial_plan, type_name), _resolver(strategy)
        )


def _resolver(name: str) -> Callable[[type], Any]:
    def resolve(_: type) -> Any:
        from . import testing

        return getattr(testing, name)()

    return resolve
