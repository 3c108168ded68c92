"""How an assessment uses estimates and figures for a part of a year.

* A figure that is not an estimate supersedes an estimate of the same metric,
  year, period and kind, wherever each is listed; an estimate alone is used,
  and marked so.
* Targets are annual: a figure for a part of a year is left out, with a note
  that names it, and reports show it as the latest partial-year figure.
* The columnar path (``assess_table``) agrees.

The named examples are written here in the style of Chinese bulletins
("2023年战略性新兴产业规模预计达到5600亿元") and English releases ("up 6.2
percent year on year in the first three quarters").
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import industrial_plan as ip
from industrial_plan import examples, testing
from industrial_plan._outputs import chart_series, report
from industrial_plan._outputs import html as report_html
from industrial_plan._outputs import rows as report_rows
from industrial_plan._outputs.review import review_rows
from industrial_plan._outputs.text_report import report_lines
from industrial_plan._progress.results import PARTIAL_FIELDS

# The bundled plan's strategic emerging industries: 491.2 billion yuan in 2022,
# toward 800 billion yuan in 2027.
TIER = "strategic_emerging"
ESTIMATE = ip.Observation(
    "total_scale", 2023, ip.parse_figure("约5600亿元"), estimate=True
)
FINAL = ip.Observation("total_scale", 2023, ip.parse_figure("5500亿元"))
# "up 6.2 percent year on year in the first three quarters"
FIRST_THREE = ip.Observation(
    "total_scale", 2024, ip.parse_figure("up 6.2 percent"), period="Q1-Q3"
)
# "上半年规模达到3000亿元": a level that would be the latest if it counted.
FIRST_HALF = ip.Observation(
    "total_scale", 2024, ip.parse_figure("3000亿元"), period="H1"
)

SLOW = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _xiamen(*observations: ip.Observation) -> ip.IndustrialSystem:
    plan = examples.xiamen()
    tier = plan.tier(TIER)
    return plan.update(TIER, observations=(*tier.observations, *observations))


def _result(plan: ip.IndustrialSystem, **settings: Any) -> ip.Assessment:
    (result,) = (r for r in ip.assess(plan, **settings) if r.owner.id == TIER)
    return result


def _yuan(figure: ip.Figure) -> Decimal:
    return Decimal(ip.in_base_units(figure.quantity).magnitude)


# -- estimates: named examples ----------------------------------------------------


@pytest.mark.parametrize("order", ["estimate first", "final first"])
def test_the_final_figure_supersedes_the_estimate_in_either_order(order: str) -> None:
    listed = (ESTIMATE, FINAL) if order == "estimate first" else (FINAL, ESTIMATE)
    result = _result(_xiamen(*listed))
    assert result.latest is not None
    assert result.latest.observation == FINAL
    assert result.latest.estimate is False
    assert _yuan(result.latest.figure) == Decimal("550000000000")
    assert not any("estimate" in note for note in result.notes)
    record = result.record()
    assert record["latest_estimate"] is False
    # As if the estimate had never been given.
    assert record == _result(_xiamen(FINAL)).record()


def test_an_estimate_alone_is_used_and_said_to_be_one() -> None:
    result = _result(_xiamen(ESTIMATE))
    assert result.latest is not None
    assert result.latest.observation == ESTIMATE
    assert result.latest.estimate is True
    assert _yuan(result.latest.figure) == Decimal("560000000000")
    assert "the 2023 figure of total_scale is an estimate" in result.notes
    assert result.record()["latest_estimate"] is True
    assert result.record()["baseline_estimate"] is False


def test_the_report_marks_an_estimate_used() -> None:
    assessment = ip.assess(_xiamen(ESTIMATE))
    english = report_rows.rows(assessment)[1]
    chinese = report_rows.rows(assessment, report_rows.Display(lang="zh"))[1]
    assert english.latest == "2023: about 560 billion yuan (estimate)"
    assert chinese.latest == "2023年：约5600亿元（预计）"
    assert "(estimate)" in report.markdown(assessment)
    review = review_rows(assessment)[1]
    assert review["actual"] == "2023: about 560 billion yuan (estimate)"
    assert review_rows(assessment, "zh")[1]["actual"].endswith("（预计）")
    # Not marked once the final figure is in.
    final = ip.assess(_xiamen(ESTIMATE, FINAL))
    assert report_rows.rows(final)[1].latest == "2023: 550 billion yuan"


def test_a_baseline_estimate_is_named_too() -> None:
    plan = examples.xiamen()
    first, *_ = plan.tier(TIER).observations
    plan = plan.update(TIER, observations=(attrs.evolve(first, estimate=True), FINAL))
    result = _result(plan)
    assert result.baseline is not None
    assert result.baseline.estimate
    assert result.latest is not None
    assert not result.latest.estimate
    assert "the 2022 figure of total_scale is an estimate" in result.notes
    record = result.record()
    assert (record["baseline_estimate"], record["latest_estimate"]) == (True, False)


def _growth_plan(*rates: tuple[int, str, bool]) -> ip.IndustrialSystem:
    """A region aiming at 7 % average growth of value added from 2020 to 2025,
    with the yearly rates reported (year, text, estimate)."""
    return ip.IndustrialSystem(
        name="plan",
        region="region",
        start_year=2020,
        end_year=2025,
        regional=ip.Regional(
            targets=[ip.Target("value_added", 2025, ip.parse_figure("年均增长7%"))],
            observations=[
                ip.Observation(
                    "value_added", year, ip.parse_figure(text), estimate=estimate
                )
                for year, text, estimate in rates
            ],
        ),
    )


def test_growth_chains_the_final_rates() -> None:
    finals = [(2021, "+7.2%", False), (2022, "+6.8%", False), (2023, "+5%", False)]
    estimate = (2023, "增长7.5%左右", True)
    plain = ip.assess(_growth_plan(*finals)).results[0]
    for listed in ([*finals, estimate], [*finals[:2], estimate, finals[2]]):
        result = ip.assess(_growth_plan(*listed)).results[0]
        assert result.record() == plain.record()
    alone = ip.assess(_growth_plan(*finals[:2], estimate)).results[0]
    assert alone.observed_cagr != plain.observed_cagr
    assert "the 2023 figure of value_added is an estimate" in alone.notes


def test_a_share_computed_from_an_estimated_whole_says_so() -> None:
    plan = ip.IndustrialSystem(
        name="plan",
        region="region",
        start_year=2022,
        end_year=2025,
        tiers=[
            ip.Tier(
                "industry",
                "industry",
                "cluster",
                targets=[
                    ip.Target(
                        "value_added",
                        2025,
                        ip.parse_figure("占地区生产总值比重达到40%"),
                        of="gdp",
                    )
                ],
                observations=[
                    ip.Observation("value_added", 2022, ip.parse_figure("300亿元")),
                    ip.Observation("value_added", 2023, ip.parse_figure("330亿元")),
                ],
            )
        ],
        regional=ip.Regional(
            observations=[
                ip.Observation("gdp", 2022, ip.parse_figure("1000亿元")),
                ip.Observation(
                    "gdp", 2023, ip.parse_figure("约1100亿元"), estimate=True
                ),
            ]
        ),
    )
    (result,) = ip.assess(plan)
    assert result.latest is not None
    assert result.latest.year == 2023
    assert result.latest.observation is None  # computed: 330 / 1100
    assert result.latest.estimate is True
    assert "the 2023 figure of gdp is an estimate" in result.notes
    assert result.record()["latest_estimate"] is True


def test_a_cumulative_total_built_on_an_estimate_is_one() -> None:
    observations = [
        ip.Observation("investment", 2021, ip.parse_figure("100亿元"), estimate=True),
        ip.Observation("investment", 2022, ip.parse_figure("120亿元")),
    ]
    plan = ip.IndustrialSystem(
        name="plan",
        region="region",
        start_year=2020,
        end_year=2025,
        regional=ip.Regional(
            targets=[
                ip.Target(
                    "investment",
                    2025,
                    ip.parse_figure("累计投资1000亿元"),
                    kind="cumulative total",
                )
            ],
            observations=observations,
        ),
    )
    (result,) = ip.assess(plan)
    assert result.latest is not None
    assert result.latest.year == 2022
    assert result.latest.estimate is True  # 100 (estimated) + 120
    assert "the 2021 figure of investment is an estimate" in result.notes


# -- estimates: properties ---------------------------------------------------------


@st.composite
def _level_plan_with_an_estimate(
    draw: st.DrawFn,
) -> tuple[ip.IndustrialSystem, ip.Observation, ip.Observation]:
    """A plan with a level target, its observations, and for one year both an
    estimate and the final figure, listed in either order."""
    values = st.integers(1, 10**6).map(lambda n: ip.Figure(ip.amount(n, "CNY")))
    years = sorted(draw(st.sets(st.integers(2020, 2026), min_size=1, max_size=4)))
    revised = draw(st.sampled_from(years))
    observations = [ip.Observation("total_scale", y, draw(values)) for y in years]
    final = observations[years.index(revised)]
    estimate = ip.Observation(
        "total_scale",
        revised,
        draw(values.filter(lambda f: f != final.figure)),
        estimate=True,
    )
    position = years.index(revised) + draw(st.sampled_from([0, 1]))
    if draw(st.booleans()):
        position = draw(st.integers(0, len(observations)))  # anywhere at all
    observations.insert(position, estimate)
    tier = ip.Tier(
        "tier",
        "tier",
        "cluster",
        targets=[ip.Target("total_scale", 2027, draw(values))],
        observations=observations,
    )
    plan = ip.IndustrialSystem(
        name="plan", region="region", start_year=2020, end_year=2027, tiers=[tier]
    )
    return plan, estimate, final


@SLOW
@given(_level_plan_with_an_estimate())
def test_the_final_figure_is_used_before_or_after_the_estimate(
    drawn: tuple[ip.IndustrialSystem, ip.Observation, ip.Observation],
) -> None:
    plan, estimate, final = drawn
    (result,) = ip.assess(plan)
    used = [p.observation for p in result.series]
    assert final in used
    assert estimate not in used
    if result.latest is not None and result.latest.year == final.year:
        assert result.latest.observation == final
        assert result.actual == final.figure
    # Without its final figure the estimate is used, and named.
    tier = plan.tiers[0]
    without = plan.update(
        "tier", observations=[o for o in tier.observations if o != final]
    )
    (alone,) = ip.assess(without)
    assert estimate in [p.observation for p in alone.series]
    assert f"the {estimate.year} figure of total_scale is an estimate" in alone.notes


def _owners(system: ip.IndustrialSystem) -> list[str]:
    return ["region", *(t.id for t in system.tiers), *(i.id for i in system.industries)]


def _assessed(system: ip.IndustrialSystem) -> tuple[list[dict], list[dict]] | None:
    try:
        assessment = ip.assess(system)
    except ip.RateError:
        return None  # a currency the bundled rates do not cover
    return assessment.records(), [m.record() for m in assessment.mismatches]


def _scaled(figure: ip.Figure, factor: str) -> ip.Figure:
    quantity = ip.ureg.Quantity(
        figure.quantity.magnitude * Decimal(factor), figure.quantity.units
    )
    return attrs.evolve(figure, quantity=quantity)


def _revised(figure: ip.Figure) -> ip.Figure:
    return _scaled(figure, "1.25")


def _reported(target: ip.Target, figure: ip.Figure) -> ip.Observation | None:
    """What a report of *target*'s metric would say, in the target's own unit
    and form: average growth as the year's growth, a change as a level."""
    change = figure.change
    if change is ip.Change.AVERAGE_GROWTH:
        change = ip.Change.GROWTH
    elif change is not ip.Change.GROWTH:
        change = None
    try:
        figure = attrs.evolve(figure, change=change, base_year=None)
    except (ValueError, TypeError):
        return None
    of = target.of if figure.share_of is None and figure.per is None else None
    return ip.Observation(target.metric, target.year, figure, of=of)


