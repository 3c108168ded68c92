"""parse_figure: English and Chinese figures, qualifiers, currencies, safety."""

from __future__ import annotations

import re
import time
from decimal import Decimal, localcontext

import babel.numbers
import pytest
from hypothesis import given
from hypothesis import strategies as st

import industrial_plan._figures.parse as p
from industrial_plan import (
    CURRENCIES,
    Figure,
    ParseError,
    Qualifier,
    Quantity,
    Source,
    amount,
    currency_of,
    in_base_units,
)

HANG_GUARD = 0.5  # seconds: a hang guard for any one call, not a benchmark
HOSTILE_LIMIT = 0.05  # seconds: hostile inputs must fail fast

Q = Qualifier


def value(figure: Figure) -> tuple[Decimal, str | None]:
    """The figure's value without scale words, and its currency."""
    base = in_base_units(figure.quantity)
    return base.magnitude, currency_of(base)


def timed(text: str, **hints: str) -> tuple[Figure | ParseError, float]:
    """Parse *text*; return the figure or the ParseError, and the seconds taken."""
    start = time.perf_counter()
    try:
        result: Figure | ParseError = p.parse_figure(text, **hints)
    except ParseError as error:
        result = error
    return result, time.perf_counter() - start


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    # The currency tables are built on first use; time calls after that.
    p.parse_figure("1 yuan")


# -- the founding article ------------------------------------------------------


def test_pillar_target_with_its_dollar_equivalent() -> None:
    figure = p.parse_figure("3 trillion yuan ($442.2 billion)")
    assert value(figure) == (Decimal(3 * 10**12), "CNY")
    assert figure.qualifier is Q.EXACT
    assert not figure.approximate
    assert figure.stated_equivalent is not None
    equivalent = in_base_units(figure.stated_equivalent)
    assert (equivalent.magnitude, currency_of(equivalent)) == (
        Decimal(442_200_000_000),
        "USD",
    )
    assert round(figure.implied_rate().value, 4) == Decimal("6.7843")


def test_emerging_industries_target() -> None:
    figure = p.parse_figure("800 billion yuan")
    assert value(figure) == (Decimal(800 * 10**9), "CNY")
    assert figure.qualifier is Q.EXACT


def test_pillar_clusters_exceeded() -> None:
    figure = p.parse_figure("exceeded 2 trillion yuan")
    assert value(figure) == (Decimal(2 * 10**12), "CNY")
    assert figure.qualifier is Q.MORE_THAN
    assert not figure.approximate


def test_emerging_industries_reached_exactly() -> None:
    figure = p.parse_figure("reached 491.2 billion yuan")
    assert figure.qualifier is Q.EXACT
    magnitude, code = value(figure)
    assert code == "CNY"
    assert isinstance(magnitude, Decimal)
    assert str(magnitude) == "491200000000"
    assert magnitude == Decimal(491_200_000_000)


@pytest.mark.parametrize(
    ("text", "expected", "qualifier"),
    [
        ("超过2万亿元", 2 * 10**12, Q.MORE_THAN),
        ("4912亿元", 491_200_000_000, Q.EXACT),
        ("三万亿元", 3 * 10**12, Q.EXACT),
        ("四千九百一十二亿元", 491_200_000_000, Q.EXACT),
    ],
)
def test_article_figures_in_chinese(text: str, expected: int, qualifier: Q) -> None:
    figure = p.parse_figure(text)
    assert value(figure) == (Decimal(expected), "CNY")
    assert figure.qualifier is qualifier


def test_stated_form_is_kept() -> None:
    assert repr(p.parse_figure("491.2 billion yuan").quantity) == repr(
        amount("491.2", "billion yuan")
    )
    assert repr(p.parse_figure("4912亿元").quantity) == repr(amount(4912, "亿 CNY"))
    assert repr(p.parse_figure("三万亿元").quantity) == repr(amount(3, "万亿 CNY"))
    assert repr(p.parse_figure("1.5 million t").quantity) == repr(
        amount("1.5", "million t")
    )


