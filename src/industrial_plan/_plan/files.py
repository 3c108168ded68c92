"""Plan files: one format, written as TOML, YAML or JSON.

Reading goes text -> plain data (safe loaders only, parsed once) -> typed
values through one cattrs converter; writing goes the other way.  Problems are
collected, not raised one by one: a file with five mistakes yields one
:class:`PlanValidationError` listing five problems, each with its field path
and its line.  Lines are found only for those problems (:mod:`._positions`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import os
import re
import tempfile
import tomllib
from collections.abc import Callable, Mapping
from decimal import Decimal
from enum import Enum
from importlib import resources
from pathlib import Path
from typing import Any, Literal, TypeAlias

import attrs
import cattrs
import tomli_w
import yaml

from industrial_plan._collector import without_cycle_collection
from industrial_plan._errors import (
    IndustrialPlanError,
    ParseError,
    PlanValidationError,
    Problem,
)
from industrial_plan._figures.figure import Figure
from industrial_plan._figures.forms import Change
from industrial_plan._figures.qualifier import Qualifier
from industrial_plan._figures.source import Source
from industrial_plan._figures.wording import figure_text
from industrial_plan._money.units import Quantity, to_decimal, unit_text, ureg

from .metrics import Direction, Metric
from .names import Names
from .owners import ClassificationCode, Industry, Regional, Tier
from .positions import LazyLocator, toml_error_line
from .quick import figure_parser, read_unit
from .quick import structure as quick_structure
from .roadmap import Enterprise, EnterpriseRole, Policy, Roadmap, SpatialLayout, Zone
from .salvage import item_type, relevant, salvage
from .system import IndustrialSystem, check
from .targets import IndicatorType, Observation, PriceBasis, Target, TargetKind
from .validation import field_problems, join, message, partial
from .yaml_events import load as load_yaml

Syntax: TypeAlias = Literal["toml", "yaml", "json"]
FORMAT = "industrial-plan/2"
"""The value of the ``format`` key that identifies a plan file and its version.

