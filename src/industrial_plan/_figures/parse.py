"""Read one figure stated in English or Chinese text: :func:`parse_figure`.

The parser is a small hand-written scanner over the text.  It never evaluates
anything: numbers become :class:`~decimal.Decimal` from validated digit
strings, and unit words are looked up one by one with pint's name lookup
(``parse_unit_name``), never handed to pint's expression parser, which would
compute ``9**9**8`` with Python integers.  Every regular expression is linear
(no nested repetition), inputs are capped in length and digits, so any text
parses or fails with :class:`ParseError` in well under a millisecond.

A figure reads, in order::

    [qualifiers] [-] [currency symbol or code] number [scale] [currency or unit]
    [Chinese suffix qualifier] [(stated equivalent)] [.]

for example "more than about 2 trillion yuan", "CN¥3T", "超过约2万亿元",
"2万亿元以上" or "3 trillion yuan ($442.2 billion)".

The words it knows are in ``lexicon``, numbers are read in ``numbers``, and
the scanner with its small reading steps (qualifier words, currencies, units,
counts) is in ``scanner``; this module holds the grammar and the caches.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from typing import Any, Final

import attrs

from industrial_plan._errors import FieldTypeError, ParseError
from industrial_plan._money.units import (
    CURRENCIES,
    Quantity,
    currency_of,
    quantity_of,
    ureg,
)

from .currency_names import normalized as _normalized
from .figure import Figure, plain_figure, set_words
from .forms import Change, is_percent
from .gates import any_of
from .lexicon import (
    _BAIFENZHI,
    _CHANGE,
    _CHANGES,
    _EN_BASE_YEAR,
    _EN_PER,
    _EN_PER_WORDS,
    _EN_SHARE_LEAD,
    _EN_SHARE_OF,
    _MEASURE,
    _MULTIPLE,
    _MULTIPLES,
    _NOUN_AFTER_CHANGE,
    _PERCENT_SIGN,
    _PERCENT_UNITS,
    _POINTS,
    _PREFIX_QUALIFIER,
    _PREFIX_TABLE,
    _SUFFIX_QUALIFIER,
    _TIMES,
    _ZH_BASE_YEAR,
    _ZH_NUMERAL_AHEAD,
    _ZH_PER,
    _ZH_SHARE,
    _ZH_SHARE_BARE,
    _ZH_SUFFIX_QUALIFIERS,
    _ZH_UNIT,
    _ZH_UNITS,
    _lexicon,
)
from .numbers import (
    _ARABIC,
    _FULL_WIDTH,
    _GROUPED,
    _MAX_DIGITS,
    _NUMBER_START,
    _chinese_integer,
    _number,
)
from .qualifier import Qualifier
from .scanner import (
    _currency,
    _Form,
    _Hints,
    _hints,
    _measure,
    _percent,
    _physical_unit,
    _qualifiers,
    _Scanner,
    _settle,
    _Word,
)
from .source import Source

_MAX_LENGTH: Final = 1000
"""Longest text accepted; a stated figure is a phrase, not a document."""

# A minus, or words that state a negative amount: "赤字1.2万亿元" (a deficit),
# 亏损 (a loss), 逆差 (a trade deficit), "a deficit of 1.2 trillion yuan".
_SIGN = re.compile(
    r"[-−－]"
    r"|(?:赤字|亏损|逆差)(?=\s*[0-9０-９一二三四五六七八九十两零〇])"
    r"|(?i:an?\s+(?:deficit|loss)\s+of\s+)(?=[0-9$¥€£])"
)
_OPEN = re.compile(r"[(（]")
_CLOSE = re.compile(r"[)）]")
_PERIOD = re.compile(r"[.。]")
# "（约合7亿美元）", "(equivalent to $1 billion)": words that say an equivalent.
_EQUIVALENT_WORD = re.compile(
    r"\s*(?:约合|折合|合计约|相当于|合|(?i:equivalent\s+to|or))(?=\s*\S)"
)
# Words that state an estimate, before the figure: 预计增长5%, 初步核算2.1万亿元,
# "preliminary 5.2%", "an estimated 560 billion yuan", "estimated growth of 5%".
_ESTIMATE = re.compile(
    r"(?:预计|初步核算|初步统计|初步|估计)(?:为|达到?)?"
    r"|(?i:(?:an\s+)?(?:estimated|preliminary)(?=\s))"
)
_PLUS = re.compile(r"[+＋](?=\s*[0-9０-９])")
# Whether any word before a number starts here, and whether anything after a
# figure's unit does (a suffix qualifier, "per 10,000 people", "from 2020
# levels", "of GDP", a stated equivalent): most places hold neither.
_LEAD_STEPS: Final = (
    _PREFIX_QUALIFIER,
    _ZH_BASE_YEAR,
    _ZH_SHARE,
    _ZH_SHARE_BARE,
    _EN_SHARE_LEAD,
    _ZH_PER,
    _MULTIPLE,
    _CHANGE,
    _PLUS,
    _ESTIMATE,
)
_LEADS: Final = any_of(*_LEAD_STEPS)
_TRAIL_STEPS: Final = (_SUFFIX_QUALIFIER, _EN_PER, _EN_BASE_YEAR, _EN_SHARE_OF, _OPEN)
_TRAILS: Final = any_of(*_TRAIL_STEPS)


def _before_number_steps() -> tuple[re.Pattern[str], ...]:
    """What may stand just before a number: a sign, a currency, 百分之."""
    return (_SIGN, _lexicon().prefix, _BAIFENZHI)


@functools.cache
def _before_number() -> re.Pattern[str]:
    """The gate of :func:`_before_number_steps`, built on first use.  For the
    currency names it asks only for a character one may start with: a gate
    may match where no step does (the steps then find nothing), never the
    other way round."""
    return any_of(_SIGN, _lexicon().prefix_start, _BAIFENZHI)


def _after_number_steps() -> tuple[re.Pattern[str], ...]:
    """What may follow a number before a unit's words: a percent, or after
    spaces a currency, a Chinese unit or a measure word.  (A unit's words are
    letters, which stand after most numbers of English text: no gate.)"""
    return (_PERCENT_SIGN, _POINTS, *_spaced(_lexicon().suffix, _ZH_UNIT, _MEASURE))


def _spaced(*steps: re.Pattern[str]) -> list[re.Pattern[str]]:
    """Each of *steps* after any spaces."""
    return [re.compile(rf"\s*(?:{step.pattern})", step.flags) for step in steps]


@functools.cache
def _after_number() -> re.Pattern[str]:
    """The gate of :func:`_after_number_steps`, built on first use (the
    currency names by their first characters, as in :func:`_before_number`)."""
    spaced = _spaced(_lexicon().suffix_start, _ZH_UNIT, _MEASURE)
    return any_of(_PERCENT_SIGN, _POINTS, *spaced)


# -- the grammar ------------------------------------------------------------------


def _quantity(scanner: _Scanner, hints: _Hints, form: _Form | None = None) -> Quantity:
    """[-] [currency symbol] number [scale] [currency or unit] as a quantity."""
    magnitude, names, negative = _quantity_words(scanner, hints, form)
    # Built from registry names, never from text: no expression parser runs.
    # Exponents must be of the registry's number type, as pint's own are:
    # an int exponent beside Decimal ones breaks pint's conversions.
    units = ureg.Unit(ureg.UnitsContainer(dict.fromkeys(names, Decimal(1))))
    # copy_negate, not unary minus: minus rounds to the context's 28 digits.
    return ureg.Quantity(magnitude.copy_negate() if negative else magnitude, units)


def _quantity_words(
    scanner: _Scanner, hints: _Hints, form: _Form | None = None
) -> tuple[Decimal, list[str], bool]:
    """The number, the registry names of its unit and its sign, read (see
    :func:`_quantity`); a document's reader needs no Quantity built."""
    form = form if form is not None else _Form()
    scanner.skip_space()
    lexicon = _lexicon()
    if _before_number().match(scanner.text, scanner.pos) is None:
        # What the steps below find where none of them starts: most numbers.
        negative = spelled_percent = False
        before = None
    else:
        negative = scanner.match(_SIGN) is not None
        before = _currency(scanner, lexicon.prefix, hints)
        scanner.skip_space()
        if not negative:
            negative = scanner.match(_SIGN) is not None
        spelled_percent = before is None and scanner.match(_BAIFENZHI) is not None
    magnitude, scale = _number(scanner)
    percent: str | None = None
    after = unit = None
    measured = False
    if spelled_percent or _after_number().match(scanner.text, scanner.pos):
        percent = "percent" if spelled_percent else _percent(scanner)
        scanner.skip_space()
        if percent is None:
            after = _currency(scanner, lexicon.suffix, hints)
        if percent is None and after is None:
            chinese = scanner.match(_ZH_UNIT)
            if chinese is not None:
                unit = (_ZH_UNITS[chinese.group(1)], chinese.start(1))
        if percent is None and after is None and unit is None:
            measured = _measure(scanner, form)
    else:
        scanner.skip_space()  # no percent, currency, Chinese unit or measure word
    if percent is None and after is None and unit is None and not measured:
        unit = _physical_unit(scanner, form)
    if unit is not None and unit[0] in CURRENCIES:
        after, unit = unit, None  # a currency alias only pint knows
    elif unit is not None and unit[0] in _PERCENT_UNITS:
        percent, unit = unit[0], None  # "percent", "percentage points"
    if before is not None and after is not None and before[0] != after[0]:
        raise scanner.error(
            f"two currencies: {before[0]} and then {after[0]}", after[1]
        )
    if before is not None and (unit is not None or percent is not None):
        shown, at = unit if unit is not None else (percent, scanner.pos)
        raise scanner.error(f"a currency before a unit ({shown})", at)
    stated = before or after or unit
    names = [name for name in (scale, stated and stated[0], percent) if name]
    return magnitude, names, negative


