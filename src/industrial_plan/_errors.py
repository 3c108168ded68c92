"""The library's exceptions: one hierarchy rooted in :class:`IndustrialPlanError`.

Every error a user can cause names the offending value, so that a message read
in a log or a terminal says what to fix without a debugger.  Each class also
derives from the closest built-in exception, so ``except ValueError`` keeps
working for callers that do not know this library.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import attrs


class IndustrialPlanError(Exception):
    """Root of every error raised by industrial-plan."""


class UnitError(IndustrialPlanError, ValueError):
    """A unit expression is unknown, malformed or of the wrong kind."""

    def __init__(self, unit: str, reason: str = "is not a known unit") -> None:
        self.unit = unit
        super().__init__(f"{unit!r} {reason}")


class InvalidNumberError(IndustrialPlanError, ValueError):
    """A value that should be a finite number is not one."""

    def __init__(self, value: object, what: str = "value") -> None:
        self.value = value
        self.what = what
        super().__init__(f"{value!r} is not a finite number ({what})")


class OutOfRangeError(InvalidNumberError):
    """A number outside the range its use allows (a negative tolerance)."""

    def __init__(self, value: object, what: str, low: object, high: object) -> None:
        ValueError.__init__(
            self, f"{what} {value!r} is out of range: it must be from {low} to {high}"
        )
        self.value = value
        self.what = what
        self.low = low
        self.high = high

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.value, self.what, self.low, self.high))


class UnknownCurrencyError(UnitError):
    """A currency code or name is not one the library knows."""

    def __init__(self, currency: str, reason: str = "is not a known currency") -> None:
        super().__init__(currency, reason)
        self.currency = currency


class CurrencyMismatchError(IndustrialPlanError, ValueError):
    """Amounts in different currencies (or units) were combined without a rate."""

    def __init__(self, first: str, second: str, context: str = "") -> None:
        self.first = first
        self.second = second
        where = f" in {context}" if context else ""
        super().__init__(
            f"cannot combine {first} with {second}{where} without an exchange rate"
        )


class RateError(IndustrialPlanError):
    """An exchange rate could not be provided."""


class MissingRateError(RateError, LookupError):
    """A rate source has no rate for the requested pair of currencies."""

    def __init__(self, base: str, quote: str, source: str) -> None:
        self.base = base
        self.quote = quote
        self.source = source
        super().__init__(f"{source} has no rate for {base} -> {quote}")


class DateOutOfRangeError(RateError, ValueError):
    """A date (or year) lies outside the range a rate source covers."""

    def __init__(
        self,
        requested: dt.date | int,
        first: dt.date,
        last: dt.date,
        what: str,
    ) -> None:
        self.requested = requested
        self.first = first
        self.last = last
        super().__init__(
            f"{requested} is outside the range of {what}: "
            f"{first.isoformat()} to {last.isoformat()}"
        )


class FieldError(IndustrialPlanError, ValueError):
    """A value given to a class's field or to a function is not one it takes.

    The message names the field or argument, says what was given and what to
    pass ("direction 'sideways' is not a Direction: pass one of 'higher',
    'lower'"); :attr:`field` and :attr:`value` hold the first two.
    """

    def __init__(self, message: str, *, field: str = "", value: object = None) -> None:
        self.field = field
        self.value = value
        super().__init__(message)


class FieldTypeError(FieldError, TypeError):
    """A value of the wrong type for a field (text where a Figure goes).

    Also a :class:`TypeError`, as Python's own type errors are.
    """


def instance_of(
    kind: type, what: str, optional: bool = False
) -> Callable[[object, Any, Any], None]:
    """attrs validator: the value is a *kind* (or ``None`` if *optional*); an
    error names the field and says what to pass (*what*)."""

    def check(instance: object, attribute: Any, value: Any) -> None:
        if type(value) is kind or isinstance(value, kind):
            return
        if optional and value is None:
            return
        raise FieldTypeError(
            f"{attribute.name} must be {what}, got {value!r} "
            f"(a {type(value).__name__})",
            field=attribute.name,
            value=value,
        )

    return check


class ParseError(IndustrialPlanError, ValueError):
    """Text could not be read as a figure.

    Attributes:
        text: the whole text given.
        position: index into *text* of the offending character (0-based).
        reason: what is wrong there.
    """

    # Long inputs are shown as a window around the position, so that an
    # error about a 100 kB string stays readable.
    _WINDOW = 40

    def __init__(self, text: str, position: int, reason: str) -> None:
        self.text = text
        self.position = position
        self.reason = reason
        start = max(0, position - self._WINDOW)
        end = min(len(text), position + self._WINDOW)
        shown = text[start:end]
        prefix = "..." if start > 0 else ""
        suffix = "..." if end < len(text) else ""
        caret = " " * (len(prefix) + position - start) + "^"
        super().__init__(
            f"{reason} at position {position} of {text[:60]!r}"
            f"{'...' if len(text) > 60 else ''}\n"
            f"  {prefix}{shown}{suffix}\n  {caret}"
        )


class NotFoundError(IndustrialPlanError, KeyError):
    """No tier, industry, metric or other item has the id or name asked for."""

    def __init__(self, key: str, what: str, known: list[str]) -> None:
        self.key = key
        self.what = what
        self.known = known
        shown = ", ".join(known[:20]) + (", ..." if len(known) > 20 else "")
        super().__init__(f"no {what} with id or name {key!r}; known: {shown}")

    def __str__(self) -> str:
        # KeyError would print the message with quotes around it.
        return str(self.args[0])


# -- long values in messages ----------------------------------------------------------

SHOWN_CHARACTERS = 60
"""How much of a long quoted value a message shows before its length."""
# A quote opens a value only at the start or after a space or bracket: the
# closing quote of a value (or an apostrophe) opens none.
_LONG_QUOTED = re.compile(
    r"(?<![^\s(\[{=:,])(?:'(?:[^'\\\n]|\\.){80,}'|\"(?:[^\"\\\n]|\\.){80,}\")"
)


def cut_long_values(message: str) -> str:
    """*message* with each quoted value over 80 characters cut to its first
    :data:`SHOWN_CHARACTERS`, followed by its length: a 1 MB id makes a
    message of a line, not of a megabyte.

    >>> cut = cut_long_values(f"id {'x' * 1000!r} is not a valid id")
    >>> cut.endswith("xx...' (1,000 characters) is not a valid id"), len(cut)
    (True, 105)
    """
    if len(message) < 80:
        return message

    def cut(found: re.Match[str]) -> str:
        quoted = found.group()
        quote, inner = quoted[0], quoted[1:-1]
        return (
            f"{quote}{inner[:SHOWN_CHARACTERS]}...{quote} ({len(inner):,} characters)"
        )

    return _LONG_QUOTED.sub(cut, message)


def _cut_long_values(message: str) -> str:
    # A quoted value of a megabyte is shown by its start and its length.
    return cut_long_values(message) if isinstance(message, str) else message


@attrs.frozen
class Problem:
    """One problem found in a plan: where it is, and what is wrong.

    Attributes:
        path: the field path, as in ``tiers[1].industries[2].targets[0].year``.
        message: what is wrong, naming the offending value (a quoted value
            of more than 80 characters is cut to its first 60 and its length).
        line: the line in the file, where the file format gives it.
    """

    path: str
    message: str = attrs.field(converter=_cut_long_values)
    line: int | None = None

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line is not None else ""
        return f"{where}{self.path or '(top level)'}: {self.message}"


class PlanValidationError(IndustrialPlanError, ValueError):
    """A plan (an industrial system, or a plan file) has one or more problems.

    All problems found are reported together, each with its field path.

    Attributes:
        problems: every :class:`Problem` found.
        file: the file the plan came from, if any.
    """

    def __init__(self, problems: list[Problem], file: str | None = None) -> None:
        self.problems = tuple(problems)
        self.file = file
        where = f"{file}: " if file else ""
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = "\n".join(f"  {problem}" for problem in self.problems)
        super().__init__(f"{where}{count} {noun} in the plan:\n{lines}")


class SaveError(IndustrialPlanError, OSError):
    """A plan file could not be saved: read-only, or the system refused.

    The message names the path given to :func:`~industrial_plan.save`, never
    the temporary file written beside it.

    Attributes:
        path: the path given.
        reason: why it could not be saved.
    """

    def __init__(self, path: str, reason: str = "") -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"cannot save {path}: {reason}" if reason else path)

    def __str__(self) -> str:
        return str(self.args[0])

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.path, self.reason))


class MissingExtraError(IndustrialPlanError, ImportError):
    """A feature needs an optional extra that is not installed.

    The message names the ``pip install`` extra to add, such as
    ``industrial-plan[chart]``.
    """


class RateFormError(RateError, ValueError):
    """Text given as an exchange rate does not say which way the rate goes.

    The message shows the explicit forms ("7.1 CNY/USD", "USD/CNY 7.1",
    "1 USD = 7.1 CNY"), with the pair when it is known.
    """

    def __init__(self, text: str, reason: str) -> None:
        self.text = text
        self.reason = reason
        super().__init__(f"rate {text!r}: {reason}")


class ChartViewError(IndustrialPlanError, ValueError):
    """A chart view that does not exist: the message names it and the views."""

    def __init__(self, view: object) -> None:
        self.view = view
        super().__init__(
            f"chart view {view!r} is not one of 'targets', 'review' "
            "(or None for the default)"
        )
