"""YAML written from events is the very text ``yaml.dump`` writes."""

from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import industrial_plan as ip
from industrial_plan._files.plan_files import to_dict
from industrial_plan._files.yaml_out import DUMPER, dump
from industrial_plan.testing import systems


def _yaml_dump(data: Any) -> str:
    """What plan files were written with before the events."""
    return str(
        yaml.dump(data, Dumper=DUMPER, allow_unicode=True, sort_keys=False, width=100)
    )


# Text the resolver reads as something else when plain, text the emitter
# must quote or fold, and keys of a plan file.
AWKWARD = st.sampled_from(
    [
        "",
        "true",
        "No",
        "~",
        "null",
        "123",
        "0x1f",
        "1_000",
        "1.5e3",
        ".inf",
        "2023-01-30",
        "2023-01-30 10:00:00",
        "<<",
        "=",
        "a: b",
        "- item",
        "# note",
        "'quoted'",
        ' "x" ',
        "line one\nline two",
        "trailing space ",
        "3 trillion yuan ($442.2 billion)",
        "厦门 “4+4+6” 现代产业体系",
        "word " * 40,
    ]
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.dates(),
    st.text(),
    AWKWARD,
)
DATA = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.text(max_size=5), AWKWARD), inner, max_size=4),
    ),
    max_leaves=25,
)


@given(DATA)
def test_plain_data_is_written_as_yaml_dump_writes_it(data: Any) -> None:
    # Repeated values share one event: the second copy must read the same.
    document = {"first": data, "second": copy.deepcopy(data)}
    assert dump(document) == _yaml_dump(document)


def test_a_list_met_twice_gets_an_anchor_as_yaml_dump_gives_it() -> None:
    shared = ["a", 1]
    document = {"first": shared, "second": shared, "when": [dt.date(2023, 1, 30)]}
    text = dump(document)
    assert text == _yaml_dump(document)
    assert "&id001" in text


@settings(max_examples=30, deadline=None)
@given(systems())
def test_a_plan_is_written_as_before_and_reads_back(
    system: ip.IndustrialSystem,
) -> None:
    text = ip.dumps(system, "yaml")
    assert text == _yaml_dump(to_dict(system))
    assert ip.loads(text, "yaml") == system


@pytest.mark.parametrize(
    "data",
    [
        {"when": dt.datetime(2023, 1, 30, 10, 0)},
        {"share": 0.5},
        {2027: "a year as a key"},
        {"items": {1, 2}},
        {"nested": [{"ok": True}, {"amount": 1.25}]},
    ],
)
def test_other_values_are_left_to_yaml_dump(data: Any) -> None:
    assert dump(data) == _yaml_dump(data)


def test_a_value_yaml_cannot_represent_fails_as_yaml_dump_fails() -> None:
    with pytest.raises(yaml.representer.RepresenterError):
        dump({"value": Decimal("1.5")})


def test_the_bundled_plans_are_written_as_before() -> None:
    for name in ip.examples.NAMES:
        system = getattr(ip.examples, name)()
        text = ip.dumps(system, "yaml")
        assert text == _yaml_dump(to_dict(system))
        assert "year: 20" in text
        assert ip.loads(text, "yaml") == system


@settings(max_examples=50)
@given(DATA)
def test_without_libyaml_pyyaml_s_emitter_writes_the_same(data: Any) -> None:
    # Shared events pass through PyYAML's Python emitter as well as libyaml's.
    import industrial_plan._files.yaml_out as yaml_out

    # Copies, not the same lists twice: yaml.dump would give those anchors.
    document = {"first": data, "second": [copy.deepcopy(data), copy.deepcopy(data)]}
    original = yaml_out.DUMPER
    yaml_out.DUMPER = yaml.SafeDumper  # type: ignore[misc]
    try:
        written = dump(document)
    finally:
        yaml_out.DUMPER = original  # type: ignore[misc]
    expected = yaml.dump(
        document,
        Dumper=yaml.SafeDumper,
        allow_unicode=True,
        sort_keys=False,
        width=100,
    )
    assert written == expected
