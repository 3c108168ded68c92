"""Progress toward targets: metrics, status, and consistency of totals.

The method follows the CAGR-ratio assessment that Statistics Canada and the
Open SDG platform use for SDG monitoring (itself modelled on Eurostat's):
compare the growth observed since a baseline with the growth the target
requires.  See the docs' methodology page for formulas, edge cases and
sources.

Every derived metric is a :class:`~industrial_plan.Figure`, so that a metric
computed from a bounded observation ("exceeded 2 trillion yuan") is itself a
bound ("attainment of more than 66.67 %"), and an approximate input marks its
results approximate.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import math
import operator
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

import attrs
from pint.util import UnitsContainer

from industrial_plan._collector import without_cycle_collection
from industrial_plan._errors import CurrencyMismatchError
from industrial_plan._figures.figure import (
    Figure,
    IndeterminateComparisonError,
    UnboundedError,
    exact_figure,
    plain_figure,
)
from industrial_plan._figures.forms import Change, is_percent
from industrial_plan._figures.qualifier import Qualifier
from industrial_plan._money.rates import Rate, RateSource, annual_average, convert
from industrial_plan._money.units import (
    Quantity,
    currency_of,
    exact_arithmetic,
    in_base_units,
    quantity_of,
    tidy,
    to_decimal,
    unit_text,
    ureg,
)
from industrial_plan._plan.model import (
    Direction,
    IndicatorType,
    IndustrialSystem,
    Industry,
    Observation,
    Owner,
    PriceBasis,
    Regional,
    Target,
    TargetKind,
    Tier,
)


class Status(enum.Enum):
    """Where a target stands."""

    ACHIEVED = "target achieved"
    """The latest value meets the target (a bound counts only if it proves it)."""
    ON_TRACK = "on track"
    """Observed growth is at least 95 % of the growth required (R >= 0.95)."""
    ACCELERATION_NEEDED = "acceleration needed"
    """0.60 <= R < 0.95."""
    LIMITED_PROGRESS = "limited progress"
    """0 <= R < 0.60: moving the right way, far too slowly."""
    DETERIORATION = "deterioration"
    """R < 0: moving away from the target."""
    NOT_ACHIEVED = "target not achieved"
    """The target year has passed (as of the assessment) without the target met."""
    INSUFFICIENT_DATA = "insufficient data"
    """Fewer than two usable observations, or values the method cannot use."""
    NOT_QUANTIFIED = "not quantified"
    """A qualitative target ("significant progress"): no number is made up."""
    WITHIN_CAP = "within the cap"
    """A cap ("不超过3%") that the latest value keeps to."""
    CAP_EXCEEDED = "cap exceeded"
    """A cap that the latest value breaks."""

    @property
    def chinese(self) -> str:
        """The status in Chinese, as reports print it."""
        return _STATUS_CHINESE[self]


_STATUS_CHINESE = {
    Status.ACHIEVED: "目标已实现",
    Status.ON_TRACK: "进展顺利",
    Status.ACCELERATION_NEEDED: "需要加速",
    Status.LIMITED_PROGRESS: "进展有限",
    Status.DETERIORATION: "出现倒退",
    Status.NOT_ACHIEVED: "目标未实现",
    Status.INSUFFICIENT_DATA: "数据不足",
    Status.NOT_QUANTIFIED: "未量化",
    Status.WITHIN_CAP: "控制在上限内",
    Status.CAP_EXCEEDED: "超出上限",
}


class Verdict(enum.Enum):
    """How the actual value compares with the plan, as yearly plan reports say it."""

    AS_PROJECTED = "as projected"
    """Met, on track, or within the tolerance an "about" target allows."""
    HIGHER = "higher than projected"
    """Above the target (or its path) by more than the tolerance."""
    LOWER = "lower than projected"
    """Below the target (or its path) by more than the tolerance."""

    @property
    def chinese(self) -> str:
        """符合预期, 高于预期 or 低于预期."""
        return _VERDICT_CHINESE[self]


_VERDICT_CHINESE = {
    Verdict.AS_PROJECTED: "符合预期",
    Verdict.HIGHER: "高于预期",
    Verdict.LOWER: "低于预期",
}


_ORDER = {
    Status.DETERIORATION: 0,
    Status.LIMITED_PROGRESS: 1,
    Status.ACCELERATION_NEEDED: 2,
    Status.ON_TRACK: 3,
    Status.ACHIEVED: 4,
}


def status_rank(status: Status) -> int | None:
    """Order of the graded statuses, worst first; ``None`` for the others."""
    return _ORDER.get(status)


def _decimal(value: object) -> Decimal:
    return to_decimal(value, "threshold")


@attrs.frozen
class Thresholds:
    """The ratio thresholds between statuses (Open SDG / Statistics Canada defaults)."""

    on_track: Decimal = attrs.field(default=Decimal("0.95"), converter=_decimal)
    acceleration: Decimal = attrs.field(default=Decimal("0.60"), converter=_decimal)
    limited: Decimal = attrs.field(default=Decimal(0), converter=_decimal)
    about_points: Decimal = attrs.field(default=Decimal("0.5"), converter=_decimal)
    """How far from an "about" target in percent a value may be and still be
    as projected, in percentage points ("up about 6.5 %": 6.0 % to 7.0 %)."""
    about_relative: Decimal = attrs.field(default=Decimal("0.05"), converter=_decimal)
    """The same for "about" targets in other units, as a share of the target."""

    def __attrs_post_init__(self) -> None:
        if not self.on_track > self.acceleration >= self.limited:
            raise ValueError(
                "thresholds must satisfy on_track > acceleration >= limited, got "
                f"{self.on_track}, {self.acceleration}, {self.limited}"
            )
        if self.about_points < 0 or self.about_relative < 0:
            raise ValueError(
                "tolerances must not be negative, got "
                f"{self.about_points}, {self.about_relative}"
            )

    def tolerance(self, goal: Figure) -> Decimal:
        """How far a value may lie from *goal* and be as projected, in its unit.

        Zero unless the goal is approximate ("about", 左右).
        """
        if not goal.approximate:
            return Decimal(0)
        if is_percent(goal.quantity):
            return self.about_points
        return abs(Decimal(goal.quantity.magnitude)) * self.about_relative

    def classify(self, ratio: Decimal) -> Status:
        """The status for a ratio R of observed to required growth."""
        if ratio >= self.on_track:
            return Status.ON_TRACK
        if ratio >= self.acceleration:
            return Status.ACCELERATION_NEEDED
        if ratio >= self.limited:
            return Status.LIMITED_PROGRESS
        return Status.DETERIORATION


@attrs.frozen
class ConversionPolicy:
    """How an observation in another currency is converted to the target's.

    Use :meth:`annual_average` (the default: that year's average rate),
    :meth:`fixed` (one constant rate) or :meth:`on_date` (the rate of a day).
    """

    kind: str = "annual average"
    rate: Rate | None = None
    day: dt.date | None = None
    source: RateSource | None = None

    @classmethod
    def annual_average(cls, source: RateSource | None = None) -> ConversionPolicy:
        """Each observation at the average rate of its own year."""
        return cls("annual average", source=source)

    @classmethod
    def fixed(cls, rate: Rate) -> ConversionPolicy:
        """Every observation at one constant rate, such as a plan's own."""
        return cls("fixed", rate=rate)

    @classmethod
    def on_date(
        cls, day: dt.date, source: RateSource | None = None
    ) -> ConversionPolicy:
        """Every observation at the rate of one day."""
        return cls("on date", day=day, source=source)

    def rate_for(self, base: str, quote: str, year: int) -> Rate:
        """The rate this policy uses for an observation of *year*."""
        if self.kind == "fixed":
            assert self.rate is not None
            return convert(ureg.Quantity(Decimal(1), base), quote, rate=self.rate).rate
        if self.kind == "on date":
            assert self.day is not None
            return convert(
                ureg.Quantity(Decimal(1), base), quote, on=self.day, source=self.source
            ).rate
        return annual_average(base, quote, year, self.source)


@attrs.frozen
class Point:
    """An observation as used in an assessment: in the target's unit.

    Attributes:
        year: the observation's year.
        figure: the observed figure, converted to the target's unit.
        observation: the observation as stated; ``None`` for a value computed
            from others (a share from its numerator and denominator).
        rate: the exchange rate used, if the currency differed.
        parts: the observations a computed value comes from.
    """

    year: int
    figure: Figure
    observation: Observation | None
    rate: Rate | None = None
    parts: tuple[Observation, ...] = ()


@attrs.frozen
class Assessment:
    """How far one target is from being met, and whether it is on track.

    Amounts (gap, projection, shortfall) are in the target's unit, and the
    linear change needed is that unit per year; ratios (attainment, growth
    rates, R) are plain numbers (0.614 is 61.4 %).  A metric is ``None`` where it
    cannot be computed; :attr:`notes` say why.

    Each kind of target fills the fields its method defines (see the
    methodology page): :attr:`actual` is what is compared with the target (the
    latest level, share or ratio; the observed average growth; the sum so far
    of a cumulative total); :attr:`target_level` the level an increment or a
    reduction implies; :attr:`headroom_used` how much of a cap the actual
    value uses; :attr:`series` the indicator's yearly values as assessed;
    :attr:`verdict` the comparison a yearly plan report prints.  For growth
    targets :attr:`observed_cagr` is the observed average annual growth and
    :attr:`required_cagr` the growth still needed each remaining year; for a
    cumulative total :attr:`linear_change_needed` is the amount needed each
    remaining year.
    """

    owner: Owner
    tier: Tier | None
    target: Target
    direction: Direction
    status: Status
    as_of: int | None = None
    latest: Point | None = None
    baseline: Point | None = None
    attainment: Figure | None = None
    gap: Figure | None = None
    required_cagr: Figure | None = None
    linear_change_needed: Figure | None = None
    observed_cagr: Figure | None = None
    projected: Figure | None = None
    expected_shortfall: Figure | None = None
    ratio: Figure | None = None
    notes: tuple[str, ...] = ()
    actual: Figure | None = None
    target_level: Figure | None = None
    headroom_used: Figure | None = None
    verdict: Verdict | None = None
    series: tuple[Point, ...] = ()

    @property
    def owner_kind(self) -> str:
        """``"tier"``, ``"industry"`` or ``"region"``."""
        if isinstance(self.owner, Regional):
            return "region"
        return "tier" if isinstance(self.owner, Tier) else "industry"

    @property
    def rates(self) -> tuple[Rate, ...]:
        """Exchange rates used to bring observations into the target's currency."""
        points = [p for p in (self.baseline, self.latest) if p is not None]
        return tuple(dict.fromkeys(p.rate for p in points if p.rate is not None))

    def record(self) -> dict[str, Any]:
        """The assessment as a plain dict: text and numbers as exact strings.

        Each metric is ``{"value", "low", "high", "low_inclusive",
        "high_inclusive", "approximate"}`` (``low``/``high`` ``None`` where
        unbounded), or ``None`` when not computed.
        """
        target = self.target
        return {
            "owner_id": self.owner.id,
            "owner_kind": self.owner_kind,
            "owner_name": str(self.owner.name),
            "tier_id": self.tier.id if self.tier is not None else None,
            "metric": target.metric,
            "kind": target.kind.value,
            "indicator_type": target.indicator_type.value
            if target.indicator_type
            else None,
            "price_basis": target.price_basis.value if target.price_basis else None,
            "direction": self.direction.value,
            "target_year": target.year,
            "target": _figure_record(target.figure),
            "target_statement": target.statement,
            "unit": _unit(target.figure),
            "as_of": self.as_of,
            "latest_year": self.latest.year if self.latest else None,
            "latest": _figure_record(self.latest.figure if self.latest else None),
            "latest_qualifier": self.latest.figure.qualifier.value
            if self.latest
            else None,
            "baseline_year": self.baseline.year if self.baseline else None,
            "baseline": _figure_record(self.baseline.figure if self.baseline else None),
            "attainment": _figure_record(self.attainment),
            "gap": _figure_record(self.gap),
            "required_cagr": _figure_record(self.required_cagr),
            "linear_change_needed": _figure_record(self.linear_change_needed),
            "observed_cagr": _figure_record(self.observed_cagr),
            "projected": _figure_record(self.projected),
            "expected_shortfall": _figure_record(self.expected_shortfall),
            "ratio": _figure_record(self.ratio),
            "actual": _figure_record(self.actual),
            "target_level": _figure_record(self.target_level),
            "headroom_used": _figure_record(self.headroom_used),
            "verdict": self.verdict.value if self.verdict else None,
            "status": self.status.value,
            "rates": [str(rate) for rate in self.rates],
            "source": str(target.source) if target.source else None,
            "notes": list(self.notes),
        }


def _unit(figure: Figure | None) -> str | None:
    if figure is None:
        return None
    # The unit the record's values are in: base units, scale words dropped.
    return currency_of(figure.quantity) or unit_text(in_base_units(figure.quantity))


def _plain(value: Decimal) -> str:
    return format(value, "f")


def _figure_record(figure: Figure | None) -> dict[str, Any] | None:
    if figure is None:
        return None
    lower, upper = figure.lower, figure.upper
    return {
        "value": _plain(_base(figure.quantity)),
        "low": _plain(_base(lower.value)) if lower else None,
        "high": _plain(_base(upper.value)) if upper else None,
        "low_inclusive": lower.inclusive if lower else None,
        "high_inclusive": upper.inclusive if upper else None,
        "qualifier": figure.qualifier.value,
        "approximate": figure.approximate,
    }


def _base(quantity: Quantity) -> Decimal:
    return tidy(in_base_units(quantity).magnitude)


# -- the assessment ---------------------------------------------------------------


def assess_target(
    system: IndustrialSystem,
    owner: Owner | str,
    target: Target,
    *,
    as_of: int | None = None,
    baseline_year: int | None = None,
    policy: ConversionPolicy | None = None,
    thresholds: Thresholds | None = None,
    tier: Tier | None = None,
) -> Assessment:
    """Assess one target of a tier, an industry or the region.

    Each kind of target has its method (the methodology page gives formulas
    and sources): levels and counts by the CAGR ratio on their observations;
    shares and ratios per head the same way on their own yearly series;
    increments and reductions as the level they imply; growth rates by the
    observed against the targeted growth; caps by the headroom used;
    cumulative totals by the sum so far.

    *as_of* ignores observations after that year; *baseline_year* picks the
    baseline (default: the first observation in or after the plan's
    ``start_year``; a missing year falls back to the next one observed).
    *tier* is the owner's tier when the caller knows it (else it is looked up).
    """
    owner = system.owner(owner) if isinstance(owner, str) else owner
    if tier is None and not isinstance(owner, Regional):
        tier = owner if isinstance(owner, Tier) else system.tier_of(owner)
    metric = system.metric(target.metric)
    direction = target.default_direction or metric.direction
    if target.figure is None:
        return Assessment(owner, tier, target, direction, Status.NOT_QUANTIFIED, as_of)
    context = _Context(
        system,
        owner,
        target,
        target.figure,
        direction,
        as_of,
        baseline_year,
        policy or ConversionPolicy(),
        thresholds or Thresholds(),
        [],
    )
    kind = target.kind
    if kind is _LEVEL or kind is _COUNT:  # identity: an enum hashes in Python
        return _level_assessment(context, tier)
    base = Assessment(owner, tier, target, direction, Status.NOT_QUANTIFIED, as_of)
    result = _METHODS[target.kind](context, base)
    return attrs.evolve(
        result,
        verdict=result.verdict or _verdict(context, result),
        notes=tuple(context.notes),
    )


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
    get = found.get
    actual = get("actual")
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
        _verdict_of(context, status, context.direction, actual),
        get("series", ()),
    )


