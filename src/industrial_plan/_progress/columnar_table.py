"""The columnar path's input and output: columns as numpy arrays, one slot per target.

:class:`_Columns` reads the long table of :func:`~industrial_plan.to_arrow`
into integer codes and float arrays once; each kind's module
(:mod:`.columnar_levels`, ...) reads what it needs from it, and
:meth:`_Columns.codes` and :meth:`_Columns.ints` read any other column
(``change``, ``share_of``, ``per``, ``price_basis``) where a table has it.
:class:`_Output` holds one slot per target row and becomes the result table.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import attrs

from industrial_plan._files.rows_out import _import

from .columnar_figures import _NONE, _QUALIFIERS
from .policy import Thresholds, VerdictBands

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
_NEAR_THRESHOLD = 1e-9
_Settings = tuple[Thresholds, VerdictBands]


@attrs.frozen
class _Given:
    """What every kind's assessment is given besides the columns."""

    observed: Any
    """A mask over the rows: observations that count (annual, with a value,
    up to ``as_of``)."""
    baseline_year: int | None
    settings: _Settings


_Kind = Callable[[Any, "_Columns", "_Output", _Given], tuple[Any, Any]]
"""One kind's assessment: ``(np, columns, out, given) -> (taken, flagged)``,
masks over the targets: those it assessed, and those of them it leaves to the
object path (floats too near a decision, units to convert)."""


# -- the columns, as numpy arrays -----------------------------------------------------


class _Columns:
    """The input's columns as numpy arrays and integer codes."""

    def __init__(self, pa: Any, np: Any, table: Any) -> None:
        self._pa, self._np = pa, np
        self.table = table
        self.source = table  # every column, for plans rebuilt as objects
        self.n = table.num_rows
        codes, ints = self.codes, self.ints
        pc = _import("pyarrow.compute", "the columnar assessment")
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
        self.tier, self.tiers = codes("tier")
        self.industry, self.industries = codes("industry")
        self.metric, self.metrics = codes("metric")
        # An owner (the plan's region, a tier or an industry), and its metric.
        self.owner = _combine(np, [self.plan, self.tier, self.industry])
        self.group = _combine(np, [self.owner, self.metric])
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

    def codes(self, name: str) -> tuple[Any, list[Any]]:
        """Column *name* as int64 codes (-1 for nulls) and the values they code.

        A column the table lacks reads as all nulls: tables written before
        it existed.
        """
        np = self._np
        if name not in self.table.column_names:
            return np.full(self.n, -1, dtype=np.int64), []
        pc = _import("pyarrow.compute", "the columnar assessment")
        encoded = pc.dictionary_encode(self.table.column(name)).combine_chunks()
        indices = encoded.indices.fill_null(-1).to_numpy(zero_copy_only=False)
        return indices.astype(np.int64), encoded.dictionary.to_pylist()

    def ints(self, name: str, missing: int) -> Any:
        """Column *name* as int64, *missing* for nulls (and where it is absent)."""
        np, pa = self._np, self._pa
        if name not in self.table.column_names:
            return np.full(self.n, missing, dtype=np.int64)
        pc = _import("pyarrow.compute", "the columnar assessment")
        column = pc.fill_null(self.table.column(name).cast(pa.int64()), missing)
        return column.to_numpy()


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
