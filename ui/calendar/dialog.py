"""The meeting dialog: plan a new meeting (the client found by typing) or edit one."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time, timedelta
from typing import cast

from PySide6.QtCore import QDateTime, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import ConfidantError
from app.domain.ids import ClientId
from app.services.book import BookRow
from app.services.changes import Changes
from app.services.meetings import CHANNEL_NAMES, CHANNELS, MeetingRow
from app.services.workspace import Workspace
from ui.formatting import format_money_short
from ui.risk.common import data_lang
from ui.session import VaultSession

ID_ROLE = Qt.ItemDataRole.UserRole
FORMAT = "yyyy-MM-dd HH:mm"


def next_slot(day: date) -> datetime:
    """A sensible default start: the next full hour today, else 10:00 on ``day``."""
    now = datetime.now()
    if day == now.date() and now.hour < 22:
        return now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    return datetime.combine(day, time(10, 0))


class MeetingDialog(QDialog):
    def __init__(
        self,
        session: VaultSession,
        meeting: MeetingRow | None = None,
        day: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.meeting = meeting
        self.client_id: ClientId | None = meeting.client_id if meeting else None
        self.saved_id: uuid.UUID | None = None
        self.saved_day: date | None = None
        self._asked = ""
        self.setWindowTitle(self.tr("Edit meeting") if meeting else self.tr("New meeting"))
        self.setMinimumWidth(520)
        self._debounce = QTimer(self, singleShot=True, interval=120)
        self._debounce.timeout.connect(self._search)
        self._build_ui()
        if meeting is not None:
            self._fill(meeting)
        else:
            start = next_slot(day or date.today())
            self.starts.setDateTime(QDateTime(start))
            self.ends.setDateTime(QDateTime(start + timedelta(hours=1)))

    def _build_ui(self) -> None:
        self.search = QLineEdit(placeholderText=self.tr("Find the client: name, pinyin, initials…"))
        self.search.textChanged.connect(lambda _: self._debounce.start())
        self.results = QListWidget(maximumHeight=120)
        self.results.currentItemChanged.connect(self._picked)
        self.client = QLabel(objectName="subtitle")
        self.title = QLineEdit(placeholderText=self.tr("e.g. 年度回顾"))
        self.starts = QDateTimeEdit(calendarPopup=True, displayFormat=FORMAT)
        self.ends = QDateTimeEdit(calendarPopup=True, displayFormat=FORMAT)
        self.starts.dateTimeChanged.connect(self._start_moved)
        self.channel = QComboBox()
        lang = 0 if data_lang() == "zh" else 1
        for key in CHANNELS:
            self.channel.addItem(CHANNEL_NAMES[key][lang], key)
        self.location = QLineEdit(placeholderText=self.tr("Room, address or video link"))
        self.agenda = QPlainTextEdit(placeholderText=self.tr("1. …"))
        self.agenda.setMaximumHeight(110)
        self.error = QLabel(objectName="error", wordWrap=True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        if self.meeting is None:
            form.addRow(self.tr("Client"), self.search)
            form.addRow("", self.results)
        form.addRow("", self.client)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Starts"), self.starts)
        form.addRow(self.tr("Ends"), self.ends)
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("Location"), self.location)
        form.addRow(self.tr("Agenda"), self.agenda)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.error)
        column.addWidget(self.buttons)

    def _fill(self, meeting: MeetingRow) -> None:
        self.client.setText(meeting.client_name)
        self.title.setText(meeting.title)
        self.starts.setDateTime(QDateTime(meeting.starts_at.astimezone().replace(tzinfo=None)))
        self.ends.setDateTime(QDateTime(meeting.ends_at.astimezone().replace(tzinfo=None)))
        self.channel.setCurrentIndex(max(self.channel.findData(meeting.channel), 0))
        self.location.setText(meeting.location or "")
        self.agenda.setPlainText(meeting.agenda)

    # --- the client ---------------------------------------------------------------------

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

    def _picked(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        self.client_id, name = item.data(ID_ROLE)
        self.client.setText(name)

    def _start_moved(self, start: QDateTime) -> None:
        """Keep the length when the start moves (an hour for a new meeting)."""
        if self.ends.dateTime() <= start:
            self.ends.setDateTime(start.addSecs(3600))

    # --- saving -------------------------------------------------------------------------

    def save(self) -> None:
        if self.client_id is None:
            self.error.setText(self.tr("Pick the client first: type a name and choose."))
            return
        client_id, meeting = self.client_id, self.meeting
        title, location = self.title.text(), self.location.text()
        # The stubs type toPython() as object; QDateTime.toPython returns a datetime.
        starts = cast(datetime, self.starts.dateTime().toPython())
        ends = cast(datetime, self.ends.dateTime().toPython())
        channel, agenda = self.channel.currentData(), self.agenda.toPlainText()
        self.saved_day = starts.date()
        self.buttons.setEnabled(False)
        self.error.clear()

        def job(ws: Workspace) -> Changes:
            if meeting is not None:
                ws.meetings.update(
                    meeting.id,
                    title=title,
                    starts_at=starts,
                    ends_at=ends,
                    channel=channel,
                    location=location,
                    agenda=agenda,
                )
                self.saved_id = meeting.id
                return Changes(meetings=True, client_ids=frozenset({meeting.client_id}))
            saved = ws.meetings.schedule(client_id, title, starts, ends, channel, location, agenda)
            self.saved_id = saved.meeting_id
            return saved.changes

        self.session.mutate(job, self, lambda _: self.accept(), self._failed)

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, ConfidantError):
            self.error.setText(str(error))
        else:
            self.session.sig_error.emit(error)
