"""The columnar path against the object path: same statuses, same numbers."""

from __future__ import annotations

import math
import sys
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import industrial_plan as ip
from industrial_plan import examples
from industrial_plan._progress.columnar import METRICS
from industrial_plan.testing import systems, verdict_bands

pa = pytest.importorskip("pyarrow")

RELATIVE = 1e-9


def _object_records(system: ip.IndustrialSystem, **settings: object) -> list[dict]:
    return ip.assess(system, **settings).records()  # type: ignore[arg-type]


def _close(got: float | None, want: str, scale: float) -> bool:
    expected = float(Decimal(want))
    if got is None or math.isnan(got):
        return False
    # Differences of near values (a gap, a shortfall) are compared to the
    # values they come from: that is where a float's relative error lies.
    return abs(got - expected) <= RELATIVE * max(abs(expected), scale)


def test_bundled_plans_as_one_table() -> None:
    plans = [examples.xiamen(), examples.xiamen_sei()]
    records = [r for plan in plans for r in _object_records(plan)]
    tables = [ip.to_arrow(plan) for plan in plans]
    result = ip.assess_table(pa.concat_tables(tables, promote_options="permissive"))
    assert result.num_rows == len(records) == 16
    _compare_result(result, records)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    st.lists(
        systems(max_tiers=2, max_industries=2, with_roadmap=False),
        min_size=1,
        max_size=3,
    ),
    st.none() | st.integers(1990, 2050),
    verdict_bands(),
)
def test_columnar_equals_object_path(
    plans: list, as_of: int | None, bands: ip.VerdictBands
) -> None:
    # Plans are told apart by their names: make each one's its own.
    plans = [attrs.evolve(p, name={"en": f"plan {i}"}) for i, p in enumerate(plans)]
    # A currency the bundled rates do not cover: "insufficient data" on both paths.
    records = [
        r for plan in plans for r in _object_records(plan, as_of=as_of, bands=bands)
    ]
    tables = [ip.to_arrow(plan) for plan in plans]
    result = ip.assess_table(
        pa.concat_tables(tables, promote_options="permissive"), as_of=as_of, bands=bands
    )
    assert result.num_rows == len(records)
    _compare_result(result, records)


def both_paths(
    plans: list[ip.IndustrialSystem], **options: object
) -> tuple[Any, list[dict[str, Any]], Any]:
    """The columnar result of *plans* as one table (each plan named apart),
    the object path's records, and the table."""
    plans = [attrs.evolve(p, name={"en": f"plan {i}"}) for i, p in enumerate(plans)]
    records = [r for p in plans for r in ip.assess(p, **options).records()]  # type: ignore[arg-type]
    table = pa.concat_tables(
        [ip.to_arrow(p) for p in plans], promote_options="permissive"
    )
    return ip.assess_table(table, **options), records, table  # type: ignore[arg-type]


def _compare_result(result: object, records: list[dict]) -> None:
    rows = result.to_pylist()  # type: ignore[attr-defined]
    for row, record in zip(rows, records, strict=True):
        where = (row["metric"], row["year"], row["target_kind"], row["method"])
        assert row["status"] == record["status"], where
        assert row["verdict"] == record["verdict"], where
        target = record["target"]
        scale = abs(float(Decimal(target["value"]))) if target else 0.0
        for metric in METRICS:
            want = record[metric]
            if want is None:
                assert row[metric] is None, (where, metric)
                continue
            assert row[f"{metric}_qualifier"] == want["qualifier"], (where, metric)
            actual = record["actual"]
            local = max(scale, abs(float(Decimal(actual["value"]))) if actual else 0)
            assert _close(row[metric], want["value"], local), (where, metric, want)


# Levels and counts with observations of the same metric: the vectorised path.
_UNITS = {"total_scale": "CNY", "enterprises": "", "value_added": "percent"}
_KINDS = {"CNY": ip.TargetKind.LEVEL, "": ip.TargetKind.COUNT}


