"""Growth targets on the columnar path against the object path.

Average annual growth, total growth over a span and growth in one year, from
levels (at comparable prices where given) or from reported yearly rates: the
same statuses, verdicts, numbers and qualifiers as :func:`industrial_plan.assess`,
and on whole columns for the shapes portfolios have.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import industrial_plan as ip
from industrial_plan.testing import verdict_bands

pa = pytest.importorskip("pyarrow")


def _differential() -> object:
    """tests/test_columnar.py, for its comparison of a result with records
    (tests run in importlib mode: the tests folder is not on the path)."""
    path = Path(__file__).with_name("test_columnar.py")
    spec = importlib.util.spec_from_file_location("_test_columnar", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_compare_result = _differential()._compare_result  # type: ignore[attr-defined]

_MONEY = ("total_scale", "output_value", "value_added", "investment", "gdp")
_SHAPES = ("average levels", "average rates", "total levels", "one rate", "one levels")


def _percent(
    value: Decimal, qualifier: ip.Qualifier = ip.Qualifier.EXACT, **form: object
) -> ip.Figure:
    return ip.Figure(ip.ureg.Quantity(value, "percent"), qualifier, **form)  # type: ignore[arg-type]


@st.composite
def _rate(draw: st.DrawFn) -> Decimal:
    """A yearly rate in percent whose last digit keeps it off every band's edge."""
    return Decimal(draw(st.integers(-40, 150)) * 10 + 3) / 100


@st.composite
def _levels(draw: st.DrawFn, years: list[int]) -> list[Decimal]:
    """Levels grown by random rates, large enough that cents do not tie them."""
    level = Decimal(draw(st.integers(10**7, 10**9))) / 100
    values = []
    for _ in years:
        values.append(level.quantize(Decimal("0.01")))
        level *= 1 + draw(_rate()) / 100
    return values


@st.composite
def _growth(
    draw: st.DrawFn, metric: str, start: int, loose: bool
) -> tuple[ip.Target, list[ip.Observation]]:
    """One growth target of *metric* and the observations it is measured on."""
    shape = draw(st.sampled_from(_SHAPES))
    goal = Decimal(draw(st.integers(10, 150))) / 10
    qualifiers = [ip.Qualifier.EXACT, ip.Qualifier.AT_LEAST]
    if loose:
        qualifiers += [ip.Qualifier.MORE_THAN, ip.Qualifier.ABOUT]
        goal = Decimal(draw(st.integers(-20, 150))) / 10
    qualifier = draw(st.sampled_from(qualifiers))
    approximate = qualifier is ip.Qualifier.ABOUT or (loose and draw(st.booleans()))
    bases = [None, "current prices", "comparable prices"]
    if shape.startswith("one"):
        year = start + draw(st.integers(1, 8))
        figure = _percent(
            goal, qualifier, approximate=approximate, change=ip.Change.GROWTH
        )
        if shape == "one rate":
            years, values = [year], [draw(_rate())]
            form = {"change": ip.Change.GROWTH}
            unit = "percent"
        else:
            years = [year - 1, year]
            values = draw(_levels(years))
            form, unit = {}, "CNY"
    else:
        base = draw(st.none() | st.integers(start - 2, start + 2))
        first = start if base is None else base
        year = first + draw(st.integers(2, 8))
        change = ip.Change.AVERAGE_GROWTH
        if shape == "total levels":
            change, base = ip.Change.GROWTH, first
            goal = goal * 10
        figure = _percent(
            goal, qualifier, approximate=approximate, change=change, base_year=base
        )
        # Up to the target's year, or past it: achieved or not.
        last = first + draw(st.integers(1, year - first + 1))
        if shape == "average rates":
            years = list(range(first + 1, last + 1))
            values = [draw(_rate()) for _ in years]
            form, unit = {"change": ip.Change.GROWTH}, "percent"
        else:
            years = list(range(first, last + 1))
            values = draw(_levels(years))
            form, unit = {}, "CNY"
    observations = []
    for observed, value in zip(years, values, strict=True):
        bound = ip.Qualifier.EXACT
        extra: dict = {}
        if loose:
            bound = draw(st.sampled_from(list(ip.Qualifier)))
            extra["estimate"] = draw(st.integers(0, 5)) == 0
            if draw(st.integers(0, 9)) == 0:
                extra["date"] = dt.date(observed, 12, 31)
            if draw(st.integers(0, 4)) == 0:
                value = value.quantize(Decimal(1))  # round numbers tie
        stated = ip.Figure(ip.ureg.Quantity(value, unit), bound, **form)
        observations.append(
            ip.Observation(
                metric,
                observed,
                stated,
                price_basis=draw(st.sampled_from(bases)),
                **extra,
            )
        )
    if loose and draw(st.integers(0, 5)) == 0:
        # A rate besides the levels, or a level besides the rates, for the
        # choice between them; in another currency now and then.
        extra_year = draw(st.integers(start - 1, year + 1))
        if draw(st.booleans()):
            other = _percent(draw(_rate()), change=ip.Change.GROWTH)
        else:
            currency = draw(st.sampled_from(["CNY", "CNY", "USD"]))
            level = (abs(draw(_rate())) + 1) * 10**5
            other = ip.Figure(ip.ureg.Quantity(level, currency))
        added = ip.Observation(metric, extra_year, other)
        clash = [
            o
            for o in observations
            if (o.year, o.reports, o.estimate) == (extra_year, added.reports, False)
        ]
        if not clash:
            observations.append(added)
    direction = draw(st.sampled_from([None, None, "lower"])) if loose else None
    target = ip.Target(
        metric, year, figure, kind=ip.TargetKind.GROWTH, direction=direction
    )
    return target, observations


