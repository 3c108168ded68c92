"""Plans in: targets and observations from long-format rows, CSV files and frames.

The rows are those :func:`~industrial_plan.long_records` writes (with the same
columns), so a spreadsheet exported with
:func:`~industrial_plan.to_pandas` or saved as CSV comes back in: read into
the plan's :func:`skeleton`, the plan's own rows give the plan again.  Rows are
added to an existing system: ``tier`` and ``industry`` name the owner (both
empty for a region-wide indicator), and ``create=True`` builds the tiers and
industries a row names that the system lacks.  Every problem is reported at
once, each with its row number and column.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import json
import math
from collections.abc import Iterable, Mapping
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

import attrs

from industrial_plan._errors import IndustrialPlanError, PlanValidationError, Problem
from industrial_plan._figures.figure import Figure
from industrial_plan._figures.forms import Change
from industrial_plan._figures.period import Period
from industrial_plan._figures.qualifier import Qualifier
from industrial_plan._figures.source import Source
from industrial_plan._money.units import (
    Quantity,
    exact_arithmetic,
    parse_unit,
    tidy,
    to_decimal,
    ureg,
)
from industrial_plan._plan.judgement import Judgement
from industrial_plan._plan.metrics import Direction
from industrial_plan._plan.names import Names
from industrial_plan._plan.owners import Industry, Tier
from industrial_plan._plan.system import IndustrialSystem
from industrial_plan._plan.targets import (
    IndicatorType,
    Observation,
    PriceBasis,
    Target,
    TargetKind,
)

from .validation import message

if TYPE_CHECKING:
    import pandas

__all__ = ["add_rows", "from_frame", "read_rows_csv", "skeleton"]

_E = TypeVar("_E", bound=Enum)
REGION = "region"


def _missing(value: object) -> bool:
    # None from dicts, "" from CSV, NaN and pd.NA from data frames.
    if value is None or value == "":
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return type(value).__name__ == "NAType"


class _Row:
    """One row's cells, each read with the problem it raises noted."""

    def __init__(self, number: int, row: Mapping[str, Any], problems: list[Problem]):
        self.number = number
        self.row = row
        self.problems = problems

    def text(self, column: str) -> str | None:
        value = self.row.get(column)
        return None if _missing(value) else str(value).strip()

    def words(self, column: str) -> str | None:
        """Free text as written, spaces kept; empty text is missing."""
        value = self.row.get(column)
        return None if _missing(value) else str(value)

    def date(self, column: str) -> dt.date | None:
        value = self.row.get(column)
        if _missing(value):
            return None
        if isinstance(value, dt.datetime):  # pandas' Timestamp is one too
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value).strip())
        except ValueError:
            self.problem(column, f"{value!r} is not a date (YYYY-MM-DD)")
            return None

    def problem(self, column: str, message: str) -> None:
        self.problems.append(Problem(f"row {self.number}: {column}", message))

    def integer(self, column: str) -> int | None:
        text = self.text(column)
        if text is None:
            return None
        try:
            number = to_decimal(self.row[column], column)
            if number != number.to_integral_value():
                raise ValueError
        except (IndustrialPlanError, ValueError):
            self.problem(column, f"{text!r} is not a whole number")
            return None
        return int(number)

    def enum(self, column: str, kind: type[_E]) -> _E | None:
        text = self.text(column)
        if text is None:
            return None
        try:
            return kind(text)
        except ValueError:
            known = ", ".join(repr(m.value) for m in kind)
            self.problem(column, f"{text!r} is not one of {known}")
            return None

    def period(self) -> Period | None:
        text = self.text("period")
        if text is None:
            return None
        try:
            return Period.from_code(text)
        except ValueError as error:
            self.problem("period", message(error))
            return None

    def flag(self, column: str) -> bool | None:
        value = self.row.get(column)
        if _missing(value):
            return None
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in ("true", "1", "yes"):
            return True
        if text in ("false", "0", "no"):
            return False
        self.problem(column, f"{value!r} is not true or false")
        return None


# The export writes pint's symbols; these two are not names pint parses.
_SYMBOLS = {"%": "percent", "‰": "permille"}


@functools.lru_cache(maxsize=256)  # a table has few units, in many rows
def _unit(text: str) -> Any:
    return parse_unit(_SYMBOLS.get(text, text))


@functools.lru_cache(maxsize=256)
def _scale(base: str, stated: str) -> tuple[Any, Decimal]:
    """The units of *stated* and how many of *base* one of them is: 10**12
    for "trillion CNY" of "CNY"."""
    units = _unit(stated)
    with exact_arithmetic():
        one = ureg.Quantity(Decimal(1), units).to(_unit(base))
    return units, to_decimal(one.magnitude, stated)


