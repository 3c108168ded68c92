"""The types catch likely mistakes (issue 26, point 2).

mypy checks two files as a user's module would be checked:
``tests/typing_cases/wrong_uses.py`` holds one likely mistake per line marked
``# wrong``, and mypy must report an error on each of those lines and on no
other; ``tests/typing_cases/right_uses.py`` holds right uses, which it must accept
without a cast.  Before, mypy reported 1 of the 7 mistakes the issue lists.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("mypy", reason="mypy is in the test and lint extras")

HERE = Path(__file__).parent / "typing_cases"
ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One mypy cache for both files: the package is checked once."""
    return tmp_path_factory.mktemp("mypy-cache")


def _mypy(path: Path, cache: Path) -> dict[int, list[str]]:
    """mypy's errors on *path*, by line."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--cache-dir",
            str(cache),
            "--config-file",
            str(ROOT / "pyproject.toml"),
            str(path),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    found: dict[int, list[str]] = {}
    for line in result.stdout.splitlines():
        match = re.match(rf"{re.escape(str(path))}:(\d+): error: (.*)", line)
        if match is None:
            match = re.match(
                r"[^:]*" + re.escape(path.name) + r":(\d+): error: (.*)", line
            )
        if match is not None:
            found.setdefault(int(match.group(1)), []).append(match.group(2))
    assert result.returncode in (0, 1), result.stdout + result.stderr
    return found


def test_mypy_rejects_every_wrong_use_line_by_line(cache: Path) -> None:
    path = HERE / "wrong_uses.py"
    marked = {
        number
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if "# wrong" in line
    }
    assert len(marked) >= 16
    errors = _mypy(path, cache)
    assert sorted(marked - errors.keys()) == [], "mistakes mypy let through"
    assert sorted(errors.keys() - marked) == [], errors


def test_mypy_accepts_the_right_uses(cache: Path) -> None:
    assert _mypy(HERE / "right_uses.py", cache) == {}
