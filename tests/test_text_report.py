"""The report as plain text lines for a terminal: widths, wrapping, blocks."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

import industrial_plan as ip
from industrial_plan._outputs import rows as report_rows
from industrial_plan._outputs.text_report import fit_widths, report_lines, wrap

WORDS = st.text(st.sampled_from("abc xyz年目标亿元 -%$"), min_size=0, max_size=30).map(
    str.strip
)


@given(WORDS, st.integers(1, 40))
def test_wrap_keeps_every_word_and_the_width(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert "".join("".join(lines).split()) == "".join(text.split())
    for line in lines:
        # Only a word longer than the width may overflow, alone on its line.
        assert cell_len(line) <= width or " " not in line.strip()


@given(
    st.lists(st.lists(WORDS, min_size=3, max_size=3), min_size=1), st.integers(10, 120)
)
def test_fitted_columns_fit(cells: list[list[str]], width: int) -> None:
    widths = fit_widths(cells, width)
    if widths is not None:
        assert sum(widths) + 2 * (len(widths) - 1) <= width
        for row in cells:
            for cell, w in zip(row, widths, strict=True):
                assert all(cell_len(line) <= w for line in wrap(cell, w))


@pytest.mark.parametrize("plan", [ip.examples.xiamen, ip.examples.xiamen_sei])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_issue_13_a_table_in_100_columns(plan: object, lang: str) -> None:
    assessment = ip.assess(plan())  # type: ignore[operator]
    lines = list(report_lines(assessment, report_rows.Display(lang=lang), 100))
    assert max(cell_len(line) for line in lines) <= 100
    # A table: the header's rule spans the columns, one line per column.
    assert sum(1 for line in lines if line.startswith("─")) == 1


def test_narrower_than_the_table_gives_one_block_per_target() -> None:
    lines = list(report_lines(ip.assess(ip.examples.xiamen()), None, 60))
    assert max(cell_len(line) for line in lines) <= 60
    assert not any(line.startswith("─") for line in lines)
    assert "pillar industrial clusters" in lines


@pytest.mark.parametrize(("columns", "table"), [("80", False), ("100", True)])
def test_issue_13_cli_report_at_80_and_100_columns(columns: str, table: bool) -> None:
    # A real process: the width comes from $COLUMNS as in a user's shell.
    result = subprocess.run(
        [sys.executable, "-m", "industrial_plan", "report"],
        env={**os.environ, "COLUMNS": columns},
        capture_output=True,
        text=True,
        check=True,
    )
    lines = result.stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= int(columns)
    assert any(line.startswith("tier or") for line in lines) is table
    assert "insufficient" in result.stdout


def test_progress_is_reported_while_rows_are_formatted() -> None:
    seen: list[int] = []
    assessment = ip.assess(ip.examples.xiamen_sei())
    lines = report_lines(assessment, None, 100, progress=seen.append)
    next(lines)
    assert seen[-1] == len(assessment)
