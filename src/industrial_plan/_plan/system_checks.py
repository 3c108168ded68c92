"""The parts of the whole-plan checks that :func:`.system.check` runs.

Ids and names unique in a list, and the targets and observations of one
owner: one target per metric, year and kind, years not before the plan's
start, metrics that exist, units that fit their metric, money that is not
negative.  They look at one owner at a time, so that adding a target or an
observation to a built system checks its owner only.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeAlias

from industrial_plan._errors import Problem
from industrial_plan._figures.figure import Figure
from industrial_plan._figures.forms import Change, is_percent
from industrial_plan._text import name_key

from .metrics import COUNT, MONEY, QUALITATIVE, Metric
from .owners import Owner
from .targets import _GROWTH, Observation, Target, TargetKind


def _unique(
    problems: list[Problem],
    path: str,
    items: Iterable[Any],
    what: str,
    required: bool = True,
) -> None:
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        key = item.id
        if key is None and not required:
            continue
        if key in seen:
            problems.append(
                Problem(
                    f"{path}[{i}].id",
                    f"duplicate {what} id {key!r}, first at {path}[{seen[key]}]",
                )
            )
        else:
            seen[key] = i


def _unique_names(problems: list[Problem], items: list[tuple[str, Any]]) -> None:
    """Names compared by :func:`~industrial_plan._text.name_key`: case, width
    forms, normal forms and invisible characters make no new name."""
    seen: dict[tuple[str, str], tuple[str, str]] = {}
    for path, item in items:
        for language, name in item.name.by_language:
            key = (language, name_key(name))
            if key in seen:
                first, where = seen[key]
                same = "" if first == name else f" (the same name as {first!r})"
                problems.append(
                    Problem(
                        f"{path}.name.{language}",
                        f"duplicate name {name!r}{same}, also at {where}",
                    )
                )
            else:
                seen[key] = (name, path)


def _check_owner(
    problems: list[Problem],
    path: str,
    owner: Owner,
    start_year: int,
    metrics: dict[str, Metric],
) -> None:
    # A plan has many owners and few problems: paths are written only for
    # the problems found.
    add = problems.append
    seen: dict[tuple[object, ...], int] = {}
    for k, target in enumerate(owner.targets):
        # A level and a share of one metric are two indicators; so are two
        # qualitative aims with different statements.
        key = (
            target.metric,
            target.year,
            target.kind,
            target.of,
            target.statement if target.figure is None else None,
        )
        if key in seen:
            add(
                Problem(
                    f"{path}.targets[{k}]",
                    f"a second {target.kind.value} target for {target.metric!r} in "
                    f"{target.year} (first at {path}.targets[{seen[key]}])",
                )
            )
        else:
            seen[key] = k
        if target.year < start_year:
            add(
                Problem(
                    f"{path}.targets[{k}].year",
                    f"target year {target.year} is before the plan's "
                    f"start_year {start_year}",
                )
            )
        found = _target_problems(target, metrics)
        if found:
            problems.extend(
                Problem(f"{path}.targets[{k}]{where}", reason)
                for where, reason in found
            )
    seen_obs: dict[tuple[Any, ...], int] = {}
    for k, observation in enumerate(owner.observations):
        reports = observation.reports
        # A level and the year's growth of one metric are two observations;
        # so are a figure for a part of the year and the year's, and an
        # estimate and the figure that supersedes it.
        key_obs = (
            observation.metric,
            observation.year,
            observation.date,
            reports,
            observation.period,
            observation.estimate,
        )
        if key_obs in seen_obs:
            noun = "estimate" if observation.estimate else "observation"
            add(
                Problem(
                    f"{path}.observations[{k}]",
                    f"a second {noun} of {observation.metric!r} for "
                    f"{observation.when()} "
                    f"(first at {path}.observations[{seen_obs[key_obs]}])",
                )
            )
        else:
            seen_obs[key_obs] = k
        found = _observation_problems(observation, reports, metrics)
        if found:
            problems.extend(
                Problem(f"{path}.observations[{k}]{where}", reason)
                for where, reason in found
            )


# Problems inside a target or an observation: the path below it, and why.
_Found: TypeAlias = list[tuple[str, str]] | None


def _target_problems(target: Target, metrics: dict[str, Metric]) -> _Found:
    found = _link_problems(target.of, metrics)
    # Rates and shares are percentages of whatever the metric measures.
    figure = target.figure
    in_percent = target.kind in (TargetKind.SHARE, TargetKind.GROWTH) or (
        figure is not None
        and figure.change in _PERCENT_CHANGES
        and is_percent(figure.quantity)
    )
    more = _figure_problems(target.metric, figure, metrics, in_percent)
    return found + more if found and more else found or more


_PERCENT_CHANGES = frozenset({*_GROWTH, Change.REDUCTION})


def _observation_problems(
    observation: Observation, reports: str, metrics: dict[str, Metric]
) -> _Found:
    figure = observation.figure
    if reports == "level" and figure.change is None and observation.of is None:
        # The usual observation, checked without the calls below.
        metric = metrics.get(observation.metric)
        if (
            metric is not None
            and metric.accepts(figure) is None
            and not (figure.quantity._magnitude < 0 and not metric.signed)
        ):
            return None
    found = _link_problems(observation.of, metrics)
    if figure.change is not None and figure.change not in _GROWTH:
        change = (
            ".figure",
            f"an observation reports a level, a growth rate, a share or a "
            f"ratio, not {figure.change.value!r}",
        )
        return [*(found or ()), change]
    in_percent = reports in ("growth", "share")
    more = _figure_problems(observation.metric, figure, metrics, in_percent)
    return found + more if found and more else found or more


def _link_problems(metric_id: str | None, metrics: dict[str, Metric]) -> _Found:
    if metric_id is None or metric_id in metrics:
        return None
    return [(".of", f"unknown metric {metric_id!r}; known: {', '.join(metrics)}")]


def _figure_problems(
    metric_id: str,
    figure: Figure | None,
    metrics: dict[str, Metric],
    in_percent: bool = False,
) -> _Found:
    metric = metrics.get(metric_id)
    if metric is None:
        known = ", ".join(metrics)
        return [(".metric", f"unknown metric {metric_id!r}; known: {known}")]
    if figure is None:
        return None
    reason: str | None
    if in_percent:
        if metric.kind == QUALITATIVE:
            reason = f"metric {metric.id!r} is qualitative and takes no figure"
        elif not is_percent(figure.quantity):
            reason = f"{figure.describe()!r} is not in percent"
        else:
            reason = None
        return None if reason is None else [(".figure", reason)]
    reason = metric.accepts(figure)
    if reason is None and figure.quantity._magnitude < 0 and not metric.signed:
        reason = _negative(metric, figure)
    return None if reason is None else [(".figure", reason)]


def _negative(metric: Metric, figure: Figure) -> str | None:
    """Why a negative figure does not fit *metric*, or None where it may be."""
    if metric.kind == MONEY:
        what = "money amount"
    elif metric.kind == COUNT and figure.change is None:
        what = "count"
    else:
        return None  # a rate or a change in percent may fall below zero
    return (
        f"negative {what} {figure.describe()!r} (metric {metric.id!r} is not "
        "signed: declare signed = true for a balance, a net flow or a profit)"
    )
