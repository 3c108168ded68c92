"""What an assessment gives: statuses, verdicts, points and the assessment.

:class:`Assessment` is the record of one target; :class:`Point` an observation
as the assessment used it (in the target's unit); :class:`Status` and
:class:`Verdict` with their Chinese names, as reports print them.  Records
write figures as exact strings (:func:`_figure_record`), here so that every
record of the wing writes them alike.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Any

import attrs

from industrial_plan._figures.figure import Figure
from industrial_plan._figures.qualifier import Qualifier
from industrial_plan._money.rates import Rate
from industrial_plan._money.units import (
    Quantity,
    base_magnitude,
    currency_of,
    in_base_units,
    unit_text,
    ureg,
)
from industrial_plan._plan.judgement import Judgement
from industrial_plan._plan.metrics import Direction
from industrial_plan._plan.owners import Owner, Regional, Tier
from industrial_plan._plan.targets import Observation, Target


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


@attrs.frozen
class Band:
    """The values a verdict calls "as projected", as the assessment applied them.

    Attributes:
        low: the lowest value as projected, in the target's unit (inclusive);
            ``None`` when open below (a cap).
        high: the highest (inclusive); ``None`` when open above.
        width: the half-width around the target in its unit, "about"
            included: percentage points for a target in percent.
        relative: the half-width as a share of the target, for a target not
            in percent; ``None`` for one in percent.
        one_sided: whether the band starts where a one-sided target ("at
            least") is met, or is a cap's: it lies on one side of the target.
    """

    low: Figure | None
    high: Figure | None
    width: Decimal
    relative: Decimal | None = None
    one_sided: bool = False

    @property
    def width_quantity(self) -> Quantity:
        """:attr:`width` as a quantity in the target's unit (that of its edges)."""
        edge = self.high if self.high is not None else self.low
        assert edge is not None, "a band has at least one edge"
        return ureg.Quantity(self.width, edge.quantity._units)


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

    @property
    def estimate(self) -> bool:
        """Whether the value is an estimate, or computed from one."""
        observation = self.observation
        if observation is not None and observation.estimate:
            return True
        return any(part.estimate for part in self.parts)


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

    Targets are annual, so figures for a part of a year are left out (a note
    names them); :attr:`latest_partial` keeps the latest of them for
    reports to show beside the result.  Points computed from an estimate say
    so (:attr:`Point.estimate`), and a note names the estimates used.
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
    latest_partial: Observation | None = None
    """The latest figure of the target's metric for a part of a year ("+6.2 %
    in Q1-Q3 2024"), left out of the assessment of this annual target; None
    when there is none."""
    band: Band | None = None
    """The band the verdict applied (:class:`~industrial_plan.VerdictBands`):
    for a target achieved or past its year, a one-year growth and a cap; None
    where the verdict follows the status on the way (on track, lagging)."""
    judgement: Judgement | None = None
    """For a qualitative aim: an office's judgement of it (the aim's own, or
    one stated on an observation of its metric for its year); its observed
    figures are :attr:`series`, the latest :attr:`actual`."""

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
            "target_statement": target.statement_in("en"),
            "unit": _unit(target.figure),
            "as_of": self.as_of,
            "latest_year": self.latest.year if self.latest else None,
            "latest": _figure_record(self.latest.figure if self.latest else None),
            "latest_qualifier": self.latest.figure.qualifier.value
            if self.latest
            else None,
            "latest_estimate": self.latest.estimate if self.latest else None,
            "baseline_year": self.baseline.year if self.baseline else None,
            "baseline": _figure_record(self.baseline.figure if self.baseline else None),
            "baseline_estimate": self.baseline.estimate if self.baseline else None,
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
            **_band_record(self.band),
            "judgement": self.judgement.outcome.value if self.judgement else None,
            "status": self.status.value,
            "rates": [str(rate) for rate in self.rates],
            "source": str(target.source) if target.source else None,
            "notes": list(self.notes),
            **_partial_record(self.latest_partial),
        }


BAND_FIELDS = ("band_low", "band_high", "band_width", "band_relative")
"""The fields of a record that give :attr:`Assessment.band`: its edges in the
record's unit, its half-width in the target's unit, and that half-width as a
share of the target (None for a target in percent)."""


def _band_record(band: Band | None) -> dict[str, Any]:
    if band is None:
        return dict.fromkeys(BAND_FIELDS)
    return {
        "band_low": _plain(base_magnitude(band.low.quantity)) if band.low else None,
        "band_high": _plain(base_magnitude(band.high.quantity)) if band.high else None,
        "band_width": _plain(base_magnitude(band.width_quantity)),
        "band_relative": None if band.relative is None else _plain(band.relative),
    }


def _partial_record(observation: Observation | None) -> dict[str, Any]:
    """The latest partial-year figure's fields of a record (all None without one)."""
    if observation is None:
        return dict.fromkeys(PARTIAL_FIELDS)
    figure = observation.figure
    assert observation.period is not None
    return {
        "partial_year": observation.year,
        "partial_period": observation.period.code,
        "partial_reports": observation.reports,
        "partial": _figure_record(figure),
        "partial_unit": _unit(figure),
        "partial_estimate": observation.estimate,
    }


PARTIAL_FIELDS = (
    "partial_year",
    "partial_period",
    "partial_reports",
    "partial",
    "partial_unit",
    "partial_estimate",
)
"""The fields of a record that give :attr:`Assessment.latest_partial`."""


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
    # A figure's bounds are its own value (Figure.lower, Figure.upper): the
    # value is converted once, not once per bound.
    qualifier = figure.qualifier
    value = _plain(base_magnitude(figure.quantity))
    below, above = qualifier.bounds_below, qualifier.bounds_above
    return {
        "value": value,
        "low": value if below else None,
        "high": value if above else None,
        "low_inclusive": (qualifier is not _MORE_THAN) if below else None,
        "high_inclusive": (qualifier is not _LESS_THAN) if above else None,
        "qualifier": qualifier.value,
        "approximate": figure.approximate,
    }


_MORE_THAN = Qualifier.MORE_THAN
_LESS_THAN = Qualifier.LESS_THAN
