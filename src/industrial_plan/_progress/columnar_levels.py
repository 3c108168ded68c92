"""Levels, counts and reported shares on whole columns: the CAGR-ratio method.

As ``levels._level_metrics`` on the object path: each target's yearly
observations (a year's last row, an estimate only where nothing else is
given), its latest and its baseline, and every metric with its qualifier
through :func:`_apply`.  Rows where floats could decide otherwise than exact
decimals are returned flagged, for the object path.
"""

from __future__ import annotations

from typing import Any

import attrs

from .calculation import RATE_DIGITS
from .columnar_figures import (
    _ABOUT,
    _AT_LEAST,
    _AT_MOST,
    _EXACT,
    _LESS_THAN,
    _MORE_THAN,
    _NEAR,
    _NONE,
    _Figures,
    _near,
    _verdicts,
)
from .columnar_table import _NEAR_THRESHOLD, _Columns, _Given, _Output, _Settings
from .policy import Thresholds
from .results import Status

# -- levels and counts, on whole columns ------------------------------------------


def _graded(thresholds: Thresholds, grade: Any) -> tuple[list[Any], list[str]]:
    """The last rules of a status, a grade against each threshold in turn, as
    ``np.select``'s conditions and choices (below them all: deterioration)."""
    levels = (thresholds.on_track, thresholds.acceleration, thresholds.limited)
    statuses = (Status.ON_TRACK, Status.ACCELERATION_NEEDED, Status.LIMITED_PROGRESS)
    return [grade >= float(level) for level in levels], [s.value for s in statuses]


def _near_thresholds(np: Any, grade: Any, thresholds: Thresholds) -> Any:
    """Where *grade* lies so near a threshold that floats could put it on the
    other side of it than exact decimals: the object path decides there."""
    near = np.zeros(np.shape(grade), bool)
    for threshold in (thresholds.on_track, thresholds.acceleration, thresholds.limited):
        level = float(threshold)
        near |= np.abs(grade - level) <= _NEAR_THRESHOLD * max(1, abs(level))
    return near


def _apply(
    np: Any, value: Any, inputs: list[tuple[_Figures, Any]], valid: Any
) -> tuple[Any, Any]:
    """As the object path's ``_apply``: a monotone formula's value and qualifier.

    *inputs* pairs each figure with the sign (+1/-1, or an array of them) of
    the formula's change with it; *valid* says where the formula is defined.
    """
    n = value.shape[0]
    lower = np.ones(n, bool)
    upper = np.ones(n, bool)
    lower_inclusive = np.ones(n, bool)
    upper_inclusive = np.ones(n, bool)
    approximate = np.zeros(n, bool)
    for figure, sign in inputs:
        rising = np.broadcast_to(np.asarray(sign) > 0, (n,))
        lower &= np.where(rising, figure.lower, figure.upper)
        lower_inclusive &= np.where(
            rising, figure.lower_inclusive, figure.upper_inclusive
        )
        upper &= np.where(rising, figure.upper, figure.lower)
        upper_inclusive &= np.where(
            rising, figure.upper_inclusive, figure.lower_inclusive
        )
        approximate |= figure.approximate
    qualifier = np.select(
        [
            lower & upper & approximate,
            lower & upper,
            lower & lower_inclusive,
            lower,
            upper & upper_inclusive,
            upper,
        ],
        [_ABOUT, _EXACT, _AT_LEAST, _MORE_THAN, _AT_MOST, _LESS_THAN],
        _NONE,
    )
    defined = valid & np.isfinite(value)
    qualifier = np.where(defined, qualifier, _NONE)
    return np.where(qualifier == _NONE, np.nan, value), qualifier


def _cagr(np: Any, start: Any, end: Any, years: Any) -> tuple[Any, Any]:
    """(end / start) ** (1 / years) - 1 to RATE_DIGITS digits, as ``_root`` does."""
    valid = (start > 0) & (end > 0) & (years > 0)
    with np.errstate(all="ignore"):
        growth = np.expm1(np.log1p(end / start - 1) / years)
        growth = _significant(np, growth, RATE_DIGITS)
    valid &= np.isfinite(growth)
    return np.where(valid, growth, np.nan), valid


