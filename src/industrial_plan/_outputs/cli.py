"""The commands of ``industrial-plan``, built with typer (the ``cli`` extra).

Kept apart from :mod:`industrial_plan.cli` so that the entry point can be
imported without typer and say which extra to install.  Every command turns
the library's errors into one line on stderr and a non-zero exit: 0 when all
is well, 1 for problems found in the input (a plan, a figure, a currency),
2 for a misused command line.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import json
from decimal import Decimal
from pathlib import Path
from typing import Annotated

import typer

from industrial_plan import examples
from industrial_plan._errors import (
    IndustrialPlanError,
    PlanValidationError,
    RateFormError,
)
from industrial_plan._figures.figure import Figure
from industrial_plan._figures.format import format_figure
from industrial_plan._figures.parse import parse_figure
from industrial_plan._files.plan_files import MAX_FILE_BYTES, load, schema
from industrial_plan._money.rates import ECBRates, Rate, convert
from industrial_plan._money.units import (
    Quantity,
    currency_code,
    currency_of,
    ureg,
)
from industrial_plan._plan.system import IndustrialSystem, plan_notes
from industrial_plan._progress.system import SystemAssessment, assess
from industrial_plan._text import neutral

from .cli_base import (
    Lang,
    QuietGroup,
    _check_lang,
    _fail,
    _first_line,
    _problem_lines,
    _reported,
    figure_json,
    note_lines,
    path_given,
    year_given,
)
from .cli_extract import extract
from .cli_report import ChartView, write_html
from .report import json_report, json_text, markdown, report_csv
from .review import review_csv, review_lines, review_markdown
from .rows import Display, display_rates, notes, rounded

app = typer.Typer(
    name="industrial-plan",
    help=(
        "Progress of regional industrial plans: reports, plan checks, "
        "currency conversion and figure parsing.\n\n"
        "With no command, reports on the bundled Xiamen plan."
    ),
    add_completion=False,
    cls=QuietGroup,
    # A user's mistake gets one line, never a traceback with local variables.
    pretty_exceptions_enable=False,
)

USER_RATE_SOURCE = "given on the command line"


class Style(enum.StrEnum):
    """How figures are written: words, or compact symbols."""

    LONG = "long"
    COMPACT = "compact"


class Format(enum.StrEnum):
    """Output formats of ``report``."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    MARKDOWN = "markdown"
    HTML = "html"


PlanArgument = Annotated[
    Path | None,
    typer.Argument(
        metavar="PLAN",
        parser=path_given,
        help=(
            "Plan file (.toml, .yaml, .yml or .json); default: the bundled Xiamen plan."
        ),
        show_default=False,
    ),
]
ExampleOption = Annotated[
    str | None,
    typer.Option(
        "--example",
        metavar="NAME",
        help=(
            "Use a bundled plan instead of a file: "
            + ", ".join(examples.NAMES)
            + " (default: xiamen)."
        ),
        show_default=False,
    ),
]


class View(enum.StrEnum):
    """What ``report`` prints: the progress table, the review, or both."""

    PROGRESS = "progress"
    REVIEW = "review"
    BOTH = "both"


ViewOption = Annotated[
    View | None,
    typer.Option(
        "--view",
        help=(
            "progress: a row per target; review: the summary and the verdict "
            "table of a planning office; both (the default for table and "
            "markdown; json and csv default to progress)."
        ),
        show_default=False,
    ),
]
MaxBytesOption = Annotated[
    int,
    typer.Option(
        "--max-bytes",
        metavar="BYTES",
        min=0,
        help="Refuse plan files larger than this; 0 for no limit.",
    ),
]
AsOfOption = Annotated[
    int | None,
    typer.Option(
        "--as-of",
        metavar="YEAR",
        parser=year_given,
        help="Ignore observations after YEAR.",
    ),
]
BaselineYearOption = Annotated[
    int | None,
    typer.Option(
        "--baseline-year",
        metavar="YEAR",
        parser=year_given,
        help=(
            "Measure trends from this year (default: each target's base year, "
            "else the plan's start year); earlier observations are left out, "
            "with a note."
        ),
    ),
]
StrictOption = Annotated[
    bool,
    typer.Option(
        "--strict",
        help=(
            "Fail on a figure that has no exchange rate (a currency or a year "
            "the rates do not cover) instead of marking its target "
            '"insufficient data" with a note.'
        ),
    ),
]
LangOption = Annotated[
    Lang, typer.Option("--lang", help="Language of labels and figures.")
]
StyleOption = Annotated[
    Style,
    typer.Option(
        "--style", help="Figures in words (long) or with symbols (compact: CN¥3T)."
    ),
]


