"""Hypothesis strategies for property-testing code that uses industrial-plan.

Public, so that tools embedding the library can generate the same values we
test with::

    from hypothesis import given
    from industrial_plan.testing import amounts

    @given(amounts(currency="CNY"))
    def test_my_report_never_crashes(amount): ...

Requires the ``test`` extra (``pip install "industrial-plan[test]"``).

Installed, the package also registers these strategies with hypothesis by
type, through hypothesis's entry point: ``st.from_type(IndustrialSystem)``,
``st.from_type(Figure)`` and ``st.builds`` of classes that take them work in
your tests with no import of this module.
"""

from __future__ import annotations

import datetime as dt
import functools
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import strategies as st

from industrial_plan._figures.figure import Figure

from ._errors import UnitError
from ._figures.forms import MEASURE_WORDS, Change, is_percent
from ._figures.period import Period
from ._figures.qualifier import Qualifier
from ._figures.source import Source
from ._money.rates import Rate
from ._money.units import CURRENCIES, SCALE_WORDS, Quantity, parse_unit, ureg
from ._plan.judgement import Judgement, JudgementOutcome
from ._plan.names import Names
from ._plan.owners import Industry, Regional, Tier
from ._plan.roadmap import (
    Enterprise,
    EnterpriseRole,
    Policy,
    Roadmap,
    SpatialLayout,
    Zone,
)
from ._plan.system import IndustrialSystem
from ._plan.targets import IndicatorType, Observation, PriceBasis, Target, TargetKind
from ._progress.policy import VerdictBands

__all__ = [
    "allowed_values",
    "amounts",
    "currencies",
    "decimals",
    "figures",
    "judgements",
    "money_figures",
    "observations",
    "periods",
    "qualifiers",
    "rates",
    "scale_words",
    "sources",
    "stated_figures",
    "systems",
    "target_kinds",
    "targets",
    "unknown_currency_codes",
    "verdict_bands",
]


def currencies() -> st.SearchStrategy[str]:
    """ISO codes of the currencies the library defines."""
    return st.sampled_from(sorted(CURRENCIES))


def scale_words() -> st.SearchStrategy[str]:
    """Scale words, English and Chinese (``billion``, ``亿``, ...)."""
    return st.sampled_from(sorted(SCALE_WORDS))


def decimals(
    min_value: Decimal | int = 0,
    max_value: Decimal | int = 10**15,
    places: int = 4,
) -> st.SearchStrategy[Decimal]:
    """Finite Decimals with at most *places* decimal places, as figures are stated."""
    return st.decimals(
        min_value=min_value,
        max_value=max_value,
        places=places,
        allow_nan=False,
        allow_infinity=False,
    )


def amounts(
    currency: str | st.SearchStrategy[str] | None = None,
    min_value: Decimal | int = 0,
    max_value: Decimal | int = 10**15,
    places: int = 4,
    scaled: bool = False,
) -> st.SearchStrategy[Quantity]:
    """Money quantities of the package registry with exact Decimal magnitudes.

    *currency* fixes the currency (a code, or a strategy of codes); by default
    any.  With *scaled*, some amounts carry a scale word (``491.2 billion
    CNY``), as figures in plans do.
    """
    codes = (
        currencies()
        if currency is None
        else st.just(currency)
        if isinstance(currency, str)
        else currency
    )
    scales = st.none() | scale_words() if scaled else st.none()

    def build(value: Decimal, code: str, scale: str | None) -> Quantity:
        unit = code if scale is None else f"{scale} * {code}"
        return ureg.Quantity(value, unit)

    return st.builds(build, decimals(min_value, max_value, places), codes, scales)


def rates(
    base: str | None = None,
    quote: str | None = None,
    min_value: Decimal | str = Decimal("0.0001"),
    max_value: Decimal | str = Decimal(100000),
) -> st.SearchStrategy[Rate]:
    """Positive exchange rates between two distinct currencies."""

    @st.composite
    def build(draw: st.DrawFn) -> Rate:
        b = base if base is not None else draw(currencies())
        q = quote if quote is not None else draw(currencies().filter(lambda c: c != b))
        value = draw(
            st.decimals(
                min_value=Decimal(min_value),
                max_value=Decimal(max_value),
                places=6,
                allow_nan=False,
                allow_infinity=False,
            )
        )
        day = draw(st.dates(dt.date(1999, 1, 1), dt.date(2030, 12, 31)))
        return Rate(b, q, value, "generated", effective=day)

    return build()


def unknown_currency_codes() -> st.SearchStrategy[str]:
    """Three-letter upper-case codes that are not currencies the library knows."""
    letters = st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    return st.tuples(letters, letters, letters).map("".join).filter(_is_not_a_unit)


