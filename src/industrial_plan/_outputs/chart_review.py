"""The review chart: one figure for a whole review, one row per indicator.

Rows are grouped binding, anticipatory and untyped apart, then by tier (or
the region).  Each row draws the target (a diamond, or its band, or a cap
as a ceiling) and the actual value on the row's own scale: percent of the
target for levels, counts and other amounts, percentage points for rates
and shares.  The actual is coloured by status; the figures, the verdict or
status follow as text at the end of the row.  Qualitative aims are listed
below the rows with their statement and status (and a judgement, when the
assessment carries one).

Loaded with the first review chart, as the other drawing modules are.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, Final

import attrs

from industrial_plan._figures.figure import Figure
from industrial_plan._figures.forms import is_percent
from industrial_plan._money.units import in_base_units
from industrial_plan._plan.targets import IndicatorType, TargetKind
from industrial_plan._progress.results import Assessment
from industrial_plan._progress.system import SystemAssessment

from .chart_colours import _STATUS_COLOURS, PROJECTED, TARGET
from .review import review_rows

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure as MplFigure

    from .chart_words import _Writer

WIDTH: Final = 10.0  # inches
ROW_HEIGHT: Final = 0.42
GROUP_HEIGHT: Final = 0.34
TITLE_HEIGHT: Final = 0.55
KEY_HEIGHT: Final = 0.75
AIM_LINE_HEIGHT: Final = 0.19
MARGIN: Final = 0.15
# The three columns, as fractions of the figure's width.
LABEL_LEFT: Final = 0.01
TRACK: Final = (0.37, 0.61)
TEXT_LEFT: Final = 0.63
# Characters per line (Latin letters; half as many Hanzi) in each column.
LABEL_CHARS: Final = 50
TEXT_CHARS: Final = 62
AIM_CHARS: Final = 135
# Rates a plan states for one year: the kinds of the review chart's default.
_RATE_KINDS: Final = (TargetKind.GROWTH, TargetKind.CAP, TargetKind.SHARE)
_TYPE_ORDER: Final = {IndicatorType.BINDING: 0, IndicatorType.ANTICIPATORY: 1}
_PHRASES: Final = {
    "en": {
        "binding": "Binding indicators",
        "anticipatory": "Anticipatory indicators",
        "untyped": "Indicators",
        "target": "target {text}",
        "actual": "actual {text}",
        "aims": "Qualitative aims",
        "aim": "• {indicator}: {statement} — {status}",
        "points": "percentage points",
        "percent_of_target": "percent of target",
        "key_target": "target (band)",
        "key_cap": "cap (ceiling)",
        "key_projection": "projection at the observed rate",
        "scale": "Scale per row: {a} for levels and counts; {b} for rates and shares.",
        "none": "No targets to chart.",
        "more": "+{count} more",
    },
    "zh": {
        "binding": "约束性指标",
        "anticipatory": "预期性指标",
        "untyped": "指标",
        "target": "目标 {text}",
        "actual": "实际 {text}",
        "aims": "定性目标",
        "aim": "• {indicator}：{statement}——{status}",
        "points": "百分点",
        "percent_of_target": "占目标的百分比",
        "key_target": "目标（区间）",
        "key_cap": "上限",
        "key_projection": "按实际增速的预测",
        "scale": "每行刻度：总量和数量按{a}；速度和比重按{b}。",
        "none": "没有可绘制的目标。",
        "more": "另{count}项",
    },
}


def is_mostly_rates(assessment: SystemAssessment) -> bool:
    """Whether most quantitative targets are rates stated for one year.

    Such plans (a government work report's targets: growth, a price cap,
    shares) read better as one review chart than as a panel per target.
    """
    quantitative = [r for r in assessment if r.target.figure is not None]
    start = assessment.system.start_year
    rates = [
        r
        for r in quantitative
        if r.target.figure is not None
        and r.target.kind in _RATE_KINDS
        and is_percent(r.target.figure.quantity)
        and (r.target.base_year or start) >= r.target.year - 1
    ]
    return bool(quantitative) and 2 * len(rates) > len(quantitative)


@attrs.frozen
class Row:
    """One indicator's row: its words and its values on the row's scale."""

    result: Assessment
    label: str
    target_text: str
    actual_text: str
    judged: str
    points: bool  # percentage points; otherwise percent of target
    low: float | None = None  # the target's band on the row's scale
    high: float | None = None
    actual: float | None = None
    projected: float | None = None

    @property
    def drawn(self) -> bool:
        return self.low is not None or self.high is not None

    @property
    def cap(self) -> bool:
        return self.result.target.kind is TargetKind.CAP


@attrs.frozen
class Group:
    """Rows under one heading: binding or anticipatory, and a tier or region."""

    heading: str
    rows: tuple[Row, ...]


def review_groups(assessment: SystemAssessment, code: str) -> list[Group]:
    """The quantitative targets as rows, grouped as the chart shows them."""
    words = review_rows(assessment, code)
    phrases = _PHRASES[code]
    keyed: dict[tuple[int, str], list[Row]] = {}
    for result, row in zip(assessment, words, strict=True):
        if result.target.figure is None:
            continue
        kind = result.target.indicator_type
        place = result.tier if result.tier is not None else result.owner
        type_name = phrases[kind.name.lower() if kind else "untyped"]
        heading = f"{type_name} · {place.name.best(code)}"
        order = _TYPE_ORDER.get(kind, 2) if kind else 2
        # The group's heading names the tier: its rows need not repeat it.
        owner = result.owner.name.best(code)
        if result.owner is place and row["indicator"].startswith(owner):
            label = row["indicator"][len(owner) :].lstrip(":： ")
            row = {**row, "indicator": label or row["indicator"]}
        keyed.setdefault((order, heading), []).append(_row(result, row, code))
    ordered = sorted(keyed.items(), key=lambda item: item[0][0])
    return [Group(heading, tuple(rows)) for (_, heading), rows in ordered]


def _row(result: Assessment, words: dict[str, str], code: str) -> Row:
    phrases = _PHRASES[code]
    judged = words["verdict"] if result.verdict is not None else _status(result, code)
    base = Row(
        result,
        words["indicator"],
        phrases["target"].format(text=words["target"]),
        phrases["actual"].format(text=words["actual"]),
        judged,
        points=False,
    )
    target = result.target.figure
    assert target is not None
    if is_percent(target.quantity):
        return _points(base, result, target)
    return _relative(base, result, target)


def _status(result: Assessment, code: str) -> str:
    return result.status.chinese if code == "zh" else result.status.value


def _percent(figure: Figure | None) -> float | None:
    if figure is None or not is_percent(figure.quantity):
        return None
    return float(figure.quantity.magnitude)


def _points(base: Row, result: Assessment, target: Figure) -> Row:
    lower, upper = target.lower, target.upper
    return attrs.evolve(
        base,
        points=True,
        low=float(lower.value.magnitude) if lower else None,
        high=float(upper.value.magnitude) if upper else None,
        actual=_percent(result.actual),
        projected=_percent(result.projected),
    )


def _relative(base: Row, result: Assessment, target: Figure) -> Row:
    whole = in_base_units(target.quantity)
    if not whole.magnitude:
        return base

    def share(figure: Figure | None) -> float | None:
        if figure is None:
            return None
        part = in_base_units(figure.quantity)
        if part.dimensionality != whole.dimensionality:
            return None
        return float(part.to(whole.units).magnitude / whole.magnitude) * 100

    return attrs.evolve(
        base,
        low=100.0 if target.lower else None,
        high=100.0 if target.upper else None,
        actual=share(result.actual),
        projected=share(result.projected),
    )


def aims(assessment: SystemAssessment, code: str) -> list[tuple[Assessment, str]]:
    """The qualitative aims with their indicator's words, in plan order."""
    words = review_rows(assessment, code)
    return [
        (result, row["indicator"])
        for result, row in zip(assessment, words, strict=True)
        if result.target.figure is None
    ]