# -- shared steps --------------------------------------------------------------------


def _load(
    plan: Path | None, max_bytes: int = MAX_FILE_BYTES, example: str | None = None
) -> IndustrialSystem:
    if plan is not None and example is not None:
        _fail("give a PLAN file or --example, not both", 2)
    if plan is None:
        name = example or "xiamen"
        if name not in examples.NAMES:
            _fail(
                f"--example {name!r}: the bundled plans are "
                + ", ".join(examples.NAMES),
                2,
            )
        bundled: IndustrialSystem = getattr(examples, name)()
        return bundled
    return load(plan, max_bytes=max_bytes or None)


def _date(text: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        _fail(f"{option} {text!r} is not a date such as 2023-01-30", 2)


def _display(
    assessment: SystemAssessment,
    lang: Lang,
    style: Style,
    currency: str | None,
    rate_date: str | None,
) -> Display:
    if currency is None:
        if rate_date is not None:
            _fail("--rate-date needs --currency", 2)
        return Display(lang=lang.value, style=style.value)
    day = _date(rate_date, "--rate-date") if rate_date is not None else None
    code = currency_code(currency)
    try:
        rates = display_rates(assessment, code, on=day)
    except IndustrialPlanError as error:
        _fail(f"{_first_line(error)}; choose a day with --rate-date YYYY-MM-DD")
    return Display(lang=lang.value, style=style.value, currency=code, rates=rates)


def _print_report(
    assessment: SystemAssessment,
    display: Display,
    output: Format,
    view: View | None = None,
) -> None:
    data = output in (Format.JSON, Format.CSV)
    chosen = view or (View.PROGRESS if data else View.BOTH)
    if output is Format.CSV and chosen is View.BOTH:
        _fail("CSV holds one table: choose --view progress or --view review", 2)
    progress = chosen is not View.REVIEW
    review = chosen is not View.PROGRESS
    extra = notes(assessment, display)
    if output is Format.TABLE:
        if progress:
            _print_table(assessment, display)
        if review:
            _print_review(assessment, display.lang, blank_first=progress)
    elif output is Format.MARKDOWN:
        if progress:
            typer.echo(markdown(assessment, display), nl=False)
        if review:
            if progress:
                typer.echo("")
            typer.echo(review_markdown(assessment, display.lang), nl=False)
    else:
        if output is Format.JSON:
            records = json_report(assessment, display, chosen.value)
            typer.echo(neutral(json_text(records)))
        elif progress:
            typer.echo(report_csv(assessment, display), nl=False)
        else:
            typer.echo(review_csv(assessment), nl=False)
        # Notes would break the data on stdout; a reader still needs them.
        for note in extra:
            typer.echo(f"note: {note}", err=True)


def _print_review(assessment: SystemAssessment, lang: str, blank_first: bool) -> None:
    from rich.console import Console

    width = Console().width
    lines = review_lines(assessment, lang, width)
    text = "\n".join(lines)
    typer.echo(("\n" if blank_first else "") + text)


# Rows formatted before a progress bar is worth showing (about a second).
PROGRESS_ROWS = 2_000


def _print_table(assessment: SystemAssessment, display: Display) -> None:
    """The table (or blocks, if narrow), written line by line as it is made.

    Formatting every row comes first, since the widths depend on every cell;
    on a terminal, a long plan shows a progress bar on stderr meanwhile.
    """
    import sys

    from rich.console import Console
    from rich.progress import Progress

    from .text_report import report_lines

    width = Console().width  # the terminal's, or $COLUMNS, or 80
    count = len(assessment)
    errors = Console(stderr=True)
    with contextlib.ExitStack() as stack:
        progress = None
        if count >= PROGRESS_ROWS and errors.is_terminal:
            bar = stack.enter_context(Progress(console=errors, transient=True))
            task = bar.add_task("formatting rows", total=count)

            def progress(done: int) -> None:
                bar.update(task, completed=done)

        lines = report_lines(assessment, display, width, progress=progress)
        first = next(lines)  # every row formatted: the bar can go
    out = sys.stdout
    out.write(first + "\n")
    batch: list[str] = []
    for line in lines:
        batch.append(line)
        if len(batch) >= 1024:
            out.write("\n".join(batch) + "\n")
            batch.clear()
    if batch:
        out.write("\n".join(batch) + "\n")
    out.flush()


# -- commands -----------------------------------------------------------------------


@app.callback(invoke_without_command=True)
def _root(context: typer.Context) -> None:
    if context.invoked_subcommand is None:
        report()


@app.command()
def report(
    plan: PlanArgument = None,
    example: ExampleOption = None,
    view: ViewOption = None,
    as_of: AsOfOption = None,
    baseline_year: BaselineYearOption = None,
    currency: Annotated[
        str | None,
        typer.Option(
            "--currency",
            metavar="CODE",
            help=(
                "Show amounts in this currency (USD, EUR, ...), at the ECB "
                "average rate of the report's year; the rate is stated under "
                "the table."
            ),
        ),
    ] = None,
    rate_date: Annotated[
        str | None,
        typer.Option(
            "--rate-date",
            metavar="DATE",
            help="With --currency: use the ECB rate of this day (YYYY-MM-DD).",
        ),
    ] = None,
    lang: LangOption = Lang.EN,
    output: Annotated[
        Format, typer.Option("--format", help="Output format.")
    ] = Format.TABLE,
    style: StyleOption = Style.COMPACT,
    path: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help="Write to this file (html: default review.html) instead of stdout.",
            show_default=False,
        ),
    ] = None,
    rtol: Annotated[
        str,
        typer.Option(
            "--rtol",
            metavar="NUMBER",
            help=(
                "Relative tolerance when tier totals are compared with the sum "
                "of their industries."
            ),
        ),
    ] = "0.01",
    atol: Annotated[
        str,
        typer.Option(
            "--atol",
            metavar="NUMBER",
            help="Absolute tolerance for that comparison, in base units (yuan).",
        ),
    ] = "0",
    max_bytes: MaxBytesOption = MAX_FILE_BYTES,
    strict: StrictOption = False,
) -> None:
    """Report progress toward every target of a plan.

    One row per target: latest figure, attainment, gap, the growth rate still
    needed per year, and a status.  Totals of tiers that disagree with the sum
    of their industries are listed under the table.  Then the review, as a
    planning office writes it: targets already met, progressing well and
    lagging, binding and anticipatory apart, and a verdict per indicator.
    JSON holds the exact, unconverted records (see the documentation's
    "Report JSON" page).

    Examples:

      industrial-plan report

      industrial-plan report --example xiamen_sei --lang zh

      industrial-plan report --view review --format csv > review.csv

      industrial-plan report my-plan.toml --as-of 2024 --lang zh

      industrial-plan report --currency USD --rate-date 2023-01-30

      industrial-plan report --format json > progress.json

      industrial-plan report --format html -o review.html
    """
    _check_lang(lang)
    with _reported():
        system = _load(plan, max_bytes, example)
        assessment = assess(
            system,
            as_of=as_of,
            baseline_year=baseline_year,
            rtol=rtol,
            atol=atol,
            strict=strict,
        )
        if output is Format.HTML or path is not None:
            typer.echo(f"wrote {write_html(assessment, output, lang.value, path)}")
            return
        display = _display(assessment, lang, style, currency, rate_date)
        _print_report(assessment, display, output, view)


