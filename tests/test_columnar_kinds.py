"""Every kind of target in one portfolio: the columnar path against the object path.

Plans mix levels, counts, shares (reported, and computed from their parts
with ``of``), ratios per head, growth rates, increments, reductions, caps,
cumulative totals and qualitative aims, as a region's plan does.  Whatever
the shape, :func:`industrial_plan.assess_table` must equal
:func:`industrial_plan.assess`; in the common shapes (exact figures, one
unit per metric, values away from every decision) each row of a kind in
:data:`VECTORISED_KINDS` must be assessed on whole columns.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.test_columnar import _compare_result
from tests.test_columnar_changes import METRICS as CHANGES_METRICS
from tests.test_columnar_changes import SHAPES as CHANGES_SHAPES
from tests.test_columnar_changes import _Builder
from tests.test_columnar_growth import _growth

import industrial_plan as ip
from industrial_plan.testing import verdict_bands

pa = pytest.importorskip("pyarrow")

# The kinds assessed on whole columns in their common shapes.  A share
# computed from its parts ("share from parts", a target with ``of``) is told
# from a share reported as such ("share"); the other labels are the
# target_kind column's.  Once a kind is vectorised, adding it here is all
# the test needs: the generator already draws it in its common shapes.
VECTORISED_KINDS = frozenset(
    {
        "level",
        "count",
        "share",
        "growth rate",
        "increment",
        "reduction",
        "cap",
        "cumulative total",
        "qualitative aim",
    }
)
EVERY_KIND = VECTORISED_KINDS | {"share from parts", "per-population ratio"}

Q = ip.ureg.Quantity
METRICS = [
    *CHANGES_METRICS,
    ip.Metric("patents", "invention patents", "count"),
]
# The new shapes of this file beside those of tests/test_columnar_changes.py
# and the growth shapes of tests/test_columnar_growth.py.
SHAPES = (
    "level",
    "count",
    "share",
    "share from parts",
    "per-population ratio",
    "growth",
    "qualitative aim",
    *CHANGES_SHAPES,
)
# Years the region's GDP and population are observed: every year a part can be.
_WHOLE_YEARS = range(2005, 2035)


def _label(kind: str, of: str | None) -> str:
    """The kind's label in :data:`VECTORISED_KINDS`."""
    return "share from parts" if kind == "share" and of is not None else kind


@attrs.define
class _Drawn:
    target: ip.Target
    observations: list[ip.Observation]