def _equivalent(scanner: _Scanner, hints: _Hints) -> tuple[Quantity, int] | None:
    """A stated equivalent in parentheses: "($442.2 billion)", "（4422亿美元）"."""
    scanner.skip_space()
    start = scanner.pos
    if scanner.match(_OPEN) is None:
        return None
    scanner.match(_EQUIVALENT_WORD)
    for word in _qualifiers(scanner, _PREFIX_QUALIFIER, _PREFIX_TABLE):
        if word.qualifier is not Qualifier.ABOUT:
            raise scanner.error(
                f"{word.text!r} in a stated equivalent: only 'about' words fit there",
                word.position,
            )
    quantity = _quantity(scanner, hints)
    scanner.skip_space()
    if scanner.match(_CLOSE) is None:
        found = "the end" if scanner.at_end() else repr(scanner.word())
        raise scanner.error(f"expected ')' to close the equivalent, found {found}")
    if currency_of(quantity) is None:
        raise scanner.error("a stated equivalent must be an amount of money", start)
    return quantity, start


def _finish(scanner: _Scanner) -> None:
    """Allow a final period and spaces; anything else is an error."""
    scanner.skip_space()
    scanner.match(_PERIOD)
    scanner.skip_space()
    if scanner.at_end():
        return
    word = scanner.word()
    if scanner.peek(_NUMBER_START) or scanner.peek(_ARABIC):
        raise scanner.error(f"a figure states one number; found another, {word!r}")
    raise scanner.error(f"unexpected {word!r}")


