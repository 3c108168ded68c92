"""The roadmap and the spatial layout: enterprises, policies and zones.

Each links to the tiers or industries it concerns by their ids; the links
are checked when the whole system is built (:func:`.system.check`).
"""

from __future__ import annotations

import enum
from typing import Any

import attrs

from industrial_plan._figures.source import Source
from industrial_plan._text import free_text, single_line

from .fields import _as_tuple, _check_id, _items_are, member_of
from .names import Names, _to_names


class EnterpriseRole(enum.Enum):
    """An enterprise's place on the roadmap."""

    LEADING = "leading enterprise"
    INVESTMENT_TARGET = "investment target"


def _role(value: Any) -> EnterpriseRole:
    return member_of(EnterpriseRole, value)


@attrs.frozen
class Enterprise:
    """An enterprise on the roadmap, linked to its industries (or tiers)."""

    id: str = attrs.field(validator=_check_id)
    name: Names = attrs.field(converter=_to_names)
    role: EnterpriseRole = attrs.field(converter=_role)
    industries: tuple[str, ...] = attrs.field(default=(), converter=_as_tuple)
    source: Source | None = None


@attrs.frozen
class Policy:
    """A policy on the roadmap, linked to the industries (or tiers) it serves."""

    id: str = attrs.field(validator=_check_id)
    name: Names = attrs.field(converter=_to_names)
    industries: tuple[str, ...] = attrs.field(default=(), converter=_as_tuple)
    description: str | None = attrs.field(default=None, validator=free_text)
    source: Source | None = None


@attrs.frozen
class Zone:
    """A place in the spatial layout (district, industrial park) and what it hosts."""

    id: str = attrs.field(validator=_check_id)
    name: Names = attrs.field(converter=_to_names)
    kind: str = attrs.field(default="industrial park", validator=single_line)
    industries: tuple[str, ...] = attrs.field(default=(), converter=_as_tuple)
    source: Source | None = None


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
    source: Source | None = None
    enterprises: tuple[Enterprise, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_items_are(Enterprise)
    )
    policies: tuple[Policy, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_items_are(Policy)
    )


@attrs.frozen
class SpatialLayout:
    """The spatial layout of industries: which zone hosts which industries."""

    summary: str | None = attrs.field(default=None, validator=free_text)
    source: Source | None = None
    zones: tuple[Zone, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_items_are(Zone)
    )
