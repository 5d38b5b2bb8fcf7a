"""Page furniture every report shares: A4, margins, styles, dates and the footer.

Why here: the assessment record, the advice pack and the meeting brief must look like one
bank's documents, and each page must carry the confidentiality line, the document number
and "page x of y". The total page count is only known at the end, so pages are held by
``FurnishedCanvas`` and stamped when the document is saved (the canvasmaker approach).
Builds are deterministic (``invariant``): the same story gives the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache, partial
from typing import Any, Literal

import reportlab.lib.textsplit as rl_textsplit
import reportlab.platypus.paragraph as rl_paragraph
from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    TableStyle,
)

from app.reports.fonts import font_runs, markup, register_fonts, string_width

Lang = Literal["zh", "en"]

PAGE_SIZE: tuple[float, float] = A4
MARGIN_LEFT: float = 18 * mm
MARGIN_RIGHT: float = 18 * mm
MARGIN_TOP: float = 15 * mm
MARGIN_BOTTOM: float = 20 * mm
FOOTER_BASELINE: float = 11 * mm

INK: Color = HexColor("#1f3b57")  # headings, the result box frame
TEXT: Color = HexColor("#222222")
MUTED: Color = HexColor("#5f6b76")  # labels, footer
RULE: Color = HexColor("#b9c1c9")  # thin grey rules
TINT: Color = HexColor("#eef3f8")  # header rows, the result box
NOTE_TINT: Color = HexColor("#fbf6e9")  # the extra-care note
NOTE_RULE: Color = HexColor("#c8a96a")

CONFIDENTIALITY: dict[Lang, str] = {
    "zh": "机密 · 仅供客户本人及其客户经理使用",
    "en": "Confidential · for the client and their relationship manager only",
}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def frame_width() -> float:
    """The width between the left and right margins."""
    return PAGE_SIZE[0] - MARGIN_LEFT - MARGIN_RIGHT


def format_date(day: date, lang: Lang) -> str:
    """``2026年11月29日`` in Chinese, ``29 Nov 2026`` in English (no locale involved)."""
    if lang == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def format_datetime(moment: datetime, lang: Lang) -> str:
    """The date as ``format_date`` then the wall-clock time, ``2026年11月29日 14:30``."""
    separator = " " if lang == "zh" else ", "
    return f"{format_date(moment.date(), lang)}{separator}{moment:%H:%M}"


@dataclass(frozen=True)
class DocumentStyles:
    """Paragraph styles of one language; Chinese wraps between any two characters."""

    title: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    label: ParagraphStyle
    small: ParagraphStyle
    table: ParagraphStyle
    table_head: ParagraphStyle
    level_code: ParagraphStyle
    level_name: ParagraphStyle


# Full-width punctuation that must not start a line in Chinese; ReportLab's own list
# (reportlab.lib.textsplit.ALL_CANNOT_START) has 、。） but not ，；：？！ and closing quotes.
_CANNOT_START_LINE = "，；：？！》〉…”’％"


@lru_cache(maxsize=1)
def _teach_chinese_line_breaks() -> None:
    """Add ``_CANNOT_START_LINE`` to the lists ReportLab's CJK wrapping reads (process-wide).

    Two copies: ``textsplit`` wraps single-font paragraphs, ``paragraph`` mixed-font ones.
    """
    for module in (rl_textsplit, rl_paragraph):
        known: str = module.ALL_CANNOT_START
        module.ALL_CANNOT_START = known + "".join(c for c in _CANNOT_START_LINE if c not in known)


@lru_cache(maxsize=2)
def document_styles(lang: Lang) -> DocumentStyles:
    fonts = register_fonts()
    _teach_chinese_line_breaks()
    wrap = "CJK" if lang == "zh" else None

    def style(name: str, size: float, leading: float, **extra: Any) -> ParagraphStyle:
        extra.setdefault("textColor", TEXT)
        return ParagraphStyle(
            f"{lang}-{name}",
            fontName=fonts.latin,
            fontSize=size,
            leading=leading,
            wordWrap=wrap,
            **extra,
        )

    return DocumentStyles(
        title=style("title", 16, 21, textColor=INK, alignment=TA_CENTER),
        heading=style("heading", 10.5, 14, textColor=INK, spaceBefore=6, spaceAfter=3),
        body=style("body", 9, 12.5),
        label=style("label", 8.5, 11.5, textColor=MUTED),
        small=style("small", 8, 10.5, textColor=MUTED),
        table=style("table", 8, 10),
        table_head=style("table-head", 8, 10, textColor=INK),
        level_code=style("level-code", 26, 30, textColor=INK, alignment=TA_CENTER),
        level_name=style("level-name", 14, 18, textColor=INK, alignment=TA_CENTER),
    )


def para(text: str, style: ParagraphStyle, *, bold: bool = False) -> Paragraph:
    """A Paragraph of plain ``text`` (escaped; each run in the font that has its glyphs)."""
    return Paragraph(markup(text, bold=bold), style)


def table_style(*commands: tuple[Any, ...]) -> TableStyle:
    """A TableStyle whose plain-string cells use the embedded Latin font, not Helvetica."""
    fonts = register_fonts()
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.latin), *commands])


@dataclass(frozen=True)
class PageFurniture:
    """What every page carries: the confidentiality line, document number, page x of y."""

    lang: Lang
    document_number: str
    confidentiality: str = field(default="")

    def confidentiality_line(self) -> str:
        return self.confidentiality or CONFIDENTIALITY[self.lang]

    def number_line(self) -> str:
        if self.lang == "zh":
            return f"文件编号 {self.document_number}"
        return f"Document no. {self.document_number}"

    def page_line(self, page: int, pages: int) -> str:
        if self.lang == "zh":
            return f"第 {page} 页 / 共 {pages} 页"
        return f"Page {page} of {pages}"


def draw_text(
    canvas: Canvas,
    x: float,
    y: float,
    text: str,
    size: float,
    *,
    align: Literal["left", "center", "right"] = "left",
    bold: bool = False,
) -> None:
    """Draw mixed Chinese/Latin ``text`` on a canvas, each run in the font that has it."""
    width = string_width(text, size, bold=bold)
    if align == "center":
        x -= width / 2
    elif align == "right":
        x -= width
    for font, run in font_runs(text, bold=bold):
        canvas.setFont(font, size)
        canvas.drawString(x, y, run)
        x += canvas.stringWidth(run, font, size)


def draw_footer(canvas: Canvas, furniture: PageFurniture, page: int, pages: int) -> None:
    left, right = MARGIN_LEFT, PAGE_SIZE[0] - MARGIN_RIGHT
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(left, FOOTER_BASELINE + 10, right, FOOTER_BASELINE + 10)
    canvas.setFillColor(MUTED)
    draw_text(canvas, left, FOOTER_BASELINE, furniture.confidentiality_line(), 7.5)
    stamp = f"{furniture.number_line()}    {furniture.page_line(page, pages)}"
    draw_text(canvas, right, FOOTER_BASELINE, stamp, 7.5, align="right")
    canvas.restoreState()


class FurnishedCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type hints
    """A canvas that holds its pages until ``save`` and then stamps each one's footer."""

    def __init__(self, *args: Any, furniture: PageFurniture, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._furniture = furniture
        self._held_pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # ReportLab's name
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        pages = len(self._held_pages)
        for number, state in enumerate(self._held_pages, start=1):
            self.__dict__.update(state)
            draw_footer(self, self._furniture, number, pages)
            super().showPage()
        super().save()


def render_story(
    story: Sequence[Flowable],
    furniture: PageFurniture,
    *,
    title: str,
    subject: str = "",
) -> bytes:
    """Lay out ``story`` on furnished A4 pages and return the PDF's bytes.

    Args:
        story: the flowables, top to bottom.
        furniture: the footer of every page.
        title: the PDF's title (document properties); keep client data out of it.
        subject: the PDF's subject, likewise.
    """
    fonts = register_fonts()
    buffer = io.BytesIO()
    template = BaseDocTemplate(
        buffer,
        pagesize=PAGE_SIZE,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        subject=subject,
        author="Confidant",
        creator="Confidant",
        invariant=1,
        initialFontName=fonts.latin,  # else Helvetica, unembedded, is referenced
        lang="zh-CN" if furniture.lang == "zh" else "en",
    )
    # No frame padding: tables and paragraphs both start at the margin, under the footer rule.
    frame = Frame(
        MARGIN_LEFT,
        MARGIN_BOTTOM,
        frame_width(),
        PAGE_SIZE[1] - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    template.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    template.build(list(story), canvasmaker=partial(FurnishedCanvas, furniture=furniture))
    return buffer.getvalue()
