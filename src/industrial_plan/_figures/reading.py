"""The reader behind :func:`~industrial_plan.find_figures`.

A document is read sentence by sentence.  Each figure is found from its
number (``spans``), and its sentence gives the rest (``context``, ``subjects``):
the indicator, the years, a part of a year, whether it is aimed at or
happened, and whether it is an estimate.  A year stated of what happened is
remembered from sentence to sentence, for the words that mean "the year
being reported" (全年, 比上年, "throughout the year").

The work is linear in the text's length: each pattern runs once over a
sentence, each figure looks its context up by bisection, and the words
walked over around a figure are bounded.
"""

from __future__ import annotations

import bisect
import contextlib
import re
from collections.abc import Callable, Iterator, Sequence
from typing import Final

import attrs

from industrial_plan._collector import without_cycle_collection

from .context import (
    Cue,
    PeriodWords,
    YearWords,
    cues_in,
    estimates_in,
    last_before,
    periods_in,
    previous_year_said,
    reported_year_said,
    years_in,
)
from .forms import Change
from .found import FoundFigure, Role, found_figure
from .period import Period
from .qualifier import Qualifier
from .spans import Span, spans
from .subjects import figure_subject, split_list, subject

_SENTENCE_END: Final = re.compile(
    r"[。！？；!?;\n\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f]++|\.(?=\s|$)"
)
_CLAUSE_MARK: Final = re.compile(r"[，、：:（(]|,(?![0-9]{3}(?![0-9]))")
_LIST_JOIN: Final = re.compile(r"\s*(?:[和与及、,，]|and|,\s*and|以及)\s*$")
_PAIR_TO: Final = re.compile(r"(?:至|到|\bto\b)", re.IGNORECASE)
_RESPECTIVELY: Final = re.compile(r"\s*,?\s*respectively", re.IGNORECASE)
_CJK: Final = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

_YEAR_DIGITS: Final = re.compile(r"(?:19|20|21)[0-9]{2}")
_PAIR_FROM: Final = re.compile(r"(?:从|由|\bfrom\b)\s*$", re.IGNORECASE)
_LONGEST_SENTENCE: Final = 2000
"""Longest stretch read as one sentence; real sentences are far shorter."""

_MAX_QUOTE: Final = 400
"""Longest quote kept; a longer sentence is quoted around its figure."""

# Spaces a quote tidies: any but a space, or two together.
_UNTIDY_SPACE: Final = re.compile(r"[^\S ]|  ")


def read_document(text: str, lang: str | None) -> list[FoundFigure]:
    """The figures of *text* (see :func:`~industrial_plan.find_figures`)."""
    reader = _Reader(text, lang)
    # A long document makes many small objects and no cycles: collecting
    # while they are made only rescans them (a third of the time at 1 MB).
    with without_cycle_collection():
        return list(reader.read())


class _Sentence:
    """A sentence and the words of it the rules read.

    A plain class with slots, its lists empty tuples until the sentence has
    them: one is made for every sentence of a document."""

    __slots__ = (
        "chinese",
        "cue_starts",
        "cues",
        "cut",
        "cut_starts",
        "end",
        "estimates",
        "mark_starts",
        "marks",
        "period_starts",
        "periods",
        "reported",
        "start",
        "year_starts",
        "years",
    )

    def __init__(self, start: int, end: int, chinese: bool) -> None:
        self.start = start
        self.end = end
        self.chinese = chinese
        self.years: Sequence[YearWords] = ()
        self.year_starts: Sequence[int] = ()
        self.periods: Sequence[PeriodWords] = ()
        self.period_starts: Sequence[int] = ()
        self.cues: Sequence[Cue] = ()
        self.cue_starts: Sequence[int] = ()
        self.cut: Sequence[tuple[int, int]] = ()
        self.cut_starts: Sequence[int] = ()
        # Read on first need (a plan's targets never ask for estimates, a
        # figure with a year of its own never for the year being reported).
        self.estimates: Sequence[int] | None = None
        self.reported: bool | None = None
        # Where clauses end, on first need.
        self.marks: Sequence[tuple[int, int]] | None = None
        self.mark_starts: Sequence[int] = ()


