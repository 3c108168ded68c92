"""One panel of a progress chart: a target's yearly series, its target and
the path to it, each kind of target drawn on its own terms.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, Decimal
from typing import TYPE_CHECKING, Any, Final

import attrs

from industrial_plan._errors import CurrencyMismatchError, RateError
from industrial_plan._figures.figure import Figure
from industrial_plan._figures.format import _compact_divisor, _language, format_figure
from industrial_plan._figures.forms import is_percent
from industrial_plan._figures.qualifier import Qualifier
from industrial_plan._money.units import Quantity, in_base_units, tidy, unit_text, ureg
from industrial_plan._plan.model import Observation, TargetKind
from industrial_plan._progress.core import (
    Assessment,
    ConversionPolicy,
    Status,
    SystemAssessment,
    _in_unit,
)

from .chart_words import _Writer

if TYPE_CHECKING:
    from matplotlib.axes import Axes

OBSERVED: Final = "#1f4e79"
TARGET: Final = "#7d3c98"
REQUIRED: Final = "#e67e22"
PROJECTED: Final = "#7f8c8d"
_STATUS_COLOURS: Final = {
    Status.ACHIEVED: "#1e8449",
    Status.ON_TRACK: "#1e8449",
    Status.ACCELERATION_NEEDED: "#b9770e",
    Status.LIMITED_PROGRESS: "#a93226",
    Status.DETERIORATION: "#a93226",
    Status.NOT_ACHIEVED: "#a93226",
    Status.INSUFFICIENT_DATA: "#5d6d7e",
    Status.NOT_QUANTIFIED: "#5d6d7e",
    Status.WITHIN_CAP: "#1e8449",
    Status.CAP_EXCEEDED: "#a93226",
}


_NOTE_CHARACTERS: Final = 48  # at 9 points beside a panel
# A label beside a point spans at most half a panel: a long figure wraps.
_LABEL_CHARACTERS: Final = 44
_FAR_BEYOND: Final = 1000  # projections beyond this multiple of the target
# Arrows of bounds are this share of the panel's value range.
_ARROW: Final = 0.18
_HEADROOM: Final = 1.22


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


@attrs.frozen
class _Point:
    year: int
    figure: Figure


@attrs.define
class _Panel:
    """One target's panel: its yearly series, the target, and the path to it.

    Each kind of target is drawn on its own terms: a share on a percent axis,
    an increment or a reduction at the level it implies, a growth target as
    yearly growth against the targeted and the still-needed rate, a cap as a
    ceiling, a cumulative total as a running sum against the straight path
    from zero at the base year to the total.
    """

    ax: Axes
    result: Assessment
    assessment: SystemAssessment
    writer: _Writer
    goal: Figure = attrs.field(init=False)
    points: list[_Point] = attrs.field(init=False)
    scale: _Scale = attrs.field(init=False)
    drawn: list[float] = attrs.field(init=False, factory=list)
    projections: list[float] = attrs.field(init=False, factory=list)

    def __attrs_post_init__(self) -> None:
        stated = self.result.target.figure
        assert stated is not None
        self.goal = _goal(self.result, stated)
        self.points = _series(self.assessment, self.result)
        self.scale = _Scale.for_target(self.goal, self.writer)

    @property
    def kind(self) -> TargetKind:
        return self.result.target.kind

    @property
    def latest(self) -> _Point | None:
        return self.points[-1] if self.points else None

    def draw(self) -> None:
        result, target = self.result, self.result.target
        assert target.figure is not None
        self.ax.set_gid(f"panel:{result.owner.id}:{target.metric}:{target.year}")
        self._observations(self.points)
        if self.kind is TargetKind.GROWTH:
            self._needed_growth()
        else:
            self._required()
            self._projection()
        if self.kind is TargetKind.CUMULATIVE:
            self._target_path()
        self._target(target.figure, target.year)
        self._axes(self.points)
        self._titles()
        self._notes()

    def _needed_growth(self) -> None:
        """The growth still needed each year to the target year, as a level line."""
        latest, needed = self.latest, self.result.required_cagr
        year = self.result.target.year
        if latest is None or needed is None or latest.year >= year:
            return
        rate = float(Decimal(needed.quantity.magnitude) * 100)
        self.drawn.append(rate)
        self.ax.plot(
            [latest.year, year],
            [rate, rate],
            color=REQUIRED,
            lw=1.8,
            ls="--",
            gid="required",
        )

    def _target_path(self) -> None:
        """A cumulative total's even path: nothing at the base year, all by the end."""
        base = self.result.target.stated_base_year
        start = self.assessment.system.start_year if base is None else base
        end = self.result.target.year
        self.ax.plot(
            [start, end],
            [0.0, self._y(self.goal)],
            color=TARGET,
            lw=1.0,
            ls=(0, (4, 3)),
            alpha=0.7,
            gid="target-path",
        )

    def _y(self, figure: Figure) -> float:
        return self.scale.value(figure.quantity)

    def _observations(self, points: Sequence[_Point]) -> None:
        xs = [p.year for p in points]
        ys = [self._y(p.figure) for p in points]
        self.drawn.extend(ys)
        if len(points) > 1:
            self.ax.plot(
                xs, ys, color=OBSERVED, lw=1.2, alpha=0.45, gid="observed-line"
            )
        for point, y in zip(points, ys, strict=True):
            approximate = point.figure.approximate
            self.ax.plot(
                [point.year],
                [y],
                ls="none",
                marker="o",
                ms=7,
                mew=1.6,
                color=OBSERVED,
                mfc="white" if approximate else OBSERVED,
                gid="observed",
                zorder=4,
            )
        self._label_latest()

    def _label_latest(self) -> None:
        latest, target = self.latest, self.result.target
        if latest is None or target.figure is None:
            return
        # A value converted from another currency, or computed (a share, a
        # growth rate), has 20-odd digits: shown to three, as the estimate it is.
        converted = self.result.latest is not None and self.result.latest.rate
        exact = (
            latest.figure.quantity.magnitude
            == tidy(Decimal(latest.figure.quantity.magnitude))
            and len(str(tidy(Decimal(latest.figure.quantity.magnitude)))) <= 12
        )
        figure = latest.figure if exact and not converted else _rounded(latest.figure)
        # The text goes on the side away from the target, where the path
        # toward it is not, and toward the middle of the panel.
        below = self._y(self.goal) >= self._y(latest.figure)
        left = latest.year >= target.year
        self.ax.annotate(
            self.writer.wrap(
                self.writer.phrase(
                    "latest", year=latest.year, figure=self.writer.figure(figure)
                ),
                _LABEL_CHARACTERS,
            ),
            xy=(latest.year, self._y(latest.figure)),
            xytext=(-9 if left else 9, -7 if below else 7),
            textcoords="offset points",
            ha="right" if left else "left",
            va="top" if below else "bottom",
            color=OBSERVED,
            fontsize=9,
            gid="latest-label",
            **self.writer.font,
        )

    def _bounds(self, points: Sequence[_Point], span: float) -> None:
        for point in points:
            figure = point.figure
            if not figure.is_bound:
                continue
            y = self._y(figure)
            up = figure.lower is not None
            end = y + (span if up else -span) * _ARROW
            # An id without spaces, so that it is also a valid SVG element id.
            gid = f"bound:{figure.qualifier.name.lower()}:{point.year}"
            arrow = self.ax.annotate(
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

    def _required(self) -> None:
        latest, target = self.latest, self.result.target
        if latest is None or not _needs_path(self.result):
            return  # no years left, or nothing more is required
        start = self._y(latest.figure)
        end = self._y(self.goal)
        years = [latest.year + i * (target.year - latest.year) / 40 for i in range(41)]
        if self.result.required_cagr is not None and start > 0:
            rate = float(self.result.required_cagr.quantity.magnitude)
            values = [start * (1 + rate) ** (x - latest.year) for x in years]
        else:
            # No growth rate for zero or negative values: a straight line.
            step = (end - start) / (target.year - latest.year)
            values = [start + step * (x - latest.year) for x in years]
        self.drawn.extend(values)
        self.ax.plot(years, values, color=REQUIRED, lw=1.8, ls="--", gid="required")

    def _projection(self) -> None:
        latest, projected = self.result.latest, self.result.projected
        growth = self.result.observed_cagr
        if latest is None or projected is None or growth is None:
            return
        year = self.result.target.year
        start = self._y(latest.figure)
        rate = float(growth.quantity.magnitude)
        years = [latest.year + i * (year - latest.year) / 40 for i in range(41)]
        try:
            values = [start * (1 + rate) ** (x - latest.year) for x in years]
        except OverflowError:
            return  # beyond any float: the note beside the panel still says it
        if not all(math.isfinite(v) for v in values):
            return
        self.projections.extend(values)
        self.ax.plot(years, values, color=PROJECTED, lw=1.2, ls=":", gid="projection")
        self.ax.plot(
            [year],
            [values[-1]],
            ls="none",
            marker="X",
            ms=8,
            color=PROJECTED,
            gid="projected",
            zorder=4,
        )

    def _target(self, figure: Figure, year: int) -> None:
        # The line is at the level the target means (an increment's, a
        # reduction's); the label says the target as it was stated.
        y = self._y(self.goal)
        self.drawn.append(y)
        self.ax.axhline(y, color=TARGET, lw=1.2, ls=(0, (1, 2)), gid="target-line")
        self.ax.plot(
            [year],
            [y],
            ls="none",
            marker="D",
            ms=9,
            color=TARGET,
            mfc=TARGET if not figure.approximate else "white",
            gid="target",
            zorder=5,
        )
        # Beside the latest value's label there is no room: the target's goes
        # on the other side of its line.
        latest = self.latest
        below = latest is not None and self._y(latest.figure) > y
        self.ax.annotate(
            self.writer.wrap(
                self.writer.phrase(
                    "target", year=year, figure=self.writer.figure(figure)
                ),
                _LABEL_CHARACTERS,
            ),
            xy=(year, y),
            xytext=(-14, -6 if below else 6),
            textcoords="offset points",
            ha="right",
            va="top" if below else "bottom",
            color=TARGET,
            gid="target-label",
            fontsize=9,
            **self.writer.font,
        )

    def _axes(self, points: Sequence[_Point]) -> None:
        from matplotlib.ticker import FuncFormatter, MaxNLocator

        ax = self.ax
        target = self.result.target
        years = [p.year for p in points] + [target.year]
        ax.set_xlim(min(years) - 0.6, max(years) + 0.6)
        low = min([0.0, *self.drawn])
        high = max([0.0, *self.drawn])
        if self.projections:
            # A projection far beyond the target would squash everything
            # else into the bottom of the panel: above twice the highest
            # other value it leaves the panel, and the note gives its value.
            high = max(high, min(max(self.projections), 2 * high))
        span = (high - low) or 1.0
        self._bounds(points, span)
        arrows = [self._y(p.figure) + span * _ARROW for p in points if p.figure.lower]
        top = max([high, low + span, *arrows])
        ax.set_ylim(
            low - (span * 0.05 if low < 0 else 0), low + (top - low) * _HEADROOM
        )
        # Whole years, each once, whatever the span: one point and its
        # target in the same year would otherwise get fractional ticks.
        first, last = min(years), max(years)
        step = max(1, -(-(last - first + 1) // _MAX_YEAR_TICKS))
        ax.set_xticks(list(range(first, last + 1, step)))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: f"{x:.0f}"))
        ax.yaxis.set_major_locator(MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10]))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _: self.writer.number(y)))
        ax.set_ylabel(self.scale.label, **self.writer.font)
        ax.grid(axis="y", color="#dddddd", lw=0.8)
        ax.set_axisbelow(True)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)

    def _titles(self) -> None:
        system = self.assessment.system
        owner = self.result.owner
        writer = self.writer
        name = writer.readable(owner.name.best(writer.code), str(owner.name), owner.id)
        metric = system.metric(self.result.target.metric).name
        metric_name = writer.readable(metric.best(writer.code), str(metric), "")
        title = f"{name} · {metric_name}" if metric_name else name
        self.ax.set_title(
            title, loc="left", fontweight="bold", fontsize=10, **writer.font
        )
        self.ax.set_title(
            writer.status(self.result.status),
            loc="right",
            color=_STATUS_COLOURS[self.result.status],
            fontweight="bold",
            fontsize=10,
            **writer.font,
        )

    def _projected_note(self, projected: Figure) -> str:
        year, target = self.result.target.year, self.result.target.figure
        assert target is not None
        times = _FAR_BEYOND
        if (
            target.quantity.magnitude > 0
            and projected.quantity > target.quantity * times
        ):
            # Written out, 1e40 yuan is a line of zeros; the multiple is the news.
            times_text = self.writer.number(float(times))
            return self.writer.phrase("far_beyond", times=times_text, year=year)
        figure = self.writer.figure(_rounded(projected))
        return self.writer.phrase("projected", figure=figure, year=year)

    def _notes(self) -> None:
        """The numbers behind the panel, beside it on the right."""
        result, writer = self.result, self.writer
        lines = []
        # An achieved target "needs" a negative rate; that says nothing useful.
        if result.required_cagr is not None and result.status is not Status.ACHIEVED:
            key, rate = writer.growth("needs", result.required_cagr)
            lines.append(writer.phrase(key, rate=rate, year=result.target.year))
        if result.observed_cagr is not None and result.baseline is not None:
            key, rate = writer.growth("grew", result.observed_cagr)
            lines.append(writer.phrase(key, rate=rate, year=result.baseline.year))
        if result.projected is not None:
            lines.append(self._projected_note(result.projected))
        self.ax.text(
            1.03,
            0.98,
            "\n".join(self.writer.wrap(line, _NOTE_CHARACTERS) for line in lines),
            transform=self.ax.transAxes,
            ha="left",
            va="top",
            fontsize=9,
            linespacing=1.6,
            color="#333333",
            **writer.font,
        )


