"""The domain model: construction checks, navigation, changes."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import industrial_plan as ip
from industrial_plan.testing import money_figures, systems


def _problems(error: pytest.ExceptionInfo[ip.PlanValidationError]) -> dict[str, str]:
    return {problem.path: problem.message for problem in error.value.problems}


@given(systems())
def test_formula_always_matches_tier_sizes(system: ip.IndustrialSystem) -> None:
    sizes = system.formula.split("+") if system.tiers else []
    assert [int(size) for size in sizes if size] == [
        len(t.industries) for t in system.tiers
    ]
    assert len(system.industries) == sum(len(t.industries) for t in system.tiers)


@given(systems())
def test_navigation_finds_every_owner_by_id_and_name(
    system: ip.IndustrialSystem,
) -> None:
    for owner in system.owners():
        assert system.owner(owner.id) is owner
        assert system.owner(f" {owner.name.best()} ") is owner
    for industry in system.industries:
        assert industry in system.tier_of(industry).industries
    counted = sum(len(o.targets) for o in system.owners())
    assert len(list(system.targets())) == counted


@given(systems(), st.data())
def test_dangling_links_are_rejected_naming_both_ends(
    system: ip.IndustrialSystem, data: st.DataObject
) -> None:
    group = data.draw(st.sampled_from(["enterprise", "policy", "zone"]))
    if group == "enterprise":
        item = ip.Enterprise(
            "e_new", "New Co", "leading enterprise", ["no_such_industry"]
        )
        items = (*system.roadmap.enterprises, item)
        change = {"roadmap": attrs.evolve(system.roadmap, enterprises=items)}
        path = f"roadmap.enterprises[{len(items) - 1}].industries[0]"
    elif group == "policy":
        item = ip.Policy("p_new", "New policy", ["no_such_industry"])
        items = (*system.roadmap.policies, item)
        change = {"roadmap": attrs.evolve(system.roadmap, policies=items)}
        path = f"roadmap.policies[{len(items) - 1}].industries[0]"
    else:
        item = ip.Zone("z_new", "New park", industries=["no_such_industry"])
        items = (*system.layout.zones, item)
        change = {"layout": attrs.evolve(system.layout, zones=items)}
        path = f"layout.zones[{len(items) - 1}].industries[0]"
    with pytest.raises(ip.PlanValidationError) as caught:
        attrs.evolve(system, **change)
    problems = _problems(caught)
    assert path in problems
    assert "no_such_industry" in problems[path]
    assert repr(item.id) in problems[path]


@given(systems().filter(lambda s: s.industries))
def test_duplicate_ids_are_rejected(system: ip.IndustrialSystem) -> None:
    tier_index = next(i for i, t in enumerate(system.tiers) if t.industries)
    tier = system.tiers[tier_index]
    copy = attrs.evolve(tier.industries[0], name="another name entirely")
    tiers = list(system.tiers)
    tiers[tier_index] = attrs.evolve(tier, industries=(*tier.industries, copy))
    with pytest.raises(ip.PlanValidationError) as caught:
        attrs.evolve(system, tiers=tiers)
    path = f"tiers[{tier_index}].industries[{len(tier.industries)}].id"
    assert "duplicate" in _problems(caught)[path]


@given(systems().filter(lambda s: s.tiers), money_figures())
def test_units_must_fit_the_metric(
    system: ip.IndustrialSystem, figure: ip.Figure
) -> None:
    tier = system.tiers[0]
    power = attrs.evolve(figure, quantity=ip.amount(figure.quantity.magnitude, "GW"))
    year = system.end_year
    bad = ip.Target("total_scale", year, power)
    targets = tuple(
        t for t in tier.targets if t.year != year or t.metric != "total_scale"
    )
    with pytest.raises(ip.PlanValidationError) as caught:
        system.update(tier.id, targets=(*targets, bad))
    path = f"tiers[0].targets[{len(targets)}].figure"
    assert "money" in _problems(caught)[path]


@given(systems().filter(lambda s: s.tiers))
def test_target_before_start_and_negative_money_are_rejected(
    system: ip.IndustrialSystem,
) -> None:
    tier = system.tiers[0]
    early = ip.Target(
        "total_scale", system.start_year - 1, ip.Figure(ip.amount(1, "CNY"))
    )
    with pytest.raises(ip.PlanValidationError) as caught:
        system.update(tier.id, targets=(early,))
    assert (
        "before the plan's start_year" in _problems(caught)["tiers[0].targets[0].year"]
    )
    negative = ip.Observation(
        "total_scale", system.start_year, ip.Figure(ip.amount(-5, "USD"))
    )
    with pytest.raises(ip.PlanValidationError) as caught:
        system.update(tier.id, observations=(negative,))
    assert "negative" in _problems(caught)["tiers[0].observations[0].figure"]


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(ip.PlanValidationError) as caught:
        ip.IndustrialSystem(
            name="Test",
            region="Somewhere",
            start_year=2025,
            end_year=2020,
            tiers=[
                ip.Tier("a", "Alpha", "cluster", [ip.Industry("x", "X")]),
                ip.Tier("a", "Beta", "cluster", [ip.Industry("x", "Y")]),
            ],
        )
    problems = _problems(caught)
    assert set(problems) == {"end_year", "tiers[1].id", "tiers[1].industries[0].id"}
    assert "3 problems" in str(caught.value)


def test_updates_return_a_new_checked_system() -> None:
    xiamen = ip.examples.xiamen()
    observation = ip.Observation(
        "total_scale", 2023, ip.Figure(ip.amount("550", "billion CNY"))
    )
    later = xiamen.with_observation("strategic_emerging", observation)
    assert observation in later.tier("strategic_emerging").observations
    assert observation not in xiamen.tier("strategic_emerging").observations
    target = ip.Target("enterprises", 2027, ip.Figure(ip.amount(100, "")))
    assert (
        target
        in later.with_target("biomedicine", target).industry("biomedicine").targets
    )


def test_lookups_fail_with_the_known_ids() -> None:
    xiamen = ip.examples.xiamen()
    with pytest.raises(ip.NotFoundError, match="pillar_clusters") as caught:
        xiamen.tier("nonexistent")
    assert "nonexistent" in str(caught.value)
    assert isinstance(caught.value, KeyError)
    assert xiamen.tier("Pillar Industrial Clusters").id == "pillar_clusters"
    assert xiamen.metric("total scale").id == "total_scale"


@pytest.mark.parametrize(
    ("kind", "quantity", "fits"),
    [
        ("money", ip.amount(1, "CNY"), True),
        ("money", ip.amount(1, "GW"), False),
        ("count", ip.amount(12, ""), True),
        ("count", ip.amount(12, "t"), False),
        ("[power]", ip.amount(2, "GW"), True),
        ("GW", ip.amount(2, "MW"), True),
        ("[energy]", ip.amount(2, "GWh"), True),
        ("[energy]", ip.amount(2, "GW"), False),
        ("t", ip.amount(3, "million t"), True),
    ],
)
def test_metric_kinds(kind: str, quantity: ip.Quantity, fits: bool) -> None:
    metric = ip.Metric("m", "m", kind)
    assert (metric.accepts(ip.Figure(quantity)) is None) == fits


@pytest.mark.parametrize("kind", ["[nonsense", "9**9**9", "widgets", "", "1"])
def test_bad_metric_kinds_are_rejected(kind: str) -> None:
    with pytest.raises(ValueError, match="metric kind"):
        ip.Metric("m", "m", kind)


@pytest.mark.parametrize("bad", ["", "1abc", "has space", "x" * 81, "ünï"])
def test_ids_are_checked(bad: str) -> None:
    with pytest.raises(ValueError, match="not a valid id"):
        ip.Industry(bad, "Name")


def test_names_in_several_languages() -> None:
    names = ip.Names({"en": "Biomedicine", "zh": "生物医药"})
    assert names.best("zh-Hans") == "生物医药"
    assert names.best("fr") == "Biomedicine"
    assert names.matches("biomedicine ")
    with pytest.raises(ValueError, match="language tag"):
        ip.Names({"English": "x"})
    with pytest.raises(ValueError, match="empty"):
        ip.Names({"en": "  "})


def test_targets_need_a_figure_or_a_statement() -> None:
    with pytest.raises(ValueError, match="figure or a statement"):
        ip.Target("total_scale", 2027)
    assert not ip.Target(
        "development", 2027, statement="significant progress"
    ).is_quantitative