Version 2 adds target kinds, region-wide indicators and the forms of figures
(growth, shares, ratios per head, counts); every version 1 file reads as it is.
"""
_READABLE = frozenset({"industrial-plan/1", FORMAT})

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
MAX_DEPTH = 64
"""How deeply tables and lists may nest in a plan file (plans use about 10)."""


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
) -> Path:
    """Write a plan file atomically; the syntax comes from the suffix unless given.

    The text goes to a temporary file beside the target, which then replaces
    it in one step: a crash or a full disk never leaves a half-written plan.
    """
    file = Path(path)
    text = dumps(system, syntax or syntax_of(file))
    handle, temporary = tempfile.mkstemp(
        dir=file.parent or Path("."), prefix=f".{file.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, file)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return file


def dumps(system: IndustrialSystem, syntax: Syntax) -> str:
    """The plan as text in the given syntax."""
    data = to_dict(system)
    if syntax == "toml":
        return tomli_w.dumps(data, multiline_strings=False)
    if syntax == "yaml":
        return str(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100))
    if syntax == "json":
        return (
            json.dumps(data, ensure_ascii=False, indent=2, default=_json_default) + "\n"
        )
    raise ValueError(f"unknown plan file syntax {syntax!r}; use toml, yaml or json")


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


def to_dict(system: IndustrialSystem) -> dict[str, Any]:
    """The plan as plain data (str, int, bool, date, list, dict), ready to write."""
    documents = {s.id: s for s in system.sources if s.id is not None}
    converter = _reading_converter(documents)
    data: dict[str, Any] = {"format": FORMAT}
    data.update(converter.unstructure(system))
    return data


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


def _from_data_in_detail(
    data: Any,
    file: str | None,
    lines: Callable[[str], int | None] | None,
    max_values: int | None,
) -> IndustrialSystem:
    """*data* as a system, or every problem it has, each with its path."""
    where = lines or (lambda path: None)

    def fail(problems: list[Problem]) -> PlanValidationError:
        located = [attrs.evolve(p, line=p.line or where(p.path)) for p in problems]
        # In file order, as a reader fixes them; problems without a line last.
        located.sort(key=lambda p: (p.line is None, p.line or 0))
        return PlanValidationError(located, file)

    if not isinstance(data, Mapping):
        raise PlanValidationError([Problem("", "a plan must be a table of keys")], file)
    shape = _shape_problems(data, max_values)
    if shape:
        raise fail(shape)
    problems: list[Problem] = []
    declared = data.get("format", FORMAT)
    if not isinstance(declared, str) or declared not in _READABLE:
        readable = " or ".join(repr(f) for f in sorted(_READABLE))
        problems.append(
            Problem(
                "format", f"{declared!r} is not a supported format; expected {readable}"
            )
        )
    documents, source_problems = _documents(data.get("sources", []))
    problems.extend(source_problems)
    converter = _reading_converter(documents)
    kwargs, structure_problems = _structure_fields(converter, data)
    problems.extend(structure_problems)
    if not problems:
        try:
            return IndustrialSystem(**kwargs)
        except (ValueError, TypeError):
            pass  # found again below, each problem with its path
    problems.extend(_system_problems(converter, data, kwargs, problems))
    raise fail(problems)


_PATH_HEAD = re.compile(r"[.\[].*$")


def _system_problems(
    converter: cattrs.Converter,
    data: Mapping[str, Any],
    kwargs: Mapping[str, Any],
    found: list[Problem],
) -> list[Problem]:
    """The system's own problems: each top-level field, then the whole-plan checks.

    The whole-plan checks (unique ids, links, years, units that fit their
    metric) run on the parts that read, with harmless stand-ins for the rest
    (:mod:`._salvage`), so that a bad ``start_year`` or a bad figure does not
    hide a duplicate industry id.
    """
    failed = {_PATH_HEAD.sub("", p.path) for p in found}
    given = {k: v for k, v in kwargs.items() if k not in failed}
    for field in attrs.fields(IndustrialSystem):
        if field.name in failed and field.name in data and field.type is not None:
            with contextlib.suppress(Exception):  # then it takes a stand-in
                raw = data[field.name]
                given[field.name] = salvage_field(converter, field.type, raw)
    system, problems = partial(IndustrialSystem, given)
    problems = [p for p in problems if p.path not in failed]
    bad = {p.path for p in problems} | (failed - set(given))
    for field in attrs.fields(IndustrialSystem):
        if field.name in bad:
            object.__setattr__(system, field.name, _stand_in(field.name))
    # A stand-in the checks did not expect must not hide the problems found.
    with contextlib.suppress(AttributeError, TypeError, ValueError):
        checked = check(system)
        problems.extend(relevant(checked, [p.path for p in (*found, *problems)]))
    if not problems and not found:
        try:
            IndustrialSystem(**kwargs)
        except (ValueError, TypeError) as error:
            problems.append(Problem("", message(error)))
    return problems


def salvage_field(converter: cattrs.Converter, type_: Any, raw: Any) -> Any:
    """A top-level field's value as far as it reads (see :mod:`._salvage`)."""
    item = item_type(type_)
    if item is not None:
        items = raw if isinstance(raw, list) else []
        return tuple(salvage(converter, item, value) for value in items)
    if attrs.has(type_):
        return salvage(converter, type_, raw)
    return converter.structure(raw, type_)


def _stand_in(name: str) -> Any:
    # Years that make no year-range problem; empty parts; a placeholder name.
    stand_ins: dict[str, Any] = {
        "name": Names("?"),
        "region": Names("?"),
        "start_year": 1900,
        "end_year": 2200,
        "roadmap": Roadmap(),
        "layout": SpatialLayout(),
    }
    return stand_ins.get(name, ())