def aim_columns(result: Assessment, code: str) -> list[str]:
    """What the chart and the report say of an aim: its statement in the
    chart's language, its status, and the office's judgement when it has one."""
    columns = [result.target.statement_in(code) or "—", _status(result, code)]
    judgement = result.judgement
    if judgement is not None:
        outcome = judgement.outcome
        columns.append(
            f"评估为{outcome.chinese}" if code == "zh" else f"judged {outcome.value}"
        )
    return columns


def fit(text: str, chars: int, lines: int) -> str:
    """*text* wrapped to *lines* lines of *chars* Latin letters (a Hanzi counts
    two), at spaces where there are some, the last line cut with "…"."""
    wrapped = _wrap(text, chars) or [""]
    if len(wrapped) > lines:
        wrapped = wrapped[:lines]
        last = wrapped[-1]
        while last and _width(last) > chars - 1:
            last = last[:-1]
        wrapped[-1] = last.rstrip() + "…"
    return "\n".join(wrapped)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _wrap(text: str, chars: int) -> list[str]:
    # Words of Latin letters stay whole; each Hanzi is a word of its own.
    tokens = re.findall(r"\s+|[^\s\u2e80-\uffef]+|.", text)
    lines: list[str] = []
    line = ""
    for token in tokens:
        if token.isspace():
            line += " " if line else ""
            continue
        while _width(token) > chars:  # a word longer than a line
            room = chars - _width(line)
            head = token[: max(room, 1)]
            lines.append(line + head)
            line, token = "", token[len(head) :]
        if _width(line + token) > chars:
            lines.append(line.rstrip())
            line = ""
        line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines


