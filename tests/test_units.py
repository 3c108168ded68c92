"""Amounts: exactness, currencies as dimensions, scale words, embedding."""

from __future__ import annotations

import re
from decimal import Decimal, localcontext
from typing import Any

import pint
import pytest
from hypothesis import given
from hypothesis import strategies as st

import industrial_plan as ip
from industrial_plan.testing import (
    amounts,
    currencies,
    decimals,
    scale_words,
    unknown_currency_codes,
)


@given(st.lists(amounts(currency="CNY", scaled=True), min_size=1, max_size=20))
def test_sum_is_exact_and_order_free(values: list[ip.Quantity]) -> None:
    forward = ip.total(values, "CNY")
    backward = ip.total(list(reversed(values)), "CNY")
    with localcontext(prec=60):
        expected = sum((ip.in_base_units(v).magnitude for v in values), Decimal(0))
    assert forward.magnitude == backward.magnitude == expected


@given(amounts(currency="USD"), amounts(currency="USD"), amounts(currency="USD"))
def test_sum_is_associative(a: ip.Quantity, b: ip.Quantity, c: ip.Quantity) -> None:
    left = ip.total([ip.total([a, b]), c])
    right = ip.total([a, ip.total([b, c])])
    assert left.magnitude == right.magnitude


@given(st.data(), currencies(), currencies())
def test_mixing_currencies_always_raises(
    data: st.DataObject, first: str, second: str
) -> None:
    if first == second:
        return
    a = data.draw(amounts(currency=first, scaled=True))
    b = data.draw(amounts(currency=second, scaled=True))
    with pytest.raises(ip.CurrencyMismatchError) as caught:
        ip.total([a, b])
    assert first in str(caught.value)
    assert second in str(caught.value)
    # pint itself refuses too, without our wrapper.
    with pytest.raises(pint.DimensionalityError):
        _ = a + b


@given(unknown_currency_codes())
def test_unknown_codes_raise_the_library_error(code: str) -> None:
    with pytest.raises(ip.UnknownCurrencyError, match=code):
        ip.currency_code(code)
    with pytest.raises(ip.UnknownCurrencyError, match=code):
        ip.amount(1, code)


@given(st.text(max_size=30))
def test_currency_code_either_answers_or_raises_library_error(text: str) -> None:
    try:
        code = ip.currency_code(text)
    except ip.IndustrialPlanError:
        return
    assert code in ip.CURRENCIES


@given(decimals(places=3), scale_words(), currencies())
def test_scale_words_reduce_exactly(value: Decimal, scale: str, code: str) -> None:
    factor = ip.ureg.Quantity(Decimal(1), scale).to("").magnitude
    reduced = ip.in_base_units(ip.amount(value, f"{scale} {code}"))
    assert ip.currency_of(reduced) == code
    assert reduced.magnitude == value * factor


def test_stated_figure_stays_exact() -> None:
    figure = ip.amount("491.2", "billion yuan")
    assert ip.in_base_units(figure).magnitude == Decimal(491_200_000_000)
    assert ip.in_base_units(figure) == ip.amount(491_200_000_000, "CNY")
    assert figure > ip.amount("491.1999999999", "billion CNY")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("yuan", "CNY"),
        ("RMB", "CNY"),
        ("元", "CNY"),
        ("人民币", "CNY"),
        ("dollar", "USD"),
        ("dollars", "USD"),
        ("usd", "USD"),
        ("美元", "USD"),
        ("euro", "EUR"),
    ],
)
def test_currency_aliases(text: str, code: str) -> None:
    assert ip.currency_code(text) == code


@pytest.mark.parametrize(
    ("word", "factor"),
    [
        ("thousand", 10**3),
        ("million", 10**6),
        ("billion", 10**9),
        ("trillion", 10**12),
        ("千", 10**3),
        ("万", 10**4),
        ("亿", 10**8),
        ("万亿", 10**12),
    ],
)
def test_scale_word_values(word: str, factor: int) -> None:
    assert ip.ureg.Quantity(Decimal(1), word).to("").magnitude == factor


def test_physical_units_stay_available() -> None:
    storage = ip.amount("2.5", "GW")
    assert storage.to("MW").magnitude == Decimal(2500)
    assert ip.currency_of(storage) is None
    assert ip.in_base_units(ip.amount(3, "million t")) == ip.amount(3_000_000, "t")
    assert ip.total(
        [ip.amount(1, "GW"), ip.amount(500, "MW")], "GW"
    ).magnitude == Decimal("1.5")


def test_physical_and_money_do_not_mix() -> None:
    with pytest.raises(ip.CurrencyMismatchError):
        ip.total([ip.amount(1, "GW"), ip.amount(1, "CNY")])


@pytest.mark.parametrize(
    "unit", ["9**9**8 CNY", "CNY ** 999", "__import__('os')", "CNY; rm", "x" * 300]
)
def test_unit_expressions_are_never_evaluated(unit: str) -> None:
    with pytest.raises(ip.UnitError) as caught:
        ip.parse_unit(unit)
    assert repr(unit[:20])[:-1] in str(caught.value)


