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
    assert _read_back(figure, locale, style) == _in_words_of(figure, locale)


def _in_words_of(figure: ip.Figure, locale: str) -> ip.Figure:
    """*figure* as words of *locale* can state it: English has no Chinese
    measure words (家, 件) and no Chinese nouns of what is counted."""
    if locale != "en":
        return figure
    counted = figure.counted
    if counted is not None and any("\u4e00" <= c <= "\u9fff" for c in counted):
        counted = None
    return attrs.evolve(figure, measure=None, counted=counted)


def test_english_words_show_no_chinese_measure_word() -> None:
    """ "不少于40家" is "at least 40" in English; an English noun stays."""
    assert ip.format_figure(ip.parse_figure("不少于40家")) == "at least 40"
    patents = ip.parse_figure("每万人口高价值发明专利拥有量达到12件")
    assert ip.format_figure(patents) == "12 per 10,000 people"
    assert ip.format_figure(patents, locale="zh") == "每万人口高价值发明专利拥有量12件"
    enterprises = ip.parse_figure("more than 80 enterprises")
    assert ip.format_figure(enterprises) == "more than 80 enterprises"


@given(st.sampled_from(FORMS), st.data())
def test_each_form_is_drawn(form: str, data: st.DataObject) -> None:
    figure = data.draw(stated_figures(form))
    assert (figure.change is not None) == (
        form in {"growth", "average growth", "reduction", "increment", "cumulative"}
    )
    assert _read_back(figure, "en", "long") == _in_words_of(figure, "en")
    assert _read_back(figure, "zh", "long") == figure
