"""Figures as text for English and Chinese readers, exactly and through CLDR.

Numbers, currency symbols, currency names and the patterns that join a number
to a currency name all come from CLDR through :mod:`babel.numbers`.  What CLDR
does not have is kept in one small table per language: the qualifier phrases
("more than", 超过) and the name of the yuan.

Every text reads back to the value it shows: a compact form such as
``491.2 billion`` is used only when it is the exact value, with as many
fraction digits as that needs; otherwise the number is written in full
(``1,234,567.89``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from decimal import (
    ROUND_CEILING,
    ROUND_FLOOR,
    ROUND_HALF_EVEN,
    Context,
    Decimal,
    localcontext,
)
from functools import lru_cache
from typing import Final, Literal

import attrs
from babel import Locale, UnknownLocaleError
from babel.localedata import LocaleDataDict
from babel.numbers import (
    format_compact_currency,
    format_compact_decimal,
    format_currency,
    format_decimal,
    get_currency_name,
    get_currency_unit_pattern,
    parse_pattern,
)

from industrial_plan._errors import FieldError
from industrial_plan._money.units import (
    Quantity,
    currency_of,
    exact_arithmetic,
    in_base_units,
    quantize,
    tidy,
    unit_text,
    ureg,
)

from .figure import Figure
from .forms import Change, is_percent
from .qualifier import Qualifier

__all__ = ["format_figure", "format_quantity"]

Style = Literal["long", "compact"]

# Past six fraction digits a compact number is harder to read than the full
# one: "1,234,567.891 yuan", not "1.234567891 million yuan".
_MAX_FRACTION_DIGITS: Final = 6


@attrs.frozen
class _Language:
    """What formatting needs to know about one language besides CLDR's data.

    Attributes:
        code: the language's code, as babel parses it.
        cldr: the locale whose CLDR data is used for every number and name.
        long_compact: babel's compact format type for the long style.
        long_from: the smallest magnitude the long style writes with a scale
            word; smaller numbers are written in full.
        qualifiers: the phrase for each qualifier ("" for an exact figure).
        joiner: what stands between qualifier phrases and the number.
        currency_names: names that replace CLDR's in the long style.
        brackets: what encloses a stated equivalent, spacing included.
        unit_space: what stands between a number and a unit symbol.
        changes: the phrase before the number for each :class:`Change`.
    """

    code: str
    cldr: Locale
    long_compact: Literal["short", "long"]
    long_from: Decimal
    qualifiers: Mapping[Qualifier, str]
    joiner: str
    currency_names: Mapping[str, str]
    brackets: tuple[str, str]
    unit_space: str
    changes: Mapping[Change, str]


# Qualifier words are not in CLDR.  These phrases are the canonical ones that
# industrial_plan's figure parser reads back, so change them only together.
_ENGLISH: Final = _Language(
    code="en",
    cldr=Locale.parse("en"),
    long_compact="long",
    # English prose writes "12,000 yuan", not "12 thousand yuan".
    long_from=Decimal(10**6),
    qualifiers={
        Qualifier.EXACT: "",
        Qualifier.ABOUT: "about",
        Qualifier.AT_LEAST: "at least",
        Qualifier.MORE_THAN: "more than",
        Qualifier.AT_MOST: "at most",
        Qualifier.LESS_THAN: "less than",
    },
    joiner=" ",
    # English-language Chinese sources write "yuan"; CLDR says "Chinese yuan".
    currency_names={"CNY": "yuan"},
    brackets=(" (", ")"),
    unit_space=" ",
    changes={
        Change.GROWTH: "growth of",
        Change.AVERAGE_GROWTH: "average annual growth of",
        Change.REDUCTION: "a reduction of",
        Change.INCREMENT: "add",
        Change.CUMULATIVE: "a cumulative total of",
    },
)

_CHINESE: Final = _Language(
    code="zh",
    # Plain "zh" carries no territory; zh_Hans_CN is what Chinese plans use.
    cldr=Locale.parse("zh_Hans_CN"),
    # CLDR's long and short Chinese forms agree ("4912亿"); short is the base.
    long_compact="short",
    # Chinese scale words start at 万; below it numbers are written in full.
    long_from=Decimal(10**4),
    qualifiers={
        Qualifier.EXACT: "",
        Qualifier.ABOUT: "约",
        Qualifier.AT_LEAST: "不低于",
        Qualifier.MORE_THAN: "超过",
        Qualifier.AT_MOST: "不超过",
        Qualifier.LESS_THAN: "不到",
    },
    joiner="",
    # Chinese texts count yuan in 元 ("4912亿元"); CLDR's name is 人民币.
    currency_names={"CNY": "元"},
    brackets=("（", "）"),
    # SI writes a space before a unit symbol, in Chinese text too: "150万 t".
    unit_space=" ",
    changes={
        Change.GROWTH: "增长",
        Change.AVERAGE_GROWTH: "年均增长",
        Change.REDUCTION: "下降",
        Change.INCREMENT: "新增",
        Change.CUMULATIVE: "累计",
    },
)

# 每万人口: the number of people a Chinese ratio is per, in words.
_CHINESE_PER: Final[Mapping[int, str]] = {
    10: "十",
    100: "百",
    1000: "千",
    10**4: "万",
    10**5: "十万",
    10**6: "百万",
    10**7: "千万",
    10**8: "亿",
}

_LANGUAGES: Final = {language.code: language for language in (_ENGLISH, _CHINESE)}
_SUPPORTED_TEXT: Final = (
    "'en' or 'zh', or a babel locale id of those languages "
    "('en_US', 'zh_CN', 'zh_Hans_CN')"
)


COMPUTED_DIGITS: Final = 4
"""Significant digits reports show of a figure the library computed (a share
from its parts, an observed growth rate, a gap, an amount converted); a
figure as stated prints as stated."""


def rounded(figure: Figure, digits: int = COMPUTED_DIGITS) -> Figure:
    """*figure* to *digits* significant digits, rounded so that a bound holds.

    A lower bound rounds down and an upper bound up; an exact value that
    rounding changes becomes "about".  Only for display: values stay exact.

    >>> from industrial_plan import Figure, amount, format_figure
    >>> share = Figure(amount("27.14285714285714285714285714", "percent"))
    >>> format_figure(rounded(share))
    'about 27.14%'
    """
    value = Decimal(figure.quantity.magnitude)
    if not value or digits < 1:
        return figure
    quantum = Decimal(1).scaleb(value.adjusted() - digits + 1)
    if quantum <= Decimal(1).scaleb(value.as_tuple().exponent):  # type: ignore[arg-type]
        return figure  # no more digits than that: nothing to round
    shown = tidy(quantize(value, quantum, _rounding(figure.qualifier)))
    if shown == value:
        return figure
    exact = figure.qualifier is Qualifier.EXACT
    return attrs.evolve(
        figure,
        quantity=ureg.Quantity(shown, figure.quantity.units),
        qualifier=Qualifier.ABOUT if exact else figure.qualifier,
        approximate=True if exact else figure.approximate,
        stated_equivalent=None,
    )


def _rounding(qualifier: Qualifier) -> str:
    if qualifier in (Qualifier.AT_LEAST, Qualifier.MORE_THAN):
        return ROUND_FLOOR
    if qualifier in (Qualifier.AT_MOST, Qualifier.LESS_THAN):
        return ROUND_CEILING
    return ROUND_HALF_EVEN


def format_figure(
    figure: Figure,
    *,
    locale: str = "en",
    style: str = "long",
    digits: int | None = None,
) -> str:
    """A figure as text in English or Chinese, with its qualifier.

    The text reads back to the figure's exact value: see
    :func:`format_quantity` for how numbers and units are written.  The
    qualifier comes first, in the same language ("more than", 超过); a bounded
    figure that is also approximate gets both ("more than about").  A stated
    equivalent follows in brackets, in the same style.

    Args:
        figure: the figure to write.
        locale: ``"en"``, ``"zh"`` or a babel locale id of either language
            (``"en_US"``, ``"zh_CN"``, ``"zh_Hans_CN"``).  The language picks
            the words; CLDR's data for ``en`` or ``zh_Hans_CN`` is used for
            every territory, so that the text always reads back the same way.
            Traditional-script Chinese is not supported.
        style: ``"long"`` (scale and currency as words) or ``"compact"``
            (CLDR's short forms with currency symbols).
        digits: for a figure the library computed, the significant digits
            to show (:data:`COMPUTED_DIGITS` in reports), rounded so that a
            bound still holds (:func:`rounded`); ``None`` writes every digit.

    Returns:
        The figure as text.

    Raises:
        ValueError: for an unsupported locale or style, naming it.

    >>> from industrial_plan import Figure, Qualifier, amount
    >>> pillars = Figure(amount(2, "trillion CNY"), Qualifier.MORE_THAN)
    >>> format_figure(pillars)
    'more than 2 trillion yuan'
    >>> format_figure(pillars, locale="zh")
    '超过2万亿元'
    >>> format_figure(Figure(amount(2, "trillion CNY"), "at least", approximate=True))
    'at least about 2 trillion yuan'
    >>> stated = Figure(
    ...     amount(3, "trillion CNY"), stated_equivalent=amount("442.2", "billion USD")
    ... )
    >>> format_figure(stated)
    '3 trillion yuan (442.2 billion US dollars)'
    >>> format_figure(stated, locale="zh_CN")
    '3万亿元（4422亿美元）'
    >>> format_figure(stated, style="compact")
    'CN¥3T ($442.2B)'
    """
    language = _language(locale)
    checked = _style(style)
    if digits is not None:
        figure = rounded(figure, digits)
    key = (_figure_key(figure), language.code, checked)
    known = _WRITTEN.get(key)
    if known is not None:
        return known
    if language.code == "zh":
        text = _chinese(figure, language, checked)
    else:
        text = _english(figure, language, checked)
    if figure.stated_equivalent is not None:
        opening, closing = language.brackets
        equivalent = _quantity_text(figure.stated_equivalent, language, checked)
        text = f"{text}{opening}{equivalent}{closing}"
    if figure.estimate:
        # 预计增长5%, "estimated growth of 5%": the word comes first.
        text = f"预计{text}" if language.code == "zh" else f"estimated {text}"
    if len(_WRITTEN) >= _WRITTEN_MAX:
        _WRITTEN.clear()
    _WRITTEN[key] = text
    return text


# Reports write the same figures many times (a target per row, its review,
# its chart label), and babel and pint make each text cost ~100 µs.  The key
# holds everything the text depends on, the unit as written included ("2 GW"
# and "2,000 MW" are equal quantities but different texts); never the source.
_WRITTEN: dict[tuple[object, ...], str] = {}
_WRITTEN_MAX: Final = 16_384


def _figure_key(figure: Figure) -> tuple[object, ...]:
    equivalent = figure.stated_equivalent
    return (
        figure.quantity.magnitude,
        figure.quantity._units,
        figure.qualifier,
        figure.approximate,
        figure.change,
        figure.base_year,
        figure.share_of,
        figure.per,
        figure.counted,
        figure.measure,
        None if equivalent is None else (equivalent.magnitude, equivalent._units),
        figure.estimate,
    )


def _english(figure: Figure, language: _Language, style: Style) -> str:
    """growth of | more than | 20 | patents | per 10,000 people | of X | from Y.

    Chinese words have no place in English: a measure word (家, 件) and a
    Chinese noun of what is counted are left out ("more than 80 家" is "more
    than 80"); an English noun stays ("more than 80 enterprises").
    """
    counted = figure.counted
    words = [
        language.changes[figure.change] if figure.change else "",
        _qualifier_phrase(figure, language),
        _quantity_text(figure.quantity, language, style),
        "" if counted is None or _has_chinese(counted) else counted,
    ]
    if figure.per is not None:
        per = "capita" if figure.per == 1 else f"{_plain(figure.per, language)} people"
        words.append(f"per {per}")
    if figure.share_of is not None:
        words.append(f"of {figure.share_of}")
    if figure.base_year is not None:
        words.append(f"from {figure.base_year}")
    return " ".join(word for word in words if word)


def _chinese(figure: Figure, language: _Language, style: Style) -> str:
    """比2020年 | 占GDP比重 | 每万人口 | 专利 | 超过 | 20 | 件, or 件 then 专利."""
    words = []
    if figure.base_year is not None:
        words.append(f"比{figure.base_year}年")
    if figure.share_of is not None:
        words.append(f"占{figure.share_of}比重")
    # A noun stands before the number after 每万人口, 新增 and 累计, as plans
    # write it (每万人口高价值发明专利拥有量超过20件); after a measure word otherwise.
    chinese_noun = bool(figure.counted) and _is_chinese(figure.counted or "")
    noun_first = chinese_noun and (
        figure.per is not None or figure.change in _NOUN_FIRST
    )
    if figure.per is not None:
        count = int(figure.per)
        words.append(
            "人均" if count == 1 else f"每{_CHINESE_PER.get(count, count)}人口"
        )
        words.append(figure.counted or "" if noun_first else "")
    if figure.change is not None:
        words.append(language.changes[figure.change])
        if noun_first and figure.per is None:
            words.append(figure.counted or "")
    words.append(_qualifier_phrase(figure, language))
    words.append(_quantity_text(figure.quantity, language, style))
    words.append(figure.measure or "")
    if figure.counted and not noun_first:
        # A Chinese noun follows its measure word; anything else stands apart.
        joined = figure.measure and chinese_noun
        words.append(figure.counted if joined else f" {figure.counted}")
    return "".join(words)


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= char <= "\u9fff" for char in text)


def _is_chinese(text: str) -> bool:
    return all("\u4e00" <= char <= "\u9fff" or char == "·" for char in text)


_NOUN_FIRST: Final = frozenset({Change.INCREMENT, Change.CUMULATIVE})


def _plain(value: Decimal, language: _Language) -> str:
    with _room_for(value):
        return format_decimal(value, locale=language.cldr, decimal_quantization=False)


def format_quantity(
    quantity: Quantity, *, locale: str = "en", style: str = "long"
) -> str:
    """A quantity as text in English or Chinese, as an exact figure.

    Money is written with a compact number and the currency's name in the
    long style (``491.2 billion yuan``, ``4912亿元``) and with CLDR's compact
    currency format in the compact style (``CN¥491.2B``, ``¥4912亿``).  Other
    quantities are the number and the unit's pint symbol (``1.5 million t``,
    ``150万 t``); counts are just the number.

    Names come from CLDR in the count's plural form ("US dollars", "欧元"),
    with one exception: the yuan is "yuan" in English and 元 in Chinese, as
    Chinese sources write it, where CLDR says "Chinese yuan" and 人民币.

    The number is chosen so that the text reads back exactly.  A compact form
    is used with the fewest fraction digits (at most six) that show the exact
    value; if none does, the
    number is written in full with CLDR's grouping, every digit kept.  In the
    long style, English numbers below a million and Chinese numbers below 万
    are always written in full, as prose writes them.

    Args:
        quantity: a quantity of :data:`industrial_plan.ureg`.
        locale: as for :func:`format_figure`.
        style: ``"long"`` or ``"compact"``.

    Returns:
        The quantity as text.

    Raises:
        ValueError: for an unsupported locale or style, naming it.

    >>> from industrial_plan import amount
    >>> format_quantity(amount("491.2", "billion CNY"))
    '491.2 billion yuan'
    >>> format_quantity(amount("491.2", "billion CNY"), locale="zh")
    '4912亿元'
    >>> format_quantity(amount("442.2", "billion USD"), style="compact")
    '$442.2B'
    >>> format_quantity(amount("1234567891.23", "CNY"))
    '1,234,567,891.23 yuan'
    >>> format_quantity(amount("1.5", "million t")), format_quantity(amount(1200))
    ('1.5 million t', '1,200')
    """
    return format_figure(Figure(quantity), locale=locale, style=style)


@lru_cache(maxsize=64)
def _language(locale: str) -> _Language:
    """The language for a locale id, or a ValueError naming the id."""
    try:
        # babel's own separator is "_"; BCP 47 ids ("zh-Hans-CN") use "-".
        parsed: Locale | None = Locale.parse(str(locale).replace("-", "_"))
    except (ValueError, TypeError, UnknownLocaleError):
        parsed = None
    # The phrases and the 元 override are Simplified Chinese; Traditional
    # script would mix scripts and write scale words (億, 兆) we do not read.
    if parsed is None or parsed.script == "Hant" or parsed.language not in _LANGUAGES:
        raise FieldError(f"locale {locale!r} is not supported; use {_SUPPORTED_TEXT}")
    return _LANGUAGES[parsed.language]


def _style(style: str) -> Style:
    if style == "long":
        return "long"
    if style == "compact":
        return "compact"
    raise FieldError(f"style {style!r} is not supported; use 'long' or 'compact'")


def _qualifier_phrase(figure: Figure, language: _Language) -> str:
    """The figure's qualifier in words ("more than about"); "" when exact."""
    phrases = [language.qualifiers[figure.qualifier]]
    # An approximate bound ("more than about 2 trillion") says both things.
    if figure.approximate and figure.qualifier is not Qualifier.ABOUT:
        phrases.append(language.qualifiers[Qualifier.ABOUT])
    return language.joiner.join(phrase for phrase in phrases if phrase)


def _quantity_text(quantity: Quantity, language: _Language, style: Style) -> str:
    if is_percent(quantity):
        # CLDR's percent pattern is "#,##0%" in both languages.
        return f"{_plain(tidy(quantity.magnitude), language)}%"
    if dict(quantity._units) == {"percentage_point": 1}:
        number = _plain(tidy(quantity.magnitude), language)
        if language.code == "zh":
            return f"{number}个百分点"
        return f"{number} percentage point{'' if abs(quantity.magnitude) == 1 else 's'}"
    code = currency_of(quantity)
    if code is not None:
        # Convert to the currency itself: the scale (or a prefix) goes into
        # the number, where CLDR's compact forms put it back as a word.
        with exact_arithmetic():
            value = quantity.to(code).magnitude
        return _money_text(tidy(value), code, language, style)
    base = in_base_units(quantity)
    number = _number_text(tidy(base.magnitude), language, style)
    unit = unit_text(base)
    # CLDR has no pattern for pint's unit symbols: SI's "number space symbol".
    return f"{number}{language.unit_space}{unit}" if unit else number


def _money_text(value: Decimal, code: str, language: _Language, style: Style) -> str:
    if style == "compact":
        return _compact_money(value, code, language)
    number = _number_text(value, language, style)
    count = abs(value)
    name = language.currency_names.get(code) or get_currency_name(
        code, count=count, locale=language.cldr
    )
    # CLDR's unitPattern places the number beside the name: "{0} {1}", "{0}{1}".
    pattern = get_currency_unit_pattern(code, count=count, locale=language.cldr)
    return pattern.format(number, name)


def _compact_money(value: Decimal, code: str, language: _Language) -> str:
    formats = language.cldr.compact_currency_formats["short"]
    digits = _compact_digits(value, formats)
    with _room_for(value):
        if digits is None:
            return format_currency(
                value, code, locale=language.cldr, decimal_quantization=False
            )
        return format_compact_currency(
            value, code, locale=language.cldr, fraction_digits=digits
        )


def _number_text(value: Decimal, language: _Language, style: Style) -> str:
    format_type = language.long_compact if style == "long" else "short"
    formats = language.cldr.compact_decimal_formats[format_type]
    digits = None
    if style == "compact" or abs(value) >= language.long_from:
        digits = _compact_digits(value, formats)
    with _room_for(value):
        if digits is None:
            # Every digit, grouped: decimal_quantization=False stops babel
            # rounding to the pattern's three fraction digits.
            return format_decimal(
                value, locale=language.cldr, decimal_quantization=False
            )
        return format_compact_decimal(
            value, format_type=format_type, locale=language.cldr, fraction_digits=digits
        )


def _compact_digits(value: Decimal, formats: LocaleDataDict) -> int | None:
    """Fraction digits with which babel's compact form shows *value* exactly.

    ``None`` when no number of digits up to ``_MAX_FRACTION_DIGITS`` does.
    babel rounds compact numbers silently, so this divides *value* by the
    scale babel will pick and counts the digits the quotient needs.

    >>> en = _ENGLISH.cldr.compact_decimal_formats["long"]
    >>> _compact_digits(Decimal("491200000000"), en)
    1
    >>> _compact_digits(Decimal("1234567.89"), en) is None
    True
    """
    divisor = _compact_divisor(abs(value), formats)
    if divisor is None:
        return 0  # babel writes numbers it does not scale in full
    with _room_for(value):
        quotient = (value / divisor).normalize()
    exponent = quotient.as_tuple().exponent
    assert isinstance(exponent, int)  # value is finite
    digits = max(0, -exponent)
    return digits if digits <= _MAX_FRACTION_DIGITS else None


def _compact_divisor(size: Decimal, formats: LocaleDataDict) -> int | None:
    """The power of ten babel divides *size* by in a compact form, if any.

    This follows babel's ``_get_compact_format``: the largest magnitude not
    above *size* picks a pattern; a pattern of several zeros ("000 billion")
    divides by less than its magnitude; the plain pattern "0" does not scale.
    """
    magnitudes: list[int] = sorted((int(m) for m in formats["other"]), reverse=True)
    for magnitude in magnitudes:
        if size < magnitude:
            continue
        pattern = str(parse_pattern(formats["other"][str(magnitude)]).pattern)
        if pattern == "0":
            return None
        # "000 billion" shows billions, though it starts at 100 billion.
        return magnitude // int(10 ** (pattern.count("0") - 1))
    return None


@contextmanager
def _room_for(value: Decimal) -> Iterator[None]:
    """A Decimal context wide enough that dividing or quantizing *value* is exact.

    babel computes in the current context (28 digits by default), where a
    large value's compact quotient could round or fail to quantize.
    """
    _, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)  # value is finite
    width = len(digits) + abs(exponent) + _MAX_FRACTION_DIGITS + 2
    with localcontext(Context(prec=max(width, 28))):
        yield
