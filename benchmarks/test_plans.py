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
import json
import timeit
import tomllib
from collections.abc import Callable
from typing import Any

import pytest
import yaml

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


# -- loading, against the parser alone --------------------------------------------

SYNTAXES = ("toml", "yaml", "json")
FLOORS: dict[str, Callable[[str], Any]] = {
    "toml": tomllib.loads,
    "json": json.loads,
    "yaml": lambda text: yaml.load(text, Loader=yaml.CSafeLoader),
}
"""What reading the same text costs at the least: the syntax's fastest parser."""


@functools.cache
def plan_text(syntax: str) -> str:
    return ip.dumps(large_plan(), syntax)  # type: ignore[arg-type]


def _group(syntax: str) -> str:
    return f"loads {syntax} (1,000 industries) against {syntax}'s parser"


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_loads(benchmark, syntax: str) -> None:
    benchmark.group = _group(syntax)
    plan = benchmark(ip.loads, plan_text(syntax), syntax)
    assert plan == large_plan()


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_parser_floor(benchmark, syntax: str) -> None:
    benchmark.group = _group(syntax)
    data = benchmark(FLOORS[syntax], plan_text(syntax))
    assert len(data["tiers"]) == TIERS


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_loads_with_a_problem(benchmark, syntax: str) -> None:
    """One problem: the text is read a second time, for its line."""
    benchmark.group = _group(syntax)
    text = plan_text(syntax).replace("i19_49", "i19_48")  # a duplicate id

    def load() -> ip.PlanValidationError:
        try:
            ip.loads(text, syntax)  # type: ignore[arg-type]
        except ip.PlanValidationError as error:
            return error
        raise AssertionError("the duplicate id went unnoticed")

    error = benchmark(load)
    assert error.problems[0].line is not None


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_loads_ratio_to_the_parser(benchmark, syntax: str) -> None:
    """The ratio of loads to the parser alone, minimum of interleaved repeats.

    Recorded in ``extra_info`` (and printed with ``-s``); benchmarks/README.md
    lists it.
    """
    text = plan_text(syntax)
    floor = FLOORS[syntax]
    library: list[float] = []
    parser: list[float] = []
    for _ in range(5):
        library.append(timeit.timeit(lambda: ip.loads(text, syntax), number=1))  # type: ignore[arg-type]
        parser.append(timeit.timeit(lambda: floor(text), number=1))
    ratio = min(library) / min(parser)
    benchmark.extra_info["ratio"] = ratio
    benchmark.group = f"loads / parser ratio, {syntax}"
    benchmark.pedantic(floor, (text,), rounds=1, iterations=1)
    print(
        f"\nloads {syntax}: {min(library):.3f} s, "
        f"parser {min(parser):.3f} s, {ratio:.1f}x"
    )
    assert ratio > 1  # loads parses, then builds and checks every value
