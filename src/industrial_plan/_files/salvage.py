"""What can still be checked in a plan that does not read: the parts that do.

A plan with a bad figure in one industry still has ids, links and other
figures worth checking.  On that error path only, :func:`salvage` builds the
values as far as they read, item by item, and puts a harmless stand-in
wherever a value does not read (a unique placeholder id or name, an empty
list, no figure), so that the whole-plan checks can run.  Their problems on
or around a part that did not read are left out: they would be about the
stand-in, not the plan.
"""

from __future__ import annotations

import itertools
import typing
from collections.abc import Iterable, Mapping
from typing import Any

import attrs
import cattrs

from industrial_plan._errors import Problem

from .validation import partial

_counter = itertools.count()


def salvage(converter: cattrs.Converter, cls: type[Any], value: Any) -> Any:
    """*value* as a *cls* as far as it reads, with stand-ins for the rest.

    The result is built without running the class's checks: it serves only
    to run checks of the whole and must not be handed out.
    """
    try:
        return converter.structure(value, cls)
    except Exception:  # its problems are known; build it again, part by part
        pass
    if not isinstance(value, Mapping):
        return _stand_in_instance(converter, cls, {})
    kwargs: dict[str, Any] = {}
    for field in attrs.fields(cls):
        if field.name not in value or field.type is None:
            continue
        item = item_type(field.type)
        raw = value[field.name]
        if item is not None and isinstance(raw, list):
            kwargs[field.name] = tuple(salvage(converter, item, v) for v in raw)
            continue
        try:
            kwargs[field.name] = converter.structure(raw, field.type)
        except Exception:  # a stand-in takes its place
            continue
    return _stand_in_instance(converter, cls, kwargs)


def item_type(type_: Any) -> type[Any] | None:
    """``X`` for ``tuple[X, ...]`` where X is an attrs class."""
    args = typing.get_args(type_)
    if (
        typing.get_origin(type_) is tuple
        and len(args) == 2
        and args[1] is Ellipsis
        and attrs.has(args[0])
    ):
        item: type[Any] = args[0]
        return item
    return None


def _stand_in_instance(
    converter: cattrs.Converter, cls: type[Any], kwargs: Mapping[str, Any]
) -> Any:
    instance, problems = partial(cls, kwargs)
    broken = {problem.path for problem in problems}
    for field in attrs.fields(cls):
        if field.name in broken:
            object.__setattr__(instance, field.name, _stand_in(converter, field))
    return instance


def _stand_in(converter: cattrs.Converter, field: attrs.Attribute[Any]) -> Any:
    """A value no check will object to, and no other value will equal."""
    if field.name == "name":
        return converter.structure(f"?{next(_counter)}", field.type or str)
    if field.type is int or field.name == "year":
        return 2200  # the latest year: never before a plan's start
    if field.type is str or field.name in ("id", "metric", "kind"):
        return f"?{next(_counter)}"
    default: Any = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return default.factory()
    return None if default is attrs.NOTHING else default


def relevant(problems: Iterable[Problem], failed: Iterable[str]) -> list[Problem]:
    """The *problems* that are not about a part that did not read.

    A problem on, under or above a failed path (``tiers[0].targets[1]``
    above ``tiers[0].targets[1].figure``) may be about a stand-in.
    """
    prefixes = [path for path in failed if path]

    def related(path: str) -> bool:
        return any(_within(path, other) or _within(other, path) for other in prefixes)

    return [problem for problem in problems if not related(problem.path)]


def _within(path: str, other: str) -> bool:
    """Whether *path* is *other* or lies under it."""
    return path == other or path.startswith((f"{other}.", f"{other}["))
