"""Patterns led by a test of their first character match as they did without it.

Some of the reader's patterns (issue 20) start with a lookahead listing every
character their words may start with, so that most places of a text fail at
one test.  At every place they must match exactly what the words alone match.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from industrial_plan._figures import context, currency_names, gates, lexicon, parse
from industrial_plan._figures.lexicon import _lexicon

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


_LEAD_PARTS = [
    *sorted(parse._PREFIX_TABLE),
    *lexicon._EN_CHANGES,
    *lexicon._ZH_CHANGES,
    *lexicon._MULTIPLES,
    "比2020年",
    "占全省的比重",
    "占比",
    "a share of",
    "每万人口",
    "人均",
    "+5",
    "预计",
    "preliminary ",
    "以上",
    "左右",
    " per 10,000 people",
    " from 2020 levels",
    " of GDP.",
    "（约合",
    " (",
    "$",
    "US$",
    "CN¥",
    "RMB ",
    "人民币",
    "euro",
    "-",
    "－",
    "赤字",
    "亏损",
    "a deficit of ",
    "百分之",
    "亿元",
    "元",
    "美元",
    " yuan",
    " US dollars",
    "千瓦",
    "个百分点",
    " percentage points",
    " per cent",
    "%",
    "％",
    "家",
    "个",
    "件",
]
_GATED = st.lists(
    st.sampled_from(_LEAD_PARTS) | st.sampled_from([" ", "x", "5", "亿元", "%", "的"]),
    min_size=1,
    max_size=5,
)


@pytest.mark.parametrize(
    ("gate", "steps", "exact"),
    [
        (parse._LEADS, parse._LEAD_STEPS, True),
        (parse._TRAILS, parse._TRAIL_STEPS, True),
        (parse._before_number(), parse._before_number_steps(), False),
        (parse._after_number(), parse._after_number_steps(), False),
    ],
    ids=[
        "words before a number",
        "after a unit",
        "just before a number",
        "just after a number",
    ],
)
@settings(max_examples=200)
@given(parts=_GATED, upper=st.booleans())
def test_a_gate_matches_where_one_of_its_steps_does(
    gate: re.Pattern[str],
    steps: tuple[re.Pattern[str], ...],
    exact: bool,
    parts: list[str],
    upper: bool,
) -> None:
    """Where a gate does not match, no step does: the steps are skipped there.
    The gates of the currency names ask only for a first character, so they
    may match where no step does; the others match exactly where one does."""
    text = "".join(parts)
    text = text.upper() if upper else text
    for at in range(len(text) + 1):
        any_step = any(step.match(text, at) is not None for step in steps)
        opened = gate.match(text, at) is not None
        assert opened == any_step if exact else opened or not any_step, (text, at)


@pytest.mark.parametrize("side", ["prefix", "suffix"])
@settings(max_examples=200)
@given(data=st.data(), upper=st.booleans(), after=st.sampled_from(["", " x", "5"]))
def test_every_currency_name_starts_with_a_gated_character(
    side: str, data: st.DataObject, upper: bool, after: str
) -> None:
    """The first-character class of a side's names opens wherever one of its
    names matches, in any case."""
    prefix, suffix, _ = currency_names.shipped_tables()
    names = sorted((prefix if side == "prefix" else suffix).values())
    name = data.draw(st.sampled_from(names))
    text = (name.upper() if upper else name) + after
    lexicon = _lexicon()
    pattern = lexicon.prefix if side == "prefix" else lexicon.suffix
    start = lexicon.prefix_start if side == "prefix" else lexicon.suffix_start
    if pattern.match(text):
        assert start.match(text), text


def test_the_first_characters_are_few() -> None:
    """The classes stay small: that is what makes the gates cheap to build."""
    lexicon = _lexicon()
    for start in (lexicon.prefix_start, lexicon.suffix_start):
        assert len(start.pattern) < 1000


def test_a_gate_refuses_patterns_that_would_change_inside_it() -> None:
    for pattern in (r"(?P<year>[0-9]{4})", r"(a)\1", r"(?P<x>a)(?P=x)"):
        with pytest.raises(ValueError, match="cannot gate"):
            gates.any_of(re.compile(pattern))
    with pytest.raises(ValueError, match="cannot gate"):
        gates.any_of(re.compile("a", re.MULTILINE))
    gate = gates.any_of(re.compile("ab", re.IGNORECASE), re.compile("c"))
    assert gate.match("AB") is not None
    assert gate.match("c") is not None
    assert gate.match("C") is None


def _periods_read_everywhere(
    text: str, start: int, end: int
) -> list[tuple[int, int, object]]:
    """The periods of ``text[start:end]`` read around every hint with the
    period's words alone: how they were read before hints were passed over."""
    words = re.compile(context._PERIOD_WORDS)
    matches: dict[tuple[int, int], re.Match[str]] = {}
    for hint in context._PERIOD_HINT.finditer(text, start, end):
        at = hint.start()
        left = max(start, at - context._AROUND_PERIOD)
        right = min(end, hint.end() + context._AROUND_PERIOD)
        for match in words.finditer(text, left, right):
            if match.start() <= at < match.end():
                matches.setdefault(match.span(), match)
    found = []
    last = start
    for span in sorted(matches):
        if span[0] < last:
            continue
        last = span[1]
        period = context._period_of(matches[span])
        if period is not None:
            found.append((*span, period))
    return found


