"""The ``industrial-plan`` command line: progress reports, plan checks, conversions.

The commands need the ``cli`` extra (typer and rich)::

    python -m pip install "industrial-plan[cli]"
    industrial-plan --help

``python -m industrial_plan`` runs the same command line.  For tests and
notebooks, :data:`app` is the typer application (use it with
``typer.testing.CliRunner``); it is imported on first use, so that this module
imports, and :func:`main` can name the missing extra, without typer.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Sequence
from typing import Any

# `app` is public too, served by __getattr__ below.
__all__ = ["INSTALL_HINT", "main"]

INSTALL_HINT = (
    'the command line needs the "cli" extra: '
    'python -m pip install "industrial-plan[cli]"'
)
"""What :func:`main` prints when typer or rich is missing."""

_NEEDED = ("typer", "rich")


def main(
    argv: Sequence[str] | None = None, *, prog_name: str = "industrial-plan"
) -> None:
    """Run the command line on *argv* (default: ``sys.argv[1:]``); always exits.

    Without typer or rich installed, prints :data:`INSTALL_HINT` and exits 1.
    Standard output follows the Unix conventions: a reader that stops reading
    ends the command quietly (status 141 in the shell, as SIGPIPE gives), a
    write that fails is one line on stderr and status 1.
    """
    missing = [name for name in _NEEDED if importlib.util.find_spec(name) is None]
    if missing:
        print(f"error: {INSTALL_HINT} ({', '.join(missing)} missing)", file=sys.stderr)
        raise SystemExit(1)
    from ._outputs.cli import app
    from ._outputs.cli_streams import run

    run(app, None if argv is None else list(argv), prog_name)


def __getattr__(name: str) -> Any:
    # `app` needs typer: build it only when asked for.
    if name == "app":
        from ._outputs.cli import app

        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