"""Assessment's fields in the order :func:`_level_assessment` gives them."""


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
        ratio = found.get("ratio")
        status = _status(
            calc, latest, ratio, remaining, usable_baseline, context.thresholds
        )
        return status, found
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


def _level_of(figure: Figure) -> Figure:
    """The figure as a plain level: its number, unit, qualifier and source."""
    if figure.is_plain:
        return figure
    return Figure(
        figure.quantity, figure.qualifier, figure.source, approximate=figure.approximate
    )


def _in_points(figure: Figure | None) -> Figure | None:
    if figure is None:
        return None
    quantity = ureg.Quantity(figure.quantity.magnitude, ureg.percentage_point)
    return attrs.evolve(figure, quantity=quantity)


def _yearly(
    owners: Sequence[Owner], metric: str, as_of: int | None, reports: str
) -> dict[int, Observation]:
    """Each year's observation of *metric* reporting *reports*, first owner first."""
    found: dict[int, Observation] = {}
    for owner in reversed(owners):
        chosen = [
            o
            for o in owner.observations
            if o.metric == metric and (as_of is None or o.year <= as_of)
        ]
        for observation in sorted(chosen, key=_time_key(chosen)):
            if observation.reports == reports:
                found[observation.year] = observation  # a year's latest date wins
    return found


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
    else:
        numerator, rate = _in_unit(numerator, unit, year, context.policy)
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
    value_unit = unit if not money_share else ureg.percent
    if not money_share:
        # numerator is already in the target's unit; keep that unit.
        pass
    figure = _apply(
        lambda x, y: x / y * scale if y > 0 else None,
        [(numerator, 1), (denominator, -1)],
        value_unit,
    )
    if figure is None:
        return None
    if not money_share:
        figure = attrs.evolve(
            figure, quantity=ureg.Quantity(figure.quantity.magnitude, unit)
        )
    return Point(year, figure, None, rate, (top, bottom))


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


