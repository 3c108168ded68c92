"""Public functions given plausible wrong arguments (issue 24, point 5).

Before, ``ip.convert(ip.parse_figure("3 trillion yuan"), "USD", rate=...)``
raised ``AttributeError: 'Figure' object has no attribute 'dimensionality'``
and ``ip.convert(amount, "USD", on="2024-03-15")`` a ``TypeError`` comparing a
date with a str.  Now a figure converts (keeping its qualifier), an ISO day is
read, and every other wrong argument is a :class:`FieldTypeError` naming it.
"""

from __future__ import annotations

import datetime as dt
import inspect
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import industrial_plan as ip


def test_convert_takes_a_figure_and_keeps_its_qualifier() -> None:
    rate = ip.Rate("USD", "CNY", "6.7843")
    done = ip.convert(ip.parse_figure("超过3万亿元"), "USD", rate=rate)
    assert isinstance(done, ip.FigureConversion)
    assert done.figure.qualifier is ip.Qualifier.MORE_THAN
    assert done.figure.quantity == done.quantity
    assert round(done.quantity.magnitude / 10**9, 1) == Decimal("442.2")


def test_convert_reads_an_iso_day() -> None:
    one = ip.amount(1, "CNY")
    by_text = ip.convert(one, "USD", on="2024-03-15")
    assert by_text == ip.convert(one, "USD", on=dt.date(2024, 3, 15))
    with pytest.raises(ip.FieldError, match="on '15 March'"):
        ip.convert(one, "USD", on="15 March")


def test_a_wrong_argument_is_named() -> None:
    with pytest.raises(ip.FieldTypeError, match=r"assess\(\): system must be"):
        ip.assess("plan.toml")  # type: ignore[arg-type]
    with pytest.raises(ip.FieldTypeError, match=r"annual_average\(\): year must be"):
        ip.annual_average("USD", "CNY", "2024")  # type: ignore[arg-type]
    with pytest.raises(ip.FieldTypeError, match=r"format_figure\(\): figure must be"):
        ip.format_figure("3 yuan")  # type: ignore[arg-type]


def test_a_call_that_works_is_the_function_itself() -> None:
    wrapped = ip.parse_figure.__wrapped__  # type: ignore[attr-defined]
    assert inspect.signature(ip.parse_figure) == inspect.signature(wrapped)
    assert ip.parse_figure.__doc__ == wrapped.__doc__
    assert ip.parse_figure("3万亿元") == wrapped("3万亿元")


_FUNCTIONS = sorted(
    name
    for name in ip.__all__
    if inspect.isfunction(getattr(ip, name)) and name not in {"exact_arithmetic"}
)
_JUNK = st.sampled_from(
    [
        None,
        0,
        -1,
        1.5,
        "",
        "x",
        "2024",
        b"x",
        [],
        {},
        object(),
        dt.date(2020, 1, 1),
        Decimal("1"),
        ip.parse_figure("超过80家"),
        ip.amount(5, "CNY"),
    ]
)


@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(st.sampled_from(_FUNCTIONS), st.data())
def test_wrong_arguments_give_the_librarys_errors(name: str, data: Any) -> None:
    function = getattr(ip, name)
    arguments: dict[str, Any] = {}
    for parameter in inspect.signature(function).parameters.values():
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        required = parameter.default is parameter.empty
        if required or data.draw(st.booleans()):
            arguments[parameter.name] = data.draw(_JUNK)
    positional = [
        p.name
        for p in inspect.signature(function).parameters.values()
        if p.kind is p.POSITIONAL_ONLY
    ]
    args = [arguments.pop(p) for p in positional if p in arguments]
    try:
        function(*args, **arguments)
    except ip.IndustrialPlanError:
        pass
    except OSError:
        pass  # a path of the right type that names no file
    except Exception as error:
        pytest.fail(f"{name}(**{arguments!r}) raised {type(error).__name__}: {error}")
