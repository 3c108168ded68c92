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

import os
import pathlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final

from industrial_plan._errors import ChartViewError, MissingExtraError
from industrial_plan._progress.results import Assessment
from industrial_plan._progress.system import SystemAssessment

if TYPE_CHECKING:
    from matplotlib.figure import Figure as MplFigure
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    from .chart_words import _Writer

__all__ = ["VIEWS", "progress_chart", "progress_figure"]

VIEWS: Final = ("targets", "review")
"""The views of a progress chart: a panel per target, or the review in rows."""


_WIDTH: Final = 10.0  # inches
_PANEL_HEIGHT: Final = 2.5
_TITLE_HEIGHT: Final = 0.5
_KEY_ROW_HEIGHT: Final = 0.3
_KEY_COLUMNS: Final = 4
_FOOT_MARGIN: Final = 0.2
_FOOT_LINE_HEIGHT: Final = 0.18
_FOOT_CHARACTERS: Final = 150  # at 8.5 points across the figure's width
_DPI: Final = 150


def progress_chart(
    assessment: SystemAssessment,
    path: str | os.PathLike[str],
    *,
    lang: str = "en",
    view: str | None = None,
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
    chooses the format by the suffix); a *path* without a suffix gets
    ``.png``, and the path returned says so.  Chinese labels need a font with
    Chinese glyphs: an installed one (Noto Sans CJK, Source Han Sans,
    WenQuanYi, Microsoft YaHei, ...) is used if found; otherwise the chart
    is labelled in English and a :class:`UserWarning` says so.

    Args:
        assessment: the result of :func:`~industrial_plan.assess`.
        path: where to write the image; parent directories must exist.
        lang: ``"en"`` or ``"zh"`` (or a babel locale id of either).
        view: ``"targets"`` (a panel per target, as above) or ``"review"``
            (one row per indicator, the whole review in one figure; see
            :func:`progress_figure`).  By default ``"review"`` for plans
            whose targets are mostly rates for one year, ``"targets"``
            otherwise.

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
    figure = progress_figure(assessment, lang=lang, view=view)
    target = pathlib.Path(path)
    if not target.suffix:  # what matplotlib would write: say so
        target = target.with_name(f"{target.name}.png")
    figure.savefig(target, dpi=_DPI)
    return target


def progress_figure(
    assessment: SystemAssessment, *, lang: str = "en", view: str | None = None
) -> MplFigure:
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
        view: as for :func:`progress_chart`.  The review view has one axes
            with the gid ``"review"``: a row per quantitative target,
            grouped binding, anticipatory and untyped apart and by tier or
            region, each with its label (gid ``"label"``), the target
            (``"target"``, or ``"cap"`` for a ceiling), the actual
            (``"actual"``), the projection (``"projected"``), the figures
            (``"figures"``) and the verdict or status
            (``"status:<status>"``); the qualitative aims are listed below
            (``"aim"``).

    Returns:
        A :class:`matplotlib.figure.Figure` with one axes per quantitative
        target, or the one axes of the review.

    Raises:
        MissingExtraError: if matplotlib is not installed.
        ChartViewError: for a *view* other than ``"targets"`` or ``"review"``.
        ValueError: for an unsupported *lang*.
    """
    mpl_figure, layout_engine = _matplotlib()
    # The drawing modules load with the first chart, as matplotlib does:
    # ``import industrial_plan`` does not pay for them.
    from .chart_panel import _Panel
    from .chart_review import is_mostly_rates, review_figure
    from .chart_words import _font_properties, _title_text, _Writer

    if view not in (None, *VIEWS):
        raise ChartViewError(view)
    writer = _Writer.for_language(lang)
    if view == "review" or (view is None and is_mostly_rates(assessment)):
        return review_figure(assessment, writer, _title(assessment, writer))
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
    _title_text(
        figure, 1 - _TITLE_HEIGHT / 2 / height, _title(assessment, writer), writer
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


def _matplotlib() -> tuple[type[MplFigure], type[ConstrainedLayoutEngine]]:
    """matplotlib's figure and layout classes, or how to install them."""
    try:
        from matplotlib.figure import Figure as MplFigure
        from matplotlib.layout_engine import ConstrainedLayoutEngine
    except ImportError as error:
        raise MissingExtraError("install industrial-plan[chart] for charts") from error
    return MplFigure, ConstrainedLayoutEngine


def _title(assessment: SystemAssessment, writer: _Writer) -> str:
    system = assessment.system
    name = writer.readable(system.name.best(writer.code), str(system.name), "")
    title = writer.phrase("title", name=name) if name else ""
    if assessment.as_of is not None:
        title = f"{title} ({writer.phrase('as_of', year=assessment.as_of)})"
    return title


def _key(charted: Sequence[Assessment], writer: _Writer) -> tuple[list[Any], list[str]]:
    """The legend for all panels, listing only what some panel shows."""
    if not charted:
        return [], []
    from matplotlib.lines import Line2D

    from .chart_colours import OBSERVED, PROJECTED, REQUIRED, TARGET
    from .chart_series import _needs_path

    figures = [
        o.figure
        for r in charted
        for o in r.owner.observations
        if o.metric == r.target.metric and o.period is None
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


def _footnote(skipped: Sequence[Assessment], writer: _Writer) -> str:
    """The qualitative targets left out, wrapped to the figure's width."""
    if not skipped:
        return ""
    items = []
    for result in skipped:
        owner = result.owner
        name = writer.readable(owner.name.best(writer.code), str(owner.name), owner.id)
        statement = writer.readable(result.target.statement_in(writer.code) or "", "")
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