def _significant(np: Any, value: Any, digits: int) -> Any:
    with np.errstate(all="ignore"):
        exponent = np.floor(np.log10(np.abs(value)))
        scale = 10.0 ** (digits - 1 - exponent)
        rounded = np.round(value * scale) / scale
    return np.where((value == 0) | ~np.isfinite(rounded), value, rounded)


def _yearly_rows(
    np: Any, c: _Columns, observed: Any, group: Any = None
) -> tuple[Any, Any, int, int]:
    """The row that counts for each group and year among the *observed* rows.

    As the object path: a year's latest observation (the table has no dates,
    so the last one listed), an estimate only where no row that is not one is
    given (those sort after estimates).  Returns ``(index, key, span, first)``:
    the rows, sorted by ``key = group * span + (year - first)`` (*group*
    defaults to ``c.group``: owner and metric).
    """
    group = c.group if group is None else group
    first = int(c.year.min(initial=0)) - 1
    span = int(c.year.max(initial=0)) - first + 2
    key = group * span + (c.year - first)
    index = np.flatnonzero(observed)
    index = index[np.lexsort((~c.estimate[index], key[index]))]
    sorted_key = key[index]
    last = np.ones(index.size, bool)
    last[:-1] = sorted_key[1:] != sorted_key[:-1]
    return index[last], sorted_key[last], span, first


def _series(
    np: Any,
    c: _Columns,
    out: _Output,
    chosen: Any,
    observed: Any,
    baseline_year: int | None,
    settings: _Settings,
) -> Any:
    """The CAGR-ratio method for the *chosen* targets on the *observed* rows.

    Returns a mask over the targets of the chosen ones left to the object path.
    """
    rows = c.targets
    yearly = _yearly_rows(np, c, observed)
    index, sorted_key, span, first = yearly
    # Each target's observations: [begin, end) in the sorted observations.
    group = c.group[rows]
    begin = np.searchsorted(sorted_key, group * span, "left")
    end = np.searchsorted(sorted_key, (group + 1) * span, "left")
    seen = end > begin
    # Observations in another unit need converting: the object path does it.
    unit = c.unit[index]
    groups = sorted_key // span
    low_unit = _ranges(np, np.minimum, unit, groups, begin, seen)
    high_unit = _ranges(np, np.maximum, unit, groups, begin, seen)
    same_unit = (low_unit == c.unit[rows]) & (high_unit == c.unit[rows])
    fallback = chosen & seen & ~same_unit
    chosen = chosen & ~fallback
    none = chosen & ~seen
    out.status[none] = Status.INSUFFICIENT_DATA.value
    out.vectorised[none] = True
    work = np.flatnonzero(chosen & seen)
    flagged = _levels(
        np,
        c,
        out,
        work,
        rows[work],
        index[end[work] - 1],
        (begin[work], end[work], sorted_key, index, group[work] * span),
        (first, baseline_year),
        settings,
    )
    fallback[work[flagged]] = True
    out.vectorised[work[~flagged]] = True
    return fallback


def _ranges(np: Any, op: Any, values: Any, groups: Any, begin: Any, seen: Any) -> Any:
    """*op* reduced over each group's values; *begin* is where a target's starts."""
    result = np.full(begin.size, -9, dtype=np.int64)
    if not values.size:
        return result
    starts = np.flatnonzero(np.r_[True, groups[1:] != groups[:-1]])
    reduced = op.reduceat(values, starts)
    result[seen] = reduced[np.searchsorted(starts, begin[seen])]
    return result


