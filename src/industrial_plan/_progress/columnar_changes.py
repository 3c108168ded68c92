"""Increments and reductions on whole columns: the level they imply.

As ``levels._implied_level_method`` on the object path: the level observed in
the start year (the target's base year, else the plan's start year) plus the
increment, minus the reduction, or times ``1 - r/100`` for a reduction in
percent, is the goal of the CAGR-ratio method (:func:`_level_metrics`), with
the start year as the baseline unless one is chosen.  The verdict's band is
as wide as the band of the change stated (``rules._change_width``).  Rows in
another unit, with a change of 100 % or more, or near a decision are
returned flagged, for the object path.
"""

from __future__ import annotations

from typing import Any

from industrial_plan._files.rows_out import _import

from .columnar_figures import (
    _NONE,
    _Figures,
    _verdicts,
)
from .columnar_levels import _apply, _level_metrics, _ranges, _Series, _yearly_rows
from .columnar_table import _Columns, _Given, _Output, _Settings
from .results import Status


def _is_in(np: Any, c: _Columns, name: str, values: tuple[str, ...]) -> Any:
    """A mask over the rows: where column *name* is one of *values*.

    A column the table lacks matches nothing.  (Cheaper than the codes of
    :meth:`_Columns.codes`: no dictionary is built.)
    """
    if name not in c.table.column_names:
        return np.zeros(c.n, bool)
    pa = _import("pyarrow", "the columnar assessment")
    pc = _import("pyarrow.compute", "the columnar assessment")
    found = pc.is_in(c.table.column(name), value_set=pa.array(values, pa.string()))
    return found.to_numpy(zero_copy_only=False).astype(bool)


def _of_kinds(np: Any, c: _Columns, names: tuple[str, ...]) -> Any:
    """A mask over the targets: those of the kinds *names* that state a figure."""
    rows = c.targets
    return _is_in(np, c, "target_kind", names)[rows] & c.has_value[rows]


def _at(np: Any, index: Any, position: Any) -> Any:
    """``index[position]``, any row where *position* is past the end.

    Callers mask those positions out; the row appended keeps an empty
    *index* indexable.
    """
    padded = np.append(index, 0)
    return padded[np.minimum(position, index.size)]


class _Yearly:
    """The yearly rows of some observations and each target's range of them.

    ``index`` are the rows that count (one per group and year, sorted by
    ``key``); ``begin``/``end`` each target's group's range in them, and
    ``low_unit``/``high_unit`` the least and greatest unit code there (equal
    when the group has one unit; -9 without rows).
    """

    def __init__(self, np: Any, c: _Columns, observed: Any, rows: Any) -> None:
        self.index, self.key, self.span, self.first = _yearly_rows(np, c, observed)
        self.group_key = c.group[rows] * self.span
        self.begin = np.searchsorted(self.key, self.group_key, "left")
        self.end = np.searchsorted(self.key, self.group_key + self.span, "left")
        self.seen = self.end > self.begin
        unit = c.unit[self.index]
        groups = self.key // self.span
        self.low_unit = _ranges(np, np.minimum, unit, groups, self.begin, self.seen)
        self.high_unit = _ranges(np, np.maximum, unit, groups, self.begin, self.seen)

    def position(self, np: Any, year: Any, which: Any = slice(None)) -> Any:
        """Where the first row in or after *year* of each target's group is:
        its group's ``end`` when there is none (targets *which* of those given)."""
        offset = np.clip(year - self.first, 0, self.span)
        found = np.searchsorted(self.key, self.group_key[which] + offset, "left")
        return np.maximum(found, self.begin[which])

    def one_unit(self, unit: Any) -> Any:
        """Whether each target's rows are all in *unit* (a code per target)."""
        return (self.low_unit == unit) & (self.high_unit == unit)


