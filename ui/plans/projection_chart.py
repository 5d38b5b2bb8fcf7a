"""The plan's wealth projection as a chart: for the current and the proposed allocation,
the median wealth year by year and a shaded band of the likely range, with the goals
as markers at their target years, and the values under the mouse.

Why it is shaped so:

- Two allocations, one chart: the same simulated markets run under both (the service
  uses one seed), so the gap between the two medians is the allocation's doing. Current
  is grey and dashed, proposed the app's blue, each band a pale wash of its line.
- The band is 10–90% of outcomes when the projections carry those percentiles, else the
  nearest wider pair (5–95 today), and the legend says which: a client should see that
  the range is wide, not only the median.
- Values are drawn in 万元 (10,000 CNY) like the portfolio's history chart, in today's
  money by default (goals are mostly set in today's money); a nominal goal is brought
  into today's money at the assumed inflation so it sits on the same scale.
- Hovering reports the year's figures through ``sig_hover`` as a sentence; the panel
  shows it above the chart, where it never covers a line.
- This module imports pyqtgraph (slow to import), so the panel imports it only when the
  chart is first shown.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from app.services.plan_projections import AllocationProjection, GoalOutlook, PlanProjections
from ui.plans.words import CURRENT_COLOUR, PROPOSED_COLOUR

UNIT = 10_000.0
GOAL_COLOUR = "#c28a00"
BAND = (10.0, 90.0)  # the shaded range wanted


@dataclass(frozen=True)
class Series:
    """One allocation's lines, in yuan: the median and the band's edges."""

    median: tuple[float, ...]
    low: tuple[float, ...]
    high: tuple[float, ...]


def band_edges(percentiles: Sequence[float]) -> tuple[float, float]:
    """The 10–90 band if the projections carry it, else the nearest wider pair (5–95),
    else the widest they have: the band never claims to be narrower than it is."""
    ps = sorted(float(p) for p in percentiles if float(p) != 50.0)
    lows = [p for p in ps if p <= BAND[0]]
    highs = [p for p in ps if p >= BAND[1]]
    if lows and highs:
        return lows[-1], highs[0]
    return (ps[0], ps[-1]) if ps else (50.0, 50.0)


def series_of(projection: AllocationProjection, edges: tuple[float, float], real: bool) -> Series:
    raw = projection.real_bands if real else projection.bands
    bands: Mapping[float, Sequence[float]] = {float(k): v for k, v in raw.items()}
    median = tuple(bands[50.0])
    return Series(median, tuple(bands[edges[0]]), tuple(bands[edges[1]]))


def goal_value(goal: GoalOutlook, start_year: int, inflation: float, real: bool) -> float:
    """The goal's target on the chart's scale (today's money or nominal)."""
    amount = float(goal.target_amount)
    growth = (1 + inflation) ** (goal.target_year - start_year)
    if goal.real and not real:
        return amount * growth
    if not goal.real and real:
        return amount / growth
    return amount


def _fill(colour: str, alpha: int) -> QColor:
    fill = QColor(colour)
    fill.setAlpha(alpha)
    return fill


class ProjectionChart(pg.PlotWidget):  # type: ignore[misc]
    sig_hover = Signal(str)  # the figures of the year under the mouse, in words

    def __init__(
        self,
        formatter: Callable[[Decimal], str],
        names: Mapping[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent=parent, background="w")
        self.formatter = formatter
        self.names = dict(names)  # "current", "proposed", "band", "goal", "unit", "hover"
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.showGrid(x=True, y=True, alpha=0.15)
        self.setLabel("left", self.names.get("unit", "万元 (10k CNY)"))
        self.projections: PlanProjections | None = None
        self.real = True
        self.years: tuple[int, ...] = ()
        self.series: dict[str, Series] = {}
        self.goals: list[tuple[GoalOutlook, float]] = []
        self.cursor = pg.InfiniteLine(angle=90, pen=pg.mkPen("#9aa5b1", width=1))
        self.cursor.hide()
        self.legend = self.getPlotItem().addLegend(offset=(8, 8), labelTextSize="9pt")
        self.legend.setBrush(pg.mkBrush(255, 255, 255, 220))
        self.scene().sigMouseMoved.connect(self._hover)

    def set_projections(self, projections: PlanProjections | None, real: bool = True) -> None:
        """Draw ``projections`` (None: an empty chart)."""
        self.projections, self.real = projections, real
        self.legend.clear()
        self.getPlotItem().clear()
        self.series, self.goals, self.years = {}, [], ()
        if projections is None:
            return
        self.years = projections.years
        edges = band_edges(projections.percentiles)
        span = f"{edges[0]:.0f}–{edges[1]:.0f}%"
        for key, projection, colour, style in (
            ("current", projections.current, CURRENT_COLOUR, Qt.PenStyle.DashLine),
            ("proposed", projections.proposed, PROPOSED_COLOUR, Qt.PenStyle.SolidLine),
        ):
            series = series_of(projection, edges, real)
            self.series[key] = series
            self._draw(key, series, colour, style, span)
        self._draw_goals(projections, real)
        self.cursor.hide()
        self.addItem(self.cursor, ignoreBounds=True)
        self._ticks()
        self._ranges()

    def _ranges(self) -> None:
        """The years across, from nothing to the highest line or goal up."""
        top = max(
            [max(s.high) for s in self.series.values() if s.high]
            + [value for _, value in self.goals]
            + [1.0]
        )
        self.setXRange(self.years[0], self.years[-1], padding=0.03)
        self.setYRange(0, top / UNIT, padding=0.06)

    def _draw(self, key: str, s: Series, colour: str, style: Qt.PenStyle, span: str) -> None:
        xs = list(self.years)
        edge = pg.mkPen(_fill(colour, 70), width=1)
        low = pg.PlotCurveItem(xs, [v / UNIT for v in s.low], pen=edge)
        high = pg.PlotCurveItem(xs, [v / UNIT for v in s.high], pen=edge)
        alpha = 38 if key == "current" else 46
        band = pg.FillBetweenItem(low, high, brush=pg.mkBrush(_fill(colour, alpha)))
        self.addItem(low)
        self.addItem(high)
        self.addItem(band)
        name = self.names.get(key, key)
        self.plot(
            xs,
            [v / UNIT for v in s.median],
            pen=pg.mkPen(colour, width=2.2, style=style),
            name=f"{name} · {self.names.get('median', 'median')}",
        )
        sample = pg.PlotDataItem([], [], pen=pg.mkPen(_fill(colour, 90), width=9))
        self.legend.addItem(sample, f"{name} · {span}")

    def _draw_goals(self, projections: PlanProjections, real: bool) -> None:
        spots = []
        for index, goal in enumerate(sorted(projections.goals, key=lambda g: g.target_year)):
            value = goal_value(goal, projections.start_year, projections.inflation, real)
            self.goals.append((goal, value))
            spots.append({"pos": (goal.target_year, value / UNIT), "data": goal.name})
            late = goal.target_year > (projections.start_year + projections.end_year) / 2
            above = index % 2 == 0  # neighbours alternate above and below their marker
            label = pg.TextItem(
                goal.name, color="#7c5e10", anchor=(1.0 if late else 0.0, 1.2 if above else -0.3)
            )
            font = label.textItem.font()
            font.setPointSize(8)
            label.setFont(font)
            label.setPos(goal.target_year, value / UNIT)
            self.addItem(label, ignoreBounds=True)
        if spots:
            marks = pg.ScatterPlotItem(
                spots=spots,
                symbol="d",
                size=12,
                pen=pg.mkPen("#7c5e10", width=1),
                brush=pg.mkBrush(GOAL_COLOUR),
                name=self.names.get("goal", "Goal"),
            )
            self.addItem(marks)

    def _ticks(self) -> None:
        if not self.years:
            return
        span = self.years[-1] - self.years[0]
        major = 2 if span <= 12 else 5 if span <= 40 else 10
        axis = self.getPlotItem().getAxis("bottom")
        first = self.years[0]
        axis.setTicks(
            [
                [(y, str(y)) for y in self.years if (y - first) % major == 0],
                [(y, "") for y in self.years],
            ]
        )

    # --- what is under the mouse ------------------------------------------------------

    def year_near(self, x: float) -> int | None:
        if not self.years:
            return None
        year = round(x)
        return year if self.years[0] <= year <= self.years[-1] else None

    def describe(self, year: int) -> str:
        """The year's medians and ranges, and any goal due then, in one sentence."""
        if year not in self.years:
            return ""
        t = self.years.index(year)
        parts = [str(year)]
        for key in ("current", "proposed"):
            s = self.series.get(key)
            if s is None:
                continue
            median, low, high = (Decimal(round(v[t], 2)) for v in (s.median, s.low, s.high))
            parts.append(
                f"{self.names.get(key, key)} {self.formatter(median)} "
                f"({self.formatter(low)} – {self.formatter(high)})"
            )
        for goal, value in self.goals:
            if goal.target_year == year:
                parts.append(
                    f"{self.names.get('goal', 'Goal')} {goal.name} "
                    f"{self.formatter(Decimal(round(value, 2)))}: "
                    f"{goal.probability_current:.0%} → {goal.probability_proposed:.0%}"
                )
        return " · ".join(parts)

    def _hover(self, pos: QPointF) -> None:
        if not self.years or not self.sceneBoundingRect().contains(pos):
            return
        point = self.getPlotItem().vb.mapSceneToView(pos)
        year = self.year_near(point.x())
        if year is None:
            self.cursor.hide()
            self.sig_hover.emit("")
            return
        self.cursor.setPos(year)
        self.cursor.show()
        self.sig_hover.emit(self.describe(year))


__all__ = ["ProjectionChart", "Series", "band_edges", "goal_value", "series_of"]
