"""Draft plans from documents and ``industrial-plan extract`` (issue 20, part 4).

Every sentence here is written for these tests in the style of plans,
statistical bulletins and reviews; none is copied from a source.  The draft
builder is tested with figures built by hand (so that each rule is tested
on exactly the fields it reads) and end to end through ``find_figures``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from typer.testing import CliRunner, Result

import industrial_plan as ip
from industrial_plan import FoundFigure, Period, Role, testing
from industrial_plan._files.draft import draft_from_figures
from industrial_plan._files.draft_metrics import english_id, kind_from_name
from industrial_plan.cli import app

NOW = 2026  # the year the tests read their documents in


def found(text: str, words: str, *, occurrence: int = 0, **fields: Any) -> FoundFigure:
    """The figure *words* of *text* (its *occurrence*-th time), as
    find_figures would report it with *fields*; the quote is its line."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(words, start + 1)
    line = text.count("\n", 0, start) + 1
    fields.setdefault("quote", text.split("\n")[line - 1].strip())
    figure = ip.parse_figure(words)
    return FoundFigure(start, start + len(words), figure, line=line, **fields)


def obs(text: str, words: str, subject: str, year: int, **fields: Any) -> FoundFigure:
    """A figure the text reports, of *subject* in *year*."""
    return found(
        text, words, subject=subject, year=year, role=Role.OBSERVATION, **fields
    )


def aim(text: str, words: str, subject: str, year: int, **fields: Any) -> FoundFigure:
    """A figure the text aims at, of *subject* in *year*."""
    return found(text, words, subject=subject, year=year, role=Role.TARGET, **fields)


def draft(text: str, figures: list[FoundFigure], **kwargs: Any) -> ip.Draft:
    kwargs.setdefault("document", "bulletin.txt")
    kwargs.setdefault("this_year", NOW)
    return draft_from_figures(figures, text, **kwargs)


def reasons(result: ip.Draft) -> list[str]:
    return [item.reason for item in result.unplaced]


def items(result: ip.Draft) -> list[tuple[str, str, int]]:
    return [(type(p.item).__name__, p.item.metric, p.item.year) for p in result.placed]


# -- what becomes what -------------------------------------------------------------


CITY = (
    "2023年，全市地区生产总值达到5230亿元。\n到2027年，地区生产总值力争突破7000亿元。"
)


def test_a_target_and_an_observation_of_the_region_quote_their_sentences() -> None:
    result = draft(
        CITY,
        [
            obs(CITY, "达到5230亿元", "地区生产总值", 2023),
            aim(CITY, "突破7000亿元", "地区生产总值", 2027),
        ],
    )
    assert items(result) == [("Observation", "gdp", 2023), ("Target", "gdp", 2027)]
    observed, target = (p.item for p in result.placed)
    assert observed.source is not None
    assert target.source is not None
    assert observed.source.quote == "2023年，全市地区生产总值达到5230亿元。"
    assert observed.source.id == "bulletin.txt"
    assert target.figure is not None
    assert target.figure.qualifier is ip.Qualifier.MORE_THAN
    assert result.system.regional.targets == (target,)
    assert result.system.regional.observations == (observed,)
    assert result.system.sources == (result.document,)
    assert (result.system.start_year, result.system.end_year) == (2023, 2027)
    assert result.unplaced == ()


def test_a_figure_neither_aimed_at_nor_reported_is_observed_only_when_past() -> None:
    text = "研发经费投入强度2019年为2.1%，2030年为3.2%。"
    result = draft(
        text,
        [
            found(text, "2.1%", subject="研发经费投入强度", year=2019),
            found(text, "3.2%", subject="研发经费投入强度", year=2030),
        ],
    )
    assert items(result) == [("Observation", "rd_intensity", 2019)]
    (reason,) = reasons(result)
    assert "neither aimed at nor reported" in reason
    assert "2030" in reason


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"year": 2023, "role": Role.OBSERVATION}, "no subject"),
        ({"subject": "出口", "role": Role.OBSERVATION}, "no year"),
        (
            {"subject": "三次产业结构", "year": 2023, "ratio": (2, 3)},
            "term 2 of a ratio of 3 terms",
        ),
        (
            {
                "subject": "出口",
                "year": 2023,
                "period": Period(1, 9),
                "role": Role.TARGET,
            },
            "a target for part of the year (first three quarters)",
        ),
    ],
)
def test_what_cannot_be_placed_says_why(fields: dict[str, Any], reason: str) -> None:
    text = "前三季度，全市出口增长7.5%。"
    result = draft(text, [found(text, "增长7.5%", **fields)])
    assert result.placed == ()
    (unplaced,) = result.unplaced
    assert reason in unplaced.reason
    assert unplaced.found.line == 1


