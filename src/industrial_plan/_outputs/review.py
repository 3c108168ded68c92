"""The review a planning office writes: a summary line and a table of verdicts.

Mid-term reviews of Chinese plans sum a plan up in one sentence ("of 32
indicators, 14 already met, 17 progressing well, 1 lagging"), and the yearly
report on the national plan lists each indicator with its type, unit, target,
actual value and a verdict: as projected, higher or lower than projected.
This module writes both, in English and Chinese, as text, a rich table,
Markdown, CSV and JSON, from a :class:`~industrial_plan.Review` and its
assessments.  CSV and JSON carry data (values, bounds, units and years in
columns of their own); the text forms carry words.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

import attrs

from industrial_plan._errors import FieldError
from industrial_plan._figures.figure import Figure
from industrial_plan._figures.format import (
    _CHINESE_PER,
    COMPUTED_DIGITS,
    format_figure,
)
from industrial_plan._figures.forms import is_percent
from industrial_plan._money.units import currency_of, in_base_units, tidy, unit_text
from industrial_plan._plan.judgement import JudgementOutcome
from industrial_plan._plan.system import IndustrialSystem
from industrial_plan._plan.targets import IndicatorType, TargetKind
from industrial_plan._progress.results import Assessment, Band, Verdict
from industrial_plan._progress.review import Review, Standing, register_text
from industrial_plan._progress.system import SystemAssessment
from industrial_plan._text import neutral

from .rows import as_stated, growth_span

if TYPE_CHECKING:
    from rich.table import Table


__all__ = [
    "REVIEW_COLUMNS",
    "review_csv",
    "review_json",
    "review_lines",
    "review_markdown",
    "review_records",
    "review_rows",
    "review_table",
    "summary",
]

REVIEW_COLUMNS: Final = (
    "indicator",
    "type",
    "kind",
    "unit",
    "target",
    "actual",
    "band",
    "verdict",
)
"""The columns of the review table, in display order."""

_WORDS: Final[Mapping[str, Mapping[str, str]]] = {
    "en": {
        "indicator": "indicator",
        "type": "type",
        "kind": "kind",
        "unit": "unit",
        "target": "target",
        "actual": "actual",
        "band": "band",
        "verdict": "verdict",
        "points": "{sign}{width} pt",
        "relative": "{sign}{width} %",
        "range": "{low} to {high} ({width})",
        "ceiling": "up to {high}",
        "none": "—",
        "dated": "{year}: {text}",
        "spanned": "{first}-{last}: {text} a year",
        "estimate": "{text} (estimate)",
        "summary": "Of {total} targets: {groups}.",
        "group": "{count} {name}",
        "typed": "{type}: {groups}",
        "attention": "Needs attention first: {items}.",
        "aims": "Qualitative aims: {items}.",
        "judged_aims": "Qualitative aims ({counts}): {items}.",
        "judged": "judged {outcome}",
        "not_judged": "not judged",
        "judged_count": "{count} judged {outcome}",
        "unjudged_count": "{count} not judged",
        "by_kind": "By kind: {items}.",
        "per": "per {count} people",
        "per_capita": "per capita",
        "review": "Review",
        "binding": "binding",
        "anticipatory": "anticipatory",
        "unspecified": "type not stated",
        "separator": "; ",
        "item": "{owner}, {metric} ({status})",
        "aim": "{owner}, {metric}: {statement}",
        "owner": "{owner}: {metric}",
    },
    "zh": {
        "indicator": "指标",
        "type": "属性",
        "kind": "类别",
        "unit": "单位",
        "target": "目标值",
        "actual": "实际值",
        "band": "预期区间",
        "verdict": "评价",
        "points": "{sign}{width}个百分点",
        "relative": "{sign}{width}%",
        "range": "{low}至{high}（{width}）",
        "ceiling": "不超过{high}",
        "none": "—",
        "dated": "{year}年：{text}",
        "spanned": "{first}—{last}年：年均{text}",
        "estimate": "{text}（预计）",
        "summary": "{total}项目标中，{groups}。",
        "group": "{name}{count}项",
        "typed": "{type}：{groups}",
        "attention": "需优先关注：{items}。",
        "aims": "定性目标：{items}。",
        "judged_aims": "定性目标（{counts}）：{items}。",
        "judged": "评估为{outcome}",
        "not_judged": "未评估",
        "judged_count": "评估为{outcome}{count}项",
        "unjudged_count": "未评估{count}项",
        "by_kind": "按类别：{items}。",
        "per": "每{count}人",
        "per_capita": "人均",
        "review": "评估",
        "binding": "约束性",
        "anticipatory": "预期性",
        "unspecified": "未注明属性",
        "separator": "；",
        "item": "{owner}{metric}（{status}）",
        "aim": "{owner}{metric}：{statement}",
        "owner": "{owner}：{metric}",
    },
}
_JOIN: Final = {"en": ", ", "zh": "，"}


def _words(lang: str) -> Mapping[str, str]:
    if lang not in _WORDS:
        raise FieldError(f"language {lang!r} is not supported; use 'en' or 'zh'")
    return _WORDS[lang]


# -- the summary -------------------------------------------------------------------


def summary(assessment: SystemAssessment, lang: str = "en") -> list[str]:
    """The review in sentences: groups, types apart, kinds, attention, aims.

    >>> from industrial_plan import assess, examples
    >>> print("\\n".join(summary(assess(examples.xiamen()))))
    Of 3 targets: 0 already met, 0 progressing well, 0 lagging,
    2 insufficient data, 1 not quantified.
    By kind: 2 level, 1 qualitative aim.
    Qualitative aims: future industries, development: significant progress.
    """
    words = _words(lang)
    review = assessment.review()
    system = assessment.system
    lines = [
        words["summary"].format(
            total=len(review), groups=_groups(review.by_standing(), lang)
        )
    ]
    typed = review.by_type()
    if any(kind is not None for kind in typed):
        parts = [
            words["typed"].format(
                type=_type_name(kind, lang) if kind else words["unspecified"],
                groups=_groups(counts, lang),
            )
            for kind, counts in typed.items()
        ]
        lines.append(words["separator"].join(parts) + ("." if lang == "en" else "。"))
    kinds = [
        words["group"].format(count=n, name=_kind_name(kind, lang))
        for kind, n in review.by_kind().items()
    ]
    lines.append(words["by_kind"].format(items=_JOIN[lang].join(kinds)))
    if review.attention:
        items = [
            words["item"].format(
                owner=neutral(result.owner.name.best(lang)),
                metric=_metric_name(result.target.metric, system, lang),
                status=result.status.value if lang == "en" else result.status.chinese,
            )
            for result in review.attention
        ]
        lines.append(words["attention"].format(items=_JOIN[lang].join(items)))
    if review.qualitative:
        aims = [
            words["aim"].format(
                owner=neutral(result.owner.name.best(lang)),
                metric=_metric_name(result.target.metric, system, lang),
                statement=result.target.statement_in(lang) or words["none"],
            )
            + _judged_after(result, lang)
            for result in review.qualitative
        ]
        listed = words["separator"].join(aims)
        judged = review.by_judgement()
        if any(outcome is not None for outcome in judged):
            counts = _JOIN[lang].join(
                words["judged_count"].format(
                    count=n, outcome=_outcome_name(outcome, lang)
                )
                if outcome is not None
                else words["unjudged_count"].format(count=n)
                for outcome, n in judged.items()
            )
            lines.append(words["judged_aims"].format(counts=counts, items=listed))
        else:
            lines.append(words["aims"].format(items=listed))
    return lines


def _groups(counts: Mapping[Standing, int], lang: str) -> str:
    words = _words(lang)
    return _JOIN[lang].join(
        words["group"].format(
            count=n, name=standing.value if lang == "en" else standing.chinese
        )
        for standing, n in counts.items()
    )


def _type_name(kind: IndicatorType, lang: str) -> str:
    return kind.value if lang == "en" else kind.chinese


def _kind_name(kind: TargetKind, lang: str) -> str:
    return kind.value if lang == "en" else kind.chinese


def _metric_name(metric: str, system: IndustrialSystem, lang: str) -> str:
    for candidate in (*system.metrics, *system.all_metrics):
        if candidate.id == metric:
            return neutral(candidate.name.best(lang))
    return metric


# -- the table ---------------------------------------------------------------------


def review_rows(assessment: SystemAssessment, lang: str = "en") -> list[dict[str, str]]:
    """One row of words per target, with the :data:`REVIEW_COLUMNS`.

    >>> from industrial_plan import assess, examples
    >>> row = review_rows(assess(examples.xiamen()))[1]
    >>> row["indicator"]
    'strategic emerging industries: total scale'
    >>> row["target"], row["actual"]
    ('2027: 800 billion yuan', '2022: 491.2 billion yuan')
    """
    words = _words(lang)
    system = assessment.system
    # Plan metrics come last in all_metrics: a plan's own redefinition wins.
    names = {
        m.id: neutral(m.name.best(lang))
        for m in reversed((*system.all_metrics, *system.metrics))
    }
    result_rows = []
    for result in assessment:
        target = result.target
        name = names.get(target.metric, target.metric)
        if target.of is not None:
            name = f"{name} / {names.get(target.of, target.of)}"
        stated = (
            format_figure(target.figure, locale=lang)
            if target.figure is not None
            else target.statement_in(lang) or words["none"]
        )
        actual = words["none"]
        if result.actual is not None:
            latest = result.latest
            as_is = latest is not None and result.actual == latest.figure
            digits = None if as_is and as_stated(latest) else COMPUTED_DIGITS
            # The estimate's word is the row's "(estimate)", not the figure's.
            shown = result.actual
            if shown.estimate:
                shown = attrs.evolve(shown, estimate=False)
            text = format_figure(shown, locale=lang, digits=digits)
            year = result.latest.year if result.latest is not None else None
            actual = words["dated"].format(year=year, text=text) if year else text
            span = growth_span(result)
            if span is not None:
                actual = words["spanned"].format(first=span[0], last=span[1], text=text)
            if result.latest is not None and result.latest.estimate:
                actual = words["estimate"].format(text=actual)
        verdict = (
            _verdict_name(result.verdict, lang) if result.verdict else words["none"]
        )
        band = _band_words(result.band, lang) if result.band else words["none"]
        if result.judgement is not None:
            verdict = _judgement_words(result.judgement.outcome, lang)
        result_rows.append(
            {
                "indicator": words["owner"].format(
                    owner=neutral(result.owner.name.best(lang)), metric=name
                ),
                "type": _type_name(target.indicator_type, lang)
                if target.indicator_type
                else words["none"],
                "kind": _kind_name(target.kind, lang),
                "unit": _unit(target.figure, lang) or words["none"],
                "target": words["dated"].format(year=target.year, text=stated),
                "actual": actual,
                "band": band,
                "verdict": verdict,
            }
        )
    return result_rows


def _band_words(band: Band, lang: str) -> str:
    """The band a verdict applied: "4.7% to 5.7% (±0.5 pt)", "up to 3.5%"."""
    words = _words(lang)
    high = format_figure(band.high, locale=lang) if band.high is not None else None
    if band.low is None:
        assert high is not None
        return words["ceiling"].format(high=high)
    low = format_figure(band.low, locale=lang)
    sign = "" if band.one_sided else "±"
    if band.relative is None and not is_percent(band.width_quantity):
        # The band of an increment or a reduction: in the level's own unit.
        width = f"{sign}{format_figure(Figure(band.width_quantity), locale=lang)}"
    elif band.relative is None:
        width = words["points"].format(sign=sign, width=_plain(band.width))
    else:
        width = words["relative"].format(sign=sign, width=_plain(band.relative * 100))
    return words["range"].format(low=low, high=high or "", width=width)


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _judged_after(result: Assessment, lang: str) -> str:
    """ " (judged met)" after an aim judged, in brackets of the language."""
    if result.judgement is None:
        return ""
    words = _judgement_words(result.judgement.outcome, lang)
    return f" ({words})" if lang == "en" else f"（{words}）"


def _outcome_name(outcome: JudgementOutcome, lang: str) -> str:
    return outcome.value if lang == "en" else outcome.chinese


def _judgement_words(outcome: JudgementOutcome, lang: str) -> str:
    """ "judged met", 评估为已实现: an office's judgement, as the verdict of an aim."""
    return _words(lang)["judged"].format(outcome=_outcome_name(outcome, lang))


