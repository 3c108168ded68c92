"""Progress reports for people and programs: a rich table, CSV, Markdown and JSON.

The table, the display CSV and Markdown are written from the rows of
:mod:`.rows`.  JSON is the exception: it is :meth:`Assessment.record` per
target, exact and unconverted, so that machines read the numbers the
assessment computed, not their display; the data CSV (:func:`report_csv`)
spreads those records over columns.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Callable, Iterable
from json.encoder import encode_basestring as _json_string
from typing import TYPE_CHECKING, Any, Final, Literal, overload

from industrial_plan._errors import FieldError
from industrial_plan._money.rates import Rate
from industrial_plan._money.units import currency_of
from industrial_plan._progress.system import SystemAssessment
from industrial_plan._text import neutral

from .review import review_json
from .rows import COLUMNS, Display, display_rates, headers, notes, rows, title

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.table import Table

__all__ = [
    "csv_records",
    "json_records",
    "json_text",
    "markdown",
    "rate_record",
    "report_csv",
    "rich_cards",
    "rich_report",
    "rich_table",
    "to_csv",
]

# What rich puts where it cuts a cell short.
_ELLIPSIS: Final = "…"

# -- rich, CSV, Markdown ---------------------------------------------------------------


def rich_table(assessment: SystemAssessment, display: Display | None = None) -> Table:
    """The report as a :class:`rich.table.Table` (needs the ``cli`` extra)."""
    # Optional: only the command line needs rich.
    from rich.table import Table
    from rich.text import Text

    chosen = display or Display()
    # Text, not str: rich would read "[...]" in a plan's names as markup.
    table = Table(title=Text(title(assessment, chosen.lang)))
    numeric = {"attainment", "gap", "required_cagr"}
    for column, heading in zip(COLUMNS, headers(chosen.lang), strict=True):
        justify: Literal["left", "right"] = "right" if column in numeric else "left"
        table.add_column(Text(heading), justify=justify)
    for row in rows(assessment, chosen):
        table.add_row(*(Text(cell) for cell in row.cells()))
    return table


def rich_cards(
    assessment: SystemAssessment, display: Display | None = None
) -> RenderableType:
    """The report one target at a time, label beside value, for narrow terminals.

    Eight columns need about 140 characters; squeezed into 80 they would
    break words.  Here each value has a line of its own.
    """
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    chosen = display or Display()
    labels = headers(chosen.lang)[1:]
    parts: list[RenderableType] = [Text(title(assessment, chosen.lang), style="bold")]
    for row in rows(assessment, chosen):
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="dim")
        grid.add_column()
        for label, cell in zip(labels, row.cells()[1:], strict=True):
            grid.add_row(Text(label), Text(cell))
        parts.extend([Text(""), Text(row.owner, style="bold"), grid])
    return Group(*parts)


def rich_report(
    assessment: SystemAssessment, display: Display | None, width: int
) -> RenderableType:
    """The table if it fits in *width* characters, else :func:`rich_cards`.

    The table fits when rich can show it without cutting a cell short ("…"),
    wrapping lines at spaces as needed.
    """
    from rich.console import Console

    chosen = display or Display()
    table = rich_table(assessment, chosen)
    trial = Console(width=width, file=io.StringIO(), color_system=None)
    with trial.capture() as captured:
        trial.print(table)
    cells = [title(assessment, chosen.lang), *headers(chosen.lang)]
    cells.extend(cell for row in rows(assessment, chosen) for cell in row.cells())
    stated = sum(cell.count(_ELLIPSIS) for cell in cells)
    if captured.get().count(_ELLIPSIS) <= stated:
        return table
    return rich_cards(assessment, chosen)


def to_csv(assessment: SystemAssessment, display: Display | None = None) -> str:
    """The report rows as CSV text, with a header row (notes are not included)."""
    chosen = display or Display()
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(headers(chosen.lang))
    writer.writerows(row.cells() for row in rows(assessment, chosen))
    return buffer.getvalue()


# Record fields that hold a figure (Assessment.record's _figure_record), each
# spread over one column per part so that a spreadsheet reads numbers.
FIGURE_FIELDS: Final = (
    "target",
    "latest",
    "baseline",
    "attainment",
    "gap",
    "required_cagr",
    "linear_change_needed",
    "observed_cagr",
    "projected",
    "expected_shortfall",
    "ratio",
    "actual",
    "target_level",
    "headroom_used",
    "partial",
)
FIGURE_PARTS: Final = (
    "value",
    "low",
    "high",
    "low_inclusive",
    "high_inclusive",
    "qualifier",
    "approximate",
)
_RATE_PARTS: Final = ("base", "quote", "value", "source", "effective", "year", "days")


def csv_records(
    assessment: SystemAssessment, display: Display | None = None
) -> list[dict[str, str]]:
    """The JSON records (:func:`json_records`) flattened into CSV cells.

    A figure ``gap`` becomes ``gap_value``, ``gap_low``, ``gap_high``,
    ``gap_low_inclusive``, ``gap_high_inclusive``, ``gap_qualifier`` and
    ``gap_approximate``; values are exact decimal strings in the record's
    ``unit``, years are numbers, booleans ``true``/``false``, a missing value
    an empty cell; notes and rates are joined with "; ".  Every record has the
    same columns, in the same order; a plan without targets gives no text.
    """
    flat = []
    # The columns a key spreads over, worked out once per key, not per record.
    spread: dict[str, tuple[tuple[str, str], ...]] = {}
    for record in json_records(assessment, display):
        row: dict[str, str] = {}
        for key, value in record.items():
            columns = spread.get(key)
            if columns is None:
                if key == "display_rate":
                    columns = spread[key] = _columns(key, _RATE_PARTS)
                elif key in FIGURE_FIELDS:
                    columns = spread[key] = _columns(key, FIGURE_PARTS)
                elif type(value) is dict:
                    columns = _columns(key, FIGURE_PARTS)  # this record's only
            if columns is not None:
                if value is None:
                    row.update((name, "") for name, _ in columns)
                else:
                    for name, part in columns:
                        row[name] = _csv_cell(value.get(part))
            elif type(value) is list:
                row[key] = "; ".join(str(item) for item in value)
            else:
                row[key] = _csv_cell(value)
        flat.append(row)
    return flat


def _csv_cell(value: object) -> str:
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    return value if type(value) is str else str(value)


def _columns(key: str, parts: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(column, part) for each part a field *key* is spread over."""
    return tuple((f"{key}_{part}", part) for part in parts)


