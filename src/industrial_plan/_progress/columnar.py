"""Portfolios: every target of many plans assessed at once, as Arrow columns.

The input is the long table :func:`~industrial_plan.to_arrow` writes, for any
number of plans concatenated (``pyarrow.concat_tables``).  Each kind's module
assesses its targets with numpy on whole columns, in turn (:data:`_KINDS`):
levels, counts and reported shares (:mod:`.columnar_levels`), growth rates
(:mod:`.columnar_growth`), increments and reductions (:mod:`.columnar_changes`),
caps and cumulative totals (:mod:`.columnar_caps`), shares and ratios from
their parts (:mod:`.columnar_parts`); qualitative aims need no numbers.  The
rare rows a kind leaves (figures in another unit, signed values, a value
within a millionth of a decision, a ratio within 1e-9 of a threshold) are
assessed by the object path on a plan rebuilt from that plan's rows
(:mod:`.columnar_objects`), so no row is ever wrong or missing.
See ``docs/how-to/portfolios.md`` for the output's schema.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from industrial_plan._errors import FieldError
from industrial_plan._files.rows_out import _import

from .columnar_caps import assess_caps, assess_cumulative
from .columnar_changes import assess_changes
from .columnar_growth import assess_growth
from .columnar_levels import assess_levels
from .columnar_objects import _by_objects
from .columnar_parts import assess_parts
from .columnar_table import METRICS, _Columns, _Given, _Kind, _Output, _Settings
from .policy import ConversionPolicy, Thresholds, VerdictBands
from .results import Status
from .system import assess_or_note, assess_target

if TYPE_CHECKING:
    import pyarrow

__all__ = ["METRICS", "assess_table"]

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
# Read where given; tables written before they existed lack them: whole years,
# no estimates, no yearly rates or parts.
_OPTIONAL = (
    "plan",
    "period",
    "estimate",
    "change",
    "share_of",
    "per",
    "price_basis",
    "counted",
    "measure",
)


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


# Each kind's assessment on whole columns, in turn: each says which targets it
# took and which of those it leaves to the object path.
_KINDS: tuple[_Kind, ...] = (
    assess_levels,
    assess_growth,
    assess_changes,
    assess_caps,
    assess_cumulative,
    assess_parts,
)


def _vectorised(
    np: Any,
    c: _Columns,
    out: _Output,
    as_of: int | None,
    baseline_year: int | None,
    settings: _Settings,
) -> Any:
    """Assess every target the kinds' modules can on whole columns.

    Returns a mask over the targets of those the object path must assess.
    """
    rows = c.targets
    qualitative = ~c.has_value[rows]
    out.status[qualitative] = Status.NOT_QUANTIFIED.value
    out.vectorised[qualitative] = True
    observed = c.is_observation & c.has_value & c.annual
    if as_of is not None:
        observed &= c.year <= as_of
    given = _Given(observed, baseline_year, settings)
    fallback = ~qualitative
    for kind in _KINDS:
        taken, flagged = kind(np, c, out, given)
        fallback &= ~taken
        fallback |= flagged
    return fallback