@st.composite
def _aligned_systems(draw: st.DrawFn) -> ip.IndustrialSystem:
    """Drawn plans whose owners report on their own targets' metrics, in the
    targets' units: each observation can change the result it would count in."""
    system = draw(testing.systems(max_tiers=2, max_industries=2, with_roadmap=False))
    factors = st.sampled_from(["0.5", "0.8", "0.95", "1", "1.05", "1.3", "2"])
    for key in _owners(system):
        owner = system.owner(key)
        observations = []
        for target in owner.targets:
            if target.figure is None:
                continue
            years = st.integers(system.start_year - 1, target.year)
            for year in sorted(draw(st.sets(years, max_size=3))):
                found = _reported(target, _scaled(target.figure, draw(factors)))
                if found is not None:
                    observations.append(attrs.evolve(found, year=year))
        try:
            system = system.update(key, observations=observations)
        except ip.PlanValidationError:
            system = system.update(key, observations=())
    return system


@SLOW
@given(_aligned_systems(), st.data())
def test_a_superseded_estimate_changes_nothing(
    system: ip.IndustrialSystem, data: st.DataObject
) -> None:
    finals = [
        (key, k, o)
        for key in _owners(system)
        for k, o in enumerate(system.owner(key).observations)
        if not o.estimate
    ]
    assume(finals)
    key, _k, final = data.draw(st.sampled_from(finals))
    owner = system.owner(key)
    estimate = attrs.evolve(final, estimate=True, figure=_revised(final.figure))
    listed = list(owner.observations)
    listed.insert(data.draw(st.integers(0, len(listed))), estimate)
    try:
        changed = system.update(key, observations=listed)
    except ip.PlanValidationError:
        assume(False)  # the owner has an estimate of that figure already
        return
    before = _assessed(system)
    assume(before is not None)
    assert _assessed(changed) == before


