"""Money arithmetic with industrial_plan against the same arithmetic on Decimal.

Every library benchmark sits in a group beside a plain ``decimal.Decimal``
baseline doing the same arithmetic on the same numbers, so the library's
overhead reads as a ratio.  Run with::

    python -m pytest benchmarks -p no:cacheprovider --benchmark-only
"""

from __future__ import annotations

import functools
import operator
import timeit
from decimal import Decimal

import pytest

import industrial_plan as ip

N_AMOUNTS = 10_000
"""How many same-currency amounts the summing benchmarks add up."""

ADD = "add two amounts"
CONVERT = "convert with a fixed rate"
SUM = f"sum {N_AMOUNTS:,} amounts"
GOAL = "goal check (time of the measurement itself)"

GOAL_RATIO = 5.0
"""ip.total over N_AMOUNTS same-currency amounts may cost at most this many
times a plain Decimal sum of the same magnitudes."""


# -- inputs: the library's quantities and the Decimals they hold ---------------


def _figure(i: int) -> str:
    # Varied, realistic figures with cents: "0.00", "1.37", ... "9999.63".
    return f"{i}.{(i * 37) % 100:02d}"


@pytest.fixture(scope="module")
def two_amounts() -> tuple[ip.Quantity, ip.Quantity]:
    return ip.amount("491.2", "CNY"), ip.amount("3000.75", "CNY")


@pytest.fixture(scope="module")
def two_decimals(two_amounts: tuple[ip.Quantity, ip.Quantity]) -> tuple[Decimal, ...]:
    return tuple(q.magnitude for q in two_amounts)


@pytest.fixture(scope="module")
def cny_to_usd() -> ip.Rate:
    # Oriented CNY -> USD, so convert() uses it as given (no inverse per call).
    return ip.Rate("CNY", "USD", "0.1474", source="benchmark")


@pytest.fixture(scope="module")
def many_amounts() -> list[ip.Quantity]:
    return [ip.amount(_figure(i), "CNY") for i in range(N_AMOUNTS)]


@pytest.fixture(scope="module")
def many_decimals(many_amounts: list[ip.Quantity]) -> list[Decimal]:
    # The very Decimal objects the quantities hold: same numbers, same memory.
    return [q.magnitude for q in many_amounts]


# -- adding two amounts -------------------------------------------------------


@pytest.mark.benchmark(group=ADD)
def test_add_decimal(benchmark, two_decimals):
    a, b = two_decimals
    assert benchmark(operator.add, a, b) == Decimal("3491.95")


@pytest.mark.benchmark(group=ADD)
def test_add_total(benchmark, two_amounts):
    pair = list(two_amounts)
    assert benchmark(ip.total, pair).magnitude == Decimal("3491.95")


@pytest.mark.benchmark(group=ADD)
def test_add_pint(benchmark, two_amounts):
    a, b = two_amounts
    assert benchmark(operator.add, a, b).magnitude == Decimal("3491.95")


# -- converting with a fixed rate ---------------------------------------------


@pytest.mark.benchmark(group=CONVERT)
def test_convert_decimal(benchmark, two_decimals, cny_to_usd):
    value = two_decimals[0]
    result = benchmark(operator.mul, value, cny_to_usd.value)
    assert result == Decimal("72.40288")


@pytest.mark.benchmark(group=CONVERT)
def test_convert_library(benchmark, two_amounts, cny_to_usd):
    quantity = two_amounts[0]
    result = benchmark(ip.convert, quantity, "USD", rate=cny_to_usd)
    assert result.quantity.magnitude == Decimal("72.40288")
    assert ip.currency_of(result.quantity) == "USD"


# -- summing many same-currency amounts ---------------------------------------


def _expected_sum(decimals):
    return sum(decimals, Decimal(0))


@pytest.mark.benchmark(group=SUM)
def test_sum_decimal(benchmark, many_decimals):
    result = benchmark(sum, many_decimals, Decimal(0))
    assert result == _expected_sum(many_decimals)


@pytest.mark.benchmark(group=SUM)
def test_sum_total(benchmark, many_amounts, many_decimals):
    result = benchmark(ip.total, many_amounts)
    assert result.magnitude == _expected_sum(many_decimals)


@pytest.mark.benchmark(group=SUM)
def test_sum_pint_reduce(benchmark, many_amounts, many_decimals):
    # Reference only: what summing costs without total().
    result = benchmark(functools.reduce, operator.add, many_amounts)
    assert result.magnitude == _expected_sum(many_decimals)


# -- the goal ------------------------------------------------------------------


def total_to_decimal_ratio(amounts, decimals, *, number=1, repeat=200):
    """Time per call of ip.total over a plain Decimal sum of the same magnitudes.

    Returns ``(ratio, seconds per ip.total call, seconds per Decimal sum)``.
    Both sides are timed with timeit (garbage collection off), their repeats
    interleaved so that load on a busy machine falls on both alike, and each
    side keeps its minimum: the repeat least disturbed by other processes.
    A repeat is one call (a millisecond or two), short enough that many
    repeats run unpreempted even when both cores are busy.
    """
    sum_decimals = functools.partial(sum, decimals, Decimal(0))
    sum_amounts = functools.partial(ip.total, amounts)
    decimal_times, total_times = [], []
    for _ in range(repeat):
        decimal_times.append(timeit.timeit(sum_decimals, number=number))
        total_times.append(timeit.timeit(sum_amounts, number=number))
    per_decimal = min(decimal_times) / number
    per_total = min(total_times) / number
    return per_total / per_decimal, per_total, per_decimal


@pytest.mark.benchmark(group=GOAL)
def test_total_within_goal_of_decimal_sum(benchmark, many_amounts, many_decimals):
    # Requesting `benchmark` keeps this test in --benchmark-only runs; the
    # figure that matters is the ratio, measured with timeit, not this timing.
    ratio, per_total, per_decimal = benchmark.pedantic(
        total_to_decimal_ratio,
        args=(many_amounts, many_decimals),
        rounds=1,
        iterations=1,
    )
    benchmark.extra_info.update(
        ratio=round(ratio, 2),
        total_us=round(per_total * 1e6, 1),
        decimal_sum_us=round(per_decimal * 1e6, 1),
    )
    print(
        f"\nip.total / Decimal sum over {N_AMOUNTS:,} amounts: {ratio:.2f}x "
        f"({per_total * 1e6:.0f} us vs {per_decimal * 1e6:.0f} us per call)"
    )
    assert ratio <= GOAL_RATIO, (
        f"ip.total is {ratio:.2f}x a plain Decimal sum over {N_AMOUNTS:,} "
        f"amounts ({per_total * 1e6:.0f} us vs {per_decimal * 1e6:.0f} us); "
        f"the goal is at most {GOAL_RATIO:g}x"
    )
