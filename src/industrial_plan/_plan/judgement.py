"""An office's judgement of a qualitative aim: met, partly met or not met.

Reviews judge aims such as "overall stability" in words, often beside an
observed figure.  A :class:`Judgement` records that assessment, with the
document and words that state it, on the aim (:attr:`Target.judgement`) or
on an observation of its metric for the aim's year.
"""

from __future__ import annotations

import enum

import attrs

from industrial_plan._errors import FieldError, instance_of
from industrial_plan._figures.source import Source


class JudgementOutcome(enum.Enum):
    """What an office judged of a qualitative aim."""

    MET = "met"
    PARTLY_MET = "partly met"
    NOT_MET = "not met"

    @property
    def chinese(self) -> str:
        """已实现, 部分实现 or 未实现."""
        return _CHINESE[self]


_CHINESE = {
    JudgementOutcome.MET: "已实现",
    JudgementOutcome.PARTLY_MET: "部分实现",
    JudgementOutcome.NOT_MET: "未实现",
}


def _outcome(value: object) -> JudgementOutcome:
    if isinstance(value, JudgementOutcome):
        return value
    for outcome in JudgementOutcome:
        if value in (outcome.value, outcome.chinese, outcome.name):
            return outcome
    known = ", ".join(repr(o.value) for o in JudgementOutcome)
    raise FieldError(
        f"outcome {value!r} of a judgement is not one of {known}",
        field="outcome",
        value=value,
    )


@attrs.frozen
class Judgement:
    """An office's assessment of a qualitative aim.

    Attributes:
        outcome: met, partly met or not met (a :class:`JudgementOutcome`,
            or its value: ``"met"``, ``"partly met"``, ``"not met"``).
        source: the document that states it, with the words (``quote``).
    """

    outcome: JudgementOutcome = attrs.field(converter=_outcome)
    source: Source | None = attrs.field(
        default=None,
        validator=instance_of(Source, "a Source or None", optional=True),
    )
