"""Computed numbers print rounded; stated ones as stated (issue 24, point 3).

Before, a share computed from its parts printed as
"27.14285714285714285714285714%" and an observed growth rate as
"8.99541274751%", in every table.  Values stay exact; display rounds a
figure the library computed to ``COMPUTED_DIGITS`` significant digits, so
that a bound still holds.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

import industrial_plan as ip
from industrial_plan._figures.format import rounded
from industrial_plan._outputs.review import review_rows
from industrial_plan._outputs.rows import Display, _row
from industrial_plan.testing import figures

PLAN = """
format = "industrial-plan/2"
name = "Test"
region = "Testville"
start_year = 2021
end_year = 2025
metrics = [
  { id = "gdp", name = "GDP", kind = "money" },
  { id = "rd", name = "R&D spending", kind = "money" },
  { id = "va", name = "value added", kind = "money" },
]
[regional]
targets = [
  { metric = "rd", of = "gdp", year = 2025, figure = "3%" },
  { metric = "va", year = 2025, figure = "年均增长8%以上" },
]
observations = [
  { metric = "rd", year = 2021, figure = "19亿元" },
  { metric = "gdp", year = 2021, figure = "70亿元" },
  { metric = "va", year = 2021, figure = "100亿元" },
  { metric = "va", year = 2023, figure = "118.8亿元" },
]
"""


def _assessment() -> ip.SystemAssessment:
    return ip.assess(ip.loads(PLAN, "toml"))


def test_a_share_computed_from_parts_prints_rounded() -> None:
    assessment = _assessment()
    share = assessment.results[0]
    assert share.latest is not None
    assert share.latest.figure.quantity.magnitude == Decimal(19) / Decimal(70) * 100
    row = _row(share, assessment.system, Display())
    assert row.latest == "2021: about 27.14%"
    (first, _) = review_rows(assessment)
    assert first["actual"] == "2021: about 27.14%"
    assert "27.1428" not in str(assessment)


def test_an_observed_growth_rate_prints_rounded_with_its_years() -> None:
    assessment = _assessment()
    growth = assessment.results[1]
    row = _row(growth, assessment.system, Display())
    assert row.latest == "2021-2023: about 8.995% a year"  # was "—"
    zh = _row(growth, assessment.system, Display(lang="zh"))
    assert zh.latest == "2021—2023年：年均约8.995%"
    (_, second) = review_rows(assessment)
    assert second["actual"] == "2021-2023: about 8.995% a year"


def test_stated_figures_print_as_stated() -> None:
    assessment = ip.assess(ip.examples.xiamen())
    rows = [_row(r, assessment.system, Display()) for r in assessment]
    assert rows[1].latest == "2022: 491.2 billion yuan"
    assert rows[0].target.endswith("(442.2 billion US dollars)")


def test_format_figure_rounds_when_asked() -> None:
    share = ip.Figure(ip.amount("27.14285714285714285714285714", "percent"))
    assert ip.format_figure(share, digits=4) == "about 27.14%"
    assert ip.format_figure(share, digits=4, locale="zh") == "约27.14%"
    assert ip.format_figure(share).startswith("27.142857142857")


@given(figures(), st.integers(1, 8))
def test_rounding_keeps_every_bound_true(figure: ip.Figure, digits: int) -> None:
    shown = rounded(figure, digits)
    value = Decimal(figure.quantity.magnitude)
    new = Decimal(shown.quantity.magnitude)
    significant = len(new.normalize().as_tuple().digits) if new else 0
    assert significant <= max(digits, len(value.normalize().as_tuple().digits))
    if shown is figure:
        return
    assert significant <= digits
    if figure.qualifier in (ip.Qualifier.AT_LEAST, ip.Qualifier.MORE_THAN):
        assert new <= value  # "more than 27.14" still holds of 27.1428...
    elif figure.qualifier in (ip.Qualifier.AT_MOST, ip.Qualifier.LESS_THAN):
        assert new >= value
    else:
        assert shown.qualifier is ip.Qualifier.ABOUT or figure.approximate
