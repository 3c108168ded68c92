"""The currency names and symbols a figure may be stated in, and where they come from.

The names are gathered from pint's registry (our ``units.txt``: codes, "yuan",
"美元") and from babel's CLDR data (display names and plurals in English and
Chinese, symbols of the formatter's locales), plus a few symbols by hand.
Gathering them takes a thousand babel lookups and a walk over every unit of
the registry, 25 ms, once a fifth of the first answer of a fresh process
(issue 22), and needs the registry's definitions read before the first
figure.  So the gathered tables ship as ``currency_names.json`` beside this
module, and :func:`shipped_tables` reads them; ``tests/test_currency_names.py``
checks the file against :func:`gathered_tables` run on the installed babel
and registry.  When either changes, write the file again, in a source
checkout, with::

    python -c "from industrial_plan._figures.currency_names import write; write()"
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from importlib import resources
from pathlib import Path
from typing import Final

from industrial_plan._money.units import CURRENCIES, ureg

SHIPPED = resources.files(__package__) / "currency_names.json"

Tables = tuple[dict[str, str], dict[str, str], dict[str, set[str]]]
"""Names read before an amount, names read after it (normalized name -> the
name as written), and the ISO codes of each normalized name."""

# Symbols babel does not give, or gives for other locales than ours.
HAND_SYMBOLS: Final[Mapping[str, frozenset[str]]] = {
    "$": frozenset({"USD"}),
    "US$": frozenset({"USD"}),
    "CN¥": frozenset({"CNY"}),
    "RMB¥": frozenset({"CNY"}),
    "HK$": frozenset({"HKD"}),
    "€": frozenset({"EUR"}),
    "£": frozenset({"GBP"}),
    "¥": frozenset({"CNY", "JPY"}),
    "￥": frozenset({"CNY", "JPY"}),
}

SYMBOL_LOCALES: Final = ("en", "zh_CN")
"""Locales whose currency symbols we read: those the formatter writes."""


def normalized(name: str) -> str:
    """A name as looked up: spaces collapsed, lower case."""
    return " ".join(name.split()).lower()


def shipped_tables() -> Tables:
    """The tables as shipped in ``currency_names.json``."""
    data = json.loads(SHIPPED.read_text(encoding="utf-8"))
    return (
        dict(data["prefix"]),
        dict(data["suffix"]),
        {key: set(codes) for key, codes in data["codes"].items()},
    )


def gathered_tables() -> Tables:
    """The tables gathered from the registry and babel, as shipped."""
    codes: dict[str, set[str]] = {}
    prefix: dict[str, str] = {}
    suffix: dict[str, str] = {}

    def add(name: str, code: str, *tables: dict[str, str]) -> None:
        key = normalized(name)
        codes.setdefault(key, set()).add(code)
        for table in tables:
            table.setdefault(key, name)

    for code in CURRENCIES:
        add(code, code, prefix, suffix)
    for name, code in _registry_names():
        chinese = not name.isascii()
        add(name, code, *((prefix, suffix) if chinese or name == "RMB" else (suffix,)))
    for name, code in _babel_names("en"):
        add(name, code, suffix)
    for name, code in _babel_names("zh"):
        add(name, code, prefix, suffix)
    for symbol, code in _babel_symbols():
        add(symbol, code, prefix)
    for symbol, symbol_codes in HAND_SYMBOLS.items():
        codes[normalized(symbol)] = set()  # hand entries replace babel's
        for code in symbol_codes:
            add(symbol, code, prefix)
    return prefix, suffix, codes


def _registry_names() -> Iterator[tuple[str, str]]:
    """(name, code) for every currency name and alias the registry defines."""
    for name in ureg:
        code = ureg.get_name(name)
        if code not in CURRENCIES:
            continue
        words = name.replace("_", " ")
        yield words, code
        # pint reads "dollars" as a plural; in our table plurals must be listed.
        if words.isascii() and not words.isupper() and not words.endswith("s"):
            yield words + "s", code


def _babel_names(locale: str) -> Iterator[tuple[str, str]]:
    """(name, code) for CLDR's display, singular and plural names in *locale*."""
    import babel.numbers  # babel's data is read only to gather the tables

    for code in sorted(CURRENCIES):
        for count in (None, 1, 2):
            # Historical names carry their dates, "Turkish Lira (1922–2005)";
            # the longest name matches first, so the dates are not taken for
            # a stated equivalent.
            yield babel.numbers.get_currency_name(code, count, locale=locale), code


def _babel_symbols() -> Iterator[tuple[str, str]]:
    """(symbol, code) for the currency symbols of the formatter's locales."""
    import babel.numbers

    for locale in SYMBOL_LOCALES:
        for code in sorted(CURRENCIES):
            symbol = babel.numbers.get_currency_symbol(code, locale=locale)
            if symbol != code:
                yield symbol, code


def tables_json(tables: Tables) -> str:
    """*tables* as the shipped file holds them: sorted, one entry a line."""
    prefix, suffix, codes = tables
    data = {
        "prefix": dict(sorted(prefix.items())),
        "suffix": dict(sorted(suffix.items())),
        "codes": {key: sorted(value) for key, value in sorted(codes.items())},
    }
    return json.dumps(data, ensure_ascii=False, indent=0) + "\n"


def write() -> Path:
    """Write the gathered tables over the shipped file; return its path."""
    target = Path(__file__).with_name("currency_names.json")
    target.write_text(tables_json(gathered_tables()), encoding="utf-8")
    return target
