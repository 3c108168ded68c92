"""Shares and ratios per head computed from their parts, on whole columns.

Differential tests against the object path (:func:`industrial_plan.assess`):
shares of a whole and ratios per head in their common shapes (exact parts,
one unit per metric, values away from decisions) must all be assessed on
whole columns ("vectorised") and equal the object path; looser shapes
(bounds, estimates, denominators missing in some years, price bases, shares
also reported as such, ``as_of``, verdict bands) must equal it, whichever
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
# (target metric, its unit, kind, the metric it is of, per): shares of GDP,
# enterprises per 10,000 people and GDP per head.
SHAPES = (
    ("rd_spending", "CNY", "share", "gdp", None),
    ("industrial_value_added", "CNY", "share", "gdp", None),
    ("enterprises", "", "share", "population", None),
    ("enterprises", "", "per-population ratio", None, 10000),
    ("enterprises", "", "per-population ratio", "population", 1000),
    ("gdp", "CNY", "per-population ratio", None, 1),
)
# The goal as a multiple of the latest quotient: met by far, met, missed by
# a little and by a lot; none near a band's edge for the values drawn.
FACTORS = ("0.5", "0.83", "1.37", "1.9", "3.1")
WHOLES = {"gdp": "CNY", "population": ""}


@attrs.define
class _Owned:
    """One owner's targets and observations."""

    targets: list[ip.Target] = attrs.Factory(list)
    observations: list[ip.Observation] = attrs.Factory(list)


class _Builder:
    """Draws share and ratio targets with the observations of their parts."""

    def __init__(self, draw: st.DrawFn, start: int, loose: bool) -> None:
        self.draw, self.start, self.loose = draw, start, loose
        # The region's wholes, every year: where an industry has none.
        self.regional = _Owned()
        for whole, unit in WHOLES.items():
            for year in range(start - 2, start + 11):
                self.regional.observations.append(
                    ip.Observation(whole, year, self.figure(self.whole(), unit))
                )

    def whole(self) -> Decimal:
        return Decimal(self.draw(st.integers(10**6, 10**9)))

    def figure(self, value: Decimal, unit: str, **labels: object) -> ip.Figure:
        """*value* in *unit*: exact, unless loose (then any qualifier)."""
        qualifier, approximate = ip.Qualifier.EXACT, False
        if self.loose and self.draw(st.integers(0, 3)) == 0:
            qualifier = self.draw(st.sampled_from(list(ip.Qualifier)))
            approximate = qualifier is ip.Qualifier.ABOUT or self.draw(st.booleans())
        return ip.Figure(Q(value, unit), qualifier, approximate=approximate, **labels)

    def owned(self) -> _Owned:
        """An industry's target of one shape and the parts it is computed from."""
        draw = self.draw
        metric, unit, kind, of, per = draw(st.sampled_from(SHAPES))
        whole = of or "population"
        year = self.start + draw(st.integers(3, 8))
        # Common shapes: two years or more from the start, so that the
        # baseline is not the latest value (that is flagged, as for levels).
        low, least = (self.start - 1, 0) if self.loose else (self.start, 2)
        years = sorted(
            draw(st.sets(st.integers(low, year), min_size=least, max_size=4))
        )
        own_whole = draw(st.booleans())
        scale = Decimal(100) if kind == "share" else Decimal(per)
        # Each year's quotient: a level that grows or falls by a drawn step.
        quotient = Decimal(draw(st.integers(200, 3000))) / 100
        step = Decimal(draw(st.sampled_from(["-0.07", "0.03", "0.11", "0.23"])))
        owned = _Owned()
        latest = None
        for y in years:
            denominator = self.whole()
            numerator = (quotient * denominator / scale).quantize(Decimal("0.01"))
            latest = numerator / denominator * scale
            owned.observations.append(
                ip.Observation(metric, y, self.figure(numerator, unit))
            )
            if own_whole:
                owned.observations.append(
                    ip.Observation(whole, y, self.figure(denominator, WHOLES[whole]))
                )
            else:
                self.regional.observations = [
                    o
                    for o in self.regional.observations
                    if (o.metric, o.year) != (whole, y)
                ]
                self.regional.observations.append(
                    ip.Observation(whole, y, self.figure(denominator, WHOLES[whole]))
                )
            quotient *= 1 + step
        goal = (latest or quotient) * Decimal(draw(st.sampled_from(FACTORS)))
        goal = goal.quantize(Decimal("0.0001"))
        labels: dict[str, object] = {} if per is None else {"per": per}
        goal_unit = "percent" if kind == "share" else unit
        owned.targets.append(
            ip.Target(
                metric,
                year,
                self.figure(goal, goal_unit, **labels),
                kind=kind,
                of=of,
                direction=draw(st.sampled_from([None, "higher", "lower"])),
            )
        )
        if self.loose:
            self.loosen(owned, metric, whole)
        return owned

    def loosen(self, owned: _Owned, metric: str, whole: str) -> None:
        """Estimates, years without a whole, price bases and reported shares."""
        draw = self.draw
        found = owned.observations
        if found and draw(st.booleans()):
            first = draw(st.sampled_from(found))
            revised = attrs.evolve(
                first.figure,
                quantity=first.figure.quantity * Decimal("1.1"),
            )
            estimate = attrs.evolve(first, figure=revised, estimate=True)
            found.insert(found.index(first) + draw(st.integers(0, 1)), estimate)
        if found and draw(st.booleans()):
            # A year whose whole is missing: left out of the series.
            dropped = draw(st.sampled_from(found))
            if dropped.metric == whole:
                found.remove(dropped)
        if draw(st.integers(0, 4)) == 0:
            basis = draw(st.sampled_from(list(ip.PriceBasis)))
            chosen = draw(st.sampled_from([metric, whole]))
            owned.observations = [
                attrs.evolve(o, price_basis=basis) if o.metric == chosen else o
                for o in found
            ]
        if draw(st.integers(0, 4)) == 0 and owned.targets[0].kind.value != "share":
            # A ratio also reported as such, per another number of people.
            year = owned.targets[0].year - 1
            per = draw(st.sampled_from([1, 100, 10000]))
            unit = owned.targets[0].figure.quantity.units
            value = ip.Figure(Q(Decimal("0.37"), unit), per=per)
            owned.observations.append(ip.Observation(metric, year, value))
        if draw(st.integers(0, 4)) == 0 and owned.targets[0].kind.value == "share":
            # A share also reported as such: the object path merges the two.
            year = owned.targets[0].year - 1
            owned.observations.append(
                ip.Observation(
                    metric, year, ip.Figure(Q(Decimal("4.5"), "percent")), of=whole
                )
            )


