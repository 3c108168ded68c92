"""Plans in: targets and observations from long-format rows, CSV and data frames."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import industrial_plan as ip
from industrial_plan._files.rows_out import COLUMNS
from industrial_plan.testing import systems


def _bare(system: ip.IndustrialSystem) -> ip.IndustrialSystem:
    """The system's tiers and industries, without targets or observations."""

    def empty(owner: Any) -> Any:
        return attrs.evolve(owner, targets=(), observations=())

    tiers = tuple(
        attrs.evolve(empty(t), industries=tuple(empty(i) for i in t.industries))
        for t in system.tiers
    )
    return attrs.evolve(system, regional=empty(system.regional), tiers=tiers)


def _without_sources(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    # A citation is exported as text and not read back.
    return [{k: v for k, v in row.items() if k != "source"} for row in rows]


def _csv_text(rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


@given(systems(max_tiers=3, max_industries=3))
@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
def test_issue_13_export_then_import_round_trips(system: ip.IndustrialSystem) -> None:
    rows = ip.long_records(system)
    back = ip.add_rows(_bare(system), rows)
    assert _without_sources(ip.long_records(back)) == _without_sources(rows)
    # The observations themselves, owner by owner, citations aside.
    for owner in (
        system.regional,
        *(o for t in system.tiers for o in (t, *t.industries)),
    ):
        again = back.owner(owner.id)
        assert [
            (o.metric, o.year, o.figure.quantity, o.figure.qualifier)
            for o in again.observations
        ] == [
            (o.metric, o.year, o.figure.quantity, o.figure.qualifier)
            for o in owner.observations
        ]


@given(systems(max_tiers=2, max_industries=2))
@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None, max_examples=30)
def test_issue_13_a_csv_file_round_trips(system: ip.IndustrialSystem) -> None:
    rows = ip.long_records(system)
    text = _csv_text(rows)
    read = list(csv.DictReader(io.StringIO(text)))
    back = ip.add_rows(_bare(system), read)
    assert _without_sources(ip.long_records(back)) == _without_sources(rows)


def test_issue_13_a_data_frame_round_trips(tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    for system in (ip.examples.xiamen(), ip.examples.xiamen_sei()):
        frame = ip.to_pandas(system)
        back = ip.from_frame(_bare(system), frame)
        expected = _without_sources(ip.long_records(system))
        assert _without_sources(ip.long_records(back)) == expected
        path = tmp_path / "plan.csv"
        frame.to_csv(path, index=False)
        from_file = ip.read_rows_csv(_bare(system), path)
        assert _without_sources(ip.long_records(from_file)) == expected


def test_issue_13_rows_add_observations_to_a_plan() -> None:
    plan = ip.examples.xiamen()
    rows = [
        {
            "tier": "strategic_emerging",
            "kind": "observation",
            "metric": "total_scale",
            "year": "2023",
            "unit": "CNY",
            "value": "560000000000",
            "qualifier": "more than",
        }
    ]
    more = ip.add_rows(plan, rows)
    latest = more.tier("strategic_emerging").observations[-1]
    assert latest.figure == ip.parse_figure("more than 560 billion yuan")
    assessed = {a.owner.id: a for a in ip.assess(more)}
    assert assessed["strategic_emerging"].latest.year == 2023  # type: ignore[union-attr]


def test_issue_13_every_bad_row_is_named() -> None:
    rows = [
        {
            "tier": "nowhere",
            "kind": "observation",
            "metric": "m",
            "year": "2023",
            "unit": "CNY",
            "value": "1",
        },
        {
            "tier": "future",
            "kind": "estimate",
            "metric": "m",
            "year": "20x4",
            "unit": "CNY",
            "value": "1",
        },
        {
            "tier": "future",
            "kind": "observation",
            "metric": "m",
            "year": "2024",
            "unit": "XYZ",
            "value": "lots",
        },
    ]
    with pytest.raises(ip.PlanValidationError) as caught:
        ip.add_rows(ip.examples.xiamen(), rows, where="plan.csv")
    message = str(caught.value)
    assert message.startswith("plan.csv: ")
    assert "row 1: tier: no tier 'nowhere' in the plan" in message
    assert "row 2: kind: 'estimate' is neither 'target' nor 'observation'" in message
    assert "row 2: year: '20x4' is not a whole number" in message
    assert "row 3: value: 'lots' is not a finite number" in message


def test_issue_13_rows_build_tiers_and_industries_when_asked() -> None:
    plan = ip.examples.xiamen()
    row = {
        "tier": "marine",
        "industry": "ports",
        "kind": "target",
        "metric": "total_scale",
        "year": 2030,
        "unit": "CNY",
        "value": "1e11",
    }
    with pytest.raises(ip.PlanValidationError, match="no industry 'ports'"):
        ip.add_rows(plan, [row])
    built = ip.add_rows(plan, [row], create=True)
    assert built.tier_of("ports").id == "marine"
    assert built.industry("ports").targets[0].figure == ip.parse_figure(
        "100 billion yuan"
    )
