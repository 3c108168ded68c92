"""A draft plan from the figures of a document: :func:`draft_plan`.

:func:`~industrial_plan.find_figures` finds every figure of a document with
its subject, years, period and role; this module places each one where a
plan holds it, as a target or an observation of the whole region, and lists
what it cannot place with the reason, so that nothing is dropped silently.
The how-to "Draft a plan from a document" states the rules for users:

- **What becomes what.**  A figure the text aims at (its role is a target)
  becomes a target for its year; one that happened becomes an observation;
  one the text says neither of becomes an observation when its year is past,
  and is left unplaced otherwise.  A figure with no subject or no year, a
  term of a ratio ("0.5:43:56.5"), or one the plan cannot hold (a target for
  a part of a year, a figure that does not fit its metric's kind, a second
  figure for the same metric, year and kind) is left unplaced, with why.
- **Metrics.**  A subject names its metric: the plan's own metrics first
  (with ``into``), then the built-in ones, by id or by name in either
  language, ignoring case.  Any other subject becomes a new metric named as
  written, in the subject's own script (``zh`` for Chinese, else ``en``).
- **Ids.**  A new metric's id is the subject's English words in lower case
  joined by ``_`` ("industrial investment" is ``industrial_investment``;
  "R&D" gives ``rd``).  A Chinese subject has no such words and the library
  has no romanisation: its id is ``metric_1``, ``metric_2`` ... in the order
  the draft first uses it, and its Chinese name says what it is.  An id taken
  already gets ``_2``, ``_3``.
- **Kinds.**  A new metric's kind comes from the unit of its first figure
  that states a level: money, percent, a count (a plain number), or a
  physical dimension such as ``[power]``.  Growth rates, shares and changes
  in percent state no level; a metric with only those has its kind guessed
  from its name (``percent`` for rates, intensities and shares, ``money`` for
  value added, investment, revenue, exports and the like, else ``count``),
  and its description says so.  Its direction is lower-is-better when every
  target of it is a reduction or a cap.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Final, TypeAlias

import attrs

from industrial_plan._errors import PlanValidationError, Problem
from industrial_plan._figures.document import find_figures
from industrial_plan._figures.forms import Change, is_percent
from industrial_plan._figures.found import FoundFigure, Role
from industrial_plan._figures.qualifier import Qualifier
from industrial_plan._figures.source import Source
from industrial_plan._money.units import currency_of, in_base_units, unit_text, ureg
from industrial_plan._plan.metrics import (
    BUILTIN_METRICS,
    COUNT,
    MONEY,
    PERCENT,
    Direction,
    Metric,
)
from industrial_plan._plan.owners import Regional
from industrial_plan._plan.system import IndustrialSystem
from industrial_plan._plan.system_checks import _check_owner
from industrial_plan._plan.targets import Observation, Target

from .plan_files import Syntax, dumps, syntax_of, write_atomically

Item: TypeAlias = Target | Observation
_GroupKey: TypeAlias = tuple[str, int, bool]  # metric, year, and a target or not

_GROWTH: Final = frozenset({Change.GROWTH, Change.AVERAGE_GROWTH})
_CEILINGS: Final = frozenset({Qualifier.AT_MOST, Qualifier.LESS_THAN})
_CJK: Final = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_NOT_ID: Final = re.compile(r"[^a-z0-9]+")
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
# A metric with no level stated: its kind from its name (rates first:
# 研发经费投入强度 is a rate, though 经费 is money).
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
_FIRST_AT: Final = re.compile(r"\(first at regional\.\w+\[(\d+)\]\)")
_LONGEST_TITLE: Final = 120
_LONGEST_NOTE_QUOTE: Final = 100


@attrs.frozen
class PlacedFigure:
    """A figure of the document and the target or observation it became."""

    found: FoundFigure
    item: Target | Observation


@attrs.frozen
class UnplacedFigure:
    """A figure of the document the draft does not hold, and why."""

    found: FoundFigure
    reason: str


@attrs.frozen
class Draft:
    """A draft plan drawn from a document, and what it could not place.

    Attributes:
        system: the plan: the document's targets and observations on the
            whole region, the new metrics, the document as a source; with
            ``into``, a copy of that plan with them added.
        document: the document, as the plan's sources list it.
        placed: each figure placed, with the target or observation it became,
            in the document's order.
        unplaced: each figure not placed, with the reason, in the
            document's order.  Every figure found is in exactly one of
            :attr:`placed` and :attr:`unplaced`.
        new_metrics: the metrics the draft adds to the plan.
        guessed: the ids of the new metrics whose kind is guessed from their
            name (the document states no level of them).
    """

    system: IndustrialSystem
    document: Source
    placed: tuple[PlacedFigure, ...]
    unplaced: tuple[UnplacedFigure, ...]
    new_metrics: tuple[Metric, ...]
    guessed: frozenset[str]

    def comments(self) -> list[str]:
        """What a user has to decide, and what was not placed, as lines of text.

        :meth:`dumps` writes them at the top of a TOML or YAML draft, as
        comments; each names its line in the document.
        """
        return list(_comments(self))

    def dumps(self, syntax: Syntax) -> str:
        """The draft as a plan file's text, its :meth:`comments` on top.

        JSON has no comments: a draft with unplaced figures is refused in
        JSON (:class:`~industrial_plan.PlanValidationError` naming them),
        rather than written without them.
        """
        body = dumps(self.system, syntax)
        if syntax == "json":
            if self.unplaced:
                raise PlanValidationError([_no_comments_in_json(self)])
            return body
        notes = "".join(f"# {line}".rstrip() + "\n" for line in self.comments())
        return f"{notes}\n{body}"

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the draft to *path*, the syntax from its suffix (see :meth:`dumps`)."""
        file = Path(path)
        syntax = syntax_of(file)
        try:
            text = self.dumps(syntax)
        except PlanValidationError as error:
            raise PlanValidationError(list(error.problems), str(file)) from None
        return write_atomically(file, text)