@pytest.mark.parametrize(
    ("text", "other"),
    [
        ("100,000 Australian dollars", amount("0.0001", "billion AUD")),
        ("491.2 billion yuan", amount(4912, "亿 CNY")),
        ("4912亿元", amount("491.2", "billion CNY")),
        ("2 GW", amount(2000, "MW")),
        ("1,200", amount("1.2", "thousand")),
    ],
)
def test_parsed_quantities_convert_like_the_registrys(
    text: str, other: Quantity
) -> None:
    # Units built by the parser must mix with units pint built from text.
    quantity = p.parse_figure(text).quantity
    assert quantity == other
    assert other == quantity
    assert quantity.to(other.units) == other


def test_source_is_attached_unchanged() -> None:
    source = Source(publisher="chinadaily.com.cn", quote="exceeded 2 trillion yuan")
    figure = p.parse_figure("exceeded 2 trillion yuan", source=source)
    assert figure.source is source


# -- qualifiers ----------------------------------------------------------------

ENGLISH = {
    Q.MORE_THAN: ["exceeded", "exceeding", "exceeds", "over", "more than", "above"],
    Q.AT_LEAST: ["at least", "no less than", "not less than"],
    Q.ABOUT: [
        "about",
        "around",
        "approximately",
        "roughly",
        "some",
        "~",
    ],
    Q.AT_MOST: ["up to", "at most", "no more than", "not more than"],
    Q.LESS_THAN: ["less than", "under", "below"],
    Q.EXACT: [
        "reached",
        "reaching",
        "totalled",
        "totaled",
        "of",
        "was",
        "stood at",
        "hit",
    ],
}
CHINESE = {
    Q.MORE_THAN: ["超过", "逾", "超", "突破", "高于", "多于"],
    Q.AT_LEAST: ["至少", "不少于", "不低于"],
    Q.ABOUT: ["约", "大约"],
    Q.AT_MOST: ["至多", "最多", "不超过", "不高于"],
    Q.LESS_THAN: ["不到", "少于", "低于", "不足"],
    Q.EXACT: ["达到", "达", "为", "实现", "控制在", "保持在", "完成"],
}
CHINESE_SUFFIX = {"以上": Q.AT_LEAST, "左右": Q.ABOUT, "以内": Q.AT_MOST}
NEARLY = ["nearly", "almost", "近", "将近", "接近"]


@pytest.mark.parametrize("word", NEARLY)
def test_nearly_is_about_from_below(word: str) -> None:
    space = " " if word.isascii() else ""
    figure = p.parse_figure(f"{word}{space}2 trillion yuan")
    assert (figure.qualifier, figure.approximate) == (Q.AT_MOST, True)


def _table(words: dict[Q, list[str]]) -> list[tuple[str, Q]]:
    return [(word, q) for q, group in words.items() for word in group]


@pytest.mark.parametrize(("word", "qualifier"), _table(ENGLISH))
def test_english_qualifiers(word: str, qualifier: Q) -> None:
    for text in (f"{word} 2 trillion yuan", f"{word.upper()} 2 trillion yuan"):
        figure = p.parse_figure(text)
        assert figure.qualifier is qualifier
        assert figure.approximate is (qualifier is Q.ABOUT)
        assert value(figure) == (Decimal(2 * 10**12), "CNY")


@pytest.mark.parametrize(("word", "qualifier"), _table(CHINESE))
def test_chinese_qualifiers(word: str, qualifier: Q) -> None:
    figure = p.parse_figure(f"{word}2万亿元")
    assert figure.qualifier is qualifier
    assert value(figure) == (Decimal(2 * 10**12), "CNY")


@pytest.mark.parametrize(("word", "qualifier"), list(CHINESE_SUFFIX.items()))
def test_chinese_suffix_qualifiers(word: str, qualifier: Q) -> None:
    figure = p.parse_figure(f"2万亿元{word}")
    assert figure.qualifier is qualifier
    assert value(figure) == (Decimal(2 * 10**12), "CNY")