def _is_not_a_unit(code: str) -> bool:
    try:
        parse_unit(code)
    except UnitError:
        return True
    return False


def qualifiers() -> st.SearchStrategy[Qualifier]:
    """Every :class:`~industrial_plan.Qualifier`."""
    return st.sampled_from(list(Qualifier))


def sources() -> st.SearchStrategy[Source]:
    """Sources with any combination of fields filled in."""
    words = st.text(
        st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=40
    )
    fields = st.fixed_dictionaries(
        {},
        optional={
            "publisher": words,
            "title": words,
            "date": st.dates(dt.date(1990, 1, 1), dt.date(2060, 12, 31)),
            "url": st.just("https://example.org/plan"),
            "quote": words,
        },
    )
    return fields.filter(bool).map(_source_from)


def _source_from(given: dict[str, Any]) -> Source:
    return Source(**given)


def figures(
    quantities: st.SearchStrategy[Quantity] | None = None,
    qualifier: Qualifier | st.SearchStrategy[Qualifier] | None = None,
    with_source: bool = False,
) -> st.SearchStrategy[Figure]:
    """Reported figures: a quantity (money by default), a qualifier, maybe a source.

    Bounded figures are sometimes also marked approximate, as in "more than
    about 2 trillion yuan".
    """
    values = amounts(scaled=True) if quantities is None else quantities
    quals = (
        qualifiers()
        if qualifier is None
        else st.just(qualifier)
        if isinstance(qualifier, Qualifier)
        else qualifier
    )
    source = sources() if with_source else st.none()

    @st.composite
    def build(draw: st.DrawFn) -> Figure:
        q = draw(quals)
        approximate = q is Qualifier.ABOUT or draw(st.booleans())
        if q is Qualifier.EXACT:
            approximate = False
        return Figure(draw(values), q, draw(source), approximate=approximate)

    return build()


ENGLISH_NOUNS = ("enterprises", "institutions", "high-value invention patents", "jobs")
"""What English counts count, in :func:`stated_figures`."""

CHINESE_NOUNS = ("国家级创新平台", "国家重点实验室", "高价值发明专利", "企业")
"""What Chinese counts count; a Chinese noun always follows a measure word."""

WHOLES = ("GDP", "地区生产总值", "industrial value added", "规模以上工业增加值")
"""What shares are shares of, in :func:`stated_figures`."""

FORMS = (
    "level",
    "percent",
    "points",
    "count",
    "share",
    "ratio",
    "growth",
    "average growth",
    "reduction",
    "increment",
    "cumulative",
)
"""The forms :func:`stated_figures` draws from."""


@st.composite
def stated_figures(draw: st.DrawFn, form: str | None = None) -> Figure:
    """Figures in every form plans state them, with any qualifier.

    Levels of money, percentages and percentage points, counts (with what they
    count and a measure word), shares of a named whole, ratios per so many
    people, growth and average annual growth, reductions from a base year,
    increments and cumulative totals.  *form* picks one of :data:`FORMS`.
    """
    chosen = draw(st.sampled_from(FORMS)) if form is None else form
    number = decimals(min_value=0, max_value=10**6, places=2)
    percent = number.map(lambda value: ureg.Quantity(value, ureg.percent))
    labels: dict[str, Any] = {}
    if chosen in ("level", "reduction", "increment", "cumulative", "ratio") and draw(
        st.booleans()
    ):
        quantity = draw(amounts(min_value=0, max_value=10**12, places=2, scaled=True))
    elif chosen in ("percent", "share", "growth", "average growth", "reduction"):
        quantity = draw(percent)
    elif chosen == "points":
        quantity = ureg.Quantity(draw(number), ureg.percentage_point)
    else:
        quantity = ureg.Quantity(draw(number), ureg.dimensionless)
        labels.update(draw(_count_labels()))
    if chosen == "share":
        labels["share_of"] = draw(st.none() | st.sampled_from(WHOLES))
    if chosen == "ratio":
        labels["per"] = draw(st.sampled_from([1, 100, 1000, 10**4, 10**5]))
    change = _FORM_CHANGES.get(chosen)
    if change is not None:
        labels["change"] = change
        labels["base_year"] = draw(st.none() | st.integers(1990, 2030))
    qualifier = draw(qualifiers())
    approximate = qualifier is Qualifier.ABOUT or (
        qualifier is not Qualifier.EXACT and draw(st.booleans())
    )
    return Figure(quantity, qualifier, approximate=approximate, **labels)


