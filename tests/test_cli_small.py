"""Smaller command-line items of issue 25 (item 8): the chart's real path, empty
paths, long values cut with their length, tolerances and years in range."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import industrial_plan as ip
from industrial_plan import cli


def run(*arguments: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli.app, list(arguments))


def test_chart_without_a_suffix_prints_the_path_it_wrote(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    result = run("chart", "-o", str(tmp_path / "progress"))
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"wrote {tmp_path / 'progress.png'}"
    assert [p.name for p in tmp_path.iterdir()] == ["progress.png"]


@pytest.mark.parametrize(
    "arguments",
    [
        ["chart", "-o", ""],
        ["report", ""],
        ["validate", ""],
        ["extract", "x.txt", "-o", ""],
    ],
    ids=["chart -o", "report", "validate", "extract -o"],
)
def test_an_empty_path_is_refused_by_name(arguments: list[str]) -> None:
    result = run(*arguments)
    assert result.exit_code == 2
    assert "'' is empty: give a file name" in result.output
    assert "'.'" not in result.output


def test_a_long_value_is_cut_with_its_length_in_problems() -> None:
    text = ip.dumps(ip.examples.xiamen(), "json")
    long_id = "x" * 1_000_000 + "!"
    bad = text.replace('"id": "pillar_clusters"', f'"id": "{long_id}"', 1)
    with pytest.raises(ip.PlanValidationError) as caught:
        ip.loads(bad, "json")
    (problem,) = caught.value.problems
    assert "(1,000,001 characters)" in problem.message
    assert len(problem.message) < 300
    assert len(str(caught.value)) < 400


def test_a_long_value_is_cut_on_the_command_line(tmp_path: Path) -> None:
    text = ip.dumps(ip.examples.xiamen(), "json")
    path = tmp_path / "plan.json"
    path.write_text(text.replace('"pillar_clusters"', '"' + "y" * 100_000 + '?"', 1))
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert "(100,001 characters)" in result.output
    assert len(result.output) < 600


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--rtol", "-0.1", "rtol '-0.1' is out of range: it must be from 0 to 1"),
        ("--rtol", "1e999999", "rtol '1e999999' is out of range"),
        ("--atol", "-5", "atol '-5' is out of range: it must be from 0 to 1e52"),
        ("--atol", "1e999999", "atol '1e999999' is out of range"),
    ],
)
def test_negative_or_huge_tolerances_are_refused(
    option: str, value: str, message: str
) -> None:
    result = run("report", option, value)
    assert result.exit_code == 1
    assert f"error: {message}" in result.output
    with pytest.raises(ip.OutOfRangeError):
        ip.check_consistency(ip.examples.xiamen(), **{option[2:]: value})


@pytest.mark.parametrize("option", ["--as-of", "--baseline-year"])
@pytest.mark.parametrize("year", ["-5", "0", "99999"])
def test_a_year_out_of_range_is_refused_by_value(option: str, year: str) -> None:
    result = run("report", option, year)
    assert result.exit_code == 2
    words = " ".join(result.output.replace("\u2502", " ").split())  # the box's sides
    assert f"'{year}' is not a year between 1900 and 2200" in words