def draft_plan(
    text: str,
    *,
    document: str = "document",
    lang: str | None = None,
    into: IndustrialSystem | None = None,
    this_year: int | None = None,
) -> Draft:
    """A draft plan from the figures of *text*, and what could not be placed.

    The figures are :func:`~industrial_plan.find_figures`'s; each becomes a
    target or an observation of the whole region (see the module's rules and
    the how-to "Draft a plan from a document"), quoting its sentence and
    citing the document.  The draft always builds: what it cannot hold is
    listed in :attr:`Draft.unplaced` with the reason.

    >>> draft = draft_plan(
    ...     "2023年，全市地区生产总值达到8066亿元。"
    ...     "到2027年，地区生产总值力争突破1万亿元。",
    ...     document="bulletin.txt",
    ... )
    >>> [(type(p.item).__name__, p.item.metric, p.item.year) for p in draft.placed]
    [('Observation', 'gdp', 2023), ('Target', 'gdp', 2027)]

    Args:
        text: the document.
        document: its name (a file name): the plan's source for every figure.
        lang: "en" or "zh" to read the text by that language's rules (see
            :func:`~industrial_plan.find_figures`) and name the draft in it;
            by default each sentence is read by its script.
        into: a plan to add to: its metrics are matched first, and the
            draft is a copy of it with the document's figures added.
        this_year: the year the document is read in (default: today's): a
            figure neither aimed at nor reported is an observation when its
            year is before this one.
    """
    found = find_figures(text, lang=lang)
    return draft_from_figures(
        found, text, document=document, lang=lang, into=into, this_year=this_year
    )


