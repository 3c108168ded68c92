"""The assessment's fast paths give exactly what its general paths give.

Point values (exact, not approximate) take ``_point_metrics`` instead of
carrying bounds through ``_apply`` formula by formula; tier totals are added
up by ``_Total`` instead of by repeated ``+``.  Each is compared here with its
general path on generated plans, field by field, to the Decimal digit (a
``Decimal("1.0")`` where the general path gives ``Decimal("1")`` fails).
"""

from __future__ import annotations

import enum
import functools
import operator
from decimal import Decimal
from typing import Any
from unittest import mock

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import industrial_plan as ip
from industrial_plan import Direction, Figure, Qualifier
from industrial_plan._figures.figure import exact_figure, plain_figure
from industrial_plan._money.units import ureg
from industrial_plan._progress import calculation, consistency, levels, series
from industrial_plan._progress.results import Assessment, Band, Point
from industrial_plan.testing import amounts, decimals, figures, systems

# Mostly point values, so that the fast path runs; bounds fall back.
QUALIFIERS = st.sampled_from([Qualifier.EXACT] * 6 + list(Qualifier))
# Round values tie often: a target already met, no growth required, zero.
MAGNITUDES = st.sampled_from([0, 1, 5, 100, 120, 1000]).map(Decimal) | decimals(
    min_value=0, max_value=10**6, places=3
)


def exactly(value: Any) -> Any:
    """A value as plain data in which equal means the same digits and types."""
    if value is None or isinstance(value, (str, int, enum.Enum)):
        return value
    if isinstance(value, Decimal):
        return ("Decimal", repr(value))
    if isinstance(value, tuple):
        return tuple(exactly(item) for item in value)
    if isinstance(value, ureg.Quantity):
        return ("Quantity", exactly(value.magnitude), dict(value._units))
    if isinstance(value, (Figure, Point, Assessment, Band)):
        return (
            type(value).__name__,
            tuple(
                (f.name, exactly(getattr(value, f.name)))
                for f in attrs.fields(type(value))
            ),
        )
    return ("same object", id(value))  # owners, targets, observations, rates


def general(function: Any, *args: Any, **kwargs: Any) -> Any:
    with mock.patch.object(levels, "_POINT_PATH", False):
        return function(*args, **kwargs)


@st.composite
def level_plans(draw: st.DrawFn) -> tuple[ip.IndustrialSystem, dict[str, Any]]:
    """One industry with a level or count target and yearly values of it."""
    start = draw(st.integers(2000, 2020))
    year = draw(st.integers(start + 1, start + 15))
    count = draw(st.booleans())
    units = st.just("") if count else st.sampled_from(["CNY", "billion CNY", "亿 CNY"])

    def figure(draw_unit: bool = True) -> Figure:
        qualifier = draw(QUALIFIERS)
        approximate = qualifier is Qualifier.ABOUT or (
            qualifier is not Qualifier.EXACT and draw(st.booleans())
        )
        unit = draw(units)
        return Figure(
            ip.amount(draw(MAGNITUDES), unit), qualifier, approximate=approximate
        )

    metric = "enterprises" if count else "total_scale"
    direction = draw(st.none() | st.sampled_from(list(Direction)))
    years = draw(st.lists(st.integers(start - 3, year + 2), max_size=6, unique=True))
    industry = ip.Industry(
        "industry",
        "industry",
        targets=[ip.Target(metric, year, figure(), direction=direction)],
        observations=[ip.Observation(metric, y, figure()) for y in years],
    )
    tier = ip.Tier("tier", "tier", "cluster", [industry])
    system = ip.IndustrialSystem(
        name="plan", region="region", start_year=start, end_year=year + 5, tiers=[tier]
    )
    settings = {
        "as_of": draw(st.none() | st.integers(start - 2, year + 2)),
        "baseline_year": draw(st.none() | st.integers(start - 3, year)),
    }
    return system, settings


@given(level_plans())
def test_point_values_assess_as_bounds_do(
    plan: tuple[ip.IndustrialSystem, Any],
) -> None:
    system, settings = plan
    assert exactly(ip.assess(system, **settings).results) == exactly(
        general(ip.assess, system, **settings).results
    )


def outcome(system: ip.IndustrialSystem) -> Any:
    """The results, or the error (a rate the bundled tables lack, say)."""
    try:
        return exactly(ip.assess(system).results)
    except ip.IndustrialPlanError as error:
        return ("raised", type(error), str(error))


@given(systems(max_tiers=2, max_industries=3, with_roadmap=False))
def test_every_kind_assesses_alike_on_both_paths(system: ip.IndustrialSystem) -> None:
    assert outcome(system) == general(outcome, system)


