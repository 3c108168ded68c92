"""The rows of a progress report: each target as a :class:`Row` of display
text, in English or Chinese, with the headings, the title and the notes that go
under the table.

Every view of a report but JSON starts from these rows: the terminal's text,
the rich table, CSV, Markdown (:mod:`.report`) and HTML (:mod:`.html`).
Figures are written with :func:`~industrial_plan.format_figure`.

Amounts may be shown in another currency (``Display(currency="USD")``): the
rates used are returned by :func:`display_rates` and stated in :func:`notes`,
and converted amounts are rounded so that a bound still holds after rounding
("more than" rounds down, "less than" rounds up).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Mapping
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, Decimal
from typing import Final

import attrs
from babel.numbers import (
    get_decimal_symbol,
    get_group_symbol,
    get_minus_sign_symbol,
)

from industrial_plan._errors import FieldError
from industrial_plan._figures.figure import Figure
from industrial_plan._figures.format import COMPUTED_DIGITS, format_figure
from industrial_plan._figures.format import rounded as round_figure
from industrial_plan._figures.qualifier import Qualifier
from industrial_plan._money.rates import Rate, convert
from industrial_plan._money.units import (
    currency_code,
    currency_of,
    quantize,
    tidy,
    ureg,
)
from industrial_plan._plan.metrics import BUILTIN_METRICS
from industrial_plan._plan.system import IndustrialSystem
from industrial_plan._plan.targets import Observation
from industrial_plan._progress.consistency import Mismatch
from industrial_plan._progress.results import Assessment, Point, Status
from industrial_plan._progress.system import NOT_ASSESSED, SystemAssessment
from industrial_plan._text import neutral

__all__ = [
    "COLUMNS",
    "Display",
    "Row",
    "display_rates",
    "headers",
    "notes",
    "report_year",
    "rounded",
    "rows",
    "title",
]

LANGUAGES: Final = ("en", "zh")
STYLES: Final = ("long", "compact")

# Converted amounts are display values: four significant digits read like the
# founding article's "$442.2 billion" and never pretend to the rate's precision.
SIGNIFICANT_DIGITS: Final = 4
# Percentages are shown with two decimals ("66.66 %").
PERCENT_QUANTUM: Final = Decimal("0.01")

COLUMNS: Final = (
    "owner",
    "metric",
    "target",
    "latest",
    "attainment",
    "gap",
    "required_cagr",
    "status",
)
"""The fields of a :class:`Row`, in display order."""

# The words a report needs besides the plan's own names and the formatted
# figures.  Status labels: the first column is industrial_plan.Status.value.
_TEXT: Final[Mapping[str, Mapping[str, str]]] = {
    "en": {
        "owner": "tier or industry",
        "metric": "metric",
        "target": "target",
        "latest": "latest",
        "attainment": "attainment",
        "gap": "gap",
        "required_cagr": "required CAGR",
        "status": "status",
        "none": "—",
        "dated": "{year}: {text}",
        "spanned": "{first}-{last}: {text} a year",
        "estimate": "{text} (estimate)",
        "partial": "latest partial year: {text} ({when})",
        "partial_estimate": "latest partial year: {text} ({when}, estimate)",
        "separator": "; ",
        "percent": "{number} %",
        "as_of": "{name}, as of {year}",
        "display": (
            "Amounts in {currency} at {rate}, rounded to {digits} significant "
            "digits (bounds rounded so that they still hold)."
        ),
        "observation_rate": "Observations converted at {rate}.",
        "mismatch": (
            "Totals do not add up: {tier}, {metric} {year}: stated {stated}, "
            "sum of industries {parts}{missing}."
        ),
        "missing": "; no figure for {missing}",
        "unassessed": "{owner}, {metric}: {note}",
        "unbounded": "no bound",
        "name": "name",
        "kind": "kind",
        "industries": "industries",
        "targets": "targets",
        "observations": "observations",
        "region": "region",
        "years": "years",
        "notes": "notes",
    },
    "zh": {
        "owner": "层级或产业",
        "metric": "指标",
        "target": "目标",
        "latest": "最新数据",
        "attainment": "完成度",
        "gap": "差距",
        "required_cagr": "所需年均增速",
        "status": "状态",
        "none": "—",
        "dated": "{year}年：{text}",
        "spanned": "{first}—{last}年：年均{text}",
        "estimate": "{text}（预计）",
        "partial": "最新非全年数据：{text}（{when}）",
        "partial_estimate": "最新非全年数据：{text}（{when}，预计）",
        "separator": "；",
        "percent": "{number}%",
        "as_of": "{name}（截至{year}年）",
        "display": (
            "金额按{rate}换算为{currency}，保留{digits}位有效数字"
            "（上下限取整后仍成立）。"
        ),
        "observation_rate": "观测值按{rate}换算。",
        "mismatch": (
            "合计不一致：{tier}，{metric}，{year}年：所报{stated}，"
            "各产业合计{parts}{missing}。"
        ),
        "missing": "；缺少以下产业的数据：{missing}",
        "unassessed": "{owner}，{metric}：{note}",
        "unbounded": "无界",
        "name": "名称",
        "kind": "类别",
        "industries": "产业",
        "targets": "目标",
        "observations": "观测值",
        "region": "地区",
        "years": "年份",
        "notes": "说明",
    },
}

_STATUS: Final[Mapping[str, Mapping[Status, str]]] = {
    "en": {status: status.value for status in Status},
    "zh": {status: status.chinese for status in Status},
}

# Signs for the qualifier of a percentage; "≈" also marks an approximate bound.
_SIGNS: Final = {
    Qualifier.EXACT: "",
    Qualifier.ABOUT: "≈",
    Qualifier.AT_LEAST: "≥",
    Qualifier.MORE_THAN: ">",
    Qualifier.AT_MOST: "≤",
    Qualifier.LESS_THAN: "<",
}
# babel's data for each report language, as _format uses it.
_CLDR: Final = {"en": "en", "zh": "zh_Hans_CN"}


def _check_lang(instance: object, attribute: object, value: str) -> None:
    if value not in LANGUAGES:
        raise FieldError(f"language {value!r} is not supported; use 'en' or 'zh'")


def _check_style(instance: object, attribute: object, value: str) -> None:
    if value not in STYLES:
        raise FieldError(f"style {value!r} is not supported; use 'long' or 'compact'")


def _optional_code(value: str | None) -> str | None:
    return None if value is None else currency_code(value)


def _rate_tuple(rates: Iterable[Rate]) -> tuple[Rate, ...]:
    return tuple(rates)


@attrs.frozen
class Display:
    """How a report is written: language, figure style, and display currency.

    Attributes:
        lang: ``"en"`` or ``"zh"``.
        style: ``"long"`` (``491.2 billion yuan``) or ``"compact"`` (``CN¥491.2B``).
        currency: show amounts of money in this currency (an ISO code or a
            name the library knows); ``None`` keeps each target's currency.
        rates: the rates to *currency*, one per currency converted from; see
            :func:`display_rates`.
    """

    lang: str = attrs.field(default="en", validator=_check_lang)
    style: str = attrs.field(default="long", validator=_check_style)
    currency: str | None = attrs.field(default=None, converter=_optional_code)
    rates: tuple[Rate, ...] = attrs.field(default=(), converter=_rate_tuple)

    def rate_from(self, code: str | None) -> Rate | None:
        """The rate that converts *code* to the display currency, if one applies."""
        if self.currency is None or code is None or code == self.currency:
            return None
        for rate in self.rates:
            if (rate.base, rate.quote) == (code, self.currency):
                return rate
        raise FieldError(f"no display rate from {code} to {self.currency} was given")


@attrs.frozen
class Row:
    """One target, written for display; every field is text."""

    owner: str
    metric: str
    target: str
    latest: str
    attainment: str
    gap: str
    required_cagr: str
    status: str

    def cells(self) -> tuple[str, ...]:
        """The fields in :data:`COLUMNS` order."""
        return attrs.astuple(self)


# -- the year and the rates of a display currency --------------------------------------


def report_year(assessment: SystemAssessment) -> int:
    """The year a report speaks of: its *as_of*, else the latest observation's year.

    A plan with no observation at all speaks of its ``start_year``.
    """
    if assessment.as_of is not None:
        return assessment.as_of
    years = [a.latest.year for a in assessment if a.latest is not None]
    return max(years, default=assessment.system.start_year)


def display_rates(
    assessment: SystemAssessment, currency: str, *, on: dt.date | None = None
) -> tuple[Rate, ...]:
    """The rates that show every amount of the assessment in *currency*.

    One rate per currency the targets are stated in: the average rate of
    :func:`report_year` by default, or the daily rate of *on*, from the
    bundled ECB reference rates.
    """
    wanted = currency_code(currency)
    codes = {
        currency_of(a.target.figure.quantity) for a in assessment if a.target.figure
    }
    found = []
    for code in sorted(c for c in codes if c is not None and c != wanted):
        one = ureg.Quantity(Decimal(1), code)
        if on is not None:
            found.append(convert(one, wanted, on=on).rate)
        else:
            found.append(convert(one, wanted, year=report_year(assessment)).rate)
    return tuple(found)


# -- rows ------------------------------------------------------------------------------


def rows(assessment: SystemAssessment, display: Display | None = None) -> list[Row]:
    """One display row per target, in plan order."""
    chosen = display or Display()
    return [_row(result, assessment.system, chosen) for result in assessment]


def _row(result: Assessment, system: IndustrialSystem | None, display: Display) -> Row:
    text = _TEXT[display.lang]
    target = result.target
    if target.figure is not None:
        stated = _amount(target.figure, display)
    else:
        stated = target.statement_in(display.lang) or text["none"]
    latest = text["none"]
    if result.latest is not None:
        digits = None if as_stated(result.latest) else COMPUTED_DIGITS
        latest = _dated(
            _amount(result.latest.figure, display, digits), result.latest.year, text
        )
        if result.latest.estimate:
            latest = text["estimate"].format(text=latest)
    elif result.actual is not None and (span := growth_span(result)) is not None:
        # A growth target's actual is the rate observed over the span.
        shown = _amount(result.actual, display, COMPUTED_DIGITS)
        latest = text["spanned"].format(first=span[0], last=span[1], text=shown)
    if result.latest_partial is not None:
        partial = _partial(result.latest_partial, display)
        if result.latest is None:
            latest = partial
        else:
            latest = f"{latest}{text['separator']}{partial}"
    metric = _metric_name(target.metric, system, display.lang)
    if target.of is not None:
        # A share or a ratio is labelled with its whole: "R&D spending / GDP".
        metric = f"{metric} / {_metric_name(target.of, system, display.lang)}"
    # Once a target is achieved, no growth is required of it.
    required = None if result.status is Status.ACHIEVED else result.required_cagr
    return Row(
        owner=neutral(result.owner.name.best(display.lang)),
        metric=metric,
        target=_dated(stated, target.year, text),
        latest=latest,
        attainment=_percent(result.attainment, display.lang),
        gap=_amount(result.gap, display, COMPUTED_DIGITS)
        if result.gap
        else text["none"],
        required_cagr=_percent(required, display.lang),
        status=_STATUS[display.lang][result.status],
    )


def _dated(text: str, year: int, words: Mapping[str, str]) -> str:
    return words["dated"].format(text=text, year=year)


def _partial(observation: Observation, display: Display) -> str:
    """The latest partial-year figure, as the latest column shows it:
    "latest partial year: growth of 6.2% (Q1-Q3 2024)"."""
    text = _TEXT[display.lang]
    form = "partial_estimate" if observation.estimate else "partial"
    return text[form].format(
        text=_amount(observation.figure, display),
        when=observation.when(display.lang),
    )


def _metric_name(metric: str, system: IndustrialSystem | None, lang: str) -> str:
    metrics = system.all_metrics if system is not None else BUILTIN_METRICS
    for candidate in metrics:
        if candidate.id == metric:
            return neutral(candidate.name.best(lang))
    return metric


def _amount(figure: Figure, display: Display, digits: int | None = None) -> str:
    """A figure as text, in the display currency when one applies; a figure
    the library computed to *digits* significant digits.

    An estimate's word is left to the report, which marks it "(estimate)".
    """
    if figure.estimate:
        figure = attrs.evolve(figure, estimate=False)
    rate = display.rate_from(currency_of(figure.quantity))
    if rate is not None:
        converted = convert(figure.quantity, rate.quote, rate=rate).quantity
        figure = rounded(
            Figure(converted, figure.qualifier, approximate=figure.approximate)
        )
    return format_figure(
        figure, locale=display.lang, style=display.style, digits=digits
    )


def rounded(figure: Figure) -> Figure:
    """The figure to :data:`SIGNIFICANT_DIGITS`, rounded so that a bound still
    holds (:func:`~industrial_plan._figures.format.rounded`)."""
    return round_figure(figure, SIGNIFICANT_DIGITS)


def growth_span(result: Assessment) -> tuple[int, int] | None:
    """The years a growth target's observed rate runs over, if it has one."""
    years = sorted({point.year for point in result.series})
    if result.latest is not None or len(years) < 2:
        return None
    return years[0], years[-1]


