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
    """The package modules *path* imports, at the top or inside functions."""
    module = _name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
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
                found.add(target)
                for alias in node.names:  # "from . import examples"
                    found.add(f"{target}.{alias.name}")
        elif isinstance(node, ast.Import):
            found |= {
                a.name for a in node.names if a.name.startswith("industrial_plan")
            }
    return found


def _name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_the_import_graph_has_no_cycle() -> None:
    modules = {_name(p): p for p in PACKAGE.rglob("*.py")}
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
        "from hypothesis import given, settings, strategies as st\n"
        "import industrial_plan as ip\n"
        "@settings(max_examples=10, database=None)\n"
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