def _shape_problems(data: Mapping[str, Any], max_values: int | None) -> list[Problem]:
    """Nesting deeper than :data:`MAX_DEPTH`, or more values than *max_values*.

    Walks level by level without recursion, so that no input can exhaust the
    stack, and stops as soon as a limit is passed.
    """
    level: list[Any] = [data]
    depth = count = 0
    while level:
        depth += 1
        if depth > MAX_DEPTH:
            return [Problem(_deep_path(data), f"nested more than {MAX_DEPTH} levels")]
        below: list[Any] = []
        for value in level:
            items = value.values() if _is_mapping(value) else value
            count += len(items)
            if max_values is not None and count > max_values:
                return [
                    Problem(
                        "",
                        f"the plan holds more than {max_values} values, more than "
                        "its text can write out: aliases that expand are refused",
                    )
                ]
            below.extend(item for item in items if _is_container(item))
        level = below
    return []


_CONTAINERS = (Mapping, list, tuple, set, frozenset)
# Parsers build plain types; checking those first skips the slow ABC check.
_SCALARS = frozenset({str, int, bool, float, Decimal, type(None), dt.date})
_PLAIN_CONTAINERS = frozenset({dict, list})


def _is_mapping(value: Any) -> bool:
    return type(value) is dict or isinstance(value, Mapping)


def _is_container(value: Any) -> bool:
    kind = type(value)
    if kind in _PLAIN_CONTAINERS:
        return True
    return kind not in _SCALARS and isinstance(value, _CONTAINERS)


def _deep_path(data: Any) -> str:
    """The path of a value nested deeper than :data:`MAX_DEPTH`."""
    path = ""
    value = data
    for _ in range(MAX_DEPTH):
        items: list[tuple[str, Any]]
        if isinstance(value, Mapping):
            items = [(join(path, str(k)), v) for k, v in value.items()]
        else:
            items = [(f"{path}[{i}]", v) for i, v in enumerate(value)]
        deeper = [(p, v) for p, v in items if isinstance(v, _CONTAINERS)]
        if not deeper:
            break
        # The deepest branch: the one whose nesting goes on longest.
        path, value = max(deeper, key=lambda item: _depth(item[1]))
    return path


def _depth(value: Any) -> int:
    depth, level = 0, [value]
    while level and depth <= MAX_DEPTH:
        depth += 1
        level = [
            item
            for v in level
            for item in (v.values() if isinstance(v, Mapping) else v)
            if isinstance(item, _CONTAINERS)
        ]
    return depth


# -- reading text -------------------------------------------------------------------


def _parse_text(text: str, syntax: Syntax, file: str | None) -> Any:
    if syntax not in ("toml", "yaml", "json"):
        raise ValueError(f"unknown plan file syntax {syntax!r}; use toml, yaml or json")
    name = syntax.upper()
    try:
        if syntax == "toml":
            return tomllib.loads(text)
        if syntax == "json":
            return json.loads(text, parse_float=Decimal)
        return load_yaml(text)  # safe: plain data only
    except tomllib.TOMLDecodeError as error:
        reason, line = toml_error_line(str(error), text)
        problem = Problem("", f"not valid TOML: {reason}", line)
    except json.JSONDecodeError as error:
        problem = Problem("", f"not valid JSON: {error.msg}", error.lineno)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = Problem("", f"not valid YAML: {error}", line)
    except RecursionError:
        problem = Problem("", f"not valid {name}: nested too deeply")
    except (ValueError, TypeError, OverflowError) as error:
        # Integers of more than 4,300 digits, among others.
        problem = Problem("", f"not valid {name}: {message(error)}")
    raise PlanValidationError([problem], file) from None


# -- structuring ----------------------------------------------------------------------