def test_an_observation_keeps_its_part_of_the_year_and_its_estimate() -> None:
    text = (
        "2023年前三季度，全市出口增长7.5%。\n"
        "预计2023年全年出口增长6%。\n"
        "2023年全年出口增长6.2%。\n"
        "2023年前三季度出口增长7.5%。"
    )
    result = draft(
        text,
        [
            obs(text, "增长7.5%", "出口", 2023, period=Period(1, 9)),
            obs(text, "增长6%", "出口", 2023, estimate=True),
            obs(text, "增长6.2%", "出口", 2023),
            obs(text, "增长7.5%", "出口", 2023, period=Period(1, 9), occurrence=1),
        ],
    )
    observed = [p.item for p in result.placed]
    assert [(o.period, o.estimate) for o in observed] == [
        (Period(1, 9), False),
        (None, True),
        (None, False),
    ]
    (repeat,) = reasons(result)
    assert repeat.startswith("repeats the observation on line 1")
    assert "Q1-Q3 2023" in repeat
    dumped = result.dumps("toml")
    assert 'period = "Q1-Q3"' in dumped
    assert "estimate = true" in dumped
    assert ip.loads(dumped, "toml") == result.system


def test_a_figure_that_does_not_fit_its_metric_is_not_placed() -> None:
    text = "2023年，全市地区生产总值达到25家。"
    result = draft(
        text,
        [obs(text, "25家", "地区生产总值", 2023)],
    )
    (reason,) = reasons(result)
    assert "'gdp' is money" in reason


def test_an_observation_cannot_state_a_reduction() -> None:
    text = "2023年，单位地区生产总值能耗下降3.1%。"
    result = draft(
        text,
        [obs(text, "下降3.1%", "单位地区生产总值能耗", 2023)],
    )
    (reason,) = reasons(result)
    assert "not 'reduction'" in reason
    # A metric no placed figure uses is not added.
    assert result.new_metrics == ()


def test_a_second_figure_for_one_metric_and_year_conflicts_or_repeats() -> None:
    text = (
        "2023年，全市地区生产总值达到5230亿元。\n"
        "全年地区生产总值为5230亿元。\n"
        "修订后2023年地区生产总值为5300亿元。"
    )
    result = draft(
        text,
        [
            obs(text, "达到5230亿元", "地区生产总值", 2023),
            obs(text, "5230亿元", "地区生产总值", 2023, occurrence=1),
            obs(text, "5300亿元", "地区生产总值", 2023),
        ],
    )
    assert len(result.placed) == 1
    repeat, conflict = reasons(result)
    assert repeat.startswith("repeats the observation on line 1")
    assert conflict.startswith("conflicts with the observation on line 1")
    assert "5230" in conflict


def test_a_level_and_the_growth_of_one_year_are_two_observations() -> None:
    text = "2023年，全市地区生产总值达到5230亿元，比上年增长6.4%。"
    result = draft(
        text,
        [
            obs(text, "达到5230亿元", "地区生产总值", 2023),
            obs(text, "增长6.4%", "地区生产总值", 2023, base_year=2022),
        ],
    )
    assert [p.item.figure.change for p in result.placed] == [None, ip.Change.GROWTH]


def test_growth_since_a_named_year_keeps_that_year() -> None:
    text = "2023年，全市工业投资比2020年增长25%。"
    result = draft(
        text,
        [obs(text, "增长25%", "工业投资", 2023, base_year=2020)],
    )
    (placed,) = result.placed
    assert placed.item.figure.base_year == 2020


def test_a_target_takes_the_base_year_of_its_pair() -> None:
    text = "研发经费投入强度从2020年的2.4%提高到2027年的3.2%。"
    result = draft(
        text,
        [aim(text, "3.2%", "研发经费投入强度", 2027, base_year=2020)],
    )
    (placed,) = result.placed
    assert isinstance(placed.item, ip.Target)
    assert placed.item.base_year == 2020


def test_a_rate_aimed_at_is_a_level_of_the_rate_and_assessed_on_its_figures() -> None:
    text = (
        "研发经费投入强度从2020年的2.2%提升至2023年的2.8%。\n"
        "到2025年，研发经费投入强度达到3%。"
    )
    result = draft(
        text,
        [
            obs(text, "2.2%", "研发经费投入强度", 2020),
            obs(text, "2.8%", "研发经费投入强度", 2023),
            aim(text, "达到3%", "研发经费投入强度", 2025),
        ],
    )
    target = result.system.regional.targets[0]
    assert (target.metric, target.kind) == ("rd_intensity", ip.TargetKind.LEVEL)
    (assessment,) = ip.assess(result.system)
    assert assessment.latest is not None
    assert assessment.latest.year == 2023


