"""Nothing lost, nothing changed behind the user's back (issue 25): keys given
twice, and what ``save`` keeps of the file it replaces."""

from __future__ import annotations

import pytest

import industrial_plan as ip
from industrial_plan._files.yaml_events import load as load_yaml

# -- keys given twice -------------------------------------------------------------------


def _twice(syntax: str) -> tuple[str, int, int]:
    """The example plan with ``end_year`` given twice, and the two lines."""
    text = ip.dumps(ip.examples.xiamen(), syntax)  # type: ignore[arg-type]
    if syntax == "json":
        old, new = '"end_year": 2027', '"end_year": 2027,\n  "end_year": 2035'
    else:
        old, new = "end_year: 2027", "end_year: 2027\nend_year: 2035"
    text = text.replace(old, new, 1)
    first = text[: text.index(old)].count("\n") + 1
    return text, first, first + 1


@pytest.mark.parametrize("syntax", ["json", "yaml"])
def test_a_key_given_twice_is_a_problem_naming_both_lines(syntax: str) -> None:
    text, first, second = _twice(syntax)
    with pytest.raises(ip.PlanValidationError) as caught:
        ip.loads(text, syntax, file=f"plan.{syntax}")  # type: ignore[arg-type]
    (problem,) = caught.value.problems
    assert problem.path == "end_year"
    assert problem.line == second
    assert f"lines {first} and {second}" in problem.message
    assert "'end_year'" in problem.message


@pytest.mark.parametrize("syntax", ["json", "yaml"])
def test_a_key_given_twice_deep_inside_is_found_with_its_path(syntax: str) -> None:
    text = ip.dumps(ip.examples.xiamen(), syntax)  # type: ignore[arg-type]
    old = '"year": 2027' if syntax == "json" else " year: 2027"
    at = text.index(old)
    new = '"year": 2027, "year": 2030' if syntax == "json" else None
    if new is None:  # the same indentation, on the next line
        start = text.rindex("\n", 0, at) + 1
        new = f" year: 2027\n{text[start:at]} year: 2030"
    text = text[:at] + new + text[at + len(old) :]
    with pytest.raises(ip.PlanValidationError) as caught:
        ip.loads(text, syntax)  # type: ignore[arg-type]
    (problem,) = caught.value.problems
    assert problem.path.endswith(".year") and "[" in problem.path
    assert "given twice" in problem.message


def test_the_command_line_refuses_a_key_given_twice(tmp_path) -> None:
    from typer.testing import CliRunner

    from industrial_plan import cli

    text, first, second = _twice("json")
    path = tmp_path / "plan.json"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli.app, ["validate", str(path)])
    assert result.exit_code == 1
    assert f"{path}:{second}: end_year:" in result.output
    assert f"lines {first} and {second}" in result.output


def test_yaml_merge_keys_are_not_keys_given_twice() -> None:
    text = "base: &b {a: 1, b: 2}\nx:\n  <<: *b\n  a: 3\n"
    assert load_yaml(text) == {"base": {"a": 1, "b": 2}, "x": {"a": 3, "b": 2}}
    with pytest.raises(Exception, match="a"):
        load_yaml("x:\n  <<: {a: 1}\n  a: 2\n  a: 3\n")
