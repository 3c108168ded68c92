"""What a panel of the progress chart shows, as figures: the yearly points the
assessment used, the level the target line marks, and estimates rounded to
the digits they have.  No drawing here; the panel and its lines read these.
"""

from __future__ import annotations

import itertools
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, Decimal
from typing import Final

import attrs

from industrial_plan._errors import CurrencyMismatchError, RateError
from industrial_plan._figures.figure import Figure
from industrial_plan._figures.forms import is_percent
from industrial_plan._figures.qualifier import Qualifier
from industrial_plan._money.units import in_base_units, quantize, tidy, ureg
from industrial_plan._plan.targets import Observation, TargetKind, standing
from industrial_plan._progress.policy import ConversionPolicy
from industrial_plan._progress.results import Assessment, Status
from industrial_plan._progress.series import _in_unit
from industrial_plan._progress.system import SystemAssessment

# A value with more digits than this was computed or converted, not stated.
_SHOWN_DIGITS: Final = 8


@attrs.frozen
class _Point:
    year: int
    figure: Figure


def _rounded(figure: Figure, digits: int = 3) -> Figure:
    """An estimate to *digits* significant digits, still true to its bound.

    A projection computed to 27 digits claims a precision it does not have.
    An exact value becomes "about"; a lower bound is rounded down and an
    upper bound up, so that the rounded bound still holds.
    """
    base = in_base_units(figure.quantity)
    value = Decimal(base.magnitude)
    if not value:
        return figure
    if figure.lower is not None and figure.upper is None:
        rounding, qualifier = ROUND_FLOOR, figure.qualifier
    elif figure.upper is not None and figure.lower is None:
        rounding, qualifier = ROUND_CEILING, figure.qualifier
    else:
        rounding, qualifier = ROUND_HALF_EVEN, Qualifier.ABOUT
    quantum = Decimal(1).scaleb(value.adjusted() - digits + 1)
    rounded = tidy(quantize(value, quantum, rounding))
    approximate = figure.approximate or qualifier is Qualifier.ABOUT
    return Figure(
        ureg.Quantity(rounded, base.units), qualifier, approximate=approximate
    )


def _goal(result: Assessment, stated: Figure) -> Figure:
    """What the target line marks: the level an increment or a reduction
    implies, else the target as stated (a share, a rate, a level)."""
    if result.target.kind in (TargetKind.INCREMENT, TargetKind.REDUCTION):
        if result.target_level is not None:
            return result.target_level
        # Without the base year's level the implied level is unknown; the
        # panel still shows the data, on the scale of the data.
        series = [p.figure for p in result.series]
        if series:
            return series[-1]
    return Figure(stated.quantity, stated.qualifier, approximate=stated.approximate)


def _series(assessment: SystemAssessment, result: Assessment) -> list[_Point]:
    """The yearly values a panel shows: those the assessment used.

    A growth target shows yearly growth in percent (computed from levels where
    the assessment used levels); the other kinds show their own series (the
    share, the ratio, the running sum, the level).  A level or count target
    without a series falls back to the metric's observations as stated.
    """
    points = [_Point(p.year, p.figure) for p in result.series]
    kind = result.target.kind
    if kind is TargetKind.GROWTH:
        return _growth_points(points)
    stated = result.target.figure
    if kind is TargetKind.CAP and stated is not None and stated.change is not None:
        return _growth_points(points)
    if points or kind not in (TargetKind.LEVEL, TargetKind.COUNT):
        return points
    return _observed(assessment, result)


def _growth_points(points: list[_Point]) -> list[_Point]:
    """Yearly growth in percent: as given, or from consecutive levels.

    Levels a few years apart (2021 and 2023) give the average growth of
    those years, drawn in each of them as an estimate (a hollow marker): the
    yearly rates are not known, their average is.
    """
    if all(is_percent(p.figure.quantity) for p in points):
        return points
    growth: list[_Point] = []
    for before, after in itertools.pairwise(points):
        x0 = Decimal(before.figure.quantity.magnitude)
        x1 = Decimal(after.figure.quantity.magnitude)
        span = after.year - before.year
        if x0 <= 0 or x1 <= 0 or span < 1:
            continue
        if span == 1:
            rate = (x1 / x0 - 1) * 100
        else:
            rate = ((x1 / x0) ** (Decimal(1) / span) - 1) * 100
        shown = Figure(ureg.Quantity(rate, ureg.percent), approximate=span > 1)
        growth.extend(
            _Point(year, shown) for year in range(before.year + 1, after.year + 1)
        )
    return growth


def _observed(assessment: SystemAssessment, result: Assessment) -> list[_Point]:
    """The observations of the target's metric, in the target's unit, by year.

    The assessment's own baseline and latest points are used as they are (with
    the exchange rates it chose); other years are converted at each year's
    average rate, and left out if no rate is known.  Of several observations
    in a year the last dated one counts, as in the assessment: annual ones
    only, an estimate only where no figure supersedes it.
    """
    target = result.target
    assert target.figure is not None
    unit = target.figure.quantity.units
    by_year: dict[int, Observation] = {}
    for observation in sorted(standing(result.owner.observations), key=_when):
        if observation.metric != target.metric or observation.period is not None:
            continue
        if assessment.as_of is not None and observation.year > assessment.as_of:
            continue
        by_year[observation.year] = observation
    known = {p.year: p.figure for p in (result.baseline, result.latest) if p}
    points = []
    for year, observation in sorted(by_year.items()):
        figure = known.get(year)
        if figure is None:
            try:
                figure, _ = _in_unit(observation.figure, unit, year, ConversionPolicy())
            except (RateError, CurrencyMismatchError):
                continue
        points.append(_Point(year, figure))
    return points


def _when(observation: Observation) -> tuple[int, str]:
    return observation.year, observation.date.isoformat() if observation.date else ""


def _needs_path(result: Assessment) -> bool:
    latest = result.latest
    return (
        latest is not None
        and latest.year < result.target.year
        and result.status is not Status.ACHIEVED
    )