def _quantity(row: _Row, value: str, unit: str, stated: str) -> Quantity | None:
    """The quantity of columns *value* and *unit* (base units), in the unit of
    column *stated* ("billion CNY") when the row gives one."""
    base = row.text(unit) or ""
    try:
        magnitude = to_decimal(row.row[value], value)
        units = _unit(base)
    except IndustrialPlanError as error:
        row.problem(value if value in str(error) else unit, str(error))
        return None
    written = row.text(stated)
    if written is None or written == base:
        return ureg.Quantity(magnitude, units)
    try:
        units, factor = _scale(base, written)
        with exact_arithmetic():
            magnitude = magnitude / factor
    except (IndustrialPlanError, ArithmeticError, TypeError, ValueError) as error:
        row.problem(
            stated,
            f"{written!r} is no unit {base!r} converts to: {message(error)}",
        )
        return None
    return ureg.Quantity(tidy(magnitude), units)


def _figure(row: _Row) -> Figure | None:
    if row.text("value") is None:
        return None
    quantity = _quantity(row, "value", "unit", "stated_unit")
    equivalent = None
    if row.text("equivalent_value") is not None:
        equivalent = _quantity(
            row, "equivalent_value", "equivalent_unit", "equivalent_stated_unit"
        )
        if equivalent is None:
            return None
    if quantity is None:
        return None
    qualifier = row.enum("qualifier", Qualifier) or Qualifier.EXACT
    forms: dict[str, Any] = {
        "change": row.enum("change", Change),
        "base_year": row.integer("base_year"),
        "share_of": row.text("share_of"),
        "per": row.integer("per"),
        "counted": row.text("counted"),
        "measure": row.text("measure"),
        "stated_equivalent": equivalent,
    }
    approximate = row.flag("approximate")
    if approximate is not None:
        forms["approximate"] = approximate
    try:
        return Figure(quantity, qualifier, **forms)
    except (IndustrialPlanError, ValueError, TypeError) as error:
        text = str(error)
        row.problem("equivalent_value" if "equivalent" in text else "value", text)
        return None


# The fields of a Source, each in the column source_<field>.
_SOURCE_FIELDS = ("id", "publisher", "title", "url", "quote")


def _source(row: _Row) -> Source | None:
    """The source of columns ``source_id`` ... ``source_quote``, or None."""
    given: dict[str, Any] = {}
    for name in _SOURCE_FIELDS:
        text = row.words(f"source_{name}")
        if text is not None:
            given[name] = text
    date = row.date("source_date")
    if date is not None:
        given["date"] = date
    if not given:
        return None
    try:
        return _new_source(tuple(given.items()))
    except (IndustrialPlanError, ValueError, TypeError):
        # Rare: find the field at fault, to name its column.
        for name, value in given.items():
            try:
                Source(**{name: value})
            except (IndustrialPlanError, ValueError, TypeError) as error:
                row.problem(f"source_{name}", message(error))
        return None


@functools.lru_cache(maxsize=1024)  # rows cite few documents, each many times
def _new_source(fields: tuple[tuple[str, Any], ...]) -> Source:
    return Source(**dict(fields))


def _item(row: _Row) -> Target | Observation | None:
    kind = row.text("kind")
    metric, year = row.text("metric"), row.integer("year")
    if kind not in ("target", "observation"):
        row.problem("kind", f"{kind!r} is neither 'target' nor 'observation'")
    if metric is None:
        row.problem("metric", "is missing")
    if year is None and row.text("year") is None:
        row.problem("year", "is missing")
    figure = _figure(row)
    price_basis = row.enum("price_basis", PriceBasis)
    period = row.period()
    source = _source(row)
    date = row.date("date")
    if kind not in ("target", "observation") or metric is None or year is None:
        return None
    if kind == "target" and (
        period is not None or row.flag("estimate") or date is not None
    ):
        column = "period" if period is not None else "date" if date else "estimate"
        row.problem(
            column,
            "a target is for a whole year, is no estimate and has no date: only "
            "an observation takes a period, a date or an estimate",
        )
        return None
    try:
        if kind == "observation":
            if figure is None:
                if row.text("value") is None:  # else its problem is noted
                    row.problem("value", "an observation needs a value")
                return None
            return Observation(
                metric,
                year,
                figure,
                source,
                date,
                of=row.text("of"),
                price_basis=price_basis,
                period=period,
                estimate=bool(row.flag("estimate")),
                judgement=_judgement(row),
            )
        extra: dict[str, Any] = {}
        target_kind = row.enum("target_kind", TargetKind)
        if target_kind is not None:
            extra["kind"] = target_kind
        statements = _json(row, "statements")
        return Target(
            metric,
            year,
            figure,
            row.words("statement") if statements is None else Names(statements),
            source,
            row.enum("target_direction", Direction),
            of=row.text("of"),
            indicator_type=row.enum("indicator_type", IndicatorType),
            price_basis=price_basis,
            base_year=row.integer("target_base_year")
            if "target_base_year" in row.row
            else None,
            judgement=_judgement(row),
            **extra,
        )
    except (IndustrialPlanError, ValueError, TypeError) as error:
        text = str(error).splitlines()[0]
        # An observation's date outside its year or period is the date's fault.
        row.problem("date" if "observation date" in text else "kind", text)
        return None