def test_a_capped_share_is_a_cap_of_no_whole() -> None:
    text = "到2027年，全市煤炭消费占能源消费总量比重不超过30%。"
    result = draft(
        text,
        [aim(text, "占能源消费总量比重不超过30%", "煤炭消费", 2027)],
    )
    (placed,) = result.placed
    assert isinstance(placed.item, ip.Target)
    assert (placed.item.kind, placed.item.of) == (ip.TargetKind.CAP, None)
    # A cap is checked against the metric's own kind: a capped percentage
    # makes the metric's kind percent, whatever its name suggests.
    (metric,) = result.new_metrics
    assert (metric.kind, metric.direction) == (ip.PERCENT, ip.Direction.LOWER)
    assert result.guessed == frozenset()


def test_a_reason_names_a_new_metric_by_its_name() -> None:
    text = "2023年，全市软件业务收入达到860亿元。\n全年软件业务收入达到120家。"
    result = draft(
        text,
        [
            obs(text, "达到860亿元", "软件业务收入", 2023),
            obs(text, "达到120家", "软件业务收入", 2022),
        ],
    )
    (reason,) = reasons(result)
    assert reason == "metric '软件业务收入' is money, but '120 家' is not"


def test_shares_name_their_whole_and_ratios_per_people_the_population() -> None:
    text = (
        "到2027年，数字经济核心产业增加值占地区生产总值比重达到12%，"
        "每万人口高价值发明专利拥有量达到18件。"
    )
    result = draft(
        text,
        [
            aim(text, "占地区生产总值比重达到12%", "数字经济核心产业增加值", 2027),
            aim(
                text,
                "每万人口高价值发明专利拥有量达到18件",
                "高价值发明专利拥有量",
                2027,
            ),
        ],
    )
    share, ratio = (p.item for p in result.placed)
    assert isinstance(share, ip.Target)
    assert isinstance(ratio, ip.Target)
    assert (share.kind, share.of) == (ip.TargetKind.SHARE, "gdp")
    assert (ratio.kind, ratio.of) == (ip.TargetKind.RATIO, "population")


# -- metrics: matched, or new with an id, a name and a kind --------------------------


@pytest.mark.parametrize(
    ("subject", "metric"),
    [
        ("地区生产总值", "gdp"),
        ("gross regional product", "gdp"),
        ("Gross Regional Product", "gdp"),
        ("GDP", "gdp"),
        ("研发经费投入强度", "rd_intensity"),
        ("R&D intensity", "rd_intensity"),
        ("规模以上工业增加值", "industrial_value_added"),
    ],
)
def test_subjects_match_the_built_in_metrics_by_name_or_id(
    subject: str, metric: str
) -> None:
    text = f"In 2023 {subject} reached 2.5%."
    figure = obs(text, "2.5%", subject, 2023)
    figure = attrs.evolve(figure, figure=ip.parse_figure("growth of 2.5%"))
    result = draft(text, [figure])
    assert [p.item.metric for p in result.placed] == [metric]
    assert result.new_metrics == ()


def test_english_subjects_give_ids_from_their_words() -> None:
    text = (
        "Industrial investment grew 9.4 percent in 2023.\n"
        "R&D spending of enterprises reached 12.5 billion yuan in 2023.\n"
        "industrial  investment grew 8 percent in 2022."
    )
    result = draft(
        text,
        [
            obs(text, "grew 9.4 percent", "Industrial investment", 2023),
            obs(text, "reached 12.5 billion yuan", "R&D spending of enterprises", 2023),
            obs(text, "grew 8 percent", "industrial  investment", 2022),
        ],
    )
    assert [p.item.metric for p in result.placed] == [
        "industrial_investment",
        "rd_spending_of_enterprises",
        "industrial_investment",
    ]
    names = [m.name.as_dict() for m in result.new_metrics]
    assert names == [
        {"en": "Industrial investment"},
        {"en": "R&D spending of enterprises"},
    ]


def test_chinese_subjects_are_numbered_in_the_order_the_draft_uses_them() -> None:
    text = (
        "2023年，全市新增专精特新企业120家，工业用电量下降2%，软件业务收入达到860亿元。"
    )
    result = draft(
        text,
        [
            obs(text, "120家", "专精特新企业", 2023),
            # Not placed: it takes no number.
            obs(text, "下降2%", "工业用电量", 2023),
            obs(text, "达到860亿元", "软件业务收入", 2023),
        ],
    )
    metrics = {m.id: (m.name.as_dict(), m.kind) for m in result.new_metrics}
    assert metrics == {
        "metric_1": ({"zh": "专精特新企业"}, ip.COUNT),
        "metric_2": ({"zh": "软件业务收入"}, ip.MONEY),
    }
    assert [p.item.metric for p in result.placed] == ["metric_1", "metric_2"]


