"""What the commands of ``industrial-plan`` share: errors as one line and an
exit code, the language option's values, figures as plain data.

Kept apart from :mod:`.cli` so that commands in modules of their own
(``cli_extract``) use them without importing the application that registers
them.
"""

from __future__ import annotations

import contextlib
import enum
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any, NoReturn

import typer
from typer.core import TyperGroup

from industrial_plan._errors import (
    IndustrialPlanError,
    PlanValidationError,
    Problem,
    cut_long_values,
)
from industrial_plan._figures.figure import Figure
from industrial_plan._files.locate import locator
from industrial_plan._files.plan_files import syntax_of
from industrial_plan._money.units import in_base_units, unit_text
from industrial_plan._progress.results import _figure_record


class Lang(enum.StrEnum):
    """Languages of reports and figures."""

    EN = "en"
    ZH = "zh"


def _check_lang(lang: Lang) -> None:
    """Refuse Chinese output to a stream that cannot write it, in one line."""
    from .cli_streams import cannot_write

    encoding = cannot_write("中文") if lang is Lang.ZH else None
    if encoding is not None:
        _fail(
            f"the output's encoding ({encoding}) cannot write Chinese: use "
            "--lang en, or a UTF-8 terminal (PYTHONIOENCODING=utf-8)"
        )


def year_given(text: str) -> int:
    """A year from the command line, between 1900 and 2200 as in plans."""
    try:
        year = int(text)
    except ValueError:
        year = None
    if year is None or not 1900 <= year <= 2200:
        raise typer.BadParameter(
            f"{cut_long_values(repr(text))} is not a year between 1900 and 2200"
        )
    return year


# -- errors ---------------------------------------------------------------------------


def _say_error(text: str) -> None:
    typer.echo(f"error: {cut_long_values(text)}", err=True)


def path_given(text: str | Path) -> Path:
    """A path from the command line; an empty one is refused (``Path("")``
    would be the current folder, ".").  A default is a path already."""
    if isinstance(text, Path):
        return text
    if not text.strip():
        raise typer.BadParameter(f"{text!r} is empty: give a file name")
    return Path(text)


def _fail(text: str, code: int = 1) -> NoReturn:
    """One line on stderr, then exit with *code* (2: the command line is misused)."""
    _say_error(text)
    raise typer.Exit(code)


def _first_line(error: BaseException) -> str:
    # A ParseError adds the text and a caret on further lines; the first
    # line already names the position.
    lines = str(error).splitlines()
    return lines[0] if lines else type(error).__name__


def _problem_lines(error: PlanValidationError) -> list[str]:
    """Each problem as ``file:line: field: message``, on one line each."""
    found = []
    for problem in error.problems:
        where = [part for part in (error.file, problem.line) if part is not None]
        prefix = "".join(f"{part}:" for part in where)
        # YAML's own messages span lines; a problem must fit on one.
        message = " ".join(problem.message.split())
        field = f"{problem.path}: " if problem.path else ""
        found.append(f"{prefix} {field}{message}".strip())
    return found


@contextlib.contextmanager
def _reported() -> Iterator[None]:
    """Turn the library's errors (and the system's) into messages and exit 1."""
    try:
        yield
    except PlanValidationError as error:
        for line in _problem_lines(error):
            typer.echo(line, err=True)
        raise typer.Exit(1) from None
    except (IndustrialPlanError, OSError) as error:
        _fail(_first_line(error))


def figure_json(figure: Figure) -> dict[str, Any]:
    """A figure as plain data: exact decimal strings in base units."""
    exact = _figure_record(figure)
    assert exact is not None  # a figure always has a record
    unit = unit_text(in_base_units(figure.quantity)) or None
    record: dict[str, Any] = {"value": exact.pop("value"), "unit": unit, **exact}
    equivalent = figure.stated_equivalent
    record["equivalent"] = None
    if equivalent is not None:
        plain = in_base_units(equivalent)
        record["equivalent"] = {
            "value": format(Decimal(plain.magnitude), "f"),
            "unit": unit_text(plain),
        }
    return record


class _Quiet:
    """Help screens without a type for what takes none: typer (0.29) shows
    "<bool>" beside every flag, ``--help`` included, as if it took a value."""

    def get_params(self, ctx: Any) -> list[Any]:
        params: list[Any] = super().get_params(ctx)  # type: ignore[misc]
        for param in params:
            if getattr(param, "is_flag", False) and param.metavar is None:
                param.metavar = ""
        return params


class QuietGroup(_Quiet, TyperGroup):
    """The command group, likewise, and each of its commands."""

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            for param in command.params:
                if getattr(param, "is_flag", False) and param.metavar is None:
                    param.metavar = ""
            shown = command.get_help_option(ctx)
            if shown is not None:
                shown.metavar = ""
        return command


def note_lines(path: Path, notes: list[Problem]) -> Iterator[str]:
    """*notes* of the valid plan file *path*, as "file:line: note: field: message"."""
    if not notes:
        return
    syntax = syntax_of(path)
    text = path.read_text("utf-8-sig")
    where = locator(text, syntax)
    for note in notes:
        line = where(note.path)
        at = f"{path}:{line}" if line is not None else str(path)
        yield f"{at}: note: {note.path}: {note.message}"
