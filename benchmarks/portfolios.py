"""Realistic portfolios of plans for the columnar benchmarks.

Each plan is an :class:`industrial_plan.IndustrialSystem` of 20 targets over
2021-2025, spread over the region and two tiers of industries, each target
with four yearly observations (a share or a ratio computed from its parts has
four of its numerator and four of its whole besides).  Three flavours:

* ``"levels"``: money levels ("到2025年达到800亿元") and counts ("超过80家");
* ``"growth"``: average annual growth ("年均增长6%以上") measured on yearly
  levels, or on reported yearly rates for a third of them;
* ``"mixed"``: every kind of target, in the shapes plans state them.

Values follow a random path around the planned one, so that targets are met,
nearly met or missed, and no value ties a target or a band's edge exactly
(such ties are left to the object path, which would blur what is measured).
Plans are built from a seed: the same seed gives the same plans.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import industrial_plan as ip

Q = ip.ureg.Quantity
START, END = 2020, 2025
# The four years observed: the plan's first year and three after it.
YEARS = (2020, 2021, 2022, 2023)
# Yearly rates are reported for the years after the start.
RATE_YEARS = (2021, 2022, 2023, 2024)
TARGETS = 20
FLAVOURS = ("levels", "growth", "mixed")

METRICS = [
    ip.Metric("energy", {"en": "energy use", "zh": "能源消费量"}, "t", "lower"),
    ip.Metric("cpi", {"en": "consumer prices", "zh": "居民消费价格"}, "percent", "lower"),
    ip.Metric("patents", {"en": "invention patents", "zh": "发明专利拥有量"}, "count"),
    ip.Metric("doctors", {"en": "practising doctors", "zh": "执业医师"}, "count"),
    ip.Metric("jobs", {"en": "new urban jobs", "zh": "城镇新增就业"}, "count"),
]

_Owned = tuple[ip.Target, list[ip.Observation]]


def _decimal(value: float, places: int = 0) -> Decimal:
    """*value* to *places* decimals, as written (not a float's binary expansion)."""
    return Decimal(f"{value:.{places}f}")


def _money(yuan: float) -> ip.Figure:
    """*yuan*, as a statistics office reports it: in 万元, to the hundredth."""
    return ip.Figure(ip.amount(_decimal(yuan / 1e4, 2), "万 CNY"))


def _count(value: float) -> ip.Figure:
    return ip.Figure(Q(_decimal(value), ""))


def _percent(value: float, **form: Any) -> ip.Figure:
    """A percentage to two decimals: off the one-decimal goals and bands."""
    return ip.Figure(Q(_decimal(value, 2), "percent"), **form)


class _Plans:
    """Draws the targets of one plan from a seeded random generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def path(self, start: float, rate: float, years: tuple[int, ...]) -> list[float]:
        """Levels from *start* growing near *rate* a year, noisy each year."""
        level, found = start, []
        for _ in years:
            found.append(level)
            level *= 1 + rate + self.rng.gauss(0, 0.03)
        return found

    def level(self, metric: str) -> _Owned:
        """到2025年达到N亿元: a money level, 4-12 % a year above the start."""
        rng = self.rng
        start = rng.uniform(5e9, 2e11)
        rate = rng.uniform(0.04, 0.12)
        goal = _decimal(start * (1 + rate) ** 5 / 1e8)
        qualifier = rng.choice([ip.Qualifier.EXACT, ip.Qualifier.AT_LEAST])
        figure = ip.Figure(ip.amount(goal, "亿 CNY"), qualifier)
        # The path drifts around the planned rate: some ahead, some behind.
        values = self.path(start, rate + rng.uniform(-0.04, 0.03), YEARS)
        observed = [ip.Observation(metric, y, _money(v)) for y, v in zip(YEARS, values)]
        return ip.Target(metric, END, figure, kind="level"), observed

    def count(self, metric: str) -> _Owned:
        """超过N家: a count of enterprises, platforms or the like."""
        rng = self.rng
        start = rng.uniform(200, 3000)
        rate = rng.uniform(0.03, 0.10)
        goal = _decimal(start * (1 + rate) ** 5)
        qualifier = rng.choice([ip.Qualifier.EXACT, ip.Qualifier.MORE_THAN])
        figure = ip.Figure(Q(goal, ""), qualifier)
        values = self.path(start, rate + rng.uniform(-0.04, 0.03), YEARS)
        observed = [ip.Observation(metric, y, _count(v)) for y, v in zip(YEARS, values)]
        return ip.Target(metric, END, figure, kind="count"), observed

    def growth(self, metric: str, rates: bool) -> _Owned:
        """年均增长N%以上 from 2020: on yearly levels, or on reported rates."""
        rng = self.rng
        goal = Decimal(rng.randint(40, 120)) / 10
        figure = ip.Figure(
            Q(goal, "percent"),
            rng.choice([ip.Qualifier.AT_LEAST, ip.Qualifier.EXACT]),
            change=ip.Change.AVERAGE_GROWTH,
        )
        drift = float(goal) / 100 + rng.uniform(-0.04, 0.03)
        if rates:
            observed = [
                ip.Observation(
                    metric,
                    y,
                    _percent(100 * (drift + rng.gauss(0, 0.02)), change=ip.Change.GROWTH),
                    price_basis="comparable prices",
                )
                for y in RATE_YEARS
            ]
        else:
            values = self.path(rng.uniform(5e9, 2e11), drift, YEARS)
            observed = [
                ip.Observation(metric, y, _money(v), price_basis="comparable prices")
                for y, v in zip(YEARS, values)
            ]
        return ip.Target(metric, END, figure, kind="growth rate"), observed

    def one_year_growth(self, metric: str) -> _Owned:
        """增长N% in 2023, with the yearly rates reported."""
        rng = self.rng
        goal = Decimal(rng.randint(40, 90)) / 10
        figure = ip.Figure(Q(goal, "percent"), change=ip.Change.GROWTH)
        observed = [
            ip.Observation(
                metric,
                y,
                _percent(float(goal) + rng.uniform(-3, 2), change=ip.Change.GROWTH),
            )
            for y in YEARS
        ]
        return ip.Target(metric, 2023, figure, kind="growth rate"), observed

    def share_of(self, metric: str, gdp: list[float]) -> _Owned:
        """占地区生产总值比重达到N%: the numerator observed beside the region's GDP."""
        rng = self.rng
        share = rng.uniform(0.02, 0.2)
        goal = _decimal(100 * share * rng.uniform(1.1, 1.4), 1)
        figure = ip.Figure(Q(goal, "percent"), share_of="地区生产总值")
        observed = [
            ip.Observation(metric, y, _money(g * share * (1 + rng.uniform(0, 0.15)) ** i))
            for i, (y, g) in enumerate(zip(YEARS, gdp))
        ]
        return ip.Target(metric, END, figure, kind="share", of="gdp"), observed

    def share_reported(self, metric: str) -> _Owned:
        """A share the statistics office reports as such ("R&D intensity 2.41 %")."""
        rng = self.rng
        start = rng.uniform(1.5, 3.5)
        goal = _decimal(start * rng.uniform(1.1, 1.3), 1)
        values = self.path(start, rng.uniform(0.0, 0.06), YEARS)
        observed = [
            ip.Observation(metric, y, _percent(v), of="gdp") for y, v in zip(YEARS, values)
        ]
        return ip.Target(metric, END, ip.Figure(Q(goal, "percent")), kind="share"), observed

    def ratio(self, metric: str, population: list[float]) -> _Owned:
        """每万人口…超过N件: the count observed beside the resident population."""
        rng = self.rng
        per_10k = rng.uniform(8, 30)
        goal = _decimal(per_10k * rng.uniform(1.2, 1.6))
        figure = ip.Figure(
            Q(goal, ""), rng.choice([ip.Qualifier.EXACT, ip.Qualifier.MORE_THAN]), per=10000
        )
        observed = [
            ip.Observation(metric, y, _count(p / 1e4 * per_10k * (1 + rng.uniform(0.05, 0.12)) ** i))
            for i, (y, p) in enumerate(zip(YEARS, population))
        ]
        return ip.Target(metric, END, figure, kind="per-population ratio"), observed

    def increment(self, metric: str) -> _Owned:
        """新增N家 from the 2020 count."""
        rng = self.rng
        start = rng.uniform(100, 2000)
        added = _decimal(start * rng.uniform(0.2, 0.5))
        figure = ip.Figure(Q(added, ""), change=ip.Change.INCREMENT)
        values = self.path(start, float(added) / start / 5 + rng.uniform(-0.04, 0.03), YEARS)
        observed = [ip.Observation(metric, y, _count(v)) for y, v in zip(YEARS, values)]
        return ip.Target(metric, END, figure, kind="increment"), observed

    def reduction(self, metric: str, percent: bool) -> _Owned:
        """下降13.5% or 减少N万吨 of energy use from 2020."""
        rng = self.rng
        start = rng.uniform(5e5, 5e7)
        cut = rng.uniform(0.08, 0.2)
        if percent:
            stated = Q(_decimal(100 * cut, 1), "percent")
        else:
            stated = Q(_decimal(start * cut / 1e4), "万 t")
        figure = ip.Figure(stated, change=ip.Change.REDUCTION)
        values = self.path(start, -cut / 5 + rng.uniform(-0.02, 0.03), YEARS)
        observed = [
            ip.Observation(metric, y, ip.Figure(Q(_decimal(v), "t")))
            for y, v in zip(YEARS, values)
        ]
        return ip.Target(metric, END, figure, kind="reduction"), observed

    def level_cap(self, metric: str) -> _Owned:
        """不超过N万吨: a ceiling on energy use."""
        rng = self.rng
        start = rng.uniform(5e5, 5e7)
        cap = _decimal(start * rng.uniform(1.05, 1.25) / 1e4)
        figure = ip.Figure(Q(cap, "万 t"), ip.Qualifier.AT_MOST)
        values = self.path(start, rng.uniform(-0.01, 0.05), YEARS)
        observed = [
            ip.Observation(metric, y, ip.Figure(Q(_decimal(v), "t")))
            for y, v in zip(YEARS, values)
        ]
        return ip.Target(metric, END, figure, kind="cap"), observed

    def growth_cap(self, metric: str) -> _Owned:
        """居民消费价格涨幅控制在3%左右 / 以内: yearly rates reported."""
        rng = self.rng
        cap = Decimal(rng.choice(["2.5", "3", "3.5"]))
        figure = ip.Figure(Q(cap, "percent"), ip.Qualifier.AT_MOST, change=ip.Change.GROWTH)
        observed = [
            ip.Observation(
                metric, y, _percent(float(cap) + rng.uniform(-2.5, 0.8), change=ip.Change.GROWTH)
            )
            for y in RATE_YEARS
        ]
        return ip.Target(metric, END, figure, kind="cap"), observed

    def cumulative(self, metric: str, money: bool) -> _Owned:
        """累计完成投资N亿元 or 累计新增就业N万人 over 2021-2025."""
        rng = self.rng
        yearly = rng.uniform(2e9, 5e10) if money else rng.uniform(5e3, 1e5)
        goal = yearly * 5 * rng.uniform(0.9, 1.2)
        if money:
            stated = ip.amount(_decimal(goal / 1e8), "亿 CNY")
        else:
            stated = Q(_decimal(goal / 1e4, 1), "万")
        figure = ip.Figure(stated, change=ip.Change.CUMULATIVE)
        values = self.path(yearly, rng.uniform(0, 0.06), RATE_YEARS)
        make = _money if money else _count
        observed = [ip.Observation(metric, y, make(v)) for y, v in zip(RATE_YEARS, values)]
        return ip.Target(metric, END, figure, kind="cumulative total"), observed

    def qualitative(self, metric: str) -> _Owned:
        """A statement without a number, with nothing to observe."""
        statement = {"en": "significant progress", "zh": "取得显著进展"}
        return ip.Target(metric, END, statement=statement, kind="qualitative aim"), []


def _levels(p: _Plans) -> Iterator[_Owned]:
    metrics = ("total_scale", "output_value", "value_added", "investment", "enterprises")
    for i in range(TARGETS):
        metric = metrics[i % len(metrics)]
        yield p.count(metric) if metric == "enterprises" else p.level(metric)


def _growth(p: _Plans) -> Iterator[_Owned]:
    metrics = ("total_scale", "output_value", "value_added", "industrial_value_added")
    for i in range(TARGETS):
        yield p.growth(metrics[i % len(metrics)], rates=i % 3 == 2)


# The mixed flavour's 20 targets: owned by industries unless marked regional.
_MIXED: tuple[tuple[str, Callable[[_Plans, str], _Owned]], ...] = (
    ("total_scale", _Plans.level),
    ("output_value", _Plans.level),
    ("enterprises", _Plans.count),
    ("rd_intensity", _Plans.share_reported),
    ("value_added", lambda p, m: p.growth(m, rates=False)),
    ("industrial_value_added", lambda p, m: p.growth(m, rates=True)),
    ("output_value", _Plans.one_year_growth),
    ("enterprises", _Plans.increment),
    ("energy", lambda p, m: p.reduction(m, percent=False)),
    ("energy", lambda p, m: p.reduction(m, percent=True)),
    ("energy", _Plans.level_cap),
    ("investment", lambda p, m: p.cumulative(m, money=True)),
    ("jobs", lambda p, m: p.cumulative(m, money=False)),
    ("development", _Plans.qualitative),
    ("total_scale", _Plans.level),
)


def _regional(p: _Plans) -> tuple[list[ip.Target], list[ip.Observation]]:
    """The region's targets: shares of GDP, ratios per head and the price cap,
    with GDP and the population observed beside them."""
    gdp = p.path(p.rng.uniform(2e11, 2e12), 0.06, YEARS)
    population = p.path(p.rng.uniform(2e6, 2e7), 0.005, YEARS)
    owned = [
        p.share_of("value_added", gdp),
        p.share_of("rd_spending", gdp),
        p.ratio("patents", population),
        p.ratio("doctors", population),
    ]
    cap = p.growth_cap("cpi")
    targets = [t for t, _ in owned] + [cap[0]]
    observations = [o for _, found in owned for o in found] + cap[1]
    observations += [ip.Observation("gdp", y, _money(v)) for y, v in zip(YEARS, gdp)]
    observations += [
        ip.Observation("population", y, _count(v)) for y, v in zip(YEARS, population)
    ]
    return targets, observations


def _system(
    index: int, owned: list[_Owned], regional: tuple[list[Any], list[Any]] | None
) -> ip.IndustrialSystem:
    """A plan with *owned* targets, one industry each, over two tiers."""
    industries = [
        ip.Industry(f"industry{i}", f"industry {i}", targets=[t], observations=o)
        for i, (t, o) in enumerate(owned)
    ]
    half = len(industries) // 2
    tiers = [
        ip.Tier("pillar", "pillar industries", "cluster", industries[:half]),
        ip.Tier("emerging", "emerging industries", "cluster", industries[half:]),
    ]
    targets, observations = regional if regional else ([], [])
    return ip.IndustrialSystem(
        name={"en": f"plan {index}", "zh": f"规划{index}"},
        region=f"city {index}",
        start_year=START,
        end_year=END,
        tiers=tiers,
        regional=ip.Regional(targets=targets, observations=observations),
        metrics=METRICS,
    )


def plan(flavour: str, index: int, seed: int = 22) -> ip.IndustrialSystem:
    """Plan *index* of *flavour* ("levels", "growth" or "mixed")."""
    p = _Plans(random.Random(f"{seed}/{flavour}/{index}"))
    if flavour == "levels":
        return _system(index, list(_levels(p)), None)
    if flavour == "growth":
        return _system(index, list(_growth(p)), None)
    if flavour == "mixed":
        owned = [make(p, metric) for metric, make in _MIXED]
        return _system(index, owned, _regional(p))
    raise ValueError(f"no flavour {flavour!r}: {', '.join(FLAVOURS)}")


def plans(flavour: str, count: int, seed: int = 22) -> list[ip.IndustrialSystem]:
    """*count* plans of *flavour*, each with its own region name."""
    return [plan(flavour, i, seed) for i in range(count)]


def table(systems: list[ip.IndustrialSystem]) -> Any:
    """The plans as one long Arrow table, as a portfolio is assessed."""
    import pyarrow as pa

    return pa.concat_tables(
        [ip.to_arrow(s) for s in systems], promote_options="permissive"
    )


def tiled(base: Any, rows: int) -> Any:
    """Copies of *base* up to about *rows* rows, each copy a plan of its own
    (a ``plan`` column numbering the copies keeps them apart)."""
    import numpy as np
    import pyarrow as pa

    copies = -(-rows // base.num_rows)
    # Each copy of the base table keeps its plans apart by their region names;
    # the plan column tells the copies apart.
    many = pa.concat_tables([base] * copies)
    number = np.repeat(np.arange(copies, dtype=np.int32), base.num_rows)
    return many.append_column("plan", pa.array(number))
