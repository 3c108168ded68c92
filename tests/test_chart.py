"""Progress charts: what is drawn where, the image files, languages and fonts."""

from __future__ import annotations

import logging
import re
import subprocess
import sys
import warnings
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings

import industrial_plan as ip
from industrial_plan import (
    Direction,
    Figure,
    Industry,
    Metric,
    Observation,
    Qualifier,
    Status,
    Target,
    Tier,
)
from industrial_plan._outputs import chart as chart
from industrial_plan._outputs import chart_colours as chart_colours
from industrial_plan._outputs import chart_series as chart_series
from industrial_plan._outputs import chart_words as chart_words
from industrial_plan.testing import systems

matplotlib = pytest.importorskip("matplotlib")
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.colors import to_rgb  # noqa: E402
from matplotlib.figure import Figure as MplFigure  # noqa: E402
from matplotlib.image import imread  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.text import Annotation, Text  # noqa: E402


def _figure(
    value: str | int, unit: str, qualifier: Qualifier = Qualifier.EXACT
) -> Figure:
    return Figure(ip.amount(value, unit), qualifier)


def _series(
    metric: str, unit: str, values: list[tuple[int, str | int, Qualifier]]
) -> list[Observation]:
    return [Observation(metric, y, _figure(v, unit, q)) for y, v, q in values]


E, ABOUT, MORE, AT_LEAST, LESS = (
    Qualifier.EXACT,
    Qualifier.ABOUT,
    Qualifier.MORE_THAN,
    Qualifier.AT_LEAST,
    Qualifier.LESS_THAN,
)


def synthetic() -> ip.IndustrialSystem:
    """Four quantitative targets of four statuses, and two qualitative ones."""
    emissions = Metric(
        "emissions", {"en": "CO2 emissions", "zh": "二氧化碳排放"}, "[mass]", "lower"
    )
    solar = Industry(
        "solar",
        {"en": "solar power", "zh": "光伏"},
        targets=[Target("installed_capacity", 2030, _figure(12, "GW"))],
        observations=_series(
            "installed_capacity",
            "GW",
            [
                (2020, "3.1", E),
                (2021, "3.9", E),
                (2022, "5.2", ABOUT),
                (2023, "6.8", AT_LEAST),
            ],
        ),
    )
    steel = Industry(
        "steel",
        {"en": "steel", "zh": "钢铁"},
        targets=[Target("emissions", 2030, _figure(30, "million t"))],
        observations=_series(
            "emissions",
            "million t",
            [(2020, 42, E), (2021, 43, E), (2022, "44.5", E), (2023, 45, LESS)],
        ),
    )
    energy = Tier(
        "energy",
        {"en": "energy and materials", "zh": "能源与材料"},
        "cluster",
        industries=[solar, steel],
        targets=[
            Target("total_scale", 2030, _figure(500, "billion CNY")),
            Target("development", 2030, statement="a leading hydrogen hub"),
        ],
        observations=_series(
            "total_scale",
            "billion CNY",
            [
                (2020, 260, E),
                (2021, 281, E),
                (2022, 300, ABOUT),
                (2023, 322, MORE),
                (2024, 350, E),
            ],
        ),
    )
    digital = Tier(
        "digital",
        {"en": "digital economy", "zh": "数字经济"},
        "cluster",
        targets=[
            Target("value_added", 2025, _figure("1.2", "trillion CNY")),
            Target("development", 2030, statement="world-class"),
        ],
        observations=_series(
            "value_added",
            "trillion CNY",
            [(2020, "0.8", E), (2021, "0.95", E), (2022, "1.1", E), (2023, "1.25", E)],
        ),
    )
    return ip.IndustrialSystem(
        name={"en": "Synthetic plan", "zh": "示例规划"},
        region="Somewhere",
        start_year=2020,
        end_year=2030,
        tiers=[energy, digital],
        metrics=[emissions],
    )


# -- inspecting figures ----------------------------------------------------------------


def _panels(figure: MplFigure) -> dict[str, Axes]:
    found = {}
    for ax in figure.axes:
        gid = ax.get_gid() or ""
        if gid.startswith("panel:"):
            found[gid.split(":")[1] + ":" + gid.split(":")[2]] = ax
    return found


def _lines(ax: Axes, gid: str) -> list[Line2D]:
    return [line for line in ax.get_lines() if line.get_gid() == gid]


