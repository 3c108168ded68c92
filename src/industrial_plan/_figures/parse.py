"""Read one figure stated in English or Chinese text: :func:`parse_figure`.

The parser is a small hand-written scanner over the text.  It never evaluates
anything: numbers become :class:`~decimal.Decimal` from validated digit
strings, and unit words are looked up one by one with pint's name lookup
(``parse_unit_name``), never handed to pint's expression parser, which would
compute ``9**9**8`` with Python integers.  Every regular expression is linear
(no nested repetition), inputs are capped in length and digits, so any text
parses or fails with :class:`ParseError` in well under a millisecond.

A figure reads, in order::

    [qualifiers] [-] [currency symbol or code] number [scale] [currency or unit]
    [Chinese suffix qualifier] [(stated equivalent)] [.]

for example "more than about 2 trillion yuan", "CN¥3T", "超过约2万亿元",
"2万亿元以上" or "3 trillion yuan ($442.2 billion)".
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Final

import attrs
import babel.numbers

from industrial_plan._errors import ParseError
from industrial_plan._money.units import (
    CURRENCIES,
    SCALE_WORDS,
    Quantity,
    currency_code,
    currency_of,
    exact_arithmetic,
    quantity_of,
    tidy,
    ureg,
)

from .figure import (
    MEASURE_WORDS,
    Change,
    Figure,
    Qualifier,
    Source,
    is_percent,
    plain_figure,
)

_MAX_LENGTH: Final = 1000
"""Longest text accepted; a stated figure is a phrase, not a document."""

_MAX_DIGITS: Final = 40
"""Most digits in one number: far beyond any stated figure, far below trouble."""

_MAX_WORD: Final = 40
"""Longest unit word looked up in the registry."""

_MAX_NUMERAL: Final = 100
"""Longest Chinese numeral: two signs a digit and then some, for 40 digits."""

# -- the fixed vocabulary -------------------------------------------------------

_EN_QUALIFIERS: Final[Mapping[Qualifier, tuple[str, ...]]] = {
    Qualifier.MORE_THAN: (
        "exceeded",
        "exceeding",
        "exceeds",
        "over",
        "more than",
        "above",
        "topped",
        "tops",
        "surpassed",
        "surpassing",
        "surpasses",
    ),
    Qualifier.AT_LEAST: ("at least", "no less than", "not less than"),
    Qualifier.ABOUT: (
        "about",
        "around",
        "approximately",
        "roughly",
        "some",
        "~",
    ),
    Qualifier.AT_MOST: ("up to", "at most", "no more than", "not more than"),
    Qualifier.LESS_THAN: ("less than", "under", "below"),
    Qualifier.EXACT: (
        "reached",
        "reaching",
        "totalled",
        "totaled",
        "of",
        "was",
        "stood at",
        "hit",
    ),
}

_ZH_QUALIFIERS: Final[Mapping[Qualifier, tuple[str, ...]]] = {
    Qualifier.MORE_THAN: ("超过", "逾", "超", "突破", "高于", "多于"),
    Qualifier.AT_LEAST: ("至少", "不少于", "不低于"),
    Qualifier.ABOUT: ("约", "大约"),
    Qualifier.AT_MOST: ("至多", "最多", "不超过", "不高于"),
    Qualifier.LESS_THAN: ("不到", "少于", "低于", "不足"),
    Qualifier.EXACT: ("达到", "达", "为", "实现", "控制在", "保持在", "完成"),
}

# "Nearly" is about the value, from below: an approximate upper bound.
_NEARLY: Final = ("nearly", "almost", "近", "将近", "接近")

# Chinese qualifiers that follow the figure: "2万亿元以上".
_ZH_SUFFIX_QUALIFIERS: Final[Mapping[str, Qualifier]] = {
    # 以上 includes the number itself, as Chinese statistics and law read it.
    "以上": Qualifier.AT_LEAST,
    "左右": Qualifier.ABOUT,
    "以内": Qualifier.AT_MOST,
}

_LOWER_BOUNDS: Final = frozenset({Qualifier.MORE_THAN, Qualifier.AT_LEAST})
_UPPER_BOUNDS: Final = frozenset({Qualifier.AT_MOST, Qualifier.LESS_THAN})

# Symbols babel does not give, or gives for other locales than ours.
_HAND_SYMBOLS: Final[Mapping[str, frozenset[str]]] = {
    "$": frozenset({"USD"}),
    "US$": frozenset({"USD"}),
    "CN¥": frozenset({"CNY"}),
    "RMB¥": frozenset({"CNY"}),
    "HK$": frozenset({"HKD"}),
    "€": frozenset({"EUR"}),
    "£": frozenset({"GBP"}),
    "¥": frozenset({"CNY", "JPY"}),
    "￥": frozenset({"CNY", "JPY"}),
}

# Locales in which a bare yen sign means one currency.
_YEN_BY_LANGUAGE: Final[Mapping[str, str]] = {"zh": "CNY", "ja": "JPY"}

_SYMBOL_LOCALES: Final = ("en", "zh_CN")
"""Locales whose currency symbols we read: those the formatter writes."""

_ENGLISH_SCALE_WORDS: Final = ("thousand", "million", "billion", "trillion")

_COMPACT_SCALES: Final[Mapping[str, str]] = {
    "K": "thousand",
    "M": "million",
    "B": "billion",
    "T": "trillion",
}

# A Chinese multiplier after a number: (factor, registry scale word).  Only
# 千 万 亿 万亿 are registry units; the others fold a factor into the number,
# so "5千亿" is stated as 5000 亿 and keeps its exact value.
_CHINESE_SCALES: Final[Mapping[str, tuple[int, str | None]]] = {
    "万亿": (1, "万亿"),
    "千亿": (1000, "亿"),
    "百亿": (100, "亿"),
    "十亿": (10, "亿"),
    "亿": (1, "亿"),
    "千万": (1000, "万"),
    "百万": (100, "万"),
    "十万": (10, "万"),
    "万": (1, "万"),
    "千": (1, "千"),
    "百": (100, None),
}

_SCALE_VALUES: Final[Mapping[str, int]] = {"万亿": 10**12, "亿": 10**8, "万": 10**4}

_CN_DIGITS: Final[Mapping[str, int]] = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_ZEROS: Final = "零〇"
_CN_PLACES: Final[Mapping[str, int]] = {"十": 10, "百": 100, "千": 1000}

# -- patterns (all linear: no repetition nested inside repetition) --------------

_SPACE = re.compile(r"\s*")
_SIGN = re.compile(r"[-−－]")
_ARABIC = re.compile(r"[0-9０-９]+(?:[,，][0-9０-９]+)*(?:[.．][0-9０-９]+)?")
_GROUPED = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")
_EXPONENT = re.compile(r"[eE][-+]?[0-9]")
_COMPACT = re.compile(r"[KMBT](?![A-Za-z0-9])")
_ENGLISH_SCALE = re.compile(
    r"\s*(thousand|million|billion|trillion)s?(?![A-Za-z0-9])", re.IGNORECASE
)
_CHINESE_SCALE = re.compile(
    r"\s*(" + "|".join(sorted(_CHINESE_SCALES, key=len, reverse=True)) + ")"
)
_CHINESE_NUMERAL = re.compile(r"[零〇一二两三四五六七八九十百千万亿点]+")
_NUMBER_START = re.compile(r"[0-9０-９零〇一二两三四五六七八九十]")
# A unit word: letters of any script but the CJK ones, which are Chinese words
# (以上, 左右) rather than unit symbols.
_LETTERS = r"(?:(?![\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef])[^\W\d_])+"
_UNIT_WORDS = re.compile(rf"({_LETTERS})(?:\s+({_LETTERS}))?(?:\s+({_LETTERS}))?")
_OPEN = re.compile(r"[(（]")
_CLOSE = re.compile(r"[)）]")
_PERIOD = re.compile(r"[.。]")
_OFFENDING = re.compile(r"[^\W\d_]+|[0-9０-９]+|\S")
_FULL_WIDTH = str.maketrans("０１２３４５６７８９，．", "0123456789,.")


_PERCENT_SIGN = re.compile(r"\s*[%％]|\s+per\s*cent(?![A-Za-z])", re.IGNORECASE)
_POINTS = re.compile(r"\s*(?:个\s*)?百分点")
_PERCENT_UNITS: Final = frozenset({"percent", "percentage_point"})
_BAIFENZHI = re.compile(r"百分之")
_MEASURE_CHARS = "".join(sorted(MEASURE_WORDS))
_MEASURE = re.compile(rf"[{_MEASURE_CHARS}](?!百分点|民币)")
# Chinese words that may follow a figure and so end a noun before them.
_ZH_STOP = r"以上|左右|以内|以下|（|\("
_ZH_NOUN_AFTER = re.compile(rf"\s*(?:(?!{_ZH_STOP})[\u4e00-\u9fff·])" + "{1,40}")
# An English noun after a number: lower-case words, never a word that
# starts what follows a figure ("per 10,000 people", "of GDP", "from 2020").
_STOP_WORDS = r"(?:per|of|from|in|by|over|compared|relative|to|than|and|or|the|a|an)"
_STOP = re.compile(_STOP_WORDS, re.IGNORECASE)
_NOUN_WORD = rf"(?!{_STOP_WORDS}(?![A-Za-z-]))[a-z][a-z-]{{0,30}}"
_COUNTED = re.compile(rf"{_NOUN_WORD}(?:\s+{_NOUN_WORD}){{0,4}}(?![A-Za-z])")

# Words that say a figure is a change, longest first within each language.
_EN_CHANGES: Final[Mapping[str, Change]] = {
    "average annual growth rate of": Change.AVERAGE_GROWTH,
    "average annual growth of": Change.AVERAGE_GROWTH,
    "average annual growth": Change.AVERAGE_GROWTH,
    "annual average growth of": Change.AVERAGE_GROWTH,
    "annual average growth": Change.AVERAGE_GROWTH,
    "average annual increase of": Change.AVERAGE_GROWTH,
    "growth rate of": Change.GROWTH,
    "growth of": Change.GROWTH,
    "grow by": Change.GROWTH,
    "grows by": Change.GROWTH,
    "grew by": Change.GROWTH,
    "rise by": Change.GROWTH,
    "rise of": Change.GROWTH,
    "a rise of": Change.GROWTH,
    "rose by": Change.GROWTH,
    "rose": Change.GROWTH,
    "increase by": Change.GROWTH,
    "increased by": Change.GROWTH,
    "up": Change.GROWTH,
    "a reduction of": Change.REDUCTION,
    "reduction of": Change.REDUCTION,
    "reduce by": Change.REDUCTION,
    "reduced by": Change.REDUCTION,
    "cut by": Change.REDUCTION,
    "cut": Change.REDUCTION,
    "fall by": Change.REDUCTION,
    "fell by": Change.REDUCTION,
    "fell": Change.REDUCTION,
    "decrease by": Change.REDUCTION,
    "decreased by": Change.REDUCTION,
    "down": Change.REDUCTION,
    "add": Change.INCREMENT,
    "added": Change.INCREMENT,
    "a cumulative total of": Change.CUMULATIVE,
    "cumulative total of": Change.CUMULATIVE,
    "a cumulative": Change.CUMULATIVE,
    "cumulative": Change.CUMULATIVE,
    "cumulatively": Change.CUMULATIVE,
}
_ZH_CHANGES: Final[Mapping[str, Change]] = {
    "年均增长": Change.AVERAGE_GROWTH,
    "年均增速": Change.AVERAGE_GROWTH,
    "年平均增长": Change.AVERAGE_GROWTH,
    "平均每年增长": Change.AVERAGE_GROWTH,
    "增长": Change.GROWTH,
    "增速": Change.GROWTH,
    "提高": Change.GROWTH,
    "下降": Change.REDUCTION,
    "降低": Change.REDUCTION,
    "减少": Change.REDUCTION,
    "新增": Change.INCREMENT,
    "累计": Change.CUMULATIVE,
}
# Changes that a count of something may follow in Chinese: 新增国家重点实验室1家.
_NOUN_AFTER_CHANGE: Final = frozenset({Change.INCREMENT, Change.CUMULATIVE})
_MULTIPLES: Final[Mapping[str, int]] = {
    "double": 100,
    "doubled": 100,
    "triple": 200,
    "tripled": 200,
    "quadruple": 300,
    "quadrupled": 300,
    "翻一番": 100,
    "翻两番": 300,
    "翻三番": 700,
}
_EN_BASE_YEAR = re.compile(
    r"\s*(?:from|compared\s+with|compared\s+to|relative\s+to)\s+"
    r"([12][0-9]{3})(?:\s+levels?)?(?![0-9A-Za-z])",
    re.IGNORECASE,
)
_ZH_BASE_YEAR = re.compile(r"[比较]\s*([12][0-9]{3})\s*年(?:末|底)?")
_ZH_SHARE = re.compile(r"占([^\d０-９%％()（）]{1,40}?)的?(?:比重|比例)")
_ZH_SHARE_BARE = re.compile(r"占比")
_EN_SHARE_LEAD = re.compile(r"(?:a\s+)?share\s+of(?![A-Za-z])", re.IGNORECASE)
_SHARE_WORD = r"[^\s()（）,，;。.]+"
# Words separated by spaces, never an empty split: linear however long.
_EN_SHARE_OF = re.compile(
    rf"\s*of\s+({_SHARE_WORD}(?:\s+(?!from\s){_SHARE_WORD}){{0,7}})"
    r"(?=\s*$|\s*[.(（]|\s+from\s)",
    re.IGNORECASE,
)
_ZH_PER = re.compile(
    r"每\s*([0-9０-９,]+|[一二两三四五六七八九十百千万亿]+)\s*(?:个)?人口?|人均"
)
_EN_PER = re.compile(
    r"\s*per\s+(?:(capita|person|head|resident|inhabitant)"
    r"|([0-9][0-9,]*|hundred|thousand|million)\s+"
    r"(?:people|persons|residents|inhabitants|population))(?![A-Za-z])",
    re.IGNORECASE,
)
_EN_PER_WORDS: Final[Mapping[str, int]] = {
    "hundred": 100,
    "thousand": 1000,
    "million": 10**6,
}
_PLUS = re.compile(r"[+＋](?=\s*[0-9０-９])")
# Where a Chinese noun before a figure ends: a qualifier, a number, a change.
_ZH_NUMERAL_AHEAD = re.compile(
    rf"[零〇一二两三四五六七八九十百千万亿点]+(?:[{_MEASURE_CHARS}%％元万亿]|$)"
)


@dataclass
class _Form:
    """What the words around the number say it is; filled while scanning."""

    change: Change | None = None
    base_year: int | None = None
    share_of: str | None = None
    per: Decimal | None = None
    counted: str | None = None
    measure: str | None = None
    multiple: Decimal | None = None
    spans: list[tuple[str, int]] = field(default_factory=list)

    def set(self, scanner: _Scanner, name: str, value: object, at: int) -> None:
        if getattr(self, name) is not None:
            raise scanner.error(f"{name.replace('_', ' ')} stated twice", at)
        setattr(self, name, value)


# -- the scanner ----------------------------------------------------------------


class _Scanner:
    """A position in the text, and errors that point at it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def match(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        """Match *pattern* here and move past it, or return ``None`` and stay."""
        found = pattern.match(self.text, self.pos)
        if found is not None:
            self.pos = found.end()
        return found

    def peek(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        return pattern.match(self.text, self.pos)

    def skip_space(self) -> None:
        self.match(_SPACE)

    def at_end(self) -> bool:
        return self.pos >= len(self.text)

    def word(self) -> str:
        """The word here, to quote in an error message."""
        found = _OFFENDING.match(self.text, self.pos)
        return found.group()[:_MAX_WORD] if found else "end of text"

    def error(self, reason: str, at: int | None = None) -> ParseError:
        return ParseError(self.text, self.pos if at is None else at, reason)


@dataclass(frozen=True)
class _Hints:
    """What resolves an ambiguous symbol: a currency hint and a locale's language."""

    currency: str | None
    language: str | None
    locale: str | None = None


@dataclass(frozen=True)
class _Word:
    """A qualifier word found in the text."""

    qualifier: Qualifier
    position: int
    text: str


@dataclass(frozen=True)
class _Lexicon:
    """Currency names and symbols, built once from babel and the registry."""

    # Before the number: symbols, codes and Chinese names ("US$3B", "人民币3万亿元").
    prefix: re.Pattern[str]
    # After the number: codes and names ("3 trillion yuan", "15亿美元").
    suffix: re.Pattern[str]
    # Normalized name -> ISO codes; more than one code means ambiguous ("¥").
    codes: Mapping[str, frozenset[str]]

    def lookup(self, name: str) -> frozenset[str]:
        return self.codes[_normalized(name)]


# -- building the lexicon ---------------------------------------------------------


def _normalized(name: str) -> str:
    return " ".join(name.split()).lower()


def _registry_names() -> Iterator[tuple[str, str]]:
    """(name, code) for every currency name and alias the registry defines."""
    for name in ureg:
        code = ureg.get_name(name)
        if code not in CURRENCIES:
            continue
        words = name.replace("_", " ")
        yield words, code
        # pint reads "dollars" as a plural; in our table plurals must be listed.
        if words.isascii() and not words.isupper() and not words.endswith("s"):
            yield words + "s", code


def _babel_names(locale: str) -> Iterator[tuple[str, str]]:
    """(name, code) for CLDR's display, singular and plural names in *locale*."""
    for code in sorted(CURRENCIES):
        for count in (None, 1, 2):
            # Historical names carry their dates, "Turkish Lira (1922–2005)";
            # the longest name matches first, so the dates are not taken for
            # a stated equivalent.
            yield babel.numbers.get_currency_name(code, count, locale=locale), code


def _babel_symbols() -> Iterator[tuple[str, str]]:
    """(symbol, code) for the currency symbols of the formatter's locales."""
    for locale in _SYMBOL_LOCALES:
        for code in sorted(CURRENCIES):
            symbol = babel.numbers.get_currency_symbol(code, locale=locale)
            if symbol != code:
                yield symbol, code


# After a name that ends in an ASCII letter, one more letter means a longer
# word: "yuan" but not "yuanx" ("USD3" is fine).  One assertion after the
# whole alternation says so; a copy after each name made compiling the
# currency names, at the first figure read, four times slower (30 ms).  Under
# IGNORECASE, [A-Za-z] is also "ı", "İ", "ſ" and "K"; no name ends in one.
_WORD_END = r"(?!(?<=[A-Za-z])[A-Za-z])"


def _alternation(names: Mapping[str, str]) -> re.Pattern[str]:
    """One pattern matching any of *names*, longest first, spaces flexible."""
    parts = [
        r"\s+".join(re.escape(word) for word in name.split())
        for name in sorted(names.values(), key=lambda n: (-len(n), n))
    ]
    return re.compile(f"(?:{'|'.join(parts)}){_WORD_END}", re.IGNORECASE)


@functools.cache
def _lexicon() -> _Lexicon:
    """Build the currency tables on first use, keeping the import cheap."""
    prefix, suffix, codes = _lexicon_tables()
    return _Lexicon(
        prefix=_alternation(prefix),
        suffix=_alternation(suffix),
        codes={key: frozenset(value) for key, value in codes.items()},
    )


def _lexicon_tables() -> tuple[dict[str, str], dict[str, str], dict[str, set[str]]]:
    """Names before an amount, names after it, and the codes of each name."""
    codes: dict[str, set[str]] = {}
    prefix: dict[str, str] = {}
    suffix: dict[str, str] = {}

    def add(name: str, code: str, *tables: dict[str, str]) -> None:
        key = _normalized(name)
        codes.setdefault(key, set()).add(code)
        for table in tables:
            table.setdefault(key, name)

    for code in CURRENCIES:
        add(code, code, prefix, suffix)
    for name, code in _registry_names():
        chinese = not name.isascii()
        add(name, code, *((prefix, suffix) if chinese or name == "RMB" else (suffix,)))
    for name, code in _babel_names("en"):
        add(name, code, suffix)
    for name, code in _babel_names("zh"):
        add(name, code, prefix, suffix)
    for symbol, code in _babel_symbols():
        add(symbol, code, prefix)
    for symbol, symbol_codes in _HAND_SYMBOLS.items():
        codes[_normalized(symbol)] = set()  # hand entries replace babel's
        for code in symbol_codes:
            add(symbol, code, prefix)
    return prefix, suffix, codes


@functools.cache
def _currency_words() -> tuple[str, ...]:
    """Lower-case English currency names and codes, to catch misspellings."""
    return tuple(
        name
        for name in _lexicon().codes
        if name.isascii() and name.isalpha() and len(name) >= 3
    )


def _prefix_qualifiers() -> dict[str, Qualifier]:
    table: dict[str, Qualifier] = {}
    for language in (_EN_QUALIFIERS, _ZH_QUALIFIERS):
        for qualifier, words in language.items():
            table.update(dict.fromkeys(words, qualifier))
    table.update(dict.fromkeys(_NEARLY, Qualifier.AT_MOST))
    return table


def _qualifier_pattern(table: Mapping[str, Qualifier]) -> re.Pattern[str]:
    return _alternation({word: word for word in table})


_PREFIX_TABLE: Final = _prefix_qualifiers()
_PREFIX_QUALIFIER: Final = _qualifier_pattern(_PREFIX_TABLE)
_SUFFIX_QUALIFIER: Final = _qualifier_pattern(_ZH_SUFFIX_QUALIFIERS)


# -- Chinese numerals ---------------------------------------------------------------


def _chinese_integer(text: str) -> int:
    """The value of a Chinese integer numeral; ValueError if malformed.

    Digit by digit ("二〇二三") or with places ("四千九百一十二亿").  亿 splits
    at its last occurrence, so "一万亿" is (一万)亿 and "一亿亿" is 10**16.
    """
    if len(text) > 1 and all(c in _CN_DIGITS and c != "两" for c in text):
        return int("".join(str(_CN_DIGITS[c]) for c in text))
    return _below_any(text)


def _below_any(text: str) -> int:
    cut = text.rfind("亿")
    if cut < 0:
        return _below_yi(text)
    high = _below_any(_nonempty(text[:cut]))
    if high == 0:
        raise ValueError("亿 needs a number before it")
    return high * 10**8 + _after_unit(text[cut + 1 :], 10**8, _below_yi)


def _below_yi(text: str) -> int:
    cut = text.find("万")
    if cut < 0:
        return _section(text)
    tail = text[cut + 1 :]
    if "万" in tail:
        raise ValueError("万 twice below 亿")
    high = _section(_nonempty(text[:cut]))
    if high == 0:
        raise ValueError("万 needs a number before it")
    return high * 10**4 + _after_unit(tail, 10**4, _section)


def _after_unit(text: str, unit: int, parse: Callable[[str], int]) -> int:
    """The part after 万 or 亿 (worth *unit*), which must be below it."""
    if not text:
        return 0
    if text[0] in _CN_ZEROS:
        # 零 stands for skipped places: "一万零五" is 10005.
        value = parse(_nonempty(text[1:]))
        if value == 0 or value * 10 >= unit:
            raise ValueError("零 must stand for a skipped place")
        return value
    if len(text) == 1 and text in _CN_DIGITS:
        # A lone digit takes the next place down: "三万五" is 35,000.
        return _CN_DIGITS[text] * (unit // 10)
    return parse(text)


def _section(text: str) -> int:
    """A numeral below 10,000: digits with 千, 百, 十 and 零 for gaps."""
    if len(_nonempty(text)) == 1 and text in _CN_DIGITS:
        return _CN_DIGITS[text]
    value, place, zero, i = 0, 10**4, False, 0
    while i < len(text):
        char = text[i]
        if char in _CN_ZEROS:
            if zero or value == 0:
                raise ValueError("零 only between places")
            zero, i = True, i + 1
            continue
        if char in _CN_DIGITS:
            digit, i = _CN_DIGITS[char], i + 1
            if i < len(text) and text[i] in _CN_PLACES:
                new_place, i = _CN_PLACES[text[i]], i + 1
            elif i == len(text):
                # Last digit: units, or colloquially the next place ("一百五" = 150).
                new_place = 1 if zero or value == 0 else place // 10
            else:
                raise ValueError("two digits in a row")
        elif char == "十" and value == 0:
            digit, new_place, i = 1, 10, i + 1  # "十二" is 一十二
        else:
            raise ValueError(f"{char!r} out of place")
        if new_place >= place or (zero and new_place * 10 >= place):
            raise ValueError("places out of order")
        value, place, zero = value + digit * new_place, new_place, False
    if zero:
        raise ValueError("零 at the end")
    return value


def _nonempty(text: str) -> str:
    if not text:
        raise ValueError("a unit without a number before it")
    return text


def _chinese_number(run: str) -> tuple[Decimal, str | None, int]:
    """(magnitude, scale word, factor) of a Chinese numeral; ValueError if bad."""
    if "点" in run:
        return _chinese_decimal(run)
    value = _chinese_integer(run)
    if value >= 10**_MAX_DIGITS:
        raise ValueError(f"more than {_MAX_DIGITS} digits")
    # Keep the largest myriad written as the scale: 四千九百一十二亿 is 4912 亿.
    for scale, scale_value in _SCALE_VALUES.items():
        if scale in run:
            with exact_arithmetic():
                return tidy(Decimal(value) / scale_value), scale, 1
    return Decimal(value), None, 1


def _chinese_decimal(run: str) -> tuple[Decimal, str | None, int]:
    """Read "四点五亿": the whole part, 点, digits, then an optional scale."""
    head, _, rest = run.partition("点")
    if "万" in head or "亿" in head:
        raise ValueError("a scale before 点")
    whole = _chinese_integer(_nonempty(head))
    end = 0
    while end < len(rest) and rest[end] in _CN_DIGITS and rest[end] != "两":
        end += 1
    if end == 0:
        raise ValueError("no digits after 点")
    fraction = "".join(str(_CN_DIGITS[c]) for c in rest[:end])
    if len(str(whole)) + len(fraction) > _MAX_DIGITS:
        raise ValueError(f"more than {_MAX_DIGITS} digits")
    scale = rest[end:]
    if scale and scale not in _CHINESE_SCALES:
        raise ValueError(f"{scale!r} is not a scale")
    factor, word = _CHINESE_SCALES[scale] if scale else (1, None)
    return Decimal(f"{whole}.{fraction}"), word, factor


# -- the grammar ------------------------------------------------------------------


def _qualifiers(
    scanner: _Scanner, pattern: re.Pattern[str], table: Mapping[str, Qualifier]
) -> list[_Word]:
    """Qualifier words here, in order: "more than about", "超过约"."""
    found: list[_Word] = []
    while True:
        scanner.skip_space()
        start = scanner.pos
        word = scanner.match(pattern)
        if word is None:
            return found
        qualifier = table[_normalized(word.group())]
        found.append(_Word(qualifier, start, word.group()))
        if _normalized(word.group()) in _NEARLY:
            found.append(_Word(Qualifier.ABOUT, start, word.group()))


def _settle(words: list[_Word], scanner: _Scanner) -> tuple[Qualifier, bool]:
    """One qualifier, and whether the value is approximate, from the words found.

    Verbs such as "reached" add nothing to a bound; "about" beside a bound
    makes it an approximate bound; bounds on opposite sides contradict.
    """
    approximate = any(w.qualifier is Qualifier.ABOUT for w in words)
    bounds = [w for w in words if w.qualifier in _LOWER_BOUNDS | _UPPER_BOUNDS]
    if not bounds:
        return (Qualifier.ABOUT if approximate else Qualifier.EXACT), approximate
    first = bounds[0]
    for other in bounds[1:]:
        if (other.qualifier in _LOWER_BOUNDS) != (first.qualifier in _LOWER_BOUNDS):
            raise scanner.error(
                f"{other.text!r} contradicts {first.text!r}", other.position
            )
    # Same side twice ("超过...以上") is emphasis: the first word states it.
    return first.qualifier, approximate


def _resolve(
    codes: frozenset[str], symbol: str, at: int, scanner: _Scanner, hints: _Hints
) -> str:
    """The one currency a symbol stands for, using the hints if it is ambiguous."""
    if len(codes) == 1:
        return next(iter(codes))
    if hints.currency in codes:
        return hints.currency
    # The locale's own CLDR symbols decide first: in English "¥" is JPY (the
    # yuan is "CN¥"), in Simplified Chinese it is CNY (the yen is "JP¥").
    local = [
        code for code in sorted(codes) if _local_symbol(code, hints.locale) == symbol
    ]
    if len(local) == 1:
        return local[0]
    by_locale = _YEN_BY_LANGUAGE.get(hints.language or "")
    if by_locale in codes:
        return by_locale
    options = " or ".join(sorted(codes))
    raise scanner.error(
        f"{symbol!r} is ambiguous ({options}): pass currency= one of them, or "
        "locale= (in 'zh' it is CNY; in 'en' and 'ja' it is JPY)",
        at,
    )


@functools.lru_cache(maxsize=1024)
def _local_symbol(code: str, locale: str | None) -> str | None:
    if locale is None:
        return None
    try:
        return str(
            babel.numbers.get_currency_symbol(code, locale=locale.replace("-", "_"))
        )
    except (ValueError, babel.UnknownLocaleError):
        return None


def _currency(
    scanner: _Scanner, pattern: re.Pattern[str], hints: _Hints
) -> tuple[str, int] | None:
    """A currency name, code or symbol here: (ISO code, position), or None."""
    start = scanner.pos
    found = scanner.match(pattern)
    if found is None:
        return None
    codes = _lexicon().lookup(found.group())
    return _resolve(codes, found.group(), start, scanner, hints), start


def _digits(scanner: _Scanner) -> Decimal | None:
    """An Arabic number here, checked for grouping, size and exponents."""
    start = scanner.pos
    found = scanner.match(_ARABIC)
    if found is None:
        return None
    text = found.group().translate(_FULL_WIDTH)
    if sum(c.isdigit() for c in text) > _MAX_DIGITS:
        raise scanner.error(f"a number with more than {_MAX_DIGITS} digits", start)
    if "," in text and not _GROUPED.fullmatch(text):
        raise scanner.error(f"{text!r} is not grouped in thousands", start)
    if scanner.peek(_EXPONENT):
        raise scanner.error("exponents are not accepted: write the number out")
    return Decimal(text.replace(",", ""))


def _arabic_scale(scanner: _Scanner) -> tuple[str | None, int]:
    """The scale after an Arabic number: "B" (attached), "亿", or "billion"."""
    compact = scanner.match(_COMPACT)
    if compact is not None:
        return _COMPACT_SCALES[compact.group()], 1
    chinese = scanner.peek(_CHINESE_SCALE)
    if chinese is not None and not _starts_a_currency(scanner, chinese.start(1)):
        scanner.match(_CHINESE_SCALE)
        factor, word = _CHINESE_SCALES[chinese.group(1)]
        return word, factor
    english = scanner.match(_ENGLISH_SCALE)
    if english is not None:
        return english.group(1).lower(), 1
    return None, 1


def _starts_a_currency(scanner: _Scanner, at: int) -> bool:
    """Whether a currency's name begins at *at*: 百慕大元 (BMD) is not 百 (100)."""
    found = _lexicon().suffix.match(scanner.text, at)
    return found is not None and len(found.group()) > 1


def _number(scanner: _Scanner) -> tuple[Decimal, str | None]:
    """The number here and its scale word (a registry unit), or a ParseError."""
    start = scanner.pos
    magnitude = _digits(scanner)
    if magnitude is not None:
        scale, factor = _arabic_scale(scanner)
    else:
        run = scanner.match(_CHINESE_NUMERAL)
        if run is None:
            found = "" if scanner.at_end() else f", found {scanner.word()!r}"
            raise scanner.error(f"expected a number{found}")
        if len(run.group()) > _MAX_NUMERAL:
            raise scanner.error(f"a numeral longer than {_MAX_NUMERAL} signs", start)
        try:
            magnitude, scale, factor = _chinese_number(run.group())
        except ValueError as error:
            raise scanner.error(
                f"{run.group()!r} is not a Chinese numeral ({error})", start
            ) from None
    if factor != 1:
        with exact_arithmetic():
            magnitude = tidy(magnitude * factor)
    return magnitude, scale


@functools.lru_cache(maxsize=1024)
def _registry_units(word: str) -> tuple[str, ...]:
    """Canonical names of the units *word* may name ("GW" -> "gigawatt")."""
    try:
        candidates = ureg.parse_unit_name(word)
    except Exception:  # pint trips over odd text in assorted ways: not a unit
        return ()
    return tuple(dict.fromkeys(prefix + name for prefix, name, _ in candidates))


def _physical_unit(scanner: _Scanner, form: _Form) -> tuple[str, int] | None:
    """A unit word here, up to three words long ("metric tons"), or None.

    Lower-case words that name no unit are what a count counts ("15,000
    enterprises"); they are kept on *form*.
    """
    start = scanner.pos
    found = scanner.peek(_UNIT_WORDS)
    if found is None:
        return None
    words = [w for w in found.groups() if w is not None]
    if _STOP.fullmatch(words[0]):
        return None  # "per 10,000 people", "of GDP": what follows a figure
    for count in range(len(words), 0, -1):
        name = "_".join(words[:count])
        if len(name) > _MAX_WORD:
            continue
        units = _registry_units(name)
        if len(units) > 1:
            raise scanner.error(f"ambiguous unit {words[0]!r}", start)
        if units and units[0] not in SCALE_WORDS:
            scanner.pos = found.end(count)
            return units[0], start
    if _counted(scanner, form):
        return None
    raise scanner.error(f"unknown unit {words[0]!r}", start)


def _counted(scanner: _Scanner, form: _Form) -> bool:
    """A noun here naming what is counted: "enterprises", "high-value patents".

    A noun that misspells a scale word ("trillon"), or runs into a currency
    or a unit ("trillon yuan"), is a typo, not a count: that is an error.
    """
    found = scanner.peek(_COUNTED)
    if found is None:
        return False
    words = found.group().split()
    if difflib.get_close_matches(words[0].lower(), _ENGLISH_SCALE_WORDS, cutoff=0.8):
        return False
    if any(difflib.get_close_matches(w, _currency_words(), cutoff=0.75) for w in words):
        return False  # "3 trillion yaun": a misspelt currency
    lexicon = _lexicon()
    for word in words:
        if lexicon.suffix.fullmatch(word) or _registry_units(word):
            return False
    scanner.pos = found.end()
    form.counted = found.group()
    return True


def _measure(scanner: _Scanner, form: _Form) -> bool:
    """A Chinese measure word here, and the noun after it: 家, 家企业."""
    found = scanner.match(_MEASURE)
    if found is None:
        return False
    form.measure = found.group()
    noun = scanner.match(_ZH_NOUN_AFTER)
    if noun is not None:
        form.counted = noun.group().strip()
        return True
    here = scanner.pos
    scanner.skip_space()
    if scanner.pos == here or not _counted(scanner, form):
        scanner.pos = here  # "80 家 enterprises" in English text
    return True


def _percent(scanner: _Scanner) -> str | None:
    """ "%", "percent" or "个百分点" here: the unit's registry name, or None."""
    if scanner.match(_PERCENT_SIGN) is not None:
        return "percent"
    if scanner.match(_POINTS) is not None:
        return "percentage_point"
    return None


def _quantity(scanner: _Scanner, hints: _Hints, form: _Form | None = None) -> Quantity:
    """[-] [currency symbol] number [scale] [currency or unit] as a quantity."""
    form = form if form is not None else _Form()
    scanner.skip_space()
    negative = scanner.match(_SIGN) is not None
    lexicon = _lexicon()
    before = _currency(scanner, lexicon.prefix, hints)
    scanner.skip_space()
    if not negative:
        negative = scanner.match(_SIGN) is not None
    spelled_percent = before is None and scanner.match(_BAIFENZHI) is not None
    magnitude, scale = _number(scanner)
    percent = "percent" if spelled_percent else _percent(scanner)
    scanner.skip_space()
    after = None
    unit = None
    if percent is None:
        after = _currency(scanner, lexicon.suffix, hints)
    if percent is None and after is None and not _measure(scanner, form):
        unit = _physical_unit(scanner, form)
    if unit is not None and unit[0] in CURRENCIES:
        after, unit = unit, None  # a currency alias only pint knows
    elif unit is not None and unit[0] in _PERCENT_UNITS:
        percent, unit = unit[0], None  # "percent", "percentage points"
    if before is not None and after is not None and before[0] != after[0]:
        raise scanner.error(
            f"two currencies: {before[0]} and then {after[0]}", after[1]
        )
    if before is not None and (unit is not None or percent is not None):
        shown, at = unit if unit is not None else (percent, scanner.pos)
        raise scanner.error(f"a currency before a unit ({shown})", at)
    stated = before or after or unit
    names = [name for name in (scale, stated and stated[0], percent) if name]
    # Built from registry names, never from text: no expression parser runs.
    # Exponents must be of the registry's number type, as pint's own are:
    # an int exponent beside Decimal ones breaks pint's conversions.
    units = ureg.Unit(ureg.UnitsContainer(dict.fromkeys(names, Decimal(1))))
    # copy_negate, not unary minus: minus rounds to the context's 28 digits.
    return ureg.Quantity(magnitude.copy_negate() if negative else magnitude, units)


def _equivalent(scanner: _Scanner, hints: _Hints) -> tuple[Quantity, int] | None:
    """A stated equivalent in parentheses: "($442.2 billion)", "（4422亿美元）"."""
    scanner.skip_space()
    start = scanner.pos
    if scanner.match(_OPEN) is None:
        return None
    for word in _qualifiers(scanner, _PREFIX_QUALIFIER, _PREFIX_TABLE):
        if word.qualifier is not Qualifier.ABOUT:
            raise scanner.error(
                f"{word.text!r} in a stated equivalent: only 'about' words fit there",
                word.position,
            )
    quantity = _quantity(scanner, hints)
    scanner.skip_space()
    if scanner.match(_CLOSE) is None:
        found = "the end" if scanner.at_end() else repr(scanner.word())
        raise scanner.error(f"expected ')' to close the equivalent, found {found}")
    if currency_of(quantity) is None:
        raise scanner.error("a stated equivalent must be an amount of money", start)
    return quantity, start


def _finish(scanner: _Scanner) -> None:
    """Allow a final period and spaces; anything else is an error."""
    scanner.skip_space()
    scanner.match(_PERIOD)
    scanner.skip_space()
    if scanner.at_end():
        return
    word = scanner.word()
    if scanner.peek(_NUMBER_START) or scanner.peek(_ARABIC):
        raise scanner.error(f"a figure states one number; found another, {word!r}")
    raise scanner.error(f"unexpected {word!r}")


def _check_equivalent(
    quantity: Quantity, equivalent: Quantity, at: int, scanner: _Scanner
) -> None:
    own = currency_of(quantity)
    if own is None:
        raise scanner.error(
            "a stated equivalent needs a figure in a currency, not "
            f"{str(quantity.units)!r}",
            at,
        )
    if own == currency_of(equivalent):
        raise scanner.error(f"the stated equivalent is in {own} too", at)


_CHANGE = _alternation({w: w for w in (*_EN_CHANGES, *_ZH_CHANGES)})
_CHANGES: Final[Mapping[str, Change]] = {
    _normalized(word): change
    for word, change in (*_EN_CHANGES.items(), *_ZH_CHANGES.items())
}
_MULTIPLE = _alternation({w: w for w in _MULTIPLES})


def _lead(scanner: _Scanner, form: _Form) -> list[_Word]:
    """Everything before the number: qualifiers, changes, shares, ratios, base years.

    They come in any order ("up about 6.5%", "比2020年下降13.5%",
    "占地区生产总值比重达到25%", "每万人口…超过20件"), each at most once.
    """
    words: list[_Word] = []
    while True:
        scanner.skip_space()
        start = scanner.pos
        found = _qualifiers(scanner, _PREFIX_QUALIFIER, _PREFIX_TABLE)
        if found:
            words += found
            continue
        if (match := scanner.match(_ZH_BASE_YEAR)) is not None:
            form.set(scanner, "base_year", int(match.group(1)), start)
        elif (match := scanner.match(_ZH_SHARE)) is not None:
            form.set(scanner, "share_of", match.group(1).strip(), start)
        elif scanner.match(_ZH_SHARE_BARE) or scanner.match(_EN_SHARE_LEAD):
            form.spans.append(("share", start))
        elif (match := scanner.match(_ZH_PER)) is not None:
            form.set(scanner, "per", _per_count(match, scanner, start), start)
            _noun_before(scanner, form)
        elif (match := scanner.match(_MULTIPLE)) is not None:
            form.set(scanner, "change", Change.GROWTH, start)
            form.multiple = Decimal(_MULTIPLES[_normalized(match.group())])
        elif (match := scanner.match(_CHANGE)) is not None:
            change = _CHANGES[_normalized(match.group())]
            form.set(scanner, "change", change, start)
            if change in _NOUN_AFTER_CHANGE:
                _noun_before(scanner, form)
        elif scanner.match(_PLUS) is not None:
            form.set(scanner, "change", Change.GROWTH, start)
        else:
            return words


def _per_count(match: re.Match[str], scanner: _Scanner, at: int) -> Decimal:
    """The number of people in "每万人口" (10,000) or "人均" (1)."""
    number = match.group(1)
    if number is None:
        return Decimal(1)
    digits = number.translate(_FULL_WIDTH).replace(",", "")
    try:
        if digits.isdigit():
            value = int(digits)
        else:
            # 每万人 is per 一万 people: a place word alone stands for one of it.
            leading_one = number[0] in "十百千万亿"
            value = _chinese_integer(("一" if leading_one else "") + number)
    except ValueError:
        raise scanner.error(f"{number!r} is not a number of people", at) from None
    if not 1 <= value <= 10**9:
        raise scanner.error(f"per {value} people is out of range", at)
    return Decimal(value)


def _noun_before(scanner: _Scanner, form: _Form) -> None:
    """A Chinese noun before the figure: 每万人口高价值发明专利拥有量超过20件."""
    text, start = scanner.text, scanner.pos
    end = start
    while end < len(text) and end - start < 40:
        char = text[end]
        if not ("\u4e00" <= char <= "\u9fff" or (char.isascii() and char.isalpha())):
            break
        if (
            _PREFIX_QUALIFIER.match(text, end)
            or _CHANGE.match(text, end)
            or _ZH_NUMERAL_AHEAD.match(text, end)
            or _lexicon().prefix.match(text, end)
        ):
            break
        end += 1
    if end > start:
        form.set(scanner, "counted", text[start:end], start)
        form.spans.append(("noun", start))
        scanner.pos = end


def _trail(scanner: _Scanner, form: _Form, quantity: Quantity) -> None:
    """After the number: "per 10,000 people", "of GDP", "from 2020 levels"."""
    while True:
        start = scanner.pos
        if (match := scanner.match(_EN_PER)) is not None:
            if match.group(1) is not None:
                count = Decimal(1)
            else:
                word = match.group(2).lower()
                digits = word.replace(",", "")
                if word in _EN_PER_WORDS:
                    count = Decimal(_EN_PER_WORDS[word])
                elif "," in word and not _GROUPED.fullmatch(word):
                    raise scanner.error(f"{word!r} is not grouped in thousands", start)
                else:
                    count = Decimal(digits)
            form.set(scanner, "per", count, start)
        elif (match := scanner.match(_EN_BASE_YEAR)) is not None:
            form.set(scanner, "base_year", int(match.group(1)), start)
        elif (
            is_percent(quantity) and (match := scanner.match(_EN_SHARE_OF)) is not None
        ):
            form.set(scanner, "share_of", match.group(1).strip(), start)
        else:
            return


def _hints(currency: str | None, locale: str | None) -> _Hints:
    code = None if currency is None else currency_code(currency)
    language = None if locale is None else re.split(r"[-_@.]", locale)[0].lower()
    return _Hints(code, language, locale)


def parse_figure(
    text: str,
    *,
    currency: str | None = None,
    locale: str | None = None,
    source: Source | None = None,
) -> Figure:
    """Read one figure stated in English or Chinese text as an exact :class:`Figure`.

    Numbers may be grouped ("1,234,567.89"), full-width, or Chinese numerals
    ("四千九百一十二"); scale words ("billion", "B", "亿", "万亿") stay in the
    unit, so the figure keeps its stated form.  Qualifiers before the number
    ("exceeded", "about", "超过", "约") or after it ("以上", "左右") set the
    :class:`Qualifier`; a bound beside "about" is an approximate bound.  A
    second amount of money in parentheses becomes the stated equivalent.

    >>> parse_figure("exceeded 2 trillion yuan").describe()
    'more than 2 trillion CNY'
    >>> parse_figure("4912亿元").quantity
    <Quantity(4912, '亿 * CNY')>
    >>> parse_figure("3 trillion yuan ($442.2 billion)").stated_equivalent
    <Quantity(442.2, 'billion * USD')>

    Args:
        text: the words stating the figure, such as "超过2万亿元" or
            "about 1.5 billion US dollars".  At most 1,000 characters.
        currency: the currency a bare "¥" means ("CNY" or "JPY"); it resolves
            that symbol only and never overrides a currency the text names.
        locale: the text's locale: an ambiguous symbol means what the
            locale's CLDR data says ("¥" is CNY in "zh_CN", JPY in "en" and
            "ja"), so text formatted for a locale reads back with it.
        source: attached to the figure unchanged.

    Returns:
        The figure, with an exact Decimal magnitude.

    Raises:
        ParseError: the text is not one figure; the error points at the first
            character that does not fit.
        UnknownCurrencyError: *currency* is not a known currency.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_figure() needs text, got {type(text).__name__}")
    if source is not None:
        return _parse_full(text, currency, locale, source)
    return _parse_reused(text, currency, locale)


# -- reuse ---------------------------------------------------------------------
#
# A plan states thousands of figures in a handful of shapes ("104 billion
# yuan", "105 billion yuan", ...).  Figures are frozen, so a text read once
# is not read again (an LRU keyed by the exact text), and a text whose only
# difference from one already read is its number reuses that reading, with
# the new number (see _shaped).  Errors are never cached: a text that does
# not read goes through the full parser every time and raises what it raised.

_REUSED_TEXTS: Final = 8192
"""Distinct texts whose figures are kept: a few MiB at most."""

_SHAPES: Final = 1024
"""Distinct shapes kept; a plan uses a few dozen."""

# An English figure with one plain number: words, the number, then words or
# "%" and words.  Only ASCII letters and spaces beside the number: no second
# number, no sign, no scale attached to the digits ("3B"), no Chinese scale
# (which multiplies the number), nothing in parentheses.
_SHAPE = re.compile(
    r"((?:[A-Za-z]+ +)*)([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(\.[0-9]+)?"
    r"((?: +[A-Za-z]+)*|%(?: +[A-Za-z]+)*)"
)
_shapes: dict[str, Figure | None] = {}
_UNSEEN: Final = object()


@functools.lru_cache(maxsize=_REUSED_TEXTS)
def _parse_reused(text: str, currency: str | None, locale: str | None) -> Figure:
    if currency is None and locale is None:
        figure = _shaped(text)
        if figure is not None:
            return figure
    return _parse_full(text, currency, locale, None)


def _shaped(text: str) -> Figure | None:
    """The figure of *text* from an earlier reading of its shape, or None.

    The shape is the text with its number taken out.  The first text of a
    shape is read in full; if its figure's magnitude is exactly its number
    as written (no sign, scale factor or multiple applied) and not zero, any
    text of that shape reads as the same figure with its own number: the
    words around the number decide everything else, and no check the parser
    makes on an English plain number depends on its value beyond its digit
    count.  Figures that are not plain are built again so their own checks
    run; anything unexpected falls back to the full parser.
    """
    match = _SHAPE.fullmatch(text) if len(text) <= _MAX_LENGTH else None
    if match is None:
        return None
    head, whole, fraction, tail = match.groups()
    digits = whole.replace(",", "") + (fraction or "")
    if len(digits) - (fraction is not None) > _MAX_DIGITS:
        return None
    number = Decimal(digits)
    key = f"{head}\0{',' in whole}\0{fraction is not None}\0{tail}"
    # One lookup: another thread may empty the dict between two.
    template = _shapes.get(key, _UNSEEN)
    if template is _UNSEEN:
        figure = _parse_full(text, None, None, None)  # raises for a bad text
        magnitude = figure.quantity.magnitude
        if number:  # zero cannot tell a sign or a factor from none
            if len(_shapes) >= _SHAPES:
                _shapes.clear()
            same = magnitude.as_tuple() == number.as_tuple()
            _shapes[key] = figure if same and figure.source is None else None
        return figure
    if not isinstance(template, Figure):
        return None
    quantity = quantity_of(number, template.quantity)
    if template.is_plain:
        return plain_figure(quantity, template.qualifier, template.approximate)
    try:
        return attrs.evolve(template, quantity=quantity)
    except ValueError:
        return None  # the full parser says why


def _parse_full(
    text: str, currency: str | None, locale: str | None, source: Source | None
) -> Figure:
    hints = _hints(currency, locale)
    scanner = _Scanner(text)
    if len(text) > _MAX_LENGTH:
        raise scanner.error(
            f"text of {len(text):,} characters is too long for one figure "
            f"(at most {_MAX_LENGTH:,})",
            _MAX_LENGTH,
        )
    if not text.strip():
        raise scanner.error("no figure: the text is empty", 0)
    form = _Form()
    words = _lead(scanner, form)
    if form.multiple is not None:
        quantity = ureg.Quantity(form.multiple, ureg.percent)
    else:
        quantity = _quantity(scanner, hints, form)
    words += _qualifiers(scanner, _SUFFIX_QUALIFIER, _ZH_SUFFIX_QUALIFIERS)
    _trail(scanner, form, quantity)
    equivalent = _equivalent(scanner, hints)
    _finish(scanner)
    qualifier, approximate = _settle(words, scanner)
    stated: Any = None
    if equivalent is not None:
        stated, at = equivalent
        _check_equivalent(quantity, stated, at, scanner)
    share = [at for what, at in form.spans if what == "share"]
    if share and not is_percent(quantity):
        raise scanner.error("a share is a percentage", share[0])
    counted = form.counted
    if counted is not None and not quantity.dimensionless:
        nouns = [at for what, at in form.spans if what == "noun"]
        if not nouns:
            raise scanner.error(f"{counted!r} after a quantity with a unit", 0)
        # A noun before an amount names what is measured (人均地区生产总值
        # 超过10万元), which is the metric's business, not the figure's.
        counted = None
    try:
        return Figure(
            quantity,
            qualifier,
            source,
            stated_equivalent=stated,
            approximate=approximate,
            change=form.change,
            base_year=form.base_year,
            share_of=form.share_of,
            per=form.per,
            counted=counted,
            measure=form.measure,
        )
    except ValueError as error:
        raise scanner.error(str(error), 0) from None
