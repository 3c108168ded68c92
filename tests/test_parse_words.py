"""The words documents state figures in, read by parse_figure (issue 20).

Each phrase is written here in the style of plans, bulletins and news
reports; none is copied from a source.
"""

from __future__ import annotations

import difflib
import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import industrial_plan as ip


def read(text: str) -> tuple[Decimal, str, ip.Change | None, ip.Qualifier]:
    figure = ip.parse_figure(text)
    quantity = figure.quantity
    return quantity.magnitude, str(quantity.units), figure.change, figure.qualifier


@pytest.mark.parametrize(
    ("text", "magnitude", "units", "change", "qualifier"),
    [
        # A level reached, not a change.
        ("提升至2.6%", "2.6", "percent", None, ip.Qualifier.EXACT),
        ("提高到41.9%", "41.9", "percent", None, ip.Qualifier.EXACT),
        ("降至0.8吨", "0.8", "tonne", None, ip.Qualifier.EXACT),
        ("rose to 5.2%", "5.2", "percent", None, ip.Qualifier.EXACT),
        ("to 2.6%", "2.6", "percent", None, ip.Qualifier.EXACT),
        # Number words.
        ("破百亿", "100", "亿", None, ip.Qualifier.MORE_THAN),
        ("超千亿元", "1000", "CNY * 亿", None, ip.Qualifier.MORE_THAN),
        ("万亿元", "1", "CNY * 万亿", None, ip.Qualifier.EXACT),
        ("a trillion yuan", "1", "CNY * trillion", None, ip.Qualifier.EXACT),
        ("one billion US dollars", "1", "USD * billion", None, ip.Qualifier.EXACT),
        # Times: growth of 100 % per 倍, as Chinese statistics count it.
        ("增长1倍", "100", "percent", ip.Change.GROWTH, ip.Qualifier.EXACT),
        ("增长了一倍", "100", "percent", ip.Change.GROWTH, ip.Qualifier.EXACT),
        ("增长2倍", "200", "percent", ip.Change.GROWTH, ip.Qualifier.EXACT),
        ("翻了两番", "300", "percent", ip.Change.GROWTH, ip.Qualifier.EXACT),
        # Changes in more words, signed by the word.
        ("down 3.1 percent", "3.1", "percent", ip.Change.REDUCTION, ip.Qualifier.EXACT),
        ("fell 2.1%", "2.1", "percent", ip.Change.REDUCTION, ip.Qualifier.EXACT),
        ("declined by 4%", "4", "percent", ip.Change.REDUCTION, ip.Qualifier.EXACT),
        ("increased 6 percent", "6", "percent", ip.Change.GROWTH, ip.Qualifier.EXACT),
        ("增长了5.5%", "5.5", "percent", ip.Change.GROWTH, ip.Qualifier.EXACT),
        # Growth in points or amounts is an amount added.
        (
            "提高1.2个百分点",
            "1.2",
            "percentage_point",
            ip.Change.INCREMENT,
            ip.Qualifier.EXACT,
        ),
        ("增加500亿元", "500", "CNY * 亿", ip.Change.INCREMENT, ip.Qualifier.EXACT),
        (
            "an increase of 12,300 people",
            "12300",
            "dimensionless",
            ip.Change.INCREMENT,
            ip.Qualifier.EXACT,
        ),
        # Chinese unit words.
        ("30万千瓦", "30", "kilowatt * 万", None, ip.Qualifier.EXACT),
        ("30千瓦", "30", "kilowatt", None, ip.Qualifier.EXACT),
        ("500万吨", "500", "tonne * 万", None, ip.Qualifier.EXACT),
        ("12亿千瓦时", "12", "kilowatt_hour * 亿", None, ip.Qualifier.EXACT),
        ("超3.5%", "3.5", "percent", None, ip.Qualifier.MORE_THAN),
    ],
)
def test_document_words(
    text: str,
    magnitude: str,
    units: str,
    change: ip.Change | None,
    qualifier: ip.Qualifier,
) -> None:
    assert read(text) == (Decimal(magnitude), units, change, qualifier)


def test_a_lone_myriad_is_still_not_a_number() -> None:
    for text in ("万", "千", "万元"):
        with pytest.raises(ip.ParseError):
            ip.parse_figure(text)


def test_average_growth_in_an_amount_is_still_refused() -> None:
    with pytest.raises(ip.ParseError, match="a growth rate is a percentage"):
        ip.parse_figure("年均增长6.5亿元")


@given(st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=16))
def test_the_currency_typo_check_compares_only_words_that_could_match(
    word: str,
) -> None:
    """Words of lengths too far apart are never near misses; leaving them out
    of the comparison changes nothing."""
    from industrial_plan._figures.lexicon import _currency_words
    from industrial_plan._figures.scanner import _misspelt_currency

    everything = difflib.get_close_matches(word, _currency_words(), cutoff=0.75)
    assert _misspelt_currency(word) is bool(everything)


