"""Every kind of target on the columnar path against the object path (issue 22).

Portfolios of several plans mixing every kind a plan states: levels, counts,
shares from their parts (``of="gdp"``) and as reported, ratios per 10,000
people, average and one-year growth, increments, reductions (by an amount
and in percent), caps (of a level and of yearly growth), cumulative totals
and qualitative aims.  :func:`industrial_plan.assess_table` on their
concatenated tables must equal :func:`industrial_plan.assess` on each plan,
whatever the figures; and in the shapes portfolios commonly have, the kinds
of :data:`VECTORISED_KINDS` must all be assessed on whole columns.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.test_columnar import _compare_result, both_paths

import industrial_plan as ip
from industrial_plan.testing import verdict_bands

pa = pytest.importorskip("pyarrow")

# The kinds assessed on whole columns in their common shapes, as labelled by
# :func:`_label`: a share is "share with of" when computed from its parts,
# "share reported" when reported as a percentage.  Still on the object path:
# "share with of" and "per-population ratio" (add them once they are not).
VECTORISED_KINDS = frozenset(
    {
        "level",
        "count",
        "share reported",
        "qualitative aim",
        "growth rate",
        "increment",
        "reduction",
        "cap",
        "cumulative total",
        "share with of",
        "per-population ratio",
    }
)

Q = ip.ureg.Quantity
GROWTH = ip.Change.GROWTH
METRICS = [
    ip.Metric("patents", "invention patents", "count"),
    ip.Metric("platforms", "industrial internet platforms", "count"),
    ip.Metric("new_jobs", "new urban jobs", "count"),
    ip.Metric("energy", "energy use", "t", "lower"),
    ip.Metric("water", "water use", "t", "lower"),
    ip.Metric("emissions", "emissions", "t", "lower"),
    ip.Metric("cpi", "consumer prices", "percent", "lower"),
]
_MONEY = ("total_scale", "output_value", "investment")
# Each shape and the metrics it may be stated for, first choice first.
SHAPES: dict[str, tuple[str, ...]] = {
    "level": _MONEY,
    "count": ("enterprises", "platforms"),
    "share of parts": ("value_added",),
    "share reported": ("rd_intensity",),
    "ratio": ("patents",),
    "average growth": ("industrial_value_added", *_MONEY),
    "growth rates": ("industrial_value_added", *_MONEY),
    "one-year growth": ("output_value", "investment"),
    "increment": ("platforms", "enterprises"),
    "amount reduction": ("energy",),
    "percent reduction": ("water",),
    "level cap": ("emissions",),
    "growth cap": ("cpi",),
    "cumulative": ("new_jobs",),
    "qualitative": ("development",),
}
# Yearly growth of the observed path and the multiples a target states: no
# product of three rates (or its projection, compound or linear, to the
# target's year) comes within 3e-4 of a multiple or of a default band's edge
# (5 % of it), so no value is within a millionth of a decision.
RATES = ("-0.0311", "0.0213", "0.0517", "0.0893", "0.1237")
MULTIPLES = ("1.137", "1.371", "1.612", "1.944")
# Loose, the round ones besides: ties with targets and band edges.
LOOSE_RATES = (*RATES, "0", "0.05", "0.1")
LOOSE_MULTIPLES = (*MULTIPLES, "1", "1.05", "1.5")
OWNERS = ("regional", "tier", "industry0", "industry1")


class _Builder:
    """Draws one plan's targets and observations; *loose* draws any figures."""

    def __init__(self, draw: st.DrawFn, start: int, loose: bool) -> None:
        self.draw, self.start, self.loose = draw, start, loose
        # Observed the four years from the plan's start, the year before the
        # review; targets are for the plan's last year.
        self.years = tuple(range(start, start + 4))
        self.end = start + 5
        self.gdp = Decimal(draw(st.integers(10**5, 10**7))) * 10**4
        # Five million people and more: 5,000 patents and more at 10 per
        # 10,000 people, whole numbers within 1e-4 of their ratio's path.
        self.population = Decimal(draw(st.integers(500, 9000))) * 10**4

    def pick(self, strict: tuple[str, ...], loose: tuple[str, ...]) -> Decimal:
        return Decimal(self.draw(st.sampled_from(loose if self.loose else strict)))

    def figure(self, value: Decimal, unit: str, **form: Any) -> ip.Figure:
        """*value* in *unit*: exact, or loose any qualifier and an estimate."""
        draw = self.draw
        qualifier, approximate = ip.Qualifier.EXACT, False
        if self.loose:
            qualifier = draw(st.sampled_from(list(ip.Qualifier)))
            approximate = qualifier is ip.Qualifier.ABOUT or draw(st.booleans())
        quantity = Q(value, unit)
        if unit == "CNY" and self.loose and draw(st.booleans()):
            quantity = ip.amount(value / 10**8, "亿 CNY")
        return ip.Figure(quantity, qualifier, approximate=approximate, **form)

    def goal(self, value: Decimal, unit: str, **form: Any) -> ip.Figure:
        """A target's figure: exact or "at least" in the common shapes."""
        figure = self.figure(value, unit, **form)
        if not self.loose and self.draw(st.booleans()):
            figure = attrs.evolve(figure, qualifier=ip.Qualifier.AT_LEAST)
        return figure

    def path(self, start: Decimal, places: str) -> dict[int, Decimal]:
        """Yearly values from *start* at a growth drawn per year."""
        values, value = {}, start
        for year in self.years:
            values[year] = value.quantize(Decimal(places))
            value *= 1 + self.pick(RATES, LOOSE_RATES)
        return values

    def observed(
        self, metric: str, values: dict[int, ip.Figure], **labels: Any
    ) -> list[ip.Observation]:
        """Observations of *values*; loose, some left out, some estimated."""
        draw = self.draw
        found = [
            ip.Observation(metric, y, f, **labels) for y, f in sorted(values.items())
        ]
        if self.loose and found:
            found = [o for o in found if draw(st.integers(0, 5))]
            if found and draw(st.booleans()):
                final = draw(st.sampled_from(found))
                magnitude = final.figure.quantity.magnitude * Decimal("1.1")
                revised = attrs.evolve(
                    final.figure, quantity=Q(magnitude, final.figure.quantity.units)
                )
                first = attrs.evolve(final, figure=revised, estimate=True)
                found.insert(found.index(final) + draw(st.integers(0, 1)), first)
        return found

    def levels(
        self, metric: str, start: Decimal, unit: str, places: str = "0.01"
    ) -> list[ip.Observation]:
        path = self.path(start, places)
        return self.observed(metric, {y: self.figure(v, unit) for y, v in path.items()})

    def drawn(self, shape: str, metric: str) -> tuple[ip.Target, list[ip.Observation]]:
        """A target of *shape* for *metric*, and its observations."""
        draw, end = self.draw, self.end
        multiple = self.pick(MULTIPLES, LOOSE_MULTIPLES)
        if shape in ("level", "count"):
            unit, places = ("CNY", "0.01") if shape == "level" else ("", "1")
            # Counts of ten thousand and more: rounding to whole numbers moves
            # a value by 5e-5 at most, well inside the margins of RATES.
            start = Decimal(draw(st.integers(10**4, 10**5)))
            if unit:
                start *= 10**6
            goal = (start * multiple).quantize(Decimal(places))
            target = ip.Target(metric, end, self.goal(goal, unit), kind=shape)
            return target, self.levels(metric, start, unit, places)
        if shape == "share of parts":
            share = Decimal(draw(st.sampled_from(["5.3", "12.7", "23.1"])))
            # Goals unrounded: a goal rounded to a tenth could meet a value.
            goal = share * multiple
            target = ip.Target(
                metric, end, self.goal(goal, "percent"), kind="share", of="gdp"
            )
            shares = self.path(share, "0.0001")
            gdp = self.gdp_path()
            values = {
                y: self.figure((gdp[y] * s / 100).quantize(Decimal(1)), "CNY")
                for y, s in shares.items()
            }
            return target, self.observed(metric, values)
        if shape == "share reported":
            share = Decimal(draw(st.sampled_from(["1.37", "2.13", "2.91"])))
            goal = share * multiple
            target = ip.Target(metric, end, self.goal(goal, "percent"), kind="share")
            shares = self.path(share, "0.00001")
            values = {y: self.figure(s, "percent") for y, s in shares.items()}
            return target, self.observed(metric, values, of="gdp")
        if shape == "ratio":
            ratio = Decimal(draw(st.integers(100, 300))) / 10
            goal = ratio * multiple
            figure = self.goal(goal, "", per=Decimal(10000), measure="件")
            target = ip.Target(metric, end, figure, kind="per-population ratio")
            ratios = self.path(ratio, "0.0001")
            people = self.population_path()
            values = {
                y: self.figure((r * people[y] / 10000).quantize(Decimal(1)), "")
                for y, r in ratios.items()
            }
            return target, self.observed(metric, values)
        if shape in ("average growth", "growth rates", "one-year growth"):
            return self.growth(shape, metric)
        if shape == "increment":
            start = Decimal(draw(st.integers(10**4, 10**5)))
            added = (start * (multiple - 1)).quantize(Decimal(1))
            figure = self.goal(added, "", change=ip.Change.INCREMENT)
            target = ip.Target(metric, end, figure, kind="increment")
            return target, self.levels(metric, start, "", "1")
        if shape in ("amount reduction", "percent reduction"):
            start = Decimal(draw(st.integers(10**4, 10**7)))
            cut = Decimal(draw(st.sampled_from(["8.3", "13.5", "19.7"])))
            if shape == "percent reduction":
                figure = self.figure(cut, "percent", change=ip.Change.REDUCTION)
            else:
                amount = (start * cut / 100).quantize(Decimal("0.1"))
                figure = self.figure(amount, "t", change=ip.Change.REDUCTION)
            target = ip.Target(metric, end, figure, kind="reduction")
            return target, self.levels(metric, start, "t", "0.1")
        if shape in ("level cap", "growth cap"):
            return self.capped(shape, metric)
        if shape == "cumulative":
            return self.cumulative(metric)
        statement = {"en": "significant progress", "zh": "取得显著进展"}
        return ip.Target(
            metric, end, None, statement=statement, kind="qualitative aim"
        ), []

    def gdp_path(self) -> dict[int, Decimal]:
        return {
            y: (self.gdp * Decimal("1.0613") ** (y - self.start)).quantize(Decimal(1))
            for y in self.years
        }

    def population_path(self) -> dict[int, Decimal]:
        return {
            y: (self.population * Decimal("1.0041") ** (y - self.start)).quantize(
                Decimal(1)
            )
            for y in self.years
        }

    def denominators(self) -> list[ip.Observation]:
        """The region's GDP and population, observed the same years."""
        gdp = [
            ip.Observation("gdp", y, ip.Figure(Q(v, "CNY")))
            for y, v in self.gdp_path().items()
        ]
        people = [
            ip.Observation("population", y, ip.Figure(Q(v, "")))
            for y, v in self.population_path().items()
        ]
        return gdp + people

    def growth(self, shape: str, metric: str) -> tuple[ip.Target, list[ip.Observation]]:
        """Average growth on levels or on reported rates; growth in one year."""
        draw = self.draw
        goal = Decimal(draw(st.sampled_from(["5", "6.5", "8"])))
        if self.loose:
            goal = Decimal(draw(st.integers(-20, 150))) / 10
        one_year = shape == "one-year growth"
        change = GROWTH if one_year else ip.Change.AVERAGE_GROWTH
        year = self.years[-1] if one_year else self.end
        target = ip.Target(
            metric, year, self.goal(goal, "percent", change=change), kind="growth rate"
        )
        if shape == "average growth":
            start = Decimal(draw(st.integers(100, 90000))) * 10**6
            return target, self.levels(metric, start, "CNY")
        # Reported rates, a thousandth of a point besides: never the goal's.
        rates = {
            y: self.figure(
                100 * self.pick(RATES, LOOSE_RATES) + Decimal("0.003"),
                "percent",
                change=GROWTH,
            )
            for y in self.years[1:]
        }
        return target, self.observed(metric, rates)

    def capped(self, shape: str, metric: str) -> tuple[ip.Target, list[ip.Observation]]:
        """A level cap (不超过), or a cap on yearly growth (consumer prices)."""
        draw = self.draw
        qualifiers = ["at most", "less than", "exact"]
        if self.loose:
            qualifiers.append("about")
        qualifier = draw(st.sampled_from(qualifiers))
        if shape == "level cap":
            cap, unit, form = Decimal(draw(st.integers(500, 90000))), "t", {}
            ratios = ["0.713", "0.872", "0.961", "1.083", "1.217"]
            if self.loose:
                ratios += ["1", "1.05", "0.95"]
            values = [cap * Decimal(draw(st.sampled_from(ratios))) for _ in self.years]
        else:
            cap, unit = Decimal(draw(st.sampled_from(["2", "3", "3.5"]))), "percent"
            form = {"change": GROWTH}
            offsets = ["-2.1", "-0.7", "0.4", "1.3"]
            if self.loose:
                offsets += ["0", "0.5", "-0.5"]
            values = [cap + Decimal(draw(st.sampled_from(offsets))) for _ in self.years]
        figure = ip.Figure(
            Q(cap, unit),
            qualifier,
            approximate=qualifier == "about" or (self.loose and draw(st.booleans())),
            **form,
        )
        target = ip.Target(metric, self.end, figure, kind="cap")
        observed = {
            y: self.figure(v, unit, **form)
            for y, v in zip(self.years, values, strict=True)
        }
        return target, self.observed(metric, observed)

    def cumulative(self, metric: str) -> tuple[ip.Target, list[ip.Observation]]:
        """A total over the span from the plan's start, summed from yearly figures."""
        draw = self.draw
        goal = Decimal(draw(st.integers(100, 9000))) * 10
        figure = self.goal(goal, "", change=ip.Change.CUMULATIVE)
        target = ip.Target(metric, self.end, figure, kind="cumulative total")
        # Parts of a hundredth of the goal with 0.37 besides: no sum of at
        # most four meets the goal or the edge of its band exactly.
        most, besides = (90, Decimal(0)) if self.loose else (40, Decimal("0.37"))
        values = {
            y: self.figure(
                goal * (Decimal(draw(st.integers(5, most))) + besides) / 100, ""
            )
            for y in self.years[1:]
        }
        return target, self.observed(metric, values)


