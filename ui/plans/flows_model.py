"""A plan's cash flows as a table: kind, label, the amount each year (income in green,
spending in red, as stored with its sign) and the years it runs.

Why it is shaped so: a flow is read as "how much, from when to when", so the years are
one column ("2026–2035", or one year alone) and the amount keeps its sign, which is what
the projections add to the wealth each year.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.services.plans import FlowView
from ui.formatting import format_money_short
from ui.plans.words import said

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
COLUMNS = ("kind", "label", "amount", "years")


class FlowsModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.flows: list[FlowView] = []
        self.heads = (
            self.tr("Kind"),
            self.tr("Label"),
            self.tr("Amount a year"),
            self.tr("Years"),
        )

    def set_flows(self, flows: tuple[FlowView, ...] | list[FlowView]) -> None:
        self.beginResetModel()
        self.flows = list(flows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_flows([])

    def flow(self, row: int) -> FlowView | None:
        return self.flows[row] if 0 <= row < len(self.flows) else None

    def row_of(self, flow_id: uuid.UUID) -> int:
        return next((r for r, f in enumerate(self.flows) if f.id == flow_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.flows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal:
            return self.heads[section] if 0 <= section < len(self.heads) else None
        return None

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        flow = self.flow(index.row()) if index.isValid() else None
        if flow is None or not 0 <= index.column() < len(COLUMNS):
            return None
        column = COLUMNS[index.column()]
        if role == DISPLAY:
            return self._text(flow, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "amount":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == "amount":
            return QColor("#2f7d5b" if flow.amount > 0 else "#b42318")
        if role == Qt.ItemDataRole.ToolTipRole and column == "amount" and not flow.real:
            return self.tr("Nominal: not adjusted for inflation")
        if role == Qt.ItemDataRole.UserRole:
            return flow.id
        return None

    def _text(self, flow: FlowView, column: str) -> str:
        if column == "kind":
            return said(flow.kind_name)
        if column == "label":
            return flow.label
        if column == "amount":
            sign = "+" if flow.amount > 0 else "−"
            return sign + format_money_short(abs(flow.amount))
        if flow.end_year is None or flow.end_year == flow.start_year:
            return str(flow.start_year)
        return f"{flow.start_year}–{flow.end_year}"


__all__ = ["COLUMNS", "FlowsModel"]
