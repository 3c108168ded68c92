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
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

import attrs

from ._errors import CurrencyMismatchError
from ._figures import (
    Bound,
    Figure,
    IndeterminateComparisonError,
    Qualifier,
    UnboundedError,
)
from ._model import (
    Direction,
    IndustrialSystem,
    Industry,
    Observation,
    Owner,
    Regional,
    Target,
    Tier,
)
from ._rates import Rate, RateSource, annual_average, convert
from ._units import (
    Quantity,
    currency_of,
    in_base_units,
    tidy,
    to_decimal,
    unit_text,
    ureg,
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

    def __attrs_post_init__(self) -> None:
        if not self.on_track > self.acceleration >= self.limited:
            raise ValueError(
                "thresholds must satisfy on_track > acceleration >= limited, got "
                f"{self.on_track}, {self.acceleration}, {self.limited}"
            )

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
        observation: the observation as stated.
        rate: the exchange rate used, if the currency differed.
    """

    year: int
    figure: Figure
    observation: Observation
    rate: Rate | None = None


@attrs.frozen
class Assessment:
    """How far one target is from being met, and whether it is on track.

    Amounts (gap, projection, shortfall) are in the target's unit, and the
    linear change needed is that unit per year; ratios (attainment, growth
    rates, R) are plain numbers (0.614 is 61.4 %).  A metric is ``None`` where it
    cannot be computed; :attr:`notes` say why.
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

    def _repr_html_(self) -> str:
        """Jupyter's view: the report row of this target, and its notes."""
        from ._report import target_assessment_html  # _report imports this module

        return target_assessment_html(self)

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
    """Assess one target of a tier or industry.

    *as_of* ignores observations after that year; *baseline_year* picks the
    baseline (default: the first observation in or after the plan's
    ``start_year``; a missing year falls back to the next one observed).
    *tier* is the owner's tier when the caller knows it (else it is looked up).
    """
    owner = system.owner(owner) if isinstance(owner, str) else owner
    if tier is None and not isinstance(owner, Regional):
        tier = owner if isinstance(owner, Tier) else system.tier_of(owner)
    metric = system.metric(target.metric)
    direction = target.direction or metric.direction
    base = Assessment(owner, tier, target, direction, Status.NOT_QUANTIFIED, as_of)
    if target.figure is None:
        return base
    notes: list[str] = []
    points = _points(owner, target, as_of, policy or ConversionPolicy(), notes)
    if not points:
        notes.append("no observation of this metric")
        return attrs.evolve(base, status=Status.INSUFFICIENT_DATA, notes=tuple(notes))
    latest = points[-1]
    first_year = baseline_year if baseline_year is not None else system.start_year
    baseline = next((p for p in points if p.year >= first_year), None)
    if baseline is None:
        notes.append(f"no observation in or after the baseline year {first_year}")
    elif baseline_year is not None and baseline.year != baseline_year:
        notes.append(f"no observation for {baseline_year}; baseline is {baseline.year}")
    calc = _Calculation(target.figure, target.year, direction, notes)
    result = attrs.evolve(
        base,
        latest=latest,
        baseline=baseline,
        attainment=calc.attainment(latest.figure),
        gap=calc.gap(latest.figure),
    )
    remaining = target.year - latest.year
    if remaining > 0:
        result = attrs.evolve(
            result,
            required_cagr=calc.required_cagr(latest.figure, remaining),
            linear_change_needed=calc.linear_change(latest.figure, remaining),
        )
    else:
        notes.append(
            f"the latest observation ({latest.year}) is not before the target year"
        )
    usable_baseline = baseline is not None and baseline.year < latest.year
    if usable_baseline:
        assert baseline is not None
        observed = calc.observed_cagr(
            baseline.figure, latest.figure, latest.year - baseline.year
        )
        result = attrs.evolve(result, observed_cagr=observed)
        if observed is not None and remaining > 0:
            projected = calc.projected(baseline, latest, remaining)
            result = attrs.evolve(
                result,
                projected=projected,
                expected_shortfall=calc.gap(projected) if projected else None,
            )
        result = attrs.evolve(result, ratio=calc.ratio(baseline, latest))
    status = _status(
        calc, result, remaining, usable_baseline, thresholds or Thresholds()
    )
    return attrs.evolve(result, status=status, notes=tuple(notes))


def _status(
    calc: _Calculation,
    result: Assessment,
    remaining: int,
    usable_baseline: bool,
    thresholds: Thresholds,
) -> Status:
    assert result.latest is not None
    if calc.achieved(result.latest.figure):
        return Status.ACHIEVED
    if remaining <= 0:
        return Status.NOT_ACHIEVED
    if not usable_baseline:
        calc.notes.append("needs observations in two different years")
        return Status.INSUFFICIENT_DATA
    if result.ratio is None:
        return Status.INSUFFICIENT_DATA
    return thresholds.classify(result.ratio.quantity.magnitude)


def _points(
    owner: Owner,
    target: Target,
    as_of: int | None,
    policy: ConversionPolicy,
    notes: list[str],
) -> list[Point]:
    assert target.figure is not None
    unit = target.figure.quantity.units
    by_year: dict[int, Observation] = {}
    for observation in sorted(
        owner.observations, key=lambda o: (o.year, o.date or dt.date(o.year, 1, 1))
    ):
        if observation.metric != target.metric:
            continue
        if as_of is not None and observation.year > as_of:
            continue
        by_year[observation.year] = observation  # the latest date of a year wins
    points = []
    for year, observation in sorted(by_year.items()):
        figure, rate = _in_unit(observation.figure, unit, year, policy)
        if rate is not None:
            notes.append(f"{year} converted at {rate}")
        points.append(Point(year, figure, observation, rate))
    return points


def _in_unit(
    figure: Figure, unit: Any, year: int, policy: ConversionPolicy
) -> tuple[Figure, Rate | None]:
    """The figure in *unit*, converting currency with *policy* if needed."""
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


# -- the formulas, on bounded figures ---------------------------------------------

Formula = Callable[..., Decimal | None]


@attrs.define
class _Calculation:
    target: Figure
    year: int
    direction: Direction
    notes: list[str]

    @property
    def unit(self) -> Any:
        return self.target.quantity.units

    @property
    def t(self) -> Decimal:
        return Decimal(self.target.quantity.magnitude)

    def achieved(self, latest: Figure) -> bool:
        """True only when every value the statement allows meets the target."""
        threshold = Figure(self.target.quantity)
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

        def formula(x: Decimal) -> Decimal | None:
            if d is Direction.HIGHER:
                return x / self.t
            return self.t / x if x > 0 else None

        return _apply(formula, [(latest, 1 if d is Direction.HIGHER else -1)], "")

    def gap(self, value: Figure) -> Figure | None:
        d = self.direction.sign
        gap = _apply(
            lambda x: max(Decimal(0), d * (self.t - x)), [(value, -d)], self.unit
        )
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
        return _apply(lambda x: (self.t - x) / years, [(latest, -1)], self.unit)

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

        def formula(x0: Decimal, xt: Decimal) -> Decimal | None:
            growth = _cagr(x0, xt, span)
            return None if growth is None else xt * (1 + growth) ** remaining

        return _apply(formula, [(baseline.figure, -1), (latest.figure, 1)], self.unit)

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

        def formula(xt: Decimal) -> Decimal | None:
            observed = _cagr(Decimal(x0.quantity.magnitude), xt, span)
            return None if observed is None else d * observed / abs(required)

        result = _apply(formula, [(latest.figure, d)], "")
        if result is not None and x0.is_bound:
            # R is not monotone in the baseline (it divides by a rate that
            # also depends on it), so a bounded baseline leaves R unbounded.
            self.notes.append("the baseline is a bound; R uses its stated value")
            result = Figure(result.quantity, Qualifier.ABOUT)
        return result


def _cagr(start: Decimal, end: Decimal, years: int) -> Decimal | None:
    """(end / start) ** (1 / years) - 1, for positive values."""
    if start <= 0 or end <= 0 or years <= 0:
        return None
    try:
        return (end / start) ** (Decimal(1) / years) - 1
    except (InvalidOperation, ArithmeticError):
        return None


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
    lower_ends = [_end(figure, sign) for figure, sign in inputs]
    upper_ends = [_end(figure, -sign) for figure, sign in inputs]
    approximate = any(figure.approximate for figure, _ in inputs)
    quantity = ureg.Quantity(stated, unit)
    has_lower = all(end is not None for end in lower_ends)
    has_upper = all(end is not None for end in upper_ends)
    if has_lower and has_upper:
        qualifier = Qualifier.ABOUT if approximate else Qualifier.EXACT
    elif has_lower:
        inclusive = all(end is not None and end.inclusive for end in lower_ends)
        qualifier = Qualifier.AT_LEAST if inclusive else Qualifier.MORE_THAN
    elif has_upper:
        inclusive = all(end is not None and end.inclusive for end in upper_ends)
        qualifier = Qualifier.AT_MOST if inclusive else Qualifier.LESS_THAN
    else:
        return None
    return Figure(quantity, qualifier, approximate=approximate)


def _end(figure: Figure, sign: int) -> Bound | None:
    return figure.lower if sign > 0 else figure.upper


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
    total: Figure | None = None
    missing: list[str] = []
    for industry in industries:
        found = [
            o for o in industry.observations if o.metric == metric and o.year == year
        ]
        if not found:
            missing.append(industry.id)
            continue
        figure, _ = _in_unit(found[-1].figure, unit, year, chosen)
        try:
            total = figure if total is None else total + figure
        except UnboundedError:
            return None, tuple(missing)
    return total, tuple(missing)


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

    def ends(figure: Figure) -> tuple[Decimal | None, Decimal | None]:
        low = figure.lower
        high = figure.upper
        return (
            Decimal(low.value.to(unit).magnitude) if low else None,
            Decimal(high.value.to(unit).magnitude) if high else None,
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

    def _repr_html_(self) -> str:
        """Jupyter's view: the progress report as a table, with its notes."""
        from ._report import assessment_html  # _report imports this module

        return assessment_html(self)


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
    mismatches = tuple(check_consistency(system, rtol=rtol, atol=atol, policy=policy))
    return SystemAssessment(system, results, mismatches, as_of)