@st.composite
def portfolio_plans(draw: st.DrawFn, loose: bool = False) -> ip.IndustrialSystem:
    """A plan of targets of every kind (drawn), each owner with its own metrics."""
    start = draw(st.integers(2010, 2020))
    builder = _Builder(draw, start, loose)
    targets: dict[str, list[ip.Target]] = {o: [] for o in OWNERS}
    observed: dict[str, list[ip.Observation]] = {o: [] for o in OWNERS}
    for shape in draw(st.lists(st.sampled_from(list(SHAPES)), min_size=1, max_size=8)):
        owner = draw(st.sampled_from(OWNERS))
        used = {t.metric for t in targets[owner]}
        free = [m for m in SHAPES[shape] if m not in used]
        if not free:
            continue  # every metric of the shape taken here: one target fewer
        target, observations = builder.drawn(shape, free[0])
        targets[owner].append(target)
        observed[owner] += observations
    observed["regional"] += builder.denominators()
    industries = [
        ip.Industry(o, o, targets=targets[o], observations=observed[o])
        for o in ("industry0", "industry1")
    ]
    tier = ip.Tier(
        "tier",
        "tier",
        "cluster",
        industries,
        targets=targets["tier"],
        observations=observed["tier"],
    )
    return ip.IndustrialSystem(
        name={"en": "plan"},
        region="region",
        start_year=start,
        end_year=builder.end,
        tiers=[tier],
        regional=ip.Regional(
            targets=targets["regional"], observations=observed["regional"]
        ),
        metrics=METRICS,
    )