_FORM_CHANGES = {
    "growth": Change.GROWTH,
    "average growth": Change.AVERAGE_GROWTH,
    "reduction": Change.REDUCTION,
    "increment": Change.INCREMENT,
    "cumulative": Change.CUMULATIVE,
}


def _count_labels() -> st.SearchStrategy[dict[str, Any]]:
    measures = st.sampled_from(sorted(MEASURE_WORDS))
    english = st.fixed_dictionaries(
        {},
        optional={"counted": st.sampled_from(ENGLISH_NOUNS), "measure": measures},
    )
    chinese = st.fixed_dictionaries(
        {"counted": st.sampled_from(CHINESE_NOUNS), "measure": measures}
    )
    return english | chinese


def allowed_values(figure: Figure) -> st.SearchStrategy[Quantity]:
    """True values consistent with *figure*: its value, or beyond it if bounded."""
    unit = figure.quantity.units
    step = decimals(min_value=0, max_value=10**6, places=4)
    base = figure.quantity.magnitude

    def shift(delta: Decimal) -> Quantity:
        lower, upper = figure.lower, figure.upper
        if lower is not None and upper is not None:
            return figure.quantity
        if lower is not None:
            delta = delta if lower.inclusive else delta + Decimal("0.0001")
            return ureg.Quantity(base + delta, unit)
        assert upper is not None
        delta = delta if upper.inclusive else delta + Decimal("0.0001")
        return ureg.Quantity(base - delta, unit)

    return step.map(shift)


# -- plans -----------------------------------------------------------------------------

_WORDS = (
    st.text(
        st.characters(
            codec="utf-8",
            categories=("L", "N", "Zs"),
            exclude_characters="\u2028\u2029\x85",
        ),
        min_size=1,
        max_size=24,
    )
    .map(str.strip)
    .filter(bool)
)


def _ids(prefix: str, count: int) -> list[str]:
    return [f"{prefix}{i}" for i in range(count)]


@functools.cache  # strategies are immutable; building them per draw is slow
def money_figures(currency: str | None = None) -> st.SearchStrategy[Figure]:
    """Non-negative money figures, as plans report them."""
    return figures(amounts(currency=currency, min_value=0, scaled=True))


def target_kinds() -> st.SearchStrategy[TargetKind]:
    """Every :class:`~industrial_plan.TargetKind`."""
    return st.sampled_from(list(TargetKind))


# For each kind: the forms of stated_figures() its figure takes.
_KIND_FORMS = {
    TargetKind.LEVEL: "level",
    TargetKind.COUNT: "count",
    TargetKind.SHARE: "share",
    TargetKind.RATIO: "ratio",
    TargetKind.INCREMENT: "increment",
    TargetKind.REDUCTION: "reduction",
    TargetKind.CUMULATIVE: "cumulative",
}
_CEILINGS = (Qualifier.AT_MOST, Qualifier.LESS_THAN)


@st.composite
def targets(
    draw: st.DrawFn,
    start_year: int = 2020,
    end_year: int = 2035,
    kind: TargetKind | None = None,
) -> Target:
    """Targets of every kind (or of *kind*), inside the given years.

    Each kind's figure is in the form its words state ("年均增长7%以上" for a
    growth rate, "新增1家" for an increment), on a metric that fits it; some
    targets carry an indicator type, a price basis or a base year.
    """
    chosen = draw(target_kinds()) if kind is None else kind
    year = draw(st.integers(start_year + 1, max(end_year, start_year + 1)))
    extra: dict[str, Any] = {
        "indicator_type": draw(st.none() | st.sampled_from(list(IndicatorType))),
        "price_basis": draw(st.none() | st.sampled_from(list(PriceBasis))),
    }
    if chosen is TargetKind.QUALITATIVE:
        judgement = draw(st.none() | judgements())
        return Target(
            "development", year, statement=draw(_WORDS), judgement=judgement, **extra
        )
    if chosen is TargetKind.GROWTH:
        form = draw(st.sampled_from(["growth", "average growth"]))
        figure = draw(
            stated_figures(form).filter(lambda f: f.qualifier not in _CEILINGS)
        )
    elif chosen is TargetKind.CAP:
        form = draw(st.sampled_from(["level", "growth", "percent"]))
        figure = attrs.evolve(
            draw(stated_figures(form)), qualifier=draw(st.sampled_from(_CEILINGS))
        )
    else:
        figure = draw(
            stated_figures(_KIND_FORMS[chosen]).filter(
                lambda f: f.qualifier not in _CEILINGS
            )
        )
    if figure.base_year is not None:
        base = draw(st.none() | st.integers(max(1900, year - 30), year - 1))
        figure = attrs.evolve(figure, base_year=base)
    of = None
    if chosen in (TargetKind.SHARE, TargetKind.RATIO) and draw(st.booleans()):
        of = "gdp" if chosen is TargetKind.SHARE else "population"
    return Target(
        _metric_for(figure, chosen), year, figure, kind=chosen, of=of, **extra
    )


