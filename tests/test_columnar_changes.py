"""Increments, reductions, caps and cumulative totals on whole columns.

Differential tests against the object path (:func:`industrial_plan.assess`):
plans of these kinds in their common shapes must all be assessed on whole
columns ("vectorised") and equal the object path; looser shapes (bounds,
estimates, missing years, ``as_of``, verdict bands) must equal it, whichever
path each row takes.
"""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.test_columnar import _compare_result, both_paths

import industrial_plan as ip
from industrial_plan.testing import verdict_bands

pa = pytest.importorskip("pyarrow")

Q = ip.ureg.Quantity
GROWTH = ip.Change.GROWTH
# Energy use: lower is better, in tonnes; consumer prices: a rate capped.
METRICS = [
    ip.Metric("energy", "energy use", "t", "lower"),
    ip.Metric("cpi", "consumer prices", "percent", "lower"),
]
SHAPES = (
    "increment",
    "amount reduction",
    "percent reduction",
    "level cap",
    "percent cap",
    "growth cap",
    "growth cap from levels",
    "cumulative",
)
# How far the latest value has come, as a share of the change planned:
# back, part of the way, past the target within its band and beyond it;
# never within a millionth of a decision for the ranges drawn below.
PROGRESS = ("-0.3", "0.25", "0.5", "0.8", "1.02", "1.5")
# Every value, on the loose shapes too: ties with targets and bands included.
LOOSE_PROGRESS = (*PROGRESS, "0", "1", "0.95", "1.05", "0.6")


@attrs.define
class _Drawn:
    """What one target's builder gives: the target and its observations."""

    target: ip.Target
    observations: list[ip.Observation]