@st.composite
def _plans(draw: st.DrawFn, loose: bool = False) -> ip.IndustrialSystem:
    """A plan of share and ratio targets, each in an industry of its own."""
    start = draw(st.integers(2010, 2020))
    builder = _Builder(draw, start, loose)
    industries = []
    for i in range(draw(st.integers(1, 5))):
        owned = builder.owned()
        industries.append(
            ip.Industry(
                f"industry{i}",
                f"industry {i}",
                targets=owned.targets,
                observations=owned.observations,
            )
        )
    return ip.IndustrialSystem(
        name={"en": "plan"},
        region="region",
        start_year=start,
        end_year=start + 10,
        tiers=[ip.Tier("tier", "tier", "cluster", industries)],
        regional=ip.Regional(observations=builder.regional.observations),
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
    methods = result.column("method").to_pylist()  # type: ignore[attr-defined]
    assert methods == ["vectorised"] * len(records)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    st.lists(_plans(loose=True), min_size=1, max_size=3),
    st.none() | st.integers(2008, 2030),
    st.none() | st.integers(2008, 2022),
    verdict_bands(),
)
def test_loose_shapes_equal_the_object_path(
    plans: list, as_of: int | None, baseline_year: int | None, bands: ip.VerdictBands
) -> None:
    result, records, _ = both_paths(
        plans, as_of=as_of, baseline_year=baseline_year, bands=bands
    )
    _compare_result(result, records)


# -- named examples --------------------------------------------------------------------


def _plan(
    targets: list[ip.Target],
    observations: list[ip.Observation],
    regional: list[ip.Observation] = (),  # type: ignore[assignment]
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
        regional=ip.Regional(observations=list(regional)),
    )


def _level(metric: str, year: int, value: str, unit: str = "") -> ip.Observation:
    return ip.Observation(metric, year, ip.Figure(Q(Decimal(value), unit)))


def _row(plan: ip.IndustrialSystem, **options: object) -> dict:
    """The one target's row, checked against the object path."""
    result = ip.assess_table(ip.to_arrow(plan), **options)  # type: ignore[arg-type]
    _compare_result(result, ip.assess(plan, **options).records())  # type: ignore[arg-type]
    (row,) = result.to_pylist()
    return row


def test_rd_spending_as_a_share_of_gdp() -> None:
    """R&D 2 % of GDP in 2020, 2.36 % in 2022: on track for 3 % by 2025."""
    target = ip.Target(
        "rd_spending",
        2025,
        ip.Figure(Q(Decimal(3), "percent")),
        kind="share",
        of="gdp",
    )
    plan = _plan(
        [target],
        [
            ip.Observation("rd_spending", 2020, ip.Figure(ip.amount(200, "万 CNY"))),
            ip.Observation("rd_spending", 2022, ip.Figure(ip.amount(260, "万 CNY"))),
            ip.Observation("gdp", 2020, ip.Figure(ip.amount(1, "亿 CNY"))),
            ip.Observation("gdp", 2022, ip.Figure(ip.amount(1.1, "亿 CNY"))),
        ],
    )
    row = _row(plan)
    assert (row["status"], row["verdict"], row["method"]) == (
        "on track",
        "as projected",
        "vectorised",
    )
    assert row["actual"] == pytest.approx(260 / 11000 * 100)
    # A gap in percentage points: the same number as the shares'.
    assert row["gap"] == pytest.approx(3 - 260 / 110)


