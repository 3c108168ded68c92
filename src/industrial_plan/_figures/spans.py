"""Where the figures of a document stand: anchors, and the words of each figure.

A figure is found from its number (an *anchor*: digits, a Chinese numeral
before a unit, a number word such as "a trillion" or 翻两番).  Its words run
back from the number over the words the grammar of
:func:`~industrial_plan.parse_figure` reads before a number (qualifiers,
changes, shares, base years, ratios per head), found with one pattern over
the reversed text, and forward to where the grammar stops
(:func:`~industrial_plan._figures.parse.figure_length`).  The words are then
read by ``parse_figure`` itself, so a found figure is exactly what its words
say.

Every pattern here is linear: no repetition nested in repetition, runs read
possessively and anchored at their first character, and the walk back takes
at most a few words.
"""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Hashable, Iterable, Iterator
from typing import Any, Final, NamedTuple, TypeVar

from industrial_plan._errors import ParseError

from .figure import Figure
from .lexicon import (
    _EN_CHANGES,
    _MEASURE_CHARS,
    _MULTIPLES,
    _PREFIX_TABLE,
    _ZH_CHANGES,
)
from .parse import figure_length, parse_figure

_CN_NUMERAL = "零〇一二两三四五六七八九十百千万亿"

# What makes a Chinese numeral a figure's number: a unit, money, times, points.
_ZH_FOLLOW = (
    r"(?=[万亿千]*+(?:元|美元|倍|番|个?百分点|[%％]|吨|千瓦|兆瓦|公里"
    rf"|[{_MEASURE_CHARS}]))"
)

# Each kind's test of the character before it comes after its first
# character ("[0-9](?<![0-9.].)", not "(?<![0-9.])[0-9]"), and one test of the
# first character leads them all: most characters of a text start no number,
# and fail at that one test instead of at five lookbehinds (0.2 s a megabyte
# to 0.09 s).
_ANCHOR_FIRST: Final = f"0-9０-９{_CN_NUMERAL}aAoOdDtTqQ翻"
_ANCHOR: Final = re.compile(
    rf"(?=[{_ANCHOR_FIRST}])(?:"
    # A ratio of terms: "0.5:43:56.5" (a clock time is told apart later).
    r"(?P<ratio>[0-9](?<![0-9.].)[0-9]*+(?:\.[0-9]++)?"
    r"(?:\s*+[:：]\s*+[0-9]++(?:\.[0-9]++)?)++)"
    # Digits, full-width too, with thousands separators and a decimal part.
    r"|(?P<digits>[0-9０-９](?<![0-9０-９.．,].)[0-9０-９]*+(?:,[0-9]{3}(?![0-9]))*+"
    r"(?:[.．][0-9０-９]++)?)"
    # A Chinese numeral before what makes it a figure: 三千亿元, 两番, 百亿.
    rf"|(?P<numeral>[{_CN_NUMERAL}](?<![{_CN_NUMERAL}].)[{_CN_NUMERAL}]*+{_ZH_FOLLOW})"
    # A scale of 亿 alone after 破, 超 or 逾: 破百亿, 超千亿.
    r"|(?P<scale>[百千万](?<=[破超逾].)亿|亿(?<=[破超逾].))"
    # Number words, not inside a word (the test before is case-sensitive).
    r"|(?P<word>(?:(?i:a)(?<![A-Za-z].)(?i:\s+(?:thousand|million|billion|trillion))"
    r"|(?i:o)(?<![A-Za-z].)(?i:ne\s+(?:thousand|million|billion|trillion))"
    r"|(?i:d)(?<![A-Za-z].)(?i:oubled)|(?i:t)(?<![A-Za-z].)(?i:ripled)"
    r"|(?i:q)(?<![A-Za-z].)(?i:uadrupled))(?![A-Za-z])|翻了?[一两三]番)"
    ")"
)

# A clock time, not a ratio: 9:30, 14:05:59.
_CLOCK: Final = re.compile(r"(?:[01]?[0-9]|2[0-4])[:：][0-5][0-9](?:[:：][0-5][0-9])?")
_RATIO_TERM: Final = re.compile(r"[0-9]++(?:\.[0-9]++)?")