class _Builder:
    """Draws targets of one shape and their observations, within *loose*."""

    def __init__(self, draw: st.DrawFn, start: int, loose: bool) -> None:
        self.draw, self.start, self.loose = draw, start, loose

    def figure(self, value: Decimal, unit: str, **labels: object) -> ip.Figure:
        """*value* in *unit*, exact unless loose (then any qualifier)."""
        draw = self.draw
        qualifier = ip.Qualifier.EXACT
        approximate = False
        if self.loose:
            qualifier = draw(st.sampled_from(list(ip.Qualifier)))
            approximate = qualifier is ip.Qualifier.ABOUT or draw(st.booleans())
        quantity = Q(value, unit)
        if unit == "CNY" and draw(st.booleans()):
            # In 万元: the table's values are in yuan whichever way it is stated.
            quantity = ip.amount(value / 10000, "万 CNY")
        return ip.Figure(quantity, qualifier, approximate=approximate, **labels)

    def progress(self) -> Decimal:
        return Decimal(
            self.draw(st.sampled_from(LOOSE_PROGRESS if self.loose else PROGRESS))
        )

    def observed(
        self, metric: str, values: dict[int, ip.Figure]
    ) -> list[ip.Observation]:
        """Observations of *values*; loose, some with an estimate besides."""
        found = [ip.Observation(metric, y, f) for y, f in sorted(values.items())]
        if self.loose and found and self.draw(st.booleans()):
            final = self.draw(st.sampled_from(found))
            factor = Decimal(self.draw(st.sampled_from(["0.9", "1.1"])))
            revised = attrs.evolve(
                final.figure,
                quantity=Q(
                    final.figure.quantity.magnitude * factor,
                    final.figure.quantity.units,
                ),
            )
            first = attrs.evolve(final, figure=revised, estimate=True)
            found.insert(found.index(final) + self.draw(st.integers(0, 1)), first)
        return found

    def years(self) -> tuple[int | None, int, int]:
        """The target's stated base year (or None), its start and its year."""
        draw = self.draw
        base = draw(st.none() | st.integers(self.start - 2, self.start + 1))
        begins = self.start if base is None else base
        return base, begins, begins + draw(st.integers(3, 8))

    def changed(self, shape: str) -> _Drawn:
        """An increment, or a reduction by an amount or in percent."""
        draw = self.draw
        base, begins, year = self.years()
        x0 = Decimal(draw(st.integers(2000, 90000)))
        if shape == "increment":
            metric, unit = draw(
                st.sampled_from([("enterprises", ""), ("total_scale", "CNY")])
            )
            share = Decimal(draw(st.integers(50, 90)))
            change = x0 * share / 100
            figure = self.figure(change, unit, change=ip.Change.INCREMENT)
            goal = x0 + change
        else:
            metric, unit = "energy", "t"
            share = Decimal(draw(st.integers(30, 45)))
            change = x0 * share / 100
            stated = share if shape == "percent reduction" else change
            figure = self.figure(
                stated,
                "percent" if shape == "percent reduction" else unit,
                change=ip.Change.REDUCTION,
            )
            goal = x0 - change
        latest = x0 + (goal - x0) * self.progress()
        latest_year = draw(st.integers(begins + 1, year + 1))
        values = {begins: self.figure(x0, unit), latest_year: self.figure(latest, unit)}
        if latest_year - begins >= 2 and draw(st.booleans()):
            middle = (x0 + latest) / 2
            values[draw(st.integers(begins + 1, latest_year - 1))] = self.figure(
                middle, unit
            )
        if self.loose and draw(st.booleans()):
            del values[begins]  # no level to start from: insufficient data
        kind = "increment" if shape == "increment" else "reduction"
        direction = None
        if self.loose:
            direction = draw(st.sampled_from([None, "higher", "lower"]))
        target = ip.Target(
            metric, year, figure, kind=kind, base_year=base, direction=direction
        )
        return _Drawn(target, self.observed(metric, values))

    def capped(self, shape: str) -> _Drawn:
        """A cap on a level, on a percentage, or on the yearly growth rate."""
        draw = self.draw
        year = self.start + draw(st.integers(1, 8))
        ratios = ["0.5", "0.8", "0.97", "1.1", "1.5"]
        if self.loose:
            ratios += ["1", "1.05", "0.95"]
        labels: dict[str, object] = {}
        if shape == "growth cap from levels":
            return self.capped_growth_of_levels(year)
        if shape == "growth cap":
            metric, unit = "cpi", "percent"
            cap = Decimal(draw(st.sampled_from(["2", "2.5", "3", "3.5"])))
            offsets = ["-2.1", "-0.7", "0.4", "1.3"]
            if self.loose:
                offsets += ["0", "0.5", "-0.5"]
            labels["change"] = GROWTH

            def value() -> Decimal:
                return cap + Decimal(draw(st.sampled_from(offsets)))
        else:
            metric, unit = (
                ("energy", "t") if shape == "level cap" else ("rd_intensity", "percent")
            )
            low = 500 if shape == "level cap" else 1
            high = 90000 if shape == "level cap" else 5
            cap = Decimal(draw(st.integers(low, high)))

            def value() -> Decimal:
                return cap * Decimal(draw(st.sampled_from(ratios)))

        qualifiers = ["at most", "less than", "exact"]
        if self.loose:
            qualifiers.append("about")
        qualifier = draw(st.sampled_from(qualifiers))
        figure = ip.Figure(
            Q(cap, unit),
            qualifier,
            approximate=qualifier == "about" or (self.loose and draw(st.booleans())),
            **labels,
        )
        years = draw(
            st.sets(st.integers(self.start - 1, year + 1), min_size=1, max_size=3)
        )
        if self.loose and draw(st.booleans()):
            years = set()  # nothing observed: insufficient data
        values = {y: self.figure(value(), unit, **labels) for y in years}
        target = ip.Target(metric, year, figure, kind="cap")
        observed = self.observed(metric, values)
        if shape == "growth cap" and self.loose and draw(st.booleans()):
            # Levels besides: rates are computed from them where none is reported.
            observed += [
                ip.Observation(metric, y, ip.Figure(Q(100 + y % 7, unit)))
                for y in draw(st.sets(st.integers(self.start - 1, year + 1)))
            ]
        return _Drawn(target, observed)

    def capped_growth_of_levels(self, year: int) -> _Drawn:
        """A cap on growth ("energy use to grow at most 2 %") and levels only."""
        draw = self.draw
        cap = Decimal(draw(st.sampled_from(["2", "2.5", "3", "3.5"])))
        offsets = ["-2.1", "-0.7", "0.4", "1.3"]
        qualifiers = ["at most", "less than", "exact"]
        if self.loose:
            offsets += ["0", "0.5", "-0.5"]
            qualifiers.append("about")
        qualifier = draw(st.sampled_from(qualifiers))
        figure = ip.Figure(
            Q(cap, "percent"),
            qualifier,
            approximate=qualifier == "about" or (self.loose and draw(st.booleans())),
            change=GROWTH,
        )
        years = draw(st.sets(st.integers(self.start - 1, year + 1), min_size=1))
        # Each year's level grows from the year before's by the cap and an offset.
        level = Decimal(draw(st.integers(1000, 9000)))
        values = {}
        for y in range(min(years), max(years) + 1):
            if y in years:
                values[y] = self.figure(level, "t")
            level *= 1 + (cap + Decimal(draw(st.sampled_from(offsets)))) / 100
        observed = self.observed("energy", values)
        if self.loose:
            bases = [None, *ip.PriceBasis]
            observed = [
                attrs.evolve(o, price_basis=draw(st.sampled_from(bases)))
                for o in observed
            ]
        target = ip.Target("energy", year, figure, kind="cap")
        return _Drawn(target, observed)

    def cumulative(self) -> _Drawn:
        """A total over the span, summed from yearly levels."""
        draw = self.draw
        base, begins, year = self.years()
        metric, unit = draw(
            st.sampled_from([("investment", "CNY"), ("enterprises", "")])
        )
        goal = Decimal(draw(st.integers(100, 9000))) * 10
        figure = self.figure(goal, unit, change=ip.Change.CUMULATIVE)
        last = draw(st.integers(begins + 1, year + 1))
        years = list(range(begins + 1, last + 1))
        if self.loose:
            years = sorted(draw(st.sets(st.integers(begins - 1, last), min_size=1)))
        # Parts of a hundredth of the goal with 0.37 besides: no sum of at
        # most nine meets the goal, its band or a threshold of R exactly.
        # Loose, a few years can meet the goal, and whole hundredths tie.
        most, besides = 40, Decimal("0.37")
        if self.loose:
            most, besides = 90, Decimal(draw(st.sampled_from(["0.37", "0"])))
        values = {
            y: self.figure(
                goal * (Decimal(draw(st.integers(5, most))) + besides) / 100, unit
            )
            for y in years
        }
        direction = draw(st.sampled_from([None, "lower"])) if self.loose else None
        target = ip.Target(
            metric,
            year,
            figure,
            kind="cumulative total",
            base_year=base,
            direction=direction,
        )
        return _Drawn(target, self.observed(metric, values))

    def drawn(self, shape: str) -> _Drawn:
        if shape in ("increment", "amount reduction", "percent reduction"):
            return self.changed(shape)
        if shape == "cumulative":
            return self.cumulative()
        return self.capped(shape)


