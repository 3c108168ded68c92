"""The plan summed up as a mid-term review does it.

:class:`Review` counts targets in the groups of :class:`Standing` ("already
met", "progressing well", "lagging"), by status, kind and indicator type, and
lists the lagging ones worst first.  Its text lives in ``_outputs.review``.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any

import attrs

from industrial_plan._plan.judgement import JudgementOutcome
from industrial_plan._plan.targets import IndicatorType, TargetKind

from .results import Assessment, Status


class Standing(enum.Enum):
    """The groups a mid-term review counts targets in."""

    MET = "already met"
    """Achieved, or within its cap."""
    WELL = "progressing well"
    """On track."""
    LAGGING = "lagging"
    """Behind its path, moving away, past its year unmet, or over its cap."""
    NO_DATA = "insufficient data"
    """Not enough observations to say."""
    NOT_QUANTIFIED = "not quantified"
    """A qualitative aim: listed with its statement, not graded."""

    @property
    def chinese(self) -> str:
        """The group's name in Chinese."""
        return _STANDING_CHINESE[self]

    @classmethod
    def of(cls, status: Status) -> Standing:
        """The group a status falls in."""
        return _STANDINGS[status]


_STANDING_CHINESE = {
    Standing.MET: "已完成",
    Standing.WELL: "进展顺利",
    Standing.LAGGING: "滞后",
    Standing.NO_DATA: "数据不足",
    Standing.NOT_QUANTIFIED: "定性目标",
}
_STANDINGS = {
    Status.ACHIEVED: Standing.MET,
    Status.WITHIN_CAP: Standing.MET,
    Status.ON_TRACK: Standing.WELL,
    Status.ACCELERATION_NEEDED: Standing.LAGGING,
    Status.LIMITED_PROGRESS: Standing.LAGGING,
    Status.DETERIORATION: Standing.LAGGING,
    Status.NOT_ACHIEVED: Standing.LAGGING,
    Status.CAP_EXCEEDED: Standing.LAGGING,
    Status.INSUFFICIENT_DATA: Standing.NO_DATA,
    Status.NOT_QUANTIFIED: Standing.NOT_QUANTIFIED,
}
# Worst first: what a planning office looks at before the rest.
_URGENCY = {
    Status.NOT_ACHIEVED: 0,
    Status.CAP_EXCEEDED: 1,
    Status.DETERIORATION: 2,
    Status.LIMITED_PROGRESS: 3,
    Status.ACCELERATION_NEEDED: 4,
}
_TYPE_ORDER = {IndicatorType.BINDING: 0, IndicatorType.ANTICIPATORY: 1, None: 2}


# How reviews and assessments are written as text: the outputs wing, a floor
# above, registers its writers when it loads (the package always loads it),
# so that ``str(review)`` reads as the command line prints it.
_WRITERS: dict[type, Callable[[Any, str, int], str]] = {}


def register_text(kind: type, writer: Callable[[Any, str, int], str]) -> None:
    """Make *writer* (value, lang, width) write values of *kind* as text."""
    _WRITERS[kind] = writer


def text_of(value: object, lang: str = "en", width: int = 100) -> str:
    """*value* as text by its registered writer (its repr if none is)."""
    writer = _WRITERS.get(type(value))
    return repr(value) if writer is None else writer(value, lang, width)