def draft_from_figures(
    found: Sequence[FoundFigure],
    text: str,
    *,
    document: str = "document",
    lang: str | None = None,
    into: IndustrialSystem | None = None,
    this_year: int | None = None,
) -> Draft:
    """:func:`draft_plan` for figures already found in *text*."""
    year_now = dt.date.today().year if this_year is None else this_year
    language = lang or _language(text)
    source = _document_source(document, text, found, into)
    builder = _Builder(found, source, into, year_now)
    placed, unplaced = builder.place()
    used = _used_metrics(placed, builder)
    placed = [
        attrs.evolve(p, item=attrs.evolve(p.item, metric=used[p.item.metric].id))
        if p.item.metric in used
        else p
        for p in placed
    ]
    new_metrics = tuple(dict.fromkeys(m for m in used.values()))
    system = _system(placed, new_metrics, source, into, language)
    guessed = frozenset(used[p].id for p in builder.guessed if p in used)
    return Draft(system, source, tuple(placed), tuple(unplaced), new_metrics, guessed)


# -- placing each figure ---------------------------------------------------------------


class _Refused(Exception):
    """A figure the draft cannot hold; the message says why."""


class _Builder:
    """One pass over the figures, placing each or saying why not."""

    def __init__(
        self,
        found: Sequence[FoundFigure],
        source: Source,
        into: IndustrialSystem | None,
        this_year: int,
    ) -> None:
        self.found = found
        self.source = source
        self.into = into
        self.this_year = this_year
        own = into.metrics if into is not None else ()
        own_ids = {m.id for m in own}
        self.known = (*own, *(m for m in BUILTIN_METRICS if m.id not in own_ids))
        self.metrics = {m.id: m for m in self.known}
        self.taken = {m.id.casefold() for m in self.known}
        self.chosen: dict[str, str] = {}  # subject's key -> metric id
        self.new: dict[str, Metric] = {}  # provisional id -> new metric
        self.guessed: set[str] = set()  # provisional ids of guessed kinds
        self.evidence = _evidence(found)
        self.groups: dict[_GroupKey, list[tuple[Item, FoundFigure | None]]] = {}
        if into is not None:
            items: tuple[Item, ...] = (
                *into.regional.targets,
                *into.regional.observations,
            )
            for item in items:
                key = (item.metric, item.year, isinstance(item, Target))
                self.groups.setdefault(key, []).append((item, None))

    def place(self) -> tuple[list[PlacedFigure], list[UnplacedFigure]]:
        placed: list[PlacedFigure] = []
        unplaced: list[UnplacedFigure] = []
        for found in self.found:
            try:
                item = self._item(found)
                self._check(item, found)
            except _Refused as refusal:
                unplaced.append(UnplacedFigure(found, str(refusal)))
                continue
            key = (item.metric, item.year, isinstance(item, Target))
            self.groups.setdefault(key, []).append((item, found))
            placed.append(PlacedFigure(found, item))
        return placed, unplaced

    def _item(self, found: FoundFigure) -> Item:
        if found.ratio is not None:
            place, terms = found.ratio
            raise _Refused(
                f"term {place} of a ratio of {terms} terms: a plan holds no "
                "ratios of several terms; state each as a share"
            )
        subject = _clean(found.subject or "")
        if not subject:
            raise _Refused("no subject: the text does not say what the figure measures")
        if found.year is None:
            raise _Refused("no year: the text does not say which year it is for")
        target = found.role is Role.TARGET
        if found.role is None and found.year >= self.this_year:
            raise _Refused(
                f"neither aimed at nor reported: the text does not say, and "
                f"{found.year} is not past"
            )
        if found.period is not None:
            what = "a target" if target else "an observation"
            raise _Refused(
                f"for part of the year ({found.period.describe('en')}): "
                f"{what} of a plan is for a whole year"
            )
        metric = self._metric(subject)
        try:
            return (
                self._target(found, metric) if target else self._observed(found, metric)
            )
        except ValueError as error:
            raise _Refused(" ".join(str(error).split())) from None

    def _target(self, found: FoundFigure, metric: Metric) -> Target:
        figure, year = found.figure, found.year
        assert year is not None
        base = found.base_year
        return Target(
            metric.id,
            year,
            figure,
            source=self._quoting(found),
            of=self._whole(found),
            base_year=base if base is not None and base < year else None,
        )

    def _observed(self, found: FoundFigure, metric: Metric) -> Observation:
        figure, year = found.figure, found.year
        assert year is not None
        base = found.base_year
        if (
            figure.change in _GROWTH
            and figure.base_year is None
            and base is not None
            and base != year - 1
        ):
            # Growth since a year the sentence names, not over the year before.
            figure = attrs.evolve(figure, base_year=base)
        whole = self._whole(found) if figure.share_of is not None else None
        return Observation(
            metric.id, year, figure, source=self._quoting(found), of=whole
        )

    def _quoting(self, found: FoundFigure) -> Source:
        return self.source.quoting(_clean(found.quote) or None)

    def _whole(self, found: FoundFigure) -> str | None:
        """The metric a share is of (by the share's words), or population for a
        ratio per so many people; None when no metric is named so."""
        figure = found.figure
        if figure.share_of is not None:
            match = self._known(figure.share_of)
            return match.id if match is not None else None
        if figure.per is not None and "population" in self.metrics:
            return "population"
        return None

    def _known(self, words: str) -> Metric | None:
        key = _key(words)
        for metric in self.known:
            if metric.id.casefold() == key or metric.name.matches(words):
                return metric
        return None

    def _metric(self, subject: str) -> Metric:
        key = _key(subject)
        chosen = self.chosen.get(key)
        if chosen is not None:
            return self.metrics[chosen]
        metric = self._known(subject)
        if metric is None:
            metric = self._new_metric(subject, key)
        self.chosen[key] = metric.id
        return metric

    def _new_metric(self, subject: str, key: str) -> Metric:
        provisional = f"new.{len(self.new) + 1}"
        while provisional.casefold() in self.taken:
            provisional += "_"
        figures = self.evidence.get(key, [])
        kind = next((k for k in map(_kind_of, figures) if k is not None), None)
        description = None
        if kind is None:
            kind = _kind_from_name(subject)
            description = (
                f"kind {kind!r} guessed from the name: the document states no "
                "level of it, only growth, shares or changes in percent"
            )
            self.guessed.add(provisional)
        targets = [f for f in figures if f.role is Role.TARGET]
        lower = bool(targets) and all(
            f.figure.change is Change.REDUCTION or f.figure.qualifier in _CEILINGS
            for f in targets
        )
        language = "zh" if _CJK.search(subject) else "en"
        metric = Metric(
            provisional,
            {language: subject},
            kind,
            Direction.LOWER if lower else Direction.HIGHER,
            description,
        )
        self.new[provisional] = metric
        self.metrics[provisional] = metric
        self.taken.add(provisional.casefold())
        return metric

    def _check(self, item: Item, found: FoundFigure) -> None:
        """Refuse *item* if the plan's checks of its owner find a problem:
        run on it beside the items already placed for its metric and year."""
        target = isinstance(item, Target)
        group = self.groups.get((item.metric, item.year, target), [])
        items = (*(i for i, _ in group), item)
        regional = Regional(targets=items) if target else Regional(observations=items)
        start = self.into.start_year if self.into is not None else 0
        problems: list[Problem] = []
        _check_owner(problems, "regional", regional, start, self.metrics)
        field = "targets" if target else "observations"
        mine = f"regional.{field}[{len(group)}]"
        for problem in problems:
            if problem.path == mine or problem.path.startswith(mine + "."):
                raise _Refused(self._why(problem.message, item, group))

    def _why(
        self,
        message: str,
        item: Item,
        group: Sequence[tuple[Item, FoundFigure | None]],
    ) -> str:
        first = _FIRST_AT.search(message)
        noun = "target" if isinstance(item, Target) else "observation"
        if first is None:
            return " ".join(message.split())
        other, origin = group[int(first.group(1))]
        if origin is None:
            return f"the plan already has this {noun} ({_shown(other)})"
        verb = "repeats" if other.figure == item.figure else "conflicts with"
        return f"{verb} the {noun} on line {origin.line} ({_shown(other)})"


