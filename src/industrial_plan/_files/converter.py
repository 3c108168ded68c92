"""The cattrs converter between plan files' plain data and the typed plan.

One converter reads and writes every value: figures as words or as fields
(:mod:`industrial_plan._figures.wording`), enums by value, dates as ISO
text, sources once at the top of the file and by id elsewhere.  Reading
collects every problem of a table at once (:mod:`.problems`) rather than
stopping at the first.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Mapping
from decimal import Decimal
from enum import Enum
from typing import Any

import attrs
import cattrs

from industrial_plan._errors import (
    FieldError,
    FieldTypeError,
    PlanValidationError,
    Problem,
)
from industrial_plan._figures.figure import Figure
from industrial_plan._figures.forms import Change
from industrial_plan._figures.period import Period
from industrial_plan._figures.qualifier import Qualifier
from industrial_plan._figures.source import Source
from industrial_plan._figures.wording import figure_text
from industrial_plan._money.units import Quantity, to_decimal, unit_text, ureg
from industrial_plan._plan.metrics import Direction, Metric
from industrial_plan._plan.names import Names
from industrial_plan._plan.owners import ClassificationCode, Industry, Regional, Tier
from industrial_plan._plan.roadmap import (
    Enterprise,
    EnterpriseRole,
    Policy,
    Roadmap,
    SpatialLayout,
    Zone,
)
from industrial_plan._plan.system import IndustrialSystem
from industrial_plan._plan.targets import (
    IndicatorType,
    Observation,
    PriceBasis,
    Target,
    TargetKind,
    _to_period,
)

from .problems import _every_problem
from .quick import figure_parser, read_unit
from .validation import field_problems

FORMAT = "industrial-plan/2"
"""The value of the ``format`` key that identifies a plan file and its version.