@attrs.frozen(repr=False)
class Review:
    """A plan summed up the way mid-term reviews of Chinese plans do.

    "Of 32 indicators, 14 already met, 17 progressing well, 1 lagging":
    :meth:`by_standing` counts the targets in those groups; :meth:`by_status`
    and :meth:`by_kind` count them by status and by kind; binding and
    anticipatory indicators are counted apart by :meth:`by_type`;
    :attr:`qualitative` lists the aims without a number, with their
    statements, and :meth:`by_judgement` counts the judged ones apart from
    the unjudged; :attr:`attention` lists the lagging targets worst first,
    binding ones first within each status.  Every count adds up to the
    number of targets.
    """

    results: tuple[Assessment, ...]
    system: Any = attrs.field(default=None, kw_only=True, eq=False)
    """The plan reviewed (an :class:`~industrial_plan.IndustrialSystem`), for
    its names in the text; ``None`` when the review was built from results."""

    def __len__(self) -> int:
        return len(self.results)

    def __repr__(self) -> str:
        counts = ", ".join(
            f"{n} {standing.value}" for standing, n in self.by_standing().items() if n
        )
        return f"Review({len(self.results)} targets: {counts or 'none'})"

    def __str__(self) -> str:
        return self.text()

    def text(self, lang: str = "en", width: int = 100) -> str:
        """The review as the command line prints it, in English (``"en"``) or
        Chinese (``"zh"``), lines at most *width* cells wide."""
        return text_of(self, lang, width)

    def by_standing(self) -> dict[Standing, int]:
        """Targets per group, in the order of :class:`Standing` (empty ones too)."""
        counts = dict.fromkeys(Standing, 0)
        for result in self.results:
            counts[Standing.of(result.status)] += 1
        return counts

    def by_status(self) -> dict[Status, int]:
        """Targets per status, in the order of :class:`Status` (non-zero only)."""
        counts = dict.fromkeys(Status, 0)
        for result in self.results:
            counts[result.status] += 1
        return {status: n for status, n in counts.items() if n}

    def by_kind(self) -> dict[TargetKind, int]:
        """Targets per kind, in the order of :class:`TargetKind` (non-zero only)."""
        counts = dict.fromkeys(TargetKind, 0)
        for result in self.results:
            counts[result.target.kind] += 1
        return {kind: n for kind, n in counts.items() if n}

    def by_type(self) -> dict[IndicatorType | None, dict[Standing, int]]:
        """Groups counted apart for binding, anticipatory and untyped indicators."""
        table: dict[IndicatorType | None, dict[Standing, int]] = {}
        for kind in (*IndicatorType, None):
            members = [r for r in self.results if r.target.indicator_type is kind]
            if members:
                table[kind] = Review(tuple(members)).by_standing()
        return table

    @property
    def qualitative(self) -> tuple[Assessment, ...]:
        """The aims without a number, to list with their statements."""
        return tuple(r for r in self.results if r.target.figure is None)

    def by_judgement(self) -> dict[JudgementOutcome | None, int]:
        """Qualitative aims per judgement (met, partly met, not met), then the
        unjudged ones (``None``); non-zero only, in that order."""
        counts: dict[JudgementOutcome | None, int] = dict.fromkeys(
            (*JudgementOutcome, None), 0
        )
        for result in self.qualitative:
            judgement = result.judgement
            counts[judgement.outcome if judgement else None] += 1
        return {outcome: n for outcome, n in counts.items() if n}

    @property
    def attention(self) -> tuple[Assessment, ...]:
        """The lagging targets, worst status first, binding before anticipatory."""
        lagging = [r for r in self.results if r.status in _URGENCY]
        return tuple(
            sorted(
                lagging,
                key=lambda r: (
                    _URGENCY[r.status],
                    _TYPE_ORDER[r.target.indicator_type],
                ),
            )
        )

    def record(self) -> dict[str, Any]:
        """The review as plain data: counts by group, status, kind and type."""
        return {
            "targets": len(self.results),
            "by_standing": {s.value: n for s, n in self.by_standing().items()},
            "by_status": {s.value: n for s, n in self.by_status().items()},
            "by_kind": {k.value: n for k, n in self.by_kind().items()},
            "by_type": {
                (k.value if k else "unspecified"): {s.value: n for s, n in v.items()}
                for k, v in self.by_type().items()
            },
            "qualitative": [
                {
                    "owner_id": r.owner.id,
                    "metric": r.target.metric,
                    "statement": r.target.statement_in("en"),
                    "judgement": r.judgement.outcome.value if r.judgement else None,
                }
                for r in self.qualitative
            ],
            "by_judgement": {
                (k.value if k else "not judged"): n
                for k, n in self.by_judgement().items()
            },
            "attention": [
                {
                    "owner_id": r.owner.id,
                    "metric": r.target.metric,
                    "year": r.target.year,
                    "status": r.status.value,
                    "indicator_type": r.target.indicator_type.value
                    if r.target.indicator_type
                    else None,
                }
                for r in self.attention
            ],
        }
