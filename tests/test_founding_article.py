"""The founding article's money figures (chinadaily.com.cn, 30 January 2023)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import industrial_plan as ip

ARTICLE_DAY = dt.date(2023, 1, 30)
PILLARS_2027 = ip.amount("3", "trillion yuan")
ARTICLE_USD_BILLIONS = Decimal("442.2")


def _billions(quantity: ip.Quantity) -> Decimal:
    return quantity.magnitude / 10**9


def test_pillar_target_at_the_articles_rate() -> None:
    rate = ip.Rate("USD", "CNY", "6.7843", source="implied by the article")
    usd = ip.convert(PILLARS_2027, "USD", rate=rate).quantity
    assert round(_billions(usd), 1) == ARTICLE_USD_BILLIONS


def test_pillar_target_at_the_ecb_rate_of_the_day() -> None:
    result = ip.convert(PILLARS_2027, "USD", on=ARTICLE_DAY)
    assert result.rate.effective == ARTICLE_DAY
    assert round(result.rate.inverse().value, 4) == Decimal("6.7505")
    relative = (
        abs(_billions(result.quantity) - ARTICLE_USD_BILLIONS) / ARTICLE_USD_BILLIONS
    )
    assert relative < Decimal("0.01")


def test_emerging_industries_2022_is_exact() -> None:
    stated = ip.amount("491.2", "billion yuan")
    assert ip.in_base_units(stated).magnitude == 491_200_000_000
    parts_sum = ip.total([stated, ip.amount("308.8", "billion yuan")], "billion CNY")
    assert parts_sum == ip.amount(800, "billion CNY")
