"""Assessing large plans, beside a floor doing the same arithmetic by hand.

Plans come from ``test_plans.plan``: 1,000, 10,000 and 100,000 industries in
tiers of 50, each with one money target and five yearly observations (select
one size with ``-k 10000``).  The floor computes the metrics `assess` reports
for a level target (attainment, gap, required growth, linear change, observed
growth, the ratio R and the status) in plain Python: `Decimal` for the exact
amounts, floats for the growth rates, as the library does; and, as `assess`
checks each tier's stated total against the sum of its industries, it adds
those up too.  The ratio of the two is the cost of the library's bounds,
units and records.  Run with::

    python -m pytest benchmarks/test_assess.py -p no:cacheprovider --benchmark-only
"""

from __future__ import annotations

import importlib.util
import math
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import industrial_plan as ip

SIZES = [1_000, 10_000, 100_000]


def _plans_module() -> Any:
    """``test_plans.py`` beside this file: its plan generator is shared."""
    path = Path(__file__).with_name("test_plans.py")
    spec = importlib.util.spec_from_file_location("_benchmark_plans", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


plan = _plans_module().plan


def _rate(ratio: Decimal, years: int) -> float:
    return math.expm1(math.log1p(float(ratio - 1)) / years)


def floor(cases: list[Case], totals: list[Total]) -> tuple[list[str], int]:
    """The level method by hand: exact amounts, float rates, a status each;
    then each tier's total against the sum of its industries (rtol 1 %)."""
    statuses = []
    for target, year, observed in cases:
        (y0, x0), (yt, xt) = observed[0], observed[-1]
        attainment = xt / target
        gap = max(Decimal(0), target - xt)
        remaining = year - yt
        required = _rate(target / xt, remaining)
        linear = (target - xt) / remaining
        growth = _rate(xt / x0, yt - y0)
        ratio = growth / abs(_rate(target / x0, year - y0))
        projected = xt * Decimal(repr((1 + growth) ** remaining))
        shortfall = max(Decimal(0), target - projected)
        if attainment >= 1:
            status = "target achieved"
        elif ratio >= 0.95:
            status = "on track"
        elif ratio >= 0.6:
            status = "acceleration needed"
        elif ratio >= 0:
            status = "limited progress"
        else:
            status = "deterioration"
        statuses.append(status)
        del gap, required, linear, shortfall
    mismatches = 0
    for stated, parts in totals:
        if abs(stated - sum(parts)) > RTOL * abs(stated):
            mismatches += 1
    return statuses, mismatches


Case = tuple[Decimal, int, list[tuple[int, Decimal]]]
Total = tuple[Decimal, list[Decimal]]
RTOL = Decimal("0.01")


def cases(system: ip.IndustrialSystem) -> list[Case]:
    """The floor's input: each target's value, year and observations, in base units."""
    found = []
    for owner, target in system.targets():
        assert target.figure is not None
        observed = [
            (o.year, ip.in_base_units(o.figure.quantity).magnitude)
            for o in owner.observations
        ]
        value = ip.in_base_units(target.figure.quantity).magnitude
        found.append((value, target.year, observed))
    return found


def totals(system: ip.IndustrialSystem) -> list[Total]:
    """Each tier total's value and its industries' values that year, in base units."""
    found = []
    for tier in system.tiers:
        for stated in tier.observations:
            parts = [
                ip.in_base_units(o.figure.quantity).magnitude
                for industry in tier.industries
                for o in industry.observations
                if o.metric == stated.metric and o.year == stated.year
            ]
            found.append((ip.in_base_units(stated.figure.quantity).magnitude, parts))
    return found


@pytest.mark.parametrize("size", SIZES, ids=lambda n: f"{n}")
def test_assess(benchmark: pytest.FixtureRequest, size: int) -> None:
    system = plan(size)
    benchmark.group = f"assess, {size:,} industries"
    report = benchmark.pedantic(ip.assess, (system,), rounds=3, iterations=1)
    assert len(report) == size


@pytest.mark.parametrize("size", SIZES, ids=lambda n: f"{n}")
def test_floor(benchmark: pytest.FixtureRequest, size: int) -> None:
    system = plan(size)
    given = cases(system), totals(system)
    benchmark.group = f"assess, {size:,} industries"
    statuses, mismatches = benchmark.pedantic(floor, given, rounds=3, iterations=1)
    # The floor does the library's work: the same status for every target and
    # the same tiers off (plans repeat every 1,000 industries, so the smallest
    # one checks them).
    smallest = ip.assess(plan(SIZES[0]))
    repeats = size // SIZES[0]
    assert statuses == [r.status.value for r in smallest] * repeats
    assert mismatches == len(smallest.mismatches) * repeats
