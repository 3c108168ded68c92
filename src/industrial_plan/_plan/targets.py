"""Targets and observations: the goals a plan states and the values reported.

A target's kind (a level, a share, a growth rate, a cap...) is what its
figure's words say unless the plan states it (:func:`target_kind`), and the
target checks that its figure can state that kind; whether it binds
(约束性) and its price basis are stated beside.  Checks that need the
metrics or the plan's years run when the whole system is built
(:mod:`.system_checks`).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterable
from typing import Any, Literal, TypeAlias

import attrs

from industrial_plan._errors import FieldError, FieldTypeError, instance_of
from industrial_plan._figures.figure import Figure
from industrial_plan._figures.forms import Change, is_percent
from industrial_plan._figures.period import Period, to_period
from industrial_plan._figures.qualifier import Qualifier
from industrial_plan._figures.source import Source
from industrial_plan._text import free_text

from .fields import (
    _check_id,
    _check_optional_id,
    _check_year,
    _is_figure,
    _is_optional_figure,
    member_of,
)
from .judgement import Judgement
from .metrics import Direction, _optional_direction
from .names import Names


class TargetKind(enum.Enum):
    """What a target states: the plain-language kind shown in files and reports."""

    LEVEL = "level"
    """A level of the metric in the target year ("800 billion yuan")."""
    COUNT = "count"
    """A number of things ("超过80家" platforms)."""
    SHARE = "share"
    """A share of a whole, in percent ("占地区生产总值比重达到25%"); intensities
    such as R&D spending as a share of GDP are shares too."""
    RATIO = "per-population ratio"
    """So many per so many people ("每万人口…超过20件", "per capita")."""
    GROWTH = "growth rate"
    """Growth in one year, or average annual growth over a span ("年均增长7%以上")."""
    INCREMENT = "increment"
    """So much more than the level at the start ("新增1家")."""
    REDUCTION = "reduction"
    """A cut from a base year; lower is better ("down 13.5 % from 2020")."""
    CAP = "cap"
    """At most this much ("不超过3%", "CPI rise of around 3 %")."""
    CUMULATIVE = "cumulative total"
    """A sum over the years of the span ("50 million new jobs over five years")."""
    QUALITATIVE = "qualitative aim"
    """A statement without a number ("significant progress")."""

    @property
    def chinese(self) -> str:
        """The kind's name in Chinese, as reports print it."""
        return _KIND_CHINESE[self]


TargetKindLike: TypeAlias = (
    TargetKind
    | Literal[
        "level",
        "count",
        "share",
        "per-population ratio",
        "growth rate",
        "increment",
        "reduction",
        "cap",
        "cumulative total",
        "qualitative aim",
    ]
)
"""A :class:`TargetKind`, or its value as text."""


def _target_kind(value: TargetKindLike) -> TargetKind:
    return member_of(TargetKind, value, "kind")


_KIND_CHINESE = {
    TargetKind.LEVEL: "总量",
    TargetKind.COUNT: "数量",
    TargetKind.SHARE: "比重",
    TargetKind.RATIO: "人均或每万人",
    TargetKind.GROWTH: "增速",
    TargetKind.INCREMENT: "新增",
    TargetKind.REDUCTION: "降低",
    TargetKind.CAP: "上限",
    TargetKind.CUMULATIVE: "累计",
    TargetKind.QUALITATIVE: "定性",
}


class IndicatorType(enum.Enum):
    """Whether a plan binds itself to an indicator (约束性) or projects it (预期性)."""

    BINDING = "binding"
    """约束性: an obligation the government commits to."""
    ANTICIPATORY = "anticipatory"
    """预期性: an expected outcome, mainly of market activity."""

    @property
    def chinese(self) -> str:
        """约束性 or 预期性."""
        return "约束性" if self is IndicatorType.BINDING else "预期性"

    @classmethod
    def _missing_(cls, value: object) -> IndicatorType | None:
        return {"约束性": cls.BINDING, "预期性": cls.ANTICIPATORY}.get(str(value))