def _check_equivalent(
    quantity: Quantity, equivalent: Quantity, at: int, scanner: _Scanner
) -> None:
    own = currency_of(quantity)
    if own is None:
        raise scanner.error(
            "a stated equivalent needs a figure in a currency, not "
            f"{str(quantity.units)!r}",
            at,
        )
    if own == currency_of(equivalent):
        raise scanner.error(f"the stated equivalent is in {own} too", at)


def _lead(scanner: _Scanner, form: _Form) -> list[_Word]:
    """Everything before the number: qualifiers, changes, shares, ratios, base years.

    They come in any order ("up about 6.5%", "比2020年下降13.5%",
    "占地区生产总值比重达到25%", "每万人口…超过20件"), each at most once.
    """
    words: list[_Word] = []
    while True:
        scanner.skip_space()
        if _LEADS.match(scanner.text, scanner.pos) is None:
            return words  # what every step below would find
        start = scanner.pos
        found = _qualifiers(scanner, _PREFIX_QUALIFIER, _PREFIX_TABLE)
        if found:
            words += found
            if (
                form.change is Change.GROWTH
                and form.multiple is None
                and (times := scanner.match(_TIMES))
            ):
                # 增长近1倍: a qualifier between the change and its multiple.
                form.multiple = 100 * _times(times.group(1))
            continue
        if (match := scanner.match(_ZH_BASE_YEAR)) is not None:
            form.set(scanner, "base_year", int(match.group(1)), start)
        elif (match := scanner.match(_ZH_SHARE)) is not None:
            form.set(scanner, "share_of", match.group(1).strip(), start)
        elif scanner.match(_ZH_SHARE_BARE) or scanner.match(_EN_SHARE_LEAD):
            form.spans.append(("share", start))
        elif (match := scanner.match(_ZH_PER)) is not None:
            form.set(scanner, "per", _per_count(match, scanner, start), start)
            _noun_before(scanner, form)
        elif (match := scanner.match(_MULTIPLE)) is not None:
            form.set(scanner, "change", Change.GROWTH, start)
            form.multiple = Decimal(_MULTIPLES[_normalized(match.group())])
        elif (match := scanner.match(_CHANGE)) is not None:
            change = _CHANGES[_normalized(match.group())]
            form.set(scanner, "change", change, start)
            if change in _NOUN_AFTER_CHANGE:
                _noun_before(scanner, form)
            elif change is Change.GROWTH and (times := scanner.match(_TIMES)):
                form.multiple = 100 * _times(times.group(1))
        elif scanner.match(_PLUS) is not None:
            form.set(scanner, "change", Change.GROWTH, start)
        elif not form.estimate and scanner.match(_ESTIMATE) is not None:
            form.estimate = True  # 预计, 初步核算, "preliminary", "estimated"
        else:
            return words


