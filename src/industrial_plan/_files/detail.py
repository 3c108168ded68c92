"""The detailed path of reading: every problem of a plan that does not build.

A plan the quick path cannot build is read again here, field by field
(:mod:`.converter`), so that each problem is reported with its field path.
The parts that read are then checked as a whole plan with stand-ins where a
part did not read (:mod:`.salvage`), and the shape of the data is checked
first: nesting deeper than :data:`MAX_DEPTH`, or more values than the text
could hold, is refused before anything is built.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

import attrs
import cattrs

from industrial_plan._errors import (
    PlanValidationError,
    Problem,
)
from industrial_plan._plan.names import Names
from industrial_plan._plan.roadmap import (
    Roadmap,
    SpatialLayout,
)
from industrial_plan._plan.system import IndustrialSystem, check

from .converter import _READABLE, FORMAT, _documents, _reading_converter
from .problems import _PATH_HEAD, _problems_from
from .salvage import item_type, relevant, salvage
from .validation import join, message, partial

MAX_DEPTH = 64
"""How deeply tables and lists may nest in a plan file (plans use about 10)."""


def _from_data_in_detail(
    data: Any,
    file: str | None,
    lines: Callable[[str], int | None] | None,
    max_values: int | None,
) -> IndustrialSystem:
    """*data* as a system, or every problem it has, each with its path."""
    where = lines or (lambda path: None)

    def fail(problems: list[Problem]) -> PlanValidationError:
        located = [attrs.evolve(p, line=p.line or where(p.path)) for p in problems]
        # In file order, as a reader fixes them; problems without a line last.
        located.sort(key=lambda p: (p.line is None, p.line or 0))
        return PlanValidationError(located, file)

    if not isinstance(data, Mapping):
        raise PlanValidationError([Problem("", "a plan must be a table of keys")], file)
    shape = _shape_problems(data, max_values)
    if shape:
        raise fail(shape)
    problems: list[Problem] = []
    declared = data.get("format", FORMAT)
    if not isinstance(declared, str) or declared not in _READABLE:
        readable = " or ".join(repr(f) for f in sorted(_READABLE))
        problems.append(
            Problem(
                "format", f"{declared!r} is not a supported format; expected {readable}"
            )
        )
    documents, source_problems = _documents(data.get("sources", []))
    problems.extend(source_problems)
    converter = _reading_converter(documents)
    kwargs, structure_problems = _structure_fields(converter, data)
    problems.extend(structure_problems)
    if not problems:
        try:
            return IndustrialSystem(**kwargs)
        except (ValueError, TypeError):
            pass  # found again below, each problem with its path
    problems.extend(_system_problems(converter, data, kwargs, problems))
    raise fail(problems)


def _system_problems(
    converter: cattrs.Converter,
    data: Mapping[str, Any],
    kwargs: Mapping[str, Any],
    found: list[Problem],
) -> list[Problem]:
    """The system's own problems: each top-level field, then the whole-plan checks.

    The whole-plan checks (unique ids, links, years, units that fit their
    metric) run on the parts that read, with harmless stand-ins for the rest
    (:mod:`.salvage`), so that a bad ``start_year`` or a bad figure does not
    hide a duplicate industry id.
    """
    failed = {_PATH_HEAD.sub("", p.path) for p in found}
    given = {k: v for k, v in kwargs.items() if k not in failed}
    for field in attrs.fields(IndustrialSystem):
        if field.name in failed and field.name in data and field.type is not None:
            with contextlib.suppress(Exception):  # then it takes a stand-in
                raw = data[field.name]
                given[field.name] = salvage_field(converter, field.type, raw)
    system, problems = partial(IndustrialSystem, given)
    problems = [p for p in problems if p.path not in failed]
    bad = {p.path for p in problems} | (failed - set(given))
    for field in attrs.fields(IndustrialSystem):
        if field.name in bad:
            object.__setattr__(system, field.name, _stand_in(field.name))
    # A stand-in the checks did not expect must not hide the problems found.
    with contextlib.suppress(AttributeError, TypeError, ValueError):
        checked = check(system)
        problems.extend(relevant(checked, [p.path for p in (*found, *problems)]))
    if not problems and not found:
        try:
            IndustrialSystem(**kwargs)
        except (ValueError, TypeError) as error:
            problems.append(Problem("", message(error)))
    return problems


def salvage_field(converter: cattrs.Converter, type_: Any, raw: Any) -> Any:
    """A top-level field's value as far as it reads (see :mod:`.salvage`)."""
    item = item_type(type_)
    if item is not None:
        items = raw if isinstance(raw, list) else []
        return tuple(salvage(converter, item, value) for value in items)
    if attrs.has(type_):
        return salvage(converter, type_, raw)
    return converter.structure(raw, type_)


