"""The Allocation page of the plan editor: the proposed weights against the current
portfolio and the model's bands, the total, "Balance with cash" and "Reset to model",
and the trades that would close the drift.

Why it is shaped so: a banker nudges weights a step at a time, so an edit is saved
``SAVE_MS`` after the last one (one ``set_allocation`` for a burst of clicks, not one
per click) and on lock; what the service refuses (``PlanRejected``) is said in words
beside the table and the typed weights stay, marked unsaved, until fixed. The trades
are those of the saved allocation; they follow once a save has gone through and the
plan reloads.
"""

from __future__ import annotations

import uuid
from decimal import Decimal

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import ConfidantError
from app.services.plans import PlanRejected
from ui.formatting import format_money
from ui.plans.allocation_model import PROPOSED, AllocationModel, BandDelegate
from ui.plans.banner import Banner
from ui.plans.plan_data import PlanData
from ui.plans.trades_model import TradesModel
from ui.plans.words import percent, said
from ui.session import VaultSession

SAVE_MS = 400
ONE = Decimal(1)
OK_STYLE = "color: #2f7d5b"
OFF_STYLE = "color: #b42318; font-weight: 600"


def _table(model: AllocationModel | TradesModel) -> QTableView:
    table = QTableView(alternatingRowColors=True, wordWrap=False)
    table.setModel(model)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(26)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


class AllocationPanel(QWidget):
    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.plan_id: uuid.UUID | None = None
        self.model = AllocationModel()
        self.trades = TradesModel()
        self._save = QTimer(self, singleShot=True, interval=SAVE_MS)
        self._save.timeout.connect(self.save_now)
        self._build_ui()
        self.model.sig_edited.connect(self._edited)
        self.model.sig_refused.connect(self.message.setText)
        session.events.vault_will_lock.connect(self.flush)

    def _build_ui(self) -> None:
        self.table = _table(self.model)
        self.table.setItemDelegateForColumn(PROPOSED, BandDelegate(self.table))
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.total = QLabel()
        self.balance_button = QPushButton(self.tr("Balance with cash"))
        self.balance_button.setToolTip(self.tr("Put the difference from 100% on cash"))
        self.balance_button.clicked.connect(self.balance)
        self.reset_button = QPushButton(self.tr("Reset to model"))
        self.reset_button.setToolTip(
            self.tr("Start again from the model portfolio of the client's level today")
        )
        self.reset_button.clicked.connect(self.reset)
        self.message = Banner(object_name="error")
        self.model_line = QLabel(objectName="muted", wordWrap=True)
        row = QHBoxLayout()
        row.addWidget(self.total, 1)
        row.addWidget(self.balance_button)
        row.addWidget(self.reset_button)
        self.trades_title = QLabel(self.tr("Trades to reach the proposal"), objectName="subtitle")
        self.trades_table = _table(self.trades)
        self.trades_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.trades_note = QLabel(objectName="muted", wordWrap=True)
        column = QVBoxLayout(self)
        column.setContentsMargins(6, 6, 6, 6)
        column.addWidget(self.model_line)
        column.addWidget(self.table)
        column.addLayout(row)
        column.addWidget(self.message)
        column.addWidget(self.trades_title)
        column.addWidget(self.trades_table, 1)
        column.addWidget(self.trades_note)

    # --- showing ---------------------------------------------------------------------

    def show_plan(self, data: PlanData) -> None:
        plan = data.plan
        if plan is None:
            self.clear()
            return
        same = plan.id == self.plan_id
        self.plan_id = plan.id
        if not same:
            self.message.clear()
        self.model.set_allocation(plan.allocation, data.drift, plan.editable, keep_edits=same)
        names = {line.asset_class: said(line.name) for line in plan.allocation}
        self.trades.set_trades(data.trades, names)
        self.model_line.setText(
            self.tr("Model {0} {1}: each weight may move within its band.").format(
                plan.model_code, said(plan.model_name)
            )
        )
        bought = self.trades.bought()
        self.trades_title.setText(
            self.tr("Trades to reach the proposal: {0} to invest").format(format_money(bought))
            if data.trades
            else self.tr("Trades to reach the proposal: none needed")
        )
        self.trades_note.setText(said(data.trades_note) if data.trades_note else "")
        for button in (self.balance_button, self.reset_button):
            button.setEnabled(plan.editable)
        rows = self.model.rowCount()
        frame = self.table.horizontalHeader().height() + 2 * self.table.frameWidth() + 2
        self.table.setFixedHeight(frame + rows * self.table.verticalHeader().defaultSectionSize())
        self._show_total()

    def _show_total(self) -> None:
        if self.plan_id is None:
            self.total.clear()
            return
        total = self.model.total()
        if total == ONE:
            self.total.setText(self.tr("Total {0}").format(percent(total)))
            self.total.setStyleSheet(OK_STYLE)
        else:
            gap = percent(abs(total - ONE))
            words = self.tr("{0} over") if total > ONE else self.tr("{0} short")
            self.total.setText(
                self.tr("Total {0}: {1}; the weights must add up to 100%.").format(
                    percent(total), words.format(gap)
                )
            )
            self.total.setStyleSheet(OFF_STYLE)

    # --- editing and saving ----------------------------------------------------------

    def _edited(self) -> None:
        self.message.clear()
        self._show_total()
        self._save.start()

    def balance(self) -> None:
        problem = self.model.balance()
        if problem:
            self.message.setText(problem)

    def flush(self) -> None:
        """Save now what waits for the timer (before a lock or a switch of plan)."""
        if self._save.isActive():
            self._save.stop()
            self.save_now()

    def save_now(self) -> None:
        plan_id = self.plan_id
        if plan_id is None or not self.model.dirty or not self.model.editable:
            return
        revision, weights = self.model.revision, self.model.weights()
        self.session.mutate(
            lambda ws: ws.plans.set_allocation(plan_id, weights),
            self,
            lambda _: self._saved(plan_id, revision),
            self._refused,
        )

    def _saved(self, plan_id: uuid.UUID, revision: int) -> None:
        if plan_id == self.plan_id:
            self.model.mark_saved(revision)
            self.table.viewport().update()

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, PlanRejected):
            words = " ".join(said(p.message) for p in error.problems)
            self.message.setText(
                self.tr("Not saved: {0} Fix it and the allocation is saved.").format(words)
            )
        elif isinstance(error, ConfidantError):
            self.message.setText(str(error))
        else:
            self.session.sig_error.emit(error)

    def reset(self) -> None:
        plan_id = self.plan_id
        if plan_id is None:
            return
        self._save.stop()
        self.message.clear()
        self.model.dirty = False
        self.session.mutate(
            lambda ws: ws.plans.reset_allocation(plan_id), self, None, self._refused
        )

    def clear(self) -> None:
        self._save.stop()
        self.plan_id = None
        self.model.clear()
        self.trades.clear()
        for label in (self.message, self.model_line, self.trades_note, self.total):
            label.clear()
        self.trades_title.setText(self.tr("Trades to reach the proposal"))


__all__ = ["SAVE_MS", "AllocationPanel"]
