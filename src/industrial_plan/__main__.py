"""``python -m industrial_plan``: the ``industrial-plan`` command line.

With no arguments it reports progress on the bundled Xiamen plan.
"""

from __future__ import annotations

from .cli import main

if __name__ == "__main__":
    main(prog_name="python -m industrial_plan")
