"""The words before a number, read as a trie, match as the flat list did (issue 20).

``_figures.spans`` finds where a figure's words start by matching the words
read before a number (qualifiers, changes, multiples) over the reversed text.
They are laid out as a trie for speed; at every place the trie must match
exactly what the flat alternation of the same words, longest first, matches.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from industrial_plan._figures import spans

_WORDS = sorted(spans._BACK_WORDS)
_FLAT = re.compile(
    "|".join(
        spans._reversed_word(word)
        for word in sorted(_WORDS, key=lambda word: (-len(word), word))
    ),
    re.IGNORECASE,
)
_TRIE = re.compile(spans._back_trie(_WORDS), re.IGNORECASE)
_NOISE = st.sampled_from([" ", "  ", "\t", "\u3000", "x", "A", "1", "增", "-", "的"])


def _span(pattern: re.Pattern[str], text: str, at: int) -> tuple[int, int] | None:
    found = pattern.match(text, at)
    return None if found is None else found.span()


@settings(max_examples=300)
@given(
    st.lists(st.sampled_from(_WORDS) | _NOISE, min_size=1, max_size=6), st.booleans()
)
def test_the_trie_matches_what_the_flat_words_match(
    parts: list[str], upper: bool
) -> None:
    text = "".join(parts)
    reverse = (text.upper() if upper else text)[::-1]
    for at in range(len(reverse) + 1):
        assert _span(_TRIE, reverse, at) == _span(_FLAT, reverse, at), (text, at)


def test_the_longest_word_is_read_and_letters_bound_english_words() -> None:
    # "average annual growth rate of" over "growth of", "of" over nothing;
    # "add" inside "padd" is no word.
    for text, word in [
        ("average annual growth rate of", "average annual growth rate of"),
        ("达到年均增长", "年均增长"),
        ("padd", None),
        ("xat", None),
        ("more  than", "more  than"),
    ]:
        found = _TRIE.match(text[::-1])
        assert (None if found is None else found.group()[::-1]) == word, text


# The numbers' pattern as first written, each kind's lookbehind first: the
# pattern in ``spans`` tests the first character before the character before.
_CN = spans._CN_NUMERAL
_PLAIN_ANCHOR = re.compile(
    r"(?P<ratio>(?<![0-9.])[0-9]++(?:\.[0-9]++)?(?:\s*+[:：]\s*+[0-9]++(?:\.[0-9]++)?)++)"
    r"|(?P<digits>(?<![0-9０-９.．,])[0-9０-９]++(?:,[0-9]{3}(?![0-9]))*+"
    r"(?:[.．][0-9０-９]++)?)"
    rf"|(?P<numeral>(?<![{_CN}])[{_CN}]++{spans._ZH_FOLLOW})"
    r"|(?P<scale>(?<=[破超逾])[百千万]?亿)"
    r"|(?P<word>(?<![A-Za-z])(?i:(?:a|one)\s+(?:thousand|million|billion|trillion)"
    r"|doubled|tripled|quadrupled)(?![A-Za-z])|翻了?[一两三]番)"
)
_NUMBER_PIECES = st.sampled_from(
    [
        *"123.,：:一百亿破超逾元翻了番两家千万５．%\nKſx",
        *("23", " ", "a ", "A", "one", "ONE ", "billion", "Thousand", "doubled"),
    ]
)


@settings(max_examples=300)
@given(st.lists(_NUMBER_PIECES, min_size=1, max_size=16).map("".join))
def test_numbers_are_found_where_the_plain_pattern_finds_them(text: str) -> None:
    def found(pattern: re.Pattern[str]) -> list[tuple[tuple[int, int], str | None]]:
        return [(m.span(), m.lastgroup) for m in pattern.finditer(text)]

    assert found(spans._ANCHOR) == found(_PLAIN_ANCHOR)