def test_an_id_taken_by_another_metric_gets_a_number() -> None:
    plan = ip.examples.xiamen_sei()
    own = ip.Metric("software_revenue", {"en": "revenue of software firms"}, ip.MONEY)
    plan = attrs.evolve(plan, metrics=(*plan.metrics, own))
    text = "Software revenue reached 86 billion yuan in 2023."
    result = draft(
        text,
        [obs(text, "reached 86 billion yuan", "Software revenue", 2023)],
        into=plan,
    )
    assert [m.id for m in result.new_metrics] == ["software_revenue_2"]


@pytest.mark.parametrize(
    ("words", "kind"),
    [
        ("达到860亿元", ip.MONEY),
        ("达到65%", ip.PERCENT),
        ("达到120家", ip.COUNT),
        ("达到300万千瓦", "[power]"),
        ("达到1.5万吨", "[mass]"),
    ],
)
def test_a_new_metric_takes_its_kind_from_the_unit_of_a_level(
    words: str, kind: str
) -> None:
    text = f"2023年，全市某项指标{words}。"
    result = draft(text, [obs(text, words, "某项指标", 2023)])
    (metric,) = result.new_metrics
    assert metric.kind == kind
    assert result.guessed == frozenset()
    assert metric.description is None


def test_a_level_later_in_the_document_decides_the_kind_over_growth_first() -> None:
    text = "2023年，软件业务收入增长12%。\n全年软件业务收入达到860亿元。"
    result = draft(
        text,
        [
            obs(text, "增长12%", "软件业务收入", 2023),
            obs(text, "达到860亿元", "软件业务收入", 2023),
        ],
    )
    (metric,) = result.new_metrics
    assert metric.kind == ip.MONEY
    assert len(result.placed) == 2


@pytest.mark.parametrize(
    ("subject", "kind"),
    [
        ("城镇化率", ip.PERCENT),
        ("R&D intensity of enterprises", ip.PERCENT),
        ("数字经济核心产业增加值", ip.MONEY),
        ("exports of services", ip.MONEY),
        ("单位地区生产总值能耗", ip.COUNT),
        ("energy use per unit of output", ip.COUNT),
        ("工业用电量", ip.COUNT),
    ],
)
def test_with_only_growth_stated_the_kind_is_guessed_from_the_name(
    subject: str, kind: str
) -> None:
    assert kind_from_name(subject) == kind
    text = f"2023年，{subject}增长6%。"
    result = draft(
        text,
        [obs(text, "增长6%", subject, 2023)],
    )
    (metric,) = result.new_metrics
    assert metric.kind == kind
    assert result.guessed == {metric.id}
    assert metric.description is not None
    assert "guessed" in metric.description
    assert any("guessed from its name" in line for line in result.comments())


def test_a_metric_only_cut_or_capped_is_lower_is_better() -> None:
    text = "到2027年，单位工业增加值能耗降低15%，工业用水量不超过3亿立方米。"
    result = draft(
        text,
        [aim(text, "降低15%", "单位工业增加值能耗", 2027)],
    )
    (metric,) = result.new_metrics
    assert metric.direction is ip.Direction.LOWER


def test_english_ids() -> None:
    assert english_id("Retail sales of consumer goods") == (
        "retail_sales_of_consumer_goods"
    )
    assert english_id("5G base stations") == "m_5g_base_stations"
    assert english_id("the city's R&D spending") == "the_citys_rd_spending"
    assert english_id("新能源汽车产量") is None
    assert english_id("café revenue") is None  # not ASCII: numbered
    long = english_id(" ".join(["manufacturing"] * 10))
    assert long is not None
    assert len(long) <= 60
    assert not long.endswith("_")


# -- --into: a copy of a plan, its own metrics first ---------------------------------


REVIEW = (
    "厦门战略性新兴产业中期评估\n"
    "2023年，全市规模以上高技术产业增加值达到1250亿元。\n"
    "省级新型研发机构达到48家。\n"
    "到2020年，国家级创新平台达到60家。"
)


def test_into_matches_the_plans_own_metrics_and_adds_to_a_copy() -> None:
    plan = ip.examples.xiamen_sei()
    figures = [
        obs(REVIEW, "达到1250亿元", "规模以上高技术产业增加值", 2023),
        obs(REVIEW, "达到48家", "省级新型研发机构", 2023),
        # The plan's start year (2020) may have targets.
        aim(REVIEW, "达到60家", "国家级创新平台", 2020),
    ]
    result = draft(REVIEW, figures, document="review.txt", into=plan)
    assert items(result) == [
        ("Observation", "high_tech_industrial_value_added", 2023),
        ("Observation", "provincial_rd_institutions", 2023),
        ("Target", "national_innovation_platforms", 2020),
    ]
    assert result.new_metrics == ()
    assert result.unplaced == ()
    system = result.system
    assert (system.name, system.region) == (plan.name, plan.region)
    assert system.regional.targets[: len(plan.regional.targets)] == (
        plan.regional.targets
    )
    assert system.sources == (*plan.sources, result.document)
    assert result.document.title == "厦门战略性新兴产业中期评估"
    assert result.added
    assert not any("drafted from the document" in line for line in result.comments())