# -- growth rates -------------------------------------------------------------


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
    verdict = _compare(figure, _level_of(context.goal), Direction.HIGHER, context)
    if verdict is None:
        context.notes.append("the reported bound does not decide the verdict")
        return attrs.evolve(result, status=Status.INSUFFICIENT_DATA)
    status = Status.NOT_ACHIEVED if verdict is Verdict.LOWER else Status.ACHIEVED
    return attrs.evolve(result, status=status, verdict=verdict)


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


# -- caps ------------------------------------------------------------------------


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
    verdict = _compare(actual, goal, Direction.LOWER, context)
    if verdict is None:
        context.notes.append("the reported bound does not decide whether the cap holds")
        return attrs.evolve(result, status=Status.INSUFFICIENT_DATA)
    exceeded = verdict is Verdict.LOWER  # worse than the cap, for lower-is-better
    status = Status.CAP_EXCEEDED if exceeded else Status.WITHIN_CAP
    shown = {Verdict.LOWER: Verdict.HIGHER, Verdict.HIGHER: Verdict.LOWER}.get(
        verdict, verdict
    )
    return attrs.evolve(result, status=status, verdict=shown)


# -- cumulative totals -----------------------------------------------------------


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
    for point in points:
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
        running.append(Point(point.year, total, point.observation, point.rate))
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