@st.composite
def _plans(draw: st.DrawFn, loose: bool = False) -> ip.IndustrialSystem:
    """A plan of targets of the changes' kinds, each in an industry of its own."""
    start = draw(st.integers(2010, 2020))
    builder = _Builder(draw, start, loose)
    industries = []
    for i in range(draw(st.integers(1, 6))):
        drawn = builder.drawn(draw(st.sampled_from(SHAPES)))
        targets = [drawn.target]
        if draw(st.booleans()):
            # A second target of the same metric and owner, a year later.
            targets.append(attrs.evolve(drawn.target, year=drawn.target.year + 1))
        industries.append(
            ip.Industry(
                f"industry{i}",
                f"industry {i}",
                targets=targets,
                observations=drawn.observations,
            )
        )
    return ip.IndustrialSystem(
        name={"en": "plan"},
        region="region",
        start_year=start,
        end_year=start + 10,
        tiers=[ip.Tier("tier", "tier", "cluster", industries)],
        metrics=METRICS,
    )


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(_plans(), min_size=1, max_size=3))
def test_common_shapes_are_vectorised_and_equal_the_object_path(plans: list) -> None:
    result, records, _ = both_paths(plans)
    _compare_result(result, records)
    rows = result.to_pylist()  # type: ignore[attr-defined]
    methods = {(r["metric"], r["year"], r["target_kind"], r["method"]) for r in rows}
    assert {m[-1] for m in methods} == {"vectorised"}, methods


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    st.lists(_plans(loose=True), min_size=1, max_size=3),
    st.none() | st.integers(2008, 2032),
    st.none() | st.integers(2006, 2030),
    verdict_bands(),
)
def test_loose_shapes_equal_the_object_path(
    plans: list, as_of: int | None, baseline: int | None, bands: ip.VerdictBands
) -> None:
    result, records, _ = both_paths(
        plans, as_of=as_of, baseline_year=baseline, bands=bands
    )
    _compare_result(result, records)


