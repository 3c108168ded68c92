"""Reported figures: a quantity, how it was qualified, and where it was stated.

"Exceeded 2 trillion yuan" is not the number 2 trillion: it is a lower bound.
A :class:`Figure` keeps the stated quantity, its :class:`Qualifier` and its
:class:`Source`, and does arithmetic on the bounds the qualifier implies, so
that a sum of lower bounds stays a lower bound and nothing is claimed that the
statement does not support.

A figure also keeps the form in which plans state most of their numbers: a
:class:`Change` ("年均增长7%以上", "down 13.5 % from 2020", "新增1家"), a share
of a named whole ("占地区生产总值比重达到25%"), a ratio per so many people
("每万人口…超过20件") and the thing a count counts ("more than 15,000
enterprises", the measure word 家).

The parts live beside this module: the :class:`Qualifier` in ``qualifier``,
a :class:`Bound` and arithmetic on bounds in ``bounds``, the form's fields
and the checks across them in ``forms``, the :class:`Source` in ``source``
and the rate a stated equivalent implies in ``stated_rate``.  Here they make
a :class:`Figure`, with its errors and the arithmetic on whole figures.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Literal, TypeAlias, TypeVar

import attrs

from industrial_plan._errors import (
    CurrencyMismatchError,
    FieldError,
    FieldTypeError,
    IndustrialPlanError,
)
from industrial_plan._money.rates import Rate, RateSource
from industrial_plan._money.units import (
    Quantity,
    currency_of,
    exact_arithmetic,
    tidy,
    to_decimal,
    ureg,
)

from .bounds import Bound, _add_bound, _allowed, _difference, _scaled
from .forms import (
    Change,
    _check_measure,
    _counted,
    _optional_per,
    _optional_year,
    _share_of,
    check_form,
    describe,
)
from .qualifier import Qualifier
from .source import Source
from .stated_rate import RateCheck, check_against, implied_rate_of


class UnboundedError(IndustrialPlanError, ArithmeticError):
    """Arithmetic on bounded figures whose result has no bound on either side."""

    def __init__(self, operation: str, first: Figure, second: Figure) -> None:
        self.first = first
        self.second = second
        super().__init__(
            f"the {operation} of {first.describe()!r} and {second.describe()!r} "
            "is bounded on neither side"
        )


class FormMismatchError(IndustrialPlanError, ValueError):
    """Arithmetic on figures of different forms: a growth rate and a level, say."""

    def __init__(self, operation: str, first: Figure, second: Figure) -> None:
        self.first = first
        self.second = second
        super().__init__(
            f"cannot take the {operation} of {first.describe()!r} and "
            f"{second.describe()!r}: they state different kinds of number"
        )


class IndeterminateComparisonError(IndustrialPlanError, ValueError):
    """Two bounded figures whose order cannot be decided from the statements."""

    def __init__(self, operator: str, first: Figure, second: Figure) -> None:
        self.first = first
        self.second = second
        super().__init__(
            f"cannot tell whether {first.describe()!r} {operator} "
            f"{second.describe()!r}: the bounds overlap"
        )


def _exact_quantity(value: Quantity, field: str = "quantity") -> Quantity:
    if not isinstance(value, ureg.Quantity):
        hint = "build one with industrial_plan.amount()"
        if isinstance(value, str):
            hint = (
                f"read text with industrial_plan.parse_figure({value!r}), or "
                "build a quantity with industrial_plan.amount()"
            )
        raise FieldTypeError(
            f"a figure's {field} must be a quantity of industrial_plan.ureg, "
            f"got {value!r}; {hint}",
            field=field,
            value=value,
        )
    magnitude = value.magnitude
    if not isinstance(magnitude, Decimal):
        magnitude = to_decimal(magnitude, "figure value")
        return ureg.Quantity(magnitude, value.units)
    to_decimal(magnitude, "figure value")  # rejects NaN and infinities
    return value


def _optional_quantity(value: Quantity | None) -> Quantity | None:
    return None if value is None else _exact_quantity(value, "stated_equivalent")


QualifierLike: TypeAlias = (
    Qualifier
    | Literal["exact", "about", "at least", "more than", "at most", "less than"]
)
"""A :class:`Qualifier`, or its value as text."""

ChangeLike: TypeAlias = (
    Change
    | Literal["growth", "average annual growth", "reduction", "increment", "cumulative"]
)
"""A :class:`Change`, or its value as text."""


def _qualifier(value: QualifierLike) -> Qualifier:
    if type(value) is Qualifier:
        return value
    return _member(Qualifier, value, "qualifier")


def _optional_change(value: ChangeLike | None) -> Change | None:
    if value is None or type(value) is Change:
        return value
    return _member(Change, value, "change")


_E = TypeVar("_E", bound=enum.Enum)


def _member(kind: type[_E], value: Any, field: str) -> _E:
    try:
        return kind(value)
    except ValueError:
        choices = ", ".join(repr(member.value) for member in kind)
        raise FieldError(
            f"{field} {value!r} is not a {kind.__name__}: pass one of {choices}",
            field=field,
            value=value,
        ) from None


def _check_source(figure: Any, attribute: object, value: Any) -> None:
    if value is not None and not isinstance(value, Source):
        raise FieldTypeError(
            f"source must be a Source or None, got {value!r} "
            f"(a {type(value).__name__}); cite with industrial_plan.Source(title=...)",
            field="source",
            value=value,
        )


def _approximate_default(figure: Any) -> bool:
    return figure.qualifier is Qualifier.ABOUT


def _check_approximate(figure: Any, attribute: object, value: bool) -> None:
    if type(value) is not bool:
        raise FieldTypeError(
            f"approximate {value!r} is not true or false",
            field="approximate",
            value=value,
        )
    if figure.qualifier is Qualifier.ABOUT and not value:
        raise FieldError(
            "approximate: a figure qualified 'about' is approximate; pass "
            "approximate=True, or leave it out",
            field="approximate",
            value=value,
        )


def _check_equivalent(figure: Any, attribute: object, value: Quantity | None) -> None:
    if value is None:
        return
    if currency_of(figure.quantity) is None or currency_of(value) is None:
        raise CurrencyMismatchError(
            str(figure.quantity.units), str(value.units), "a stated equivalent"
        )
    if currency_of(figure.quantity) == currency_of(value):
        raise FieldError(f"stated equivalent {value} is in the figure's own currency")


def _check_flag(instance: object, attribute: Any, value: object) -> None:
    if type(value) is not bool:
        raise FieldTypeError(f"{attribute.name} {value!r} is not true or false")


@attrs.frozen(eq=True, order=False)
class Figure:
    """A reported figure: quantity, qualifier, and optionally its source.

    ``==`` compares what was stated (value as written, qualifier, source), so a
    figure survives a save-and-load round trip unchanged.  ``<``, ``<=``, ``>``
    and ``>=`` compare what the statements allow: they answer only when the
    bounds decide, and raise :class:`IndeterminateComparisonError` otherwise.

    >>> from industrial_plan import amount
    >>> pillars = Figure(amount(2, "trillion CNY"), Qualifier.MORE_THAN)
    >>> pillars > Figure(amount(2, "trillion CNY"))
    True
    >>> (pillars + Figure(amount("491.2", "billion CNY"))).describe()
    'more than 2.4912 trillion CNY'

    Attributes:
        quantity: the stated value, with exact Decimal magnitude and its unit.
        qualifier: how the stated value bounds the true one.
        source: where it was stated.
        stated_equivalent: the same figure in another currency, when the
            statement gives one: "3 trillion yuan ($442.2 billion)".
        approximate: whether the value is approximate; always true for
            :attr:`Qualifier.ABOUT`, and carried through arithmetic.
        change: how the figure states a change (growth, reduction,
            increment, cumulative total), or ``None`` for a level.
        base_year: the year a change is measured from ("from 2020").
        share_of: what a share is a share of, as the text names it ("GDP",
            "地区生产总值"); the quantity is then in percent.
        per: the number of people a ratio is per (10,000 in "每万人口",
            1 in "per capita", "人均").
        counted: what a count counts, as the text names it ("enterprises",
            "国家重点实验室").
        measure: the Chinese measure word of a count (家, 件, 个).
        estimate: whether the words state an estimate (预计, 初步核算,
            "preliminary", "estimated"); an observation of such a figure is
            an estimate (:attr:`Observation.estimate`).
        words: the text :func:`~industrial_plan.parse_figure` read it from, which
            a plan file saves; not compared, not copied by ``attrs.evolve``.
    """

    quantity: Quantity = attrs.field(converter=_exact_quantity)
    qualifier: Qualifier = attrs.field(default=Qualifier.EXACT, converter=_qualifier)
    source: Source | None = attrs.field(default=None, validator=_check_source)
    stated_equivalent: Quantity | None = attrs.field(
        default=None,
        converter=_optional_quantity,
        validator=_check_equivalent,
        kw_only=True,
    )
    approximate: bool = attrs.field(
        default=attrs.Factory(_approximate_default, takes_self=True),
        validator=_check_approximate,
        kw_only=True,
    )
    change: Change | None = attrs.field(
        default=None, converter=_optional_change, kw_only=True
    )
    base_year: int | None = attrs.field(
        default=None, converter=_optional_year, kw_only=True
    )
    share_of: str | None = attrs.field(default=None, converter=_share_of, kw_only=True)
    per: Decimal | None = attrs.field(
        default=None, converter=_optional_per, kw_only=True
    )
    counted: str | None = attrs.field(default=None, converter=_counted, kw_only=True)
    measure: str | None = attrs.field(
        default=None, validator=_check_measure, kw_only=True
    )
    estimate: bool = attrs.field(default=False, validator=_check_flag, kw_only=True)
    words: str | None = attrs.field(default=None, init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if self.is_plain:
            return  # nothing beside the number to check (the usual case)
        check_form(
            self.quantity, self.form, self.counted, self.measure, self.stated_equivalent
        )

    @property
    def form(self) -> tuple[Change | None, int | None, str | None, Decimal | None]:
        """What the number is beside its unit: change, base year, share, ratio."""
        return (self.change, self.base_year, self.share_of, self.per)

    @property
    def is_plain(self) -> bool:
        """True when the figure is a number and a unit only: no form, no labels,
        not an estimate."""
        return (
            self.change is None
            and self.base_year is None
            and self.share_of is None
            and self.per is None
            and self.counted is None
            and self.measure is None
            and self.stated_equivalent is None
            and not self.estimate
        )

    @property
    def is_level(self) -> bool:
        """True when the figure states a level: no change, share or ratio."""
        return self.change is None and self.share_of is None and self.per is None

    # -- what the statement allows -------------------------------------------

    @property
    def lower(self) -> Bound | None:
        """The lowest value the statement allows, or ``None`` if unbounded below."""
        if not self.qualifier.bounds_below:
            return None
        return Bound(self.quantity, self.qualifier is not Qualifier.MORE_THAN)

    @property
    def upper(self) -> Bound | None:
        """The highest value the statement allows, or ``None`` if unbounded above."""
        if not self.qualifier.bounds_above:
            return None
        return Bound(self.quantity, self.qualifier is not Qualifier.LESS_THAN)

    @property
    def is_bound(self) -> bool:
        """True when the statement gives only one side ("exceeded", "up to")."""
        return self.qualifier not in (Qualifier.EXACT, Qualifier.ABOUT)

    def allows(self, value: Quantity) -> bool:
        """Whether a true value of *value* is consistent with the statement."""
        return _allowed(value, self.lower, self.upper)

    def describe(self) -> str:
        """A plain, locale-free description: ``'more than 2 trillion CNY'``."""
        return describe(
            self.quantity,
            self.qualifier,
            self.approximate,
            self.form,
            self.counted,
            self.measure,
        )

    # -- arithmetic on bounds ----------------------------------------------------

    def __add__(self, other: Figure) -> Figure:
        if not isinstance(other, Figure):
            return NotImplemented
        return _combine("sum", self, other, _add_bound, _add_bound)

    def __sub__(self, other: Figure) -> Figure:
        if not isinstance(other, Figure):
            return NotImplemented
        negated = other.scaled(-1)
        return _combine("difference", self, negated, _add_bound, _add_bound)

    def __neg__(self) -> Figure:
        return self.scaled(-1)

    def scaled(self, factor: object) -> Figure:
        """The figure times a number; a negative factor swaps the bound's side."""
        quantity, qualifier = _scaled(self.quantity, self.qualifier, factor)
        return attrs.evolve(
            self, quantity=quantity, qualifier=qualifier, stated_equivalent=None
        )

    def to(self, unit: str) -> Figure:
        """The same figure in another unit of the same dimension, exactly."""
        with exact_arithmetic():
            quantity = self.quantity.to(unit)
        quantity = ureg.Quantity(tidy(quantity.magnitude), quantity.units)
        return attrs.evolve(self, quantity=quantity)

    # -- comparisons on bounds ---------------------------------------------------

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Figure):
            return NotImplemented
        return _compare("<", self, other)

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Figure):
            return NotImplemented
        return _compare("<=", self, other)

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Figure):
            return NotImplemented
        return _compare("<", other, self, shown=(">", self, other))

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Figure):
            return NotImplemented
        return _compare("<=", other, self, shown=(">=", self, other))

    # -- stated conversions ----------------------------------------------------

    def implied_rate(self) -> Rate:
        """The exchange rate that the figure and its stated equivalent imply.

        "3 trillion yuan ($442.2 billion)" implies 6.7843 yuan per dollar (to
        the precision of the rounded dollar figure).
        """
        if self.stated_equivalent is None:
            raise FieldError(
                f"{self.describe()!r} states no equivalent in another currency"
            )
        return implied_rate_of(self.quantity, self.stated_equivalent, self.source)

    def check_rate(
        self, on: dt.date | None = None, source: RateSource | None = None
    ) -> RateCheck:
        """Compare the implied rate with a reference rate of day *on*.

        *on* defaults to the source's date; *source* to the bundled ECB rates.
        """
        implied = self.implied_rate()
        day = on if on is not None else implied.effective
        if day is None:
            raise FieldError(
                f"{self.describe()!r} has no source date: give on= to check its rate"
            )
        return check_against(implied, day, source)


