"""Levels, counts, shares, ratios, increments and reductions.

Each is assessed by the CAGR ratio on a level: its own (levels and counts),
its yearly series (shares and ratios per head), or the level it implies
(increments and reductions).  Most targets are levels, so theirs is the hot
path of :func:`~industrial_plan.assess`: point values take
:func:`_point_metrics` rather than carrying bounds formula by formula.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs

from industrial_plan._figures.figure import Figure, UnboundedError, exact_figure
from industrial_plan._figures.forms import is_percent
from industrial_plan._money.units import ureg
from industrial_plan._plan.metrics import Direction
from industrial_plan._plan.owners import Tier
from industrial_plan._plan.targets import TargetKind

from .calculation import (
    _EXACT,
    _apply,
    _attained,
    _cagr,
    _Calculation,
    _compounded,
    _per_year,
    _r_of,
    _short_of,
    _unit_of,
)
from .context import _Context, _estimate_notes, _insufficient
from .results import Assessment, Point, Status
from .rules import _status, _verdict_of
from .series import _level_of, _points, _ratio_series, _share_series, _yearly
from .signed import _is_signed_case, _signed_metrics

# -- levels, counts, and the series of shares and ratios ------------------------


_LEVEL, _COUNT = TargetKind.LEVEL, TargetKind.COUNT


def _level_assessment(context: _Context, tier: Tier | None) -> Assessment:
    """A level or a count: the CAGR ratio on its observations, built at once.

    Most targets are levels, so their :class:`Assessment` is built once with
    every field, its verdict and its notes (each ``attrs.evolve`` of a record
    of 22 fields costs as much as two metrics).
    """
    unit = context.goal.quantity._units
    points = _points(
        context.owner,
        context.target,
        context.as_of,
        context.policy,
        context.notes,
        unit,
    )
    status, found = _level_metrics(context, points, _level_of(context.goal))
    _estimate_notes(context.notes, points)
    get = found.get
    actual = get("actual")
    verdict, band = _verdict_of(context, status, context.direction, actual)
    # By position, in the order of Assessment's fields (a test checks it):
    # keywords cost a third more on the record of 22 fields.
    return Assessment(
        context.owner,
        tier,
        context.target,
        context.direction,
        status,
        context.as_of,
        get("latest"),
        get("baseline"),
        get("attainment"),
        get("gap"),
        get("required_cagr"),
        get("linear_change_needed"),
        get("observed_cagr"),
        get("projected"),
        get("expected_shortfall"),
        get("ratio"),
        tuple(context.notes),
        actual,
        None,
        None,
        verdict,
        get("series", ()),
        context.latest_partial,
        band,
    )


def _share_method(context: _Context, base: Assessment) -> Assessment:
    points = _share_series(context)
    result = _on_levels(context, base, points, _level_of(context.goal))
    # A difference of shares is in percentage points, not percent.
    return attrs.evolve(
        result,
        gap=_in_points(result.gap),
        linear_change_needed=_in_points(result.linear_change_needed),
        expected_shortfall=_in_points(result.expected_shortfall),
    )


def _ratio_method(context: _Context, base: Assessment) -> Assessment:
    points = _ratio_series(context)
    result = _on_levels(context, base, points, _level_of(context.goal))
    if result.actual is None:
        return result
    # The actual value reads as the target does: "10 件 per 10,000 people".
    goal, actual = context.goal, result.actual
    if actual.quantity.dimensionless:
        actual = attrs.evolve(
            actual, per=goal.per, counted=goal.counted, measure=goal.measure
        )
    else:
        actual = attrs.evolve(actual, per=goal.per)
    return attrs.evolve(result, actual=actual)


def _on_levels(
    context: _Context, base: Assessment, points: list[Point], goal: Figure
) -> Assessment:
    """The CAGR-ratio assessment of a level *goal* on a yearly series."""
    status, found = _level_metrics(context, points, goal)
    # One new Assessment, not one per metric: this runs once per target.
    return attrs.evolve(base, status=status, **found)


def _level_metrics(
    context: _Context, points: list[Point], goal: Figure
) -> tuple[Status, dict[str, Any]]:
    """The status and metrics of the CAGR-ratio assessment (see :func:`_on_levels`)."""
    notes = context.notes
    if not points:
        notes.append("no observation of this metric")
        return Status.INSUFFICIENT_DATA, {}
    latest = points[-1]
    chosen = context.baseline_year
    first_year = chosen if chosen is not None else context.base_year
    baseline = None
    for point in points:
        if point.year >= first_year:
            baseline = point
            break
    if baseline is None:
        notes.append(f"no observation in or after the baseline year {first_year}")
    elif chosen is not None and baseline.year != chosen:
        notes.append(f"no observation for {chosen}; baseline is {baseline.year}")
    # The points are in time order: any before the baseline year come first.
    earlier = (
        []
        if points[0].year >= first_year
        else [str(p.year) for p in points if p.year < first_year]
    )
    if earlier:
        # Said, not silently dropped: a user who entered them wants to know.
        notes.append(
            f"{', '.join(earlier)} left out of the trend: before the baseline year "
            f"{first_year} (choose an earlier baseline year to use "
            f"{'it' if len(earlier) == 1 else 'them'})"
        )
    calc = _Calculation(goal, context.target.year, context.direction, notes)
    remaining = context.target.year - latest.year
    usable_baseline = baseline is not None and baseline.year < latest.year
    found: dict[str, Any] = {
        "latest": latest,
        "baseline": baseline,
        "actual": latest.figure,
        "series": tuple(points),
    }
    if (
        _POINT_PATH
        and _is_point(latest.figure)
        and (baseline is None or not usable_baseline or _is_point(baseline.figure))
    ):
        _point_metrics(calc, latest, baseline if usable_baseline else None, found)
        return _graded(context, calc, latest, baseline, usable_baseline, found)
    found["attainment"] = calc.attainment(latest.figure)
    found["gap"] = calc.gap(latest.figure)
    if remaining > 0:
        found["required_cagr"] = calc.required_cagr(latest.figure, remaining)
        found["linear_change_needed"] = calc.linear_change(latest.figure, remaining)
    else:
        notes.append(
            f"the latest observation ({latest.year}) is not before the target year"
        )
    if usable_baseline:
        assert baseline is not None
        observed = calc.observed_cagr(
            baseline.figure, latest.figure, latest.year - baseline.year
        )
        found["observed_cagr"] = observed
        if observed is not None and remaining > 0:
            projected = calc.projected(baseline, latest, remaining)
            found["projected"] = projected
            found["expected_shortfall"] = calc.gap(projected) if projected else None
        found["ratio"] = calc.ratio(baseline, latest)
    return _graded(context, calc, latest, baseline, usable_baseline, found)


def _graded(
    context: _Context,
    calc: _Calculation,
    latest: Point,
    baseline: Point | None,
    usable_baseline: bool,
    found: dict[str, Any],
) -> tuple[Status, dict[str, Any]]:
    """The status, after a signed amount at or below zero is measured linearly."""
    usable = baseline if usable_baseline else None
    if _is_signed_case(context, calc, latest, usable):
        _signed_metrics(calc, latest, usable, found)
    remaining = context.target.year - latest.year
    status = _status(
        calc, latest, found.get("ratio"), remaining, usable_baseline, context.thresholds
    )
    return status, found


_POINT_PATH = True
"""Whether point values take :func:`_point_metrics` (tests compare both paths)."""


def _is_point(figure: Figure) -> bool:
    return figure.qualifier is _EXACT and not figure.approximate


def _point_metrics(
    calc: _Calculation, latest: Point, baseline: Point | None, found: dict[str, Any]
) -> None:
    """The metrics of :func:`_level_metrics` when the values used are points.

    An exact latest value (and baseline, when there is one to use) gives
    exact metrics, so each is the formula at the stated values, wrapped once:
    what :class:`_Calculation` gives through :func:`_apply` (a property test
    compares the two), without carrying bounds through each formula.
    *baseline* is ``None`` when it is not usable (none, or not before the
    latest value).  Notes are added in the same order.
    """
    notes = calc.notes
    t, unit, years_to_target = calc.t, calc.unit, calc.year
    higher = calc.direction is Direction.HIGHER
    sign = 1 if higher else -1
    dimensionless = _unit_of("")._units
    xt = Decimal(latest.figure.quantity.magnitude)
    if t <= 0:
        notes.append("attainment is not defined for a target of zero or less")
        found["attainment"] = None
    else:
        found["attainment"] = _point(_attained(t, xt, higher), dimensionless)
    found["gap"] = _point(_short_of(t, xt, sign), unit)
    remaining = years_to_target - latest.year
    if remaining > 0:
        if t <= 0 or xt <= 0:
            notes.append("growth rates need positive values")
            found["required_cagr"] = None
        else:
            found["required_cagr"] = _point(_cagr(xt, t, remaining), dimensionless)
        found["linear_change_needed"] = _point(_per_year(t, xt, remaining), unit)
    else:
        notes.append(
            f"the latest observation ({latest.year}) is not before the target year"
        )
    if baseline is None:
        return
    x0 = Decimal(baseline.figure.quantity.magnitude)
    span = latest.year - baseline.year
    growth = _cagr(x0, xt, span)  # once: it also serves the projection and R
    if x0 <= 0 or xt <= 0:
        notes.append("observed growth needs positive baseline and latest values")
        found["observed_cagr"] = None
    else:
        observed = _point(growth, dimensionless)
        found["observed_cagr"] = observed
        if observed is not None and remaining > 0:
            projected = _point(_compounded(xt, growth, remaining), unit)
            found["projected"] = projected
            found["expected_shortfall"] = (
                None
                if projected is None
                else _point(_short_of(t, projected.quantity.magnitude, sign), unit)
            )
    if x0 <= 0 or xt <= 0:
        found["ratio"] = None
        return
    required = _cagr(x0, t, years_to_target - baseline.year)
    if required is None or required == 0:
        notes.append("the target requires no growth from the baseline")
        found["ratio"] = None
        return
    found["ratio"] = _point(_r_of(growth, sign, required), dimensionless)


def _point(value: Decimal | None, units: Any) -> Figure | None:
    """An exact computed figure in *units* (a units container), or ``None``
    where the formula has no value."""
    if value is None:
        return None
    return exact_figure(value, units)


def _in_points(figure: Figure | None) -> Figure | None:
    if figure is None:
        return None
    quantity = ureg.Quantity(figure.quantity.magnitude, ureg.percentage_point)
    return attrs.evolve(figure, quantity=quantity)


# -- increments and reductions: the level they imply --------------------------


def _implied_level_method(context: _Context, base: Assessment) -> Assessment:
    target, goal = context.target, context.goal
    start = context.base_year
    relative = target.kind is TargetKind.REDUCTION and is_percent(goal.quantity)
    levels = _yearly((context.owner,), target.metric, context.as_of, "level")
    if start not in levels:
        return _insufficient(
            base,
            f"this {target.kind.value} counts from the level in {start}, "
            "which is not observed",
            context,
        )
    unit = levels[start].figure.quantity._units if relative else goal.quantity._units
    points = _points(
        context.owner, target, context.as_of, context.policy, context.notes, unit
    )
    start_point = next(p for p in points if p.year == start)
    x0 = start_point.figure
    change = _level_of(goal)
    level: Figure | None
    try:
        if target.kind is TargetKind.INCREMENT:
            level = x0 + change
        elif relative:
            level = _apply(
                lambda x, r: x * (1 - r / 100), [(x0, 1), (change, -1)], unit
            )
        else:
            level = x0 - change
    except UnboundedError:
        level = None
    if level is None:
        return _insufficient(base, "the implied level has no bound", context)
    if context.baseline_year is None:
        context = attrs.evolve(context, baseline_year=start)
    result = _on_levels(context, base, points, level)
    return attrs.evolve(result, target_level=level)
