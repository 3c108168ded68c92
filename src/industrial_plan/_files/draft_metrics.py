"""The metrics a draft plan adds: their ids, kinds and directions.

:mod:`.draft` matches each subject of a document to a metric the plan
knows; any other subject becomes a new metric, made here from the subject's
words and its figures (the rules are in :mod:`.draft`'s docstring and the
how-to "Draft a plan from a document").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Final

from industrial_plan._figures.forms import Change, is_percent
from industrial_plan._figures.found import FoundFigure, Role
from industrial_plan._figures.qualifier import Qualifier
from industrial_plan._money.units import currency_of, in_base_units, unit_text, ureg
from industrial_plan._plan.metrics import COUNT, MONEY, PERCENT, Direction, Metric

GROWTH: Final = frozenset({Change.GROWTH, Change.AVERAGE_GROWTH})
_CEILINGS: Final = frozenset({Qualifier.AT_MOST, Qualifier.LESS_THAN})
CJK: Final = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_NOT_ID: Final = re.compile(r"[^a-z0-9]+")
_LONGEST_ID: Final = 60
# What a comment, a name or a quote cannot hold: control characters,
# surrogates, and the line breaks YAML reads in a comment (NEL, LS, PS).
_UNPRINTABLE: Final = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]+")
_DIMENSIONS: Final = (
    "[power]",
    "[energy]",
    "[mass]",
    "[length]",
    "[area]",
    "[volume]",
    "[time]",
)
# A metric with no level stated: its kind from its name.  Amounts per unit
# (单位地区生产总值能耗, energy per unit of GDP) are plain numbers, though the
# name holds money's words; rates come before money (研发经费投入强度 is a
# rate, though 经费 is money).
_PER_UNIT_WORDS: Final = re.compile(
    r"^单位|能耗|排放|\bper unit\b|emissions?|energy (?:use|consumption)",
    re.IGNORECASE,
)
_RATE_WORDS: Final = re.compile(
    r"率|强度|比重|占比|比例|指数|\brates?\b|intensity|\bshares?\b|ratio|index"
    r"|proportion",
    re.IGNORECASE,
)
_MONEY_WORDS: Final = re.compile(
    r"增加值|产值|投资|收入|营收|总值|总额|出口|进口|消费|零售|销售|经费|税收|利润"
    r"|金额|\bGDP\b|value added|investment|revenue|output|sales|exports?|imports?"
    r"|spending|income|profits?|consumption|retail|expenditure|turnover",
    re.IGNORECASE,
)


def new_metric(
    provisional: str, subject: str, figures: Sequence[FoundFigure]
) -> tuple[Metric, bool]:
    """A new metric for *subject*, with the id *provisional*, and whether its
    kind is guessed from its name; *figures* are the subject's figures."""
    kind = next((k for k in map(level_kind, figures) if k is not None), None)
    if kind is None and any(map(_capped_percent, figures)):
        kind = PERCENT  # a cap is checked against the metric's own kind
    guessed = kind is None
    description = None
    if kind is None:
        kind = kind_from_name(subject)
        description = (
            f"kind {kind!r} guessed from the name: the document states no "
            "level of it, only growth, shares or changes in percent"
        )
    targets = [f for f in figures if f.role is Role.TARGET]
    lower = bool(targets) and all(
        f.figure.change is Change.REDUCTION or f.figure.qualifier in _CEILINGS
        for f in targets
    )
    language = "zh" if CJK.search(subject) else "en"
    metric = Metric(
        provisional,
        {language: subject},
        kind,
        Direction.LOWER if lower else Direction.HIGHER,
        description,
    )
    return metric, guessed


def by_subject(found: Iterable[FoundFigure]) -> dict[str, list[FoundFigure]]:
    """The figures of each subject (by :func:`key`), ratio terms left out."""
    figures: dict[str, list[FoundFigure]] = {}
    for item in found:
        if item.subject and item.ratio is None:
            figures.setdefault(key(item.subject), []).append(item)
    return figures


def level_kind(found: FoundFigure) -> str | None:
    """The metric kind a figure's unit states, or None if it states no level
    (growth, a share, a change in percent or percentage points)."""
    figure = found.figure
    if figure.share_of is not None or figure.change in GROWTH:
        return None
    quantity = figure.quantity
    points = "percentage_point" in dict(quantity._units)
    if points or (figure.change is not None and is_percent(quantity)):
        return None
    if currency_of(quantity) is not None:
        return MONEY
    if is_percent(quantity):
        return PERCENT
    if quantity.dimensionless:
        return COUNT
    dimensions = quantity.dimensionality
    for name in _DIMENSIONS:
        if ureg.get_dimensionality(name) == dimensions:
            return name
    return unit_text(in_base_units(quantity))


def _capped_percent(found: FoundFigure) -> bool:
    """Whether a figure caps a percentage ("比重不超过30%"): a cap target, which
    only a metric in percent takes."""
    figure = found.figure
    return (
        figure.change is None
        and figure.qualifier in _CEILINGS
        and is_percent(figure.quantity)
    )


def kind_from_name(subject: str) -> str:
    """The kind a metric's name suggests, for a metric with no level stated."""
    if _PER_UNIT_WORDS.search(subject):
        return COUNT
    if _RATE_WORDS.search(subject):
        return PERCENT
    if _MONEY_WORDS.search(subject):
        return MONEY
    return COUNT


def english_id(name: str) -> str | None:
    """Lower-case English words joined by ``_``; None for a Chinese name.

    >>> english_id("R&D spending of enterprises"), english_id("研发经费")
    ('rd_spending_of_enterprises', None)
    """
    if CJK.search(name) or not name.isascii():
        return None
    words = re.sub(r"(?<=[A-Za-z])[&'](?=[A-Za-z])", "", name).lower()
    slug = _NOT_ID.sub("_", words).strip("_")
    if not slug:
        return None
    if not slug[0].isalpha():
        slug = f"m_{slug}"
    if len(slug) > _LONGEST_ID:
        slug = slug[:_LONGEST_ID].rsplit("_", 1)[0] or slug[:_LONGEST_ID]
    return slug


def fresh_id(base: str, taken: set[str]) -> str:
    """*base*, or with ``_2``, ``_3`` ... if taken (case ignored); now taken."""
    candidate, number = base, 2
    while candidate.casefold() in taken:
        candidate = f"{base}_{number}"
        number += 1
    taken.add(candidate.casefold())
    return candidate


def key(words: str) -> str:
    """What two spellings of one subject share: spaces and case ignored."""
    return " ".join(words.split()).casefold()


def clean(text: str) -> str:
    """*text* on one line, without control characters: fit for a name or a note."""
    return " ".join(_UNPRINTABLE.sub(" ", text).split())