@pytest.mark.parametrize(
    ("text", "qualifier", "approximate"),
    [
        ("more than about 2 trillion yuan", Q.MORE_THAN, True),
        ("at least about 2 trillion yuan", Q.AT_LEAST, True),
        ("up to about 2 trillion yuan", Q.AT_MOST, True),
        ("less than roughly 2 trillion yuan", Q.LESS_THAN, True),
        ("超过约2万亿元", Q.MORE_THAN, True),
        ("不到约2万亿元", Q.LESS_THAN, True),
        ("约2万亿元左右", Q.ABOUT, True),
        ("超过2万亿元以上", Q.MORE_THAN, False),
        ("reached about 2 trillion yuan", Q.ABOUT, True),
        ("was more than 2 trillion yuan", Q.MORE_THAN, False),
        ("达到约2万亿元", Q.ABOUT, True),
        ("~2 trillion yuan", Q.ABOUT, True),
    ],
)
def test_combined_qualifiers(text: str, qualifier: Q, approximate: bool) -> None:
    figure = p.parse_figure(text)
    assert (figure.qualifier, figure.approximate) == (qualifier, approximate)


@pytest.mark.parametrize(
    ("text", "position", "word"),
    [
        ("more than less than 2 trillion yuan", 10, "less than"),
        ("超过2万亿元以内", 6, "以内"),
        ("at most at least 2 yuan", 8, "at least"),
    ],
)
def test_contradicting_qualifiers(text: str, position: int, word: str) -> None:
    with pytest.raises(ParseError, match="contradicts") as caught:
        p.parse_figure(text)
    assert caught.value.position == position
    assert repr(word) in str(caught.value)


def test_qualifier_words_need_a_word_boundary() -> None:
    with pytest.raises(ParseError, match="'overall'"):
        p.parse_figure("overall 2 trillion yuan")


# -- numbers -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,234,567.89", "1234567.89"),
        ("１，２３４，５６７．８９", "1234567.89"),
        ("0.5", "0.5"),
        ("三万亿", "3000000000000"),
        ("四千九百一十二亿", "491200000000"),
        ("两千", "2000"),
        ("一百零五", "105"),
        ("十二", "12"),
        ("十", "10"),
        ("〇", "0"),
        ("零", "0"),
        ("四点五", "4.5"),
        ("零点零五", "0.05"),
        ("四点五亿", "450000000"),
        ("三点二万亿", "3200000000000"),
        ("二〇二三", "2023"),
        ("一百五", "150"),
        ("三万五", "35000"),
        ("一亿五千万", "150000000"),
        ("十万零一十", "100010"),
        ("一万亿零一万", "1000000010000"),
        ("一亿亿", "10000000000000000"),
        ("2万亿", "2000000000000"),
        ("4912亿", "491200000000"),
        ("1.5万亿", "1500000000000"),
        ("2千亿", "200000000000"),
        ("3百亿", "30000000000"),
        ("2十亿", "2000000000"),
        ("5千万", "50000000"),
        ("5百万", "5000000"),
        ("5十万", "500000"),
        ("5万", "50000"),
        ("5千", "5000"),
        ("5百", "500"),
        ("2 万亿", "2000000000000"),
        ("1.5 trillion", "1500000000000"),
        ("2 Billion", "2000000000"),
        ("3 thousand", "3000"),
        ("4 millions", "4000000"),
        ("3T", "3000000000000"),
        ("442.2B", "442200000000"),
        ("1.5M", "1500000"),
        ("800K", "800000"),
        ("-3", "-3"),
        ("−3 trillion", "-3000000000000"),
    ],
)
def test_numbers(text: str, expected: str) -> None:
    assert value(p.parse_figure(text)) == (Decimal(expected), None)


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("1,2", 0),
        ("12,3456", 0),
        ("1,234,56", 0),
        ("一万一千万", 0),
        ("零十", 0),
        ("三点", 0),
        ("万", 0),
        ("万元", 0),
        ("一零百", 0),
        ("一千零五百", 0),
        ("点五", 0),
        ("三万点五", 0),
        ("四点五点", 0),
        ("1亿亿", 2),
        ("3万5千", 2),
        ("1e6", 1),
        ("1E+6 yuan", 1),
        (".5 yuan", 0),
    ],
)
def test_malformed_numbers(text: str, position: int) -> None:
    with pytest.raises(ParseError) as caught:
        p.parse_figure(text)
    assert caught.value.position == position


