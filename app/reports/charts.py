"""Vector charts for the reports (reportlab.graphics), drawn with the embedded fonts.

Why not ReportLab's own legends and labels: a chart string is drawn in one font, and
neither embedded font has every glyph a label needs (the CJK font has no Latin digits,
the Latin font no Chinese). ``mixed_text`` splits a label into font runs, as
``page.draw_text`` does on a canvas, so "固定收益 45.2%" renders whole. The meeting brief
and the advice pack share the palette and the allocation doughnut.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Literal

from reportlab.graphics.charts.doughnut import Doughnut
from reportlab.graphics.shapes import Drawing, Group, Rect, String
from reportlab.lib.colors import Color, HexColor, white

from app.reports.fonts import font_runs, register_fonts, string_width
from app.reports.page import INK, MUTED, TEXT

# Distinct in print and in greyscale, dark to light; the bank's ink blue comes first.
PALETTE: tuple[Color, ...] = (
    INK,
    HexColor("#4f7cac"),
    HexColor("#c8a96a"),
    HexColor("#7a9e7e"),
    HexColor("#a9c4e0"),
    HexColor("#b56b6b"),
    HexColor("#8c7aa9"),
    HexColor("#c2c8ce"),
)

Anchor = Literal["start", "middle", "end"]
Slices = Sequence[tuple[str, Decimal]]


def mixed_text(
    x: float,
    y: float,
    text: str,
    size: float,
    *,
    anchor: Anchor = "start",
    fill: Color = TEXT,
    bold: bool = False,
) -> Group:
    """``text`` as String shapes, each run in the font that has its glyphs."""
    width = string_width(text, size, bold=bold)
    if anchor == "middle":
        x -= width / 2
    elif anchor == "end":
        x -= width
    group = Group()
    for font, run in font_runs(text, bold=bold):
        group.add(String(x, y, run, fontName=font, fontSize=size, fillColor=fill))
        x += string_width(run, size, bold=bold)
    return group


def fit_text(text: str, size: float, width: float, *, bold: bool = False) -> str:
    """``text`` shortened with an ellipsis until it fits ``width`` points."""
    if string_width(text, size, bold=bold) <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with the ellipsis
        middle = (low + high + 1) // 2
        if string_width(text[:middle].rstrip() + "…", size, bold=bold) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


def _fitting_size(text: str, size: float, width: float, smallest: float = 5.5) -> float:
    """``size``, or smaller (down to ``smallest``) so that ``text`` fits ``width``."""
    natural = string_width(text, size)
    return size if natural <= width else max(smallest, size * width / natural)


def shares(slices: Slices) -> list[Decimal]:
    """Each slice's share of the positive total, in per cent to one decimal."""
    total = sum((value for _, value in slices if value > 0), Decimal(0))
    if total <= 0:
        return [Decimal(0) for _ in slices]
    return [(max(value, Decimal(0)) * 100 / total).quantize(Decimal("0.1")) for _, value in slices]


def allocation_doughnut(
    slices: Slices,
    *,
    width: float,
    height: float,
    centre: tuple[str, str] = ("", ""),
    value_text: Callable[[Decimal], str] | None = None,
) -> Drawing:
    """A doughnut of ``slices`` with a legend at its right: swatch, label, share, value.

    Args:
        slices: (label, value) pairs, largest first; non-positive values are left out.
        width, height: the drawing's size in points.
        centre: two short lines in the hole (e.g. "总资产" and "6,218.73万").
        value_text: formats a slice's value for the legend (no value column when None).
    """
    fonts = register_fonts()
    shown = [(label, value) for label, value in slices if value > 0]
    drawing = Drawing(width, height)
    drawing.initialFontName = fonts.latin  # else the renderer selects Helvetica, unembedded
    if not shown:
        return drawing
    size = min(height - 6, width * 0.42)
    chart = Doughnut()
    chart.x, chart.y = 2, (height - size) / 2
    chart.width = chart.height = size
    chart.data = [float(value) for _, value in shown]
    chart.labels = None
    chart.innerRadiusFraction = 0.56
    chart.startAngle = 90
    chart.direction = "clockwise"
    chart.slices.strokeColor = white
    chart.slices.strokeWidth = 0.8
    for index in range(len(shown)):
        chart.slices[index].fillColor = PALETTE[index % len(PALETTE)]
    drawing.add(chart)

    centre_x, centre_y = 2 + size / 2, height / 2
    hole = size * chart.innerRadiusFraction - 8  # the widest line the hole holds
    top, bottom = centre
    if top:
        top_size = _fitting_size(top, 7, hole)
        drawing.add(mixed_text(centre_x, centre_y + 2, top, top_size, anchor="middle", fill=MUTED))
    if bottom:
        size_bottom = _fitting_size(bottom, 8.5, hole)
        drawing.add(
            mixed_text(centre_x, centre_y - 9, bottom, size_bottom, anchor="middle", fill=INK)
        )

    legend_x = 2 + size + 12
    _legend(drawing, shown, legend_x, width - legend_x, height, value_text, fonts.latin)
    return drawing


def _legend(
    drawing: Drawing,
    slices: Slices,
    x: float,
    width: float,
    height: float,
    value_text: Callable[[Decimal], str] | None,
    latin_font: str,
) -> None:
    font_size, row = 8.0, 15.0
    percents = shares(slices)
    value_width = 62.0 if value_text else 0.0
    share_width = 34.0
    label_width = width - 12 - share_width - value_width
    first = height / 2 + row * (len(slices) - 1) / 2  # the rows centred on the doughnut
    for index, ((label, value), pct) in enumerate(zip(slices, percents, strict=True)):
        y = first - index * row
        colour = PALETTE[index % len(PALETTE)]
        drawing.add(Rect(x, y - 1, 7, 7, fillColor=colour, strokeColor=None))
        drawing.add(mixed_text(x + 12, y, fit_text(label, font_size, label_width), font_size))
        share_x = x + 12 + label_width + share_width
        drawing.add(
            String(
                share_x,
                y,
                f"{pct}%",
                fontName=latin_font,
                fontSize=font_size,
                textAnchor="end",
                fillColor=TEXT,
            )
        )
        if value_text is not None:
            drawing.add(
                mixed_text(x + width, y, value_text(value), font_size, anchor="end", fill=MUTED)
            )
