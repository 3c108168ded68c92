"""The package's registry builds what pint builds, with less done up front (issue 22).

:mod:`industrial_plan._money.registry` reads ``units.txt`` without pint's text
parser and leaves pint's cache to fill as units are used.  These tests hold
both to pint: the definitions to those pint's parser gives, and every unit's
root units, dimensionality and compatible units to a registry pint builds
eagerly from the same definitions.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pint
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from industrial_plan._money import registry as registry_module
from industrial_plan._money.registry import (
    Registry,
    _build_registry,
    _Cache,
    _definitions_text,
    add_definitions,
    direct_definitions,
)


def _described(definition: Any) -> tuple[Any, ...]:
    scale = definition.converter.scale
    exponents = tuple(type(value) for value in definition.reference.values())
    return (
        definition.name,
        definition.defined_symbol,
        definition.aliases,
        (scale, type(scale)),
        definition.reference,
        exponents,
        definition.is_base,
    )


def test_our_lines_read_as_pint_reads_them() -> None:
    parser = pint.UnitRegistry(non_int_type=Decimal, cache_folder=None)._def_parser
    parsed = parser.iter_parsed_project(parser.parse_string(_definitions_text()))
    direct = direct_definitions(_definitions_text())
    assert direct is not None, "a line of units.txt is of a shape read only by pint"
    assert [_described(d) for d in direct] == [_described(d) for d in parsed]


@pytest.mark.parametrize(
    "line",
    [
        "@context money",
        "CNY = [currency_CNY] = ¥",  # a symbol
        "dozen = 12 * count",  # an expression
        "thousand = 1e3",
    ],
)
def test_any_other_line_goes_to_pints_parser(line: str) -> None:
    assert direct_definitions(f"thousand = 1000\n{line}\n") is None


def test_a_file_with_another_line_is_still_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = _definitions_text() + "\ndozen = 12 * count\n"
    monkeypatch.setattr(registry_module, "_definitions_text", lambda: text)
    read: list[Registry] = []
    monkeypatch.setattr(registry_module, "_read_definitions", read.append)
    registry = _build_registry()
    registry.Quantity(1, "m")  # reads the definitions
    assert read == [registry]


@pytest.fixture(scope="module")
def eager() -> Registry:
    """pint's registry built as pint builds it, with our definitions."""
    return add_definitions(pint.UnitRegistry(non_int_type=Decimal, cache_folder=None))


@pytest.fixture(scope="module")
def lazy() -> Registry:
    registry = _build_registry()
    registry.Quantity(1, "m")
    return registry


UNITS = [*sorted(pint.UnitRegistry(cache_folder=None)._units), "CNY", "万", "亿"]


@settings(max_examples=200, deadline=None)
@given(name=st.sampled_from(UNITS), compatible_first=st.booleans())
def test_every_unit_is_what_the_eager_registry_says(
    eager: Registry, lazy: Registry, name: str, compatible_first: bool
) -> None:
    if compatible_first:
        assert _compatible(lazy, name) == _compatible(eager, name)
    assert _root(lazy, name) == _root(eager, name)
    assert _dimensionality(lazy, name) == _dimensionality(eager, name)
    assert _compatible(lazy, name) == _compatible(eager, name)


# Units of two registries cannot be compared; their names can.  Names that
# pint's expression parser refuses ("%") must be refused alike.
def _root(registry: Registry, name: str) -> object:
    try:
        factor, units = registry.get_root_units(name)
    except Exception as error:  # compared, not swallowed
        return type(error)
    return factor, str(units)


def _dimensionality(registry: Registry, name: str) -> object:
    try:
        return registry.get_dimensionality(name)
    except Exception as error:  # compared, not swallowed
        return type(error)


def _compatible(registry: Registry, name: str) -> object:
    try:
        return {str(unit) for unit in registry.get_compatible_units(name)}
    except Exception as error:  # compared, not swallowed
        return type(error)


def test_every_unit_before_the_pass_over_every_unit(eager: Registry) -> None:
    """Root units and dimensions computed one unit at a time, as the first
    answer computes them, are those of pint's pass over every unit."""
    registry = _build_registry()
    for name in UNITS:
        assert _root(registry, name) == _root(eager, name), name
        assert _dimensionality(registry, name) == _dimensionality(eager, name), name
    assert registry._cache._equivalents is None
    for name in UNITS:
        assert _compatible(registry, name) == _compatible(eager, name), name


def test_the_pass_over_every_unit_keeps_the_registrys_cache() -> None:
    registry = _build_registry()
    registry.Quantity(1, "m")
    cache = registry._cache
    assert isinstance(cache, _Cache)
    assert cache._equivalents is None  # nothing has asked for it yet
    assert registry.get_compatible_units("km")  # the pass runs here
    assert registry._cache is cache
    assert registry._caches[()] is cache
    assert cache._equivalents