# -- a part of a year: named examples ------------------------------------------------


def test_a_partial_year_figure_is_left_out_and_named() -> None:
    plain = _result(_xiamen())
    result = _result(_xiamen(FIRST_THREE))
    assert result.status is plain.status
    assert result.latest == plain.latest
    assert result.notes == (
        "left out: the Q1-Q3 2024 figure of total_scale "
        "(a partial year: the target is annual)",
        *plain.notes,
    )
    assert result.latest_partial == FIRST_THREE
    assert plain.latest_partial is None


def test_a_partial_level_never_becomes_the_latest() -> None:
    plain = _result(_xiamen())
    result = _result(_xiamen(FIRST_HALF, FIRST_THREE))
    assert result.latest is not None
    assert result.latest.year == 2022
    assert (result.status, result.attainment) == (plain.status, plain.attainment)
    assert result.notes[0] == (
        "left out: the H1 2024 and Q1-Q3 2024 figures of total_scale "
        "(partial years: the target is annual)"
    )
    # The latest: the later end of the year's periods.
    assert result.latest_partial == FIRST_THREE


def test_as_of_leaves_out_later_partial_years() -> None:
    result = _result(_xiamen(FIRST_THREE), as_of=2023)
    assert result.latest_partial is None
    assert not any(note.startswith("left out: the ") for note in result.notes)