def _levels(
    np: Any,
    c: _Columns,
    out: _Output,
    slots: Any,
    rows: Any,
    latest_rows: Any,
    ranges: tuple[Any, Any, Any, Any, Any],
    years: tuple[int, int | None],
    settings: _Settings,
) -> Any:
    """The CAGR-ratio method of ``_on_levels``; returns the rows to flag."""
    begin, end, sorted_key, index, group_key = ranges
    first, chosen_year = years
    target_year = c.year[rows]
    if chosen_year is not None:
        from_year = np.full(rows.size, chosen_year, dtype=np.int64)
    else:
        from_year = np.where(
            c.base_year[rows] >= 0, c.base_year[rows], c.start_year[rows]
        )
    offset = np.clip(from_year - first, 0, None)
    at = np.maximum(np.searchsorted(sorted_key, group_key + offset, "left"), begin)
    has_baseline = at < end
    baseline_rows = index[np.minimum(at, index.size - 1)]
    goal = _Figures(np, c.value[rows], c.qualifier[rows], c.approximate[rows])
    latest = _Figures(
        np, c.value[latest_rows], c.qualifier[latest_rows], c.approximate[latest_rows]
    )
    base = _Figures(
        np,
        c.value[baseline_rows],
        c.qualifier[baseline_rows],
        c.approximate[baseline_rows],
    )
    series = _Series(
        goal=goal,
        latest=latest,
        base=base,
        target_year=target_year,
        latest_year=c.year[latest_rows],
        baseline_year=np.where(has_baseline, c.year[baseline_rows], -1),
        d=np.where(c.lower[rows], -1, 1),
    )
    percent = c.unit[rows] == c.percent
    return _level_metrics(np, out, slots, series, percent, settings)


@attrs.frozen
class _Series:
    """One entry per target: what the CAGR-ratio method needs of its series.

    The goal, the latest value and the baseline value as figures; the years
    (``baseline_year`` -1 where there is no baseline); *d* +1 where higher
    is better, -1 where lower is.  Kinds that derive their series (a share
    from its parts, the level an increment implies) build one of these.
    """

    goal: _Figures
    latest: _Figures
    base: _Figures
    target_year: Any
    latest_year: Any
    baseline_year: Any
    d: Any