def test_into_refuses_a_target_before_the_plans_start_and_one_it_has() -> None:
    plan = ip.examples.xiamen_sei()
    text = "到2019年，国家级创新平台达到60家。\n到2025年，国家级创新平台超过80家。"
    result = draft(
        text,
        [
            aim(text, "达到60家", "national-level innovation platforms", 2019),
            aim(text, "超过80家", "国家级创新平台", 2025),
        ],
        into=plan,
    )
    before, again = reasons(result)
    assert "start_year 2020" in before
    assert again.startswith("the plan already has this target")


def test_into_makes_the_documents_id_unique_among_the_plans_sources() -> None:
    plan = ip.examples.xiamen_sei()
    taken = plan.sources[0].id
    assert taken is not None
    result = draft("无数字。", [], document=taken, into=plan)
    assert result.document.id == f"{taken}-2"
    assert ip.loads(result.dumps("toml"), "toml") == result.system


# -- the file: comments, loading, JSON ------------------------------------------------


MIXED = (
    "某市统计公报\n2023年，全市地区生产总值达到5230亿元。\n规模以上工业增加值增长7.2%。"
)


def _mixed() -> ip.Draft:
    return draft(
        MIXED,
        [
            obs(MIXED, "达到5230亿元", "地区生产总值", 2023),
            # No year.
            found(
                MIXED, "增长7.2%", subject="规模以上工业增加值", role=Role.OBSERVATION
            ),
        ],
    )


@pytest.mark.parametrize("syntax", ["toml", "yaml"])
def test_the_draft_file_lists_what_was_not_placed_in_comments_and_loads(
    syntax: ip._files.plan_files.Syntax,
) -> None:
    result = _mixed()
    text = result.dumps(syntax)
    comments = [line for line in text.splitlines() if line.startswith("#")]
    assert any(
        line.startswith("# - line 3: growth of 7.2 % (规模以上工业增加值): no year")
        for line in comments
    ), comments
    assert ip.loads(text, syntax) == result.system
    assert result.document.title == "某市统计公报"
    assert result.system.name.as_dict() == {"zh": "某市统计公报（草稿）"}


def test_json_has_no_comments_so_a_draft_with_unplaced_figures_is_refused(
    tmp_path: Path,
) -> None:
    result = _mixed()
    with pytest.raises(ip.PlanValidationError, match="JSON has no comments") as error:
        result.save(tmp_path / "draft.json")
    assert error.value.file == str(tmp_path / "draft.json")
    assert "lines 3" in str(error.value)
    assert not (tmp_path / "draft.json").exists()
    placed_only = attrs.evolve(result, unplaced=())
    written = placed_only.save(tmp_path / "draft.json")
    assert ip.load(written) == result.system


def test_comments_and_quotes_hold_no_control_characters() -> None:
    text = "2023年，全市地区生产总值\x85达到5230亿元\u2028。"
    figure = obs(text, "达到5230亿元", "地区\x07生产总值", 2023)
    bad = attrs.evolve(figure, subject="工业\x1b[31m增加值")
    result = draft(text, [attrs.evolve(bad, year=None), figure])
    for syntax in ("toml", "yaml"):
        dumped = result.dumps(syntax)  # type: ignore[arg-type]
        assert ip.loads(dumped, syntax) == result.system  # type: ignore[arg-type]
        assert "\x1b" not in dumped
        assert "\x85" not in dumped


def test_the_title_is_the_first_line_unless_it_holds_a_figure() -> None:
    text = "2023年，全市地区生产总值达到5230亿元。"
    result = draft(
        text,
        [obs(text, "达到5230亿元", "地区生产总值", 2023)],
        document="gongbao.txt",
        lang="en",
    )
    assert result.document.title == "gongbao.txt"
    assert result.system.name.as_dict() == {"en": "Draft: gongbao.txt"}


def test_an_empty_document_gives_an_empty_draft_that_loads() -> None:
    result = draft("", [])
    assert result.placed == result.unplaced == ()
    assert ip.loads(result.dumps("yaml"), "yaml") == result.system
    assert ip.loads(result.dumps("json"), "json") == result.system


# -- properties -------------------------------------------------------------------


