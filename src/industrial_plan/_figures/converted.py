"""A figure in another currency: :func:`convert` for figures as well as quantities.

The money wing converts quantities; a figure ("more than 2 trillion yuan") is
converted the same way, and keeps what it states beside the amount: its
qualifier, its form and its source.  A stated equivalent in the currency
converted to is dropped (it would state the figure in its own currency).
"""

from __future__ import annotations

import datetime as dt
from typing import overload

import attrs

from industrial_plan._money.rates import Conversion, Rate, RateSource
from industrial_plan._money.rates import convert as convert_quantity
from industrial_plan._money.units import Quantity, currency_of

from .figure import Figure


@attrs.frozen
class FigureConversion(Conversion):
    """The result of :func:`convert` of a figure: also the converted figure,
    with its qualifier ("more than"), form and source."""

    figure: Figure


@overload
def convert(
    quantity: Figure,
    to: str,
    *,
    on: dt.date | str | None = None,
    year: int | None = None,
    rate: Rate | None = None,
    source: RateSource | None = None,
) -> FigureConversion: ...
@overload
def convert(
    quantity: Quantity,
    to: str,
    *,
    on: dt.date | str | None = None,
    year: int | None = None,
    rate: Rate | None = None,
    source: RateSource | None = None,
) -> Conversion: ...
def convert(
    quantity: Quantity | Figure,
    to: str,
    *,
    on: dt.date | str | None = None,
    year: int | None = None,
    rate: Rate | None = None,
    source: RateSource | None = None,
) -> Conversion:
    """Convert an amount of money, or a figure of money, to currency *to*.

    Give exactly one of: *on* (the daily rate of that day, a date or ISO
    text such as ``"2024-03-15"``), *year* (that year's average rate) or
    *rate* (a :class:`Rate` you have, such as a fixed one).  *source*
    defaults to the bundled ECB rates.  Scale words are resolved first, so
    ``3 trillion CNY`` converts to plain ``USD``.  A :class:`Figure` comes
    back as a :class:`FigureConversion`, whose ``figure`` keeps the
    qualifier.

    >>> from industrial_plan import amount, parse_figure
    >>> article = Rate("USD", "CNY", "6.7843")
    >>> usd = convert(amount("3", "trillion yuan"), "USD", rate=article)
    >>> round(usd.quantity.magnitude / 10**9, 1)
    Decimal('442.2')
    >>> more = convert(parse_figure("超过2万亿元"), "USD", on="2023-01-30")
    >>> more.figure.qualifier.value, more.rate.effective.isoformat()
    ('more than', '2023-01-30')
    """
    if not isinstance(quantity, Figure):
        return convert_quantity(
            quantity, to, on=on, year=year, rate=rate, source=source
        )
    done = convert_quantity(
        quantity.quantity, to, on=on, year=year, rate=rate, source=source
    )
    equivalent = quantity.stated_equivalent
    if equivalent is not None and currency_of(equivalent) == currency_of(done.quantity):
        equivalent = None
    figure = attrs.evolve(
        quantity, quantity=done.quantity, stated_equivalent=equivalent
    )
    return FigureConversion(done.original, done.quantity, done.rate, figure)
