"""The industrial system: a whole plan, and the checks it runs when built.

Every class of the plan is a frozen attrs value.  Simple field checks run
when a value is built; checks that need the whole system (unique ids, links
between items, years inside the plan, units that fit their metric) run when an
:class:`IndustrialSystem` is built, and report every problem at once, each with
its field path (``tiers[1].industries[2].targets[0].year``): :func:`check`
runs them, the parts of them in :mod:`.system_checks`.
"""

from __future__ import annotations

import typing
from collections.abc import Iterable, Iterator
from typing import Any, Protocol, TypedDict, TypeVar, Unpack

import attrs

from industrial_plan._errors import (
    FieldError,
    NotFoundError,
    PlanValidationError,
    Problem,
    instance_of,
)
from industrial_plan._figures.source import Source

from .fields import _check_year, _items_are, tuple_of
from .metrics import BUILTIN_METRICS, Metric
from .names import NameLike, Names, _to_names
from .owners import REGION, ClassificationCode, Industry, Owner, Regional, Tier
from .roadmap import Enterprise, Policy, Roadmap, SpatialLayout, Zone
from .system_checks import _check_owner, _unique, _unique_names
from .targets import Observation, Target


def _tiers(value: Iterable[Tier]) -> tuple[Tier, ...]:
    return tuple_of(value, "tiers", "Tier values")


def _metrics(value: Iterable[Metric]) -> tuple[Metric, ...]:
    return tuple_of(value, "metrics", "Metric values")


def _sources(value: Iterable[Source]) -> tuple[Source, ...]:
    return tuple_of(value, "sources", "Source values")


class OwnerChanges(TypedDict, total=False):
    """What :meth:`IndustrialSystem.update` may change of a tier, an industry
    or the region (each takes the fields its class has)."""

    name: NameLike
    targets: Iterable[Target]
    observations: Iterable[Observation]
    industries: Iterable[Industry]
    codes: Iterable[ClassificationCode]
    kind: str
    open_ended: bool


