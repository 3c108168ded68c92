"""How a stated figure relates to the value it reports: :class:`Qualifier`.

"Exceeded 2 trillion yuan" bounds the value from below, "up to" from above,
"about" states it approximately.  The bounds each qualifier implies are in
``bounds``; the words that state each qualifier are in ``lexicon``.
"""

from __future__ import annotations

import enum


class Qualifier(enum.Enum):
    """How a figure relates to the true value it reports."""

    EXACT = "exact"
    """The value as stated ("reached 491.2 billion yuan")."""
    ABOUT = "about"
    """Approximately the value ("about", "nearly", 约, 近)."""
    AT_LEAST = "at least"
    """The true value is the stated one or more."""
    MORE_THAN = "more than"
    """The true value is above the stated one ("exceeded", 超过)."""
    AT_MOST = "at most"
    """The true value is the stated one or less ("up to")."""
    LESS_THAN = "less than"
    """The true value is below the stated one."""

    @property
    def bounds_below(self) -> bool:
        """True when the stated value is a lower bound (or the value itself)."""
        # Identity tests: an enum's hash is computed in Python, on a hot path.
        return self is not Qualifier.AT_MOST and self is not Qualifier.LESS_THAN

    @property
    def bounds_above(self) -> bool:
        """True when the stated value is an upper bound (or the value itself)."""
        return self is not Qualifier.AT_LEAST and self is not Qualifier.MORE_THAN
