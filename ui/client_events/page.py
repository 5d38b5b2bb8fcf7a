"""The Events page: seminars and salons (newest first, with their invitation counts), a
new event, and for the chosen one its invitations (reply and attendance edited in the
table), inviting more clients, and the attendees' new money in the 90 days after."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import ConfidantError
from app.domain.ids import ClientId
from app.services.changes import Changes
from app.services.client_events import NEW_MONEY_DAYS, EventSummary, InvitationRecord, NewMoney
from app.services.workspace import Workspace
from ui.client_events.dialogs import InviteDialog, NewEventDialog
from ui.client_events.models import EventModel, InvitationModel, ReplyDelegate
from ui.contacts.form import FormDialog
from ui.formatting import format_money
from ui.session import VaultSession

ID_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class EventDetail:
    event_id: uuid.UUID
    invitations: list[InvitationRecord]
    tiers: dict[ClientId, str]
    money: NewMoney | None
    money_error: str  # why there is no figure (e.g. a missing FX rate)


def load_detail(ws: Workspace, event_id: uuid.UUID) -> EventDetail:
    invitations = ws.events.invitations(event_id)
    rows = ws.book.rows([i.client_id for i in invitations])
    tiers = {r.id: r.tier_name for r in rows if r.tier_name}
    try:
        return EventDetail(event_id, invitations, tiers, ws.events.new_money(event_id), "")
    except ConfidantError as error:
        return EventDetail(event_id, invitations, tiers, None, str(error))


def _table(model: EventModel | InvitationModel) -> QTableView:
    view = QTableView(alternatingRowColors=True)
    view.setModel(model)
    view.verticalHeader().setVisible(False)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    return view


class EventsPage(QWidget):
    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.events = EventModel()
        self.invitations = InvitationModel()
        self.loaded = False
        self.detail: EventDetail | None = None
        self.dialog: FormDialog | None = None  # the open dialog, if any
        self._generation = 0
        self._build_ui()
        self.invitations.sig_reply.connect(self._reply)
        self.invitations.sig_attended.connect(self._attended)
        session.events.vault_did_lock.connect(self.clear)
        session.events.operation_did_execute.connect(self._changed)

    def _build_ui(self) -> None:
        self.upcoming = QCheckBox(self.tr("Upcoming only"))
        self.upcoming.toggled.connect(lambda _: self.refresh())
        self.new = QPushButton(self.tr("New event…"), objectName="primary")
        self.new.clicked.connect(self.new_event)
        self.table = _table(self.events)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._event_changed())
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("Client events"), objectName="title"), 1)
        head.addWidget(self.upcoming)
        head.addWidget(self.new)
        top = QWidget()
        column = QVBoxLayout(top)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(head)
        column.addWidget(self.table, 1)
        split = QSplitter(Qt.Orientation.Vertical, childrenCollapsible=False)
        split.addWidget(top)
        split.addWidget(self._build_detail())
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        self.status = QLabel(objectName="error", wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        self._enable()

    def _build_detail(self) -> QWidget:
        self.heading = QLabel(objectName="subtitle", wordWrap=True)
        self.invite = QPushButton(self.tr("Invite clients…"))
        self.invite.clicked.connect(self.invite_clients)
        self.hint = QLabel(
            self.tr("Choose each reply in the table; tick who came once the event has begun."),
            objectName="muted",
            wordWrap=True,
        )
        self.guests = _table(self.invitations)
        self.guests.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.guests.setItemDelegateForColumn(InvitationModel.REPLY, ReplyDelegate(self.guests))
        header = self.guests.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(InvitationModel.REPLY, QHeaderView.ResizeMode.Fixed)
        self.guests.setColumnWidth(InvitationModel.REPLY, 140)
        self.guests.verticalHeader().setDefaultSectionSize(30)
        self.guests.doubleClicked.connect(self._open_guest)
        self.money_total = QLabel(objectName="figure")
        self.money_range = QLabel(objectName="muted", wordWrap=True)
        self.money_list = QListWidget()
        self.money_list.itemActivated.connect(self._open_client)
        money = QGroupBox(self.tr("New money in the {0} days after").format(NEW_MONEY_DAYS))
        column = QVBoxLayout(money)
        column.addWidget(self.money_total)
        column.addWidget(self.money_range)
        column.addWidget(self.money_list, 1)
        money.setMinimumWidth(320)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.heading, 1)
        head.addWidget(self.invite)
        column.addLayout(head)
        column.addWidget(self.hint)
        column.addWidget(self.guests, 1)
        split = QSplitter(Qt.Orientation.Horizontal, childrenCollapsible=False)
        split.addWidget(left)
        split.addWidget(money)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        return split

    # --- loading ------------------------------------------------------------------------

    def activate(self) -> None:
        if not self.loaded:
            self.refresh()

    def refresh(self, select: uuid.UUID | None = None) -> None:
        """Load the events (then select ``select``, else keep the selection)."""
        self._generation += 1
        generation, upcoming = self._generation, self.upcoming.isChecked()
        chosen = self.selected()
        keep = select or (chosen.id if chosen is not None else None)

        def shown(events: list[EventSummary]) -> None:
            if generation == self._generation:
                self._show(events, keep)

        if self.session.run(lambda ws: ws.events.events(upcoming_only=upcoming), shown):
            self.loaded = True

    def _show(self, events: list[EventSummary], select: uuid.UUID | None) -> None:
        self.events.set_events(events)
        row = self.events.row_of(select) if select is not None else -1
        if row < 0 and events:
            row = 0
        if row >= 0:
            self.table.selectRow(row)
        else:
            self._event_changed()

    def selected(self) -> EventSummary | None:
        rows = self.table.selectionModel().selectedRows()
        return self.events.event_at(rows[0].row()) if rows else None

    def _event_changed(self) -> None:
        event = self.selected()
        self._enable()
        if event is None:
            self._show_detail(None)
            return
        self.heading.setText(
            " · ".join(
                part
                for part in (
                    event.title,
                    event.starts_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                    event.location or "",
                )
                if part
            )
        )
        if self.detail is None or self.detail.event_id != event.id:
            self._show_detail(None, keep_heading=True)
        self.load_detail(event.id)

    def load_detail(self, event_id: uuid.UUID) -> None:
        def shown(detail: EventDetail) -> None:
            chosen = self.selected()
            if chosen is not None and chosen.id == detail.event_id:
                self._show_detail(detail)

        self.session.run(lambda ws: load_detail(ws, event_id), shown)

    def _show_detail(self, detail: EventDetail | None, keep_heading: bool = False) -> None:
        self.detail = detail
        for row in range(self.invitations.rowCount()):
            self.guests.closePersistentEditor(self.invitations.index(row, InvitationModel.REPLY))
        self.invitations.set_invitations(
            detail.invitations if detail else [], detail.tiers if detail else None
        )
        for row in range(self.invitations.rowCount()):
            self.guests.openPersistentEditor(self.invitations.index(row, InvitationModel.REPLY))
        if detail is None and not keep_heading:
            self.heading.setText(self.tr("No event selected") if self.loaded else "")
        self._show_money(detail)

    def _show_money(self, detail: EventDetail | None) -> None:
        self.money_list.clear()
        money = detail.money if detail else None
        if money is None:
            self.money_total.setText("—" if detail else "")
            self.money_range.setText(detail.money_error if detail else "")
            return
        self.money_total.setText(format_money(money.total_cny))
        text = self.tr("{0} to {1}, transfers in less transfers out").format(
            money.first_day.isoformat(), money.last_day.isoformat()
        )
        if money.last_day > date.today():
            text += self.tr(" (so far)")
        if not money.by_client:
            text += "\n" + self.tr("Nobody is marked as attended yet.")
        self.money_range.setText(text)
        for attendee in money.by_client:
            item = QListWidgetItem(f"{attendee.name}   {format_money(attendee.amount_cny)}")
            item.setData(ID_ROLE, attendee.client_id)
            item.setToolTip(self.tr("Double-click to open the client"))
            self.money_list.addItem(item)

    def _changed(self, changes: Changes, initiator: object) -> None:
        if not self.loaded:
            return
        if changes.events or (changes.holdings and self.detail is not None):
            self.refresh()  # the counts, then (selection kept) the invitations and money

    # --- acting -------------------------------------------------------------------------

    def _enable(self) -> None:
        self.invite.setEnabled(self.selected() is not None)
        self.new.setEnabled(self.session.unlocked)

    def new_event(self) -> NewEventDialog:
        dialog = NewEventDialog(self.session, self, self)
        dialog.accepted.connect(lambda: self.refresh(select=dialog.saved_id))
        return self._open_dialog(dialog)

    def invite_clients(self) -> InviteDialog | None:
        event = self.selected()
        if event is None:
            return None
        return self._open_dialog(InviteDialog(self.session, event.id, event.title, self, self))

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

    def _reply(self, client_id: ClientId, reply: str) -> None:
        event = self.selected()
        if event is not None:
            event_id = event.id
            self._act(lambda ws: ws.events.reply(event_id, client_id, reply))

    def _attended(self, client_id: ClientId, attended: bool) -> None:
        event = self.selected()
        if event is not None:
            event_id = event.id
            self._act(lambda ws: ws.events.mark_attended(event_id, client_id, attended))

    def _act(self, job: Callable[[Workspace], Changes]) -> None:
        self.status.clear()
        self.session.mutate(job, self, None, self._failed)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ConfidantError):
            self.status.setText(self.tr("Not saved: {0}").format(error))
        else:
            self.session.sig_error.emit(error)
        self.refresh()  # back to what the vault holds

    def _open_guest(self, index: QModelIndex) -> None:
        guest = self.invitations.invitation(index.row())
        if guest is not None and index.column() < InvitationModel.REPLY:
            self.session.events.client_open_requested.emit(guest.client_id)

    def _open_client(self, item: QListWidgetItem) -> None:
        self.session.events.client_open_requested.emit(item.data(ID_ROLE))

    def clear(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()
        self._generation += 1
        self.loaded = False
        self.events.clear()
        self._show_detail(None)
        self.heading.clear()
        self.status.clear()
        self._enable()
