"""Progress metrics and status: the founding example, and properties of the method."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, localcontext

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import industrial_plan as ip
from industrial_plan import Direction, Figure, Qualifier, Status
from industrial_plan.testing import allowed_values, qualifiers

# Growth rates carry 12 significant digits (RATE_DIGITS); what is computed from
# them (compounding, R, projections) agrees with exact arithmetic to this.
PRECISION = Decimal("1e-10")
POSITIVE = st.decimals(min_value=Decimal(1), max_value=Decimal(10**6), places=2)


def _plan(
    observations: list[tuple[int, Figure]],
    target: Figure | None = None,
    target_year: int = 2030,
    direction: Direction | None = None,
    start_year: int = 2020,
) -> ip.IndustrialSystem:
    target = target or Figure(ip.amount(1000, "CNY"))
    tier = ip.Tier(
        "tier",
        "tier",
        "cluster",
        targets=[ip.Target("total_scale", target_year, target, direction=direction)],
        observations=[
            ip.Observation("total_scale", year, f) for year, f in observations
        ],
    )
    return ip.IndustrialSystem(
        name="test", region="test", start_year=start_year, end_year=2040, tiers=[tier]
    )


def _one(system: ip.IndustrialSystem, **options: object) -> ip.Assessment:
    (result,) = ip.assess(system, **options)  # type: ignore[arg-type]
    return result


def _value(figure: Figure | None) -> Decimal:
    assert figure is not None
    return Decimal(figure.quantity.magnitude)


def _cny(value: Decimal | int | str, qualifier: Qualifier = Qualifier.EXACT) -> Figure:
    return Figure(ip.amount(value, "CNY"), qualifier)


# -- the founding example -------------------------------------------------------------


def test_pillar_clusters_from_a_lower_bound() -> None:
    result = ip.assess(ip.examples.xiamen()).results[0]
    assert result.owner.id == "pillar_clusters"
    assert result.status is Status.INSUFFICIENT_DATA
    assert result.attainment is not None
    assert result.attainment.lower is not None
    assert result.attainment.upper is None
    assert round(_value(result.attainment) * 100, 2) == Decimal("66.67")
    assert result.gap is not None
    assert result.gap.upper is not None
    assert result.gap.lower is None
    assert result.gap.quantity == ip.amount(1, "trillion CNY")
    assert result.required_cagr is not None
    assert result.required_cagr.lower is None
    assert round(_value(result.required_cagr) * 100, 3) == Decimal("8.447")
    exact = Decimal("1.5") ** Decimal("0.2") - 1
    # Growth rates carry RATE_DIGITS significant digits (see calculation._root).
    assert abs(_value(result.required_cagr) - exact) <= exact * Decimal("1e-11")
    assert result.linear_change_needed is not None
    assert result.linear_change_needed.quantity == ip.amount("0.2", "trillion CNY")


def test_strategic_emerging_industries() -> None:
    result = ip.assess(ip.examples.xiamen()).results[1]
    assert result.owner.id == "strategic_emerging"
    assert result.status is Status.INSUFFICIENT_DATA
    assert result.attainment == Figure(ip.amount("0.614", ""))
    assert round(_value(result.attainment) * 100, 2) == Decimal("61.40")
    assert result.gap is not None
    assert result.gap.quantity == ip.amount("308.8", "billion CNY")
    assert result.gap.qualifier is Qualifier.EXACT
    assert round(_value(result.required_cagr) * 100, 3) == Decimal("10.247")
    assert result.linear_change_needed is not None
    assert result.linear_change_needed.quantity == ip.amount("61.76", "billion CNY")


def test_future_industries_are_not_quantified() -> None:
    result = ip.assess(ip.examples.xiamen()).results[2]
    assert result.owner.id == "future"
    assert result.status is Status.NOT_QUANTIFIED
    assert result.attainment is None
    assert result.target.statement == "significant progress"


def test_records_are_plain_and_exact() -> None:
    records = ip.assess(ip.examples.xiamen()).records()
    emerging = records[1]
    assert emerging["gap"]["value"] == "308800000000"
    assert emerging["attainment"]["value"] == "0.614"
    pillars = records[0]
    assert pillars["attainment"]["high"] is None
    assert pillars["latest_qualifier"] == "more than"
    assert records[2]["status"] == "not quantified"


# -- properties -----------------------------------------------------------------------


@given(POSITIVE, POSITIVE, st.integers(1, 15))
def test_compounding_at_the_required_rate_reaches_the_target(
    latest: Decimal, target: Decimal, years: int
) -> None:
    system = _plan([(2020, _cny(latest))], _cny(target), 2020 + years)
    result = _one(system)
    if latest >= target:
        assert result.status is Status.ACHIEVED
        return
    rate = _value(result.required_cagr)
    with localcontext(prec=40):
        reached = latest * (1 + rate) ** years
    assert abs(reached - target) / target < PRECISION
    linear = _value(result.linear_change_needed)
    assert abs(latest + linear * years - target) / target < PRECISION


@given(POSITIVE, POSITIVE, POSITIVE)
def test_attainment_is_monotone_in_the_observed_value(
    a: Decimal, b: Decimal, target: Decimal
) -> None:
    low, high = sorted((a, b))
    first = _one(_plan([(2022, _cny(low))], _cny(target)))
    second = _one(_plan([(2022, _cny(high))], _cny(target)))
    assert _value(first.attainment) <= _value(second.attainment)
    assert _value(first.gap) >= _value(second.gap)


@given(POSITIVE, POSITIVE, POSITIVE, POSITIVE)
def test_status_is_monotone_in_observed_growth(
    base: Decimal, a: Decimal, b: Decimal, target: Decimal
) -> None:
    assume(target > base)
    low, high = sorted((a, b))
    ranks = []
    for latest in (low, high):
        result = _one(_plan([(2020, _cny(base)), (2024, _cny(latest))], _cny(target)))
        rank = ip.status_rank(result.status)
        assert rank is not None, result.status
        ranks.append(rank)
    assert ranks[0] <= ranks[1]


@given(
    POSITIVE,
    st.decimals(min_value=Decimal("1.01"), max_value=10, places=3),
    st.integers(1, 9),
    st.sampled_from([Direction.HIGHER, Direction.LOWER]),
)
def test_growing_at_exactly_the_required_rate_is_on_track(
    base: Decimal, factor: Decimal, elapsed: int, direction: Direction
) -> None:
    target = base * factor if direction is Direction.HIGHER else base / factor
    years = 10
    with localcontext(prec=50):
        rate = (target / base) ** (Decimal(1) / years)
        latest = base * rate**elapsed
    system = _plan(
        [(2020, _cny(base)), (2020 + elapsed, _cny(latest))],
        _cny(target),
        2020 + years,
        direction,
    )
    result = _one(system)
    assert result.status is Status.ON_TRACK
    assert abs(_value(result.ratio) - 1) < PRECISION
    assert result.projected is not None
    assert abs(_value(result.projected) - target) / target < PRECISION


@given(POSITIVE, POSITIVE, POSITIVE)
def test_swapping_direction_and_inverting_values_mirrors_the_result(
    base: Decimal, latest: Decimal, target: Decimal
) -> None:
    higher = _one(_plan([(2020, _cny(base)), (2024, _cny(latest))], _cny(target)))
    inverted = [(2020, _cny(1 / base)), (2024, _cny(1 / latest))]
    lower = _one(_plan(inverted, _cny(1 / target), direction=Direction.LOWER))
    assert abs(_value(higher.attainment) - _value(lower.attainment)) < PRECISION
    assert (higher.status is Status.ACHIEVED) == (lower.status is Status.ACHIEVED)
    if higher.ratio is not None and lower.ratio is not None:
        # CAGR ratios keep their sign under the mirror, not their size
        # (R' = R * h / g, see the methodology page).
        assert (_value(higher.ratio) < 0) == (_value(lower.ratio) < 0)


METRICS = ["attainment", "gap", "required_cagr", "linear_change_needed"]


@given(st.data(), POSITIVE, POSITIVE, qualifiers(), st.booleans())
def test_bounded_inputs_give_bounds_holding_every_consistent_value(
    data: st.DataObject,
    stated: Decimal,
    target: Decimal,
    qualifier: Qualifier,
    higher: bool,
) -> None:
    direction = Direction.HIGHER if higher else Direction.LOWER
    observed = Figure(ip.amount(stated, "CNY"), qualifier)
    bounded = _one(_plan([(2022, observed)], _cny(target), direction=direction))
    true_value = data.draw(allowed_values(observed))
    assume(true_value.magnitude > 0)
    exact = _one(_plan([(2022, Figure(true_value))], _cny(target), direction=direction))
    for name in METRICS:
        claim, actual = getattr(bounded, name), getattr(exact, name)
        if claim is None or actual is None:
            continue
        assert claim.allows(actual.quantity), (
            name,
            claim.describe(),
            actual.describe(),
        )
    if bounded.status is Status.ACHIEVED:
        assert exact.status is Status.ACHIEVED


def test_a_lower_bound_below_the_target_is_never_achieved() -> None:
    result = _one(_plan([(2022, _cny(999, Qualifier.MORE_THAN))], _cny(1000)))
    assert result.status is not Status.ACHIEVED
    result = _one(_plan([(2022, _cny(1000, Qualifier.AT_LEAST))], _cny(1000)))
    assert result.status is Status.ACHIEVED
    assert result.gap == Figure(ip.amount(0, "CNY"))


def test_thresholds_are_parameters() -> None:
    system = _plan([(2020, _cny(100)), (2025, _cny(130))], _cny(200))
    default = _one(system)
    assert default.status is Status.ACCELERATION_NEEDED
    lenient = _one(system, thresholds=ip.Thresholds(on_track="0.5", acceleration="0.3"))
    assert lenient.status is Status.ON_TRACK
    with pytest.raises(ValueError, match="on_track > acceleration"):
        ip.Thresholds(on_track="0.5", acceleration="0.6")


def test_edge_cases_are_defined() -> None:
    zero = _one(_plan([(2020, _cny(0)), (2024, _cny(10))], _cny(100)))
    assert zero.status is Status.INSUFFICIENT_DATA
    assert any("positive" in note for note in zero.notes)
    past = _one(_plan([(2031, _cny(10))], _cny(100), target_year=2030))
    assert past.status is Status.NOT_ACHIEVED
    assert past.required_cagr is None
    falling = _one(_plan([(2020, _cny(100)), (2024, _cny(90))], _cny(200)))
    assert falling.status is Status.DETERIORATION
    nothing = _one(_plan([], _cny(100)))
    assert nothing.status is Status.INSUFFICIENT_DATA


def test_as_of_and_baseline_year() -> None:
    system = _plan([(2019, _cny(50)), (2021, _cny(100)), (2023, _cny(150))], _cny(300))
    result = _one(system)
    assert result.baseline is not None
    assert result.baseline.year == 2021
    assert result.latest is not None
    assert result.latest.year == 2023
    earlier = _one(system, as_of=2022)
    assert earlier.latest is not None
    assert earlier.latest.year == 2021
    assert earlier.status is Status.INSUFFICIENT_DATA
    chosen = _one(system, baseline_year=2020)
    assert chosen.baseline is not None
    assert chosen.baseline.year == 2021
    assert any("baseline is 2021" in note for note in chosen.notes)


def test_observations_in_another_currency_are_converted_and_recorded() -> None:
    usd = Figure(ip.amount(100, "USD"))
    system = _plan([(2022, usd)], _cny(1000))
    default = _one(system)
    assert default.latest is not None
    assert default.latest.rate is not None
    assert default.latest.rate.year == 2022
    assert round(_value(default.latest.figure)) == 673  # 2022 ECB average: 6.7347
    fixed = ip.Rate("USD", "CNY", "7")
    at_fixed = _one(system, policy=ip.ConversionPolicy.fixed(fixed))
    assert _value(at_fixed.latest.figure) == 700  # type: ignore[union-attr]
    assert at_fixed.rates == (fixed,)
    on_day = _one(system, policy=ip.ConversionPolicy.on_date(dt.date(2023, 1, 30)))
    assert on_day.rates[0].effective == dt.date(2023, 1, 30)


# -- roll-up and consistency ---------------------------------------------------


def _tier_plan(total: Figure, parts: list[Figure | None]) -> ip.IndustrialSystem:
    industries = [
        ip.Industry(
            f"i{n}",
            f"industry {n}",
            observations=[]
            if part is None
            else [ip.Observation("total_scale", 2022, part)],
        )
        for n, part in enumerate(parts)
    ]
    tier = ip.Tier(
        "t",
        "tier",
        "cluster",
        industries,
        observations=[ip.Observation("total_scale", 2022, total)],
    )
    return ip.IndustrialSystem(
        name="x", region="x", start_year=2020, end_year=2030, tiers=[tier]
    )


def test_consistent_totals_pass_and_mismatches_are_reported() -> None:
    fine = _tier_plan(_cny(100), [_cny(60), _cny("40.5")])
    assert ip.check_consistency(fine) == []
    assert ip.check_consistency(fine, rtol=0) != []
    off = _tier_plan(_cny(100), [_cny(60), _cny(50)])
    (mismatch,) = ip.check_consistency(off)
    assert mismatch.year == 2022
    assert mismatch.difference == ip.amount(-10, "CNY")
    assert mismatch.record()["difference"] == "-10"


def test_bounds_in_totals_are_honoured() -> None:
    # "more than 100" as a whole, parts summing to 120: consistent.
    assert (
        ip.check_consistency(
            _tier_plan(_cny(100, Qualifier.MORE_THAN), [_cny(60), _cny(60)])
        )
        == []
    )
    # Parts of at least 70 + 60 cannot make "less than 100".
    parts = [_cny(70, Qualifier.AT_LEAST), _cny(60, Qualifier.AT_LEAST)]
    (mismatch,) = ip.check_consistency(
        _tier_plan(_cny(100, Qualifier.LESS_THAN), parts)
    )
    assert mismatch.sum_of_parts is not None
    assert mismatch.sum_of_parts.qualifier is Qualifier.AT_LEAST


def test_missing_parts_are_reported_not_counted_as_zero() -> None:
    (mismatch,) = ip.check_consistency(_tier_plan(_cny(100), [_cny(100), None]))
    assert mismatch.missing == ("i1",)


def test_record_units_name_the_unit_of_the_values() -> None:
    target = Figure(ip.amount("1.5", "million t"))
    tier = ip.Tier(
        "t",
        "tier",
        "cluster",
        targets=[ip.Target("production", 2030, target)],
        observations=[
            ip.Observation("production", 2022, Figure(ip.amount(900, "thousand t")))
        ],
    )
    system = ip.IndustrialSystem(
        name="x", region="x", start_year=2020, end_year=2030, tiers=[tier]
    )
    (record,) = ip.assess(system).records()
    assert record["unit"] == "t"
    assert record["target"]["value"] == "1500000"
    assert record["latest"]["value"] == "900000"


def _xiamen_with_2020() -> ip.IndustrialSystem:
    """Xiamen's plan (start 2022) with a 2020 observation of the pillar clusters."""
    import attrs

    system = ip.examples.xiamen()
    tier = system.tiers[0]
    early = ip.Observation("total_scale", 2020, ip.parse_figure("2.2 trillion yuan"))
    tier = attrs.evolve(tier, observations=(early, *tier.observations))
    return attrs.evolve(system, tiers=(tier, *system.tiers[1:]))


def test_issue_13_an_observation_before_the_start_year_is_not_dropped_silently() -> (
    None
):
    pillar = next(iter(ip.assess(_xiamen_with_2020())))
    assert pillar.status is Status.INSUFFICIENT_DATA
    assert pillar.notes == (
        "2020 left out of the trend: before the baseline year 2022 "
        "(choose an earlier baseline year to use it)",
        "needs observations in two different years from the baseline year on",
    )
    # Chosen as the baseline, it is used.
    used = next(iter(ip.assess(_xiamen_with_2020(), baseline_year=2020)))
    assert used.baseline is not None
    assert used.baseline.year == 2020
    assert used.notes == ()
