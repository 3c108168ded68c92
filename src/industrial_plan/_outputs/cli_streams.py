"""The command's standard output, kept to the conventions of Unix tools.

- A reader that stops reading (``industrial-plan report | head -1``) ends the
  command quietly, as SIGPIPE ends a C program: no message, and the status the
  shell expects of a program stopped by it (141, or 128 + SIGPIPE).
- A write that fails otherwise (``> /dev/full``, a closed stdout ``>&-``) is
  an error: one line on stderr, exit status 1.
- Never a traceback, whichever command was writing.
- A stream that cannot encode a character (an ASCII-only terminal,
  ``PYTHONIOENCODING=ascii``) gets currency codes for currency symbols and an
  escape (``\\u2026``) for anything else, rather than a ``UnicodeEncodeError``;
  arguments typed in UTF-8 under such a locale are read as typed.

:func:`run` puts :class:`GuardedOutput` in place of ``sys.stdout`` around the
typer application; the commands write through it unchanged.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import io
import os
import signal
import sys
from collections.abc import Callable
from typing import Any, NoReturn, TextIO

# Symbols the reports write, each with the code an ASCII stream gets instead;
# the longer ones first, so that "CN¥" becomes "CNY" and not "CNJPY".
CURRENCY_CODES: tuple[tuple[str, str], ...] = (
    ("CN¥", "CNY"),
    ("HK$", "HKD"),
    ("US$", "USD"),
    ("NT$", "TWD"),
    ("MOP$", "MOP"),
    ("￥", "CNY"),
    ("¥", "CNY"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("₩", "KRW"),
    ("₹", "INR"),
    ("₽", "RUB"),
)


# What an ASCII-only stream gets for the typography of reports and listings.
ASCII_FALLBACKS: tuple[tuple[str, str], ...] = (
    ("\u2014", "-"),
    ("\u2013", "-"),
    ("\u2212", "-"),
    ("\u2026", "..."),
    ("\u2265", ">="),
    ("\u2264", "<="),
    ("\u00d7", "x"),
    ("\u00a0", " "),
    ("\u202f", " "),
    ("\u2018", "'"),
    ("\u2019", "'"),
    ("\u201c", '"'),
    ("\u201d", '"'),
    ("\u2500", "-"),
    ("\u2502", "|"),
)


def cannot_write(text: str) -> str | None:
    """The encoding of stdout if it cannot write *text*; ``None`` if it can."""
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return encoding
    except LookupError:
        return None
    return None


class _OutputStopped(BaseException):
    """The reader of stdout has gone: end quietly, as SIGPIPE would."""


class _OutputFailed(BaseException):
    """Writing to stdout failed; the command ends with a message and status 1.

    A BaseException, so that no command's error handling takes it for a
    problem of its input.
    """

    def __init__(self, error: OSError) -> None:
        super().__init__(error)
        self.error = error


class GuardedOutput(io.TextIOBase):
    """A text stream over *stream* (``sys.stdout``) whose write errors end the
    command by the conventions above, and which writes only what the stream
    can encode.

    It has no ``buffer``: click then writes through it, rather than past it
    to the bytes underneath in an encoding of its own choosing.
    """

    def __init__(self, stream: TextIO | None) -> None:
        super().__init__()
        self._stream = stream
        encoding = getattr(stream, "encoding", None) or "utf-8"
        self._encoding = encoding
        self._unicode = codecs.lookup(encoding).name.startswith("utf")

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding

    @property
    def errors(self) -> str:  # type: ignore[override]
        return "backslashreplace"

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        with contextlib.suppress(Exception):
            return self._stream is not None and self._stream.isatty()
        return False

    def fileno(self) -> int:
        if self._stream is None:
            raise io.UnsupportedOperation("stdout is closed")
        return self._stream.fileno()

    def write(self, text: str) -> int:
        if self._stream is None:
            raise _OutputFailed(OSError(errno.EBADF, "standard output is closed"))
        shown = text if self._unicode else encodable(text, self._encoding)
        self._guarded(lambda: self._stream.write(shown))  # type: ignore[union-attr]
        return len(text)

    def flush(self) -> None:
        if self._stream is not None:
            self._guarded(self._stream.flush)

    def _guarded(self, action: Callable[[], Any]) -> None:
        try:
            action()
        except BrokenPipeError:
            raise _OutputStopped from None
        except OSError as error:
            raise _OutputFailed(error) from None


def encodable(text: str, encoding: str) -> str:
    """*text* as *encoding* can write it: currency codes for the symbols it
    cannot, ASCII for dashes, quotes and rules, ``\\uXXXX`` escapes for other
    characters."""
    try:
        text.encode(encoding)
        return text
    except UnicodeEncodeError:
        pass
    for symbol, code in CURRENCY_CODES + ASCII_FALLBACKS:
        if symbol in text:
            try:
                symbol.encode(encoding)
            except UnicodeEncodeError:
                text = text.replace(symbol, code)
    return text.encode(encoding, "backslashreplace").decode(encoding)


def readable_argument(argument: str) -> str:
    """*argument* as the terminal typed it.

    Under an ASCII locale without UTF-8 mode (``LC_ALL=C PYTHONUTF8=0``),
    Python keeps each non-ASCII byte of an argument as a lone surrogate: the
    bytes are read again as UTF-8 when they are UTF-8, so that "超过2万亿元"
    reads as a figure and errors echo it as it was typed.
    """
    if argument.isascii() or not any("\udc80" <= c <= "\udcff" for c in argument):
        return argument
    try:
        return os.fsencode(argument).decode("utf-8")
    except (UnicodeError, ValueError):
        return argument


def run(app: Callable[..., Any], args: list[str] | None, prog_name: str) -> NoReturn:
    """Run the typer *app* with :class:`GuardedOutput` as ``sys.stdout``."""
    original = sys.stdout
    if original is None:
        # fd 1 is closed: hold it with /dev/null, so that no file the command
        # opens takes its place and receives the output.
        with contextlib.suppress(OSError):
            os.open(os.devnull, os.O_WRONLY)
    sys.stdout = GuardedOutput(original)
    if args is None:
        args = [readable_argument(argument) for argument in sys.argv[1:]]
    try:
        app(args=args, prog_name=prog_name)
    except _OutputStopped:
        _end_quietly()
    except _OutputFailed as failed:
        _end_with_error(failed.error)
    except SystemExit as leaving:
        # click flushes stdout as the command ends: that write may fail too.
        try:
            sys.stdout.flush()
        except _OutputStopped:
            _end_quietly()
        except _OutputFailed as failed:
            _end_with_error(failed.error)
        raise leaving from None
    raise SystemExit(0)


def _silence_stdout() -> None:
    """Point fd 1 at /dev/null: what is left in buffers goes nowhere, quietly."""
    with contextlib.suppress(OSError, ValueError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.close(null)


def _end_quietly() -> NoReturn:
    _silence_stdout()
    pipe = getattr(signal, "SIGPIPE", None)
    if pipe is not None:
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.flush()
            signal.signal(pipe, signal.SIG_DFL)
            os.kill(os.getpid(), pipe)
    raise SystemExit(128 + (pipe or 13))


def _end_with_error(error: OSError) -> NoReturn:
    _silence_stdout()
    reason = error.strerror or str(error) or type(error).__name__
    with contextlib.suppress(Exception):
        print(f"error: cannot write the output: {reason}", file=sys.stderr)
    raise SystemExit(1)