_AROUND_HINTS = _PIECES | st.sampled_from(
    ["年月", "年", "两", "个", "上", "半年", "季", "  ", "\u3000", "前", "十", "第"]
)


@settings(max_examples=400)
@given(st.lists(_AROUND_HINTS, min_size=1, max_size=10), st.data())
def test_periods_passed_over_are_none_the_words_would_read(
    parts: list[str], data: st.DataObject
) -> None:
    text = "".join(parts)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    ours = [(p.start, p.end, p.period) for p in context.periods_in(text, start, end)]
    assert ours == _periods_read_everywhere(text, start, end), (text, start, end)


_REPORTED = st.sampled_from(
    [
        "全年",
        "当年",
        "本年",
        "年末",
        "年底",
        "比上年",
        "较上年",
        "同比",
        "上年同期",
        "Throughout the year",
        "for the full year",
        "FOR THE WHOLE YEAR",
        "the whole year",
        "at the end of the year",
        "year-end",
        "Year on year",
        "over the previous year",
        "compared with the previous year",
        "from a year ago",
        "over the same period of last year",
        "ſ",
        "K",
        "İ",
        " ",
        "x",
        "年",
    ]
)


@pytest.mark.parametrize(
    ("gated", "words"),
    [
        (context._REPORTED_YEAR, context._REPORTED_YEAR_WORDS),
        (context._PREVIOUS_YEAR, context._PREVIOUS_YEAR_WORDS),
    ],
    ids=["reported year", "previous year"],
)
@settings(max_examples=300)
@given(parts=st.lists(_REPORTED, min_size=1, max_size=6), noise=st.text(max_size=6))
def test_a_year_pattern_finds_what_its_words_find(
    gated: re.Pattern[str], words: str, parts: list[str], noise: str
) -> None:
    text = noise.join(parts)
    plain = re.compile(words)
    for at in range(len(text) + 1):
        ours, theirs = gated.search(text, at), plain.search(text, at)
        assert (ours and ours.span()) == (theirs and theirs.span()), (text, at)


# -- the sentence's words: roles, estimates, period hints --------------------------

_ROLE_PIECES = st.sampled_from(
    [
        "will",
        "Will",
        "WILL",
        "was",
        "were",
        "aims",
        "aiming",
        "targeted",
        "plans to",
        "plans\nto",
        "is expected to",
        "year-on-year",
        "ſtood",
        "ıs set to",
        "totalled",
        "hit",
        "力争",
        "已将",
        "将近",
        "将",
        "要求",
        "已",
        "要已",
        "比上年",
        "年末",
        "预计",
        "preliminary",
        "an  expected",
        "estimated",
        "初步核算",
        "前三季度",
        "first half",
        "March",
        "8 月份",
        " ",
        ", ",
        "。",
        ".",
        "x",
        "_",
        "5",
        "的",
        "(",
    ]
)
_ROLE_WORDS = re.compile(
    rf"(?P<target>{context._ZH_TARGET_WORDS}"
    rf"|(?i:\b(?:{context._EN_TARGET_WORDS})\b))"
    rf"|(?P<observed>{context._ZH_OBSERVED_WORDS}"
    rf"|(?i:\b(?:{context._EN_OBSERVED_WORDS})\b))"
)


