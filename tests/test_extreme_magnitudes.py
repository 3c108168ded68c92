"""Every output of a report at every magnitude the parser accepts (issue 25, item 3).

A plan that validates must print: a target of "1 yuan" beside an observation of
"1000000000000 trillion yuan" made ratios that need more digits than the
default decimal context, and the table and Markdown ended in
``decimal.InvalidOperation``.
"""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

import industrial_plan as ip
from industrial_plan._outputs import html, report, review, rows, text_report

PLAN = """
name = "Extremes"
region = "R"
start_year = 2020
end_year = 2030

[[tiers]]
id = "t"
name = "t"
kind = "cluster"

[[tiers.industries]]
id = "i"
name = "i"

[[tiers.industries.targets]]
metric = "total_scale"
year = 2030
figure = "{qualifier}{target}"

[[tiers.industries.observations]]
metric = "total_scale"
year = 2020
figure = "{base}"

[[tiers.industries.observations]]
metric = "total_scale"
year = 2023
figure = "{qualifier}{latest}"
"""

SCALES = ["", " thousand", " million", " billion", " trillion"]


@st.composite
def amounts(draw: st.DrawFn) -> str:
    """A positive amount of yuan with up to 40 digits, huge or tiny."""
    extremes = st.sampled_from([1, 40])  # the ends most of the time
    digits = draw(st.one_of(extremes, extremes, st.integers(1, 40)))
    number = str(draw(st.integers(1, 10**digits - 1)))
    if draw(st.booleans()):  # a fraction: as small as 0.000...1
        places = draw(st.one_of(st.just(39), st.integers(1, 39)))
        number = number.rjust(places + 1, "0")
        number = f"{number[:-places]}.{number[-places:]}"
    scale = draw(st.sampled_from(SCALES)) if "." not in number else ""
    return f"{number}{scale} yuan"


def _every_output(assessment: ip.SystemAssessment) -> None:
    rate = ip.Rate("CNY", "USD", "0.1474")
    for lang in ("en", "zh"):
        for display in (
            rows.Display(lang=lang, style="long"),
            rows.Display(lang=lang, style="compact"),
            rows.Display(lang=lang, currency="USD", rates=(rate,)),
        ):
            for width in (40, 200):
                assert list(text_report.report_lines(assessment, display, width))
            assert report.markdown(assessment, display)
            assert report.report_csv(assessment, display)
            json.dumps(report.json_records(assessment, display), default=str)
            assert rows.notes(assessment, display) is not None
        assert list(review.review_lines(assessment, lang, 80))
        assert review.review_markdown(assessment, lang)
    assert review.review_csv(assessment)
    json.dumps(review.review_json(assessment), default=str)
    assert html.assessment_html(assessment)


def test_the_issues_plan_prints_in_every_format() -> None:
    text = PLAN.format(
        qualifier="",
        target="1 yuan",
        base="1 yuan",
        latest="1000000000000 trillion yuan",
    )
    _every_output(ip.assess(ip.loads(text, "toml")))


@settings(max_examples=40, deadline=None)
@given(
    target=amounts(),
    base=amounts(),
    latest=amounts(),
    qualifier=st.sampled_from(["", "more than ", "less than ", "about "]),
)
def test_extreme_magnitudes_print_in_every_output_format(
    target: str, base: str, latest: str, qualifier: str
) -> None:
    text = PLAN.format(qualifier=qualifier, target=target, base=base, latest=latest)
    try:
        system = ip.loads(text, "toml")
    except ip.PlanValidationError:
        return  # not a plan: nothing to print
    _every_output(ip.assess(system))