# Before a number: an ordinal, a version or a name ("第3", "No. 5", "COVID-19").
_NOT_BEFORE: Final = re.compile(
    r"(?:第|No\.\s*|#|[A-Za-z]-?|\+|[0-9]-"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+)$",
    re.IGNORECASE,
)
# The characters those words may end with (a space, which $ may also stand
# before, counts as one): a number after any other is not searched before.
_NOT_BEFORE_ENDS: Final = frozenset(
    "第.#+-" + string.ascii_letters + "\u017f\u0130\u0131\u212a"
)
# After a number: a date, a time span, a grade, a version ("8月", "5大", "5G").
_NOT_AFTER: Final = re.compile(
    r"(?:\s*(?:年(?!均)|月|日(?!元)|号|时|分钟|秒|届|大(?!于)|级|期|周岁|岁|代|\+[0-9]"
    r"|个(?:月|季度|小时|工作日))"
    r"|[GDK](?![A-Za-z])|[A-Za-z]*-|(?:st|nd|rd|th)(?![A-Za-z])"
    r"|\s*[ap]\.?m\.?(?![A-Za-z])"
    r"|\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*(?![a-z])\.?)",
    re.IGNORECASE,
)

# A currency symbol or code, or a sign, just before the number ("$11.2",
# "USD 5", "-1.2万亿元"), read backwards.
_BACK_PREFIX: Final = re.compile(
    r"(?:\s*+(?:\$(?:SU|KH)?+|¥(?:NC|BMR)?+|￥|€|£|(?:DSU|YNC|BMR|RUE|DKH|YPJ|PBG)\s+))?"
    r"(?:[-−－](?![0-9A-Za-z\u4e00-\u9fff]))?"
)

_MAX_LEAD_WORDS: Final = 6
"""Most words walked back over before a number: far beyond real figures."""

_WINDOW: Final = 120
"""Most characters read after a figure's number to find where its words end."""

_LONGEST_NUMBER: Final = 60
"""Longest digit run read: 40 digits with separators and a decimal point."""


_CLAUSE_END: Final = re.compile(r"[，；;。！？!?\n\r、]|,(?![0-9]{3}(?![0-9]))")


_BACK_WORDS: Final = frozenset(
    {*_PREFIX_TABLE, *_EN_CHANGES, *_ZH_CHANGES, *_MULTIPLES}
)
"""The words read before a number (qualifiers, changes, multiples)."""


def _reversed_word(word: str) -> str:
    """*word* as a pattern over reversed text, with its letter checks."""
    parts = [re.escape(part[::-1]) for part in reversed(word.split())]
    pattern = r"\s+".join(parts)
    if word[-1].isascii() and word[-1].isalpha():
        pattern = rf"(?<![A-Za-z]){pattern}"
    if word[0].isascii() and word[0].isalpha():
        pattern = rf"{pattern}(?![A-Za-z])"
    return pattern


_LETTER_BEFORE: Final = "(?<![A-Za-z])"
_LETTER_AFTER: Final = "(?![A-Za-z])"


def _back_trie(words: Iterable[str]) -> str:
    """The pattern of :func:`_reversed_word` for each of *words*, longest
    first, laid out as a trie over the reversed words ("增长|增加" reversed
    is "长增|加增", here "(?:长增|加增)" by first characters: "(?:加|长)增").

    A flat alternation of 200 words tries each in turn at every number
    (3 µs); the trie follows one path.  It matches what the flat one does:
    the words that match at one place are a chain of prefixes, and the trie
    tries the longer ending before the word ends, as the flat pattern tries
    the longer word first.  The letter checks stay where the flat pattern
    has them: before a reversed word that starts with a letter, after one
    that ends with one.
    """
    root: dict[str, Any] = {}
    for word in words:
        reversed_parts = [part[::-1] for part in reversed(word.lower().split())]
        node = root
        for token in " ".join(reversed_parts):
            node = node.setdefault(token, {})
        end = word[0]
        node[""] = _LETTER_AFTER if end.isascii() and end.isalpha() else ""
    return _trie_branches(root, top=True)


def _trie_branches(node: dict[str, Any], top: bool = False) -> str:
    branches = []
    for token, child in sorted((t, c) for t, c in node.items() if t):
        head = r"\s+" if token == " " else re.escape(token)
        if top and token.isascii() and token.isalpha():
            head = _LETTER_BEFORE + head
        branches.append(head + _trie_branches(child))
    if "" in node:
        branches.append(node[""])  # the word ends here: after any longer one
    if len(branches) == 1:
        return branches[0]
    return f"(?:{'|'.join(branches)})"