class _KindsBuilder(_Builder):
    """The changes' builder, with levels, shares, ratios and aims besides.

    A level-like series starts at x0 in the plan's first year and comes a
    drawn share of the way to its goal (``progress``): behind, on track,
    past the goal within its band and beyond it, never within a millionth
    of a decision in the common shapes.
    """

    def __init__(
        self, draw: st.DrawFn, start: int, loose: bool, gdp: dict, population: dict
    ) -> None:
        super().__init__(draw, start, loose)
        self.gdp, self.population = gdp, population

    def series(self, x0: Decimal, goal: Decimal, year: int) -> dict[int, Decimal]:
        """x0 at the start, the latest value, and one between now and then."""
        draw = self.draw
        latest = x0 + (goal - x0) * self.progress()
        latest_year = draw(st.integers(self.start + 1, year + 1))
        values = {self.start: x0, latest_year: latest}
        if latest_year - self.start >= 2 and draw(st.booleans()):
            middle = draw(st.integers(self.start + 1, latest_year - 1))
            values[middle] = (x0 + latest) / 2
        if self.loose and draw(st.booleans()):
            del values[self.start]  # the latest alone: no trend
        return values

    def direction(self) -> str | None:
        if not self.loose:
            return None
        return self.draw(st.sampled_from([None, "higher", "lower"]))

    def level(self, shape: str) -> _Drawn:
        """到2025年达到N亿元 or 超过N家: a level or a count, its way up."""
        draw = self.draw
        year = self.start + draw(st.integers(3, 8))
        metric, unit = (
            ("total_scale", "CNY") if shape == "level" else ("enterprises", "")
        )
        x0 = Decimal(draw(st.integers(2000, 90000)))
        goal = x0 * (1 + Decimal(draw(st.integers(30, 90))) / 100)
        values = self.series(x0, goal, year)
        target = ip.Target(
            metric,
            year,
            self.figure(goal, unit),
            kind=shape,
            direction=self.direction(),
        )
        observed = {y: self.figure(v, unit) for y, v in values.items()}
        return _Drawn(target, self.observed(metric, observed))

    def share(self) -> _Drawn:
        """R&D intensity, reported each year as a percentage of GDP."""
        draw = self.draw
        year = self.start + draw(st.integers(3, 8))
        x0 = Decimal(draw(st.integers(100, 500))) / 100
        goal = x0 + Decimal(draw(st.integers(50, 300))) / 100
        values = self.series(x0, goal, year)
        target = ip.Target(
            "rd_intensity",
            year,
            self.figure(goal, "percent"),
            kind="share",
            direction=self.direction(),
        )
        observations = [
            ip.Observation("rd_intensity", y, self.figure(v, "percent"), of="gdp")
            for y, v in sorted(values.items())
        ]
        return _Drawn(target, observations)

    def parts(self, shape: str) -> _Drawn:
        """A share of GDP or a ratio per 10,000 people, from its numerator
        observed here and its whole observed for the region."""
        draw = self.draw
        year = self.start + draw(st.integers(3, 8))
        if shape == "share from parts":
            metric, unit, whole, scale = "value_added", "CNY", self.gdp, Decimal(100)
            x0 = Decimal(draw(st.integers(200, 3000))) / 100
            goal = x0 * (1 + Decimal(draw(st.integers(20, 60))) / 100)
            figure = self.figure(goal.quantize(Decimal("0.01")), "percent")
            labels: dict[str, object] = {"of": "gdp"}
        else:
            metric, unit, whole, scale = "patents", "", self.population, Decimal(10000)
            x0 = Decimal(draw(st.integers(50, 300))) / 10
            goal = x0 * (1 + Decimal(draw(st.integers(20, 80))) / 100)
            figure = self.figure(goal.quantize(Decimal("0.1")), "", per=10000)
            labels = {}
        values = self.series(x0, figure.quantity.magnitude, year)
        kind = "share" if shape == "share from parts" else shape
        target = ip.Target(
            metric, year, figure, direction=self.direction(), kind=kind, **labels
        )
        parts = {y: self.figure(v * whole[y] / scale, unit) for y, v in values.items()}
        return _Drawn(target, self.observed(metric, parts))

    def aim(self) -> _Drawn:
        year = self.start + self.draw(st.integers(1, 8))
        statement = {"en": "significant progress", "zh": "取得显著进展"}
        target = ip.Target(
            "development", year, statement=statement, kind="qualitative aim"
        )
        return _Drawn(target, [])

    def kind(self, shape: str) -> _Drawn:
        if shape in ("level", "count"):
            return self.level(shape)
        if shape == "share":
            return self.share()
        if shape in ("share from parts", "per-population ratio"):
            return self.parts(shape)
        if shape == "qualitative aim":
            return self.aim()
        if shape == "growth":
            metric = self.draw(st.sampled_from(["value_added", "output_value"]))
            target, observed = self.draw(_growth(metric, self.start, self.loose))
            return _Drawn(target, observed)
        return self.drawn(shape)


@st.composite
def _portfolio_plan(draw: st.DrawFn, loose: bool = False) -> ip.IndustrialSystem:
    """A plan of targets of every kind, each in an industry of its own, with
    the region's GDP and population observed every year."""
    start = draw(st.integers(2010, 2020))
    # Whole numbers of ten thousands: a part of the whole is an exact decimal.
    gdp = {y: Decimal(10**8 + 37 * (y - 2005)) * 10000 for y in _WHOLE_YEARS}
    population = {y: Decimal(500 + 3 * (y - 2005)) * 10000 for y in _WHOLE_YEARS}
    builder = _KindsBuilder(draw, start, loose, gdp, population)
    shapes = draw(st.lists(st.sampled_from(SHAPES), min_size=1, max_size=8))
    industries = []
    for i, shape in enumerate(shapes):
        drawn = builder.kind(shape)
        industries.append(
            ip.Industry(
                f"industry{i}",
                f"industry {i}",
                targets=[drawn.target],
                observations=drawn.observations,
            )
        )
    wholes = [ip.Observation("gdp", y, ip.Figure(Q(v, "CNY"))) for y, v in gdp.items()]
    wholes += [
        ip.Observation("population", y, ip.Figure(Q(v, "")))
        for y, v in population.items()
    ]
    return ip.IndustrialSystem(
        name={"en": "plan"},
        region="region",
        start_year=start,
        end_year=start + 10,
        tiers=[ip.Tier("tier", "tier", "cluster", industries)],
        regional=ip.Regional(observations=wholes),
        metrics=METRICS,
    )


