"""Figures: bounds from qualifiers, sound arithmetic and comparisons, implied rates."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import industrial_plan as ip
from industrial_plan import Figure, Qualifier
from industrial_plan.testing import allowed_values, amounts, figures, sources

Q = Qualifier
CNY_FIGURES = figures(amounts(currency="CNY", max_value=10**6, scaled=True))
ARTICLE = ip.Source(
    publisher="chinadaily.com.cn",
    title="Xiamen promotes modern industrial system construction",
    date=dt.date(2023, 1, 30),
)


def _sum_or_none(a: Figure, b: Figure, subtract: bool = False) -> Figure | None:
    try:
        return a - b if subtract else a + b
    except ip.UnboundedError:
        return None


@given(st.data(), CNY_FIGURES, CNY_FIGURES, st.booleans())
def test_arithmetic_keeps_every_consistent_value(
    data: st.DataObject, a: Figure, b: Figure, subtract: bool
) -> None:
    result = _sum_or_none(a, b, subtract)
    x = data.draw(allowed_values(a))
    y = data.draw(allowed_values(b))
    with ip.exact_arithmetic():
        true_value = x - y if subtract else x + y
    if result is None:
        return
    assert result.allows(true_value)
    assert result.approximate == (a.approximate or b.approximate)


@pytest.mark.parametrize(
    ("first", "second", "sign", "expected"),
    [
        (Q.MORE_THAN, Q.MORE_THAN, 1, Q.MORE_THAN),
        (Q.AT_LEAST, Q.MORE_THAN, 1, Q.MORE_THAN),
        (Q.AT_LEAST, Q.AT_LEAST, 1, Q.AT_LEAST),
        (Q.AT_LEAST, Q.EXACT, 1, Q.AT_LEAST),
        (Q.AT_LEAST, Q.EXACT, -1, Q.AT_LEAST),
        (Q.AT_LEAST, Q.AT_MOST, -1, Q.AT_LEAST),
        (Q.MORE_THAN, Q.LESS_THAN, -1, Q.MORE_THAN),
        (Q.EXACT, Q.MORE_THAN, -1, Q.LESS_THAN),
        (Q.AT_MOST, Q.LESS_THAN, 1, Q.LESS_THAN),
        (Q.EXACT, Q.EXACT, 1, Q.EXACT),
        (Q.ABOUT, Q.EXACT, -1, Q.ABOUT),
        (Q.AT_LEAST, Q.AT_LEAST, -1, None),
        (Q.AT_LEAST, Q.AT_MOST, 1, None),
        (Q.MORE_THAN, Q.LESS_THAN, 1, None),
    ],
)
def test_qualifier_of_sums_and_differences(
    first: Qualifier, second: Qualifier, sign: int, expected: Qualifier | None
) -> None:
    a = Figure(ip.amount(5, "CNY"), first)
    b = Figure(ip.amount(2, "CNY"), second)
    if expected is None:
        with pytest.raises(ip.UnboundedError, match="neither side"):
            _ = a + b if sign > 0 else a - b
        return
    result = a + b if sign > 0 else a - b
    assert result.qualifier is expected
    assert result.quantity.magnitude == (7 if sign > 0 else 3)


@given(st.data(), CNY_FIGURES, CNY_FIGURES)
def test_comparisons_hold_for_every_consistent_value(
    data: st.DataObject, a: Figure, b: Figure
) -> None:
    x = data.draw(allowed_values(a))
    y = data.draw(allowed_values(b))
    for op, check in [
        ("<", lambda p, q: p < q),
        ("<=", lambda p, q: p <= q),
        (">", lambda p, q: p > q),
        (">=", lambda p, q: p >= q),
    ]:
        try:
            decided = check(a, b)
        except ip.IndeterminateComparisonError as error:
            message = str(error)
            assert f" {op} " in message, message
            continue
        assert decided == bool(check(x, y)), op


@given(CNY_FIGURES)
def test_exact_figures_always_compare(a: Figure) -> None:
    exact = attrs.evolve(a, qualifier=Q.EXACT, approximate=False)
    other = Figure(exact.quantity + ip.amount(1, "CNY"))
    assert exact < other
    assert exact <= exact
    assert not exact < exact


def test_a_lower_bound_is_never_below_its_own_value() -> None:
    exceeded = Figure(ip.amount(2, "trillion CNY"), Q.MORE_THAN)
    at_least = Figure(ip.amount(2, "trillion CNY"), Q.AT_LEAST)
    two = Figure(ip.amount(2, "trillion CNY"))
    assert exceeded > two
    assert at_least >= two
    with pytest.raises(ip.IndeterminateComparisonError):
        _ = at_least > two
    with pytest.raises(ip.IndeterminateComparisonError):
        _ = exceeded < Figure(ip.amount(3, "trillion CNY"))


@given(CNY_FIGURES)
def test_negation_mirrors_the_bound(a: Figure) -> None:
    negated = -a
    assert (negated.lower is None) == (a.upper is None)
    assert (negated.upper is None) == (a.lower is None)
    assert -negated == a


def test_mixing_currencies_in_figures_raises() -> None:
    with pytest.raises(ip.CurrencyMismatchError, match="USD"):
        _ = Figure(ip.amount(1, "CNY")) + Figure(ip.amount(1, "USD"))


def test_about_is_always_approximate() -> None:
    assert Figure(ip.amount(1, "CNY"), Q.ABOUT).approximate
    with pytest.raises(ValueError, match="approximate"):
        Figure(ip.amount(1, "CNY"), Q.ABOUT, approximate=False)


def test_figures_keep_exact_decimal_magnitudes() -> None:
    assert Figure(ip.ureg.Quantity(0.1, "CNY")).quantity.magnitude == Decimal("0.1")
    with pytest.raises(TypeError, match="amount"):
        Figure(5)  # type: ignore[arg-type]
    with pytest.raises(ip.InvalidNumberError):
        Figure(ip.ureg.Quantity(Decimal("NaN"), "CNY"))


@given(figures(with_source=True))
def test_evolve_and_equality(figure: Figure) -> None:
    assert attrs.evolve(figure) == figure
    assert hash(attrs.evolve(figure)) == hash(figure)


@given(sources())
def test_source_text_names_what_is_known(source: ip.Source) -> None:
    text = str(source)
    for part in (source.publisher, source.title, source.quote):
        if part:
            assert part in text


def test_source_dates_accept_iso_text_and_reject_other_text() -> None:
    assert ip.Source(date="2023-01-30").date == dt.date(2023, 1, 30)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="30/01/2023"):
        ip.Source(date="30/01/2023")  # type: ignore[arg-type]


# -- the founding article -----------------------------------------------------------


def test_article_pair_implies_its_rate() -> None:
    figure = Figure(
        ip.amount(3, "trillion yuan"),
        source=ARTICLE,
        stated_equivalent=ip.amount("442.2", "billion USD"),
    )
    implied = figure.implied_rate()
    assert (implied.base, implied.quote) == ("USD", "CNY")
    assert round(implied.value, 4) == Decimal("6.7843")
    assert implied.effective == dt.date(2023, 1, 30)
    check = figure.check_rate()
    assert round(check.reference.value, 4) == Decimal("6.7505")
    assert Decimal("0.004") < check.relative_difference < Decimal("0.006")


def test_pillar_clusters_2022_is_a_lower_bound() -> None:
    exceeded = Figure(ip.amount(2, "trillion yuan"), Q.MORE_THAN, ARTICLE)
    assert exceeded.lower == ip.Bound(ip.amount(2, "trillion yuan"), inclusive=False)
    assert exceeded.upper is None
    assert exceeded.is_bound
    assert exceeded.allows(ip.amount("2.1", "trillion CNY"))
    assert not exceeded.allows(ip.amount(2, "trillion CNY"))
    gap = Figure(ip.amount(3, "trillion yuan")) - exceeded
    assert gap.qualifier is Q.LESS_THAN
    assert gap.quantity == ip.amount(1, "trillion CNY")


def test_stated_equivalent_must_be_another_currency() -> None:
    with pytest.raises(ValueError, match="own currency"):
        Figure(ip.amount(1, "CNY"), stated_equivalent=ip.amount(1, "yuan"))
    with pytest.raises(ip.CurrencyMismatchError):
        Figure(ip.amount(1, "GW"), stated_equivalent=ip.amount(1, "USD"))
    with pytest.raises(ValueError, match="no equivalent"):
        Figure(ip.amount(1, "CNY")).implied_rate()


def test_conversion_of_figure_units_is_exact() -> None:
    figure = Figure(ip.amount("491.2", "billion CNY"), Q.EXACT)
    assert figure.to("CNY").quantity.magnitude == 491_200_000_000
