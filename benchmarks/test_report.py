"""The command line's report on a plan of 10,000 industries, beside ``ip.assess``.

``industrial-plan report`` assesses the plan, formats one row per target,
measures the columns and writes the table.  Its time reads as a ratio to
``ip.assess`` on the same plan, measured in the same run; the goal is at most
5x.  Loading the file is left out: it is the same for every output and is
measured in ``test_plans.py``.  Run with::

    python -m pytest benchmarks/test_report.py -p no:cacheprovider --benchmark-only -s
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import time
from pathlib import Path

import pytest

import industrial_plan as ip
from industrial_plan._outputs import cli as _cli

# The same plans as test_assess.py (pytest imports benchmarks by path, not as
# a package).
_spec = importlib.util.spec_from_file_location(
    "bench_assess", Path(__file__).with_name("test_assess.py")
)
assert _spec is not None
assert _spec.loader is not None
_assess = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_assess)
plan = _assess.plan

SIZE = 10_000
GOAL_RATIO = 5.0
WIDTH = "100"


def cli_report(system: ip.IndustrialSystem) -> str:
    """What ``industrial-plan report`` does once the plan is loaded."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assessment = ip.assess(system)
        display = _cli._display(
            assessment, _cli.Lang.EN, _cli.Style.COMPACT, None, None
        )
        _cli._print_report(assessment, display, _cli.Format.TABLE)
    return out.getvalue()


@pytest.fixture(autouse=True)
def _width(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", WIDTH)


def test_report_assess(benchmark: pytest.FixtureRequest) -> None:
    system = plan(SIZE)
    benchmark.group = f"CLI report, {SIZE:,} industries"
    result = benchmark.pedantic(ip.assess, (system,), rounds=3, iterations=1)
    assert len(result) == SIZE


def test_report_cli(benchmark: pytest.FixtureRequest) -> None:
    system = plan(SIZE)
    benchmark.group = f"CLI report, {SIZE:,} industries"
    text = benchmark.pedantic(cli_report, (system,), rounds=3, iterations=1)
    assert text.count("\n") > SIZE
    assert max(len(line) for line in text.splitlines()) <= int(WIDTH)


def test_report_within_goal_of_assess(benchmark: pytest.FixtureRequest) -> None:
    # Interleaved, each side keeping its fastest of three: load on a shared
    # machine falls on both alike.
    system = plan(SIZE)

    def ratio() -> tuple[float, float, float]:
        assess_times, report_times = [], []
        for _ in range(3):
            start = time.perf_counter()
            ip.assess(system)
            assess_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            cli_report(system)
            report_times.append(time.perf_counter() - start)
        fastest = min(report_times), min(assess_times)
        return fastest[0] / fastest[1], *fastest

    found, report_s, assess_s = benchmark.pedantic(ratio, rounds=1, iterations=1)
    benchmark.extra_info.update(
        ratio=round(found, 2), report_s=round(report_s, 3), assess_s=round(assess_s, 3)
    )
    print(
        f"\nCLI report / ip.assess at {SIZE:,} industries: {found:.2f}x "
        f"({report_s:.2f} s vs {assess_s:.2f} s)"
    )
    assert found <= GOAL_RATIO, (
        f"the CLI report is {found:.2f}x ip.assess ({report_s:.2f} s vs "
        f"{assess_s:.2f} s); the goal is at most {GOAL_RATIO:g}x"
    )
