"""Saving keeps the user's words (issue 24, point 2).

Before, a target written "年均增长8%以上" was saved as "average annual growth
of at least 8%", "下降13.5%" as "a reduction of 13.5%", "3200" as "3,200": a
Chinese plan file became partly English after one save.  A figure read from
words keeps them (:attr:`Figure.words`) and a plan file writes them back; the
library's own words are written only for figures built or changed in code.
"""

from __future__ import annotations

import json

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import industrial_plan as ip

# (metric, phrase with {n} for the number): as plans and reviews state them.
PHRASES = [
    ("value_added", "年均增长{n}%以上"),
    ("value_added", "增长{n}%"),
    ("total_scale", "下降{n}%"),
    ("total_scale", "比2020年下降{n}%"),
    ("value_added", "占地区生产总值比重达到{n}%"),
    ("enterprises", "{n}"),
    ("enterprises", "超过{n}家"),
    ("total_scale", "{n}亿元"),
    ("total_scale", "约{n}万亿元"),
    ("total_scale", "more than {n} billion yuan"),
    ("value_added", "average annual growth of about {n}%"),
    ("value_added", "at least {n} percent"),
    ("total_scale", "{n} billion yuan ($1.2 billion)"),
]
_NUMBERS = st.one_of(
    st.integers(1, 9999).map(str),
    st.decimals(min_value=1, max_value=999, places=1).map(str),
)


def _plan(figures: list[tuple[str, str]]) -> str:
    lines = [
        'format = "industrial-plan/2"',
        'name = "Test"',
        'region = "Testville"',
        "start_year = 2021",
        "end_year = 2030",
        "[regional]",
        "targets = [",
    ]
    for year, (metric, text) in enumerate(figures, 2022):
        lines.append(
            f"  {{ metric = {json.dumps(metric)}, year = {year}, "
            f"figure = {json.dumps(text, ensure_ascii=False)} }},"
        )
    lines.append("]")
    return "\n".join(lines) + "\n"


def _stated(plan: ip.IndustrialSystem) -> list[str]:
    return [t.figure.words for t in plan.regional.targets if t.figure is not None]


def test_a_chinese_plan_stays_chinese() -> None:
    texts = [
        ("value_added", "年均增长8%以上"),
        ("total_scale", "下降13.5%"),
        ("value_added", "占地区生产总值比重达到30%"),
        ("enterprises", "3200"),
    ]
    plan = ip.loads(_plan(texts), "toml")
    saved = ip.dumps(plan, "toml")
    for _, text in texts:
        assert f'"{text}"' in saved
    assert "average annual growth" not in saved
    assert "3,200" not in saved


@given(
    st.lists(st.tuples(st.sampled_from(PHRASES), _NUMBERS), min_size=1, max_size=8),
    st.sampled_from(["toml", "yaml", "json"]),
)
def test_load_save_load_keeps_every_stated_text(
    drawn: list[tuple[tuple[str, str], str]], syntax: str
) -> None:
    figures = [(metric, phrase.format(n=n)) for (metric, phrase), n in drawn]
    try:
        plan = ip.loads(_plan(figures), "toml")
    except ip.PlanValidationError:
        return  # a number the phrase cannot take (a share over 100 %, ...)
    saved = ip.dumps(plan, syntax)
    again = ip.loads(saved, syntax)
    assert again == plan
    assert _stated(again) == [text for _, text in figures]  # byte for byte
    assert ip.dumps(again, syntax) == saved


def test_a_figure_changed_in_code_is_written_in_the_librarys_words() -> None:
    plan = ip.loads(_plan([("total_scale", "3200亿元")]), "toml")
    (target,) = plan.regional.targets
    assert target.figure is not None
    assert target.figure.words == "3200亿元"
    changed = attrs.evolve(target.figure, qualifier=ip.Qualifier.AT_LEAST)
    assert changed.words is None  # evolve does not carry stale words
    plan = plan.update("region", targets=[attrs.evolve(target, figure=changed)])
    assert '"3200亿元"' not in ip.dumps(plan, "toml")
    assert '"不低于3200亿元"' in ip.dumps(plan, "toml")
    assert ip.loads(ip.dumps(plan, "toml"), "toml") == plan


def test_words_read_with_a_hint_are_not_kept() -> None:
    # "¥" read as yen would read back as yuan: those words are not the figure's.
    yen = ip.parse_figure("¥500", currency="JPY")
    assert yen.words is None
    assert ip.parse_figure("500日元").words == "500日元"


@pytest.mark.parametrize("text", ["3万亿元", " about 5% ", "超过80家"])
def test_words_are_the_text_as_given(text: str) -> None:
    assert ip.parse_figure(text).words == text
