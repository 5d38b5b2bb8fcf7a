"""The client's complaints, newest first: reference, received, channel, category,
status (coloured), owner, the days it has been open (or took to resolve), and the
description on one line."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.services.complaints import ComplaintRecord
from ui.complaints.words import STATUS_COLOURS, STATUS_FILLS, ComplaintWords

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
COLUMNS = (
    "reference",
    "received",
    "channel",
    "category",
    "status",
    "owner",
    "days",
    "description",
)
STATUS = COLUMNS.index("status")
DAYS = COLUMNS.index("days")
DESCRIPTION = COLUMNS.index("description")


class ComplaintModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.complaints: list[ComplaintRecord] = []
        self.today = date.today()
        self.words = ComplaintWords(self)
        self.heads = (
            self.tr("Reference"),
            self.tr("Received"),
            self.tr("Channel"),
            self.tr("Category"),
            self.tr("Status"),
            self.tr("Owner"),
            self.tr("Days open / to resolve"),
            self.tr("Description"),
        )

    def set_complaints(self, complaints: list[ComplaintRecord], today: date | None = None) -> None:
        self.beginResetModel()
        self.complaints = list(complaints)
        self.today = today or date.today()
        self.endResetModel()

    def clear(self) -> None:
        self.set_complaints([])

    def complaint(self, row: int) -> ComplaintRecord | None:
        return self.complaints[row] if 0 <= row < len(self.complaints) else None

    def row_of(self, complaint_id: uuid.UUID) -> int:
        return next((r for r, c in enumerate(self.complaints) if c.id == complaint_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.complaints)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal:
            return self.heads[section] if 0 <= section < len(self.heads) else None
        return None

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        c = self.complaint(index.row()) if index.isValid() else None
        if c is None or not 0 <= index.column() < len(COLUMNS):
            return None
        column = index.column()
        if role == DISPLAY:
            return self._text(c, column)
        if role == Qt.ItemDataRole.ForegroundRole and column in (STATUS, DAYS):
            return QColor(STATUS_COLOURS.get(c.status, "#1f2933"))
        if role == Qt.ItemDataRole.BackgroundRole and column == STATUS:
            return QColor(STATUS_FILLS.get(c.status, "#ffffff"))
        if role == Qt.ItemDataRole.ToolTipRole and column == DAYS:
            return self.days_text(c)
        if role == Qt.ItemDataRole.ToolTipRole and column == DESCRIPTION:
            return c.description
        if role == Qt.ItemDataRole.TextAlignmentRole and column == DAYS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, c: ComplaintRecord, column: int) -> str:
        days = c.days_to_resolve if c.days_to_resolve is not None else c.days_open(self.today)
        cells = (
            c.reference,
            c.received_on.isoformat(),
            self.words.channels.get(c.channel, c.channel),
            self.words.categories.get(c.category, c.category),
            self.words.statuses.get(c.status, c.status),
            c.owner,
            str(days),
            " ".join(c.description.split()),
        )
        return cells[column]

    def days_text(self, c: ComplaintRecord) -> str:
        if c.days_to_resolve is not None:
            return self.tr("Resolved in {0} days").format(c.days_to_resolve)
        return self.tr("Open for {0} days").format(c.days_open(self.today))
