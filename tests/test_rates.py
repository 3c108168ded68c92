"""Exchange rates: sources, annual averages, conversions and pint contexts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pint
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import industrial_plan as ip
from industrial_plan.testing import amounts, currencies, rates

ECB = ip.ECBRates()
# Days on which every currency still quoted today has ECB data (CNY starts
# 2005-04-01; the bundled file ends 2026-10-30).
QUOTED = sorted({"AUD", "CNY", "EUR", "GBP", "HKD", "JPY", "KRW", "SGD", "USD", "ZAR"})
DAYS = st.dates(dt.date(2006, 1, 1), dt.date(2026, 10, 30))
PRECISION = Decimal("1e-20")


def _relative(a: Decimal, b: Decimal) -> Decimal:
    return abs(a - b) / max(abs(a), abs(b), Decimal("1e-30"))


@given(amounts(min_value=Decimal("0.01")), rates())
def test_round_trip_returns_the_original(value: ip.Quantity, rate: ip.Rate) -> None:
    value = ip.amount(value.magnitude, rate.base)
    there = ip.convert(value, rate.quote, rate=rate)
    back = ip.convert(there.quantity, rate.base, rate=rate)
    assert _relative(back.quantity.magnitude, value.magnitude) < PRECISION
    assert there.rate == rate
    assert back.rate == rate.inverse()


@settings(max_examples=60)
@given(st.sampled_from(QUOTED), st.sampled_from(QUOTED), st.sampled_from(QUOTED), DAYS)
def test_cross_rates_are_consistent(a: str, b: str, c: str, day: dt.date) -> None:
    direct = ECB.rate(a, c, day).value
    through = ECB.rate(a, b, day).value * ECB.rate(b, c, day).value
    assert _relative(direct, through) < PRECISION


@settings(max_examples=40)
@given(st.sampled_from(QUOTED), st.sampled_from(QUOTED), DAYS)
def test_a_rate_and_its_inverse_multiply_to_one(a: str, b: str, day: dt.date) -> None:
    product = ECB.rate(a, b, day).value * ECB.rate(b, a, day).value
    assert abs(product - 1) < PRECISION


@settings(max_examples=10)
@given(st.sampled_from(QUOTED), st.sampled_from(QUOTED), st.integers(2006, 2025))
def test_annual_average_lies_between_min_and_max(a: str, b: str, year: int) -> None:
    average = ip.annual_average(a, b, year)
    days = [dt.date(year, 1, 1) + dt.timedelta(days=i) for i in range(366)]
    daily = [ECB.rate(a, b, d).value for d in days if d.year == year]
    assert min(daily) <= average.value <= max(daily)
    assert average.year == year
    assert average.days is not None
    if a != b:
        assert 240 <= average.days <= 262  # ECB business days


@given(DAYS)
def test_weekends_use_the_last_business_day(day: dt.date) -> None:
    rate = ECB.rate("USD", "CNY", day)
    assert rate.effective is not None
    assert rate.effective <= day
    assert (day - rate.effective).days <= 5
    assert rate.effective.weekday() < 5
    if day.weekday() >= 5:
        assert rate.effective < day


@pytest.mark.parametrize(
    "day", [dt.date(1998, 12, 31), dt.date(2005, 3, 31), dt.date(2030, 1, 1)]
)
def test_dates_outside_the_data_name_the_range(day: dt.date) -> None:
    with pytest.raises(ip.DateOutOfRangeError) as caught:
        ECB.rate("CNY", "USD", day)
    message = str(caught.value)
    assert day.isoformat() in message
    assert "2005-04-01" in message
    assert "2026-10-30" in message


@pytest.mark.parametrize("year", [2005, 2026, 2040])
def test_partial_years_have_no_average(year: int) -> None:
    with pytest.raises(ip.DateOutOfRangeError, match=str(year)):
        ip.annual_average("CNY", "USD", year)


@given(amounts(), currencies(), currencies())
def test_conversion_without_a_rate_argument_is_refused(
    value: ip.Quantity, first: str, second: str
) -> None:
    if first == second:
        return
    with pytest.raises(TypeError, match="exactly one"):
        ip.convert(ip.amount(value.magnitude, first), second)


def test_a_rate_for_the_wrong_pair_is_refused() -> None:
    with pytest.raises(ip.CurrencyMismatchError, match="EUR/JPY"):
        ip.convert(ip.amount(1, "CNY"), "USD", rate=ip.Rate("EUR", "JPY", 150))


def test_converting_a_non_money_quantity_is_refused() -> None:
    with pytest.raises(ip.CurrencyMismatchError, match="gigawatt"):
        ip.convert(ip.amount(1, "GW"), "USD", on=dt.date(2023, 1, 30))


def test_fixed_rates_answer_both_ways_and_nothing_else() -> None:
    fixed = ip.FixedRates([ip.Rate("USD", "CNY", "6.7843")])
    day = dt.date(2027, 6, 1)
    assert fixed.rate("USD", "CNY", day).value == Decimal("6.7843")
    assert fixed.rate("CNY", "USD", day).value * Decimal("6.7843") == pytest.approx(1)
    with pytest.raises(ip.MissingRateError, match="EUR"):
        fixed.rate("EUR", "USD", day)
    assert isinstance(fixed, ip.RateSource)
    assert isinstance(ECB, ip.RateSource)


def test_user_sources_plug_in() -> None:
    class Constant:
        name = "my bank"

        def rate(self, base: str, quote: str, on: dt.date) -> ip.Rate:
            return ip.Rate(base, quote, 7, self.name, effective=on)

    result = ip.convert(ip.amount(14, "CNY"), "USD", year=2022, source=Constant())
    assert result.rate.source == "my bank"
    assert result.rate.days == 365  # this source quotes every day
    assert result.quantity.magnitude == 98


@pytest.mark.parametrize("value", [0, -1, "x", float("nan")])
def test_rates_must_be_positive_numbers(value: object) -> None:
    with pytest.raises(ValueError, match="rate"):
        ip.Rate("USD", "CNY", value)


def test_unknown_currencies_in_rates() -> None:
    with pytest.raises(ip.UnknownCurrencyError, match="XYZ"):
        ip.Rate("XYZ", "CNY", 1)


@given(
    amounts(currency="CNY", min_value=1, scaled=True), rates(base="USD", quote="CNY")
)
def test_pint_context_agrees_with_convert(value: ip.Quantity, rate: ip.Rate) -> None:
    expected = ip.convert(value, "USD", rate=rate).quantity
    with ip.ureg.context(ip.exchange_context(rate)):
        via_pint = value.to("USD")
    assert _relative(via_pint.magnitude, expected.magnitude) < PRECISION
    with pytest.raises(pint.DimensionalityError):
        value.to("USD")


def test_same_currency_conversion_needs_no_rate() -> None:
    result = ip.convert(ip.amount("491.2", "billion CNY"), "yuan")
    assert result.quantity == ip.amount(491_200_000_000, "CNY")
    assert result.rate.value == 1


@settings(max_examples=10)
@given(st.sampled_from(QUOTED), st.sampled_from(QUOTED), st.integers(2006, 2025))
def test_annual_averages_of_both_directions_are_inverses(
    a: str, b: str, year: int
) -> None:
    there = ip.annual_average(a, b, year).value
    back = ip.annual_average(b, a, year).value
    assert abs(there * back - 1) < PRECISION


def test_annual_average_is_taken_as_markets_quote_the_pair() -> None:
    days = [dt.date(2022, 1, 1) + dt.timedelta(days=i) for i in range(365)]
    daily = {
        ECB.rate("USD", "CNY", d).effective: ECB.rate("USD", "CNY", d).value
        for d in days
    }
    mean = sum(v for d, v in daily.items() if d is not None and d.year == 2022) / 257
    assert ip.annual_average("USD", "CNY", 2022).value == mean
    assert ip.annual_average("CNY", "USD", 2022).value == 1 / mean


@pytest.mark.parametrize(
    "text", ["7.1 CNY/USD", "USD/CNY 7.1", "1 USD = 7.1 CNY", "7.1 yuan per dollar"]
)
def test_issue_13_each_rate_form_converts_100_usd_to_710_cny(text: str) -> None:
    rate = ip.Rate.parse(text)
    converted = ip.convert(ip.amount("100", "USD"), "CNY", rate=rate)
    assert converted.quantity == ip.amount("710", "CNY")
    # The same rate converts back, whichever way it was written.
    back = ip.convert(converted.quantity, "USD", rate=rate)
    assert back.quantity.magnitude == Decimal(100)


def test_issue_13_a_bare_rate_is_an_error_showing_the_forms() -> None:
    with pytest.raises(ip.RateFormError, match=r"'7\.1 CNY/USD' \(USD/CNY 7\.1"):
        ip.parse_rate("7.1", ("USD", "CNY"))


@given(rates(), st.sampled_from(["{v} {q}/{b}", "{b}/{q} {v}", "1 {b} = {v} {q}"]))
def test_written_rates_read_back(rate: ip.Rate, form: str) -> None:
    text = form.format(v=rate.value, b=rate.base, q=rate.quote)
    expected = attrs.evolve(rate, source="user-given", effective=None)
    assert ip.parse_rate(text) == attrs.evolve(expected, year=None, days=None)


# -- rates follow the bounds of figures (issue 25, item 4) -----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "1e1000030 CNY/USD",
        "1e-1000030 CNY/USD",
        "1e400 CNY/USD",
        "1E-400 CNY/USD",
        "USD/CNY 7.1e0",
        "1 USD = 7.1e2 CNY",
        "1e0 USD = 7.1 CNY",
    ],
)
def test_a_rate_with_an_exponent_is_refused_as_a_figure_is(text: str) -> None:
    reason = "exponents are not accepted: write the number out"
    with pytest.raises(ip.ParseError, match=reason):
        ip.parse_figure("1e400 yuan")
    with pytest.raises(ip.RateFormError, match=reason) as caught:
        ip.parse_rate(text)
    assert caught.value.text == text


def test_a_rate_of_more_digits_than_a_figure_may_have_is_refused() -> None:
    number = "1" * 41
    with pytest.raises(ip.ParseError, match="a number with more than 40 digits"):
        ip.parse_figure(f"{number} yuan")
    with pytest.raises(ip.RateFormError, match="a number with more than 40 digits"):
        ip.parse_rate(f"{number} CNY/USD")
    assert ip.parse_rate(f"{number[:40]} CNY/USD").value == Decimal(number[:40])


def test_a_rate_with_an_amount_of_zero_is_refused() -> None:
    with pytest.raises(ip.RateFormError, match="an amount must be positive"):
        ip.parse_rate("0 USD = 7 CNY")


@pytest.mark.parametrize(
    "rate", ["1e1000030 CNY/USD", "1e-1000030 CNY/USD", "1e400 CNY/USD"]
)
def test_the_command_line_refuses_a_rate_with_an_exponent_in_one_line(
    rate: str,
) -> None:
    from typer.testing import CliRunner

    from industrial_plan import cli

    result = CliRunner().invoke(
        cli.app, ["convert", "1 billion yuan", "--to", "USD", "--rate", rate]
    )
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.output.strip().endswith(
        "exponents are not accepted: write the number out"
    )


@pytest.mark.parametrize("digits", ["9" * 40, "0." + "0" * 38 + "1"])
def test_the_extremes_of_a_rate_convert_without_error(digits: str) -> None:
    rate = ip.parse_rate(f"{digits} CNY/USD")
    for amount in ("1 yuan", "9" * 40 + " trillion yuan", "0." + "0" * 38 + "1 yuan"):
        converted = ip.convert(ip.parse_figure(amount).quantity, "USD", rate=rate)
        assert converted.quantity.magnitude > 0