def _metric_for(figure: Figure, kind: TargetKind) -> str:
    """A built-in metric whose kind fits *figure*."""
    if kind in (TargetKind.SHARE, TargetKind.GROWTH) or figure.change in (
        Change.GROWTH,
        Change.AVERAGE_GROWTH,
    ):
        return "value_added"
    if is_percent(figure.quantity) and figure.change is Change.REDUCTION:
        return "rd_spending"  # a cut in percent of a money metric
    if is_percent(figure.quantity):
        return "rd_intensity"
    if figure.quantity.dimensionless:
        return "enterprises"
    return "total_scale"


# The parts of a year bulletins report most: quarters, halves, the first three
# quarters, January to August.
_COMMON_PERIODS = ("Q1", "Q2", "Q3", "Q4", "H1", "H2", "Q1-Q3", "M1-M8", "M1-M2")


@st.composite
def _any_period(draw: st.DrawFn) -> Period:
    first = draw(st.integers(1, 12))
    # January to December is the whole year, which is no period.
    last = draw(st.integers(first, 11 if first == 1 else 12))
    return Period(first, last)


@functools.cache
def periods() -> st.SearchStrategy[Period]:
    """Parts of a year a figure is reported for: every run of months but the
    whole year, the common ones (``Q1``, ``H1``, ``Q1-Q3``, ``M1-M8``) often."""
    common = st.sampled_from([Period.from_code(code) for code in _COMMON_PERIODS])
    return common | _any_period()


@st.composite
def observations(
    draw: st.DrawFn,
    start_year: int = 2020,
    end_year: int = 2035,
    *,
    partial: bool = True,
    estimates: bool = True,
) -> Observation:
    """Observations as reports state them: a level, the year's growth or a share.

    Some are for a part of the year (a :func:`periods` code) unless not
    *partial*, and some are estimates unless not *estimates*; about one in
    five of each.
    """
    year = draw(st.integers(start_year, end_year))
    reports = draw(st.sampled_from(["level", "level", "growth", "share"]))
    basis = draw(st.none() | st.sampled_from(list(PriceBasis)))
    extra: dict[str, Any] = {}
    if partial and draw(st.integers(0, 4)) == 0:
        extra["period"] = draw(periods())
    if estimates and draw(st.integers(0, 4)) == 0:
        extra["estimate"] = True
    if reports == "growth":
        figure = draw(stated_figures("growth"))
        return Observation(
            "total_scale",
            year,
            attrs.evolve(figure, base_year=None),
            price_basis=basis,
            **extra,
        )
    if reports == "share":
        figure = draw(stated_figures("share"))
        of = "gdp" if figure.share_of is None else None
        return Observation("value_added", year, figure, of=of, **extra)
    figure = draw(money_figures())
    return Observation("total_scale", year, figure, price_basis=basis, **extra)


@st.composite
def systems(
    draw: st.DrawFn,
    max_tiers: int = 4,
    max_industries: int = 6,
    with_roadmap: bool = True,
) -> IndustrialSystem:
    """Valid industrial systems of any shape: tiers, industries, targets,
    observations, and (optionally) a roadmap and a layout whose links resolve."""
    start = draw(st.integers(1990, 2030))
    end = draw(st.integers(start, start + 20))
    documents = [
        attrs.evolve(document, id=f"source{i}", quote=None)
        for i, document in enumerate(draw(st.lists(sources(), max_size=2)))
    ]
    cite = _citations(documents)
    tier_count = draw(st.integers(0, max_tiers))
    tiers = []
    for t in range(tier_count):
        industries = []
        for n in range(draw(st.integers(0, max_industries))):
            industries.append(
                Industry(
                    f"industry{t}_{n}",
                    {"en": f"industry {t}.{n} {draw(_WORDS)}"},
                    targets=_targets(draw, start, end, cite),
                    observations=_observations(draw, start, cite),
                )
            )
        tiers.append(
            Tier(
                f"tier{t}",
                Names({"en": f"tier {t} {draw(_WORDS)}", "zh": f"层级{t}"}),
                draw(
                    st.sampled_from(
                        ["pillar industrial cluster", "future industry", "cluster"]
                    )
                ),
                industries=industries,
                targets=_targets(draw, start, end, cite),
                observations=_observations(draw, start, cite),
            )
        )
    linkable = [t.id for t in tiers] + [i.id for t in tiers for i in t.industries]
    roadmap = Roadmap()
    layout = SpatialLayout()
    if with_roadmap and linkable:
        links = st.lists(st.sampled_from(linkable), max_size=3, unique=True)
        roadmap = Roadmap(
            summary=draw(st.none() | _WORDS),
            enterprises=[
                Enterprise(
                    identifier,
                    draw(_WORDS),
                    draw(st.sampled_from(list(EnterpriseRole))),
                    draw(links),
                )
                for identifier in _ids("enterprise", draw(st.integers(0, 3)))
            ],
            policies=[
                Policy(identifier, draw(_WORDS), draw(links))
                for identifier in _ids("policy", draw(st.integers(0, 2)))
            ],
        )
        layout = SpatialLayout(
            zones=[
                Zone(identifier, draw(_WORDS), industries=draw(links))
                for identifier in _ids("zone", draw(st.integers(0, 2)))
            ]
        )
    regional = Regional(
        targets=_targets(draw, start, end, cite),
        observations=_observations(draw, start, cite),
    )
    return IndustrialSystem(
        name={"en": draw(_WORDS)},
        region=draw(_WORDS),
        start_year=start,
        end_year=end,
        tiers=tiers,
        roadmap=roadmap,
        layout=layout,
        sources=documents,
        regional=regional,
    )


