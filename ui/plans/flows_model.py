"""A plan's cash flows as a table: kind, label, the amount each year (income in green,
spending in red, as stored with its sign) and the years it runs.

Why it is shaped so: a flow is read as "how much, from when to when", so the years are
one column ("2026–2035", or one year alone) and the amount keeps its sign, which is what
the projections add to the wealth each year.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from app.services.plans import FlowView
from ui.formatting import format_money_short
from ui.plans.words import said
from ui.rows_model import RowsModel

COLUMNS = ("kind", "label", "amount", "years")


class FlowsModel(RowsModel[FlowView]):
    COLUMNS = COLUMNS
    NUMBERS = frozenset({"amount"})

    def __init__(self) -> None:
        super().__init__()
        self.heads = (
            self.tr("Kind"),
            self.tr("Label"),
            self.tr("Amount a year"),
            self.tr("Years"),
        )

    def cell(self, flow: FlowView, column: str, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == "amount":
            return QColor("#2f7d5b" if flow.amount > 0 else "#b42318")
        if role == Qt.ItemDataRole.ToolTipRole and column == "amount" and not flow.real:
            return self.tr("Nominal: not adjusted for inflation")
        return None

    def text(self, flow: FlowView, column: str) -> str:
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
