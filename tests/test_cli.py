"""The ``industrial-plan`` command line, through typer's CliRunner."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

import industrial_plan as ip
from industrial_plan import cli

from .test_report import RIVERSIDE

# Wide enough that no table cell wraps: assertions can look for whole cells.
runner = CliRunner(env={"COLUMNS": "200"})


def run(*args: str) -> Result:
    return runner.invoke(cli.app, list(args))


def assert_fails(result: Result, code: int, message: str) -> None:
    """The command exited with *code*, said *message* on stderr, and no traceback."""
    assert result.exit_code == code, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


@pytest.fixture
def riverside(tmp_path: Path) -> Path:
    path = tmp_path / "riverside.toml"
    path.write_text(RIVERSIDE, encoding="utf-8")
    return path


def _json(result: Result) -> Any:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _records(*args: str) -> dict[str, dict[str, Any]]:
    records = _json(run("report", "--format", "json", *args))
    return {record["owner_id"]: record for record in records}


# -- report ----------------------------------------------------------------------------


def test_report_table_of_the_bundled_plan() -> None:
    result = run("report", "--view", "progress")
    assert result.exit_code == 0, result.output
    assert 'Xiamen "4+4+6" modern industrial system' in result.stdout
    for cell in ["2022: more than CN¥2T", "> 66.66 %", "< 8.45 %", "61.4 %"]:
        assert cell in result.stdout
    assert result.stdout.count("insufficient data") == 2
    assert "not quantified" in result.stdout
    assert result.stderr == ""


def test_no_command_reports_on_the_bundled_plan() -> None:
    assert run().stdout == run("report").stdout


def test_report_json_holds_the_founding_examples_values() -> None:
    records = _records()
    emerging = records["strategic_emerging"]
    assert emerging["attainment"]["value"] == "0.614"
    assert emerging["gap"]["value"] == "308800000000"
    assert emerging["required_cagr"]["value"].startswith("0.10246")
    assert emerging["linear_change_needed"]["value"] == "61760000000"
    pillars = records["pillar_clusters"]
    assert pillars["attainment"]["low"].startswith("0.6666")
    assert pillars["attainment"]["high"] is None
    assert pillars["gap"]["high"] == "1000000000000"
    assert pillars["gap"]["low"] is None
    assert pillars["required_cagr"]["high"].startswith("0.08447")
    assert records["future"]["status"] == "not quantified"
    statuses = [record["status"] for record in records.values()]
    assert statuses == ["insufficient data", "insufficient data", "not quantified"]
    assert "display_rate" not in pillars


def test_report_json_is_the_assessment_records() -> None:
    records = _json(run("report", "--format", "json"))
    assert records == ip.assess(ip.examples.xiamen()).records()


def test_report_json_with_a_display_currency() -> None:
    plain = _records()
    records = _records("--currency", "USD")
    rate = records["pillar_clusters"]["display_rate"]
    assert (rate["base"], rate["quote"], rate["year"]) == ("CNY", "USD", 2022)
    assert rate["source"].startswith("ECB reference rates")
    assert records["future"]["display_rate"] is None
    # The records stay exact and in the target's currency.
    for key, record in records.items():
        del record["display_rate"]
        assert record == plain[key]


def test_report_json_with_a_rate_date() -> None:
    records = _records("--currency", "USD", "--rate-date", "2023-01-29")
    rate = records["strategic_emerging"]["display_rate"]
    assert (rate["effective"], rate["year"]) == ("2023-01-27", None)


def test_report_converted_table_states_the_rate() -> None:
    result = run("report", "--currency", "usd")
    assert result.exit_code == 0, result.output
    assert "2022: more than $296.9B" in result.stdout
    assert "Amounts in USD at 0.148484 USD per CNY (ECB reference rates" in (
        result.stdout
    )
    assert "2022 average of 257 days" in result.stdout


def test_report_converted_at_the_rate_of_a_day() -> None:
    result = run("report", "--currency", "USD", "--rate-date", "2023-01-30")
    assert result.exit_code == 0, result.output
    assert "2023-01-30), rounded to 4 significant digits" in result.stdout


def test_report_csv() -> None:
    result = run("report", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [row["status"] for row in rows] == [
        "insufficient data",
        "insufficient data",
        "not quantified",
    ]


def test_issue_13_report_csv_is_data_not_display_text() -> None:
    # Values, bounds, units and years in their own columns, as in the JSON.
    rows = list(csv.DictReader(io.StringIO(run("report", "--format", "csv").stdout)))
    records = json.loads(run("report", "--format", "json").stdout)
    pillar = rows[0]
    assert pillar["target_year"] == "2027"
    assert pillar["target_value"] == "3000000000000"
    assert pillar["unit"] == "CNY"
    assert pillar["latest_year"] == "2022"
    assert (pillar["latest_low"], pillar["latest_high"]) == ("2000000000000", "")
    assert pillar["latest_low_inclusive"] == "false"
    assert pillar["attainment_qualifier"] == "more than"
    for row, record in zip(rows, records, strict=True):
        for key, value in record.items():
            if isinstance(value, dict):
                for part, exact in value.items():
                    cell = row[f"{key}_{part}"]
                    assert cell == ("" if exact is None else str(exact).lower())
            elif isinstance(value, bool):
                assert row[key] == str(value).lower()  # true/false, as in JSON
            elif isinstance(value, int | str):
                assert row[key] == str(value)
        assert not any("CN¥" in cell for cell in row.values())


def test_report_csv_sends_notes_to_stderr() -> None:
    result = run("report", "--format", "csv", "--currency", "EUR")
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("note: Amounts in EUR at ")
    assert "note:" not in result.stdout


def test_report_markdown() -> None:
    result = run("report", "--format", "markdown", "--lang", "zh")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == '## Xiamen "4+4+6" modern industrial system'
    assert lines[2].startswith("| 层级或产业 | 指标 | 目标 |")
    assert "| 2022年：超过¥2万亿 | > 66.66% |" in result.stdout


def test_report_in_chinese_long_style() -> None:
    result = run("report", "--lang", "zh", "--style", "long")
    assert result.exit_code == 0, result.output
    for text in ["2022年：超过2万亿元", "数据不足", "未量化", "所需年均增速"]:
        assert text in result.stdout


def test_report_as_of() -> None:
    records = _records("--as-of", "2021")
    assert {r["as_of"] for r in records.values()} == {2021}
    assert all(r["latest"] is None for r in records.values())
    progress = run("report", "--as-of", "2021", "--view", "progress")
    assert progress.stdout.count("insufficient data") == 2


def test_report_prints_totals_that_do_not_add_up(riverside: Path) -> None:
    result = run("report", str(riverside))
    assert result.exit_code == 0, result.output
    assert "acceleration needed" in result.stdout
    assert (
        "Totals do not add up: green <industries> & co, total scale 2023: "
        "stated CN¥100B, sum of industries CN¥90B."
    ) in result.stdout


@pytest.mark.parametrize(
    "tolerance", [("--rtol", "0.2"), ("--atol", "10000000000")], ids=["rtol", "atol"]
)
def test_report_tolerances(riverside: Path, tolerance: tuple[str, str]) -> None:
    result = run("report", str(riverside), *tolerance)
    assert result.exit_code == 0, result.output
    assert "Totals do not add up" not in result.stdout


def test_report_of_a_yaml_plan(tmp_path: Path) -> None:
    path = tmp_path / "xiamen.yaml"
    ip.save(ip.examples.xiamen(), path)
    assert run("report", str(path)).stdout == run("report").stdout


# -- report: errors --------------------------------------------------------------------


def test_report_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "missing.toml"
    result = run("report", str(missing))
    assert_fails(result, 1, f"{missing}: cannot read the file: [Errno 2]")
    assert result.stdout == ""


def test_report_malformed_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text('name = "x\n', encoding="utf-8")
    # TOML syntax errors carry file:line: like every other problem.
    assert_fails(run("report", str(path)), 1, f"{path}:1: not valid TOML: ")


def test_report_invalid_plan_lists_every_problem(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "name: x\nregion: y\nstart_year: 2022\nend_year: 2027\n"
        "tiers:\n  - id: a\n    targets:\n      - metric: total_scale\n"
        "        year: 2027\n        figure: lots of money\n",
        encoding="utf-8",
    )
    result = run("report", str(path))
    assert_fails(result, 1, f"{path}:6: tiers[0].name: required field missing")
    assert f"{path}:10: tiers[0].targets[0].figure: cannot read 'lots of money'" in (
        result.stderr
    )
    assert len(result.stderr.splitlines()) == 3


def test_report_unknown_currency() -> None:
    assert_fails(
        run("report", "--currency", "XYZ"), 1, "error: 'XYZ' is not a known currency"
    )


def test_report_currency_without_rates_for_the_year() -> None:
    result = run("report", "--currency", "USD", "--as-of", "2030")
    assert_fails(result, 1, "2030 is outside the range of ECB reference rates")
    assert "choose a day with --rate-date YYYY-MM-DD" in result.stderr


def test_report_rate_date_needs_a_currency() -> None:
    result = run("report", "--rate-date", "2023-01-30")
    assert_fails(result, 2, "error: --rate-date needs --currency")


def test_report_bad_rate_date() -> None:
    result = run("report", "--currency", "USD", "--rate-date", "2023-02-30")
    assert_fails(result, 2, "--rate-date '2023-02-30' is not a date")


def test_report_bad_tolerance() -> None:
    result = run("report", "--rtol", "a lot")
    assert_fails(result, 1, "error: 'a lot' is not a finite number (rtol)")


def test_report_unknown_language_is_a_usage_error() -> None:
    result = run("report", "--lang", "fr")
    assert result.exit_code == 2
    assert "Traceback" not in result.output


# -- validate --------------------------------------------------------------------------


def test_validate_valid_files(tmp_path: Path) -> None:
    yaml_plan = ip.save(ip.examples.xiamen(), tmp_path / "xiamen.yaml")
    bundled = ip.examples.path()
    result = run("validate", str(bundled), str(yaml_plan))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [f"OK {bundled}", f"OK {yaml_plan}"]


def test_validate_reports_each_problem_with_its_line(tmp_path: Path) -> None:
    good = ip.examples.path()
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "name: x\nregion: y\nstart_year: 2022\nend_year: 2027\nsurprise: 1\n",
        encoding="utf-8",
    )
    result = run("validate", str(bad), str(good))
    assert result.exit_code == 1
    assert result.stdout == f"OK {good}\n"
    assert result.stderr.startswith(f"{bad}:5: surprise: ")


def test_validate_broken_yaml_on_one_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("name: [x\n", encoding="utf-8")
    result = run("validate", str(path))
    assert_fails(result, 1, f"{path}:2: not valid YAML: while parsing a flow sequence")
    assert len(result.stderr.splitlines()) == 1


def test_validate_missing_file_and_unknown_suffix(tmp_path: Path) -> None:
    missing = tmp_path / "missing.json"
    text = tmp_path / "notes.txt"
    text.write_text("hello", encoding="utf-8")
    result = run("validate", str(missing), str(text))
    assert_fails(result, 1, f"{missing}: cannot read the file")
    assert f"{text}: unknown suffix '.txt'" in result.stderr


def test_validate_needs_a_file() -> None:
    assert run("validate").exit_code == 2


# -- convert ---------------------------------------------------------------------------


def test_convert_at_a_given_rate() -> None:
    result = run(
        "convert", "3 trillion yuan", "--to", "USD", "--rate", "USD/CNY 6.7843"
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "about $442.2B",
        "exact: 442197426410.9782881063632211 USD",
        "rate: 6.7843 CNY per USD (given on the command line); 0.147399 USD per CNY",
    ]


@pytest.mark.parametrize("rate", ["6.7843 CNY/USD", "6.7843 yuan per dollar"])
def test_convert_keeps_the_qualifier(rate: str) -> None:
    result = run("convert", "more than 2 trillion yuan", "--to", "USD", "--rate", rate)
    assert result.exit_code == 0, result.output
    # Rounded down: "more than" still holds.
    assert result.stdout.splitlines()[0] == "more than $294.7B"


def test_convert_the_other_way_round() -> None:
    spelled = run(
        "convert", "442.2 billion dollars", "--to", "CNY", "--rate", "6.7843 CNY/USD"
    )
    assert spelled.stdout.splitlines()[:2] == [
        "about CN¥3T",
        "exact: 3000017460000 CNY",
    ]


@pytest.mark.parametrize(
    "rate", ["7.1 CNY/USD", "USD/CNY 7.1", "1 USD = 7.1 CNY", "7.1 yuan per dollar"]
)
def test_issue_13_rates_in_each_explicit_form(rate: str) -> None:
    result = run("convert", "100 USD", "--to", "CNY", "--rate", rate, "--style", "long")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1] == "exact: 710 CNY"
    # Printed both ways round, whichever way it was given.
    assert result.stdout.splitlines()[2] == (
        "rate: 7.1 CNY per USD (given on the command line); 0.140845 USD per CNY"
    )


def test_issue_13_a_bare_rate_is_refused_with_the_explicit_forms() -> None:
    result = run("convert", "100 USD", "--to", "CNY", "--rate", "7.1")
    assert_fails(
        result,
        2,
        "--rate '7.1': a bare number does not say which way it goes; write "
        "'7.1 CNY/USD' (USD/CNY 7.1, 1 USD = 7.1 CNY) or '7.1 USD/CNY' "
        "(CNY/USD 7.1, 1 CNY = 7.1 USD)",
    )


def test_convert_at_the_average_rate_of_a_year() -> None:
    result = run(
        "convert", "exceeded 2 trillion yuan", "--to", "USD", "--year", "2022",
        "--style", "long",
    )  # fmt: skip
    lines = result.stdout.splitlines()
    assert lines[0] == "more than 296.9 billion US dollars"
    assert lines[2].startswith("rate: 0.148484 USD per CNY (ECB reference rates")
    assert "2022 average of 257 days); 6.73474 CNY per USD" in lines[2]


def test_convert_at_the_rate_of_a_day_in_chinese() -> None:
    result = run(
        "convert", "超过2万亿元", "--to", "EUR", "--on", "2023-01-29", "--lang", "zh"
    )
    lines = result.stdout.splitlines()
    assert lines[0] == "超过€2714亿"
    assert "2023-01-27)" in lines[2]


def test_convert_defaults_to_the_latest_ecb_rate() -> None:
    last = ip.ECBRates().bounds("CNY", "USD")[1]
    result = run("convert", "1 yuan", "--to", "USD")
    assert result.exit_code == 0, result.output
    assert f"{last.isoformat()});" in result.stdout


def test_convert_to_the_same_currency() -> None:
    result = run("convert", "2 yuan", "--to", "CNY", "--style", "long")
    assert result.stdout.splitlines() == [
        "2 yuan",
        "exact: 2 CNY",
        "rate: none needed (same currency)",
    ]


def test_convert_unparseable_figure() -> None:
    result = run("convert", "lots of money", "--to", "USD")
    assert_fails(
        result,
        1,
        "error: expected a number, found 'lots' at position 0 of 'lots of money'",
    )
    assert len(result.stderr.splitlines()) == 1  # no excerpt and caret


def test_convert_not_money() -> None:
    assert_fails(
        run("convert", "2 GW", "--to", "USD"), 1, "'2 GW' is not an amount of money"
    )


def test_convert_unknown_currency() -> None:
    result = run("convert", "2 yuan", "--to", "XYZ")
    assert_fails(result, 1, "error: 'XYZ' is not a known currency")


def test_convert_day_outside_the_data() -> None:
    result = run("convert", "2 yuan", "--to", "USD", "--on", "1999-01-01")
    assert_fails(result, 1, "1999-01-01 is outside the range of ECB reference rates")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--on", "2020-01-01", "--year", "2020"], "give at most one of --on, --year"),
        (["--on", "30/01/2023"], "--on '30/01/2023' is not a date"),
        (["--rate", "-3 CNY/USD"], "--rate '-3 CNY/USD': a rate must be positive"),
        (["--rate", "abc"], "--rate 'abc': not a rate; write '7.1 CNY/USD'"),
        (
            ["--rate", "6.7 XYZ/USD"],
            "--rate '6.7 XYZ/USD': 'XYZ' is not a known currency",
        ),
        (
            ["--rate", "6.7 EUR/USD"],
            "--rate '6.7 EUR/USD': a EUR per USD rate cannot convert CNY to USD",
        ),
    ],
)
def test_convert_misused_options(options: list[str], message: str) -> None:
    assert_fails(run("convert", "2 yuan", "--to", "USD", *options), 2, message)


# -- parse -----------------------------------------------------------------------------


def test_parse_prints_both_languages_and_json() -> None:
    result = run("parse", "超过2万亿元")
    assert result.exit_code == 0, result.output
    en, zh, data = result.stdout.splitlines()
    assert (en, zh) == ("en: more than 2 trillion yuan", "zh: 超过2万亿元")
    assert json.loads(data.removeprefix("json: ")) == {
        "value": "2000000000000",
        "unit": "CNY",
        "low": "2000000000000",
        "high": None,
        "low_inclusive": False,
        "high_inclusive": None,
        "qualifier": "more than",
        "approximate": False,
        "equivalent": None,
    }


def test_parse_json_with_an_equivalent() -> None:
    record = _json(run("parse", "3 trillion yuan ($442.2 billion)", "--json"))
    assert (record["value"], record["unit"]) == ("3000000000000", "CNY")
    assert record["equivalent"] == {"value": "442200000000", "unit": "USD"}


def test_parse_physical_quantity() -> None:
    record = _json(run("parse", "about 1.5 million t", "--json"))
    assert (record["value"], record["unit"], record["approximate"]) == (
        "1500000",
        "t",
        True,
    )


def test_parse_a_bare_yen_sign() -> None:
    assert_fails(run("parse", "¥100"), 1, "'¥' is ambiguous (CNY or JPY)")
    result = run("parse", "¥100", "--currency", "JPY")
    assert result.stdout.splitlines()[0] == "en: 100 Japanese yen"


def test_parse_unparseable_text() -> None:
    result = run("parse", "two point five bananas")
    assert_fails(result, 1, "error: expected a number, found 'two' at position 0")
    assert len(result.stderr.splitlines()) == 1


# -- chart -----------------------------------------------------------------------------


def _fake_chart(monkeypatch: pytest.MonkeyPatch, drawing: Any) -> None:
    """Stand in for industrial_plan._outputs.chart, so that no test needs matplotlib."""
    module = types.ModuleType("industrial_plan._outputs.chart")
    module.progress_chart = drawing  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "industrial_plan._outputs.chart", module)


def test_chart_calls_progress_chart(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    calls = []

    def fake(assessment: ip.SystemAssessment, path: Path, *, lang: str = "en") -> Path:
        calls.append((assessment, path, lang))
        return Path(path)

    _fake_chart(monkeypatch, fake)
    target = tmp_path / "progress.png"
    result = run("chart", "-o", str(target), "--lang", "zh", "--as-of", "2022")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"wrote {target}\n"
    ((assessment, path, lang),) = calls
    assert (assessment.as_of, Path(path), lang) == (2022, target, "zh")
    assert assessment.system == ip.examples.xiamen()


def test_chart_default_output(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _fake_chart(monkeypatch, lambda assessment, path, lang: Path(path))
    monkeypatch.chdir(tmp_path)
    assert run("chart").stdout == "wrote progress.png\n"


def test_chart_without_the_chart_module(monkeypatch: pytest.MonkeyPatch) -> None:
    # None in sys.modules makes the import fail, as if the module were absent.
    monkeypatch.setitem(sys.modules, "industrial_plan._outputs.chart", None)
    assert_fails(run("chart"), 1, "error: charts are not available: ")


class _NoMatplotlib(ip.IndustrialPlanError, ImportError):
    pass


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (_NoMatplotlib('charts need matplotlib: pip install "industrial-plan[chart]"'),
         'error: charts need matplotlib: pip install "industrial-plan[chart]"'),
        (FileNotFoundError(2, "No such file or directory"),
         "error: [Errno 2] No such file or directory"),
    ],
)  # fmt: skip
def test_chart_errors(
    monkeypatch: pytest.MonkeyPatch, error: Exception, message: str
) -> None:
    def fail(*args: object, **kwargs: object) -> Path:
        raise error

    _fake_chart(monkeypatch, fail)
    assert_fails(run("chart"), 1, message)


def test_chart_draws_an_image(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    pytest.importorskip("industrial_plan._outputs.chart")
    target = tmp_path / "progress.png"
    result = run("chart", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert target.stat().st_size > 0


# -- schema, help, entry points --------------------------------------------------------


def test_schema() -> None:
    assert _json(run("schema")) == ip.schema()


@pytest.mark.parametrize(
    "command", ["report", "validate", "convert", "parse", "chart", "schema"]
)
def test_every_command_has_help_with_examples(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Examples" in result.stdout
    assert f"industrial-plan {command}" in result.stdout


def test_main_runs_the_app(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["parse", "4912亿元"])
    assert exit_info.value.code == 0
    assert "en: 491.2 billion yuan" in capsys.readouterr().out


def test_main_without_the_cli_extra(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *args: None if name == "typer" else real(name, *args),
    )
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["report"])
    assert exit_info.value.code == 1
    error = capsys.readouterr().err
    assert error == f"error: {cli.INSTALL_HINT} (typer missing)\n"
    assert 'python -m pip install "industrial-plan[cli]"' in error


def test_cli_module_has_no_other_attributes() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        cli.nothing  # noqa: B018


def test_python_dash_m_runs_the_report() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "industrial_plan", "report", "--format", "json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == ip.assess(ip.examples.xiamen()).records()


def test_pre_commit_hook_installs_the_cli_extra() -> None:
    import tomllib

    import yaml

    root = Path(__file__).parents[1]
    (hook,) = yaml.safe_load((root / ".pre-commit-hooks.yaml").read_text("utf-8"))
    project = tomllib.loads((root / "pyproject.toml").read_text("utf-8"))
    assert hook["entry"] == "industrial-plan validate"
    assert (
        project["project"]["scripts"]["industrial-plan"] == "industrial_plan.cli:main"
    )
    extra = project["project"]["optional-dependencies"]["cli"]
    assert hook["additional_dependencies"] == extra


def test_report_in_a_narrow_terminal_lists_targets_one_by_one() -> None:
    result = CliRunner(env={"COLUMNS": "80"}).invoke(cli.app, ["report"])
    assert result.exit_code == 0, result.output
    assert "┃" not in result.stdout
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert "strategic emerging industries" in lines
    assert "attainment     61.4 %" in lines


def test_issue_13_report_baseline_year(tmp_path: Path) -> None:
    import attrs

    system = ip.examples.xiamen()
    tier = system.tiers[0]
    early = ip.Observation("total_scale", 2020, ip.parse_figure("2.2 trillion yuan"))
    tier = attrs.evolve(tier, observations=(early, *tier.observations))
    path = tmp_path / "early.toml"
    ip.save(attrs.evolve(system, tiers=(tier, *system.tiers[1:])), path)
    default = run("report", str(path), "--format", "json")
    assert "2020 left out of the trend" in json.loads(default.stdout)[0]["notes"][0]
    chosen = run("report", str(path), "--format", "json", "--baseline-year", "2020")
    assert chosen.exit_code == 0, chosen.output
    assert json.loads(chosen.stdout)[0]["baseline_year"] == 2020
    assert json.loads(chosen.stdout)[0]["notes"] == []


@pytest.mark.parametrize(
    "command", ["report", "validate", "convert", "parse", "chart", "schema", "extract"]
)
def test_help_shows_no_type_for_flags(command: str) -> None:
    # Issue 24, point 8: typer showed "<bool>" beside every flag, --help included.
    from typer.testing import CliRunner

    from industrial_plan.cli import app

    shown = CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": "100"})
    assert shown.exit_code == 0
    assert "<bool>" not in shown.output
    assert "--help" in shown.output
    options = shown.output[shown.output.index("Options") :]
    assert "<str>" not in options


def test_validate_notes_years_after_the_plan(tmp_path: Path) -> None:
    # Issue 24, point 8: a 2035 goal in a 2021-2027 plan was accepted silently.
    from typer.testing import CliRunner

    from industrial_plan.cli import app

    plan = ip.examples.xiamen().with_target(
        "future", ip.Target("total_scale", 2035, ip.parse_figure("1万亿元"))
    )
    plan = plan.with_observation(
        "strategic_emerging",
        ip.Observation("total_scale", 2028, ip.parse_figure("9000亿元")),
    )
    assert [note.path for note in ip.plan_notes(plan)] == [
        "tiers[1].observations[1].year",
        "tiers[2].targets[1].year",
    ]
    for name in ("plan.toml", "plan.yaml", "plan.json"):
        path = ip.save(plan, tmp_path / name)
        shown = CliRunner().invoke(app, ["validate", str(path)])
        assert shown.exit_code == 0
        lines = shown.output.splitlines()
        assert lines[0] == f"OK {path}"
        text = path.read_text("utf-8").splitlines()
        for line in lines[1:]:
            where, _, rest = line.partition(": note: ")
            number = int(where.rsplit(":", 1)[1])
            assert ("2028" if "observations" in rest else "2035") in text[number - 1]
    assert ip.plan_notes(ip.examples.xiamen()) == []
