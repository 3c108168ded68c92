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
import os
import random
import timeit
import tomllib
from collections.abc import Callable
from typing import Any

import attrs
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


# -- load and save at 1,000, 10,000 and 100,000 industries, beside their floors -------

SIZES = tuple(
    int(size)
    for size in os.environ.get("IP_BENCH_SIZES", "1000,10000,100000").split(",")
)
"""Plan sizes the ratio tests run at; ``IP_BENCH_SIZES=1000`` for a quick run."""


def _repeats(industries: int) -> int:
    """Runs of each side: the minimum of a few, fewer for the largest plans."""
    return 5 if industries <= 1_000 else 3 if industries <= 10_000 else 1


def _interleaved_ratio(
    library: Callable[[], object], floor: Callable[[], object], repeats: int
) -> tuple[float, float, float]:
    """(library s, floor s, ratio): minimum of interleaved runs, collector off."""
    mine: list[float] = []
    base: list[float] = []
    for _ in range(repeats):
        mine.append(timeit.timeit(library, number=1))
        base.append(timeit.timeit(floor, number=1))
    return min(mine), min(base), min(mine) / min(base)


@functools.cache
def sized_text(syntax: str, industries: int) -> str:
    return ip.dumps(plan(industries), syntax)  # type: ignore[arg-type]


def _record(benchmark: Any, what: str, result: tuple[float, float, float]) -> None:
    mine, base, ratio = result
    benchmark.extra_info.update(library_s=mine, floor_s=base, ratio=ratio)
    print(f"\n{what}: {mine:.3f} s, floor {base:.4f} s, {ratio:.1f}x")


@pytest.mark.parametrize("industries", SIZES)
@pytest.mark.parametrize("syntax", SYNTAXES)
def test_loads_ratio_by_size(benchmark, syntax: str, industries: int) -> None:
    """``ip.loads`` against the syntax's parser on the same text, by plan size."""
    text = sized_text(syntax, industries)
    floor = FLOORS[syntax]
    loaded: list[ip.IndustrialSystem] = []
    result = _interleaved_ratio(
        lambda: loaded.append(ip.loads(text, syntax)),  # type: ignore[arg-type]
        lambda: floor(text),
        _repeats(industries),
    )
    benchmark.group = f"loads / parser ratio by size, {syntax}"
    benchmark.pedantic(floor, (text,), rounds=1, iterations=1)
    _record(benchmark, f"loads {syntax}, {industries:,} industries", result)
    # YAML's floor composes nodes, which the library's event reader does not:
    # at 100,000 industries the library can be the faster of the two.
    assert len(loaded[-1].industries) == industries


@pytest.mark.parametrize("industries", SIZES)
def test_dumps_ratio_by_size(benchmark, industries: int) -> None:
    """``ip.dumps(plan, "json")`` against ``json.dumps`` of the same plain data.

    The floor writes the plan as plain data, figures as the text they are
    written as, with the options ``ip.dumps`` uses (two-space indent, no ASCII
    escapes).  Both start from warm caches: the library's after one save
    (what a tool that saves repeatedly sees), ``json``'s after one dump.
    """
    system = plan(industries)
    data = json.loads(sized_text("json", industries))
    result = _interleaved_ratio(
        lambda: ip.dumps(system, "json"),
        lambda: json.dumps(data, ensure_ascii=False, indent=2),
        _repeats(industries),
    )
    benchmark.group = "dumps / json.dumps ratio by size"
    benchmark.pedantic(lambda: None, rounds=1, iterations=1)
    _record(benchmark, f"dumps json, {industries:,} industries", result)
    assert result[2] > 1


SAVE_SIZE = int(os.environ.get("IP_BENCH_SAVE_SIZE", "20000"))
"""Industries in the plan of the YAML-against-JSON save goal."""
YAML_SAVE_GOAL = 2.0


def test_yaml_save_within_goal_of_json_save(benchmark, tmp_path) -> None:
    """``ip.save(plan, "x.yaml")`` at most 2x ``ip.save(plan, "x.json")`` (issue 22).

    The same plan of :data:`SAVE_SIZE` industries, saved in turns to files
    in a temporary folder, each side keeping the fastest of three; both
    writers share the caches of figure words, warm after one save of each.
    """
    system = plan(SAVE_SIZE)
    yaml_path, json_path = tmp_path / "plan.yaml", tmp_path / "plan.json"
    ip.save(system, yaml_path)
    ip.save(system, json_path)
    result = _interleaved_ratio(
        lambda: ip.save(system, yaml_path), lambda: ip.save(system, json_path), 3
    )
    benchmark.group = f"YAML save / JSON save, {SAVE_SIZE:,} industries"
    benchmark.pedantic(lambda: None, rounds=1, iterations=1)
    _record(benchmark, f"save yaml / save json, {SAVE_SIZE:,} industries", result)
    assert ip.load(yaml_path) == ip.load(json_path) == system
    assert result[2] <= YAML_SAVE_GOAL, (
        f"YAML save is {result[2]:.2f}x JSON save ({result[0]:.2f} s vs "
        f"{result[1]:.2f} s); the goal is at most {YAML_SAVE_GOAL:g}x"
    )


