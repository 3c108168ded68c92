"""Reading documents: find_figures over 1 MB of report text, and over hostile text.

The document is mixed Chinese and English report text written from templates
here (plans' targets, bulletins' results, periods, lists, sentences without
figures), with numbers, years and indicators drawn at random so that few
figures repeat.  The floor is one pass of a compiled regular expression over
the digit runs of the same text (``re.findall(r"[0-9]+", text)``): the least
any reader of numbers does.  Goal (issue 20): within 30x of the floor.

Hostile texts of 1 MB (a run of digits, 增长 repeated, unbalanced brackets,
control characters, mixed scripts, figures packed tight) must each be read in
at most 3 s; their times are printed beside the floor.  Run with::

    python -m pytest benchmarks/test_find_figures.py -p no:cacheprovider \
        --benchmark-only -s
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable

import pytest

from industrial_plan import find_figures

MEGABYTE = 1_000_000
RUNS = 5
GOAL = 30.0
"""find_figures within this many times the floor on the report text."""
HOSTILE_SECONDS = 3.0

_ZH_SUBJECTS = (
    "地区生产总值",
    "规模以上工业增加值",
    "固定资产投资",
    "社会消费品零售总额",
    "数字经济核心产业增加值",
    "战略性新兴产业产值",
    "外贸进出口总额",
    "一般公共预算收入",
    "研发经费投入",
    "新能源汽车产量",
)
_EN_SUBJECTS = (
    "GDP",
    "industrial value added",
    "fixed-asset investment",
    "retail sales",
    "the output of strategic emerging industries",
    "foreign trade",
    "general public budget revenue",
    "R&D spending",
    "exports",
    "the digital economy",
)


def _number(rng: random.Random, top: int = 9000) -> str:
    return f"{rng.uniform(1, top):.{rng.choice((0, 1, 2))}f}"


def _sentence(rng: random.Random) -> str:
    y, t = rng.randint(2015, 2024), rng.randint(2025, 2035)
    zh, en = rng.choice(_ZH_SUBJECTS), rng.choice(_EN_SUBJECTS)
    pct, pp = _number(rng, 15), _number(rng, 3)
    n, big = rng.randint(2, 900), _number(rng)
    templates = (
        f"{y}年，全市{zh}{big}亿元，比上年增长{pct}%。",
        f"到{t}年，{zh}力争达到{big}亿元，年均增长{pct}%以上。",
        f"{y}年前三季度，{zh}同比增长{pct}%，增速比上年同期提高{pp}个百分点。",
        f"{zh}占地区生产总值比重达到{pct}%，每万人口发明专利拥有量达到{n}件。",
        f"新增国家级专精特新企业{n}家，累计达到{n * 3}家。",
        f"进口和出口分别增长{pct}%和{pp}%。",
        "坚持创新驱动发展，推进产业链现代化建设。",
        f"{y}年3月15日，市政府召开第{n}次常务会议。",
        f"In {y}, {en} grew {pct} percent to {big} billion yuan.",
        f"By {t}, {en} will exceed {big} billion yuan, with average annual growth "
        f"of {pct}%.",
        f"{en.capitalize()} rose {pct} percent year on year in the first three "
        f"quarters of {y}.",
        f"The number of new urban jobs reached {n * 1000:,}, an increase of "
        f"{n * 10:,} people.",
        "The city will deepen reform and opening up.",
    )
    return rng.choice(templates)


def report_text(size: int = MEGABYTE, seed: int = 20) -> str:
    """About *size* characters of mixed Chinese and English report text."""
    rng = random.Random(seed)
    parts: list[str] = []
    length = 0
    while length < size:
        sentence = _sentence(rng)
        parts.append(sentence)
        length += len(sentence) + 1
        if rng.random() < 0.2:
            parts.append("\n")
    return " ".join(parts)[:size]


def _hostile() -> dict[str, str]:
    rng = random.Random(7)
    soup = "增长5%亿元 of the 1,2.3:4年月 billion yuan (约$) 超过 分别和、"
    return {
        "a run of digits": "7" * MEGABYTE,
        "增长 repeated": "增长" * (MEGABYTE // 2),
        "unbalanced brackets": "(（5亿元（$" * (MEGABYTE // 7),
        "control characters": "".join(chr(rng.randrange(32)) for _ in range(MEGABYTE)),
        "mixed scripts": "".join(rng.choice(soup) for _ in range(MEGABYTE)),
        "figures packed tight": "增长5%，" * (MEGABYTE // 6),
    }


def _best(work: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


@pytest.mark.benchmark(group="find_figures")
def test_find_figures_in_a_megabyte_of_report_text(benchmark: object) -> None:
    text = report_text()
    digits = re.compile(r"[0-9]+")
    find_figures(text[:20000])  # the word tables are built on first use
    floor = _best(lambda: digits.findall(text))
    found = find_figures(text)
    seconds = _best(lambda: find_figures(text))
    ratio = seconds / floor
    print(
        f"\n1 MB of report text: {len(found):,} figures in {seconds:.3f} s; "
        f"floor (one regex pass over digit runs) {floor * 1000:.1f} ms; "
        f"ratio {ratio:.1f}x (goal {GOAL:.0f}x)"
    )
    benchmark.extra_info.update(  # type: ignore[attr-defined]
        seconds=seconds, floor=floor, ratio=ratio, figures=len(found)
    )
    benchmark.pedantic(lambda: None, rounds=1)  # type: ignore[attr-defined]
    assert ratio <= GOAL


@pytest.mark.benchmark(group="find_figures")
@pytest.mark.parametrize("name", sorted(_hostile()))
def test_hostile_text_is_read_in_bounded_time(benchmark: object, name: str) -> None:
    text = _hostile()[name]
    digits = re.compile(r"[0-9]+")
    find_figures("增长5%")
    floor = _best(lambda: digits.findall(text))
    start = time.perf_counter()
    found = find_figures(text)
    seconds = time.perf_counter() - start
    print(
        f"\n{name}: {len(text):,} characters, {len(found):,} figures in "
        f"{seconds:.2f} s (floor {floor * 1000:.1f} ms, {seconds / floor:.0f}x)"
    )
    benchmark.extra_info.update(seconds=seconds, figures=len(found))  # type: ignore[attr-defined]
    benchmark.pedantic(lambda: None, rounds=1)  # type: ignore[attr-defined]
    assert seconds <= HOSTILE_SECONDS