def _json(row: _Row, column: str) -> Any:
    """The JSON text of *column* read, or None (a problem if it is no JSON)."""
    text = row.words(column)
    if text is None:
        return None
    try:
        return json.loads(text)
    except ValueError:
        row.problem(column, f"{text!r} is not JSON text")
        return None


def _judgement(row: _Row) -> Judgement | None:
    """The judgement of the ``judgement`` column: ``{"outcome": ..., "source":
    {...}}``, as :func:`~industrial_plan.long_records` writes it."""
    data = _json(row, "judgement")
    if data is None:
        return None
    if not isinstance(data, dict) or "outcome" not in data:
        row.problem("judgement", f"{data!r} is not a judgement with an outcome")
        return None
    source = data.get("source")
    try:
        return Judgement(
            data["outcome"],
            None if source is None else _new_source(tuple(source.items())),
        )
    except (IndustrialPlanError, ValueError, TypeError, AttributeError) as error:
        row.problem("judgement", message(error))
        return None


def skeleton(system: IndustrialSystem) -> IndustrialSystem:
    """*system* without its targets and observations: the plan rows are read into.

    Everything else stays as it is: the region, the years, the tiers and
    industries, the metrics, the listed sources, the roadmap and the layout.
    Reading a plan's own rows back into its skeleton gives the plan again
    (:func:`add_rows`, :func:`from_frame`, :func:`read_rows_csv`).

    >>> import industrial_plan as ip
    >>> plan = ip.examples.xiamen()
    >>> bare = skeleton(plan)
    >>> [o.id for o in bare.owners()] == [o.id for o in plan.owners()]
    True
    >>> sum(len(o.targets) + len(o.observations) for o in bare.owners())
    0
    >>> add_rows(bare, ip.long_records(plan)) == plan
    True
    """

    def empty(owner: Any) -> Any:
        if not (owner.targets or owner.observations):
            return owner
        return attrs.evolve(owner, targets=(), observations=())

    tiers = tuple(
        attrs.evolve(empty(tier), industries=tuple(map(empty, tier.industries)))
        for tier in system.tiers
    )
    return attrs.evolve(system, regional=empty(system.regional), tiers=tiers)


def add_rows(
    system: IndustrialSystem,
    rows: Iterable[Mapping[str, Any]],
    *,
    create: bool = False,
    where: str | None = None,
) -> IndustrialSystem:
    """A new system with the targets and observations of long-format *rows* added.

    Each row is a mapping with the columns :func:`long_records` writes; the
    ones read are ``tier``, ``industry``, ``kind``, ``metric``, ``year``,
    ``period``, ``date``, ``unit``, ``value``, ``stated_unit``,
    ``qualifier``, ``approximate``, ``estimate``, ``statement``,
    ``target_kind``, ``target_direction``, ``indicator_type``,
    ``price_basis``, ``of``, the figure's forms (``change``, ``base_year``,
    ``share_of``, ``per``, ``counted``, ``measure``), its stated equivalent
    (``equivalent_value``, ``equivalent_unit``,
    ``equivalent_stated_unit``), ``target_base_year`` and the source's
    fields (``source_id`` ... ``source_quote``).  ``region``, ``system``,
    ``direction`` (the one that applies) and the ``source`` text are not
    read.  Every column but ``kind``, ``metric``, ``year`` and an
    observation's ``value`` may be missing (rows written before it existed):
    it takes its default.  ``value`` is in base units of ``unit`` (yuan, not
    billions), and comes back in ``stated_unit`` when one is given.

    Rows of a plan read into its :func:`skeleton` give the plan again, but
    for what rows do not keep: a value's trailing zeros (``3.50`` reads as
    ``3.5``, an equal number), empty text (a source field of ``""`` reads as
    missing, as a CSV cell does), and where a source was cited (a figure's
    own source is written when its target or observation cites none, and
    comes back on the target or observation).

    A row whose ``industry`` or ``tier`` the system lacks is a problem, unless
    *create*: then the tier (kind ``"cluster"``) or the industry is added,
    named by its id.  Raises :class:`PlanValidationError` listing every
    problem ("row 3: year: '20x4' is not a whole number"), *where* naming
    the source of the rows.

    >>> import industrial_plan as ip
    >>> plan = ip.examples.xiamen()
    >>> more = add_rows(plan, [{"tier": "strategic_emerging", "kind": "observation",
    ...     "metric": "total_scale", "year": 2023, "unit": "CNY",
    ...     "value": "560000000000"}])
    >>> [o.year for o in more.tier("strategic_emerging").observations]
    [2022, 2023]
    """
    problems: list[Problem] = []
    added: dict[str, list[Target | Observation]] = {}
    tiers: dict[str, list[str]] = {}
    # Ids, as the export writes them; looked up once, not once per row.
    known = {owner.id for owner in system.owners()} | {REGION}
    for number, cells in enumerate(rows, start=1):
        row = _Row(number, cells, problems)
        item = _item(row)
        tier, industry = row.text("tier"), row.text("industry")
        key = industry or tier or REGION
        if key not in known:
            if not create:
                noun = "industry" if industry else "tier"
                row.problem(noun, f"no {noun} {key!r} in the plan")
                continue
            if industry is not None and tier is None:
                row.problem("tier", f"a new industry {industry!r} needs its tier")
                continue
            members = tiers.setdefault(tier or "", [])
            if industry is not None and industry not in members:
                members.append(industry)
        if item is not None:
            added.setdefault(key, []).append(item)
    if problems:
        raise PlanValidationError(problems, file=where)
    return _with_items(_with_owners(system, tiers, known), added)


