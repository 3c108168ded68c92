"""Portfolios: every target of many plans assessed at once, as Arrow columns.

The input is the long table :func:`~industrial_plan.to_arrow` writes, for any
number of plans concatenated (``pyarrow.concat_tables``).  Levels, counts,
shares as reported and qualitative aims, the bulk of a portfolio, are assessed
with numpy on whole columns; every other kind, and the few rows whose floats
could decide differently from exact arithmetic (a value within a millionth of
its target, a ratio within 1e-9 of a threshold), are assessed by the object
path on a plan rebuilt from that plan's rows, so no row is ever wrong or
missing.
See ``docs/how-to/portfolios.md`` for the output's schema.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from industrial_plan._errors import FieldError
from industrial_plan._files.rows_out import _import
from industrial_plan._money.units import CURRENCIES
from industrial_plan._plan.metrics import BUILTIN_METRICS, Direction, Metric
from industrial_plan._plan.owners import Regional
from industrial_plan._plan.system import IndustrialSystem
from industrial_plan._plan.targets import Target

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
    _QUALIFIERS,
    _Figures,
    _near,
    _verdicts,
)
from .policy import ConversionPolicy, Thresholds, VerdictBands
from .results import Assessment, Status
from .system import assess_or_note, assess_target

if TYPE_CHECKING:
    import pyarrow

__all__ = ["METRICS", "assess_table"]

METRICS: tuple[str, ...] = (
    "actual",
    "attainment",
    "gap",
    "required_cagr",
    "linear_change_needed",
    "observed_cagr",
    "projected",
    "expected_shortfall",
    "ratio",
    "target_level",
    "headroom_used",
)
"""The metrics of :func:`assess_table`, each a value and a qualifier column."""

_NEEDED = (
    "region",
    "system",
    "tier",
    "industry",
    "kind",
    "metric",
    "year",
    "unit",
    "value",
    "qualifier",
    "approximate",
    "target_kind",
    "of",
    "base_year",
    "target_base_year",
    "direction",
    "start_year",
    "end_year",
)
_KEYS = ("region", "system", "tier", "industry", "metric", "year", "target_kind")
# Read where given; tables written before they existed have neither: whole
# years, no estimates.
_OPTIONAL = ("plan", "period", "estimate")

_NEAR_THRESHOLD = 1e-9
_Settings = tuple[Thresholds, VerdictBands]


def assess_table(
    table: pyarrow.Table,
    *,
    as_of: int | None = None,
    baseline_year: int | None = None,
    thresholds: Thresholds | None = None,
    policy: ConversionPolicy | None = None,
    bands: VerdictBands | None = None,
    strict: bool = False,
) -> pyarrow.Table:
    """Assess every target of a long table of many plans, one row per target.

    *table* has the columns of :func:`~industrial_plan.to_arrow` (any number of
    plans concatenated; ``region`` and ``system`` tell plans apart, and
    ``start_year`` and ``end_year`` give each plan's years).  The settings
    are those of :func:`~industrial_plan.assess`, *bands* too.  The result has, in the
    order of the target rows: ``region``, ``system``, ``tier``, ``industry``,
    ``metric``, ``year``, ``target_kind``, ``unit``, ``direction``,
    ``status``, ``verdict``, ``latest_year``, ``baseline_year``; for each
    metric (``actual``, ``attainment``, ``gap``, ``required_cagr``,
    ``linear_change_needed``, ``observed_cagr``, ``projected``,
    ``expected_shortfall``, ``ratio``, ``target_level``, ``headroom_used``)
    a ``float64`` value (in base units, as the table's
    values; ratios as fractions) and ``<metric>_qualifier`` ("exact",
    "more than", ...; null where not computed), so a bound stays a bound;
    and ``method``: "vectorised" or "object".

    The results equal :func:`~industrial_plan.assess`'s: the same statuses and
    verdicts, numbers within a relative 1e-9 (floats here, exact decimals
    there), the same qualifiers.  As there, rows with a ``period`` (figures
    for a part of a year) are left out, and a row marked ``estimate`` counts
    only where no row of the same metric and year that is not one is given;
    both on whole columns.  The notes that name them are the object path's
    (:func:`~industrial_plan.assess`): the output has no notes.  A target
    whose figures have no exchange rate is "insufficient data", as there,
    unless *strict*.

    Raises:
        MissingExtraError: if pyarrow is not installed.
        ValueError: if a column the assessment needs is missing.

    >>> import pyarrow as pa
    >>> from industrial_plan import examples, to_arrow
    >>> plans = pa.concat_tables([to_arrow(examples.xiamen()),
    ...                           to_arrow(examples.xiamen_sei())],
    ...                          promote_options="permissive")
    >>> result = assess_table(plans)
    >>> result.num_rows, result.column("status").to_pylist()[:3]
    (16, ['insufficient data', 'insufficient data', 'not quantified'])
    """
    pa = _import("pyarrow", "the columnar assessment")
    np = _import("numpy", "the columnar assessment")
    missing = [name for name in _NEEDED if name not in table.column_names]
    if missing:
        raise FieldError(
            f"the table lacks the columns {', '.join(missing)}: write it with "
            "industrial_plan.to_arrow"
        )
    settings = (thresholds or Thresholds(), bands or VerdictBands())
    wanted = [*_NEEDED, *(name for name in _OPTIONAL if name in table.column_names)]
    columns = _Columns(pa, np, table.select(wanted))
    columns.source = table
    out = _Output(np, columns.targets.size)
    fallback = _vectorised(np, columns, out, as_of, baseline_year, settings)
    if strict:
        policy = attrs.evolve(policy or ConversionPolicy(), partial_years=False)
    assess_one = assess_target if strict else assess_or_note
    _by_objects(
        np, columns, out, fallback, (as_of, baseline_year, settings, policy), assess_one
    )
    return out.table(pa, table.select(list(_KEYS)).take(columns.targets), columns)


# -- the columns, as numpy arrays -----------------------------------------------------


class _Columns:
    """The input's columns as numpy arrays and integer codes."""

    def __init__(self, pa: Any, np: Any, table: Any) -> None:
        pc = _import("pyarrow.compute", "the columnar assessment")
        self.table = table
        self.source = table  # every column, for plans rebuilt as objects
        self.n = table.num_rows

        def codes(name: str) -> Any:
            encoded = pc.dictionary_encode(table.column(name)).combine_chunks()
            indices = encoded.indices.fill_null(-1).to_numpy(zero_copy_only=False)
            return indices.astype(np.int64), encoded.dictionary.to_pylist()

        def ints(name: str, missing: int) -> Any:
            column = pc.fill_null(table.column(name).cast(pa.int64()), missing)
            return column.to_numpy()

        self.kind, kinds = codes("kind")
        self.target_kind, target_kinds = codes("target_kind")
        self.unit, self.units = codes("unit")
        qualifier, qualifiers = codes("qualifier")
        self.qualifier = _remap(np, qualifier, qualifiers, _QUALIFIERS)
        self.direction, directions = codes("direction")
        self.lower = self.direction == _index(directions, "lower")
        self.year = ints("year", 0)
        # The year a change counts from: the target's own, else its figure's.
        stated = ints("target_base_year", -1)
        self.base_year = np.where(stated >= 0, stated, ints("base_year", -1))
        self.start_year = ints("start_year", 0)
        self.approximate = pc.fill_null(table.column("approximate"), False).to_numpy(
            zero_copy_only=False
        )
        value = table.column("value")
        self.has_value = pc.is_valid(value).to_numpy(zero_copy_only=False)
        self.value = pc.fill_null(value.cast(pa.float64()), 0.0).to_numpy()
        # A plan: its names and years, and a "plan" column where one is given.
        plan = [codes("region")[0], codes("system")[0]]
        plan += [self.start_year - self.start_year.min(initial=0), ints("end_year", 0)]
        if "plan" in table.column_names:
            plan.append(codes("plan")[0])
        self.plan = _combine(np, plan)
        owner = _combine(np, [self.plan, codes("tier")[0], codes("industry")[0]])
        self.group = _combine(np, [owner, codes("metric")[0]])
        self.is_target = self.kind == _index(kinds, "target")
        self.is_observation = self.kind == _index(kinds, "observation")
        # Targets are annual: a figure for a part of a year is left out.
        names = table.column_names
        self.annual = (
            pc.is_null(table.column("period")).to_numpy(zero_copy_only=False)
            if "period" in names
            else np.ones(self.n, dtype=bool)
        )
        self.estimate = (
            pc.fill_null(table.column("estimate").cast(pa.bool_()), False)
            .to_numpy(zero_copy_only=False)
            .astype(bool)
            if "estimate" in names
            else np.zeros(self.n, dtype=bool)
        )
        self.level = self.target_kind == _index(target_kinds, "level")
        self.count = self.target_kind == _index(target_kinds, "count")
        self.share = self.target_kind == _index(target_kinds, "share")
        self.without_of = pc.is_null(table.column("of")).to_numpy(zero_copy_only=False)
        self.targets = np.flatnonzero(self.is_target)
        self.percent = _index(self.units, "%")


def _index(values: list[Any], wanted: str) -> int:
    # -2 matches no code: -1 is taken by nulls.
    return values.index(wanted) if wanted in values else -2


def _remap(np: Any, codes: Any, found: list[Any], order: Sequence[str]) -> Any:
    """Codes into *found* as codes into *order* (-1 for nulls)."""
    lookup = np.array([order.index(v) for v in found] + [_NONE], dtype=np.int64)
    return lookup[codes]


def _combine(np: Any, parts: list[Any]) -> Any:
    """One int64 code per distinct combination of the *parts* codes."""
    key = parts[0] + 1
    for part in parts[1:]:
        width = int(part.max(initial=-1)) + 2
        if int(key.max(initial=0)) >= (2**62) // width:
            key = np.unique(key, return_inverse=True)[1].astype(np.int64)
        key = key * width + part + 1
    return key


# -- the output ------------------------------------------------------------------------


class _Output:
    """One slot per target: status, verdict, years and each metric's figure."""

    def __init__(self, np: Any, n: int) -> None:
        self.status = np.full(n, None, dtype=object)
        self.verdict = np.full(n, None, dtype=object)
        self.latest_year = np.full(n, -1, dtype=np.int64)
        self.baseline_year = np.full(n, -1, dtype=np.int64)
        self.values = {m: np.full(n, np.nan) for m in METRICS}
        self.qualifiers = {m: np.full(n, _NONE, dtype=np.int64) for m in METRICS}
        self.vectorised = np.zeros(n, dtype=bool)

    def table(self, pa: Any, keys: Any, columns: _Columns) -> Any:
        np = _import("numpy", "the columnar assessment")
        direction = columns.table.column("direction").take(columns.targets)
        unit = columns.table.column("unit").take(columns.targets)
        arrays: dict[str, Any] = {name: keys.column(name) for name in keys.column_names}
        arrays["unit"] = unit
        arrays["direction"] = direction
        arrays["status"] = pa.array(self.status, pa.string())
        arrays["verdict"] = pa.array(self.verdict, pa.string())
        for name in ("latest_year", "baseline_year"):
            years = getattr(self, name)
            arrays[name] = pa.array(years, pa.int32(), mask=years < 0)
        names = pa.array(_QUALIFIERS, pa.string())
        for metric in METRICS:
            codes = self.qualifiers[metric]
            absent = codes == _NONE
            arrays[metric] = pa.array(self.values[metric], pa.float64(), mask=absent)
            indices = pa.array(np.where(absent, 0, codes), pa.int32(), mask=absent)
            arrays[f"{metric}_qualifier"] = pa.DictionaryArray.from_arrays(
                indices, names
            ).cast(pa.string())
        method = np.where(self.vectorised, "vectorised", "object")
        arrays["method"] = pa.array(method, pa.string())
        return pa.table(arrays)


# -- levels and counts, on whole columns ------------------------------------------


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


def _vectorised(
    np: Any,
    c: _Columns,
    out: _Output,
    as_of: int | None,
    baseline_year: int | None,
    settings: _Settings,
) -> Any:
    """Assess levels, counts, reported shares and qualitative aims.

    Returns a mask over the targets of those the object path must assess.
    """
    rows = c.targets
    has_value = c.has_value[rows]
    qualitative = ~has_value
    out.status[qualitative] = Status.NOT_QUANTIFIED.value
    out.vectorised[qualitative] = True
    observed = c.is_observation & c.has_value & c.annual
    if as_of is not None:
        observed &= c.year <= as_of
    levels = has_value & (c.level[rows] | c.count[rows])
    fallback = ~qualitative & ~levels
    fallback |= _series(np, c, out, levels, observed & c.level, baseline_year, settings)
    # A share without a whole to compute it from: its reported values, in
    # percent (others are left out), assessed as a level of percent.
    percent = c.unit == c.percent
    shares = has_value & c.share[rows] & c.without_of[rows] & percent[rows]
    fallback &= ~shares
    fallback |= _series(
        np, c, out, shares, observed & c.share & percent, baseline_year, settings
    )
    return fallback


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
    # Each year's last row (the object path keeps a year's latest observation:
    # the table has no dates, so the last one listed), an estimate only where
    # no row that is not one is given: those sort after estimates.
    first = int(c.year.min(initial=0)) - 1
    span = int(c.year.max(initial=0)) - first + 2
    key = c.group * span + (c.year - first)
    index = np.flatnonzero(observed)
    index = index[np.lexsort((~c.estimate[index], key[index]))]
    sorted_key = key[index]
    last = np.ones(index.size, bool)
    last[:-1] = sorted_key[1:] != sorted_key[:-1]
    index, sorted_key = index[last], sorted_key[last]
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
    thresholds = settings[0]
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
    t, x, x0 = goal.value, latest.value, base.value
    d = np.where(c.lower[rows], -1, 1)
    latest_year = c.year[latest_rows]
    baseline_year = np.where(has_baseline, c.year[baseline_rows], -1)
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
    status = np.select(
        [
            achieved,
            remaining <= 0,
            ~usable,
            values["ratio"][1] == _NONE,
            grade >= float(thresholds.on_track),
            grade >= float(thresholds.acceleration),
            grade >= float(thresholds.limited),
        ],
        [
            Status.ACHIEVED.value,
            Status.NOT_ACHIEVED.value,
            Status.INSUFFICIENT_DATA.value,
            Status.INSUFFICIENT_DATA.value,
            Status.ON_TRACK.value,
            Status.ACCELERATION_NEEDED.value,
            Status.LIMITED_PROGRESS.value,
        ],
        Status.DETERIORATION.value,
    )
    percent = c.unit[rows] == c.percent
    verdict, near_verdict = _verdicts(np, status, (goal, latest), d, settings, percent)
    # Where floats could decide otherwise than exact decimals: objects decide.
    flagged = near_verdict | _near(np, x, t, _NEAR) | ~np.isfinite(x)
    # Values at or below zero (a signed amount's): the object path decides.
    flagged |= (t <= 0) | (x <= 0) | (has_baseline & (x0 <= 0))
    flagged |= has_baseline & (_near(np, x0, x, _NEAR) | _near(np, x0, t, _NEAR))
    graded = (status != Status.ACHIEVED.value) & (values["ratio"][1] != _NONE)
    for threshold in (thresholds.on_track, thresholds.acceleration, thresholds.limited):
        level = float(threshold)
        flagged |= graded & (
            np.abs(grade - level) <= _NEAR_THRESHOLD * max(1, abs(level))
        )
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


# -- the rest, by the object path on rebuilt plans --------------------------------


def _by_objects(
    np: Any,
    c: _Columns,
    out: _Output,
    fallback: Any,
    given: tuple[int | None, int | None, _Settings, ConversionPolicy | None],
    assess_one: Callable[..., Assessment],
) -> None:
    """Assess the flagged targets with :func:`assess_target` on rebuilt plans."""
    slots = np.flatnonzero(fallback)
    if not slots.size:
        return
    as_of, baseline_year, settings, policy = given
    plans = np.unique(c.plan[c.targets[slots]])
    in_plans = np.flatnonzero(np.isin(c.plan, plans))
    records = c.source.take(in_plans).to_pylist()
    slot_of = {
        int(row): int(slot) for slot, row in zip(slots, c.targets[slots], strict=True)
    }
    by_plan: dict[int, list[tuple[int, dict[str, Any]]]] = {}
    for row, record in zip(in_plans.tolist(), records, strict=True):
        by_plan.setdefault(int(c.plan[row]), []).append((row, record))
    for rows in by_plan.values():
        system, where = _rebuilt(rows)
        for row, (owner_key, position) in where.items():
            if row not in slot_of:
                continue
            owner = system.regional if owner_key is None else system.owner(owner_key)
            result = assess_one(
                system,
                owner,
                owner.targets[position],
                as_of=as_of,
                baseline_year=baseline_year,
                policy=policy,
                thresholds=settings[0],
                bands=settings[1],
            )
            _fill(out, slot_of[row], result)


def _rebuilt(
    rows: list[tuple[int, dict[str, Any]]],
) -> tuple[IndustrialSystem, dict[int, tuple[str | None, int]]]:
    """A plan from its rows, and where each target row's target is in it."""
    from industrial_plan._files.rows_in import add_rows

    first = rows[0][1]
    known = {metric.id for metric in BUILTIN_METRICS}
    # The table has no metrics: each is made from its rows, of the kind its
    # unit says (money in a currency, else a count), signed where a value is
    # below zero.
    by_metric: dict[str, list[dict[str, Any]]] = {}
    for _, record in rows:
        if record["metric"] not in known:
            by_metric.setdefault(record["metric"], []).append(record)
    metrics = {name: _metric_of(name, found) for name, found in by_metric.items()}
    empty = IndustrialSystem(
        name={"en": first["system"]},
        region=first["region"],
        start_year=first["start_year"],
        end_year=first["end_year"],
        metrics=tuple(metrics.values()),
    )
    # Without observation dates, as on whole columns: of two observations of
    # one year, the one listed last counts on both paths.
    system = add_rows(empty, [{**r, "date": None} for _, r in rows], create=True)
    where: dict[int, tuple[str | None, int]] = {}
    directions: dict[str | None, list[str]] = {}
    for row, record in rows:
        if record["kind"] != "target":
            continue
        key = record["industry"] or record["tier"]
        found = directions.setdefault(key, [])
        where[row] = (key, len(found))
        found.append(record["direction"])
    return _with_directions(system, directions), where


def _metric_of(name: str, rows: list[dict[str, Any]]) -> Metric:
    """A metric for the *rows* of a metric the table names but does not define."""
    # Levels say what the metric measures; a growth, a share or a change of
    # any metric is in percent.
    units = {
        row["unit"]
        for row in rows
        if row["kind"] == "observation"
        and row["unit"]
        and row.get("change") is None
        and row.get("of") is None
        and row.get("share_of") is None
    }
    signed = any(row["value"] is not None and row["value"] < 0 for row in rows)
    kind = "count"
    if units and units <= set(CURRENCIES):
        kind = "money"
    elif units == {"%"}:
        kind = "percent"
    elif len(units) == 1:
        kind = next(iter(units))  # a unit of measure: "t", "GW"
    try:
        return Metric(name, name, kind, signed=signed)
    except (ValueError, TypeError):
        return Metric(name, name, "count", signed=signed)


def _with_directions(
    system: IndustrialSystem, directions: dict[str | None, list[str]]
) -> IndustrialSystem:
    """Each target with the direction its row states (the table has no metrics)."""

    def directed(owner: Any) -> Any:
        key = None if isinstance(owner, Regional) else owner.id
        stated = directions.get(key)
        if not stated:
            return owner
        targets = tuple(
            _directed(target, direction)
            for target, direction in zip(owner.targets, stated, strict=True)
        )
        return attrs.evolve(owner, targets=targets)

    tiers = tuple(
        attrs.evolve(directed(tier), industries=tuple(map(directed, tier.industries)))
        for tier in system.tiers
    )
    return attrs.evolve(system, regional=directed(system.regional), tiers=tiers)


def _directed(target: Target, direction: str | None) -> Target:
    if direction is None or target.figure is None:
        return target
    return attrs.evolve(target, direction=Direction(direction))


def _fill(out: _Output, slot: int, result: Assessment) -> None:
    out.status[slot] = result.status.value
    out.verdict[slot] = result.verdict.value if result.verdict else None
    out.latest_year[slot] = result.latest.year if result.latest else -1
    out.baseline_year[slot] = result.baseline.year if result.baseline else -1
    record = result.record()
    for metric in METRICS:
        figure = record[metric]
        if figure is None:
            out.qualifiers[metric][slot] = _NONE
            out.values[metric][slot] = float("nan")
            continue
        out.values[metric][slot] = float(Decimal(figure["value"]))
        out.qualifiers[metric][slot] = _QUALIFIERS.index(figure["qualifier"])