def test_compact_suffixes_are_case_sensitive() -> None:
    # "2T" is two trillion; "2 T" with a space is two tesla, as pint reads it.
    assert value(p.parse_figure("2T")) == (Decimal(2 * 10**12), None)
    assert p.parse_figure("2 T").quantity == amount(2, "T")
    with pytest.raises(ParseError):
        p.parse_figure("2b yuan")


# -- currencies ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("3 yuan", "CNY"),
        ("3 Yuan", "CNY"),
        ("3 RMB", "CNY"),
        ("RMB 3", "CNY"),
        ("3 renminbi", "CNY"),
        ("3元", "CNY"),
        ("人民币3元", "CNY"),
        ("3 Chinese yuan", "CNY"),
        ("3 cny", "CNY"),
        ("3 USD", "USD"),
        ("USD 3", "USD"),
        ("3 dollars", "USD"),
        ("3 dollar", "USD"),
        ("3 US dollars", "USD"),
        ("3 US  Dollar", "USD"),
        ("3美元", "USD"),
        ("3 euros", "EUR"),
        ("3 euro", "EUR"),
        ("3欧元", "EUR"),
        ("3 Japanese yen", "JPY"),
        ("3 yen", "JPY"),
        ("3日元", "JPY"),
        ("3港元", "HKD"),
        ("3港币", "HKD"),
        ("3 Hong Kong dollars", "HKD"),
        ("3 British pounds", "GBP"),
        ("3英镑", "GBP"),
        ("3 Swiss francs", "CHF"),
        ("3 South African rand", "ZAR"),
        ("3 Icelandic krónur", "ISK"),
        ("3澳大利亚元", "AUD"),
        ("$3", "USD"),
        ("US$3", "USD"),
        ("CN¥3", "CNY"),
        ("RMB¥3", "CNY"),
        ("HK$3", "HKD"),
        ("€3", "EUR"),
        ("£3", "GBP"),
        ("€ 3", "EUR"),
        ("JP¥3", "JPY"),
        ("A$3", "AUD"),
        ("₹3", "INR"),
        ("BGN3", "BGN"),
    ],
)
def test_currencies(text: str, code: str) -> None:
    assert value(p.parse_figure(text)) == (Decimal(3), code)


@pytest.mark.parametrize("code", sorted(CURRENCIES))
def test_every_currency_by_code_and_cldr_name(code: str) -> None:
    names = {code, code.lower()}
    for count in (None, 1, 2):
        names.add(babel.numbers.get_currency_name(code, count, locale="en"))
    names.add(babel.numbers.get_currency_name(code, locale="zh"))
    for name in sorted(names):
        assert value(p.parse_figure(f"5 {name}")) == (Decimal(5), code), name


@pytest.mark.parametrize("code", sorted(CURRENCIES))
@pytest.mark.parametrize("locale", ["en", "zh_CN"])
@pytest.mark.parametrize(
    "stated", ["3000000000000", "442200000000", "800000", "1500000", "44000", "999"]
)
def test_compact_currency_round_trip(code: str, locale: str, stated: str) -> None:
    number = Decimal(stated)
    for signed in (number, -number):
        text = babel.numbers.format_compact_currency(
            signed, code, locale=locale, fraction_digits=1
        )
        assert value(p.parse_figure(text, currency=code)) == (signed, code), text


