"""A part of a year a figure is for: :class:`Period`.

Bulletins and reviews report figures for the first quarter, the first three
quarters or January to August as well as for whole years.  A period is the
run of months it covers, within the year its observation names; a whole year
is no period at all (``None``), so annual figures stay as they are.

Its code, the form files store, is short and sorts with the months:
``"Q1"``, ``"H1"``, ``"Q1-Q3"``, ``"M1-M8"``, ``"M8"``.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from industrial_plan._errors import FieldError, FieldTypeError

_QUARTER_WORDS_EN: Final = ("first", "second", "third", "fourth")
_QUARTER_WORDS_ZH: Final = ("一", "二", "三", "四")
_MONTHS_EN: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

_CODE = re.compile(r"(?:([QHM])([0-9]{1,2})(?:-\1([0-9]{1,2}))?)")
_MONTHS_IN: Final = {"Q": 3, "H": 6, "M": 1}


def _check_month(instance: Period, attribute: attrs.Attribute[int], value: int) -> None:
    if type(value) is not int or not 1 <= value <= 12:
        raise FieldError(f"period {attribute.name} {value!r} is not a month 1-12")


@attrs.frozen(order=True)
class Period:
    """The months of a year a figure covers, from *first* to *last* (1-12).

    A whole year is not a period: January to December is refused, so that an
    annual figure is always stated without one.

    >>> Period(1, 9).code
    'Q1-Q3'
    >>> Period.from_code("M1-M8").describe("zh")
    '1-8月'
    >>> Period(1, 3).describe("en")
    'first quarter'
    """

    first: int = attrs.field(validator=_check_month)
    last: int = attrs.field(validator=_check_month)

    def __attrs_post_init__(self) -> None:
        if self.first > self.last:
            raise FieldError(
                f"period from month {self.first} to month {self.last} runs backwards"
            )
        if (self.first, self.last) == (1, 12):
            raise FieldError(
                "period of the whole year (months 1-12): a whole year has no period"
            )

    @property
    def months(self) -> int:
        """How many months the period covers."""
        return self.last - self.first + 1

    @property
    def code(self) -> str:
        """The short code files store: ``"Q1"``, ``"H1"``, ``"Q1-Q3"``, ``"M1-M8"``."""
        first, last = self.first, self.last
        if (first, last) in ((1, 6), (7, 12)):
            return f"H{last // 6}"
        if (first - 1) % 3 == 0 and last % 3 == 0:
            start, end = (first + 2) // 3, last // 3
            return f"Q{start}" if start == end else f"Q{start}-Q{end}"
        return f"M{first}" if first == last else f"M{first}-M{last}"

    @classmethod
    def from_code(cls, code: str) -> Period:
        """The period a code names (see :attr:`code`); the inverse of it.

        Raises:
            ValueError: *code* is not a period's code; the message names it.
        """
        match = _CODE.fullmatch(code.strip()) if isinstance(code, str) else None
        if match is None:
            raise FieldError(
                f"period {code!r} is not a code such as 'Q1', 'H1', 'Q1-Q3' or 'M1-M8'"
            )
        kind, start, end = match.group(1), int(match.group(2)), match.group(3)
        size = _MONTHS_IN[kind]
        stop = int(end) if end is not None else start
        if not 1 <= start <= stop <= 12 // size:
            raise FieldError(f"period {code!r} names no months of a year")
        return cls((start - 1) * size + 1, stop * size)

    def describe(self, lang: str = "en") -> str:
        """The period in words, in English (``"en"``) or Chinese (``"zh"``)."""
        first, last = self.first, self.last
        zh = lang.startswith("zh")
        if (first, last) in ((1, 6), (7, 12)):
            if zh:
                return "上半年" if first == 1 else "下半年"
            return "first half" if first == 1 else "second half"
        if (first - 1) % 3 == 0 and last % 3 == 0:
            start, end = (first + 2) // 3, last // 3
            if start == end:
                if zh:
                    return f"{_QUARTER_WORDS_ZH[start - 1]}季度"
                return f"{_QUARTER_WORDS_EN[start - 1]} quarter"
            if start == 1:
                if zh:
                    return f"前{_QUARTER_WORDS_ZH[end - 1]}季度"
                return f"first {('two', 'three')[end - 2]} quarters"
        if zh:
            return f"{first}月" if first == last else f"{first}-{last}月"
        if first == last:
            return _MONTHS_EN[first - 1]
        return f"{_MONTHS_EN[first - 1]}-{_MONTHS_EN[last - 1]}"

    def __str__(self) -> str:
        return self.code


def to_period(value: Period | str | None) -> Period | None:
    """A converter for fields holding a period: a :class:`Period`, its code, or None."""
    if value is None or isinstance(value, Period):
        return value
    if isinstance(value, str):
        return Period.from_code(value)
    raise FieldTypeError(f"period {value!r} is not a Period or a code such as 'Q1-Q3'")