def _stand_in(name: str) -> Any:
    # Years that make no year-range problem; empty parts; a placeholder name.
    stand_ins: dict[str, Any] = {
        "name": Names("?"),
        "region": Names("?"),
        "start_year": 1900,
        "end_year": 2200,
        "roadmap": Roadmap(),
        "layout": SpatialLayout(),
    }
    return stand_ins.get(name, ())


def _shape_problems(data: Mapping[str, Any], max_values: int | None) -> list[Problem]:
    """Nesting deeper than :data:`MAX_DEPTH`, or more values than *max_values*.

    Walks level by level without recursion, so that no input can exhaust the
    stack, and stops as soon as a limit is passed.
    """
    level: list[Any] = [data]
    depth = count = 0
    while level:
        depth += 1
        if depth > MAX_DEPTH:
            return [Problem(_deep_path(data), f"nested more than {MAX_DEPTH} levels")]
        below: list[Any] = []
        for value in level:
            items = value.values() if _is_mapping(value) else value
            count += len(items)
            if max_values is not None and count > max_values:
                return [
                    Problem(
                        "",
                        f"the plan holds more than {max_values} values, more than "
                        "its text can write out: aliases that expand are refused",
                    )
                ]
            below.extend(item for item in items if _is_container(item))
        level = below
    return []


_CONTAINERS = (Mapping, list, tuple, set, frozenset)
# Parsers build plain types; checking those first skips the slow ABC check.
_SCALARS = frozenset({str, int, bool, float, Decimal, type(None), dt.date})
_PLAIN_CONTAINERS = frozenset({dict, list})


def _is_mapping(value: Any) -> bool:
    return type(value) is dict or isinstance(value, Mapping)


def _is_container(value: Any) -> bool:
    kind = type(value)
    if kind in _PLAIN_CONTAINERS:
        return True
    return kind not in _SCALARS and isinstance(value, _CONTAINERS)


def _deep_path(data: Any) -> str:
    """The path of a value nested deeper than :data:`MAX_DEPTH`."""
    path = ""
    value = data
    for _ in range(MAX_DEPTH):
        items: list[tuple[str, Any]]
        if isinstance(value, Mapping):
            items = [(join(path, str(k)), v) for k, v in value.items()]
        else:
            items = [(f"{path}[{i}]", v) for i, v in enumerate(value)]
        deeper = [(p, v) for p, v in items if isinstance(v, _CONTAINERS)]
        if not deeper:
            break
        # The deepest branch: the one whose nesting goes on longest.
        path, value = max(deeper, key=lambda item: _depth(item[1]))
    return path


def _depth(value: Any) -> int:
    depth, level = 0, [value]
    while level and depth <= MAX_DEPTH:
        depth += 1
        level = [
            item
            for v in level
            for item in (v.values() if isinstance(v, Mapping) else v)
            if isinstance(item, _CONTAINERS)
        ]
    return depth


def _structure_fields(
    converter: cattrs.Converter, data: Mapping[str, Any]
) -> tuple[dict[str, Any], list[Problem]]:
    problems: list[Problem] = []
    kwargs: dict[str, Any] = {}
    fields = attrs.fields_dict(IndustrialSystem)
    for key in data:
        if key not in fields and key != "format":
            problems.append(
                Problem(str(key), f"unknown key {key!r}; known: {', '.join(fields)}")
            )
    for name, field in fields.items():
        if name not in data:
            if field.default is attrs.NOTHING:
                problems.append(Problem(name, "required key is missing"))
            continue
        try:
            assert field.type is not None
            kwargs[name] = converter.structure(data[name], field.type)
        except Exception as error:
            problems.extend(_problems_from(error, name))
    return kwargs, problems
