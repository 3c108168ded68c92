"""Caps ("不超过3%"): whether the latest value keeps to them, and the headroom used."""

from __future__ import annotations

from decimal import Decimal

import attrs

from industrial_plan._figures.forms import Change
from industrial_plan._plan.metrics import Direction

from .calculation import _apply
from .context import _Context, _insufficient
from .growth import _comparable_levels, _growth_in
from .results import Assessment, Status, Verdict
from .rules import _cap_band, _compare
from .series import _level_of, _points, _yearly


def _cap_method(context: _Context, base: Assessment) -> Assessment:
    goal = _level_of(context.goal)
    if context.goal.change in (Change.GROWTH, Change.AVERAGE_GROWTH):
        levels = _comparable_levels(context)
        rates = _yearly(
            (context.owner,), context.target.metric, context.as_of, "growth"
        )
        years = sorted(set(rates) | {y for y in levels if y - 1 in levels})
        found = [g for g in (_growth_in(context, y) for y in years) if g is not None]
        series = [point for _, point in found]
    else:
        unit = goal.quantity._units
        series = _points(
            context.owner,
            context.target,
            context.as_of,
            context.policy,
            context.notes,
            unit,
        )
    if not series:
        return _insufficient(base, "no observation of this metric", context)
    latest = series[-1]
    actual = latest.figure
    result = attrs.evolve(base, latest=latest, actual=actual, series=tuple(series))
    cap = Decimal(goal.quantity.magnitude)
    if cap > 0:
        used = _apply(lambda x: x / cap, [(actual, 1)], "")
        result = attrs.evolve(result, headroom_used=used)
    compared = _compare(actual, goal, Direction.LOWER, context)
    if compared is None:
        context.notes.append("the reported bound does not decide whether the cap holds")
        return attrs.evolve(result, status=Status.INSUFFICIENT_DATA)
    # A ceiling: at or under it (with the tolerance of "about") is what was
    # projected; over it is higher than projected.
    band = _cap_band(context, goal)
    if compared is Verdict.LOWER:  # worse than the cap, for lower-is-better
        return attrs.evolve(
            result, status=Status.CAP_EXCEEDED, verdict=Verdict.HIGHER, band=band
        )
    return attrs.evolve(
        result, status=Status.WITHIN_CAP, verdict=Verdict.AS_PROJECTED, band=band
    )
