"""The client's assessments, newest first: one row each."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.domain import risk_profile as rp
from app.services.risk import AssessmentRecord
from ui.risk.common import RiskWords, level_text

Index = QModelIndex | QPersistentModelIndex


class HistoryModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.records: list[AssessmentRecord] = []
        self.words = RiskWords(self)
        self.heads = (
            self.tr("Date"),
            self.tr("Level"),
            self.tr("Willingness"),
            self.tr("Capacity"),
            self.tr("By"),
            self.tr("Place"),
            self.tr("Changes"),
        )

    def set_records(self, records: list[AssessmentRecord]) -> None:
        self.beginResetModel()
        self.records = list(records)
        self.endResetModel()

    def clear(self) -> None:
        self.set_records([])

    def record(self, row: int) -> AssessmentRecord | None:
        return self.records[row] if 0 <= row < len(self.records) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.heads)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.heads)
        ):
            return self.heads[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.records):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(self.records[index.row()], index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 5:
            return self.records[index.row()].place_detail
        return None

    def _text(self, r: AssessmentRecord, column: int) -> str | None:
        s = r.scoring
        cells = (
            r.assessed_at.date().isoformat(),
            level_text(s.level, s.lowest_class),
            f"{rp.level_code(s.willingness_level)} ({s.willingness_score})",
            f"{rp.level_code(s.capacity_level)} ({s.capacity_score})",
            r.assessed_by,
            self.words.place(r.place),
            str(len(r.changes)),
        )
        return cells[column] if 0 <= column < len(cells) else None