def _rounded(figure: Figure, digits: int = 3) -> Figure:
    """An estimate to *digits* significant digits, still true to its bound.

    A projection computed to 27 digits claims a precision it does not have.
    An exact value becomes "about"; a lower bound is rounded down and an
    upper bound up, so that the rounded bound still holds.
    """
    base = in_base_units(figure.quantity)
    value = Decimal(base.magnitude)
    if not value:
        return figure
    if figure.lower is not None and figure.upper is None:
        rounding, qualifier = ROUND_FLOOR, figure.qualifier
    elif figure.upper is not None and figure.lower is None:
        rounding, qualifier = ROUND_CEILING, figure.qualifier
    else:
        rounding, qualifier = ROUND_HALF_EVEN, Qualifier.ABOUT
    quantum = Decimal(1).scaleb(value.adjusted() - digits + 1)
    rounded = tidy(value.quantize(quantum, rounding=rounding))
    approximate = figure.approximate or qualifier is Qualifier.ABOUT
    return Figure(
        ureg.Quantity(rounded, base.units), qualifier, approximate=approximate
    )


_MAX_YEAR_TICKS: Final = 8
# A value with more digits than this was computed or converted, not stated.
_SHOWN_DIGITS: Final = 8


def _goal(result: Assessment, stated: Figure) -> Figure:
    """What the target line marks: the level an increment or a reduction
    implies, else the target as stated (a share, a rate, a level)."""
    if result.target.kind in (TargetKind.INCREMENT, TargetKind.REDUCTION):
        if result.target_level is not None:
            return result.target_level
        # Without the base year's level the implied level is unknown; the
        # panel still shows the data, on the scale of the data.
        series = [p.figure for p in result.series]
        if series:
            return series[-1]
    return Figure(stated.quantity, stated.qualifier, approximate=stated.approximate)