@app.command()
def validate(
    plans: Annotated[
        list[Path],
        typer.Argument(
            metavar="PLAN...",
            parser=path_given,
            help="Plan files to check.",
            show_default=False,
        ),
    ],
    max_bytes: MaxBytesOption = MAX_FILE_BYTES,
) -> None:
    """Check plan files; print each problem with its field path and line.

    Prints "OK <file>" for each valid file and "file:line: field: message"
    for each problem.  Exits 0 if every file is valid, 1 otherwise, which
    suits pre-commit hooks and CI.  A valid file's notes follow its "OK"
    ("file:line: note: field: message"): targets and observations after the
    plan's end year, which are allowed.

    Examples:

      industrial-plan validate plans/xiamen.toml

      industrial-plan validate plans/*.yaml
    """
    valid = True
    for path in plans:
        try:
            plan = load(path, max_bytes=max_bytes or None)
        except PlanValidationError as error:
            valid = False
            for line in _problem_lines(error):
                typer.echo(line, err=True)
        except (IndustrialPlanError, OSError) as error:
            valid = False
            typer.echo(f"{path}: {_first_line(error)}", err=True)
        else:
            typer.echo(f"OK {path}")
            for line in note_lines(path, plan_notes(plan)):
                typer.echo(line)
    if not valid:
        raise typer.Exit(1)


