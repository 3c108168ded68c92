"""Quantities of the package's registry: exact Decimal magnitudes, currencies
as dimensions.

The registry itself, and the definitions it reads, are in :mod:`.registry`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from contextlib import AbstractContextManager
from decimal import (
    MAX_EMAX,
    MIN_EMIN,
    Context,
    Decimal,
    DivisionByZero,
    Inexact,
    InvalidOperation,
    Overflow,
    getcontext,
    localcontext,
)
from itertools import repeat
from operator import attrgetter, is_
from typing import Any, TypeAlias

import pint

from industrial_plan._errors import (
    CurrencyMismatchError,
    FieldError,
    InvalidNumberError,
    UnitError,
    UnknownCurrencyError,
)

# Re-exported: the package's modules import the registry's names from here.
from .registry import CURRENCIES as CURRENCIES
from .registry import SCALE_WORDS as SCALE_WORDS
from .registry import Registry as Registry
from .registry import add_definitions as add_definitions
from .registry import ureg as ureg

Quantity: TypeAlias = pint.Quantity[Decimal]
"""A pint quantity; the library's amounts are quantities of :data:`ureg`."""

_DIMENSION_PREFIX = "[currency_"

# A unit expression may hold digits only as small exponents ("m**2", "km^-1");
# anything else would reach pint's expression evaluator, which computes
# integer powers such as 9**9**9 without bound.
_EXPONENT = re.compile(r"(\*\*|\^)\s*-?\d{1,2}(?!\d)")
_UNIT_CHARS = re.compile(r"[^\W\d]|[\s*/^().\-\d]")


_QUANTITY = ureg.Quantity


def _quantity_from_pickle(magnitude: Any, units: dict[str, Any]) -> Quantity:
    """A quantity of :data:`ureg` again, as pickled by :func:`_reduce_quantity`."""
    return quantity_of(magnitude, ureg.UnitsContainer(units))


def _reduce_quantity(quantity: Quantity) -> tuple[Any, tuple[Any, ...]]:
    # pint rebuilds a pickled quantity in its application registry, which
    # lacks the scale words and currencies of ours ("trillion", "亿", "CNY"):
    # plans and assessments crossing to another process (a process pool
    # assessing many plans) are rebuilt in this package's registry instead.
    return _quantity_from_pickle, (quantity._magnitude, dict(quantity._units))


_QUANTITY.__reduce__ = _reduce_quantity  # type: ignore[assignment,method-assign]
# Pickles name the rebuilding function by the path it had before the package
# was laid out in wings (industrial_plan/_units.py keeps that path).
_quantity_from_pickle.__module__ = "industrial_plan._units"


def to_decimal(value: object, what: str = "value") -> Decimal:
    """Return *value* as a finite :class:`~decimal.Decimal`, exactly as written.

    Strings and integers convert exactly; a float converts through its shortest
    representation (``0.1`` becomes ``Decimal("0.1")``, not the binary
    approximation).  NaN, infinities, booleans and other types raise
    :class:`InvalidNumberError` naming the value and *what* it was for.

    >>> to_decimal("491.2")
    Decimal('491.2')
    >>> to_decimal(0.1)
    Decimal('0.1')
    """
    if isinstance(value, bool):
        raise InvalidNumberError(value, what)
    try:
        if isinstance(value, Decimal):
            number = value
        elif isinstance(value, int):
            number = Decimal(value)
        elif isinstance(value, float):
            number = Decimal(repr(value))
        elif isinstance(value, str):
            number = Decimal(value.strip().replace("_", ""))
        else:
            raise InvalidNumberError(value, what)
    except InvalidOperation:
        raise InvalidNumberError(value, what) from None
    if not number.is_finite():
        raise InvalidNumberError(value, what)
    return number