_OWNER = ("system", "tier", "industry", "metric", "year", "target_kind")


def _label(table: Any, rows: list[dict[str, Any]]) -> list[str]:
    """Each result row's kind as :data:`VECTORISED_KINDS` names it: its
    target kind, a share told apart by whether its target has an ``of``."""
    targets = [r for r in table.to_pylist() if r["kind"] == "target"]
    of = {tuple(t[k] for k in _OWNER): t["of"] for t in targets}
    labels = []
    for row in rows:
        kind = row["target_kind"]
        if kind == "share":
            whole = of[tuple(row[k] for k in _OWNER)]
            kind = "share reported" if whole is None else "share with of"
        labels.append(kind)
    return labels


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(portfolio_plans(), min_size=1, max_size=3))
def test_common_shapes_of_every_kind_on_whole_columns(plans: list) -> None:
    """Exact figures, one unit per metric, values away from every decision:
    equal to the object path, and no row of VECTORISED_KINDS on objects."""
    result, records, table = both_paths(plans)
    _compare_result(result, records)
    rows = result.to_pylist()
    on_objects = {
        (label, row["metric"], row["year"])
        for label, row in zip(_label(table, rows), rows, strict=True)
        if label in VECTORISED_KINDS and row["method"] != "vectorised"
    }
    assert not on_objects, on_objects


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    st.lists(portfolio_plans(loose=True), min_size=1, max_size=3),
    st.none() | st.integers(2008, 2028),
    st.none() | st.integers(2008, 2026),
    verdict_bands(),
)
def test_every_kind_equals_the_object_path(
    plans: list, as_of: int | None, baseline: int | None, bands: ip.VerdictBands
) -> None:
    """Any qualifiers, estimates, years left out, ties, as_of and bands."""
    result, records, _ = both_paths(
        plans, as_of=as_of, baseline_year=baseline, bands=bands
    )
    _compare_result(result, records)


