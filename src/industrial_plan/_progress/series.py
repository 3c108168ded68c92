"""The observations a target is measured on, in the target's unit.

Each year's observation of a metric (:func:`_yearly`), levels converted to the
target's unit and currency (:func:`_points`, :func:`_in_unit`), and the yearly
series of shares and ratios, as reported or computed from a numerator and a
denominator (:func:`_quotients`).
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

import attrs

from industrial_plan._errors import (
    CurrencyMismatchError,
    DateOutOfRangeError,
    RateError,
)
from industrial_plan._figures.figure import Figure
from industrial_plan._figures.forms import is_percent
from industrial_plan._money.rates import Rate, convert
from industrial_plan._money.units import currency_of, in_base_units, ureg
from industrial_plan._plan.owners import Owner
from industrial_plan._plan.targets import Observation, Target, standing

from .calculation import _apply, _same_units
from .context import _Context
from .policy import ConversionPolicy
from .results import Point


def _level_of(figure: Figure) -> Figure:
    """The figure as a plain level: its number, unit, qualifier and source."""
    if figure.is_plain:
        return figure
    return Figure(
        figure.quantity, figure.qualifier, figure.source, approximate=figure.approximate
    )


def _yearly(
    owners: Sequence[Owner], metric: str, as_of: int | None, reports: str
) -> dict[int, Observation]:
    """Each year's observation of *metric* reporting *reports*, first owner first.

    Annual figures only: one for a part of a year is left out (targets are
    annual; :func:`_partial_years` names them).  Of a year's figures the
    latest date wins, as listed when undated, except that an estimate never
    replaces a figure that is not one, and is replaced by one.
    """
    found: dict[int, Observation] = {}
    for owner in reversed(owners):
        chosen = [
            o
            for o in owner.observations
            if o.metric == metric
            and (as_of is None or o.year <= as_of)
            and o.period is None
        ]
        own: dict[int, Observation] = {}
        for observation in sorted(chosen, key=_time_key(chosen)):
            if observation.reports == reports:
                if observation.estimate:
                    held = own.get(observation.year)
                    if held is not None and not held.estimate:
                        continue  # the reported figure stands
                own[observation.year] = observation  # a year's latest date wins
        found.update(own)
    return found


def _partial_years(owner: Owner, metric: str, as_of: int | None) -> list[Observation]:
    """The figures of *metric* for a part of a year, those that stand
    (an estimate superseded left out), in time order: (year, last month,
    months covered), then as listed."""
    partial = [
        o
        for o in owner.observations
        if o.period is not None
        and o.metric == metric
        and (as_of is None or o.year <= as_of)
    ]
    if not partial:
        return partial
    return sorted(standing(partial), key=_in_year)


def _in_year(observation: Observation) -> tuple[int, int, int]:
    period = observation.period
    assert period is not None
    return observation.year, period.last, period.months


def _in_time(observation: Observation) -> tuple[int, int]:
    date = observation.date
    return observation.year, date.toordinal() if date is not None else 0


_BY_YEAR = operator.attrgetter("year")


def _time_key(observations: list[Observation]) -> Callable[[Observation], Any]:
    """:func:`_in_time`, or the year alone when no observation has a date.

    Without dates the two keys order alike (the sort is stable), and the
    year is read in C rather than by a Python function per observation.
    """
    for observation in observations:
        if observation.date is not None:
            return _in_time
    return _BY_YEAR


def _share_series(context: _Context) -> list[Point]:
    """Shares as reported, else numerator over denominator of the same year."""
    target = context.target
    points: dict[int, Point] = {}
    reported = _yearly((context.owner,), target.metric, context.as_of, "share")
    for year, observation in reported.items():
        figure = _level_of(observation.figure)
        if not is_percent(figure.quantity):
            continue
        points[year] = Point(year, figure, observation)
    if target.of is not None:
        for point in _quotients(context, target.of, Decimal(100), ureg.percent):
            points.setdefault(point.year, point)
    return [points[year] for year in sorted(points)]


def _ratio_series(context: _Context) -> list[Point]:
    """Ratios as reported (rescaled to the target's "per"), else computed."""
    target, goal = context.target, context.goal
    per = goal.per if goal.per is not None else Decimal(1)
    unit = goal.quantity._units
    points: dict[int, Point] = {}
    reported = _yearly((context.owner,), target.metric, context.as_of, "ratio")
    for year, observation in reported.items():
        figure = observation.figure
        assert figure.per is not None
        level, rate = _in_unit(_level_of(figure), unit, year, context.policy)
        points[year] = Point(year, level.scaled(per / figure.per), observation, rate)
    denominator = target.of or "population"
    for point in _quotients(context, denominator, per, unit):
        points.setdefault(point.year, point)
    return [points[year] for year in sorted(points)]


def _quotients(
    context: _Context, denominator: str, scale: Decimal, unit: Any
) -> list[Point]:
    """numerator / denominator * scale for each year both are observed.

    The numerator is converted to the denominator's currency first (both
    money: a share of GDP), or to *unit* (a count or money per head).  Price
    bases must agree where both are given; a year where they do not is left
    out with a note, never mixed silently.
    """
    target = context.target
    tops = _yearly((context.owner,), target.metric, context.as_of, "level")
    bottoms = _yearly(context.owners(), denominator, context.as_of, "level")
    points = []
    for year in sorted(set(tops) & set(bottoms)):
        top, bottom = tops[year], bottoms[year]
        if (
            top.price_basis
            and bottom.price_basis
            and top.price_basis != bottom.price_basis
        ):
            context.notes.append(
                f"{year} left out: {target.metric} is at {top.price_basis.value} "
                f"but {denominator} at {bottom.price_basis.value}"
            )
            continue
        try:
            point = _quotient(context, year, top, bottom, scale, unit)
        except CurrencyMismatchError as error:
            context.notes.append(f"{year} left out: {error}")
            continue
        if point is not None:
            points.append(point)
    return points


def _quotient(
    context: _Context,
    year: int,
    top: Observation,
    bottom: Observation,
    scale: Decimal,
    unit: Any,
) -> Point | None:
    numerator, denominator = _level_of(top.figure), _level_of(bottom.figure)
    rate = None
    money_share = currency_of(denominator.quantity) is not None
    if money_share:
        # A share of money: both in the denominator's currency, scale words out.
        wanted = currency_of(denominator.quantity)
        assert wanted is not None
        numerator, rate = _in_unit(numerator, ureg.Unit(wanted), year, context.policy)
        denominator = denominator.to(wanted)
    elif not is_percent(ureg.Quantity(Decimal(1), unit)):
        numerator, rate = _in_unit(numerator, unit, year, context.policy)
    # A share of a count (people, enterprises) divides counts as they are:
    # both in base units below, scale words (万) out.
    numerator = attrs.evolve(numerator, quantity=in_base_units(numerator.quantity))
    denominator = attrs.evolve(
        denominator, quantity=in_base_units(denominator.quantity)
    )
    if not money_share and not denominator.quantity.dimensionless:
        raise CurrencyMismatchError(
            str(denominator.quantity.units), "a count of people", "a ratio per head"
        )
    if denominator.quantity.magnitude <= 0:
        context.notes.append(f"{year} left out: the denominator is not positive")
        return None
    if (
        money_share
        and numerator.quantity.dimensionality != denominator.quantity.dimensionality
    ):
        raise CurrencyMismatchError(
            str(numerator.quantity.units), str(denominator.quantity.units), "a share"
        )
    # Both parts are in base units: a ratio's quotient is in the base of the
    # target's unit (yuan per head for a goal in 万元 per head), stated in the
    # target's own unit below, as its goal is.
    value_unit = ureg.percent if money_share else _base_unit(unit)
    figure = _apply(
        lambda x, y: x / y * scale if y > 0 else None,
        [(numerator, 1), (denominator, -1)],
        value_unit,
    )
    if figure is None:
        return None
    if not money_share and value_unit != getattr(unit, "_units", unit):
        figure = figure.to(unit)
    return Point(year, figure, None, rate, (top, bottom))


@functools.lru_cache(maxsize=256)
def _base_unit(unit: Any) -> Any:
    """The units container of *unit* in base units (scale words out)."""
    return in_base_units(ureg.Quantity(Decimal(1), unit))._units


def _points(
    owner: Owner,
    target: Target,
    as_of: int | None,
    policy: ConversionPolicy,
    notes: list[str],
    unit: Any,
) -> list[Point]:
    """The levels of the target's metric, each year in *unit*."""
    by_year = _yearly((owner,), target.metric, as_of, "level")
    points = []
    wanted = getattr(unit, "_units", unit)
    for year, observation in sorted(by_year.items()):
        figure = observation.figure
        if figure.is_plain and _same_units(figure.quantity._units, wanted):
            # A plain level in the unit already (the usual case): as it is.
            points.append(_observed(year, figure, observation))
            continue
        figure, rate = _in_unit(_level_of(figure), unit, year, policy)
        if rate is not None:
            notes.append(f"{year} converted at {rate}")
        points.append(Point(year, figure, observation, rate))
    return points


def _observed(year: int, figure: Figure, observation: Observation) -> Point:
    """``Point(year, figure, observation)``, built through the slots' setters."""
    point = _new(Point)
    _set_year(point, year)
    _set_figure(point, figure)
    _set_observation(point, observation)
    _set_rate(point, None)
    _set_parts(point, ())
    return point


_new = object.__new__
_set_year = Point.__dict__["year"].__set__
_set_figure = Point.__dict__["figure"].__set__
_set_observation = Point.__dict__["observation"].__set__
_set_rate = Point.__dict__["rate"].__set__
_set_parts = Point.__dict__["parts"].__set__


def _rate_advice(
    error: RateError, figure: Figure, have: str, wanted: str, year: int
) -> str:
    """What a user can do when *figure* of *year* has no rate to *wanted*."""
    pair = f'"{have}", "{wanted}"'
    ways = [f"a rate of your own: ConversionPolicy.fixed(Rate({pair}, value))"]
    if isinstance(error, DateOutOfRangeError):
        last = error.last
        ways.append(
            f"a day the rates cover: ConversionPolicy.on_date("
            f"datetime.date({last.year}, {last.month}, {last.day}))"
        )
    ways.append(f"a rate source that has {have} -> {wanted} for {year}")
    return (
        f"converting the {year} figure {figure.describe()} to {wanted}; give "
        + ", or ".join(ways)
    )


def _in_unit(
    figure: Figure, unit: Any, year: int, policy: ConversionPolicy
) -> tuple[Figure, Rate | None]:
    """The figure in *unit*, converting currency with *policy* if needed.

    *unit* is a pint unit or its units container (cheaper: pint builds a new
    unit object each time ``quantity.units`` is read).
    """
    if _same_units(figure.quantity._units, getattr(unit, "_units", unit)):
        return figure, None  # already in the unit: nothing to convert
    wanted = currency_of(ureg.Quantity(Decimal(1), unit))
    have = currency_of(figure.quantity)
    rate = None
    quantity = figure.quantity
    if wanted is not None and have is not None and wanted != have:
        try:
            rate = policy.rate_for(have, wanted, year)
        except RateError as error:
            # Said where it is known: which figure, which year, which currency.
            error.add_note(_rate_advice(error, figure, have, wanted, year))
            raise
        quantity = convert(quantity, wanted, rate=rate).quantity
    try:
        converted = ureg.Quantity(quantity.to(unit).magnitude, unit)
    except Exception:  # pint raises several kinds for incompatible units
        raise CurrencyMismatchError(
            str(figure.quantity.units), str(unit), "an assessment"
        ) from None
    return attrs.evolve(figure, quantity=converted), rate
