"""The quick path of loading agrees with the detailed path.

Loading builds a plan straight from the parser's data
(:mod:`industrial_plan._files.quick`) and reads it in detail, with every problem
and its path, only when that fails.
Two properties keep the two paths one behaviour:

* on every plan the library writes, the quick path builds it, equal to the
  detailed path's plan and to the plan written;
* on mutated plans, the quick path either gives up or builds what the
  detailed path builds: it never accepts what the detailed path refuses.
"""

from __future__ import annotations

import functools
import gc
import json
import tomllib
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import industrial_plan as ip
from industrial_plan import examples, testing
from industrial_plan._files import detail
from industrial_plan._files import plan_files as _files
from industrial_plan._files.yaml_events import load as load_yaml

from .test_fuzz import mutated_data, mutated_texts

PARSERS = {
    "toml": tomllib.loads,
    "json": functools.partial(json.loads, parse_float=Decimal),
    "yaml": load_yaml,
}
SLOW = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def detailed(data: Any) -> ip.IndustrialSystem | None:
    """The detailed path's plan, or None where it refuses the data."""
    try:
        return detail._from_data_in_detail(data, None, None, None)
    except ip.PlanValidationError:
        return None


def quick(data: Any) -> ip.IndustrialSystem | None:
    return _files.quick_system(data)


@pytest.mark.parametrize("syntax", sorted(PARSERS))
@pytest.mark.parametrize("example", ["xiamen", "xiamen_sei"])
def test_the_bundled_plans_load_quickly(example: str, syntax: str) -> None:
    plan = getattr(examples, example)()
    data = PARSERS[syntax](ip.dumps(plan, syntax))  # type: ignore[operator]
    assert quick(data) == plan
    assert detailed(data) == plan


@SLOW
@given(testing.systems(), st.sampled_from(sorted(PARSERS)))
def test_quick_path_builds_every_plan_the_library_writes(
    system: ip.IndustrialSystem, syntax: str
) -> None:
    data = PARSERS[syntax](ip.dumps(system, syntax))  # type: ignore[operator]
    built = quick(data)
    assert built is not None
    assert built == system
    assert built == detailed(data)


@SLOW
@given(mutated_data())
def test_quick_path_accepts_only_what_the_detailed_path_accepts(
    data: dict[str, Any],
) -> None:
    built = quick(data)
    if built is not None:
        assert built == detailed(data)


@SLOW
@given(mutated_texts())
def test_quick_path_agrees_on_mutated_files(case: tuple[str, str]) -> None:
    syntax, text = case
    try:
        data = PARSERS[syntax](text)  # type: ignore[operator]
    except Exception:  # not a file any parser reads: nothing to compare
        return
    built = quick(data)
    if built is not None:
        assert built == detailed(data)


def test_a_problem_is_still_reported_with_its_path_and_line() -> None:
    text = ip.dumps(examples.xiamen(), "json").replace(
        '"year": 2027', '"year": 1800', 1
    )
    with pytest.raises(ip.PlanValidationError) as raised:
        ip.loads(text, "json")
    (problem,) = raised.value.problems
    assert problem.path.endswith(".year")
    assert problem.line is not None
    assert "1800" in problem.message


@pytest.mark.parametrize("collector_on", [True, False])
@pytest.mark.parametrize("good", [True, False])
def test_loading_gives_the_cycle_collector_back_as_it_was(
    collector_on: bool, good: bool
) -> None:
    """Loading pauses the collector (its objects form no cycles) and restores it,
    also when the file has problems."""
    text = ip.dumps(examples.xiamen(), "json")
    if not good:
        text = text.replace('"year": 2027', '"year": 1800', 1)
    was = gc.isenabled()
    (gc.enable if collector_on else gc.disable)()
    try:
        try:
            ip.loads(text, "json")
        except ip.PlanValidationError:
            assert not good
        assert gc.isenabled() is collector_on
    finally:
        (gc.enable if was else gc.disable)()
