"""Every problem of a plan at once (issue 24, point 1).

``docs/reference/plan-format.md`` promises that a plan's whole-plan checks
run on the parts that read, so that one problem never hides another: a plan
with k independent mistakes of different sorts reports k problems, each at
its own path.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import industrial_plan as ip
from industrial_plan.testing import systems


def _owners(data: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Every tier and industry of plain plan data, with its field path."""
    found = []
    for t, tier in enumerate(data.get("tiers", [])):
        found.append((f"tiers[{t}]", tier))
        for i, industry in enumerate(tier.get("industries", [])):
            found.append((f"tiers[{t}].industries[{i}]", industry))
    return found


def _unreadable_figure(owner: dict[str, Any], data: dict[str, Any]) -> str | None:
    targets = [t for t in owner.get("targets", []) if "figure" in t]
    if not targets:
        return None
    targets[0]["figure"] = "three hundred fifty billion yuan"
    return f"targets[{owner['targets'].index(targets[0])}].figure"


def _wrong_unit(owner: dict[str, Any], data: dict[str, Any]) -> str | None:
    year = data["start_year"]
    listed = owner.setdefault("observations", [])
    if any(o.get("metric") == "total_scale" and o["year"] == year for o in listed):
        return None
    listed.append({"metric": "total_scale", "year": year, "figure": "120 GW"})
    return f"observations[{len(listed) - 1}].figure"


def _unknown_key(owner: dict[str, Any], data: dict[str, Any]) -> str | None:
    owner["colour"] = "red"
    return "colour"


def _bad_id(owner: dict[str, Any], data: dict[str, Any]) -> str | None:
    owner["id"] = "9hydrogen"
    return "id"


def _control_character(owner: dict[str, Any], data: dict[str, Any]) -> str | None:
    owner["name"] = "solar\x00power"
    return "name"


_MISTAKES = {
    "unreadable figure": _unreadable_figure,
    "money given in GW": _wrong_unit,
    "unknown key": _unknown_key,
    "invalid id": _bad_id,
    "control character": _control_character,
}


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(systems(max_tiers=3, max_industries=3, with_roadmap=False), st.data())
def test_k_independent_mistakes_give_k_problems(
    system: ip.IndustrialSystem, data: st.DataObject
) -> None:
    plain = ip.to_dict(system)
    owners = _owners(plain)
    assume(len(owners) >= 2)
    sorts = data.draw(
        st.lists(
            st.sampled_from(sorted(_MISTAKES)), min_size=1, max_size=5, unique=True
        )
    )
    places = data.draw(st.permutations(range(len(owners))))
    broken = copy.deepcopy(plain)
    broken_owners = _owners(broken)
    expected = set()
    for sort, place in zip(sorts, places, strict=False):
        path, owner = broken_owners[place]
        field = _MISTAKES[sort](owner, broken)
        assume(field is not None)
        expected.add(f"{path}.{field}")
    assume(len(expected) == len(sorts))
    with pytest.raises(ip.PlanValidationError) as caught:
        ip.from_dict(broken)
    reported = [problem.path for problem in caught.value.problems]
    assert sorted(reported) == sorted(expected), caught.value


def test_a_duplicate_id_and_a_wrong_unit_beside_an_unreadable_figure() -> None:
    # Every problem, in line order; an unknown key at its own line.
    text = """
format = "industrial-plan/2"
name = "Test"
region = "Testville"
start_year = 2021
end_year = 2025

[[tiers]]
id = "green"
name = "green"
kind = "cluster"

[[tiers.industries]]
id = "solar"
name = "solar"
observations = [{ metric = "total_scale", year = 2022, figure = "120 GW" }]

[[tiers.industries.targets]]
metric = "total_scale"
year = 2025
figure = "three hundred fifty billion yuan"

[[tiers.industries]]
id = "solar"
name = "solar two"
colour = "red"
"""
    with pytest.raises(ip.PlanValidationError) as caught:
        ip.loads(text, "toml")
    assert [(p.path, p.line) for p in caught.value.problems] == [
        ("tiers[0].industries[0].observations[0].figure", 16),
        ("tiers[0].industries[0].targets[0].figure", 21),
        ("tiers[0].industries[1].id", 24),
        ("tiers[0].industries[1].colour", 26),  # the key's line, not its table's
    ]
