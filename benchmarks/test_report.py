"""The command line's report on a plan of 20,000 industries, in every format,
beside loading and assessing that plan.

``industrial-plan report PLAN --format F`` loads the plan, assesses it,
formats one row per target and writes them.  Its time reads as a ratio to
the floor ``ip.assess(ip.load(PLAN))`` on the same file, measured in the same
run and interleaved with it; the goal (issue 22) is at most 3x for every
format.  The command runs in this process (start-up is measured in
``test_startup.py``), its standard output and error caught in memory, the
HTML page written to a temporary file.  Run with::

    python -m pytest benchmarks/test_report.py -p no:cacheprovider --benchmark-only -s

``IP_BENCH_REPORT_SIZE=2000`` runs a smaller plan for a quick look.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import os
import time
from pathlib import Path
from typing import Any

import pytest

import industrial_plan as ip
from industrial_plan._outputs import cli as _cli

# The plans of test_plans.py (pytest imports benchmarks by path, not as a
# package).
_spec = importlib.util.spec_from_file_location(
    "bench_plans", Path(__file__).with_name("test_plans.py")
)
assert _spec is not None
assert _spec.loader is not None
_plans = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_plans)
plan = _plans.plan

SIZE = int(os.environ.get("IP_BENCH_REPORT_SIZE", "20000"))
GOAL_RATIO = 3.0
REPEATS = 2
WIDTH = "100"
FORMATS = [member.value for member in _cli.Format]
"""Every format the command offers (table, json, csv, markdown, html)."""


@pytest.fixture(scope="module")
def plan_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / f"plan-{SIZE}.json"
    ip.save(plan(SIZE), path)
    return path


@pytest.fixture(autouse=True)
def _width(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", WIDTH)


def load_and_assess(path: Path) -> ip.SystemAssessment:
    """The floor: what every report needs before it writes a line."""
    return ip.assess(ip.load(path))


def cli_report(path: Path, output: str) -> tuple[str, Path | None]:
    """``industrial-plan report PATH --format OUTPUT``, in this process.

    Returns what it wrote to standard output, and the page for HTML.
    """
    args = ["report", str(path), "--format", output]
    page = path.with_suffix(".html") if output == "html" else None
    if page is not None:
        args += ["-o", str(page)]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        _cli.app(args, standalone_mode=False)
    return out.getvalue(), page


def _interleaved(path: Path, output: str) -> tuple[float, float, Any]:
    """Fastest of :data:`REPEATS` runs of the report and of the floor, taken
    in turns so that load on a shared machine falls on both alike."""
    floors, reports = [], []
    written: Any = None
    for _ in range(REPEATS):
        start = time.perf_counter()
        load_and_assess(path)
        floors.append(time.perf_counter() - start)
        start = time.perf_counter()
        written = cli_report(path, output)
        reports.append(time.perf_counter() - start)
    return min(reports), min(floors), written


@pytest.mark.parametrize("output", FORMATS)
def test_report_within_goal_of_load_and_assess(
    benchmark: Any, plan_file: Path, output: str
) -> None:
    load_and_assess(plan_file)  # registry, parsers and caches warm for both
    report_s, floor_s, (text, page) = benchmark.pedantic(
        _interleaved, (plan_file, output), rounds=1, iterations=1
    )
    found = report_s / floor_s
    benchmark.group = f"CLI report / load + assess, {SIZE:,} industries"
    benchmark.extra_info.update(
        ratio=round(found, 2), report_s=round(report_s, 3), floor_s=round(floor_s, 3)
    )
    print(
        f"\nreport --format {output} / load + assess at {SIZE:,} industries: "
        f"{found:.2f}x ({report_s:.2f} s vs {floor_s:.2f} s)"
    )
    # It wrote the whole report, not a refusal.
    if page is not None:
        assert page.read_text("utf-8").count("<tr>") > SIZE
    elif output == "table":
        assert text.count("\n") > SIZE
        assert max(len(line) for line in text.splitlines()) <= int(WIDTH)
    else:
        assert text.count("\n") >= SIZE
    assert found <= GOAL_RATIO, (
        f"report --format {output} is {found:.2f}x load + assess "
        f"({report_s:.2f} s vs {floor_s:.2f} s); the goal is at most {GOAL_RATIO:g}x"
    )
