"""Figures in documents: find_figures and its rules, in both languages (issue 20).

Every sentence here is written for these tests in the style of plans,
statistical bulletins and news reports; none is copied from a source.  Each
rule of the reference page "Figures in documents" has a named test in each
language; the property tests build sentences from generated figures.
"""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

import industrial_plan as ip
from industrial_plan import FoundFigure, Period, Role, find_figures


def found(text: str, **kwargs: str | None) -> list[FoundFigure]:
    """find_figures, with the invariants every result keeps checked."""
    result = find_figures(text, **kwargs)  # type: ignore[arg-type]
    last = 0
    for item in result:
        assert last <= item.start < item.end <= len(text)
        last = item.end
        own = ip.parse_figure(text[item.start : item.end])
        if own.change is None and item.figure.change is not None:
            # A later figure of a list takes the change stated before the first.
            own = attrs.evolve(own, change=item.figure.change)
        assert item.figure == own, (text[item.start : item.end], item.figure, own)
        assert item.line == text.count("\n", 0, item.start) + 1
    return result


def words(text: str) -> list[str]:
    return [text[f.start : f.end] for f in found(text)]


def one(text: str) -> FoundFigure:
    result = found(text)
    assert len(result) == 1, [text[f.start : f.end] for f in result]
    return result[0]


def magnitude(item: FoundFigure) -> Decimal:
    value = item.figure.quantity.magnitude
    assert isinstance(value, Decimal)
    return value


# -- the indicator's words, then the figure -----------------------------------


def test_chinese_indicator_words_then_the_figure() -> None:
    share = one("第二产业增加值占地区生产总值比重达到41.9%。")
    assert share.subject == "第二产业增加值"
    assert share.figure.share_of == "地区生产总值"
    assert magnitude(share) == Decimal("41.9")
    energy = one("单位地区生产总值能耗降低14%。")
    assert energy.subject == "单位地区生产总值能耗"
    assert energy.figure.change is ip.Change.REDUCTION


def test_english_indicator_words_then_the_figure() -> None:
    item = one("Industrial investment grew 8.1 percent.")
    assert item.subject == "Industrial investment"
    assert item.figure.change is ip.Change.GROWTH
    assert magnitude(item) == Decimal("8.1")


# -- pairs: from A to B --------------------------------------------------------


def test_chinese_pair_gives_two_observations_with_their_years() -> None:
    first, second = found("研发经费投入强度从2019年的2.1%提升至2023年的2.6%。")
    assert (first.subject, first.year, magnitude(first)) == (
        "研发经费投入强度",
        2019,
        Decimal("2.1"),
    )
    assert (second.subject, second.year, second.base_year) == (
        "研发经费投入强度",
        2023,
        2019,
    )
    assert magnitude(second) == Decimal("2.6")
    assert second.figure.change is None  # a level reached, not a growth


def test_english_pair_gives_two_observations_with_their_years() -> None:
    first, second = found("R&D intensity rose from 2.1% in 2019 to 2.6% in 2023.")
    assert (first.subject, first.year) == ("R&D intensity", 2019)
    assert (second.subject, second.year, second.base_year) == (
        "R&D intensity",
        2023,
        2019,
    )


# -- lists: 分别 and respectively --------------------------------------------------


def test_chinese_list_with_fenbie_shares_its_change_and_splits_its_subject() -> None:
    exports, imports = found("2023年，出口和进口分别增长5.5%和7.1%。")
    assert (exports.subject, imports.subject) == ("出口", "进口")
    assert exports.figure.change is imports.figure.change is ip.Change.GROWTH
    assert (magnitude(exports), magnitude(imports)) == (Decimal("5.5"), Decimal("7.1"))
    assert exports.year == imports.year == 2023


def test_english_list_with_respectively() -> None:
    exports, imports = found("Exports and imports grew by 5.5% and 7.1%, respectively.")
    assert (exports.subject, imports.subject) == ("Exports", "imports")
    assert imports.figure.change is ip.Change.GROWTH


