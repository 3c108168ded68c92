"""industrial-plan: typed models of regional industrial development plans.

Where to start:

- a plan: ``load(path)`` reads a plan file (TOML, YAML or JSON) and
  ``save(plan, path)`` writes one; ``examples.xiamen()`` is the bundled
  founding example; ``IndustrialSystem``, ``Tier``, ``Industry``, ``Target``
  and ``Observation`` build one in code, ``plan.update(...)`` changes it;
- figures: ``parse_figure("超过2万亿元")`` reads one stated figure,
  ``find_figures(text)`` every figure of a document, ``draft_plan(...)``
  drafts a plan from them, ``format_figure(figure, locale="zh")`` writes one;
- money: ``amount(491.2, "billion CNY")``, ``convert(...)``, ``Rate``,
  ``ConversionPolicy``;
- progress: ``assess(plan)`` gives a ``SystemAssessment``
  (``.find(owner, metric, year)``, ``.review()``, ``.records()``);
  ``assess_table(table)`` assesses many plans as one Arrow table;
- output: ``report_json(assessment)``, ``report_csv(assessment)``,
  ``progress_chart(assessment, path)``, ``to_pandas(plan)`` and
  ``from_frame(skeleton(plan), frame)``, ``to_dict(plan, json_ready=True)``;
- errors: every error the library raises is an ``IndustrialPlanError``;
- tests: ``industrial_plan.testing`` holds hypothesis strategies.

Amounts are pint quantities with exact :class:`~decimal.Decimal` magnitudes;
each currency is its own dimension, so yuan and dollars never mix without an
exchange rate.  Everything public is importable from this package; the
command line is ``industrial-plan --help``.
"""

from __future__ import annotations

import importlib
import inspect
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from . import examples
from ._arguments import checked
from ._errors import (
    ChartViewError,
    CurrencyMismatchError,
    DateOutOfRangeError,
    FieldError,
    FieldTypeError,
    IndustrialPlanError,
    InvalidNumberError,
    MissingExtraError,
    MissingRateError,
    NotFoundError,
    OutOfRangeError,
    ParseError,
    PlanValidationError,
    Problem,
    RateError,
    RateFormError,
    SaveError,
    UnitError,
    UnknownCurrencyError,
)
from ._figures.bounds import Bound
from ._figures.figure import (
    Figure,
    FormMismatchError,
    IndeterminateComparisonError,
    UnboundedError,
)
from ._figures.forms import MEASURE_WORDS, Change, is_percent
from ._figures.parse import parse_figure
from ._figures.period import Period
from ._figures.qualifier import Qualifier
from ._figures.source import Source
from ._figures.stated_rate import RateCheck
from ._files.converter import FORMAT
from ._files.detail import MAX_DEPTH
from ._files.plan_files import (
    MAX_FILE_BYTES,
    dumps,
    from_dict,
    load,
    loads,
    save,
    schema,
    syntax_of,
    to_dict,
)
from ._money.rates import (
    Conversion,
    ECBRates,
    FixedRates,
    Rate,
    RateSource,
    annual_average,
    default_source,
    exchange_context,
    parse_rate,
)
from ._money.units import (
    CURRENCIES,
    EXACT_DIGITS,
    SCALE_WORDS,
    Quantity,
    add_definitions,
    amount,
    currency_code,
    currency_of,
    exact_arithmetic,
    in_base_units,
    parse_unit,
    tidy,
    to_decimal,
    total,
    unit_text,
    ureg,
)
from ._plan.judgement import Judgement, JudgementOutcome
from ._plan.metrics import (
    BUILTIN_METRICS,
    COUNT,
    MONEY,
    PERCENT,
    QUALITATIVE,
    Direction,
    Metric,
)
from ._plan.names import Names
from ._plan.owners import (
    FUTURE_INDUSTRY,
    PILLAR_CLUSTER,
    REGION,
    STRATEGIC_EMERGING,
    ClassificationCode,
    Industry,
    Owner,
    Regional,
    Tier,
)
from ._plan.roadmap import (
    Enterprise,
    EnterpriseRole,
    Policy,
    Roadmap,
    SpatialLayout,
    Zone,
)
from ._plan.system import IndustrialSystem, OwnerChanges, check, plan_notes
from ._plan.targets import (
    IndicatorType,
    Observation,
    PriceBasis,
    Target,
    TargetKind,
    target_kind,
)
from ._progress.consistency import Mismatch, check_consistency, sum_of_parts
from ._progress.policy import (
    BandWidthError,
    ConversionPolicy,
    Thresholds,
    VerdictBands,
)
from ._progress.results import (
    Assessment,
    Band,
    Point,
    Status,
    Verdict,
    status_rank,
)
from ._progress.review import Review, Standing
from ._progress.system import SystemAssessment, assess, assess_target

