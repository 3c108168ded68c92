"""Python's cycle collector, paused while a large plan is built or assessed.

Loading and assessing allocate many small objects that form no cycles and
are freed by reference counting, but each burst of allocations makes the
cycle collector walk everything alive again: 40 % of the time of loading or
assessing a plan of 10,000 industries.

Pausing is not enough on its own: what was built (a plan, an assessment) is
young when the collector resumes, and its next collection walks all of it,
80 ms of the 310 ms of assessing 10,000 industries, then walks it again one
generation up.  What the library returns is kept by the caller, so it is
moved to the oldest generation at once, as two collections would have moved
it, without the walks; full collections still look at it as at any
long-lived data.  Other young objects move with it (in a single-threaded
program, the few the caller made since the last collection): a cycle among
them is freed by the next full collection instead of the next young one.
Small plans, which the collector walks in no time, are left alone.
"""

from __future__ import annotations

import contextlib
import functools
import gc
from collections.abc import Iterator


@functools.cache
def _can_promote() -> bool:
    """Whether gc.freeze() then gc.unfreeze() moves every tracked object to
    the oldest generation by joining lists, without looking at the objects:
    not on free-threaded builds, where freezing visits every object.  Asked
    on first need: sysconfig's data costs a millisecond at import."""
    import sysconfig

    return hasattr(gc, "freeze") and not sysconfig.get_config_var("Py_GIL_DISABLED")


# Below this many new objects (a plan of a few hundred industries), the
# walks saved take a millisecond or two: nothing is moved, and counting the
# caller's frozen objects, which takes time in proportion to them, is skipped.
_WORTH_MOVING = 10_000


@contextlib.contextmanager
def without_cycle_collection() -> Iterator[None]:
    """Pause the cycle collector, then give what was built to its oldest
    generation; its previous state is restored afterwards.

    When the collector was off, it stays off and nothing is moved; nor after
    an error, when nothing built is kept, nor after building little.
    """
    enabled = gc.isenabled()
    built = False
    gc.disable()
    try:
        yield
        built = True
    finally:
        if enabled:
            # Not where it would undo the caller's own freeze (a server
            # freezing before it forks).
            if (
                built
                and gc.get_count()[0] > _WORTH_MOVING
                and _can_promote()
                and gc.get_freeze_count() == 0
            ):
                gc.freeze()
                gc.unfreeze()
            gc.enable()