# -- drawing ---------------------------------------------------------------------


def review_figure(
    assessment: SystemAssessment, writer: _Writer, title: str
) -> MplFigure:
    """The review chart as a matplotlib figure (see :func:`progress_figure`),
    under *title*."""
    from matplotlib.figure import Figure as MplFigure
    from matplotlib.transforms import blended_transform_factory

    from .chart_words import _title_text

    code = writer.code
    phrases = _PHRASES[code]
    groups = review_groups(assessment, code)
    listed = aims(assessment, code)
    aim_lines = [
        fit(
            phrases["aim"].format(
                indicator=indicator,
                statement=writer.readable(statement, "—"),
                status=" · ".join(rest),
            ),
            AIM_CHARS,
            2,
        ).replace("\n", "\n   ")  # continuation lines under the text, not the bullet
        for result, indicator in listed
        for statement, *rest in [aim_columns(result, code)]
    ]
    aim_height = (
        (AIM_LINE_HEIGHT * (1.5 + sum(s.count("\n") + 1 for s in aim_lines)))
        if aim_lines
        else 0.0
    )
    rows = sum(len(g.rows) for g in groups)
    body = ROW_HEIGHT * rows + GROUP_HEIGHT * len(groups) or ROW_HEIGHT
    height = TITLE_HEIGHT + KEY_HEIGHT + body + aim_height + 2 * MARGIN
    figure = MplFigure(figsize=(WIDTH, height))
    top = 1 - (TITLE_HEIGHT + KEY_HEIGHT + MARGIN) / height
    bottom = (aim_height + MARGIN) / height
    ax = figure.add_axes((TRACK[0], bottom, TRACK[1] - TRACK[0], top - bottom))
    ax.set_gid("review")
    ax.set_xlim(0, 1)
    span = ROW_HEIGHT * rows + GROUP_HEIGHT * len(groups) or ROW_HEIGHT
    ax.set_ylim(span, 0)
    ax.set_axis_off()
    across = blended_transform_factory(figure.transFigure, ax.transData)
    font = writer.font
    y = 0.0
    for group in groups:
        heading = fit(group.heading, int(LABEL_CHARS * 1.6), 1)
        ax.text(
            LABEL_LEFT,
            y + GROUP_HEIGHT * 0.6,
            heading,
            transform=across,
            fontsize=9.5,
            fontweight="bold",
            va="center",
            gid="group",
            **writer.bold(heading),
        )
        ax.plot(
            [LABEL_LEFT, 0.99],
            [y + GROUP_HEIGHT * 0.98] * 2,
            transform=across,
            color="#bbbbbb",
            lw=0.6,
            clip_on=False,
        )
        y += GROUP_HEIGHT
        for row in group.rows:
            _draw_row(ax, across, row, y + ROW_HEIGHT / 2, writer)
            y += ROW_HEIGHT
    if not groups:
        ax.text(0.5, span / 2, phrases["none"], ha="center", va="center", **font)
    top = 1 - (MARGIN + TITLE_HEIGHT / 2) / height
    _title_text(figure, top, fit(title, 110, 1), writer)
    _key(figure, groups, writer, 1 - (MARGIN + TITLE_HEIGHT) / height, height)
    if aim_lines:
        _aims(figure, aim_lines, phrases["aims"], aim_height, height, writer)
    return figure