@functools.cache
def _back_words() -> re.Pattern[str]:
    """The words read before a number, as one pattern over reversed text."""
    simple = _back_trie(_BACK_WORDS)
    cjk = r"[\u4e00-\u9fffA-Za-z]"
    people = r"口?人个?\s*(?:[0-9０-９,]+|[一二两三四五六七八九十百千万亿]+)\s*每|均人"
    special = [
        # 比2020年(末): a base year.
        r"(?:[末底])?年\s*[0-9]{3}[12]\s*[比较]",
        # 占地区生产总值(的)比重: a share.
        r"(?:重比|例比)的?[^0-9０-９%％()（），,。；;]{1,40}?占",
        r"比占",
        r"(?i:fo\s+erahs(?:\s+a)?)(?![A-Za-z])",
        # 每万人口…拥有量 and 新增…实验室: a noun between the words and the number.
        rf"{cjk}{{1,40}}?(?:{people}|增新|计累)",
        people,
        r"[+＋]",
    ]
    return re.compile(f"{simple}|{'|'.join(special)}", re.IGNORECASE)


class Span(NamedTuple):
    """A figure's words in the document, and the figure they state.

    A named tuple, not a frozen dataclass: one is made for each figure, and
    a tuple is made in a third of the time."""

    start: int
    end: int
    anchor: int
    figure: Figure
    lead: bool  # words before the number (qualifiers, changes, shares)
    ratio: tuple[int, int] | None = None


def _starts(text: str, reverse: str, anchor: int) -> list[int]:
    """Where the figure at *anchor* may start, farthest first, *anchor* last."""
    size = len(text)
    prefix = _BACK_PREFIX.match(reverse, size - anchor)
    number = anchor - (prefix.end() - prefix.start()) if prefix else anchor
    starts = [number]
    position = number
    words = _back_words()
    previous = ""  # the word walked over last, reversed as found
    for _ in range(_MAX_LEAD_WORDS):
        back = position
        while back > 0 and text[back - 1] in " \t\u3000":
            back -= 1
        found = words.match(reverse, size - back)
        if found is None:
            break
        word = found.group()
        # Spelt out only when it may be a weak lead ("to", "were"): most are not.
        if (
            len(word) <= _LONGEST_WEAK_LEAD
            and word[::-1].lower() in _WEAK_LEADS
            and " ".join(previous[::-1].lower().split()) in _CHANGE_WORDS
        ):
            break  # "aims to add 2 GW": "to" leads a number, not a change
        previous = word
        position = back - (found.end() - found.start())
        starts.append(position)
    starts.reverse()
    if number != anchor:
        starts.append(anchor)
    return starts


def _clause_end(text: str, at: int) -> int:
    found = _CLAUSE_END.search(text, at, min(len(text), at + _WINDOW))
    return found.start() if found else min(len(text), at + _WINDOW)


def _bare(figure: Figure) -> bool:
    """A number with no unit, count, change or form: a year, an ordinal, a code."""
    return (
        # No unit at all; pint's .dimensionless converts, which takes long.
        not figure.quantity._units
        and figure.measure is None
        and figure.counted is None
        and figure.change is None
        and figure.per is None
        and figure.share_of is None
    )


_CHANGE_WORDS: Final = frozenset(
    word.lower() for word in (*_EN_CHANGES, *_ZH_CHANGES, *_MULTIPLES)
)
_WEAK_LEADS: Final = frozenset({"at", "to", "of", "为", "is", "was", "were"})
_LONGEST_WEAK_LEAD: Final = max(map(len, _WEAK_LEADS))


# Digits by the class the grammar tells apart: 0, 1, 2 (a year starts with 1
# or 2, a count of people must not be 0) and the rest.  Two windows that
# differ only within a class state figures of the same length.  (Replacing
# with a pattern is several times faster than str.translate on CJK text.)
# After its first digit, a number's digits matter only by how many there are
# (the grammar reads a year by its first digit and limits counts by their
# length), up to nine of them: a count per so many people must not pass 10^9.
# Both become 3 in one pass: a later digit, or a first digit of 4 to 9.
_CLASS_THREE: Final = re.compile(r"(?<=[0-9])[0-9]|[4-9]")
_HIGH_WIDE_DIGIT: Final = re.compile(r"[４-９]")
_LONG_RUN: Final = re.compile(r"[0-9]{10}")
_LENGTHS: dict[str, int] = {}
_KEPT: Final = 8192
_T = TypeVar("_T")
_K = TypeVar("_K", bound=Hashable)
_NO_FIGURE: Final = -1


def shape(window: str) -> str:
    """What :func:`figure_length` of *window* depends on: its digits by class,
    the first of a number kept and the later ones by how many (a run of ten
    digits or more is kept as it is)."""
    if _LONG_RUN.search(window) is not None:
        return "\0" + window
    return shape_of_text(window)


