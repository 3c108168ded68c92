"""Caps and cumulative totals on whole columns.

Caps as ``caps._cap_method``: the latest level (or, for a cap stated as
growth, the latest yearly rate reported) against the cap and the tolerance
of "about", and the headroom used.  Cumulative totals as
``cumulative._cumulative_method``: the sum of the yearly levels after the
start year up to the target year, by segmented sums over the sorted rows, a
lower bound where a year is missing, and the attainment against the share
of the span elapsed.  Rows in another unit, at or below zero, or near a
decision are returned flagged, for the object path.
"""

from __future__ import annotations

from typing import Any

import attrs

from .columnar_changes import _at, _is_in, _of_kinds, _Yearly
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
from .columnar_levels import _apply, _gap, _graded, _near_thresholds
from .columnar_table import _Columns, _Given, _Output
from .results import Status, Verdict

# -- caps --------------------------------------------------------------------------


def assess_caps(np: Any, c: _Columns, out: _Output, given: _Given) -> tuple[Any, Any]:
    """Caps, stated as levels or as growth: ``(taken, flagged)`` over the targets."""
    taken = _of_kinds(np, c, ("cap",))
    flagged = np.zeros(taken.size, bool)
    if not taken.any():
        return taken, flagged
    slots = np.flatnonzero(taken)
    rows = c.targets[slots]
    levels = _Yearly(np, c, given.observed & c.level, rows)
    # The latest level, in the cap's unit (others are converted there).
    latest = _Latest.of(c, _at(np, levels.index, levels.end - 1))
    seen = levels.seen
    usable = levels.one_unit(c.unit[rows])
    growth = ("growth", "average annual growth")
    as_growth = _is_in(np, c, "change", growth)[rows]
    if as_growth.any():
        rates, seen_rates, usable_rates = _latest_growth(np, c, given, rows, levels)
        latest = latest.where(np, as_growth, rates)
        seen = np.where(as_growth, seen_rates, seen)
        usable = np.where(as_growth, usable_rates, usable)
    flagged[slots] = seen & ~usable
    none = ~seen
    out.status[slots[none]] = Status.INSUFFICIENT_DATA.value
    out.vectorised[slots[none]] = True
    work = np.flatnonzero(seen & usable)
    near = _cap_metrics(np, c, out, slots[work], rows[work], latest.take(work), given)
    flagged[slots[work]] |= near
    done = slots[work]
    out.vectorised[done[~flagged[done]]] = True
    return taken, flagged


@attrs.frozen
class _Latest:
    """Each cap's latest figure: a row's, or a growth computed from two."""

    value: Any
    qualifier: Any
    approximate: Any
    year: Any

    @classmethod
    def of(cls, c: _Columns, rows: Any) -> _Latest:
        return cls(c.value[rows], c.qualifier[rows], c.approximate[rows], c.year[rows])

    def where(self, np: Any, mask: Any, other: _Latest) -> _Latest:
        """*other*'s figures where *mask* is true, these elsewhere."""
        return _Latest(
            *(
                np.where(mask, theirs, ours)
                for ours, theirs in zip(
                    attrs.astuple(self, recurse=False),
                    attrs.astuple(other, recurse=False),
                    strict=True,
                )
            )
        )

    def take(self, which: Any) -> _Latest:
        return _Latest(*(field[which] for field in attrs.astuple(self, recurse=False)))


def _latest_growth(
    np: Any, c: _Columns, given: _Given, rows: Any, levels: _Yearly
) -> tuple[_Latest, Any, Any]:
    """For caps stated as growth: the latest yearly growth, whether there is
    one, and whether it is usable here (else the object path decides).

    As ``caps._cap_method``: each year's rate as reported, else computed from
    that year's level and the year before's (``growth._growth_in``); the
    latest year of either counts.  Levels in several units, a level at or
    below zero before a year computed, or bounds that bound no growth: the
    object path.
    """
    reported = _is_in(np, c, "target_kind", ("growth",))
    rates = _Yearly(np, c, given.observed & reported, rows)
    latest = _Latest.of(c, _at(np, rates.index, rates.end - 1))
    rate_year = np.where(rates.seen, latest.year, -1)
    computed, paired = _computed_growth(np, c, levels)
    # A year with a rate reported takes that rate, computable or not.
    by_levels = paired & (computed.year > rate_year)
    latest = latest.where(np, by_levels, computed)
    one_level_unit = ~levels.seen | (levels.low_unit == levels.high_unit)
    unit = c.unit[rows]
    usable = one_level_unit & np.where(
        by_levels,
        (computed.qualifier != _NONE) & (unit == c.percent),
        rates.one_unit(unit),
    )
    return latest, rates.seen | paired, usable


