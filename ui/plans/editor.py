"""The plan editor proper: the Goals, Cash flows, Allocation, Recommendations and Notes
pages beside the live projection, under a line that says why a plan is read-only.

Why it is shaped so: the editor lays out one plan and knows nothing of loading, dialogs
or the service; the tab reads, routes the buttons to its actions and hands the editor
whatever arrives. The pages sit in tabs on the left and the projection stays on the
right, so every edit shows its effect on the chart without switching, in 1280×800. A
plan that is not a draft keeps every page readable and turns its controls off.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from app.services.plan_projections import PlanProjections
from app.services.plans import PlanView
from ui.plans.allocation_panel import AllocationPanel
from ui.plans.banner import Banner
from ui.plans.flows_model import FlowsModel
from ui.plans.goals_model import GoalsModel
from ui.plans.item_page import ItemPage
from ui.plans.notes_page import NotesPage
from ui.plans.plan_data import PlanData
from ui.plans.projection_panel import ProjectionPanel
from ui.plans.recommendations_panel import RecommendationsPanel
from ui.plans.words import PlanWords
from ui.session import VaultSession

READ_ONLY_STYLE = (
    "background: #fdf6e3; color: #7a4b00; border: 1px solid #e0c36c; border-radius: 5px;"
    " padding: 5px 8px"
)


class PlanEditor(QWidget):
    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words = PlanWords(self)
        self.goals = GoalsModel()
        self.flows = FlowsModel()
        self.goals_page = ItemPage(
            self.goals,
            self.tr("Add goal…"),
            self.tr("No goals yet: add what the client wants the money for, and by when."),
            widths=(118, 0, 84, 46, 64, 80, 66, 80),
            editable_rows=True,
        )
        self.flows_page = ItemPage(
            self.flows,
            self.tr("Add cash flow…"),
            self.tr("No cash flows yet: add income, spending and one-off sums by year."),
            widths=(100, 0, 120, 100),
        )
        self.allocation = AllocationPanel(session)
        self.recommendations = RecommendationsPanel()
        self.notes = NotesPage()
        self.pages = QTabWidget(documentMode=True)
        self.pages.addTab(self.goals_page, self.tr("Goals"))
        self.pages.addTab(self.flows_page, self.tr("Cash flows"))
        self.pages.addTab(self.allocation, self.tr("Allocation"))
        self.pages.addTab(self.recommendations, self.tr("Recommendations"))
        self.pages.addTab(self.notes, self.tr("Notes"))
        self.projection = ProjectionPanel()
        split = QSplitter(Qt.Orientation.Horizontal, childrenCollapsible=False)
        split.addWidget(self.pages)
        split.addWidget(self.projection)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([700, 440])
        self.read_only = Banner(READ_ONLY_STYLE)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.read_only)
        column.addWidget(split, 1)

    def show_plan(self, data: PlanData, same: bool) -> None:
        """Lay out ``data.plan``; ``same``: the plan shown already (keep its chances and
        chart until the new projection arrives)."""
        plan = data.plan
        if plan is None:
            self.clear()
            return
        if same:
            self.goals.awaiting()
        else:
            self.goals.set_outlooks(None)
            self.projection.clear()
        self.goals.set_rows(plan.goals)
        self.flows.set_rows(plan.flows)
        self.goals_page.set_editable(plan.editable)
        self.flows_page.set_editable(plan.editable)
        self.allocation.show_plan(data)
        self.recommendations.show_plan(plan)
        self.notes.show_notes(plan.id, plan.notes)
        self._show_read_only(plan)
        self.projection.updating()

    def _show_read_only(self, plan: PlanView) -> None:
        if plan.editable:
            self.read_only.clear()
            return
        day = plan.decided_on if plan.status != "presented" else plan.presented_on
        self.read_only.setText(
            self.words.read_only(plan.status, day.isoformat() if day is not None else "—")
        )

    def show_projections(self, projections: PlanProjections) -> None:
        self.projection.show_projections(projections)
        self.goals.set_outlooks(projections.goals)

    def clear(self) -> None:
        self.goals.clear()
        self.flows.clear()
        self.goals_page.set_editable(False)
        self.flows_page.set_editable(False)
        self.allocation.clear()
        self.recommendations.clear()
        self.notes.clear()
        self.projection.clear()
        self.read_only.clear()


__all__ = ["PlanEditor"]
