"""Metrics: what targets and observations measure, and which figures fit them.

A metric's kind is money, a count, a percentage, a qualitative statement,
or a unit or pint dimension that quantities must have; :meth:`Metric.accepts`
says whether a figure fits, and remembers the answer for the few units a
plan uses.  :data:`BUILTIN_METRICS` are there for every plan.
"""

from __future__ import annotations

import enum
import re
from typing import Any, Literal, TypeAlias

import attrs

from industrial_plan._errors import FieldError, FieldTypeError, UnitError, instance_of
from industrial_plan._figures.figure import Figure
from industrial_plan._figures.forms import is_percent
from industrial_plan._money.units import currency_of, parse_unit, ureg
from industrial_plan._text import free_text

from .fields import _check_id, member_of
from .names import Names, _to_names


class Direction(enum.Enum):
    """Which way is better for a metric."""

    HIGHER = "higher"
    """More is better: output, value added, capacity."""
    LOWER = "lower"
    """Less is better: energy intensity, emissions."""

    @property
    def sign(self) -> int:
        """+1 for higher-is-better, -1 for lower-is-better."""
        return 1 if self is Direction.HIGHER else -1


DirectionLike: TypeAlias = Direction | Literal["higher", "lower"]
"""A :class:`Direction`, or its value as text."""


def _direction(value: DirectionLike) -> Direction:
    return member_of(Direction, value, "direction")


def _optional_direction(value: DirectionLike | None) -> Direction | None:
    return None if value is None else member_of(Direction, value, "direction")


MONEY = "money"
COUNT = "count"
PERCENT = "percent"
QUALITATIVE = "qualitative"
_DIMENSION = re.compile(
    r"\[[a-z_]+\](\s*(\*\*\s*-?\d|[*/])\s*\[[a-z_]+\])*(\s*\*\*\s*-?\d)?"
)


# The built-in metrics' dimensions, known good (tests/test_model.py checks
# them): checking them when the module loads would read pint's definitions
# at import (see _money.units._DeferredRegistry).
BUILTIN_DIMENSIONS = frozenset({"[power]", "[energy]", "[mass]"})


def _check_kind(instance: object, attribute: object, value: str) -> None:
    if not isinstance(value, str):
        raise FieldTypeError(
            f"metric kind must be text, got {value!r} (a {type(value).__name__}): "
            "'money', 'count', 'percent', 'qualitative' or a unit such as 'GW'",
            field="kind",
            value=value,
        )
    if value in (MONEY, COUNT, PERCENT, QUALITATIVE) or value in BUILTIN_DIMENSIONS:
        return
    try:
        if not _kind_dimensionality(value):
            raise FieldError(value)  # dimensionless: that is what "count" is for
    except (UnitError, ValueError):
        raise FieldError(
            f"metric kind {value!r} is not 'money', 'count', 'percent', "
            "'qualitative', a unit such as 'GW' or a dimension such as '[power]'"
        ) from None


def _kind_dimensionality(kind: str) -> Any:
    if _DIMENSION.fullmatch(kind):
        # Only bracketed names, operators and one-digit powers get here, so
        # pint's parser sees nothing it could blow up on.
        dims = ureg.get_dimensionality(kind)
        if not dims:
            raise FieldError(kind)
        return dims
    return parse_unit(kind).dimensionality


