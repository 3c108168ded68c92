"""The domain model: an industrial system of tiers and industries, with targets,
observations, a roadmap of enterprises and policies, and a spatial layout.

Every class is a frozen attrs value.  Simple field checks run when a value is
built; checks that need the whole system (unique ids, links between items,
years inside the plan, units that fit their metric) run when an
:class:`IndustrialSystem` is built, and report every problem at once, each with
its field path (``tiers[1].industries[2].targets[0].year``).
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Protocol, TypeAlias, TypeVar

import attrs

from industrial_plan._errors import (
    NotFoundError,
    PlanValidationError,
    Problem,
    UnitError,
)
from industrial_plan._figures.figure import Figure
from industrial_plan._figures.forms import Change, is_percent
from industrial_plan._figures.qualifier import Qualifier
from industrial_plan._figures.source import Source
from industrial_plan._money.units import currency_of, parse_unit, ureg
from industrial_plan._text import check_text, free_text, single_line

# -- small values ------------------------------------------------------------------

_ID = re.compile(r"[A-Za-z][A-Za-z0-9_.-]{0,79}")


# Ids seen valid: a plan repeats a few metric ids thousands of times.  Bounded,
# so that a long-running process reading many plans does not grow without end.
_VALID_IDS: set[str] = set()
_KEEP_IDS = 65_536


def _check_id(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if type(value) is str and value in _VALID_IDS:
        return
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise ValueError(
            f"{attribute.name} {value!r} is not a valid id: start with a letter; "
            "use letters, digits, '_', '-' or '.'; at most 80 characters"
        )
    if type(value) is str and len(_VALID_IDS) < _KEEP_IDS:
        _VALID_IDS.add(value)


def _is_figure(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    # attrs's instance_of, as one plain function: built for every observation.
    if type(value) is not Figure and not isinstance(value, Figure):
        raise TypeError(
            f"{attribute.name!r} must be a Figure, got {value!r} "
            f"(a {type(value).__name__})"
        )


def _is_optional_figure(
    instance: object, attribute: attrs.Attribute[Any], value: Any
) -> None:
    if value is not None:
        _is_figure(instance, attribute, value)


def _check_optional_id(
    instance: object, attribute: attrs.Attribute[str | None], value: str | None
) -> None:
    if value is not None:
        _check_id(instance, attribute, value)  # type: ignore[arg-type]


def _as_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    if type(value) is tuple:
        return value
    # A str is iterable too, but a name where a list was meant is a mistake.
    if isinstance(value, str | bytes | Mapping):
        raise TypeError(f"expected a list, got {value!r}")
    return tuple(value)


def _items_are(kind: type) -> Any:
    """attrs validator: every item is a *kind* (one loop, no call per item)."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        for item in value:
            if type(item) is not kind and not isinstance(item, kind):
                raise TypeError(
                    f"{attribute.name!r} must hold {kind.__name__} values, "
                    f"got {item!r} (a {type(item).__name__})"
                )

    return check


_E = TypeVar("_E", bound=enum.Enum)
_MEMBERS: dict[type[enum.Enum], dict[Any, enum.Enum]] = {}


def member_of(kind: type[_E], value: Any) -> _E:
    """*value* as a member of *kind*: the same as ``kind(value)`` (and its
    errors), without the enum machinery for the members and values plans use.
    """
    if type(value) is kind:
        return value
    by_value = _MEMBERS.get(kind)
    if by_value is None:
        by_value = _MEMBERS[kind] = {member.value: member for member in kind}
    try:
        return by_value[value]  # type: ignore[return-value]
    except (KeyError, TypeError):
        return kind(value)


def _names(value: Any) -> tuple[tuple[str, str], ...]:
    if isinstance(value, Names):
        return value.by_language
    if isinstance(value, str):
        return (("en", value),)
    if type(value) is dict and len(value) == 1:
        # The common case, a name in one language, without a generator.
        ((key, text),) = value.items()
        return ((key if type(key) is str else str(key), text),)
    if isinstance(value, Mapping):
        return tuple((str(k), v) for k, v in value.items())
    return tuple((str(k), v) for k, v in value)


_TAG = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")
_GOOD_TAGS: set[str] = set()  # tags seen valid ("en", "zh"), bounded


