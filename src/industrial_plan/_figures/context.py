"""What the words around a figure say: its years, period, role and estimate.

These are the rules :func:`~industrial_plan.find_figures` reads a sentence
with; each is a pattern here, named in the reference page and tested in
both languages.  A rule that does not apply leaves its field ``None``:
nothing is guessed.

- **Years.** A year just before a Chinese figure ("2019年的2.1%") or just
  after an English one ("2.1% in 2019") is its own; otherwise the nearest
  year stated before it in the sentence ("到2025年，…" carried through the
  sentence and its list), except the first year of a pair ("从2019年的…提升
  至…", "from … in 2019 to"), which is the second figure's base year.  A
  range ("2021-2025年") gives its last year, and the year before its first as
  the base.  Words that mean the year being reported (全年, 当年, 年末,
  比上年, 同比, "throughout the year", "year on year") take the last year the
  document stated of what happened.
- **Base year.** The figure's own (比2020年); the year before its year for
  比上年, 同比, 较上年, "year on year", "over the previous year"; the first
  year of a pair or a range.
- **Period.** 一季度, 前三季度, 上半年, 1-8月, 前8个月, 8月份; "first quarter",
  "first three quarters", "first half", "January-August", "first eight
  months": the nearest one before the figure in its sentence, or the one
  just after an English figure.
- **Role.** A target for 到/至 a year, "by" a year, and 力争, 争取, 确保, 将, 目标,
  计划, 预期, "will", "aim", "target", "strive", "plan to", "is expected to";
  an observation for 比上年, 同比, 完成, 已, 全年 and the past tense ("reached",
  "grew", "rose", "fell", "was", "year on year").  The nearest word before
  the figure in its sentence decides; then one after it.
- **Estimate.** 预计, 初步核算, 初步统计, 估计, "preliminary", "estimated", "an
  expected" in the sentence before the figure, and 约 in the words of a
  figure that happened.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Final, NamedTuple

from .gates import by_first_letter, first_chars, initials
from .period import Period

# -- years -----------------------------------------------------------------------

_YEAR = r"(?:19|20|21)[0-9]{2}"
# Each year pattern is led by the characters its matches may start with (a
# word, a space, a year's first digit): most places of the window around a
# year fail at that one test.
_ZH_YEAR: Final = re.compile(
    r"(?=[到至截力争在12\s])"
    rf"(?P<to>到|至|截至|截止到|截止|力争到|力争在|争取到|在)?\s*"
    rf"(?:(?P<first>{_YEAR})\s*[-—–~至到]\s*)?(?P<year>{_YEAR})\s*年"
    r"(?P<suffix>底|末|前|以前|内|初)?(?P<of>的)?"
)
_EN_YEAR: Final = re.compile(
    first_chars("12", "butidfaeso")
    + rf"(?i:(?P<to>by\s+the\s+end\s+of|by|until|till|through|to|in|during|for|"
    rf"as\s+of|at\s+the\s+end\s+of|end\s+of|from|since|of)\s+)?(?:the\s+)?"
    rf"(?:(?P<first>{_YEAR})\s*[-—–]\s*)?(?P<year>{_YEAR})(?![0-9])"
)
_TARGET_YEAR_WORDS: Final = frozenset(
    {"到", "至", "力争到", "力争在", "争取到", "by", "by the end of", "until", "till"}
)
_LEVEL_VERB_ENDS: Final = ("升", "高", "加", "长", "降", "低", "少", "大", "增")
# Words comparing with the year before (比上年); they also mean the year being
# reported, as do the words of a whole year (全年, "throughout the year").
_PREVIOUS_YEAR_WORDS = (
    r"比上年|较上年|同比|上年同期"
    r"|(?i:year[- ]on[- ]year|over\s+the\s+previous\s+year"
    r"|compared\s+with\s+the\s+previous\s+year|from\s+a\s+year\s+(?:earlier|ago)"
    r"|over\s+the\s+same\s+period\s+(?:of\s+)?last\s+year)"
)
_PREVIOUS_YEAR: Final = re.compile(
    first_chars("比较同上", "yocf") + f"(?:{_PREVIOUS_YEAR_WORDS})"  # as _REPORTED_YEAR
)
_REPORTED_YEAR_WORDS: Final = (
    r"全年|当年|本年|年末|年底"
    r"|(?i:throughout\s+the\s+year|for\s+the\s+(?:full\s+|whole\s+)?year"
    r"|the\s+whole\s+year|at\s+the\s+end\s+of\s+the\s+year|year-end)"
    rf"|{_PREVIOUS_YEAR_WORDS}"
)
# The first characters of those words, tried first: a sentence is searched
# for them whole, and most of its places fail at this one test (2.4 times as
# fast over report text).
_REPORTED_YEAR: Final = re.compile(
    first_chars("全当本年比较同上", "tfayoc") + f"(?:{_REPORTED_YEAR_WORDS})"
)


class YearWords(NamedTuple):
    """A year stated in a sentence, and how (a tuple: made for every year)."""

    start: int
    end: int
    year: int
    first: int | None  # a range's first year
    target: bool  # 到2025年, by 2027
    opens_pair: bool  # 从2019年的…, from … in 2019 (the first of a pair)


# Where a year's digits stand.  The patterns above are read only around
# these, from a little before them: most of a sentence holds no year, and
# patterns that may start with optional words are slow to try everywhere.
_YEAR_DIGITS: Final = re.compile(rf"(?<![0-9]){_YEAR}(?![0-9])")
_BEFORE_YEAR: Final = 32
_YEAR_MARK: Final = re.compile(r"\s*年")


def _year_matches(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The matches of the year patterns whose year is one of the text's years."""
    found = []
    for digits in _YEAR_DIGITS.finditer(text, start, end):
        at = digits.start()
        left = max(start, at - _BEFORE_YEAR)
        right = min(end, digits.end() + 8)
        # A Chinese year is followed by 年: where it is not, its pattern is
        # not tried (half the work of an English year).
        match = None
        if _YEAR_MARK.match(text, digits.end(), right) is not None:
            match = _year_at(_ZH_YEAR, text, left, right, at)
        if match is None:
            match = _year_at(_EN_YEAR, text, left, right, at)
        if match is not None:
            found.append(match)
    return found


