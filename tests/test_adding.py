"""Adding one target or observation to a plan checks only what it can break.

``with_observation`` and ``with_target`` run the checks of the owner they add
to, not the whole plan's; the result, or the problems, must be exactly those
of rebuilding the whole plan (``update``, which runs every check).
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import industrial_plan as ip
from industrial_plan import examples, testing

SLOW = settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def outcome(build: Any) -> Any:
    try:
        return ("built", build())
    except ip.PlanValidationError as error:
        return ("problems", [(p.path, p.message) for p in error.problems])
    except (ValueError, TypeError) as error:
        return ("refused", type(error), str(error))


def _keys(system: ip.IndustrialSystem) -> list[str]:
    return ["region", *(t.id for t in system.tiers), *(i.id for i in system.industries)]


# What is added, the method adding it, and the owner's field holding it.
ADDITIONS = {
    "observations": (testing.observations(2000, 2040), "with_observation"),
    "targets": (testing.targets(2000, 2040), "with_target"),
}


@pytest.mark.parametrize("field", sorted(ADDITIONS))
@SLOW
@given(data=st.data(), system=testing.systems())
def test_adding_is_rebuilding_the_plan(
    field: str, data: st.DataObject, system: ip.IndustrialSystem
) -> None:
    items, method = ADDITIONS[field]
    key = data.draw(st.sampled_from(_keys(system)))
    owner = system.owner(key)
    item = data.draw(items)
    # Also one the owner has already, and one of a metric no plan defines.
    choices = [
        item,
        attrs.evolve(item, metric="unknown_metric"),
        *getattr(owner, field),
    ]
    item = data.draw(st.sampled_from(choices))
    assert outcome(lambda: getattr(system, method)(key, item)) == outcome(
        lambda: system.update(key, **{field: (*getattr(owner, field), item)})
    )


def test_a_second_observation_for_a_year_names_its_path() -> None:
    xiamen = examples.xiamen()
    (first, *_) = xiamen.tier("strategic_emerging").observations
    with pytest.raises(ip.PlanValidationError) as raised:
        xiamen.with_observation("strategic_emerging", first)
    (problem,) = raised.value.problems
    assert problem.path.startswith("tiers[1].observations[")
    assert "a second observation" in problem.message


def test_an_unknown_metric_is_refused_on_the_region() -> None:
    observation = ip.Observation("no_such_metric", 2022, ip.parse_figure("5%"))
    with pytest.raises(ip.PlanValidationError) as raised:
        examples.xiamen().with_observation("region", observation)
    assert raised.value.problems[0].path.startswith("regional.observations[")