_Method = Callable[[_Context, Assessment], Assessment]
_METHODS: dict[TargetKind, _Method] = {
    # Levels and counts: _level_assessment.
    TargetKind.SHARE: _share_method,
    TargetKind.RATIO: _ratio_method,
    TargetKind.GROWTH: _growth_method,
    TargetKind.INCREMENT: _implied_level_method,
    TargetKind.REDUCTION: _implied_level_method,
    TargetKind.CAP: _cap_method,
    TargetKind.CUMULATIVE: _cumulative_method,
}


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
        rate = policy.rate_for(have, wanted, year)
        quantity = convert(quantity, wanted, rate=rate).quantity
    try:
        converted = ureg.Quantity(quantity.to(unit).magnitude, unit)
    except Exception:  # pint raises several kinds for incompatible units
        raise CurrencyMismatchError(
            str(figure.quantity.units), str(unit), "an assessment"
        ) from None
    return attrs.evolve(figure, quantity=converted), rate


# -- the formulas, on numbers ------------------------------------------------------
# Shared by the bounded path (_Calculation, through _apply) and the path for
# point values (_point_metrics), so that both compute the same numbers.


def _attained(t: Decimal, x: Decimal, higher: bool) -> Decimal | None:
    if higher:
        return x / t
    return t / x if x > 0 else None


def _short_of(t: Decimal, x: Decimal, sign: int) -> Decimal:
    return max(Decimal(0), sign * (t - x))


def _per_year(t: Decimal, x: Decimal, years: int) -> Decimal:
    return (t - x) / years


def _projection(x0: Decimal, xt: Decimal, span: int, remaining: int) -> Decimal | None:
    return _compounded(xt, _cagr(x0, xt, span), remaining)


def _compounded(xt: Decimal, growth: Decimal | None, years: int) -> Decimal | None:
    return None if growth is None else xt * (1 + growth) ** years


def _r(
    x0: Decimal, xt: Decimal, span: int, sign: int, required: Decimal
) -> Decimal | None:
    return _r_of(_cagr(x0, xt, span), sign, required)


def _r_of(observed: Decimal | None, sign: int, required: Decimal) -> Decimal | None:
    return None if observed is None else sign * observed / abs(required)


def _same_units(have: Any, wanted: Any) -> bool:
    """``have == wanted`` for a units container, on the dicts inside.

    pint's ``__eq__`` hashes both containers first, in Python; equal dicts
    have equal hashes, so comparing the dicts gives the same answer.
    """
    if type(have) is UnitsContainer and isinstance(wanted, UnitsContainer):
        return bool(have._d == wanted._d)
    return bool(have == wanted)


# -- the formulas, on bounded figures ---------------------------------------------

Formula = Callable[..., Decimal | None]


