"""A picture of progress: one panel per quantitative target.

Each panel shows the observations of the target's metric over the years, the
target at its year, the path that compound growth at the required rate would
take from the latest value to the target, and where the current growth would
lead.  Bounds are drawn as bounds (an arrow from the stated value, pointing the
way the true value lies) and approximate values as hollow markers, so the
picture claims no more than the statements do.

Needs the ``chart`` extra (``pip install "industrial-plan[chart]"``).
Figures are built with :class:`matplotlib.figure.Figure` directly, never
through pyplot, so no backend is chosen and no global state is touched.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import math
import os
import pathlib
import re
import textwrap
import warnings
from collections.abc import Sequence
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, Decimal
from typing import TYPE_CHECKING, Any, Final

import attrs
from babel.numbers import format_decimal, format_percent

from ._errors import CurrencyMismatchError, MissingExtraError, RateError
from ._figures import Figure, Qualifier, is_percent
from ._format import _compact_divisor, _language, _qualifier_phrase, format_figure
from ._model import Observation, TargetKind
from ._progress import Assessment, ConversionPolicy, Status, SystemAssessment, _in_unit
from ._units import Quantity, in_base_units, tidy, unit_text, ureg

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure as MplFigure
    from matplotlib.layout_engine import ConstrainedLayoutEngine

__all__ = ["progress_chart", "progress_figure"]

# -- look ------------------------------------------------------------------------------

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

_WIDTH: Final = 10.0  # inches
_PANEL_HEIGHT: Final = 2.5
_TITLE_HEIGHT: Final = 0.5
_KEY_ROW_HEIGHT: Final = 0.3
_KEY_COLUMNS: Final = 4
_FOOT_MARGIN: Final = 0.2
_FOOT_LINE_HEIGHT: Final = 0.18
_FOOT_CHARACTERS: Final = 150  # at 8.5 points across the figure's width
_NOTE_CHARACTERS: Final = 48  # at 9 points beside a panel
# A label beside a point spans at most half a panel: a long figure wraps.
_LABEL_CHARACTERS: Final = 44
_FAR_BEYOND: Final = 1000  # projections beyond this multiple of the target
_DPI: Final = 150
# Arrows of bounds are this share of the panel's value range.
_ARROW: Final = 0.18
_HEADROOM: Final = 1.22

# -- words -----------------------------------------------------------------------------

# Status names and chart phrases in each language.  Numbers, currencies and
# qualifier words come from the formatting module (babel / CLDR).
_PHRASES: Final = {
    "en": {
        "title": "{name}: progress toward targets",
        "as_of": "as of {year}",
        "target": "target {year}: {figure}",
        "latest": "{year}: {figure}",
        "needs": "needs {rate} a year to {year}",
        "needs_fall": "needs to fall {rate} a year to {year}",
        "grew": "grew {rate} a year since {year}",
        "grew_fall": "fell {rate} a year since {year}",
        "projected": "at that rate: {figure} in {year}",
        "far_beyond": "at that rate: over {times} times the target in {year}",
        "observed": "observed",
        "approximate": "observed, approximate",
        "lower": "bound: the value is higher",
        "upper": "bound: the value is lower",
        "target_key": "target",
        "required_key": "path at the required growth rate",
        "projection_key": "projection at the observed growth rate",
        "skipped": "1 qualitative target not shown: {items}.",
        "skipped_many": "{count} qualitative targets not shown: {items}.",
        "skipped_item": "{owner} ({year}): {statement}",
        "none": "No quantitative targets to chart.",
        "separator": "; ",
    },
    "zh": {
        "title": "{name}：目标进展",
        "as_of": "截至{year}年",
        "target": "{year}年目标：{figure}",
        "latest": "{year}年：{figure}",
        "needs": "至{year}年需年均增长{rate}",
        "needs_fall": "至{year}年需年均下降{rate}",
        "grew": "{year}年以来年均增长{rate}",
        "grew_fall": "{year}年以来年均下降{rate}",
        "projected": "按此增速：{year}年达{figure}",
        "far_beyond": "按此增速：{year}年超过目标的{times}倍",
        "observed": "实际值",
        "approximate": "实际值（约数）",
        "lower": "下限：实际值更高",
        "upper": "上限：实际值更低",
        "target_key": "目标",
        "required_key": "按所需增速的路径",
        "projection_key": "按实际增速的预测",
        "skipped": "未显示1项定性目标：{items}。",
        "skipped_many": "未显示{count}项定性目标：{items}。",
        "skipped_item": "{owner}（{year}年）：{statement}",
        "none": "没有可绘制的量化目标。",
        "separator": "；",
    },
}


# -- public ----------------------------------------------------------------------------


def progress_chart(
    assessment: SystemAssessment,
    path: str | os.PathLike[str],
    *,
    lang: str = "en",
) -> pathlib.Path:
    """Draw every quantitative target of an assessment into one image file.

    One panel per target, titled with its owner and status: observations as
    points (hollow when approximate, with an arrow when the figure is a
    bound such as "exceeded 2 trillion yuan"), the target as a diamond at its
    year and a dotted line at its value, the compound-growth path at the
    required rate from the latest value to the target, and the projection
    at the observed rate where there is one.  Values are on the scale the
    language writes the target in (trillion yuan in English, 亿元 or 万亿元 in
    Chinese); all numbers are formatted through babel.  Qualitative targets
    are not drawn; a footnote counts and names them.

    The image is a PNG, or an SVG when *path* ends in ``.svg`` (matplotlib
    chooses the format by the suffix).  Chinese labels need a font with
    Chinese glyphs: an installed one (Noto Sans CJK, Source Han Sans,
    WenQuanYi, Microsoft YaHei, ...) is used if found; otherwise the chart
    is labelled in English and a :class:`UserWarning` says so.

    Args:
        assessment: the result of :func:`~industrial_plan.assess`.
        path: where to write the image; parent directories must exist.
        lang: ``"en"`` or ``"zh"`` (or a babel locale id of either).

    Returns:
        The path written, as a :class:`pathlib.Path`.

    Raises:
        MissingExtraError: if matplotlib is not installed.
        ValueError: for an unsupported *lang*.

    >>> import tempfile, pathlib
    >>> from industrial_plan import assess, examples
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     written = progress_chart(assess(examples.xiamen()), f"{folder}/x.png")
    ...     written.name, written.stat().st_size > 10_000
    ('x.png', True)
    """
    figure = progress_figure(assessment, lang=lang)
    target = pathlib.Path(path)
    figure.savefig(target, dpi=_DPI)
    return target


def progress_figure(assessment: SystemAssessment, *, lang: str = "en") -> MplFigure:
    """The chart of :func:`progress_chart` as a matplotlib figure, not yet saved.

    For adjusting or embedding the chart, and for tests.  No pyplot state is
    touched; save it with ``figure.savefig(path)``.  Each panel's axes has
    the gid ``"panel:<owner id>:<metric>:<year>"``, and each drawn element a
    gid naming what it is: ``"observed"`` (one marker per year),
    ``"observed-line"``, ``"bound:<qualifier>:<year>"`` (an arrow, such as
    ``"bound:more_than:2022"``), ``"target"`` (the diamond),
    ``"target-line"``, ``"required"`` (the path at the required rate),
    ``"projection"`` and ``"projected"`` (the curve and marker at the observed
    rate), ``"latest-label"`` and ``"target-label"``.

    Args:
        assessment: the result of :func:`~industrial_plan.assess`.
        lang: as for :func:`progress_chart`.

    Returns:
        A :class:`matplotlib.figure.Figure` with one axes per quantitative
        target.

    Raises:
        MissingExtraError: if matplotlib is not installed.
        ValueError: for an unsupported *lang*.
    """
    mpl_figure, layout_engine = _matplotlib()
    writer = _Writer.for_language(lang)
    charted = [a for a in assessment if a.target.figure is not None]
    skipped = [a for a in assessment if a.target.figure is None]
    handles, labels = _key(charted, writer)
    footnote = _footnote(skipped, writer)
    # Title, key and footnote get fixed heights in inches, so that they read
    # the same whatever the number of panels; the panels share the rest.
    key_rows = -(-len(handles) // _KEY_COLUMNS)
    key_columns = -(-len(handles) // key_rows) if handles else 1
    header = _TITLE_HEIGHT + _KEY_ROW_HEIGHT * key_rows
    footer = _FOOT_MARGIN + _FOOT_LINE_HEIGHT * len(footnote.splitlines())
    rows = max(len(charted), 1)
    height = _PANEL_HEIGHT * rows + header + footer
    # The constrained layout places the panels inside this rectangle; title,
    # key and footnote are placed by hand above and below it, where the
    # layout cannot push them into one another.
    rect = (0.0, footer / height, 1.0, 1 - (header + footer) / height)
    figure = mpl_figure(figsize=(_WIDTH, height), layout=layout_engine(rect=rect))
    axes = figure.subplots(rows, 1, squeeze=False)[:, 0]
    for ax, result in zip(axes, charted, strict=False):
        _Panel(ax, result, assessment, writer).draw()
    if not charted:
        axes[0].set_axis_off()
        axes[0].text(
            0.5, 0.5, writer.phrase("none"), ha="center", va="center", **writer.font
        )
    figure.text(
        0.5,
        1 - _TITLE_HEIGHT / 2 / height,
        _title(assessment, writer),
        ha="center",
        va="center",
        fontsize=13,
        fontweight="bold",
        gid="title",
        **writer.font,
    )
    if handles:
        figure.legend(
            handles,
            labels,
            loc="upper center",
            bbox_to_anchor=(0.5, 1 - _TITLE_HEIGHT / height),
            ncols=key_columns,
            frameon=False,
            prop=_font_properties(writer, size=9),
        )
    if footnote:
        figure.text(
            0.01,
            footer / 2 / height,
            footnote,
            ha="left",
            va="center",
            fontsize=8.5,
            color="#555555",
            gid="footnote",
            **writer.font,
        )
    return figure


# -- matplotlib and fonts --------------------------------------------------------------


def _matplotlib() -> tuple[type[MplFigure], type[ConstrainedLayoutEngine]]:
    """matplotlib's figure and layout classes, or how to install them."""
    try:
        from matplotlib.figure import Figure as MplFigure
        from matplotlib.layout_engine import ConstrainedLayoutEngine
    except ImportError as error:
        raise MissingExtraError("install industrial-plan[chart] for charts") from error
    return MplFigure, ConstrainedLayoutEngine