@pytest.mark.parametrize("code", sorted(CURRENCIES))
@pytest.mark.parametrize("locale", ["en", "zh_CN"])
def test_long_currency_round_trip(code: str, locale: str) -> None:
    # babel writes as many decimals as the currency has: none for yen.
    digits = babel.numbers.get_currency_precision(code)
    number = Decimal("1234567.89").quantize(Decimal(1).scaleb(-digits))
    text = babel.numbers.format_currency(number, code, locale=locale)
    assert value(p.parse_figure(text, currency=code)) == (number, code), text


@pytest.mark.parametrize("text", ["¥3万亿", "￥3万亿", "¥3 trillion"])
def test_yen_sign_alone_is_ambiguous(text: str) -> None:
    with pytest.raises(ParseError, match="ambiguous") as caught:
        p.parse_figure(text)
    assert caught.value.position == 0
    assert "currency=" in str(caught.value)
    assert "locale=" in str(caught.value)


@pytest.mark.parametrize(
    ("hints", "code"),
    [
        ({"currency": "CNY"}, "CNY"),
        ({"currency": "JPY"}, "JPY"),
        ({"currency": "yuan"}, "CNY"),
        ({"locale": "zh_CN"}, "CNY"),
        ({"locale": "zh"}, "CNY"),
        ({"locale": "zh-Hans-CN"}, "CNY"),
        ({"locale": "ja_JP"}, "JPY"),
        ({"locale": "ja"}, "JPY"),
        ({"currency": "JPY", "locale": "zh_CN"}, "JPY"),
    ],
)
def test_yen_sign_with_a_hint(hints: dict[str, str], code: str) -> None:
    for text in ("¥3万亿", "￥3万亿"):
        assert value(p.parse_figure(text, **hints)) == (Decimal(3 * 10**12), code)


@pytest.mark.parametrize(
    ("locale", "code"), [("en_US", "JPY"), ("en", "JPY"), ("de", "JPY")]
)
def test_yen_sign_follows_the_locales_cldr_symbols(locale: str, code: str) -> None:
    # In English and German CLDR data "¥" is the yen; the yuan is "CN¥".
    assert value(p.parse_figure("¥3", locale=locale)) == (Decimal(3), code)


@pytest.mark.parametrize("hints", [{}, {"currency": "USD"}, {"locale": "xx"}])
def test_yen_sign_with_an_unhelpful_hint(hints: dict[str, str]) -> None:
    with pytest.raises(ParseError, match="ambiguous"):
        p.parse_figure("¥3", **hints)


def test_hints_never_override_a_stated_currency() -> None:
    assert value(p.parse_figure("$3", currency="CNY")) == (Decimal(3), "USD")
    assert value(p.parse_figure("CN¥3", locale="ja")) == (Decimal(3), "CNY")


@pytest.mark.parametrize(
    ("text", "position", "reason"),
    [
        ("$3 yuan", 3, "two currencies"),
        ("$3 GW", 3, "currency before a unit"),
        ("3 $", 2, "'$'"),
    ],
)
def test_currency_conflicts(text: str, position: int, reason: str) -> None:
    with pytest.raises(ParseError, match=re.escape(reason)) as caught:
        p.parse_figure(text)
    assert caught.value.position == position


# -- physical units ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2 GW", amount(2, "GW")),
        ("2GW", amount(2, "GW")),
        ("2 gigawatts", amount(2, "GW")),
        ("300 MW", amount(300, "MW")),
        ("1.5 million t", amount("1.5", "million t")),
        ("10,000 tonnes", amount(10_000, "t")),
        ("5 GWh", amount(5, "GWh")),
        ("5 kWh", amount(5, "kWh")),
        ("2 metric tons", amount(2, "t")),
        ("3 Mt", amount(3, "Mt")),
        ("1,200", amount(1200)),
        ("2 million", amount(2, "million")),
        ("2万 GW", amount(2, "万 GW")),
    ],
)
def test_physical_units(text: str, expected: Quantity) -> None:
    figure = p.parse_figure(text)
    assert figure.quantity == expected
    assert repr(figure.quantity) == repr(expected)