def _annotations(ax: Axes, prefix: str) -> list[Annotation]:
    return [
        child
        for child in ax.get_children()
        if isinstance(child, Annotation) and (child.get_gid() or "").startswith(prefix)
    ]


def _texts(figure: MplFigure) -> Iterator[str]:
    for text in figure.findobj(Text):
        yield text.get_text()


def _y(line: Line2D) -> list[float]:
    return [float(v) for v in line.get_ydata()]  # type: ignore[union-attr]


def _x(line: Line2D) -> list[float]:
    return [float(v) for v in line.get_xdata()]  # type: ignore[union-attr]


def _pixels_near(image: Any, colour: str, tolerance: float = 0.06) -> int:
    rgb = image[..., :3]
    wanted = to_rgb(colour)
    close = abs(rgb[..., 0] - wanted[0]) < tolerance
    close &= abs(rgb[..., 1] - wanted[1]) < tolerance
    close &= abs(rgb[..., 2] - wanted[2]) < tolerance
    return int(close.sum())


@pytest.fixture
def no_cjk_font(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chart_words, "_cjk_family", lambda: None)


@pytest.fixture
def pretend_cjk_font(monkeypatch: pytest.MonkeyPatch) -> None:
    # DejaVu Sans has no Chinese glyphs: fine for building a figure whose
    # texts are inspected, never for drawing it.
    monkeypatch.setattr(chart_words, "_cjk_family", lambda: "DejaVu Sans")


# -- the founding example --------------------------------------------------------------


def test_xiamen_has_one_panel_per_quantitative_target() -> None:
    figure = ip.progress_figure(ip.assess(ip.examples.xiamen()))
    panels = _panels(figure)
    assert list(panels) == [
        "pillar_clusters:total_scale",
        "strategic_emerging:total_scale",
    ]
    assert len(figure.axes) == 2


def test_xiamen_targets_are_drawn_at_their_values_on_the_targets_scale() -> None:
    panels = _panels(ip.progress_figure(ip.assess(ip.examples.xiamen())))
    pillars, emerging = panels.values()
    # 3 trillion yuan on a trillion-yuan axis; 800 billion on a billion axis.
    assert pillars.get_ylabel() == "trillion yuan"
    assert emerging.get_ylabel() == "billion yuan"
    (line,) = _lines(pillars, "target-line")
    assert _y(line) == [3.0, 3.0]
    (marker,) = _lines(pillars, "target")
    assert (_x(marker), _y(marker)) == ([2027.0], [3.0])
    (line,) = _lines(emerging, "target-line")
    assert _y(line) == [800.0, 800.0]
    (observed,) = _lines(emerging, "observed")
    assert (_x(observed), _y(observed)) == ([2022.0], [pytest.approx(491.2)])


def test_xiamen_exceeded_figure_is_drawn_as_a_lower_bound() -> None:
    pillars, emerging = _panels(
        ip.progress_figure(ip.assess(ip.examples.xiamen()))
    ).values()
    (arrow,) = _annotations(pillars, "bound:")
    assert arrow.get_gid() == "bound:more_than:2022"
    (start_x, start_y), (end_x, end_y) = arrow.xyann, arrow.xy
    assert start_x == end_x == 2022
    assert start_y == 2.0
    assert end_y > start_y  # "exceeded": the true value lies above
    (observed,) = _lines(pillars, "observed")
    assert observed.get_markerfacecolor() != "white"  # a bound, not approximate
    assert _annotations(emerging, "bound:") == []  # "reached" is exact


def test_xiamen_required_path_runs_from_the_latest_value_to_the_target() -> None:
    result = ip.assess(ip.examples.xiamen()).results[1]
    emerging = _panels(ip.progress_figure(ip.assess(ip.examples.xiamen())))[
        "strategic_emerging:total_scale"
    ]
    (path,) = _lines(emerging, "required")
    xs, ys = _x(path), _y(path)
    assert (xs[0], xs[-1]) == (2022, 2027)
    assert ys[0] == pytest.approx(491.2)
    assert ys[-1] == pytest.approx(800)
    assert result.required_cagr is not None
    rate = float(result.required_cagr.quantity.magnitude)
    # Compound growth, not a straight line: the midpoint follows the rate.
    middle = xs.index(2024.5)
    assert ys[middle] == pytest.approx(491.2 * (1 + rate) ** 2.5)
    assert ys[middle] < (491.2 + 800) / 2


