"""Observations for a part of a year, and estimates: the model, files and rows.

A bulletin's "前三季度增长6.2%" is an observation of the first three quarters
(``period="Q1-Q3"``); a work report's "预计全年增长5.5%左右" is an estimate.
Here: how they are built and checked, written to plan files and rows, and read
back.  How an assessment uses them is in ``test_observation_estimates.py``.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, find, given, settings
from hypothesis import strategies as st

import industrial_plan as ip
from industrial_plan import examples, testing
from industrial_plan._plan.targets import standing

SYNTAXES = ["toml", "yaml", "json"]
GROWTH = ip.parse_figure("增长6.2%")


def _plan(*observations: ip.Observation) -> ip.IndustrialSystem:
    """The bundled plan with *observations* added to its strategic emerging tier."""
    plan = examples.xiamen()
    tier = plan.tier("strategic_emerging")
    return plan.update(
        "strategic_emerging", observations=(*tier.observations, *observations)
    )


# -- the model ---------------------------------------------------------------------


def test_a_period_is_given_as_a_code_or_a_period() -> None:
    by_code = ip.Observation("value_added", 2024, GROWTH, period="Q1-Q3")
    by_period = ip.Observation("value_added", 2024, GROWTH, period=ip.Period(1, 9))
    assert by_code == by_period
    assert by_code.period == ip.Period(1, 9)
    assert by_code.estimate is False
    assert ip.Observation("value_added", 2024, GROWTH).period is None


def test_the_time_of_a_figure_in_both_languages() -> None:
    annual = ip.Observation("value_added", 2024, GROWTH)
    first_three = attrs.evolve(annual, period="Q1-Q3")
    to_august = attrs.evolve(annual, period="M1-M8")
    assert (annual.when(), annual.when("zh")) == ("2024", "2024年")
    assert (first_three.when(), first_three.when("zh")) == (
        "Q1-Q3 2024",
        "2024年前三季度",
    )
    assert (to_august.when(), to_august.when("zh")) == ("M1-M8 2024", "2024年1-8月")


@pytest.mark.parametrize(
    ("period", "error", "named"),
    [
        ("Q5", ValueError, "'Q5'"),
        ("Q1-Q4", ValueError, "'Q1-Q4'"),  # the whole year is no period
        ("first quarter", ValueError, "'first quarter'"),
        ("Q3-Q1", ValueError, "'Q3-Q1'"),
        (3, TypeError, "3"),
    ],
)
def test_a_bad_period_is_refused_by_its_value(
    period: object, error: type[Exception], named: str
) -> None:
    with pytest.raises(error, match=named):
        ip.Observation("value_added", 2024, GROWTH, period=period)  # type: ignore[arg-type]


@pytest.mark.parametrize("flag", ["yes", 1, None])
def test_estimate_is_true_or_false(flag: object) -> None:
    with pytest.raises(TypeError, match=repr(flag)):
        ip.Observation("value_added", 2024, GROWTH, estimate=flag)  # type: ignore[arg-type]


def test_a_date_lies_in_its_period() -> None:
    inside = ip.Observation(
        "value_added", 2024, GROWTH, date=dt.date(2024, 9, 30), period="Q1-Q3"
    )
    assert inside.date == dt.date(2024, 9, 30)
    with pytest.raises(ValueError, match=r"2024-10-31.*Q1-Q3") as raised:
        ip.Observation(
            "value_added", 2024, GROWTH, date=dt.date(2024, 10, 31), period="Q1-Q3"
        )
    assert "first three quarters" in str(raised.value)


def test_standing_leaves_out_superseded_estimates_in_either_order() -> None:
    estimate = ip.Observation("gdp", 2024, ip.parse_figure("约13万亿元"), estimate=True)
    final = ip.Observation("gdp", 2024, ip.parse_figure("13.2万亿元"))
    other_year = attrs.evolve(estimate, year=2023)
    quarter = attrs.evolve(estimate, period="Q1")
    assert standing([estimate, final]) == [final]
    assert standing([final, estimate]) == [final]
    # Another year, or a part of the year, is not superseded by the year's figure.
    assert standing([other_year, estimate, final, quarter]) == [
        other_year,
        final,
        quarter,
    ]
    assert standing([estimate]) == [estimate]


def test_an_estimate_and_its_final_figure_are_two_observations() -> None:
    estimate = ip.Observation(
        "total_scale", 2023, ip.parse_figure("约5600亿元"), estimate=True
    )
    final = ip.Observation("total_scale", 2023, ip.parse_figure("5500亿元"))
    quarter = ip.Observation("total_scale", 2023, GROWTH, period="Q1-Q3")
    plan = _plan(estimate, final, quarter)
    assert len(plan.tier("strategic_emerging").observations) == 4


@pytest.mark.parametrize(
    ("second", "message"),
    [
        (
            {"estimate": True, "figure": "约5600亿元"},
            "a second estimate of 'total_scale' for 2023",
        ),
        ({"figure": "5500亿元"}, "a second observation of 'total_scale' for 2023"),
        (
            {"period": "Q1-Q3", "figure": "增长6.2%"},
            "a second observation of 'total_scale' for Q1-Q3 2023",
        ),
    ],
)
def test_two_of_a_kind_are_still_an_error(second: dict[str, Any], message: str) -> None:
    fields = {**second, "figure": ip.parse_figure(second["figure"])}
    first = ip.Observation("total_scale", 2023, **fields)
    with pytest.raises(ip.PlanValidationError) as raised:
        _plan(first, attrs.evolve(first))
    (problem,) = raised.value.problems
    assert message in problem.message
    assert problem.path == "tiers[1].observations[2]"


# -- plan files --------------------------------------------------------------------

TOML = """\
name = "Riverside"
region = "Riverside"
start_year = 2023
end_year = 2027

