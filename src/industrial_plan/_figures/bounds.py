"""One side of the range a figure allows (:class:`Bound`), and arithmetic on bounds.

A figure's qualifier gives it a lower bound, an upper bound or both; sums,
negations and comparisons of figures work on these bounds, so that a sum of
lower bounds stays a lower bound.  ``figure`` applies them to whole figures.
"""

from __future__ import annotations

from typing import Any

import attrs

from industrial_plan._money.units import (
    Quantity,
    exact_arithmetic,
    tidy,
    to_decimal,
    ureg,
)

from .qualifier import Qualifier


@attrs.frozen
class Bound:
    """One side of the range a figure allows: a value, and whether it is included."""

    value: Quantity
    inclusive: bool


_MIRROR = {
    Qualifier.EXACT: Qualifier.EXACT,
    Qualifier.ABOUT: Qualifier.ABOUT,
    Qualifier.AT_LEAST: Qualifier.AT_MOST,
    Qualifier.MORE_THAN: Qualifier.LESS_THAN,
    Qualifier.AT_MOST: Qualifier.AT_LEAST,
    Qualifier.LESS_THAN: Qualifier.MORE_THAN,
}


def _within(value: Quantity, bound: Bound, *, above: bool) -> bool:
    difference = (value - bound.value).magnitude
    if not above:
        difference = -difference
    return bool(difference > 0 or (difference == 0 and bound.inclusive))


def _add_bound(a: Bound | None, b: Bound | None) -> Bound | None:
    if a is None or b is None:
        return None
    with exact_arithmetic():
        value = a.value + b.value.to(a.value.units)
    return Bound(
        ureg.Quantity(tidy(value.magnitude), value.units), a.inclusive and b.inclusive
    )


def _difference(a: Quantity, b: Quantity) -> Any:
    """a - b as a number in a's unit; magnitudes alone when the units agree."""
    if a._units == b._units:
        return a.magnitude - b.magnitude
    return (a - b.to(a.units)).magnitude


def _allowed(value: Quantity, low: Bound | None, high: Bound | None) -> bool:
    """Whether *value* lies within the bounds *low* and *high* (``None``: open)."""
    if low is not None and not _within(value, low, above=True):
        return False
    return high is None or _within(value, high, above=False)


def _scaled(
    quantity: Quantity, qualifier: Qualifier, factor: object
) -> tuple[Quantity, Qualifier]:
    """*quantity* times *factor*, and its qualifier: a negative factor swaps sides."""
    number = to_decimal(factor, "scale factor")
    with exact_arithmetic():
        quantity = quantity * number
    if number < 0:
        qualifier = _MIRROR[qualifier]
    return quantity, qualifier