def as_stated(point: Point | None) -> bool:
    """Whether *point* shows an observation's figure as stated (else the
    library computed it: from parts, converted, a rate of growth)."""
    return (
        point is not None
        and point.observation is not None
        and point.figure == point.observation.figure
    )


def _direction(qualifier: Qualifier) -> str:
    if qualifier in (Qualifier.AT_LEAST, Qualifier.MORE_THAN):
        return ROUND_FLOOR
    if qualifier in (Qualifier.AT_MOST, Qualifier.LESS_THAN):
        return ROUND_CEILING
    return ROUND_HALF_EVEN


def _percent(figure: Figure | None, lang: str) -> str:
    """A ratio as a percentage with its bound: ``> 66.66 %``, ``≈ 61.4 %``.

    Rounded in the direction that keeps a bound true, as :func:`rounded`.
    """
    text = _TEXT[lang]
    if figure is None:
        return text["none"]
    sign, digits, exponent = Decimal(figure.quantity.magnitude).as_tuple()
    assert isinstance(exponent, int)  # figures are finite
    ratio = Decimal((sign, digits, exponent + 2))  # times 100, exactly
    shown = tidy(quantize(ratio, PERCENT_QUANTUM, _direction(figure.qualifier)))
    number = _decimal_text(shown, lang)
    signs = [_SIGNS[figure.qualifier]]
    if figure.approximate and figure.qualifier is not Qualifier.ABOUT:
        signs.append(_SIGNS[Qualifier.ABOUT])
    prefix = " ".join(sign for sign in signs if sign)
    percent = text["percent"].format(number=number)
    return f"{prefix} {percent}" if prefix else percent


