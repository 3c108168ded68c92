"""HTML tables of a plan, a tier and an assessment, the views Jupyter shows.

``import industrial_plan`` gives the model and the assessment views that
import this module when Jupyter first shows one (``_repr_html_``).
The tables are written from the rows of :mod:`.rows`, every text escaped.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

import attrs

from industrial_plan._figures.format import format_figure
from industrial_plan._plan.owners import Tier
from industrial_plan._plan.system import IndustrialSystem
from industrial_plan._plan.targets import Observation, Target
from industrial_plan._progress.results import Assessment
from industrial_plan._progress.system import SystemAssessment

from .rows import (
    _TEXT,
    Display,
    _dated,
    _metric_name,
    _row,
    headers,
    notes,
    rows,
    title,
)

__all__ = [
    "assessment_html",
    "system_html",
    "target_assessment_html",
    "tier_html",
]


def system_html(system: IndustrialSystem) -> str:
    """An industrial system as an HTML table of its tiers, for Jupyter."""
    text = _TEXT["en"]
    facts = (
        f"{text['region']}: {system.region}; "
        f"{text['years']}: {system.start_year}–{system.end_year}; {system.formula}"
    )
    body = [
        (
            str(tier.name),
            tier.kind,
            ", ".join(str(industry.name) for industry in tier.industries),
            "; ".join(_target_text(target, system) for target in tier.targets),
        )
        for tier in system.tiers
    ]
    heading = (text["name"], text["kind"], text["industries"], text["targets"])
    return _html_block(str(system.name), facts, heading, body)


def tier_html(tier: Tier) -> str:
    """A tier as HTML: its industries, targets and observations, for Jupyter."""
    text = _TEXT["en"]
    observed = [
        f"{_metric_name(o.metric, None, 'en')}, {_observation_text(o)}"
        for o in tier.observations
    ]
    groups = (
        (text["industries"], [str(industry.name) for industry in tier.industries]),
        (text["targets"], [_target_text(t, None) for t in tier.targets]),
        (text["observations"], observed),
    )
    # The group's name on its first row only, as in a printed table.
    body = [
        (label if i == 0 else "", item)
        for label, items in groups
        for i, item in enumerate(items)
    ]
    return _html_block(str(tier.name), tier.kind, None, body)


def assessment_html(assessment: SystemAssessment) -> str:
    """A system's assessment as an HTML table with its notes, for Jupyter."""
    body = [row.cells() for row in rows(assessment)]
    html_notes = _html_list(notes(assessment))
    table = _html_block(title(assessment), None, headers(), body)
    return table + html_notes


def target_assessment_html(result: Assessment) -> str:
    """One target's assessment as an HTML table with its notes, for Jupyter."""
    row = _row(result, None, Display())
    body = [row.cells()]
    return _html_block(str(result.owner.name), None, headers(), body) + _html_list(
        result.notes
    )


def _observation_text(observation: Observation) -> str:
    """An observation as a tier's view lists it: "2022: 491.2 billion yuan",
    "Q1-Q3 2024: growth of 6.2% (estimate)"."""
    text = _TEXT["en"]
    shown = text["dated"].format(
        year=observation.when(),
        text=format_figure(attrs.evolve(observation.figure, estimate=False)),
    )
    return text["estimate"].format(text=shown) if observation.estimate else shown


def _target_text(target: Target, system: IndustrialSystem | None) -> str:
    text = _TEXT["en"]
    stated = (
        format_figure(target.figure)
        if target.figure
        else target.statement_in("en") or ""
    )
    metric = _metric_name(target.metric, system, "en")
    return f"{metric}, {_dated(stated, target.year, text)}"


def _html_block(
    caption: str,
    subtitle: str | None,
    heading: Sequence[str] | None,
    body: Iterable[Sequence[str]],
) -> str:
    """A captioned HTML table; every piece of text is escaped."""
    e = html.escape
    parts = ["<table>", f"<caption><strong>{e(caption)}</strong>"]
    if subtitle:
        parts.append(f"<br><small>{e(subtitle)}</small>")
    parts.append("</caption>")
    if heading is not None:
        head = "".join(f'<th style="text-align:left">{e(h)}</th>' for h in heading)
        parts.append(f"<thead><tr>{head}</tr></thead>")
    parts.append("<tbody>")
    for cells in body:
        row = "".join(f'<td style="text-align:left">{e(cell)}</td>' for cell in cells)
        parts.append(f"<tr>{row}</tr>")
    parts.append("</tbody></table>")
    return "".join(parts)


def _html_list(items: Iterable[str]) -> str:
    listed = [f"<li>{html.escape(item)}</li>" for item in items]
    return f"<ul>{''.join(listed)}</ul>" if listed else ""
