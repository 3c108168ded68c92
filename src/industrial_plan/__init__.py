"""industrial-plan: typed models of regional industrial development plans.

Amounts are pint quantities with exact :class:`~decimal.Decimal` magnitudes;
each currency is its own dimension, so yuan and dollars never mix without an
exchange rate.  Everything public is importable from this package.
"""

from __future__ import annotations

from ._errors import (
    CurrencyMismatchError,
    DateOutOfRangeError,
    IndustrialPlanError,
    InvalidNumberError,
    MissingRateError,
    ParseError,
    RateError,
    UnitError,
    UnknownCurrencyError,
)
from ._figures import (
    Bound,
    Figure,
    IndeterminateComparisonError,
    Qualifier,
    RateCheck,
    Source,
    UnboundedError,
)
from ._rates import (
    Conversion,
    ECBRates,
    FixedRates,
    Rate,
    RateSource,
    annual_average,
    convert,
    default_source,
    exchange_context,
)
from ._units import (
    CURRENCIES,
    EXACT_DIGITS,
    SCALE_WORDS,
    Quantity,
    add_definitions,
    amount,
    currency_code,
    currency_of,
    exact_arithmetic,
    in_base_units,
    parse_unit,
    tidy,
    to_decimal,
    total,
    unit_text,
    ureg,
)

__all__ = [
    "CURRENCIES",
    "EXACT_DIGITS",
    "SCALE_WORDS",
    "Bound",
    "Conversion",
    "CurrencyMismatchError",
    "DateOutOfRangeError",
    "ECBRates",
    "Figure",
    "FixedRates",
    "IndeterminateComparisonError",
    "IndustrialPlanError",
    "InvalidNumberError",
    "MissingRateError",
    "ParseError",
    "Qualifier",
    "Quantity",
    "Rate",
    "RateCheck",
    "RateError",
    "RateSource",
    "Source",
    "UnboundedError",
    "UnitError",
    "UnknownCurrencyError",
    "add_definitions",
    "amount",
    "annual_average",
    "convert",
    "currency_code",
    "currency_of",
    "default_source",
    "exact_arithmetic",
    "exchange_context",
    "in_base_units",
    "parse_unit",
    "tidy",
    "to_decimal",
    "total",
    "unit_text",
    "ureg",
]
