"""The settings an assessment follows: thresholds, bands and currency conversion.

:class:`Thresholds` sets where one status ends and the next begins, and the
tolerance of an "about" target; :class:`VerdictBands` how far from its
projection a figure may be and still be "as projected";
:class:`ConversionPolicy` which exchange rate brings an observation in
another currency to the target's.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs

from industrial_plan._errors import FieldError, IndustrialPlanError, instance_of
from industrial_plan._figures.figure import Figure
from industrial_plan._figures.forms import is_percent
from industrial_plan._money.rates import Rate, RateSource, annual_average, convert
from industrial_plan._money.units import to_decimal, ureg

from .results import Status


def _on_track(value: object) -> Decimal:
    return to_decimal(value, "threshold on_track")


def _acceleration(value: object) -> Decimal:
    return to_decimal(value, "threshold acceleration")


def _limited(value: object) -> Decimal:
    return to_decimal(value, "threshold limited")


def _about_points(value: object) -> Decimal:
    return to_decimal(value, "tolerance about_points")


def _about_relative(value: object) -> Decimal:
    return to_decimal(value, "tolerance about_relative")


@attrs.frozen
class Thresholds:
    """The ratio thresholds between statuses (Open SDG / Statistics Canada defaults)."""

    on_track: Decimal = attrs.field(default=Decimal("0.95"), converter=_on_track)
    acceleration: Decimal = attrs.field(
        default=Decimal("0.60"), converter=_acceleration
    )
    limited: Decimal = attrs.field(default=Decimal(0), converter=_limited)
    about_points: Decimal = attrs.field(default=Decimal("0.5"), converter=_about_points)
    """How far from an "about" target in percent a value may be and still be
    as projected, in percentage points ("up about 6.5 %": 6.0 % to 7.0 %)."""
    about_relative: Decimal = attrs.field(
        default=Decimal("0.05"), converter=_about_relative
    )
    """The same for "about" targets in other units, as a share of the target."""

    def __attrs_post_init__(self) -> None:
        if not self.on_track > self.acceleration >= self.limited:
            raise FieldError(
                "thresholds must satisfy on_track > acceleration >= limited, got "
                f"{self.on_track}, {self.acceleration}, {self.limited}"
            )
        if self.about_points < 0 or self.about_relative < 0:
            raise FieldError(
                "tolerances about_points and about_relative must not be negative, got "
                f"{self.about_points}, {self.about_relative}"
            )

    def tolerance(self, goal: Figure) -> Decimal:
        """How far a value may lie from *goal* and be as projected, in its unit.

        Zero unless the goal is approximate ("about", 左右).
        """
        if not goal.approximate:
            return Decimal(0)
        if is_percent(goal.quantity):
            return self.about_points
        return abs(Decimal(goal.quantity.magnitude)) * self.about_relative

    def classify(self, ratio: Decimal) -> Status:
        """The status for a ratio R of observed to required growth."""
        if ratio >= self.on_track:
            return Status.ON_TRACK
        if ratio >= self.acceleration:
            return Status.ACCELERATION_NEEDED
        if ratio >= self.limited:
            return Status.LIMITED_PROGRESS
        return Status.DETERIORATION


class BandWidthError(IndustrialPlanError, ValueError):
    """A width of :class:`VerdictBands` is negative."""

    def __init__(self, value: object, field: str) -> None:
        self.value = value
        self.field = field
        super().__init__(
            f"{value!r} is not a width of a verdict band (VerdictBands.{field}): "
            "it must not be negative"
        )


def _width(value: object, field: str) -> Decimal:
    width = to_decimal(value, f"VerdictBands.{field}")
    if width < 0:
        raise BandWidthError(value, field)
    return width


def _points(value: object) -> Decimal:
    return _width(value, "points")


def _relative(value: object) -> Decimal:
    return _width(value, "relative")


@attrs.frozen
class VerdictBands:
    """How far from its projection a figure may be and still be "as projected".

    Yearly plan reports keep "higher" and "lower than projected" for clear
    departures.  The band around a target is :attr:`points` percentage
    points wide on either side for rates and shares (a target in percent),
    and :attr:`relative` of the target for levels, counts and every other
    unit; an "about" target widens it by the tolerance of
    :class:`Thresholds` (``about_points``, ``about_relative``).  A one-sided
    target ("at least 6 %") is as projected from where it is met up to the
    upper edge, higher than projected beyond.  :meth:`none` gives bands of
    zero width: a figure is as projected only within the tolerance of an
    "about" target.  The methodology page gives the defaults' reasons.
    """

    points: Decimal = attrs.field(default=Decimal("0.5"), converter=_points)
    """The half-width in percentage points for targets in percent."""
    relative: Decimal = attrs.field(default=Decimal("0.05"), converter=_relative)
    """The half-width as a share of the target for targets in other units."""

    @classmethod
    def none(cls) -> VerdictBands:
        """Bands of zero width: only "about" widens a target."""
        return cls(points=Decimal(0), relative=Decimal(0))

    def width(self, goal: Figure, thresholds: Thresholds) -> Decimal:
        """The band's half-width around *goal*, in its unit, "about" included."""
        if is_percent(goal.quantity):
            width = self.points
        else:
            width = abs(Decimal(goal.quantity.magnitude)) * self.relative
        return width + thresholds.tolerance(goal)


