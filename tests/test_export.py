"""Long-format export: rows, Arrow and pandas with exact values, IAMC layout."""

from __future__ import annotations

import datetime as dt
import sys
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings

import industrial_plan as ip
from industrial_plan import (
    Figure,
    Industry,
    Observation,
    Qualifier,
    Source,
    Target,
    Tier,
)
from industrial_plan._files.rows_out import COLUMNS, _decimal_type
from industrial_plan.testing import systems

pa = pytest.importorskip("pyarrow")
pd = pytest.importorskip("pandas")

ARTICLE = (
    "chinadaily.com.cn, Xiamen promotes modern industrial system construction, "
    "2023-01-30"
)


def _cited(quote: str) -> dict[str, Any]:
    """The source columns of the article quoting *quote*."""
    return {
        "source_id": "chinadaily-2023-01-30",
        "source_publisher": "chinadaily.com.cn",
        "source_title": "Xiamen promotes modern industrial system construction",
        "source_date": dt.date(2023, 1, 30),
        "source_url": None,
        "source_quote": quote,
        "statements": None,
        "judgement": None,
    }


def _xiamen_rows() -> list[dict[str, Any]]:
    return ip.long_records(ip.examples.xiamen())


# -- rows ------------------------------------------------------------------------------


def test_xiamen_tier_rows_hold_the_article_figures_exactly() -> None:
    rows = _xiamen_rows()
    assert len(rows) == 5
    common = {
        "region": "Xiamen",
        "system": 'Xiamen "4+4+6" modern industrial system',
        "industry": None,
        "metric": "total_scale",
        "unit": "CNY",
        "approximate": False,
        "statement": None,
        **dict.fromkeys(
            ["indicator_type", "price_basis", "of", "change", "base_year"], None
        ),
        **dict.fromkeys(["share_of", "per", "counted", "measure"], None),
        "target_base_year": None,
        "start_year": 2022,
        "end_year": 2027,
        "period": None,
        "stated_unit": "trillion CNY",
        "date": None,
        "target_direction": None,
    }
    assert rows[0] == {
        **common,
        "direction": "higher",
        "tier": "pillar_clusters",
        "kind": "target",
        "year": 2027,
        "value": Decimal("3000000000000"),
        "qualifier": "exact",
        "source": f'"3 trillion yuan ($442.2 billion)" ({ARTICLE})',
        "target_kind": "level",
        "estimate": None,
        # "3 trillion yuan ($442.2 billion)": the equivalent, exactly.
        "equivalent_value": Decimal("442200000000"),
        "equivalent_unit": "USD",
        "equivalent_stated_unit": "billion USD",
        **_cited("3 trillion yuan ($442.2 billion)"),
    }
    assert rows[1] == {
        **common,
        "direction": None,
        "tier": "pillar_clusters",
        "kind": "observation",
        "year": 2022,
        "value": Decimal("2000000000000"),
        "qualifier": "more than",
        "source": f'"exceeded 2 trillion yuan" ({ARTICLE})',
        "target_kind": "level",
        "estimate": False,
        **dict.fromkeys(
            ["equivalent_value", "equivalent_unit", "equivalent_stated_unit"]
        ),
        **_cited("exceeded 2 trillion yuan"),
    }
    assert rows[2]["value"] == Decimal("800000000000")
    assert (rows[3]["kind"], rows[3]["year"]) == ("observation", 2022)
    assert rows[3]["value"] == Decimal("491200000000")
    assert rows[3]["qualifier"] == "exact"
    # Values are Decimals without exponent: what they print is what they are.
    assert str(rows[3]["value"]) == "491200000000"


def test_xiamen_qualitative_target_row() -> None:
    row = _xiamen_rows()[4]
    assert row == {
        "region": "Xiamen",
        "system": 'Xiamen "4+4+6" modern industrial system',
        "tier": "future",
        "industry": None,
        "kind": "target",
        "metric": "development",
        "year": 2027,
        "period": None,
        "unit": None,
        "value": None,
        "qualifier": None,
        "approximate": None,
        "estimate": None,
        "statement": "significant progress",
        "source": f'"significant progress" ({ARTICLE})',
        "target_kind": "qualitative aim",
        **dict.fromkeys(
            ["indicator_type", "price_basis", "of", "change", "base_year"], None
        ),
        **dict.fromkeys(["share_of", "per", "counted", "measure"], None),
        "direction": "higher",
        "target_base_year": None,
        "start_year": 2022,
        "end_year": 2027,
        "stated_unit": None,
        **dict.fromkeys(
            ["equivalent_value", "equivalent_unit", "equivalent_stated_unit", "date"]
        ),
        "target_direction": None,
        **_cited("significant progress"),
    }


