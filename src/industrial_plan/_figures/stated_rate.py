"""What a figure's stated equivalent implies: an exchange rate, and its check.

"3 trillion yuan ($442.2 billion)" implies 6.7843 yuan per dollar, to the
precision of the rounded dollar figure; :class:`RateCheck` sets that rate
beside a reference rate of the same day.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs

from industrial_plan._money.rates import Rate, RateSource, default_source
from industrial_plan._money.units import Quantity, currency_of, in_base_units

from .source import Source


@attrs.frozen
class RateCheck:
    """An implied rate beside a reference rate, and how far apart they are.

    ``relative_difference`` is ``(implied - reference) / reference``.
    """

    implied: Rate
    reference: Rate
    relative_difference: Decimal


def implied_rate_of(
    quantity: Quantity, equivalent: Quantity, stated_by: Source | None
) -> Rate:
    """The rate *quantity* and its stated *equivalent* imply together."""
    own = in_base_units(quantity)
    other = in_base_units(equivalent)
    base, quote = currency_of(other), currency_of(own)
    assert base is not None
    assert quote is not None
    source = "the statement"
    if stated_by is not None:
        source = stated_by.publisher or stated_by.title or source
    return Rate(
        base,
        quote,
        own.magnitude / other.magnitude,
        source=f"implied by {source}",
        effective=stated_by.date if stated_by is not None else None,
    )


def check_against(implied: Rate, day: dt.date, source: RateSource | None) -> RateCheck:
    """*implied* beside the reference rate of *day* from *source* (the ECB's)."""
    reference = (source or default_source()).rate(implied.base, implied.quote, day)
    difference = (implied.value - reference.value) / reference.value
    return RateCheck(implied, reference, difference)
