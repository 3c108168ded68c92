"""Realistic portfolios of plans for the columnar benchmarks (issue 22).

:func:`plans` builds *n* plans as objects, each with 20 targets spread over
the region, two tiers and their industries, and 4 yearly observations per
target, in one of three flavours:

``"levels"``
    Levels in money ("到2025年达到800亿元") and counts ("超过80家").
``"growth"``
    Average annual growth ("年均增长6%以上") measured on yearly levels, some
    on reported yearly growth rates instead, and a few one-year growth rates.
``"mixed"``
    Every kind: level, count, share from parts (``of="gdp"``, numerator and
    GDP observed), share as reported, ratio per 10,000 people (population
    observed), average and one-year growth, increment, reduction by an
    amount and in percent, a level cap and a CPI-style growth cap, a
    cumulative total and a qualitative aim.

Values follow a random path around the one the target implies (growth
drawn per year), with enough digits that no value ties a target or a band's
edge.  :func:`table` concatenates the plans' :func:`~industrial_plan.to_arrow`
tables; :func:`tiled` repeats one such table, each copy its own ``plan``,
to a million rows and more without building a million objects.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import industrial_plan as ip

Q = ip.ureg.Quantity
FLAVOURS = ("levels", "growth", "mixed")
TARGETS_PER_PLAN = 20
# Plans run from a 2020 base to 2025 (the 14th five-year plan's span; the
# base year is the plan's start, its baseline); the review is of 2024:
# levels are observed 2020-2023 (a year's statistics come out the next
# spring), yearly rates 2021-2024.
START, END, BASE = 2020, 2025, 2020
LEVEL_YEARS = (2020, 2021, 2022, 2023)
RATE_YEARS = (2021, 2022, 2023, 2024)

METRICS = [
    ip.Metric("patents", "invention patents", "count"),
    ip.Metric("platforms", "industrial internet platforms", "count"),
    ip.Metric("new_jobs", "new urban jobs", "count"),
    ip.Metric("energy", "energy use", "t", "lower"),
    ip.Metric("water", "water use", "t", "lower"),
    ip.Metric("emissions", "emissions", "t", "lower"),
    ip.Metric("cpi", "consumer prices", "percent", "lower"),
]

# Each shape, the metrics it may be stated for, first choice first: an owner
# takes the first not yet used by another of its targets, so that no two
# targets of one owner share observations.
_MONEY = ("total_scale", "output_value", "investment", "rd_spending")
SHAPES: dict[str, tuple[str, ...]] = {
    "level": _MONEY,
    "count": ("enterprises", "platforms", "new_jobs"),
    "share of parts": ("value_added",),
    "share reported": ("rd_intensity",),
    "ratio": ("patents",),
    "average growth": ("industrial_value_added", *_MONEY),
    "one-year growth": ("output_value", "value_added", "investment"),
    "increment": ("platforms",),
    "amount reduction": ("energy",),
    "percent reduction": ("water",),
    "level cap": ("emissions",),
    "growth cap": ("cpi",),
    "cumulative": ("new_jobs",),
    "qualitative": ("development",),
}
_FLAVOUR_SHAPES = {
    "levels": ["level", "count"],
    "growth": ["average growth", "one-year growth"],
    "mixed": list(SHAPES),
}


def _money(yuan: float) -> ip.Figure:
    """*yuan* stated in 亿元 to two decimals, as statistical bulletins do."""
    return ip.Figure(ip.amount(Decimal(f"{yuan / 1e8:.2f}"), "亿 CNY"))


def _count(n: float) -> ip.Figure:
    return ip.Figure(Q(Decimal(round(n)), ""))


def _tonnes(t: float) -> ip.Figure:
    return ip.Figure(Q(Decimal(f"{t:.1f}"), "t"))


def _rate(p: float, **form: Any) -> ip.Figure:
    """*p* percent to a tenth and a final 3 ("6.43%"): never a goal's value
    (at most one decimal) nor the edge of its band (5 % of it, or half a
    point), so rates decide no target by a tie."""
    return ip.Figure(Q(Decimal(f"{p:.1f}3"), "percent"), change=ip.Change.GROWTH)


def _percent(p: float, places: int = 2) -> ip.Figure:
    return ip.Figure(Q(Decimal(f"{p:.{places}f}"), "percent"))


class _Plan:
    """One plan's targets and observations, drawn from *rng*."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        # The region's GDP and population, the denominators of shares and ratios.
        self.gdp = {
            y: 8e11 * 1.055 ** (y - BASE) * rng.uniform(0.99, 1.01)
            for y in range(BASE, END + 1)
        }
        self.population = {y: 9.5e6 * 1.004 ** (y - BASE) for y in range(BASE, END + 1)}

    def path(
        self, start: float, growth: float, years: tuple[int, ...]
    ) -> dict[int, float]:
        """Values from *start* in BASE, growing about *growth* a year (noisy)."""
        rng, value, values = self.rng, start, {}
        for year in range(BASE, max(years) + 1):
            if year in years:
                values[year] = value
            value *= 1 + growth + rng.gauss(0, 0.015)
        return values

    def off(self, low: float, high: float) -> float:
        """A ratio of latest progress to the target's: behind, on track or ahead."""
        return self.rng.uniform(low, high)

    def target(self, shape: str, metric: str) -> tuple[ip.Target, list[ip.Observation]]:
        """A target of *shape* for *metric*, and its observations."""
        maker: Callable[[str], tuple[ip.Target, list[ip.Observation]]] = getattr(
            self, "_" + shape.replace(" ", "_").replace("-", "_")
        )
        return maker(metric)

    def _levels(
        self,
        metric: str,
        values: dict[int, float],
        figure: Callable[[float], ip.Figure],
    ) -> list[ip.Observation]:
        return [ip.Observation(metric, y, figure(v)) for y, v in values.items()]

    def _level(self, metric: str) -> tuple[ip.Target, list[ip.Observation]]:
        rng = self.rng
        start = rng.uniform(2e9, 9e10)
        planned = rng.uniform(0.04, 0.12)
        goal = _money(start * (1 + planned) ** (END - BASE))
        qualifier = rng.choice([ip.Qualifier.EXACT, ip.Qualifier.AT_LEAST])
        target = ip.Target(
            metric, END, ip.Figure(goal.quantity, qualifier), kind="level"
        )
        values = self.path(start, planned * self.off(0.5, 1.4), LEVEL_YEARS)
        return target, self._levels(metric, values, _money)

    def _count(self, metric: str) -> tuple[ip.Target, list[ip.Observation]]:
        rng = self.rng
        start = rng.uniform(40, 3000)
        planned = rng.uniform(0.05, 0.15)
        # Whole numbers: the goal is a round figure, the counts are not near it.
        goal = round(start * (1 + planned) ** (END - BASE) / 10) * 10 + 5
        qualifier = rng.choice([ip.Qualifier.EXACT, ip.Qualifier.AT_LEAST])
        target = ip.Target(
            metric, END, ip.Figure(Q(Decimal(goal), ""), qualifier), kind="count"
        )
        values = self.path(start, planned * self.off(0.5, 1.4), LEVEL_YEARS)
        return target, self._levels(metric, values, _count)

    def _share_of_parts(self, metric: str) -> tuple[ip.Target, list[ip.Observation]]:
        """Value added as a share of the region's GDP; both observed."""
        rng = self.rng
        share = rng.uniform(3, 30)
        goal = share * rng.uniform(1.05, 1.3)
        target = ip.Target(metric, END, _percent(goal), kind="share", of="gdp")
        gain = (goal / share) ** (1 / (END - BASE)) - 1
        shares = self.path(share, gain * self.off(0.3, 1.6), LEVEL_YEARS)
        values = {y: self.gdp[y] * s / 100 for y, s in shares.items()}
        return target, self._levels(metric, values, _money)

    def _share_reported(self, metric: str) -> tuple[ip.Target, list[ip.Observation]]:
        """R&D intensity, reported as a percentage of GDP each year."""
        rng = self.rng
        share = rng.uniform(1.2, 3.2)
        goal = share + rng.uniform(0.2, 0.8)
        target = ip.Target(metric, END, _percent(goal), kind="share")
        gain = (goal / share) ** (1 / (END - BASE)) - 1
        shares = self.path(share, gain * self.off(0.3, 1.6), LEVEL_YEARS)
        return target, [
            # Four decimals: at two, two years' shares (or a share and the
            # goal) tie now and then, and a tie goes to the object path.
            ip.Observation(metric, y, _percent(s, 4), of="gdp")
            for y, s in shares.items()
        ]

    def _ratio(self, metric: str) -> tuple[ip.Target, list[ip.Observation]]:
        """每万人口发明专利拥有量: patents observed, the region's population too."""
        rng = self.rng
        per_10k = rng.uniform(5, 30)
        goal = Decimal(f"{per_10k * rng.uniform(1.2, 1.8):.1f}")
        figure = ip.Figure(Q(goal, ""), per=Decimal(10000), measure="件")
        target = ip.Target(metric, END, figure, kind="per-population ratio")
        gain = (float(goal) / per_10k) ** (1 / (END - BASE)) - 1
        ratios = self.path(per_10k, gain * self.off(0.3, 1.6), LEVEL_YEARS)
        values = {y: r * self.population[y] / 10000 for y, r in ratios.items()}
        return target, self._levels(metric, values, _count)

    def _growth_target(
        self, metric: str, change: ip.Change, year: int
    ) -> tuple[ip.Target, float]:
        rng = self.rng
        rate = rng.choice([5, 6, 6.5, 7, 8, 10])
        qualifier = rng.choice([ip.Qualifier.AT_LEAST, ip.Qualifier.EXACT])
        figure = ip.Figure(Q(Decimal(str(rate)), "percent"), qualifier, change=change)
        return ip.Target(metric, year, figure, kind="growth rate"), rate / 100

    def _rates(self, metric: str, rate: float) -> list[ip.Observation]:
        """Yearly growth rates as reported ("+6.43%"), around *rate*."""
        return [
            ip.Observation(metric, y, _rate(100 * rate * self.off(0.5, 1.5)))
            for y in RATE_YEARS
        ]

    def _average_growth(self, metric: str) -> tuple[ip.Target, list[ip.Observation]]:
        target, rate = self._growth_target(metric, ip.Change.AVERAGE_GROWTH, END)
        if self.rng.random() < 1 / 3:
            return target, self._rates(metric, rate)
        values = self.path(
            self.rng.uniform(5e9, 5e10), rate * self.off(0.6, 1.4), LEVEL_YEARS
        )
        return target, self._levels(metric, values, _money)

    def _one_year_growth(self, metric: str) -> tuple[ip.Target, list[ip.Observation]]:
        target, rate = self._growth_target(metric, ip.Change.GROWTH, 2024)
        return target, self._rates(metric, rate)

    def _increment(self, metric: str) -> tuple[ip.Target, list[ip.Observation]]:
        """新增N家 over the 2020 level."""
        rng = self.rng
        start = rng.uniform(30, 400)
        added = round(start * rng.uniform(0.3, 0.9))
        figure = ip.Figure(
            Q(Decimal(added), ""), change=ip.Change.INCREMENT, measure="家"
        )
        target = ip.Target(metric, END, figure, kind="increment")
        gain = ((start + added) / start) ** (1 / (END - BASE)) - 1
        values = self.path(start + 0.37, gain * self.off(0.4, 1.5), LEVEL_YEARS)
        return target, self._levels(metric, values, _count)

    def _reduction(
        self, metric: str, percent: bool
    ) -> tuple[ip.Target, list[ip.Observation]]:
        rng = self.rng
        start = rng.uniform(1e5, 5e6)
        cut = rng.uniform(8, 20)
        stated = _percent(cut) if percent else _tonnes(start * cut / 100)
        figure = ip.Figure(stated.quantity, change=ip.Change.REDUCTION)
        target = ip.Target(metric, END, figure, kind="reduction")
        fall = (1 - cut / 100) ** (1 / (END - BASE)) - 1
        values = self.path(start, fall * self.off(0.4, 1.5), LEVEL_YEARS)
        return target, self._levels(metric, values, _tonnes)

    def _amount_reduction(self, metric: str) -> tuple[ip.Target, list[ip.Observation]]:
        return self._reduction(metric, percent=False)

    def _percent_reduction(self, metric: str) -> tuple[ip.Target, list[ip.Observation]]:
        return self._reduction(metric, percent=True)

    def _level_cap(self, metric: str) -> tuple[ip.Target, list[ip.Observation]]:
        """不超过N吨: most years under the cap, some over."""
        rng = self.rng
        cap = round(rng.uniform(1e5, 5e6), -3)
        figure = ip.Figure(Q(Decimal(cap), "t"), ip.Qualifier.AT_MOST)
        target = ip.Target(metric, END, figure, kind="cap")
        values = self.path(
            cap * rng.uniform(0.8, 1.05), rng.uniform(-0.02, 0.03), LEVEL_YEARS
        )
        return target, self._levels(metric, values, _tonnes)

    def _growth_cap(self, metric: str) -> tuple[ip.Target, list[ip.Observation]]:
        """居民消费价格涨幅3%左右: yearly rates reported, around 1-4 %."""
        rng = self.rng
        figure = ip.Figure(
            Q(Decimal(3), "percent"),
            ip.Qualifier.ABOUT,
            approximate=True,
            change=ip.Change.GROWTH,
        )
        target = ip.Target(metric, 2024, figure, kind="cap")
        return target, [
            ip.Observation(
                metric,
                y,
                _rate(rng.uniform(0.2, 4.2)),
            )
            for y in RATE_YEARS
        ]

    def _cumulative(self, metric: str) -> tuple[ip.Target, list[ip.Observation]]:
        """累计新增就业N人 over 2021-2025, summed from yearly figures."""
        rng = self.rng
        yearly = rng.uniform(2e4, 2e5)
        goal = round(yearly * (END - BASE), -3)
        figure = ip.Figure(Q(Decimal(goal), ""), change=ip.Change.CUMULATIVE)
        target = ip.Target(metric, END, figure, kind="cumulative total")
        return target, [
            ip.Observation(metric, y, _count(yearly * self.off(0.7, 1.3) + 0.37))
            for y in RATE_YEARS
        ]

    def _qualitative(self, metric: str) -> tuple[ip.Target, list[ip.Observation]]:
        statement = {"en": "significant progress", "zh": "取得显著进展"}
        return ip.Target(
            metric, END, None, statement=statement, kind="qualitative aim"
        ), []