def _computed_growth(np: Any, c: _Columns, levels: _Yearly) -> tuple[_Latest, Any]:
    """Each cap's latest growth computed from the levels of two years running.

    As ``growth._comparable_levels``: from the levels at comparable prices
    where at least two are, else from all.  Returns the growth (qualifier
    ``_NONE`` where it is not defined: a level at or below zero before it,
    or bounds that bound nothing) and whether there are two such years.
    """
    index, key = levels.index, levels.key
    if not index.size:
        nothing = np.zeros(levels.begin.size, dtype=np.int64)
        none = np.full(nothing.size, _NONE)
        unseen = nothing.astype(bool)
        return _Latest(nothing * 0.0, none, unseen, nothing), unseen
    comparable = _is_in(np, c, "price_basis", ("comparable prices",))[index]
    running = np.concatenate(([0], np.cumsum(comparable, dtype=np.int64)))
    only_comparable = running[levels.end] - running[levels.begin] >= 2
    paired, after = _latest_pair(np, levels, np.ones(index.size, bool))
    paired_comparable, after_comparable = _latest_pair(np, levels, comparable)
    paired = np.where(only_comparable, paired_comparable, paired)
    after = np.where(only_comparable, after_comparable, after)
    # Keys are unique and the year before is among them where paired.
    before = np.minimum(np.searchsorted(key, key[after] - 1), index.size - 1)
    x0 = _Figures(
        np,
        c.value[index[before]],
        c.qualifier[index[before]],
        c.approximate[index[before]],
    )
    x1 = _Figures(
        np,
        c.value[index[after]],
        c.qualifier[index[after]],
        c.approximate[index[after]],
    )
    with np.errstate(all="ignore"):
        growth = (x1.value / x0.value - 1) * 100
    value, qualifier = _apply(np, growth, [(x0, -1), (x1, 1)], x0.value > 0)
    computed = _Latest(
        value,
        qualifier,
        x0.approximate | x1.approximate,
        c.year[index[after]],
    )
    return computed, paired


def _latest_pair(np: Any, levels: _Yearly, chosen: Any) -> tuple[Any, Any]:
    """For each target: whether two years running of the *chosen* levels are
    observed, and the position in ``levels.index`` of the later of the latest two.
    """
    positions = np.flatnonzero(chosen)
    keys = levels.key[positions]
    # A year whose year before is chosen too (keys run by year in a group).
    paired = np.isin(keys - 1, keys)
    keys, positions = keys[paired], positions[paired]
    if not keys.size:
        nothing = np.zeros(levels.begin.size, dtype=np.int64)
        return nothing.astype(bool), nothing
    last = np.searchsorted(keys, levels.group_key + levels.span, "left") - 1
    found = last >= 0
    last = np.clip(last, 0, None)
    found &= keys[last] >= levels.group_key
    return found, positions[last]


def _cap_metrics(
    np: Any,
    c: _Columns,
    out: _Output,
    slots: Any,
    rows: Any,
    found: _Latest,
    given: _Given,
) -> Any:
    """Status, verdict, actual and headroom of caps; returns the rows to flag."""
    thresholds = given.settings[0]
    latest = _Figures(np, found.value, found.qualifier, found.approximate)
    cap = c.value[rows]
    percent = c.unit[rows] == c.percent
    # As rules._compare: the cap, widened by the tolerance of "about".
    tolerance = np.where(
        c.approximate[rows],
        np.where(
            percent,
            float(thresholds.about_points),
            np.abs(cap) * float(thresholds.about_relative),
        ),
        0.0,
    )
    low, high = cap - tolerance, cap + tolerance
    x = latest.value
    # Whether the latest value is surely at or above low, and surely not.
    above_low = latest.lower & (x >= low)
    not_above_low = latest.upper & ((x < low) | ((x == low) & ~latest.upper_inclusive))
    under_high = latest.upper & (x <= high)
    not_under_high = latest.lower & (
        (x > high) | ((x == high) & ~latest.lower_inclusive)
    )
    decided = (above_low | not_above_low) & (under_high | not_under_high)
    status = np.where(
        decided,
        np.where(under_high, Status.WITHIN_CAP.value, Status.CAP_EXCEEDED.value),
        Status.INSUFFICIENT_DATA.value,
    )
    verdict = np.where(
        decided,
        np.where(under_high, Verdict.AS_PROJECTED.value, Verdict.HIGHER.value),
        None,
    )
    with np.errstate(all="ignore"):
        used = _apply(np, x / cap, [(latest, 1)], cap > 0)
    out.status[slots] = status
    out.verdict[slots] = verdict
    out.latest_year[slots] = found.year
    out.values["actual"][slots] = x
    out.qualifiers["actual"][slots] = latest.qualifier
    out.values["headroom_used"][slots] = used[0]
    out.qualifiers["headroom_used"][slots] = used[1]
    # Where floats could decide otherwise than exact decimals: objects decide.
    near = _near(np, x, low, _NEAR) | _near(np, x, high, _NEAR)
    return near | ~np.isfinite(x) | (cap <= 0)