class _Reader:
    """One pass over a document, remembering the year being reported."""

    def __init__(self, text: str, lang: str | None) -> None:
        self.text = text
        self.lang = lang
        self.reported_year: int | None = None
        self.lines = [m.end() for m in re.finditer("\n", text)]

    def read(self) -> Iterator[FoundFigure]:
        text = self.text
        found = spans(text)
        pending = next(found, None)
        for start, end in _sentences(text):
            group: list[Span] = []
            while pending is not None and pending.start < end:
                group.append(pending)
                pending = next(found, None)
            sentence = self._sentence(start, end, bool(group))
            if group:
                yield from self._figures(sentence, group)
            observed = [y.year for y in sentence.years if not y.target]
            if observed:
                self.reported_year = observed[-1]

    def _sentence(self, start: int, end: int, figures: bool) -> _Sentence:
        """A sentence and the words of it the rules read; all of them only
        when it has figures (the years always: they are remembered)."""
        text = self.text
        # The script matters only to the rules a figure asks.
        chinese = figures and (
            self.lang == "zh"
            if self.lang is not None
            else _CJK.search(text, start, end) is not None
        )
        sentence = _Sentence(start, end, chinese)
        if _YEAR_DIGITS.search(text, start, end) is not None:
            sentence.years = years_in(text, start, end)
            sentence.year_starts = [y.start for y in sentence.years]
        if not figures:
            return sentence
        sentence.periods = periods_in(text, start, end)
        sentence.period_starts = [p.start for p in sentence.periods]
        sentence.cues = cues_in(text, start, end)
        sentence.cue_starts = [c.start for c in sentence.cues]
        cut = [(y.start, y.end) for y in sentence.years]
        cut += [(p.start, p.end) for p in sentence.periods]
        cut.sort()
        sentence.cut = cut
        sentence.cut_starts = [c[0] for c in cut]
        return sentence

    def _figures(self, sentence: _Sentence, group: list[Span]) -> Iterator[FoundFigure]:
        text = self.text
        lines = self.lines
        quote = _quote(text, sentence.start, sentence.end)
        results: list[FoundFigure] = []
        before: Span | None = None
        for span in group:
            # Every rule reads the figure's clause: found once for all of them.
            clause = _clause(text, sentence, span)
            subject, year, base, period, role = self._one(
                sentence, span, before, results, clause
            )
            if subject is None:
                subject = self._subject(sentence, span, before, results, clause)
            results.append(
                found_figure(
                    span.start,
                    span.end,
                    span.figure,
                    subject,
                    year,
                    base,
                    period,
                    role,
                    _estimate(text, sentence, span, role),
                    span.ratio,
                    bisect.bisect_right(lines, span.start) + 1,
                    quote(span.start, span.end),
                )
            )
            before = span
        _lists(text, sentence, group, results)
        yield from results

    def _one(
        self,
        sentence: _Sentence,
        span: Span,
        before: Span | None,
        done: Sequence[FoundFigure],
        clause: tuple[int, int],
    ) -> tuple[str | None, int | None, int | None, Period | None, Role | None]:
        """The subject of a pair's second figure, the years, period and role."""
        text = self.text
        # A rule whose words the sentence lacks is not asked: most sentences
        # lack some (and dense text all).
        year_words = (
            self._year_words(sentence, span, before, clause) if sentence.years else None
        )
        year = base = None
        target_year = False
        if year_words is not None:
            year, target_year = year_words.year, year_words.target
            if year_words.first is not None:
                base = year_words.first - 1
        elif _reported(text, sentence):
            year = self.reported_year
        pair = before is not None and done and self._pair(sentence, span, before)
        subject = None
        if pair:
            opener = done[-1]
            base = opener.year if opener.year is not None else base
            subject = opener.subject
        if span.figure.base_year is not None:
            base = span.figure.base_year
        elif (
            base is None
            and year is not None
            and previous_year_said(text, clause[0], clause[1])
        ):
            base = year - 1
        if target_year:
            role: Role | None = Role.TARGET
        else:
            role = _role(sentence, span) if sentence.cues else None
        period = _period(sentence, span, clause) if sentence.periods else None
        return subject, year, base, period, role

    def _year_words(
        self,
        sentence: _Sentence,
        span: Span,
        before: Span | None,
        clause: tuple[int, int],
    ) -> YearWords | None:
        text = self.text
        years = sentence.years
        starts = sentence.year_starts
        # Just after an English figure: "2.1% in 2019", "1 trillion yuan by 2027".
        after = bisect.bisect_left(starts, span.end)
        following = years[after] if after < len(years) else None
        if (
            following is not None
            and not sentence.chinese
            and not text[span.end : following.start].strip(" ,")
        ):
            return following
        index = last_before(starts, span.start)
        while index is not None:
            words = years[index]
            attached = not text[words.end : span.start].strip()
            if attached or not words.opens_pair:
                return words
            # The first year of a pair is the first figure's, not the later ones'.
            index = index - 1 if index > 0 else None
        if (
            following is not None
            and not sentence.chinese
            and following.start < clause[1]
        ):
            return following  # "add 2 GW of energy storage by 2025": later on
        return None

    def _pair(self, sentence: _Sentence, span: Span, before: Span) -> bool:
        """Whether *span* is the second of "从A提升至B" / "from A to B"."""
        between = self.text[before.end : span.anchor]  # "to" may lead the figure
        if _PAIR_TO.search(between) is None or len(between) > 40:
            return False
        index = last_before(sentence.year_starts, before.start)
        if index is not None and sentence.years[index].opens_pair:
            return True
        own = self.text[max(sentence.start, before.start - 8) : before.start]
        return _PAIR_FROM.search(own) is not None

    def _subject(
        self,
        sentence: _Sentence,
        span: Span,
        before: Span | None,
        done: Sequence[FoundFigure],
        clause: tuple[int, int],
    ) -> str | None:
        text = self.text
        clause_start = clause[0]
        if before is not None:
            clause_start = max(clause_start, before.end)
        first = bisect.bisect_left(sentence.cut_starts, clause_start - 40)
        last = bisect.bisect_left(sentence.cut_starts, span.start)
        found = subject(text, clause_start, span.start, sentence.cut[first:last])
        if found is not None and found.lower() not in _ACTORS:
            return found
        after = _after_subject(text, span, sentence)
        if after is not None:
            return after
        if found is not None:
            return found
        figure = span.figure
        if sentence.chinese:
            # 每万人口发明专利拥有量达到30件, 新增…实验室1家, 新增光伏装机容量120万千瓦
            inside = figure_subject(text[span.start : span.anchor])
            if inside is not None:
                return inside
            if figure.counted is not None:
                return figure.counted
        if done and (figure.change is not None or figure.counted is None):
            return done[-1].subject  # "…, an increase of 12,300 people"
        return None


