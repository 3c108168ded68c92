"""Words and fonts of the progress charts: phrases in English and Chinese, and
the fonts that can draw them.

Chinese labels need a font with Chinese glyphs; one is looked for among the
installed fonts (and again among the system's, when matplotlib's cache is
older than the font), and serves as the fallback of English charts too.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import re
import textwrap
import warnings
from decimal import Decimal
from typing import Any, Final

import attrs
from babel.numbers import format_decimal, format_percent

from industrial_plan._figures.figure import Figure
from industrial_plan._figures.format import _language, _qualifier_phrase, format_figure
from industrial_plan._progress.results import Status

# Status names and chart phrases in each language.  Numbers, currencies and
# qualifier words come from the formatting module (babel / CLDR).
_PHRASES: Final = {
    "en": {
        "title": "{name}: progress toward targets",
        "as_of": "as of {year}",
        "target": "target {year}: {figure}",
        "latest": "{year}: {figure}",
        "needs": "needs {rate} a year to {year}",
        "needs_fall": "needs to fall {rate} a year to {year}",
        "grew": "grew {rate} a year since {year}",
        "grew_fall": "fell {rate} a year since {year}",
        "projected": "at that rate: {figure} in {year}",
        "far_beyond": "at that rate: over {times} times the target in {year}",
        "observed": "observed",
        "approximate": "observed, approximate",
        "lower": "bound: the value is higher",
        "upper": "bound: the value is lower",
        "target_key": "target",
        "required_key": "path at the required growth rate",
        "projection_key": "projection at the observed growth rate",
        "skipped": "1 qualitative target not shown: {items}.",
        "skipped_many": "{count} qualitative targets not shown: {items}.",
        "skipped_item": "{owner} ({year}): {statement}",
        "none": "No quantitative targets to chart.",
        "separator": "; ",
    },
    "zh": {
        "title": "{name}：目标进展",
        "as_of": "截至{year}年",
        "target": "{year}年目标：{figure}",
        "latest": "{year}年：{figure}",
        "needs": "至{year}年需年均增长{rate}",
        "needs_fall": "至{year}年需年均下降{rate}",
        "grew": "{year}年以来年均增长{rate}",
        "grew_fall": "{year}年以来年均下降{rate}",
        "projected": "按此增速：{year}年达{figure}",
        "far_beyond": "按此增速：{year}年超过目标的{times}倍",
        "observed": "实际值",
        "approximate": "实际值（约数）",
        "lower": "下限：实际值更高",
        "upper": "上限：实际值更低",
        "target_key": "目标",
        "required_key": "按所需增速的路径",
        "projection_key": "按实际增速的预测",
        "skipped": "未显示1项定性目标：{items}。",
        "skipped_many": "未显示{count}项定性目标：{items}。",
        "skipped_item": "{owner}（{year}年）：{statement}",
        "none": "没有可绘制的量化目标。",
        "separator": "；",
    },
}


# Family names of common fonts with Chinese glyphs; a candidate is used only
# if its character map really has the characters the chart writes.
_CJK_NAMES: Final = re.compile(
    r"CJK|Source Han|WenQuanYi|YaHei|PingFang|Hiragino|Heiti|SimHei|SimSun|"
    r"Noto Sans SC|Noto Serif SC|Droid Sans Fallback|AR PL|Sarasa|FangSong|"
    r"KaiTi|STSong|STXihei|Songti|Unifont|Zen Hei|Micro Hei",
    re.IGNORECASE,
)


_CJK_PROBE: Final = "年目标亿元超过实际值进展"
_BASE_FAMILY: Final = "DejaVu Sans"  # ships with matplotlib


@functools.cache
def _cjk_family() -> str | None:
    """The family name of an installed font with Chinese glyphs, if any.

    matplotlib caches the list of system fonts on first use and never looks
    again, so a font installed after that is missing from its list: when the
    list has no Chinese font, the system's fonts it has not seen are added.
    """
    from matplotlib import font_manager

    manager = font_manager.fontManager

    def search() -> str | None:
        for entry in sorted(manager.ttflist, key=lambda e: e.name):
            if _CJK_NAMES.search(entry.name) and _covers(entry.fname, _CJK_PROBE):
                return str(entry.name)
        return None

    found = search()
    if found is None:
        known = {entry.fname for entry in manager.ttflist}
        for path in font_manager.findSystemFonts():
            if path not in known:
                with contextlib.suppress(OSError, RuntimeError, ValueError):
                    manager.addfont(path)
        found = search()
    if found is not None:
        logging.getLogger("matplotlib.font_manager").addFilter(_OneWeight(found))
    return found


class _OneWeight(logging.Filter):
    """Quiet matplotlib's note that the Chinese font has no bold face.

    Most fonts with Chinese glyphs come in one weight (WenQuanYi Micro Hei,
    Droid Sans Fallback); a bold title then uses it as it is, which is what
    the chart wants, and matplotlib logs "findfont: Failed to find font
    weight bold for ..., now using 400" for every text drawn.  Only that
    note, for the font chosen here, is dropped.
    """

    def __init__(self, family: str) -> None:
        super().__init__()
        self.family = family

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not (
            message.startswith("findfont: Failed to find font weight")
            and f" for {self.family}," in message
        )


@functools.cache
def _charmap(path: str) -> frozenset[int]:
    from matplotlib.ft2font import FT2Font

    try:
        return frozenset(FT2Font(path).get_charmap())
    except (OSError, RuntimeError):  # an unreadable font covers nothing
        return frozenset()


def _covers(path: str, text: str) -> bool:
    charmap = _charmap(path)
    return all(ord(c) in charmap for c in text)


@functools.cache
def _families(cjk: str | None) -> tuple[tuple[str, ...], frozenset[int]]:
    """The font families to use, and every character they can draw."""
    from matplotlib import font_manager

    names = (_BASE_FAMILY,) if cjk is None else (_BASE_FAMILY, cjk)
    covered: set[int] = set()
    for name in names:
        path = font_manager.findfont(
            font_manager.FontProperties(family=name), fallback_to_default=True
        )
        covered |= _charmap(path)
    return names, frozenset(covered)


@attrs.frozen
class _Writer:
    """Words, numbers and fonts for one language."""

    code: str
    families: tuple[str, ...]
    covered: frozenset[int]

    @classmethod
    def for_language(cls, lang: str) -> _Writer:
        code = _language(lang).code  # raises ValueError for unsupported ids
        # English charts may show Chinese words too (a measure word, what a
        # share is of): the Chinese font, when there is one, is the fallback.
        cjk = _cjk_family()
        if code == "zh" and cjk is None:
            # Without such a font every Chinese character would be an empty
            # box: English labels say the same and can be read.
            warnings.warn(
                "no installed font has Chinese glyphs; the chart is labelled in "
                "English (install a font such as Noto Sans CJK for Chinese labels)",
                UserWarning,
                stacklevel=3,
            )
            code = "en"
        families, covered = _families(cjk)
        return cls(code, families, covered)

    @property
    def font(self) -> dict[str, Any]:
        """Text keyword arguments: the families, and no mathtext for '$'."""
        return {"fontfamily": list(self.families), "parse_math": False}

    def bold(self, text: str) -> dict[str, Any]:
        """Text keyword arguments for *text* in bold: the Chinese font (which
        has no bold face, and matplotlib logs so) only if *text* needs it."""
        base = _families(None)[1]
        if all(ord(c) in base or c.isspace() for c in text):
            return {"fontfamily": [_BASE_FAMILY], "parse_math": False}
        return self.font

    def phrase(self, key: str, **values: object) -> str:
        return _PHRASES[self.code][key].format(**values)

    def readable(self, *candidates: str) -> str:
        """The first text the fonts can draw entirely; the last one otherwise."""
        for text in candidates:
            if all(ord(c) in self.covered or c.isspace() for c in text):
                return text
        return candidates[-1]

    def figure(self, figure: Figure) -> str:
        # A stated equivalent ("($442.2 billion)") would crowd a label.
        shown = attrs.evolve(figure, stated_equivalent=None)
        # Without a font for its words ("80 家", "25% of 地区生产总值"), the
        # label keeps the number and unit only.
        bare = attrs.evolve(shown, counted=None, measure=None, share_of=None)
        return self.readable(
            format_figure(shown, locale=self.code),
            format_figure(bare, locale=self.code),
        )

    def growth(self, kind: str, figure: Figure) -> tuple[str, str]:
        """The phrase key and rate text for a growth rate: a fall reads as one.

        "needs more than -5.6 %" is "needs to fall at most 5.6 %": the
        bound's side turns with the sign.
        """
        if figure.quantity.magnitude < 0:
            return f"{kind}_fall", self.rate(figure.scaled(-1))
        return kind, self.rate(figure)

    def rate(self, figure: Figure) -> str:
        """A growth rate figure as a percentage with its qualifier."""
        language = _language(self.code)
        number = format_percent(
            Decimal(figure.quantity.magnitude),
            format="#,##0.0%",
            locale=language.cldr,
        )
        words = _qualifier_phrase(figure, language)
        return language.joiner.join(part for part in (words, number) if part)

    def number(self, value: float) -> str:
        # Tick values are floats such as 0.30000000000000004: twelve
        # significant digits show the number the locator meant.
        return format_decimal(
            Decimal(f"{value:.12g}"),
            locale=_language(self.code).cldr,
            decimal_quantization=False,
        )

    def wrap(self, text: str, width: int) -> str:
        """*text* in lines of at most *width* Latin letters (half as many Hanzi)."""
        return "\n".join(
            textwrap.wrap(text, width // 2 if self.code == "zh" else width)
        )

    def status(self, status: Status) -> str:
        return status.chinese if self.code == "zh" else status.value


def _font_properties(writer: _Writer, size: float) -> Any:
    from matplotlib.font_manager import FontProperties

    return FontProperties(family=list(writer.families), size=size)


def _title_text(figure: Any, y: float, title: str, writer: _Writer) -> None:
    """A chart's title, centred across the figure at height *y* (a fraction)."""
    figure.text(
        0.5,
        y,
        title,
        ha="center",
        va="center",
        fontsize=13,
        fontweight="bold",
        gid="title",
        **writer.bold(title),
    )
