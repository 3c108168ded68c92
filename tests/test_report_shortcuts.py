"""The report's shortcuts give what the general functions they stand for give:
the JSON writer, the width of a cell, and figures in base units."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len as rich_cell_len

import industrial_plan as ip
from industrial_plan._money.units import base_magnitude, in_base_units, tidy
from industrial_plan._outputs.report import json_text
from industrial_plan._outputs.text_report import cell_len
from industrial_plan.testing import amounts

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),  # NaN and infinities too: json.dumps writes them
    st.text(),
)
DATA = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.lists(inner, max_size=3).map(tuple),
        st.dictionaries(st.text(max_size=5), inner, max_size=4),
    ),
    max_leaves=25,
)


@given(DATA)
def test_json_text_is_json_dumps_with_an_indent(data: Any) -> None:
    assert json_text(data) == json.dumps(data, ensure_ascii=False, indent=2)


@given(st.dictionaries(st.one_of(st.integers(), st.booleans()), SCALARS, min_size=1))
def test_keys_that_are_not_text_are_written_as_json_dumps_writes_them(
    data: dict[Any, Any],
) -> None:
    nested = {"records": [data]}
    assert json_text(nested) == json.dumps(nested, ensure_ascii=False, indent=2)


def test_the_json_report_of_the_bundled_plan_reads_back() -> None:
    records = ip.assess(ip.examples.xiamen_sei()).records()
    text = json_text(records)
    assert text == json.dumps(records, ensure_ascii=False, indent=2)
    assert json.loads(text) == records


@given(st.text())
def test_cell_len_is_rich_cell_len(text: str) -> None:
    assert cell_len(text) == rich_cell_len(text)


def test_cell_len_of_named_texts() -> None:
    assert cell_len("CN¥3T") == 5
    assert cell_len("on track") == 8
    assert cell_len("厦门") == 4
    assert cell_len("a\tb") == rich_cell_len("a\tb")


@given(amounts(scaled=True))
def test_base_magnitude_is_the_tidy_magnitude_in_base_units(quantity: Any) -> None:
    assert base_magnitude(quantity) == tidy(in_base_units(quantity).magnitude)
    assert str(base_magnitude(quantity)) == str(tidy(in_base_units(quantity).magnitude))


def test_base_magnitude_of_named_figures() -> None:
    assert base_magnitude(ip.amount("491.2", "billion yuan")) == Decimal(491200000000)
    assert str(base_magnitude(ip.amount("0.300", "CNY"))) == "0.3"
    assert str(base_magnitude(ip.amount("1.5", "万 t"))) == "15000"
