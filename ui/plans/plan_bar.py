"""The bar over the plan editor: which plan (year, version, status), "New plan…", "Copy
for next review…", "Delete draft", the status with its dates, the moves the status
allows, and one line on what the plan is built on.

Why it is shaped so: the review cycle is the plan's spine, so its state is always in
view and the only buttons shown are the moves ``TRANSITIONS`` allows from it (a draft
is presented; a presented plan is accepted, declined or set back to draft; a decided
plan moves no further and is copied instead). The bar only asks; the tab does the
work, so the bar holds no client data beyond what it shows and clears with it.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.services.plans import TRANSITIONS, PlanSummary, PlanView
from ui.plans.plan_data import PlanData
from ui.plans.words import STATUS_STYLES, PlanWords, said
from ui.risk.common import level_text

MOVES = ("presented", "accepted", "declined", "draft")


class PlanBar(QWidget):
    sig_pick = Signal(object)  # a plan's id
    sig_new = Signal()
    sig_copy = Signal()
    sig_delete = Signal()
    sig_move = Signal(str)  # the status to move to

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words = PlanWords(self)
        self.plans: list[PlanSummary] = []
        self.chooser = QComboBox()
        self.chooser.setMinimumWidth(320)
        self.chooser.activated.connect(self._picked)
        self.new_button = QPushButton(self.tr("New plan…"))
        self.new_button.clicked.connect(self.sig_new.emit)
        self.copy_button = QPushButton(self.tr("Copy for next review…"))
        self.copy_button.setToolTip(
            self.tr("Start next year's review from this plan, as a new version")
        )
        self.copy_button.clicked.connect(self.sig_copy.emit)
        self.delete_button = QPushButton(self.tr("Delete draft"))
        self.delete_button.clicked.connect(self.sig_delete.emit)
        self.badge = QLabel(objectName="badge")
        self.dates = QLabel(objectName="muted")
        self.moves: dict[str, QPushButton] = {}
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(QLabel(self.tr("Plan")))
        top.addWidget(self.chooser)
        top.addWidget(self.new_button)
        top.addWidget(self.copy_button)
        top.addWidget(self.delete_button)
        top.addStretch(1)
        top.addWidget(self.badge)
        top.addWidget(self.dates)
        self.facts = QLabel(objectName="muted", wordWrap=True)
        second = QHBoxLayout()
        second.setContentsMargins(0, 0, 0, 0)
        second.addWidget(self.facts, 1)
        for status in MOVES:
            button = QPushButton(self.words.move(status))
            if status == "presented":
                button.setObjectName("primary")
            button.clicked.connect(lambda _=False, s=status: self.sig_move.emit(s))
            self.moves[status] = button
            second.addWidget(button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addLayout(top)
        column.addLayout(second)
        self.clear()

    def entry(self, p: PlanSummary) -> str:
        return self.tr("{0} · v{1} · {2} — {3}").format(
            p.year, p.version, self.words.status(p.status), p.title
        )

    def show_data(self, data: PlanData) -> None:
        plan = data.plan
        self.plans = list(data.plans)
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for p in self.plans:
            self.chooser.addItem(self.entry(p))
        ids = [p.id for p in self.plans]
        if plan is not None and plan.id in ids:
            self.chooser.setCurrentIndex(ids.index(plan.id))
        self.chooser.blockSignals(False)
        self.chooser.setEnabled(bool(self.plans))
        self.new_button.setEnabled(True)
        self._show_plan(plan, data)

    def _show_plan(self, plan: PlanView | None, data: PlanData) -> None:
        for status, button in self.moves.items():
            button.setVisible(plan is not None and status in TRANSITIONS[plan.status])
        self.copy_button.setEnabled(plan is not None)
        self.delete_button.setVisible(plan is not None and plan.status == "draft")
        self.badge.setVisible(plan is not None)
        if plan is None:
            self.dates.clear()
            self.facts.clear()
            return
        self.badge.setText(self.words.status(plan.status))
        self.badge.setStyleSheet(STATUS_STYLES.get(plan.status, ""))
        self.dates.setText(self.dates_text(plan))
        self.facts.setText(self.facts_text(plan, data))

    def dates_text(self, plan: PlanView) -> str:
        parts = []
        if plan.presented_on is not None:
            parts.append(self.tr("presented {0}").format(plan.presented_on.isoformat()))
        if plan.decided_on is not None:
            day = plan.decided_on.isoformat()
            if plan.status == "accepted":
                parts.append(self.tr("accepted {0}").format(day))
            elif plan.status == "declined":
                parts.append(self.tr("declined {0}").format(day))
            else:
                parts.append(self.tr("decided {0}").format(day))
        if not parts:
            parts.append(self.tr("not yet presented"))
        return " · ".join(parts)

    def facts_text(self, plan: PlanView, data: PlanData) -> str:
        parts = [
            self.tr("Model {0} ({1})").format(said(plan.model_name), level_text(plan.model_level)),
            self.tr("assumptions {0}").format(plan.assumptions_version),
            self.tr("created {0}").format(plan.created_at.astimezone().date().isoformat()),
        ]
        if plan.previous_id is not None:
            parts.append(self.tr("copied from version {0}").format(plan.version - 1))
        if data.gate_name:
            parts.append(
                self.tr("suitability checked for {0}, the most cautious member").format(
                    data.gate_name
                )
            )
        elif plan.gate_client_id is None:
            parts.append(self.tr("nobody is assessed: products cannot be checked"))
        return " · ".join(parts)

    def _picked(self, index: int) -> None:
        if 0 <= index < len(self.plans):
            self.sig_pick.emit(self.plans[index].id)

    def clear(self) -> None:
        self.plans = []
        self.chooser.clear()
        self.chooser.setEnabled(False)
        self.new_button.setEnabled(False)
        self.copy_button.setEnabled(False)
        self.delete_button.hide()
        self.badge.clear()
        self.badge.hide()
        self.dates.clear()
        self.facts.clear()
        for button in self.moves.values():
            button.hide()


__all__ = ["MOVES", "PlanBar"]
