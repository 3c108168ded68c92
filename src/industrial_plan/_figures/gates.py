"""One pattern that matches wherever any of several patterns would: a gate.

The scanner reads a figure step by step, each step a pattern tried where it
stands, and at most places every step fails: the words before a number end
where the number starts, and most figures end at their unit.  A gate tried
first answers "none of them" with one match instead of a dozen calls; where
it matches, the steps run as they always did, so what is read is unchanged.
"""

from __future__ import annotations

import re

_SCOPED_FLAGS = re.IGNORECASE
_BACK_REFERENCE = re.compile(r"\\[1-9]|\(\?P=")


def any_of(*patterns: re.Pattern[str]) -> re.Pattern[str]:
    """A pattern that matches at a place if and only if one of *patterns* does.

    Each pattern keeps its own case rule, scoped to its branch.  Patterns with
    named groups, back references or other flags would change meaning inside
    another pattern: they are refused, when the gate is built (at import).
    """
    branches = []
    for pattern in patterns:
        flags = pattern.flags & ~re.UNICODE
        if (
            pattern.groupindex
            or flags & ~_SCOPED_FLAGS
            or _BACK_REFERENCE.search(pattern.pattern)
        ):
            raise ValueError(f"cannot gate {pattern.pattern!r}: groups or flags")
        scope = "(?i:" if flags & re.IGNORECASE else "(?:"
        branches.append(f"{scope}{pattern.pattern})")
    return re.compile("|".join(branches))


# Characters other than a letter's own two cases that IGNORECASE matches to
# it (Python's re folds these: "ſ" matches "s", the Kelvin sign "k").
_FOLDED: dict[str, str] = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def first_chars(chinese: str, english: str) -> str:
    """A lookahead for the characters a pattern's match may start with.

    *chinese* are taken as they are; *english* are letters of words matched
    without regard to case, given in either case, and the lookahead also
    takes the other case and what ``re.IGNORECASE`` folds to them.  Put first
    in a pattern that is searched for, a plain class lets the engine skip the
    many places where no match starts without trying each branch there (an
    English sentence is read some three times as fast).
    """
    letters = set(chinese)
    for letter in english.lower():
        letters.update(letter, letter.upper(), _FOLDED.get(letter, ""))
    return "(?=[" + "".join(re.escape(c) for c in sorted(letters)) + "])"
