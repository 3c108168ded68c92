"""Plan files: round trips in three syntaxes, problems with paths, saves, schema."""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import industrial_plan as ip
from industrial_plan.testing import systems

SYNTAXES = ["toml", "yaml", "json"]
SUFFIX = {"toml": ".toml", "yaml": ".yaml", "json": ".json"}


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=60)
@given(systems(), st.sampled_from(SYNTAXES))
def test_dump_then_load_gives_an_equal_system(
    system: ip.IndustrialSystem, syntax: ip._files.plan_files.Syntax
) -> None:
    text = ip.dumps(system, syntax)
    again = ip.loads(text, syntax)
    assert again == system
    # Every figure keeps its exact value, unit and qualifier.
    for (_, before), (_, after) in zip(
        system.observations(), again.observations(), strict=True
    ):
        assert after.figure.quantity.magnitude == before.figure.quantity.magnitude
        assert after.source == before.source


@settings(max_examples=20)
@given(systems())
def test_json_files_follow_the_published_schema(system: ip.IndustrialSystem) -> None:
    data = json.loads(ip.dumps(system, "json"))
    jsonschema.validate(data, ip.schema())


def test_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(ip.schema())


def test_bundled_example_follows_the_schema() -> None:
    data = json.loads(ip.dumps(ip.examples.xiamen(), "json"))
    jsonschema.validate(data, ip.schema())


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_save_and_load_files(
    tmp_path: Path, syntax: ip._files.plan_files.Syntax
) -> None:
    xiamen = ip.examples.xiamen()
    path = ip.save(xiamen, tmp_path / f"plan{SUFFIX[syntax]}")
    assert ip.syntax_of(path) == syntax
    assert ip.load(path) == xiamen
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_a_failed_save_leaves_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "plan.toml"
    path.write_text("old contents", encoding="utf-8")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        ip.save(ip.examples.xiamen(), path)
    assert path.read_text(encoding="utf-8") == "old contents"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.toml"]


BAD_YAML = """\
format: industrial-plan/1
name: Test plan
region: Somewhere
start_year: 2022
end_year: 2027
sources:
  - id: doc
    publisher: Somebody
tiers:
  - id: pillars
    name: pillars
    kind: pillar industrial cluster
    targets:
      - metric: total_scale
        year: "2027"
        figure: 3 trillion yuan
      - metric: total_scale
        year: 2026
        figure: 3 trillon yuan
    observations:
      - metric: total_scale
        year: 2022
        figure: {value: "2", unit: trillion CNY, qualifier: plenty}
        source: {ref: nodoc}
    industries:
      - id: chips
        name: chips
        colour: blue
"""


def test_every_problem_in_a_file_is_reported_with_path_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(BAD_YAML, encoding="utf-8")
    with pytest.raises(ip.PlanValidationError) as caught:
        ip.load(path)
    error = caught.value
    assert error.file == str(path)
    found = {problem.path: problem for problem in error.problems}
    assert set(found) == {
        "tiers[0].targets[0].year",
        "tiers[0].targets[1].figure",
        "tiers[0].observations[0].figure",
        "tiers[0].observations[0].source",
        "tiers[0].industries[0].colour",
    }
    assert found["tiers[0].targets[0].year"].line == 15
    assert "'2027'" in found["tiers[0].targets[0].year"].message
    assert "trillon" in found["tiers[0].targets[1].figure"].message
    assert found["tiers[0].targets[1].figure"].line == 19
    assert "plenty" in found["tiers[0].observations[0].figure"].message
    assert "nodoc" in found["tiers[0].observations[0].source"].message
    colour = found["tiers[0].industries[0].colour"]
    assert "unknown key 'colour'" in colour.message
    assert colour.line == 28  # the key's line, not its table's
    assert str(path) in str(error)


def test_whole_plan_problems_come_with_paths() -> None:
    text = """\
name = "Test"
region = "Somewhere"
start_year = 2022
end_year = 2027

[[tiers]]
id = "pillars"
name = "pillars"
kind = "cluster"

[[tiers.targets]]
metric = "total_scale"
year = 2020
figure = "2 GW"

[[roadmap.enterprises]]
id = "acme"
name = "ACME"
role = "leading enterprise"
industries = ["chips"]
"""
    with pytest.raises(ip.PlanValidationError) as caught:
        ip.loads(text, "toml", file="plan.toml")
    lines = {problem.path: problem.line for problem in caught.value.problems}
    assert lines == {
        "tiers[0].targets[0].year": 13,
        "tiers[0].targets[0].figure": 14,
        "roadmap.enterprises[0].industries[0]": 20,
    }


