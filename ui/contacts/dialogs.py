"""Log a contact that happened; add a care date (an anniversary, a milestone)."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtWidgets import QCheckBox, QLineEdit, QPlainTextEdit, QWidget

from app.domain.ids import ClientId
from app.services.changes import Changes
from app.services.workspace import Workspace
from ui.contacts.form import (
    FormDialog,
    choice_combo,
    date_edit,
    datetime_edit,
    local_time,
    picked_date,
)
from ui.contacts.words import ContactWords
from ui.session import VaultSession


class LogContactDialog(FormDialog):
    def __init__(
        self,
        session: VaultSession,
        client_id: ClientId,
        initiator: object = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, initiator, parent)
        self.setWindowTitle(self.tr("Log contact"))
        self.client_id = client_id
        words = ContactWords(self)
        self.when = datetime_edit()
        self.channel = choice_combo(words.channels, "phone")
        self.direction = choice_combo(words.directions, "outbound")
        self.summary = QPlainTextEdit(
            placeholderText=self.tr("What was said or agreed, e.g. 确认下周三来行面谈")
        )
        self.summary.setMaximumHeight(120)
        self.form.addRow(self.tr("When"), self.when)
        self.form.addRow(self.tr("Channel"), self.channel)
        self.form.addRow(self.tr("Direction"), self.direction)
        self.form.addRow(self.tr("Summary"), self.summary)

    def save(self) -> None:
        client_id, at = self.client_id, local_time(self.when)
        channel, direction = self.channel.currentData(), self.direction.currentData()
        summary = self.summary.toPlainText()
        self.submit(lambda ws: ws.contacts.log(client_id, at, channel, direction, summary))


class CareDateDialog(FormDialog):
    def __init__(
        self,
        session: VaultSession,
        client_id: ClientId,
        initiator: object = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, initiator, parent)
        self.setWindowTitle(self.tr("Add care date"))
        self.client_id = client_id
        self.saved_id: uuid.UUID | None = None
        words = ContactWords(self)
        self.kind = choice_combo(words.care_kinds, "anniversary")
        self.label = QLineEdit(placeholderText=self.tr("e.g. 结婚纪念日, 女儿高考"))
        self.on = date_edit(date.today())
        self.recurs = QCheckBox(self.tr("Every year"), checked=True)
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("What"), self.label)
        self.form.addRow(self.tr("Date"), self.on)
        self.form.addRow("", self.recurs)

    def save(self) -> None:
        client_id, kind, label = self.client_id, self.kind.currentData(), self.label.text()
        on, recurs = picked_date(self.on), self.recurs.isChecked()

        def job(ws: Workspace) -> Changes:
            saved = ws.contacts.add_care_date(client_id, kind, label, on, recurs)
            self.saved_id = saved.care_date_id
            return saved.changes

        self.submit(job)
