"""Plan files: one format, written as TOML, YAML or JSON.

Reading goes text -> plain data (safe loaders only, parsed once) -> typed
values through one cattrs converter; writing goes the other way.  Problems are
collected, not raised one by one: a file with five mistakes yields one
:class:`PlanValidationError` listing five problems, each with its field path
and its line.  Lines are found only for those problems (:mod:`.positions`).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tomllib
from collections.abc import Callable
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any, Literal, TypeAlias

import tomli_w

from industrial_plan._collector import without_cycle_collection
from industrial_plan._errors import (
    FieldError,
    FieldTypeError,
    PlanValidationError,
    Problem,
)
from industrial_plan._plan.system import IndustrialSystem

from .atomic import write_atomically
from .converter import _READABLE, FORMAT, _decimal_text, _documents, _reading_converter
from .detail import _from_data_in_detail, _shape_problems
from .locate import LazyLocator
from .positions import (
    DuplicateKeyFound,
    json_duplicates,
    toml_error_line,
)
from .quick import structure as quick_structure
from .validation import message

Syntax: TypeAlias = Literal["toml", "yaml", "json"]

_SUFFIXES: dict[str, Syntax] = {
    ".toml": "toml",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".json": "json",
}
MAX_FILE_BYTES = 256 * 1024 * 1024
"""The default size limit of :func:`load` and :func:`loads`: 256 MiB.