def _series(assessment: SystemAssessment, result: Assessment) -> list[_Point]:
    """The yearly values a panel shows: those the assessment used.

    A growth target shows yearly growth in percent (computed from levels where
    the assessment used levels); the other kinds show their own series (the
    share, the ratio, the running sum, the level).  A level or count target
    without a series falls back to the metric's observations as stated.
    """
    points = [_Point(p.year, p.figure) for p in result.series]
    kind = result.target.kind
    if kind is TargetKind.GROWTH:
        return _growth_points(points)
    stated = result.target.figure
    if kind is TargetKind.CAP and stated is not None and stated.change is not None:
        return _growth_points(points)
    if points or kind not in (TargetKind.LEVEL, TargetKind.COUNT):
        return points
    return _observed(assessment, result)


def _growth_points(points: list[_Point]) -> list[_Point]:
    """Yearly growth in percent: as given, or from consecutive levels."""
    if all(is_percent(p.figure.quantity) for p in points):
        return points
    growth = []
    for before, after in itertools.pairwise(points):
        x0 = Decimal(before.figure.quantity.magnitude)
        x1 = Decimal(after.figure.quantity.magnitude)
        if x0 <= 0 or after.year != before.year + 1:
            continue
        rate = (x1 / x0 - 1) * 100
        growth.append(_Point(after.year, Figure(ureg.Quantity(rate, ureg.percent))))
    return growth


