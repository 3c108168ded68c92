"""A figure found in a document, with what the words around it say.

:func:`~industrial_plan.find_figures` returns these; each holds the figure
read exactly as :func:`~industrial_plan.parse_figure` reads its own words,
and the context the document gives it: the indicator it is about, its years,
a part of a year, whether it is aimed at or happened, and whether it is an
estimate.  Where the text does not say, a field is ``None`` rather than a
guess.
"""

from __future__ import annotations

import enum

import attrs

from industrial_plan._errors import FieldError, instance_of

from .figure import Figure
from .period import Period


class Role(enum.Enum):
    """Whether a found figure is aimed at or happened."""

    TARGET = "target"
    """What a plan aims at: 到2025年, 力争, 确保, "by 2027", "aim to"."""
    OBSERVATION = "observation"
    """What happened: 比上年增长, 完成, "reached", "grew", a past year's figure."""


def _non_negative(
    instance: object, attribute: attrs.Attribute[int], value: int
) -> None:
    if type(value) is not int or value < 0:
        raise FieldError(f"{attribute.name} {value!r} is not an offset in the text")


@attrs.frozen
class FoundFigure:
    """One figure of a document, where it stands and what the text says of it.

    Attributes:
        start: offset of the figure's first character in the text.
        end: offset just past its last; ``text[start:end]`` are the figure's
            own words, which :func:`~industrial_plan.parse_figure` reads as
            :attr:`figure`.
        figure: the figure, with its unit, qualifier, change, base year,
            share, ratio per head and counted noun.
        subject: the indicator the figure is about, as written
            ("研发经费投入强度", "industrial investment"), or None.
        year: the year the figure is for (到2025年, "in 2023"), or None.
        base_year: the year it is compared with or changes from (比上年 of a
            report on 2023 is 2022; "from 2019 to"), or None.
        period: the part of the year it covers (一季度, "January-August"),
            or None for a whole year or when the text does not say.
        role: a target or an observation, or None when the text does not say.
        estimate: true when the text marks it as an estimate (预计, 初步核算,
            "preliminary", "estimated").
        ratio: for a term of a ratio stated as "0.5:43:56.5", its place and
            the number of terms (``(2, 3)``); None for other figures.
        line: the line of the text the figure starts on, from 1.
        quote: the sentence the figure stands in, as written, trimmed.
    """

    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field(validator=_non_negative)
    figure: Figure = attrs.field(validator=instance_of(Figure, "a Figure"))
    subject: str | None = None
    year: int | None = None
    base_year: int | None = None
    period: Period | None = None
    role: Role | None = None
    estimate: bool = False
    ratio: tuple[int, int] | None = None
    line: int = 1
    quote: str = ""

    def __attrs_post_init__(self) -> None:
        if self.end <= self.start:
            raise FieldError(
                f"found figure ends at {self.end}, not after its start {self.start}"
            )


_new = object.__new__
# The slots' own setters, called one by one: what attrs' __init__ does, less
# its checks.
(
    _set_start,
    _set_end,
    _set_figure,
    _set_subject,
    _set_year,
    _set_base_year,
    _set_period,
    _set_role,
    _set_estimate,
    _set_ratio,
    _set_line,
    _set_quote,
) = (FoundFigure.__dict__[field.name].__set__ for field in attrs.fields(FoundFigure))


def found_figure(
    start: int,
    end: int,
    figure: Figure,
    subject: str | None,
    year: int | None,
    base_year: int | None,
    period: Period | None,
    role: Role | None,
    estimate: bool,
    ratio: tuple[int, int] | None,
    line: int,
    quote: str,
) -> FoundFigure:
    """A :class:`FoundFigure` the reader built, without running its checks.

    The reader gives offsets of a match in the text (``0 <= start < end``),
    a figure ``parse_figure`` read, and a line counted from 1: what the checks
    would pass.  Checking each of 150,000 figures a megabyte of dense text
    costs a tenth of reading them.  The arguments are the fields, in order.
    """
    found: FoundFigure = _new(FoundFigure)
    _set_start(found, start)
    _set_end(found, end)
    _set_figure(found, figure)
    _set_subject(found, subject)
    _set_year(found, year)
    _set_base_year(found, base_year)
    _set_period(found, period)
    _set_role(found, role)
    _set_estimate(found, estimate)
    _set_ratio(found, ratio)
    _set_line(found, line)
    _set_quote(found, quote)
    return found
