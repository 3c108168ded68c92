"""``python -m industrial_plan``: the Xiamen example's figures, in yuan and dollars."""

from __future__ import annotations

from ._demo import main

if __name__ == "__main__":
    raise SystemExit(main())