@functools.cache
def _symbols(lang: str) -> tuple[str, str, str]:
    locale = _CLDR[lang]
    return (
        get_decimal_symbol(locale),
        get_group_symbol(locale),
        get_minus_sign_symbol(locale),
    )


def _decimal_text(value: Decimal, lang: str) -> str:
    """*value* as babel's ``format_decimal`` writes it (every digit kept, groups
    of three), with the locale's symbols looked up once: babel's formatter
    was a tenth of the time of a 10,000-row report."""
    point, group, minus = _symbols(lang)
    text = format(abs(value), ",f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    text = text.replace(",", "\0").replace(".", point).replace("\0", group)
    return minus + text if value < 0 else text


# -- notes under a report --------------------------------------------------------------


def notes(assessment: SystemAssessment, display: Display | None = None) -> list[str]:
    """What a reader needs under the table: rates used, and totals that disagree."""
    chosen = display or Display()
    text = _TEXT[chosen.lang]
    found = [
        text["display"].format(
            currency=chosen.currency, rate=rate, digits=SIGNIFICANT_DIGITS
        )
        for rate in chosen.rates
    ]
    used = dict.fromkeys(rate for result in assessment for rate in result.rates)
    found.extend(text["observation_rate"].format(rate=rate) for rate in used)
    found.extend(
        _mismatch_line(mismatch, assessment.system, chosen)
        for mismatch in assessment.mismatches
    )
    # Why a target was not assessed (no exchange rate) is said under the
    # table, where a reader looks for it; other notes stay in the records.
    system, lang = assessment.system, chosen.lang
    found.extend(
        text["unassessed"].format(
            owner=result.owner.name.best(lang),
            metric=_metric_name(result.target.metric, system, lang),
            note=note,
        )
        for result in assessment
        for note in result.notes
        if note.startswith(NOT_ASSESSED)
    )
    found.extend(assessment.notes)
    return found


def _mismatch_line(
    mismatch: Mismatch, system: IndustrialSystem, display: Display
) -> str:
    text = _TEXT[display.lang]
    parts = text["unbounded"]
    if mismatch.sum_of_parts is not None:
        parts = _amount(mismatch.sum_of_parts, display)
    missing = ""
    if mismatch.missing:
        names = [system.owner(key).name.best(display.lang) for key in mismatch.missing]
        missing = text["missing"].format(missing=", ".join(names))
    return text["mismatch"].format(
        tier=neutral(mismatch.tier.name.best(display.lang)),
        metric=_metric_name(mismatch.metric, system, display.lang),
        year=mismatch.year,
        stated=_amount(mismatch.stated, display),
        parts=parts,
        missing=missing,
    )


# -- headings and title ---------------------------------------------------------------


def headers(lang: str = "en") -> tuple[str, ...]:
    """The column headings in *lang*, in :data:`COLUMNS` order."""
    return tuple(_TEXT[lang][column] for column in COLUMNS)


def title(assessment: SystemAssessment, lang: str = "en") -> str:
    """The plan's name, with the *as_of* year when the assessment has one."""
    name = neutral(assessment.system.name.best(lang))
    if assessment.as_of is None:
        return name
    return _TEXT[lang]["as_of"].format(name=name, year=assessment.as_of)