def _year_at(
    pattern: re.Pattern[str], text: str, left: int, right: int, at: int
) -> re.Match[str] | None:
    """The match of *pattern* in ``text[left:right]`` whose year starts at *at*."""
    for match in pattern.finditer(text, left, right):
        if match.start("year") == at:
            return match
    return None


def years_in(text: str, start: int, end: int) -> list[YearWords]:
    """The years stated in ``text[start:end]``, in order."""
    found: list[YearWords] = []
    for match in _year_matches(text, start, end):
        # A bare number in English is a year only beside year words.
        bare = match.re is _EN_YEAR and match.group("to") is None
        if bare and not _bare_english_year(text, match):
            continue
        word = (match.group("to") or "").lower()
        word = " ".join(word.split())
        before = text[max(start, match.start() - 2) : match.start()]
        if word in ("至", "到") and before.endswith(_LEVEL_VERB_ENDS):
            word = ""  # 提升至2023年的2.6%: the level's verb, not "by 2023"
        first = match.group("first")
        found.append(
            YearWords(
                match.start(),
                match.end(),
                int(match.group("year")),
                int(first) if first else None,
                word in _TARGET_YEAR_WORDS,
                word == "from" or before.endswith(("从", "由")),
            )
        )
    found.sort(key=lambda y: y.start)
    return found


_EN_YEAR_BESIDE: Final = re.compile(r"\s*(?:,|\))|\s+(?:levels?|figures?)\b")