def _times(number: str) -> Decimal:
    """The number before 倍: "1", "1.5" or a Chinese digit."""
    if number[0].isdigit():
        return Decimal(number)
    return Decimal(_chinese_integer(number))


def _per_count(match: re.Match[str], scanner: _Scanner, at: int) -> Decimal:
    """The number of people in "每万人口" (10,000) or "人均" (1)."""
    number = match.group(1)
    if number is None:
        return Decimal(1)
    digits = number.translate(_FULL_WIDTH).replace(",", "")
    try:
        if digits.isdigit():
            value = int(digits)
        else:
            # 每万人 is per 一万 people: a place word alone stands for one of it.
            leading_one = number[0] in "十百千万亿"
            value = _chinese_integer(("一" if leading_one else "") + number)
    except ValueError:
        raise scanner.error(f"{number!r} is not a number of people", at) from None
    if not 1 <= value <= 10**9:
        raise scanner.error(f"per {value} people is out of range", at)
    return Decimal(value)


def _noun_before(scanner: _Scanner, form: _Form) -> None:
    """A Chinese noun before the figure: 每万人口高价值发明专利拥有量超过20件."""
    text, start = scanner.text, scanner.pos
    end = start
    while end < len(text) and end - start < 40:
        char = text[end]
        if not ("\u4e00" <= char <= "\u9fff" or (char.isascii() and char.isalpha())):
            break
        if (
            _PREFIX_QUALIFIER.match(text, end)
            or _CHANGE.match(text, end)
            or _ZH_NUMERAL_AHEAD.match(text, end)
            or _lexicon().prefix.match(text, end)
        ):
            break
        end += 1
    if end > start:
        form.set(scanner, "counted", text[start:end], start)
        form.spans.append(("noun", start))
        scanner.pos = end


