"""Assessing targets: one (:func:`assess_target`) or a whole system (:func:`assess`).

The method follows the CAGR-ratio assessment that Statistics Canada and the
Open SDG platform use for SDG monitoring (itself modelled on Eurostat's):
compare the growth observed since a baseline with the growth the target
requires.  See the docs' methodology page for formulas, edge cases and
sources.  Each kind of target has its method, in the module named for its
family; :data:`_METHODS` dispatches to them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import attrs

from industrial_plan._collector import without_cycle_collection
from industrial_plan._errors import NotFoundError, RateError
from industrial_plan._plan.fields import member_of
from industrial_plan._plan.owners import Owner, Regional, Tier
from industrial_plan._plan.system import IndustrialSystem
from industrial_plan._plan.targets import Target, TargetKind, TargetKindLike

from .caps import _cap_method
from .consistency import Mismatch, check_consistency
from .context import _Context, _estimate_notes, _partial_note
from .cumulative import _cumulative_method
from .growth import _growth_method
from .levels import (
    _COUNT,
    _LEVEL,
    _implied_level_method,
    _level_assessment,
    _ratio_method,
    _share_method,
)
from .policy import ConversionPolicy, Thresholds, VerdictBands
from .qualitative import _qualitative
from .results import Assessment, Status
from .review import Review, text_of
from .rules import _verdict
from .series import _partial_years


def assess_target(
    system: IndustrialSystem,
    owner: Owner | str,
    target: Target,
    *,
    as_of: int | None = None,
    baseline_year: int | None = None,
    policy: ConversionPolicy | None = None,
    thresholds: Thresholds | None = None,
    tier: Tier | None = None,
    bands: VerdictBands | None = None,
) -> Assessment:
    """Assess one target of a tier, an industry or the region.

    Each kind of target has its method (the methodology page gives formulas
    and sources): levels and counts by the CAGR ratio on their observations;
    shares and ratios per head the same way on their own yearly series;
    increments and reductions as the level they imply; growth rates by the
    observed against the targeted growth; caps by the headroom used;
    cumulative totals by the sum so far.

    *as_of* ignores observations after that year; *baseline_year* picks the
    baseline (default: the first observation in or after the plan's
    ``start_year``; a missing year falls back to the next one observed).
    *tier* is the owner's tier when the caller knows it (else it is looked up).
    *bands* sets how far from its target a figure may be and still be "as
    projected" (default: :class:`VerdictBands`' defaults).
    """
    owner = system.owner(owner) if isinstance(owner, str) else owner
    if tier is None and not isinstance(owner, Regional):
        tier = owner if isinstance(owner, Tier) else system.tier_of(owner)
    metric = system.metric(target.metric)
    direction = target.default_direction or metric.direction
    if target.figure is None:
        base = Assessment(owner, tier, target, direction, Status.NOT_QUANTIFIED, as_of)
        return _qualitative(owner, target, as_of, base)
    context = _Context(
        system,
        owner,
        target,
        target.figure,
        direction,
        as_of,
        baseline_year,
        policy or ConversionPolicy(),
        thresholds or Thresholds(),
        [],
        bands=bands or VerdictBands(),
    )
    partial = _partial_years(owner, target.metric, as_of)
    if partial:
        # Targets are annual: a figure for a part of a year is left out, and
        # named, and the latest is kept for reports to show.
        context.notes.append(_partial_note(partial, target.metric))
        context.latest_partial = partial[-1]
    kind = target.kind
    if kind is _LEVEL or kind is _COUNT:  # identity: an enum hashes in Python
        return _level_assessment(context, tier)
    base = Assessment(owner, tier, target, direction, Status.NOT_QUANTIFIED, as_of)
    result = _METHODS[target.kind](context, base)
    _estimate_notes(context.notes, (result.latest, result.baseline, *result.series))
    verdict, band = result.verdict, result.band
    if verdict is None:
        verdict, band = _verdict(context, result)
    return attrs.evolve(
        result,
        verdict=verdict,
        band=band,
        notes=tuple(context.notes),
        latest_partial=context.latest_partial,
    )


_Method = Callable[[_Context, Assessment], Assessment]
_METHODS: dict[TargetKind, _Method] = {
    # Levels and counts: _level_assessment.
    TargetKind.SHARE: _share_method,
    TargetKind.RATIO: _ratio_method,
    TargetKind.GROWTH: _growth_method,
    TargetKind.INCREMENT: _implied_level_method,
    TargetKind.REDUCTION: _implied_level_method,
    TargetKind.CAP: _cap_method,
    TargetKind.CUMULATIVE: _cumulative_method,
}


@attrs.frozen(repr=False)
class SystemAssessment:
    """Every target of a system assessed, with the consistency of its totals.

    ``str()`` of it is the report and the review as the command line prints
    them (:meth:`text` in Chinese too); its repr says what it holds.
    """

    system: IndustrialSystem
    results: tuple[Assessment, ...]
    mismatches: tuple[Mismatch, ...]
    as_of: int | None = None
    notes: tuple[str, ...] = ()
    """What the assessment left out as a whole: totals not compared for want
    of an exchange rate."""

    def __iter__(self) -> Iterator[Assessment]:
        return iter(self.results)

    def __len__(self) -> int:
        return len(self.results)

    def __repr__(self) -> str:
        name = self.system.name.best("en")
        when = "" if self.as_of is None else f", as of {self.as_of}"
        return (
            f"SystemAssessment({name!r}: {len(self.results)} targets, "
            f"{len(self.mismatches)} totals that do not add up{when})"
        )

    def __str__(self) -> str:
        return self.text()

    def text(self, lang: str = "en", width: int = 100) -> str:
        """The progress report and the review as the command line prints them,
        in English (``"en"``) or Chinese (``"zh"``), at most *width* cells wide."""
        return text_of(self, lang, width)

    def records(self) -> list[dict[str, Any]]:
        """One plain dict per target, ready for JSON or a DataFrame."""
        return [result.record() for result in self.results]

    def find(
        self,
        owner: str,
        metric: str | None = None,
        year: int | None = None,
        *,
        kind: TargetKind | TargetKindLike | None = None,
    ) -> Assessment:
        """The assessment of the target of *owner* (a tier's or an industry's
        id, or ``"region"``) for *metric* in *year*, of *kind* (a level and a
        share of one metric and year are two targets); any of these may be
        left out when one target of the owner matches the rest.

        >>> from industrial_plan import examples
        >>> result = assess(examples.xiamen()).find("strategic_emerging", year=2027)
        >>> result.target.metric, result.status.value
        ('total_scale', 'insufficient data')

        Raises:
            NotFoundError: if no target matches, or several do (the message
                lists the targets of the owner).
        """
        wanted_kind = None if kind is None else member_of(TargetKind, kind, "kind")
        of_owner = [r for r in self.results if r.owner.id == owner]
        found = [
            r
            for r in of_owner
            if (metric is None or r.target.metric == metric)
            and (year is None or r.target.year == year)
            and (wanted_kind is None or r.target.kind is wanted_kind)
        ]
        if len(found) == 1:
            return found[0]
        known = [
            f"{r.target.metric} {r.target.year} ({r.target.kind.value})"
            for r in of_owner
        ]
        given = (owner, metric, year, wanted_kind and wanted_kind.value)
        wanted = " ".join(str(p) for p in given if p is not None)
        what = "target" if not found else "single target (several match)"
        if not of_owner:
            owners = dict.fromkeys(r.owner.id for r in self.results)
            raise NotFoundError(owner, "owner of a target", list(owners))
        raise NotFoundError(wanted, what, known)

    def by_status(self) -> dict[Status, list[Assessment]]:
        """The assessments grouped by status."""
        groups: dict[Status, list[Assessment]] = {}
        for result in self.results:
            groups.setdefault(result.status, []).append(result)
        return groups

    def review(self) -> Review:
        """The plan summed up as a mid-term review does it: see :class:`Review`."""
        return Review(self.results, system=self.system)


def _owners_of(tier: Tier) -> tuple[Owner, ...]:
    return (tier, *tier.industries)


def assess(
    system: IndustrialSystem,
    *,
    as_of: int | None = None,
    baseline_year: int | None = None,
    policy: ConversionPolicy | None = None,
    thresholds: Thresholds | None = None,
    rtol: Decimal | str = Decimal("0.01"),
    atol: Decimal | str = Decimal(0),
    bands: VerdictBands | None = None,
    strict: bool = False,
) -> SystemAssessment:
    """Assess every target of every tier and industry, and check the totals.

    *bands* sets the band around each target within which a figure is "as
    projected" (:class:`VerdictBands`; its defaults when None).

    A target whose observations cannot be converted to its currency (no
    rate for the currency, or a year the rates do not cover) has the status
    "insufficient data", with a note naming the currency, the year and what
    to do; every other target is assessed.  A year the rates cover only in
    part (the current year) is converted at the average of the days they
    cover, and the note that gives the rate says so.  A total that cannot be
    summed for the same reason is not compared, and
    :attr:`SystemAssessment.notes` says which.  With *strict*, each of these
    raises instead (:class:`~industrial_plan.RateError`), and a year must be
    covered whole.

    >>> from industrial_plan import examples
    >>> report = assess(examples.xiamen())
    >>> [(r.owner.id, r.status.value) for r in report]  # doctest: +NORMALIZE_WHITESPACE
    [('pillar_clusters', 'insufficient data'),
     ('strategic_emerging', 'insufficient data'),
     ('future', 'not quantified')]
    """
    owners: list[tuple[Owner, Tier | None]] = [(system.regional, None)]
    owners += [(owner, tier) for tier in system.tiers for owner in _owners_of(tier)]
    # One policy and one set of thresholds for every target.
    policy = policy or ConversionPolicy()
    if strict and policy.partial_years:
        policy = attrs.evolve(policy, partial_years=False)
    thresholds = thresholds or Thresholds()
    assess_one = assess_target if strict else assess_or_note
    notes: list[str] = []
    bands = bands or VerdictBands()
    with without_cycle_collection():
        results = tuple(
            assess_one(
                system,
                owner,
                target,
                as_of=as_of,
                baseline_year=baseline_year,
                policy=policy,
                thresholds=thresholds,
                tier=tier,
                bands=bands,
            )
            for owner, tier in owners
            for target in owner.targets
        )
        mismatches = tuple(
            check_consistency(
                system,
                rtol=rtol,
                atol=atol,
                policy=policy,
                skipped=None if strict else notes,
            )
        )
        return SystemAssessment(system, results, mismatches, as_of, tuple(notes))


def assess_or_note(
    system: IndustrialSystem,
    owner: Owner | str,
    target: Target,
    *,
    as_of: int | None = None,
    baseline_year: int | None = None,
    policy: ConversionPolicy | None = None,
    thresholds: Thresholds | None = None,
    tier: Tier | None = None,
    bands: VerdictBands | None = None,
) -> Assessment:
    """:func:`assess_target`; a target whose figures have no exchange rate is
    "insufficient data", with a note that says why and what to do."""
    try:
        return assess_target(
            system,
            owner,
            target,
            as_of=as_of,
            baseline_year=baseline_year,
            policy=policy,
            thresholds=thresholds,
            tier=tier,
            bands=bands,
        )
    except RateError as error:
        owner = system.owner(owner) if isinstance(owner, str) else owner
        if tier is None and not isinstance(owner, Regional):
            tier = owner if isinstance(owner, Tier) else system.tier_of(owner)
        direction = target.default_direction or system.metric(target.metric).direction
        partial = _partial_years(owner, target.metric, as_of)
        notes = [unconverted_note(error)]
        if partial:  # named as the assessment names them
            notes.insert(0, _partial_note(partial, target.metric))
        return Assessment(
            owner,
            tier,
            target,
            direction,
            Status.INSUFFICIENT_DATA,
            as_of,
            notes=tuple(notes),
            latest_partial=partial[-1] if partial else None,
        )


def unconverted_note(error: RateError) -> str:
    """The note of a target left unassessed for want of an exchange rate."""
    said = "; ".join(getattr(error, "__notes__", ()))
    return f"{NOT_ASSESSED}{error}" + (f" ({said})" if said else "")


NOT_ASSESSED = "not assessed: "
"""How the note of a target left unassessed begins (reports list those notes)."""
