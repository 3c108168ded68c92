"""Start-up: importing the library and the command line's report, in fresh processes.

Each command runs in its own Python process (the interpreter of this test
run), several times, interleaved with its floors so that load on the machine
falls on all alike; the minimum wall time of each is the measure.  The
package's bytecode is compiled first, as pip compiles an installed wheel's:
with ``PYTHONDONTWRITEBYTECODE`` set (as on the machine of
``benchmarks/README.md``) an editable install would otherwise compile every
module again in each process, 50 ms no user pays.  Floors:
``python -c pass`` (the interpreter alone) and ``import pint;
pint.UnitRegistry()`` (what any pint-based library pays).

``test_import_time_of_the_package`` reads ``python -X importtime -c "import
industrial_plan"``: the time spent in the package's own modules (the sum of
their self times, wings included) and the whole import (the package's
cumulative time), each the minimum over runs, beside the same figures for
``import pint`` in the same processes: the package's layout (issue 19) must
not make its import slower.  Run with::

    python -m pytest benchmarks/test_startup.py -p no:cacheprovider --benchmark-only -s
"""

from __future__ import annotations

import compileall
import subprocess
import sys
import time
from pathlib import Path

import pytest

import industrial_plan

RUNS = 7

FIRST_ANSWER = (
    "import industrial_plan; industrial_plan.assess(industrial_plan.examples.xiamen())"
)
"""The first answer a user asks for: the bundled plan, assessed."""

FIRST_ANSWER_GOAL = 1.3
"""Issue 22: the first answer within 1.3x of building pint's default registry."""

COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "import pint; pint.UnitRegistry()": [
        sys.executable,
        "-c",
        "import pint; pint.UnitRegistry()",
    ],
    "import industrial_plan": [sys.executable, "-c", "import industrial_plan"],
    "first answer": [sys.executable, "-c", FIRST_ANSWER],
    "industrial-plan report": [sys.executable, "-m", "industrial_plan", "report"],
}
"""What is timed; the report is of the bundled plan, as with no arguments."""

GOALS = {"import industrial_plan": 0.35, "industrial-plan report": 0.7}
"""Seconds each may take on the machine described in benchmarks/README.md."""


def _wall(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


@pytest.fixture(scope="module")
def timings() -> dict[str, float]:
    """Minimum wall time of each command over interleaved runs."""
    package = Path(industrial_plan.__file__).parent
    assert compileall.compile_dir(package, quiet=1), f"cannot compile {package}"
    runs: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for command in COMMANDS.values():
        _wall(command)  # bytecode compiled, files in the page cache
    for _ in range(RUNS):
        for name, command in COMMANDS.items():
            runs[name].append(_wall(command))
    return {name: min(times) for name, times in runs.items()}


def _import_times() -> tuple[int, int, int]:
    """Microseconds, from one ``-X importtime`` run of ``import industrial_plan``.

    The package's own modules (sum of self times), the package's cumulative
    time, and pint's cumulative time within it.
    """
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import industrial_plan"],
        check=True,
        capture_output=True,
        text=True,
    )
    own = whole = pint = 0
    for line in result.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        self_us, cumulative_us, name = line.removeprefix("import time:").split("|")
        if not self_us.strip().isdigit():
            continue  # the header
        module = name.strip()
        if module == "industrial_plan" or module.startswith("industrial_plan."):
            own += int(self_us)
        if module == "industrial_plan":
            whole = int(cumulative_us)
        if module == "pint":
            pint = int(cumulative_us)
    return own, whole, pint


def test_import_time_of_the_package(benchmark) -> None:
    """The package's own share of ``import industrial_plan``, beside pint's."""
    package = Path(industrial_plan.__file__).parent
    assert compileall.compile_dir(package, quiet=1), f"cannot compile {package}"
    _import_times()  # bytecode compiled, files in the page cache
    runs = [_import_times() for _ in range(RUNS * 2)]
    own, whole, pint = (min(column) for column in zip(*runs, strict=True))
    benchmark.group = "import time (-X importtime, minimum over runs)"
    benchmark.extra_info.update(
        own_us=own, whole_us=whole, pint_us=pint, own_to_pint=own / pint
    )
    benchmark.pedantic(lambda: None, rounds=1, iterations=1)
    print(
        f"\nimport industrial_plan: {whole / 1000:.1f} ms in all,"
        f" {own / 1000:.1f} ms in the package's own modules"
        f" ({own / pint:.2f}x import pint's {pint / 1000:.1f} ms)"
    )
    assert 0 < own < whole


@pytest.mark.parametrize("name", list(COMMANDS))
def test_startup(benchmark, timings: dict[str, float], name: str) -> None:
    """One row per command: its minimum, and its ratio to the pint floor."""
    seconds = timings[name]
    floor = timings["import pint; pint.UnitRegistry()"]
    benchmark.group = "start-up (fresh processes, minimum wall time)"
    benchmark.extra_info.update(seconds=seconds, ratio_to_pint=seconds / floor)
    benchmark.pedantic(lambda: None, rounds=1, iterations=1)
    goal = GOALS.get(name)
    verdict = (
        ""
        if goal is None
        else f" (goal {goal} s: {'met' if seconds <= goal else 'not met'})"
    )
    print(f"\n{name}: {seconds:.3f} s, {seconds / floor:.2f}x pint's registry{verdict}")
    assert seconds > 0


def test_first_answer_within_goal_of_pint(benchmark, timings: dict[str, float]) -> None:
    """``assess(examples.xiamen())`` in a fresh process, at most 1.3x pint's
    default registry built in a fresh process (issue 22)."""
    seconds = timings["first answer"]
    floor = timings["import pint; pint.UnitRegistry()"]
    benchmark.group = "first answer / pint's registry (fresh processes)"
    benchmark.extra_info.update(seconds=seconds, floor=floor, ratio=seconds / floor)
    benchmark.pedantic(lambda: None, rounds=1, iterations=1)
    print(
        f"\nfirst answer / pint's registry: {seconds / floor:.2f}x "
        f"({seconds:.3f} s vs {floor:.3f} s)"
    )
    assert seconds / floor <= FIRST_ANSWER_GOAL, (
        f"the first answer takes {seconds:.3f} s, {seconds / floor:.2f}x pint's "
        f"registry ({floor:.3f} s); the goal is at most {FIRST_ANSWER_GOAL:g}x"
    )