@attrs.define
class _Calculation:
    target: Figure
    year: int
    direction: Direction
    notes: list[str]
    t: Decimal = attrs.field(init=False)
    unit: Any = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        self.t = Decimal(self.target.quantity.magnitude)
        self.unit = self.target.quantity._units

    def achieved(self, latest: Figure) -> bool:
        """True only when every value the statement allows meets the target."""
        if latest.qualifier is Qualifier.EXACT and _same_units(
            latest.quantity._units, self.unit
        ):
            # A point value in the target's unit: the magnitudes decide.
            x = latest.quantity.magnitude
            return bool(
                x >= self.t if self.direction is Direction.HIGHER else x <= self.t
            )
        threshold = plain_figure(self.target.quantity, Qualifier.EXACT, False)
        try:
            if self.direction is Direction.HIGHER:
                return bool(latest >= threshold)
            return bool(latest <= threshold)
        except IndeterminateComparisonError:
            return False

    def attainment(self, latest: Figure) -> Figure | None:
        d = self.direction
        if self.t <= 0:
            self.notes.append("attainment is not defined for a target of zero or less")
            return None

        higher = d is Direction.HIGHER
        return _apply(
            lambda x: _attained(self.t, x, higher), [(latest, 1 if higher else -1)], ""
        )

    def gap(self, value: Figure) -> Figure | None:
        d = self.direction.sign
        gap = _apply(lambda x: _short_of(self.t, x, d), [(value, -d)], self.unit)
        if gap is None or gap.quantity.magnitude != 0:
            return gap
        # Clipped at zero, the bound is no longer strict: "more than 0" would
        # exclude the values that meet the target; "less than 0" would be none.
        if gap.upper is not None:
            return Figure(gap.quantity, approximate=gap.approximate)
        return attrs.evolve(gap, qualifier=Qualifier.AT_LEAST)

    def required_cagr(self, latest: Figure, years: int) -> Figure | None:
        if self.t <= 0 or latest.quantity.magnitude <= 0:
            self.notes.append("growth rates need positive values")
            return None
        return _apply(lambda x: _cagr(x, self.t, years), [(latest, -1)], "")

    def linear_change(self, latest: Figure, years: int) -> Figure | None:
        # In the target's unit, per year (a unit "CNY / year" would only make
        # every reader divide it out again).
        return _apply(lambda x: _per_year(self.t, x, years), [(latest, -1)], self.unit)

    def observed_cagr(
        self, baseline: Figure, latest: Figure, years: int
    ) -> Figure | None:
        if baseline.quantity.magnitude <= 0 or latest.quantity.magnitude <= 0:
            self.notes.append(
                "observed growth needs positive baseline and latest values"
            )
            return None
        return _apply(
            lambda x0, xt: _cagr(x0, xt, years), [(baseline, -1), (latest, 1)], ""
        )

    def projected(
        self, baseline: Point, latest: Point, remaining: int
    ) -> Figure | None:
        span = latest.year - baseline.year
        return _apply(
            lambda x0, xt: _projection(x0, xt, span, remaining),
            [(baseline.figure, -1), (latest.figure, 1)],
            self.unit,
        )

    def ratio(self, baseline: Point, latest: Point) -> Figure | None:
        """R = d * observed CAGR / |required CAGR from the baseline|."""
        x0 = baseline.figure
        if x0.quantity.magnitude <= 0 or latest.figure.quantity.magnitude <= 0:
            return None
        required = _cagr(
            Decimal(x0.quantity.magnitude), self.t, self.year - baseline.year
        )
        if required is None or required == 0:
            self.notes.append("the target requires no growth from the baseline")
            return None
        d = self.direction.sign
        span = latest.year - baseline.year
        start = Decimal(x0.quantity.magnitude)
        result = _apply(
            lambda xt: _r(start, xt, span, d, required), [(latest.figure, d)], ""
        )
        if result is not None and x0.is_bound:
            # R is not monotone in the baseline (it divides by a rate that
            # also depends on it), so a bounded baseline leaves R unbounded.
            self.notes.append("the baseline is a bound; R uses its stated value")
            result = Figure(result.quantity, Qualifier.ABOUT)
        return result


@functools.lru_cache(maxsize=4096)
def _cagr(start: Decimal, end: Decimal, years: int) -> Decimal | None:
    """(end / start) ** (1 / years) - 1, for positive values.

    Cached: a target's observed growth serves its projection and its ratio too.
    """
    if start <= 0 or end <= 0 or years <= 0:
        return None
    try:
        return _root(end / start, years) - 1
    except (InvalidOperation, ArithmeticError, ValueError):
        return None


RATE_DIGITS = 12
"""Significant digits of computed growth rates (see :func:`_root`)."""


def _root(value: Decimal, years: int) -> Decimal:
    """value ** (1 / years) for a positive value, to :data:`RATE_DIGITS` digits.

    Growth rates are irrational in general, and a Decimal fractional power
    costs about 20 µs; in double precision it costs under 1 µs.  log1p and
    expm1 keep a small rate's relative precision (1.0000001 ** 0.2 - 1 has
    all its digits), and the result, rounded to 12 significant digits, is
    tested against 50-digit Decimal arithmetic.  Levels, gaps and attainment
    stay exact; only rates are computed this way.
    """
    if value <= 0 or years <= 0:
        raise ValueError(value)
    growth = math.expm1(math.log1p(float(value - 1)) / years)
    if not math.isfinite(growth):
        raise ValueError(value)
    return 1 + Decimal(f"{growth:.{RATE_DIGITS}g}")


@functools.lru_cache(maxsize=64)
def _parsed_unit(text: str) -> Any:
    return ureg.Unit(text)


def _unit_of(unit: Any) -> Any:
    """A unit given as text parsed once: pint parses a string every time."""
    return _parsed_unit(unit) if isinstance(unit, str) else unit


def _apply(
    formula: Formula, inputs: Sequence[tuple[Figure, int]], unit: Any
) -> Figure | None:
    """Evaluate a formula monotone in each input, carrying the inputs' bounds.

    *inputs* pairs each figure with +1 if the formula increases with it, -1 if
    it decreases.  Each figure is one-sided or a point, and its stated value
    is its bound, so the formula at the stated values is the bound of the
    result; which sides exist follows from the monotonicity.
    """
    values = [Decimal(figure.quantity.magnitude) for figure, _ in inputs]
    stated = formula(*values)
    if stated is None:
        return None
    for figure, _ in inputs:
        if figure.qualifier is not _EXACT or figure.approximate:
            break
    else:
        # Point values only (the usual case): the result is one too.
        return plain_figure(quantity_of(stated, _unit_of(unit)), _EXACT, False)
    # Which ends the result has: an input bounded on the side the formula
    # moves with it (its lower end where it increases the result).
    has_lower = has_upper = lower_inclusive = upper_inclusive = True
    approximate = False
    for figure, sign in inputs:
        below, below_incl, above, above_incl = _SIDES[figure.qualifier]
        if sign < 0:
            below, below_incl, above, above_incl = above, above_incl, below, below_incl
        has_lower = has_lower and below
        lower_inclusive = lower_inclusive and below_incl
        has_upper = has_upper and above
        upper_inclusive = upper_inclusive and above_incl
        approximate = approximate or figure.approximate
    if has_lower and has_upper:
        qualifier = Qualifier.ABOUT if approximate else Qualifier.EXACT
    elif has_lower:
        qualifier = Qualifier.AT_LEAST if lower_inclusive else Qualifier.MORE_THAN
    elif has_upper:
        qualifier = Qualifier.AT_MOST if upper_inclusive else Qualifier.LESS_THAN
    else:
        return None
    return plain_figure(quantity_of(stated, _unit_of(unit)), qualifier, approximate)