# -- named examples --------------------------------------------------------------------


def _plan(
    targets: list[ip.Target], observations: list[ip.Observation]
) -> ip.IndustrialSystem:
    return ip.IndustrialSystem(
        name={"en": "plan"},
        region="region",
        start_year=2021,
        end_year=2025,
        regional=ip.Regional(targets=targets, observations=observations),
        metrics=METRICS,
    )


def _rows(plan: ip.IndustrialSystem) -> list[dict[str, Any]]:
    """The plan's rows, checked against the object path."""
    result = ip.assess_table(ip.to_arrow(plan))
    _compare_result(result, ip.assess(plan).records())
    rows: list[dict[str, Any]] = result.to_pylist()
    return rows


def test_a_share_of_gdp_from_its_parts() -> None:
    """占地区生产总值比重达到25%: 230 of 1,000 in 2023, up from 200 of 950."""
    target = ip.Target(
        "value_added", 2025, ip.parse_figure("25%"), kind="share", of="gdp"
    )
    observed = [
        ip.Observation(metric, year, ip.Figure(ip.amount(value, "亿 CNY")))
        for metric, year, value in (
            ("value_added", 2021, 200),
            ("value_added", 2023, 230),
            ("gdp", 2021, 950),
            ("gdp", 2023, 1000),
        )
    ]
    (row,) = _rows(_plan([target], observed))
    assert row["actual"] == pytest.approx(23)
    assert row["latest_year"] == 2023
    assert row["status"] == "on track"