IndicatorTypeLike: TypeAlias = (
    IndicatorType | Literal["binding", "anticipatory", "约束性", "预期性"]
)
"""An :class:`IndicatorType`, or its value (or Chinese name) as text."""


def _optional_indicator_type(value: IndicatorTypeLike | None) -> IndicatorType | None:
    return None if value is None else member_of(IndicatorType, value, "indicator_type")


class PriceBasis(enum.Enum):
    """The prices a money amount or a growth rate is measured at."""

    CURRENT = "current prices"
    """现价: nominal; levels are usually stated so."""
    COMPARABLE = "comparable prices"
    """可比价 (constant prices): real; Chinese growth rates are stated so."""

    @property
    def chinese(self) -> str:
        """现价 or 可比价."""
        return "现价" if self is PriceBasis.CURRENT else "可比价"

    @classmethod
    def _missing_(cls, value: object) -> PriceBasis | None:
        return {
            "现价": cls.CURRENT,
            "当年价": cls.CURRENT,
            "current": cls.CURRENT,
            "可比价": cls.COMPARABLE,
            "不变价": cls.COMPARABLE,
            "comparable": cls.COMPARABLE,
            "constant prices": cls.COMPARABLE,
            "constant": cls.COMPARABLE,
        }.get(str(value))


PriceBasisLike: TypeAlias = (
    PriceBasis
    | Literal[
        "current prices",
        "comparable prices",
        "现价",
        "当年价",
        "可比价",
        "不变价",
        "current",
        "comparable",
        "constant prices",
        "constant",
    ]
)
"""A :class:`PriceBasis`, or one of the words for it."""


def _optional_price_basis(value: PriceBasisLike | None) -> PriceBasis | None:
    return None if value is None else member_of(PriceBasis, value, "price_basis")


_optional_judgement = instance_of(
    Judgement, "a Judgement (industrial_plan.Judgement('met', ...)) or None", True
)
_optional_source = instance_of(
    Source, "a Source (industrial_plan.Source(title=...)) or None", optional=True
)

_GROWTH = frozenset({Change.GROWTH, Change.AVERAGE_GROWTH})
_CEILINGS = frozenset({Qualifier.AT_MOST, Qualifier.LESS_THAN})


def target_kind(figure: Figure | None) -> TargetKind:
    """The kind a target's figure states by itself ("年均增长7%以上" is growth).

    >>> from industrial_plan import parse_figure
    >>> target_kind(parse_figure("年均增长7%以上")).value
    'growth rate'
    >>> target_kind(parse_figure("超过80家")).value
    'count'
    """
    if figure is None:
        return TargetKind.QUALITATIVE
    ceiling = figure.qualifier in _CEILINGS
    if figure.change in _GROWTH:
        return TargetKind.CAP if ceiling else TargetKind.GROWTH
    if figure.change is not None:
        return _KIND_OF_CHANGE[figure.change]
    if figure.per is not None:
        return TargetKind.RATIO
    if ceiling:
        return TargetKind.CAP
    if figure.share_of is not None or is_percent(figure.quantity):
        return TargetKind.SHARE
    if figure.quantity.dimensionless:
        return TargetKind.COUNT
    return TargetKind.LEVEL


_KIND_OF_CHANGE = {
    Change.REDUCTION: TargetKind.REDUCTION,
    Change.INCREMENT: TargetKind.INCREMENT,
    Change.CUMULATIVE: TargetKind.CUMULATIVE,
}

