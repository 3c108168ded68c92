"""What loading and assessing leave the cycle collector (``_collector``).

They pause it, and hand what they built to its oldest generation, so that
no young collection walks a large plan or assessment the caller keeps.
"""

from __future__ import annotations

import gc
import weakref
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import industrial_plan as ip
from industrial_plan import examples


def _plan(industries: int) -> ip.IndustrialSystem:
    """A plan large enough to be moved: a target and five observations each."""

    def industry(n: int) -> ip.Industry:
        return ip.Industry(
            f"i{n}",
            f"industry {n}",
            targets=[
                ip.Target("total_scale", 2030, ip.parse_figure("900 billion yuan"))
            ],
            observations=[
                ip.Observation(
                    "total_scale", year, ip.parse_figure(f"{n} billion yuan")
                )
                for year in range(2020, 2025)
            ],
        )

    tier = ip.Tier("t", "tier", "cluster", [industry(n) for n in range(industries)])
    return ip.IndustrialSystem(
        name="large", region="anywhere", start_year=2020, end_year=2030, tiers=[tier]
    )


PLAN = _plan(1_500)  # about 21,000 objects to load, 32,000 to assess
TEXT = ip.dumps(PLAN, "json")
DATA = ip.to_dict(PLAN)

SMALL_TEXT = ip.dumps(examples.xiamen(), "json")

CALLS: dict[str, Callable[[], Any]] = {
    "loads": lambda: ip.loads(TEXT, "json"),
    "from_dict": lambda: ip.from_dict(DATA),
    "assess": lambda: ip.assess(PLAN),
}


def _in_generation(obj: object, generation: int) -> bool:
    return any(other is obj for other in gc.get_objects(generation))


@pytest.fixture
def collector() -> Iterator[None]:
    """The collector on, nothing frozen; as it was afterwards."""
    was = gc.isenabled()
    assert gc.get_freeze_count() == 0, "the test run froze objects"
    gc.enable()
    try:
        yield
    finally:
        (gc.enable if was else gc.disable)()


@pytest.mark.parametrize("call", list(CALLS))
def test_what_is_built_goes_to_the_oldest_generation(
    collector: None, call: str
) -> None:
    oldest = _in_generation(CALLS[call](), 2)  # a bool: no repr of a large plan
    assert oldest
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


@pytest.mark.parametrize("call", list(CALLS))
def test_with_the_collector_off_nothing_moves(collector: None, call: str) -> None:
    gc.disable()
    young = _in_generation(CALLS[call](), 0)
    assert not gc.isenabled()
    assert young


@pytest.mark.parametrize(
    "call",
    [lambda: ip.assess(examples.xiamen()), lambda: ip.loads(SMALL_TEXT, "json")],
    ids=["assess", "loads"],
)
def test_a_small_plan_moves_nothing(
    collector: None, monkeypatch: pytest.MonkeyPatch, call: Callable[[], Any]
) -> None:
    moved: list[str] = []
    monkeypatch.setattr(gc, "freeze", lambda: moved.append("freeze"))
    call()
    assert moved == []
    assert gc.isenabled()


def test_the_callers_frozen_objects_stay_frozen(collector: None) -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert frozen > 0
        oldest = _in_generation(ip.loads(TEXT, "json"), 2)
        assert gc.get_freeze_count() == frozen
        assert not oldest
    finally:
        gc.unfreeze()


def test_nothing_moves_after_an_error(
    collector: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    moved: list[str] = []
    monkeypatch.setattr(gc, "freeze", lambda: moved.append("freeze"))
    monkeypatch.setattr(gc, "unfreeze", lambda: moved.append("unfreeze"))
    with pytest.raises(ip.PlanValidationError):
        ip.loads(TEXT.replace('"year": 2030', '"year": 1800', 1), "json")
    assert moved == []
    assert gc.isenabled()
    ip.loads(TEXT, "json")
    assert moved == ["freeze", "unfreeze"]


class _Node:
    def __init__(self) -> None:
        self.other: object = self


def test_the_callers_cycles_are_still_freed(collector: None) -> None:
    cycle = _Node()
    freed = weakref.ref(cycle)
    del cycle
    ip.loads(TEXT, "json")
    gc.collect()
    assert freed() is None
