"""Growth targets on whole columns: the observed growth against the targeted.

As ``growth._growth_method`` on the object path.  A target of average annual
growth ("年均增长6%以上"), or of total growth over a span ("翻一番",
averaged as ``_root`` does), is graded by the ratio of the observed average
growth to the targeted (the thresholds of the CAGR-ratio method), and met or
not once its year is reached; a target of growth in one year is met or not
by that year's growth, against the tolerance of "about", with its verdict
from the band around it.  Where the growth comes from is
:mod:`.columnar_growth_series`'s.  Rows where floats could decide otherwise
than exact decimals, and the rare shapes, are returned flagged for the object
path.
"""

from __future__ import annotations

from typing import Any

from .calculation import RATE_DIGITS
from .columnar_figures import (
    _LESS_THAN,
    _MORE_THAN,
    _NEAR,
    _NONE,
    _Figures,
    _near,
    _verdicts,
)
from .columnar_growth_series import _chained, _Growth, _levels_growth
from .columnar_levels import _apply, _graded, _near_thresholds, _significant
from .columnar_table import _Columns, _Given, _Output, _Settings
from .results import Status, Verdict


def assess_growth(np: Any, c: _Columns, out: _Output, given: _Given) -> tuple[Any, Any]:
    """Growth rate targets: ``(taken, flagged)``, masks over the targets."""
    rows = c.targets
    codes, names = c.codes("target_kind")
    wanted = names.index("growth rate") if "growth rate" in names else -2
    taken = (codes[rows] == wanted) & c.has_value[rows]
    flagged = np.zeros(rows.size, bool)
    if not taken.any():
        return taken, flagged
    changes, change_names = c.codes("change")
    total = changes[rows] == (
        change_names.index("growth") if "growth" in change_names else -2
    )
    year = c.year[rows]
    # The year growth counts from: stated, else the year before a growth
    # "in" the year, else the plan's first.
    stated = c.base_year[rows]
    start = np.where(stated >= 0, stated, np.where(total, year - 1, c.start_year[rows]))
    one_year = taken & total & (year - start == 1)
    goal = _Figures(np, c.value[rows], c.qualifier[rows], c.approximate[rows])
    # A goal not in percent, or a fall of 100 % or more, is rare: objects.
    flagged |= taken & ((c.unit[rows] != c.percent) | (goal.value <= -100))
    # Observations dated within their year: the latest date wins there,
    # which the table's order need not say; rare, so objects.
    if "date" in c.source.column_names:
        dated = c.source.column("date").is_valid().to_numpy(zero_copy_only=False)
        dated_groups = np.unique(c.group[dated & given.observed])
        flagged |= taken & np.isin(c.group[rows], dated_groups)
    span, in_year, comparable = _levels_growth(np, c, given.observed, start, one_year)
    chain, (rate_row, has_rate) = _chained(np, c, given.observed, start)
    several = taken & ~one_year
    flagged |= _average(
        np,
        out,
        several,
        goal,
        (span, chain, comparable),
        (start, total, c),
        given.settings,
    )
    flagged |= _one_year(
        np, out, one_year, goal, (in_year, rate_row, has_rate), c, given.settings
    )
    out.vectorised[taken & ~flagged] = True
    return taken, flagged


