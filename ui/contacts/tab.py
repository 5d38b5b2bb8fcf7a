"""The client's Contacts tab: every logged call, message and visit (newest first; a
household's include its members') and the client's care dates, with "Log contact" and
adding or removing a care date. Birthdays come from the profile, not from here."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.ids import ClientId
from app.services.changes import Changes
from app.services.contacts import CareDateRecord, InteractionRecord
from app.services.workspace import Workspace
from ui.contacts.dialogs import CareDateDialog, LogContactDialog
from ui.contacts.form import FormDialog
from ui.contacts.models import CareDateModel, InteractionModel
from ui.lazy_tab import LazyTab
from ui.session import VaultSession


@dataclass(frozen=True)
class ContactsData:
    interactions: list[InteractionRecord]
    care_dates: list[CareDateRecord]


def load_contacts(ws: Workspace, client_id: ClientId) -> ContactsData:
    return ContactsData(ws.contacts.for_client(client_id), ws.contacts.care_dates(client_id))


def table(model: InteractionModel | CareDateModel) -> QTableView:
    view = QTableView(alternatingRowColors=True)
    view.setModel(model)
    view.verticalHeader().setVisible(False)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class ContactsTab(LazyTab):
    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.client_id: ClientId | None = None
        self.data: ContactsData | None = None
        self.dialog: FormDialog | None = None  # the open dialog, if any
        self._stale = False
        self.interactions = InteractionModel()
        self.care_dates = CareDateModel()
        self._build_ui()
        session.events.vault_did_lock.connect(self.clear)
        session.events.operation_did_execute.connect(self._changed)

    def _build_ui(self) -> None:
        self.log = QPushButton(self.tr("Log contact…"), objectName="primary")
        self.log.clicked.connect(self.log_contact)
        self.count = QLabel(objectName="muted")
        self.contacts = table(self.interactions)
        for index, width in enumerate((130, 80, 130, 90)):
            self.contacts.setColumnWidth(index, width)
        self.add_date = QPushButton(self.tr("Add care date…"))
        self.remove_date = QPushButton(self.tr("Remove"))
        self.add_date.clicked.connect(self.add_care_date)
        self.remove_date.clicked.connect(self.remove_care_date)
        self.dates = table(self.care_dates)
        for index, width in enumerate((90, 150, 80)):
            self.dates.setColumnWidth(index, width)
        self.dates.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.status = QLabel(objectName="error", wordWrap=True)
        left = QWidget()
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("Contacts"), objectName="subtitle"))
        head.addWidget(self.count, 1)
        head.addWidget(self.log)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 6, 0)
        column.addLayout(head)
        column.addWidget(self.contacts, 1)
        right = QWidget()
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("Care dates"), objectName="subtitle"), 1)
        head.addWidget(self.add_date)
        head.addWidget(self.remove_date)
        column = QVBoxLayout(right)
        column.setContentsMargins(6, 0, 0, 0)
        column.addLayout(head)
        column.addWidget(
            QLabel(
                self.tr("Anniversaries and milestones show on Home 30 days ahead."),
                objectName="muted",
                wordWrap=True,
            )
        )
        column.addWidget(self.dates, 1)
        split = QSplitter(Qt.Orientation.Horizontal, childrenCollapsible=False)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        self._enable()

    # --- showing --------------------------------------------------------------------------

    def open(self, client_id: ClientId) -> None:
        self.client_id = client_id
        self.reload()

    def reload(self) -> None:
        client_id = self.client_id
        if client_id is None:
            return
        self._stale = False
        self.session.run(
            lambda ws: load_contacts(ws, client_id), lambda data: self._show(client_id, data)
        )

    def _show(self, client_id: ClientId, data: ContactsData) -> None:
        if client_id != self.client_id:
            return
        self.data = data
        self.interactions.set_rows(data.interactions)
        self.care_dates.set_rows(data.care_dates)
        others = any(i.client_id != client_id for i in data.interactions)
        self.contacts.setColumnHidden(3, not others)  # "who": a household's members
        self.count.setText(
            self.tr("{0} logged").format(len(data.interactions))
            if data.interactions
            else self.tr("none logged yet")
        )
        self._enable()

    def _changed(self, changes: Changes, initiator: object) -> None:
        if self.client_id is None or self.client_id not in changes.client_ids:
            return
        if not changes.contacts:
            return
        self.reload_when_seen()

    def _enable(self) -> None:
        has_client = self.client_id is not None
        self.log.setEnabled(has_client)
        self.add_date.setEnabled(has_client)
        self.remove_date.setEnabled(self.selected_date() is not None)

    def selected_date(self) -> CareDateRecord | None:
        rows = self.dates.selectionModel().selectedRows()
        return self.care_dates.record(rows[0].row()) if rows else None

    # --- acting ---------------------------------------------------------------------------

    def log_contact(self) -> LogContactDialog | None:
        if self.client_id is None:
            return None
        return self._open_dialog(LogContactDialog(self.session, self.client_id, self, self))

    def add_care_date(self) -> CareDateDialog | None:
        if self.client_id is None:
            return None
        return self._open_dialog(CareDateDialog(self.session, self.client_id, self, self))

    def _open_dialog[D: FormDialog](self, dialog: D) -> D:
        self.dialog = dialog
        self.status.clear()
        dialog.finished.connect(lambda _: self._closed(dialog))
        dialog.open()
        return dialog

    def _closed(self, dialog: FormDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def remove_care_date(self) -> None:
        chosen = self.selected_date()
        if chosen is None:
            return
        care_id = chosen.id
        self.status.clear()
        self.session.mutate(
            lambda ws: ws.contacts.remove_care_date(care_id),
            self,
            None,
            lambda error: self.status.setText(self.tr("Not removed: {0}").format(error)),
        )

    def clear(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()
        self.client_id = None
        self.data = None
        self._stale = False
        self.interactions.clear()
        self.care_dates.clear()
        self.count.clear()
        self.status.clear()
        self._enable()
