"""Verdict bands and caps: reviews call a figure near its projection "as projected".

Each cause of the issue is a named example with numbers of our own; the
properties tie the verdict to the actual value, to the status, and to the
verdicts of bands of zero width.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import industrial_plan as ip
from industrial_plan import (
    Direction,
    Figure,
    Observation,
    Qualifier,
    Regional,
    Status,
    Target,
    TargetKind,
    Verdict,
    VerdictBands,
)
from industrial_plan.testing import systems, verdict_bands

NONE = VerdictBands.none()


def _region(
    targets: list[Target], observations: list[Observation], start: int = 2020
) -> ip.IndustrialSystem:
    return ip.IndustrialSystem(
        name="plan",
        region="r",
        start_year=start,
        end_year=2025,
        metrics=[
            ip.Metric("firms", "enterprises on the platform", "count"),
            ip.Metric("cpi", "consumer prices", "count"),
            ip.Metric("rate", "a rate", "percent"),
            ip.Metric("urbanisation", "urban population", "percent"),
            ip.Metric("energy", "energy per unit of output", "count"),
        ],
        regional=Regional(targets=targets, observations=observations),
    )


def _obs(metric: str, year: int, text: str) -> Observation:
    return Observation(metric, year, ip.parse_figure(text))


def _verdict(
    target: Target, observations: list[Observation], **options: object
) -> ip.Assessment:
    (result,) = ip.assess(_region([target], observations), **options)  # type: ignore[arg-type]
    return result


def _value(figure: Figure | None) -> Decimal:
    assert figure is not None
    return Decimal(ip.in_base_units(figure.quantity).magnitude)


# -- the causes, with numbers of our own ----------------------------------


def test_a_growth_a_tenth_above_its_projection_is_as_projected() -> None:
    """Up 5.3 % against a projected 5.2 %: within half a point."""
    target = Target("gdp", 2024, ip.parse_figure("增长5.2%"))
    observed = [_obs("gdp", 2024, "+5.3%")]
    result = _verdict(target, observed)
    assert result.verdict is Verdict.AS_PROJECTED
    assert result.status is Status.ACHIEVED
    assert result.band is not None
    assert _value(result.band.low) == Decimal("4.7")
    assert _value(result.band.high) == Decimal("5.7")
    # Without a band it was higher than projected:
    assert _verdict(target, observed, bands=NONE).verdict is Verdict.HIGHER


def test_a_growth_a_point_and_a_half_above_about_is_higher() -> None:
    """Up 7.5 % against "about 6 %": beyond half a point widened by "about"."""
    target = Target("gdp", 2024, ip.parse_figure("增长6%左右"))
    result = _verdict(target, [_obs("gdp", 2024, "+7.5%")])
    assert result.verdict is Verdict.HIGHER
    assert result.band is not None
    assert result.band.width == Decimal("1.0")  # 0.5 of the band, 0.5 of "about"
    assert _verdict(target, [_obs("gdp", 2024, "+6.9%")]).verdict is (
        Verdict.AS_PROJECTED
    )


def test_a_growth_short_of_its_band_is_lower() -> None:
    target = Target("gdp", 2024, ip.parse_figure("增长5.2%"))
    low = _verdict(target, [_obs("gdp", 2024, "+4.5%")])
    assert (low.verdict, low.status) == (Verdict.LOWER, Status.NOT_ACHIEVED)
    near = _verdict(target, [_obs("gdp", 2024, "+4.9%")])
    # Not met, but within the band: as projected, and still not achieved.
    assert (near.verdict, near.status) == (Verdict.AS_PROJECTED, Status.NOT_ACHIEVED)


def test_a_share_four_hundredths_above_is_as_projected() -> None:
    """A share of 61.04 % of the population against 61.0 %."""
    target = Target("urbanisation", 2023, ip.parse_figure("61%"))
    observed = [
        Observation("urbanisation", 2021, ip.parse_figure("60.2%"), of="population"),
        Observation("urbanisation", 2023, ip.parse_figure("61.04%"), of="population"),
    ]
    result = _verdict(target, observed)
    assert result.status is Status.ACHIEVED
    assert result.verdict is Verdict.AS_PROJECTED
    assert _verdict(target, observed, bands=NONE).verdict is Verdict.HIGHER


def test_a_level_three_percent_above_is_as_projected() -> None:
    target = Target("firms", 2023, ip.parse_figure("2000"))
    observed = [_obs("firms", 2021, "1800"), _obs("firms", 2023, "2060")]
    result = _verdict(target, observed)
    assert result.verdict is Verdict.AS_PROJECTED
    assert result.band is not None
    assert result.band.relative == Decimal("0.05")
    assert _value(result.band.high) == Decimal(2100)
    assert _verdict(target, observed, bands=NONE).verdict is Verdict.HIGHER


def test_a_level_a_quarter_above_a_lower_bound_is_higher() -> None:
    """At least 2,000 enterprises, 2,500 reached: a clear departure."""
    target = Target("firms", 2023, ip.parse_figure("不少于2000"))
    observed = [_obs("firms", 2021, "1800"), _obs("firms", 2023, "2500")]
    result = _verdict(target, observed)
    assert result.verdict is Verdict.HIGHER
    # A one-sided target is as projected from where it is met ...
    assert result.band is not None
    assert _value(result.band.low) == Decimal(2000)
    met = _verdict(target, [_obs("firms", 2021, "1800"), _obs("firms", 2023, "2050")])
    assert met.verdict is Verdict.AS_PROJECTED
    # ... and short of it, however near, it is not met.
    short = _verdict(target, [_obs("firms", 2021, "1800"), _obs("firms", 2023, "1990")])
    assert (short.verdict, short.status) == (Verdict.LOWER, Status.NOT_ACHIEVED)


def test_a_level_short_at_its_year_within_the_band_is_as_projected() -> None:
    target = Target("firms", 2023, ip.parse_figure("2000"))
    near = _verdict(target, [_obs("firms", 2021, "1800"), _obs("firms", 2023, "1950")])
    assert (near.verdict, near.status) == (Verdict.AS_PROJECTED, Status.NOT_ACHIEVED)
    far = _verdict(target, [_obs("firms", 2021, "1800"), _obs("firms", 2023, "1850")])
    assert far.verdict is Verdict.LOWER


def test_on_the_way_the_verdict_follows_the_status() -> None:
    """Before its year a target is on its path or not: no band applies."""
    target = Target("firms", 2025, ip.parse_figure("2000"))
    lagging = _verdict(
        target, [_obs("firms", 2020, "1800"), _obs("firms", 2022, "1790")]
    )
    assert (lagging.verdict, lagging.band) == (Verdict.LOWER, None)
    on_track = _verdict(
        target, [_obs("firms", 2020, "1800"), _obs("firms", 2022, "1900")]
    )
    assert (on_track.status, on_track.verdict) == (
        Status.ON_TRACK,
        Verdict.AS_PROJECTED,
    )


def test_a_reduction_beyond_its_band_is_lower_than_projected() -> None:
    """Lower is better: going further than planned is *lower* than projected."""
    target = Target("energy", 2023, ip.parse_figure("0.40"), direction="lower")
    far = _verdict(target, [_obs("energy", 2021, "0.45"), _obs("energy", 2023, "0.37")])
    assert (far.status, far.verdict) == (Status.ACHIEVED, Verdict.LOWER)
    near = _verdict(
        target, [_obs("energy", 2021, "0.45"), _obs("energy", 2023, "0.39")]
    )
    assert (near.status, near.verdict) == (Status.ACHIEVED, Verdict.AS_PROJECTED)
    short = _verdict(
        target, [_obs("energy", 2021, "0.45"), _obs("energy", 2023, "0.41")]
    )
    assert (short.status, short.verdict) == (Status.NOT_ACHIEVED, Verdict.AS_PROJECTED)


# -- caps ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("actual", "status", "verdict"),
    [
        ("+1.8%", Status.WITHIN_CAP, Verdict.AS_PROJECTED),
        ("+3%", Status.WITHIN_CAP, Verdict.AS_PROJECTED),
        ("+3.4%", Status.WITHIN_CAP, Verdict.AS_PROJECTED),  # "about" allows it
        ("+3.8%", Status.CAP_EXCEEDED, Verdict.HIGHER),
    ],
)
def test_staying_under_a_ceiling_is_as_projected(
    actual: str, status: Status, verdict: Verdict
) -> None:
    """Consumer prices under a cap of "about 3 %": staying under is the plan."""
    target = Target("cpi", 2024, ip.parse_figure("增长3%左右以内"))
    assert target.kind is TargetKind.CAP
    result = _verdict(target, [_obs("cpi", 2024, actual)])
    assert (result.status, result.verdict) == (status, verdict)
    assert result.band is not None
    assert result.band.low is None
    assert _value(result.band.high) == Decimal("3.5")


def test_an_exact_cap_has_no_band_above_it() -> None:
    target = Target("cpi", 2024, ip.parse_figure("增长控制在3%以内"))
    over = _verdict(target, [_obs("cpi", 2024, "+3.1%")])
    assert (over.status, over.verdict) == (Status.CAP_EXCEEDED, Verdict.HIGHER)
    wide = _verdict(target, [_obs("cpi", 2024, "+3.1%")], bands=VerdictBands(points=2))
    assert wide.status is Status.CAP_EXCEEDED  # a ceiling is a ceiling


def test_the_review_counts_a_cap_kept_as_met() -> None:
    target = Target("cpi", 2024, ip.parse_figure("增长控制在3%以内"))
    (result,) = ip.assess(_region([target], [_obs("cpi", 2024, "+1.8%")])).results
    review = ip.Review((result,))
    assert review.by_standing()[ip.Standing.MET] == 1


def test_bands_are_checked() -> None:
    with pytest.raises(ip.BandWidthError, match=r"-0\.1.*VerdictBands\.relative"):
        VerdictBands(relative="-0.1")
    with pytest.raises(ip.InvalidNumberError, match=r"VerdictBands\.points"):
        VerdictBands(points="nan")


# -- properties ------------------------------------------------------------------------

_ORDER = {Verdict.LOWER: -1, Verdict.AS_PROJECTED: 0, Verdict.HIGHER: 1}


@st.composite
def _final_year_plans(draw: st.DrawFn) -> tuple[Target, Decimal, bool]:
    """A target at its year, stated any way a level or a rate is."""
    percent = draw(st.booleans())
    value = draw(st.decimals(min_value=1, max_value=1000, places=2))
    qualifier = draw(
        st.sampled_from(
            [Qualifier.EXACT, Qualifier.ABOUT, Qualifier.AT_LEAST, Qualifier.MORE_THAN]
        )
    )
    unit = "percent" if percent else ""
    figure = Figure(
        ip.ureg.Quantity(value, unit),
        qualifier,
        approximate=qualifier is Qualifier.ABOUT,
    )
    direction = draw(st.sampled_from(list(Direction)))
    target = Target("rate" if percent else "firms", 2023, figure, direction=direction)
    return target, value, percent


@given(
    _final_year_plans(),
    st.lists(
        st.decimals(min_value=0, max_value=2000, places=2), min_size=2, max_size=4
    ),
    verdict_bands(),
)
def test_the_verdict_is_monotone_in_the_actual(
    plan: tuple[Target, Decimal, bool], actuals: list[Decimal], bands: VerdictBands
) -> None:
    # Verdicts are in the value's terms, whichever way is better: a higher
    # actual is never a lower verdict.
    target, value, percent = plan
    ranks = []
    for actual in sorted(actuals):
        system = _region(
            [target],
            [
                _observed(target.metric, 2021, value, percent),
                _observed(target.metric, 2023, actual, percent),
            ],
        )
        (result,) = ip.assess(system, bands=bands)
        assert result.verdict is not None
        ranks.append(_ORDER[result.verdict])
    assert ranks == sorted(ranks)


def _observed(metric: str, year: int, value: Decimal, percent: bool) -> Observation:
    """A level of enterprises, or a share in percent (of the population)."""
    if percent:
        figure = Figure(ip.ureg.Quantity(value, "percent"))
        return Observation(metric, year, figure, of="population")
    return Observation(metric, year, Figure(ip.ureg.Quantity(value, "")))


def _old_verdict(result: ip.Assessment, tolerance: Decimal) -> Verdict | None:
    """The verdict rule before bands, written out here on its own."""
    higher = result.direction is Direction.HIGHER
    better = Verdict.HIGHER if higher else Verdict.LOWER
    worse = Verdict.LOWER if higher else Verdict.HIGHER
    if result.status in (Status.ON_TRACK, Status.WITHIN_CAP):
        return Verdict.AS_PROJECTED
    if result.status in (
        Status.ACCELERATION_NEEDED,
        Status.LIMITED_PROGRESS,
        Status.DETERIORATION,
        Status.NOT_ACHIEVED,
    ):
        return worse
    if result.status is not Status.ACHIEVED:
        return None
    assert result.target.figure is not None
    goal = Decimal(result.target.figure.quantity.magnitude)
    x = Decimal(result.actual.quantity.magnitude)  # type: ignore[union-attr]
    beyond = x > goal + tolerance if higher else x < goal - tolerance
    return better if beyond else Verdict.AS_PROJECTED


@given(
    _final_year_plans(),
    st.decimals(min_value=0, max_value=2000, places=2),
    st.booleans(),
)
def test_bands_of_zero_width_give_the_verdicts_before_bands(
    plan: tuple[Target, Decimal, bool], actual: Decimal, last_year: bool
) -> None:
    """Exact and one-sided targets: the band is only what "about" allows."""
    target, value, percent = plan
    if target.figure is not None and target.figure.approximate:
        return  # an "about" target short of it within its tolerance: see below
    year = 2023 if last_year else 2022
    system = _region(
        [target],
        [
            _observed(target.metric, 2021, value, percent),
            _observed(target.metric, year, actual, percent),
        ],
    )
    (result,) = ip.assess(system, bands=NONE)
    assert result.verdict is _old_verdict(result, Decimal(0))


def test_an_about_target_short_within_its_tolerance_is_as_projected() -> None:
    """The one change for bands of zero width: "about 2,000" and 1,950 reached."""
    target = Target("firms", 2023, ip.parse_figure("2000左右"))
    observed = [_obs("firms", 2021, "1800"), _obs("firms", 2023, "1950")]
    result = _verdict(target, observed, bands=NONE)
    assert (result.status, result.verdict) == (
        Status.NOT_ACHIEVED,
        Verdict.AS_PROJECTED,
    )
    assert _verdict(
        target, [observed[0], _obs("firms", 2023, "1890")], bands=NONE
    ).verdict is (Verdict.LOWER)


_LAGGING = {
    Status.ACCELERATION_NEEDED,
    Status.LIMITED_PROGRESS,
    Status.DETERIORATION,
    Status.NOT_ACHIEVED,
}


@given(systems(), verdict_bands(), st.none() | st.integers(2000, 2040))
def test_verdict_and_status_never_contradict(
    system: ip.IndustrialSystem, bands: VerdictBands, as_of: int | None
) -> None:
    try:
        report = ip.assess(system, bands=bands, as_of=as_of)
    except ip.RateError:
        return  # a currency the bundled rates do not cover
    for result in report:
        verdict, status = result.verdict, result.status
        if result.target.kind is TargetKind.CAP:
            expected = {
                Status.WITHIN_CAP: Verdict.AS_PROJECTED,
                Status.CAP_EXCEEDED: Verdict.HIGHER,
            }
            assert verdict is expected.get(status), result
            continue
        if status in (Status.ON_TRACK, Status.WITHIN_CAP):
            assert verdict is Verdict.AS_PROJECTED, result
        if status in (Status.INSUFFICIENT_DATA, Status.NOT_QUANTIFIED):
            assert verdict is None, result
        if verdict is None or verdict is Verdict.AS_PROJECTED:
            continue
        better = (verdict is Verdict.HIGHER) is (result.direction is Direction.HIGHER)
        if better:
            assert status is Status.ACHIEVED, result
        else:
            assert status in _LAGGING, result


def test_a_share_of_people_computed_from_counts_in_wan() -> None:
    """610.4万 urban residents of 1000万: 61.04 %, not 6,104 %."""
    target = Target("urbanisation", 2024, ip.parse_figure("61%"), of="population")
    observed = [
        Observation("urbanisation", 2024, ip.parse_figure("610.4万")),
        Observation("population", 2024, ip.parse_figure("1000万")),
    ]
    system = ip.IndustrialSystem(
        name="plan",
        region="r",
        start_year=2023,
        end_year=2025,
        metrics=[ip.Metric("urbanisation", "urban population", "count")],
        regional=Regional(targets=[target], observations=observed),
    )
    (result,) = ip.assess(system)
    assert _value(result.actual) == Decimal("61.04")
    assert result.verdict is Verdict.AS_PROJECTED


@pytest.mark.parametrize(
    ("latest", "verdict"),
    [
        ("0.5", Verdict.HIGHER),  # no reduction at all: worse than projected
        ("0.487", Verdict.AS_PROJECTED),  # reduced by 2.6 % for 3 %
        ("0.485", Verdict.AS_PROJECTED),
        ("0.482", Verdict.LOWER),  # reduced by 3.6 %: further than projected
    ],
)
def test_a_reduction_is_banded_by_its_rate(latest: str, verdict: Verdict) -> None:
    """Down 3 % from 0.5: half a point of the rate is 0.0025 of the level."""
    target = Target("energy", 2023, ip.parse_figure("下降3%"))
    observed = [_obs("energy", 2020, "0.5"), _obs("energy", 2023, latest)]
    result = _verdict(target, observed)
    assert result.verdict is verdict
    assert result.band is not None
    assert result.band.width == Decimal("0.0025")


def test_an_increment_is_banded_by_what_it_adds() -> None:
    """100 enterprises added to 2,000: 5 % of the 100, not of the 2,100."""
    target = Target("firms", 2023, ip.parse_figure("新增100家"))
    short = _verdict(target, [_obs("firms", 2020, "2000"), _obs("firms", 2023, "2060")])
    assert (short.status, short.verdict) == (Status.NOT_ACHIEVED, Verdict.LOWER)
    near = _verdict(target, [_obs("firms", 2020, "2000"), _obs("firms", 2023, "2096")])
    assert near.verdict is Verdict.AS_PROJECTED
    assert near.band is not None
    assert near.band.width == Decimal(5)
