"""Cumulative totals: the sum so far against the total planned."""

from __future__ import annotations

from decimal import Decimal

import attrs

from industrial_plan._figures.figure import Figure, UnboundedError
from industrial_plan._figures.qualifier import Qualifier
from industrial_plan._plan.metrics import Direction
from industrial_plan._plan.targets import Observation

from .calculation import _apply, _Calculation
from .context import _Context, _insufficient
from .results import Assessment, Point, Status
from .series import _level_of, _points


def _cumulative_method(context: _Context, base: Assessment) -> Assessment:
    target, goal = context.target, _level_of(context.goal)
    start, end = context.base_year, target.year
    unit = goal.quantity._units
    points = [
        p
        for p in _points(
            context.owner, target, context.as_of, context.policy, context.notes, unit
        )
        if start < p.year <= end
    ]
    if not points:
        return _insufficient(
            base, f"no yearly observation in {start + 1}-{end} to sum", context
        )
    last = points[-1].year
    missing = [
        y for y in range(start + 1, last + 1) if y not in {p.year for p in points}
    ]
    total: Figure | None = None
    running: list[Point] = []
    summed: list[Observation] = []  # what each running total comes from
    for point in points:
        if point.observation is not None:
            summed.append(point.observation)
        try:
            total = point.figure if total is None else total + point.figure
        except UnboundedError:
            # A lower bound plus an upper bound bounds nothing.
            return _insufficient(
                attrs.evolve(base, series=tuple(running)),
                f"the sum up to {point.year} has no bound: its figures are bounds "
                "on opposite sides",
                context,
            )
        running.append(
            Point(point.year, total, point.observation, point.rate, tuple(summed))
        )
    assert total is not None
    if missing:
        shown = ", ".join(str(y) for y in missing)
        context.notes.append(
            f"no observation for {shown}: the sum so far is a lower bound"
        )
        if total.lower is not None:
            total = Figure(
                total.quantity, Qualifier.AT_LEAST, approximate=total.approximate
            )
    calc = _Calculation(goal, end, Direction.HIGHER, context.notes)
    remaining = end - last
    result = attrs.evolve(
        base,
        actual=total,
        latest=running[-1],
        series=tuple(running),
        attainment=calc.attainment(total),
        gap=calc.gap(total),
    )
    if remaining > 0:
        result = attrs.evolve(
            result, linear_change_needed=calc.linear_change(total, remaining)
        )
    if calc.achieved(total):
        return attrs.evolve(result, status=Status.ACHIEVED)
    if remaining <= 0:
        status = Status.INSUFFICIENT_DATA if missing else Status.NOT_ACHIEVED
        return attrs.evolve(result, status=status)
    elapsed = Decimal(last - start) / Decimal(end - start)
    attainment = result.attainment
    if attainment is None:
        return _insufficient(result, "attainment is not defined", context)
    ratio = _apply(lambda a: a / elapsed, [(attainment, 1)], "")
    result = attrs.evolve(result, ratio=ratio)
    assert ratio is not None
    return attrs.evolve(
        result, status=context.thresholds.classify(ratio.quantity.magnitude)
    )
