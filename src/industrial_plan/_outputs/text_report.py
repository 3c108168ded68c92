"""The report as lines of plain text for a terminal of a given width.

Each row is formatted once; the widths of the columns are measured once, from
the cells' text, without rendering anything; the lines are then produced one
row at a time, so that a caller can write them as they come.  A table whose
cells cannot fit (each column at least as wide as its longest word) becomes
one block per target, label beside value.

Columns are separated by two spaces, without a box: eight boxed columns need
25 characters of rules and padding, which is what kept a useful table out of
100 columns.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Final

from industrial_plan._progress.system import SystemAssessment

from .rows import COLUMNS, Display, Row, _row, headers, notes, title

__all__ = ["cell_len", "fit_widths", "report_lines", "wrap"]


def _plain_cell_len(text: str) -> int:
    """Cells *text* takes in a terminal: two for wide East Asian characters."""
    return sum(
        2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in text
        if not unicodedata.combining(c)
    )


try:
    from rich.cells import cell_len as _cell_len
except ImportError:  # without the cli extra: str() of a review still reads
    _cell_len = _plain_cell_len  # type: ignore[assignment]


def cell_len(text: str) -> int:
    """Cells *text* takes in a terminal: two for wide East Asian characters."""
    # Printable ASCII takes one cell a character: a report measures millions
    # of cells, mostly such, and these two tests run in C.
    if text.isascii() and text.isprintable():
        return len(text)
    return _cell_len(text)


_GAP: Final = "  "
_NUMERIC: Final = frozenset({"attainment", "gap", "required_cagr"})
# East Asian characters break anywhere; other text breaks at spaces.
_WIDE: Final = "\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"
_TOKEN: Final = re.compile(rf"(\s*)([{_WIDE}]|[^\s{_WIDE}]+)")


def _tokens(text: str) -> list[tuple[str, str]]:
    return [(m[1], m[2]) for m in _TOKEN.finditer(text)]


def _longest_word(text: str) -> int:
    return max((cell_len(word) for _, word in _tokens(text)), default=0)


def wrap(text: str, width: int) -> list[str]:
    """*text* in lines of at most *width* cells, broken at spaces or between
    East Asian characters; a word longer than *width* keeps a line of its own."""
    if cell_len(text) <= width:
        return [text]
    lines: list[str] = []
    line = ""
    for space, word in _tokens(text):
        joined = f"{line}{' ' if space else ''}{word}" if line else word
        if line and cell_len(joined) > width:
            lines.append(line)
            line = word
        else:
            line = joined
    lines.append(line)
    return lines


def fit_widths(cells: Sequence[Sequence[str]], width: int) -> list[int] | None:
    """Column widths that fit *width* with two spaces between columns, or None.

    Each column gets its widest cell if all fit; otherwise the widest columns
    give way, down to their longest word.  None when even that is too wide.
    """
    # Columns repeat their cells ("—", statuses, metric names): each distinct
    # text is measured once.
    columns = [set(column) for column in zip(*cells, strict=True)]
    natural = [max(map(cell_len, column)) for column in columns]
    room = width - len(_GAP) * (len(natural) - 1)
    if sum(natural) <= room:
        return natural
    least = [max(map(_longest_word, column)) for column in columns]
    if sum(least) > room:
        return None
    widths = list(natural)
    excess = sum(widths) - room
    while excess > 0:
        # Take from the column with most to give, one cell at a time.
        i = max(range(len(widths)), key=lambda k: widths[k] - least[k])
        take = min(excess, max(1, (widths[i] - least[i]) // 2))
        widths[i] -= take
        excess -= take
    return widths


def _pad(text: str, width: int, right: bool) -> str:
    space = " " * (width - cell_len(text))
    return space + text if right else text + space


def _table(
    head: Sequence[str], rows: Iterable[Row], widths: Sequence[int], spaced: bool
) -> Iterator[str]:
    """The table; *spaced* puts a blank line between rows, for rows that wrap."""
    right = [column in _NUMERIC for column in COLUMNS]

    def lines(cells: Sequence[str]) -> Iterator[str]:
        wrapped = [wrap(c, w) for c, w in zip(cells, widths, strict=True)]
        for k in range(max(len(w) for w in wrapped)):
            parts = [
                _pad(w[k] if k < len(w) else "", width, r)
                for w, width, r in zip(wrapped, widths, right, strict=True)
            ]
            yield _GAP.join(parts).rstrip()

    yield from lines(head)
    yield _GAP.join("─" * w for w in widths)
    for k, row in enumerate(rows):
        if spaced and k:
            yield ""
        yield from lines(row.cells())


def _cards(head: Sequence[str], rows: Iterable[Row], width: int) -> Iterator[str]:
    labels = head[1:]
    indent = max(cell_len(label) for label in labels) + len(_GAP)
    room = max(width - indent, 1)
    for row in rows:
        yield ""
        yield row.owner
        for label, cell in zip(labels, row.cells()[1:], strict=True):
            for k, line in enumerate(wrap(cell, room)):
                yield (_pad(label, indent, False) if k == 0 else " " * indent) + line


def report_lines(
    assessment: SystemAssessment,
    display: Display | None,
    width: int,
    *,
    progress: Callable[[int], None] | None = None,
) -> Iterator[str]:
    """The report for a terminal *width* cells wide, line by line, then its notes.

    A table if its columns fit (wrapping cells at spaces), else one block per
    target.  *progress*, if given, is called with the count of rows formatted
    so far while rows are formatted (every row before the first line, since
    the widths depend on every cell).
    """
    chosen = display or Display()
    system = assessment.system
    rows: list[Row] = []
    for result in assessment:
        rows.append(_row(result, system, chosen))
        if progress is not None and len(rows) % 256 == 0:
            progress(len(rows))
    if progress is not None:
        progress(len(rows))
    head = headers(chosen.lang)
    name = title(assessment, chosen.lang)
    cells = [head, *(row.cells() for row in rows)]
    widths = fit_widths(cells, width)
    yield from wrap(name, width)
    if widths is not None:
        natural = sum(
            max(map(cell_len, set(column))) for column in zip(*cells, strict=True)
        )
        yield from _table(head, rows, widths, spaced=sum(widths) < natural)
    else:
        yield from _cards(head, rows, width)
    extra = notes(assessment, chosen)
    if extra:
        yield ""
    for note in extra:
        yield from wrap(note, width)
