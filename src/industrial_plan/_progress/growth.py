"""Growth targets: the observed growth against the targeted.

Growth comes from levels at comparable prices where given, else from chained
yearly rates, else from levels at current prices; a one-year target is
compared with that year's growth.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs

from industrial_plan._figures.figure import Figure
from industrial_plan._figures.forms import Change
from industrial_plan._money.units import ureg
from industrial_plan._plan.metrics import Direction
from industrial_plan._plan.targets import Observation, PriceBasis

from .calculation import _apply, _root
from .context import _Context, _insufficient
from .results import Assessment, Point, Status, Verdict
from .rules import _compare, _compare_to, _verdict_of
from .series import _level_of, _points, _yearly


def _growth_method(context: _Context, base: Assessment) -> Assessment:
    target, goal = context.target, context.goal
    start = target.stated_base_year
    if start is None:
        start = (
            target.year - 1
            if goal.change is Change.GROWTH
            else context.system.start_year
        )
    span = target.year - start
    if span == 1 and goal.change is Change.GROWTH:
        return _one_year_growth(context, base, start)
    average = _level_of(goal)
    if goal.change is Change.GROWTH:
        # Total growth over the span ("翻一番" by the target year): its average.
        average = (
            _apply(
                lambda g: _root(1 + g / 100, span) * 100 - 100,
                [(average, 1)],
                ureg.percent,
            )
            or average
        )
    observed = _observed_growth(context, start)
    if observed is None:
        return _insufficient(
            base, f"no growth observed since {start} (levels or yearly rates)", context
        )
    factor, latest_year, series = observed
    g = Decimal(average.quantity.magnitude) / 100
    elapsed = latest_year - start
    remaining = target.year - latest_year
    avg = _apply(lambda f: _root(f, elapsed) - 1, [(factor, 1)], "")
    actual = _percent_of(avg)
    result = attrs.evolve(
        base,
        actual=actual,
        observed_cagr=avg,
        series=tuple(series),
        target_level=None,
    )
    if remaining > 0:
        needed = _apply(
            lambda f: _root((1 + g) ** span / f, remaining) - 1 if f > 0 else None,
            [(factor, -1)],
            "",
        )
        result = attrs.evolve(result, required_cagr=needed)
    if avg is None:
        return _insufficient(result, "growth needs positive levels", context)
    if g > 0:
        ratio = _apply(lambda a: a / g, [(avg, 1)], "")
        result = attrs.evolve(result, ratio=ratio)
    goal_level = Figure(ureg.Quantity(g, ""))
    met = _compare_to(avg, goal_level, Direction.HIGHER)
    if remaining <= 0:
        status = Status.ACHIEVED if met else Status.NOT_ACHIEVED
    elif result.ratio is not None:
        status = context.thresholds.classify(result.ratio.quantity.magnitude)
    else:
        context.notes.append("a growth target of zero or less: graded by the sign")
        status = Status.ON_TRACK if met else Status.DETERIORATION
    return attrs.evolve(result, status=status)


def _one_year_growth(context: _Context, base: Assessment, start: int) -> Assessment:
    year = context.target.year
    growth = _growth_in(context, year)
    if growth is None:
        return _insufficient(
            base, f"no growth reported or computable for {year}", context
        )
    figure, point = growth
    result = attrs.evolve(base, actual=figure, latest=point, series=(point,))
    goal = _level_of(context.goal)
    met = _compare(figure, goal, Direction.HIGHER, context)
    if met is None:
        context.notes.append("the reported bound does not decide the verdict")
        return attrs.evolve(result, status=Status.INSUFFICIENT_DATA)
    # Met within the tolerance of "about"; the verdict puts the growth
    # against the band around the target.
    status = Status.NOT_ACHIEVED if met is Verdict.LOWER else Status.ACHIEVED
    verdict, band = _verdict_of(context, status, Direction.HIGHER, figure, goal)
    return attrs.evolve(result, status=status, verdict=verdict, band=band)


def _growth_in(context: _Context, year: int) -> tuple[Figure, Point] | None:
    """The growth of *year*: reported, else from its level and the year before's."""
    metric = context.target.metric
    rates = _yearly((context.owner,), metric, context.as_of, "growth")
    if year in rates:
        figure = _level_of(rates[year].figure)
        return figure, Point(year, figure, rates[year])
    levels = _comparable_levels(context)
    if year in levels and year - 1 in levels:
        before, after = levels[year - 1], levels[year]
        computed = _apply(
            lambda x0, x1: (x1 / x0 - 1) * 100 if x0 > 0 else None,
            [(before.figure, -1), (after.figure, 1)],
            ureg.percent,
        )
        parts = tuple(
            p.observation for p in (before, after) if p.observation is not None
        )
        if computed is not None:
            return computed, Point(year, computed, None, parts=parts)
    return None


