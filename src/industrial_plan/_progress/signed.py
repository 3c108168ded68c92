"""Signed amounts: a balance, a deficit, net exports, a profit.

A metric declared ``signed`` may take values at or below zero.  Ratios of
levels and growth rates mean nothing there (a deficit that halves is not a
growth of -50 %, and no rate leads from -0.5 to +0.3), so for a signed
target whose target, baseline or latest value is zero or less, progress is
measured on the line from the baseline to the target (the linear-rate
method of SDSN's trend dashboards): the attainment is the share of that
distance covered, and R the change observed per year over the change
needed per year, signed as the CAGR ratio is (negative when the change
goes the worse way).  The gap and the direction stay those of every level.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from industrial_plan._figures.figure import exact_figure

from .calculation import _Calculation, _unit_of
from .context import _Context
from .results import Point

_UNUSED_NOTES = (
    "attainment is not defined for a target of zero or less",
    "growth rates need positive values",
    "observed growth needs positive baseline and latest values",
)


def _is_signed_case(
    context: _Context, calc: _Calculation, latest: Point, baseline: Point | None
) -> bool:
    """A signed metric with the target, baseline or latest value at or below zero."""
    if not context.system.metric(context.target.metric).signed:
        return False
    values = [calc.t, Decimal(latest.figure.quantity.magnitude)]
    if baseline is not None:
        values.append(Decimal(baseline.figure.quantity.magnitude))
    return any(value <= 0 for value in values)


def _signed_metrics(
    calc: _Calculation,
    latest: Point,
    baseline: Point | None,
    found: dict[str, Any],
) -> None:
    """Attainment and R on the line from the baseline to the target.

    *baseline* is ``None`` when none is usable (one before the latest).
    Growth rates are left out, and a note says why; the gap, the linear
    change needed and the status's rule are those of every level.
    """
    notes = calc.notes
    notes[:] = [note for note in notes if note not in _UNUSED_NOTES]
    for name in ("required_cagr", "observed_cagr", "projected", "expected_shortfall"):
        found[name] = None
    found["attainment"] = None
    found["ratio"] = None
    xt = Decimal(latest.figure.quantity.magnitude)
    described = f"{latest.figure.quantity.magnitude} in {latest.year}"
    if baseline is not None:
        x0 = Decimal(baseline.figure.quantity.magnitude)
        described = (
            f"{baseline.figure.quantity.magnitude} in {baseline.year} to {described}"
        )
    notes.append(
        f"a signed amount at or below zero ({described}, target {calc.t}): growth "
        "rates are not computed, since no rate of growth leads across or below "
        "zero; attainment and R are measured on the line from the baseline to "
        "the target"
    )
    if baseline is None:
        return
    if latest.figure.is_bound or baseline.figure.is_bound or latest.figure.approximate:
        notes.append("a bound or an approximate value: attainment and R not computed")
        return
    distance = calc.t - x0
    if distance == 0:
        notes.append("the target is the baseline: no distance to cover")
        return
    dimensionless = _unit_of("")._units
    d = calc.direction.sign
    if d * distance > 0:
        found["attainment"] = exact_figure((xt - x0) / distance, dimensionless)
    else:
        notes.append("the target lies on the worse side of the baseline: no attainment")
    # As the CAGR ratio does: the sign says whether the change is the
    # better way, the size how it compares with the change needed.
    observed_per_year = (xt - x0) / (latest.year - baseline.year)
    needed_per_year = distance / (calc.year - baseline.year)
    ratio = d * observed_per_year / abs(needed_per_year)
    found["ratio"] = exact_figure(ratio, dimensionless)