[[tiers]]
id = "industry"
name = "industry"
kind = "cluster"

[[tiers.observations]]
metric = "value_added"
year = 2024
figure = "增长6.2%"
period = "Q1-Q3"

[[tiers.observations]]
metric = "total_scale"
year = 2024
figure = "约5600亿元"
estimate = true
"""


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_files_read_and_write_period_and_estimate(syntax: str) -> None:
    plan = ip.loads(TOML, "toml")
    quarter, estimate = plan.tier("industry").observations
    assert (quarter.period, quarter.estimate) == (ip.Period(1, 9), False)
    assert (estimate.period, estimate.estimate) == (None, True)
    text = ip.dumps(plan, syntax)  # type: ignore[arg-type]
    assert ip.loads(text, syntax) == plan  # type: ignore[arg-type]
    data = ip.to_dict(plan)
    first, second = data["tiers"][0]["observations"]
    # Written only where they say something: no period for a year, no
    # estimate = false.
    assert first["period"] == "Q1-Q3"
    assert "estimate" not in first
    assert second["estimate"] is True
    assert "period" not in second


@pytest.mark.parametrize(
    ("syntax", "text", "line"),
    [
        ("toml", TOML.replace('"Q1-Q3"', '"Q5"'), 15),
        (
            "yaml",
            ip.dumps(ip.loads(TOML, "toml"), "yaml").replace("Q1-Q3", "Q5"),
            None,
        ),
        (
            "json",
            ip.dumps(ip.loads(TOML, "toml"), "json").replace('"Q1-Q3"', '"Q5"'),
            None,
        ),
    ],
    ids=SYNTAXES,
)
def test_a_bad_period_in_a_file_names_the_value_path_and_line(
    syntax: str, text: str, line: int | None
) -> None:
    with pytest.raises(ip.PlanValidationError) as raised:
        ip.loads(text, syntax, file=f"plan.{syntax}")  # type: ignore[arg-type]
    (problem,) = raised.value.problems
    assert problem.path == "tiers[0].observations[0].period"
    assert "'Q5'" in problem.message
    lines = text.splitlines()
    assert problem.line is not None
    assert "Q5" in lines[problem.line - 1]
    if line is not None:
        assert problem.line == line
    assert "plan." in str(raised.value)


def test_a_period_in_a_file_is_a_code() -> None:
    text = TOML.replace('period = "Q1-Q3"', "period = 3")
    with pytest.raises(ip.PlanValidationError) as raised:
        ip.loads(text, "toml")
    (problem,) = raised.value.problems
    assert problem.path == "tiers[0].observations[0].period"
    assert "got 3" in problem.message


def test_a_date_outside_its_period_in_a_file() -> None:
    text = TOML.replace('period = "Q1-Q3"', 'period = "Q1-Q3"\ndate = 2024-12-31')
    with pytest.raises(ip.PlanValidationError) as raised:
        ip.loads(text, "toml")
    (problem,) = raised.value.problems
    assert problem.path.startswith("tiers[0].observations[0]")
    assert "2024-12-31" in problem.message
    assert "Q1-Q3" in problem.message


def test_estimate_in_a_file_is_true_or_false() -> None:
    text = TOML.replace("estimate = true", 'estimate = "yes"')
    with pytest.raises(ip.PlanValidationError) as raised:
        ip.loads(text, "toml")
    (problem,) = raised.value.problems
    assert problem.path == "tiers[0].observations[1].estimate"
    assert "'yes'" in problem.message
    assert problem.line == 21


def test_the_schema_knows_every_period_and_no_other() -> None:
    schema = ip.schema()
    codes = set(schema["$defs"]["period"]["enum"])
    every = {
        ip.Period(first, last).code
        for first in range(1, 13)
        for last in range(first, 13)
        if (first, last) != (1, 12)
    }
    assert codes == every
    observation = schema["$defs"]["observation"]["properties"]
    assert observation["estimate"] == {
        "type": "boolean",
        "description": observation["estimate"]["description"],
    }
    data = json.loads(ip.dumps(ip.loads(TOML, "toml"), "json"))
    jsonschema.validate(data, schema)
    data["tiers"][0]["observations"][0]["period"] = "Q1-Q4"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)
    data["tiers"][0]["observations"][0]["period"] = "Q1-Q3"
    data["tiers"][0]["observations"][1]["estimate"] = "yes"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


# -- the strategies the round trips draw from ---------------------------------------


def test_periods_draw_every_part_of_a_year_but_the_whole() -> None:
    for first, last in [(1, 9), (1, 8), (12, 12), (2, 12), (1, 11)]:
        wanted = ip.Period(first, last)
        assert find(testing.periods(), lambda p, wanted=wanted: p == wanted) == wanted


@settings(max_examples=200)
@given(testing.periods(), st.from_type(ip.Period))
def test_periods_are_periods(period: ip.Period, by_type: ip.Period) -> None:
    for drawn in (period, by_type):
        assert ip.Period.from_code(drawn.code) == drawn
        assert drawn.months < 12


def test_drawn_plans_hold_periods_estimates_and_superseded_estimates() -> None:
    """So that the round-trip properties of plan files, rows and pickles,
    which draw from ``systems()``, cover both fields."""

    def observed(system: ip.IndustrialSystem) -> list[ip.Observation]:
        return [o for _, o in system.observations()]

    quick = settings(
        database=None,
        max_examples=2000,
        suppress_health_check=list(HealthCheck),
    )
    find(
        testing.systems(),
        lambda s: any(o.period is not None for o in observed(s)),
        settings=quick,
    )
    find(
        testing.systems(),
        lambda s: len(standing(observed(s))) < len(observed(s)),
        settings=quick,
    )
    plain = testing.observations(partial=False, estimates=False)
    found = find(
        st.lists(plain, min_size=20, max_size=20),
        lambda items: True,
        settings=quick,
    )
    assert all(o.period is None and not o.estimate for o in found)


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(testing.observations(), st.sampled_from(SYNTAXES))
def test_an_observation_round_trips_through_files(
    observation: ip.Observation, syntax: str
) -> None:
    plan = examples.xiamen().with_observation("region", observation)
    again = ip.loads(ip.dumps(plan, syntax), syntax)  # type: ignore[arg-type]
    assert again == plan
    assert again.regional.observations == (observation,)


# -- rows --------------------------------------------------------------------------


def test_rows_carry_period_and_estimate() -> None:
    plan = ip.loads(TOML, "toml")
    quarter, estimate = ip.long_records(plan)
    assert (quarter["period"], quarter["estimate"]) == ("Q1-Q3", False)
    assert (estimate["period"], estimate["estimate"]) == (None, True)
    xiamen = ip.long_records(examples.xiamen())
    assert {row["estimate"] for row in xiamen if row["kind"] == "target"} == {None}
    assert {row["period"] for row in xiamen} == {None}


@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
@given(testing.systems(max_tiers=2, max_industries=2, with_roadmap=False))
def test_rows_read_back_with_period_and_estimate(system: ip.IndustrialSystem) -> None:
    empty = attrs.evolve(
        system,
        tiers=[attrs.evolve(t, targets=(), observations=()) for t in system.tiers],
        regional=ip.Regional(),
    )
    empty = attrs.evolve(
        empty,
        tiers=[
            attrs.evolve(
                t,
                industries=[
                    attrs.evolve(i, targets=(), observations=()) for i in t.industries
                ],
            )
            for t in empty.tiers
        ],
    )
    rows = ip.long_records(system)
    again = ip.add_rows(empty, rows)
    got = [(o.metric, o.year, o.period, o.estimate) for _, o in again.observations()]
    want = [(o.metric, o.year, o.period, o.estimate) for _, o in system.observations()]
    assert got == want


def test_rows_without_the_new_columns_read_as_before() -> None:
    rows = ip.long_records(ip.loads(TOML, "toml"))
    for row in rows:
        del row["period"], row["estimate"]
    plan = ip.add_rows(ip.loads(TOML, "toml"), rows)
    added = plan.tier("industry").observations[2:]
    assert [(o.period, o.estimate) for o in added] == [(None, False), (None, False)]


def test_a_bad_period_in_rows_names_the_row() -> None:
    rows = ip.long_records(ip.loads(TOML, "toml"))
    rows[0]["period"] = "Q9"
    with pytest.raises(ip.PlanValidationError) as raised:
        ip.add_rows(ip.loads(TOML, "toml"), rows, where="rows.csv")
    (problem,) = raised.value.problems
    assert problem.path == "row 1: period"
    assert "'Q9'" in problem.message


def test_a_target_row_takes_no_period_and_no_estimate() -> None:
    rows = ip.long_records(examples.xiamen())
    rows[0]["period"] = "Q1"
    rows[2]["estimate"] = "true"
    with pytest.raises(ip.PlanValidationError) as raised:
        ip.add_rows(examples.xiamen(), rows)
    paths = [problem.path for problem in raised.value.problems]
    assert paths == ["row 1: period", "row 3: estimate"]


def test_csv_rows_read_back(tmp_path: Any) -> None:
    pytest.importorskip("pandas")
    plan = ip.loads(TOML, "toml")
    frame = ip.to_pandas(plan)
    path = tmp_path / "rows.csv"
    frame.to_csv(path, index=False)
    empty = attrs.evolve(plan, tiers=[attrs.evolve(plan.tiers[0], observations=())])
    assert ip.read_rows_csv(empty, path) == plan
    assert ip.from_frame(empty, frame) == plan


def test_an_observation_pickled_before_periods_loads_annual_and_final() -> None:
    import pickle

    observation = ip.Observation("gdp", 2024, ip.parse_figure("13万亿元"))
    state = observation.__getstate__()
    del state["period"], state["estimate"]  # as pickles of earlier versions hold
    old = ip.Observation.__new__(ip.Observation)
    old.__setstate__(state)
    assert old == observation
    assert (old.period, old.estimate) == (None, False)
    marked = attrs.evolve(observation, period="H1", estimate=True)
    assert pickle.loads(pickle.dumps(marked)) == marked
