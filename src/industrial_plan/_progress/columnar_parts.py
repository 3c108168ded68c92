"""Shares and ratios per head computed from their parts, on whole columns.

As ``levels._share_method`` and ``levels._ratio_method`` on the object path
(``series._share_series``, ``series._ratio_series``, ``series._quotients``):
each year both are observed, the target metric's level over the level of the
metric it is taken *of* (the owner's, else the region's), times 100 for a
share or the target's ``per`` for a ratio, where no share (in percent) or
ratio (rescaled to the target's ``per``) is reported as such for that year;
then the CAGR-ratio method (:func:`_level_metrics`) on that yearly series.
A share's gaps are in percentage points: the same numbers as percent.

Rows whose series the object path would build otherwise are returned
flagged: parts in units that need converting (or a currency against a
count), price bases that disagree, denominators of zero or less, quotients
without a bound, ratios reported in another unit, and values near a
decision.  A goal stated with a scale word ("12万元 per head") needs no
object path: values are in base units on both paths.
"""

from __future__ import annotations

from typing import Any

from industrial_plan._money.units import currency_of, ureg

from .columnar_changes import _at, _is_in
from .columnar_figures import _NONE, _Figures
from .columnar_levels import _apply, _level_metrics, _Series, _yearly_rows
from .columnar_table import _Columns, _Given, _Output
from .results import Status

_SHARE, _RATIO = "share", "per-population ratio"


def assess_parts(np: Any, c: _Columns, out: _Output, given: _Given) -> tuple[Any, Any]:
    """Shares with an ``of`` and ratios per head: ``(taken, flagged)``."""
    rows = c.targets
    stated = c.has_value[rows]
    shares = (
        stated & _is_in(np, c, "target_kind", (_SHARE,))[rows] & ~c.without_of[rows]
    )
    ratios = stated & _is_in(np, c, "target_kind", (_RATIO,))[rows]
    taken = shares | ratios
    flagged = np.zeros(taken.size, bool)
    if not taken.any():
        return taken, flagged
    slots = np.flatnonzero(taken)
    rows = rows[slots]
    is_share = shares[slots]
    # Each owner and metric as one dense code, so that any pair of them (an
    # owner and the metric a target is taken of) has a code too.
    owner = np.unique(c.owner, return_inverse=True)[1]
    width = len(c.metrics) + 1
    pair = owner.astype(np.int64) * width + (c.metric + 1)
    denominator = _denominators(np, c, rows, is_share)
    regional = _regional_owner(np, c, owner, rows)
    own = pair[rows]
    flagged[slots] = ~_plain_shape(np, c, rows, is_share)
    index, key, span, first = _yearly_rows(np, c, given.observed & c.level, pair)
    begin = np.searchsorted(key, own * span, "left")
    end = np.searchsorted(key, (own + 1) * span, "left")
    # Each target's numerator years, one element per (target, year).
    lengths = end - begin
    target = np.repeat(np.arange(rows.size), lengths)
    starts = np.cumsum(lengths) - lengths
    position = begin[target] + (np.arange(target.size) - starts[target])
    top = index[position]
    offset = c.year[top] - first
    # The denominator of the same year: the owner's, else the region's.
    mine = denominator[target] >= 0
    wanted = (owner[rows[target]] * width + denominator[target] + 1) * span + offset
    at = np.searchsorted(key, wanted, "left")
    found = mine & (at < key.size) & (_at(np, key, at) == wanted)
    has_region = mine & (regional[target] >= 0)
    fallback = (regional[target] * width + denominator[target] + 1) * span + offset
    at_region = np.searchsorted(key, fallback, "left")
    found_region = (
        ~found
        & has_region
        & (at_region < key.size)
        & (_at(np, key, at_region) == fallback)
    )
    bottom = np.where(found, _at(np, index, at), _at(np, index, at_region))
    used = found | found_region
    quotient, qualifier, approximate, odd = _quotients(
        np, c, (top, bottom), rows[target], is_share[target]
    )
    odd &= used
    flagged[slots] |= np.bincount(target[odd], minlength=rows.size) > 0
    # The series: the years both parts are observed, in year order.
    keep = np.flatnonzero(used & ~odd)
    computed = (
        target[keep],
        c.year[top[keep]],
        quotient[keep],
        qualifier[keep],
        approximate[keep],
    )
    # Shares or ratios reported as such come first; the quotients fill in.
    reported, odd = _reported(np, c, given.observed, (pair, own, rows, is_share))
    flagged[slots] |= odd
    target, year, quotient, qualifier, approximate = _merged(np, reported, computed)
    counts = np.bincount(target, minlength=rows.size)
    seen = counts > 0
    none = slots[~seen & ~flagged[slots]]
    out.status[none] = Status.INSUFFICIENT_DATA.value
    out.vectorised[none] = True
    work = np.flatnonzero(seen)
    if work.size:
        series_end = np.cumsum(counts)
        series_begin = series_end - counts
        flagged[slots[work]] |= _metrics(
            np,
            c,
            out,
            (slots[work], rows[work], is_share[work]),
            (target * span + (year - first), series_begin[work], series_end[work]),
            (quotient, qualifier, approximate, year),
            (work * span, span, first),
            given,
        )
        done = slots[work]
        out.vectorised[done[~flagged[done]]] = True
    return taken, flagged