_EXACT = Qualifier.EXACT
_BOTH_SIDES = (True, True, True, True)

# For each qualifier: (bounded below, inclusive below, bounded above, inclusive above).
_SIDES = {
    q: (
        q.bounds_below,
        q is not Qualifier.MORE_THAN,
        q.bounds_above,
        q is not Qualifier.LESS_THAN,
    )
    for q in Qualifier
}


# -- the whole system ---------------------------------------------------------------


@attrs.frozen
class Mismatch:
    """A tier total that disagrees with the sum of its industries (or misses parts).

    Attributes:
        tier: the tier.
        metric: the metric compared.
        year: the year compared.
        stated: the tier's own figure.
        sum_of_parts: the sum of the industries' figures (``None`` if it has
            no bound, as when lower and upper bounds are added).
        difference: stated minus sum (stated values), in the tier's unit.
        missing: ids of industries with no figure for that year.
    """

    tier: Tier
    metric: str
    year: int
    stated: Figure
    sum_of_parts: Figure | None
    difference: Quantity | None
    missing: tuple[str, ...] = ()

    def record(self) -> dict[str, Any]:
        """The mismatch as a plain dict."""
        return {
            "tier_id": self.tier.id,
            "metric": self.metric,
            "year": self.year,
            "stated": _figure_record(self.stated),
            "sum_of_parts": _figure_record(self.sum_of_parts),
            "difference": _plain(self.difference.magnitude)
            if self.difference is not None
            else None,
            "missing": list(self.missing),
        }


def sum_of_parts(
    industries: Iterable[Industry],
    metric: str,
    year: int,
    unit: Any,
    policy: ConversionPolicy | None = None,
) -> tuple[Figure | None, tuple[str, ...]]:
    """The sum of the industries' figures for one metric and year, and who is missing.

    Bounds add as bounds: a sum of lower bounds is a lower bound; a lower
    plus an upper bound has no bound (``None``).  Missing industries are
    returned, never counted as zero.
    """
    chosen = policy or ConversionPolicy()
    total = _Total()
    missing: list[str] = []
    wanted = getattr(unit, "_units", unit)
    for industry in industries:
        found = [
            o
            for o in industry.observations
            if o.metric == metric and o.year == year and o.reports == "level"
        ]
        if not found:
            missing.append(industry.id)
            continue
        figure = found[-1].figure
        if not (figure.is_plain and _same_units(figure.quantity._units, wanted)):
            figure, _ = _in_unit(_level_of(figure), unit, year, chosen)
        if not total.add(figure):
            return None, tuple(missing)
    return total.figure(), tuple(missing)


class _Total:
    """Figures added up one by one, as ``+`` adds them, without a figure per step.

    ``+`` converts both bounds and builds a checked figure at each step (about
    40 µs, as much as assessing a target); for plain figures in one unit the
    sum depends only on the magnitudes, and which bounds it keeps only on the
    qualifiers, so both are carried as plain values and one figure is built at
    the end, equal to what repeated ``+`` gives (a property test checks it).
    Anything else (a form, another unit) is added with ``+`` itself.
    """

    __slots__ = (
        "_approximate",
        "_context",
        "_count",
        "_first",
        "_magnitude",
        "_plain",
        "_sides",
        "_units",
    )

    def __init__(self) -> None:
        self._first: Figure | None = None
        self._plain = False
        self._count = 0
        self._magnitude = Decimal(0)
        self._units: Any = None
        # Bounded below, inclusive below, bounded above, inclusive above.
        self._sides = (True, True, True, True)
        self._approximate = False
        # exact_arithmetic()'s context, made once: entering it at each step
        # would cost more than the addition.
        with exact_arithmetic() as context:
            self._context = context

    def add(self, figure: Figure) -> bool:
        """Add *figure*; False when the sum is left bounded on neither side."""
        if self._first is None:
            self._start(figure)
            return True
        if not (
            self._plain
            and figure.is_plain
            and _same_units(figure.quantity._units, self._units)
        ):
            so_far = self.figure()
            assert so_far is not None
            try:
                total = so_far + figure
            except UnboundedError:
                return False
            self._start(total)  # returned as it is, if nothing more is added
            return True
        below, below_incl, above, above_incl = self._sides
        qualifier = figure.qualifier
        # A point bounds both sides, inclusive (no enum hash, computed in Python).
        f_below, f_below_incl, f_above, f_above_incl = (
            _BOTH_SIDES if qualifier is _EXACT else _SIDES[qualifier]
        )
        below = below and f_below
        above = above and f_above
        if not below and not above:
            return False
        # A prefix sum that would round raises here, as it does in ``+``.
        self._magnitude = self._context.add(self._magnitude, figure.quantity.magnitude)
        self._sides = (
            below,
            below_incl and f_below_incl,
            above,
            above_incl and f_above_incl,
        )
        self._approximate = self._approximate or figure.approximate
        self._count += 1
        return True

    def _start(self, figure: Figure) -> None:
        self._first = figure
        self._plain = figure.is_plain
        self._count = 1
        self._magnitude = figure.quantity.magnitude
        self._units = figure.quantity._units
        self._sides = _SIDES[figure.qualifier]
        self._approximate = figure.approximate

    def figure(self) -> Figure | None:
        """The sum so far: the only figure itself, or a new plain figure."""
        if self._count <= 1:
            return self._first
        below, below_incl, above, above_incl = self._sides
        approximate = self._approximate
        if below and above:
            qualifier = Qualifier.ABOUT if approximate else Qualifier.EXACT
        elif below:
            qualifier = Qualifier.AT_LEAST if below_incl else Qualifier.MORE_THAN
        else:
            qualifier = Qualifier.AT_MOST if above_incl else Qualifier.LESS_THAN
        quantity = quantity_of(tidy(self._magnitude), self._units)
        return plain_figure(quantity, qualifier, approximate)


