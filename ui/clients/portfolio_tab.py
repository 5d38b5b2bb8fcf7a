"""Portfolio tab: holdings, allocation by asset class / type / currency / risk rating,
value history with ranges, returns (TWR and XIRR) per period, risk and concentration,
and suitability (the portfolio against the client's risk level and bearable loss).

Every figure comes from ``ws.portfolio`` and ``ws.suitability`` in one worker call; the
tab only lays it out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import ConfidantError
from app.domain.ids import ClientId
from app.domain.performance import PERIODS, PerformanceFigures, ValueHistory, period_start
from app.domain.portfolio import Concentration
from app.domain.portfolio_fit import PortfolioFit
from app.services.portfolio import PortfolioSummary
from app.services.risk import CurrentRisk
from app.services.workspace import Workspace
from ui.clients.holdings_model import HoldingsModel
from ui.formatting import format_money, format_percent
from ui.risk.suitability_box import SuitabilityBox
from ui.session import VaultSession

if TYPE_CHECKING:  # the charts import pyqtgraph, so they load when first shown
    from ui.charts.bars import BarChart
    from ui.charts.history import HistoryChart

ALLOCATIONS = ("asset_class", "type", "currency", "risk_rating")


@dataclass(frozen=True)
class PortfolioData:
    summary: PortfolioSummary
    history: ValueHistory
    performance: list[PerformanceFigures]
    allocations: dict[str, dict[str, Decimal]]
    concentration: Concentration
    fit: PortfolioFit | None = None  # None: the check failed (see ``fit_error``)
    fit_error: str = ""
    risk: CurrentRisk | None = None


def load_portfolio(ws: Workspace, client_id: ClientId) -> PortfolioData:
    """Everything the tab shows, reading the holdings and the history once each."""
    summary = ws.portfolio.summary(client_id)
    history = ws.portfolio.history(client_id)
    try:
        fit, error = ws.suitability.portfolio_fit(client_id, summary=summary), ""
    except ConfidantError as exc:  # e.g. a broken rules file: show it, keep the rest
        fit, error = None, str(exc)
    return PortfolioData(
        summary=summary,
        history=history,
        performance=ws.portfolio.performance_table(client_id, history=history),
        allocations=ws.portfolio.allocations(client_id, ALLOCATIONS, summary),
        concentration=ws.portfolio.concentration(client_id, summary),
        fit=fit,
        fit_error=error,
        risk=ws.risk.current(client_id),
    )


class PortfolioTab(QWidget):
    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.client_id: ClientId | None = None
        self.data: PortfolioData | None = None
        self.charts: dict[str, BarChart] = {}
        self.history_chart: HistoryChart | None = None
        self.holdings = HoldingsModel()
        self._build_ui()

    def _build_ui(self) -> None:
        self.table = QTableView(alternatingRowColors=True)
        self.table.setModel(self.holdings)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for index, width in enumerate((250, 90, 50, 120, 80, 130, 150, 70, 120)):
            self.table.setColumnWidth(index, width)
        self.table.setMinimumHeight(240)
        self.alloc_box = QGroupBox(self.tr("Allocation"))
        self.alloc_grid = QGridLayout(self.alloc_box)
        self.alloc_box.setMinimumHeight(420)
        self.history_box = QGroupBox(self.tr("Value history"))
        self.history_box.setMinimumHeight(320)
        self.history_layout = QVBoxLayout(self.history_box)
        ranges = QHBoxLayout()
        self.range_group = QButtonGroup(self)
        for period in PERIODS:
            button = QPushButton(period, checkable=True)
            self.range_group.addButton(button)
            ranges.addWidget(button)
            button.clicked.connect(lambda _=False, p=period: self.show_range(p))
        ranges.addStretch(1)
        self.history_layout.addLayout(ranges)
        self.figures_box = QGroupBox(self.tr("Returns and risk"))
        self.figures = QGridLayout(self.figures_box)
        self.concentration = QLabel(wordWrap=True)
        self.suitability = SuitabilityBox()
        body = QWidget()
        column = QVBoxLayout(body)
        row = QHBoxLayout()
        row.addWidget(self.history_box, 3)
        row.addWidget(self.figures_box, 2)
        column.addLayout(row)
        column.addWidget(self.suitability)
        column.addWidget(self.concentration)
        column.addWidget(self.table)
        column.addWidget(self.alloc_box)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(body)
        QVBoxLayout(self).addWidget(scroll)

    def open(self, client_id: ClientId) -> None:
        self.client_id = client_id
        self.session.run(
            lambda ws: load_portfolio(ws, client_id), lambda data: self._show(client_id, data)
        )

    def _show(self, client_id: ClientId, data: PortfolioData) -> None:
        if client_id != self.client_id:
            return
        self.data = data
        self.holdings.set_lines(list(data.summary.holdings), data.summary.total_cny)
        self._show_allocations(data.allocations)
        self._show_figures(data.performance)
        self.suitability.show_fit(data.fit, data.risk, data.fit_error)
        c = data.concentration
        names = {line.code: line.name for line in data.summary.holdings}
        largest = names.get(c.largest_key or "", c.largest_key or "—")
        self.concentration.setText(
            self.tr(
                "Concentration: largest position {0} at {1}; top five {2} of the portfolio."
            ).format(largest, f"{c.largest_weight:.1%}", f"{c.top5_weight:.1%}")
        )
        self.show_range("1Y")

    def _show_allocations(self, allocations: dict[str, dict[str, Decimal]]) -> None:
        from ui.charts.bars import BarChart

        titles = {
            "asset_class": self.tr("By asset class"),
            "type": self.tr("By product type"),
            "currency": self.tr("By currency"),
            "risk_rating": self.tr("By risk rating"),
        }
        for i, by in enumerate(ALLOCATIONS):
            if by not in self.charts:
                chart = BarChart(lambda v: format_money(Decimal(v)))
                chart.setMinimumHeight(150)
                box = QGroupBox(titles[by])
                QVBoxLayout(box).addWidget(chart)
                self.alloc_grid.addWidget(box, i // 2, i % 2)
                self.charts[by] = chart
            self.charts[by].set_data(allocations[by])

    def _show_figures(self, table: list[PerformanceFigures]) -> None:
        while self.figures.count():
            item = self.figures.takeAt(0)
            assert item is not None  # the layout is not empty
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        heads = (
            "",
            self.tr("TWR"),
            self.tr("Money-weighted"),
            self.tr("Volatility"),
            self.tr("Max drawdown"),
        )
        explain = self.tr(
            "The money-weighted return (XIRR): per year for a period of a year or more; "
            "for a shorter period, over the period itself, never annualised."
        )
        for col, head in enumerate(heads):
            label = QLabel(head, objectName="muted")
            label.setToolTip(explain if col == 2 else "")
            self.figures.addWidget(label, 0, col)
        for row, f in enumerate(table, start=1):
            mwr = format_percent(f.mwr)
            cells = (
                f.period,
                format_percent(f.twr),
                self.tr("{0} p.a.").format(mwr) if f.annualised and f.mwr is not None else mwr,
                "—" if f.volatility is None else f"{f.volatility:.1%}",
                format_percent(f.max_drawdown),
            )
            for col, text in enumerate(cells):
                self.figures.addWidget(QLabel(text), row, col)
        self.figures.setRowStretch(len(table) + 1, 1)  # rows at the top, not spread out

    def show_range(self, period: str) -> None:
        if self.data is None or not self.data.history.points:
            return
        from ui.charts.history import HistoryChart

        if self.history_chart is None:
            self.history_chart = HistoryChart(lambda v: format_money(Decimal(v)))
            self.history_chart.setMinimumHeight(220)
            self.history_layout.addWidget(self.history_chart)
        for button in self.range_group.buttons():
            button.setChecked(button.text() == period)
        points = self.data.history.points
        start = period_start(period, date.today(), points[0][0])
        self.history_chart.set_points([p for p in points if p[0] >= start])

    def clear(self) -> None:
        self.client_id = None
        self.data = None
        self.holdings.clear()
        for chart in self.charts.values():
            chart.set_data({})
        if self.history_chart is not None:
            self.history_chart.set_points([])
        self.concentration.clear()
        self.suitability.clear()
        self._show_figures([])
