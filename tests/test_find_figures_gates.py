"""Patterns led by a test of their first character match as they did without it.

Some of the reader's patterns (issue 20) start with a lookahead listing every
character their words may start with, so that most places of a text fail at
one test.  At every place they must match exactly what the words alone match.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from industrial_plan._figures import context

_PIECES = st.sampled_from(
    [
        "第一季度",
        "一季度",
        "4季度",
        "前三季度",
        "前2个季度",
        "上半年",
        "下半年",
        "1-8月",
        "十一至十二月份",
        "前8个月",
        "8月份",
        "九月份",
        "First Quarter",
        "first three quarters",
        "SECOND half",
        "January-August",
        "march to June",
        "first eight months",
        "first 11 months",
        "Q3",
        "H1",
        "ſecond half",
        " ",
        "x",
        "至",
        "-",
        "3",
        "月",
        "的",
    ]
)


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in pattern.finditer(text)]


@settings(max_examples=300)
@given(st.lists(_PIECES, min_size=1, max_size=8), st.integers(0, 3))
def test_the_period_pattern_matches_what_its_words_match(
    parts: list[str], skip: int
) -> None:
    text = "".join(parts)
    words = re.compile(context._PERIOD_WORDS)
    assert _spans(context._PERIOD, text) == _spans(words, text)
    for at in range(min(skip, len(text)), len(text) + 1):
        ours, theirs = context._PERIOD.match(text, at), words.match(text, at)
        assert (ours and ours.span()) == (theirs and theirs.span()), (text, at)


@settings(max_examples=200)
@given(st.text(min_size=0, max_size=40))
def test_the_period_pattern_agrees_on_any_text(text: str) -> None:
    words = re.compile(context._PERIOD_WORDS)
    assert _spans(context._PERIOD, text) == _spans(words, text)