@attrs.frozen
class IndustrialSystem:
    """A regional industrial system: tiers of industries with targets and progress.

    Building one checks the whole: ids unique in their scope, links that point
    at known ids, target years inside the plan, units that fit their metric,
    money that is not negative.  Every problem is reported at once in a
    :class:`PlanValidationError`.  Use :func:`attrs.evolve` or
    :meth:`update` for changes: they return a new, checked system.

    >>> from industrial_plan import examples
    >>> xiamen = examples.xiamen()
    >>> xiamen.formula
    '4+4+6'

    Attributes:
        name: the system's name in one or more languages.
        region: the region it belongs to.
        start_year: the plan's first year (its base year).
        end_year: the plan's last (target) year.
        tiers: the tiers, in the plan's order.
        metrics: metrics the plan defines beyond :data:`BUILTIN_METRICS`.
        roadmap: enterprises and policies by industry.
        layout: zones and the industries they host.
        sources: the documents the plan cites.
        regional: indicators of the whole region (GDP, population) with
            their targets and observations.
    """

    name: Names = attrs.field(converter=_to_names)
    region: Names = attrs.field(converter=_to_names)
    start_year: int = attrs.field(validator=_check_year)
    end_year: int = attrs.field(validator=_check_year)
    tiers: tuple[Tier, ...] = attrs.field(
        default=(),
        converter=_tiers,
        validator=_items_are(Tier),
    )
    metrics: tuple[Metric, ...] = attrs.field(
        default=(),
        converter=_metrics,
        validator=_items_are(Metric),
    )
    roadmap: Roadmap = attrs.field(
        factory=Roadmap, validator=instance_of(Roadmap, "a Roadmap")
    )
    layout: SpatialLayout = attrs.field(
        factory=SpatialLayout, validator=instance_of(SpatialLayout, "a SpatialLayout")
    )
    sources: tuple[Source, ...] = attrs.field(
        default=(),
        converter=_sources,
        validator=_items_are(Source),
    )
    regional: Regional = attrs.field(
        factory=Regional, validator=instance_of(Regional, "a Regional")
    )

    def __attrs_post_init__(self) -> None:
        problems = check(self)
        if problems:
            raise PlanValidationError(problems)

    # -- derived ---------------------------------------------------------------------

    @property
    def formula(self) -> str:
        """The tier sizes joined by '+': ``"4+4+6"`` for Xiamen.

        An open-ended tier counts as "X", as plans write it ("5+X").
        """
        return "+".join(
            "X" if tier.open_ended else str(len(tier.industries)) for tier in self.tiers
        )

    @property
    def industries(self) -> tuple[Industry, ...]:
        """Every industry of every tier, in order."""
        return tuple(industry for tier in self.tiers for industry in tier.industries)

    @property
    def all_metrics(self) -> tuple[Metric, ...]:
        """The built-in metrics followed by the plan's own."""
        return BUILTIN_METRICS + self.metrics

    # -- navigation ------------------------------------------------------------------

    def tier(self, key: str) -> Tier:
        """The tier with this id or name (any language, case ignored)."""
        return _find(self.tiers, key, "tier")

    def industry(self, key: str) -> Industry:
        """The industry with this id or name (any language, case ignored)."""
        return _find(self.industries, key, "industry")

    def owner(self, key: str) -> Owner:
        """The tier or industry with this id or name, or ``"region"``."""
        if key == REGION:
            return self.regional
        owners: tuple[Tier | Industry, ...] = (*self.tiers, *self.industries)
        try:
            return _find(owners, key, "tier or industry")
        except NotFoundError:
            if self.regional.name.matches(key):
                return self.regional
            raise

    def tier_of(self, industry: Industry | str) -> Tier:
        """The tier an industry belongs to."""
        wanted = industry if isinstance(industry, str) else industry.id
        for tier in self.tiers:
            if any(item.id == wanted for item in tier.industries):
                return tier
        raise NotFoundError(wanted, "industry", [i.id for i in self.industries])

    def metric(self, key: str) -> Metric:
        """The metric with this id or name, plan metrics before built-in ones."""
        return _find((*self.metrics, *BUILTIN_METRICS), key, "metric")

    def owners(self) -> Iterator[Owner]:
        """The region, then every tier followed by its industries, in plan order."""
        yield self.regional
        for tier in self.tiers:
            yield tier
            yield from tier.industries

    def targets(self) -> Iterator[tuple[Owner, Target]]:
        """Every target with its owner (tier or industry)."""
        for owner in self.owners():
            for target in owner.targets:
                yield owner, target

    def observations(self) -> Iterator[tuple[Owner, Observation]]:
        """Every observation with its owner (tier or industry)."""
        for owner in self.owners():
            for observation in owner.observations:
                yield owner, observation

    # -- changes ---------------------------------------------------------------------

    def update(self, key: str, **changes: Unpack[OwnerChanges]) -> IndustrialSystem:
        """A new system in which the tier or industry *key* has *changes*
        (the fields of :class:`OwnerChanges`; a field its owner lacks, such as
        ``industries`` of an industry, is a :class:`FieldError`).

        >>> from industrial_plan import examples
        >>> xiamen = examples.xiamen()
        >>> renamed = xiamen.update("biomedicine", name="Biomedicine and health")
        >>> str(renamed.industry("biomedicine").name)
        'Biomedicine and health'
        """
        target = self.owner(key)
        fields = attrs.fields_dict(type(target))
        unknown = [name for name in changes if name not in fields]
        if unknown:
            raise FieldError(
                f"update({key!r}): the {type(target).__name__.lower()} has no "
                f"field {unknown[0]!r}; change {', '.join(sorted(fields))}",
                field=unknown[0],
                value=changes[unknown[0]],  # type: ignore[literal-required]
            )
        # Each field was checked to belong to the owner's class just above.
        changed: Owner = attrs.evolve(target, **typing.cast(dict[str, Any], changes))
        if isinstance(changed, Regional):
            return attrs.evolve(self, regional=changed)
        return attrs.evolve(self, tiers=_replace_owner(self.tiers, target, changed))

    def with_observation(self, key: str, observation: Observation) -> IndustrialSystem:
        """A new system with *observation* added to the tier or industry *key*.

        Only the checks that one more observation can fail run again (those
        of its owner), so adding to a large plan costs little.
        """
        owner = self.owner(key)
        changed = attrs.evolve(owner, observations=(*owner.observations, observation))
        return self._with_owner(owner, changed)

    def with_target(self, key: str, target: Target) -> IndustrialSystem:
        """A new system with *target* added to the tier or industry *key*.

        Only the checks that one more target can fail run again (those of its
        owner), so adding to a large plan costs little.
        """
        owner = self.owner(key)
        changed = attrs.evolve(owner, targets=(*owner.targets, target))
        return self._with_owner(owner, changed)

    def _with_owner(self, owner: Owner, changed: Owner) -> IndustrialSystem:
        """This system with *owner* replaced by *changed*, which differs from it
        in its targets or observations only.

        The whole-plan checks of targets and observations look at one owner
        at a time, and this system passed them all when it was built: only
        the changed owner's checks can find anything new.
        """
        metrics = {m.id: m for m in (*BUILTIN_METRICS, *self.metrics)}
        problems: list[Problem] = []
        path = _path_of(self, owner)
        _check_owner(problems, path, changed, self.start_year, metrics)
        if problems:
            raise PlanValidationError(problems)
        if isinstance(changed, Regional):
            return _unchecked_copy(self, regional=changed)
        return _unchecked_copy(self, tiers=_replace_owner(self.tiers, owner, changed))