@attrs.frozen
class Names:
    """A name in one or more languages, keyed by language tag (``en``, ``zh``).

    >>> names = Names({"en": "Biomedicine", "zh": "生物医药"})
    >>> names["zh"], str(names)
    ('生物医药', 'Biomedicine')
    """

    by_language: tuple[tuple[str, str], ...] = attrs.field(converter=_names)

    @by_language.validator
    def _check(self, attribute: object, value: tuple[tuple[str, str], ...]) -> None:
        if not value:
            raise ValueError("a name needs at least one language")
        if len(value) > 1:
            languages = [language for language, _ in value]
            if len(set(languages)) != len(languages):
                raise ValueError(f"a language appears twice in {dict(value)!r}")
        for language, text in value:
            if language not in _GOOD_TAGS:
                if not isinstance(language, str) or not _TAG.fullmatch(language):
                    raise ValueError(f"{language!r} is not a language tag such as 'en'")
                if len(_GOOD_TAGS) < 1024:
                    _GOOD_TAGS.add(language)
            if not isinstance(text, str) or not text.strip():
                raise ValueError(f"the {language!r} name is empty")
            check_text(text, f"the {language!r} name")

    def __getitem__(self, language: str) -> str:
        for tag, text in self.by_language:
            if tag == language:
                return text
        raise NotFoundError(language, "name in language", self.languages)

    def get(self, language: str, default: str | None = None) -> str | None:
        """The name in *language*, or *default*."""
        return dict(self.by_language).get(language, default)

    @property
    def languages(self) -> list[str]:
        """The language tags, in the order given."""
        return [tag for tag, _ in self.by_language]

    def best(self, language: str = "en") -> str:
        """The name in *language*, else in its base language, else the first one."""
        exact = self.get(language) or self.get(language.split("-")[0].split("_")[0])
        return exact if exact is not None else self.by_language[0][1]

    def matches(self, text: str) -> bool:
        """Whether *text* is one of the names, ignoring case and outer spaces."""
        wanted = text.strip().casefold()
        return any(name.strip().casefold() == wanted for _, name in self.by_language)

    def as_dict(self) -> dict[str, str]:
        """The names as a plain ``{language: name}`` dict."""
        return dict(self.by_language)

    def __str__(self) -> str:
        return self.best("en")


NameLike: TypeAlias = Names | str | Mapping[str, str]


def _to_names(value: NameLike) -> Names:
    return value if isinstance(value, Names) else Names(value)


class Direction(enum.Enum):
    """Which way is better for a metric."""

    HIGHER = "higher"
    """More is better: output, value added, capacity."""
    LOWER = "lower"
    """Less is better: energy intensity, emissions."""

    @property
    def sign(self) -> int:
        """+1 for higher-is-better, -1 for lower-is-better."""
        return 1 if self is Direction.HIGHER else -1


def _direction(value: Any) -> Direction:
    return member_of(Direction, value)


def _optional_direction(value: Any) -> Direction | None:
    return None if value is None else member_of(Direction, value)


MONEY = "money"
COUNT = "count"
PERCENT = "percent"
QUALITATIVE = "qualitative"
_DIMENSION = re.compile(
    r"\[[a-z_]+\](\s*(\*\*\s*-?\d|[*/])\s*\[[a-z_]+\])*(\s*\*\*\s*-?\d)?"
)


# The built-in metrics' dimensions, known good (tests/test_model.py checks
# them): checking them when the module loads would read pint's definitions
# at import (see _units._DeferredRegistry).
BUILTIN_DIMENSIONS = frozenset({"[power]", "[energy]", "[mass]"})


def _check_kind(instance: object, attribute: object, value: str) -> None:
    if value in (MONEY, COUNT, PERCENT, QUALITATIVE) or value in BUILTIN_DIMENSIONS:
        return
    try:
        if not _kind_dimensionality(value):
            raise ValueError(value)  # dimensionless: that is what "count" is for
    except (UnitError, ValueError):
        raise ValueError(
            f"metric kind {value!r} is not 'money', 'count', 'percent', "
            "'qualitative', a unit such as 'GW' or a dimension such as '[power]'"
        ) from None


def _kind_dimensionality(kind: str) -> Any:
    if _DIMENSION.fullmatch(kind):
        # Only bracketed names, operators and one-digit powers get here, so
        # pint's parser sees nothing it could blow up on.
        dims = ureg.get_dimensionality(kind)
        if not dims:
            raise ValueError(kind)
        return dims
    return parse_unit(kind).dimensionality


@attrs.frozen
class Metric:
    """What a target or an observation measures.

    Attributes:
        id: stable id, used by targets and observations to refer to it.
        name: its name in one or more languages.
        kind: ``"money"`` (any currency), ``"count"`` (a plain number),
            ``"percent"`` (a share or rate in percent, such as R&D intensity),
            ``"qualitative"`` (a statement, no number), or a unit or pint
            dimension that quantities must have (``"GW"``, ``"[energy]"``).
        direction: whether higher or lower values are better.
        description: what exactly is counted, in a sentence.
    """

    id: str = attrs.field(validator=_check_id)
    name: Names = attrs.field(converter=_to_names)
    kind: str = attrs.field(validator=_check_kind)
    direction: Direction = attrs.field(default=Direction.HIGHER, converter=_direction)
    description: str | None = attrs.field(default=None, validator=free_text)

    def accepts(self, figure: Figure) -> str | None:
        """``None`` if *figure* fits this metric, else why it does not."""
        # Only the kind and the unit decide, and a plan repeats a few of each;
        # most figures share a few units objects, found first by identity.
        units = figure.quantity._units
        seen = (self.kind, id(units))
        if _SEEN.get(seen) is units:
            return None
        if (self.kind, units) in _ACCEPTED:
            reason = None
        else:
            reason = self._reason(figure)
            if reason is None and len(_ACCEPTED) < 4096:
                _ACCEPTED.add((self.kind, units))
        if reason is None:
            if len(_SEEN) >= 4096:
                _SEEN.clear()  # the units of the plans read lately are found again
            _SEEN[seen] = units  # kept alive, so its id is not reused
        return reason

    def _reason(self, figure: Figure) -> str | None:
        quantity = figure.quantity
        if self.kind == QUALITATIVE:
            return f"metric {self.id!r} is qualitative and takes no figure"
        if self.kind == MONEY:
            if currency_of(quantity) is None:
                return f"metric {self.id!r} is money, but {figure.describe()!r} is not"
            return None
        if self.kind == COUNT:
            if not quantity.dimensionless or is_percent(quantity):
                shown = figure.describe()
                return f"metric {self.id!r} is a count, but {shown!r} has a unit"
            return None
        if self.kind == PERCENT:
            if not is_percent(quantity):
                shown = figure.describe()
                return f"metric {self.id!r} is in percent, but {shown!r} is not"
            return None
        if quantity.dimensionality != _kind_dimensionality(self.kind):
            return (
                f"metric {self.id!r} is measured in {self.kind}, "
                f"but {figure.describe()!r} is not"
            )
        return None


