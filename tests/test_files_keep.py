"""Nothing lost, nothing changed behind the user's back (issue 25): keys given
twice, and what ``save`` keeps of the file it replaces."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import industrial_plan as ip
from industrial_plan._files.yaml_events import load as load_yaml

# -- keys given twice ---------------------------------------------------------------


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
    assert problem.path.endswith(".year")
    assert "[" in problem.path
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


# -- what save keeps -------------------------------------------------------------------

posix = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes and signals")


@pytest.fixture
def plan() -> ip.IndustrialSystem:
    return ip.examples.xiamen()


@posix
def test_save_keeps_the_mode_of_the_file_it_replaces(tmp_path: Path, plan) -> None:
    path = tmp_path / "plan.toml"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o644)
    ip.save(plan, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    path.chmod(0o640)
    ip.save(plan, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


@posix
def test_save_gives_a_new_file_the_mode_the_umask_allows(tmp_path: Path, plan) -> None:
    old = os.umask(0o022)
    try:
        ip.save(plan, tmp_path / "a.toml")
        os.umask(0o027)
        ip.save(plan, tmp_path / "b.toml")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a.toml").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "b.toml").stat().st_mode) == 0o640


@posix
def test_save_writes_through_a_symlink_to_its_target(tmp_path: Path, plan) -> None:
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "plan.toml"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "plan.toml"
    link.symlink_to(target)
    assert ip.save(plan, link) == link
    assert link.is_symlink()
    assert link.resolve() == target
    assert ip.load(target) == plan
    assert sorted(p.name for p in (tmp_path / "real").iterdir()) == ["plan.toml"]


@posix
def test_save_through_a_dangling_symlink_creates_its_target(
    tmp_path: Path, plan
) -> None:
    link = tmp_path / "plan.json"
    link.symlink_to(tmp_path / "elsewhere.json")
    ip.save(plan, link)
    assert link.is_symlink()
    assert ip.load(tmp_path / "elsewhere.json") == plan


@posix
def test_save_replaces_a_hard_link_as_documented(tmp_path: Path, plan) -> None:
    path = tmp_path / "plan.toml"
    path.write_text("old", encoding="utf-8")
    other = tmp_path / "other.toml"
    os.link(path, other)
    ip.save(plan, path)
    assert ip.load(path) == plan
    assert other.read_text(encoding="utf-8") == "old"  # the other name keeps it


@posix
def test_save_refuses_a_read_only_file_unless_forced(tmp_path: Path, plan) -> None:
    path = tmp_path / "plan.toml"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o444)
    with pytest.raises(ip.SaveError, match="read-only; pass force=True") as caught:
        ip.save(plan, path)
    assert str(path) in str(caught.value)
    assert isinstance(caught.value, OSError)
    assert path.read_text(encoding="utf-8") == "old"
    ip.save(plan, path, force=True)
    assert ip.load(path) == plan
    assert stat.S_IMODE(path.stat().st_mode) == 0o444


def test_a_failed_save_names_the_users_path_not_the_temporary_one(
    tmp_path: Path, plan
) -> None:
    path = tmp_path / "missing" / "plan.toml"
    with pytest.raises(ip.SaveError) as caught:
        ip.save(plan, path)
    message = str(caught.value)
    assert message.startswith(f"cannot save {path}:")
    assert ".tmp" not in message


def test_a_failed_write_names_the_users_path(
    tmp_path: Path, plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "plan.toml"

    def full(handle: int) -> None:
        raise OSError(28, "No space left on device", "/x/.plan.toml.1234.tmp")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(ip.SaveError, match="No space left") as caught:
        ip.save(plan, path)
    assert ".tmp" not in str(caught.value)
    assert str(path) in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_a_name_of_the_longest_length_saves(tmp_path: Path, plan) -> None:
    path = tmp_path / ("p" * 250 + ".toml")
    ip.save(plan, path)
    assert ip.load(path) == plan
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


SIGNALLED = """
import os, signal, sys
import industrial_plan as ip
real = os.fsync
def fsync(handle):
    os.kill(os.getpid(), signal.{name})
    real(handle)
os.fsync = fsync
ip.save(ip.examples.xiamen(), sys.argv[1])
"""


@posix
@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_a_signal_during_save_leaves_no_temporary_file(
    tmp_path: Path, name: str
) -> None:
    path = tmp_path / "plan.toml"
    path.write_text("old", encoding="utf-8")
    source = str(Path(ip.__file__).parent.parent)
    result = subprocess.run(
        [sys.executable, "-c", SIGNALLED.format(name=name), str(path)],
        env={**os.environ, "PYTHONPATH": source},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == -getattr(signal, name), result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["plan.toml"]
    assert path.read_text(encoding="utf-8") == "old"


@posix
def test_extract_refuses_a_read_only_draft_unless_forced(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from industrial_plan import cli

    document = tmp_path / "bulletin.txt"
    document.write_text("In 2023 the output reached 12 billion yuan.\n", "utf-8")
    draft = tmp_path / "draft.toml"
    draft.write_text("old", encoding="utf-8")
    draft.chmod(0o444)
    arguments = ["extract", str(document), "-o", str(draft)]
    result = CliRunner().invoke(cli.app, arguments)
    assert result.exit_code == 1
    assert f"error: cannot save {draft}: the file is read-only" in result.output
    assert draft.read_text(encoding="utf-8") == "old"
    result = CliRunner().invoke(cli.app, [*arguments, "--force"])
    assert result.exit_code == 0, result.output
    assert draft.read_text(encoding="utf-8") != "old"
