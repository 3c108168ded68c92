"""Plan files: one format, written as TOML, YAML or JSON.

Reading goes text -> plain data (safe loaders only) -> typed values through
one cattrs converter; writing goes the other way.  Problems are collected, not
raised one by one: a file with five mistakes yields one
:class:`PlanValidationError` listing five problems, each with its field path
and its line.
"""

from __future__ import annotations

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

from ._errors import IndustrialPlanError, ParseError, PlanValidationError, Problem
from ._figures import Change, Figure, Qualifier, Source
from ._model import (
    ClassificationCode,
    Direction,
    Enterprise,
    EnterpriseRole,
    IndicatorType,
    IndustrialSystem,
    Industry,
    Metric,
    Names,
    Observation,
    Policy,
    PriceBasis,
    Regional,
    Roadmap,
    SpatialLayout,
    Target,
    TargetKind,
    Tier,
    Zone,
)
from ._units import Quantity, parse_unit, to_decimal, unit_text, ureg

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
# Plan files are small documents; a size cap keeps a mistaken or hostile input
# (a multi-gigabyte file, a YAML "billion laughs") from exhausting memory.
MAX_FILE_BYTES = 10 * 1024 * 1024


# -- public API ----------------------------------------------------------------------


def load(
    path: str | os.PathLike[str], syntax: Syntax | None = None
) -> IndustrialSystem:
    """Read a plan file; the syntax comes from the suffix unless given.

    Raises :class:`PlanValidationError` listing every problem found, each with
    its field path and line, and naming the file.
    """
    file = Path(path)
    chosen = syntax or syntax_of(file)
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            raise PlanValidationError(
                [
                    Problem(
                        "",
                        f"file is {size} bytes; plan files may have {MAX_FILE_BYTES}",
                    )
                ],
                str(file),
            )
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise PlanValidationError(
            [Problem("", f"cannot read the file: {error}")], str(file)
        ) from None
    return loads(text, chosen, file=str(file))


def loads(text: str, syntax: Syntax, file: str | None = None) -> IndustrialSystem:
    """Read a plan from text in the given syntax: ``"toml"``, ``"yaml"``, ``"json"``."""
    data, lines = _parse_text(text, syntax, file)
    return from_dict(data, file=file, lines=lines)


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
    converter = _converter(documents)
    data: dict[str, Any] = {"format": FORMAT}
    data.update(converter.unstructure(system))
    return data


def from_dict(
    data: Any,
    file: str | None = None,
    lines: Callable[[str], int | None] | None = None,
) -> IndustrialSystem:
    """Build a system from plain data, reporting every problem with its path."""
    where = lines or (lambda path: None)
    if not isinstance(data, Mapping):
        raise PlanValidationError([Problem("", "a plan must be a table of keys")], file)
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
    converter = _converter(documents)
    kwargs, field_problems = _structure_fields(converter, data)
    problems.extend(field_problems)
    if not problems:
        try:
            return IndustrialSystem(**kwargs)
        except PlanValidationError as error:
            problems.extend(error.problems)
    located = [attrs.evolve(p, line=p.line or where(p.path)) for p in problems]
    raise PlanValidationError(located, file)


# -- reading text -------------------------------------------------------------------


def _parse_text(
    text: str, syntax: Syntax, file: str | None
) -> tuple[Any, Callable[[str], int | None] | None]:
    try:
        if syntax == "toml":
            return tomllib.loads(text), _toml_lines(text)
        if syntax == "json":
            return json.loads(text, parse_float=Decimal), _json_lines(text)
        if syntax == "yaml":
            return yaml.safe_load(text), _yaml_lines(text)
    except tomllib.TOMLDecodeError as error:
        raise PlanValidationError(
            [Problem("", f"not valid TOML: {error}")], file
        ) from None
    except json.JSONDecodeError as error:
        problem = Problem("", f"not valid JSON: {error.msg}", error.lineno)
        raise PlanValidationError([problem], file) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise PlanValidationError(
            [Problem("", f"not valid YAML: {error}", line)], file
        ) from None
    raise ValueError(f"unknown plan file syntax {syntax!r}; use toml, yaml or json")


