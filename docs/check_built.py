"""Check the built HTML documentation for what a reader should never see.

Run after ``sphinx-build`` (``.ci/run`` does): ``python docs/check_built.py
docs/_build/html``.  Exits 1 listing each page and what it found:

- a public name documented by a builtin's docstring ("frozenset() -> empty
  frozenset object", "int([x]) -> integer"): a data member without its own
  description;
- pint's registry constructor documented in place of ours;
- formulas that depend on a script from the network (MathJax from a CDN);
- private module paths (``industrial_plan._errors.X``) outside the source
  listings and the changelog.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

BUILTIN_DOCS = (
    "frozenset() -&gt;",
    "int([x]) -&gt;",
    "str(object=",
    "tuple() -&gt;",
    "Built-in immutable sequence",
    "The default registry definition file",
)
CDN = re.compile(r"""<script[^>]+src="https?://[^"]*mathjax""", re.IGNORECASE)
PRIVATE = re.compile(r"industrial_plan\._[a-z]+\.[A-Z]")


def problems(root: Path) -> list[str]:
    found = []
    for page in sorted(root.rglob("*.html")):
        relative = page.relative_to(root).as_posix()
        if relative.startswith("_modules/") or relative == "changelog.html":
            continue
        text = page.read_text("utf-8")
        found += [
            f"{relative}: builtin docstring {m!r}" for m in BUILTIN_DOCS if m in text
        ]
        if CDN.search(text):
            found.append(f"{relative}: MathJax loaded from the network")
        found += [f"{relative}: private path {m!r}" for m in set(PRIVATE.findall(text))]
    return found


def main() -> int:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/_build/html")
    if not (root / "index.html").is_file():
        print(f"no built documentation in {root}", file=sys.stderr)
        return 2
    found = problems(root)
    for line in found:
        print(line, file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