def test_xiamen_titles_labels_and_footnote() -> None:
    figure = ip.progress_figure(ip.assess(ip.examples.xiamen()))
    pillars = _panels(figure)["pillar_clusters:total_scale"]
    assert pillars.get_title(loc="left") == "pillar industrial clusters · total scale"
    assert pillars.get_title(loc="right") == "insufficient data"
    texts = list(_texts(figure))
    assert 'Xiamen "4+4+6" modern industrial system: progress toward targets' in texts
    assert "target 2027: 3 trillion yuan" in texts
    assert "2022: more than 2 trillion yuan" in texts
    assert "needs less than 8.4% a year to 2027" in texts
    assert "needs 10.2% a year to 2027" in texts
    assert (
        "1 qualitative target not shown: future industries (2027): "
        "“significant progress”." in texts
    )


def test_xiamen_png_shows_the_chart(tmp_path: Path) -> None:
    written = ip.progress_chart(ip.assess(ip.examples.xiamen()), tmp_path / "x.png")
    assert written == tmp_path / "x.png"
    image = imread(written)
    height, width = image.shape[:2]
    assert width == 1500  # 10 inches at 150 dpi
    assert 800 < height < 1100
    grey = image[..., :3].mean(axis=2)
    assert grey.std() > 0.05  # not blank
    assert (grey < 0.5).mean() > 0.005  # there is ink
    # Targets (dotted lines, diamonds, labels), observations and the paths
    # are all there in their own colours.
    assert _pixels_near(image, chart_colours.TARGET) > 1000
    assert _pixels_near(image, chart_colours.OBSERVED) > 300
    assert _pixels_near(image, chart_colours.REQUIRED) > 1000


def test_svg_output_by_suffix(tmp_path: Path) -> None:
    written = ip.progress_chart(ip.assess(ip.examples.xiamen()), tmp_path / "x.svg")
    text = written.read_text(encoding="utf-8")
    assert text.startswith("<?xml")
    assert "<svg" in text
    # gids become element ids, for styling or scripting the SVG.
    assert 'id="target-line' in text
    assert 'id="bound:more_than:2022' in text


# -- a plan with several observations --------------------------------------------------


def test_synthetic_statuses_and_panels() -> None:
    assessment = ip.assess(synthetic())
    figure = ip.progress_figure(assessment)
    panels = _panels(figure)
    assert list(panels) == [
        "energy:total_scale",
        "solar:installed_capacity",
        "steel:emissions",
        "digital:value_added",
    ]
    statuses = [panels[key].get_title(loc="right") for key in panels]
    assert statuses == ["on track", "on track", "deterioration", "target achieved"]
    # Status colours say good or bad at a glance.
    colours = [
        text.get_color()
        for ax, status in zip(panels.values(), statuses, strict=True)
        for text in ax.findobj(Text)
        if text.get_text() == status
    ]
    assert colours[0] == chart_colours._STATUS_COLOURS[Status.ON_TRACK]
    assert colours[2] == chart_colours._STATUS_COLOURS[Status.DETERIORATION]
    texts = list(_texts(figure))
    assert any(t.startswith("2 qualitative targets not shown") for t in texts)


def test_synthetic_every_observation_is_a_point() -> None:
    panels = _panels(ip.progress_figure(ip.assess(synthetic())))
    energy = panels["energy:total_scale"]
    points = _lines(energy, "observed")
    assert [_x(p)[0] for p in points] == [2020, 2021, 2022, 2023, 2024]
    assert [_y(p)[0] for p in points] == [260, 281, 300, 322, 350]
    # "about 300": hollow; the others filled.
    hollow = [_x(p)[0] for p in points if p.get_markerfacecolor() == "white"]
    assert hollow == [2022]
    (trend,) = _lines(energy, "observed-line")
    assert _x(trend) == [2020, 2021, 2022, 2023, 2024]


def test_synthetic_bounds_point_the_way_the_true_value_lies() -> None:
    panels = _panels(ip.progress_figure(ip.assess(synthetic())))
    (more,) = _annotations(panels["energy:total_scale"], "bound:")
    assert more.get_gid() == "bound:more_than:2023"
    assert more.xy[1] > more.xyann[1] == 322
    (least,) = _annotations(panels["solar:installed_capacity"], "bound:")
    assert least.get_gid() == "bound:at_least:2023"
    assert least.xy[1] > least.xyann[1]
    (less,) = _annotations(panels["steel:emissions"], "bound:")
    assert less.get_gid() == "bound:less_than:2023"
    assert less.xy[1] < less.xyann[1] == 45


