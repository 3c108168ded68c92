"""Words for figures in plan files, proven once per form (issue 11).

``_wording.figure_text`` keeps, for each form of figure, whether its words
read back and in which language, and does not read later figures of that
form back.  These properties check that shortcut against the full check on
generated figures, each written after another figure of its form.
"""

from __future__ import annotations

from decimal import Decimal

import attrs
from hypothesis import given
from hypothesis import strategies as st

import industrial_plan as ip
import industrial_plan._figures.wording as w
from industrial_plan import Figure
from industrial_plan._files.converter import _structure_figure, _unstructure_figure
from industrial_plan._money.units import unit_text
from industrial_plan.testing import figures, stated_figures

any_figures = stated_figures() | figures()


@st.composite
def same_form(draw: st.DrawFn, figure: Figure) -> Figure:
    """Another figure of *figure*'s form: other digits, same sign, size and count."""
    sign, digits, exponent = figure.quantity.magnitude.normalize().as_tuple()
    assert isinstance(exponent, int)
    if len(digits) > 1:
        size = len(digits) - 2
        middle = draw(st.lists(st.integers(0, 9), min_size=size, max_size=size))
        digits = (draw(st.integers(1, 9)), *middle, draw(st.integers(1, 9)))
    other = Decimal((sign, digits, exponent))
    quantity = ip.ureg.Quantity(other, figure.quantity.units)
    return attrs.evolve(figure, quantity=quantity)


def _clear() -> None:
    w._texts.clear()
    w._forms.clear()


@given(st.data(), any_figures)
def test_a_form_proven_once_gives_the_words_the_full_check_gives(
    data: st.DataObject, figure: Figure
) -> None:
    first = data.draw(same_form(figure))
    _, expected = w._checked(figure)
    _clear()
    w.figure_text(first)  # the form's answer comes from this figure
    assert w.figure_text(figure) == expected
    assert w.figure_text(figure) == expected  # and again, from the kept words


@given(st.data(), any_figures)
def test_written_after_its_form_a_figure_reads_back_the_same(
    data: st.DataObject, figure: Figure
) -> None:
    _clear()
    _unstructure_figure(data.draw(same_form(figure)))
    again = _structure_figure(_unstructure_figure(figure))
    assert again == figure
    assert unit_text(again.quantity) == unit_text(figure.quantity)
    if figure.stated_equivalent is not None:
        assert again.stated_equivalent is not None
        assert unit_text(again.stated_equivalent) == unit_text(figure.stated_equivalent)


def test_one_and_two_are_two_forms() -> None:
    """The plural follows the number: one digit alone is part of the form."""
    one = Figure(ip.amount(1, "USD"))
    two = Figure(ip.amount(2, "USD"))
    assert w._form_key(one) != w._form_key(two)
    many = Figure(ip.amount(23, "USD"))
    assert w._form_key(many) == w._form_key(Figure(ip.amount(37, "USD")))


def test_a_form_without_words_is_written_as_fields_without_formatting() -> None:
    _clear()
    # 1,500 billion yuan is written "1.5 trillion yuan", which reads back in
    # trillions: this form is written as fields.
    assert w.figure_text(Figure(ip.amount(1500, "billion CNY"))) is None
    assert w._forms[w._form_key(Figure(ip.amount(1700, "billion CNY")))] is None
    assert w.figure_text(Figure(ip.amount(1700, "billion CNY"))) is None


def test_figures_with_a_source_are_fields() -> None:
    figure = Figure(ip.amount(5, "billion CNY"), source=ip.Source(publisher="NBS"))
    assert w.figure_text(figure) is None