def _reported(
    np: Any, c: _Columns, observed: Any, targets: tuple[Any, Any, Any, Any]
) -> tuple[tuple[Any, ...], Any]:
    """The shares and ratios reported as such, as ``series._share_series``
    and ``series._ratio_series`` take them, and the targets to flag.

    Returns one element per (target, year): the target's position, the year,
    the value (a ratio rescaled to the target's ``per``), its qualifier and
    whether it is approximate.  A share not in percent is left out, as
    there; a ratio in another unit than the target's is flagged.
    """
    pair, own, rows, is_share = targets
    percent = c.unit == c.percent
    shares = _is_in(np, c, "target_kind", ("share",)) & percent
    ratios = _is_in(np, c, "target_kind", ("ratio",))
    empty = np.zeros(0, np.int64)
    found: list[tuple[Any, ...]] = []
    odd = np.zeros(rows.size, bool)
    for mask, chosen in ((shares, is_share), (ratios, ~is_share)):
        which = np.flatnonzero(chosen)
        if not (observed & mask).any() or not which.size:
            continue
        index, key, span, _ = _yearly_rows(np, c, observed & mask, pair)
        begin = np.searchsorted(key, own[which] * span, "left")
        end = np.searchsorted(key, (own[which] + 1) * span, "left")
        lengths = end - begin
        local = np.repeat(np.arange(which.size), lengths)
        starts = np.cumsum(lengths) - lengths
        at = index[begin[local] + (np.arange(local.size) - starts[local])]
        target = which[local]
        value = c.value[at]
        if mask is ratios:
            per = c.ints("per", 0)
            goal_per = np.maximum(per[rows[target]], 1)
            wrong = (c.unit[at] != c.unit[rows[target]]) | (per[at] <= 0)
            odd |= np.bincount(target[wrong], minlength=rows.size) > 0
            with np.errstate(all="ignore"):
                value = value * goal_per / per[at]
        found.append((target, c.year[at], value, c.qualifier[at], c.approximate[at]))
    if not found:
        return (empty, empty, np.zeros(0), empty, np.zeros(0, bool)), odd
    merged = tuple(np.concatenate(parts) for parts in zip(*found, strict=True))
    return merged, odd


def _merged(np: Any, first: tuple[Any, ...], then: tuple[Any, ...]) -> tuple[Any, ...]:
    """Elements ``(target, year, ...)`` of *first*, and of *then* for the
    (target, year) pairs *first* lacks, sorted by target and year."""
    if not first[0].size:
        return then
    parts = [np.concatenate(pair) for pair in zip(first, then, strict=True)]
    priority = np.r_[np.zeros(first[0].size, bool), np.ones(then[0].size, bool)]
    order = np.lexsort((priority, parts[1], parts[0]))
    target, year = parts[0][order], parts[1][order]
    unique = np.ones(order.size, bool)
    unique[1:] = (target[1:] != target[:-1]) | (year[1:] != year[:-1])
    return tuple(part[order][unique] for part in parts)


def _denominators(np: Any, c: _Columns, rows: Any, is_share: Any) -> Any:
    """Each target's denominator as a metric code: its ``of``, a ratio's
    default "population"; -1 where that metric has no row at all."""
    of, names = c.codes("of")
    lookup = np.array(
        [c.metrics.index(n) if n in c.metrics else -1 for n in names] + [-1],
        dtype=np.int64,
    )
    code = lookup[of[rows]]
    population = c.metrics.index("population") if "population" in c.metrics else -1
    return np.where((of[rows] < 0) & ~is_share, population, code)


def _regional_owner(np: Any, c: _Columns, owner: Any, rows: Any) -> Any:
    """The dense owner code of each target's plan's region; -1 where the
    plan has no row of its region."""
    regional = (c.tier < 0) & (c.industry < 0)
    plans, at = np.unique(c.plan[regional], return_index=True)
    codes = owner[np.flatnonzero(regional)[at]]
    where = np.searchsorted(plans, c.plan[rows], "left")
    found = (where < plans.size) & (_at(np, plans, where) == c.plan[rows])
    return np.where(found, _at(np, codes, where), -1).astype(np.int64)


