"""Words a reader can read: wholes named, no growth required of a target met,
statements in the reader's language, no Chinese measure word in English."""

from __future__ import annotations

import pytest

import industrial_plan as ip
from industrial_plan import Observation, Regional, Status, Target
from industrial_plan._outputs.review import review_rows, summary
from industrial_plan._outputs.rows import Display, rows


def _plan(
    targets: list[Target], observations: list[Observation]
) -> ip.IndustrialSystem:
    return ip.IndustrialSystem(
        name="plan",
        region="r",
        start_year=2020,
        end_year=2025,
        regional=Regional(targets=targets, observations=observations),
    )


def test_a_share_is_labelled_with_its_whole_in_every_table() -> None:
    target = Target("rd_spending", 2025, ip.parse_figure("2.5%"), of="gdp")
    observed = [
        Observation("rd_spending", 2022, ip.parse_figure("20 billion yuan")),
        Observation("gdp", 2022, ip.parse_figure("1000 billion yuan")),
    ]
    report = ip.assess(_plan([target], observed))
    (row,) = rows(report)
    assert row.metric == "R&D spending / gross regional product"
    (review,) = review_rows(report)
    assert review["indicator"].endswith("R&D spending / gross regional product")
    (zh,) = rows(report, Display(lang="zh"))
    assert zh.metric == "研发经费投入 / 地区生产总值"


def test_no_growth_is_required_of_a_target_achieved() -> None:
    target = Target("enterprises", 2025, ip.parse_figure("100"))
    observed = [
        Observation("enterprises", 2020, ip.parse_figure("80")),
        Observation("enterprises", 2022, ip.parse_figure("120")),
    ]
    report = ip.assess(_plan([target], observed))
    (result,) = report
    assert result.status is Status.ACHIEVED
    assert result.required_cagr is not None  # the record keeps it: -6.5 % a year
    (row,) = rows(report)
    assert row.required_cagr == "—"


def test_statements_in_several_languages() -> None:
    """A Chinese report shows the Chinese statement; files keep both."""
    aim = Target(
        "development",
        2025,
        statement={"en": "employment stable overall", "zh": "就业形势总体稳定"},
    )
    system = _plan([aim], [])
    assert isinstance(aim.statement, ip.Names)
    assert aim.statement_in("zh") == "就业形势总体稳定"
    assert aim.statement_in("fr") == "employment stable overall"
    report = ip.assess(system)
    (en,) = review_rows(report)
    (zh,) = review_rows(report, "zh")
    assert en["target"] == "2025: employment stable overall"
    assert zh["target"] == "2025年：就业形势总体稳定"
    assert any("就业形势总体稳定" in line for line in summary(report, "zh"))
    (row,) = rows(report, Display(lang="zh"))
    assert "就业形势总体稳定" in row.target
    for syntax in ("toml", "json", "yaml"):
        assert ip.loads(ip.dumps(system, syntax), syntax) == system  # type: ignore[arg-type]
    (record,) = report.records()
    assert record["target_statement"] == "employment stable overall"


def test_a_statement_of_another_type_is_a_problem_with_its_path() -> None:
    text = ip.dumps(
        _plan([Target("development", 2025, statement="stable")], []), "toml"
    ).replace('statement = "stable"', "statement = 3")
    with pytest.raises(
        ip.PlanValidationError, match=r"regional\.targets\[0\]\.statement"
    ):
        ip.loads(text, "toml")