def _documents(raw: Any) -> tuple[dict[str, Source], list[Problem]]:
    problems: list[Problem] = []
    documents: dict[str, Source] = {}
    if not isinstance(raw, list):
        return {}, [Problem("sources", "must be a list of source tables")]
    for i, item in enumerate(raw):
        try:
            source = _source_from_table(item)
        except (ValueError, TypeError):
            continue  # reported when the sources field is structured
        if source.id is None:
            problems.append(Problem(f"sources[{i}].id", "a listed source needs an id"))
        elif source.id in documents:
            problems.append(
                Problem(f"sources[{i}].id", f"duplicate source id {source.id!r}")
            )
        else:
            documents[source.id] = source
    return documents, problems


_SOURCE_FIELDS = ("id", "publisher", "title", "date", "url", "quote")


def _source_from_table(item: Any) -> Source:
    if not isinstance(item, Mapping):
        raise TypeError(f"a source must be a table, got {item!r}")
    unknown = sorted(set(item) - set(_SOURCE_FIELDS))
    if unknown:
        raise ValueError(
            f"unknown source fields {unknown}; known: {list(_SOURCE_FIELDS)}"
        )
    for key, value in item.items():
        if key != "date" and not isinstance(value, str):
            raise TypeError(f"source {key} must be text, got {value!r}")
    try:
        return Source(**{key: item[key] for key in item})
    except (ValueError, TypeError) as error:
        problems = field_problems(Source, item)
        if not problems:
            raise
        raise PlanValidationError(problems) from error


def _structure_fields(
    converter: cattrs.Converter, data: Mapping[str, Any]
) -> tuple[dict[str, Any], list[Problem]]:
    problems: list[Problem] = []
    kwargs: dict[str, Any] = {}
    fields = attrs.fields_dict(IndustrialSystem)
    for key in data:
        if key not in fields and key != "format":
            problems.append(
                Problem(str(key), f"unknown key {key!r}; known: {', '.join(fields)}")
            )
    for name, field in fields.items():
        if name not in data:
            if field.default is attrs.NOTHING:
                problems.append(Problem(name, "required key is missing"))
            continue
        try:
            assert field.type is not None
            kwargs[name] = converter.structure(data[name], field.type)
        except Exception as error:
            problems.extend(_problems_from(error, name))
    return kwargs, problems


def _problems_from(error: BaseException, path: str) -> list[Problem]:
    """Every problem inside *error* (cattrs groups them), each with its path."""
    if isinstance(error, PlanValidationError):
        return [attrs.evolve(p, path=join(path, p.path)) for p in error.problems]
    if isinstance(error, cattrs.ClassValidationError):
        noted, rest = error.group_exceptions()
        found = [p for e, n in noted for p in _problems_from(e, join(path, n.name))]
        return found + [p for e in rest for p in _problems_from(e, path)]
    if isinstance(error, cattrs.IterableValidationError):
        items, rest = error.group_exceptions()
        found = [p for e, n in items for p in _problems_from(e, f"{path}[{n.index}]")]
        return found + [p for e in rest for p in _problems_from(e, path)]
    if isinstance(error, cattrs.BaseValidationError):
        return [p for e in error.exceptions for p in _problems_from(e, path)]
    return [Problem(path, _describe(error, None))]


def _describe(error: BaseException, type_: Any) -> str:
    if isinstance(error, KeyError) and not isinstance(error, IndustrialPlanError):
        return "required field missing"
    if isinstance(error, cattrs.ForbiddenExtraKeysError):
        return f"unknown keys {sorted(error.extra_fields)}"
    if isinstance(error, ParseError):
        return (
            f"cannot read {error.text!r} as a figure: "
            f"{error.reason} at position {error.position}"
        )
    if isinstance(error, (ValueError, TypeError, IndustrialPlanError)):
        return str(error).splitlines()[0]
    return f"{type(error).__name__}: {error}"


def _reading_converter(documents: Mapping[str, Source]) -> cattrs.Converter:
    """The converter for *documents*, kept for the next plan citing the same.

    cattrs generates each class's (un)structuring code on first use, which is
    a tenth of a small plan's load or save; converters are not changed after
    they are made, so one serves every plan with the same listed sources.
    """
    try:
        return _kept_converter(tuple(documents.items()))
    except TypeError:  # a source that cannot be hashed
        return _converter(documents)


