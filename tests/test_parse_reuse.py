"""Reading figures again: texts read once, and shapes read once (issue 11).

``parse_figure`` keeps the figures of texts it has read, and reads a text
that differs from an earlier one only in its number from that earlier
reading (``_shaped``).  These tests prove the shortcut equal to the full
parser over generated English and Chinese texts, and that errors are never kept.
"""

from __future__ import annotations

import contextlib
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import industrial_plan._figures.parse as p
from industrial_plan import Figure, IndustrialPlanError, ParseError, parse_figure
from industrial_plan._money.units import unit_text

_HEADS = (
    "",
    "about ",
    "exceeded ",
    "more than ",
    "at least ",
    "up to ",
    "nearly ",
    "up ",
    "down ",
    "doubled ",
    "grew by ",
    "average annual growth of ",
    "a share of ",
    "more than about ",
    "over over ",
    "per capita ",
    # Chinese words before the number (issue 20).
    "增长",
    "比上年增长",
    "超过",
    "下降",
    "年均增长",
    "达到",
    "提升至",
    "新增",
    "新增国家重点实验室",
    "每万人口发明专利拥有量超过",
    "占地区生产总值比重达到",
    "百分之",
    "约",
)
_TAILS = (
    "",
    "亿元",
    "万亿元",
    "千亿元",
    "百亿",
    "万千瓦",
    "吨",
    "个百分点",
    "家",
    "%以上",
    "%左右",
    "倍",
    "亿美元",
    "%",
    "% of GDP",
    " percent",
    " percentage points",
    " yuan",
    " billion yuan",
    " trillion yuan",
    " billion US dollars",
    " million dollars",
    " thousand yen",
    " CNY",
    " billion CNY",
    " billion",
    " billions yuan",
    " GW",
    " gigawatts",
    " tons",
    " metric tons",
    " enterprises",
    " high value patents",
    " yuan per capita",
    " per capita",
    " trillon yuan",
    " yaun",
    " zorkmids",
    " times",
    " or more",
)


def _number(whole: int, fraction: str | None, grouped: bool) -> str:
    text = f"{whole:,}" if grouped else str(whole)
    return text if fraction is None else f"{text}.{fraction}"


_numbers = st.tuples(
    st.integers(0, 10**45),
    st.none() | st.from_regex(r"[0-9]{1,8}", fullmatch=True),
)


def _reading(text: str) -> Figure | IndustrialPlanError:
    try:
        return p._parse_full(text, None, None, None)
    except IndustrialPlanError as error:
        return error


def _shaped(text: str) -> Figure | IndustrialPlanError | None:
    try:
        return p._shaped(text)
    except IndustrialPlanError as error:
        return error


@given(
    head=st.sampled_from(_HEADS),
    tail=st.sampled_from(_TAILS),
    first=_numbers,
    second=_numbers,
    grouped=st.booleans(),
)
def test_a_shape_read_once_reads_like_the_full_parser(
    head: str,
    tail: str,
    first: tuple[int, str | None],
    second: tuple[int, str | None],
    grouped: bool,
) -> None:
    """The figure reused from a shape equals the full parser's, or is not used."""
    p._shapes.clear()
    # The same kind of number: grouped or not, with a fraction or not.
    fraction = None if second[1] is None else (first[1] or "5")
    primer = head + _number(first[0], fraction, grouped) + tail
    text = head + _number(*second, grouped) + tail
    expected = _reading(text)
    with contextlib.suppress(IndustrialPlanError):
        p._shaped(primer)
    got = _shaped(text)
    if isinstance(got, IndustrialPlanError):
        assert isinstance(expected, IndustrialPlanError)
        assert str(got) == str(expected)
        return
    if got is None:
        return  # the full parser reads it
    assert isinstance(expected, Figure), (text, expected)
    assert got == expected
    assert unit_text(got.quantity) == unit_text(expected.quantity)
    assert got.quantity.magnitude.as_tuple() == expected.quantity.magnitude.as_tuple()
    assert type(got.quantity) is type(expected.quantity)
    assert got.is_plain == expected.is_plain


def test_a_reused_shape_takes_the_new_number() -> None:
    p._shapes.clear()
    assert parse_figure("exceeded 104 billion yuan").quantity.magnitude == 104
    again = parse_figure("exceeded 1,234.50 billion yuan")
    assert str(again.quantity.magnitude) == "1234.50"
    assert again == p._parse_full("exceeded 1,234.50 billion yuan", None, None, None)
    assert p._shapes  # the second came from the first's shape


def test_a_shape_is_not_reused_where_words_change_the_number() -> None:
    """A negative change or a zero primer never becomes a template."""
    p._shapes.clear()
    parse_figure("0 billion yuan")
    assert not p._shapes  # zero cannot show a sign or a factor
    assert parse_figure("7 billion yuan").quantity.magnitude == 7


@pytest.mark.parametrize(
    "text",
    ["3 trillon yuan", "12 Zorkmids", "1,23 billion yuan", "", "5 yuan dollars"],
)
def test_errors_are_raised_every_time_and_never_kept(text: str) -> None:
    """Each call reads the text again and raises what the full parser raises."""
    with pytest.raises(ParseError) as first:
        parse_figure(text)
    with pytest.raises(ParseError) as second:
        parse_figure(text)
    assert str(first.value) == str(second.value)
    with pytest.raises(ParseError) as full:
        p._parse_full(text, None, None, None)
    assert str(full.value) == str(first.value)


def test_a_digit_more_than_the_limit_is_refused_after_a_shape_is_known() -> None:
    parse_figure("5 billion yuan")
    with pytest.raises(ParseError, match="more than 40 digits"):
        parse_figure("1" * 41 + " billion yuan")


def test_the_same_text_gives_an_equal_figure_and_a_source_is_attached() -> None:
    from industrial_plan import Source

    source = Source(publisher="NBS")
    first = parse_figure("about 491.2 billion yuan")
    assert parse_figure("about 491.2 billion yuan") == first
    attached = parse_figure("about 491.2 billion yuan", source=source)
    assert attached.source == source
    assert parse_figure("about 491.2 billion yuan").source is None
    assert first.quantity.magnitude == Decimal("491.2")
