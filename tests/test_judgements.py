"""Qualitative aims: the figures observed beside them, and an office's judgement."""

from __future__ import annotations

import pytest
from hypothesis import given

import industrial_plan as ip
from industrial_plan import (
    Judgement,
    JudgementOutcome,
    Metric,
    Observation,
    Regional,
    Source,
    Status,
    Target,
)
from industrial_plan._outputs.review import review_records, review_rows, summary
from industrial_plan.testing import systems

QUOTE = Source(publisher="the office's yearly report", quote="就业形势总体稳定")


def _plan(
    targets: list[Target], observations: list[Observation]
) -> ip.IndustrialSystem:
    return ip.IndustrialSystem(
        name="plan",
        region="r",
        start_year=2023,
        end_year=2025,
        metrics=[
            Metric("unemployment", "surveyed urban unemployment rate", "percent"),
            Metric("prices", "prices", "qualitative"),
        ],
        regional=Regional(targets=targets, observations=observations),
    )


def _aim(**extra: object) -> Target:
    return Target("unemployment", 2024, statement="employment stable overall", **extra)  # type: ignore[arg-type]


def _rate(year: int, text: str, **extra: object) -> Observation:
    return Observation("unemployment", year, ip.parse_figure(text), **extra)  # type: ignore[arg-type]


def test_an_aim_shows_the_figures_observed_for_its_metric() -> None:
    """An aim of overall stability, with the rate reported for 2023 and 2024."""
    system = _plan(
        [_aim()], [_rate(2023, "5.2%"), _rate(2024, "5.1%"), _rate(2025, "5%")]
    )
    (result,) = ip.assess(system)
    assert result.status is Status.NOT_QUANTIFIED
    assert result.verdict is None
    assert [point.year for point in result.series] == [2023, 2024]  # to its year
    assert result.actual == ip.parse_figure("5.1%")
    (row,) = review_rows(ip.assess(system))
    assert row["actual"] == "2024: 5.1%"
    assert row["verdict"] == "—"
    (record,) = ip.assess(system).records()
    assert record["actual"]["value"] == "5.1"
    assert record["judgement"] is None


def test_an_office_judgement_on_the_aim() -> None:
    system = _plan([_aim(judgement=Judgement("met", QUOTE))], [_rate(2024, "5.1%")])
    (result,) = ip.assess(system)
    assert result.judgement == Judgement(JudgementOutcome.MET, QUOTE)
    (row,) = review_rows(ip.assess(system))
    assert row["verdict"] == "judged met"
    (row,) = review_rows(ip.assess(system), "zh")
    assert row["verdict"] == "评估为已实现"
    assert review_records(ip.assess(system))[0]["judgement"] == "met"


def test_a_judgement_stated_on_an_observation_of_the_aims_year() -> None:
    observed = [
        _rate(2023, "5.2%", judgement=Judgement("not met")),
        _rate(2024, "5.1%", judgement=Judgement("partly met")),
    ]
    (result,) = ip.assess(_plan([_aim()], observed))
    assert result.judgement == Judgement("partly met")
    # As of 2023 the aim's year has not come: no judgement of it yet.
    (earlier,) = ip.assess(_plan([_aim()], observed), as_of=2023)
    assert earlier.judgement is None
    assert earlier.actual == ip.parse_figure("5.2%")


def test_the_review_counts_judged_aims_apart() -> None:
    targets = [
        _aim(judgement=Judgement("met")),
        Target("prices", 2024, statement="prices broadly stable"),
        Target(
            "prices", 2025, statement="prices stable", judgement=Judgement("not met")
        ),
    ]
    report = ip.assess(_plan(targets, [_rate(2024, "5.1%")]))
    review = report.review()
    assert review.by_judgement() == {
        JudgementOutcome.MET: 1,
        JudgementOutcome.NOT_MET: 1,
        None: 1,
    }
    assert review.record()["by_judgement"] == {"met": 1, "not met": 1, "not judged": 1}
    lines = summary(report)
    assert any(
        line.startswith(
            "Qualitative aims (1 judged met, 1 judged not met, 1 not judged)"
        )
        for line in lines
    )
    assert any("定性目标（评估为已实现1项" in line for line in summary(report, "zh"))


def test_judgements_are_checked() -> None:
    with pytest.raises(
        ValueError, match="'done' of a judgement is not one of 'met', 'partly met'"
    ):
        Judgement("done")
    with pytest.raises(ValueError, match="a judgement is for a qualitative aim"):
        Target(
            "unemployment", 2024, ip.parse_figure("5.5%"), judgement=Judgement("met")
        )


def test_a_judgement_round_trips_through_plan_files() -> None:
    system = _plan(
        [_aim(judgement=Judgement("met", QUOTE))],
        [_rate(2024, "5.1%", judgement=Judgement("partly met"))],
    )
    for syntax in ("toml", "json", "yaml"):
        text = ip.dumps(system, syntax)  # type: ignore[arg-type]
        assert ip.loads(text, syntax) == system  # type: ignore[arg-type]
    bad = ip.dumps(system, "toml").replace('outcome = "met"', 'outcome = "done"')
    with pytest.raises(ip.PlanValidationError, match="judgement"):
        ip.loads(bad, "toml")


@given(systems())
def test_judged_and_unjudged_aims_add_up_to_the_aims(
    system: ip.IndustrialSystem,
) -> None:
    try:
        review = ip.assess(system).review()
    except ip.RateError:
        return
    assert sum(review.by_judgement().values()) == len(review.qualitative)