_SEGMENT = re.compile(r"\.([^.\[\]]+)|\[(\d+)\]")


_TOML_ARRAY_HEADER = re.compile(r"\s*\[\[\s*([A-Za-z0-9_.-]+)\s*\]\]\s*(#.*)?$")
_TOML_TABLE_HEADER = re.compile(r"\s*\[\s*([A-Za-z0-9_.-]+)\s*\]\s*(#.*)?$")
_TOML_KEY = re.compile(r"\s*([A-Za-z0-9_-]+)\s*=")
_LAST_SEGMENT = re.compile(r"(\.?[^.\[\]]+|\[\d+\])$")


def _toml_lines(text: str) -> Callable[[str], int | None]:
    """Map a field path to the line of its key or table header in TOML text.

    tomllib keeps no positions, so the table headers are followed by hand as
    TOML reads them: ``[[tiers.industries]]`` adds an industry to the last
    tier.  A path inside an inline table or array maps to the line of the
    nearest key or header that encloses it.
    """
    places: dict[str, int] = {}
    counts: dict[str, int] = {}  # concrete array path -> elements so far
    current = ""
    for number, line in enumerate(text.splitlines(), start=1):
        array = _TOML_ARRAY_HEADER.match(line)
        table = None if array else _TOML_TABLE_HEADER.match(line)
        if array or table:
            keys = (array or table).group(1).split(".")  # type: ignore[union-attr]
            current = _concrete(keys[:-1], counts)
            current = f"{current}.{keys[-1]}" if current else keys[-1]
            if array:
                index = counts.get(current, 0)
                counts[current] = index + 1
                current = f"{current}[{index}]"
            places.setdefault(current, number)
            continue
        key = _TOML_KEY.match(line)
        if key:
            path = f"{current}.{key.group(1)}" if current else key.group(1)
            places.setdefault(path, number)

    return functools.partial(_nearest_line, places)


def _nearest_line(places: Mapping[str, int], path: str) -> int | None:
    """The line of *path*, or of the nearest enclosing path that has one."""
    while path:
        if path in places:
            return places[path]
        shorter = _LAST_SEGMENT.sub("", path)
        if shorter == path:
            return None
        path = shorter
    return None


def _concrete(keys: list[str], counts: dict[str, int]) -> str:
    """The path of the last element of each array of tables along *keys*."""
    path = ""
    for key in keys:
        path = f"{path}.{key}" if path else key
        if path in counts:
            path = f"{path}[{counts[path] - 1}]"
    return path


def _json_lines(text: str) -> Callable[[str], int | None]:
    """Map a field path to the line of its key or array item in (valid) JSON text.

    The json module keeps no positions, so the text is walked once more: a
    stack of open objects and arrays gives each key and item its path.
    """
    places: dict[str, int] = {}
    stack: list[list[Any]] = []  # [path, kind "{" or "[", key or index]
    line, position, size = 1, 0, len(text)

    def value_path() -> str:
        if not stack:
            return ""
        path, kind, at = stack[-1]
        if kind == "[":
            return f"{path}[{at}]"
        return f"{path}.{at}" if path else str(at)

    def value_starts() -> None:
        if stack and stack[-1][1] == "[":
            stack[-1][2] += 1
            places.setdefault(value_path(), line)

    expecting_key = False
    while position < size:
        char = text[position]
        if char == "\n":
            line += 1
        elif char == '"':
            end = position + 1
            while text[end] != '"':
                end += 2 if text[end] == "\\" else 1
            if expecting_key:
                stack[-1][2] = json.loads(text[position : end + 1])
                places.setdefault(value_path(), line)
                expecting_key = False
            else:
                value_starts()
            position = end
        elif char in "{[":
            value_starts()
            stack.append([value_path(), char, -1 if char == "[" else None])
            expecting_key = char == "{"
        elif char in "}]":
            stack.pop()
        elif char == ",":
            expecting_key = bool(stack) and stack[-1][1] == "{"
        elif char not in " \t\r:":
            value_starts()  # a number, true, false or null
            while position + 1 < size and text[position + 1] not in ",}] \t\r\n":
                position += 1
        position += 1

    return functools.partial(_nearest_line, places)