_ACCEPTED: set[tuple[str, Any]] = set()
"""(metric kind, units) pairs known to fit, so each is worked out once."""
_SEEN: dict[tuple[str, int], Any] = {}
"""The same, by the units' identity: most figures share a few units objects,
and identity is found without pint's slower equality."""


BUILTIN_METRICS: tuple[Metric, ...] = (
    Metric(
        "total_scale",
        {"en": "total scale", "zh": "总规模"},
        MONEY,
        description="operating revenue or gross output of the industries, per year",
    ),
    Metric("output_value", {"en": "output value", "zh": "产值"}, MONEY),
    Metric("value_added", {"en": "value added", "zh": "增加值"}, MONEY),
    Metric("investment", {"en": "investment", "zh": "投资"}, MONEY),
    Metric("enterprises", {"en": "number of enterprises", "zh": "企业数量"}, COUNT),
    Metric(
        "installed_capacity", {"en": "installed capacity", "zh": "装机容量"}, "[power]"
    ),
    Metric(
        "storage_capacity", {"en": "storage capacity", "zh": "储能容量"}, "[energy]"
    ),
    Metric("production", {"en": "production", "zh": "产量"}, "[mass]"),
    Metric("development", {"en": "development", "zh": "发展"}, QUALITATIVE),
    Metric(
        "gdp",
        {"en": "gross regional product", "zh": "地区生产总值"},
        MONEY,
        description="GDP of the region (地区生产总值), per year",
    ),
    Metric(
        "population",
        {"en": "resident population", "zh": "常住人口"},
        COUNT,
        description="residents at the end of the year",
    ),
    Metric(
        "industrial_value_added",
        {
            "en": "value added of industry above designated size",
            "zh": "规模以上工业增加值",
        },
        MONEY,
    ),
    Metric("rd_spending", {"en": "R&D spending", "zh": "研发经费投入"}, MONEY),
    Metric(
        "rd_intensity",
        {"en": "R&D intensity", "zh": "研发经费投入强度"},
        PERCENT,
        description="R&D spending as a share of GDP, when reported as such",
    ),
)
"""Metrics every plan may use without defining them."""


# -- targets and observations ----------------------------------------------------


def _check_year(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if type(value) is int and 1900 <= value <= 2200:
        return
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or not 1900 <= value <= 2200
    ):
        raise ValueError(
            f"{attribute.name} {value!r} is not a year between 1900 and 2200"
        )


TYPE_EXACT_VALIDATORS = frozenset({_check_id, _check_year})
"""Validators that check a value's type as strictly as plan files are read
(text for ids; a whole number, not a bool, for years): the quick path of
loading (:mod:`._quick`) leaves those fields to them."""


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


def _target_kind(value: Any) -> TargetKind:
    return member_of(TargetKind, value)


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


def _optional_indicator_type(value: Any) -> IndicatorType | None:
    return None if value is None else member_of(IndicatorType, value)


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