# Family names of common fonts with Chinese glyphs; a candidate is used only
# if its character map really has the characters the chart writes.
_CJK_NAMES: Final = re.compile(
    r"CJK|Source Han|WenQuanYi|YaHei|PingFang|Hiragino|Heiti|SimHei|SimSun|"
    r"Noto Sans SC|Noto Serif SC|Droid Sans Fallback|AR PL|Sarasa|FangSong|"
    r"KaiTi|STSong|STXihei|Songti|Unifont|Zen Hei|Micro Hei",
    re.IGNORECASE,
)
_CJK_PROBE: Final = "年目标亿元超过实际值进展"
_BASE_FAMILY: Final = "DejaVu Sans"  # ships with matplotlib


@functools.cache
def _cjk_family() -> str | None:
    """The family name of an installed font with Chinese glyphs, if any.

    matplotlib caches the list of system fonts on first use and never looks
    again, so a font installed after that is missing from its list: when the
    list has no Chinese font, the system's fonts it has not seen are added.
    """
    from matplotlib import font_manager

    manager = font_manager.fontManager

    def search() -> str | None:
        for entry in sorted(manager.ttflist, key=lambda e: e.name):
            if _CJK_NAMES.search(entry.name) and _covers(entry.fname, _CJK_PROBE):
                return str(entry.name)
        return None

    found = search()
    if found is None:
        known = {entry.fname for entry in manager.ttflist}
        for path in font_manager.findSystemFonts():
            if path not in known:
                with contextlib.suppress(OSError, RuntimeError, ValueError):
                    manager.addfont(path)
        found = search()
    return found


