"""Numbers as figures state them: Arabic digits with a scale, Chinese numerals.

"1,234,567.89", "3B", "2 trillion", "4912亿", "四千九百一十二亿" and
"四点五亿" become an exact :class:`~decimal.Decimal` and the scale word kept
in the unit.  Digit strings are checked (grouping, exponents, at most
``_MAX_DIGITS`` digits) before they become numbers: nothing is evaluated.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Final

from industrial_plan._errors import FieldError
from industrial_plan._money.units import MAX_NUMBER_DIGITS, exact_arithmetic, tidy

from .lexicon import _CHINESE_SCALES, _COMPACT_SCALES, _ZH_UNIT, _lexicon
from .scanner import _Scanner

_MAX_DIGITS: Final = MAX_NUMBER_DIGITS
"""Most digits in one number: far beyond any stated figure, far below trouble."""

_MAX_NUMERAL: Final = 100
"""Longest Chinese numeral: two signs a digit and then some, for 40 digits."""

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
# "a trillion", "one billion": the number is a word, the scale stays the unit.
_ENGLISH_ONE = re.compile(
    r"(?:a|one)\s+(?=(?:thousand|million|billion|trillion)(?![A-Za-z]))", re.IGNORECASE
)
_NUMBER_START = re.compile(r"[0-9０-９零〇一二两三四五六七八九十]")

_FULL_WIDTH = str.maketrans("０１２３４５６７８９，．", "0123456789,.")

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
        raise FieldError("亿 needs a number before it")
    return high * 10**8 + _after_unit(text[cut + 1 :], 10**8, _below_yi)


def _below_yi(text: str) -> int:
    cut = text.find("万")
    if cut < 0:
        return _section(text)
    tail = text[cut + 1 :]
    if "万" in tail:
        raise FieldError("万 twice below 亿")
    high = _section(_nonempty(text[:cut]))
    if high == 0:
        raise FieldError("万 needs a number before it")
    return high * 10**4 + _after_unit(tail, 10**4, _section)


def _after_unit(text: str, unit: int, parse: Callable[[str], int]) -> int:
    """The part after 万 or 亿 (worth *unit*), which must be below it."""
    if not text:
        return 0
    if text[0] in _CN_ZEROS:
        # 零 stands for skipped places: "一万零五" is 10005.
        value = parse(_nonempty(text[1:]))
        if value == 0 or value * 10 >= unit:
            raise FieldError("零 must stand for a skipped place")
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
                raise FieldError("零 only between places")
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
                raise FieldError("two digits in a row")
        elif char == "十" and value == 0:
            digit, new_place, i = 1, 10, i + 1  # "十二" is 一十二
        else:
            raise FieldError(f"{char!r} out of place")
        if new_place >= place or (zero and new_place * 10 >= place):
            raise FieldError("places out of order")
        value, place, zero = value + digit * new_place, new_place, False
    if zero:
        raise FieldError("零 at the end")
    return value


def _nonempty(text: str) -> str:
    if not text:
        raise FieldError("a unit without a number before it")
    return text


def _chinese_number(run: str) -> tuple[Decimal, str | None, int]:
    """(magnitude, scale word, factor) of a Chinese numeral; ValueError if bad."""
    if "点" in run:
        return _chinese_decimal(run)
    value = _chinese_integer(run)
    if value >= 10**_MAX_DIGITS:
        raise FieldError(f"more than {_MAX_DIGITS} digits")
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
        raise FieldError("a scale before 点")
    whole = _chinese_integer(_nonempty(head))
    end = 0
    while end < len(rest) and rest[end] in _CN_DIGITS and rest[end] != "两":
        end += 1
    if end == 0:
        raise FieldError("no digits after 点")
    fraction = "".join(str(_CN_DIGITS[c]) for c in rest[:end])
    if len(str(whole)) + len(fraction) > _MAX_DIGITS:
        raise FieldError(f"more than {_MAX_DIGITS} digits")
    scale = rest[end:]
    if scale and scale not in _CHINESE_SCALES:
        raise FieldError(f"{scale!r} is not a scale")
    factor, word = _CHINESE_SCALES[scale] if scale else (1, None)
    return Decimal(f"{whole}.{fraction}"), word, factor


# -- Arabic numbers and their scales ------------------------------------------------


def _digits(scanner: _Scanner) -> Decimal | None:
    """An Arabic number here, checked for grouping, size and exponents."""
    start = scanner.pos
    found = scanner.match(_ARABIC)
    if found is None:
        return None
    text = found.group().translate(_FULL_WIDTH)
    # Only a text longer than the limit may hold too many digits: most are short.
    if len(text) > _MAX_DIGITS and sum(c.isdigit() for c in text) > _MAX_DIGITS:
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
    if (
        chinese is not None
        and not _starts_a_currency(scanner, chinese.start(1))
        # 30千瓦 is 30 kilowatts, not 30 thousand watts.
        and _ZH_UNIT.match(scanner.text, chinese.start(1)) is None
    ):
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
    if magnitude is None and scanner.match(_ENGLISH_ONE) is not None:
        magnitude = Decimal(1)
    if magnitude is not None:
        scale, factor = _arabic_scale(scanner)
    else:
        run = scanner.match(_CHINESE_NUMERAL)
        if run is None:
            found = "" if scanner.at_end() else f", found {scanner.word()!r}"
            raise scanner.error(f"expected a number{found}")
        if len(run.group()) > _MAX_NUMERAL:
            raise scanner.error(f"a numeral longer than {_MAX_NUMERAL} signs", start)
        numeral = run.group()
        if numeral in ("亿", "十亿", "百亿", "千亿", "万亿"):
            # 破百亿, 超千亿元: a scale of 亿 alone stands for one of it (a
            # lone 万 or 千 stays an error: it is a word more than a number).
            numeral = "一" + numeral
        try:
            magnitude, scale, factor = _chinese_number(numeral)
        except ValueError as error:
            raise scanner.error(
                f"{run.group()!r} is not a Chinese numeral ({error})", start
            ) from None
    if factor != 1:
        with exact_arithmetic():
            magnitude = tidy(magnitude * factor)
    return magnitude, scale