def test_a_list_whose_subject_does_not_split_keeps_it_whole() -> None:
    first, second = found("出口分别增长5.5%和7.1%。")
    assert first.subject == second.subject == "出口"


# -- number words, times, changes -------------------------------------------------


def test_chinese_number_words() -> None:
    item = one("2023年，软件业务收入破百亿。")
    assert item.figure.qualifier is ip.Qualifier.MORE_THAN
    assert item.figure.quantity == ip.amount(100, "亿")
    assert one("跨境电商交易额超千亿元。").figure.quantity == ip.amount(1000, "亿 CNY")


def test_english_number_words() -> None:
    item = one("Retail sales topped a trillion yuan.")
    assert item.figure.quantity == ip.amount(1, "trillion CNY")
    assert item.figure.qualifier is ip.Qualifier.MORE_THAN


def test_times_are_growth_as_chinese_statistics_count_them() -> None:
    assert magnitude(one("新能源汽车产量增长1倍。")) == 100
    assert magnitude(one("新能源汽车产量增长2倍。")) == 200
    assert magnitude(one("集成电路产值翻两番。")) == 300
    assert magnitude(one("Output of lithium batteries doubled.")) == 100


def test_negative_changes_in_both_languages() -> None:
    for text in ("工业投资下降3.1%。", "Industrial investment was down 3.1 percent."):
        item = one(text)
        assert item.figure.change is ip.Change.REDUCTION
        assert magnitude(item) == Decimal("3.1")


def test_percentage_points_in_both_languages() -> None:
    chinese = one("数字经济核心产业增加值占比提高1.2个百分点。")
    english = one("The urbanization rate was up 1.2 percentage points.")
    for item in (chinese, english):
        assert item.figure.quantity == ip.amount(Decimal("1.2"), "percentage_point")
        assert item.figure.change is ip.Change.INCREMENT


def test_per_ten_thousand_people() -> None:
    item = one("到2025年，每万人口高价值发明专利拥有量达到30件。")
    assert item.figure.per == 10000
    assert item.subject == "高价值发明专利拥有量"
    english = one("The city had 28 invention patents per 10,000 people in 2023.")
    assert english.figure.per == 10000
    assert english.year == 2023


def test_a_figure_and_its_equivalent_in_another_currency() -> None:
    item = one("In 2023, exports reached about 80.4 billion yuan ($11.2 billion).")
    assert item.figure.stated_equivalent == ip.amount(Decimal("11.2"), "billion USD")
    chinese = one("2023年，实际使用外资约50亿元（约合7亿美元）。")
    assert chinese.figure.stated_equivalent == ip.amount(7, "亿 USD")


def test_increments_of_counts() -> None:
    item = one("an increase of 12,300 people.")
    assert item.figure.change is ip.Change.INCREMENT
    new, more = found(
        "The number of new urban jobs reached 150,000, an increase of 12,300 people."
    )
    assert new.subject == more.subject == "number of new urban jobs"
    lab = one("2023年，新增国家重点实验室2家。")
    assert lab.figure.change is ip.Change.INCREMENT
    assert lab.subject == "国家重点实验室"


def test_thousands_separators_and_full_width_text() -> None:
    assert magnitude(one("Output reached 1,234,567 tonnes.")) == 1234567
    item = one("２０２３年，全市研发投入强度达到３．５％。")
    assert magnitude(item) == Decimal("3.5")
    assert item.year is None or item.year == 2023


def test_a_ratio_is_found_term_by_term_and_not_read_as_a_time() -> None:
    terms = found("三次产业结构调整为0.5:43:56.5。")
    assert [t.ratio for t in terms] == [(1, 3), (2, 3), (3, 3)]
    assert [magnitude(t) for t in terms] == [Decimal("0.5"), 43, Decimal("56.5")]
    assert {t.subject for t in terms} == {"三次产业结构调整"}
    assert found("The meeting opened at 10:30 and closed at 16:45:00.") == []
    assert [t.ratio for t in found("The ratio of the three sectors was 1:10.")] == [
        (1, 2),
        (2, 2),
    ]