@settings(max_examples=400)
@given(st.lists(_ROLE_PIECES, max_size=10).map("".join), st.data())
def test_the_role_words_are_found_where_the_words_alone_are(
    text: str, data: st.DataObject
) -> None:
    """cues_in, which finds an English word from the character before it and
    by its first letter, finds what the plain words find, from any start."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    expected = [
        (m.start(), m.lastgroup == "target")
        for m in _ROLE_WORDS.finditer(text, start, end)
    ]
    assert [tuple(cue) for cue in context.cues_in(text, start, end)] == expected


@settings(max_examples=300)
@given(st.lists(_ROLE_PIECES, max_size=10).map("".join))
def test_gated_sentence_words_match_what_their_words_match(text: str) -> None:
    estimate = re.compile(context._ESTIMATE.pattern.split(")", 1)[1])
    assert _spans(context._ESTIMATE, text) == _spans(estimate, text)
    hint = re.compile(context._VIABLE_HINT.pattern.split(")", 1)[1])
    assert _spans(context._VIABLE_HINT, text) == _spans(hint, text)


@given(st.text(min_size=1, max_size=3))
def test_the_first_characters_cover_every_case_folding(letters: str) -> None:
    """first_chars lets through every character IGNORECASE matches a letter to."""
    letters = "".join(c for c in letters if c.isascii() and c.isalpha()) or "s"
    gate = re.compile(gates.first_chars("", letters))
    for letter in letters:
        for code in (*range(0x250), 0x1E9E, 0x212A, 0x212B):
            char = chr(code)
            if re.fullmatch(f"(?i:{letter})", char):
                assert gate.match(char), (letter, char)


def test_words_by_first_letter_keep_their_kinds_and_refuse_others() -> None:
    pattern = re.compile(gates.by_first_letter(a="will|was", b="were|aims?"))
    found = [(m.group(), m.lastgroup) for m in pattern.finditer("Will aim WERE was")]
    assert found == [("Will", "a_w"), ("aim", "b_a"), ("WERE", "b_w"), ("was", "a_w")]
    with pytest.raises(ValueError, match="does not start with a letter"):
        gates.by_first_letter(a="5x")
    assert gates.initials("will|Was", "aims?|year[- ]on") == "way"


_YEAR_PIECES = st.sampled_from(
    [
        "2023",
        "1999",
        "2019-2025",
        "2021—",
        "到",
        "截至",
        "力争在",
        "争取到",
        "在",
        "年",
        "年底",
        "的",
        " ",
        "\n",
        "by the end of ",
        "BY ",
        "ın ",
        "as of ",
        "the ",
        "from ",
        "since ",
        "x",
        "5",
        "-",
        "至",
    ]
)


@settings(max_examples=300)
@given(st.lists(_YEAR_PIECES, max_size=8).map("".join))
def test_the_year_patterns_match_what_their_words_match(text: str) -> None:
    for pattern in (context._ZH_YEAR, context._EN_YEAR):
        words = re.compile(pattern.pattern.split(")", 1)[1])
        assert _spans(pattern, text) == _spans(words, text)


@settings(max_examples=500)
@given(
    st.lists(
        st.sampled_from(
            [
                "第",
                "No.",
                "no. ",
                "#",
                "a",
                "Z",
                "-",
                "+",
                "5",
                "Jan",
                "sept",
                "MAR. ",
                " ",
                "\n",
                "年",
                "，",
                "ſ",
                "K",
            ]
        ),
        max_size=3,
    ).map("".join),
    st.characters(),
)
def test_words_before_a_number_end_with_a_character_the_reader_checks(
    head: str, last: str
) -> None:
    """The reader searches the four characters before a number for an ordinal
    or a name (第3, "No. 5") only after a character such words may end with."""
    from industrial_plan._figures import spans

    for before in ((head + last)[-4:], head[-4:]):
        if before and spans._NOT_BEFORE.search(before):
            end = before[-1]
            assert end in spans._NOT_BEFORE_ENDS or end.isspace(), before


def test_every_character_a_word_before_a_number_may_end_with_is_checked() -> None:
    from industrial_plan._figures import spans

    for code in range(0x30000):
        char = chr(code)
        if char in spans._NOT_BEFORE_ENDS or char.isspace():
            continue
        for head in ("第", "No.", "#", "a", "5-", "Jan", "a-", "+"):
            assert not spans._NOT_BEFORE.search((head + char)[-4:]), repr(char)