def _bare_english_year(text: str, match: re.Match[str]) -> bool:
    """ "2023" alone: a year at the start of a sentence or before a comma."""
    before = text[max(0, match.start() - 2) : match.start()]
    return not before.strip() or _EN_YEAR_BESIDE.match(text, match.end()) is not None


# -- periods -----------------------------------------------------------------------

_CN_SMALL: Final = {c: i for i, c in enumerate("一二三四五六七八九十", 1)}
_CN_SMALL["两"] = 2
_MONTH_NAMES: Final = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_EN_ORDINALS: Final = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_EN_COUNTS: Final = {
    word: number
    for number, word in enumerate(
        [
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
        ],
        1,
    )
}
_M = r"(?:[0-9]{1,2}|十[一二]?|[一二三四五六七八九])"
_MONTH = "|".join(_MONTH_NAMES)
_PERIOD_WORDS: Final = (
    rf"(?P<zq>第?(?P<zqn>[一二三四1-4])季度)"
    rf"|(?P<zqs>前(?P<zqsn>[二两三2-3])(?:个)?季度)"
    rf"|(?P<zh>[上下])半年"
    rf"|(?P<zr>(?P<zm1>{_M})\s*[-—–~至到]\s*(?P<zm2>{_M})\s*月(?:份)?)"
    rf"|(?P<zf>前(?P<zfn>{_M})(?:个)?月)"
    rf"|(?P<zm>(?<![0-9至到\-—–~])(?P<zmn>{_M})\s*月份)"
    r"|(?i:(?P<eq>(?P<eqn>first|second|third|fourth)\s+quarter)"
    r"|(?P<eqs>first\s+(?P<eqsn>two|three)\s+quarters)"
    r"|(?P<eh>(?P<ehn>first|second)\s+half)"
    rf"|(?P<er>(?P<em1>{_MONTH})\s*(?:-|–|—|to|through)\s*(?P<em2>{_MONTH}))"
    r"|(?P<ef>first\s+(?P<efn>two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|[0-9]{1,2})\s+months)"
    r"|(?P<eqc>\bQ(?P<eqcn>[1-4])\b)|(?P<ehc>\bH(?P<ehcn>[12])\b))"
)
# Every period starts with one of these characters (the English words in any
# case, as the words ignore case).  Tried first, the one test fails at most
# places of a window instead of the dozen branches (a third of the time of
# hostile text full of 月 went to trying them).
_PERIOD_FIRST: Final = first_chars(
    "第一二三四五六七八九十0123456789前上下", "fstjmaondqh"
)
_PERIOD: Final = re.compile(f"{_PERIOD_FIRST}(?:{_PERIOD_WORDS})")


def _month(word: str) -> int:
    if word.isdigit():
        return int(word)
    if word.lower() in _MONTH_NAMES:
        return _MONTH_NAMES.index(word.lower()) + 1
    if word.lower() in _EN_COUNTS:
        return _EN_COUNTS[word.lower()]
    if word.startswith("十"):
        return 10 + (_CN_SMALL[word[1]] if len(word) > 1 else 0)
    return _CN_SMALL[word]


def _quarter(word: str) -> int:
    return _EN_ORDINALS.get(word.lower()) or _month(word)


def _period_of(match: re.Match[str]) -> Period | None:
    group = match.group
    try:
        if group("zq") or group("eq") or group("eqc"):
            n = _quarter(group("zqn") or group("eqn") or group("eqcn"))
            return Period(3 * n - 2, 3 * n)
        if group("zqs") or group("eqs"):
            return Period(1, 3 * _month(group("zqsn") or group("eqsn")))
        if group("zh"):
            return Period(1, 6) if group("zh") == "上" else Period(7, 12)
        if group("eh") or group("ehc"):
            first = (group("ehn") or "").lower() == "first" or group("ehcn") == "1"
            return Period(1, 6) if first else Period(7, 12)
        if group("zr") or group("er"):
            return Period(
                _month(group("zm1") or group("em1")),
                _month(group("zm2") or group("em2")),
            )
        if group("zf") or group("ef"):
            return Period(1, _month(group("zfn") or group("efn")))
        if group("zm"):
            month = _month(group("zmn"))
            return Period(month, month)
    except (ValueError, KeyError):
        return None  # 13月, 1-12月 (a whole year), 9-3月: not a period
    return None


