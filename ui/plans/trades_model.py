"""The trades that would move the portfolio from its current allocation to the proposed
one: by asset class, buy or sell, and how much, with the total to invest.

Why it is shaped so: the amounts come from the service (``ws.plans.trades``, Decimal to
the cent, adding up to zero with cash settling), so this only names and lays them out;
adjustments below the minimum trade are listed apart by the panel, not silently lost.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.domain import model_portfolios as mp
from ui.formatting import format_money

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
COLUMNS = ("class", "side", "amount")


class TradesModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.trades: list[mp.Trade] = []
        self.names: dict[str, str] = {}
        self.heads = (self.tr("Asset class"), self.tr("Buy / sell"), self.tr("Amount"))

    def set_trades(self, trades: tuple[mp.Trade, ...], names: Mapping[str, str]) -> None:
        self.beginResetModel()
        self.trades = sorted(trades, key=lambda t: t.amount_cny)  # sales first: they pay
        self.names = dict(names)
        self.endResetModel()

    def clear(self) -> None:
        self.set_trades((), {})

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.trades)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal:
            return self.heads[section] if 0 <= section < len(self.heads) else None
        return None

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.trades):
            return None
        if not 0 <= index.column() < len(COLUMNS):
            return None
        trade = self.trades[index.row()]
        column = COLUMNS[index.column()]
        buy = trade.amount_cny > 0
        if role == DISPLAY:
            if column == "class":
                return self.names.get(trade.asset_class, trade.asset_class)
            if column == "side":
                return self.tr("Buy") if buy else self.tr("Sell")
            return format_money(abs(trade.amount_cny))
        if role == Qt.ItemDataRole.ForegroundRole and column in ("side", "amount"):
            return QColor("#2f7d5b" if buy else "#b42318")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "amount":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return trade.amount_cny
        return None

    def bought(self) -> Decimal:
        return sum((t.amount_cny for t in self.trades if t.amount_cny > 0), Decimal(0))


__all__ = ["COLUMNS", "TradesModel"]
