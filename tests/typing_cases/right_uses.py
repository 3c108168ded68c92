"""Right uses that ``mypy --strict`` must accept without a cast.

``tests/test_typing.py`` runs mypy on this file and expects no error.  Never
imported.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import industrial_plan as ip

figure = ip.parse_figure("3 trillion yuan")
money: ip.Figure = ip.Figure(ip.amount(800, "billion CNY"), ip.Qualifier.AT_LEAST)
target = ip.Target("total_scale", 2027, figure, direction="higher")
observation = ip.Observation("total_scale", 2022, figure, date=dt.date(2022, 12, 31))
tier = ip.Tier(
    "pillars",
    {"en": "pillar clusters", "zh": "支柱产业集群"},
    "pillar industrial cluster",
    targets=[target],
    observations=(observation,),
    industries=[ip.Industry("biomedicine", "Biomedicine", targets=[target])],
)
system = ip.IndustrialSystem(
    "Xiamen",
    "Xiamen",
    2022,
    2027,
    tiers=[tier],
    metrics=[ip.Metric("output", "output", "money", direction=ip.Direction.LOWER)],
)
system = system.update("pillars", observations=[observation], name="pillars")
value: Decimal = figure.quantity.magnitude
assessment = ip.assess(system, as_of=2024, strict=True)
status: ip.Status = assessment.results[0].status
found: ip.Assessment = assessment.find("pillars", "total_scale", 2027)
frame = ip.to_pandas(system)
columns: list[str] = list(frame.columns)
record: dict[str, object] = ip.to_dict(system, json_ready=True)
