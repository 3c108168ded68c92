"""Plans that ship with the library.

>>> from industrial_plan import examples
>>> xiamen = examples.xiamen()
>>> xiamen.formula
'4+4+6'
>>> [str(tier.name) for tier in xiamen.tiers]
['pillar industrial clusters', 'strategic emerging industries', 'future industries']
>>> examples.xiamen_sei().formula
'5+X'
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

from industrial_plan._files.plan_files import loads
from industrial_plan._plan.system import IndustrialSystem

__all__ = ["NAMES", "path", "xiamen", "xiamen_sei"]

NAMES = ("xiamen", "xiamen_sei")
"""The bundled plans, by the name :func:`path` and the command line take."""


def path(name: str = "xiamen") -> Path:
    """The path of a bundled plan file, to copy as a starting point for your own."""
    resource = resources.files(__package__).joinpath(f"{name}.toml")
    if not resource.is_file():
        available = sorted(
            p.name.removesuffix(".toml")
            for p in resources.files(__package__).iterdir()
            if p.name.endswith(".toml")
        )
        raise FileNotFoundError(f"no bundled plan {name!r}; available: {available}")
    return Path(str(resource))


@functools.cache
def xiamen() -> IndustrialSystem:
    """Xiamen's "4+4+6" modern industrial system (chinadaily.com.cn, 30 January 2023).

    Four pillar industrial clusters, four strategic emerging industries and six
    future industries, with the 2027 targets and 2022 figures the article
    reports, each citing it.  Systems are immutable, so the same object is
    returned each time.
    """
    return _bundled("xiamen")


@functools.cache
def xiamen_sei() -> IndustrialSystem:
    """Xiamen's special plan for strategic emerging industries, 2021-2025.

    "5+X": five strategic emerging industries and an open list of future
    tracks, with the ten targets the plan states for 2025 (levels, shares of
    GDP and of industry, counts, an increment, a ratio per 10,000 residents
    and qualitative aims), as 东南网 (fjsen.com) reported them on 14 October
    2021.  It has no observations: the report gives none, and none are made
    up.
    """
    return _bundled("xiamen_sei")


def _bundled(name: str) -> IndustrialSystem:
    text = resources.files(__package__).joinpath(f"{name}.toml").read_text("utf-8")
    return loads(text, "toml", file=f"industrial_plan/examples/{name}.toml")
