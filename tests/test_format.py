"""Formatting figures in English and Chinese: CLDR forms that read back exactly."""

from __future__ import annotations

import re
from decimal import Context, Decimal, localcontext

import pytest
from babel.numbers import parse_decimal
from hypothesis import given
from hypothesis import strategies as st

from industrial_plan import (
    Figure,
    Qualifier,
    Quantity,
    amount,
    in_base_units,
    tidy,
    ureg,
)
from industrial_plan._figures.format import format_figure, format_quantity
from industrial_plan.testing import amounts, figures

Q = Qualifier
LOCALES = ("en", "zh")
STYLES = ("long", "compact")

# The canonical phrases: the figure parser reads exactly these, so they are
# restated here as the contract rather than imported from the module.
PHRASES = {
    "en": {
        Q.EXACT: "",
        Q.ABOUT: "about",
        Q.AT_LEAST: "at least",
        Q.MORE_THAN: "more than",
        Q.AT_MOST: "at most",
        Q.LESS_THAN: "less than",
    },
    "zh": {
        Q.EXACT: "",
        Q.ABOUT: "约",
        Q.AT_LEAST: "不低于",
        Q.MORE_THAN: "超过",
        Q.AT_MOST: "不超过",
        Q.LESS_THAN: "不到",
    },
}
JOINER = {"en": " ", "zh": ""}

THREE_TRILLION = amount(3, "trillion CNY")
EXPORTS = amount("491.2", "billion CNY")
DOLLARS = amount("442.2", "billion USD")
TWO_TRILLION = amount(2, "trillion CNY")
STATED = Figure(THREE_TRILLION, stated_equivalent=DOLLARS)


# -- an independent reader for the numbers the formatter shows -----------------

SCALES = {
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
    "K": 10**3,
    "M": 10**6,
    "B": 10**9,
    "T": 10**12,
    "万": 10**4,
    "亿": 10**8,
    "万亿": 10**12,
}
NUMBER = re.compile(
    r"(?P<digits>\d[\d,]*(?:\.\d+)?)"
    r"(?:\s?(?P<scale>万亿|亿|万|thousand|million|billion|trillion|[KMBT])(?![A-Za-z]))?"
)


def shown_value(text: str) -> Decimal:
    """The first number in *text*, with its sign and scale word, as a Decimal.

    Written apart from the formatter: a regular expression finds the number,
    babel's parse_decimal reads its digits, a table gives the scale.
    """
    match = NUMBER.search(text)
    assert match is not None, text
    # Wide enough that neither babel's check nor the scaling rounds.
    with localcontext(Context(prec=100)):
        number = parse_decimal(match["digits"], locale="en", strict=True)
        scale = SCALES[match["scale"]] if match["scale"] else 1
        value = number * scale
    negative = "-" in text[: match.start()]
    return -value if negative else value


def value_of(quantity: Quantity) -> Decimal:
    return tidy(in_base_units(quantity).magnitude)


def phrase(figure: Figure, locale: str) -> str:
    words = [PHRASES[locale][figure.qualifier]]
    if figure.approximate and figure.qualifier is not Q.ABOUT:
        words.append(PHRASES[locale][Q.ABOUT])
    return JOINER[locale].join(word for word in words if word)


# -- named examples -------------------------------------------------------------


@pytest.mark.parametrize(
    ("quantity", "locale", "style", "expected"),
    [
        (THREE_TRILLION, "en", "long", "3 trillion yuan"),
        (THREE_TRILLION, "en", "compact", "CN¥3T"),
        (THREE_TRILLION, "zh", "long", "3万亿元"),
        (THREE_TRILLION, "zh", "compact", "¥3万亿"),
        (EXPORTS, "en", "long", "491.2 billion yuan"),
        (EXPORTS, "en", "compact", "CN¥491.2B"),
        (EXPORTS, "zh", "long", "4912亿元"),
        (EXPORTS, "zh", "compact", "¥4912亿"),
        (DOLLARS, "en", "long", "442.2 billion US dollars"),
        (DOLLARS, "en", "compact", "$442.2B"),
        (DOLLARS, "zh", "long", "4422亿美元"),
        (DOLLARS, "zh", "compact", "US$4422亿"),
        (amount(1, "USD"), "en", "long", "1 US dollar"),
        (amount(5, "million EUR"), "en", "long", "5 million euros"),
        (amount(5, "million EUR"), "zh", "long", "500万欧元"),
        (amount(7, "billion JPY"), "en", "long", "7 billion Japanese yen"),
        (amount(7, "billion JPY"), "zh", "long", "70亿日元"),
        (amount(8, "亿 HKD"), "zh", "long", "8亿港元"),
    ],
)
def test_named_examples(
    quantity: Quantity,
    locale: str,
    style: str,
    expected: str,
) -> None:
    assert format_quantity(quantity, locale=locale, style=style) == expected