def _comparable_levels(context: _Context) -> dict[int, Point]:
    """Level points, at comparable prices where any are; else all, with a note."""
    unit = _level_unit(context)
    if unit is None:
        return {}
    points = _points(
        context.owner, context.target, context.as_of, context.policy, [], unit
    )
    comparable = {
        p.year: p
        for p in points
        if p.observation is not None
        and p.observation.price_basis is PriceBasis.COMPARABLE
    }
    if len(comparable) >= 2:
        return comparable
    if points:
        note = (
            "growth computed from levels not stated at comparable prices: "
            "it includes price changes"
        )
        if note not in context.notes:
            context.notes.append(note)
    return {p.year: p for p in points}


def _level_unit(context: _Context) -> Any:
    levels = _yearly((context.owner,), context.target.metric, context.as_of, "level")
    if not levels:
        return None
    return levels[min(levels)].figure.quantity._units


def _observed_growth(
    context: _Context, start: int
) -> tuple[Figure, int, list[Point]] | None:
    """The growth factor since *start*, the year it reaches, and its series.

    From levels at comparable prices where given; else by chaining reported
    yearly rates; else from levels at current (or unstated) prices.
    """
    levels = _comparable_levels(context)
    rates = _yearly((context.owner,), context.target.metric, context.as_of, "growth")
    chained = _chain(rates, start)
    comparable = any(
        p.observation is not None and p.observation.price_basis is PriceBasis.COMPARABLE
        for p in levels.values()
    )
    from_levels = None
    if start in levels and max(levels) > start:
        end = max(levels)
        factor = _apply(
            lambda x0, x1: x1 / x0 if x0 > 0 and x1 > 0 else None,
            [(levels[start].figure, -1), (levels[end].figure, 1)],
            "",
        )
        if factor is not None:
            series = [p for year, p in sorted(levels.items()) if year >= start]
            from_levels = (factor, end, series)
    if from_levels is not None and (comparable or chained is None):
        return from_levels
    if chained is not None:
        return chained
    return from_levels


def _chain(
    rates: dict[int, Observation], start: int
) -> tuple[Figure, int, list[Point]] | None:
    """Reported yearly rates chained from *start* + 1 while no year is missing."""
    figures = []
    points = []
    year = start + 1
    while year in rates:
        figure = _level_of(rates[year].figure)
        figures.append(figure)
        points.append(Point(year, figure, rates[year]))
        year += 1
    if not figures:
        return None

    def product(*values: Decimal) -> Decimal | None:
        result = Decimal(1)
        for value in values:
            if value <= -100:
                return None
            result *= 1 + value / 100
        return result

    factor = _apply(product, [(f, 1) for f in figures], "")
    if factor is None:
        return None
    return factor, year - 1, points


def _percent_of(fraction: Figure | None) -> Figure | None:
    if fraction is None:
        return None
    quantity = ureg.Quantity(Decimal(fraction.quantity.magnitude) * 100, ureg.percent)
    return attrs.evolve(fraction, quantity=quantity)
