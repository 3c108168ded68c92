"""Whole plans: assessing, saving and loading a large plan.

A plan of 20 tiers with 50 industries each (1,000 industries, 1,000 targets,
5,020 observations) stands in for the largest plans analysts keep.  Run with::

    python -m pytest benchmarks -p no:cacheprovider --benchmark-only
"""

from __future__ import annotations

import functools

import pytest

import industrial_plan as ip

TIERS = 20
INDUSTRIES_PER_TIER = 50
PLAN = "large plan (1,000 industries)"


@functools.cache
def large_plan() -> ip.IndustrialSystem:
    def industry(t: int, n: int) -> ip.Industry:
        return ip.Industry(
            f"i{t}_{n}",
            f"industry {t}.{n}",
            targets=[
                ip.Target(
                    "total_scale", 2030, ip.Figure(ip.amount(1000 + n, "billion CNY"))
                )
            ],
            observations=[
                ip.Observation(
                    "total_scale",
                    year,
                    ip.Figure(ip.amount(100 + n + year - 2020, "billion CNY")),
                )
                for year in range(2020, 2025)
            ],
        )

    tiers = [
        ip.Tier(
            f"t{t}",
            f"tier {t}",
            "cluster",
            [industry(t, n) for n in range(INDUSTRIES_PER_TIER)],
            observations=[
                ip.Observation(
                    "total_scale",
                    2022,
                    ip.Figure(ip.amount(INDUSTRIES_PER_TIER * 150, "billion CNY")),
                )
            ],
        )
        for t in range(TIERS)
    ]
    return ip.IndustrialSystem(
        name="large", region="anywhere", start_year=2020, end_year=2030, tiers=tiers
    )


@pytest.mark.benchmark(group=PLAN)
def test_assess(benchmark) -> None:
    plan = large_plan()
    report = benchmark(ip.assess, plan)
    assert len(report) == TIERS * INDUSTRIES_PER_TIER


@pytest.mark.benchmark(group=PLAN)
def test_dumps_json(benchmark) -> None:
    text = benchmark(ip.dumps, large_plan(), "json")
    assert text.count('"metric"') == TIERS * (INDUSTRIES_PER_TIER * 6 + 1)


@pytest.mark.benchmark(group=PLAN)
def test_loads_json(benchmark) -> None:
    text = ip.dumps(large_plan(), "json")
    plan = benchmark(ip.loads, text, "json")
    assert plan == large_plan()