@pytest.mark.parametrize(
    ("qualifier", "english", "chinese"),
    [
        (Q.EXACT, "2 trillion yuan", "2万亿元"),
        (Q.ABOUT, "about 2 trillion yuan", "约2万亿元"),
        (Q.AT_LEAST, "at least 2 trillion yuan", "不低于2万亿元"),
        (Q.MORE_THAN, "more than 2 trillion yuan", "超过2万亿元"),
        (Q.AT_MOST, "at most 2 trillion yuan", "不超过2万亿元"),
        (Q.LESS_THAN, "less than 2 trillion yuan", "不到2万亿元"),
    ],
)
def test_qualifiers_in_both_languages(
    qualifier: Qualifier, english: str, chinese: str
) -> None:
    figure = Figure(TWO_TRILLION, qualifier)
    assert format_figure(figure) == english
    assert format_figure(figure, locale="zh") == chinese


def test_qualifiers_in_compact_style() -> None:
    figure = Figure(TWO_TRILLION, Q.MORE_THAN)
    assert format_figure(figure, style="compact") == "more than CN¥2T"
    assert format_figure(figure, locale="zh", style="compact") == "超过¥2万亿"


def test_an_approximate_bound_says_both() -> None:
    figure = Figure(TWO_TRILLION, Q.MORE_THAN, approximate=True)
    assert format_figure(figure) == "more than about 2 trillion yuan"
    assert format_figure(figure, locale="zh") == "超过约2万亿元"


def test_a_bare_quantity_is_an_exact_figure() -> None:
    for locale in LOCALES:
        for style in STYLES:
            assert format_quantity(
                EXPORTS, locale=locale, style=style
            ) == format_figure(Figure(EXPORTS), locale=locale, style=style)


@pytest.mark.parametrize(
    ("locale", "style", "expected"),
    [
        ("en", "long", "3 trillion yuan (442.2 billion US dollars)"),
        ("en", "compact", "CN¥3T ($442.2B)"),
        ("zh", "long", "3万亿元（4422亿美元）"),
        ("zh", "compact", "¥3万亿（US$4422亿）"),
    ],
)
def test_stated_equivalent_follows_in_brackets(
    locale: str, style: str, expected: str
) -> None:
    assert format_figure(STATED, locale=locale, style=style) == expected


def test_a_qualified_stated_equivalent() -> None:
    figure = Figure(
        TWO_TRILLION, Q.MORE_THAN, stated_equivalent=amount(295, "billion USD")
    )
    assert format_figure(figure) == "more than 2 trillion yuan (295 billion US dollars)"
    assert format_figure(figure, locale="zh") == "超过2万亿元（2950亿美元）"


@pytest.mark.parametrize(
    ("quantity", "locale", "style", "expected"),
    [
        (amount(2, "GW"), "en", "long", "2 GW"),
        (amount(2, "GW"), "zh", "long", "2 GW"),
        (amount("1.5", "million t"), "en", "long", "1.5 million t"),
        (amount("1.5", "million t"), "en", "compact", "1.5M t"),
        (amount("1.5", "million t"), "zh", "long", "150万 t"),
        (amount("1.5", "million t"), "zh", "compact", "150万 t"),
        (amount(1200), "en", "long", "1,200"),
        (amount(1200), "zh", "long", "1,200"),
        (amount(1200), "en", "compact", "1.2K"),
        (amount(3, "万"), "zh", "long", "3万"),
        (amount(3, "万"), "en", "long", "30,000"),
    ],
)
def test_physical_units_and_counts(
    quantity: Quantity,
    locale: str,
    style: str,
    expected: str,
) -> None:
    assert format_quantity(quantity, locale=locale, style=style) == expected


# -- exactness ------------------------------------------------------------------


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("style", STYLES)
def test_sums_of_tenths_print_no_float_artefact(locale: str, style: str) -> None:
    for quantity in (
        amount(Decimal("0.3"), "CNY"),
        amount(0.1, "CNY") + amount(0.2, "CNY"),
        amount("0.3", "billion CNY"),
    ):
        text = format_quantity(quantity, locale=locale, style=style)
        assert "30000000000000004" not in text
        assert shown_value(text) == value_of(quantity)
    assert "0.3" in format_quantity(amount(Decimal("0.3"), "CNY"), locale=locale)


def test_inexact_compact_forms_fall_back_to_every_digit() -> None:
    quantity = amount("1234567891.23", "CNY")
    assert format_quantity(quantity) == "1,234,567,891.23 yuan"
    assert format_quantity(quantity, locale="zh") == "1,234,567,891.23元"
    assert format_quantity(quantity, style="compact") == "CN¥1,234,567,891.23"


