"""Plans that ship with the library.

>>> from industrial_plan import examples
>>> xiamen = examples.xiamen()
>>> xiamen.formula
'4+4+6'
>>> [str(tier.name) for tier in xiamen.tiers]
['pillar industrial clusters', 'strategic emerging industries', 'future industries']
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

from industrial_plan._files import loads
from industrial_plan._model import IndustrialSystem

__all__ = ["path", "xiamen"]


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
    text = resources.files(__package__).joinpath("xiamen.toml").read_text("utf-8")
    return loads(text, "toml", file="industrial_plan/examples/xiamen.toml")