_POLICY_KINDS = ("annual average", "fixed", "on date")


def _check_policy_kind(instance: object, attribute: object, value: object) -> None:
    if value not in _POLICY_KINDS:
        raise FieldError(
            f"kind {value!r} is not a conversion policy: pass one of "
            f"{', '.join(map(repr, _POLICY_KINDS))}, or use "
            "ConversionPolicy.annual_average(), .fixed(rate) or .on_date(day)",
            field="kind",
            value=value,
        )


@attrs.frozen
class ConversionPolicy:
    """How an observation in another currency is converted to the target's.

    Use :meth:`annual_average` (the default: that year's average rate),
    :meth:`fixed` (one constant rate) or :meth:`on_date` (the rate of a day).

    Attributes:
        partial_years: for the annual average, whether a year the rate source
            covers only in part (the current year) is averaged over the days
            it covers (the note that gives the rate says which); when false,
            such a year has no rate.  ``assess(..., strict=True)`` sets it
            false.
    """

    kind: str = attrs.field(default="annual average", validator=_check_policy_kind)
    rate: Rate | None = attrs.field(
        default=None, validator=instance_of(Rate, "a Rate", optional=True)
    )
    day: dt.date | None = attrs.field(
        default=None, validator=instance_of(dt.date, "a date", optional=True)
    )
    source: RateSource | None = attrs.field(
        default=None,
        validator=instance_of(RateSource, "a rate source (ECBRates(), ...)", True),
    )
    partial_years: bool = attrs.field(
        default=True, kw_only=True, validator=instance_of(bool, "true or false")
    )

    def __attrs_post_init__(self) -> None:
        needed = {"fixed": ("rate", self.rate), "on date": ("day", self.day)}
        name, value = needed.get(self.kind, ("", True))
        if value is None:
            raise FieldError(
                f"a {self.kind!r} policy needs its {name}: use "
                f"ConversionPolicy.{self.kind.replace(' ', '_')}(...)",
                field=name,
            )

    @classmethod
    def annual_average(cls, source: RateSource | None = None) -> ConversionPolicy:
        """Each observation at the average rate of its own year."""
        return cls("annual average", source=source)

    @classmethod
    def fixed(cls, rate: Rate) -> ConversionPolicy:
        """Every observation at one constant rate, such as a plan's own."""
        return cls("fixed", rate=rate)

    @classmethod
    def on_date(
        cls, day: dt.date, source: RateSource | None = None
    ) -> ConversionPolicy:
        """Every observation at the rate of one day."""
        return cls("on date", day=day, source=source)

    def rate_for(self, base: str, quote: str, year: int) -> Rate:
        """The rate this policy uses for an observation of *year*."""
        if self.kind == "fixed":
            assert self.rate is not None
            return convert(ureg.Quantity(Decimal(1), base), quote, rate=self.rate).rate
        if self.kind == "on date":
            assert self.day is not None
            return convert(
                ureg.Quantity(Decimal(1), base), quote, on=self.day, source=self.source
            ).rate
        return annual_average(
            base, quote, year, self.source, partial=self.partial_years
        )