def _scale(row: Row) -> tuple[float, float]:
    values = [
        v for v in (row.low, row.high, row.actual, row.projected) if v is not None
    ]
    if not row.points:
        values.append(0.0)
        return 0.0, min(max(*values, 100.0) * 1.12, 250.0)
    low, high = min(*values, 0.0), max(*values, 0.0)
    pad = (high - low) * 0.15 or 1.0
    return (low - pad if low < 0 else 0.0), high + pad


def _draw_row(ax: Axes, across: Any, row: Row, y: float, writer: _Writer) -> None:
    status = row.result.status
    colour = _STATUS_COLOURS[status]
    ax.text(
        LABEL_LEFT + 0.01,
        y,
        fit(writer.readable(row.label, row.label), LABEL_CHARS, 2),
        transform=across,
        fontsize=8.5,
        va="center",
        gid="label",
        **writer.font,
    )
    text = fit(f"{row.target_text} · {row.actual_text}", TEXT_CHARS, 1)
    ax.text(
        TEXT_LEFT,
        y - ROW_HEIGHT * 0.16,
        text,
        transform=across,
        fontsize=8,
        va="center",
        gid="figures",
        **writer.font,
    )
    judged = fit(row.judged, TEXT_CHARS, 1)
    ax.text(
        TEXT_LEFT,
        y + ROW_HEIGHT * 0.2,
        judged,
        transform=across,
        fontsize=8,
        va="center",
        color=colour,
        fontweight="bold",
        gid=f"status:{status.name.lower()}",
        **writer.bold(judged),
    )
    if not row.drawn:
        return
    low, high = _scale(row)

    def x(value: float) -> float:
        return min(max((value - low) / (high - low), 0.0), 1.0)

    ax.plot([0, 1], [y, y], color="#dddddd", lw=4, solid_capstyle="round", zorder=1)
    if low < 0 < high:
        ax.plot([x(0)] * 2, [y - 0.1, y + 0.1], color="#999999", lw=0.8, zorder=1)
    _draw_target(ax, row, y, x)
    if row.projected is not None:
        ax.plot(
            [x(row.projected)],
            [y],
            marker="X",
            ms=7,
            mfc="white",
            color=PROJECTED,
            ls="none",
            zorder=3,
            gid="projected",
        )
    if row.actual is not None:
        ax.plot(
            [x(row.actual)],
            [y],
            marker="o",
            ms=8,
            color=colour,
            mec="white",
            ls="none",
            zorder=4,
            gid="actual",
        )