def _trail(scanner: _Scanner, form: _Form, percent: bool) -> None:
    """After the number: "per 10,000 people", "of GDP", "from 2020 levels"."""
    while True:
        start = scanner.pos
        if (match := scanner.match(_EN_PER)) is not None:
            if match.group(1) is not None:
                count = Decimal(1)
            else:
                word = match.group(2).lower()
                digits = word.replace(",", "")
                if word in _EN_PER_WORDS:
                    count = Decimal(_EN_PER_WORDS[word])
                elif "," in word and not _GROUPED.fullmatch(word):
                    raise scanner.error(f"{word!r} is not grouped in thousands", start)
                else:
                    count = Decimal(digits)
            form.set(scanner, "per", count, start)
        elif (match := scanner.match(_EN_BASE_YEAR)) is not None:
            form.set(scanner, "base_year", int(match.group(1)), start)
        elif percent and (match := scanner.match(_EN_SHARE_OF)) is not None:
            form.set(scanner, "share_of", match.group(1).strip(), start)
        else:
            return


def parse_figure(
    text: str,
    *,
    currency: str | None = None,
    locale: str | None = None,
    source: Source | None = None,
) -> Figure:
    """Read one figure stated in English or Chinese text as an exact :class:`Figure`.

    Numbers may be grouped ("1,234,567.89"), full-width, or Chinese numerals
    ("四千九百一十二"); scale words ("billion", "B", "亿", "万亿") stay in the
    unit, so the figure keeps its stated form.  Qualifiers before the number
    ("exceeded", "about", "超过", "约") or after it ("以上", "左右") set the
    :class:`Qualifier`; a bound beside "about" is an approximate bound.  A
    second amount of money in parentheses becomes the stated equivalent.

    >>> parse_figure("exceeded 2 trillion yuan").describe()
    'more than 2 trillion CNY'
    >>> parse_figure("4912亿元").quantity
    <Quantity(4912, '亿 * CNY')>
    >>> parse_figure("3 trillion yuan ($442.2 billion)").stated_equivalent
    <Quantity(442.2, 'billion * USD')>

    Args:
        text: the words stating the figure, such as "超过2万亿元" or
            "about 1.5 billion US dollars".  At most 1,000 characters.
        currency: the currency a bare "¥" means ("CNY" or "JPY"); it resolves
            that symbol only and never overrides a currency the text names.
        locale: the text's locale: an ambiguous symbol means what the
            locale's CLDR data says ("¥" is CNY in "zh_CN", JPY in "en" and
            "ja"), so text formatted for a locale reads back with it.
        source: attached to the figure unchanged.

    Returns:
        The figure, with an exact Decimal magnitude.

    Raises:
        ParseError: the text is not one figure; the error points at the first
            character that does not fit.
        UnknownCurrencyError: *currency* is not a known currency.
    """
    if not isinstance(text, str):
        raise FieldTypeError(f"parse_figure() needs text, got {type(text).__name__}")
    if source is not None:
        figure = _parse_full(text, currency, locale, source)
        return figure if currency or locale else _with_words(figure, text)
    return _parse_reused(text, currency, locale)


def _with_words(figure: Figure, text: str) -> Figure:
    """*figure*, fresh from reading *text*, keeping it as its words."""
    set_words(figure, text)
    return figure


# -- reuse ---------------------------------------------------------------------
#
# A plan states thousands of figures in a handful of shapes ("104 billion
# yuan", "105 billion yuan", ...).  Figures are frozen, so a text read once
# is not read again (an LRU keyed by the exact text), and a text whose only
# difference from one already read is its number reuses that reading, with
# the new number (see _shaped).  Errors are never cached: a text that does
# not read goes through the full parser every time and raises what it raised.

