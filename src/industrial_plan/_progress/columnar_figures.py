"""The columnar path's figures as arrays, and its verdicts on whole columns.

:class:`_Figures` holds a column of figures (values, qualifier codes, sides);
:func:`_verdicts` gives the verdict of ``rules._verdict_of`` for the levels
and shares :mod:`.columnar` assesses, with the bands of
:class:`~industrial_plan.VerdictBands`, and flags the rows where floats
could decide otherwise than exact decimals.
"""

from __future__ import annotations

from typing import Any

from .policy import Thresholds, VerdictBands
from .results import Status, Verdict

# Qualifier codes and their sides: (lower, lower inclusive, upper, upper inclusive).
_QUALIFIERS = ("exact", "about", "at least", "more than", "at most", "less than")
_EXACT, _ABOUT, _AT_LEAST, _MORE_THAN, _AT_MOST, _LESS_THAN = range(6)
_SIDES = (
    (True, True, True, True),
    (True, True, True, True),
    (True, True, False, False),
    (True, False, False, False),
    (False, False, True, True),
    (False, False, True, False),
)
_NONE = -1  # no figure: the metric is not computed
# How close two values may be before floats could decide what exact
# arithmetic decides (a target met or not, a rate of almost zero).
_NEAR = 1e-6


class _Figures:
    """Figures as arrays: stated values and which sides they bound."""

    def __init__(self, np: Any, value: Any, qualifier: Any, approximate: Any) -> None:
        sides = np.array((*_SIDES, (False,) * 4), dtype=bool)[qualifier]
        self.value = value
        self.qualifier = qualifier
        self.lower, self.lower_inclusive = sides[:, 0], sides[:, 1]
        self.upper, self.upper_inclusive = sides[:, 2], sides[:, 3]
        self.approximate = approximate


def _near(np: Any, a: Any, b: Any, tolerance: float) -> Any:
    with np.errstate(all="ignore"):
        return np.abs(a - b) <= tolerance * np.maximum(np.abs(a), np.abs(b))


def _verdicts(
    np: Any,
    status: Any,
    figures: tuple[_Figures, _Figures],
    d: Any,
    settings: tuple[Thresholds, VerdictBands],
    percent: Any,
    width: Any = None,
) -> tuple[Any, Any]:
    """The verdict of ``_verdict_of``, and where a float tie could change it.

    *figures* are the goals and the latest values; *d* is +1 where higher is
    better, -1 where lower is; *percent* marks the goals in percent, whose
    bands are in percentage points.  A *width* given is the band's
    half-width itself (an increment's band is scaled to its stated change).
    """
    thresholds, bands = settings
    goal, latest = figures
    t, x = goal.value, latest.value
    if width is None:
        about = np.where(
            percent,
            float(thresholds.about_points),
            np.abs(t) * float(thresholds.about_relative),
        )
        width = np.where(
            percent, float(bands.points), np.abs(t) * float(bands.relative)
        )
        width = width + np.where(goal.approximate, about, 0.0)
    high, low = t + width, t - width
    # A one-sided goal ("at least 6 %") is as projected from where it is met.
    at_least = (goal.qualifier == _AT_LEAST) | (goal.qualifier == _MORE_THAN)
    at_most = (goal.qualifier == _AT_MOST) | (goal.qualifier == _LESS_THAN)
    low = np.where((d > 0) & at_least, t, low)
    high = np.where((d < 0) & at_most, t, high)
    beyond = np.where(
        d > 0,
        (x > high) | ((latest.qualifier == _MORE_THAN) & (x == high)),
        (x < low) | ((latest.qualifier == _LESS_THAN) & (x == low)),
    )
    within = np.where(d > 0, latest.lower & (x >= low), latest.upper & (x <= high))
    achieved = status == Status.ACHIEVED.value
    missed = status == Status.NOT_ACHIEVED.value
    lagging = np.isin(
        status,
        [
            Status.ACCELERATION_NEEDED.value,
            Status.LIMITED_PROGRESS.value,
            Status.DETERIORATION.value,
        ],
    )
    worse = np.where(d > 0, Verdict.LOWER.value, Verdict.HIGHER.value)
    better = np.where(d > 0, Verdict.HIGHER.value, Verdict.LOWER.value)
    verdict = np.full(status.size, None, dtype=object)
    verdict[status == Status.ON_TRACK.value] = Verdict.AS_PROJECTED.value
    verdict[lagging] = worse[lagging]
    verdict[achieved] = np.where(beyond, better, Verdict.AS_PROJECTED.value)[achieved]
    verdict[missed] = np.where(within, Verdict.AS_PROJECTED.value, worse)[missed]
    upper_edge = np.where(d > 0, high, low)
    lower_edge = np.where(d > 0, low, high)
    near = achieved & (width > 0) & _near(np, x, upper_edge, _NEAR)
    near |= missed & _near(np, x, lower_edge, _NEAR)
    near |= ~np.isfinite(width)
    return verdict, near
