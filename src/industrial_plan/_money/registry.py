"""The package's pint registry: built at import, its definitions read on first use.

The definitions live in ``units.txt`` beside this module (pint's plain-text
format), so that tools with a registry of their own can load the same file
through :func:`add_definitions`.

The first answer of a fresh process (``assess(examples.xiamen())``) pays for
this registry before anything else, so three things pint does eagerly wait
here until they are needed (issue 22), each with pint's own code:

- reading pint's and our definitions waits for the first use of the registry
  (:class:`_DeferredRegistry`);
- our two kinds of line (a currency, a scale word) become pint definition
  objects directly, instead of going through pint's general text parser
  (20 ms for 170 lines); ``tests/test_registry.py`` checks them against that
  parser's, and any other line sends the whole file through it;
- pint's cache of every unit's root units (50 ms at start-up) fills unit by
  unit as pint looks units up, which it does anyway for units not cached;
  only its table of units by dimension needs a pass over every unit, and
  that pass (pint's own ``_build_cache``) runs at the first look at it
  (``get_compatible_units``, a context's conversions) (:class:`_Cache`).
"""

from __future__ import annotations

import functools
import re
import threading
from decimal import Decimal
from importlib import resources
from typing import Any, TypeAlias

import pint
from pint.facets.plain.definitions import ScaleConverter, UnitDefinition
from pint.facets.plain.registry import RegistryCache

from industrial_plan._collector import without_cycle_collection
from industrial_plan._errors import UnitError

Registry: TypeAlias = pint.UnitRegistry[Any]
"""A pint unit registry."""

_DEFINITIONS = resources.files(__package__) / "units.txt"
_CURRENCY_LINE = re.compile(r"^([A-Z]{3}) = \[currency_\1\]", re.MULTILINE)


@functools.cache
def _definitions_text() -> str:
    return _DEFINITIONS.read_text(encoding="utf-8")  # read once, at import


CURRENCIES: frozenset[str] = frozenset(_CURRENCY_LINE.findall(_definitions_text()))
"""ISO 4217 codes of every currency the registry defines."""

SCALE_WORDS: frozenset[str] = frozenset(
    re.findall(r"^(\S+) = 10*$", _definitions_text(), re.MULTILINE)
)
"""Dimensionless scale words: thousand ... trillion, 千, 万, 亿, 万亿."""


def add_definitions(registry: Registry) -> Registry:
    """Add the library's currencies and scale words to a pint registry of your own.

    Use this when your tool already has a registry: quantities of two registries
    cannot be combined, so load our definitions into yours instead of mixing.
    For exact money arithmetic the registry should be built with
    ``non_int_type=decimal.Decimal``.  Raises :class:`UnitError` if a name we
    define already exists in *registry*.  Returns *registry* for chaining.

    >>> import pint
    >>> from decimal import Decimal
    >>> mine = add_definitions(pint.UnitRegistry(non_int_type=Decimal))
    >>> figure = mine.Quantity(Decimal("491.2"), "billion yuan")
    >>> figure.to("CNY").magnitude == 491_200_000_000
    True
    """
    for code in sorted(CURRENCIES):
        if code in registry:
            raise UnitError(code, "is already defined in the registry given")
    return _read_definitions(registry)


def _read_definitions(registry: Registry) -> Registry:
    """Our definitions read by pint's text parser, in any registry."""
    with resources.as_file(_DEFINITIONS) as path:
        registry.load_definitions(str(path))
    return registry


# The two shapes of line in units.txt: "CNY = [currency_CNY] = _ = yuan = 元"
# and "thousand = 1000" (with "= _ = aliases" after a scale, as for
# percentage_point).  "_" stands for "no symbol", as in pint's format.
_LINE = re.compile(
    r"(?P<name>[^\s=]+) = (?:\[(?P<dimension>currency_[A-Z]{3})\]|(?P<scale>[0-9.]+))"
    r"(?: = _(?P<aliases>(?: = [^\s=]+)*))?"
)


def direct_definitions(text: str) -> list[UnitDefinition] | None:
    """The definitions of *text* as pint's parser gives them in a Decimal
    registry, or None if a line is of another shape than ours."""
    definitions = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        match = _LINE.fullmatch(line)
        if match is None:
            return None
        dimension, scale = match["dimension"], match["scale"]
        aliases = match["aliases"] or ""
        definitions.append(
            UnitDefinition(
                name=match["name"],
                defined_symbol=None,
                aliases=tuple(aliases.split(" = ")[1:]),
                converter=ScaleConverter(Decimal(scale or 1)),  # type: ignore[arg-type]
                reference=pint.util.UnitsContainer(
                    {f"[{dimension}]": Decimal(1)} if dimension else {},
                    non_int_type=Decimal,
                ),
            )
        )
    return definitions


