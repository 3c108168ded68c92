"""The roadmap and the spatial layout: enterprises, policies and zones.

Each links to the tiers or industries it concerns by their ids; the links
are checked when the whole system is built (:func:`.system.check`).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Literal

import attrs

from industrial_plan._errors import instance_of
from industrial_plan._figures.source import Source
from industrial_plan._text import free_text, single_line

from .fields import _check_id, _items_are, member_of, tuple_of
from .names import Names, _to_names


class EnterpriseRole(enum.Enum):
    """An enterprise's place on the roadmap."""

    LEADING = "leading enterprise"
    INVESTMENT_TARGET = "investment target"


def _role(
    value: EnterpriseRole | Literal["leading enterprise", "investment target"],
) -> EnterpriseRole:
    return member_of(EnterpriseRole, value, "role")


def _industries(value: Iterable[str]) -> tuple[str, ...]:
    return tuple_of(value, "industries", "industry or tier ids (text)")


_optional_source = instance_of(
    Source, "a Source (industrial_plan.Source(title=...)) or None", optional=True
)


@attrs.frozen
class Enterprise:
    """An enterprise on the roadmap, linked to its industries (or tiers)."""

    id: str = attrs.field(validator=_check_id)
    name: Names = attrs.field(converter=_to_names)
    role: EnterpriseRole = attrs.field(converter=_role)
    industries: tuple[str, ...] = attrs.field(default=(), converter=_industries)
    source: Source | None = attrs.field(default=None, validator=_optional_source)


@attrs.frozen
class Policy:
    """A policy on the roadmap, linked to the industries (or tiers) it serves."""

    id: str = attrs.field(validator=_check_id)
    name: Names = attrs.field(converter=_to_names)
    industries: tuple[str, ...] = attrs.field(default=(), converter=_industries)
    description: str | None = attrs.field(default=None, validator=free_text)
    source: Source | None = attrs.field(default=None, validator=_optional_source)


@attrs.frozen
class Zone:
    """A place in the spatial layout (district, industrial park) and what it hosts."""

    id: str = attrs.field(validator=_check_id)
    name: Names = attrs.field(converter=_to_names)
    kind: str = attrs.field(default="industrial park", validator=single_line)
    industries: tuple[str, ...] = attrs.field(default=(), converter=_industries)
    source: Source | None = attrs.field(default=None, validator=_optional_source)


def _enterprises(value: Iterable[Enterprise]) -> tuple[Enterprise, ...]:
    return tuple_of(value, "enterprises", "Enterprise values")


def _policies(value: Iterable[Policy]) -> tuple[Policy, ...]:
    return tuple_of(value, "policies", "Policy values")


@attrs.frozen
class Roadmap:
    """The industrial development roadmap: enterprises and policies by industry.

    Attributes:
        summary: what the roadmap is, in the plan's own terms (paraphrased).
        source: where it is described.
        enterprises: leading enterprises and investment targets.
        policies: the policies and the industries they serve.
    """

    summary: str | None = attrs.field(default=None, validator=free_text)
    source: Source | None = attrs.field(default=None, validator=_optional_source)
    enterprises: tuple[Enterprise, ...] = attrs.field(
        default=(),
        converter=_enterprises,
        validator=_items_are(Enterprise),
    )
    policies: tuple[Policy, ...] = attrs.field(
        default=(),
        converter=_policies,
        validator=_items_are(Policy),
    )


def _zones(value: Iterable[Zone]) -> tuple[Zone, ...]:
    return tuple_of(value, "zones", "Zone values")


@attrs.frozen
class SpatialLayout:
    """The spatial layout of industries: which zone hosts which industries."""

    summary: str | None = attrs.field(default=None, validator=free_text)
    source: Source | None = attrs.field(default=None, validator=_optional_source)
    zones: tuple[Zone, ...] = attrs.field(
        default=(),
        converter=_zones,
        validator=_items_are(Zone),
    )