def test_precision_is_the_fewest_digits_that_are_exact() -> None:
    assert format_quantity(amount("1.234567", "million CNY")) == (
        "1.234567 million yuan"
    )
    # Seven fraction digits are past the cap: written out in full instead.
    assert format_quantity(amount("1.2345678", "million CNY")) == ("1,234,567.8 yuan")
    assert format_quantity(amount("491.20", "billion CNY")) == "491.2 billion yuan"


@pytest.mark.parametrize(
    ("quantity", "expected"),
    [
        (amount(0, "CNY"), ("0 yuan", "CN¥0", "0元", "¥0")),
        (amount("-0", "CNY"), ("0 yuan", "CN¥0", "0元", "¥0")),
        (
            amount("-491.2", "billion CNY"),
            ("-491.2 billion yuan", "-CN¥491.2B", "-4912亿元", "-¥4912亿"),
        ),
    ],
)
def test_zero_and_negative_values(
    quantity: Quantity,
    expected: tuple[str, str, str, str],
) -> None:
    shown = tuple(
        format_quantity(quantity, locale=locale, style=style)
        for locale in LOCALES
        for style in STYLES
    )
    assert shown == expected


def test_values_beyond_the_default_decimal_precision() -> None:
    quantity = amount("1234567890123456789012345678901.5", "CNY")
    for locale in LOCALES:
        for style in STYLES:
            text = format_quantity(quantity, locale=locale, style=style)
            assert shown_value(text) == value_of(quantity)


# -- locales and styles ---------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("en", "491.2 billion yuan"),
        ("en_US", "491.2 billion yuan"),
        ("en_GB", "491.2 billion yuan"),
        ("zh", "4912亿元"),
        ("zh_CN", "4912亿元"),
        ("zh_Hans_CN", "4912亿元"),
        ("zh-Hans-CN", "4912亿元"),
    ],
)
def test_locale_ids_choose_the_language(locale: str, expected: str) -> None:
    assert format_quantity(EXPORTS, locale=locale) == expected


@pytest.mark.parametrize("locale", ["fr", "de_DE", "xx", "", "zh_TW", "zh_Hant"])
def test_unsupported_locale_raises_naming_it(locale: str) -> None:
    with pytest.raises(ValueError, match=re.escape(repr(locale))) as caught:
        format_quantity(EXPORTS, locale=locale)
    assert "'en'" in str(caught.value)
    assert "'zh'" in str(caught.value)


@pytest.mark.parametrize("style", ["short", "LONG", ""])
def test_unsupported_style_raises_naming_it(style: str) -> None:
    with pytest.raises(ValueError, match=re.escape(repr(style))):
        format_figure(Figure(EXPORTS), style=style)


# -- properties -----------------------------------------------------------------

STATED_FIGURES = figures(amounts(min_value=1, max_value=10**15, places=4, scaled=True))


@given(STATED_FIGURES, st.sampled_from(LOCALES), st.sampled_from(STYLES))
def test_every_figure_reads_back_exactly(
    figure: Figure, locale: str, style: str
) -> None:
    text = format_figure(figure, locale=locale, style=style)
    assert text
    assert "E+" not in text
    assert "E-" not in text
    assert text.startswith(phrase(figure, locale))
    assert text == format_figure(figure, locale=locale, style=style)
    assert shown_value(text) == value_of(figure.quantity)


@given(
    amounts(min_value=-(10**15), max_value=10**15, places=4),
    st.sampled_from(LOCALES),
    st.sampled_from(STYLES),
)
def test_negative_and_small_values_read_back_exactly(
    quantity: Quantity,
    locale: str,
    style: str,
) -> None:
    text = format_quantity(quantity, locale=locale, style=style)
    assert shown_value(text) == value_of(quantity)


@given(
    st.integers(1, 999),
    st.integers(6, 12),
    st.sampled_from(["CNY", "USD", "EUR", "t", "GW", ""]),
    st.sampled_from(LOCALES),
    st.sampled_from(STYLES),
)
def test_round_numbers_take_the_compact_form(
    digits: int, power: int, unit: str, locale: str, style: str
) -> None:
    quantity = ureg.Quantity(Decimal(digits) * 10**power, unit)
    text = format_quantity(quantity, locale=locale, style=style)
    match = NUMBER.search(text)
    assert match is not None
    assert match["scale"], text  # a scale word, not the number in full
    assert "," not in match["digits"], text
    assert shown_value(text) == value_of(quantity)


@given(
    amounts(min_value=1, max_value=10**15, places=4),
    st.sampled_from(["GW", "t", "million t", "万 t", ""]),
    st.sampled_from(LOCALES),
    st.sampled_from(STYLES),
)
def test_physical_quantities_read_back_exactly(
    money: Quantity,
    unit: str,
    locale: str,
    style: str,
) -> None:
    quantity = amount(money.magnitude, unit)
    text = format_quantity(quantity, locale=locale, style=style)
    assert shown_value(text) == value_of(quantity)
    symbol = format(in_base_units(quantity).units, "~")
    if symbol:
        assert text.endswith(" " + symbol)