# The changes each kind's figure may state (None: a plain figure).
_KIND_CHANGES: dict[TargetKind, frozenset[Change | None]] = {
    TargetKind.LEVEL: frozenset({None}),
    TargetKind.COUNT: frozenset({None}),
    TargetKind.SHARE: frozenset({None}),
    TargetKind.RATIO: frozenset({None}),
    TargetKind.GROWTH: _GROWTH,
    TargetKind.INCREMENT: frozenset({Change.INCREMENT, None}),
    TargetKind.REDUCTION: frozenset({Change.REDUCTION, None}),
    TargetKind.CAP: frozenset({*_GROWTH, None}),
    TargetKind.CUMULATIVE: frozenset({Change.CUMULATIVE, None}),
}


def _kind_problem(kind: TargetKind, figure: Figure | None) -> str | None:
    """Why *figure* cannot state a target of *kind*, or None."""
    if kind is _QUALITATIVE:
        return None if figure is None else "a qualitative aim takes a statement only"
    if figure is None:
        return f"a {kind.value} target needs a figure"
    if figure.change not in _KIND_CHANGES[kind]:
        stated = (
            "a plain figure" if figure.change is None else repr(figure.change.value)
        )
        return f"a {kind.value} target cannot state {stated} ({figure.describe()!r})"
    more = _KIND_CHECKS.get(kind)
    return None if more is None else more(figure)


def _share_problem(figure: Figure) -> str | None:
    if is_percent(figure.quantity):
        return None
    return f"a share is in percent, not {figure.describe()!r}"


def _ratio_problem(figure: Figure) -> str | None:
    if figure.per is not None:
        return None
    return "a per-population ratio says per how many people ('per 10,000 people')"


def _count_problem(figure: Figure) -> str | None:
    if figure.quantity.dimensionless:
        return None
    return f"a count is a plain number, not {figure.describe()!r}"


_CAP_QUALIFIERS = frozenset({*_CEILINGS, Qualifier.EXACT, Qualifier.ABOUT})


def _cap_problem(figure: Figure) -> str | None:
    if figure.qualifier in _CAP_QUALIFIERS:
        return None
    return f"a cap is at most some value, not {figure.qualifier.value!r} it"


# What each kind asks of its figure beyond the changes it may state.
_KIND_CHECKS: dict[TargetKind, Callable[[Figure], str | None]] = {
    TargetKind.SHARE: _share_problem,
    TargetKind.RATIO: _ratio_problem,
    TargetKind.COUNT: _count_problem,
    TargetKind.CAP: _cap_problem,
}
# Read for every target built: a module constant is faster than the enum's.
_QUALITATIVE = TargetKind.QUALITATIVE


def _statement(value: object) -> object:
    """Text stays text; a table of language to text becomes :class:`Names`."""
    if isinstance(value, dict):
        try:
            return Names(value)
        except FieldError as error:
            raise FieldError(
                f"statement: {error}", field="statement", value=value
            ) from None
    return value


def _check_statement(instance: object, attribute: Any, value: object) -> None:
    if isinstance(value, Names):
        return  # its texts were checked when it was built
    free_text(instance, attribute, value)


