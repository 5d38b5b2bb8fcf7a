"""A table over a short list held in memory: a plan's goals, a client's documents.

Why it exists: each such model answered rowCount, columnCount, headerData and the
common data() roles the same way, and only its cells differed. A subclass names its
``COLUMNS`` (and the right-aligned ``NUMBERS``), sets translated ``heads`` (and
optional ``tips``), and writes ``text(item, column)`` plus, for colours and tooltips,
``cell(item, column, role)``. ``UserRole`` gives the item's ``KEY`` attribute (``id``
unless a subclass names another, such as a product's code). Lists that can grow
with the book (clients, the timeline) page themselves and do not use this.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class RowsModel[T](QAbstractTableModel):
    COLUMNS: tuple[str, ...] = ()
    NUMBERS: frozenset[str] = frozenset()  # shown right-aligned
    KEY = "id"  # the attribute that identifies an item: UserRole and row_of

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[T] = []
        self.heads: tuple[str, ...] = ()
        self.tips: dict[str, str] = {}  # header tooltips by column

    def set_rows(self, rows: Iterable[T]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def row_item(self, row: int) -> T | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, ident: object) -> int:
        """The row of the item whose ``KEY`` is ``ident``, or -1."""
        return next(
            (r for r, item in enumerate(self.rows) if getattr(item, self.KEY, None) == ident), -1
        )

    def text(self, item: T, column: str) -> str:
        raise NotImplementedError

    def cell(self, item: T, column: str, role: int) -> Any:
        """Any other role of a cell (colour, tooltip); None by default."""
        return None

    # --- QAbstractTableModel ----------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        if role == DISPLAY:
            return self.heads[section] if section < len(self.heads) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tips.get(self.COLUMNS[section])
        return None

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        item = self.row_item(index.row()) if index.isValid() else None
        if item is None or not 0 <= index.column() < len(self.COLUMNS):
            return None
        column = self.COLUMNS[index.column()]
        if role == DISPLAY:
            return self.text(item, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.NUMBERS:
            return RIGHT
        if role == Qt.ItemDataRole.UserRole:
            return getattr(item, self.KEY, None)
        return self.cell(item, column, role)


__all__ = ["DISPLAY", "Index", "RowsModel"]
