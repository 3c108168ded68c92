"""What every method of assessment is given, and writes its notes to.

One :class:`_Context` per target: the target, its plan and owner, the
settings, and the notes the methods add as they go; the notes that name the
partial-year figures left out and the estimates used.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from industrial_plan._figures.figure import Figure
from industrial_plan._plan.metrics import Direction
from industrial_plan._plan.owners import Owner, Regional
from industrial_plan._plan.system import IndustrialSystem
from industrial_plan._plan.targets import Observation, Target

from .policy import ConversionPolicy, Thresholds, VerdictBands
from .results import Assessment, Point, Status


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
    latest_partial: Observation | None = None
    bands: VerdictBands = attrs.field(factory=VerdictBands)

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


def _listed(labels: Sequence[str]) -> str:
    """Labels joined in words: "a", "a and b", "a, b and c"."""
    if len(labels) == 1:
        return labels[0]
    return f"{', '.join(labels[:-1])} and {labels[-1]}"


def _labels(observations: Iterable[Observation]) -> list[str]:
    """Each observation's time in words ("Q1-Q3 2024"), once each, in order."""
    return list(dict.fromkeys(observation.when() for observation in observations))


def _partial_note(partial: Sequence[Observation], metric: str) -> str:
    """The note that names the partial-year figures left out of an annual target."""
    labels = _labels(partial)
    if len(labels) == 1:
        return (
            f"left out: the {labels[0]} figure of {metric} "
            "(a partial year: the target is annual)"
        )
    return (
        f"left out: the {_listed(labels)} figures of {metric} "
        "(partial years: the target is annual)"
    )


def _estimate_notes(notes: list[str], points: Iterable[Point | None]) -> None:
    """Add a note per metric naming the estimates the *points* use, if any."""
    used: list[Observation] = []
    for point in points:
        if point is None:
            continue
        observation = point.observation
        if observation is not None and observation.estimate:
            used.append(observation)
        if point.parts:
            used.extend(part for part in point.parts if part.estimate)
    if not used:
        return
    by_metric: dict[str, list[Observation]] = {}
    for observation in used:
        by_metric.setdefault(observation.metric, []).append(observation)
    for metric, found in by_metric.items():
        labels = _labels(sorted(found, key=lambda o: o.year))
        if len(labels) == 1:
            note = f"the {labels[0]} figure of {metric} is an estimate"
        else:
            note = f"the {_listed(labels)} figures of {metric} are estimates"
        if note not in notes:
            notes.append(note)
