"""find_figures over hostile text: it never fails and keeps its invariants (issue 20).

Generated text mixes the pieces figures are made of with what breaks naive
readers: long digit runs, repeated change words, unbalanced brackets,
control characters, mixed scripts.  Whatever the text, the result is in
reading order, never overlapping, inside the text, and each figure is what
its own words read as.  How long 1 MB of such text takes is measured in
``benchmarks/test_find_figures.py`` (timing goals live there).
"""

from __future__ import annotations

import re

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from industrial_plan import ParseError, find_figures, parse_figure

_PIECES = (
    "增长",
    "下降",
    "年均增长",
    "超过",
    "约",
    "分别",
    "和",
    "、",
    "，",
    "。",
    "%",
    "％",
    "亿元",
    "万亿",
    "百亿",
    "破",
    "家",
    "个百分点",
    "倍",
    "年",
    "月",
    "到2025年",
    "比上年",
    "同比",
    "前三季度",
    "1-8月",
    "(",
    ")",
    "（",
    "）",
    "$",
    "-",
    ":",
    "：",
    ".",
    ",",
    " ",
    "\n",
    "\x00",
    "\x1b",
    "\u202e",
    "of",
    "up",
    "down",
    "from",
    "to",
    "by 2027",
    "in 2023",
    "respectively",
    "billion yuan",
    "percent",
    "a trillion",
    "per 10,000 people",
    "5",
    "12",
    "3.5",
    "1,234",
    "2023",
    "0592",
    "３．５",
    "一",
    "十四五",
    "5G",
    "GDP",
    "地区生产总值",
)


_DIGITS = st.text("0123456789", min_size=1, max_size=12)


def _check(text: str) -> None:
    found = find_figures(text)
    last = 0
    for item in found:
        assert last <= item.start < item.end <= len(text)
        last = item.end
        own = parse_figure(text[item.start : item.end])
        if own.change is None and item.figure.change is not None:
            own = attrs.evolve(own, change=item.figure.change)  # a list's later items
        assert item.figure == own
        assert 1 <= item.line <= text.count("\n") + 1


@given(st.lists(st.sampled_from(_PIECES) | _DIGITS, max_size=60).map("".join))
def test_any_mix_of_the_pieces_of_figures(text: str) -> None:
    _check(text)


def test_a_ratio_with_a_term_longer_than_any_number_is_no_ratio() -> None:
    # Found by the property below: parse_figure refused the term and the
    # error escaped find_figures.
    assert find_figures("0" * 41 + ":0") == []


@given(st.text(max_size=300))
def test_any_text(text: str) -> None:
    _check(text)


_MEGABYTE = 1_000_000


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("7" * _MEGABYTE, id="a megabyte of digits"),
        pytest.param("增长" * 100_000, id="增长 100,000 times"),
        pytest.param("(" * _MEGABYTE, id="a megabyte of open brackets"),
        pytest.param("5亿元（" * 100_000, id="unclosed equivalents"),
        pytest.param("".join(map(chr, range(32))) * 30_000, id="control characters"),
        pytest.param("一" * _MEGABYTE, id="a megabyte of 一"),
        pytest.param("1:" * 200_000, id="a ratio without end"),
        pytest.param("more than " * 100_000 + "5%", id="qualifiers without end"),
        pytest.param("国" * _MEGABYTE + "新增1家", id="a noun without end"),
    ],
)
def test_hostile_documents_are_read(text: str) -> None:
    found = find_figures(text)
    for item in found:
        assert item.figure == parse_figure(text[item.start : item.end])


@given(
    st.lists(st.sampled_from(_PIECES) | _DIGITS, min_size=1, max_size=12),
    st.randoms(use_true_random=False),
)
def test_a_figure_length_kept_by_shape_is_the_one_read(
    pieces: list[str], random: object
) -> None:
    """Windows that differ only in digits the grammar does not tell apart
    (spans._length keeps one reading for both) read to the same length."""
    from industrial_plan._figures import spans
    from industrial_plan._figures.parse import figure_length

    def length(window: str) -> int:
        try:
            return figure_length(window)
        except ParseError:
            return -1

    window = "".join(pieces)
    key = spans.shape(window)
    assume(not key.startswith("\0"))  # a run of ten digits is kept as it is
    other = "".join(
        random.choice("3456789") if k == "3" and w.isdigit() else w  # type: ignore[attr-defined]
        for w, k in zip(window, key, strict=True)
    )
    assert length(window) == length(other), (window, other)


@given(st.lists(st.sampled_from(_PIECES) | _DIGITS, max_size=40).map("".join))
def test_numbers_left_unread_would_have_read_as_no_figure(text: str) -> None:
    """A bare number with nothing before or after it that a figure could hold
    is left without reading it (spans._GOES_ON); reading it changes nothing."""
    from industrial_plan._figures import spans

    found = find_figures(text)
    kept = spans._GOES_ON
    spans._GOES_ON = re.compile("")  # every number read
    try:
        everything = find_figures(text)
    finally:
        spans._GOES_ON = kept
    assert found == everything
