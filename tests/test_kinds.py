"""Assessing every kind of target: the issue's hand-computed reference values,
and properties that tie each method to the level method or to its parts."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import industrial_plan as ip
from industrial_plan import Observation, Regional, Status, Target, TargetKind, Tier
from industrial_plan.testing import decimals, systems


def _plan(
    targets: list[Target],
    observations: list[Observation],
    regional: list[Observation] = (),  # type: ignore[assignment]
    start: int = 2020,
    end: int = 2025,
) -> ip.IndustrialSystem:
    return ip.IndustrialSystem(
        name="test plan",
        region="test region",
        start_year=start,
        end_year=end,
        tiers=[
            Tier(
                "sei",
                "strategic emerging industries",
                "cluster",
                targets=targets,
                observations=observations,
            )
        ],
        regional=Regional(observations=list(regional)),
    )


def _region(
    targets: list[Target],
    observations: list[Observation],
    metrics: tuple[tuple[str, str], ...] = (),
    start: int = 2020,
    end: int = 2025,
) -> ip.IndustrialSystem:
    """A plan of region-wide indicators only, with count metrics (id, name)."""
    return ip.IndustrialSystem(
        name="plan",
        region="r",
        start_year=start,
        end_year=end,
        metrics=[ip.Metric(id_, name, "count") for id_, name in metrics],
        regional=Regional(targets=targets, observations=observations),
    )


def _one(system: ip.IndustrialSystem, **options: object) -> ip.Assessment:
    results = [r for r in ip.assess(system, **options) if r.owner.id == "sei"]  # type: ignore[arg-type]
    assert len(results) == 1
    return results[0]


def _obs(metric: str, year: int, text: str, **extra: object) -> Observation:
    return Observation(metric, year, ip.parse_figure(text), **extra)  # type: ignore[arg-type]


def _value(figure: ip.Figure | None) -> Decimal:
    assert figure is not None
    return Decimal(ip.in_base_units(figure.quantity).magnitude)


# -- the reference values --------------------------------------------------


def test_growth_reference() -> None:
    """100 (2020) and 121 (2022) against at least 7 % a year over 2020-2025."""
    target = Target("value_added", 2025, ip.parse_figure("年均增长7%以上"))
    assert target.kind is TargetKind.GROWTH
    result = _one(
        _plan(
            [target],
            [
                _obs("value_added", 2020, "100 billion yuan"),
                _obs("value_added", 2022, "121 billion yuan"),
            ],
        )
    )
    assert _value(result.observed_cagr) == Decimal("0.1")
    assert round(_value(result.required_cagr), 6) == Decimal("0.050456")
    assert round(_value(result.ratio), 4) == Decimal("1.4286")
    assert result.status is Status.ON_TRACK
    assert result.actual is not None
    assert ip.is_percent(result.actual.quantity)
    assert _value(result.actual) == Decimal(10)
    assert any("comparable prices" in note for note in result.notes)


def test_one_year_growth_reference() -> None:
    """ "Up about 6.5 %" for 2018 and an actual 6.6 %: as projected."""
    target = Target("gdp", 2018, ip.parse_figure("up about 6.5%"))
    system = _region([target], [_obs("gdp", 2018, "+6.6%")], (), start=2017, end=2018)
    (result,) = ip.assess(system)
    assert result.verdict is ip.Verdict.AS_PROJECTED
    assert result.status is Status.ACHIEVED
    assert _value(result.actual) == Decimal("6.6")
    # Outside the tolerance "about" allows (0.5 points by default):
    strict = ip.Thresholds(about_points="0.05")
    (result,) = ip.assess(system, thresholds=strict, bands=ip.VerdictBands.none())
    assert result.verdict is ip.Verdict.HIGHER


def test_reduction_reference() -> None:
    """Base 0.5 (2020), down 13.5 % by 2025: a level of 0.4325, lower is better."""
    target = Target("energy_intensity", 2025, ip.parse_figure("下降13.5%"))
    system = _region(
        [target],
        [
            _obs("energy_intensity", 2020, "0.5"),
            _obs("energy_intensity", 2022, "0.47"),
        ],
        (("energy_intensity", "energy use per unit of GDP"),),
        start=2020,
        end=2025,
    )
    (result,) = ip.assess(system)
    assert result.direction is ip.Direction.LOWER
    assert _value(result.target_level) == Decimal("0.4325")
    assert result.status in set(Status)
    assert result.gap is not None
    assert _value(result.gap) == Decimal("0.0375")


def test_cumulative_reference() -> None:
    """10.2, 10.5 and 9.8 million new jobs in 2021-2023 against 50 million."""
    target = Target(
        "new_jobs", 2025, ip.parse_figure("a cumulative total of 50 million")
    )
    system = _region(
        [target],
        [
            _obs("new_jobs", 2021, "10.2 million"),
            _obs("new_jobs", 2022, "10.5 million"),
            _obs("new_jobs", 2023, "9.8 million"),
        ],
        (("new_jobs", "new urban jobs"),),
        start=2020,
        end=2025,
    )
    (result,) = ip.assess(system)
    assert _value(result.actual) == Decimal(30_500_000)
    assert _value(result.attainment) == Decimal("0.61")
    assert _value(result.linear_change_needed) == Decimal(9_750_000)
    assert result.status is Status.ON_TRACK  # 61 % done in 60 % of the time


def test_cumulative_missing_year_is_a_lower_bound_never_a_zero() -> None:
    target = Target(
        "new_jobs", 2025, ip.parse_figure("a cumulative total of 50 million")
    )
    system = _region(
        [target],
        [
            _obs("new_jobs", 2021, "10.2 million"),
            _obs("new_jobs", 2023, "9.8 million"),
        ],
        (("new_jobs", "new urban jobs"),),
        start=2020,
        end=2025,
    )
    (result,) = ip.assess(system)
    assert result.actual is not None
    assert result.actual.qualifier is ip.Qualifier.AT_LEAST
    assert _value(result.actual) == Decimal(20_000_000)
    assert any("2022" in note and "lower bound" in note for note in result.notes)


@pytest.mark.parametrize(
    ("goal", "status", "gap"),
    [("达到25%", Status.ACHIEVED, "0"), ("26%", Status.NOT_ACHIEVED, "1")],
)
def test_share_reference(goal: str, status: Status, gap: str) -> None:
    """Value added 250 billion yuan of a GDP of 1,000 billion yuan is 25 %."""
    target = Target("value_added", 2025, ip.parse_figure(goal), of="gdp")
    result = _one(
        _plan(
            [target],
            [_obs("value_added", 2025, "250 billion yuan")],
            [_obs("gdp", 2025, "1000 billion yuan")],
        )
    )
    assert _value(result.actual) == Decimal(25)
    assert result.status is status
    assert result.gap is not None
    assert _value(result.gap) == Decimal(gap)
    assert ip.unit_text(result.gap.quantity) == "percentage_point"


def test_per_population_reference() -> None:
    """5,300 patents and 5.3 million residents: 10 per 10,000, half of "超过20件"."""
    target = Target(
        "patents", 2025, ip.parse_figure("每万人口高价值发明专利拥有量超过20件")
    )
    assert target.kind is TargetKind.RATIO
    system = _region(
        [target],
        [
            _obs("patents", 2022, "5300"),
            _obs("population", 2022, "5.3 million"),
        ],
        (("patents", "high-value invention patents"),),
        start=2020,
        end=2025,
    )
    (result,) = ip.assess(system)
    assert _value(result.actual) == Decimal(10)
    assert _value(result.attainment) == Decimal("0.5")


def test_increment_is_a_level_from_the_start() -> None:
    target = Target("labs", 2025, ip.parse_figure("新增1家"))
    system = _region(
        [target],
        [_obs("labs", 2020, "3"), _obs("labs", 2023, "4")],
        (("labs", "state key laboratories"),),
        start=2020,
        end=2025,
    )
    (result,) = ip.assess(system)
    assert _value(result.target_level) == 4
    assert result.status is Status.ACHIEVED


def test_increment_without_the_start_level_says_so() -> None:
    target = Target("labs", 2025, ip.parse_figure("新增1家"))
    system = _region(
        [target],
        [_obs("labs", 2023, "4")],
        (("labs", "state key laboratories"),),
        start=2020,
        end=2025,
    )
    (result,) = ip.assess(system)
    assert result.status is Status.INSUFFICIENT_DATA
    assert any("2020" in note for note in result.notes)


@pytest.mark.parametrize(
    ("actual", "status", "used"),
    [("+2.1%", Status.WITHIN_CAP, "0.7"), ("+3.3%", Status.CAP_EXCEEDED, "1.1")],
)
def test_cap_says_how_much_of_the_headroom_is_used(
    actual: str, status: Status, used: str
) -> None:
    target = Target(
        "cpi",
        2023,
        ip.parse_figure("增长控制在3%以内"),
    )
    assert target.kind is TargetKind.CAP
    system = _region(
        [target],
        [_obs("cpi", 2023, actual)],
        (("cpi", "consumer prices"),),
        start=2022,
        end=2023,
    )
    (result,) = ip.assess(system)
    assert result.status is status
    assert _value(result.headroom_used) == Decimal(used)


# -- properties ---------------------------------------------------------------------

POSITIVE = decimals(min_value=1, max_value=10**6, places=2)


@given(POSITIVE, POSITIVE, decimals(min_value=1, max_value=99, places=1))
def test_a_share_met_in_its_parts_is_met_as_a_share(
    top: Decimal, bottom: Decimal, goal: Decimal
) -> None:
    target = Target(
        "value_added", 2025, ip.Figure(ip.amount(goal, "percent")), of="gdp"
    )
    result = _one(
        _plan(
            [target],
            [Observation("value_added", 2024, ip.Figure(ip.amount(top, "CNY")))],
            [Observation("gdp", 2024, ip.Figure(ip.amount(bottom, "CNY")))],
        )
    )
    met_in_parts = top * 100 >= goal * bottom
    assert (result.status is Status.ACHIEVED) == met_in_parts


@given(
    st.lists(decimals(min_value=-20, max_value=30, places=1), min_size=1, max_size=5)
)
def test_chained_yearly_rates_equal_growth_from_consistent_levels(
    rates: list[Decimal],
) -> None:
    levels = [Decimal(100)]
    for rate in rates:
        levels.append(levels[-1] * (1 + rate / 100))
    end = 2020 + len(rates)
    target = Target("value_added", 2030, ip.parse_figure("年均增长5%"))
    by_rates = _one(
        _plan(
            [target],
            [
                Observation(
                    "value_added",
                    2020 + i + 1,
                    ip.Figure(ip.amount(r, "percent"), change="growth"),
                )
                for i, r in enumerate(rates)
            ],
            end=2030,
        )
    )
    by_levels = _one(
        _plan(
            [target],
            [
                Observation(
                    "value_added",
                    2020,
                    ip.Figure(ip.amount(levels[0], "CNY")),
                    price_basis="comparable prices",
                ),
                Observation(
                    "value_added",
                    end,
                    ip.Figure(ip.amount(levels[-1], "CNY")),
                    price_basis="comparable prices",
                ),
            ],
            end=2030,
        )
    )
    a, b = _value(by_rates.observed_cagr), _value(by_levels.observed_cagr)
    assert abs(a - b) <= Decimal("1e-20")
    assert by_rates.status is by_levels.status


@given(POSITIVE, POSITIVE, decimals(min_value=0, max_value=99, places=1))
def test_a_reduction_is_a_level_target_with_lower_is_better(
    base: Decimal, latest: Decimal, cut: Decimal
) -> None:
    observations = [
        Observation("investment", 2020, ip.Figure(ip.amount(base, "CNY"))),
        Observation("investment", 2023, ip.Figure(ip.amount(latest, "CNY"))),
    ]
    reduction = _one(
        _plan(
            [
                Target(
                    "investment",
                    2025,
                    ip.Figure(ip.amount(cut, "percent"), change="reduction"),
                )
            ],
            observations,
        )
    )
    level = base * (1 - cut / 100)
    as_level = _one(
        _plan(
            [
                Target(
                    "investment",
                    2025,
                    ip.Figure(ip.amount(level, "CNY")),
                    direction="lower",
                )
            ],
            observations,
        )
    )
    assert reduction.status is as_level.status
    assert reduction.attainment == as_level.attainment
    assert reduction.gap == as_level.gap


# -- the review ---------------------------------------------------------------------

URGENCY = [
    Status.NOT_ACHIEVED,
    Status.CAP_EXCEEDED,
    Status.DETERIORATION,
    Status.LIMITED_PROGRESS,
    Status.ACCELERATION_NEEDED,
]
TYPES = [ip.IndicatorType.BINDING, ip.IndicatorType.ANTICIPATORY, None]


@given(systems())
def test_review_counts_add_up_to_the_targets(system: ip.IndustrialSystem) -> None:
    try:
        review = ip.assess(system).review()
    except ip.RateError:
        return  # currencies the bundled rates do not cover in those years
    total = len(list(system.targets()))
    assert len(review) == total
    assert sum(review.by_standing().values()) == total
    assert sum(review.by_status().values()) == total
    assert sum(review.by_kind().values()) == total
    assert sum(sum(g.values()) for g in review.by_type().values()) == total
    standing = review.by_standing()
    assert len(review.qualitative) == standing[ip.Standing.NOT_QUANTIFIED]
    assert len(review.attention) == standing[ip.Standing.LAGGING]
    keys = [
        (URGENCY.index(r.status), TYPES.index(r.target.indicator_type))
        for r in review.attention
    ]
    assert keys == sorted(keys)


def test_no_kind_with_a_figure_is_left_not_quantified() -> None:
    from industrial_plan.testing import targets

    @given(targets())
    def check(target: Target) -> None:
        system = _plan([target], [])
        (result,) = [r for r in ip.assess(system) if r.owner.id == "sei"]
        if target.figure is not None:
            assert result.status is not Status.NOT_QUANTIFIED
        else:
            assert result.status is Status.NOT_QUANTIFIED

    check()


@given(
    decimals(min_value=Decimal("0.0001"), max_value=10**6, places=6),
    st.integers(1, 50),
)
def test_growth_rates_have_their_stated_precision(ratio: Decimal, years: int) -> None:
    from decimal import localcontext

    from industrial_plan._progress.calculation import RATE_DIGITS, _cagr

    got = _cagr(Decimal(1), ratio, years)
    assert got is not None
    with localcontext(prec=50):
        exact = ratio ** (Decimal(1) / years) - 1
        error = abs(got - exact)
    # RATE_DIGITS significant digits of the rate itself, not of 1 + rate.
    assert error <= abs(exact) * Decimal(10) ** (1 - RATE_DIGITS) + Decimal("1e-30")


def test_a_level_and_the_years_growth_are_two_observations() -> None:
    system = _plan(
        [Target("value_added", 2025, ip.parse_figure("年均增长7%以上"))],
        [
            _obs("value_added", 2020, "100 billion yuan"),
            _obs("value_added", 2021, "108 billion yuan"),
            _obs("value_added", 2021, "+8%"),
        ],
    )
    assert [o.reports for o in system.tiers[0].observations] == [
        "level",
        "level",
        "growth",
    ]
    with pytest.raises(ip.PlanValidationError, match="a second observation"):
        _plan([], [_obs("value_added", 2021, "+8%"), _obs("value_added", 2021, "+9%")])