if TYPE_CHECKING:  # imported on first use: see _LAZY
    from ._figures.converted import FigureConversion, convert
    from ._figures.document import find_figures
    from ._figures.format import format_figure, format_quantity
    from ._figures.found import FoundFigure, Role
    from ._files.draft import Draft, PlacedFigure, UnplacedFigure, draft_plan
    from ._files.rows_in import add_rows, from_frame, read_rows_csv, skeleton
    from ._files.rows_out import long_records, to_arrow, to_iamc, to_pandas
    from ._outputs.chart import progress_chart, progress_figure
    from ._outputs.report import report_csv, report_json
    from ._outputs.report_html import report_html
    from ._progress.columnar import assess_table

# Wings that loading and assessing a plan do not use (reading documents,
# drafting, tables and frames, reports and charts, portfolios) are imported
# at the first use of one of their names (PEP 562): a fresh process's first
# answer, ``assess(examples.xiamen())``, does not pay for them (issue 22).
_LAZY: dict[str, str] = {
    **dict.fromkeys(["FigureConversion", "convert"], "_figures.converted"),
    "find_figures": "_figures.document",
    **dict.fromkeys(["format_figure", "format_quantity"], "_figures.format"),
    **dict.fromkeys(["FoundFigure", "Role"], "_figures.found"),
    **dict.fromkeys(
        ["Draft", "PlacedFigure", "UnplacedFigure", "draft_plan"], "_files.draft"
    ),
    **dict.fromkeys(
        ["add_rows", "from_frame", "read_rows_csv", "skeleton"], "_files.rows_in"
    ),
    **dict.fromkeys(
        ["long_records", "to_arrow", "to_iamc", "to_pandas"], "_files.rows_out"
    ),
    **dict.fromkeys(["progress_chart", "progress_figure"], "_outputs.chart"),
    **dict.fromkeys(["report_csv", "report_json"], "_outputs.report"),
    "report_html": "_outputs.report_html",
    "assess_table": "_progress.columnar",
}

__all__ = [
    "BUILTIN_METRICS",
    "COUNT",
    "CURRENCIES",
    "EXACT_DIGITS",
    "FORMAT",
    "FUTURE_INDUSTRY",
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "MEASURE_WORDS",
    "MONEY",
    "PERCENT",
    "PILLAR_CLUSTER",
    "QUALITATIVE",
    "REGION",
    "SCALE_WORDS",
    "STRATEGIC_EMERGING",
    "Assessment",
    "Band",
    "BandWidthError",
    "Bound",
    "Change",
    "ChartViewError",
    "ClassificationCode",
    "Conversion",
    "ConversionPolicy",
    "CurrencyMismatchError",
    "DateOutOfRangeError",
    "Direction",
    "Draft",
    "ECBRates",
    "Enterprise",
    "EnterpriseRole",
    "FieldError",
    "FieldTypeError",
    "Figure",
    "FigureConversion",
    "FixedRates",
    "FormMismatchError",
    "FoundFigure",
    "IndeterminateComparisonError",
    "IndicatorType",
    "IndustrialPlanError",
    "IndustrialSystem",
    "Industry",
    "InvalidNumberError",
    "Judgement",
    "JudgementOutcome",
    "Metric",
    "Mismatch",
    "MissingExtraError",
    "MissingRateError",
    "Names",
    "NotFoundError",
    "Observation",
    "OutOfRangeError",
    "Owner",
    "OwnerChanges",
    "ParseError",
    "Period",
    "PlacedFigure",
    "PlanValidationError",
    "Point",
    "Policy",
    "PriceBasis",
    "Problem",
    "Qualifier",
    "Quantity",
    "Rate",
    "RateCheck",
    "RateError",
    "RateFormError",
    "RateSource",
    "Regional",
    "Review",
    "Roadmap",
    "Role",
    "SaveError",
    "Source",
    "SpatialLayout",
    "Standing",
    "Status",
    "SystemAssessment",
    "Target",
    "TargetKind",
    "Thresholds",
    "Tier",
    "UnboundedError",
    "UnitError",
    "UnknownCurrencyError",
    "UnplacedFigure",
    "Verdict",
    "VerdictBands",
    "Zone",
    "__version__",
    "add_definitions",
    "add_rows",
    "amount",
    "annual_average",
    "assess",
    "assess_table",
    "assess_target",
    "check",
    "check_consistency",
    "convert",
    "currency_code",
    "currency_of",
    "default_source",
    "draft_plan",
    "dumps",
    "exact_arithmetic",
    "examples",
    "exchange_context",
    "find_figures",
    "format_figure",
    "format_quantity",
    "from_dict",
    "from_frame",
    "in_base_units",
    "is_percent",
    "load",
    "loads",
    "long_records",
    "parse_figure",
    "parse_rate",
    "parse_unit",
    "plan_notes",
    "progress_chart",
    "progress_figure",
    "read_rows_csv",
    "report_csv",
    "report_html",
    "report_json",
    "save",
    "schema",
    "skeleton",
    "status_rank",
    "sum_of_parts",
    "syntax_of",
    "target_kind",
    "tidy",
    "to_arrow",
    "to_decimal",
    "to_dict",
    "to_iamc",
    "to_pandas",
    "total",
    "unit_text",
    "ureg",
]


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("industrial-plan")
    except PackageNotFoundError:  # run from a source tree that is not installed
        return "0+unknown"