def assess_changes(
    np: Any, c: _Columns, out: _Output, given: _Given
) -> tuple[Any, Any]:
    """Increments and reductions: ``(taken, flagged)`` over the targets."""
    taken = _of_kinds(np, c, ("increment", "reduction"))
    flagged = np.zeros(taken.size, bool)
    if not taken.any():
        return taken, flagged
    slots = np.flatnonzero(taken)
    rows = c.targets[slots]
    reductions = np.zeros(taken.size, bool)
    reductions[slots] = _is_in(np, c, "target_kind", ("reduction",))[rows]
    yearly = _Yearly(np, c, given.observed & c.level, rows)
    start = np.where(c.base_year[rows] >= 0, c.base_year[rows], c.start_year[rows])
    at = yearly.position(np, start)
    start_rows = _at(np, yearly.index, at)
    found = (at < yearly.end) & (c.year[start_rows] == start)
    # Not observed in the start year: no level is implied (units do not matter).
    none = slots[~found]
    out.status[none] = Status.INSUFFICIENT_DATA.value
    out.vectorised[none] = True
    keep = np.flatnonzero(found)
    slots, rows, start_rows = slots[keep], rows[keep], start_rows[keep]
    start = start[keep]
    relative = reductions[slots] & (c.unit[rows] == c.percent)
    # A cut in percent is of the levels in their own unit; any other change
    # is in the levels' unit.  Units to convert: the object path.
    low, high = yearly.low_unit[keep], yearly.high_unit[keep]
    one_unit = (low == high) & (relative | (low == c.unit[rows]))
    x0 = _Figures(
        np,
        c.value[start_rows],
        c.qualifier[start_rows],
        c.approximate[start_rows],
    )
    change = _Figures(np, c.value[rows], c.qualifier[rows], c.approximate[rows])
    r = change.value
    with np.errstate(all="ignore"):
        implied = np.where(
            relative,
            x0.value * (1 - r / 100),
            np.where(reductions[slots], x0.value - r, x0.value + r),
        )
    sign = np.where(reductions[slots], -1, 1)
    level, level_qualifier = _apply(
        np, implied, [(x0, 1), (change, sign)], np.ones(slots.size, bool)
    )
    # A change of 100 % or more: the band is the level's own (rules._change_width).
    percent = c.unit[rows] == c.percent
    flagged[slots] = ~one_unit | (percent & (r >= 100))
    unbounded = one_unit & (level_qualifier == _NONE)
    out.status[slots[unbounded]] = Status.INSUFFICIENT_DATA.value
    usable = np.flatnonzero(one_unit & (level_qualifier != _NONE))
    out.vectorised[slots[unbounded & ~flagged[slots]]] = True
    if usable.size:
        goal = _Figures(
            np,
            level[usable],
            level_qualifier[usable],
            x0.approximate[usable] | change.approximate[usable],
        )
        near = _implied_metrics(
            np,
            c,
            out,
            (slots[usable], rows[usable]),
            (yearly, keep[usable], start[usable]),
            (goal, change.value[usable], change.approximate[usable]),
            given,
        )
        flagged[slots[usable]] |= near
        done = slots[usable]
        out.vectorised[done[~flagged[done]]] = True
    return taken, flagged


def _implied_metrics(
    np: Any,
    c: _Columns,
    out: _Output,
    where: tuple[Any, Any],
    found: tuple[_Yearly, Any, Any],
    stated: tuple[_Figures, Any, Any],
    given: _Given,
) -> Any:
    """The CAGR-ratio method on the implied *goal*; returns the rows to flag.

    *where* are the targets' slots and rows; *found* the yearly rows, each
    target's position among ``_Yearly``'s targets and its start year;
    *stated* the implied level, and the change and whether it is approximate.
    """
    slots, rows = where
    yearly, which, start = found
    goal, change, approximate = stated
    chosen = start if given.baseline_year is None else given.baseline_year
    end = yearly.end[which]
    at = yearly.position(np, chosen, which)
    has_baseline = at < end
    base_rows = _at(np, yearly.index, at)
    latest_rows = yearly.index[end - 1]

    def figures(chosen_rows: Any) -> _Figures:
        return _Figures(
            np,
            c.value[chosen_rows],
            c.qualifier[chosen_rows],
            c.approximate[chosen_rows],
        )

    d = np.where(c.lower[rows], -1, 1)
    series = _Series(
        goal=goal,
        latest=figures(latest_rows),
        base=figures(base_rows),
        target_year=c.year[rows],
        latest_year=c.year[latest_rows],
        baseline_year=np.where(has_baseline, c.year[base_rows], -1),
        d=d,
    )
    percent = c.unit[rows] == c.percent
    flagged = _level_metrics(np, out, slots, series, percent, given.settings)
    out.values["target_level"][slots] = goal.value
    out.qualifiers["target_level"][slots] = goal.qualifier
    width = _change_width(np, goal.value, change, approximate, percent, given.settings)
    verdict, near = _verdicts(
        np,
        out.status[slots],
        (goal, series.latest),
        d,
        given.settings,
        percent,
        width=width,
    )
    out.verdict[slots] = verdict
    return flagged | near


def _change_width(
    np: Any,
    level: Any,
    change: Any,
    approximate: Any,
    percent: Any,
    settings: _Settings,
) -> Any:
    """As ``rules._change_width``: the band's half-width around the implied level.

    As wide as the band of the change stated: its relative band (and the
    tolerance of "about") for an amount; for a change in percent, *w* points
    of the rate are ``level * w / (100 - r)`` of the level.  Changes of
    100 % or more are flagged by the caller.
    """
    thresholds, bands = settings
    about = np.where(
        percent,
        float(thresholds.about_points),
        np.abs(change) * float(thresholds.about_relative),
    )
    width = np.where(
        percent, float(bands.points), np.abs(change) * float(bands.relative)
    )
    width = width + np.where(approximate, about, 0.0)
    with np.errstate(all="ignore"):
        scaled = np.abs(level) * width / (100 - change)
    return np.where(percent, scaled, width)
