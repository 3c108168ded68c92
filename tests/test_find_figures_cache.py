"""find_figures reads alike with and without the readings it keeps (issue 20).

The reader keeps each number's reading by the exact text around it, and
where figures end by the shape of the words after them (``_figures.spans``).  Whatever
was read before, a document must give what it gives to a reader that keeps
nothing: the same figures, offsets and context.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import Any
from unittest.mock import patch

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import industrial_plan as ip
from industrial_plan import FoundFigure, find_figures, testing
from industrial_plan._figures import spans

_PIECES = (
    "增长",
    "下降",
    "超过",
    "约",
    "分别",
    "和",
    "，",
    "。",
    "%",
    "亿元",
    "家",
    "个百分点",
    "到2025年",
    "比上年",
    "前三季度",
    "（",
    "）",
    "(",
    "$",
    " ",
    "\n",
    "\x00",
    "of",
    "from",
    "to",
    "in 2023",
    "respectively",
    "billion yuan",
    "percent",
    "per 10,000 people",
    "5",
    "12",
    "3.5",
    "1,234",
    "2023",
    "GDP",
    "地区生产总值",
    "每万人口发明专利拥有量达到",
)


class _NeverKept(dict[Any, Any]):
    """A table that keeps nothing: every lookup misses."""

    def __setitem__(self, key: object, value: object) -> None:
        pass


@contextmanager
def _keeping_nothing() -> Iterator[None]:
    with ExitStack() as stack:
        for name in ("_READINGS", "_LENGTHS"):
            stack.enter_context(patch.object(spans, name, _NeverKept()))
        yield


def _uncached(text: str) -> list[FoundFigure]:
    with _keeping_nothing():
        return find_figures(text)


def _written(figure: ip.Figure, zh: bool) -> str:
    return ip.format_figure(figure, locale="zh" if zh else "en")


_FIGURES = st.builds(_written, testing.stated_figures(), st.booleans())
_PARTS = st.lists(st.sampled_from(_PIECES) | _FIGURES, min_size=1, max_size=30)


@settings(max_examples=60)
@given(_PARTS, st.randoms(use_true_random=False))
def test_kept_readings_read_as_fresh_ones(parts: list[str], rng: Any) -> None:
    text = "".join(parts)
    fresh = _uncached(text)
    # The same words elsewhere first, then the text itself, twice: the second
    # reading takes every figure from what the first kept.
    shuffled = parts[:]
    rng.shuffle(shuffled)
    find_figures("".join(shuffled))
    assert find_figures(text) == fresh
    assert find_figures(text) == fresh


@settings(max_examples=30)
@given(_PARTS, st.integers(1, 5))
def test_repeated_text_reads_as_each_copy_alone(parts: list[str], times: int) -> None:
    # Each copy after the first is read from kept readings, at other offsets.
    text = "".join(parts)
    assert find_figures(text * times) == _uncached(text * times)


def test_a_figure_repeated_reads_the_same_at_each_place() -> None:
    found = find_figures("增长5%，" * 1000)
    assert len(found) == 1000
    assert {item.figure for item in found} == {found[0].figure}
    assert [item.start for item in found] == [5 * i for i in range(1000)]
    assert found == _uncached("增长5%，" * 1000)


@settings(max_examples=40)
@given(_PARTS)
def test_found_figures_are_what_their_checked_constructor_builds(
    parts: list[str],
) -> None:
    # The reader builds them without the checks: the checks pass, and the
    # checked copy is equal, hashes alike and prints alike.
    for item in find_figures("".join(parts)):
        checked = FoundFigure(**attrs.asdict(item, recurse=False))
        assert checked == item
        assert hash(checked) == hash(item)
        assert repr(checked) == repr(item)


@settings(max_examples=300)
@given(st.text(alphabet="0123456789０１２３４５６７８９.,年 a增", max_size=30))
def test_a_shape_classes_first_digits_and_counts_later_ones(window: str) -> None:
    # The shape in one pass is the shape in steps: first digits of 4 to 9 (and
    # full-width ４ to ９) become 3, then every digit after a digit becomes 3.
    stepwise = re.sub("[４-９]", "３", re.sub("[4-9]", "3", window))
    stepwise = re.sub("(?<=[0-9])[0-9]", "3", stepwise)
    if re.search("[0-9]{10}", window):
        stepwise = "\0" + window
    assert spans.shape(window) == stepwise


def test_readings_are_kept_by_rounds_while_they_are_found_again() -> None:
    """Keeping readings is decided by rounds of numbers: off for seven rounds
    after one in which fewer than one in eight was found again, then tried
    again; on while they are."""
    keeping = spans._Keeping()
    states = []
    for number in range(12 * spans._ROUND):
        if keeping.on and number % 2 == 0 and number >= 8 * spans._ROUND:
            keeping.hits += 1  # from the ninth round on, every other one
        keeping.count()
        states.append(keeping.on)
    rounds = [states[r * spans._ROUND] for r in range(12)]
    assert rounds == [True, False, False, False, False, False, False, False, True,
                      True, True, True]  # fmt: skip


def test_a_document_that_turns_repetitive_reads_as_with_nothing_kept() -> None:
    """Novel figures first (keeping stops), then the same figure over and over
    (keeping starts again): the same figures as a reader that keeps nothing."""
    novel = "".join(f"工业投资增长{n % 97}.{n}%，" for n in range(3 * spans._ROUND))
    repeated = "出口增长5.5%，" * (10 * spans._ROUND)
    text = novel + "。" + repeated + "。" + novel[: 50 * 20]
    seen: list[bool] = []
    original = spans._Keeping.count

    def count(self: Any) -> None:
        original(self)
        seen.append(self.on)

    with patch.object(spans._Keeping, "count", count):
        found = find_figures(text)
    assert False in seen  # it stopped keeping
    assert seen[-1] is True  # and started again
    assert found == _uncached(text)
