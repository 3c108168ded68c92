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
  figure for the same metric, year, period and kind) is left unplaced, with
  why.  An observation keeps the part of the year its figure is for (一季度,
  "first three quarters") and whether the text marks it as an estimate.
  A target's kind is what its figure states (:func:`~industrial_plan.target_kind`),
  but a plain percentage aimed at for a metric in percent ("研发经费投入强度
  达到3%") is a level of that rate, assessed on its observations ("2.8%").
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
  physical dimension such as ``[power]``.  A cap on a percentage
  ("比重不超过30%") makes it ``percent``.  Growth rates, shares and changes
  in percent state no level; a metric with only those has its kind guessed
  from its name (``count`` for amounts per unit such as energy use per unit
  of GDP, ``percent`` for rates, intensities and shares, ``money`` for value
  added, investment, revenue, exports and the like, else ``count``), and its
  description says so.  Its direction is lower-is-better when every
  target of it is a reduction or a cap.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Final, TypeAlias

import attrs

from industrial_plan._errors import PlanValidationError, Problem
from industrial_plan._figures.document import find_figures
from industrial_plan._figures.found import FoundFigure, Role
from industrial_plan._figures.source import Source
from industrial_plan._plan.metrics import BUILTIN_METRICS, PERCENT, Metric
from industrial_plan._plan.owners import Regional
from industrial_plan._plan.system import IndustrialSystem
from industrial_plan._plan.system_checks import _check_owner
from industrial_plan._plan.targets import Observation, Target, TargetKind, target_kind

from .atomic import write_atomically
from .draft_metrics import (
    CJK,
    GROWTH,
    by_subject,
    clean,
    english_id,
    fresh_id,
    key,
    new_metric,
)
from .plan_files import Syntax, dumps, syntax_of

Item: TypeAlias = Target | Observation
_GroupKey: TypeAlias = tuple[str, int, bool]  # metric, year, and a target or not

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
        added: whether the draft is a copy of another plan (``into``) with
            the document's figures added, its name, region and years kept.
    """

    system: IndustrialSystem
    document: Source
    placed: tuple[PlacedFigure, ...]
    unplaced: tuple[UnplacedFigure, ...]
    new_metrics: tuple[Metric, ...]
    guessed: frozenset[str]
    added: bool = False

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

    def save(self, path: str | os.PathLike[str], *, force: bool = False) -> Path:
        """Write the draft to *path*, the syntax from its suffix (see :meth:`dumps`),
        as :func:`~industrial_plan.save` writes a plan (*force* replaces a
        read-only file)."""
        file = Path(path)
        syntax = syntax_of(file)
        try:
            text = self.dumps(syntax)
        except PlanValidationError as error:
            raise PlanValidationError(list(error.problems), str(file)) from None
        return write_atomically(file, text, force=force)


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
    return Draft(
        system,
        source,
        tuple(placed),
        tuple(unplaced),
        new_metrics,
        guessed,
        added=into is not None,
    )


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
        self.evidence = by_subject(found)
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
                unplaced.append(UnplacedFigure(found, self._named(str(refusal))))
                continue
            key = (item.metric, item.year, isinstance(item, Target))
            self.groups.setdefault(key, []).append((item, found))
            placed.append(PlacedFigure(found, item))
        return placed, unplaced

    def _named(self, reason: str) -> str:
        """*reason* with each new metric's provisional id replaced by its name:
        its id is given once the draft knows which metrics it uses."""
        for provisional, metric in self.new.items():
            reason = reason.replace(repr(provisional), repr(str(metric.name)))
        return reason

    def _item(self, found: FoundFigure) -> Item:
        if found.ratio is not None:
            place, terms = found.ratio
            raise _Refused(
                f"term {place} of a ratio of {terms} terms: a plan holds no "
                "ratios of several terms; state each as a share"
            )
        subject = clean(found.subject or "")
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
        if found.period is not None and target:
            raise _Refused(
                f"a target for part of the year ({found.period.describe('en')}): "
                "a plan's targets are for whole years"
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
        # The figure's own base year ("比2020年下降13.5%") stands; else the
        # sentence's ("从2020年的…提高到…"), when it is before the year.
        base = found.base_year if figure.base_year is None else None
        whole = self._whole(found)
        kind = target_kind(figure)
        if (
            kind is TargetKind.SHARE
            and figure.share_of is None
            and metric.kind == PERCENT
        ):
            # A rate's own level ("研发经费投入强度达到3%"), assessed on the
            # rate's observations ("2.8%"), not a share of some whole.
            kind = TargetKind.LEVEL
        if kind not in (TargetKind.SHARE, TargetKind.RATIO):
            whole = None  # a capped share ("不超过30%") is a cap, of nothing
        return Target(
            metric.id,
            year,
            figure,
            source=self._quoting(found),
            kind=kind,
            of=whole,
            base_year=base if base is not None and base < year else None,
        )

    def _observed(self, found: FoundFigure, metric: Metric) -> Observation:
        figure, year = found.figure, found.year
        assert year is not None
        base = found.base_year
        if (
            figure.change in GROWTH
            and figure.base_year is None
            and base is not None
            and base != year - 1
        ):
            # Growth since a year the sentence names, not over the year before.
            figure = attrs.evolve(figure, base_year=base)
        whole = self._whole(found) if figure.share_of is not None else None
        return Observation(
            metric.id,
            year,
            figure,
            source=self._quoting(found),
            of=whole,
            period=found.period,
            estimate=found.estimate,
        )

    def _quoting(self, found: FoundFigure) -> Source:
        return self.source.quoting(clean(found.quote) or None)

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
        wanted = key(words)
        for metric in self.known:
            if metric.id.casefold() == wanted or metric.name.matches(words):
                return metric
        return None

    def _metric(self, subject: str) -> Metric:
        subject_key = key(subject)
        chosen = self.chosen.get(subject_key)
        if chosen is not None:
            return self.metrics[chosen]
        metric = self._known(subject)
        if metric is None:
            provisional = fresh_id(f"new.{len(self.new) + 1}", self.taken)
            figures = self.evidence.get(subject_key, [])
            metric, guessed = new_metric(provisional, subject, figures)
            self.new[provisional] = self.metrics[provisional] = metric
            if guessed:
                self.guessed.add(provisional)
        self.chosen[subject_key] = metric.id
        return metric

    def _check(self, item: Item, found: FoundFigure) -> None:
        """Refuse *item* if the plan's checks of its owner find a problem:
        run on it beside the items already placed for its metric and year."""
        target = isinstance(item, Target)
        group = self.groups.get((item.metric, item.year, target), [])
        items = (*(i for i, _ in group), item)
        regional = Regional(
            targets=[i for i in items if isinstance(i, Target)],
            observations=[i for i in items if isinstance(i, Observation)],
        )
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
    """A target or an observation in a few words: "gdp Q1-Q3 2023: 3120 亿 CNY"."""
    figure = item.figure
    if figure is not None:
        text = figure.describe()
    else:  # a qualitative aim of the plan added to
        text = (
            str(item.statement) if isinstance(item, Target) and item.statement else ""
        )
    when = item.when() if isinstance(item, Observation) else str(item.year)
    estimate = " (estimate)" if isinstance(item, Observation) and item.estimate else ""
    return f"{item.metric} {when}: {text}{estimate}"


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
        base = english_id(name)
        if base is None:
            number += 1
            base = f"metric_{number}"
            while base.casefold() in taken:
                number += 1
                base = f"metric_{number}"
        final = fresh_id(base, taken)
        used[provisional] = attrs.evolve(metric, id=final)
    return used


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
    name = clean(document) or "document"
    taken = {s.id for s in into.sources} if into is not None else set()
    ident, number = name, 2
    while ident in taken:
        ident = f"{name}-{number}"
        number += 1
    lines = text.split("\n")
    number, first = next(
        ((n, line) for n, line in enumerate(lines, start=1) if line.strip()), (0, "")
    )
    title = clean(first)
    if not title or len(title) > _LONGEST_TITLE or any(f.line == number for f in found):
        title = name
    return Source(title=title, id=ident)


def _language(text: str) -> str:
    """zh when Chinese characters outnumber Latin letters in *text*, else en."""
    sample = text[:20_000]
    chinese = len(CJK.findall(sample))
    latin = sum(1 for char in sample if char.isascii() and char.isalpha())
    return "zh" if chinese > latin else "en"


# -- the comments ------------------------------------------------------------------


def _comments(draft: Draft) -> Iterator[str]:
    name = draft.document.id or "the document"
    if draft.added:
        yield f"The plan with the figures of {name} added by `industrial-plan extract`."
    else:
        yield f"Draft plan from {name}, written by `industrial-plan extract`."
    yield f"Each target and observation from {name} quotes its sentence: check it"
    yield "against the document before you rely on it."
    yield ""
    decisions = list(_decisions(draft))
    yield "Decisions left to you:" if decisions else "Decisions left to you: none."
    yield from decisions
    yield ""
    if not draft.unplaced:
        yield "Every figure found is placed."
        return
    count = len(draft.unplaced)
    noun = "figure" if count == 1 else "figures"
    yield f"Not placed ({count} {noun}), each with its line in {name}:"
    for item in draft.unplaced:
        yield f"- line {item.found.line}: {unplaced_text(item)}"


def _decisions(draft: Draft) -> Iterator[str]:
    """What the draft could only guess, each with its line in the document."""
    if not draft.added:
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


def unplaced_text(item: UnplacedFigure) -> str:
    """An unplaced figure on one line: its figure, subject, the reason and
    its sentence (cut short); the comments and the command line put its
    line in front."""
    found = item.found
    words = clean(found.quote)
    if len(words) > _LONGEST_NOTE_QUOTE:
        words = words[: _LONGEST_NOTE_QUOTE - 1] + "…"
    subject = f" ({clean(found.subject)})" if found.subject else ""
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