_REUSED_TEXTS: Final = 8192
"""Distinct texts whose figures are kept: a few MiB at most."""

_SHAPES: Final = 1024
"""Distinct shapes kept; a plan uses a few dozen."""

# A figure with one plain number: English words, the number, then words or
# "%" and words; or Chinese words either side (增长5.5%, 超过80家, 4912亿元).
# Only letters, CJK characters, spaces and "%" beside the number: no second
# number, no sign, no scale attached to the digits ("3B"), nothing in
# parentheses.  A Chinese scale that multiplies the number (5千亿 is 5000 亿)
# or 倍 never makes a template: its magnitude is not the number as written.
_SHAPE = re.compile(
    r"((?:[A-Za-z]+ +)*|[\u4e00-\u9fff]*)([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)"
    r"(\.[0-9]+)?((?: +[A-Za-z]+)*|%(?: +[A-Za-z]+)*|[%\u4e00-\u9fff]*)"
)
_shapes: dict[str, Figure | None] = {}
_UNSEEN: Final = object()


@functools.lru_cache(maxsize=_REUSED_TEXTS)
def _parse_reused(text: str, currency: str | None, locale: str | None) -> Figure:
    if currency is None and locale is None:
        figure = _shaped(text)
        if figure is not None:
            return _with_words(figure, text)
        return _with_words(_parse_full(text, None, None, None), text)
    # Read with hints ("¥" as yen): the words alone would read otherwise.
    return _parse_full(text, currency, locale, None)


def _shaped(text: str) -> Figure | None:
    """The figure of *text* from an earlier reading of its shape, or None.

    The shape is the text with its number taken out.  The first text of a
    shape is read in full; if its figure's magnitude is exactly its number
    as written (no sign, scale factor or multiple applied) and not zero, any
    text of that shape reads as the same figure with its own number: the
    words around the number decide everything else, and no check the parser
    makes on an English plain number depends on its value beyond its digit
    count.  Figures that are not plain are built again so their own checks
    run; anything unexpected falls back to the full parser.
    """
    match = _SHAPE.fullmatch(text) if len(text) <= _MAX_LENGTH else None
    if match is None:
        return None
    head, whole, fraction, tail = match.groups()
    digits = whole.replace(",", "") + (fraction or "")
    if len(digits) - (fraction is not None) > _MAX_DIGITS:
        return None
    number = Decimal(digits)
    key = f"{head}\0{',' in whole}\0{fraction is not None}\0{tail}"
    # One lookup: another thread may empty the dict between two.
    template = _shapes.get(key, _UNSEEN)
    if template is _UNSEEN:
        figure = _parse_full(text, None, None, None)  # raises for a bad text
        magnitude = figure.quantity.magnitude
        if number:  # zero cannot tell a sign or a factor from none
            if len(_shapes) >= _SHAPES:
                _shapes.clear()
            same = magnitude.as_tuple() == number.as_tuple()
            _shapes[key] = figure if same and figure.source is None else None
        return figure
    if not isinstance(template, Figure):
        return None
    quantity = quantity_of(number, template.quantity)
    if template.is_plain:
        return plain_figure(quantity, template.qualifier, template.approximate)
    return _renumbered(template, quantity)


_FIGURE_FIELDS: Final = tuple(
    field.name for field in attrs.fields(Figure) if field.name != "words"
)
_new: Final = object.__new__
_set: Final = object.__setattr__


def _renumbered(template: Figure, quantity: Quantity) -> Figure:
    """*template* with *quantity*, built without running its checks again.

    The template passed them; what differs is a finite Decimal number of the
    same unit, and every check a figure makes on its quantity beside its
    other fields (a growth rate is a percentage, a count a plain number)
    reads the unit only.  ``attrs.evolve`` ran every converter and
    validator again: half the cost of reading a figure of a known shape.
    """
    figure: Figure = _new(Figure)
    for name in _FIGURE_FIELDS:
        _set(figure, name, getattr(template, name))
    _set(figure, "quantity", quantity)
    _set(figure, "words", None)
    return figure