# -- named examples --------------------------------------------------------------------


def _plan(
    targets: list[ip.Target], observations: list[ip.Observation]
) -> ip.IndustrialSystem:
    tier = ip.Tier(
        "tier", "tier", "cluster", targets=targets, observations=observations
    )
    return ip.IndustrialSystem(
        name={"en": "plan"},
        region="region",
        start_year=2020,
        end_year=2025,
        tiers=[tier],
        metrics=METRICS,
    )


def _level(metric: str, year: int, value: str, unit: str = "") -> ip.Observation:
    return ip.Observation(metric, year, ip.Figure(Q(Decimal(value), unit)))


def _row(plan: ip.IndustrialSystem, **options: object) -> dict:
    """The one target's row, checked against the object path."""
    result = ip.assess_table(ip.to_arrow(plan), **options)  # type: ignore[arg-type]
    _compare_result(result, ip.assess(plan, **options).records())  # type: ignore[arg-type]
    (row,) = result.to_pylist()
    return row


def test_ten_enterprises_added() -> None:
    """新增10家 from 100 in 2020: 104 by 2022 is on track for 110 by 2025."""
    target = ip.Target(
        "enterprises", 2025, ip.parse_figure("新增10家"), kind="increment"
    )
    plan = _plan(
        [target],
        [_level("enterprises", 2020, "100"), _level("enterprises", 2022, "104")],
    )
    row = _row(plan)
    assert (row["status"], row["verdict"], row["method"]) == (
        "on track",
        "as projected",
        "vectorised",
    )
    assert row["target_level"] == 110
    assert (row["baseline_year"], row["latest_year"]) == (2020, 2022)


def test_a_cut_in_percent_of_the_start_level() -> None:
    """下降13.5% from 1,000 t: the level implied is 865 t; 950 t by 2022 lags."""
    target = ip.Target("energy", 2025, ip.parse_figure("下降13.5%"), kind="reduction")
    observed = [_level("energy", 2020, "1000", "t"), _level("energy", 2022, "950", "t")]
    row = _row(_plan([target], observed))
    assert row["target_level"] == pytest.approx(865)
    assert (row["status"], row["verdict"], row["method"]) == (
        "acceleration needed",
        "higher than projected",
        "vectorised",
    )


