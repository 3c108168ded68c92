"""The review chart: one row per indicator, its text inside the figure at 15 and
60 indicators, in English and Chinese, as PNG and SVG."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, assume, given, settings

import industrial_plan as ip
from industrial_plan._outputs import chart_review as chart_review
from industrial_plan._outputs import chart_words as chart_words
from industrial_plan.testing import systems

matplotlib = pytest.importorskip("matplotlib")
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.text import Text  # noqa: E402


def _texts(figure: Any) -> list[Text]:
    return [
        t
        for t in figure.findobj(Text)
        if t.get_visible() and t.get_text().strip() and t.get_figure() is figure
    ]


def _chinese_font() -> None:
    if chart_words._cjk_family() is None:
        pytest.skip("no installed font has Chinese glyphs")


@pytest.fixture(scope="module")
def rates(review_plan: Any) -> ip.SystemAssessment:
    return ip.assess(review_plan(15))


@pytest.fixture(scope="module")
def sixty(review_plan: Any) -> ip.SystemAssessment:
    return ip.assess(review_plan(60))


def test_plans_of_one_year_rates_default_to_the_review(
    rates: ip.SystemAssessment,
) -> None:
    assert chart_review.is_mostly_rates(rates)
    assert not chart_review.is_mostly_rates(ip.assess(ip.examples.xiamen()))
    figure = ip.progress_figure(rates)
    (axes,) = figure.axes
    assert axes.get_gid() == "review"
    panels = ip.progress_figure(ip.assess(ip.examples.xiamen()))
    assert all(a.get_gid() != "review" for a in panels.axes)


def test_one_row_per_quantitative_target(rates: ip.SystemAssessment) -> None:
    figure = ip.progress_figure(rates, view="review")
    labels = [t.get_text() for t in _texts(figure) if t.get_gid() == "label"]
    quantitative = [r for r in rates if r.target.figure is not None]
    assert len(labels) == len(quantitative) == 15
    assert "regional GDP" in labels
    statuses = [t for t in _texts(figure) if (t.get_gid() or "").startswith("status:")]
    assert len(statuses) == 15
    assert {t.get_text() for t in statuses} >= {
        "as projected",
        "lower than projected",
        "higher than projected",
        "insufficient data",
    }
    aims = [t.get_text() for t in _texts(figure) if t.get_gid() == "aim"]
    assert len(aims) == 2
    assert all("not quantified" in a for a in aims)


def test_binding_and_anticipatory_apart(rates: ip.SystemAssessment) -> None:
    groups = chart_review.review_groups(rates, "en")
    headings = [g.heading for g in groups]
    assert headings == [
        "Binding indicators · economy",
        "Binding indicators · society",
        "Anticipatory indicators · economy",
        "Anticipatory indicators · society",
    ]
    rows = {row.label: row for g in groups for row in g.rows}
    # Rates in percentage points, levels and counts in percent of target,
    # the cap as a ceiling.
    assert rows["regional GDP"].points
    assert rows["regional GDP"].actual == 5.8
    jobs = rows["new urban jobs"]
    assert not jobs.points
    assert jobs.low == 100.0
    assert jobs.actual == pytest.approx(131_000 / 120_000 * 100)
    assert rows["consumer prices"].cap
    assert rows["consumer prices"].high == 3.0


def test_height_grows_per_row(
    rates: ip.SystemAssessment, sixty: ip.SystemAssessment
) -> None:
    small = ip.progress_figure(rates, view="review").get_size_inches()[1]
    large = ip.progress_figure(sixty, view="review").get_size_inches()[1]
    assert large - small == pytest.approx(45 * chart_review.ROW_HEIGHT, abs=1.0)
    assert large < 60 * 0.6


@pytest.mark.parametrize("count", [15, 60])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_text_stays_inside_the_figure(count: int, lang: str, review_plan: Any) -> None:
    if lang == "zh":
        _chinese_font()
    assessment = ip.assess(review_plan(count))
    figure = ip.progress_figure(assessment, lang=lang, view="review")
    canvas = FigureCanvasAgg(figure)
    canvas.draw()  # places the key's texts
    renderer = canvas.get_renderer()
    extent = figure.bbox
    texts = _texts(figure)
    assert len(texts) > 2 * count
    for text in texts:
        box = text.get_window_extent(renderer).expanded(1, 1)
        assert extent.padded(1).contains(box.x0, box.y0), text.get_text()
        assert extent.padded(1).contains(box.x1, box.y1), text.get_text()
    # Row texts do not run into the next column.
    labels = [t for t in texts if t.get_gid() == "label"]
    track = chart_review.TRACK[0] * extent.width
    for label in labels:
        assert label.get_window_extent(renderer).x1 < track, label.get_text()


def test_the_bundled_plans_draw_as_a_review() -> None:
    for name in ip.examples.NAMES:
        assessment = ip.assess(getattr(ip.examples, name)())
        figure = ip.progress_figure(assessment, view="review")
        canvas = FigureCanvasAgg(figure)
        canvas.draw()
        renderer = canvas.get_renderer()
        for text in _texts(figure):
            box = text.get_window_extent(renderer)
            assert box.x1 <= figure.bbox.x1 + 1, text.get_text()


@pytest.mark.parametrize("suffix", ["png", "svg"])
def test_png_and_svg(rates: ip.SystemAssessment, tmp_path: Path, suffix: str) -> None:
    written = ip.progress_chart(rates, tmp_path / f"review.{suffix}", view="review")
    assert written.stat().st_size > 10_000
    if suffix == "svg":
        assert written.read_text("utf-8").lstrip().startswith("<?xml")


def test_chinese_rows(rates: ip.SystemAssessment) -> None:
    _chinese_font()
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)
        figure = ip.progress_figure(rates, lang="zh", view="review")
    texts = [t.get_text() for t in _texts(figure)]
    assert "地区生产总值" in texts
    assert "约束性指标 · 经济运行" in texts
    assert "符合预期" in texts


def test_an_unknown_view_is_named(rates: ip.SystemAssessment) -> None:
    with pytest.raises(ip.ChartViewError, match="'rows'") as caught:
        ip.progress_figure(rates, view="rows")
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, ip.IndustrialPlanError)


def test_a_judgement_is_a_column_of_its_own() -> None:
    plan = ip.load(Path(__file__).parent.parent / "docs/examples/yearly-review.toml")
    assessment = ip.assess(plan)
    (aim,) = [r for r in assessment if r.target.figure is None]
    assert aim.judgement is not None
    english = chart_review.aim_columns(aim, "en")
    assert english == ["employment stable overall", "not quantified", "judged met"]
    assert chart_review.aim_columns(aim, "zh")[0] == "就业形势总体稳定"
    assert chart_review.aim_columns(aim, "zh")[-1] == "评估为已实现"
    unjudged = attrs.evolve(aim, judgement=None)
    assert len(chart_review.aim_columns(unjudged, "en")) == 2


def test_fit_cuts_long_text() -> None:
    assert chart_review.fit("one two three four", 9, 1) == "one two…"
    assert chart_review.fit("一二三四五六", 6, 1) == "一二…"
    assert chart_review.fit("short", 20, 2) == "short"


def test_english_charts_log_no_font_warning(
    rates: ip.SystemAssessment, caplog: pytest.LogCaptureFixture
) -> None:
    from matplotlib import font_manager

    font_manager.fontManager._findfont_cached.cache_clear()  # log again
    sei = ip.assess(ip.examples.xiamen_sei())
    with caplog.at_level("WARNING", logger="matplotlib.font_manager"):
        for assessment, view in ((rates, "review"), (sei, "review"), (sei, "targets")):
            figure = ip.progress_figure(assessment, view=view)
            FigureCanvasAgg(figure).draw()
    assert [r.getMessage() for r in caplog.records] == []


@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(systems(max_tiers=2, max_industries=2))
def test_any_system_draws_as_a_review(system: ip.IndustrialSystem) -> None:
    try:
        assessment = ip.assess(system)
    except ip.RateError:
        assume(False)  # currencies the bundled rates do not cover in those years
        return
    figure = ip.progress_figure(assessment, view="review")
    labels = [t for t in _texts(figure) if t.get_gid() == "label"]
    assert len(labels) == sum(1 for r in assessment if r.target.figure is not None)
    page = ip.report_html(assessment, charts=False)
    assert page.rstrip().endswith("</html>")