def _owners() -> list[str]:
    """Where targets sit: the region, two tiers, two industries in each."""
    return [
        "regional",
        "tier0",
        "tier1",
        "tier0/industry0",
        "tier0/industry1",
        "tier1/industry0",
        "tier1/industry1",
    ]


def plan(rng: random.Random, flavour: str, name: str) -> ip.IndustrialSystem:
    """One plan of *flavour* with :data:`TARGETS_PER_PLAN` targets."""
    if flavour not in _FLAVOUR_SHAPES:
        raise ValueError(f"flavour {flavour!r}: one of {', '.join(FLAVOURS)}")
    drawn = _Plan(rng)
    shapes = _FLAVOUR_SHAPES[flavour]
    owners = _owners()
    targets: dict[str, list[ip.Target]] = {o: [] for o in owners}
    observed: dict[str, list[ip.Observation]] = {o: [] for o in owners}
    used: dict[str, set[str]] = {o: set() for o in owners}
    for index in range(TARGETS_PER_PLAN):
        shape = shapes[index % len(shapes)]
        # The first metric some owner (from a rotating start) has no target of.
        owner, metric = next(
            (owners[(index + step) % len(owners)], metric)
            for metric in SHAPES[shape]
            for step in range(len(owners))
            if metric not in used[owners[(index + step) % len(owners)]]
        )
        used[owner].add(metric)
        target, observations = drawn.target(shape, metric)
        targets[owner].append(target)
        observed[owner].extend(observations)
    regional = observed["regional"]
    if flavour == "mixed":
        regional += [
            ip.Observation("gdp", y, _money(drawn.gdp[y])) for y in LEVEL_YEARS
        ]
        regional += [
            ip.Observation("population", y, _count(drawn.population[y]))
            for y in LEVEL_YEARS
        ]

    def industry(tier: int, n: int) -> ip.Industry:
        key = f"tier{tier}/industry{n}"
        return ip.Industry(
            f"industry{tier}_{n}",
            f"industry {tier}.{n}",
            targets=targets[key],
            observations=observed[key],
        )

    tiers = [
        ip.Tier(
            f"tier{t}",
            f"tier {t}",
            "cluster",
            [industry(t, 0), industry(t, 1)],
            targets=targets[f"tier{t}"],
            observations=observed[f"tier{t}"],
        )
        for t in (0, 1)
    ]
    return ip.IndustrialSystem(
        name={"en": name},
        region="region",
        start_year=START,
        end_year=END,
        tiers=tiers,
        regional=ip.Regional(targets=targets["regional"], observations=regional),
        metrics=METRICS,
    )