# -- numbers that are not figures -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2024年3月15日，会议在厦门召开。",
        "The plan was published on March 3, 2024.",
        "打造5大产业集群，编制十四五规划。",
        "第3名；1. 总体要求；（1）工作目标。",
        "咨询电话：0592-1234567，手机13800138000。",
        "推进5G基站建设，应对COVID-19疫情，举办第14届会议。",
        "The 14th Five-Year Plan covers 2021-2025.",
        "构建4+4+6现代化产业体系。",
        "千家万户，一批企业，千亿级产业集群。",
        "Call before 5 p.m.",
    ],
)
def test_numbers_that_are_not_figures(text: str) -> None:
    assert words(text) == []


# -- years --------------------------------------------------------------------------


def test_a_target_year_is_carried_through_the_sentence_and_its_list() -> None:
    gdp, share, patents = found(
        "到2025年，地区生产总值达到1万亿元，数字经济增加值占比达到50%，"
        "每万人口发明专利拥有量达到40件。"
    )
    assert gdp.year == share.year == patents.year == 2025
    assert gdp.role is share.role is patents.role is Role.TARGET


def test_english_target_year_after_the_figure() -> None:
    item = one(
        "The output of the four pillar clusters will exceed 3 trillion yuan by 2027."
    )
    assert (item.year, item.role) == (2027, Role.TARGET)
    assert item.subject == "output of the four pillar clusters"


def test_the_reported_year_is_carried_to_words_that_mean_it() -> None:
    text = (
        "Statistical bulletin of 2023.\n"
        "Throughout the year, industrial investment rose 8.1%.\n"
        "全年规模以上工业增加值比上年增长6.2%。"
    )
    investment, industry = found(text)
    assert investment.year == industry.year == 2023
    assert industry.base_year == 2022
    assert (investment.line, industry.line) == (2, 3)


def test_no_year_is_guessed() -> None:
    item = one("Industrial investment rose 8.1%.")
    assert (item.year, item.base_year, item.period) == (None, None, None)
    assert one("工业投资增长8.1%。").year is None


def test_a_range_gives_its_last_year_and_the_base_before_its_first() -> None:
    item = one("2021-2025年，地区生产总值年均增长7%左右。")
    assert (item.year, item.base_year) == (2025, 2020)
    assert item.figure.change is ip.Change.AVERAGE_GROWTH


def test_a_stated_base_year_and_year_on_year() -> None:
    item = one("到2025年，单位地区生产总值能耗比2020年下降14%。")
    assert (item.year, item.base_year) == (2025, 2020)
    english = one("In 2023, exports grew 4.1 percent year on year.")
    assert (english.year, english.base_year) == (2023, 2022)


# -- periods --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("2024年一季度，地区生产总值增长5.2%。", Period(1, 3)),
        ("2024年前三季度，工业增加值同比增长6.2%。", Period(1, 9)),
        ("2024年上半年，出口增长4%。", Period(1, 6)),
        ("2024年1-8月，固定资产投资增长3.5%。", Period(1, 8)),
        ("2024年前8个月，社会消费品零售总额增长4.4%。", Period(1, 8)),
        ("2024年8月份，工业用电量增长9%。", Period(8, 8)),
        ("In the first quarter of 2024, GDP grew 5.2 percent.", Period(1, 3)),
        (
            "In 2024, value added rose 6.2 percent year on year in the first three "
            "quarters.",
            Period(1, 9),
        ),
        ("In the first half of 2024, exports grew 4%.", Period(1, 6)),
        ("From January-August 2024, investment grew 3.5 percent.", Period(1, 8)),
        ("In the first eight months, retail sales rose 4.4%.", Period(1, 8)),
    ],
)
def test_periods_in_both_languages(text: str, period: Period) -> None:
    assert one(text).period == period