def _verdict_name(verdict: Verdict, lang: str) -> str:
    return verdict.value if lang == "en" else verdict.chinese


def _unit(figure: Figure | None, lang: str) -> str | None:
    """The unit a reader reads the target in: CNY, %, GW, 家, per 10,000 people."""
    if figure is None:
        return None
    key = (figure.quantity._units, figure.measure, figure.per, lang)
    if key not in _UNITS:
        _UNITS[key] = _unit_words(figure, lang)
    return _UNITS[key]


# Thousands of rows share a handful of units: each is worked out once.
_UNITS: dict[tuple[object, ...], str | None] = {}


def _unit_words(figure: Figure, lang: str) -> str | None:
    words = _words(lang)
    quantity = in_base_units(figure.quantity)
    if is_percent(quantity):
        unit = "%"
    else:
        measure = figure.measure if lang != "en" else None  # 家 is not English
        unit = currency_of(quantity) or unit_text(quantity) or measure or ""
    if figure.per is not None:
        count = int(figure.per)
        shown = f"{count:,}" if lang == "en" else _CHINESE_PER.get(count, str(count))
        per = words["per_capita"] if count == 1 else words["per"].format(count=shown)
        unit = f"{unit} {per}".strip()
    return unit or None


def review_records(assessment: SystemAssessment) -> list[dict[str, Any]]:
    """One record of data per target: ids, kind, type, unit, values, bounds, years.

    Values are exact decimal strings in the unit named (currency code, ``%``,
    a unit symbol, or empty for a count); ``*_low``/``*_high`` are the bounds
    a qualifier allows (empty where unbounded).
    """
    records = []
    for result in assessment:
        target = result.target
        record: dict[str, Any] = {
            "owner_id": result.owner.id,
            "metric": target.metric,
            "of": target.of,
            "kind": target.kind.value,
            "indicator_type": target.indicator_type.value
            if target.indicator_type
            else None,
            "price_basis": target.price_basis.value if target.price_basis else None,
            "unit": _unit(target.figure, "en"),
            "target_year": target.year,
            **_value_columns("target", target.figure),
            "target_statement": target.statement_in("en"),
            "actual_year": result.latest.year if result.latest is not None else None,
            **_value_columns("actual", result.actual),
            "verdict": result.verdict.value if result.verdict else None,
            "judgement": result.judgement.outcome.value if result.judgement else None,
            "status": result.status.value,
        }
        records.append(record)
    return records


