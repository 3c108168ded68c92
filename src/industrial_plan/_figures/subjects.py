"""The indicator a figure is about: the words before it in its clause.

In both languages the indicator comes before its figure ("研发经费投入强度
提升至2.6%", "industrial investment grew 8.1 percent"); what stands between
is taken off: years and periods, the words that say aimed at or happened
(力争, 预计, "is expected to"), the place (全市, "the city's") and the verbs
that lead to the figure (实现, 达到, "reached").  What is left is the subject
as written, or None when nothing is.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Final

from .lexicon import _ZH_QUALIFIERS, _ZH_SUFFIX_QUALIFIERS

_ZH_WORDS: Final = sorted(
    {
        # The parser's qualifiers (超过, 达到, 提升至, 以上, ...) may stand at
        # either edge of the words before a figure.
        *(word for words in _ZH_QUALIFIERS.values() for word in words),
        *_ZH_SUFFIX_QUALIFIERS,
        *(  # noqa: SIM905 - a word list reads best as words
            "其中 全市 全省 全区 全县 全国 我市 本市 "
            "我省 本省 我区 全年 当年 本年 力争 争取 "
            "确保 将 预计 初步核算 初步统计 初步测算 要 使 "
            "推动 实现 完成 达到 达 从 由 在 "
            "到 至 "
            "目标 计划 年末 年底 共 共计 总计 合计 "
            "已 已经 同时 并 和 及 与 的 "
            "是 为 其 比上年 "
            "较上年 同比 上年同期 分别 预期 力求 努力 分别为 "
            "全部 此外 另外 截至 截止 期间 以来 "
            # Verbs of plans before what they build: 培育超过80家高新技术企业.
            "培育 打造 建设 建成 引进 新建 形成 实施 "
            "拥有 集聚 培养 组建 带动 吸引 落地 开工 "
            "争创 创建 "
            "新培育 新引进 共有 "
        ).split(),
    },
    key=lambda word: (-len(word), word),
)
_ZH_EDGE: Final = re.compile(
    "^(?:" + "|".join(_ZH_WORDS) + ")+|(?:" + "|".join(_ZH_WORDS) + ")+$"
)
_ZH_VERB: Final = re.compile(r"实现|完成|达到")
_ZH_PUNCTUATION: Final = re.compile(r"[\s，,、；;：:。“”\"'‘’（）()《》【】\[\]—\-]+")

_EN_LEADING: Final = re.compile(
    r"^(?:(?:in|by|to|during|for|from|and|while|with|as|of|the|a|an|its|their|this|"
    r"that|total|overall|meanwhile|also|while|where|which|[A-Za-z.-]+'s|[A-Za-z]+s')"
    r"\s+)+",
    re.IGNORECASE,
)
_EN_TRAILING: Final = re.compile(
    r"(?:\s+(?:is|are|was|were|will|would|be|been|being|has|have|had|to|expected|"
    r"projected|set|aims?|aimed|aiming|plans?|planned|strives?|targets?|targeted|"
    r"reach|reached|reaches|reaching|hit|stood|stand|stands|totall?ed|totals?|"
    r"amounted|amounts|came|grew|grow|rose|rise|fell|increased|decreased|declined|"
    r"dropped|climbed|jumped|expanded|accounted|accounting|for|at|by|up|down|of|with|"
    r"an|a|the|increase|decrease|rise|growth|make|made|respectively|which|that|and|"
    r"should|seeks?|also|further|still|again|around|about|some|nearly|almost|"
    r"approximately|roughly|more|than|over|above|under|below|less|least|most|no|"
    r"not|exceeded|exceeding|exceed|surpass|top|recorded|posted|registered|from|"
    r"to|in))+$",
    re.IGNORECASE,
)
# "Preliminary estimates show retail sales …": what a source says, not the subject.
_EN_SAYS: Final = re.compile(
    r"^.*\b(?:show|shows|showed|shown|indicate|indicates|indicated|suggest|suggests)"
    r"\s+(?:that\s+)?",
    re.IGNORECASE,
)
# "the city aims to raise R&D intensity to 3 percent": the action, not the subject.
_EN_ACTION: Final = re.compile(
    r"^.*?\b(?:to|will|would|should|must)\s+(?:further\s+)?(?:raise|increase|boost|"
    r"lift|cut|reduce|lower|bring|add|expand|grow|keep|maintain|achieve|reach|make|"
    r"build|double|triple|hold|limit|control|push|take|get)\s+",
    re.IGNORECASE,
)
_EN_FUNCTION_WORDS: Final = frozenset(
    {
        "to",
        "and",
        "or",
        "of",
        "the",
        "a",
        "an",
        "in",
        "by",
        "for",
        "with",
        "at",
        "as",
        "from",
        "that",
        "which",
        "it",
        "its",
    }
)
_ZH_IN_FIGURE: Final = re.compile(
    r"(?:新增|累计)([\u4e00-\u9fffA-Za-z]{2,40}?)(?=[^\u4e00-\u9fffA-Za-z]|超过|达到|达|约|不低于|不少于|突破|近|逾|超|$)"
)
_EN_PUNCTUATION: Final = re.compile(r"^[\s,;:()\"'“”‘’-]+|[\s,;:()\"'“”‘’-]+$")

_MAX_ZH: Final = 40
_MAX_EN_WORDS: Final = 12


def subject(
    text: str, start: int, end: int, cut: Sequence[tuple[int, int]]
) -> str | None:
    """The indicator named in ``text[start:end]``, with the *cut* spans taken out."""
    pieces = []
    position = start
    for cut_start, cut_end in cut:
        if cut_end <= start or cut_start >= end:
            continue
        pieces.append(text[position : max(position, cut_start)])
        position = max(position, cut_end)
    pieces.append(text[position:end])
    for piece in reversed(pieces):
        found = _name(piece)
        if found is not None:
            return found
    return None


@functools.lru_cache(maxsize=4096)
def _name(piece: str) -> str | None:
    """The subject in *piece*; kept, as a document repeats its clauses' openings."""
    if re.search(r"[\u4e00-\u9fff]", piece):
        return _chinese(piece)
    return _english(piece)


