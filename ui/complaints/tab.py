"""The client's Complaints tab: every complaint (newest first) with a detail pane, and
the steps from receipt to resolution: Receive, Start handling, Resolve, Reopen."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import ConfidantError
from app.domain.ids import ClientId
from app.services.changes import Changes
from app.services.complaints import ComplaintRecord
from ui.complaints.dialogs import ReceiveDialog, ReopenDialog, ResolveDialog
from ui.complaints.model import DESCRIPTION, ComplaintModel
from ui.complaints.words import STATUS_STYLES
from ui.contacts.form import FormDialog
from ui.lazy_tab import LazyTab
from ui.session import VaultSession

PANE_STYLE = "QFrame#pane { background: #f8fafc; border: 1px solid #d9dde3; border-radius: 6px; }"


def _selectable(label: QLabel) -> QLabel:
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ComplaintsTab(LazyTab):
    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.client_id: ClientId | None = None
        self.loaded = False
        self.dialog: FormDialog | None = None  # the open dialog, if any
        self._select: uuid.UUID | None = None  # to select once loaded
        self._stale = False
        self.model = ComplaintModel()
        self._build_ui()
        session.events.vault_did_lock.connect(self.clear)
        session.events.operation_did_execute.connect(self._changed)

    def _build_ui(self) -> None:
        self.receive = QPushButton(self.tr("Receive complaint…"), objectName="primary")
        self.start = QPushButton(self.tr("Start handling"))
        self.resolve = QPushButton(self.tr("Resolve…"))
        self.reopen = QPushButton(self.tr("Reopen…"))
        self.receive.clicked.connect(self.receive_complaint)
        self.start.clicked.connect(self.start_handling)
        self.resolve.clicked.connect(self.resolve_selected)
        self.reopen.clicked.connect(self.reopen_selected)
        self.status = QLabel(objectName="error", wordWrap=True)
        self.summary = QLabel(objectName="muted")
        buttons = QHBoxLayout()
        for button in (self.receive, self.start, self.resolve, self.reopen):
            buttons.addWidget(button)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.summary)
        self.table = QTableView(alternatingRowColors=True)
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selected_changed())
        split = QSplitter(Qt.Orientation.Horizontal, childrenCollapsible=False)
        split.addWidget(self.table)
        split.addWidget(self._build_pane())
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(split, 1)
        self._show_detail(None)

    def _build_pane(self) -> QScrollArea:
        pane = QFrame(objectName="pane")
        pane.setStyleSheet(PANE_STYLE)
        self.reference = QLabel(objectName="subtitle")
        self.badge = QLabel(objectName="badge")
        self.facts = {
            key: _selectable(QLabel())
            for key in ("received", "channel", "category", "owner", "days")
        }
        self.description = _selectable(QLabel())
        self.resolution_title = QLabel(self.tr("Resolution"), objectName="subtitle")
        self.resolution = _selectable(QLabel())
        self.empty = QLabel(objectName="muted", wordWrap=True)
        head = QHBoxLayout()
        head.addWidget(self.reference)
        head.addWidget(self.badge)
        head.addStretch(1)
        form = QFormLayout()
        names = (
            self.tr("Received"),
            self.tr("Channel"),
            self.tr("Category"),
            self.tr("Owner"),
            self.tr("Days"),
        )
        for name, label in zip(names, self.facts.values(), strict=True):
            form.addRow(name, label)
        column = QVBoxLayout(pane)
        column.addLayout(head)
        column.addLayout(form)
        column.addWidget(QLabel(self.tr("Description"), objectName="subtitle"))
        column.addWidget(self.description)
        column.addWidget(self.resolution_title)
        column.addWidget(self.resolution)
        column.addWidget(self.empty)
        column.addStretch(1)
        scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        scroll.setWidget(pane)
        scroll.setMinimumWidth(300)
        return scroll

    # --- showing --------------------------------------------------------------------------

    def open(self, client_id: ClientId) -> None:
        if client_id != self.client_id:
            self.model.clear()
            self.status.clear()
        self.client_id = client_id
        self.reload()

    def reload(self, select: uuid.UUID | None = None) -> None:
        client_id = self.client_id
        if client_id is None:
            return
        self._stale = False
        if select is None and (current := self.selected()) is not None:
            select = current.id
        self._select = select
        self.session.run(
            lambda ws: ws.complaints.for_client(client_id),
            lambda rows: self._show(client_id, rows),
        )

    def _show(self, client_id: ClientId, complaints: list[ComplaintRecord]) -> None:
        if client_id != self.client_id:
            return
        self.loaded = True
        self.model.set_complaints(complaints, date.today())
        row = self.model.row_of(self._select) if self._select is not None else -1
        if row < 0 and complaints:
            # The oldest open complaint first: the one to act on.
            open_rows = [r for r, c in enumerate(complaints) if c.is_open]
            row = open_rows[-1] if open_rows else 0
        if row >= 0:
            self.table.selectRow(row)
        self._selected_changed()
        still_open = sum(c.is_open for c in complaints)
        self.summary.setText(
            self.tr("{0} open of {1}").format(still_open, len(complaints)) if complaints else ""
        )

    def _changed(self, changes: Changes, initiator: object) -> None:
        if initiator is self or not changes.complaints:
            return  # its own steps reload when done, selecting the complaint
        if self.client_id not in changes.client_ids:
            return
        self.reload_when_seen()

    def selected(self) -> ComplaintRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_item(rows[0].row()) if rows else None

    def _selected_changed(self) -> None:
        self._show_detail(self.selected())
        self._enable()

    def _show_detail(self, c: ComplaintRecord | None) -> None:
        shown = c is not None
        for widget in (self.badge, self.description, self.resolution_title, self.resolution):
            widget.setVisible(shown)
        if c is None:
            self.reference.setText(self.tr("No complaint selected") if self.loaded else "")
            for label in (*self.facts.values(), self.description, self.resolution):
                label.clear()
            self.empty.setText(
                self.tr("No complaints from this client.")
                if self.loaded and self.model.rowCount() == 0
                else ""
            )
            return
        words = self.model.words
        self.empty.clear()
        self.reference.setText(c.reference)
        self.badge.setText(words.statuses.get(c.status, c.status))
        self.badge.setStyleSheet(STATUS_STYLES.get(c.status, ""))
        self.facts["received"].setText(c.received_on.isoformat())
        self.facts["channel"].setText(words.channels.get(c.channel, c.channel))
        self.facts["category"].setText(words.categories.get(c.category, c.category))
        self.facts["owner"].setText(c.owner)
        self.facts["days"].setText(self.model.days_text(c))
        self.description.setText(c.description)
        resolved = c.resolution is not None and c.resolved_on is not None
        self.resolution_title.setVisible(resolved)
        self.resolution.setVisible(resolved)
        self.resolution.clear()
        if c.resolution is not None and c.resolved_on is not None:
            on = c.resolved_on.isoformat()
            self.resolution.setText(self.tr("{0}\n(on {1})").format(c.resolution, on))

    def _enable(self) -> None:
        c = self.selected()
        self.receive.setEnabled(self.client_id is not None)
        self.start.setEnabled(c is not None and c.status == "open")
        self.resolve.setEnabled(c is not None and c.is_open)
        self.reopen.setEnabled(c is not None and c.status == "resolved")

    # --- acting ---------------------------------------------------------------------------

    def receive_complaint(self) -> ReceiveDialog | None:
        if self.client_id is None:
            return None
        return self._open_dialog(ReceiveDialog(self.session, self.client_id, self, self))

    def resolve_selected(self) -> ResolveDialog | None:
        c = self.selected()
        if c is None or not c.is_open:
            return None
        return self._open_dialog(ResolveDialog(self.session, c, self, self))

    def reopen_selected(self) -> ReopenDialog | None:
        c = self.selected()
        if c is None or c.is_open:
            return None
        return self._open_dialog(ReopenDialog(self.session, c, self, self))

    def start_handling(self) -> None:
        c = self.selected()
        if c is None:
            return
        complaint_id = c.id
        self.status.clear()
        self.session.mutate(
            lambda ws: ws.complaints.start(complaint_id),
            self,
            lambda _: self.reload(complaint_id),
            self._failed,
        )

    def _open_dialog[D: FormDialog](self, dialog: D) -> D:
        self.dialog = dialog
        self.status.clear()
        dialog.accepted.connect(lambda: self.reload(getattr(dialog, "saved_id", None)))
        dialog.finished.connect(lambda _: self._closed(dialog))
        dialog.open()
        return dialog

    def _closed(self, dialog: FormDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ConfidantError):
            self.status.setText(str(error))
        else:
            self.session.sig_error.emit(error)

    def clear(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()
        self.client_id = None
        self.loaded = False
        self._stale = False
        self._select = None
        self.model.clear()
        self.status.clear()
        self.summary.clear()
        self._show_detail(None)
        self._enable()
