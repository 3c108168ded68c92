"""The owners of targets and observations: tiers, industries and the region.

A plan groups its industries into tiers (pillar clusters, strategic emerging
industries, future industries); a target or an observation belongs to a tier
as a whole, to one industry, or to the region-wide indicators such as GDP
(:class:`Regional`).  :data:`Owner` is any of the three.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeAlias

import attrs

from industrial_plan._errors import FieldError, instance_of
from industrial_plan._text import single_line

from .fields import _check_id, _items_are, tuple_of
from .names import Names, _to_names
from .targets import Observation, Target


@attrs.frozen
class ClassificationCode:
    """A code of an industry in a classification ("GB/T 4754-2017", "C27")."""

    scheme: str = attrs.field(validator=single_line)
    code: str = attrs.field(validator=single_line)


def _codes(value: Iterable[ClassificationCode]) -> tuple[ClassificationCode, ...]:
    return tuple_of(value, "codes", "ClassificationCode values")


def _targets(value: Iterable[Target]) -> tuple[Target, ...]:
    return tuple_of(value, "targets", "Target values")


def _observations(value: Iterable[Observation]) -> tuple[Observation, ...]:
    return tuple_of(value, "observations", "Observation values")


@attrs.frozen
class Industry:
    """One industry or industrial cluster within a tier.

    Attributes:
        id: stable id, unique in the whole system.
        name: its name in one or more languages.
        codes: codes in industry classifications.
        targets: its own targets.
        observations: its own reported values.
    """

    id: str = attrs.field(validator=_check_id)
    name: Names = attrs.field(converter=_to_names)
    codes: tuple[ClassificationCode, ...] = attrs.field(
        default=(),
        converter=_codes,
        validator=_items_are(ClassificationCode),
    )
    targets: tuple[Target, ...] = attrs.field(
        default=(),
        converter=_targets,
        validator=_items_are(Target),
    )
    observations: tuple[Observation, ...] = attrs.field(
        default=(),
        converter=_observations,
        validator=_items_are(Observation),
    )


def _industries(value: Iterable[Industry]) -> tuple[Industry, ...]:
    return tuple_of(value, "industries", "Industry values")


def _check_kind(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    single_line(instance, attribute, value)
    if not value:
        raise FieldError(
            "kind '' is empty: name the kind of tier, such as "
            f"{PILLAR_CLUSTER!r} or {FUTURE_INDUSTRY!r}",
            field="kind",
            value=value,
        )


PILLAR_CLUSTER = "pillar industrial cluster"
STRATEGIC_EMERGING = "strategic emerging industry"
FUTURE_INDUSTRY = "future industry"


@attrs.frozen
class Tier:
    """A tier of the system: a group of industries of one kind.

    A tier's targets and observations are for the tier as a whole, as plans
    often state them ("800 billion yuan for the four strategic emerging
    industries").

    Attributes:
        id: stable id, unique in the system.
        name: its name in one or more languages.
        kind: what the industries are (:data:`PILLAR_CLUSTER`,
            :data:`STRATEGIC_EMERGING`, :data:`FUTURE_INDUSTRY`, or any kind a
            plan names).
        industries: the industries of the tier.
        targets: targets for the tier as a whole.
        observations: reported values for the tier as a whole.
        open_ended: whether the plan leaves the list open ("X" future tracks,
            "and others"): the industries listed are examples, and the
            system's :attr:`~IndustrialSystem.formula` writes "X" for them.
    """

    id: str = attrs.field(validator=_check_id)
    name: Names = attrs.field(converter=_to_names)
    kind: str = attrs.field(validator=_check_kind)
    industries: tuple[Industry, ...] = attrs.field(
        default=(),
        converter=_industries,
        validator=_items_are(Industry),
    )
    targets: tuple[Target, ...] = attrs.field(
        default=(),
        converter=_targets,
        validator=_items_are(Target),
    )
    observations: tuple[Observation, ...] = attrs.field(
        default=(),
        converter=_observations,
        validator=_items_are(Observation),
    )
    open_ended: bool = attrs.field(
        default=False, kw_only=True, validator=instance_of(bool, "true or false")
    )


_REGION_NAME = Names({"en": "whole region", "zh": "全地区"})


@attrs.frozen
class Regional:
    """Indicators of the whole region that belong to no tier.

    Regional GDP, resident population, the value added of all industry above
    designated size, R&D intensity: plans state targets for them, and shares
    and ratios per head are taken of them.  In reports their owner is the
    region, with the id ``"region"``.

    Attributes:
        targets: targets for the region as a whole.
        observations: reported values for the region as a whole.
        name: how reports name the owner of these indicators.
    """

    targets: tuple[Target, ...] = attrs.field(
        default=(),
        converter=_targets,
        validator=_items_are(Target),
    )
    observations: tuple[Observation, ...] = attrs.field(
        default=(),
        converter=_observations,
        validator=_items_are(Observation),
    )
    name: Names = attrs.field(default=_REGION_NAME, converter=_to_names)

    @property
    def id(self) -> str:
        """Always ``"region"``: there is one region per plan."""
        return REGION


REGION = "region"
"""The owner id of region-wide indicators (:class:`Regional`)."""

Owner: TypeAlias = Tier | Industry | Regional
"""Whatever can own targets and observations: a tier, an industry, the region."""