def _read_own_definitions(registry: Registry) -> None:
    definitions = direct_definitions(_definitions_text())
    if definitions is None:  # a line pint's parser must read
        _read_definitions(registry)
        return
    for definition in definitions:
        registry.define(definition)  # type: ignore[arg-type]


# pint's classes of this registry exist before its definitions are read:
# isinstance(value, ureg.Quantity) need not read them.
_WITHOUT_DEFINITIONS = frozenset({"Quantity", "Unit", "__class__", "__dict__"})
_loading = threading.Lock()
_loader: list[int] = []
"""The thread reading the definitions, while it does: its own many looks at
the registry (80,000 while reading) go straight through, without the lock."""


def _build_registry() -> Registry:
    _loader.append(threading.get_ident())  # pint's constructor reads its attributes
    try:
        registry: Registry = _DeferredRegistry(non_int_type=Decimal, cache_folder=None)
    finally:
        _loader.clear()
    return registry


class _DeferredRegistry(pint.UnitRegistry):  # type: ignore[type-arg]
    """pint's registry, its definitions read on first use instead of at import.

    Reading pint's thousand definitions and the library's took a third of
    ``import industrial_plan``, which tools that only read a plan's names
    paid for nothing.  The registry is built as pint builds it, without its
    definitions; the first look at any attribute other than its classes
    (building a quantity, parsing a unit, ``ureg.percent``) reads them, then
    turns the object into a plain :class:`pint.UnitRegistry`, so that no
    later use pays anything.  No cache on disk is involved.
    """

    def _after_init(self) -> None:
        pass  # in _load, on first use

    def _build_cache(self, loaded_files: Any = None) -> None:
        # Called by pint's _after_init, in _load: the cache fills as used.
        self._cache = _Cache(self)
        self._caches[()] = self._cache

    def __getattribute__(self, name: str) -> Any:
        if name not in _WITHOUT_DEFINITIONS and threading.get_ident() not in _loader:
            _load(self)
        return object.__getattribute__(self, name)


def _load(registry: Registry) -> None:
    # Other threads wait here until the definitions are read, then see them.
    with _loading:
        if type(registry) is not _DeferredRegistry:
            return  # loaded while this thread waited
        _loader.append(threading.get_ident())
        try:
            # The definitions live as long as the registry: the cycle
            # collector need not walk them while they are read (issue 22).
            with without_cycle_collection():
                pint.UnitRegistry._after_init(registry)
                # pint's own definitions define no currency: the check of
                # add_definitions, a unit lookup per code (20 ms), is not needed.
                _read_own_definitions(registry)
        finally:
            _loader.clear()
        object.__setattr__(registry, "__class__", pint.UnitRegistry)


class _Cache(RegistryCache):
    """pint's registry cache, filled as units are used; its table of units by
    dimension, which only a pass over every unit fills, at its first use."""

    def __init__(self, registry: Registry) -> None:
        super().__init__()
        self._registry = registry
        self._equivalents: dict[Any, Any] | None = None
        self._filling = threading.Lock()

    @property
    def dimensional_equivalents(self) -> dict[Any, Any]:
        if self._equivalents is None:
            with self._filling:
                if self._equivalents is None:
                    self._equivalents = self._fill()
        return self._equivalents

    @dimensional_equivalents.setter
    def dimensional_equivalents(self, value: dict[Any, Any]) -> None:
        # RegistryCache.__init__ sets it empty; pint sets no other value.
        self._equivalents = value or None

    def _fill(self) -> dict[Any, Any]:
        """pint's own pass over every unit, in a cache of its own: the
        registry keeps this one (and whatever contexts put in place of it)."""
        registry = self._registry
        kept, base = registry._cache, registry._caches.get(())
        try:
            pint.UnitRegistry._build_cache(registry)
            full: RegistryCache = registry._cache
        finally:
            registry._cache = kept
            if base is not None:
                registry._caches[()] = base
        for name in ("root_units", "dimensionality"):
            getattr(self, name).update(getattr(full, name))
        equivalents: dict[Any, Any] = full.dimensional_equivalents
        return equivalents


ureg: Registry = _build_registry()
"""The package's unit registry (Decimal magnitudes, currencies as dimensions)."""
