"""Plans and assessments cross to other processes: a process pool can assess
many plans at once.

pint rebuilds a pickled quantity in its application registry, which knows
neither the scale words nor the currencies of the package's registry; the
package's quantities pickle so that they come back in its own registry.
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import pickle

from hypothesis import HealthCheck, given, settings

import industrial_plan as ip
from industrial_plan import examples, testing


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(testing.systems())
def test_a_plan_and_its_assessment_come_back_equal(system: ip.IndustrialSystem) -> None:
    again = pickle.loads(pickle.dumps(system))
    assert again == system
    try:
        assessment = ip.assess(system)
    except ip.RateError:
        return  # currencies the bundled rates do not cover in those years
    assert pickle.loads(pickle.dumps(assessment)) == assessment


@given(testing.amounts())
def test_an_amount_comes_back_in_the_package_registry(amount: ip.Quantity) -> None:
    again = pickle.loads(pickle.dumps(amount))
    assert again == amount
    assert again.magnitude.as_tuple() == amount.magnitude.as_tuple()
    assert isinstance(again, ip.ureg.Quantity)
    assert str(again.units) == str(amount.units)


def test_a_process_pool_assesses_the_bundled_plans() -> None:
    plans = [examples.xiamen(), examples.xiamen_sei()]
    # spawn: a fresh interpreter that imports the package, as on macOS and Windows
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(1, mp_context=context) as pool:
        results = list(pool.map(ip.assess, plans))
    assert results == [ip.assess(plan) for plan in plans]