@attrs.frozen
class Metric:
    """What a target or an observation measures.

    Attributes:
        id: stable id, used by targets and observations to refer to it.
        name: its name in one or more languages.
        kind: ``"money"`` (any currency), ``"count"`` (a plain number),
            ``"percent"`` (a share or rate in percent, such as R&D intensity),
            ``"qualitative"`` (a statement, no number), or a unit or pint
            dimension that quantities must have (``"GW"``, ``"[energy]"``).
        direction: whether higher or lower values are better.
        description: what exactly is counted, in a sentence.
        signed: whether values may be negative: a balance, a deficit
            written as a negative amount, net exports or flows, a profit.
            Negative money and counts are refused for other metrics.
    """

    id: str = attrs.field(validator=_check_id)
    name: Names = attrs.field(converter=_to_names)
    kind: str = attrs.field(validator=_check_kind)
    direction: Direction = attrs.field(default=Direction.HIGHER, converter=_direction)
    description: str | None = attrs.field(default=None, validator=free_text)
    signed: bool = attrs.field(
        default=False, kw_only=True, validator=instance_of(bool, "true or false")
    )

    def accepts(self, figure: Figure) -> str | None:
        """``None`` if *figure* fits this metric, else why it does not."""
        # Only the kind and the unit decide, and a plan repeats a few of each;
        # most figures share a few units objects, found first by identity.
        units = figure.quantity._units
        seen = (self.kind, id(units))
        if _SEEN.get(seen) is units:
            return None
        if (self.kind, units) in _ACCEPTED:
            reason = None
        else:
            reason = self._reason(figure)
            if reason is None and len(_ACCEPTED) < 4096:
                _ACCEPTED.add((self.kind, units))
        if reason is None:
            if len(_SEEN) >= 4096:
                _SEEN.clear()  # the units of the plans read lately are found again
            _SEEN[seen] = units  # kept alive, so its id is not reused
        return reason

    def _reason(self, figure: Figure) -> str | None:
        quantity = figure.quantity
        if self.kind == QUALITATIVE:
            return f"metric {self.id!r} is qualitative and takes no figure"
        if self.kind == MONEY:
            if currency_of(quantity) is None:
                return f"metric {self.id!r} is money, but {figure.describe()!r} is not"
            return None
        if self.kind == COUNT:
            if not quantity.dimensionless or is_percent(quantity):
                shown = figure.describe()
                return f"metric {self.id!r} is a count, but {shown!r} has a unit"
            return None
        if self.kind == PERCENT:
            if not is_percent(quantity):
                shown = figure.describe()
                return f"metric {self.id!r} is in percent, but {shown!r} is not"
            return None
        if quantity.dimensionality != _kind_dimensionality(self.kind):
            return (
                f"metric {self.id!r} is measured in {self.kind}, "
                f"but {figure.describe()!r} is not"
            )
        return None


_ACCEPTED: set[tuple[str, Any]] = set()
"""(metric kind, units) pairs known to fit, so each is worked out once."""
_SEEN: dict[tuple[str, int], Any] = {}
"""The same, by the units' identity: most figures share a few units objects,
and identity is found without pint's slower equality."""


BUILTIN_METRICS: tuple[Metric, ...] = (
    Metric(
        "total_scale",
        {"en": "total scale", "zh": "总规模"},
        MONEY,
        description="operating revenue or gross output of the industries, per year",
    ),
    Metric("output_value", {"en": "output value", "zh": "产值"}, MONEY),
    Metric("value_added", {"en": "value added", "zh": "增加值"}, MONEY),
    Metric("investment", {"en": "investment", "zh": "投资"}, MONEY),
    Metric("enterprises", {"en": "number of enterprises", "zh": "企业数量"}, COUNT),
    Metric(
        "installed_capacity", {"en": "installed capacity", "zh": "装机容量"}, "[power]"
    ),
    Metric(
        "storage_capacity", {"en": "storage capacity", "zh": "储能容量"}, "[energy]"
    ),
    Metric("production", {"en": "production", "zh": "产量"}, "[mass]"),
    Metric("development", {"en": "development", "zh": "发展"}, QUALITATIVE),
    Metric(
        "gdp",
        {"en": "gross regional product", "zh": "地区生产总值"},
        MONEY,
        description="GDP of the region (地区生产总值), per year",
    ),
    Metric(
        "population",
        {"en": "resident population", "zh": "常住人口"},
        COUNT,
        description="residents at the end of the year",
    ),
    Metric(
        "industrial_value_added",
        {
            "en": "value added of industry above designated size",
            "zh": "规模以上工业增加值",
        },
        MONEY,
    ),
    Metric("rd_spending", {"en": "R&D spending", "zh": "研发经费投入"}, MONEY),
    Metric(
        "rd_intensity",
        {"en": "R&D intensity", "zh": "研发经费投入强度"},
        PERCENT,
        description="R&D spending as a share of GDP, when reported as such",
    ),
)
"""Metrics every plan may use without defining them."""