def test_patents_per_ten_thousand_people() -> None:
    """每万人口发明专利拥有量达到12件: 11,800 patents of 10 million people is
    11.8 per 10,000 in 2024."""
    target = ip.Target(
        "patents", 2025, ip.parse_figure("每万人口发明专利拥有量达到12件")
    )
    observed = [
        ip.Observation("patents", 2023, ip.Figure(Q(10500, ""))),
        ip.Observation("patents", 2024, ip.Figure(Q(11800, ""))),
        ip.Observation("population", 2023, ip.parse_figure("1000万")),
        ip.Observation("population", 2024, ip.parse_figure("1000万")),
    ]
    (row,) = _rows(_plan([target], observed))
    assert row["target_kind"] == "per-population ratio"
    assert row["actual"] == pytest.approx(11.8)
    assert row["status"] == "on track"


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_plan_of_every_kind_is_labelled_and_assessed(data: st.DataObject) -> None:
    """One target of each shape at the region: every kind present, the
    labels telling the two shares apart, the common shapes' kinds on whole
    columns."""
    builder = _Builder(data.draw, 2020, loose=False)
    targets, observations = [], []
    for shape, metrics in SHAPES.items():
        if shape == "growth rates":
            continue  # its metric is average growth's
        target, observed = builder.drawn(shape, metrics[0])
        targets.append(target)
        observations += observed
    plan = _plan(targets, observations + builder.denominators())
    result = ip.assess_table(ip.to_arrow(plan))
    _compare_result(result, ip.assess(plan).records())
    rows = result.to_pylist()
    labels = _label(ip.to_arrow(plan), rows)
    assert set(labels) == VECTORISED_KINDS | {"share with of", "per-population ratio"}
    on_objects = {
        label
        for label, row in zip(labels, rows, strict=True)
        if row["method"] != "vectorised"
    }
    assert not on_objects & VECTORISED_KINDS, on_objects