def _user_rate(text: str, source: str, target: str) -> Rate:
    """The rate given with ``--rate``, in a form that says its direction.

    "7.1 CNY/USD", "USD/CNY 7.1" and "1 USD = 7.1 CNY" are 7.1 yuan per
    dollar whichever way the conversion goes (:meth:`Rate.parse`); a bare
    number is refused with those forms spelt out for the pair, because
    either reading of it is a trap for someone.
    """
    try:
        return Rate.parse(text, (source, target), USER_RATE_SOURCE)
    except RateFormError as error:
        _fail(f"--rate {error.text!r}: {error.reason}", 2)


@app.command("convert")
def convert_command(
    figure: Annotated[
        str,
        typer.Argument(
            metavar="FIGURE",
            help='A figure of money in words: "3 trillion yuan", "超过2万亿元".',
            show_default=False,
        ),
    ],
    to: Annotated[
        str,
        typer.Option(
            "--to", metavar="CODE", help="Currency to convert to (USD, EUR, ...)."
        ),
    ],
    on: Annotated[
        str | None,
        typer.Option(
            "--on", metavar="DATE", help="Use the ECB rate of this day (YYYY-MM-DD)."
        ),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option(
            "--year", metavar="YEAR", help="Use the ECB average rate of this year."
        ),
    ] = None,
    rate: Annotated[
        str | None,
        typer.Option(
            "--rate",
            metavar="RATE",
            help=(
                "Use this rate, saying which way it goes: "
                '"7.1 CNY/USD", "USD/CNY 7.1" or "1 USD = 7.1 CNY" '
                "(each 7.1 yuan per dollar); a bare number is refused."
            ),
        ),
    ] = None,
    lang: LangOption = Lang.EN,
    style: StyleOption = Style.COMPACT,
) -> None:
    """Convert a figure of money to another currency, keeping its qualifier.

    Without --on, --year or --rate, the latest ECB reference rate in the
    bundled data is used.  Prints the converted figure (four significant
    digits; a bound is rounded so that it still holds), the exact value, and
    the rate with its source and date.

    Examples:

      industrial-plan convert "3 trillion yuan" --to USD --rate "USD/CNY 6.7843"

      industrial-plan convert "exceeded 2 trillion yuan" --to USD --year 2022

      industrial-plan convert "超过2万亿元" --to EUR --on 2023-01-30 --lang zh
    """
    _check_lang(lang)
    with _reported():
        parsed = parse_figure(figure)
        source = currency_of(parsed.quantity)
        if source is None:
            _fail(f"{figure!r} is not an amount of money")
        target = currency_code(to)
        used = _rate_for(source, target, on, year, rate)
        # convert() turns a rate quoted the other way round (CNY per USD for
        # CNY -> USD); the rate is printed as given or published.
        result = convert(parsed.quantity, target, rate=used)
        exact = Figure(
            result.quantity, parsed.qualifier, approximate=parsed.approximate
        )
        shown = format_figure(rounded(exact), locale=lang.value, style=style.value)
        typer.echo(shown)
        typer.echo(f"exact: {exact.describe()}")
        typer.echo(f"rate: {_rate_text(used)}")


