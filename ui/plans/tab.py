"""The client's Plan tab: the plan bar over the editor (Goals, Cash flows, Allocation,
Recommendations, Notes) beside the live projection; a client without a plan sees what
a plan is and "New plan…".

Why it is shaped so:

- One job (``plan_data.load_plan``) reads everything the tab shows, and every change,
  made here or elsewhere, comes back through ``operation_did_execute`` and reloads it:
  one path, so what is shown is always what the vault holds. A reload that an older
  one overtakes is dropped; a hidden tab reloads when next shown.
- Projections run on their own (``ProjectionRunner``), after each reload, debounced,
  one at a time, stale results dropped; the chart and the goals' chances follow.
- A plan that is not a draft is read-only: the editing controls turn off and a line
  says why and what to do (back to draft, or copy for the next review). Notes stay
  editable (the service allows it).
- On lock every model, widget and open dialog drops the client's data.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import ConfidantError
from app.domain.ids import ClientId
from app.services.changes import Changes
from app.services.plan_projections import PlanProjections
from app.services.plans import PlanView
from app.services.workspace import Workspace
from ui.contacts.form import FormDialog
from ui.lazy_tab import LazyTab
from ui.plans.banner import Banner
from ui.plans.editor import PlanEditor
from ui.plans.item_dialogs import FlowDialog, GoalDialog
from ui.plans.plan_bar import PlanBar
from ui.plans.plan_data import PlanData, load_plan
from ui.plans.plan_dialogs import CopyDialog, NewPlanDialog, StatusDialog
from ui.plans.product_dialog import AddProductDialog
from ui.plans.projection_runner import ProjectionRunner
from ui.plans.words import said
from ui.session import VaultSession

RELOAD_MS = 60
DISABLED_STYLE = "QPushButton:disabled { color: #9aa5b1; border-color: #d9e2ec; }"
NOTICE_STYLE = (
    "background: #e8f1fb; color: #1d4e89; border: 1px solid #9fb3c8; border-radius: 5px;"
    " padding: 5px 8px"
)
BLANK, EMPTY, EDITOR = range(3)


class PlanTab(LazyTab):
    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setStyleSheet(DISABLED_STYLE)  # the app's sheet greys only primary buttons
        self.client_id: ClientId | None = None
        self.data: PlanData | None = None
        self.wanted: uuid.UUID | None = None  # the plan to show after the next load
        self.dialog: QDialog | None = None
        self.loads = 0  # finished loads (for tests)
        self._generation = 0
        self._stale = False
        self.runner = ProjectionRunner(session, self)
        self.runner.sig_ready.connect(self._projected)
        self.runner.sig_failed.connect(self._projection_failed)
        self._reload = QTimer(self, singleShot=True, interval=RELOAD_MS)
        self._reload.timeout.connect(self.reload)
        self._build_ui()
        session.events.operation_did_execute.connect(self._changed)
        session.events.vault_did_lock.connect(self.clear)

    # --- layout ----------------------------------------------------------------------

    def _build_ui(self) -> None:
        self.bar = PlanBar()
        self.bar.sig_pick.connect(self.pick)
        self.bar.sig_new.connect(self.new_plan)
        self.bar.sig_copy.connect(self.copy_plan)
        self.bar.sig_delete.connect(self.delete_plan)
        self.bar.sig_move.connect(self.move_to)
        self.notice = Banner(NOTICE_STYLE)
        self.error = Banner(object_name="error")
        self.stack = QStackedWidget()
        self.stack.addWidget(QWidget())
        self.stack.addWidget(self._build_empty())
        self.stack.addWidget(self._build_editor())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.bar)
        layout.addWidget(self.notice)
        layout.addWidget(self.error)
        layout.addWidget(self.stack, 1)

    def _build_empty(self) -> QWidget:
        page = QWidget()
        self.empty_text = QLabel(wordWrap=True)
        self.empty_text.setMaximumWidth(640)
        self.empty_new = QPushButton(self.tr("New plan…"), objectName="primary")
        self.empty_new.clicked.connect(self.new_plan)
        row = QHBoxLayout()
        row.addWidget(self.empty_new)
        row.addStretch(1)
        column = QVBoxLayout(page)
        column.setContentsMargins(24, 24, 24, 24)
        column.addWidget(QLabel(self.tr("No plan yet"), objectName="subtitle"))
        column.addWidget(self.empty_text)
        column.addLayout(row)
        column.addStretch(1)
        return page

    def _build_editor(self) -> PlanEditor:
        self.editor = PlanEditor(self.session)
        e = self.editor
        self.goals, self.flows = e.goals, e.flows
        self.goals_page, self.flows_page, self.pages = e.goals_page, e.flows_page, e.pages
        self.allocation, self.recommendations, self.notes = e.allocation, e.recommendations, e.notes
        self.projection, self.read_only = e.projection, e.read_only
        self.goals_page.add_button.clicked.connect(self.add_goal)
        self.goals_page.edit_button.clicked.connect(self.edit_goal)
        self.goals_page.table.doubleClicked.connect(lambda _: self.edit_goal())
        self.goals_page.remove_button.clicked.connect(self.remove_goal)
        self.flows_page.add_button.clicked.connect(self.add_flow)
        self.flows_page.remove_button.clicked.connect(self.remove_flow)
        self.recommendations.sig_add.connect(self.add_product)
        self.recommendations.sig_remove.connect(self.remove_recommendation)
        self.notes.sig_save.connect(self.save_notes)
        return e

    # --- loading ---------------------------------------------------------------------

    @property
    def plan(self) -> PlanView | None:
        return self.data.plan if self.data is not None else None

    def open(self, client_id: ClientId) -> None:
        if client_id != self.client_id:
            self.clear()
        self.client_id = client_id
        self.reload()

    def reload(self) -> None:
        self._reload.stop()
        self._stale = False
        client_id = self.client_id
        if client_id is None:
            return
        self.allocation.flush()
        self._generation += 1
        generation = self._generation
        wanted = self.wanted or (self.plan.id if self.plan is not None else None)
        self.session.run(
            lambda ws: load_plan(ws, client_id, wanted),
            lambda data: self._show(generation, data),
            self._failed,
        )

    def _show(self, generation: int, data: PlanData) -> None:
        if generation != self._generation or data.client_id != self.client_id:
            return
        previous = self.plan.id if self.plan is not None else None
        self.data, self.wanted = data, None
        self.loads += 1
        self.bar.show_data(data)
        plan = data.plan
        if plan is None:
            self._show_empty(data)
            return
        self.stack.setCurrentIndex(EDITOR)
        self.editor.show_plan(data, same=plan.id == previous)
        self.runner.request(plan.id)

    def _show_empty(self, data: PlanData) -> None:
        self.runner.stop()
        self.stack.setCurrentIndex(EMPTY)
        plannable = data.client_kind in ("person", "household")
        self.empty_new.setVisible(plannable)
        if not plannable:
            self.empty_text.setText(
                self.tr(
                    "Plans are made for a person or a household. Open the household this "
                    "company or trust belongs to, and plan there."
                )
            )
            return
        self.empty_text.setText(
            self.tr(
                "{0} has no plan yet. A plan records the client's goals and cash flows, "
                "proposes an allocation from the model portfolio of their risk level, "
                "recommends products that pass the suitability check, and projects how "
                "likely each goal is to be met. It needs a valid risk assessment{1}."
            ).format(
                data.client_name,
                self.tr(" (for a household, of at least one member)")
                if data.client_kind == "household"
                else "",
            )
        )

    def _projected(self, projections: PlanProjections) -> None:
        plan = self.plan
        if plan is None or projections.plan_id != plan.id:
            return
        self.editor.show_projections(projections)

    def _projection_failed(self, error: BaseException) -> None:
        if isinstance(error, ConfidantError):
            self.projection.failed(str(error))
        else:
            self.session.sig_error.emit(error)

    def _changed(self, changes: Changes, initiator: object) -> None:
        if self.client_id is None or self.client_id not in changes.client_ids:
            return
        if not (changes.plans or changes.holdings or changes.clients):
            return
        self.reload_when_seen(self._reload.start)  # a burst of changes reloads once

    # --- the plan ----------------------------------------------------------------------

    def pick(self, plan_id: uuid.UUID) -> None:
        self.allocation.flush()
        self.wanted = plan_id
        self.notice.clear()
        self.error.clear()
        self.reload()

    def new_plan(self) -> NewPlanDialog | None:
        if self.client_id is None:
            return None
        dialog = NewPlanDialog(self.session, self.client_id, self, self)
        return self._open(dialog, lambda: self._select(dialog.saved_id))

    def copy_plan(self) -> CopyDialog | None:
        plan = self.plan
        if plan is None:
            return None
        dialog = CopyDialog(self.session, plan, self, self)
        return self._open(dialog, lambda: self._copied(dialog))

    def _copied(self, dialog: CopyDialog) -> None:
        lines = [
            self.tr("Copied as version {0} for {1}: a new draft.").format(
                dialog.plan.version + 1, dialog.year.value()
            )
        ]
        lines += [said(note) for note in dialog.notes]
        self.notice.setText("\n".join(lines))
        self._select(dialog.saved_id)

    def _select(self, plan_id: uuid.UUID | None) -> None:
        self.wanted = plan_id
        self.reload()

    def confirm(self, question: str) -> bool:
        """Ask before something that cannot be undone (tests replace it)."""
        answer = QMessageBox.question(self, self.tr("Plan"), question)
        return answer == QMessageBox.StandardButton.Yes

    def delete_plan(self) -> None:
        plan = self.plan
        if plan is None or plan.status != "draft":
            return
        if not self.confirm(
            self.tr("Delete the draft “{0}” with its goals, flows and products?").format(plan.title)
        ):
            return
        plan_id = plan.id
        self.wanted = None
        self._mutate(lambda ws: ws.plans.delete(plan_id))

    def move_to(self, status: str) -> StatusDialog | None:
        plan = self.plan
        if plan is None:
            return None
        if status == "draft":
            plan_id = plan.id
            self._mutate(lambda ws: ws.plans.set_status(plan_id, "draft"))
            return None
        return self._open(StatusDialog(self.session, plan, status, self, self))

    def save_notes(self, text: str) -> None:
        plan = self.plan
        if plan is not None:
            plan_id = plan.id
            self._mutate(lambda ws: ws.plans.update(plan_id, notes=text), self.notes.saved)

    # --- goals, flows and products -------------------------------------------------------

    def add_goal(self) -> GoalDialog | None:
        plan = self.plan
        return self._open(GoalDialog(self.session, plan, None, self, self)) if plan else None

    def edit_goal(self) -> GoalDialog | None:
        plan, goal = self.plan, self.goals.row_item(self.goals_page.selected_row())
        if plan is None or goal is None or not plan.editable:
            return None
        return self._open(GoalDialog(self.session, plan, goal, self, self))

    def remove_goal(self) -> None:
        goal = self.goals.row_item(self.goals_page.selected_row())
        if goal is not None:
            goal_id = goal.id
            self._mutate(lambda ws: ws.plans.remove_goal(goal_id))

    def add_flow(self) -> FlowDialog | None:
        plan = self.plan
        return self._open(FlowDialog(self.session, plan, self, self)) if plan else None

    def remove_flow(self) -> None:
        flow = self.flows.row_item(self.flows_page.selected_row())
        if flow is not None:
            flow_id = flow.id
            self._mutate(lambda ws: ws.plans.remove_flow(flow_id))

    def add_product(self) -> AddProductDialog | None:
        plan = self.plan
        if plan is None or not plan.editable:
            return None
        dialog = AddProductDialog(self.session, plan, self, self)
        self.pages.setCurrentWidget(self.recommendations)
        return self._open(
            dialog,
            lambda: self.recommendations.select(dialog.saved_id) if dialog.saved_id else None,
        )

    def remove_recommendation(self, item_id: uuid.UUID) -> None:
        self._mutate(lambda ws: ws.plans.remove_recommendation(item_id))

    # --- helpers -----------------------------------------------------------------------

    def _open[D: FormDialog](self, dialog: D, then: Callable[[], object] | None = None) -> D:
        if self.dialog is not None:
            self.dialog.reject()
        self.dialog = dialog
        self.error.clear()
        if then is not None:
            dialog.accepted.connect(then)
        dialog.finished.connect(lambda _: self._closed(dialog))
        dialog.open()
        return dialog

    def _closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _mutate(
        self, fn: Callable[[Workspace], Changes], then: Callable[[], None] | None = None
    ) -> None:
        self.error.clear()
        self.session.mutate(fn, self, (lambda _: then()) if then else None, self._failed)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ConfidantError):
            self.error.setText(str(error))
        else:
            self.session.sig_error.emit(error)

    def clear(self) -> None:
        """Drop everything about the client (on lock, or before another client)."""
        self.allocation.flush()  # typed weights are saved first (a no-op once locked)
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog = None
        self._reload.stop()
        self._generation += 1
        self._stale = False
        self.runner.stop()
        self.client_id = None
        self.data = None
        self.wanted = None
        self.bar.clear()
        self.editor.clear()
        for label in (self.notice, self.error, self.empty_text):
            label.clear()
        self.stack.setCurrentIndex(BLANK)


__all__ = ["PlanTab"]