def parse_unit(unit: str, registry: Registry | None = None) -> pint.Unit:
    """Parse a unit expression such as ``"billion CNY"`` or ``"GW"``.

    Only names, ``*``, ``/``, parentheses and small integer exponents are
    accepted, so untrusted text never reaches pint's expression evaluator.
    Raises :class:`UnitError` (or :class:`UnknownCurrencyError` for a
    three-letter upper-case code) naming the expression.
    """
    registry = ureg if registry is None else registry
    text = unit.strip()
    if len(text) > 200 or not all(_UNIT_CHARS.fullmatch(c) for c in text):
        raise UnitError(unit, "is not a valid unit expression")
    if re.search(r"\d", _EXPONENT.sub("", text)):
        raise UnitError(unit, "may hold digits only as exponents (m**2)")
    try:
        parsed = registry.parse_units(text) if text else registry.dimensionless
    except Exception as error:
        # pint's parser fails on malformed text with whatever it trips over
        # (SyntaxError, AssertionError, TypeError, ...): all mean "not a unit".
        if re.fullmatch(r"[A-Z]{3}", text):
            raise UnknownCurrencyError(text) from None
        if isinstance(error, pint.UndefinedUnitError):
            raise UnitError(unit) from None
        raise UnitError(unit, "is not a valid unit expression") from None
    return parsed


def quantity_of(magnitude: Decimal, unit: Any) -> Quantity:
    """A quantity of :data:`ureg` from a Decimal and a parsed unit, unchecked.

    For values the library computed itself: pint's constructor checks the
    magnitude's type and parses the unit each time, which costs ten times
    as much as the quantity.  Only the two attributes pint reads are set.
    """
    quantity = object.__new__(_QUANTITY)
    quantity._magnitude = magnitude
    quantity._units = getattr(unit, "_units", unit)
    return quantity


def amount(value: object, unit: str = "") -> Quantity:
    """Build an exact quantity of the package registry.

    >>> amount("491.2", "billion yuan")
    <Quantity(491.2, 'billion * CNY')>
    >>> amount(3, "GW")
    <Quantity(3, 'gigawatt')>
    """
    return ureg.Quantity(to_decimal(value), parse_unit(unit))


def currency_of(value: Quantity | pint.Unit) -> str | None:
    """The ISO code of a money quantity or unit; ``None`` for anything else.

    A quantity is money when its dimensionality is exactly one currency
    dimension; scale words may stand beside it (``billion CNY`` is CNY).

    >>> currency_of(amount("3", "trillion yuan"))
    'CNY'
    >>> currency_of(amount("2", "GW")) is None
    True
    """
    dims = value.dimensionality
    if len(dims) != 1:
        return None
    ((name, power),) = dims.items()
    if power != 1 or not name.startswith(_DIMENSION_PREFIX):
        return None
    return name[len(_DIMENSION_PREFIX) : -1]


def currency_code(name: str) -> str:
    """The ISO code for a currency code or name (``"yuan"``, ``"元"``, ``"usd"``).

    >>> currency_code("人民币")
    'CNY'
    >>> currency_code("usd")
    'USD'
    """
    text = name.strip()
    if text.upper() in CURRENCIES:
        return text.upper()
    try:
        code = currency_of(parse_unit(text))
    except UnitError:
        code = None
    if code is None:
        raise UnknownCurrencyError(name)
    return code


MAX_NUMBER_DIGITS = 40
"""Most digits in one number the library reads from text (a figure, a rate):
far beyond any stated figure, far below trouble."""

EXACT_DIGITS = 60
"""Significant digits the library's exact arithmetic keeps before it errs."""


def exact_arithmetic() -> AbstractContextManager[Context]:
    """A Decimal context in which rounding is an error, not a silent change.

    Stated figures have far fewer than :data:`EXACT_DIGITS` digits, so sums and
    scale-word conversions inside it are exact; anything that would round
    raises :class:`decimal.Inexact`.
    """
    context = getcontext().copy()
    context.prec = EXACT_DIGITS
    context.traps[Inexact] = True
    return localcontext(context)


