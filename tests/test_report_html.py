"""The HTML report: it parses, loads nothing from another host, and holds every
indicator and verdict, in both languages; the command writes it."""

from __future__ import annotations

import html
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import industrial_plan as ip
from industrial_plan._outputs import cli as cli
from industrial_plan._outputs.review import review_rows

_VOID = {"meta", "br", "img", "link", "input", "hr", "col", "source", "wbr"}


class _Page(HTMLParser):
    """Checks that tags nest and close, and collects every src and href."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.links: list[tuple[str, str]] = []
        self.tags: list[str] = []
        self.in_svg = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href", "xlink:href") and value is not None:
                self.links.append((tag, value))
        if tag not in _VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href", "xlink:href") and value is not None:
                self.links.append((tag, value))

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        assert self.open, f"</{tag}> closes nothing"
        assert self.open[-1] == tag, f"</{tag}> closes <{self.open[-1]}>"
        self.open.pop()


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    assert parser.open == [], parser.open
    return parser


@pytest.fixture(scope="module")
def rates(review_plan: Any) -> ip.SystemAssessment:
    return ip.assess(review_plan(15))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_page_parses_and_holds_every_indicator_and_verdict(
    rates: ip.SystemAssessment, lang: str
) -> None:
    pytest.importorskip("matplotlib")
    page = ip.report_html(rates, lang=lang)
    parsed = _parse(page)
    assert page.startswith("<!DOCTYPE html>")
    assert f'<html lang="{lang}">' in page
    assert parsed.tags.count("svg") == 2  # the review chart and the panels
    assert "@media print" in page
    for row in review_rows(rates, lang):
        assert html.escape(row["indicator"]) in page
        if row["verdict"] != "—":
            assert f">{html.escape(row['verdict'])}</td>" in page
    verdicts = {r.verdict for r in rates if r.verdict is not None}
    assert verdicts == set(ip.Verdict)
    heading = {"en": "Methodology", "zh": "方法说明"}[lang]
    assert f"<h2>{heading}</h2>" in page


def test_nothing_is_loaded_from_another_host(rates: ip.SystemAssessment) -> None:
    pytest.importorskip("matplotlib")
    page = ip.report_html(rates, methodology_url="https://example.org/method")
    links = _parse(page).links
    assert ("a", "https://example.org/method") in links
    for tag, link in links:
        assert link.startswith("#") or tag == "a", (tag, link)
    assert "<script" not in page
    assert "<link" not in page
    assert "@import" not in page
    assert "url(http" not in page


def test_sources_are_linked() -> None:
    import attrs

    plan = ip.examples.xiamen()
    (source,) = plan.sources
    linked = attrs.evolve(source, url="https://www.chinadaily.com.cn/a/xiamen.html")
    system = attrs.evolve(plan, sources=(linked,))
    page = ip.report_html(ip.assess(system), charts=False)
    links = [link for tag, link in _parse(page).links if tag == "a"]
    urls = [s.url for s in system.sources if s.url]
    assert urls
    assert set(urls) <= set(links)
    assert all(link in urls for link in links)


def test_ids_of_two_charts_do_not_clash(rates: ip.SystemAssessment) -> None:
    pytest.importorskip("matplotlib")
    import re

    page = ip.report_html(rates)
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids))


def test_jupyter_shows_the_report_without_charts(rates: ip.SystemAssessment) -> None:
    shown = rates._repr_html_()  # type: ignore[attr-defined]
    assert shown.startswith('<div class="ip-report"')
    assert "<svg" not in shown
    _parse(shown)
    assert "regional GDP" in shown


def test_an_unknown_language_is_refused(rates: ip.SystemAssessment) -> None:
    with pytest.raises(ValueError, match="'fr'"):
        ip.report_html(rates, lang="fr", charts=False)


def test_the_command_writes_the_page(tmp_path: Path) -> None:
    runner = CliRunner()
    target = tmp_path / "review.html"
    result = runner.invoke(
        cli.app,
        ["report", "--example", "xiamen_sei", "--format", "html", "-o", str(target)],
    )
    assert result.exit_code == 0, result.output
    assert f"wrote {target}" in result.stdout
    _parse(target.read_text("utf-8"))
    wrong = runner.invoke(cli.app, ["report", "--format", "csv", "-o", str(target)])
    assert wrong.exit_code == 2
    assert "--output writes HTML" in wrong.stderr


def test_the_chart_command_draws_the_review(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    target = tmp_path / "review.svg"
    result = CliRunner().invoke(
        cli.app,
        ["chart", "--example", "xiamen_sei", "--view", "review", "-o", str(target)],
    )
    assert result.exit_code == 0, result.output
    assert 'id="review"' in target.read_text("utf-8")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_plan_of_many_targets_has_tables_but_no_charts(
    review_plan: Any, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from industrial_plan._outputs import report_html as page_module

    assessment = ip.assess(review_plan(15))
    monkeypatch.setattr(page_module, "MAX_CHARTED_TARGETS", len(assessment) - 1)
    page = ip.report_html(assessment, lang=lang)
    parsed = _parse(page)
    assert "svg" not in parsed.tags
    assert f"{len(assessment):,}" in page
    for row in review_rows(assessment, lang):
        assert html.escape(row["indicator"]) in page
