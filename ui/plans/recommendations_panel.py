"""The Recommendations page of the plan editor: the products recommended, the check each
passed with its findings (rule, why, what to do), and "Add product…" / "Remove".

Why it is shaped so: the table says whether each product passed; the findings are
sentences, so the selected product's are listed below it in full, blocks first, each
with the rule it comes from, the reason and the remedy, which is what the banker
explains to the client or fixes before presenting.
"""

from __future__ import annotations

import html
import uuid
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.plans import PlanView, RecommendationView
from ui.formatting import format_money
from ui.plans.recommendations_model import RATIONALE, RecommendationsModel
from ui.plans.words import said

BLOCK_COLOUR = "#b42318"
WARN_COLOUR = "#9a6700"


class RecommendationsPanel(QWidget):
    sig_add = Signal()
    sig_remove = Signal(object)  # the recommendation's id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RecommendationsModel()
        self.editable = False
        self._build_ui()

    def _build_ui(self) -> None:
        self.add_button = QPushButton(self.tr("Add product…"), objectName="primary")
        self.add_button.clicked.connect(self.sig_add.emit)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self._remove)
        self.summary = QLabel(objectName="muted")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.summary, 1)
        self.table = QTableView(alternatingRowColors=True, wordWrap=False)
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        for index, width in enumerate((116, 150, 44, 112, 150)):
            self.table.setColumnWidth(index, width)
        header.setSectionResizeMode(RATIONALE, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        self.findings = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.findings.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.findings.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.findings.setContentsMargins(4, 4, 4, 4)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(self.findings)
        split = QSplitter(Qt.Orientation.Vertical, childrenCollapsible=False)
        split.addWidget(self.table)
        split.addWidget(scroll)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        column = QVBoxLayout(self)
        column.setContentsMargins(6, 6, 6, 6)
        column.addLayout(buttons)
        column.addWidget(split, 1)

    def show_plan(self, plan: PlanView | None) -> None:
        picked = self.selected()
        items = plan.recommendations if plan is not None else ()
        self.editable = plan is not None and plan.editable
        self.model.set_rows(items)
        row = self.model.row_of(picked.id) if picked is not None else -1
        if row < 0 and items:
            row = 0
        if row >= 0:
            self.table.selectRow(row)
        total = sum((r.amount_cny for r in items), Decimal(0))
        self.summary.setText(
            self.tr("{0} products, {1} in all").format(len(items), format_money(total))
            if items
            else ""
        )
        self.add_button.setEnabled(self.editable)
        self._selected()

    def selected(self) -> RecommendationView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_item(rows[0].row()) if rows else None

    def _selected(self) -> None:
        r = self.selected()
        self.remove_button.setEnabled(self.editable and r is not None)
        self.findings.setText(self.findings_html(r))

    def findings_html(self, r: RecommendationView | None) -> str:
        if r is None:
            if self.model.rowCount() == 0 and self.editable:
                return html.escape(
                    self.tr(
                        "No products recommended yet. “Add product…” lists the shelf with "
                        "the suitability check for this client."
                    )
                )
            return ""
        head = html.escape(f"{r.code} {r.name} · R{r.risk_rating} · {self.model.check_text(r)}")
        parts = [f"<b>{head}</b>"]
        if not r.findings:
            parts.append(html.escape(self.tr("No findings: nothing to mention to the client.")))
        for f in r.findings:
            block = f.severity == "block"
            colour = BLOCK_COLOUR if block else WARN_COLOUR
            kind = self.tr("Blocks") if block else self.tr("Warning")
            todo = html.escape(self.tr("What to do:"))  # outside the f-string: lupdate sees it
            parts.append(
                f'<span style="color:{colour}"><b>{html.escape(kind)}</b></span> '
                f'<span style="color:#627d98">({html.escape(f.rule)})</span> '
                f"{html.escape(said(f.why))}<br/>"
                f"<i>{todo}</i> {html.escape(said(f.remedy))}"
            )
        if r.rationale:
            why = html.escape(self.tr("Rationale:"))
            parts.append(f"<i>{why}</i> {html.escape(r.rationale)}")
        return "<br/><br/>".join(parts)

    def _remove(self) -> None:
        r = self.selected()
        if r is not None and self.editable:
            self.sig_remove.emit(r.id)

    def select(self, item_id: uuid.UUID) -> None:
        row = self.model.row_of(item_id)
        if row >= 0:
            self.table.selectRow(row)

    def clear(self) -> None:
        self.editable = False
        self.model.clear()
        self.summary.clear()
        self.findings.clear()
        self.add_button.setEnabled(False)
        self.remove_button.setEnabled(False)


__all__ = ["RecommendationsPanel"]