_ACTORS: Final = frozenset(
    {
        "city",
        "province",
        "government",
        "region",
        "country",
        "municipality",
        "district",
        "county",
        "we",
        "it",
        "they",
        "plan",
        "china",
        "nation",
        "state",
        "economy",
    }
)
# What a figure is of, after it: "2 GW of new energy storage by 2025".
_EN_OF_AFTER: Final = re.compile(
    r"\s+of\s+([A-Za-z][A-Za-z&'-]*(?:\s+(?!(?:by|in|for|during|from|to|and|with|at"
    r"|over|compared|this|next|last|per|than|year)\b)[A-Za-z&'-]+){0,7})"
)
# A count's noun after its measure word: 培育超过80家高新技术企业.
_ZH_NOUN_AFTER: Final = re.compile(
    r"(?:(?!实现|完成|达到|增长|下降|提高|比上年|同比|以上|左右)[\u4e00-\u9fff]){2,16}"
)


def _after_subject(text: str, span: Span, sentence: _Sentence) -> str | None:
    end = min(sentence.end, span.end + 80)
    if sentence.chinese:
        if span.figure.measure is None:
            return None
        found = _ZH_NOUN_AFTER.match(text, span.end, end)
    else:
        found = _EN_OF_AFTER.match(text, span.end, end)
    if found is None:
        return None
    return found.group(found.lastindex or 0).strip()


def _period(sentence: _Sentence, span: Span, clause: tuple[int, int]) -> Period | None:
    """The part of a year stated before the figure, or just after it in its clause."""
    periods = sentence.periods
    starts = sentence.period_starts
    index = bisect.bisect_left(starts, span.start) - 1  # the last before it
    if index >= 0:
        return periods[index].period
    after = bisect.bisect_left(starts, span.end)
    if after < len(periods) and periods[after].start < clause[1]:
        return periods[after].period
    return None


def _estimate(text: str, sentence: _Sentence, span: Span, role: Role | None) -> bool:
    if role is Role.TARGET:
        return False
    estimates = sentence.estimates
    if estimates is None:
        estimates = sentence.estimates = estimates_in(
            text, sentence.start, sentence.end
        )
    if estimates and estimates[0] <= span.start:
        return True  # an estimate's words before the figure (or at it)
    about = span.figure.qualifier is Qualifier.ABOUT or span.figure.approximate
    return role is Role.OBSERVATION and about and "约" in text[span.start : span.anchor]


