"""The client's interactions (newest first) and care dates, as tables."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.services.contacts import CareDateRecord, InteractionRecord
from ui.contacts.words import ContactWords

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole


class _Table(QAbstractTableModel):
    """A read-only list of records, one per row, with translated column heads."""

    heads: tuple[str, ...] = ()

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Any] = []
        self.words = ContactWords(self)

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def record(self, row: int) -> Any:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.heads)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal:
            return self.heads[section] if 0 <= section < len(self.heads) else None
        return None

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        record = self.record(index.row()) if index.isValid() else None
        if record is None or not 0 <= index.column() < len(self.heads):
            return None
        if role in (DISPLAY, Qt.ItemDataRole.ToolTipRole):
            return self.text(record, index.column(), role == Qt.ItemDataRole.ToolTipRole)
        return None

    def text(self, record: Any, column: int, tip: bool) -> str | None:
        raise NotImplementedError


class InteractionModel(_Table):
    def __init__(self) -> None:
        super().__init__()
        self.heads = (
            self.tr("When"),
            self.tr("Channel"),
            self.tr("Direction"),
            self.tr("Who"),
            self.tr("Summary"),
        )

    def text(self, record: InteractionRecord, column: int, tip: bool) -> str | None:
        if tip:
            return record.summary if column == 4 else None
        cells = (
            record.at.astimezone().strftime("%Y-%m-%d %H:%M"),
            self.words.channels.get(record.channel, record.channel),
            self.words.directions.get(record.direction, record.direction),
            record.client_name,
            record.summary.replace("\n", " "),
        )
        return cells[column]


class CareDateModel(_Table):
    def __init__(self) -> None:
        super().__init__()
        self.heads = (self.tr("Date"), self.tr("What"), self.tr("Kind"), self.tr("Repeats"))

    def text(self, record: CareDateRecord, column: int, tip: bool) -> str | None:
        if tip:
            return record.label if column == 1 else None
        cells = (
            record.on.isoformat(),
            record.label,
            self.words.kinds.get(record.kind, record.kind),
            self.tr("Yearly") if record.recurs else self.tr("Once"),
        )
        return cells[column]
