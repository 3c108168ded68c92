"""Status and verdict: the rules that turn metrics into words.

:func:`_status` grades a level by its attainment and its ratio R;
:func:`_compare` puts a value against a goal and its tolerance, and
:func:`_verdict` gives what a yearly plan report prints ("as projected",
"higher", "lower") from the status.
"""

from __future__ import annotations

from decimal import Decimal

from industrial_plan._figures.figure import Figure, IndeterminateComparisonError
from industrial_plan._money.units import ureg
from industrial_plan._plan.metrics import Direction
from industrial_plan._plan.targets import TargetKind

from .calculation import _Calculation
from .context import _Context
from .policy import Thresholds
from .results import Assessment, Point, Status, Verdict
from .series import _level_of


def _status(
    calc: _Calculation,
    latest: Point,
    ratio: Figure | None,
    remaining: int,
    usable_baseline: bool,
    thresholds: Thresholds,
) -> Status:
    if calc.achieved(latest.figure):
        return Status.ACHIEVED
    if remaining <= 0:
        return Status.NOT_ACHIEVED
    if not usable_baseline:
        calc.notes.append(
            "needs observations in two different years from the baseline year on"
        )
        return Status.INSUFFICIENT_DATA
    if ratio is None:
        return Status.INSUFFICIENT_DATA
    return thresholds.classify(ratio.quantity.magnitude)


# -- verdicts ----------------------------------------------------------------------


def _compare(
    actual: Figure, goal: Figure, direction: Direction, context: _Context
) -> Verdict | None:
    """As, higher or lower than projected: *actual* against *goal* and its tolerance.

    In the direction's terms: ``LOWER`` means worse than projected for a
    lower-is-better goal too; callers that print values turn it round.
    """
    tolerance = context.thresholds.tolerance(goal)
    value = Decimal(goal.quantity.magnitude)
    unit = goal.quantity._units
    low = Figure(ureg.Quantity(value - tolerance, unit))
    high = Figure(ureg.Quantity(value + tolerance, unit))
    try:
        above_low = actual >= low
        below_high = actual <= high
    except IndeterminateComparisonError:
        return None
    if above_low and below_high:
        return Verdict.AS_PROJECTED
    better = above_low if direction is Direction.HIGHER else below_high
    return Verdict.HIGHER if better else Verdict.LOWER


def _compare_to(actual: Figure | None, goal: Figure, direction: Direction) -> bool:
    if actual is None:
        return False
    try:
        return bool(actual >= goal if direction is Direction.HIGHER else actual <= goal)
    except IndeterminateComparisonError:
        return False


def _verdict(context: _Context, result: Assessment) -> Verdict | None:
    """The verdict a yearly plan report prints, from the status.

    Values are compared in their own terms: a reduction that went further
    than planned is *lower* than projected.
    """
    return _verdict_of(
        context, result.status, result.direction, result.actual, result.target_level
    )


def _verdict_of(
    context: _Context,
    status: Status,
    direction: Direction,
    actual: Figure | None,
    target_level: Figure | None = None,
) -> Verdict | None:
    """:func:`_verdict` from the fields it reads, before the record is built."""
    # Identity, not set membership: an enum's hash is computed in Python.
    if status is Status.ON_TRACK or status is Status.WITHIN_CAP:
        return Verdict.AS_PROJECTED
    higher_is_better = direction is Direction.HIGHER
    if (
        status is Status.ACCELERATION_NEEDED
        or status is Status.LIMITED_PROGRESS
        or status is Status.DETERIORATION
        or status is Status.NOT_ACHIEVED
    ):
        return Verdict.LOWER if higher_is_better else Verdict.HIGHER
    if status is Status.ACHIEVED and actual is not None:
        goal = target_level or _level_of(context.goal)
        if context.target.kind is TargetKind.CUMULATIVE:
            goal = _level_of(context.goal)
        compared = _compare(actual, goal, direction, context)
        if compared is Verdict.HIGHER:
            return Verdict.HIGHER if higher_is_better else Verdict.LOWER
        return Verdict.AS_PROJECTED
    return None