def _shown(item: Item) -> str:
    figure = item.figure
    if figure is not None:
        text = figure.describe()
    else:  # a qualitative aim of the plan added to
        text = item.statement if isinstance(item, Target) and item.statement else ""
    return f"{item.metric} {item.year}: {text}"


def _evidence(found: Iterable[FoundFigure]) -> dict[str, list[FoundFigure]]:
    """The figures of each subject, for the kind and direction of a new metric."""
    by_subject: dict[str, list[FoundFigure]] = {}
    for item in found:
        if item.subject and item.ratio is None:
            by_subject.setdefault(_key(item.subject), []).append(item)
    return by_subject


def _kind_of(found: FoundFigure) -> str | None:
    """The metric kind a figure's unit states, or None if it states no level
    (growth, a share, a change in percent or percentage points)."""
    figure = found.figure
    if figure.share_of is not None or figure.change in _GROWTH:
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


def _kind_from_name(subject: str) -> str:
    if _RATE_WORDS.search(subject):
        return PERCENT
    if _MONEY_WORDS.search(subject):
        return MONEY
    return COUNT


# -- the metrics used, and the system -----------------------------------------------


def _used_metrics(
    placed: Sequence[PlacedFigure], builder: _Builder
) -> dict[str, Metric]:
    """The new metrics the placed figures use, each with its final id, by
    provisional id, in the order the draft first uses them."""
    used: dict[str, Metric] = {}
    taken = {m.id.casefold() for m in builder.known}
    number = 0
    for item in placed:
        provisional = item.item.metric
        metric = builder.new.get(provisional)
        if metric is None or provisional in used:
            continue
        name = metric.name.by_language[0][1]
        base = _english_id(name)
        if base is None:
            number += 1
            base = f"metric_{number}"
            while base.casefold() in taken:
                number += 1
                base = f"metric_{number}"
        final = _fresh(base, taken)
        used[provisional] = attrs.evolve(metric, id=final)
    return used


