"""Likely mistakes that ``mypy --strict`` must reject, one per marked line.

``tests/test_typing.py`` runs mypy on this file and checks that it reports an
error on every line whose comment starts with "wrong" and on no other
line.  Never imported.
"""

from __future__ import annotations

import industrial_plan as ip

figure = ip.parse_figure("3 trillion yuan")
target = ip.Target("total_scale", 2027, figure)
observation = ip.Observation("total_scale", 2022, figure)

ip.Tier("pillars", "pillars", "cluster", observations=[target])  # wrong: a Target
ip.Tier("pillars", "pillars", "cluster", targets=[observation])  # wrong: an Observation
ip.IndustrialSystem("Xiamen", "Xiamen", 2022, 2027, tiers=[observation])  # wrong
ip.Industry("biomedicine", "Biomedicine", targets=["3 trillion yuan"])  # wrong: text
ip.Target("total_scale", 2030, "120 billion yuan")  # wrong: text, not a Figure
ip.Observation("total_scale", 2022, 120)  # wrong: a number, not a Figure
ip.Figure("120 billion yuan")  # wrong: text, not a quantity
ip.Metric("output", "output", "money", direction="sideways")  # wrong: no such direction
ip.Target("total_scale", 2027, figure, direction="up")  # wrong: no such direction
ip.Target("total_scale", "2027", figure)  # wrong: a year as text
plan = ip.IndustrialSystem("Xiamen", "Xiamen", 2022, 2027)
plan.update("green", colour="red")  # wrong: no such field
plan.update("green", targets=[observation])  # wrong: an Observation
ip.to_pandas(ip.examples.xiamen()).no_such_method()  # wrong: not a DataFrame method
magnitude: str = figure.quantity.magnitude  # wrong: a Decimal, not text
ip.assess(ip.examples.xiamen(), as_of="2024")  # wrong: a year as text
ip.assess(plan).find("pillar_clusters", year="2027")  # wrong: a year as text
ip.asses(plan)  # wrong: no such function (a deferred name is no wildcard)
