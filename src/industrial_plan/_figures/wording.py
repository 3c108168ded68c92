"""The words a plan file writes for a figure, and the proof that they read back.

A figure is written in words ("104 billion yuan") only if those words read
back to exactly the same figure, unit as stated included; otherwise the file
holds its fields.  Formatting and reading every figure of a large plan again
cost most of a save, so the answer is worked out once per *form* and kept:

- the same figure (same digits, unit, qualifier and form) gets the same words;
- a figure of a form already proven gets words in the proven language without
  reading them back, and a form proven to have no words that read back is
  written as fields without formatting anything.

A form is everything the formatter's words depend on: the unit, the
qualifier and approximation, the change, base year, share, ratio and count,
the stated equivalent's unit, and of the number only its sign, its order of
magnitude, its count of significant digits, and the digit itself when there
is only one (so that 1 is apart from 2: "1 US dollar", "2 US dollars").
These decide which scale word CLDR's compact pattern picks, how many
fraction digits it needs, whether the parser's digit limit is passed and the
plural; the digits themselves are written exactly, so the words of two
figures of one form read back alike.  ``tests/test_wording.py`` checks this
on generated figures, each saved after another of its form.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any, Final

from industrial_plan._errors import IndustrialPlanError
from industrial_plan._money.units import Quantity, unit_text

from .figure import Figure

_KEPT: Final = 8192
"""Figures, and forms, whose answer is kept: a few MiB at most."""

_LOCALES: Final = ("en", "zh")

_texts: dict[tuple[Any, ...], str | None] = {}
"""Figure (digits as written) -> its words, or None for fields."""

_forms: dict[tuple[Any, ...], str | None] = {}
"""Form -> the language whose words read back, or None when neither does."""

_UNSEEN: Final = object()


def figure_text(figure: Figure) -> str | None:
    """The figure in words, if those words read back to exactly this figure.

    "Exactly" includes the unit as stated: "4912亿元" stays in Chinese rather
    than becoming "491.2 billion yuan".  ``None`` means: write its fields.
    """
    if figure.source is not None:
        return None
    # One lookup each: another thread may empty a dict between two.
    key = _figure_key(figure)
    kept = _texts.get(key, _UNSEEN)
    if kept is None or isinstance(kept, str):
        return kept
    form = _form_key(figure)
    locale = _forms.get(form, _UNSEEN)
    if locale is None or isinstance(locale, str):
        text = None if locale is None else _format(figure, locale)
        if locale is None or text is not None:
            _keep(_texts, key, text)
            return text
    locale, text = _checked(figure)
    _keep(_forms, form, locale)
    _keep(_texts, key, text)
    return text


def _keep(kept: dict[tuple[Any, ...], str | None], key: Any, value: Any) -> None:
    if len(kept) >= _KEPT:
        kept.clear()
    kept[key] = value


def _figure_key(figure: Figure) -> tuple[Any, ...]:
    """The figure, Decimals keyed by digits and exponent (1.50 is not 1.5)."""
    equivalent = figure.stated_equivalent
    return (
        figure.quantity.magnitude.as_tuple(),
        *_labels(figure),
        None if equivalent is None else equivalent.magnitude.as_tuple(),
    )


def _form_key(figure: Figure) -> tuple[Any, ...]:
    equivalent = figure.stated_equivalent
    return (
        _number_form(figure.quantity.magnitude),
        *_labels(figure),
        None if equivalent is None else _number_form(equivalent.magnitude),
    )


def _labels(figure: Figure) -> tuple[Any, ...]:
    equivalent: Quantity | None = figure.stated_equivalent
    return (
        figure.quantity._units,
        figure.qualifier,
        figure.approximate,
        figure.change,
        figure.base_year,
        figure.share_of,
        None if figure.per is None else figure.per.as_tuple(),
        figure.counted,
        figure.measure,
        None if equivalent is None else equivalent._units,
        figure.estimate,
    )


def _number_form(value: Decimal) -> tuple[Any, ...]:
    """Sign, order of magnitude, significant digits; the digit if only one."""
    sign, digits, _ = value.normalize().as_tuple()
    return (
        sign,
        value.adjusted(),
        len(digits),
        digits if len(digits) == 1 else None,
    )


def _format(figure: Figure, locale: str) -> str | None:
    from .format import format_figure

    try:
        return format_figure(figure, locale=locale, style="long")
    except IndustrialPlanError:
        return None


def _checked(figure: Figure) -> tuple[str | None, str | None]:
    """(language, words) of the first language whose words read back exactly."""
    parse = _parser()
    # A figure with Chinese words in it ("每万人口超过20件") stays Chinese.
    chinese = figure.measure is not None or any(
        not text.isascii() for text in (figure.counted or "", figure.share_of or "")
    )
    for locale in reversed(_LOCALES) if chinese else _LOCALES:
        text = _format(figure, locale)
        if text is None:
            continue
        try:
            again = parse(text)
        except IndustrialPlanError:
            continue
        if again == figure and _same_units(again, figure):
            return locale, text
    return None, None


def _parser() -> Callable[[str], Figure]:
    # Imported on first use: the parser's tables cost time at import.
    from .parse import parse_figure

    return parse_figure


def _same_units(a: Figure, b: Figure) -> bool:
    if unit_text(a.quantity) != unit_text(b.quantity):
        return False
    if a.stated_equivalent is None or b.stated_equivalent is None:
        return a.stated_equivalent is b.stated_equivalent
    return unit_text(a.stated_equivalent) == unit_text(b.stated_equivalent)