def _both(
    plans: list[ip.IndustrialSystem], **options: object
) -> tuple[list[dict], list[str]]:
    """The columnar rows of *plans* in one table, checked against the object
    path, and each row's kind label."""
    plans = [attrs.evolve(p, name={"en": f"plan {i}"}) for i, p in enumerate(plans)]
    records = [r for p in plans for r in ip.assess(p, **options).records()]  # type: ignore[arg-type]
    table = pa.concat_tables(
        [ip.to_arrow(p) for p in plans], promote_options="permissive"
    )
    result = ip.assess_table(table, **options)  # type: ignore[arg-type]
    assert result.num_rows == len(records)
    _compare_result(result, records)
    # Rows come back in the order of the target rows: their `of` tells shares apart.
    targets = table.filter(pa.compute.equal(table.column("kind"), "target"))
    labels = [
        _label(kind, of)
        for kind, of in zip(
            targets.column("target_kind").to_pylist(),
            targets.column("of").to_pylist(),
            strict=True,
        )
    ]
    return result.to_pylist(), labels


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(_portfolio_plan(), min_size=1, max_size=3))
def test_common_shapes_of_vectorised_kinds_take_no_object_path(plans: list) -> None:
    rows, labels = _both(plans)
    unexpected = Counter(
        (label, row["metric"], row["status"])
        for row, label in zip(rows, labels, strict=True)
        if label in VECTORISED_KINDS and row["method"] != "vectorised"
    )
    assert not unexpected, unexpected


@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    st.lists(_portfolio_plan(loose=True), min_size=1, max_size=3),
    st.none() | st.integers(2008, 2032),
    verdict_bands(),
)
def test_every_kind_in_any_shape_equals_the_object_path(
    plans: list, as_of: int | None, bands: ip.VerdictBands
) -> None:
    _both(plans, as_of=as_of, bands=bands)


# -- named examples --------------------------------------------------------------------


def _city() -> ip.IndustrialSystem:
    """A city's plan for 2021-2025 from the 2020 base, with one target of
    every kind, reviewed on figures up to 2023."""

    def obs(metric: str, values: dict[int, str], **extra: object) -> list:
        return [
            ip.Observation(metric, y, ip.parse_figure(v), **extra)  # type: ignore[arg-type]
            for y, v in values.items()
        ]

    stated = [
        ("total_scale", "800亿元", {2020: "520亿元", 2023: "671.3亿元"}, {}),
        ("enterprises", "超过80家", {2020: "52", 2023: "69"}, {}),
        ("rd_intensity", "3.2%", {2020: "2.41%", 2023: "2.83%"}, {"of": "gdp"}),
        ("value_added", "增长7%", {2023: "+6.4%"}, {}),
        ("output_value", "年均增长6%以上", {2020: "300亿元", 2023: "361.7亿元"}, {}),
        ("platforms", "新增10家", {2020: "12", 2023: "19"}, {}),
        ("energy", "下降13.5%", {2020: "1000吨", 2023: "905吨"}, {}),
        ("cpi", "增长控制在3%以内", {2023: "+2.1%"}, {}),
        (
            "new_jobs",
            "累计新增就业50万人",
            {2021: "11万", 2022: "10.6万", 2023: "10.2万"},
            {},
        ),
    ]
    targets, observations = [], []
    for metric, goal, values, extra in stated:
        # A one-year growth target is for the year reviewed.
        year = 2023 if goal == "增长7%" else 2025
        targets.append(ip.Target(metric, year, ip.parse_figure(goal)))
        observations += obs(metric, values, **extra)
    targets.append(
        ip.Target(
            "patents", 2025, ip.parse_figure("每万人口高价值发明专利拥有量达到20件")
        )
    )
    observations += obs("patents", {2020: "7600", 2023: "9801"})
    targets.append(
        ip.Target(
            "industrial_value_added",
            2025,
            ip.parse_figure("占地区生产总值比重达到25%"),
            of="gdp",
        )
    )
    observations += obs("industrial_value_added", {2020: "900亿元", 2023: "1180亿元"})
    observations += obs("gdp", {2020: "4000亿元", 2023: "4900亿元"})
    observations += obs("population", {2020: "530万", 2023: "541万"})
    targets.append(ip.Target("development", 2025, statement="取得显著进展"))
    metrics = [
        *METRICS,
        ip.Metric("platforms", "industrial internet platforms", "count"),
        ip.Metric("new_jobs", "new urban jobs", "count"),
    ]
    return ip.IndustrialSystem(
        name={"en": "city"},
        region="city",
        start_year=2020,
        end_year=2025,
        regional=ip.Regional(targets=targets, observations=observations),
        metrics=metrics,
    )


def test_a_city_plan_of_every_kind() -> None:
    """One target of each kind: every kind labelled, each vectorised kind on
    whole columns, every row equal to the object path."""
    rows, labels = _both([_city()])
    assert set(labels) == EVERY_KIND
    for row, label in zip(rows, labels, strict=True):
        if label in VECTORISED_KINDS:
            assert row["method"] == "vectorised", (label, row["status"])
    statuses = {label: row["status"] for row, label in zip(rows, labels, strict=True)}
    assert statuses["qualitative aim"] == "not quantified"
    assert statuses["cap"] == "within the cap"