def test_an_estimate_for_a_part_of_a_year_is_superseded_too() -> None:
    estimate = attrs.evolve(
        FIRST_THREE, figure=ip.parse_figure("增长6%左右"), estimate=True
    )
    result = _result(_xiamen(FIRST_THREE, estimate))
    assert result.latest_partial == FIRST_THREE
    alone = _result(_xiamen(estimate))
    assert alone.latest_partial == estimate
    assert report_rows.rows(ip.assess(_xiamen(estimate)))[1].latest == (
        "2022: 491.2 billion yuan; latest partial year: "
        "growth of about 6% (Q1-Q3 2024, estimate)"
    )
    chinese = report_rows.rows(
        ip.assess(_xiamen(estimate)), report_rows.Display(lang="zh")
    )[1]
    assert chinese.latest.endswith("最新非全年数据：增长约6%（2024年前三季度，预计）")


def test_the_report_shows_the_latest_partial_year() -> None:
    assessment = ip.assess(_xiamen(FIRST_HALF, FIRST_THREE))
    english = report_rows.rows(assessment)[1]
    chinese = report_rows.rows(assessment, report_rows.Display(lang="zh"))[1]
    assert english.latest == (
        "2022: 491.2 billion yuan; latest partial year: growth of 6.2% (Q1-Q3 2024)"
    )
    assert chinese.latest == (
        "2022年：4912亿元；最新非全年数据：增长6.2%（2024年前三季度）"
    )
    # Every view of the report is written from these rows.
    assert "latest partial year: growth of 6.2% (Q1-Q3 2024)" in report.markdown(
        assessment
    )
    text = "\n".join(report_lines(assessment, None, 400))
    assert "latest partial year: growth of 6.2% (Q1-Q3 2024)" in text
    page = report_html.assessment_html(assessment)
    assert "latest partial year: growth of 6.2% (Q1-Q3 2024)" in page
    shown = report_html.target_assessment_html(assessment.results[1])
    assert "left out: the H1 2024 and Q1-Q3 2024 figures" in shown
    display_csv = report.to_csv(assessment)
    assert "latest partial year: growth of 6.2% (Q1-Q3 2024)" in display_csv