SUBJECTS = st.sampled_from(
    [
        None,
        "地区生产总值",
        "GDP",
        "研发经费投入强度",
        "软件业务收入",
        "Industrial investment",
        "城镇化率",
        "专精特新企业",
        "新能源装机容量",
    ]
)
ROLES = st.sampled_from([None, Role.TARGET, Role.OBSERVATION])
YEARS = st.sampled_from([None, *range(2015, 2031)])
RARELY = st.sampled_from([True, *[False] * 9])


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, list[FoundFigure]]:
    """A document of one figure a line, and the figures found in it."""
    lines: list[str] = []
    figures: list[FoundFigure] = []
    offset = 0
    for number in range(1, draw(st.integers(0, 12)) + 1):
        figure = draw(testing.stated_figures())
        subject = draw(SUBJECTS)
        words = figure.describe()
        line = f"{subject or ''} {words}"
        start = offset + len(subject or "") + 1
        figures.append(
            FoundFigure(
                start,
                start + len(words),
                figure,
                subject=subject,
                year=draw(YEARS),
                base_year=draw(st.sampled_from([None, None, None, 2010, 2020, 2030])),
                period=draw(RARELY.map(lambda rare: Period(1, 6) if rare else None)),
                role=draw(ROLES),
                estimate=draw(st.booleans()),
                ratio=draw(RARELY.map(lambda rare: (1, 2) if rare else None)),
                line=number,
                quote=line,
            )
        )
        lines.append(line)
        offset += len(line) + 1
    return "\n".join(lines), figures


@settings(max_examples=60)
@given(documents(), st.none() | st.just(ip.examples.xiamen_sei()))
def test_every_figure_is_placed_or_listed_once_and_the_draft_loads(
    document: tuple[str, list[FoundFigure]], into: ip.IndustrialSystem | None
) -> None:
    text, figures = document
    result = draft(text, figures, into=into)
    placed = [p.found for p in result.placed]
    unplaced = [u.found for u in result.unplaced]
    # Each figure in exactly one list, in the document's order.
    assert sorted(map(id, placed + unplaced)) == sorted(map(id, figures))
    assert [f for f in figures if any(f is p for p in placed)] == placed
    assert [f for f in figures if any(f is u for u in unplaced)] == unplaced
    for item in result.unplaced:
        if item.found.subject is None and item.found.ratio is None:
            assert item.reason.startswith("no subject")
    for item in result.placed:
        assert item.found.subject is not None
        assert item.found.year is not None
        assert item.found.ratio is None
        if isinstance(item.item, ip.Observation):
            assert item.item.period == item.found.period
            assert item.item.estimate == item.found.estimate
        else:
            assert item.found.period is None
        assert item.item.source is not None
        assert item.item.source.id == result.document.id
    regional = result.system.regional
    base = into.regional if into is not None else ip.Regional()
    added = len(regional.targets) + len(regional.observations)
    assert added == len(base.targets) + len(base.observations) + len(placed)
    for syntax in ("toml", "yaml"):
        assert ip.loads(result.dumps(syntax), syntax) == result.system  # type: ignore[arg-type]
    unplaced_lines = sum(
        line.startswith("# - line ") and ": " in line and "new metric" not in line
        for line in result.dumps("toml").splitlines()
    )
    assert unplaced_lines == len(unplaced)


# -- end to end: find_figures, then the draft ---------------------------------------


BULLETIN = """临江市2023年国民经济和社会发展统计公报
2023年，全市地区生产总值达到5230亿元，比上年增长6.4%。
全年规模以上工业增加值比上年增长7.2%。
研发经费投入强度从2020年的2.4%提升至2023年的2.9%。
全市新增光伏装机容量120万千瓦。
到2027年，全市地区生产总值力争突破7000亿元，单位地区生产总值能耗降低13.5%。
"""

RELEASE = """Riverton economic bulletin 2023
In 2023, the gross regional product reached 412.5 billion yuan, up 5.8 percent over the previous year.
Industrial investment grew 9.4 percent in 2023.
Exports fell 3.1 percent in the first three quarters.
The ratio of the three sectors was 0.5:43:56.5.
"""  # noqa: E501 - a document's lines are as long as they are


def test_a_chinese_bulletin_end_to_end() -> None:
    result = ip.draft_plan(BULLETIN, document="linjiang.txt", this_year=NOW)
    assert items(result) == [
        ("Observation", "gdp", 2023),
        ("Observation", "gdp", 2023),
        ("Observation", "industrial_value_added", 2023),
        ("Observation", "rd_intensity", 2020),
        ("Observation", "rd_intensity", 2023),
        ("Target", "gdp", 2027),
        ("Target", "metric_1", 2027),
    ]
    (metric,) = result.new_metrics
    assert metric.name.as_dict() == {"zh": "单位地区生产总值能耗"}
    assert metric.direction is ip.Direction.LOWER
    (unplaced,) = result.unplaced
    assert unplaced.found.line == 5
    assert unplaced.reason.startswith("no year")
    assert result.system.name.as_dict() == {
        "zh": "临江市2023年国民经济和社会发展统计公报（草稿）"
    }
    assert (result.system.start_year, result.system.end_year) == (2020, 2027)
    assert ip.loads(result.dumps("toml"), "toml") == result.system
    ip.assess(result.system)  # the draft can be assessed as it is