def test_a_period_and_its_year_together() -> None:
    item = one("2024年前三季度，规模以上工业增加值同比增长6.2%。")
    assert (item.year, item.base_year, item.period) == (2024, 2023, Period(1, 9))
    assert item.role is Role.OBSERVATION


# -- roles ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("力争战略性新兴产业规模达到8000亿元。", Role.TARGET),
        ("确保单位地区生产总值能耗下降14%。", Role.TARGET),
        ("全市研发投入强度将达到3.5%。", Role.TARGET),
        ("The city aims to add 2 GW of new energy storage.", Role.TARGET),
        ("R&D intensity will reach 3.5 percent.", Role.TARGET),
        ("2023年，全市地区生产总值比上年增长5.5%。", Role.OBSERVATION),
        ("全年完成固定资产投资2000亿元。", Role.OBSERVATION),
        ("Industrial investment grew 8.1 percent.", Role.OBSERVATION),
        ("GDP reached 800 billion yuan.", Role.OBSERVATION),
        ("地区生产总值8000亿元。", None),
        ("GDP of 800 billion yuan.", None),
    ],
)
def test_roles_in_both_languages(text: str, role: Role | None) -> None:
    assert one(text).role is role


# -- estimates --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "estimate"),
    [
        ("预计全年地区生产总值增长超3.5%。", True),
        ("初步核算，全年地区生产总值8000亿元，比上年增长5.5%。", True),
        ("2023年，全市实际使用外资约50亿元，比上年增长3%。", True),
        ("2023年，全市实际使用外资50亿元，比上年增长约3%。", False),
        ("Preliminary estimates show retail sales of 1.2 trillion yuan in 2023.", True),
        ("GDP grew an estimated 5.1 percent in 2023.", True),
        (
            "到2025年，预计研发投入强度达到3.5%。",
            False,
        ),  # a projection, not an estimate
        ("2023年，全市地区生产总值8000亿元。", False),
        ("GDP grew 5.1 percent in 2023.", False),
    ],
)
def test_estimates_in_both_languages(text: str, estimate: bool) -> None:
    assert found(text)[0].estimate is estimate


# -- the call itself -----------------------------------------------------------------


def test_lang_reads_every_sentence_by_one_language_rules() -> None:
    text = "2023年GDP grew 5%."
    assert len(find_figures(text, lang="en")) == len(find_figures(text, lang="zh")) == 1


def test_bad_arguments_are_refused_with_what_was_given() -> None:
    with pytest.raises(TypeError, match="bytes"):
        find_figures(b"5%")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="'fr'"):
        find_figures("5%", lang="fr")


def test_the_quote_is_the_sentence_and_long_sentences_are_cut_around_the_figure() -> (
    None
):
    item = one("Line one.\nIn 2023, exports grew 4.1 percent.")
    assert item.quote == "In 2023, exports grew 4.1 percent."
    long = "x " * 600 + "exports grew 4.1 percent " + "y " * 600
    quote = one(long).quote
    assert "exports grew 4.1 percent" in quote
    assert quote.startswith("…")
    assert quote.endswith("…")
    assert len(quote) < 500


def test_empty_and_figureless_text() -> None:
    assert find_figures("") == []
    assert find_figures("没有数字的句子。A sentence without numbers.") == []


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        (
            "By 2027, the city aims to raise R&D intensity to 3 percent and to add "
            "2 GW of new energy storage.",
            ["R&D intensity", "new energy storage"],
        ),
        ("年末全市共有国家高新技术企业2150家。", ["国家高新技术企业"]),
        ("累计建成国家级创新平台65家。", ["国家级创新平台"]),
        ("全市新增光伏装机容量120万千瓦。", ["光伏装机容量"]),
    ],
)
def test_subjects_leave_out_the_action_and_the_place(
    text: str, subjects: list[str]
) -> None:
    assert [f.subject for f in found(text)] == subjects