def _chinese(piece: str) -> str | None:
    parts = [p for p in _ZH_PUNCTUATION.split(piece) if p]
    if not parts:
        return None
    words = parts[-1]
    for _ in range(3):  # edges may nest: 力争全市…实现
        words = _ZH_EDGE.sub("", words)
        verbs = list(_ZH_VERB.finditer(words))
        if verbs and verbs[-1].end() < len(words):
            words = words[verbs[-1].end() :]
    if len(words) < 2 or len(words) > _MAX_ZH:
        return None
    return words


def _english(piece: str) -> str | None:
    words = _EN_PUNCTUATION.sub("", piece.split(",")[-1])
    words = _EN_SAYS.sub("", words)
    words = _EN_ACTION.sub("", words)
    for _ in range(3):
        words = _EN_TRAILING.sub("", _EN_LEADING.sub("", words))
        words = _EN_PUNCTUATION.sub("", words)
    if not re.search(r"[A-Za-z]{2}", words) or len(words.split()) > _MAX_EN_WORDS:
        return None
    if all(word.lower() in _EN_FUNCTION_WORDS for word in words.split()):
        return None  # "… and to add 2 GW": no indicator named here
    return words


def figure_subject(words: str) -> str | None:
    """The indicator named inside a Chinese figure's own words, between 新增 or
    累计 and the qualifier: 新增光伏装机容量120万千瓦, 累计建成国家级创新平台65家."""
    found = _ZH_IN_FIGURE.match(words)
    return _chinese(found.group(1)) if found is not None else None


_LIST_SPLIT: Final = re.compile(r"\s*(?:、|和|与|及|以及|,\s*and|,|\band\b)\s*")


def split_list(words: str, count: int) -> list[str] | None:
    """The subjects of a list with 分别 or "respectively": one per figure, or None."""
    parts = [p.strip() for p in _LIST_SPLIT.split(words) if p.strip()]
    return parts if len(parts) == count else None