def test_an_english_release_end_to_end() -> None:
    result = ip.draft_plan(RELEASE, document="riverton.txt", this_year=NOW)
    assert items(result) == [
        ("Observation", "gdp", 2023),
        ("Observation", "gdp", 2023),
        ("Observation", "industrial_investment", 2023),
    ]
    assert [u.found.line for u in result.unplaced] == [4, 5, 5, 5]
    assert result.system.name.as_dict() == {
        "en": "Draft: Riverton economic bulletin 2023"
    }


# -- the command line ----------------------------------------------------------------


runner = CliRunner(env={"COLUMNS": "80"})


def run(*args: str, input: str | bytes | None = None) -> Result:
    return runner.invoke(app, list(args), input=input)


def assert_fails(result: Result, code: int, message: str) -> None:
    assert result.exit_code == code, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output


@pytest.fixture
def bulletin(tmp_path: Path) -> Path:
    path = tmp_path / "linjiang.txt"
    path.write_text(BULLETIN, encoding="utf-8")
    return path


def test_the_listing_reads_at_80_columns(bulletin: Path) -> None:
    result = run("extract", str(bulletin))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[:2] == [
        "line: quote",
        "   subject               figure                year  period  role",
    ]
    assert all(cell_len(line) <= 80 for line in lines), lines
    assert "2：2023年，全市地区生产总值达到5230亿元，比上年增长6.4%。" in lines
    assert any(
        line.split() == ["地区生产总值", "达到5230亿元", "2023", "—", "observed"]
        for line in lines
    )
    assert all(line == line.rstrip() for line in lines)


def test_the_listing_in_chinese(bulletin: Path) -> None:
    result = run("extract", str(bulletin), "--lang", "zh")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "行: 原文"
    assert "目标" in result.stdout
    assert "实际" in result.stdout


def test_the_listing_as_json_and_csv(bulletin: Path) -> None:
    records = json.loads(run("extract", str(bulletin), "--format", "json").stdout)
    first = records[0]
    assert first["words"] == "达到5230亿元"
    assert first["figure"]["value"] == "523000000000"
    assert (first["subject"], first["year"], first["role"]) == (
        "地区生产总值",
        2023,
        "observation",
    )
    assert {r["period"] for r in records} == {None}
    csv_text = run("extract", str(bulletin), "--format", "csv").stdout
    header, row = csv_text.splitlines()[:2]
    assert header.startswith("line,subject,words,value,unit")
    assert row.startswith("2,地区生产总值,达到5230亿元,523000000000,CNY")
    assert len(csv_text.splitlines()) == len(records) + 1


def test_a_period_in_the_listing(tmp_path: Path) -> None:
    path = tmp_path / "q.txt"
    path.write_text("Exports fell 3.1 percent in the first three quarters.\n")
    record = json.loads(run("extract", str(path), "--format", "json").stdout)[0]
    assert record["period"] == "Q1-Q3"
    assert "first three" in run("extract", str(path)).stdout


@pytest.mark.parametrize("suffix", [".toml", ".yaml"])
def test_o_writes_a_draft_that_loads_validates_and_reports(
    bulletin: Path, tmp_path: Path, suffix: str
) -> None:
    out = tmp_path / f"draft{suffix}"
    result = run("extract", str(bulletin), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"wrote {out}: 2 targets, 5 observations, 1 new metric; 1 figure not placed "
        "(listed on stderr and in the draft)\n"
    )
    assert result.stderr.startswith(
        "linjiang.txt:5: not placed: increment of 120 万 kW"
    )
    comment = "# - line 5: increment of 120 万 kW (光伏装机容量): no year"
    assert comment in out.read_text("utf-8")
    system = ip.load(out)
    assert system == ip.draft_plan(BULLETIN, document="linjiang.txt").system
    validated = run("validate", str(out))
    assert validated.exit_code == 0
    assert validated.stdout == f"OK {out}\n"
    assert run("report", str(out)).exit_code == 0


def test_o_json_is_refused_with_unplaced_figures_and_written_without(
    bulletin: Path, tmp_path: Path
) -> None:
    out = tmp_path / "draft.json"
    result = run("extract", str(bulletin), "-o", str(out))
    assert_fails(result, 1, f"{out}: JSON has no comments")
    assert "linjiang.txt:5: not placed" in result.stderr
    assert not out.exists()
    clean = tmp_path / "clean.txt"
    clean.write_text("2023年，全市地区生产总值达到5230亿元。\n", encoding="utf-8")
    assert run("extract", str(clean), "-o", str(out)).exit_code == 0
    assert ip.load(out).regional.observations[0].metric == "gdp"


