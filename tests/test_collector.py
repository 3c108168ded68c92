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

TEXT = ip.dumps(examples.xiamen(), "json")

CALLS: dict[str, Callable[[], Any]] = {
    "loads": lambda: ip.loads(TEXT, "json"),
    "from_dict": lambda: ip.from_dict(ip.to_dict(examples.xiamen())),
    "assess": lambda: ip.assess(examples.xiamen()),
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
    built = CALLS[call]()
    assert _in_generation(built, 2)
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


@pytest.mark.parametrize("call", list(CALLS))
def test_with_the_collector_off_nothing_moves(collector: None, call: str) -> None:
    gc.disable()
    built = CALLS[call]()
    assert not gc.isenabled()
    assert _in_generation(built, 0)


def test_the_callers_frozen_objects_stay_frozen(collector: None) -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert frozen > 0
        built = ip.loads(TEXT, "json")
        assert gc.get_freeze_count() == frozen
        assert not _in_generation(built, 2)
    finally:
        gc.unfreeze()


def test_nothing_moves_after_an_error(
    collector: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    moved: list[str] = []
    monkeypatch.setattr(gc, "freeze", lambda: moved.append("freeze"))
    monkeypatch.setattr(gc, "unfreeze", lambda: moved.append("unfreeze"))
    with pytest.raises(ip.PlanValidationError):
        ip.loads(TEXT.replace('"year": 2027', '"year": 1800', 1), "json")
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
