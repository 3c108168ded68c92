"""Targets and observations as long-format rows, for pandas, Arrow and pyam.

A long table has one row per stated value: who owns it (tier, industry),
what it is (target or observation, metric, year) and the value itself.  Values
are exact :class:`~decimal.Decimal` amounts in base units (yuan, not billions
of yuan), so rows from figures stated with different scale words add up
directly and nothing is rounded on the way to a data frame.

:func:`long_records` needs nothing beyond the library; :func:`to_pandas`,
:func:`to_arrow` and :func:`to_iamc` need the ``export`` extra
(``pip install "industrial-plan[export]"``).
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterator
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Any

from industrial_plan._errors import FieldError, MissingExtraError
from industrial_plan._figures.figure import Figure
from industrial_plan._figures.source import Source
from industrial_plan._money.units import currency_of, in_base_units, tidy, unit_text
from industrial_plan._plan.judgement import Judgement
from industrial_plan._plan.names import Names
from industrial_plan._plan.owners import Industry, Owner
from industrial_plan._plan.system import IndustrialSystem
from industrial_plan._plan.targets import Target

if TYPE_CHECKING:
    import pandas
    import pyarrow

__all__ = [
    "COLUMNS",
    "SOURCE_COLUMNS",
    "long_records",
    "to_arrow",
    "to_iamc",
    "to_pandas",
]

SOURCE_COLUMNS: tuple[str, ...] = (
    "source_id",
    "source_publisher",
    "source_title",
    "source_date",
    "source_url",
    "source_quote",
)
"""The columns that carry a cited :class:`~industrial_plan.Source`, field by field."""

COLUMNS: tuple[str, ...] = (
    "region",
    "system",
    "tier",
    "industry",
    "kind",
    "metric",
    "year",
    "period",
    "unit",
    "value",
    "qualifier",
    "approximate",
    "estimate",
    "statement",
    "source",
    "target_kind",
    "indicator_type",
    "price_basis",
    "of",
    "change",
    "base_year",
    "share_of",
    "per",
    "counted",
    "measure",
    "direction",
    "target_base_year",
    "start_year",
    "end_year",
    "stated_unit",
    "equivalent_value",
    "equivalent_unit",
    "equivalent_stated_unit",
    "date",
    "target_direction",
    *SOURCE_COLUMNS,
    "statements",
    "judgement",
)
"""The columns of :func:`long_records`, :func:`to_pandas` and :func:`to_arrow`."""


# decimal128 holds 38 digits; decimal256 holds 76.  Stated figures need far
# fewer, but a value in base units of a large scale word can get long.
_DECIMAL128_DIGITS = 38
_DECIMAL256_DIGITS = 76


def long_records(system: IndustrialSystem) -> list[dict[str, Any]]:
    """Every target and observation of *system* as one plain dict each.

    Rows follow the plan's order: each tier's targets and observations, then
    those of its industries in turn.  The columns, in this order:

    - ``region``, ``system``: the English (or first) names of the region
      and the system;
    - ``tier``, ``industry``: ids of the owner's tier and of the industry
      (``None`` for a tier's own rows);
    - ``kind``: ``"target"`` or ``"observation"``;
    - ``metric``, ``year``: the metric's id and the year;
    - ``period``: for an observation of a part of the year, its code
      (``"Q1-Q3"``, ``"M1-M8"``); ``None`` for the whole year and for targets;
    - ``unit``: the currency code for money (``"CNY"``), else the unit
      without scale words (``"GW"``, ``"t"``; ``""`` for a count);
    - ``value``: the exact value in that unit, a :class:`~decimal.Decimal`
      (491.2 billion yuan is ``Decimal("491200000000")``);
    - ``qualifier``: the :class:`~industrial_plan.Qualifier`'s value
      (``"more than"``), so a bound is never mistaken for the value itself;
    - ``approximate``: whether the figure is approximate;
    - ``estimate``: for an observation, whether it is an estimate (``True``
      or ``False``); ``None`` for targets;
    - ``statement``: a target's statement ("significant progress"), if any;
    - ``source``: the cited source as text, or ``None``;
    - ``target_kind``: a target's :class:`~industrial_plan.TargetKind` value
      ("growth rate", "share"); for an observation, what it reports
      ("level", "growth", "share" or "ratio");
    - ``indicator_type``: "binding" or "anticipatory", if stated;
    - ``price_basis``: "current prices" or "comparable prices", if stated;
    - ``of``: the metric a share or a ratio is taken of, if named;
    - ``change``, ``base_year``, ``share_of``, ``per``, ``counted``,
      ``measure``: what the figure states beside its number (see
      :class:`~industrial_plan.Figure`), so that a growth rate of 7 % and a
      share of 7 % are told apart.
    - ``direction``: for a target, the direction that applies (its own, else
      its metric's); ``target_base_year``: the base year a target states;
      ``start_year``, ``end_year``: the plan's years;
    - ``stated_unit``: the unit as the figure states it, scale words and all
      (``"trillion CNY"``), so that it reads back as written;
    - ``equivalent_value``, ``equivalent_unit``, ``equivalent_stated_unit``:
      a stated equivalent in another currency, in base units like ``value``
      (``Decimal("442200000000")``, ``"USD"``) and its unit as stated
      (``"billion USD"``);
    - ``date``: an observation's day, if it has one;
    - ``target_direction``: the direction a target states itself, if any;
    - ``source_id``, ``source_publisher``, ``source_title``,
      ``source_date``, ``source_url``, ``source_quote``: the cited source
      field by field (a figure's own source when its target or observation
      cites none), so that :func:`~industrial_plan.add_rows` reads it back;
    - ``statements``: a statement in several languages, as JSON text;
    - ``judgement``: an office's judgement of a qualitative aim, as JSON
      text (``{"outcome": "met", "source": {...}}``).

    Region-wide indicators come first, with ``None`` for ``tier`` and
    ``industry``.  A qualitative target has ``None`` for ``unit``, ``value``,
    ``qualifier`` and ``approximate``: it states no number.

    Args:
        system: the industrial system.

    Returns:
        One dict per target and observation.

    >>> from industrial_plan import examples
    >>> rows = long_records(examples.xiamen())
    >>> [(r["tier"], r["kind"], r["value"]) for r in rows]
    [('pillar_clusters', 'target', Decimal('3000000000000')),
     ('pillar_clusters', 'observation', Decimal('2000000000000')),
     ('strategic_emerging', 'target', Decimal('800000000000')),
     ('strategic_emerging', 'observation', Decimal('491200000000')),
     ('future', 'target', None)]
    """
    return list(_rows(system))


def _rows(system: IndustrialSystem) -> Iterator[dict[str, Any]]:
    common = {"region": str(system.region), "system": str(system.name)}
    # The plan's years close each row: the columnar assessment needs them.
    years = {"start_year": system.start_year, "end_year": system.end_year}
    placed: list[tuple[Owner, str | None]] = [(system.regional, None)]
    for tier in system.tiers:
        members: tuple[Owner, ...] = (tier, *tier.industries)
        placed += [(owner, tier.id) for owner in members]
    for owner, tier_id in placed:
        where = {
            **common,
            "tier": tier_id,
            "industry": owner.id if isinstance(owner, Industry) else None,
        }
        for target in owner.targets:
            yield {
                **where,
                "kind": "target",
                "metric": target.metric,
                "year": target.year,
                "period": None,
                **_figure_columns(target.figure),
                "estimate": None,
                "statement": target.statement_in("en"),
                "source": _source_text(target.source, target.figure),
                "target_kind": target.kind.value,
                "indicator_type": _value(target.indicator_type),
                "price_basis": _value(target.price_basis),
                "of": target.of,
                **_form_columns(target.figure),
                "direction": _direction(system, target),
                "target_base_year": target.base_year,
                **years,
                **_stated_columns(target.figure),
                "date": None,
                "target_direction": _value(target.direction),
                **_source_columns(target.source, target.figure),
                "statements": _statements(target),
                "judgement": _judgement(target.judgement),
            }
        for observation in owner.observations:
            yield {
                **where,
                "kind": "observation",
                "metric": observation.metric,
                "year": observation.year,
                "period": observation.period.code if observation.period else None,
                **_figure_columns(observation.figure),
                "estimate": observation.estimate,
                "statement": None,
                "source": _source_text(observation.source, observation.figure),
                "target_kind": observation.reports,
                "indicator_type": None,
                "price_basis": _value(observation.price_basis),
                "of": observation.of,
                **_form_columns(observation.figure),
                "direction": None,
                "target_base_year": None,
                **years,
                **_stated_columns(observation.figure),
                "date": observation.date,
                "target_direction": None,
                **_source_columns(observation.source, observation.figure),
                "statements": None,
                "judgement": _judgement(observation.judgement),
            }


def _statements(target: Target) -> str | None:
    """A statement in several languages, as JSON text (``{"en": ..., "zh": ...}``);
    the ``statement`` column holds its English."""
    statement = target.statement
    if not isinstance(statement, Names):
        return None
    return json.dumps(dict(statement.by_language), ensure_ascii=False)


def _judgement(judgement: Judgement | None) -> str | None:
    """An office's judgement as JSON text: its outcome, and its source's fields."""
    if judgement is None:
        return None
    data: dict[str, Any] = {"outcome": judgement.outcome.value}
    source = judgement.source
    if source is not None:
        fields = {
            "id": source.id,
            "publisher": source.publisher,
            "title": source.title,
            "date": source.date.isoformat() if source.date else None,
            "url": source.url,
            "quote": source.quote,
        }
        data["source"] = {k: v for k, v in fields.items() if v is not None}
    return json.dumps(data, ensure_ascii=False)


def _direction(system: IndustrialSystem, target: Target) -> str:
    stated = target.default_direction
    return (stated or system.metric(target.metric).direction).value


def _value(member: Enum | None) -> Any:
    return None if member is None else member.value


def _form_columns(figure: Figure | None) -> dict[str, Any]:
    if figure is None:
        return dict.fromkeys(_FORM_COLUMNS)
    return {
        "change": _value(figure.change),
        "base_year": figure.base_year,
        "share_of": figure.share_of,
        "per": None if figure.per is None else int(figure.per),
        "counted": figure.counted,
        "measure": figure.measure,
    }


_FORM_COLUMNS = ("change", "base_year", "share_of", "per", "counted", "measure")


def _figure_columns(figure: Figure | None) -> dict[str, Any]:
    if figure is None:
        return {"unit": None, "value": None, "qualifier": None, "approximate": None}
    base = in_base_units(figure.quantity)
    return {
        "unit": currency_of(base) or unit_text(base),
        "value": tidy(Decimal(base.magnitude)),
        "qualifier": figure.qualifier.value,
        "approximate": figure.approximate,
    }


def _stated_columns(figure: Figure | None) -> dict[str, Any]:
    """The figure's unit as stated, and its stated equivalent in another currency."""
    if figure is None:
        return dict.fromkeys(_STATED_COLUMNS)
    equivalent = figure.stated_equivalent
    if equivalent is None:
        columns: dict[str, Any] = dict.fromkeys(_STATED_COLUMNS)
    else:
        base = in_base_units(equivalent)
        columns = {
            "equivalent_value": tidy(Decimal(base.magnitude)),
            "equivalent_unit": currency_of(base) or unit_text(base),
            "equivalent_stated_unit": unit_text(equivalent),
        }
    columns["stated_unit"] = unit_text(figure.quantity)
    return {name: columns[name] for name in _STATED_COLUMNS}


_STATED_COLUMNS = (
    "stated_unit",
    "equivalent_value",
    "equivalent_unit",
    "equivalent_stated_unit",
)


def _cited(source: Source | None, figure: Figure | None) -> Source | None:
    # Plan files cite on the target or observation; figures built in code
    # may carry the source themselves.
    return source or (figure.source if figure is not None else None)


def _source_text(source: Source | None, figure: Figure | None) -> str | None:
    cited = _cited(source, figure)
    return str(cited) if cited is not None else None


def _source_columns(source: Source | None, figure: Figure | None) -> dict[str, Any]:
    cited = _cited(source, figure)
    if cited is None:
        return dict.fromkeys(SOURCE_COLUMNS)
    return {
        "source_id": cited.id,
        "source_publisher": cited.publisher,
        "source_title": cited.title,
        "source_date": cited.date,
        "source_url": cited.url,
        "source_quote": cited.quote,
    }


# -- Arrow and pandas ------------------------------------------------------------------


def to_arrow(system: IndustrialSystem) -> pyarrow.Table:
    """The rows of :func:`long_records` as an Arrow table, values exact.

    ``value`` is a ``decimal128(38, s)`` column whose scale ``s`` is the
    largest number of fraction digits among the values, so every value is
    stored exactly; values too long for 38 digits get ``decimal256(76, s)``;
    ``equivalent_value`` likewise.  The years and ``per`` are integers,
    ``approximate`` and ``estimate`` are ``bool``, ``date`` and
    ``source_date`` are ``date32``, and the other columns are strings;
    missing values are nulls.

    Args:
        system: the industrial system.

    Returns:
        A :class:`pyarrow.Table` with the columns of :func:`long_records`.

    Raises:
        MissingExtraError: if pyarrow is not installed.
        ValueError: if a value needs more than 76 digits.

    >>> from industrial_plan import examples
    >>> table = to_arrow(examples.xiamen())
    >>> table.schema.field("value").type
    Decimal128Type(decimal128(38, 0))
    >>> table.column("value").to_pylist()[3]
    Decimal('491200000000')
    """
    pa = _import("pyarrow", "Arrow tables")
    rows = long_records(system)
    schema = _schema(
        pa,
        [row["value"] for row in rows],
        [row["equivalent_value"] for row in rows],
    )
    return pa.Table.from_pylist(rows, schema=schema)


def _schema(
    pa: Any, values: list[Decimal | None], equivalents: list[Decimal | None]
) -> Any:
    string = pa.string()
    fields = dict.fromkeys(COLUMNS, string)
    fields["year"] = pa.int32()
    fields["base_year"] = pa.int32()
    fields["per"] = pa.int64()
    fields["start_year"] = fields["end_year"] = pa.int32()
    fields["target_base_year"] = pa.int32()
    fields["approximate"] = pa.bool_()
    fields["estimate"] = pa.bool_()
    fields["value"] = _decimal_type(pa, [v for v in values if v is not None])
    fields["equivalent_value"] = _decimal_type(
        pa, [v for v in equivalents if v is not None]
    )
    fields["date"] = fields["source_date"] = pa.date32()
    return pa.schema([(name, fields[name]) for name in COLUMNS])


def _decimal_type(pa: Any, values: list[Decimal]) -> Any:
    """The narrowest Arrow decimal type that stores every value exactly."""
    scale = max((_fraction_digits(v) for v in values), default=0)
    whole = max((_whole_digits(v) for v in values), default=1)
    if whole + scale <= _DECIMAL128_DIGITS:
        return pa.decimal128(_DECIMAL128_DIGITS, scale)
    if whole + scale <= _DECIMAL256_DIGITS:
        return pa.decimal256(_DECIMAL256_DIGITS, scale)
    raise FieldError(
        f"values need {whole + scale} digits; Arrow decimals hold at most "
        f"{_DECIMAL256_DIGITS}"
    )


def _fraction_digits(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)  # values are finite
    return max(0, -exponent)


def _whole_digits(value: Decimal) -> int:
    # adjusted() is the exponent of the leading digit: 491200000000 -> 11.
    return max(value.adjusted() + 1, 1) if value else 1


def to_pandas(system: IndustrialSystem) -> pandas.DataFrame:
    """The rows of :func:`long_records` as a pandas DataFrame, values exact.

    Every column is Arrow-backed (:class:`pandas.ArrowDtype`), the table of
    :func:`to_arrow` viewed through pandas: ``value`` is an exact
    ``decimal128`` column whose items are :class:`~decimal.Decimal`, sums stay
    exact, and missing values are ``pd.NA`` rather than ``NaN``, so an
    integer year or a boolean never turns into a float.  Call
    ``df["value"].astype(float)`` when you want floats and accept rounding.

    Args:
        system: the industrial system.

    Returns:
        A DataFrame with the columns of :func:`long_records`.

    Raises:
        MissingExtraError: if pandas or pyarrow is not installed.

    >>> from industrial_plan import examples
    >>> df = to_pandas(examples.xiamen())
    >>> df.loc[df["kind"] == "observation", "value"].sum()
    Decimal('2491200000000')
    """
    pd = _import("pandas", "data frames")
    # The exact decimal column is Arrow's, so pandas needs pyarrow here too.
    table = to_arrow(system)
    frame: pandas.DataFrame = table.to_pandas(types_mapper=pd.ArrowDtype)
    return frame


def to_iamc(system: IndustrialSystem) -> pandas.DataFrame:
    """Targets and observations in the IAMC wide layout that pyam reads.

    One row per ``model``, ``scenario``, ``region``, ``variable`` and
    ``unit``, one column per year:

    - ``model`` is the system's name and ``region`` its region's;
    - ``scenario`` is ``"target"`` or ``"observed"``;
    - ``variable`` is ``metric|tier`` for a tier's own values and
      ``metric|tier|industry`` for an industry's: the metric comes first
      because pyam's hierarchy sums ``X|*`` into ``X``, so
      ``check_aggregate("total_scale|pillar_clusters")`` compares a tier's
      total with its industries;
    - ``unit`` and values are in base units, as in :func:`long_records`.

    The layout has no place for what makes a figure more than a number:
    values are floats (binary floating point, so 0.1 is not exact and very
    long values round), qualifiers are dropped (a lower bound "more than 2
    trillion" becomes 2e12), and qualitative targets are left out.  Use
    :func:`to_pandas` or :func:`to_arrow` where that matters.  Of several
    observations of one year, the last one listed is kept, an estimate only
    where no figure that is not one is given; figures for a part of a year
    are left out (the layout's columns are whole years).

    Args:
        system: the industrial system.

    Returns:
        A DataFrame with columns ``model``, ``scenario``, ``region``,
        ``variable``, ``unit`` and one integer column per year.

    Raises:
        MissingExtraError: if pandas is not installed.

    >>> from industrial_plan import examples
    >>> iamc = to_iamc(examples.xiamen())
    >>> iamc[["scenario", "variable", 2022, 2027]]  # doctest: +NORMALIZE_WHITESPACE
       scenario                          variable          2022          2027
    0  observed     total_scale|pillar_clusters  2.000000e+12           NaN
    1  observed  total_scale|strategic_emerging  4.912000e+11           NaN
    2    target     total_scale|pillar_clusters           NaN  3.000000e+12
    3    target  total_scale|strategic_emerging           NaN  8.000000e+11
    """
    pd = _import("pandas", "data frames")
    index = ["model", "scenario", "region", "variable", "unit"]
    values: dict[tuple[str, ...], dict[int, float]] = {}
    superseded: set[tuple[object, ...]] = set()
    for row in long_records(system):
        if row["value"] is None or row["period"] is not None:
            continue
        metric = row["metric"]
        if row["target_kind"] not in ("level", "count"):
            # A growth rate or a share of a metric is a variable of its own.
            metric = f"{metric} ({row['target_kind']})"
        parts = [metric, row["tier"], row["industry"]]
        key = (
            row["system"],
            "target" if row["kind"] == "target" else "observed",
            row["region"],
            "|".join(part for part in parts if part is not None),
            row["unit"],
        )
        year = row["year"]
        if row["estimate"] and (key, year) in superseded:
            continue  # a figure that is not an estimate stands
        if row["estimate"] is False:
            superseded.add((key, year))
        values.setdefault(key, {})[year] = float(row["value"])
    years = sorted({year for by_year in values.values() for year in by_year})
    table = [
        [*key, *(by_year.get(year, float("nan")) for year in years)]
        for key, by_year in sorted(values.items())
    ]
    frame: pandas.DataFrame = pd.DataFrame(table, columns=[*index, *years])
    return frame


def _import(name: str, feature: str) -> Any:
    """Import an optional dependency of the ``export`` extra, or say how to get it."""
    try:
        return importlib.import_module(name)
    except ImportError as error:
        raise MissingExtraError(
            f"install industrial-plan[export] for {feature} ({name} is missing)"
        ) from error