def test_into_writes_a_copy_and_leaves_the_plan_alone(tmp_path: Path) -> None:
    plan = tmp_path / "sei.toml"
    ip.save(ip.examples.xiamen_sei(), plan)
    before = plan.read_bytes()
    review = tmp_path / "review.txt"
    review.write_text(REVIEW, encoding="utf-8")
    out = tmp_path / "sei-2023.yaml"
    result = run("extract", str(review), "--into", str(plan), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert plan.read_bytes() == before
    system = ip.load(out)
    metrics = [o.metric for o in system.regional.observations]
    assert "high_tech_industrial_value_added" in metrics
    assert system.name == ip.examples.xiamen_sei().name


def test_stdin_is_read_with_a_dash() -> None:
    result = run(
        "extract", "-", "--format", "json", input="GDP grew 5.2 percent in 2023."
    )
    assert result.exit_code == 0, result.output
    (record,) = json.loads(result.stdout)
    assert (record["subject"], record["year"]) == ("GDP", 2023)


def test_stdin_draft_cites_stdin(tmp_path: Path) -> None:
    out = tmp_path / "d.toml"
    result = run("extract", "-", "-o", str(out), input="GDP grew 5.2 percent in 2023.")
    assert result.exit_code == 0, result.output
    assert ip.load(out).sources[0].id == "stdin"


def test_a_byte_order_mark_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffGDP grew 5.2 percent in 2023.".encode())
    record = json.loads(run("extract", str(path), "--format", "json").stdout)[0]
    assert record["start"] == 4


def test_text_not_in_utf8_is_refused_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes("地区生产总值增长5%".encode("gb18030"))
    assert_fails(run("extract", str(path)), 1, f"{path}: not UTF-8 text (byte 0xb5")
    assert_fails(run("extract", "-", input=b"\xff\xfe"), 1, "standard input: not UTF-8")


def test_a_missing_file_is_an_error_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    assert_fails(run("extract", str(missing)), 1, f"{missing}: cannot read the file")


def test_a_broken_plan_for_into_is_reported_with_its_lines(
    bulletin: Path, tmp_path: Path
) -> None:
    plan = tmp_path / "broken.toml"
    plan.write_text('format = "industrial-plan/2"\nname = "x"\n', encoding="utf-8")
    result = run(
        "extract", str(bulletin), "--into", str(plan), "-o", str(tmp_path / "d.toml")
    )
    assert_fails(result, 1, f"{plan}:")
    assert "region" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--into", "plan.toml"], "--into adds to a copy of a plan: give -o"),
        (["-o", "d.toml", "--format", "json"], "--format is for the listing"),
        (["-o", "draft.txt"], "a plan file ends in .toml, .yaml, .yml or .json"),
        (["--format", "xml"], "xml"),
        (["--lang", "fr"], "fr"),
    ],
)
def test_a_misused_command_line_exits_2(
    bulletin: Path, args: list[str], message: str
) -> None:
    assert_fails(run("extract", str(bulletin), *args), 2, message)


def test_a_document_without_figures_says_so(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("这是一段没有数字的文字。\n", encoding="utf-8")
    result = run("extract", str(path))
    assert result.exit_code == 0
    assert result.stderr == "note: no figures found in empty.txt\n"
    assert json.loads(run("extract", str(path), "--format", "json").stdout) == []


def test_extract_is_listed_in_the_help() -> None:
    assert "extract" in run("--help").stdout
    assert (
        "industrial-plan extract bulletin.txt -o draft.toml"
        in run("extract", "--help").stdout
    )


def test_the_yaml_comments_are_comments(tmp_path: Path) -> None:
    result = _mixed()
    data = yaml.safe_load(result.dumps("yaml"))
    assert data["format"] == ip.FORMAT
    assert "#" not in json.dumps(data, ensure_ascii=False)


def test_the_command_line_pages_extract_examples_are_what_the_commands_print(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each ``$ cat FILE`` in the section writes the file; each command's
    output on the page is what it prints (stdout and stderr) at 80 columns."""
    page = Path(__file__).parents[1] / "docs" / "how-to" / "command-line.md"
    text = page.read_text("utf-8")
    start = text.index("## Extract the figures")
    section = text[start : text.index("\n## ", start)]
    blocks = [b.split("```", 1)[0] for b in section.split("```text\n")[1:]]
    monkeypatch.chdir(tmp_path)
    commands = 0
    for block in blocks:
        for step in block.split("$ ")[1:]:
            command, _, shown = step.partition("\n")
            if command.startswith("cat "):
                Path(command[4:]).write_text(shown, encoding="utf-8")
                continue
            args = command.split()
            assert args[0] == "industrial-plan", command
            result = run(*args[1:])
            assert result.exit_code == 0, result.output
            assert result.stdout + result.stderr == shown, command
            commands += 1
    assert commands == 3
