"""What every method of assessment is given, and writes its notes to.

One :class:`_Context` per target: the target, its plan and owner, the
settings, and the notes the methods add as they go.
"""

from __future__ import annotations

import attrs

from industrial_plan._figures.figure import Figure
from industrial_plan._plan.metrics import Direction
from industrial_plan._plan.owners import Owner, Regional
from industrial_plan._plan.system import IndustrialSystem
from industrial_plan._plan.targets import Target

from .policy import ConversionPolicy, Thresholds
from .results import Assessment, Status


@attrs.define
class _Context:
    """What every method needs: the target, its plan, and the settings."""

    system: IndustrialSystem
    owner: Owner
    target: Target
    goal: Figure
    direction: Direction
    as_of: int | None
    baseline_year: int | None
    policy: ConversionPolicy
    thresholds: Thresholds
    notes: list[str]

    @property
    def base_year(self) -> int:
        """Where a change or a span starts: stated, else the plan's start."""
        stated = self.target.stated_base_year
        return self.system.start_year if stated is None else stated

    def owners(self) -> tuple[Owner, ...]:
        """Where a denominator is looked for: the owner, then the region."""
        if isinstance(self.owner, Regional):
            return (self.owner,)
        return (self.owner, self.system.regional)


def _insufficient(base: Assessment, note: str, context: _Context) -> Assessment:
    context.notes.append(note)
    return attrs.evolve(base, status=Status.INSUFFICIENT_DATA)
