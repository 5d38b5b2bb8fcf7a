"""Plan a new event; invite clients to one (found by typing, as in Quick open)."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from app.domain.ids import ClientId
from app.services.book import BookRow
from app.services.changes import Changes
from app.services.workspace import Workspace
from ui.client_events.words import EventWords
from ui.contacts.form import FormDialog, choice_combo, datetime_edit, local_time
from ui.formatting import format_money_short
from ui.session import VaultSession

ID_ROLE = Qt.ItemDataRole.UserRole


class NewEventDialog(FormDialog):
    def __init__(
        self, session: VaultSession, initiator: object = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, initiator, parent)
        self.setWindowTitle(self.tr("New event"))
        self.saved_id: uuid.UUID | None = None
        self.title = QLineEdit(placeholderText=self.tr("e.g. 2026年市场展望论坛"))
        self.kind = choice_combo(EventWords(self).kinds, "seminar")
        in_two_weeks = date.today() + timedelta(days=14)
        self.starts = datetime_edit(datetime.combine(in_two_weeks, time(14, 0)))
        self.location = QLineEdit(placeholderText=self.tr("e.g. 本行贵宾会所"))
        self.form.addRow(self.tr("Title"), self.title)
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("Starts"), self.starts)
        self.form.addRow(self.tr("Location"), self.location)

    def save(self) -> None:
        title, kind = self.title.text(), self.kind.currentData()
        starts, location = local_time(self.starts), self.location.text()

        def job(ws: Workspace) -> Changes:
            saved = ws.events.create(title, kind, starts, location)
            self.saved_id = saved.event_id
            return saved.changes

        self.submit(job)


class InviteDialog(FormDialog):
    """Type a name, pinyin or initials; Enter or double-click adds the client to the
    list; "Invite" sends the list (a client already invited keeps their reply)."""

    def __init__(
        self,
        session: VaultSession,
        event_id: uuid.UUID,
        event_title: str,
        initiator: object = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, initiator, parent)
        self.setWindowTitle(self.tr("Invite clients to {0}").format(event_title))
        self.setMinimumWidth(560)
        self.event_id = event_id
        self.chosen: dict[ClientId, str] = {}
        self._asked = ""
        self._debounce = QTimer(self, singleShot=True, interval=120)
        self._debounce.timeout.connect(self._search)
        self.search = QLineEdit(placeholderText=self.tr("Find a client: name, pinyin, initials…"))
        self.search.textChanged.connect(lambda _: self._debounce.start())
        self.search.returnPressed.connect(self.add_current)
        self.results = QListWidget(maximumHeight=150)
        self.results.itemActivated.connect(lambda _: self.add_current())
        self.add = QPushButton(self.tr("Add ↓"))
        self.add.clicked.connect(self.add_current)
        self.invited = QListWidget(maximumHeight=150)
        self.invited.itemActivated.connect(self._drop)
        self.count = QLabel(objectName="muted")
        row = QHBoxLayout()
        row.addWidget(self.search, 1)
        row.addWidget(self.add)
        self.form.addRow(self.tr("Client"), row)
        self.form.addRow("", self.results)
        self.form.addRow(self.tr("To invite"), self.invited)
        self.form.addRow("", self.count)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Invite"))
        for button in (self.add, *self.buttons.buttons()):
            # The button box's buttons are QPushButtons, the ones with an auto-default.
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)  # Enter in the search box adds, it does not send
        self._counted()

    def _search(self) -> None:
        text = self.search.text()
        self._asked = text
        if not text.strip():
            self.results.clear()
            return
        self.session.run(lambda ws: ws.book.quick_find(text), lambda rows: self._found(text, rows))

    def _found(self, text: str, rows: list[BookRow]) -> None:
        if text != self._asked:
            return
        self.results.clear()
        for row in rows:
            item = QListWidgetItem(
                f"{row.name}   {row.tier_name}   {format_money_short(row.financial_assets_cny)}"
                f"   {row.city or ''}"
            )
            item.setData(ID_ROLE, (row.id, row.name))
            self.results.addItem(item)
        if rows:
            self.results.setCurrentRow(0)

    def add_current(self) -> bool:
        """Add the highlighted search result to the list to invite."""
        item = self.results.currentItem()
        if item is None:
            return False
        client_id, name = item.data(ID_ROLE)
        if client_id not in self.chosen:
            self.chosen[client_id] = name
            added = QListWidgetItem(name)
            added.setData(ID_ROLE, client_id)
            added.setToolTip(self.tr("Double-click to take off the list"))
            self.invited.addItem(added)
        self.search.clear()
        self.results.clear()
        self._counted()
        return True

    def _drop(self, item: QListWidgetItem) -> None:
        self.chosen.pop(item.data(ID_ROLE), None)
        self.invited.takeItem(self.invited.row(item))
        self._counted()

    def _counted(self) -> None:
        self.count.setText(self.tr("{0} to invite").format(len(self.chosen)))

    def save(self) -> None:
        if not self.chosen:
            self.refuse(self.tr("Add at least one client: type a name and press Enter."))
            return
        event_id, ids = self.event_id, list(self.chosen)
        self.submit(lambda ws: ws.events.invite(event_id, ids))