def _draw_target(ax: Axes, row: Row, y: float, x: Any) -> None:
    if row.cap and row.high is not None:
        ceiling = x(row.high)
        ax.fill_between([ceiling, 1], y - 0.09, y + 0.09, color="#f2d7d5", zorder=1)
        ax.plot(
            [ceiling] * 2,
            [y - 0.14, y + 0.14],
            color=TARGET,
            lw=2.5,
            gid="cap",
            zorder=2,
        )
        return
    if row.low is not None and row.high is not None and row.low != row.high:
        ax.fill_between(
            [x(row.low), x(row.high)], y - 0.08, y + 0.08, color="#e8daef", zorder=2
        )
    if row.low is not None and row.high is None:
        # "more than": the band runs from the target onward.
        ax.fill_between([x(row.low), 1], y - 0.06, y + 0.06, color="#e8daef", zorder=2)
    if row.low is None and row.high is not None:
        ax.fill_between([0, x(row.high)], y - 0.06, y + 0.06, color="#e8daef", zorder=2)
    value = row.low if row.low is not None else row.high
    assert value is not None
    ax.plot(
        [x(value)],
        [y],
        marker="D",
        ms=7,
        color=TARGET,
        ls="none",
        zorder=3,
        gid="target",
    )


def _key(
    figure: MplFigure,
    groups: Sequence[Group],
    writer: _Writer,
    top: float,
    height: float,
) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    from .chart_words import _font_properties

    phrases = _PHRASES[writer.code]
    rows = [row for group in groups for row in group.rows]
    statuses = list(
        dict.fromkeys(r.result.status for r in rows if r.actual is not None)
    )
    handles: list[Any] = [
        Line2D([], [], ls="none", marker="o", ms=8, color=_STATUS_COLOURS[s])
        for s in statuses
    ]
    labels = [writer.status(s) for s in statuses]
    if any(not r.cap for r in rows):
        handles.append(Line2D([], [], ls="none", marker="D", ms=7, color=TARGET))
        labels.append(phrases["key_target"])
    if any(r.cap for r in rows):
        handles.append(Patch(facecolor="#f2d7d5", edgecolor=TARGET, lw=2))
        labels.append(phrases["key_cap"])
    if any(r.projected is not None for r in rows):
        handles.append(
            Line2D([], [], ls="none", marker="X", ms=7, mfc="white", color=PROJECTED)
        )
        labels.append(phrases["key_projection"])
    if handles:
        figure.legend(
            handles,
            labels,
            loc="upper center",
            bbox_to_anchor=(0.5, top),
            ncols=min(len(handles), 5),
            frameon=False,
            prop=_font_properties(writer, size=8.5),
        )
    scale = phrases["scale"].format(a=phrases["percent_of_target"], b=phrases["points"])
    figure.text(
        0.5,
        top - (KEY_HEIGHT * 0.85) / height,
        scale,
        ha="center",
        va="center",
        fontsize=7.5,
        color="#555555",
        gid="scale",
        **writer.font,
    )


def _aims(
    figure: MplFigure,
    lines: Sequence[str],
    heading: str,
    aim_height: float,
    height: float,
    writer: _Writer,
) -> None:
    y = (aim_height + MARGIN - AIM_LINE_HEIGHT * 0.6) / height
    figure.text(
        LABEL_LEFT,
        y,
        heading,
        fontsize=9.5,
        fontweight="bold",
        va="center",
        gid="aims",
        **writer.bold(heading),
    )
    for line in _stacked(lines):
        y -= AIM_LINE_HEIGHT * line[1] / height
        figure.text(
            LABEL_LEFT + 0.01,
            y,
            line[0],
            fontsize=8,
            va="top",
            gid="aim",
            **writer.font,
        )


def _stacked(lines: Sequence[str]) -> Iterator[tuple[str, float]]:
    """Each aim with the gap above it: a line for the first, its predecessor's
    height after."""
    before = 0.7
    for line in lines:
        yield line, before
        before = line.count("\n") + 1


__all__ = [
    "Group",
    "Row",
    "aim_columns",
    "aims",
    "fit",
    "is_mostly_rates",
    "review_figure",
    "review_groups",
]