def test_every_row_has_the_columns_in_order() -> None:
    assert all(tuple(row) == COLUMNS for row in _xiamen_rows())


def _units_plan() -> ip.IndustrialSystem:
    solar = Industry(
        "solar",
        "solar",
        targets=[Target("installed_capacity", 2030, Figure(ip.amount("2.5", "GW")))],
        observations=[
            Observation(
                "production",
                2024,
                Figure(ip.amount("1.5", "million t"), Qualifier.ABOUT),
                source=Source(publisher="statistics office"),
            ),
            Observation("enterprises", 2024, Figure(ip.amount(12, "thousand"))),
            Observation(
                "installed_capacity",
                2024,
                Figure(ip.amount("0.0001", "GW"), source=Source(title="on the figure")),
            ),
        ],
    )
    tier = Tier("energy", "energy", "cluster", industries=[solar])
    return ip.IndustrialSystem(
        name={"zh": "能源规划"},
        region={"zh": "某市"},
        start_year=2024,
        end_year=2030,
        tiers=[tier],
    )


def test_units_without_scale_words_and_industry_rows() -> None:
    rows = ip.long_records(_units_plan())
    assert [(r["industry"], r["unit"], r["value"]) for r in rows] == [
        ("solar", "GW", Decimal("2.5")),
        ("solar", "t", Decimal(1500000)),
        ("solar", "", Decimal(12000)),  # a count has no unit
        ("solar", "GW", Decimal("0.0001")),
    ]
    assert rows[1]["qualifier"] == "about"
    assert rows[1]["approximate"] is True
    assert rows[1]["source"] == "statistics office"
    # A source carried by the figure itself counts too.
    assert rows[3]["source"] == "on the figure"
    # Names in one language only: that one.
    assert (rows[0]["region"], rows[0]["system"]) == ("某市", "能源规划")
    assert rows[0]["tier"] == "energy"


# -- Arrow -----------------------------------------------------------------------------


def test_xiamen_arrow_table() -> None:
    table = ip.to_arrow(ip.examples.xiamen())
    assert table.column_names == list(COLUMNS)
    schema = table.schema
    assert schema.field("value").type == pa.decimal128(38, 0)
    assert schema.field("year").type == pa.int32()
    assert schema.field("approximate").type == pa.bool_()
    assert schema.field("industry").type == pa.string()
    assert table.column("value").to_pylist() == [
        Decimal("3000000000000"),
        Decimal("2000000000000"),
        Decimal("800000000000"),
        Decimal("491200000000"),
        None,
    ]
    assert table.to_pylist() == _xiamen_rows()


def test_arrow_scale_fits_the_longest_fraction() -> None:
    table = ip.to_arrow(_units_plan())
    assert table.schema.field("value").type == pa.decimal128(38, 4)
    assert table.column("value").to_pylist() == [
        Decimal("2.5"),
        Decimal(1500000),
        Decimal(12000),
        Decimal("0.0001"),
    ]


def test_decimal_types_for_long_values() -> None:
    assert _decimal_type(pa, []) == pa.decimal128(38, 0)
    assert _decimal_type(pa, [Decimal("1e37"), Decimal("0.5")]) == pa.decimal256(76, 1)
    assert _decimal_type(pa, [Decimal("-123.25")]) == pa.decimal128(38, 2)
    with pytest.raises(ValueError, match="need 81 digits"):
        _decimal_type(pa, [Decimal("1e79"), Decimal("0.1")])


# -- pandas ----------------------------------------------------------------------------


def test_xiamen_pandas_frame_is_exact() -> None:
    frame = ip.to_pandas(ip.examples.xiamen())
    assert list(frame.columns) == list(COLUMNS)
    assert isinstance(frame["value"].dtype, pd.ArrowDtype)
    assert frame["value"].dtype.pyarrow_dtype == pa.decimal128(38, 0)
    assert str(frame["year"].dtype) == "int32[pyarrow]"
    observed = frame.loc[frame["kind"] == "observation", "value"]
    assert observed.sum() == Decimal("2491200000000")
    assert frame["value"].iloc[3] == Decimal("491200000000")
    assert frame["value"].isna().tolist() == [False, False, False, False, True]
    assert frame["industry"].isna().all()
    assert frame["statement"].iloc[4] == "significant progress"


