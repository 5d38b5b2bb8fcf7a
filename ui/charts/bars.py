"""A horizontal bar chart of labelled amounts, with the value shown on hover."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal

import pyqtgraph as pg
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QToolTip, QWidget

PALETTE = (
    "#1d4e89",
    "#2f7d5b",
    "#c28a00",
    "#7c5e10",
    "#b42318",
    "#486581",
    "#8e44ad",
    "#d9660b",
    "#16a085",
    "#627d98",
)


class BarChart(pg.PlotWidget):  # type: ignore[misc]
    """Bars for ``{label: amount}``; hovering a bar shows its formatted amount and share."""

    def __init__(self, formatter: Callable[[Decimal], str], parent: QWidget | None = None) -> None:
        super().__init__(parent=parent, background="w")
        self.formatter = formatter
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.getPlotItem().hideAxis("bottom")
        self.setMenuEnabled(False)
        self._labels: list[str] = []
        self._values: list[Decimal] = []
        self.scene().sigMouseMoved.connect(self._hover)

    def set_data(self, data: Mapping[str, Decimal]) -> None:
        self.clear()
        self._labels = list(data)
        self._values = [data[k] for k in self._labels]
        if not self._labels:
            return
        ys = list(range(len(self._labels)))
        brushes = [PALETTE[i % len(PALETTE)] for i in ys]
        bars = pg.BarGraphItem(
            x0=0, y=ys, height=0.6, width=[float(v) for v in self._values], brushes=brushes
        )
        self.addItem(bars)
        axis = self.getPlotItem().getAxis("left")
        axis.setTicks([[(i, label) for i, label in enumerate(self._labels)]])
        self.getPlotItem().invertY(True)
        self.setYRange(-0.5, len(ys) - 0.5, padding=0.05)

    def value_at(self, y: float) -> tuple[str, Decimal] | None:
        index = round(y)
        if 0 <= index < len(self._labels):
            return self._labels[index], self._values[index]
        return None

    def _hover(self, pos: QPointF) -> None:
        point = self.getPlotItem().vb.mapSceneToView(pos)
        hit = self.value_at(point.y())
        if hit is None:
            QToolTip.hideText()
            return
        total = sum(self._values) or Decimal(1)
        label, value = hit
        text = f"{label}: {self.formatter(value)} ({float(value / total):.1%})"
        QToolTip.showText(self.mapToGlobal(self.mapFromScene(pos).toPoint()), text, self)
