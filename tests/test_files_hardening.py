"""Plan files against careless and hostile input: issue 12's cases, named.

Every problem is a PlanValidationError entry with its path and line; no input
escapes as a bare ValueError or a RecursionError; sizes are a parameter.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import tomli_w
import yaml
from typer.testing import CliRunner

import industrial_plan as ip
from industrial_plan import cli

SYNTAXES = ["toml", "yaml", "json"]
SUFFIX = {"toml": ".toml", "yaml": ".yaml", "json": ".json"}

THREE_PROBLEMS = """\
name = "Test"
region = "Somewhere"
start_year = "2022"
end_year = 2027

[[tiers]]
id = "pillars"
name = "pillars"
kind = "cluster"

[[tiers.industries]]
id = "chips"
name = "chips"

[[tiers.industries.targets]]
metric = "total_scale"
year = 2027
figure = "491.2 GW"

[[tiers.industries]]
id = "chips"
name = "more chips"
"""


def problems_of(
    text: str, syntax: ip._files.plan_files.Syntax = "toml"
) -> dict[str, int | None]:
    with pytest.raises(ip.PlanValidationError) as caught:
        ip.loads(text, syntax, file=f"plan.{syntax}")
    return {problem.path: problem.line for problem in caught.value.problems}


def test_a_five_digit_end_year_is_a_plan_problem_not_a_value_error(
    tmp_path: Path,
) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(
        THREE_PROBLEMS.replace('"2022"', "2022").replace("2027\n\n[", "20270\n\n[")
    )
    with pytest.raises(ip.PlanValidationError) as caught:
        ip.load(path)
    assert caught.value.file == str(path)
    found = {p.path: p for p in caught.value.problems}
    assert "20270" in found["end_year"].message
    assert found["end_year"].line == 4


def test_validate_reports_a_five_digit_end_year_without_a_traceback(
    tmp_path: Path,
) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(
        ip.dumps(ip.examples.xiamen(), "toml").replace(
            "end_year = 2027", "end_year = 20270"
        )
    )
    result = CliRunner().invoke(cli.app, ["validate", str(path)])
    assert result.exit_code == 1
    assert f"{path}:" in result.stderr
    assert "end_year" in result.stderr
    assert "20270" in result.stderr
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)


def test_a_file_with_three_problems_reports_all_three_with_paths_and_lines() -> None:
    assert problems_of(THREE_PROBLEMS) == {
        "start_year": 3,
        "tiers[0].industries[0].targets[0].figure": 18,
        "tiers[0].industries[1].id": 21,
    }


SALVAGED = """\
name = "T"
region = "S"
start_year = 2022
end_year = 2027

[[tiers]]
id = "a"
name = "A"
kind = "cluster"

[[tiers.industries]]
id = "chips"
name = "chips"

[[tiers.industries.targets]]
metric = "total_scale"
year = 2027
figure = "3 trillon yuan"

[[tiers.industries.targets]]
metric = "total_scale"
year = 2020
figure = "5 GW"

[[tiers]]
id = "b"
name = "B"
kind = "cluster"

[[tiers.industries]]
id = "chips"
name = "A"

