"""The built-docs check finds what a reader should never see."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_SPEC = importlib.util.spec_from_file_location(
    "check_built", Path(__file__).parents[1] / "docs" / "check_built.py"
)
assert _SPEC is not None
assert _SPEC.loader is not None
check_built = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(check_built)


def _site(tmp_path: Path, body: str) -> Path:
    (tmp_path / "index.html").write_text("<html></html>", "utf-8")
    (tmp_path / "reference").mkdir()
    (tmp_path / "reference" / "api.html").write_text(body, "utf-8")
    return tmp_path


def test_a_clean_page_passes(tmp_path: Path) -> None:
    site = _site(tmp_path, '<script src="../_static/mathjax/tex-chtml.js"></script>')
    assert check_built.problems(site) == []


def test_each_regression_is_found(tmp_path: Path) -> None:
    body = (
        "<dd>frozenset() -&gt; empty frozenset object</dd>"
        '<script src="https://cdn.jsdelivr.net/npm/mathjax@4/tex-mml-chtml.js"></script>'
        "<pre>industrial_plan._errors.ParseError: ...</pre>"
    )
    found = check_built.problems(_site(tmp_path, body))
    assert len(found) == 3
    assert any("builtin docstring" in line for line in found)
    assert any("MathJax" in line for line in found)
    assert any("private path" in line for line in found)