def _with_items(
    system: IndustrialSystem, added: Mapping[str, list[Target | Observation]]
) -> IndustrialSystem:
    """*system* with *added* appended to each owner's targets and observations,
    rebuilt in one pass (updating owner by owner would search the plan each
    time)."""

    def extended(owner: Any) -> Any:
        items = added.get(owner.id)
        if not items:
            return owner
        return attrs.evolve(
            owner,
            targets=(*owner.targets, *(i for i in items if isinstance(i, Target))),
            observations=(
                *owner.observations,
                *(i for i in items if isinstance(i, Observation)),
            ),
        )

    tiers = tuple(
        attrs.evolve(extended(tier), industries=tuple(map(extended, tier.industries)))
        for tier in system.tiers
    )
    regional = system.regional
    if REGION in added:
        regional = attrs.evolve(
            regional,
            targets=(
                *regional.targets,
                *(i for i in added[REGION] if isinstance(i, Target)),
            ),
            observations=(
                *regional.observations,
                *(i for i in added[REGION] if isinstance(i, Observation)),
            ),
        )
    return attrs.evolve(system, regional=regional, tiers=tiers)


def _with_owners(
    system: IndustrialSystem, wanted: Mapping[str, list[str]], known: set[str]
) -> IndustrialSystem:
    """*system* with the tiers and industries *wanted* (tier id -> industry ids)."""
    if not wanted:
        return system
    tiers = list(system.tiers)
    for tier_id, industry_ids in wanted.items():
        found = next((t for t in tiers if t.id == tier_id), None)
        new = [Industry(i, i) for i in industry_ids if i not in known]
        if found is None:
            tiers.append(Tier(tier_id, tier_id, "cluster", new))
        else:
            tiers[tiers.index(found)] = attrs.evolve(
                found, industries=(*found.industries, *new)
            )
    return attrs.evolve(system, tiers=tuple(tiers))


def read_rows_csv(
    system: IndustrialSystem, path: str | Path, *, create: bool = False
) -> IndustrialSystem:
    """:func:`add_rows` from a CSV file with a header row (UTF-8, as exported).

    Needs no extra: the file is read with the standard library, values stay
    exact decimal text, and problems name the file and the row.
    """
    with open(path, encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    return add_rows(system, rows, create=create, where=str(path))


def from_frame(
    system: IndustrialSystem, frame: pandas.DataFrame, *, create: bool = False
) -> IndustrialSystem:
    """:func:`add_rows` from a long-format DataFrame, as :func:`to_pandas` makes.

    Exact decimal columns (Arrow ``decimal128``, or ``Decimal`` objects) stay
    exact; a float column is read through each float's shortest form.
    Dates may be dates, timestamps or ISO text.

    >>> import industrial_plan as ip
    >>> plan = ip.examples.xiamen()
    >>> from_frame(skeleton(plan), ip.to_pandas(plan)) == plan
    True
    """
    # Column labels are text in a frame of rows; add_rows names any that is not.
    records = cast("list[dict[str, Any]]", frame.to_dict(orient="records"))
    return add_rows(system, records, create=create, where="data frame")
