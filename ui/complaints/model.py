"""The client's complaints, newest first: reference, received, channel, category,
status (coloured), owner, the days it has been open (or took to resolve), and the
description on one line."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from app.services.complaints import ComplaintRecord
from ui.complaints.words import STATUS_COLOURS, STATUS_FILLS, ComplaintWords
from ui.rows_model import RowsModel

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
DESCRIPTION = COLUMNS.index("description")


class ComplaintModel(RowsModel[ComplaintRecord]):
    COLUMNS = COLUMNS
    NUMBERS = frozenset({"days"})

    def __init__(self) -> None:
        super().__init__()
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
        self.today = today or date.today()
        self.set_rows(complaints)

    def cell(self, c: ComplaintRecord, column: str, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column in ("status", "days"):
            return QColor(STATUS_COLOURS.get(c.status, "#1f2933"))
        if role == Qt.ItemDataRole.BackgroundRole and column == "status":
            return QColor(STATUS_FILLS.get(c.status, "#ffffff"))
        if role == Qt.ItemDataRole.ToolTipRole and column == "days":
            return self.days_text(c)
        if role == Qt.ItemDataRole.ToolTipRole and column == "description":
            return c.description
        return None

    def text(self, c: ComplaintRecord, column: str) -> str:
        if column == "description":
            return " ".join(c.description.split())
        days = c.days_to_resolve if c.days_to_resolve is not None else c.days_open(self.today)
        cells = {
            "reference": c.reference,
            "received": c.received_on.isoformat(),
            "channel": self.words.channels.get(c.channel, c.channel),
            "category": self.words.categories.get(c.category, c.category),
            "status": self.words.statuses.get(c.status, c.status),
            "owner": c.owner,
            "days": str(days),
        }
        return cells[column]

    def days_text(self, c: ComplaintRecord) -> str:
        if c.days_to_resolve is not None:
            return self.tr("Resolved in {0} days").format(c.days_to_resolve)
        return self.tr("Open for {0} days").format(c.days_open(self.today))