def test_records_give_the_latest_partial_year() -> None:
    assessment = ip.assess(_xiamen(FIRST_THREE))
    record = assessment.records()[1]
    assert {name: record[name] for name in PARTIAL_FIELDS} == {
        "partial_year": 2024,
        "partial_period": "Q1-Q3",
        "partial_reports": "growth",
        "partial": {
            "value": "6.2",
            "low": "6.2",
            "high": "6.2",
            "low_inclusive": True,
            "high_inclusive": True,
            "qualifier": "exact",
            "approximate": False,
        },
        "partial_unit": "%",
        "partial_estimate": False,
    }
    assert record["notes"][0].startswith("left out: the Q1-Q3 2024 figure")
    json.dumps(record)  # plain data
    # Without one, every field is there and None.
    other = assessment.records()[0]
    assert {name: other[name] for name in PARTIAL_FIELDS} == dict.fromkeys(
        PARTIAL_FIELDS
    )
    rows = list(csv.DictReader(io.StringIO(report.report_csv(assessment))))
    assert (rows[1]["partial_period"], rows[1]["partial_value"]) == ("Q1-Q3", "6.2")
    assert (rows[0]["partial_period"], rows[0]["partial_value"]) == ("", "")


def test_a_qualitative_target_names_no_partial_year() -> None:
    plan = examples.xiamen()
    plan = plan.update(
        "future",
        observations=[
            ip.Observation("enterprises", 2024, ip.parse_figure("12家"), period="H1")
        ],
    )
    (result,) = (r for r in ip.assess(plan) if r.owner.id == "future")
    assert result.status is ip.Status.NOT_QUANTIFIED
    assert result.latest_partial is None


# -- a part of a year: properties ----------------------------------------------------


def _annual_view(records: list[dict]) -> list[dict]:
    """The records without what partial-year figures add: their note and fields."""
    return [
        {
            **{k: v for k, v in record.items() if k not in PARTIAL_FIELDS},
            "notes": [n for n in record["notes"] if not n.startswith("left out: the ")],
        }
        for record in records
    ]