def _citations(documents: list[Source]) -> st.SearchStrategy[Source | None]:
    """No source, a listed document quoting some words, or a source written in full."""
    cited = st.none() | sources()
    if documents:
        quotes = st.none() | _WORDS
        cited |= st.builds(
            lambda document, quote: document.quoting(quote),
            st.sampled_from(documents),
            quotes,
        )
    return cited


def _targets(
    draw: st.DrawFn, start: int, end: int, cite: st.SearchStrategy[Source | None]
) -> list[Target]:
    drawn = draw(st.lists(_target_strategy(start, end), max_size=2))
    return [
        attrs.evolve(target, source=draw(cite)) for target in _unique_by_year(drawn)
    ]


@functools.cache
def _target_strategy(start: int, end: int) -> st.SearchStrategy[Target]:
    return targets(start, end)


def _unique_by_year(items: list[Target]) -> list[Target]:
    seen: dict[tuple[str, int], Target] = {}
    for item in items:
        seen.setdefault((item.metric, item.year), item)
    return list(seen.values())


def _observations(
    draw: st.DrawFn, start: int, cite: st.SearchStrategy[Source | None]
) -> list[Observation]:
    drawn = draw(st.lists(_observation_strategy(start), max_size=3))
    unique: dict[tuple[Any, ...], Observation] = {}
    for observation in drawn:
        unique.setdefault(_unique_key(observation), observation)
    chosen = list(unique.values())
    if chosen and draw(st.integers(0, 3)) == 0:
        # An estimate and the figure that supersedes it, in either order.
        final = draw(st.sampled_from(chosen))
        first = attrs.evolve(
            final, estimate=True, figure=_revised(final.figure, draw(st.booleans()))
        )
        if not final.estimate and _unique_key(first) not in unique:
            chosen.insert(chosen.index(final) + draw(st.integers(0, 1)), first)
    return [attrs.evolve(o, source=draw(cite)) for o in chosen]


def _unique_key(observation: Observation) -> tuple[Any, ...]:
    return (
        observation.metric,
        observation.year,
        observation.period,
        observation.estimate,
    )


def _revised(figure: Figure, up: bool) -> Figure:
    """*figure* a tenth higher or lower: what a first estimate might have said."""
    factor = Decimal("1.1") if up else Decimal("0.9")
    quantity = ureg.Quantity(figure.quantity.magnitude * factor, figure.quantity.units)
    return attrs.evolve(figure, quantity=quantity)


@functools.cache
def _observation_strategy(start: int) -> st.SearchStrategy[Observation]:
    return observations(start - 5, start + 5)


def verdict_bands() -> st.SearchStrategy[VerdictBands]:
    """Verdict bands: zero width, the defaults, and widths up to 3 points or 30 %."""
    drawn = st.builds(
        VerdictBands,
        points=decimals(min_value=0, max_value=3, places=2),
        relative=decimals(min_value=0, max_value=Decimal("0.3"), places=3),
    )
    return st.sampled_from([VerdictBands.none(), VerdictBands()]) | drawn


def judgements() -> st.SearchStrategy[Judgement]:
    """An office's judgements of a qualitative aim, some with a source."""
    return st.builds(
        Judgement,
        st.sampled_from(list(JudgementOutcome)),
        st.none() | sources(),
    )
