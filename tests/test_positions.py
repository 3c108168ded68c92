"""Line numbers of problems: the reported line holds the offending key.

Positions come from tokenizers that follow each syntax's grammar, so text
inside strings (a ``[[tiers]]`` line in a multi-line string) is never taken
for structure, and quoted keys are keys.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
import tomli_w
import yaml
from hypothesis import given
from hypothesis import strategies as st

import industrial_plan as ip
from industrial_plan._files.positions import toml_error_line, toml_lines
from industrial_plan.testing import systems

ISSUE_13_EXAMPLE = '''\
name = "Test"
region = "Somewhere"
start_year = 2022
end_year = 2030

[[tiers]]
id = "pillars"
name = "pillars"
kind = "cluster"

[[tiers.targets]]
metric = "development"
year = 2030
statement = """
Grow the pillars, as the plan puts it:
[[tiers]]
id = "not-a-tier"
year = "not a key"
"""

[[tiers.industries]]
id = "chips"
name = "chips"

[[tiers.industries.targets]]
metric = "total_scale"
"year" = "2030"
figure = "3 trillion yuan"
'''


def test_issue_13_example_reports_the_line_of_the_quoted_key() -> None:
    with pytest.raises(ip.PlanValidationError) as caught:
        ip.loads(ISSUE_13_EXAMPLE, "toml", file="plan.toml")
    (problem,) = caught.value.problems
    assert problem.path == "tiers[0].industries[0].targets[0].year"
    assert problem.line == 27
    assert ISSUE_13_EXAMPLE.splitlines()[26] == '"year" = "2030"'


def test_toml_syntax_errors_carry_their_line() -> None:
    with pytest.raises(ip.PlanValidationError) as caught:
        ip.loads('name = "x"\nregion = = "y"\n', "toml", file="plan.toml")
    (problem,) = caught.value.problems
    assert problem.line == 2
    assert "not valid TOML" in problem.message
    assert "at line" not in problem.message  # said once, as the line


def test_toml_error_at_the_end_of_the_document() -> None:
    message, line = toml_error_line("Unclosed array (at end of document)", "a\nb\n")
    assert (message, line) == ("Unclosed array (at the end)", 3)


def test_toml_tokenizer_reads_every_kind_of_key_and_string() -> None:
    text = """\
# a comment with [[tiers]] in it
'literal key' = 'value'
a."dotted key" . c = 1 # comment
text = '''
[[tiers]]
'''
"tricky \\" key" = "a \\" quote"
[[tiers]]
array = [
  1, # one
  { inner = "x", "quoted" = [2, 3] },
]
[[tiers]]
"""
    line_of = toml_lines(text)
    assert line_of("literal key") == 2
    assert line_of("a.dotted key.c") == 3
    assert line_of("text") == 4
    assert line_of('tricky " key') == 7
    assert line_of("tiers[0]") == 8
    assert line_of("tiers[0].array[1].quoted[1]") == 11
    assert line_of("tiers[1]") == 13
    assert line_of("tiers[2]") is None


# -- the property ------------------------------------------------------------------

MULTI_LINE = 'grow\n[[tiers]]\nid = "x"\n"year" = "2030"\n[tiers.name]\n'


def _toml_key(key: str, draw: st.DrawFn) -> str:
    if draw(st.booleans()):
        return json.dumps(key)
    return key


def _toml_value(value: Any, draw: st.DrawFn) -> str:
    if isinstance(value, dict):
        parts = [
            f"{_toml_key(k, draw)} = {_toml_value(v, draw)}" for k, v in value.items()
        ]
        return "{ " + ", ".join(parts) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(item, draw) for item in value) + "]"
    if isinstance(value, str) and "\n" in value:
        return f"'''\n{value}'''"
    text: str = tomli_w.dumps({"k": value})
    return text[4:].rstrip("\n")


def _toml(table: dict[str, Any], prefix: str, draw: st.DrawFn, out: list[str]) -> None:
    """TOML text for *table*, with quoted keys and comments here and there."""

    def is_tables(value: Any) -> bool:
        return (
            isinstance(value, list)
            and bool(value)
            and all(isinstance(v, dict) for v in value)
        )

    for key, value in table.items():
        if not is_tables(value):
            comment = " # [[tiers]]" if draw(st.booleans()) else ""
            out.append(f"{_toml_key(key, draw)} = {_toml_value(value, draw)}{comment}")
    for key, value in table.items():
        if is_tables(value):
            for item in value:
                out.append("")
                out.append(f"[[{prefix}{key}]]")
                _toml(item, f"{prefix}{key}.", draw, out)


def _write(data: dict[str, Any], syntax: str, draw: st.DrawFn) -> str:
    if syntax == "json":
        return json.dumps(data, indent=2, ensure_ascii=False)
    if syntax == "yaml":
        return str(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    out: list[str] = []
    _toml(data, "", draw, out)
    return "\n".join(out) + "\n"


@given(
    systems(max_tiers=3, max_industries=3),
    st.sampled_from(["toml", "yaml", "json"]),
    st.data(),
)
def test_the_reported_line_holds_the_offending_key(
    system: ip.IndustrialSystem, syntax: str, data: st.DataObject
) -> None:
    plain = json.loads(ip.dumps(system, "json"))
    # Multi-line text full of TOML structure in every target's statement.
    items: list[tuple[str, dict[str, Any]]] = []
    for t, tier in enumerate(plain.get("tiers", [])):
        owners = [(f"tiers[{t}]", tier)] + [
            (f"tiers[{t}].industries[{n}]", industry)
            for n, industry in enumerate(tier.get("industries", []))
        ]
        items.append((f"tiers[{t}]", tier))
        for path, owner in owners:
            for kind in ("targets", "observations"):
                for k, item in enumerate(owner.get(kind, [])):
                    if kind == "targets":
                        item["statement"] = MULTI_LINE
                    items.append((f"{path}.{kind}[{k}]", item))
            if path != f"tiers[{t}]":
                items.append((path, owner))
    if not items:
        return
    path, item = data.draw(st.sampled_from(items))
    key = "year" if "year" in item else "id"
    item[key] = "2030" if key == "year" else 2030
    text = _write(plain, syntax, data.draw)
    with pytest.raises(ip.PlanValidationError) as caught:
        ip.loads(text, syntax)  # type: ignore[arg-type]
    found = {problem.path: problem.line for problem in caught.value.problems}
    line = found[f"{path}.{key}"]
    assert line is not None
    assert key in text.splitlines()[line - 1]
