"""Field checks and converters that every class of the plan shares.

Ids, years, figures, lists of one kind of item, enum members: the classes
check their fields with these when a value is built.  They are plain
functions, not attrs's validators, and remember the ids they have seen,
because a plan builds thousands of values and this is where loading spends
its time.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

import attrs

from industrial_plan._errors import FieldError, FieldTypeError
from industrial_plan._figures.figure import Figure

_ID = re.compile(r"[A-Za-z][A-Za-z0-9_.-]{0,79}")


# Ids seen valid: a plan repeats a few metric ids thousands of times.  Bounded,
# so that a long-running process reading many plans does not grow without end.
_VALID_IDS: set[str] = set()
_KEEP_IDS = 65_536


def _check_id(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if type(value) is str and value in _VALID_IDS:
        return
    if not isinstance(value, str) or not _ID.fullmatch(value):
        kind = FieldError if isinstance(value, str) else FieldTypeError
        raise kind(
            f"{attribute.name} {value!r} is not a valid id: start with a letter; "
            "use letters, digits, '_', '-' or '.'; at most 80 characters",
            field=attribute.name,
            value=value,
        )
    if type(value) is str and len(_VALID_IDS) < _KEEP_IDS:
        _VALID_IDS.add(value)


def _is_figure(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    # attrs's instance_of, as one plain function: built for every observation.
    if type(value) is not Figure and not isinstance(value, Figure):
        raise FieldTypeError(
            f"{attribute.name!r} must be a Figure, got {value!r} "
            f"(a {type(value).__name__}); read one from its words with "
            "industrial_plan.parse_figure('120 billion yuan'), or build one "
            "with industrial_plan.Figure(industrial_plan.amount(120, 'billion CNY'))",
            field=attribute.name,
            value=value,
        )


def _is_optional_figure(
    instance: object, attribute: attrs.Attribute[Any], value: Any
) -> None:
    if value is not None:
        _is_figure(instance, attribute, value)


def _check_optional_id(
    instance: object, attribute: attrs.Attribute[str | None], value: str | None
) -> None:
    if value is not None:
        _check_id(instance, attribute, value)  # type: ignore[arg-type]


def _as_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    if type(value) is tuple:
        return value
    # A str is iterable too, but a name where a list was meant is a mistake.
    if isinstance(value, str | bytes | Mapping):
        raise FieldTypeError(f"expected a list, got {value!r}", value=value)
    try:
        return tuple(value)
    except TypeError:
        raise FieldTypeError(
            f"expected a list, got {value!r} (a {type(value).__name__})", value=value
        ) from None


def tuple_of(value: Iterable[Any], field: str, kind: str) -> tuple[Any, ...]:
    """*value*, a list of *kind* given for *field*, as a tuple; an error names
    the field and says what to pass.  Each class calls it from a converter of
    its own, whose parameter type says what the field takes."""
    if type(value) is tuple:
        return value
    try:
        return _as_tuple(value)
    except FieldTypeError as error:
        raise FieldTypeError(
            f"{field}: {error}; pass a list of {kind}", field=field, value=value
        ) from None


def _items_are(kind: type) -> Any:
    """attrs validator: every item is a *kind* (one loop, no call per item)."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        for item in value:
            if type(item) is not kind and not isinstance(item, kind):
                raise FieldTypeError(
                    f"{attribute.name!r} must hold {kind.__name__} values, "
                    f"got {item!r} (a {type(item).__name__})",
                    field=attribute.name,
                    value=item,
                )

    return check


_E = TypeVar("_E", bound=enum.Enum)
_MEMBERS: dict[type[enum.Enum], dict[Any, enum.Enum]] = {}


def _article(word: str) -> str:
    return "an" if word[:1] in "AEIOU" else "a"


def member_of(kind: type[_E], value: Any, field: str | None = None) -> _E:
    """*value* as a member of *kind*: the same as ``kind(value)``, without the
    enum machinery for the members and values plans use.  An error names
    *field* (if given), the value and the values to pass.
    """
    if type(value) is kind:
        return value
    by_value = _MEMBERS.get(kind)
    if by_value is None:
        by_value = _MEMBERS[kind] = {member.value: member for member in kind}
    try:
        return by_value[value]  # type: ignore[return-value]
    except (KeyError, TypeError):
        pass
    try:
        return kind(value)
    except ValueError:
        choices = ", ".join(repr(member.value) for member in kind)
        where = f"{field} " if field else ""
        raise FieldError(
            f"{where}{value!r} is not {_article(kind.__name__)} {kind.__name__}: "
            f"pass one of {choices} "
            f"(or industrial_plan.{kind.__name__}.{next(iter(kind)).name})",
            field=field or "",
            value=value,
        ) from None


def _check_year(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if type(value) is int and 1900 <= value <= 2200:
        return
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or not 1900 <= value <= 2200
    ):
        kind = FieldError if isinstance(value, int) else FieldTypeError
        raise kind(
            f"{attribute.name} {value!r} is not a year between 1900 and 2200",
            field=attribute.name,
            value=value,
        )


TYPE_EXACT_VALIDATORS = frozenset({_check_id, _check_year})
"""Validators that check a value's type as strictly as plan files are read
(text for ids; a whole number, not a bool, for years): the quick path of
loading (:mod:`industrial_plan._files.quick`) leaves those fields to them."""
