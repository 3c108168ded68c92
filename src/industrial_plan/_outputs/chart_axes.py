"""The frame of one panel of the progress chart: the scale its values are
drawn in, the axes' limits, ticks and unit, the arrows of bounds (their length
is a share of the value range), the titles above and the notes beside it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

import attrs

from industrial_plan._figures.figure import Figure
from industrial_plan._figures.format import _compact_divisor, _language, format_figure
from industrial_plan._money.units import Quantity, in_base_units, unit_text, ureg
from industrial_plan._plan.system import IndustrialSystem
from industrial_plan._progress.results import Assessment, Status

from .chart_colours import _STATUS_COLOURS, OBSERVED
from .chart_series import _Point, _rounded
from .chart_words import _Writer

if TYPE_CHECKING:
    from matplotlib.axes import Axes

_NOTE_CHARACTERS: Final = 48  # at 9 points beside a panel
_FAR_BEYOND: Final = 1000  # projections beyond this multiple of the target
# Arrows of bounds are this share of the panel's value range.
_ARROW: Final = 0.18
_HEADROOM: Final = 1.22
_MAX_YEAR_TICKS: Final = 8


@attrs.frozen
class _Scale:
    """How values of one panel are drawn: base unit, divisor and axis label."""

    unit: Any
    divisor: Decimal
    label: str

    @classmethod
    def for_target(cls, target: Figure, writer: _Writer) -> _Scale:
        """The scale the language writes the target's value in ("trillion yuan")."""
        base = in_base_units(target.quantity)
        value = abs(Decimal(base.magnitude))
        language = _language(writer.code)
        divisor: Decimal = Decimal(1)
        if value >= language.long_from:
            formats = language.cldr.compact_decimal_formats[language.long_compact]
            found = _compact_divisor(value, formats)
            divisor = Decimal(found) if found is not None else Decimal(1)
        return cls(base.units, divisor, _unit_label(base.units, divisor, writer))

    def value(self, quantity: Quantity) -> float:
        base = in_base_units(quantity.to(self.unit))
        return float(Decimal(base.magnitude) / self.divisor)


def _unit_label(unit: Any, divisor: Decimal, writer: _Writer) -> str:
    """What the axis counts in, in words: "trillion yuan", "万亿元", "GW".

    The words are those :func:`format_figure` writes after the number in "2
    trillion yuan" (two, for the plural: "2 US dollars").
    """
    two = format_figure(Figure(ureg.Quantity(2 * divisor, unit)), locale=writer.code)
    words = re.fullmatch(r"2(?![\d.,])\s*(.*)", two)
    if words:
        return words.group(1)
    # A scale the long style writes in full ("2,000 yuan"): say it in figures.
    one = ureg.Quantity(divisor, unit)
    return f"× {writer.number(float(divisor))} {unit_text(one)}".strip()


def _axes(
    ax: Axes,
    points: Sequence[_Point],
    year: int,
    drawn: Sequence[float],
    projections: Sequence[float],
    scale: _Scale,
    writer: _Writer,
) -> None:
    """Limits that hold all that was *drawn*, whole years, the unit, a grid."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    years = [p.year for p in points] + [year]
    ax.set_xlim(min(years) - 0.6, max(years) + 0.6)
    low = min([0.0, *drawn])
    high = max([0.0, *drawn])
    if projections:
        # A projection far beyond the target would squash everything
        # else into the bottom of the panel: above twice the highest
        # other value it leaves the panel, and the note gives its value.
        high = max(high, min(max(projections), 2 * high))
    span = (high - low) or 1.0
    _bounds(ax, points, span, scale)
    arrows = [
        scale.value(p.figure.quantity) + span * _ARROW for p in points if p.figure.lower
    ]
    top = max([high, low + span, *arrows])
    ax.set_ylim(low - (span * 0.05 if low < 0 else 0), low + (top - low) * _HEADROOM)
    # Whole years, each once, whatever the span: one point and its
    # target in the same year would otherwise get fractional ticks.
    first, last = min(years), max(years)
    step = max(1, -(-(last - first + 1) // _MAX_YEAR_TICKS))
    ax.set_xticks(list(range(first, last + 1, step)))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: f"{x:.0f}"))
    ax.yaxis.set_major_locator(MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10]))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _: writer.number(y)))
    ax.set_ylabel(scale.label, **writer.font)
    ax.grid(axis="y", color="#dddddd", lw=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _bounds(ax: Axes, points: Sequence[_Point], span: float, scale: _Scale) -> None:
    """An arrow from each bound, pointing the way the true value lies."""
    for point in points:
        figure = point.figure
        if not figure.is_bound:
            continue
        y = scale.value(figure.quantity)
        up = figure.lower is not None
        end = y + (span if up else -span) * _ARROW
        # An id without spaces, so that it is also a valid SVG element id.
        gid = f"bound:{figure.qualifier.name.lower()}:{point.year}"
        arrow = ax.annotate(
            "",
            xy=(point.year, end),
            xytext=(point.year, y),
            arrowprops={"arrowstyle": "-|>", "color": OBSERVED, "lw": 1.6},
            gid=gid,
            zorder=3,
        )
        # The text is empty and not drawn; the arrow carries the id into SVG.
        if arrow.arrow_patch is not None:
            arrow.arrow_patch.set_gid(gid)


def _titles(
    ax: Axes, result: Assessment, system: IndustrialSystem, writer: _Writer
) -> None:
    """Who and what on the left, the status on the right, in its colour."""
    owner = result.owner
    name = writer.readable(owner.name.best(writer.code), str(owner.name), owner.id)
    metric = system.metric(result.target.metric).name
    metric_name = writer.readable(metric.best(writer.code), str(metric), "")
    title = f"{name} · {metric_name}" if metric_name else name
    ax.set_title(
        title, loc="left", fontweight="bold", fontsize=10, **writer.bold(title)
    )
    status = writer.status(result.status)
    ax.set_title(
        status,
        loc="right",
        color=_STATUS_COLOURS[result.status],
        fontweight="bold",
        fontsize=10,
        **writer.bold(status),
    )


def _projected_note(result: Assessment, projected: Figure, writer: _Writer) -> str:
    year, target = result.target.year, result.target.figure
    assert target is not None
    times = _FAR_BEYOND
    if target.quantity.magnitude > 0 and projected.quantity > target.quantity * times:
        # Written out, 1e40 yuan is a line of zeros; the multiple is the news.
        times_text = writer.number(float(times))
        return writer.phrase("far_beyond", times=times_text, year=year)
    figure = writer.figure(_rounded(projected))
    return writer.phrase("projected", figure=figure, year=year)


def _notes(ax: Axes, result: Assessment, writer: _Writer) -> None:
    """The numbers behind the panel, beside it on the right."""
    lines = []
    # An achieved target "needs" a negative rate; that says nothing useful.
    if result.required_cagr is not None and result.status is not Status.ACHIEVED:
        key, rate = writer.growth("needs", result.required_cagr)
        lines.append(writer.phrase(key, rate=rate, year=result.target.year))
    if result.observed_cagr is not None and result.baseline is not None:
        key, rate = writer.growth("grew", result.observed_cagr)
        lines.append(writer.phrase(key, rate=rate, year=result.baseline.year))
    if result.projected is not None:
        lines.append(_projected_note(result, result.projected, writer))
    ax.text(
        1.03,
        0.98,
        "\n".join(writer.wrap(line, _NOTE_CHARACTERS) for line in lines),
        transform=ax.transAxes,
        ha="left",
        va="top",
        fontsize=9,
        linespacing=1.6,
        color="#333333",
        **writer.font,
    )
