"""The package's layout as users and maintainers see it: public names, the
version, and modules that import each other in one direction only."""

from __future__ import annotations

import ast
import importlib.metadata
import inspect
from pathlib import Path

import industrial_plan as ip

PACKAGE = Path(ip.__file__).parent


def test_no_public_name_says_its_private_module() -> None:
    for name in ip.__all__:
        value = getattr(ip, name)
        if isinstance(value, type) or inspect.isfunction(value):
            assert value.__module__ == "industrial_plan", name


def test_tracebacks_name_the_public_class() -> None:
    try:
        ip.total([ip.amount(1, "CNY"), ip.amount(1, "USD")])
    except ip.CurrencyMismatchError as error:
        cls = type(error)
        assert f"{cls.__module__}.{cls.__qualname__}" == (
            "industrial_plan.CurrencyMismatchError"
        )


def test_version_is_the_installed_one() -> None:
    assert ip.__version__ == importlib.metadata.version("industrial-plan")


def _imports(path: Path) -> set[str]:
    """The package modules *path* imports, at the top or inside functions.

    ``from industrial_plan import examples`` imports the module
    ``industrial_plan.examples`` (and its parent, as every import does);
    ``from ._money.units import ureg`` imports ``industrial_plan._money.units``.
    """
    module = _name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    modules = {_name(p) for p in PACKAGE.rglob("*.py")}
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            if target.startswith("industrial_plan"):
                for alias in node.names:
                    submodule = f"{target}.{alias.name}"
                    found.add(submodule if submodule in modules else target)
        elif isinstance(node, ast.Import):
            found |= {
                a.name for a in node.names if a.name.startswith("industrial_plan")
            }
    return found


def _name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


# The wings from the ground up.  A module may import its own wing and the ones
# below it, never one above: data flows from money to figures, to the model of
# a plan, to plan files, to progress and to outputs; the public face gathers
# them all.
GROUND = {
    "industrial_plan._errors",
    "industrial_plan._text",
    "industrial_plan._collector",
}
WINGS = ("_money", "_figures", "_plan", "_files", "_progress", "_outputs")
# The bundled plans are public (``ip.examples.xiamen()``) but sit on the files'
# floor: plan files read with ``_files.plan_files``, which the command line shows.
EXAMPLES = "industrial_plan.examples"
FACE = {
    "industrial_plan",
    "industrial_plan.__main__",
    "industrial_plan.cli",
    "industrial_plan.testing",
    "industrial_plan._hypothesis",
    "industrial_plan._units",  # the path old pickles name
    "industrial_plan._arguments",  # the check of public functions' arguments
}
LEVELS = ("the ground floor", *WINGS, "the public face")


def _level(module: str) -> int:
    """0 for the ground floor, then each wing, then the public face."""
    if module in GROUND:
        return 0
    if module in FACE:
        return len(LEVELS) - 1
    if module == EXAMPLES:
        return 1 + WINGS.index("_files")
    wing = module.split(".")[1]
    assert wing in WINGS, f"{module} is in no wing: place it in tests/test_layout.py"
    return 1 + WINGS.index(wing)


def _modules() -> dict[str, Path]:
    return {_name(p): p for p in PACKAGE.rglob("*.py")}


def test_every_module_is_on_one_floor() -> None:
    for module in _modules():
        _level(module)
    assert {m for m in _modules() if m.count(".") == 1} <= GROUND | FACE | {
        EXAMPLES,
        *(f"industrial_plan.{wing}" for wing in WINGS),
    }


def test_no_wing_imports_a_higher_one() -> None:
    wrong = []
    for module, path in sorted(_modules().items()):
        for imported in sorted(_imports(path)):
            if imported in _modules() and _level(imported) > _level(module):
                wrong.append(
                    f"{module} ({LEVELS[_level(module)]}) imports {imported}"
                    f" ({LEVELS[_level(imported)]})"
                )
    assert not wrong, "\n".join(wrong)


def test_the_direction_check_sees_what_it_checks() -> None:
    """The check above would pass on a graph it cannot read: make sure it reads."""
    chart = PACKAGE / "_outputs" / "chart.py"
    assert any(m.startswith("industrial_plan._progress.") for m in _imports(chart))
    cli = PACKAGE / "_outputs" / "cli.py"
    assert EXAMPLES in _imports(cli)
    assert "industrial_plan" not in _imports(cli)
    assert _level("industrial_plan._outputs.chart") > _level(
        "industrial_plan._progress.columnar"
    )


def test_each_wing_says_what_lives_there_and_imports_nothing() -> None:
    """A wing's ``__init__`` is its sign: what it holds and what it may import.

    It imports nothing, so reaching one module of a wing loads no other.
    """
    for wing in WINGS:
        init = PACKAGE / wing / "__init__.py"
        tree = ast.parse(init.read_text("utf-8"))
        doc = ast.get_docstring(tree)
        assert doc, wing
        assert "May import:" in doc, wing
        assert not [
            n for n in ast.walk(tree) if isinstance(n, ast.Import | ast.ImportFrom)
        ], wing


# "No module over about 800 lines; no class over about 200" (issue 19).  The
# largest class, Figure, is 214 lines: its public arithmetic, comparisons and
# properties, each a few lines over helpers of its own wing.
MAX_MODULE_LINES = 800
MAX_CLASS_LINES = 220


def test_rooms_stay_small() -> None:
    """Rooms one can read: modules and classes stay within the limits above."""
    large = []
    for module, path in sorted(_modules().items()):
        text = path.read_text("utf-8")
        lines = text.count("\n")
        if lines > MAX_MODULE_LINES:
            large.append(f"{module}: {lines} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.ClassDef):
                size = (node.end_lineno or node.lineno) - node.lineno + 1
                if size > MAX_CLASS_LINES:
                    large.append(f"{module}.{node.name}: {size} lines")
    assert not large, "\n".join(large)


def test_the_import_graph_has_no_cycle() -> None:
    modules = _modules()
    graph = {
        name: {m for m in _imports(path) if m in modules and m != name}
        for name, path in modules.items()
    }
    # The package itself gathers everything; only the modules must not
    # import each other in a circle.
    graph = {
        name: {m for m in deps if m != "industrial_plan"}
        for name, deps in graph.items()
        if name != "industrial_plan"
    }
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycle = (
                    [*trail[trail.index(nxt) :], nxt] if nxt in trail else [node, nxt]
                )
                raise AssertionError(" -> ".join(cycle))
            if nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])


def test_hypothesis_draws_our_types_with_nothing_but_the_install() -> None:
    """Through hypothesis's entry point: no import of industrial_plan.testing."""
    import subprocess
    import sys

    code = (
        "from hypothesis import HealthCheck, given, settings, strategies as st\n"
        "import industrial_plan as ip\n"
        "@settings(max_examples=10, database=None,\n"
        "          suppress_health_check=[HealthCheck.too_slow])\n"
        "@given(st.from_type(ip.IndustrialSystem), st.from_type(ip.Figure),\n"
        "       st.from_type(ip.Target), st.from_type(ip.Observation))\n"
        "def check(system, figure, target, observation):\n"
        "    assert isinstance(system, ip.IndustrialSystem)\n"
        "    assert isinstance(figure, ip.Figure)\n"
        "    assert isinstance(target, ip.Target)\n"
        "check()\n"
        "print('drawn')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "drawn"
