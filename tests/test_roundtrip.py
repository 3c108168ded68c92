"""Text round trips: every figure reads back from its formatted text, exactly."""

from __future__ import annotations

import attrs
from hypothesis import given
from hypothesis import strategies as st

import industrial_plan as ip
from industrial_plan.testing import FORMS, amounts, currencies, figures, stated_figures

MAGNITUDES = amounts(min_value=1, max_value=10**15, places=4, scaled=True)
LOCALES = st.sampled_from(["en", "zh"])
STYLES = st.sampled_from(["long", "compact"])


def _read_back(figure: ip.Figure, locale: str, style: str) -> ip.Figure:
    text = ip.format_figure(figure, locale=locale, style=style)
    # "¥" alone is CNY to a Chinese reader, JPY to a Japanese one: the locale
    # the text was written for says which.
    return ip.parse_figure(text, locale=locale)


@given(figures(MAGNITUDES), LOCALES, STYLES)
def test_parse_of_format_is_the_figure(
    figure: ip.Figure, locale: str, style: str
) -> None:
    if figure.qualifier is ip.Qualifier.EXACT:
        figure = attrs.evolve(figure, approximate=False)
    again = _read_back(figure, locale, style)
    assert again == figure
    assert again.quantity.magnitude * 0 == 0  # a Decimal, never a float
    assert (
        ip.in_base_units(again.quantity).magnitude
        == ip.in_base_units(figure.quantity).magnitude
    )


@given(st.data(), LOCALES, STYLES)
def test_stated_equivalents_survive(
    data: st.DataObject, locale: str, style: str
) -> None:
    code = data.draw(currencies())
    other = data.draw(currencies().filter(lambda c: c != code))
    figure = ip.Figure(
        data.draw(amounts(currency=code, min_value=1, max_value=10**15, scaled=True)),
        stated_equivalent=data.draw(
            amounts(currency=other, min_value=1, max_value=10**15, scaled=True)
        ),
    )
    assert _read_back(figure, locale, style) == figure


@given(LOCALES, STYLES)
def test_the_founding_figures_round_trip(locale: str, style: str) -> None:
    for text in [
        "3 trillion yuan ($442.2 billion)",
        "exceeded 2 trillion yuan",
        "800 billion yuan",
        "reached 491.2 billion yuan",
    ]:
        figure = ip.parse_figure(text)
        assert _read_back(figure, locale, style) == figure


@given(stated_figures(), LOCALES, STYLES)
def test_every_form_reads_back(figure: ip.Figure, locale: str, style: str) -> None:
    assert _read_back(figure, locale, style) == figure


@given(st.sampled_from(FORMS), st.data())
def test_each_form_is_drawn(form: str, data: st.DataObject) -> None:
    figure = data.draw(stated_figures(form))
    assert (figure.change is not None) == (
        form in {"growth", "average growth", "reduction", "increment", "cumulative"}
    )
    assert _read_back(figure, "en", "long") == figure
