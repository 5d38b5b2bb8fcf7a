"""Vector charts for the reports (reportlab.graphics), drawn with the embedded fonts.

Why not ReportLab's own legends and labels: a chart string is drawn in one font, and
neither embedded font has every glyph a label needs (the CJK font has no Latin digits,
the Latin font no Chinese). ``mixed_text`` splits a label into font runs, as
``page.draw_text`` does on a canvas, so "固定收益 45.2%" renders whole. The meeting brief
and the advice pack share the palette and the allocation doughnut; the advice pack also
draws current against proposed weights (``allocation_bars``) and projection fans
(``projection_fan``), whose axes use the Latin font (digits only) and whose words are
drawn with ``mixed_text``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.doughnut import Doughnut
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.charts.utils import FillPairedData
from reportlab.graphics.shapes import Drawing, Group, Line, Rect, String
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


def _latin_axis(axis: object, font: str, size: float = 7.0) -> None:
    """Axis tick labels in the embedded Latin font (the default, Helvetica, is not)."""
    labels = axis.labels  # type: ignore[attr-defined]
    labels.fontName = font
    labels.fontSize = size
    labels.fillColor = MUTED
    axis.strokeColor = MUTED  # type: ignore[attr-defined]
    axis.strokeWidth = 0.5  # type: ignore[attr-defined]


def _swatch_legend(
    drawing: Drawing, entries: Sequence[tuple[str, Color, str]], x: float, y: float, size: float
) -> None:
    """One row of legend entries from ``x``: (label, colour, "box" | "line" | "dash")."""
    for label, colour, kind in entries:
        if kind == "box":
            drawing.add(Rect(x, y - 1, 8, 7, fillColor=colour, strokeColor=None))
        else:
            line = Line(x, y + 2.5, x + 12, y + 2.5, strokeColor=colour, strokeWidth=1.4)
            if kind == "dash":
                line.strokeDashArray = (2.5, 1.5)
                line.strokeWidth = 0.9
            drawing.add(line)
        x += 16
        drawing.add(mixed_text(x, y, label, size, fill=TEXT))
        x += string_width(label, size) + 12


def allocation_bars(
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    *,
    width: float,
    height: float,
    value_text: Callable[[float], str],
    colours: Sequence[Color] = (HexColor("#a9c4e0"), INK),
) -> Drawing:
    """Horizontal grouped bars, one group per category (top to bottom), one bar per series.

    Args:
        categories: the group labels (any mix of Chinese and Latin).
        series: (legend label, one value per category), e.g. current and proposed weights
            in per cent; the first series is drawn light, the last in the bank's ink.
        width, height: the drawing's size in points; the legend takes the top 16 points.
        value_text: the label at the end of each bar, e.g. ``lambda v: f"{v:.1f}%"``.
        colours: one per series, in the order of ``series``.
    """
    fonts = register_fonts()
    drawing = Drawing(width, height)
    drawing.initialFontName = fonts.latin
    if not categories or not series:
        return drawing
    colours = [colours[index % len(colours)] for index in range(len(series))]
    label_width = min(width * 0.3, max(string_width(c, 8) for c in categories) + 6)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width + 4, 14
    chart.width, chart.height = width - chart.x - 36, height - chart.y - 20
    # Reversed twice: categories run top-down, and within a group the first series is on top.
    chart.data = [list(values) for _, values in reversed(series)]
    chart.categoryAxis.reverseDirection = 1
    chart.categoryAxis.visibleLabels = 0  # drawn below in mixed fonts
    chart.categoryAxis.visibleTicks = 0
    _latin_axis(chart.categoryAxis, fonts.latin)
    _latin_axis(chart.valueAxis, fonts.latin)
    top = max((max(values, default=0.0) for _, values in series), default=0.0)
    chart.valueAxis.valueMin = min(0.0, *(min(v, default=0.0) for _, v in series))
    chart.valueAxis.valueMax = max(top * 1.08, 1.0)
    chart.valueAxis.labelTextFormat = lambda value: value_text(float(value))
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = HexColor("#e3e7eb")
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.groupSpacing = 6
    chart.barSpacing = 1
    chart.bars.strokeColor = None
    for index, colour in enumerate(reversed(colours)):
        chart.bars[index].fillColor = colour
    chart.barLabelFormat = lambda value: value_text(float(value))
    chart.barLabels.fontName = fonts.latin
    chart.barLabels.fontSize = 6.5
    chart.barLabels.fillColor = TEXT
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 2
    drawing.add(chart)

    step = chart.height / len(categories)
    for index, label in enumerate(categories):
        y = chart.y + chart.height - (index + 0.5) * step - 3
        text = fit_text(label, 8, label_width - 4)
        drawing.add(mixed_text(chart.x - 4, y, text, 8, anchor="end"))
    entries = [(label, colour, "box") for (label, _), colour in zip(series, colours, strict=True)]
    _swatch_legend(drawing, entries, chart.x, height - 10, 8)
    return drawing


@dataclass(frozen=True)
class Fan:
    """One allocation's projection: the 5–95 % band, the median and an expected path."""

    label: str
    low: Sequence[float]
    median: Sequence[float]
    high: Sequence[float]
    path: Sequence[float] = ()
    colour: Color = INK