def _english_id(name: str) -> str | None:
    """Lower-case English words joined by ``_``; None for a Chinese name."""
    if _CJK.search(name) or not name.isascii():
        return None
    words = re.sub(r"(?<=[A-Za-z])[&'](?=[A-Za-z])", "", name).lower()
    slug = _NOT_ID.sub("_", words).strip("_")
    if not slug:
        return None
    if not slug[0].isalpha():
        slug = f"m_{slug}"
    if len(slug) > 60:
        slug = slug[:60].rsplit("_", 1)[0] or slug[:60]
    return slug


def _fresh(base: str, taken: set[str]) -> str:
    candidate, number = base, 2
    while candidate.casefold() in taken:
        candidate = f"{base}_{number}"
        number += 1
    taken.add(candidate.casefold())
    return candidate


def _system(
    placed: Sequence[PlacedFigure],
    new_metrics: tuple[Metric, ...],
    source: Source,
    into: IndustrialSystem | None,
    language: str,
) -> IndustrialSystem:
    targets = tuple(p.item for p in placed if isinstance(p.item, Target))
    observed = tuple(p.item for p in placed if isinstance(p.item, Observation))
    document = source.document
    if into is not None:
        regional = attrs.evolve(
            into.regional,
            targets=(*into.regional.targets, *targets),
            observations=(*into.regional.observations, *observed),
        )
        return attrs.evolve(
            into,
            metrics=(*into.metrics, *new_metrics),
            sources=(*into.sources, document),
            regional=regional,
        )
    years = [p.item.year for p in placed]
    years += [b for p in placed if (b := _base_year(p.item)) is not None]
    aims = [t.year for t in targets]
    start = min(years, default=None)
    end = max(aims or years, default=None)
    if start is None or end is None:
        start = end = dt.date.today().year
    title = source.title or source.id or "document"
    name = f"{title}（草稿）" if language == "zh" else f"Draft: {title}"
    region = "地区（待定）" if language == "zh" else "region (to be named)"
    return IndustrialSystem(
        {language: name},
        {language: region},
        start,
        end,
        metrics=new_metrics,
        sources=(document,),
        regional=Regional(targets=targets, observations=observed),
    )


def _base_year(item: Item) -> int | None:
    if isinstance(item, Target):
        return item.stated_base_year
    return item.figure.base_year