def _level_metrics(
    np: Any,
    out: _Output,
    slots: Any,
    series: _Series,
    percent: Any,
    settings: _Settings,
) -> Any:
    """As ``levels._level_metrics``: fills *slots* of *out*; returns the rows to flag.

    *percent* marks the goals in percent (their bands are in points).
    """
    thresholds = settings[0]
    goal, latest, base = series.goal, series.latest, series.base
    t, x, x0 = goal.value, latest.value, base.value
    d, target_year = series.d, series.target_year
    latest_year, baseline_year = series.latest_year, series.baseline_year
    has_baseline = baseline_year >= 0
    remaining = target_year - latest_year
    usable = has_baseline & (baseline_year < latest_year)
    values: dict[str, tuple[Any, Any]] = {}
    values["actual"] = (x, latest.qualifier)
    with np.errstate(all="ignore"):
        ratio_x = np.where(d > 0, x / t, t / x)
        values["attainment"] = _apply(
            np, ratio_x, [(latest, d)], (t > 0) & ((d > 0) | (x > 0))
        )
        values["gap"] = _gap(np, t, latest, d)
        ahead = remaining > 0
        required, valid = _cagr(np, x, t, remaining)
        values["required_cagr"] = _apply(np, required, [(latest, -1)], ahead & valid)
        linear = (t - x) / np.where(ahead, remaining, 1)
        values["linear_change_needed"] = _apply(np, linear, [(latest, -1)], ahead)
        span = latest_year - baseline_year
        observed, valid = _cagr(np, x0, x, span)
        valid &= usable
        values["observed_cagr"] = _apply(np, observed, [(base, -1), (latest, 1)], valid)
        projected = x * (1 + observed) ** remaining
        values["projected"] = _apply(
            np, projected, [(base, -1), (latest, 1)], valid & ahead
        )
        shown = _Figures(
            np,
            values["projected"][0],
            values["projected"][1],
            base.approximate | latest.approximate,
        )
        values["expected_shortfall"] = _gap(np, t, shown, d)
        values["expected_shortfall"][1][values["projected"][1] == _NONE] = _NONE
        needed, needed_valid = _cagr(np, x0, t, target_year - baseline_year)
        needed_valid &= needed != 0
        grade = d * observed / np.abs(needed)
        ratio = _apply(np, grade, [(latest, d)], valid & needed_valid)
        bounded_base = (base.qualifier != _EXACT) & (base.qualifier != _ABOUT)
        ratio[1][(ratio[1] != _NONE) & bounded_base] = _ABOUT
        values["ratio"] = ratio
    achieved = np.where(d > 0, latest.lower & (x >= t), latest.upper & (x <= t))
    conditions, choices = _graded(thresholds, grade)
    status = np.select(
        [
            achieved,
            remaining <= 0,
            ~usable,
            values["ratio"][1] == _NONE,
            *conditions,
        ],
        [
            Status.ACHIEVED.value,
            Status.NOT_ACHIEVED.value,
            Status.INSUFFICIENT_DATA.value,
            Status.INSUFFICIENT_DATA.value,
            *choices,
        ],
        Status.DETERIORATION.value,
    )
    verdict, near_verdict = _verdicts(np, status, (goal, latest), d, settings, percent)
    # Where floats could decide otherwise than exact decimals: objects decide.
    flagged = near_verdict | _near(np, x, t, _NEAR) | ~np.isfinite(x)
    # Values at or below zero (a signed amount's): the object path decides.
    flagged |= (t <= 0) | (x <= 0) | (has_baseline & (x0 <= 0))
    flagged |= has_baseline & (_near(np, x0, x, _NEAR) | _near(np, x0, t, _NEAR))
    graded = (status != Status.ACHIEVED.value) & (values["ratio"][1] != _NONE)
    flagged |= graded & _near_thresholds(np, grade, thresholds)
    for metric, (value, qualifier) in values.items():
        out.values[metric][slots] = value
        out.qualifiers[metric][slots] = qualifier
    out.status[slots] = status
    out.verdict[slots] = verdict
    out.latest_year[slots] = latest_year
    out.baseline_year[slots] = baseline_year
    return flagged


def _gap(np: Any, t: Any, value: _Figures, d: Any) -> tuple[Any, Any]:
    """max(0, d (t - x)); clipped at zero, a strict bound is no longer strict."""
    with np.errstate(all="ignore"):
        gap = np.maximum(0.0, d * (t - value.value))
    gap, qualifier = _apply(np, gap, [(value, -d)], np.ones(t.size, bool))
    zero = (gap == 0) & (qualifier != _NONE)
    upper = (qualifier == _EXACT) | (qualifier == _ABOUT)
    upper |= (qualifier == _AT_MOST) | (qualifier == _LESS_THAN)
    qualifier = np.where(zero & upper, _EXACT, qualifier)
    qualifier = np.where(zero & ~upper, _AT_LEAST, qualifier)
    return gap, qualifier


def assess_levels(np: Any, c: _Columns, out: _Output, given: _Given) -> tuple[Any, Any]:
    """Levels, counts and shares reported as such: ``(taken, flagged)``."""
    rows = c.targets
    has_value = c.has_value[rows]
    observed = given.observed
    levels = has_value & (c.level[rows] | c.count[rows])
    flagged = _series(
        np, c, out, levels, observed & c.level, given.baseline_year, given.settings
    )
    # A share without a whole to compute it from: its reported values, in
    # percent (others are left out), assessed as a level of percent.
    percent = c.unit == c.percent
    shares = has_value & c.share[rows] & c.without_of[rows] & percent[rows]
    flagged |= _series(
        np,
        c,
        out,
        shares,
        observed & c.share & percent,
        given.baseline_year,
        given.settings,
    )
    return levels | shares, flagged
