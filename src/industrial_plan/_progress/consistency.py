"""Whether each tier's totals agree with the sum of its industries.

Bounds add as bounds, and missing industries are reported, never counted as
zero; :class:`_Total` adds plain figures without a figure per step.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import attrs

from industrial_plan._errors import OutOfRangeError, RateError
from industrial_plan._figures.figure import Figure, UnboundedError, plain_figure
from industrial_plan._figures.qualifier import Qualifier
from industrial_plan._money.units import (
    Quantity,
    exact_arithmetic,
    quantity_of,
    tidy,
    to_decimal,
    ureg,
)
from industrial_plan._plan.owners import Industry, Tier
from industrial_plan._plan.system import IndustrialSystem
from industrial_plan._plan.targets import standing

from .calculation import _BOTH_SIDES, _EXACT, _SIDES, _same_units
from .policy import ConversionPolicy
from .results import _figure_record, _plain
from .series import _in_unit, _level_of


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
    returned, never counted as zero.  Each industry's annual figure counts
    (not one for a part of the year), the last listed, an estimate only where
    no figure supersedes it.
    """
    chosen = policy or ConversionPolicy()
    total = _Total()
    missing: list[str] = []
    wanted = getattr(unit, "_units", unit)
    for industry in industries:
        found = [
            o
            for o in industry.observations
            if o.metric == metric
            and o.year == year
            and o.period is None
            and o.reports == "level"
        ]
        if len(found) > 1:
            found = standing(found)
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


MAX_RTOL = Decimal(1)
"""The largest relative tolerance: 1, a sum twice the total or none at all."""
MAX_ATOL = Decimal(10) ** 52
"""The largest absolute tolerance, in base units: the largest figure a plan can
state (40 digits of trillions)."""


def _tolerance(value: Decimal | str, what: str, most: Decimal) -> Decimal:
    number = to_decimal(value, what)
    if not 0 <= number <= most:
        raise OutOfRangeError(value, what, 0, most if most < 10**6 else "1e52")
    return number


def check_consistency(
    system: IndustrialSystem,
    *,
    rtol: Decimal | str = Decimal("0.01"),
    atol: Decimal | str = Decimal(0),
    policy: ConversionPolicy | None = None,
    skipped: list[str] | None = None,
) -> list[Mismatch]:
    """Compare each tier's own totals with the sum of its industries.

    As pyam's ``check_aggregate``: a stated total and a sum agree when they
    differ by at most ``atol + rtol * |stated|`` (``atol`` in the tier
    figure's base unit, e.g. yuan).  Bounds are honoured: the sum and the
    stated total agree when some value both allow lies within the tolerance.
    Industries without a figure for the year are reported as missing.
    Annual figures are compared, estimates superseded left out; figures for
    a part of a year are not compared.  *rtol* must be from 0 to 1 and *atol*
    from 0 to 1e52, or :class:`~industrial_plan.OutOfRangeError` is raised.

    A sum that needs an exchange rate the *policy* cannot give raises
    :class:`~industrial_plan.RateError`; given a list *skipped*, that total
    is not compared and a note saying so is appended to the list instead.
    """
    relative = _tolerance(rtol, "rtol", MAX_RTOL)
    absolute = _tolerance(atol, "atol", MAX_ATOL)
    found: list[Mismatch] = []
    for tier in system.tiers:
        if not tier.industries:
            continue
        for observation in standing(tier.observations):
            if observation.reports != "level" or observation.period is not None:
                continue  # rates and shares do not add up over industries
            stated = observation.figure
            unit = stated.quantity.units
            try:
                parts, missing = sum_of_parts(
                    tier.industries, observation.metric, observation.year, unit, policy
                )
            except RateError as error:
                if skipped is None:
                    raise
                skipped.append(
                    f"{tier.id}: the {observation.year} total of "
                    f"{observation.metric} is not compared with its industries: "
                    f"{error}"
                )
                continue
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
