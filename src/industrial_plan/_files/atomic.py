"""Writing a file in one step, changing nothing else about it.

The text goes to a temporary file beside the file it replaces, is flushed to
the disk, then takes the file's place with one ``os.replace``: a reader sees
the old text or the new, never half of either, and a crash or a full disk
leaves the old file whole.  Around that step, what careful editors keep is kept:

- the file's permission bits (a new file gets those the umask allows, as any
  program creating a file does);
- a symbolic link: the text is written to the file it points to (dangling or
  not), which is replaced atomically; the link stays a link;
- a read-only file is refused unless *force* is given;
- errors name the path given, never the temporary one;
- the temporary name fits the file system's limit on a name's length;
- a temporary file is removed when SIGTERM or SIGHUP ends the process mid-write.

A file with other hard links is replaced by a new file: the other names keep
the old text.  Its owner and group are those of the process writing it.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import threading
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import Any

from industrial_plan._errors import SaveError

_NAME_MAX = 255
_TERMINATING = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)


def write_atomically(file: Path, text: str, *, force: bool = False) -> Path:
    """Write *text* to *file* in UTF-8, replacing it in one step; returns *file*.

    See the module's docstring for what is kept.  Raises :class:`SaveError`,
    naming *file*, when the file is read-only (and *force* is false) or
    cannot be written.
    """
    target = Path(os.path.realpath(file)) if os.path.islink(file) else file
    try:
        existing: os.stat_result | None = target.stat()
    except FileNotFoundError:
        existing = None
    except OSError as error:
        raise SaveError(str(file), _reason(error)) from error
    if existing is not None:
        if not stat.S_ISREG(existing.st_mode):
            raise SaveError(str(file), "it is not a regular file")
        # Checked by its bits too: the superuser may write any file.
        writable = bool(existing.st_mode & 0o222) and os.access(target, os.W_OK)
        if not force and not writable:
            raise SaveError(
                str(file),
                "the file is read-only; pass force=True (--force on the command "
                "line) to replace it",
            )
    temporary, handle = _create_beside(file, target)
    try:
        with _removed_on_signals(temporary):
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
                if existing is not None and hasattr(os, "fchmod"):
                    os.fchmod(stream.fileno(), stat.S_IMODE(existing.st_mode))
                stream.write(text)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, target)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError) and not isinstance(error, SaveError):
            raise SaveError(str(file), _reason(error)) from error
        raise
    return file


def _reason(error: OSError) -> str:
    """The system's words for *error*, without the (temporary) file's name."""
    return error.strerror or str(error) or type(error).__name__


def _create_beside(file: Path, target: Path) -> tuple[str, int]:
    """A new temporary file in *target*'s folder: its name and an open handle.

    Created with mode 0o666 so that the umask applies, as to any new file.
    """
    folder = target.parent
    try:
        limit = os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        limit = _NAME_MAX
    stem = target.name
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        tail = f".{os.urandom(4).hex()}.tmp"
        name = f".{stem}{tail}"
        while len(os.fsencode(name)) > limit and stem:
            stem = stem[:-1]
            name = f".{stem}{tail}"
        path = os.path.join(folder, name)
        try:
            return path, os.open(path, flags, 0o666)
        except FileExistsError:
            continue
        except OSError as error:
            raise SaveError(
                str(file), f"cannot create a file in {str(folder)!r}: {_reason(error)}"
            ) from error
    raise SaveError(str(file), "no free temporary name beside it")


@contextlib.contextmanager
def _removed_on_signals(temporary: str) -> Iterator[None]:
    """Remove *temporary* if SIGTERM or SIGHUP ends the process meanwhile.

    A handler the program set is called as before (if it raises, the caller
    removes the file); a signal left to its default action removes the file
    and then ends the process with that signal, as it would have.  Signals
    can only be handled in the main thread; elsewhere nothing changes.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    saved: dict[int, Any] = {}

    def handler(signum: int, frame: FrameType | None) -> None:
        previous = saved[signum]
        if callable(previous):
            previous(signum, frame)
            return
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)

    for signum in _TERMINATING:
        previous = signal.getsignal(signum)
        if previous is signal.SIG_IGN or previous is None:
            continue
        saved[signum] = previous
        signal.signal(signum, handler)
    try:
        yield
    finally:
        for signum, previous in saved.items():
            signal.signal(signum, previous)