@given(st.data())
def test_the_currency_typo_check_finds_near_misses_as_difflib_does(
    data: st.DataObject,
) -> None:
    """Words one or two edits from a currency's name, where difflib finds near
    misses: the letters counted in common leave none of them out."""
    from industrial_plan._figures.lexicon import _currency_words
    from industrial_plan._figures.scanner import _misspelt_currency

    names = sorted(n.lower() for n in _currency_words() if n.isascii() and n.isalpha())
    word = data.draw(st.sampled_from(names))
    for _ in range(data.draw(st.integers(1, 2))):
        at = data.draw(st.integers(0, len(word)))
        letter = data.draw(st.sampled_from("aeinorstuy"))
        edit = data.draw(st.sampled_from(["insert", "replace", "delete"]))
        tail = word[at + 1 :] if edit != "insert" else word[at:]
        word = word[:at] + ("" if edit == "delete" else letter) + tail
    if not word:
        return
    everything = difflib.get_close_matches(word, _currency_words(), cutoff=0.75)
    assert _misspelt_currency(word) is bool(everything), word


def _flat(names: list[str]) -> re.Pattern[str]:
    """The alternation as it was before the trie: longest first, in turn."""
    from industrial_plan._figures.lexicon import _WORD_END

    parts = [
        r"\s+".join(re.escape(word) for word in name.split())
        for name in sorted(names, key=lambda n: (-len(n), n))
    ]
    return re.compile(f"(?:{'|'.join(parts)}){_WORD_END}", re.IGNORECASE)


def _word_lists() -> dict[str, list[str]]:
    from industrial_plan._figures import currency_names, lexicon

    prefix, suffix, _ = currency_names.shipped_tables()
    return {
        "currency prefixes": list(prefix.values()),
        "currency suffixes": list(suffix.values()),
        "qualifiers": list(lexicon._PREFIX_TABLE),
        "changes": [*lexicon._EN_CHANGES, *lexicon._ZH_CHANGES],
    }


@pytest.mark.parametrize("table", sorted(_word_lists()))
@given(data=st.data())
def test_the_trie_of_words_matches_what_the_flat_alternation_matched(
    table: str, data: st.DataObject
) -> None:
    """Every word, in any case, with spaces changed and text after it, matches
    the same text under the trie as under the plain longest-first alternation."""
    from industrial_plan._figures.lexicon import _alternation

    names = _word_lists()[table]
    trie, flat = _alternation({n: n for n in names}), _flat(names)
    word = data.draw(st.sampled_from(names))
    word = data.draw(st.sampled_from([word, word.upper(), word.title()]))
    word = word.replace(" ", data.draw(st.sampled_from([" ", "  ", "\t"])))
    text = word[: data.draw(st.integers(0, len(word)))] + data.draw(
        st.text("abs 元亿 dollarsUSD,.5", max_size=8)
    )
    found, expected = trie.match(text), flat.match(text)
    assert (found and found.group()) == (expected and expected.group()), text


# -- words of published reviews (issue 21) ------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "qualifier", "change"),
    [
        ("增长1倍", "100", "exact", "growth"),
        ("增长了一倍", "100", "exact", "growth"),
        ("doubled", "100", "exact", "growth"),
        ("增长2倍", "200", "exact", "growth"),  # as Chinese statistics count it
        ("翻两番", "300", "exact", "growth"),
        ("增长近1倍", "100", "at most", "growth"),
        ("增长约2倍", "200", "about", "growth"),
        ("近翻一番", "100", "at most", "growth"),
        ("增长近5%", "5", "at most", "growth"),
        ("年均增长近8%", "8", "at most", "average annual growth"),
        ("新增近100家", "100", "at most", "increment"),
        ("累计近30万人", "30", "at most", "cumulative"),
        ("累计新增30万人", "30", "exact", "cumulative"),
        ("占比近30%", "30", "at most", None),
        ("达近100亿元", "100", "at most", None),
        ("topped 5%", "5", "more than", None),
        ("has topped 100 billion yuan", "100", "more than", None),
    ],
)
def test_words_of_published_reviews(
    text: str, value: str, qualifier: str, change: str | None
) -> None:
    figure = ip.parse_figure(text)
    assert figure.quantity.magnitude == Decimal(value)
    assert figure.qualifier.value == qualifier
    assert (figure.change.value if figure.change else None) == change


@pytest.mark.parametrize(
    "text",
    [
        "预计增长5%",
        "初步核算2.1万亿元",
        "预计达到1000亿元",
        "preliminary 5.2%",
        "an estimated 560 billion yuan",
        "estimated growth of 5%",
    ],
)
def test_estimate_words_flag_the_figure(text: str) -> None:
    """预计, 初步核算, "preliminary", "estimated": an estimate, in both languages."""
    figure = ip.parse_figure(text)
    assert figure.estimate
    assert not ip.parse_figure(
        re.sub(r"预计|初步核算|preliminary |an estimated |estimated ", "", text)
    ).estimate
    for locale in ("en", "zh"):
        again = ip.parse_figure(ip.format_figure(figure, locale=locale), locale=locale)
        assert again == figure


def test_an_observation_of_an_estimated_figure_is_an_estimate() -> None:
    said = ip.Observation("gdp", 2024, ip.parse_figure("预计5600亿元"))
    flagged = ip.Observation("gdp", 2024, ip.parse_figure("5600亿元"), estimate=True)
    assert said.estimate
    assert said == flagged  # one fact, said by the words or by the field
    assert flagged.figure.estimate