def test_physical_unit_with_qualifiers() -> None:
    figure = p.parse_figure("more than 2 GW")
    assert (figure.qualifier, figure.quantity) == (Q.MORE_THAN, amount(2, "GW"))
    assert p.parse_figure("2 GW以上").qualifier is Q.AT_LEAST


@pytest.mark.parametrize(
    ("text", "position", "word"),
    [("3 Gizmos", 2, "Gizmos"), ("2 at", 2, "at"), ("2 GW of", 5, "of")],
)
def test_unknown_units(text: str, position: int, word: str) -> None:
    with pytest.raises(ParseError) as caught:
        p.parse_figure(text)
    assert caught.value.position == position
    assert repr(word) in str(caught.value)


# -- stated equivalents ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "own", "other"),
    [
        ("3 trillion yuan ($442.2 billion)", "CNY", "USD"),
        ("3 trillion yuan (about $442.2 billion)", "CNY", "USD"),
        ("3 trillion yuan ( US$442.2B ).", "CNY", "USD"),
        ("3万亿元（4422亿美元）", "CNY", "USD"),
        ("3万亿元(4422亿美元)", "CNY", "USD"),
        ("3万亿元（约4422亿美元）。", "CNY", "USD"),
        ("CN¥3T ($442.2B)", "CNY", "USD"),
    ],
)
def test_stated_equivalents(text: str, own: str, other: str) -> None:
    figure = p.parse_figure(text)
    assert value(figure) == (Decimal(3 * 10**12), own)
    assert figure.stated_equivalent is not None
    equivalent = in_base_units(figure.stated_equivalent)
    assert equivalent.magnitude == Decimal(442_200_000_000)
    assert currency_of(equivalent) == other


def test_qualified_figure_with_equivalent() -> None:
    figure = p.parse_figure("超过2万亿元以上（约2948亿美元）")
    assert (figure.qualifier, figure.approximate) == (Q.MORE_THAN, False)
    assert figure.stated_equivalent == amount(2948, "亿 USD")


@pytest.mark.parametrize(
    ("text", "position", "reason"),
    [
        ("3 trillion yuan (2 trillion yuan)", 16, "CNY too"),
        ("3 trillion yuan (3 GW)", 16, "amount of money"),
        ("3 GW ($3)", 5, "in a currency"),
        ("3 trillion yuan ($442.2 billion", 31, "expected '\\)'"),
        ("3 trillion yuan (more than $4)", 17, "only 'about'"),
        ("3 trillion yuan (($4))", 17, "expected a number"),
        ("3 trillion yuan ($4) ($5)", 21, "unexpected"),
    ],
)
def test_bad_equivalents(text: str, position: int, reason: str) -> None:
    with pytest.raises(ParseError, match=reason) as caught:
        p.parse_figure(text)
    assert caught.value.position == position


# -- errors ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "position", "word"),
    [
        ("trillion yuan", 0, "trillion"),
        ("yuan", 0, "yuan"),
        ("GW", 0, "GW"),
        ("foo 3 yuan", 0, "foo"),
        ("about foo", 6, "foo"),
        ("3 4 yuan", 2, "4"),
        ("3 trillion yuan 4", 16, "4"),
        ("3 trillion yuan foo", 16, "foo"),
        ("3 trillion yuan, more", 15, ","),
        ("3 trillion yuan..", 16, "."),
        ("9**9**8 CNY", 1, "*"),
    ],
)
def test_errors_quote_the_word_and_point_at_it(
    text: str, position: int, word: str
) -> None:
    with pytest.raises(ParseError) as caught:
        p.parse_figure(text)
    error = caught.value
    assert error.position == position
    assert error.text == text
    message = str(error)
    assert repr(word) in message
    assert f"position {position}" in message
    assert message.splitlines()[-1].index("^") - 2 == position


@pytest.mark.parametrize("text", ["", "   ", "\n", "."])
def test_no_figure(text: str) -> None:
    with pytest.raises(ParseError):
        p.parse_figure(text)