@st.composite
def _growth_plans(draw: st.DrawFn, loose: bool = False) -> ip.IndustrialSystem:
    start = draw(st.integers(2000, 2020))

    def owned() -> dict[str, list]:
        targets, observations = [], []
        for metric in draw(st.lists(st.sampled_from(_MONEY), max_size=3, unique=True)):
            target, observed = draw(_growth(metric, start, loose))
            targets.append(target)
            observations += observed
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
        end_year=start + 10,
        tiers=[tier],
        regional=ip.Regional(**owned()),
    )


def _both(plans: list[ip.IndustrialSystem], **options: object) -> tuple[object, list]:
    """The columnar result of *plans* as one table, and the object path's records."""
    plans = [attrs.evolve(p, name={"en": f"plan {i}"}) for i, p in enumerate(plans)]
    records = [r for plan in plans for r in ip.assess(plan, **options).records()]  # type: ignore[arg-type]
    tables = [ip.to_arrow(plan) for plan in plans]
    table = pa.concat_tables(tables, promote_options="permissive")
    result = ip.assess_table(table, **options)  # type: ignore[arg-type]
    assert result.num_rows == len(records)
    _compare_result(result, records)
    return result, records


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_growth_plans(), min_size=1, max_size=3))
def test_common_growth_shapes_are_vectorised(plans: list) -> None:
    """Exact figures in one currency, away from every decision: no object path."""
    result, _ = _both(plans)
    rows = result.to_pylist()  # type: ignore[attr-defined]
    taken = [r for r in rows if r["target_kind"] == "growth rate"]
    assert [r["method"] for r in taken] == ["vectorised"] * len(taken)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    st.lists(_growth_plans(loose=True), min_size=1, max_size=3),
    st.none() | st.integers(2000, 2032),
    st.none() | st.integers(1998, 2030),
    st.sampled_from([None, ip.Thresholds(on_track="0.9", acceleration="0.5")]),
    verdict_bands(),
)
def test_growth_in_every_shape_equals_object_path(
    plans: list,
    as_of: int | None,
    baseline: int | None,
    thresholds: ip.Thresholds | None,
    bands: ip.VerdictBands,
) -> None:
    """Bounds, estimates, round numbers, rates and levels mixed, other currencies,
    dated figures, lower-is-better targets; a baseline year (growth ignores it)
    and thresholds of one's own."""
    _both(
        plans,
        as_of=as_of,
        baseline_year=baseline,
        thresholds=thresholds,
        bands=bands,
    )


# -- named examples --------------------------------------------------------------


def _plan(
    targets: list[ip.Target], observed: list[ip.Observation]
) -> ip.IndustrialSystem:
    return ip.IndustrialSystem(
        name={"en": "plan"},
        region="region",
        start_year=2020,
        end_year=2025,
        regional=ip.Regional(targets=targets, observations=observed),
    )


def _levels_of(metric: str, values: dict[int, str], **extra: object) -> list:
    return [
        ip.Observation(metric, year, ip.Figure(ip.amount(value, "CNY")), **extra)  # type: ignore[arg-type]
        for year, value in values.items()
    ]


def _rates_of(metric: str, values: dict[int, str]) -> list[ip.Observation]:
    return [
        ip.Observation(metric, year, _percent(Decimal(v), change=ip.Change.GROWTH))
        for year, v in values.items()
    ]


def _row(plan: ip.IndustrialSystem) -> dict:
    result, _ = _both([plan])
    (row,) = result.to_pylist()  # type: ignore[attr-defined]
    return row


def test_average_growth_of_at_least_7_percent_from_yearly_levels() -> None:
    """年均增长7%以上 by 2025; 8 % a year since 2020: on track, R = 8/7."""
    target = ip.Target(
        "value_added",
        2025,
        ip.parse_figure("年均增长7%以上"),
        kind=ip.TargetKind.GROWTH,
    )
    levels = {2020: "100", 2021: "108", 2022: "116.64"}
    row = _row(_plan([target], _levels_of("value_added", levels)))
    assert (row["method"], row["status"], row["verdict"]) == (
        "vectorised",
        "on track",
        "as projected",
    )
    assert row["actual"] == pytest.approx(8.0, rel=1e-12)
    assert row["observed_cagr"] == pytest.approx(0.08, rel=1e-12)
    assert row["ratio"] == pytest.approx(8 / 7, rel=1e-11)
    required = (1.07**5 / 1.1664) ** (1 / 3) - 1
    assert row["required_cagr"] == pytest.approx(required, rel=1e-11)
    assert row["latest_year"] is None
    assert row["baseline_year"] is None


