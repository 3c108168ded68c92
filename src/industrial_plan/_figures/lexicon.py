"""The words a figure is stated in, and the patterns that find them.

Qualifier, scale, change, share, ratio and measure words are fixed tables
here.  Currency names and symbols come from pint's registry and babel's
CLDR data, gathered ahead of time into a shipped table
(:mod:`.currency_names`); they are compiled on first use (:func:`_lexicon`),
not at import, to keep the import cheap.  Unit words are looked up one at a
time with pint's name lookup, never handed to its expression parser.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

import babel.numbers

from industrial_plan._money.units import ureg

from .currency_names import normalized as _normalized
from .currency_names import shipped_tables
from .forms import MEASURE_WORDS, Change
from .qualifier import Qualifier

# -- the fixed vocabulary -------------------------------------------------------

_EN_QUALIFIERS: Final[Mapping[Qualifier, tuple[str, ...]]] = {
    Qualifier.MORE_THAN: (
        "exceeded",
        "exceed",
        "surpass",
        "exceeding",
        "exceeds",
        "over",
        "more than",
        "above",
        "topped",
        "has topped",
        "have topped",
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
        # A level reached, not a change: "rose to 5.2%", "from 2.1% to 2.6%".
        "rose to",
        "rise to",
        "risen to",
        "increased to",
        "increase to",
        "grew to",
        "grown to",
        "fell to",
        "fallen to",
        "dropped to",
        "declined to",
        "decreased to",
        "reduced to",
        "reach",
        "reaches",
        "to",
        "at",
    ),
}

_ZH_TO_VERBS: Final = (
    "提升",
    "提高",
    "增加",
    "增长",
    "上升",
    "下降",
    "降低",
    "减少",
    "扩大",
    "跃升",
    "攀升",
)

_ZH_QUALIFIERS: Final[Mapping[Qualifier, tuple[str, ...]]] = {
    Qualifier.MORE_THAN: ("超过", "逾", "超", "突破", "破", "高于", "多于"),
    Qualifier.AT_LEAST: ("至少", "不少于", "不低于"),
    Qualifier.ABOUT: ("约", "大约"),
    Qualifier.AT_MOST: ("至多", "最多", "不超过", "不高于"),
    Qualifier.LESS_THAN: ("不到", "少于", "低于", "不足"),
    Qualifier.EXACT: (
        "达到",
        "达",
        "为",
        "实现",
        "控制在",
        "保持在",
        "完成",
        # A level reached, not a change: 提升至2.6% is 2.6%, 提高2.6% is growth.
        *(f"{verb}{to}" for verb in _ZH_TO_VERBS for to in "至到"),
        "增至",
        "升至",
        "降至",
        "降到",
    ),
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

# Locales in which a bare yen sign means one currency.
_YEN_BY_LANGUAGE: Final[Mapping[str, str]] = {"zh": "CNY", "ja": "JPY"}


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

# Chinese unit words, each to the registry unit it names; longest first in
# the pattern, so 千瓦时 is a kilowatt hour and not a kilowatt and then 时.
_ZH_UNITS: Final[Mapping[str, str]] = {
    "吨": "tonne",
    "千克": "kilogram",
    "公斤": "kilogram",
    "千瓦时": "kilowatt_hour",
    "兆瓦时": "megawatt_hour",
    "吉瓦时": "gigawatt_hour",
    "千瓦": "kilowatt",
    "兆瓦": "megawatt",
    "吉瓦": "gigawatt",
    "公里": "kilometer",
    "千米": "kilometer",
    "公顷": "hectare",
}
_ZH_UNIT = re.compile(
    r"\s*(" + "|".join(sorted(_ZH_UNITS, key=len, reverse=True)) + ")"
)

# -- word patterns (all linear: no repetition nested inside repetition) ---------

# A unit word: letters of any script but the CJK ones, which are Chinese words
# (以上, 左右) rather than unit symbols.
_LETTERS = r"(?:(?![\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef])[^\W\d_])+"


@functools.cache
def _unit_words() -> re.Pattern[str]:
    """Up to three unit words, compiled on first use.

    Each CJK exclusion compiles to a table of some 30,000 characters: the
    three of them take about 4 ms, as long as the package's new modules take
    to import together, and only parsing needs them.
    """
    return re.compile(rf"({_LETTERS})(?:\s+({_LETTERS}))?(?:\s+({_LETTERS}))?")


_PERCENT_SIGN = re.compile(r"\s*[%％]|\s+per\s*cent(?![A-Za-z])", re.IGNORECASE)
_POINTS = re.compile(r"\s*(?:个\s*)?百分点")
_PERCENT_UNITS: Final = frozenset({"percent", "percentage_point"})
_BAIFENZHI = re.compile(r"百分之")
_MEASURE_CHARS = "".join(sorted(MEASURE_WORDS))
_MEASURE = re.compile(rf"[{_MEASURE_CHARS}](?!百分点|民币)")
# Chinese words that may follow a figure and so end a noun before them.
_ZH_STOP = r"以上|左右|以内|以下|（|\("


@functools.cache
def _zh_noun_after() -> re.Pattern[str]:
    """A Chinese noun after a count, compiled on first use (see _unit_words)."""
    return re.compile(rf"\s*(?:(?!{_ZH_STOP})[\u4e00-\u9fff·])" + "{1,40}")


# An English noun after a number: lower-case words, never a word that
# starts what follows a figure ("per 10,000 people", "of GDP", "from 2020").
_STOP_WORDS = (
    r"(?:per|of|from|in|by|over|compared|relative|to|than|and|or|the|a|an"
    r"|before|after|on|at|for|with|as|since|until|during|while|when|which|that)"
)
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
    "rises": Change.GROWTH,
    "rising": Change.GROWTH,
    "grew": Change.GROWTH,
    "grow": Change.GROWTH,
    "grows": Change.GROWTH,
    "growing": Change.GROWTH,
    "increased": Change.GROWTH,
    "increases": Change.GROWTH,
    "increasing": Change.GROWTH,
    "an increase of": Change.GROWTH,
    "increase of": Change.GROWTH,
    "climbed": Change.GROWTH,
    "jumped": Change.GROWTH,
    "expanded": Change.GROWTH,
    "expanded by": Change.GROWTH,
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
    "falling": Change.REDUCTION,
    "falls": Change.REDUCTION,
    "declined": Change.REDUCTION,
    "declined by": Change.REDUCTION,
    "a decline of": Change.REDUCTION,
    "decline of": Change.REDUCTION,
    "decreased": Change.REDUCTION,
    "a decrease of": Change.REDUCTION,
    "decrease of": Change.REDUCTION,
    "dropped": Change.REDUCTION,
    "dropped by": Change.REDUCTION,
    "a drop of": Change.REDUCTION,
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
    "增长了": Change.GROWTH,
    "增长": Change.GROWTH,
    "增加了": Change.GROWTH,
    "增加": Change.GROWTH,
    "上升了": Change.GROWTH,
    "上升": Change.GROWTH,
    "提高了": Change.GROWTH,
    "下降了": Change.REDUCTION,
    "降低了": Change.REDUCTION,
    "减少了": Change.REDUCTION,
    "增速": Change.GROWTH,
    "提高": Change.GROWTH,
    "下降": Change.REDUCTION,
    "降低": Change.REDUCTION,
    "减少": Change.REDUCTION,
    "新增": Change.INCREMENT,
    "累计": Change.CUMULATIVE,
    "累计新增": Change.CUMULATIVE,
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
    "翻了一番": 100,
    "翻了两番": 300,
    "翻了三番": 700,
}
# "增长1倍" is growth of 100 %, "增长2倍" of 200 %: Chinese statistics count
# the times the base was added, not the times it is now.
_TIMES = re.compile(r"\s*([0-9]{1,3}(?:\.[0-9]{1,3})?|[一二两三四五六七八九十])\s*倍")
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

# Where a Chinese noun before a figure ends: a qualifier, a number, a change.
_ZH_NUMERAL_AHEAD = re.compile(
    rf"[零〇一二两三四五六七八九十百千万亿点]+(?:[{_MEASURE_CHARS}%％元万亿]|$)"
)


@dataclass(frozen=True)
class _Lexicon:
    """Currency names and symbols (:mod:`.currency_names`), compiled once."""

    # Before the number: symbols, codes and Chinese names ("US$3B", "人民币3万亿元").
    prefix: re.Pattern[str]
    # After the number: codes and names ("3 trillion yuan", "15亿美元").
    suffix: re.Pattern[str]
    # Normalized name -> ISO codes; more than one code means ambiguous ("¥").
    codes: Mapping[str, frozenset[str]]
    # The first characters of the names of prefix and of suffix: where no
    # name can start, as a parser's gate needs to know (a copy of a whole
    # table inside a gate cost 8 ms to compile each, in every process).
    prefix_start: re.Pattern[str]
    suffix_start: re.Pattern[str]

    def lookup(self, name: str) -> frozenset[str]:
        return self.codes[_normalized(name)]


# -- compiling the lexicon --------------------------------------------------------


# After a name that ends in an ASCII letter, one more letter means a longer
# word: "yuan" but not "yuanx" ("USD3" is fine).  One assertion after the
# whole alternation says so; a copy after each name made compiling the
# currency names, at the first figure read, four times slower (30 ms).  Under
# IGNORECASE, [A-Za-z] is also "ı", "İ", "ſ" and "K"; no name ends in one.
_WORD_END = r"(?!(?<=[A-Za-z])[A-Za-z])"


def _alternation(names: Mapping[str, str]) -> re.Pattern[str]:
    """One pattern matching any of *names*, longest first, spaces flexible.

    The names are laid out as a trie ("美元|美分" is "美(?:元|分)"): a flat
    alternation of a thousand currency names tries each in turn, some 7 µs a
    position, where the trie follows one path.  Letters are keyed by their
    lower case, as the pattern ignores case, so that no two branches start
    alike; an optional longer ending is tried before the word ends, which
    keeps the longest-first order of the flat alternation.
    """
    trie: dict[str, Any] = {}
    for name in names.values():
        node = trie
        for token in _tokens(name):
            node = node.setdefault(token, {})
        node[""] = {}
    return re.compile(f"(?:{_trie_pattern(trie)}){_WORD_END}", re.IGNORECASE)


def _tokens(name: str) -> list[str]:
    """A name's characters, a run of spaces as one " ", letters in lower case."""
    tokens: list[str] = []
    for char in " ".join(name.split()):
        lower = char.lower()
        tokens.append(lower if len(lower) == 1 else char)
    return tokens