def _average(
    np: Any,
    out: _Output,
    chosen: Any,
    goal: _Figures,
    found: tuple[_Growth, _Growth, Any],
    where: tuple[Any, Any, _Columns],
    settings: _Settings,
) -> Any:
    """Average growth over a span: fills the *chosen* slots; returns those to flag."""
    span, chain, comparable = found
    start, total, c = where
    rows = c.targets
    year = c.year[rows]
    d = np.where(c.lower[rows], -1, 1)
    years = year - start
    # Levels at comparable prices win over chained rates; chained rates over
    # levels at current prices; either where the other is missing.
    by_levels = span.found & (comparable | ~chain.found)
    by_chain = ~by_levels & chain.found
    # Levels to convert are read by objects even where rates are chained.
    flagged = chosen & (span.flag | (by_chain & chain.flag) | (years <= 0))
    none = chosen & ~by_levels & ~by_chain
    out.status[none] = Status.INSUFFICIENT_DATA.value
    work = chosen & ~none
    slots = np.flatnonzero(work)
    if not slots.size:
        return flagged

    def pick(levels: Any, chained: Any) -> Any:
        return np.where(by_levels, levels, chained)[slots]

    log = pick(span.log, chain.log)
    factor = _Figures(
        np,
        np.zeros(slots.size),
        pick(span.figure.qualifier, chain.figure.qualifier),
        pick(span.figure.approximate, chain.figure.approximate),
    )
    latest_year = pick(span.year, chain.year)
    start, years, year = start[slots], years[slots], year[slots]
    elapsed = latest_year - start
    remaining = year - latest_year
    t = goal.value[slots]
    with np.errstate(all="ignore"):
        rate = t / 100
        # Total growth over the span: its average, to RATE_DIGITS digits.
        averaged = _significant(np, np.expm1(np.log1p(rate) / years), RATE_DIGITS)
        g = np.where(total[slots], averaged, rate)
        avg = _significant(np, np.expm1(log / elapsed), RATE_DIGITS)
        needed = _significant(
            np, np.expm1((years * np.log1p(g) - log) / remaining), RATE_DIGITS
        )
    every = np.ones(slots.size, bool)
    actual = _apply(np, avg * 100, [(factor, 1)], every)
    observed = _apply(np, avg, [(factor, 1)], every)
    required = _apply(np, needed, [(factor, -1)], remaining > 0)
    with np.errstate(all="ignore"):
        ratio = _apply(np, avg / g, [(factor, 1)], g > 0)
    met = factor.lower & (avg >= g)
    thresholds = settings[0]
    grade = ratio[0]
    conditions, choices = _graded(thresholds, grade)
    status = np.select(
        [(remaining <= 0) & met, remaining <= 0, g <= 0, *conditions],
        [
            Status.ACHIEVED.value,
            Status.NOT_ACHIEVED.value,
            # A growth target of zero or less: graded by the sign.
            np.where(met, Status.ON_TRACK.value, Status.DETERIORATION.value),
            *choices,
        ],
        Status.DETERIORATION.value,
    )
    shown = _Figures(np, actual[0], actual[1], factor.approximate)
    goals = _Figures(np, t, goal.qualifier[slots], goal.approximate[slots])
    percent = np.ones(slots.size, bool)
    verdict, near = _verdicts(np, status, (goals, shown), d[slots], settings, percent)
    # Met is "at least the goal" whatever the direction; where lower is
    # better, growth beyond the band is lower only if bounded above too.
    unproved = (status == Status.ACHIEVED.value) & (d[slots] < 0) & ~shown.upper
    verdict[unproved] = Verdict.AS_PROJECTED.value
    # Where floats could decide otherwise than exact decimals: objects decide.
    near |= _near(np, avg, g, _NEAR) | pick(span.tiny, chain.tiny)
    near |= (remaining > 0) & _near(np, years * np.log1p(g), log, _NEAR)
    graded = (remaining > 0) & (g > 0)
    near |= graded & _near_thresholds(np, grade, thresholds)
    near |= ~np.isfinite(avg) | (g <= -1)
    for metric, (value, qualifier) in (
        ("actual", actual),
        ("observed_cagr", observed),
        ("required_cagr", required),
        ("ratio", ratio),
    ):
        out.values[metric][slots] = value
        out.qualifiers[metric][slots] = qualifier
    out.status[slots] = status
    out.verdict[slots] = verdict
    flagged[slots[near]] = True
    return flagged


def _one_year(
    np: Any,
    out: _Output,
    chosen: Any,
    goal: _Figures,
    found: tuple[_Growth, Any, Any],
    c: _Columns,
    settings: _Settings,
) -> Any:
    """Growth in one year: fills the *chosen* slots; returns those to flag."""
    in_year, rate_row, has_rate = found
    rows = c.targets
    reported = chosen & has_rate
    computed = chosen & ~has_rate & in_year.found
    # A rate not in percent; levels to convert (read only without a rate).
    flagged = reported & (c.unit[rate_row] != c.percent)
    # Levels so near each other that floats lose the growth's digits.
    flagged |= chosen & ~has_rate & (in_year.flag | (in_year.found & in_year.tiny))
    none = chosen & ~reported & ~computed
    out.status[none] = Status.INSUFFICIENT_DATA.value
    slots = np.flatnonzero(reported | computed)
    if not slots.size:
        return flagged
    row = rate_row[slots]
    by_rate = has_rate[slots]
    value = np.where(by_rate, c.value[row], in_year.figure.value[slots] * 100)
    qualifier = np.where(by_rate, c.qualifier[row], in_year.figure.qualifier[slots])
    approximate = np.where(
        by_rate, c.approximate[row], in_year.figure.approximate[slots]
    )
    growth = _Figures(np, value, qualifier, approximate)
    thresholds = settings[0]
    t = goal.value[slots]
    # Met within the tolerance of "about" (``rules._compare``); bounds that
    # do not decide leave it to objects.
    tolerance = np.where(goal.approximate[slots], float(thresholds.about_points), 0.0)
    low, high = t - tolerance, t + tolerance
    x = growth.value
    above = growth.lower & (x >= low)
    below = growth.upper & ((x < low) | ((x == low) & (qualifier == _LESS_THAN)))
    within = growth.upper & (x <= high)
    beyond = growth.lower & ((x > high) | ((x == high) & (qualifier == _MORE_THAN)))
    undecided = ~(above | below) | ~(within | beyond)
    status = np.where(above, Status.ACHIEVED.value, Status.NOT_ACHIEVED.value)
    goals = _Figures(np, t, goal.qualifier[slots], goal.approximate[slots])
    # The band is read as for a higher-is-better goal, whatever the metric's
    # direction: growth is wanted.
    higher = np.ones(slots.size, np.int64)
    percent = np.ones(slots.size, bool)
    verdict, near = _verdicts(np, status, (goals, growth), higher, settings, percent)
    near |= undecided | _near(np, x, low, _NEAR) | _near(np, x, high, _NEAR)
    near |= ~np.isfinite(x)
    out.values["actual"][slots] = x
    out.qualifiers["actual"][slots] = np.where(np.isfinite(x), qualifier, _NONE)
    out.status[slots] = status
    out.verdict[slots] = verdict
    out.latest_year[slots] = c.year[rows[slots]]
    flagged[slots[near]] = True
    return flagged
