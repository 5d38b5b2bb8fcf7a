"""Profile tab: every field editable, each with its validation message beside it.

C2 fields (mobile, e-mail, address, identity number) show masked. "Reveal" fetches the
value through the service, which records the reveal in the audit trail, and masks it
again after 30 seconds. Unsaved edits are saved when the vault locks.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain import masking
from app.domain.ids import ClientId
from app.services.changes import Changes
from app.services.client_edits import EditRejected
from app.services.clients import ClientProfile
from ui.session import VaultSession

REVEAL_SECONDS = 30
MASKS = {
    "mobile": masking.mask_mobile,
    "email": masking.mask_email,
    "address": masking.mask_address,
    "id_number": masking.mask_id_number,
}
CHOICES = {
    "gender": ("", "M", "F"),
    "status": ("prospect", "active", "dormant", "closed"),
    "preferred_channel": ("", "wechat", "phone", "visit", "email", "sms"),
    "preferred_language": ("", "zh", "en"),
}


class ProfileTab(QWidget):
    sig_open_client = Signal(object)

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.client_id: ClientId | None = None
        self.profile: ClientProfile | None = None
        self.inputs: dict[str, QLineEdit | QComboBox] = {}
        self.errors: dict[str, QLabel] = {}
        self.revealed: dict[str, str] = {}
        self._timers: dict[str, QTimer] = {}
        self._loading = False
        self._dirty: set[str] = set()
        self._build_ui()
        session.events.vault_will_lock.connect(self.save_before_lock)

    # --- building ---------------------------------------------------------------------

    def _build_ui(self) -> None:
        form = QFormLayout()
        labels = {
            "name": self.tr("Name"),
            "gender": self.tr("Gender"),
            "birth_date": self.tr("Birth date"),
            "id_number": self.tr("Identity number"),
            "mobile": self.tr("Mobile"),
            "email": self.tr("Email"),
            "address": self.tr("Address"),
            "city": self.tr("City"),
            "occupation": self.tr("Occupation"),
            "employer": self.tr("Employer"),
            "source_of_wealth": self.tr("Source of wealth"),
            "preferred_channel": self.tr("Preferred channel"),
            "preferred_language": self.tr("Preferred language"),
            "relationship_manager": self.tr("Relationship manager"),
            "onboarded_on": self.tr("Onboarded on"),
            "status": self.tr("Status"),
            "needs": self.tr("Needs"),
            "preferences": self.tr("Preferences"),
        }
        for field, label in labels.items():
            form.addRow(label, self._field_row(field))
        self.save = QPushButton(self.tr("Save changes"), objectName="primary", enabled=False)
        self.save.clicked.connect(self.save_changes)
        self.saved = QLabel(objectName="muted")
        self.members = QListWidget(maximumHeight=160)
        self.members.itemActivated.connect(
            lambda item: self.sig_open_client.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        body = QWidget()
        column = QVBoxLayout(body)
        column.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.saved, 1)
        buttons.addWidget(self.save)
        column.addLayout(buttons)
        column.addWidget(QLabel(self.tr("Household"), objectName="subtitle"))
        column.addWidget(self.members)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(body)
        QVBoxLayout(self).addWidget(scroll)

    def _field_row(self, field: str) -> QWidget:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        widget: QLineEdit | QComboBox
        if field in CHOICES:
            widget = combo = QComboBox()
            for value in CHOICES[field]:
                combo.addItem(value or "—", value)
            combo.currentIndexChanged.connect(lambda _=0, f=field: self._edited(f))
        else:
            widget = QLineEdit()
            widget.textEdited.connect(lambda _="", f=field: self._edited(f))
        self.inputs[field] = widget
        line.addWidget(widget, 2)
        if field in MASKS:
            reveal = QPushButton(self.tr("Reveal"))
            reveal.clicked.connect(lambda _=False, f=field: self.reveal(f))
            line.addWidget(reveal)
            assert isinstance(widget, QLineEdit)  # a masked field is never a choice
            widget.setReadOnly(True)
        error = QLabel(objectName="error", wordWrap=True)
        self.errors[field] = error
        line.addWidget(error, 1)
        return row

    # --- showing ------------------------------------------------------------------------

    def show_profile(self, client_id: ClientId, profile: ClientProfile) -> None:
        self.client_id, self.profile = client_id, profile
        self.revealed.clear()
        self._dirty.clear()
        self._loading = True
        for field in self.inputs:
            self._set(field, self._masked_value(field))
            self.errors[field].clear()
        self._loading = False
        self.save.setEnabled(False)
        self.saved.clear()
        self.members.clear()
        for relation in (*profile.members, *profile.households):
            item = QListWidgetItem(f"{relation.name} — {relation.role}")
            item.setData(Qt.ItemDataRole.UserRole, relation.client_id)
            self.members.addItem(item)

    def _raw(self, field: str) -> Any:
        assert self.profile is not None
        if field == "id_number":
            docs = self.profile.documents
            return docs[0].number if docs else ""
        source = self.profile.row if hasattr(self.profile.row, field) else self.profile
        value = getattr(source, field, "")
        return "" if value is None else value

    def _masked_value(self, field: str) -> str:
        if field in MASKS and field not in self.revealed:
            return MASKS[field](str(self._raw(field)))
        value = self.revealed.get(field, self._raw(field))
        return value.isoformat() if hasattr(value, "isoformat") else str(value)

    def _set(self, field: str, text: str) -> None:
        widget = self.inputs[field]
        if isinstance(widget, QComboBox):
            index = widget.findData(text)
            widget.setCurrentIndex(max(index, 0))
        else:
            widget.setText(text)

    def _value(self, field: str) -> str:
        widget = self.inputs[field]
        return str(widget.currentData() or "") if isinstance(widget, QComboBox) else widget.text()

    # --- reveal -------------------------------------------------------------------------

    def reveal(self, field: str) -> None:
        if self.client_id is None:
            return
        client_id = self.client_id
        self.session.run(
            lambda ws: ws.edits.reveal(client_id, field, "profile"),
            lambda value: self._revealed(client_id, field, value),
        )

    def _revealed(self, client_id: ClientId, field: str, value: str) -> None:
        if client_id != self.client_id:
            return
        self.revealed[field] = value
        self._loading = True
        self._set(field, value)
        self._loading = False
        widget = self.inputs[field]
        if isinstance(widget, QLineEdit) and field != "id_number":
            widget.setReadOnly(False)
        timer = self._timers.get(field)
        if timer is None:  # one timer per field, connected once
            timer = self._timers[field] = QTimer(self, singleShot=True)
            timer.timeout.connect(lambda f=field: self.mask_again(f))
        timer.setInterval(int(REVEAL_SECONDS * 1000))
        timer.start()

    def mask_again(self, field: str) -> None:
        if field in self._dirty:  # keep the banker's typing; it is masked once saved
            return
        self.revealed.pop(field, None)
        self._loading = True
        self._set(field, self._masked_value(field) if self.profile else "")
        self._loading = False
        widget = self.inputs[field]
        if isinstance(widget, QLineEdit):
            widget.setReadOnly(True)

    def is_masked(self, field: str) -> bool:
        return field not in self.revealed

    # --- editing ------------------------------------------------------------------------

    def _edited(self, field: str) -> None:
        if self._loading:
            return
        self._dirty.add(field)
        self.errors[field].clear()
        self.save.setEnabled(True)
        self.saved.setText(self.tr("Unsaved changes"))

    def pending_values(self) -> dict[str, str | None]:
        return {f: (self._value(f).strip() or None) for f in self._dirty if f != "id_number"}

    def save_changes(self) -> None:
        values = self.pending_values()
        if not values or self.client_id is None:
            return
        client_id = self.client_id
        self.session.mutate(
            lambda ws: ws.edits.update(client_id, values), self, self._did_save, self._save_failed
        )

    def _did_save(self, changes: Changes) -> None:
        for field in list(self._dirty):
            self._dirty.discard(field)
            if field in MASKS:
                self.mask_again(field)
        self.save.setEnabled(False)
        self.saved.setText(self.tr("Saved"))

    def _save_failed(self, error: BaseException) -> None:
        if isinstance(error, EditRejected):
            for problem in error.errors:
                label = self.errors.get(problem.field)
                if label is not None:
                    label.setText(problem.message)
            self.saved.setText(self.tr("Not saved: fix the fields marked in red"))
        else:
            self.session.sig_error.emit(error)

    def save_before_lock(self) -> None:
        """Queue the unsaved edits on the worker before the vault closes."""
        values = self.pending_values()
        if values and self.client_id is not None:
            client_id = self.client_id
            self.session.worker.submit(
                lambda ws: ws.edits.update(client_id, values) if ws is not None else None
            )
        self.clear()

    def clear(self) -> None:
        for timer in self._timers.values():
            timer.stop()
        self.client_id = self.profile = None
        self.revealed.clear()
        self._dirty.clear()
        self._loading = True
        for field, widget in self.inputs.items():
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(0)
            else:
                widget.clear()
            self.errors[field].clear()
        self._loading = False
        self.members.clear()
        self.save.setEnabled(False)
        self.saved.clear()