class PeriodWords(NamedTuple):
    """A part of a year stated in a sentence."""

    start: int
    end: int
    period: Period


# Every period's words hold one of these.  The period pattern is read only
# around them: most of a sentence holds no period, and the pattern is slow to
# try everywhere.  Case is spelled out so that the search runs on a literal.
_EN_HINTS: Final = r"quarter|Quarter|half|Half|months|Months|Q[1-4]|H[12]|" + "|".join(
    f"{name}|{name.capitalize()}" for name in _MONTH_NAMES
)
_PERIOD_HINT: Final = re.compile(rf"[季月]|半年|{_EN_HINTS}")
_AROUND_PERIOD: Final = 24

# What stands just before a Chinese hint in every period's words that hold it:
# a month's number (spaces may come between, "8 月份"), a quarter's (一季度,
# 前两个季度), 上 or 下 before 半年.  A hint without it is passed over: the
# 年月 of dates and names holds no period, and trying the pattern around each
# was most of the work on text full of them.
_BEFORE_HINT: Final = {
    "月": frozenset("0123456789十一二三四五六七八九个"),
    "季": frozenset("一二三四两1234个"),
    "半年": frozenset("上下"),
}


def _may_hold(text: str, left: int, at: int, hint: str) -> bool:
    """Whether a period starting at or after *left* may hold *hint* at *at*."""
    before = _BEFORE_HINT.get(hint)
    if before is None:
        return True  # the English words: read around
    back = at
    if hint == "月":
        while back > left and text[back - 1].isspace():
            back -= 1
    return back > left and text[back - 1] in before


# The hints with the character before each Chinese one tested in the pattern
# (a space before 月 is walked over in :func:`_may_hold`), so that the 年月 of
# hostile text is passed over without a step in Python for each.
_VIABLE_HINT: Final = re.compile(
    first_chars("月季半", "qhmjfasond")
    + r"(?:(?<=[0-9十一二三四五六七八九个\s])月|(?<=[一二三四两1234个])季"
    r"|(?<=[上下])半年|" + _EN_HINTS + ")"
)


def periods_in(text: str, start: int, end: int) -> list[PeriodWords]:
    """The parts of a year stated in ``text[start:end]``, in order."""
    matches: dict[tuple[int, int], re.Match[str]] = {}
    for hint in _VIABLE_HINT.finditer(text, start, end):
        at = hint.start()
        left = max(start, at - _AROUND_PERIOD)
        if not _may_hold(text, left, at, hint.group()):
            continue
        right = min(end, hint.end() + _AROUND_PERIOD)
        for match in _PERIOD.finditer(text, left, right):
            if match.start() <= at < match.end():
                matches.setdefault(match.span(), match)
    found = []
    last = start
    for span in sorted(matches):
        if span[0] < last:
            continue  # inside one already read
        last = span[1]
        match = matches[span]
        period = _period_of(match)
        if period is not None:
            found.append(PeriodWords(match.start(), match.end(), period))
    return found


# -- roles and estimates ----------------------------------------------------------

