"""Qualitative aims: the figures observed beside them, and an office's judgement.

An aim ("overall stability") has no number to assess, but its metric may
have reported figures: they are the aim's series and latest value, shown
beside it.  Its judgement is the aim's own, else one recorded on an
observation of its metric for the aim's year.
"""

from __future__ import annotations

import attrs

from industrial_plan._plan.judgement import Judgement
from industrial_plan._plan.owners import Owner
from industrial_plan._plan.targets import Target

from .results import Assessment, Point
from .series import _level_of, _yearly


def _qualitative(
    owner: Owner, target: Target, as_of: int | None, base: Assessment
) -> Assessment:
    """*base* (not quantified) with the observed figures and the judgement."""
    levels = _yearly((owner,), target.metric, as_of, "level")
    series = tuple(
        Point(year, _level_of(levels[year].figure), levels[year])
        for year in sorted(levels)
        if year <= target.year
    )
    judgement = target.judgement or _judged(owner, target, as_of)
    if not series and judgement is None:
        return base
    latest = series[-1] if series else None
    return attrs.evolve(
        base,
        latest=latest,
        actual=latest.figure if latest is not None else None,
        series=series,
        judgement=judgement,
    )


def _judged(owner: Owner, target: Target, as_of: int | None) -> Judgement | None:
    """A judgement stated on an observation of the aim's metric and year."""
    if as_of is not None and as_of < target.year:
        return None
    for observation in owner.observations:
        if (
            observation.judgement is not None
            and observation.metric == target.metric
            and observation.year == target.year
        ):
            return observation.judgement
    return None
