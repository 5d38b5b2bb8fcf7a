"""The Tasks page: Today, Overdue, This week and All open, each with its count.

Tick a task to complete it (untick to reopen it); double-click opens its client. The
counts also go to the navigation (``sig_counts``), so "Tasks (3)" says what is due.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.changes import Changes
from app.services.tasks import TaskRow
from app.services.workspace import Workspace
from ui.session import VaultSession
from ui.tasks.model import TaskModel

VIEWS = ("today", "overdue", "week", "open")


@dataclass(frozen=True)
class TaskList:
    view: str
    tasks: list[TaskRow]
    counts: dict[str, int]
    today: date


class TasksPage(QWidget):
    sig_counts = Signal(object)  # {"today": n, "overdue": n, "week": n, "open": n}

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = TaskModel()
        self.counts: dict[str, int] = {}
        self.loaded = False
        self._generation = 0
        self._build_ui()
        self.model.sig_toggled.connect(self._toggled)
        session.events.vault_did_lock.connect(self.clear)
        session.events.vault_did_unlock.connect(self._unlocked)
        session.events.operation_did_execute.connect(self._changed)
        self.refresh_counts()  # built at unlock: the navigation shows "Tasks (3)" at once

    def _build_ui(self) -> None:
        self.names = {
            "today": self.tr("Today"),
            "overdue": self.tr("Overdue"),
            "week": self.tr("This week"),
            "open": self.tr("All open"),
        }
        self.bar = QTabBar(expanding=False)
        for view in VIEWS:
            self.bar.addTab(self.names[view])
        self.bar.currentChanged.connect(lambda _: self.refresh())
        self.hint = QLabel(
            self.tr("Tick a task when it is done; double-click to open the client."),
            objectName="muted",
        )
        self.status = QLabel(objectName="error")
        self.table = QTableView(alternatingRowColors=True)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.doubleClicked.connect(self._open_client)
        header = self.table.horizontalHeader()
        for column, width in enumerate((56, 380, 110, 110, 120, 80)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(objectName="muted")
        head = QHBoxLayout()
        head.addWidget(self.bar)
        head.addStretch(1)
        head.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)

    @property
    def view(self) -> str:
        return VIEWS[max(self.bar.currentIndex(), 0)]

    def show_view(self, view: str) -> None:
        index = VIEWS.index(view)
        if self.bar.currentIndex() == index:
            self.refresh()
        else:
            self.bar.setCurrentIndex(index)  # loads it

    # --- loading ------------------------------------------------------------------------

    def activate(self) -> None:
        if not self.loaded:
            self.refresh()

    def refresh(self) -> None:
        self._generation += 1
        generation, view = self._generation, self.view

        def job(ws: Workspace) -> TaskList:
            today = date.today()
            return TaskList(view, ws.tasks.view(view, today), ws.tasks.counts(today), today)

        if self.session.run(job, lambda data: self._show(generation, data)):
            self.loaded = True

    def _unlocked(self, _info: object) -> None:
        self.refresh_counts()

    def refresh_counts(self) -> None:
        self.session.run(lambda ws: ws.tasks.counts(date.today()), self._show_counts)

    def _show(self, generation: int, data: TaskList) -> None:
        if generation != self._generation:
            return
        self.model.set_tasks(data.tasks, data.today)
        self.status.clear()
        self._show_counts(data.counts)
        self.empty.setText(self.tr("Nothing here.") if not data.tasks else "")

    def _show_counts(self, counts: dict[str, int]) -> None:
        self.counts = counts
        for index, view in enumerate(VIEWS):
            count = counts.get(view, 0)
            self.bar.setTabText(index, f"{self.names[view]} ({count})")
        self.sig_counts.emit(counts)

    def _changed(self, changes: Changes, initiator: object) -> None:
        if not changes.tasks:
            return
        if initiator is self or not self.loaded:
            self.refresh_counts()  # keep the ticked row where it is
        else:
            self.refresh()

    # --- acting -------------------------------------------------------------------------

    def _toggled(self, task_id: uuid.UUID, done: bool) -> None:
        def failed(error: BaseException) -> None:
            self.model.mark(task_id, not done)
            self.status.setText(self.tr("Not saved: {0}").format(error))

        if done:
            self.session.mutate(lambda ws: ws.tasks.complete(task_id), self, None, failed)
        else:
            self.session.mutate(lambda ws: ws.tasks.reopen(task_id), self, None, failed)

    def _open_client(self, index: QModelIndex) -> None:
        task = self.model.task(index.row())
        if task is not None and task.client_id is not None and index.column() != 0:
            self.session.events.client_open_requested.emit(task.client_id)

    def clear(self) -> None:
        self._generation += 1
        self.loaded = False
        self.counts = {}
        self.model.clear()
        self.status.clear()
        self.empty.clear()
        for index, view in enumerate(VIEWS):
            self.bar.setTabText(index, self.names[view])