def _observed(assessment: SystemAssessment, result: Assessment) -> list[_Point]:
    """The observations of the target's metric, in the target's unit, by year.

    The assessment's own baseline and latest points are used as they are (with
    the exchange rates it chose); other years are converted at each year's
    average rate, and left out if no rate is known.  Of several observations
    in a year the last dated one counts, as in the assessment.
    """
    target = result.target
    assert target.figure is not None
    unit = target.figure.quantity.units
    by_year: dict[int, Observation] = {}
    for observation in sorted(result.owner.observations, key=_when):
        if observation.metric != target.metric:
            continue
        if assessment.as_of is not None and observation.year > assessment.as_of:
            continue
        by_year[observation.year] = observation
    known = {p.year: p.figure for p in (result.baseline, result.latest) if p}
    points = []
    for year, observation in sorted(by_year.items()):
        figure = known.get(year)
        if figure is None:
            try:
                figure, _ = _in_unit(observation.figure, unit, year, ConversionPolicy())
            except (RateError, CurrencyMismatchError):
                continue
        points.append(_Point(year, figure))
    return points


def _when(observation: Observation) -> tuple[int, str]:
    return observation.year, observation.date.isoformat() if observation.date else ""


def _needs_path(result: Assessment) -> bool:
    latest = result.latest
    return (
        latest is not None
        and latest.year < result.target.year
        and result.status is not Status.ACHIEVED
    )