A plan of 100,000 industries, each with a target and five observations, takes
about 60 MB as TOML or YAML and 110 MB as JSON.  The limit keeps a mistaken
input (a multi-gigabyte log file) from exhausting memory: loading needs about
11 to 30 times the file's size (``benchmarks/README.md``).  Pass
``max_bytes=None`` for no limit.
"""


# -- public API ----------------------------------------------------------------------


def load(
    path: str | os.PathLike[str],
    syntax: Syntax | None = None,
    *,
    max_bytes: int | None = MAX_FILE_BYTES,
) -> IndustrialSystem:
    """Read a plan file; the syntax comes from the suffix unless given.

    A file larger than *max_bytes* (default :data:`MAX_FILE_BYTES`, 256 MiB)
    is refused before it is read; ``None`` lifts the limit.  A UTF-8
    byte-order mark at the start is ignored.

    Raises :class:`PlanValidationError` listing every problem found, each with
    its field path and line, and naming the file.
    """
    file = Path(path)
    chosen = syntax or syntax_of(file)
    try:
        _check_size(file.stat().st_size, max_bytes, str(file))
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise PlanValidationError(
            [Problem("", f"cannot read the file: {error}")], str(file)
        ) from None
    return loads(text, chosen, file=str(file), max_bytes=None)


def loads(
    text: str,
    syntax: Syntax,
    file: str | None = None,
    *,
    max_bytes: int | None = MAX_FILE_BYTES,
) -> IndustrialSystem:
    """Read a plan from text in the given syntax: ``"toml"``, ``"yaml"``, ``"json"``.

    *file* names the text's origin in messages; *max_bytes* is the size limit
    in UTF-8 bytes, as for :func:`load`.
    """
    if max_bytes is not None and len(text) * 4 > max_bytes:
        # Only a text near the limit is encoded to count its bytes.
        _check_size(len(text.encode("utf-8", "surrogatepass")), max_bytes, file)
    text = text.removeprefix("\ufeff")  # a byte-order mark, as Windows editors save
    with without_cycle_collection():
        data = _parse_text(text, syntax, file)
        # Each value takes at least one character of text; more values than
        # characters means aliases expanding (a YAML "billion laughs").
        return _from_data(
            data,
            file,
            LazyLocator(lambda: text, syntax),
            len(text) + 1,
            aliases=syntax == "yaml",
        )


def _check_size(size: int, max_bytes: int | None, file: str | None) -> None:
    if max_bytes is not None and size > max_bytes:
        problem = Problem(
            "",
            f"the plan is {size} bytes, over the limit of {max_bytes}; "
            "raise it with max_bytes (the command line's --max-bytes)",
        )
        raise PlanValidationError([problem], file)


def save(
    system: IndustrialSystem,
    path: str | os.PathLike[str],
    syntax: Syntax | None = None,
    *,
    force: bool = False,
) -> Path:
    """Write a plan file atomically; the syntax comes from the suffix unless given.

    The text goes to a temporary file beside the target, which then replaces
    it in one step: a crash or a full disk never leaves a half-written plan.
    The file's permission bits are kept (a new file's follow the umask); a
    symbolic link is followed and the file it points to replaced, the link
    kept; a file with other hard links is replaced by a new one, so the
    other names keep the old plan.  A read-only file is refused unless
    *force* is true.

    Raises :class:`SaveError`, naming *path*, when the file cannot be saved.
    """
    file = Path(path)
    return write_atomically(file, dumps(system, syntax or syntax_of(file)), force=force)


def dumps(system: IndustrialSystem, syntax: Syntax) -> str:
    """The plan as text in the given syntax."""
    data = to_dict(system)
    if syntax == "toml":
        return tomli_w.dumps(data, multiline_strings=False)
    if syntax == "yaml":
        from .yaml_out import dump as dump_yaml  # PyYAML for YAML files only

        return dump_yaml(data)
    if syntax == "json":
        return (
            json.dumps(data, ensure_ascii=False, indent=2, default=_json_default) + "\n"
        )
    raise FieldError(f"unknown plan file syntax {syntax!r}; use toml, yaml or json")


def syntax_of(path: str | os.PathLike[str]) -> Syntax:
    """The syntax a file name implies: ``.toml``, ``.yaml``/``.yml`` or ``.json``."""
    suffix = Path(path).suffix.lower()
    try:
        return _SUFFIXES[suffix]
    except KeyError:
        raise PlanValidationError(
            [
                Problem(
                    "", f"unknown suffix {suffix!r}; use .toml, .yaml, .yml or .json"
                )
            ],
            str(path),
        ) from None


def schema() -> dict[str, Any]:
    """The JSON Schema of plan files (draft 2020-12), as shipped in the package."""
    text = resources.files(__package__).joinpath("plan.schema.json").read_text("utf-8")
    result: dict[str, Any] = json.loads(text)
    return result


def to_dict(system: IndustrialSystem, *, json_ready: bool = False) -> dict[str, Any]:
    """The plan as plain data (str, int, bool, date, list, dict), ready to write.

    With *json_ready*, dates are ISO text as in a JSON plan file, so that
    :func:`json.dumps` takes the result as it is (a web service's response);
    :func:`from_dict` reads either back.

    >>> import json
    >>> from industrial_plan import examples
    >>> data = to_dict(examples.xiamen(), json_ready=True)
    >>> from_dict(json.loads(json.dumps(data))) == examples.xiamen()
    True
    """
    documents = {s.id: s for s in system.sources if s.id is not None}
    converter = _reading_converter(documents)
    data: dict[str, Any] = {"format": FORMAT}
    data.update(converter.unstructure(system))
    return _json_ready(data) if json_ready else data


def _json_ready(value: Any) -> Any:
    """*value* with dates and decimals as JSON plan files write them."""
    if isinstance(value, dict):
        return {key: _json_ready(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_json_ready(item) for item in value]
    if isinstance(value, dt.date | Decimal):
        return _json_default(value)
    return value


def from_dict(
    data: Any,
    file: str | None = None,
    lines: Callable[[str], int | None] | None = None,
) -> IndustrialSystem:
    """Build a system from plain data, reporting every problem with its path.

    *lines* maps a field path to its line, for the problems' messages; it is
    called only when there are problems.
    """
    with without_cycle_collection():
        return _from_data(data, file, lines, None)


def _from_data(
    data: Any,
    file: str | None,
    lines: Callable[[str], int | None] | None,
    max_values: int | None,
    aliases: bool = False,
) -> IndustrialSystem:
    """*data* as a system: quickly if nothing is wrong, else in detail.

    With *aliases* (YAML), values may repeat without text, so the size walk
    comes first; otherwise a value takes text, and the quick path follows
    only the format's own few levels, so it needs no walk.
    """
    if not (aliases and _shape_problems(data, max_values)):
        system = quick_system(data)
        if system is not None:
            return system
    return _from_data_in_detail(data, file, lines, max_values)


def quick_system(data: Any) -> IndustrialSystem | None:
    """The system *data* describes if nothing in it is wrong, else ``None``."""
    if type(data) is not dict:
        return None
    declared = data.get("format", FORMAT)
    if type(declared) is not str or declared not in _READABLE:
        return None
    documents, source_problems = _documents(data.get("sources", []))
    if source_problems:
        return None
    fields = {key: value for key, value in data.items() if key != "format"}
    return quick_structure(fields, _reading_converter(documents))


# -- reading text -------------------------------------------------------------------


def _parse_text(text: str, syntax: Syntax, file: str | None) -> Any:
    if syntax not in ("toml", "yaml", "json"):
        raise FieldError(f"unknown plan file syntax {syntax!r}; use toml, yaml or json")
    name = syntax.upper()
    try:
        if syntax == "toml":
            return tomllib.loads(text)
        if syntax == "json":
            return json.loads(text, parse_float=Decimal, object_pairs_hook=_unique_keys)
        return _parse_yaml(text, file)
    except DuplicateKeyFound as found:
        problems = _duplicate_problems(text, syntax, found)
        raise PlanValidationError(problems, file) from None
    except tomllib.TOMLDecodeError as error:
        reason, line = toml_error_line(str(error), text)
        problem = Problem("", f"not valid TOML: {reason}", line)
    except json.JSONDecodeError as error:
        problem = Problem("", f"not valid JSON: {error.msg}", error.lineno)
    except RecursionError:
        problem = Problem("", f"not valid {name}: nested too deeply")
    except PlanValidationError:
        raise  # YAML's syntax errors, placed by _parse_yaml (a ValueError)
    except (ValueError, TypeError, OverflowError) as error:
        # Integers of more than 4,300 digits, among others.
        problem = Problem("", f"not valid {name}: {message(error)}")
    raise PlanValidationError([problem], file) from None


def _parse_yaml(text: str, file: str | None) -> Any:
    # PyYAML is imported for YAML files only: the first answer of a fresh
    # process reads TOML (issue 22: start-up).
    import yaml

    from .yaml_events import load as load_yaml

    try:
        return load_yaml(text)  # safe: plain data only
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = Problem("", f"not valid YAML: {error}", line)
    raise PlanValidationError([problem], file) from None


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object's pairs as a dict; a key given twice is refused, not
    overwritten (TOML's parser refuses it too)."""
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise DuplicateKeyFound(key)
            seen.add(key)
    return result


def _duplicate_problems(
    text: str, syntax: Syntax, found: DuplicateKeyFound
) -> list[Problem]:
    """One problem per key given twice, each naming both lines."""
    if syntax == "json":
        scan = json_duplicates
    else:
        from .yaml_positions import yaml_duplicates as scan
    problems = [
        Problem(
            path,
            f"the key {key!r} is given twice, on lines {first} and {second}; "
            "keep one (the file would otherwise lose the other's value)",
            second,
        )
        for path, key, first, second in scan(text)
    ]
    return problems or [Problem("", f"the key {found.key!r} is given twice")]


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return _decimal_text(value)
    raise FieldTypeError(f"cannot write {value!r} to JSON")