def test_the_point_path_is_taken() -> None:
    """The comparisons above compare two paths, not one with itself."""
    figure = Figure(ip.amount(100, "CNY"))
    calls = []
    original = levels._point_metrics

    def counted(*args: Any) -> None:
        calls.append(args)
        original(*args)

    system = ip.IndustrialSystem(
        name="plan",
        region="region",
        start_year=2020,
        end_year=2030,
        tiers=[
            ip.Tier(
                "tier",
                "tier",
                "cluster",
                targets=[ip.Target("total_scale", 2030, figure)],
                observations=[
                    ip.Observation("total_scale", 2020, Figure(ip.amount(50, "CNY"))),
                    ip.Observation("total_scale", 2022, Figure(ip.amount(60, "CNY"))),
                ],
            )
        ],
    )
    with mock.patch.object(levels, "_point_metrics", counted):
        fast = ip.assess(system)
        assert len(calls) == 1
        slow = general(ip.assess, system)
        assert len(calls) == 1
    assert fast.results[0].status is ip.Status.ON_TRACK
    assert exactly(fast.results) == exactly(slow.results)


# -- tier totals ----------------------------------------------------------------

SAME_CURRENCY = amounts("CNY", min_value=-(10**6), max_value=10**9, scaled=True)


def repeated_plus(parts: list[Figure]) -> Any:
    """The definition: ``+`` figure by figure; where it leaves no bound, the step."""
    total: Figure | None = None
    for step, figure in enumerate(parts):
        try:
            total = figure if total is None else total + figure
        except ip.UnboundedError:
            return ("unbounded at", step)
    return exactly(total)


def running_total(parts: list[Figure]) -> Any:
    total = consistency._Total()
    for step, figure in enumerate(parts):
        if not total.add(figure):
            return ("unbounded at", step)
    return exactly(total.figure())


@given(st.lists(figures(SAME_CURRENCY, with_source=True), max_size=8))
def test_a_running_total_is_repeated_plus(parts: list[Figure]) -> None:
    # Mixed scale words ("billion CNY" beside "CNY") take the general path.
    assert running_total(parts) == repeated_plus(parts)


@given(st.lists(figures(amounts("CNY", max_value=10**6)), max_size=8))
def test_a_running_total_in_one_unit_is_repeated_plus(parts: list[Figure]) -> None:
    assert running_total(parts) == repeated_plus(parts)


def test_a_running_total_of_one_figure_is_that_figure() -> None:
    cited = Figure(ip.amount(5, "CNY"), source=ip.Source(publisher="bureau"))
    total = consistency._Total()
    assert total.figure() is None
    total.add(cited)
    assert total.figure() is cited


def test_a_sum_of_forms_is_left_to_plus() -> None:
    growth = Figure(ip.amount(5, "percent"), change=ip.Change.GROWTH)
    total = consistency._Total()
    total.add(Figure(ip.amount(5, "percent")))
    with pytest.raises(ip.FormMismatchError):
        total.add(growth)


def test_tier_totals_are_checked_alike() -> None:
    parts = [Figure(ip.amount(v, "billion CNY")) for v in ("1.5", "2.25", "3")]
    expected = functools.reduce(operator.add, parts)
    industries = [
        ip.Industry(
            f"i{n}", "industry", observations=[ip.Observation("total_scale", 2022, f)]
        )
        for n, f in enumerate(parts)
    ]
    total, missing = ip.sum_of_parts(
        industries, "total_scale", 2022, parts[0].quantity.units
    )
    assert missing == ()
    assert exactly(total) == exactly(expected)
    assert total is not None
    assert str(total.quantity.magnitude) == "6.75"


# -- unchecked constructors and unit comparisons ------------------------------------


@given(figures(amounts(scaled=True)))
def test_figures_built_unchecked_equal_checked_ones(figure: Figure) -> None:
    quantity, qualifier = figure.quantity, figure.qualifier
    checked = Figure(quantity, qualifier, approximate=figure.approximate)
    assert exactly(plain_figure(quantity, qualifier, figure.approximate)) == exactly(
        checked
    )
    built = exact_figure(quantity.magnitude, quantity._units)
    assert exactly(built) == exactly(Figure(quantity))
    assert built == Figure(quantity)


UNITS = ["", "CNY", "billion CNY", "CNY * billion", "亿 CNY", "USD", "percent", "GW"]


@given(st.sampled_from(UNITS), st.sampled_from(UNITS))
def test_units_compare_as_pint_compares_them(first: str, second: str) -> None:
    a, b = ip.amount(1, first)._units, ip.amount(1, second)._units
    assert calculation._same_units(a, b) is (a == b)
    assert calculation._same_units(a, ureg.Unit(second)) is (a == ureg.Unit(second))


# The order in which _level_assessment passes Assessment's fields by position.
LEVEL_FIELDS = (
    "owner",
    "tier",
    "target",
    "direction",
    "status",
    "as_of",
    "latest",
    "baseline",
    "attainment",
    "gap",
    "required_cagr",
    "linear_change_needed",
    "observed_cagr",
    "projected",
    "expected_shortfall",
    "ratio",
    "notes",
    "actual",
    "target_level",
    "headroom_used",
    "verdict",
    "series",
    "latest_partial",
    "band",
    "judgement",
)


def test_levels_build_their_record_field_by_field() -> None:
    names = tuple(f.name for f in attrs.fields(Assessment))
    assert names == LEVEL_FIELDS


def test_observed_points_equal_points() -> None:
    observation = ip.Observation("total_scale", 2021, Figure(ip.amount(5, "CNY")))
    point = series._observed(2021, observation.figure, observation)
    assert exactly(point) == exactly(Point(2021, observation.figure, observation))
    assert point == Point(2021, observation.figure, observation)
