"""The formulas of the assessment, on numbers and on bounded figures.

Every derived metric is a :class:`~industrial_plan.Figure`, so that a metric
computed from a bounded observation ("exceeded 2 trillion yuan") is itself a
bound ("attainment of more than 66.67 %"), and an approximate input marks its
results approximate: :func:`_apply` carries the bounds through a formula, and
:class:`_Calculation` applies the formulas of the CAGR-ratio method to one
target.  Growth rates are computed in double precision to
:data:`RATE_DIGITS` digits (:func:`_root`).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

import attrs
from pint.util import UnitsContainer

from industrial_plan._errors import FieldError
from industrial_plan._figures.figure import (
    Figure,
    IndeterminateComparisonError,
    plain_figure,
)
from industrial_plan._figures.qualifier import Qualifier
from industrial_plan._money.units import quantity_of, ureg
from industrial_plan._plan.metrics import Direction

from .results import Point

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
        raise FieldError(f"no growth rate from the ratio {value}", value=value)
    growth = math.expm1(math.log1p(float(value - 1)) / years)
    if not math.isfinite(growth):
        raise FieldError(f"no growth rate from the ratio {value}", value=value)
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
