"""cattrs' errors as problems a reader can act on: a field path and a message.

cattrs raises nested exception groups; these functions flatten them into
:class:`~industrial_plan.Problem` values, each with the path of the field
(``tiers[0].industries[2].targets[0].year``) and a message that says what
was wrong and what was expected, and check each failing value alone
(:mod:`.validation`) so that one bad field hides no other.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

import attrs
import cattrs

from industrial_plan._errors import (
    IndustrialPlanError,
    ParseError,
    PlanValidationError,
    Problem,
)

from .validation import field_problems, join, partial

_PATH_HEAD = re.compile(r"[.\[].*$")


def _problems_from(error: BaseException, path: str) -> list[Problem]:
    """Every problem inside *error* (cattrs groups them), each with its path."""
    if isinstance(error, PlanValidationError):
        return [attrs.evolve(p, path=join(path, p.path)) for p in error.problems]
    if isinstance(error, cattrs.ClassValidationError):
        noted, rest = error.group_exceptions()
        found = [p for e, n in noted for p in _problems_from(e, join(path, n.name))]
        return found + [p for e in rest for p in _problems_from(e, path)]
    if isinstance(error, cattrs.IterableValidationError):
        items, rest = error.group_exceptions()
        found = [p for e, n in items for p in _problems_from(e, f"{path}[{n.index}]")]
        return found + [p for e in rest for p in _problems_from(e, path)]
    if isinstance(error, cattrs.BaseValidationError):
        return [p for e in error.exceptions for p in _problems_from(e, path)]
    if isinstance(error, cattrs.ForbiddenExtraKeysError):
        # Each key where it stands, so that its line is the key's, not the table's.
        known = _known_keys(error.cl)
        return [
            Problem(join(path, key), f"unknown key {key!r}; known: {known}")
            for key in sorted(error.extra_fields)
        ]
    return [Problem(path, _describe(error, None))]


def _known_keys(cls: type[Any]) -> str:
    if not attrs.has(cls):
        return "see the plan format"
    return ", ".join(
        field.alias or field.name for field in attrs.fields(cls) if field.init
    )


def _describe(error: BaseException, type_: Any) -> str:
    if isinstance(error, KeyError) and not isinstance(error, IndustrialPlanError):
        return "required field missing"
    if isinstance(error, cattrs.ForbiddenExtraKeysError):
        return f"unknown keys {sorted(error.extra_fields)}"
    if isinstance(error, ParseError):
        return (
            f"cannot read {error.text!r} as a figure: "
            f"{error.reason} at position {error.position}"
        )
    if isinstance(error, (ValueError, TypeError, IndustrialPlanError)):
        return str(error).splitlines()[0]
    return f"{type(error).__name__}: {error}"


def _every_problem(
    converter: cattrs.Converter,
) -> Callable[[type[Any]], Callable[[Any, Any], Any]]:
    """cattrs's structuring of attrs classes, reporting every field that fails.

    cattrs reports the fields it cannot structure, and attrs the first
    validator that fails; on that error path only, each field is also
    checked alone, so that every problem of the table is listed.
    """

    def factory(cls: type[Any]) -> Callable[[Any, Any], Any]:
        structure = cattrs.gen.make_dict_structure_fn(cls, converter)

        def checked(value: Any, type_: Any) -> Any:
            try:
                return structure(value, type_)
            except (cattrs.ClassValidationError, ValueError, TypeError) as error:
                if not isinstance(value, Mapping):
                    raise
                problems = []  # attrs's first failure is found again below
                if isinstance(error, cattrs.ClassValidationError):
                    problems = _problems_from(error, "")
                failed = {_PATH_HEAD.sub("", p.path) for p in problems}
                more = [
                    problem
                    for problem in _construction_problems(converter, cls, value)
                    if problem.path not in failed and (problem.path or not failed)
                ]
                # cattrs passes on the constructor's error, which is one of these.
                again = {problem.message for problem in more}
                problems = [p for p in problems if p.path or p.message not in again]
                problems.extend(more)
                if not problems:
                    raise
                raise PlanValidationError(problems) from None

        return checked

    return factory


def _construction_problems(
    converter: cattrs.Converter, cls: type[Any], value: Mapping[str, Any]
) -> list[Problem]:
    """The problems each field that structures has on its own, then the whole's."""
    kwargs: dict[str, Any] = {}
    broken = False
    for field in attrs.fields(cls):
        if field.name in value and field.type is not None:
            try:
                kwargs[field.name] = converter.structure(value[field.name], field.type)
            except Exception:  # reported by cattrs already
                broken = True
    if broken:
        _, problems = partial(cls, kwargs)
        return problems
    return field_problems(cls, kwargs)