def _length(text: str, shaped: str, start: int, stop: int) -> int:
    """:func:`figure_length` of ``text[start:stop]``, kept by the :func:`shape`
    of its digits; -1 where no figure starts.

    *shaped* is the shape of the whole *text*, made once: a window's shape is
    its slice of it (one slice instead of two substitutions over each window,
    a third of the time of reading a figure), except where the window starts
    on a digit just after another (the whole text's shape counts it as a
    later digit, the window's own as a first) or holds a run of ten digits.
    """
    if (
        start and text[start - 1] in _ASCII_DIGITS and text[start] in _ASCII_DIGITS
    ) or _LONG_RUN.search(text, start, stop) is not None:
        key = shape(text[start:stop])
    else:
        key = shaped[start:stop]
    known = _LENGTHS.get(key)
    if known is None:
        try:
            known = figure_length(text[start:stop])
        except ParseError:
            known = _NO_FIGURE
        _keep(_LENGTHS, key, known)
    return known


_ASCII_DIGITS: Final = frozenset("0123456789")


def shape_of_text(text: str) -> str:
    """:func:`shape` of every window of *text* at once, but for the windows
    :func:`_length` tells apart: one pass over the whole text."""
    return _HIGH_WIDE_DIGIT.sub("３", _CLASS_THREE.sub("3", text))


def _keep(kept: dict[_K, _T], key: _K, value: _T) -> None:
    """Keep *value*, emptying *kept* first when it is full (a document's
    shapes repeat; a bound keeps hostile text from growing it)."""
    if len(kept) >= _KEPT:
        kept.clear()  # another thread may be reading: get() never fails
    kept[key] = value


_BEFORE: Final = 64
"""Characters before a number that decide where its words may start: the
walk back stops where no word ends, which a word of at most 48 characters
(a share's whole, a noun before 新增) decides."""


# What may follow a number in its figure: a unit, a percent sign, a word, a
# bracket.  A number with no word before it and none of these after it is a
# bare number, which is no figure: it is left without reading it.
_GOES_ON: Final = re.compile(r"\s*(?:[^\W\d_]|[%％(（])")


# A reading kept by its exact words: (start, end, figure, lead) relative to
# the number, or () where no figure reads.
_Reading = tuple[int, int, Figure, bool] | tuple[()]
_READINGS: dict[tuple[str, int, int, bool], _Reading] = {}


_ROUND: Final = 1024
"""Numbers read in a round, after which keeping their readings is decided again."""

_RESTING_ROUNDS: Final = 7
"""Rounds read without kept readings after a round that found few again."""


class _Keeping:
    """Whether the document being read looks its readings up and keeps them.

    A kept reading saves the walk back, the window's shape and
    ``parse_figure`` (some 15 µs) where the same words come again; looking
    one up and keeping it costs its key, 184 characters sliced and hashed
    (some 2 µs).  Report text hardly ever repeats a window (none of the
    36,449 numbers of the benchmark's megabyte: a sixth of the time of
    finding its figures went to the table), while templated and hostile text
    repeats nearly every one.  So it is decided by rounds of 1,024 numbers:
    after a round in which fewer than one in eight was found again, the next
    seven rounds neither look up nor keep, then a round tries again.  What
    is read is the same either way; only the time differs.
    """

    __slots__ = ("hits", "on", "reads", "resting")

    def __init__(self) -> None:
        self.on = True
        self.reads = 0
        self.hits = 0
        self.resting = 0

    def count(self) -> None:
        """Count a number read, and at the end of a round decide the next."""
        self.reads += 1
        if self.reads < _ROUND:
            return
        if self.on:
            self.on = self.hits * 8 >= self.reads
            self.resting = _RESTING_ROUNDS
        else:
            self.resting -= 1
            self.on = self.resting == 0
        self.reads = self.hits = 0


