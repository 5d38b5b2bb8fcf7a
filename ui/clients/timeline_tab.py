"""The client's Timeline tab: everything that happened with the client, newest first,
with a check box per kind and "Load more" for older pages."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.ids import ClientId
from app.services.changes import Changes
from app.services.timeline import KINDS
from ui.clients.timeline_model import COLUMNS, TimelineModel, kind_name
from ui.lazy_tab import LazyTab
from ui.session import VaultSession

RELOAD_MS = 300


class TimelineTab(LazyTab):
    sig_open_note = Signal(object, object)  # client id, note id: open it in meeting mode

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.client_id: ClientId | None = None
        self.model = TimelineModel(session)
        self._stale = False
        self._reload = QTimer(self, singleShot=True, interval=RELOAD_MS)
        self._reload.timeout.connect(self.reload)
        self._build_ui()
        self.model.sig_loaded.connect(self._loaded)
        session.events.operation_did_execute.connect(self._changed)

    def _build_ui(self) -> None:
        self.checks: dict[str, QCheckBox] = {}
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Show:"), objectName="muted"))
        for kind in KINDS:
            box = QCheckBox(kind_name(kind), checked=True)
            box.toggled.connect(lambda _: self.reload())
            self.checks[kind] = box
            filters.addWidget(box)
        filters.addStretch(1)
        self.table = QTableView(alternatingRowColors=True, wordWrap=False)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        for column, width in enumerate((140, 130, 240, 360, 80, 80)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda index: self.act_on(index.row()))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.action = QPushButton()
        self.action.clicked.connect(lambda: self.act_on(self._selected_row()))
        self.action.hide()
        self.more = QPushButton(self.tr("Load more"))
        self.more.clicked.connect(lambda: self.model.fetchMore())
        self.count = QLabel(objectName="muted")
        foot = QHBoxLayout()
        foot.addWidget(self.count, 1)
        foot.addWidget(self.action)
        foot.addWidget(self.more)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(foot)
        self._loaded()

    # --- acting on an item: a note opens, a task is completed where it shows ---------------

    def _selected_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _enable(self) -> None:
        item = self.model.item(self._selected_row())
        if item is not None and item.kind == "note":
            self.action.setText(self.tr("Open note"))
        elif item is not None and item.kind == "task":
            done = item.status == "done"
            self.action.setText(self.tr("Reopen task") if done else self.tr("Mark task done"))
        self.action.setVisible(item is not None and item.kind in ("note", "task"))

    def act_on(self, row: int) -> None:
        """Open a note in meeting mode (audited there if confidential); complete or reopen
        a task. Other kinds have nothing to do here."""
        item = self.model.item(row)
        if item is None:
            return
        if item.kind == "note":
            self.sig_open_note.emit(item.client_id, item.ref_id)
        elif item.kind == "task":
            task_id, done = item.ref_id, item.status == "done"
            self.session.mutate(
                lambda ws: ws.tasks.reopen(task_id) if done else ws.tasks.complete(task_id),
                None,
                lambda _: self.reload(),
            )

    def kinds(self) -> frozenset[str] | None:
        chosen = frozenset(k for k, box in self.checks.items() if box.isChecked())
        return None if len(chosen) == len(KINDS) else chosen

    def open(self, client_id: ClientId) -> None:
        self.client_id = client_id
        self.reload()

    def reload(self) -> None:
        self._reload.stop()
        self._stale = False
        if self.client_id is None:
            return
        kinds = self.kinds()
        if kinds is not None and not kinds:
            self.model.clear()
            self.model.client_id = self.client_id
            self._loaded()
            return
        self.model.load(self.client_id, kinds)

    def _loaded(self) -> None:
        """Count the rows; name whose each item is only where they differ (a household)."""
        rows = self.model.rowCount()
        own = all(item.client_id == self.client_id for item in self.model.items)
        self.table.setColumnHidden(COLUMNS.index("client"), own)
        self.count.setText(self.tr("{0} items shown").format(rows) if self.client_id else "")
        self.more.setEnabled(self.model.canFetchMore())

    def _changed(self, changes: Changes, initiator: object) -> None:
        if self.client_id is None or self.client_id not in changes.client_ids:
            return
        self.reload_when_seen(self._reload.start)  # a burst of changes (autosaves) reloads once

    def clear(self) -> None:
        self._reload.stop()
        self._stale = False
        self.client_id = None
        self.model.clear()
        self._loaded()