def plans(n: int, flavour: str, seed: int = 22) -> list[ip.IndustrialSystem]:
    """*n* plans of *flavour* (see the module's docstring), each named its own."""
    rng = random.Random(f"{flavour} {seed}")
    return [plan(rng, flavour, f"plan {i}") for i in range(n)]


def table(portfolio: list[ip.IndustrialSystem]) -> Any:
    """The plans' tables in one, as a caller concatenates them."""
    import pyarrow as pa

    tables = [ip.to_arrow(p) for p in portfolio]
    return pa.concat_tables(tables, promote_options="permissive")


def tiled(rows: int, flavour: str = "mixed", seed: int = 22) -> Any:
    """At least *rows* rows: a table of 50 generated plans repeated, each copy
    of each plan under a ``plan`` column value of its own."""
    import numpy as np
    import pyarrow as pa

    base = table(plans(50, flavour, seed))
    copies = -(-rows // base.num_rows)
    # The plan's name identifies it within a copy; the copy number besides.
    names = pa.compute.dictionary_encode(base.column("system")).combine_chunks()
    within = np.asarray(names.indices, dtype=np.int64)
    plan = (np.arange(copies, dtype=np.int64)[:, None] * 64 + within[None, :]).ravel()
    repeated = pa.concat_tables([base] * copies).combine_chunks()
    return repeated.append_column("plan", pa.array(plan))