def test_enterprises_per_ten_thousand_people_from_the_regions_population() -> None:
    """A tier's enterprises over the region's population: 10 then 12.9 per
    10,000 people lags a goal of 20."""
    target = ip.Target(
        "enterprises",
        2025,
        ip.Figure(Q(Decimal(20), ""), per=10000),
        kind="per-population ratio",
    )
    plan = _plan(
        [target],
        [_level("enterprises", 2020, "1000"), _level("enterprises", 2022, "1300")],
        [_level("population", 2020, "1000000"), _level("population", 2022, "1010000")],
    )
    row = _row(plan)
    assert (row["status"], row["verdict"], row["method"]) == (
        "acceleration needed",
        "lower than projected",
        "vectorised",
    )
    assert row["actual"] == pytest.approx(1300 / 101)


def test_a_year_without_its_whole_is_left_out() -> None:
    """GDP per head: 2021 has no population, so 2020 and 2022 make the series."""
    target = ip.Target(
        "gdp",
        2025,
        ip.Figure(Q(Decimal(120000), "CNY"), per=1),
        kind="per-population ratio",
    )
    plan = _plan(
        [target],
        [
            _level("gdp", 2020, "100000000", "CNY"),
            _level("gdp", 2021, "105000000", "CNY"),
            _level("gdp", 2022, "118000000", "CNY"),
            _level("population", 2020, "1000"),
            _level("population", 2022, "1010"),
        ],
    )
    row = _row(plan)
    assert (row["baseline_year"], row["latest_year"], row["method"]) == (
        2020,
        2022,
        "vectorised",
    )


def test_parts_at_different_price_bases_go_to_the_object_path() -> None:
    """Comparable-price R&D over current-price GDP: the object path leaves
    the year out with a note, so the columnar path does not decide."""
    target = ip.Target(
        "rd_spending", 2025, ip.Figure(Q(Decimal(3), "percent")), kind="share", of="gdp"
    )
    spending = [
        _level("rd_spending", y, v, "CNY") for y, v in ((2020, "2"), (2022, "3"))
    ]
    spending[1] = attrs.evolve(spending[1], price_basis="comparable prices")
    wholes = [_level("gdp", y, "100", "CNY") for y in (2020, 2022)]
    wholes[1] = attrs.evolve(wholes[1], price_basis="current prices")
    row = _row(_plan([target], spending + wholes))
    assert row["method"] == "object"
    assert row["latest_year"] == 2020


def test_a_goal_stated_with_a_scale_word_reads_the_quotient_in_its_unit() -> None:
    """12 万元 per head: 110,000,000 yuan for 1,010 people is 10.89 万元 a head.

    The object path once labelled the quotient of base units (yuan a head)
    with the goal's 万元, ten thousand times too much: "achieved".
    """
    target = ip.Target(
        "gdp",
        2025,
        ip.Figure(ip.amount(12, "万 CNY"), per=1),
        kind="per-population ratio",
    )
    plan = _plan(
        [target],
        [
            _level("gdp", 2020, "100000000", "CNY"),
            _level("gdp", 2022, "110000000", "CNY"),
            _level("population", 2020, "1000"),
            _level("population", 2022, "1010"),
        ],
    )
    row = _row(plan)
    assert row["method"] == "vectorised"
    assert row["status"] == "on track"
    assert row["actual"] == pytest.approx(108910.891089, rel=1e-9)
    (record,) = ip.assess(plan).records()
    assert Decimal(record["actual"]["value"]).quantize(Decimal("0.01")) == Decimal(
        "108910.89"
    )


def test_a_share_reported_as_such_comes_before_its_quotient() -> None:
    """2.5 % reported for 2022 stands; 2020 is computed from its parts."""
    target = ip.Target(
        "rd_spending", 2025, ip.Figure(Q(Decimal(3), "percent")), kind="share", of="gdp"
    )
    reported = ip.Observation(
        "rd_spending", 2022, ip.Figure(Q(Decimal("2.5"), "percent")), of="gdp"
    )
    plan = _plan(
        [target],
        [
            _level("rd_spending", 2020, "2", "CNY"),
            _level("rd_spending", 2022, "3", "CNY"),
            _level("gdp", 2020, "100", "CNY"),
            _level("gdp", 2022, "100", "CNY"),
            reported,
        ],
    )
    row = _row(plan)
    assert row["actual"] == pytest.approx(2.5)
    assert (row["baseline_year"], row["method"]) == (2020, "vectorised")


def test_a_ratio_reported_per_other_people_is_rescaled() -> None:
    """15 per 1,000 people reported is 150 per 10,000 against a goal of 200."""
    target = ip.Target(
        "enterprises",
        2025,
        ip.Figure(Q(Decimal(200), ""), per=10000),
        kind="per-population ratio",
    )
    reported = ip.Observation(
        "enterprises", 2022, ip.Figure(Q(Decimal(15), ""), per=1000)
    )
    plan = _plan(
        [target],
        [
            _level("enterprises", 2020, "1200"),
            _level("population", 2020, "100000"),
            reported,
        ],
    )
    row = _row(plan)
    assert row["actual"] == pytest.approx(150)
    assert (row["baseline_year"], row["latest_year"], row["method"]) == (
        2020,
        2022,
        "vectorised",
    )
