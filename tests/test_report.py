"""Progress reports: rows, notes, CSV, Markdown, JSON records, rich and HTML views."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from decimal import Decimal

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import industrial_plan as ip
from industrial_plan._outputs import html as report_html
from industrial_plan._outputs import report as report
from industrial_plan._outputs import rows as report_rows
from industrial_plan.testing import systems

# A small plan whose names need escaping in every format, with a tier total
# that disagrees with the sum of its industries (100 vs 60 + 30 billion).
RIVERSIDE = """
name = { en = "Riverside | <b>plan</b>", zh = "滨江规划" }
region = "Riverside"
start_year = 2020
end_year = 2030

[[tiers]]
id = "green"
name = { en = "green <industries> & co", zh = "绿色产业" }
kind = "strategic emerging industry"

[[tiers.targets]]
metric = "total_scale"
year = 2030
figure = "200 billion yuan"

[[tiers.observations]]
metric = "total_scale"
year = 2020
figure = "80 billion yuan"

[[tiers.observations]]
metric = "total_scale"
year = 2023
figure = "100 billion yuan"

[[tiers.industries]]
id = "solar"
name = "solar"

[[tiers.industries.observations]]
metric = "total_scale"
year = 2023
figure = "60 billion yuan"

[[tiers.industries]]
id = "wind"
name = "[bold]wind[/bold]"