def _read(
    text: str,
    reverse: str,
    shaped: str,
    anchor: int,
    anchor_end: int,
    arabic: bool,
    keeping: _Keeping,
) -> Span | None:
    """The figure whose number is at *anchor*, or None if none reads there.

    Kept by the exact text around the number (what :func:`_starts` and
    :func:`_clause_end` look at), while *keeping* says it pays: hostile and
    templated text repeats whole figures with their surroundings, and a kept
    reading skips the walk back, the shape of the window and
    ``parse_figure``.  Figures are frozen, so the kept one stands for every
    occurrence of the same words.
    """
    goes_on = not arabic or _GOES_ON.match(text, anchor_end) is not None
    keeping.count()
    if not keeping.on:
        starts = _starts(text, reverse, anchor)
        return _read_from(text, shaped, starts, anchor, anchor_end, goes_on)
    left = max(0, anchor - _BEFORE)
    key = (
        text[left : anchor_end + _WINDOW],
        anchor - left,
        anchor_end - anchor,
        goes_on,
    )
    kept = _READINGS.get(key)  # get(): another thread may empty it
    if kept is not None:
        keeping.hits += 1
        if not kept:
            return None
        start, end, figure, lead = kept
        return Span(anchor + start, anchor + end, anchor, figure, lead)
    starts = _starts(text, reverse, anchor)
    read = _read_from(text, shaped, starts, anchor, anchor_end, goes_on)
    if anchor - starts[0] <= _BEFORE - 48 or left == 0:
        # Only where the farthest start leaves room for the longest word
        # before it: then the characters kept decide where the words start.
        _keep(
            _READINGS,
            key,
            ()
            if read is None
            else (read.start - anchor, read.end - anchor, read.figure, read.lead),
        )
    return read


def _read_from(
    text: str,
    shaped: str,
    starts: list[int],
    anchor: int,
    anchor_end: int,
    goes_on: bool,
) -> Span | None:
    """The figure at *anchor* read from the first of *starts* that reads."""
    if not goes_on and len(starts) == 1:
        return None
    stop = _clause_end(text, anchor_end)
    for start in starts:
        length = _length(text, shaped, start, stop)
        end = start + length
        if length == _NO_FIGURE or end < anchor_end:
            continue
        try:
            figure = parse_figure(text[start:end])
        except ParseError:
            continue
        lead = text[start:anchor].strip()
        if _bare(figure):
            digits = text[anchor:anchor_end]
            year_like = (
                len(digits) == 4 and digits.isdigit() and 1900 <= int(digits) < 2200
            )
            if year_like or not lead or lead.lower() in _WEAK_LEADS:
                return None
        return Span(start, end, anchor, figure, bool(lead))
    return None


def _ratio(text: str, match: re.Match[str]) -> Iterator[Span]:
    """The terms of a ratio "0.5:43:56.5", or nothing for a clock time."""
    whole = match.group()
    if _CLOCK.fullmatch(whole.replace(" ", "")) and not _ratio_said(
        text, match.start()
    ):
        return
    terms = list(_RATIO_TERM.finditer(text, match.start(), match.end()))
    try:
        figures = [parse_figure(term.group()) for term in terms]
    except ParseError:
        return  # a term of more digits than any number: not a ratio anyone states
    for index, (term, figure) in enumerate(zip(terms, figures, strict=True), 1):
        yield Span(
            term.start(), term.end(), term.start(), figure, False, (index, len(terms))
        )


_RATIO_WORDS: Final = re.compile(r"比例|结构|比为|之比|ratio|structure", re.IGNORECASE)


def _ratio_said(text: str, at: int) -> bool:
    before = re.split(r"[。；;！？!?\n]", text[max(0, at - 40) : at])[-1]
    return _RATIO_WORDS.search(before) is not None


def spans(text: str) -> Iterator[Span]:
    """Every figure of *text*, in reading order, none overlapping another."""
    reverse = text[::-1]
    shaped = shape_of_text(text)
    keeping = _Keeping()
    last_end = 0
    for match in _ANCHOR.finditer(text):
        kind = match.lastgroup
        if kind == "ratio":
            for span in _ratio(text, match):
                last_end = span.end
                yield span
            continue
        anchor, anchor_end = match.start(), match.end()
        if anchor < last_end:
            continue  # inside the figure before: "($11.2 billion)", 1-8月
        if kind == "digits":
            if anchor_end - anchor > _LONGEST_NUMBER:
                continue  # a run of digits, not a number anyone states
            last = text[anchor - 1] if anchor else ""
            if (last in _NOT_BEFORE_ENDS or last.isspace()) and _NOT_BEFORE.search(
                text[max(0, anchor - 4) : anchor]
            ):
                continue
            if _NOT_AFTER.match(text, anchor_end):
                continue
            digits = match.group()
            if len(digits) > 1 and digits[0] in "0０" and digits[1] not in ".．":
                continue  # 0592: a code, not a quantity
        read = _read(
            text, reverse, shaped, anchor, anchor_end, kind == "digits", keeping
        )
        if read is None or read.start < last_end:
            continue
        if kind == "numeral" and read.figure.measure is not None and not read.lead:
            continue  # 千家万户, 一批: a numeral and a measure word, no figure
        last_end = read.end
        yield read
