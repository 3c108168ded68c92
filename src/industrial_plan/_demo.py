"""The figures of the founding example, converted to US dollars.

This is the package's main job until the progress report lands: it shows the
money layer at work on the Xiamen "4+4+6" figures.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from babel.numbers import format_compact_currency

from ._rates import Rate, convert
from ._units import Quantity, amount, currency_of

# Source of every figure below.
SOURCE = "Xiamen promotes modern industrial system construction, chinadaily.com.cn"
SOURCE_DATE = dt.date(2023, 1, 30)

# (what, qualifier, quantity): the qualifier is the article's own phrase.
FIGURES: tuple[tuple[str, str, Quantity], ...] = (
    ("4 pillar clusters, target 2027", "", amount("3", "trillion yuan")),
    ("4 pillar clusters, 2022", "exceeded", amount("2", "trillion yuan")),
    ("4 strategic emerging industries, target 2027", "", amount("800", "billion yuan")),
    (
        "4 strategic emerging industries, 2022",
        "reached",
        amount("491.2", "billion yuan"),
    ),
)

# The article states "3 trillion yuan ($442.2 billion)"; the rate that pair
# implies, rounded to the precision of the dollar figure.
ARTICLE_RATE = Rate("USD", "CNY", Decimal("6.7843"), source="implied by the article")


def _compact(quantity: Quantity) -> str:
    code = currency_of(quantity)
    assert code is not None
    value = quantity.to(code).magnitude
    return str(format_compact_currency(value, code, locale="en", fraction_digits=1))


def lines() -> list[str]:
    """The report, one string per line."""
    ecb = convert(amount(1, "USD"), "CNY", on=SOURCE_DATE).rate
    rows = [("figure", "yuan", "USD (article rate)", "USD (ECB rate)")]
    for what, qualifier, quantity in FIGURES:
        article = convert(quantity, "USD", rate=ARTICLE_RATE).quantity
        reference = convert(quantity, "USD", rate=ecb).quantity
        prefix = f"{qualifier} " if qualifier else ""
        rows.append(
            (
                what,
                prefix + _compact(quantity),
                prefix + _compact(article),
                prefix + _compact(reference),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    out = [f'Xiamen "4+4+6" modern industrial system (source: {SOURCE}, {SOURCE_DATE})']
    out.append("")
    out.extend(
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    )
    out.append("")
    out.append(f"article rate: {ARTICLE_RATE}")
    out.append(f"ECB rate:     {ecb}")
    return out


def main() -> int:
    print("\n".join(lines()))
    return 0
