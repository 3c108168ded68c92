"""The columnar path's rare rows: assessed by the object path on rebuilt plans.

A plan is rebuilt from its rows (the table has no metric definitions: each
is made from its rows) and :func:`~industrial_plan.assess_target` assesses the
flagged targets, so no row is ever wrong or missing.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs

from industrial_plan._money.units import CURRENCIES
from industrial_plan._plan.metrics import BUILTIN_METRICS, Direction, Metric
from industrial_plan._plan.owners import Regional
from industrial_plan._plan.system import IndustrialSystem
from industrial_plan._plan.targets import Target

from .columnar_figures import _NONE, _QUALIFIERS
from .columnar_table import METRICS, _Columns, _Output, _Settings
from .policy import ConversionPolicy
from .results import Assessment

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


_RELATIVE_UNITS = ("%", "percentage_point")


def _metric_of(name: str, rows: list[dict[str, Any]]) -> Metric:
    """A metric for the *rows* of a metric the table names but does not define."""
    # Levels say what the metric measures; a growth, a share or a change of
    # any metric is in percent.
    levels = [
        row
        for row in rows
        if row["unit"]
        and row.get("change") is None
        and row.get("of") is None
        and row.get("share_of") is None
    ]
    units = {row["unit"] for row in levels if row["kind"] == "observation"}
    # A metric targeted but not observed: its targets' levels say ("at most 500 t"),
    # else the amounts its changes state ("reduction of 830 t"); a change in
    # percent or in points says nothing of the metric's unit.
    units = (
        units
        or {row["unit"] for row in levels}
        or {
            row["unit"]
            for row in rows
            if row["unit"] not in (None, "", *_RELATIVE_UNITS)
            and row.get("change") is not None
            and row.get("of") is None
            and row.get("share_of") is None
        }
    )
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
