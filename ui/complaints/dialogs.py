"""Receive a complaint, resolve one (how it was put right, and when), reopen one."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

from app.domain.ids import ClientId
from app.services.changes import Changes
from app.services.complaints import ComplaintRecord
from app.services.workspace import Workspace
from ui.complaints.words import ComplaintWords
from ui.contacts.form import FormDialog, choice_combo, date_edit, picked_date
from ui.session import VaultSession


def text_box(placeholder: str, height: int = 130) -> QPlainTextEdit:
    box = QPlainTextEdit(placeholderText=placeholder)
    box.setMinimumHeight(height)
    return box


class ReceiveDialog(FormDialog):
    def __init__(
        self,
        session: VaultSession,
        client_id: ClientId,
        initiator: object = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, initiator, parent)
        self.setWindowTitle(self.tr("Receive complaint"))
        self.client_id = client_id
        self.saved_id: uuid.UUID | None = None
        self.reference = ""
        words = ComplaintWords(self)
        self.received = date_edit(date.today(), latest=date.today())
        self.channel = choice_combo(words.channels, "phone")
        self.category = choice_combo(words.categories, "service")
        self.description = text_box(self.tr("What the client says went wrong, in their words"))
        self.owner = QLineEdit(placeholderText=self.tr("Who handles it (default: you)"))
        self.form.addRow(self.tr("Received on"), self.received)
        self.form.addRow(self.tr("Channel"), self.channel)
        self.form.addRow(self.tr("Category"), self.category)
        self.form.addRow(self.tr("Description"), self.description)
        self.form.addRow(self.tr("Owner"), self.owner)

    def save(self) -> None:
        client_id, received = self.client_id, picked_date(self.received)
        channel, category = self.channel.currentData(), self.category.currentData()
        description, owner = self.description.toPlainText(), self.owner.text()

        def job(ws: Workspace) -> Changes:
            saved = ws.complaints.receive(
                client_id, received, channel, category, description, owner
            )
            self.saved_id, self.reference = saved.complaint_id, saved.reference
            return saved.changes

        self.submit(job)


class ResolveDialog(FormDialog):
    def __init__(
        self,
        session: VaultSession,
        complaint: ComplaintRecord,
        initiator: object = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, initiator, parent)
        self.setWindowTitle(self.tr("Resolve {0}").format(complaint.reference))
        self.complaint = complaint
        self.resolution = text_box(self.tr("How it was put right, and what the client accepted"))
        self.resolved = date_edit(date.today(), latest=date.today())
        self.form.addRow(QLabel(complaint.description[:300], objectName="muted", wordWrap=True))
        self.form.addRow(self.tr("Resolution"), self.resolution)
        self.form.addRow(self.tr("Resolved on"), self.resolved)

    def save(self) -> None:
        complaint_id, text = self.complaint.id, self.resolution.toPlainText()
        on = picked_date(self.resolved)
        self.submit(lambda ws: ws.complaints.resolve(complaint_id, text, on))


class ReopenDialog(FormDialog):
    def __init__(
        self,
        session: VaultSession,
        complaint: ComplaintRecord,
        initiator: object = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, initiator, parent)
        self.setWindowTitle(self.tr("Reopen {0}").format(complaint.reference))
        self.complaint = complaint
        self.reason = text_box(self.tr("Why: e.g. the client is not satisfied (optional)"), 80)
        self.form.addRow(
            QLabel(
                self.tr("The resolution is cleared; the audit trail keeps it."),
                objectName="muted",
                wordWrap=True,
            )
        )
        self.form.addRow(self.tr("Reason"), self.reason)

    def save(self) -> None:
        complaint_id, reason = self.complaint.id, self.reason.toPlainText()
        self.submit(lambda ws: ws.complaints.reopen(complaint_id, reason))
