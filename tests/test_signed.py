"""Signed amounts: balances, deficits, net flows and profits may be negative.

Named examples with numbers of our own, and properties of the linear
measure a signed target at or below zero is assessed by.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import industrial_plan as ip
from industrial_plan import Figure, Metric, Observation, Regional, Status, Target
from industrial_plan.testing import decimals

pa = pytest.importorskip("pyarrow")


def _plan(
    observations: list[tuple[int, str]],
    target: str,
    *,
    signed: bool = True,
    direction: str = "higher",
    year: int = 2024,
) -> ip.IndustrialSystem:
    return ip.IndustrialSystem(
        name="plan",
        region="r",
        start_year=2020,
        end_year=2025,
        metrics=[
            Metric("balance", "budget balance", "money", direction, signed=signed)
        ],
        regional=Regional(
            targets=[Target("balance", year, ip.parse_figure(target))],
            observations=[
                Observation("balance", y, ip.parse_figure(text))
                for y, text in observations
            ],
        ),
    )


def _value(figure: Figure | None) -> Decimal:
    assert figure is not None
    return Decimal(figure.quantity.magnitude)


def test_a_deficit_narrowing_toward_its_target() -> None:
    """-1.5 (2021) to -1.3 (2022) against -1.2 in 2024: two thirds of the way."""
    system = _plan([(2021, "-1.5万亿元"), (2022, "-1.3万亿元")], "-1.2万亿元")
    (result,) = ip.assess(system)
    assert _value(result.attainment) == Decimal(2) / 3
    assert _value(result.gap) == Decimal("0.1")
    assert _value(result.ratio) == Decimal(2)  # 0.2 a year against 0.1 needed
    assert result.status is Status.ON_TRACK
    assert result.required_cagr is None
    assert result.observed_cagr is None
    assert any("growth rates are not computed" in note for note in result.notes)


def test_a_balance_across_zero_has_no_growth_rate_and_says_why() -> None:
    system = _plan([(2021, "-0.5万亿元"), (2022, "0.3万亿元")], "1万亿元")
    (result,) = ip.assess(system)
    assert result.observed_cagr is None
    assert result.required_cagr is None
    (note,) = [n for n in result.notes if "signed amount" in n]
    assert "-0.5 in 2021 to 0.3 in 2022" in note
    assert "no rate of growth leads across or below zero" in note
    assert _value(result.attainment) == Decimal("0.8") / Decimal("1.5")


def test_a_deficit_widening_is_deterioration() -> None:
    system = _plan([(2021, "-1.0万亿元"), (2022, "-1.3万亿元")], "-1.2万亿元")
    (result,) = ip.assess(system)
    assert result.status is Status.DETERIORATION
    assert result.attainment is None  # the target is worse than the baseline
    assert _value(result.ratio) == Decimal("-4.5")


def test_a_deficit_met_at_its_year() -> None:
    system = _plan([(2021, "-1.5万亿元"), (2024, "-1.18万亿元")], "-1.2万亿元")
    (result,) = ip.assess(system)
    assert result.status is Status.ACHIEVED
    assert result.verdict is ip.Verdict.AS_PROJECTED  # within 5 % of 1.2


def test_positive_values_of_a_signed_metric_keep_growth_rates() -> None:
    system = _plan([(2021, "0.5万亿元"), (2022, "0.8万亿元")], "1万亿元")
    (result,) = ip.assess(system)
    assert _value(result.observed_cagr) == Decimal("0.6")
    assert not any("signed amount" in note for note in result.notes)


def test_negative_amounts_are_refused_where_the_metric_is_not_signed() -> None:
    with pytest.raises(ip.PlanValidationError) as caught:
        _plan([(2021, "-1.5万亿元")], "-1.2万亿元", signed=False)
    message = str(caught.value)
    assert (
        "regional.targets[0].figure: negative money amount '-1.2 万亿 CNY'" in message
    )
    assert "signed = true" in message
    with pytest.raises(ip.PlanValidationError, match="negative count '-5'"):
        ip.IndustrialSystem(
            name="plan",
            region="r",
            start_year=2020,
            end_year=2025,
            regional=Regional(
                observations=[Observation("enterprises", 2021, ip.parse_figure("-5"))]
            ),
        )


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("-1.2万亿元", "-1.2"),
        ("赤字1.2万亿元", "-1.2"),
        ("a deficit of 1.2 trillion yuan", "-1.2"),
        ("亏损3亿元", "-3"),
        ("a loss of $300 million", "-300"),
        ("逆差200亿美元", "-200"),
    ],
)
def test_words_that_state_a_negative_amount(text: str, value: str) -> None:
    figure = ip.parse_figure(text)
    assert figure.quantity.magnitude == Decimal(value)
    assert ip.currency_of(figure.quantity) is not None


def test_a_signed_metric_round_trips_through_a_plan_file() -> None:
    system = _plan([(2021, "赤字1.5万亿元"), (2022, "-1.3万亿元")], "-1.2万亿元")
    for syntax in ("toml", "json", "yaml"):
        text = ip.dumps(system, syntax)  # type: ignore[arg-type]
        assert "signed" in text
        assert ip.loads(text, syntax) == system  # type: ignore[arg-type]
    unsigned = ip.dumps(system, "toml").replace(", signed = true", "")
    with pytest.raises(ip.PlanValidationError, match="negative money amount"):
        ip.loads(unsigned, "toml")


def test_the_columnar_path_assesses_a_signed_plan_as_the_object_path() -> None:
    system = _plan([(2021, "-1.5万亿元"), (2022, "-1.3万亿元")], "-1.2万亿元")
    (record,) = ip.assess(system).records()
    (row,) = ip.assess_table(ip.to_arrow(system)).to_pylist()
    assert (row["status"], row["verdict"]) == (record["status"], record["verdict"])
    assert row["ratio"] == pytest.approx(float(Decimal(record["ratio"]["value"])))


# -- properties --------------------------------------------------------------------

_NEGATIVE = decimals(min_value=-1000, max_value=-1, places=2)


@given(_NEGATIVE, _NEGATIVE, _NEGATIVE, decimals(min_value=-500, max_value=0, places=2))
def test_the_linear_measure_does_not_depend_on_where_zero_is(
    baseline: Decimal, latest: Decimal, target: Decimal, shift: Decimal
) -> None:
    """Moving every value by the same amount (all still below zero) changes nothing."""

    def assessed(offset: Decimal) -> ip.Assessment:
        def yuan(value: Decimal) -> str:
            return f"{value + offset}亿元"

        system = _plan([(2021, yuan(baseline)), (2022, yuan(latest))], yuan(target))
        (result,) = ip.assess(system)
        return result

    first, moved = assessed(Decimal(0)), assessed(shift)
    assert first.status is moved.status
    assert first.verdict is moved.verdict or first.status is Status.ACHIEVED
    for name in ("attainment", "ratio", "gap"):
        a, b = getattr(first, name), getattr(moved, name)
        assert (a is None) == (b is None), name
        if a is not None:
            assert _value(a) == _value(b), name


@given(_NEGATIVE, st.lists(_NEGATIVE, min_size=2, max_size=4), _NEGATIVE)
def test_a_signed_status_never_falls_as_the_latest_value_rises(
    baseline: Decimal, latests: list[Decimal], target: Decimal
) -> None:
    ranks = []
    for latest in sorted(latests):
        system = _plan(
            [(2021, f"{baseline}亿元"), (2022, f"{latest}亿元")], f"{target}亿元"
        )
        (result,) = ip.assess(system)
        ranks.append(ip.status_rank(result.status))
    known = [rank for rank in ranks if rank is not None]
    assert known == sorted(known)
