"""The shipped currency names (issue 22): the tables the registry and babel give.

The figure parser reads its currency names from ``currency_names.json``
instead of gathering them from babel and the registry in each process.  The
file must hold exactly what gathering gives with the installed babel and our
``units.txt``; when it does not, the message says how to write it again.
"""

from __future__ import annotations

import json

from industrial_plan._figures import currency_names
from industrial_plan._figures.lexicon import _lexicon
from industrial_plan._money.units import CURRENCIES

REWRITE = (
    "currency_names.json is out of date with babel or units.txt; write it again "
    'with: python -c "from industrial_plan._figures.currency_names import write; '
    'write()"'
)


def test_the_shipped_file_is_what_gathering_gives() -> None:
    shipped = currency_names.SHIPPED.read_text(encoding="utf-8")
    assert shipped == currency_names.tables_json(currency_names.gathered_tables()), (
        REWRITE
    )


def test_the_shipped_tables_read_back_as_gathered() -> None:
    assert currency_names.shipped_tables() == currency_names.gathered_tables()


def test_every_currency_of_the_registry_is_named_by_its_code() -> None:
    lexicon = _lexicon()
    for code in CURRENCIES:
        assert lexicon.lookup(code.lower()) == {code}
        assert lexicon.prefix.fullmatch(code)
        assert lexicon.suffix.fullmatch(code)


def test_the_seed_figures_currencies_are_found() -> None:
    # "3 trillion yuan" and "491.2 billion yuan": the article's figures.
    lexicon = _lexicon()
    assert lexicon.suffix.fullmatch("yuan")
    assert lexicon.lookup("yuan") == {"CNY"}
    assert lexicon.lookup("美元") == {"USD"}
    assert lexicon.lookup("¥") == {"CNY", "JPY"}  # a hand entry, ambiguous


def test_the_file_is_sorted_json_with_codes_as_lists() -> None:
    data = json.loads(currency_names.SHIPPED.read_text(encoding="utf-8"))
    assert set(data) == {"prefix", "suffix", "codes"}
    for table in data.values():
        assert list(table) == sorted(table)
    assert all(codes == sorted(codes) for codes in data["codes"].values())
    keys = set(data["prefix"]) | set(data["suffix"])
    assert keys <= set(data["codes"])