# -- cumulative totals ---------------------------------------------------------------


def assess_cumulative(
    np: Any, c: _Columns, out: _Output, given: _Given
) -> tuple[Any, Any]:
    """Cumulative totals: ``(taken, flagged)`` over the targets."""
    taken = _of_kinds(np, c, ("cumulative total",))
    flagged = np.zeros(taken.size, bool)
    if not taken.any():
        return taken, flagged
    slots = np.flatnonzero(taken)
    rows = c.targets[slots]
    yearly = _Yearly(np, c, given.observed & c.level, rows)
    start = np.where(c.base_year[rows] >= 0, c.base_year[rows], c.start_year[rows])
    end = c.year[rows]
    # The years summed: after the start year, up to the target year.
    first = yearly.position(np, start + 1)
    stop = np.maximum(yearly.position(np, end + 1), first)
    summed = stop > first
    # Every level is converted to the target's unit first, summed or not.
    usable = ~yearly.seen | yearly.one_unit(c.unit[rows])
    flagged[slots] = ~usable
    none = usable & ~summed
    out.status[slots[none]] = Status.INSUFFICIENT_DATA.value
    out.vectorised[slots[none]] = True
    work = np.flatnonzero(usable & summed)
    if work.size:
        near = _totals(
            np,
            c,
            out,
            (slots[work], rows[work]),
            (yearly.index, first[work], stop[work], start[work]),
            given,
        )
        flagged[slots[work]] |= near
    done = slots[work]
    out.vectorised[done[~flagged[done]]] = True
    return taken, flagged


def _totals(
    np: Any,
    c: _Columns,
    out: _Output,
    where: tuple[Any, Any],
    ranges: tuple[Any, Any, Any, Any],
    given: _Given,
) -> Any:
    """Each target's sum and what follows from it; returns the rows to flag.

    *where* are the targets' slots and rows; *ranges* the yearly rows, each
    target's ``[first, stop)`` of them, and its start year.
    """
    slots, rows = where
    index, first, stop, start = ranges
    counted = stop - first
    total = _segment_sums(np, c.value[index], first, stop)
    # The sum's qualifier, as Figure.__add__ gives it: a side where every
    # figure summed has it, inclusive where each is.
    qualifier = c.qualifier[index]
    counts = {
        name: _segment_counts(np, mask, first, stop)
        for name, mask in {
            "no_lower": (qualifier == _AT_MOST) | (qualifier == _LESS_THAN),
            "no_upper": (qualifier == _AT_LEAST) | (qualifier == _MORE_THAN),
            "more_than": qualifier == _MORE_THAN,
            "less_than": qualifier == _LESS_THAN,
            "approximate": c.approximate[index],
            "not_positive": c.value[index] <= 0,
        }.items()
    }
    lower, upper = counts["no_lower"] == 0, counts["no_upper"] == 0
    approximate = counts["approximate"] > 0
    last = c.year[_at(np, index, stop - 1)]
    # A year without an observation: the sum so far is a lower bound.
    missing = last - start > counted
    # One year alone is not summed: its figure stands as stated ("exact"
    # and approximate stays "exact"; a sum of two would be "about").
    alone = np.where(counted == 1, qualifier[first], _NONE)
    summed_qualifier = np.select(
        [
            lower & missing,
            alone != _NONE,
            lower & upper & approximate,
            lower & upper,
            lower,
            upper,
        ],
        [
            _AT_LEAST,
            alone,
            _ABOUT,
            _EXACT,
            np.where(counts["more_than"] == 0, _AT_LEAST, _MORE_THAN),
            np.where(counts["less_than"] == 0, _AT_MOST, _LESS_THAN),
        ],
        _NONE,
    )
    # Bounds on opposite sides bound nothing: insufficient data, no figures.
    unbounded = summed_qualifier == _NONE
    out.status[slots[unbounded]] = Status.INSUFFICIENT_DATA.value
    bounded = ~unbounded
    slots, rows = slots[bounded], rows[bounded]
    sum_figure = _Figures(
        np, total[bounded], summed_qualifier[bounded], approximate[bounded]
    )
    flagged = np.zeros(bounded.size, bool)
    flagged[bounded] = _graded_totals(
        np,
        c,
        out,
        (slots, rows),
        (sum_figure, last[bounded], start[bounded], missing[bounded]),
        given,
    )
    return flagged | (counts["not_positive"] > 0) | ~np.isfinite(total)


