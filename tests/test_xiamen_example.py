"""The bundled Xiamen plan reproduces every name and figure of the founding article.

Source: "Xiamen promotes modern industrial system construction", chinadaily.com.cn,
30 January 2023.
"""

from __future__ import annotations

import datetime as dt

import pytest

import industrial_plan as ip

ARTICLE = ip.Source(
    publisher="chinadaily.com.cn",
    title="Xiamen promotes modern industrial system construction",
    date=dt.date(2023, 1, 30),
    id="chinadaily-2023-01-30",
)

TIERS = {
    "pillar_clusters": (
        ip.PILLAR_CLUSTER,
        [
            "electronic information industrial cluster",
            "machinery and equipment industrial cluster",
            "trade and logistics industrial cluster",
            "financial services industrial cluster",
        ],
    ),
    "strategic_emerging": (
        ip.STRATEGIC_EMERGING,
        [
            "biomedicine",
            "new materials",
            "new energy",
            "cultural tourism and creativity",
        ],
    ),
    "future": (
        ip.FUTURE_INDUSTRY,
        [
            "third-generation semiconductors",
            "hydrogen energy and energy storage",
            "genetics and biotechnology",
            "future networks",
            "frontier strategic materials",
            "deep sea, air and space development",
        ],
    ),
}


@pytest.fixture(scope="module")
def xiamen() -> ip.IndustrialSystem:
    return ip.examples.xiamen()


def test_the_system(xiamen: ip.IndustrialSystem) -> None:
    assert xiamen.formula == "4+4+6"
    assert str(xiamen.region) == "Xiamen"
    assert "4+4+6" in str(xiamen.name)
    assert (xiamen.start_year, xiamen.end_year) == (2022, 2027)
    assert xiamen.sources == (ARTICLE,)


def test_tiers_and_industries_are_the_articles(xiamen: ip.IndustrialSystem) -> None:
    assert [tier.id for tier in xiamen.tiers] == list(TIERS)
    for tier in xiamen.tiers:
        kind, names = TIERS[tier.id]
        assert tier.kind == kind
        assert [str(industry.name) for industry in tier.industries] == names


def _only(items: tuple[ip.Target, ...] | tuple[ip.Observation, ...]) -> object:
    (item,) = items
    return item


def test_the_2027_targets(xiamen: ip.IndustrialSystem) -> None:
    pillars = _only(xiamen.tier("pillar_clusters").targets)
    assert pillars == ip.Target(
        "total_scale",
        2027,
        ip.Figure(
            ip.amount(3, "trillion CNY"),
            stated_equivalent=ip.amount("442.2", "billion USD"),
        ),
        source=ARTICLE.quoting("3 trillion yuan ($442.2 billion)"),
    )
    emerging = _only(xiamen.tier("strategic_emerging").targets)
    assert emerging == ip.Target(
        "total_scale",
        2027,
        ip.Figure(ip.amount(800, "billion CNY")),
        source=ARTICLE.quoting("800 billion yuan"),
    )
    future = _only(xiamen.tier("future").targets)
    assert future == ip.Target(
        "development",
        2027,
        statement="significant progress",
        source=ARTICLE.quoting("significant progress"),
    )


def test_the_2022_figures(xiamen: ip.IndustrialSystem) -> None:
    pillars = _only(xiamen.tier("pillar_clusters").observations)
    assert pillars == ip.Observation(
        "total_scale",
        2022,
        ip.Figure(ip.amount(2, "trillion CNY"), ip.Qualifier.MORE_THAN),
        source=ARTICLE.quoting("exceeded 2 trillion yuan"),
    )
    emerging = _only(xiamen.tier("strategic_emerging").observations)
    assert isinstance(emerging, ip.Observation)
    assert ip.in_base_units(emerging.figure.quantity).magnitude == 491_200_000_000
    assert emerging.figure.qualifier is ip.Qualifier.EXACT
    assert emerging.source == ARTICLE.quoting("reached 491.2 billion yuan")
    assert xiamen.tier("future").observations == ()


def test_nothing_is_invented(xiamen: ip.IndustrialSystem) -> None:
    # The article gives figures for two tiers only, and names no enterprise,
    # policy or zone.
    for industry in xiamen.industries:
        assert industry.targets == ()
        assert industry.observations == ()
    assert xiamen.roadmap.enterprises == ()
    assert xiamen.roadmap.policies == ()
    assert xiamen.layout.zones == ()
    assert xiamen.roadmap.summary is not None
    assert xiamen.layout.summary is not None
    assert xiamen.roadmap.source == ARTICLE
    assert xiamen.layout.source == ARTICLE


def test_every_quote_is_a_short_phrase(xiamen: ip.IndustrialSystem) -> None:
    quotes = [t.source.quote for _, t in xiamen.targets() if t.source]
    quotes += [o.source.quote for _, o in xiamen.observations() if o.source]
    assert len(quotes) == 5
    assert all(quote is not None and len(quote.split()) <= 6 for quote in quotes)


def test_the_bundled_file_is_the_example(xiamen: ip.IndustrialSystem) -> None:
    assert ip.load(ip.examples.path("xiamen")) == xiamen
    with pytest.raises(FileNotFoundError, match="xiamen"):
        ip.examples.path("atlantis")