def report_csv(assessment: SystemAssessment, display: Display | None = None) -> str:
    """The report as data for spreadsheets: one row per target (:func:`csv_records`).

    Unlike :func:`to_csv`, which writes the table's display text ("2027:
    CN¥3T"), each value, bound, unit and year has its own column, exact and
    unconverted, like the JSON report.
    """
    records = csv_records(assessment, display)
    if not records:
        return ""  # no target, no columns to name
    columns = list(records[0])
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(records)
    return neutral(buffer.getvalue())


def markdown(assessment: SystemAssessment, display: Display | None = None) -> str:
    """The report as a Markdown pipe table, followed by its notes."""
    chosen = display or Display()
    lines = [f"## {_markdown_cell(title(assessment, chosen.lang))}", ""]
    lines.append(_markdown_line(headers(chosen.lang)))
    lines.append(_markdown_line(["---"] * len(COLUMNS)))
    lines.extend(_markdown_line(row.cells()) for row in rows(assessment, chosen))
    extra = notes(assessment, chosen)
    if extra:
        lines.append("")
        lines.extend(f"- {_markdown_cell(note)}" for note in extra)
    return "\n".join(lines) + "\n"


def _markdown_line(cells: Iterable[str]) -> str:
    return "| " + " | ".join(_markdown_cell(cell) for cell in cells) + " |"


# A pipe ends a cell; "<" before a letter opens HTML and "&" before a name an
# entity; the others mark emphasis, code and links.  A backslash escapes each
# in CommonMark; "< 8.45 %" and "& co" stay as they are.
_MARKDOWN_SPECIAL: Final = re.compile(r"[\\|*_`\[\]]|<(?=[A-Za-z/!?])|&(?=[A-Za-z#])")


def _markdown_cell(text: str) -> str:
    escaped = _MARKDOWN_SPECIAL.sub(lambda m: "\\" + m[0], neutral(text))
    return escaped.replace("\n", " ")  # a newline would end the row


# -- JSON ------------------------------------------------------------------------------


def json_records(
    assessment: SystemAssessment, display: Display | None = None
) -> list[dict[str, Any]]:
    """One record per target: :meth:`Assessment.record`, exact and unconverted.

    With a display currency, each record also gets ``display_rate``: the rate
    from the record's unit to that currency (:func:`rate_record`), or ``None``
    where no conversion applies (not money, or already that currency).
    """
    records = assessment.records()
    if display is None or display.currency is None:
        return records
    for result, record in zip(assessment, records, strict=True):
        figure = result.target.figure
        code = currency_of(figure.quantity) if figure is not None else None
        rate = display.rate_from(code)
        record["display_rate"] = rate_record(rate) if rate is not None else None
    return records


ReportView = Literal["progress", "review", "both"]
"""Which part of a report: the progress per target, the review, or both."""