_ZH_TARGET_WORDS = (
    r"力争|争取|确保|(?<!已)将(?!近)|目标|计划|预期|力求|努力|要(?=[\u4e00-\u9fff])"
)
_EN_TARGET_WORDS = (
    r"will|aims?|aiming|targets?|targeted|strives?|plans?\s+to|is\s+expected\s+to"
    r"|are\s+expected\s+to|goal|seeks?\s+to|is\s+set\s+to|should"
)
_ZH_OBSERVED_WORDS = (
    r"比上年|较上年|同比|上年同期|完成|已经|(?<![将要])已|全年实现|年末|年底"
)
_EN_OBSERVED_WORDS = (
    r"reached|grew|rose|fell|increased|decreased|declined|dropped|was|were"
    r"|totall?ed|stood|year[- ]on[- ]year|hit|climbed|jumped|expanded|recorded"
    r"|posted"
)
_ZH_ROLE_STARTS: Final = "力争确将目计预努要比较同上完已全年"
_EN_ROLE_STARTS: Final = initials(_EN_TARGET_WORDS, _EN_OBSERVED_WORDS)
# Each English word stands alone (between word boundaries), case aside.
_ROLE: Final = re.compile(
    first_chars(_ZH_ROLE_STARTS, _EN_ROLE_STARTS)
    + rf"(?:(?P<target>{_ZH_TARGET_WORDS}|(?i:\b(?:{_EN_TARGET_WORDS})\b))"
    + rf"|(?P<observed>{_ZH_OBSERVED_WORDS}|(?i:\b(?:{_EN_OBSERVED_WORDS})\b)))"
)
# The same words, an English one found from the character before it (a space,
# a comma: what its boundary means), and grouped by its first letter.  The
# engine tries the words at nearly every letter of an English sentence, and
# the character before a word at one in six; and it cannot skip a word that
# ignores case by its first letter.  An English word starts one character
# after the match; a group's name starts with its kind.
_ROLE_AFTER: Final = re.compile(
    rf"(?=[{_ZH_ROLE_STARTS}\W])(?:(?=[{_ZH_ROLE_STARTS}])(?:(?P<target>{_ZH_TARGET_WORDS})"
    rf"|(?P<observed>{_ZH_OBSERVED_WORDS}))|\W"
    + by_first_letter(target=_EN_TARGET_WORDS, observed=_EN_OBSERVED_WORDS)
    + r"\b)"
)
_ESTIMATE: Final = re.compile(
    first_chars("预初估", "peai") + r"(?:预计|初步核算|初步统计|初步测算|估计|预估"
    r"|(?i:\bpreliminary\b|\bpreliminarily\b|\bestimated?\b|\ban\s+expected\b"
    r"|\bis\s+expected\s+to\s+have\b))"
)


class Cue(NamedTuple):
    """A word saying aimed at or happened; a tuple, as a sentence makes many."""

    start: int
    target: bool


def cues_in(text: str, start: int, end: int) -> list[Cue]:
    """The words of ``text[start:end]`` that say aimed at or happened."""
    if start == 0:  # no character before a word at the start
        return [
            Cue(m.start(), m.lastgroup == "target")
            for m in _ROLE.finditer(text, start, end)
        ]
    # From the character before the sentence when it may come before a word
    # (no word, Chinese or English, starts with such a character).
    at = start - 1 if _NON_WORD.match(text, start - 1) else start
    cues = []
    for match in _ROLE_AFTER.finditer(text, at, end):
        kind: str = match.lastgroup  # type: ignore[assignment]
        # An English word's group is named for its kind and first letter.
        cues.append(Cue(match.start() + ("_" in kind), kind.startswith("t")))
    return cues


_NON_WORD: Final = re.compile(r"\W")


def estimates_in(text: str, start: int, end: int) -> list[int]:
    """Where ``text[start:end]`` says an estimate follows."""
    return [m.start() for m in _ESTIMATE.finditer(text, start, end)]


def last_before(items: Sequence[int], at: int) -> int | None:
    """Index of the last of the sorted *items* before *at*, or None."""
    index = bisect.bisect_left(items, at) - 1
    return index if index >= 0 else None


def reported_year_said(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` speaks of the year being reported."""
    return _REPORTED_YEAR.search(text, start, end) is not None


def previous_year_said(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` compares with the year before (比上年)."""
    return _PREVIOUS_YEAR.search(text, start, end) is not None
