"""Arguments of the public functions: a wrong one is named, not a raw Python error.

``ip.convert(figure_text, "USD", ...)`` used to end in ``AttributeError:
'str' object has no attribute 'dimensionality'`` from deep inside pint.  The
public face wraps each public function (:func:`checked`): when a call fails
with a raw ``TypeError`` or ``AttributeError``, the arguments are checked
against the function's annotations, and the first that does not fit is
named in a :class:`~industrial_plan.FieldTypeError` ("convert(): quantity
must be a Quantity or a Figure, got '3 trillion yuan' (a str)").  The check
runs only after a failure, so a call that works costs one frame more; an
error the arguments do not explain is raised as it was (it is a bug).
"""

from __future__ import annotations

import collections.abc
import functools
import importlib
import inspect
import types
import typing
from collections.abc import Callable
from typing import Any, TypeVar

from ._errors import FieldTypeError, IndustrialPlanError

_F = TypeVar("_F", bound=Callable[..., Any])


def checked(function: _F) -> _F:
    """*function*, its raw type errors explained by the argument that caused them."""
    # The signature is read after a failure only: reading the signatures of
    # every public function took 2 ms of each import (issue 22).
    signature = functools.cache(functools.partial(inspect.signature, function))

    @functools.wraps(function)
    def call(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except IndustrialPlanError:
            raise
        except (
            TypeError,
            AttributeError,
            ValueError,
            LookupError,
            ArithmeticError,
        ) as error:
            wrong = wrong_argument(function, signature(), args, kwargs)
            if wrong is None:
                raise
            raise wrong from error

    return typing.cast(_F, call)


def wrong_argument(
    function: Callable[..., Any],
    signature: inspect.Signature,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
) -> FieldTypeError | None:
    """The error naming the first argument that does not fit its annotation."""
    try:
        bound = signature.bind(*args, **kwargs)
    except TypeError:
        return None  # Python's own message says what the call lacks
    hints = _hints(function)
    for name, value in bound.arguments.items():
        hint = hints.get(name)
        if hint is None or _fits(value, hint):
            continue
        shown = repr(value)
        if len(shown) > 80:
            shown = shown[:77] + "..."
        return FieldTypeError(
            f"{function.__name__}(): {name} must be {_describe(hint)}, got {shown} "
            f"({_article(type(value).__name__)})",
            field=name,
            value=value,
        )
    return None


class _Unknown:
    """A name the annotations use that is imported only for type checkers
    (pandas, pyarrow): anything fits it."""

    def __getattr__(self, name: str) -> Any:
        return Any

    def __getitem__(self, item: object) -> Any:
        return Any


@functools.cache
def _hints(function: Callable[..., Any]) -> dict[str, Any]:
    """*function*'s annotations resolved (names only type checkers import
    fit anything)."""
    missing: dict[str, Any] = {}
    for _ in range(20):
        try:
            return typing.get_type_hints(function, localns=missing)
        except NameError as error:
            if error.name is None or error.name in missing:
                return {}
            missing[error.name] = _optional_module(error.name)
        except Exception:  # an annotation no one can resolve: nothing to say
            return {}
    return {}


# The optional extras the annotations name: checked when installed.
_EXTRAS = frozenset({"pandas", "pyarrow", "matplotlib", "numpy"})


def _optional_module(name: str) -> Any:
    if name in _EXTRAS:
        try:
            return importlib.import_module(name)
        except ImportError:
            pass
    return _Unknown()


def _fits(value: Any, hint: Any) -> bool:
    if hint is Any or hint is object or isinstance(hint, TypeVar | _Unknown):
        return True
    if hint is None or hint is type(None):
        return value is None
    origin = typing.get_origin(hint)
    if origin is typing.Union or origin is types.UnionType:
        return any(_fits(value, arm) for arm in typing.get_args(hint))
    if origin is typing.Literal:
        return value in typing.get_args(hint)
    if origin is not None:
        if not _fits(value, origin):
            return False
        return _items_fit(value, origin, typing.get_args(hint))
    if hint is float:
        return isinstance(value, int | float)
    if not isinstance(hint, type):
        return True
    try:
        return isinstance(value, hint)
    except TypeError:  # a Protocol that cannot be checked at run time
        return True


_LISTS = (list, tuple, set, frozenset, str, bytes, bytearray, dict)


def _items_fit(value: Any, origin: Any, arguments: tuple[Any, ...]) -> bool:
    """The items of a list given for ``Iterable[X]`` (or a list, a tuple...)
    are X: a name where a list of owners goes is wrong, though text iterates."""
    sequence = origin in (list, tuple, set, frozenset) or (
        isinstance(origin, type)
        and issubclass(origin, collections.abc.Iterable)
        and not issubclass(origin, collections.abc.Mapping)
    )
    if not sequence:
        return True
    try:
        iter(value)  # a quantity claims to iterate, and does not when scalar
    except TypeError:
        return False
    if not arguments or not isinstance(value, _LISTS):
        return True
    item = arguments[0]
    if origin is tuple and not (len(arguments) == 2 and arguments[1] is Ellipsis):
        return True  # a fixed tuple: its length says more than its items
    return all(_fits(one, item) for one in list(value)[:1000])


_WORDS = {str: "text", int: "a whole number", float: "a number", bool: "true or false"}


def _describe(hint: Any) -> str:
    """*hint* in words: "text or None", "a Figure", "one of 'en', 'zh'"."""
    if hint is None or hint is type(None):
        return "None"
    origin = typing.get_origin(hint)
    if origin is typing.Union or origin is types.UnionType:
        return " or ".join(
            dict.fromkeys(_describe(arm) for arm in typing.get_args(hint))
        )
    if origin is typing.Literal:
        return "one of " + ", ".join(repr(arm) for arm in typing.get_args(hint))
    if origin is not None:
        hint = origin
    if hint in _WORDS:
        return _WORDS[hint]
    return _article(getattr(hint, "__name__", str(hint)))


def _article(name: str) -> str:
    return f"an {name}" if name[:1].lower() in "aeiou" else f"a {name}"