@functools.lru_cache(maxsize=16)
def _kept_converter(documents: tuple[tuple[str, Source], ...]) -> cattrs.Converter:
    return _converter(dict(documents))


def _converter(documents: Mapping[str, Source]) -> cattrs.Converter:
    """The one converter for plan files; *documents* resolves source references."""
    converter = cattrs.Converter(forbid_extra_keys=True, omit_if_default=True)
    converter.register_structure_hook_factory(attrs.has, _every_problem(converter))

    def strict(kind: type) -> Callable[[Any, Any], Any]:
        def structure(value: Any, _: Any) -> Any:
            # bool is an int to Python, never to a plan file.
            if (isinstance(value, bool) and kind is not bool) or not isinstance(
                value, kind
            ):
                raise TypeError(f"expected {kind.__name__}, got {value!r}")
            return value

        return structure

    converter.register_structure_hook(str, strict(str))
    converter.register_structure_hook(int, strict(int))
    converter.register_structure_hook(bool, strict(bool))
    converter.register_structure_hook(dt.date, _structure_date)
    converter.register_structure_hook(Names, lambda v, _: _structure_names(v))
    converter.register_unstructure_hook(Names, lambda n: n.as_dict())
    for enum_type in (
        Direction,
        EnterpriseRole,
        Qualifier,
        TargetKind,
        IndicatorType,
        PriceBasis,
        Change,
    ):
        converter.register_structure_hook(enum_type, _enum_hook(enum_type))
        converter.register_unstructure_hook(enum_type, lambda e: e.value)
    converter.register_structure_hook(Figure, lambda v, _: _structure_figure(v))
    converter.register_unstructure_hook(Figure, _unstructure_figure)
    converter.register_structure_hook(
        Source, lambda v, _: _structure_source(v, documents)
    )
    converter.register_unstructure_hook(
        Source, lambda s: _unstructure_source(s, documents)
    )
    # Every target names its kind in the file, even where its words say it.
    converter.register_unstructure_hook(
        Target,
        cattrs.gen.make_dict_unstructure_fn(
            Target,
            converter,
            _cattrs_omit_if_default=True,
            kind=cattrs.gen.override(omit_if_default=False),
        ),
    )
    # Hooks of the parts come first: the system's is generated from them.
    # The system's own list of documents is written in full, ids included.
    converter.register_unstructure_hook(
        IndustrialSystem, _system_unstructurer(converter)
    )
    return converter


# cattrs reads field types; the model uses postponed annotations.
for _cls in (
    IndustrialSystem,
    Tier,
    Industry,
    Target,
    Observation,
    Metric,
    Enterprise,
    Policy,
    Zone,
    Roadmap,
    SpatialLayout,
    ClassificationCode,
    Regional,
):
    attrs.resolve_types(_cls)


def _every_problem(
    converter: cattrs.Converter,
) -> Callable[[type[Any]], Callable[[Any, Any], Any]]:
    """cattrs's structuring of attrs classes, reporting every field that fails.

    cattrs reports the fields it cannot structure, and attrs the first
    validator that fails; on that error path only, each field is also
    checked alone, so that every problem of the table is listed.
    """

    def factory(cls: type[Any]) -> Callable[[Any, Any], Any]:
        structure = cattrs.gen.make_dict_structure_fn(cls, converter)

        def checked(value: Any, type_: Any) -> Any:
            try:
                return structure(value, type_)
            except (cattrs.ClassValidationError, ValueError, TypeError) as error:
                if not isinstance(value, Mapping):
                    raise
                problems = []  # attrs's first failure is found again below
                if isinstance(error, cattrs.ClassValidationError):
                    problems = _problems_from(error, "")
                failed = {_PATH_HEAD.sub("", p.path) for p in problems}
                more = [
                    problem
                    for problem in _construction_problems(converter, cls, value)
                    if problem.path not in failed and (problem.path or not failed)
                ]
                # cattrs passes on the constructor's error, which is one of these.
                again = {problem.message for problem in more}
                problems = [p for p in problems if p.path or p.message not in again]
                problems.extend(more)
                if not problems:
                    raise
                raise PlanValidationError(problems) from None

        return checked

    return factory


