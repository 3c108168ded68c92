"""A long sentence's quote around each figure tidies its spaces as before (issue 20).

``_figures.reading`` quotes a sentence of over 400 characters around each of
its figures, with runs of spaces made one.  A sentence spaced only by single
spaces is quoted as it stands, without splitting and joining its words for
each figure; whatever the spaces, the quote must be the words joined by one
space, with an ellipsis where the sentence goes on.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from industrial_plan._figures import reading

_CHUNKS = st.sampled_from(
    ["增长5%，", "GDP grew 5 percent", " ", "  ", "\t", "\u3000", "\n", "x", "亿元"]
)


def _quoted_around(text: str, start: int, end: int, a: int, b: int) -> str:
    """The quote as it was first written: the window's words joined by one space."""
    half = reading._MAX_QUOTE // 2
    left, right = max(start, a - half), min(end, b + half)
    words = " ".join(text[left:right].split())
    return ("…" if left > start else "") + words + ("…" if right < end else "")


# Chunks spaced by single spaces at most, mostly: the quote as it stands.
_TIDY_CHUNKS = st.sampled_from(["增长5%，", "GDP grew 5 percent", " x", "亿元", "y"])


@settings(max_examples=300)
@given(
    st.lists(_TIDY_CHUNKS, min_size=30, max_size=160)
    | st.lists(_CHUNKS, min_size=30, max_size=160),
    st.data(),
)
def test_a_long_sentence_is_quoted_with_its_spaces_tidied(
    chunks: list[str], data: st.DataObject
) -> None:
    text = "".join(chunks)
    start = data.draw(st.integers(0, len(text) // 4))
    end = data.draw(st.integers(start, len(text)))
    quote = reading._quote(text, start, end)
    for _ in range(5):
        a = data.draw(st.integers(start, end))
        b = data.draw(st.integers(a, end))
        if len(text[start:end].strip()) > reading._MAX_QUOTE:
            assert quote(a, b) == _quoted_around(text, start, end, a, b)
        else:
            assert quote(a, b) == " ".join(text[start:end].split())


def test_dense_and_spaced_sentences_are_quoted_alike() -> None:
    dense = "增长5%，" * 100
    spaced = "GDP grew 5 percent, " * 40
    for text in (dense, spaced, spaced.replace(" ", "  ")):
        quote = reading._quote(text, 0, len(text))
        middle = len(text) // 2
        assert quote(middle, middle + 2) == _quoted_around(
            text, 0, len(text), middle, middle + 2
        )