def test_without_the_start_level_nothing_is_implied() -> None:
    target = ip.Target("energy", 2025, ip.parse_figure("下降13.5%"), kind="reduction")
    row = _row(_plan([target], [_level("energy", 2022, "950", "t")]))
    assert (row["status"], row["target_level"], row["method"]) == (
        "insufficient data",
        None,
        "vectorised",
    )


@pytest.mark.parametrize(
    ("rate", "status", "verdict"),
    [
        ("3.4", "within the cap", "as projected"),
        ("3.7", "cap exceeded", "higher than projected"),
        ("-0.3", "within the cap", "as projected"),
    ],
)
def test_consumer_prices_rise_of_about_three_percent(
    rate: str, status: str, verdict: str
) -> None:
    """增长3%左右: within the cap up to 3.5 % (half a point of "about")."""
    target = ip.Target("cpi", 2024, ip.parse_figure("增长3%左右"), kind="cap")
    observed = [
        ip.Observation("cpi", 2022, ip.parse_figure("增长2.1%")),
        ip.Observation(
            "cpi", 2023, ip.Figure(Q(Decimal(rate), "percent"), change=GROWTH)
        ),
    ]
    row = _row(_plan([target], observed))
    assert (row["status"], row["verdict"], row["method"]) == (
        status,
        verdict,
        "vectorised",
    )
    assert row["headroom_used"] == pytest.approx(float(rate) / 3)
    assert row["latest_year"] == 2023


def test_a_growth_cap_computed_from_levels_later_than_every_rate() -> None:
    """Levels of 2022 and 2023, a rate of 2022 only: 2023's growth is computed."""
    target = ip.Target("cpi", 2024, ip.parse_figure("增长3%左右"), kind="cap")
    observed = [
        ip.Observation("cpi", 2022, ip.parse_figure("增长2.1%")),
        _level("cpi", 2022, "100", "percent"),
        _level("cpi", 2023, "104", "percent"),
    ]
    row = _row(_plan([target], observed))
    assert (row["status"], row["latest_year"], row["method"]) == (
        "cap exceeded",
        2023,
        "vectorised",
    )
    assert row["actual"] == pytest.approx(4)


def test_growth_from_levels_at_comparable_prices_where_two_are() -> None:
    """Two levels at comparable prices: growth from those, not the later one."""
    target = ip.Target(
        "energy", 2025, ip.parse_figure("增长2%"), kind="cap", direction="lower"
    )
    comparable = ip.PriceBasis.COMPARABLE
    observed = [
        ip.Observation("energy", 2021, ip.Figure(Q(100, "t")), price_basis=comparable),
        ip.Observation("energy", 2022, ip.Figure(Q(101, "t")), price_basis=comparable),
        ip.Observation("energy", 2023, ip.Figure(Q(110, "t"))),
        ip.Observation("energy", 2024, ip.Figure(Q(120, "t"))),
    ]
    row = _row(_plan([target], observed))
    assert (row["status"], row["latest_year"], row["method"]) == (
        "within the cap",
        2022,
        "vectorised",
    )


@pytest.mark.parametrize(
    ("latest", "status", "method"),
    [
        # Surely over the cap of 900 t: exceeded.
        (ip.Figure(Q(950, "t"), "more than"), "cap exceeded", "vectorised"),
        # Could be under or over it: the bound does not decide.
        (ip.Figure(Q(850, "t"), "at least"), "insufficient data", "vectorised"),
        (ip.Figure(Q(850, "t"), "at most"), "within the cap", "vectorised"),
        # At the cap to the last digit: the object path decides.
        (ip.Figure(Q(900, "t")), "within the cap", "object"),
    ],
)
def test_a_cap_against_a_bound(latest: ip.Figure, status: str, method: str) -> None:
    target = ip.Target("energy", 2024, ip.Figure(Q(900, "t"), "at most"), kind="cap")
    row = _row(_plan([target], [ip.Observation("energy", 2023, latest)]))
    assert (row["status"], row["method"]) == (status, method)


