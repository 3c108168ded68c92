"""The command line's HTML report and chart views, kept out of :mod:`.cli`.

``industrial-plan report --format html -o review.html`` writes the page of
:func:`~industrial_plan.report_html`; ``industrial-plan chart --view`` picks
the panels or the review chart.
"""

from __future__ import annotations

import enum
from pathlib import Path

from industrial_plan._progress.system import SystemAssessment

from .cli_base import _fail
from .report_html import report_html

__all__ = ["ChartView", "write_html"]


class ChartView(enum.StrEnum):
    """What ``chart`` draws: a panel per target, or the review in rows."""

    TARGETS = "targets"
    REVIEW = "review"


def write_html(
    assessment: SystemAssessment, output: enum.Enum, lang: str, path: Path | None
) -> Path:
    """Write the HTML report to *path* (default ``review.html``); other
    formats go to standard output, so ``--output`` with them is refused."""
    if output.value != "html":
        _fail(f"--output writes HTML; use --format html, not {output.value!r}", 2)
    target = path or Path("review.html")
    try:
        target.write_text(report_html(assessment, lang), encoding="utf-8")
    except OSError as error:
        _fail(f"cannot write {target}: {error.strerror or error}")
    return target
