"""Vault → Banker details…: the name, qualification certificate number (从业资格证书编号)
and branch (所属机构) that advice packs and meeting briefs print. Read and saved on the
vault worker through ``app.services.banker``, which checks them and audits a change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from app.services.banker import LIMITS, BankerDetails
from ui.contacts.form import FormDialog

if TYPE_CHECKING:
    from app.services.changes import Changes
    from app.services.workspace import Workspace
    from ui.session import VaultSession


class BankerDialog(FormDialog):
    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(session, None, parent)
        self.setWindowTitle(self.tr("Banker details"))
        self.name = QLineEdit(placeholderText=self.tr("as the client knows you"))
        self.licence = QLineEdit(
            placeholderText=self.tr("qualification certificate (从业资格证书) number")
        )
        self.branch = QLineEdit(placeholderText=self.tr("e.g. 某某银行深圳分行私人银行中心"))
        for field, box in self.fields().items():
            box.setMaxLength(LIMITS[field])
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Certificate no."), self.licence)
        self.form.addRow(self.tr("Branch"), self.branch)
        note = self.tr(
            "Printed on the cover of every advice pack and on meeting briefs. Kept in the "
            "vault; a change is recorded in the audit trail."
        )
        self.form.addRow(QLabel(note, objectName="muted", wordWrap=True))
        self.buttons.setEnabled(False)  # until the current details have loaded
        session.run(lambda ws: ws.banker.get(), self.show_details, self._failed)

    def fields(self) -> dict[str, QLineEdit]:
        return {"name": self.name, "licence": self.licence, "branch": self.branch}

    def show_details(self, details: BankerDetails) -> None:
        for field, box in self.fields().items():
            box.setText(getattr(details, field))
        self.buttons.setEnabled(True)

    def save(self) -> None:
        typed = {field: box.text() for field, box in self.fields().items()}

        def job(ws: Workspace) -> Changes:
            return ws.banker.set(BankerDetails(**typed))  # a refusal says why, keeps the text

        self.submit(job)