@functools.cache
def _charmap(path: str) -> frozenset[int]:
    from matplotlib.ft2font import FT2Font

    try:
        return frozenset(FT2Font(path).get_charmap())
    except (OSError, RuntimeError):  # an unreadable font covers nothing
        return frozenset()


def _covers(path: str, text: str) -> bool:
    charmap = _charmap(path)
    return all(ord(c) in charmap for c in text)


@functools.cache
def _families(cjk: str | None) -> tuple[tuple[str, ...], frozenset[int]]:
    """The font families to use, and every character they can draw."""
    from matplotlib import font_manager

    names = (_BASE_FAMILY,) if cjk is None else (_BASE_FAMILY, cjk)
    covered: set[int] = set()
    for name in names:
        path = font_manager.findfont(
            font_manager.FontProperties(family=name), fallback_to_default=True
        )
        covered |= _charmap(path)
    return names, frozenset(covered)


@attrs.frozen
class _Writer:
    """Words, numbers and fonts for one language."""

    code: str
    families: tuple[str, ...]
    covered: frozenset[int]

    @classmethod
    def for_language(cls, lang: str) -> _Writer:
        code = _language(lang).code  # raises ValueError for unsupported ids
        # English charts may show Chinese words too (a measure word, what a
        # share is of): the Chinese font, when there is one, is the fallback.
        cjk = _cjk_family()
        if code == "zh" and cjk is None:
            # Without such a font every Chinese character would be an empty
            # box: English labels say the same and can be read.
            warnings.warn(
                "no installed font has Chinese glyphs; the chart is labelled in "
                "English (install a font such as Noto Sans CJK for Chinese labels)",
                UserWarning,
                stacklevel=3,
            )
            code = "en"
        families, covered = _families(cjk)
        return cls(code, families, covered)

    @property
    def font(self) -> dict[str, Any]:
        """Text keyword arguments: the families, and no mathtext for '$'."""
        return {"fontfamily": list(self.families), "parse_math": False}

    def phrase(self, key: str, **values: object) -> str:
        return _PHRASES[self.code][key].format(**values)

    def readable(self, *candidates: str) -> str:
        """The first text the fonts can draw entirely; the last one otherwise."""
        for text in candidates:
            if all(ord(c) in self.covered or c.isspace() for c in text):
                return text
        return candidates[-1]

    def figure(self, figure: Figure) -> str:
        # A stated equivalent ("($442.2 billion)") would crowd a label.
        shown = attrs.evolve(figure, stated_equivalent=None)
        # Without a font for its words ("80 家", "25% of 地区生产总值"), the
        # label keeps the number and unit only.
        bare = attrs.evolve(shown, counted=None, measure=None, share_of=None)
        return self.readable(
            format_figure(shown, locale=self.code),
            format_figure(bare, locale=self.code),
        )

    def growth(self, kind: str, figure: Figure) -> tuple[str, str]:
        """The phrase key and rate text for a growth rate: a fall reads as one.

        "needs more than -5.6 %" is "needs to fall at most 5.6 %": the
        bound's side turns with the sign.
        """
        if figure.quantity.magnitude < 0:
            return f"{kind}_fall", self.rate(figure.scaled(-1))
        return kind, self.rate(figure)

    def rate(self, figure: Figure) -> str:
        """A growth rate figure as a percentage with its qualifier."""
        language = _language(self.code)
        number = format_percent(
            Decimal(figure.quantity.magnitude),
            format="#,##0.0%",
            locale=language.cldr,
        )
        words = _qualifier_phrase(figure, language)
        return language.joiner.join(part for part in (words, number) if part)

    def number(self, value: float) -> str:
        # Tick values are floats such as 0.30000000000000004: twelve
        # significant digits show the number the locator meant.
        return format_decimal(
            Decimal(f"{value:.12g}"),
            locale=_language(self.code).cldr,
            decimal_quantization=False,
        )

    def wrap(self, text: str, width: int) -> str:
        """*text* in lines of at most *width* Latin letters (half as many Hanzi)."""
        return "\n".join(
            textwrap.wrap(text, width // 2 if self.code == "zh" else width)
        )

    def status(self, status: Status) -> str:
        return status.chinese if self.code == "zh" else status.value


# -- scale -----------------------------------------------------------------------------


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


# -- one panel -------------------------------------------------------------------------


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


# -- the whole figure ------------------------------------------------------------------


def _title(assessment: SystemAssessment, writer: _Writer) -> str:
    system = assessment.system
    name = writer.readable(system.name.best(writer.code), str(system.name), "")
    title = writer.phrase("title", name=name) if name else ""
    if assessment.as_of is not None:
        title = f"{title} ({writer.phrase('as_of', year=assessment.as_of)})"
    return title


def _font_properties(writer: _Writer, size: float) -> Any:
    from matplotlib.font_manager import FontProperties

    return FontProperties(family=list(writer.families), size=size)


def _key(charted: Sequence[Assessment], writer: _Writer) -> tuple[list[Any], list[str]]:
    """The legend for all panels, listing only what some panel shows."""
    if not charted:
        return [], []
    from matplotlib.lines import Line2D

    figures = [
        o.figure
        for r in charted
        for o in r.owner.observations
        if o.metric == r.target.metric
    ]
    targets = [r.target.figure for r in charted if r.target.figure is not None]
    entries: list[tuple[Any, str]] = [
        (Line2D([], [], ls="none", marker="o", ms=7, color=OBSERVED), "observed")
    ]
    if any(f.approximate for f in (*figures, *targets)):
        hollow = Line2D(
            [], [], ls="none", marker="o", ms=7, mew=1.6, color=OBSERVED, mfc="white"
        )
        entries.append((hollow, "approximate"))
    if any(f.is_bound and f.lower is not None for f in figures):
        up = Line2D([], [], ls="none", marker=r"$\uparrow$", ms=11, color=OBSERVED)
        entries.append((up, "lower"))
    if any(f.is_bound and f.upper is not None for f in figures):
        down = Line2D([], [], ls="none", marker=r"$\downarrow$", ms=11, color=OBSERVED)
        entries.append((down, "upper"))
    target = Line2D([], [], ls=(0, (1, 2)), marker="D", ms=7, color=TARGET)
    entries.append((target, "target_key"))
    if any(_needs_path(r) for r in charted):
        entries.append(
            (Line2D([], [], ls="--", lw=1.8, color=REQUIRED), "required_key")
        )
    if any(r.projected is not None for r in charted):
        projection = Line2D([], [], ls=":", marker="X", ms=7, color=PROJECTED)
        entries.append((projection, "projection_key"))
    return [h for h, _ in entries], [writer.phrase(k) for _, k in entries]


def _needs_path(result: Assessment) -> bool:
    latest = result.latest
    return (
        latest is not None
        and latest.year < result.target.year
        and result.status is not Status.ACHIEVED
    )


def _footnote(skipped: Sequence[Assessment], writer: _Writer) -> str:
    """The qualitative targets left out, wrapped to the figure's width."""
    if not skipped:
        return ""
    items = []
    for result in skipped:
        owner = result.owner
        name = writer.readable(owner.name.best(writer.code), str(owner.name), owner.id)
        statement = writer.readable(result.target.statement or "", "")
        items.append(
            writer.phrase(
                "skipped_item",
                owner=name,
                year=result.target.year,
                statement=f"“{statement}”" if statement else "",
            ).rstrip(": ：")
        )
    count = len(skipped)
    text = writer.phrase(
        "skipped" if count == 1 else "skipped_many",
        count=count,
        items=writer.phrase("separator").join(items),
    )
    return writer.wrap(text, _FOOT_CHARACTERS)