def test_pandas_frame_with_fractions_sums_exactly() -> None:
    frame = ip.to_pandas(_units_plan())
    capacity = frame.loc[frame["metric"] == "installed_capacity", "value"]
    assert capacity.sum() == Decimal("2.5001")


# -- every system ----------------------------------------------------------------------


def _nulls_as_none(values: list[Any]) -> list[Any]:
    return [None if value is pd.NA else value for value in values]


@settings(max_examples=60)
@given(systems())
def test_rows_round_trip_exactly_through_arrow_and_pandas(
    system: ip.IndustrialSystem,
) -> None:
    rows = ip.long_records(system)
    targets = list(system.targets())
    observations = list(system.observations())
    assert len(rows) == len(targets) + len(observations)
    assert sum(r["kind"] == "target" for r in rows) == len(targets)
    values = [row["value"] for row in rows]

    table = ip.to_arrow(system)
    assert table.num_rows == len(rows)
    assert table.column("value").to_pylist() == values
    assert table.to_pylist() == rows

    frame = ip.to_pandas(system)
    assert len(frame) == len(rows)
    assert _nulls_as_none(frame["value"].tolist()) == values
    assert _nulls_as_none(frame["year"].tolist()) == [row["year"] for row in rows]
    assert _nulls_as_none(frame["qualifier"].tolist()) == [
        row["qualifier"] for row in rows
    ]
    # Each value is exactly the stated figure, in base units.
    stated = [t.figure for _, t in targets] + [o.figure for _, o in observations]
    in_base = sorted(
        (ip.in_base_units(f.quantity).magnitude for f in stated if f is not None),
    )
    assert sorted(v for v in values if v is not None) == in_base


# -- IAMC ------------------------------------------------------------------------------


def test_xiamen_iamc_layout() -> None:
    frame = ip.to_iamc(ip.examples.xiamen())
    assert list(frame.columns) == [
        "model",
        "scenario",
        "region",
        "variable",
        "unit",
        2022,
        2027,
    ]
    assert frame["model"].unique().tolist() == [
        'Xiamen "4+4+6" modern industrial system'
    ]
    assert frame["region"].unique().tolist() == ["Xiamen"]
    assert frame["unit"].unique().tolist() == ["CNY"]
    target = frame[
        (frame["scenario"] == "target")
        & (frame["variable"] == "total_scale|strategic_emerging")
    ]
    assert target[2027].tolist() == [8e11]
    assert pd.isna(target[2022]).all()
    # The qualitative target has no number, so no row.
    assert len(frame) == 4


def test_iamc_industry_variables_and_last_observation_of_a_year() -> None:
    plan = _units_plan()
    late = Observation(
        "installed_capacity",
        2024,
        Figure(ip.amount(3, "GW")),
        date=dt.date(2024, 12, 31),
    )
    frame = ip.to_iamc(plan.with_observation("solar", late))
    variables = frame["variable"].tolist()
    assert "installed_capacity|energy|solar" in variables
    observed = frame[
        (frame["scenario"] == "observed")
        & (frame["variable"] == "installed_capacity|energy|solar")
    ]
    assert observed[2024].tolist() == [3.0]


# -- without the extra -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("missing", "call"),
    [
        ("pyarrow", ip.to_arrow),
        ("pyarrow", ip.to_pandas),
        ("pandas", ip.to_pandas),
        ("pandas", ip.to_iamc),
    ],
)
def test_missing_extra_names_it(
    monkeypatch: pytest.MonkeyPatch, missing: str, call: Any
) -> None:
    monkeypatch.setitem(sys.modules, missing, None)
    with pytest.raises(
        ip.MissingExtraError, match=r"install industrial-plan\[export\]"
    ):
        call(ip.examples.xiamen())
    with pytest.raises(ImportError, match=missing):
        call(ip.examples.xiamen())


def test_rows_need_no_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    assert len(ip.long_records(ip.examples.xiamen())) == 5