@pytest.mark.parametrize(
    ("text", "syntax", "expected"),
    [
        ("name = ", "toml", "not valid TOML"),
        ("{", "json", "not valid JSON"),
        ("a: [", "yaml", "not valid YAML"),
        ("- 1\n- 2\n", "yaml", "table of keys"),
        ('name = "x"', "toml", "required key is missing"),
        (
            'format = "other/2"\nname="x"\nregion="y"\nstart_year=1\nend_year=2',
            "toml",
            "not a supported format",
        ),
        ("!!python/object/apply:os.system ['echo hi']", "yaml", "not valid YAML"),
    ],
)
def test_malformed_text_gives_clear_problems(
    text: str, syntax: ip._files.plan_files.Syntax, expected: str
) -> None:
    with pytest.raises(ip.PlanValidationError, match=expected):
        ip.loads(text, syntax)


def test_unknown_suffix_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ip.PlanValidationError, match="suffix"):
        ip.load(tmp_path / "plan.txt")
    with pytest.raises(ip.PlanValidationError, match="cannot read"):
        ip.load(tmp_path / "missing.toml")


def test_figures_can_be_words_or_fields() -> None:
    base = (
        'name="x"\nregion="y"\nstart_year=2022\nend_year=2027\n'
        '[[tiers]]\nid="t"\nname="t"\nkind="k"\n'
    )
    words = (
        base
        + '[[tiers.observations]]\nmetric="total_scale"\nyear=2022\n'
        + 'figure="超过2万亿元"\n'
    )
    fields = base + (
        '[[tiers.observations]]\nmetric="total_scale"\nyear=2022\n'
        'figure={value="2", unit="万亿 CNY", qualifier="more than"}\n'
    )
    first = ip.loads(words, "toml").tier("t").observations[0].figure
    second = ip.loads(fields, "toml").tier("t").observations[0].figure
    assert first == second
    assert first.qualifier is ip.Qualifier.MORE_THAN


def test_figures_that_words_cannot_carry_are_saved_as_fields() -> None:
    figure = ip.Figure(
        ip.amount("1234567.891", "CNY"), ip.Qualifier.AT_MOST, approximate=True
    )
    system = ip.examples.xiamen().with_observation(
        "biomedicine", ip.Observation("total_scale", 2023, figure)
    )
    text = ip.dumps(system, "yaml")
    assert ip.loads(text, "yaml") == system


def test_toml_problems_point_at_their_lines() -> None:
    text = """\
name = "Test"
region = "Somewhere"
start_year = 2022
end_year = 2027

[[tiers]]
id = "a"
name = "A"
kind = "cluster"

[[tiers.industries]]
id = "a1"
name = "A1"

[[tiers]]
id = "b"
name = "B"
kind = "cluster"

[[tiers.industries]]
id = "b1"
name = "B1"

[[tiers.industries]]
id = "b2"
name = "B2"

[[tiers.industries.observations]]
metric = "total_scale"
year = 2022
figure = "3 trillon yuan"

[roadmap]
summary = 5
"""
    with pytest.raises(ip.PlanValidationError) as caught:
        ip.loads(text, "toml")
    lines = {problem.path: problem.line for problem in caught.value.problems}
    assert lines["tiers[1].industries[1].observations[0].figure"] == 31
    assert lines["roadmap.summary"] == 34


@given(systems(), st.data())
@settings(max_examples=30)
def test_json_lines_point_at_the_field(
    system: ip.IndustrialSystem, data: st.DataObject
) -> None:
    from industrial_plan._files.positions import json_lines

    text = ip.dumps(system, "json")
    line_of = json_lines(text)
    lines = text.splitlines()
    for t, tier in enumerate(system.tiers):
        assert f'"id": "{tier.id}"' in lines[line_of(f"tiers[{t}].id") - 1]  # type: ignore[operator]
        for n, industry in enumerate(tier.industries):
            line = line_of(f"tiers[{t}].industries[{n}].id")
            assert f'"id": "{industry.id}"' in lines[line - 1]  # type: ignore[operator]


def test_json_problems_point_at_their_lines() -> None:
    text = """{
  "name": "Test",
  "region": "Somewhere",
  "start_year": 2022,
  "end_year": 2027,
  "tiers": [
    {"id": "a", "name": "A", "kind": "cluster"},
    {
      "id": "b",
      "name": "B",
      "kind": "cluster",
      "observations": [
        {"metric": "total_scale", "year": "2022", "figure": "2 trillion yuan"}
      ]
    }
  ]
}
"""
    with pytest.raises(ip.PlanValidationError) as caught:
        ip.loads(text, "json")
    (problem,) = caught.value.problems
    assert (problem.path, problem.line) == ("tiers[1].observations[0].year", 13)