Version 2 adds target kinds, region-wide indicators and the forms of figures
(growth, shares, ratios per head, counts); every version 1 file reads as it is.
"""
_READABLE = frozenset({"industrial-plan/1", FORMAT})


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
        raise FieldTypeError(f"a source must be a table, got {item!r}")
    unknown = sorted(set(item) - set(_SOURCE_FIELDS))
    if unknown:
        raise FieldError(
            f"unknown source fields {unknown}; known: {list(_SOURCE_FIELDS)}"
        )
    for key, value in item.items():
        if key != "date" and not isinstance(value, str):
            raise FieldTypeError(f"source {key} must be text, got {value!r}")
    try:
        return Source(**{key: item[key] for key in item})
    except (ValueError, TypeError) as error:
        problems = field_problems(Source, item)
        if not problems:
            raise
        raise PlanValidationError(problems) from error


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
                raise FieldTypeError(f"expected {kind.__name__}, got {value!r}")
            return value

        return structure

    converter.register_structure_hook(str, strict(str))
    converter.register_structure_hook(int, strict(int))
    converter.register_structure_hook(bool, strict(bool))
    converter.register_structure_hook(dt.date, _structure_date)
    converter.register_structure_hook(Names, lambda v, _: _structure_names(v))
    converter.register_unstructure_hook(Names, lambda n: n.as_dict())
    # A statement: text, or a table of language to text.
    converter.register_structure_hook_func(
        lambda t: t == (str | Names | None), lambda v, _: _structure_statement(v)
    )
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
    converter.register_structure_hook(Period, lambda v, _: _structure_period(v))
    converter.register_unstructure_hook(Period, lambda p: p.code)
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
    @functools.cache
    def plain() -> Callable[[IndustrialSystem], dict[str, Any]]:
        # Generated at the first save, not when a converter is made to read a
        # plan: a fresh process's first answer only reads (issue 22).
        return cattrs.gen.make_dict_unstructure_fn(
            IndustrialSystem,
            converter,
            _cattrs_omit_if_default=True,
            sources=cattrs.gen.override(omit=True),
        )

    def unstructure(system: IndustrialSystem) -> dict[str, Any]:
        fields: dict[str, Any] = plain()(system)
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
            raise FieldError(f"{value!r} is not one of {known}") from None

    return structure


def _structure_date(value: Any, _: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        raise FieldTypeError(f"expected a date, got a date and time {value!r}")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise FieldError(f"{value!r} is not a date (YYYY-MM-DD)")


def _structure_period(value: Any) -> Period:
    if not isinstance(value, str):
        raise FieldTypeError(
            f"a period is a code such as 'Q1-Q3' or 'M1-M8', got {value!r}"
        )
    period = _to_period(value)
    assert period is not None
    return period


def _structure_names(value: Any) -> Names:
    if isinstance(value, str | Mapping):
        return Names(value)
    raise FieldTypeError(f"a name is text or a table of language = text, got {value!r}")


def _structure_statement(value: Any) -> str | Names | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, Mapping):
        return Names(value)
    raise FieldTypeError(
        f"a statement is text or a table of language = text, got {value!r}"
    )


def _structure_quantity(value: Any) -> Quantity:
    if isinstance(value, Mapping):
        unknown = sorted(set(value) - {"value", "unit"})
        if unknown:
            raise FieldError(
                f"unknown quantity fields {unknown}; known: ['value', 'unit']"
            )
        if "value" not in value:
            raise FieldError("a quantity needs a value")
        unit = value.get("unit", "")
        if not isinstance(unit, str):
            raise FieldTypeError(f"a unit must be text, got {unit!r}")
        return ureg.Quantity(
            to_decimal(value["value"], "quantity value"), read_unit(unit)
        )
    raise FieldTypeError(f"a quantity is a table with value and unit, got {value!r}")


_FIGURE_FIELDS = {"value", "unit", "qualifier", "approximate", "equivalent", "estimate"}
# What a figure states beside its quantity: a change, a share, a ratio, a count.
_FORM_FIELDS = ("change", "base_year", "share_of", "per", "counted", "measure")
_FIGURE_FIELDS |= set(_FORM_FIELDS)


def _structure_figure(value: Any) -> Figure:
    if isinstance(value, str):
        return figure_parser()(value)
    if not isinstance(value, Mapping):
        raise FieldTypeError(f"a figure is text or a table, got {value!r}")
    unknown = sorted(set(value) - _FIGURE_FIELDS)
    if unknown:
        raise FieldError(
            f"unknown figure fields {unknown}; known: {sorted(_FIGURE_FIELDS)}"
        )
    quantity = _structure_quantity(
        {k: value[k] for k in ("value", "unit") if k in value}
    )
    qualifier = _enum_hook(Qualifier)(value.get("qualifier", "exact"), Qualifier)
    equivalent = value.get("equivalent")
    approximate = value.get("approximate", qualifier is Qualifier.ABOUT)
    if not isinstance(approximate, bool):
        raise FieldTypeError(f"approximate must be true or false, got {approximate!r}")
    estimate = value.get("estimate", False)
    if not isinstance(estimate, bool):
        raise FieldTypeError(f"estimate must be true or false, got {estimate!r}")
    form = {name: value[name] for name in _FORM_FIELDS if name in value}
    if "change" in form:
        form["change"] = _enum_hook(Change)(form["change"], Change)
    for name in ("base_year", "per"):
        if name in form and (
            isinstance(form[name], bool) or not isinstance(form[name], int)
        ):
            raise FieldTypeError(f"{name} must be a whole number, got {form[name]!r}")
    for name in ("share_of", "counted", "measure"):
        if name in form and not isinstance(form[name], str):
            raise FieldTypeError(f"{name} must be text, got {form[name]!r}")
    return Figure(
        quantity,
        qualifier,
        stated_equivalent=None
        if equivalent is None
        else _structure_quantity(equivalent),
        approximate=approximate,
        estimate=estimate,
        **form,
    )


def _unstructure_figure(figure: Figure) -> Any:
    # The user's words, as read: a Chinese plan file stays in Chinese.  (A
    # figure unpickled from before figures kept their words has none.)
    words = getattr(figure, "words", None)
    if words is not None and figure.source is None:
        return words
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
    if figure.estimate:
        table["estimate"] = True
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
            raise FieldError(
                f"unknown source reference fields {unknown}; known: ['ref', 'quote']"
            )
        quote = value.get("quote")
        if quote is not None and not isinstance(quote, str):
            raise FieldTypeError(f"quote must be text, got {quote!r}")
        return _document(value["ref"], documents).quoting(quote)
    return _source_from_table(value)


def _document(ref: Any, documents: Mapping[str, Source]) -> Source:
    if not isinstance(ref, str) or ref not in documents:
        known = ", ".join(repr(k) for k in documents) or "none"
        raise FieldError(f"unknown source {ref!r}; sources listed in the plan: {known}")
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