def check_consistency(
    system: IndustrialSystem,
    *,
    rtol: Decimal | str = Decimal("0.01"),
    atol: Decimal | str = Decimal(0),
    policy: ConversionPolicy | None = None,
) -> list[Mismatch]:
    """Compare each tier's own totals with the sum of its industries.

    As pyam's ``check_aggregate``: a stated total and a sum agree when they
    differ by at most ``atol + rtol * |stated|`` (``atol`` in the tier
    figure's base unit, e.g. yuan).  Bounds are honoured: the sum and the
    stated total agree when some value both allow lies within the tolerance.
    Industries without a figure for the year are reported as missing.
    """
    relative, absolute = to_decimal(rtol, "rtol"), to_decimal(atol, "atol")
    found: list[Mismatch] = []
    for tier in system.tiers:
        if not tier.industries:
            continue
        for observation in tier.observations:
            if observation.reports != "level":
                continue  # rates and shares do not add up over industries
            stated = observation.figure
            unit = stated.quantity.units
            parts, missing = sum_of_parts(
                tier.industries, observation.metric, observation.year, unit, policy
            )
            if parts is None and len(missing) == len(tier.industries):
                continue  # no industry reports this metric: nothing to compare
            difference = None
            agree = False
            if parts is not None:
                difference = stated.quantity - parts.quantity
                agree = _overlap(stated, parts, absolute, relative)
            if missing or not agree:
                found.append(
                    Mismatch(
                        tier,
                        observation.metric,
                        observation.year,
                        stated,
                        parts,
                        difference,
                        missing,
                    )
                )
    return found


def _overlap(a: Figure, b: Figure, absolute: Decimal, relative: Decimal) -> bool:
    unit = a.quantity.units
    scale = Decimal(ureg.Quantity(Decimal(1), unit).to_root_units().magnitude)
    slack = absolute / scale + relative * abs(Decimal(a.quantity.magnitude))

    def in_unit(value: Quantity) -> Decimal:
        if _same_units(value._units, unit._units):
            return Decimal(value.magnitude)  # what .to() gives: no conversion
        return Decimal(value.to(unit).magnitude)

    def ends(figure: Figure) -> tuple[Decimal | None, Decimal | None]:
        low = figure.lower
        high = figure.upper
        return (
            in_unit(low.value) if low else None,
            in_unit(high.value) if high else None,
        )

    a_low, a_high = ends(a)
    b_low, b_high = ends(b)
    # Intervals [a_low, a_high] and [b_low, b_high], widened by the slack,
    # overlap unless one lies wholly above the other.
    if a_low is not None and b_high is not None and a_low - slack > b_high:
        return False
    return not (b_low is not None and a_high is not None and b_low > a_high + slack)


@attrs.frozen
class SystemAssessment:
    """Every target of a system assessed, with the consistency of its totals."""

    system: IndustrialSystem
    results: tuple[Assessment, ...]
    mismatches: tuple[Mismatch, ...]
    as_of: int | None = None

    def __iter__(self) -> Iterator[Assessment]:
        return iter(self.results)

    def __len__(self) -> int:
        return len(self.results)

    def records(self) -> list[dict[str, Any]]:
        """One plain dict per target, ready for JSON or a DataFrame."""
        return [result.record() for result in self.results]

    def by_status(self) -> dict[Status, list[Assessment]]:
        """The assessments grouped by status."""
        groups: dict[Status, list[Assessment]] = {}
        for result in self.results:
            groups.setdefault(result.status, []).append(result)
        return groups

    def review(self) -> Review:
        """The plan summed up as a mid-term review does it: see :class:`Review`."""
        return Review(self.results)


class Standing(enum.Enum):
    """The groups a mid-term review counts targets in."""

    MET = "already met"
    """Achieved, or within its cap."""
    WELL = "progressing well"
    """On track."""
    LAGGING = "lagging"
    """Behind its path, moving away, past its year unmet, or over its cap."""
    NO_DATA = "insufficient data"
    """Not enough observations to say."""
    NOT_QUANTIFIED = "not quantified"
    """A qualitative aim: listed with its statement, not graded."""

    @property
    def chinese(self) -> str:
        """The group's name in Chinese."""
        return _STANDING_CHINESE[self]

    @classmethod
    def of(cls, status: Status) -> Standing:
        """The group a status falls in."""
        return _STANDINGS[status]


_STANDING_CHINESE = {
    Standing.MET: "已完成",
    Standing.WELL: "进展顺利",
    Standing.LAGGING: "滞后",
    Standing.NO_DATA: "数据不足",
    Standing.NOT_QUANTIFIED: "定性目标",
}
_STANDINGS = {
    Status.ACHIEVED: Standing.MET,
    Status.WITHIN_CAP: Standing.MET,
    Status.ON_TRACK: Standing.WELL,
    Status.ACCELERATION_NEEDED: Standing.LAGGING,
    Status.LIMITED_PROGRESS: Standing.LAGGING,
    Status.DETERIORATION: Standing.LAGGING,
    Status.NOT_ACHIEVED: Standing.LAGGING,
    Status.CAP_EXCEEDED: Standing.LAGGING,
    Status.INSUFFICIENT_DATA: Standing.NO_DATA,
    Status.NOT_QUANTIFIED: Standing.NOT_QUANTIFIED,
}
# Worst first: what a planning office looks at before the rest.
_URGENCY = {
    Status.NOT_ACHIEVED: 0,
    Status.CAP_EXCEEDED: 1,
    Status.DETERIORATION: 2,
    Status.LIMITED_PROGRESS: 3,
    Status.ACCELERATION_NEEDED: 4,
}
_TYPE_ORDER = {IndicatorType.BINDING: 0, IndicatorType.ANTICIPATORY: 1, None: 2}