@pytest.mark.parametrize("value", [float("nan"), float("inf"), "abc", True, None, [1]])
def test_bad_numbers_are_rejected(value: object) -> None:
    with pytest.raises(ip.InvalidNumberError, match=re.escape(repr(value))):
        ip.amount(value, "CNY")


def test_float_input_keeps_its_shortest_form() -> None:
    assert ip.amount(0.1, "CNY").magnitude == Decimal("0.1")


def test_total_of_nothing_needs_a_unit() -> None:
    assert ip.total([], "CNY") == ip.amount(0, "CNY")
    with pytest.raises(ValueError, match="unit"):
        ip.total([])


def test_add_definitions_to_a_users_registry() -> None:
    mine = ip.add_definitions(
        pint.UnitRegistry(non_int_type=Decimal, cache_folder=None)
    )
    assert mine.Quantity(Decimal(1), "万亿 元").to("CNY").magnitude == 10**12
    with pytest.raises(pint.DimensionalityError):
        mine.Quantity(Decimal(1), "CNY").to("USD")
    with pytest.raises(ip.UnitError, match="already defined"):
        ip.add_definitions(mine)


def test_every_currency_is_its_own_dimension() -> None:
    dimensions = {str(ip.ureg.get_dimensionality(code)) for code in ip.CURRENCIES}
    assert len(dimensions) == len(ip.CURRENCIES)
    assert all(ip.currency_of(ip.amount(1, code)) == code for code in ip.CURRENCIES)


def _iso_codes_in_use() -> set[str]:
    import datetime as dt

    from babel.core import get_global
    from babel.numbers import get_territory_currencies

    found: set[str] = set()
    for territory in get_global("territory_currencies"):
        found.update(
            get_territory_currencies(territory, start_date=dt.date(2026, 1, 1))
        )
    return found


def test_issue_13_every_iso_4217_code_in_use_is_a_currency() -> None:
    assert _iso_codes_in_use() <= ip.CURRENCIES
    assert {"TWD", "VND", "AED", "NGN"} <= ip.CURRENCIES


@pytest.mark.parametrize("code", sorted(_iso_codes_in_use()))
def test_issue_13_every_currency_parses_and_is_written_back(code: str) -> None:
    figure = ip.parse_figure(f"more than 2.5 billion {code}")
    assert ip.currency_of(figure.quantity) == code
    for locale in ("en", "zh"):
        for style in ("long", "compact"):
            text = ip.format_figure(figure, locale=locale, style=style)
            # A bare "¥" is ambiguous (CNY or JPY) and needs to be told.
            back = ip.parse_figure(text, currency=code if "¥" in text else None)
            assert back.quantity == figure.quantity, text


def test_issue_13_a_rate_is_needed_only_to_convert() -> None:
    import attrs

    system = ip.examples.xiamen()
    tier = attrs.evolve(
        system.tiers[0],
        observations=[ip.Observation("total_scale", 2023, ip.parse_figure("9 TWD"))],
    )
    system = attrs.evolve(system, tiers=(tier, *system.tiers[1:]))
    for syntax in ("toml", "json", "yaml"):
        assert ip.loads(ip.dumps(system, syntax), syntax) == system
    with pytest.raises(ip.MissingRateError, match="no rate for TWD -> CNY"):
        ip.assess(system, strict=True)
    (note,) = next(iter(ip.assess(system))).notes  # not strict: a note says why
    assert "no rate for TWD -> CNY" in note
    rate = ip.Rate.parse("CNY/TWD 4.5")
    fixed = ip.assess(system, policy=ip.ConversionPolicy.fixed(rate))
    assert next(iter(fixed)).latest is not None


_PHYSICAL = st.sampled_from(["GW", "万 t", "亿 kWh", "million t", "thousand MW", "t"])


@given(
    amounts(scaled=True, places=6, max_value=10**20)
    | st.builds(
        lambda value, unit: ip.amount(value, unit),
        st.decimals(min_value=0, max_value=10**12, places=4),
        _PHYSICAL,
    )
)
def test_scale_words_drop_by_a_factor_kept_per_unit(quantity: Any) -> None:
    # Issue 22, point 3: a factor computed once per unit, not a pint
    # conversion per value; it must agree with pint's exact conversion.
    from industrial_plan._money.units import SCALE_WORDS, exact_arithmetic

    fast = ip.in_base_units(quantity)
    scales = [name for name in quantity._units if name in SCALE_WORDS]
    if not scales:
        assert fast is quantity
        return
    unit = ip.ureg.Unit(quantity._units.remove(scales))
    with exact_arithmetic():
        slow = quantity.to(unit)
    assert fast.magnitude == slow.magnitude
    assert fast.units == slow.units
    assert ip.in_base_units(quantity) == fast  # and again, from what was kept
