"""Sphinx configuration for the industrial-plan documentation."""

from __future__ import annotations

from importlib import metadata

project = "industrial-plan"
author = "industrial-plan developers"
copyright = "2026, industrial-plan developers"
release = metadata.version("industrial-plan")
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
    "sphinx.ext.viewcode",
    # MathJax is copied into the built pages instead of loaded from a CDN, so
    # the methodology's formulas render in a browser with no network.
    "sphinx-mathjax-offline",
]

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence", "deflist", "dollarmath"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
# Defaults as values ("subject=None"): preserving their source text shows the
# attr_dict[...] of attrs-generated __init__ methods instead.
autodoc_preserve_defaults = False
napoleon_google_docstring = True
napoleon_numpy_docstring = False

# Without network access intersphinx inventories cannot be fetched; links to
# the standard library still resolve through the bundled fallback below.
intersphinx_mapping: dict[str, tuple[str, str | None]] = {}

html_theme = "furo"
html_title = "industrial-plan"

# -- images the pages show, drawn when the documentation is built ----------------------

_GENERATED = "_generated"
exclude_patterns.append("_data")


def _draw_images(app: object) -> None:
    """The review chart of the chart how-to, from ``_data/annual-plan.toml``."""
    from pathlib import Path

    import industrial_plan as ip

    source = Path(__file__).parent
    folder = source / _GENERATED
    folder.mkdir(exist_ok=True)
    plan = ip.load(source / "_data" / "annual-plan.toml")
    assessment = ip.assess(plan)
    ip.progress_chart(assessment, folder / "review-chart.png", view="review")


def setup(app: object) -> dict[str, bool]:
    app.connect("builder-inited", _draw_images)  # type: ignore[attr-defined]
    return {"parallel_read_safe": True}
