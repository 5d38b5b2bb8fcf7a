"""The client's Timeline tab: everything that happened with the client, newest first,
with a check box per kind and "Load more" for older pages."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
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
from ui.session import VaultSession

RELOAD_MS = 300


class TimelineTab(QWidget):
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
        self.more = QPushButton(self.tr("Load more"))
        self.more.clicked.connect(lambda: self.model.fetchMore())
        self.count = QLabel(objectName="muted")
        foot = QHBoxLayout()
        foot.addWidget(self.count, 1)
        foot.addWidget(self.more)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(foot)
        self._loaded()

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
        if self.isVisible():
            self._reload.start()  # a burst of changes (autosaves) reloads once
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def clear(self) -> None:
        self._reload.stop()
        self._stale = False
        self.client_id = None
        self.model.clear()
        self._loaded()