@st.composite
def _level_plans(draw: st.DrawFn) -> ip.IndustrialSystem:
    start = draw(st.integers(2000, 2020))
    end = start + draw(st.integers(1, 8))
    # Round numbers meet their targets exactly; cents rarely tie.
    values = st.integers(0, 40).map(lambda n: Decimal(n) * 25) | st.integers(
        0, 10**6
    ).map(lambda n: Decimal(n) / 100)

    def figure(unit: str) -> ip.Figure:
        quantity = ip.ureg.Quantity(draw(values), unit)
        return ip.Figure(quantity, draw(st.sampled_from(list(ip.Qualifier))))

    def owned() -> dict[str, list]:
        targets, observations = [], []
        for metric in draw(
            st.lists(st.sampled_from(list(_UNITS)), max_size=2, unique=True)
        ):
            unit = _UNITS[metric]
            kind = _KINDS.get(unit, ip.TargetKind.SHARE)
            # A share as reported: a percentage of a named whole.
            whole = "gdp" if kind is ip.TargetKind.SHARE else None
            for year in draw(st.sets(st.integers(start + 1, end), max_size=2)):
                targets.append(
                    ip.Target(
                        metric,
                        year,
                        figure(unit),
                        direction=draw(st.sampled_from([None, "higher", "lower"])),
                        kind=kind,
                        base_year=draw(st.none() | st.integers(start - 1, year - 1)),
                    )
                )
            years = draw(st.sets(st.integers(start - 2, end + 1), max_size=4))
            observations += [
                ip.Observation(metric, y, figure(unit), of=whole) for y in years
            ]
        return {"targets": targets, "observations": observations}

    industries = [
        ip.Industry(f"industry{i}", f"industry {i}", **owned())
        for i in range(draw(st.integers(0, 2)))
    ]
    tier = ip.Tier("tier", "tier", "cluster", industries, **owned())
    return ip.IndustrialSystem(
        name={"en": "plan"},
        region="region",
        start_year=start,
        end_year=end,
        tiers=[tier],
        regional=ip.Regional(**owned()),
    )


@st.composite
def _near_their_bands(draw: st.DrawFn) -> ip.IndustrialSystem:
    """Targets met or missed by a few percent: in, at and past their bands."""
    targets, observations = [], []
    for index in range(draw(st.integers(1, 6))):
        metric = draw(st.sampled_from(["enterprises", "value_added"]))
        unit = _UNITS[metric]
        goal = Decimal(draw(st.integers(4, 400))) * 5
        # Steps of a quarter percent (of the goal, or a quarter point).
        step = Decimal(draw(st.integers(-50, 50))) / 4
        latest = goal * (1 + step / 100) if unit == "" else goal / 100 + step / 10
        if unit:
            goal = goal / 100
        qualifier = draw(st.sampled_from(list(ip.Qualifier)))
        year = 2021 + index
        whole = "gdp" if unit else None
        targets.append(
            ip.Target(
                metric,
                year,
                ip.Figure(ip.ureg.Quantity(goal, unit), qualifier),
                direction=draw(st.sampled_from(["higher", "lower"])),
                kind=_KINDS.get(unit, ip.TargetKind.SHARE),
            )
        )
        observed_year = draw(st.sampled_from([year - 1, year, year + 1]))
        # A baseline well below: no ratio ties, the vectorised path decides.
        observations.append(
            [
                ip.Observation(
                    metric, y, ip.Figure(ip.ureg.Quantity(v, unit)), of=whole
                )
                for y, v in ((2015, goal * Decimal("0.8")), (observed_year, latest))
            ]
        )
    industries = [
        ip.Industry(f"industry{i}", f"industry {i}", targets=[t], observations=o)
        for i, (t, o) in enumerate(zip(targets, observations, strict=True))
    ]
    tier = ip.Tier("tier", "tier", "cluster", industries)
    return ip.IndustrialSystem(
        name={"en": "plan"},
        region="region",
        start_year=2015,
        end_year=2030,
        tiers=[tier],
    )


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_near_their_bands(), verdict_bands())
def test_verdicts_at_the_bands_edges_vectorised_equal_object_path(
    plan: ip.IndustrialSystem, bands: ip.VerdictBands
) -> None:
    """The differential test where bands decide: values near their targets."""
    records = _object_records(plan, bands=bands)
    result = ip.assess_table(ip.to_arrow(plan), bands=bands)
    _compare_result(result, records)