@attrs.frozen
class Target:
    """A goal for one metric in one year: a figure, or a qualitative statement.

    Its :attr:`kind` says what the figure states: a level, a count, a share,
    a ratio per head, a growth rate, an increment, a reduction, a cap, a
    cumulative total or a qualitative aim.  By default it is what the figure's
    words say (:func:`target_kind`): "年均增长7%以上" is a growth rate,
    "新增1家" an increment.

    Attributes:
        metric: id of the :class:`Metric` measured.  For a share or a ratio,
            the numerator ("rd_spending" for R&D intensity).
        year: the year by which the target should be met.
        figure: the quantitative goal ("3 trillion yuan"); ``None`` for a
            qualitative target.
        statement: the qualitative goal ("significant progress"), or a note:
            text, or :class:`Names` of several languages (``{"en": "overall
            stability", "zh": "总体稳定"}``); :meth:`statement_in` gives it
            in a reader's language.
        source: where the target was stated.
        direction: overrides the metric's direction for this target
            (reductions and caps are lower-is-better by default).
        kind: what the target states (see above).
        base_year: the year a change or a span starts from: growth,
            reductions, increments and cumulative totals are measured from
            it (default: the figure's own base year, else the plan's
            ``start_year``).
        of: for a share or a ratio, the id of the metric it is taken of (the
            denominator: "gdp", "population"), so that it can be computed
            from observations of both.
        indicator_type: binding (约束性) or anticipatory (预期性), if stated.
        price_basis: current or comparable prices, for money and growth.
        judgement: for a qualitative aim, an office's judgement of it (met,
            partly met, not met), with its source.
    """

    metric: str = attrs.field(validator=_check_id)
    year: int = attrs.field(validator=_check_year)
    figure: Figure | None = attrs.field(
        default=None,
        validator=_is_optional_figure,
    )
    statement: str | Names | None = attrs.field(
        default=None, converter=_statement, validator=_check_statement
    )
    source: Source | None = attrs.field(default=None, validator=_optional_source)
    direction: Direction | None = attrs.field(
        default=None, converter=_optional_direction
    )
    kind: TargetKind = attrs.field(kw_only=True, converter=_target_kind)
    base_year: int | None = attrs.field(default=None, kw_only=True)
    of: str | None = attrs.field(default=None, kw_only=True)
    indicator_type: IndicatorType | None = attrs.field(
        default=None, kw_only=True, converter=_optional_indicator_type
    )
    price_basis: PriceBasis | None = attrs.field(
        default=None, kw_only=True, converter=_optional_price_basis
    )
    judgement: Judgement | None = attrs.field(
        default=None,
        kw_only=True,
        validator=_optional_judgement,
    )

    @kind.default
    def _kind_default(self) -> TargetKind:
        figure = self.figure
        if figure is not None and not isinstance(figure, Figure):
            # Said here: the kind is read from the figure before validators run.
            _is_figure(self, _FIGURE_FIELD, figure)
        return target_kind(figure)

    @base_year.validator
    def _check_base_year(self, attribute: object, value: int | None) -> None:
        if value is None:
            return
        _check_year(self, attribute, value)  # type: ignore[arg-type]
        if value >= self.year:
            raise FieldError(f"base_year {value} is not before the year {self.year}")

    @of.validator
    def _check_of(self, attribute: object, value: str | None) -> None:
        if value is None:
            return
        _check_id(self, attribute, value)  # type: ignore[arg-type]
        if self.kind not in (TargetKind.SHARE, TargetKind.RATIO):
            raise FieldError(
                f"'of' names the whole of a share or a ratio, not of a "
                f"{self.kind.value} target"
            )

    def __attrs_post_init__(self) -> None:
        figure, kind = self.figure, self.kind
        if figure is None and not (self.statement and str(self.statement).strip()):
            raise FieldError(
                f"target for {self.metric!r} in {self.year} needs a figure "
                "or a statement"
            )
        problem = _kind_problem(kind, figure)
        if problem is not None and not (kind is _QUALITATIVE and figure is not None):
            raise FieldError(
                f"target for {self.metric!r} in {self.year}: the figure does not "
                f"fit the kind: {problem}",
                field="figure",
                value=figure,
            )
        if kind is _QUALITATIVE and figure is not None:
            raise FieldError(
                f"target for {self.metric!r} in {self.year} has a figure, so it "
                f"is not a qualitative aim"
            )
        if self.judgement is not None and kind is not _QUALITATIVE:
            raise FieldError(
                f"target for {self.metric!r} in {self.year}: a judgement is for a "
                f"qualitative aim, not a {kind.value} target (its figure is assessed)"
            )
        stated = figure.base_year if figure is not None else None
        if (
            stated is not None
            and self.base_year is not None
            and stated != self.base_year
        ):
            raise FieldError(
                f"base_year {self.base_year} differs from the figure's {stated}"
            )
        if stated is not None and stated >= self.year:
            raise FieldError(f"base year {stated} is not before the year {self.year}")

    def statement_in(self, language: str = "en") -> str | None:
        """The statement in *language* when it has one, else its best text."""
        statement = self.statement
        if isinstance(statement, Names):
            return statement.best(language)
        return statement

    @property
    def is_quantitative(self) -> bool:
        """True when the target has a figure."""
        return self.figure is not None

    @property
    def stated_base_year(self) -> int | None:
        """The base year the target or its figure states, if any."""
        if self.base_year is not None:
            return self.base_year
        return self.figure.base_year if self.figure is not None else None

    @property
    def default_direction(self) -> Direction | None:
        """Lower is better for reductions and caps; else the metric decides."""
        if self.direction is not None:
            return self.direction
        if self.kind in (TargetKind.REDUCTION, TargetKind.CAP):
            return Direction.LOWER
        return None


