"""The right-hand side of the plan editor: the live wealth projection (chart, the figures
under the mouse, what each allocation is expected to return and how much it moves) and
the caveat that it is an estimate, not a promise.

Why it is shaped so: the chart is created when the panel is first shown, so pyqtgraph
(slow to import) loads only for a banker who opens a plan; projections that arrive
before that are kept and drawn then. While a newer projection is being worked out the
old one stays on screen, marked "Updating…", rather than blinking empty at each edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.services.plan_projections import PlanProjections
from ui.formatting import format_money_short
from ui.plans.words import percent, said

if TYPE_CHECKING:  # the chart imports pyqtgraph: it loads when first shown
    from ui.plans.projection_chart import ProjectionChart


class ProjectionPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart: ProjectionChart | None = None
        self.projections: PlanProjections | None = None
        self.title = QLabel(self.tr("Wealth projection"), objectName="subtitle")
        self.real = QCheckBox(self.tr("In today's money"), checked=True)
        self.real.toggled.connect(lambda _: self._draw())
        self.state = QLabel(objectName="muted")
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.state)
        head.addWidget(self.real)
        self.readout = QLabel(objectName="muted", wordWrap=True)
        self.readout.setMinimumHeight(34)
        self.figures = QLabel(wordWrap=True)
        self.note = QLabel(objectName="muted", wordWrap=True)
        self.chart_box = QVBoxLayout()
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(6, 6, 6, 6)
        self.column.addLayout(head)
        self.column.addWidget(self.readout)
        self.column.addLayout(self.chart_box, 1)
        self.column.addWidget(self.figures)
        self.column.addWidget(self.note)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.chart is None:
            self._make_chart()
            self._draw()

    def _make_chart(self) -> None:
        from ui.plans.projection_chart import ProjectionChart

        names = {
            "current": self.tr("Current"),
            "proposed": self.tr("Proposed"),
            "median": self.tr("median"),
            "goal": self.tr("Goal"),
            "unit": self.tr("10,000 CNY (万元)"),
        }
        self.chart = ProjectionChart(format_money_short, names)
        self.chart.setMinimumHeight(240)
        self.chart.sig_hover.connect(self.readout.setText)
        self.chart_box.addWidget(self.chart)

    def updating(self) -> None:
        """A newer projection is on its way."""
        self.state.setText(self.tr("Updating…"))

    def failed(self, message: str) -> None:
        self.state.setText(self.tr("Projection failed: {0}").format(message))

    def show_projections(self, projections: PlanProjections) -> None:
        self.projections = projections
        self.state.clear()
        # The plan covers the client's whole portfolio, held elsewhere too, so it starts
        # from more than the header's assets at this bank: say so.
        start = self.tr("Starts from {0}, the whole portfolio (other banks included). ").format(
            format_money_short(projections.start_wealth)
        )
        self.figures.setText(
            start
            + self.tr(
                "Proposed: about {0} a year expected, moving {1} a year; current: {2}, {3}. "
                "Chance of running out by {4}: {5} proposed, {6} current."
            ).format(
                percent(projections.proposed.mean_return, 1),
                percent(projections.proposed.volatility, 1),
                percent(projections.current.mean_return, 1),
                percent(projections.current.volatility, 1),
                projections.end_year,
                percent(projections.proposed.ruin_probability, 0),
                percent(projections.current.ruin_probability, 0),
            )
        )
        self.note.setText(
            self.tr("{0} {1:,} simulated paths, market assumptions {2}.").format(
                said(projections.note), projections.paths, projections.assumptions_version
            )
        )
        self._draw()

    def _draw(self) -> None:
        if self.chart is not None:
            self.chart.set_projections(self.projections, self.real.isChecked())
        self.readout.setText(
            self.tr("Move the mouse over the chart for the figures of a year.")
            if self.projections is not None
            else ""
        )

    def clear(self) -> None:
        self.projections = None
        for label in (self.state, self.readout, self.figures, self.note):
            label.clear()
        if self.chart is not None:
            self.chart.set_projections(None)


__all__ = ["ProjectionPanel"]