def _plain_shape(np: Any, c: _Columns, rows: Any, is_share: Any) -> Any:
    """Whether each target is stated as the columnar path computes it: a
    share in percent, a ratio not in percent (values are in base units on
    both paths, scale words out)."""
    percent = c.unit[rows] == c.percent
    return np.where(is_share, percent, ~percent)


def _unit_kinds(np: Any, c: _Columns) -> tuple[Any, Any]:
    """Per unit code (and -1 last): whether it is money, whether a count."""
    money = [_is_money(u) for u in c.units]
    count = [u == "" for u in c.units]
    return np.array([*money, False], bool), np.array([*count, False], bool)


def _is_money(unit: str | None) -> bool:
    if not unit:
        return False
    try:
        return currency_of(ureg.Unit(unit)) is not None
    except Exception:  # pint raises several kinds for a unit it cannot read
        return False


def _quotients(
    np: Any, c: _Columns, parts: tuple[Any, Any], goals: Any, is_share: Any
) -> tuple[Any, Any, Any, Any]:
    """numerator / denominator * scale, its qualifier and approximation, and
    where the object path would compute otherwise (``odd``)."""
    top, bottom = parts
    money, count = _unit_kinds(np, c)
    top_unit, bottom_unit = c.unit[top], c.unit[bottom]
    # A share: both in one currency, or both counts.  A ratio per head: a
    # count of people below, the target's own unit above.
    odd = np.where(
        is_share,
        (top_unit != bottom_unit) | ~(money[bottom_unit] | count[bottom_unit]),
        ~count[bottom_unit] | (top_unit != c.unit[goals]),
    )
    basis, _ = c.codes("price_basis")
    odd |= (basis[top] >= 0) & (basis[bottom] >= 0) & (basis[top] != basis[bottom])
    numerator = _Figures(np, c.value[top], c.qualifier[top], c.approximate[top])
    denominator = _Figures(
        np, c.value[bottom], c.qualifier[bottom], c.approximate[bottom]
    )
    per = c.ints("per", 1)[goals].astype(np.float64)
    scale = np.where(is_share, 100.0, per)
    positive = denominator.value > 0
    odd |= ~positive | (per <= 0)
    with np.errstate(all="ignore"):
        value = numerator.value / denominator.value * scale
    value, qualifier = _apply(np, value, [(numerator, 1), (denominator, -1)], positive)
    # A quotient with no bound: the object path leaves its year out.
    odd |= qualifier == _NONE
    return value, qualifier, numerator.approximate | denominator.approximate, odd


def _metrics(
    np: Any,
    c: _Columns,
    out: _Output,
    where: tuple[Any, Any, Any],
    series: tuple[Any, Any, Any],
    points: tuple[Any, Any, Any, Any],
    keys: tuple[Any, int, int],
    given: _Given,
) -> Any:
    """The CAGR-ratio method on each target's quotients; returns rows to flag.

    *where* are the targets' slots, rows and whether each is a share;
    *series* the points' sort keys and each target's range of them;
    *points* the quotients, their qualifiers, approximation and years;
    *keys* each target's key base, the keys' span and first year.
    """
    slots, rows, is_share = where
    key, begin, end = series
    value, qualifier, approximate, year = points
    group_key, span, first = keys
    if given.baseline_year is not None:
        start = np.full(rows.size, given.baseline_year, dtype=np.int64)
    else:
        start = np.where(c.base_year[rows] >= 0, c.base_year[rows], c.start_year[rows])
    offset = np.clip(start - first, 0, span)
    at = np.maximum(np.searchsorted(key, group_key + offset, "left"), begin)
    has_baseline = at < end
    base_at = np.minimum(at, value.size - 1)
    latest_at = end - 1

    def figures(chosen: Any) -> _Figures:
        return _Figures(np, value[chosen], qualifier[chosen], approximate[chosen])

    goal = _Figures(np, c.value[rows], c.qualifier[rows], c.approximate[rows])
    baseline_year = np.where(has_baseline, year[base_at], -1)
    # A baseline that is the latest point gives no rate: shown as there, but
    # not one _level_metrics would flag as a rate of almost zero.
    alone = has_baseline & (base_at == latest_at)
    built = _Series(
        goal=goal,
        latest=figures(latest_at),
        base=figures(base_at),
        target_year=c.year[rows],
        latest_year=year[latest_at],
        baseline_year=np.where(alone, -1, baseline_year),
        d=np.where(c.lower[rows], -1, 1),
    )
    flagged = _level_metrics(np, out, slots, built, is_share, given.settings)
    out.baseline_year[slots] = baseline_year
    return flagged
