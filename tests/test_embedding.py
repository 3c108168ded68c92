"""Lookups and outputs a service needs (issue 26, point 5).

Each test failed before: ``SystemAssessment`` had no ``find``; the CLI's
combined JSON report was no public function; ``json.dumps(to_dict(plan))``
failed on dates; ``help(industrial_plan)`` opened with five lines that named no
entry point.
"""

from __future__ import annotations

import datetime as dt
import json
import pydoc

import pytest
from hypothesis import HealthCheck, given, settings
from typer.testing import CliRunner

import industrial_plan as ip
from industrial_plan.cli import app
from industrial_plan.testing import systems


def test_find_one_targets_assessment() -> None:
    assessment = ip.assess(ip.examples.xiamen_sei())
    share = assessment.find("strategic_emerging", "value_added", 2025, kind="share")
    assert share.target.kind is ip.TargetKind.SHARE
    assert assessment.find("region", "rd_spending") in assessment.results
    with pytest.raises(ip.NotFoundError, match="several match"):
        assessment.find("strategic_emerging", "value_added", 2025)
    with pytest.raises(ip.NotFoundError, match="no owner of a target"):
        assessment.find("harbour")
    with pytest.raises(ip.FieldError, match="kind 'slice'"):
        assessment.find("strategic_emerging", kind="slice")  # type: ignore[arg-type]


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(systems(max_tiers=2, max_industries=2, with_roadmap=False))
def test_find_gives_each_result_whose_key_is_unique(plan: ip.IndustrialSystem) -> None:
    assessment = ip.assess(plan)
    keys = [
        (r.owner.id, r.target.metric, r.target.year, r.target.kind)
        for r in assessment.results
    ]
    for key, result in zip(keys, assessment.results, strict=True):
        owner, metric, year, kind = key
        if keys.count(key) == 1:
            assert assessment.find(owner, metric, year, kind=kind) is result
        else:
            with pytest.raises(ip.NotFoundError):
                assessment.find(owner, metric, year, kind=kind)


def test_report_json_is_what_the_command_prints(tmp_path: object) -> None:
    assessment = ip.assess(ip.examples.xiamen())
    runner = CliRunner()
    for view in ("progress", "review", "both"):
        printed = runner.invoke(app, ["report", "--format", "json", "--view", view])
        assert printed.exit_code == 0, printed.output
        assert json.loads(printed.output) == json.loads(
            json.dumps(ip.report_json(assessment, view), ensure_ascii=False)
        )
    default = ip.report_json(assessment)
    assert sorted(default) == ["progress", "review"]
    with pytest.raises(ip.FieldError, match="view 'table'"):
        ip.report_json(assessment, "table")  # type: ignore[call-overload]


def test_report_json_in_another_currency() -> None:
    assessment = ip.assess(ip.examples.xiamen())
    records = ip.report_json(
        assessment, "progress", currency="USD", on=dt.date(2023, 1, 30)
    )
    rate = records[0]["display_rate"]
    assert (rate["base"], rate["quote"]) == ("CNY", "USD")


def test_to_dict_json_ready_goes_through_json_dumps() -> None:
    plan = ip.examples.xiamen()
    with pytest.raises(TypeError, match="date"):
        json.dumps(ip.to_dict(plan))  # plain data keeps dates, as TOML wants
    text = json.dumps(ip.to_dict(plan, json_ready=True), ensure_ascii=False)
    assert ip.from_dict(json.loads(text)) == plan
    assert json.loads(text) == json.loads(ip.dumps(plan, "json"))


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(systems())
def test_json_ready_round_trips_every_plan(plan: ip.IndustrialSystem) -> None:
    data = json.loads(json.dumps(ip.to_dict(plan, json_ready=True)))
    assert ip.from_dict(data) == plan


def test_help_opens_with_the_entry_points() -> None:
    text = pydoc.render_doc(ip, renderer=pydoc.plaintext)
    opening = text[: text.index("PACKAGE CONTENTS")]
    for name in ("load(", "assess(", "parse_figure(", "find_figures(", "report_json("):
        assert name in opening, name
    assert "IndustrialPlanError" in opening


# -- the review read from Python (issue 24, point 4) ----------------------------------


def test_str_of_an_assessment_is_what_the_command_prints() -> None:
    # Before, print(ip.assess(plan).review()) printed a repr of 105,664 characters.
    runner = CliRunner()
    printed = runner.invoke(app, ["report"], env={"COLUMNS": "100"})
    assessment = ip.assess(ip.examples.xiamen())
    assert str(assessment) + "\n" == printed.output


def test_str_of_a_review_and_short_reprs() -> None:
    assessment = ip.assess(ip.examples.xiamen_sei())
    review = assessment.review()
    text = str(review)
    assert text.startswith("Review\nOf ")
    assert "verdict" in text
    assert "评估" in review.text(lang="zh")
    assert max(len(line) for line in review.text(width=60).splitlines()) <= 60
    assert repr(review).startswith("Review(")
    assert len(repr(review)) < 200
    assert repr(assessment).startswith("SystemAssessment(")
    assert len(repr(assessment)) < 200
    assert "评估" in assessment.text(lang="zh")