def test_missing_number_after_qualifier() -> None:
    with pytest.raises(ParseError, match="expected a number") as caught:
        p.parse_figure("about")
    assert caught.value.position == 5


def test_not_text() -> None:
    with pytest.raises(TypeError):
        p.parse_figure(3)  # type: ignore[arg-type]


def test_unknown_currency_hint() -> None:
    with pytest.raises(ValueError, match="XYZ"):
        p.parse_figure("¥3", currency="XYZ")


# -- hostile input ---------------------------------------------------------------

HOSTILE = [
    "9**9**8 CNY",
    "9**9**9**9",
    "1e999999 CNY",
    "x" * 100_000,
    "1" * 10_000,
    "1" * 41,
    "1" * 41 + " yuan",
    "(((((",
    "(" * 500 + "3" + ")" * 500,
    "3 yuan (" * 100,
    "3 yuan ((((($3)))))",
    "亿" * 40,
    "一" * 1000,
    "九" * 40 + "亿",
    "一亿" * 30,
    "about " * 166,
    "3 " + "a " * 499,
    "3 " + "b" * 997,
    "3" + " " * 996 + "X",
    "1," * 499 + "1",
    "South" + " " * 990 + "x",
    "3 yuan" + "\u3000" * 990 + "x",
    "0" * 1000,
    # The forms of the target-kinds work: shares, ratios, counts, changes.
    "41% of " + "a" * 900 + "!",
    "41% of " + "a " * 450,
    "5 " + "ab " * 300 + "X",
    "每万人口" + "专" * 900 + "5",
    "新增" + "一" * 900,
    "占" + "比" * 900 + "比重25%",
    "增长" * 400,
    "up " * 300 + "5%",
]


@pytest.mark.parametrize("text", HOSTILE, ids=lambda t: repr(t[:20]))
def test_hostile_inputs_fail_fast(text: str) -> None:
    result, seconds = timed(text)
    assert isinstance(result, ParseError)
    assert seconds < HOSTILE_LIMIT


# -- properties ------------------------------------------------------------------

VALID = [
    "3 trillion yuan ($442.2 billion)",
    "exceeded 2 trillion yuan",
    "reached 491.2 billion yuan",
    "more than about 2 trillion yuan",
    "1,234,567.89 yuan",
    "CN¥800K",
    "$442.2B",
    "超过约2万亿元以上",
    "四千九百一十二亿元",
    "3万亿元（4422亿美元）",
    "1.5 million t",
    "一亿五千万",
    "¥3万亿",
]