def distinct_plan(industries: int) -> ip.IndustrialSystem:
    """:func:`plan` with every observed figure different ("123.4 billion yuan").

    In :func:`plan` few figures differ, so the library's kept readings and
    words serve most of them; here each figure is new to the caches.
    """
    rng = random.Random(industries)
    base = plan(industries)

    def observed(observation: ip.Observation) -> ip.Observation:
        value = f"{rng.randint(100, 999)}.{rng.randint(1, 9)}"
        figure = ip.Figure(ip.amount(value, "billion CNY"))
        return attrs.evolve(observation, figure=figure)

    tiers = [
        attrs.evolve(
            tier,
            industries=[
                attrs.evolve(
                    industry,
                    observations=[observed(o) for o in industry.observations],
                )
                for industry in tier.industries
            ],
        )
        for tier in base.tiers
    ]
    return attrs.evolve(base, tiers=tiers)


def test_distinct_figures_1000(benchmark) -> None:
    """Load and save of a plan whose 5,000 observed figures all differ, cold caches.

    Each figure is read (and written) once, so this is the cost without reuse
    of whole texts; forms are still reused.
    """
    from industrial_plan._figures import parse as _parse
    from industrial_plan._figures import wording as _wording

    system = distinct_plan(INDUSTRIES)
    text = ip.dumps(system, "json")
    data = json.loads(text)

    def cold_dumps() -> str:
        _wording._texts.clear()
        _wording._forms.clear()
        return ip.dumps(system, "json")

    def cold_loads() -> ip.IndustrialSystem:
        _parse._parse_reused.cache_clear()
        _parse._shapes.clear()
        return ip.loads(text, "json")

    saving = _interleaved_ratio(
        cold_dumps, lambda: json.dumps(data, ensure_ascii=False, indent=2), 3
    )
    loading = _interleaved_ratio(cold_loads, lambda: json.loads(text), 3)
    benchmark.group = "distinct figures, cold caches (1,000 industries)"
    benchmark.pedantic(lambda: None, rounds=1, iterations=1)
    _record(benchmark, "dumps json, distinct figures", saving)
    print(
        f"loads json, distinct figures: {loading[0]:.3f} s, "
        f"floor {loading[1]:.4f} s, {loading[2]:.1f}x"
    )
    benchmark.extra_info["loads_ratio"] = loading[2]
    assert cold_loads() == system


# -- adding to a large plan -------------------------------------------------------


def test_with_observation_10000(benchmark) -> None:
    """One observation added to a plan of 10,000 industries, beside the floor of
    finding the industry by id, rebuilding it with the observation and
    rebuilding its tier (their own checks), minimum of 5 runs each.

    Adding used to rebuild and check the whole plan (89 ms here); now only the
    owner's checks run again.
    """
    system = plan(10_000)
    observation = ip.Observation(
        "total_scale", 2025, ip.Figure(ip.amount(5, "billion CNY"))
    )

    def floor() -> Any:
        for tier in system.tiers:
            for industry in tier.industries:
                if industry.id == "i150_25":
                    observations = (*industry.observations, observation)
                    changed = attrs.evolve(industry, observations=observations)
                    industries = tuple(
                        changed if i is industry else i for i in tier.industries
                    )
                    return attrs.evolve(tier, industries=industries)
        raise AssertionError("i150_25 is in the plan")

    def added() -> ip.IndustrialSystem:
        return system.with_observation("i150_25", observation)

    ours = min(timeit.repeat(added, number=1, repeat=5))
    least = min(timeit.repeat(floor, number=1, repeat=5))
    benchmark.extra_info["ratio"] = ours / least
    print(
        f"\nwith_observation, 10,000 industries: {ours * 1e3:.2f} ms, "
        f"floor {least * 1e3:.3f} ms, {ours / least:.0f}x"
    )
    result = benchmark.pedantic(added, rounds=3)
    assert len(result.industry("i150_25").observations) == 6
