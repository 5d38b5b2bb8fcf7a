"""Tasks as a table: done checkbox, title, client, owner, due (red when overdue),
priority. Ticking the box asks for ``complete`` (unticking for ``reopen``) through
``sig_toggled``; the row shows the new state at once and keeps its place until the list
is loaded again, so a mistaken tick is undone where it was made."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont

from app.services.tasks import TaskRow

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("done", "title", "client", "owner", "due", "priority")
ID_ROLE = Qt.ItemDataRole.UserRole
OVERDUE = "#b42318"
PRIORITY_COLOURS = {"high": "#b42318", "low": "#627d98"}


class TaskModel(QAbstractTableModel):
    sig_toggled = Signal(object, bool)  # task id, done

    def __init__(self) -> None:
        super().__init__()
        self.tasks: list[TaskRow] = []
        self.today = date.today()
        self.heads = (
            self.tr("Done"),
            self.tr("Task"),
            self.tr("Client"),
            self.tr("Owner"),
            self.tr("Due"),
            self.tr("Priority"),
        )
        self.priorities = {
            "high": self.tr("High"),
            "normal": self.tr("Normal"),
            "low": self.tr("Low"),
        }

    def set_tasks(self, tasks: list[TaskRow], today: date | None = None) -> None:
        self.beginResetModel()
        self.tasks = list(tasks)
        self.today = today or date.today()
        self.endResetModel()

    def clear(self) -> None:
        self.set_tasks([])

    def task(self, row: int) -> TaskRow | None:
        return self.tasks[row] if 0 <= row < len(self.tasks) else None

    def row_of(self, task_id: uuid.UUID) -> int:
        return next((r for r, t in enumerate(self.tasks) if t.id == task_id), -1)

    def mark(self, task_id: uuid.UUID, done: bool) -> None:
        """Show the task done or open (after a tick, or when the vault refused it)."""
        row = self.row_of(task_id)
        if row < 0:
            return
        task = self.tasks[row]
        self.tasks[row] = replace(
            task,
            status="done" if done else "open",
            overdue=not done and task.due_on is not None and task.due_on < self.today,
        )
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    # --- the table ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.tasks)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(COLUMNS)
        ):
            return self.heads[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == 0:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        task = self.task(index.row()) if index.isValid() else None
        if task is None or not 0 <= index.column() < len(COLUMNS):
            return None
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.CheckStateRole and column == "done":
            return Qt.CheckState.Checked if task.done else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(task, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._colour(task, column)
        if role == Qt.ItemDataRole.FontRole and task.done and column == "title":
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == "title":
            return task.title
        if role == ID_ROLE:
            return task.id
        return None

    def _text(self, task: TaskRow, column: str) -> str | None:
        if column == "title":
            return task.title
        if column == "client":
            return task.client_name or "—"
        if column == "owner":
            return task.owner
        if column == "due":
            if task.due_on is None:
                return "—"
            return task.due_on.isoformat() + (" ⚠" if task.overdue else "")
        if column == "priority":
            return self.priorities.get(task.priority, task.priority)
        return None

    def _colour(self, task: TaskRow, column: str) -> QColor | None:
        if task.done:
            return QColor("#7b8794")
        if column == "due" and task.overdue:
            return QColor(OVERDUE)
        if column == "priority" and task.priority in PRIORITY_COLOURS:
            return QColor(PRIORITY_COLOURS[task.priority])
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        task = self.task(index.row()) if index.isValid() else None
        if task is None or index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        done = Qt.CheckState(value) == Qt.CheckState.Checked
        if done == task.done:
            return False
        self.mark(task.id, done)
        self.sig_toggled.emit(task.id, done)
        return True