def _construction_problems(
    converter: cattrs.Converter, cls: type[Any], value: Mapping[str, Any]
) -> list[Problem]:
    """The problems each field that structures has on its own, then the whole's."""
    kwargs: dict[str, Any] = {}
    broken = False
    for field in attrs.fields(cls):
        if field.name in value and field.type is not None:
            try:
                kwargs[field.name] = converter.structure(value[field.name], field.type)
            except Exception:  # reported by cattrs already
                broken = True
    if broken:
        _, problems = partial(cls, kwargs)
        return problems
    return field_problems(cls, kwargs)


def _system_unstructurer(
    converter: cattrs.Converter,
) -> Callable[[IndustrialSystem], Any]:
    plain = cattrs.gen.make_dict_unstructure_fn(
        IndustrialSystem,
        converter,
        _cattrs_omit_if_default=True,
        sources=cattrs.gen.override(omit=True),
    )

    def unstructure(system: IndustrialSystem) -> dict[str, Any]:
        fields: dict[str, Any] = plain(system)
        # Sources come before the tiers that cite them, as a reader expects.
        data = {key: fields.pop(key) for key in _HEAD if key in fields}
        if system.sources:
            data["sources"] = [_source_table(source) for source in system.sources]
        data.update(fields)
        cleaned: dict[str, Any] = _drop_empty(data)
        return cleaned

    return unstructure


_HEAD = ("name", "region", "start_year", "end_year")


def _drop_empty(value: Any) -> Any:
    if isinstance(value, dict):
        cleaned = {k: _drop_empty(v) for k, v in value.items()}
        return {k: v for k, v in cleaned.items() if v not in (None, [], {}, ())}
    if isinstance(value, list | tuple):
        return [_drop_empty(v) for v in value]
    return value


def _enum_hook(enum_type: type[Enum]) -> Callable[[Any, Any], Any]:
    def structure(value: Any, _: Any) -> Any:
        try:
            return enum_type(value)
        except ValueError:
            known = ", ".join(repr(member.value) for member in enum_type)
            raise ValueError(f"{value!r} is not one of {known}") from None

    return structure


def _structure_date(value: Any, _: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        raise TypeError(f"expected a date, got a date and time {value!r}")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f"{value!r} is not a date (YYYY-MM-DD)")


def _structure_names(value: Any) -> Names:
    if isinstance(value, str | Mapping):
        return Names(value)
    raise TypeError(f"a name is text or a table of language = text, got {value!r}")


def _structure_quantity(value: Any) -> Quantity:
    if isinstance(value, Mapping):
        unknown = sorted(set(value) - {"value", "unit"})
        if unknown:
            raise ValueError(
                f"unknown quantity fields {unknown}; known: ['value', 'unit']"
            )
        if "value" not in value:
            raise ValueError("a quantity needs a value")
        unit = value.get("unit", "")
        if not isinstance(unit, str):
            raise TypeError(f"a unit must be text, got {unit!r}")
        return ureg.Quantity(
            to_decimal(value["value"], "quantity value"), read_unit(unit)
        )
    raise TypeError(f"a quantity is a table with value and unit, got {value!r}")


_FIGURE_FIELDS = {"value", "unit", "qualifier", "approximate", "equivalent"}
# What a figure states beside its quantity: a change, a share, a ratio, a count.
_FORM_FIELDS = ("change", "base_year", "share_of", "per", "counted", "measure")
_FIGURE_FIELDS |= set(_FORM_FIELDS)