@SLOW
@given(_aligned_systems(), st.data())
def test_partial_year_figures_never_change_an_annual_assessment(
    system: ip.IndustrialSystem, data: st.DataObject
) -> None:
    # Figures that would count if they were annual: a part of a year of one
    # already reported (another value, maybe a later year), and drawn ones.
    reported = [
        (key, o) for key in _owners(system) for o in system.owner(key).observations
    ]
    drawn = st.tuples(
        st.sampled_from(_owners(system)), testing.observations(2015, 2040)
    )
    candidates = drawn if not reported else drawn | st.sampled_from(reported)
    changed = system
    for key, observation in data.draw(st.lists(candidates, min_size=1, max_size=4)):
        partial = attrs.evolve(
            observation,
            year=observation.year + data.draw(st.integers(0, 2)),
            figure=_scaled(
                observation.figure, data.draw(st.sampled_from(["0.5", "3"]))
            ),
            period=data.draw(testing.periods()),
        )
        try:
            changed = changed.with_observation(key, partial)
        except (ip.PlanValidationError, ValueError):
            continue  # one of the same metric, time and kind is there already
    before, after = _assessed(system), _assessed(changed)
    assume(before is not None and after is not None)
    assert before is not None
    assert after is not None
    assert _annual_view(after[0]) == _annual_view(before[0])
    assert after[1] == before[1]  # totals are compared on annual figures
    # Every target of a metric with a partial-year figure names it.
    for result in ip.assess(changed):
        partial = [
            o
            for o in result.owner.observations
            if o.metric == result.target.metric and o.period is not None
        ]
        if result.target.figure is None or not partial:
            assert result.latest_partial is None
            continue
        assert result.latest_partial in partial
        assert any(
            n.startswith("left out: the ") and result.latest_partial.when() in n
            for n in result.notes
        )


# -- the columnar path --------------------------------------------------------------

pa = pytest.importorskip("pyarrow")


def test_the_columnar_path_uses_final_figures_and_annual_ones() -> None:
    for listed in [(ESTIMATE, FINAL, FIRST_HALF), (FIRST_HALF, FINAL, ESTIMATE)]:
        plan = _xiamen(*listed)
        row = ip.assess_table(ip.to_arrow(plan)).to_pylist()[1]
        assert row["method"] == "vectorised"
        assert row["latest_year"] == 2023
        assert row["actual"] == 550000000000.0
        assert row["status"] == _result(plan).status.value
    alone = ip.assess_table(ip.to_arrow(_xiamen(ESTIMATE))).to_pylist()[1]
    assert (alone["method"], alone["actual"]) == ("vectorised", 560000000000.0)


def test_a_table_without_the_new_columns_is_assessed_as_before() -> None:
    table = ip.to_arrow(examples.xiamen_sei())
    old = table.drop_columns(["period", "estimate"])
    assert ip.assess_table(old) == ip.assess_table(table)


@st.composite
def _level_plans(draw: st.DrawFn) -> ip.IndustrialSystem:
    """Level targets whose observations include estimates, the final figures
    that supersede them (before or after) and figures for parts of years."""
    values = st.integers(1, 10**6).map(lambda n: ip.Figure(ip.amount(n, "CNY")))
    bounds = st.sampled_from(list(ip.Qualifier))

    def owned() -> dict[str, Any]:
        observations: list[ip.Observation] = []
        for year in sorted(draw(st.sets(st.integers(2018, 2027), max_size=4))):
            figure = ip.Figure(draw(values).quantity, draw(bounds))
            shape = draw(st.sampled_from(["final", "estimate", "both", "reversed"]))
            final = ip.Observation("total_scale", year, figure)
            estimate = ip.Observation("total_scale", year, draw(values), estimate=True)
            observations += {
                "final": [final],
                "estimate": [estimate],
                "both": [estimate, final],
                "reversed": [final, estimate],
            }[shape]
            if draw(st.booleans()):
                observations.append(
                    ip.Observation(
                        "total_scale",
                        year,
                        draw(values),
                        period=draw(testing.periods()),
                    )
                )
        targets = [
            ip.Target("total_scale", draw(st.integers(2021, 2027)), draw(values))
        ]
        return {"targets": targets, "observations": observations}

    industries = [
        ip.Industry(f"industry{i}", f"industry {i}", **owned())
        for i in range(draw(st.integers(0, 2)))
    ]
    return ip.IndustrialSystem(
        name="plan",
        region="region",
        start_year=2020,
        end_year=2027,
        tiers=[ip.Tier("tier", "tier", "cluster", industries, **owned())],
    )


