"""YAML read from parser events gives what ``yaml.safe_load`` gives."""

from __future__ import annotations

import math
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from industrial_plan._files.yaml_events import load

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(),
    st.dates(),
    st.sampled_from(["yes", "no", "~", "0x1f", "1_000", "2023-01-30", ".inf", "<<"]),
)
DATA = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.one_of(st.text(max_size=5), st.integers()), inner, max_size=4
        ),
    ),
    max_leaves=20,
)


@given(DATA, st.booleans())
def test_events_give_what_safe_load_gives(data: Any, flow: bool) -> None:
    shared = {"shared": data}
    document = {"a": shared, "b": shared, "c": [data]}  # anchors and aliases
    text = yaml.safe_dump(document, default_flow_style=flow, allow_unicode=True)
    assert load(text) == yaml.safe_load(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "base: &b {a: 1, b: [1, 2]}\nm:\n  <<: *b\n  b: 2\n",
        "m:\n  <<: [{a: 1}, {a: 2, c: 3}]\n  d: 4\n",
        "m:\n  b: 0\n  <<: {a: 1, b: 2}\n",
        "? a\n: b\n",
        "d: 2023-01-01\nn: ~\nb: yes\ni: 0x1f\nbinary: !!binary aGk=\ns: !!str 5\n",
    ],
)
def test_merge_keys_tags_and_explicit_keys(text: str) -> None:
    assert load(text) == yaml.safe_load(text)


def test_special_floats() -> None:
    found = load("x: .inf\ny: .nan\n")
    assert found["x"] == math.inf
    assert math.isnan(found["y"])


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("a: 1\nb: !!python/object/apply:os.system ['true']\n", 2),
        ("a: 1\nb: *nowhere\n", 2),
        ("a: 1\n---\nb: 2\n", 2),
        ("a: 1\n[1]: 2\n", 2),
        ("a: 1\nb: !!set {x, y}\n", 2),
    ],
)
def test_what_is_not_plain_data_is_an_error_with_its_line(text: str, line: int) -> None:
    with pytest.raises(yaml.YAMLError) as caught:
        load(text)
    assert caught.value.problem_mark.line + 1 == line  # type: ignore[attr-defined]