def _structure_figure(value: Any) -> Figure:
    if isinstance(value, str):
        return figure_parser()(value)
    if not isinstance(value, Mapping):
        raise TypeError(f"a figure is text or a table, got {value!r}")
    unknown = sorted(set(value) - _FIGURE_FIELDS)
    if unknown:
        raise ValueError(
            f"unknown figure fields {unknown}; known: {sorted(_FIGURE_FIELDS)}"
        )
    quantity = _structure_quantity(
        {k: value[k] for k in ("value", "unit") if k in value}
    )
    qualifier = _enum_hook(Qualifier)(value.get("qualifier", "exact"), Qualifier)
    equivalent = value.get("equivalent")
    approximate = value.get("approximate", qualifier is Qualifier.ABOUT)
    if not isinstance(approximate, bool):
        raise TypeError(f"approximate must be true or false, got {approximate!r}")
    form = {name: value[name] for name in _FORM_FIELDS if name in value}
    if "change" in form:
        form["change"] = _enum_hook(Change)(form["change"], Change)
    for name in ("base_year", "per"):
        if name in form and (
            isinstance(form[name], bool) or not isinstance(form[name], int)
        ):
            raise TypeError(f"{name} must be a whole number, got {form[name]!r}")
    for name in ("share_of", "counted", "measure"):
        if name in form and not isinstance(form[name], str):
            raise TypeError(f"{name} must be text, got {form[name]!r}")
    return Figure(
        quantity,
        qualifier,
        stated_equivalent=None
        if equivalent is None
        else _structure_quantity(equivalent),
        approximate=approximate,
        **form,
    )


def _unstructure_figure(figure: Figure) -> Any:
    text = figure_text(figure)
    if text is not None:
        return text
    table: dict[str, Any] = {
        "value": _decimal_text(figure.quantity.magnitude),
        "unit": unit_text(figure.quantity),
    }
    if figure.qualifier is not Qualifier.EXACT:
        table["qualifier"] = figure.qualifier.value
    if figure.approximate and figure.qualifier is not Qualifier.ABOUT:
        table["approximate"] = True
    if figure.stated_equivalent is not None:
        table["equivalent"] = {
            "value": _decimal_text(figure.stated_equivalent.magnitude),
            "unit": unit_text(figure.stated_equivalent),
        }
    for name in _FORM_FIELDS:
        value = getattr(figure, name)
        if isinstance(value, Enum):
            value = value.value
        elif isinstance(value, Decimal):
            value = int(value)
        if value is not None:
            table[name] = value
    return table


def _decimal_text(value: Decimal) -> str:
    return format(value, "f")


def _structure_source(value: Any, documents: Mapping[str, Source]) -> Source:
    if isinstance(value, str):
        return _document(value, documents)
    if isinstance(value, Mapping) and "ref" in value:
        unknown = sorted(set(value) - {"ref", "quote"})
        if unknown:
            raise ValueError(
                f"unknown source reference fields {unknown}; known: ['ref', 'quote']"
            )
        quote = value.get("quote")
        if quote is not None and not isinstance(quote, str):
            raise TypeError(f"quote must be text, got {quote!r}")
        return _document(value["ref"], documents).quoting(quote)
    return _source_from_table(value)


def _document(ref: Any, documents: Mapping[str, Source]) -> Source:
    if not isinstance(ref, str) or ref not in documents:
        known = ", ".join(repr(k) for k in documents) or "none"
        raise ValueError(f"unknown source {ref!r}; sources listed in the plan: {known}")
    return documents[ref]


def _unstructure_source(source: Source, documents: Mapping[str, Source]) -> Any:
    if source.id is not None and documents.get(source.id) == source.document:
        if source.quote is None:
            return source.id
        return {"ref": source.id, "quote": source.quote}
    return _source_table(source)


def _source_table(source: Source) -> dict[str, Any]:
    return {
        key: getattr(source, key)
        for key in _SOURCE_FIELDS
        if getattr(source, key) is not None
    }


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return _decimal_text(value)
    raise TypeError(f"cannot write {value!r} to JSON")