def plain_figure(quantity: Quantity, qualifier: Qualifier, approximate: bool) -> Figure:
    """A plain figure built without its checks, for values the library computed.

    The assessment builds hundreds of thousands of figures from quantities it
    made itself (exact Decimal magnitudes, a known unit); running every
    converter and validator again would double its cost.  Callers guarantee
    what the checks would: a finite Decimal magnitude, and ``approximate``
    true for :attr:`Qualifier.ABOUT`.
    """
    figure = _new(Figure)
    _set_quantity(figure, quantity)
    _set_qualifier(figure, qualifier)
    _set_approximate(figure, approximate)
    _set_source(figure, None)
    _set_stated_equivalent(figure, None)
    _set_change(figure, None)
    _set_base_year(figure, None)
    _set_share_of(figure, None)
    _set_per(figure, None)
    _set_counted(figure, None)
    _set_measure(figure, None)
    _set_words(figure, None)
    _set_estimate(figure, False)
    return figure


def exact_figure(magnitude: Decimal, units: Any) -> Figure:
    """``plain_figure(quantity_of(magnitude, units), Qualifier.EXACT, False)``.

    A computed point value, with its quantity built here too (*units* is a
    pint units container): an assessment makes eight of them per target.
    """
    quantity = _new(_QUANTITY)
    quantity._magnitude = magnitude
    quantity._units = units
    figure = _new(Figure)
    _set_quantity(figure, quantity)
    _set_qualifier(figure, _EXACT)
    _set_approximate(figure, False)
    _set_source(figure, None)
    _set_stated_equivalent(figure, None)
    _set_change(figure, None)
    _set_base_year(figure, None)
    _set_share_of(figure, None)
    _set_per(figure, None)
    _set_counted(figure, None)
    _set_measure(figure, None)
    _set_words(figure, None)
    _set_estimate(figure, False)
    return figure


