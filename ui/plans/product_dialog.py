""" "Add product…": search the shelf, see each product through the plan's suitability
gate for the amount typed, and add one with a rationale.

Why it is shaped so: the gate's verdict depends on the amount (concentration) as well
as the product, so the list is checked again a moment after either the search or the
amount changes, and replies to an older search are dropped. A blocked product can be
selected, to read why, but not added: the Add button stays off and the reasons and
remedies are shown under the list. The service checks again on adding; if it refuses
(the portfolio changed meanwhile, say), its NotSuitable is shown in the banker's
language and everything typed stays.
"""

from __future__ import annotations

import uuid
from decimal import Decimal

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QWidget,
)

from app.services.changes import Changes
from app.services.plans import Candidate, NotSuitable, PlanView
from app.services.workspace import Workspace
from ui.contacts.form import FormDialog
from ui.plans.candidates_model import GATE, CandidatesModel
from ui.plans.words import parse_amount, said
from ui.risk.common import data_lang
from ui.session import VaultSession

SEARCH_MS = 250
DEFAULT_AMOUNT = "100,000"
BLOCK_STYLE = "color: #b42318"
PASS_STYLE = "color: #2f7d5b"


class AddProductDialog(FormDialog):
    def __init__(
        self,
        session: VaultSession,
        plan: PlanView,
        initiator: object = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, initiator, parent)
        self.setWindowTitle(self.tr("Add product to the plan"))
        self.setMinimumSize(1100, 600)
        self.plan_id = plan.id
        self.saved_id: uuid.UUID | None = None
        self.loaded = False
        self._generation = 0
        self.classes = {line.asset_class: said(line.name) for line in plan.allocation}
        self.search = QLineEdit(placeholderText=self.tr("Code or name, e.g. 基金 or 0001"))
        self.amount = QLineEdit(DEFAULT_AMOUNT)
        self.amount.setPlaceholderText(self.tr("Yuan, e.g. 500,000 or 50万"))
        self.model = CandidatesModel()
        self.table = QTableView(alternatingRowColors=True, wordWrap=False)
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setMinimumHeight(260)
        header = self.table.horizontalHeader()
        for column, width in enumerate((120, 230, 110, 100, 44, 70, 84, 76)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(GATE, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        self.detail = QLabel(wordWrap=True)
        self.detail.setMinimumHeight(40)
        self.count = QLabel(objectName="muted")
        self.rationale = QPlainTextEdit(
            placeholderText=self.tr("Why this product, for which goal (kept with the plan)")
        )
        self.rationale.setFixedHeight(64)
        self.add_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.add_button.setText(self.tr("Add to plan"))
        self.add_button.setEnabled(False)
        self.form.addRow(self.tr("Search"), self.search)
        self.form.addRow(self.tr("Amount (CNY)"), self.amount)
        self.form.addRow(self.count)
        self.form.addRow(self.table)
        self.form.addRow(self.detail)
        self.form.addRow(self.tr("Rationale"), self.rationale)
        self._refresh = QTimer(self, singleShot=True, interval=SEARCH_MS)
        self._refresh.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _: self._refresh.start())
        self.amount.textChanged.connect(lambda _: self._refresh.start())
        self.refresh()

    # --- the list ---------------------------------------------------------------------

    def typed_amount(self) -> Decimal | None:
        amount = parse_amount(self.amount.text())
        return amount if amount is not None and amount > 0 else None

    def refresh(self, keep_error: bool = False) -> None:
        """Check the shelf again for the search and amount typed now."""
        self._refresh.stop()
        amount = self.typed_amount()
        if amount is None:
            self.error.setText(self.tr("Type the amount in yuan, e.g. 500,000 or 50万."))
            self._selected()
            return
        if not keep_error:
            self.error.clear()
        self._generation += 1
        generation, plan_id, query = self._generation, self.plan_id, self.search.text()
        self.session.run(
            lambda ws: ws.plans.candidates(plan_id, query, amount),
            lambda items: self._show(generation, items),
            self._failed,
        )

    def _show(self, generation: int, items: list[Candidate]) -> None:
        if generation != self._generation:
            return  # an older search or amount
        picked = self.selected()
        self.model.set_candidates(items, self.classes)
        self.loaded = True
        passing = sum(c.can_add for c in items)
        self.count.setText(
            self.tr("{0} products, {1} can be added for this amount").format(len(items), passing)
        )
        row = self.model.row_of(picked.code) if picked is not None else -1
        if row >= 0:
            self.table.selectRow(row)
        self._selected()

    def selected(self) -> Candidate | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_item(rows[0].row()) if rows else None

    def select_code(self, code: str) -> bool:
        row = self.model.row_of(code)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    def _selected(self) -> None:
        c = self.selected()
        amount_ok = self.typed_amount() is not None
        self.add_button.setEnabled(c is not None and c.can_add and amount_ok)
        if c is None:
            self.detail.setText(self.tr("Choose a product from the list."))
            self.detail.setStyleSheet("")
            return
        if not c.can_add:
            self.detail.setText(
                self.tr("{0} {1} cannot be added: {2}").format(
                    c.code, c.name, self.model.reasons(c)
                )
            )
            self.detail.setStyleSheet(BLOCK_STYLE)
            return
        warnings = " ".join(f"{said(f.why)} {said(f.remedy)}" for f in c.warnings)
        text = self.tr("{0} {1} passes the suitability check for this amount.").format(
            c.code, c.name
        )
        self.detail.setText(f"{text} {warnings}".strip())
        self.detail.setStyleSheet(PASS_STYLE)

    # --- adding -----------------------------------------------------------------------

    def save(self) -> None:
        c, amount = self.selected(), self.typed_amount()
        if c is None:
            self.refuse(self.tr("Choose a product from the list first."))
            return
        if amount is None:
            self.refuse(self.tr("Type the amount in yuan, e.g. 500,000 or 50万."))
            return
        if not c.can_add:
            self.refuse(self.tr("{0} cannot be added: {1}").format(c.code, self.model.reasons(c)))
            return
        plan_id, code, why = self.plan_id, c.code, self.rationale.toPlainText()
        self._refresh.stop()  # a refusal checks the list again, keeping its message

        def job(ws: Workspace) -> Changes:
            saved = ws.plans.add_recommendation(plan_id, code, amount, why)
            self.saved_id = saved.item_id
            return saved.changes

        self.submit(job)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, NotSuitable):
            self.buttons.setEnabled(True)
            self.error.setText(error.message(data_lang()))
            self.refresh(keep_error=True)  # the list shows the new verdicts
            return
        super()._failed(error)


__all__ = ["AddProductDialog"]