[[roadmap.enterprises]]
id = "acme"
name = "ACME"
role = "leading enterprise"
industries = ["nowhere"]
"""


def test_a_part_that_does_not_read_hides_no_whole_plan_problem() -> None:
    # Before: one unreadable figure stopped every check of the whole plan.
    assert problems_of(SALVAGED) == {
        "tiers[0].industries[0].targets[0].figure": 18,
        "tiers[0].industries[0].targets[1].year": 22,
        "tiers[0].industries[0].targets[1].figure": 23,
        "tiers[1].industries[0].id": 31,
        "roadmap.enterprises[0].industries[0]": 38,
    }


def test_every_failing_field_of_one_table_is_reported() -> None:
    # Before: attrs stopped at the first failing validator of the industry.
    text = THREE_PROBLEMS.replace(
        'id = "chips"\nname = "chips"', 'id = "9chips"\nname = "  "'
    )
    found = problems_of(text.replace('"2022"', "2022"))
    assert found["tiers[0].industries[0].id"] == 12
    assert found["tiers[0].industries[0].name"] == 13


def test_one_bad_field_does_not_hide_the_others_at_the_top() -> None:
    text = THREE_PROBLEMS.replace("end_year = 2027", 'end_year = 1800\nregion = ""')
    text = text.replace('region = "Somewhere"\n', "")
    found = problems_of(text)
    assert {"start_year", "end_year", "region"} <= set(found)


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_100000_nested_brackets_are_a_plan_problem(
    syntax: ip._files.plan_files.Syntax,
) -> None:
    deep = {
        "json": "[" * 100_000 + "]" * 100_000,
        "yaml": "a: " + "[" * 100_000 + "]" * 100_000,
        "toml": "a = " + "[" * 100_000 + "]" * 100_000,
    }[syntax]
    with pytest.raises(ip.PlanValidationError, match="nest"):
        ip.loads(deep, syntax)


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_nesting_the_parser_accepts_but_no_plan_needs_is_refused(
    syntax: ip._files.plan_files.Syntax,
) -> None:
    deep = "x"
    for _ in range(200):
        deep = {"a": deep}
    text = ip.dumps(ip.examples.xiamen(), "json")
    data = json.loads(text)
    data["roadmap"] = {"summary": deep}
    writers = {"json": json.dumps, "toml": tomli_w.dumps, "yaml": yaml.safe_dump}
    with pytest.raises(ip.PlanValidationError, match="nested more than 64") as caught:
        ip.loads(writers[syntax](data), syntax)
    (problem,) = caught.value.problems
    assert problem.path.startswith("roadmap.summary.a.a")


def test_yaml_aliases_that_expand_beyond_the_text_are_refused() -> None:
    lines = ["a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9]"]
    for name, previous in zip("bcdefgh", "abcdefg", strict=True):
        lines.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")
    with pytest.raises(ip.PlanValidationError, match="aliases"):
        ip.loads("\n".join(lines) + "\n", "yaml")


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_a_file_with_a_utf8_byte_order_mark_loads(
    tmp_path: Path, syntax: ip._files.plan_files.Syntax
) -> None:
    xiamen = ip.examples.xiamen()
    path = tmp_path / f"plan{SUFFIX[syntax]}"
    path.write_bytes(b"\xef\xbb\xbf" + ip.dumps(xiamen, syntax).encode("utf-8"))
    assert ip.load(path) == xiamen


def test_problems_in_a_file_with_a_byte_order_mark_keep_their_lines() -> None:
    found = problems_of("\ufeff" + THREE_PROBLEMS)
    assert found["start_year"] == 3


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("tiers[0].industries[0].name", "chips\x00"),
        ("tiers[0].industries[0].name", "chips\x1b[31m"),
        ("tiers[0].kind", "cluster\n"),
        ("tiers[0].industries[0].targets[0].statement", "grow\x07"),
        ("sources[0].quote", "said \x00"),
        ("sources[0].publisher", "a\tb"),
        ("tiers[0].industries[0].name", "chips\ud800"),
    ],
)
def test_control_characters_are_refused_with_the_fields_path(
    field: str, value: str
) -> None:
    data: dict = {
        "name": "Test",
        "region": "Somewhere",
        "start_year": 2022,
        "end_year": 2027,
        "sources": [{"id": "doc", "publisher": "P", "quote": "q"}],
        "tiers": [
            {
                "id": "t",
                "name": "t",
                "kind": "cluster",
                "industries": [
                    {
                        "id": "chips",
                        "name": "chips",
                        "targets": [
                            {"metric": "development", "year": 2027, "statement": "grow"}
                        ],
                    }
                ],
            }
        ],
    }
    node = data
    *parents, last = field.replace("[", ".").replace("]", "").split(".")
    for part in parents:
        node = node[int(part)] if part.isdigit() else node[part]
    node[last] = value
    with pytest.raises(ip.PlanValidationError) as caught:
        ip.from_dict(data)
    (problem,) = caught.value.problems
    assert problem.path == field
    assert "control character" in problem.message or "surrogate" in problem.message
    assert repr(value)[1:-1] in problem.message  # shown escaped, never raw


def test_newlines_and_tabs_are_allowed_in_long_text() -> None:
    source = ip.Source(publisher="P", quote="line one\n\tline two")
    assert source.quote == "line one\n\tline two"
    with pytest.raises(ValueError, match=r"U\+0000"):
        ip.Source(publisher="P\x00")


# -- size ------------------------------------------------------------------------------


def test_the_size_limit_is_a_parameter(tmp_path: Path) -> None:
    path = ip.save(ip.examples.xiamen(), tmp_path / "plan.json")
    size = path.stat().st_size
    with pytest.raises(ip.PlanValidationError, match=f"{size} bytes, over the limit"):
        ip.load(path, max_bytes=size - 1)
    assert ip.load(path, max_bytes=size) == ip.examples.xiamen()
    assert ip.load(path, max_bytes=None) == ip.examples.xiamen()
    text = path.read_text(encoding="utf-8")
    with pytest.raises(ip.PlanValidationError, match="over the limit"):
        ip.loads(text, "json", max_bytes=size - 1)


def test_the_default_limit_fits_100000_industries() -> None:
    # benchmarks/README.md: 110 MB of JSON, 60 MB of TOML or YAML.
    assert ip.MAX_FILE_BYTES >= 2 * 110 * 10**6


def test_the_command_line_takes_a_size_limit(tmp_path: Path) -> None:
    path = ip.save(ip.examples.xiamen(), tmp_path / "plan.toml")
    runner = CliRunner()
    small = runner.invoke(cli.app, ["validate", "--max-bytes", "100", str(path)])
    assert small.exit_code == 1
    assert "over the limit of 100" in small.stderr
    assert (
        runner.invoke(cli.app, ["validate", "--max-bytes", "0", str(path)]).exit_code
        == 0
    )
    report = runner.invoke(cli.app, ["report", "--max-bytes", "100", str(path)])
    assert report.exit_code == 1
    assert "over the limit" in report.stderr