def _value_columns(prefix: str, figure: Figure | None) -> dict[str, Any]:
    if figure is None:
        return dict.fromkeys(
            (
                f"{prefix}_value",
                f"{prefix}_low",
                f"{prefix}_high",
                f"{prefix}_qualifier",
            )
        )
    lower, upper = figure.lower, figure.upper

    def plain(value: Any) -> str:
        return format(tidy(in_base_units(value).magnitude), "f")

    return {
        f"{prefix}_value": plain(figure.quantity),
        f"{prefix}_low": plain(lower.value) if lower else None,
        f"{prefix}_high": plain(upper.value) if upper else None,
        f"{prefix}_qualifier": figure.qualifier.value,
    }


def review_json(assessment: SystemAssessment) -> dict[str, Any]:
    """The review as JSON-ready data: its counts and one record per target."""
    review: Review = assessment.review()
    return {"summary": review.record(), "rows": review_records(assessment)}


def review_csv(assessment: SystemAssessment) -> str:
    """The review records as CSV text with a header row."""
    records = review_records(assessment)
    buffer = io.StringIO()
    if not records:
        return ""
    writer = csv.DictWriter(buffer, fieldnames=list(records[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(records)
    return neutral(buffer.getvalue())


def review_markdown(assessment: SystemAssessment, lang: str = "en") -> str:
    """The summary, then the review table as a Markdown pipe table."""
    words = _words(lang)
    lines = [f"## {words['review']}", ""]
    lines.extend(summary(assessment, lang))
    lines.append("")
    lines.append(_line([words[column] for column in REVIEW_COLUMNS]))
    lines.append(_line(["---"] * len(REVIEW_COLUMNS)))
    for row in review_rows(assessment, lang):
        lines.append(_line([row[column] for column in REVIEW_COLUMNS]))
    return "\n".join(lines) + "\n"


def _line(cells: Sequence[str]) -> str:
    escaped = [cell.replace("|", "\\|").replace("\n", " ") for cell in cells]
    return "| " + " | ".join(escaped) + " |"


def review_table(assessment: SystemAssessment, lang: str = "en") -> Table:
    """The review table as a :class:`rich.table.Table` (needs the ``cli`` extra)."""
    from rich.table import Table
    from rich.text import Text

    words = _words(lang)
    table = Table(title=Text(words["review"]))
    for column in REVIEW_COLUMNS:
        table.add_column(Text(words[column]), overflow="fold")
    for row in review_rows(assessment, lang):
        table.add_row(*(Text(row[column]) for column in REVIEW_COLUMNS))
    return table


def review_lines(assessment: SystemAssessment, lang: str, width: int) -> Iterator[str]:
    """The review for a terminal *width* cells wide: summary, then the table.

    Laid out as the progress report is (``_text_report``, which needs the
    ``cli`` extra): columns two spaces apart, cells wrapped, one block per
    target when the columns cannot fit.
    """
    from .text_report import cell_len, fit_widths, wrap

    def pad(text: str, size: int) -> str:
        return text + " " * (size - cell_len(text))

    def lines(cells: Sequence[str], widths: Sequence[int]) -> Iterator[str]:
        wrapped = [wrap(cell, size) for cell, size in zip(cells, widths, strict=True)]
        for k in range(max(len(w) for w in wrapped)):
            parts = [
                pad(w[k] if k < len(w) else "", size)
                for w, size in zip(wrapped, widths, strict=True)
            ]
            yield "  ".join(parts).rstrip()

    words = _words(lang)
    yield from wrap(words["review"], width)
    for sentence in summary(assessment, lang):
        yield from wrap(sentence, width)
    head = [words[column] for column in REVIEW_COLUMNS]
    rows = [[row[c] for c in REVIEW_COLUMNS] for row in review_rows(assessment, lang)]
    if not rows:
        return
    yield ""
    widths = fit_widths([head, *rows], width)
    if widths is not None:
        natural = [
            max(cell_len(cell) for cell in column)
            for column in zip(head, *rows, strict=True)
        ]
        spaced = sum(widths) < sum(natural)  # rows that wrap read apart
        yield from lines(head, widths)
        yield "  ".join("─" * w for w in widths)
        for k, row in enumerate(rows):
            if spaced and k:
                yield ""
            yield from lines(row, widths)
        return
    indent = max(cell_len(label) for label in head[1:]) + 2
    room = max(width - indent, 1)
    for row in rows:
        yield ""
        yield from wrap(row[0], width)
        for label, cell in zip(head[1:], row[1:], strict=True):
            for k, line in enumerate(wrap(cell, room)):
                yield (pad(label, indent) if k == 0 else " " * indent) + line


def _review_text(review: Review, lang: str, width: int) -> str:
    if review.system is None:
        return repr(review)
    assessment = SystemAssessment(review.system, review.results, ())
    return "\n".join(review_lines(assessment, lang, width))


def _assessment_text(assessment: SystemAssessment, lang: str, width: int) -> str:
    from .rows import Display
    from .text_report import report_lines

    report = report_lines(assessment, Display(lang=lang, style="compact"), width)
    return "\n".join([*report, "", *review_lines(assessment, lang, width)])


register_text(Review, _review_text)
register_text(SystemAssessment, _assessment_text)
