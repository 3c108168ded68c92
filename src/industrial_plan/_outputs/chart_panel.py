"""One panel of a progress chart: a target's yearly series, its target and
the path to it, each kind of target drawn on its own terms.

The panel draws the observations and the target, with their labels, and
brings in the rest: the figures it shows (:mod:`.chart_series`), the lines of
its kind of target (:mod:`.chart_kinds`), and its axes, titles and notes
(:mod:`.chart_axes`).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Final

import attrs

from industrial_plan._figures.figure import Figure
from industrial_plan._money.units import tidy
from industrial_plan._plan.targets import TargetKind
from industrial_plan._progress.results import Assessment
from industrial_plan._progress.system import SystemAssessment

from .chart_axes import _axes, _notes, _Scale, _titles
from .chart_colours import OBSERVED, TARGET
from .chart_kinds import _needed_growth, _projection, _required, _target_path
from .chart_series import _goal, _Point, _rounded, _series
from .chart_words import _Writer

if TYPE_CHECKING:
    from matplotlib.axes import Axes

# A label beside a point spans at most half a panel: a long figure wraps.
_LABEL_CHARACTERS: Final = 44


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
            self.drawn.extend(_needed_growth(self.ax, result, self.latest))
        else:
            self.drawn.extend(
                _required(self.ax, result, self.latest, self._y, self.goal)
            )
            self.projections.extend(_projection(self.ax, result, self._y))
        if self.kind is TargetKind.CUMULATIVE:
            start_year = self.assessment.system.start_year
            _target_path(self.ax, result, start_year, self._y(self.goal))
        self._target(target.figure, target.year)
        _axes(
            self.ax,
            self.points,
            target.year,
            self.drawn,
            self.projections,
            self.scale,
            self.writer,
        )
        _titles(self.ax, result, self.assessment.system, self.writer)
        _notes(self.ax, result, self.writer)

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