def _trie_pattern(node: Mapping[str, Any]) -> str:
    branches = [
        (r"\s+" if token == " " else re.escape(token)) + _trie_pattern(child)
        for token, child in sorted(node.items())
        if token
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if "" in node else body


@functools.cache
def _lexicon() -> _Lexicon:
    """Compile the shipped currency tables on first use, keeping the import cheap."""
    prefix, suffix, codes = shipped_tables()
    return _Lexicon(
        prefix=_alternation(prefix),
        suffix=_alternation(suffix),
        codes={key: frozenset(value) for key, value in codes.items()},
        prefix_start=_first_characters(prefix),
        suffix_start=_first_characters(suffix),
    )


def _first_characters(names: Mapping[str, str]) -> re.Pattern[str]:
    """One character that may start one of *names*, case ignored as
    :func:`_alternation` ignores it: matches wherever its pattern does."""
    first = sorted({_tokens(name)[0] for name in names.values()})
    return re.compile(f"[{''.join(re.escape(char) for char in first)}]", re.IGNORECASE)


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


_CHANGE = _alternation({w: w for w in (*_EN_CHANGES, *_ZH_CHANGES)})
_CHANGES: Final[Mapping[str, Change]] = {
    _normalized(word): change
    for word, change in (*_EN_CHANGES.items(), *_ZH_CHANGES.items())
}
_MULTIPLE = _alternation({w: w for w in _MULTIPLES})


# -- lookups in babel and the registry --------------------------------------------


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


@functools.lru_cache(maxsize=8192)
def _registry_units(word: str) -> tuple[str, ...]:
    """Canonical names of the units *word* may name ("GW" -> "gigawatt").

    Kept for as many words as a long document brings: pint takes some 50 µs
    a word, and a megabyte of random letters after numbers brings some 3,500
    distinct ones (with 1,024 kept, 4,056 lookups).
    """
    try:
        candidates = ureg.parse_unit_name(word)
    except Exception:  # pint trips over odd text in assorted ways: not a unit
        return ()
    return tuple(dict.fromkeys(prefix + name for prefix, name, _ in candidates))
