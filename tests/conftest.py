import os
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

import industrial_plan as ip

# CI machines are small and shared: no deadline flakiness, a fixed budget.
settings.register_profile(
    "default", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "ci", parent=settings.get_profile("default"), max_examples=200, derandomize=True
)
# For developers hunting rare cases: HYPOTHESIS_PROFILE=stress python -m pytest
settings.register_profile(
    "stress", parent=settings.get_profile("default"), max_examples=2000
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(scope="session")
def review_plan() -> Callable[[int], Any]:
    """A plan of one-year rates with *count* indicators (15 or 60)."""
    return plan


# -- plans of one-year rates for the review chart and the HTML report: 15 or 60
# indicators (growth rates, caps, shares, levels), with our own numbers ---------------

_HEAD = """format = "industrial-plan/2"
name = {{ en = "Testland annual plan {year}", zh = "测试市{year}年计划" }}
region = {{ en = "Testland", zh = "测试市" }}
start_year = {start}
end_year = {year}
"""

# (metric en, metric zh, metric kind, target kind, target, actual, binding)
_ROWS = [
    (
        "regional GDP",
        "地区生产总值",
        "money",
        "growth rate",
        "growth of about 5.5%",
        "growth of 5.8%",
        False,
    ),
    (
        "industrial value added",
        "规模以上工业增加值",
        "money",
        "growth rate",
        "growth of about 7%",
        "growth of 4.1%",
        False,
    ),
    (
        "fixed-asset investment",
        "固定资产投资",
        "money",
        "growth rate",
        "growth of 6%",
        "growth of -2.3%",
        False,
    ),
    (
        "retail sales of consumer goods",
        "社会消费品零售总额",
        "money",
        "growth rate",
        "growth of about 6%",
        "growth of 6.0%",
        False,
    ),
    ("consumer prices", "居民消费价格", "percent", "cap", "around 3%", "0.4%", True),
    (
        "surveyed urban unemployment",
        "城镇调查失业率",
        "percent",
        "cap",
        "at most 5.5%",
        "5.8%",
        True,
    ),
    ("R&D intensity", "研发经费投入强度", "percent", "share", "3.2%", "3.05%", False),
    (
        "digital economy share of GDP",
        "数字经济核心产业增加值占比",
        "percent",
        "share",
        "more than 12%",
        "12.6%",
        False,
    ),
    (
        "per-capita disposable income",
        "居民人均可支配收入",
        "money",
        "growth rate",
        "growth of about 5.5%",
        "growth of 5.1%",
        False,
    ),
    (
        "energy use per unit of GDP",
        "单位地区生产总值能耗",
        "percent",
        "cap",
        "at most 2%",
        "1.1%",
        True,
    ),
    (
        "foreign trade",
        "外贸进出口",
        "money",
        "growth rate",
        "growth of about 3%",
        "growth of 8.9%",
        False,
    ),
    (
        "high-tech enterprises",
        "高新技术企业",
        "count",
        "count",
        "more than 5,000",
        "4,620",
        False,
    ),
    ("new urban jobs", "城镇新增就业", "count", "count", "120,000", "131,000", False),
    (
        "general public budget revenue",
        "一般公共预算收入",
        "money",
        "level",
        "80 billion yuan",
        "76.3 billion yuan",
        False,
    ),
    ("forest coverage", "森林覆盖率", "percent", "share", "at least 43%", None, True),
]


def plan_text(count: int = 15, year: int = 2024) -> str:
    """A plan of *count* indicators for *year*, with two qualitative aims."""
    parts = [_HEAD.format(year=year, start=year - 1)]
    tiers: dict[int, list[str]] = {}
    for k in range(count):
        en, zh, kind, target_kind, target, actual, binding = _ROWS[k % len(_ROWS)]
        copy = k // len(_ROWS)
        metric = f"m{k}"
        suffix_en = f" (district {copy})" if copy else ""
        suffix_zh = f"（{copy}区）" if copy else ""
        parts.append(
            f'[[metrics]]\nid = "{metric}"\n'
            f'name = {{ en = "{en}{suffix_en}", zh = "{zh}{suffix_zh}" }}\n'
            f'kind = "{kind}"\n'
        )
        lines = [
            f'[[tiers.targets]]\nmetric = "{metric}"\nyear = {year}\n'
            f'kind = "{target_kind}"\nfigure = "{target}"\n'
            f'indicator_type = "{"binding" if binding else "anticipatory"}"\n'
        ]
        if actual is not None:
            lines.append(
                f'[[tiers.observations]]\nmetric = "{metric}"\nyear = {year}\n'
                f'figure = "{actual}"\n'
            )
        tiers.setdefault(k % 2, []).extend(lines)
    names = [("economy", "economy", "经济运行"), ("society", "society", "社会民生")]
    for index, (tier_id, en, zh) in enumerate(names):
        parts.append(
            f'[[tiers]]\nid = "{tier_id}"\nname = {{ en = "{en}", zh = "{zh}" }}\n'
            f'kind = "sector"\n'
        )
        parts.extend(tiers.get(index, []))
        parts.append(
            f'[[tiers.targets]]\nmetric = "development"\nyear = {year}\n'
            'kind = "qualitative aim"\n'
            f'statement = "the {en} grows steadier and greener, and its reform '
            'deepens in every district"\n'
        )
    return "\n".join(parts)


def plan(count: int = 15) -> ip.IndustrialSystem:
    return ip.loads(plan_text(count), "toml")
