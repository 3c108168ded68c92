"""The lines a panel draws for its kind of target, besides the observations
and the target itself.

A growth target gets the growth still needed each year, as a level line; the
other kinds the path the required growth would take from the latest value to
the target, and where the observed growth would lead; a cumulative total also
its even path from zero.  Each function draws on the axes it is given and
returns the values it drew, which the panel's limits take in.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING

from industrial_plan._figures.figure import Figure
from industrial_plan._progress.results import Assessment

from .chart_colours import PROJECTED, REQUIRED, TARGET
from .chart_series import _needs_path, _Point

if TYPE_CHECKING:
    from matplotlib.axes import Axes


def _needed_growth(ax: Axes, result: Assessment, latest: _Point | None) -> list[float]:
    """The growth still needed each year to the target year, as a level line."""
    needed = result.required_cagr
    year = result.target.year
    if latest is None or needed is None or latest.year >= year:
        return []
    rate = float(Decimal(needed.quantity.magnitude) * 100)
    ax.plot(
        [latest.year, year],
        [rate, rate],
        color=REQUIRED,
        lw=1.8,
        ls="--",
        gid="required",
    )
    return [rate]


def _target_path(ax: Axes, result: Assessment, start_year: int, total: float) -> None:
    """A cumulative total's even path: nothing at the base year, all by the end."""
    base = result.target.stated_base_year
    start = start_year if base is None else base
    end = result.target.year
    ax.plot(
        [start, end],
        [0.0, total],
        color=TARGET,
        lw=1.0,
        ls=(0, (4, 3)),
        alpha=0.7,
        gid="target-path",
    )


def _required(
    ax: Axes,
    result: Assessment,
    latest: _Point | None,
    y: Callable[[Figure], float],
    goal: Figure,
) -> list[float]:
    """The path the required growth takes from the latest value to the goal."""
    target = result.target
    if latest is None or not _needs_path(result):
        return []  # no years left, or nothing more is required
    start = y(latest.figure)
    end = y(goal)
    years = [latest.year + i * (target.year - latest.year) / 40 for i in range(41)]
    if result.required_cagr is not None and start > 0:
        rate = float(result.required_cagr.quantity.magnitude)
        values = [start * (1 + rate) ** (x - latest.year) for x in years]
    else:
        # No growth rate for zero or negative values: a straight line.
        step = (end - start) / (target.year - latest.year)
        values = [start + step * (x - latest.year) for x in years]
    ax.plot(years, values, color=REQUIRED, lw=1.8, ls="--", gid="required")
    return values


def _projection(
    ax: Axes, result: Assessment, y: Callable[[Figure], float]
) -> list[float]:
    """Where the observed growth leads by the target year, if it stays in floats."""
    latest, projected = result.latest, result.projected
    growth = result.observed_cagr
    if latest is None or projected is None or growth is None:
        return []
    year = result.target.year
    start = y(latest.figure)
    rate = float(growth.quantity.magnitude)
    years = [latest.year + i * (year - latest.year) / 40 for i in range(41)]
    try:
        values = [start * (1 + rate) ** (x - latest.year) for x in years]
    except OverflowError:
        return []  # beyond any float: the note beside the panel still says it
    if not all(math.isfinite(v) for v in values):
        return []
    ax.plot(years, values, color=PROJECTED, lw=1.2, ls=":", gid="projection")
    ax.plot(
        [year],
        [values[-1]],
        ls="none",
        marker="X",
        ms=8,
        color=PROJECTED,
        gid="projected",
        zorder=4,
    )
    return values