def _path_of(system: IndustrialSystem, owner: Owner) -> str:
    """The field path of a tier, an industry or the region-wide indicators."""
    if owner is system.regional:
        return "regional"
    for t, tier in enumerate(system.tiers):
        if tier is owner:
            return f"tiers[{t}]"
        for n, industry in enumerate(tier.industries):
            if industry is owner:
                return f"tiers[{t}].industries[{n}]"
    raise NotFoundError(str(getattr(owner, "id", owner)), "owner", [])


def _replace_owner(
    tiers: tuple[Tier, ...], owner: Owner, changed: Owner
) -> tuple[Tier, ...]:
    """*tiers* with the tier or industry *owner* replaced by *changed*: a new
    tier where it was, the same tiers elsewhere."""
    replaced = list(tiers)
    for t, tier in enumerate(replaced):
        if tier is owner:
            replaced[t] = typing.cast(Tier, changed)
        elif any(industry is owner for industry in tier.industries):
            industries = tuple(
                typing.cast(Industry, changed) if industry is owner else industry
                for industry in tier.industries
            )
            replaced[t] = attrs.evolve(tier, industries=industries)
    return tuple(replaced)


def _unchecked_copy(system: IndustrialSystem, **changes: Any) -> IndustrialSystem:
    """*system* with *changes*, without the whole-plan checks: for changes the
    caller has checked (see :meth:`IndustrialSystem._with_owner`)."""
    copy = object.__new__(IndustrialSystem)
    for field in attrs.fields(IndustrialSystem):
        value = changes.get(field.name, getattr(system, field.name))
        object.__setattr__(copy, field.name, value)
    return copy


