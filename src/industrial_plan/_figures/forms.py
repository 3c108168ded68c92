"""The form a figure states beside its number, checked and described.

Plans state most numbers as a :class:`Change` ("年均增长7%以上", "down 13.5 %
from 2020", "新增1家"), a share of a named whole (in percent: :func:`is_percent`),
a ratio per so many people, or a count of something, with a Chinese measure
word (:data:`MEASURE_WORDS`).  Here are those fields' converters, the checks
across them that a :class:`~industrial_plan.Figure` runs when it is built, and
the plain description :meth:`~industrial_plan.Figure.describe` gives.
"""

from __future__ import annotations

import enum
import functools
import re
from decimal import Decimal
from typing import Any, TypeAlias

from industrial_plan._errors import FieldError, FieldTypeError
from industrial_plan._money.units import Quantity, tidy, to_decimal, unit_text

from .qualifier import Qualifier


class Change(enum.Enum):
    """How a figure states a change rather than a level."""

    GROWTH = "growth"
    """Growth over the span since a base year ("增长6.5%", "up 6.5 %"); for a
    one-year target, the growth over the year before."""
    AVERAGE_GROWTH = "average annual growth"
    """Average annual (compound) growth over a span ("年均增长7%以上")."""
    REDUCTION = "reduction"
    """A cut from a base year ("下降13.5%", "down 13.5 % from 2020"); a percentage
    is relative to the base, any other unit is an amount taken off it."""
    INCREMENT = "increment"
    """An amount added to the level at the start ("新增1家", "add 50 ...")."""
    CUMULATIVE = "cumulative"
    """A total summed over the years of a span ("累计", "cumulative")."""


MEASURE_WORDS: frozenset[str] = frozenset(
    "家个件项座名人户台辆所处套款只条位种次批艘架部本篇例"
)
"""Chinese measure words (量词) read as counts: 超过80家 is a count of 80."""

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")

FigureForm: TypeAlias = tuple[Change | None, int | None, str | None, Decimal | None]
"""What a figure's number is beside its unit: change, base year, share, ratio."""


def is_percent(quantity: Quantity) -> bool:
    """True when *quantity* is in percent ("25%"), the unit of shares and rates."""
    return _is_percent_unit(quantity._units)


@functools.lru_cache(maxsize=256)
def _is_percent_unit(units: Any) -> bool:
    return dict(units) == {"percent": 1}


def _optional_label(value: object, field: str = "label") -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise FieldTypeError(
            f"{field} must be text, got {value!r} (a {type(value).__name__})",
            field=field,
            value=value,
        )
    text = " ".join(value.split())
    if not text or len(text) > 80 or _CONTROL.search(text):
        raise FieldError(
            f"{field} {value!r} is not a label: 1 to 80 characters, no control "
            "characters",
            field=field,
            value=value,
        )
    return text


def _share_of(value: object) -> str | None:
    return _optional_label(value, "share_of")


def _counted(value: object) -> str | None:
    return _optional_label(value, "counted")


def _optional_year(value: object) -> int | None:
    if value is None:
        return None
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or not 1900 <= value <= 2200
    ):
        raise FieldError(
            f"base_year {value!r} is not a year between 1900 and 2200",
            field="base_year",
            value=value,
        )
    return value


def _optional_per(value: object) -> Decimal | None:
    if value is None:
        return None
    number = to_decimal(value, "per: population base")
    if number <= 0 or number != number.to_integral_value() or number > 10**9:
        raise FieldError(
            f"per {value!r} is not a whole number of people from 1 to 10**9",
            field="per",
            value=value,
        )
    return tidy(number)


def _check_measure(figure: object, attribute: object, value: str | None) -> None:
    if value is not None and (type(value) is not str or value not in MEASURE_WORDS):
        raise FieldError(
            f"measure {value!r} is not a measure word, one of "
            f"{''.join(sorted(MEASURE_WORDS))}",
            field="measure",
            value=value,
        )


def check_form(
    quantity: Quantity,
    form: FigureForm,
    counted: str | None,
    measure: str | None,
    stated_equivalent: Quantity | None,
) -> None:
    """Raise ValueError unless a figure's fields fit together.

    A growth rate and a share are percentages, a base year goes with a
    change, only a plain number counts, and a stated equivalent goes with a
    plain amount of money.
    """
    change, base_year, share_of, _ = form
    percent = is_percent(quantity)
    if change in (Change.GROWTH, Change.AVERAGE_GROWTH) and not percent:
        raise FieldError(f"a growth rate is a percentage, not {unit_text(quantity)!r}")
    if share_of is not None and not percent:
        raise FieldError(
            f"a share of {share_of!r} is a percentage, not {unit_text(quantity)!r}"
        )
    if base_year is not None and change is None:
        raise FieldError(
            f"base year {base_year} given for a level: only a change "
            "(growth, reduction, increment, cumulative) has one"
        )
    # The dimensionality, not .dimensionless: pint keeps it by unit, where
    # .dimensionless converts to root units each time (10 µs a figure).
    if (counted or measure) and quantity.dimensionality:
        field = "counted" if counted else "measure"
        raise FieldError(
            f"{field} {counted or measure!r} needs a plain number: "
            f"{unit_text(quantity)!r} is a unit, and only a plain number counts",
            field=field,
            value=counted or measure,
        )
    if stated_equivalent is not None and form != (None,) * 4:
        stated = [
            name
            for name, part in zip(
                ("change", "base_year", "share_of", "per"), form, strict=True
            )
            if part is not None
        ]
        raise FieldError(
            "a stated equivalent fits a plain amount of money only, not one with "
            f"{' and '.join(stated)}",
            field="stated_equivalent",
        )


def describe(
    quantity: Quantity,
    qualifier: Qualifier,
    approximate: bool,
    form: FigureForm,
    counted: str | None,
    measure: str | None,
) -> str:
    """A figure's plain, locale-free description: ``'more than 2 trillion CNY'``."""
    change, base_year, share_of, per = form
    magnitude = format(tidy(quantity.magnitude), "f")
    unit = unit_text(quantity)
    words = "" if qualifier is Qualifier.EXACT else f"{qualifier.value} "
    if approximate and qualifier is not Qualifier.ABOUT:
        words += "about "
    text = f"{words}{magnitude} {unit}".strip()
    text = " ".join(w for w in (text, measure, counted) if w)
    if change is not None:
        text = f"{change.value} of {text}"
    if per is not None:
        text += f" per {format(per, 'f')} people"
    if share_of is not None:
        text += f" of {share_of}"
    if base_year is not None:
        text += f" from {base_year}"
    return text
