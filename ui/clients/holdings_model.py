"""The holdings of one client as a table model (a client holds tens of lines at most,
so rows arrive with the portfolio in one piece)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.services.portfolio import HoldingLine

Index = QModelIndex | QPersistentModelIndex
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class HoldingsModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._lines: list[HoldingLine] = []
        self._total = Decimal(0)
        self._headers = (
            self.tr("Instrument"),
            self.tr("Type"),
            self.tr("Risk"),
            self.tr("Quantity"),
            self.tr("Price"),
            self.tr("Value (CNY)"),
            self.tr("Value (own currency)"),
            self.tr("Weight"),
            self.tr("Gain / loss"),
        )

    def set_lines(self, lines: list[HoldingLine], total_cny: Decimal) -> None:
        self.beginResetModel()
        self._lines, self._total = list(lines), total_cny
        self.endResetModel()

    def clear(self) -> None:
        self.set_lines([], Decimal(0))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._lines):
            return None
        line = self._lines[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(line, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 3:
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return f"{line.code} · {line.account}"
        return None

    def _cell(self, line: HoldingLine, column: int) -> str:
        gain = line.market_value - line.cost_basis
        weight = line.market_value_cny / self._total if self._total else Decimal(0)
        return (
            f"{line.name}",
            line.type,
            f"R{line.risk_rating}",
            f"{line.quantity:,.2f}",
            f"{line.price:,.4f}",
            f"{line.market_value_cny:,.2f}",
            f"{line.currency} {line.market_value:,.2f}",
            f"{weight:.1%}",
            f"{gain:+,.2f}",
        )[column]