def _document_source(
    document: str,
    text: str,
    found: Sequence[FoundFigure],
    into: IndustrialSystem | None,
) -> Source:
    """The document as a source: its id the file's name (made unique among the
    plan's), its title the first line when that holds no figure, else the name."""
    name = _clean(document) or "document"
    taken = {s.id for s in into.sources} if into is not None else set()
    ident, number = name, 2
    while ident in taken:
        ident = f"{name}-{number}"
        number += 1
    lines = text.split("\n")
    number, first = next(
        ((n, line) for n, line in enumerate(lines, start=1) if line.strip()), (0, "")
    )
    title = _clean(first)
    if not title or len(title) > _LONGEST_TITLE or any(f.line == number for f in found):
        title = name
    return Source(title=title, id=ident)


def _language(text: str) -> str:
    """zh when Chinese characters outnumber Latin letters in *text*, else en."""
    sample = text[:20_000]
    chinese = len(_CJK.findall(sample))
    latin = sum(1 for char in sample if char.isascii() and char.isalpha())
    return "zh" if chinese > latin else "en"


def _key(words: str) -> str:
    return " ".join(words.split()).casefold()


def _clean(text: str) -> str:
    """*text* on one line, without control characters: fit for a name or a note."""
    return " ".join(_UNPRINTABLE.sub(" ", text).split())


# -- the comments ------------------------------------------------------------------


def _comments(draft: Draft) -> Iterator[str]:
    name = draft.document.id or "the document"
    yield f"Draft plan from {name}, written by `industrial-plan extract`."
    yield "Each target and observation quotes its sentence: check it against the"
    yield "document before you rely on it."
    yield ""
    yield "Decisions left to you:"
    yield (
        "- name, region, start_year and end_year are drafted from the "
        "document's name and years."
    )
    first_line = _first_lines(draft)
    for metric in draft.new_metrics:
        shown = metric.name.by_language[0][1]
        line = first_line.get(metric.id)
        where = f"line {line}: " if line is not None else ""
        note = f"- {where}new metric {metric.id} ({shown}), kind {metric.kind!r}"
        if metric.id in draft.guessed:
            note += " guessed from its name (no level stated)"
        yield note + "."
    estimates = [p for p in draft.placed if p.found.estimate]
    if estimates:
        yield ""
        yield "Estimates (the document marks them as estimated or preliminary):"
        for placed in estimates:
            yield f"- line {placed.found.line}: {_shown(placed.item)}"
    yield ""
    if not draft.unplaced:
        yield "Every figure found is placed."
        return
    count = len(draft.unplaced)
    noun = "figure" if count == 1 else "figures"
    yield f"Not placed ({count} {noun}), each with its line in {name}:"
    for item in draft.unplaced:
        yield f"- line {item.found.line}: {unplaced_text(item)}"


def unplaced_text(item: UnplacedFigure) -> str:
    """An unplaced figure on one line: its figure, subject, the reason and
    its sentence (cut short); the comments and the command line put its
    line in front."""
    found = item.found
    words = _clean(found.quote)
    if len(words) > _LONGEST_NOTE_QUOTE:
        words = words[: _LONGEST_NOTE_QUOTE - 1] + "…"
    subject = f" ({_clean(found.subject)})" if found.subject else ""
    quote = f' "{words}"' if words else ""
    return f"{found.figure.describe()}{subject}: {item.reason}.{quote}"


def _first_lines(draft: Draft) -> dict[str, int]:
    lines: dict[str, int] = {}
    for placed in draft.placed:
        lines.setdefault(placed.item.metric, placed.found.line)
    return lines


def _no_comments_in_json(draft: Draft) -> Problem:
    lines = ", ".join(str(item.found.line) for item in draft.unplaced[:10])
    more = ", ..." if len(draft.unplaced) > 10 else ""
    count = len(draft.unplaced)
    noun = "figure" if count == 1 else "figures"
    return Problem(
        "",
        f"JSON has no comments to list the {count} {noun} not placed (lines "
        f"{lines}{more}); write the draft as .toml or .yaml, which list them",
    )
