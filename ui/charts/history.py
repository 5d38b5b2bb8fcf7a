"""A value-over-time line chart with range buttons' data and the value under the mouse."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal

import pyqtgraph as pg
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QWidget

UNIT = 10_000


def _stamp(day: date) -> float:
    return datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp()


class HistoryChart(pg.PlotWidget):  # type: ignore[misc]
    def __init__(self, formatter: Callable[[Decimal], str], parent: QWidget | None = None) -> None:
        super().__init__(
            parent=parent,
            background="w",
            axisItems={"bottom": pg.DateAxisItem(orientation="bottom")},
        )
        self.formatter = formatter
        self.setMenuEnabled(False)
        self.showGrid(x=True, y=True, alpha=0.15)
        self.getPlotItem().setDownsampling(auto=True, mode="peak")
        self.getPlotItem().setClipToView(True)
        self.curve = self.plot([], [], pen=pg.mkPen("#1d4e89", width=2))
        # Values are drawn in units of 10,000 CNY (万元): readable ticks, no "6e+07".
        self.setLabel("left", "万元 (10k CNY)")
        self.label = pg.TextItem(color="#102a43", anchor=(0, 1))
        self.addItem(self.label, ignoreBounds=True)
        self._points: list[tuple[date, Decimal]] = []
        self.scene().sigMouseMoved.connect(self._hover)

    def set_points(self, points: Sequence[tuple[date, Decimal]]) -> None:
        self._points = list(points)
        self.curve.setData([_stamp(d) for d, _ in points], [float(v) / UNIT for _, v in points])
        self.label.setText("")
        self.enableAutoRange()

    def point_near(self, x: float) -> tuple[date, Decimal] | None:
        if not self._points:
            return None
        return min(self._points, key=lambda p: abs(_stamp(p[0]) - x))

    def _hover(self, pos: QPointF) -> None:
        point = self.getPlotItem().vb.mapSceneToView(pos)
        hit = self.point_near(point.x())
        if hit is None:
            return
        day, value = hit
        self.label.setText(f"{day.isoformat()}  {self.formatter(value)}")
        self.label.setPos(_stamp(day), float(value) / UNIT)
