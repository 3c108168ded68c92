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


def by_first_letter(**words: str) -> str:
    """Alternatives of patterns matched without regard to case, each starting
    with a plain letter, grouped by that letter: one test of the first
    character instead of an attempt at every word (the engine cannot skip a
    word that ignores case by its first letter).

    Each keyword names a kind of word; an alternative of kind ``name`` that
    starts with ``w`` is matched in the group ``name_w``, so the match's
    ``lastgroup`` tells the kind.  ``by_first_letter(target="will|aims?",
    observed="was")`` is ``(?=[AWaw])(?:[Ww](?i:(?P<target_w>ill)
    |(?P<observed_w>as))|[Aa](?i:(?P<target_a>ims?)))``.  Words with the same
    first letter keep their order, the kinds in the order given; words with
    different first letters never match at the same place, so the matches are
    those of the words in one alternation, kind by kind.  The whole is led by
    :func:`first_chars` of the words' first letters.
    """
    initials(*words.values())  # refuses what does not start with a letter
    groups: dict[str, dict[str, list[str]]] = {}
    for kind, alternatives in words.items():
        for alternative in _top_level(alternatives):
            first = alternative[0].lower()
            groups.setdefault(first, {}).setdefault(kind, []).append(alternative[1:])
    branches = []
    for first, kinds in groups.items():
        cases = "".join(sorted({first, first.upper(), *_FOLDED.get(first, "")}))
        inner = "|".join(
            f"(?P<{kind}_{first}>{'|'.join(rests)})" for kind, rests in kinds.items()
        )
        branches.append(f"[{cases}](?i:{inner})")
    return first_chars("", "".join(groups)) + f"(?:{'|'.join(branches)})"


def initials(*patterns: str) -> str:
    """The first letters of the alternatives of *patterns*, words matched
    without regard to case (what :func:`first_chars` takes as *english*)."""
    letters = ""
    for pattern in patterns:
        for alternative in _top_level(pattern):
            first = alternative[:1].lower()
            if not ("a" <= first <= "z"):
                raise ValueError(f"{alternative!r} does not start with a letter")
            letters += first if first not in letters else ""
    return letters


def _top_level(pattern: str) -> list[str]:
    """The alternatives of *pattern*: split at the bars outside brackets."""
    alternatives = []
    depth = 0
    word = ""
    for char in pattern:
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        if char == "|" and depth == 0:
            alternatives.append(word)
            word = ""
        else:
            word += char
    alternatives.append(word)
    return alternatives