INTERESTING = [
    *"0123456789,.，．()（）$¥€£-~ KMBTt万亿千百十一二两三零〇点元以上左右约超过",
    *["yuan", "billion", "about", "GW", "US$", "CN¥", " ", "e9", "**"],
]


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A valid figure with a few characters inserted, deleted or replaced."""
    text = draw(st.sampled_from(VALID))
    piece = st.one_of(st.characters(), st.sampled_from(INTERESTING))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        operation = draw(st.sampled_from(["insert", "delete", "replace"]))
        if operation == "insert":
            text = text[:at] + draw(piece) + text[at:]
        elif operation == "delete":
            text = text[:at] + text[at + 1 :]
        else:
            text = text[:at] + draw(piece) + text[at + 1 :]
    return text


def _figure_or_parse_error(text: str, **hints: str) -> None:
    result, seconds = timed(text, **hints)
    assert isinstance(result, Figure | ParseError)
    assert seconds < HANG_GUARD
    if isinstance(result, Figure):
        assert isinstance(result.quantity.magnitude, Decimal)


@given(st.text())
def test_any_text_gives_a_figure_or_a_parse_error(text: str) -> None:
    _figure_or_parse_error(text)


@given(st.lists(st.sampled_from(INTERESTING), max_size=30).map("".join))
def test_near_figures_give_a_figure_or_a_parse_error(text: str) -> None:
    _figure_or_parse_error(text)
    _figure_or_parse_error(text, locale="zh_CN")


@given(mutated())
def test_mutated_figures_give_a_figure_or_a_parse_error(text: str) -> None:
    _figure_or_parse_error(text)
    _figure_or_parse_error(text, currency="JPY")


# An independent reference: integers to Chinese numerals, the standard way.
_REFERENCE_DIGITS = "零一二三四五六七八九"


def _four_digits(n: int) -> str:
    """1..9999 with 千 百 十, and 零 for a gap between written places."""
    out, gap = "", False
    for place, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // place % 10
        if digit == 0:
            gap = gap or bool(out)
            continue
        out += ("零" if gap else "") + _REFERENCE_DIGITS[digit] + name
        gap = False
    return out


def _numeral(n: int) -> str:
    """n >= 1: groups of four digits under 万, and everything above 亿 as x亿."""
    if n < 10**4:
        return _four_digits(n)
    unit, name = (10**8, "亿") if n >= 10**8 else (10**4, "万")
    high, low = divmod(n, unit)
    head = (_numeral(high) if unit == 10**8 else _four_digits(high)) + name
    if low == 0:
        return head
    return head + ("零" if low < unit // 10 else "") + _numeral(low)


def chinese_numeral(n: int) -> str:
    if n == 0:
        return "零"
    text = _numeral(n)
    return text[1:] if text.startswith("一十") else text  # 十二, 十万, not 一十二


@pytest.mark.parametrize(
    ("n", "numeral"),
    [
        (0, "零"),
        (10, "十"),
        (12, "十二"),
        (105, "一百零五"),
        (1010, "一千零一十"),
        (10_005, "一万零五"),
        (100_010, "十万零一十"),
        (150_000_000, "一亿五千万"),
        (491_200_000_000, "四千九百一十二亿"),
        (3 * 10**12, "三万亿"),
        (10**16, "一亿亿"),
    ],
)
def test_reference_numerals(n: int, numeral: str) -> None:
    assert chinese_numeral(n) == numeral
    assert value(p.parse_figure(numeral)) == (Decimal(n), None)


@given(st.integers(0, 10**16))
def test_chinese_numerals_parse_back(n: int) -> None:
    numeral = chinese_numeral(n)
    assert value(p.parse_figure(numeral)) == (Decimal(n), None), numeral
    assert value(p.parse_figure(numeral + "元")) == (Decimal(n), "CNY"), numeral
    colloquial = numeral.replace("二千", "两千").replace("二百", "两百")
    assert value(p.parse_figure(colloquial)) == (Decimal(n), None), colloquial


@given(st.integers(-(10**30), 10**30))
def test_grouped_integers_parse_back(n: int) -> None:
    assert value(p.parse_figure(f"{n:,} yuan")) == (Decimal(n), "CNY")


@given(st.decimals(-(10**30), 10**30, places=3))
def test_decimals_stay_exact(number: Decimal) -> None:
    figure = p.parse_figure(f"{number:f} billion yuan")
    assert isinstance(figure.quantity.magnitude, Decimal)
    assert figure.quantity.magnitude == number
    with localcontext(prec=60):
        assert in_base_units(figure.quantity).magnitude == number * 10**9


@pytest.mark.parametrize(
    "figure",
    [
        Figure(amount(2, "trillion CNY"), Q.MORE_THAN),
        Figure(amount(2, "trillion CNY"), Q.MORE_THAN, approximate=True),
        Figure(amount("491.2", "billion CNY")),
        Figure(amount(15, "亿 USD"), Q.ABOUT),
        Figure(amount(800, "billion CNY"), Q.AT_LEAST),
        Figure(amount(3, "GW"), Q.AT_MOST),
        Figure(amount("1.5", "million t"), Q.LESS_THAN),
        Figure(amount(1200)),
    ],
    ids=Figure.describe,
)
def test_descriptions_parse_back(figure: Figure) -> None:
    parsed = p.parse_figure(figure.describe())
    assert parsed == figure
    assert repr(parsed.quantity) == repr(figure.quantity)
