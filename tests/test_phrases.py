"""Every phrase the target-kinds issue quotes reads as the right kind of figure.

Each row: the text as plans state it, then what the figure must say: the
change it states, its value and unit, its qualifier (and whether it is
approximate), what a count counts, its measure word, what a share is of, the
number of people a ratio is per, and the base year of a change.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import pytest

import industrial_plan as ip
from industrial_plan import Change
from industrial_plan import Qualifier as Q

PERCENT = "%"
COUNT = ""

# text: (change, value, unit, qualifier, approximate, extra labels)
PHRASES: dict[str, tuple[Change | None, str, str, Q, bool, dict[str, Any]]] = {
    # percentages and percentage points
    "25%": (None, "25", PERCENT, Q.EXACT, False, {}),
    "3.5 percent": (None, "3.5", PERCENT, Q.EXACT, False, {}),
    "百分之二十五": (None, "25", PERCENT, Q.EXACT, False, {}),
    "25个百分点": (None, "25", "percentage_point", Q.EXACT, False, {}),
    "2 percentage points": (None, "2", "percentage_point", Q.EXACT, False, {}),
    # counts keep what they count
    "more than 15,000 enterprises": (
        None,
        "15000",
        COUNT,
        Q.MORE_THAN,
        False,
        {"counted": "enterprises"},
    ),
    "超过1.5万家": (None, "15000", COUNT, Q.MORE_THAN, False, {"measure": "家"}),
    "超过80家": (None, "80", COUNT, Q.MORE_THAN, False, {"measure": "家"}),
    "超过20件": (None, "20", COUNT, Q.MORE_THAN, False, {"measure": "件"}),
    "60 institutions": (None, "60", COUNT, Q.EXACT, False, {"counted": "institutions"}),
    "2万家": (None, "20000", COUNT, Q.EXACT, False, {"measure": "家"}),
    "达到60家": (None, "60", COUNT, Q.EXACT, False, {"measure": "家"}),
    # ratios per so many people
    "每万人口高价值发明专利拥有量超过20件": (
        None,
        "20",
        COUNT,
        Q.MORE_THAN,
        False,
        {"per": 10_000, "measure": "件", "counted": "高价值发明专利拥有量"},
    ),
    "20 per 10,000 people": (None, "20", COUNT, Q.EXACT, False, {"per": 10_000}),
    "100,000 yuan per capita": (None, "100000", "CNY", Q.EXACT, False, {"per": 1}),
    "人均地区生产总值超过10万元": (
        None,
        "100000",
        "CNY",
        Q.MORE_THAN,
        False,
        {"per": 1},
    ),
    # growth
    "增长6.5%左右": (Change.GROWTH, "6.5", PERCENT, Q.ABOUT, True, {}),
    "up about 6.5%": (Change.GROWTH, "6.5", PERCENT, Q.ABOUT, True, {}),
    "年均增长7%以上": (Change.AVERAGE_GROWTH, "7", PERCENT, Q.AT_LEAST, False, {}),
    "average annual growth of at least 7 %": (
        Change.AVERAGE_GROWTH,
        "7",
        PERCENT,
        Q.AT_LEAST,
        False,
        {},
    ),
    "grow by 8.8 %": (Change.GROWTH, "8.8", PERCENT, Q.EXACT, False, {}),
    "+8.8 %": (Change.GROWTH, "8.8", PERCENT, Q.EXACT, False, {}),
    "下降13.5%": (Change.REDUCTION, "13.5", PERCENT, Q.EXACT, False, {}),
    "降低13.5%": (Change.REDUCTION, "13.5", PERCENT, Q.EXACT, False, {}),
    "比2020年下降13.5%": (
        Change.REDUCTION,
        "13.5",
        PERCENT,
        Q.EXACT,
        False,
        {"base_year": 2020},
    ),
    "down 13.5 % from 2020": (
        Change.REDUCTION,
        "13.5",
        PERCENT,
        Q.EXACT,
        False,
        {"base_year": 2020},
    ),
    "cut by 15 % from 2015 levels": (
        Change.REDUCTION,
        "15",
        PERCENT,
        Q.EXACT,
        False,
        {"base_year": 2015},
    ),
    "cut by 15%": (Change.REDUCTION, "15", PERCENT, Q.EXACT, False, {}),
    "翻一番": (Change.GROWTH, "100", PERCENT, Q.EXACT, False, {}),
    "double": (Change.GROWTH, "100", PERCENT, Q.EXACT, False, {}),
    # shares of a named whole
    "占地区生产总值比重达到25%": (
        None,
        "25",
        PERCENT,
        Q.EXACT,
        False,
        {"share_of": "地区生产总值"},
    ),
    "占GDP比重达到41.1%": (None, "41.1", PERCENT, Q.EXACT, False, {"share_of": "GDP"}),
    "41.1 % of GDP": (None, "41.1", PERCENT, Q.EXACT, False, {"share_of": "GDP"}),
    "a share of 45 % of industrial value added": (
        None,
        "45",
        PERCENT,
        Q.EXACT,
        False,
        {"share_of": "industrial value added"},
    ),
    # increments and cumulative totals
    "新增1家": (Change.INCREMENT, "1", COUNT, Q.EXACT, False, {"measure": "家"}),
    "add 50 new institutions": (
        Change.INCREMENT,
        "50",
        COUNT,
        Q.EXACT,
        False,
        {"counted": "new institutions"},
    ),
    "新增国家重点实验室50家": (
        Change.INCREMENT,
        "50",
        COUNT,
        Q.EXACT,
        False,
        {"measure": "家", "counted": "国家重点实验室"},
    ),
    "累计5000万人": (
        Change.CUMULATIVE,
        "50000000",
        COUNT,
        Q.EXACT,
        False,
        {"measure": "人"},
    ),
    "a cumulative total of 50 million jobs": (
        Change.CUMULATIVE,
        "50000000",
        COUNT,
        Q.EXACT,
        False,
        {"counted": "jobs"},
    ),
    # qualifier words of the issue, prefix and suffix
    "topped 1.3 trillion yuan": (None, "1300000000000", "CNY", Q.MORE_THAN, False, {}),
    "surpassed 2 GW": (None, "2", "GW", Q.MORE_THAN, False, {}),
    "突破1万亿元": (None, "1000000000000", "CNY", Q.MORE_THAN, False, {}),
    "超2500亿元": (None, "250000000000", "CNY", Q.MORE_THAN, False, {}),
    "不低于3.5%": (None, "3.5", PERCENT, Q.AT_LEAST, False, {}),
    "不少于60家": (None, "60", COUNT, Q.AT_LEAST, False, {"measure": "家"}),
    "不超过3%": (None, "3", PERCENT, Q.AT_MOST, False, {}),
    "3%以内": (None, "3", PERCENT, Q.AT_MOST, False, {}),
    "控制在3%以内": (None, "3", PERCENT, Q.AT_MOST, False, {}),
    "80家以上": (None, "80", COUNT, Q.AT_LEAST, False, {"measure": "家"}),
    "近2万亿元": (None, "2000000000000", "CNY", Q.AT_MOST, True, {}),
    "nearly 2 trillion yuan": (None, "2000000000000", "CNY", Q.AT_MOST, True, {}),
    "around 3%": (None, "3", PERCENT, Q.ABOUT, True, {}),
}


def _unit(figure: ip.Figure) -> str:
    text = ip.unit_text(ip.in_base_units(figure.quantity))
    return {"": COUNT}.get(text, text)


@pytest.mark.parametrize("text", list(PHRASES))
def test_phrase(text: str) -> None:
    change, value, unit, qualifier, approximate, labels = PHRASES[text]
    figure = ip.parse_figure(text)
    base = ip.in_base_units(figure.quantity)
    assert figure.change is change
    assert base.magnitude == Decimal(value)
    assert _unit(figure) == unit
    assert (figure.qualifier, figure.approximate) == (qualifier, approximate)
    for name in ("counted", "measure", "share_of", "base_year"):
        assert getattr(figure, name) == labels.get(name), name
    per = labels.get("per")
    assert figure.per == (None if per is None else Decimal(per))


@pytest.mark.parametrize("text", list(PHRASES))
@pytest.mark.parametrize("locale", ["en", "zh"])
def test_phrase_reads_back(text: str, locale: str) -> None:
    """In its words: English leaves out Chinese measure words (家, 件) and
    Chinese nouns of what is counted, which no English reader reads."""
    figure = ip.parse_figure(text)
    again = ip.parse_figure(ip.format_figure(figure, locale=locale), locale=locale)
    if locale == "en":
        counted = figure.counted
        if counted is not None and any("\u4e00" <= c <= "\u9fff" for c in counted):
            counted = None
        figure = attrs.evolve(figure, measure=None, counted=counted)
    assert again == figure


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("年均增长6.5亿元", "a growth rate is a percentage"),
        ("占GDP比重达到41.1亿元", "a percentage"),
        ("a share of 45 GW", "a share is a percentage"),
        ("3 GW of GDP", "unexpected 'of'"),
        ("增长6.5%下降3%", "unexpected"),
        ("up down 3%", "change stated twice"),
        ("from 2020 down 3%", "expected a number"),
        ("2 GW from 2020", "base year 2020 given for a level"),
        ("每0人口超过20件", "per 0 people is out of range"),
        ("5 Gizmos", "unknown unit 'Gizmos'"),
        # a misspelt scale word is a typo, not a count of "trillon yuan"
        ("3 trillon yuan", "unknown unit 'trillon'"),
        ("3 bilion", "unknown unit 'bilion'"),
    ],
)
def test_phrases_that_do_not_fit(text: str, reason: str) -> None:
    with pytest.raises(ip.ParseError, match=reason):
        ip.parse_figure(text)


def test_a_change_of_a_share_is_in_points_not_percent() -> None:
    points = ip.parse_figure("2 percentage points").quantity
    percent = ip.parse_figure("2%").quantity
    assert ip.format_figure(ip.Figure(points), locale="zh") == "2个百分点"
    assert ip.unit_text(points) != ip.unit_text(percent)
