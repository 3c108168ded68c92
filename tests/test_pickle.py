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


# "exceeded 2 trillion yuan" as pickled (protocol 4) by the package before it was
# laid out in wings: the quantity names industrial_plan._units._quantity_from_pickle.
_FLAT_LAYOUT_PICKLE = (
    "gASVQQEAAAAAAACMD2luZHVzdHJpYWxfcGxhbpSMBkZpZ3VyZZSTlCmBlH2UKIwIcXVhbnRpdHmUjBZpbmR1"
    "c3RyaWFsX3BsYW4uX3VuaXRzlIwVX3F1YW50aXR5X2Zyb21fcGlja2xllJOUjAdkZWNpbWFslIwHRGVjaW1h"
    "bJSTlIwBMpSFlFKUfZQojAh0cmlsbGlvbpRoC4wBMZSFlFKUjANDTlmUaBN1hpRSlIwJcXVhbGlmaWVylGgA"
    "jAlRdWFsaWZpZXKUk5SMCW1vcmUgdGhhbpSFlFKUjAZzb3VyY2WUTowRc3RhdGVkX2VxdWl2YWxlbnSUTowL"
    "YXBwcm94aW1hdGWUiYwGY2hhbmdllE6MCWJhc2VfeWVhcpROjAhzaGFyZV9vZpROjANwZXKUTowHY291bnRl"
    "ZJROjAdtZWFzdXJllE51Yi4="
)


def test_a_pickle_written_before_the_wings_loads_equal() -> None:
    import base64

    old = pickle.loads(base64.b64decode(_FLAT_LAYOUT_PICKLE))
    assert old == ip.parse_figure("exceeded 2 trillion yuan")
    assert isinstance(old.quantity, ip.ureg.Quantity)


def test_pickles_still_name_the_flat_layouts_paths() -> None:
    """The modules a pickle names are part of its format: the wings changed none."""
    import base64
    import pickletools

    def modules(data: bytes) -> set[str]:
        return {
            arg
            for _, arg, _ in pickletools.genops(data)
            if isinstance(arg, str) and arg.startswith("industrial_plan")
        }

    figure = ip.parse_figure("exceeded 2 trillion yuan")
    old = modules(base64.b64decode(_FLAT_LAYOUT_PICKLE))
    assert old == {"industrial_plan", "industrial_plan._units"}
    assert modules(pickle.dumps(figure, protocol=4)) == old
    plan = pickle.dumps(ip.assess(examples.xiamen()))
    assert modules(plan) == old