def _to_period(value: Period | str | None) -> Period | None:
    """:func:`to_period`, its errors naming the value given."""
    if value is None:
        return None  # most observations: a whole year, without a call
    try:
        return to_period(value)
    except ValueError as error:
        if repr(value) in str(error):
            raise
        raise FieldError(f"period {value!r}: {error}") from None


def _check_estimate(instance: object, attribute: object, value: Any) -> None:
    if type(value) is not bool:
        raise FieldTypeError(
            f"estimate {value!r} is not true or false", field="estimate", value=value
        )


@attrs.frozen
class Observation:
    """A reported value of one metric for one year, or for a part of a year.

    Besides levels, an observation may report the year's growth ("+8.8 %"),
    a share ("41.9 % of GDP", or a percentage with :attr:`of` naming the
    whole) or a ratio per head: :attr:`reports` says which.

    A figure for the first three quarters ("前三季度增长6.2%") states its
    :attr:`period`; a first estimate ("预计", "preliminary") is marked
    :attr:`estimate`, and a figure of the same metric, year, period and kind
    that is not an estimate supersedes it, wherever each is listed.  Targets
    are annual: an assessment leaves a partial-year figure out, with a note
    that names it, and reports show it as the latest partial-year figure.

    Attributes:
        metric: id of the :class:`Metric` measured.
        year: the year the value is for.
        figure: the reported figure, with its qualifier.
        source: where it was reported.
        date: the day, when the figure is for a day rather than a year; in
            the :attr:`period` when both are given.
        of: for a reported share, the id of the metric it is a share of.
        price_basis: current or comparable prices, for money and growth.
        period: the part of the year the figure covers (a
            :class:`~industrial_plan.Period`, or its code such as
            ``"Q1-Q3"``); ``None`` for the whole year.
        estimate: whether the figure is an estimate (预计, 初步核算,
            preliminary), to be superseded by the reported figure; true when
            the figure's words say so (:attr:`Figure.estimate`), and the
            figure then says so too.
        judgement: an office's judgement of the qualitative aims of this
            metric for this year, stated with the figure.
    """

    metric: str = attrs.field(validator=_check_id)
    year: int = attrs.field(validator=_check_year)
    figure: Figure = attrs.field(validator=_is_figure)
    source: Source | None = attrs.field(default=None, validator=_optional_source)
    date: dt.date | None = attrs.field(default=None)
    of: str | None = attrs.field(
        default=None,
        kw_only=True,
        validator=_check_optional_id,
    )
    price_basis: PriceBasis | None = attrs.field(
        default=None, kw_only=True, converter=_optional_price_basis
    )
    period: Period | None = attrs.field(
        default=None, kw_only=True, converter=_to_period
    )
    estimate: bool = attrs.field(default=False, kw_only=True, validator=_check_estimate)
    judgement: Judgement | None = attrs.field(
        default=None,
        kw_only=True,
        validator=_optional_judgement,
    )

    def __attrs_post_init__(self) -> None:
        # An estimate is one fact, said by the figure's words (预计) or by the
        # field: both say it once the observation is built.
        figure = self.figure
        if figure.estimate is not self.estimate:
            if self.estimate:
                object.__setattr__(self, "figure", attrs.evolve(figure, estimate=True))
            else:
                object.__setattr__(self, "estimate", True)

    @property
    def reports(self) -> str:
        """What the figure reports: ``"level"``, ``"growth"``, ``"share"`` or
        ``"ratio"`` ("+8.8 %" is growth; "41.9 % of GDP" a share)."""
        figure = self.figure
        if figure.change in _GROWTH:
            return "growth"
        if figure.share_of is not None or self.of is not None:
            return "share"
        if figure.per is not None:
            return "ratio"
        return "level"

    def __getstate__(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in _OBSERVATION_FIELDS}

    def __setstate__(self, state: dict[str, Any]) -> None:
        # Pickles written before observations had a period and an estimate
        # lack them: those take their defaults.
        for name in _OBSERVATION_FIELDS:
            value = state[name] if name in state else _OBSERVATION_DEFAULTS[name]
            object.__setattr__(self, name, value)
        self.__attrs_post_init__()  # an estimate said by one side only

    def when(self, lang: str = "en") -> str:
        """The time the figure is for, in words: ``"2024"`` or ``"Q1-Q3 2024"``
        in English (``"en"``), ``"2024年"`` or ``"2024年前三季度"`` in Chinese
        (``"zh"``).

        >>> from industrial_plan import parse_figure
        >>> growth = Observation("value_added", 2024, parse_figure("+6.2%"),
        ...                      period="Q1-Q3")
        >>> growth.when(), growth.when("zh")
        ('Q1-Q3 2024', '2024年前三季度')
        """
        period = self.period
        if lang.startswith("zh"):
            return f"{self.year}年{period.describe('zh') if period else ''}"
        return f"{period.code} {self.year}" if period else str(self.year)

    @date.validator
    def _check_date(self, attribute: object, value: dt.date | None) -> None:
        if value is None:
            return
        if not isinstance(value, dt.date):
            raise FieldTypeError(
                f"observation date {value!r} is not a date: pass a "
                "datetime.date, such as datetime.date(2024, 3, 31)",
                field="date",
                value=value,
            )
        if value.year != self.year:
            raise FieldError(f"observation date {value} is not in its year {self.year}")
        # Here rather than a validator of the period: validators run once all
        # fields are set, and most observations have no date (one call less
        # for each of a large plan's observations).
        period = self.period
        if period is not None and not period.first <= value.month <= period.last:
            raise FieldError(
                f"observation date {value} is not in its period {period.code} "
                f"({period.describe()}) of {self.year}"
            )


