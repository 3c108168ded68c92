"""The scanner over a figure's text, and the small steps that read with it.

:class:`_Scanner` holds the position and makes the :class:`ParseError` that
points at it; :class:`_Form` gathers what the words around the number say;
the steps read one thing where the scanner stands (qualifier words, a
currency, a unit, a count, a percent sign) and move past it or stay.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import combinations
from typing import Final

from industrial_plan._errors import ParseError
from industrial_plan._money.units import SCALE_WORDS, currency_code

from .currency_names import normalized as _normalized
from .forms import Change
from .lexicon import (
    _COUNTED,
    _ENGLISH_SCALE_WORDS,
    _LOWER_BOUNDS,
    _MEASURE,
    _NEARLY,
    _PERCENT_SIGN,
    _POINTS,
    _STOP,
    _UPPER_BOUNDS,
    _YEN_BY_LANGUAGE,
    _currency_words,
    _lexicon,
    _local_symbol,
    _registry_units,
    _unit_words,
    _zh_noun_after,
)
from .qualifier import Qualifier

_MAX_WORD: Final = 40
"""Longest unit word looked up in the registry."""

_SPACE = re.compile(r"\s*")
_OFFENDING = re.compile(r"[^\W\d_]+|[0-9０-９]+|\S")


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
    estimate: bool = False
    spans: list[tuple[str, int]] = field(default_factory=list)
    # Reading a document: a figure ends at its measure word (80家), since the
    # noun after it runs on into the sentence (80家企业实现营收…).
    document: bool = False

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
        # Called before nearly every step: one match, not a call to match().
        self.pos = _SPACE.match(self.text, self.pos).end()  # type: ignore[union-attr]

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


_NO_HINTS: Final = _Hints(None, None, None)


def _hints(currency: str | None, locale: str | None) -> _Hints:
    if currency is None and locale is None:
        return _NO_HINTS  # hints are frozen: one stands for every plain read
    code = None if currency is None else currency_code(currency)
    language = None if locale is None else re.split(r"[-_@.]", locale)[0].lower()
    return _Hints(code, language, locale)


# -- reading steps ------------------------------------------------------------------


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


def _physical_unit(scanner: _Scanner, form: _Form) -> tuple[str, int] | None:
    """A unit word here, up to three words long ("metric tons"), or None.

    Lower-case words that name no unit are what a count counts ("15,000
    enterprises"); they are kept on *form*.
    """
    start = scanner.pos
    found = scanner.peek(_unit_words())
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


@functools.lru_cache(maxsize=4096)
def _misspelt_scale(word: str) -> bool:
    """Whether *word* is a near miss of a scale word ("trillon"); kept, as
    difflib takes some 0.1 ms a word and documents repeat their nouns."""
    return bool(difflib.get_close_matches(word, _ENGLISH_SCALE_WORDS, cutoff=0.8))


_NEAR_CURRENCY: Final = 0.75
"""difflib's ratio from which a word is a misspelt currency name."""


@functools.lru_cache(maxsize=4096)
def _misspelt_currency(word: str) -> bool:
    """Whether *word* is a near miss of a currency's name ("yaun").

    The same answer as difflib's ratio of at least 0.75 against every name,
    found with far fewer comparisons (a document may hold thousands of
    distinct words after numbers).  A ratio of 0.75 needs the shorter word at
    least 0.6 of the longer, so names of other lengths are left out; and a
    three-letter code is near a word only when the word holds all its letters
    in order (words of 3 to 5 letters) or is two of its letters in order.
    Of those, difflib compares only the names whose letters in common with
    the word, counted with repeats, reach the ratio: the bound difflib itself
    tries second (``quick_ratio``), counted here at a third of its cost.
    """
    size = len(word)
    codes, pairs, longer = _currency_index()
    near = [name for name in longer if 0.6 * size <= len(name) <= size / 0.6]
    if size == 2:
        near += pairs.get(word, ())
    elif 3 <= size <= 5:
        near += sorted(codes.intersection(map("".join, combinations(word, 3))))
    counts = Counter(word).items()
    near = [
        name
        for name in near
        # difflib's quick_ratio, with its arithmetic: 2 * shared / both lengths.
        if 2.0 * sum(min(n, name.count(c)) for c, n in counts) / (size + len(name))
        >= _NEAR_CURRENCY
    ]
    return bool(difflib.get_close_matches(word, near, cutoff=_NEAR_CURRENCY))


@functools.cache
def _currency_index() -> tuple[frozenset[str], dict[str, list[str]], tuple[str, ...]]:
    """The three-letter names, them by each two of their letters in order, and
    the longer names."""
    codes = frozenset(name for name in _currency_words() if len(name) == 3)
    pairs: dict[str, list[str]] = {}
    for code in sorted(codes):
        for pair in dict.fromkeys(map("".join, combinations(code, 2))):
            pairs.setdefault(pair, []).append(code)
    longer = tuple(name for name in _currency_words() if len(name) != 3)
    return codes, pairs, longer


def _counted(scanner: _Scanner, form: _Form) -> bool:
    """A noun here naming what is counted: "enterprises", "high-value patents".

    A noun that misspells a scale word ("trillon"), or runs into a currency
    or a unit ("trillon yuan"), is a typo, not a count: that is an error.
    """
    found = scanner.peek(_COUNTED)
    if found is None:
        return False
    words = found.group().split()
    if _misspelt_scale(words[0].lower()):
        return False
    if any(_misspelt_currency(w) for w in words):
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
    if form.document:
        return True
    noun = scanner.match(_zh_noun_after())
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