def test_synthetic_paths_and_projections() -> None:
    assessment = ip.assess(synthetic())
    panels = _panels(ip.progress_figure(assessment))
    steel = panels["steel:emissions"]
    (path,) = _lines(steel, "required")
    assert _y(path)[0] == 45
    assert _y(path)[-1] == pytest.approx(30)
    (projected,) = _lines(steel, "projected")
    result = assessment.results[3]
    assert result.projected is not None
    assert _y(projected) == [pytest.approx(float(result.projected.quantity.magnitude))]
    # An achieved target needs no path.
    assert _lines(panels["digital:value_added"], "required") == []


def test_synthetic_notes_are_rounded_and_read_the_right_way() -> None:
    texts = "\n".join(_texts(ip.progress_figure(ip.assess(synthetic()))))
    assert "at that rate: about 547 billion yuan in 2030" in texts
    # A lower bound is rounded down, so that it still holds.
    assert "at that rate: at least 42.5 GW in 2030" in texts
    # A required fall reads as one, with the bound's side turned.
    assert "needs to fall less than 5.6% a year to 2030" in texts
    assert "grew less than 2.3% a year since 2020" in texts
    # An achieved target "needs" nothing.
    assert "needs -2.0%" not in texts


def test_synthetic_png(tmp_path: Path) -> None:
    written = ip.progress_chart(ip.assess(synthetic()), tmp_path / "s.png")
    image = imread(written)
    assert image.shape[1] == 1500
    assert image.shape[0] > 1500  # four panels
    assert image[..., :3].mean(axis=2).std() > 0.05
    assert _pixels_near(image, chart_colours.PROJECTED) > 200
    assert _pixels_near(image, chart_colours.TARGET) > 2000


def test_as_of_hides_later_observations() -> None:
    figure = ip.progress_figure(ip.assess(synthetic(), as_of=2021))
    energy = _panels(figure)["energy:total_scale"]
    assert [_x(p)[0] for p in _lines(energy, "observed")] == [2020, 2021]
    assert any("(as of 2021)" in t for t in _texts(figure))


def test_rounding_keeps_bounds_true() -> None:
    about = chart_series._rounded(_figure("546650927012.514", "CNY"))
    assert (about.quantity.magnitude, about.qualifier) == (
        Decimal(547_000_000_000),
        ABOUT,
    )
    low = chart_series._rounded(_figure("42.5127", "GW", AT_LEAST))
    assert (low.quantity.magnitude, low.qualifier) == (Decimal("42.5"), AT_LEAST)
    high = chart_series._rounded(_figure("52.8594", "million t", LESS))
    assert high.quantity.magnitude == Decimal(52900000)
    assert high.qualifier is LESS


# -- languages and fonts ---------------------------------------------------------------


def test_chinese_labels_with_a_chinese_font(pretend_cjk_font: None) -> None:
    figure = ip.progress_figure(ip.assess(ip.examples.xiamen()), lang="zh")
    pillars, emerging = _panels(figure).values()
    assert pillars.get_ylabel() == "万亿元"
    # Chinese counts in 亿: 800 billion yuan is 8000亿元.
    assert emerging.get_ylabel() == "亿元"
    (line,) = _lines(emerging, "target-line")
    assert _y(line) == [8000.0, 8000.0]
    assert pillars.get_title(loc="right") == "数据不足"
    texts = list(_texts(figure))
    assert "2027年目标：3万亿元" in texts
    assert "2022年：超过2万亿元" in texts
    assert "至2027年需年均增长不到8.4%" in texts
    assert any(t.startswith("未显示1项定性目标") for t in texts)


def test_chinese_without_a_chinese_font_falls_back_to_english(
    no_cjk_font: None, tmp_path: Path
) -> None:
    with pytest.warns(UserWarning, match="no installed font has Chinese glyphs"):
        written = ip.progress_chart(
            ip.assess(ip.examples.xiamen()), tmp_path / "zh.png", lang="zh"
        )
    assert imread(written).shape[1] == 1500


def test_names_the_fonts_cannot_draw_fall_back_to_ids(no_cjk_font: None) -> None:
    system = synthetic().update("energy", name={"zh": "能源与材料"})
    energy = _panels(ip.progress_figure(ip.assess(system)))["energy:total_scale"]
    assert energy.get_title(loc="left") == "energy · total scale"


