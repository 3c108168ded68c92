"""``industrial-plan extract FILE``: the figures of a document, or a draft plan.

Without ``-o`` the command lists what :func:`~industrial_plan.find_figures`
finds (a table, JSON or CSV); with ``-o draft.toml`` it writes the draft
:func:`~industrial_plan.draft_plan` makes, listing on stderr the figures it
could not place.  :mod:`.cli` registers :func:`extract` on the application.
"""

from __future__ import annotations

import csv
import enum
import io
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

import typer

from industrial_plan._figures.document import find_figures
from industrial_plan._figures.found import FoundFigure, Role
from industrial_plan._files.draft import Draft, draft_from_figures, unplaced_text
from industrial_plan._files.plan_files import load
from industrial_plan._plan.targets import Target
from industrial_plan._text import neutral

from .cli_base import Lang, _fail, _reported, figure_json, path_given

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_PLAN_SUFFIXES = (".toml", ".yaml", ".yml", ".json")
_STDIN = "-"


class ListFormat(enum.StrEnum):
    """Output formats of ``extract``'s listing."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"


_LABELS = {
    "en": ("line", "subject", "figure", "year", "period", "role", "quote"),
    "zh": ("行", "指标", "数值", "年份", "期间", "类型", "原文"),
}
_ROLES = {
    "en": {Role.TARGET: "target", Role.OBSERVATION: "observed"},
    "zh": {Role.TARGET: "目标", Role.OBSERVATION: "实际"},
}
_ESTIMATE = {"en": " (estimate)", "zh": "（预计）"}


def extract(
    file: Annotated[
        str,
        typer.Argument(
            metavar="FILE",
            help="The document: a UTF-8 text file, or - for standard input.",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PLAN",
            parser=path_given,
            help=(
                "Write a draft plan (.toml, .yaml or .json) instead of listing "
                "the figures; the figures it cannot place go to stderr and, "
                "as comments, into the draft."
            ),
        ),
    ] = None,
    into: Annotated[
        Path | None,
        typer.Option(
            "--into",
            metavar="PLAN",
            parser=path_given,
            help=(
                "With -o: add the figures to a copy of this plan, matching its "
                "metrics by id or by name in either language."
            ),
        ),
    ] = None,
    lang: Annotated[
        Lang | None,
        typer.Option(
            "--lang",
            help=(
                "Read every sentence by this language's rules (default: each by "
                "its own script); the listing's labels and the draft's name "
                "in it."
            ),
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        ListFormat | None,
        typer.Option(
            "--format",
            help="Format of the listing: table (the default), json or csv.",
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="With -o: replace the draft even if it is read-only."
        ),
    ] = False,
) -> None:
    """Find the figures of a document; list them, or write a draft plan.

    The listing has a row per figure: its line, the indicator it is about,
    the figure as written, its year and part of a year, whether the text aims
    at it or reports it, and the sentence.  With -o, targets and observations
    of the whole region, each quoting its sentence; subjects become metrics,
    the built-in ones (and with --into that plan's) matched by name.

    Examples:

      industrial-plan extract bulletin.txt

      industrial-plan extract bulletin.txt --format csv > figures.csv

      industrial-plan extract bulletin.txt -o draft.toml

      industrial-plan extract review.txt --into plan.toml -o plan-2024.toml

      cat report.txt | industrial-plan extract - --lang zh
    """
    if into is not None and output is None:
        _fail("--into adds to a copy of a plan: give -o for the draft too", 2)
    if output is not None and output_format is not None:
        _fail("--format is for the listing; -o writes a plan, by its suffix", 2)
    if output is not None and output.suffix.lower() not in _PLAN_SUFFIXES:
        _fail(f"-o {str(output)!r}: a plan file ends in .toml, .yaml, .yml or .json", 2)
    name, text = _read(file)
    language = lang.value if lang is not None else None
    with _reported():
        found = find_figures(text, lang=language)
        if output is None:
            _list(found, text, name, language, output_format or ListFormat.TABLE)
            return
        plan = load(into) if into is not None else None
        draft = draft_from_figures(found, text, document=name, lang=language, into=plan)
        for item in draft.unplaced:
            typer.echo(
                f"{name}:{item.found.line}: not placed: {unplaced_text(item)}", err=True
            )
        written = draft.save(output, force=force)
        typer.echo(f"wrote {written}: {_summary(draft)}")


def _read(file: str) -> tuple[str, str]:
    """The document's name (its file name, or "stdin") and its text."""
    if file == _STDIN:
        name, shown = "stdin", "standard input"
        data = typer.get_binary_stream("stdin").read()
    else:
        path = Path(file)
        name, shown = path.name, file
        try:
            data = path.read_bytes()
        except OSError as error:
            _fail(f"{file}: cannot read the file: {error.strerror or error}")
    try:
        return name, data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        _fail(
            f"{shown}: not UTF-8 text (byte 0x{data[error.start]:02x} at offset "
            f"{error.start}); save it as UTF-8, for instance with "
            "iconv -f GB18030 -t UTF-8"
        )


def _summary(draft: Draft) -> str:
    targets = sum(isinstance(p.item, Target) for p in draft.placed)
    observed = len(draft.placed) - targets
    parts = [
        _count(targets, "target"),
        _count(observed, "observation"),
        _count(len(draft.new_metrics), "new metric"),
    ]
    text = ", ".join(parts)
    if draft.unplaced:
        count = _count(len(draft.unplaced), "figure")
        text += f"; {count} not placed (listed on stderr and in the draft)"
    return text


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


# -- the listing -----------------------------------------------------------------------


def _list(
    found: Sequence[FoundFigure],
    text: str,
    name: str,
    lang: str | None,
    output: ListFormat,
) -> None:
    if output is ListFormat.JSON:
        records = [_record(item, text) for item in found]
        typer.echo(neutral(json.dumps(records, ensure_ascii=False, indent=2)))
    elif output is ListFormat.CSV:
        typer.echo(_csv(found, text), nl=False)
    else:
        _print_table(found, text, lang or "en")
    if not found:
        typer.echo(f"note: no figures found in {name}", err=True)


def _record(item: FoundFigure, text: str) -> dict[str, Any]:
    """A found figure as plain data: exact values, codes, offsets."""
    return {
        "line": item.line,
        "start": item.start,
        "end": item.end,
        "words": text[item.start : item.end],
        "subject": item.subject,
        "figure": figure_json(item.figure),
        "description": item.figure.describe(),
        "year": item.year,
        "base_year": item.base_year,
        "period": item.period.code if item.period is not None else None,
        "role": item.role.value if item.role is not None else None,
        "estimate": item.estimate,
        "ratio": list(item.ratio) if item.ratio is not None else None,
        "quote": item.quote,
    }


_CSV_COLUMNS = (
    "line",
    "subject",
    "words",
    "value",
    "unit",
    "qualifier",
    "description",
    "year",
    "base_year",
    "period",
    "role",
    "estimate",
    "ratio",
    "quote",
)


def _csv(found: Sequence[FoundFigure], text: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(_CSV_COLUMNS)
    for item in found:
        record = _record(item, text)
        figure = record["figure"]
        record.update(
            value=figure["value"],
            unit=figure["unit"] or "",
            qualifier=figure["qualifier"],
            estimate="true" if item.estimate else "false",
            ratio="" if item.ratio is None else f"{item.ratio[0]}/{item.ratio[1]}",
        )
        writer.writerow(
            "" if record[column] is None else record[column] for column in _CSV_COLUMNS
        )
    return neutral(buffer.getvalue())


def _print_table(found: Sequence[FoundFigure], text: str, lang: str) -> None:
    """A heading per sentence (its line and words), its figures under it in
    columns that line up across the document: at 80 columns the sentence has
    the whole width and the figures' columns share it."""
    from rich.cells import cell_len
    from rich.console import Console
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    console = Console()
    labels = _LABELS[lang]
    rows = [_cells(item, text, lang) for item in found]
    widths = [
        max([cell_len(labels[i + 1]), *(cell_len(row[i]) for row in rows)])
        for i in range(len(_CAPS))
    ]
    room = max(console.width - _INDENT - _GAP * (len(widths) - 1), len(widths) * 4)
    widths = _fit([min(w, cap) for w, cap in zip(widths, _CAPS, strict=True)], room)

    def grid(cells: Sequence[str], style: str = "") -> Padding:
        table = Table.grid(padding=(0, _GAP, 0, 0))
        for width in widths:
            table.add_column(width=width, overflow="fold")
        # Text, not str: rich would read "[...]" in a document as markup.
        table.add_row(*(Text(cell, style=style) for cell in cells))
        return Padding(table, (0, 0, 0, _INDENT))

    with console.capture() as captured:
        console.print(Text(f"{labels[0]}: {labels[-1]}", style="bold"))
        console.print(grid(labels[1:-1], "bold"))
        heading = None
        for item, row in zip(found, rows, strict=True):
            if (item.line, item.quote) != heading:
                heading = (item.line, item.quote)
                # A Chinese sentence has no spaces: after a space, rich would
                # move all of it to the next line.  A full-width colon holds it.
                mark = "：" if _CJK.search(item.quote) else ": "
                console.print(Text(f"{item.line}{mark}{item.quote}"))
            console.print(grid(row))
    # The columns pad every cell to its width: no spaces at the ends of lines.
    lines = captured.get().splitlines()
    typer.echo("\n".join(line.rstrip() for line in lines))


# The widest each column of the figures gets (subject, figure, year, period,
# role), before they share a narrow terminal; the indent under a sentence.
_CAPS = (24, 20, 4, 16, 16)
_INDENT = 3
_GAP = 2


def _fit(widths: list[int], room: int) -> list[int]:
    """*widths* narrowed, widest first, until they fit in *room* cells."""
    while sum(widths) > room:
        widest = max(range(len(widths)), key=widths.__getitem__)
        if widths[widest] <= 4:
            break
        widths[widest] -= 1
    return widths


def _cells(item: FoundFigure, text: str, lang: str) -> tuple[str, ...]:
    """Subject, figure as written, year, period and role, as shown."""
    role = _ROLES[lang][item.role] if item.role is not None else "—"
    if item.estimate:
        role += _ESTIMATE[lang]
    return (
        item.subject or "—",
        " ".join(text[item.start : item.end].split()),
        str(item.year) if item.year is not None else "—",
        item.period.describe(lang) if item.period is not None else "—",
        role,
    )