_FIGURE_FIELD = attrs.fields(Target).figure
_OBSERVATION_FIELDS = tuple(field.name for field in attrs.fields(Observation))
_OBSERVATION_DEFAULTS = {"period": None, "estimate": False, "judgement": None}


def _standing_key(observation: Observation) -> tuple[Any, ...]:
    return (
        observation.metric,
        observation.year,
        observation.period,
        observation.reports,
    )


def standing(observations: Iterable[Observation]) -> list[Observation]:
    """The observations that stand, in their order: each estimate is left out
    where an observation of the same metric, year, period and kind
    (:attr:`Observation.reports`) that is not an estimate is given, wherever
    that one is listed.

    Of two observations that are not estimates nothing is left out here:
    a plan refuses two for one day, and of a year's dated observations the
    assessment takes the latest.

    >>> from industrial_plan import parse_figure
    >>> first = Observation("gdp", 2024, parse_figure("约13万亿元"), estimate=True)
    >>> final = Observation("gdp", 2024, parse_figure("13.2万亿元"))
    >>> standing([final, first]) == [final]
    True
    """
    listed = list(observations)
    if not any(o.estimate for o in listed):
        return listed
    final = {_standing_key(o) for o in listed if not o.estimate}
    return [o for o in listed if not (o.estimate and _standing_key(o) in final)]