@pytest.mark.skipif(
    chart_words._cjk_family() is None, reason="no font with Chinese glyphs"
)
def test_chinese_png_with_an_installed_font(tmp_path: Path) -> None:  # pragma: no cover
    written = ip.progress_chart(ip.assess(synthetic()), tmp_path / "zh.png", lang="zh")
    assert imread(written)[..., :3].mean(axis=2).std() > 0.05


def test_unsupported_language() -> None:
    with pytest.raises(ValueError, match="'fr' is not supported"):
        ip.progress_figure(ip.assess(ip.examples.xiamen()), lang="fr")


# -- edge cases ------------------------------------------------------------------------


def test_only_qualitative_targets(tmp_path: Path) -> None:
    future = ip.examples.xiamen().tiers[2]
    system = ip.IndustrialSystem(
        name="only words", region="r", start_year=2022, end_year=2027, tiers=[future]
    )
    figure = ip.progress_figure(ip.assess(system))
    assert _panels(figure) == {}
    texts = list(_texts(figure))
    assert "No quantitative targets to chart." in texts
    assert any("significant progress" in t for t in texts)
    ip.progress_chart(ip.assess(system), tmp_path / "words.png")


def test_target_year_passed_and_target_in_another_currency(tmp_path: Path) -> None:
    tier = Tier(
        "t",
        "exporters",
        "cluster",
        targets=[Target("total_scale", 2021, _figure(10, "billion USD"))],
        observations=_series(
            "total_scale", "billion CNY", [(2019, 50, E), (2020, 55, E), (2022, 60, E)]
        ),
    )
    system = ip.IndustrialSystem(
        name="late", region="r", start_year=2019, end_year=2022, tiers=[tier]
    )
    assessment = ip.assess(system)
    figure = ip.progress_figure(assessment)
    (panel,) = _panels(figure).values()
    assert panel.get_ylabel() == "billion US dollars"
    points = _lines(panel, "observed")
    # Yuan converted to dollars at each year's average rate: about 7 to 1.
    assert [_x(p)[0] for p in points] == [2019, 2020, 2022]
    assert all(6 < 50 / _y(points[0])[0] < 8 for _ in [0])
    assert _lines(panel, "required") == []  # no years left
    FigureCanvasAgg(figure).draw()


def test_lower_is_better_target(tmp_path: Path) -> None:
    intensity = Metric("intensity", "energy intensity", "count", Direction.LOWER)
    tier = Tier(
        "t",
        "tier",
        "cluster",
        targets=[Target("intensity", 2030, Figure(ip.amount("0.4")))],
        observations=[
            Observation("intensity", 2020, Figure(ip.amount("0.6"))),
            Observation("intensity", 2024, Figure(ip.amount("0.5"), Qualifier.ABOUT)),
        ],
    )
    system = ip.IndustrialSystem(
        name="n",
        region="r",
        start_year=2020,
        end_year=2030,
        tiers=[tier],
        metrics=[intensity],
    )
    (panel,) = _panels(ip.progress_figure(ip.assess(system))).values()
    assert panel.get_ylabel() == ""
    (path,) = _lines(panel, "required")
    assert _y(path)[0] > _y(path)[-1] == pytest.approx(0.4)
    ip.progress_chart(ip.assess(system), tmp_path / "i.png")


@pytest.mark.parametrize(
    ("latest", "drawn"), [("1000", True), ("1000000000000000", False)]
)
def test_runaway_projection_leaves_the_panel(latest: str, drawn: bool) -> None:
    tier = Tier(
        "t",
        "tier",
        "cluster",
        targets=[Target("total_scale", 2040, _figure(2000, "CNY"))],
        observations=_series(
            "total_scale", "CNY", [(2020, "0.0001", E), (2021, latest, E)]
        ),
    )
    system = ip.IndustrialSystem(
        name="n", region="r", start_year=2020, end_year=2040, tiers=[tier]
    )
    figure = ip.progress_figure(ip.assess(system))
    (panel,) = _panels(figure).values()
    assert len(_lines(panel, "projected")) == int(drawn)
    # The panel is scaled to the observations and the target, not to 1e60.
    top = max(2000, float(latest))
    assert panel.get_ylim()[1] <= 2 * top * 1.3
    assert any("at that rate: over 1,000 times the target" in t for t in _texts(figure))
    FigureCanvasAgg(figure).draw()


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(systems(max_tiers=2, max_industries=2, with_roadmap=False))
def test_any_system_charts_one_panel_per_quantitative_target(
    system: ip.IndustrialSystem,
) -> None:
    try:
        assessment = ip.assess(system)
    except ip.RateError:
        assume(False)  # currencies the bundled rates do not cover in those years
        return
    figure = ip.progress_figure(assessment, view="targets")
    quantitative = [a for a in assessment if a.target.figure is not None]
    panels = [ax for ax in figure.axes if (ax.get_gid() or "").startswith("panel:")]
    assert len(panels) == len(quantitative)
    # Drawing raises on any warning (missing glyphs, layout) in this suite.
    FigureCanvasAgg(figure).draw()