def _parse_full(
    text: str, currency: str | None, locale: str | None, source: Source | None
) -> Figure:
    hints = _hints(currency, locale)
    scanner = _Scanner(text)
    if len(text) > _MAX_LENGTH:
        raise scanner.error(
            f"text of {len(text):,} characters is too long for one figure "
            f"(at most {_MAX_LENGTH:,})",
            _MAX_LENGTH,
        )
    if not text.strip():
        raise scanner.error("no figure: the text is empty", 0)
    form = _Form()
    words = _lead(scanner, form)
    if form.multiple is not None:
        quantity = ureg.Quantity(form.multiple, ureg.percent)
    else:
        quantity = _quantity(scanner, hints, form)
    words += _qualifiers(scanner, _SUFFIX_QUALIFIER, _ZH_SUFFIX_QUALIFIERS)
    _trail(scanner, form, is_percent(quantity))
    equivalent = _equivalent(scanner, hints)
    _finish(scanner)
    qualifier, approximate = _settle(words, scanner)
    stated: Any = None
    if equivalent is not None:
        stated, at = equivalent
        _check_equivalent(quantity, stated, at, scanner)
    change = form.change
    if change is Change.GROWTH and form.multiple is None and not is_percent(quantity):
        # 增长1.2个百分点, 新增 by another name ("up 300 enterprises", 增加500亿元):
        # growth stated in points or amounts is an amount added.
        change = Change.INCREMENT
    share = [at for what, at in form.spans if what == "share"]
    if share and not is_percent(quantity):
        raise scanner.error("a share is a percentage", share[0])
    counted = form.counted
    if (
        counted is not None and quantity.dimensionality
    ):  # not .dimensionless: see check_form
        nouns = [at for what, at in form.spans if what == "noun"]
        if not nouns:
            raise scanner.error(f"{counted!r} after a quantity with a unit", 0)
        # A noun before an amount names what is measured (人均地区生产总值
        # 超过10万元), which is the metric's business, not the figure's.
        counted = None
    try:
        return Figure(
            quantity,
            qualifier,
            source,
            stated_equivalent=stated,
            approximate=approximate,
            change=change,
            base_year=form.base_year,
            share_of=form.share_of,
            per=form.per,
            counted=counted,
            measure=form.measure,
            estimate=form.estimate,
        )
    except ValueError as error:
        raise scanner.error(str(error), 0) from None


# -- in a document ---------------------------------------------------------------


def figure_length(text: str) -> int:
    """How many characters at the start of *text* state one figure.

    *text* is a stretch of a document from a figure's first word to the end
    of its clause.  It is read with the grammar of :func:`parse_figure` but
    stops where the figure's words stop instead of refusing what follows,
    and a Chinese count ends at its measure word (the noun after it runs on
    into the sentence).  A stated equivalent that does not read is left out.

    Raises:
        ParseError: no figure starts here.
    """
    hints = _hints(None, None)
    scanner = _Scanner(text)
    form = _Form(document=True)
    _lead(scanner, form)
    percent = form.multiple is not None
    if not percent:
        _, names, _ = _quantity_words(scanner, hints, form)
        percent = names == ["percent"]
    scanner.skip_space()
    if _TRAILS.match(scanner.text, scanner.pos) is None:
        return len(text[: scanner.pos].rstrip())  # as the steps below would
    _qualifiers(scanner, _SUFFIX_QUALIFIER, _ZH_SUFFIX_QUALIFIERS)
    _trail(scanner, form, percent)
    end = scanner.pos
    try:
        if _equivalent(scanner, hints) is not None:
            end = scanner.pos
    except ParseError:
        pass  # "(see table 2)", an unclosed bracket: not an equivalent
    return len(text[:end].rstrip())
