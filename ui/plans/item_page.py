"""A page of the plan editor that lists items (goals, cash flows) with Add, Edit and
Remove under the table, and a line saying what the page is for when it is empty.

Why it is shaped so: goals and cash flows are edited the same way, so they share one
page; the tab connects its buttons to the right dialogs and service calls. A read-only
plan keeps the table (to read) and turns the buttons off.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)


class ItemPage(QWidget):
    def __init__(
        self,
        model: QAbstractTableModel,
        add_text: str,
        hint: str,
        widths: tuple[int, ...],
        editable_rows: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.hint_text = hint
        self.editable = False
        self.table = QTableView(alternatingRowColors=True, wordWrap=False)
        self.table.setModel(model)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(40)
        for index, width in enumerate(widths):  # 0: takes the room left
            if width:  # a few rows: fit the header and cells (Chinese headers run wider)
                header.setSectionResizeMode(index, QHeaderView.ResizeMode.ResizeToContents)
            else:
                header.setSectionResizeMode(index, QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(add_text, objectName="primary")
        self.edit_button = QPushButton(self.tr("Edit…"))
        if not editable_rows:
            self.edit_button.hide()  # never setVisible(True) before parenting: a window
        self.remove_button = QPushButton(self.tr("Remove"))
        self.hint = QLabel(objectName="muted", wordWrap=True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(6, 6, 6, 6)
        column.addLayout(buttons)
        column.addWidget(self.table, 1)
        column.addWidget(self.hint)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.refresh())
        model.modelReset.connect(self.refresh)
        self.refresh()

    def selected_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        self.refresh()

    def refresh(self) -> None:
        picked = self.selected_row() >= 0
        self.add_button.setEnabled(self.editable)
        self.edit_button.setEnabled(self.editable and picked)
        self.remove_button.setEnabled(self.editable and picked)
        empty = self.model.rowCount() == 0
        self.hint.setText(self.hint_text if empty and self.editable else "")


__all__ = ["ItemPage"]
