"""The second bundled plan: Xiamen's strategic emerging industries, 2021-2025.

Every target of the fact sheet is in it, with its kind and the phrase that
states it, and nothing else is: no observation is made up.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import industrial_plan as ip
from industrial_plan import Status, TargetKind

# (owner, metric, kind, the phrase as stated) for each 2025 target.
STATED = {
    ("strategic_emerging", "total_scale", TargetKind.LEVEL, "突破1万亿元"),
    ("strategic_emerging", "value_added", TargetKind.LEVEL, "超2500亿元"),
    ("strategic_emerging", "value_added", TargetKind.SHARE, "达到25%"),
    ("region", "high_tech_industrial_value_added", TargetKind.SHARE, "达到45%"),
    ("region", "national_innovation_platforms", TargetKind.COUNT, "超过80家"),
    (
        "region",
        "national_engineering_research_centres",
        TargetKind.QUALITATIVE,
        "取得突破",
    ),
    ("region", "state_key_laboratories", TargetKind.INCREMENT, "新增1家"),
    ("region", "provincial_rd_institutions", TargetKind.COUNT, "达到60家"),
    ("region", "rd_spending", TargetKind.SHARE, "达到3.5%"),
    ("region", "high_value_invention_patents", TargetKind.RATIO, "超过20件"),
}
# The aims the report states without a number.
AIMS = 3


@pytest.fixture(scope="module")
def sei() -> ip.IndustrialSystem:
    return ip.examples.xiamen_sei()


def test_five_industries_and_an_open_list(sei: ip.IndustrialSystem) -> None:
    assert sei.formula == "5+X"
    assert [len(t.industries) for t in sei.tiers] == [5, 4]
    assert [t.open_ended for t in sei.tiers] == [False, True]
    assert (sei.start_year, sei.end_year) == (2020, 2025)
    for owner in sei.owners():
        if not isinstance(owner, ip.Regional):
            assert set(owner.name.languages) == {"en", "zh"}


def test_every_stated_target_and_nothing_else(sei: ip.IndustrialSystem) -> None:
    quoted = {
        (owner.id, t.metric, t.kind, t.source.quote)
        for owner, t in sei.targets()
        if t.source is not None and t.source.quote is not None
    }
    assert quoted == STATED
    unquoted = [
        t for _, t in sei.targets() if t.source is None or t.source.quote is None
    ]
    assert len(unquoted) == AIMS
    assert all(t.kind is TargetKind.QUALITATIVE for t in unquoted)
    assert all(t.year == 2025 for _, t in sei.targets())


def test_figures_read_as_the_phrases_say(sei: ip.IndustrialSystem) -> None:
    for _, target in sei.targets():
        if target.figure is None:
            continue
        assert target.source is not None
        quote = target.source.quote
        assert quote is not None
        stated = ip.parse_figure(quote)
        assert stated.quantity == target.figure.quantity
        assert stated.qualifier is target.figure.qualifier
    ratio = next(t for _, t in sei.targets() if t.kind is TargetKind.RATIO)
    assert ratio.figure is not None
    assert ratio.figure.per == 10_000


def test_no_observation_is_made_up(sei: ip.IndustrialSystem) -> None:
    assert list(sei.observations()) == []
    statuses = {r.status for r in ip.assess(sei)}
    assert statuses <= {Status.INSUFFICIENT_DATA, Status.NOT_QUANTIFIED}


def test_the_review_counts_every_target(sei: ip.IndustrialSystem) -> None:
    review = ip.assess(sei).review()
    assert len(review) == len(STATED) + AIMS
    assert review.by_standing()[ip.Standing.NOT_QUANTIFIED] == 1 + AIMS
    assert review.by_standing()[ip.Standing.NO_DATA] == len(STATED) - 1


@pytest.mark.parametrize("syntax", ["toml", "yaml", "json"])
def test_round_trips(sei: ip.IndustrialSystem, syntax: str, tmp_path: Path) -> None:
    text = ip.dumps(sei, syntax)  # type: ignore[arg-type]
    assert ip.loads(text, syntax) == sei  # type: ignore[arg-type]
    path = ip.save(sei, tmp_path / f"plan.{syntax}")
    assert ip.load(path) == sei


def test_bundled_file_is_the_example() -> None:
    assert ip.load(ip.examples.path("xiamen_sei")) == ip.examples.xiamen_sei()
    assert ip.examples.NAMES == ("xiamen", "xiamen_sei")