def _yaml_lines(text: str) -> Callable[[str], int | None]:
    """Map a field path to the line of the deepest YAML node on that path."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)

    def line_of(path: str) -> int | None:
        node = root
        if node is None:
            return None
        line: int = node.start_mark.line + 1
        for key, index in _SEGMENT.findall("." + path if path else ""):
            child = None
            if key and isinstance(node, yaml.MappingNode):
                for key_node, value_node in node.value:
                    if key_node.value == key:
                        child = value_node
                        line = key_node.start_mark.line + 1
                        break
            elif index and isinstance(node, yaml.SequenceNode):
                position = int(index)
                if position < len(node.value):
                    child = node.value[position]
                    line = child.start_mark.line + 1
            if child is None:
                break
            node = child
        return line

    return line_of


# -- structuring ----------------------------------------------------------------------


def _documents(raw: Any) -> tuple[dict[str, Source], list[Problem]]:
    problems: list[Problem] = []
    documents: dict[str, Source] = {}
    if not isinstance(raw, list):
        return {}, [Problem("sources", "must be a list of source tables")]
    for i, item in enumerate(raw):
        try:
            source = _source_from_table(item)
        except (ValueError, TypeError) as error:
            problems.append(Problem(f"sources[{i}]", str(error)))
            continue
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
    return Source(**{key: item[key] for key in item})


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
    if isinstance(error, PlanValidationError):
        return [attrs.evolve(p, path=_join(path, p.path)) for p in error.problems]
    if isinstance(error, cattrs.BaseValidationError):
        messages = cattrs.transform_error(error, path="$", format_exception=_describe)
        result = []
        for message in messages:
            text, _, where = message.rpartition(" @ $")
            result.append(Problem(_join(path, where.lstrip(".")), text))
        return result
    return [Problem(path, _describe(error, None))]


def _join(prefix: str, rest: str) -> str:
    if not rest:
        return prefix
    return f"{prefix}{rest}" if rest.startswith("[") else f"{prefix}.{rest}"


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


def _converter(documents: Mapping[str, Source]) -> cattrs.Converter:
    """The one converter for plan files; *documents* resolves source references."""
    converter = cattrs.Converter(forbid_extra_keys=True, omit_if_default=True)

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
            to_decimal(value["value"], "quantity value"), parse_unit(unit)
        )
    raise TypeError(f"a quantity is a table with value and unit, got {value!r}")


_FIGURE_FIELDS = {"value", "unit", "qualifier", "approximate", "equivalent"}
# What a figure states beside its quantity: a change, a share, a ratio, a count.
_FORM_FIELDS = ("change", "base_year", "share_of", "per", "counted", "measure")
_FIGURE_FIELDS |= set(_FORM_FIELDS)


def _structure_figure(value: Any) -> Figure:
    if isinstance(value, str):
        from ._parse import parse_figure

        parsed: Figure = parse_figure(value)
        return parsed
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
    text = _figure_text(figure)
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


def _figure_text(figure: Figure) -> str | None:
    """The figure in words, if those words read back to exactly this figure.

    "Exactly" includes the unit as stated: "4912亿元" stays in Chinese rather
    than becoming "491.2 billion yuan".  Otherwise the figure is written as
    fields.
    """
    from ._format import format_figure
    from ._parse import parse_figure

    if figure.source is not None:
        return None
    # A figure with Chinese words in it ("每万人口超过20件") stays Chinese.
    chinese = figure.measure is not None or any(
        not text.isascii() for text in (figure.counted or "", figure.share_of or "")
    )
    for locale in ("zh", "en") if chinese else ("en", "zh"):
        try:
            text = format_figure(figure, locale=locale, style="long")
            again = parse_figure(text)
        except IndustrialPlanError:
            continue
        if again == figure and _same_units(again, figure):
            return text
    return None


def _same_units(a: Figure, b: Figure) -> bool:
    if unit_text(a.quantity) != unit_text(b.quantity):
        return False
    if a.stated_equivalent is None or b.stated_equivalent is None:
        return a.stated_equivalent is b.stated_equivalent
    return unit_text(a.stated_equivalent) == unit_text(b.stated_equivalent)


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