def tidy(value: Decimal) -> Decimal:
    """The same number written without exponent or trailing zeros, when it fits.

    ``Decimal("4.912E+11")`` becomes ``Decimal("491200000000")`` and
    ``Decimal("0.300")`` becomes ``Decimal("0.3")``; the value never changes.

    >>> from decimal import Decimal
    >>> tidy(Decimal("4.912E+11")), tidy(Decimal("0.300"))
    (Decimal('491200000000'), Decimal('0.3'))
    """
    # Most values are tidy already ("491200000000", "12.5"): their text says
    # so faster than their digits do (reports tidy hundreds of thousands).
    text = str(value)
    if "E" not in text and not ("." in text and text[-1] == "0"):
        return value if text != "-0" else Decimal(0)
    if not value:
        return Decimal(0)
    # A context as wide as the number itself: tidying never rounds.
    digits = len(value.as_tuple().digits) + max(value.adjusted(), 0) + 1
    wide = Context(prec=digits)
    normal = value.normalize(wide)
    if normal.as_tuple().exponent > 0 and normal.adjusted() < EXACT_DIGITS:  # type: ignore[operator]
        return normal.quantize(Decimal(1), context=wide)
    return normal


def quantize(value: Decimal, quantum: Decimal, rounding: str) -> Decimal:
    """*value* rounded to the exponent of *quantum*, in a context wide enough
    for any magnitude.

    ``Decimal.quantize`` in the default context fails (``InvalidOperation``)
    when the result needs more than 28 digits: a percentage of 10**26 to two
    places.  Here the context has the digits the result needs.

    >>> from decimal import Decimal, ROUND_FLOOR
    >>> quantize(Decimal("1E+30"), Decimal("0.01"), ROUND_FLOOR)
    Decimal('1000000000000000000000000000000.00')
    """
    exponent = quantum.as_tuple().exponent
    assert isinstance(exponent, int)  # a quantum is finite
    digits = max(value.adjusted() - exponent + 2, 1)
    wide = Context(prec=max(digits, 28), Emax=MAX_EMAX, Emin=MIN_EMIN)
    return value.quantize(quantum, rounding=rounding, context=wide)


def in_base_units(quantity: Quantity) -> Quantity:
    """Drop scale words, exactly: ``491.2 billion CNY`` becomes ``491200000000 CNY``.

    Only the scale words (thousand ... trillion, 千 万 亿 万亿) go; the other
    units stay as written, so ``3 million t`` becomes ``3000000 t`` and ``2 GW``
    stays ``2 GW``.

    >>> in_base_units(amount("491.2", "billion yuan"))
    <Quantity(491200000000, 'CNY')>
    """
    factor, base = _scale_of(quantity._units)
    if base is None:
        return quantity
    return quantity_of(tidy(_EXACT.multiply(Decimal(quantity.magnitude), factor)), base)


def base_magnitude(quantity: Quantity) -> Decimal:
    """The magnitude of :func:`in_base_units`, tidied (:func:`tidy`), without
    building its quantity: what a report writes for each of its figures.

    >>> base_magnitude(amount("491.2", "billion yuan"))
    Decimal('491200000000')
    """
    factor, base = _scale_of(quantity._units)
    magnitude = quantity.magnitude
    if base is None:
        return tidy(magnitude)
    return tidy(_EXACT.multiply(Decimal(magnitude), factor))


# Scale factors are powers of ten and stated figures have far fewer digits
# than this context keeps, so its products are exact; one that were not would
# raise Inexact, as in exact_arithmetic.  A shared context spares entering a
# local one for each of the hundreds of thousands of figures a report writes.
_EXACT = Context(
    prec=EXACT_DIGITS, traps=[Inexact, InvalidOperation, DivisionByZero, Overflow]
)


def _scale_of(units: Any) -> tuple[Decimal, Any]:
    """:func:`_scale_factor` of *units*, kept."""
    # By identity first: parsed units are shared objects, and pint's units
    # hash and compare in Python (4 µs a lookup by value).
    seen = _BY_IDENTITY.get(id(units))
    if seen is not None and seen[0] is units:
        return seen[1]
    known = _SCALE_FACTORS.get(units)
    if known is None:
        known = _SCALE_FACTORS[units] = _scale_factor(units)
    if len(_BY_IDENTITY) >= 4096:
        _BY_IDENTITY.clear()
    _BY_IDENTITY[id(units)] = (units, known)  # kept alive: its id stays its
    return known