def _rate_for(
    source: str, target: str, on: str | None, year: int | None, rate: str | None
) -> Rate:
    """The rate the options ask for, from *source* to *target*."""
    given = [
        name
        for name, value in (("--on", on), ("--year", year), ("--rate", rate))
        if value is not None
    ]
    if len(given) > 1:
        _fail(f"give at most one of --on, --year, --rate (got {', '.join(given)})", 2)
    if source == target:
        return Rate(source, target, Decimal(1), "same currency")
    if rate is not None:
        return _user_rate(rate, source, target)
    if year is not None:
        return convert(_one(source), target, year=year).rate
    day = _date(on, "--on") if on is not None else ECBRates().bounds(source, target)[1]
    return convert(_one(source), target, on=day).rate


def _one(code: str) -> Quantity:
    return ureg.Quantity(Decimal(1), code)


def _rate_text(rate: Rate) -> str:
    """The rate as given or published, and the other way round (display only)."""
    if rate.base == rate.quote:
        return "none needed (same currency)"
    other = rate.inverse()
    # float: six significant digits without a Decimal's trailing zeros.
    return f"{rate}; {float(other.value):.6g} {other.quote} per {other.base}"


@app.command("parse")
def parse_command(
    text: Annotated[
        str,
        typer.Argument(
            metavar="TEXT",
            help=(
                'A figure in English or Chinese: "超过2万亿元", "about 1.5 million t".'
            ),
            show_default=False,
        ),
    ],
    currency: Annotated[
        str | None,
        typer.Option(
            "--currency", metavar="CODE", help='What a bare "¥" means: CNY or JPY.'
        ),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print only the JSON, indented.")
    ] = False,
) -> None:
    """Read a figure from text; print it in English, in Chinese, and as JSON.

    The JSON has the exact value as a decimal string in base units (yuan,
    not trillion yuan), the unit, the qualifier and the bounds it implies,
    whether it is approximate, and a stated equivalent if the text gives one.

    Examples:

      industrial-plan parse "超过2万亿元"

      industrial-plan parse "3 trillion yuan ($442.2 billion)" --json
    """
    with _reported():
        figure = parse_figure(text, currency=currency)
        record = figure_json(figure)
        if as_json:
            typer.echo(json.dumps(record, ensure_ascii=False, indent=2))
            return
        typer.echo(f"en: {format_figure(figure, locale='en')}")
        typer.echo(f"zh: {format_figure(figure, locale='zh')}")
        typer.echo(f"json: {json.dumps(record, ensure_ascii=False)}")


@app.command()
def chart(
    plan: PlanArgument = None,
    example: ExampleOption = None,
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            parser=path_given,
            help="Image to write (.png or .svg; .png is added to a name without one).",
        ),
    ] = Path("progress.png"),
    as_of: AsOfOption = None,
    baseline_year: BaselineYearOption = None,
    lang: LangOption = Lang.EN,
    view: Annotated[
        ChartView | None,
        typer.Option(
            "--view",
            help=(
                "targets: a panel per target; review: a row per indicator "
                "(the default for plans of one-year rates)."
            ),
            show_default=False,
        ),
    ] = None,
    max_bytes: MaxBytesOption = MAX_FILE_BYTES,
    strict: StrictOption = False,
) -> None:
    """Draw the progress of every quantitative target into an image.

    Needs matplotlib (the "chart" extra).

    Examples:

      industrial-plan chart -o progress.png

      industrial-plan chart my-plan.toml --lang zh -o progress.svg

      industrial-plan chart --example xiamen_sei --view review -o review.png
    """
    with _reported():
        assessment = assess(
            _load(plan, max_bytes, example),
            as_of=as_of,
            baseline_year=baseline_year,
            strict=strict,
        )
        try:
            from .chart import progress_chart
        except ImportError as error:
            _fail(f"charts are not available: {error}")
        chosen = {"view": view.value} if view is not None else {}
        written = progress_chart(assessment, output, lang=lang.value, **chosen)
        typer.echo(f"wrote {written}")


@app.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of plan files.

    Examples:

      industrial-plan schema > plan.schema.json
    """
    typer.echo(json.dumps(schema(), ensure_ascii=False, indent=2))


app.command()(extract)