def test_a_cumulative_total_with_a_missing_year_is_a_lower_bound() -> None:
    """累计投资500亿元 by 2025: 2022 unreported, the sum so far is at least 240亿."""
    target = ip.Target(
        "investment", 2025, ip.parse_figure("累计投资500亿元"), kind="cumulative total"
    )
    observed = [
        ip.Observation("investment", year, ip.Figure(ip.amount(value, "亿 CNY")))
        for year, value in ((2021, "100"), (2023, "140"))
    ]
    row = _row(_plan([target], observed))
    assert row["actual"] == 240e8
    assert row["actual_qualifier"] == "at least"
    assert row["ratio_qualifier"] == "at least"
    assert (row["status"], row["method"]) == ("acceleration needed", "vectorised")
    # At the target year, the year still missing leaves it undecided.
    observed.append(
        ip.Observation("investment", 2025, ip.Figure(ip.amount(100, "亿 CNY")))
    )
    row = _row(_plan([target], observed))
    assert (row["status"], row["verdict"], row["method"]) == (
        "insufficient data",
        None,
        "vectorised",
    )


def test_a_cumulative_total_of_bounds_on_opposite_sides_is_undecided() -> None:
    target = ip.Target(
        "investment", 2025, ip.parse_figure("累计投资500亿元"), kind="cumulative total"
    )
    observed = [
        ip.Observation(
            "investment", 2021, ip.Figure(ip.amount(100, "亿 CNY"), "more than")
        ),
        ip.Observation(
            "investment", 2022, ip.Figure(ip.amount(100, "亿 CNY"), "at most")
        ),
    ]
    row = _row(_plan([target], observed))
    assert (row["status"], row["actual"], row["method"]) == (
        "insufficient data",
        None,
        "vectorised",
    )


def test_a_total_that_meets_its_goal_exactly_is_decided_by_the_object_path() -> None:
    """Floats could put a sum of exact decimals a hair under its goal."""
    target = ip.Target(
        "investment", 2025, ip.parse_figure("累计投资300亿元"), kind="cumulative total"
    )
    observed = [
        ip.Observation("investment", year, ip.Figure(ip.amount(value, "亿 CNY")))
        for year, value in ((2021, "100.1"), (2022, "99.7"), (2023, "100.2"))
    ]
    row = _row(_plan([target], observed))
    assert (row["status"], row["method"]) == ("target achieved", "object")


def test_a_metric_targeted_but_never_observed_survives_the_object_path() -> None:
    """The plan rebuilt for the object path reads the metric's unit off its target."""
    never = ip.Target("energy", 2024, ip.Figure(Q(900, "t"), "at most"), kind="cap")
    # At its cap to the last digit: this one takes the object path, and the
    # plan is rebuilt from the table's rows.
    tie = ip.Target("cpi", 2024, ip.parse_figure("增长3%左右"), kind="cap")
    observed = [ip.Observation("cpi", 2023, ip.parse_figure("增长3.5%"))]
    plan = _plan([never, tie], observed)
    result = ip.assess_table(ip.to_arrow(plan))
    _compare_result(result, ip.assess(plan).records())
    assert result.column("method").to_pylist() == ["vectorised", "object"]


def test_a_metric_only_changed_by_an_amount_survives_the_object_path() -> None:
    """With no level of the metric anywhere, the amount of its change gives the
    unit ("reduction of 830 t"), not a count (found by the differential test)."""
    cut = ip.Target("energy", 2024, ip.parse_figure("reduction of 830 t"))
    tie = ip.Target("cpi", 2024, ip.parse_figure("增长3%左右"), kind="cap")
    observed = [ip.Observation("cpi", 2023, ip.parse_figure("增长3.5%"))]
    plan = _plan([cut, tie], observed)
    result = ip.assess_table(ip.to_arrow(plan))
    _compare_result(result, ip.assess(plan).records())
    assert result.column("method").to_pylist()[-1] == "object"