def _reported(text: str, sentence: _Sentence) -> bool:
    """Whether the sentence speaks of the year being reported (全年, 比上年)."""
    if sentence.reported is None:
        sentence.reported = reported_year_said(text, sentence.start, sentence.end)
    return sentence.reported


def _role(sentence: _Sentence, span: Span) -> Role | None:
    """The nearest word before the figure that says aimed at or happened; or after."""
    cues, starts = sentence.cues, sentence.cue_starts
    index = bisect.bisect_left(starts, span.end)
    if index == 0:  # none before: the first after, if any
        if not cues:
            return None
    else:
        index -= 1
    return Role.TARGET if cues[index].target else Role.OBSERVATION


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    """Sentences, and a run-on one in pieces: the work per figure stays bounded."""
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        yield from _pieces(start, end)
        start = end
    yield from _pieces(start, len(text))


def _pieces(start: int, end: int) -> Iterator[tuple[int, int]]:
    while end - start > _LONGEST_SENTENCE:
        yield start, start + _LONGEST_SENTENCE
        start += _LONGEST_SENTENCE
    if end > start:
        yield start, end


def _clause(text: str, sentence: _Sentence, span: Span) -> tuple[int, int]:
    """The clause of *span* in its sentence: between commas and colons, and at
    most 120 characters either side of it."""
    if sentence.marks is None:
        found = _CLAUSE_MARK.finditer(text, sentence.start, sentence.end)
        sentence.marks = [(m.start(), m.end()) for m in found]
        sentence.mark_starts = [m[0] for m in sentence.marks]
    marks, starts = sentence.marks, sentence.mark_starts
    index = bisect.bisect_left(starts, span.start) - 1  # the last mark before it
    start = marks[index][1] if index >= 0 else sentence.start
    start = max(start, span.start - 120)
    after = bisect.bisect_left(starts, span.end)
    end = marks[after][0] if after < len(marks) else sentence.end
    return start, min(end, span.end + 120)


def _quote(text: str, start: int, end: int) -> Callable[[int, int], str]:
    sentence = text[start:end]
    stripped = sentence.strip()
    if len(stripped) <= _MAX_QUOTE:
        quote = " ".join(stripped.split())  # once for all its figures

        def whole(_a: int, _b: int) -> str:
            return quote

        return whole

    # A sentence spaced only by single spaces (or not at all: dense Chinese)
    # quotes its words as they stand, with no split and join for each figure.
    tidy = _UNTIDY_SPACE.search(text, start, end) is None

    def around(a: int, b: int) -> str:
        half = _MAX_QUOTE // 2
        left, right = max(start, a - half), min(end, b + half)
        if tidy:
            words = text[left:right].strip(" ")
        else:
            words = " ".join(text[left:right].split())
        return ("…" if left > start else "") + words + ("…" if right < end else "")

    return around


def _lists(
    text: str, sentence: _Sentence, group: list[Span], results: list[FoundFigure]
) -> None:
    """Figures in a list with 分别 or "respectively" share their lead and split
    their subject: "进口和出口分别增长5.5%和7.1%"."""
    index = 0
    while index < len(group):
        last = index
        while last + 1 < len(group) and _LIST_JOIN.fullmatch(
            text[group[last].end : group[last + 1].start]
        ):
            last += 1
        if last > index and _is_list(text, sentence, group[index], group[last]):
            _share(text, group, results, index, last)
        index = last + 1


def _is_list(text: str, sentence: _Sentence, first: Span, last: Span) -> bool:
    head = text[max(sentence.start, first.start - 12) : first.start]
    return "分别" in head or _RESPECTIVELY.match(text, last.end) is not None


def _share(
    text: str, group: list[Span], results: list[FoundFigure], first: int, last: int
) -> None:
    lead = results[first]
    change: Change | None = lead.figure.change
    count = last - first + 1
    words = lead.subject
    # The subject was read from the words before 分别: split it there.
    parts = split_list(words, count) if words is not None else None
    for offset in range(count):
        item = results[first + offset]
        figure = item.figure
        if offset and figure.change is None and change is not None:
            # A change this figure cannot state leaves its own words standing.
            with contextlib.suppress(ValueError):
                figure = attrs.evolve(figure, change=change)
        results[first + offset] = found_figure(
            item.start,
            item.end,
            figure,
            parts[offset] if parts else words,
            item.year if item.year is not None else lead.year,
            item.base_year,
            item.period,
            item.role if item.role is not None else lead.role,
            item.estimate,
            item.ratio,
            item.line,
            item.quote,
        )