[[tiers.industries.observations]]
metric = "total_scale"
year = 2023
figure = "30 billion yuan"
"""


@pytest.fixture(scope="module")
def xiamen() -> ip.SystemAssessment:
    return ip.assess(ip.examples.xiamen())


@pytest.fixture(scope="module")
def riverside() -> ip.SystemAssessment:
    return ip.assess(ip.loads(RIVERSIDE, "toml"))


def _by_owner(rows: list[report_rows.Row]) -> dict[str, report_rows.Row]:
    return {row.owner: row for row in rows}


# -- rows ------------------------------------------------------------------------------


def test_rows_of_the_founding_example(xiamen: ip.SystemAssessment) -> None:
    rows = _by_owner(report_rows.rows(xiamen))
    pillars = rows["pillar industrial clusters"]
    assert pillars.metric == "total scale"
    assert pillars.target == "2027: 3 trillion yuan (442.2 billion US dollars)"
    assert pillars.latest == "2022: more than 2 trillion yuan"
    # A lower bound rounds down, an upper bound up: both still hold.
    assert pillars.attainment == "> 66.66 %"
    assert pillars.gap == "less than 1 trillion yuan"
    assert pillars.required_cagr == "< 8.45 %"
    assert pillars.status == "insufficient data"
    emerging = rows["strategic emerging industries"]
    assert (emerging.attainment, emerging.gap) == ("61.4 %", "308.8 billion yuan")
    assert emerging.required_cagr == "10.25 %"
    future = rows["future industries"]
    assert future.target == "2027: significant progress"
    assert (future.latest, future.attainment, future.gap) == ("—", "—", "—")
    assert future.status == "not quantified"


def test_rows_in_chinese(xiamen: ip.SystemAssessment) -> None:
    rows = report_rows.rows(xiamen, report_rows.Display(lang="zh"))
    assert rows[0].metric == "总规模"
    assert rows[0].latest == "2022年：超过2万亿元"
    assert rows[0].attainment == "> 66.66%"
    assert [row.status for row in rows] == ["数据不足", "数据不足", "未量化"]
    assert report_rows.headers("zh")[0] == "层级或产业"


def test_every_status_has_a_label_in_each_language() -> None:
    for lang in report_rows.LANGUAGES:
        labels = [report_rows._STATUS[lang][status] for status in ip.Status]
        assert len(set(labels)) == len(labels)
    assert report_rows._STATUS["en"][ip.Status.ON_TRACK] == ip.Status.ON_TRACK.value


def test_compact_style(xiamen: ip.SystemAssessment) -> None:
    rows = report_rows.rows(xiamen, report_rows.Display(style="compact"))
    assert rows[1].target == "2027: CN¥800B"


def test_display_rejects_unknown_language_and_style() -> None:
    with pytest.raises(ValueError, match="'fr' is not supported"):
        report_rows.Display(lang="fr")
    with pytest.raises(ValueError, match="'short' is not supported"):
        report_rows.Display(style="short")
    with pytest.raises(ip.UnknownCurrencyError):
        report_rows.Display(currency="XYZ")


def test_display_needs_a_rate_for_each_currency() -> None:
    display = report_rows.Display(currency="USD")
    assert display.rate_from("USD") is None
    assert display.rate_from(None) is None
    with pytest.raises(ValueError, match="no display rate from CNY to USD"):
        display.rate_from("CNY")


# -- rounding for display --------------------------------------------------------------


@pytest.mark.parametrize(
    ("qualifier", "value", "shown", "qualifier_shown"),
    [
        ("more than", "294798284273.98", "294700000000", "more than"),
        ("at least", "294798284273.98", "294700000000", "at least"),
        ("less than", "294718284273.98", "294800000000", "less than"),
        ("at most", "294718284273.98", "294800000000", "at most"),
        ("exact", "442197426410.97", "442200000000", "about"),
        ("exact", "442200000000", "442200000000", "exact"),
        ("about", "442197426410.97", "442200000000", "about"),
    ],
)
def test_rounded_keeps_bounds_true(
    qualifier: str, value: str, shown: str, qualifier_shown: str
) -> None:
    figure = ip.Figure(ip.amount(value, "USD"), qualifier)
    result = report_rows.rounded(figure)
    assert result.quantity.magnitude == Decimal(shown)
    assert result.qualifier.value == qualifier_shown
    assert result.allows(ip.amount(shown, "USD")) or figure.is_bound


def test_rounded_zero_is_unchanged() -> None:
    zero = ip.Figure(ip.amount(0, "USD"))
    assert report_rows.rounded(zero) is zero


# -- display currency and notes --------------------------------------------------------


def test_display_rates_default_to_the_report_years_average(
    xiamen: ip.SystemAssessment,
) -> None:
    assert report_rows.report_year(xiamen) == 2022
    (rate,) = report_rows.display_rates(xiamen, "USD")
    assert (rate.base, rate.quote, rate.year) == ("CNY", "USD", 2022)
    assert rate == ip.annual_average("CNY", "USD", 2022)


def test_display_rates_on_a_day(xiamen: ip.SystemAssessment) -> None:
    (rate,) = report_rows.display_rates(xiamen, "dollar", on=dt.date(2023, 1, 29))
    assert rate.effective == dt.date(2023, 1, 27)
    assert report_rows.display_rates(xiamen, "CNY") == ()


def test_report_year_follows_as_of_then_start_year() -> None:
    system = ip.examples.xiamen()
    assert report_rows.report_year(ip.assess(system, as_of=2024)) == 2024
    bare = ip.assess(ip.loads(RIVERSIDE.split("[[tiers.observations]]")[0], "toml"))
    assert report_rows.report_year(bare) == 2020


def test_converted_rows_and_the_note(xiamen: ip.SystemAssessment) -> None:
    rate = ip.Rate("USD", "CNY", "6.7843", source="the article").inverse()
    display = report_rows.Display(currency="USD", rates=(rate,))
    rows = report_rows.rows(xiamen, display)
    assert rows[0].target == "2027: about 442.2 billion US dollars"
    assert rows[0].latest == "2022: more than 294.7 billion US dollars"
    assert rows[0].attainment == "> 66.66 %"  # ratios are not converted
    (note,) = report_rows.notes(xiamen, display)
    assert note.startswith("Amounts in USD at 0.147399 USD per CNY (the article)")


def test_notes_list_totals_that_do_not_add_up(riverside: ip.SystemAssessment) -> None:
    (note,) = report_rows.notes(riverside)
    assert note == (
        "Totals do not add up: green <industries> & co, total scale 2023: "
        "stated 100 billion yuan, sum of industries 90 billion yuan."
    )
    (chinese,) = report_rows.notes(riverside, report_rows.Display(lang="zh"))
    assert chinese.startswith("合计不一致：绿色产业，总规模，2023年：所报1000亿元")


def test_notes_name_missing_industries() -> None:
    text = RIVERSIDE + '\n[[tiers.industries]]\nid = "hydro"\nname = "hydro"\n'
    (note,) = report_rows.notes(ip.assess(ip.loads(text, "toml"), rtol="0.2"))
    assert note.endswith("sum of industries 90 billion yuan; no figure for hydro.")


def test_notes_state_rates_used_for_observations() -> None:
    system = ip.examples.xiamen().with_observation(
        "strategic_emerging",
        ip.Observation("total_scale", 2023, ip.parse_figure("75 billion US dollars")),
    )
    notes = report_rows.notes(ip.assess(system))
    assert any(n.startswith("Observations converted at ") for n in notes)
    assert any("CNY per USD" in n and "2023 average" in n for n in notes)


# -- CSV, Markdown, JSON ---------------------------------------------------------------


def test_csv_reads_back(riverside: ip.SystemAssessment) -> None:
    for lang in report_rows.LANGUAGES:
        display = report_rows.Display(lang=lang)
        read = list(csv.reader(io.StringIO(report.to_csv(riverside, display))))
        expected = [report_rows.headers(lang)]
        expected += [row.cells() for row in report_rows.rows(riverside, display)]
        assert [tuple(line) for line in read] == expected


def _markdown_rows(text: str) -> list[list[str]]:
    table = [line for line in text.splitlines() if line.startswith("|")]
    cells = [re.split(r"(?<!\\)\|", line.strip())[1:-1] for line in table]
    unescape = re.compile(r"\\(.)")
    return [[unescape.sub(r"\1", cell.strip()) for cell in row] for row in cells]


def test_markdown_reads_back(riverside: ip.SystemAssessment) -> None:
    text = report.markdown(riverside)
    parsed = _markdown_rows(text)
    assert parsed[0] == list(report_rows.headers())
    assert parsed[1] == ["---"] * len(report_rows.COLUMNS)
    assert parsed[2:] == [list(row.cells()) for row in report_rows.rows(riverside)]
    assert text.startswith("## Riverside \\| \\<b>plan\\</b>\n")
    assert "\n- Totals do not add up: green \\<industries> & co" in text


def test_markdown_title_has_the_as_of_year() -> None:
    text = report.markdown(ip.assess(ip.examples.xiamen(), as_of=2021))
    assert text.startswith('## Xiamen "4+4+6" modern industrial system, as of 2021\n')


def test_json_records_are_the_assessment_records(xiamen: ip.SystemAssessment) -> None:
    assert report.json_records(xiamen) == xiamen.records()
    assert (
        report.json_records(xiamen, report_rows.Display(lang="zh")) == xiamen.records()
    )


def test_json_records_carry_the_display_rate(xiamen: ip.SystemAssessment) -> None:
    rates = report_rows.display_rates(xiamen, "USD")
    records = report.json_records(
        xiamen, report_rows.Display(currency="USD", rates=rates)
    )
    assert records[0]["target"] == xiamen.records()[0]["target"]  # not converted
    assert records[0]["display_rate"] == report.rate_record(rates[0])
    assert records[0]["display_rate"]["value"] == format(rates[0].value, "f")
    assert records[0]["display_rate"]["year"] == 2022
    assert records[2]["display_rate"] is None  # a qualitative target


def test_rate_record_of_a_daily_rate() -> None:
    rate = ip.convert(ip.amount(1, "CNY"), "USD", on=dt.date(2023, 1, 30)).rate
    record = report.rate_record(rate)
    assert record["effective"] == "2023-01-30"
    assert (record["base"], record["quote"], record["year"]) == ("CNY", "USD", None)


# -- rich ------------------------------------------------------------------------------


def test_rich_table_shows_names_literally(riverside: ip.SystemAssessment) -> None:
    from rich.console import Console

    table = report.rich_table(riverside)
    assert len(table.columns) == len(report_rows.COLUMNS)
    assert table.row_count == 1
    buffer = io.StringIO()
    Console(file=buffer, width=200).print(table)
    output = buffer.getvalue()
    assert "Riverside | <b>plan</b>" in output
    assert "green <industries> & co" in output


def test_rich_table_in_chinese(xiamen: ip.SystemAssessment) -> None:
    from rich.console import Console

    zh = report_rows.Display(lang="zh")
    buffer = io.StringIO()
    Console(file=buffer, width=200).print(report.rich_table(xiamen, zh))
    output = buffer.getvalue()
    assert "所需年均增速" in output
    assert "数据不足" in output


# -- HTML ------------------------------------------------------------------------------


def test_system_html_escapes_names(riverside: ip.SystemAssessment) -> None:
    html = riverside.system._repr_html_()
    assert html == report_html.system_html(riverside.system)
    assert "<b>plan" not in html
    assert "Riverside | &lt;b&gt;plan&lt;/b&gt;" in html
    assert "green &lt;industries&gt; &amp; co" in html
    assert "total scale, 2030: 200 billion yuan" in html


def test_tier_html(riverside: ip.SystemAssessment) -> None:
    tier = riverside.system.tiers[0]
    html = tier._repr_html_()
    assert html.startswith("<table><caption><strong>green &lt;industries&gt; &amp; co")
    assert "total scale, 2023: 100 billion yuan" in html
    assert "[bold]wind[/bold]" in html


def test_assessment_html(riverside: ip.SystemAssessment) -> None:
    html = riverside._repr_html_()
    assert '<th style="text-align:left">required CAGR</th>' in html
    assert "acceleration needed" in html
    assert "<li>Totals do not add up: green &lt;industries&gt; &amp; co" in html


def test_target_assessment_html(xiamen: ip.SystemAssessment) -> None:
    html = xiamen.results[0]._repr_html_()
    assert "&gt; 66.66 %" in html
    note = "needs observations in two different years from the baseline year on"
    assert f"<li>{note}</li>" in html
    assert xiamen.results[2]._repr_html_().endswith("</table>")  # no notes, no list


def test_rich_report_falls_back_to_cards_when_narrow(
    xiamen: ip.SystemAssessment,
) -> None:
    from rich.console import Console
    from rich.table import Table

    assert isinstance(report.rich_report(xiamen, None, 200), Table)
    cards = report.rich_report(xiamen, report_rows.Display(style="long"), 80)
    assert not isinstance(cards, Table)
    buffer = io.StringIO()
    Console(file=buffer, width=80).print(cards)
    lines = [line.rstrip() for line in buffer.getvalue().splitlines()]
    assert lines[:4] == [
        'Xiamen "4+4+6" modern industrial system',
        "",
        "pillar industrial clusters",
        "metric         total scale",
    ]
    assert "latest         2022: more than 2 trillion yuan" in lines
    assert all(len(line) <= 80 for line in lines)


def test_the_jupyter_how_to_shows_the_current_html(
    xiamen: ip.SystemAssessment,
) -> None:
    from pathlib import Path

    page = Path(__file__).parents[1] / "docs" / "how-to" / "jupyter.md"
    shown = [
        line
        for line in page.read_text("utf-8").splitlines()
        if line.startswith("<table>")
    ]
    assert shown == [report_html.assessment_html(xiamen)]


@given(systems(max_tiers=2, max_industries=2))
@settings(deadline=None, max_examples=25)
def test_report_csv_has_one_column_per_field_and_reads_back(
    system: ip.IndustrialSystem,
) -> None:
    try:
        assessment = ip.assess(system)
    except ip.RateError:  # mixed currencies in years without ECB rates
        assume(False)
    records = assessment.records()
    # A figure field added to the record without a place in the CSV would
    # come out as a Python dict in one cell.
    for record in records:
        for key, value in record.items():
            assert not isinstance(value, dict) or key in report.FIGURE_FIELDS
    text = report.report_csv(assessment)
    read = list(csv.DictReader(io.StringIO(text)))
    assert len(read) == len(records)
    for row, record in zip(read, records, strict=True):
        for key in report.FIGURE_FIELDS:
            figure = record[key]
            value = figure["value"] if figure else None
            assert row[f"{key}_value"] == ("" if value is None else value)
        assert row["status"] == record["status"]


# Percentages as the report writes them (babel itself fails past 28 digits).
PERCENTS = st.decimals(min_value=-(10**12), max_value=10**12, allow_nan=False, places=4)


@given(PERCENTS, st.sampled_from(report_rows.LANGUAGES))
def test_percent_numbers_are_written_as_babel_writes_them(
    value: Decimal, lang: str
) -> None:
    from babel.numbers import format_decimal

    expected = format_decimal(
        value, locale=report_rows._CLDR[lang], decimal_quantization=False
    )
    assert report_rows._decimal_text(value, lang) == expected