@SLOW
@given(
    st.lists(_level_plans(), min_size=1, max_size=2),
    st.none() | st.integers(2018, 2028),
)
def test_columnar_equals_object_path_with_estimates_and_partial_years(
    plans: list[ip.IndustrialSystem], as_of: int | None
) -> None:
    plans = [attrs.evolve(p, name={"en": f"plan {i}"}) for i, p in enumerate(plans)]
    results = [r for plan in plans for r in ip.assess(plan, as_of=as_of)]
    table = pa.concat_tables([ip.to_arrow(plan) for plan in plans])
    rows = ip.assess_table(table, as_of=as_of).to_pylist()
    assert len(rows) == len(results)
    for row, result in zip(rows, results, strict=True):
        assert row["status"] == result.status.value
        assert row["latest_year"] == (result.latest.year if result.latest else None)
        if row["method"] == "vectorised" and result.actual is not None:
            assert row["actual"] == float(_yuan(result.actual))
            assert row["actual_qualifier"] == result.actual.qualifier.value


# -- totals, the chart and IAMC -----------------------------------------------------


def _totals(*stated: ip.Observation) -> ip.IndustrialSystem:
    industries = [
        ip.Industry(
            name,
            name,
            observations=[ip.Observation("total_scale", 2023, ip.parse_figure(text))],
        )
        for name, text in [("solar", "300亿元"), ("wind", "200亿元")]
    ]
    tier = ip.Tier("green", "green", "cluster", industries, observations=stated)
    return ip.IndustrialSystem(
        name="plan", region="region", start_year=2020, end_year=2027, tiers=[tier]
    )


def test_totals_are_checked_on_final_annual_figures() -> None:
    estimate = ip.Observation(
        "total_scale", 2023, ip.parse_figure("约600亿元"), estimate=True
    )
    final = ip.Observation("total_scale", 2023, ip.parse_figure("500亿元"))
    half = ip.Observation("total_scale", 2023, ip.parse_figure("260亿元"), period="H1")
    assert ip.check_consistency(_totals(estimate, final, half)) == []
    assert ip.check_consistency(_totals(final, estimate)) == []
    (mismatch,) = ip.check_consistency(_totals(estimate))
    assert mismatch.stated == estimate.figure
    assert ip.check_consistency(_totals(half)) == []


def test_the_chart_draws_final_annual_figures() -> None:
    assessment = ip.assess(_xiamen(ESTIMATE, FIRST_HALF, FINAL))
    result = assessment.results[1]
    points = chart_series._observed(assessment, result)
    assert [p.year for p in points] == [2022, 2023]
    assert _yuan(points[-1].figure) == Decimal("550000000000")


def test_iamc_keeps_final_annual_figures() -> None:
    pytest.importorskip("pandas")
    for listed in [(ESTIMATE, FINAL, FIRST_HALF), (FINAL, ESTIMATE, FIRST_HALF)]:
        iamc = ip.to_iamc(_xiamen(*listed))
        row = iamc[(iamc["variable"] == f"total_scale|{TIER}") & _OBSERVED(iamc)]
        assert row[2023].tolist() == [550000000000.0]
        assert 2024 not in iamc.columns
    alone = ip.to_iamc(_xiamen(ESTIMATE))
    row = alone[(alone["variable"] == f"total_scale|{TIER}") & _OBSERVED(alone)]
    assert row[2023].tolist() == [560000000000.0]


def _OBSERVED(iamc: Any) -> Any:
    return iamc["scenario"] == "observed"