__version__: str = _version()
"""The installed version of industrial-plan (from the package metadata)."""


def _publish(names: Iterable[str]) -> None:
    """Name this package as the home of every public class and function.

    They live in private modules (``_errors``, ``_plan.system``, ...), but users
    import and catch them from here: tracebacks, reprs and the API reference
    should say ``industrial_plan.CurrencyMismatchError``, as attrs and pint
    do for their own names.  attrs classes have their annotations resolved
    first, in the module that wrote them, which is where their names are.
    """
    home = f"{__name__}._"
    space = globals()
    for name in names:
        value = space[name]
        if not (isinstance(value, type) or inspect.isfunction(value)):
            continue
        if not value.__module__.startswith(home):
            continue
        if isinstance(value, type) and attrs.has(value):
            attrs.resolve_types(value)
        value.__module__ = __name__
        if inspect.isfunction(value):
            # A wrong argument is named, not a raw error from deep inside.
            space[name] = checked(value)


def _publish_loaded() -> None:
    """Publish the names of every deferred wing imported so far, by any path:
    ``find_figures`` brings ``FoundFigure`` with it."""
    space = globals()
    loaded = [
        name
        for name, module in _LAZY.items()
        if name not in space and f"{__name__}.{module}" in sys.modules
    ]
    for name in loaded:
        space[name] = getattr(sys.modules[f"{__name__}.{_LAZY[name]}"], name)
    _publish(loaded)


if not TYPE_CHECKING:  # type checkers see the names themselves, and no other

    def __getattr__(name: str) -> Any:
        module = _LAZY.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        importlib.import_module(f"{__name__}.{module}")
        _publish_loaded()
        return globals()[name]


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


def _deferred_view(module: str, name: str) -> Any:
    """A Jupyter view that imports the report side when first shown."""

    def view(self: Any) -> str:
        render = getattr(importlib.import_module(f"{__name__}.{module}"), name)
        return str(render(self))

    view.__name__ = view.__qualname__ = "_repr_html_"
    view.__doc__ = f"HTML for Jupyter: :func:`{__name__}.{module}.{name}`."
    return view


_publish([name for name in __all__ if name not in _LAZY])
_publish_loaded()

# The model and the assessment get their Jupyter views from the report side;
# the assessment's is the HTML report's content, without charts.
for _cls, (_module, _view) in {
    Tier: ("_outputs.html", "tier_html"),
    IndustrialSystem: ("_outputs.html", "system_html"),
    Assessment: ("_outputs.html", "target_assessment_html"),
    SystemAssessment: ("_outputs.report_html", "report_fragment"),
}.items():
    _cls._repr_html_ = _deferred_view(_module, _view)  # type: ignore[attr-defined]
del _cls, _module, _view