_FIGURE_FIELDS = tuple(field.name for field in attrs.fields(Figure))
_FIGURE_DEFAULTS = {"estimate": False, "words": None}


def _getstate(figure: Figure) -> dict[str, Any]:
    return {name: getattr(figure, name) for name in _FIGURE_FIELDS}


def _setstate(figure: Figure, state: dict[str, Any]) -> None:
    # Pickles written before figures said whether they are estimates lack
    # the field: it takes its default.
    for name in _FIGURE_FIELDS:
        value = state[name] if name in state else _FIGURE_DEFAULTS[name]
        object.__setattr__(figure, name, value)


setattr(Figure, "__getstate__", _getstate)  # noqa: B010 (attrs made its own)
setattr(Figure, "__setstate__", _setstate)  # noqa: B010

_new = object.__new__
_EXACT = Qualifier.EXACT
_QUANTITY = ureg.Quantity
# The slots' own setters, called one by one: half the cost of
# object.__setattr__ by name, and a loop over them costs a fifth more.
_set_quantity = Figure.__dict__["quantity"].__set__
_set_qualifier = Figure.__dict__["qualifier"].__set__
_set_approximate = Figure.__dict__["approximate"].__set__
_set_source = Figure.__dict__["source"].__set__
_set_stated_equivalent = Figure.__dict__["stated_equivalent"].__set__
_set_change = Figure.__dict__["change"].__set__
_set_base_year = Figure.__dict__["base_year"].__set__
_set_share_of = Figure.__dict__["share_of"].__set__
_set_per = Figure.__dict__["per"].__set__
_set_counted = Figure.__dict__["counted"].__set__
_set_measure = Figure.__dict__["measure"].__set__
_set_estimate = Figure.__dict__["estimate"].__set__
_set_words = Figure.__dict__["words"].__set__