def _graded_totals(
    np: Any,
    c: _Columns,
    out: _Output,
    where: tuple[Any, Any],
    found: tuple[_Figures, Any, Any, Any],
    given: _Given,
) -> Any:
    """Metrics, status and verdict of bounded sums; returns the rows to flag."""
    slots, rows = where
    total, last, start, missing = found
    thresholds = given.settings[0]
    t, x = c.value[rows], total.value
    end = c.year[rows]
    remaining = end - last
    ahead = remaining > 0
    higher = np.ones(rows.size, dtype=np.int64)
    values: dict[str, tuple[Any, Any]] = {"actual": (x, total.qualifier)}
    with np.errstate(all="ignore"):
        attainment = x / t
        values["attainment"] = _apply(np, attainment, [(total, 1)], t > 0)
        values["gap"] = _gap(np, t, total, higher)
        linear = (t - x) / np.where(ahead, remaining, 1)
        values["linear_change_needed"] = _apply(np, linear, [(total, -1)], ahead)
        elapsed = (last - start) / (end - start)
        ratio = attainment / elapsed
    achieved = total.lower & (x >= t)
    graded = ~achieved & ahead & (t > 0)
    values["ratio"] = _apply(np, ratio, [(total, 1)], graded)
    conditions, choices = _graded(thresholds, ratio)
    status = np.select(
        [achieved, ~ahead & missing, ~ahead, t <= 0, *conditions],
        [
            Status.ACHIEVED.value,
            Status.INSUFFICIENT_DATA.value,
            Status.NOT_ACHIEVED.value,
            Status.INSUFFICIENT_DATA.value,
            *choices,
        ],
        Status.DETERIORATION.value,
    )
    goal = _Figures(np, t, c.qualifier[rows], c.approximate[rows])
    d = np.where(c.lower[rows], -1, 1)
    percent = c.unit[rows] == c.percent
    verdict, near = _verdicts(np, status, (goal, total), d, given.settings, percent)
    for metric, (value, qualifier) in values.items():
        out.values[metric][slots] = value
        out.qualifiers[metric][slots] = qualifier
    out.status[slots] = status
    out.verdict[slots] = verdict
    out.latest_year[slots] = last
    # Where floats could decide otherwise than exact decimals: objects decide.
    flagged = near | _near(np, x, t, _NEAR) | (t <= 0)
    flagged |= graded & _near_thresholds(np, ratio, thresholds)
    return flagged


def _segment_sums(np: Any, values: Any, first: Any, stop: Any) -> Any:
    """The sum of ``values[first:stop]`` for each pair (each range not empty).

    Summed range by range (``np.add.reduceat``), not as differences of a
    running total, which would lose the digits of a small sum after large ones.
    """
    padded = np.append(values, 0.0)
    bounds = np.empty(2 * first.size, dtype=np.int64)
    bounds[0::2], bounds[1::2] = first, stop
    return np.add.reduceat(padded, bounds)[0::2]


def _segment_counts(np: Any, mask: Any, first: Any, stop: Any) -> Any:
    """How many of ``mask[first:stop]`` are true, for each pair."""
    running = np.concatenate(([0], np.cumsum(mask, dtype=np.int64)))
    return running[stop] - running[first]
