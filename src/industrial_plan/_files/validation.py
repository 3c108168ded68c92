"""Every problem of a value at once: each field's converter and validator alone.

An attrs class stops at the first field that fails, so a table with a bad
year and a bad name would report only the year.  When building a value
fails, :func:`field_problems` runs each field's converter and validator on
its own and reports every one that fails, each with its field path.  It runs
only on that error path; a value that builds pays nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

import attrs

from industrial_plan._errors import Problem

_T = TypeVar("_T")

# What a converter or validator raises for a value it rejects; an
# AttributeError comes from a validator that reads a field that failed.
_REJECTED = (ValueError, TypeError, LookupError, ArithmeticError, AttributeError)


def join(prefix: str, rest: str) -> str:
    """Field paths joined: ``tiers[0]`` + ``name`` -> ``tiers[0].name``."""
    if not prefix:
        return rest
    if not rest:
        return prefix
    return f"{prefix}{rest}" if rest.startswith("[") else f"{prefix}.{rest}"


def message(error: BaseException) -> str:
    """The first line of an error's message, or its type when it has none."""
    lines = str(error).splitlines()
    return lines[0] if lines else type(error).__name__


def field_problems(cls: type[Any], values: Mapping[str, Any]) -> list[Problem]:
    """Every field of *cls* whose converter or validator rejects its value.

    Paths are relative to the value (``year``, ``name``); a problem found by
    ``__attrs_post_init__`` has the empty path.  Fields left out take their
    defaults.
    """
    instance, problems = partial(cls, values)
    if problems:
        return problems
    post_init = getattr(cls, "__attrs_post_init__", None)
    if post_init is not None:
        try:
            post_init(instance)
        except _REJECTED as error:
            return [Problem("", message(error))]
    return []


def partial(cls: type[_T], values: Mapping[str, Any]) -> tuple[_T, list[Problem]]:
    """An instance of *cls* holding the fields that pass, and the problems of the rest.

    The instance is built without ``__init__`` and may lack failed fields:
    it serves only to run checks that need several fields (such as
    :func:`industrial_plan._plan.system.check`) on the parts that read.
    """
    instance = object.__new__(cls)
    problems: list[Problem] = []
    fields = attrs.fields(cast(Any, cls))
    set_ok: list[attrs.Attribute[Any]] = []
    for field in fields:
        if field.name in values:
            value = values[field.name]
        elif isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            if not field.default.takes_self:
                value = field.default.factory()
            else:
                try:
                    # A default derived from fields set before it (a
                    # target's kind from its figure).
                    value = field.default.factory(instance)
                except _REJECTED:
                    continue  # derived from a field that failed: nothing to add
        elif field.default is not attrs.NOTHING:
            value = field.default
        else:
            problems.append(Problem(field.name, "required field missing"))
            continue
        try:
            if field.converter is not None:
                value = _convert(field.converter, value)
        except _REJECTED as error:
            problems.append(Problem(field.name, message(error)))
            continue
        object.__setattr__(instance, field.name, value)
        set_ok.append(field)
    for field in set_ok:
        if field.validator is None:
            continue
        try:
            field.validator(instance, field, getattr(instance, field.name))
        except _REJECTED as error:
            problems.append(Problem(field.name, message(error)))
    return instance, problems


def _convert(converter: Any, value: Any) -> Any:
    if isinstance(converter, attrs.Converter):
        # The model's converters take the value alone.
        return cast(Any, converter).converter(value)
    return converter(value)
