"""A small form that saves through the vault worker: the service's refusal shows under
the form (the dialog stays open, the fields kept); the dialog closes once saved.

The complaints, contacts and events dialogs share it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import cast

from PySide6.QtCore import QDate, QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import ConfidantError
from app.services.changes import Changes
from app.services.workspace import Workspace
from ui.session import VaultSession

DATE_FORMAT = "yyyy-MM-dd"
TIME_FORMAT = "yyyy-MM-dd HH:mm"


def date_edit(day: date | None = None, latest: date | None = None) -> QDateEdit:
    """A date picker with a calendar pop-up, showing ``day`` (default today)."""
    edit: QDateEdit = QDateEdit(calendarPopup=True, displayFormat=DATE_FORMAT)
    edit.setDate(QDate(day or date.today()))
    if latest is not None:
        edit.setMaximumDate(QDate(latest))
    return edit


def datetime_edit(at: datetime | None = None) -> QDateTimeEdit:
    """A local date and time picker, showing ``at`` (default now, to the minute)."""
    edit = QDateTimeEdit(calendarPopup=True, displayFormat=TIME_FORMAT)
    now = at or datetime.now().replace(second=0, microsecond=0)
    edit.setDateTime(QDateTime(now))
    return edit


def local_time(edit: QDateTimeEdit) -> datetime:
    """The picked time as an aware datetime in the machine's time zone."""
    # The stubs type toPython() as object; QDateTime.toPython returns a datetime.
    return cast(datetime, edit.dateTime().toPython()).astimezone()


def picked_date(edit: QDateEdit) -> date:
    """The picked day."""
    # The stubs type toPython() as object; QDate.toPython returns a date.
    return cast(date, edit.date().toPython())


def choice_combo(names: dict[str, str], current: str | None = None) -> QComboBox:
    """A combo of translated names whose data is the service's key."""
    combo = QComboBox()
    for key, name in names.items():
        combo.addItem(name, key)
    if current is not None:
        combo.setCurrentIndex(max(combo.findData(current), 0))
    return combo


class FormDialog(QDialog):
    def __init__(
        self, session: VaultSession, initiator: object, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.initiator = initiator  # the view that skips reloading what it changed
        self.setMinimumWidth(460)
        self.form = QFormLayout()
        self.error = QLabel(objectName="error", wordWrap=True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(self.form)
        column.addWidget(self.error)
        column.addWidget(self.buttons)

    def save(self) -> None:
        raise NotImplementedError

    def submit(self, job: Callable[[Workspace], Changes]) -> None:
        """Run the change on the worker; close when done, say why when refused."""
        self.buttons.setEnabled(False)
        self.error.clear()
        self.session.mutate(job, self.initiator, lambda _: self.accept(), self._failed)

    def refuse(self, message: str) -> None:
        """Refuse before asking the vault (e.g. nothing picked yet)."""
        self.error.setText(message)

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, ConfidantError):
            self.error.setText(str(error))
        else:
            self.session.sig_error.emit(error)