def _optional_price_basis(value: Any) -> PriceBasis | None:
    return None if value is None else member_of(PriceBasis, value)


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
        return f"a {kind.value} target cannot state {figure.change.value!r}"  # type: ignore[union-attr]
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
        statement: the qualitative goal ("significant progress"), or a note.
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
    """

    metric: str = attrs.field(validator=_check_id)
    year: int = attrs.field(validator=_check_year)
    figure: Figure | None = attrs.field(
        default=None,
        validator=_is_optional_figure,
    )
    statement: str | None = attrs.field(default=None, validator=free_text)
    source: Source | None = None
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

    @kind.default
    def _kind_default(self) -> TargetKind:
        return target_kind(self.figure)

    @base_year.validator
    def _check_base_year(self, attribute: object, value: int | None) -> None:
        if value is None:
            return
        _check_year(self, attribute, value)  # type: ignore[arg-type]
        if value >= self.year:
            raise ValueError(f"base_year {value} is not before the year {self.year}")

    @of.validator
    def _check_of(self, attribute: object, value: str | None) -> None:
        if value is None:
            return
        _check_id(self, attribute, value)  # type: ignore[arg-type]
        if self.kind not in (TargetKind.SHARE, TargetKind.RATIO):
            raise ValueError(
                f"'of' names the whole of a share or a ratio, not of a "
                f"{self.kind.value} target"
            )

    def __attrs_post_init__(self) -> None:
        figure, kind = self.figure, self.kind
        if figure is None and not (self.statement and self.statement.strip()):
            raise ValueError(
                f"target for {self.metric!r} in {self.year} needs a figure "
                "or a statement"
            )
        problem = _kind_problem(kind, figure)
        if problem is not None and not (kind is _QUALITATIVE and figure is not None):
            raise ValueError(f"target for {self.metric!r} in {self.year}: {problem}")
        if kind is _QUALITATIVE and figure is not None:
            raise ValueError(
                f"target for {self.metric!r} in {self.year} has a figure, so it "
                f"is not a qualitative aim"
            )
        stated = figure.base_year if figure is not None else None
        if (
            stated is not None
            and self.base_year is not None
            and stated != self.base_year
        ):
            raise ValueError(
                f"base_year {self.base_year} differs from the figure's {stated}"
            )
        if stated is not None and stated >= self.year:
            raise ValueError(f"base year {stated} is not before the year {self.year}")

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


@attrs.frozen
class Observation:
    """A reported value of one metric for one year.

    Besides levels, an observation may report the year's growth ("+8.8 %"),
    a share ("41.9 % of GDP", or a percentage with :attr:`of` naming the
    whole) or a ratio per head: :attr:`reports` says which.

    Attributes:
        metric: id of the :class:`Metric` measured.
        year: the year the value is for.
        figure: the reported figure, with its qualifier.
        source: where it was reported.
        date: the day, when the figure is for a day rather than a year.
        of: for a reported share, the id of the metric it is a share of.
        price_basis: current or comparable prices, for money and growth.
    """

    metric: str = attrs.field(validator=_check_id)
    year: int = attrs.field(validator=_check_year)
    figure: Figure = attrs.field(validator=_is_figure)
    source: Source | None = None
    date: dt.date | None = attrs.field(default=None)
    of: str | None = attrs.field(
        default=None,
        kw_only=True,
        validator=_check_optional_id,
    )
    price_basis: PriceBasis | None = attrs.field(
        default=None, kw_only=True, converter=_optional_price_basis
    )

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

    @date.validator
    def _check_date(self, attribute: object, value: dt.date | None) -> None:
        if value is None:
            return
        if not isinstance(value, dt.date):
            raise ValueError(f"observation date {value!r} is not a date")
        if value.year != self.year:
            raise ValueError(f"observation date {value} is not in its year {self.year}")


# -- industries and tiers ---------------------------------------------------------


@attrs.frozen
class ClassificationCode:
    """A code of an industry in a classification ("GB/T 4754-2017", "C27")."""

    scheme: str = attrs.field(validator=single_line)
    code: str = attrs.field(validator=single_line)


@attrs.frozen
class Industry:
    """One industry or industrial cluster within a tier.

    Attributes:
        id: stable id, unique in the whole system.
        name: its name in one or more languages.
        codes: codes in industry classifications.
        targets: its own targets.
        observations: its own reported values.
    """

    id: str = attrs.field(validator=_check_id)
    name: Names = attrs.field(converter=_to_names)
    codes: tuple[ClassificationCode, ...] = attrs.field(
        default=(),
        converter=_as_tuple,
        validator=_items_are(ClassificationCode),
    )
    targets: tuple[Target, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_items_are(Target)
    )
    observations: tuple[Observation, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_items_are(Observation)
    )


PILLAR_CLUSTER = "pillar industrial cluster"
STRATEGIC_EMERGING = "strategic emerging industry"
FUTURE_INDUSTRY = "future industry"


@attrs.frozen
class Tier:
    """A tier of the system: a group of industries of one kind.

    A tier's targets and observations are for the tier as a whole, as plans
    often state them ("800 billion yuan for the four strategic emerging
    industries").

    Attributes:
        id: stable id, unique in the system.
        name: its name in one or more languages.
        kind: what the industries are (:data:`PILLAR_CLUSTER`,
            :data:`STRATEGIC_EMERGING`, :data:`FUTURE_INDUSTRY`, or any kind a
            plan names).
        industries: the industries of the tier.
        targets: targets for the tier as a whole.
        observations: reported values for the tier as a whole.
        open_ended: whether the plan leaves the list open ("X" future tracks,
            "and others"): the industries listed are examples, and the
            system's :attr:`~IndustrialSystem.formula` writes "X" for them.
    """

    id: str = attrs.field(validator=_check_id)
    name: Names = attrs.field(converter=_to_names)
    kind: str = attrs.field(
        validator=attrs.validators.and_(attrs.validators.min_len(1), single_line)
    )
    industries: tuple[Industry, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_items_are(Industry)
    )
    targets: tuple[Target, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_items_are(Target)
    )
    observations: tuple[Observation, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_items_are(Observation)
    )
    open_ended: bool = attrs.field(
        default=False, kw_only=True, validator=attrs.validators.instance_of(bool)
    )


_REGION_NAME = Names({"en": "whole region", "zh": "全地区"})


@attrs.frozen
class Regional:
    """Indicators of the whole region that belong to no tier.

    Regional GDP, resident population, the value added of all industry above
    designated size, R&D intensity: plans state targets for them, and shares
    and ratios per head are taken of them.  In reports their owner is the
    region, with the id ``"region"``.

    Attributes:
        targets: targets for the region as a whole.
        observations: reported values for the region as a whole.
        name: how reports name the owner of these indicators.
    """

    targets: tuple[Target, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_items_are(Target)
    )
    observations: tuple[Observation, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_items_are(Observation)
    )
    name: Names = attrs.field(default=_REGION_NAME, converter=_to_names)

    @property
    def id(self) -> str:
        """Always ``"region"``: there is one region per plan."""
        return REGION


REGION = "region"
"""The owner id of region-wide indicators (:class:`Regional`)."""

Owner: TypeAlias = Tier | Industry | Regional
"""Whatever can own targets and observations: a tier, an industry, the region."""


# -- roadmap and spatial layout ------------------------------------------------------


class EnterpriseRole(enum.Enum):
    """An enterprise's place on the roadmap."""

    LEADING = "leading enterprise"
    INVESTMENT_TARGET = "investment target"


def _role(value: Any) -> EnterpriseRole:
    return member_of(EnterpriseRole, value)


@attrs.frozen
class Enterprise:
    """An enterprise on the roadmap, linked to its industries (or tiers)."""

    id: str = attrs.field(validator=_check_id)
    name: Names = attrs.field(converter=_to_names)
    role: EnterpriseRole = attrs.field(converter=_role)
    industries: tuple[str, ...] = attrs.field(default=(), converter=_as_tuple)
    source: Source | None = None


@attrs.frozen
class Policy:
    """A policy on the roadmap, linked to the industries (or tiers) it serves."""

    id: str = attrs.field(validator=_check_id)
    name: Names = attrs.field(converter=_to_names)
    industries: tuple[str, ...] = attrs.field(default=(), converter=_as_tuple)
    description: str | None = attrs.field(default=None, validator=free_text)
    source: Source | None = None


@attrs.frozen
class Zone:
    """A place in the spatial layout (district, industrial park) and what it hosts."""

    id: str = attrs.field(validator=_check_id)
    name: Names = attrs.field(converter=_to_names)
    kind: str = attrs.field(default="industrial park", validator=single_line)
    industries: tuple[str, ...] = attrs.field(default=(), converter=_as_tuple)
    source: Source | None = None


@attrs.frozen
class Roadmap:
    """The industrial development roadmap: enterprises and policies by industry.

    Attributes:
        summary: what the roadmap is, in the plan's own terms (paraphrased).
        source: where it is described.
        enterprises: leading enterprises and investment targets.
        policies: the policies and the industries they serve.
    """

    summary: str | None = attrs.field(default=None, validator=free_text)
    source: Source | None = None
    enterprises: tuple[Enterprise, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_items_are(Enterprise)
    )
    policies: tuple[Policy, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_items_are(Policy)
    )


@attrs.frozen
class SpatialLayout:
    """The spatial layout of industries: which zone hosts which industries."""

    summary: str | None = attrs.field(default=None, validator=free_text)
    source: Source | None = None
    zones: tuple[Zone, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_items_are(Zone)
    )


# -- the system ----------------------------------------------------------------------


@attrs.frozen
class IndustrialSystem:
    """A regional industrial system: tiers of industries with targets and progress.

    Building one checks the whole: ids unique in their scope, links that point
    at known ids, target years inside the plan, units that fit their metric,
    money that is not negative.  Every problem is reported at once in a
    :class:`PlanValidationError`.  Use :func:`attrs.evolve` or
    :meth:`update` for changes: they return a new, checked system.

    >>> from industrial_plan import examples
    >>> xiamen = examples.xiamen()
    >>> xiamen.formula
    '4+4+6'

    Attributes:
        name: the system's name in one or more languages.
        region: the region it belongs to.
        start_year: the plan's first year (its base year).
        end_year: the plan's last (target) year.
        tiers: the tiers, in the plan's order.
        metrics: metrics the plan defines beyond :data:`BUILTIN_METRICS`.
        roadmap: enterprises and policies by industry.
        layout: zones and the industries they host.
        sources: the documents the plan cites.
        regional: indicators of the whole region (GDP, population) with
            their targets and observations.
    """

    name: Names = attrs.field(converter=_to_names)
    region: Names = attrs.field(converter=_to_names)
    start_year: int = attrs.field(validator=_check_year)
    end_year: int = attrs.field(validator=_check_year)
    tiers: tuple[Tier, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_items_are(Tier)
    )
    metrics: tuple[Metric, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_items_are(Metric)
    )
    roadmap: Roadmap = attrs.field(factory=Roadmap)
    layout: SpatialLayout = attrs.field(factory=SpatialLayout)
    sources: tuple[Source, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_items_are(Source)
    )
    regional: Regional = attrs.field(
        factory=Regional, validator=attrs.validators.instance_of(Regional)
    )

    def __attrs_post_init__(self) -> None:
        problems = check(self)
        if problems:
            raise PlanValidationError(problems)

    # -- derived ---------------------------------------------------------------------

    @property
    def formula(self) -> str:
        """The tier sizes joined by '+': ``"4+4+6"`` for Xiamen.

        An open-ended tier counts as "X", as plans write it ("5+X").
        """
        return "+".join(
            "X" if tier.open_ended else str(len(tier.industries)) for tier in self.tiers
        )

    @property
    def industries(self) -> tuple[Industry, ...]:
        """Every industry of every tier, in order."""
        return tuple(industry for tier in self.tiers for industry in tier.industries)

    @property
    def all_metrics(self) -> tuple[Metric, ...]:
        """The built-in metrics followed by the plan's own."""
        return BUILTIN_METRICS + self.metrics

    # -- navigation ------------------------------------------------------------------

    def tier(self, key: str) -> Tier:
        """The tier with this id or name (any language, case ignored)."""
        return _find(self.tiers, key, "tier")

    def industry(self, key: str) -> Industry:
        """The industry with this id or name (any language, case ignored)."""
        return _find(self.industries, key, "industry")

    def owner(self, key: str) -> Owner:
        """The tier or industry with this id or name, or ``"region"``."""
        if key == REGION:
            return self.regional
        owners: tuple[Tier | Industry, ...] = (*self.tiers, *self.industries)
        try:
            return _find(owners, key, "tier or industry")
        except NotFoundError:
            if self.regional.name.matches(key):
                return self.regional
            raise

    def tier_of(self, industry: Industry | str) -> Tier:
        """The tier an industry belongs to."""
        wanted = industry if isinstance(industry, str) else industry.id
        for tier in self.tiers:
            if any(item.id == wanted for item in tier.industries):
                return tier
        raise NotFoundError(wanted, "industry", [i.id for i in self.industries])

    def metric(self, key: str) -> Metric:
        """The metric with this id or name, plan metrics before built-in ones."""
        return _find((*self.metrics, *BUILTIN_METRICS), key, "metric")

    def owners(self) -> Iterator[Owner]:
        """The region, then every tier followed by its industries, in plan order."""
        yield self.regional
        for tier in self.tiers:
            yield tier
            yield from tier.industries

    def targets(self) -> Iterator[tuple[Owner, Target]]:
        """Every target with its owner (tier or industry)."""
        for owner in self.owners():
            for target in owner.targets:
                yield owner, target

    def observations(self) -> Iterator[tuple[Owner, Observation]]:
        """Every observation with its owner (tier or industry)."""
        for owner in self.owners():
            for observation in owner.observations:
                yield owner, observation

    # -- changes ---------------------------------------------------------------------

    def update(self, key: str, **changes: Any) -> IndustrialSystem:
        """A new system in which the tier or industry *key* has *changes*.

        >>> from industrial_plan import examples
        >>> xiamen = examples.xiamen()
        >>> renamed = xiamen.update("biomedicine", name="Biomedicine and health")
        >>> str(renamed.industry("biomedicine").name)
        'Biomedicine and health'
        """
        target = self.owner(key)
        changed = attrs.evolve(target, **changes)
        if isinstance(changed, Regional):
            return attrs.evolve(self, regional=changed)
        tiers = []
        for tier in self.tiers:
            if tier is target:
                tiers.append(changed)
                continue
            industries = tuple(changed if i is target else i for i in tier.industries)
            tiers.append(attrs.evolve(tier, industries=industries))
        return attrs.evolve(self, tiers=tuple(tiers))

    def with_observation(self, key: str, observation: Observation) -> IndustrialSystem:
        """A new system with *observation* added to the tier or industry *key*.

        Only the checks that one more observation can fail run again (those
        of its owner), so adding to a large plan costs little.
        """
        owner = self.owner(key)
        changed = attrs.evolve(owner, observations=(*owner.observations, observation))
        return self._with_owner(owner, changed)

    def with_target(self, key: str, target: Target) -> IndustrialSystem:
        """A new system with *target* added to the tier or industry *key*.

        Only the checks that one more target can fail run again (those of its
        owner), so adding to a large plan costs little.
        """
        owner = self.owner(key)
        changed = attrs.evolve(owner, targets=(*owner.targets, target))
        return self._with_owner(owner, changed)

    def _with_owner(self, owner: Owner, changed: Owner) -> IndustrialSystem:
        """This system with *owner* replaced by *changed*, which differs from it
        in its targets or observations only.

        The whole-plan checks of targets and observations look at one owner
        at a time, and this system passed them all when it was built: only
        the changed owner's checks can find anything new.
        """
        metrics = {m.id: m for m in (*BUILTIN_METRICS, *self.metrics)}
        problems: list[Problem] = []
        _check_owner(problems, self._path_of(owner), changed, self, metrics)
        if problems:
            raise PlanValidationError(problems)
        if isinstance(changed, Regional):
            return _unchecked_copy(self, regional=changed)
        tiers = list(self.tiers)
        for t, tier in enumerate(tiers):
            if tier is owner:
                tiers[t] = typing.cast(Tier, changed)
            elif any(industry is owner for industry in tier.industries):
                industries = tuple(
                    changed if industry is owner else industry
                    for industry in tier.industries
                )
                tiers[t] = attrs.evolve(tier, industries=industries)
        return _unchecked_copy(self, tiers=tuple(tiers))

    def _path_of(self, owner: Owner) -> str:
        """The field path of a tier, an industry or the region-wide indicators."""
        if owner is self.regional:
            return "regional"
        for t, tier in enumerate(self.tiers):
            if tier is owner:
                return f"tiers[{t}]"
            for n, industry in enumerate(tier.industries):
                if industry is owner:
                    return f"tiers[{t}].industries[{n}]"
        raise NotFoundError(str(getattr(owner, "id", owner)), "owner", [])


def _unchecked_copy(system: IndustrialSystem, **changes: Any) -> IndustrialSystem:
    """*system* with *changes*, without the whole-plan checks: for changes the
    caller has checked (see :meth:`IndustrialSystem._with_owner`)."""
    copy = object.__new__(IndustrialSystem)
    for field in attrs.fields(IndustrialSystem):
        value = changes.get(field.name, getattr(system, field.name))
        object.__setattr__(copy, field.name, value)
    return copy


class _Named(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> Names: ...


_T = TypeVar("_T", bound=_Named)


def _find(items: Iterable[_T], key: str, what: str) -> _T:
    pool = list(items)
    for item in pool:
        if item.id == key:
            return item
    for item in pool:
        if item.name.matches(key):
            return item
    raise NotFoundError(key, what, [item.id for item in pool])


# -- whole-system checks ---------------------------------------------------------------


def check(system: IndustrialSystem) -> list[Problem]:
    """Every problem of *system* that its parts cannot see on their own.

    :class:`IndustrialSystem` runs this when built; it is public so that tools
    can list problems of a system assembled by other means.
    """
    problems: list[Problem] = []
    add = problems.append
    if system.end_year < system.start_year:
        add(
            Problem(
                "end_year",
                f"{system.end_year} is before start_year {system.start_year}",
            )
        )

    # A plan may redefine a built-in metric, but not define one twice.
    _unique(problems, "metrics", system.metrics, "metric")
    metrics = {m.id: m for m in (*BUILTIN_METRICS, *system.metrics)}

    _unique(problems, "tiers", system.tiers, "tier")
    owners: dict[str, str] = {
        tier.id: f"tiers[{t}]" for t, tier in enumerate(system.tiers)
    }
    industry_paths: dict[str, str] = {}
    for t, tier in enumerate(system.tiers):
        for n, industry in enumerate(tier.industries):
            path = f"tiers[{t}].industries[{n}]"
            if industry.id in industry_paths or industry.id in owners:
                first = industry_paths.get(industry.id) or owners[industry.id]
                add(
                    Problem(
                        f"{path}.id",
                        f"duplicate id {industry.id!r}, first used at {first}",
                    )
                )
            else:
                industry_paths[industry.id] = path
    _unique_names(problems, [(f"tiers[{t}]", x) for t, x in enumerate(system.tiers)])
    _unique_names(
        problems,
        [
            (f"tiers[{t}].industries[{n}]", x)
            for t, tier in enumerate(system.tiers)
            for n, x in enumerate(tier.industries)
        ],
    )

    _check_owner(problems, "regional", system.regional, system, metrics)
    for t, tier in enumerate(system.tiers):
        _check_owner(problems, f"tiers[{t}]", tier, system, metrics)
        for n, industry in enumerate(tier.industries):
            _check_owner(
                problems, f"tiers[{t}].industries[{n}]", industry, system, metrics
            )

    linkable = set(owners) | set(industry_paths)
    groups: tuple[tuple[str, tuple[Enterprise | Policy | Zone, ...]], ...] = (
        ("roadmap.enterprises", system.roadmap.enterprises),
        ("roadmap.policies", system.roadmap.policies),
        ("layout.zones", system.layout.zones),
    )
    for group, items in groups:
        _unique(problems, group, items, group.split(".")[1][:-1])
        for i, item in enumerate(items):
            for j, link in enumerate(item.industries):
                if link not in linkable:
                    add(
                        Problem(
                            f"{group}[{i}].industries[{j}]",
                            f"{item.id!r} links to {link!r}, which is not the id of "
                            "any tier or industry",
                        )
                    )
    _unique(problems, "sources", system.sources, "source", required=False)
    return problems


def _unique(
    problems: list[Problem],
    path: str,
    items: Iterable[Any],
    what: str,
    required: bool = True,
) -> None:
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        key = item.id
        if key is None and not required:
            continue
        if key in seen:
            problems.append(
                Problem(
                    f"{path}[{i}].id",
                    f"duplicate {what} id {key!r}, first at {path}[{seen[key]}]",
                )
            )
        else:
            seen[key] = i


def _unique_names(problems: list[Problem], items: list[tuple[str, Any]]) -> None:
    seen: dict[tuple[str, str], str] = {}
    for path, item in items:
        for language, name in item.name.by_language:
            key = (language, name.strip().casefold())
            if key in seen:
                problems.append(
                    Problem(
                        f"{path}.name.{language}",
                        f"duplicate name {name!r}, also at {seen[key]}",
                    )
                )
            else:
                seen[key] = path


def _check_owner(
    problems: list[Problem],
    path: str,
    owner: Owner,
    system: IndustrialSystem,
    metrics: dict[str, Metric],
) -> None:
    # A plan has many owners and few problems: paths are written only for
    # the problems found.
    add = problems.append
    seen: dict[tuple[object, ...], int] = {}
    for k, target in enumerate(owner.targets):
        # A level and a share of one metric are two indicators; so are two
        # qualitative aims with different statements.
        key = (
            target.metric,
            target.year,
            target.kind,
            target.of,
            target.statement if target.figure is None else None,
        )
        if key in seen:
            add(
                Problem(
                    f"{path}.targets[{k}]",
                    f"a second {target.kind.value} target for {target.metric!r} in "
                    f"{target.year} (first at {path}.targets[{seen[key]}])",
                )
            )
        else:
            seen[key] = k
        if target.year < system.start_year:
            add(
                Problem(
                    f"{path}.targets[{k}].year",
                    f"target year {target.year} is before the plan's "
                    f"start_year {system.start_year}",
                )
            )
        found = _target_problems(target, metrics)
        if found:
            problems.extend(
                Problem(f"{path}.targets[{k}]{where}", reason)
                for where, reason in found
            )
    seen_obs: dict[tuple[Any, ...], int] = {}
    for k, observation in enumerate(owner.observations):
        reports = observation.reports
        # A level and the year's growth of one metric are two observations.
        key_obs = (observation.metric, observation.year, observation.date, reports)
        if key_obs in seen_obs:
            add(
                Problem(
                    f"{path}.observations[{k}]",
                    f"a second observation of {observation.metric!r} for "
                    f"{observation.year} "
                    f"(first at {path}.observations[{seen_obs[key_obs]}])",
                )
            )
        else:
            seen_obs[key_obs] = k
        found = _observation_problems(observation, reports, metrics)
        if found:
            problems.extend(
                Problem(f"{path}.observations[{k}]{where}", reason)
                for where, reason in found
            )


# Problems inside a target or an observation: the path below it, and why.
_Found: TypeAlias = list[tuple[str, str]] | None


def _target_problems(target: Target, metrics: dict[str, Metric]) -> _Found:
    found = _link_problems(target.of, metrics)
    # Rates and shares are percentages of whatever the metric measures.
    figure = target.figure
    in_percent = target.kind in (TargetKind.SHARE, TargetKind.GROWTH) or (
        figure is not None
        and figure.change in _PERCENT_CHANGES
        and is_percent(figure.quantity)
    )
    more = _figure_problems(target.metric, figure, metrics, in_percent)
    return found + more if found and more else found or more


_PERCENT_CHANGES = frozenset({*_GROWTH, Change.REDUCTION})


def _observation_problems(
    observation: Observation, reports: str, metrics: dict[str, Metric]
) -> _Found:
    figure = observation.figure
    if reports == "level" and figure.change is None and observation.of is None:
        # The usual observation, checked without the calls below.
        metric = metrics.get(observation.metric)
        if (
            metric is not None
            and metric.accepts(figure) is None
            and not (metric.kind == MONEY and figure.quantity._magnitude < 0)
        ):
            return None
    found = _link_problems(observation.of, metrics)
    if figure.change is not None and figure.change not in _GROWTH:
        change = (
            ".figure",
            f"an observation reports a level, a growth rate, a share or a "
            f"ratio, not {figure.change.value!r}",
        )
        return [*(found or ()), change]
    in_percent = reports in ("growth", "share")
    more = _figure_problems(observation.metric, figure, metrics, in_percent)
    return found + more if found and more else found or more


def _link_problems(metric_id: str | None, metrics: dict[str, Metric]) -> _Found:
    if metric_id is None or metric_id in metrics:
        return None
    return [(".of", f"unknown metric {metric_id!r}; known: {', '.join(metrics)}")]


def _figure_problems(
    metric_id: str,
    figure: Figure | None,
    metrics: dict[str, Metric],
    in_percent: bool = False,
) -> _Found:
    metric = metrics.get(metric_id)
    if metric is None:
        known = ", ".join(metrics)
        return [(".metric", f"unknown metric {metric_id!r}; known: {known}")]
    if figure is None:
        return None
    reason: str | None
    if in_percent:
        if metric.kind == QUALITATIVE:
            reason = f"metric {metric.id!r} is qualitative and takes no figure"
        elif not is_percent(figure.quantity):
            reason = f"{figure.describe()!r} is not in percent"
        else:
            reason = None
        return None if reason is None else [(".figure", reason)]
    reason = metric.accepts(figure)
    if reason is None and metric.kind == MONEY and figure.quantity._magnitude < 0:
        reason = f"negative money amount {figure.describe()!r}"
    return None if reason is None else [(".figure", reason)]
