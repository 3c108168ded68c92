"""Growth targets on whole columns: where each target's observed growth comes from.

As ``growth._observed_growth`` and ``growth._growth_in`` on the object path:
a target's yearly levels (at comparable prices where two or more of its
years are, else all of them) and its yearly reported rates, each found by a
binary search in the sorted yearly rows of :func:`._yearly_rows`.  Each
finding is a :class:`_Growth`: the growth factor's logarithm, its bounds,
and the year it reaches; :mod:`.columnar_growth` turns those into metrics,
statuses and verdicts.
"""

from __future__ import annotations

from typing import Any

import attrs

from .columnar_figures import (
    _ABOUT,
    _AT_LEAST,
    _AT_MOST,
    _EXACT,
    _LESS_THAN,
    _MORE_THAN,
    _NEAR,
    _NONE,
    _SIDES,
    _Figures,
    _near,
)
from .columnar_levels import _apply, _yearly_rows
from .columnar_table import _Columns


@attrs.frozen
class _Growth:
    """One entry per target: the growth found for it, where *found*.

    *log* is the natural logarithm of the growth factor; *figure* carries its
    bounds (its value is the growth as a fraction, for levels); *year* is the
    latest year it reaches; *flag* marks the targets whose series the object
    path must read (levels in several units, rates not in percent or of
    -100 % or less); *tiny* those whose growth is so near zero that floats
    lose its digits.
    """

    found: Any
    log: Any
    figure: _Figures
    year: Any
    flag: Any
    tiny: Any


class _Sorted:
    """The yearly rows of one kind of report, sorted by owner, metric and year.

    Each target's rows are ``[begin, end)``; :meth:`at` finds a year's row.
    """

    def __init__(self, np: Any, c: _Columns, observed: Any) -> None:
        self.np = np
        self.index, self.key, self.span, self.first = _yearly_rows(np, c, observed)
        group = c.group[c.targets] * self.span
        self.group = group
        self.begin = np.searchsorted(self.key, group, "left")
        self.end = np.searchsorted(self.key, group + self.span, "left")

    def at(self, year: Any) -> tuple[Any, Any]:
        """Each target's row for *year* (a position in the sorted rows), and
        whether it has one."""
        np = self.np
        offset = year - self.first
        # A year outside every row's years has no row; its key would fall in
        # a neighbouring group's range.
        inside = (offset >= 1) & (offset <= self.span - 2)
        want = self.group + np.where(inside, offset, 0)
        position = np.searchsorted(self.key, want, "left")
        clipped = np.minimum(position, max(self.key.size - 1, 0))
        found = inside & (position < self.key.size)
        if self.key.size:
            found &= self.key[clipped] == want
        return clipped, found

    def counts(self, mask: Any, begin: Any, end: Any) -> Any:
        """How many of the sorted rows in ``[begin, end)`` *mask* marks."""
        np = self.np
        running = np.concatenate(([0], np.cumsum(mask, dtype=np.int64)))
        # Targets without rows have positions past the end: no rows counted.
        begin = np.minimum(begin, mask.size)
        return running[np.clip(end, begin, mask.size)] - running[begin]


def _levels_growth(
    np: Any, c: _Columns, observed: Any, start: Any, one_year: Any
) -> tuple[_Growth, _Growth, Any]:
    """Growth from levels, as ``_comparable_levels`` picks them.

    Returns the growth since *start* to the latest level, that over the
    target's year (for *one_year* targets), and whether any level taken is
    at comparable prices (such levels win over chained rates).
    """
    levels = _Sorted(np, c, observed & c.level)
    rows = c.targets
    index = levels.index
    codes, names = c.codes("price_basis")
    wanted = names.index("comparable prices") if "comparable prices" in names else -2
    comparable = codes[index] == wanted
    begin, end = levels.begin, levels.end
    seen = end > begin
    counted = levels.counts(comparable, begin, end)
    only_comparable = counted >= 2
    # Levels in several units need converting (an exchange rate): objects.
    unit = c.unit[index]
    changes = np.zeros(index.size, bool)
    changes[1:] = unit[1:] != unit[:-1]
    mixed = seen & (levels.counts(changes, np.minimum(begin + 1, end), end) > 0)

    def chosen(year: Any) -> tuple[Any, Any]:
        position, found = levels.at(year)
        if index.size:
            found &= comparable[position] | ~only_comparable
        return index[position] if index.size else position, found

    # The latest level taken: the last comparable one, or the last one.
    positions = np.arange(index.size)
    last_comparable = np.maximum.accumulate(np.where(comparable, positions, -1))
    last = np.maximum(end - 1, 0)
    if index.size:
        latest_position = np.where(only_comparable, last_comparable[last], last)
        latest = index[np.maximum(latest_position, 0)]
    else:
        latest = np.zeros(rows.size, np.int64)
    base, has_base = chosen(start)
    span_found = seen & has_base & (c.year[latest] > start)
    span = _ratio_of(np, c, base, latest, span_found, mixed)
    before, has_before = chosen(c.year[rows] - 1)
    after, has_after = chosen(c.year[rows])
    year_found = one_year & has_before & has_after
    year = _ratio_of(np, c, before, after, year_found, mixed)
    return span, year, counted >= 1


