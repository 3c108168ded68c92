"""Structuring a plan that has no problems, at the speed of its constructors.

The reading converter (:mod:`.converter`) reports every problem of a plan, each
with its field path; that bookkeeping costs more than building the plan
itself.  Most plans read have no problem at all, so :func:`structure` first
builds the plan straight from the parser's plain data: each table's keys are
checked against its class's fields, each value is given to the hook its type
names, and the class's own constructor checks it.  Nothing is checked here
that the constructors do not check again.

Whatever this path does not expect (a value of another type, an unknown
key, any error at all) makes it give up: :func:`structure` returns ``None``
and the caller reads the data again on the detailed path, which says what
is wrong and where.  So this path only needs to be right about plans it
builds; ``tests/test_quick.py`` checks that it builds the same plan as the
detailed path, on generated plans of every kind, and gives up on every
plan the detailed path refuses.
"""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Callable
from enum import Enum
from typing import Any

import attrs
import cattrs

from industrial_plan._figures.figure import Figure, plain_figure
from industrial_plan._figures.period import Period
from industrial_plan._figures.qualifier import Qualifier
from industrial_plan._figures.source import Source
from industrial_plan._money.units import parse_unit, quantity_of, to_decimal
from industrial_plan._plan.fields import TYPE_EXACT_VALIDATORS, member_of
from industrial_plan._plan.names import Names
from industrial_plan._plan.system import IndustrialSystem

Hook = Callable[[Any], Any]


class _GiveUp(Exception):
    """The data is not what the quick path expects: read it in detail."""


def structure(
    data: dict[str, Any], converter: cattrs.Converter
) -> IndustrialSystem | None:
    """The system the fields *data* holds, or ``None`` if anything is unexpected.

    *data* is the plan's table without its ``format`` key; *converter* is the
    detailed path's, for the plan's source references and the rare types
    this path has no hook of its own for.
    """
    try:
        return typing.cast(IndustrialSystem, _system_hook(converter)(data))
    except Exception:  # the detailed path finds what failed, and says where
        return None


@functools.lru_cache(maxsize=16)
def _system_hook(converter: cattrs.Converter) -> Hook:
    """The system's hook; converters are kept, and so are these."""
    hooks = _Hooks(converter)
    return _table(IndustrialSystem, hooks.fields_of(IndustrialSystem))


class _Hooks:
    """Hooks for the classes of the plan format, made once per converter."""

    def __init__(self, converter: cattrs.Converter):
        self.converter = converter
        self.classes: dict[type, Hook] = {}

    def fields_of(self, cls: type) -> dict[str, Hook | None]:
        """Each field's hook; ``None`` where the field's validator checks the
        type exactly as the detailed path's hook does (ids, years)."""
        return {
            field.name: None
            if field.validator in TYPE_EXACT_VALIDATORS
            else self.hook(typing.cast(Any, field.type))
            for field in attrs.fields(typing.cast(Any, cls))
        }

    def hook(self, type_: Any) -> Hook:
        if type_ in (str, int, bool):
            return _exactly(type_)
        if type_ is Names:
            return _names
        if type_ is Figure:
            return _figure(figure_parser(), self.detailed(Figure))
        if type_ is Period:
            return _period
        if isinstance(type_, type) and issubclass(type_, Enum):
            return functools.partial(member_of, type_)
        origin, args = typing.get_origin(type_), typing.get_args(type_)
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return _items(self.hook(args[0]))
        optional = origin in (typing.Union, types.UnionType) and len(args) == 2
        if optional and type(None) in args:
            (inner,) = (arg for arg in args if arg is not type(None))
            return _optional(self.hook(inner))
        if attrs.has(type_) and type_ is not Source:
            if type_ not in self.classes:
                self.classes[type_] = _table(type_, self.fields_of(type_))
            return self.classes[type_]
        # Sources, dates and what plans rarely hold: the detailed path's hook.
        return self.detailed(type_)

    def detailed(self, type_: Any) -> Hook:
        structure_ = self.converter.get_structure_hook(type_)
        return lambda value: structure_(value, type_)


def _table(cls: type, hooks: dict[str, Hook | None]) -> Hook:
    """A class from a table whose keys are all its fields' names."""
    names = frozenset(hooks)
    # A table holding the first fields in their order (as the library writes
    # observations: metric, year, figure) is passed by position, which is
    # cheaper than by name: for each such order, the positions that need a
    # hook are kept.
    positional = [
        field.name
        for field in attrs.fields(typing.cast(Any, cls))
        if field.init and not field.kw_only
    ]
    in_order = {
        tuple(positional[:n]): tuple(
            (i, hook)
            for i, hook in enumerate(hooks[name] for name in positional[:n])
            if hook is not None
        )
        for n in range(1, len(positional) + 1)
    }

    def structure(value: Any) -> Any:
        if type(value) is not dict:
            raise _GiveUp
        hooked = in_order.get(tuple(value))
        if hooked is not None:
            args = list(value.values())
            for i, hook in hooked:
                args[i] = hook(args[i])
            return cls(*args)
        if not names.issuperset(value):
            raise _GiveUp
        return cls(
            **{
                key: item if hook is None else hook(item)
                for key, item in value.items()
                for hook in (hooks[key],)
            }
        )

    return structure


def _items(item: Hook) -> Hook:
    def structure(value: Any) -> Any:
        if type(value) is not list:
            raise _GiveUp
        return tuple(map(item, value))

    return structure


def _optional(inner: Hook) -> Hook:
    return lambda value: None if value is None else inner(value)


def _exactly(kind: type) -> Hook:
    # bool is an int to Python, never to a plan file: types match exactly.
    def structure(value: Any) -> Any:
        if type(value) is not kind:
            raise _GiveUp
        return value

    return structure


def _names(value: Any) -> Names:
    if type(value) is not dict and type(value) is not str:
        raise _GiveUp
    return Names(value)


def _period(value: Any) -> Period:
    # A code; the constructor's converter reads it (and refuses a bad one).
    if type(value) is not str:
        raise _GiveUp
    return Period.from_code(value)


_NUMBER_AND_UNIT = frozenset({"value", "unit"})


def _figure(parse: Callable[[str], Figure], detailed: Hook) -> Hook:
    def structure(value: Any) -> Figure:
        if type(value) is str:
            return parse(value)
        if (
            type(value) is dict
            and _NUMBER_AND_UNIT.issuperset(value)
            and type(value.get("value")) is str
            and type(value.get("unit", "")) is str
        ):
            return _number_and_unit(value["value"], value.get("unit", ""))
        return typing.cast(Figure, detailed(value))

    return structure


@functools.lru_cache(maxsize=8192)
def _number_and_unit(number: str, unit: str) -> Figure:
    # The form figures take when their words would not read back the same
    # ("1000 billion yuan" reads as a trillion); kept like the texts read.
    quantity = quantity_of(to_decimal(number), read_unit(unit))
    return plain_figure(quantity, Qualifier.EXACT, False)


@functools.lru_cache(maxsize=256)
def read_unit(text: str) -> Any:
    """A unit as :func:`parse_unit` reads it; plans repeat a few units."""
    return parse_unit(text)


@functools.cache
def figure_parser() -> Callable[[str], Figure]:
    """:func:`parse_figure`, imported on first use: its tables cost time at import."""
    from industrial_plan._figures.parse import parse_figure

    return parse_figure