def set_words(figure: Figure, text: str) -> None:
    """Keep *text* as the words a figure fresh from reading it was read from."""
    _set_words(figure, text)


def _combine(
    operation: str,
    first: Figure,
    second: Figure,
    low_rule: Callable[[Bound | None, Bound | None], Bound | None],
    high_rule: Callable[[Bound | None, Bound | None], Bound | None],
) -> Figure:
    if first.quantity.dimensionality != second.quantity.dimensionality:
        raise CurrencyMismatchError(
            currency_of(first.quantity) or str(first.quantity.units),
            currency_of(second.quantity) or str(second.quantity.units),
            f"a {operation} of figures",
        )
    if first.form != second.form:
        # Growth rates, shares and ratios per head do not add like levels.
        raise FormMismatchError(operation, first, second)
    low = low_rule(first.lower, second.lower)
    high = high_rule(first.upper, second.upper)
    approximate = first.approximate or second.approximate
    # A count keeps what it counts when both parts count the same thing.
    labels: dict[str, Any] = {
        "counted": first.counted if first.counted == second.counted else None,
        "measure": first.measure if first.measure == second.measure else None,
        "estimate": first.estimate or second.estimate,
    }
    change, base_year, share_of, per = first.form
    labels.update(change=change, base_year=base_year, share_of=share_of, per=per)
    if low is not None and high is not None:
        # Single-sided or exact inputs only ever give a single point here.
        qualifier = Qualifier.ABOUT if approximate else Qualifier.EXACT
        return Figure(low.value, qualifier, approximate=approximate, **labels)
    if low is not None:
        qualifier = Qualifier.AT_LEAST if low.inclusive else Qualifier.MORE_THAN
        return Figure(low.value, qualifier, approximate=approximate, **labels)
    if high is not None:
        qualifier = Qualifier.AT_MOST if high.inclusive else Qualifier.LESS_THAN
        return Figure(high.value, qualifier, approximate=approximate, **labels)
    raise UnboundedError(operation, first, second)


def _compare(
    operator: str,
    left: Figure,
    right: Figure,
    shown: tuple[str, Figure, Figure] | None = None,
) -> bool:
    """Decide ``left < right`` (or ``<=``) from the bounds, or raise."""
    strict = operator == "<"
    left_high, right_low = left.upper, right.lower
    # Certainly true: everything left allows lies below everything right allows.
    if left_high is not None and right_low is not None:
        gap = _difference(right_low.value, left_high.value)
        touching_excluded = not (left_high.inclusive and right_low.inclusive)
        if gap > 0 or (gap == 0 and (touching_excluded or not strict)):
            return True
    # Certainly false: everything left allows is at or above everything right allows.
    left_low, right_high = left.lower, right.upper
    if left_low is not None and right_high is not None:
        gap = _difference(left_low.value, right_high.value)
        touching_excluded = not (left_low.inclusive and right_high.inclusive)
        if gap > 0 or (gap == 0 and (strict or touching_excluded)):
            return False
    op, a, b = shown if shown is not None else (operator, left, right)
    raise IndeterminateComparisonError(op, a, b)