def test_average_growth_from_chained_yearly_rates() -> None:
    """+6.5 % and +5 % reported: the average is their geometric mean."""
    target = ip.Target(
        "output_value",
        2025,
        _percent(Decimal(6), change=ip.Change.AVERAGE_GROWTH),
        kind=ip.TargetKind.GROWTH,
    )
    row = _row(_plan([target], _rates_of("output_value", {2021: "6.5", 2022: "5"})))
    assert (row["method"], row["status"]) == ("vectorised", "on track")
    assert row["observed_cagr"] == pytest.approx((1.065 * 1.05) ** 0.5 - 1, rel=1e-11)


def test_levels_at_comparable_prices_win_over_rates_and_rates_over_current() -> None:
    """Two comparable levels decide; levels at current prices give way to rates."""
    target = ip.Target(
        "investment",
        2025,
        _percent(Decimal(5), change=ip.Change.AVERAGE_GROWTH),
        kind=ip.TargetKind.GROWTH,
    )
    rates = _rates_of("investment", {2021: "2.5", 2022: "2.5"})
    levels = {2020: "100", 2022: "121"}  # 10 % a year
    comparable = _levels_of("investment", levels, price_basis="comparable prices")
    current = _levels_of("investment", levels, price_basis="current prices")
    by_levels = _row(_plan([target], rates + comparable))
    by_rates = _row(_plan([target], rates + current))
    assert by_levels["observed_cagr"] == pytest.approx(0.1, rel=1e-11)
    assert by_rates["observed_cagr"] == pytest.approx(0.025, rel=1e-11)
    assert (by_levels["status"], by_rates["status"]) == (
        "on track",
        "limited progress",
    )
    assert {by_levels["method"], by_rates["method"]} == {"vectorised"}


def test_doubling_by_the_target_year_is_averaged_over_the_span() -> None:
    """翻一番 from 2020 to 2025: 14.87 % a year needed; 10 % a year observed."""
    doubling = attrs.evolve(ip.parse_figure("翻一番"), base_year=2020)
    target = ip.Target("gdp", 2025, doubling, kind=ip.TargetKind.GROWTH)
    levels = {2020: "100", 2021: "110", 2022: "121"}
    row = _row(_plan([target], _levels_of("gdp", levels)))
    needed = 2 ** (1 / 5) - 1
    assert row["method"] == "vectorised"
    assert row["ratio"] == pytest.approx(0.1 / needed, rel=1e-11)
    assert row["status"] == "acceleration needed"
    assert row["verdict"] == "lower than projected"


def test_growth_in_one_year_from_two_levels_and_from_a_rate() -> None:
    """增长6% in 2024: 5.2 % from levels is lower than projected; 6.8 % reported
    is achieved, higher than projected beyond the half-point band."""
    target = ip.Target(
        "total_scale",
        2024,
        _percent(Decimal(6), change=ip.Change.GROWTH),
        kind=ip.TargetKind.GROWTH,
    )
    levels = _levels_of("total_scale", {2023: "100", 2024: "105.2"})
    from_levels = _row(_plan([target], levels))
    assert (from_levels["status"], from_levels["verdict"]) == (
        "target not achieved",
        "lower than projected",
    )
    assert from_levels["actual"] == pytest.approx(5.2, rel=1e-12)
    assert from_levels["latest_year"] == 2024
    reported = _row(_plan([target], _rates_of("total_scale", {2024: "6.8"})))
    assert (reported["status"], reported["verdict"]) == (
        "target achieved",
        "higher than projected",
    )
    assert {from_levels["method"], reported["method"]} == {"vectorised"}


def test_no_growth_observed_is_insufficient_data_on_whole_columns() -> None:
    target = ip.Target(
        "value_added",
        2025,
        _percent(Decimal(7), change=ip.Change.AVERAGE_GROWTH),
        kind=ip.TargetKind.GROWTH,
    )
    row = _row(_plan([target], _levels_of("value_added", {2022: "100"})))
    assert (row["status"], row["verdict"], row["method"]) == (
        "insufficient data",
        None,
        "vectorised",
    )


def test_a_bound_that_does_not_decide_is_left_to_the_object_path() -> None:
    """ "More than 5 %" against about 6 %: objects find the bound undecided."""
    goal = _percent(
        Decimal(6), ip.Qualifier.ABOUT, approximate=True, change=ip.Change.GROWTH
    )
    target = ip.Target("total_scale", 2024, goal, kind=ip.TargetKind.GROWTH)
    rate = _percent(Decimal(5), ip.Qualifier.MORE_THAN, change=ip.Change.GROWTH)
    observed = [ip.Observation("total_scale", 2024, rate)]
    row = _row(_plan([target], observed))
    assert (row["status"], row["method"]) == ("insufficient data", "object")