# -- without matplotlib ----------------------------------------------------------------


def test_missing_matplotlib_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    with pytest.raises(
        ip.MissingExtraError, match=r"install industrial-plan\[chart\] for charts"
    ):
        ip.progress_figure(ip.assess(ip.examples.xiamen()))
    with pytest.raises(ImportError):
        ip.progress_chart(ip.assess(ip.examples.xiamen()), "never.png")


def test_importing_the_library_does_not_import_the_extras() -> None:
    code = (
        "import sys, industrial_plan; extras = ('matplotlib', 'pandas', 'pyarrow'); "
        "print(sorted(m for m in extras if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_issue_13_a_font_installed_after_matplotlib_cached_its_list_is_found(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A stale cache, played with a font every matplotlib has: DejaVu Sans Mono
    # stands for the Chinese font, and is missing from matplotlib's list
    # although the system (findSystemFonts) has it.
    from matplotlib import font_manager

    manager = font_manager.fontManager
    mono = [e for e in manager.ttflist if e.name == "DejaVu Sans Mono"]
    assert mono
    stale = [e for e in manager.ttflist if e.name != "DejaVu Sans Mono"]
    monkeypatch.setattr(manager, "ttflist", stale)
    monkeypatch.setattr(font_manager, "findSystemFonts", lambda: [mono[0].fname])
    monkeypatch.setattr(chart_words, "_CJK_NAMES", re.compile("DejaVu Sans Mono"))
    monkeypatch.setattr(chart_words, "_CJK_PROBE", "abc")
    chart_words._cjk_family.cache_clear()
    try:
        assert chart_words._cjk_family() == "DejaVu Sans Mono"
    finally:
        chart_words._cjk_family.cache_clear()


# -- every panel, as a reader sees it -------------------------------------------------


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(systems(max_tiers=1, max_industries=1, with_roadmap=False))
def test_every_panel_shows_whole_distinct_years_and_keeps_its_text_inside(
    system: ip.IndustrialSystem,
) -> None:
    try:
        assessment = ip.assess(system)
    except ip.RateError:
        assume(False)  # currencies the bundled rates do not cover in those years
        return
    for lang in ("en", "zh"):
        with warnings.catch_warnings():
            # No Chinese font here: the chart says so and falls back to English.
            warnings.simplefilter("ignore", UserWarning)
            figure = ip.progress_figure(assessment, lang=lang)
        with warnings.catch_warnings():
            # A generated name may hold a character no installed font has
            # ("𞹡"): matplotlib draws a box and warns, which is its business.
            warnings.filterwarnings("ignore", "Glyph .* missing from font", UserWarning)
            FigureCanvasAgg(figure).draw()
        renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
        box = figure.bbox
        for ax in figure.axes:
            if not (ax.get_gid() or "").startswith("panel:"):
                continue
            labels = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
            assert labels, ax.get_gid()
            assert all(label.isdigit() and len(label) == 4 for label in labels), labels
            assert len(set(labels)) == len(labels), labels
        # matplotlib keeps labels of ticks past the axis limits, undrawn.
        undrawn = {
            id(label)
            for ax in figure.axes
            for axis, (low, high) in (
                (ax.xaxis, sorted(ax.get_xlim())),
                (ax.yaxis, sorted(ax.get_ylim())),
            )
            for tick in axis.get_major_ticks() + axis.get_minor_ticks()
            if not low - 1e-9 * abs(high - low)
            <= tick.get_loc()
            <= high + 1e-9 * abs(high - low)
            for label in (tick.label1, tick.label2)
        }
        for text in figure.findobj(Text):
            if not text.get_visible() or not text.get_text().strip():
                continue
            if id(text) in undrawn:
                continue
            extent = text.get_window_extent(renderer)
            inside = (
                extent.x0 >= box.x0 - 1,
                extent.x1 <= box.x1 + 1,
                extent.y0 >= box.y0 - 1,
                extent.y1 <= box.y1 + 1,
            )
            assert all(inside), text.get_text()


def test_labels_of_ticks_past_the_limits_are_not_counted_as_outside() -> None:
    """Hypothesis found it: a count of 6.56 has y ticks to 10, the axis ends at 8,
    and the undrawn label "10" lies left of the figure."""
    target = ip.Target("enterprises", 1991, ip.Figure(ip.amount("6.56")), kind="count")
    system = ip.IndustrialSystem(
        name="x",
        region="y",
        start_year=1990,
        end_year=1990,
        regional=ip.Regional(targets=[target]),
    )
    test_every_panel_shows_whole_distinct_years_and_keeps_its_text_inside.hypothesis.inner_test(  # type: ignore[attr-defined]
        system
    )


def test_a_name_no_font_can_draw_is_measured_like_any_other() -> None:
    """Hypothesis found it: a plan named "𞹡" (no installed font has it) made
    matplotlib warn while the panel was drawn, outside the warnings the test
    allowed."""
    system = ip.IndustrialSystem(
        name="\U0001ee61", region="0", start_year=1990, end_year=1990
    )
    test_every_panel_shows_whole_distinct_years_and_keeps_its_text_inside.hypothesis.inner_test(  # type: ignore[attr-defined]
        system
    )


def test_a_single_year_gets_one_tick() -> None:
    """The issue's case: a count target with no observation, one year to show."""
    target = ip.Target(
        "enterprises", 2025, ip.parse_figure("more than 15,000 enterprises")
    )
    system = ip.IndustrialSystem(
        name="plan",
        region="r",
        start_year=2020,
        end_year=2025,
        tiers=[ip.Tier("t", "tier", "cluster", targets=[target])],
    )
    figure = ip.progress_figure(ip.assess(system))
    FigureCanvasAgg(figure).draw()
    (panel,) = [ax for ax in figure.axes if (ax.get_gid() or "").startswith("panel:")]
    assert [t.get_text() for t in panel.get_xticklabels()] == ["2025"]


def test_charts_log_no_font_warnings(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # Issue 24, point 7: six "findfont: Failed to find font weight ..." lines
    # were logged for every chart, English ones included.
    pytest.importorskip("matplotlib")
    assessment = ip.assess(ip.examples.xiamen())
    with caplog.at_level(logging.WARNING):
        ip.progress_chart(assessment, tmp_path / "en.png")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a machine without a Chinese font
            ip.progress_chart(assessment, tmp_path / "zh.png", lang="zh")
    assert [
        r.getMessage() for r in caplog.records if "findfont" in r.getMessage()
    ] == []


GROWTH_PLAN = """
format = "industrial-plan/2"
name = "Test"
region = "Testville"
start_year = 2021
end_year = 2025
metrics = [{ id = "va", name = "value added", kind = "money" }]
[regional]
targets = [{ metric = "va", year = 2025, figure = "年均增长8%以上" }]
observations = [
  { metric = "va", year = 2021, figure = "100亿元" },
  { metric = "va", year = 2023, figure = "118.8亿元" },
]
"""


def test_a_growth_panel_draws_the_observed_growth() -> None:
    # Issue 24, point 6: the panel showed only the target diamond (levels two
    # years apart gave no yearly growth), on an axis of one year.
    pytest.importorskip("matplotlib")
    figure = ip.progress_figure(ip.assess(ip.loads(GROWTH_PLAN, "toml")))
    (ax,) = [a for a in figure.axes if (a.get_gid() or "").startswith("panel:")]
    observed = [line for line in ax.get_lines() if line.get_gid() == "observed"]
    assert [float(line.get_xdata()[0]) for line in observed] == [2022.0, 2023.0]
    rate = float(observed[-1].get_ydata()[0])
    assert abs(rate - 8.99541274751) < 1e-6  # (118.8 / 100) ** (1/2) - 1
    assert observed[-1].get_markerfacecolor() == "white"  # an average, not a year's
    low, high = ax.get_xlim()
    assert low < 2022
    assert high > 2025
