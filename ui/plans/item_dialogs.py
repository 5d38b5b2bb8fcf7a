"""Add or edit a goal, add a cash flow: the forms behind the Goals and Cash flows pages.

Why it is shaped so: amounts are typed the way a banker says them ("2,000,000", "200万")
and read by ``parse_amount``; everything else (cents, signs, years within the plan's
reach, the lump sum's single year) is the service's to check, and its ValidationError
appears under the form with every field kept, so a typo costs one correction, not the
whole form. Years are spin boxes bounded by the plan's year, which rules out the
commonest mistake before it is made.
"""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QSpinBox, QWidget

from app.services.changes import Changes
from app.services.plan_types import MAX_YEARS_AHEAD
from app.services.plans import FLOW_KINDS, GOAL_KINDS, FlowFields, GoalFields, GoalView, PlanView
from app.services.workspace import Workspace
from ui.contacts.form import FormDialog, choice_combo
from ui.plans.words import parse_amount, said, typed_amount
from ui.session import VaultSession


def _year(value: int, low: int, high: int, none_text: str = "") -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setValue(value)
    if none_text:
        box.setSpecialValueText(none_text)  # shown at the minimum, read as "no year"
    return box


class GoalDialog(FormDialog):
    def __init__(
        self,
        session: VaultSession,
        plan: PlanView,
        goal: GoalView | None = None,
        initiator: object = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, initiator, parent)
        self.setWindowTitle(self.tr("Edit goal") if goal else self.tr("Add goal"))
        self.plan_id, self.goal = plan.id, goal
        self.saved_id: uuid.UUID | None = goal.id if goal else None
        last = plan.year + MAX_YEARS_AHEAD
        self.kind: QComboBox = choice_combo(
            {k: said(t) for k, t in GOAL_KINDS.items()}, goal.kind if goal else "retirement_income"
        )
        self.name = QLineEdit(goal.name if goal else "")
        self.name.setPlaceholderText(self.tr("In the client's words, e.g. 女儿留学"))
        self.target = QLineEdit(typed_amount(goal.target_amount) if goal else "")
        self.target.setPlaceholderText(self.tr("Yuan, e.g. 2,000,000 or 200万"))
        self.year = _year(goal.target_year if goal else plan.year + 10, plan.year, last)
        self.priority = _year(goal.priority if goal else 3, 1, 5)
        self.earmarked = QLineEdit(typed_amount(goal.earmarked) if goal else "0")
        self.real = QCheckBox(self.tr("In today's money (adjusted for inflation)"))
        self.real.setChecked(goal.real if goal else True)
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Target amount"), self.target)
        self.form.addRow(self.tr("Target year"), self.year)
        self.form.addRow(self.tr("Priority (1 highest)"), self.priority)
        self.form.addRow(self.tr("Already earmarked"), self.earmarked)
        self.form.addRow("", self.real)

    def fields(self) -> GoalFields | None:
        """What is typed, or None (and the reason shown) if an amount does not read."""
        target = parse_amount(self.target.text())
        earmarked = parse_amount(self.earmarked.text() or "0")
        if target is None:
            self.refuse(self.tr("Type the target amount in yuan, e.g. 2,000,000 or 200万."))
            return None
        if earmarked is None:
            self.refuse(self.tr("Type the amount already earmarked in yuan, or 0."))
            return None
        return GoalFields(
            kind=str(self.kind.currentData()),
            name=self.name.text(),
            target_amount=target,
            target_year=self.year.value(),
            priority=self.priority.value(),
            earmarked=earmarked,
            real=self.real.isChecked(),
        )

    def save(self) -> None:
        fields = self.fields()
        if fields is None:
            return
        plan_id, goal_id = self.plan_id, self.goal.id if self.goal else None

        def job(ws: Workspace) -> Changes:
            if goal_id is not None:
                return ws.plans.update_goal(goal_id, fields)
            saved = ws.plans.add_goal(plan_id, fields)
            self.saved_id = saved.item_id
            return saved.changes

        self.submit(job)


class FlowDialog(FormDialog):
    def __init__(
        self,
        session: VaultSession,
        plan: PlanView,
        initiator: object = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, initiator, parent)
        self.setWindowTitle(self.tr("Add cash flow"))
        self.plan_id = plan.id
        self.saved_id: uuid.UUID | None = None
        last = plan.year + MAX_YEARS_AHEAD
        self.kind: QComboBox = choice_combo({k: said(t) for k, t in FLOW_KINDS.items()}, "income")
        self.label = QLineEdit(placeholderText=self.tr("e.g. 工资, 生活开支, 出售房产"))
        self.amount = QLineEdit(placeholderText=self.tr("Yuan a year, e.g. 600,000 or 60万"))
        self.start = _year(plan.year, plan.year, last)
        # One below the first year reads "one year only" (no last year).
        self.end = _year(plan.year + 9, plan.year - 1, last, self.tr("one year only"))
        self.real = QCheckBox(self.tr("In today's money (adjusted for inflation)"))
        self.real.setChecked(True)
        self.kind.currentIndexChanged.connect(lambda _: self._kind_changed())
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("Label"), self.label)
        self.form.addRow(self.tr("Amount"), self.amount)
        self.form.addRow(self.tr("First year"), self.start)
        self.form.addRow(self.tr("Last year"), self.end)
        self.form.addRow("", self.real)

    def _kind_changed(self) -> None:
        lump = self.kind.currentData() == "lump_sum"
        if lump:
            self.end.setValue(self.end.minimum())
        self.end.setEnabled(not lump)
        self.amount.setPlaceholderText(
            self.tr("Yuan: + received, − paid out")
            if lump
            else self.tr("Yuan a year, e.g. 600,000 or 60万")
        )

    def fields(self) -> FlowFields | None:
        amount = parse_amount(self.amount.text())
        if amount is None:
            self.refuse(self.tr("Type the amount in yuan, e.g. 600,000 or 60万."))
            return None
        end = self.end.value()
        return FlowFields(
            kind=str(self.kind.currentData()),
            label=self.label.text(),
            amount=amount,
            start_year=self.start.value(),
            end_year=None if end == self.end.minimum() else end,
            real=self.real.isChecked(),
        )

    def save(self) -> None:
        fields = self.fields()
        if fields is None:
            return
        plan_id = self.plan_id

        def job(ws: Workspace) -> Changes:
            saved = ws.plans.add_flow(plan_id, fields)
            self.saved_id = saved.item_id
            return saved.changes

        self.submit(job)


__all__ = ["FlowDialog", "GoalDialog"]
