"""Status and verdict: the rules that turn metrics into words.

:func:`_status` grades a level by its attainment and its ratio R;
:func:`_compare` puts a value against a goal and its tolerance (whether a
one-year growth or a cap is met), and :func:`_verdict` gives what a yearly
plan report prints ("as projected", "higher", "lower") from the status and
the band of :class:`~industrial_plan.VerdictBands` around the target.
"""

from __future__ import annotations

from decimal import Decimal

from industrial_plan._figures.figure import Figure, IndeterminateComparisonError
from industrial_plan._figures.forms import is_percent
from industrial_plan._figures.qualifier import Qualifier
from industrial_plan._money.units import ureg
from industrial_plan._plan.metrics import Direction
from industrial_plan._plan.targets import TargetKind

from .calculation import _Calculation
from .context import _Context
from .policy import Thresholds
from .results import Assessment, Band, Point, Status, Verdict
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


def _verdict(
    context: _Context, result: Assessment
) -> tuple[Verdict | None, Band | None]:
    """The verdict a yearly plan report prints, and the band it applied.

    Values are compared in their own terms: a reduction that went further
    than planned is *lower* than projected.
    """
    return _verdict_of(
        context, result.status, result.direction, result.actual, result.target_level
    )


_FAVOURABLE = {
    Direction.HIGHER: (Qualifier.AT_LEAST, Qualifier.MORE_THAN),
    Direction.LOWER: (Qualifier.AT_MOST, Qualifier.LESS_THAN),
}


def _band_of(context: _Context, goal: Figure, direction: Direction) -> Band:
    """The band around *goal*: two-sided, or from where a one-sided goal is met."""
    width = context.bands.width(goal, context.thresholds)
    relative = None if is_percent(goal.quantity) else context.bands.relative
    if relative is not None and goal.approximate:
        relative += context.thresholds.about_relative
    kind = context.target.kind
    if kind is TargetKind.INCREMENT or kind is TargetKind.REDUCTION:
        # Around the level implied, as wide as the band of the change stated:
        # 5 % of 100 enterprises added, half a point of a 3 % reduction.
        width, relative = _change_width(context, goal), None
    value = Decimal(goal.quantity.magnitude)
    unit = goal.quantity._units
    low = Figure(ureg.Quantity(value - width, unit))
    high = Figure(ureg.Quantity(value + width, unit))
    if goal.qualifier in _FAVOURABLE[direction]:
        # "At least 6 %": as projected from where it is met.
        met = Figure(ureg.Quantity(value, unit))
        low, high = (met, high) if direction is Direction.HIGHER else (low, met)
        one_sided = True
    else:
        one_sided = False
    return Band(low, high, width, relative, one_sided)


def _change_width(context: _Context, level: Figure) -> Decimal:
    """The band's half-width around the *level* an increment or reduction implies."""
    change = _level_of(context.goal)
    width = context.bands.width(change, context.thresholds)
    if not is_percent(change.quantity):
        return width  # an amount or a count added or taken off: its unit
    # A reduction by r %: from x_b, the level is x_b (1 - r/100), and w points
    # of the rate are x_b w / 100 of the level.
    rate = Decimal(change.quantity.magnitude)
    if rate >= 100:
        return context.bands.width(level, context.thresholds)
    return abs(Decimal(level.quantity.magnitude)) * width / (100 - rate)


def _cap_band(context: _Context, goal: Figure) -> Band:
    """A cap's band: anything at or under it, "about" widening it upwards."""
    tolerance = context.thresholds.tolerance(goal)
    value = Decimal(goal.quantity.magnitude)
    high = Figure(ureg.Quantity(value + tolerance, goal.quantity._units))
    relative = None
    if not is_percent(goal.quantity) and goal.approximate:
        relative = context.thresholds.about_relative
    return Band(None, high, tolerance, relative, one_sided=True)


def _past(actual: Figure, edge: Figure, above: bool) -> bool:
    """Whether every value *actual* allows is beyond *edge* (above, or below)."""
    try:
        return bool(actual > edge if above else actual < edge)
    except IndeterminateComparisonError:
        return False


def _within(actual: Figure, edge: Figure, higher_is_better: bool) -> bool:
    """Whether every value *actual* allows is on the band's side of *edge*."""
    try:
        return bool(actual >= edge if higher_is_better else actual <= edge)
    except IndeterminateComparisonError:
        return False


def _verdict_of(
    context: _Context,
    status: Status,
    direction: Direction,
    actual: Figure | None,
    target_level: Figure | None = None,
) -> tuple[Verdict | None, Band | None]:
    """:func:`_verdict` from the fields it reads, before the record is built.

    On track is as projected and lagging is worse than projected: on the way
    the verdict follows the status.  A target achieved, or not achieved at
    its year, puts the actual value against the band around the target:
    beyond it is better (higher, or lower for lower-is-better), within it as
    projected, short of it worse.
    """
    # Identity, not set membership: an enum's hash is computed in Python.
    if status is Status.ON_TRACK or status is Status.WITHIN_CAP:
        return Verdict.AS_PROJECTED, None
    higher_is_better = direction is Direction.HIGHER
    better = Verdict.HIGHER if higher_is_better else Verdict.LOWER
    worse = Verdict.LOWER if higher_is_better else Verdict.HIGHER
    if (
        status is Status.ACCELERATION_NEEDED
        or status is Status.LIMITED_PROGRESS
        or status is Status.DETERIORATION
    ):
        return worse, None
    if status is Status.NOT_ACHIEVED and actual is None:
        return worse, None
    if (status is Status.ACHIEVED or status is Status.NOT_ACHIEVED) and (
        actual is not None
    ):
        goal = target_level or _level_of(context.goal)
        if context.target.kind is TargetKind.CUMULATIVE:
            goal = _level_of(context.goal)
        band = _band_of(context, goal, direction)
        low, high = band.low, band.high
        assert low is not None
        assert high is not None
        if status is Status.ACHIEVED:
            # Beyond the band only when every value the actual allows is.
            edge = high if higher_is_better else low
            beyond = _past(actual, edge, above=higher_is_better)
            return (better if beyond else Verdict.AS_PROJECTED), band
        # Not achieved at its year: as projected only when surely within.
        edge = low if higher_is_better else high
        within = _within(actual, edge, higher_is_better)
        return (Verdict.AS_PROJECTED if within else worse), band
    return None, None