def _ratio_of(
    np: Any, c: _Columns, before: Any, after: Any, found: Any, mixed: Any
) -> _Growth:
    """The growth from the level of row *before* to that of row *after*."""
    x0, x1 = c.value[before], c.value[after]
    first = _Figures(np, x0, c.qualifier[before], c.approximate[before])
    last = _Figures(np, x1, c.qualifier[after], c.approximate[after])
    positive = (x0 > 0) & (x1 > 0)
    with np.errstate(all="ignore"):
        # (x1 - x0) / x0 keeps a small growth's digits that x1 / x0 - 1 loses.
        change = (x1 - x0) / x0
        log = np.log1p(change)
    value, qualifier = _apply(np, change, [(first, -1), (last, 1)], found & positive)
    figure = _Figures(np, value, qualifier, first.approximate | last.approximate)
    # Bounds on opposite sides bound no growth: the object path finds none.
    usable = qualifier != _NONE
    # A level of zero or less after a positive one (a fall of 100 % or
    # more) is rare: objects decide.
    flag = mixed | (found & (x0 > 0) & ~(x1 > 0))
    tiny = _near(np, x0, x1, _NEAR)
    return _Growth(found & usable, log, figure, c.year[after], flag, tiny)


def _chained(np: Any, c: _Columns, observed: Any, start: Any) -> tuple[_Growth, Any]:
    """Reported yearly rates chained from *start* + 1 while no year is missing.

    Returns the chain and, for one-year targets, each target year's rate
    (as its row, and whether it has one).
    """
    rates = _Sorted(np, c, observed & _reports(c, "growth"))
    index, key = rates.index, rates.key
    rows = c.targets
    first, found = rates.at(start + 1)
    # The last row of each run of consecutive years (keys one apart; groups'
    # keys are never adjacent).
    ends = np.flatnonzero(np.concatenate((key[1:] != key[:-1] + 1, [True])))
    last = ends[np.searchsorted(ends, first)] if ends.size else first
    stop = last + 1
    value = c.value[index]
    percent = c.unit[index] == c.percent
    # A rate of -100 % or less ends the chain on the object path; rates in
    # another unit are rare: both are left to it.
    odd = ~percent | (value <= -100)
    flag = found & (rates.counts(odd, first, stop) > 0)
    with np.errstate(all="ignore"):
        logs = np.log1p(value / 100)
    logs = np.where(odd, 0.0, logs)
    log = _segment_sum(np, logs, first, stop, found)
    # Each rate's rounding error is of its own size: a sum far smaller than
    # its terms has lost its digits.
    tiny = np.abs(log) <= _NEAR * _segment_sum(np, np.abs(logs), first, stop, found)
    figure = _chain_bounds(np, c, rates, (first, stop), found)
    found &= figure.qualifier != _NONE
    year = c.year[index[last]] if index.size else np.zeros(rows.size, np.int64)
    at_year = rates.at(c.year[rows])
    chain = _Growth(found, log, figure, year, flag, tiny)
    return chain, (index[at_year[0]] if index.size else at_year[0], at_year[1])


def _chain_bounds(
    np: Any, c: _Columns, rates: _Sorted, segment: tuple[Any, Any], found: Any
) -> _Figures:
    """The bounds ``_apply`` gives a product of rates, each rising with it."""
    index = rates.index
    sides = np.array((*_SIDES, (False,) * 4), dtype=bool)[c.qualifier[index]]
    begin, stop = segment
    length = stop - begin

    def every(column: Any) -> Any:
        return rates.counts(column, begin, stop) == length

    lower, upper = every(sides[:, 0]), every(sides[:, 2])
    approximate = rates.counts(c.approximate[index], begin, stop) > 0
    qualifier = np.select(
        [
            lower & upper & approximate,
            lower & upper,
            lower & every(sides[:, 1]),
            lower,
            upper & every(sides[:, 3]),
            upper,
        ],
        [_ABOUT, _EXACT, _AT_LEAST, _MORE_THAN, _AT_MOST, _LESS_THAN],
        _NONE,
    )
    qualifier = np.where(found, qualifier, _NONE)
    return _Figures(np, np.zeros(begin.size), qualifier, approximate)


def _segment_sum(np: Any, values: Any, begin: Any, stop: Any, found: Any) -> Any:
    """The sum of ``values[begin:stop]`` for each target that has a segment."""
    result = np.zeros(begin.size)
    if not found.any():
        return result
    padded = np.concatenate((values, [0.0]))
    chosen = np.flatnonzero(found)
    bounds = np.empty(2 * chosen.size, np.int64)
    bounds[0::2], bounds[1::2] = begin[chosen], stop[chosen]
    result[chosen] = np.add.reduceat(padded, bounds)[0::2]
    return result


def _reports(c: _Columns, reports: str) -> Any:
    """The rows whose ``target_kind`` is *reports* (an observation's)."""
    codes, names = c.codes("target_kind")
    return codes == (names.index(reports) if reports in names else -2)