def test_bands_decide_on_the_vectorised_path() -> None:
    """2,060 enterprises against 2,000: as projected within 5 %, higher without."""
    target = ip.Target("enterprises", 2023, ip.Figure(ip.ureg.Quantity(2000, "")))
    observed = [
        ip.Observation("enterprises", year, ip.Figure(ip.ureg.Quantity(value, "")))
        for year, value in ((2021, 1800), (2023, 2060))
    ]
    industry = ip.Industry(
        "industry", "industry", targets=[target], observations=observed
    )
    plan = ip.IndustrialSystem(
        name={"en": "plan"},
        region="region",
        start_year=2020,
        end_year=2025,
        tiers=[ip.Tier("tier", "tier", "cluster", [industry])],
    )
    for bands, verdict in [
        (ip.VerdictBands(), "as projected"),
        (ip.VerdictBands.none(), "higher than projected"),
        (ip.VerdictBands(relative="0.02"), "higher than projected"),
    ]:
        rows = ip.assess_table(ip.to_arrow(plan), bands=bands).to_pylist()
        (row,) = [r for r in rows if r["industry"] == "industry"]
        assert (row["verdict"], row["method"]) == (verdict, "vectorised")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(_level_plans(), min_size=1, max_size=3),
    st.none() | st.integers(2000, 2030),
    st.none() | st.integers(1998, 2030),
    verdict_bands(),
)
def test_levels_vectorised_equal_object_path(
    plans: list, as_of: int | None, baseline: int | None, bands: ip.VerdictBands
) -> None:
    plans = [attrs.evolve(p, name={"en": f"plan {i}"}) for i, p in enumerate(plans)]
    records = [
        r
        for plan in plans
        for r in _object_records(plan, as_of=as_of, baseline_year=baseline, bands=bands)
    ]
    tables = [ip.to_arrow(plan) for plan in plans]
    result = ip.assess_table(
        pa.concat_tables(tables, promote_options="permissive"),
        as_of=as_of,
        baseline_year=baseline,
        bands=bands,
    )
    assert result.num_rows == len(records)
    _compare_result(result, records)


def _bounded_plan(latest: str, qualifier: str) -> ip.IndustrialSystem:
    tier = ip.Tier(
        "tier",
        "tier",
        "cluster",
        targets=[ip.Target("total_scale", 2027, ip.Figure(ip.amount(3, "CNY")))],
        observations=[
            ip.Observation("total_scale", 2022, ip.Figure(ip.amount(1, "CNY"))),
            ip.Observation(
                "total_scale", 2024, ip.Figure(ip.amount(latest, "CNY"), qualifier)
            ),
        ],
    )
    return ip.IndustrialSystem(
        name="plan", region="region", start_year=2022, end_year=2027, tiers=[tier]
    )


def test_a_lower_bound_gives_lower_bounds() -> None:
    row = ip.assess_table(ip.to_arrow(_bounded_plan("2", "more than"))).to_pylist()[0]
    assert row["method"] == "vectorised"
    assert row["attainment_qualifier"] == "more than"
    assert row["observed_cagr_qualifier"] == "more than"
    assert row["gap_qualifier"] == "less than"
    assert row["status"] == "on track"


def test_target_achieved_only_when_the_bound_proves_it() -> None:
    proved = ip.to_arrow(_bounded_plan("3", "at least"))
    unproved = ip.to_arrow(_bounded_plan("4", "less than"))
    assert ip.assess_table(proved).column("status").to_pylist() == ["target achieved"]
    status = ip.assess_table(unproved).column("status").to_pylist()
    assert status == [
        ip.assess(_bounded_plan("4", "less than")).results[0].status.value
    ]
    assert status != ["target achieved"]


def test_a_plan_column_tells_apart_plans_of_the_same_names() -> None:
    tables = [ip.to_arrow(_bounded_plan(v, "exact")) for v in ("2", "3")]
    tables = [
        t.append_column("plan", pa.array([i] * t.num_rows))
        for i, t in enumerate(tables)
    ]
    result = ip.assess_table(pa.concat_tables(tables))
    assert result.column("status").to_pylist() == ["on track", "target achieved"]


def test_a_missing_column_is_named() -> None:
    table = ip.to_arrow(examples.xiamen()).drop_columns(["direction", "start_year"])
    with pytest.raises(ValueError, match="direction, start_year"):
        ip.assess_table(table)


def test_without_pyarrow_the_extra_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    table = ip.to_arrow(examples.xiamen())
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ip.MissingExtraError, match=r"industrial-plan\[export\]"):
        ip.assess_table(table)