# The factor that drops the scale words of each unit, found once by pint and
# kept: a report converts the bounds of every target this way, and a pint
# conversion per value cost 60 µs (a multiplication costs 1).  Scale words are
# powers of ten, so the factor is exact.
_SCALE_FACTORS: dict[Any, tuple[Decimal, Any]] = {}
_BY_IDENTITY: dict[int, tuple[Any, tuple[Decimal, Any]]] = {}


def _scale_factor(units: Any) -> tuple[Decimal, Any]:
    """The exact factor from *units* to the same units without scale words,
    and those units (``None`` when there is no scale word)."""
    scales = [name for name in units if name in SCALE_WORDS]
    if not scales:
        return Decimal(1), None
    unit = ureg.Unit(units.remove(scales))
    with exact_arithmetic():
        one = ureg.Quantity(Decimal(1), units).to(unit)
    if len(_SCALE_FACTORS) >= 4096:
        _SCALE_FACTORS.clear()
    return Decimal(one.magnitude), one._units


def unit_text(quantity: Quantity) -> str:
    """The unit of *quantity* as plain text, scale words first: ``billion CNY``.

    Units are written with their pint symbols (``GW``, ``t``); a unit with
    powers or a division falls back to pint's compact form (``kWh / t``).

    >>> unit_text(amount("491.2", "billion yuan")), unit_text(amount(2, "GW"))
    ('billion CNY', 'GW')
    """
    if any(power != 1 for power in quantity._units.values()):
        return format(quantity.units, "~")
    return _units_text(quantity._units)


@functools.lru_cache(maxsize=1024)
def _units_text(units: Any) -> str:
    # pint looks each symbol up in its whole registry; a plan has few units.
    items = list(units.items())
    scales = [name for name, _ in items if name in SCALE_WORDS]
    others = [ureg.get_symbol(name) for name, _ in items if name not in SCALE_WORDS]
    return " ".join(scales + others)


_magnitude = attrgetter("_magnitude")
_units = attrgetter("_units")


def total(quantities: Iterable[Quantity], unit: str | None = None) -> Quantity:
    """Exact sum of quantities, checking units once rather than per addition.

    All quantities must share a dimensionality; those in other units of it
    (``billion CNY`` beside ``CNY``) are converted exactly first.  The result is
    in *unit* if given, else in the first quantity's unit.  An empty input needs
    *unit*.  Mixing currencies raises :class:`CurrencyMismatchError`.

    >>> total([amount("0.1", "CNY"), amount("0.2", "CNY")])
    <Quantity(0.3, 'CNY')>
    """
    items = list(quantities)
    if not items:
        if unit is None:
            raise FieldError("total() of no quantities needs a unit")
        return ureg.Quantity(Decimal(0), parse_unit(unit))
    first = items[0]
    target: Any = parse_unit(unit) if unit is not None else first.units
    # Sums of stated figures must be exact: add with room to spare and make
    # any rounding an error rather than a silent change of value.
    with exact_arithmetic():
        try:
            # pint's public .units/.magnitude build objects per call, ~100x
            # the cost of a Decimal sum over 10,000 amounts.  pint shares one
            # container per parsed unit, so an identity check of each item's
            # private container against the first settles the common case.
            first_units = first._units
            if first_units == target._units and all(
                map(is_, map(_units, items), repeat(first_units))
            ):
                result = sum(map(_magnitude, items), Decimal(0))
            else:
                result = Decimal(0)
                for item in items:
                    result += _convert_for_sum(item, target)
        except Inexact:
            raise UnitError(
                str(target), f"sum exceeds {EXACT_DIGITS} significant digits"
            ) from None
    return ureg.Quantity(tidy(result), target)


def _convert_for_sum(item: Quantity, target: Any) -> Any:
    if item._units == target._units:
        return item._magnitude
    try:
        return item.to(target).magnitude
    except pint.DimensionalityError:
        expected = currency_of(target) or str(target)
        found = currency_of(item) or str(item.units)
        raise CurrencyMismatchError(expected, found, "a sum") from None
