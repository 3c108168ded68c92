"""Constructors name the field, what they got and what to pass (issue 26, point 3).

Before, ``Target("total_scale", 2030, "120 billion yuan")`` raised
``AttributeError: 'str' object has no attribute 'qualifier'`` and
``Metric(..., direction="sideways")`` a ``ValueError`` that named no field.
Now every value a constructor refuses raises a :class:`FieldError` (a
``ValueError``) or :class:`FieldTypeError` (also a ``TypeError``), both
:class:`IndustrialPlanError`, whose message names the field.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import industrial_plan as ip
from industrial_plan.testing import figures, systems


def test_a_figure_given_as_text_says_how_to_read_it() -> None:
    with pytest.raises(ip.FieldTypeError) as caught:
        ip.Target("total_scale", 2030, "120 billion yuan")  # type: ignore[arg-type]
    message = str(caught.value)
    assert "'figure' must be a Figure" in message
    assert "parse_figure" in message
    assert caught.value.field == "figure"
    assert isinstance(caught.value, TypeError)


def test_a_direction_that_is_not_one_names_the_field_and_the_choices() -> None:
    with pytest.raises(ip.FieldError) as caught:
        ip.Metric("output", "output", "money", direction="sideways")  # type: ignore[arg-type]
    message = str(caught.value)
    assert message.startswith("direction 'sideways' is not a Direction")
    assert "'higher', 'lower'" in message
    assert isinstance(caught.value, ValueError)


def test_a_list_of_the_wrong_things_names_the_field() -> None:
    target = ip.Target("total_scale", 2027, ip.parse_figure("3 trillion yuan"))
    with pytest.raises(ip.FieldTypeError, match="'observations' must hold Observation"):
        ip.Tier("pillars", "pillars", "cluster", observations=[target])  # type: ignore[list-item]
    with pytest.raises(ip.FieldTypeError, match="tiers: expected a list"):
        ip.IndustrialSystem("Xiamen", "Xiamen", 2022, 2027, tiers=5)  # type: ignore[arg-type]


def test_a_figure_given_as_text_to_figure_says_parse_figure() -> None:
    with pytest.raises(ip.FieldTypeError, match=r"parse_figure\('120 billion yuan'\)"):
        ip.Figure("120 billion yuan")  # type: ignore[arg-type]


def test_a_policy_without_its_rate_says_how_to_build_one() -> None:
    with pytest.raises(ip.FieldError, match=r"ConversionPolicy\.fixed"):
        ip.ConversionPolicy("fixed")
    with pytest.raises(ip.FieldError, match="kind 'weekly'"):
        ip.ConversionPolicy("weekly")


# -- every field of every class ------------------------------------------------------

_JUNK: list[Any] = [
    object(),
    12345,
    -1,
    3.5,
    "sideways",
    b"bytes",
    ["x"],
    {"a": 1},
    dt.date(2020, 1, 1),
    ip.parse_figure("1 yuan"),
]
# Fields of these types name what they hold rather than the field.
_NAMES = {"name", "region"}


def _instances(value: Any, found: dict[type, Any]) -> None:
    """Every attrs instance reachable from *value*, one per class."""
    if attrs.has(type(value)):
        found.setdefault(type(value), value)
        for field in attrs.fields(type(value)):
            _instances(getattr(value, field.name), found)
    elif isinstance(value, tuple | list):
        for item in value:
            _instances(item, found)


def _check_field(instance: Any, field: attrs.Attribute, junk: Any) -> None:  # type: ignore[type-arg]
    name = field.alias or field.name
    try:
        attrs.evolve(instance, **{name: junk})
    except ip.IndustrialPlanError as error:
        message = str(error)
        said = {name, name.replace("_", " ")}
        if name in _NAMES or field.name == "by_language":
            said |= {"name", "language"}
        assert any(word in message for word in said), (type(instance), name, message)
    except Exception as error:
        pytest.fail(
            f"{type(instance).__name__}({name}={junk!r}) raised "
            f"{type(error).__name__}: {error}"
        )


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(systems(max_tiers=2, max_industries=2), figures(), st.data())
def test_every_refused_value_is_our_error_naming_its_field(
    system: ip.IndustrialSystem, figure: ip.Figure, data: st.DataObject
) -> None:
    found: dict[type, Any] = {}
    for value in (
        system,
        figure,
        ip.Rate("USD", "CNY", "7.1"),
        ip.Thresholds(),
        ip.ConversionPolicy(),
        ip.Period(1, 3),
        ip.Metric("output", "output", "money"),
    ):
        _instances(value, found)
    for instance in found.values():
        for field in attrs.fields(type(instance)):
            if field.init:
                _check_field(instance, field, data.draw(st.sampled_from(_JUNK)))


@pytest.mark.parametrize("junk", _JUNK, ids=lambda j: type(j).__name__)
def test_every_field_of_the_bundled_plan_with_each_kind_of_junk(junk: Any) -> None:
    found: dict[type, Any] = {}
    for value in (
        ip.examples.xiamen(),
        ip.examples.xiamen_sei(),
        ip.Rate("USD", "CNY", "7.1"),
        ip.Thresholds(),
        ip.ConversionPolicy.fixed(ip.Rate("USD", "CNY", "7.1")),
        ip.Period(1, 3),
        ip.Metric("output", "output", "money"),
        ip.parse_figure("超过80家"),
        ip.Enterprise("e1", "E", "leading enterprise"),
        ip.Policy("p1", "P"),
        ip.Zone("z1", "Z"),
        ip.ClassificationCode("GB/T 4754", "C27"),
    ):
        _instances(value, found)
    assert len(found) >= 20
    for instance in found.values():
        for field in attrs.fields(type(instance)):
            if field.init:
                _check_field(instance, field, junk)