@attrs.frozen
class Review:
    """A plan summed up the way mid-term reviews of Chinese plans do.

    "Of 32 indicators, 14 already met, 17 progressing well, 1 lagging":
    :meth:`by_standing` counts the targets in those groups; :meth:`by_status`
    and :meth:`by_kind` count them by status and by kind; binding and
    anticipatory indicators are counted apart by :meth:`by_type`;
    :attr:`qualitative` lists the aims without a number, with their
    statements; :attr:`attention` lists the lagging targets worst first,
    binding ones first within each status.  Every count adds up to the
    number of targets.
    """

    results: tuple[Assessment, ...]

    def __len__(self) -> int:
        return len(self.results)

    def by_standing(self) -> dict[Standing, int]:
        """Targets per group, in the order of :class:`Standing` (empty ones too)."""
        counts = dict.fromkeys(Standing, 0)
        for result in self.results:
            counts[Standing.of(result.status)] += 1
        return counts

    def by_status(self) -> dict[Status, int]:
        """Targets per status, in the order of :class:`Status` (non-zero only)."""
        counts = dict.fromkeys(Status, 0)
        for result in self.results:
            counts[result.status] += 1
        return {status: n for status, n in counts.items() if n}

    def by_kind(self) -> dict[TargetKind, int]:
        """Targets per kind, in the order of :class:`TargetKind` (non-zero only)."""
        counts = dict.fromkeys(TargetKind, 0)
        for result in self.results:
            counts[result.target.kind] += 1
        return {kind: n for kind, n in counts.items() if n}

    def by_type(self) -> dict[IndicatorType | None, dict[Standing, int]]:
        """Groups counted apart for binding, anticipatory and untyped indicators."""
        table: dict[IndicatorType | None, dict[Standing, int]] = {}
        for kind in (*IndicatorType, None):
            members = [r for r in self.results if r.target.indicator_type is kind]
            if members:
                table[kind] = Review(tuple(members)).by_standing()
        return table

    @property
    def qualitative(self) -> tuple[Assessment, ...]:
        """The aims without a number, to list with their statements."""
        return tuple(r for r in self.results if r.target.figure is None)

    @property
    def attention(self) -> tuple[Assessment, ...]:
        """The lagging targets, worst status first, binding before anticipatory."""
        lagging = [r for r in self.results if r.status in _URGENCY]
        return tuple(
            sorted(
                lagging,
                key=lambda r: (
                    _URGENCY[r.status],
                    _TYPE_ORDER[r.target.indicator_type],
                ),
            )
        )

    def record(self) -> dict[str, Any]:
        """The review as plain data: counts by group, status, kind and type."""
        return {
            "targets": len(self.results),
            "by_standing": {s.value: n for s, n in self.by_standing().items()},
            "by_status": {s.value: n for s, n in self.by_status().items()},
            "by_kind": {k.value: n for k, n in self.by_kind().items()},
            "by_type": {
                (k.value if k else "unspecified"): {s.value: n for s, n in v.items()}
                for k, v in self.by_type().items()
            },
            "qualitative": [
                {
                    "owner_id": r.owner.id,
                    "metric": r.target.metric,
                    "statement": r.target.statement,
                }
                for r in self.qualitative
            ],
            "attention": [
                {
                    "owner_id": r.owner.id,
                    "metric": r.target.metric,
                    "year": r.target.year,
                    "status": r.status.value,
                    "indicator_type": r.target.indicator_type.value
                    if r.target.indicator_type
                    else None,
                }
                for r in self.attention
            ],
        }


def _owners_of(tier: Tier) -> tuple[Owner, ...]:
    return (tier, *tier.industries)


def assess(
    system: IndustrialSystem,
    *,
    as_of: int | None = None,
    baseline_year: int | None = None,
    policy: ConversionPolicy | None = None,
    thresholds: Thresholds | None = None,
    rtol: Decimal | str = Decimal("0.01"),
    atol: Decimal | str = Decimal(0),
) -> SystemAssessment:
    """Assess every target of every tier and industry, and check the totals.

    >>> from industrial_plan import examples
    >>> report = assess(examples.xiamen())
    >>> [(r.owner.id, r.status.value) for r in report]  # doctest: +NORMALIZE_WHITESPACE
    [('pillar_clusters', 'insufficient data'),
     ('strategic_emerging', 'insufficient data'),
     ('future', 'not quantified')]
    """
    owners: list[tuple[Owner, Tier | None]] = [(system.regional, None)]
    owners += [(owner, tier) for tier in system.tiers for owner in _owners_of(tier)]
    # One policy and one set of thresholds for every target.
    policy = policy or ConversionPolicy()
    thresholds = thresholds or Thresholds()
    with without_cycle_collection():
        results = tuple(
            assess_target(
                system,
                owner,
                target,
                as_of=as_of,
                baseline_year=baseline_year,
                policy=policy,
                thresholds=thresholds,
                tier=tier,
            )
            for owner, tier in owners
            for target in owner.targets
        )
        mismatches = tuple(
            check_consistency(system, rtol=rtol, atol=atol, policy=policy)
        )
        return SystemAssessment(system, results, mismatches, as_of)
