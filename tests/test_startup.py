"""Start-up: the registry's definitions are read on first use (issue 11)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pint
import pytest

import industrial_plan as ip
from industrial_plan._plan.metrics import BUILTIN_DIMENSIONS, _kind_dimensionality


def _run(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout.strip()


def test_import_reads_no_unit_definitions() -> None:
    out = _run(
        """
        import pint
        import industrial_plan as ip
        isinstance(1, ip.ureg.Quantity)  # the classes are there already
        print(type(ip.ureg).__name__, isinstance(ip.ureg, pint.UnitRegistry))
        """
    )
    assert out == "_DeferredRegistry True"


def test_first_use_reads_them_and_leaves_a_plain_pint_registry() -> None:
    out = _run(
        """
        import industrial_plan as ip
        print(ip.amount("491.2", "billion yuan").to("CNY").magnitude)
        print(type(ip.ureg).__module__, type(ip.ureg).__name__)
        print(ip.ureg.percent, "CNY" in ip.ureg)
        """
    )
    assert out.splitlines() == [
        "491200000000.0",
        "pint.registry UnitRegistry",
        "percent True",
    ]


def test_any_attribute_reads_them_first() -> None:
    """``ureg.<unit>`` before anything else works as on a loaded registry."""
    out = _run(
        """
        import industrial_plan as ip
        print(ip.ureg.GW, ip.ureg.Quantity(1, "GW").to("MW").magnitude)
        """
    )
    assert out == "gigawatt 1E+3"  # Decimal, as the registry makes them


def test_threads_loading_at_once_see_one_loaded_registry() -> None:
    out = _run(
        """
        import threading
        import industrial_plan as ip
        results = []
        def use():
            results.append(str(ip.amount(3, "trillion yuan").to("CNY").magnitude))
        threads = [threading.Thread(target=use) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        print(sorted(set(results)), len(results))
        """
    )
    assert out == "['3000000000000'] 8"


def test_the_registry_in_this_process_is_pint_s() -> None:
    assert isinstance(ip.ureg, pint.UnitRegistry)
    assert isinstance(ip.amount(1, "CNY"), ip.ureg.Quantity)


def test_the_builtin_dimensions_skipped_at_import_are_dimensions() -> None:
    for kind in BUILTIN_DIMENSIONS:
        assert _kind_dimensionality(kind)
    kinds = {metric.kind for metric in ip.BUILTIN_METRICS if metric.kind[0] == "["}
    assert kinds <= BUILTIN_DIMENSIONS


DEFERRED = (
    "industrial_plan._figures.document",
    "industrial_plan._files.draft",
    "industrial_plan._files.rows_out",
    "industrial_plan._outputs.chart",
    "industrial_plan._outputs.report_html",
    "industrial_plan._progress.columnar",
    "yaml",
)
"""What the first answer does not import (issue 22): documents, drafts,
tables, reports, charts, portfolios, and PyYAML for a TOML plan."""


def test_the_first_answer_imports_no_deferred_wing() -> None:
    out = _run(
        f"""
        import sys
        import industrial_plan as ip
        ip.assess(ip.examples.xiamen())
        print([name for name in {DEFERRED!r} if name in sys.modules])
        """
    )
    assert out == "[]"


def test_a_deferred_name_brings_its_wing_published() -> None:
    """``find_figures`` imports its wing; the classes it returns are named
    from the package, as every public class is, before being asked for."""
    out = _run(
        """
        import industrial_plan as ip
        found = ip.find_figures("GDP grew 5.2% in 2023.")
        print(type(found[0]).__module__, type(found[0].role).__module__)
        print(ip.find_figures.__module__, ip.find_figures is ip.find_figures)
        """
    )
    assert out.splitlines() == [
        "industrial_plan industrial_plan",
        "industrial_plan True",
    ]


def test_star_import_and_dir_give_every_public_name() -> None:
    out = _run(
        """
        import industrial_plan as ip
        names = {}
        exec("from industrial_plan import *", names)
        public = set(ip.__all__)
        print(sorted(public - set(names)), sorted(public - set(dir(ip))))
        """
    )
    assert out == "[] []"


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        ip.no_such_name  # noqa: B018


def test_jupyter_views_import_the_report_side_when_shown() -> None:
    out = _run(
        """
        import sys
        import industrial_plan as ip
        plan = ip.examples.xiamen()
        before = "industrial_plan._outputs.html" in sys.modules
        shown = [plan._repr_html_(), plan.tiers[0]._repr_html_()]
        assessment = ip.assess(plan)
        shown += [assessment._repr_html_(), assessment.results[0]._repr_html_()]
        print(before, [text[:6] for text in shown])
        """
    )
    assert out == "False ['<table', '<table', '<div c', '<table']"
