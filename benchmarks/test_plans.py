"""Whole plans: assessing, saving and loading large plans.

:func:`plan` builds a plan of *n* industries in tiers of 50, each industry
with 1 target and 5 observations (and one observation per tier).  At 1,000
industries it stands in for the largest plans analysts keep; 10,000 and
100,000 industries test the scale limits (see ``memory.py`` for peak memory).
Run with::

    python -m pytest benchmarks -p no:cacheprovider --benchmark-only
"""

from __future__ import annotations

import functools

import pytest

import industrial_plan as ip

INDUSTRIES_PER_TIER = 50
INDUSTRIES = 1_000
TIERS = INDUSTRIES // INDUSTRIES_PER_TIER
PLAN = "large plan (1,000 industries)"


@functools.cache
def plan(industries: int) -> ip.IndustrialSystem:
    """A plan of *industries* industries: 1 target and 5 observations each."""

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

    tiers = []
    for t, first in enumerate(range(0, industries, INDUSTRIES_PER_TIER)):
        size = min(INDUSTRIES_PER_TIER, industries - first)
        tiers.append(
            ip.Tier(
                f"t{t}",
                f"tier {t}",
                "cluster",
                [industry(t, n) for n in range(size)],
                observations=[
                    ip.Observation(
                        "total_scale",
                        2022,
                        ip.Figure(ip.amount(size * 150, "billion CNY")),
                    )
                ],
            )
        )
    return ip.IndustrialSystem(
        name="large", region="anywhere", start_year=2020, end_year=2030, tiers=tiers
    )


def large_plan() -> ip.IndustrialSystem:
    return plan(INDUSTRIES)


@pytest.mark.benchmark(group=PLAN)
def test_assess(benchmark) -> None:
    report = benchmark(ip.assess, large_plan())
    assert len(report) == INDUSTRIES


@pytest.mark.benchmark(group=PLAN)
def test_dumps_json(benchmark) -> None:
    text = benchmark(ip.dumps, large_plan(), "json")
    assert text.count('"metric"') == TIERS * (INDUSTRIES_PER_TIER * 6 + 1)
