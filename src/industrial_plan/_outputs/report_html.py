"""The review as one self-contained HTML page, to open in a browser or send.

Title and sources, the review's summary, the verdict table, the progress
table, the review chart and the per-target charts inline as SVG, and the
methodology in a short note.  One file: styles are inline, images are SVG
in the page, no font or script is loaded, and the only links are to the
plan's sources and the methodology.  A print stylesheet keeps rows and
charts whole on paper.  Without matplotlib the page has no charts and says
so.  Jupyter shows the same page, without the charts, as the assessment's
view (charts are slow to draw on every display; ``ip.progress_figure``
draws them in a notebook).
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Final

from industrial_plan._progress.results import Status
from industrial_plan._progress.system import SystemAssessment

from .html import _html_list
from .review import REVIEW_COLUMNS, _words, review_rows, summary
from .rows import Display, headers, notes, rows, title

__all__ = ["report_fragment", "report_html"]

_TEXT: Final[Mapping[str, Mapping[str, str]]] = {
    "en": {
        "sources": "Sources:",
        "summary": "Summary",
        "verdicts": "Verdicts",
        "progress": "Progress toward each target",
        "review_chart": "The review at a glance",
        "target_charts": "Each target over the years",
        "aims": "Qualitative aims",
        "methodology": "Methodology",
        "method": (
            "Each target is compared with its latest observation. Levels and "
            "counts are assessed by the ratio of the observed compound annual "
            "growth rate to the rate the target needs (the CAGR ratio of SDG "
            "monitoring); rates, shares and caps by the observed value against "
            "the stated one, bounds read as bounds. The verdict compares the "
            "actual with the projected value, as yearly plan reports do."
        ),
        "read_more": "Read the methodology",
        "see": "The methodology is set out in the industrial-plan documentation, "
        "under Explanation: Progress methodology.",
        "no_charts": "Charts need matplotlib (the industrial-plan[chart] extra).",
        "too_many": (
            "This plan has {count:,} targets; the page draws charts for "
            "plans of at most {limit} targets."
        ),
        "chart_alt": "chart",
    },
    "zh": {
        "sources": "资料来源：",
        "summary": "概述",
        "verdicts": "评价",
        "progress": "各项目标进展",
        "review_chart": "评估总览",
        "target_charts": "各项目标历年情况",
        "aims": "定性目标",
        "methodology": "方法说明",
        "method": (
            "每项目标与其最新实际值比较。总量和数量按实际年均增速与实现目标所需"
            "增速之比评估（可持续发展目标监测的CAGR比值法）；速度、比重和上限按"
            "实际值与目标值比较，上下限按上下限理解。评价将实际值与预期值比较，"
            "与年度计划执行情况报告的做法一致。"
        ),
        "read_more": "阅读方法说明",
        "see": "方法详见industrial-plan文档的“Explanation: Progress methodology”。",
        "no_charts": "图表需要matplotlib（industrial-plan[chart]）。",
        "too_many": (
            "本规划共有{count:,}项目标；目标不超过{limit}项的规划才绘制图表。"
        ),
        "chart_alt": "图表",
    },
}

_STYLE: Final = """
.ip-report{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans",
"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;
color:#1b1b1b;line-height:1.45;
max-width:1100px;margin:0 auto;padding:1rem}
.ip-report h1{font-size:1.5rem;margin:.2rem 0 .6rem}
.ip-report h2{font-size:1.15rem;margin:1.6rem 0 .5rem;border-bottom:1px solid #ccc}
.ip-report .scroll{overflow-x:auto}
.ip-report table{border-collapse:collapse;font-size:.88rem;width:100%}
.ip-report caption{text-align:left;padding:.3rem 0}
.ip-report th,.ip-report td{border-bottom:1px solid #e3e3e3;padding:.3rem .5rem;
vertical-align:top}
.ip-report thead th{background:#f4f4f4;text-align:left;white-space:nowrap}
.ip-report td:last-child{white-space:nowrap}
.ip-report .good{color:#1e8449;font-weight:600}
.ip-report .warn{color:#b9770e;font-weight:600}
.ip-report .bad{color:#a93226;font-weight:600}
.ip-report .none{color:#5d6d7e}
.ip-report figure{margin:.5rem 0;overflow-x:auto}
.ip-report figure svg{width:100%;height:auto;display:block}
.ip-report .note{font-size:.9rem;color:#444}
@media screen and (max-width:640px){
.ip-report{padding:.5rem}
.ip-report table,.ip-report tbody,.ip-report tr,.ip-report td{display:block;width:auto}
.ip-report thead{display:none}
.ip-report tr{border:1px solid #ddd;border-radius:4px;margin:.5rem 0;padding:.3rem}
.ip-report td{border:0;padding:.1rem .3rem}
.ip-report td::before{content:attr(data-label) ": ";color:#666;font-weight:400}
.ip-report figure svg{min-width:760px}
}
@media print{
.ip-report{max-width:none;padding:0;font-size:10pt}
.ip-report .scroll{overflow:visible}
.ip-report h2{break-after:avoid}
.ip-report tr,.ip-report figure{break-inside:avoid}
.ip-report a{color:inherit}
.ip-report a[href^="http"]::after{content:" (" attr(href) ")";font-size:.8em}
}
"""

_CLASSES: Final = {
    Status.ACHIEVED: "good",
    Status.ON_TRACK: "good",
    Status.WITHIN_CAP: "good",
    Status.ACCELERATION_NEEDED: "warn",
    Status.LIMITED_PROGRESS: "bad",
    Status.DETERIORATION: "bad",
    Status.NOT_ACHIEVED: "bad",
    Status.CAP_EXCEEDED: "bad",
    Status.INSUFFICIENT_DATA: "none",
    Status.NOT_QUANTIFIED: "none",
}


MAX_CHARTED_TARGETS: Final = 100
"""Most targets whose charts the page draws.  Each target costs matplotlib
about a tenth of a second and the page some 40 kB of SVG, so a plan of
thousands of targets would take minutes and make a page no browser scrolls;
beyond this the page keeps its tables and says why it has no charts."""


def report_html(
    assessment: SystemAssessment,
    lang: str = "en",
    *,
    charts: bool = True,
    methodology_url: str | None = None,
) -> str:
    """The review as one self-contained HTML page.

    Title and sources, the review's summary, the verdict table, the progress
    table, the review chart and the per-target charts (inline SVG, when
    matplotlib is installed, *charts* is true and the plan has at most
    :data:`MAX_CHARTED_TARGETS` targets), and the methodology in a
    short note (linking to *methodology_url* when given).  Nothing is loaded
    from another host; a print stylesheet keeps rows and charts whole.

    Args:
        assessment: the result of :func:`~industrial_plan.assess`.
        lang: ``"en"`` or ``"zh"``.
        charts: draw the charts (needs the ``chart`` extra).
        methodology_url: where the methodology note links to, such as the
            address of your copy of the documentation's "Progress
            methodology" page; without one the note names that page.

    Returns:
        The page, from ``<!DOCTYPE html>`` to ``</html>``.

    Raises:
        ValueError: for an unsupported *lang*.

    >>> from industrial_plan import assess, examples
    >>> page = report_html(assess(examples.xiamen()), charts=False)
    >>> page.startswith("<!DOCTYPE html>"), "as projected" in page or "—" in page
    (True, True)
    """
    body = report_fragment(
        assessment, lang, charts=charts, methodology_url=methodology_url
    )
    heading = html.escape(title(assessment, lang))
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{heading}</title>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def report_fragment(
    assessment: SystemAssessment,
    lang: str = "en",
    *,
    charts: bool = False,
    methodology_url: str | None = None,
) -> str:
    """The page's content as one ``<div>`` with its own styles: Jupyter's view."""
    _words(lang)  # raises ValueError for an unsupported language
    text = _TEXT[lang]
    e = html.escape
    parts = [
        f'<div class="ip-report" lang="{lang}"><style>{_STYLE}</style>',
        f"<h1>{e(title(assessment, lang))}</h1>",
        _sources(assessment, text),
        f"<h2>{e(text['summary'])}</h2>",
        "".join(f"<p>{e(line)}</p>" for line in summary(assessment, lang)),
        f"<h2>{e(text['verdicts'])}</h2>",
        _verdict_table(assessment, lang),
        f"<h2>{e(text['progress'])}</h2>",
        _progress_table(assessment, lang),
    ]
    if charts:
        parts.append(_charts(assessment, lang, text))
    link = (
        f'<a href="{e(methodology_url)}">{e(text["read_more"])}</a>'
        if methodology_url
        else e(text["see"])
    )
    parts.append(
        f"<h2>{e(text['methodology'])}</h2>"
        f'<p class="note" id="methodology">{e(text["method"])} {link}</p>'
    )
    parts.append("</div>")
    return "\n".join(parts)


def _sources(assessment: SystemAssessment, text: Mapping[str, str]) -> str:
    e = html.escape
    items = []
    for source in assessment.system.sources:
        words = ", ".join(
            str(part)
            for part in (source.publisher, source.title, source.date)
            if part is not None
        )
        shown = e(words or source.id or "")
        if source.url and source.url.startswith(("http://", "https://")):
            shown = f'<a href="{e(source.url)}">{shown}</a>'
        items.append(f"<li>{shown}</li>")
    if not items:
        return ""
    return f'<p class="note">{e(text["sources"])}</p><ul>{"".join(items)}</ul>'


def _table(
    name: str,
    head: Sequence[str],
    body: Iterable[tuple[Sequence[str], Status]],
) -> str:
    """A table whose last cell is coloured by status; on a phone each row is a
    card, every cell labelled with its heading."""
    e = html.escape
    heading = "".join(f'<th style="text-align:left">{e(h)}</th>' for h in head)
    lines = []
    for cells, status in body:
        shown = [
            f'<td data-label="{e(label)}">{e(cell)}</td>'
            for label, cell in zip(head[:-1], cells[:-1], strict=True)
        ]
        shown.append(
            f'<td data-label="{e(head[-1])}" class="{_CLASSES[status]}">'
            f"{e(cells[-1])}</td>"
        )
        lines.append(f"<tr>{''.join(shown)}</tr>")
    return (
        f'<div class="scroll"><table class="{name}"><thead><tr>{heading}</tr>'
        f"</thead><tbody>{''.join(lines)}</tbody></table></div>"
    )


def _verdict_table(assessment: SystemAssessment, lang: str) -> str:
    words = _words(lang)
    body = []
    for result, row in zip(assessment, review_rows(assessment, lang), strict=True):
        status = result.status.value if lang == "en" else result.status.chinese
        # A verdict, or an office's judgement of an aim, as the review says;
        # else the status, so that no row is left blank.
        if result.verdict is None and result.judgement is None:
            row["verdict"] = status
        body.append(([row[c] for c in REVIEW_COLUMNS], result.status))
    return _table("verdicts", [words[c] for c in REVIEW_COLUMNS], body)


def _progress_table(assessment: SystemAssessment, lang: str) -> str:
    display = Display(lang=lang)
    body = [
        (row.cells(), result.status)
        for row, result in zip(rows(assessment, display), assessment, strict=True)
    ]
    return _table("progress", headers(lang), body) + _html_list(
        notes(assessment, display)
    )


def _charts(assessment: SystemAssessment, lang: str, text: Mapping[str, str]) -> str:
    e = html.escape
    if len(assessment) > MAX_CHARTED_TARGETS:
        said = text["too_many"].format(count=len(assessment), limit=MAX_CHARTED_TARGETS)
        return f'<p class="note">{e(said)}</p>'
    try:
        from .chart import progress_figure
    except ImportError:  # pragma: no cover - chart.py itself has no matplotlib
        return f'<p class="note">{e(text["no_charts"])}</p>'
    try:
        review = progress_figure(assessment, lang=lang, view="review")
        targets = (
            progress_figure(assessment, lang=lang, view="targets")
            if any(r.target.figure is not None for r in assessment)
            else None
        )
    except ImportError:
        return f'<p class="note">{e(text["no_charts"])}</p>'
    parts = [f"<h2>{e(text['review_chart'])}</h2>", _svg(review, "review", text)]
    if targets is not None:
        parts.append(f"<h2>{e(text['target_charts'])}</h2>")
        parts.append(_svg(targets, "targets", text))
    return "\n".join(parts)


def _svg(figure: object, name: str, text: Mapping[str, str]) -> str:
    """A figure as inline SVG, its ids prefixed so that two charts can share a
    page; text is drawn as paths, so the page needs no font."""
    from matplotlib import rc_context

    buffer = io.StringIO()
    with rc_context({"svg.fonttype": "path", "svg.hashsalt": name}):
        figure.savefig(buffer, format="svg")  # type: ignore[attr-defined]
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r'\bid="([^"]+)"', rf'id="{name}-\1"', svg)
    svg = re.sub(r'href="#([^"]+)"', rf'href="#{name}-\1"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", rf"url(#{name}-\1)", svg)
    svg = _unique_ids(svg)
    svg = re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"', r"<svg\1", svg, count=1)
    label = html.escape(f"{text['chart_alt']}: {name}")
    svg = svg.replace("<svg", f'<svg role="img" aria-label="{label}"', 1)
    return f'<figure class="chart chart-{name}">{svg}</figure>'


def _unique_ids(svg: str) -> str:
    """Ids matplotlib repeats (the gids of like elements, never referred to)
    numbered, so that the page's ids are unique."""
    counts: dict[str, int] = {}
    for found in re.findall(r'\bid="([^"]+)"', svg):
        counts[found] = counts.get(found, 0) + 1
    seen: dict[str, int] = {}

    def number(match: re.Match[str]) -> str:
        name = match.group(1)
        if counts[name] == 1:
            return match.group(0)
        seen[name] = seen.get(name, 0) + 1
        return f'id="{name}-{seen[name]}"'

    return re.sub(r'\bid="([^"]+)"', number, svg)