@overload
def report_json(
    assessment: SystemAssessment,
    view: Literal["progress"],
    *,
    currency: str | None = None,
    on: dt.date | None = None,
) -> list[dict[str, Any]]: ...
@overload
def report_json(
    assessment: SystemAssessment,
    view: Literal["review", "both"] = "both",
    *,
    currency: str | None = None,
    on: dt.date | None = None,
) -> dict[str, Any]: ...
def report_json(
    assessment: SystemAssessment,
    view: ReportView = "both",
    *,
    currency: str | None = None,
    on: dt.date | None = None,
) -> list[dict[str, Any]] | dict[str, Any]:
    """The report as JSON-ready data, as ``industrial-plan report --format json``
    prints it: for ``"both"`` (the default) ``{"progress": [...], "review":
    {...}}``; for ``"progress"`` the list of records (exact and unconverted:
    see the "Report JSON" page); for ``"review"`` the review's summary and
    rows.  With *currency*, each progress record also gets ``display_rate``,
    the rate to that currency (the average of the report's year, or of the
    day *on*).  :func:`json.dumps` takes the result as it is.

    >>> import json
    >>> from industrial_plan import assess, examples
    >>> data = report_json(assess(examples.xiamen()))
    >>> sorted(data), data["progress"][0]["status"]
    (['progress', 'review'], 'insufficient data')
    >>> len(json.dumps(data)) > 1000
    True
    """
    if view not in ("progress", "review", "both"):
        raise FieldError(
            f"view {view!r} is not 'progress', 'review' or 'both'",
            field="view",
            value=view,
        )
    display = None
    if currency is not None:
        rates = display_rates(assessment, currency, on=on)
        display = Display(currency=currency, rates=rates)
    return json_report(assessment, display, view)


def json_report(
    assessment: SystemAssessment, display: Display | None, view: ReportView
) -> list[dict[str, Any]] | dict[str, Any]:
    """:func:`report_json` for a :class:`Display` already chosen (the CLI's)."""
    if view == "review":
        return review_json(assessment)
    progress = json_records(assessment, display)
    if view == "progress":
        return progress
    return {"progress": progress, "review": review_json(assessment)}


def rate_record(rate: Rate) -> dict[str, Any]:
    """A rate as a plain dict: the exact value as a string, dates in ISO form."""
    return {
        "base": rate.base,
        "quote": rate.quote,
        "value": format(rate.value, "f"),
        "source": rate.source,
        "effective": rate.effective.isoformat() if rate.effective else None,
        "year": rate.year,
        "days": rate.days,
    }


def json_text(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, the same text, faster.

    With an indent, :mod:`json` writes in Python, one generator step per
    piece: 2 s of a 20,000-target report.  Records hold only mappings with
    text keys, lists, text, integers, booleans and ``None``; here those are
    written in one pass, the text of each key kept, each string escaped by
    :mod:`json`'s own C function.  Anything else (a float) is written by
    :func:`json.dumps`; a mapping with other keys makes the whole text
    :func:`json.dumps`'s.

    >>> print(json_text({"a": [1, "x", None], "b": {}, "c": True, "d": []}))
    {
      "a": [
        1,
        "x",
        null
      ],
      "b": {},
      "c": true,
      "d": []
    }
    """
    parts: list[str] = []
    try:
        _json_parts(value, 0, parts.append, {})
    except _OtherKey:
        return json.dumps(value, ensure_ascii=False, indent=2)
    return "".join(parts)


class _OtherKey(Exception):
    """A mapping key that is not text: json.dumps turns it into text."""


def _json_parts(
    value: Any, level: int, out: Callable[[str], None], keys: dict[str, str]
) -> None:
    kind = type(value)
    if kind is str:
        out(_json_string(value))
    elif value is None:
        out("null")
    elif kind is bool:
        out("true" if value else "false")
    elif kind is int:
        out(int.__repr__(value))
    elif kind is dict:
        if not value:
            out("{}")
            return
        inner = ",\n" + "  " * (level + 1)
        separator = "{" + inner[1:]
        for key, item in value.items():
            text = keys.get(key)
            if text is None:
                if type(key) is not str:
                    raise _OtherKey
                text = keys[key] = _json_string(key) + ": "
            out(separator)
            out(text)
            separator = inner
            # Most values are text or None: written here, without a call.
            if type(item) is str:
                out(_json_string(item))
            elif item is None:
                out("null")
            else:
                _json_parts(item, level + 1, out, keys)
        out("\n" + "  " * level + "}")
    elif kind is list or kind is tuple:
        if not value:
            out("[]")
            return
        inner = ",\n" + "  " * (level + 1)
        separator = "[" + inner[1:]
        for item in value:
            out(separator)
            separator = inner
            _json_parts(item, level + 1, out, keys)
        out("\n" + "  " * level + "]")
    else:
        out(json.dumps(value, ensure_ascii=False))