class _Named(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> Names: ...


_T = TypeVar("_T", bound=_Named)


def _find(items: Iterable[_T], key: str, what: str) -> _T:
    pool = list(items)
    for item in pool:
        if item.id == key:
            return item
    for item in pool:
        if item.name.matches(key):
            return item
    raise NotFoundError(key, what, [item.id for item in pool])


# -- whole-system checks ---------------------------------------------------------------


def plan_notes(system: IndustrialSystem) -> list[Problem]:
    """What a valid plan states that a reader may want pointed out.

    Targets and observations after the plan's ``end_year`` are allowed: a
    2021-2025 plan may state a long-range goal for 2035, and a review after
    the plan reports figures for later years; both are assessed like any
    other.  ``industrial-plan validate`` lists them as notes, with their lines.

    >>> from industrial_plan import Target, examples, parse_figure
    >>> plan = examples.xiamen().with_target(
    ...     "future", Target("total_scale", 2035, parse_figure("1万亿元")))
    >>> (note,) = plan_notes(plan)
    >>> note.path
    'tiers[2].targets[1].year'
    >>> note.message  # doctest: +ELLIPSIS
    "target year 2035 is after the plan's end_year 2027: a long-range goal, ..."
    """
    found: list[Problem] = []
    end = system.end_year
    owners: list[tuple[str, Owner]] = [("regional", system.regional)]
    for t, tier in enumerate(system.tiers):
        owners.append((f"tiers[{t}]", tier))
        owners += [
            (f"tiers[{t}].industries[{i}]", industry)
            for i, industry in enumerate(tier.industries)
        ]
    for path, owner in owners:
        found += [
            Problem(
                f"{path}.targets[{k}].year",
                f"target year {target.year} is after the plan's end_year {end}: "
                "a long-range goal, assessed like any other",
            )
            for k, target in enumerate(owner.targets)
            if target.year > end
        ]
        found += [
            Problem(
                f"{path}.observations[{k}].year",
                f"observation of {observation.year} is after the plan's end_year "
                f"{end}: a figure reported after the plan, assessed like any other",
            )
            for k, observation in enumerate(owner.observations)
            if observation.year > end
        ]
    return found


def check(system: IndustrialSystem) -> list[Problem]:
    """Every problem of *system* that its parts cannot see on their own.

    :class:`IndustrialSystem` runs this when built; it is public so that tools
    can list problems of a system assembled by other means.
    """
    problems: list[Problem] = []
    add = problems.append
    if system.end_year < system.start_year:
        add(
            Problem(
                "end_year",
                f"{system.end_year} is before start_year {system.start_year}",
            )
        )

    # A plan may redefine a built-in metric, but not define one twice.
    _unique(problems, "metrics", system.metrics, "metric")
    metrics = {m.id: m for m in (*BUILTIN_METRICS, *system.metrics)}

    _unique(problems, "tiers", system.tiers, "tier")
    owners: dict[str, str] = {
        tier.id: f"tiers[{t}]" for t, tier in enumerate(system.tiers)
    }
    industry_paths: dict[str, str] = {}
    for t, tier in enumerate(system.tiers):
        for n, industry in enumerate(tier.industries):
            path = f"tiers[{t}].industries[{n}]"
            if industry.id in industry_paths or industry.id in owners:
                first = industry_paths.get(industry.id) or owners[industry.id]
                add(
                    Problem(
                        f"{path}.id",
                        f"duplicate id {industry.id!r}, first used at {first}",
                    )
                )
            else:
                industry_paths[industry.id] = path
    _unique_names(problems, [(f"tiers[{t}]", x) for t, x in enumerate(system.tiers)])
    _unique_names(
        problems,
        [
            (f"tiers[{t}].industries[{n}]", x)
            for t, tier in enumerate(system.tiers)
            for n, x in enumerate(tier.industries)
        ],
    )

    _check_owner(problems, "regional", system.regional, system.start_year, metrics)
    for t, tier in enumerate(system.tiers):
        _check_owner(problems, f"tiers[{t}]", tier, system.start_year, metrics)
        for n, industry in enumerate(tier.industries):
            path = f"tiers[{t}].industries[{n}]"
            _check_owner(problems, path, industry, system.start_year, metrics)

    linkable = set(owners) | set(industry_paths)
    groups: tuple[tuple[str, tuple[Enterprise | Policy | Zone, ...]], ...] = (
        ("roadmap.enterprises", system.roadmap.enterprises),
        ("roadmap.policies", system.roadmap.policies),
        ("layout.zones", system.layout.zones),
    )
    for group, items in groups:
        _unique(problems, group, items, group.split(".")[1][:-1])
        for i, item in enumerate(items):
            for j, link in enumerate(item.industries):
                if link not in linkable:
                    add(
                        Problem(
                            f"{group}[{i}].industries[{j}]",
                            f"{item.id!r} links to {link!r}, which is not the id of "
                            "any tier or industry",
                        )
                    )
    _unique(problems, "sources", system.sources, "source", required=False)
    return problems
