"""An assessment never fails for one target (issue 26, point 1).

A figure that has no exchange rate (a currency the rates lack, a year they do
not cover) makes its own target "insufficient data", with a note that names
the currency, the year and what to do; every other target is assessed as
without it.  ``strict=True`` raises as before.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import industrial_plan as ip
from industrial_plan._outputs.rows import notes
from industrial_plan.cli import app
from industrial_plan.testing import systems

pa = pytest.importorskip("pyarrow")

TIER = "strategic_emerging"


def _with(figure: str, year: int) -> ip.IndustrialSystem:
    """The Xiamen plan with one more observation of the strategic tier's scale."""
    observation = ip.Observation("total_scale", year, ip.parse_figure(figure))
    return ip.examples.xiamen().with_observation(TIER, observation)


def _result(assessment: ip.SystemAssessment) -> ip.Assessment:
    (found,) = [r for r in assessment if r.owner.id == TIER]
    return found


def test_a_currency_without_rates_leaves_its_target_insufficient() -> None:
    # Before: assess raised MissingRateError and nothing was assessed.
    assessment = ip.assess(_with("1000 billion XOF", 2024))
    result = _result(assessment)
    assert result.status is ip.Status.INSUFFICIENT_DATA
    (note,) = result.notes
    assert "XOF -> CNY" in note
    assert "2024" in note
    assert "ConversionPolicy.fixed" in note
    # The other targets are assessed as without the figure.
    plain = ip.assess(ip.examples.xiamen())
    others = [r for r in assessment if r.owner.id != TIER]
    assert others == [r for r in plain if r.owner.id != TIER]


def test_a_year_the_rates_do_not_cover() -> None:
    # Before: DateOutOfRangeError for the whole plan.
    result = _result(ip.assess(_with("80 billion USD", 2029)))
    assert result.status is ip.Status.INSUFFICIENT_DATA
    (note,) = result.notes
    assert "2029" in note
    assert "USD -> CNY" in note
    assert "ConversionPolicy.on_date" in note  # a day the rates do cover


def test_a_year_the_rates_cover_in_part_takes_the_days_they_cover() -> None:
    last = ip.ECBRates().bounds("USD", "CNY")[1]
    result = _result(ip.assess(_with("80 billion USD", last.year)))
    assert result.status is not ip.Status.INSUFFICIENT_DATA
    (rate,) = result.rates
    assert rate.covered is not None
    assert rate.covered[1] == last
    assert rate.days is not None
    assert rate.days < 262
    assert f"to {last.isoformat()} only" in str(rate)


def test_strict_raises_as_before() -> None:
    with pytest.raises(ip.MissingRateError) as missing:
        ip.assess(_with("1000 billion XOF", 2024), strict=True)
    assert "2024" in "".join(missing.value.__notes__)
    with pytest.raises(ip.DateOutOfRangeError):
        ip.assess(_with("80 billion USD", 2029), strict=True)
    last = ip.ECBRates().bounds("USD", "CNY")[1]
    if last < dt.date(last.year, 12, 31):  # a year covered in part: whole needed
        with pytest.raises(ip.DateOutOfRangeError, match="whole year needed"):
            ip.assess(_with("80 billion USD", last.year), strict=True)


def test_annual_average_of_a_year_covered_in_part() -> None:
    first = ip.ECBRates().bounds("USD", "CNY")[0]
    with pytest.raises(ip.DateOutOfRangeError, match="USD -> CNY"):
        ip.annual_average("USD", "CNY", first.year)
    rate = ip.annual_average("USD", "CNY", first.year, partial=True)
    assert rate.covered is not None
    assert rate.covered[0] >= first
    whole = ip.annual_average("USD", "CNY", first.year + 1, partial=True)
    assert whole.covered is None


def test_a_total_that_cannot_be_summed_is_noted_not_raised() -> None:
    plan = ip.IndustrialSystem(
        name={"en": "Harbour"},
        region="Harbour",
        start_year=2021,
        end_year=2025,
        tiers=[
            ip.Tier(
                "port",
                {"en": "port"},
                "cluster",
                industries=[
                    ip.Industry(
                        "cranes",
                        {"en": "cranes"},
                        observations=[
                            ip.Observation(
                                "total_scale", 2022, ip.parse_figure("5 billion XOF")
                            )
                        ],
                    )
                ],
                observations=[
                    ip.Observation(
                        "total_scale", 2022, ip.parse_figure("1 billion yuan")
                    )
                ],
            )
        ],
    )
    assessment = ip.assess(plan)
    (note,) = assessment.notes
    assert "port" in note
    assert "2022" in note
    assert "XOF" in note
    assert note in notes(assessment)  # under the report's table
    with pytest.raises(ip.MissingRateError):
        ip.assess(plan, strict=True)


def test_assess_table_follows_assess() -> None:
    plan = _with("1000 billion XOF", 2024)
    table = ip.assess_table(ip.to_arrow(plan))
    statuses = table.column("status").to_pylist()
    assert statuses == [r.status.value for r in ip.assess(plan)]
    with pytest.raises(ip.MissingRateError):
        ip.assess_table(ip.to_arrow(plan), strict=True)


def test_the_command_reports_the_target_and_why(tmp_path: object) -> None:
    path = f"{tmp_path}/plan.toml"
    ip.save(_with("80 billion USD", 2029), path)
    runner = CliRunner()
    result = runner.invoke(app, ["report", path])
    assert result.exit_code == 0, result.output
    assert "insufficient data" in result.output
    assert "not assessed" in result.output
    assert "2029" in result.output
    strict = runner.invoke(app, ["report", path, "--strict"])
    assert strict.exit_code == 1
    assert "2029" in strict.output


_PLANS = systems(max_tiers=2, max_industries=2, with_roadmap=False)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(_PLANS, st.none() | st.integers(1990, 2050))
def test_assess_never_raises_and_strict_raises_when_it_said_so(
    plan: ip.IndustrialSystem, as_of: int | None
) -> None:
    lenient = ip.assess(plan, as_of=as_of)
    said = bool(lenient.notes) or any(
        note.startswith("not assessed")
        or any(rate.covered is not None for rate in result.rates)
        for result in lenient
        for note in (*result.notes, "")
    )
    try:
        strict = ip.assess(plan, as_of=as_of, strict=True)
    except ip.RateError:
        assert said
    else:
        assert not said
        assert strict == lenient


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(_PLANS, st.data())
def test_one_unconvertible_figure_changes_only_its_own_targets(
    plan: ip.IndustrialSystem, data: st.DataObject
) -> None:
    owners = [*plan.tiers, *(i for t in plan.tiers for i in t.industries)]
    money = [
        (owner, target)
        for owner in owners
        for target in owner.targets
        if target.figure is not None
        and ip.currency_of(target.figure.quantity) not in (None, "XOF")
    ]
    if not money:
        return
    owner, target = data.draw(st.sampled_from(money))
    taken = {o.year for o in owner.observations if o.metric == target.metric}
    free = [y for y in range(plan.start_year, target.year + 1) if y not in taken]
    if not free:
        return
    year = data.draw(st.sampled_from(free))
    figure = ip.parse_figure("5 billion XOF")
    changed = plan.with_observation(
        owner.id, ip.Observation(target.metric, year, figure)
    )
    before, after = ip.assess(plan), ip.assess(changed)
    for old, new in zip(before, after, strict=True):
        if new.owner.id == owner.id and new.target.metric == target.metric:
            continue  # its own targets: insufficient data, or the XOF left out
        assert attrs.evolve(new, owner=old.owner, tier=old.tier) == old
