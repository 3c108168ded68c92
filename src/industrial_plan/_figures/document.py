"""Every figure of a document, with what its sentence says of it: :func:`find_figures`.

The rules are in ``reading`` (a document read sentence by sentence), ``spans``
(where each figure's words stand), ``context`` (years, periods, roles,
estimates) and ``subjects`` (the indicator), loaded on the first call.
"""

from __future__ import annotations

from industrial_plan._errors import FieldError, FieldTypeError

from .found import FoundFigure


def find_figures(text: str, *, lang: str | None = None) -> list[FoundFigure]:
    """Every figure stated in *text*, in reading order, with its context.

    Each :class:`FoundFigure` holds the figure read from its own words
    (``text[found.start:found.end]``) exactly as
    :func:`~industrial_plan.parse_figure` reads them, and what the sentence
    says of it: the indicator (:attr:`~FoundFigure.subject`), the year and
    base year, a part of a year, whether it is a target or an observation, and
    whether it is an estimate.  A field the text does not settle is ``None``.
    The one exception to "exactly as its words read": the later figures of a
    list with 分别 or "respectively" ("分别增长5.5%和7.1%") take the change
    stated before the first.

    Numbers that are not figures of an indicator are left out: years and
    dates, times, ordinals (第3, "No. 5"), codes and phone numbers, names
    such as 5G or "十四五", grades (千亿级, 5大).  The rules are on the
    reference page "Figures in documents".

    >>> found = find_figures("到2025年，研发经费投入强度达到3%。")
    >>> [(f.subject, f.figure.describe(), f.year) for f in found]
    [('研发经费投入强度', '3 %', 2025)]
    >>> found = find_figures("GDP grew 5.2 percent in 2023.")[0]
    >>> found.subject, found.year, found.role.value
    ('GDP', 2023, 'observation')

    Args:
        text: the document, in English or Chinese or both.
        lang: "en" or "zh" to read every sentence in that language's rules;
            by default each sentence is read by its own script.

    Returns:
        The figures, in the order they appear.

    Raises:
        TypeError: *text* is not a string.
        ValueError: *lang* is not "en", "zh" or None.
    """
    if not isinstance(text, str):
        raise FieldTypeError(f"find_figures() needs text, got {type(text).__name__}")
    if lang not in (None, "en", "zh"):
        raise FieldError(f"lang {lang!r} is not 'en', 'zh' or None")
    # The reader's patterns compile when it is first needed, not with
    # ``import industrial_plan`` (some 50 ms that most programs never use).
    from .reading import read_document

    return read_document(text, lang)