def projection_fan(
    years: Sequence[int],
    fans: Sequence[Fan],
    *,
    width: float,
    height: float,
    unit: str,
    divisor: float,
    legend: tuple[str, str, str],
) -> Drawing:
    """A line plot of value over the years: each fan's band shaded, median solid, path dashed.

    Args:
        years: the x values (calendar years).
        fans: one per allocation, e.g. current (grey) and proposed (ink).
        width, height: the drawing's size in points; the legend takes the top 30 points.
        unit: the y axis's unit line, e.g. "单位：万元".
        divisor: the values are divided by this for the y tick labels (10,000 for 万元).
        legend: the words for (median, band, path), joined to each fan's label.
    """
    fonts = register_fonts()
    drawing = Drawing(width, height)
    drawing.initialFontName = fonts.latin
    if len(years) < 2 or not fans:
        return drawing
    plot = LinePlot()
    plot.x, plot.y = 46, 16
    plot.width, plot.height = width - plot.x - 8, height - plot.y - 42
    data: list[list[tuple[float, float]]] = []
    styles: list[tuple[Color, float, tuple[float, float] | None]] = []
    for fan in fans:  # bands first, so the lines are drawn over every band
        low = len(data)
        data.append([(y, v / divisor) for y, v in zip(years, fan.low, strict=True)])
        high = [(y, v / divisor) for y, v in zip(years, fan.high, strict=True)]
        data.append(FillPairedData(high, low))
        band = _faded(fan.colour, 0.18)
        styles += [(band, 0.0, None), (band, 0.0, None)]
    for fan in fans:
        data.append([(y, v / divisor) for y, v in zip(years, fan.median, strict=True)])
        styles.append((fan.colour, 1.4, None))
        if fan.path:
            data.append([(y, v / divisor) for y, v in zip(years, fan.path, strict=True)])
            styles.append((fan.colour, 0.8, (3, 2)))
    plot.data = data
    for index, (colour, line_width, dash) in enumerate(styles):
        plot.lines[index].strokeColor = colour if line_width else None
        plot.lines[index].fillColor = colour
        plot.lines[index].strokeWidth = line_width
        plot.lines[index].strokeDashArray = dash
    _latin_axis(plot.xValueAxis, fonts.latin)
    _latin_axis(plot.yValueAxis, fonts.latin)
    plot.xValueAxis.valueMin, plot.xValueAxis.valueMax = years[0], years[-1]
    plot.xValueAxis.valueSteps = _year_ticks(years)
    plot.xValueAxis.labelTextFormat = "%d"
    plot.yValueAxis.valueMin = 0
    plot.yValueAxis.labelTextFormat = lambda value: f"{value:,.0f}"
    plot.yValueAxis.visibleGrid = 1
    plot.yValueAxis.gridStrokeColor = HexColor("#e3e7eb")
    plot.yValueAxis.gridStrokeWidth = 0.4
    drawing.add(plot)
    drawing.add(mixed_text(0, plot.y + plot.height + 8, unit, 7, fill=MUTED))
    _fan_legend(drawing, fans, legend, plot.x, height - 10, width - plot.x)
    return drawing


def _fan_legend(
    drawing: Drawing,
    fans: Sequence[Fan],
    words: tuple[str, str, str],
    x: float,
    y: float,
    width: float,
) -> None:
    """A row per fan: its label, then median (line), band (box) and path (dashes), the
    entries aligned in columns and the type made smaller until the rows fit ``width``."""
    median, band, path = words
    size = 7.5
    while True:
        label_width = max(string_width(fan.label, size) for fan in fans) + 10
        entries = [string_width(text, size) + 28 for text in (median, band, path)]
        if label_width + sum(entries) <= width or size <= 5.5:
            break
        size -= 0.5
    for row, fan in enumerate(fans):
        at = y - row * (size + 5.5)
        drawing.add(mixed_text(x, at, fan.label, size, fill=TEXT))
        kinds = [(median, fan.colour, "line"), (band, _faded(fan.colour, 0.3), "box")]
        if fan.path:
            kinds.append((path, fan.colour, "dash"))
        left = x + label_width
        for (text, colour, kind), room in zip(kinds, entries, strict=False):
            _swatch_legend(drawing, [(text, colour, kind)], left, at, size)
            left += room


def _faded(colour: Color, alpha: float) -> Color:
    return Color(colour.red, colour.green, colour.blue, alpha=alpha)


def _year_ticks(years: Sequence[int]) -> list[int]:
    """At most about eight ticks, on round years when the span is long."""
    span = years[-1] - years[0]
    step = next((s for s in (1, 2, 5, 10, 20) if span / s <= 8), 50)
    first = years[0] if step == 1 else years[0] + (-years[0]) % step
    ticks = list(range(first, years[-1] + 1, step))
    return ticks if years[0] in ticks else [years[0], *ticks]
