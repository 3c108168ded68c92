"""How far loading JSON is from ``json.loads`` with the library's checks switched off.

Not a benchmark of anything the library does: an experiment for the goal of
loading within 5x ``json.loads`` (issue 11).  It times ``ip.loads`` of
``test_plans.plan(n)`` as JSON three ways, each interleaved with
``json.loads`` of the same text as in ``test_plans.py`` (collector off,
minimum of 5): as it is; with every attrs field validator switched off
(``attrs.validators.disabled()``); and with the whole-plan check skipped
too.  The last is what building the objects alone costs.  Run from the
repository root::

    python benchmarks/load_without_checks.py          # 1,000 industries
    python benchmarks/load_without_checks.py 10000
"""

from __future__ import annotations

import json
import sys
import timeit
from collections.abc import Callable
from pathlib import Path

import attrs

import industrial_plan as ip
from industrial_plan._plan import system as _system

sys.path.insert(0, str(Path(__file__).parent))
from test_plans import plan


def main(industries: int) -> None:
    text = ip.dumps(plan(industries), "json")
    checked = _system.IndustrialSystem.__attrs_post_init__

    def as_is() -> None:
        ip.loads(text, "json")

    def without_field_validators() -> None:
        with attrs.validators.disabled():
            ip.loads(text, "json")

    def without_any_check() -> None:
        _system.IndustrialSystem.__attrs_post_init__ = lambda self: None  # type: ignore[method-assign]
        try:
            without_field_validators()
        finally:
            _system.IndustrialSystem.__attrs_post_init__ = checked  # type: ignore[method-assign]

    ways: dict[str, Callable[[], None]] = {
        "as it is": as_is,
        "no field validators": without_field_validators,
        "no check at all": without_any_check,
    }
    for name, load in ways.items():
        load()  # the caches warm, as in test_plans.py
        mine: list[float] = []
        floor: list[float] = []
        for _ in range(5):
            mine.append(timeit.timeit(load, number=1))
            floor.append(timeit.timeit(lambda: json.loads(text), number=1))
        print(
            f"{name}: {min(mine) * 1e3:.1f} ms, json.loads {min(floor) * 1e3:.2f} ms, "
            f"{min(mine) / min(floor):.1f}x"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000)
