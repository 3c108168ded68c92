"""find_figures recovers what a generated sentence states (issue 20).

Sentences are built from :func:`industrial_plan.testing.stated_figures`
written out by :func:`industrial_plan.format_figure`, with generated
subjects, years, periods and the words of plans and reports in both
languages; :func:`find_figures` must give back each figure's words, value,
subject, year, period and role.
"""

from __future__ import annotations

import re

import attrs
from hypothesis import assume, given
from hypothesis import strategies as st

import industrial_plan as ip
from industrial_plan import Figure, Period, Role, find_figures, testing

_ZH_WORDS = (
    "工业",
    "研发",
    "经费",
    "投入",
    "强度",
    "出口",
    "总额",
    "数字",
    "经济",
    "核心",
    "产业",
    "汽车",
    "产量",
    "固定资产",
    "投资",
    "零售",
    "旅游",
    "收入",
    "港口",
    "吞吐量",
)
_EN_WORDS = (
    "industrial",
    "output",
    "investment",
    "exports",
    "digital",
    "economy",
    "core",
    "industries",
    "retail",
    "sales",
    "intensity",
    "vehicle",
    "production",
    "port",
    "throughput",
    "tourism",
    "revenue",
)
# Periods as the rules read them in each language (a lone month is "8月份").
_PERIODS = {
    Period(1, 3): ("一季度", "first quarter"),
    Period(1, 6): ("上半年", "first half"),
    Period(1, 9): ("前三季度", "first three quarters"),
    Period(1, 8): ("1-8月", "January-August"),
    Period(4, 6): ("第二季度", "second quarter"),
    Period(8, 8): ("8月份", None),
    Period(1, 2): ("前2个月", "first two months"),
}
_CJK = re.compile(r"[\u3400-\u9fff]")

Sentence = tuple[str, str, str, Figure, dict[str, object]]
"""The words before a figure, the figure's words, the words after, the figure
as written, and what find_figures must say of it."""


def _words(vocabulary: tuple[str, ...]) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(vocabulary), min_size=1, max_size=3)


def _findable(figure: Figure) -> bool:
    """A figure of an indicator, not a bare number (which is not reported)."""
    units = dict(figure.quantity._units)
    return bool(units or figure.counted or figure.measure or figure.per)


@st.composite
def chinese_sentences(draw: st.DrawFn) -> Sentence:
    figure = draw(testing.stated_figures())
    assume(_findable(figure))
    written = ip.format_figure(figure, locale="zh")
    assume(not re.search(r"[A-Za-z]", written))  # an English noun in Chinese text
    if (
        figure.measure is not None
        and figure.counted
        and written.endswith(figure.counted)
    ):
        # In a document a count ends at its measure word: the noun after it
        # runs on into the sentence.
        written = written[: -len(figure.counted)]
        figure = attrs.evolve(figure, counted=None)
    subject = "".join(
        draw(st.lists(st.sampled_from(_ZH_WORDS), min_size=1, max_size=3))
    )
    year = draw(st.integers(2000, 2035))
    if draw(st.booleans()):
        head = f"到{year}年，{subject}力争"
        expected: dict[str, object] = {
            "year": year,
            "role": Role.TARGET,
            "period": None,
        }
    else:
        period = draw(st.none() | st.sampled_from(sorted(_PERIODS)))
        words = "" if period is None else _PERIODS[period][0]
        head = f"{year}年{words}，{subject}已"
        expected = {"year": year, "role": Role.OBSERVATION, "period": period}
    return head, written, "。", figure, {"subject": subject, **expected}


@st.composite
def english_sentences(draw: st.DrawFn) -> Sentence:
    figure = draw(testing.stated_figures())
    assume(_findable(figure) and figure.measure is None)
    written = ip.format_figure(figure, locale="en")
    assume(not _CJK.search(written))
    subject = " ".join(
        draw(st.lists(st.sampled_from(_EN_WORDS), min_size=1, max_size=3))
    )
    year = draw(st.integers(2000, 2035))
    if draw(st.booleans()):
        head = f"By {year}, {subject} will be "
        expected: dict[str, object] = {
            "year": year,
            "role": Role.TARGET,
            "period": None,
        }
    else:
        periods = sorted(p for p, (_, en) in _PERIODS.items() if en is not None)
        period = draw(st.none() | st.sampled_from(periods))
        words = "" if period is None else f"the {_PERIODS[period][1]} of "
        head = f"In {words}{year}, {subject} posted "
        expected = {"year": year, "role": Role.OBSERVATION, "period": period}
    return head, written, ".", figure, {"subject": subject, **expected}


def _check(sentence: Sentence) -> None:
    head, written, tail, figure, expected = sentence
    text = head + written + tail
    found = find_figures(text)
    assert len(found) == 1, (text, [text[f.start : f.end] for f in found])
    item = found[0]
    assert (item.start, item.end) == (len(head), len(head) + len(written)), text
    assert item.figure == figure, text
    got = {key: getattr(item, key) for key in expected}
    assert got == expected, text


@given(chinese_sentences())
def test_chinese_sentences_give_back_what_they_state(
    sentence: Sentence,
) -> None:
    _check(sentence)


@given(english_sentences())
def test_english_sentences_give_back_what_they_state(
    sentence: Sentence,
) -> None:
    _check(sentence)


@given(st.lists(chinese_sentences() | english_sentences(), min_size=2, max_size=6))
def test_a_document_of_sentences_gives_back_each_in_order(
    sentences: list[Sentence],
) -> None:
    text = ""
    expected = []
    for head, written, tail, figure, _ in sentences:
        start = len(text) + len(head)
        text += head + written + tail + "\n"
        expected.append((start, start + len(written), figure))
    found = find_figures(text)
    assert [(f.start, f.end, f.figure) for f in found] == expected
    assert [f.line for f in found] == list(range(1, len(sentences) + 1))
